"""Item delegates for the quote tables: price flashes, up/down colours, the row's "…" button."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cesec_desktop.state.quote_table_model import Column, FlashRole, StaleRole, TrendRole

Index = QModelIndex | QPersistentModelIndex

MENU_BUTTON_WIDTH = 26
"""The "…" button's width at the right end of the ticker cell."""


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def trend_color(direction: int, palette: QPalette) -> QColor:
    """Green for up, red for down, in shades that read on the current theme."""
    dark = is_dark(palette)
    if direction > 0:
        return QColor("#3fb950" if dark else "#1a7f37")
    return QColor("#f85149" if dark else "#cf222e")


class QuoteDelegate(QStyledItemDelegate):
    """Paints a quote cell: a fading green/red tint when the price moved, coloured change,
    greyed text while the quotes are stale, and a "…" button in the ticker column.

    Signals:
        menuRequested(QModelIndex, QPoint): the "…" button was clicked (global position).
    """

    menuRequested = Signal(QModelIndex, QPoint)

    def __init__(self, parent: QObject | None = None, *, with_menu: bool = True) -> None:
        super().__init__(parent)
        self.with_menu = with_menu

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        palette = option.palette
        if index.data(StaleRole):
            muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            palette.setColor(QPalette.ColorRole.Text, muted)
            palette.setColor(QPalette.ColorRole.HighlightedText, muted)
            return
        trend = index.data(TrendRole)
        if trend:
            color = trend_color(trend, palette)
            palette.setColor(QPalette.ColorRole.Text, color)
            palette.setColor(QPalette.ColorRole.HighlightedText, color)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        flash = index.data(FlashRole)
        if flash is not None and not index.data(StaleRole):
            direction, strength = flash
            if strength > 0:
                tint = trend_color(direction, option.palette)
                tint.setAlphaF(0.24 * strength)
                painter.fillRect(option.rect, tint)
        if self.with_menu and index.column() == Column.TICKER:
            text_option = QStyleOptionViewItem(option)
            text_option.rect = option.rect.adjusted(0, 0, -MENU_BUTTON_WIDTH, 0)
            super().paint(painter, text_option, index)
            self._paint_menu_button(painter, option)
            return
        super().paint(painter, option, index)

    def _paint_menu_button(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        rect = self.menu_rect(option.rect)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if hovered or selected:
            back = option.palette.color(QPalette.ColorRole.Mid)
            back.setAlphaF(0.35)
            painter.setPen(QColor(0, 0, 0, 0))
            painter.setBrush(back)
            painter.drawRoundedRect(rect.adjusted(2, 4, -2, -4), 4, 4)
        color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.setPen(color)
        painter.setBrush(color)
        center = rect.center()
        for dx in (-5, 0, 5):
            painter.drawEllipse(QPoint(center.x() + dx, center.y()), 1.5, 1.5)
        painter.restore()

    @staticmethod
    def menu_rect(cell: QRect) -> QRect:
        """Where the "…" button sits in a ticker cell."""
        return QRect(
            cell.right() - MENU_BUTTON_WIDTH + 1, cell.top(), MENU_BUTTON_WIDTH, cell.height()
        )

    def editorEvent(
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if (
            self.with_menu
            and index.column() == Column.TICKER
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and self.menu_rect(option.rect).contains(event.position().toPoint())
        ):
            widget = option.widget
            origin = self.menu_rect(option.rect).bottomLeft()
            where = widget.mapToGlobal(origin) if isinstance(widget, QWidget) else origin
            if isinstance(widget, QWidget) and hasattr(widget, "viewport"):
                where = widget.viewport().mapToGlobal(origin)  # type: ignore[attr-defined]
            self.menuRequested.emit(QModelIndex(index), where)
            return True
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]
