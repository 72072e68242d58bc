"""The login window against the real mock: messages, busy state, remember me, the keyring."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtWidgets import QLineEdit

from cesec_desktop.state import formatting


async def _try(gui: Gui, password: str) -> str:
    """Type the password, click Sign in, and return the message the attempt ends with."""
    failed: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def done(message: str) -> None:
        if not failed.done():
            failed.set_result(message)

    gui.login.signInFailed.connect(done)
    try:
        gui.type_into(gui.login.ui.passwordEdit, password)
        gui.click(gui.login.ui.signInButton)
        message = await asyncio.wait_for(failed, 10)
    finally:
        gui.login.signInFailed.disconnect(done)
    assert message == gui.login.message()
    return message


def test_a_wrong_password_shows_the_attempts_left(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        gui.type_into(gui.login.ui.loginEdit, "demo")
        assert await _try(gui, "Wrong#2026") == "Wrong login or password. Attempts left: 4."
        assert await _try(gui, "Wrong#2027") == "Wrong login or password. Attempts left: 3."
        assert not gui.login.ui.retryButton.isVisible()
        assert gui.main is None
        # The password stays selected for retyping; the login stays.
        assert gui.login.ui.loginEdit.text() == "demo"

    run(scenario())


def test_the_sixth_try_shows_the_lock_until_a_time(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        gui.type_into(gui.login.ui.loginEdit, "demo")
        for left in (4, 3, 2, 1):
            assert f"Attempts left: {left}." in await _try(gui, f"Wrong#{left}aa")
        assert "account has been locked" in await _try(gui, "Wrong#0aa")
        message = await _try(gui, DEMO[1])  # the right password, but the account is locked
        row = backend.state.conn.execute(
            "SELECT locked_until FROM users WHERE login = 'demo'"
        ).fetchone()
        until = datetime.fromisoformat(row["locked_until"])
        # In the zone the user reads times in (Almaty's unless they chose this computer's).
        expected = formatting.format_recent(until)
        assert message.startswith("Too many failed attempts. The account is locked until")
        assert expected in message, (expected, message)
        assert re.search(r"\d{1,2}:\d{2}", message)
        assert gui.main is None

    run(scenario())


def test_enter_submits_and_the_button_shows_a_busy_state(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        await backend.control("/mock/faults", {"latency_ms": 400})
        gui.fill_login(*DEMO)
        gui.press_enter(gui.login.ui.passwordEdit)
        await wait_until(lambda: gui.login.busy, what="busy")
        button = gui.login.ui.signInButton
        assert button.text() == "Signing in…"
        assert not button.isEnabled() and not gui.login.ui.passwordEdit.isEnabled()
        assert gui.login.ui.busyBar.isVisible()
        gui.click(button)  # a second click while busy does nothing
        await wait_until(lambda: gui.main is not None, what="the main window")
        assert button.text() == "Sign in"
        await backend.control("/mock/faults", {"clear": True})

    run(scenario())


def test_the_password_is_masked_with_a_show_toggle(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        edit = gui.login.ui.passwordEdit
        assert edit.echoMode() == QLineEdit.EchoMode.Password
        toggle = gui.login.password_toggle.action
        assert toggle.toolTip() == "Show password"
        toggle.trigger()
        assert edit.echoMode() == QLineEdit.EchoMode.Normal
        assert toggle.toolTip() == "Hide password"
        toggle.trigger()
        assert edit.echoMode() == QLineEdit.EchoMode.Password

    run(scenario())


def test_empty_fields_are_asked_for(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        gui.click(gui.login.ui.signInButton)
        await wait_until(lambda: gui.login.message(), what="a message")
        assert gui.login.message() == "Enter your login."
        gui.type_into(gui.login.ui.loginEdit, "demo")
        gui.press_enter(gui.login.ui.loginEdit)  # Enter in the login moves to the password
        assert gui.login.focusWidget() is gui.login.ui.passwordEdit
        gui.click(gui.login.ui.signInButton)
        await wait_until(lambda: gui.login.message() == "Enter your password.", what="message")

    run(scenario())


def test_remember_me_fills_in_the_login_and_resumes_the_session(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    first = gui_factory(backend.url)

    async def sign_in_remembered() -> None:
        await wait_until(lambda: first.login._keyring_ok, what="the keyring")
        first.tick(first.login.ui.rememberCheck)
        await first.sign_in(*DEMO)
        await wait_until(
            lambda: (
                (first.session.credentials.service, "refresh-token:demo") in first.keyring.items
            ),
            what="the kept refresh token",
        )
        await first.close()

    run(sign_in_remembered(), keep=True)
    assert first.settings.remember_me
    second = gui_factory(backend.url)  # the next start of the app

    async def resumed() -> None:
        await wait_until(
            lambda: second.main is not None and second.main.home.shows_data,
            what="the resumed session",
        )
        assert second.login.ui.loginEdit.text() == "demo"
        assert second.session.keep_session

    run(resumed())


def test_without_a_keyring_backend_the_window_says_so_once(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    gui = gui_factory(backend.url, keyring_backend=FailKeyring())

    async def scenario() -> None:
        await wait_until(lambda: gui.login._keyring_ok is False, what="the keyring check")
        note = gui.login.ui.keyringNote
        assert note.isVisible()
        assert "will not be remembered" in note.text()
        assert not gui.login.ui.rememberCheck.isEnabled()
        await gui.sign_in(*DEMO)  # and signing in still works

    run(scenario())


def test_demo_mode_shows_the_badge_and_the_demo_login(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url, demo=True)
        assert gui.login.ui.demoBadge.isVisible()
        assert gui.login.ui.loginEdit.text() == "demo"
        assert gui.login.ui.passwordEdit.text() == "Demo#2026"
        assert gui.login.ui.serverLabel.text() == "Demo server on this computer"
        gui.click(gui.login.ui.signInButton)
        await wait_until(lambda: gui.main is not None and gui.main.home.shows_data, what="home")
        assert gui.main.demo_badge.isVisible() and gui.main.demo_badge.text() == "DEMO"

    run(scenario())


def test_the_demo_server_starting_blocks_sign_in_until_ready(
    gui_factory: Callable[..., Gui], backend: Backend, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory("", demo=True)
        gui.login.set_starting(True)
        assert gui.login.message() == "Starting the demo server on this computer…"
        assert gui.login.ui.signInButton.text() == "Starting…"
        gui.press_enter(gui.login.ui.passwordEdit)
        assert not [t for t in gui.login.tasks.pending if t.get_name() == "sign-in"]
        gui.session.set_server(backend.url)
        gui.login.set_starting(False)
        assert gui.login.message() == ""
        gui.login.set_starting(False, failure="port in use")
        assert gui.login.message() == "The demo server did not start: port in use"

    run(scenario())


def test_the_demo_prefills_only_the_default_password_and_only_while_it_works(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    other = ("aigerim", "Aigerim#2026")
    first = gui_factory(backend.url, demo=True)
    password = first.login.ui.passwordEdit

    async def change_it_and_be_refused() -> None:
        assert password.text() == DEMO[1]
        # Another user: the demo password goes; back to demo: it returns.
        first.type_into(first.login.ui.loginEdit, other[0])
        assert password.text() == ""
        first.type_into(first.login.ui.loginEdit, DEMO[0])
        assert password.text() == DEMO[1]
        # After logging out as another user, that user's login stays with no password.
        await first.sign_in(*other)
        await first.shell.logout()
        assert first.login.isVisible()
        assert first.login.ui.loginEdit.text() == other[0]
        assert password.text() == ""
        # The password is changed where this window cannot see it (another app, the web).
        first.type_into(first.login.ui.loginEdit, DEMO[0])
        await first.sign_in(*DEMO)
        await first.session.change_password(DEMO[1], "Changed#2027")
        await first.shell.logout()
        assert password.text() == DEMO[1]  # not yet known to fail
        first.click(first.login.ui.signInButton)
        await wait_until(lambda: "Wrong login or password" in first.login.message(), what="no")
        await first.close()

    run(change_it_and_be_refused(), keep=True)
    second = gui_factory(backend.url, demo=True)  # the next start of the app

    async def no_stale_password_then_reset() -> None:
        assert second.login.ui.loginEdit.text() == DEMO[0]
        assert second.login.ui.passwordEdit.text() == ""
        await second.sign_in(DEMO[0], "Changed#2027")
        await second.shell.logout()
        assert second.login.ui.passwordEdit.text() == ""
        # The tester resets the mock; signing in with the default password brings it back.
        await backend.control("/mock/reset", {})
        await second.sign_in(*DEMO)
        await second.shell.logout()
        assert second.login.ui.passwordEdit.text() == DEMO[1]
        await second.close()

    run(no_stale_password_then_reset(), keep=True)
    third = gui_factory(backend.url, demo=True)

    async def changed_in_this_app() -> None:
        from cesec_desktop.views.login_window import demo_password_changed

        assert third.login.ui.passwordEdit.text() == DEMO[1]
        demo_password_changed(third.settings, other[0])  # someone else's: no matter
        await third.sign_in(*DEMO)
        demo_password_changed(third.settings, DEMO[0])  # the profile menu's dialog
        await third.shell.logout()
        assert third.login.ui.passwordEdit.text() == ""

    run(changed_in_this_app())
