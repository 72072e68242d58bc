"""A table's Export button: to CSV, to Excel (XLSX), or the selected rows to the clipboard.

The file is picked in a QFileDialog opened with `open()` and awaited (never `exec()` inside
a coroutine); the rows shown (the view's model: the proxy) are written in a worker thread.
The dialog is the platform's own where it has one (Windows, macOS, a Linux desktop with a
GTK or portal theme): it speaks the system's language and knows the user's places. Where it
has none, Qt's own dialog speaks the UI language through Qt's catalogues (state/i18n.py).
The outcome is reported through `reported(text, ok)` for the page to show; when nothing
listens (a page without a notice area), in the main window's status bar instead.

Ctrl+C on the table copies its selected rows too: the menu's copy action is also the
table's (a widget-with-children shortcut, so it fires only while the table has focus).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QLocale, QMetaMethod, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QMainWindow,
    QMenu,
    QWidget,
)

from cesec_desktop.state.export import (
    RAW_ROLE,
    ExportFormat,
    RawSource,
    copy_rows,
    export_model,
)
from cesec_desktop.state.roles import CURRENCY_ROLE
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.dialogs import run_dialog
from cesec_desktop.views.widgets.menu_button import MenuButton

log = logging.getLogger(__name__)

STATUS_SECONDS = 8


class ExportButton(MenuButton):
    """Signals:
    busyChanged(bool): a file is (no longer) being written.
    reported(str, bool): what happened, in words for the user, and whether it went well.
    """

    busyChanged = Signal(bool)
    reported = Signal(str, bool)

    def __init__(
        self,
        view: QAbstractItemView,
        *,
        tasks: TaskTracker | None = None,
        file_name: Callable[[], str] = lambda: "export",
        sheet_name: Callable[[], str] | None = None,
        raw_role: RawSource = RAW_ROLE,
        currency_role: int | None = CURRENCY_ROLE,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportButton")
        self.view = view
        self.tasks = tasks if tasks is not None else TaskTracker("export")
        self.file_name = file_name
        self.sheet_name = sheet_name if sheet_name is not None else file_name
        self.raw_role = raw_role
        self.currency_role = currency_role
        # The compact look (smaller padding) for a card's header, from the theme's stylesheet.
        self.setProperty("compact", compact)
        self.directory = QDir.homePath()
        self.file_dialog: QFileDialog | None = None
        self._busy = False
        self._focus_back = False
        self._subject: Callable[[], str] | None = None
        self.menu_ = QMenu(self)
        self.csv_action = self.menu_.addAction("")
        self.csv_action.setObjectName("exportCsv")
        self.xlsx_action = self.menu_.addAction("")
        self.xlsx_action.setObjectName("exportXlsx")
        self.menu_.addSeparator()
        self.copy_action = self.menu_.addAction("")
        self.copy_action.setObjectName("copyRows")
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        view.addAction(self.copy_action)
        self.setMenu(self.menu_)
        self.csv_action.triggered.connect(lambda: self.start(ExportFormat.CSV))
        self.xlsx_action.triggered.connect(lambda: self.start(ExportFormat.XLSX))
        self.copy_action.triggered.connect(self.copy_selected)
        self.menu_.aboutToShow.connect(self._update_actions)
        # The copy action is also the table's Ctrl+C: never leave it disabled by the menu.
        self.menu_.aboutToHide.connect(lambda: self.copy_action.setEnabled(True))
        self.retranslate()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_subject(self, subject: Callable[[], str] | None) -> None:
        """What this button exports, in words ("KASE"): a screen reader says it after
        "Export", which tells apart several Export buttons in one window."""
        self._subject = subject
        self.retranslate()

    # --- actions ---------------------------------------------------------------------------

    def start(self, kind: ExportFormat) -> None:
        if not self._busy:
            self.tasks.spawn(self.export(kind), name=f"export-{kind}")

    async def export(self, kind: ExportFormat) -> None:
        """Ask where to save, then write the shown rows there."""
        path = await self.ask_path(kind)
        if path:
            await self.export_to(path, kind)

    async def ask_path(self, kind: ExportFormat) -> str:
        """The file the user picks (non-blocking dialog); "" when they cancel."""
        if kind is ExportFormat.XLSX:
            filters = self.tr("Excel workbook (*.xlsx)")
        else:
            filters = self.tr("CSV file (*.csv)")
        suggested = str(Path(self.directory) / f"{self.file_name()}.{kind.value}")
        dialog = QFileDialog(self.window(), self.tr("Export"), suggested, filters)
        dialog.setObjectName("exportFileDialog")
        # Qt's default, said out loud: the platform's dialog wherever there is one.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, False)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(kind.value)
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
        # A native dialog may ignore the default suffix: a name typed without one gets it.
        return path if Path(path).suffix else f"{path}.{kind.value}"

    async def export_to(self, path: str, kind: ExportFormat) -> bool:
        """Write the rows shown to `path`; reports the outcome."""
        model = self.view.model()
        if model is None:
            return False
        self._set_busy(True)
        try:
            count = await export_model(
                model,
                path,
                kind,
                sheet=self.sheet_name(),
                raw_role=self.raw_role,
                currency_role=self.currency_role,
            )
        except OSError as error:
            log.info("export to %s failed: %s", path, error)
            self.report(
                self.tr("The file could not be saved: %1").replace("%1", error.strerror or ""),
                False,
            )
            return False
        finally:
            self._set_busy(False)
        self.directory = str(Path(path).parent)
        text = self.tr("%n row(s) saved to %1", "", count).replace("%1", Path(path).name)
        self.report(text.replace("%n", QLocale().toString(count)), True)
        return True

    def selected_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        if selection is None:
            return []
        return sorted({index.row() for index in selection.selectedIndexes()})

    def copy_selected(self) -> int:
        model = self.view.model()
        rows = self.selected_rows()
        if model is None or not rows:
            self.report(self.tr("Select the rows to copy first."), False)
            return 0
        count = copy_rows(model, rows)
        text = self.tr("%n row(s) copied to the clipboard", "", count)
        self.report(text.replace("%n", QLocale().toString(count)), True)
        return count

    def report(self, text: str, ok: bool) -> None:
        """To the page when it listens, else to the main window's status bar."""
        self.reported.emit(text, ok)
        if self.isSignalConnected(QMetaMethod.fromSignal(self.reported)):
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    # --- looks -----------------------------------------------------------------------------

    def _update_actions(self) -> None:
        model = self.view.model()
        has_rows = model is not None and model.rowCount() > 0
        self.csv_action.setEnabled(has_rows and not self._busy)
        self.xlsx_action.setEnabled(has_rows and not self._busy)
        self.copy_action.setEnabled(bool(self.selected_rows()))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            # Disabling moves the focus on (to the next control); it comes back afterwards,
            # so a keyboard user goes on from the button they pressed (issue 18).
            self._focus_back = self.window().focusWidget() is self
        self.setEnabled(not busy)
        if not busy and self._focus_back:
            self._focus_back = False
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.retranslate()
        self.busyChanged.emit(busy)

    def retranslate(self) -> None:
        self.setText(self.tr("Exporting…") if self._busy else self.tr("Export"))
        self.setToolTip(self.tr("Save the rows shown to a file, or copy the selected rows"))
        subject = self._subject() if self._subject is not None else ""
        self.setAccessibleName(f"{self.text()}: {subject}" if subject else "")
        self.csv_action.setText(self.tr("Export to CSV…"))
        self.xlsx_action.setText(self.tr("Export to Excel (XLSX)…"))
        self.copy_action.setText(self.tr("Copy selected rows"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
