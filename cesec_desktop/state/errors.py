"""The API's typed errors, re-exported for the views (which never import the api layer).

Importing this module loads httpx: views import it where a call has already been made,
not on the start-up path.
"""

from __future__ import annotations

from cesec_desktop.api.errors import (
    AccountLocked,
    ApiError,
    CabinetError,
    ChallengeExpired,
    Conflict,
    DeadlineExceeded,
    EdsRequired,
    Forbidden,
    Gone,
    InvalidCredentials,
    NetworkUnreachable,
    NotFound,
    OtpExpired,
    OtpInvalid,
    PasswordExpired,
    RateLimited,
    ResendTooSoon,
    ServerError,
    SessionExpired,
    UnreadableAnswer,
    UntrustedCertificate,
    ValidationFailed,
)

__all__ = [
    "AccountLocked",
    "ApiError",
    "CabinetError",
    "ChallengeExpired",
    "Conflict",
    "DeadlineExceeded",
    "EdsRequired",
    "Forbidden",
    "Gone",
    "InvalidCredentials",
    "NetworkUnreachable",
    "NotFound",
    "OtpExpired",
    "OtpInvalid",
    "PasswordExpired",
    "RateLimited",
    "ResendTooSoon",
    "ServerError",
    "SessionExpired",
    "UnreadableAnswer",
    "UntrustedCertificate",
    "ValidationFailed",
]
