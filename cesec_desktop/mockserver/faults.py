"""Fault injection as a plain ASGI middleware: latency, random errors, lost responses.

"Crash after commit" lets a create call run and commit, then breaks the connection in the
middle of the response, so the client sees a network error for an order that does exist:
exactly the case an Idempotency-Key must make safe to retry.
"""

from __future__ import annotations

import asyncio
import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cesec_desktop.mockserver.errors import envelope
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
# Calls whose lost response is worth simulating: the ones that create something.
CREATE_PATHS = ("/api/v1/orders", "/api/v1/instructions", "/api/v1/support/requests")


class ResponseLost(Exception):
    """Raised after the headers went out, so the server drops the connection."""


class FaultMiddleware:
    def __init__(self, app: ASGIApp, state: ServerState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        faults = self.state.faults
        if faults.latency_ms > 0:
            await asyncio.sleep(faults.latency_ms / 1000)
        if faults.error_rate > 0 and self.state.rng.random() < faults.error_rate:
            body = json.dumps(
                envelope("service_unavailable", "Injected fault: service unavailable")
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 503,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        crash = (
            faults.crash_after_commit > 0
            and scope.get("method") == "POST"
            and path.rstrip("/") in CREATE_PATHS
        )
        if not crash:
            await self.app(scope, receive, send)
            return
        await self._run_then_lose(scope, receive, send)

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
        if not 200 <= start["status"] < 300:
            await send(start)
            await send({"type": "http.response.body", "body": b"".join(body)})
            return
        self.state.faults.crash_after_commit -= 1
        log.warning("fault: response to %s lost after commit", scope.get("path"))
        full = b"".join(body)
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(full)).encode()))
        await send({"type": "http.response.start", "status": start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": full[:1], "more_body": True})
        raise ResponseLost("injected: response lost after commit")
