"""Seeded history: six months of orders, deals and withdrawals behind the seeded balances.

History is a record only. Every deal settled on or before today and every historical order
and withdrawal is final, so none of it moves the seeded cash or positions. The exceptions are
deliberate and realistic: two open limit buys far below the market and one withdrawal still
in processing, which block cash exactly as live ones would.

Rows are built in Python and written with `executemany`: 100,000 deals take a few seconds.
Prices are integer ticks of the instrument's price step, so every stored price is exact.
"""

from __future__ import annotations

import itertools
import math
import random
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from cesec_desktop.domain.banks import bank_by_code
from cesec_desktop.domain.enums import Currency, InstructionStatus, Market
from cesec_desktop.domain.fees import order_fee
from cesec_desktop.domain.iban import make_iban
from cesec_desktop.domain.markets import ALMATY, MARKETS, is_trading_day, settlement_date
from cesec_desktop.domain.money import round_money
from cesec_desktop.mockserver.book_seed import BookClient
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import next_numbers
from cesec_desktop.mockserver.security import new_id
from cesec_desktop.mockserver.seed import DEMO_USER_ID
from cesec_desktop.mockserver.state import ServerState
from cesec_desktop.mockserver.withdrawals import (
    DEFAULT_PURPOSE,
    EVENT_MESSAGES,
    INSTRUCTION_NUMBER_START,
    KBE_RESIDENT_INDIVIDUAL,
    KNP_OWN_FUNDS,
)

HISTORY_DAYS = 182
DEMO_OPEN_ORDERS = (("KASE:HSBK", 1000), ("INTL:AAPL", 10))
OTHER_CLIENT_TRANSACTIONS = 50
DEMO_INSTRUCTIONS = 60
OTHER_CLIENT_INSTRUCTIONS = 4
ORDER_NUMBER_START = 100_001
TRANSACTION_NUMBER_START = 500_001
# Orders that never traded, per deal: cancelled, rejected or expired without a fill.
UNFILLED_PER_DEAL = 0.25
HELD_WEIGHT = 8
# Above this many deals, indexes are built once after the insert rather than row by row.
BULK_ROWS = 20_000
OTHER_CLIENTS = ("usr_aigerim", "usr_nurlan", "usr_olga", "usr_expired")
# Typical deal sizes: a retail client trades tens of thousands of tenge to a few million.
DEAL_SIZE = {Currency.KZT.value: (40_000.0, 2_500_000.0), Currency.USD.value: (150.0, 6_000.0)}
WITHDRAWAL_SIZE = {
    Currency.KZT.value: (20_000, 600_000, 1_000),
    Currency.USD.value: (100, 3_000, 10),
}
REJECT_REASONS = (
    "Недостаточно средств / Insufficient funds",
    "Цена вне допустимого диапазона / Price outside the allowed range",
    "Торги по инструменту приостановлены / Trading in the instrument is suspended",
)
WITHDRAWAL_REJECT_REASONS = (
    "Счёт получателя закрыт / The recipient account is closed",
    "Реквизиты получателя не совпадают / Recipient details do not match",
)
MSG_NEW = "Заявка принята / Order received"
MSG_ACTIVE = "Заявка выставлена на биржу / Order placed on the exchange"
MSG_EXPIRED = "Срок заявки истёк / Order expired at the end of the session"
MSG_CANCELLED = "Отменена клиентом / Cancelled by the client"


@dataclass(frozen=True)
class _Instrument:
    id: str
    market: Market
    currency: str
    step: Decimal
    lot: int
    face: Decimal | None
    level_ticks: int

    @property
    def currency_enum(self) -> Currency:
        return Currency(self.currency)

    def price(self, ticks: int) -> Decimal:
        return ticks * self.step

    def amount(self, price: Decimal, quantity: int) -> Decimal:
        if self.face is not None:
            return round_money(price / 100 * self.face * quantity)
        return round_money(price * quantity)

    def unit_value(self, ticks: int) -> float:
        value = float(self.price(ticks))
        return value / 100 * float(self.face) if self.face is not None else value


