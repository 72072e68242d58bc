"""An order's details: every field and the history of its events, and Cancel while it is open.

The row of the list opens it at once; the full order (with its history) is read from the
server behind it, and stream updates for the order keep it current while it is open.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QLabel, QProgressBar, QPushButton, QWidget

from cesec_desktop.state.accessible_cells import label_cells
from cesec_desktop.state.formatting import format_day, format_moment, format_price, format_quantity
from cesec_desktop.state.orders_model import market_of
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import (
    SIDE_TONES,
    STATUS_TONES,
    side_text,
    signature_text,
    status_text,
    tone_color,
    type_text,
)
from cesec_desktop.views.details_dialog import DetailsDialog, FieldGrid, style_history
from cesec_desktop.views.forms.ui_order_details import Ui_OrderDetailsForm
from cesec_desktop.views.style import restyle

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.orders import Order
    from cesec_desktop.settings import Settings

log = logging.getLogger(__name__)

LoadOrder = Callable[[str], Awaitable["Order"]]
"""Reads one order with its history from the server."""

HISTORY_COLUMNS = 5
TIME, STATUS, EVENT, QUANTITY, PRICE = range(HISTORY_COLUMNS)
DASH = "\N{EM DASH}"
FIELDS = (
    "instrument",
    "side",
    "type",
    "price",
    "averagePrice",
    "quantity",
    "filled",
    "account",
    "created",
    "updated",
    "validUntil",
    "signature",
    "orderId",
    "reject",
)
"""The form's fields: `<name>Caption` and `<name>Value` in ui/order_details.ui."""
SIGNED_AT_CELL = (6, 3)
"""Row and caption column of "Signed at", made here: the form's right column ends at row 5."""


def order_summary(order: Order, locale: QLocale | None = None) -> str:
    """ "Buy 10 HSBK (KASE) at 385.00 KZT", in the UI language."""
    locale = locale if locale is not None else QLocale()
    what = " ".join(
        (
            side_text(order.side),
            format_quantity(order.quantity, locale),
            f"{order.ticker} ({market_of(order.instrument_id)})",
        )
    )
    if order.price is None:
        return QCoreApplication.translate("OrderSummary", "%1 at the market price").replace(
            "%1", what
        )
    price = format_price(order.price, order.currency.value, locale)
    return (
        QCoreApplication.translate("OrderSummary", "%1 at %2")
        .replace("%1", what)
        .replace("%2", price)
    )


class _OrderDetailsUi(Ui_OrderDetailsForm):
    """The form's widgets, and the frame's under the names the form once gave them."""

    titleLabel: QLabel
    statusLabel: QLabel
    summaryLabel: QLabel
    busyBar: QProgressBar
    cancelOrderButton: QPushButton
    closeButton: QPushButton


