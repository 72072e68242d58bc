"""My requests: the user's support requests with their statuses, refreshed on demand."""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.state.formatting import format_moment_short
from cesec_desktop.state.support import SupportDesk
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.help.labels import SupportLabels
from cesec_desktop.views.resources import icon

if TYPE_CHECKING:
    from cesec_desktop.domain.models.support import SupportRequest

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    CREATED = 1
    SUMMARY = 2
    COMPONENT = 3
    PRIORITY = 4
    STATUS = 5


class RequestsModel(QAbstractTableModel):
    """The requests as rows; words in the UI language, raw values under UserRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[SupportRequest] = []
        self.labels = SupportLabels(self)

    def set_items(self, items: list[SupportRequest]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.SUMMARY:
            return item.details or item.summary
        if role == Qt.ItemDataRole.UserRole:
            return item.status.value if column == Column.STATUS else item.id
        return None

    def _text(self, item: SupportRequest, column: Column) -> str:
        if column == Column.NUMBER:
            return item.number
        if column == Column.CREATED:
            return format_moment_short(item.created_at)
        if column == Column.SUMMARY:
            return item.summary
        if column == Column.COMPONENT:
            return self.labels.component(item.component)
        if column == Column.PRIORITY:
            return self.labels.priority(item.priority)
        return self.labels.status(item.status)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.NUMBER: self.tr("Number"),
            Column.CREATED: self.tr("Filed"),
            Column.SUMMARY: self.tr("Summary"),
            Column.COMPONENT: self.tr("Component"),
            Column.PRIORITY: self.tr("Priority"),
            Column.STATUS: self.tr("Status"),
        }
        return titles[Column(section)]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self.items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.items) - 1, len(Column) - 1)
            )


class MyRequestsDialog(QDialog):
    """A window with the list, a Refresh button and Report a problem.

    Signals:
        reportRequested: the user wants to file a new request.
    """

    reportRequested = Signal()

    def __init__(self, desk: SupportDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = TaskTracker("my-requests", owner=self)
        self.loading = False
        self.loaded = False
        self.setObjectName("myRequestsDialog")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        header = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        header.addWidget(self.title, 1)
        self.refresh_button = QPushButton(icon("refresh"), "", self)
        self.refresh_button.setObjectName("refreshRequestsButton")
        self.refresh_button.clicked.connect(self.refresh)
        header.addWidget(self.refresh_button)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("newRequestButton")
        self.report_button.setProperty("role", "primary")
        self.report_button.clicked.connect(self.reportRequested)
        header.addWidget(self.report_button)
        layout.addLayout(header)

        self.model = RequestsModel(self)
        self.stack = QStackedWidget(self)
        self.table = QTableView(self.stack)
        self.table.setObjectName("requestsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.NUMBER, 100),
            (Column.CREATED, 130),
            (Column.COMPONENT, 150),
            (Column.PRIORITY, 100),
            (Column.STATUS, 120),
        ):
            self.table.setColumnWidth(column, width)
        self.stack.addWidget(self.table)
        self.empty_label = QLabel(self.stack)
        self.empty_label.setObjectName("requestsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "muted")
        self.stack.addWidget(self.empty_label)
        layout.addWidget(self.stack, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("requestsStatus")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        layout.addWidget(self.status_label)
        desk.requestFiled.connect(self._filed)
        self.resize(860, 440)
        self._retranslate()

    def refresh(self) -> None:
        if not self.loading:
            self.tasks.spawn(self.load(), name="load-support-requests")

    async def load(self) -> bool:
        """Read the list again; on failure the rows shown stay and a message says why."""
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.views.messages import describe

        self.loading = True
        self.refresh_button.setEnabled(False)
        self._set_status(self.tr("Loading…"), error=False)
        try:
            items = await self.desk.requests()
        except CabinetError as error:
            if isValid(self):
                self._set_status(describe(error), error=True)
            return False
        finally:
            if isValid(self):
                self.loading = False
                self.refresh_button.setEnabled(True)
        self.model.set_items(items)
        # A short list: fit the columns to the words once per load (the summary stretches).
        for column in Column:
            if column != Column.SUMMARY:
                self.table.resizeColumnToContents(column)
        self.loaded = True
        self._set_status("", error=False)
        self._show_rows()
        return True

    def _filed(self, _request: object) -> None:
        if isValid(self) and self.isVisible():
            self.refresh()

    def _show_rows(self) -> None:
        empty = self.loaded and not self.model.items
        self.stack.setCurrentWidget(self.empty_label if empty else self.table)

    def _set_status(self, text: str, *, error: bool) -> None:
        self.status_label.setProperty("role", "error" if error else "muted")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("My requests"))
        self.title.setText(self.tr("My support requests"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.report_button.setText(self.tr("Report a problem…"))
        self.empty_label.setText(
            self.tr("No requests yet. Use Report a problem… when something goes wrong.")
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        for task in self.tasks.pending:
            task.cancel()
        super().done(result)
