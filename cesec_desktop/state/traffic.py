"""`TrafficRecorder`: the session's traffic, always in a bounded ring, in a HAR file on demand.

The ring (`api.traffic_log.TrafficLog`) records every HTTP call and every stream frame from the
session's start, within its bounds (calls 8 MB, frames 16 MB, 30 minutes), so that a problem
report can attach the last minutes (`recent`) whether or not anyone was recording. `start`
also writes everything from then on to a HAR file (`api.har_file.HarFileWriter`: rewritten
atomically every few seconds by a thread of its own, private to the user), until `stop`.

Nothing here blocks the UI thread on a write: `stop` only tells the writer thread to write the
last time; `aclose` (the app is closing) awaits it in a worker thread. `recent` builds and
redacts a document (CPU work): call it off the UI thread (`asyncio.to_thread`).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from cesec_desktop.api.har_file import HarFileWriter
    from cesec_desktop.api.traffic_log import TrafficLog

log = logging.getLogger(__name__)

DEFAULT_MINUTES = 5.0
"""How much recent traffic a problem report attaches unless the user chooses otherwise."""


class TrafficRecorder(QObject):
    """The session's traffic recorder.

    Signals:
        recordingChanged(bool): a HAR file started (True) or stopped (False) being written;
            True again when the recording moves to another file.
    """

    recordingChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, ring: TrafficLog | None = None) -> None:
        super().__init__(parent)
        self._ring = ring
        self._writer: HarFileWriter | None = None
        self._stopped: list[HarFileWriter] = []
        """Writers stopped and perhaps still writing their last: the ones to wait for at exit."""

    @property
    def log(self) -> TrafficLog:
        """The ring: hand it to the API and stream clients (`traffic=`).

        Made on first use, which comes after the login window's first paint (the session
        makes this recorder before it, and the ring's module costs a few milliseconds)."""
        if self._ring is None:
            from cesec_desktop.api.traffic_log import TrafficLog

            self._ring = TrafficLog()
        return self._ring

    @property
    def is_recording(self) -> bool:
        return self._writer is not None

    @property
    def path(self) -> Path | None:
        """The file being written, None when not recording."""
        return self._writer.path if self._writer is not None else None

    @property
    def error(self) -> str:
        """Why the file's last write failed ("" when it did not)."""
        return self._writer.error if self._writer is not None else ""

    def start(self, path: Path) -> None:
        """Write the traffic from now on to `path` (a HAR file, replaced if it exists).

        Raises OSError if the file cannot be created; a recording already running to another
        file is stopped first.
        """
        from cesec_desktop.api.har_file import HarFileWriter

        path = Path(path).expanduser().absolute()
        moving = self._writer is not None
        if self._writer is not None:
            if self._writer.path == path:
                return
            self._stop_writer()
        writer = HarFileWriter(path, self.log)
        try:
            writer.start()
        except OSError:
            if moving:
                self.recordingChanged.emit(False)
            raise
        self._writer = writer
        # The path only: it is the tester's own choice, no secret.
        log.info("recording traffic to %s", path)
        self.recordingChanged.emit(True)

    def stop(self) -> None:
        """Stop writing the file (its last write happens in the writer's thread)."""
        if self._stop_writer() is not None:
            self.recordingChanged.emit(False)

    def _stop_writer(self) -> HarFileWriter | None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.stop()
            self._stopped = [w for w in self._stopped if w.running] + [writer]
            log.info("traffic recording stopped")
        return writer

    async def aclose(self, timeout: float = 10.0) -> None:
        """Stop recording and wait (in a worker thread) until the file's last write is done."""
        import asyncio  # not at import: this module loads before the first paint

        self.stop()
        writers, self._stopped = self._stopped, []
        if writers:
            await asyncio.to_thread(_join_all, writers, timeout)

    def close_blocking(self, timeout: float = 10.0) -> None:
        """`aclose` for the very end of the app, when no loop runs any more."""
        self.stop()
        writers, self._stopped = self._stopped, []
        _join_all(writers, timeout)

    def recent(self, minutes: float = DEFAULT_MINUTES) -> dict[str, Any]:
        """A redacted HAR document of the last `minutes` of traffic, from the ring.

        CPU work (redaction, JSON): call it off the UI thread.
        """
        from cesec_desktop.api.har import build_har

        since = self.log.clock() - max(0.0, minutes) * 60
        comment = f"the last {minutes:g} minutes recorded by cesec-desktop"
        return build_har(self.log.snapshot(since), comment)


def _join_all(writers: list[HarFileWriter], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    for writer in writers:
        if not writer.join(max(0.0, deadline - time.monotonic())):
            log.warning("the traffic file %s was not finished in time", writer.path)
