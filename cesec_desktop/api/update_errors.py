"""Why an update check or download failed: one typed error with words for the user.

python-tuf says what went wrong in its exception classes; `translate` turns each into one
`UpdateError` whose `kind` the app can act on and whose text a user can read. TUF's own
messages (role names, version numbers) go to the log, never to the screen.
"""

from __future__ import annotations

import logging
from typing import Literal

import httpx
from tuf.api import exceptions as tuf_errors

from cesec_desktop.domain.releases import ReleaseDataError

log = logging.getLogger(__name__)

UpdateErrorKind = Literal[
    "tampered",
    "expired",
    "rollback",
    "untrusted",
    "network",
    "bad_answer",
    "cancelled",
    "not_configured",
]

MESSAGES: dict[str, str] = {
    "tampered": "The update was refused: its contents do not match what the publisher signed "
    "(it was changed after signing).",
    "expired": "The update was refused: the update server's signed information has expired, "
    "so it may be outdated or replayed.",
    "frozen": "The update was refused: the update server's timestamp has expired, so it may "
    "be showing a frozen, outdated view of the releases.",
    "rollback": "The update was refused: the update server offered older signed information "
    "than this app already trusts (a rollback).",
    "untrusted": "The update was refused: its information is not signed by a key this app trusts.",
    "network": "The update server could not be reached. Check the connection and try again.",
    "timeout": "The update server did not answer in time. Try again later.",
    "bad_answer": "The update server's answer could not be read.",
    "cancelled": "The download was cancelled.",
    "not_configured": "Updates are not set up for this copy of the app.",
    "local": "The update could not be saved on this computer: its update folder cannot be written.",
}


class UpdateError(Exception):
    """An update check or download failed; `str()` is an English reason for the user.

    `kind` is one of `UpdateErrorKind`: the attacks TUF refuses are "tampered", "expired",
    "rollback" and "untrusted"; a stale (frozen) timestamp is "expired" with its own words.
    """

    def __init__(self, kind: UpdateErrorKind, message: str | None = None) -> None:
        super().__init__(message if message is not None else MESSAGES[kind])
        self.kind: UpdateErrorKind = kind

    def __repr__(self) -> str:
        return f"UpdateError({self.kind!r}, {str(self)!r})"


def translate(exc: BaseException) -> UpdateError:
    """The UpdateError for an exception raised while talking to the update repository."""
    if isinstance(exc, UpdateError):
        return exc
    kind, words = _classify(exc)
    # TUF's message names roles and versions, useful in a report; it carries no secret.
    log.warning("update refused or failed (%s): %s: %s", kind, type(exc).__name__, exc)
    return UpdateError(kind, MESSAGES[words])


def _classify(exc: BaseException) -> tuple[UpdateErrorKind, str]:
    if isinstance(exc, tuf_errors.UnsignedMetadataError):
        return "untrusted", "untrusted"
    if isinstance(exc, tuf_errors.ExpiredMetadataError):
        frozen = str(exc).startswith("timestamp.json")
        return "expired", "frozen" if frozen else "expired"
    if isinstance(exc, tuf_errors.BadVersionNumberError):
        return "rollback", "rollback"
    if isinstance(exc, tuf_errors.LengthOrHashMismatchError):
        return "tampered", "tampered"
    if isinstance(exc, tuf_errors.DownloadLengthMismatchError):  # longer than signed
        return "tampered", "tampered"
    if isinstance(exc, tuf_errors.SlowRetrievalError):
        return "network", "timeout"
    if isinstance(exc, tuf_errors.DownloadHTTPError):
        return ("network", "network") if exc.status_code >= 500 else ("bad_answer", "bad_answer")
    if isinstance(exc, tuf_errors.DownloadError | httpx.HTTPError):
        return "network", "network"
    if isinstance(exc, tuf_errors.RepositoryError | ReleaseDataError):
        return "bad_answer", "bad_answer"
    if isinstance(exc, OSError):
        return "not_configured", "local"
    return "bad_answer", "bad_answer"