@dataclass
class _Rows:
    """Everything to insert; numbers are given once all users' rows are known."""

    orders: list[list[object]] = field(default_factory=list)
    events: list[tuple[object, ...]] = field(default_factory=list)
    transactions: list[list[object]] = field(default_factory=list)
    instructions: list[list[object]] = field(default_factory=list)
    instruction_events: list[tuple[object, ...]] = field(default_factory=list)


@dataclass(frozen=True)
class _Fill:
    ms: int
    stamp: str
    ticks: int
    quantity: int


_EPOCH = date(1970, 1, 1)


class _Stamps:
    """ISO stamps from epoch milliseconds, exactly as `clock.iso` writes them, but cheaper."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}
        self._seconds: dict[int, str] = {}

    def __call__(self, ms: int) -> str:
        seconds, milli = divmod(ms, 1000)
        day, second = divmod(seconds, 86_400)
        prefix = self._days.get(day)
        if prefix is None:
            prefix = self._days[day] = f"{_EPOCH + timedelta(days=day)}T"
        clock = self._seconds.get(second)
        if clock is None:
            hours, rest = divmod(second, 3600)
            clock = self._seconds[second] = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        return f"{prefix}{clock}.{milli:03d}+00:00"


def _epoch_ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


class _HistoryBuilder:
    def __init__(self, state: ServerState, rng: random.Random) -> None:
        self.conn = state.conn
        self.rng = rng
        self.now = state.clock.now()
        self.today = state.clock.today()
        self.rows = _Rows()
        self.stamp = _Stamps()
        self.instruments = self._load_instruments()
        # Only days whose deals have settled by today: history never blocks cash or securities.
        self.days = [
            d
            for d in (self.today - timedelta(days=n) for n in range(HISTORY_DAYS, 0, -1))
            if is_trading_day(d) and settlement_date(d) <= self.today
        ]
        self.closes = self._load_closes()
        self._windows: dict[tuple[Market, date], tuple[int, int]] = {}
        self._settles: dict[date, str] = {d: settlement_date(d).isoformat() for d in self.days}

    def _load_instruments(self) -> dict[str, _Instrument]:
        result = {}
        for r in self.conn.execute("SELECT * FROM instruments WHERE hidden = 0"):
            step = Decimal(r["price_step"])
            result[r["id"]] = _Instrument(
                r["id"],
                Market(r["market"]),
                r["currency"],
                step,
                int(r["lot_size"]),
                Decimal(r["face_value"]) if r["face_value"] else None,
                max(1, int(Decimal(r["level"]) / step)),
            )
        return result

    def _load_closes(self) -> dict[tuple[str, date], int]:
        if not self.days:
            return {}
        closes = {}
        for r in self.conn.execute(
            "SELECT instrument_id, day, close FROM daily_bars WHERE day >= ? AND day <= ?",
            (self.days[0].isoformat(), self.days[-1].isoformat()),
        ):
            instrument = self.instruments.get(r["instrument_id"])
            if instrument is not None:
                closes[r["instrument_id"], date.fromisoformat(r["day"])] = max(
                    1, int(Decimal(r["close"]) / instrument.step)
                )
        return closes

    # --- prices, sizes and times -------------------------------------------------------

    def _close_ticks(self, instrument: _Instrument, day: date) -> int:
        ticks = self.closes.get((instrument.id, day))
        if ticks is not None:
            return ticks
        # No bar for that day: the catalog level, with a plausible day-to-day spread.
        return max(1, round(instrument.level_ticks * (1 + self.rng.gauss(0, 0.03))))

    def _near(self, close_ticks: int) -> int:
        return max(1, round(close_ticks * (0.992 + 0.016 * self.rng.random())))

    def _quantity(self, instrument: _Instrument, ticks: int) -> int:
        low, high = DEAL_SIZE[instrument.currency]
        # Log-uniform: many small deals, a few large ones.
        target = math.exp(math.log(low) + self.rng.random() * math.log(high / low))
        lots = max(1, int(target / (instrument.unit_value(ticks) * instrument.lot)))
        return lots * instrument.lot

    def _window(self, market: Market, day: date) -> tuple[int, int]:
        """The session's opening instant and its length, in epoch milliseconds, on `day`."""
        key = (market, day)
        cached = self._windows.get(key)
        if cached is None:
            rules = MARKETS[market]
            zone = ZoneInfo(rules.timezone)
            opens = _epoch_ms(datetime.combine(day, rules.session_open, zone))
            closes = _epoch_ms(datetime.combine(day, rules.session_close, zone))
            cached = self._windows[key] = (opens, closes - opens)
        return cached

    def _fills(
        self,
        instrument: _Instrument,
        start: int,
        span: int,
        close_ticks: int,
        lots: int,
        count: int,
    ) -> list[_Fill]:
        """`count` fills of `lots` lots in all, at rising times within `span` ms of `start`."""
        rng = self.rng
        count = max(1, min(count, lots))
        cuts = sorted(rng.sample(range(1, lots), count - 1)) if count > 1 else []
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, lots], strict=True)]
        times = sorted(start + 1000 + int(rng.random() * span) for _ in range(count))
        return [
            _Fill(ms, self.stamp(ms), self._near(close_ticks), size * instrument.lot)
            for ms, size in zip(times, sizes, strict=True)
        ]

    # --- orders and deals ---------------------------------------------------------------

    def orders_for(
        self, user_id: str, deals: int, pool: Sequence[str], weights: Sequence[float]
    ) -> None:
        """Orders whose fills make exactly `deals` deals, plus orders that never traded."""
        rng = self.rng
        if not self.days or not pool:
            return
        cumulative = list(itertools.accumulate(weights))
        remaining = deals
        while remaining > 0:
            partial = rng.random() < 0.14
            count = min(rng.choice((1, 1, 1, 2, 2, 3)), remaining)
            instrument_id = rng.choices(pool, cum_weights=cumulative)[0]
            remaining -= self._order(user_id, instrument_id, count, partial)
        for _ in range(round(deals * UNFILLED_PER_DEAL)):
            self._order(user_id, rng.choices(pool, cum_weights=cumulative)[0], 0, False)

    def _order(self, user_id: str, instrument_id: str, fill_count: int, partial: bool) -> int:
        """One order with its events and deals; returns how many deals it made."""
        rng, rows, stamp = self.rng, self.rows, self.stamp
        instrument = self.instruments[instrument_id]
        day = self.days[int(rng.random() * len(self.days))]
        opens, length = self._window(instrument.market, day)
        close_ticks = self._close_ticks(instrument, day)
        quantity = self._quantity(instrument, close_ticks)
        lots = quantity // instrument.lot
        partial = partial and lots >= 2
        side = "buy" if rng.random() < 0.6 else "sell"
        created = opens + 30_000 + int(rng.random() * length * 0.6)
        fills: list[_Fill] = []
        if fill_count:
            filled_lots = rng.randint(1, lots - 1) if partial else lots
            fills = self._fills(
                instrument,
                created,
                opens + length - 10_000 - created,
                close_ticks,
                filled_lots,
                fill_count,
            )
        if fills and rng.random() < 0.15:
            limit = None
        elif fills:
            ticks = [f.ticks for f in fills]
            limit = (
                max(ticks) + rng.randint(0, 3)
                if side == "buy"
                else max(1, min(ticks) - rng.randint(0, 3))
            )
        else:
            limit = self._near(close_ticks)
        order_id = new_id("ord")
        account = _account(user_id, instrument.currency)
        price = instrument.price(limit) if limit is not None else None
        reserve = None
        if side == "buy":
            reserve = price if price is not None else instrument.price(round(fills[0].ticks * 1.05))
        created_at = stamp(created)
        accepted_at = stamp(created + 200 + int(rng.random() * 1800))
        events = rows.events
        events.append((order_id, 1, created_at, "new", MSG_NEW, None, None))
        status, reason, valid_until, last_at = "filled", None, day, accepted_at
        if not fills and rng.random() < 0.25:
            status = "rejected"
            reason = REJECT_REASONS[int(rng.random() * len(REJECT_REASONS))]
            events.append((order_id, 2, accepted_at, "rejected", reason, None, None))
        else:
            events.append((order_id, 2, accepted_at, "active", MSG_ACTIVE, None, None))
            filled = 0
            for seq, fill in enumerate(fills, start=3):
                filled += fill.quantity
                fill_price = str(instrument.price(fill.ticks))
                events.append(
                    (
                        order_id,
                        seq,
                        fill.stamp,
                        "filled" if filled == quantity else "partially_filled",
                        f"Исполнено / Filled {fill.quantity} @ {fill_price}",
                        str(fill.quantity),
                        fill_price,
                    )
                )
                self._deal(user_id, order_id, account, instrument, side, fill, day)
                last_at = fill.stamp
            if filled < quantity:
                if rng.random() < 0.5:
                    status, message = "expired", MSG_EXPIRED
                    last_at = stamp(opens + length)
                else:
                    status, message = "cancelled", MSG_CANCELLED
                    last = fills[-1].ms if fills else created + 2000
                    last_at = stamp(last + 1000 + int(rng.random() * 60_000))
                events.append((order_id, len(fills) + 3, last_at, status, message, None, None))
            elif rng.random() < 0.2:
                # Some filled orders were good-till-date: the validity outlived the fill.
                valid_until = day + timedelta(days=rng.choice((7, 30, 90)))
        rows.orders.append(
            [
                order_id,
                None,
                user_id,
                account,
                instrument.id,
                side,
                "market" if limit is None else "limit",
                str(price) if price is not None else None,
                str(quantity),
                str(sum(f.quantity for f in fills)),
                _average(instrument, fills) if fills else None,
                str(reserve) if reserve is not None else None,
                instrument.currency,
                status,
                created_at,
                last_at,
                valid_until.isoformat(),
                "eds" if rng.random() < 0.2 else "sms",
                reason,
            ]
        )
        return len(fills)

    def _deal(
        self,
        user_id: str,
        order_id: str,
        account: str,
        instrument: _Instrument,
        side: str,
        fill: _Fill,
        day: date,
    ) -> None:
        price = instrument.price(fill.ticks)
        amount = instrument.amount(price, fill.quantity)
        fee = order_fee(instrument.market, instrument.currency_enum, amount)
        self.rows.transactions.append(
            [
                new_id("trx"),
                None,
                user_id,
                fill.stamp,
                order_id,
                account,
                instrument.id,
                side,
                str(price),
                str(fill.quantity),
                str(amount),
                str(fee),
                instrument.currency,
                self._settles[day],
            ]
        )

    def open_orders(
        self, user_id: str, orders: Sequence[tuple[str, int]] = DEMO_OPEN_ORDERS
    ) -> None:
        """Resting limit buys far below the market: they block cash, as real ones do."""
        day = self.today - timedelta(days=1)
        while not is_trading_day(day):
            day -= timedelta(days=1)
        for instrument_id, quantity in orders:
            instrument = self.instruments.get(instrument_id)
            if instrument is None:
                continue
            ticks = self._latest_ticks(instrument)
            limit = instrument.price(max(1, round(ticks * 0.75)))
            opens, _ = self._window(instrument.market, day)
            created = min(opens + self.rng.randint(20, 120) * 60_000, _epoch_ms(self.now) - 300_000)
            created_at, accepted_at = self.stamp(created), self.stamp(created + 1000)
            order_id = new_id("ord")
            self.rows.orders.append(
                [
                    order_id,
                    None,
                    user_id,
                    _account(user_id, instrument.currency),
                    instrument.id,
                    "buy",
                    "limit",
                    str(limit),
                    str(quantity),
                    "0",
                    None,
                    str(limit),
                    instrument.currency,
                    "active",
                    created_at,
                    accepted_at,
                    (self.today + timedelta(days=30)).isoformat(),
                    "sms",
                    None,
                ]
            )
            self.rows.events.extend(
                [
                    (order_id, 1, created_at, "new", MSG_NEW, None, None),
                    (order_id, 2, accepted_at, "active", MSG_ACTIVE, None, None),
                ]
            )

    def _latest_ticks(self, instrument: _Instrument) -> int:
        row = self.conn.execute(
            "SELECT close FROM daily_bars WHERE instrument_id = ? ORDER BY day DESC LIMIT 1",
            (instrument.id,),
        ).fetchone()
        if row is None:
            return instrument.level_ticks
        return max(1, int(Decimal(row["close"]) / instrument.step))

    # --- withdrawals --------------------------------------------------------------------

    def instructions_for(
        self,
        user_id: str,
        iin: str,
        count: int,
        in_progress: bool,
        amount: Decimal = Decimal("15000.00"),
    ) -> None:
        """Past withdrawals to the client's own accounts; one of `amount` KZT still processing
        if asked (`count` includes it)."""
        rng = self.rng
        accounts = own_bank_accounts(user_id)
        done = count - 1 if in_progress else count
        for _ in range(done):
            currency = "KZT" if rng.random() < 0.8 else "USD"
            day = self.today - timedelta(days=rng.randint(1, HISTORY_DAYS))
            while not is_trading_day(day):
                day -= timedelta(days=1)
            created = datetime.combine(day, time(9), ALMATY).astimezone(UTC) + timedelta(
                seconds=rng.uniform(0, 9 * 3600)
            )
            processing = created + timedelta(seconds=rng.uniform(20, 3 * 3600))
            finished = processing + timedelta(seconds=rng.uniform(600, 6 * 3600))
            rejected = rng.random() < 0.12
            reason = rng.choice(WITHDRAWAL_REJECT_REASONS) if rejected else None
            self._instruction(
                user_id,
                iin,
                currency,
                _withdrawal_amount(rng, currency),
                accounts[currency],
                [
                    (created, "new"),
                    (processing, "processing"),
                    (finished, "rejected" if rejected else "executed"),
                ],
                reason,
            )
        if in_progress:
            created = self.now - timedelta(minutes=4)
            self._instruction(
                user_id,
                iin,
                "KZT",
                amount,
                accounts["KZT"],
                [(created, "new"), (self.now, "processing")],
                None,
            )

    def _instruction(
        self,
        user_id: str,
        iin: str,
        currency: str,
        amount: Decimal,
        iban: str,
        steps: list[tuple[datetime, str]],
        reason: str | None,
    ) -> None:
        instruction_id = new_id("ins")
        # Nothing in the record may lie in the future, yet the steps keep their order.
        steps = [
            (min(at, self.now - timedelta(seconds=len(steps) - i)), step)
            for i, (at, step) in enumerate(steps)
        ]
        bank = bank_by_code(iban[4:7])
        assert bank is not None
        status = steps[-1][1]
        self.rows.instructions.append(
            [
                instruction_id,
                None,
                user_id,
                _account(user_id, currency),
                "withdrawal",
                str(amount),
                currency,
                iin,
                iban,
                bank.bic,
                bank.name,
                DEFAULT_PURPOSE,
                KNP_OWN_FUNDS,
                KBE_RESIDENT_INDIVIDUAL,
                status,
                iso(steps[0][0]),
                iso(steps[-1][0]),
                "eds" if self.rng.random() < 0.3 else "sms",
                reason,
            ]
        )
        for seq, (at, step) in enumerate(steps, start=1):
            message = reason if step == "rejected" else EVENT_MESSAGES[InstructionStatus(step)]
            self.rows.instruction_events.append((instruction_id, seq, iso(at), step, message))

    # --- writing ------------------------------------------------------------------------

    def write(self) -> None:
        """Number everything in time order across users, then insert in bulk."""
        conn, rows = self.conn, self.rows
        _number(conn, rows.orders, "order", ORDER_NUMBER_START, time_index=14)
        _number(conn, rows.transactions, "transaction", TRANSACTION_NUMBER_START, time_index=3)
        _number(conn, rows.instructions, "instruction", INSTRUCTION_NUMBER_START, time_index=15)
        with _indexes_rebuilt(
            conn, ("orders", "order_events", "transactions"), len(rows.transactions) > BULK_ROWS
        ):
            self._insert(conn, rows)

    @staticmethod
    def _insert(conn: sqlite3.Connection, rows: _Rows) -> None:
        conn.executemany(
            "INSERT INTO orders (id, number, user_id, account_id, instrument_id, side, type, "
            "price, quantity, filled_quantity, average_fill_price, reserve_price, currency, "
            "status, created_at, updated_at, valid_until, signature_method, reject_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.orders,
        )
        conn.executemany(
            "INSERT INTO order_events (order_id, seq, time, status, message, filled_quantity, "
            "price) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows.events,
        )
        conn.executemany(
            "INSERT INTO transactions (id, number, user_id, time, order_id, account_id, "
            "instrument_id, side, price, quantity, amount, fee, currency, settlement_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.transactions,
        )
        conn.executemany(
            "INSERT INTO instructions (id, number, user_id, account_id, type, amount, currency, "
            "recipient_iin, iban, bic, bank_name, purpose, knp, kbe, status, created_at, "
            "updated_at, signature_method, reject_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.instructions,
        )
        conn.executemany(
            "INSERT INTO instruction_events (instruction_id, seq, time, status, message) "
            "VALUES (?, ?, ?, ?, ?)",
            rows.instruction_events,
        )


