"""One market's quote table: the watchlist's instruments in its order, with their live quotes."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from shiboken6 import isValid

from cesec_desktop.state import formatting
from cesec_desktop.state.accessible_cells import direction_words, spoken
from cesec_desktop.state.formatting import (
    format_decimal,
    format_moment,
    format_percent,
    format_time,
    zone_label,
)

if TYPE_CHECKING:
    from cesec_desktop.state.quotes import QuoteRow, QuoteStore
    from cesec_desktop.state.watchlists import WatchlistStore

FLASH_SECONDS = 0.6
"""How long a changed price stays tinted; it fades over this time."""
FLASH_STEP_MS = 200
"""How often a fading tint is re-drawn: three steps over its 0.6 s, enough for a faint tint
to read as fading. Each step repaints every flashing cell, which is most of a quote table's
paint work in a calm market: a smoother fade costs in proportion."""

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TICKER = 0
    NAME = 1
    LAST = 2
    CHANGE = 3
    CHANGE_PCT = 4
    BID = 5
    ASK = 6
    VOLUME = 7
    TIME = 8


NUMERIC = frozenset(
    {Column.LAST, Column.CHANGE, Column.CHANGE_PCT, Column.BID, Column.ASK, Column.VOLUME}
)
FLASHING = (Column.LAST, Column.BID, Column.ASK)

SortRole = Qt.ItemDataRole.UserRole + 1
"""The raw value (Decimal, str or datetime) for sorting."""
InstrumentRole = Qt.ItemDataRole.UserRole + 2
"""The row's instrument id (every column)."""
FlashRole = Qt.ItemDataRole.UserRole + 3
"""(direction, strength): +1 up / -1 down, strength fading from 1 to 0; None if still."""
TrendRole = Qt.ItemDataRole.UserRole + 4
"""+1, -1 or 0: the sign of the day's change (colours change and change %)."""
StaleRole = Qt.ItemDataRole.UserRole + 5
"""True while the stream is down: the quote is old and shown greyed."""
LookRole = Qt.ItemDataRole.UserRole + 6
"""(text, alignment, trend, stale, flash): what the quote delegate paints, in one call to
the model instead of one per role (a table repaints its cells several times a second)."""

_RIGHT_FLAGS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT, _LEFT = int(_RIGHT_FLAGS), int(_LEFT_FLAGS)
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT_ALIGNED = frozenset(int(c) for c in NUMERIC | {Column.TIME})
_TRENDING = frozenset({int(Column.CHANGE), int(Column.CHANGE_PCT)})


