"""An order's details: every field and the history of its events, and Cancel while it is open.

The row of the list opens it at once; the full order (with its history) is read from the
server behind it, and stream updates for the order keep it current while it is open.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QWidget

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
from cesec_desktop.views.forms.ui_order_details import Ui_OrderDetailsForm

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.orders import Order

log = logging.getLogger(__name__)

LoadOrder = Callable[[str], Awaitable["Order"]]
"""Reads one order with its history from the server."""

HISTORY_COLUMNS = 5
TIME, STATUS, EVENT, QUANTITY, PRICE = range(HISTORY_COLUMNS)
DASH = "\N{EM DASH}"
HISTORY_SHEET = """
QTableView#historyView {
    background: palette(base);
    alternate-background-color: palette(alternate-base);
    border: 1px solid palette(mid);
    border-radius: 8px;
    gridline-color: transparent;
}
QTableView#historyView::item {
    border: none;
    padding: 0px 8px;
}
QTableView#historyView QHeaderView::section {
    background: palette(base);
    color: palette(text);
    border: none;
    border-bottom: 1px solid palette(mid);
    padding: 6px 11px; /* the items' 8px and the style's own 3px: headers over their text */
    font-weight: 600;
}
"""


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


def pill_sheet(color: QColor) -> str:
    """A rounded, tinted badge in a tone's colour (the status in the header)."""
    fill = QColor(color)
    fill.setAlphaF(0.14)
    return (
        f"color: {color.name()}; background: {fill.name(QColor.NameFormat.HexArgb)};"
        " border-radius: 10px; padding: 2px 10px; font-weight: 600;"
    )


class OrderDetailsDialog(QDialog):
    """Every field of one order and its event history.

    Signals:
        cancelRequested(str): the user asked to cancel the order (the page confirms it).
    """

    cancelRequested = Signal(str)

    def __init__(
        self,
        order: Order,
        *,
        account: str = "",
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._order = order
        # A broker watches a client's orders and may not cancel them.
        self.read_only = read_only
        self._account = account or order.account_id
        self._history_state = "list"  # list (no history yet), loading, loaded, failed
        self._failure = ""
        self._cancelling = False
        self._load_task: asyncio.Task[None] | None = None
        self.ui = Ui_OrderDetailsForm()
        self.ui.setupUi(self)
        self.setObjectName("orderDetailsDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.ui.busyBar.setFixedSize(80, 3)
        self.ui.busyBar.hide()
        self.ui.titleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_model = QStandardItemModel(0, HISTORY_COLUMNS, self)
        view = self.ui.historyView
        view.setStyleSheet(HISTORY_SHEET)
        view.setModel(self.history_model)
        view.setAlternatingRowColors(True)
        view.setWordWrap(True)  # a few events at most: long messages wrap, rows fit them
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        self.ui.closeButton.clicked.connect(self.accept)
        self.ui.cancelOrderButton.clicked.connect(self._cancel_clicked)
        self._retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(860, 600)))
        self.ui.closeButton.setFocus()

    # --- state -----------------------------------------------------------------------------

    @property
    def order(self) -> Order:
        return self._order

    @property
    def history_state(self) -> str:
        return self._history_state

    def value_text(self, field: str) -> str:
        """What a field shows ("price", "filled", "account"…), as on screen."""
        label: QLabel = getattr(self.ui, f"{field}Value")
        return label.text()

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
        self._render()
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
            self._render()
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
        self._render()

    def set_cancelling(self, busy: bool) -> None:
        self._cancelling = busy
        self._render()

    def _cancel_clicked(self) -> None:
        if not self._cancelling and self._order.status.is_open:
            self.cancelRequested.emit(self._order.id)

    # --- rendering -------------------------------------------------------------------------

    def _render(self) -> None:
        order, locale, ui = self._order, QLocale(), self.ui
        self.setWindowTitle(self.tr("Order No. %1").replace("%1", order.number))
        ui.titleLabel.setText(self.tr("Order No. %1").replace("%1", order.number))
        ui.statusLabel.setText(status_text(order.status))
        ui.statusLabel.setStyleSheet(pill_sheet(tone_color(STATUS_TONES[order.status])))
        ui.summaryLabel.setText(order_summary(order, locale))
        currency = order.currency.value
        ui.instrumentValue.setText(f"{order.ticker} \N{MIDDLE DOT} {order.instrument_id}")
        ui.sideValue.setText(side_text(order.side))
        ui.sideValue.setStyleSheet(
            f"color: {tone_color(SIDE_TONES[order.side]).name()}; font-weight: 600;"
        )
        ui.typeValue.setText(type_text(order.type))
        ui.priceValue.setText(
            format_price(order.price, currency, locale)
            if order.price is not None
            else self.tr("At the market price")
        )
        ui.averagePriceValue.setText(
            format_price(order.average_fill_price, currency, locale)
            if order.average_fill_price is not None
            else DASH
        )
        ui.quantityValue.setText(format_quantity(order.quantity, locale))
        filled = format_quantity(order.filled_quantity, locale)
        remaining = order.quantity - order.filled_quantity
        if order.filled_quantity > 0 and remaining > 0:
            filled = (
                self.tr("%1, %2 remaining")
                .replace("%1", filled)
                .replace("%2", format_quantity(remaining, locale))
            )
        ui.filledValue.setText(filled)
        ui.accountValue.setText(self._account)
        ui.createdValue.setText(format_moment(order.created_at, locale))
        ui.updatedValue.setText(format_moment(order.updated_at, locale))
        ui.validUntilValue.setText(format_day(order.valid_until, locale))
        ui.signatureValue.setText(signature_text(order.signature_method))
        ui.orderIdValue.setText(order.id)
        reason = order.reject_reason or ""
        ui.rejectCaption.setVisible(bool(reason))
        ui.rejectValue.setVisible(bool(reason))
        ui.rejectValue.setText(reason)
        ui.cancelOrderButton.setVisible(order.status.is_open and not self.read_only)
        ui.cancelOrderButton.setEnabled(not self._cancelling)
        ui.busyBar.setVisible(self._cancelling or self._history_state == "loading")
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
        self.ui.historyStatus.setProperty("role", "error" if state == "failed" else "muted")
        self.ui.historyStatus.style().polish(self.ui.historyStatus)

    def _retranslate(self) -> None:
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
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        elif kind == QEvent.Type.PaletteChange:
            self._render()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        task = self._load_task
        if task is not None and not task.done():
            task.cancel()
        super().done(result)
