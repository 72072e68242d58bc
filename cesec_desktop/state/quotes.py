"""The latest quote per instrument, coalesced so that the screen's cost follows what it shows.

The stream delivers raw quote dicts in batches (thousands a second in a busy market). The
store only files each dict under its instrument and marks the instrument dirty: a dict
assignment per quote, no parsing. A ~10 Hz timer then hands the dirty set to the table
models, which parse just those rows and emit one `dataChanged` per contiguous range.

While the stream is not online the quotes are stale: the models grey them and show their
age, and they recover by themselves with the next quotes.
"""

from __future__ import annotations

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
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

FLUSH_INTERVAL_MS = 100
"""How often dirty quotes reach the screen (~10 Hz: faster is invisible, slower feels late)."""
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


def parse_quote(item: dict[str, Any]) -> QuoteRow | None:
    """A wire dict as a `QuoteRow`; None if it is malformed (logged, never raised)."""
    try:
        last = _dec(item.get("last"))
        if last is None:
            return None
        moment = item.get("time")
        when = datetime.fromisoformat(moment.replace("Z", "+00:00")) if moment else None
        return QuoteRow(
            instrument_id=str(item["instrument_id"]),
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
    """Latest quote per instrument; subscriptions counted per watcher.

    Signals:
        flushed(set[str]): the timer fired; these instruments have new quotes (may be empty:
            the models use the tick to fade their flashes).
        staleChanged(bool): the stream went down (True) or came back (False).
        agesChanged: a second passed while stale; re-draw the ages.
        instrumentsChanged: names and tickers of more instruments are known.
    """

    flushed = Signal(set)
    staleChanged = Signal(bool)
    agesChanged = Signal()
    instrumentsChanged = Signal()

    def __init__(
        self,
        session: Session | None = None,
        parent: QObject | None = None,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._latest: dict[str, dict[str, Any]] = {}
        self._parsed: dict[str, tuple[dict[str, Any], QuoteRow | None]] = {}
        self._dirty: set[str] = set()
        self._received_at: dict[str, float] = {}
        self._watchers: Counter[str] = Counter()
        self._info: dict[str, InstrumentInfo] = {}
        self._asked: set[str] = set()
        self._stale = True
        self.received = 0
        """Quotes taken in since the store was made (for the benchmark)."""
        self.tasks = tasks if tasks is not None else TaskTracker("quotes")
        """Where background calls run (the window's, so that closing it cancels them)."""
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self.flush)
        self._timer.start()
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_INTERVAL_MS)
        self._age_timer.timeout.connect(self.agesChanged)
        if session is not None:
            session.quoteDictsReceived.connect(self.ingest)
            session.connectionChanged.connect(self.set_connection)
            self.set_connection(session.connection.value)
        else:
            self._stale = False

    # --- input -----------------------------------------------------------------------------

    def ingest(self, items: list[dict[str, Any]]) -> None:
        """File a batch of raw quotes; the hot path, so no parsing and no signals here."""
        latest, dirty = self._latest, self._dirty
        for item in items:
            key = item.get("instrument_id")
            if key is not None:
                latest[key] = item
                dirty.add(key)
        self.received += len(items)

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
        """Hand the dirty instruments to the models (the timer calls this)."""
        dirty, self._dirty = self._dirty, set()
        if dirty:
            now = time.monotonic()
            received = self._received_at
            for key in dirty:
                received[key] = now
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
        """Seconds since this instrument's last quote reached the store."""
        at = self._received_at.get(instrument_id)
        return None if at is None else max(time.monotonic() - at, 0.0)

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

    def watch(self, ids: Iterable[str]) -> None:
        """Count a watcher for each id; the first one subscribes at the stream."""
        fresh = []
        for key in ids:
            if self._watchers[key] == 0:
                fresh.append(key)
            self._watchers[key] += 1
        if fresh and self.session is not None:
            self.session.subscribe_quotes(fresh)
            self._describe_later(fresh)

    def unwatch(self, ids: Iterable[str]) -> None:
        gone = []
        for key in ids:
            if self._watchers[key] <= 0:
                continue
            self._watchers[key] -= 1
            if self._watchers[key] == 0:
                del self._watchers[key]
                gone.append(key)
        if gone and self.session is not None:
            self.session.unsubscribe_quotes(gone)

    @property
    def watched(self) -> list[str]:
        return list(self._watchers)

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
        """Stop the timers (the screen goes away; its tasks are cancelled with the window's)."""
        self._timer.stop()
        self._age_timer.stop()
