"""The market simulator: seeded daily history, a live random walk of quotes, and candles.

Prices are kept as integer ticks (price = ticks × price_step), which is exact and fast; they
become decimal strings only when published and Decimals only in `QuoteSnapshot`s. An update is
published as its `Quote` JSON text (see wire.py), written once and only if a stream watches
the instrument. Each market keeps its own calendar day (INTL follows New York), so a day's
bars never split a session.
"""

from __future__ import annotations

import logging
import math
import random
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from cesec_desktop.domain.catalog import USDKZT_LEVEL
from cesec_desktop.domain.enums import CandleInterval, InstrumentKind, Market
from cesec_desktop.domain.markets import MARKETS, is_trading_day
from cesec_desktop.domain.models.market import Candle
from cesec_desktop.domain.order_rules import PRICE_NOT_POSITIVE, PRICE_STEP
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.db import get_meta, set_meta, transaction
from cesec_desktop.mockserver.state import QuoteSnapshot, ServerState, TickListener
from cesec_desktop.mockserver.wire import (
    QuoteUpdate,
    decode_quotes,
    quote_head,
    quote_text,
    quotes_frame,
)

log = logging.getLogger(__name__)

BATCH_INTERVAL = 0.05
MAX_BATCH_ELAPSED = 0.25
"""After a stall, catch up at most this much time: a huge batch would only stall again."""
REST_SHARE = 0.1
"""After a batch the loop rests at least this share of the time the batch took: at a tick
rate the walk cannot keep up with, the streams still get time to send what it made."""
HOUSEKEEPING_INTERVAL = 0.2
SAVE_INTERVAL = 5.0
WATCHED_SHARE = 0.8
"""Share of updates that go to instruments some stream watches, so subscribers see movement."""
REVERSION = 0.0001
"""Per-update pull towards the instrument's level: keeps a long-running walk within a few %."""
MAX_TABLE_PLACES = 4
"""Decimal places written from a digits table (10,000 strings at most); more use `fmt`."""
HISTORY_DAYS = 400
SYNTHETIC_HISTORY_DAYS = 30
MAX_BARS = 5000

TIMEZONES: dict[Market, ZoneInfo] = {m: ZoneInfo(r.timezone) for m, r in MARKETS.items()}

# Per-update volatility (a fraction of the price) and daily volatility of the seeded history.
_UPDATE_SIGMA: dict[InstrumentKind, float] = {
    InstrumentKind.SHARE: 0.0005,
    InstrumentKind.ETF: 0.0003,
    InstrumentKind.FUND: 0.0002,
    InstrumentKind.BOND: 0.00005,
}
_DAILY_SIGMA: dict[InstrumentKind, float] = {
    InstrumentKind.SHARE: 0.015,
    InstrumentKind.ETF: 0.009,
    InstrumentKind.FUND: 0.005,
    InstrumentKind.BOND: 0.0015,
}
_USD_LEVEL_KZT = float(USDKZT_LEVEL)


@contextmanager
def _joined_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction for a batch of writes, or the caller's if one is already open."""
    if conn.in_transaction:
        yield conn
    else:
        with transaction(conn):
            yield conn


class TooManyBars(ValueError):
    """The requested candle range holds more than MAX_BARS bars."""


class BadPrice(ValueError):
    """A price `set_price` refuses; `code` is the field error code (order_rules')."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def market_date(market: Market, at: datetime) -> date:
    """The calendar day of `market` at `at` (Almaty for KASE/AIX, New York for INTL)."""
    return at.astimezone(TIMEZONES[market]).date()


def _places(step: Decimal) -> int:
    """Decimal places of a step that is exactly 10^-places (0.01 → 2), else 0."""
    exponent = step.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return places if step == Decimal(1).scaleb(-places) else 0


@lru_cache(maxsize=8)
def _fractions(places: int) -> list[str]:
    """The zero-padded fraction digits 0 … 10^places − 1 ("00" … "99" for 2)."""
    return [f"{i:0{places}d}" for i in range(10**places)]


def _formatter(step: Decimal) -> Callable[[int], str]:
    """Ticks → exact decimal string with the step's number of places."""
    exponent = step.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if step == Decimal(1).scaleb(-places):
        if places == 0:
            return str
        scale = 10**places
        pattern = f"%d.%0{places}d"

        def fmt(ticks: int) -> str:
            if ticks < 0:
                return "-" + pattern % divmod(-ticks, scale)
            return pattern % divmod(ticks, scale)

        return fmt
    return lambda ticks: format(Decimal(ticks) * step, "f")


def _pct(last: int, prev: int) -> str:
    """(last − prev) / prev × 100, half-up to 2 places, from integer ticks."""
    if prev <= 0:
        return "0.00"
    n = (last - prev) * 10000
    hundredths = (abs(n) * 2 + prev) // (2 * prev)
    if hundredths == 0:
        return "0.00"
    whole, cents = divmod(hundredths, 100)
    return f"-{whole}.{cents:02d}" if n < 0 else f"{whole}.{cents:02d}"


def _to_ticks(text: str | None, step: Decimal) -> int | None:
    if text is None:
        return None
    return max(int((Decimal(text) / step).to_integral_value()), 1)


