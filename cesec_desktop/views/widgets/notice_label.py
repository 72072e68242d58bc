"""A page's passing notice: one line in the tone of what happened, gone after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from cesec_desktop.state.vocabulary import tone_color

NOTICE_SECONDS = 8


class NoticeLabel(QLabel):
    """Hidden until `show_notice`; hides itself `NOTICE_SECONDS` later."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_notice(self, text: str, tone: str = "info") -> None:
        color = tone_color(tone)
        fill = QColor(color)
        fill.setAlphaF(0.10)
        background = fill.name(QColor.NameFormat.HexArgb)
        self.setStyleSheet(
            f"QLabel#{self.objectName()} {{ color: {color.name()}; background: {background};"
            f" border: 1px solid {color.name()}; border-radius: 6px; padding: 8px 12px; }}"
        )
        self.setProperty("tone", tone)
        self.setText(text)
        self.show()
        self._timer.start(NOTICE_SECONDS * 1000)
