"""What a screen reader says on a table cell: the column's title with the cell's value.

Served under Qt's AccessibleTextRole, which QAccessibleTableCell reads for a cell's name:
a reader moving down one column then says "Last: 382,96" rather than a bare number.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt

ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)


def spoken(title: object, value: object, *extra: str) -> str:
    """ "Title: value" (and any further words, comma-separated); the title alone if no value."""
    title_text, value_text = str(title or "").strip(), " ".join(str(value or "").split())
    text = f"{title_text}: {value_text}" if title_text and value_text else title_text or value_text
    return ", ".join([text, *[e for e in extra if e]])


def direction_words(direction: int) -> str:
    """A price move in words, for those who cannot see its colour."""
    if direction > 0:
        return QCoreApplication.translate("AccessibleCells", "up")
    if direction < 0:
        return QCoreApplication.translate("AccessibleCells", "down")
    return ""


def label_cells(model: QAbstractItemModel) -> None:
    """Give every cell of a filled item model (QStandardItemModel, a QTableWidget's) its
    spoken text from its header and shown text; call again after a refill or retranslation."""
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        for row in range(model.rowCount()):
            index = model.index(row, column)
            model.setData(index, spoken(title, index.data()), ACCESSIBLE)
