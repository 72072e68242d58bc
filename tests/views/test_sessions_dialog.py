"""Profile → Sessions and devices against the real mock: this computer first, ending another
session revokes its tokens and cuts its stream, ending all others, ending this one logs out,
and a remembered computer is listed and forgotten (here and in the keyring)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from keyboard_support import choose_in_menu, focus_in, press, settle, tab_to_widget
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import SessionExpired
from cesec_desktop.api.stream import ConnectionState, StreamClient
from cesec_desktop.domain.models.auth import SecondFactorChallenge, Tokens
from cesec_desktop.views.sessions_dialog import SessionsDialog

TWOFA = ("twofa", "Twofa#2026")


class Other:
    """Another computer signed in to the same account: a client and (optionally) a stream."""

    def __init__(self, url: str) -> None:
        self.client = CabinetClient(url)
        self.stream: StreamClient | None = None
        self.states: list[ConnectionState] = []
        self.errors: list[Exception] = []

    async def sign_in(self, login: str, password: str) -> None:
        answer = await self.client.login(login, password)
        assert isinstance(answer, Tokens)

    def open_stream(self) -> StreamClient:
        stream = StreamClient(
            self.client.base_url,
            self.client.stream_token,
            on_state=self.states.append,
            on_error=self.errors.append,
            backoff_initial=0.1,
            backoff_max=0.4,
            settle_time=0.1,
        )
        stream.subscribe_orders()
        stream.start()
        self.stream = stream
        return stream

    async def close(self) -> None:
        if self.stream is not None:
            await self.stream.stop()
        await self.client.aclose()


async def open_from_menu(gui: Gui) -> SessionsDialog:
    """Profile menu → Sessions and devices…, by keyboard; the dialog once both lists are in."""
    main = gui.main
    await focus_in(main)
    await tab_to_widget(main.profile_button, backwards=True)
    press(Qt.Key.Key_Space)
    await choose_in_menu("Sessions and devices…")
    await wait_until(
        lambda: main.findChild(SessionsDialog, "sessionsDialog") is not None, what="the dialog"
    )
    dialog = main.findChild(SessionsDialog, "sessionsDialog")
    await wait_until(lambda: dialog.sessions and not dialog.busy, what="the sessions")
    return dialog


async def answer_confirm(dialog: SessionsDialog, yes: bool) -> None:
    await wait_until(lambda: dialog.confirm_box is not None, what="the question")
    box = dialog.confirm_box
    assert isinstance(box, QMessageBox)
    name = box.objectName().removesuffix("Confirm") + ("Yes" if yes else "No")
    button = box.findChild(QPushButton, name)
    assert button is not None
    await settle(2)
    button.click()


def test_sessions_listed_ended_one_by_one_all_others_then_this_one(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in()
        laptop, tablet = Other(backend.url), Other(backend.url)
        try:
            await laptop.sign_in(*DEMO)
            await tablet.sign_in(*DEMO)
            stream = laptop.open_stream()
            await wait_until(lambda: stream.state is ConnectionState.ONLINE, what="its stream")

            dialog = await open_from_menu(gui)
            rows = dialog.session_rows()
            assert len(rows) == 3
            assert rows[0][0].endswith("This computer")
            assert not any(row[0].endswith("This computer") for row in rows[1:])
            assert dialog.sessions[0].current
            # Every row says what it is: device, app version, IP, signed in, last seen.
            assert all(len(row) == 5 and all(cell for cell in row) for row in rows)
            assert dialog.zone_note.text() == "Times are Almaty time (UTC+5)"
            assert dialog.devices_empty.isVisible()  # demo has no second factor to skip
            # The keyboard lands in the list on this computer's row.
            assert QApplication.focusWidget() is dialog.session_table
            assert dialog.selected_session() is dialog.sessions[0]
            assert dialog.end_button.text() == "End session (log out)"

            # Down to the laptop's session (the one with the stream), End session.
            laptop_id = await laptop_session_id(laptop)
            while dialog.selected_session().id != laptop_id:
                press(Qt.Key.Key_Down, to=dialog.session_table)
                await settle(1)
            assert dialog.end_button.text() == "End session"
            dialog.end_button.click()
            await wait_until(lambda: len(dialog.sessions) == 2, what="the list without it")
            assert laptop_id not in [item.id for item in dialog.sessions]
            # Its tokens are dead and its stream was cut at once.
            with pytest.raises(SessionExpired):
                await laptop.client.me()
            await wait_until(
                lambda: any(isinstance(e, SessionExpired) for e in laptop.errors),
                what="the stream to give up",
            )
            assert stream.state is ConnectionState.OFFLINE
            assert gui.main is not None  # this computer is still signed in
            await tablet.client.me()  # and the tablet too

            # End all other sessions: asked first; a No keeps them.
            dialog.end_others_button.click()
            await answer_confirm(dialog, yes=False)
            await settle(3)
            assert len(dialog.sessions) == 2
            dialog.end_others_button.click()
            await answer_confirm(dialog, yes=True)
            await wait_until(lambda: len(dialog.sessions) == 1, what="this computer alone")
            assert dialog.sessions[0].current
            assert not dialog.end_others_button.isEnabled()
            with pytest.raises(SessionExpired):
                await tablet.client.me()

            # This computer's own session: ending it here is logging out, asked first.
            dialog.end_button.click()
            await answer_confirm(dialog, yes=True)
            await wait_until(
                lambda: gui.main is None and gui.login.isVisible(), what="the login window"
            )
        finally:
            await laptop.close()
            await tablet.close()

    run(scenario(), timeout=60)


async def laptop_session_id(other: Other) -> str:
    """The other computer's own session id, as it sees itself."""
    own = [item for item in await other.client.sessions() if item.current]
    assert len(own) == 1
    return own[0].id


def test_a_remembered_computer_is_listed_then_forgotten(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        # This computer was remembered at an earlier sign-in (a backup code, "remember").
        earlier = CabinetClient(backend.url)
        try:
            challenge = await earlier.login(*TWOFA)
            assert isinstance(challenge, SecondFactorChallenge)
            tokens = await earlier.verify_second_factor(
                challenge.challenge_id, "backup", "demo-2f01", remember_device=True
            )
            assert tokens.device_token
            await earlier.logout()
        finally:
            await earlier.aclose()
        credentials = gui.session.credentials
        await credentials.run("save_device_token", TWOFA[0], tokens.device_token)

        # So the password alone signs in here.
        await gui.sign_in(*TWOFA)
        dialog = await open_from_menu(gui)
        await wait_until(lambda: dialog.devices, what="the remembered computer")
        rows = dialog.device_rows()
        assert len(rows) == 1 and len(rows[0]) == 4
        assert rows[0][0].endswith("This computer")
        assert all(rows[0])
        assert dialog.device_table.isVisible() and not dialog.devices_empty.isVisible()

        await tab_to_widget(dialog.device_table)
        assert dialog.selected_device() is dialog.devices[0]
        assert dialog.forget_button.text() == "Forget this computer"
        press(Qt.Key.Key_Delete)  # the row's key does what its button does
        await wait_until(lambda: not dialog.devices and not dialog.busy, what="it forgotten")
        assert dialog.devices_empty.isVisible()
        assert await credentials.run("device_token", TWOFA[0]) is None

        # The server forgot it too: the old token no longer skips the second step.
        again = CabinetClient(backend.url)
        try:
            answer = await again.login(*TWOFA, tokens.device_token)
            assert isinstance(answer, SecondFactorChallenge)
        finally:
            await again.aclose()
        await asyncio.sleep(0)

    run(scenario(), timeout=60)
