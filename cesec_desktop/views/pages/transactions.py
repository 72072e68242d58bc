"""Transactions page: the deals of a period, years of them, with filters and totals.

The table is a view over `state.transactions_model`: the model pages in 5,000 rows at a
time and sorts itself by a key function; the proxy filters by instrument text locally.
Period, market and side are asked of the server (they reload the model). Columns are
sized once per language from the font, never to their contents.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.domain.enums import Market, Side
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.formatting import format_decimal
from cesec_desktop.state.orders_query import almaty_today, month_before
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.theme import is_dark as is_dark_palette
from cesec_desktop.state.transactions_model import (
    COLUMNS,
    TRANSACTION_ROLE,
    Column,
    TransactionsModel,
    TransactionsProxyModel,
    TransactionsQuery,
    header_text,
    totals_by_currency,
)
from cesec_desktop.state.vocabulary import side_text
from cesec_desktop.views.pages.titles import ICONS, page_title
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.export_button import ExportButton
from cesec_desktop.views.widgets.list_table import list_table
from cesec_desktop.views.widgets.state_panel import add_centered_button, state_panel

if TYPE_CHECKING:
    from cesec_desktop.domain.models.orders import Transaction
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.transaction_details import TransactionDetailsDialog

log = logging.getLogger(__name__)

PERIODS: tuple[str, ...] = ("month", "quarter", "year", "all", "custom")
FIRST_DAY = date(2000, 1, 1)
""""All time" starts here: before the broker's first client."""
SEARCH_DELAY_MS = 250
"""Typing a ticker changes it letter by letter: filter after a pause."""
RANGE_DELAY_MS = 400
MENU_WIDTH = 34
CELL_PADDING = 24


