"""One vocabulary per language: the words and colours for statuses, sides and types.

Defined once and used by Home, the list pages, details, notifications and exports, so a
status has one name everywhere. The translation contexts ("OrderLabels",
"InstructionLabels") hold the cabinet's own words in kk and ru.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from cesec_desktop.domain.enums import (
    InstructionStatus,
    InstructionType,
    OrderStatus,
    OrderType,
    Side,
)
from cesec_desktop.state.theme import is_dark


class Tone(StrEnum):
    INFO = "info"
    WARNING = "warning"
    POSITIVE = "positive"
    NEGATIVE = "negative"
    MUTED = "muted"


STATUS_TONES = {
    OrderStatus.NEW: Tone.INFO,
    OrderStatus.ACTIVE: Tone.INFO,
    OrderStatus.PARTIALLY_FILLED: Tone.WARNING,
    OrderStatus.FILLED: Tone.POSITIVE,
    OrderStatus.CANCELLED: Tone.MUTED,
    OrderStatus.REJECTED: Tone.NEGATIVE,
    OrderStatus.EXPIRED: Tone.MUTED,
}
SIDE_TONES = {Side.BUY: Tone.POSITIVE, Side.SELL: Tone.NEGATIVE}

TONE_COLORS: dict[str, dict[Tone, str]] = {
    # 4.5:1 on table rows, selected rows and the tone's own pill tint (issue 18's contrast
    # test, tests/state/test_theme_contrast.py); the dark set serves the high-contrast theme.
    "light": {
        Tone.INFO: "#0a539c",
        Tone.WARNING: "#784700",
        Tone.POSITIVE: "#155f34",
        Tone.NEGATIVE: "#9d2020",
        Tone.MUTED: "#4c5464",
    },
    "dark": {
        Tone.INFO: "#9bc6f8",
        Tone.WARNING: "#f6b100",
        Tone.POSITIVE: "#7bd3a8",
        Tone.NEGATIVE: "#f6adaa",
        Tone.MUTED: "#bbc2cd",
    },
}


def tone_color(tone: Tone | str, dark: bool | None = None) -> QColor:
    """A tone's colour in the theme on screen (or the one asked for)."""
    scheme = "dark" if (is_dark() if dark is None else dark) else "light"
    return QColor(TONE_COLORS[scheme][Tone(tone)])


def status_text(status: OrderStatus | str) -> str:
    texts = {
        OrderStatus.NEW: QCoreApplication.translate("OrderLabels", "New"),
        OrderStatus.ACTIVE: QCoreApplication.translate("OrderLabels", "Active"),
        OrderStatus.PARTIALLY_FILLED: QCoreApplication.translate("OrderLabels", "Partially filled"),
        OrderStatus.FILLED: QCoreApplication.translate("OrderLabels", "Filled"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderLabels", "Cancelled"),
        OrderStatus.REJECTED: QCoreApplication.translate("OrderLabels", "Rejected"),
        OrderStatus.EXPIRED: QCoreApplication.translate("OrderLabels", "Expired"),
    }
    return texts[OrderStatus(status)]


def side_text(side: Side | str) -> str:
    if Side(side) is Side.BUY:
        return QCoreApplication.translate("OrderLabels", "Buy")
    return QCoreApplication.translate("OrderLabels", "Sell")


def type_text(kind: OrderType | str) -> str:
    if OrderType(kind) is OrderType.LIMIT:
        return QCoreApplication.translate("OrderLabels", "Limit")
    return QCoreApplication.translate("OrderLabels", "Market")


def signature_text(method: str) -> str:
    texts = {
        "sms": QCoreApplication.translate("OrderLabels", "SMS code"),
        "eds": QCoreApplication.translate("OrderLabels", "EDS (NCALayer)"),
    }
    return texts.get(method, method)


INSTRUCTION_STATUS_TONES = {
    InstructionStatus.NEW: Tone.INFO,
    InstructionStatus.PROCESSING: Tone.WARNING,
    InstructionStatus.EXECUTED: Tone.POSITIVE,
    InstructionStatus.REJECTED: Tone.NEGATIVE,
}


def instruction_status_text(status: InstructionStatus | str) -> str:
    texts = {
        InstructionStatus.NEW: QCoreApplication.translate("InstructionLabels", "New"),
        InstructionStatus.PROCESSING: QCoreApplication.translate("InstructionLabels", "Processing"),
        InstructionStatus.EXECUTED: QCoreApplication.translate("InstructionLabels", "Executed"),
        InstructionStatus.REJECTED: QCoreApplication.translate("InstructionLabels", "Rejected"),
    }
    return texts[InstructionStatus(status)]


def instruction_type_text(kind: InstructionType | str) -> str:
    if InstructionType(kind) is InstructionType.WITHDRAWAL:
        return QCoreApplication.translate("InstructionLabels", "Withdrawal")
    if InstructionType(kind) is InstructionType.CONTACT_CHANGE:
        return QCoreApplication.translate("InstructionLabels", "Change of contact details")
    return str(kind)
