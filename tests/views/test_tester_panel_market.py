"""The Tester window's Market and Faults tabs against the real mock: markets held open or
closed, the clock moved, a price set, each fault turned on and off, all through the tabs'
widgets, and the mock's own answers checked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from gui_support import Backend, Gui, wait_until
from PySide6.QtCore import Qt
from tester_support import act, get_json, open_panel

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import ALMATY, MARKETS

QUIET_MARKET = {"simulate": True, "tick_rate": 0.01}
"""The simulator runs (prices can be set) but hardly walks: a price set stays put."""


def almaty(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(ALMATY)


def test_markets_are_held_open_or_closed_and_given_back_to_their_hours(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "market")
        tab = panel.tabs["market"]
        await wait_until(lambda: tab.workbench.market_hours is not None, what="the hours")
        for mode, is_open in (("closed", False), ("open", True)):
            said = await act(tab, lambda m=mode: gui.click(tab.mode_buttons[(Market.KASE, m)]))
            hours = await get_json(backend, "/mock/market-hours")
            assert hours["modes"]["KASE"] == mode and hours["open_now"]["KASE"] is is_open
            assert tab.mode_buttons[(Market.KASE, mode)].isChecked()
            assert tab.open_labels[Market.KASE].text() == ("open now" if is_open else "closed now")
            assert said == f"KASE is held {mode}."
        gui.click(tab.mode_buttons[(Market.AIX, "closed")])
        await wait_until(lambda: tab.open_labels[Market.AIX].text() == "closed now", what="AIX")
        await act(tab, lambda: gui.click(tab.mode_buttons[(Market.KASE, "auto")]))
        hours = await get_json(backend, "/mock/market-hours")
        assert hours["modes"] == {"KASE": "auto", "AIX": "closed", "INTL": "auto"}

    run(scenario())


def test_the_clock_jumps_to_the_close_to_the_next_session_and_by_minutes(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    close = MARKETS[Market.KASE].session_close
    opening = MARKETS[Market.KASE].session_open

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "market")
        tab = panel.tabs["market"]
        assert tab.jump_market.currentText() == "KASE"
        said = await act(tab, lambda: gui.click(tab.close_button))
        assert said.startswith("The mock's time is now"), said
        at_close = almaty((await get_json(backend, "/mock/clock"))["now"])
        assert (at_close.hour, at_close.minute) == (close.hour, close.minute)
        hours = await get_json(backend, "/mock/market-hours")
        assert not hours["open_now"]["KASE"]

        await act(tab, lambda: gui.click(tab.next_button))
        at_open = almaty((await get_json(backend, "/mock/clock"))["now"])
        assert (at_open.hour, at_open.minute) == (opening.hour, opening.minute)
        assert at_open > at_close
        await wait_until(lambda: tab.open_labels[Market.KASE].text() == "open now", what="open")
        assert "ahead of real time" in tab.offset_label.text()

        gui.type_into(tab.minutes, "45")
        await act(tab, lambda: gui.press_enter(tab.minutes))
        later = almaty((await get_json(backend, "/mock/clock"))["now"])
        assert timedelta(minutes=45) <= later - at_open < timedelta(minutes=46)

        await act(tab, lambda: gui.click(tab.real_button))
        clock = await get_json(backend, "/mock/clock")
        assert abs(clock["offset_seconds"]) < 5
        await wait_until(lambda: tab.offset_label.text().startswith("Real time."), what="real")

    run(scenario())


def test_a_price_is_set_for_an_instrument_found_by_the_search(
    backend_factory: Callable[..., Backend],
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    backend = backend_factory(**QUIET_MARKET)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "market")
        tab = panel.tabs["market"]
        gui.click(tab.price_button)
        assert tab.price_error.isVisible() and tab.price_error.text() == (
            "Choose an instrument first."
        )
        gui.type_into(tab.instrument.edit, "HSBK")
        await wait_until(lambda: tab.instrument.results, what="the search")
        gui.press_enter(tab.instrument.edit)
        assert tab.instrument.instrument is not None
        assert tab.instrument.instrument.id == "KASE:HSBK"

        gui.type_into(tab.price_edit, "12,3,4")
        gui.click(tab.price_button)
        assert tab.price_error.isVisible() and tab.price_error.text()
        gui.type_into(tab.price_edit, "0.001")
        assert not tab.price_error.isVisible()
        said = await act(tab, lambda: gui.click(tab.price_button))
        assert said == "The price was not set."
        assert tab.price_error.isVisible() and tab.price_error.text()  # the mock's own rule

        gui.type_into(tab.price_edit, "512.5")
        said = await act(tab, lambda: gui.press_enter(tab.price_edit))
        assert said.startswith("KASE:HSBK now trades at 512.50"), said
        assert not tab.price_error.isVisible()
        quotes = await gui.session.call(lambda c: c.quotes(["KASE:HSBK"]))
        assert quotes[0].last == Decimal("512.50")

    run(scenario())


def test_each_fault_is_turned_on_with_its_settings_and_off_again(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "faults")
        tab = panel.tabs["faults"]
        rows = tab.rows
        await wait_until(lambda: tab.workbench.faults is not None, what="the faults")
        assert all(row.state.text() == "Off" for row in rows.values())
        assert not tab.clear_button.isEnabled()

        async def faults() -> dict[str, Any]:
            return await get_json(backend, "/mock/faults")  # type: ignore[no-any-return]

        async def mock_now() -> datetime:
            return datetime.fromisoformat((await get_json(backend, "/mock/clock"))["now"])

        def choose(field: Any, steps: int) -> None:
            """Pick a "how long" by the keyboard, as a user would."""
            field.choice.setFocus()
            for _ in range(steps):
                gui.qtbot.keyClick(field.choice, Qt.Key.Key_Down)

        # Latency, for 10 minutes.
        latency = rows[tab_fault("latency")]
        gui.type_into(latency.value, "250")
        choose(latency.until, 1)
        gui.type_into(latency.until.minutes, "10")
        await act(tab, lambda: gui.click(latency.on))
        state = await faults()
        assert state["latency_ms"] == 250
        left = datetime.fromisoformat(state["latency_until"]) - await mock_now()
        assert timedelta(minutes=9) < left <= timedelta(minutes=10)
        assert latency.state.text().startswith("On: every call waits 250 ms, until ")
        await act(tab, lambda: gui.click(latency.off))
        assert (await faults())["latency_ms"] == 0 and latency.state.text() == "Off"

        # Errors: a quarter of the portfolio calls answer 500, until 23:59 on the mock's clock.
        errors = rows[tab_fault("errors")]
        gui.type_into(errors.value, "25")
        gui.type_into(errors.status, "500")
        gui.type_into(errors.path, "/api/v1/portfolio*")
        choose(errors.until, 2)
        gui.type_into(errors.until.at, "25:99")
        said = await act(tab, lambda: gui.click(errors.on))
        assert "18:30" in said and (await faults())["error_rate"] == 0  # nothing sent
        gui.type_into(errors.until.at, "23:59")
        await act(tab, lambda: gui.click(errors.on))
        state = await faults()
        assert state["error_rate"] == 0.25 and state["error_status"] == 500
        assert state["error_path"] == "/api/v1/portfolio*"
        until = almaty(state["error_until"])
        assert (until.hour, until.minute) == (23, 59)
        assert "25 % of /api/v1/portfolio* answer 500" in errors.state.text()
        await act(tab, lambda: gui.click(errors.off))
        assert (await faults())["error_rate"] == 0

        # The stream, down for 20 seconds.
        stream = rows[tab_fault("stream")]
        gui.type_into(stream.value, "20")
        await act(tab, lambda: gui.click(stream.on))
        state = await faults()
        assert state["stream_down"] is True
        left = datetime.fromisoformat(state["stream_down_until"]) - await mock_now()
        assert timedelta(seconds=10) < left <= timedelta(seconds=20)
        await act(tab, lambda: gui.click(stream.off))
        assert (await faults())["stream_down"] is False

        # A crash after commit of the next 2 order placements, until cleared.
        crash = rows[tab_fault("crash")]
        gui.type_into(crash.value, "2")
        gui.type_into(crash.path, "POST /api/v1/orders")
        await act(tab, lambda: gui.click(crash.on))
        state = await faults()
        assert state["crash_after_commit"] == 2 and state["crash_path"] == "POST /api/v1/orders"
        assert state["crash_until"] is None and crash.state.text().endswith("until cleared.")
        await act(tab, lambda: gui.click(crash.off))
        assert (await faults())["crash_after_commit"] == 0

        # Slow answers, then two faults at once, cleared together.
        drip = rows[tab_fault("drip")]
        gui.type_into(drip.value, "300")
        await act(tab, lambda: gui.click(drip.on))
        assert (await faults())["drip_bytes_per_second"] == 300
        await act(tab, lambda: gui.click(drip.off))
        assert (await faults())["drip_bytes_per_second"] == 0
        await act(tab, lambda: gui.click(drip.on))
        await act(tab, lambda: gui.click(latency.on))
        assert tab.clear_button.isEnabled()
        said = await act(tab, lambda: gui.click(tab.clear_button))
        assert said == "Every fault is off."
        state = await faults()
        assert state["drip_bytes_per_second"] == 0 and state["latency_ms"] == 0
        assert all(row.state.text() == "Off" for row in rows.values())

    run(scenario())


def tab_fault(key: str) -> Any:
    from cesec_desktop.state.tester import Fault

    return Fault(key)
