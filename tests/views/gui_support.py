"""GUI test support: a qasync loop, an async wait, an in-memory keyring, the app's shell
against a real mock backend on a loopback port.

`qtbot.waitUntil` nests a Qt event loop, which fails under qasync; scenarios here run as
coroutines inside the qasync loop and wait with `wait_until`.
"""

from __future__ import annotations

import asyncio
import gc
import socket
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import keyring
import pytest
import qasync
import uvicorn
from fastapi import FastAPI
from keyring.backend import KeyringBackend
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from testkit import CALL_PASSED

from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.config import ServerConfig
from cesec_desktop.settings import Settings, resources_dir, translations_dir
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.gc_guard import MainThreadCollector
from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.session import Session
from cesec_desktop.state.theme import ThemeManager
from cesec_desktop.views.shell import Shell

T = TypeVar("T")

DEMO = ("demo", "Demo#2026")
EXPIRED = ("expired", "Expired#2026")
FAST_STREAM = {"backoff_initial": 0.1, "backoff_max": 0.4, "settle_time": 0.1}


# --- async -------------------------------------------------------------------------------


async def wait_until(
    condition: Callable[[], object], timeout: float = 10.0, what: str = "condition"
) -> None:
    """Poll `condition` inside the running loop until it is true (or fail after `timeout`)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.1f} s waiting for {what}")
        await asyncio.sleep(0.02)


# One of each per test process, though two conftests (views, e2e) register the fixtures.
_SINGLETONS: dict[str, Any] = {}


def _once(name: str, make: Callable[[], T]) -> T:
    if name not in _SINGLETONS:
        _SINGLETONS[name] = make()
    return _SINGLETONS[name]  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def qt_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)
    # As the app does: cycles with Qt objects are freed on this thread only, never by the
    # in-process mock server's thread (a Qt-lock/GIL deadlock otherwise).
    _once("collector", lambda: MainThreadCollector(qapp))
    loop = _once("loop", lambda: qasync.QEventLoop(qapp))
    yield loop
    if _SINGLETONS.pop("loop", None) is not None:
        # The default executor's worker threads are QThreads: stop them before Qt goes.
        loop.close()


@pytest.fixture
def _guis() -> list[Gui]:
    return []


@pytest.fixture
def run(
    qt_loop: qasync.QEventLoop, _guis: list[Gui], request: pytest.FixtureRequest
) -> Iterator[Callable[..., Any]]:
    """`run(coro, timeout=30, keep=False)`: drive a scenario to its end in the qasync loop.

    Afterwards every app the test made is shut down (unless `keep`), inside the loop: once
    the loop stops, a callback that fires (pytest-qt processes events after each test) would
    run outside it. A test that never calls it fails.
    """
    asyncio.set_event_loop(qt_loop)

    async def scenario_then_close(coro: Coroutine[Any, Any, T], keep: bool) -> T:
        try:
            return await coro
        finally:
            if not keep:
                await _close_all(_guis)

    ran: list[bool] = []

    def runner(coro: Coroutine[Any, Any, T], timeout: float = 30.0, keep: bool = False) -> T:
        ran.append(True)
        outer = qt_loop.create_task(asyncio.wait_for(scenario_then_close(coro, keep), timeout))
        try:
            return qt_loop.run_until_complete(outer)
        finally:
            if not keep:
                qt_loop.run_until_complete(_drain({outer}))

    yield runner
    if _guis:
        qt_loop.run_until_complete(asyncio.wait_for(_close_all(_guis), 20))
    gc.collect()  # this test's windows go now, on this thread
    if not ran and request.node.stash.get(CALL_PASSED, False):
        # A test that asks for `run` and never calls it checked nothing of its scenario: a
        # `run(scenario())` left unreachable (after a return, inside a helper) still passes.
        # (One that failed before its run says why already.)
        pytest.fail("the test passed without running a scenario", pytrace=False)


async def _close_all(guis: list[Gui]) -> None:
    while guis:
        await guis.pop().close()


async def _drain(spare: set[asyncio.Task[Any]]) -> None:
    """Cancel and finish whatever a scenario left running (nothing, normally)."""
    current = asyncio.current_task()
    stray = [t for t in asyncio.all_tasks() if t is not current and t not in spare and not t.done()]
    for task in stray:
        task.cancel()
    if stray:
        await asyncio.wait(stray, timeout=5)


# --- keyring and settings ----------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict: tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def _languages(qapp: QApplication) -> LanguageManager:
    return _once("languages", lambda: LanguageManager(translations_dir(), qapp))


@pytest.fixture
def languages(_languages: LanguageManager) -> Iterator[LanguageManager]:
    _languages.set_language("en")
    yield _languages
    _languages.set_language("en")


@pytest.fixture(scope="session")
def _themes(qapp: QApplication) -> ThemeManager:
    return _once("themes", lambda: ThemeManager(resources_dir() / "styles", qapp))


@pytest.fixture
def themes(_themes: ThemeManager) -> Iterator[ThemeManager]:
    _themes.set_mode("light")
    yield _themes
    _themes.set_mode("light")


# --- the mock backend --------------------------------------------------------------------


def mock_config(**overrides: Any) -> ServerConfig:
    base: dict[str, Any] = {
        "db_path": ":memory:",
        "simulate": False,
        "history_size": 60,
        "auto_advance_instructions": False,
    }
    base.update(overrides)
    return ServerConfig(**base)


@dataclass
class Backend:
    """A mock backend served by uvicorn in a thread; it can stop and start on the same port."""

    app: FastAPI
    port: int = 0
    server: uvicorn.Server | None = None
    thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def state(self) -> Any:
        return self.app.state.mock

    def start(self) -> Backend:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(self.app, log_level="warning", ws="websockets-sansio")
        )
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("mock backend did not start")
            time.sleep(0.01)
        self.server, self.thread = server, thread
        return self

    def stop(self) -> None:
        if self.server is not None and self.thread is not None:
            self.server.should_exit = True
            self.thread.join(timeout=10)
        self.server = self.thread = None

    async def control(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST a /mock/... control call (off the UI thread's loop: a plain thread)."""

        def post() -> dict[str, Any]:
            response = httpx.post(self.url + path, json=body, timeout=10)
            response.raise_for_status()
            return response.json() if response.content else {}

        return await asyncio.to_thread(post)


