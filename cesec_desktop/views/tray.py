"""The tray icon: its menu (Show window, Desktop notifications, Quit) and the notices.

Where the desktop has no system tray (offscreen, some Linux desktops) the notices go to the
main window's status bar and the window asks for attention instead: nothing is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from cesec_desktop.settings import resources_dir
from cesec_desktop.state.notifications import (
    BOOK_ALERT,
    ORDER_FILLED,
    ORDER_PARTIALLY_FILLED,
    ORDER_REJECTED,
    WARNINGS,
    Notifier,
)
from cesec_desktop.views.resources import image
from cesec_desktop.views.widgets.live_region import live_region

if TYPE_CHECKING:
    from cesec_desktop.views.main_window import MainWindow

MESSAGE_MS = 10_000
"""How long a notice stays: the tray balloon and the status bar fallback alike."""

_PAGE_OF_KIND = {
    ORDER_FILLED: "orders",
    ORDER_PARTIALLY_FILLED: "orders",
    ORDER_REJECTED: "orders",
    BOOK_ALERT: "clients",
}


def app_icon() -> QIcon:
    """The app icon: the icon set's `app.svg` when it is there, else the logo."""
    path = resources_dir() / "icons" / "app.svg"
    return QIcon(str(path)) if path.is_file() else image("logo")


class Tray(QObject):
    """The tray icon and the notices of one main window.

    Signals:
        messageShown(title, body, kind, route): a notice was shown; `route` is "tray"
            (a desktop notification) or "window" (the status bar, when there is no tray).
    """

    messageShown = Signal(str, str, str, str)

    def __init__(
        self, window: MainWindow, notifier: Notifier, *, tray_available: bool | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.notifier = notifier
        self.settings = window.settings
        self.last_kind = ""
        available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )

        self.notifications_action = QAction(self)
        self.notifications_action.setObjectName("notificationsAction")
        self.notifications_action.setCheckable(True)
        self.notifications_action.setChecked(self.settings.notifications_enabled)
        self.notifications_action.toggled.connect(self.set_enabled)
        self.show_action = QAction(self)
        self.show_action.setObjectName("trayShowAction")
        self.show_action.triggered.connect(self.show_window)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("trayQuitAction")
        self.quit_action.triggered.connect(window.close)

        # A tray menu is a top-level popup: no parent widget, so it lives as long as we do.
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.notifications_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.destroyed.connect(self.menu.deleteLater)

        self.icon: QSystemTrayIcon | None = None
        if available:
            self.icon = QSystemTrayIcon(app_icon(), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self._message_clicked)
            self.icon.show()

        notifier.notify.connect(self.show_notice)
        window.languages.languageChanged.connect(self.retranslate)
        self.retranslate()

    # --- actions ---------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        self.settings.notifications_enabled = enabled
        self.settings.sync()

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def show_notice(self, title: str, body: str, kind: str) -> None:
        self.last_kind = kind
        if self.icon is not None:
            warning = kind in WARNINGS
            level = (
                QSystemTrayIcon.MessageIcon.Warning
                if warning
                else QSystemTrayIcon.MessageIcon.Information
            )
            self.icon.showMessage(title, body, level, MESSAGE_MS)
            route = "tray"
        else:
            # No tray to speak through: one line in the status bar, and a taskbar flash.
            text = f"{title}: " + " · ".join(line for line in body.splitlines() if line)
            self.window.statusBar().showMessage(text, MESSAGE_MS)
            QApplication.alert(self.window)
            route = "window"
        self.messageShown.emit(title, body, kind, route)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()

    def _message_clicked(self) -> None:
        """A click on the notice opens the page that lists what it was about."""
        self.show_window()
        self.window.show_page(_PAGE_OF_KIND.get(self.last_kind, "instructions"))

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    # --- texts -----------------------------------------------------------------------------

    def retranslate(self, *_: object) -> None:
        self.show_action.setText(self.tr("Show window"))
        self.notifications_action.setText(self.tr("Desktop notifications"))
        self.notifications_action.setToolTip(
            self.tr("A notice when an order fills or is rejected, or a withdrawal is done")
        )
        self.quit_action.setText(self.tr("Quit"))
        if self.icon is not None:
            self.icon.setToolTip(self.tr("Centras Securities"))


def install_notifications(window: MainWindow) -> Tray:
    """The notifier and the tray for a main window; the notifications switch goes into the
    profile menu, before Log out, so it sits with the other preferences."""
    notifier = Notifier(window.session, window.settings, tasks=window.tasks, parent=window)
    tray = Tray(window, notifier)
    # A fill or a rejection is also said to a screen reader, pop-ups on or off.
    region = live_region(window)
    notifier.happened.connect(lambda title, body, _kind: region.announce(f"{title}. {body}"))
    menu = window.profile_menu
    actions = menu.actions()
    logout = actions.index(window.logout_action) if window.logout_action in actions else -1
    # The separator before Log out: the switch goes above it, after Theme.
    before = actions[logout - 1] if logout > 0 else None
    if before is not None:
        menu.insertAction(before, tray.notifications_action)
    else:
        menu.addAction(tray.notifications_action)
    notifier.start()
    return tray
