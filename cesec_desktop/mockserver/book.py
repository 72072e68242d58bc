"""A broker's book: each watched client's summary, every position, and the summary events.

A summary holds the figures `valuation.build_portfolio` totals over all of the client's
accounts (exactly what `GET /portfolio?client_id=` answers) plus what a desk needs beside them:
cash per currency, blocked cash, open orders, withdrawals in progress and the latest activity.
A page of thousands of clients is made from a few queries over all of them at once and written
as JSON-ready dicts: a query or a model per client would cost more than the whole valuation.

Brokers' streams carry `{"channel": "client_summary", "data": <summary>}` whenever a watched
client's cash or positions change: an order placed, filled or closed (trading.py and the
orders router), a withdrawal signed or moved (withdrawals.publish), and the settlement of deals
when the exchange day turns (the housekeeping job installed here). Nothing is conflated.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter

from cesec_desktop.domain.enums import Currency, Role
from cesec_desktop.domain.money import format_decimal, round_money
from cesec_desktop.mockserver.balances import (
    OPEN_INSTRUCTION_STATUSES,
    OPEN_ORDER_STATUSES,
    order_reserve,
)
from cesec_desktop.mockserver.clock import parse_iso
from cesec_desktop.mockserver.state import ServerState
from cesec_desktop.mockserver.valuation import (
    IDS_JSON,
    ZERO,
    HoldingSums,
    plain_rows,
    totals,
    usdkzt,
    value_holdings,
)

log = logging.getLogger(__name__)

SUMMARY_CHANNEL = "client_summary"
"""The stream channel every broker's stream carries from the start (no subscribe needed)."""

# On equal times the deal says more than the order it filled.
_ACTIVITY_RANK = {"fill": 0, "order": 1, "withdrawal": 2}
# Times written as the models write them (`...Z` for UTC), without building the models.
_DATETIME = TypeAdapter(datetime)
# A position's number as SQLite's json_object wrote it, unless it is in plain notation (which
# `format_decimal` gives back unchanged): the positions page must then rewrite it. One pattern
# per key: a literal start lets `re` skip ahead to each candidate.
_NOT_PLAIN = tuple(
    re.compile(f'{key}":(?!"-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?")')
    for key in ("quantity", "average_price")
)


def watched_clients(
    conn: sqlite3.Connection, broker_id: str, after: str | None, limit: int
) -> list[sqlite3.Row]:
    """Up to `limit` of the broker's clients by id, after the client id `after`."""
    return conn.execute(
        "SELECT u.id, u.full_name, u.iin FROM broker_clients b JOIN users u ON u.id = b.client_id "
        # By the key of broker_clients (= u.id): read in order, no sort of the whole book.
        "WHERE b.broker_id = ? AND b.client_id > ? ORDER BY b.client_id LIMIT ?",
        (broker_id, after or "", limit),
    ).fetchall()


# --- summaries ------------------------------------------------------------------------------


@dataclass
class _CashSums:
    """One client's cash over all of its accounts (summed as build_portfolio sums it), and the
    open orders and withdrawals in progress that block some of it."""

    kzt: Decimal = ZERO
    blocked_kzt: Decimal = ZERO
    by_currency: dict[str, list[Decimal]] = field(default_factory=dict)
    """Currency → [balance, available, blocked]."""
    open_orders: int = 0
    withdrawals: int = 0


def summaries(
    state: ServerState, clients: Sequence[sqlite3.Row], as_of: datetime, rate: Decimal
) -> list[dict[str, Any]]:
    """The summaries of these clients (rows of id, full_name, iin) as of `as_of`, valued at the
    USDKZT `rate`: each what `ClientSummary.model_dump(mode="json")` would give."""
    conn = state.conn
    ids = json.dumps([c["id"] for c in clients])
    accounts = _accounts(conn, ids)
    account_ids, owner_of = [], []
    for n, client in enumerate(clients):
        for account in accounts.get(client["id"], ()):
            account_ids.append(account["id"])
            owner_of.append(n)
    holdings = value_holdings(state, account_ids, owner_of, len(clients), rate)
    cash = _cash(conn, account_ids, owner_of, len(clients), state.clock.today(), rate)
    activity = _last_activity(conn, ids)
    at = _DATETIME.dump_python(as_of, mode="json")
    return [
        {
            "client_id": c["id"],
            "full_name": c["full_name"],
            "iin": c["iin"],
            "accounts": accounts.get(c["id"], []),
            **_money(holdings[n], cash[n]),
            "open_orders": cash[n].open_orders,
            "withdrawals_in_progress": cash[n].withdrawals,
            "last_activity": activity.get(c["id"]),
            "as_of": at,
        }
        for n, c in enumerate(clients)
    ]


