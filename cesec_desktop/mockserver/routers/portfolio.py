"""`/portfolio` and `/portfolio/history`: positions, cash and their value in KZT.

The valuation itself is `valuation.build_portfolio`, shared with the broker's book.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from decimal import Decimal

from fastapi import APIRouter, Depends, Query, Request

from cesec_desktop.domain.markets import is_trading_day
from cesec_desktop.domain.models.portfolio import (
    Portfolio,
    PortfolioHistory,
    PortfolioHistoryPoint,
)
from cesec_desktop.domain.money import round_money
from cesec_desktop.mockserver.deps import get_state, subject_id
from cesec_desktop.mockserver.errors import ApiError, error_responses, validation_error
from cesec_desktop.mockserver.listing import DateFrom, DateTo, check_period
from cesec_desktop.mockserver.state import ServerState
from cesec_desktop.mockserver.valuation import (
    ZERO,
    build_portfolio,
    instruments,
    kzt_rate,
    owner_accounts,
    placeholders,
)

router = APIRouter(tags=["portfolio"])

DEFAULT_HISTORY_DAYS = 180
MAX_HISTORY_DAYS = 3660
EARLIEST = date(1900, 1, 1)


def subject_accounts(state: ServerState, owner: str, account_id: str | None) -> list[str]:
    """The accounts an answer covers: one named account, or all of the subject's."""
    if account_id is not None:
        row = state.conn.execute(
            "SELECT id FROM accounts WHERE id = ? AND user_id = ?", (account_id, owner)
        ).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "Account not found")
        return [row["id"]]
    return owner_accounts(state.conn, owner)


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
    marks_sql = placeholders(len(ids))
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
    infos = instruments(state.conn, sorted({p.instrument_id for p in now.positions}))
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
                    info.value(current[info.id], qty) * kzt_rate(info.currency, rate)
                    for info, qty, _ in holdings
                ),
                ZERO,
            )
            points.append(PortfolioHistoryPoint(date=day, value=round_money(value)))
        day += timedelta(days=1)
    if start <= today <= end:
        points.append(PortfolioHistoryPoint(date=today, value=now.totals.total_value))
    return PortfolioHistory(account_id=account_id, items=points)