@contextmanager
def _indexes_rebuilt(conn: sqlite3.Connection, tables: Sequence[str], bulk: bool) -> Iterator[None]:
    """For a bulk insert, drop the secondary indexes and build them once afterwards."""
    if not bulk:
        yield
        return
    marks = ", ".join("?" * len(tables))
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tuple(tables),
    ).fetchall()
    for index in indexes:
        conn.execute(f'DROP INDEX "{index["name"]}"')
    yield
    for index in indexes:
        conn.execute(index["sql"])


def _account(user_id: str, currency: str) -> str:
    return f"acc_{user_id.removeprefix('usr_')}_{'usd' if currency == 'USD' else 'kzt'}"


def _average(instrument: _Instrument, fills: list[_Fill]) -> str:
    quantity = sum(f.quantity for f in fills)
    ticks = Decimal(sum(f.ticks * f.quantity for f in fills)) / quantity
    average = ticks * instrument.step
    exact = average.quantize(instrument.step)
    return str(exact if exact == average else average.quantize(Decimal("0.0001")))


def _withdrawal_amount(rng: random.Random, currency: str) -> Decimal:
    low, high, unit = WITHDRAWAL_SIZE[currency]
    return Decimal(rng.randrange(low, high, unit)).quantize(Decimal("0.01"))