def _kind(text: str) -> InstrumentKind:
    try:
        return InstrumentKind(text)
    except ValueError:
        return InstrumentKind.SHARE


def _lazy(index: int, priced: bool) -> cached_property[Any]:
    def value(self: _TickSnapshot) -> Decimal | None:
        raw = self._raw[index]
        if raw is None:
            return None
        return Decimal(raw) * self._step if priced else Decimal(raw)

    return cached_property(value)


class _TickSnapshot(QuoteSnapshot):
    """A `QuoteSnapshot` whose Decimals are made on first read.

    Tick listeners get one per update (20,000+ a second) and mostly read only the instrument
    id (the order matcher skips instruments without orders), so eager Decimals would be most
    of the simulator's cost. Not a dataclass itself: its fields are these cached properties.
    """

    last = _lazy(0, True)  # type: ignore[assignment]
    bid = _lazy(1, True)  # type: ignore[assignment]
    ask = _lazy(2, True)  # type: ignore[assignment]
    open = _lazy(3, True)  # type: ignore[assignment]
    high = _lazy(4, True)  # type: ignore[assignment]
    low = _lazy(5, True)  # type: ignore[assignment]
    prev_close = _lazy(6, True)  # type: ignore[assignment]
    bid_size = _lazy(7, False)  # type: ignore[assignment]
    ask_size = _lazy(8, False)  # type: ignore[assignment]
    volume = _lazy(9, False)  # type: ignore[assignment]
    _raw: tuple[int | None, ...]
    _step: Decimal

    @classmethod
    def of(cls, book: _Book) -> _TickSnapshot:
        snapshot = object.__new__(cls)
        fields = snapshot.__dict__
        fields["instrument_id"], fields["time"], fields["_step"] = book.id, book.time, book.step
        fields["_raw"] = _raw_ticks(book)
        return snapshot


# A tick snapshot's raw fields in `_lazy`'s order, read in one C call.
_raw_ticks = attrgetter(
    "last", "bid", "ask", "open", "high", "low", "prev_close", "bid_size", "ask_size", "volume"
)


class _Book:
    """One instrument's live state, in ticks."""

    __slots__ = (
        "ask",
        "ask_size",
        "bid",
        "bid_size",
        "day",
        "dirty",
        "fmt",
        "fractions",
        "head",
        "high",
        "high_s",
        "id",
        "kind",
        "last",
        "level",
        "lot",
        "low",
        "low_s",
        "market",
        "open",
        "open_s",
        "prev_close",
        "prev_s",
        "scale",
        "sigma",
        "size_unit",
        "spread",
        "step",
        "time",
        "time_iso",
        "volume",
    )

    def __init__(self, row: sqlite3.Row) -> None:
        self.id: str = row["id"]
        self.market = Market(row["market"])
        self.kind = _kind(row["kind"])
        self.step = Decimal(row["price_step"])
        self.fmt = _formatter(self.step)
        self.lot: int = max(int(row["lot_size"]), 1)
        self.level: int = _to_ticks(row["level"], self.step) or 1
        self.sigma = _UPDATE_SIGMA[self.kind]
        self.spread = max(1, round(self.level * 0.0002))
        price_kzt = float(row["level"]) * (_USD_LEVEL_KZT if row["currency"] == "USD" else 1.0)
        # Quote sizes worth roughly a hundred thousand tenge per unit, in whole lots.
        self.size_unit = self.lot * max(1, round(100_000 / max(price_kzt, 1.0) / self.lot))
        self.last = self.level
        self.prev_close = self.level
        self.open: int | None = None
        self.high: int | None = None
        self.low: int | None = None
        self.volume = 0
        self.day = date.min
        self.time = datetime.min
        self.time_iso = ""
        self.dirty = False
        self.bid = self.bid_size = self.ask = self.ask_size = 0
        self.prev_s = self.open_s = self.high_s = self.low_s = ""
        self.head = quote_head(self.id)
        # A step of 10^-places (0.01, 0.0001) is written straight from ticks: the whole
        # part, a point, and the fraction's digits from a table. Other steps use `fmt`.
        places = _places(self.step)
        self.scale = 10**places
        self.fractions = _fractions(places) if 0 < places <= MAX_TABLE_PLACES else None

    def restore(self, row: sqlite3.Row | None, today: date, now: datetime) -> None:
        """Resume from a `prices` row (or start at the level)."""
        if row is None:
            self.last = self.prev_close = self.level
            self.day, self.time, self.dirty = today, now, True
        else:
            self.last = _to_ticks(row["last"], self.step) or self.level
            self.prev_close = _to_ticks(row["prev_close"], self.step) or self.last
            self.open = _to_ticks(row["open"], self.step)
            self.high = _to_ticks(row["high"], self.step)
            self.low = _to_ticks(row["low"], self.step)
            if self.open is not None:
                self.high = max(self.high or self.last, self.open, self.last)
                self.low = min(self.low or self.last, self.open, self.last)
            else:
                self.high = self.low = None
            self.volume = int(Decimal(row["volume"]))
            self.day = date.fromisoformat(row["day"])
            self.time = parse_iso(row["updated_at"])
        self.time_iso = iso(self.time)
        self.bid = max(self.last - self.spread, 1)
        self.ask = max(self.last + self.spread, self.bid + 1)
        self.bid_size = self.ask_size = self.size_unit * 10
        self.refresh_strings()

    def refresh_strings(self) -> None:
        fmt = self.fmt
        self.prev_s = fmt(self.prev_close)
        self.open_s = fmt(self.open) if self.open is not None else None
        self.high_s = fmt(self.high) if self.high is not None else None
        self.low_s = fmt(self.low) if self.low is not None else None

    def update_text(self) -> str:
        """This update as JSON text without a template (a step that is not 10^-places)."""
        fmt = self.fmt
        last, prev = self.last, self.prev_close
        return quote_text(
            self.head,
            fmt(last),
            fmt(last - prev),
            _pct(last, prev),
            fmt(self.bid),
            fmt(self.ask),
            self.bid_size,
            self.ask_size,
            self.open_s,  # type: ignore[arg-type]
            self.high_s,  # type: ignore[arg-type]
            self.low_s,  # type: ignore[arg-type]
            self.prev_s,
            self.volume,
            self.time_iso,
        )

    def as_dict(self) -> dict[str, Any]:
        """The json-ready `Quote`."""
        fmt = self.fmt
        last, prev = self.last, self.prev_close
        return {
            "instrument_id": self.id,
            "last": fmt(last),
            "change": fmt(last - prev),
            "change_pct": _pct(last, prev),
            "bid": fmt(self.bid),
            "ask": fmt(self.ask),
            "bid_size": str(self.bid_size),
            "ask_size": str(self.ask_size),
            "open": self.open_s,
            "high": self.high_s,
            "low": self.low_s,
            "prev_close": self.prev_s,
            "volume": str(self.volume),
            "time": self.time_iso,
        }

    def snapshot(self) -> QuoteSnapshot:
        step = self.step
        return QuoteSnapshot(
            instrument_id=self.id,
            last=Decimal(self.last) * step,
            bid=Decimal(self.bid) * step,
            ask=Decimal(self.ask) * step,
            bid_size=Decimal(self.bid_size),
            ask_size=Decimal(self.ask_size),
            open=Decimal(self.open) * step if self.open is not None else None,
            high=Decimal(self.high) * step if self.high is not None else None,
            low=Decimal(self.low) * step if self.low is not None else None,
            prev_close=Decimal(self.prev_close) * step,
            volume=Decimal(self.volume),
            time=self.time,
        )

    def bar_strings(self, day: date) -> tuple[str, str, str, str, str, str, str]:
        """Today's (finished) day as a `daily_bars` row."""
        fmt = self.fmt
        assert self.open is not None and self.high is not None and self.low is not None
        return (
            self.id,
            day.isoformat(),
            fmt(self.open),
            fmt(self.high),
            fmt(self.low),
            fmt(self.last),
            str(self.volume),
        )


