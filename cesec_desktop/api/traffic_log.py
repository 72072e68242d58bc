"""`TrafficLog`: what the client said to the server and heard back, in a bounded ring.

Always on, so that a bug report can carry the last minutes of traffic whether or not a tester
was recording. Recording costs one lock, one append and a little arithmetic per HTTP call or
stream frame, on whatever thread the traffic passes (the UI loop for HTTP, the stream's worker
thread for frames): nothing is decoded, redacted or copied then. The bytes are kept as they
came; redaction and JSON happen only when the traffic is exported (`api/har.py`), off the UI
thread.

Bounds (each a constructor argument):
- HTTP calls: `max_http_bytes` (8 MB) of bodies and headers; each body is kept up to
  `MAX_BODY_CAPTURE` (1 MB), the rest counted and marked as cut.
- Stream frames: `max_stream_bytes` (16 MB), apart from the calls, so a flood of quotes never
  pushes out the calls that explain a bug. At thousands of frames a second that is well under
  a minute of quotes; the calls go back much further.
- Age: anything older than `max_age` (30 minutes) is dropped.
- Stream connections: the last `MAX_CONNECTIONS` handshakes.

Sinks (`add_sink`) see every event as it is recorded, on the recording thread; they must be as
cheap (the HAR file writer only queues it).
"""

from __future__ import annotations

import bisect
import itertools
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

MAX_HTTP_BYTES = 8 * 1024 * 1024
MAX_STREAM_BYTES = 16 * 1024 * 1024
MAX_AGE_S = 30 * 60.0
MAX_BODY_CAPTURE = 1024 * 1024
"""Bytes of one request or response body kept; a larger body is cut (and says so)."""
MAX_CONNECTIONS = 200
OVERHEAD = 96
"""Bytes counted per recorded event besides its data (the objects that hold it)."""

Direction = Literal["send", "receive"]
Headers = list[tuple[str, str]]


@dataclass(slots=True)
class HttpExchange:
    """One HTTP request and its response (or the error that took its place)."""

    started: float
    """Epoch seconds when the request left."""
    method: str
    url: str
    request_headers: Headers
    request_body: bytes | None = None
    request_body_size: int = 0
    status: int = 0
    """0: no response (`error` says why)."""
    reason: str = ""
    http_version: str = "HTTP/1.1"
    response_headers: Headers = field(default_factory=list)
    response_body: bytes = b""
    response_body_size: int = 0
    """Bytes that came on the wire (the body kept may be cut at MAX_BODY_CAPTURE)."""
    wait_ms: float = 0.0
    """From sending to the response's headers."""
    receive_ms: float = 0.0
    """From the headers to the body's end."""
    error: str = ""
    """The exception's type name when the call failed before a response."""

    @property
    def size(self) -> int:
        headers = sum(len(k) + len(v) for k, v in self.request_headers + self.response_headers)
        return (
            OVERHEAD
            + len(self.url)
            + headers
            + len(self.request_body or b"")
            + len(self.response_body)
        )


@dataclass(slots=True)
class WsConnection:
    """One stream connection: its handshake and how it ended."""

    id: int
    url: str
    started: float
    request_headers: Headers
    status: int = 101
    reason: str = "Switching Protocols"
    response_headers: Headers = field(default_factory=list)
    handshake_ms: float = 0.0
    close_code: int | None = None
    closed: float | None = None


@dataclass(slots=True)
class WsMessage:
    """One stream frame as it went out or came in, undecoded (made for export and sinks; the
    ring itself keeps plain tuples, see `_Frame`)."""

    connection: int
    direction: Direction
    time: float
    data: bytes | str


_Frame = tuple[float, int, str, bytes | str, int]
"""A frame in the ring: (time, connection, direction, data, size counted). An exact tuple of
atoms, which the garbage collector stops tracking after its first pass: a ring of a hundred
thousand frames costs the collections nothing (objects of a class would be walked every time).
"""


@dataclass
class Snapshot:
    """A consistent copy of the ring (or of its last minutes), for export."""

    exchanges: list[HttpExchange]
    connections: dict[int, WsConnection]
    messages: list[WsMessage]
    dropped_exchanges: int = 0
    """Calls dropped from the ring so far (over a bound, or too old)."""
    dropped_messages: int = 0
    since: float | None = None
    """Where the window starts (None: all the ring holds)."""


Event = HttpExchange | WsConnection | WsMessage
Sink = Callable[[Event], None]


