"""`/auth/sessions` and `/auth/devices`: where the user is signed in, and computers remembered."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from cesec_desktop.domain.models.auth import DeviceInfo, SessionInfo
from cesec_desktop.domain.models.base import Page
from cesec_desktop.mockserver import remembered_devices, sessions_store
from cesec_desktop.mockserver.deps import User, bearer_token, current_user, get_state
from cesec_desktop.mockserver.errors import not_found, validation_error
from cesec_desktop.mockserver.security import token_hash

router = APIRouter(prefix="/auth", tags=["auth"])


@router.get("/sessions", response_model=Page[SessionInfo], responses={401: {}, 403: {}})
async def sessions(request: Request, user: User = Depends(current_user)) -> Page[SessionInfo]:
    """Live sessions: this one first, then the most recently seen."""
    state = get_state(request)
    current = token_hash(bearer_token(request))
    return Page[SessionInfo](items=sessions_store.live_sessions(state, user.id, current))


@router.delete("/sessions/{session_id}", status_code=204, responses={401: {}, 403: {}, 404: {}})
async def end_session(
    session_id: str, request: Request, user: User = Depends(current_user)
) -> None:
    """End one session: its tokens stop working and its streams close with 4401 at once."""
    if not sessions_store.end_session(get_state(request), user.id, session_id[:64]):
        raise not_found("Session")


@router.delete("/sessions", status_code=204, responses={401: {}, 403: {}, 422: {}})
async def end_other_sessions(
    request: Request,
    user: User = Depends(current_user),
    others: bool = Query(default=False, description="must be true: every session but this"),
) -> None:
    """End every session of the user but the calling one."""
    if not others:
        raise validation_error({"others": "required"}, "Only ?others=true is supported")
    state = get_state(request)
    sessions_store.end_all(state, user.id, keep_hash=token_hash(bearer_token(request)))


@router.get("/devices", response_model=Page[DeviceInfo], responses={401: {}, 403: {}})
async def devices(request: Request, user: User = Depends(current_user)) -> Page[DeviceInfo]:
    """Computers that skip the second factor; `current` is the one this session came from."""
    state = get_state(request)
    row = sessions_store.current_row(state, token_hash(bearer_token(request)))
    current = row["device_id"] if row else None
    return Page[DeviceInfo](items=remembered_devices.devices(state, user.id, current))


@router.delete("/devices/{device_id}", status_code=204, responses={401: {}, 403: {}, 404: {}})
async def forget_device(
    device_id: str, request: Request, user: User = Depends(current_user)
) -> None:
    if not remembered_devices.forget(get_state(request), user.id, device_id[:64]):
        raise not_found("Device")
