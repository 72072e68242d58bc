"""The top bar's quick search: type-ahead over every market, with market badges.

Attached to the main window's search field. Enter or a click on a result emits
`instrumentChosen(id)`: the main window adds it to the market's list and shows it on Home.
No match, a failed search and a search still running are said in the popup itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette, QPen, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cesec_desktop.state.instrument_search import (
    IdRole,
    InstrumentSearch,
    MarketRole,
    NameRole,
    SearchState,
    TickerRole,
)

Index = QModelIndex | QPersistentModelIndex

BADGE_PADDING = 6
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 20


class ResultDelegate(QStyledItemDelegate):
    """One result: the ticker in bold, the name, and the market as a badge on the right."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 60, max(size.height(), option.fontMetrics.height() + 12))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        market = index.data(MarketRole)
        if not market:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        rect = opt.rect.adjusted(8, 0, -8, 0)
        check_box: QRect | None = None
        checkable = bool(opt.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator)
        if style is not None and checkable:
            # The watchlist editor's results: a check box drawn like the theme's QCheckBox
            # (the style's item-view indicator is nearly invisible on the dark theme).
            check_box = style.subElementRect(
                QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, widget
            )
            text_area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
            rect.setLeft(max(rect.left(), text_area.left() + 2))
            opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if check_box is not None:
            self._paint_check(painter, opt, check_box, opt.checkState == Qt.CheckState.Checked)
        metrics = opt.fontMetrics
        badge_w = metrics.horizontalAdvance(market) + 2 * BADGE_PADDING
        badge_h = metrics.height() + 2
        badge = QRect(
            rect.right() - badge_w, rect.center().y() - badge_h // 2 + 1, badge_w, badge_h
        )
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_color = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        painter.save()
        bold = opt.font
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        ticker = str(index.data(TickerRole) or "")
        text_rect = QRect(rect.left(), rect.top(), badge.left() - rect.left() - 8, rect.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, ticker)
        ticker_w = painter.fontMetrics().horizontalAdvance(ticker) + 10
        painter.setFont(opt.font)
        name_rect = text_rect.adjusted(ticker_w, 0, 0, 0)
        name = metrics.elidedText(
            str(index.data(NameRole) or ""), Qt.TextElideMode.ElideRight, name_rect.width()
        )
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chip = opt.palette.color(group, QPalette.ColorRole.Mid)
        chip.setAlpha(90)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(text_color)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, market)
        painter.restore()

    @staticmethod
    def _paint_check(
        painter: QPainter, opt: QStyleOptionViewItem, area: QRect, checked: bool
    ) -> None:
        side = 16
        box = QRect(0, 0, side, side)
        box.moveCenter(area.center())
        palette = opt.palette
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if checked:
            painter.setPen(accent)
            painter.setBrush(accent)
        else:
            border = palette.color(QPalette.ColorRole.Text)
            border.setAlpha(110)
            painter.setPen(border)
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box.adjusted(0, 0, -1, -1), 4, 4)
        if checked:
            pen = QPen(palette.color(QPalette.ColorRole.HighlightedText), 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            left, top = box.left(), box.top()
            painter.drawPolyline(
                [
                    QPointF(left + 4, top + 8.5),
                    QPointF(left + 7, top + 11.5),
                    QPointF(left + 12, top + 5),
                ]
            )
        painter.restore()


class QuickSearch(QObject):
    """Type-ahead for the top bar's field.

    Signals:
        instrumentChosen(str): the user picked this instrument id (Enter or a click).
    """

    instrumentChosen = Signal(str)

    def __init__(self, edit: QLineEdit, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.search = InstrumentSearch(session, self)
        self.model = self.search.model
        self.messages = QStandardItemModel(self)
        self._enter_waiting = False
        self._entered = False

        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(TickerRole)
        self.completer.setMaxVisibleItems(10)
        self.completer.setWidget(edit)
        popup = self.completer.popup()
        popup.setObjectName("quickSearchPopup")
        popup.setItemDelegate(ResultDelegate(popup))
        popup.setMinimumWidth(360)
        self.completer.activated[QModelIndex].connect(self._activated)

        edit.textEdited.connect(self._edited)
        edit.returnPressed.connect(self._return_pressed)
        self.search.stateChanged.connect(self._state_changed)
        edit.installEventFilter(self)

    # --- what the popup shows -------------------------------------------------------------

    @property
    def popup(self) -> QWidget:
        return self.completer.popup()

    @property
    def message(self) -> str:
        """The message row shown instead of results ("" when results or nothing show)."""
        if self.completer.model() is not self.messages or self.messages.rowCount() == 0:
            return ""
        return str(self.messages.item(0).text())

    def message_text(self) -> str:
        state = self.search.state
        if state is SearchState.NO_MATCH:
            return self.tr(
                "Nothing matches \u201c%1\u201d. Try part of a ticker or a company name."
            ).replace("%1", self.search.query)
        if state is SearchState.ERROR and self.search.error is not None:
            from cesec_desktop.views.messages import describe

            return self.tr("Search failed: %1").replace("%1", describe(self.search.error))
        if state is SearchState.SEARCHING:
            return self.tr("Searching…")
        return ""

    def _state_changed(self, _state: str) -> None:
        state = self.search.state
        if state is SearchState.RESULTS:
            self.completer.setModel(self.model)
            if self._enter_waiting:
                self._enter_waiting = False
                self._choose_best()
                return
            if self.edit.hasFocus() or self.edit.isVisible():
                self.completer.complete()
                self._fit_popup()
            return
        self._enter_waiting = self._enter_waiting and state is SearchState.SEARCHING
        if state is SearchState.IDLE:
            self.popup.hide()
            return
        if (
            state is SearchState.SEARCHING
            and self.popup.isVisible()
            and (self.completer.model() is self.model and self.model.rowCount())
        ):
            return  # keep the last results until the new ones come
        self._show_message(self.message_text())

    def _show_message(self, text: str) -> None:
        self.messages.clear()
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setToolTip(text)
        item.setData(text, MESSAGE_ROLE)
        self.messages.appendRow(item)
        self.completer.setModel(self.messages)
        if self.edit.isVisible():
            self.completer.complete()
            self._fit_popup()

    def _fit_popup(self) -> None:
        popup = self.popup
        width = max(self.edit.width(), 360)
        if self.completer.model() is self.messages:
            metrics = popup.fontMetrics()
            text = self.message
            width = max(width, min(metrics.horizontalAdvance(text) + 40, 560))
        popup.setFixedWidth(width)

    # --- choosing --------------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        self._enter_waiting = False
        self.search.set_query(text)

    def _enter_done(self) -> None:
        self._entered = False

    def _activated(self, index: QModelIndex) -> None:
        instrument_id = index.data(IdRole)
        if instrument_id and not self._entered:
            # After the completer is done with the key press or click that activated it.
            QTimer.singleShot(0, self, lambda: self.choose(str(instrument_id)))

    def _return_pressed(self) -> None:
        popup = self.popup
        current = popup.currentIndex() if popup.isVisible() else QModelIndex()
        if current.isValid() and current.data(IdRole):
            # The completer would activate it too (after this): once is enough.
            self._entered = True
            QTimer.singleShot(0, self, self._enter_done)
            self.choose(str(current.data(IdRole)))
            return
        if self.search.state is SearchState.SEARCHING:
            # Enter before the results came: take the best one when they do.
            self._enter_waiting = True
            self.search.search_now()
            return
        self._choose_best()

    def _choose_best(self) -> None:
        """The result whose ticker was typed, else the first one."""
        found = self.model.instruments
        if not found:
            return
        text = self.edit.text().strip().upper()
        exact = [i for i in found if text in (i.ticker.upper(), i.id.upper())]
        self.choose((exact[0] if exact else found[0]).id)

    def choose(self, instrument_id: str) -> None:
        self.popup.hide()
        self.edit.clear()
        self.search.clear()
        self.instrumentChosen.emit(instrument_id)

    # --- Qt events -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.LanguageChange
            and self.completer.model() is self.messages
            and self.popup.isVisible()
        ):
            self._show_message(self.message_text())
        return super().eventFilter(watched, event)
