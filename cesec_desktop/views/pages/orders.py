"""Orders page: the orders of a period, live, with filters, a "…" menu per row, and a way in
to a new order.

The frame (header, period, states, menu routing, columns) is `ListPage`'s; this module says
what is particular to orders: the status, market and side filters, New order, Cancel in
the row menu and the details dialog.
"""

from __future__ import annotations

import inspect
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QMessageBox, QPushButton, QWidget
from shiboken6 import isValid

from cesec_desktop.domain.enums import Market, OrderStatus, Side
from cesec_desktop.state.formatting import format_quantity
from cesec_desktop.state.orders_model import ORDER_ROLE, Column, OrdersModel, OrdersProxyModel
from cesec_desktop.state.orders_query import Period
from cesec_desktop.state.roles import SORT_ROLE
from cesec_desktop.state.vocabulary import side_text, status_text
from cesec_desktop.views.pages.list_page import ListPage

if TYPE_CHECKING:
    from cesec_desktop.domain.models.orders import Order

log = logging.getLogger(__name__)

OPEN = "open"
STATUS_FILTERS: tuple[str, ...] = (
    OPEN,
    OrderStatus.FILLED,
    OrderStatus.CANCELLED,
    OrderStatus.REJECTED,
    OrderStatus.EXPIRED,
)
OPEN_STATUSES = frozenset(s for s in OrderStatus if s.is_open)
MARKET_FILTERS: tuple[str, ...] = tuple(m.value for m in Market)
SIDE_FILTERS: tuple[str, ...] = (Side.BUY, Side.SELL)


