"""Market data: markets, instrument search, quotes, candles and watchlists."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from cesec_desktop.domain.enums import CandleInterval, Market, Role
from cesec_desktop.domain.markets import MARKETS
from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.market import (
    CandleSeries,
    Instrument,
    MarketInfo,
    Quote,
    Watchlist,
    Watchlists,
    WatchlistUpdate,
)
from cesec_desktop.domain.money import round_money
from cesec_desktop.mockserver.db import transaction
from cesec_desktop.mockserver.deps import User, current_user, get_state, subject_id
from cesec_desktop.mockserver.errors import forbidden, not_found, validation_error
from cesec_desktop.mockserver.simulator import MAX_BARS, TIMEZONES, Simulator, TooManyBars
from cesec_desktop.mockserver.state import QuoteSnapshot, ServerState

router = APIRouter(tags=["market"])

MAX_QUOTE_IDS = 300
ID_MAX_LENGTH = 64
DEFAULT_SPAN: dict[CandleInterval, timedelta] = {
    CandleInterval.M5: timedelta(days=5),
    CandleInterval.H1: timedelta(days=30),
    CandleInterval.D1: timedelta(days=365),
}
MARKET_ORDER = {market: index for index, market in enumerate(Market)}


def instrument_of(row: sqlite3.Row) -> Instrument:
    return Instrument(
        id=row["id"],
        market=row["market"],
        ticker=row["ticker"],
        name=row["name"],
        isin=row["isin"],
        currency=row["currency"],
        kind=row["kind"],
        lot_size=row["lot_size"],
        price_step=Decimal(row["price_step"]),
        face_value=Decimal(row["face_value"]) if row["face_value"] is not None else None,
    )


def _short(value: str) -> str:
    """Ids echoed in an error, cut so a huge input is never sent back whole."""
    return value if len(value) <= ID_MAX_LENGTH else value[:ID_MAX_LENGTH] + "…"


def _listing(values: list[str], limit: int = 10) -> str:
    shown = ", ".join(_short(v) for v in values[:limit])
    return shown + (f" (+{len(values) - limit} more)" if len(values) > limit else "")


def snapshot_dict(snapshot: QuoteSnapshot) -> dict[str, Any]:
    """A `QuoteSnapshot` as a json-ready `Quote` (for a market that is not our simulator)."""
    prev = snapshot.prev_close
    change = snapshot.last - prev
    pct = round_money(change * 100 / prev) if prev else Decimal("0.00")
    return Quote(
        instrument_id=snapshot.instrument_id,
        last=snapshot.last,
        change=change,
        change_pct=pct,
        bid=snapshot.bid,
        ask=snapshot.ask,
        bid_size=snapshot.bid_size,
        ask_size=snapshot.ask_size,
        open=snapshot.open,
        high=snapshot.high,
        low=snapshot.low,
        prev_close=prev,
        volume=snapshot.volume,
        time=snapshot.time,
    ).model_dump(mode="json")


def quote_dicts(state: ServerState, ids: list[str]) -> list[dict[str, Any]]:
    """Current json-ready quotes of the known ids among `ids`, in order."""
    market = state.require_market()
    if isinstance(market, Simulator):
        return [q for q in map(market.quote_dict, ids) if q is not None]
    return [snapshot_dict(s) for s in map(market.quote, ids) if s is not None]


@router.get("/markets", response_model=Page[MarketInfo], responses={401: {}, 403: {}})
async def markets(request: Request, user: User = Depends(current_user)) -> Page[MarketInfo]:
    """KASE, AIX and INTL with their session hours and whether they trade now."""
    state = get_state(request)
    return Page[MarketInfo](
        items=[
            MarketInfo(
                id=m,
                name=r.name,
                currency=r.currency,
                timezone=r.timezone,
                session_open=r.session_open,
                session_close=r.session_close,
                is_open=state.is_open(m),
            )
            for m, r in MARKETS.items()
        ]
    )


def _search_rank(row: sqlite3.Row, needle: str) -> int | None:
    """0 exact ticker, 1 ticker prefix, 2 part of ticker, name, ISIN or id; None: no match."""
    if not needle:
        return 2
    ticker = row["ticker"].lower()
    if ticker == needle:
        return 0
    if ticker.startswith(needle):
        return 1
    haystacks = (ticker, row["name"].lower(), (row["isin"] or "").lower(), row["id"].lower())
    return 2 if any(needle in h for h in haystacks) else None


@router.get("/instruments", response_model=Page[Instrument], responses={401: {}, 403: {}, 422: {}})
async def search_instruments(
    request: Request,
    q: str = Query(default="", max_length=64, description="Part of a ticker, name or ISIN"),
    market: Market | None = Query(default=None),
    limit: int = Query(default=20, ge=1, le=200),
    user: User = Depends(current_user),
) -> Page[Instrument]:
    """Search visible instruments: ticker prefix matches first, then the rest."""
    sql = "SELECT * FROM instruments WHERE hidden = 0"
    params: list[Any] = []
    if market is not None:
        sql += " AND market = ?"
        params.append(market.value)
    needle = q.strip().lower()
    ranked = []
    for row in get_state(request).conn.execute(sql, params):
        rank = _search_rank(row, needle)
        if rank is not None:
            ranked.append((rank, MARKET_ORDER.get(Market(row["market"]), 9), row["ticker"], row))
    ranked.sort(key=lambda item: item[:3])
    return Page[Instrument](items=[instrument_of(item[3]) for item in ranked[:limit]])


def _instrument_row(state: ServerState, instrument_id: str) -> sqlite3.Row:
    row = state.conn.execute("SELECT * FROM instruments WHERE id = ?", (instrument_id,)).fetchone()
    if row is None:
        raise not_found("Instrument")
    return row


InstrumentId = Annotated[
    str, Path(max_length=ID_MAX_LENGTH, description="MARKET:TICKER, e.g. KASE:HSBK")
]


@router.get(
    "/instruments/{instrument_id}",
    response_model=Instrument,
    responses={401: {}, 403: {}, 404: {}, 422: {}},
)
async def get_instrument(
    request: Request,
    instrument_id: InstrumentId,
    user: User = Depends(current_user),
) -> Instrument:
    return instrument_of(_instrument_row(get_state(request), instrument_id))


@router.get("/quotes", response_model=Page[Quote], responses={401: {}, 403: {}, 422: {}})
async def quotes(
    request: Request,
    ids: str = Query(
        max_length=MAX_QUOTE_IDS * (ID_MAX_LENGTH + 1),
        description=f"Comma-separated instrument ids (1 to {MAX_QUOTE_IDS})",
    ),
    user: User = Depends(current_user),
) -> Page[Quote]:
    """The current quotes of the given instruments, in the order asked."""
    wanted = list(dict.fromkeys(part.strip() for part in ids.split(",") if part.strip()))
    if not wanted:
        raise validation_error({"ids": "at least one instrument id is required"})
    if len(wanted) > MAX_QUOTE_IDS:
        raise validation_error({"ids": f"at most {MAX_QUOTE_IDS} ids"})
    state = get_state(request)
    market = state.require_market()
    if isinstance(market, Simulator):
        unknown = [i for i in wanted if not market.knows(i)]
    else:
        unknown = [i for i in wanted if market.quote(i) is None]
    if unknown:
        raise validation_error({"ids": f"unknown: {_listing(unknown)}"})
    return Page[Quote](items=[Quote.model_validate(q) for q in quote_dicts(state, wanted)])


def _parse_bound(text: str | None, field: str, tz: Any, is_end: bool) -> datetime | None:
    """An ISO date (a whole market-local day) or an aware ISO datetime (naive means UTC)."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            if not 1970 <= day.year <= 2100:
                raise ValueError
            if is_end:
                day += timedelta(days=1)
            return datetime.combine(day, datetime.min.time(), tz)
        try:
            at = datetime.fromisoformat(value)
        except ValueError:
            # An unencoded "+05:00" arrives as " 05:00".
            at = datetime.fromisoformat(value.replace(" ", "+"))
        if not 1970 <= at.year <= 2100:
            raise ValueError
        return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        raise validation_error({field: "must be an ISO date (YYYY-MM-DD) or datetime"}) from None


