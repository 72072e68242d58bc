"""What the sign-in and password-reset pages share about one-time codes: the resend
countdown, the code field's rules, and the words for a refused code.

The errors are told apart by their code (`otp_invalid`, `otp_expired`, …), as the views
read every other typed error.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit

from cesec_desktop.state import clock as clocks

CODE_LENGTH = 6
BACKUP_PATTERN = r"[A-Za-z0-9]{0,4}-?[A-Za-z0-9]{0,4}"
BACKUP_LENGTH = 8
"""A backup code's letters and digits, without the dash (`k7p2-9xqa`)."""


class ResendCountdown(QObject):
    """Seconds until a new code may be asked for, counted on an injected clock.

    The server says when (`resend_after`, on its clock); the wait is capped at a minute, so
    a server clock ahead of this computer's never makes the user wait longer than the rule.

    Signals:
        changed(int): the seconds left, each second; 0 once a new code may be asked for.
    """

    changed = Signal(int)

    MAX_WAIT_S = 60

    def __init__(self, clock: clocks.Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._until: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.tick)

    @property
    def clock(self) -> clocks.Clock:
        return self._clock if self._clock is not None else clocks.current()

    def start_until(self, resend_after: datetime) -> None:
        """Count down to the server's `resend_after`."""
        self.start_for((resend_after - self.clock.now()).total_seconds())

    def start_for(self, seconds: float | None) -> None:
        """Count down `seconds` (the server's `retry_after`; a minute when it gave none)."""
        wait = self.MAX_WAIT_S if seconds is None else min(max(seconds, 0.0), self.MAX_WAIT_S)
        self._until = self.clock.now() + timedelta(seconds=wait)
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._until = None
        self._timer.stop()

    def seconds_left(self) -> int:
        if self._until is None:
            return 0
        return max(0, math.ceil((self._until - self.clock.now()).total_seconds()))

    def tick(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self._timer.stop()
        self.changed.emit(left)


def send_button_text(left: int, sent_before: bool) -> str:
    """ "Send code", "Send again", or "Send again in 0:42" while the minute runs."""
    if left > 0:
        return QCoreApplication.translate("SignInCodes", "Send again in %1").replace(
            "%1", f"{left // 60}:{left % 60:02d}"
        )
    return (
        QCoreApplication.translate("SignInCodes", "Send again")
        if sent_before
        else QCoreApplication.translate("SignInCodes", "Send code")
    )


def set_code_rules(edit: QLineEdit, method: str) -> None:
    """Digits only for a 6-digit code; letters, digits and one dash for a backup code."""
    if method == "backup":
        pattern, length, placeholder = BACKUP_PATTERN, BACKUP_LENGTH + 1, "xxxx-xxxx"
    else:
        pattern, length, placeholder = rf"\d{{0,{CODE_LENGTH}}}", CODE_LENGTH, "123456"
    validator = QRegularExpressionValidator(QRegularExpression(pattern), edit)
    edit.setValidator(validator)
    edit.setMaxLength(length)
    edit.setPlaceholderText(placeholder)


def code_complete(code: str, method: str) -> bool:
    if method == "backup":
        return len(code.replace("-", "")) == BACKUP_LENGTH
    return len(code) == CODE_LENGTH and code.isdigit()


def incomplete_text(method: str) -> str:
    if method == "backup":
        return QCoreApplication.translate(
            "SignInCodes", "Enter a backup code: 8 letters and digits, such as k7p2-9xqa."
        )
    return QCoreApplication.translate("SignInCodes", "Enter the 6-digit code.")


def refused_code_text(error: Exception) -> str:
    """Words for a code the server refused, for the code field; "" if it is no code error."""
    code = getattr(error, "code", "")
    if code == "otp_invalid":
        left = getattr(error, "attempts_left", None)
        if isinstance(left, int) and left > 0:
            return QCoreApplication.translate(
                "SignInCodes", "Wrong code. Attempts left: %1."
            ).replace("%1", str(left))
        return QCoreApplication.translate("SignInCodes", "Wrong code.")
    if code == "otp_expired":
        if getattr(error, "spent", False):  # by wrong tries, not by time
            return QCoreApplication.translate(
                "SignInCodes", "That was the last try for this code. Ask for a new one."
            )
        return QCoreApplication.translate(
            "SignInCodes", "This code has expired: ask for a new one."
        )
    if code == "resend_too_soon":
        return QCoreApplication.translate(
            "SignInCodes", "A new code can be sent once the minute is up."
        )
    return ""
