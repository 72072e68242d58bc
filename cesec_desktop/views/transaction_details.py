"""Details of one transaction: every field, read-only, with a button to copy them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from cesec_desktop.state.formatting import (
    format_day,
    format_decimal,
    format_moment,
    format_price,
    format_quantity,
)
from cesec_desktop.state.orders_model import market_of
from cesec_desktop.state.vocabulary import SIDE_TONES, side_text
from cesec_desktop.views.details_dialog import DetailsDialog

if TYPE_CHECKING:
    from cesec_desktop.domain.models.orders import Transaction
    from cesec_desktop.settings import Settings


class TransactionDetailsDialog(DetailsDialog):
    """Every field of a transaction; opened with `open()`, never `exec()`.

    Signals:
        orderRequested(str): the order number was clicked; carries the order's id.
    """

    orderRequested = Signal(str)
    geometry_key = "transactionDetails"
    default_size = QSize(520, 0)

    FIELDS: tuple[str, ...] = (
        "number",
        "time",
        "instrument",
        "market",
        "side",
        "price",
        "quantity",
        "amount",
        "fee",
        "currency",
        "settlement_date",
        "account_id",
        "order_id",
        "id",
    )

    def __init__(
        self,
        transaction: Transaction,
        parent: QWidget | None = None,
        *,
        account_number: str | None = None,
        order_number: str | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent, settings=settings)
        self.setObjectName("transactionDetails")
        self.transaction = transaction
        # What the user knows them by (CS01001-KZT, 100677); the ids until the page knows.
        self.account_number = account_number
        self.order_number = order_number
        self.fields = self.field_grid()
        self.order_link = QPushButton(self)
        self.order_link.clicked.connect(self._order_clicked)
        for name in self.FIELDS:
            link = self.order_link if name == "order_id" else None
            self.fields.add(name, link, name=f"transactionDetails_{name}")
        self.values = self.fields.values
        self.labels = self.fields.captions
        self.body.addStretch(1)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("transactionDetailsCopy")
        self.copy_button.clicked.connect(self.copy)
        self.add_button(self.copy_button)
        self.go_live()

    def set_order_number(self, number: str) -> None:
        """The order's number, once the page has read it (the link showed the id till then)."""
        self.order_number = number
        self.render()

    def field_texts(self) -> dict[str, str]:
        """Each field's value as shown (tests and the copy button read these)."""
        t = self.transaction
        currency = str(t.currency)
        return {
            "number": t.number,
            "time": format_moment(t.time),
            "instrument": f"{t.ticker} ({t.instrument_id})",
            "market": market_of(t.instrument_id),
            "side": side_text(t.side),
            "price": format_price(t.price, currency),
            "quantity": format_quantity(t.quantity),
            "amount": f"{format_decimal(t.amount, 2)}\N{NO-BREAK SPACE}{currency}",
            "fee": f"{format_decimal(t.fee, 2)}\N{NO-BREAK SPACE}{currency}",
            "currency": currency,
            "settlement_date": format_day(t.settlement_date),
            "account_id": self.account_number or t.account_id,
            "order_id": self.order_number or t.order_id,
            "id": t.id,
        }

    def label_texts(self) -> dict[str, str]:
        return {
            "number": self.tr("Number"),
            "time": self.tr("Time (Almaty)"),
            "instrument": self.tr("Instrument"),
            "market": self.tr("Market"),
            "side": self.tr("Side"),
            "price": self.tr("Price"),
            "quantity": self.tr("Quantity"),
            "amount": self.tr("Amount"),
            "fee": self.tr("Fee"),
            "currency": self.tr("Currency"),
            "settlement_date": self.tr("Settlement date"),
            "account_id": self.tr("Sub-account"),
            "order_id": self.tr("Order"),
            "id": self.tr("Transaction ID"),
        }

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        for name, text in self.label_texts().items():
            self.fields.set_caption(name, text)
        self.render()

    def render(self) -> None:
        self.set_heading(self.tr("Transaction %1").replace("%1", self.transaction.number))
        for name, text in self.field_texts().items():
            self.fields.set_value(name, text)
        self.fields.set_tone("side", SIDE_TONES[self.transaction.side])
        shown = self.order_number or self.transaction.order_id
        self.order_link.setToolTip(self.tr("Open order %1").replace("%1", shown))
        self.order_link.setAccessibleName(self.order_link.toolTip())

    def copy(self) -> None:
        """All fields as "label<TAB>value" lines, for a support request or a spreadsheet."""
        labels = self.label_texts()
        values = self.field_texts()
        text = "\n".join(f"{labels[n]}\t{values[n]}" for n in self.FIELDS)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)

    def _order_clicked(self) -> None:
        self.orderRequested.emit(self.transaction.order_id)
