"""The ten backup codes, shown once right after the authenticator is set up.

The server keeps only their hashes, so this is the one moment the user can take them: copy,
save to a file only they can read, and an "I have saved these codes" box before Done.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.private_files import private_opener
from cesec_desktop.state import zoom
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.dialogs import run_dialog
from cesec_desktop.views.widgets.live_region import announce

log = logging.getLogger(__name__)

FILE_NAME = "cesec-backup-codes.txt"


class BackupCodesDialog(QDialog):
    """Shows `codes` in two columns; Done only once the user says they saved them."""

    def __init__(self, codes: list[str], login: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = list(codes)
        self.login = login
        self.tasks = TaskTracker("backup-codes", owner=self)
        self.file_dialog: QFileDialog | None = None
        self.saved_to: Path | None = None
        self.setObjectName("backupCodesDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = QLabel(self)
        self.title.setObjectName("backupCodesTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.intro = QLabel(self)
        self.intro.setObjectName("backupCodesIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        box = QFrame(self)
        box.setObjectName("backupCodesBox")
        box.setProperty("role", "panel")
        grid = QGridLayout(box)
        grid.setContentsMargins(20, 14, 20, 14)
        grid.setHorizontalSpacing(40)
        grid.setVerticalSpacing(6)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), QFont().pointSizeF()) * 1.15)
        half = (len(self.codes) + 1) // 2
        self.code_labels: list[QLabel] = []
        for n, code in enumerate(self.codes):
            # Down the first column, then the second: read in order, as they are numbered.
            label = QLabel(f"{n + 1:>2}. {code}", box)
            label.setObjectName(f"backupCode{n + 1}")
            label.setFont(mono)
            label.setProperty("role", "mono")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, n % half, n // half)
            self.code_labels.append(label)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)

        row = QHBoxLayout()
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("backupCodesCopy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("backupCodesSave")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel(self)
        self.status.setObjectName("backupCodesStatus")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.saved_box = QCheckBox(self)
        self.saved_box.setObjectName("backupCodesSaved")
        self.saved_box.toggled.connect(self._saved_toggled)
        layout.addWidget(self.saved_box)
        layout.addStretch(1)  # spare height below, not between the paragraphs
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("backupCodesDone")
        self.done_button.setProperty("role", "primary")
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self._status_key = ""
        self._status_arg = ""
        self._retranslate()
        self.setMinimumWidth(zoom.px(480))
        self.copy_button.setFocus()

    # --- state -----------------------------------------------------------------------------

    @property
    def confirmed(self) -> bool:
        return self.saved_box.isChecked()

    def text(self) -> str:
        """The codes as copied and saved: one a line, with what they are for."""
        head = self.tr("Backup codes for two-step sign-in, Centras Securities")
        if self.login:
            head += f" ({self.login})"
        note = self.tr("Each code works once.")
        return "\n".join([head, note, "", *self.codes, ""])

    # --- actions ---------------------------------------------------------------------------

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self._set_status("copied")

    def save(self) -> None:
        if self.file_dialog is None:
            self.tasks.spawn(self.save_to_file(), name="save-backup-codes")

    async def save_to_file(self) -> bool:
        path = await self.ask_path()
        return bool(path) and self.write(Path(path))

    async def ask_path(self) -> str:
        """The file the user picks (a non-blocking dialog); "" when cancelled."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        # Documents where there is such a folder (a bare Linux account may have none).
        folder = documents if documents and Path(documents).is_dir() else str(Path.home())
        suggested = str(Path(folder) / FILE_NAME)
        dialog = QFileDialog(
            self, self.tr("Save backup codes"), suggested, self.tr("Text file (*.txt)")
        )
        dialog.setObjectName("backupCodesFileDialog")
        # As the exports do: the platform's own dialog wherever there is one.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, False)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("txt")
        dialog.selectFile(suggested)
        self.file_dialog = dialog
        try:
            accepted = await run_dialog(dialog)
            files = dialog.selectedFiles() if accepted else []
        finally:
            self.file_dialog = None
            dialog.deleteLater()
        if not files:
            return ""
        path = files[0]
        return path if Path(path).suffix else f"{path}.txt"

    def write(self, path: Path) -> bool:
        """Write the codes to `path`, readable by its owner only; the outcome is shown."""
        try:
            # Small and local: written at once; the owner-only mode is set as it is created.
            with open(path, "w", encoding="utf-8", opener=private_opener) as file:
                file.write(self.text())
        except OSError as error:
            # The path may name the user's folders, never the codes: those stay out of logs.
            log.info("backup codes not saved: %s", error.strerror)
            self._set_status("failed", error.strerror or "")
            return False
        self.saved_to = path
        self._set_status("saved", path.name)
        return True

    # --- presentation ----------------------------------------------------------------------

    def _set_status(self, key: str, arg: str = "") -> None:
        self._status_key, self._status_arg = key, arg
        self._render_status()
        announce(self, self.status.text())

    def _render_status(self) -> None:
        texts = {
            "copied": self.tr("The codes are on the clipboard."),
            "saved": self.tr("The codes were saved to %1."),
            "failed": self.tr("The file could not be saved: %1"),
        }
        text = texts.get(self._status_key, "").replace("%1", self._status_arg)
        self.status.setText(text)
        self.status.setProperty("role", "error" if self._status_key == "failed" else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setVisible(bool(text))

    def _saved_toggled(self, checked: bool) -> None:
        self.done_button.setEnabled(checked)
        if checked:
            self.done_button.setDefault(True)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backup codes"))
        self.title.setText(self.tr("Save your backup codes"))
        self.intro.setText(
            self.tr(
                "Each code signs you in once when your phone is not at hand. They are shown "
                "only now: copy them or save them to a file, and keep them somewhere safe."
            )
        )
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the codes to the clipboard"))
        self.save_button.setText(self.tr("Save to file…"))
        self.saved_box.setText(self.tr("I have saved these codes"))
        self.done_button.setText(self.tr("Done"))
        self._render_status()

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _hold(self) -> None:
        self.saved_box.setFocus()
        announce(self, self.tr("Tick “I have saved these codes” first: they are not shown again."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shown once: neither Enter nor Escape may skip past them before the box is ticked.
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        if event.key() in keys and not self.confirmed:
            self._hold()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button, likewise (the app closing or logging out is not asked).
        if event.spontaneous() and not self.confirmed:
            event.ignore()
            self._hold()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        for task in self.tasks.pending:
            task.cancel()
        super().done(result)