def _money(holdings: HoldingSums, cash: _CashSums) -> dict[str, Any]:
    """The money figures of a summary, as `ClientSummary` writes them."""
    figures = totals(holdings.securities_kzt, cash.kzt, holdings.day_change_kzt)
    start_value = figures.total - figures.day_change
    return {
        "value_kzt": _text(figures.total),
        "day_change_kzt": _text(figures.day_change),
        "day_change_pct": None if start_value == 0 else _text(figures.day_change_pct),
        "unrealized_pnl_kzt": _text(round_money(holdings.unrealized_pnl_kzt)),
        "cash": [
            {
                "currency": currency,
                "balance": _text(balance),
                "available": _text(available),
                "blocked": _text(blocked),
            }
            for currency, (balance, available, blocked) in sorted(cash.by_currency.items())
        ],
        "blocked_kzt": _text(round_money(cash.blocked_kzt)),
    }


def _text(value: Decimal) -> str:
    """`format_decimal`, sooner: `str` already gives plain notation unless it shows an exponent."""
    text = str(value)
    return text if "E" not in text else format_decimal(value)


def _accounts(conn: sqlite3.Connection, ids: str) -> dict[str, list[dict[str, str]]]:
    """Client → its accounts as `Account`s write them, by number (`accounts_of`'s order: the
    index's, so equal numbers stay in rowid order)."""
    found: dict[str, list[dict[str, str]]] = {}
    for owner, account, number, name, currency in plain_rows(
        conn,
        f"SELECT a.user_id, a.id, a.number, a.name, a.currency FROM {IDS_JSON} accounts a "
        "ON a.user_id = j.value ORDER BY a.user_id, a.number, a.rowid",
        (ids,),
    ):
        found.setdefault(owner, []).append(
            {"id": account, "number": number, "name": name, "currency": currency}
        )
    return found


def _cash(
    conn: sqlite3.Connection,
    account_ids: list[str],
    owner_of: list[int],
    owners: int,
    today: date,
    rate: Decimal,
) -> list[_CashSums]:
    """Each client's cash: `balances.cash_states` of all the accounts at once, summed."""
    ids = json.dumps(account_ids)
    result = [_CashSums() for _ in range(owners)]
    # (account index, currency) → what is blocked, each sum started at zero as cash_states does.
    blocked: dict[tuple[int, str], Decimal] = {}
    for index, currency, amount, kind in _blocking(conn, ids, today):
        if kind == "order":
            result[owner_of[index]].open_orders += 1
        elif kind == "withdrawal":
            result[owner_of[index]].withdrawals += 1
        if amount is not None:
            blocked[index, currency] = blocked.get((index, currency), ZERO) + amount
    held = [
        (index, currency, Decimal(balance), blocked.pop((index, currency), ZERO))
        for index, currency, balance in plain_rows(
            conn,
            f"SELECT j.key, c.currency, c.balance FROM {IDS_JSON} cash c ON c.account_id = j.value",
            (ids,),
        )
    ]
    # Blocked in a currency the account holds none of: a balance of zero (as cash_states).
    held += [(index, currency, ZERO, kept) for (index, currency), kept in blocked.items()]
    for index, currency, balance, kept in held:
        sums = result[owner_of[index]]
        if currency == Currency.USD.value:
            sums.kzt += balance * rate
            sums.blocked_kzt += kept * rate
        else:  # × 1 (`kzt_rate`) would give back the very same Decimal: skipped
            sums.kzt += balance
            sums.blocked_kzt += kept
        by_currency = sums.by_currency.get(currency)
        if by_currency is None:
            by_currency = sums.by_currency[currency] = [ZERO, ZERO, ZERO]
        by_currency[0] += balance
        by_currency[1] += balance - kept
        by_currency[2] += kept
    return result


