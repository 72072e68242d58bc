"""Cyclic garbage is collected on the GUI thread only.

Python runs its cycle collector in whichever thread happens to allocate. When that is a
worker thread (the stream's, an executor's, a test's in-process mock server) and the
garbage holds a Qt object, Qt destroys the object there: its destructor takes Qt's
signal-slot lock and then waits for the GIL, while the GUI thread holds the GIL and waits
for that lock. The app freezes for good. (Seen: a QMenu's actions destroyed from a
uvicorn thread.) So automatic collection is off, and a timer on the GUI thread collects
with the interpreter's own thresholds, the recipe pyqtgraph and others use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Turns automatic collection off and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """Collect the generations whose thresholds are passed (the interpreter's rule)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        found = 0
        if counts[0] > thresholds[0]:
            generation = 0
            if counts[1] > thresholds[1]:
                generation = 2 if counts[2] > thresholds[2] else 1
            found = gc.collect(generation)
        return found

    def stop(self) -> None:
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
