"""The Tester panel's tables: the SMS outbox, open orders, withdrawals in progress.

Short lists (the mock's answers are capped), so a plain model over a list, declared by its
columns; a row is found again by its id, so the selection survives the reads every few
seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase

from cesec_desktop.state import formatting, vocabulary
from cesec_desktop.state.accessible_cells import spoken
from cesec_desktop.state.demo_sms import DemoSms

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""A row's id (the SMS's challenge, the order's, the withdrawal's)."""


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its title (in the UI language, asked each time), its text, alignment."""

    key: str
    title: Callable[[], str]
    text: Callable[[R], str]
    align: Qt.AlignmentFlag = LEFT
    mono: bool = False
    """Shown in the fixed-width font (codes: every digit the same width, 0 and O apart)."""


def sent_time(moment: datetime) -> str:
    """Today's with seconds (codes a minute apart must tell apart), else with the date."""
    if formatting.in_display_zone(moment).date() == formatting.display_today():
        return formatting.format_time(moment)
    return formatting.format_moment(moment)


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one kind under declared columns; `row_id` names each row."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        row_id: Callable[[R], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.row_id = row_id
        self.items: list[R] = []

    def set_items(self, items: Sequence[R]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> R | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, item_id: str) -> int | None:
        return next((n for n, r in enumerate(self.items) if self.row_id(r) == item_id), None)

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken(column.title(), column.text(item))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.FontRole and column.mono:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return self.row_id(item)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[section].align)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.items) - 1, len(self.columns) - 1)
            )


class TesterColumns(QObject):
    """Column titles, in the context lupdate files them under."""

    def sms(self) -> dict[str, str]:
        return {
            "time": self.tr("Sent"),
            "phone": self.tr("Phone"),
            "code": self.tr("Code"),
            "copy": "",
        }

    def orders(self) -> dict[str, str]:
        return {
            "created": self.tr("Placed"),
            "login": self.tr("Client"),
            "instrument": self.tr("Instrument"),
            "side": self.tr("Side"),
            "type": self.tr("Type"),
            "quantity": self.tr("Quantity"),
            "filled": self.tr("Filled"),
            "price": self.tr("Price"),
            "status": self.tr("Status"),
        }

    def instructions(self) -> dict[str, str]:
        return {
            "created": self.tr("Signed"),
            "login": self.tr("Client"),
            "amount": self.tr("Amount"),
            "status": self.tr("Status"),
        }


def _title(group: str, key: str) -> Callable[[], str]:
    return lambda: getattr(TesterColumns(), group)()[key]


def sms_model(parent: QObject | None = None) -> RowsModel[DemoSms]:
    """The codes sent, newest first; the last column holds each row's Copy button."""
    columns: list[Column[DemoSms]] = [
        Column("time", _title("sms", "time"), lambda s: sent_time(s.sent_at)),
        Column("phone", _title("sms", "phone"), lambda s: s.phone_masked),
        Column("code", _title("sms", "code"), lambda s: s.code, mono=True),
        Column("copy", _title("sms", "copy"), lambda s: ""),
    ]
    return RowsModel(columns, lambda s: s.challenge_id, parent)


def orders_model(parent: QObject | None = None) -> RowsModel[Any]:
    """Every client's open orders (`MockOrder`), newest first."""

    def quantity(value: Any) -> str:
        return formatting.format_quantity(value)

    columns: list[Column[Any]] = [
        Column("created", _title("orders", "created"), lambda o: _moment(o.created_at)),
        Column("login", _title("orders", "login"), lambda o: o.login or o.client_id),
        Column("instrument", _title("orders", "instrument"), lambda o: o.instrument_id),
        Column("side", _title("orders", "side"), lambda o: vocabulary.side_text(o.side)),
        Column("type", _title("orders", "type"), lambda o: vocabulary.type_text(o.order_type)),
        Column("quantity", _title("orders", "quantity"), lambda o: quantity(o.quantity), RIGHT),
        Column("filled", _title("orders", "filled"), lambda o: quantity(o.filled_quantity), RIGHT),
        Column(
            "price", _title("orders", "price"), lambda o: formatting.format_price(o.price), RIGHT
        ),
        Column("status", _title("orders", "status"), lambda o: vocabulary.status_text(o.status)),
    ]
    return RowsModel(columns, lambda o: o.id, parent)


def instructions_model(parent: QObject | None = None) -> RowsModel[Any]:
    """Every client's withdrawals in progress (`MockInstruction`), newest first."""
    columns: list[Column[Any]] = [
        Column("created", _title("instructions", "created"), lambda i: _moment(i.created_at)),
        Column("login", _title("instructions", "login"), lambda i: i.login or i.client_id),
        Column(
            "amount",
            _title("instructions", "amount"),
            lambda i: _instruction_amount(i),
            RIGHT,
        ),
        Column(
            "status",
            _title("instructions", "status"),
            lambda i: vocabulary.instruction_status_text(i.status),
        ),
    ]
    return RowsModel(columns, lambda i: i.id, parent)


def _instruction_amount(instruction: Any) -> str:
    """A withdrawal's amount; a change of contact details moves none: its type instead."""
    if str(instruction.kind) == "contact_change":
        return vocabulary.instruction_type_text(instruction.kind)
    return formatting.format_money(instruction.amount, instruction.currency)


def _moment(moment: datetime) -> str:
    return formatting.format_moment_short(moment)
