"""The Help button in the top bar: guide (F1), shortcuts, contacts, reports, requests,
Check for updates, About."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.state.accessible_cells import label_cells
from cesec_desktop.state.support import SupportDesk, environment_for
from cesec_desktop.views.pages.titles import PAGES, page_title
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.menu_button import MenuButton
from cesec_desktop.views.zoom_actions import ZOOM_IN_KEYS, ZOOM_OUT_KEYS, ZOOM_RESET_KEYS
from cesec_desktop.views.zoom_sizes import icon_size

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session
    from cesec_desktop.state.tasks import TaskTracker
    from cesec_desktop.views.help.guide_window import GuideWindow
    from cesec_desktop.views.help.my_requests import MyRequestsDialog
    from cesec_desktop.views.help.report_problem import ReportProblemDialog

log = logging.getLogger(__name__)

Key = str | QKeySequence.StandardKey

SHORTCUTS: tuple[tuple[str, Key], ...] = (
    ("guide", "F1"),
    ("search", QKeySequence.StandardKey.Find),
    *((f"page_{page}", f"Ctrl+{number}") for number, page in enumerate(PAGES, start=1)),
    ("refresh", QKeySequence.StandardKey.Refresh),
    ("new_order", "Ctrl+N"),
    ("copy", QKeySequence.StandardKey.Copy),
    ("buy", "Ctrl+B"),
    ("sell", "Ctrl+Shift+S"),
    *(("zoom_in", key) for key in ZOOM_IN_KEYS),
    *(("zoom_out", key) for key in ZOOM_OUT_KEYS),
    *(("zoom_reset", key) for key in ZOOM_RESET_KEYS),
    # Keys that are not actions: the tables' row menu and the watchlist editor's lists.
    ("row_menu", "Menu"),
    ("row_menu", "Shift+F10"),
    ("watchlist_up", "Ctrl+Up"),
    ("watchlist_down", "Ctrl+Down"),
    ("watchlist_remove", QKeySequence.StandardKey.Delete),
)
"""Every keyboard shortcut of the main window, its pages and the watchlist editor: the one
list the Keyboard shortcuts window shows (a test compares it with the window's actions)."""

BROKER_SHORTCUTS: tuple[tuple[str, Key], ...] = (
    ("page_clients", "Ctrl+6"),
    ("back_to_clients", "Alt+Left"),
)
"""A broker's own: the book of clients, and back to it from a client's screens (listed for
brokers only, who alone have them)."""

TESTER_SHORTCUTS: tuple[tuple[str, Key], ...] = (("tester", "Ctrl+Shift+T"),)
"""The Tester window's: listed only when the server is a mock on this computer, the only
time the window has it."""

GUIDE_KEY = QKeySequence(dict(SHORTCUTS)["guide"])


def key_sequence(key: Key) -> QKeySequence:
    return QKeySequence(key)


class ShortcutTexts(QObject):
    """What each shortcut does, in the UI language."""

    def describe(self, name: str) -> str:
        if name.startswith("page_"):
            return self.tr("Open %1").replace("%1", page_title(name.removeprefix("page_")))
        texts = {
            "guide": self.tr("Open the user guide"),
            "search": self.tr("Quick search by ticker or name"),
            "refresh": self.tr("Refresh the data"),
            "new_order": self.tr("New order (on Orders)"),
            "copy": self.tr("Copy the selected rows of a list"),
            "buy": self.tr("Buy the instrument in the selected row"),
            "sell": self.tr("Sell the instrument in the selected row"),
            "back_to_clients": self.tr("Back to the book of clients"),
            "zoom_in": self.tr("Larger text (up to 200%)"),
            "zoom_out": self.tr("Smaller text (down to 80%)"),
            "zoom_reset": self.tr("Text at its actual size (100%)"),
            "row_menu": self.tr("Open the selected row's menu"),
            "watchlist_up": self.tr("Watchlist editor: move the instrument up"),
            "watchlist_down": self.tr("Watchlist editor: move the instrument down"),
            "watchlist_remove": self.tr("Watchlist editor: remove the instrument"),
            "tester": self.tr("Open the Tester window (the mock backend's controls)"),
        }
        return texts[name]


class ShortcutsDialog(QDialog):
    """The shortcuts as a two-column table, built from SHORTCUTS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.texts = ShortcutTexts(self)
        broker = bool(getattr(parent, "broker", False))
        tester_action = getattr(parent, "tester_action", None)
        tester = tester_action is not None and tester_action.isEnabled()
        self.shortcuts = (
            SHORTCUTS + (BROKER_SHORTCUTS if broker else ()) + (TESTER_SHORTCUTS if tester else ())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        layout.addWidget(self.title)
        self.table = QTableWidget(len(self.shortcuts), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 600)
        self._retranslate()

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.table.item(row, 0).text(), self.table.item(row, 1).text())
            for row in range(self.table.rowCount())
        ]

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.title.setText(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        native = QKeySequence.SequenceFormat.NativeText
        for row, (name, key) in enumerate(self.shortcuts):
            self.table.setItem(row, 0, QTableWidgetItem(key_sequence(key).toString(native)))
            self.table.setItem(row, 1, QTableWidgetItem(self.texts.describe(name)))
        label_cells(self.table.model())
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(0, self.table.columnWidth(0) + 16)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class HelpButton(MenuButton):
    """The top bar's Help button and its menu; owns the help windows it opens."""

    def __init__(self, host: QWidget, parent: QWidget | None = None) -> None:
        """`host` is the main window: its session, demo flag, tasks, languages and page."""
        super().__init__(parent)
        self.host = host
        session: Session = host.session  # type: ignore[attr-defined]
        self.session = session
        self.desk = SupportDesk(session, self)
        self.guide: GuideWindow | None = None
        self.my_requests: MyRequestsDialog | None = None
        self.report_dialog: ReportProblemDialog | None = None
        self.setObjectName("helpButton")
        self.setIcon(icon("help"))
        icon_size(self, 20)  # grows with the text size
        self.setAutoRaise(True)
        menu = QMenu(self)
        menu.setObjectName("helpMenu")
        self.guide_action = self._add(menu, "guideAction", self.open_guide_here)
        self.guide_action.setShortcut(GUIDE_KEY)
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # On the window too: a shortcut works only on an action of a visible widget there.
        host.addAction(self.guide_action)
        self.shortcuts_action = self._add(menu, "shortcutsAction", self.open_shortcuts)
        menu.addSeparator()
        self.contacts_action = self._add(menu, "contactsAction", self.open_contacts)
        self.report_action = self._add(menu, "reportAction", self.open_report)
        self.requests_action = self._add(menu, "myRequestsAction", self.open_my_requests)
        menu.addSeparator()
        self.updates_action = self._add(menu, "checkUpdatesAction", self.check_for_updates)
        self.about_action = self._add(menu, "aboutAction", self.open_about)
        self.help_menu = menu
        self.setMenu(menu)
        self._retranslate()

    @staticmethod
    def _add(menu: QMenu, name: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction("")
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: slot())
        return action

    @property
    def tasks(self) -> TaskTracker:
        return self.host.tasks  # type: ignore[attr-defined, no-any-return]

    # --- the guide -------------------------------------------------------------------------

    def open_guide_here(self) -> GuideWindow:
        """F1: the guide at the section of the page on screen."""
        return self.open_guide(getattr(self.host, "current_page", ""))

    def open_guide(self, section: str = "") -> GuideWindow:
        from cesec_desktop.views.help.guide_window import GuideWindow

        if self.guide is None or not isValid(self.guide):
            languages = getattr(self.host, "languages", None)
            self.guide = GuideWindow(
                lambda: languages.language if languages is not None else "", self.host
            )
        guide = self.guide
        guide.show()
        guide.raise_()
        guide.activateWindow()
        if section:
            guide.show_section(section)
        return guide

    # --- dialogs ---------------------------------------------------------------------------

    def open_shortcuts(self) -> QDialog:
        dialog = ShortcutsDialog(self.host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()
        return dialog

    def open_contacts(self) -> QDialog:
        from cesec_desktop.views.help.contacts import ContactsDialog

        dialog = ContactsDialog(self.host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reportRequested.connect(self.open_report)
        self.contacts_dialog = dialog
        dialog.open()
        return dialog

    def open_about(self) -> QDialog:
        from cesec_desktop.views.help.about_dialog import AboutDialog

        dialog = AboutDialog(self.host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()
        return dialog

    def open_my_requests(self) -> QDialog:
        from cesec_desktop.views.help.my_requests import MyRequestsDialog

        if self.my_requests is None or not isValid(self.my_requests):
            self.my_requests = MyRequestsDialog(self.desk, self.host)
            self.my_requests.reportRequested.connect(self.open_report)
        dialog = self.my_requests
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.refresh()
        return dialog

    def open_report(self) -> None:
        dialog = self.report_dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return
        self.tasks.spawn(self.report_problem(), name="report-problem")

    async def report_problem(self) -> bool:
        """Grab the window first (so the form is not in the picture), then open the form."""
        from cesec_desktop.views.dialogs import run_dialog
        from cesec_desktop.views.help.report_problem import ReportProblemDialog

        image = self.host.grab().toImage()
        environment = environment_for(self.session.server_url, bool(self.host.demo))  # type: ignore[attr-defined]
        dialog = ReportProblemDialog(self.desk, environment, self.host)
        dialog.myRequestsRequested.connect(self.open_my_requests)
        dialog.set_screenshot(image)
        dialog.load_attachments()
        self.report_dialog = dialog
        try:
            await run_dialog(dialog)
            return dialog.request is not None
        finally:
            self.report_dialog = None
            if isValid(dialog):
                dialog.deleteLater()

    def check_for_updates(self) -> None:
        """The main window's update notice shows the check and what it found."""
        check = getattr(self.host, "check_for_updates", None)
        if callable(check):
            check()

    # --- texts -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Help"))
        self.setAccessibleName(self.toolTip())  # an icon only: readers need the word
        self.guide_action.setText(self.tr("User guide"))
        self.shortcuts_action.setText(self.tr("Keyboard shortcuts"))
        self.contacts_action.setText(self.tr("Contact support"))
        self.report_action.setText(self.tr("Report a problem…"))
        self.requests_action.setText(self.tr("My requests"))
        self.updates_action.setText(self.tr("Check for updates…"))
        self.about_action.setText(self.tr("About"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