@router.get(
    "/instruments/{instrument_id}/candles",
    response_model=CandleSeries,
    responses={401: {}, 403: {}, 404: {}, 422: {}},
)
async def candles(
    request: Request,
    instrument_id: InstrumentId,
    interval: CandleInterval = Query(default=CandleInterval.D1),
    from_: str | None = Query(
        default=None,
        alias="from",
        max_length=40,
        description="ISO date or datetime; default depends on interval",
    ),
    to: str | None = Query(default=None, max_length=40, description="ISO date or datetime"),
    user: User = Depends(current_user),
) -> CandleSeries:
    """OHLCV bars with from <= time < to (a `to` date includes that whole day)."""
    state = get_state(request)
    row = _instrument_row(state, instrument_id)
    market = state.require_market()
    if not isinstance(market, Simulator):
        return CandleSeries(instrument_id=instrument_id, interval=interval, items=[])
    tz = TIMEZONES[Market(row["market"])]
    start = _parse_bound(from_, "from", tz, is_end=False)
    end = _parse_bound(to, "to", tz, is_end=True)
    now = state.clock.now()
    if end is None:
        end = now + timedelta(seconds=interval.seconds)
    if start is None:
        if interval is CandleInterval.M1:
            start = datetime.combine(end.astimezone(tz).date(), datetime.min.time(), tz)
            if end.astimezone(tz).time() == datetime.min.time():
                start -= timedelta(days=1)
        else:
            start = end - DEFAULT_SPAN[interval]
    if start >= end:
        raise validation_error({"from": "must be before to"})
    try:
        items = market.candles(instrument_id, interval, start, end)
    except TooManyBars:
        raise validation_error(
            {"from": f"the range holds more than {MAX_BARS} bars; narrow it"}
        ) from None
    return CandleSeries(instrument_id=instrument_id, interval=interval, items=items)


