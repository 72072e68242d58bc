"""Profile → Two-step sign-in: whether it is on, setting up an authenticator app, and
turning it off (which needs the password and a code)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.state import zoom
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.dialogs import return_focus, run_dialog
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer, announce
from cesec_desktop.views.widgets.password_toggle import PasswordToggle

if TYPE_CHECKING:
    from cesec_desktop.domain.models.profile import Me
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)


class _CodeCounts(QObject):
    """Texts with a count: lupdate marks them plural only in a QObject's `self.tr`."""

    def codes_left(self, n: int) -> str:
        return self.tr("Backup codes left: %n.", "", n)


class TwoStepDialog(QDialog):
    """The second factor's state, with Set up (off) or Turn off (on)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = TaskTracker("two-step", owner=self)
        self.me: Me | None = session.me
        self._busy = False
        self._errors: dict[str, str] = {}
        self._failure: Exception | None = None
        self.setup_dialog: QDialog | None = None
        self.codes_dialog: QDialog | None = None
        self.setObjectName("twoStepDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("twoStepState")
        self.state_label.setProperty("role", "title")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.explain = QLabel(self)
        self.explain.setObjectName("twoStepExplain")
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.codes_left = QLabel(self)
        self.codes_left.setObjectName("twoStepCodesLeft")
        self.codes_left.setProperty("role", "muted")
        self.codes_left.setWordWrap(True)
        layout.addWidget(self.codes_left)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("twoStepStack")
        self.actions_page = QWidget(self.stack)
        row = QHBoxLayout(self.actions_page)
        row.setContentsMargins(0, 0, 0, 0)
        self.setup_button = QPushButton(self.actions_page)
        self.setup_button.setObjectName("twoStepSetUp")
        self.setup_button.setProperty("role", "primary")
        self.setup_button.clicked.connect(self.set_up)
        row.addWidget(self.setup_button)
        self.turn_off_button = QPushButton(self.actions_page)
        self.turn_off_button.setObjectName("twoStepTurnOff")
        self.turn_off_button.clicked.connect(self.show_turn_off)
        row.addWidget(self.turn_off_button)
        row.addStretch(1)
        self.stack.addWidget(self.actions_page)
        self.stack.addWidget(self._build_turn_off())
        self.stack.currentChanged.connect(self._fit_stack)
        layout.addWidget(self.stack)

        self.form_error = QLabel(self)
        self.form_error.setObjectName("twoStepError")
        self.form_error.setProperty("role", "error")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("twoStepBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 3)
        self.busy_bar.hide()
        buttons.addWidget(self.busy_bar)
        buttons.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("twoStepClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.errors_said = ErrorAnnouncer(
            self, [self.password_error, self.code_error, self.form_error]
        )
        self._retranslate()
        self.setMinimumWidth(zoom.px(520))
        self._fit_stack()

    def _build_turn_off(self) -> QWidget:
        page = QWidget(self.stack)
        page.setObjectName("twoStepTurnOffPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.turn_off_intro = QLabel(page)
        self.turn_off_intro.setObjectName("twoStepTurnOffIntro")
        self.turn_off_intro.setWordWrap(True)
        column.addWidget(self.turn_off_intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.password_caption = QLabel(page)
        self.password_edit = QLineEdit(page)
        self.password_edit.setObjectName("twoStepPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.textChanged.connect(lambda: self._clear_error("password"))
        self.password_caption.setBuddy(self.password_edit)
        self.toggle = PasswordToggle(self.password_edit)
        self.password_error = self._error_label("twoStepPasswordError", page)
        field = QVBoxLayout()
        field.setSpacing(2)
        field.addWidget(self.password_edit)
        field.addWidget(self.password_error)
        form.addRow(self.password_caption, field)
        self.code_caption = QLabel(page)
        self.code_edit = QLineEdit(page)
        self.code_edit.setObjectName("twoStepCode")
        self.code_edit.setMaxLength(32)
        self.code_edit.textChanged.connect(lambda: self._clear_error("code"))
        self.code_caption.setBuddy(self.code_edit)
        self.code_error = self._error_label("twoStepCodeError", page)
        field = QVBoxLayout()
        field.setSpacing(2)
        field.addWidget(self.code_edit)
        field.addWidget(self.code_error)
        form.addRow(self.code_caption, field)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.turn_off_cancel = QPushButton(page)
        self.turn_off_cancel.setObjectName("twoStepTurnOffCancel")
        self.turn_off_cancel.setAutoDefault(False)
        self.turn_off_cancel.clicked.connect(self.hide_turn_off)
        row.addWidget(self.turn_off_cancel)
        self.turn_off_submit = QPushButton(page)
        self.turn_off_submit.setObjectName("twoStepTurnOffSubmit")
        self.turn_off_submit.setProperty("role", "primary")
        self.turn_off_submit.setAutoDefault(False)
        self.turn_off_submit.clicked.connect(self.turn_off)
        row.addWidget(self.turn_off_submit)
        column.addLayout(row)
        return page

    def _fit_stack(self, *_: object) -> None:
        """The stack as tall as the page shown (not its tallest), and the dialog with it."""
        for n in range(self.stack.count()):
            page = self.stack.widget(n)
            shown = n == self.stack.currentIndex()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.adjustSize()
        self.adjustSize()

    @staticmethod
    def _error_label(name: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.hide()
        return label

    # --- state -----------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Two-step sign-in is on (as the profile last read says)."""
        return self.me is not None and self.me.second_factor

    @property
    def busy(self) -> bool:
        return self._busy

    def field_error(self, field: str) -> str:
        label = self.password_error if field == "password" else self.code_error
        return label.text() if not label.isHidden() else ""

    # --- loading ---------------------------------------------------------------------------

    def start(self) -> None:
        self.tasks.spawn(self.reload(), name="two-step-load")

    async def reload(self) -> bool:
        """Read the profile again: the state may have changed on another computer."""
        from cesec_desktop.state.errors import CabinetError

        self._set_busy(True)
        try:
            self.me = await self.session.reload_profile()
        except CabinetError as error:
            log.info("profile not read: %s", error.code)
            self._failure = error
            return False
        finally:
            self._set_busy(False)
        self._failure = None
        self._render()
        return True

    # --- setting up ------------------------------------------------------------------------

    def set_up(self) -> None:
        if not self._busy and self.setup_dialog is None:
            self.tasks.spawn(self.run_set_up(), name="totp-set-up")

    async def run_set_up(self) -> bool:
        """The set-up dialog, then the backup codes once; True when it is on."""
        from cesec_desktop.views.backup_codes_dialog import BackupCodesDialog
        from cesec_desktop.views.totp_setup_dialog import TotpSetupDialog

        dialog = TotpSetupDialog(self.session, self)
        self.setup_dialog = dialog
        try:
            dialog.start()
            await run_dialog(dialog)
            codes = list(dialog.backup_codes)
        finally:
            self.setup_dialog = None
            if isValid(dialog):
                dialog.deleteLater()
        if not codes:
            await self.reload()
            return False
        login = self.me.login if self.me is not None else self.session.login_name
        shown = BackupCodesDialog(codes, login, self)
        self.codes_dialog = shown
        try:
            await run_dialog(shown)
        finally:
            self.codes_dialog = None
            if isValid(shown):
                shown.deleteLater()
        await self.reload()
        announce(self, self.tr("Two-step sign-in is on."))
        return True

    # --- turning off -----------------------------------------------------------------------

    def show_turn_off(self) -> None:
        self._errors.clear()
        self._failure = None
        self.password_edit.clear()
        self.code_edit.clear()
        self.stack.setCurrentWidget(self.stack.widget(1))
        self._render()
        self.password_edit.setFocus()

    def hide_turn_off(self) -> None:
        self.password_edit.clear()
        self.code_edit.clear()
        self._errors.clear()
        self.stack.setCurrentWidget(self.actions_page)
        self._render()
        self.turn_off_button.setFocus()

    @property
    def turning_off(self) -> bool:
        return self.stack.currentIndex() == 1

    def turn_off(self) -> None:
        if not self._busy and self.turning_off:
            self.tasks.spawn(self.remove(), name="totp-remove")

    async def remove(self) -> bool:
        """Turn the second factor off with the password and a code; True once off."""
        from cesec_desktop.state.errors import CabinetError

        password, code = self.password_edit.text(), self.code_edit.text().strip()
        self._errors = {}
        if not password:
            self._errors["password"] = "empty"
        if not code:
            self._errors["code"] = "empty"
        if self._errors:
            self._render()
            self._focus_first_error()
            return False
        self._failure = None
        self._set_busy(True)
        try:
            await self.session.call(lambda client: client.totp_remove(password, code))
        except CabinetError as error:
            log.info("second factor not removed: %s", error.code)
            if error.code == "wrong_password":
                self._errors["password"] = "wrong"
            elif error.code == "otp_invalid":
                self._errors["code"] = "wrong"
            elif error.code == "second_factor_disabled":
                pass  # already off (elsewhere): the reload below shows it
            else:
                self._failure = error
            if self._errors or self._failure is not None:
                self._set_busy(False)
                self._render()
                self._focus_first_error()
                return False
        finally:
            self._set_busy(False)
        self.hide_turn_off()
        await self.reload()
        announce(self, self.tr("Two-step sign-in is off."))
        self.setup_button.setFocus()
        return True

    def _focus_first_error(self) -> None:
        for field, edit in (("password", self.password_edit), ("code", self.code_edit)):
            if field in self._errors:
                edit.setFocus()
                edit.selectAll()
                return

    def _clear_error(self, field: str) -> None:
        if self._errors.pop(field, None) is not None:
            self._render()

    # --- presentation ----------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for widget in (
            self.setup_button,
            self.turn_off_button,
            self.password_edit,
            self.code_edit,
            self.turn_off_submit,
            self.turn_off_cancel,
        ):
            widget.setEnabled(not busy and (widget is not self.setup_button or self.me is not None))

    def _render(self) -> None:
        me = self.me
        on = self.enabled
        if me is None:
            self.state_label.setText(self.tr("Two-step sign-in"))
        elif on:
            self.state_label.setText(self.tr("Two-step sign-in is on"))
        else:
            self.state_label.setText(self.tr("Two-step sign-in is off"))
        if on:
            self.explain.setText(
                self.tr(
                    "After your password, signing in asks for a code from your authenticator "
                    "app, or one sent by SMS, or one of your backup codes."
                )
            )
            left = me.backup_codes_left if me is not None else 0
            self.codes_left.setText(_CodeCounts().codes_left(left))
        else:
            self.explain.setText(
                self.tr(
                    "Protect your account with a second step after the password: a code from "
                    "an authenticator app on your phone. Someone who learns your password "
                    "still cannot sign in without your phone."
                )
            )
            self.codes_left.setText("")
        self.codes_left.setVisible(on)
        self.setup_button.setVisible(not on)
        self.turn_off_button.setVisible(on)
        if not on and self.turning_off:
            self.stack.setCurrentWidget(self.actions_page)
        texts = {
            ("password", "empty"): self.tr("Enter your password."),
            ("password", "wrong"): self.tr("The password is wrong."),
            ("code", "empty"): self.tr("Enter a code from the app or a backup code."),
            ("code", "wrong"): self.tr(
                "That code is not right. Enter the newest code the app shows, or an unused "
                "backup code."
            ),
        }
        for field, label in (("password", self.password_error), ("code", self.code_error)):
            text = texts.get((field, self._errors.get(field, "")), "")
            label.setText(text)
            label.setVisible(bool(text))
        failure = ""
        if self._failure is not None:
            from cesec_desktop.views.messages import describe

            failure = describe(self._failure)
        self.form_error.setText(failure)
        self.form_error.setVisible(bool(failure))
        self.errors_said.check()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Two-step sign-in"))
        self.setup_button.setText(self.tr("Set up an authenticator app"))
        self.turn_off_button.setText(self.tr("Turn off…"))
        self.turn_off_intro.setText(
            self.tr(
                "To turn two-step sign-in off, enter your password and a code from the "
                "authenticator app (or a backup code). Remembered computers are forgotten too."
            )
        )
        self.password_caption.setText(self.tr("&Password"))
        self.code_caption.setText(self.tr("C&ode"))
        self.code_edit.setPlaceholderText(self.tr("123456 or a backup code"))
        self.turn_off_cancel.setText(self.tr("Cancel"))
        self.turn_off_submit.setText(self.tr("Turn off two-step sign-in"))
        self.close_button.setText(self.tr("Close"))
        self.toggle.retranslate()
        self._set_busy(self._busy)
        self._render()

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.turning_off:
            self.turn_off()
            return
        if event.key() == Qt.Key.Key_Escape and self.turning_off and not self._busy:
            self.hide_turn_off()  # Escape steps back out of the form first
            return
        if event.key() == Qt.Key.Key_Escape and self._busy:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        for task in self.tasks.pending:
            task.cancel()
        super().done(result)


def open_two_step(parent: QWidget, session: Session) -> None:
    """Show the dialog over `parent` (one at a time) and read the profile afresh."""
    existing = parent.findChild(TwoStepDialog, "twoStepDialog")
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return
    dialog = TwoStepDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return_focus(dialog)
    dialog.open()
    dialog.start()
