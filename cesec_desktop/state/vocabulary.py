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
    "light": {
        Tone.INFO: "#0b5cad",
        Tone.WARNING: "#9a5b00",
        Tone.POSITIVE: "#1f8a4c",
        Tone.NEGATIVE: "#c62828",
        Tone.MUTED: "#667085",
    },
    "dark": {
        Tone.INFO: "#6aaaf5",
        Tone.WARNING: "#e0a100",
        Tone.POSITIVE: "#4cc38a",
        Tone.NEGATIVE: "#f0706a",
        Tone.MUTED: "#98a2b3",
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
    return str(kind)
