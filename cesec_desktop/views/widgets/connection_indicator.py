"""A dot and a word for the live connection: online, reconnecting or offline."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from cesec_desktop.state.connection import Connection


class ConnectionIndicator(QWidget):
    """Shows a `Connection` state; the colour comes from the stylesheet (`state` property)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionIndicator")
        self._state = Connection.OFFLINE
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        self.dot = QLabel(self)
        self.dot.setObjectName("connectionDot")
        self.dot.setFixedSize(10, 10)
        self.label = QLabel(self)
        self.label.setObjectName("connectionLabel")
        layout.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_state(Connection.OFFLINE)

    @property
    def state(self) -> Connection:
        return self._state

    def set_state(self, state: Connection | str) -> None:
        self._state = Connection.of(state)
        for widget in (self, self.dot, self.label):
            widget.setProperty("state", self._state.value)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            Connection.ONLINE: (
                self.tr("Online"),
                self.tr("Live quotes and order updates are arriving."),
            ),
            Connection.RECONNECTING: (
                self.tr("Reconnecting…"),
                self.tr("The connection was lost. Reconnecting; data on screen may be stale."),
            ),
            Connection.OFFLINE: (
                self.tr("Offline"),
                self.tr("No live connection: quotes and order statuses are not updated."),
            ),
        }
        text, tip = texts[self._state]
        self.label.setText(text)
        self.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
