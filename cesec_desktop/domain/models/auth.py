"""Authentication: sign-in (with a second factor), password change and recovery, sessions."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from cesec_desktop.domain.models.base import MAX_NAME, Model, Request

SecondFactorMethod = Literal["sms", "totp", "backup"]
PasswordChangeReason = Literal["expired", "initial"]


class LoginRequest(Request):
    login: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=128)
    device_token: str | None = Field(default=None, max_length=256)
    """A remembered computer's token: with it, a user with a second factor skips the challenge."""


class RefreshRequest(Request):
    refresh_token: str = Field(min_length=1, max_length=256)


class Tokens(Model):
    access_token: str = Field(max_length=512)
    refresh_token: str = Field(max_length=512)
    expires_in: int
    password_change_required: bool = False
    password_change_reason: PasswordChangeReason | None = None
    """Why the password must change before anything else: its 60 days ran out, or the broker
    issued it."""
    password_expires_at: datetime | None = None
    """When the current password expires (60 days after it was set)."""
    device_token: str | None = Field(default=None, max_length=512)
    """Only after a second factor with `remember_device`: keep it (keyring) for 30 days."""


class SecondFactorChallenge(Model):
    """A correct password from a user with a second factor: prove it is them before tokens."""

    second_factor_required: Literal[True]
    challenge_id: str = Field(max_length=64)
    methods: list[SecondFactorMethod] = Field(min_length=1, max_length=3)
    masked_phone: str = Field(max_length=32)
    expires_at: datetime
    """The challenge's own end (5 minutes); after it the user signs in again."""


LoginAnswer = Tokens | SecondFactorChallenge
"""What `POST /auth/login` and `POST /auth/password/reset` answer."""


class SecondFactorRequest(Request):
    challenge_id: str = Field(min_length=1, max_length=64)
    method: SecondFactorMethod
    code: str = Field(min_length=1, max_length=32)
    remember_device: bool = Field(default=False, strict=True)
    """Strict: a 0 or "yes" is a 422, not a guess."""


class SecondFactorSmsRequest(Request):
    challenge_id: str = Field(min_length=1, max_length=64)


class SmsSent(Model):
    """An SMS code was sent for a sign-in or reset challenge."""

    masked_phone: str = Field(max_length=32)
    expires_at: datetime
    resend_after: datetime
    attempts_left: int


class TotpSetup(Model):
    """A new authenticator secret, not in force until one code confirms it."""

    secret: str = Field(max_length=64)
    otpauth_uri: str = Field(max_length=512)


class TotpConfirmRequest(Request):
    code: str = Field(min_length=1, max_length=16)


class BackupCodes(Model):
    """Ten single-use codes, shown once; the server keeps only their hashes."""

    backup_codes: list[str] = Field(min_length=1, max_length=20)


class TotpRemoveRequest(Request):
    password: str = Field(min_length=1, max_length=128)
    code: str = Field(min_length=1, max_length=32)


class PasswordForgotRequest(Request):
    login: str = Field(min_length=1, max_length=64)
    """A login or an IIN."""


class PasswordResetChallenge(Model):
    """The same shape whether or not the login exists: nothing tells them apart."""

    challenge_id: str = Field(max_length=64)
    masked_phone: str = Field(max_length=32)
    expires_at: datetime
    resend_after: datetime


class PasswordResetRequest(Request):
    challenge_id: str = Field(min_length=1, max_length=64)
    code: str = Field(min_length=1, max_length=16)
    new_password: str = Field(min_length=1, max_length=128)


class PasswordChangeRequest(Request):
    old_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=1, max_length=128)


class SessionInfo(Model):
    """One signed-in session of the user (one app on one computer)."""

    id: str = Field(max_length=64)
    device_name: str = Field(max_length=MAX_NAME)
    app_version: str = Field(max_length=64)
    ip: str = Field(max_length=64)
    signed_in_at: datetime
    last_seen_at: datetime
    current: bool = False
    """The session this call was made with."""


class DeviceInfo(Model):
    """A computer remembered after a second factor (skips it for 30 days)."""

    id: str = Field(max_length=64)
    device_name: str = Field(max_length=MAX_NAME)
    remembered_at: datetime
    expires_at: datetime
    last_used_at: datetime | None = None
    current: bool = False
    """The device token this session signed in with."""
