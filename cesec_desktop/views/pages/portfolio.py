"""Portfolio: securities and money per sub-account, totals, allocation and value history.

A broker has no portfolio of their own: the top bar's client picker (the session's
`ClientScope`) chooses whose data is shown, read-only (no Buy or Sell). The charts need
pyqtgraph, which is imported when the page is first shown, never at start-up.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state import clock
from cesec_desktop.state.account_names import account_label
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.formatting import format_money, format_percent
from cesec_desktop.state.list_model import CellPainter
from cesec_desktop.state.portfolio_model import (
    ID_ROLE,
    SORT_ROLE,
    DecimalSortProxy,
    HistoryPoint,
    MoneyColumn,
    PortfolioStore,
    SecurityColumn,
    Totals,
)
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.zoom import px
from cesec_desktop.views.delegates import CELL_PADDING, ROW_PADDING, ListCellDelegate
from cesec_desktop.views.pages.titles import page_title
from cesec_desktop.views.resources import icon
from cesec_desktop.views.style import restyle
from cesec_desktop.views.widgets.allocation_chart import AllocationChart
from cesec_desktop.views.widgets.export_button import ExportButton
from cesec_desktop.views.widgets.list_table import add_keyboard_menu
from cesec_desktop.views.widgets.quote_table import (
    add_trade_shortcuts,
    selected_row,
    show_trade_shortcut,
)

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

MENU_WIDTH = 36
NAME_MIN_WIDTH = 150
SECURITY_DROPS = (
    SecurityColumn.AVAILABLE,
    SecurityColumn.AVERAGE,
    SecurityColumn.PNL,
)
"""Columns that give way, first to last, when the table is too narrow."""


def _cancel(*trackers: TaskTracker) -> None:
    for tracker in trackers:
        for task in tracker.pending:
            task.cancel()


def _role(session: Session | None) -> str:
    me = session.me if session is not None else None
    return str(getattr(me.role, "value", me.role)) if me is not None else ""


class PortfolioPage(QWidget):
    """The Portfolio page. It finds the session from its window if not given one."""

    key = "portfolio"

    def __init__(self, parent: QWidget | None = None, *, session: Session | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioPage")
        self.session: Session | None = None
        self.store: PortfolioStore | None = None
        self.tasks = TaskTracker("portfolio-page", owner=self)
        self.scope: ClientScope | None = None
        self._history_plot: Any = None
        self._history_curve: Any = None
        self._opened: list[QWidget] = []
        self._accounts: list[Any] = []
        """The sub-accounts in the picker, whose names follow the UI language."""
        self._built_charts = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 20)
        outer.setSpacing(14)

        header = QHBoxLayout()
        header.setSpacing(10)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        header.addWidget(self.title)
        header.addStretch(1)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("portfolioRefresh")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.clicked.connect(self.reload)
        header.addWidget(self.refresh_button)
        outer.addLayout(header)

        # Which sub-account (whose: the top bar's client picker, for brokers).
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.account_label = QLabel(self)
        self.account_label.setProperty("role", "muted")
        self.account_combo = QComboBox(self)
        self.account_combo.setObjectName("portfolioAccount")
        self.account_combo.setMinimumWidth(220)
        self.account_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.account_combo.currentIndexChanged.connect(self._account_chosen)
        filters.addWidget(self.account_label)
        filters.addWidget(self.account_combo)
        filters.addStretch(1)
        outer.addLayout(filters)

        # Totals: five figures in one card.
        self.totals_card = QFrame(self)
        self.totals_card.setObjectName("portfolioTotals")
        self.totals_card.setProperty("role", "card")
        totals = QGridLayout(self.totals_card)
        totals.setContentsMargins(20, 12, 20, 14)
        totals.setHorizontalSpacing(28)
        totals.setVerticalSpacing(2)
        self.total_names: dict[str, QLabel] = {}
        self.total_values: dict[str, QLabel] = {}
        for column, key in enumerate(("total", "securities", "cash", "day", "rate")):
            name, value = QLabel(self.totals_card), QLabel(self.totals_card)
            name.setProperty("role", "muted")
            value.setObjectName(f"portfolioTotal_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setProperty("role", "subtitle" if key == "total" else "")
            # At 200 % text five figures are wider than the card: a figure takes two lines
            # (a sum stays whole: its spaces do not break), not a cut.
            for label in (name, value):
                label.setWordWrap(True)
            totals.addWidget(name, 0, column)
            totals.addWidget(value, 1, column)
            self.total_names[key] = name
            self.total_values[key] = value
        totals.setColumnStretch(4, 1)
        outer.addWidget(self.totals_card)

        # The state panel (loading, error, nothing here) or the content.
        self.pages = QStackedWidget(self)
        self.message_panel = QWidget(self.pages)
        message_layout = QVBoxLayout(self.message_panel)
        message_layout.addStretch(1)
        self.message = QLabel(self.message_panel)
        self.message.setObjectName("portfolioMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "emptyTitle")
        message_layout.addWidget(self.message)
        self.retry_button = QPushButton(self.message_panel)
        self.retry_button.setObjectName("portfolioRetry")
        self.retry_button.clicked.connect(self.reload)
        message_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(2)
        self.pages.addWidget(self.message_panel)

        self.content = QSplitter(Qt.Orientation.Vertical, self.pages)
        self.content.setObjectName("portfolioContent")
        self.content.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self.content)
        self.tabs.setObjectName("portfolioTabs")
        self.tabs.setDocumentMode(True)
        self.securities_view = self._table("portfolioSecurities", SecurityColumn.MENU)
        self.money_view = self._table("portfolioMoney", MoneyColumn.MENU)
        self.securities_empty = self._empty_label()
        self.money_empty = self._empty_label()
        self.securities_stack = self._stacked(self.securities_view, self.securities_empty)
        self.money_stack = self._stacked(self.money_view, self.money_empty)
        self.tabs.addTab(self.securities_stack, "")
        self.tabs.addTab(self.money_stack, "")
        self.content.addWidget(self.tabs)
        # One Export per table, in the tab bar's corner: the current tab's is shown. The
        # page has no notice area: the outcome goes to the main window's status bar.
        self.securities_export, self.money_export = (
            ExportButton(
                view,
                tasks=self.tasks,
                file_name=lambda t=tab: self._export_name(t),
                sheet_name=lambda t=tab: self.tabs.tabText(t),
                raw_role=int(SORT_ROLE),
                compact=True,  # as tall as the tabs beside it
                parent=self.tabs,
            )
            for tab, view in enumerate((self.securities_view, self.money_view))
        )
        corner = QWidget(self.tabs)
        corner.setObjectName("portfolioExportCorner")
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 0, 3)
        corner_row.setSpacing(0)
        for button in (self.securities_export, self.money_export):
            button.setParent(corner)
            corner_row.addWidget(button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._show_export_button)
        self._show_export_button(self.tabs.currentIndex())
        add_trade_shortcuts(
            self.securities_view, self.trade_selected, unselected=self.trade_unselected
        )

        charts = QWidget(self.content)
        charts_row = QHBoxLayout(charts)
        charts_row.setContentsMargins(0, 8, 0, 0)
        charts_row.setSpacing(14)
        self.allocation_card, allocation = self._card("portfolioAllocationCard")
        allocation_head = QHBoxLayout()
        self.allocation_title = QLabel(self.allocation_card)
        self.allocation_title.setProperty("role", "cardTitle")
        allocation_head.addWidget(self.allocation_title, 1)
        self.allocation_group = QButtonGroup(self)
        self.allocation_buttons: dict[str, QToolButton] = {}
        for mode in ("instrument", "currency"):
            button = QToolButton(self.allocation_card)
            button.setObjectName(f"allocationBy_{mode}")
            button.setProperty("role", "chipToggle")
            button.setCheckable(True)
            button.setChecked(mode == "instrument")
            button.clicked.connect(self._show_allocation)
            self.allocation_group.addButton(button)
            self.allocation_buttons[mode] = button
            allocation_head.addWidget(button)
        allocation.addLayout(allocation_head)
        self.allocation = AllocationChart(self.allocation_card)
        allocation.addWidget(self.allocation, 1)
        self.history_card, self.history_layout = self._card("portfolioHistoryCard")
        self.history_title = QLabel(self.history_card)
        self.history_title.setProperty("role", "cardTitle")
        self.history_layout.addWidget(self.history_title)
        self.history_empty = QLabel(self.history_card)
        self.history_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.history_empty.setProperty("role", "muted")
        self.history_layout.addWidget(self.history_empty, 1)
        charts_row.addWidget(self.allocation_card, 2)
        charts_row.addWidget(self.history_card, 3)
        self.content.addWidget(charts)
        # The positions are what the page is for: they get most of the height.
        self.content.setStretchFactor(0, 5)
        self.content.setStretchFactor(1, 2)
        charts.setMaximumHeight(260)
        self.pages.addWidget(self.content)
        outer.addWidget(self.pages, 1)

        self.retranslate()
        self._apply_theme()
        if session is not None:
            self.set_session(session)

    # --- building --------------------------------------------------------------------------

    def _table(self, name: str, menu_column: int) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setProperty("role", "listTable")  # the list pages' look (resources/styles)
        view.setItemDelegate(ListCellDelegate({menu_column: CellPainter.MENU}, view))
        view.setMouseTracking(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + px(ROW_PADDING))
        view.horizontalHeader().setHighlightSections(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        add_keyboard_menu(view)  # the Menu key and Shift+F10 open it at the current row
        view.setTabKeyNavigation(False)  # Tab goes on to the next control; arrows move rows
        return view

    def _empty_label(self) -> QLabel:
        label = QLabel(self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setProperty("role", "muted")
        return label

    def _stacked(self, *widgets: QWidget) -> QStackedWidget:
        stack = QStackedWidget(self)
        for widget in widgets:
            stack.addWidget(widget)
        return stack

    def _card(self, name: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame(self)
        card.setObjectName(name)
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        return card, layout

    def _size_columns(self) -> None:
        """Once per load, never per update (ResizeToContents on live rows is what is slow)."""
        for view, menu, name_column in (
            (self.securities_view, SecurityColumn.MENU, SecurityColumn.INSTRUMENT),
            (self.money_view, MoneyColumn.MENU, MoneyColumn.CURRENCY),
        ):
            header = view.horizontalHeader()
            header.setMinimumSectionSize(40)
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            # A hidden section measures as nothing: show them all to measure, fit after.
            for column in range(header.count()):
                header.setSectionHidden(column, False)
            view.resizeColumnsToContents()
            for column in range(header.count()):
                header.resizeSection(column, header.sectionSize(column) + px(CELL_PADDING))
            header.resizeSection(menu, px(MENU_WIDTH))
            # Limits at 100 %: at 200 % text a name needs twice the room.
            width = min(max(header.sectionSize(name_column), px(110)), px(260))
            header.resizeSection(name_column, width)
        self._widths = {
            view: {
                n: view.horizontalHeader().sectionSize(n) for n in range(view.model().columnCount())
            }
            for view in (self.securities_view, self.money_view)
            if view.model() is not None
        }
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Never scroll sideways: the least needed columns give way first (the full row is
        one click away in the "…" menu), and the name takes what is left, cut with "…"."""
        # The tabs' width less the table's frame and its vertical scroll bar.
        scroll = self.securities_view.verticalScrollBar().sizeHint().width()
        room = self.tabs.width() - 2 * self.securities_view.frameWidth() - scroll - 2
        one_account = self.store is not None and self.store.account_id is not None
        for view, name_column, account, drops in (
            (
                self.securities_view,
                SecurityColumn.INSTRUMENT,
                SecurityColumn.ACCOUNT,
                SECURITY_DROPS,
            ),
            (self.money_view, MoneyColumn.CURRENCY, MoneyColumn.ACCOUNT, ()),
        ):
            widths = getattr(self, "_widths", {}).get(view)
            if not widths or room <= 0:
                continue
            header = view.horizontalHeader()
            one_account = self.store is not None and self.store.account_id is not None
            account = (
                SecurityColumn.ACCOUNT if view is self.securities_view else MoneyColumn.ACCOUNT
            )
            shown = {n for n in widths if not (n == account and one_account)}
            for column in drops:
                if sum(widths[n] for n in shown) <= room:
                    break
                shown.discard(column)
            for column in widths:
                header.setSectionHidden(column, column not in shown)
            spare = room - sum(widths[n] for n in shown if n != name_column)
            header.resizeSection(
                name_column, max(px(NAME_MIN_WIDTH), min(spare, widths[name_column] + px(200)))
            )

    def _build_charts(self) -> None:
        """The history plot (pyqtgraph), made when the page is first shown."""
        if self._built_charts:
            return
        self._built_charts = True
        from cesec_desktop.views.widgets.candlestick_item import (
            LocaleDateAxis,
            LocaleNumberAxis,
            adopt_options_menu,
            pyqtgraph_module,
        )

        pg = pyqtgraph_module()
        plot = pg.PlotWidget(
            self.history_card,
            axisItems={
                "bottom": LocaleDateAxis(orientation="bottom"),
                "left": LocaleNumberAxis(orientation="left"),
            },
        )
        plot.setObjectName("portfolioHistory")
        plot.setMenuEnabled(False)
        adopt_options_menu(plot, self)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.getAxis("left").setWidth(86)
        # A fixed height: grown lazily, the axis drops labels taller than its last size.
        plot.getAxis("bottom").setHeight(self.fontMetrics().height() + 16)
        plot.setMinimumHeight(150)
        self._history_curve = plot.plot([], [], fillLevel=None)
        self._history_plot = plot
        self._name_history_plot()
        self.history_layout.insertWidget(1, plot, 1)
        self._apply_theme()
        if self.store is not None:
            self._show_history(self.store.history)

    # --- session ---------------------------------------------------------------------------

    def set_session(self, session: Session) -> None:
        if self.session is session:
            return
        self.session = session
        self.store = PortfolioStore(session, self)
        self.securities_proxy = DecimalSortProxy(self)
        self.securities_proxy.setSourceModel(self.store.securities)
        self.money_proxy = DecimalSortProxy(self)
        self.money_proxy.setSourceModel(self.store.money)
        self.securities_view.setModel(self.securities_proxy)
        self.money_view.setModel(self.money_proxy)
        self.securities_view.setSortingEnabled(True)
        self.money_view.setSortingEnabled(True)
        self.securities_view.sortByColumn(SecurityColumn.VALUE, Qt.SortOrder.DescendingOrder)
        self.securities_view.clicked.connect(self._security_clicked)
        self.securities_view.doubleClicked.connect(self._security_double_clicked)
        self.securities_view.customContextMenuRequested.connect(self._security_context)
        self.money_view.clicked.connect(self._money_clicked)
        self.money_view.customContextMenuRequested.connect(self._money_context)
        self.store.loadingChanged.connect(self._on_loading)
        self.store.loaded.connect(self._on_loaded)
        self.store.failed.connect(self._on_failed)
        self.store.totalsChanged.connect(self._show_totals)
        self.store.historyLoaded.connect(self._show_history)
        session.profileChanged.connect(self._profile_changed)
        self.scope = ClientScope.of(session)
        self.scope.clientChanged.connect(self._client_changed)
        self.scope.clientsLoaded.connect(self._clients_loaded)
        # Loads in flight must not outlive the page (its window closes on log-out or exit).
        tasks, store_tasks = self.tasks, self.store.tasks
        self.destroyed.connect(lambda *_: _cancel(tasks, store_tasks))

    @property
    def is_broker(self) -> bool:
        return _role(self.session) == "broker"

    def start(self) -> None:
        """Load what the page shows: the user's own portfolio, or a broker's client list."""
        if self.session is None or self.session.me is None or self.store is None:
            return
        scope = self.scope
        if self.is_broker and scope is not None:
            if not scope.ready:
                scope.ensure_loaded()
                self._clients_loaded()
                return
            if self.store.client_id != scope.query_client_id:
                self._client_changed(scope.current_client_id)
                return
            self.store.select(scope.query_client_id, self._account_id())
            return
        self._fill_accounts(self.session.accounts)
        self.store.select(None, self._account_id())

    def _profile_changed(self, _me: object) -> None:
        if self.isVisible():
            self.start()

    def _clients_loaded(self) -> None:
        """Until a broker's client is chosen, say why nothing is shown."""
        scope = self.scope
        if scope is None or not self.is_broker or scope.ready:
            return
        if scope.loading or (not scope.loaded and scope.error is None):
            self._show_message(self.tr("Loading the list of clients…"), retry=False)
        elif scope.error is not None:
            from cesec_desktop.views.messages import describe

            self._show_message(describe(scope.error), retry=True)
        else:
            self._show_message(self.tr("No clients are assigned to you yet."), retry=False)

    def _client_changed(self, client_id: str) -> None:
        """The top bar's picker chose another client: clear at once, then load theirs."""
        if self.store is None or self.scope is None or not self.is_broker:
            return
        if not client_id:
            self._fill_accounts([])
            self.store.select(None, None)
            self._clients_loaded()
            return
        self._fill_accounts(self.scope.accounts)
        self.store.select(client_id, None)

    def _fill_accounts(self, accounts: list[Any]) -> None:
        if self.store is not None:
            self.store.set_accounts(accounts)
        self._accounts = list(accounts)
        current = self._account_id()
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        self.account_combo.addItem(self.tr("All sub-accounts"), None)
        for account in accounts:
            # The name is built in the UI language: the backend's own is English only.
            self.account_combo.addItem(account_label(account), account.id)
        found = self.account_combo.findData(current) if current else 0
        self.account_combo.setCurrentIndex(max(found, 0))
        self.account_combo.blockSignals(False)

    def _retranslate_accounts(self) -> None:
        by_id = {account.id: account for account in self._accounts}
        for index in range(self.account_combo.count()):
            account = by_id.get(self.account_combo.itemData(index))
            if account is not None:
                self.account_combo.setItemText(index, account_label(account))

    def _account_id(self) -> str | None:
        data = self.account_combo.currentData()
        return str(data) if data else None

    def _account_chosen(self, _index: int) -> None:
        if self.store is None:
            return
        client_id = self.scope.query_client_id if self.scope is not None else None
        if self.is_broker and not client_id:
            return
        self.store.select(client_id, self._account_id())

    def reload(self) -> None:
        if self.store is None:
            return
        if self.is_broker and self.scope is not None and not self.scope.ready:
            if self.scope.error is not None:
                self.scope.reload()
            self.start()
            return
        self.store.reload()

    # --- store events ----------------------------------------------------------------------

    def _on_loading(self, loading: bool) -> None:
        self.refresh_button.setEnabled(not loading)
        if loading and (self.store is None or self.store.portfolio is None):
            self._show_message(self.tr("Loading the portfolio…"), retry=False)

    def _on_failed(self, error: Exception) -> None:
        from cesec_desktop.views.messages import describe

        self._show_message(describe(error), retry=True)

    def _on_loaded(self) -> None:
        assert self.store is not None
        portfolio = self.store.portfolio
        if portfolio is not None and not portfolio.positions and not portfolio.cash:
            self._show_message(
                self.tr("Nothing here yet: this sub-account holds no securities or money."),
                retry=False,
            )
            return
        self.pages.setCurrentWidget(self.content)
        self.securities_stack.setCurrentIndex(0 if self.store.securities.rows else 1)
        self.money_stack.setCurrentIndex(0 if self.store.money.rows else 1)
        self._size_columns()

    def _show_message(self, text: str, retry: bool) -> None:
        self.message.setText(text)
        self.retry_button.setVisible(retry)
        self.pages.setCurrentWidget(self.message_panel)

    def _show_totals(self, totals: Totals) -> None:
        if self.store is None or self.store.portfolio is None:
            for value in self.total_values.values():
                value.setText("\N{EM DASH}")
            self.allocation.set_data([])
            return
        self.total_values["total"].setText(format_money(totals.total, "KZT"))
        self.total_values["securities"].setText(format_money(totals.securities, "KZT"))
        self.total_values["cash"].setText(format_money(totals.cash, "KZT"))
        server = self.store.portfolio.totals
        day = self.total_values["day"]
        sign = "+" if server.day_change > 0 else ""
        day.setText(
            f"{sign}{format_money(server.day_change, 'KZT')} "
            f"({sign}{format_percent(server.day_change_pct)})"
        )
        tone = "positive" if server.day_change > 0 else "negative" if server.day_change < 0 else ""
        restyle(day, tone=tone)
        rate = totals.usdkzt
        self.total_values["rate"].setText(
            f"1 USD = {format_money(rate, 'KZT')}" if rate > 0 else "\N{EM DASH}"
        )
        self._show_allocation()

    def _show_allocation(self) -> None:
        if self.store is None:
            return
        totals = self.store.totals
        if self.allocation_buttons["currency"].isChecked():
            self.allocation.set_data(totals.by_currency)
        else:
            items = list(totals.by_instrument)
            if totals.cash > 0:
                items.append((self.tr("Money"), totals.cash))
            self.allocation.set_data(items)

    def _show_history(self, points: list[HistoryPoint]) -> None:
        has = len(points) > 1
        self.history_empty.setVisible(not has)
        if self._history_plot is None:
            return
        self._history_plot.setVisible(has)
        if not has:
            self._history_curve.setData([], [])
            return
        import numpy as np
        from PySide6.QtCore import QDate

        xs = np.fromiter(
            (
                QDate(p.day.year, p.day.month, p.day.day).startOfDay().toSecsSinceEpoch()
                for p in points
            ),
            float,
            len(points),
        )
        ys = np.fromiter((float(p.value) for p in points), float, len(points))  # pixels only
        self._history_curve.setData(xs, ys)
        self._history_plot.enableAutoRange()

    # --- row menus -------------------------------------------------------------------------

    def _source_row(self, index: QModelIndex) -> int:
        proxy = index.model()
        if isinstance(proxy, DecimalSortProxy):
            return proxy.mapToSource(index).row()
        return index.row()

    def security_menu(self, row: int) -> QMenu:
        """The "…" menu of a securities row (`row` in the model, not the sorted view)."""
        assert self.store is not None
        holding = self.store.securities.rows[row]
        menu = QMenu(self)
        menu.setObjectName("securityMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not self.is_broker:
            buy = menu.addAction(self.tr("Buy"))
            buy.setObjectName("buyAction")
            show_trade_shortcut(buy, "buy")
            buy.triggered.connect(
                lambda: self.trade(holding.instrument_id, "buy", holding.position.account_id)
            )
            sell = menu.addAction(self.tr("Sell"))
            sell.setObjectName("sellAction")
            show_trade_shortcut(sell, "sell")
            sell.setEnabled(holding.position.available > 0)
            sell.triggered.connect(
                lambda: self.trade(holding.instrument_id, "sell", holding.position.account_id)
            )
            menu.addSeparator()
        chart = menu.addAction(self.tr("Chart"))
        chart.setObjectName("chartAction")
        chart.triggered.connect(lambda: self.open_chart(holding.instrument_id))
        return menu

    def money_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("moneyMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)
        assert self.store is not None
        cash = self.store.money.rows[row]
        transfer = menu.addAction(self.tr("Transfer money"))
        transfer.setObjectName("transferAction")
        transfer.setToolTip(self.tr("Withdraw this cash to your own bank account"))
        transfer.setEnabled(cash.available > 0)
        transfer.triggered.connect(lambda: self.withdraw(cash.account_id, cash.currency.value))
        if self.is_broker:
            transfer.setVisible(False)
        return menu

    def withdraw(self, account_id: str, currency: str) -> QWidget | None:
        """The withdrawal form for this sub-account's cash in this currency."""
        if self.is_broker or self.session is None:
            return None
        from cesec_desktop.views.withdrawal_form import open_withdrawal_form

        return open_withdrawal_form(self, self.session, account_id=account_id, currency=currency)

    def _popup(self, menu: QMenu, view: QTableView, index: QModelIndex) -> None:
        rect = view.visualRect(index)
        menu.popup(view.viewport().mapToGlobal(QPoint(rect.right() - MENU_WIDTH, rect.bottom())))

    def _security_clicked(self, index: QModelIndex) -> None:
        if index.column() == SecurityColumn.MENU:
            self._popup(self.security_menu(self._source_row(index)), self.securities_view, index)

    def _security_context(self, pos: QPoint) -> None:
        index = self.securities_view.indexAt(pos)
        if index.isValid():
            menu = self.security_menu(self._source_row(index))
            menu.popup(self.securities_view.viewport().mapToGlobal(pos))

    def _security_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != SecurityColumn.MENU:
            self.open_chart(str(index.data(ID_ROLE)))

    def _money_clicked(self, index: QModelIndex) -> None:
        if index.column() == MoneyColumn.MENU:
            self._popup(self.money_menu(self._source_row(index)), self.money_view, index)

    def _money_context(self, pos: QPoint) -> None:
        index = self.money_view.indexAt(pos)
        if index.isValid():
            self.money_menu(self._source_row(index)).popup(
                self.money_view.viewport().mapToGlobal(pos)
            )

    def trade(self, instrument_id: str | None, side: str, account_id: str | None) -> Any:
        """Open the order form (issue 4's module, loaded on first use) filled in."""
        if self.is_broker or self.session is None:
            return None
        import inspect

        from cesec_desktop.views.order_form import open_order_form

        result = open_order_form(
            self, self.session, instrument_id=instrument_id, side=side, account_id=account_id
        )
        if inspect.iscoroutine(result):
            return self.tasks.spawn(result, name="order-form")
        return result

    def trade_unselected(self, side: str) -> Any:
        """Ctrl+B / Ctrl+Shift+S with no position selected: an empty order form."""
        if self.is_broker or self.session is None:
            return None
        return self.trade(None, side, None)

    def trade_selected(self, side: str) -> Any:
        """Ctrl+B / Ctrl+Shift+S on the securities table: its selected position's order."""
        index = selected_row(self.securities_view)
        if self.is_broker or self.store is None or not index.isValid():
            return None
        holding = self.store.securities.rows[self._source_row(index)]
        if side == "sell" and holding.position.available <= 0:
            # As the "…" menu's disabled Sell: say why rather than do nothing.
            text = self.tr("%1: nothing available to sell.")
            self._status(text.replace("%1", holding.position.ticker))
            return None
        return self.trade(holding.instrument_id, side, holding.position.account_id)

    def _status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    # --- export ----------------------------------------------------------------------------

    def _export_name(self, tab: int) -> str:
        """The page, the table and today: "Portfolio – Securities 2026-11-21"."""
        return f"{page_title(self.key)} \N{EN DASH} {self.tabs.tabText(tab)} {clock.almaty_today()}"

    def _show_export_button(self, tab: int) -> None:
        self.securities_export.setVisible(tab == 0)
        self.money_export.setVisible(tab == 1)

    def open_chart(self, instrument_id: str) -> QWidget | None:
        if self.session is None:
            return None
        from cesec_desktop.views.chart_window import open_chart

        window = open_chart(self.window(), self.session, instrument_id)
        self._opened.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self._opened:
            self._opened.remove(window)

    # --- Qt events and texts ---------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Columns sized while hidden (a language or text size change on another page) were
        # fitted to a stale width: the name column stayed at its minimum.
        self._fit_columns()
        if self.session is None:
            session = getattr(self.window(), "session", None)
            if session is not None:
                self.set_session(session)
        self._build_charts()
        idle = self.store is not None and self.store.portfolio is None and not self.store.loading
        if idle:
            self.start()

    def _apply_theme(self) -> None:
        # The allocation toggles and the day's change are styled by the theme's QSS
        # (role="chipToggle", tone=…); only the plot, which QSS cannot reach, is coloured here.
        if self._history_plot is None:
            return
        from cesec_desktop.views.widgets.candlestick_item import pyqtgraph_module

        pg = pyqtgraph_module()
        palette = self.palette()
        base = palette.color(palette.ColorRole.Base)
        muted = palette.color(palette.ColorRole.PlaceholderText)
        line = palette.color(palette.ColorRole.Highlight)
        self._history_plot.setBackground(base)
        for name in ("bottom", "left"):
            axis = self._history_plot.getAxis(name)
            axis.setPen(muted)
            axis.setTextPen(muted)
        fill = line.lighter(100)
        fill.setAlpha(40)
        self._history_curve.setPen(pg.mkPen(line, width=2))
        self._history_curve.setFillLevel(None)
        self._history_curve.setBrush(fill)

    def retranslate(self) -> None:
        self.title.setText(page_title(self.key))
        self.account_label.setText(self.tr("Sub-account"))
        self.account_combo.setAccessibleName(self.account_label.text())
        self.refresh_button.setToolTip(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.refresh_button.toolTip())  # an icon only
        self.retry_button.setText(self.tr("Try again"))
        if self.account_combo.count():
            self.account_combo.setItemText(0, self.tr("All sub-accounts"))
            self._retranslate_accounts()
        self.total_names["total"].setText(self.tr("Total value"))
        self.total_names["securities"].setText(self.tr("Securities"))
        self.total_names["cash"].setText(self.tr("Money"))
        self.total_names["day"].setText(self.tr("Change today"))
        self.total_names["rate"].setText(self.tr("USD rate"))
        self.tabs.setTabText(0, self.tr("Securities"))
        self.tabs.setTabText(1, self.tr("Money"))
        self.tabs.setAccessibleName(self.tr("Holdings"))
        self.securities_view.setAccessibleName(self.tr("Securities"))
        self.money_view.setAccessibleName(self.tr("Money"))
        self.securities_empty.setText(self.tr("No securities on this sub-account."))
        self.money_empty.setText(self.tr("No money on this sub-account."))
        self.allocation_title.setText(self.tr("Allocation"))
        self.allocation_buttons["instrument"].setText(self.tr("By instrument"))
        self.allocation_buttons["currency"].setText(self.tr("By currency"))
        self.allocation.other_label = self.tr("Other")
        self.allocation.empty_text = self.tr("Nothing to show yet.")
        self.history_title.setText(self.tr("Portfolio value, KZT"))
        self.history_empty.setText(self.tr("Not enough history to draw yet."))
        self._name_history_plot()
        if self.store is not None:
            self.store.securities.retranslate()
            self.store.money.retranslate()
            self._show_totals(self.store.totals)
            if self.store.portfolio is None and self.store.error is not None:
                self._on_failed(self.store.error)
        if self._history_plot is not None:
            for name in ("bottom", "left"):
                self._history_plot.getAxis(name).relabel()

    def _name_history_plot(self) -> None:
        """The chart is a picture: a reader hears its title (the figures are in the cards)."""
        if self._history_plot is not None:
            self._history_plot.setAccessibleName(self.history_title.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_theme()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1000, 700)

    async def close_page(self) -> None:
        """Stop loads and close the charts this page opened."""
        for window in list(self._opened):
            window.close()
        await self.tasks.cancel_all()
        if self.store is not None:
            await self.store.close()
