"""Orders as a table: a model over a plain list that pages in by cursor and follows the
stream, and a proxy that sorts on raw values and filters by status, market and side.

Tables stay fast when nothing per cell or per tick is costly (DESIGN.md): rows are plain
`Order` objects, an update finds its row through a dict, a batch of updates is one
`dataChanged` per contiguous range, new orders are one `rowsInserted` at the top, and the
proxy stops re-sorting while a large batch lands.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
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
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from cesec_desktop.domain.enums import Market, OrderStatus, OrderType, Side
from cesec_desktop.state.clock import Clock
from cesec_desktop.state.clock import current as current_clock
from cesec_desktop.state.coalesce import NewestById
from cesec_desktop.state.formatting import (
    format_day,
    format_moment,
    format_moment_short,
    format_price,
    format_quantity,
)
from cesec_desktop.state.orders_query import OrdersQuery
from cesec_desktop.state.roles import MARKET_ROLE, ROW_ROLE, SORT_ROLE, TONE_ROLE
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import (
    SIDE_TONES,
    STATUS_TONES,
    Tone,
    side_text,
    status_text,
    tone_color,
    type_text,
)

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.orders import Order
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The table's columns; MENU holds the row's "…" button and is never sorted."""

    MENU = 0
    NUMBER = 1
    TIME = 2
    INSTRUMENT = 3
    SIDE = 4
    TYPE = 5
    PRICE = 6
    QUANTITY = 7
    FILLED = 8
    STATUS = 9
    VALID_UNTIL = 10


COLUMNS = tuple(Column)
NUMERIC_COLUMNS = frozenset({Column.PRICE, Column.QUANTITY, Column.FILLED})

ORDER_ROLE = ROW_ROLE
"""The row's `Order`."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter

MENU_GLYPH = "\N{MIDLINE HORIZONTAL ELLIPSIS}"


# --- words and colours ---------------------------------------------------------------------


def market_of(instrument_id: str) -> str:
    """`KASE:HSBK` -> `KASE`."""
    return instrument_id.partition(":")[0]


# --- sorting -------------------------------------------------------------------------------

_STATUS_ORDER = {status: n for n, status in enumerate(OrderStatus)}
_SIDE_ORDER = {side: n for n, side in enumerate(Side)}
_TYPE_ORDER = {kind: n for n, kind in enumerate(OrderType)}


def _number_key(number: str) -> tuple[int, int, str]:
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def _price_key(price: Decimal | None) -> tuple[int, Decimal]:
    return (0, Decimal(0)) if price is None else (1, price)


SORT_KEYS: dict[Column, Callable[[Order], Any]] = {
    Column.MENU: lambda o: 0,
    Column.NUMBER: lambda o: _number_key(o.number),
    Column.TIME: lambda o: o.created_at,
    Column.INSTRUMENT: lambda o: (o.ticker.casefold(), o.instrument_id),
    Column.SIDE: lambda o: _SIDE_ORDER[o.side],
    Column.TYPE: lambda o: _TYPE_ORDER[o.type],
    Column.PRICE: lambda o: _price_key(o.price),
    Column.QUANTITY: lambda o: o.quantity,
    Column.FILLED: lambda o: o.filled_quantity,
    Column.STATUS: lambda o: _STATUS_ORDER[o.status],
    Column.VALID_UNTIL: lambda o: o.valid_until,
}


def _list_key(order: Order) -> tuple[datetime, str]:
    """The server's list order, newest first: (created_at, id) descending."""
    return (order.created_at, order.id)


def _whose(client_id: str | None) -> dict[str, str]:
    """`client_id` for a read call only when a broker names a client (the own data: none)."""
    return {"client_id": client_id} if client_id else {}


