"""Setting up an authenticator app: scan the QR code (or type the key), then prove it with
one code. Accepted with the ten backup codes the server gives in return."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRegularExpression, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state import zoom
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer, announce
from cesec_desktop.views.widgets.qr_code import QrCode

if TYPE_CHECKING:
    from cesec_desktop.domain.models.auth import TotpSetup
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

CODE_DIGITS = 6


def grouped(secret: str) -> str:
    """The key in groups of four ("JBSW Y3DP …"), as authenticator apps show it."""
    return " ".join(secret[n : n + 4] for n in range(0, len(secret), 4))


def code_digits(text: str) -> str:
    """What was typed, without the spaces apps put in the middle ("123 456")."""
    return re.sub(r"\D", "", text)


class TotpSetupDialog(QDialog):
    """Asks the server for a new secret, shows it, and confirms it with a code.

    Accepted once confirmed; `backup_codes` then holds the codes to show once.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = TaskTracker("totp-setup", owner=self)
        self.setup: TotpSetup | None = None
        self.backup_codes: list[str] = []
        self._busy = False
        self._code_error = ""
        self._failure: Exception | None = None
        self.setObjectName("totpSetupDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = QLabel(self)
        self.title.setObjectName("totpTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        body = QHBoxLayout()
        body.setSpacing(24)
        self.qr = QrCode(self)
        # Its preferred size and no more: the spare width goes to the steps' words.
        self.qr.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        picture = QVBoxLayout()
        picture.addWidget(self.qr)
        picture.addStretch(1)
        body.addLayout(picture)
        steps = QVBoxLayout()
        steps.setSpacing(8)
        self.step_install = self._text("totpStepInstall", steps)
        self.step_scan = self._text("totpStepScan", steps)
        self.secret_caption = self._text("totpSecretCaption", steps)
        self.secret_caption.setProperty("role", "muted")
        key_row = QVBoxLayout()
        key_row.setSpacing(6)
        self.secret_label = QLabel(self)
        self.secret_label.setObjectName("totpSecret")
        self.secret_label.setProperty("role", "mono")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), QFont().pointSizeF()))
        self.secret_label.setFont(mono)
        self.secret_label.setWordWrap(True)
        # Selectable and reachable with Tab: a user who cannot scan types it from here.
        self.secret_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.secret_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        key_row.addWidget(self.secret_label)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("totpCopySecret")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_secret)
        key_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        steps.addLayout(key_row)
        self.step_code = self._text("totpStepCode", steps)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("totpCodeEdit")
        self.code_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,7}"), self.code_edit)
        )
        self.code_edit.setMaxLength(CODE_DIGITS + 1)
        self.code_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.code_edit.setMaximumWidth(zoom.px(160))
        self.code_edit.textChanged.connect(self._code_changed)
        # In a row of its own: a narrow field must not narrow the whole column of steps.
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit)
        code_row.addStretch(1)
        steps.addLayout(code_row)
        self.code_error = QLabel(self)
        self.code_error.setObjectName("totpCodeError")
        self.code_error.setProperty("role", "error")
        self.code_error.setWordWrap(True)
        self.code_error.hide()
        steps.addWidget(self.code_error)
        steps.addStretch(1)
        body.addLayout(steps, 1)
        layout.addLayout(body, 1)

        self.form_error = QLabel(self)
        self.form_error.setObjectName("totpFormError")
        self.form_error.setProperty("role", "error")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        layout.addWidget(self.form_error)
        buttons = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("totpBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 3)
        self.busy_bar.hide()
        buttons.addWidget(self.busy_bar)
        buttons.addStretch(1)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("totpRetry")
        self.retry_button.setAutoDefault(False)
        self.retry_button.clicked.connect(self.start)
        self.retry_button.hide()
        buttons.addWidget(self.retry_button)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("totpCancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("totpConfirm")
        self.confirm_button.setProperty("role", "primary")
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self.errors_said = ErrorAnnouncer(self, [self.code_error, self.form_error])
        self._retranslate()
        self._update()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.setMinimumWidth(zoom.px(640))

    def _text(self, name: str, layout: QVBoxLayout) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        layout.addWidget(label)
        return label

    # --- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def secret_text(self) -> str:
        """The key as the dialog shows it, without its grouping spaces."""
        return self.secret_label.text().replace(" ", "")

    # --- steps -----------------------------------------------------------------------------

    def start(self) -> None:
        if not self._busy:
            self.tasks.spawn(self.begin(), name="totp-setup")

    async def begin(self) -> bool:
        """Ask the server for a new secret and show it."""
        from cesec_desktop.state.errors import CabinetError

        self._failure = None
        self._set_busy(True)
        try:
            setup = await self.session.call(lambda client: client.totp_setup())
        except CabinetError as error:
            log.info("authenticator set-up refused: %s", error.code)
            self._failure = error
            return False
        finally:
            self._set_busy(False)
        self.setup = setup
        self.qr.set_text(setup.otpauth_uri)
        self.secret_label.setText(grouped(setup.secret))
        self._update()
        self.code_edit.setFocus()  # enabled now: the user reads the code off the app next
        return True

    def copy_secret(self) -> None:
        if self.setup is not None:
            QGuiApplication.clipboard().setText(self.setup.secret)
            announce(self, self.tr("The key is on the clipboard."))

    def confirm(self) -> None:
        if not self._busy and self.setup is not None:
            self.tasks.spawn(self.send_code(), name="totp-confirm")

    async def send_code(self) -> bool:
        """Prove the app holds the secret; accepted with the backup codes."""
        from cesec_desktop.state.errors import CabinetError

        code = code_digits(self.code_edit.text())
        if len(code) != CODE_DIGITS:
            self._code_error = "incomplete"
            self._update()
            self.code_edit.setFocus()
            return False
        self._failure = None
        self._set_busy(True)
        try:
            answer = await self.session.call(lambda client: client.totp_confirm(code))
        except CabinetError as error:
            log.info("authenticator code refused: %s", error.code)
            if error.code == "otp_invalid":
                self._code_error = "wrong"
            elif error.code == "no_pending_setup":
                # The pending secret is gone (set up from another computer, or expired).
                self._code_error = "restart"
                self.setup = None
            else:
                self._failure = error
            return False
        finally:
            self._set_busy(False)
            self.code_edit.setFocus()
            self.code_edit.selectAll()
        self.backup_codes = list(answer.backup_codes)
        self.accept()
        return True

    # --- presentation ----------------------------------------------------------------------

    def _code_changed(self) -> None:
        self._code_error = ""
        self._update()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self._update()

    def _update(self) -> None:
        ready = self.setup is not None and not self._busy
        self.code_edit.setEnabled(ready)
        self.copy_button.setEnabled(ready)
        self.confirm_button.setEnabled(ready and len(code_digits(self.code_edit.text())) > 0)
        self.retry_button.setVisible(self._failure is not None and self.setup is None)
        self.retry_button.setEnabled(not self._busy)
        self.cancel_button.setEnabled(not self._busy)
        texts = {
            "incomplete": self.tr("Enter the 6 digits the app shows."),
            "wrong": self.tr(
                "That code is not right. Enter the newest code the app shows; if it is still "
                "refused, check that the phone sets its time automatically."
            ),
            "restart": self.tr("This set-up has expired. Close the window and start again."),
        }
        text = texts.get(self._code_error, "")
        self.code_error.setText(text)
        self.code_error.setVisible(bool(text))
        failure = ""
        if self._failure is not None:
            from cesec_desktop.views.messages import describe

            if getattr(self._failure, "code", "") == "second_factor_enabled":
                failure = self.tr("Two-step sign-in is already on for this account.")
            else:
                failure = describe(self._failure)
        self.form_error.setText(failure)
        self.form_error.setVisible(bool(failure))
        self.errors_said.check()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up an authenticator app"))
        self.title.setText(self.tr("Set up an authenticator app"))
        self.step_install.setText(
            self.tr(
                "1. Install an authenticator app on your phone, such as Google Authenticator "
                "or Microsoft Authenticator."
            )
        )
        self.step_scan.setText(self.tr("2. In the app, add an account and scan this QR code."))
        self.secret_caption.setText(self.tr("Cannot scan it? Type this key instead:"))
        self.secret_label.setAccessibleName(self.tr("Secret key"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the key to the clipboard"))
        self.copy_button.setAccessibleName(self.tr("Copy the key"))
        self.step_code.setText(self.tr("3. Enter the 6-digit code the app now shows:"))
        self.code_edit.setAccessibleName(self.tr("Code from the app"))
        self.code_edit.setPlaceholderText("123456")
        self.retry_button.setText(self.tr("Try again"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.confirm_button.setText(self.tr("Confirm"))
        self._update()

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
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
