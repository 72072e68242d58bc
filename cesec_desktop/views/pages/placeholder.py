"""A page whose content a later release brings: its title and one honest line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cesec_desktop.views.pages.titles import ICONS, page_title
from cesec_desktop.views.resources import icon


class PlaceholderPage(QWidget):
    """Title, what the page is for, and that it is not here yet; no made-up numbers."""

    key = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.key}Page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(8)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        layout.addWidget(self.title)
        layout.addStretch(1)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(icon(ICONS[self.key], color="#9aa4b2").pixmap(QSize(56, 56)))
        layout.addWidget(self.picture)
        self.purpose = QLabel(self)
        self.purpose.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.purpose.setWordWrap(True)
        self.purpose.setProperty("role", "emptyTitle")
        layout.addWidget(self.purpose)
        self.note = QLabel(self)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        layout.addWidget(self.note)
        layout.addStretch(2)
        self.retranslate()

    def purpose_text(self) -> str:
        return ""

    def retranslate(self) -> None:
        self.title.setText(page_title(self.key))
        self.purpose.setText(self.purpose_text())
        self.note.setText(self.tr("This section is not available in this version yet."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
