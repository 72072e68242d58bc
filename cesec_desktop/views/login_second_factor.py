""" "Confirm it's you": the second factor after a correct password, in place.

Shown by the login window (after sign-in or a password reset) and by the lock dialog (after
the password unlocked an account with a second factor). The method is switchable among the
challenge's own: the authenticator app first, then an SMS code (sent only when asked), then a
backup code. "Remember this computer for 30 days" keeps a device token in the keyring.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.domain.models.auth import SecondFactorChallenge
from cesec_desktop.state import clock as clocks
from cesec_desktop.state.session import LoginOutcome, Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.sign_in_codes import (
    ResendCountdown,
    code_complete,
    incomplete_text,
    refused_code_text,
    send_button_text,
    set_code_rules,
)
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer

log = logging.getLogger(__name__)

METHOD_ORDER = ("totp", "sms", "backup")


class SecondFactorPage(QWidget):
    """Asks for the code of `session.challenge` and answers it.

    Signals:
        confirmed(LoginOutcome): the code was right; SIGNED_IN or PASSWORD_CHANGE_REQUIRED.
        backRequested(str): back to the password, with why ("" when the user chose to, or
            the challenge expired).
        accountLocked(str): too many wrong codes locked the account (the words to show).
        busyChanged(bool): a call to the server started or ended.
    """

    confirmed = Signal(object)
    backRequested = Signal(str)
    accountLocked = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        session: Session,
        *,
        clock: clocks.Clock | None = None,
        show_title: bool = True,
        back_to_password: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("secondFactorPage")
        self.back_to_password = back_to_password
        """The lock dialog's page: "back" returns to its password field, not to sign-in."""
        self.session = session
        self.challenge: SecondFactorChallenge | None = None
        self.tasks = TaskTracker("second-factor", owner=self)
        self._busy = False
        self._error: tuple[str, object] = ("", None)
        """What the error label says: ("local", method) for a code not typed in full,
        ("server", error) for a refusal; rendered in the language of the moment."""
        self._sms_sent = False
        self._sms_phone = ""

        self.title = QLabel(self)
        self.title.setObjectName("secondFactorTitle")
        self.title.setProperty("role", "cardTitle")
        self.title.setWordWrap(True)
        self.title.setVisible(show_title)
        self.intro = QLabel(self)
        self.intro.setObjectName("secondFactorIntro")
        self.intro.setProperty("role", "muted")
        self.intro.setWordWrap(True)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QRadioButton] = {}
        methods = QVBoxLayout()
        methods.setSpacing(2)
        for method in METHOD_ORDER:
            button = QRadioButton(self)
            button.setObjectName(f"method_{method}")
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            methods.addWidget(button)
            button.toggled.connect(lambda on, m=method: on and self._method_chosen(m))
        self.hint = QLabel(self)
        self.hint.setObjectName("secondFactorHint")
        self.hint.setWordWrap(True)
        self.code_label = QLabel(self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("secondFactorCode")
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.code_label.setBuddy(self.code_edit)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("secondFactorSend")
        self.send_button.setAutoDefault(False)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("secondFactorError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remember_check = QCheckBox(self)
        self.remember_check.setObjectName("rememberDeviceCheck")
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("secondFactorConfirm")
        self.confirm_button.setProperty("role", "primary")
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("secondFactorBack")
        self.back_button.setProperty("role", "link")
        self.back_button.setAutoDefault(False)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(3)
        self.busy_bar.hide()

        code_row = QHBoxLayout()
        code_row.setSpacing(8)
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addLayout(methods)
        layout.addSpacing(4)
        layout.addWidget(self.hint)
        layout.addWidget(self.code_label)
        layout.addLayout(code_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.remember_check)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)

        self.countdown = ResendCountdown(clock, self)
        self.countdown.changed.connect(self._render_send)
        self.errors_said = ErrorAnnouncer(self, [self.error_label])
        self.code_edit.textEdited.connect(self._code_edited)
        self.code_edit.returnPressed.connect(self.submit)
        self.send_button.clicked.connect(self.send_sms)
        self.confirm_button.clicked.connect(self.submit)
        self.back_button.clicked.connect(self.go_back)
        self.retranslate()

    # --- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def method(self) -> str:
        for method, button in self.method_buttons.items():
            if button.isChecked():
                return method
        return "totp"

    def methods(self) -> list[str]:
        """The methods offered, in the order shown."""
        return [m for m, b in self.method_buttons.items() if not b.isHidden()]

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def start(self, challenge: SecondFactorChallenge, *, allow_remember: bool = True) -> None:
        """Ask for `challenge`'s code: the first method offered, an empty field."""
        self.challenge = challenge
        self._sms_sent = False
        self._sms_phone = challenge.masked_phone
        self.countdown.stop()
        offered = [m for m in METHOD_ORDER if m in challenge.methods]
        for method, button in self.method_buttons.items():
            button.setVisible(method in offered)
        # One method needs no choosing.
        for button in self.method_buttons.values():
            button.setVisible(button.isVisible() and len(offered) > 1)
        first = offered[0] if offered else "totp"
        self.method_group.setExclusive(False)
        for button in self.method_buttons.values():
            button.setChecked(False)
        self.method_group.setExclusive(True)
        self.method_buttons[first].setChecked(True)
        self._method_chosen(first)
        self.remember_check.setChecked(False)
        self.remember_check.setVisible(allow_remember)
        self._set_error("", None)
        self._set_busy(False)
        self.retranslate()

    def choose(self, method: str) -> None:
        self.method_buttons[method].setChecked(True)

    # --- the work --------------------------------------------------------------------------

    def submit(self) -> None:
        if not self._busy and not self.tasks.pending:
            self.tasks.spawn(self.confirm(), name="second-factor")

    def send_sms(self) -> None:
        if not self._busy and not self.tasks.pending and self.countdown.seconds_left() <= 0:
            self.tasks.spawn(self.send(), name="second-factor-sms")

    async def confirm(self) -> LoginOutcome | None:
        """Send the code; the outcome once it was right, None when refused."""
        method, code = self.method, self.code_edit.text().strip()
        if not code_complete(code, method):
            self._set_error("local", method)
            self._focus_code()
            return None
        from cesec_desktop.state.errors import AccountLocked, CabinetError

        self._set_error("", None)
        self._set_busy(True)
        try:
            outcome = await self.session.verify_second_factor(
                method,  # type: ignore[arg-type]
                code,
                remember_device=self.remember_check.isVisible() and self.remember_check.isChecked(),
            )
        except CabinetError as error:
            log.info("second factor refused: %s", error.code)
            self._set_busy(False)
            if error.code == "challenge_expired":
                self.backRequested.emit(self.tr("The confirmation took too long. Sign in again."))
            elif isinstance(error, AccountLocked):
                from cesec_desktop.views.messages import describe

                self.accountLocked.emit(describe(error))
            else:
                self._set_error("server", error)
                self._focus_code()
            return None
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self.code_edit.clear()
        self.confirmed.emit(outcome)
        return outcome

    async def send(self) -> bool:
        """Ask the server to send the code by SMS (again); True when it went."""
        from cesec_desktop.state.errors import CabinetError

        self._set_error("", None)
        self._set_busy(True)
        try:
            sent = await self.session.send_sign_in_sms()
        except CabinetError as error:
            log.info("sign-in SMS not sent: %s", error.code)
            self._set_busy(False)
            if error.code == "challenge_expired":
                self.backRequested.emit(self.tr("The confirmation took too long. Sign in again."))
                return False
            if error.code == "resend_too_soon":
                self.countdown.start_for(getattr(error, "retry_after", None))
            self._set_error("server", error)
            return False
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self._sms_sent = True
        self._sms_phone = sent.masked_phone or self._sms_phone
        self.countdown.start_until(sent.resend_after)
        self._render_hint()
        self._focus_code()
        return True

    def go_back(self) -> None:
        if self._busy:
            return
        for task in self.tasks.pending:
            task.cancel()
        self.countdown.stop()
        self.session.cancel_second_factor()
        self.backRequested.emit("")

    def fill_code(self, code: str) -> None:
        """A code from the demo's phone: typed in as the user would."""
        if self.method == "sms":
            self.code_edit.setText(code)
            self._focus_code()

    # --- presentation ----------------------------------------------------------------------

    def _method_chosen(self, method: str) -> None:
        set_code_rules(self.code_edit, method)
        self.code_edit.clear()
        self._set_error("", None)
        self.send_button.setVisible(method == "sms")
        self._render_hint()
        self._render_send(self.countdown.seconds_left())
        self._focus_code()

    def _code_edited(self, _text: str) -> None:
        if self._error[0] == "local":
            self._set_error("", None)

    def _set_error(self, kind: str, about: object) -> None:
        self._error = (kind, about)
        text = ""
        if kind == "local":
            text = incomplete_text(str(about))
        elif kind == "server" and isinstance(about, Exception):
            text = refused_code_text(about)
            if not text:
                from cesec_desktop.views.messages import describe

                text = describe(about)
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.errors_said.check()

    def _focus_code(self) -> None:
        if self.isVisible():
            self.code_edit.setFocus()
            self.code_edit.selectAll()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
        for widget in (
            self.code_edit,
            self.confirm_button,
            self.back_button,
            self.remember_check,
            *self.method_buttons.values(),
        ):
            widget.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self._render_send(self.countdown.seconds_left())
        self.confirm_button.setText(self.tr("Confirming…") if busy else self.tr("Confirm"))

    def _render_send(self, left: int) -> None:
        self.send_button.setText(send_button_text(left, self._sms_sent))
        self.send_button.setEnabled(not self._busy and left <= 0)

    def _render_hint(self) -> None:
        method = self.method
        if method == "sms":
            if self._sms_sent:
                text = self.tr("We sent a code to %1. It is valid for 5 minutes.")
            else:
                text = self.tr("We will send a code by SMS to %1.")
            text = text.replace("%1", self._sms_phone)
        elif method == "backup":
            text = self.tr("Enter one of the backup codes you saved. Each works once.")
        else:
            text = self.tr("Enter the 6-digit code your authenticator app shows now.")
        self.hint.setText(text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Confirm it's you"))
        phone = self.challenge.masked_phone if self.challenge is not None else ""
        self.intro.setText(
            self.tr("Your account asks for a second step. Phone on file: %1.").replace("%1", phone)
            if phone
            else self.tr("Your account asks for a second step.")
        )
        texts = {
            "totp": self.tr("Authenticator app"),
            "sms": self.tr("SMS code"),
            "backup": self.tr("Backup code"),
        }
        for method, button in self.method_buttons.items():
            button.setText(texts[method])
        self.code_label.setText(self.tr("&Code"))
        self.remember_check.setText(self.tr("Remember this computer for 30 days"))
        self.remember_check.setToolTip(
            self.tr("This computer will not ask for a code again; you can revoke it in Sessions")
        )
        self.back_button.setText(
            self.tr("Back to the password") if self.back_to_password else self.tr("Back to sign-in")
        )
        self._render_hint()
        self._set_busy(self._busy)
        self._set_error(*self._error)

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self._busy:
            self.go_back()
            return
        super().keyPressEvent(event)
