"""Asks for the password again: after the idle time, or when the session has expired.

Whatever else is open stays as it was; the dialog only covers it until the password is
right. Accepted when unlocked, rejected when the user chose to log out, or when the wrong
passwords have locked the account (`locked_out` then says so; the shell logs out). An
account with a second factor is asked for its code next, in the dialog (the login window's
"Confirm it's you" page); the code finishes the unlock.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from cesec_desktop.state.session import LoginOutcome
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.forms.ui_lock import Ui_LockForm
from cesec_desktop.views.keyboard_warning import KeyboardWarning
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.password_toggle import PasswordToggle
from cesec_desktop.views.zoom_sizes import icon_pixmap

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.login_second_factor import SecondFactorPage

log = logging.getLogger(__name__)

Unlock = Callable[[str], Awaitable[object]]
"""Checks the password (`Session.unlock`): a LoginOutcome, or None (unlocked)."""


class LockDialog(QDialog):
    IDLE = "idle"
    EXPIRED = "expired"

    def __init__(
        self,
        unlock: Unlock,
        *,
        mode: str = IDLE,
        user: str = "",
        session: Session | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self.session = session
        """Answers a second factor, when the unlock asks for one."""
        self.second_factor: SecondFactorPage | None = None
        self.demo_notice: QWidget | None = None
        self.mode = mode
        self.user = user
        self.tasks = TaskTracker("lock", owner=self)
        self._busy = False
        self._failure: Exception | None = None
        self.locked_out = ""
        """Why the dialog gave up (the account got locked), for the login window; or ""."""
        self.ui = Ui_LockForm()
        self.ui.setupUi(self)
        self.setObjectName("lockDialog")
        # Nothing else in the app may be used until the password is given.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        icon_pixmap(self.ui.iconLabel, icon("lock"), 40)  # grows with the text size
        self.ui.errorLabel.hide()
        self.ui.busyBar.hide()
        self.ui.busyBar.setFixedHeight(3)
        self.toggle = PasswordToggle(self.ui.passwordEdit)
        self.keyboard_warning = KeyboardWarning(self.ui.passwordEdit)
        self.demo_tasks = TaskTracker("lock-demo-sms", owner=self)
        self._sms_disconnected = False
        if session is not None:
            session.smsSent.connect(self._sms_sent)
        self.ui.unlockButton.clicked.connect(self.submit)
        self.ui.logoutButton.clicked.connect(self.reject)
        self._retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(460, 0)))
        self.ui.passwordEdit.setFocus()

    @property
    def busy(self) -> bool:
        return self._busy

    def error(self) -> str:
        return self.ui.errorLabel.text() if not self.ui.errorLabel.isHidden() else ""

    def submit(self) -> None:
        # Enter reaches both the field and the default button: one attempt at a time.
        if not self._busy and not self.tasks.pending:
            self.tasks.spawn(self.try_unlock(), name="unlock")

    async def try_unlock(self) -> bool:
        password = self.ui.passwordEdit.text()
        if not password:
            self.ui.passwordEdit.setFocus()
            return False
        from cesec_desktop.state.errors import AccountLocked, CabinetError, InvalidCredentials

        self._failure = None
        self._render_error()
        self._set_busy(True)
        try:
            outcome = await self._unlock(password)
        except CabinetError as error:
            log.info("unlock failed: %s", error.code)
            self._set_busy(False)
            self._failure = error
            self._render_error()
            if isinstance(error, AccountLocked) or (
                isinstance(error, InvalidCredentials) and error.attempts_left <= 0
            ):
                # Someone is guessing the password of an unattended session: the server will
                # take none for a while, and the session must not outlive the lock-out.
                self.ui.passwordEdit.clear()
                self.ui.passwordEdit.setEnabled(False)
                self.ui.unlockButton.setEnabled(False)
                self.locked_out = self._locked_out_text(error)
                self.reject()
                return False
            self.ui.passwordEdit.setFocus()
            self.ui.passwordEdit.selectAll()
            return False
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self.ui.passwordEdit.clear()
        if outcome is LoginOutcome.SECOND_FACTOR_REQUIRED:
            self._ask_second_factor()
            return False
        self.accept()
        return True

    # --- the second factor -----------------------------------------------------------------

    def _ask_second_factor(self) -> None:
        """The password was right; the account asks for its code as well."""
        if self.session is None or self.session.challenge is None:
            raise RuntimeError("a second factor was asked for, but the dialog has no session")
        page = self.second_factor
        if page is None:
            from cesec_desktop.views.login_second_factor import SecondFactorPage

            page = SecondFactorPage(self.session, back_to_password=True, parent=self)
            layout = self.ui.mainLayout
            layout.insertWidget(layout.indexOf(self.ui.busyBar) + 1, page)
            page.confirmed.connect(lambda _outcome: self.accept())
            page.backRequested.connect(self._back_to_password)
            page.accountLocked.connect(self._locked_by_codes)
            self.second_factor = page
        self._show_second_factor(True)
        page.start(self.session.challenge)
        page.code_edit.setFocus()

    def _show_second_factor(self, shown: bool) -> None:
        for widget in (self.ui.passwordLabel, self.ui.passwordEdit, self.ui.unlockButton):
            widget.setVisible(not shown)
        if shown:
            self.ui.errorLabel.hide()
            self.keyboard_warning.label.hide()
        else:
            self.keyboard_warning.render()
        if self.second_factor is not None:
            self.second_factor.setVisible(shown)
        self.ui.unlockButton.setDefault(not shown)
        self.adjustSize()

    def _back_to_password(self, message: str) -> None:
        self._close_demo_notice()
        self._show_second_factor(False)
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
        self.ui.passwordEdit.setFocus()

    def _locked_by_codes(self, message: str) -> None:
        # As with wrong passwords: the session must not outlive the lock-out.
        self.locked_out = self.tr("%1 You have been signed out.").replace("%1", message)
        self.reject()

    def _sms_sent(self, challenge_id: str) -> None:
        from cesec_desktop.state.demo_sms import DemoSmsInbox

        if self.session is None or self.second_factor is None or not self.isVisible():
            return
        inbox = DemoSmsInbox.for_server(self.session.server_url, parent=self)
        challenge = self.session.challenge
        if inbox is not None and challenge is not None:
            phone = challenge.masked_phone
            self.demo_tasks.spawn(self._show_demo_sms(inbox, challenge_id, phone), name="sms")

    async def _show_demo_sms(self, inbox: object, challenge_id: str, phone: str) -> None:
        from cesec_desktop.state.demo_sms import DemoSmsInbox
        from cesec_desktop.views.widgets.demo_sms_notice import show_demo_sms

        assert isinstance(inbox, DemoSmsInbox)
        try:
            sms = await inbox.deliver_code(challenge_id, phone)
        finally:
            inbox.deleteLater()
        page = self.second_factor
        if sms is None or page is None or not page.isVisible():
            return
        self._close_demo_notice()
        notice = show_demo_sms(sms, self)
        notice.codeChosen.connect(page.fill_code)
        self.demo_notice = notice

    def _close_demo_notice(self) -> None:
        notice, self.demo_notice = self.demo_notice, None
        if notice is not None and isValid(notice):
            notice.close()
            notice.deleteLater()

    def _locked_out_text(self, error: Exception) -> str:
        from cesec_desktop.views.messages import describe

        return self.tr("%1 You have been signed out.").replace("%1", describe(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.ui.passwordEdit, self.ui.unlockButton, self.ui.logoutButton):
            widget.setEnabled(not busy)
        self.ui.busyBar.setVisible(busy)

    def _render_error(self) -> None:
        text = ""
        if self._failure is not None:
            from cesec_desktop.views.messages import describe

            text = describe(self._failure)
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def _retranslate(self) -> None:
        self.toggle.retranslate()
        self.keyboard_warning.retranslate()
        if self.mode == self.EXPIRED:
            title = self.tr("Session expired")
            self.ui.titleLabel.setText(title)
            self.ui.textLabel.setText(
                self.tr(
                    "Your session has ended. Enter your password to sign in again; "
                    "nothing you have open will be lost."
                )
            )
            self.ui.unlockButton.setText(self.tr("Sign in"))
        else:
            title = self.tr("Session locked")
        self.setWindowTitle(title)
        self.ui.userLabel.setText(self.tr("Signed in as %1").replace("%1", self.user))
        self.ui.userLabel.setVisible(bool(self.user))
        self._render_error()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape must not dismiss a lock.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window means logging out, never getting past the lock.
        event.accept()
        self.reject()

    def done(self, result: int) -> None:
        pending = [*self.tasks.pending, *self.demo_tasks.pending]
        if self.second_factor is not None:
            pending += self.second_factor.tasks.pending
            if result != QDialog.DialogCode.Accepted and self.session is not None:
                self.session.cancel_second_factor()
        for task in pending:
            if task is not _current_task():
                task.cancel()
        self._close_demo_notice()
        if self.session is not None and not self._sms_disconnected:
            self._sms_disconnected = True
            self.session.smsSent.disconnect(self._sms_sent)
        super().done(result)


def _current_task() -> object:
    import asyncio

    try:
        return asyncio.current_task()
    except RuntimeError:
        return None
