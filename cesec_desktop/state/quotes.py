"""The latest quote per instrument, coalesced so that the screen's cost follows what it shows.

The stream's worker thread receives and decodes the quotes (thousands a second in a busy
market) and keeps the newest per instrument. Once per display tick the session takes what
changed in one swap (`Session.quotesChanged`); the store files those quotes, unparsed, and
hands the set of changed instruments to the table models at once (`flushed`), which parse
just those rows and emit one `dataChanged` per contiguous range. The UI thread's work per
tick follows the changed instruments, never the update rate.

Without a session (tests, benchmarks), `ingest()` files wire dicts directly and the store's
own ~10 Hz timer flushes them.

While the stream is not online the quotes are stale: the models grey them and show their
age, and they recover by themselves with the next quotes.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from cesec_desktop.state.connection import Connection
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    from cesec_desktop.api.stream_frames import QuoteWire
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

FLUSH_INTERVAL_MS = 100
"""How often ingested quotes reach the screen without a session (with one, its tick rules)."""
TABLE_RATE_HZ = 10
"""The conflation asked of the server for quotes shown in tables (one per display tick)."""
AGE_INTERVAL_MS = 1000
"""How often a stale quote's age is re-drawn."""


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One instrument's quote, parsed (Decimal money, aware time)."""

    instrument_id: str
    last: Decimal
    change: Decimal
    change_pct: Decimal
    bid: Decimal | None
    ask: Decimal | None
    volume: Decimal
    time: datetime | None


@dataclass(frozen=True, slots=True)
class InstrumentInfo:
    """What a quote table shows about an instrument besides its prices."""

    instrument_id: str
    ticker: str
    name: str
    currency: str = ""


