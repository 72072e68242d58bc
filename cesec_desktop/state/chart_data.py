"""Candles of one instrument at one interval, with the last bar moved by live quotes.

The bars come from GET /instruments/{id}/candles; each quote from the stream then moves the
last bar (close, high, low, volume) or opens the next one. Nothing is drawn here: the chart
polls `take_changes()` on its own timer, so the redraw rate never follows the tick rate.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.market import Instrument, Quote
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

INTERVALS: tuple[str, ...] = ("1m", "5m", "1h", "1d")
SECONDS = {"1m": 60, "5m": 300, "1h": 3600, "1d": 86400}
QUOTE_RATE_HZ = 10
"""The most updates a second a chart asks of the server (it conflates the rest)."""


@dataclass
class Bar:
    """One OHLCV bar; `start` is the bar's opening moment in epoch seconds."""

    start: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal

    @property
    def time(self) -> datetime:
        from datetime import UTC

        return datetime.fromtimestamp(self.start, UTC)


class ChartData(QObject):
    """The bars of one instrument; `interval` can change (the bars reload).

    Signals:
        loadingChanged(bool)
        loaded: new bars (a different instrument or interval): redraw everything.
        failed(object): the load failed with this CabinetError.
    """

    loadingChanged = Signal(bool)
    loaded = Signal()
    failed = Signal(object)

    def __init__(
        self,
        session: Session,
        instrument_id: str,
        interval: str = "5m",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if interval not in SECONDS:
            raise ValueError(f"unknown interval: {interval!r}")
        self.session = session
        self.instrument_id = instrument_id
        self.interval = interval
        self.instrument: Instrument | None = None
        self.bars: list[Bar] = []
        self.error: Exception | None = None
        self.live_updates = 0
        """How many quotes moved a bar since the last load (for tests and diagnostics)."""
        self._changed = False
        self._last_volume: Decimal | None = None
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        self._tasks = TaskTracker("chart", owner=self)
        session.quotesReceived.connect(self._on_quotes)
        session.resynced.connect(self.reload)
        # Bars move visibly at most a few times a second: ask the server to conflate.
        session.subscribe_quotes([instrument_id], QUOTE_RATE_HZ)
        self._subscribed = True

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    def set_interval(self, interval: str) -> None:
        if interval not in SECONDS:
            raise ValueError(f"unknown interval: {interval!r}")
        if interval != self.interval:
            self.interval = interval
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self._tasks.spawn(self._load(self._generation), name="chart-load")
        self.loadingChanged.emit(True)

    async def _load(self, generation: int) -> None:
        from cesec_desktop.state.errors import CabinetError

        instrument_id, interval = self.instrument_id, self.interval
        try:
            if self.instrument is None:
                self.instrument = await self.session.call(lambda c: c.instrument(instrument_id))
            series = await self.session.call(lambda c: c.candles(instrument_id, interval))
        except CabinetError as error:
            if generation == self._generation:
                self.error = error
                self.loadingChanged.emit(False)
                self.failed.emit(error)
            return
        if generation != self._generation:
            return
        self.error = None
        self.bars = [
            Bar(int(c.time.timestamp()), c.open, c.high, c.low, c.close, c.volume)
            for c in series.items
        ]
        self._last_volume = None
        self.live_updates = 0
        self._changed = False
        self.loadingChanged.emit(False)
        self.loaded.emit()

    def take_changes(self) -> bool:
        """True once after live quotes moved the bars (the chart's timer asks)."""
        changed, self._changed = self._changed, False
        return changed

    def _on_quotes(self, quotes: list[Quote]) -> None:
        for quote in quotes:
            if quote.instrument_id == self.instrument_id:
                self.apply_quote(quote)

    def apply_quote(self, quote: Quote) -> None:
        """Move the last bar to this trade, or open the bar its time falls in."""
        if self.loading:
            return
        moment = int(quote.time.timestamp())
        step = SECONDS[self.interval]
        if not self.bars:
            # Nothing traded yet in the period: this quote opens the first bar.
            self._last_volume = quote.volume
            price = quote.last
            self.bars.append(Bar(moment // step * step, price, price, price, price, Decimal(0)))
            self.live_updates += 1
            self._changed = True
            return
        last = self.bars[-1]
        # The day's cumulative volume: a bar gets what traded since the previous quote.
        traded = Decimal(0)
        if self._last_volume is not None and quote.volume >= self._last_volume:
            traded = quote.volume - self._last_volume
        self._last_volume = quote.volume
        price = quote.last
        if moment < last.start:
            return  # older than what we have: a late quote
        if moment >= last.start + step:
            start = last.start + (moment - last.start) // step * step
            self.bars.append(Bar(start, price, price, price, price, traded))
        else:
            last.close = price
            last.high = max(last.high, price)
            last.low = min(last.low, price)
            last.volume += traded
        self.live_updates += 1
        self._changed = True

    def stop(self) -> None:
        """Stop loading and listening, at once (the chart is closing)."""
        self._generation += 1
        if self._subscribed:
            self._subscribed = False
            self.session.unsubscribe_quotes([self.instrument_id], QUOTE_RATE_HZ)
        for task in self._tasks.pending:
            task.cancel()
        for signal, slot in (
            (self.session.quotesReceived, self._on_quotes),
            (self.session.resynced, self.reload),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
