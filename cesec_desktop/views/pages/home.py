"""Home: the client's quote tables per market, a portfolio summary and the latest activity.

As the cabinet guide describes it: quotes for KASE, AIX and International (the client's
watchlists), a portfolio block (total value, the day's change, available cash per currency,
"Withdraw money"), and the last ten orders and instructions with live statuses.
"""

from __future__ import annotations

import inspect
import logging
from collections import defaultdict
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state import formatting, zoom
from cesec_desktop.state.accessible_cells import spoken
from cesec_desktop.state.account_names import account_kind_name
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.connection import Connection
from cesec_desktop.state.formatting import (
    display_today,
    format_decimal,
    format_long_day,
    format_moment_short,
    format_money,
    format_percent,
    format_quantity,
    zone_label,
)
from cesec_desktop.state.instruction_texts import contact_change_text
from cesec_desktop.state.portfolio_model import PortfolioStore
from cesec_desktop.state.quote_table_model import InstrumentRole, QuoteTableModel
from cesec_desktop.state.quotes import QuoteStore
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import (
    instruction_status_text,
    instruction_type_text,
    side_text,
    status_text,
)
from cesec_desktop.state.watchlists import MARKETS, WatchlistStore
from cesec_desktop.views.pages.titles import page_title
from cesec_desktop.views.resources import icon
from cesec_desktop.views.style import restyle
from cesec_desktop.views.widgets.connection_indicator import CONNECTING
from cesec_desktop.views.widgets.quote_table import (
    QuotePanel,
    QuoteTable,
    add_trade_shortcuts,
    selected_row,
    show_trade_shortcut,
)
from cesec_desktop.views.zoom_sizes import fixed_width

log = logging.getLogger(__name__)

RECENT_LIMIT = 10
SUMMARY_INTERVAL_MS = 1000
"""The live total is redrawn at most this often: quotes move it several times a second, and
each new text lays out the page's side column again."""
SIDE_WIDTH = 320
"""The right column (portfolio and activity); the quote tables take the rest."""


def _value(item: Any) -> str:
    return str(getattr(item, "value", item))