def _dec(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def parse_quote(item: dict[str, Any] | QuoteWire) -> QuoteRow | None:
    """A wire dict or `QuoteWire` as a `QuoteRow`; None if it is malformed (logged, never
    raised)."""
    try:
        last = _dec(item.get("last"))
        if last is None:
            return None
        moment = item.get("time")
        when = datetime.fromisoformat(moment.replace("Z", "+00:00")) if moment else None
        key = item.get("instrument_id")
        if key is None:
            raise KeyError("instrument_id")
        return QuoteRow(
            instrument_id=str(key),
            last=last,
            change=_dec(item.get("change")) or Decimal(0),
            change_pct=_dec(item.get("change_pct")) or Decimal(0),
            bid=_dec(item.get("bid")),
            ask=_dec(item.get("ask")),
            volume=_dec(item.get("volume")) or Decimal(0),
            time=when,
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        log.warning("skipped a malformed quote: %.200r", item)
        return None


class QuoteStore(QObject):
    """Latest quote per instrument; subscriptions counted per watcher and rate.

    `table_rate_hz` is the conflation tables ask the server for (None: every update; the
    worker still hands over one newest quote per tick).

    Signals:
        flushed(set[str]): a display tick; these instruments have new quotes. With a session
            it comes only when something changed; without one, from the store's own timer
            (then it may be empty).
        staleChanged(bool): the stream went down (True) or came back (False).
        agesChanged: a second passed while stale; re-draw the ages.
        instrumentsChanged: names and tickers of more instruments are known.
    """

    flushed = Signal(set)
    staleChanged = Signal(bool)
    agesChanged = Signal()
    instrumentsChanged = Signal()

    table_rate_hz: int | None = TABLE_RATE_HZ

    def __init__(
        self,
        session: Session | None = None,
        parent: QObject | None = None,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._latest: dict[str, dict[str, Any] | QuoteWire] = {}
        self._parsed: dict[str, tuple[dict[str, Any] | QuoteWire, QuoteRow | None]] = {}
        self._dirty: set[str] = set()
        self._received_at: dict[str, float] = {}
        self._watchers: Counter[tuple[str, bool]] = Counter()
        """(id, full rate) -> watchers."""
        self._info: dict[str, InstrumentInfo] = {}
        self._asked: set[str] = set()
        self._stale = True
        self.received = 0
        """Quotes taken in since the store was made (for the benchmark): every ingested one,
        or with a session, one per changed instrument per tick."""
        self.tasks = tasks if tasks is not None else TaskTracker("quotes", owner=self)
        """Where background calls run (the window's, so that closing it cancels them)."""
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self.flush)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_INTERVAL_MS)
        self._age_timer.timeout.connect(self.agesChanged)
        if session is not None:
            # The session's display tick drives the flushes: one clock, one swap per tick.
            # This timer then only flushes what `ingest` files by hand, once.
            self._timer.setSingleShot(True)
            session.quotesChanged.connect(self.take)
            session.connectionChanged.connect(self.set_connection)
            self.set_connection(session.connection.value)
        else:
            self._timer.start()
            self._stale = False

    # --- input -----------------------------------------------------------------------------

    def ingest(self, items: list[dict[str, Any]]) -> None:
        """File a batch of raw wire dicts (tests, benchmarks); no parsing, no signals."""
        latest, dirty, received = self._latest, self._dirty, self._received_at
        now = time.monotonic()
        for item in items:
            key = item.get("instrument_id")
            if key is not None:
                latest[key] = item
                dirty.add(key)
                received[key] = now
        self.received += len(items)
        if self.session is not None and not self._timer.isActive():
            self._timer.start()

    def take(self, changes: dict[str, QuoteWire]) -> None:
        """A display tick: file the newest quote of each changed instrument and flush."""
        if changes:
            latest, received = self._latest, self._received_at
            for key, quote in changes.items():
                latest[key] = quote
                received[key] = quote.received_at
            self._dirty.update(changes)
            self.received += len(changes)
        self.flush()

    def set_connection(self, state: str) -> None:
        stale = Connection.of(state) != Connection.ONLINE
        if stale == self._stale:
            return
        self._stale = stale
        if stale:
            self._age_timer.start()
        else:
            self._age_timer.stop()
        self.staleChanged.emit(stale)

    # --- output ----------------------------------------------------------------------------

    def flush(self) -> None:
        """Hand the dirty instruments to the models (the tick calls this)."""
        dirty, self._dirty = self._dirty, set()
        self.flushed.emit(dirty)

    def quote(self, instrument_id: str) -> QuoteRow | None:
        """The latest quote, parsed once per new dict."""
        item = self._latest.get(instrument_id)
        if item is None:
            return None
        cached = self._parsed.get(instrument_id)
        if cached is not None and cached[0] is item:
            return cached[1]
        row = parse_quote(item)
        self._parsed[instrument_id] = (item, row)
        return row

    def age(self, instrument_id: str) -> float | None:
        """Seconds since this instrument's last quote was received."""
        at = self._received_at.get(instrument_id)
        return None if at is None else max(time.monotonic() - at, 0.0)

    def received_at(self, instrument_id: str) -> float | None:
        """When (`time.monotonic()`) this instrument's current quote was received: by the
        stream's worker, or for ingested dicts, by `ingest` (freshness = paint time - this)."""
        return self._received_at.get(instrument_id)

    @property
    def stale(self) -> bool:
        return self._stale

    def info(self, instrument_id: str) -> InstrumentInfo:
        known = self._info.get(instrument_id)
        if known is not None:
            return known
        _, _, ticker = instrument_id.partition(":")
        return InstrumentInfo(instrument_id, ticker or instrument_id, "")

    def set_info(self, infos: Iterable[InstrumentInfo]) -> None:
        for info in infos:
            self._info[info.instrument_id] = info
        self.instrumentsChanged.emit()

    # --- subscriptions ---------------------------------------------------------------------

    def watch(self, ids: Iterable[str], full_rate: bool = False) -> None:
        """Count a watcher for each id; the first one subscribes at the stream.

        Tables watch at `table_rate_hz`; `full_rate` (the order form's instrument) asks for
        every update, which upgrades an instrument a table already watches until it goes.
        """
        fresh = []
        for key in ids:
            if self._watchers[(key, full_rate)] == 0:
                fresh.append(key)
            self._watchers[(key, full_rate)] += 1
        if fresh and self.session is not None:
            self.session.subscribe_quotes(fresh, self._rate(full_rate), parsed=False)
            self._describe_later(fresh)

    def unwatch(self, ids: Iterable[str], full_rate: bool = False) -> None:
        """One watcher fewer for each id (as watched, with the same `full_rate`)."""
        gone = []
        for key in ids:
            slot = (key, full_rate)
            if self._watchers[slot] <= 0:
                continue
            self._watchers[slot] -= 1
            if self._watchers[slot] == 0:
                del self._watchers[slot]
                gone.append(key)
        if gone and self.session is not None:
            self.session.unsubscribe_quotes(gone, self._rate(full_rate), parsed=False)

    def _rate(self, full_rate: bool) -> int | None:
        return None if full_rate else self.table_rate_hz

    @property
    def watched(self) -> list[str]:
        return list(dict.fromkeys(key for key, _ in self._watchers))

    def _describe_later(self, ids: list[str]) -> None:
        wanted = [i for i in ids if i not in self._info and i not in self._asked]
        if wanted:
            self._asked.update(wanted)
            self.tasks.spawn(self.describe(wanted), name="describe-instruments")

    async def describe(self, ids: list[str]) -> None:
        """Fetch tickers and names (GET /instruments/{id}), a few at a time."""
        if self.session is None:
            return
        import asyncio

        from cesec_desktop.state.errors import CabinetError

        session = self.session

        async def one(instrument_id: str) -> InstrumentInfo | None:
            try:
                found = await session.call(lambda client: client.instrument(instrument_id))
            except CabinetError as exc:
                log.info("instrument %s not described (%s)", instrument_id, exc.code)
                self._asked.discard(instrument_id)
                return None
            return InstrumentInfo(found.id, found.ticker, found.name, found.currency.value)

        infos: list[InstrumentInfo] = []
        for start in range(0, len(ids), 20):
            chunk = await asyncio.gather(*(one(i) for i in ids[start : start + 20]))
            infos.extend(i for i in chunk if i is not None)
        if infos and isValid(self):
            self.set_info(infos)

    def stop(self) -> None:
        """Stop the timers and the ticks (the screen goes away; its tasks are cancelled with
        the window's)."""
        self._timer.stop()
        self._age_timer.stop()
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.session.quotesChanged.disconnect(self.take)
