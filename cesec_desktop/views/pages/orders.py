"""Orders page: the orders of a period, live, with filters, a "…" menu per row, and a way in
to a new order.

The table is a view over `state.orders_model`: the model pages in by cursor and follows the
stream, the proxy sorts and filters. Columns are sized once per language from the font,
never to their contents on updates.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.domain.enums import Market, OrderStatus, Side
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.formatting import (
    format_day,
    format_moment_short,
    format_price,
    format_quantity,
)
from cesec_desktop.state.orders_model import (
    MARKET_ROLE,
    ORDER_ROLE,
    SORT_ROLE,
    TONE_ROLE,
    Column,
    OrdersModel,
    OrdersProxyModel,
)
from cesec_desktop.state.orders_query import OrdersQuery, Period, almaty_today
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.theme import is_dark as is_dark_palette
from cesec_desktop.state.vocabulary import side_text, status_text, tone_color, type_text
from cesec_desktop.views.pages.titles import ICONS, page_title
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.export_button import ExportButton
from cesec_desktop.views.widgets.list_table import list_table
from cesec_desktop.views.widgets.notice_label import NoticeLabel
from cesec_desktop.views.widgets.state_panel import add_centered_button, state_panel

if TYPE_CHECKING:
    from cesec_desktop.domain.models.orders import Order
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.order_details import OrderDetailsDialog

log = logging.getLogger(__name__)

OPEN = "open"
STATUS_FILTERS: tuple[str, ...] = (
    OPEN,
    OrderStatus.FILLED,
    OrderStatus.CANCELLED,
    OrderStatus.REJECTED,
    OrderStatus.EXPIRED,
)
OPEN_STATUSES = frozenset(s for s in OrderStatus if s.is_open)
MARKET_FILTERS: tuple[str, ...] = tuple(m.value for m in Market)
SIDE_FILTERS: tuple[str, ...] = (Side.BUY, Side.SELL)

CUSTOM_RANGE_DELAY_MS = 400
"""Typing a date changes it digit by digit: wait for a pause before loading."""
FILL_UP_ROWS = 60
"""While filters hide most rows, load further pages until at least this many show."""
ROW_PADDING = 14
CELL_MARGIN = 4
TEXT_MARGIN = 3
"""The style's own margin inside an item's text rectangle (PM_FocusFrameHMargin + 1)."""
CELL_PADDING = 2 * (CELL_MARGIN + TEXT_MARGIN) + 2
PILL_PADDING = 20
MARKET_GAP = 6
SORT_ARROW = 14
MENU_WIDTH = 34


# --- painting ------------------------------------------------------------------------------


class OrdersDelegate(QStyledItemDelegate):
    """Paints the "…" button, the instrument with its market, the side and the status pill."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        column = index.column()
        if column not in (Column.MENU, Column.INSTRUMENT, Column.SIDE, Column.STATUS):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        inset = CELL_MARGIN + TEXT_MARGIN  # where the other columns' text starts
        rect = opt.rect.adjusted(inset, 0, -inset, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            if column == Column.MENU:
                self._paint_menu(painter, opt)
            elif column == Column.INSTRUMENT:
                self._paint_instrument(painter, opt, rect, text, index.data(MARKET_ROLE) or "")
            elif column == Column.SIDE:
                painter.setPen(tone_color(index.data(TONE_ROLE)))
                font = QFont(opt.font)
                font.setWeight(QFont.Weight.DemiBold)
                painter.setFont(font)
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
            else:
                self._paint_pill(painter, opt, rect, text, index.data(TONE_ROLE), selected)
        finally:
            painter.restore()

    def _paint_menu(self, painter: QPainter, opt: QStyleOptionViewItem) -> None:
        side = min(opt.rect.height() - 6, 26)
        button = QRect(0, 0, side, side)
        button.moveCenter(opt.rect.center())
        if opt.state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(opt.palette.color(opt.palette.ColorRole.Text))
            hover.setAlphaF(0.10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hover)
            painter.drawRoundedRect(button, 6, 6)
        font = QFont(opt.font)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        painter.drawText(button, Qt.AlignmentFlag.AlignCenter, "\N{MIDLINE HORIZONTAL ELLIPSIS}")

    def _paint_instrument(
        self, painter: QPainter, opt: QStyleOptionViewItem, rect: QRect, ticker: str, market: str
    ) -> None:
        """The ticker in bold, then its market in small grey type when there is room for it."""
        font = QFont(opt.font)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        small = QFont(opt.font)
        small.setPointSizeF(max(opt.font.pointSizeF() * 0.82, 7.0))
        ticker_width = metrics.horizontalAdvance(ticker)
        market_width = QFontMetrics(small).horizontalAdvance(market) if market else 0
        shown = metrics.elidedText(ticker, Qt.TextElideMode.ElideRight, rect.width())
        painter.setFont(font)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
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
        font = QFont(opt.font)
        font.setPointSizeF(max(opt.font.pointSizeF() * 0.92, 7.0))
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        height = metrics.height() + 6
        width = min(metrics.horizontalAdvance(text) + PILL_PADDING, rect.width())
        pill = QRect(rect.left(), rect.center().y() - height // 2 + 1, width, height)
        fill = QColor(color)
        fill.setAlphaF(0.28 if selected else 0.14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(color)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, pill.width() - 12)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, shown)


def _table_sheet(dark: bool) -> str:
    """The table's look; selection is a tint so the side and status colours stay readable."""
    selection = "rgba(61, 143, 239, 0.22)" if dark else "rgba(11, 92, 173, 0.10)"
    hover = "rgba(255, 255, 255, 0.04)" if dark else "rgba(11, 92, 173, 0.04)"
    margin, header_margin = CELL_MARGIN, CELL_MARGIN + TEXT_MARGIN
    return f"""
QTableView#ordersTable {{
    background: palette(base);
    alternate-background-color: palette(alternate-base);
    border: 1px solid palette(mid);
    border-radius: 10px;
    gridline-color: transparent;
    selection-background-color: {selection};
    selection-color: palette(text);
    outline: 0;
}}
QTableView#ordersTable::item {{
    border: none;
    padding: 0px {margin}px;
}}
QTableView#ordersTable::item:hover {{
    background: {hover};
}}
QTableView#ordersTable::item:selected {{
    background: {selection};
    color: palette(text);
}}
QTableView#ordersTable QHeaderView {{
    background: transparent;
    border: none;
}}
QTableView#ordersTable QHeaderView::section {{
    background: palette(base);
    color: palette(text);
    border: none;
    border-bottom: 1px solid palette(mid);
    padding: 8px {header_margin}px;
    font-weight: 600;
}}
QTableView#ordersTable QTableCornerButton::section {{
    background: palette(base);
    border: none;
}}
QFrame#ordersPeriod QPushButton {{
    border: 1px solid palette(mid);
    border-radius: 0px;
    padding: 6px 14px;
    margin: 0px;
    background: palette(base);
}}
QFrame#ordersPeriod QPushButton:hover {{
    border-color: palette(highlight);
}}
QFrame#ordersPeriod QPushButton:checked {{
    background: palette(highlight);
    border-color: palette(highlight);
    color: palette(highlighted-text);
}}
QFrame#ordersPeriod QPushButton[segment="inner"], QFrame#ordersPeriod QPushButton[segment="last"] {{
    border-left: none;
}}
QFrame#ordersPeriod QPushButton[segment="first"] {{
    border-top-left-radius: 6px;
    border-bottom-left-radius: 6px;
}}
QFrame#ordersPeriod QPushButton[segment="last"] {{
    border-top-right-radius: 6px;
    border-bottom-right-radius: 6px;
}}
QDateEdit#ordersFrom, QDateEdit#ordersTo {{
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 6px;
    padding: 5px 8px;
}}
QDateEdit#ordersFrom:focus, QDateEdit#ordersTo:focus {{
    border-color: palette(highlight);
}}
QDateEdit#ordersFrom::drop-down, QDateEdit#ordersTo::drop-down {{
    subcontrol-origin: padding;
    subcontrol-position: center right;
    border: none;
    width: 18px;
}}
"""


# --- the page ------------------------------------------------------------------------------


class OrdersPage(QWidget):
    """The Orders page.

    Signals:
        orderFormOpened(object): the New order button opened the order form (the dialog).
    """

    key = "orders"
    orderFormOpened = Signal(object)

    def __init__(
        self,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ordersPage")
        self.session = session
        self.tasks = tasks if tasks is not None else TaskTracker("orders-page")
        self.model = OrdersModel(session, tasks=self.tasks, parent=self)
        # Brokers list the watched client's orders (the top bar's picker), read-only.
        self.scope = ClientScope.of(session) if session is not None else None
        if self.scope is not None:
            scope = self.scope
            self.model.client_id = scope.query_client_id
            self.model.owns = scope.owns
            self.model.accounts = lambda: scope.accounts
            scope.clientChanged.connect(self._client_changed)
        self.proxy = OrdersProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.details_dialog: OrderDetailsDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.order_form: Any = None
        self._menu_order_id: str | None = None
        self._cancelling: set[str] = set()
        self._busy = 0
        self._started = False
        self._dark: bool | None = None
        self._sort = (int(Column.TIME), Qt.SortOrder.DescendingOrder)
        self._wide: bool | None = None
        self._setting_edits = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 16)
        outer.setSpacing(12)
        outer.addLayout(self._build_header())
        self.toolbar = QGridLayout()
        self.toolbar.setHorizontalSpacing(16)
        self.toolbar.setVerticalSpacing(8)
        self.period_box = self._build_period()
        self.filter_box = self._build_filters()
        outer.addLayout(self.toolbar)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("ordersBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(3)
        # Keeps its room when hidden, so the table does not jump when a load starts.
        policy = self.busy_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busy_bar.setSizePolicy(policy)
        self.busy_bar.hide()
        self.notice = NoticeLabel("ordersNotice", self)
        body = QVBoxLayout()
        body.setSpacing(6)
        body.addWidget(self.busy_bar)
        body.addWidget(self.notice)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("ordersStack")
        self.table = self._build_table()
        self.stack.addWidget(self.table)
        self.export_button = ExportButton(
            self.table,
            tasks=self.tasks,
            file_name=self._export_name,
            sheet_name=lambda: page_title(self.key),
            raw_role=_export_value,
            parent=self.filter_box,
        )
        self.export_button.reported.connect(self._export_reported)
        self.filter_row.addSpacing(8)
        self.filter_row.addWidget(self.export_button)
        self.loading_state = self._build_loading()
        self.stack.addWidget(self.loading_state)
        self.empty_state = self._build_empty()
        self.stack.addWidget(self.empty_state)
        self.error_state = self._build_error()
        self.stack.addWidget(self.error_state)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        footer = QHBoxLayout()
        footer.setSpacing(8)
        self.footer = QLabel(self)
        self.footer.setObjectName("ordersFooter")
        self.footer.setProperty("role", "muted")
        footer.addWidget(self.footer)
        self.more_button = QPushButton(self)
        self.more_button.setObjectName("ordersLoadMore")
        self.more_button.setFlat(True)
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.clicked.connect(self.model.retry)
        self.more_button.hide()
        footer.addWidget(self.more_button)
        footer.addStretch(1)
        outer.addLayout(footer)
        self._build_menu()
        self._place_toolbar(wide=True)

        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(CUSTOM_RANGE_DELAY_MS)
        self._range_timer.timeout.connect(self._custom_range_settled)

        model = self.model
        model.loadingChanged.connect(self._loading_changed)
        model.loadFailed.connect(self._load_failed)
        model.pageLoaded.connect(self._page_loaded)
        model.modelReset.connect(self._update_state)
        self.proxy.rowsInserted.connect(self._update_state)
        self.proxy.rowsRemoved.connect(self._update_state)
        self.proxy.modelReset.connect(self._update_state)
        self.proxy.layoutChanged.connect(self._update_state)
        self._apply_sheet()
        self.retranslate()
        self._show_range(OrdersQuery.preset(Period.TODAY))
        self._update_state()

    # --- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(10)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        header.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("ordersRefresh")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setIconSize(QSize(18, 18))
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(self.reload)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.new_order_button = QPushButton(self)
        self.new_order_button.setObjectName("ordersNewOrder")
        self.new_order_button.setProperty("role", "primary")
        self.new_order_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_order_button.clicked.connect(self.open_order_form)
        header.addWidget(self.new_order_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_period(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        segments = QFrame(box)
        segments.setObjectName("ordersPeriod")
        segment_row = QHBoxLayout(segments)
        segment_row.setContentsMargins(0, 0, 0, 0)
        segment_row.setSpacing(0)
        self.period_group = QButtonGroup(self)
        self.period_group.setExclusive(True)
        self.period_buttons: dict[Period, QPushButton] = {}
        periods = list(Period)
        for number, period in enumerate(periods):
            button = QPushButton(segments)
            button.setObjectName(f"ordersPeriod_{period.value}")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            if number == 0:
                button.setProperty("segment", "first")
            elif number == len(periods) - 1:
                button.setProperty("segment", "last")
            else:
                button.setProperty("segment", "inner")
            button.clicked.connect(lambda _=False, p=period: self._period_clicked(p))
            self.period_group.addButton(button)
            self.period_buttons[period] = button
            segment_row.addWidget(button)
        self.period_buttons[Period.TODAY].setChecked(True)
        row.addWidget(segments)
        today = almaty_today()
        self.from_edit = QDateEdit(box)
        self.from_edit.setObjectName("ordersFrom")
        self.to_edit = QDateEdit(box)
        self.to_edit.setObjectName("ordersTo")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
            edit.setMinimumDate(QDate(2000, 1, 1))
            edit.dateChanged.connect(self._date_edited)
        self.range_dash = QLabel("\N{EN DASH}", box)
        row.addWidget(self.from_edit)
        row.addWidget(self.range_dash)
        row.addWidget(self.to_edit)
        return box

    def _build_filters(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.status_filter = QComboBox(box)
        self.status_filter.setObjectName("ordersStatusFilter")
        self.status_filter.addItem("", None)
        for value in STATUS_FILTERS:
            self.status_filter.addItem("", str(value))
        self.market_filter = QComboBox(box)
        self.market_filter.setObjectName("ordersMarketFilter")
        self.market_filter.addItem("", None)
        for value in MARKET_FILTERS:
            self.market_filter.addItem(value, value)
        self.side_filter = QComboBox(box)
        self.side_filter.setObjectName("ordersSideFilter")
        self.side_filter.addItem("", None)
        for value in SIDE_FILTERS:
            self.side_filter.addItem("", str(value))
        for combo in (self.status_filter, self.market_filter, self.side_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filters_changed)
            row.addWidget(combo)
        self.filter_row = row  # the Export button joins it once the table exists
        return box

    def _place_toolbar(self, wide: bool) -> None:
        """Period and filters side by side, or the filters below when the page is narrow."""
        if wide == self._wide:
            return
        self._wide = wide
        for widget in (self.period_box, self.filter_box):
            self.toolbar.removeWidget(widget)
        self.toolbar.addWidget(self.period_box, 0, 0, Qt.AlignmentFlag.AlignLeft)
        if wide:
            self.toolbar.addWidget(self.filter_box, 0, 1, Qt.AlignmentFlag.AlignRight)
            self.toolbar.setColumnStretch(1, 1)
        else:
            self.toolbar.addWidget(self.filter_box, 1, 0, Qt.AlignmentFlag.AlignLeft)
            self.toolbar.setColumnStretch(1, 0)

    def _build_table(self) -> QTableView:
        table = list_table(
            self,
            "ordersTable",
            self.proxy,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            min_section=MENU_WIDTH,
        )
        table.setItemDelegate(OrdersDelegate(table))
        table.customContextMenuRequested.connect(self._context_menu)
        table.clicked.connect(self._clicked)
        # Double click or Enter (a single click where the platform says so) opens Details.
        table.activated.connect(self._activated)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        table.setSortingEnabled(True)
        header.setSortIndicator(*self._sort)
        header.sortIndicatorChanged.connect(self._sort_changed)
        return table

    def _empty_panel(self, name: str) -> tuple[QWidget, QVBoxLayout, QLabel, QLabel]:
        panel, layout, title, text = state_panel(self, name, ICONS[self.key])
        return panel, layout, title, text

    def _centered_button(self, layout: QVBoxLayout, button: QPushButton) -> None:
        add_centered_button(layout, button)

    def _build_loading(self) -> QWidget:
        panel, layout, self.loading_title, self.loading_text = self._empty_panel("ordersLoading")
        layout.addStretch(2)
        return panel

    def _build_empty(self) -> QWidget:
        panel, layout, self.empty_title, self.empty_text = self._empty_panel("ordersEmpty")
        self.empty_new_order = QPushButton(panel)
        self.empty_new_order.setObjectName("ordersEmptyNewOrder")
        self.empty_new_order.setProperty("role", "primary")
        self.empty_new_order.clicked.connect(self.open_order_form)
        self.reset_filters_button = QPushButton(panel)
        self.reset_filters_button.setObjectName("ordersResetFilters")
        self.reset_filters_button.clicked.connect(self.reset_filters)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addStretch(1)
        row.addWidget(self.reset_filters_button)
        row.addWidget(self.empty_new_order)
        row.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addStretch(2)
        return panel

    def _build_error(self) -> QWidget:
        panel, layout, self.error_title, self.error_text = self._empty_panel("ordersError")
        self.retry_button = QPushButton(panel)
        self.retry_button.setObjectName("ordersRetry")
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.clicked.connect(self.model.retry)
        self._centered_button(layout, self.retry_button)
        return panel

    def _build_menu(self) -> None:
        self.row_menu = QMenu(self)
        self.row_menu.setObjectName("ordersRowMenu")
        self.details_action = self.row_menu.addAction("")
        self.details_action.setObjectName("ordersDetailsAction")
        self.details_action.triggered.connect(self._details_chosen)
        self.row_menu.addSeparator()
        self.cancel_action = self.row_menu.addAction("")
        self.cancel_action.setObjectName("ordersCancelAction")
        self.cancel_action.triggered.connect(self._cancel_chosen)

    # --- loading ---------------------------------------------------------------------------

    @property
    def query(self) -> OrdersQuery | None:
        return self.model.query

    @property
    def state(self) -> str:
        """What the page shows: "table", "loading", "empty", "filtered" or "error"."""
        current = self.stack.currentWidget()
        if current is self.table:
            return "table"
        if current is self.loading_state:
            return "loading"
        if current is self.error_state:
            return "error"
        return "filtered" if self.reset_filters_button.isVisibleTo(self.empty_state) else "empty"

    def start(self) -> None:
        """Load the orders of the chosen period, once (the first time the page shows)."""
        if not self._started and self.session is not None:
            if self.scope is not None and not self.scope.ready:
                self.scope.ensure_loaded()  # a broker's client first: it starts us then
                return
            self._started = True
            self.set_query(self._chosen_query())

    @property
    def read_only(self) -> bool:
        """Brokers watch a client's orders: no New order, no Cancel."""
        return self.scope is not None and self.scope.read_only

    def _client_changed(self, client_id: str) -> None:
        """Another client: their orders replace the list at once (none of the last one's)."""
        if self.scope is None:
            return
        self.model.client_id = self.scope.query_client_id
        if self.details_dialog is not None and isValid(self.details_dialog):
            self.details_dialog.reject()
        self._apply_read_only()
        if client_id and (self._started or self.isVisible()):
            self.set_query(self._chosen_query())

    def _apply_read_only(self) -> None:
        self.new_order_button.setVisible(not self.read_only)
        self._update_state()

    def set_query(self, query: OrdersQuery) -> None:
        self._started = True
        self._show_range(query)
        self.model.set_query(query)
        self._update_state()

    def reload(self) -> None:
        self.set_query(self._chosen_query())

    def select_period(self, period: Period) -> None:
        """As if the user clicked a preset (or Custom) above the table."""
        self.period_buttons[period].setChecked(True)
        self._period_clicked(period)

    def set_custom_range(self, start: date, end: date) -> None:
        """As if the user typed a range: Custom is chosen and the range loads at once."""
        self.period_buttons[Period.CUSTOM].setChecked(True)
        self._set_edits(start, end)
        self._range_timer.stop()
        self.set_query(OrdersQuery.custom(start, end))

    def _chosen_query(self) -> OrdersQuery:
        period = self._checked_period()
        if period is Period.CUSTOM:
            return OrdersQuery.custom(
                _to_date(self.from_edit.date()), _to_date(self.to_edit.date())
            )
        return OrdersQuery.preset(period)

    def _checked_period(self) -> Period:
        for period, button in self.period_buttons.items():
            if button.isChecked():
                return period
        return Period.TODAY

    def _period_clicked(self, period: Period) -> None:
        if period is Period.CUSTOM:
            self.from_edit.setFocus()
            self.set_query(self._chosen_query())
            return
        self.set_query(OrdersQuery.preset(period))

    def _date_edited(self) -> None:
        if self._setting_edits:
            return
        self.period_buttons[Period.CUSTOM].setChecked(True)
        self._range_timer.start()

    def _custom_range_settled(self) -> None:
        self.set_query(self._chosen_query())

    def _set_edits(self, start: date, end: date) -> None:
        self._setting_edits = True
        try:
            today = almaty_today()
            latest = QDate(today.year, today.month, today.day)
            for edit in (self.from_edit, self.to_edit):
                if edit.maximumDate() < latest:
                    edit.setMaximumDate(latest)
            self.from_edit.setDate(QDate(start.year, start.month, start.day))
            self.to_edit.setDate(QDate(end.year, end.month, end.day))
        finally:
            self._setting_edits = False

    def _show_range(self, query: OrdersQuery) -> None:
        self._set_edits(query.start, query.end)
        self.period_buttons[query.period].setChecked(True)

    def _loading_changed(self, loading: bool) -> None:
        self._set_busy(+1 if loading else -1)
        self._update_state()

    def _set_busy(self, step: int) -> None:
        self._busy = max(0, self._busy + step)
        self.busy_bar.setVisible(self._busy > 0)

    def _load_failed(self, error: Exception) -> None:
        from cesec_desktop.views.messages import describe

        self.error_text.setText(describe(error))
        if self.model.rowCount():
            # Rows stay on screen; the failure is said above them.
            self.show_notice(
                self.tr("More orders could not be loaded: %1").replace("%1", describe(error)),
                "negative",
            )
        self._update_state()

    def _page_loaded(self) -> None:
        self._update_state()
        # Filters apply to what is loaded: while they hide most of it, read further pages.
        if self.proxy.filtered and self.proxy.rowCount() < FILL_UP_ROWS:
            self.model.fetchMore()

    def _update_state(self, *_: object) -> None:
        model = self.model
        if model.error is not None and not model.rowCount():
            target: QWidget = self.error_state
        elif model.rowCount() == 0 and (model.loading or (self.session and not model.loaded)):
            target = self.loading_state
        elif self.proxy.rowCount() == 0 and not model.loading:
            target = self.empty_state
        else:
            target = self.table
        filtered = self.proxy.filtered and model.rowCount() > 0
        self.reset_filters_button.setVisible(filtered)
        self.empty_new_order.setVisible(not filtered and not self.read_only)
        if self.stack.currentWidget() is not target:
            self.stack.setCurrentWidget(target)
        self._retranslate_states()
        self._retranslate_footer()

    # --- filters and sorting ---------------------------------------------------------------

    def _filters_changed(self) -> None:
        status = self.status_filter.currentData()
        if status is None:
            self.proxy.set_statuses(None)
        elif status == OPEN:
            self.proxy.set_statuses(OPEN_STATUSES)
        else:
            self.proxy.set_statuses([status])
        self.proxy.set_market(self.market_filter.currentData())
        self.proxy.set_side(self.side_filter.currentData())
        self._update_state()
        if self.proxy.filtered and self.proxy.rowCount() < FILL_UP_ROWS:
            self.model.fetchMore()

    def reset_filters(self) -> None:
        for combo in (self.status_filter, self.market_filter, self.side_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._filters_changed()

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        if section == Column.MENU:
            # The "…" column has nothing to sort by: keep the sorting as it was.
            self.table.horizontalHeader().setSortIndicator(*self._sort)
            return
        self._sort = (section, order)

    # --- the row menu ----------------------------------------------------------------------

    def menu_index(self, order_id: str) -> QModelIndex:
        """The "…" cell of an order's row in the table (invalid if it is not shown)."""
        row = self.model.row_of(order_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, Column.MENU))

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == Column.MENU:
            rect = self.table.visualRect(index)
            self.show_row_menu(index, self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def _activated(self, index: QModelIndex) -> None:
        if index.column() != Column.MENU:
            self._open_details_at(index)

    def _open_details_at(self, index: QModelIndex) -> None:
        order = index.data(ORDER_ROLE)
        if order is not None:
            self.open_details(order.id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            index = self.table.currentIndex()
            if not index.isValid():
                return
            pos = self.table.visualRect(index).center()
        self.show_row_menu(index, self.table.viewport().mapToGlobal(pos))

    def show_row_menu(self, index: QModelIndex, global_pos: QPoint) -> None:
        order = index.data(ORDER_ROLE)
        if order is None:
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._menu_order_id = order.id
        self.cancel_action.setVisible(not self.read_only)
        self.cancel_action.setEnabled(order.status.is_open and order.id not in self._cancelling)
        self.cancel_action.setToolTip(
            "" if order.status.is_open else self.tr("Only an open order can be cancelled.")
        )
        self.row_menu.popup(global_pos)

    def _details_chosen(self) -> None:
        if self._menu_order_id is not None:
            self.open_details(self._menu_order_id)

    def _cancel_chosen(self) -> None:
        if self._menu_order_id is not None:
            self.cancel_order(self._menu_order_id)

    # --- details ---------------------------------------------------------------------------

    def open_details(self, order_id: str) -> None:
        """The Details dialog of an order (one at a time; the same order just comes forward)."""
        from cesec_desktop.views.order_details import OrderDetailsDialog

        order = self.model.order_by_id(order_id)
        if order is None:
            return
        current = self.details_dialog
        if current is not None and isValid(current):
            if current.order.id == order_id:
                current.raise_()
                current.activateWindow()
                return
            current.reject()
        dialog = OrderDetailsDialog(
            order,
            account=self.model.account_number(order.account_id),
            read_only=self.read_only,
            parent=self,
        )
        dialog.cancelRequested.connect(lambda order_id: self.cancel_order(order_id, dialog))
        self.model.ordersUpdated.connect(dialog.orders_updated)
        self.details_dialog = dialog
        # Opened and left to itself (no coroutine waits on it): it cleans up when it closes.
        dialog.finished.connect(lambda _code, d=dialog: self._details_closed(d))
        if self.session is not None:
            dialog.load(self.model.load_order, self.tasks)
        dialog.open()

    def _details_closed(self, dialog: OrderDetailsDialog) -> None:
        if isValid(dialog):
            self.model.ordersUpdated.disconnect(dialog.orders_updated)
            dialog.deleteLater()
        if self.details_dialog is dialog:
            self.details_dialog = None

    # --- cancel ----------------------------------------------------------------------------

    def cancel_order(self, order_id: str, parent: QWidget | None = None) -> None:
        """Ask, then cancel; the row shows the outcome."""
        if self.read_only:
            return
        order = self.model.order_by_id(order_id)
        if order is None or order_id in self._cancelling or not order.status.is_open:
            return
        self.tasks.spawn(self._cancel(order, parent or self), name="cancel-order")

    async def _cancel(self, order: Order, parent: QWidget) -> bool:
        from cesec_desktop.state.errors import CabinetError, Conflict
        from cesec_desktop.views.dialogs import run_dialog
        from cesec_desktop.views.messages import describe

        box = QMessageBox(parent)
        box.setObjectName("ordersCancelConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel the order"))
        box.setText(self.tr("Cancel order No. %1?").replace("%1", order.number))
        box.setInformativeText(self._summary(order))
        yes = box.addButton(self.tr("Cancel order"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Keep the order"), QMessageBox.ButtonRole.RejectRole)
        yes.setObjectName("ordersCancelYes")
        no.setObjectName("ordersCancelNo")
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.confirm_box = box
        try:
            await run_dialog(box)
            confirmed = box.clickedButton() is yes
        finally:
            self.confirm_box = None
            if isValid(box):
                box.deleteLater()
        if not confirmed:
            return False
        self._cancelling.add(order.id)
        self._set_busy(+1)
        self._sync_details_busy(order.id)
        try:
            updated = await self.model.cancel_order(order.id)
        except Conflict:
            # Filled, expired or already cancelled meanwhile: show what it is now.
            current = order
            try:
                current = await self.model.load_order(order.id)
            except CabinetError:
                log.info("order %s could not be re-read", order.id)
            self.show_notice(
                self.tr("Order No. %1 can no longer be cancelled: it is %2.")
                .replace("%1", order.number)
                .replace("%2", status_text(current.status).lower()),
                "negative",
            )
            return False
        except CabinetError as error:
            self.show_notice(
                self.tr("Order No. %1 was not cancelled: %2")
                .replace("%1", order.number)
                .replace("%2", describe(error)),
                "negative",
            )
            return False
        finally:
            self._cancelling.discard(order.id)
            self._set_busy(-1)
            self._sync_details_busy(order.id)
        self.show_notice(
            self.tr("Order No. %1 is cancelled.").replace("%1", updated.number), "positive"
        )
        return True

    def _sync_details_busy(self, order_id: str) -> None:
        dialog = self.details_dialog
        if dialog is not None and isValid(dialog) and dialog.order.id == order_id:
            dialog.set_cancelling(order_id in self._cancelling)

    def _summary(self, order: Order) -> str:
        """What the order does, and what cancelling leaves of a partly filled one."""
        from cesec_desktop.views.order_details import order_summary

        text = order_summary(order)
        if order.filled_quantity > 0:
            filled = format_quantity(order.filled_quantity)
            text += "\n" + self.tr("Already filled: %1. That part stays filled.").replace(
                "%1", filled
            )
        return text

    # --- new order -------------------------------------------------------------------------

    def open_order_form(self) -> None:
        """Open the order form (views/order_form.py); a new order then shows here at once."""
        if self.read_only:
            return
        try:
            from cesec_desktop.views.order_form import open_order_form
        except ImportError:
            log.exception("the order form is missing")
            self.show_notice(self.tr("The order form is not available."), "negative")
            return
        result = open_order_form(self, self.session)
        if inspect.isawaitable(result):
            self.tasks.spawn(result, name="order-form")  # type: ignore[arg-type]
        else:
            self.order_form = result
        self.orderFormOpened.emit(result)

    # --- export ----------------------------------------------------------------------------

    def _export_name(self) -> str:
        """The page and the period, as on Instructions: "Orders 2026-11-01_2026-11-21"."""
        query = self.model.query
        name = page_title(self.key)
        if query is None:
            return name
        return f"{name} {query.start.isoformat()}_{query.end.isoformat()}"

    def _export_reported(self, text: str, ok: bool) -> None:
        self.show_notice(text, "positive" if ok else "negative")

    # --- notices ---------------------------------------------------------------------------

    def show_notice(self, text: str, tone: str = "info") -> None:
        self.notice.show_notice(text, tone)

    # --- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(page_title(self.key))
        self.refresh_button.setToolTip(self.tr("Load the orders again"))
        self.new_order_button.setText(self.tr("New order"))
        self.new_order_button.setToolTip(self.tr("Place a buy or sell order (Ctrl+N)"))
        self.empty_new_order.setText(self.tr("New order"))
        self.reset_filters_button.setText(self.tr("Reset filters"))
        self.retry_button.setText(self.tr("Try again"))
        self.more_button.setText(self.tr("Load the rest again"))
        periods = {
            Period.TODAY: self.tr("Today"),
            Period.WEEK: self.tr("Week"),
            Period.MONTH: self.tr("Month"),
            Period.CUSTOM: self.tr("Custom"),
        }
        tips = {
            Period.TODAY: self.tr("Orders placed today"),
            Period.WEEK: self.tr("Orders of the last 7 days"),
            Period.MONTH: self.tr("Orders of the last month"),
            Period.CUSTOM: self.tr("Orders of the dates you choose"),
        }
        for period, button in self.period_buttons.items():
            button.setText(periods[period])
            button.setToolTip(tips[period])
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        self.from_edit.setDisplayFormat(date_format)
        self.to_edit.setDisplayFormat(date_format)
        self.from_edit.setToolTip(self.tr("From (Almaty date)"))
        self.to_edit.setToolTip(self.tr("To (Almaty date)"))
        statuses = [self.tr("All statuses"), self.tr("Open")]
        statuses += [status_text(s) for s in STATUS_FILTERS[1:]]
        for number, text in enumerate(statuses):
            self.status_filter.setItemText(number, text)
        self.status_filter.setToolTip(self.tr("Status"))
        self.market_filter.setItemText(0, self.tr("All markets"))
        self.market_filter.setToolTip(self.tr("Market"))
        self.side_filter.setItemText(0, self.tr("Buy and sell"))
        for number, side in enumerate(SIDE_FILTERS, start=1):
            self.side_filter.setItemText(number, side_text(side))
        self.side_filter.setToolTip(self.tr("Side"))
        self.details_action.setText(self.tr("Details"))
        self.cancel_action.setText(self.tr("Cancel order"))
        self.loading_title.setText(self.tr("Loading orders…"))
        self.loading_text.setText("")
        self.error_title.setText(self.tr("The orders could not be loaded"))
        self.model.retranslate()
        self._size_columns()
        self._retranslate_states()
        self._retranslate_footer()
        self._wide = None
        self._relayout()

    def _retranslate_states(self) -> None:
        if self.reset_filters_button.isVisibleTo(self.empty_state):
            self.empty_title.setText(self.tr("No orders match the filters"))
            self.empty_text.setText(
                self.tr(
                    "There are orders in this period, but none with this status, market and side."
                )
            )
        else:
            self.empty_title.setText(self.tr("No orders for this period"))
            self.empty_text.setText(
                self.tr("Choose another period above.")
                if self.read_only
                else self.tr("Choose another period above, or place a new order.")
            )

    def _retranslate_footer(self) -> None:
        shown, loaded = self.proxy.rowCount(), self.model.rowCount()
        locale = QLocale()
        if not shown:
            self.footer.setText("")
            self.more_button.hide()
            return
        if shown == loaded:
            text = self.tr("Orders: %1").replace("%1", locale.toString(shown))
        else:
            text = (
                self.tr("Shown: %1 of %2")
                .replace("%1", locale.toString(shown))
                .replace("%2", locale.toString(loaded))
            )
        failed = self.model.error is not None
        if self.model.has_more and not failed:
            text += " \N{MIDDLE DOT} " + self.tr("scroll down for more")
        self.footer.setText(text)
        self.more_button.setVisible(failed and self.model.has_more)

    def _size_columns(self) -> None:
        """Widths from the font and the longest words of the language: once, not per update."""
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setWeight(QFont.Weight.DemiBold)
        header_metrics = QFontMetrics(bold)
        pill = QFont(bold)
        pill.setPointSizeF(max(bold.pointSizeF() * 0.92, 7.0))
        pill_metrics = QFontMetrics(pill)
        small = QFont(self.table.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.82, 7.0))
        locale = QLocale()
        sample_time = datetime(2026, 12, 28, 18, 59, tzinfo=UTC)
        samples = {
            Column.NUMBER: [(metrics, "000000")],
            Column.TIME: [(metrics, format_moment_short(sample_time, locale))],
            Column.INSTRUMENT: [
                (header_metrics, "MMGZp"),  # one of the longer tickers, with its market
                (QFontMetrics(small), "KASE"),
            ],
            Column.SIDE: [(header_metrics, widest(header_metrics, map(side_text, Side)))],
            Column.TYPE: [(metrics, widest(metrics, map(type_text, ("limit", "market"))))],
            Column.PRICE: [(metrics, format_price(Decimal("44700.00"), "KZT", locale))],
            Column.QUANTITY: [(metrics, format_quantity(Decimal("100000"), locale))],
            Column.FILLED: [(metrics, format_quantity(Decimal("100000"), locale))],
            Column.STATUS: [
                (pill_metrics, widest(pill_metrics, map(status_text, OrderStatus))),
            ],
            Column.VALID_UNTIL: [(metrics, format_day(date(2026, 12, 28), locale))],
        }
        header = self.table.horizontalHeader()
        header.resizeSection(Column.MENU, MENU_WIDTH)
        for column, parts in samples.items():
            content = sum(m.horizontalAdvance(text) for m, text in parts)
            if column == Column.STATUS:
                content += PILL_PADDING
            elif column == Column.INSTRUMENT:
                content += MARKET_GAP
            title = header_metrics.horizontalAdvance(self.model.header_text(column))
            # Cell padding (stylesheet and style), and room for the sort arrow in the header.
            header.resizeSection(
                column, max(content + CELL_PADDING, title + CELL_PADDING + SORT_ARROW)
            )
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + ROW_PADDING)

    # --- Qt events -------------------------------------------------------------------------

    def _apply_sheet(self) -> None:
        dark = is_dark_palette(self.palette())
        if dark != self._dark:
            self._dark = dark
            self.setStyleSheet(_table_sheet(dark))

    def _relayout(self) -> None:
        needed = self.period_box.sizeHint().width() + self.filter_box.sizeHint().width() + 40
        self._place_toolbar(self.width() - 48 >= needed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply_read_only()
        self.start()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.PaletteChange:
            self._apply_sheet()
        super().changeEvent(event)


def _export_value(index: QModelIndex) -> Any:
    """A cell's value for a file: the limit price itself (its sort key is a tuple, so that
    market orders sort first), else the sort role's raw value."""
    if index.column() == Column.PRICE:
        order = index.data(ORDER_ROLE)
        return getattr(order, "price", None)
    return index.data(SORT_ROLE)


def widest(metrics: QFontMetrics, texts: Iterable[str]) -> str:
    return max(texts, key=metrics.horizontalAdvance)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
