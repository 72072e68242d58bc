"""Tracked asyncio tasks: started from slots, cancelled together on close or log-out.

asyncio is imported where it is used, not with the module: the login window imports this,
and it paints before the async machinery is loaded (see app.py).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskTracker:
    """Starts tasks, keeps a reference until they end, and reports their errors.

    An error nobody awaited goes to `sys.excepthook`, which logs it and shows it, the same
    path an exception in a plain slot takes.
    """

    def __init__(self, name: str = "tasks", owner: QObject | None = None) -> None:
        self.name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self._owner_gone = False
        if owner is not None:
            # The one guard for "a coroutine touches a widget that is gone": when the widget
            # that owns these tasks is destroyed, they are cancelled at their next await,
            # so none resumes to call a deleted C++ object.
            owner.destroyed.connect(self._on_owner_destroyed)

    def _on_owner_destroyed(self, *_: object) -> None:
        self._owner_gone = True
        for task in list(self._tasks):
            if not task.done():
                task.cancel()

    def spawn(self, coro: Coroutine[Any, Any, T], name: str | None = None) -> asyncio.Task[T]:
        import asyncio

        task = asyncio.ensure_future(coro)
        if name:
            task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if self._owner_gone and isinstance(error, RuntimeError) and _of_deleted(error):
            # Its widget (or a child of it, such as its model) went while it ran: nothing to
            # show, and nobody to show it to. A cancelled task's cleanup may also reach a
            # child deleted after the owner's `destroyed` was sent.
            log.info("%s: task %s outlived its window", self.name, task.get_name())
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def __len__(self) -> int:
        return len(self._tasks)

    @property
    def pending(self) -> list[asyncio.Task[Any]]:
        return [t for t in self._tasks if not t.done()]

    async def cancel_all(self, timeout: float = 5.0) -> None:
        """Cancel every tracked task and wait (bounded) for them to unwind."""
        import asyncio

        current = asyncio.current_task()
        tasks = [t for t in self._tasks if t is not current and not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            _done, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                log.warning("%s: task %s did not stop in time", self.name, task.get_name())


_DELETED = ("already deleted", "Signal source has been deleted")
"""What shiboken says when Python touches a C++ object that is gone: a method call on it, or
a signal emitted from it."""


def _of_deleted(error: RuntimeError) -> bool:
    text = str(error)
    return any(words in text for words in _DELETED)
