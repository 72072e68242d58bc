"""`/mock/*`: controls a tester uses; never part of a real backend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from cesec_desktop import __version__
from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.money import Dec
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.errors import ApiError, error_responses, not_found, validation_error
from cesec_desktop.mockserver.fault_control import (
    FaultChange,
    FaultState,
    apply_fault_change,
    clear_faults,
    fault_state,
)
from cesec_desktop.mockserver.seed import reset_database
from cesec_desktop.mockserver.session_jumps import next_close, next_open
from cesec_desktop.mockserver.simulator import BadPrice, Simulator

router = APIRouter(prefix="/mock", tags=["mock"])


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MockInfo(BaseModel):
    mock: bool = Field(description="always true: this backend is the mock")
    version: str
    scenario: str | None = Field(description="the loaded scenario's name, if any")


@router.get("", response_model=MockInfo)
async def mock_info(request: Request) -> MockInfo:
    """Whether this is the mock (the app shows its Tester panel only then), and its world."""
    state = get_state(request)
    return MockInfo(mock=True, version=__version__, scenario=getattr(state, "scenario_name", None))


class SmsOutboxItem(BaseModel):
    phone: str
    challenge_id: str
    code: str
    sent_at: datetime
    purpose: Literal["signing", "sign_in", "password_reset"] = "signing"


class SmsOutbox(BaseModel):
    items: list[SmsOutboxItem]


@router.get("/sms-outbox", response_model=SmsOutbox)
async def sms_outbox(request: Request, limit: int = Query(default=50, ge=1, le=1000)) -> SmsOutbox:
    """The codes the mock "sent", newest first."""
    rows = (
        get_state(request)
        .conn.execute(
            "SELECT phone, challenge_id, code, sent_at, purpose FROM sms_outbox "
            "ORDER BY seq DESC LIMIT ?",
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
    jump: Literal["close", "next_session"] | None = Field(
        default=None,
        description="after the other changes: to the market's next session close, or to its "
        "next session open",
    )
    market: Market = Field(default=Market.KASE, description="whose session `jump` follows")


def _clock_state(request: Request) -> ClockState:
    clock = get_state(request).clock
    return ClockState(now=clock.now(), offset_seconds=clock.offset.total_seconds())


@router.get("/clock", response_model=ClockState)
async def get_clock(request: Request) -> ClockState:
    return _clock_state(request)


@router.post("/clock", response_model=ClockState)
async def change_clock(body: ClockChange, request: Request) -> ClockState:
    """Move the mock's time: advance by seconds, set to an instant, reset to real time, or
    jump to a market's next session close or open (in that order)."""
    state = get_state(request)
    clock = state.clock
    if body.reset:
        clock.offset = timedelta(0)
    if body.set_to is not None:
        at = body.set_to
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        clock.set(at)
    if body.advance_seconds is not None:
        clock.advance(body.advance_seconds)
    # A loaded scenario may give a market hours of its own (ServerState.session_hours).
    hours = getattr(state, "session_hours", {}).get(body.market)
    if body.jump == "close":
        clock.set(next_close(body.market, clock.now(), hours))
    elif body.jump == "next_session":
        clock.set(next_open(body.market, clock.now(), hours))
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


@router.get("/faults", response_model=FaultState)
async def get_faults(request: Request) -> FaultState:
    """Every injected fault; one whose end has passed on the mock clock reads as off."""
    return fault_state(get_state(request))


@router.post("/faults", response_model=FaultState, responses=error_responses(422))
async def change_faults(body: FaultChange, request: Request) -> FaultState:
    """Turn faults on or off, each until an instant of the mock clock if asked."""
    state = get_state(request)
    apply_fault_change(state, body)
    return fault_state(state)


class PriceChange(_Body):
    instrument_id: str = Field(max_length=64)
    price: Dec = Field(description="> 0, on the instrument's tick size")


class PriceState(BaseModel):
    instrument_id: str
    last: Dec
    bid: Dec
    ask: Dec
    time: datetime


@router.post("/prices", response_model=PriceState, responses=error_responses(404, 409, 422))
async def set_price(body: PriceChange, request: Request) -> PriceState:
    """Trade an instrument at a price now: streams get the tick, resting limit orders the
    price crosses fill (while the market is open), and the walk goes on from there."""
    market = get_state(request).market
    if not isinstance(market, Simulator):
        raise ApiError(409, "no_simulator", "This backend runs no market simulator")
    try:
        quote = market.set_price(body.instrument_id, body.price)
    except KeyError:
        raise not_found("Instrument") from None
    except BadPrice as exc:
        raise validation_error({"price": exc.code}, str(exc)) from None
    return PriceState(
        instrument_id=quote.instrument_id,
        last=quote.last,
        bid=quote.bid,
        ask=quote.ask,
        # To the millisecond, as the quote's time reads everywhere else.
        time=quote.time.replace(microsecond=quote.time.microsecond // 1000 * 1000),
    )


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
    clear_faults(state)
    return ResetResult(reset_at=iso(state.clock.now()))
