"""A dot and a word for the live connection: connecting, online, reconnecting or offline."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from cesec_desktop.state.connection import Connection
from cesec_desktop.views.widgets.live_region import announce

CONNECTING = "connecting"
"""Shown from sign-in until the stream first answers: not yet a lost connection."""
CONNECT_GRACE_MS = 10_000
"""How long the first connection may take before "connecting" becomes "lost"."""


class ConnectionIndicator(QWidget):
    """Shows a `Connection` state; the colour comes from the stylesheet (`state` property).

    Until the stream has been online once (or the grace time is over) a "reconnecting" or
    "offline" state is shown as "connecting": every sign-in starts that way, and an orange
    "connection lost" before the first answer would cry wolf.

    Signals:
        shownChanged(str): what is shown changed: a `Connection` value or `CONNECTING`.
    """

    shownChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionIndicator")
        self._state = Connection.OFFLINE
        self._shown = ""
        self._first_answer = False
        self._lost = False
        """Said "lost" to a screen reader: "back" is said when it returns."""
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
        self.grace = QTimer(self)
        self.grace.setSingleShot(True)
        self.grace.setInterval(CONNECT_GRACE_MS)
        self.grace.timeout.connect(self._grace_over)
        self.grace.start()
        self.set_state(Connection.OFFLINE)

    @property
    def state(self) -> Connection:
        return self._state

    @property
    def shown(self) -> str:
        """What the indicator says: a `Connection` value, or `CONNECTING` before the first
        answer."""
        return self._shown

    def set_state(self, state: Connection | str) -> None:
        self._state = Connection.of(state)
        if self._state is Connection.ONLINE:
            self._first_answer = True
            self.grace.stop()
        self._show()

    def _grace_over(self) -> None:
        self._first_answer = True
        self._show()

    def _show(self) -> None:
        shown = self._state.value if self._first_answer else CONNECTING
        for widget in (self, self.dot, self.label):
            widget.setProperty("state", shown)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.retranslate()
        if shown != self._shown:
            self._shown = shown
            self._announce(shown)
            self.shownChanged.emit(shown)

    def _announce(self, shown: str) -> None:
        """Tell a screen reader when the connection is lost and when it is back (not the
        first connection at sign-in: nothing was lost then)."""
        if not self._first_answer:
            return
        lost = shown != Connection.ONLINE.value
        if lost != self._lost:
            self._lost = lost
            announce(self, self.toolTip())

    def set_compact(self, compact: bool) -> None:
        """The dot alone when the top bar is short of room: the state stays in the tooltip
        and the accessible name (set in `retranslate` whatever is shown)."""
        self.label.setVisible(not compact)
        self.updateGeometry()

    def retranslate(self) -> None:
        texts = {
            CONNECTING: (
                self.tr("Connecting…"),
                self.tr("Connecting to live quotes and order updates."),
            ),
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
        text, tip = texts[self._state.value if self._first_answer else CONNECTING]
        self.label.setText(text)
        self.setToolTip(tip)
        # Its state in words: the dot's colour says nothing to a screen reader.
        self.setAccessibleName(text)
        self.setAccessibleDescription(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
