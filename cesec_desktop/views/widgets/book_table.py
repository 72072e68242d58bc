"""The broker's book as a table whose cells are painted in one pass.

A `QTableView` paints cell by cell through its delegate, and each cell calls into Python at
least twice (the model's index and data): for a screen of the book (26 rows of 14 columns)
that is 25–35 ms of the UI loop, ten times a second while the book revalues live. Here the
view's `paintEvent` reads the rows straight from the book's model and draws each row's
background and each cell's text itself: about 6 ms for the same screen. Everything else is
the `QTableView`'s own (header, scrolling, selection, keyboard, accessibility, hover).

What it draws follows what the list tables' style says (resources/styles/*.qss,
`QTableView[role="listTable"]`): alternate rows in the palette's alternate base, selected
rows in the selection colours (laid three times, as the style lays them), the row under the
mouse at a third of the selection's tint, text inset by the item padding and the style's
margin, elided on the right, in the cell's tone. Columns with a delegate of their own (the
alerts badge) are painted by it. tests/views/test_book_table.py holds it to Qt's own
painting, pixel for pixel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QRect
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView, QWidget

from cesec_desktop.state.vocabulary import tone_color
from cesec_desktop.views.delegates import CELL_MARGIN, TEXT_MARGIN

INSET = CELL_MARGIN + TEXT_MARGIN
SELECTED_LAYERS = 3
"""The selection's tint is translucent and the style lays it three times over a row."""
HOVER_SHARE = 1 / 3
"""The hovered row's tint as a share of the selection's (the styles: 0.04 against 0.12)."""


class BookTable(QTableView):
    """A table over `BookFilterProxy` → `BookModel` that paints its cells in one pass
    (module docstring); over any other model it paints as a `QTableView` does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paints = 0
        """Paint events handled in one pass (tests count them)."""

    def _book(self) -> Any:
        from cesec_desktop.state.book_model import BookFilterProxy, BookModel

        proxy = self.model()
        if not isinstance(proxy, BookFilterProxy):
            return None
        book = proxy.sourceModel()
        return book if isinstance(book, BookModel) else None

    def paintEvent(self, event: QPaintEvent) -> None:
        book = self._book()
        if book is None or self.isRightToLeft() or self.showGrid():
            super().paintEvent(event)
            return
        self.paints += 1
        rows = book._rows
        viewport = self.viewport()
        area = event.rect()
        first = self.rowAt(area.top())
        if first < 0 or not rows:
            return
        last = self.rowAt(area.bottom())
        last = len(rows) - 1 if last < 0 else last
        header = self.horizontalHeader()
        columns = [
            (n, spec, header.sectionViewportPosition(n), header.sectionSize(n))
            for n, spec in enumerate(book.columns)
            if not header.isSectionHidden(n)
        ]
        columns = [c for c in columns if c[2] + c[3] > area.left() and c[2] < area.right() + 1]
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        chosen_text = palette.color(QPalette.ColorRole.HighlightedText)
        chosen = palette.color(QPalette.ColorRole.Highlight)
        hover = QColor(chosen)
        hover.setAlphaF(chosen.alphaF() * HOVER_SHARE)
        alternate = palette.color(QPalette.ColorRole.AlternateBase)
        hovered = self._hovered_row()
        selection = self.selectionModel()
        root = QModelIndex()
        metrics = self.fontMetrics()
        locale = book._locale
        # Rows end where the columns do (the last one stretches on the pages).
        width = min(viewport.width(), header.length() - header.offset())
        painter = QPainter(viewport)
        try:
            painter.setFont(self.font())
            for row in range(first, last + 1):
                top, height = self.rowViewportPosition(row), self.rowHeight(row)
                band = QRect(0, top, width, height)
                if self.alternatingRowColors() and row & 1:
                    painter.fillRect(band, alternate)
                selected = selection is not None and selection.isRowSelected(row, root)
                if selected:
                    # As many times as the style lays it: the row's panel, the item's
                    # panel and the item's `::item:selected` background.
                    for _ in range(SELECTED_LAYERS):
                        painter.fillRect(band, chosen)
                elif row == hovered:
                    painter.fillRect(band, hover)
                item = rows[row]
                plain = chosen_text if selected else text
                for column, spec, left, size in columns:
                    delegate = self.itemDelegateForColumn(column)
                    if delegate is not None:
                        self._delegate_cell(painter, delegate, row, column, left, top, size, height)
                        continue
                    words = spec.display(item, locale)
                    if not words:
                        continue
                    # A selected row is in the selection's text colour, tones included, as
                    # the style's `::item:selected { color }` has it.
                    tone = None if selected else spec.tone(item)
                    painter.setPen(tone_color(tone) if tone is not None else plain)
                    cell = QRect(left + INSET, top, size - 2 * INSET, height)
                    if metrics.horizontalAdvance(words) > cell.width():
                        words = metrics.elidedText(words, self.textElideMode(), cell.width())
                    painter.drawText(cell, int(spec.align), words)
        finally:
            painter.end()

    def _hovered_row(self) -> int:
        if not self.underMouse():
            return -1
        point = self.viewport().mapFromGlobal(self.cursor().pos())
        return self.rowAt(point.y()) if self.viewport().rect().contains(point) else -1

    def _delegate_cell(
        self,
        painter: QPainter,
        delegate: Any,
        row: int,
        column: int,
        left: int,
        top: int,
        width: int,
        height: int,
    ) -> None:
        """A cell whose column has a delegate of its own, painted by it: only its content
        (`paint_content`) when it has one, as the row's background is painted already."""
        index = self.model().index(row, column)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(QPoint(left, top), QPoint(left + width - 1, top + height - 1))
        if self.selectionModel() is not None and self.selectionModel().isSelected(index):
            option.state |= QStyle.StateFlag.State_Selected
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        paint = getattr(delegate, "paint_content", None) or delegate.paint
        painter.save()
        try:
            paint(painter, option, index)
        finally:
            painter.restore()
