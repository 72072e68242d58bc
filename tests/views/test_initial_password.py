"""A password the broker issued must be replaced by the user's own before anything else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from gui_support import Backend, Gui, wait_until

FRESH = ("fresh", "Fresh#2026")


async def _change_dialog(gui: Gui) -> Any:
    gui.fill_login(*FRESH)
    gui.click(gui.login.ui.signInButton)
    await wait_until(
        lambda: (
            getattr(gui.login, "change_password_dialog", None) is not None
            and gui.login.change_password_dialog.isVisible()
        ),
        what="the change-password dialog",
    )
    return gui.login.change_password_dialog


def test_the_initial_password_is_changed_first_with_its_own_words(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        dialog = await _change_dialog(gui)
        assert gui.main is None, "the main window waits for the user's own password"
        assert gui.session.password_change_reason == "initial"
        assert dialog.windowTitle() == "Choose your own password"
        assert dialog.ui.titleLabel.text() == "Choose your own password"
        assert dialog.ui.introLabel.isVisible()
        assert dialog.ui.introLabel.text() == (
            "Your broker issued this password: choose your own before you go on."
        )
        assert "expired" not in dialog.ui.introLabel.text()
        assert dialog.ui.oldEdit.text() == FRESH[1]
        gui.type_into(dialog.ui.newEdit, "Mine#2026x")
        gui.type_into(dialog.ui.repeatEdit, "Mine#2026x")
        gui.click(dialog.ui.submitButton)
        await wait_until(lambda: dialog.succeeded, what="the success page")
        gui.click(dialog.ui.doneButton)
        await wait_until(
            lambda: gui.main is not None and gui.main.home.shows_data, what="the main window"
        )
        assert gui.session.password_change_reason is None

        def old_password_login() -> int:
            response = httpx.post(
                backend.url + "/api/v1/auth/login",
                json={"login": FRESH[0], "password": FRESH[1]},
                timeout=10,
            )
            return response.status_code

        import asyncio

        assert await asyncio.to_thread(old_password_login) == 401

    run(scenario())


def test_cancelling_the_initial_change_signs_out_and_says_why(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        dialog = await _change_dialog(gui)
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: gui.login.message(), what="the message")
        assert gui.login.message() == (
            "Choose your own password to sign in: your broker issued this one."
        )
        assert gui.main is None and gui.session.me is None

    run(scenario())
