"""Sign with SMS: the code sent to the client's phone, its countdown, resend and attempts.

The same window signs an order and a withdrawal (`SignTarget.document_kind`)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from cesec_desktop.domain.models.signing import SmsChallenge
from cesec_desktop.state.demo_sms import DemoSms, DemoSmsInbox
from cesec_desktop.state.signing import (
    CODE_LENGTH,
    OutcomeUnknown,
    SignTarget,
    SmsCode,
    SmsStatus,
    clean_code,
)
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.dialogs import grow_to_fit
from cesec_desktop.views.forms.ui_sms_dialog import Ui_SmsForm

log = logging.getLogger(__name__)


class SmsDialog(QDialog):
    """Sends the one-time code for the ticket's draft and sends the document with it.

    Accepted once the order is placed or the withdrawal made (`result`). Rejected when the
    user cancels, or when it cannot go for a reason that is not the code (`failure`, for the
    form to show). Cancel and Esc work at any time, also while a confirm is on its way: the
    failure is then OutcomeUnknown and the ticket finds out what became of the document.
    """

    def __init__(self, ticket: SignTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket = ticket
        self.withdrawal = ticket.document_kind == "withdrawal"
        self.tasks = TaskTracker("sms-dialog", owner=self)
        # Demo mode's phone (a loopback server only; None for a real backend). Its own
        # tracker: a notice on its way must not hold up Confirm.
        server_url = getattr(getattr(ticket, "session", None), "server_url", "") or ""
        self.demo_inbox = DemoSmsInbox.for_server(server_url, parent=self)
        self.demo_tasks = TaskTracker("sms-dialog-demo", owner=self)
        self.demo_notice: QWidget | None = None
        self.code = SmsCode(ticket.send_sms, ticket.confirm, self)
        self.result: object | None = None
        self.failure: Exception | None = None
        self._error: Exception | None = None
        """A failed confirm shown here (wrong code, no answer): the user can act on it."""
        self._busy = False
        self.ui = Ui_SmsForm()
        self.ui.setupUi(self)
        self.setObjectName("smsDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        ui = self.ui
        ui.busyBar.hide()
        ui.busyBar.setFixedSize(80, 3)
        ui.errorLabel.hide()
        ui.resendButton.setFlat(True)
        ui.resendButton.setCursor(Qt.CursorShape.PointingHandCursor)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.6)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 6)
        ui.codeEdit.setFont(font)
        ui.codeEdit.textEdited.connect(self._code_edited)
        ui.confirmButton.clicked.connect(self.submit)
        ui.resendButton.clicked.connect(self.resend)
        ui.cancelButton.clicked.connect(self.reject)
        self.code.changed.connect(self._render)
        self.code.ticked.connect(self._render_clock)
        self._retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(420, 0)))
        ui.codeEdit.setFocus()
        kept = ticket.sms
        if kept is not None and kept[0].challenge_id and self._resume(*kept):
            return
        self.tasks.spawn(self._send(), name="sms-send")

    def _resume(self, challenge: SmsChallenge, received: float, attempts: int | None) -> bool:
        self.code.resume(challenge, received, attempts)
        if self.code.seconds_left() > 0:
            return True
        self.ticket.sms = None
        return False

    # --- state for tests -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def error(self) -> str:
        label = self.ui.errorLabel
        return label.text() if not label.isHidden() else ""

    # --- actions ---------------------------------------------------------------------------

    def _code_edited(self, text: str) -> None:
        # Paste and typing alike: "123 456", "123-456" and "Code: 123456" all become 123456.
        cleaned = clean_code(text)
        if cleaned != text:
            self.ui.codeEdit.setText(cleaned)
        if self._error is not None and self.code.status == SmsStatus.PENDING:
            self._error = None
        self._render()

    def submit(self) -> None:
        if self._busy or self.tasks.pending:
            return
        if len(clean_code(self.ui.codeEdit.text())) != CODE_LENGTH:
            return
        self.tasks.spawn(self.confirm(), name="sms-confirm")

    def resend(self) -> None:
        if self._busy or not self.code.can_resend:
            return
        self.tasks.spawn(self._send(), name="sms-send")

    async def _send(self) -> None:
        from cesec_desktop.state.errors import CabinetError, Conflict, Gone

        self._error = None
        self.ui.codeEdit.clear()
        try:
            challenge = await self.code.request()
        except CabinetError as error:
            log.info("the SMS code was not sent (%s)", error.code)
            if isinstance(error, Gone | Conflict) and error.code in ("draft_expired", "draft_used"):
                self.failure = error
                self.reject()
                return
        else:
            if challenge is not None and self.demo_inbox is not None:
                self.demo_tasks.spawn(self._show_demo_sms(challenge), name="demo-sms")
        self._render()
        self.ui.codeEdit.setFocus()

    async def _show_demo_sms(self, challenge: SmsChallenge) -> None:
        """Demo mode: show the code the mock "sent" as the phone would."""
        from cesec_desktop.views.widgets.demo_sms_notice import show_demo_sms

        assert self.demo_inbox is not None
        sms = await self.demo_inbox.deliver(challenge)
        if sms is None or not self.isVisible():
            return
        self._close_demo_notice()
        notice = show_demo_sms(sms, self)
        notice.codeChosen.connect(self._fill_demo_code)
        self.demo_notice = notice

    def _fill_demo_code(self, code: str) -> None:
        if self.ui.codeEdit.isEnabled():
            self.ui.codeEdit.setText(code)
            self._code_edited(code)
            self.ui.codeEdit.setFocus()

    def _close_demo_notice(self) -> None:
        notice, self.demo_notice = self.demo_notice, None
        if notice is not None and isValid(notice):
            notice.close()
            notice.deleteLater()

    def demo_sms(self) -> DemoSms | None:
        """The demo SMS on show (tests), or None."""
        notice = self.demo_notice
        if notice is None or not isValid(notice) or not notice.isVisible():
            return None
        return notice.sms  # type: ignore[attr-defined, no-any-return]

    async def confirm(self) -> object | None:
        """Send the document with the typed code; the order or instruction, or None."""
        from cesec_desktop.state.errors import (
            CabinetError,
            Gone,
            NetworkUnreachable,
            ServerError,
            ValidationFailed,
        )

        self._error = None
        self._set_busy(True)
        failure: Exception | None = None
        result: object | None = None
        try:
            result = await self.code.confirm(self.ui.codeEdit.text())
        except (ValidationFailed, Gone) as error:
            if error.code in ("otp_invalid", "otp_expired", "otp_exhausted"):
                self._error = error
            else:
                failure = error
        except (OutcomeUnknown, NetworkUnreachable, ServerError) as error:
            # The order may have gone through: Confirm again sends the same signed order
            # with the same key, which the broker can never place twice.
            self._error = error
        except CabinetError as error:
            failure = error
        finally:
            if isValid(self):  # cancelled by Cancel: the window may be gone
                self._set_busy(False)
        if result is not None:
            self.result = result
            self.accept()
        elif failure is not None:
            self.failure = failure
            self.reject()
        else:
            self.ui.codeEdit.setFocus()
            self.ui.codeEdit.selectAll()
        return result

    # --- presentation ----------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.busyBar.setVisible(busy)
        self._render()

    def _render(self) -> None:
        ui, code = self.ui, self.code
        status = code.status
        sending = status == SmsStatus.SENDING
        if sending:
            ui.sentLabel.setText(self.tr("Sending the code…"))
        elif code.phone_masked:
            text = (
                self.tr("We sent a 6-digit code to %1. It signs this withdrawal.")
                if self.withdrawal
                else self.tr("We sent a 6-digit code to %1. It signs this order.")
            )
            ui.sentLabel.setText(text.replace("%1", code.phone_masked))
        else:
            ui.sentLabel.setText(self.tr("The code could not be sent."))
        alive = status == SmsStatus.PENDING
        if status in (SmsStatus.EXPIRED, SmsStatus.EXHAUSTED) and ui.codeEdit.text():
            ui.codeEdit.clear()  # a dead code's digits only invite a useless retry
        ui.codeEdit.setEnabled(alive and not self._busy)
        ui.busyBar.setVisible(self._busy or sending)
        complete = len(clean_code(ui.codeEdit.text())) == CODE_LENGTH
        ui.confirmButton.setEnabled(alive and complete and not self._busy)
        ui.cancelButton.setEnabled(True)  # a stalled server must never trap the user
        ui.confirmButton.setText(self.tr("Checking…") if self._busy else self.tr("Confirm"))
        text = self._error_text()
        ui.errorLabel.setText(text)
        ui.errorLabel.setVisible(bool(text))
        self._render_clock()
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))

    def _render_clock(self) -> None:
        ui, code = self.ui, self.code
        status = code.status
        if status == SmsStatus.PENDING:
            seconds = code.seconds_left()
            ui.validityLabel.setText(
                self.tr("The code is valid for %1.").replace(
                    "%1", f"{seconds // 60}:{seconds % 60:02d}"
                )
            )
            ui.validityLabel.show()
        else:
            ui.validityLabel.hide()
        wait = code.resend_in()
        dead = status in (SmsStatus.EXPIRED, SmsStatus.EXHAUSTED, SmsStatus.FAILED)
        if status == SmsStatus.SENDING:
            ui.resendButton.setText(self.tr("Send a new code"))
        elif wait > 0:
            ui.resendButton.setText(self.tr("Send a new code in %n s", "", wait))
        else:
            ui.resendButton.setText(
                self.tr("Get a new code") if dead else self.tr("Send a new code")
            )
        ui.resendButton.setEnabled(code.can_resend and not self._busy)
        # Once the code is gone, asking for another is the way on.
        ui.resendButton.setProperty("role", "primary" if dead and wait == 0 else "link")
        ui.resendButton.setFlat(not (dead and wait == 0))
        ui.resendButton.style().unpolish(ui.resendButton)
        ui.resendButton.style().polish(ui.resendButton)
        if self.code.status != SmsStatus.PENDING:
            ui.confirmButton.setEnabled(False)

    def _error_text(self) -> str:
        from cesec_desktop.views.messages import describe

        status = self.code.status
        if status == SmsStatus.EXPIRED:
            return self.tr("The code has expired. Get a new one.")
        if status == SmsStatus.EXHAUSTED:
            return self.tr("Too many wrong codes: this one no longer works. Get a new one.")
        if status == SmsStatus.FAILED and self.code.error is not None:
            return describe(self.code.error)
        error = self._error
        if error is None:
            return ""
        code = getattr(error, "code", "")
        if isinstance(error, OutcomeUnknown) and error.cause is not None:
            error = error.cause
            code = getattr(error, "code", "")
        if code == "otp_invalid":
            left = self.code.attempts_left
            if left is None:
                return self.tr("Wrong code.")
            return self.tr("Wrong code. Attempts left: %n.", "", left)
        if (
            code in ("network_unreachable", "server_error", "deadline_exceeded")
            or (getattr(error, "status", 0) or 0) >= 500
        ):
            again = (
                self.tr(
                    "Confirm again to resend the same signed withdrawal: it cannot be made twice."
                )
                if self.withdrawal
                else self.tr(
                    "Confirm again to resend the same signed order: it cannot be placed twice."
                )
            )
            return describe(error) + " " + again
        return describe(error)

    def _retranslate(self) -> None:
        self._render()

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted and self.result is None:
            unknown = getattr(self.ticket, "unknown", None)
            if unknown is not None and self.failure is None:
                # A confirm went out and no answer came (or the wait is cut short now): the
                # form shows "unknown, checking…" while the ticket finds out.
                last = self._error
                self.failure = (
                    last
                    if isinstance(last, OutcomeUnknown) and not self._busy
                    else OutcomeUnknown(None)
                )
        self._busy = False
        code = self.code
        alive = code.status == SmsStatus.PENDING and code.challenge is not None
        if alive and self.result is None and self.ticket.draft is not None:
            assert code.challenge is not None
            self.ticket.sms = (code.challenge, code.received, code.attempts_left)
        else:
            self.ticket.sms = None
        code.stop()
        for task in (*self.tasks.pending, *self.demo_tasks.pending):
            if task is not _current():
                task.cancel()
        self._close_demo_notice()
        super().done(result)


def _current() -> object:
    import asyncio

    try:
        return asyncio.current_task()
    except RuntimeError:
        return None
