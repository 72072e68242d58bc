"""Dialogs under qasync: opened with `open()` and awaited through their `finished` signal.

`QDialog.exec()` and the static QMessageBox helpers start a nested event loop, which breaks
asyncio ("Cannot enter into task"); these helpers never do.
"""

from __future__ import annotations

import asyncio
import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from shiboken6 import isValid


async def run_dialog(dialog: QDialog) -> int:
    """Open `dialog` (window-modal unless set otherwise) and wait until it finishes."""
    loop = asyncio.get_running_loop()
    result: asyncio.Future[int] = loop.create_future()

    def finished(code: int) -> None:
        if not result.done():
            result.set_result(code)

    dialog.finished.connect(finished)
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
