"""Messages on `WS /api/v1/stream`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cesec_desktop.domain.models.base import Model, Request


class StreamCommand(Request):
    op: Literal["subscribe", "unsubscribe", "pong"]
    channel: Literal["quotes", "orders", "instructions"] | None = None
    ids: list[str] = Field(default_factory=list, max_length=1000)
    max_rate_hz: int | None = Field(default=None, ge=1, le=100, strict=True)
    """Quotes only: send each instrument at most this often, always its newest state."""


class StreamEvent(Model):
    """`{"channel": "quotes"|"orders"|"instructions", "data": [...]}` or `{"op": "ping"}`."""

    channel: str | None = None
    op: str | None = None
    data: list[dict] = Field(default_factory=list)
