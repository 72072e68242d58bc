"""The Transactions page's table: deals of a period, paged in by cursor, years of them.

`TransactionsModel` holds a plain list of `Transaction` and pages in 5,000 at a time: the
first page shows at once, the rest follow by `fetchMore` (the page keeps asking until the
period is complete, so that totals cover it). Sorting is the model's own: a key function
over raw values (Decimals, datetimes) sorts 100k rows in tens of milliseconds, where a
proxy's per-pair `lessThan` in Python takes seconds. `TransactionsProxyModel` filters by
instrument text locally against a precomputed search string per row; the server-side
filters (period, market, side) reload the model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from cesec_desktop.domain.enums import Market, Side
from cesec_desktop.state.errors import CabinetError
from cesec_desktop.state.formatting import (
    format_day,
    format_decimal,
    format_moment_short,
    format_price,
    format_quantity,
)
from cesec_desktop.state.orders_model import SORT_ROLE, TONE_ROLE, market_of
from cesec_desktop.state.roles import ROW_ROLE
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import SIDE_TONES, side_text, tone_color

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.orders import Transaction
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

PAGE_SIZE = 5000
"""The server's largest page: a year of an active client's deals in a few requests."""


class Column(IntEnum):
    MENU = 0
    NUMBER = 1
    TIME = 2
    INSTRUMENT = 3
    SIDE = 4
    PRICE = 5
    QUANTITY = 6
    AMOUNT = 7
    FEE = 8
    CURRENCY = 9
    SETTLEMENT = 10


COLUMNS = tuple(Column)
NUMERIC_COLUMNS = frozenset({Column.PRICE, Column.QUANTITY, Column.AMOUNT, Column.FEE})

TRANSACTION_ROLE = ROW_ROLE
"""The row's `Transaction`."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
MENU_GLYPH = "\N{MIDLINE HORIZONTAL ELLIPSIS}"


@dataclass(frozen=True)
class TransactionsQuery:
    """What the server is asked for: Almaty days `start`..`end` and optional filters."""

    start: date
    end: date
    market: Market | None = None
    side: Side | None = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("the period ends before it starts")


def header_text(column: Column) -> str:
    texts = {
        Column.MENU: "",
        Column.NUMBER: QCoreApplication.translate("TransactionsModel", "Number"),
        Column.TIME: QCoreApplication.translate("TransactionsModel", "Time"),
        Column.INSTRUMENT: QCoreApplication.translate("TransactionsModel", "Instrument"),
        Column.SIDE: QCoreApplication.translate("TransactionsModel", "Side"),
        Column.PRICE: QCoreApplication.translate("TransactionsModel", "Price"),
        Column.QUANTITY: QCoreApplication.translate("TransactionsModel", "Quantity"),
        Column.AMOUNT: QCoreApplication.translate("TransactionsModel", "Amount"),
        Column.FEE: QCoreApplication.translate("TransactionsModel", "Fee"),
        Column.CURRENCY: QCoreApplication.translate("TransactionsModel", "Currency"),
        Column.SETTLEMENT: QCoreApplication.translate("TransactionsModel", "Settlement date"),
    }
    return texts[column]


