"""The Instructions page: the user's withdrawals of one period, their live statuses, a "…"
menu with Details, and Export. Brokers see the watched client's, read-only."""

from __future__ import annotations

import logging
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
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.domain.enums import InstructionStatus, InstructionType
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.formatting import format_moment_short, format_price
from cesec_desktop.state.instructions_model import (
    INSTRUCTION_ROLE,
    Column,
    InstructionsModel,
    InstructionsProxyModel,
)
from cesec_desktop.state.orders_model import TONE_ROLE
from cesec_desktop.state.orders_query import OrdersQuery, Period, almaty_today
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.theme import is_dark as is_dark_palette
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.state.vocabulary import instruction_type_text as type_text
from cesec_desktop.views.pages.orders import (
    CELL_MARGIN,
    CELL_PADDING,
    MENU_WIDTH,
    PILL_PADDING,
    ROW_PADDING,
    SORT_ARROW,
    TEXT_MARGIN,
    OrdersDelegate,
    _table_sheet,
    widest,
)
from cesec_desktop.views.pages.titles import page_title
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.export_button import ExportButton
from cesec_desktop.views.widgets.list_table import list_table
from cesec_desktop.views.widgets.notice_label import NoticeLabel

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.instruction_details import InstructionDetailsDialog

log = logging.getLogger(__name__)

PERIODS = (Period.WEEK, Period.MONTH, Period.CUSTOM)
CUSTOM_RANGE_DELAY_MS = 400
FILL_UP_ROWS = 40


