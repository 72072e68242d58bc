"""The one guard for coroutines and gone widgets (issue 12 §3): a widget's tasks are
cancelled when it is destroyed, so none resumes to touch a deleted C++ object and no
"Internal C++ object already deleted" error box appears."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QProgressBar, QWidget

from cesec_desktop.state.tasks import TaskTracker


def test_a_widgets_tasks_end_with_it(
    run: Callable[..., Any], qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: shown.append(error))

    async def scenario() -> None:
        window = QWidget()
        bar = QProgressBar(window)
        tasks = TaskTracker("login", owner=window)
        reached: list[str] = []

        async def sign_in() -> None:
            await asyncio.sleep(0.2)  # the server answers (an HTML 500, say) after a while
            reached.append("after the answer")
            bar.hide()  # the window is gone by now

        task = tasks.spawn(sign_in(), name="sign-in")
        await asyncio.sleep(0.05)
        window.deleteLater()  # the user closed the window, or the shell replaced it
        await asyncio.sleep(0.3)
        assert task.cancelled(), "cancelled with its window, at its await"
        assert reached == []
        assert len(tasks) == 0

    run(scenario())
    assert shown == [], "no error box"


def test_an_unowned_tracker_still_reports_a_real_error(
    run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: shown.append(error))

    async def scenario() -> None:
        tasks = TaskTracker("work")

        async def fail() -> None:
            raise ValueError("a real bug")

        task = tasks.spawn(fail())
        await asyncio.sleep(0.05)
        assert task.done()

    run(scenario())
    assert [type(e) for e in shown] == [ValueError]


def test_a_cancelled_tasks_cleanup_may_reach_a_child_that_is_gone(
    run: Callable[..., Any], qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's `destroyed` comes before its children go: a list model's refresh, cancelled
    with the page, emits `loadingChanged` from a model deleted meanwhile (seen in CI)."""
    from PySide6.QtCore import QObject, Signal

    class Model(QObject):
        loadingChanged = Signal(bool)

    shown: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: shown.append(error))

    async def scenario() -> None:
        page = QWidget()
        model = Model(page)
        tasks = TaskTracker("orders-page", owner=page)

        async def refresh() -> None:
            try:
                await asyncio.sleep(10)
            except BaseException:
                model.loadingChanged.emit(False)  # the model went with its page
                raise

        task = tasks.spawn(refresh(), name="orders-refresh")
        await asyncio.sleep(0.05)
        page.deleteLater()
        await asyncio.sleep(0.1)
        assert task.done()
        with pytest.raises(RuntimeError, match="deleted"):
            task.result()
        assert len(tasks) == 0

    run(scenario())
    assert shown == [], "no error box"


def test_a_state_store_deleted_mid_load_is_quiet_when_the_load_then_fails(
    run: Callable[..., Any], qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen in CI (TZ=Asia/Almaty): a sign-out deleted the shell and its portfolio store while
    the store's load awaited the server; the load then failed with `SessionExpired`, and its
    error branch emitted `loadingChanged` from the deleted store. A state object's own tasks
    end with it, as a widget's do."""
    from PySide6.QtCore import QObject, Signal

    from cesec_desktop.api.errors import SessionExpired
    from cesec_desktop.state.portfolio_model import PortfolioStore

    answered = asyncio.Event()

    class Session(QObject):
        quotesReceived = Signal(object)
        resynced = Signal()
        orderUpdated = Signal(object)
        instructionUpdated = Signal(object)

        async def call(self, _action: Any) -> Any:
            await answered.wait()
            raise SessionExpired()

        def subscribe_quotes(self, *_a: Any, **_k: Any) -> None:
            pass

        def unsubscribe_quotes(self, *_a: Any, **_k: Any) -> None:
            pass

    shown: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: shown.append(error))

    async def scenario() -> None:
        shell = QWidget()
        store = PortfolioStore(Session(), shell)  # type: ignore[arg-type]
        store.select(None, "acc-1")
        load = store._task
        assert load is not None
        await asyncio.sleep(0.05)
        shell.deleteLater()  # the sign-out replaced the shell
        await asyncio.sleep(0.05)
        answered.set()  # the server's refusal comes after
        await asyncio.sleep(0.05)
        assert load.done()
        assert load.cancelled(), "the load ended with its store, at its await"

    run(scenario())
    assert shown == [], "no error box"
