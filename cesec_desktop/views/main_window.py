"""The main window: the left menu with the five pages, the top bar, the profile menu."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)
from shiboken6 import isValid

from cesec_desktop.settings import UPDATE_CHANNELS, Settings
from cesec_desktop.state import formatting, zoom
from cesec_desktop.state.client_scope import ClientScope, role_of
from cesec_desktop.state.i18n import LANGUAGE_NAMES, LANGUAGES, LanguageManager
from cesec_desktop.state.session import Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.theme import ThemeManager
from cesec_desktop.views.pages.home import HomePage
from cesec_desktop.views.pages.instructions import InstructionsPage
from cesec_desktop.views.pages.orders import OrdersPage
from cesec_desktop.views.pages.portfolio import PortfolioPage
from cesec_desktop.views.pages.titles import ICONS, page_title, pages_for
from cesec_desktop.views.pages.transactions import TransactionsPage
from cesec_desktop.views.resources import app_icon, icon, image
from cesec_desktop.views.widgets.client_picker import ClientPicker
from cesec_desktop.views.widgets.connection_indicator import ConnectionIndicator
from cesec_desktop.views.widgets.menu_button import MenuButton
from cesec_desktop.views.widgets.top_bar_fit import BarFit
from cesec_desktop.views.zoom_sizes import fixed_width, icon_size

if TYPE_CHECKING:
    from cesec_desktop.state.updates import UpdateCenter
    from cesec_desktop.views.update_notice import UpdateNotice

log = logging.getLogger(__name__)

WINDOW = "main_window"
DEFAULT_SIZE = QSize(1280, 800)
COMPACT_SEARCH_WIDTH = 160
"""The quick search's least width (at 100 %) in a compact top bar: a ticker and some more."""
"""The first window (issue 11 §5), or what the screen has room for."""
DETAILS_LOAD_SECONDS = 20.0
"""How long a click on Home's recent row waits for the list page's first load."""


