"""A broker's book: each watched client's summary, every position, and the summary events.

A summary is `valuation.build_portfolio` over all of the client's accounts (exactly what
`GET /portfolio?client_id=` totals) plus what a desk needs beside it: cash per currency,
blocked cash, open orders, withdrawals in progress and the latest activity.

Brokers' streams carry `{"channel": "client_summary", "data": <summary>}` whenever a watched
client's cash or positions change: an order placed, filled or closed (trading.py and the
orders router), a withdrawal signed or moved (withdrawals.publish), and the settlement of deals
when the exchange day turns (the housekeeping job installed here). Nothing is conflated.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cesec_desktop.domain.enums import Role
from cesec_desktop.domain.models.book import ClientCash, ClientSummary, LastActivity
from cesec_desktop.domain.money import format_decimal, round_money
from cesec_desktop.mockserver.balances import OPEN_INSTRUCTION_STATUSES, OPEN_ORDER_STATUSES
from cesec_desktop.mockserver.clock import parse_iso
from cesec_desktop.mockserver.routers.profile import accounts_of
from cesec_desktop.mockserver.state import ServerState
from cesec_desktop.mockserver.valuation import (
    ZERO,
    build_portfolio,
    kzt_rate,
    owner_accounts,
    placeholders,
)

log = logging.getLogger(__name__)

SUMMARY_CHANNEL = "client_summary"
"""The stream channel every broker's stream carries from the start (no subscribe needed)."""

# On equal times the deal says more than the order it filled.
_ACTIVITY_RANK = {"fill": 0, "order": 1, "withdrawal": 2}


def watched_clients(
    conn: sqlite3.Connection, broker_id: str, after: str | None, limit: int
) -> list[sqlite3.Row]:
    """Up to `limit` of the broker's clients by id, after the client id `after`."""
    return conn.execute(
        "SELECT u.id, u.full_name, u.iin FROM broker_clients b JOIN users u ON u.id = b.client_id "
        "WHERE b.broker_id = ? AND u.id > ? ORDER BY u.id LIMIT ?",
        (broker_id, after or "", limit),
    ).fetchall()


def _count(
    conn: sqlite3.Connection, table: str, accounts: list[str], statuses: Sequence[str]
) -> int:
    if not accounts:
        return 0
    row = conn.execute(
        f"SELECT COUNT(*) AS n FROM {table} WHERE account_id IN ({placeholders(len(accounts))}) "
        f"AND status IN ({placeholders(len(statuses))})",
        [*accounts, *statuses],
    ).fetchone()
    return int(row["n"])


def last_activity(conn: sqlite3.Connection, client_id: str) -> LastActivity | None:
    """The latest order placed, deal made, or withdrawal status change of the client."""
    found: list[tuple[datetime, str]] = []
    for kind, sql in (
        ("order", "SELECT MAX(created_at) AS at FROM orders WHERE user_id = ?"),
        ("fill", "SELECT MAX(time) AS at FROM transactions WHERE user_id = ?"),
        ("withdrawal", "SELECT MAX(updated_at) AS at FROM instructions WHERE user_id = ?"),
    ):
        at = conn.execute(sql, (client_id,)).fetchone()["at"]
        if at is not None:
            found.append((parse_iso(at), kind))
    if not found:
        return None
    at, kind = max(found, key=lambda pair: (pair[0], -_ACTIVITY_RANK[pair[1]]))
    return LastActivity(kind=kind, at=at)  # type: ignore[arg-type]


def client_summary(
    state: ServerState, client_id: str, full_name: str, iin: str, as_of: datetime
) -> ClientSummary:
    """One client valued now, from the very portfolio `GET /portfolio` answers."""
    conn = state.conn
    accounts = owner_accounts(conn, client_id)
    portfolio = build_portfolio(state, accounts)
    rate = Decimal(portfolio.fx_rates["USDKZT"])
    totals = portfolio.totals
    pnl = sum(
        (p.unrealized_pnl * kzt_rate(p.currency.value, rate) for p in portfolio.positions), ZERO
    )
    cash: dict[str, list[Decimal]] = {}
    blocked_kzt = ZERO
    for c in portfolio.cash:
        sums = cash.setdefault(c.currency.value, [ZERO, ZERO, ZERO])
        sums[0] += c.balance
        sums[1] += c.available
        sums[2] += c.blocked
        blocked_kzt += c.blocked * kzt_rate(c.currency.value, rate)
    start_value = totals.total_value - totals.day_change
    return ClientSummary(
        client_id=client_id,
        full_name=full_name,
        iin=iin,
        accounts=accounts_of(state, client_id),
        value_kzt=totals.total_value,
        day_change_kzt=totals.day_change,
        day_change_pct=None if start_value == 0 else totals.day_change_pct,
        unrealized_pnl_kzt=round_money(pnl),
        cash=[
            ClientCash(currency=currency, balance=b, available=a, blocked=k)
            for currency, (b, a, k) in sorted(cash.items())
        ],
        blocked_kzt=round_money(blocked_kzt),
        open_orders=_count(conn, "orders", accounts, OPEN_ORDER_STATUSES),
        withdrawals_in_progress=_count(conn, "instructions", accounts, OPEN_INSTRUCTION_STATUSES),
        last_activity=last_activity(conn, client_id),
        as_of=as_of,
    )


