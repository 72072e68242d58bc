"""A tool button that opens its menu without a nested event loop, by mouse or keyboard.

QToolButton shows its menu with `QMenu.exec()`, a nested event loop: under qasync it stalls
the coroutine that pressed the key (a keyboard test, an accessibility tool driving the app)
until the menu closes, and a task resumed inside it fails ("Cannot enter into task"). This
button opens the same menu with `popup()` instead: on a left click, and on Space, Enter,
Down or Alt+Down when it has the keyboard focus (issue 18: every menu from the keyboard).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

OPEN_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)


class MenuButton(QToolButton):
    """A QToolButton whose `menu()` pops up (never `exec()`s) on a click or a key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The menu indicator and the accessible role (a button with a menu) stay Qt's own.
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Tab reaches it on every platform, a click does not move the focus (as before).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def open_menu(self) -> QMenu | None:
        """Show the menu under the button (above it when there is no room below)."""
        menu = self.menu()
        if menu is None or not self.isEnabled() or menu.isVisible():
            return None
        self.setDown(True)
        menu.aboutToHide.connect(self._menu_hidden, Qt.ConnectionType.SingleShotConnection)
        below = self.mapToGlobal(self.rect().bottomLeft())
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            if below.y() + menu.sizeHint().height() > room.bottom():
                below.setY(self.mapToGlobal(self.rect().topLeft()).y() - menu.sizeHint().height())
        menu.popup(below)
        return menu

    def _menu_hidden(self) -> None:
        self.setDown(False)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.menu() is not None:
            event.accept()
            self.open_menu()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        alt_down = event.key() == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier
        if self.menu() is not None and ((plain and event.key() in OPEN_KEYS) or alt_down):
            event.accept()
            self.open_menu()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        # Space's release would "click" the button (and exec the menu): the press opened it.
        if event.key() == Qt.Key.Key_Space and self.menu() is not None:
            event.accept()
            return
        super().keyReleaseEvent(event)
