""" "Forgot password?": a login or an IIN, a code by SMS, a new password; then signed in.

Two steps in the login window. The first answer is the same whatever the login ("We sent a
code to +7 7** *** **12"): nothing on screen tells whether the login exists. The second
takes the code and the new password, with the policy's checklist ticking as it is typed.
A user with an authenticator still gives its code (the login window's second-factor page).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.domain.models.auth import PasswordResetChallenge
from cesec_desktop.state import clock as clocks
from cesec_desktop.state.session import LoginOutcome, Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.keyboard_warning import KeyboardWarning
from cesec_desktop.views.sign_in_codes import (
    ResendCountdown,
    code_complete,
    incomplete_text,
    refused_code_text,
    send_button_text,
    set_code_rules,
)
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer
from cesec_desktop.views.widgets.password_checklist import build_checklist
from cesec_desktop.views.widgets.password_toggle import PasswordToggle

log = logging.getLogger(__name__)


def _label(parent: QWidget, name: str, role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = _label(parent, name, "error")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _busy_bar(parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setFixedHeight(3)
    bar.hide()
    return bar


def _link(parent: QWidget, name: str) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setProperty("role", "link")
    button.setAutoDefault(False)
    return button


class ForgotPasswordPage(QWidget):
    """The two steps of a password reset.

    Signals:
        finished(LoginOutcome): the new password is set; SIGNED_IN, or
            SECOND_FACTOR_REQUIRED with `session.challenge` to answer.
        backRequested(str): back to the sign-in page, with why ("" when the user chose to).
        busyChanged(bool): a call to the server started or ended.
    """

    finished = Signal(object)
    backRequested = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        session: Session,
        *,
        clock: clocks.Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("forgotPasswordPage")
        self.session = session
        self.challenge: PasswordResetChallenge | None = None
        self.tasks = TaskTracker("forgot-password", owner=self)
        self._busy = False
        self._sent_again = False
        # Errors kept as what happened and rendered in the UI language of the moment.
        self._errors: dict[str, object] = {}

        self.steps = QStackedWidget(self)
        self._build_login_step()
        self._build_reset_step()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)

        self.countdown = ResendCountdown(clock, self)
        self.countdown.changed.connect(self._render_resend)
        self.errors_said = ErrorAnnouncer(
            self,
            [
                self.login_error,
                self.code_error,
                self.new_error,
                self.repeat_error,
                self.form_error,
            ],
        )
        self.login_edit.returnPressed.connect(self.submit_login)
        self.login_edit.textEdited.connect(lambda _t: self._clear_error("login"))
        self.send_button.clicked.connect(self.submit_login)
        self.login_back.clicked.connect(self.go_back)
        self.code_edit.textEdited.connect(lambda _t: self._clear_error("code"))
        self.resend_button.clicked.connect(self.resend)
        self.new_edit.textChanged.connect(self._new_changed)
        self.repeat_edit.textChanged.connect(self._repeat_changed)
        for edit in (self.code_edit, self.new_edit, self.repeat_edit):
            edit.returnPressed.connect(self.submit_reset)
        self.reset_button.clicked.connect(self.submit_reset)
        self.reset_back.clicked.connect(self.go_back)
        self.retranslate()

    def _build_login_step(self) -> None:
        page = QWidget(self.steps)
        page.setObjectName("forgotLoginStep")
        self.login_title = _label(page, "forgotTitle", "cardTitle")
        self.login_intro = _label(page, "forgotIntro", "muted")
        self.login_label = _label(page, "forgotLoginLabel", wrap=False)
        self.login_edit = QLineEdit(page)
        self.login_edit.setObjectName("forgotLoginEdit")
        self.login_edit.setMaxLength(64)
        self.login_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.login_label.setBuddy(self.login_edit)
        self.login_error = _error_label(page, "forgotLoginError")
        self.send_button = QPushButton(page)
        self.send_button.setObjectName("forgotSendButton")
        self.send_button.setProperty("role", "primary")
        self.login_back = _link(page, "forgotLoginBack")
        self.login_busy = _busy_bar(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.login_title, self.login_intro):
            layout.addWidget(widget)
        layout.addSpacing(6)
        for widget in (self.login_label, self.login_edit, self.login_error):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.send_button)
        layout.addWidget(self.login_back, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.login_busy)
        layout.addStretch(1)
        self.login_step = page
        self.steps.addWidget(page)

    def _build_reset_step(self) -> None:
        page = QWidget(self.steps)
        page.setObjectName("forgotResetStep")
        self.reset_title = _label(page, "resetTitle", "cardTitle")
        self.sent_label = _label(page, "resetSentLabel", "muted")
        self.code_label = _label(page, "resetCodeLabel", wrap=False)
        self.code_edit = QLineEdit(page)
        self.code_edit.setObjectName("resetCodeEdit")
        set_code_rules(self.code_edit, "sms")
        self.code_label.setBuddy(self.code_edit)
        self.resend_button = QPushButton(page)
        self.resend_button.setObjectName("resetResendButton")
        self.resend_button.setAutoDefault(False)
        self.code_error = _error_label(page, "resetCodeError")
        self.new_label = _label(page, "resetNewLabel", wrap=False)
        self.new_edit = QLineEdit(page)
        self.new_edit.setObjectName("resetNewEdit")
        self.new_edit.setMaxLength(128)
        self.new_label.setBuddy(self.new_edit)
        self.new_error = _error_label(page, "resetNewError")
        self.repeat_label = _label(page, "resetRepeatLabel", wrap=False)
        self.repeat_edit = QLineEdit(page)
        self.repeat_edit.setObjectName("resetRepeatEdit")
        self.repeat_edit.setMaxLength(128)
        self.repeat_label.setBuddy(self.repeat_edit)
        self.repeat_error = _error_label(page, "resetRepeatError")
        self.policy_box, self.checklist = build_checklist(page)
        self.form_error = _error_label(page, "resetFormError")
        self.reset_button = QPushButton(page)
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setProperty("role", "primary")
        self.reset_back = _link(page, "resetBack")
        self.reset_busy = _busy_bar(page)

        code_row = QHBoxLayout()
        code_row.setSpacing(8)
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.resend_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.reset_title)
        layout.addWidget(self.sent_label)
        layout.addSpacing(4)
        layout.addWidget(self.code_label)
        layout.addLayout(code_row)
        layout.addWidget(self.code_error)
        layout.addSpacing(4)
        for widget in (
            self.new_label,
            self.new_edit,
            self.new_error,
            self.repeat_label,
            self.repeat_edit,
            self.repeat_error,
        ):
            layout.addWidget(widget)
        layout.addSpacing(4)
        layout.addWidget(self.policy_box)
        layout.addWidget(self.form_error)
        layout.addSpacing(6)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.reset_back, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.reset_busy)
        layout.addStretch(1)
        self.toggles = [PasswordToggle(self.new_edit), PasswordToggle(self.repeat_edit)]
        self.keyboard_warnings = [KeyboardWarning(self.new_edit), KeyboardWarning(self.repeat_edit)]
        self.reset_step = page
        self.steps.addWidget(page)

    # --- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def on_reset_step(self) -> bool:
        return self.steps.currentWidget() is self.reset_step

    def field_error(self, field: str) -> str:
        label = self._error_labels()[field]
        return label.text() if not label.isHidden() else ""

    def start(self, login: str = "", message: str = "") -> None:
        """The first step, with the login the sign-in page had (the user may change it)."""
        import asyncio

        try:
            current = asyncio.current_task()
        except RuntimeError:
            current = None
        for task in self.tasks.pending:
            if task is not current:
                task.cancel()
        self.challenge = None
        self.countdown.stop()
        self._errors = {"login": ("text", message)} if message else {}
        self.login_edit.setText(login)
        for edit in (self.code_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        for toggle in self.toggles:
            toggle.set_shown(False)
        self.steps.setCurrentWidget(self.login_step)
        self._set_busy(False)
        self._render_errors()
        self.login_edit.setFocus()
        self.login_edit.selectAll()

    # --- step 1: the login -----------------------------------------------------------------

    def submit_login(self) -> None:
        if not self._busy and not self.tasks.pending:
            self.tasks.spawn(self.request_code(), name="forgot-password")

    async def request_code(self) -> bool:
        login = self.login_edit.text().strip()
        if not login:
            self._errors = {"login": ("local", "empty")}
            self._render_errors()
            self.login_edit.setFocus()
            return False
        from cesec_desktop.state.errors import CabinetError

        self._errors = {}
        self._render_errors()
        self._set_busy(True)
        try:
            challenge = await self.session.forgot_password(login)
        except CabinetError as error:
            log.info("password reset not started: %s", error.code)
            self._set_busy(False)
            self._errors = {"login": ("server", error)}
            self._render_errors()
            self.login_edit.setFocus()
            return False
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self.challenge = challenge
        self._sent_again = False
        self.countdown.start_until(challenge.resend_after)
        self.steps.setCurrentWidget(self.reset_step)
        self.retranslate()
        self.code_edit.setFocus()
        return True

    # --- step 2: the code and the new password ---------------------------------------------

    def resend(self) -> None:
        if not self._busy and not self.tasks.pending and self.countdown.seconds_left() <= 0:
            self.tasks.spawn(self.send_again(), name="forgot-password-sms")

    async def send_again(self) -> bool:
        from cesec_desktop.state.errors import CabinetError

        self._clear_error("code")
        self._set_busy(True)
        try:
            sent = await self.session.resend_reset_sms()
        except CabinetError as error:
            log.info("reset SMS not sent: %s", error.code)
            self._set_busy(False)
            if error.code == "challenge_expired":
                self._start_over()
                return False
            if error.code == "resend_too_soon":
                self.countdown.start_for(getattr(error, "retry_after", None))
            self._errors["code"] = ("server", error)
            self._render_errors()
            return False
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self._sent_again = True
        self.countdown.start_until(sent.resend_after)
        self.code_edit.clear()
        self.code_edit.setFocus()
        return True

    def submit_reset(self) -> None:
        if not self._busy and not self.tasks.pending:
            self.tasks.spawn(self.reset(), name="reset-password")

    async def reset(self) -> LoginOutcome | None:
        """Set the new password; the outcome once set, None when refused."""
        if not self._validate():
            self._focus_first_error()
            return None
        from cesec_desktop.state.errors import AccountLocked, CabinetError, ValidationFailed

        self._set_busy(True)
        try:
            outcome = await self.session.reset_password(
                self.code_edit.text().strip(), self.new_edit.text()
            )
        except CabinetError as error:
            log.info("password reset refused: %s", error.code)
            self._set_busy(False)
            if error.code == "challenge_expired":
                self._start_over()
                return None
            if isinstance(error, AccountLocked):
                from cesec_desktop.views.messages import describe

                self.backRequested.emit(describe(error))
                return None
            if refused_code_text(error):
                self._errors["code"] = ("server", error)
            elif isinstance(error, ValidationFailed) and error.violations:
                self._errors["new"] = ("rules", ",".join(error.violations))
            else:
                self._errors["form"] = ("server", error)
            self._render_errors()
            self._focus_first_error()
            return None
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self.countdown.stop()
        for edit in (self.code_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.finished.emit(outcome)
        return outcome

    def _start_over(self) -> None:
        """The reset is over at the server (too late, too many tries): ask for a new code."""
        login = self.login_edit.text()
        self.start(login)
        self._errors = {"login": ("expired", "")}
        self._render_errors()

    def _validate(self) -> bool:
        errors: dict[str, object] = {}
        if not code_complete(self.code_edit.text().strip(), "sms"):
            errors["code"] = ("local", "code")
        new, repeat = self.new_edit.text(), self.repeat_edit.text()
        if self.checklist.check(new):
            errors["new"] = ("local", "rules")
        if not repeat:
            errors["repeat"] = ("local", "empty")
        elif repeat != new:
            errors["repeat"] = ("local", "mismatch")
        self._errors = errors
        self._render_errors()
        return not errors

    def _new_changed(self) -> None:
        self.checklist.check(self.new_edit.text())
        self._clear_error("new", render=False)
        self._repeat_changed()

    def _repeat_changed(self) -> None:
        repeat = self.repeat_edit.text()
        if repeat and repeat != self.new_edit.text():
            self._errors["repeat"] = ("local", "mismatch")
        else:
            self._errors.pop("repeat", None)
        self._render_errors()

    def go_back(self) -> None:
        if self._busy:
            return
        for task in self.tasks.pending:
            task.cancel()
        self.countdown.stop()
        self.backRequested.emit("")

    def fill_code(self, code: str) -> None:
        """A code from the demo's phone."""
        if self.on_reset_step:
            self.code_edit.setText(code)
            self._clear_error("code")

    # --- presentation ----------------------------------------------------------------------

    def _error_labels(self) -> dict[str, QLabel]:
        return {
            "login": self.login_error,
            "code": self.code_error,
            "new": self.new_error,
            "repeat": self.repeat_error,
            "form": self.form_error,
        }

    def _clear_error(self, field: str, render: bool = True) -> None:
        if self._errors.pop(field, None) is not None and render:
            self._render_errors()

    def _focus_first_error(self) -> None:
        for field, edit in (
            ("code", self.code_edit),
            ("new", self.new_edit),
            ("repeat", self.repeat_edit),
        ):
            if field in self._errors:
                edit.setFocus()
                edit.selectAll()
                return

    def _error_text(self, field: str, error: object) -> str:
        kind, about = error if isinstance(error, tuple) else ("", error)
        if kind == "text":
            return str(about)
        if kind == "expired":
            return self.tr("The code is no longer valid. Ask for a new one.")
        if kind == "server" and isinstance(about, Exception):
            text = refused_code_text(about) if field == "code" else ""
            if not text:
                from cesec_desktop.views.messages import describe

                text = describe(about)
            return text
        if field == "login":
            return self.tr("Enter your login or IIN.")
        if field == "code":
            return incomplete_text("sms")
        if field == "new":
            if kind == "rules" and about != "rules":
                from cesec_desktop.views.messages import password_rule

                return " ".join(password_rule(r) for r in str(about).split(",") if r)
            return self.tr("The new password does not meet every rule below.")
        if field == "repeat":
            if about == "empty":
                return self.tr("Repeat the new password.")
            return self.tr("The passwords do not match.")
        return ""

    def _render_errors(self) -> None:
        for field, label in self._error_labels().items():
            error = self._errors.get(field)
            text = self._error_text(field, error) if error is not None else ""
            label.setText(text)
            label.setVisible(bool(text))
        self.errors_said.check()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
        for widget in (
            self.login_edit,
            self.send_button,
            self.login_back,
            self.code_edit,
            self.new_edit,
            self.repeat_edit,
            self.reset_button,
            self.reset_back,
        ):
            widget.setEnabled(not busy)
        self.login_busy.setVisible(busy and not self.on_reset_step)
        self.reset_busy.setVisible(busy and self.on_reset_step)
        self._render_resend(self.countdown.seconds_left())

    def _render_resend(self, left: int) -> None:
        self.resend_button.setText(send_button_text(left, True))
        self.resend_button.setEnabled(not self._busy and left <= 0)

    def retranslate(self) -> None:
        self.login_title.setText(self.tr("Forgot password?"))
        self.login_intro.setText(
            self.tr(
                "Enter your login or IIN. We will send a code by SMS to the phone "
                "your broker has on file."
            )
        )
        self.login_label.setText(self.tr("&Login or IIN"))
        self.login_edit.setPlaceholderText(self.tr("Your login or IIN"))
        self.send_button.setText(self.tr("Send code"))
        self.reset_title.setText(self.tr("Set a new password"))
        phone = self.challenge.masked_phone if self.challenge is not None else ""
        self.sent_label.setText(
            self.tr("We sent a code to %1. It is valid for 5 minutes.").replace("%1", phone)
        )
        self.code_label.setText(self.tr("&Code from the SMS"))
        self.new_label.setText(self.tr("&New password"))
        self.repeat_label.setText(self.tr("&Repeat the new password"))
        self.reset_button.setText(self.tr("Set password and sign in"))
        for button in (self.login_back, self.reset_back):
            button.setText(self.tr("Back to sign-in"))
        for toggle in self.toggles:
            toggle.retranslate()
        for warning in self.keyboard_warnings:
            warning.retranslate()
        self.checklist.retranslate()
        self._set_busy(self._busy)
        self._render_errors()

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