def positions_page(
    conn: sqlite3.Connection, broker_id: str, after: tuple[str, str] | None, limit: int
) -> list[dict[str, Any]]:
    """Up to `limit` positions of the broker's clients in (account, instrument) order.

    The same positions `GET /portfolio` lists: a quantity above zero, of a known instrument.
    """
    account, instrument = after or ("", "")
    rows = conn.execute(
        "SELECT a.user_id, p.account_id, p.instrument_id, p.quantity, p.average_price, "
        "i.currency FROM positions p "
        "JOIN accounts a ON a.id = p.account_id "
        "JOIN broker_clients b ON b.client_id = a.user_id AND b.broker_id = ? "
        "JOIN instruments i ON i.id = p.instrument_id "
        "WHERE (p.account_id > ? OR (p.account_id = ? AND p.instrument_id > ?)) "
        "AND CAST(p.quantity AS REAL) > 0 "
        "ORDER BY p.account_id, p.instrument_id LIMIT ?",
        (broker_id, account, account, instrument, limit),
    ).fetchall()
    return [
        {
            "client_id": r["user_id"],
            "account_id": r["account_id"],
            "instrument_id": r["instrument_id"],
            # As the portfolio writes them: the stored decimal, in plain notation.
            "quantity": format_decimal(Decimal(r["quantity"])),
            "average_price": format_decimal(Decimal(r["average_price"])),
            "currency": r["currency"],
        }
        for r in rows
    ]


# --- stream events ------------------------------------------------------------------------


def publish_summary(state: ServerState, client_id: str) -> None:
    """Send the client's fresh summary to every broker's stream that watches the client.

    Called after a change is committed: a failure here is logged, never the caller's error.
    """
    hub = state.hub
    if not hub.watching(SUMMARY_CHANNEL, client_id):
        return
    try:
        row = state.conn.execute(
            "SELECT id, full_name, iin FROM users WHERE id = ? AND role = ?",
            (client_id, Role.CLIENT.value),
        ).fetchone()
        if row is None:
            return
        now = state.clock.now()
        summary = client_summary(state, row["id"], row["full_name"], row["iin"], now)
    except Exception:
        log.exception("summary of %s failed", client_id)
        return
    hub.publish_item(SUMMARY_CHANNEL, client_id, summary.model_dump(mode="json"))


class SettlementWatch:
    """Housekeeping: when the exchange day turns, deals due by then settle (T+2) and free
    the cash and securities they blocked; their clients' summaries go out."""

    def __init__(self, state: ServerState) -> None:
        self.state = state
        self.day: date = state.clock.today()

    def reset(self) -> None:
        self.day = self.state.clock.today()

    def __call__(self) -> None:
        today = self.state.clock.today()
        if today <= self.day:
            self.day = min(self.day, today)  # a clock set back: watch from there
            return
        previous, self.day = self.day, today
        if not self.state.hub.watching(SUMMARY_CHANNEL):
            return
        rows = self.state.conn.execute(
            "SELECT DISTINCT user_id FROM transactions "
            "WHERE settlement_date > ? AND settlement_date <= ? ORDER BY user_id",
            (previous.isoformat(), today.isoformat()),
        ).fetchall()
        for row in rows:
            publish_summary(self.state, row["user_id"])


def install(state: ServerState) -> SettlementWatch:
    """Register the settlement watch with the simulator's housekeeping and `/mock/reset`."""
    watch = SettlementWatch(state)
    state.housekeeping.append(watch)
    state.reset_listeners.append(watch.reset)
    return watch
