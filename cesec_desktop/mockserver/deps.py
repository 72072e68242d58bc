"""Request context: the authenticated user, whose data a read is for, and write permission.

The dependencies are `async def` although they await nothing: FastAPI runs a plain `def`
dependency in its thread pool, which cost every signed-in call several thread hops (p50 62 ms
unauthenticated against ~300 ms signed in under Locust load) and touched the shared SQLite
connection from worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import Depends, Query, Request

from cesec_desktop.domain.enums import Role
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.errors import ApiError, forbidden
from cesec_desktop.mockserver.security import token_hash
from cesec_desktop.mockserver.state import ServerState

PASSWORD_MAX_AGE = timedelta(days=60)


@dataclass(frozen=True)
class User:
    id: str
    login: str
    role: Role
    full_name: str
    iin: str
    phone: str
    password_changed_at: datetime
    email: str = ""
    must_change_password: bool = False
    """The broker issued this password: it must be changed before anything else."""
    second_factor: bool = False
    """An authenticator is set up: sign-in asks for a second factor."""

    @property
    def password_expires_at(self) -> datetime:
        return self.password_changed_at + PASSWORD_MAX_AGE

    def password_change_reason(self, now: datetime) -> str | None:
        """Why every call but a password change is refused: "initial", "expired" or None."""
        if self.must_change_password:
            return "initial"
        if now - self.password_changed_at > PASSWORD_MAX_AGE:
            return "expired"
        return None

    def password_expired(self, now: datetime) -> bool:
        """The password must change first (its 60 days ran out, or the broker issued it)."""
        return self.password_change_reason(now) is not None


def get_state(request: Request) -> ServerState:
    return request.app.state.mock


def load_user(state: ServerState, user_id: str) -> User | None:
    row = state.conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        return None
    return User(
        id=row["id"],
        login=row["login"],
        role=Role(row["role"]),
        full_name=row["full_name"],
        iin=row["iin"],
        phone=row["phone"],
        password_changed_at=parse_iso(row["password_changed_at"]),
        email=row["email"],
        must_change_password=bool(row["must_change_password"]),
        second_factor=row["totp_secret"] is not None,
    )


# How stale a session's last_seen_at may get before a call writes it again: one write per
# session per half minute, not one per call (the deps stay cheap under load).
LAST_SEEN_GRANULARITY = timedelta(seconds=30)


def user_for_token(state: ServerState, token: str) -> User:
    """The user an access token belongs to, or 401 session_expired; notes the session seen."""
    access_hash = token_hash(token)
    row = state.conn.execute(
        "SELECT user_id, access_expires_at, revoked, last_seen_at FROM sessions "
        "WHERE access_hash = ?",
        (access_hash,),
    ).fetchone()
    now = state.clock.now()
    if row is None or row["revoked"] or parse_iso(row["access_expires_at"]) <= now:
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
    user = load_user(state, row["user_id"])
    if user is None:
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
    seen = row["last_seen_at"]
    if seen is None or now - parse_iso(seen) >= LAST_SEEN_GRANULARITY or parse_iso(seen) > now:
        state.conn.execute(
            "UPDATE sessions SET last_seen_at = ? WHERE access_hash = ?", (iso(now), access_hash)
        )
    return user


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "Authentication required")
    return token.strip()


async def authenticated(request: Request) -> User:
    """Any signed-in user, even one whose password has expired (for password change, logout)."""
    return user_for_token(get_state(request), bearer_token(request))


async def current_user(request: Request, user: User = Depends(authenticated)) -> User:
    """A signed-in user whose password is still valid: what every ordinary call needs."""
    state = get_state(request)
    if user.password_expired(state.clock.now()):
        raise ApiError(403, "password_expired", "The password has expired; change it first")
    return user


async def subject_id(
    request: Request,
    user: User = Depends(current_user),
    client_id: str | None = Query(default=None, max_length=64),
) -> str:
    """Whose data a read call is for: the user's own, or a watched client's for a broker."""
    if client_id is None or client_id == user.id:
        if user.role is Role.BROKER and client_id is None:
            # A broker has no portfolio of its own: reads must name a client.
            raise ApiError(
                422,
                "validation_error",
                "client_id is required for a broker",
                {"fields": {"client_id": "required"}},
            )
        return user.id
    if user.role is not Role.BROKER:
        raise forbidden("Clients may read only their own data")
    state = get_state(request)
    row = state.conn.execute(
        "SELECT 1 FROM broker_clients WHERE broker_id = ? AND client_id = ?",
        (user.id, client_id),
    ).fetchone()
    if row is None:
        raise forbidden("This client is not assigned to you")
    return client_id


async def trading_user(user: User = Depends(current_user)) -> User:
    """Writes (orders, withdrawals) are the client's own: brokers may only watch."""
    if user.role is not Role.CLIENT:
        raise forbidden("Brokers may not trade or withdraw for clients")
    return user


def account_of(state: ServerState, user_id: str, account_id: str) -> dict | None:
    row = state.conn.execute(
        "SELECT * FROM accounts WHERE id = ? AND user_id = ?", (account_id, user_id)
    ).fetchone()
    return dict(row) if row else None