def _contiguous(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


# --- the model -----------------------------------------------------------------------------


class OrdersModel(QAbstractTableModel):
    """The orders of one period, newest first, kept current from the stream.

    Loads the first page on `set_query`, the next ones through `fetchMore` (the view asks
    when it scrolls to the end). `session.orderUpdated` is applied by order id, coalesced
    per turn of the event loop; `session.resynced` re-reads what is loaded.

    Signals:
        loadingChanged(bool): a page or a refresh is (no longer) on its way.
        pageLoaded: a page arrived and is in the model.
        loadFailed(object): loading failed with this error (a typed API error).
        ordersUpdated(list[Order]): orders already in the model changed (one emit per batch).
        batchAboutToBeApplied(int): this many rows are about to change at once.
        batchApplied: the batch is in.
    """

    loadingChanged = Signal(bool)
    pageLoaded = Signal()
    loadFailed = Signal(object)
    ordersUpdated = Signal(list)
    batchAboutToBeApplied = Signal(int)
    batchApplied = Signal()

    PAGE_SIZE = 500
    REFRESH_LIMIT = 5000
    """The server's largest page: a resync re-reads at most this many orders."""

    def __init__(
        self,
        session: Session | None = None,
        *,
        tasks: TaskTracker | None = None,
        page_size: int = PAGE_SIZE,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        """Where "today" comes from when a preset moves on (None: the clock in force)."""
        self.tasks = tasks if tasks is not None else TaskTracker("orders-model")
        self.page_size = page_size
        self.client_id: str | None = None
        """A broker's watched client (set before `set_query`); None: the user's own orders."""
        self.owns: Callable[[str], bool] | None = None
        """Whether a stream event's sub-account is the shown client's (a broker's stream
        carries every watched client's orders)."""
        self.accounts: Callable[[], list[Any]] | None = None
        """The shown client's sub-accounts, if not the user's own."""
        self._orders: list[Order] = []
        # Row of an order = its key - the head key: an insert at the top moves the head only.
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
        self._early: dict[str, Order] = {}
        self._locale = QLocale()
        self._events: NewestById[Order] = NewestById(self.apply, self)
        if session is not None:
            session.orderUpdated.connect(self.queue_update)
            session.resynced.connect(self.refresh)

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

    def orders(self) -> list[Order]:
        return list(self._orders)

    def order_at(self, row: int) -> Order:
        return self._orders[row]

    def row_of(self, order_id: str) -> int | None:
        key = self._keys.get(order_id)
        return None if key is None else key - self._head

    def order_by_id(self, order_id: str) -> Order | None:
        row = self.row_of(order_id)
        return None if row is None else self._orders[row]

    def sort_key(self, row: int, column: int) -> Any:
        return SORT_KEYS[Column(column)](self._orders[row])

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._orders)

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
        if not (0 <= row < len(self._orders) and 0 <= column < len(COLUMNS)):
            return None
        order = self._orders[row]
        role = int(role)
        if role == _DISPLAY:
            return self._display(order, Column(column))
        if role == _ALIGN:
            return self._alignment(Column(column))
        if role == _FOREGROUND:
            tone = self._tone(order, column)
            return tone_color(tone) if tone is not None else None
        if role == TONE_ROLE:
            return self._tone(order, column)
        if role == SORT_ROLE:
            return SORT_KEYS[Column(column)](order)
        if role == ORDER_ROLE:
            return order
        if role == MARKET_ROLE:
            return market_of(order.instrument_id)
        if role == _TOOLTIP:
            return self._tooltip(order, Column(column))
        if role == _ACCESSIBLE and column == Column.MENU:
            return self.tr("Actions for order %1").replace("%1", order.number)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        role = int(role)
        if role == _DISPLAY:
            return self.header_text(Column(section))
        if role == _TOOLTIP:
            return self.header_tooltip(Column(section))
        if role == _ALIGN:
            return self._alignment(Column(section))
        return None

    def header_text(self, column: Column) -> str:
        texts = {
            Column.MENU: "",
            Column.NUMBER: self.tr("No."),
            Column.TIME: self.tr("Time"),
            Column.INSTRUMENT: self.tr("Instrument"),
            Column.SIDE: self.tr("Side"),
            Column.TYPE: self.tr("Type"),
            Column.PRICE: self.tr("Price"),
            Column.QUANTITY: self.tr("Quantity"),
            Column.FILLED: self.tr("Filled"),
            Column.STATUS: self.tr("Status"),
            Column.VALID_UNTIL: self.tr("Valid until"),
        }
        return texts[column]

    def header_tooltip(self, column: Column) -> str:
        texts = {
            Column.MENU: self.tr("Actions"),
            Column.NUMBER: self.tr("Order number"),
            Column.TIME: self.tr("When the order was placed (Almaty time)"),
            Column.INSTRUMENT: self.tr("Ticker and market"),
            Column.SIDE: self.tr("Buy or sell"),
            Column.TYPE: self.tr("Limit or market order"),
            Column.PRICE: self.tr("Limit price; none for a market order"),
            Column.QUANTITY: self.tr("Quantity ordered"),
            Column.FILLED: self.tr("Quantity filled so far"),
            Column.STATUS: self.tr("Status"),
            Column.VALID_UNTIL: self.tr("The last day the order stays on the exchange"),
        }
        return texts[column]

    def _display(self, order: Order, column: Column) -> str:
        locale = self._locale
        if column == Column.NUMBER:
            return order.number
        if column == Column.TIME:
            return format_moment_short(order.created_at, locale)
        if column == Column.INSTRUMENT:
            return order.ticker
        if column == Column.SIDE:
            return side_text(order.side)
        if column == Column.TYPE:
            return type_text(order.type)
        if column == Column.PRICE:
            return format_price(order.price, order.currency.value, locale)
        if column == Column.QUANTITY:
            return format_quantity(order.quantity, locale)
        if column == Column.FILLED:
            return format_quantity(order.filled_quantity, locale)
        if column == Column.STATUS:
            return status_text(order.status)
        if column == Column.VALID_UNTIL:
            return format_day(order.valid_until, locale)
        return MENU_GLYPH

    @staticmethod
    def _alignment(column: Column) -> Qt.AlignmentFlag:
        if column in NUMERIC_COLUMNS:
            return _RIGHT
        if column == Column.MENU:
            return _CENTER
        return _LEFT

    @staticmethod
    def _tone(order: Order, column: int) -> Tone | None:
        if column == Column.SIDE:
            return SIDE_TONES[order.side]
        if column == Column.STATUS:
            return STATUS_TONES[order.status]
        return None

    def _tooltip(self, order: Order, column: Column) -> str | None:
        if column == Column.MENU:
            return self.tr("Actions")
        if column == Column.TIME:
            return format_moment(order.created_at, self._locale)
        if column == Column.INSTRUMENT:
            return order.instrument_id
        if column == Column.PRICE and order.average_fill_price is not None:
            average = format_price(order.average_fill_price, order.currency.value, self._locale)
            return self.tr("Average fill price: %1").replace("%1", average)
        if column == Column.STATUS and order.reject_reason:
            return order.reject_reason
        return None

    def retranslate(self) -> None:
        """Texts and number formats in the UI language of the moment."""
        self._locale = QLocale()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._orders:
            # Only the words change: naming the roles spares the proxy a re-sort.
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._orders) - 1, len(COLUMNS) - 1),
                [_DISPLAY, _TOOLTIP, _ACCESSIBLE],
            )

    # --- paging ----------------------------------------------------------------------------

    def set_query(self, query: OrdersQuery) -> None:
        """List another period: forget what is loaded and load its first page."""
        self._generation += 1
        if self._fetch_task is not None and not self._fetch_task.done():
            self._fetch_task.cancel()
        self._fetch_task = None
        self._loading = 0
        self._query = query
        self.beginResetModel()
        self._orders = []
        self._keys = {}
        self._head = 0
        self.endResetModel()
        self._cursor = None
        self._exhausted = False
        self._first_page_in = False
        self._early.clear()
        self._error = None
        if self.session is None:
            self._exhausted = True
            return
        self._start_fetch()

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
            self._fetch(self._generation, self._cursor), name="orders-page"
        )

    async def _fetch(self, generation: int, cursor: str | None) -> None:
        from cesec_desktop.state.errors import CabinetError

        query, session, client_id = self._query, self.session, self.client_id
        assert query is not None and session is not None
        try:
            page = await session.call(
                lambda client: client.orders(
                    start=query.start,
                    end=query.end,
                    limit=self.page_size,
                    cursor=cursor,
                    **_whose(client_id),
                )
            )
        except CabinetError as error:
            if generation == self._generation:
                log.info("orders did not load (%s)", error.code)
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
        """Re-read the loaded orders (after the stream came back): changes and missed ones."""
        if self.session is None or self._query is None or not self._first_page_in:
            return
        limit = min(max(len(self._orders), self.page_size), self.REFRESH_LIMIT)
        self._set_loading(+1)
        self.tasks.spawn(self._refresh(self._generation, limit), name="orders-refresh")

    async def _refresh(self, generation: int, limit: int) -> None:
        from cesec_desktop.state.errors import CabinetError

        query, session, client_id = self._query, self.session, self.client_id
        assert query is not None and session is not None
        try:
            page = await session.call(
                lambda client: client.orders(
                    start=query.start, end=query.end, limit=limit, **_whose(client_id)
                )
            )
        except CabinetError as error:
            # What is on screen stays; the next resync or reload tries again.
            log.info("orders did not refresh (%s)", error.code)
            if generation == self._generation:
                self._set_loading(-1)
            return
        except BaseException:
            if generation == self._generation:
                self._set_loading(-1)
            raise
        if generation != self._generation:
            return
        covered = len(self._orders) <= limit
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

    def _append(self, items: Sequence[Order]) -> None:
        """A page: orders already here (from the stream) are updated, the rest go at the end."""
        known = [o for o in items if o.id in self._keys]
        fresh = [o for o in items if o.id not in self._keys]
        if known:
            self.apply(known)
        if not fresh:
            return
        # One rowsInserted: the proxy places the new rows by binary search, no full re-sort.
        first = len(self._orders)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        tail_key = self._head + first
        for offset, order in enumerate(fresh):
            self._keys[order.id] = tail_key + offset
        self._orders.extend(fresh)
        self.endInsertRows()

    # --- live updates ----------------------------------------------------------------------

    def queue_update(self, order: Order) -> None:
        """An order event from the stream; applied with the others of this loop turn."""
        if self.owns is not None and not self.owns(order.account_id):
            return
        self._events.push(order)

    def flush(self) -> None:
        """Apply the queued stream events now."""
        self._events.flush()

    def apply(self, orders: Iterable[Order]) -> None:
        """Orders as they are now: rows change in place, new orders of the period arrive.

        An update older than what the row shows is ignored; an order this period does not
        cover, or one older than the loaded pages reach (a later page brings it), is skipped.
        """
        changed: dict[int, Order] = {}
        fresh: dict[str, Order] = {}
        for order in orders:
            row = self.row_of(order.id)
            if row is not None:
                current = changed.get(row, self._orders[row])
                if order.updated_at >= current.updated_at:
                    changed[row] = order
            elif self._query is not None and self._query.contains(order.created_at):
                if not self._first_page_in:
                    self._early[order.id] = order
                else:
                    known = fresh.get(order.id)
                    if known is None or order.updated_at >= known.updated_at:
                        fresh[order.id] = order
        arriving = self._placeable(list(fresh.values()))
        if not changed and not arriving:
            return
        # Rows that change are what make a proxy re-sort; new ones it places by binary search.
        self.batchAboutToBeApplied.emit(len(changed))
        try:
            for row, order in changed.items():
                self._orders[row] = order
            last = len(COLUMNS) - 1
            for first, end in _contiguous(changed):
                self.dataChanged.emit(self.index(first, 0), self.index(end, last))
            if arriving:
                self._insert(arriving)
        finally:
            self.batchApplied.emit()
        if changed:
            self.ordersUpdated.emit(list(changed.values()))

    def _placeable(self, orders: list[Order]) -> list[Order]:
        """New orders that belong among the loaded rows (newest first)."""
        orders.sort(key=_list_key, reverse=True)
        if not self._orders or self._exhausted:
            return orders
        oldest = _list_key(self._orders[-1])
        return [o for o in orders if _list_key(o) > oldest]

    def _insert(self, orders: list[Order]) -> None:
        """Insert orders (newest first): those newer than the top in one go, others in place."""
        top: list[Order] = []
        newest = _list_key(self._orders[0]) if self._orders else None
        for order in orders:
            if newest is None or _list_key(order) > newest:
                top.append(order)
        if top:
            self.beginInsertRows(QModelIndex(), 0, len(top) - 1)
            self._head -= len(top)
            for offset, order in enumerate(top):
                self._keys[order.id] = self._head + offset
            self._orders[0:0] = top
            self.endInsertRows()
        for order in orders[len(top) :]:
            row = self._insertion_row(_list_key(order))
            self.beginInsertRows(QModelIndex(), row, row)
            self._orders.insert(row, order)
            self._head = 0
            self._keys = {o.id: n for n, o in enumerate(self._orders)}
            self.endInsertRows()

    def _insertion_row(self, key: tuple[datetime, str]) -> int:
        """Where `key` goes in the newest-first list (binary search)."""
        low, high = 0, len(self._orders)
        while low < high:
            middle = (low + high) // 2
            if _list_key(self._orders[middle]) > key:
                low = middle + 1
            else:
                high = middle
        return low

    # --- actions ---------------------------------------------------------------------------

    async def load_order(self, order_id: str) -> Order:
        """One order with its full history, from the server; the row follows."""
        assert self.session is not None
        client_id = self.client_id
        order = await self.session.call(lambda client: client.order(order_id, **_whose(client_id)))
        self.apply([order])
        return order

    async def cancel_order(self, order_id: str) -> Order:
        """Cancel an open order at the server; the row shows the answer at once."""
        assert self.session is not None
        order = await self.session.call(lambda client: client.cancel_order(order_id))
        self.apply([order])
        return order

    def account_number(self, account_id: str) -> str:
        """The sub-account's number as the user knows it (CS01001-KZT)."""
        if self.session is not None:
            accounts = self.accounts() if self.accounts is not None else self.session.accounts
            for account in accounts:
                if account.id == account_id:
                    return account.number
        return account_id