# --- seeded history ---------------------------------------------------------------------


def _ohlc(
    rng: random.Random, prev: float, close: float, sigma: float, floor: int
) -> tuple[int, int, int, int]:
    """A consistent daily bar (ticks) that opens near `prev` and closes at `close`."""
    o = prev * math.exp(rng.gauss(0.0, sigma / 4))
    hi = max(o, close) * (1 + abs(rng.gauss(0.0, sigma / 2)))
    lo = min(o, close) * (1 - abs(rng.gauss(0.0, sigma / 2)))
    oi, ci = max(round(o), floor), max(round(close), floor)
    return oi, max(round(hi), oi, ci), min(max(round(lo), floor), oi, ci), ci


def _base_volume(row: sqlite3.Row) -> float:
    price_kzt = float(row["level"]) * (_USD_LEVEL_KZT if row["currency"] == "USD" else 1.0)
    return max(50_000_000 / max(price_kzt, 1.0), 20.0)


def _trading_days(first: date, last: date) -> list[date]:
    days: list[date] = []
    day = first
    while day <= last:
        if is_trading_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def seed_market_data(state: ServerState, rng: random.Random) -> None:
    """Daily bars for ~400 days ending near each instrument's level, and today's `prices`."""
    rows = state.conn.execute("SELECT * FROM instruments ORDER BY rowid").fetchall()
    _seed_instruments(state.conn, rows, rng, state.clock.now())


