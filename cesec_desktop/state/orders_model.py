"""Orders as a table: the columns of the Orders page over `PagedStreamModel`, and a proxy
that sorts on keys computed once per row and filters by status, market and side.

What is common to the list pages (paging, retry, live events, sorting) is list_model.py's;
this module says only what is particular to orders: the list call, the stream signal, the
row type and the columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal

from cesec_desktop.domain.enums import Market, OrderStatus, OrderType, Side
from cesec_desktop.state.formatting import (
    format_day,
    format_moment,
    format_moment_short,
    format_price,
    format_quantity,
)
from cesec_desktop.state.list_model import (
    MENU_GLYPH,
    RIGHT,
    CellPainter,
    ColumnSpec,
    KeyedSortProxy,
    PagedStreamModel,
    market_of,
    menu_column,
    number_column,
)
from cesec_desktop.state.roles import MARKET_ROLE, ROW_ROLE, SORT_ROLE, TONE_ROLE
from cesec_desktop.state.vocabulary import (
    SIDE_TONES,
    STATUS_TONES,
    side_text,
    status_text,
    type_text,
)

if TYPE_CHECKING:
    from cesec_desktop.domain.models.orders import Order


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

_STATUS_ORDER = {status: n for n, status in enumerate(OrderStatus)}
_SIDE_ORDER = {side: n for n, side in enumerate(Side)}
_TYPE_ORDER = {kind: n for n, kind in enumerate(OrderType)}
_SAMPLE_MOMENT = datetime(2026, 12, 28, 18, 59, tzinfo=UTC)
_SAMPLE_QUANTITY = Decimal("100000")


def _price_key(price: Decimal | None) -> tuple[int, Decimal]:
    """Market orders (no price) first, then by price."""
    return (0, Decimal(0)) if price is None else (1, price)


def _longest(texts: Iterable[str]) -> str:
    """Every text, one a line: the widest in the table's font is not always the one with
    the most letters ("Нарықтық" is wider than "Лимиттік"), so the page measures each."""
    return "\n".join(texts)


def _average_fill(order: Order, locale: QLocale) -> str | None:
    if order.average_fill_price is None:
        return None
    average = format_price(order.average_fill_price, order.currency.value, locale)
    return QCoreApplication.translate("OrdersModel", "Average fill price: %1").replace(
        "%1", average
    )


ORDER_COLUMNS: tuple[ColumnSpec[Order], ...] = (
    menu_column(tooltip=lambda: QCoreApplication.translate("OrdersModel", "Actions")),
    number_column(
        title=lambda: QCoreApplication.translate("OrdersModel", "No."),
        sample="000000",
        tooltip=lambda: QCoreApplication.translate("OrdersModel", "Order number"),
    ),
    ColumnSpec(
        key="time",
        title=lambda: QCoreApplication.translate("OrdersModel", "Time"),
        tooltip=lambda: QCoreApplication.translate(
            "OrdersModel", "When the order was placed (Almaty time)"
        ),
        display=lambda o, locale: format_moment_short(o.created_at, locale),
        sort_key=lambda o: o.created_at,
        sample=lambda locale: format_moment_short(_SAMPLE_MOMENT, locale),
        cell_tooltip=lambda o, locale: format_moment(o.created_at, locale),
        priority=1,
    ),
    ColumnSpec(
        key="instrument",
        title=lambda: QCoreApplication.translate("OrdersModel", "Instrument"),
        tooltip=lambda: QCoreApplication.translate("OrdersModel", "Ticker and market"),
        display=lambda o, _locale: o.ticker,
        sort_key=lambda o: (o.ticker.casefold(), o.instrument_id),
        sample=lambda _locale: "MMGZp",
        painter=CellPainter.INSTRUMENT,
        cell_tooltip=lambda o, _locale: o.instrument_id,
    ),
    ColumnSpec(
        key="side",
        title=lambda: QCoreApplication.translate("OrdersModel", "Side"),
        tooltip=lambda: QCoreApplication.translate("OrdersModel", "Buy or sell"),
        display=lambda o, _locale: side_text(o.side),
        sort_key=lambda o: _SIDE_ORDER[o.side],
        sample=lambda _locale: _longest(map(side_text, Side)),
        painter=CellPainter.SIDE,
        tone=lambda o: SIDE_TONES[o.side],
    ),
    ColumnSpec(
        key="type",
        title=lambda: QCoreApplication.translate("OrdersModel", "Type"),
        tooltip=lambda: QCoreApplication.translate("OrdersModel", "Limit or market order"),
        display=lambda o, _locale: type_text(o.type),
        sort_key=lambda o: _TYPE_ORDER[o.type],
        sample=lambda _locale: _longest(map(type_text, OrderType)),
        priority=3,
    ),
    ColumnSpec(
        key="price",
        title=lambda: QCoreApplication.translate("OrdersModel", "Price"),
        tooltip=lambda: QCoreApplication.translate(
            "OrdersModel", "Limit price; none for a market order"
        ),
        display=lambda o, locale: format_price(o.price, o.currency.value, locale),
        sort_key=lambda o: _price_key(o.price),
        sample=lambda locale: format_price(Decimal("44700.00"), "KZT", locale),
        align=RIGHT,
        currency=lambda o: o.currency.value,
        cell_tooltip=_average_fill,
    ),
    ColumnSpec(
        key="quantity",
        title=lambda: QCoreApplication.translate("OrdersModel", "Quantity"),
        tooltip=lambda: QCoreApplication.translate("OrdersModel", "Quantity ordered"),
        display=lambda o, locale: format_quantity(o.quantity, locale),
        sort_key=lambda o: o.quantity,
        sample=lambda locale: format_quantity(_SAMPLE_QUANTITY, locale),
        align=RIGHT,
    ),
    ColumnSpec(
        key="filled",
        title=lambda: QCoreApplication.translate("OrdersModel", "Filled"),
        tooltip=lambda: QCoreApplication.translate("OrdersModel", "Quantity filled so far"),
        display=lambda o, locale: format_quantity(o.filled_quantity, locale),
        sort_key=lambda o: o.filled_quantity,
        sample=lambda locale: format_quantity(_SAMPLE_QUANTITY, locale),
        align=RIGHT,
        priority=2,
    ),
    ColumnSpec(
        key="status",
        title=lambda: QCoreApplication.translate("OrdersModel", "Status"),
        tooltip=lambda: QCoreApplication.translate("OrdersModel", "Status"),
        display=lambda o, _locale: status_text(o.status),
        sort_key=lambda o: _STATUS_ORDER[o.status],
        sample=lambda _locale: _longest(map(status_text, OrderStatus)),
        painter=CellPainter.PILL,
        tone=lambda o: STATUS_TONES[o.status],
        cell_tooltip=lambda o, _locale: o.reject_reason or None,
    ),
    ColumnSpec(
        key="valid_until",
        title=lambda: QCoreApplication.translate("OrdersModel", "Valid until"),
        tooltip=lambda: QCoreApplication.translate(
            "OrdersModel", "The last day the order stays on the exchange"
        ),
        display=lambda o, locale: format_day(o.valid_until, locale),
        sort_key=lambda o: o.valid_until,
        sample=lambda locale: format_day(date(2026, 12, 28), locale),
        priority=4,
    ),
)
assert [spec.key for spec in ORDER_COLUMNS] == [c.name.lower() for c in Column]

SORT_KEYS = {Column(n): spec.sort_key for n, spec in enumerate(ORDER_COLUMNS)}
"""Sort key per column (None: the column does not sort)."""


class OrdersModel(PagedStreamModel["Order"]):
    """The orders of one period, newest first, kept current from `session.orderUpdated`.

    Signals (besides `PagedStreamModel`'s):
        ordersUpdated(list[Order]): orders already in the model changed (one emit per batch).
    """

    ordersUpdated = Signal(list)

    columns = ORDER_COLUMNS
    PAGE_SIZE = 500
    STREAM_SIGNAL = "orderUpdated"
    TASK_NAME = "orders"
    UPDATED_SIGNAL = "ordersUpdated"

    def menu_accessible(self, row: Order) -> str:
        return self.tr("Actions for order %1").replace("%1", row.number)

    # --- reading ---------------------------------------------------------------------------

    @property
    def _orders(self) -> list[Order]:
        return self._rows

    def orders(self) -> list[Order]:
        return list(self._rows)

    def order_at(self, row: int) -> Order:
        return self._rows[row]

    def order_by_id(self, order_id: str) -> Order | None:
        return self.by_id(order_id)

    # --- actions ---------------------------------------------------------------------------

    async def load_order(self, order_id: str) -> Order:
        """One order with its full history, from the server; the row follows."""
        return await self._load_one(lambda client, who: client.order(order_id, **who))

    async def cancel_order(self, order_id: str) -> Order:
        """Cancel an open order at the server; the row shows the answer at once."""
        assert self.session is not None
        order: Order = await self.session.call(lambda client: client.cancel_order(order_id))
        self.apply([order])
        return order


class OrdersProxyModel(KeyedSortProxy):
    """Sorts an `OrdersModel` (newest first costs nothing) and filters it by status,
    market and side."""

    NATURAL = ("time", Qt.SortOrder.DescendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[OrderStatus] | None = None
        self._market: str | None = None
        self._side: Side | None = None

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
            self.change_filter(lambda: setattr(self, "_statuses", wanted))

    def set_market(self, market: Market | str | None) -> None:
        wanted = None if market is None else str(Market(market).value)
        if wanted != self._market:
            self.change_filter(lambda: setattr(self, "_market", wanted))

    def set_side(self, side: Side | str | None) -> None:
        wanted = None if side is None else Side(side)
        if wanted != self._side:
            self.change_filter(lambda: setattr(self, "_side", wanted))

    def clear_filters(self) -> None:
        if self.filtered:

            def clear() -> None:
                self._statuses = self._market = self._side = None

            self.change_filter(clear)

    def accepts(self, row: Order) -> bool:
        if self._statuses is not None and row.status not in self._statuses:
            return False
        if self._side is not None and row.side != self._side:
            return False
        return self._market is None or market_of(row.instrument_id) == self._market


__all__ = [
    "COLUMNS",
    "MARKET_ROLE",
    "MENU_GLYPH",
    "NUMERIC_COLUMNS",
    "ORDER_COLUMNS",
    "ORDER_ROLE",
    "SORT_KEYS",
    "SORT_ROLE",
    "TONE_ROLE",
    "Column",
    "OrdersModel",
    "OrdersProxyModel",
    "market_of",
]