def _number_key(number: str) -> tuple[int, int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (0, int(digits), number) if digits else (1, 0, number)


DECIMAL_KEY_PLACES = 6


def exact_key(value: Decimal) -> int | Decimal:
    """An integer that orders exactly as `value` does (ints compare several times faster
    than Decimals); a Decimal with more places than that stays itself, which compares
    exactly with ints too."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -DECIMAL_KEY_PLACES:
        return int(value.scaleb(DECIMAL_KEY_PLACES))
    return value


_SORT_KEYS: dict[Column, Callable[[Transaction], Any]] = {
    Column.MENU: lambda t: (t.time, t.id),
    Column.NUMBER: lambda t: _number_key(t.number),
    Column.TIME: lambda t: (t.time, t.id),
    Column.INSTRUMENT: lambda t: (t.ticker, t.instrument_id),
    Column.SIDE: lambda t: str(t.side),
    Column.PRICE: lambda t: exact_key(t.price),
    Column.QUANTITY: lambda t: exact_key(t.quantity),
    Column.AMOUNT: lambda t: exact_key(t.amount),
    Column.FEE: lambda t: exact_key(t.fee),
    Column.CURRENCY: lambda t: str(t.currency),
    Column.SETTLEMENT: lambda t: t.settlement_date,
}


_DECIMALS: dict[Column, Callable[[Transaction], Decimal]] = {
    Column.PRICE: lambda t: t.price,
    Column.QUANTITY: lambda t: t.quantity,
    Column.AMOUNT: lambda t: t.amount,
    Column.FEE: lambda t: t.fee,
}


def search_text(transaction: Transaction) -> str:
    """What the instrument filter matches against: ticker and instrument id, upper case."""
    return f"{transaction.ticker}\n{transaction.instrument_id}".upper()


class TransactionsModel(QAbstractTableModel):
    """The transactions of a query, in pages of 5,000, sorted by a key function.

    Signals:
        loadingChanged(bool): a page is (no longer) on its way.
        loaded(): a query's first page arrived (or failed: see `error`).
        rowsAppended(int): a further page added this many rows.
        completed(): the last page of the query is in (`complete` is True).
    """

    loadingChanged = Signal(bool)
    loaded = Signal()
    rowsAppended = Signal(int)
    completed = Signal()

    def __init__(
        self,
        session: Session | None = None,
        *,
        tasks: TaskTracker | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks if tasks is not None else TaskTracker("transactions")
        self.client_id: str | None = None
        self.query: TransactionsQuery | None = None
        self.page_size = PAGE_SIZE
        self.rows: list[Transaction] = []
        self.search: list[str] = []
        """`search_text` per row, kept in the rows' order for the proxy's filter."""
        self.error: CabinetError | None = None
        self.is_loaded = False
        self._cursor: str | None = None
        self._complete = False
        self._task: asyncio.Task[None] | None = None
        self._generation = 0
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._arrived: list[Transaction] = []
        self._arrived_search: list[str] = []
        """The rows in the order the server sent them; `rows` is this in the order shown."""
        self._keys: dict[int, list[Any]] = {}
        """Sort keys per column, over `_arrived`, made once and extended as pages come."""
        self._order: list[int] | None = None
        """`_arrived` positions in the order shown (None: as they arrived)."""
        self._sorted_rows = 0

    # --- loading ---------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def complete(self) -> bool:
        return self._complete

    def set_query(self, query: TransactionsQuery | None) -> None:
        """Forget what is shown and load `query`'s first page (None: show nothing)."""
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        self.query = query
        self.beginResetModel()
        self.rows = []
        self.search = []
        self._arrived = []
        self._arrived_search = []
        self._keys = {}
        self._order = None
        self._sorted_rows = 0
        self.endResetModel()
        self.error = None
        self.is_loaded = False
        self._cursor = None
        self._complete = False
        if query is None or self.session is None:
            return
        self._start_page()

    def reload(self) -> None:
        self.set_query(self.query)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self.query is None:
            return False
        return self.is_loaded and self.error is None and not self._complete and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._start_page()

    def _start_page(self) -> None:
        self._task = self.tasks.spawn(self._load_page(self._generation), name="transactions-page")
        self.loadingChanged.emit(True)

    async def _load_page(self, generation: int) -> None:
        query = self.query
        assert query is not None and self.session is not None
        cursor = self._cursor
        client_id = self.client_id
        limit = self.page_size
        first = not self.is_loaded
        try:
            page = await self.session.call(
                lambda c: c.transactions(
                    start=query.start,
                    end=query.end,
                    market=query.market.value if query.market is not None else None,
                    side=query.side.value if query.side is not None else None,
                    limit=limit,
                    cursor=cursor,
                    client_id=client_id,
                )
            )
        except CabinetError as exc:
            if generation != self._generation:
                return
            log.info("transactions did not load (%s)", exc.code)
            self.error = exc
            self.is_loaded = True
            self._task = None
            self.loadingChanged.emit(False)
            if first:
                self.loaded.emit()
            return
        if generation != self._generation:
            return
        self._task = None
        self._cursor = page.next_cursor
        self._complete = page.next_cursor is None
        self._append(list(page.items))
        self.is_loaded = True
        self.loadingChanged.emit(False)
        if first:
            self.loaded.emit()
        else:
            self.rowsAppended.emit(len(page.items))
        if self._complete:
            self.completed.emit()

    def _append(self, items: list[Transaction]) -> None:
        if not items:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self._arrived.extend(items)
        if first:
            # Keys are made as pages come in (not for the first: it shows at once), so
            # that a click on any header over years of rows only sorts.
            for column in COLUMNS:
                key = _SORT_KEYS[column]
                keys = self._keys.get(column)
                if keys is None:
                    self._keys[column] = [key(t) for t in self._arrived]
                else:
                    keys.extend(key(t) for t in items)
        else:
            for column, keys in self._keys.items():
                key = _SORT_KEYS[Column(column)]
                keys.extend(key(t) for t in items)
        if self._order is not None:
            self._order.extend(range(first, first + len(items)))
        texts = [search_text(t) for t in items]
        self._arrived_search.extend(texts)
        self.rows.extend(items)
        self.search.extend(texts)
        self.endInsertRows()
        if self._sort is not None:
            # A sorted table takes a page in as one re-sort, not row-by-row insertions.
            self.sort(*self._sort)

    # --- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's raw value; the order is kept as further pages come in.

        Keys are made once per column; the sort itself is Python's over a list of
        Decimals or dates, tens of milliseconds for 100k rows.
        """
        if column < 0 or column >= len(COLUMNS):
            return
        n = len(self._arrived)
        if self._sort == (column, order) and self._sorted_rows == n:
            return  # QTableView.sortByColumn asks twice
        self._sort = (column, order)
        self._sorted_rows = n
        if not n:
            return
        keys = self._keys.get(column)
        if keys is None:
            key = _SORT_KEYS[Column(column)]
            keys = self._keys[column] = [key(t) for t in self._arrived]
        reverse = order == Qt.SortOrder.DescendingOrder
        new_order = sorted(range(n), key=keys.__getitem__, reverse=reverse)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_order = self._order
        anchors = [old_order[i.row()] if old_order is not None else i.row() for i in persistent]
        arrived, texts = self._arrived, self._arrived_search
        self._order = new_order
        self.rows = [arrived[i] for i in new_order]
        self.search = [texts[i] for i in new_order]
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

    # --- reading ---------------------------------------------------------------------------

    def transaction_at(self, row: int) -> Transaction | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = Column(section)
        if role == _DISPLAY:
            return header_text(column)
        if role == _ACCESSIBLE and column is Column.MENU:
            return QCoreApplication.translate("TransactionsModel", "Actions")
        if role == _ALIGN:
            return _RIGHT if column in NUMERIC_COLUMNS else _LEFT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self.rows):
            return None
        t = self.rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self._display(t, column)
        if role == _ALIGN:
            if column in NUMERIC_COLUMNS:
                return _RIGHT
            return _CENTER if column == Column.MENU else _LEFT
        if role == SORT_ROLE:
            if column in NUMERIC_COLUMNS:
                return _DECIMALS[Column(column)](t)
            return _SORT_KEYS[Column(column)](t)
        if role == TRANSACTION_ROLE:
            return t
        if role == TONE_ROLE:
            return str(SIDE_TONES[Side(t.side)]) if column == Column.SIDE else None
        if role == _FOREGROUND:
            return tone_color(SIDE_TONES[Side(t.side)]) if column == Column.SIDE else None
        if role == _TOOLTIP:
            if column == Column.INSTRUMENT:
                return t.instrument_id
            if column == Column.MENU:
                return QCoreApplication.translate("TransactionsModel", "Actions")
            return None
        if role == _ACCESSIBLE and column == Column.MENU:
            return QCoreApplication.translate("TransactionsModel", "Actions for %1").replace(
                "%1", t.number
            )
        return None

    def _display(self, t: Transaction, column: int) -> str:
        if column == Column.MENU:
            return MENU_GLYPH
        if column == Column.NUMBER:
            return t.number
        if column == Column.TIME:
            return format_moment_short(t.time)
        if column == Column.INSTRUMENT:
            return t.ticker
        if column == Column.SIDE:
            return side_text(t.side)
        if column == Column.PRICE:
            return format_price(t.price)
        if column == Column.QUANTITY:
            return format_quantity(t.quantity)
        if column == Column.AMOUNT:
            return format_decimal(t.amount, 2)
        if column == Column.FEE:
            return format_decimal(t.fee, 2)
        if column == Column.CURRENCY:
            return str(t.currency)
        if column == Column.SETTLEMENT:
            return format_day(t.settlement_date)
        return ""

    def retranslate(self) -> None:
        """The UI language changed: headers and side names are read again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )


