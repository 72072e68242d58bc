"""`/portfolio` and `/portfolio/history`: positions, cash and their value in KZT.

Every total is computed from the rows the answer shows: each row's value is converted to KZT
at the one rate the answer states (`fx_rates`), summed exactly, and rounded once, so a client
adding the rows up gets the same figure.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from fastapi import APIRouter, Depends, Query, Request

from cesec_desktop.domain.catalog import USDKZT_LEVEL
from cesec_desktop.domain.enums import Currency
from cesec_desktop.domain.markets import is_trading_day
from cesec_desktop.domain.models.portfolio import (
    CashBalance,
    Portfolio,
    PortfolioHistory,
    PortfolioHistoryPoint,
    PortfolioTotals,
    Position,
)
from cesec_desktop.domain.money import CENT, round_money
from cesec_desktop.mockserver import balances
from cesec_desktop.mockserver.deps import get_state, subject_id
from cesec_desktop.mockserver.errors import ApiError, error_responses, validation_error
from cesec_desktop.mockserver.listing import DateFrom, DateTo, check_period
from cesec_desktop.mockserver.state import ServerState

router = APIRouter(tags=["portfolio"])

ZERO = Decimal(0)
HUNDRED = Decimal(100)
DEFAULT_HISTORY_DAYS = 180
MAX_HISTORY_DAYS = 3660
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class Mark:
    """What an instrument is worth now: last price and the previous close."""

    last: Decimal
    prev_close: Decimal


@dataclass(frozen=True)
class InstrumentInfo:
    id: str
    ticker: str
    name: str
    currency: str
    face_value: Decimal | None

    def value(self, price: Decimal, quantity: Decimal) -> Decimal:
        """A holding's worth at `price`; a bond's price is % of its face value."""
        if self.face_value is not None:
            return price / HUNDRED * self.face_value * quantity
        return price * quantity


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


def _instruments(conn: sqlite3.Connection, ids: list[str]) -> dict[str, InstrumentInfo]:
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT id, ticker, name, currency, face_value FROM instruments "
        f"WHERE id IN ({_placeholders(len(ids))})",
        ids,
    ).fetchall()
    return {
        r["id"]: InstrumentInfo(
            r["id"],
            r["ticker"],
            r["name"],
            r["currency"],
            Decimal(r["face_value"]) if r["face_value"] else None,
        )
        for r in rows
    }


def marks(state: ServerState, ids: list[str]) -> dict[str, Mark]:
    """Live quotes first; then the saved walk, the last daily close, the catalog level."""
    result: dict[str, Mark] = {}
    market = state.market
    for instrument_id in ids:
        quote = market.quote(instrument_id) if market is not None else None
        if quote is not None:
            result[instrument_id] = Mark(quote.last, quote.prev_close)
    missing = [i for i in ids if i not in result]
    if not missing:
        return result
    conn = state.conn
    for r in conn.execute(
        f"SELECT instrument_id, last, prev_close FROM prices "
        f"WHERE instrument_id IN ({_placeholders(len(missing))})",
        missing,
    ):
        result[r["instrument_id"]] = Mark(Decimal(r["last"]), Decimal(r["prev_close"]))
    missing = [i for i in missing if i not in result]
    if missing:
        # SQLite returns the row that holds MAX(day) for the bare `close` column.
        for r in conn.execute(
            "SELECT instrument_id, MAX(day) AS day, close FROM daily_bars "
            f"WHERE instrument_id IN ({_placeholders(len(missing))}) GROUP BY instrument_id",
            missing,
        ):
            close = Decimal(r["close"])
            result[r["instrument_id"]] = Mark(close, close)
    missing = [i for i in missing if i not in result]
    if missing:
        for r in conn.execute(
            f"SELECT id, level FROM instruments WHERE id IN ({_placeholders(len(missing))})",
            missing,
        ):
            level = Decimal(r["level"])
            result[r["id"]] = Mark(level, level)
    return result


def usdkzt(state: ServerState) -> Decimal:
    """The rate every KZT figure of one answer uses, to the tiyn."""
    rate = state.market.usdkzt() if state.market is not None else USDKZT_LEVEL
    return rate.quantize(CENT)


def _rate(currency: str, rate: Decimal) -> Decimal:
    return rate if currency == Currency.USD.value else Decimal(1)


def subject_accounts(state: ServerState, owner: str, account_id: str | None) -> list[str]:
    """The accounts an answer covers: one named account, or all of the subject's."""
    if account_id is not None:
        row = state.conn.execute(
            "SELECT id FROM accounts WHERE id = ? AND user_id = ?", (account_id, owner)
        ).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "Account not found")
        return [row["id"]]
    rows = state.conn.execute(
        "SELECT id FROM accounts WHERE user_id = ? ORDER BY number", (owner,)
    ).fetchall()
    return [r["id"] for r in rows]


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return round_money(part / whole * HUNDRED) if whole > 0 else Decimal("0.00")


