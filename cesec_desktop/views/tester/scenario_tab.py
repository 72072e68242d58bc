"""The Scenario tab: where the mock's world comes from; load one from the catalogue or a file,
or reset to it.

A load or a reset replaces every user, session and order of the mock: the app signs the user
out afterwards (the main window does, on `Workbench.worldReplaced`), so each asks first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.state import formatting
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.tester import ScenarioFileError, Topic, Workbench
from cesec_desktop.state.tester_tables import Column, RowsModel
from cesec_desktop.views.tester.common import TesterTab, perform, section, server_words
from cesec_desktop.views.widgets.list_table import list_table

MAX_PROBLEMS = 12
"""The most problems of a refused scenario listed at the field (the first say enough)."""


class ScenarioTab(TesterTab):
    """The scenario in force, the catalogue, a file, and Reset."""

    topic = Topic.SCENARIO

    def __init__(
        self, workbench: Workbench, tasks: TaskTracker, parent: QWidget | None = None
    ) -> None:
        super().__init__(workbench, "testerScenarioTab", parent)
        self.tasks = tasks
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        self.current = QLabel(self)
        self.current.setObjectName("testerScenarioCurrent")
        self.current.setProperty("role", "subtitle")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.current)
        self.warning = QLabel(self)
        self.warning.setProperty("role", "muted")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        layout.addWidget(self._build_catalogue(), 1)
        layout.addWidget(self._build_file())
        reset_row = QHBoxLayout()
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("testerResetButton")
        self.reset_button.clicked.connect(self.reset)
        reset_row.addWidget(self.reset_button)
        self.reset_note = QLabel(self)
        self.reset_note.setProperty("role", "note")
        self.reset_note.setWordWrap(True)
        reset_row.addWidget(self.reset_note, 1)
        layout.addLayout(reset_row)
        layout.addWidget(self.status)
        workbench.scenariosChanged.connect(self.show_catalogue)
        workbench.scenarioChanged.connect(self.show_scenario)
        self._sync()
        self.retranslate()

    # --- building ----------------------------------------------------------------------

    def _build_catalogue(self) -> QWidget:
        frame, layout, self.catalogue_title = section(self, "testerCataloguePanel")
        columns: list[Column[Any]] = [
            Column("name", lambda: self.tr("Scenario"), lambda s: s.name),
            Column("purpose", lambda: self.tr("What it is for"), lambda s: s.purpose),
        ]
        self.catalogue = RowsModel(columns, lambda s: s.name, self)
        self.catalogue_table = list_table(
            frame,
            "testerCatalogueTable",
            self.catalogue,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            min_section=80,
        )
        self.catalogue_table.setTabKeyNavigation(False)  # Tab leaves the table
        header = self.catalogue_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.catalogue_table.selectionModel().selectionChanged.connect(self._sync)
        self.catalogue_table.doubleClicked.connect(lambda _index: self.load_chosen())
        layout.addWidget(self.catalogue_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.load_button = QPushButton(frame)
        self.load_button.setObjectName("testerLoadScenarioButton")
        self.load_button.setProperty("role", "primary")
        self.load_button.clicked.connect(self.load_chosen)
        row.addWidget(self.load_button)
        layout.addLayout(row)
        return frame

    def _build_file(self) -> QWidget:
        frame, layout, self.file_title = section(self, "testerScenarioFilePanel")
        row = QHBoxLayout()
        row.setSpacing(8)
        self.path_label = QLabel(frame)
        self.path_edit = QLineEdit(frame)
        self.path_edit.setObjectName("testerScenarioPath")
        self.path_edit.setClearButtonEnabled(True)
        self.path_label.setBuddy(self.path_edit)
        self.path_edit.textEdited.connect(lambda _text: self._file_error(""))
        self.path_edit.textChanged.connect(self._sync)
        self.path_edit.returnPressed.connect(self.load_file)
        row.addWidget(self.path_label)
        row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(frame)
        self.browse_button.setObjectName("testerScenarioBrowse")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.browse_button)
        self.load_file_button = QPushButton(frame)
        self.load_file_button.setObjectName("testerLoadFileButton")
        self.load_file_button.clicked.connect(self.load_file)
        row.addWidget(self.load_file_button)
        layout.addLayout(row)
        self.file_error = QLabel(frame)
        self.file_error.setObjectName("testerScenarioFileError")
        self.file_error.setProperty("role", "error")
        self.file_error.setWordWrap(True)
        self.file_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_error.hide()
        layout.addWidget(self.file_error)
        return frame

    # --- what the mock says ------------------------------------------------------------

    def show_catalogue(self, items: list[Any]) -> None:
        chosen = self.chosen
        self.catalogue.set_items(items)
        row = self.catalogue.row_of(chosen.name) if chosen is not None else None
        if row is not None:
            self.catalogue_table.selectRow(row)
        self._sync()

    def show_scenario(self, scenario: Any) -> None:
        self.read_succeeded()
        self._show_current()
        self._sync()

    def _show_current(self) -> None:
        scenario = self.workbench.scenario
        if scenario is None:
            self.current.setText(self.tr("Reading where the world comes from…"))
        elif scenario.name is None:
            self.current.setText(self.tr("The world is the built-in seed: no scenario loaded."))
        else:
            text = self.tr("Scenario %1 is loaded (%2).").replace("%1", scenario.name)
            loaded = formatting.format_moment(scenario.loaded_at) if scenario.loaded_at else ""
            text = text.replace("%2", loaded) if loaded else text.replace(" (%2)", "")
            if scenario.purpose:
                text += " " + scenario.purpose
            self.current.setText(text)

    @property
    def chosen(self) -> Any:
        rows = self.catalogue_table.selectionModel().selectedRows()
        return self.catalogue.item(rows[0].row()) if rows else None

    def _sync(self, *_: object) -> None:
        self.load_button.setEnabled(self.chosen is not None)
        self.load_file_button.setEnabled(bool(self.path_edit.text().strip()))
        scenario = self.workbench.scenario
        self._reset_text(scenario.name if scenario is not None else None)

    # --- actions -----------------------------------------------------------------------

    def _controls(self) -> list[QWidget]:
        return [self.load_button, self.load_file_button, self.reset_button]

    def load_chosen(self) -> None:
        scenario = self.chosen
        if scenario is not None:
            self.tasks.spawn(self._load_chosen(scenario.name), name="tester-load-scenario")

    async def _load_chosen(self, name: str) -> None:
        if not await self._confirm(
            self.tr("Load the scenario %1?").replace("%1", name), self.tr("Load")
        ):
            return
        outcome = await perform(
            self.status,
            self._controls(),
            self.tr("Loading the scenario %1…").replace("%1", name),
            self.workbench.load_scenario(name),
        )
        if outcome.value is not None:
            self.status.done(self.tr("Scenario %1 loaded.").replace("%1", name))

    def browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Scenario file"))
        dialog.setObjectName("testerScenarioFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Scenarios (*.toml)"), self.tr("All files (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        current = self.path_edit.text().strip()
        if current:
            dialog.setDirectory(str(Path(current).expanduser().parent))
        dialog.fileSelected.connect(self._file_chosen)
        self.file_dialog = dialog
        dialog.open()  # never exec(): the UI loop is asyncio's

    def _file_chosen(self, path: str) -> None:
        if path:
            self.path_edit.setText(path)
            self._file_error("")

    def load_file(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._file_error(self.tr("Choose a scenario file first."))
            return
        self.tasks.spawn(self._load_file(Path(text).expanduser()), name="tester-load-file")

    async def _load_file(self, path: Path) -> None:
        self._file_error("")
        read = await perform(
            self.status,
            self._controls(),
            self.tr("Reading %1…").replace("%1", path.name),
            self.workbench.read_scenario(path),
            show_error=False,
            expected=(ScenarioFileError,),
        )
        if read.value is None:
            self._file_error(self._file_words(read.error))
            self.status.failed(self.tr("The scenario was not loaded."))
            return
        self.status.clear_text()
        if not await self._confirm(
            self.tr("Load the scenario in %1?").replace("%1", path.name), self.tr("Load")
        ):
            return
        outcome = await perform(
            self.status,
            self._controls(),
            self.tr("Loading the scenario in %1…").replace("%1", path.name),
            self.workbench.load_scenario_text(read.value),
            show_error=False,
        )
        if outcome.value is not None:
            name = outcome.value.name or path.name
            self.status.done(self.tr("Scenario %1 loaded.").replace("%1", name))
        else:
            self._file_error(self._file_words(outcome.error))
            self.status.failed(self.tr("The scenario was not loaded."))

    def _file_words(self, error: Exception | None) -> str:
        if isinstance(error, ScenarioFileError):
            texts = {
                "unreadable": self.tr("The file cannot be read: check the path."),
                "too_large": self.tr("The file is too large for a scenario (over 1 MB)."),
                "not_text": self.tr("The file is not text in UTF-8: is it a scenario?"),
            }
            return texts.get(error.reason, texts["unreadable"])
        problems = getattr(error, "details", {}).get("problems")
        if isinstance(problems, list) and problems and getattr(error, "status", None) == 422:
            # The mock names each problem's line: one a line, as an editor lists them.
            return "\n".join(str(p) for p in problems[:MAX_PROBLEMS])
        return server_words(error)

    def _file_error(self, text: str) -> None:
        self.file_error.setText(text)
        self.file_error.setVisible(bool(text))
        self.path_edit.setAccessibleDescription(text)

    def reset(self) -> None:
        self.tasks.spawn(self._reset(), name="tester-reset")

    async def _reset(self) -> None:
        if not await self._confirm(self.reset_button.text() + "?", self.tr("Reset")):
            return
        outcome = await perform(
            self.status, self._controls(), self.tr("Resetting the mock…"), self.workbench.reset()
        )
        if outcome.value is not None:
            self.status.done(self.tr("The mock was reset."))

    async def _confirm(self, question: str, action: str) -> bool:
        """Ask before the world is replaced (and the user signed out)."""
        from cesec_desktop.views.dialogs import run_dialog

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Tester"), question, parent=self)
        box.setObjectName("testerConfirm")
        box.setInformativeText(
            self.tr(
                "Every user, order and price of the mock is replaced, and you will be signed "
                "out of the app to sign in again."
            )
        )
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("testerConfirmYes")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        self.confirm_box = box
        try:
            await run_dialog(box)
            return box.clickedButton() is yes
        finally:
            self.confirm_box = None
            if isValid(box):
                box.deleteLater()

    # --- texts -------------------------------------------------------------------------

    def _reset_text(self, scenario: str | None) -> None:
        if scenario:
            self.reset_button.setText(self.tr("Reset to the scenario"))
            self.reset_note.setText(
                self.tr("Back to how %1 starts; faults off, real time.").replace("%1", scenario)
            )
        else:
            self.reset_button.setText(self.tr("Reset to the seed"))
            self.reset_note.setText(self.tr("Back to the built-in seed; faults off, real time."))

    def title(self) -> str:
        return self.tr("Scenario")

    def retranslate(self) -> None:
        self.warning.setText(
            self.tr(
                "Loading a scenario or resetting replaces the mock's whole world: the app "
                "signs you out, to sign in as one of its users."
            )
        )
        self.catalogue_title.setText(self.tr("Catalogue"))
        self.catalogue_table.setAccessibleName(self.tr("Scenario catalogue"))
        self.load_button.setText(self.tr("Load the scenario"))
        self.file_title.setText(self.tr("From a file"))
        self.path_label.setText(self.tr("File:"))
        self.path_edit.setAccessibleName(self.tr("Scenario file"))
        self.path_edit.setPlaceholderText(self.tr("A scenario's .toml file"))
        self.browse_button.setText(self.tr("Choose…"))
        self.load_file_button.setText(self.tr("Load the file"))
        self._sync()
        self._show_current()
        self.catalogue.retranslate()
