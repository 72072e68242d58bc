"""Support requests filed from the app."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from cesec_desktop.domain.enums import (
    Environment,
    SupportComponent,
    SupportPriority,
    SupportStatus,
)
from cesec_desktop.domain.models.base import Model, Request


class SupportAttachment(Request):
    name: str = Field(min_length=1, max_length=120)
    content_type: str = Field(min_length=1, max_length=80)
    data: str = Field(min_length=1, max_length=4_000_000, description="base64, at most ~3 MB")


class SupportRequestCreate(Request):
    summary: str = Field(min_length=3, max_length=200)
    details: str = Field(default="", max_length=10_000)
    component: SupportComponent
    priority: SupportPriority
    environment: Environment
    attachments: list[SupportAttachment] = Field(default_factory=list, max_length=4)


class SupportRequest(Model):
    id: str
    number: str
    summary: str
    details: str = Field(max_length=16_000)
    component: SupportComponent
    priority: SupportPriority
    environment: Environment
    status: SupportStatus
    created_at: datetime
    attachment_names: list[str] = Field(default_factory=list)
