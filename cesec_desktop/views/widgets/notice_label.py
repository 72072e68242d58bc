"""A page's passing notice: one line in the tone of what happened, gone after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from cesec_desktop.views.style import restyle

NOTICE_SECONDS = 8


class NoticeLabel(QLabel):
    """Hidden until `show_notice`; hides itself `NOTICE_SECONDS` later.

    Its look is the theme's `QLabel[role="notice"][tone=…]`.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "notice")
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_notice(self, text: str, tone: str = "info") -> None:
        restyle(self, tone=tone)
        self.setText(text)
        self.show()
        self._timer.start(NOTICE_SECONDS * 1000)
