"""Notices when the user has not touched the app for a while."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` after `timeout_s` seconds without keyboard, mouse or touch input.

    Input only stamps the time; a single-shot timer checks the stamp when it is due, so a
    stream of mouse moves costs one comparison each, not a timer restart.
    """

    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_s = max(timeout_s, 0.05)
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._active = False

    @property
    def timeout_s(self) -> float:
        return self._timeout_s

    def set_timeout(self, seconds: float) -> None:
        self._timeout_s = max(seconds, 0.05)
        if self._active:
            self._schedule(self._timeout_s)

    def start(self) -> None:
        if not self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._active = True
        self.touch()
        self._schedule(self._timeout_s)

    def stop(self) -> None:
        if self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def touch(self) -> None:
        self._last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False

    def _schedule(self, seconds: float) -> None:
        self._timer.start(max(int(seconds * 1000), 1))

    def _check(self) -> None:
        if not self._active:
            return
        remaining = self._timeout_s - (time.monotonic() - self._last)
        if remaining > 0.01:
            self._schedule(remaining)
            return
        self.stop()
        self.idle.emit()
