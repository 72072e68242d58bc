"""Cash and positions as a client sees them: balance, blocked, available.

Balances are booked at trade time; what is not yet usable is derived, never stored twice:
- cash blocked = reserves of open buy orders + open withdrawals + sale proceeds not yet
  settled (T+2);
- securities blocked = open sell orders + bought quantity not yet settled.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cesec_desktop.domain.enums import Currency, Market
from cesec_desktop.domain.fees import order_fee
from cesec_desktop.domain.money import ceil_money

ZERO = Decimal(0)
OPEN_ORDER_STATUSES = ("new", "active", "partially_filled")
OPEN_INSTRUCTION_STATUSES = ("new", "processing")


@dataclass(frozen=True)
class CashState:
    currency: str
    balance: Decimal
    blocked: Decimal

    @property
    def available(self) -> Decimal:
        return self.balance - self.blocked


@dataclass(frozen=True)
class PositionState:
    instrument_id: str
    quantity: Decimal
    average_price: Decimal
    blocked: Decimal

    @property
    def available(self) -> Decimal:
        return max(self.quantity - self.blocked, ZERO)


def _market_of(instrument_id: str) -> Market:
    return Market(instrument_id.split(":", 1)[0]) if ":" in instrument_id else Market.KASE


def order_reserve(
    instrument_id: str,
    currency: str,
    remaining: Decimal,
    price: Decimal,
    face_value: Decimal | None,
) -> Decimal:
    """Cash an open buy order holds back: the remaining amount at its price, plus the fee."""
    amount = remaining * price
    if face_value is not None:
        amount = amount / 100 * face_value
    # Blocked in whole tiyn/cents, rounded up: available cash is then a money amount too.
    return ceil_money(amount + order_fee(_market_of(instrument_id), Currency(currency), amount))


def cash_states(conn: sqlite3.Connection, account_id: str, today: date) -> list[CashState]:
    balances = {
        r["currency"]: Decimal(r["balance"])
        for r in conn.execute(
            "SELECT currency, balance FROM cash WHERE account_id = ? ORDER BY currency",
            (account_id,),
        )
    }
    blocked: dict[str, Decimal] = dict.fromkeys(balances, ZERO)
    for r in conn.execute(
        "SELECT o.instrument_id, o.currency, o.quantity, o.filled_quantity, o.reserve_price, "
        "i.face_value FROM orders o LEFT JOIN instruments i ON i.id = o.instrument_id "
        f"WHERE o.account_id = ? AND o.side = 'buy' AND o.status IN {OPEN_ORDER_STATUSES}",
        (account_id,),
    ):
        remaining = Decimal(r["quantity"]) - Decimal(r["filled_quantity"])
        reserve = order_reserve(
            r["instrument_id"],
            r["currency"],
            remaining,
            Decimal(r["reserve_price"] or 0),
            Decimal(r["face_value"]) if r["face_value"] else None,
        )
        blocked[r["currency"]] = blocked.get(r["currency"], ZERO) + reserve
    for r in conn.execute(
        "SELECT currency, amount FROM instructions "
        f"WHERE account_id = ? AND status IN {OPEN_INSTRUCTION_STATUSES}",
        (account_id,),
    ):
        blocked[r["currency"]] = blocked.get(r["currency"], ZERO) + Decimal(r["amount"])
    for r in conn.execute(
        "SELECT currency, amount, fee FROM transactions "
        "WHERE account_id = ? AND side = 'sell' AND settlement_date > ?",
        (account_id, today.isoformat()),
    ):
        proceeds = Decimal(r["amount"]) - Decimal(r["fee"])
        blocked[r["currency"]] = blocked.get(r["currency"], ZERO) + proceeds
    return [
        CashState(currency, balances.get(currency, ZERO), blocked.get(currency, ZERO))
        for currency in sorted(set(balances) | set(blocked))
    ]


def cash_state(conn: sqlite3.Connection, account_id: str, currency: str, today: date) -> CashState:
    for state in cash_states(conn, account_id, today):
        if state.currency == currency:
            return state
    return CashState(currency, ZERO, ZERO)


def position_states(conn: sqlite3.Connection, account_id: str, today: date) -> list[PositionState]:
    blocked: dict[str, Decimal] = {}
    for r in conn.execute(
        "SELECT instrument_id, quantity, filled_quantity FROM orders "
        f"WHERE account_id = ? AND side = 'sell' AND status IN {OPEN_ORDER_STATUSES}",
        (account_id,),
    ):
        remaining = Decimal(r["quantity"]) - Decimal(r["filled_quantity"])
        blocked[r["instrument_id"]] = blocked.get(r["instrument_id"], ZERO) + remaining
    for r in conn.execute(
        "SELECT instrument_id, quantity FROM transactions "
        "WHERE account_id = ? AND side = 'buy' AND settlement_date > ?",
        (account_id, today.isoformat()),
    ):
        blocked[r["instrument_id"]] = blocked.get(r["instrument_id"], ZERO) + Decimal(r["quantity"])
    result = []
    for r in conn.execute(
        "SELECT instrument_id, quantity, average_price FROM positions "
        "WHERE account_id = ? AND CAST(quantity AS REAL) > 0 ORDER BY instrument_id",
        (account_id,),
    ):
        result.append(
            PositionState(
                r["instrument_id"],
                Decimal(r["quantity"]),
                Decimal(r["average_price"]),
                min(blocked.get(r["instrument_id"], ZERO), Decimal(r["quantity"])),
            )
        )
    return result


def position_state(
    conn: sqlite3.Connection, account_id: str, instrument_id: str, today: date
) -> PositionState:
    for state in position_states(conn, account_id, today):
        if state.instrument_id == instrument_id:
            return state
    return PositionState(instrument_id, ZERO, ZERO, ZERO)
