"""Profile → Sessions and devices: where the user is signed in, which computers skip the
second step, and the means to end or forget any of them."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.state import zoom
from cesec_desktop.state.accessible_cells import label_cells
from cesec_desktop.state.formatting import (
    DASH,
    format_day,
    format_moment_short,
    in_display_zone,
    notifier,
    zone_label,
)
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.dialogs import return_focus, run_dialog
from cesec_desktop.views.widgets.list_table import list_table
from cesec_desktop.views.widgets.live_region import announce

if TYPE_CHECKING:
    from cesec_desktop.domain.models.auth import DeviceInfo, SessionInfo
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""A row's session or device id."""
CURRENT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""True on the row of this computer's own session or remembered token."""
_TASKS = TaskTracker("sessions")
"""A log-out asked from a dialog with no main window to take it over."""


class SessionsDialog(QDialog):
    """The user's live sessions (this computer's first) and remembered computers.

    Signals:
        logoutRequested: the user ended this computer's own session (log out here).
    """

    logoutRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = TaskTracker("sessions-dialog", owner=self)
        self.sessions: list[SessionInfo] = []
        self.devices: list[DeviceInfo] = []
        self.error: Exception | None = None
        self.confirm_box: QMessageBox | None = None
        self._busy = 0
        self.setObjectName("sessionsDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)

        self.sessions_title = self._title("sessionsTitle")
        layout.addWidget(self.sessions_title)
        self.session_model = QStandardItemModel(0, 5, self)
        self.session_table = self._table("sessionsTable", self.session_model)
        layout.addWidget(self.session_table, 3)
        row = QHBoxLayout()
        self.end_button = self._button("endSessionButton", self.end_selected, row)
        self.end_others_button = self._button("endOtherSessionsButton", self.end_others, row)
        row.addStretch(1)
        layout.addLayout(row)

        self.devices_title = self._title("devicesTitle")
        layout.addSpacing(8)
        layout.addWidget(self.devices_title)
        self.devices_note = QLabel(self)
        self.devices_note.setObjectName("devicesNote")
        self.devices_note.setProperty("role", "muted")
        self.devices_note.setWordWrap(True)
        layout.addWidget(self.devices_note)
        self.device_model = QStandardItemModel(0, 4, self)
        self.device_table = self._table("devicesTable", self.device_model)
        layout.addWidget(self.device_table, 2)
        self.devices_empty = QLabel(self)
        self.devices_empty.setObjectName("devicesEmpty")
        self.devices_empty.setProperty("role", "muted")
        self.devices_empty.hide()
        layout.addWidget(self.devices_empty)
        row = QHBoxLayout()
        self.forget_button = self._button("forgetDeviceButton", self.forget_selected, row)
        row.addStretch(1)
        layout.addLayout(row)

        self.zone_note = QLabel(self)
        self.zone_note.setObjectName("sessionsZone")
        self.zone_note.setProperty("role", "note")
        layout.addWidget(self.zone_note)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("sessionsError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("sessionsBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 3)
        self.busy_bar.hide()
        buttons.addWidget(self.busy_bar)
        buttons.addStretch(1)
        self.refresh_button = self._button("sessionsRefresh", self.refresh, buttons)
        self.close_button = self._button("sessionsClose", self.reject, buttons)
        self.close_button.setProperty("role", "primary")
        layout.addLayout(buttons)

        for table in (self.session_table, self.device_table):
            table.selectionModel().currentRowChanged.connect(self._update_buttons)
        notifier().changed.connect(self._render)
        self.resize(QSize(zoom.px(820), zoom.px(560)))
        self._retranslate()

    # --- building --------------------------------------------------------------------------

    def _title(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setProperty("role", "cardTitle")
        return label

    def _button(self, name: str, slot: Any, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _table(self, name: str, model: QStandardItemModel) -> QTableView:
        table = list_table(
            self,
            name,
            model,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            min_section=zoom.px(60),
        )
        table.verticalHeader().setDefaultSectionSize(zoom.px(30))
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(zoom.px(100))
        # Delete on a row does what its button does: the keyboard needs no mouse here.
        action = QAction(table)
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(
            self.end_selected if table.objectName() == "sessionsTable" else self.forget_selected
        )
        table.addAction(action)
        return table

    # --- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def _set_busy(self, step: int) -> None:
        self._busy = max(0, self._busy + step)
        self.busy_bar.setVisible(self.busy)
        self.refresh_button.setEnabled(not self.busy)
        self._update_buttons()

    def selected_session(self) -> SessionInfo | None:
        return _selected(self.session_table, self.sessions)

    def selected_device(self) -> DeviceInfo | None:
        return _selected(self.device_table, self.devices)

    def session_rows(self) -> list[list[str]]:
        """What the sessions table shows, row by row (tests, and a sanity check)."""
        return _texts(self.session_model)

    def device_rows(self) -> list[list[str]]:
        return _texts(self.device_model)

    # --- loading ---------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.tasks.spawn(self.reload(), name="sessions-load")

    async def reload(self) -> bool:
        """Read both lists again; False (with the reason shown) when that failed."""
        from cesec_desktop.state.errors import CabinetError

        self._set_busy(+1)
        try:
            sessions = await self.session.call(lambda client: client.sessions())
            devices = await self.session.call(lambda client: client.devices())
        except CabinetError as error:
            log.info("sessions could not be read: %s", error.code)
            self._show_error(error)
            return False
        finally:
            self._set_busy(-1)
        # This computer first, whatever order the answer came in; the rest as the server had them.
        self.sessions = sorted(sessions, key=lambda item: not item.current)
        self.devices = list(devices)
        self._show_error(None)
        self._render()
        return True

    # --- acting ----------------------------------------------------------------------------

    def end_selected(self) -> None:
        chosen = self.selected_session()
        if chosen is not None and not self.busy:
            self.tasks.spawn(self.end_session(chosen), name="end-session")

    def end_others(self) -> None:
        if not self.busy:
            self.tasks.spawn(self.end_other_sessions(), name="end-other-sessions")

    def forget_selected(self) -> None:
        chosen = self.selected_device()
        if chosen is not None and not self.busy:
            self.tasks.spawn(self.forget_device(chosen), name="forget-device")

    async def end_session(self, info: SessionInfo) -> bool:
        """End one session; this computer's own is a log-out, asked first."""
        if info.current:
            question = self.tr("This is the session of this computer: ending it logs you out.")
            if not await self.confirm(
                "logOutHere", self.tr("Log out on this computer?"), question, self.tr("Log out")
            ):
                return False
            self.logoutRequested.emit()
            self.accept()
            return True
        done = await self._act(lambda client: client.end_session(info.id), "end-session")
        if done:
            announce(self, self.tr("The session on %1 was ended.").replace("%1", info.device_name))
        return done

    async def end_other_sessions(self) -> bool:
        others = sum(1 for item in self.sessions if not item.current)
        if not others:
            return False
        if not await self.confirm(
            "endOthers",
            self.tr("End all other sessions?"),
            self.tr("Every other computer signed in to your account will be signed out."),
            self.tr("End other sessions"),
        ):
            return False
        done = await self._act(lambda client: client.end_other_sessions(), "end-others")
        if done:
            announce(self, self.tr("All other sessions were ended."))
        return done

    async def forget_device(self, info: DeviceInfo) -> bool:
        """Forget a remembered computer: its next sign-in asks for the second step again."""
        # This computer's own: the token in its keyring is worthless now, so it goes too.
        then = self.session.forget_this_device if info.current else None
        done = await self._act(lambda client: client.forget_device(info.id), "forget-device", then)
        if done:
            announce(self, self.tr("%1 is no longer remembered.").replace("%1", info.device_name))
        return done

    async def _act(
        self, action: Any, what: str, then: Callable[[], Awaitable[None]] | None = None
    ) -> bool:
        """Run `action` (then `then`, once it is done or was done already), busy meanwhile;
        the lists are read again whatever happened."""
        from cesec_desktop.state.errors import CabinetError, NotFound

        self._set_busy(+1)
        failure: CabinetError | None = None
        try:
            try:
                await self.session.call(action)
            except NotFound:
                # Already gone (ended elsewhere, expired): the refreshed list says so.
                log.info("%s: already gone", what)
            if then is not None:
                await then()
        except CabinetError as error:
            log.info("%s failed: %s", what, error.code)
            failure = error
        finally:
            self._set_busy(-1)
        await self.reload()
        if failure is not None:
            self._show_error(failure)
            return False
        return True

    async def confirm(self, name: str, title: str, text: str, yes_text: str) -> bool:
        """Ask before something that cannot be undone (no nested event loop)."""
        box = QMessageBox(self)
        box.setObjectName(f"{name}Confirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText(text)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        yes.setObjectName(f"{name}Yes")
        no.setObjectName(f"{name}No")
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.confirm_box = box
        try:
            await run_dialog(box)
            return box.clickedButton() is yes
        finally:
            self.confirm_box = None
            if isValid(box):
                box.deleteLater()

    # --- presentation ----------------------------------------------------------------------

    def _show_error(self, error: Exception | None) -> None:
        self.error = error
        self._render_error()

    def _render_error(self) -> None:
        text = ""
        if self.error is not None:
            from cesec_desktop.views.messages import describe

            text = describe(self.error)
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if text:
            announce(self, text)

    def _render(self, *_: object) -> None:
        here = self.tr("This computer")
        keep = self._selected_id(self.session_table)
        self.session_model.removeRows(0, self.session_model.rowCount())
        for info in self.sessions:
            name = f"{info.device_name} \N{MIDDLE DOT} {here}" if info.current else info.device_name
            cells = [
                name,
                info.app_version,
                info.ip,
                format_moment_short(info.signed_in_at),
                format_moment_short(info.last_seen_at),
            ]
            self.session_model.appendRow(_row(cells, info.id, info.current))
        self._reselect(self.session_table, keep)
        keep = self._selected_id(self.device_table)
        self.device_model.removeRows(0, self.device_model.rowCount())
        for device in self.devices:
            name = device.device_name
            if device.current:
                name = f"{name} \N{MIDDLE DOT} {here}"
            cells = [
                name,
                format_moment_short(device.remembered_at),
                format_day(in_display_zone(device.expires_at).date()),
                format_moment_short(device.last_used_at) if device.last_used_at else DASH,
            ]
            self.device_model.appendRow(_row(cells, device.id, device.current))
        self._reselect(self.device_table, keep)
        # A screen reader says "Computer: …, Last seen: …" on each cell, as in every table.
        label_cells(self.session_model)
        label_cells(self.device_model)
        self.devices_empty.setVisible(not self.devices)
        self.device_table.setVisible(bool(self.devices))
        for table in (self.session_table, self.device_table):
            # A handful of rows: measured whole each time; the last column takes the rest.
            for column in range(table.model().columnCount() - 1):
                table.resizeColumnToContents(column)
        self._update_buttons()

    @staticmethod
    def _selected_id(table: QTableView) -> str | None:
        index = table.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    @staticmethod
    def _reselect(table: QTableView, wanted: str | None) -> None:
        """Keep the row the user was on; else the first (this computer's)."""
        model = table.model()
        if model.rowCount() == 0:
            return
        row = 0
        for n in range(model.rowCount()):
            if model.index(n, 0).data(ID_ROLE) == wanted:
                row = n
                break
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        table.selectionModel().setCurrentIndex(model.index(row, 0), flags)

    def _update_buttons(self, *_: object) -> None:
        idle = not self.busy
        chosen = self.selected_session()
        self.end_button.setEnabled(idle and chosen is not None)
        others = any(not item.current for item in self.sessions)
        self.end_others_button.setEnabled(idle and others)
        device = self.selected_device()
        self.forget_button.setEnabled(idle and device is not None)
        if device is not None and device.current:
            self.forget_button.setText(self.tr("Forget this computer"))
        else:
            self.forget_button.setText(self.tr("Forget"))
        if chosen is not None and chosen.current:
            self.end_button.setText(self.tr("End session (log out)"))
        else:
            self.end_button.setText(self.tr("End session"))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sessions and devices"))
        self.sessions_title.setText(self.tr("Active sessions"))
        self.session_model.setHorizontalHeaderLabels(
            [
                self.tr("Computer"),
                self.tr("App version"),
                self.tr("IP address"),
                self.tr("Signed in"),
                self.tr("Last seen"),
            ]
        )
        self.session_table.setAccessibleName(self.tr("Active sessions"))
        self.end_others_button.setText(self.tr("End all other sessions"))
        self.devices_title.setText(self.tr("Remembered computers"))
        self.devices_note.setText(
            self.tr(
                "These computers skip the second step of sign-in for 30 days. Forget one "
                "you no longer use or do not recognise."
            )
        )
        self.device_model.setHorizontalHeaderLabels(
            [
                self.tr("Computer"),
                self.tr("Remembered on"),
                self.tr("Expires on"),
                self.tr("Last used"),
            ]
        )
        self.device_table.setAccessibleName(self.tr("Remembered computers"))
        self.devices_empty.setText(self.tr("No computer is remembered."))
        self.refresh_button.setText(self.tr("Refresh"))
        self.close_button.setText(self.tr("Close"))
        self.zone_note.setText(zone_label())
        self._render()
        self._render_error()

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        for task in self.tasks.pending:
            task.cancel()
        super().done(result)


def _row(cells: list[str], item_id: str, current: bool) -> list[QStandardItem]:
    items = []
    for text in cells:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        item.setData(item_id, ID_ROLE)
        item.setData(current, CURRENT_ROLE)
        if current:
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        items.append(item)
    return items


def _selected(table: QTableView, items: list[Any]) -> Any:
    index = table.currentIndex()
    if not index.isValid():
        return None
    wanted = index.siblingAtColumn(0).data(ID_ROLE)
    return next((item for item in items if item.id == wanted), None)


def _texts(model: QStandardItemModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def open_sessions(parent: QWidget, session: Session) -> None:
    """Show the dialog over `parent`; one at a time (a second call brings it forward)."""
    existing = parent.findChild(SessionsDialog, "sessionsDialog")
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return
    dialog = SessionsDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window = parent.window()
    logout = getattr(window, "logoutRequested", None)
    if logout is not None:
        dialog.logoutRequested.connect(logout)
    else:
        # Not the dialog's tracker: the dialog closes (and cancels its tasks) right after.
        dialog.logoutRequested.connect(lambda: _TASKS.spawn(session.logout(), name="logout"))
    return_focus(dialog)
    dialog.open()
    dialog.session_table.setFocus()
    dialog.start()
