"""`/auth/second-factor*` and `/auth/totp*`: proving a sign-in, and setting the factor up."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from cesec_desktop.domain.models.auth import (
    BackupCodes,
    SecondFactorRequest,
    SecondFactorSmsRequest,
    SmsSent,
    Tokens,
    TotpConfirmRequest,
    TotpRemoveRequest,
    TotpSetup,
)
from cesec_desktop.mockserver import (
    auth_challenges,
    lockout,
    remembered_devices,
    sessions_store,
    two_factor,
)
from cesec_desktop.mockserver.deps import User, current_user, get_state, load_user
from cesec_desktop.mockserver.errors import ApiError, validation_error
from cesec_desktop.mockserver.security import verify_password

router = APIRouter(prefix="/auth", tags=["auth"])

FACTOR_KINDS = ("sign_in", "reset_factor")


def otp_invalid(attempts_left: int | None = None) -> ApiError:
    details: dict[str, object] = {"fields": {"code": "otp_invalid"}}
    if attempts_left is not None:
        details["attempts_left"] = attempts_left
    return ApiError(422, "otp_invalid", "Wrong code", details)


@router.post("/second-factor", response_model=Tokens, responses={410: {}, 422: {}, 423: {}})
async def verify_second_factor(body: SecondFactorRequest, request: Request) -> Tokens:
    """Tokens for a challenge proved by an authenticator code, an SMS code or a backup code.

    Every wrong code counts toward the user's lockout with wrong passwords; the failure that
    reaches five locks the account (423) and ends the challenge.
    """
    state = get_state(request)
    challenge = auth_challenges.live(state, body.challenge_id, FACTOR_KINDS)
    if body.method not in challenge.methods:
        raise validation_error({"method": "not_offered"}, "This method is not offered here")
    assert challenge.user_id is not None
    subject = lockout.Subject.user(challenge.user_id)
    if lockout.active_lock(state, subject) is not None:
        auth_challenges.finish(state, challenge.id, "dead")
        lockout.ensure_unlocked(state, subject)
    sms_tries_left: int | None = None
    if body.method == "totp":
        ok = two_factor.check_totp(state, challenge.user_id, body.code)
    elif body.method == "backup":
        ok = two_factor.use_backup_code(state, challenge.user_id, body.code)
    else:
        ok, sms_tries_left = auth_challenges.check_code(state, challenge, body.code)
    if not ok:
        failure = lockout.record_failure(state, subject)
        if failure.locked_until is not None:
            auth_challenges.finish(state, challenge.id, "dead")
            raise lockout.account_locked(failure.locked_until)
        if sms_tries_left is None:
            raise otp_invalid(failure.left)
        if sms_tries_left <= 0:
            raise auth_challenges.otp_expired(0)
        raise otp_invalid(min(sms_tries_left, failure.left))
    auth_challenges.finish(state, challenge.id)
    user = load_user(state, challenge.user_id)
    if user is None:
        raise auth_challenges.challenge_expired()
    device_id = device_token = None
    if body.remember_device:
        name = sessions_store.client_info(request).device_name
        device_id, device_token = remembered_devices.remember(state, user.id, name)
    tokens = sessions_store.complete_sign_in(state, user, request, device_id)
    return tokens.model_copy(update={"device_token": device_token})


@router.post("/second-factor/sms", response_model=SmsSent, responses={410: {}, 429: {}})
async def send_sign_in_sms(body: SecondFactorSmsRequest, request: Request) -> SmsSent:
    """A code by SMS for a sign-in challenge (never for a reset's: the SMS proved that)."""
    state = get_state(request)
    challenge = auth_challenges.live(state, body.challenge_id, FACTOR_KINDS)
    if "sms" not in challenge.methods:
        raise validation_error({"challenge_id": "sms_not_offered"}, "No SMS for this challenge")
    return auth_challenges.send_code(state, challenge, "sign_in")


@router.post("/totp/setup", response_model=TotpSetup, responses={401: {}, 403: {}, 409: {}})
async def totp_setup(request: Request, user: User = Depends(current_user)) -> TotpSetup:
    """A new secret, pending until a code from it confirms it (a new set-up replaces it)."""
    if user.second_factor:
        raise ApiError(409, "second_factor_enabled", "An authenticator is already set up")
    state = get_state(request)
    secret = two_factor.new_secret()
    state.conn.execute(
        "UPDATE users SET totp_pending = ? WHERE id = ?",
        (two_factor.encrypt_secret(state, user.id, secret), user.id),
    )
    return TotpSetup(secret=secret, otpauth_uri=two_factor.otpauth_uri(user.login, secret))


@router.post(
    "/totp/confirm", response_model=BackupCodes, responses={401: {}, 403: {}, 409: {}, 422: {}}
)
async def totp_confirm(
    body: TotpConfirmRequest, request: Request, user: User = Depends(current_user)
) -> BackupCodes:
    """Put the pending secret in force; answers ten new backup codes, shown only now."""
    state = get_state(request)
    row = state.conn.execute("SELECT totp_pending FROM users WHERE id = ?", (user.id,)).fetchone()
    if user.second_factor or row["totp_pending"] is None:
        raise ApiError(409, "no_pending_setup", "No authenticator set-up is waiting")
    secret = two_factor.decrypt_secret(state, user.id, row["totp_pending"])
    step = two_factor.matching_step(secret, body.code, state.clock.now())
    if step is None:
        raise otp_invalid()
    codes = two_factor.new_backup_codes()
    two_factor.enable(state, user.id, secret, codes)
    # The confirming code is used: it may not also sign in.
    state.conn.execute("UPDATE users SET totp_last_step = ? WHERE id = ?", (step, user.id))
    return BackupCodes(backup_codes=codes)


@router.delete("/totp", status_code=204, responses={401: {}, 403: {}, 409: {}, 422: {}})
async def totp_remove(
    body: TotpRemoveRequest, request: Request, user: User = Depends(current_user)
) -> None:
    """Remove the authenticator, its backup codes and every remembered computer."""
    state = get_state(request)
    if not user.second_factor:
        raise ApiError(409, "second_factor_disabled", "No authenticator is set up")
    row = state.conn.execute("SELECT password_hash FROM users WHERE id = ?", (user.id,)).fetchone()
    if not verify_password(body.password, row["password_hash"]):
        raise ApiError(
            403,
            "wrong_password",
            "The current password is wrong",
            {"fields": {"password": "wrong_password"}},
        )
    if not (
        two_factor.check_totp(state, user.id, body.code)
        or two_factor.use_backup_code(state, user.id, body.code)
    ):
        raise otp_invalid()
    two_factor.disable(state, user.id)
