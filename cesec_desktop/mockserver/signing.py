"""Drafts, SMS one-time codes and signature checks shared by orders and withdrawals.

A draft stores the exact document text. A confirm must carry either the right SMS code for a
challenge on that draft, or a CMS whose encapsulated content is exactly that text, signed by
a certificate under the mock's test CA that names the client's IIN. A CMS may also carry a
timestamp token from a TSA under that CA (CAdES-T, see tsp.py): its time is the signing time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from cesec_desktop.domain.models.signing import EdsSignature, SmsChallenge, SmsSignature
from cesec_desktop.domain.phones import mask_phone
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.deps import User
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.security import new_id
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger("cesec_desktop.mockserver.sms")

DRAFT_TTL = timedelta(minutes=15)
OTP_TTL = timedelta(minutes=5)
OTP_RESEND_AFTER = timedelta(seconds=60)
OTP_ATTEMPTS = 3


@dataclass(frozen=True)
class Draft:
    id: str
    user_id: str
    kind: str
    payload: dict[str, Any]
    document_text: str
    document_sha256: str
    expires_at: datetime
    used: bool


def create_draft(
    state: ServerState,
    user: User,
    kind: str,
    payload: dict[str, Any],
    document_text: str | Callable[[str], str],
) -> Draft:
    """Store a draft; the text may be a function of the new draft's id, which it cites."""
    now = state.clock.now()
    draft_id = new_id("drf")
    if callable(document_text):
        document_text = document_text(draft_id)
    draft = Draft(
        id=draft_id,
        user_id=user.id,
        kind=kind,
        payload=payload,
        document_text=document_text,
        document_sha256=hashlib.sha256(document_text.encode()).hexdigest(),
        expires_at=now + DRAFT_TTL,
        used=False,
    )
    state.conn.execute(
        "INSERT INTO drafts (id, user_id, kind, payload, document_text, document_sha256, "
        "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            draft.id,
            user.id,
            kind,
            json.dumps(payload),
            document_text,
            draft.document_sha256,
            iso(now),
            iso(draft.expires_at),
        ),
    )
    return draft


def load_draft(state: ServerState, user: User, draft_id: str, kind: str | None = None) -> Draft:
    row = state.conn.execute(
        "SELECT * FROM drafts WHERE id = ? AND user_id = ?", (draft_id, user.id)
    ).fetchone()
    if row is None or (kind is not None and row["kind"] != kind):
        raise ApiError(
            404, "draft_not_found", "Draft not found", {"fields": {"draft_id": "not_found"}}
        )
    return Draft(
        id=row["id"],
        user_id=row["user_id"],
        kind=row["kind"],
        payload=json.loads(row["payload"]),
        document_text=row["document_text"],
        document_sha256=row["document_sha256"],
        expires_at=parse_iso(row["expires_at"]),
        used=bool(row["used"]),
    )


def usable_draft(state: ServerState, user: User, draft_id: str, kind: str | None = None) -> Draft:
    draft = load_draft(state, user, draft_id, kind)
    if draft.used:
        raise ApiError(409, "draft_used", "This document has already been signed and sent")
    if draft.expires_at <= state.clock.now():
        raise ApiError(410, "draft_expired", "The draft has expired; create it again")
    return draft


def record_outbox(
    state: ServerState, phone: str, challenge_id: str, code: str, purpose: str
) -> None:
    """What the mock's SMS gateway "sent": `/mock/sms-outbox` shows it to a tester.

    `purpose` is "signing", "sign_in" or "password_reset".
    """
    state.conn.execute(
        "INSERT INTO sms_outbox (phone, challenge_id, code, sent_at, purpose) "
        "VALUES (?, ?, ?, ?, ?)",
        (phone, challenge_id, code, iso(state.clock.now()), purpose),
    )


def send_sms_challenge(state: ServerState, user: User, draft_id: str) -> SmsChallenge:
    """Send a fresh code for the draft, unless the last one was sent under a minute ago."""
    draft = usable_draft(state, user, draft_id)
    now = state.clock.now()
    last = state.conn.execute(
        "SELECT resend_after FROM sms_challenges WHERE draft_id = ? AND status = 'pending' "
        "ORDER BY created_at DESC LIMIT 1",
        (draft.id,),
    ).fetchone()
    if last is not None and parse_iso(last["resend_after"]) > now:
        wait = int((parse_iso(last["resend_after"]) - now).total_seconds()) + 1
        raise ApiError(
            429,
            "resend_too_soon",
            "A code was sent recently; wait before resending",
            {"retry_after": wait},
        )
    # A new code replaces any earlier one for this draft.
    state.conn.execute(
        "UPDATE sms_challenges SET status = 'superseded' WHERE draft_id = ? AND status = 'pending'",
        (draft.id,),
    )
    code = f"{secrets.randbelow(1_000_000):06d}"
    challenge_id = new_id("sms")
    expires_at, resend_after = now + OTP_TTL, now + OTP_RESEND_AFTER
    state.conn.execute(
        "INSERT INTO sms_challenges (id, draft_id, user_id, code, phone, created_at, expires_at, "
        "resend_after, attempts_left, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
        (
            challenge_id,
            draft.id,
            user.id,
            code,
            user.phone,
            iso(now),
            iso(expires_at),
            iso(resend_after),
            OTP_ATTEMPTS,
        ),
    )
    record_outbox(state, user.phone, challenge_id, code, "signing")
    # The mock's "SMS gateway" is its log: a tester reads the code here or in /mock/sms-outbox.
    log.info("SMS to %s: code %s (challenge %s)", user.phone, code, challenge_id)
    return SmsChallenge(
        challenge_id=challenge_id,
        phone_masked=mask_phone(user.phone),
        expires_at=expires_at,
        resend_after=resend_after,
        attempts_left=OTP_ATTEMPTS,
    )