def preset_range(period: str, today: date) -> tuple[date, date]:
    """The Almaty days a preset covers, today included."""
    if period == "month":
        return month_before(today) + timedelta(days=1), today
    if period == "quarter":
        start = today
        for _ in range(3):
            start = month_before(start)
        return start + timedelta(days=1), today
    if period == "year":
        return today.replace(year=today.year - 1) + timedelta(days=1), today
    if period == "all":
        return FIRST_DAY, today
    raise ValueError("a custom period needs its own dates")


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class TransactionsPage(QWidget):
    """The Transactions page.

    Signals:
        totalsChanged(): the totals line was recomputed for what is shown.
    """

    key = "transactions"
    totalsChanged = Signal()

    def __init__(
        self,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transactionsPage")
        self.session = session
        self.tasks = tasks if tasks is not None else TaskTracker("transactions-page")
        self.model = TransactionsModel(session, tasks=self.tasks, parent=self)
        self.proxy = TransactionsProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.scope = ClientScope.of(session) if session is not None else None
        if self.scope is not None:
            self.model.client_id = self.scope.query_client_id
            self.scope.clientChanged.connect(self._client_changed)
        if session is not None and hasattr(session, "signedOut"):
            session.signedOut.connect(self._signed_out)
        self.details_dialog: TransactionDetailsDialog | None = None
        self.totals: dict[str, tuple[Any, Any]] = {}
        self._menu_row: int | None = None
        self._started = False
        self._dark: bool | None = None
        self._sized_for: str | None = None
        self._setting_edits = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 16)
        outer.setSpacing(12)
        outer.addLayout(self._build_header())
        outer.addLayout(self._build_toolbar())
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("transactionsBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(3)
        policy = self.busy_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busy_bar.setSizePolicy(policy)
        self.busy_bar.hide()
        body = QVBoxLayout()
        body.setSpacing(4)
        body.addWidget(self.busy_bar)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("transactionsStack")
        self.table = self._build_table()
        self.stack.addWidget(self.table)
        # No notice area here: the outcome goes to the main window's status bar. In the
        # header, beside Refresh: the filter row has no room left in Kazakh at 1200 px.
        self.export_button = ExportButton(
            self.table,
            tasks=self.tasks,
            file_name=self._export_name,
            sheet_name=lambda: page_title(self.key),
            parent=self,
        )
        self.header_row.insertWidget(1, self.export_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.loading_state, self.loading_title, self.loading_text, _ = self._panel(
            "transactionsLoading"
        )
        self.stack.addWidget(self.loading_state)
        self.empty_state, self.empty_title, self.empty_text, empty_layout = self._panel(
            "transactionsEmpty"
        )
        self.reset_filters_button = QPushButton(self.empty_state)
        self.reset_filters_button.setObjectName("transactionsResetFilters")
        self.reset_filters_button.clicked.connect(self.reset_filters)
        self._centered(empty_layout, self.reset_filters_button)
        self.stack.addWidget(self.empty_state)
        self.error_state, self.error_title, self.error_text, error_layout = self._panel(
            "transactionsError"
        )
        self.retry_button = QPushButton(self.error_state)
        self.retry_button.setObjectName("transactionsRetry")
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.clicked.connect(self.reload)
        self._centered(error_layout, self.retry_button)
        self.stack.addWidget(self.error_state)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        outer.addLayout(self._build_footer())
        self._build_menu()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_instrument_filter)
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(RANGE_DELAY_MS)
        self._range_timer.timeout.connect(self.reload)
        # Totals follow every change of rows, filter or page, computed once per batch.
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(0)
        self._totals_timer.timeout.connect(self._update_totals)

        model = self.model
        model.loadingChanged.connect(self._loading_changed)
        model.loaded.connect(self._page_arrived)
        model.rowsAppended.connect(self._page_arrived)
        model.modelReset.connect(self._update_state)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._rows_changed)
        self._apply_sheet()
        self.retranslate()
        self._show_range(*preset_range("month", almaty_today()))
        self._update_state()

    # --- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(10)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        header.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("transactionsRefresh")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setIconSize(QSize(18, 18))
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(self.reload)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.header_row = header  # the Export button joins it once the table exists
        return header

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("transactionsPeriod")
        for period in PERIODS:
            self.period_combo.addItem("", period)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        row.addWidget(self.period_combo)
        today = almaty_today()
        self.from_edit = QDateEdit(self)
        self.from_edit.setObjectName("transactionsFrom")
        self.to_edit = QDateEdit(self)
        self.to_edit.setObjectName("transactionsTo")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setMinimumDate(_qdate(FIRST_DAY))
            edit.setMaximumDate(_qdate(today))
            edit.dateChanged.connect(self._date_edited)
        self.range_dash = QLabel("\N{EN DASH}", self)
        row.addWidget(self.from_edit)
        row.addWidget(self.range_dash)
        row.addWidget(self.to_edit)
        row.addSpacing(12)
        self.market_filter = QComboBox(self)
        self.market_filter.setObjectName("transactionsMarketFilter")
        self.market_filter.addItem("", None)
        for market in Market:
            self.market_filter.addItem(market.value, market.value)
        self.market_filter.currentIndexChanged.connect(self._server_filters_changed)
        row.addWidget(self.market_filter)
        self.side_filter = QComboBox(self)
        self.side_filter.setObjectName("transactionsSideFilter")
        self.side_filter.addItem("", None)
        for side in Side:
            self.side_filter.addItem("", side.value)
        self.side_filter.currentIndexChanged.connect(self._server_filters_changed)
        row.addWidget(self.side_filter)
        self.instrument_filter = QLineEdit(self)
        self.instrument_filter.setObjectName("transactionsInstrumentFilter")
        self.instrument_filter.setClearButtonEnabled(True)
        self.instrument_filter.setMinimumWidth(160)
        self.instrument_filter.setMaximumWidth(260)
        self.instrument_filter.textEdited.connect(lambda _text: self._search_timer.start())
        # The clear button does not emit textEdited: filter at once when the box empties.
        self.instrument_filter.textChanged.connect(self._instrument_text_changed)
        row.addWidget(self.instrument_filter, 1)
        row.addStretch(0)
        return row

    def _build_table(self) -> QTableView:
        table = list_table(
            self,
            "transactionsTable",
            self.proxy,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            min_section=MENU_WIDTH,
        )
        table.customContextMenuRequested.connect(self._context_menu)
        table.clicked.connect(self._clicked)
        table.activated.connect(self._activated)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(int(Column.TIME), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        return table

    def _panel(self, name: str) -> tuple[QWidget, QLabel, QLabel, QVBoxLayout]:
        panel, layout, title, text = state_panel(self, name, ICONS[self.key])
        return panel, title, text, layout

    def _centered(self, layout: QVBoxLayout, button: QPushButton) -> None:
        add_centered_button(layout, button)

    def _build_footer(self) -> QHBoxLayout:
        footer = QHBoxLayout()
        footer.setSpacing(16)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("transactionsCount")
        self.count_label.setProperty("role", "muted")
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("transactionsTotals")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer.addWidget(self.totals_label)
        return footer

    def _build_menu(self) -> None:
        self.row_menu = QMenu(self)
        self.row_menu.setObjectName("transactionsRowMenu")
        self.details_action = self.row_menu.addAction("")
        self.details_action.setObjectName("transactionsDetailsAction")
        self.details_action.triggered.connect(self._details_chosen)

    # --- loading ---------------------------------------------------------------------------

    @property
    def query(self) -> TransactionsQuery | None:
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

    @property
    def read_only(self) -> bool:
        """Always true for a broker; the page itself has nothing to change anyway."""
        return self.scope is not None and self.scope.read_only

    def start(self) -> None:
        """Load the chosen period once, the first time the page shows."""
        if self._started or self.session is None:
            return
        if self.scope is not None and not self.scope.ready:
            self.scope.ensure_loaded()  # a broker's client first: clientChanged starts us
            return
        self._started = True
        self.reload()

    def reload(self) -> None:
        """Ask the server again for the chosen period and filters."""
        self._range_timer.stop()
        self._started = True
        self.model.set_query(self.chosen_query())
        self._update_state()

    def chosen_query(self) -> TransactionsQuery:
        start, end = _to_date(self.from_edit.date()), _to_date(self.to_edit.date())
        if start > end:
            start, end = end, start
        market = self.market_filter.currentData()
        side = self.side_filter.currentData()
        return TransactionsQuery(
            start,
            end,
            Market(market) if market else None,
            Side(side) if side else None,
        )

    def set_range(self, start: date, end: date) -> None:
        """As if the user picked Custom and typed a range: it loads at once."""
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(PERIODS.index("custom"))
        self.period_combo.blockSignals(False)
        self._show_range(start, end)
        self.reload()

    def select_period(self, period: str) -> None:
        self.period_combo.setCurrentIndex(PERIODS.index(period))

    def _period_changed(self, _index: int) -> None:
        period = self.period_combo.currentData()
        if period == "custom":
            return  # the dates stay; editing them loads
        self._show_range(*preset_range(period, almaty_today()))
        if self._started:
            self.reload()

    def _show_range(self, start: date, end: date) -> None:
        self._setting_edits = True
        try:
            today = _qdate(almaty_today())
            for edit in (self.from_edit, self.to_edit):
                edit.setMaximumDate(today)
            self.from_edit.setDate(_qdate(start))
            self.to_edit.setDate(_qdate(end))
        finally:
            self._setting_edits = False

    def _date_edited(self, _value: QDate) -> None:
        if self._setting_edits:
            return
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(PERIODS.index("custom"))
        self.period_combo.blockSignals(False)
        if self._started:
            self._range_timer.start()

    def _server_filters_changed(self, _index: int) -> None:
        if self._started:
            self.reload()

    def _instrument_text_changed(self, text: str) -> None:
        if not text.strip():
            self._search_timer.stop()
            self.apply_instrument_filter()

    def apply_instrument_filter(self) -> None:
        """Filter the loaded rows by the instrument text (debounced while typing)."""
        self._search_timer.stop()
        self.proxy.set_instrument_text(self.instrument_filter.text())
        self._update_state()

    def set_instrument_text(self, text: str) -> None:
        """As if the user typed `text` and paused."""
        self.instrument_filter.setText(text)
        self.apply_instrument_filter()

    def reset_filters(self) -> None:
        for combo in (self.market_filter, self.side_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.instrument_filter.blockSignals(True)
        self.instrument_filter.clear()
        self.instrument_filter.blockSignals(False)
        self.proxy.set_instrument_text("")
        self.reload()

    @property
    def filtered(self) -> bool:
        return bool(
            self.market_filter.currentData() or self.side_filter.currentData() or self.proxy.needle
        )

    def _client_changed(self, client_id: str) -> None:
        """Another client: their transactions replace the list at once."""
        if self.scope is None:
            return
        self.model.client_id = self.scope.query_client_id
        if self.details_dialog is not None and isValid(self.details_dialog):
            self.details_dialog.reject()
        if not client_id:
            self.model.set_query(None)
            self._update_state()
        elif self._started or self.isVisible():
            self._started = True
            self.reload()

    def _signed_out(self) -> None:
        self._started = False
        self.model.set_query(None)
        self._update_state()

    def _loading_changed(self, loading: bool) -> None:
        self.busy_bar.setVisible(loading)
        self._update_state()

    def _page_arrived(self, *_: object) -> None:
        # The rest of the period follows page by page, after this one has painted.
        if self.model.canFetchMore():
            QTimer.singleShot(0, self._fetch_more)
        self._update_state()

    def _fetch_more(self) -> None:
        if self.model.canFetchMore():
            self.model.fetchMore()

    def _rows_changed(self, *_: object) -> None:
        self._totals_timer.start()
        self._update_state()

    def _update_state(self, *_: object) -> None:
        model = self.model
        waiting_for_client = self.scope is not None and not self.scope.ready
        if model.error is not None and not model.rowCount():
            target: QWidget = self.error_state
        elif model.rowCount() == 0 and (
            model.loading or (not model.is_loaded and not waiting_for_client)
        ):
            target = self.loading_state
        elif self.proxy.rowCount() == 0:
            target = self.empty_state
        else:
            target = self.table
        self.reset_filters_button.setVisible(self.filtered and target is self.empty_state)
        if self.stack.currentWidget() is not target:
            self.stack.setCurrentWidget(target)
        self._retranslate_states()
        self._retranslate_count()

    # --- totals ----------------------------------------------------------------------------

    def shown_transactions(self) -> list[Transaction]:
        return self.proxy.shown()

    def _update_totals(self) -> None:
        self.totals = totals_by_currency(self.shown_transactions())
        self._retranslate_totals()
        self.totalsChanged.emit()

    # --- the "…" menu ----------------------------------------------------------------------

    def transaction_at(self, proxy_row: int) -> Transaction | None:
        index = self.proxy.index(proxy_row, 0)
        return index.data(TRANSACTION_ROLE) if index.isValid() else None

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == Column.MENU:
            rect = self.table.visualRect(index)
            self.open_menu(index.row(), self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.open_menu(index.row(), self.table.viewport().mapToGlobal(position))

    def open_menu(self, proxy_row: int, where: QPoint) -> None:
        self._menu_row = proxy_row
        self.table.selectRow(proxy_row)
        self.row_menu.popup(where)

    def _details_chosen(self) -> None:
        if self._menu_row is not None:
            self.open_details(self._menu_row)

    def _activated(self, index: QModelIndex) -> None:
        if index.column() != Column.MENU:
            self.open_details(index.row())

    def open_details(self, proxy_row: int) -> TransactionDetailsDialog | None:
        """Details of the row: a window-modal dialog, opened without a nested loop."""
        from cesec_desktop.views.transaction_details import TransactionDetailsDialog

        transaction = self.transaction_at(proxy_row)
        if transaction is None:
            return None
        if self.details_dialog is not None and isValid(self.details_dialog):
            self.details_dialog.reject()
        dialog = TransactionDetailsDialog(transaction, self)
        self.details_dialog = dialog
        dialog.open()
        return dialog

    # --- text and look ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(page_title(self.key))
        self.refresh_button.setToolTip(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        periods = {
            "month": self.tr("Last month"),
            "quarter": self.tr("Last 3 months"),
            "year": self.tr("Last year"),
            "all": self.tr("All time"),
            "custom": self.tr("Custom range"),
        }
        for n, period in enumerate(PERIODS):
            self.period_combo.setItemText(n, periods[period])
        self.period_combo.setAccessibleName(self.tr("Period"))
        # The locale's short date with a four-digit year: ranges span years here.
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in date_format:
            date_format = date_format.replace("yy", "yyyy")
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat(date_format)
        self.from_edit.setAccessibleName(self.tr("From"))
        self.to_edit.setAccessibleName(self.tr("To"))
        self.market_filter.setItemText(0, self.tr("All markets"))
        self.market_filter.setAccessibleName(self.tr("Market"))
        self.side_filter.setItemText(0, self.tr("Buys and sells"))
        for n, side in enumerate(Side, start=1):
            self.side_filter.setItemText(n, side_text(side))
        self.side_filter.setAccessibleName(self.tr("Side"))
        self.instrument_filter.setPlaceholderText(self.tr("Instrument, e.g. KSPI"))
        self.instrument_filter.setAccessibleName(self.tr("Filter by instrument"))
        self.reset_filters_button.setText(self.tr("Reset filters"))
        self.retry_button.setText(self.tr("Try again"))
        self.details_action.setText(self.tr("Details"))
        self.model.retranslate()
        self._retranslate_states()
        self._retranslate_count()
        self._retranslate_totals()
        self._size_columns()

    def _retranslate_states(self) -> None:
        self.loading_title.setText(self.tr("Loading transactions…"))
        self.loading_text.setText(self.tr("Years of history can take a moment."))
        if self.scope is not None and self.scope.is_broker and not self.scope.ready:
            self.empty_title.setText(self.tr("No client chosen"))
            self.empty_text.setText(self.tr("Choose a client to see their transactions."))
        elif self.filtered and self.model.rowCount() > 0:
            self.empty_title.setText(self.tr("No transactions match the filters"))
            self.empty_text.setText(self.tr("Change the instrument text or reset the filters."))
        elif self.filtered:
            self.empty_title.setText(self.tr("No transactions match the filters"))
            self.empty_text.setText(self.tr("Try another market, side or period."))
        else:
            self.empty_title.setText(self.tr("No transactions for this period"))
            self.empty_text.setText(self.tr("Deals made on your orders appear here."))
        self.error_title.setText(self.tr("Transactions did not load"))
        error = self.model.error
        if error is not None:
            from cesec_desktop.views.messages import describe

            self.error_text.setText(describe(error))
        else:
            self.error_text.setText("")

    def _retranslate_count(self) -> None:
        shown = self.proxy.rowCount()
        # "Shown: N" needs no plural forms in any of the three languages.
        text = self.tr("Shown: %1").replace("%1", QLocale().toString(shown))
        if self.model.loading and self.model.rowCount():
            text = self.tr("%1 · loading more…").replace("%1", text)
        self.count_label.setText(text if self.model.is_loaded else "")

    def _retranslate_totals(self) -> None:
        if not self.totals:
            self.totals_label.setText("")
            return
        parts = [
            self.tr("%1: amount %2, fee %3")
            .replace("%1", code)
            .replace("%2", format_decimal(amount, 2))
            .replace("%3", format_decimal(fee, 2))
            for code, (amount, fee) in self.totals.items()
        ]
        self.totals_label.setText(self.tr("Totals") + "   " + "   ·   ".join(parts))

    def _size_columns(self) -> None:
        """Widths from the font and the language's headers, once; never to contents."""
        metrics = QFontMetrics(self.table.font())
        bold = self.table.horizontalHeader().font()
        bold.setBold(True)
        header_metrics = QFontMetrics(bold)
        samples = {
            Column.NUMBER: "TR-00000000",
            Column.TIME: "30.12.26 23:59",
            Column.INSTRUMENT: "HSBK_KZ",
            Column.SIDE: max((side_text(s) for s in Side), key=metrics.horizontalAdvance),
            Column.PRICE: "99 999,0000",
            Column.QUANTITY: "999 999",
            Column.AMOUNT: "999 999 999,99",
            Column.FEE: "99 999,99",
            Column.CURRENCY: "KZT",
            Column.SETTLEMENT: "30.12.2026",
        }
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(int(Column.MENU), QHeaderView.ResizeMode.Fixed)
        header.resizeSection(int(Column.MENU), MENU_WIDTH)
        for column in COLUMNS:
            if column is Column.MENU:
                continue
            width = max(
                metrics.horizontalAdvance(samples[column]),
                header_metrics.horizontalAdvance(header_text(column)) + 16,  # the sort arrow
            )
            header.resizeSection(int(column), width + CELL_PADDING)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 14)

    def _apply_sheet(self) -> None:
        dark = is_dark_palette(self.palette())
        if dark == self._dark:
            return
        self._dark = dark
        selection = "rgba(61, 143, 239, 0.22)" if dark else "rgba(11, 92, 173, 0.10)"
        self.setStyleSheet(
            f"""
QTableView#transactionsTable {{
    background: palette(base);
    alternate-background-color: palette(alternate-base);
    border: 1px solid palette(mid);
    border-radius: 10px;
    gridline-color: transparent;
    selection-background-color: {selection};
    selection-color: palette(text);
    outline: 0;
}}
QTableView#transactionsTable::item {{ border: none; padding: 0px 4px; }}
QTableView#transactionsTable::item:selected {{ background: {selection}; color: palette(text); }}
QTableView#transactionsTable QHeaderView {{ background: transparent; border: none; }}
QTableView#transactionsTable QHeaderView::section {{
    background: palette(base);
    color: palette(text);
    border: none;
    border-bottom: 1px solid palette(mid);
    padding: 8px 7px;
    font-weight: 600;
}}
QLabel#transactionsTotals {{ font-weight: 600; }}
"""
        )

    def _export_name(self) -> str:
        """The page and the period, as on Instructions: "Transactions 2026-10-21_2026-11-21"."""
        query = self.model.query
        name = page_title(self.key)
        if query is None:
            return name
        return f"{name} {query.start.isoformat()}_{query.end.isoformat()}"

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
