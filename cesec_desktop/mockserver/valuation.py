"""One client's positions and cash valued in KZT: what `/portfolio` answers and what a broker's
book sums up, computed in one place so the two always agree.

Every total is computed from the rows the answer shows: each row's value is converted to KZT
at the one rate the answer states (`fx_rates`), summed exactly, and rounded once, so a client
adding the rows up gets the same figure.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from decimal import Decimal

from cesec_desktop.domain.catalog import USDKZT_LEVEL
from cesec_desktop.domain.enums import Currency
from cesec_desktop.domain.models.portfolio import (
    CashBalance,
    Portfolio,
    PortfolioTotals,
    Position,
)
from cesec_desktop.domain.money import CENT, round_money
from cesec_desktop.mockserver import balances
from cesec_desktop.mockserver.state import ServerState

ZERO = Decimal(0)
HUNDRED = Decimal(100)


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


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


def instruments(conn: sqlite3.Connection, ids: list[str]) -> dict[str, InstrumentInfo]:
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT id, ticker, name, currency, face_value FROM instruments "
        f"WHERE id IN ({placeholders(len(ids))})",
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
        f"WHERE instrument_id IN ({placeholders(len(missing))})",
        missing,
    ):
        result[r["instrument_id"]] = Mark(Decimal(r["last"]), Decimal(r["prev_close"]))
    missing = [i for i in missing if i not in result]
    if missing:
        # SQLite returns the row that holds MAX(day) for the bare `close` column.
        for r in conn.execute(
            "SELECT instrument_id, MAX(day) AS day, close FROM daily_bars "
            f"WHERE instrument_id IN ({placeholders(len(missing))}) GROUP BY instrument_id",
            missing,
        ):
            close = Decimal(r["close"])
            result[r["instrument_id"]] = Mark(close, close)
    missing = [i for i in missing if i not in result]
    if missing:
        for r in conn.execute(
            f"SELECT id, level FROM instruments WHERE id IN ({placeholders(len(missing))})",
            missing,
        ):
            level = Decimal(r["level"])
            result[r["id"]] = Mark(level, level)
    return result


def usdkzt(state: ServerState) -> Decimal:
    """The rate every KZT figure of one answer uses, to the tiyn."""
    rate = state.market.usdkzt() if state.market is not None else USDKZT_LEVEL
    return rate.quantize(CENT)


def kzt_rate(currency: str, rate: Decimal) -> Decimal:
    """KZT per unit of `currency`, given the answer's USDKZT `rate`."""
    return rate if currency == Currency.USD.value else Decimal(1)


def owner_accounts(conn: sqlite3.Connection, owner: str) -> list[str]:
    """All of a user's accounts, in the order every answer lists them."""
    rows = conn.execute(
        "SELECT id FROM accounts WHERE user_id = ? ORDER BY number", (owner,)
    ).fetchall()
    return [r["id"] for r in rows]


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return round_money(part / whole * HUNDRED) if whole > 0 else Decimal("0.00")


def build_portfolio(
    state: ServerState, account_ids: list[str], account_id: str | None = None
) -> Portfolio:
    """The portfolio over these accounts; `account_id` only labels the answer."""
    conn, today = state.conn, state.clock.today()
    held = [(a, p) for a in account_ids for p in balances.position_states(conn, a, today)]
    ids = sorted({p.instrument_id for _, p in held})
    infos, prices = instruments(conn, ids), marks(state, ids)
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
                unrealized_pnl_pct=pct(pnl, cost),
            )
        )
        securities_kzt += value * kzt_rate(info.currency, rate)
        day_change_kzt += (
            info.value(mark.last, pos.quantity) - info.value(mark.prev_close, pos.quantity)
        ) * kzt_rate(info.currency, rate)
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
            cash_kzt += c.balance * kzt_rate(c.currency, rate)
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
            day_change_pct=pct(day_change, total - day_change),
        ),
        fx_rates={"USDKZT": rate},
    )
