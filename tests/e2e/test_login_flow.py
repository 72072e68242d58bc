"""The user's way through the app: sign in, the main window, log out, and back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
from gui_support import DEMO, EXPIRED, Backend, Gui, wait_until


def test_login_reaches_the_main_window(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        assert gui.login.isVisible()
        await gui.sign_in(*DEMO)
        main = gui.main
        assert not gui.login.isVisible()
        assert "Демов Демо Демович" in main.home.greeting.text()
        assert main.profile_button.text() == "Демов Д.Д."
        accounts = [row[0].text() for row in main.home.account_rows]
        assert accounts == [a.number for a in gui.session.me.accounts] and accounts
        await wait_until(lambda: main.indicator.state.value == "online", what="online")
        assert main.indicator.label.text() == "Online"

    run(scenario())


def test_log_out_returns_to_the_login_window_and_forgets_the_tokens(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        await wait_until(lambda: gui.login.ui.rememberCheck.isEnabled(), what="keyring check")
        gui.tick(gui.login.ui.rememberCheck)
        assert gui.login.ui.rememberCheck.isChecked()
        await gui.sign_in(*DEMO)
        service = gui.session.credentials.service
        await wait_until(
            lambda: (service, "refresh-token:demo") in gui.keyring.items, what="kept token"
        )
        assert gui.keyring.items[(service, "remembered-login")] == "demo"
        token = gui.session.client.access_token
        gui.main.profile_menu.popup(
            gui.main.profile_button.mapToGlobal(gui.main.profile_button.rect().bottomLeft())
        )
        gui.main.logout_action.trigger()
        await wait_until(lambda: gui.login.isVisible() and gui.main is None, what="login window")
        assert (service, "refresh-token:demo") not in gui.keyring.items
        assert gui.session.me is None and gui.session._client is None
        # The server ended the session too: the old access token is refused.
        refused = await asyncio.to_thread(
            httpx.get, backend.url + "/api/v1/me", headers={"Authorization": f"Bearer {token}"}
        )
        assert refused.status_code == 401
        assert gui.login.ui.loginEdit.text() == "demo"
        assert gui.login.ui.passwordEdit.text() == ""

    run(scenario())


def test_an_expired_password_forces_the_change_first(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        gui.fill_login(*EXPIRED)
        gui.click(gui.login.ui.signInButton)
        await wait_until(
            lambda: (
                getattr(gui.login, "change_password_dialog", None) is not None
                and gui.login.change_password_dialog.isVisible()
            ),
            what="the change-password dialog",
        )
        dialog = gui.login.change_password_dialog
        assert gui.main is None, "the main window must wait for the new password"
        assert dialog.ui.introLabel.isVisible()
        assert dialog.ui.oldEdit.text() == EXPIRED[1]
        gui.type_into(dialog.ui.newEdit, "Fresh#2027")
        gui.type_into(dialog.ui.repeatEdit, "Fresh#2027")
        gui.click(dialog.ui.submitButton)
        await wait_until(lambda: dialog.succeeded, what="the success page")
        assert dialog.ui.doneLabel.text() == "Password changed successfully"
        gui.click(dialog.ui.doneButton)
        await wait_until(
            lambda: gui.main is not None and gui.main.home.shows_data, what="the main window"
        )
        assert "Ескіров" in gui.main.home.greeting.text()

    run(scenario())
