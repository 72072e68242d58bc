"""The list pages' table machinery, written once: declarative columns, a paged live model
and a proxy that sorts on keys computed once per row.

`ColumnSpec` fields (one frozen spec per column; `model.columns` is their tuple, in column
order, and `model.columns[c]` describes column `c`):

- `key: str`: a stable name ("number", "price"); what header state is remembered under.
- `title() -> str`: the header text in the language of the moment (a function returning a
  literal `QCoreApplication.translate("OrdersModel", "...")`, so lupdate sees it).
- `tooltip() -> str | None`: the header's tooltip; None: none.
- `display(row, locale) -> str`: the cell's text (formatting.py / vocabulary.py only).
- `sort_key(row) -> Any`: what the column sorts on; `sort_key=None`: the column does not
  sort (the "…" column). Keys of one column compare with each other, never None.
- `value(row) -> Any`: the raw value served under SORT_ROLE (what an export writes: a
  Decimal, a datetime, a date); None: the sort key itself. `spec.raw(row)` applies it.
- `sample(locale) -> str`: the widest text the column shows, to size it from the font
  (the header title is measured separately by the view); or several, one a line, when
  which is widest depends on the font.
- `align`: the cells' and the header's alignment (Qt.AlignmentFlag).
- `painter: CellPainter | None`: which cell painter the view's delegate uses: "menu" (the row's
  "…" button), "pill" (status), "instrument" (ticker + market badge), "side" (coloured
  text); None: plain text.
- `tone(row) -> Tone | None`: the colour a cell is drawn in (TONE_ROLE, ForegroundRole).
- `currency(row) -> str | None`: a money column's currency code, served under
  CURRENCY_ROLE (screens and files never show an amount without it).
- `cell_tooltip(row, locale) -> str | None`: a cell's tooltip.
- `priority: int`: 0 is always shown; the higher the number, the sooner the column is
  hidden when the table is too narrow (the view offers hidden ones in a column chooser).

The base model serves DisplayRole, ToolTipRole, TextAlignmentRole, ForegroundRole,
AccessibleTextRole ("Column: value"; the "…" column's own words) and roles.py's ROW_ROLE,
SORT_ROLE, TONE_ROLE, MARKET_ROLE and CURRENCY_ROLE from the specs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from cesec_desktop.state import formatting
from cesec_desktop.state.accessible_cells import spoken
from cesec_desktop.state.clock import Clock
from cesec_desktop.state.clock import current as current_clock
from cesec_desktop.state.coalesce import NewestById
from cesec_desktop.state.roles import CURRENCY_ROLE, MARKET_ROLE, ROW_ROLE, SORT_ROLE, TONE_ROLE
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import Tone, tone_color

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.base import Page
    from cesec_desktop.state.orders_query import OrdersQuery
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

MENU_GLYPH = "\N{MIDLINE HORIZONTAL ELLIPSIS}"


class CellPainter(StrEnum):
    """How a list table draws a cell besides plain text (the view's delegate paints it)."""

    MENU = "menu"
    """The row's "…" button."""
    PILL = "pill"
    """A status as a rounded badge in its tone."""
    INSTRUMENT = "instrument"
    """The ticker in bold with its market in small grey type."""
    SIDE = "side"
    """Buy or sell in bold, in its tone."""


def _no_text(_locale: QLocale) -> str:
    return ""


def _nothing(_row: Any) -> None:
    return None


def _no_tooltip() -> str | None:
    return None


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    """One column of a list table, said once: see the module docstring for the fields."""

    key: str
    title: Callable[[], str]
    display: Callable[[R, QLocale], str]
    sort_key: Callable[[R], Any] | None = None
    value: Callable[[R], Any] | None = None
    tooltip: Callable[[], str | None] = _no_tooltip
    sample: Callable[[QLocale], str] = _no_text
    align: Qt.AlignmentFlag = LEFT
    painter: CellPainter | None = None
    tone: Callable[[R], Tone | None] = _nothing
    currency: Callable[[R], str | None] = _nothing
    cell_tooltip: Callable[[R, QLocale], str | None] | None = None
    priority: int = 0

    @property
    def sortable(self) -> bool:
        return self.sort_key is not None

    def raw(self, row: R) -> Any:
        """The cell's raw value (SORT_ROLE): `value`, else the sort key, else None."""
        if self.value is not None:
            return self.value(row)
        return self.sort_key(row) if self.sort_key is not None else None


def menu_column(tooltip: Callable[[], str | None]) -> ColumnSpec[Any]:
    """The row's "…" column: no title, never sorted, never hidden."""
    return ColumnSpec(
        key="menu",
        title=lambda: "",
        tooltip=tooltip,
        display=lambda _row, _locale: MENU_GLYPH,
        sample=lambda _locale: MENU_GLYPH,
        align=CENTER,
        painter=CellPainter.MENU,
        cell_tooltip=lambda _row, _locale: tooltip(),
    )


def number_column(
    title: Callable[[], str],
    sample: str,
    tooltip: Callable[[], str | None] = _no_tooltip,
    priority: int = 0,
) -> ColumnSpec[Any]:
    """A document number ("100677", "W-000123") that sorts in numeric order."""
    return ColumnSpec(
        priority=priority,
        key="number",
        title=title,
        tooltip=tooltip,
        display=lambda row, _locale: row.number,
        sort_key=lambda row: number_key(row.number),
        sample=lambda _locale: sample,
    )


def number_key(number: str) -> tuple[int, int, str]:
    """A document number in numeric order: "ORD-120" after "ORD-99"; no digits go last."""
    digits = number if number.isdigit() else "".join(ch for ch in number if ch.isdigit())
    return (0, int(digits), number) if digits else (1, 0, number)


def market_of(instrument_id: str) -> str:
    """`KASE:HSBK` -> `KASE`."""
    return instrument_id.partition(":")[0]


def contiguous(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def whose(client_id: str | None) -> dict[str, str]:
    """`client_id` for a read call only when a broker names a client (the own data: none)."""
    return {"client_id": client_id} if client_id else {}


# --- a table over a list of rows, driven by its column specs ---------------------------------


class ColumnTableModel(QAbstractTableModel, Generic[R]):
    """A flat table of plain rows whose data and headers come from `columns`.

    Subclasses set `columns` (a tuple of `ColumnSpec`) and keep their rows in `_rows`.
    """

    columns: ClassVar[tuple[ColumnSpec[Any], ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        # Times switched between Almaty's and this computer's: every cell's text again.
        formatting.notifier().changed.connect(self._zone_changed)
        self._locale = QLocale()

    # --- what subclasses may say ----------------------------------------------------------

    def menu_accessible(self, row: R) -> str | None:
        """What a screen reader says on the row's "…" button."""
        return None

    def market(self, row: R) -> str | None:
        """The row's market (MARKET_ROLE), for rows of an instrument."""
        instrument_id = getattr(row, "instrument_id", None)
        return market_of(instrument_id) if isinstance(instrument_id, str) else None

    # --- reading ---------------------------------------------------------------------------

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def sort_key(self, row: int, column: int) -> Any:
        key = self.columns[column].sort_key
        return key(self._rows[row]) if key is not None else None

    def header_text(self, column: int) -> str:
        return self.columns[column].title()

    def header_tooltip(self, column: int) -> str | None:
        return self.columns[column].tooltip()

    def column_of(self, key: str) -> int:
        """The column whose spec has this `key` (-1: none)."""
        for n, spec in enumerate(self.columns):
            if spec.key == key:
                return n
        return -1

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self.columns)):
            return None
        item = self._rows[row]
        spec = self.columns[column]
        role = int(role)
        if role == DISPLAY:
            return spec.display(item, self._locale)
        if role == SORT_ROLE:
            return spec.raw(item)
        if role == ROW_ROLE:
            return item
        if role == ALIGN:
            return spec.align
        if role == TONE_ROLE:
            return spec.tone(item)
        if role == FOREGROUND:
            tone = spec.tone(item)
            return tone_color(tone) if tone is not None else None
        if role == CURRENCY_ROLE:
            return spec.currency(item)
        if role == MARKET_ROLE:
            return self.market(item)
        if role == TOOLTIP:
            return spec.cell_tooltip(item, self._locale) if spec.cell_tooltip else None
        if role == ACCESSIBLE:
            if spec.painter == CellPainter.MENU:
                return self.menu_accessible(item)
            # The market badge beside a ticker is drawn, not text: say it too.
            market = self.market(item) if spec.painter == CellPainter.INSTRUMENT else None
            return spoken(spec.title(), spec.display(item, self._locale), market or "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        spec = self.columns[section]
        role = int(role)
        if role == DISPLAY:
            return spec.title()
        if role == TOOLTIP:
            return spec.tooltip()
        if role == ALIGN:
            return spec.align
        if role == ACCESSIBLE and spec.painter == CellPainter.MENU:
            return spec.tooltip()
        return None

    def _zone_changed(self, _zone: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        """Texts and number formats in the UI language of the moment."""
        self._locale = QLocale()
        last = len(self.columns) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._rows:
            # Only the words change: naming the roles spares a proxy a re-sort.
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, last),
                [DISPLAY, TOOLTIP, ACCESSIBLE],
            )


# --- a table that sorts itself: for years of rows ---------------------------------------------


class Identified(Protocol):
    @property
    def id(self) -> str: ...


K = TypeVar("K", bound=Identified)


class SelfSortingModel(ColumnTableModel[K]):
    """A table that reorders its own rows: for 100k rows and more.

    A proxy's per-pair `lessThan` is a call into Python per comparison (seconds for 100k
    rows, even over precomputed keys); here a column's keys are computed once per row (kept
    in arrival order and extended as rows come) and the sort is Python's own over them,
    tens of milliseconds. A `KeyedSortProxy` over this model forwards its sort here and
    keeps the source's order. Rows come in through `append_rows`; `_rows` is the order
    shown, `_arrived` the order they came in.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived: list[K] = []
        self._sort_keys: dict[int, list[Any]] = {}
        """Sort keys per column, over `_arrived`, made once and extended as rows come."""
        self._order: list[int] | None = None
        """`_arrived` positions in the order shown (None: as they arrived)."""
        self._position: dict[str, int] = {}
        """Arrival position per id."""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sorted_rows = 0
        self.key_builds = 0
        """How many keys were computed (tests count them)."""

    def forget_rows(self) -> None:
        """Start over empty (inside a model reset)."""
        self._rows = []
        self._arrived = []
        self._sort_keys = {}
        self._order = None
        self._position = {}
        self._sorted_rows = 0

    def _keys_of(self, column: int, rows: Sequence[K]) -> list[Any]:
        key = self.columns[column].sort_key
        assert key is not None
        self.key_builds += len(rows)
        return [key(r) for r in rows]

    def append_rows(self, items: Sequence[K], *, all_keys: bool = False) -> None:
        """Rows at the end (one rowsInserted), then the sort in force again.

        `all_keys`: make every column's keys now, so that a click on any header only sorts
        (not for a first page: it shows at once)."""
        if not items:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        start = len(self._arrived)
        self._arrived.extend(items)
        for offset, item in enumerate(items):
            self._position[item.id] = start + offset
        for column, keys in self._sort_keys.items():
            keys.extend(self._keys_of(column, items))
        if all_keys:
            for column, spec in enumerate(self.columns):
                if spec.sortable and column not in self._sort_keys:
                    self._sort_keys[column] = self._keys_of(column, self._arrived)
        if self._order is not None:
            self._order.extend(range(start, start + len(items)))
        self._rows.extend(items)
        self.rows_appended(items)
        self.endInsertRows()
        if self._sort is not None:
            # A sorted table takes rows in as one re-sort, not row-by-row insertions.
            self.sort(*self._sort)

    def rows_appended(self, items: Sequence[K]) -> None:
        """Rows went in at the end (before endInsertRows): keep what goes beside them."""

    def rows_reordered(self, order: list[int]) -> None:
        """The rows were put in `order` (arrival positions): reorder what goes beside them."""

    def row_of(self, row_id: str) -> int | None:
        """The row shown for an id (None: not here)."""
        at = self._position.get(row_id)
        if at is None:
            return None
        if self._order is None:
            return at
        return self._order.index(at)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's keys; the order is kept as further rows come in."""
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        n = len(self._arrived)
        if self._sort == (column, order) and self._sorted_rows == n:
            return  # QTableView.sortByColumn asks twice
        self._sort = (column, order)
        self._sorted_rows = n
        if not n:
            return
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = self._keys_of(column, self._arrived)
        reverse = order == Qt.SortOrder.DescendingOrder
        new_order = sorted(range(n), key=keys.__getitem__, reverse=reverse)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_order = self._order
        anchors = [old_order[i.row()] if old_order is not None else i.row() for i in persistent]
        arrived = self._arrived
        self._order = new_order
        self._rows = [arrived[i] for i in new_order]
        self.rows_reordered(new_order)
        if persistent:
            # Selections and the current index follow their rows to where they sorted.
            position = [0] * n
            for row, at in enumerate(new_order):
                position[at] = row
            self.changePersistentIndexList(
                persistent,
                [
                    self.index(position[at], i.column())
                    for i, at in zip(persistent, anchors, strict=True)
                ],
            )
        self.layoutChanged.emit()


# --- a paged model that follows the stream --------------------------------------------------


class Streamed(Protocol):
    """A row the stream and the server's list pages carry."""

    @property
    def id(self) -> str: ...

    @property
    def updated_at(self) -> datetime: ...

    @property
    def created_at(self) -> datetime: ...

    @property
    def account_id(self) -> str: ...


S = TypeVar("S", bound=Streamed)


def list_key(row: Streamed) -> tuple[datetime, str]:
    """The server's list order, newest first: (created_at, id) descending."""
    return (row.created_at, row.id)


class PagedStreamModel(ColumnTableModel[S]):
    """The rows of one period, newest first, paged in by cursor and kept current live.

    Loads the first page on `set_query`, the next ones through `fetchMore` (the view asks
    when it scrolls to the end). Stream events (the session signal named `STREAM_SIGNAL`)
    are applied by id, coalesced per turn of the event loop; `session.resynced` re-reads
    what is loaded. A subclass says what is particular to it: `columns`, `STREAM_SIGNAL`,
    `fetch_page` (the list call) and `rows_updated` (its own "rows changed" signal).

    Rows are plain objects; an update finds its row through a dict, a batch of updates is
    one `dataChanged` per contiguous range, and new rows at the top are one `rowsInserted`.

    Signals:
        loadingChanged(bool): a page or a refresh is (no longer) on its way.
        pageLoaded: a page arrived and is in the model.
        loadFailed(object): loading failed with this error (a typed API error).
        batchAboutToBeApplied(int): this many rows are about to change at once.
        batchApplied: the batch is in.
    """

    loadingChanged = Signal(bool)
    pageLoaded = Signal()
    loadFailed = Signal(object)
    batchAboutToBeApplied = Signal(int)
    batchApplied = Signal()

    PAGE_SIZE = 500
    REFRESH_LIMIT = 5000
    """The server's largest page: a resync re-reads at most this many rows."""
    STREAM_SIGNAL: ClassVar[str] = ""
    """The session signal carrying this model's rows ("orderUpdated")."""
    TASK_NAME: ClassVar[str] = "list"
    """Names the model's tasks and log lines ("orders"), and is the client's list call."""
    UPDATED_SIGNAL: ClassVar[str] = ""
    """The model's own "rows changed" signal ("ordersUpdated"), emitted once per batch."""

    def __init__(
        self,
        session: Session | None = None,
        *,
        tasks: TaskTracker | None = None,
        page_size: int | None = None,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        """Where "today" comes from when a preset moves on (None: the clock in force)."""
        self.tasks = (
            tasks if tasks is not None else TaskTracker(f"{self.TASK_NAME}-model", owner=self)
        )
        self.page_size = page_size if page_size is not None else self.PAGE_SIZE
        self.client_id: str | None = None
        """A broker's watched client (set before `set_query`); None: the user's own rows."""
        self.owns: Callable[[str], bool] | None = None
        """Whether a stream event's sub-account is the shown client's (a broker's stream
        carries every watched client's rows)."""
        self.accounts: Callable[[], list[Any]] | None = None
        """The shown client's sub-accounts, if not the user's own."""
        # Row of an id = its key - the head key: an insert at the top moves the head only.
        self._keys: dict[str, int] = {}
        self._head = 0
        self._query: OrdersQuery | None = None
        self._cursor: str | None = None
        self._exhausted = True
        self._first_page_in = False
        self._loading = 0
        self._generation = 0
        self._error: Exception | None = None
        self._fetch_task: asyncio.Task[None] | None = None
        self._early: dict[str, S] = {}
        self._events: NewestById[S] = NewestById(self.apply, self)
        if session is not None:
            getattr(session, self.STREAM_SIGNAL).connect(self.queue_update)
            session.resynced.connect(self.refresh)

    # --- what a subclass says --------------------------------------------------------------

    def fetch_page(self, client: Any, query: OrdersQuery, limit: int, cursor: str | None) -> Any:
        """The list call for one page (an awaitable `Page`), for the shown client."""
        call = getattr(client, self.TASK_NAME)
        return call(
            start=query.start, end=query.end, limit=limit, cursor=cursor, **whose(self.client_id)
        )

    def rows_updated(self, rows: list[S]) -> None:
        """Rows already in the model changed (one call per batch)."""
        if self.UPDATED_SIGNAL:
            getattr(self, self.UPDATED_SIGNAL).emit(rows)

    # --- reading ---------------------------------------------------------------------------

    @property
    def query(self) -> OrdersQuery | None:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading > 0

    @property
    def error(self) -> Exception | None:
        """Why the last load failed (None once a load succeeds)."""
        return self._error

    @property
    def loaded(self) -> bool:
        """The first page of the current period is in."""
        return self._first_page_in

    @property
    def has_more(self) -> bool:
        return self._query is not None and not self._exhausted

    def rows(self) -> list[S]:
        return list(self._rows)

    def row_of(self, row_id: str) -> int | None:
        key = self._keys.get(row_id)
        return None if key is None else key - self._head

    def by_id(self, row_id: str) -> S | None:
        row = self.row_of(row_id)
        return None if row is None else self._rows[row]

    def account_number(self, account_id: str) -> str:
        """The sub-account's number as the user knows it (CS01001-KZT)."""
        if self.session is not None:
            accounts = self.accounts() if self.accounts is not None else self.session.accounts
            for account in accounts:
                if account.id == account_id:
                    return str(account.number)
        return account_id

    # --- paging ----------------------------------------------------------------------------

    def set_query(self, query: OrdersQuery) -> None:
        """List another period: forget what is loaded and load its first page."""
        self._forget(query)
        if self.session is None:
            self._exhausted = True
            return
        self._start_fetch()

    def clear(self) -> None:
        """Show nothing (a broker with no client picked)."""
        self._forget(None)
        self._exhausted = True

    def _forget(self, query: OrdersQuery | None) -> None:
        self._generation += 1
        if self._fetch_task is not None and not self._fetch_task.done():
            self._fetch_task.cancel()
        self._fetch_task = None
        self._query = query
        self.beginResetModel()
        self._rows = []
        self._keys = {}
        self._head = 0
        self.endResetModel()
        self._cursor = None
        self._exhausted = False
        self._first_page_in = False
        self._early.clear()
        self._error = None
        self._set_loading(-self._loading)

    def reload(self) -> None:
        """Load the current period again from its first page (a preset moves on to today)."""
        if self._query is not None:
            today = (self.clock or current_clock()).almaty_today()
            self.set_query(self._query.rolled(today))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self.session is not None
            and self._query is not None
            and self._first_page_in
            and not self._exhausted
            and self._error is None
            and (self._fetch_task is None or self._fetch_task.done())
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._start_fetch()

    def retry(self) -> None:
        """After a failed load: the first page again, or the page that failed."""
        if not self._first_page_in:
            self.reload()
            return
        self._error = None
        self.fetchMore()

    def _start_fetch(self) -> None:
        self._set_loading(+1)
        self._fetch_task = self.tasks.spawn(
            self._fetch(self._generation, self._cursor), name=f"{self.TASK_NAME}-page"
        )

    async def _call_list(self, limit: int, cursor: str | None) -> Page[S]:
        query, session = self._query, self.session
        assert query is not None and session is not None
        page: Page[S] = await session.call(
            lambda client: self.fetch_page(client, query, limit, cursor)
        )
        return page

    async def _fetch(self, generation: int, cursor: str | None) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            page = await self._call_list(self.page_size, cursor)
        except CabinetError as error:
            if generation == self._generation:
                log.info("%s did not load (%s)", self.TASK_NAME, error.code)
                self._error = error
                self._set_loading(-1)
                self.loadFailed.emit(error)
            return
        except BaseException:
            if generation == self._generation:
                self._set_loading(-1)
            raise
        if generation != self._generation:
            return
        self._error = None
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None or not page.items
        self._append(page.items)
        if not self._first_page_in:
            self._first_page_in = True
            early, self._early = list(self._early.values()), {}
            if early:
                self.apply(early)
        self._set_loading(-1)
        self.pageLoaded.emit()

    def refresh(self) -> None:
        """Re-read the loaded rows (after the stream came back): changes and missed ones."""
        if self.session is None or self._query is None or not self._first_page_in:
            return
        limit = min(max(len(self._rows), self.page_size), self.REFRESH_LIMIT)
        self._set_loading(+1)
        self.tasks.spawn(self._refresh(self._generation, limit), name=f"{self.TASK_NAME}-refresh")

    async def _refresh(self, generation: int, limit: int) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            page = await self._call_list(limit, None)
        except CabinetError as error:
            # What is on screen stays; the next resync or reload tries again.
            log.info("%s did not refresh (%s)", self.TASK_NAME, error.code)
            if generation == self._generation:
                self._set_loading(-1)
            return
        except BaseException:
            if generation == self._generation:
                self._set_loading(-1)
            raise
        if generation != self._generation:
            return
        covered = len(self._rows) <= limit
        self.apply(page.items)
        if covered:
            self._cursor = page.next_cursor
            self._exhausted = page.next_cursor is None
        self._set_loading(-1)
        self.pageLoaded.emit()

    def _set_loading(self, step: int) -> None:
        was = self._loading > 0
        self._loading = max(0, self._loading + step)
        if (self._loading > 0) != was:
            self.loadingChanged.emit(self._loading > 0)

    def _append(self, items: Sequence[S]) -> None:
        """A page: rows already here (from the stream) are updated, the rest go at the end."""
        known = [r for r in items if r.id in self._keys]
        fresh = [r for r in items if r.id not in self._keys]
        if known:
            self.apply(known)
        if not fresh:
            return
        # One rowsInserted: a proxy places the new rows by binary search, no full re-sort.
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        tail_key = self._head + first
        for offset, item in enumerate(fresh):
            self._keys[item.id] = tail_key + offset
        self._rows.extend(fresh)
        self.endInsertRows()

    # --- live updates ----------------------------------------------------------------------

    def queue_update(self, item: S) -> None:
        """A stream event; applied with the others of this loop turn."""
        if self.owns is not None and not self.owns(item.account_id):
            return
        self._events.push(item)

    def flush(self) -> None:
        """Apply the queued stream events now."""
        self._events.flush()

    def apply(self, items: Iterable[S]) -> None:
        """Rows as they are now: rows change in place, new rows of the period arrive.

        An update older than what the row shows is ignored; a row this period does not
        cover, or one older than the loaded pages reach (a later page brings it), is skipped.
        """
        changed: dict[int, S] = {}
        fresh: dict[str, S] = {}
        for item in items:
            row = self.row_of(item.id)
            if row is not None:
                current = changed.get(row, self._rows[row])
                if item.updated_at >= current.updated_at:
                    changed[row] = item
            elif self._query is not None and self._query.contains(item.created_at):
                if not self._first_page_in:
                    self._early[item.id] = item
                else:
                    known = fresh.get(item.id)
                    if known is None or item.updated_at >= known.updated_at:
                        fresh[item.id] = item
        arriving = self._placeable(list(fresh.values()))
        if not changed and not arriving:
            return
        # Rows that change are what make a proxy re-sort; new ones it places by binary search.
        self.batchAboutToBeApplied.emit(len(changed))
        try:
            for row, item in changed.items():
                self._rows[row] = item
            last = len(self.columns) - 1
            for first, end in contiguous(changed):
                self.dataChanged.emit(self.index(first, 0), self.index(end, last))
            if arriving:
                self._insert(arriving)
        finally:
            self.batchApplied.emit()
        if changed:
            self.rows_updated(list(changed.values()))

    def _placeable(self, items: list[S]) -> list[S]:
        """New rows that belong among the loaded ones (newest first)."""
        items.sort(key=list_key, reverse=True)
        if not self._rows or self._exhausted:
            return items
        oldest = list_key(self._rows[-1])
        return [r for r in items if list_key(r) > oldest]

    def _insert(self, items: list[S]) -> None:
        """Insert rows (newest first): those newer than the top in one go, others in place."""
        top: list[S] = []
        newest = list_key(self._rows[0]) if self._rows else None
        for item in items:
            if newest is None or list_key(item) > newest:
                top.append(item)
        if top:
            self.beginInsertRows(QModelIndex(), 0, len(top) - 1)
            self._head -= len(top)
            for offset, item in enumerate(top):
                self._keys[item.id] = self._head + offset
            self._rows[0:0] = top
            self.endInsertRows()
        for item in items[len(top) :]:
            row = self._insertion_row(list_key(item))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, item)
            self._head = 0
            self._keys = {r.id: n for n, r in enumerate(self._rows)}
            self.endInsertRows()

    def _insertion_row(self, key: tuple[datetime, str]) -> int:
        """Where `key` goes in the newest-first list (binary search)."""
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            if list_key(self._rows[middle]) > key:
                low = middle + 1
            else:
                high = middle
        return low

    async def _load_one(self, call: Callable[[Any, dict[str, str]], Any]) -> S:
        """One row with its full history from the server (`call(client, whose)`); the
        row follows."""
        assert self.session is not None
        client_id = self.client_id
        item: S = await self.session.call(lambda client: call(client, whose(client_id)))
        self.apply([item])
        return item


# --- sorting on keys computed once per row ----------------------------------------------------


class KeyedSortProxy(QSortFilterProxyModel):
    """Sorts a `ColumnTableModel` on its columns' sort keys, computed once per row.

    The keys of the sort column live in a list beside the source rows (built once per sort
    column, patched as rows are inserted, removed or changed): a comparison is two list
    lookups, not two calls into the model. `NATURAL` names the (column, order) that is the
    source's own order (newest first): that sort costs nothing. While a batch of
    `SUSPEND_AT` rows or more changes, dynamic sorting is off; the proxy then sorts and
    filters once, instead of once per changed range. A column whose spec has no sort key
    keeps the current order. Subclasses filter in `accepts(row)`.
    """

    SUSPEND_AT = 64
    NATURAL: ClassVar[tuple[str, Qt.SortOrder] | None] = None
    """(column key, order) the source's rows already come in."""

    key_builds = 0
    """How many rows' keys were computed (tests count them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: ColumnTableModel[Any] | None = None
        self._suspended = False
        self._key_column = -1
        self._keys: list[Any] = []
        self._requested: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self.key_builds = 0
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: QAbstractItemModel | None) -> None:  # type: ignore[override]
        old = self._source
        if old is not None:
            for signal, slot in self._source_slots(old):
                signal.disconnect(slot)
        self._source = model if isinstance(model, ColumnTableModel) else None
        self._key_column = -1
        self._keys = []
        if self._source is not None:
            # Connected before the proxy's own handlers, so the keys are current when it sorts.
            for signal, slot in self._source_slots(self._source):
                signal.connect(slot)
        super().setSourceModel(model)

    def _source_slots(self, source: ColumnTableModel[Any]) -> list[tuple[Any, Any]]:
        slots: list[tuple[Any, Any]] = [
            (source.rowsInserted, self._rows_inserted),
            (source.rowsRemoved, self._rows_removed),
            (source.dataChanged, self._data_changed),
            (source.modelReset, self._forget_keys),
            (source.layoutChanged, self._forget_keys),
        ]
        if isinstance(source, PagedStreamModel):
            slots += [
                (source.batchAboutToBeApplied, self._batch_starting),
                (source.batchApplied, self._batch_done),
            ]
        return slots

    # --- sort keys -------------------------------------------------------------------------

    def _natural(self, column: int, order: Qt.SortOrder) -> bool:
        source = self._source
        if self.NATURAL is None or source is None or not 0 <= column < len(source.columns):
            return False
        return (source.columns[column].key, order) == self.NATURAL

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self._source
        if (
            source is not None
            and 0 <= column < len(source.columns)
            and not source.columns[column].sortable
        ):
            return  # the "…" column: the order on screen stays
        self._requested = (column, order)
        if isinstance(source, SelfSortingModel):
            # Years of rows: the source sorts itself; the proxy keeps the source's order.
            self._key_column, self._keys = -1, []
            source.sort(column, order)
            return
        if self._natural(column, order):
            # The source's own order: no comparison at all, on loads and on every live
            # update (the common case by far).
            self._key_column, self._keys = -1, []
            super().sort(-1, Qt.SortOrder.AscendingOrder)
            return
        if column != self._key_column:
            # Kept current as rows change: a second sort on the column only sorts.
            self._build_keys(column)
        super().sort(column, order)

    @property
    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The sort asked for (column, order); the natural one is kept as the source's."""
        return self._requested

    def _key_function(self, column: int) -> Callable[[Any], Any] | None:
        source = self._source
        if source is None or not 0 <= column < len(source.columns):
            return None
        return source.columns[column].sort_key

    def _build_keys(self, column: int) -> None:
        key = self._key_function(column)
        if key is None or self._source is None or isinstance(self._source, SelfSortingModel):
            self._key_column, self._keys = -1, []
            return
        rows = self._source._rows
        self._keys = [key(row) for row in rows]
        self.key_builds += len(rows)
        self._key_column = column

    def _forget_keys(self, *_: object) -> None:
        if self._key_column >= 0:
            self._build_keys(self._key_column)

    def _rows_inserted(self, _parent: Index, first: int, last: int) -> None:
        key = self._key_function(self._key_column)
        if key is not None and self._source is not None:
            rows = self._source._rows[first : last + 1]
            self._keys[first:first] = [key(r) for r in rows]
            self.key_builds += len(rows)

    def _rows_removed(self, _parent: Index, first: int, last: int) -> None:
        if self._key_column >= 0:
            del self._keys[first : last + 1]

    def _data_changed(self, top_left: Index, bottom_right: Index, roles: Any = ()) -> None:
        key = self._key_function(self._key_column)
        if key is None or self._source is None or (roles and SORT_ROLE not in roles):
            return  # only words changed (a new language): the keys stay
        rows = self._source._rows
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._keys[row] = key(rows[row])
        self.key_builds += bottom_right.row() - top_left.row() + 1

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.column() != self._key_column:
            # Sorting asked for by someone other than `sort` (Qt itself, on a new source).
            self._build_keys(left.column())
            if self._key_column < 0:
                return False  # no key: keep the order
        keys = self._keys
        return bool(keys[left.row()] < keys[right.row()])

    # --- filters ---------------------------------------------------------------------------

    def accepts(self, row: Any) -> bool:
        """Whether a source row passes the filters (all rows, unless a subclass says)."""
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self._source
        if source is None:
            return True
        return self.accepts(source._rows[source_row])

    def change_filter(self, change: Callable[[], None]) -> None:
        """Change what the filters let through, then filter once."""
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # --- batches ---------------------------------------------------------------------------

    def _batch_starting(self, rows: int) -> None:
        if rows >= self.SUSPEND_AT and self.dynamicSortFilter():
            self._suspended = True
            self.setDynamicSortFilter(False)

    def _batch_done(self) -> None:
        if self._suspended:
            self._suspended = False
            self.setDynamicSortFilter(True)  # sorts once
            self.beginFilterChange()  # and filters once
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
