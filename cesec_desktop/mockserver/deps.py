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
from cesec_desktop.mockserver.clock import parse_iso
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

    def password_expired(self, now: datetime) -> bool:
        return now - self.password_changed_at > PASSWORD_MAX_AGE


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
    )


def user_for_token(state: ServerState, token: str) -> User:
    """The user an access token belongs to, or 401 session_expired."""
    row = state.conn.execute(
        "SELECT user_id, access_expires_at, revoked FROM sessions WHERE access_hash = ?",
        (token_hash(token),),
    ).fetchone()
    if row is None or row["revoked"] or parse_iso(row["access_expires_at"]) <= state.clock.now():
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
    user = load_user(state, row["user_id"])
    if user is None:
        raise ApiError(401, "session_expired", "The session has expired; sign in again")
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