def _seed_instruments(
    conn: sqlite3.Connection, rows: list[sqlite3.Row], rng: random.Random, now: datetime
) -> None:
    bars: list[tuple[str, ...]] = []
    prices: list[tuple[Any, ...]] = []
    for row in rows:
        today = market_date(Market(row["market"]), now)
        span = SYNTHETIC_HISTORY_DAYS if row["hidden"] else HISTORY_DAYS
        days = _trading_days(today - timedelta(days=span), today - timedelta(days=1))
        step = Decimal(row["price_step"])
        fmt = _formatter(step)
        level = _to_ticks(row["level"], step) or 1
        sigma = _DAILY_SIGMA[_kind(row["kind"])]
        floor = max(1, level // 20)
        lot = max(int(row["lot_size"]), 1)
        base = _base_volume(row)
        # Walk backwards from a close near the level, so the history ends where the live walk
        # starts.
        closes = [level * math.exp(rng.gauss(0.0, sigma / 3))]
        for _ in range(len(days)):
            closes.append(closes[-1] * math.exp(-rng.gauss(0.0, sigma)))
        closes.reverse()
        last_close = max(round(closes[-1]), floor)
        for index, day in enumerate(days):
            o, h, lo, c = _ohlc(rng, closes[index], closes[index + 1], sigma, floor)
            volume = max(int(base * math.exp(rng.gauss(0.0, 0.5)) / lot), 1) * lot
            bars.append((row["id"], day.isoformat(), fmt(o), fmt(h), fmt(lo), fmt(c), str(volume)))
        price = fmt(last_close)
        prices.append((row["id"], price, price, None, None, None, "0", today.isoformat(), iso(now)))
    conn.executemany(
        "INSERT OR REPLACE INTO daily_bars (instrument_id, day, open, high, low, close, volume) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        bars,
    )
    conn.executemany(
        "INSERT OR REPLACE INTO prices (instrument_id, last, prev_close, open, high, low, "
        "volume, day, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        prices,
    )


# --- intraday bars ----------------------------------------------------------------------

MinuteBar = tuple[int, int, int, int, int]
"""open, high, low, close, volume (ticks and shares)."""


@lru_cache(maxsize=2048)
def _minute_bars(
    key: str, minutes: int, o: int, h: int, lo: int, c: int, volume: int, lot: int
) -> tuple[MinuteBar, ...]:
    """A day's 1-minute bars: a Brownian bridge o→c that spans exactly [lo, h].

    Draws are made minute by minute from a generator seeded by `key`, so a longer day (today,
    as time goes on) keeps the same shape for the minutes it shares with a shorter one.
    """
    rng = random.Random(key)
    gauss, uniform = rng.gauss, rng.random
    walk = [0.0]
    wicks: list[tuple[float, float]] = []
    weights: list[float] = []
    acc = 0.0
    for i in range(minutes):
        acc += gauss(0.0, 1.0)
        walk.append(acc)
        wicks.append((abs(gauss(0.0, 1.0)), abs(gauss(0.0, 1.0))))
        u = 2.0 * i / max(minutes - 1, 1) - 1.0
        weights.append((0.2 + uniform()) * (1.0 + 1.5 * u * u))
    n = minutes
    end = walk[-1]
    scale = max(h - lo, 1) / (2.0 * math.sqrt(n))
    raw = [o + (c - o) * k / n + (walk[k] - end * k / n) * scale for k in range(n + 1)]
    band_lo, band_hi = min(o, c), max(o, c)
    top, bottom = max(raw), min(raw)
    up = (h - band_hi) / (top - band_hi) if top > band_hi else 0.0
    down = (band_lo - lo) / (band_lo - bottom) if bottom < band_lo else 0.0
    path: list[int] = []
    for x in raw:
        if x > band_hi:
            x = band_hi + (x - band_hi) * up
        elif x < band_lo:
            x = band_lo - (band_lo - x) * down
        path.append(min(max(round(x), lo), h))
    path[0], path[-1] = o, c
    wick = max(h - lo, 1) / (8.0 * math.sqrt(n))
    highs = [min(max(path[i], path[i + 1]) + round(wicks[i][0] * wick), h) for i in range(n)]
    lows = [max(min(path[i], path[i + 1]) - round(wicks[i][1] * wick), lo) for i in range(n)]
    # The day's own high and low are touched by some bar, so intraday agrees with daily.
    highs[max(range(n), key=highs.__getitem__)] = h
    lows[min(range(n), key=lows.__getitem__)] = lo
    units = volume // lot
    total = sum(weights)
    cumulative, allotted = 0.0, 0
    volumes: list[int] = []
    for weight in weights:
        cumulative += weight
        target = round(units * cumulative / total)
        volumes.append((target - allotted) * lot)
        allotted = target
    volumes[-1] += volume - units * lot
    return tuple((path[i], highs[i], lows[i], path[i + 1], volumes[i]) for i in range(n))


def _aggregate(
    start: datetime,
    bars: Iterable[MinuteBar],
    minutes: int,
) -> list[tuple[datetime, int, int, int, int, int]]:
    """Group 1-minute bars into `minutes`-long bars aligned to `start`."""
    out: list[tuple[datetime, int, int, int, int, int]] = []
    current = -1
    o = h = lo = c = v = 0
    for index, (bo, bh, bl, bc, bv) in enumerate(bars):
        bucket = index // minutes
        if bucket != current:
            if current >= 0:
                out.append((start + timedelta(minutes=current * minutes), o, h, lo, c, v))
            current, o, h, lo, c, v = bucket, bo, bh, bl, bc, bv
        else:
            h, lo, c, v = max(h, bh), min(lo, bl), bc, v + bv
    if current >= 0:
        out.append((start + timedelta(minutes=current * minutes), o, h, lo, c, v))
    return out


# --- the simulator ----------------------------------------------------------------------


class _Pool:
    """The books that may move now: the watched ones first, then every open one (so a
    watched book is in it twice), with the constants of each as arrays for batch draws."""

    def __init__(self, watched: list[_Book], everyone: list[_Book]) -> None:
        self.n_watched = len(watched) if everyone else 0
        self.books = watched + everyone if everyone else []
        self.sigma = np.array([b.sigma for b in self.books], dtype=np.float64)
        self.spread = np.array([b.spread for b in self.books], dtype=np.int64)
        self.unit = np.array([b.size_unit for b in self.books], dtype=np.int64)
        self.level = np.array([b.level for b in self.books], dtype=np.float64)


class Simulator:
    """The live market: a random walk per instrument while its market is open."""

    def __init__(self, state: ServerState) -> None:
        self.state = state
        self._rng = random.Random(f"{state.config.seed}:live")
        # The walk's per-update draws, made a batch at a time.
        self._draws = np.random.default_rng((state.config.seed, 0x11FE))
        # A fixed table of normal draws: indexing it is far cheaper than gauss() per update.
        self._noise = [self._rng.gauss(0.0, 1.0) for _ in range(4096)]
        self._listeners: list[TickListener] = []
        self._books: dict[str, _Book] = {}
        self._by_market: dict[Market, list[_Book]] = {}
        self._market_day: dict[Market, date] = {}
        self._candidates_key: tuple[Any, ...] | None = None
        self._pool: _Pool | None = None
        self._fx = round(USDKZT_LEVEL * 100)
        self._fx_level = self._fx
        self._load()
        state.reset_listeners.append(self._load)

    # -- state -------------------------------------------------------------------------

    def _load(self) -> None:
        """(Re)build the books from `instruments` and `prices`: a restart resumes the walk."""
        conn = self.state.conn
        now = self.state.clock.now()
        instruments = conn.execute("SELECT * FROM instruments ORDER BY rowid").fetchall()
        saved = {r["instrument_id"]: r for r in conn.execute("SELECT * FROM prices")}
        late = [row for row in instruments if row["id"] not in saved]
        if late:
            # Instruments added on a later start (synthetic ones for a load test) get a history.
            rng = random.Random(f"{self.state.config.seed}:late")
            with _joined_transaction(conn):
                _seed_instruments(conn, late, rng, now)
            saved = {r["instrument_id"]: r for r in conn.execute("SELECT * FROM prices")}
        books: dict[str, _Book] = {}
        for row in instruments:
            book = _Book(row)
            book.restore(saved.get(book.id), market_date(book.market, now), now)
            books[book.id] = book
        self._books = books
        self._by_market = {m: [b for b in books.values() if b.market is m] for m in Market}
        self._market_day = {}
        self._candidates_key = None
        fx = get_meta(conn, "usdkzt")
        self._fx = round(Decimal(fx) * 100) if fx else self._fx_level
        self._roll_if_needed(now)

    def save(self) -> None:
        """Persist the walk's state (`prices`), so a restart resumes where it stopped."""
        rows = []
        for book in self._books.values():
            if not book.dirty:
                continue
            fmt = book.fmt
            rows.append(
                (
                    book.id,
                    fmt(book.last),
                    fmt(book.prev_close),
                    book.open_s,
                    book.high_s,
                    book.low_s,
                    str(book.volume),
                    book.day.isoformat(),
                    iso(book.time),
                )
            )
            book.dirty = False
        self._write(
            "INSERT OR REPLACE INTO prices (instrument_id, last, prev_close, open, high, low, "
            "volume, day, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        set_meta(self.state.conn, "usdkzt", str(self.usdkzt()))

    def _write(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            with _joined_transaction(self.state.conn) as conn:
                conn.executemany(sql, rows)

    # -- MarketData ----------------------------------------------------------------------

    def quote(self, instrument_id: str) -> QuoteSnapshot | None:
        book = self._books.get(instrument_id)
        if book is None:
            return None
        self._roll_if_needed(self.state.clock.now())
        return book.snapshot()

    def quote_dict(self, instrument_id: str) -> dict[str, Any] | None:
        """The json-ready `Quote` (exactly what the stream sends)."""
        book = self._books.get(instrument_id)
        if book is None:
            return None
        self._roll_if_needed(self.state.clock.now())
        return book.as_dict()

    def knows(self, instrument_id: str) -> bool:
        return instrument_id in self._books

    def usdkzt(self) -> Decimal:
        return Decimal(self._fx) / 100

    def add_tick_listener(self, listener: TickListener) -> None:
        self._listeners.append(listener)

    def set_price(self, instrument_id: str, price: Decimal) -> QuoteSnapshot:
        """Move an instrument's last, bid and ask to `price` at once, as a trade there would
        (`/mock/prices`): streams get the tick, tick listeners match resting orders against
        it, and the walk goes on from there. KeyError for an unknown id; BadPrice (a
        ValueError) for a price that is not positive or not on the tick size."""
        book = self._books[instrument_id]
        if not price.is_finite() or price <= 0:
            raise BadPrice(PRICE_NOT_POSITIVE, "the price must be positive")
        ticks = price / book.step
        if ticks != ticks.to_integral_value():
            raise BadPrice(PRICE_STEP, f"the price must be a multiple of {book.step}")
        now = self.state.clock.now()
        self._roll_if_needed(now)
        last = int(ticks)
        # Bid and ask both at the price: a resting buy at or above it, or a sell at or below
        # it, crosses, whichever side the tester meant.
        book.last = book.bid = book.ask = last
        if book.open is None:
            book.open = book.high = book.low = last
        else:
            book.high = max(book.high or last, last)
            book.low = min(book.low or last, last)
        book.refresh_strings()
        book.time, book.time_iso, book.dirty = now, iso(now), True
        self.state.hub.publish_quotes([(book.id, book.update_text())], self.state.clock.loop_time())
        snapshot = book.snapshot()
        for listener in self._listeners:
            try:
                listener(snapshot)
            except Exception:
                log.exception("tick listener failed")
        return snapshot

    # -- the walk ------------------------------------------------------------------------

    async def run(self) -> None:
        """The loop: a batch of updates every 50 ms, housekeeping every 200 ms, saves every 5 s."""
        clock = self.state.clock.loop_time
        last = clock()
        carry = 0.0
        next_housekeeping = last + HOUSEKEEPING_INTERVAL
        next_save = last + SAVE_INTERVAL
        rest = 0.0
        while True:
            await self.state.clock.pause(max(rest, last + BATCH_INTERVAL - clock()))
            now = clock()
            wanted = self.state.config.tick_rate * min(now - last, MAX_BATCH_ELAPSED) + carry
            last = now
            count = int(wanted)
            carry = wanted - count
            try:
                # Published even when empty: conflated streams send what they held back.
                self.state.hub.publish_quotes(self._advance(count, everything=False), now)
            except Exception:
                log.exception("market simulator batch failed")
            rest = REST_SHARE * (clock() - now)
            if now >= next_housekeeping:
                next_housekeeping = now + HOUSEKEEPING_INTERVAL
                for job in list(self.state.housekeeping):
                    try:
                        job()
                    except Exception:
                        log.exception("housekeeping job %r failed", job)
            if now >= next_save:
                next_save = now + SAVE_INTERVAL
                try:
                    self.save()
                except Exception:
                    log.exception("saving prices failed")

    def step(self, n: int, publish: bool = False) -> list[dict[str, Any]]:
        """Make `n` updates now (tests drive the market with this); returns the quotes sent."""
        updates = self._advance(n, everything=True)
        if publish:
            self.state.hub.publish_quotes(updates, self.state.clock.loop_time())
        return decode_quotes(quotes_frame(text for _, text in updates)) if updates else []

    def _advance(self, n: int, everything: bool) -> list[QuoteUpdate]:
        """Roll days if due, walk the FX rate, and make `n` quote updates."""
        now = self.state.clock.now()
        self._roll_if_needed(now)
        self._walk_fx()
        return self._updates(n, now, everything) if n > 0 else []

    def _walk_fx(self) -> None:
        noise = self._noise[self._rng.getrandbits(12)]
        self._fx = max(self._fx + round(noise * 3 + (self._fx_level - self._fx) * 0.001), 1)

    def _candidates(self) -> tuple[_Pool, frozenset[str]]:
        """Books of open markets, the watched ones first, and the watched ids (cached)."""
        open_markets = tuple(m for m in Market if self.state.is_open(m))
        watched = frozenset(self.state.hub.watched_quote_ids)
        key = (open_markets, watched)
        if key != self._candidates_key or self._pool is None:
            self._candidates_key = key
            everyone = [b for m in open_markets for b in self._by_market.get(m, ())]
            self._pool = _Pool([b for b in everyone if b.id in watched], everyone)
        return self._pool, watched

    def _updates(self, n: int, now: datetime, everything: bool) -> list[QuoteUpdate]:
        """`n` steps of the walk; the JSON text of each update a stream watches (or of every
        one with `everything`): nobody reads the others, so they are never formatted.

        The draws of a whole batch come from numpy at once; the loop only walks and writes.
        """
        pool, watched_ids = self._candidates()
        if not pool.books:
            return []
        draws = self._draws
        if pool.n_watched:
            # Most updates go to watched instruments, so subscribers see movement.
            chosen = np.where(
                draws.random(n) < WATCHED_SHARE,
                draws.integers(0, pool.n_watched, n),
                draws.integers(pool.n_watched, len(pool.books), n),
            )
        else:
            chosen = draws.integers(0, len(pool.books), n)
        books = [pool.books[i] for i in chosen.tolist()]
        # Each move is sized on the book's price at the batch's start (so numpy can size them
        # all at once): within a 50 ms batch a price moves far less than 1 %, so the walk's
        # volatility and pull towards the level are what they were per update.
        start = np.array([b.last for b in pool.books], dtype=np.float64)[chosen]
        moves = np.rint(
            draws.standard_normal(n) * pool.sigma[chosen] * start
            + (pool.level[chosen] - start) * REVERSION
        )
        steps = moves.astype(np.int64).tolist()
        spreads, units = pool.spread[chosen], pool.unit[chosen]
        bid_offsets = (spreads * draws.integers(1, 3, n)).tolist()
        ask_offsets = (spreads * draws.integers(1, 3, n)).tolist()
        bid_sizes = (units * draws.integers(1, 129, n)).tolist()
        ask_sizes = (units * draws.integers(1, 129, n)).tolist()
        traded = (units * draws.integers(1, 17, n)).tolist()
        t_iso = iso(now)
        for book in set(books):
            book.time, book.time_iso, book.dirty = now, t_iso, True
        listeners = self._listeners
        cents = _fractions(2)
        out: list[QuoteUpdate] = []
        append = out.append
        for book, step, bid_offset, ask_offset, bid_size, ask_size, volume in zip(
            books, steps, bid_offsets, ask_offsets, bid_sizes, ask_sizes, traded, strict=True
        ):
            last = book.last + step
            if last < 2:
                last = 2
            bid = last - bid_offset
            if bid < 1:
                bid = 1
            ask = last + ask_offset
            volume += book.volume
            book.last, book.bid, book.ask = last, bid, ask
            book.bid_size, book.ask_size, book.volume = bid_size, ask_size, volume
            if book.open is None:
                book.open = book.high = book.low = last
                book.open_s = book.high_s = book.low_s = book.fmt(last)
            elif last > book.high:  # type: ignore[operator]
                book.high, book.high_s = last, book.fmt(last)
            elif last < book.low:  # type: ignore[operator]
                book.low, book.low_s = last, book.fmt(last)
            if everything or book.id in watched_ids:
                digits = book.fractions
                if digits is None:
                    append((book.id, book.update_text()))
                else:
                    # `wire.quote_text` written straight from ticks (a test holds them equal):
                    # whole part, then the fraction's digits from a table. The change and its
                    # % are written from their magnitude, rounded as `_pct` does (half up).
                    scale, prev = book.scale, book.prev_close
                    change = last - prev
                    sign = "-" if change < 0 else ""
                    size = -change if change < 0 else change
                    pct = (size * 20000 + prev) // (2 * prev)
                    append(
                        (
                            book.id,
                            f'{book.head}{last // scale}.{digits[last % scale]}","change":"'
                            f'{sign}{size // scale}.{digits[size % scale]}","change_pct":"'
                            f'{sign if pct else ""}{pct // 100}.{cents[pct % 100]}","bid":"'
                            f'{bid // scale}.{digits[bid % scale]}","ask":"'
                            f'{ask // scale}.{digits[ask % scale]}","bid_size":"{bid_size}",'
                            f'"ask_size":"{ask_size}","open":"{book.open_s}","high":"'
                            f'{book.high_s}","low":"{book.low_s}","prev_close":"{book.prev_s}",'
                            f'"volume":"{volume}","time":"{t_iso}"}}',
                        )
                    )
            if listeners:
                snapshot = _TickSnapshot.of(book)
                for listener in listeners:
                    try:
                        listener(snapshot)
                    except Exception:
                        log.exception("tick listener failed")
        return out

    # -- days ----------------------------------------------------------------------------

    def _roll_if_needed(self, now: datetime) -> None:
        """On a market's new day: close each book's day into a daily bar and start afresh."""
        for market, books in self._by_market.items():
            today = market_date(market, now)
            if self._market_day.get(market) == today:
                continue
            self._market_day[market] = today
            finished: list[tuple[Any, ...]] = []
            filled: list[tuple[Any, ...]] = []
            for book in books:
                if book.day != today:
                    self._roll(book, today, finished, filled)
            self._write(
                "INSERT OR REPLACE INTO daily_bars (instrument_id, day, open, high, low, close, "
                "volume) VALUES (?, ?, ?, ?, ?, ?, ?)",
                finished,
            )
            # Never overwrite history that exists (the clock may have been moved back and forth).
            self._write(
                "INSERT OR IGNORE INTO daily_bars (instrument_id, day, open, high, low, close, "
                "volume) VALUES (?, ?, ?, ?, ?, ?, ?)",
                filled,
            )
            if finished or filled:
                self.save()

    def _roll(
        self,
        book: _Book,
        today: date,
        finished: list[tuple[Any, ...]],
        filled: list[tuple[Any, ...]],
    ) -> None:
        if book.day < today:
            if book.open is not None:
                finished.append(book.bar_strings(book.day))
            row = self.state.conn.execute(
                "SELECT max(day) AS day FROM daily_bars WHERE instrument_id = ?", (book.id,)
            ).fetchone()
            # A day that saw no trades (a frozen market) is filled like any day slept through.
            traded = book.day if book.open is not None else book.day - timedelta(days=1)
            after = max(traded, date.fromisoformat(row["day"]) if row["day"] else date.min)
            if after < today:
                filled.extend(self._backfill(book, after + timedelta(days=1), today))
        book.prev_close = book.last
        book.open = book.high = book.low = None
        book.volume = 0
        book.day, book.dirty = today, True
        book.refresh_strings()

    def _backfill(self, book: _Book, first: date, today: date) -> list[tuple[Any, ...]]:
        """Trading days the simulator slept through get quiet bars, so charts have no holes."""
        days = _trading_days(
            max(first, today - timedelta(days=HISTORY_DAYS)), today - timedelta(days=1)
        )
        sigma = _DAILY_SIGMA[book.kind]
        floor = max(1, book.level // 20)
        bars: list[tuple[Any, ...]] = []
        close = float(book.last)
        seed = self.state.config.seed
        for day in days:
            rng = random.Random(f"{seed}:{book.id}:{day.isoformat()}:fill")
            target = close * math.exp(rng.gauss(0.0, sigma) + 0.1 * math.log(book.level / close))
            o, h, lo, c = _ohlc(rng, close, target, sigma, floor)
            volume = max(int(book.size_unit * 500 * math.exp(rng.gauss(0.0, 0.5))), 1)
            volume = max(volume // book.lot, 1) * book.lot
            fmt = book.fmt
            bars.append((book.id, day.isoformat(), fmt(o), fmt(h), fmt(lo), fmt(c), str(volume)))
            close = float(c)
            book.last = c
        return bars

    # -- candles -------------------------------------------------------------------------

    def candles(
        self, instrument_id: str, interval: CandleInterval, start: datetime, end: datetime
    ) -> list[Candle]:
        """OHLCV bars with start <= time < end; raises KeyError / TooManyBars."""
        book = self._books[instrument_id]
        now = self.state.clock.now()
        self._roll_if_needed(now)
        rules = MARKETS[book.market]
        tz = TIMEZONES[book.market]
        today = market_date(book.market, now)
        first_day = start.astimezone(tz).date()
        last_day = min(end.astimezone(tz).date(), today)
        if last_day < first_day:
            return []
        rows = self.state.conn.execute(
            "SELECT day, open, high, low, close, volume FROM daily_bars WHERE instrument_id = ? "
            "AND day >= ? AND day <= ? ORDER BY day",
            (book.id, first_day.isoformat(), last_day.isoformat()),
        ).fetchall()
        live = book.open is not None and first_day <= today <= last_day
        if live:
            rows = [r for r in rows if r["day"] != today.isoformat()]
        if interval is CandleInterval.D1:
            if len(rows) + live > MAX_BARS:
                raise TooManyBars
            bars = [
                (
                    datetime.combine(date.fromisoformat(r["day"]), datetime.min.time(), tz),
                    *(_to_ticks(r[k], book.step) or 1 for k in ("open", "high", "low", "close")),
                    int(Decimal(r["volume"])),
                )
                for r in rows
            ]
            if live:
                assert book.open is not None and book.high is not None and book.low is not None
                bars.append(
                    (
                        datetime.combine(today, datetime.min.time(), tz),
                        book.open,
                        book.high,
                        book.low,
                        book.last,
                        book.volume,
                    )
                )
        else:
            per_bar = interval.seconds // 60
            session_minutes = (
                datetime.combine(today, rules.session_close)
                - datetime.combine(today, rules.session_open)
            ).seconds // 60
            per_day = -(-session_minutes // per_bar)
            if (len(rows) + live) * per_day > MAX_BARS + 2 * per_day:
                raise TooManyBars
            bars = []
            seed = self.state.config.seed
            for r in rows:
                day = date.fromisoformat(r["day"])
                o, h, lo, c = (
                    _to_ticks(r[k], book.step) or 1 for k in ("open", "high", "low", "close")
                )
                minute_bars = _minute_bars(
                    f"{seed}:{book.id}:{r['day']}",
                    session_minutes,
                    o,
                    max(h, o, c),
                    min(lo, o, c),
                    c,
                    int(Decimal(r["volume"])),
                    book.lot,
                )
                opening = datetime.combine(day, rules.session_open, tz)
                bars.extend(_aggregate(opening, minute_bars, per_bar))
            if live:
                bars.extend(self._today_bars(book, today, now, per_bar))
        bars = [b for b in bars if start <= b[0] < end]
        if len(bars) > MAX_BARS:
            raise TooManyBars
        step = book.step
        return [
            Candle.model_construct(
                time=t,
                open=Decimal(o) * step,
                high=Decimal(h) * step,
                low=Decimal(lo) * step,
                close=Decimal(c) * step,
                volume=Decimal(v),
            )
            for t, o, h, lo, c, v in bars
        ]

    def _today_bars(
        self, book: _Book, today: date, now: datetime, per_bar: int
    ) -> list[tuple[datetime, int, int, int, int, int]]:
        """Today's bars up to now: a bridge from the day's open to the live last price."""
        assert book.open is not None and book.high is not None and book.low is not None
        rules = MARKETS[book.market]
        tz = TIMEZONES[book.market]
        opening = datetime.combine(today, rules.session_open, tz)
        closing = datetime.combine(today, rules.session_close, tz)
        # Outside session hours (a forced-open market) the day starts at midnight.
        start = opening if now >= opening else datetime.combine(today, datetime.min.time(), tz)
        finish = now if self.state.is_open(book.market) or now < closing else closing
        minutes = max(1, math.ceil((finish - start).total_seconds() / 60))
        minute_bars = _minute_bars(
            f"{self.state.config.seed}:{book.id}:{today.isoformat()}",
            minutes,
            book.open,
            book.high,
            book.low,
            book.last,
            book.volume,
            book.lot,
        )
        return _aggregate(start, minute_bars, per_bar)