class OrderDetailsDialog(DetailsDialog):
    """Every field of one order and its event history.

    Signals:
        cancelRequested(str): the user asked to cancel the order (the page confirms it).
    """

    cancelRequested = Signal(str)
    geometry_key = "orderDetails"
    default_size = QSize(860, 600)

    def __init__(
        self,
        order: Order,
        *,
        account: str = "",
        read_only: bool = False,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent, settings=settings)
        self._order = order
        # A broker watches a client's orders and may not cancel them.
        self.read_only = read_only
        self._account = account or order.account_id
        self._history_state = "list"  # list (no history yet), loading, loaded, failed
        self._failure = ""
        self._cancelling = False
        self._load_task: asyncio.Task[None] | None = None
        self.setObjectName("orderDetailsDialog")
        self._content = QWidget(self)
        self.ui = ui = _OrderDetailsUi()
        ui.setupUi(self._content)
        self.body.addWidget(self._content, 1)
        self.fields = FieldGrid(panel=ui.fieldsPanel)
        for name in FIELDS:
            self.fields.adopt(name, getattr(ui, f"{name}Caption"), getattr(ui, f"{name}Value"))
        self._add_signed_at(ui.fieldsPanel)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelOrderButton")
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.add_button(self.cancel_button)
        # The frame's widgets under the names the form gave them before there was a frame
        # (the Orders page's tests read dialog.ui.titleLabel and the like).
        ui.titleLabel, ui.statusLabel, ui.summaryLabel = self.heading, self.badge, self.subtitle
        ui.busyBar, ui.closeButton = self.busy_bar, self.close_button
        ui.cancelOrderButton = self.cancel_button
        self.history_model = QStandardItemModel(0, HISTORY_COLUMNS, self)
        view = ui.historyView
        view.setModel(self.history_model)
        style_history(view)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
        self.go_live()
        self.close_button.setFocus()

    def _add_signed_at(self, panel: QWidget) -> None:
        """The time a timestamp token proves the order was signed (CAdES-T), under its ID."""
        caption, value = QLabel(panel), QLabel(panel)
        caption.setObjectName("signedAtCaption")
        value.setObjectName("signedAtValue")
        row, column = SIGNED_AT_CELL
        self.fields.grid.addWidget(caption, row, column)
        self.fields.grid.addWidget(value, row, column + 1)
        self.fields.adopt("signedAt", caption, value)

    # --- state -----------------------------------------------------------------------------

    @property
    def order(self) -> Order:
        return self._order

    @property
    def history_state(self) -> str:
        return self._history_state

    def value_text(self, field: str) -> str:
        """What a field shows ("price", "filled", "account"…), as on screen."""
        return self.fields.value_text(field)

    def history_rows(self) -> list[list[str]]:
        model = self.history_model
        return [
            [model.index(row, column).data() or "" for column in range(HISTORY_COLUMNS)]
            for row in range(model.rowCount())
        ]

    # --- loading and updates ---------------------------------------------------------------

    def load(self, fetch: LoadOrder, tasks: TaskTracker | None = None) -> None:
        """Read the full order (with its history) behind what the list already showed."""
        self._history_state = "loading"
        self.render()
        tracker = tasks if tasks is not None else TaskTracker("order-details")
        self._load_task = tracker.spawn(self._load(fetch), name="order-details-load")

    async def _load(self, fetch: LoadOrder) -> None:
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.views.messages import describe

        try:
            order = await fetch(self._order.id)
        except CabinetError as error:
            log.info("order details did not load (%s)", error.code)
            self._failure = describe(error)
            self._history_state = "failed"
            self.render()
            return
        self._history_state = "loaded"
        self.set_order(order)

    def orders_updated(self, orders: Sequence[Order]) -> None:
        """Slot for the list's updates: follow this order's."""
        for order in orders:
            if order.id == self._order.id:
                self.set_order(order)

    def set_order(self, order: Order) -> None:
        if order.updated_at < self._order.updated_at:
            return
        if not order.history and self._order.history:
            # A list item carries no history: keep the one read before.
            order = order.model_copy(update={"history": self._order.history})
        self._order = order
        if order.history and self._history_state in ("list", "failed"):
            self._history_state = "loaded"
        self.render()

    def set_cancelling(self, busy: bool) -> None:
        self._cancelling = busy
        self.render()

    def _cancel_clicked(self) -> None:
        if not self._cancelling and self._order.status.is_open:
            self.cancelRequested.emit(self._order.id)

    # --- rendering -------------------------------------------------------------------------

    def render(self) -> None:
        order, locale, ui = self._order, QLocale(), self.ui
        self.set_heading(self.tr("Order No. %1").replace("%1", order.number))
        self.set_badge(status_text(order.status), STATUS_TONES[order.status])
        self.set_subtitle(order_summary(order, locale))
        currency = order.currency.value
        if order.price is not None:
            price = format_price(order.price, currency, locale)
        else:
            price = self.tr("At the market price")
        average = order.average_fill_price
        filled = format_quantity(order.filled_quantity, locale)
        remaining = order.quantity - order.filled_quantity
        if order.filled_quantity > 0 and remaining > 0:
            filled = (
                self.tr("%1, %2 remaining")
                .replace("%1", filled)
                .replace("%2", format_quantity(remaining, locale))
            )
        texts = {
            "instrument": f"{order.ticker} \N{MIDDLE DOT} {order.instrument_id}",
            "side": side_text(order.side),
            "type": type_text(order.type),
            "price": price,
            "averagePrice": DASH if average is None else format_price(average, currency, locale),
            "quantity": format_quantity(order.quantity, locale),
            "filled": filled,
            "account": self._account,
            "created": format_moment(order.created_at, locale),
            "updated": format_moment(order.updated_at, locale),
            "validUntil": format_day(order.valid_until, locale),
            "signature": signature_text(order.signature_method),
            "signedAt": format_moment(order.signed_at, locale),
            "orderId": order.id,
            "reject": order.reject_reason or "",
        }
        for name, text in texts.items():
            self.fields.set_value(name, text)
        self.fields.set_tone("side", SIDE_TONES[order.side])
        self.fields.show_field("reject", bool(order.reject_reason))
        self.fields.show_field("signedAt", order.signed_at is not None)
        ui.cancelOrderButton.setVisible(order.status.is_open and not self.read_only)
        ui.cancelOrderButton.setEnabled(not self._cancelling)
        self.set_busy(self._cancelling or self._history_state == "loading")
        self._render_history()

    def _render_history(self) -> None:
        order, locale, state = self._order, QLocale(), self._history_state
        model = self.history_model
        model.removeRows(0, model.rowCount())
        for event in order.history:
            quantity = (
                format_quantity(event.filled_quantity, locale)
                if event.filled_quantity is not None
                else ""
            )
            price = format_price(event.price, "", locale) if event.price is not None else ""
            items = [
                QStandardItem(format_moment(event.time, locale)),
                QStandardItem(status_text(event.status)),
                QStandardItem(event.message),
                QStandardItem(quantity),
                QStandardItem(price),
            ]
            items[STATUS].setForeground(tone_color(STATUS_TONES[event.status]))
            items[EVENT].setToolTip(event.message)
            for item in items[QUANTITY:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            model.appendRow(items)
        label_cells(model)
        self.ui.historyView.resizeRowsToContents()
        if state == "loading":
            note = self.tr("Loading the history…")
        elif state == "failed":
            note = self.tr("The history could not be loaded: %1").replace("%1", self._failure)
        elif not order.history:
            note = self.tr("No events yet.")
        else:
            note = ""
        self.ui.historyStatus.setText(note)
        self.ui.historyStatus.setVisible(bool(note))
        restyle(self.ui.historyStatus, role="error" if state == "failed" else "muted")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self._content)
        self.fields.set_caption("signedAt", self.tr("Signed at"))
        self.cancel_button.setText(self.tr("Cancel order"))
        self.history_model.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Status"),
                self.tr("Event"),
                self.tr("Quantity"),
                self.tr("Price"),
            ]
        )
        metrics = QFontMetrics(self.ui.historyView.font())
        bold = QFont(self.ui.historyView.font())
        bold.setWeight(QFont.Weight.DemiBold)
        header_metrics = QFontMetrics(bold)
        moment = format_moment(self._order.created_at, QLocale())
        samples = {
            TIME: moment,
            STATUS: max((status_text(s) for s in STATUS_TONES), key=metrics.horizontalAdvance),
            QUANTITY: format_quantity(Decimal("10000"), QLocale()),
            PRICE: format_price(Decimal("44700.00"), "", QLocale()),
        }
        header = self.ui.historyView.horizontalHeader()
        for column, sample in samples.items():
            title = self.history_model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(metrics.horizontalAdvance(sample), header_metrics.horizontalAdvance(title))
            header.resizeSection(column, width + 36)
        self.render()

    def done(self, result: int) -> None:
        task = self._load_task
        if task is not None and not task.done():
            task.cancel()
        super().done(result)
