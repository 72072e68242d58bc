"""What the user reads when a call fails: API error codes in the UI language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from cesec_desktop.state.errors import (
    AccountLocked,
    CabinetError,
    DeadlineExceeded,
    Forbidden,
    InvalidCredentials,
    NetworkUnreachable,
    PasswordExpired,
    RateLimited,
    ServerError,
    SessionExpired,
    UnreadableAnswer,
    UntrustedCertificate,
)
from cesec_desktop.state.formatting import format_recent


# lupdate reads only literal QCoreApplication.translate("Messages", "…") calls, hence the
# repetition below.
class _Plurals(QObject):
    """Texts with a count: lupdate marks them plural only in a QObject's `self.tr`."""

    def attempts_left(self, n: int) -> str:
        return self.tr("Wrong login or password. Attempts left: %n.", "", n)


def local_time(moment: datetime, locale: QLocale | None = None) -> str:
    """A moment in the display zone (Almaty's or this computer's, as the user chose): the
    time alone today, with the date otherwise."""
    return format_recent(moment, locale)


def is_retryable(error: Exception) -> bool:
    """Failures worth a Retry button: the network or the server, not the user's input."""
    return isinstance(error, NetworkUnreachable | ServerError)


def describe(error: Exception) -> str:
    """One or two sentences for a failed call, in the UI language."""
    if isinstance(error, InvalidCredentials):
        if error.attempts_left > 0:
            return _Plurals().attempts_left(error.attempts_left)
        return QCoreApplication.translate(
            "Messages", "Wrong login or password. No attempts left: the account has been locked."
        )
    if isinstance(error, AccountLocked):
        return QCoreApplication.translate(
            "Messages", "Too many failed attempts. The account is locked until %1."
        ).replace("%1", local_time(error.locked_until))
    if isinstance(error, UntrustedCertificate):
        return QCoreApplication.translate(
            "Messages",
            "The certificate of the server %1 is not trusted, so the app did not connect. This "
            "is not a problem with your Internet connection: check the server address, or "
            "contact support.",
        ).replace("%1", error.host or "?")
    if isinstance(error, DeadlineExceeded):
        return QCoreApplication.translate(
            "Messages",
            "The server did not answer in time. Check your Internet connection and try again.",
        )
    if isinstance(error, NetworkUnreachable):
        return QCoreApplication.translate(
            "Messages", "Cannot reach the server. Check your Internet connection and try again."
        )
    if isinstance(error, UnreadableAnswer):
        return QCoreApplication.translate(
            "Messages",
            "The server answered something the app cannot read. Try again in a minute; if it "
            "keeps happening, contact support.",
        )
    if isinstance(error, ServerError):
        return QCoreApplication.translate(
            "Messages", "The server could not handle the request. Try again in a minute."
        )
    if isinstance(error, RateLimited):
        return QCoreApplication.translate(
            "Messages", "Too many requests. Wait a moment and try again."
        )
    if isinstance(error, SessionExpired):
        return QCoreApplication.translate("Messages", "The session has expired. Sign in again.")
    if isinstance(error, PasswordExpired):
        return QCoreApplication.translate(
            "Messages", "The password has expired. Change it to continue."
        )
    if isinstance(error, Forbidden):
        return QCoreApplication.translate("Messages", "You are not allowed to do this.")
    if isinstance(error, CabinetError):
        return QCoreApplication.translate("Messages", "The request failed: %1").replace(
            "%1", error.message
        )
    return QCoreApplication.translate("Messages", "Something went wrong: %1").replace(
        "%1", str(error) or type(error).__name__
    )


def password_rule(rule: str) -> str:
    """A password-policy rule the server says was broken (`details.violations`)."""
    texts = {
        "length": QCoreApplication.translate(
            "Messages", "The password must be 8 to 12 characters long."
        ),
        "digit": QCoreApplication.translate("Messages", "The password must contain a digit."),
        "upper": QCoreApplication.translate(
            "Messages", "The password must contain an upper-case letter."
        ),
        "lower": QCoreApplication.translate(
            "Messages", "The password must contain a lower-case letter."
        ),
        "symbol": QCoreApplication.translate("Messages", "The password must contain a symbol."),
        "not_current": QCoreApplication.translate(
            "Messages", "The new password must differ from the current one."
        ),
    }
    return texts.get(
        rule, QCoreApplication.translate("Messages", "The password does not meet the policy.")
    )