class FlashClock(QObject):
    """The one timer that fades the price flashes of every quote table.

    A model joins when one of its cells starts to flash; each step, every member repaints
    just its flashing cells and leaves once none is left. With nothing fading the timer
    stops, so a table whose prices stand still (or that is not shown) costs no wake-ups.
    """

    def __init__(
        self, parent: QObject | None = None, now: Callable[[], float] | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        # Weakly: a table that goes away (a test's, a closed window's) leaves by itself.
        self._members: weakref.WeakSet[QuoteTableModel] = weakref.WeakSet()
        self._timer = QTimer(self)
        self._timer.setInterval(FLASH_STEP_MS)
        self._timer.timeout.connect(self.step)

    def now(self) -> float:
        """Seconds on a monotonic scale (a test hands in its own)."""
        return self._now() if self._now is not None else time.monotonic()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def members(self) -> list[QuoteTableModel]:
        return list(self._members)

    def join(self, model: QuoteTableModel) -> None:
        self._members.add(model)
        if not self._timer.isActive():
            self._timer.start()

    def leave(self, model: QuoteTableModel) -> None:
        self._members.discard(model)
        if not self._members:
            self._timer.stop()

    def step(self) -> None:
        """Fade every member's flashes one step; stop when none is left."""
        now = self.now()
        for model in list(self._members):
            if not isValid(model) or not model.fade(now):
                self._members.discard(model)
        if not self._members:
            self._timer.stop()


_shared_clock: FlashClock | None = None


def shared_flash_clock() -> FlashClock:
    """The application's flash clock (one timer for all tables)."""
    global _shared_clock
    if _shared_clock is None or not isValid(_shared_clock):
        _shared_clock = FlashClock(QCoreApplication.instance())
    return _shared_clock


def _trend(value: Decimal | None) -> int:
    if value is None or value == 0:
        return 0
    return 1 if value > 0 else -1


class QuoteTableModel(QAbstractTableModel):
    """Quotes for one market's watchlist (or for ids given with `set_ids`).

    Rows are parsed and formatted only when their instrument's quote changed, on the store's
    flush; each flush emits one `dataChanged` per contiguous range of changed rows, over the
    price columns only. Flashes fade on the shared `FlashClock`, which repaints just the
    flashing cells.

    A model whose table is not on screen is told so (`set_active(False)`): it then ignores
    the flushes and emits nothing, and catches up with the newest quotes at once when shown.
    """

    def __init__(
        self,
        store: QuoteStore,
        market: str,
        watchlists: WatchlistStore | None = None,
        parent: QObject | None = None,
        flashes: FlashClock | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.market = market
        self.watchlists = watchlists
        self.flashes = flashes if flashes is not None else shared_flash_clock()
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._values: list[QuoteRow | None] = []
        self._texts: list[list[str] | None] = []
        self._flash: dict[tuple[int, int], tuple[int, float]] = {}
        self._moved: dict[tuple[str, int], int] = {}
        """The way each price last moved (+1/-1), by instrument and column: the flash says it
        in colour for 0.6 s, the tooltip and the accessible text say it in words until the
        next move."""
        self._active = True
        self._behind = False
        """Something changed while not active: catch up when shown."""
        self._locale = QLocale()
        self.ranges_emitted = 0
        """`dataChanged` emissions for quotes so far (the benchmark reads it)."""
        self.rows_updated = 0
        self.row_menu = False
        """The table shows a "…" menu in each ticker cell: the cell says so to a reader."""
        store.flushed.connect(self._flushed)
        store.staleChanged.connect(self._stale_changed)
        store.agesChanged.connect(self._ages_changed)
        store.instrumentsChanged.connect(self._names_changed)
        # "Times: Almaty / this computer" switches every screen at once.
        formatting.notifier().changed.connect(self._zone_changed)
        if watchlists is not None:
            watchlists.changed.connect(self._watchlist_changed)
            self.set_ids(watchlists.ids(market))

    # --- rows ------------------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def instrument_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, instrument_id: str) -> int:
        """The row of an instrument, or -1."""
        return self._row_of.get(instrument_id, -1)

    def quote(self, row: int) -> QuoteRow | None:
        """The row's quote: the one on screen, or the newest if the table is not shown."""
        if not self._active:
            return self.store.quote(self._ids[row])
        return self._values[row]

    def set_ids(self, ids: list[str]) -> None:
        """Show these instruments in this order (subscribing to the new ones)."""
        ids = list(dict.fromkeys(ids))
        if ids == self._ids:
            return
        old = self._ids
        removed = set(old) - set(ids)
        kept_old = [i for i in old if i not in removed]
        if removed and kept_old == ids:
            # Only removals: remove those rows, so that the view keeps its place.
            for key in sorted(removed, key=self._row_of.__getitem__, reverse=True):
                row = self._row_of[key]
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row], self._values[row], self._texts[row]
                self._reindex()
                self.endRemoveRows()
            self._stop_flashes()
        else:
            self.beginResetModel()
            self._ids = ids
            self._values = [self.store.quote(i) for i in ids]
            self._texts = [None] * len(ids)
            self._stop_flashes()
            self._reindex()
            self.endResetModel()
        added = [i for i in ids if i not in set(old)]
        self.store.unwatch(removed)
        self.store.watch(added)

    def _reindex(self) -> None:
        self._row_of = {key: row for row, key in enumerate(self._ids)}

    def release(self) -> None:
        """Stop watching this table's instruments (the table goes away)."""
        self._stop_flashes()
        self.store.unwatch(self._ids)

    def _watchlist_changed(self, market: str) -> None:
        if market == self.market and self.watchlists is not None:
            self.set_ids(self.watchlists.ids(market))

    # --- updates ---------------------------------------------------------------------------

    # --- on screen or not ------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        """Whether the table is on screen. Off screen the model does no work per flush and
        emits nothing; back on screen it shows the newest quotes at once (without flashes:
        those moves happened out of sight)."""
        if active == self._active:
            return
        self._active = active
        if not active:
            self._stop_flashes()
            return
        if self._behind:
            self._behind = False
            self._values = [self.store.quote(i) for i in self._ids]
            self._texts = [None] * len(self._ids)
            if self._ids:
                self._emit_rows(list(range(len(self._ids))))

    # --- updates ---------------------------------------------------------------------------

    def _flushed(self, dirty: set[str]) -> None:
        if not dirty:
            return
        if not self._active:
            self._behind = True
            return
        changed: list[int] = []
        flashed = False
        now = self.flashes.now()
        row_of, values, texts, flash = self._row_of, self._values, self._texts, self._flash
        for key in dirty:
            row = row_of.get(key)
            if row is None:
                continue
            new = self.store.quote(key)
            old = values[row]
            if new is None or new is old:
                continue
            if old is not None:
                for column in FLASHING:
                    direction = _trend(_delta(getattr(new, column.name.lower()), old, column))
                    if direction:
                        flash[(row, column)] = (direction, now)
                        self._moved[(key, column)] = direction
                        flashed = True
            values[row] = new
            texts[row] = None
            changed.append(row)
        if flashed:
            self.flashes.join(self)
        if changed:
            self.rows_updated += len(changed)
            # The ticker and name stay: only the price columns are repainted.
            self._emit_rows(sorted(changed), Column.LAST, len(Column) - 1)

    def fade(self, now: float) -> bool:
        """One step of the flash clock: repaint the flashing cells, drop the faded ones.
        True while some flash is still fading."""
        flash = self._flash
        if not flash:
            return False
        cells = list(flash)
        for cell in cells:
            if now - flash[cell][1] >= FLASH_SECONDS:
                del flash[cell]
        self._emit_cells(cells)
        return bool(flash)

    def _stop_flashes(self) -> None:
        self._flash.clear()
        self.flashes.leave(self)

    def _emit_cells(self, cells: Iterable[tuple[int, int]]) -> None:
        """One `dataChanged` per column and contiguous run of rows: only these cells repaint."""
        rows_of: dict[int, list[int]] = {}
        for row, column in cells:
            rows_of.setdefault(column, []).append(row)
        for column, rows in sorted(rows_of.items()):
            self._emit_rows(sorted(rows), column, column)

    def _emit_rows(self, rows: list[int], first: int = 0, last: int = len(Column) - 1) -> None:
        """One `dataChanged` per contiguous run of rows (none while not on screen)."""
        if not self._active:
            self._behind = True
            return
        start = previous = rows[0]
        for row in rows[1:]:
            if row != previous + 1:
                self._emit_range(start, previous, first, last)
                start = row
            previous = row
        self._emit_range(start, previous, first, last)

    def _emit_range(self, top: int, bottom: int, first: int, last: int) -> None:
        self.ranges_emitted += 1
        self.dataChanged.emit(self.index(top, first), self.index(bottom, last))

    def _stale_changed(self, _stale: bool) -> None:
        self._texts = [None] * len(self._ids)
        if self._ids:
            self._emit_rows(list(range(len(self._ids))))

    def _ages_changed(self) -> None:
        if self._ids:
            self._emit_rows(list(range(len(self._ids))), Column.TIME, Column.TIME)

    def _names_changed(self) -> None:
        self._texts = [None] * len(self._ids)
        if self._ids:
            self._emit_rows(list(range(len(self._ids))), Column.TICKER, Column.NAME)

    def _zone_changed(self, _choice: str = "") -> None:
        """Times are now shown in another zone: the Time column and its header tooltip."""
        self._texts = [None] * len(self._ids)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.TIME, Column.TIME)
        if self._ids:
            self._emit_rows(list(range(len(self._ids))), Column.TIME, Column.TIME)

    def retranslate(self) -> None:
        """The UI language changed: new headers, new number formats."""
        self._locale = QLocale()
        self._texts = [None] * len(self._ids)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._ids:
            self._emit_rows(list(range(len(self._ids))))

    # --- the model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._ids)):
            return None
        if role == LookRole:
            return self.look(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _RIGHT_ALIGNED else _LEFT
        if role == FlashRole:
            return self._flash_of(row, column)
        if role == TrendRole:
            return self._trend_of(row, column)
        if role == StaleRole:
            return self.store.stale
        if role == InstrumentRole:
            return self._ids[row]
        if role == SortRole:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, column)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._actions_hint(row, column)
        return None

    def look(self, row: int, column: int) -> tuple[str, Qt.AlignmentFlag, int, bool, Any] | None:
        """`LookRole` for a cell, called directly: the quote delegate asks it of every cell it
        paints, and the way through `QModelIndex.data` (Python to C++ and back) costs more
        than the answer."""
        if not (0 <= row < len(self._ids)):
            return None
        return (
            self._text(row, column),
            _RIGHT_FLAGS if column in _RIGHT_ALIGNED else _LEFT_FLAGS,
            self._trend_of(row, column),
            self.store.stale,
            self._flash_of(row, column) if self._flash else None,
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(Column)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section in NUMERIC or section == Column.TIME:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.TIME:
            return zone_label()  # the table's one word on which clock its times are
        return None

    def column_titles(self) -> list[str]:
        return [
            self.tr("Ticker"),
            self.tr("Name"),
            self.tr("Last"),
            self.tr("Change"),
            self.tr("Change %"),
            self.tr("Bid"),
            self.tr("Ask"),
            self.tr("Volume"),
            self.tr("Time"),
        ]

    def _text(self, row: int, column: int) -> str:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = self._format(row)
        if column == Column.TIME and self.store.stale:
            return self._age_text(self._ids[row]) or texts[column]
        return texts[column]

    def _trend_of(self, row: int, column: int) -> int:
        quote = self._values[row]
        if column in _TRENDING and quote is not None:
            return _trend(quote.change)
        return 0

    def _flash_of(self, row: int, column: int) -> tuple[int, float] | None:
        """(direction, strength): the strength falls from 1 to 0 over `FLASH_SECONDS`."""
        flash = self._flash.get((row, column))
        if flash is None:
            return None
        direction, at = flash
        return direction, max(0.0, 1.0 - (self.flashes.now() - at) / FLASH_SECONDS)

    # --- formatting ------------------------------------------------------------------------

    def _format(self, row: int) -> list[str]:
        key = self._ids[row]
        info = self.store.info(key)
        quote = self._values[row]
        locale = self._locale
        if quote is None:
            return [info.ticker, info.name, "—", "", "", "", "", "", ""]

        def number(value: Decimal | None) -> str:
            return "—" if value is None else format_decimal(value, -1, locale)

        plus = locale.positiveSign()
        change = number(quote.change)
        pct = format_percent(quote.change_pct, 2, locale)
        if quote.change > 0:
            change, pct = plus + change, plus + pct
        return [
            info.ticker,
            info.name,
            number(quote.last),
            change,
            pct,
            number(quote.bid),
            number(quote.ask),
            number(quote.volume),
            self._time_text(quote.time),
        ]

    def _time_text(self, moment: datetime | None) -> str:
        return "" if moment is None else format_time(moment)

    def _age_text(self, instrument_id: str) -> str:
        age = self.store.age(instrument_id)
        if age is None:
            return ""
        seconds = int(age)
        if seconds < 60:
            return self.tr("%n s ago", "", seconds)
        if seconds < 3600:
            return self.tr("%n min ago", "", seconds // 60)
        return self.tr("%n h ago", "", seconds // 3600)

    def _moved_words(self, row: int, column: int) -> str:
        """ "Up"/"down": the last move of a flashing column's price, not shown by colour only."""
        if column not in FLASHING:
            return ""
        return direction_words(self._moved.get((self._ids[row], column), 0))

    def _spoken(self, row: int, column: int) -> str:
        """The cell's accessible text: column, value, the price's last move, staleness."""
        title = self.column_titles()[column]
        stale = self.tr("not live") if self.store.stale else ""
        return spoken(title, self._text(row, column), self._moved_words(row, column), stale)

    def _actions_hint(self, row: int, column: int) -> str | None:
        """The ticker cell's "…" button in words: a reader cannot see the glyph."""
        if column != Column.TICKER or not self.row_menu:
            return None
        return self.tr("Actions for %1: the Menu key or Shift+F10").replace(
            "%1", self.store.info(self._ids[row]).ticker
        )

    def _tooltip(self, row: int, column: int) -> str | None:
        key = self._ids[row]
        moved = self._moved_words(row, column)
        if moved and not self.store.stale:
            return (
                self.tr("%1, %2 since the previous quote")
                .replace("%1", self._text(row, column))
                .replace("%2", moved)
            )
        if self.store.stale:
            age = self._age_text(key)
            if age:
                return self.tr("Not live: the connection is down. Last quote %1.").replace(
                    "%1", age
                )
            return self.tr("Not live: the connection is down.")
        if column == Column.NAME:
            return self.store.info(key).name or None
        if column == Column.TIME:
            quote = self._values[row]
            if quote is not None and quote.time is not None:
                return f"{format_moment(quote.time, self._locale)}\n{zone_label()}"
        return None

    def _raw(self, row: int, column: int) -> Any:
        key = self._ids[row]
        if column == Column.TICKER:
            return self.store.info(key).ticker
        if column == Column.NAME:
            return self.store.info(key).name
        quote = self._values[row]
        if quote is None:
            return None
        return {
            Column.LAST: quote.last,
            Column.CHANGE: quote.change,
            Column.CHANGE_PCT: quote.change_pct,
            Column.BID: quote.bid,
            Column.ASK: quote.ask,
            Column.VOLUME: quote.volume,
            Column.TIME: quote.time,
        }.get(Column(column))


def _delta(new: Decimal | None, old: QuoteRow, column: Column) -> Decimal | None:
    previous = getattr(old, column.name.lower())
    if new is None or previous is None:
        return None
    return new - previous  # type: ignore[no-any-return]
