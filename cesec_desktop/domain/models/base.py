"""Base classes and the error envelope shared by every resource."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Response models: tolerant of fields a newer backend may add."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class Request(BaseModel):
    """Request bodies: strict, so a typo in a field name is a 422 and not silently ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


T = TypeVar("T")


class Page(Model, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class ErrorBody(Model):
    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorEnvelope(Model):
    error: ErrorBody
