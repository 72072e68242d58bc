"""Item delegates: the quote tables' (price flashes, up/down colours, the row's "…" button)
and the list pages' (one delegate, a painter per column: menu, pill, instrument, side)."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from cesec_desktop.state.list_model import CellPainter
from cesec_desktop.state.quote_table_model import (
    Column,
    LookRole,
    QuoteTableModel,
    StaleRole,
    TrendRole,
)
from cesec_desktop.state.roles import MARKET_ROLE, TONE_ROLE
from cesec_desktop.state.theme import is_dark
from cesec_desktop.state.vocabulary import tone_color

Index = QModelIndex | QPersistentModelIndex

MENU_BUTTON_WIDTH = 26
"""The "…" button's width at the right end of the ticker cell."""


_TREND_COLORS = {
    (True, True): QColor("#77d183"),
    (True, False): QColor("#14642b"),
    (False, True): QColor("#fba5a0"),
    (False, False): QColor("#a31b24"),
}
"""(up, dark theme) → colour; made once, as every changed cell asks for one."""
_CACHE_LIMIT = 64
_dark: dict[int, bool] = {}
_cell_palettes: dict[tuple[int, int, bool], QPalette] = {}
"""A table's palette with the text coloured for a trend or staleness, per palette (by its
cache key): cells repaint many times a second and would otherwise build one each time."""


def _is_dark(palette: QPalette) -> bool:
    key = palette.cacheKey()
    dark = _dark.get(key)
    if dark is None:
        if len(_dark) >= _CACHE_LIMIT:
            _dark.clear()
        dark = _dark[key] = is_dark(palette)
    return dark


def trend_color(direction: int, palette: QPalette) -> QColor:
    """Green for up, red for down, in shades that read on the current theme."""
    return QColor(_TREND_COLORS[(direction > 0, _is_dark(palette))])


class QuoteDelegate(QStyledItemDelegate):
    """Paints a quote cell: a fading green/red tint when the price moved, coloured change,
    greyed text while the quotes are stale, and a "…" button in the ticker column.

    A cell asks its model once (`LookRole`) for all it shows, rather than once per role as
    `QStyledItemDelegate` does: the tables repaint changed and fading cells all day long.

    Signals:
        menuRequested(QModelIndex, QPoint): the "…" button was clicked (global position).
    """

    menuRequested = Signal(QModelIndex, QPoint)

    def __init__(self, parent: QObject | None = None, *, with_menu: bool = True) -> None:
        super().__init__(parent)
        self.with_menu = with_menu
        self._margins: dict[int, int] = {}
        """The style's text margin per view (by id): asked once, not per cell."""
        self._fitted: dict[int, dict[tuple[str, int], str]] = {}
        """Per view (by id): (text, width) → the text as it fits that width, elided if
        need be. Measuring a text costs more than drawing it, and a quote table draws the
        same texts many times (a price is repainted while its flash fades)."""

    def forget_metrics(self, view: QWidget) -> None:
        """The view's font or style changed: measure its texts and margins again."""
        self._margins.pop(id(view), None)
        self._fitted.pop(id(view), None)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        _colour(option, index.data(TrendRole) or 0, bool(index.data(StaleRole)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        column = index.column()
        if isinstance(model, QuoteTableModel):
            look = model.look(index.row(), column)
        else:
            look = index.data(LookRole)
        if look is None:  # not a quote model's cell
            super().paint(painter, option, index)
            return
        text, alignment, trend, stale, flash = look
        if flash is not None and not stale:
            direction, strength = flash
            if strength > 0:
                painter.fillRect(option.rect, _tint(direction, strength, option.palette))
        menu = self.with_menu and column == Column.TICKER
        styled, active = _state_of(option.state)
        if not menu and not styled:
            self._paint_text(painter, option, text, alignment, trend, stale, active)
            return
        # What QStyledItemDelegate.initStyleOption would fill in, from the one answer.
        cell = QStyleOptionViewItem(option)
        cell.index = index
        cell.text = text
        cell.features = _with_display(option.features)
        cell.displayAlignment = alignment
        _colour(cell, trend, stale)
        if menu:
            cell.rect = option.rect.adjusted(0, 0, -MENU_BUTTON_WIDTH, 0)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        if menu:
            self._paint_menu_button(painter, option)

    def _paint_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        text: str,
        alignment: Qt.AlignmentFlag,
        trend: int,
        stale: bool,
        active: bool,
    ) -> None:
        """An unselected, unfocused, unhovered cell: its text, as the style would lay it out.

        The style's own path (through the style sheet's style) costs several times the
        drawing itself, and such cells are nearly all a quote table repaints: the view has
        already painted the row's background, and the style would add only the text.
        """
        widget = option.widget
        view = id(widget)
        margin = self._margins.get(view)
        if margin is None:
            style = widget.style() if widget is not None else QApplication.style()
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
            self._margins[view] = margin
        rect = option.rect.adjusted(margin, 0, -margin, 0)
        fitted = self._fitted.get(view)
        if fitted is None or len(fitted) >= _FITTED_LIMIT:
            fitted = self._fitted[view] = {}
        width = rect.width()
        shown = fitted.get((text, width))
        if shown is None:
            metrics = option.fontMetrics
            shown = text
            if metrics.horizontalAdvance(text) > width:
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            fitted[(text, width)] = shown
        painter.save()
        painter.setFont(option.font)
        painter.setPen(_text_color(option.palette, trend, stale, active))
        painter.drawText(rect, alignment, shown)
        painter.restore()

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


_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_features: dict[QStyleOptionViewItem.ViewItemFeature, QStyleOptionViewItem.ViewItemFeature] = {}


def _with_display(
    features: QStyleOptionViewItem.ViewItemFeature,
) -> QStyleOptionViewItem.ViewItemFeature:
    """`features | HasDisplay`, remembered: a Python enum's `|` costs more than the lookup
    (and a view hands out a couple of distinct feature sets at most)."""
    found = _features.get(features)
    if found is None:
        found = _features[features] = features | _HAS_DISPLAY
    return found


_STYLED_STATES = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
)
"""States whose look the style (and the style sheet) draws: such cells take its path."""
_states: dict[QStyle.StateFlag, tuple[bool, bool]] = {}
_FITTED_LIMIT = 4096
"""Texts remembered per view before they are measured afresh (a few seconds of ticks)."""


