"""What an instruction is about, in one line: a withdrawal's amount, or a contact change's
new phone (masked) or e-mail. Lists, details, notifications and exports share it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from cesec_desktop.state.formatting import format_money

if TYPE_CHECKING:
    from cesec_desktop.domain.models.instructions import ContactChange, Instruction


def contact_change_text(change: ContactChange | None) -> str:
    """ "Change of phone: +7 707 *** ** 34", "Change of e-mail: …", or both."""
    if change is None:
        return QCoreApplication.translate("InstructionTexts", "Change of contact details")
    if change.phone is not None and change.email is not None:
        return (
            QCoreApplication.translate("InstructionTexts", "Change of phone and e-mail: %1, %2")
            .replace("%1", change.phone)
            .replace("%2", change.email)
        )
    if change.phone is not None:
        return QCoreApplication.translate("InstructionTexts", "Change of phone: %1").replace(
            "%1", change.phone
        )
    return QCoreApplication.translate("InstructionTexts", "Change of e-mail: %1").replace(
        "%1", change.email or ""
    )


def instruction_summary(instruction: Instruction, locale: QLocale | None = None) -> str:
    """The amount of a withdrawal, or what a contact change changes."""
    if instruction.is_contact_change:
        return contact_change_text(instruction.contact_change)
    return format_money(instruction.amount, instruction.currency.value, locale)
