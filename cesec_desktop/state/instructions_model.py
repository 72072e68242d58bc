"""Instructions (cash withdrawals) as a table: the columns of the Instructions page over
`PagedStreamModel`, and a proxy that sorts on keys computed once per row and filters by
status.

Paging, retry, live events and sorting are list_model.py's; this module says only what is
particular to instructions: the list call, the stream signal, the row type and the columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal

from cesec_desktop.domain.enums import InstructionStatus, InstructionType
from cesec_desktop.domain.iban import mask_iban
from cesec_desktop.state.formatting import format_moment, format_moment_short, format_price
from cesec_desktop.state.instruction_texts import contact_change_text
from cesec_desktop.state.list_model import (
    RIGHT,
    CellPainter,
    ColumnSpec,
    KeyedSortProxy,
    PagedStreamModel,
    menu_column,
    number_column,
)
from cesec_desktop.state.roles import ROW_ROLE, SORT_ROLE, TONE_ROLE
from cesec_desktop.state.vocabulary import INSTRUCTION_STATUS_TONES as STATUS_TONES
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.state.vocabulary import instruction_type_text as type_text

if TYPE_CHECKING:
    from cesec_desktop.domain.models.instructions import Instruction

INSTRUCTION_ROLE = ROW_ROLE
"""The row's `Instruction`."""


class Column(IntEnum):
    MENU = 0
    NUMBER = 1
    CREATED = 2
    TYPE = 3
    AMOUNT = 4
    CURRENCY = 5
    IBAN = 6
    BANK = 7
    STATUS = 8


COLUMNS = tuple(Column)

_STATUS_ORDER = {status: n for n, status in enumerate(InstructionStatus)}
_SAMPLE_MOMENT = datetime(2026, 12, 28, 18, 59, tzinfo=UTC)


def _amount(i: Instruction, locale: Any) -> str:
    # A change of contact details moves no money: the cell says what it changes instead.
    if i.is_contact_change:
        return contact_change_text(i.contact_change)
    return format_price(i.amount, "", locale)


def _payment(i: Instruction, text: str) -> str:
    """A withdrawal's payment detail; nothing for a change of contact details."""
    return "" if i.is_contact_change else text


INSTRUCTION_COLUMNS: tuple[ColumnSpec[Instruction], ...] = (
    menu_column(tooltip=lambda: QCoreApplication.translate("InstructionsModel", "Actions")),
    number_column(
        title=lambda: QCoreApplication.translate("InstructionsModel", "No."),
        sample="0000000",
    ),
    ColumnSpec(
        key="created",
        title=lambda: QCoreApplication.translate("InstructionsModel", "Created"),
        display=lambda i, locale: format_moment_short(i.created_at, locale),
        sort_key=lambda i: i.created_at,
        sample=lambda locale: format_moment_short(_SAMPLE_MOMENT, locale),
        cell_tooltip=lambda i, locale: format_moment(i.created_at, locale),
    ),
    ColumnSpec(
        key="type",
        title=lambda: QCoreApplication.translate("InstructionsModel", "Type"),
        display=lambda i, _locale: type_text(i.type),
        sort_key=lambda i: str(i.type),
        sample=lambda _locale: max(map(type_text, InstructionType), key=len),
        priority=3,
    ),
    ColumnSpec(
        key="amount",
        title=lambda: QCoreApplication.translate("InstructionsModel", "Amount"),
        display=_amount,
        sort_key=lambda i: i.amount,
        # The raw number a file gets: none for a contact change, whose cell is its text.
        value=lambda i: None if i.is_contact_change else i.amount,
        sample=lambda locale: format_price(Decimal("99999999.99"), "", locale),
        align=RIGHT,
        currency=lambda i: _payment(i, str(i.currency)) or None,
        cell_tooltip=lambda i, _locale: (
            contact_change_text(i.contact_change) if i.is_contact_change else None
        ),
    ),
    ColumnSpec(
        key="currency",
        title=lambda: QCoreApplication.translate("InstructionsModel", "Currency"),
        display=lambda i, _locale: _payment(i, str(i.currency)),
        sort_key=lambda i: str(i.currency),
        sample=lambda _locale: "KZT",
    ),
    ColumnSpec(
        key="iban",
        title=lambda: QCoreApplication.translate("InstructionsModel", "IBAN"),
        display=lambda i, _locale: _payment(i, mask_iban(i.iban)),
        sort_key=lambda i: i.iban,
        sample=lambda _locale: "KZ00 **** **** 0000",
        priority=2,
    ),
    ColumnSpec(
        key="bank",
        title=lambda: QCoreApplication.translate("InstructionsModel", "Bank"),
        display=lambda i, _locale: i.bank_name,
        sort_key=lambda i: i.bank_name.casefold(),
        sample=lambda _locale: "Halyk Bank",
        cell_tooltip=lambda i, _locale: _payment(i, f"{i.bank_name} ({i.bic})") or None,
        priority=1,
    ),
    ColumnSpec(
        key="status",
        title=lambda: QCoreApplication.translate("InstructionsModel", "Status"),
        display=lambda i, _locale: status_text(i.status),
        sort_key=lambda i: _STATUS_ORDER[i.status],
        sample=lambda _locale: max(map(status_text, InstructionStatus), key=len),
        painter=CellPainter.PILL,
        tone=lambda i: STATUS_TONES[i.status],
        cell_tooltip=lambda i, _locale: i.reject_reason or None,
    ),
)
assert [spec.key for spec in INSTRUCTION_COLUMNS] == [c.name.lower() for c in Column]

