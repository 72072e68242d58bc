"""`/auth/*`: login (with lockout and a second factor), refresh, logout, password change."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from cesec_desktop.domain.models.auth import (
    LoginAnswer,
    LoginRequest,
    PasswordChangeRequest,
    RefreshRequest,
    SecondFactorChallenge,
    Tokens,
)
from cesec_desktop.domain.password import password_violations
from cesec_desktop.mockserver import auth_challenges, lockout, remembered_devices, sessions_store
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.deps import (
    User,
    authenticated,
    bearer_token,
    get_state,
    load_user,
)
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.security import hash_password, token_hash, verify_password
from cesec_desktop.mockserver.state import ServerState

router = APIRouter(prefix="/auth", tags=["auth"])

SIGN_IN_METHODS = ["totp", "sms", "backup"]

# Checked for an unknown login so that it costs the time a real one does.
_DUMMY_HASH = hash_password("not-a-password", salt=b"\0" * 16)


def invalid_credentials(attempts_left: int) -> ApiError:
    return ApiError(
        401, "invalid_credentials", "Wrong login or password", {"attempts_left": attempts_left}
    )


def second_factor_challenge(
    state: ServerState, user: User, kind: str, methods: list[str]
) -> SecondFactorChallenge:
    """A correct password (or reset code) from a user with an authenticator: no tokens yet,
    and no SMS until asked for."""
    challenge = auth_challenges.create(state, kind, user.id, user.login, user.phone, methods)
    return SecondFactorChallenge(
        second_factor_required=True,
        challenge_id=challenge.id,
        methods=methods,  # type: ignore[arg-type]
        masked_phone=challenge.masked_phone,
        expires_at=challenge.expires_at,
    )


@router.post("/login", response_model=LoginAnswer, responses={401: {}, 423: {}})
async def login(body: LoginRequest, request: Request) -> Tokens | SecondFactorChallenge:
    """Sign in; a wrong password and an unknown login get the same answers, count and lock.

    A user with an authenticator gets a challenge instead of tokens, unless this computer was
    remembered. The failure count is cleared only when tokens are issued: a right password
    alone does not, or alternating it with wrong codes would never lock.
    """
    state = get_state(request)
    login_name = body.login.strip().lower()
    row = state.conn.execute("SELECT * FROM users WHERE login = ?", (login_name,)).fetchone()
    if row is None:
        verify_password(body.password, _DUMMY_HASH)
        subject = lockout.Subject.unknown(login_name)
        lockout.ensure_unlocked(state, subject)
        raise invalid_credentials(lockout.record_failure(state, subject).left)
    subject = lockout.Subject.user(row["id"])
    lockout.ensure_unlocked(state, subject)
    if not verify_password(body.password, row["password_hash"]):
        raise invalid_credentials(lockout.record_failure(state, subject).left)
    user = load_user(state, row["id"])
    assert user is not None
    if not user.second_factor:
        return sessions_store.complete_sign_in(state, user, request)
    device_id = (
        remembered_devices.match(state, user.id, body.device_token) if body.device_token else None
    )
    if device_id is not None:
        return sessions_store.complete_sign_in(state, user, request, device_id)
    return second_factor_challenge(state, user, "sign_in", SIGN_IN_METHODS)


@router.post("/refresh", response_model=Tokens, responses={401: {}})
async def refresh(body: RefreshRequest, request: Request) -> Tokens:
    state = get_state(request)
    row = state.conn.execute(
        "SELECT * FROM sessions WHERE refresh_hash = ?", (token_hash(body.refresh_token),)
    ).fetchone()
    if row is None or row["revoked"] or parse_iso(row["refresh_expires_at"]) <= state.clock.now():
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
    user = load_user(state, row["user_id"])
    if user is None:
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
    # Rotate: the old pair stops working the moment a new one is issued.
    return sessions_store.rotate(state, dict(row), user, request)


@router.post("/logout", status_code=204, responses={401: {}})
async def logout(request: Request, user: User = Depends(authenticated)) -> None:
    """End the session: its tokens stop working and its open streams close with 4401 now."""
    state = get_state(request)
    access_hash = token_hash(bearer_token(request))
    state.conn.execute("UPDATE sessions SET revoked = 1 WHERE access_hash = ?", (access_hash,))
    state.hub.end_session(access_hash)


def password_policy_error(violations: list) -> ApiError:
    return ApiError(
        422,
        "password_policy",
        "The new password does not meet the policy",
        {
            "violations": [v.value for v in violations],
            "fields": {"new_password": "password_policy"},
        },
    )


def set_password(state: ServerState, user_id: str, new_password: str) -> None:
    """A password the user chose: 60 days from now, and no longer the broker-issued one."""
    state.conn.execute(
        "UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = 0 "
        "WHERE id = ?",
        (hash_password(new_password), iso(state.clock.now()), user_id),
    )


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
        raise password_policy_error(violations)
    set_password(state, user.id, body.new_password)
