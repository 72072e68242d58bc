"""The answers and bodies of the mock backend's `/mock/...` controls (the Tester panel's).

Answers are read as any server's are (`Model`: every string capped, unknown fields ignored,
money and prices as Decimal); an answer off this shape is an UnreadableAnswer, not data.
Fields a mock older than the contract lacks have defaults, so an older mock still shows what
it has.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import Field

from cesec_desktop.domain.enums import (
    Currency,
    InstructionStatus,
    InstructionType,
    Market,
    OrderStatus,
    OrderType,
    Side,
)
from cesec_desktop.domain.models.base import Model, Page, Request
from cesec_desktop.domain.money import Dec

MarketMode = Literal["auto", "open", "closed"]
ClockJump = Literal["close", "next_session"]
AdvanceStatus = Literal["processing", "executed", "rejected"]

MAX_ID = 128
MAX_PATH_PATTERN = 200
"""A fault's "[METHOD ]/glob" pattern, as the mock takes it."""
MAX_REASON = 500
"""A rejection reason, as the mock takes it."""


class MockInfo(Model):
    """`GET /mock`: a mock says so; a real backend has no such route."""

    mock: bool
    version: str = Field(default="", max_length=64)
    scenario: str | None = Field(default=None, max_length=MAX_ID)


class OutboxSms(Model):
    """One code the mock "sent" (the phone is the full number: mask it before showing)."""

    phone: str = Field(max_length=32)
    challenge_id: str = Field(max_length=MAX_ID)
    code: str = Field(max_length=16, repr=False)
    sent_at: datetime
    purpose: str = Field(default="signing", max_length=32)
    """"signing", "sign_in" or "password_reset"."""


class MockOrder(Model):
    """An order of any client, as the mock lists them for a tester."""

    id: str = Field(max_length=MAX_ID)
    client_id: str = Field(default="", max_length=MAX_ID)
    login: str = Field(default="", max_length=MAX_ID)
    instrument_id: str = Field(max_length=MAX_ID)
    side: Side
    order_type: OrderType = OrderType.LIMIT
    quantity: Dec
    filled_quantity: Dec = Decimal(0)
    price: Dec | None = None
    status: OrderStatus
    created_at: datetime

    @property
    def remaining(self) -> Decimal:
        return self.quantity - self.filled_quantity


class MockInstruction(Model):
    """A withdrawal of any client, as the mock lists them for a tester."""

    id: str = Field(max_length=MAX_ID)
    client_id: str = Field(default="", max_length=MAX_ID)
    login: str = Field(default="", max_length=MAX_ID)
    kind: InstructionType = InstructionType.WITHDRAWAL
    amount: Dec
    currency: Currency
    status: InstructionStatus
    created_at: datetime


class MockClock(Model):
    """The mock's own time and how far it is from the real one."""

    now: datetime
    offset_seconds: float = 0.0


class MarketHours(Model):
    always_open: bool = False
    modes: dict[Market, MarketMode] = Field(default_factory=dict)
    open_now: dict[Market, bool] = Field(default_factory=dict)


class PriceQuote(Model):
    """`POST /mock/prices`: the quote the instrument now has."""

    instrument_id: str = Field(max_length=MAX_ID)
    last: Dec
    bid: Dec | None = None
    ask: Dec | None = None
    time: datetime | None = None


class FaultState(Model):
    """Which faults are on; an `*_until` is on the mock's clock (None: until cleared)."""

    latency_ms: int = 0
    latency_until: datetime | None = None
    error_rate: float = 0.0
    error_status: int = 503
    error_path: str | None = Field(default=None, max_length=MAX_PATH_PATTERN)
    error_until: datetime | None = None
    stream_down: bool = False
    stream_down_until: datetime | None = None
    crash_after_commit: int = 0
    crash_path: str | None = Field(default=None, max_length=MAX_PATH_PATTERN)
    crash_until: datetime | None = None
    drip_bytes_per_second: int = 0
    drip_until: datetime | None = None

    @property
    def any_on(self) -> bool:
        return bool(
            self.latency_ms
            or self.error_rate
            or self.stream_down
            or self.crash_after_commit
            or self.drip_bytes_per_second
        )


class ScenarioInfo(Model):
    name: str = Field(max_length=MAX_ID)
    purpose: str = Field(default="", max_length=1000)


class ScenarioState(Model):
    """The scenario the mock's world comes from (None: the built-in seed)."""

    name: str | None = Field(default=None, max_length=MAX_ID)
    purpose: str | None = Field(default=None, max_length=1000)
    loaded_at: datetime | None = None


class ResetResult(Model):
    reset_at: datetime | None = None


OutboxPage = Page[OutboxSms]
MockOrdersPage = Page[MockOrder]
MockInstructionsPage = Page[MockInstruction]
ScenariosPage = Page[ScenarioInfo]


# --- bodies ------------------------------------------------------------------------------


class FaultChange(Request):
    """`POST /mock/faults`: only the fields set are sent (`exclude_none`).

    `until` (an instant on the mock's clock) or `for_seconds` applies to every fault this
    change sets.
    """

    latency_ms: int | None = Field(default=None, ge=0, le=60_000)
    error_rate: float | None = Field(default=None, ge=0, le=1)
    error_status: int | None = Field(default=None, ge=500, le=599)
    error_path: str | None = Field(default=None, max_length=MAX_PATH_PATTERN)
    stream_down: bool | None = None
    drop_stream: bool | None = None
    crash_after_commit: int | None = Field(default=None, ge=0, le=1000)
    crash_path: str | None = Field(default=None, max_length=MAX_PATH_PATTERN)
    drip_bytes_per_second: int | None = Field(default=None, ge=0)
    clear: bool | None = None
    until: datetime | None = None
    for_seconds: float | None = Field(default=None, gt=0)