class TransactionsProxyModel(QSortFilterProxyModel):
    """Filters by instrument text against the model's search strings; sorting is the model's."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    @property
    def needle(self) -> str:
        return self._needle

    def set_instrument_text(self, text: str) -> None:
        needle = text.strip().upper()
        if needle == self._needle:
            return
        self._needle = needle
        # One layout change, not an insert or remove signal per run of rows: a ticker's
        # deals are scattered through the period, so 100k rows make thousands of runs.
        self.invalidate()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        needle = self._needle
        if not needle:
            return True
        model = self.sourceModel()
        return needle in model.search[source_row]  # type: ignore[attr-defined]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts by a key function; the proxy keeps its rows in the source's order.
        model = self.sourceModel()
        if isinstance(model, TransactionsModel):
            model.sort(column, order)

    def shown(self) -> list[Transaction]:
        """The transactions the filter lets through, in the order on screen."""
        model = self.sourceModel()
        if not isinstance(model, TransactionsModel):
            return []
        needle = self._needle
        if not needle:
            return list(model.rows)
        return [t for t, s in zip(model.rows, model.search, strict=True) if needle in s]


def totals_by_currency(transactions: list[Transaction]) -> dict[str, tuple[Decimal, Decimal]]:
    """Amount and fee summed per currency, in currency-code order."""
    sums: dict[str, list[Decimal]] = {}
    for t in transactions:
        pair = sums.setdefault(str(t.currency), [Decimal(0), Decimal(0)])
        pair[0] += t.amount
        pair[1] += t.fee
    return {code: (pair[0], pair[1]) for code, pair in sorted(sums.items())}


__all__ = [
    "COLUMNS",
    "MENU_GLYPH",
    "PAGE_SIZE",
    "SORT_ROLE",
    "TONE_ROLE",
    "TRANSACTION_ROLE",
    "Column",
    "TransactionsModel",
    "TransactionsProxyModel",
    "TransactionsQuery",
    "header_text",
    "market_of",
    "totals_by_currency",
]
