"""Typed errors of the cabinet API, built from the one error envelope (API.md).

The UI translates by `code`; `message` is only a fallback text. Nothing here ever carries a
password, a token or a request body: messages come from the server's envelope or from fixed
texts, and details only from the envelope.
"""

from __future__ import annotations

import math
import ssl
from datetime import UTC, datetime
from typing import Any

import httpx

from cesec_desktop.domain.models.untrusted_json import UnreadableJson, loads

MAX_ERROR_BYTES = 64 * 1024
"""An error envelope is a few hundred bytes; a larger error answer is not read."""
MAX_CODE_LENGTH = 64
MAX_MESSAGE_LENGTH = 500
MAX_RETRY_AFTER = 300.0
"""The longest wait a 429 may ask for; a longer one is read as this."""


class CabinetError(Exception):
    """Any failure of a cabinet API call."""

    default_code = "error"
    default_message = "The request failed"

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        details: dict[str, Any] | None = None,
        status: int | None = None,
    ) -> None:
        self.code: str = code or self.default_code
        self.message: str = message or self.default_message
        self.details: dict[str, Any] = details or {}
        self.status: int | None = status
        super().__init__(self.message)

    @property
    def fields(self) -> dict[str, str]:
        """Per-field error codes the server attached, whatever the status (a form shows them)."""
        fields = self.details.get("fields")
        if not isinstance(fields, dict):
            return {}
        return {str(name): str(text) for name, text in fields.items()}

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status!r})"


