"""The 5-failure lockout shared by wrong passwords and wrong second-factor or reset codes.

A user's failures live on `users`; a login that is no user counts alike in `unknown_logins`,
so that no answer tells which logins exist. Only issuing tokens clears a user's counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.state import ServerState

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)
MAX_UNKNOWN_LOGINS = 10_000
"""Bounds the table of unknown logins a spraying client can grow; the oldest go first."""


@dataclass(frozen=True)
class Subject:
    """Whose failures count: a user (by id) or a login that is no user."""

    user_id: str | None = None
    login: str | None = None

    @classmethod
    def user(cls, user_id: str) -> Subject:
        return cls(user_id=user_id)

    @classmethod
    def unknown(cls, login: str) -> Subject:
        return cls(login=login)


@dataclass(frozen=True)
class Failure:
    failures: int
    """Failures counted so far, this one included (0 once it locked)."""
    locked_until: datetime | None
    """Set when this failure reached the limit."""

    @property
    def left(self) -> int:
        return 0 if self.locked_until is not None else max(MAX_FAILURES - self.failures, 0)


def account_locked(locked_until: datetime) -> ApiError:
    return ApiError(
        423,
        "account_locked",
        "Too many failed attempts; the account is locked",
        {"locked_until": iso(locked_until)},
    )


def _row(state: ServerState, subject: Subject) -> tuple[int, datetime | None]:
    """(failures counted, lock end) as stored; a lock that has ended counts from zero."""
    if subject.user_id is not None:
        row = state.conn.execute(
            "SELECT failed_attempts, locked_until FROM users WHERE id = ?", (subject.user_id,)
        ).fetchone()
    else:
        row = state.conn.execute(
            "SELECT failed_attempts, locked_until FROM unknown_logins WHERE login = ?",
            (subject.login,),
        ).fetchone()
    if row is None:
        return 0, None
    locked_until = parse_iso(row["locked_until"]) if row["locked_until"] else None
    return (row["failed_attempts"] if locked_until is None else 0), locked_until


def active_lock(state: ServerState, subject: Subject) -> datetime | None:
    _, locked_until = _row(state, subject)
    if locked_until is not None and locked_until > state.clock.now():
        return locked_until
    return None


def ensure_unlocked(state: ServerState, subject: Subject) -> None:
    """423 account_locked while the subject's lock lasts."""
    locked_until = active_lock(state, subject)
    if locked_until is not None:
        raise account_locked(locked_until)


def failures_left(state: ServerState, subject: Subject) -> int:
    failures, _ = _row(state, subject)
    return max(MAX_FAILURES - failures, 0)


def record_failure(state: ServerState, subject: Subject) -> Failure:
    """Count one failure; the fifth locks for 15 minutes and starts the count afresh."""
    now = state.clock.now()
    failures, _ = _row(state, subject)
    failures += 1
    lock = now + LOCK_DURATION if failures >= MAX_FAILURES else None
    stored = (failures if lock is None else 0, iso(lock) if lock else None)
    if subject.user_id is not None:
        state.conn.execute(
            "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
            (*stored, subject.user_id),
        )
    else:
        state.conn.execute(
            "INSERT INTO unknown_logins (login, failed_attempts, locked_until, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(login) DO UPDATE SET "
            "failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until, "
            "updated_at = excluded.updated_at",
            (subject.login, *stored, iso(now)),
        )
        state.conn.execute(
            "DELETE FROM unknown_logins WHERE login NOT IN "
            "(SELECT login FROM unknown_logins ORDER BY updated_at DESC LIMIT ?)",
            (MAX_UNKNOWN_LOGINS,),
        )
    return Failure(failures, lock)


def clear(state: ServerState, user_id: str) -> None:
    """Tokens were issued: the count starts again."""
    state.conn.execute(
        "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", (user_id,)
    )
