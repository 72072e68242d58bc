"""The card a list page shows instead of its table: loading, empty, no match, error."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cesec_desktop.views.resources import icon
from cesec_desktop.views.zoom_sizes import icon_pixmap

ICON_COLOR = "#9aa4b2"


class StatePanel(NamedTuple):
    frame: QFrame
    layout: QVBoxLayout
    title: QLabel
    text: QLabel


def state_panel(parent: QWidget, name: str, icon_name: str) -> StatePanel:
    """A centred card with the page's icon, a title and a line of text."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(32, 32, 32, 32)
    layout.setSpacing(10)
    layout.addStretch(1)
    picture = QLabel(frame)
    picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
    icon_pixmap(picture, icon(icon_name, color=ICON_COLOR), 48)  # grows with the text size
    layout.addWidget(picture)
    title = QLabel(frame)
    title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    title.setWordWrap(True)
    title.setProperty("role", "emptyTitle")
    layout.addWidget(title)
    text = QLabel(frame)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setWordWrap(True)
    text.setProperty("role", "muted")
    layout.addWidget(text)
    return StatePanel(frame, layout, title, text)


def add_centered_button(layout: QVBoxLayout, button: QPushButton) -> None:
    """The panel's one action, centred under its text."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    row.addStretch(1)
    layout.addSpacing(6)
    layout.addLayout(row)
    layout.addStretch(2)