def _watchlist(state: ServerState, user_id: str, market: Market) -> Watchlist:
    rows = state.conn.execute(
        "SELECT instrument_id FROM watchlists WHERE user_id = ? AND market = ? ORDER BY position",
        (user_id, market.value),
    ).fetchall()
    return Watchlist(market=market, instrument_ids=[r["instrument_id"] for r in rows])


@router.get("/watchlists", response_model=Watchlists, responses={401: {}, 403: {}, 422: {}})
async def get_watchlists(request: Request, owner: str = Depends(subject_id)) -> Watchlists:
    """The user's (or, for a broker, the client's) ordered list per market."""
    state = get_state(request)
    return Watchlists(items=[_watchlist(state, owner, m) for m in Market])


@router.put("/watchlists/{market}", response_model=Watchlist, responses={401: {}, 403: {}, 422: {}})
async def put_watchlist(
    market: Market, body: WatchlistUpdate, request: Request, user: User = Depends(current_user)
) -> Watchlist:
    """Replace the user's own list for one market; the order given is kept."""
    if user.role is not Role.CLIENT:
        raise forbidden("Brokers may not change a client's watchlist")
    state = get_state(request)
    ids = body.instrument_ids
    duplicates = [i for i, count in Counter(ids).items() if count > 1]
    if duplicates:
        raise validation_error({"instrument_ids": f"duplicate: {_listing(duplicates)}"})
    rows = {}
    for chunk in (ids[i : i + 100] for i in range(0, len(ids), 100)):
        marks = ",".join("?" * len(chunk))
        for row in state.conn.execute(
            f"SELECT id, market, hidden FROM instruments WHERE id IN ({marks})", chunk
        ):
            rows[row["id"]] = row
    unknown = [i for i in ids if i not in rows or rows[i]["hidden"]]
    if unknown:
        raise validation_error({"instrument_ids": f"unknown: {_listing(unknown)}"})
    elsewhere = [i for i in ids if rows[i]["market"] != market.value]
    if elsewhere:
        raise validation_error({"instrument_ids": f"not on {market.value}: {_listing(elsewhere)}"})
    with transaction(state.conn):
        state.conn.execute(
            "DELETE FROM watchlists WHERE user_id = ? AND market = ?", (user.id, market.value)
        )
        state.conn.executemany(
            "INSERT INTO watchlists (user_id, market, position, instrument_id) VALUES (?, ?, ?, ?)",
            [(user.id, market.value, position, i) for position, i in enumerate(ids)],
        )
    return _watchlist(state, user.id, market)
