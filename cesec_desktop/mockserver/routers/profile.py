"""`/me`, `/clients` and `/accounts`."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from cesec_desktop.domain.enums import Role
from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.profile import Account, BrokerContact, Client, Me
from cesec_desktop.domain.phones import mask_phone
from cesec_desktop.mockserver import two_factor
from cesec_desktop.mockserver.deps import User, current_user, get_state, subject_id
from cesec_desktop.mockserver.errors import forbidden
from cesec_desktop.mockserver.seed import BROKER_CONTACT
from cesec_desktop.mockserver.state import ServerState

router = APIRouter(tags=["profile"])


def broker_contact_of(state: ServerState, user: User) -> BrokerContact | None:
    """Who at the broker serves a client: their own if stored, else the demo broker (every
    client has one); brokers have none."""
    if user.role is not Role.CLIENT:
        return None
    row = state.conn.execute("SELECT broker_contact FROM users WHERE id = ?", (user.id,)).fetchone()
    stored = row["broker_contact"] if row else None
    return BrokerContact.model_validate_json(stored) if stored else BrokerContact(**BROKER_CONTACT)


def accounts_of(state: ServerState, user_id: str) -> list[Account]:
    rows = state.conn.execute(
        "SELECT id, number, name, currency FROM accounts WHERE user_id = ? ORDER BY number",
        (user_id,),
    ).fetchall()
    return [Account(**dict(r)) for r in rows]


@router.get("/me", response_model=Me, responses={401: {}, 403: {}})
async def me(request: Request, user: User = Depends(current_user)) -> Me:
    state = get_state(request)
    return Me(
        id=user.id,
        login=user.login,
        full_name=user.full_name,
        iin=user.iin,
        phone_masked=mask_phone(user.phone),
        role=user.role,
        accounts=accounts_of(state, user.id),
        email=user.email,
        second_factor=user.second_factor,
        backup_codes_left=two_factor.backup_codes_left(state, user.id) if user.second_factor else 0,
        password_expires_at=user.password_expires_at,
        broker_contact=broker_contact_of(state, user),
    )


@router.get("/clients", response_model=Page[Client], responses={401: {}, 403: {}})
async def clients(request: Request, user: User = Depends(current_user)) -> Page[Client]:
    if user.role is not Role.BROKER:
        raise forbidden("Only brokers have clients")
    state = get_state(request)
    rows = state.conn.execute(
        "SELECT u.id, u.full_name, u.iin FROM broker_clients b JOIN users u "
        "ON u.id = b.client_id WHERE b.broker_id = ? ORDER BY u.full_name",
        (user.id,),
    ).fetchall()
    return Page[Client](
        items=[
            Client(
                id=r["id"],
                full_name=r["full_name"],
                iin=r["iin"],
                accounts=accounts_of(state, r["id"]),
            )
            for r in rows
        ]
    )


@router.get("/accounts", response_model=Page[Account], responses={401: {}, 403: {}})
async def accounts(request: Request, owner: str = Depends(subject_id)) -> Page[Account]:
    return Page[Account](items=accounts_of(get_state(request), owner))
