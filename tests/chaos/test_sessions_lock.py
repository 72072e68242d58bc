"""The idle lock keeps one session, ends it after a lock-out, and hides every window.

Attacks on issue 12 §7: unlocking once made a second session while the first still worked;
five wrong passwords in the lock locked the account but left the session alive and Unlock
enabled; a withdrawal form with a typed IBAN stayed readable behind the lock.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

from gui_support import (  # noqa: F401
    DEMO,
    Backend,
    Gui,
    _guis,
    _languages,
    _themes,
    backend,
    backend_factory,
    gui_factory,
    languages,
    memory_keyring,
    qt_loop,
    run,
    settings,
    themes,
    wait_until,
)

IBAN = "KZ86 125K ZT50 0410 0100"


def _live_sessions(server: Backend) -> set[str]:
    """The demo user's sessions the mock would still honour (by access-token hash)."""
    rows = server.state.conn.execute(
        "SELECT s.access_hash FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE u.login = ? AND s.revoked = 0",
        (DEMO[0],),
    ).fetchall()
    return {row["access_hash"] for row in rows}


async def _status_of_me(server: Backend, token: str) -> int:
    async with httpx.AsyncClient(base_url=server.url, timeout=5) as client:
        response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        return response.status_code


async def _lock(gui: Gui) -> Any:
    """Let the idle time run out now and wait for the lock on screen."""
    gui.shell.idle.set_timeout(0.2)
    await wait_until(lambda: gui.shell.lock_dialog is not None, timeout=5, what="the lock")
    lock = gui.shell.lock_dialog
    await wait_until(lock.isVisible, what="the lock on screen")
    gui.shell.idle.set_timeout(600)  # no second lock right after the unlock
    return lock


def test_unlock_leaves_one_live_session_and_ends_the_one_before(
    backend: Backend,  # noqa: F811
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url, idle_seconds=600)
        await gui.sign_in(*DEMO)
        before = _live_sessions(backend)
        assert len(before) == 1
        old_token = gui.session.client.access_token
        assert old_token is not None

        lock = await _lock(gui)
        gui.type_into(lock.ui.passwordEdit, DEMO[1])
        gui.click(lock.ui.unlockButton)
        await wait_until(lambda: gui.shell.lock_dialog is None, what="unlocked")

        after = _live_sessions(backend)
        assert len(after) == 1, f"{len(after)} live sessions after the unlock"
        assert not after & before, "the session from before the lock was ended"
        assert await _status_of_me(backend, old_token) == 401
        # The app goes on with the new session: calls and the stream work.
        me = await gui.session.reload_profile()
        assert me.full_name == "Демов Демо Демович"
        await wait_until(lambda: gui.session.connection.value == "online", what="stream online")
        assert gui.shell.idle.active

    run(scenario())


def test_five_wrong_passwords_in_the_lock_sign_out_and_end_the_session(
    backend: Backend,  # noqa: F811
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url, idle_seconds=600)
        await gui.sign_in(*DEMO)
        token = gui.session.client.access_token
        assert token is not None and await _status_of_me(backend, token) == 200

        lock = await _lock(gui)
        for attempt in range(1, 5):
            gui.type_into(lock.ui.passwordEdit, f"Wrong#{attempt}")
            gui.press_enter(lock.ui.passwordEdit)
            await wait_until(
                lambda attempt=attempt: f"Attempts left: {5 - attempt}" in lock.error(),
                what=f"the error after attempt {attempt}",
            )
            assert gui.shell.lock_dialog is lock
        gui.type_into(lock.ui.passwordEdit, "Wrong#5")
        gui.press_enter(lock.ui.passwordEdit)

        await wait_until(lambda: gui.main is None and gui.login.isVisible(), what="signed out")
        assert gui.session.me is None
        assert gui.shell.lock_dialog is None
        assert "You have been signed out." in gui.login.ui.messageLabel.text()
        assert _live_sessions(backend) == set()
        assert await _status_of_me(backend, token) == 401

    run(scenario())


def test_the_lock_hides_an_open_withdrawal_form_and_brings_it_back_as_it_was(
    backend: Backend,  # noqa: F811
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    from cesec_desktop.views.withdrawal_form import open_withdrawal_form

    async def scenario() -> None:
        gui = gui_factory(backend.url, idle_seconds=600)
        await gui.sign_in(*DEMO)
        main = gui.main
        form = open_withdrawal_form(main, gui.session)
        await wait_until(form.isVisible, what="the withdrawal form")
        gui.type_into(form.ui.ibanEdit, IBAN)
        typed = form.ui.ibanEdit.text()
        assert typed.replace(" ", "") == IBAN.replace(" ", "")

        lock = await _lock(gui)
        assert main.lock_overlay.isVisible()
        assert not form.isVisible(), "the IBAN is not readable behind the lock"

        gui.type_into(lock.ui.passwordEdit, DEMO[1])
        gui.press_enter(lock.ui.passwordEdit)
        await wait_until(lambda: gui.shell.lock_dialog is None, what="unlocked")
        await wait_until(form.isVisible, what="the form back on screen")
        assert not main.lock_overlay.isVisible()
        assert form.ui.ibanEdit.text() == typed
        form.reject()

    run(scenario())