def free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


@pytest.fixture
def backend_factory() -> Iterator[Callable[..., Backend]]:
    made: list[Backend] = []

    def factory(port: int = 0, start: bool = True, **overrides: Any) -> Backend:
        backend = Backend(create_app(mock_config(**overrides)), port)
        made.append(backend)
        return backend.start() if start else backend

    yield factory
    for backend in made:
        backend.stop()


@pytest.fixture
def backend(backend_factory: Callable[..., Backend]) -> Backend:
    return backend_factory()


# --- the app -----------------------------------------------------------------------------


@dataclass
class Gui:
    """One app instance: its session and shell, with helpers that act like a user."""

    shell: Shell
    session: Session
    settings: Settings
    qtbot: Any
    keyring: MemoryKeyring | None
    closed: bool = False

    @property
    def login(self) -> Any:
        return self.shell.login_window

    @property
    def main(self) -> Any:
        return self.shell.main_window

    def type_into(self, widget: QWidget, text: str, clear: bool = True) -> None:
        if clear and hasattr(widget, "clear"):
            widget.clear()  # type: ignore[attr-defined]
        self.qtbot.keyClicks(widget, text)

    def click(self, widget: QWidget) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def tick(self, checkbox: QWidget) -> None:
        """Click a check box on its indicator, where a user clicks."""
        self.qtbot.mouseClick(
            checkbox, Qt.MouseButton.LeftButton, pos=QPoint(8, checkbox.height() // 2)
        )

    def press_enter(self, widget: QWidget) -> None:
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)

    def fill_login(self, login: str, password: str) -> None:
        self.type_into(self.login.ui.loginEdit, login)
        self.type_into(self.login.ui.passwordEdit, password)

    async def sign_in(self, login: str = DEMO[0], password: str = DEMO[1]) -> None:
        """Type the credentials, press Enter, and wait for the main window with data."""
        await wait_until(lambda: not self.login.busy, what="the login window to be ready")
        self.fill_login(login, password)
        self.press_enter(self.login.ui.passwordEdit)
        await wait_until(
            lambda: self.main is not None and self.main.isVisible() and self.main.home.shows_data,
            what="the main window with the profile",
        )

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        await self.shell.shutdown()
        for window in (self.shell.main_window, self.shell.login_window):
            if window is not None:
                window.close()
                window.deleteLater()
        # Let the last callbacks (closed sockets, finished threads) run inside the loop.
        await asyncio.sleep(0.05)


@pytest.fixture
def gui_factory(
    qtbot: Any,
    run: Callable[..., Any],
    _guis: list[Gui],
    settings: Settings,
    languages: LanguageManager,
    themes: ThemeManager,
    memory_keyring: MemoryKeyring,
) -> Callable[..., Gui]:
    """Makes an app (session + shell, login window shown). Use it inside `run(...)`."""

    def factory(
        url: str,
        *,
        demo: bool = False,
        idle_seconds: float | None = None,
        stream_options: dict[str, Any] | None = None,
        keyring_backend: Any = memory_keyring,
        show: bool = True,
    ) -> Gui:
        session = Session(
            url,
            CredentialStore(url, backend=keyring_backend),
            stream_options=stream_options if stream_options is not None else FAST_STREAM,
        )
        shell = Shell(session, settings, languages, themes, demo=demo, idle_seconds=idle_seconds)
        gui = Gui(shell, session, settings, qtbot, memory_keyring)
        _guis.append(gui)
        if show:
            shell.start()
        return gui

    return factory


def menu_texts(widget: QWidget) -> list[str]:
    """The texts of a main window's left menu buttons."""
    return [button.text() for button in widget.menu_buttons.values()]  # type: ignore[attr-defined]
