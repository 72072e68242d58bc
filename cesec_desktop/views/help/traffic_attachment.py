"""The problem report's traffic attachment: a box to tick, how many minutes, what it holds,
and a preview of the exact file the desk gets (`TrafficViewer`)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.formatting import format_time
from cesec_desktop.state.support import DEFAULT_TRAFFIC_MINUTES, TRAFFIC_MINUTES, TrafficExcerpt

INDENT = 26
"""Where a check box's text starts: the rows under it line up with the text."""


def _monospace(view: QPlainTextEdit) -> None:
    font = view.font()
    font.setFamily("monospace")
    font.setStyleHint(font.StyleHint.Monospace)
    view.setFont(font)


class TrafficViewer(QDialog):
    """The traffic excerpt: one line per call or stream connection, and the HAR file itself
    exactly as it will be sent, read-only."""

    def __init__(self, excerpt: TrafficExcerpt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.excerpt = excerpt
        self.setObjectName("trafficViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        layout.addWidget(self.note)
        self.tabs = QTabWidget(self)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("trafficSummary")
        self.har = QPlainTextEdit(self)
        self.har.setObjectName("trafficHar")
        for view in (self.summary, self.har):
            view.setReadOnly(True)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            _monospace(view)
        self.har.setPlainText(excerpt.pretty)
        self.tabs.addTab(self.summary, "")
        self.tabs.addTab(self.har, "")
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self._retranslate()

    def summary_lines(self) -> list[str]:
        lines = []
        for line in self.excerpt.lines:
            moment = format_time(datetime.fromisoformat(line.started))
            if line.method == "WS":
                what = self.tr("%1 sent, %2 received")
                what = what.replace("%1", str(line.sent)).replace("%2", str(line.received))
            elif line.error:
                what = self.tr("no answer (%1)").replace("%1", line.error)
            else:
                what = self.tr("%1 ms").replace("%1", f"{line.time_ms:.0f}")
            status = str(line.status) if line.status else "-"
            lines.append(f"{moment}  {line.method:<6} {status:>3}  {line.url}  {what}")
        return lines

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Network traffic"))
        self.note.setText(
            self.tr(
                "Every call to the server and every stream message of the period, as the "
                "support desk will get them. Passwords, tokens, one-time codes and signatures "
                "are replaced by *** before anything is sent."
            )
        )
        self.tabs.setTabText(0, self.tr("Summary"))
        self.tabs.setTabText(1, self.tr("HAR file"))
        lines = self.summary_lines()
        self.summary.setPlainText("\n".join(lines) if lines else self.tr("No traffic."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class TrafficAttachment(QWidget):
    """The traffic rows of the attachments box.

    Signals:
        minutesChanged(int): the user chose another period; load that excerpt.
        toggled(bool): the box was ticked or unticked.
    """

    minutesChanged = Signal(int)
    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.excerpt: TrafficExcerpt | None = None
        self.viewer: TrafficViewer | None = None
        self.available = True
        self.busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.check = QCheckBox(self)
        self.check.setObjectName("trafficCheck")
        self.check.setChecked(True)
        self.check.toggled.connect(self.toggled)
        layout.addWidget(self.check)
        row = QHBoxLayout()
        row.setContentsMargins(INDENT, 0, 0, 0)
        self.minutes_caption = QLabel(self)
        row.addWidget(self.minutes_caption)
        self.minutes_combo = QComboBox(self)
        self.minutes_combo.setObjectName("trafficMinutes")
        for minutes in TRAFFIC_MINUTES:
            self.minutes_combo.addItem("", minutes)
        self.minutes_combo.setCurrentIndex(TRAFFIC_MINUTES.index(DEFAULT_TRAFFIC_MINUTES))
        self.minutes_caption.setBuddy(self.minutes_combo)
        self.minutes_combo.currentIndexChanged.connect(
            lambda _: self.minutesChanged.emit(self.minutes)
        )
        row.addWidget(self.minutes_combo)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showTrafficButton")
        self.show_button.clicked.connect(self.show_traffic)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.info = QLabel(self)
        self.info.setObjectName("trafficInfo")
        self.info.setProperty("role", "muted")
        self.info.setWordWrap(True)
        self.info.setContentsMargins(INDENT, 0, 0, 0)
        layout.addWidget(self.info)
        self._retranslate()

    @property
    def minutes(self) -> int:
        return int(self.minutes_combo.currentData())

    @property
    def ready(self) -> bool:
        """The excerpt for the chosen period is loaded (or there is no traffic to attach)."""
        return not self.available or (
            self.excerpt is not None and self.excerpt.minutes == self.minutes
        )

    @property
    def data(self) -> bytes | None:
        """The file to attach: None when unticked, not loaded, or empty."""
        excerpt = self.excerpt
        if not self.check.isChecked() or excerpt is None or excerpt.empty:
            return None
        return excerpt.data

    def set_available(self, available: bool) -> None:
        """A session without a recorder has nothing to attach."""
        self.available = available
        if not available:
            self.check.setChecked(False)
        self._update()

    def set_excerpt(self, excerpt: TrafficExcerpt | None) -> None:
        """The loaded excerpt; None while one is being read."""
        self.excerpt = excerpt
        self._update()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update()

    def show_traffic(self) -> TrafficViewer | None:
        if self.excerpt is None:
            return None
        viewer = TrafficViewer(self.excerpt, self.window())
        self.viewer = viewer
        viewer.open()
        return viewer

    def _update(self) -> None:
        busy = self.busy
        excerpt = self.excerpt
        has_data = excerpt is not None and not excerpt.empty
        self.check.setEnabled(self.available and has_data and not busy)
        self.minutes_combo.setEnabled(self.available and not busy)
        self.show_button.setEnabled(has_data)
        if not self.available:
            self.info.setText(self.tr("No traffic is recorded in this session."))
        elif excerpt is None or not self.ready:
            self.info.setText(self.tr("Reading the traffic…"))
        elif excerpt.empty:
            self.info.setText(self.tr("No traffic in this period."))
        else:
            calls = self.tr("%n call(s)", "", excerpt.calls)
            messages = self.tr("%n stream message(s)", "", excerpt.messages)
            text = self.tr("%1 and %2; passwords, tokens and codes removed.")
            text = text.replace("%1", calls).replace("%2", messages)
            if excerpt.trimmed:
                text += " " + self.tr("The oldest entries are left out to fit the size limit.")
            self.info.setText(text)

    def _retranslate(self) -> None:
        self.check.setText(self.tr("The app's network traffic (a HAR file)"))
        self.minutes_caption.setText(self.tr("Last:"))
        for index in range(self.minutes_combo.count()):
            minutes = int(self.minutes_combo.itemData(index))
            self.minutes_combo.setItemText(index, self.tr("%n minute(s)", "", minutes))
        self.show_button.setText(self.tr("Show the traffic"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