def own_bank_accounts(user_id: str) -> dict[str, str]:
    """The client's own current accounts (KZT and USD) at a bank of theirs."""
    if user_id == DEMO_USER_ID:
        # DOMAIN.md's example Halyk account, and a USD one next to it.
        return {"KZT": "KZ476010131000179714", "USD": make_iban("601", "0131000179722")}
    code = ("722", "856", "965", "551")[sum(map(ord, user_id)) % 4]
    serial = f"{sum(map(ord, user_id)) * 7919 % 10**9:09d}"
    return {"KZT": make_iban(code, f"0100{serial}"), "USD": make_iban(code, f"0200{serial}")}


def _number(
    conn: sqlite3.Connection, rows: list[list[object]], sequence: str, start: int, time_index: int
) -> None:
    """Give gap-free numbers in time order, reserving the whole block in one step."""
    if not rows:
        return
    rows.sort(key=lambda row: str(row[time_index]))
    first = next_numbers(conn, sequence, len(rows), start)
    for offset, row in enumerate(rows):
        row[1] = first + offset


def _pool(
    conn: sqlite3.Connection,
    builder: _HistoryBuilder,
    user_id: str,
    currencies: frozenset[str] | None = None,
) -> tuple[list[str], list[float]]:
    """What a client trades: mostly what they hold, now and then anything listed (in the
    `currencies` of their accounts, when given)."""
    held = {
        r["instrument_id"]
        for r in conn.execute(
            "SELECT p.instrument_id FROM positions p JOIN accounts a ON a.id = p.account_id "
            "WHERE a.user_id = ?",
            (user_id,),
        )
    }
    ids = [
        i
        for i, inst in builder.instruments.items()
        if inst.currency in DEAL_SIZE
        and inst.market in MARKETS
        and (currencies is None or inst.currency in currencies)
    ]
    return ids, [HELD_WEIGHT if i in held else 1.0 for i in ids]


