"""One market's quote table: the watchlist's instruments in its order, with their live quotes."""

from __future__ import annotations

import time
from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from cesec_desktop.state import formatting
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


def _trend(value: Decimal | None) -> int:
    if value is None or value == 0:
        return 0
    return 1 if value > 0 else -1


class QuoteTableModel(QAbstractTableModel):
    """Quotes for one market's watchlist (or for ids given with `set_ids`).

    Rows are parsed and formatted only when their instrument's quote changed, on the store's
    flush; each flush emits one `dataChanged` per contiguous range of changed rows.
    """

    def __init__(
        self,
        store: QuoteStore,
        market: str,
        watchlists: WatchlistStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.market = market
        self.watchlists = watchlists
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._values: list[QuoteRow | None] = []
        self._texts: list[list[str] | None] = []
        self._flash: dict[tuple[int, int], tuple[int, float]] = {}
        self._locale = QLocale()
        self.ranges_emitted = 0
        """`dataChanged` emissions for quotes so far (the benchmark reads it)."""
        self.rows_updated = 0
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
            self._flash.clear()
        else:
            self.beginResetModel()
            self._ids = ids
            self._values = [self.store.quote(i) for i in ids]
            self._texts = [None] * len(ids)
            self._flash.clear()
            self._reindex()
            self.endResetModel()
        added = [i for i in ids if i not in set(old)]
        self.store.unwatch(removed)
        self.store.watch(added)

    def _reindex(self) -> None:
        self._row_of = {key: row for row, key in enumerate(self._ids)}

    def release(self) -> None:
        """Stop watching this table's instruments (the table goes away)."""
        self.store.unwatch(self._ids)

    def _watchlist_changed(self, market: str) -> None:
        if market == self.market and self.watchlists is not None:
            self.set_ids(self.watchlists.ids(market))

    # --- updates ---------------------------------------------------------------------------

    def _flushed(self, dirty: set[str]) -> None:
        changed: set[int] = set()
        now = time.monotonic()
        row_of = self._row_of
        for key in dirty:
            row = row_of.get(key)
            if row is None:
                continue
            new = self.store.quote(key)
            old = self._values[row]
            if new is None or new is old:
                continue
            if old is not None:
                for column in FLASHING:
                    direction = _trend(_delta(getattr(new, column.name.lower()), old, column))
                    if direction:
                        self._flash[(row, column)] = (direction, now)
            self._values[row] = new
            self._texts[row] = None
            changed.add(row)
        if self._flash:
            expired = [cell for cell, (_, at) in self._flash.items() if now - at >= FLASH_SECONDS]
            for cell in expired:
                del self._flash[cell]
            changed.update(row for row, _ in self._flash)
            changed.update(row for row, _ in expired)
        if changed:
            self.rows_updated += len(changed)
            self._emit_rows(sorted(changed))

    def _emit_rows(self, rows: list[int], first: int = 0, last: int = len(Column) - 1) -> None:
        """One `dataChanged` per contiguous run of rows."""
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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._ids)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts[row]
            if texts is None:
                texts = self._texts[row] = self._format(row)
            if column == Column.TIME and self.store.stale:
                return self._age_text(self._ids[row]) or texts[column]
            return texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in NUMERIC or column == Column.TIME:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == FlashRole:
            flash = self._flash.get((row, column))
            if flash is None:
                return None
            direction, at = flash
            return direction, max(0.0, 1.0 - (time.monotonic() - at) / FLASH_SECONDS)
        if role == TrendRole:
            quote = self._values[row]
            if column in (Column.CHANGE, Column.CHANGE_PCT) and quote is not None:
                return _trend(quote.change)
            return 0
        if role == StaleRole:
            return self.store.stale
        if role == InstrumentRole:
            return self._ids[row]
        if role == SortRole:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

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

    def _tooltip(self, row: int, column: int) -> str | None:
        key = self._ids[row]
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
