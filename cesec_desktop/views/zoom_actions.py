"""Larger text, smaller text, actual size: the zoom actions of a window and their menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from cesec_desktop.state import zoom
from cesec_desktop.state.zoom import ZoomManager
from cesec_desktop.views.resources import icon
from cesec_desktop.views.zoom_sizes import follow_zoom

ZOOM_IN_KEYS = ("Ctrl++", "Ctrl+=")
"""Ctrl+= too: on most layouts "+" is Shift+"=", and every desktop app takes both."""
ZOOM_OUT_KEYS = ("Ctrl+-",)
ZOOM_RESET_KEYS = ("Ctrl+0",)


class ZoomActions(QObject):
    """The three zoom actions, with their shortcuts live on `host` (a top-level window).

    Their texts follow the UI language (the host's LanguageChange); `menu()` makes a
    "Text size" menu of them whose title shows the current level.
    """

    def __init__(self, host: QWidget, manager: ZoomManager | None = None) -> None:
        super().__init__(host)
        self.host = host
        self.manager = manager if manager is not None else zoom.current()
        self.zoom_in = self._action("zoomInAction", ZOOM_IN_KEYS, self.manager.zoom_in)
        self.zoom_out = self._action("zoomOutAction", ZOOM_OUT_KEYS, self.manager.zoom_out)
        self.reset = self._action("zoomResetAction", ZOOM_RESET_KEYS, self.manager.reset)
        self.menus: list[QMenu] = []
        follow_zoom()  # the sizes and fonts views set in code follow the level too
        self.manager.changed.connect(self._sync)
        host.installEventFilter(self)
        self.retranslate()

    def _action(self, name: str, keys: tuple[str, ...], slot: object) -> QAction:
        action = QAction(self.host)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.host.addAction(action)
        return action

    @property
    def actions(self) -> tuple[QAction, QAction, QAction]:
        return (self.zoom_in, self.zoom_out, self.reset)

    def menu(self, parent: QMenu) -> QMenu:
        """A "Text size" submenu of `parent` holding the three actions."""
        menu = parent.addMenu(icon("text-size"), "")
        menu.setObjectName("zoomMenu")
        menu.addActions(list(self.actions))
        self.menus.append(menu)
        self.retranslate()
        return menu

    def retranslate(self) -> None:
        self.zoom_in.setText(self.tr("Larger text"))
        self.zoom_out.setText(self.tr("Smaller text"))
        self.reset.setText(self.tr("Actual size (100%)"))
        self._sync()

    def _sync(self, *_: object) -> None:
        self.zoom_in.setEnabled(self.manager.can_zoom_in())
        self.zoom_out.setEnabled(self.manager.can_zoom_out())
        self.reset.setEnabled(self.manager.level != zoom.DEFAULT_LEVEL)
        level = str(self.manager.level)
        for menu in self.menus:
            menu.setTitle(self.tr("Text size: %1%").replace("%1", level))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
