"""Sign-in and password-reset challenges, and the SMS code each may carry.

Kinds: "sign_in" (a correct password from a user with an authenticator), "reset" (forgot
password: the SMS proves the phone) and "reset_factor" (a reset of a user with an
authenticator: the authenticator or a backup code still has to prove it is them).

SMS codes follow the signing codes' rules (signing.py): 5 minutes, a new one after 60 s,
3 tries. A reset for a login that is no user gets a challenge of the same shape that sends
nothing and whose code never matches, so no answer tells which logins exist.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from cesec_desktop.domain.models.auth import SmsSent
from cesec_desktop.domain.phones import mask_phone
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.db import get_meta, set_meta
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.security import new_id
from cesec_desktop.mockserver.signing import (
    OTP_ATTEMPTS,
    OTP_RESEND_AFTER,
    OTP_TTL,
    record_outbox,
)
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger("cesec_desktop.mockserver.sms")

CHALLENGE_TTL = timedelta(minutes=5)
PRUNE_AFTER = timedelta(days=1)
_MASK_KEY_META = "reset_mask_key"
# Kazakhstan mobile prefixes a made-up number for an unknown login is drawn from.
_PREFIXES = ("700", "701", "702", "705", "707", "747", "771", "775", "776", "777", "778")


@dataclass(frozen=True)
class Challenge:
    id: str
    kind: str
    user_id: str | None
    login: str
    phone: str
    methods: list[str]
    expires_at: datetime
    code: str | None
    code_expires_at: datetime | None
    code_resend_after: datetime | None
    code_attempts_left: int

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


def challenge_expired() -> ApiError:
    return ApiError(410, "challenge_expired", "The sign-in has expired; start again")


def otp_expired(attempts_left: int | None = None) -> ApiError:
    details = {"attempts_left": attempts_left} if attempts_left is not None else None
    return ApiError(410, "otp_expired", "The code has expired; request a new one", details)


def plausible_phone(state: ServerState, login: str) -> str:
    """A made-up mobile number for a login that is no user, the same for the same login."""
    key = get_meta(state.conn, _MASK_KEY_META)
    if key is None:
        key = secrets.token_hex(32)
        set_meta(state.conn, _MASK_KEY_META, key)
    digest = hmac.new(bytes.fromhex(key), login.encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big")
    prefix = _PREFIXES[number % len(_PREFIXES)]
    return f"+7{prefix}{number // len(_PREFIXES) % 10**7:07d}"


def create(
    state: ServerState,
    kind: str,
    user_id: str | None,
    login: str,
    phone: str,
    methods: list[str],
) -> Challenge:
    now = state.clock.now()
    # Ended challenges are kept a day (for a tester's eyes), then dropped: the table stays small.
    state.conn.execute(
        "DELETE FROM auth_challenges WHERE expires_at < ?", (iso(now - PRUNE_AFTER),)
    )
    challenge_id = new_id("chl")
    state.conn.execute(
        "INSERT INTO auth_challenges (id, kind, user_id, login, phone, methods, created_at, "
        "expires_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
        (
            challenge_id,
            kind,
            user_id,
            login,
            phone,
            json.dumps(methods),
            iso(now),
            iso(now + CHALLENGE_TTL),
        ),
    )
    return live(state, challenge_id, (kind,))


def live(state: ServerState, challenge_id: str, kinds: tuple[str, ...]) -> Challenge:
    """A pending challenge of one of these kinds, or 410 challenge_expired."""
    row = state.conn.execute(
        "SELECT * FROM auth_challenges WHERE id = ?", (challenge_id,)
    ).fetchone()
    if (
        row is None
        or row["kind"] not in kinds
        or row["status"] != "pending"
        or parse_iso(row["expires_at"]) <= state.clock.now()
    ):
        raise challenge_expired()
    return Challenge(
        id=row["id"],
        kind=row["kind"],
        user_id=row["user_id"],
        login=row["login"],
        phone=row["phone"],
        methods=json.loads(row["methods"]),
        expires_at=parse_iso(row["expires_at"]),
        code=row["code"],
        code_expires_at=parse_iso(row["code_expires_at"]) if row["code_expires_at"] else None,
        code_resend_after=(
            parse_iso(row["code_resend_after"]) if row["code_resend_after"] else None
        ),
        code_attempts_left=row["code_attempts_left"],
    )


def finish(state: ServerState, challenge_id: str, status: str = "used") -> None:
    """The challenge did its job ("used") or may not go on ("dead")."""
    state.conn.execute("UPDATE auth_challenges SET status = ? WHERE id = ?", (status, challenge_id))


def send_code(
    state: ServerState, challenge: Challenge, purpose: str, *, extend: bool = False
) -> SmsSent:
    """A new code for the challenge (it replaces the last one), unless one went out under a
    minute ago (429 resend_too_soon). `extend`: the challenge lives as long as its newest code
    (a reset); a sign-in keeps its own 5 minutes."""
    now = state.clock.now()
    if challenge.code_resend_after is not None and challenge.code_resend_after > now:
        wait = int((challenge.code_resend_after - now).total_seconds()) + 1
        raise ApiError(
            429,
            "resend_too_soon",
            "A code was sent recently; wait before resending",
            {"resend_after": iso(challenge.code_resend_after), "retry_after": wait},
        )
    # An unknown login's challenge sends nothing; its code is None and never matches.
    code = f"{secrets.randbelow(1_000_000):06d}" if challenge.user_id is not None else None
    expires_at, resend_after = now + OTP_TTL, now + OTP_RESEND_AFTER
    challenge_end = max(challenge.expires_at, expires_at) if extend else challenge.expires_at
    state.conn.execute(
        "UPDATE auth_challenges SET code = ?, code_expires_at = ?, code_resend_after = ?, "
        "code_attempts_left = ?, expires_at = ? WHERE id = ?",
        (
            code,
            iso(expires_at),
            iso(resend_after),
            OTP_ATTEMPTS,
            iso(challenge_end),
            challenge.id,
        ),
    )
    if code is not None:
        record_outbox(state, challenge.phone, challenge.id, code, purpose)
        # Unlike a signing code, a sign-in or reset code opens the account itself: the log
        # says that one went out, never the code (a tester reads it in /mock/sms-outbox).
        log.info("SMS to %s: %s code sent", challenge.masked_phone, purpose)
    return SmsSent(
        masked_phone=challenge.masked_phone,
        expires_at=expires_at,
        resend_after=resend_after,
        attempts_left=OTP_ATTEMPTS,
    )


def check_code(state: ServerState, challenge: Challenge, code: str) -> tuple[bool, int]:
    """Whether `code` is the challenge's current SMS code, and the tries it has left.

    410 otp_expired when there is no live code (none sent, past 5 minutes, tries used up).
    A right code is not used up here: the caller ends the challenge once all else passed.
    """
    now = state.clock.now()
    if (
        challenge.code_expires_at is None
        or challenge.code_expires_at <= now
        or challenge.code_attempts_left <= 0
    ):
        raise otp_expired()
    given = "".join(code.split())
    if challenge.code is not None and secrets.compare_digest(
        challenge.code.encode(), given.encode()
    ):
        return True, challenge.code_attempts_left
    left = challenge.code_attempts_left - 1
    state.conn.execute(
        "UPDATE auth_challenges SET code_attempts_left = ? WHERE id = ?", (left, challenge.id)
    )
    return False, left
