"""Signed-in sessions: tokens, the computer and app each came from, and ending them.

A session is one sign-in. Its public id, computer name, app version, address and sign-in
time are kept across refresh rotations (each rotation is a new row with the same public id);
only the newest row of a live session is not revoked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from fastapi import Request

from cesec_desktop.domain.models.auth import SessionInfo, Tokens
from cesec_desktop.mockserver import lockout
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.deps import User
from cesec_desktop.mockserver.security import new_id, new_token, token_hash
from cesec_desktop.mockserver.state import ServerState

UNKNOWN_DEVICE = "Unknown computer"
UNKNOWN = "unknown"
MAX_DEVICE_NAME = 100
_APP_VERSION = re.compile(r"cesec-desktop/([0-9A-Za-z.+_-]{1,32})")


@dataclass(frozen=True)
class ClientInfo:
    """What the calling app says about itself (X-Device-Name, User-Agent) and its address."""

    device_name: str
    app_version: str
    ip: str


def _header_text(raw: str) -> str:
    """A header as the client meant it: HTTP carries bytes, read here as Latin-1; a UTF-8
    computer name ("Ноутбук") is decoded back."""
    try:
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw


def client_info(request: Request) -> ClientInfo:
    name = "".join(
        ch for ch in _header_text(request.headers.get("x-device-name", "")) if ch.isprintable()
    )
    name = name.strip()[:MAX_DEVICE_NAME] or UNKNOWN_DEVICE
    match = _APP_VERSION.search(request.headers.get("user-agent", ""))
    host = request.client.host if request.client is not None else ""
    return ClientInfo(name, match.group(1) if match else UNKNOWN, (host or UNKNOWN)[:64])


def _tokens(state: ServerState, user: User, access: str, refresh: str) -> Tokens:
    now = state.clock.now()
    reason = user.password_change_reason(now)
    return Tokens(
        access_token=access,
        refresh_token=refresh,
        expires_in=state.config.access_ttl_seconds,
        password_change_required=reason is not None,
        password_change_reason=reason,  # type: ignore[arg-type]
        password_expires_at=user.password_expires_at,
    )


def _insert(
    state: ServerState,
    user: User,
    public_id: str,
    info: ClientInfo,
    signed_in_at: str,
    device_id: str | None,
) -> Tokens:
    now = state.clock.now()
    access, refresh = new_token(), new_token()
    state.conn.execute(
        "INSERT INTO sessions (access_hash, refresh_hash, user_id, access_expires_at, "
        "refresh_expires_at, public_id, device_name, app_version, ip, signed_in_at, "
        "last_seen_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            token_hash(access),
            token_hash(refresh),
            user.id,
            iso(now + timedelta(seconds=state.config.access_ttl_seconds)),
            iso(now + timedelta(seconds=state.config.refresh_ttl_seconds)),
            public_id,
            info.device_name,
            info.app_version,
            info.ip,
            signed_in_at,
            iso(now),
            device_id,
        ),
    )
    return _tokens(state, user, access, refresh)


def complete_sign_in(
    state: ServerState, user: User, request: Request, device_id: str | None = None
) -> Tokens:
    """Issue tokens for a new session; only this clears the user's failure count."""
    lockout.clear(state, user.id)
    now = iso(state.clock.now())
    return _insert(state, user, new_id("ses"), client_info(request), now, device_id)


def rotate(state: ServerState, row: dict, user: User, request: Request) -> Tokens:
    """A refresh: the old pair stops working, the session keeps its identity."""
    state.conn.execute(
        "UPDATE sessions SET revoked = 1 WHERE access_hash = ?", (row["access_hash"],)
    )
    fresh = client_info(request)
    info = ClientInfo(
        row["device_name"] or fresh.device_name,
        row["app_version"] or fresh.app_version,
        row["ip"] or fresh.ip,
    )
    return _insert(
        state,
        user,
        row["public_id"] or new_id("ses"),
        info,
        row["signed_in_at"] or iso(state.clock.now()),
        row["device_id"],
    )


def current_row(state: ServerState, access_hash: str) -> dict | None:
    row = state.conn.execute(
        "SELECT * FROM sessions WHERE access_hash = ?", (access_hash,)
    ).fetchone()
    return dict(row) if row else None


def live_sessions(state: ServerState, user_id: str, current_hash: str) -> list[SessionInfo]:
    """The user's live sessions: the current one first, then the most recently seen."""
    now = iso(state.clock.now())
    rows = state.conn.execute(
        "SELECT * FROM sessions WHERE user_id = ? AND revoked = 0 AND refresh_expires_at > ?",
        (user_id, now),
    ).fetchall()
    items = []
    for row in rows:
        public_id = row["public_id"] or row["access_hash"][:16]
        signed_in = row["signed_in_at"] or row["access_expires_at"]
        items.append(
            SessionInfo(
                id=public_id,
                device_name=row["device_name"] or UNKNOWN_DEVICE,
                app_version=row["app_version"] or UNKNOWN,
                ip=row["ip"] or UNKNOWN,
                signed_in_at=parse_iso(signed_in),
                last_seen_at=parse_iso(row["last_seen_at"] or signed_in),
                current=row["access_hash"] == current_hash,
            )
        )
    items.sort(key=lambda s: s.last_seen_at, reverse=True)
    items.sort(key=lambda s: not s.current)
    return items


def _end_rows(state: ServerState, rows: list) -> int:
    for row in rows:
        state.conn.execute(
            "UPDATE sessions SET revoked = 1 WHERE access_hash = ?", (row["access_hash"],)
        )
        # Its open streams close with 4401 now, not when they next check the token.
        state.hub.end_session(row["access_hash"])
    return len(rows)


def end_session(state: ServerState, user_id: str, public_id: str) -> bool:
    """End one of the user's sessions; False if it is not theirs or not live."""
    rows = state.conn.execute(
        "SELECT access_hash FROM sessions WHERE user_id = ? AND revoked = 0 AND "
        "(public_id = ? OR (public_id IS NULL AND substr(access_hash, 1, 16) = ?))",
        (user_id, public_id, public_id),
    ).fetchall()
    return _end_rows(state, rows) > 0


def end_all(state: ServerState, user_id: str, keep_hash: str | None = None) -> int:
    """End every live session of the user but the one `keep_hash` belongs to."""
    rows = state.conn.execute(
        "SELECT access_hash FROM sessions WHERE user_id = ? AND revoked = 0 AND access_hash != ?",
        (user_id, keep_hash or ""),
    ).fetchall()
    return _end_rows(state, rows)
