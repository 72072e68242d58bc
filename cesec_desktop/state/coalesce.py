"""Stream events held until the loop turns, so a burst reaches a model as one batch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer


class Versioned(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def updated_at(self) -> datetime: ...


T = TypeVar("T", bound=Versioned)


class NewestById(Generic[T]):
    """Keeps only the newest event per id until the next turn of the loop, then applies them.

    A burst of updates to one order is one row change, and events of the same turn reach the
    model together (one re-sort instead of many).
    """

    def __init__(self, apply: Callable[[list[T]], None], parent: QObject) -> None:
        self._apply = apply
        self._pending: dict[str, T] = {}
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def push(self, item: T) -> None:
        queued = self._pending.get(item.id)
        if queued is None or item.updated_at >= queued.updated_at:
            self._pending[item.id] = item
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Apply what is queued now."""
        self._timer.stop()
        pending, self._pending = list(self._pending.values()), {}
        if pending:
            self._apply(pending)
