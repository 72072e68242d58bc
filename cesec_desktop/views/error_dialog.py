"""Shows an unexpected error to the user (the excepthook's visible half)."""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cesec_desktop.logging_setup import redact
from cesec_desktop.views.dialogs import return_focus

_open_boxes: list[QMessageBox] = []
MAX_OPEN = 3
"""A failing timer must not bury the screen in boxes."""


def show_error(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_file: Path | None = None,
) -> QMessageBox | None:
    """A non-blocking message box with the error and where the log is; None if none is shown."""
    if QApplication.instance() is None or len(_open_boxes) >= MAX_OPEN:
        return None
    parent = QApplication.activeWindow()
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "ErrorDialog",
            "Something went wrong. The app may keep working, but if the "
            "problem returns, restart it and tell support.",
        )
    )
    info = redact(f"{exc_type.__name__}: {exc}")
    if log_file is not None:
        info += "\n\n" + QCoreApplication.translate(
            "ErrorDialog", "Details are in the log: %1"
        ).replace("%1", str(log_file))
    box.setInformativeText(info)
    box.setDetailedText(redact("".join(traceback.format_exception(exc_type, exc, tb))))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    return_focus(box)  # Esc or Close: back to what the user was doing
    _open_boxes.append(box)
    box.finished.connect(lambda _code: _open_boxes.remove(box) if box in _open_boxes else None)
    box.show()
    return box