def _check_sms(state: ServerState, user: User, draft: Draft, sig: SmsSignature) -> None:
    row = state.conn.execute(
        "SELECT * FROM sms_challenges WHERE id = ? AND user_id = ? AND draft_id = ?",
        (sig.challenge_id, user.id, draft.id),
    ).fetchone()
    if row is None:
        raise ApiError(
            404,
            "challenge_not_found",
            "No such SMS challenge for this document",
            {"fields": {"challenge_id": "not_found"}},
        )
    if row["status"] == "exhausted":
        raise ApiError(410, "otp_exhausted", "Too many wrong codes; request a new one")
    if row["status"] != "pending" or parse_iso(row["expires_at"]) <= state.clock.now():
        raise ApiError(410, "otp_expired", "The code has expired; request a new one")
    if secrets.compare_digest(row["code"], sig.code.strip()):
        state.conn.execute("UPDATE sms_challenges SET status = 'used' WHERE id = ?", (row["id"],))
        return
    attempts_left = row["attempts_left"] - 1
    status = "pending" if attempts_left > 0 else "exhausted"
    state.conn.execute(
        "UPDATE sms_challenges SET attempts_left = ?, status = ? WHERE id = ?",
        (attempts_left, status, row["id"]),
    )
    if attempts_left <= 0:
        raise ApiError(
            410, "otp_exhausted", "Too many wrong codes; request a new one", {"attempts_left": 0}
        )
    raise ApiError(
        422,
        "otp_invalid",
        "Wrong code",
        {
            "attempts_left": attempts_left,
            "fields": {"code": "otp_invalid"},
        },
    )


@lru_cache(maxsize=1)
def _trusted_ca() -> Any:
    from cesec_desktop.mockserver.pki import load_ca

    return load_ca()[0]


def _check_eds(state: ServerState, user: User, draft: Draft, sig: EdsSignature) -> datetime | None:
    """Verify the CMS, then its timestamp (CAdES-T); returns the time stamped, if any."""
    from cesec_desktop.mockserver.cms import CmsError, verify_cms
    from cesec_desktop.mockserver.tsp import TimestampError, verify_timestamp

    try:
        signer = verify_cms(
            sig.cms, draft.document_text.encode(), _trusted_ca(), at=state.clock.now()
        )
    except CmsError as exc:
        raise ApiError(422, exc.code, str(exc)) from exc
    if signer.iin != user.iin:
        raise ApiError(
            422, "signer_mismatch", "The certificate belongs to another person (IIN does not match)"
        )
    try:
        return verify_timestamp(sig.cms, _trusted_ca())
    except TimestampError as exc:
        raise ApiError(422, "timestamp_invalid", exc.message, {"reason": exc.code}) from exc


@dataclass(frozen=True)
class SignatureCheck:
    """How a document was signed, and when, as far as the signature proves it."""

    method: str
    """"sms" or "eds"."""
    signed_at: datetime | None = None
    """The genTime of the CMS's timestamp token (CAdES-T); None for SMS or no token."""


def check_signature(
    state: ServerState, user: User, draft: Draft, signature: SmsSignature | EdsSignature
) -> SignatureCheck:
    """Verify the signature for the draft; returns its method and proven signing time.

    One rule for orders and withdrawals: call it last, after every check the client can fix
    (not enough cash, securities or available cash any more). A confirm refused for such a
    reason leaves the SMS code unused, so the same code confirms once the client has fixed it;
    only a wrong code counts against its 3 attempts (422 `otp_invalid` with `attempts_left`,
    410 `otp_exhausted` after the third), and only a confirmed document uses it up.

    An EDS signature may carry a timestamp token (CAdES-T): when it does, the token must
    verify (else 422 `timestamp_invalid`) and its genTime is the signing time.
    """
    if isinstance(signature, SmsSignature):
        _check_sms(state, user, draft, signature)
        return SignatureCheck(signature.method)
    return SignatureCheck(signature.method, _check_eds(state, user, draft, signature))


def mark_draft_used(state: ServerState, draft: Draft) -> None:
    state.conn.execute("UPDATE drafts SET used = 1 WHERE id = ?", (draft.id,))
