"""An instruction's Details: every field, and its history, newest last; follows live changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from cesec_desktop.state.accessible_cells import label_cells
from cesec_desktop.state.formatting import format_moment, format_price
from cesec_desktop.state.instruction_texts import contact_change_text
from cesec_desktop.state.vocabulary import INSTRUCTION_STATUS_TONES as STATUS_TONES
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.state.vocabulary import instruction_type_text as type_text
from cesec_desktop.state.vocabulary import tone_color
from cesec_desktop.views.details_dialog import DetailsDialog, style_history

if TYPE_CHECKING:
    from cesec_desktop.domain.models.instructions import Instruction
    from cesec_desktop.settings import Settings


class InstructionDetailsDialog(DetailsDialog):
    """Read-only: the instruction as the server has it, updated by `show_instruction`."""

    geometry_key = "instructionDetails"
    default_size = QSize(860, 600)

    FIELDS = (
        "number",
        "status",
        "type",
        "created",
        "updated",
        "account",
        "signature",
        "signed_at",
        "change",
        "amount",
        "recipient_iin",
        "iban",
        "bank",
        "bic",
        "knp",
        "kbe",
        "purpose",
        "reject_reason",
    )
    # The instruction on the left, the payment on the right, the long texts under both.
    SECOND_COLUMN = frozenset(("amount", "recipient_iin", "iban", "bank", "bic", "knp", "kbe"))
    WIDE = frozenset(("change", "purpose", "reject_reason"))
    PAYMENT = frozenset(("account", "amount", "recipient_iin", "iban", "bank", "bic", "knp", "kbe"))
    """A withdrawal's fields: a change of contact details has none of them."""

    def __init__(
        self,
        instruction: Instruction,
        account_number: str = "",
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent, settings=settings)
        self.setObjectName("instructionDetails")
        self.instruction = instruction
        self.account_number = account_number
        self.fields = self.field_grid()
        for key in self.FIELDS:
            wide = key in self.WIDE
            column = 1 if key in self.SECOND_COLUMN else 0
            self.fields.add(key, column=column, wide=wide, name=f"instructionField_{key}")
        self.names = self.fields.captions
        self.values = self.fields.values
        self.history_title = QLabel(self)
        self.history_title.setProperty("role", "cardTitle")
        self.body.addWidget(self.history_title)
        self.history = QTableWidget(0, 3, self)
        self.history.setObjectName("instructionHistory")
        style_history(self.history)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.history, 1)
        self.go_live()

    def show_instruction(self, instruction: Instruction) -> None:
        if instruction.id == self.instruction.id:
            self.instruction = instruction
            self.render()

    def field_text(self, key: str) -> str:
        return self.fields.value_text(key)

    def history_rows(self) -> list[tuple[str, str, str]]:
        table = self.history
        return [
            tuple(table.item(row, c).text() for c in range(3))  # type: ignore[misc]
            for row in range(table.rowCount())
        ]

    def render(self) -> None:
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
            "signed_at": format_moment(item.signed_at, locale),
            "reject_reason": item.reject_reason or none,
            "change": contact_change_text(item.contact_change),
        }
        for key, text in texts.items():
            self.fields.set_value(key, text)
        contact = item.is_contact_change
        for key in self.PAYMENT | {"purpose"}:
            self.fields.show_field(key, not contact)
        self.fields.show_field("change", contact)
        self.fields.set_tone("status", STATUS_TONES[item.status])
        self.fields.show_field("reject_reason", bool(item.reject_reason))
        # Only a timestamped EDS signature (CAdES-T) proves when it was made.
        self.fields.show_field("signed_at", item.signed_at is not None)
        self.set_heading(self.tr("Instruction No. %1").replace("%1", item.number))
        events = sorted(item.history, key=lambda e: e.time)
        self.history.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (format_moment(event.time, locale), status_text(event.status), event.message)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 1:
                    cell.setForeground(tone_color(STATUS_TONES[event.status]))
                self.history.setItem(row, column, cell)
        label_cells(self.history.model())
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
            "signed_at": self.tr("Signed at"),
            "reject_reason": self.tr("Reason for rejection"),
            "change": self.tr("Change"),
        }
        for key, text in labels.items():
            self.fields.set_caption(key, text)
        self.history_title.setText(self.tr("History"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Status"), self.tr("Comment")]
        )
        self.render()
