"""`WS /stream`: quotes, order and instruction events, brokers' client summaries, a ping.

One reader task applies the client's commands; one writer task drains the subscriber's queue
(filled by the hub, and by the reader for snapshots and errors) and sends the pings. Every
frame goes out through the writer, so a snapshot always precedes the updates that follow it.
A quotes subscribe may carry `max_rate_hz` (1–100): the hub then conflates those ids.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from fastapi import APIRouter, WebSocket
from pydantic import ValidationError
from starlette.websockets import WebSocketDisconnect

from cesec_desktop.domain.enums import Role
from cesec_desktop.domain.models.stream import StreamCommand
from cesec_desktop.mockserver import fault_control
from cesec_desktop.mockserver.book import SUMMARY_CHANNEL
from cesec_desktop.mockserver.deps import User, user_for_token
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.hub import Subscriber
from cesec_desktop.mockserver.languages import request_language
from cesec_desktop.mockserver.routers.market import quote_dicts
from cesec_desktop.mockserver.security import token_hash
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger(__name__)

router = APIRouter(tags=["stream"])

PING_INTERVAL = 15.0
"""Seconds between `{"op": "ping"}` frames (tests patch it shorter)."""
MAX_QUOTE_IDS = 2000
"""Quote ids one connection may watch at once."""
PING_FRAME = json.dumps({"op": "ping"})

CLOSE_SESSION_EXPIRED = 4401
CLOSE_PASSWORD_EXPIRED = 4403
CLOSE_TRY_AGAIN_LATER = 1013
CLOSE_SERVICE_RESTART = 1012
CLOSE_TOO_SLOW = 1011

_GONE = (WebSocketDisconnect, RuntimeError, OSError, asyncio.CancelledError)


def _token(ws: WebSocket) -> str:
    scheme, _, token = ws.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return ws.query_params.get("access_token", "").strip()


def _authenticate(state: ServerState, ws: WebSocket) -> tuple[User | None, int, str]:
    """The user, or the close code and reason to refuse the stream with."""
    token = _token(ws)
    if not token:
        return None, CLOSE_SESSION_EXPIRED, "session_expired"
    try:
        user = user_for_token(state, token)
    except ApiError:
        return None, CLOSE_SESSION_EXPIRED, "session_expired"
    if user.password_expired(state.clock.now()):
        return None, CLOSE_PASSWORD_EXPIRED, "password_expired"
    return user, 0, ""


def _watched_users(state: ServerState, user: User) -> frozenset[str]:
    """Whose order and instruction events this stream may carry."""
    if user.role is not Role.BROKER:
        return frozenset({user.id})
    rows = state.conn.execute(
        "SELECT client_id FROM broker_clients WHERE broker_id = ?", (user.id,)
    ).fetchall()
    return frozenset(r["client_id"] for r in rows)


def _error(code: str, **extra: Any) -> str:
    return json.dumps({"op": "error", "code": code, **extra})


def _apply(state: ServerState, sub: Subscriber, command: StreamCommand) -> None:
    """Change the subscription; snapshots and errors are queued for the writer."""
    if command.op == "pong":
        return
    if command.channel is None:
        sub.put(_error("bad_command", message="channel is required"))
        return
    if command.max_rate_hz is not None and (command.channel, command.op) != (
        "quotes",
        "subscribe",
    ):
        sub.put(_error("bad_command", message="max_rate_hz: only a quotes subscribe has it"))
        return
    if command.channel != "quotes":
        if command.op == "subscribe":
            sub.channels.add(command.channel)
        else:
            sub.channels.discard(command.channel)
        return
    ids = list(dict.fromkeys(i.strip() for i in command.ids if i.strip()))
    if command.op == "unsubscribe":
        sub.unwatch(ids or None)
        if not sub.quote_ids:
            sub.channels.discard("quotes")
        return
    market = state.require_market()
    known = [i for i in ids if market.quote(i) is not None]
    unknown = [i[:64] for i in ids if market.quote(i) is None] if len(known) < len(ids) else []
    if unknown:
        sub.put(_error("unknown_ids", ids=unknown))
    room = MAX_QUOTE_IDS - len(sub.quote_ids)
    fresh = [i for i in known if i not in sub.quote_ids]
    if len(fresh) > room:
        sub.put(_error("too_many_ids", message=f"at most {MAX_QUOTE_IDS} ids per stream"))
        known = [i for i in known if i in sub.quote_ids] + fresh[: max(room, 0)]
    sub.channels.add("quotes")
    sub.watch(known, command.max_rate_hz, state.clock.loop_time())
    if known:
        sub.put(json.dumps({"channel": "quotes", "data": quote_dicts(state, known)}))


async def _reader(ws: WebSocket, state: ServerState, sub: Subscriber) -> None:
    while True:
        message = await ws.receive()
        if message["type"] == "websocket.disconnect":
            return
        text = message.get("text")
        if text is None:
            sub.put(_error("bad_command", message="commands are JSON text frames"))
            continue
        try:
            command = StreamCommand.model_validate_json(text)
        except ValidationError as exc:
            first = exc.errors()[0] if exc.errors() else {}
            where = ".".join(str(p) for p in first.get("loc", ())) or "command"
            sub.put(_error("bad_command", message=f"{where}: {first.get('msg', 'invalid')}"))
            continue
        _apply(state, sub, command)


def _session_alive(state: ServerState, token: str) -> bool:
    try:
        user_for_token(state, token)
    except ApiError:
        return False
    return True


async def _writer(ws: WebSocket, state: ServerState, sub: Subscriber, token: str) -> None:
    next_ping = time.monotonic() + PING_INTERVAL
    while True:
        timeout = next_ping - time.monotonic()
        frame: str | None
        if timeout <= 0:
            # A stream outlives no session: after logout or expiry it closes at the next ping,
            # and the client reconnects with a fresh token.
            if not _session_alive(state, token):
                await ws.close(CLOSE_SESSION_EXPIRED, "session_expired")
                return
            await ws.send_text(PING_FRAME)
            next_ping = time.monotonic() + PING_INTERVAL
            continue
        try:
            frame = await asyncio.wait_for(sub.next_frame(), timeout)
        except TimeoutError:
            continue
        if frame is None:
            # The hub hangs up: logout, too slow a reader, injected drop or server shutdown.
            if sub.ended:
                await ws.close(CLOSE_SESSION_EXPIRED, "session_expired")
            elif sub.dropped:
                await ws.close(CLOSE_TOO_SLOW, "too_slow")
            else:
                await ws.close(CLOSE_SERVICE_RESTART, "stream_dropped")
            return
        await ws.send_text(frame)


@router.websocket("/stream")
async def stream(ws: WebSocket) -> None:
    """Quotes and order/instruction events for the signed-in user (see API.md)."""
    state: ServerState = ws.app.state.mock
    await ws.accept()
    if fault_control.stream_down(state):
        await ws.close(CLOSE_TRY_AGAIN_LATER, "stream_down")
        return
    user, code, reason = _authenticate(state, ws)
    if user is None:
        await ws.close(code, reason)
        return
    sub = Subscriber(
        user_ids=_watched_users(state, user),
        language=request_language(ws),
        session=token_hash(_token(ws)),
    )
    if user.role is Role.BROKER:
        # A broker's stream carries its clients' summaries without being asked (API.md).
        sub.channels.add(SUMMARY_CHANNEL)
    state.hub.add(sub)
    tasks = [
        asyncio.create_task(_reader(ws, state, sub), name="stream-reader"),
        asyncio.create_task(_writer(ws, state, sub, _token(ws)), name="stream-writer"),
    ]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        state.hub.remove(sub)
        for task in tasks:
            task.cancel()
        for outcome in await asyncio.gather(*tasks, return_exceptions=True):
            # A peer that vanished mid-send is routine; anything else is worth a line.
            if isinstance(outcome, Exception) and not isinstance(outcome, _GONE):
                log.warning("stream task ended with %r", outcome)
