"""Fault injection as a plain ASGI middleware: latency, errors, lost responses, slow bodies.

"Crash after commit" lets a create or confirm call run and commit, then breaks the connection
in the middle of the response, so the client sees a network error for an order that does
exist: exactly the case an Idempotency-Key must make safe to retry.

"Drip" sends the headers at once and the body a few bytes at a time, as a slow server would.

The middleware wraps every call (load tests make thousands a second): with no fault on, a
call costs a type check and `Faults.armed()`. Which faults are on, and which calls they hit, is
fault_control's business.
"""

from __future__ import annotations

import asyncio
import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cesec_desktop.mockserver.errors import envelope
from cesec_desktop.mockserver.fault_control import (
    crash_hits,
    error_code,
    error_hits,
    expire_faults,
)
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DRIP_CHUNKS_PER_SECOND = 10
"""A dripped body goes out in about this many pieces a second (at least a byte each)."""


class ResponseLost(Exception):
    """Raised after the headers went out, so the server drops the connection."""


async def _pause(seconds: float) -> None:
    """Every wait of an injected fault (a test may count them instead of waiting)."""
    await asyncio.sleep(seconds)


class FaultMiddleware:
    def __init__(self, app: ASGIApp, state: ServerState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not self.state.faults.armed()
            or not scope["path"].startswith(API_PREFIX)
        ):
            await self.app(scope, receive, send)
            return
        await self._faulty(scope, receive, send)

    async def _faulty(self, scope: Scope, receive: Receive, send: Send) -> None:
        faults = expire_faults(self.state)
        method, path = scope["method"], scope["path"]
        if faults.latency_ms > 0:
            await _pause(faults.latency_ms / 1000)
        if (
            faults.error_rate > 0
            and error_hits(faults, method, path)
            and self.state.rng.random() < faults.error_rate
        ):
            await self._fail(send, faults.error_status)
            return
        if faults.crash_after_commit > 0 and crash_hits(faults, method, path):
            await self._run_then_lose(scope, receive, send)
            return
        if faults.drip_bytes_per_second > 0:
            send = self._dripping(send)
        await self.app(scope, receive, send)

    async def _fail(self, send: Send, status: int) -> None:
        code = error_code(status)
        body = json.dumps(envelope(code, f"Injected fault: {code.replace('_', ' ')}")).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _run_then_lose(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        body: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        assert start is not None
        faults = self.state.faults
        # Checked again after the call: concurrent calls must not lose more than were asked.
        if not 200 <= start["status"] < 300 or faults.crash_after_commit <= 0:
            await send(start)
            await send({"type": "http.response.body", "body": b"".join(body)})
            return
        faults.crash_after_commit -= 1
        log.warning("fault: response to %s %s lost after commit", scope["method"], scope["path"])
        full = b"".join(body)
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(full)).encode()))
        await send({"type": "http.response.start", "status": start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": full[:1], "more_body": True})
        raise ResponseLost("injected: response lost after commit")

    def _drip_rate(self) -> int:
        return expire_faults(self.state).drip_bytes_per_second

    def _dripping(self, send: Send) -> Send:
        """`send`, with each body sent a piece at a time at the drip rate.

        The rate is read again before every piece: once the fault is cleared or has ended,
        the rest goes at once (a client that gave up does not keep a call alive for long).
        """

        async def drip(message: Message) -> None:
            if message["type"] != "http.response.body":
                await send(message)
                return
            body: bytes = message.get("body", b"")
            more = message.get("more_body", False)
            sent = 0
            while sent < len(body):
                rate = self._drip_rate()
                if rate <= 0:
                    break
                piece = body[sent : sent + max(1, rate // DRIP_CHUNKS_PER_SECOND)]
                sent += len(piece)
                await send({"type": "http.response.body", "body": piece, "more_body": True})
                await _pause(len(piece) / rate)
            await send({"type": "http.response.body", "body": body[sent:], "more_body": more})

        return drip
