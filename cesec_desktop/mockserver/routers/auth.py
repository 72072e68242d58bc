"""`/auth/*`: login with lockout, refresh, logout, password change."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NoReturn

from fastapi import APIRouter, Depends, Request

from cesec_desktop.domain.models.auth import (
    LoginRequest,
    PasswordChangeRequest,
    RefreshRequest,
    Tokens,
)
from cesec_desktop.domain.password import password_violations
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.deps import (
    User,
    authenticated,
    bearer_token,
    get_state,
    load_user,
)
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.security import (
    hash_password,
    new_token,
    token_hash,
    verify_password,
)
from cesec_desktop.mockserver.state import ServerState

router = APIRouter(prefix="/auth", tags=["auth"])

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)


def issue_tokens(state: ServerState, user: User) -> Tokens:
    now = state.clock.now()
    access, refresh = new_token(), new_token()
    state.conn.execute(
        "INSERT INTO sessions (access_hash, refresh_hash, user_id, access_expires_at, "
        "refresh_expires_at) VALUES (?, ?, ?, ?, ?)",
        (
            token_hash(access),
            token_hash(refresh),
            user.id,
            iso(now + timedelta(seconds=state.config.access_ttl_seconds)),
            iso(now + timedelta(seconds=state.config.refresh_ttl_seconds)),
        ),
    )
    return Tokens(
        access_token=access,
        refresh_token=refresh,
        expires_in=state.config.access_ttl_seconds,
        password_change_required=user.password_expired(now),
    )


# Bounds the table of unknown logins a spraying client can grow; the oldest go first.
MAX_UNKNOWN_LOGINS = 10_000
# Checked for an unknown login so that it costs the time a real one does.
_DUMMY_HASH = hash_password("not-a-password", salt=b"\0" * 16)


def _invalid_credentials(failures: int) -> ApiError:
    return ApiError(
        401,
        "invalid_credentials",
        "Wrong login or password",
        {"attempts_left": max(MAX_FAILURES - failures, 0)},
    )


def _count_unknown_failure(state: ServerState, login: str) -> NoReturn:
    """Count a failure for a login that is no user exactly as for one that is, then refuse.

    The lockout comes after the same five failures and lasts as long; nothing else is stored.
    """
    now = state.clock.now()
    conn = state.conn
    row = conn.execute("SELECT * FROM unknown_logins WHERE login = ?", (login,)).fetchone()
    locked_until = parse_iso(row["locked_until"]) if row and row["locked_until"] else None
    if locked_until is not None and locked_until > now:
        raise _account_locked(locked_until)
    failures = (row["failed_attempts"] if row and locked_until is None else 0) + 1
    lock = now + LOCK_DURATION if failures >= MAX_FAILURES else None
    conn.execute(
        "INSERT INTO unknown_logins (login, failed_attempts, locked_until, updated_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(login) DO UPDATE SET "
        "failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until, "
        "updated_at = excluded.updated_at",
        (login, failures if lock is None else 0, iso(lock) if lock else None, iso(now)),
    )
    conn.execute(
        "DELETE FROM unknown_logins WHERE login NOT IN "
        "(SELECT login FROM unknown_logins ORDER BY updated_at DESC LIMIT ?)",
        (MAX_UNKNOWN_LOGINS,),
    )
    raise _invalid_credentials(failures)


def _account_locked(locked_until: datetime) -> ApiError:
    return ApiError(
        423,
        "account_locked",
        "Too many failed attempts; the account is locked",
        {"locked_until": iso(locked_until)},
    )


@router.post("/login", response_model=Tokens, responses={401: {}, 423: {}})
async def login(body: LoginRequest, request: Request) -> Tokens:
    """Sign in; a wrong password and an unknown login get the same answers, count and lock."""
    state = get_state(request)
    now = state.clock.now()
    login_name = body.login.strip().lower()
    row = state.conn.execute("SELECT * FROM users WHERE login = ?", (login_name,)).fetchone()
    if row is None:
        verify_password(body.password, _DUMMY_HASH)
        _count_unknown_failure(state, login_name)
    locked_until = parse_iso(row["locked_until"]) if row["locked_until"] else None
    if locked_until is not None and locked_until > now:
        raise _account_locked(locked_until)
    failures = row["failed_attempts"] if locked_until is None else 0
    if not verify_password(body.password, row["password_hash"]):
        failures += 1
        lock = iso(now + LOCK_DURATION) if failures >= MAX_FAILURES else None
        state.conn.execute(
            "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
            (failures if lock is None else 0, lock, row["id"]),
        )
        raise _invalid_credentials(failures)
    state.conn.execute(
        "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", (row["id"],)
    )
    user = load_user(state, row["id"])
    assert user is not None
    return issue_tokens(state, user)


@router.post("/refresh", response_model=Tokens, responses={401: {}})
async def refresh(body: RefreshRequest, request: Request) -> Tokens:
    state = get_state(request)
    row = state.conn.execute(
        "SELECT * FROM sessions WHERE refresh_hash = ?", (token_hash(body.refresh_token),)
    ).fetchone()
    if row is None or row["revoked"] or parse_iso(row["refresh_expires_at"]) <= state.clock.now():
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
    # Rotate: the old pair stops working the moment a new one is issued.
    state.conn.execute(
        "UPDATE sessions SET revoked = 1 WHERE access_hash = ?", (row["access_hash"],)
    )
    user = load_user(state, row["user_id"])
    if user is None:
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
    return issue_tokens(state, user)


@router.post("/logout", status_code=204, responses={401: {}})
async def logout(request: Request, user: User = Depends(authenticated)) -> None:
    """End the session: its tokens stop working and its open streams close with 4401 now."""
    state = get_state(request)
    access_hash = token_hash(bearer_token(request))
    state.conn.execute("UPDATE sessions SET revoked = 1 WHERE access_hash = ?", (access_hash,))
    state.hub.end_session(access_hash)


@router.post("/password", status_code=204, responses={401: {}, 403: {}, 422: {}})
async def change_password(
    body: PasswordChangeRequest, request: Request, user: User = Depends(authenticated)
) -> None:
    state = get_state(request)
    row = state.conn.execute("SELECT password_hash FROM users WHERE id = ?", (user.id,)).fetchone()
    if not verify_password(body.old_password, row["password_hash"]):
        raise ApiError(
            403,
            "wrong_password",
            "The current password is wrong",
            {"fields": {"old_password": "wrong_password"}},
        )
    violations = password_violations(body.new_password, body.old_password)
    if violations:
        raise ApiError(
            422,
            "password_policy",
            "The new password does not meet the policy",
            {
                "violations": [v.value for v in violations],
                "fields": {"new_password": "password_policy"},
            },
        )
    state.conn.execute(
        "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
        (hash_password(body.new_password), iso(state.clock.now()), user.id),
    )
