"""Details of one transaction: every field, read-only, with a button to copy them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.formatting import (
    format_day,
    format_decimal,
    format_moment,
    format_price,
    format_quantity,
)
from cesec_desktop.state.orders_model import market_of
from cesec_desktop.state.vocabulary import side_text

if TYPE_CHECKING:
    from cesec_desktop.domain.models.orders import Transaction


class TransactionDetailsDialog(QDialog):
    """Every field of a transaction; opened with `open()`, never `exec()`."""

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

    def __init__(self, transaction: Transaction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transactionDetails")
        self.transaction = transaction
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "dialogTitle")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(24)
        self.form.setVerticalSpacing(8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for name in self.FIELDS:
            label = QLabel(self)
            label.setProperty("role", "muted")
            value = QLabel(self)
            value.setObjectName(f"transactionDetails_{name}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[name] = label
            self.values[name] = value
            self.form.addRow(label, value)
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("transactionDetailsCopy")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

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
            "account_id": t.account_id,
            "order_id": t.order_id,
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
        self.setWindowTitle(self.tr("Transaction details"))
        self.heading.setText(self.tr("Transaction %1").replace("%1", self.transaction.number))
        self.copy_button.setText(self.tr("Copy"))
        labels = self.label_texts()
        values = self.field_texts()
        for name in self.FIELDS:
            self.labels[name].setText(labels[name])
            self.values[name].setText(values[name])

    def copy(self) -> None:
        """All fields as "label<TAB>value" lines, for a support request or a spreadsheet."""
        labels = self.label_texts()
        values = self.field_texts()
        text = "\n".join(f"{labels[n]}\t{values[n]}" for n in self.FIELDS)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
