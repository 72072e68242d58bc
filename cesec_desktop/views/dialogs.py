"""Dialogs under qasync: opened with `open()` and awaited through their `finished` signal.

`QDialog.exec()` and the static QMessageBox helpers start a nested event loop, which breaks
asyncio ("Cannot enter into task"); these helpers never do.

Every dialog and side window gives the keyboard focus back to where it was when it closes
(`return_focus`): a keyboard user goes on from the control that opened it.
"""

from __future__ import annotations

import asyncio
import contextlib

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

_FOCUS_RETURN = "focusReturn"


class _FocusReturn(QObject):
    """Remembers the focus widget outside `window` when it is shown; gives the focus back
    when it closes (a dialog's `finished`, a window's close), unless another window took
    the keyboard meanwhile (the lock dialog, a second dialog)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(_FOCUS_RETURN)
        self.window = window
        self.before: QWidget | None = None
        self._remember()
        window.installEventFilter(self)
        if isinstance(window, QDialog):
            window.finished.connect(self.give_back)

    def _remember(self) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and widget.window() is not self.window:
            self.before = widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Show and not event.spontaneous():
                self._remember()
            elif kind == QEvent.Type.Close and not isinstance(self.window, QDialog):
                self.give_back()
        return super().eventFilter(watched, event)

    def give_back(self, *_: object) -> None:
        widget = self.before
        if widget is None or not isValid(widget) or not widget.isVisible():
            return
        target = widget.window()
        active = QApplication.activeWindow()
        # Only where this window had the keyboard (or nobody has it now).
        if active not in (None, self.window, target) and active.isVisible():
            return
        widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        target.activateWindow()


def return_focus(window: QWidget) -> None:
    """Give the focus back to the widget that had it before `window` showed, once it closes.

    Call it before showing the window (or opening the dialog); once per window is enough.
    """
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    if window.findChild(QObject, _FOCUS_RETURN, direct) is None:
        _FocusReturn(window)


async def run_dialog(dialog: QDialog) -> int:
    """Open `dialog` (window-modal unless set otherwise) and wait until it finishes."""
    loop = asyncio.get_running_loop()
    result: asyncio.Future[int] = loop.create_future()

    def finished(code: int) -> None:
        if not result.done():
            result.set_result(code)

    dialog.finished.connect(finished)
    return_focus(dialog)
    dialog.open()
    try:
        return await result
    except asyncio.CancelledError:
        if isValid(dialog):
            dialog.reject()
        raise
    finally:
        if isValid(dialog):
            with contextlib.suppress(RuntimeError, TypeError):
                dialog.finished.disconnect(finished)


async def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    details: str = "",
) -> int:
    """A message box, awaited without a nested loop."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return await run_dialog(box)


def grow_to_fit(dialog: QWidget) -> None:
    """Grow `dialog` to show every line of a longer message (wrapped labels do not ask)."""
    layout = dialog.layout()
    if layout is None or not isValid(dialog):
        return
    needed = layout.totalHeightForWidth(dialog.width())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)
