"""Instrument search for the quick search and the watchlist editor.

`InstrumentSearch` runs `search_instruments` through the session, debounced (the user types
several letters in a row), and cancels a request that a newer query made stale. Its results
are an `InstrumentResultsModel` (ticker, name, market badge; optionally a check box that
means "on my watchlist").
"""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from shiboken6 import isValid

from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session
    from cesec_desktop.state.watchlists import WatchlistStore

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
LIMIT = 20

Index = QModelIndex | QPersistentModelIndex

IdRole = Qt.ItemDataRole.UserRole + 1
TickerRole = Qt.ItemDataRole.UserRole + 2
NameRole = Qt.ItemDataRole.UserRole + 3
MarketRole = Qt.ItemDataRole.UserRole + 4
InstrumentRole = Qt.ItemDataRole.UserRole + 5


class SearchState(StrEnum):
    IDLE = "idle"
    """Nothing typed."""
    SEARCHING = "searching"
    RESULTS = "results"
    NO_MATCH = "no_match"
    ERROR = "error"


class InstrumentResultsModel(QAbstractListModel):
    """Found instruments. With a `WatchlistStore`, rows are check boxes: checked = on the
    market's list; checking adds the instrument, unchecking removes it (and saves)."""

    def __init__(
        self, parent: QObject | None = None, watchlists: WatchlistStore | None = None
    ) -> None:
        super().__init__(parent)
        self._items: list[Instrument] = []
        self.watchlists = watchlists
        if watchlists is not None:
            watchlists.changed.connect(self._lists_changed)

    @property
    def instruments(self) -> list[Instrument]:
        return list(self._items)

    def instrument(self, row: int) -> Instrument:
        return self._items[row]

    def row_of(self, instrument_id: str) -> int:
        for row, item in enumerate(self._items):
            if item.id == instrument_id:
                return row
        return -1

    def set_instruments(self, items: list[Instrument]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    @property
    def checkable(self) -> bool:
        return self.watchlists is not None and self.watchlists.editable

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.ticker} \N{EM DASH} {item.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.name}\n{item.id}" + (f" · {item.isin}" if item.isin else "")
        if role == Qt.ItemDataRole.CheckStateRole and self.watchlists is not None:
            on = self.watchlists.contains(item.id)
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == IdRole:
            return item.id
        if role == TickerRole:
            return item.ticker
        if role == NameRole:
            return item.name
        if role == MarketRole:
            return item.market.value
        if role == InstrumentRole:
            return item
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self.checkable:
            return False
        store = self.watchlists
        assert store is not None
        item = self._items[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            store.add(item.id)
        else:
            store.remove(item.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def _lists_changed(self, _market: str) -> None:
        if self._items:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._items) - 1), [Qt.ItemDataRole.CheckStateRole]
            )


class InstrumentSearch(QObject):
    """Debounced search by part of a ticker or a name, across markets.

    Signals:
        stateChanged(str): a `SearchState` value (searching, results, no match, error).
    """

    stateChanged = Signal(str)

    def __init__(
        self,
        session: Session | None,
        parent: QObject | None = None,
        *,
        watchlists: WatchlistStore | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        limit: int = LIMIT,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.limit = limit
        self.model = InstrumentResultsModel(self, watchlists)
        self.tasks = TaskTracker("instrument-search", owner=self)
        self._state = SearchState.IDLE
        self._query = ""
        self.error: Exception | None = None
        """The last failed search (views describe it)."""
        self._current: asyncio.Task[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._search_now)

    @property
    def state(self) -> SearchState:
        return self._state

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        """The text changed: search once the user pauses."""
        text = text.strip()
        if text == self._query and self._state is not SearchState.IDLE:
            return
        self._query = text
        if not text:
            self.clear()
            return
        self._set_state(SearchState.SEARCHING)
        self._timer.start()

    def clear(self) -> None:
        self._timer.stop()
        self._cancel()
        self._query = ""
        self.error = None
        self.model.set_instruments([])
        self._set_state(SearchState.IDLE)

    def search_now(self) -> None:
        """Skip the rest of the pause (Enter)."""
        if self._timer.isActive():
            self._timer.stop()
            self._search_now()

    async def search(self, text: str) -> list[Instrument]:
        """Search `text` now and show what came back (unless a newer query replaced it)."""
        from cesec_desktop.state.errors import CabinetError

        text = text.strip()
        self._query = text
        if not text or self.session is None:
            self.clear()
            return []
        self._set_state(SearchState.SEARCHING)
        limit = self.limit
        try:
            found = await self.session.call(
                lambda client: client.search_instruments(text, limit=limit)
            )
        except CabinetError as error:
            if text != self._query or not isValid(self.model):
                return []
            log.info("instrument search failed (%s)", error.code)
            self.error = error
            self.model.set_instruments([])
            self._set_state(SearchState.ERROR)
            return []
        if text != self._query or not isValid(self.model):
            # A newer query, or the window (and this model) closed while we waited.
            return found
        self.error = None
        self.model.set_instruments(found)
        self._set_state(SearchState.RESULTS if found else SearchState.NO_MATCH)
        return found

    def _search_now(self) -> None:
        self._cancel()
        self._current = self.tasks.spawn(self.search(self._query), name="instrument-search")

    def _cancel(self) -> None:
        if self._current is not None and not self._current.done():
            self._current.cancel()
        self._current = None

    def _set_state(self, state: SearchState) -> None:
        if state is self._state and state is not SearchState.RESULTS:
            return
        self._state = state
        self.stateChanged.emit(state.value)
