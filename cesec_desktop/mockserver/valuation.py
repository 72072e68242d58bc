"""One client's positions and cash valued in KZT: what `/portfolio` answers and what a broker's
book sums up, so that the two always agree.

Every total is computed from the rows the answer shows: each row's value is converted to KZT
at the one rate the answer states (`fx_rates`), summed exactly, and rounded once, so a client
adding the rows up gets the same figure. `build_portfolio` values each holding with `worth`; a
broker's book values thousands of clients at once (`value_holdings`) as columns of exact
integers, to the same figures (the broker's book tests hold the two to it).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any, NamedTuple

import numpy as np

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


class Totals(NamedTuple):
    """An answer's KZT totals, each to the tiyn."""

    securities: Decimal
    cash: Decimal
    total: Decimal
    day_change: Decimal
    day_change_pct: Decimal


def worth(
    info: InstrumentInfo, mark: Mark, quantity: Decimal, average_price: Decimal
) -> tuple[Decimal, Decimal, Decimal]:
    """A holding's value and cost, each to the tiyn, and its change since the previous close
    (exact: the day's change is summed unrounded and rounded once, in `totals`)."""
    now = info.value(mark.last, quantity)
    cost = round_money(info.value(average_price, quantity))
    return round_money(now), cost, now - info.value(mark.prev_close, quantity)


def totals(securities_kzt: Decimal, cash_kzt: Decimal, day_change_kzt: Decimal) -> Totals:
    """The totals from the exact KZT sums of an answer's rows."""
    securities, cash_value = round_money(securities_kzt), round_money(cash_kzt)
    total, day_change = securities + cash_value, round_money(day_change_kzt)
    return Totals(securities, cash_value, total, day_change, pct(day_change, total - day_change))


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
        value, cost, change = worth(info, mark, pos.quantity, pos.average_price)
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
        day_change_kzt += change * kzt_rate(info.currency, rate)
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
    figures = totals(securities_kzt, cash_kzt, day_change_kzt)
    return Portfolio(
        account_id=account_id,
        positions=positions,
        cash=cash,
        totals=PortfolioTotals(
            securities_value=figures.securities,
            cash_value=figures.cash,
            total_value=figures.total,
            day_change=figures.day_change,
            day_change_pct=figures.day_change_pct,
        ),
        fx_rates={"USDKZT": rate},
    )


# --- many owners at once (a broker's book) ---------------------------------------------------
# What `build_portfolio` sums for one owner, for thousands of owners at once: the same rows
# and the same exact sums (build_portfolio's Decimals are exact below 28 digits, far beyond any
# book), so the figures rounded from them are the same to the tiyn. Valuing 40,000 positions
# one Decimal at a time costs more than a page may take: they are valued as whole columns of
# integers (a decimal is coefficient × 10^-scale) with numpy, every product and sum checked to
# fit int64; Decimals value the rows, one at a time, only when a number does not fit.

IDS_JSON = "json_each(?) j CROSS JOIN"
"""A query's first table: the ids asked for, as one JSON array parameter (however many), `j.key`
each one's index and `j.value` the id; first, so that each id's rows are found by index."""
_P10 = 10 ** np.arange(19, dtype=np.int64)
_INT_LIMIT = 2**62
"""Every integer of the column arithmetic, and every sum, is kept below this (int64 is 2^63)."""


class _TooLarge(Exception):
    """A product or a sum would not fit the int64 columns: Decimals value the rows instead."""


@dataclass
class HoldingSums:
    """One owner's exact KZT sums over the positions of all of its accounts."""

    securities_kzt: Decimal = ZERO
    day_change_kzt: Decimal = ZERO
    unrealized_pnl_kzt: Decimal = ZERO


