"""The Traffic tab: record what the app says to the server and hears back in a HAR file.

The recorder is the session's (`Session.traffic`, a `state.traffic.TrafficRecorder`): the
app's own calls and stream frames, redacted; the Tester panel's controls are not in it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.tester import Workbench
from cesec_desktop.views.tester.common import TesterTab, section

DEFAULT_NAME = "cesec-traffic.har"


def default_path() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder or Path.home()) / DEFAULT_NAME)


class TrafficTab(TesterTab):
    """A file and a Record toggle that follows the recorder (whoever started it)."""

    def __init__(
        self, workbench: Workbench, recorder: Any | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(workbench, "testerTrafficTab", parent)
        self.recorder = recorder
        self.file_dialog: QFileDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        self.intro = QLabel(self)
        self.intro.setProperty("role", "muted")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        frame, panel, self.panel_title = section(self, "testerTrafficPanel")
        row = QHBoxLayout()
        row.setSpacing(8)
        self.path_label = QLabel(frame)
        self.path_edit = QLineEdit(frame)
        self.path_edit.setObjectName("testerTrafficPath")
        self.path_edit.setText(default_path())
        self.path_edit.textEdited.connect(lambda _text: self._path_error(""))
        self.path_label.setBuddy(self.path_edit)
        row.addWidget(self.path_label)
        row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(frame)
        self.browse_button.setObjectName("testerTrafficBrowse")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.browse_button)
        panel.addLayout(row)
        self.path_error_label = QLabel(frame)
        self.path_error_label.setObjectName("testerTrafficError")
        self.path_error_label.setProperty("role", "error")
        self.path_error_label.setWordWrap(True)
        self.path_error_label.hide()
        panel.addWidget(self.path_error_label)
        toggle_row = QHBoxLayout()
        self.record_button = QPushButton(frame)
        self.record_button.setObjectName("testerRecordButton")
        self.record_button.setCheckable(True)
        self.record_button.setProperty("role", "primary")
        self.record_button.clicked.connect(self.set_recording)
        toggle_row.addWidget(self.record_button)
        self.state_label = QLabel(frame)
        self.state_label.setObjectName("testerTrafficState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        toggle_row.addWidget(self.state_label, 1)
        panel.addLayout(toggle_row)
        layout.addWidget(frame)
        layout.addStretch(1)
        layout.addWidget(self.status)
        if recorder is not None:
            recorder.recordingChanged.connect(self._recording_changed)
        else:
            for widget in (self.path_edit, self.browse_button, self.record_button):
                widget.setEnabled(False)
        self.retranslate()

    @property
    def recording(self) -> bool:
        return bool(self.recorder is not None and self.recorder.is_recording)

    def set_recording(self, on: bool) -> None:
        """The toggle: start writing to the file in the field, or stop."""
        if self.recorder is None:
            return
        if not on:
            self.recorder.stop()
            return
        text = self.path_edit.text().strip()
        if not text:
            self._path_error(self.tr("Choose a file to record to."))
            self._sync()
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != ".har":
            path = path.with_name(path.name + ".har")
            self.path_edit.setText(str(path))
        try:
            self.recorder.start(path)
        except OSError as error:
            # The reason in words; the path is the tester's own and already on screen.
            self._path_error(
                self.tr("The file cannot be written: %1").replace(
                    "%1", error.strerror or str(error) or type(error).__name__
                )
            )
        self._sync()

    def browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Record traffic to"))
        dialog.setObjectName("testerTrafficFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("har")
        dialog.setNameFilters([self.tr("HAR files (*.har)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        current = Path(self.path_edit.text().strip() or default_path()).expanduser()
        dialog.setDirectory(str(current.parent))
        dialog.selectFile(current.name)
        dialog.fileSelected.connect(self._file_chosen)
        self.file_dialog = dialog
        dialog.open()

    def _file_chosen(self, path: str) -> None:
        if path:
            self.path_edit.setText(path)
            self._path_error("")

    def _recording_changed(self, on: bool) -> None:
        self._sync()
        if on and self.recorder is not None:
            self.status.done(self.tr("Recording to %1.").replace("%1", str(self.recorder.path)))
        elif not on:
            self.status.done(self.tr("Recording stopped; the file is complete."))

    def _path_error(self, text: str) -> None:
        self.path_error_label.setText(text)
        self.path_error_label.setVisible(bool(text))
        self.path_edit.setAccessibleDescription(text)

    def _sync(self) -> None:
        on = self.recording
        self.record_button.setChecked(on)
        self.record_button.setText(self.tr("Stop recording") if on else self.tr("Record traffic"))
        self.path_edit.setReadOnly(on)
        self.browse_button.setEnabled(not on and self.recorder is not None)
        if self.recorder is None:
            self.state_label.setText(self.tr("This build of the app cannot record traffic."))
        elif on:
            self.state_label.setText(
                self.tr("Recording to %1").replace("%1", str(self.recorder.path))
            )
        else:
            self.state_label.setText(self.tr("Not recording."))

    def title(self) -> str:
        return self.tr("Traffic")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Every call and stream message of this app, as a HAR file that browsers' "
                "developer tools open. Passwords, tokens and codes are masked."
            )
        )
        self.panel_title.setText(self.tr("Record traffic"))
        self.path_label.setText(self.tr("File:"))
        self.path_edit.setAccessibleName(self.tr("HAR file to record to"))
        self.browse_button.setText(self.tr("Choose…"))
        self.record_button.setAccessibleName(self.tr("Record traffic"))
        self._sync()