class HomePage(QWidget):
    """Signals:
    refreshRequested: the user asks to reload (the main window reloads the profile too).
    chartRequested(str): a quote row was double-clicked: open that instrument's chart.
    editWatchlistRequested: an empty list's "Choose instruments…" (open the editor).
    withdrawRequested: the "Withdraw money" button.
    orderDetailsRequested(str): a recent order was clicked: open its details (by id).
    instructionDetailsRequested(str): a recent instruction was clicked: open its details.
    """

    key = "home"
    refreshRequested = Signal()
    chartRequested = Signal(str)
    editWatchlistRequested = Signal()
    withdrawRequested = Signal()
    orderDetailsRequested = Signal(str)
    instructionDetailsRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, session: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        if session is None:
            # Made by the main window, which holds the session: found through the parent chain.
            session = getattr(self.window(), "session", None)
        self.session = session
        window_tasks = getattr(self.window(), "tasks", None)
        self.tasks: TaskTracker = (
            window_tasks if isinstance(window_tasks, TaskTracker) else TaskTracker("home")
        )
        self._me: Any = None
        self._connection: str = CONNECTING
        self._recent: dict[str, tuple[str, Any]] = {}
        self._recent_error = ""
        self._summary_error = ""
        self._lists_error = ""
        self._on_screen = True
        """False while the page is hidden or its window minimised: the live parts rest."""
        self._summary_behind = False
        self._summary_shown: Any = None
        """The portfolio whose figures are on screen (a new one shows without delay)."""
        self._summary_fresh = False
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_INTERVAL_MS)
        self._summary_timer.timeout.connect(self._summary_due)
        self.menu: QMenu | None = None
        """The last "…" menu opened (tests trigger its actions)."""

        self.quotes = QuoteStore(session, self, tasks=self.tasks)
        self.watchlists = WatchlistStore(session, self, tasks=self.tasks)
        self.watchlists.failed.connect(self._watchlist_failed)
        self.watchlists.loaded.connect(self._watchlists_loaded)
        # The summary is valued live by the same store as the Portfolio page (all sub-accounts
        # here), so both follow the same quotes with the same arithmetic.
        self.portfolio: PortfolioStore | None = None
        if session is not None:
            self.portfolio = PortfolioStore(session, self, totals_ms=SUMMARY_INTERVAL_MS)
            self.portfolio.loaded.connect(self._summary_loaded)
            self.portfolio.totalsChanged.connect(self._portfolio_changed)
            self.portfolio.failed.connect(self._summary_failed)
            # Loads in flight must not outlive the page (its window closes on log-out).
            store_tasks = self.portfolio.tasks
            self.destroyed.connect(lambda *_: [t.cancel() for t in store_tasks.pending])
        # Brokers: whose data is shown (the top bar's picker); loads for another are dropped.
        self.scope = ClientScope.of(session) if session is not None else None
        self._generation = 0
        if self.scope is not None:
            self.watchlists.client_id = self.scope.query_client_id
            self.scope.clientChanged.connect(self._client_changed)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 22, 28, 22)
        outer.setSpacing(14)
        outer.addLayout(self._build_header())

        # One scroll area for the whole body: quotes on the left and the side column on the
        # right, or (in a narrow window) the side column's cards in a row under the quotes.
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("homeScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self.scroll)
        content.setObjectName("homeContent")
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self.body.setContentsMargins(0, 0, 4, 0)
        self.body.setSpacing(16)
        self.body.addWidget(self._build_quotes(content), 1)
        self.body.addWidget(self._build_side(content), 0)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
        self.narrow = False

        self.refreshRequested.connect(self.reload)
        if session is not None:
            # The portfolio store reloads itself after fills, withdrawals and a resync.
            session.orderUpdated.connect(self._order_updated)
            session.instructionUpdated.connect(self._instruction_updated)
            session.resynced.connect(self.reload_activity)
        formatting.notifier().changed.connect(self._zone_changed)
        self.retranslate()
        if session is not None and getattr(session, "signed_in", False):
            self.reload()

    # --- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        self.greeting = QLabel(self)
        self.greeting.setObjectName("homeGreeting")
        self.greeting.setProperty("role", "subtitle")
        self.today = QLabel(self)
        self.today.setProperty("role", "muted")
        # The date and the zone take two lines in a narrow window at 200 % text.
        self.today.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.greeting)
        self.scope_note = QLabel(self)
        self.scope_note.setObjectName("homeScopeNote")
        self.scope_note.setProperty("role", "muted")
        self.scope_note.hide()
        titles.addWidget(self.scope_note)
        titles.addWidget(self.today)
        header.addLayout(titles, 1)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("homeRefresh")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.clicked.connect(self.refreshRequested)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def _build_quotes(self, parent: QWidget) -> QWidget:
        inner = QWidget(parent)
        inner.setObjectName("homeQuotes")
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.live_text = QLabel(inner)
        self.live_text.setObjectName("homeLiveText")
        self.live_text.setProperty("role", "muted")
        self.live_text.setWordWrap(True)
        column.addWidget(self.live_text)
        editable = self.watchlists.editable
        self.models: dict[str, QuoteTableModel] = {}
        self.panels: dict[str, QuotePanel] = {}
        for market in MARKETS:
            model = QuoteTableModel(self.quotes, market.value, self.watchlists, self)
            panel = QuotePanel(market.value, model, inner, editable=editable, tasks=self.tasks)
            add_trade_shortcuts(
                panel.table,
                lambda side, t=panel.table: self.trade_selected(t, side),
                unselected=self.trade_unselected,
            )
            panel.table.menuRequested.connect(self._show_row_menu)
            panel.table.chartRequested.connect(self.chartRequested)
            panel.editRequested.connect(self.editWatchlistRequested)
            self.models[market.value] = model
            self.panels[market.value] = panel
            column.addWidget(panel)
        column.addStretch(1)
        return inner

    def _build_side(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        side.setObjectName("homeSide")
        fixed_width(side, SIDE_WIDTH)  # grows with the text size
        self.side = side
        column = self.side_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)

        self.summary_card, summary = self._card("portfolioSummary", side)
        self.summary_heading = self._heading(summary)
        self.total_caption = QLabel(self.summary_card)
        self.total_caption.setProperty("role", "muted")
        self.total_value = QLabel(self.summary_card)
        self.total_value.setObjectName("homeTotalValue")
        self.total_value.setProperty("role", "figure")
        self.total_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.total_value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.total_value.setFont(font)
        self.day_change = QLabel(self.summary_card)
        self.day_change.setObjectName("homeDayChange")
        summary.addWidget(self.total_caption)
        summary.addWidget(self.total_value)
        summary.addWidget(self.day_change)
        self.cash_caption = QLabel(self.summary_card)
        self.cash_caption.setProperty("role", "muted")
        summary.addWidget(self.cash_caption)
        self.cash_grid = QGridLayout()
        self.cash_grid.setHorizontalSpacing(12)
        self.cash_grid.setVerticalSpacing(4)
        summary.addLayout(self.cash_grid)
        self.cash_labels: dict[str, QLabel] = {}
        self.accounts_heading = QLabel(self.summary_card)
        self.accounts_heading.setProperty("role", "muted")
        summary.addWidget(self.accounts_heading)
        self.accounts_grid = QGridLayout()
        self.accounts_grid.setHorizontalSpacing(10)
        self.accounts_grid.setVerticalSpacing(4)
        summary.addLayout(self.accounts_grid)
        self.account_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        self.no_accounts = QLabel(self.summary_card)
        self.no_accounts.setProperty("role", "muted")
        self.no_accounts.hide()
        summary.addWidget(self.no_accounts)
        self.summary_message = QLabel(self.summary_card)
        self.summary_message.setObjectName("homeSummaryMessage")
        self.summary_message.setProperty("role", "muted")
        self.summary_message.setWordWrap(True)
        self.summary_message.hide()
        summary.addWidget(self.summary_message)
        self.withdraw_button = QPushButton(self.summary_card)
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.clicked.connect(self.withdrawRequested)
        summary.addWidget(self.withdraw_button)
        column.addWidget(self.summary_card, 0, Qt.AlignmentFlag.AlignTop)

        self.recent_card, recent = self._card("recentActivity", side)
        self.recent_heading = self._heading(recent)
        self.recent_heading.setWordWrap(True)
        self.recent_table = QTableWidget(0, 2, self.recent_card)
        self.recent_table.setObjectName("recentTable")
        self.recent_table.verticalHeader().hide()
        self.recent_table.horizontalHeader().hide()
        self.recent_table.setShowGrid(False)
        # A long entry ("Ақшаны шығару 389 000,00 KZT" at 200 %) wraps: rows take the height
        # their text needs (`_fit_recent`), the card grows and the page scrolls.
        self.recent_table.setWordWrap(True)
        self.recent_table.installEventFilter(self)
        self.recent_table.setFrameShape(QFrame.Shape.NoFrame)
        self.recent_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.recent_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent_table.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.recent_table.cellClicked.connect(self.open_recent)
        self.recent_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.recent_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        lines = self.recent_table.fontMetrics().lineSpacing()
        self.recent_table.verticalHeader().setDefaultSectionSize(2 * lines + 10)
        self.recent_empty = QLabel(self.recent_card)
        self.recent_empty.setProperty("role", "muted")
        self.recent_empty.setWordWrap(True)
        recent.addWidget(self.recent_table)
        recent.addWidget(self.recent_empty)
        recent.addStretch(1)
        column.addWidget(self.recent_card, 1)
        return side

    def _card(self, name: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame(parent)
        card.setObjectName(name)
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(6)
        return card, layout

    def _heading(self, layout: QVBoxLayout) -> QLabel:
        label = QLabel()
        label.setProperty("role", "cardTitle")
        layout.addWidget(label)
        return label

    # --- data ------------------------------------------------------------------------------

    @property
    def shows_data(self) -> bool:
        """True once the profile from the server is on screen."""
        return self._me is not None and bool(self.greeting.text())

    @property
    def summary_loaded(self) -> bool:
        return self._portfolio is not None

    @property
    def _portfolio(self) -> Any:
        """The portfolio on screen: the store's, if it is of the client shown."""
        store = self.portfolio
        if store is None or store.client_id != self._client_id():
            return None
        return store.portfolio

    @property
    def lists_loading(self) -> bool:
        """The watchlists are on their way: the quote cards say so instead of "empty"."""
        if self.session is None or self.watchlists.is_loaded or self._lists_error:
            return False
        return self.scope is None or self.scope.ready or self.scope.loading

    def reload(self) -> None:
        """Load the watchlists, the portfolio summary and the recent activity again."""
        if self.session is None:
            return
        if self.scope is not None and not self.scope.ready:
            self.scope.ensure_loaded()  # a broker's client comes first; it reloads then
            self._show_quote_state()
            return
        self._lists_error = ""
        self.tasks.spawn(self.watchlists.load(), name="home-watchlists")
        self._show_quote_state()
        self.reload_summary()
        self.reload_activity()

    def reload_summary(self) -> None:
        if self.portfolio is not None and (self.scope is None or self.scope.ready):
            self.portfolio.select(self._client_id(), None)

    def reload_activity(self) -> None:
        if self.session is not None and (self.scope is None or self.scope.ready):
            self.tasks.spawn(self._load_activity(), name="home-activity")

    def _portfolio_changed(self, _totals: object = None) -> None:
        if self._portfolio is not None:
            self._summary_error = ""
        self._summary_behind = True
        # A load (another portfolio) shows at once. Quotes move the total several times a
        # second: such a change shows at once after a quiet interval, else at its end. Off
        # screen, all of it waits until the page is shown again.
        fresh = self._summary_fresh or self._portfolio is not self._summary_shown
        self._summary_fresh = False
        if self._on_screen and (fresh or not self._summary_timer.isActive()):
            self._summary_due()

    def _summary_loaded(self) -> None:
        """A load finished: its totals (the next change) show without delay."""
        self._summary_fresh = True

    def _summary_due(self) -> None:
        if self._summary_behind and self._on_screen:
            self._summary_behind = False
            self._show_summary()
            self._summary_timer.start()

    def _summary_failed(self, error: Exception) -> None:
        from cesec_desktop.views.messages import describe

        self._summary_error = describe(error)
        self._show_summary()

    async def _load_activity(self) -> None:
        import asyncio

        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.views.messages import describe

        session = self.session
        generation, client_id = self._generation, self._client_id()
        try:
            orders, instructions = await asyncio.gather(
                session.call(lambda c: c.orders(limit=RECENT_LIMIT, client_id=client_id)),
                session.call(lambda c: c.instructions(limit=RECENT_LIMIT, client_id=client_id)),
            )
        except CabinetError as exc:
            if generation != self._generation:
                return
            self._recent_error = describe(exc)
            self._show_recent()
            return
        if generation != self._generation:
            return
        self._recent_error = ""
        self._recent = {f"order:{o.id}": ("order", o) for o in orders.items}
        self._recent.update({f"instruction:{i.id}": ("instruction", i) for i in instructions.items})
        self._show_recent()

    def recent_entries(self) -> list[tuple[str, Any]]:
        """The last ten orders and instructions, newest first."""
        entries = sorted(
            self._recent.values(),
            key=lambda entry: (entry[1].created_at, entry[1].id),
            reverse=True,
        )
        return entries[:RECENT_LIMIT]

    def _client_id(self) -> str | None:
        return self.scope.query_client_id if self.scope is not None else None

    def _shown(self, item: Any) -> bool:
        """A broker's stream carries every client's events: only the watched one's count."""
        return self.scope is None or self.scope.owns(item.account_id)

    def _client_changed(self, client_id: str) -> None:
        """Another client is watched: clear everything at once, then load theirs."""
        self._generation += 1
        self._summary_error = ""
        self._recent = {}
        self._recent_error = ""
        self._lists_error = ""
        self.watchlists.show_client(self._client_id())
        self.set_profile(self._me)  # the sub-accounts are the client's
        if client_id:
            self.reload()
        else:
            self._show_quote_state()

    def _order_updated(self, order: Any) -> None:
        if not self._shown(order):
            return
        self._recent[f"order:{order.id}"] = ("order", order)
        self._trim_recent()
        self._show_recent()

    def _instruction_updated(self, instruction: Any) -> None:
        if not self._shown(instruction):
            return
        self._recent[f"instruction:{instruction.id}"] = ("instruction", instruction)
        self._trim_recent()
        self._show_recent()

    def _trim_recent(self) -> None:
        keep = {f"{kind}:{item.id}" for kind, item in self.recent_entries()}
        self._recent = {key: entry for key, entry in self._recent.items() if key in keep}

    def set_profile(self, me: Any) -> None:
        self._me = me
        while self.account_rows:
            for label in self.account_rows.pop():
                self.accounts_grid.removeWidget(label)
                label.deleteLater()
        broker = self.scope is not None and self.scope.is_broker
        accounts = self.scope.accounts if broker else getattr(me, "accounts", None)
        for row, account in enumerate(accounts or []):
            number = QLabel(account.number, self.summary_card)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            number.setProperty("role", "mono")
            name = QLabel(account_kind_name(account), self.summary_card)
            name.setProperty("account", account)  # named again on a language change
            name.setMinimumWidth(0)
            currency = QLabel(_value(account.currency), self.summary_card)
            currency.setProperty("role", "chip")
            currency.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.accounts_grid.addWidget(number, row, 0)
            self.accounts_grid.addWidget(name, row, 1)
            self.accounts_grid.addWidget(currency, row, 2, Qt.AlignmentFlag.AlignRight)
            self.account_rows.append((number, name, currency))
        self.accounts_grid.setColumnStretch(1, 1)
        self.retranslate()

    def set_connection(self, state: Connection | str) -> None:
        """What the top bar's indicator shows: a `Connection` value, or `CONNECTING` until
        the stream first answers."""
        shown = str(getattr(state, "value", state))
        self._connection = shown if shown == CONNECTING else Connection.of(shown).value
        restyle(self.live_text, state=self._connection)
        self._retranslate_live()

    # --- the "…" menu ----------------------------------------------------------------------

    def row_menu(self, instrument_id: str) -> QMenu:
        """Buy, Sell and Remove from list for one instrument (brokers: none of them)."""
        menu = QMenu(self)
        menu.setObjectName("quoteRowMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        trading = self.watchlists.editable
        buy = QAction(self.tr("Buy"), menu)
        buy.setObjectName("buyAction")
        buy.triggered.connect(lambda: self.open_order(instrument_id, "buy"))
        sell = QAction(self.tr("Sell"), menu)
        sell.setObjectName("sellAction")
        sell.triggered.connect(lambda: self.open_order(instrument_id, "sell"))
        remove = QAction(self.tr("Remove from list"), menu)
        remove.setObjectName("removeAction")
        remove.triggered.connect(lambda: self.remove_instrument(instrument_id))
        chart = QAction(self.tr("Chart"), menu)
        chart.setObjectName("chartAction")
        chart.triggered.connect(lambda: self.chartRequested.emit(instrument_id))
        show_trade_shortcut(buy, "buy")
        show_trade_shortcut(sell, "sell")
        for action in (buy, sell):
            action.setVisible(trading)
            menu.addAction(action)
        menu.addAction(chart)
        menu.addSeparator()
        remove.setVisible(trading)
        menu.addAction(remove)
        return menu

    def _show_row_menu(self, instrument_id: str, where: QPoint) -> None:
        self.menu = self.row_menu(instrument_id)
        self.menu.popup(where)

    def trade_selected(self, table: QuoteTable, side: str) -> Any:
        """Ctrl+B / Ctrl+Shift+S on a quote table: the order form for its selected row."""
        index = selected_row(table)
        if not index.isValid() or not self.watchlists.editable:
            return None  # brokers never trade
        return self.open_order(str(index.data(InstrumentRole)), side)

    def trade_unselected(self, side: str) -> Any:
        """Ctrl+B / Ctrl+Shift+S with no row selected: an empty order form on that side."""
        if not self.watchlists.editable:
            return None  # brokers never trade
        return self.open_order(None, side)

    def open_order(self, instrument_id: str | None, side: str) -> Any:
        """The order form with this instrument and side filled in (issue 4's dialog)."""
        from cesec_desktop.views import order_form

        result = order_form.open_order_form(
            self, self.session, instrument_id=instrument_id, side=side
        )
        if inspect.iscoroutine(result):
            return self.tasks.spawn(result, name="order-form")
        return result

    def remove_instrument(self, instrument_id: str) -> None:
        self.watchlists.remove(instrument_id)

    def reveal(self, instrument_id: str) -> bool:
        """Scroll to an instrument's row in its market's table and select it (the quick
        search's result); False if no table shows it."""
        market = instrument_id.partition(":")[0]
        model, panel = self.models.get(market), self.panels.get(market)
        if model is None or panel is None:
            return False
        row = model.row_of(instrument_id)
        if row < 0:
            return False
        table = panel.table
        index = model.index(row, 0)
        table.selectRow(row)
        table.setCurrentIndex(index)
        table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

        def show_row() -> None:
            # After the layout has made room for a new row.
            rect = table.visualRect(model.index(row, 0))
            where = table.viewport().mapTo(self.scroll.widget(), rect.center())
            self.scroll.ensureVisible(where.x(), where.y(), 0, rect.height() * 2)
            table.setFocus(Qt.FocusReason.OtherFocusReason)

        QTimer.singleShot(0, self, show_row)
        return True

    def _watchlist_failed(self, error: Any) -> None:
        from cesec_desktop.views.messages import describe

        self._lists_error = describe(error)
        self.live_text.setText(self._lists_error)
        self._show_quote_state()

    def _watchlists_loaded(self) -> None:
        self._lists_error = ""
        self._show_quote_state()

    def _show_quote_state(self) -> None:
        """An empty card says "loading" until the lists came, and why if they did not."""
        loading = self.lists_loading
        editable = self.watchlists.editable
        for panel in self.panels.values():
            if loading:
                panel.empty_text.setText(self.tr("Loading your lists…"))
            elif self._lists_error:
                panel.empty_text.setText(
                    self.tr("The lists did not load. Refresh (F5) to try again.")
                )
            else:
                panel.retranslate()  # the card's own "no instruments on this list"
            panel.edit_button.setVisible(editable and not loading and not self._lists_error)

    # --- showing ---------------------------------------------------------------------------

    def _show_summary(self) -> None:
        locale = QLocale()
        portfolio = self._portfolio
        self._summary_shown = portfolio
        self.summary_message.setVisible(bool(self._summary_error))
        self.summary_message.setText(self._summary_error)
        if portfolio is None or self.portfolio is None:
            self._set_cash({})
            self.total_value.setText("—")
            self.day_change.setText("")
            return
        # The live total, as the Portfolio page shows it; the day's change is the server's
        # (the Portfolio page shows that one too).
        server = portfolio.totals
        currency = _value(server.currency)
        self.total_value.setText(format_money(self.portfolio.totals.total, currency, locale))
        change = format_money(server.day_change, currency, locale)
        pct = format_percent(server.day_change_pct, 2, locale)
        if server.day_change > 0:
            change, pct = locale.positiveSign() + change, locale.positiveSign() + pct
        self.day_change.setText(self.tr("Today: %1 (%2)").replace("%1", change).replace("%2", pct))
        tone = "positive" if server.day_change > 0 else "negative" if server.day_change < 0 else ""
        restyle(self.day_change, tone=tone)
        self._set_cash(
            {
                cur: format_decimal(amount, 2, locale)
                for cur, amount in self.available_cash().items()
            }
        )

    def _set_cash(self, amounts: dict[str, str]) -> None:
        """One row per currency; the labels are kept while the currencies stay the same (the
        summary is redrawn whenever a quote moves the total)."""
        if sorted(amounts) != sorted(k for k in self.cash_labels if not k.startswith("name_")):
            for label in self.cash_labels.values():
                self.cash_grid.removeWidget(label)
                label.deleteLater()
            self.cash_labels = {}
            for row, currency in enumerate(sorted(amounts)):
                name = QLabel(currency, self.summary_card)
                name.setProperty("role", "chip")
                name.setAlignment(Qt.AlignmentFlag.AlignCenter)
                value = QLabel(self.summary_card)
                value.setObjectName(f"cash_{currency}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.cash_grid.addWidget(name, row, 0)
                self.cash_grid.addWidget(value, row, 1)
                self.cash_labels[f"name_{currency}"] = name
                self.cash_labels[currency] = value
            self.cash_grid.setColumnStretch(1, 1)
        for currency, text in amounts.items():
            self.cash_labels[currency].setText(text)

    def available_cash(self) -> dict[str, Decimal]:
        """Available cash per currency, over every sub-account."""
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for balance in getattr(self._portfolio, "cash", []) or []:
            totals[_value(balance.currency)] += balance.available
        return dict(totals)

    def _show_recent(self) -> None:
        entries = self.recent_entries()
        table = self.recent_table
        table.setRowCount(len(entries))
        locale = QLocale()
        hint = self.tr("Click to open the details")
        for row, (kind, item) in enumerate(entries):
            what = self._describe_entry(kind, item, locale)
            # The same moment text as the Orders and Instructions pages' lists.
            texts = (
                f"{what}\n{format_moment_short(item.created_at, locale)}",
                self._status_text(kind, _value(item.status)),
            )
            for column, text in enumerate(texts):
                cell = table.item(row, column)
                if cell is None:
                    cell = QTableWidgetItem()
                    table.setItem(row, column, cell)
                cell.setText(text)
                # Its two lines as one phrase: a reader would stop at the line break.
                cell.setData(Qt.ItemDataRole.AccessibleTextRole, spoken("", text))
                cell.setData(Qt.ItemDataRole.UserRole, f"{kind}:{item.id}")
                cell.setToolTip(f"{what}\n{hint}")
            status = table.item(row, 1)
            status.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        has = bool(entries)
        self._fit_recent()
        table.setVisible(has)
        self.recent_empty.setVisible(not has)
        self.recent_empty.setText(self._recent_error or self.tr("No orders or instructions yet."))

    def _fit_recent(self) -> None:
        """Each row as tall as its wrapped text (two lines at least), and the table tall
        enough for every row: the page scrolls, not this little table."""
        table = self.recent_table
        least = table.verticalHeader().defaultSectionSize()
        table.resizeRowsToContents()
        for row in range(table.rowCount()):
            table.setRowHeight(row, max(least, table.rowHeight(row)))
        height = sum(table.rowHeight(row) for row in range(table.rowCount())) + 2
        if table.height() != height:
            table.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A narrower table wraps more: the rows' heights follow its width.
        if watched is self.recent_table and event.type() == QEvent.Type.Resize:
            self._fit_recent()
        return super().eventFilter(watched, event)

    def recent_keys(self) -> list[str]:
        """The shown rows' keys ("order:<id>" or "instruction:<id>"), top to bottom."""
        table = self.recent_table
        return [table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(table.rowCount())]

    def open_recent(self, row: int, _column: int = 0) -> None:
        """A click on a recent row: ask for that order's or instruction's details."""
        item = self.recent_table.item(row, 0)
        if item is None:
            return
        kind, _, item_id = str(item.data(Qt.ItemDataRole.UserRole)).partition(":")
        if kind == "order":
            self.orderDetailsRequested.emit(item_id)
        elif kind == "instruction":
            self.instructionDetailsRequested.emit(item_id)

    @staticmethod
    def _describe_entry(kind: str, item: Any, locale: QLocale) -> str:
        # The list pages' words (state/vocabulary.py), so a thing has one name everywhere.
        if kind == "order":
            quantity = format_quantity(item.quantity, locale)
            return f"{side_text(_value(item.side))} {item.ticker} × {quantity}"
        if getattr(item, "is_contact_change", False):
            return contact_change_text(item.contact_change)  # it moves no money
        amount = format_money(item.amount, _value(item.currency), locale)
        return f"{instruction_type_text(_value(item.type))} {amount}"

    @staticmethod
    def _status_text(kind: str, status: str) -> str:
        try:
            if kind == "order":
                return status_text(status)
            return instruction_status_text(status)
        except (KeyError, ValueError):
            return status  # a status this version does not know yet

    # --- texts -----------------------------------------------------------------------------

    def _zone_changed(self, _choice: str = "") -> None:
        """Times are now shown in another zone: the date line and the recent moments."""
        self._show_today()
        self._show_recent()

    def _show_today(self) -> None:
        # The zone is said once for the page, under the date.
        self.today.setText(f"{format_long_day(display_today())} · {zone_label()}")

    def retranslate(self) -> None:
        for _number, name, _currency in self.account_rows:
            account = name.property("account")
            if account is not None:
                name.setText(account_kind_name(account))
        self.title.setText(page_title("home"))
        self.scroll.setAccessibleName(page_title("home"))
        self._show_today()
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the profile from the server again (F5)"))
        me = self._me
        if me is None:
            self.greeting.setText("")
        else:
            self.greeting.setText(self.tr("Welcome, %1").replace("%1", me.full_name))
        titles = {"KASE": "KASE", "AIX": "AIX", "INTL": self.tr("International")}
        for market, panel in self.panels.items():
            panel.set_title(titles.get(market, market))
        self.summary_heading.setText(self.tr("Portfolio"))
        self.total_caption.setText(self.tr("Total value"))
        self.cash_caption.setText(self.tr("Available cash"))
        self.accounts_heading.setText(self.tr("Sub-accounts"))
        self.no_accounts.setText(self.tr("No sub-accounts yet."))
        self.no_accounts.setVisible(me is not None and not self.account_rows)
        self.withdraw_button.setText(self.tr("Withdraw money"))
        read_only = self.scope is not None and self.scope.read_only
        self.withdraw_button.setVisible(not read_only)
        watched = self.scope.current_client if read_only and self.scope is not None else None
        self.scope_note.setVisible(read_only)
        self.scope_note.setText(
            self.tr("Viewing %1 · read-only").replace("%1", watched.full_name)
            if watched is not None
            else self.tr("Choose a client in the top bar to see their data.")
        )
        self.withdraw_button.setToolTip(
            self.tr("Withdraw cash to your own bank account, signed by SMS or EDS")
        )
        self.recent_heading.setText(self.tr("Recent orders and instructions"))
        self._show_summary()
        self._show_recent()
        self._retranslate_live()
        self._show_quote_state()

    def _retranslate_live(self) -> None:
        if self._lists_error:
            self.live_text.setText(self._lists_error)
            return
        texts = {
            CONNECTING: self.tr("Connecting: quotes and order statuses will update live."),
            Connection.ONLINE: self.tr("Connected: quotes and order statuses update live."),
            Connection.RECONNECTING: self.tr(
                "The connection was interrupted. Reconnecting; figures may be out of date."
            ),
            Connection.OFFLINE: self.tr("Not connected: quotes and order statuses do not update."),
        }
        self.live_text.setText(texts[self._connection])

    def _arrange(self) -> None:
        """Side column on the right when the quote tables fit beside it, else under them."""
        quotes_width = max(p.table.minimumWidth() for p in self.panels.values()) + 34
        side_width = zoom.px(SIDE_WIDTH)
        narrow = self.scroll.viewport().width() < quotes_width + side_width + self.body.spacing()
        if narrow == self.narrow:
            return
        self.narrow = narrow
        if narrow:
            self.body.setDirection(QBoxLayout.Direction.TopToBottom)
            self.side_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self.side.setMinimumWidth(0)
            self.side.setMaximumWidth(16777215)
        else:
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            self.side_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            fixed_width(self.side, SIDE_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    # --- on screen or not --------------------------------------------------------------------

    @property
    def on_screen(self) -> bool:
        """Whether the page is shown (not another page, not a hidden or minimised window)."""
        return self._on_screen

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._set_on_screen(True)

    def hideEvent(self, event: QHideEvent) -> None:
        # Another page, a hidden window, or (a spontaneous hide) a minimised one.
        super().hideEvent(event)
        self._set_on_screen(False)

    def _set_on_screen(self, shown: bool) -> None:
        """Hidden, the quote tables and the summary do no work per tick; shown again, they
        show the newest state at once."""
        if shown == self._on_screen:
            return
        self._on_screen = shown
        for model in self.models.values():
            model.set_active(shown)
        if shown:
            self._summary_due()
        else:
            self._summary_timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._arrange()
        if event.type() == QEvent.Type.FontChange:
            # A new text size: once the quote tables have measured their columns in it.
            QTimer.singleShot(0, self, self._arrange)
            # The cards retranslate after us (in any order): say "loading" again afterwards.
            QTimer.singleShot(0, self, self._show_quote_state)