def _state_of(state: QStyle.StateFlag) -> tuple[bool, bool]:
    """(styled, active) for a cell's state, remembered: each `&` of PySide's Python enums
    costs more than this lookup, and a view hands out a handful of distinct states."""
    found = _states.get(state)
    if found is None:
        found = _states[state] = (
            bool(state & _STYLED_STATES),
            bool(state & QStyle.StateFlag.State_Active),
        )
    return found


_tints: dict[tuple[int, bool, int], QColor] = {}
_TINT_STEPS = 32
"""A flash fades in this many shades: finer than the eye follows in `FLASH_SECONDS`."""


def _tint(direction: int, strength: float, palette: QPalette) -> QColor:
    """A flash's background: the trend colour at a quarter's alpha times the strength."""
    step = min(_TINT_STEPS, max(1, round(strength * _TINT_STEPS)))
    key = (direction, _is_dark(palette), step)
    tint = _tints.get(key)
    if tint is None:
        tint = trend_color(direction, palette)
        tint.setAlphaF(0.24 * step / _TINT_STEPS)
        _tints[key] = tint
    return tint


_text_colors: dict[tuple[int, int, bool, bool], QColor] = {}


def _text_color(palette: QPalette, trend: int, stale: bool, active: bool) -> QColor:
    """The text colour the style would paint the cell in (after `_colour`), remembered."""
    key = (palette.cacheKey(), trend, stale, active)
    color = _text_colors.get(key)
    if color is None:
        if stale:
            color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        elif trend:
            color = trend_color(trend, palette)
        else:
            group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
            color = palette.color(group, QPalette.ColorRole.Text)
        if len(_text_colors) >= _CACHE_LIMIT:
            _text_colors.clear()
        _text_colors[key] = color
    return color


def _colour(option: QStyleOptionViewItem, trend: int, stale: bool) -> None:
    """Greyed while stale, else green or red for the day's change (its two columns)."""
    if not stale and not trend:
        return
    palette = option.palette
    key = (palette.cacheKey(), trend, stale)
    coloured = _cell_palettes.get(key)
    if coloured is None:
        if stale:
            color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        else:
            color = trend_color(trend, palette)
        coloured = QPalette(palette)
        coloured.setColor(QPalette.ColorRole.Text, color)
        coloured.setColor(QPalette.ColorRole.HighlightedText, color)
        if len(_cell_palettes) >= _CACHE_LIMIT:
            _cell_palettes.clear()
        _cell_palettes[key] = coloured
    option.palette = coloured


# --- list pages ----------------------------------------------------------------------------