class InstructionsDelegate(OrdersDelegate):
    """The "…" button and the status pill, as on the Orders page."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        column = index.column()
        if column not in (Column.MENU, Column.STATUS):
            super(OrdersDelegate, self).paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        inset = CELL_MARGIN + TEXT_MARGIN
        rect = opt.rect.adjusted(inset, 0, -inset, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            if column == Column.MENU:
                self._paint_menu(painter, opt)
            else:
                self._paint_pill(painter, opt, rect, text, index.data(TONE_ROLE), selected)
        finally:
            painter.restore()


class InstructionsPage(QWidget):
    key = "instructions"

    def __init__(
        self,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("instructionsPage")
        self.session = session
        self.tasks = tasks if tasks is not None else TaskTracker("instructions-page")
        self.model = InstructionsModel(session, tasks=self.tasks, parent=self)
        self.scope = ClientScope.of(session) if session is not None else None
        if self.scope is not None:
            self.model.client_id = self.scope.query_client_id
            self.model.owns = self.scope.owns
            self.scope.clientChanged.connect(self._client_changed)
        self.proxy = InstructionsProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.details_dialog: InstructionDetailsDialog | None = None
        self._menu_id: str | None = None
        self._started = False

        self.table = self._build_table()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 16)
        outer.setSpacing(12)
        header = QHBoxLayout()
        header.setSpacing(10)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        header.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("instructionsRefresh")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setIconSize(QSize(18, 18))
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(self.reload)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(header)

        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        self.period_filter = QComboBox(self)
        self.period_filter.setObjectName("instructionsPeriod")
        for period in PERIODS:
            self.period_filter.addItem("", str(period))
        self.period_filter.setCurrentIndex(PERIODS.index(Period.MONTH))
        self.period_filter.currentIndexChanged.connect(self._period_changed)
        toolbar.addWidget(self.period_filter)
        today = almaty_today()
        self.from_edit = QDateEdit(self)
        self.from_edit.setObjectName("instructionsFrom")
        self.to_edit = QDateEdit(self)
        self.to_edit.setObjectName("instructionsTo")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setMinimumDate(QDate(2000, 1, 1))
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
            edit.dateChanged.connect(self._date_edited)
        self.range_dash = QLabel("\N{EN DASH}", self)
        toolbar.addWidget(self.from_edit)
        toolbar.addWidget(self.range_dash)
        toolbar.addWidget(self.to_edit)
        toolbar.addSpacing(8)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("instructionsStatusFilter")
        self.status_filter.addItem("", None)
        for status in InstructionStatus:
            self.status_filter.addItem("", str(status))
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        for combo in (self.period_filter, self.status_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        toolbar.addWidget(self.status_filter)
        toolbar.addStretch(1)
        self.export_button = ExportButton(
            self.table, tasks=self.tasks, file_name=self._export_name, parent=self
        )
        self.export_button.reported.connect(self._export_reported)
        toolbar.addWidget(self.export_button)
        outer.addLayout(toolbar)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("instructionsBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(3)
        policy = self.busy_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busy_bar.setSizePolicy(policy)
        self.busy_bar.hide()
        outer.addWidget(self.busy_bar)
        self.notice = NoticeLabel("instructionsNotice", self)
        outer.addWidget(self.notice)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.message_state = QWidget(self)
        self.message_state.setObjectName("instructionsMessage")
        self.message_state.setProperty("role", "card")
        message = QVBoxLayout(self.message_state)
        message.addStretch(1)
        self.message_title = QLabel(self.message_state)
        self.message_title.setProperty("role", "emptyTitle")
        self.message_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_title.setWordWrap(True)
        message.addWidget(self.message_title)
        self.message_text = QLabel(self.message_state)
        self.message_text.setProperty("role", "muted")
        self.message_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_text.setWordWrap(True)
        message.addWidget(self.message_text)
        self.retry_button = QPushButton(self.message_state)
        self.retry_button.setObjectName("instructionsRetry")
        self.retry_button.clicked.connect(self.model.retry)
        message.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignCenter)
        message.addStretch(2)
        self.stack.addWidget(self.message_state)
        outer.addWidget(self.stack, 1)

        footer = QHBoxLayout()
        footer.setSpacing(8)
        self.footer = QLabel(self)
        self.footer.setObjectName("instructionsFooter")
        self.footer.setProperty("role", "muted")
        footer.addWidget(self.footer, 1)
        outer.addLayout(footer)

        self.row_menu = QMenu(self)
        self.row_menu.setObjectName("instructionsRowMenu")
        self.details_action = self.row_menu.addAction("")
        self.details_action.setObjectName("instructionsDetailsAction")
        self.details_action.triggered.connect(self._details_chosen)

        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(CUSTOM_RANGE_DELAY_MS)
        self._range_timer.timeout.connect(self._custom_range_settled)

        self.model.loadingChanged.connect(self._loading_changed)
        self.model.loadFailed.connect(self._update_state)
        self.model.pageLoaded.connect(self._page_loaded)
        self.model.instructionsUpdated.connect(self._instructions_updated)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_state)
        self._set_edits(*self._preset(Period.MONTH))
        self._dark: bool | None = None
        self._apply_sheet()
        self.retranslate()

    def _build_table(self) -> QTableView:
        table = list_table(
            self,
            "instructionsTable",
            self.proxy,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            min_section=MENU_WIDTH,
        )
        table.setItemDelegate(InstructionsDelegate(table))
        table.setSortingEnabled(True)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.MENU, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.BANK, QHeaderView.ResizeMode.Stretch)
        table.sortByColumn(Column.CREATED, Qt.SortOrder.DescendingOrder)
        table.customContextMenuRequested.connect(self._context_menu)
        table.clicked.connect(self._clicked)
        table.activated.connect(self._activated)
        return table

    # --- loading ---------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.scope is not None and self.scope.read_only

    @property
    def state(self) -> str:
        """ "table", "loading", "empty" or "error"."""
        if self.stack.currentWidget() is self.table:
            return "table"
        return str(self.message_state.property("state") or "loading")

    def start(self) -> None:
        if self._started or self.session is None:
            return
        if self.scope is not None and not self.scope.ready:
            self.scope.ensure_loaded()  # the broker's client first: clientChanged starts us
            return
        self._started = True
        self.model.set_query(self.chosen_query())

    def reload(self) -> None:
        if self._started:
            self.model.set_query(self.chosen_query())
        else:
            self.start()

    def _client_changed(self, _client_id: str) -> None:
        if self.scope is None:
            return
        self.model.client_id = self.scope.query_client_id
        self._close_details()
        if self.scope.ready and (self._started or self.isVisible()):
            self._started = True
            self.model.set_query(self.chosen_query())
        else:
            self.model.clear()
            self._update_state()

    def chosen_query(self) -> OrdersQuery:
        period = Period(self.period_filter.currentData())
        if period is Period.CUSTOM:
            return OrdersQuery.custom(
                _to_date(self.from_edit.date()), _to_date(self.to_edit.date())
            )
        return OrdersQuery.preset(period)

    def select_period(self, period: Period) -> None:
        self.period_filter.setCurrentIndex(PERIODS.index(period))

    def set_custom_range(self, start: date, end: date) -> None:
        self.select_period(Period.CUSTOM)
        self._set_edits(start, end)
        self._range_timer.stop()
        self.reload()

    def _preset(self, period: Period) -> tuple[date, date]:
        query = OrdersQuery.preset(period)
        return query.start, query.end

    def _set_edits(self, start: date, end: date) -> None:
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _period_changed(self) -> None:
        period = Period(self.period_filter.currentData())
        custom = period is Period.CUSTOM
        if not custom:
            self._set_edits(*self._preset(period))
        for widget in (self.from_edit, self.to_edit):
            widget.setEnabled(custom)
        if self._started:
            self.reload()

    def _date_edited(self) -> None:
        if Period(self.period_filter.currentData()) is Period.CUSTOM:
            self._range_timer.start()

    def _custom_range_settled(self) -> None:
        if self._started:
            self.reload()

    def _status_changed(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_statuses(None if status is None else [status])
        self._page_loaded()

    def _loading_changed(self, loading: bool) -> None:
        self.busy_bar.setVisible(loading)
        self.refresh_button.setEnabled(not loading)
        self._update_state()

    def _page_loaded(self) -> None:
        self._update_state()
        # The status filter applies to what is loaded: read on while it hides most of it.
        if self.proxy.statuses is not None and self.proxy.rowCount() < FILL_UP_ROWS:
            self.model.fetchMore()

    def _update_state(self, *_: object) -> None:
        model = self.model
        if model.error is not None and not model.rowCount():
            state = "error"
        elif model.rowCount() == 0 and (model.loading or not model.loaded):
            state = "loading"
        elif self.proxy.rowCount() == 0 and not model.loading:
            state = "empty"
        else:
            state = "table"
        if state == "table":
            self.stack.setCurrentWidget(self.table)
        else:
            self.message_state.setProperty("state", state)
            self.stack.setCurrentWidget(self.message_state)
        self._retranslate_state()
        self._retranslate_footer()

    def _instructions_updated(self, items: list[Any]) -> None:
        dialog = self.details_dialog
        if dialog is not None and isValid(dialog):
            for item in items:
                dialog.show_instruction(item)

    # --- the "…" menu and Details ----------------------------------------------------------

    def menu_index(self, instruction_id: str) -> QModelIndex:
        row = self.model.row_of(instruction_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, Column.MENU))

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == Column.MENU:
            rect = self.table.visualRect(index)
            self.show_row_menu(index, self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(INSTRUCTION_ROLE)
        if item is not None and index.column() != Column.MENU:
            self.open_details(item.id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.show_row_menu(index, self.table.viewport().mapToGlobal(pos))

    def show_row_menu(self, index: QModelIndex, global_pos: QPoint) -> None:
        item = index.data(INSTRUCTION_ROLE)
        if item is None:
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._menu_id = item.id
        self.row_menu.popup(global_pos)

    def _details_chosen(self) -> None:
        if self._menu_id is not None:
            self.open_details(self._menu_id)

    def open_details(self, instruction_id: str) -> None:
        """The Details dialog (one at a time); the full record is read from the server."""
        from cesec_desktop.views.instruction_details import InstructionDetailsDialog

        row = self.model.row_of(instruction_id)
        if row is None:
            return
        item = self.model.instruction_at(row)
        self._close_details()
        dialog = InstructionDetailsDialog(item, self._account_number(item.account_id), self)
        self.details_dialog = dialog
        dialog.finished.connect(self._details_closed)
        if self.session is not None:
            self.tasks.spawn(self._load_details(instruction_id), name="instruction-details")
        dialog.open()

    async def _load_details(self, instruction_id: str) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            await self.model.load_instruction(instruction_id)  # the row and dialog follow
        except CabinetError as error:
            log.info("instruction %s did not load (%s)", instruction_id, error.code)

    def _details_closed(self) -> None:
        self.details_dialog = None

    def _close_details(self) -> None:
        dialog = self.details_dialog
        self.details_dialog = None
        if dialog is not None and isValid(dialog):
            dialog.reject()

    def _account_number(self, account_id: str) -> str:
        accounts = self.scope.accounts if self.scope is not None else []
        return next((a.number for a in accounts if a.id == account_id), account_id)

    # --- export ----------------------------------------------------------------------------

    def _export_name(self) -> str:
        query = self.model.query
        name = self.tr("Instructions")
        if query is None:
            return name
        return f"{name} {query.start.isoformat()}_{query.end.isoformat()}"

    def _export_reported(self, text: str, ok: bool) -> None:
        self.show_notice(text, "positive" if ok else "negative")

    def show_notice(self, text: str, tone: str = "info") -> None:
        self.notice.show_notice(text, tone)

    # --- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(page_title(self.key))
        self.refresh_button.setToolTip(self.tr("Refresh"))
        period_texts = {
            Period.WEEK: self.tr("Last 7 days"),
            Period.MONTH: self.tr("Last month"),
            Period.CUSTOM: self.tr("Custom period"),
        }
        for row, period in enumerate(PERIODS):
            self.period_filter.setItemText(row, period_texts[period])
        self.period_filter.setToolTip(self.tr("Period"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for row, status in enumerate(InstructionStatus, start=1):
            self.status_filter.setItemText(row, status_text(status))
        self.status_filter.setToolTip(self.tr("Status"))
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        self.from_edit.setDisplayFormat(date_format)
        self.to_edit.setDisplayFormat(date_format)
        self.from_edit.setToolTip(self.tr("From (Almaty date)"))
        self.to_edit.setToolTip(self.tr("To (Almaty date)"))
        self.details_action.setText(self.tr("Details"))
        self.retry_button.setText(self.tr("Try again"))
        self.model.retranslate()
        self._size_columns()
        self._period_changed_enabled()
        self._update_state()

    def _period_changed_enabled(self) -> None:
        custom = Period(self.period_filter.currentData()) is Period.CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)

    def _retranslate_state(self) -> None:
        from cesec_desktop.views.messages import describe

        state = self.message_state.property("state")
        self.retry_button.setVisible(state == "error")
        if state == "error":
            self.message_title.setText(self.tr("The instructions could not be loaded"))
            error = self.model.error
            self.message_text.setText(describe(error) if error is not None else "")
        elif state == "empty":
            if self.proxy.statuses is not None:
                self.message_title.setText(self.tr("No instructions with this status"))
                self.message_text.setText(self.tr("Choose another status or a longer period."))
            else:
                self.message_title.setText(self.tr("No instructions in this period"))
                self.message_text.setText(
                    self.tr("Withdrawals you sign are listed here with their status.")
                )
        elif self.scope is not None and self.scope.is_broker and not self.scope.ready:
            self.message_title.setText(self.tr("Choose a client"))
            self.message_text.setText(
                self.tr("Pick a client at the top to see their instructions.")
            )
        else:
            self.message_title.setText(self.tr("Loading instructions…"))
            self.message_text.setText("")

    def _retranslate_footer(self) -> None:
        shown, loaded = self.proxy.rowCount(), self.model.rowCount()
        locale = QLocale()
        if not loaded:
            self.footer.setText("")
            return
        if shown == loaded:
            text = self.tr("Instructions: %1").replace("%1", locale.toString(shown))
        else:
            text = (
                self.tr("Shown: %1 of %2")
                .replace("%1", locale.toString(shown))
                .replace("%2", locale.toString(loaded))
            )
        if self.model.has_more:
            text += " \N{MIDDLE DOT} " + self.tr("scroll down for more")
        if self.read_only:
            text += " \N{MIDDLE DOT} " + self.tr("view only")
        self.footer.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.PaletteChange:
            self._apply_sheet()
        super().changeEvent(event)

    def _apply_sheet(self) -> None:
        dark = is_dark_palette(self.palette())
        if dark != self._dark:
            self._dark = dark
            # The Orders table's look, for this page's widgets.
            self.setStyleSheet(_table_sheet(dark).replace("#orders", "#instructions"))

    def _size_columns(self) -> None:
        """Widths from the font and the longest words of the language (as on Orders)."""
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setWeight(QFont.Weight.DemiBold)
        header_metrics = QFontMetrics(bold)
        pill = QFont(bold)
        pill.setPointSizeF(max(bold.pointSizeF() * 0.92, 7.0))
        pill_metrics = QFontMetrics(pill)
        locale = QLocale()
        sample_time = datetime(2026, 12, 28, 18, 59, tzinfo=UTC)
        statuses = widest(pill_metrics, map(status_text, InstructionStatus))
        samples = {
            Column.NUMBER: metrics.horizontalAdvance("0000000"),
            Column.CREATED: metrics.horizontalAdvance(format_moment_short(sample_time, locale)),
            Column.TYPE: metrics.horizontalAdvance(
                widest(metrics, map(type_text, InstructionType))
            ),
            Column.AMOUNT: metrics.horizontalAdvance(
                format_price(Decimal("99999999.99"), "", locale)
            ),
            Column.CURRENCY: metrics.horizontalAdvance("KZT"),
            Column.IBAN: metrics.horizontalAdvance("KZ00 **** **** 0000"),
            Column.BANK: metrics.horizontalAdvance("Halyk Bank"),
            Column.STATUS: pill_metrics.horizontalAdvance(statuses) + PILL_PADDING,
        }
        header = self.table.horizontalHeader()
        header.resizeSection(Column.MENU, MENU_WIDTH)
        for column, content in samples.items():
            title = header_metrics.horizontalAdvance(self.model.header_text(column))
            header.resizeSection(
                column, max(content + CELL_PADDING, title + CELL_PADDING + SORT_ARROW)
            )
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + ROW_PADDING)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
