"""The live connection: a server restart, an unreachable server, an invisible token refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import DEMO, Backend, Gui, free_port, wait_until

from cesec_desktop.state.connection import Connection


def test_a_restarted_server_brings_the_indicator_back_online_and_quotes_resume(
    backend_factory: Callable[..., Backend],
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    backend = backend_factory()
    gui = gui_factory(backend.url)
    states: list[str] = []
    quotes: list[str] = []
    gui.session.connectionChanged.connect(states.append)
    gui.session.quotesReceived.connect(lambda batch: quotes.extend(q.instrument_id for q in batch))

    async def scenario() -> None:
        await gui.sign_in(*DEMO)
        indicator = gui.main.indicator
        await wait_until(lambda: indicator.state is Connection.ONLINE, what="online")
        gui.session.subscribe_quotes(["KASE:HSBK", "INTL:AAPL"])
        await wait_until(lambda: "KASE:HSBK" in quotes, what="the first quotes")

        backend.stop()
        await wait_until(lambda: indicator.state is Connection.RECONNECTING, what="reconnecting")
        assert indicator.label.text() == "Reconnecting…"
        assert "lost" in indicator.toolTip()
        quotes.clear()
        backend.start()  # the same port
        await wait_until(lambda: indicator.state is Connection.ONLINE, timeout=15, what="online")
        await wait_until(lambda: {"KASE:HSBK", "INTL:AAPL"} <= set(quotes), what="quotes again")
        assert states[-2:] == ["reconnecting", "online"]
        assert gui.main.home.live_text.property("state") == "online"

    run(scenario(), timeout=40)


def test_an_unreachable_server_offers_retry(
    backend_factory: Callable[..., Backend],
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    port = free_port()
    gui = gui_factory(f"http://127.0.0.1:{port}")

    async def scenario() -> None:
        gui.fill_login(*DEMO)
        gui.press_enter(gui.login.ui.passwordEdit)
        await wait_until(lambda: gui.login.message(), timeout=15, what="a message")
        assert gui.login.message().startswith("Cannot reach the server")
        assert gui.login.ui.retryButton.isVisible()
        assert gui.main is None

        backend_factory(port=port)  # the server comes up; Retry now signs in
        gui.click(gui.login.ui.retryButton)
        await wait_until(
            lambda: gui.main is not None and gui.main.home.shows_data, what="the main window"
        )
        assert not gui.login.ui.retryButton.isVisible()

    run(scenario(), timeout=40)


def test_token_refresh_is_invisible(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    gui = gui_factory(backend.url)

    async def scenario() -> None:
        await gui.sign_in(*DEMO)
        assert gui.session.refresh_count == 0
        await backend.control("/mock/clock", {"advance_seconds": 901})
        gui.main.home.greeting.clear()
        gui.click(gui.main.home.refresh_button)
        await wait_until(lambda: gui.main.home.greeting.text(), what="the reloaded profile")
        assert gui.session.refresh_count == 1
        assert gui.shell.lock_dialog is None, "no password prompt for a routine refresh"
        assert not gui.main.statusBar().currentMessage()

    run(scenario())
