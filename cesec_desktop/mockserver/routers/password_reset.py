"""`/auth/password/forgot*` and `/auth/password/reset`: a new password by an SMS code.

A login that is no user is answered exactly alike (same shape, a plausible masked number,
the same errors and lockout), and nothing is sent. The new password is checked only after
the code is right, so a password the policy refuses does not burn the code.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from cesec_desktop.domain.models.auth import (
    LoginAnswer,
    PasswordForgotRequest,
    PasswordResetChallenge,
    PasswordResetRequest,
    SecondFactorChallenge,
    SecondFactorSmsRequest,
    SmsSent,
    Tokens,
)
from cesec_desktop.domain.password import password_violations
from cesec_desktop.mockserver import (
    auth_challenges,
    lockout,
    remembered_devices,
    sessions_store,
)
from cesec_desktop.mockserver.deps import get_state, load_user
from cesec_desktop.mockserver.routers.auth import (
    password_policy_error,
    second_factor_challenge,
    set_password,
)
from cesec_desktop.mockserver.routers.second_factor import otp_invalid
from cesec_desktop.mockserver.security import verify_password
from cesec_desktop.mockserver.state import ServerState

router = APIRouter(prefix="/auth/password", tags=["auth"])

PURPOSE = "password_reset"
RESET_FACTOR_METHODS = ["totp", "backup"]
"""The SMS proved the phone: it cannot be the second factor too."""


def _subject(challenge: auth_challenges.Challenge) -> lockout.Subject:
    if challenge.user_id is not None:
        return lockout.Subject.user(challenge.user_id)
    return lockout.Subject.unknown(challenge.login)


@router.post("/forgot", response_model=PasswordResetChallenge, responses={423: {}})
async def forgot(body: PasswordForgotRequest, request: Request) -> PasswordResetChallenge:
    """Send a reset code to the user's phone (by login or IIN)."""
    state = get_state(request)
    name = body.login.strip().lower()
    row = state.conn.execute(
        "SELECT id, login, phone FROM users WHERE login = ? OR iin = ? ORDER BY login = ? DESC",
        (name, name, name),
    ).fetchone()
    if row is None:
        lockout.ensure_unlocked(state, lockout.Subject.unknown(name))
        challenge = auth_challenges.create(
            state, "reset", None, name, auth_challenges.plausible_phone(state, name), ["sms"]
        )
    else:
        lockout.ensure_unlocked(state, lockout.Subject.user(row["id"]))
        challenge = auth_challenges.create(
            state, "reset", row["id"], row["login"], row["phone"], ["sms"]
        )
    sent = auth_challenges.send_code(state, challenge, PURPOSE, extend=True)
    return PasswordResetChallenge(
        challenge_id=challenge.id,
        masked_phone=sent.masked_phone,
        expires_at=sent.expires_at,
        resend_after=sent.resend_after,
    )


@router.post("/forgot/sms", response_model=SmsSent, responses={410: {}, 429: {}})
async def resend(body: SecondFactorSmsRequest, request: Request) -> SmsSent:
    state = get_state(request)
    challenge = auth_challenges.live(state, body.challenge_id, ("reset",))
    return auth_challenges.send_code(state, challenge, PURPOSE, extend=True)


def _end_everything(state: ServerState, user_id: str) -> None:
    """A reset: whoever knew the old password is signed out everywhere and forgotten."""
    sessions_store.end_all(state, user_id)
    remembered_devices.forget_all(state, user_id)


@router.post("/reset", response_model=LoginAnswer, responses={410: {}, 422: {}, 423: {}})
async def reset(body: PasswordResetRequest, request: Request) -> Tokens | SecondFactorChallenge:
    """Set a new password with the SMS code; answers like a login."""
    state = get_state(request)
    challenge = auth_challenges.live(state, body.challenge_id, ("reset",))
    subject = _subject(challenge)
    if lockout.active_lock(state, subject) is not None:
        auth_challenges.finish(state, challenge.id, "dead")
        lockout.ensure_unlocked(state, subject)
    ok, tries_left = auth_challenges.check_code(state, challenge, body.code)
    if not ok:
        failure = lockout.record_failure(state, subject)
        if failure.locked_until is not None:
            auth_challenges.finish(state, challenge.id, "dead")
            raise lockout.account_locked(failure.locked_until)
        if tries_left <= 0:
            raise auth_challenges.otp_expired(0)
        raise otp_invalid(min(tries_left, failure.left))
    assert challenge.user_id is not None  # an unknown login's code never matches
    row = state.conn.execute(
        "SELECT password_hash FROM users WHERE id = ?", (challenge.user_id,)
    ).fetchone()
    current = (
        body.new_password if verify_password(body.new_password, row["password_hash"]) else None
    )
    violations = password_violations(body.new_password, current)
    if violations:
        raise password_policy_error(violations)
    auth_challenges.finish(state, challenge.id)
    set_password(state, challenge.user_id, body.new_password)
    _end_everything(state, challenge.user_id)
    user = load_user(state, challenge.user_id)
    assert user is not None
    if user.second_factor:
        return second_factor_challenge(state, user, "reset_factor", RESET_FACTOR_METHODS)
    return sessions_store.complete_sign_in(state, user, request)