CELL_MARGIN = 4
"""The QSS item padding of a list table (resources/styles: `padding: 0px 4px`)."""
TEXT_MARGIN = 3
"""The style's own margin inside an item's text rectangle (PM_FocusFrameHMargin + 1)."""
CELL_PADDING = 2 * (CELL_MARGIN + TEXT_MARGIN) + 2
"""What a column needs besides its text."""
PILL_PADDING = 20
MARKET_GAP = 6
SORT_ARROW = 16
MENU_WIDTH = 34
ROW_PADDING = 14
"""Row height beyond the font's line height."""


def pill_font(font: QFont) -> QFont:
    pill = QFont(font)
    pill.setPointSizeF(max(font.pointSizeF() * 0.92, 7.0))
    pill.setWeight(QFont.Weight.DemiBold)
    return pill


def small_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.82, 7.0))
    return small


def bold_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


class PlainCellDelegate(QStyledItemDelegate):
    """A list table's plain cells, painted by Qt itself (no Python per cell: a live table of
    hundreds of cells repaints ten times a second). A cell whose text does not fit shows it
    whole in a tooltip."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """A cut-off cell without a tooltip of its own shows its whole text."""
        if (
            event.type() == QEvent.Type.ToolTip
            and index.isValid()
            and not index.data(Qt.ItemDataRole.ToolTipRole)
        ):
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and text:
                rect = view.visualRect(index)
                needed = option.fontMetrics.horizontalAdvance(text) + CELL_PADDING
                if needed > rect.width():
                    QToolTip.showText(event.globalPos(), text, view, rect)
                    return True
        return super().helpEvent(event, view, option, index)


class ListCellDelegate(PlainCellDelegate):
    """Paints the list pages' cells: plain text, or a painter per column (menu, pill,
    instrument, side); plain cells as `PlainCellDelegate`."""

    def __init__(self, painters: dict[int, CellPainter], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.painters = dict(painters)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        kind = self.painters.get(index.column())
        if kind is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        inset = CELL_MARGIN + TEXT_MARGIN  # where the other columns' text starts
        rect = opt.rect.adjusted(inset, 0, -inset, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            if kind is CellPainter.MENU:
                self._paint_menu(painter, opt)
            elif kind is CellPainter.INSTRUMENT:
                self._paint_instrument(painter, opt, rect, text, index.data(MARKET_ROLE) or "")
            elif kind is CellPainter.SIDE:
                painter.setPen(tone_color(index.data(TONE_ROLE) or "muted"))
                painter.setFont(bold_font(opt.font))
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
            else:
                selected = bool(opt.state & QStyle.StateFlag.State_Selected)
                self._paint_pill(painter, opt, rect, text, index.data(TONE_ROLE), selected)
        finally:
            painter.restore()

    def _paint_menu(self, painter: QPainter, opt: QStyleOptionViewItem) -> None:
        side = min(opt.rect.height() - 6, 26)
        button = QRect(0, 0, side, side)
        button.moveCenter(opt.rect.center())
        if opt.state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(opt.palette.color(QPalette.ColorRole.Text))
            hover.setAlphaF(0.10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hover)
            painter.drawRoundedRect(button, 6, 6)
        font = QFont(opt.font)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(button, Qt.AlignmentFlag.AlignCenter, "\N{MIDLINE HORIZONTAL ELLIPSIS}")

    def _paint_instrument(
        self, painter: QPainter, opt: QStyleOptionViewItem, rect: QRect, ticker: str, market: str
    ) -> None:
        """The ticker in bold, then its market in small grey type when there is room for it."""
        font = bold_font(opt.font)
        metrics = QFontMetrics(font)
        small = small_font(opt.font)
        ticker_width = metrics.horizontalAdvance(ticker)
        market_width = QFontMetrics(small).horizontalAdvance(market) if market else 0
        shown = metrics.elidedText(ticker, Qt.TextElideMode.ElideRight, rect.width())
        painter.setFont(font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, shown)
        if market and ticker_width + MARKET_GAP + market_width <= rect.width():
            left = rect.left() + ticker_width + MARKET_GAP
            painter.setFont(small)
            painter.setPen(tone_color("muted"))
            painter.drawText(
                QRect(left, rect.top(), market_width + 2, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                market,
            )

    def _paint_pill(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        rect: QRect,
        text: str,
        tone: str | None,
        selected: bool,
    ) -> None:
        color = tone_color(tone or "muted")
        font = pill_font(opt.font)
        metrics = QFontMetrics(font)
        height = metrics.height() + 6
        width = min(metrics.horizontalAdvance(text) + PILL_PADDING, rect.width())
        pill = QRect(rect.left(), rect.center().y() - height // 2 + 1, width, height)
        fill = QColor(color)
        # One tint on any row: a stronger one on a selected row cost the text its contrast.
        fill.setAlphaF(0.14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(color)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, pill.width() - 12)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, shown)
