"""`HarFileWriter`: the traffic from `start()` on, in a HAR file kept valid on disk.

The recording threads only queue each event (`offer`: one append under a lock). A writer
thread of its own redacts and serializes each event once (`api/har.py`), keeps the pieces, and
every `interval` seconds (when something changed) rewrites the whole file atomically: a
temporary file beside it, then a rename. So the file on disk is always a complete HAR
document, at most one interval old, whatever happens to the app; `stop()` writes the last one.

Bounds: calls up to `max_http_bytes` (32 MB) and stream frames up to `max_stream_bytes`
(64 MB) of serialized JSON, the oldest dropped first and counted in the log's comment; the last
`MAX_CONNECTIONS` stream connections; the queue between the recording threads and the writer
holds at most `max_pending_bytes` (16 MB). A rewrite of a large file takes a while, so the
interval grows to ten times the last write's duration: the writer never spends more than about
a tenth of its time writing.

The file is created private (0600 where the OS has modes).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from collections import deque
from pathlib import Path

from cesec_desktop.api import har
from cesec_desktop.api.traffic_log import (
    MAX_CONNECTIONS,
    Event,
    HttpExchange,
    TrafficLog,
    WsConnection,
    WsMessage,
)
from cesec_desktop.private_files import private_opener

log = logging.getLogger(__name__)

FLUSH_INTERVAL = 2.0
MAX_FILE_HTTP_BYTES = 32 * 1024 * 1024
MAX_FILE_STREAM_BYTES = 64 * 1024 * 1024
MAX_PENDING_BYTES = 16 * 1024 * 1024
STOP_TIMEOUT = 10.0


class HarFileWriter:
    """One recording to one file; see the module docstring. Not restartable."""

    def __init__(
        self,
        path: Path,
        traffic: TrafficLog,
        *,
        interval: float = FLUSH_INTERVAL,
        max_http_bytes: int = MAX_FILE_HTTP_BYTES,
        max_stream_bytes: int = MAX_FILE_STREAM_BYTES,
        max_pending_bytes: int = MAX_PENDING_BYTES,
    ) -> None:
        self.path = path
        self.traffic = traffic
        self.interval = interval
        self.max_http_bytes = max_http_bytes
        self.max_stream_bytes = max_stream_bytes
        self.max_pending_bytes = max_pending_bytes
        self.started = time.time()
        self.error: str = ""
        """Why the last write failed ("" after a good one)."""
        self.writes = 0
        self._lock = threading.Lock()
        self._pending: list[Event] = []
        self._pending_bytes = 0
        self._dropped_pending = 0
        self._calls: deque[tuple[float, str]] = deque()
        self._call_bytes = 0
        self._frames: deque[tuple[int, str]] = deque()
        self._frame_bytes = 0
        self._connections: dict[int, WsConnection] = {}
        self._dropped_calls = 0
        self._dropped_frames = 0
        self._dirty = True
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- life --------------------------------------------------------------------------------

    def start(self) -> None:
        """Create the file now (an OSError says why it cannot be), then record into it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for connection in self.traffic.connections():
            if connection.closed is None:  # the stream now open: its frames come next
                self._connections[connection.id] = connection
        self._write()
        if self.error:
            raise OSError(self.error)
        self.traffic.add_sink(self.offer)
        self._thread = threading.Thread(target=self._run, name="har-file-writer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop recording; the writer thread writes the file once more and ends (no wait)."""
        self.traffic.remove_sink(self.offer)
        self._stop.set()

    def join(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Wait for the last write; False if it did not finish within `timeout`."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- the recording threads ---------------------------------------------------------------

    def offer(self, event: Event) -> None:
        """Queue an event for the writer (any thread; never waits on I/O)."""
        size = _cost(event)
        with self._lock:
            if self._pending_bytes + size > self.max_pending_bytes:
                self._dropped_pending += 1
                return
            self._pending.append(event)
            self._pending_bytes += size

    # --- the writer thread -------------------------------------------------------------------

    def _run(self) -> None:
        wait = self.interval
        while True:
            stopping = self._stop.wait(wait)
            try:
                self._take_pending()
            except Exception:
                log.exception("traffic recording: an event could not be written")
            if self._dirty or stopping:
                began = time.monotonic()
                self._write(final=stopping)
                wait = max(self.interval, 10 * (time.monotonic() - began))
            if stopping:
                return

    def _take_pending(self) -> None:
        with self._lock:
            events, self._pending = self._pending, []
            self._pending_bytes = 0
        for event in events:
            self._dirty = True
            if isinstance(event, HttpExchange):
                text = json.dumps(har.http_entry(event), ensure_ascii=False)
                self._calls.append((event.started, text))
                self._call_bytes += len(text)
            elif isinstance(event, WsMessage):
                text = json.dumps(har.ws_message(event), ensure_ascii=False)
                self._frames.append((event.connection, text))
                self._frame_bytes += len(text)
            else:
                self._connections[event.id] = event
                while len(self._connections) > MAX_CONNECTIONS:  # a night of reconnecting
                    del self._connections[next(iter(self._connections))]
        while self._call_bytes > self.max_http_bytes and self._calls:
            self._call_bytes -= len(self._calls.popleft()[1])
            self._dropped_calls += 1
        while self._frame_bytes > self.max_stream_bytes and self._frames:
            self._frame_bytes -= len(self._frames.popleft()[1])
            self._dropped_frames += 1

    def _document(self) -> str:
        frames: dict[int, list[str]] = {}
        for connection_id, text in self._frames:
            frames.setdefault(connection_id, []).append(text)
        entries = list(self._calls)
        for connection in list(self._connections.values()):
            entry = har.ws_entry(connection, [])
            del entry[har.WS_MESSAGES]
            head = json.dumps(entry, ensure_ascii=False)
            messages = ",".join(frames.get(connection.id, ()))
            # The frames were serialized once, as they came: spliced in, not encoded again.
            entries.append(
                (connection.started, f'{head[:-1]}, "{har.WS_MESSAGES}": [{messages}]}}')
            )
        entries.sort(key=lambda item: item[0])
        log = {"version": har.HAR_VERSION, "creator": har.CREATOR, "comment": self._comment()}
        opening = json.dumps(log, ensure_ascii=False)[:-1]
        body = ",\n".join(text for _, text in entries)
        return f'{{"log": {opening}, "entries": [\n{body}\n]}}}}\n'

    def _comment(self) -> str:
        comment = f"recorded by cesec-desktop from {har.iso(self.started)}"
        with self._lock:
            lost = self._dropped_pending
        if self._dropped_calls or self._dropped_frames or lost:
            comment += (
                f"; left out to stay within {self.max_http_bytes // 2**20} MB of calls and "
                f"{self.max_stream_bytes // 2**20} MB of stream messages: "
                f"{self._dropped_calls} older calls, {self._dropped_frames} older stream "
                f"messages, {lost} events that came faster than they could be written"
            )
        return comment

    def _write(self, final: bool = False) -> None:
        """Rewrite the file atomically: a temporary file beside it, then a rename."""
        self._dirty = False
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            text = self._document()
            with open(temporary, "w", encoding="utf-8", opener=private_opener) as file:
                file.write(text)
                if final:
                    file.flush()
                    os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink()
            if not self.error:
                log.warning("traffic recording: the file could not be written (%s)", exc)
            self.error = f"{type(exc).__name__}: {exc.strerror or exc}"
            return
        self.error = ""
        self.writes += 1


def _cost(event: Event) -> int:
    if isinstance(event, WsMessage):
        return len(event.data) + 96
    if isinstance(event, HttpExchange):
        return event.size
    return 512
