"""A quotes listener on `WS /api/v1/stream`, reported to Locust as "WS" rows.

websocket-client does plain blocking socket I/O, which gevent's monkey-patching (Locust applies
it on import) turns cooperative, so hundreds of listeners share one Locust process. Rows:

- `stream connect`: the WebSocket handshake (response time = handshake time);
- `stream first quotes`: subscribe → first quotes frame (the snapshot);
- `stream quotes frame`: one row per quotes frame; its response time is the gap since the
  previous frame on that connection (ms) and its content size the number of quote updates in
  it, so the row's count is frames, its RPS frames/s, and "average size" updates per frame;
- `stream closed`: a failure when the server ends the stream (code and reason in the message).

The server's `{"op": "ping"}` (every 15 s) is answered with a pong.
"""

from __future__ import annotations

import contextlib
import json
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import websocket
from cabinet_calls import API, MAX_BODY_BYTES

REQUEST_TYPE = "WS"
CONNECT_TIMEOUT = 30.0
IDLE_TIMEOUT = 40.0
"""Seconds without a frame (the server pings every 15 s) before the stream counts as dead."""
MAX_IDS = 200

Fire = Callable[..., None]
"""`environment.events.request.fire`."""


class StreamClosed(Exception):
    """The server closed the stream (code and reason, never a token)."""


@dataclass
class StreamTotals:
    """Frames and quote updates received by this process (reported to the master)."""

    frames: int = 0
    updates: int = 0

    def take(self) -> tuple[int, int]:
        taken = self.frames, self.updates
        self.frames = self.updates = 0
        return taken


TOTALS = StreamTotals()


def stream_url(host: str) -> str:
    """ws(s)://host/api/v1/stream for an http(s) base URL."""
    parts = urlsplit(host)
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + API + "/stream", "", ""))


def _close_reason(data: bytes) -> str:
    if len(data) < 2:
        return "closed"
    (code,) = struct.unpack("!H", data[:2])
    return f"closed {code} {data[2:66].decode('utf-8', 'replace')}"


class QuoteStream:
    """One stream connection subscribed to quotes; `listen` reads it for a while."""

    def __init__(self, host: str, fire: Fire) -> None:
        self.url = stream_url(host)
        self._fire = fire
        self._ws: websocket.WebSocket | None = None
        self._last_frame = 0.0
        self._subscribed_at: float | None = None

    @property
    def connected(self) -> bool:
        return self._ws is not None and self._ws.connected

    def _report(
        self, name: str, millis: float, length: int = 0, error: Exception | None = None
    ) -> None:
        self._fire(
            request_type=REQUEST_TYPE,
            name=name,
            response_time=millis,
            response_length=length,
            exception=error,
            context={},
        )

    def connect(self, token: str, ids: Sequence[str]) -> None:
        """Open the stream with `token` and subscribe to `ids`; failures are reported."""
        started = time.perf_counter()
        try:
            ws = websocket.create_connection(
                self.url,
                timeout=CONNECT_TIMEOUT,
                header=[f"Authorization: Bearer {token}"],
                enable_multithread=False,
            )
        except (OSError, websocket.WebSocketException) as exc:
            # The exception's text may quote the request: keep only its class.
            self._report("stream connect", _ms(started), error=StreamClosed(type(exc).__name__))
            return
        self._report("stream connect", _ms(started))
        ws.settimeout(IDLE_TIMEOUT)
        self._ws = ws
        command = {"op": "subscribe", "channel": "quotes", "ids": list(ids)[:MAX_IDS]}
        self._subscribed_at = self._last_frame = time.perf_counter()
        self._send(command)

    def _send(self, command: dict[str, Any]) -> None:
        assert self._ws is not None
        try:
            self._ws.send(json.dumps(command))
        except (OSError, websocket.WebSocketException) as exc:
            self._lost(StreamClosed(f"send failed: {type(exc).__name__}"))

    def _lost(self, error: Exception) -> None:
        self._report("stream closed", 0, error=error)
        self.close()

    def listen(self, seconds: float) -> None:
        """Read frames for about `seconds` (a frame or a ping ends the last wait)."""
        end = time.perf_counter() + seconds
        while self._ws is not None and time.perf_counter() < end:
            try:
                opcode, data = self._ws.recv_data()
            except websocket.WebSocketTimeoutException:
                self._lost(StreamClosed(f"silent for {IDLE_TIMEOUT:.0f} s"))
                return
            except (OSError, websocket.WebSocketException) as exc:
                self._lost(StreamClosed(type(exc).__name__))
                return
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                self._lost(StreamClosed(_close_reason(data)))
                return
            self._frame(data)

    def _frame(self, data: bytes) -> None:
        now = time.perf_counter()
        if len(data) > MAX_BODY_BYTES:
            self._lost(StreamClosed("frame over the size limit"))
            return
        try:
            frame = json.loads(data)
        except ValueError:
            self._report("stream unreadable frame", 0, error=StreamClosed("unreadable frame"))
            return
        if not isinstance(frame, dict):
            return
        if frame.get("op") == "ping":
            self._send({"op": "pong"})
            return
        if frame.get("op") == "error":
            code = str(frame.get("code", ""))[:64]
            self._report("stream error frame", 0, error=StreamClosed(code or "error"))
            return
        quotes = frame.get("data")
        if frame.get("channel") != "quotes" or not isinstance(quotes, list):
            return
        if self._subscribed_at is not None:
            self._report("stream first quotes", (now - self._subscribed_at) * 1000, len(quotes))
            self._subscribed_at = None
        self._report("stream quotes frame", (now - self._last_frame) * 1000, len(quotes))
        self._last_frame = now
        TOTALS.frames += 1
        TOTALS.updates += len(quotes)

    def close(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            with contextlib.suppress(OSError, websocket.WebSocketException):
                ws.close(timeout=2)


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