class MainWindow(QMainWindow):
    """The signed-in app.

    Signals:
        logoutRequested: the user chose Log out.
        closed: the window was closed (the app should end).
        watchlistSettingsRequested: the top bar's watchlist button (issue 5 connects it).
        quickSearchChanged(str): text typed into the quick search (issue 5 connects it).
        signOutRequested(str): sign out and show this on the login window (the Tester
            panel replaced the mock's world, and the session with it).
    """

    logoutRequested = Signal()
    signOutRequested = Signal(str)
    closed = Signal()
    watchlistSettingsRequested = Signal()
    quickSearchChanged = Signal(str)

    def __init__(
        self,
        session: Session,
        settings: Settings,
        languages: LanguageManager,
        themes: ThemeManager,
        *,
        demo: bool = False,
        updates: UpdateCenter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.languages = languages
        self.themes = themes
        self.demo = demo
        self.tasks = TaskTracker("main-window", owner=self)
        self._closing_for_logout = False
        # A broker's menu starts with the book of clients (the role is known at sign-in).
        self.broker = role_of(session) == "broker"
        self.page_keys = pages_for("broker" if self.broker else "client")
        # Times are shown in the zone the user chose, on every screen from the first one.
        formatting.set_time_zone(settings.time_zone)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(780, 520)

        root = QWidget(self)
        root.setObjectName("mainRoot")
        row = QHBoxLayout(root)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_side_menu())
        right = QWidget(root)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_top_bar())
        self.stack = QStackedWidget(right)
        self.stack.setObjectName("pages")
        self.pages: dict[str, QWidget] = {}
        self.home = HomePage(self.stack)
        self.clients_page: Any = None
        if self.broker:
            from cesec_desktop.views.pages.clients import ClientsPage

            self.clients_page = ClientsPage(session, self.stack, tasks=self.tasks)
        for page in (
            *([self.clients_page] if self.clients_page is not None else []),
            self.home,
            PortfolioPage(self.stack),
            OrdersPage(session, self.stack, tasks=self.tasks),
            TransactionsPage(session, self.stack, tasks=self.tasks),
            InstructionsPage(session, self.stack, tasks=self.tasks),
        ):
            self.pages[page.key] = page  # type: ignore[attr-defined]
            self.stack.addWidget(page)
        column.addWidget(self.stack, 1)
        row.addWidget(right, 1)
        self.setCentralWidget(root)

        self.lock_overlay = QFrame(self)
        self.lock_overlay.setObjectName("lockOverlay")
        self.lock_overlay.hide()
        self._hidden_by_lock: list[QWidget] = []
        self._active_before_lock: QWidget | None = None
        self.updates = updates if updates is not None else _unconfigured_updates(settings, self)
        self.update_notice = self._build_update_notice(self.updates)

        self._build_profile_menu()
        self._build_shortcuts()
        self._build_tester()
        session.profileChanged.connect(self._profile_changed)
        session.connectionChanged.connect(self._connection_changed)
        self.home.refreshRequested.connect(self.refresh_home)
        self.home.chartRequested.connect(self.open_chart)
        self.home.withdrawRequested.connect(self.open_withdrawal)
        self.home.orderDetailsRequested.connect(self.open_order_details)
        self.home.instructionDetailsRequested.connect(self.open_instruction_details)
        # A deal's order number in its details opens the order on the Orders page.
        self.pages["transactions"].orderRequested.connect(self.open_order_details)
        self.indicator.shownChanged.connect(self.home.set_connection)
        from cesec_desktop.views.widgets.quick_search import QuickSearch

        self.quick_search_popup = QuickSearch(self.quick_search, session, self)
        self.quick_search_popup.instrumentChosen.connect(self.add_from_search)
        self.watchlist_editor: QWidget | None = None
        self.watchlistSettingsRequested.connect(self.open_watchlist_editor)
        self.home.editWatchlistRequested.connect(self.open_watchlist_editor)
        languages.languageChanged.connect(self._sync_checks)
        themes.themeChanged.connect(self._sync_checks)
        formatting.notifier().changed.connect(self._sync_checks)
        zoom.current().changed.connect(self._zoom_changed)
        if session.me is not None:
            self._profile_changed(session.me)
        self._connection_changed(session.connection.value)
        self._retranslate()
        self._restore()
        from cesec_desktop.views.tray import install_notifications

        # The tray icon, the notices and the "Desktop notifications" switch in the profile menu.
        self.tray = install_notifications(self)
        if self.clients_page is not None:
            self._wire_clients(self.clients_page)

    # --- building --------------------------------------------------------------------------

    def _build_side_menu(self) -> QWidget:
        menu = QFrame(self)
        menu.setObjectName("sideMenu")
        fixed_width(menu, 208)  # grows with the text size (Ctrl+Plus)
        layout = QVBoxLayout(menu)
        layout.setContentsMargins(12, 16, 12, 16)
        layout.setSpacing(4)
        brand = QHBoxLayout()
        brand.setContentsMargins(6, 0, 0, 12)
        brand.setSpacing(10)
        logo = self.logo = QLabel(menu)
        logo.setPixmap(image("logo").pixmap(zoom.current().size(30)))
        self.brand_label = QLabel("Centras\nSecurities", menu)
        self.brand_label.setObjectName("brandLabel")
        brand.addWidget(logo)
        brand.addWidget(self.brand_label, 1)
        layout.addLayout(brand)
        self.menu_group = QButtonGroup(self)
        self.menu_group.setExclusive(True)
        self.menu_buttons: dict[str, QToolButton] = {}
        for key in self.page_keys:
            button = QToolButton(menu)
            button.setObjectName(f"menu_{key}")
            button.setProperty("role", "menuItem")
            button.setCheckable(True)
            button.setIcon(icon(ICONS[key]))
            icon_size(button, 20)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, k=key: self.show_page(k))
            self.menu_group.addButton(button)
            self.menu_buttons[key] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.demo_note = QLabel(menu)
        self.demo_note.setObjectName("sideDemoNote")
        self.demo_note.setWordWrap(True)
        self.demo_note.setProperty("role", "muted")
        self.demo_note.setVisible(self.demo)
        layout.addWidget(self.demo_note)
        return menu

    def _build_top_bar(self) -> QWidget:
        bar = QFrame(self)
        bar.setObjectName("topBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(20, 10, 16, 10)
        layout.setSpacing(10)
        self.quick_search = QLineEdit(bar)
        self.quick_search.setObjectName("quickSearch")
        self.quick_search.setClearButtonEnabled(True)
        self.quick_search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_width = 200
        self.quick_search.setMinimumWidth(self._search_width)
        self.quick_search.setMaximumWidth(420)
        self.quick_search.textChanged.connect(self.quickSearchChanged)
        layout.addWidget(self.quick_search, 1)
        self.watchlist_button = QToolButton(bar)
        self.watchlist_button.setObjectName("watchlistButton")
        self.watchlist_button.setIcon(icon("sliders"))
        icon_size(self.watchlist_button, 20)
        self.watchlist_button.setAutoRaise(True)
        self.watchlist_button.clicked.connect(self.watchlistSettingsRequested)
        layout.addWidget(self.watchlist_button)
        layout.addStretch(1)
        self._bar_gap = layout.count() - 1
        # Brokers: back from one client's screens to the book (Alt+Left too).
        self.back_button = QToolButton(bar)
        self.back_button.setObjectName("backToClients")
        self.back_button.setAutoRaise(True)
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.back_button.clicked.connect(lambda: self.show_page("clients"))
        self.back_button.hide()
        layout.addWidget(self.back_button)
        # Brokers only: whose data Home, Portfolio and Orders show (hidden for a client).
        self.client_picker = ClientPicker(ClientScope.of(self.session), bar)
        layout.addWidget(self.client_picker)
        self.demo_badge = QLabel(bar)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setProperty("role", "badge")
        self.demo_badge.setVisible(self.demo)
        layout.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.indicator = ConnectionIndicator(bar)
        layout.addWidget(self.indicator)
        from cesec_desktop.views.help.help_menu import HelpButton

        # Help menu: guide (F1), shortcuts, contacts, Report a problem, My requests, About.
        self.help_button = HelpButton(self, bar)
        layout.addWidget(self.help_button)
        # Space, Enter or Down opens the menu from the keyboard (no nested event loop).
        self.profile_button = MenuButton(bar)
        self.profile_button.setObjectName("profileButton")
        self.profile_button.setIcon(icon("user"))
        icon_size(self.profile_button, 20)
        self.profile_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.profile_button.setAutoRaise(True)
        layout.addWidget(self.profile_button)
        self.top_bar = bar
        # Short of room (200 % text, a narrow window, long Kazakh words), the bar goes compact.
        self.top_bar_fit = BarFit(bar, self._set_top_bar_compact)
        return bar

    def _build_profile_menu(self) -> None:
        menu = QMenu(self.profile_button)
        menu.setObjectName("profileMenu")
        header = QWidget(menu)
        header.setObjectName("profileHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(14, 10, 14, 8)
        header_layout.setSpacing(2)
        self.profile_name = QLabel(header)
        self.profile_name.setObjectName("profileName")
        self.profile_detail = QLabel(header)
        self.profile_detail.setProperty("role", "muted")
        header_layout.addWidget(self.profile_name)
        header_layout.addWidget(self.profile_detail)
        header_action = QWidgetAction(menu)
        header_action.setDefaultWidget(header)
        menu.addAction(header_action)
        menu.addSeparator()
        # The account's own settings first, then how the app looks and behaves.
        self.my_details_action = menu.addAction(icon("user"), "")
        self.my_details_action.setObjectName("myDetailsAction")
        self.my_details_action.triggered.connect(self.open_my_details)
        self.change_password_action = menu.addAction(icon("key"), "")
        self.change_password_action.setObjectName("changePasswordAction")
        self.change_password_action.triggered.connect(self.open_change_password)
        self.two_step_action = menu.addAction(icon("lock"), "")
        self.two_step_action.setObjectName("twoStepAction")
        self.two_step_action.triggered.connect(self.open_two_step)
        self.sessions_action = menu.addAction("")
        self.sessions_action.setObjectName("sessionsAction")
        self.sessions_action.triggered.connect(self.open_sessions)
        menu.addSeparator()
        self.language_menu = menu.addMenu(icon("globe"), "")
        self.language_menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = self.language_menu.addAction(LANGUAGE_NAMES[code])
            action.setCheckable(True)
            action.setData(code)
            action.setObjectName(f"language_{code}")
            self.language_group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_actions[code] = action
        self.theme_menu = menu.addMenu(icon("theme"), "")
        self.theme_menu.setObjectName("themeMenu")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for mode in ("light", "dark", "high_contrast", "system"):
            action = self.theme_menu.addAction("")
            action.setCheckable(True)
            action.setObjectName(f"theme_{mode}")
            self.theme_group.addAction(action)
            action.triggered.connect(lambda _=False, m=mode: self.set_theme(m))
            self.theme_actions[mode] = action
        from cesec_desktop.views.zoom_actions import ZoomActions

        # Larger/smaller text (Ctrl+Plus, Ctrl+Minus, Ctrl+0), with the level in the title.
        self.zoom_actions = ZoomActions(self)
        self.zoom_menu = self.zoom_actions.menu(menu)
        self.time_zone_menu = menu.addMenu("")
        self.time_zone_menu.setObjectName("timeZoneMenu")
        self.time_zone_group = QActionGroup(self)
        self.time_zone_actions: dict[str, QAction] = {}
        for zone in formatting.TimeZoneChoice:
            action = self.time_zone_menu.addAction("")
            action.setCheckable(True)
            action.setObjectName(f"timeZone_{zone.value}")
            self.time_zone_group.addAction(action)
            action.triggered.connect(lambda _=False, z=zone.value: self.set_time_zone(z))
            self.time_zone_actions[zone.value] = action
        self._build_update_choices(menu)
        menu.addSeparator()
        self.logout_action = menu.addAction(icon("logout"), "")
        self.logout_action.setObjectName("logoutAction")
        self.logout_action.triggered.connect(self.logoutRequested)
        self.profile_menu = menu
        self.profile_button.setMenu(menu)
        self._sync_checks()

    def _build_update_choices(self, menu: QMenu) -> None:
        """Automatic checks on or off; a broker may also follow the beta channel."""
        self.auto_update_action = menu.addAction("")
        self.auto_update_action.setObjectName("autoUpdateAction")
        self.auto_update_action.setCheckable(True)
        self.auto_update_action.setChecked(self.settings.update_auto_check)
        self.auto_update_action.toggled.connect(self.set_auto_update)
        self.channel_menu: QMenu | None = None
        self.channel_actions: dict[str, QAction] = {}
        if not self.broker:
            return
        self.channel_menu = menu.addMenu("")
        self.channel_menu.setObjectName("updateChannelMenu")
        self.channel_group = QActionGroup(self)
        for channel in UPDATE_CHANNELS:
            action = self.channel_menu.addAction("")
            action.setCheckable(True)
            action.setObjectName(f"updateChannel_{channel}")
            self.channel_group.addAction(action)
            action.triggered.connect(lambda _=False, c=channel: self.set_update_channel(c))
            self.channel_actions[channel] = action

    def _build_update_notice(self, updates: UpdateCenter) -> UpdateNotice:
        from cesec_desktop.views.update_notice import UpdateNotice

        notice = UpdateNotice(updates, self)
        notice.keep_under = self.lock_overlay  # what the lock hides stays hidden
        return notice

    def _build_shortcuts(self) -> None:
        self.page_actions: dict[str, QAction] = {}
        # Ctrl+1…5 for the client's screens; a broker's Clients page is Ctrl+6 (Ctrl+0 is
        # the text size's reset, as in every desktop app).
        numbers = {key: number for number, key in enumerate(self.page_keys[-5:], start=1)}
        for key in self.page_keys:
            action = QAction(self)
            action.setObjectName(f"goto_{key}")
            action.setShortcut(QKeySequence(f"Ctrl+{numbers.get(key, 6)}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.addAction(action)
            self.page_actions[key] = action
        self.back_action: QAction | None = None
        if self.broker:
            self.back_action = QAction(self)
            self.back_action.setObjectName("backToClientsAction")
            self.back_action.setShortcut(QKeySequence("Alt+Left"))
            self.back_action.triggered.connect(lambda: self.show_page("clients"))
            self.addAction(self.back_action)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh_home)
        self.addAction(self.refresh_action)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.search_action.triggered.connect(self.quick_search.setFocus)
        self.addAction(self.search_action)

    def _build_tester(self) -> None:
        """The Tester panel's entry (Help menu, Ctrl+Shift+T), only for a mock on this
        computer once it said it is one (`state.tester`); for any other server, none."""
        from cesec_desktop.state.tester import Workbench

        self.tester_panel: QWidget | None = None
        self.tester_action: QAction | None = None
        self.workbench = Workbench.for_server(self.session.server_url, self)
        if self.workbench is None:
            return
        action = QAction(self)
        action.setObjectName("testerAction")
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setVisible(False)
        action.setEnabled(False)
        action.triggered.connect(self.open_tester)
        menu = self.help_button.help_menu
        # In its own section above Check for updates and About.
        menu.insertAction(self.help_button.updates_action, action)
        menu.insertSeparator(self.help_button.updates_action)
        self.addAction(action)  # the shortcut works with the menu closed
        self.tester_action = action
        self.workbench.availabilityChanged.connect(self._tester_available)
        self.workbench.worldReplaced.connect(self._world_replaced)
        self.tasks.spawn(self.workbench.probe(), name="mock-probe")

    def _tester_available(self, available: bool) -> None:
        if self.tester_action is not None:
            self.tester_action.setVisible(available)
            self.tester_action.setEnabled(available)
            # The key exists only once the server said it is a mock, so that the shortcuts
            # window (which lists it from then on) and the window's keys always agree.
            from cesec_desktop.views.help.help_menu import TESTER_SHORTCUTS

            key = QKeySequence(dict(TESTER_SHORTCUTS)["tester"]) if available else QKeySequence()
            self.tester_action.setShortcut(key)

    def open_tester(self) -> QWidget | None:
        """The Tester window, against a mock only."""
        if self.workbench is None or not self.workbench.available:
            return None
        from cesec_desktop.views.tester_panel import open_tester_panel

        self.tester_panel = open_tester_panel(self, self.workbench, self.session, self.tester_panel)
        return self.tester_panel

    def _world_replaced(self, change: Any) -> None:
        """A reset or a scenario load took the session's world away: sign out, saying why
        (views/tester/world.py says why not refresh instead)."""
        from cesec_desktop.views.tester.world import world_message

        log.info("the mock's world was replaced; signing out")
        self.signOutRequested.emit(world_message(change))

    # --- navigation ------------------------------------------------------------------------

    @property
    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return getattr(widget, "key", "home")

    def show_page(self, key: str) -> None:
        if key not in self.pages:
            key = "home"
        self.stack.setCurrentWidget(self.pages[key])
        self.menu_buttons[key].setChecked(True)
        self.back_button.setVisible(self.broker and key != "clients")
        self.top_bar_fit.fit()
        self.settings.set_last_page(self.session.login_name, key)

    def _wire_clients(self, page: Any) -> None:
        """A broker's book: open a client on Home, the alert badge and notices."""
        from cesec_desktop.state.notifications import BOOK_ALERT
        from cesec_desktop.views.pages.clients import MenuBadge

        page.clientOpened.connect(lambda _client_id: self.show_page("home"))
        self.clients_badge = MenuBadge(self.menu_buttons["clients"], page)

        def notice(title: str, body: str) -> None:
            if self.settings.notifications_enabled:
                self.tray.show_notice(title, body, BOOK_ALERT)

        page.alertNoticed.connect(notice)  # a click on it opens the book (views/tray.py)
        # The book loads at sign-in and its alerts follow the broker to every page; its
        # quotes are revalued only while the page is on screen (ClientsPage.start/stop).
        page.store.start()
        page.store.pause()

    # --- actions ---------------------------------------------------------------------------

    def open_my_details(self) -> None:
        """Profile → My details: name, IIN, contacts, the broker's contact."""
        from cesec_desktop.views.my_details_dialog import open_my_details

        open_my_details(self, self.session)

    def open_sessions(self) -> None:
        """Profile → Sessions and devices: where the account is signed in, remembered
        computers; end or forget any of them."""
        from cesec_desktop.views.sessions_dialog import open_sessions

        open_sessions(self, self.session)

    def open_two_step(self) -> None:
        """Profile → Two-step sign-in: set up an authenticator app, or turn it off."""
        from cesec_desktop.views.two_step_dialog import open_two_step

        open_two_step(self, self.session)

    def open_change_password(self) -> None:
        self.tasks.spawn(self.change_password(), name="change-password-dialog")

    async def change_password(self) -> bool:
        from cesec_desktop.views.change_password import ChangePasswordDialog
        from cesec_desktop.views.dialogs import run_dialog

        dialog = ChangePasswordDialog(self.session.change_password, parent=self)
        self.change_password_dialog = dialog
        try:
            await run_dialog(dialog)
            if dialog.succeeded:
                from cesec_desktop.views.login_window import demo_password_changed

                demo_password_changed(self.settings, self.session.login_name)
            return dialog.succeeded
        finally:
            self.change_password_dialog = None
            if isValid(dialog):
                dialog.deleteLater()

    def set_language(self, code: str) -> None:
        self.settings.language = code
        self.languages.set_language(code)

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.themes.set_mode(mode)
        self._sync_checks()

    def set_time_zone(self, zone: str) -> None:
        """Show times in Almaty's zone or this computer's, on every screen at once."""
        self.settings.time_zone = zone
        formatting.set_time_zone(self.settings.time_zone)
        self._sync_checks()

    def set_auto_update(self, enabled: bool) -> None:
        self.settings.update_auto_check = enabled
        if enabled:
            self.updates.start()

    def set_update_channel(self, channel: str) -> None:
        self.settings.update_channel = channel
        self._sync_checks()

    def check_for_updates(self) -> None:
        """Help → Check for updates: the notice shows the check and what it found."""
        self.update_notice.begin_check()

    def update_busy_reason(self) -> str | None:
        """Why an update must not interrupt now, as a sentence; None when it may.

        A signature under way, or an order or withdrawal form not yet sent (what is typed in
        it would be lost when the app quits to install). A form the idle lock hid still counts.
        """
        from cesec_desktop.views.signing_flow import SigningForm

        if self.lock_overlay.isVisible():
            return self.tr("The update will install once the app is unlocked.")
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, SigningForm) or not isValid(widget):
                continue
            if not (widget.isVisible() or widget in self._hidden_by_lock):
                continue
            if widget.sign_dialog is not None or widget.busy or widget.outcome == "checking":
                return self.tr("The update will install once the signature is done.")
            ui = widget.ui
            if ui is not None and ui.stack.currentWidget() is ui.donePage:
                continue  # sent: nothing in it can be lost
            if getattr(widget.ticket, "document_kind", "order") == "withdrawal":
                return self.tr(
                    "The update will install once the withdrawal form is sent or closed."
                )
            return self.tr("The update will install once the order form is sent or closed.")
        return None

    def open_order_details(self, order_id: str) -> None:
        """Home's recent order: the Orders page, then its Details dialog."""
        self.tasks.spawn(self.open_details("orders", order_id), name="order-details")

    def open_instruction_details(self, instruction_id: str) -> None:
        """Home's recent instruction: the Instructions page, then its Details dialog."""
        self.tasks.spawn(
            self.open_details("instructions", instruction_id), name="instruction-details"
        )

    async def open_details(self, key: str, item_id: str) -> bool:
        """Show a list page and open one row's details once its first page is in.

        False (with a word in the status bar) if the row is not among what the page lists.
        """
        import asyncio

        self.show_page(key)
        page: Any = self.pages[key]
        model = page.model
        if not model.loaded and model.error is None:
            done = asyncio.get_running_loop().create_future()

            def settle(*_: object) -> None:
                if not done.done():
                    done.set_result(None)

            model.pageLoaded.connect(settle)
            model.loadFailed.connect(settle)
            try:
                await asyncio.wait_for(done, DETAILS_LOAD_SECONDS)
            except TimeoutError:
                pass
            finally:
                model.pageLoaded.disconnect(settle)
                model.loadFailed.disconnect(settle)
        if model.row_of(item_id) is None:
            # Outside the period shown: the page reads that one row and shows it.
            log.info("%s %s is not in the page's list: read on its own", key, item_id)
        page.open_details(item_id)
        return True

    def open_withdrawal(self) -> QWidget | None:
        """The withdrawal form, for the client themself (a broker only watches)."""
        if ClientScope.of(self.session).read_only:
            return None
        from cesec_desktop.views.withdrawal_form import open_withdrawal_form

        return open_withdrawal_form(self, self.session)

    def open_chart(self, instrument_id: str) -> QWidget:
        """A chart window for the instrument; pyqtgraph loads now, not at start-up."""
        from cesec_desktop.views.chart_window import open_chart

        window = open_chart(self, self.session, instrument_id)
        self._charts = [w for w in getattr(self, "_charts", []) if w.isVisible()] + [window]
        return window

    def add_from_search(self, instrument_id: str) -> None:
        """The quick search's pick: onto its market's list, then shown and marked on Home."""
        watchlists = self.home.watchlists
        if watchlists.editable:
            watchlists.add(instrument_id)
        elif not watchlists.contains(instrument_id):
            self.statusBar().showMessage(
                self.tr("Brokers see a client's watchlists but cannot change them."), 8000
            )
            return
        self.show_page("home")
        self.home.reveal(instrument_id)

    def open_watchlist_editor(self) -> None:
        editor = self.watchlist_editor
        if editor is not None and isValid(editor) and editor.isVisible():
            editor.raise_()
            editor.activateWindow()
            return
        self.tasks.spawn(self.edit_watchlists(), name="watchlist-editor")

    async def edit_watchlists(self) -> None:
        from cesec_desktop.views.dialogs import run_dialog
        from cesec_desktop.views.watchlist_editor import WatchlistEditor

        dialog = WatchlistEditor(self.session, self.home.watchlists, self.home.quotes, self)
        self.watchlist_editor = dialog
        try:
            await run_dialog(dialog)
        finally:
            self.watchlist_editor = None
            if isValid(dialog):
                dialog.deleteLater()

    def refresh_home(self) -> None:
        self.tasks.spawn(self._refresh_home(), name="refresh-home")

    async def _refresh_home(self) -> None:
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.views.messages import describe

        self.home.refresh_button.setEnabled(False)
        try:
            await self.session.reload_profile()
        except CabinetError as error:
            self.statusBar().showMessage(describe(error), 8000)
        finally:
            self.home.refresh_button.setEnabled(True)

    def set_locked(self, locked: bool, *, hide_windows: bool = True) -> None:
        """Hide what is on screen while the lock dialog asks for the password.

        The overlay covers this window; with `hide_windows` (the idle lock: someone else may
        be at the screen) every other window of the app, a withdrawal form with its IBAN
        typed or a chart, is hidden, not closed, and comes back as it was on unlock.
        """
        self.lock_overlay.setGeometry(self.rect())
        self.lock_overlay.setVisible(locked)
        self.lock_overlay.raise_()
        if not locked:
            self._show_hidden_windows()
        elif hide_windows:
            self._hide_other_windows()

    def _hide_other_windows(self) -> None:
        active = QApplication.activeWindow()
        if active is not None and active is not self:
            self._active_before_lock = active
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or widget.objectName() == "lockDialog":
                continue
            kind = widget.windowType()
            widget.hide()
            # A menu or a tooltip is not brought back: it was a passing thing.
            if kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                self._hidden_by_lock.append(widget)

    def _show_hidden_windows(self) -> None:
        hidden, self._hidden_by_lock = self._hidden_by_lock, []
        active, self._active_before_lock = self._active_before_lock, None
        for widget in hidden:
            if isValid(widget):
                widget.show()
        if active is not None and isValid(active) and active.isVisible():
            active.raise_()
            active.activateWindow()

    # --- session events --------------------------------------------------------------------

    def _profile_changed(self, me: Any) -> None:
        self.home.set_profile(me)
        self.profile_button.setText(_short_name(me.full_name))
        self.profile_name.setText(me.full_name)
        self._retranslate_profile()
        self.top_bar_fit.fit()

    def _connection_changed(self, state: str) -> None:
        # Home says what the indicator says ("connecting" until the first answer).
        self.indicator.set_state(state)
        self.home.set_connection(self.indicator.shown)
        # "Reconnecting…" is longer than "Online".
        self.top_bar_fit.fit()

    # --- persistence -----------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.geometry(WINDOW)
        if geometry is None or not self.restoreGeometry(geometry):
            size = DEFAULT_SIZE
            screen = self.screen()
            if screen is not None:
                size = size.boundedTo(screen.availableGeometry().size())
            self.resize(size)
        state = self.settings.window_state(WINDOW)
        if state is not None:
            self.restoreState(state)
        # Each user comes back to their own last page, not the previous user's.
        self.show_page(self.settings.last_page_of(self.session.login_name))

    def save_state(self) -> None:
        self.settings.set_geometry(WINDOW, self.saveGeometry())
        self.settings.set_window_state(WINDOW, self.saveState())
        self.settings.set_last_page(self.session.login_name, self.current_page)
        self.settings.sync()

    # --- texts -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Centras Securities · Trading cabinet"))
        native = QKeySequence.SequenceFormat.NativeText
        for key, action in self.page_actions.items():
            title = page_title(key)
            self.menu_buttons[key].setText(title)
            self.menu_buttons[key].setToolTip(f"{title} ({action.shortcut().toString(native)})")
        hint = self.tr("Search by ticker or name")
        self.quick_search.setPlaceholderText(hint)
        # The whole hint in every language, with the search icon and the clear button.
        width = self.quick_search.fontMetrics().horizontalAdvance(hint) + zoom.px(76)
        self._search_width = max(zoom.px(200), width)
        self.quick_search.setMinimumWidth(self._search_width)
        self.quick_search.setToolTip(self.tr("Quick search (Ctrl+F)"))
        # Names for screen readers: the placeholder and the icons say nothing to them.
        self.quick_search.setAccessibleName(hint)
        # The clear button in the field is an action of Qt's own: readers say its text.
        clear = self.quick_search.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:
            clear.setText(self.tr("Clear the search"))
            clear.setToolTip(clear.text())
        self.watchlist_button.setToolTip(self.tr("Watchlist settings"))
        self.watchlist_button.setAccessibleName(self.watchlist_button.toolTip())
        self.back_button.setText("\N{LEFTWARDS ARROW} " + self.tr("Back to clients"))
        self.back_button.setToolTip(self.tr("Back to the book of clients (Alt+Left)"))
        # The words, also when the bar is compact and the button shows the arrow alone.
        self.back_button.setAccessibleName(self.tr("Back to clients"))
        self.demo_badge.setText(self.tr("DEMO"))
        self.demo_badge.setToolTip(
            self.tr("Demo mode: a local mock of the broker's systems, no real money")
        )
        self.demo_note.setText(self.tr("Demo mode: orders and payments are simulated."))
        # "DEMO" in capitals is spelt out by some readers: the badge says what it means.
        self.demo_badge.setAccessibleName(self.demo_note.text())
        self.demo_badge.setAccessibleDescription(self.demo_badge.toolTip())
        self.my_details_action.setText(self.tr("My details…"))
        self.change_password_action.setText(self.tr("Change password"))
        self.two_step_action.setText(self.tr("Two-step sign-in…"))
        self.sessions_action.setText(self.tr("Sessions and devices…"))
        self.language_menu.setTitle(self.tr("Language"))
        self.theme_menu.setTitle(self.tr("Theme"))
        self.theme_actions["light"].setText(self.tr("Light"))
        self.theme_actions["dark"].setText(self.tr("Dark"))
        self.theme_actions["high_contrast"].setText(self.tr("High contrast"))
        self.theme_actions["system"].setText(self.tr("As in the system"))
        self.time_zone_menu.setTitle(self.tr("Times"))
        self.time_zone_actions["almaty"].setText(self.tr("Almaty time (UTC+5)"))
        self.time_zone_actions["local"].setText(self.tr("This computer's time"))
        self.logout_action.setText(self.tr("Log out"))
        self.auto_update_action.setText(self.tr("Check for updates automatically"))
        if self.channel_menu is not None:
            self.channel_menu.setTitle(self.tr("Update channel"))
            self.channel_actions["stable"].setText(self.tr("Stable"))
            self.channel_actions["beta"].setText(self.tr("Beta (early releases)"))
        if self.tester_action is not None:
            self.tester_action.setText(self.tr("Tester…"))
            self.tester_action.setToolTip(self.tr("The mock backend's controls (Ctrl+Shift+T)"))
        self.indicator.retranslate()
        self._retranslate_profile()
        # New words, a new text size: the bar's room is measured again.
        self._set_top_bar_compact(self.top_bar_fit.compact)
        self.top_bar_fit.fit()

    def _set_top_bar_compact(self, compact: bool) -> None:
        """Compact: the back button's arrow alone, no "Client:" caption, the connection's
        dot alone, the profile button's icon alone and a narrower quick search. What is not
        shown stays in the tooltips and the accessible names."""
        arrow = "\N{LEFTWARDS ARROW}"
        back = self.tr("Back to clients")
        self.back_button.setText(arrow if compact else f"{arrow} {back}")
        self.client_picker.set_compact(compact)
        self.indicator.set_compact(compact)
        self.profile_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        profile = self.tr("Profile")
        name = self.profile_name.text()
        named = f"{profile}: {name}" if compact and name else profile
        self.profile_button.setToolTip(named)
        self.profile_button.setAccessibleName(named)
        search = self.quick_search
        search.setMinimumWidth(zoom.px(COMPACT_SEARCH_WIDTH) if compact else self._search_width)
        # Compact, the search takes the spare room (up to its maximum), not the gap after it.
        self.top_bar.layout().setStretch(self._bar_gap, 0 if compact else 1)
        # The hint may be cut then: the tooltip says it whole.
        search.setProperty("elides", compact)
        hint, tip = search.placeholderText(), self.tr("Quick search (Ctrl+F)")
        search.setToolTip(f"{tip}\n{hint}" if compact else tip)

    def _retranslate_profile(self) -> None:
        me = self.session.me
        if me is None:
            self.profile_detail.setText("")
            return
        role = getattr(me.role, "value", me.role)
        kind = self.tr("Broker") if role == "broker" else self.tr("Client")
        iin = self.tr("IIN")
        self.profile_detail.setText(f"{kind} · {iin} {me.iin}")

    def _zoom_changed(self, _level: int) -> None:
        """What the stylesheet and views/zoom_sizes.py do not size: the logo, and the quick
        search's room for its hint (measured in the new font)."""
        self.logo.setPixmap(image("logo").pixmap(zoom.current().size(30)))
        self._retranslate()

    def _sync_checks(self, *_: object) -> None:
        action = self.language_actions.get(self.languages.language)
        if action is not None:
            action.setChecked(True)
        self.theme_actions[self.themes.mode].setChecked(True)
        self.time_zone_actions[formatting.time_zone_choice().value].setChecked(True)
        channel = self.channel_actions.get(self.settings.update_channel)
        if channel is not None:
            channel.setChecked(True)

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        if event.type() == QEvent.Type.WindowStateChange:
            # Minimised, nothing can be seen: no repaints at all until restored, which
            # repaints the whole window anyway. (The pages themselves rest on the hide event
            # Qt sends their widgets on minimising.)
            self.setUpdatesEnabled(not self.isMinimized())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_overlay.isVisible():
            self.lock_overlay.setGeometry(self.rect())

    def close_for_logout(self) -> None:
        """Close without ending the app (the login window comes back)."""
        self._closing_for_logout = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        for task in self.tasks.pending:
            task.cancel()
        super().closeEvent(event)
        if not self._closing_for_logout:
            self.closed.emit()


def _unconfigured_updates(settings: Settings, parent: QWidget) -> UpdateCenter:
    """A window made without the shell's updater: Help → Check for updates says updates are
    not set up here."""
    from cesec_desktop import __version__
    from cesec_desktop.state.updates import UpdateCenter

    return UpdateCenter(settings, current_version=__version__, parent=parent)


def _short_name(full_name: str) -> str:
    """Surname and initials ("Демов Д.Д."), as names are shortened in Kazakhstan."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name
    return parts[0] + " " + "".join(f"{p[0]}." for p in parts[1:3])
