"""An HTML 500 answering `/me` during login: a clear message, no crash (issue 12 §3).

The attack once ended in "Internal C++ object (QProgressBar) already deleted". The server is
the real mock behind an ASGI wrapper on 127.0.0.1 that answers `GET /api/v1/me` with an HTML
500 page (or holds it unanswered) while `mode` says so; the login window is the app's own,
in its shell, driven like a user.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

from gui_support import (  # noqa: F401
    DEMO,
    Backend,
    Gui,
    MemoryKeyring,
    _guis,
    _languages,
    _themes,
    gui_factory,
    languages,
    memory_keyring,
    mock_config,
    qt_loop,
    run,
    settings,
    themes,
    wait_until,
)

from cesec_desktop.api.errors import ServerError
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.settings import Settings
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.session import Session
from cesec_desktop.views.login_window import LoginWindow
from cesec_desktop.views.messages import describe

ME_PATH = "/api/v1/me"
HTML_500 = (
    b"<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
    b"<body><h1>Internal Server Error</h1><p>nginx</p></body></html>"
)
STALL_LIMIT_S = 60.0


class BrokenMe:
    """The mock's ASGI app with a `/me` that answers an HTML 500 ("html500") or never
    ("stall") while `mode` says so; everything else reaches the mock."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.state = app.state  # Backend reads `app.state.mock`
        self.mode = "pass"
        self.hits = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != ME_PATH or self.mode == "pass":
            await self.app(scope, receive, send)
            return
        self.hits += 1
        if self.mode == "stall":
            started = time.monotonic()
            while self.mode == "stall" and time.monotonic() - started < STALL_LIMIT_S:
                await asyncio.sleep(0.05)
            return  # no answer: uvicorn drops the connection
        await send(
            {
                "type": "http.response.start",
                "status": 500,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(HTML_500)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": HTML_500})


@pytest.fixture
def broken() -> Iterator[tuple[Backend, BrokenMe]]:
    wrapper = BrokenMe(create_app(mock_config()))
    backend = Backend(wrapper).start()  # type: ignore[arg-type]
    yield backend, wrapper
    wrapper.mode = "pass"  # a stalled answer ends, so the server stops at once
    backend.stop()


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What reached `sys.excepthook` (the app's error box)."""
    seen: list[BaseException] = []

    def hook(_kind: type[BaseException], error: BaseException, _tb: TracebackType | None) -> None:
        seen.append(error)

    monkeypatch.setattr(sys, "excepthook", hook)
    return seen


def _live_sessions(backend: Backend) -> int:
    """Sessions of the demo user the server would still honour."""
    row = backend.state.conn.execute(
        "SELECT COUNT(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE u.login = ? AND s.revoked = 0",
        (DEMO[0],),
    ).fetchone()
    return int(row["n"])


def _deleted_objects(records: list[logging.LogRecord]) -> list[str]:
    """Log lines that speak of a touched, deleted C++ object (however a task ended)."""
    return [
        r.getMessage()
        for r in records
        if "already deleted" in r.getMessage()
        or "outlived its window" in r.getMessage()
        or (r.exc_info and "already deleted" in str(r.exc_info[1]))
    ]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_html_500_from_me_is_a_clear_message_and_the_user_can_try_again(
    language: str,
    broken: tuple[Backend, BrokenMe],
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
    languages: LanguageManager,  # noqa: F811
    crashes: list[BaseException],
    caplog: pytest.LogCaptureFixture,
) -> None:
    backend, server = broken
    caplog.set_level(logging.DEBUG)
    languages.set_language(language)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        login = gui.login
        failures: list[str] = []
        login.signInFailed.connect(failures.append)
        await wait_until(lambda: not login.busy, what="the login window to be ready")
        server.mode = "html500"
        gui.fill_login(*DEMO)
        gui.press_enter(login.ui.passwordEdit)
        await wait_until(lambda: failures, what="the sign-in to fail")

        assert server.hits == 1
        expected = describe(ServerError(status=500))
        assert failures == [expected]
        assert login.message() == expected, "the message is under the form, where it belongs"
        if language == "ru":
            assert expected != "The server could not handle the request. Try again in a minute."
            assert any("а" <= ch <= "я" for ch in expected.lower()), expected
        assert login.ui.retryButton.isVisible(), "a server fault may heal: Retry is offered"
        assert login.isVisible() and gui.main is None
        assert not login.busy and not login.ui.busyBar.isVisible()
        assert login.ui.signInButton.isEnabled() and login.ui.passwordEdit.isEnabled()
        assert gui.session.me is None
        assert _live_sessions(backend) == 0, "the half-open session is ended, not left live"

        server.mode = "pass"  # the server mends; the user signs in again
        gui.click(login.ui.retryButton)
        await wait_until(
            lambda: gui.main is not None and gui.main.isVisible() and gui.main.home.shows_data,
            what="the main window after the second try",
        )
        assert not login.isVisible()
        assert _live_sessions(backend) == 1

    run(scenario())
    assert crashes == []
    assert _deleted_objects(caplog.records) == []


def test_closing_the_login_window_while_me_is_unanswered(
    broken: tuple[Backend, BrokenMe],
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
    crashes: list[BaseException],
    caplog: pytest.LogCaptureFixture,
) -> None:
    backend, server = broken
    caplog.set_level(logging.DEBUG)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        login = gui.login
        await wait_until(lambda: not login.busy, what="the login window to be ready")
        server.mode = "stall"
        gui.fill_login(*DEMO)
        gui.press_enter(login.ui.passwordEdit)
        await wait_until(lambda: server.hits == 1, what="/me on its way")
        assert login.busy
        (task,) = [t for t in login.tasks.pending if t.get_name() == "sign-in"]

        login.close()  # the user closes the window: the app quits
        await wait_until(task.done, timeout=3, what="the sign-in to stop")
        assert task.cancelled()
        await wait_until(lambda: gui.shell._shutting_down, what="the app to quit")
        await asyncio.wait_for(gui.shell._shutdown_task, 10)  # type: ignore[arg-type]
        server.mode = "html500"  # whatever comes now finds nobody
        assert gui.main is None and gui.session.me is None

    run(scenario())
    assert crashes == []
    assert _deleted_objects(caplog.records) == []


def test_the_login_window_destroyed_while_me_is_unanswered(
    broken: tuple[Backend, BrokenMe],
    run: Callable[..., Any],  # noqa: F811
    settings: Settings,  # noqa: F811
    languages: LanguageManager,  # noqa: F811
    memory_keyring: MemoryKeyring,  # noqa: F811
    qtbot: Any,
    crashes: list[BaseException],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The window goes without a close event (its owner deletes it): its tasks end with it,
    and none touches a widget of it afterwards."""
    backend, server = broken
    caplog.set_level(logging.DEBUG)

    async def scenario() -> None:
        session = Session(backend.url, CredentialStore(backend.url, backend=memory_keyring))
        login = LoginWindow(session, settings, languages)
        login.show()
        await wait_until(lambda: login._keyring_ok is not None, what="the keyring looked at")
        server.mode = "stall"
        qtbot.keyClicks(login.ui.loginEdit, DEMO[0])
        qtbot.keyClicks(login.ui.passwordEdit, DEMO[1])
        qtbot.keyClick(login.ui.passwordEdit, Qt.Key.Key_Return)
        await wait_until(lambda: server.hits == 1, what="/me on its way")
        (task,) = [t for t in login.tasks.pending if t.get_name() == "sign-in"]
        gone: list[bool] = []
        login.destroyed.connect(lambda *_: gone.append(True))

        login.hide()
        login.deleteLater()
        await wait_until(lambda: gone, what="the window destroyed")
        await wait_until(task.done, timeout=3, what="the sign-in to stop")
        assert task.cancelled()
        server.mode = "html500"
        await asyncio.sleep(0.2)  # nothing left to resume; a straggler would show now
        await session.close()

    run(scenario())
    assert crashes == []
    assert _deleted_objects(caplog.records) == []