class TrafficLog:
    """The ring; every method is safe from any thread and never waits on I/O."""

    def __init__(
        self,
        *,
        max_http_bytes: int = MAX_HTTP_BYTES,
        max_stream_bytes: int = MAX_STREAM_BYTES,
        max_age: float = MAX_AGE_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.max_http_bytes = max_http_bytes
        self.max_stream_bytes = max_stream_bytes
        self.max_age = max_age
        self.clock = clock
        self._lock = threading.Lock()
        self._exchanges: deque[tuple[HttpExchange, int]] = deque()
        self._http_bytes = 0
        self._messages: deque[_Frame] = deque()
        self._stream_bytes = 0
        self._connections: OrderedDict[int, WsConnection] = OrderedDict()
        self._ids = itertools.count(1)
        self._sinks: tuple[Sink, ...] = ()
        self.dropped_exchanges = 0
        self.dropped_messages = 0

    # --- recording (any thread) --------------------------------------------------------------

    def http(self, exchange: HttpExchange) -> None:
        size = exchange.size
        with self._lock:
            self._exchanges.append((exchange, size))
            self._http_bytes += size
            self._evict_http(self.clock())
        self._tell(exchange)

    def ws_open(
        self,
        url: str,
        request_headers: Headers,
        *,
        started: float,
        status: int = 101,
        reason: str = "Switching Protocols",
        response_headers: Headers | None = None,
        handshake_ms: float = 0.0,
    ) -> int:
        """A stream handshake (101, or the refusal); returns the connection's id."""
        with self._lock:
            connection = WsConnection(
                next(self._ids),
                url,
                started,
                request_headers,
                status,
                reason,
                response_headers or [],
                handshake_ms,
            )
            self._connections[connection.id] = connection
            while len(self._connections) > MAX_CONNECTIONS:
                self._connections.popitem(last=False)
        self._tell(connection)
        return connection.id

    def ws_message(self, connection: int, direction: Direction, data: bytes | str) -> None:
        """One frame; `data` is kept as it is (never copied or decoded here)."""
        now = self.clock()
        size = len(data) + OVERHEAD
        with self._lock:
            ring = self._messages
            ring.append((now, connection, direction, data, size))
            self._stream_bytes += size
            if self._stream_bytes > self.max_stream_bytes or ring[0][0] < now - self.max_age:
                self._evict_messages(now)
        if self._sinks:
            self._tell(WsMessage(connection, direction, now, data))

    def ws_close(self, connection: int, code: int | None) -> None:
        with self._lock:
            found = self._connections.get(connection)
            if found is None:
                return
            found.close_code = code
            found.closed = self.clock()
        self._tell(found)

    # --- sinks -------------------------------------------------------------------------------

    def add_sink(self, sink: Sink) -> None:
        with self._lock:
            self._sinks = (*self._sinks, sink)

    def remove_sink(self, sink: Sink) -> None:
        with self._lock:
            self._sinks = tuple(s for s in self._sinks if s is not sink)

    def connections(self) -> list[WsConnection]:
        """The stream connections still known (for a sink that starts mid-connection)."""
        with self._lock:
            return list(self._connections.values())

    def _tell(self, event: Event) -> None:
        for sink in self._sinks:
            sink(event)

    # --- export ------------------------------------------------------------------------------

    def snapshot(self, since: float | None = None) -> Snapshot:
        """What the ring holds from `since` (epoch seconds; None: all of it)."""
        with self._lock:
            now = self.clock()
            self._evict_http(now)
            self._evict_messages(now)
            exchanges = [e for e, _ in self._exchanges]
            frames = list(self._messages)
            connections = dict(self._connections)
            dropped = (self.dropped_exchanges, self.dropped_messages)
        if since is not None:
            exchanges = [e for e in exchanges if e.started >= since]
            frames = frames[bisect.bisect_left(frames, (since,)) :]
        messages = [WsMessage(c, d, t, data) for t, c, d, data, _ in frames]  # type: ignore[arg-type]
        return Snapshot(exchanges, connections, messages, *dropped, since=since)

    @property
    def sizes(self) -> tuple[int, int]:
        """Bytes held now: (HTTP calls, stream frames)."""
        with self._lock:
            return self._http_bytes, self._stream_bytes

    # --- bounds (under the lock) -------------------------------------------------------------

    def _evict_http(self, now: float) -> None:
        ring, oldest = self._exchanges, now - self.max_age
        while ring and (self._http_bytes > self.max_http_bytes or ring[0][0].started < oldest):
            _, size = ring.popleft()
            self._http_bytes -= size
            self.dropped_exchanges += 1

    def _evict_messages(self, now: float) -> None:
        ring, oldest = self._messages, now - self.max_age
        while ring and (self._stream_bytes > self.max_stream_bytes or ring[0][0] < oldest):
            self._stream_bytes -= ring.popleft()[4]
            self.dropped_messages += 1
