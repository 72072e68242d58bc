"""The session: the idle lock keeps open forms, an expired session signs in again in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until

from cesec_desktop.settings import Settings


def test_idle_time_locks_the_window_and_open_forms_keep_their_contents(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    settings: Settings,
) -> None:
    settings.idle_minutes = 0.01  # 0.6 s, from the same QSettings key the app reads

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        assert gui.shell.idle.timeout_s == 0.6
        await gui.sign_in(*DEMO)
        main = gui.main
        # A form the user was filling in when they walked away.
        main.change_password_action.trigger()
        await wait_until(
            lambda: getattr(main, "change_password_dialog", None) is not None, what="the form"
        )
        form = main.change_password_dialog
        gui.type_into(form.ui.oldEdit, "half-typed")
        gui.type_into(form.ui.newEdit, "New#1")

        await wait_until(lambda: gui.shell.lock_dialog is not None, timeout=5, what="the lock")
        lock = gui.shell.lock_dialog
        await wait_until(lock.isVisible, what="the lock on screen")
        assert lock.ui.titleLabel.text() == "Session locked"
        assert main.lock_overlay.isVisible(), "what is on screen is covered"
        assert not form.isVisible(), "an open form is hidden, not left readable"
        assert "Демов Демо Демович" in lock.ui.userLabel.text()

        gui.type_into(lock.ui.passwordEdit, "Wrong#2026")
        gui.press_enter(lock.ui.passwordEdit)
        await wait_until(lambda: lock.error(), what="the error")
        assert lock.error() == "Wrong login or password. Attempts left: 4."
        assert gui.shell.lock_dialog is lock

        gui.type_into(lock.ui.passwordEdit, DEMO[1])
        gui.click(lock.ui.unlockButton)
        await wait_until(lambda: gui.shell.lock_dialog is None, what="unlocked")
        assert not main.lock_overlay.isVisible()
        assert main.change_password_dialog is form and form.isVisible()
        assert form.ui.oldEdit.text() == "half-typed"
        assert form.ui.newEdit.text() == "New#1"
        assert gui.shell.idle.active, "the idle timer runs again"
        form.reject()

    run(scenario())


def test_activity_postpones_the_lock(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    import asyncio

    async def scenario() -> None:
        gui = gui_factory(backend.url, idle_seconds=0.8)
        await gui.sign_in(*DEMO)
        for _ in range(6):  # 1.2 s of typing
            gui.qtbot.keyClicks(gui.main.quick_search, "k")
            await asyncio.sleep(0.2)
        assert gui.shell.lock_dialog is None
        await wait_until(lambda: gui.shell.lock_dialog is not None, timeout=5, what="the lock")

    run(scenario())


def test_log_out_from_the_lock_returns_to_the_login_window(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url, idle_seconds=0.3)
        await gui.sign_in(*DEMO)
        await wait_until(lambda: gui.shell.lock_dialog is not None, timeout=5, what="the lock")
        gui.click(gui.shell.lock_dialog.ui.logoutButton)
        await wait_until(lambda: gui.login.isVisible() and gui.main is None, what="login window")
        assert gui.session.me is None

    run(scenario())


def test_an_expired_session_signs_in_again_in_place_and_the_action_resumes(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        main.show_page("orders")
        # Past the refresh token's 8 hours: the session cannot be renewed.
        await backend.control("/mock/clock", {"advance_seconds": 8 * 3600 + 60})
        backend.state.conn.execute(
            "UPDATE users SET full_name = 'Демов Демо Кейінұлы' WHERE login = 'demo'"
        )
        main.refresh_home()
        await wait_until(lambda: gui.shell.lock_dialog is not None, what="the sign-in prompt")
        prompt = gui.shell.lock_dialog
        await wait_until(prompt.isVisible, what="the prompt on screen")
        assert prompt.ui.titleLabel.text() == "Session expired"
        assert prompt.ui.unlockButton.text() == "Sign in"
        gui.type_into(prompt.ui.passwordEdit, DEMO[1])
        gui.press_enter(prompt.ui.passwordEdit)
        # The refresh that hit the expired session goes through after the sign-in.
        await wait_until(lambda: "Кейінұлы" in main.home.greeting.text(), what="the resumed call")
        assert gui.shell.lock_dialog is None
        assert main.current_page == "orders", "nothing else on screen changed"
        assert not main.statusBar().currentMessage()

    run(scenario())
