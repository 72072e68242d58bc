"""Instructions (cash withdrawals) as a table: a model over a plain list that pages in by
cursor and follows the stream, and a proxy that sorts on raw values and filters by status.

The same shape as the Orders table (orders_model.py): rows are plain `Instruction`
objects, an update finds its row through a dict, stream events are coalesced per turn of
the event loop, and the sort role carries raw values (a Decimal amount, a datetime), which
is also what an export writes as numbers and dates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.domain.iban import mask_iban
from cesec_desktop.state.coalesce import NewestById
from cesec_desktop.state.formatting import format_moment, format_moment_short, format_price
from cesec_desktop.state.orders_model import MENU_GLYPH, SORT_ROLE, TONE_ROLE
from cesec_desktop.state.orders_query import OrdersQuery
from cesec_desktop.state.roles import ROW_ROLE
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import INSTRUCTION_STATUS_TONES as STATUS_TONES
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.state.vocabulary import instruction_type_text as type_text
from cesec_desktop.state.vocabulary import tone_color

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.instructions import Instruction
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

INSTRUCTION_ROLE = ROW_ROLE
"""The row's `Instruction`."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class Column(IntEnum):
    MENU = 0
    NUMBER = 1
    CREATED = 2
    TYPE = 3
    AMOUNT = 4
    CURRENCY = 5
    IBAN = 6
    BANK = 7
    STATUS = 8


COLUMNS = tuple(Column)