def _blocking(
    conn: sqlite3.Connection, ids: str, today: date
) -> Iterator[tuple[int, str, Decimal | None, str]]:
    """(account index, currency, amount blocked or None, kind) of each open order, open
    withdrawal and sale not yet settled: what `balances.cash_states` blocks (a buy order's
    reserve, a withdrawal's amount, a sale's proceeds) and what the summary counts."""
    for index, side, instrument, currency, quantity, filled, price, face in plain_rows(
        conn,
        "SELECT j.key, o.side, o.instrument_id, o.currency, o.quantity, o.filled_quantity, "
        f"o.reserve_price, i.face_value FROM {IDS_JSON} orders o ON o.account_id = j.value "
        f"AND o.status IN {OPEN_ORDER_STATUSES} LEFT JOIN instruments i ON i.id = o.instrument_id",
        (ids,),
    ):
        if side != "buy":  # a sell blocks securities, not cash
            yield index, currency, None, "order"
            continue
        remaining, unit = Decimal(quantity) - Decimal(filled), Decimal(face) if face else None
        reserve = order_reserve(instrument, currency, remaining, Decimal(price or 0), unit)
        yield index, currency, reserve, "order"
    for index, currency, amount in plain_rows(
        conn,
        f"SELECT j.key, w.currency, w.amount FROM {IDS_JSON} instructions w "
        f"ON w.account_id = j.value AND w.status IN {OPEN_INSTRUCTION_STATUSES}",
        (ids,),
    ):
        yield index, currency, Decimal(amount), "withdrawal"
    for index, currency, amount, fee in plain_rows(
        conn,
        f"SELECT j.key, t.currency, t.amount, t.fee FROM {IDS_JSON} transactions t "
        "ON t.account_id = j.value AND t.side = 'sell' AND t.settlement_date > ?",
        (ids, today.isoformat()),
    ):
        yield index, currency, Decimal(amount) - Decimal(fee), "sale"


def _last_activity(conn: sqlite3.Connection, ids: str) -> dict[str, dict[str, str]]:
    """Client → its latest order placed, deal made, or withdrawal status change."""
    found: dict[str, tuple[datetime, str]] = {}
    for kind, column, table in (
        ("order", "created_at", "orders"),
        ("fill", "time", "transactions"),
        ("withdrawal", "updated_at", "instructions"),
    ):
        for client, at in plain_rows(
            conn,
            f"SELECT j.value, (SELECT MAX({column}) FROM {table} WHERE user_id = j.value) "
            "FROM json_each(?) j",
            (ids,),
        ):
            if at is None:
                continue
            seen, candidate = found.get(client), (parse_iso(at), kind)
            # Compared as times (offsets may differ); on a tie the lower rank wins.
            if seen is None or _activity_key(candidate) > _activity_key(seen):
                found[client] = candidate
    return {
        client: {"kind": kind, "at": _DATETIME.dump_python(at, mode="json")}
        for client, (at, kind) in found.items()
    }


def _activity_key(pair: tuple[datetime, str]) -> tuple[datetime, int]:
    return pair[0], -_ACTIVITY_RANK[pair[1]]


# --- positions ------------------------------------------------------------------------------


def positions_page(
    conn: sqlite3.Connection, broker_id: str, after: tuple[str, str] | None, limit: int
) -> tuple[list[str], tuple[str, str] | None]:
    """Up to `limit` positions of the broker's clients in (account, instrument) order, each a
    JSON object (text), and the (account, instrument) of the last one if more follow.

    The same positions `GET /portfolio` lists: a quantity above zero, of a known instrument;
    their numbers as the portfolio writes them (plain notation).
    """
    # Positions first (CROSS JOIN keeps them the outer loop): read in key order from the
    # cursor on, the query stops after `limit` rows instead of sorting the book for each page.
    # SQLite writes each object: building dicts for json.dumps would cost more than the query.
    items = [
        item
        for (item,) in plain_rows(
            conn,
            "SELECT json_object('client_id', a.user_id, 'account_id', p.account_id, "
            "'instrument_id', p.instrument_id, 'quantity', p.quantity, "
            "'average_price', p.average_price, 'currency', i.currency) FROM positions p "
            "CROSS JOIN accounts a ON a.id = p.account_id "
            "CROSS JOIN broker_clients b ON b.client_id = a.user_id AND b.broker_id = ? "
            "CROSS JOIN instruments i ON i.id = p.instrument_id "
            "WHERE (p.account_id, p.instrument_id) > (?, ?) AND CAST(p.quantity AS REAL) > 0 "
            "ORDER BY p.account_id, p.instrument_id LIMIT ?",
            (broker_id, *(after or ("", "")), limit + 1),
        )
    ]
    following = None
    if len(items) > limit:
        del items[limit:]
        last = json.loads(items[-1])
        following = (last["account_id"], last["instrument_id"])
    page = "".join(items)
    if any(pattern.search(page) for pattern in _NOT_PLAIN):
        items = [_rewritten(item) for item in items]
    return items, following


def _rewritten(item: str) -> str:
    """A position object with its numbers in plain notation, as the portfolio writes them."""
    position = json.loads(item)
    for key in ("quantity", "average_price"):
        position[key] = format_decimal(Decimal(position[key]))
    return json.dumps(position, ensure_ascii=False, separators=(",", ":"))


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
        (summary,) = summaries(state, [row], state.clock.now(), usdkzt(state))
    except Exception:
        log.exception("summary of %s failed", client_id)
        return
    hub.publish_item(SUMMARY_CHANNEL, client_id, summary)


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
