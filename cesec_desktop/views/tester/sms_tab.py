"""The SMS tab: the codes the mock "sent", newest first, each with a Copy button.

The same codes pop up beside the SMS window as the demo's phone notice
(`views/widgets/demo_sms_notice.py`); this is the list to go back to, for every phone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.demo_sms import DemoSms
from cesec_desktop.state.tester import Topic, Workbench
from cesec_desktop.state.tester_tables import sent_time, sms_model
from cesec_desktop.views.tester.common import TesterTab
from cesec_desktop.views.widgets.list_table import list_table

ROW_PADDING = 16


class SmsTab(TesterTab):
    """The outbox as a table; Copy (the row's button, Ctrl+C or a double click) puts a code
    on the clipboard."""

    topic = Topic.SMS

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(workbench, "testerSmsTab", parent)
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        self.intro = QLabel(self)
        self.intro.setProperty("role", "muted")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.model = sms_model(self)
        self.stack = QStackedWidget(self)
        self.table = list_table(
            self.stack,
            "testerSmsTable",
            self.model,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            min_section=60,
        )
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + ROW_PADDING
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The button right after its code; the room left over stays at the row's end.
        header.setSectionResizeMode(self.model.column_of("copy"), QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.doubleClicked.connect(lambda index: self.copy_row(index.row()))
        self.copy_action = QAction(self.table)
        self.copy_action.setObjectName("testerCopyCodeAction")
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selected)
        self.table.addAction(self.copy_action)
        self.stack.addWidget(self.table)
        self.empty = QLabel(self.stack)
        self.empty.setObjectName("testerSmsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        self.stack.addWidget(self.empty)
        self.stack.setCurrentWidget(self.empty)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self.copy_buttons: list[QPushButton] = []
        workbench.smsChanged.connect(self.show_sms)
        self.retranslate()

    # --- rows --------------------------------------------------------------------------

    def show_sms(self, items: list[DemoSms]) -> None:
        selected = self._selected_id()
        self.model.set_items(items)
        self._make_copy_buttons()
        row = self.model.row_of(selected) if selected else None
        if row is not None:
            self.table.selectRow(row)
        self.loaded = True
        self.stack.setCurrentWidget(self.table if items else self.empty)
        self._empty_text()
        self.read_succeeded()

    def _make_copy_buttons(self) -> None:
        column = self.model.column_of("copy")
        self.copy_buttons = []
        for row, sms in enumerate(self.model.items):
            button = QPushButton(self.tr("Copy"), self.table)
            button.setObjectName(f"testerCopy_{row}")
            button.setProperty("role", "link")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(self._copy_name(sms))
            button.clicked.connect(lambda _=False, r=row: self.copy_row(r))
            self.table.setIndexWidget(self.model.index(row, column), button)
            self.copy_buttons.append(button)
        self._size_copy_column()

    def _size_copy_column(self) -> None:
        width = self.table.fontMetrics().horizontalAdvance(self.tr("Copy")) + 40
        self.table.setColumnWidth(self.model.column_of("copy"), width)

    def _copy_name(self, sms: DemoSms) -> str:
        return self.tr("Copy the code sent at %1").replace("%1", sent_time(sms.sent_at))

    def _selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        sms = self.model.item(rows[0].row())
        return sms.challenge_id if sms is not None else None

    def copy_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.copy_row(rows[0].row())

    def copy_row(self, row: int) -> None:
        sms = self.model.item(row)
        if sms is None:
            return
        QGuiApplication.clipboard().setText(sms.code)
        self.table.selectRow(row)
        # The code itself is on screen already; the line says which one went.
        self.status.done(
            self.tr("Copied the code sent to %1 at %2.")
            .replace("%1", sms.phone_masked)
            .replace("%2", sent_time(sms.sent_at))
        )

    # --- texts -------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("SMS")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The one-time codes the mock sent, newest first. Copy one with its button, "
                "a double click or Ctrl+C."
            )
        )
        self._empty_text()
        self.table.setAccessibleName(self.tr("SMS codes sent"))
        self.copy_action.setText(self.tr("Copy the code"))
        for button, sms in zip(self.copy_buttons, self.model.items, strict=False):
            button.setText(self.tr("Copy"))
            button.setAccessibleName(self._copy_name(sms))
        self._size_copy_column()
        self.model.retranslate()

    def _empty_text(self) -> None:
        if not self.loaded:
            self.empty.setText(self.tr("Reading the outbox…"))
        else:
            self.empty.setText(
                self.tr("No codes sent yet. Sign something by SMS and its code shows here.")
            )