# --- sorting and filtering ----------------------------------------------------------------


class OrdersProxyModel(QSortFilterProxyModel):
    """Sorts an `OrdersModel` on raw values and filters it by status, market and side.

    Newest first is the source's own order, so that sort costs nothing. Any other sort
    compares keys from a list kept beside the source rows (built once per sort column,
    patched as rows change): a comparison is two list lookups, not two calls into the
    model. While a batch of `SUSPEND_AT` rows or more changes, dynamic sorting is off; the
    proxy then sorts and filters once, instead of once per changed range.
    """

    SUSPEND_AT = 64

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: OrdersModel | None = None
        self._statuses: frozenset[OrderStatus] | None = None
        self._market: str | None = None
        self._side: Side | None = None
        self._suspended = False
        self._key_column = -1
        self._keys: list[Any] = []
        self._requested: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: QAbstractTableModel | None) -> None:  # type: ignore[override]
        old = self._source
        if old is not None:
            for signal, slot in self._source_slots(old):
                signal.disconnect(slot)
        self._source = model if isinstance(model, OrdersModel) else None
        self._key_column = -1
        self._keys = []
        if self._source is not None:
            # Connected before the proxy's own handlers, so the keys are current when it sorts.
            for signal, slot in self._source_slots(self._source):
                signal.connect(slot)
        super().setSourceModel(model)

    def _source_slots(self, source: OrdersModel) -> list[tuple[Any, Callable[..., None]]]:
        return [
            (source.batchAboutToBeApplied, self._batch_starting),
            (source.batchApplied, self._batch_done),
            (source.rowsInserted, self._rows_inserted),
            (source.rowsRemoved, self._rows_removed),
            (source.dataChanged, self._data_changed),
            (source.modelReset, self._forget_keys),
            (source.layoutChanged, self._forget_keys),
        ]

    # --- sort keys -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._requested = (column, order)
        if column == Column.TIME and order == Qt.SortOrder.DescendingOrder:
            # Newest first is the source's own order: no comparison at all, on loads and on
            # every live update (the common case by far).
            self._key_column, self._keys = -1, []
            super().sort(-1, Qt.SortOrder.AscendingOrder)
            return
        self._build_keys(column)
        super().sort(column, order)

    @property
    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The sort asked for (column, order); newest first is kept as the source's order."""
        return self._requested

    def _build_keys(self, column: int) -> None:
        source = self._source
        if source is None or not 0 <= column < len(COLUMNS):
            self._key_column, self._keys = -1, []
            return
        key = SORT_KEYS[Column(column)]
        self._keys = [key(order) for order in source._orders]
        self._key_column = column

    def _forget_keys(self, *_: object) -> None:
        if self._key_column >= 0:
            self._build_keys(self._key_column)

    def _rows_inserted(self, _parent: Index, first: int, last: int) -> None:
        if self._key_column >= 0 and self._source is not None:
            key = SORT_KEYS[Column(self._key_column)]
            self._keys[first:first] = [key(o) for o in self._source._orders[first : last + 1]]

    def _rows_removed(self, _parent: Index, first: int, last: int) -> None:
        if self._key_column >= 0:
            del self._keys[first : last + 1]

    def _data_changed(self, top_left: Index, bottom_right: Index, *_: object) -> None:
        if self._key_column >= 0 and self._source is not None:
            key = SORT_KEYS[Column(self._key_column)]
            orders = self._source._orders
            for row in range(top_left.row(), bottom_right.row() + 1):
                self._keys[row] = key(orders[row])

    # --- filters ---------------------------------------------------------------------------

    @property
    def statuses(self) -> frozenset[OrderStatus] | None:
        return self._statuses

    @property
    def market(self) -> str | None:
        return self._market

    @property
    def side(self) -> Side | None:
        return self._side

    @property
    def filtered(self) -> bool:
        return self._statuses is not None or self._market is not None or self._side is not None

    def set_statuses(self, statuses: Iterable[OrderStatus | str] | None) -> None:
        wanted = None if statuses is None else frozenset(OrderStatus(s) for s in statuses)
        if wanted != self._statuses:
            self._change_filter(lambda: setattr(self, "_statuses", wanted))

    def set_market(self, market: Market | str | None) -> None:
        wanted = None if market is None else str(Market(market).value)
        if wanted != self._market:
            self._change_filter(lambda: setattr(self, "_market", wanted))

    def set_side(self, side: Side | str | None) -> None:
        wanted = None if side is None else Side(side)
        if wanted != self._side:
            self._change_filter(lambda: setattr(self, "_side", wanted))

    def clear_filters(self) -> None:
        if self.filtered:

            def clear() -> None:
                self._statuses = self._market = self._side = None

            self._change_filter(clear)

    def _change_filter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self._source
        if source is None:
            return True
        order = source._orders[source_row]
        if self._statuses is not None and order.status not in self._statuses:
            return False
        if self._side is not None and order.side != self._side:
            return False
        return self._market is None or market_of(order.instrument_id) == self._market

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.column() != self._key_column:
            # Sorting asked for by someone other than `sort` (Qt itself, on a new source).
            self._build_keys(left.column())
            if self._key_column < 0:
                return super().lessThan(left, right)
        keys = self._keys
        return bool(keys[left.row()] < keys[right.row()])

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
