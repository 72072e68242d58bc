"""The authenticator second factor: TOTP secrets (encrypted at rest), codes, backup codes.

The secret is stored AES-GCM encrypted under a per-database key (meta `totp_key`), bound to
its user by the associated data; backup codes are stored as HMAC-SHA256 under a salt of their
own. Neither ever reaches a log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime
from urllib.parse import quote

import pyotp
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import get_meta, set_meta
from cesec_desktop.mockserver.state import ServerState

ISSUER = "Centras Securities"
DIGITS = 6
PERIOD = 30
DRIFT_STEPS = 1
BACKUP_CODE_COUNT = 10
_BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or typed
_KEY_META = "totp_key"
_SECRET_FORMAT = "v1"


def _key(state: ServerState) -> bytes:
    """This database's secret-encryption key, made on first use (a wipe makes a new one)."""
    stored = get_meta(state.conn, _KEY_META)
    if stored is None:
        stored = secrets.token_hex(32)
        set_meta(state.conn, _KEY_META, stored)
    return bytes.fromhex(stored)


def encrypt_secret(state: ServerState, user_id: str, secret: str) -> str:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_key(state)).encrypt(nonce, secret.encode(), user_id.encode())
    return f"{_SECRET_FORMAT}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt_secret(state: ServerState, user_id: str, stored: str) -> str:
    _, _, blob = stored.partition(":")
    raw = base64.b64decode(blob)
    return AESGCM(_key(state)).decrypt(raw[:12], raw[12:], user_id.encode()).decode()


def new_secret() -> str:
    """160 random bits in base32, as authenticator apps expect."""
    return pyotp.random_base32(32)


def otpauth_uri(login: str, secret: str) -> str:
    issuer = quote(ISSUER)
    return (
        f"otpauth://totp/{issuer}:{quote(login)}?secret={secret}&issuer={issuer}"
        f"&digits={DIGITS}&period={PERIOD}"
    )


def _normalised_totp(code: str) -> str:
    return "".join(code.split())


def matching_step(secret: str, code: str, at: datetime) -> int | None:
    """The time step (±1 around `at`) whose code this is, or None."""
    code = _normalised_totp(code)
    if len(code) != DIGITS or not (code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=PERIOD)
    now_step = int(at.timestamp()) // PERIOD
    found = None
    for step in range(now_step - DRIFT_STEPS, now_step + DRIFT_STEPS + 1):
        # Every step is compared (no early exit), in constant time.
        if hmac.compare_digest(totp.at(step * PERIOD).encode(), code.encode()):
            found = step
    return found


def check_totp(state: ServerState, user_id: str, code: str) -> bool:
    """The user's current authenticator code, not used before (a step at or before the last
    one used is a replay); a good code is remembered as used."""
    row = state.conn.execute(
        "SELECT totp_secret, totp_last_step FROM users WHERE id = ?", (user_id,)
    ).fetchone()
    if row is None or row["totp_secret"] is None:
        return False
    secret = decrypt_secret(state, user_id, row["totp_secret"])
    step = matching_step(secret, code, state.clock.now())
    if step is None:
        return False
    last = row["totp_last_step"]
    if last is not None and step <= last:
        return False
    state.conn.execute("UPDATE users SET totp_last_step = ? WHERE id = ?", (step, user_id))
    return True


def new_backup_codes() -> list[str]:
    """Ten codes like `k7p2-9xqa`."""
    return [
        "-".join("".join(secrets.choice(_BACKUP_ALPHABET) for _ in range(4)) for _ in range(2))
        for _ in range(BACKUP_CODE_COUNT)
    ]


def normalise_backup(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch not in " -\t")


def _backup_hash(salt: bytes, code: str) -> str:
    return hmac.new(salt, normalise_backup(code).encode(), hashlib.sha256).hexdigest()


def store_backup_codes(state: ServerState, user_id: str, codes: list[str]) -> None:
    """Replace the user's backup codes with these (hashed)."""
    state.conn.execute("DELETE FROM backup_codes WHERE user_id = ?", (user_id,))
    rows = []
    for code in codes:
        salt = secrets.token_bytes(16)
        rows.append((user_id, salt.hex(), _backup_hash(salt, code)))
    state.conn.executemany(
        "INSERT INTO backup_codes (user_id, salt, code_hash) VALUES (?, ?, ?)", rows
    )


def use_backup_code(state: ServerState, user_id: str, code: str) -> bool:
    """True, and the code is used up, if it is one of the user's unused backup codes."""
    if not normalise_backup(code):
        return False
    rows = state.conn.execute(
        "SELECT rowid, salt, code_hash FROM backup_codes WHERE user_id = ? AND used_at IS NULL",
        (user_id,),
    ).fetchall()
    found = None
    for row in rows:
        if hmac.compare_digest(_backup_hash(bytes.fromhex(row["salt"]), code), row["code_hash"]):
            found = row["rowid"]
    if found is None:
        return False
    state.conn.execute(
        "UPDATE backup_codes SET used_at = ? WHERE rowid = ?", (iso(state.clock.now()), found)
    )
    return True


def backup_codes_left(state: ServerState, user_id: str) -> int:
    row = state.conn.execute(
        "SELECT COUNT(*) AS n FROM backup_codes WHERE user_id = ? AND used_at IS NULL",
        (user_id,),
    ).fetchone()
    return int(row["n"])


def enable(state: ServerState, user_id: str, secret: str, codes: list[str]) -> None:
    """Put an authenticator in force with these backup codes (confirm, or the seed)."""
    state.conn.execute(
        "UPDATE users SET totp_secret = ?, totp_pending = NULL WHERE id = ?",
        (encrypt_secret(state, user_id, secret), user_id),
    )
    store_backup_codes(state, user_id, codes)


def disable(state: ServerState, user_id: str) -> None:
    """Remove the authenticator, its backup codes and every remembered computer."""
    state.conn.execute(
        "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL "
        "WHERE id = ?",
        (user_id,),
    )
    state.conn.execute("DELETE FROM backup_codes WHERE user_id = ?", (user_id,))
    state.conn.execute("DELETE FROM remembered_devices WHERE user_id = ?", (user_id,))