def _number_key(number: str) -> tuple[int, int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (0, int(digits), number) if digits else (1, 0, number)


_STATUS_ORDER = {status: n for n, status in enumerate(InstructionStatus)}

SORT_KEYS: dict[Column, Callable[[Instruction], Any]] = {
    Column.MENU: lambda i: 0,
    Column.NUMBER: lambda i: _number_key(i.number),
    Column.CREATED: lambda i: i.created_at,
    Column.TYPE: lambda i: str(i.type),
    Column.AMOUNT: lambda i: i.amount,
    Column.CURRENCY: lambda i: str(i.currency),
    Column.IBAN: lambda i: i.iban,
    Column.BANK: lambda i: i.bank_name.casefold(),
    Column.STATUS: lambda i: _STATUS_ORDER[i.status],
}


def _whose(client_id: str | None) -> dict[str, str]:
    return {"client_id": client_id} if client_id else {}


class InstructionsModel(QAbstractTableModel):
    """The instructions of one period, newest first, kept current from the stream.

    Signals:
        loadingChanged(bool): a page is (no longer) on its way.
        pageLoaded: a page arrived and is in the model.
        loadFailed(object): loading failed with this error (a typed API error).
        instructionsUpdated(list[Instruction]): rows already in the model changed.
    """

    loadingChanged = Signal(bool)
    pageLoaded = Signal()
    loadFailed = Signal(object)
    instructionsUpdated = Signal(list)

    PAGE_SIZE = 200

    def __init__(
        self,
        session: Session | None = None,
        *,
        tasks: TaskTracker | None = None,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks if tasks is not None else TaskTracker("instructions-model")
        self.page_size = page_size
        self.client_id: str | None = None
        """A broker's watched client (set before `set_query`); None: the user's own."""
        self.owns: Callable[[str], bool] | None = None
        self._rows: list[Instruction] = []
        self._ids: dict[str, int] = {}
        self._query: OrdersQuery | None = None
        self._cursor: str | None = None
        self._exhausted = True
        self._first_page_in = False
        self._loading = False
        self._generation = 0
        self._error: Exception | None = None
        self._fetch_task: asyncio.Task[None] | None = None
        self._locale = QLocale()
        self._events: NewestById[Instruction] = NewestById(self.apply, self)
        if session is not None:
            session.instructionUpdated.connect(self.queue_update)
            session.resynced.connect(self.reload)

    # --- reading ---------------------------------------------------------------------------

    @property
    def query(self) -> OrdersQuery | None:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def loaded(self) -> bool:
        return self._first_page_in

    @property
    def error(self) -> Exception | None:
        return self._error

    @property
    def has_more(self) -> bool:
        return self._query is not None and not self._exhausted

    def instructions(self) -> list[Instruction]:
        return list(self._rows)

    def instruction_at(self, row: int) -> Instruction:
        return self._rows[row]

    def row_of(self, instruction_id: str) -> int | None:
        return self._ids.get(instruction_id)

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(COLUMNS)):
            return None
        item = self._rows[row]
        role = int(role)
        if role == _DISPLAY:
            return self._display(item, Column(column))
        if role == _ALIGN:
            if column == Column.AMOUNT:
                return _RIGHT
            return _CENTER if column == Column.MENU else _LEFT
        if role == _FOREGROUND and column == Column.STATUS:
            return tone_color(STATUS_TONES[item.status])
        if role == TONE_ROLE and column == Column.STATUS:
            return STATUS_TONES[item.status]
        if role == SORT_ROLE:
            return SORT_KEYS[Column(column)](item)
        if role == INSTRUCTION_ROLE:
            return item
        if role == _TOOLTIP:
            return self._tooltip(item, Column(column))
        if role == _ACCESSIBLE and column == Column.MENU:
            return self.tr("Actions for instruction %1").replace("%1", item.number)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        role = int(role)
        if role == _DISPLAY:
            return self.header_text(Column(section))
        if role == _ALIGN:
            return _RIGHT if section == Column.AMOUNT else _LEFT
        if role == _TOOLTIP and section == Column.MENU:
            return self.tr("Actions")
        return None

    def header_text(self, column: Column) -> str:
        texts = {
            Column.MENU: "",
            Column.NUMBER: self.tr("No."),
            Column.CREATED: self.tr("Created"),
            Column.TYPE: self.tr("Type"),
            Column.AMOUNT: self.tr("Amount"),
            Column.CURRENCY: self.tr("Currency"),
            Column.IBAN: self.tr("IBAN"),
            Column.BANK: self.tr("Bank"),
            Column.STATUS: self.tr("Status"),
        }
        return texts[column]

    def _display(self, item: Instruction, column: Column) -> str:
        locale = self._locale
        if column == Column.NUMBER:
            return item.number
        if column == Column.CREATED:
            return format_moment_short(item.created_at, locale)
        if column == Column.TYPE:
            return type_text(item.type)
        if column == Column.AMOUNT:
            return format_price(item.amount, "", locale)
        if column == Column.CURRENCY:
            return str(item.currency)
        if column == Column.IBAN:
            return mask_iban(item.iban)
        if column == Column.BANK:
            return item.bank_name
        if column == Column.STATUS:
            return status_text(item.status)
        return MENU_GLYPH

    def _tooltip(self, item: Instruction, column: Column) -> str | None:
        if column == Column.MENU:
            return self.tr("Actions")
        if column == Column.CREATED:
            return format_moment(item.created_at, self._locale)
        if column == Column.BANK:
            return f"{item.bank_name} ({item.bic})"
        if column == Column.STATUS and item.reject_reason:
            return item.reject_reason
        return None

    def retranslate(self) -> None:
        self._locale = QLocale()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(COLUMNS) - 1),
                [_DISPLAY, _TOOLTIP, _ACCESSIBLE],
            )

    # --- paging ----------------------------------------------------------------------------

    def set_query(self, query: OrdersQuery) -> None:
        """List another period: forget what is loaded and load its first page."""
        self._generation += 1
        if self._fetch_task is not None and not self._fetch_task.done():
            self._fetch_task.cancel()
        self._fetch_task = None
        self._query = query
        self.beginResetModel()
        self._rows = []
        self._ids = {}
        self.endResetModel()
        self._cursor = None
        self._exhausted = False
        self._first_page_in = False
        self._error = None
        self._set_loading(False)
        if self.session is None:
            self._exhausted = True
            return
        self._start_fetch()

    def reload(self) -> None:
        if self._query is not None:
            self.set_query(self._query.rolled())

    def clear(self) -> None:
        """Show nothing (a broker with no client picked)."""
        self._generation += 1
        self._query = None
        self.beginResetModel()
        self._rows, self._ids = [], {}
        self.endResetModel()
        self._exhausted = True
        self._first_page_in = False
        self._set_loading(False)

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
        if not self._first_page_in:
            self.reload()
            return
        self._error = None
        self.fetchMore()

    def _start_fetch(self) -> None:
        self._set_loading(True)
        self._fetch_task = self.tasks.spawn(
            self._fetch(self._generation, self._cursor), name="instructions-page"
        )

    async def _fetch(self, generation: int, cursor: str | None) -> None:
        from cesec_desktop.state.errors import CabinetError

        query, session, client_id = self._query, self.session, self.client_id
        assert query is not None and session is not None
        try:
            page = await session.call(
                lambda client: client.instructions(
                    start=query.start,
                    end=query.end,
                    limit=self.page_size,
                    cursor=cursor,
                    **_whose(client_id),
                )
            )
        except CabinetError as error:
            if generation == self._generation:
                log.info("instructions did not load (%s)", error.code)
                self._error = error
                self._set_loading(False)
                self.loadFailed.emit(error)
            return
        except BaseException:
            if generation == self._generation:
                self._set_loading(False)
            raise
        if generation != self._generation:
            return
        self._error = None
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None or not page.items
        self._append(page.items)
        self._first_page_in = True
        self._set_loading(False)
        self.pageLoaded.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    def _append(self, items: Sequence[Instruction]) -> None:
        known = [i for i in items if i.id in self._ids]
        fresh = [i for i in items if i.id not in self._ids]
        if known:
            self.apply(known)
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for offset, item in enumerate(fresh):
            self._ids[item.id] = first + offset
        self._rows.extend(fresh)
        self.endInsertRows()

    # --- live updates ----------------------------------------------------------------------

    def queue_update(self, item: Instruction) -> None:
        """An instruction event from the stream; applied with the others of this loop turn."""
        if self.owns is not None and not self.owns(item.account_id):
            return
        self._events.push(item)

    def flush(self) -> None:
        self._events.flush()

    def apply(self, items: Iterable[Instruction]) -> None:
        """Instructions as they are now: rows change in place; new ones of the period go on
        top (a new withdrawal is the newest)."""
        changed: list[Instruction] = []
        fresh: list[Instruction] = []
        for item in items:
            row = self._ids.get(item.id)
            if row is not None:
                if item.updated_at >= self._rows[row].updated_at:
                    self._rows[row] = item
                    last = len(COLUMNS) - 1
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                    changed.append(item)
            elif (
                self._first_page_in
                and self._query is not None
                and self._query.contains(item.created_at)
            ):
                fresh.append(item)
        if fresh:
            fresh.sort(key=_list_key, reverse=True)
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._rows[0:0] = fresh
            self._ids = {i.id: n for n, i in enumerate(self._rows)}
            self.endInsertRows()
        if changed:
            self.instructionsUpdated.emit(changed)

    async def load_instruction(self, instruction_id: str) -> Instruction:
        """One instruction with its full history, from the server; the row follows."""
        assert self.session is not None
        client_id = self.client_id
        item = await self.session.call(
            lambda client: client.instruction(instruction_id, **_whose(client_id))
        )
        self.apply([item])
        return item


def _list_key(item: Instruction) -> tuple[datetime, str]:
    return (item.created_at, item.id)


class InstructionsProxyModel(QSortFilterProxyModel):
    """Sorts on raw values (the sort role) and filters by status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[InstructionStatus] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def statuses(self) -> frozenset[InstructionStatus] | None:
        return self._statuses

    def set_statuses(self, statuses: Iterable[InstructionStatus | str] | None) -> None:
        wanted = None if statuses is None else frozenset(InstructionStatus(s) for s in statuses)
        if wanted != self._statuses:
            self.beginFilterChange()
            self._statuses = wanted
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._statuses is None:
            return True
        source = self.sourceModel()
        if not isinstance(source, InstructionsModel):
            return True
        return source.instruction_at(source_row).status in self._statuses

    def lessThan(self, left: Index, right: Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, InstructionsModel):
            return super().lessThan(left, right)
        key = SORT_KEYS[Column(left.column())]
        return bool(
            key(source.instruction_at(left.row())) < key(source.instruction_at(right.row()))
        )