class InvalidCredentials(CabinetError):
    """Wrong login or password (401 invalid_credentials)."""

    default_code = "invalid_credentials"
    default_message = "Wrong login or password"

    def __init__(self, attempts_left: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.attempts_left = attempts_left


class AccountLocked(CabinetError):
    """Too many failed logins (423 account_locked)."""

    default_code = "account_locked"
    default_message = "The account is locked"

    def __init__(self, locked_until: datetime, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.locked_until = locked_until


class ValidationFailed(CabinetError):
    """Input the server refused, per field where it says which (422, or any 4xx with fields)."""

    default_code = "validation_error"
    default_message = "Invalid input"

    def __init__(self, fields: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if fields is not None:
            # One home for field errors, so `.fields` reads the same for every error class.
            self.details = {**self.details, "fields": dict(fields)}

    @property
    def violations(self) -> list[str]:
        """Password-policy rules the new password breaks (password_policy)."""
        return [str(v) for v in self.details.get("violations", [])]

    @property
    def attempts_left(self) -> int | None:
        """Tries left for a one-time code (otp_invalid)."""
        value = self.details.get("attempts_left")
        return value if isinstance(value, int) else None


class OtpInvalid(ValidationFailed):
    """A wrong one-time code (422 otp_invalid); `attempts_left` says how many tries remain."""

    default_code = "otp_invalid"
    default_message = "Wrong code"


class SessionExpired(CabinetError):
    """The session is over and could not be renewed: sign in again."""

    default_code = "session_expired"
    default_message = "The session has expired; sign in again"


class PasswordExpired(CabinetError):
    """The password is older than the policy allows: change it before anything else."""

    default_code = "password_expired"
    default_message = "The password has expired; change it first"


class Forbidden(CabinetError):
    default_code = "forbidden"
    default_message = "Not allowed"


class NotFound(CabinetError):
    default_code = "not_found"
    default_message = "Not found"


class EdsRequired(Forbidden):
    """Only a digital (EDS) signature may authorise this, not an SMS code (403 eds_required)."""

    default_code = "eds_required"
    default_message = "This needs a digital signature"


class Conflict(CabinetError):
    """The resource is not in a state that allows this (409)."""

    default_code = "conflict"
    default_message = "Conflict"


class Gone(CabinetError):
    """Something that expired or was used up: otp_expired, otp_exhausted, draft_expired (410)."""

    default_code = "gone"
    default_message = "No longer available"


class OtpExpired(Gone):
    """The one-time code is past its time or its tries (410 otp_expired): ask for a new one."""

    default_code = "otp_expired"
    default_message = "The code has expired; request a new one"

    @property
    def spent(self) -> bool:
        """Used up by wrong tries (`attempts_left` 0), not by time."""
        return self.details.get("attempts_left") == 0


class ChallengeExpired(Gone):
    """The sign-in or reset challenge is unknown, used or past its time (410
    challenge_expired): start again from the password or the login."""

    default_code = "challenge_expired"
    default_message = "This attempt has expired; start again"


class RateLimited(CabinetError):
    """Too soon (429); `retry_after` is in seconds when the server says."""

    default_code = "rate_limited"
    default_message = "Too many requests; try again later"

    def __init__(self, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.retry_after = retry_after


class ResendTooSoon(RateLimited):
    """A code was sent under a minute ago (429 resend_too_soon); `retry_after` is the wait."""

    default_code = "resend_too_soon"
    default_message = "A code was sent recently; wait before asking again"


class NetworkUnreachable(CabinetError):
    """The backend cannot be reached: refused, timed out, or the connection broke."""

    default_code = "network_unreachable"
    default_message = "The backend cannot be reached"


class ServerError(CabinetError):
    """The backend failed (5xx) or answered something that breaks the contract."""

    default_code = "server_error"
    default_message = "The server failed to handle the request"


class UnreadableAnswer(ServerError):
    """The server answered something the app cannot read: over a size limit, nested too
    deep, more rows than asked, or a shape the contract does not allow."""

    default_code = "unreadable_answer"
    default_message = "The server answered something the app cannot read"


class DeadlineExceeded(NetworkUnreachable):
    """The call, its retries included, did not finish within its overall deadline."""

    default_code = "deadline_exceeded"
    default_message = "The server did not answer in time"


class ApiError(CabinetError):
    """Any other error envelope."""


class UntrustedCertificate(NetworkUnreachable):
    """The server's TLS certificate is not trusted (self-signed, expired, another host's):
    the connection was refused by this app, not lost by the network."""

    default_code = "untrusted_certificate"
    default_message = "The server's certificate is not trusted"

    def __init__(self, host: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.host = host


def is_certificate_error(exc: BaseException) -> bool:
    """Whether a transport failure is a failed certificate check (httpx wraps the
    ssl.SSLCertVerificationError in a ConnectError)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def network_error(exc: Exception, host: str = "") -> NetworkUnreachable:
    """A transport failure; only the exception's class is kept (its text may name the URL)."""
    if is_certificate_error(exc):
        return UntrustedCertificate(host=host, details={"reason": "certificate", "host": host})
    return NetworkUnreachable(details={"reason": type(exc).__name__})


def _envelope(response: httpx.Response) -> tuple[str | None, str | None, dict[str, Any]]:
    """Code, message and details of an error answer; raises UnreadableJson when the body is
    over `MAX_ERROR_BYTES` or nested too deep (a plain non-JSON body is simply no envelope)."""
    try:
        body = loads(response.content, max_size=MAX_ERROR_BYTES)
    except UnreadableJson as exc:
        if exc.reason != "not_json":
            raise
        return None, None, {}
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return None, None, {}
    code = error.get("code")
    message = error.get("message")
    details = error.get("details")
    return (
        code if isinstance(code, str) and len(code) <= MAX_CODE_LENGTH else None,
        # A message is shown in a box: a screenful of text is no message.
        message[:MAX_MESSAGE_LENGTH] if isinstance(message, str) else None,
        details if isinstance(details, dict) else {},
    )


def error_code(response: httpx.Response) -> str | None:
    """The envelope's code of an already-read response, if it has one."""
    try:
        return _envelope(response)[0]
    except UnreadableJson:
        return None


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _retry_after(response: httpx.Response, details: dict[str, Any]) -> float | None:
    """Seconds to wait, 0 to `MAX_RETRY_AFTER`; None when the server gives no usable number.

    A timer counts these seconds down, so `inf`, `nan`, a huge or a negative value must never
    get through: they are clamped or, when not a number at all, ignored.
    """
    for value in (details.get("retry_after"), response.headers.get("retry-after")):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            continue
        if isinstance(value, str) and len(value) > 32:
            continue
        try:
            seconds = float(value)
        except (ValueError, OverflowError):
            continue
        if math.isnan(seconds):
            continue
        return min(max(seconds, 0.0), MAX_RETRY_AFTER)
    return None


def _resend_wait(response: httpx.Response, details: dict[str, Any]) -> float | None:
    """Seconds until a new code may be asked for: the server's own number when it gives one,
    else `details.resend_after` against this computer's clock; bounded as `_retry_after`."""
    wait = _retry_after(response, details)
    if wait is not None:
        return wait
    value = details.get("resend_after")
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    seconds = (at - datetime.now(UTC)).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _by_code(
    code: str | None, response: httpx.Response, details: dict[str, Any], common: dict[str, Any]
) -> CabinetError | None:
    """The one-time-code and signing errors, known by their code whatever the 4xx status."""
    if code == "otp_invalid":
        return OtpInvalid(**common)
    if code == "otp_expired":
        return OtpExpired(**common)
    if code == "challenge_expired":
        return ChallengeExpired(**common)
    if code == "resend_too_soon":
        return ResendTooSoon(_resend_wait(response, details), **common)
    if code == "eds_required":
        return EdsRequired(**common)
    return None


def _locked_until(value: Any) -> datetime:
    try:
        at = datetime.fromisoformat(str(value))
    except ValueError:
        # A lock without a readable end: treat it as "until the server says otherwise".
        return datetime.max.replace(tzinfo=UTC)
    # The contract sends offsets; a bare time is read as UTC, as the mock stores it.
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def error_from_response(response: httpx.Response) -> CabinetError:
    """The typed error for a read, failed response."""
    status = response.status_code
    try:
        code, message, details = _envelope(response)
    except UnreadableJson as exc:
        return UnreadableAnswer(status=status, details={"reason": exc.reason})
    common: dict[str, Any] = {"message": message, "details": details, "status": status}
    if code:
        common["code"] = code
    if status == 401 and code == "invalid_credentials":
        return InvalidCredentials(_int(details.get("attempts_left")), **common)
    if status == 401:
        return SessionExpired(**common)
    if status == 423 or code == "account_locked":
        return AccountLocked(_locked_until(details.get("locked_until")), **common)
    if code == "password_expired":
        return PasswordExpired(**common)
    typed = _by_code(code, response, details, common) if 400 <= status < 500 else None
    if typed is not None:
        return typed
    if status == 404:
        return NotFound(**common)
    if status == 409:
        return Conflict(**common)
    if status == 410:
        return Gone(**common)
    if status == 429:
        return RateLimited(_retry_after(response, details), **common)
    if status in (400, 422) or (400 <= status < 500 and isinstance(details.get("fields"), dict)):
        return ValidationFailed(**common)
    if status == 403:
        return Forbidden(**common)
    if status >= 500:
        return ServerError(**common)
    return ApiError(**common)