def build_portfolio(
    state: ServerState, account_ids: list[str], account_id: str | None = None
) -> Portfolio:
    """The portfolio over these accounts; `account_id` only labels the answer."""
    conn, today = state.conn, state.clock.today()
    held = [(a, p) for a in account_ids for p in balances.position_states(conn, a, today)]
    ids = sorted({p.instrument_id for _, p in held})
    infos, prices = _instruments(conn, ids), marks(state, ids)
    rate = usdkzt(state)
    positions: list[Position] = []
    securities_kzt = day_change_kzt = ZERO
    for holder, pos in held:
        info, mark = infos.get(pos.instrument_id), prices.get(pos.instrument_id)
        if info is None or mark is None:
            continue
        value = round_money(info.value(mark.last, pos.quantity))
        cost = round_money(info.value(pos.average_price, pos.quantity))
        pnl = value - cost
        positions.append(
            Position(
                account_id=holder,
                instrument_id=info.id,
                ticker=info.ticker,
                name=info.name,
                currency=info.currency,
                quantity=pos.quantity,
                available=pos.available,
                average_price=pos.average_price,
                last_price=mark.last,
                value=value,
                unrealized_pnl=pnl,
                unrealized_pnl_pct=_pct(pnl, cost),
            )
        )
        securities_kzt += value * _rate(info.currency, rate)
        day_change_kzt += (
            info.value(mark.last, pos.quantity) - info.value(mark.prev_close, pos.quantity)
        ) * _rate(info.currency, rate)
    cash: list[CashBalance] = []
    cash_kzt = ZERO
    for holder in account_ids:
        for c in balances.cash_states(conn, holder, today):
            cash.append(
                CashBalance(
                    account_id=holder,
                    currency=c.currency,
                    balance=c.balance,
                    available=c.available,
                    blocked=c.blocked,
                )
            )
            cash_kzt += c.balance * _rate(c.currency, rate)
    securities, cash_value = round_money(securities_kzt), round_money(cash_kzt)
    total, day_change = securities + cash_value, round_money(day_change_kzt)
    return Portfolio(
        account_id=account_id,
        positions=positions,
        cash=cash,
        totals=PortfolioTotals(
            securities_value=securities,
            cash_value=cash_value,
            total_value=total,
            day_change=day_change,
            day_change_pct=_pct(day_change, total - day_change),
        ),
        fx_rates={"USDKZT": rate},
    )


@router.get("/portfolio", response_model=Portfolio, responses=error_responses(401, 403, 404, 422))
async def portfolio(
    request: Request,
    owner: str = Depends(subject_id),
    account_id: str | None = Query(default=None, max_length=64),
) -> Portfolio:
    """Positions and cash with their value, and totals in KZT."""
    state = get_state(request)
    return build_portfolio(state, subject_accounts(state, owner, account_id), account_id)


def _history_range(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The days asked for, ending today at the latest (a future `from` gives no points)."""
    check_period(start, end)
    end = min(end or today, today)
    if end < EARLIEST:
        return today, today - timedelta(days=1)  # long before any data: no points
    start = start or end - timedelta(days=DEFAULT_HISTORY_DAYS)
    if (end - start).days > MAX_HISTORY_DAYS:
        raise validation_error({"from": "range_too_long"})
    return start, end


def _closes(
    conn: sqlite3.Connection, ids: list[str], start: date, end: date
) -> tuple[dict[str, Decimal], dict[str, dict[str, Decimal]]]:
    """The last close before `start` per instrument, and every close from `start` to `end`."""
    before: dict[str, Decimal] = {}
    within: dict[str, dict[str, Decimal]] = {i: {} for i in ids}
    if not ids:
        return before, within
    marks_sql = _placeholders(len(ids))
    for r in conn.execute(
        "SELECT instrument_id, MAX(day) AS day, close FROM daily_bars "
        f"WHERE instrument_id IN ({marks_sql}) AND day < ? GROUP BY instrument_id",
        [*ids, start.isoformat()],
    ):
        before[r["instrument_id"]] = Decimal(r["close"])
    for r in conn.execute(
        "SELECT instrument_id, day, close FROM daily_bars "
        f"WHERE instrument_id IN ({marks_sql}) AND day >= ? AND day <= ?",
        [*ids, start.isoformat(), end.isoformat()],
    ):
        within[r["instrument_id"]][r["day"]] = Decimal(r["close"])
    return before, within


@router.get(
    "/portfolio/history",
    response_model=PortfolioHistory,
    responses=error_responses(401, 403, 404, 422),
)
async def portfolio_history(
    request: Request,
    owner: str = Depends(subject_id),
    account_id: str | None = Query(default=None, max_length=64),
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> PortfolioHistory:
    """Daily value in KZT: today's holdings and cash priced at each trading day's close."""
    state = get_state(request)
    today = state.clock.today()
    start, end = _history_range(date_from, date_to, today)
    accounts = subject_accounts(state, owner, account_id)
    now = build_portfolio(state, accounts)
    rate = Decimal(now.fx_rates["USDKZT"])
    infos = _instruments(state.conn, sorted({p.instrument_id for p in now.positions}))
    holdings = [
        (infos[p.instrument_id], p.quantity, p.last_price)
        for p in now.positions
        if p.instrument_id in infos
    ]
    before, within = _closes(state.conn, sorted(infos), start, end)
    # Forward-filled closes; before an instrument's first bar, its current price stands in.
    current: dict[str, Decimal] = {i.id: before.get(i.id, last) for i, _, last in holdings}
    points: list[PortfolioHistoryPoint] = []
    day = start
    while day < min(end + timedelta(days=1), today):
        key = day.isoformat()
        for info, _, _ in holdings:
            if key in within[info.id]:
                current[info.id] = within[info.id][key]
        if is_trading_day(day):
            value = now.totals.cash_value + sum(
                (
                    info.value(current[info.id], qty) * _rate(info.currency, rate)
                    for info, qty, _ in holdings
                ),
                ZERO,
            )
            points.append(PortfolioHistoryPoint(date=day, value=round_money(value)))
        day += timedelta(days=1)
    if start <= today <= end:
        points.append(PortfolioHistoryPoint(date=today, value=now.totals.total_value))
    return PortfolioHistory(account_id=account_id, items=points)
