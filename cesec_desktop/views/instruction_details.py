"""An instruction's Details: every field, and its history, newest last; follows live changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.formatting import format_moment, format_price
from cesec_desktop.state.vocabulary import INSTRUCTION_STATUS_TONES as STATUS_TONES
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.state.vocabulary import instruction_type_text as type_text
from cesec_desktop.state.vocabulary import tone_color

if TYPE_CHECKING:
    from cesec_desktop.domain.models.instructions import Instruction


class InstructionDetailsDialog(QDialog):
    """Read-only: the instruction as the server has it, updated by `show_instruction`."""

    FIELDS = (
        "number",
        "status",
        "type",
        "created",
        "updated",
        "account",
        "amount",
        "recipient_iin",
        "iban",
        "bank",
        "bic",
        "purpose",
        "knp",
        "kbe",
        "signature",
        "reject_reason",
    )

    def __init__(
        self, instruction: Instruction, account_number: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("instructionDetails")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(660)
        self.instruction = instruction
        self.account_number = account_number
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        layout.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(18)
        self.form.setVerticalSpacing(6)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            name = QLabel(self)
            name.setProperty("role", "muted")
            value = QLabel(self)
            value.setObjectName(f"instructionField_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.names[key] = name
            self.values[key] = value
            self.form.addRow(name, value)
        layout.addLayout(self.form)
        self.history_title = QLabel(self)
        self.history_title.setProperty("role", "cardTitle")
        layout.addWidget(self.history_title)
        self.history = QTableWidget(0, 3, self)
        self.history.setObjectName("instructionHistory")
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setMinimumHeight(130)
        self.history.setShowGrid(False)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(True)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    def show_instruction(self, instruction: Instruction) -> None:
        if instruction.id == self.instruction.id:
            self.instruction = instruction
            self._fill()

    def field_text(self, key: str) -> str:
        return self.values[key].text()

    def history_rows(self) -> list[tuple[str, str, str]]:
        table = self.history
        return [
            tuple(table.item(row, c).text() for c in range(3))  # type: ignore[misc]
            for row in range(table.rowCount())
        ]

    def _fill(self) -> None:
        item = self.instruction
        locale = QLocale()
        none = "\N{EM DASH}"
        signature = {
            "sms": self.tr("SMS code"),
            "eds": self.tr("EDS (NCALayer)"),
        }.get(item.signature_method, item.signature_method)
        texts = {
            "number": item.number,
            "status": status_text(item.status),
            "type": type_text(item.type),
            "created": format_moment(item.created_at, locale),
            "updated": format_moment(item.updated_at, locale),
            "account": self.account_number or item.account_id,
            "amount": format_price(item.amount, str(item.currency), locale),
            "recipient_iin": item.recipient_iin,
            "iban": item.iban,
            "bank": item.bank_name,
            "bic": item.bic,
            "purpose": item.purpose or none,
            "knp": item.knp,
            "kbe": item.kbe,
            "signature": signature or none,
            "reject_reason": item.reject_reason or none,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        status = self.values["status"]
        status.setStyleSheet(f"color: {tone_color(STATUS_TONES[item.status]).name()};")
        reason_shown = bool(item.reject_reason)
        self.names["reject_reason"].setVisible(reason_shown)
        self.values["reject_reason"].setVisible(reason_shown)
        self.heading.setText(self.tr("Instruction No. %1").replace("%1", item.number))
        self.setWindowTitle(self.heading.text())
        events = sorted(item.history, key=lambda e: e.time)
        self.history.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (format_moment(event.time, locale), status_text(event.status), event.message)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 1:
                    cell.setForeground(tone_color(STATUS_TONES[event.status]))
                self.history.setItem(row, column, cell)
        self.history.resizeRowsToContents()

    def retranslate(self) -> None:
        labels = {
            "number": self.tr("Number"),
            "status": self.tr("Status"),
            "type": self.tr("Type"),
            "created": self.tr("Created"),
            "updated": self.tr("Last change"),
            "account": self.tr("Sub-account"),
            "amount": self.tr("Amount"),
            "recipient_iin": self.tr("Recipient IIN"),
            "iban": self.tr("IBAN"),
            "bank": self.tr("Bank"),
            "bic": self.tr("BIC"),
            "purpose": self.tr("Purpose"),
            "knp": self.tr("Payment purpose code (KNP)"),
            "kbe": self.tr("Beneficiary code (KBe)"),
            "signature": self.tr("Signed with"),
            "reject_reason": self.tr("Reason for rejection"),
        }
        for key, text in labels.items():
            self.names[key].setText(text)
        self.history_title.setText(self.tr("History"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Status"), self.tr("Comment")]
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