SORT_KEYS = {Column(n): spec.sort_key for n, spec in enumerate(INSTRUCTION_COLUMNS)}
"""Sort key per column (None: the column does not sort)."""


class InstructionsModel(PagedStreamModel["Instruction"]):
    """The instructions of one period, newest first, kept current from
    `session.instructionUpdated`.

    Signals (besides `PagedStreamModel`'s):
        instructionsUpdated(list[Instruction]): rows already in the model changed.
    """

    instructionsUpdated = Signal(list)

    columns = INSTRUCTION_COLUMNS
    PAGE_SIZE = 200
    STREAM_SIGNAL = "instructionUpdated"
    TASK_NAME = "instructions"
    UPDATED_SIGNAL = "instructionsUpdated"

    def menu_accessible(self, row: Instruction) -> str:
        return self.tr("Actions for instruction %1").replace("%1", row.number)

    def market(self, row: Instruction) -> str | None:
        return None

    def instructions(self) -> list[Instruction]:
        return list(self._rows)

    def instruction_at(self, row: int) -> Instruction:
        return self._rows[row]

    async def load_instruction(self, instruction_id: str) -> Instruction:
        """One instruction with its full history, from the server; the row follows."""
        return await self._load_one(lambda client, who: client.instruction(instruction_id, **who))


class InstructionsProxyModel(KeyedSortProxy):
    """Sorts an `InstructionsModel` (newest first costs nothing) and filters it by status."""

    NATURAL = ("created", Qt.SortOrder.DescendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[InstructionStatus] | None = None

    @property
    def statuses(self) -> frozenset[InstructionStatus] | None:
        return self._statuses

    def set_statuses(self, statuses: Iterable[InstructionStatus | str] | None) -> None:
        wanted = None if statuses is None else frozenset(InstructionStatus(s) for s in statuses)
        if wanted != self._statuses:
            self.change_filter(lambda: setattr(self, "_statuses", wanted))

    def accepts(self, row: Instruction) -> bool:
        return self._statuses is None or row.status in self._statuses


__all__ = [
    "COLUMNS",
    "INSTRUCTION_COLUMNS",
    "INSTRUCTION_ROLE",
    "SORT_KEYS",
    "SORT_ROLE",
    "TONE_ROLE",
    "Column",
    "InstructionsModel",
    "InstructionsProxyModel",
]