class OrdersPage(ListPage):
    """The Orders page.

    Signals:
        orderFormOpened(object): the New order button opened the order form (the dialog).
    """

    key = "orders"
    presets = (Period.TODAY, Period.WEEK, Period.MONTH)
    default_period = Period.TODAY
    model_class = OrdersModel
    proxy_class = OrdersProxyModel
    default_sort = (int(Column.TIME), Qt.SortOrder.DescendingOrder)
    orderFormOpened = Signal(object)

    def setup(self) -> None:
        model = self.model
        self.confirm_box: QMessageBox | None = None
        self.order_form: Any = None
        self._cancelling: set[str] = set()
        self.new_order_button = QPushButton(self)
        self.new_order_button.setObjectName("ordersNewOrder")
        self.new_order_button.setProperty("role", "primary")
        self.new_order_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_order_button.clicked.connect(self.open_order_form)
        self.header_row.addWidget(self.new_order_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.empty_new_order = QPushButton(self.empty_state)
        self.empty_new_order.setObjectName("ordersEmptyNewOrder")
        self.empty_new_order.setProperty("role", "primary")
        self.empty_new_order.clicked.connect(self.open_order_form)
        self.empty_actions.insertWidget(2, self.empty_new_order)
        model.pageLoaded.connect(self.page_loaded)
        model.loadFailed.connect(self.load_failed)

    # --- hooks -----------------------------------------------------------------------------

    def build_filters(self, row: QHBoxLayout) -> None:
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("ordersStatusFilter")
        self.status_filter.addItem("", None)
        for value in STATUS_FILTERS:
            self.status_filter.addItem("", str(value))
        self.market_filter = QComboBox(self)
        self.market_filter.setObjectName("ordersMarketFilter")
        self.market_filter.addItem("", None)
        for value in MARKET_FILTERS:
            self.market_filter.addItem(value, value)
        self.side_filter = QComboBox(self)
        self.side_filter.setObjectName("ordersSideFilter")
        self.side_filter.addItem("", None)
        for value in SIDE_FILTERS:
            self.side_filter.addItem("", str(value))
        for combo in (self.status_filter, self.market_filter, self.side_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filters_changed)
            row.addWidget(combo)

    def build_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        self.cancel_action = menu.addAction("")
        self.cancel_action.setObjectName("ordersCancelAction")
        self.cancel_action.triggered.connect(self._cancel_chosen)

    def update_menu(self, order: Order) -> None:
        self.cancel_action.setVisible(not self.read_only)
        self.cancel_action.setEnabled(order.status.is_open and order.id not in self._cancelling)
        self.cancel_action.setToolTip(
            "" if order.status.is_open else self.tr("Only an open order can be cancelled.")
        )

    def client_changed(self) -> None:
        self.new_order_button.setVisible(not self.read_only)

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.market_filter, self.side_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._apply_filters()

    def export_value(self, index: QModelIndex) -> Any:
        """The limit price itself (its sort key is a tuple, so that market orders sort
        first), else the raw value."""
        if index.column() == Column.PRICE:
            order = index.data(ORDER_ROLE)
            return getattr(order, "price", None)
        return index.data(SORT_ROLE)

    def update_state(self, *args: object) -> None:
        super().update_state(*args)
        filtered = self.filtered() and self.model.rowCount() > 0
        self.empty_new_order.setVisible(not filtered and not self.read_only)

    # --- filters ---------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        status = self.status_filter.currentData()
        if status is None:
            self.proxy.set_statuses(None)
        elif status == OPEN:
            self.proxy.set_statuses(OPEN_STATUSES)
        else:
            self.proxy.set_statuses([status])
        self.proxy.set_market(self.market_filter.currentData())
        self.proxy.set_side(self.side_filter.currentData())

    def _filters_changed(self) -> None:
        self._apply_filters()
        self.filters_changed()

    # --- the row menu and details ----------------------------------------------------------

    def _cancel_chosen(self) -> None:
        if self.menu_item_id is not None:
            self.cancel_order(self.menu_item_id)

    def open_details(self, order_id: str) -> None:
        """The Details dialog of an order (one at a time; the same order just comes forward)."""

        order = self.model.order_by_id(order_id)
        if order is None:
            # Not in the period shown (a deal's order, say): read it, then show it.
            if self.session is not None:
                self.tasks.spawn(self._open_loaded(order_id), name="order-details-load")
            return
        self._open_details_of(order)

    async def _open_loaded(self, order_id: str) -> None:
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.views.messages import describe

        try:
            order = await self.model.load_order(order_id)
        except CabinetError as error:
            self.show_notice(
                self.tr("The order could not be loaded: %1").replace("%1", describe(error)),
                "negative",
            )
            return
        self._open_details_of(order)

    def _open_details_of(self, order: Order) -> None:
        from cesec_desktop.views.order_details import OrderDetailsDialog

        order_id = order.id
        current = self.details_dialog
        if current is not None and isValid(current) and current.order.id == order_id:
            current.raise_()
            current.activateWindow()
            return
        dialog = OrderDetailsDialog(
            order,
            account=self.model.account_number(order.account_id),
            read_only=self.read_only,
            parent=self,
        )
        dialog.cancelRequested.connect(lambda order_id: self.cancel_order(order_id, dialog))
        self.model.ordersUpdated.connect(dialog.orders_updated)
        if self.session is not None:
            dialog.load(self.model.load_order, self.tasks)
        self.show_details(dialog)

    def details_closed(self, dialog: Any) -> None:
        if isValid(dialog):
            self.model.ordersUpdated.disconnect(dialog.orders_updated)

    # --- cancel ----------------------------------------------------------------------------

    def cancel_order(self, order_id: str, parent: QWidget | None = None) -> None:
        """Ask, then cancel; the row shows the outcome."""
        if self.read_only:
            return
        order = self.model.order_by_id(order_id)
        if order is None or order_id in self._cancelling or not order.status.is_open:
            return
        self.tasks.spawn(self._cancel(order, parent or self), name="cancel-order")

    async def _cancel(self, order: Order, parent: QWidget) -> bool:
        from cesec_desktop.state.errors import CabinetError, Conflict
        from cesec_desktop.views.dialogs import run_dialog
        from cesec_desktop.views.messages import describe

        box = QMessageBox(parent)
        box.setObjectName("ordersCancelConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel the order"))
        box.setText(self.tr("Cancel order No. %1?").replace("%1", order.number))
        box.setInformativeText(self._summary(order))
        yes = box.addButton(self.tr("Cancel order"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Keep the order"), QMessageBox.ButtonRole.RejectRole)
        yes.setObjectName("ordersCancelYes")
        no.setObjectName("ordersCancelNo")
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.confirm_box = box
        try:
            await run_dialog(box)
            confirmed = box.clickedButton() is yes
        finally:
            self.confirm_box = None
            if isValid(box):
                box.deleteLater()
        if not confirmed:
            return False
        self._cancelling.add(order.id)
        self.set_busy(+1)
        self._sync_details_busy(order.id)
        try:
            updated = await self.model.cancel_order(order.id)
        except Conflict:
            # Filled, expired or already cancelled meanwhile: show what it is now.
            current = order
            try:
                current = await self.model.load_order(order.id)
            except CabinetError:
                log.info("order %s could not be re-read", order.id)
            self.show_notice(
                self.tr("Order No. %1 can no longer be cancelled: it is %2.")
                .replace("%1", order.number)
                .replace("%2", status_text(current.status).lower()),
                "negative",
            )
            return False
        except CabinetError as error:
            self.show_notice(
                self.tr("Order No. %1 was not cancelled: %2")
                .replace("%1", order.number)
                .replace("%2", describe(error)),
                "negative",
            )
            return False
        finally:
            self._cancelling.discard(order.id)
            self.set_busy(-1)
            self._sync_details_busy(order.id)
        self.show_notice(
            self.tr("Order No. %1 is cancelled.").replace("%1", updated.number), "positive"
        )
        return True

    def _sync_details_busy(self, order_id: str) -> None:
        dialog = self.details_dialog
        if dialog is not None and isValid(dialog) and dialog.order.id == order_id:
            dialog.set_cancelling(order_id in self._cancelling)

    def _summary(self, order: Order) -> str:
        """What the order does, and what cancelling leaves of a partly filled one."""
        from cesec_desktop.views.order_details import order_summary

        text = order_summary(order)
        if order.filled_quantity > 0:
            filled = format_quantity(order.filled_quantity)
            text += "\n" + self.tr("Already filled: %1. That part stays filled.").replace(
                "%1", filled
            )
        return text

    # --- new order -------------------------------------------------------------------------

    def open_order_form(self) -> None:
        """Open the order form (views/order_form.py); a new order then shows here at once."""
        if self.read_only:
            return
        try:
            from cesec_desktop.views.order_form import open_order_form
        except ImportError:
            log.exception("the order form is missing")
            self.show_notice(self.tr("The order form is not available."), "negative")
            return
        result = open_order_form(self, self.session)
        if inspect.isawaitable(result):
            self.tasks.spawn(result, name="order-form")  # type: ignore[arg-type]
        else:
            self.order_form = result
        self.orderFormOpened.emit(result)

    # --- texts -----------------------------------------------------------------------------

    def retranslate_page(self) -> None:
        self.refresh_button.setToolTip(self.tr("Load the orders again"))
        self.new_order_button.setText(self.tr("New order"))
        self.new_order_button.setToolTip(self.tr("Place a buy or sell order (Ctrl+N)"))
        self.empty_new_order.setText(self.tr("New order"))
        statuses = [self.tr("All statuses"), self.tr("Open")]
        statuses += [status_text(s) for s in STATUS_FILTERS[1:]]
        for number, text in enumerate(statuses):
            self.status_filter.setItemText(number, text)
        self.status_filter.setToolTip(self.tr("Status"))
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.market_filter.setItemText(0, self.tr("All markets"))
        self.market_filter.setToolTip(self.tr("Market"))
        self.market_filter.setAccessibleName(self.tr("Market"))
        self.side_filter.setItemText(0, self.tr("Buy and sell"))
        for number, side in enumerate(SIDE_FILTERS, start=1):
            self.side_filter.setItemText(number, side_text(side))
        self.side_filter.setToolTip(self.tr("Side"))
        self.side_filter.setAccessibleName(self.tr("Side"))
        self.cancel_action.setText(self.tr("Cancel order"))

    def loading_texts(self) -> tuple[str, str]:
        return self.tr("Loading orders…"), ""

    def empty_texts(self, filtered: bool) -> tuple[str, str]:
        if filtered:
            return self.tr("No orders match the filters"), self.tr(
                "There are orders in this period, but none with this status, market and side."
            )
        if self.read_only:
            return self.tr("No orders for this period"), self.tr("Choose another period above.")
        return self.tr("No orders for this period"), self.tr(
            "Choose another period above, or place a new order."
        )

    def error_heading(self) -> str:
        return self.tr("The orders could not be loaded")

    def count_text(self, shown: int, loaded: int) -> str:
        if shown == loaded:
            from PySide6.QtCore import QLocale

            return self.tr("Orders: %1").replace("%1", QLocale().toString(shown))
        return super().count_text(shown, loaded)