def plain_rows(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> list[Any]:
    """All rows as tuples: for many rows read once by position, a `sqlite3.Row` each costs."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def value_holdings(
    state: ServerState, account_ids: list[str], owner_of: list[int], owners: int, rate: Decimal
) -> list[HoldingSums]:
    """Each owner's sums over the positions of its accounts (`owner_of[i]` owns
    `account_ids[i]`), valued from the live marks at the USDKZT `rate`."""
    sums = _column_sums(state, account_ids, owner_of, owners)
    if sums is None:  # a stored number numpy cannot hold exactly: Decimals, row by row
        return _decimal_sums(state, account_ids, owner_of, owners, rate)
    per_owner, scale = sums
    result = []
    # Exact (the default 28 digits could round a product of two 19-digit integers).
    with localcontext(prec=60):
        cents, change = CENT, Decimal(1).scaleb(-scale)
        for kzt, usd in per_owner.tolist():
            value = Decimal(kzt[0]) * cents + Decimal(usd[0]) * cents * rate
            pnl = Decimal(kzt[0] - kzt[1]) * cents + Decimal(usd[0] - usd[1]) * cents * rate
            day = Decimal(kzt[2]) * change + Decimal(usd[2]) * change * rate
            result.append(HoldingSums(value, day, pnl))
    return result


def _column_sums(
    state: ServerState, account_ids: list[str], owner_of: list[int], owners: int
) -> tuple[np.ndarray, int] | None:
    """Per owner and currency (KZT, USD): [value in cents, cost in cents, the day's change ×
    10^scale] as integers, and that scale; None if some number does not fit the columns."""
    # One string per column: reading 40,000 rows as Python objects costs more than the rest.
    count, *texts = plain_rows(
        state.conn,
        "SELECT count(*), group_concat(j.key), group_concat(i.rowid), group_concat(p.quantity), "
        f"group_concat(p.average_price) FROM {IDS_JSON} positions p ON p.account_id = j.value "
        "JOIN instruments i ON i.id = p.instrument_id WHERE CAST(p.quantity AS REAL) > 0",
        (json.dumps(account_ids),),
    )[0]
    if count == 0:
        return np.zeros((owners, 2, 3), dtype=np.int64), 0
    columns = []
    for text in texts:
        column = plain_decimals(text, count)
        if column is None:  # a number not in plain notation (or too long): read row by row
            return None
        columns.append(column)
    (account, _), (rowid, _), (quantity, q_scale), (average, a_scale) = columns
    rowids, held = np.unique(rowid, return_inverse=True)
    try:
        last, last_scale, change, change_scale, unit, unit_scale, in_usd, known = (
            column[held] for column in _instrument_units(state, rowids.tolist())
        )
        scale = int((change_scale + q_scale).max(initial=0))
        value_shift = last_scale + q_scale - 2
        cost_shift = a_scale + unit_scale + q_scale - 2
        change_shift = scale - change_scale - q_scale
        if max(_largest(shift) for shift in (value_shift, cost_shift, change_shift)) > 18:
            raise _TooLarge
        figures = np.stack(
            [
                _round_cents(_product(last, quantity), value_shift),
                _round_cents(_product(average, unit, quantity), cost_shift),
                _product(change, quantity, _P10[change_shift]),
            ],
            axis=1,
        )
        slot = np.asarray(owner_of, dtype=np.int64)[account] * 2 + in_usd
        # No owner's sum can pass the limit: its rows times the largest figure stay below it.
        if _largest(figures) * int(np.bincount(slot).max()) >= _INT_LIMIT:
            raise _TooLarge
    except _TooLarge:
        return None
    figures *= known[:, None]  # an instrument without a mark is not valued (build_portfolio)
    per_owner = np.zeros((owners * 2, 3), dtype=np.int64)
    np.add.at(per_owner, slot, figures)
    return per_owner.reshape(owners, 2, 3), scale


def _instrument_units(state: ServerState, rowids: list[int]) -> list[np.ndarray]:
    """Per instrument (by rowid), as integers with their scales: the worth of one unit at the
    last price, the change of that since the previous close, and the unit factor (a bond's
    face value / 100, else 1); whether it is in USD; whether it has a mark at all."""
    conn = state.conn
    ids = dict(
        plain_rows(
            conn,
            f"SELECT i.rowid, i.id FROM {IDS_JSON} instruments i ON i.rowid = j.value",
            (json.dumps(rowids),),
        )
    )
    infos, prices = instruments(conn, list(ids.values())), marks(state, list(ids.values()))
    units = []
    for rowid in rowids:
        info, mark = infos.get(ids.get(rowid, "")), prices.get(ids.get(rowid, ""))
        if info is None or mark is None:
            units.append((0, 0, 0, 0, 0, 0, 0, 0))
            continue
        factor = info.face_value / HUNDRED if info.face_value is not None else Decimal(1)
        last, last_scale = _integer(mark.last)
        prev, prev_scale = _integer(mark.prev_close)
        unit, unit_scale = _integer(factor)
        top = max(last_scale, prev_scale)
        change = (last * 10 ** (top - last_scale) - prev * 10 ** (top - prev_scale)) * unit
        in_usd = int(info.currency == Currency.USD.value)
        worth_scale, change_scale = last_scale + unit_scale, top + unit_scale
        units.append((last * unit, worth_scale, change, change_scale, unit, unit_scale, in_usd, 1))
    if any(abs(n) >= _INT_LIMIT for row in units for n in row):
        raise _TooLarge
    return [np.array(column, dtype=np.int64) for column in zip(*units, strict=True)]


def _integer(value: Decimal) -> tuple[int, int]:
    """`value` as (coefficient, scale), scale >= 0: value = coefficient × 10^-scale."""
    if not value.is_finite():
        raise _TooLarge
    sign, digits, exponent = value.as_tuple()
    coefficient = int("".join(map(str, digits))) * (-1 if sign else 1)
    power = int(exponent)
    return (coefficient * 10**power, 0) if power >= 0 else (coefficient, -power)


def plain_decimals(text: str | None, count: int) -> tuple[np.ndarray, np.ndarray] | None:
    """`count` comma-separated decimals ("1200,352.10") read exactly, as (coefficients, scales):
    each is coefficient × 10^-scale. None unless each is 1 to 18 digits and at most one point.
    """
    if count == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if not text or not text.isascii():
        return None
    chars = np.frombuffer(text.encode("ascii"), np.uint8)
    comma, point = chars == ord(","), chars == ord(".")
    if not (comma | point | ((chars >= ord("0")) & (chars <= ord("9")))).all():
        return None
    (commas,) = np.nonzero(comma)
    if len(commas) != count - 1:
        return None
    ends = np.append(commas, len(chars))  # where each number ends (its comma, or the text's)
    (points,) = np.nonzero(point)
    pointed = np.searchsorted(commas, points)  # the number each point is in
    scales = np.zeros(count, np.int64)
    scales[pointed] = ends[pointed] - points - 1
    points_in = np.bincount(pointed, minlength=count)
    digits = np.diff(np.append(-1, ends)) - 1 - points_in
    if digits.min() < 1 or digits.max() > 18 or points_in.max() > 1:
        return None
    # Without the points, whole numbers of at most 18 digits: numpy reads them exactly.
    return np.fromstring(text.replace(".", ""), dtype=np.int64, sep=","), scales


def _product(*columns: np.ndarray) -> np.ndarray:
    """The columns multiplied element by element, each partial product checked to stay below
    `_INT_LIMIT` (int64 would wrap around silently)."""
    result = columns[0]
    for column in columns[1:]:
        step = result * column
        factor = column != 0
        if np.any(np.abs(step) >= _INT_LIMIT) or np.any(
            step[factor] // column[factor] != result[factor]
        ):
            raise _TooLarge
        result = step
    return result


def _round_cents(amounts: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """amount × 10^-shift to a whole number, halves away from zero as ROUND_HALF_UP does."""
    magnitude, down = np.abs(amounts), shifts > 0
    power = _P10[np.abs(shifts)]
    result = _product(magnitude, np.where(down, 1, power))
    # Below 2^62 + 5·10^17 < 2^63: the sum cannot wrap.
    result[down] = (magnitude[down] + power[down] // 2) // power[down]
    return np.sign(amounts) * result


def _largest(column: np.ndarray) -> int:
    return int(np.abs(column).max(initial=0))


def _decimal_sums(
    state: ServerState, account_ids: list[str], owner_of: list[int], owners: int, rate: Decimal
) -> list[HoldingSums]:
    """`value_holdings` one position at a time, exactly as `build_portfolio` values each."""
    rows = plain_rows(
        state.conn,
        f"SELECT j.key, p.instrument_id, p.quantity, p.average_price FROM {IDS_JSON} "
        "positions p ON p.account_id = j.value WHERE CAST(p.quantity AS REAL) > 0",
        (json.dumps(account_ids),),
    )
    ids = sorted({instrument for _, instrument, _, _ in rows})
    infos, prices = instruments(state.conn, ids), marks(state, ids)
    result = [HoldingSums() for _ in range(owners)]
    for index, instrument, quantity, average in rows:
        info, mark = infos.get(instrument), prices.get(instrument)
        if info is None or mark is None:
            continue
        value, cost, change = worth(info, mark, Decimal(quantity), Decimal(average))
        to_kzt = kzt_rate(info.currency, rate)
        sums = result[owner_of[index]]
        sums.securities_kzt += value * to_kzt
        sums.day_change_kzt += change * to_kzt
        sums.unrealized_pnl_kzt += (value - cost) * to_kzt
    return result