def seed_history(state: ServerState, rng: random.Random, book: Sequence[BookClient] = ()) -> None:
    """Write the history; runs inside the seed transaction (no BEGIN or COMMIT here).

    `book` is the broker's generated clients (book_seed.py): history for the first few, and
    each one's resting orders and withdrawal in processing.
    """
    conn = state.conn
    builder = _HistoryBuilder(state, rng)
    users = {r["id"]: r["iin"] for r in conn.execute("SELECT id, iin FROM users")}
    if DEMO_USER_ID in users:
        pool, weights = _pool(conn, builder, DEMO_USER_ID)
        builder.orders_for(DEMO_USER_ID, max(0, state.config.history_size), pool, weights)
        builder.open_orders(DEMO_USER_ID)
        builder.instructions_for(DEMO_USER_ID, users[DEMO_USER_ID], DEMO_INSTRUCTIONS, True)
    for user_id in OTHER_CLIENTS:
        if user_id not in users:
            continue
        pool, weights = _pool(conn, builder, user_id)
        builder.orders_for(user_id, OTHER_CLIENT_TRANSACTIONS, pool, weights)
        builder.instructions_for(user_id, users[user_id], OTHER_CLIENT_INSTRUCTIONS, False)
    for client in book:
        if client.history:
            pool, weights = _pool(conn, builder, client.id)
            builder.orders_for(client.id, OTHER_CLIENT_TRANSACTIONS, pool, weights)
        if client.open_orders:
            builder.open_orders(client.id, client.open_orders)
        past = OTHER_CLIENT_INSTRUCTIONS if client.history else 0
        if client.withdrawal is not None:
            builder.instructions_for(client.id, client.iin, past + 1, True, client.withdrawal)
        elif past:
            builder.instructions_for(client.id, client.iin, past, False)
    builder.write()


def seed_user_history(state: ServerState, user_id: str, deals: int) -> None:
    """`deals` deals of past history for one user (a scenario's), traded in the currencies of
    the user's accounts; runs inside the caller's transaction."""
    conn = state.conn
    rng = random.Random(f"scenario-history:{state.config.seed}:{user_id}")
    builder = _HistoryBuilder(state, rng)
    currencies = frozenset(
        r["currency"]
        for r in conn.execute("SELECT currency FROM accounts WHERE user_id = ?", (user_id,))
    )
    pool, weights = _pool(conn, builder, user_id, currencies)
    builder.orders_for(user_id, deals, pool, weights)
    builder.write()
