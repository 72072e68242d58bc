"""`/mock/*`: controls a tester uses; never part of a real backend."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from cesec_desktop.domain.enums import Market
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.seed import reset_database

router = APIRouter(prefix="/mock", tags=["mock"])


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SmsOutboxItem(BaseModel):
    phone: str
    challenge_id: str
    code: str
    sent_at: datetime


class SmsOutbox(BaseModel):
    items: list[SmsOutboxItem]


@router.get("/sms-outbox", response_model=SmsOutbox)
async def sms_outbox(request: Request, limit: int = Query(default=50, ge=1, le=1000)) -> SmsOutbox:
    """The codes the mock "sent", newest first."""
    rows = (
        get_state(request)
        .conn.execute(
            "SELECT phone, challenge_id, code, sent_at FROM sms_outbox ORDER BY seq DESC LIMIT ?",
            (limit,),
        )
        .fetchall()
    )
    return SmsOutbox(items=[SmsOutboxItem(**dict(r)) for r in rows])


class ClockState(BaseModel):
    now: datetime
    offset_seconds: float


class ClockChange(_Body):
    advance_seconds: float | None = Field(default=None, ge=-10 * 365 * 86400, le=10 * 365 * 86400)
    set_to: datetime | None = None
    reset: bool = False


def _clock_state(request: Request) -> ClockState:
    clock = get_state(request).clock
    return ClockState(now=clock.now(), offset_seconds=clock.offset.total_seconds())


@router.get("/clock", response_model=ClockState)
async def get_clock(request: Request) -> ClockState:
    return _clock_state(request)


@router.post("/clock", response_model=ClockState)
async def change_clock(body: ClockChange, request: Request) -> ClockState:
    """Move the mock's time: advance by seconds, set to an instant, or reset to real time."""
    clock = get_state(request).clock
    if body.reset:
        clock.set(datetime.now(clock.now().tzinfo))
    if body.set_to is not None:
        at = body.set_to
        if at.tzinfo is None:
            from datetime import UTC

            at = at.replace(tzinfo=UTC)
        clock.set(at)
    if body.advance_seconds is not None:
        clock.advance(body.advance_seconds)
    return _clock_state(request)


MarketMode = Literal["auto", "open", "closed"]


class MarketHours(BaseModel):
    always_open: bool
    modes: dict[Market, MarketMode]
    open_now: dict[Market, bool]


class MarketHoursChange(_Body):
    always_open: bool | None = None
    modes: dict[Market, MarketMode] = Field(default_factory=dict)


def _market_hours(request: Request) -> MarketHours:
    state = get_state(request)
    return MarketHours(
        always_open=state.config.always_open,
        modes={m: state.override.modes.get(m, "auto") for m in Market},  # type: ignore[misc]
        open_now={m: state.is_open(m) for m in Market},
    )


@router.get("/market-hours", response_model=MarketHours)
async def get_market_hours(request: Request) -> MarketHours:
    return _market_hours(request)


@router.post("/market-hours", response_model=MarketHours)
async def change_market_hours(body: MarketHoursChange, request: Request) -> MarketHours:
    state = get_state(request)
    if body.always_open is not None:
        state.config.always_open = body.always_open
    state.override.modes.update(body.modes)
    return _market_hours(request)


class FaultState(BaseModel):
    latency_ms: int
    error_rate: float
    crash_after_commit: int
    stream_down: bool


class FaultChange(_Body):
    latency_ms: int | None = Field(default=None, ge=0, le=60_000)
    error_rate: float | None = Field(default=None, ge=0, le=1)
    crash_after_commit: int | None = Field(default=None, ge=0, le=1000)
    stream_down: bool | None = None
    drop_stream: bool = False
    """Close every open stream once (clients reconnect at once)."""
    clear: bool = False


def _faults(request: Request) -> FaultState:
    f = get_state(request).faults
    return FaultState(
        latency_ms=f.latency_ms,
        error_rate=f.error_rate,
        crash_after_commit=f.crash_after_commit,
        stream_down=f.stream_down,
    )


@router.get("/faults", response_model=FaultState)
async def get_faults(request: Request) -> FaultState:
    return _faults(request)


@router.post("/faults", response_model=FaultState)
async def change_faults(body: FaultChange, request: Request) -> FaultState:
    state = get_state(request)
    faults = state.faults
    if body.clear:
        faults.latency_ms, faults.error_rate = 0, 0.0
        faults.crash_after_commit, faults.stream_down = 0, False
    for name in ("latency_ms", "error_rate", "crash_after_commit", "stream_down"):
        value = getattr(body, name)
        if value is not None:
            setattr(faults, name, value)
    if body.drop_stream or faults.stream_down:
        state.hub.drop_all()
    return _faults(request)


class ResetResult(BaseModel):
    reset_at: str


@router.post("/reset", response_model=ResetResult)
async def reset(request: Request) -> ResetResult:
    """Back to the seed: every user, order, instruction and price as on first start."""
    state = get_state(request)
    state.hub.drop_all()
    # Real time first, so the reseeded history and prices are dated now, not in a moved clock.
    state.clock.offset = timedelta(0)
    reset_database(state)
    state.faults.latency_ms, state.faults.error_rate = 0, 0.0
    state.faults.crash_after_commit, state.faults.stream_down = 0, False
    return ResetResult(reset_at=iso(state.clock.now()))
