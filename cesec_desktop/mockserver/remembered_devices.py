"""Computers that skip the second factor for 30 days; only each token's hash is stored."""

from __future__ import annotations

from datetime import timedelta

from cesec_desktop.domain.models.auth import DeviceInfo
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.security import new_id, new_token, token_hash
from cesec_desktop.mockserver.state import ServerState

REMEMBER_FOR = timedelta(days=30)


def remember(state: ServerState, user_id: str, device_name: str) -> tuple[str, str]:
    """A new remembered computer: (its id, the token the client keeps)."""
    now = state.clock.now()
    device_id, token = new_id("dev"), new_token()
    state.conn.execute(
        "INSERT INTO remembered_devices (id, user_id, token_hash, device_name, remembered_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        (device_id, user_id, token_hash(token), device_name, iso(now), iso(now + REMEMBER_FOR)),
    )
    return device_id, token


def match(state: ServerState, user_id: str, token: str) -> str | None:
    """The id of this user's live remembered computer with this token, noted as used."""
    now = state.clock.now()
    row = state.conn.execute(
        "SELECT id, expires_at FROM remembered_devices WHERE token_hash = ? AND user_id = ?",
        (token_hash(token), user_id),
    ).fetchone()
    if row is None or parse_iso(row["expires_at"]) <= now:
        return None
    state.conn.execute(
        "UPDATE remembered_devices SET last_used_at = ? WHERE id = ?", (iso(now), row["id"])
    )
    return str(row["id"])


def devices(state: ServerState, user_id: str, current_id: str | None) -> list[DeviceInfo]:
    now = iso(state.clock.now())
    rows = state.conn.execute(
        "SELECT * FROM remembered_devices WHERE user_id = ? AND expires_at > ? "
        "ORDER BY remembered_at DESC",
        (user_id, now),
    ).fetchall()
    return [
        DeviceInfo(
            id=row["id"],
            device_name=row["device_name"],
            remembered_at=parse_iso(row["remembered_at"]),
            expires_at=parse_iso(row["expires_at"]),
            last_used_at=parse_iso(row["last_used_at"]) if row["last_used_at"] else None,
            current=row["id"] == current_id,
        )
        for row in rows
    ]


def forget(state: ServerState, user_id: str, device_id: str) -> bool:
    cursor = state.conn.execute(
        "DELETE FROM remembered_devices WHERE id = ? AND user_id = ?", (device_id, user_id)
    )
    return cursor.rowcount > 0


def forget_all(state: ServerState, user_id: str) -> None:
    state.conn.execute("DELETE FROM remembered_devices WHERE user_id = ?", (user_id,))
