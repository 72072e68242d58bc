"""Home's states and links against the real mock: "loading" and "connecting" until the first
answer (never "empty" or "connection lost"), recent rows that open their details, and a
portfolio summary that follows live prices like the Portfolio page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import QPoint, Qt
from test_notifications import withdraw

from cesec_desktop.state.connection import Connection
from cesec_desktop.state.formatting import format_money
from cesec_desktop.views.widgets.connection_indicator import CONNECTING

LIVE = {"simulate": True, "always_open": True, "tick_rate": 5}
"""Live prices, slow enough that the screens settle between two ticks."""


def click_recent(gui: Gui, key: str) -> None:
    home = gui.main.home
    row = home.recent_keys().index(key)
    table = home.recent_table
    where = table.visualItemRect(table.item(row, 0)).center()
    gui.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where))


def test_home_says_loading_and_connecting_until_the_first_answers(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        # A slow server and no stream yet: the first seconds of every sign-in, drawn out.
        await backend.control("/mock/faults", {"stream_down": True, "latency_ms": 1200})
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        home = main.home
        # The window is up; the lists are still on their way.
        assert home.lists_loading
        for panel in home.panels.values():
            assert panel.is_empty
            assert panel.empty_text.text() == "Loading your lists…"
            assert not panel.edit_button.isVisibleTo(panel)
        # Not an orange "connection lost": the stream has not answered yet.
        assert main.indicator.shown == CONNECTING
        assert main.indicator.label.text() == "Connecting…"
        assert main.indicator.dot.property("state") == CONNECTING
        assert home.live_text.property("state") == CONNECTING
        assert home.live_text.text().startswith("Connecting")

        await wait_until(lambda: home.watchlists.is_loaded, timeout=15, what="the watchlists")
        await backend.control("/mock/faults", {"latency_ms": 0})
        assert not home.lists_loading
        assert any(not panel.is_empty for panel in home.panels.values())

        # No answer for too long: then it is said as it is.
        main.indicator.grace.timeout.emit()
        assert main.indicator.shown == Connection.RECONNECTING.value
        assert main.indicator.label.text() == "Reconnecting…"
        assert home.live_text.property("state") == Connection.RECONNECTING.value

        await backend.control("/mock/faults", {"stream_down": False})
        await wait_until(
            lambda: main.indicator.shown == Connection.ONLINE.value, timeout=15, what="online"
        )
        assert main.indicator.label.text() == "Online"
        assert home.live_text.property("state") == Connection.ONLINE.value

    run(scenario(), timeout=60)


def test_an_empty_list_still_offers_the_editor_once_loaded(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        home = gui.main.home
        await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists")
        home.watchlists.set_ids("AIX", [], save=False)
        panel = home.panels["AIX"]
        await wait_until(lambda: panel.is_empty, what="an empty AIX list")
        assert "No instruments" in panel.empty_text.text()
        assert panel.edit_button.isVisibleTo(panel)

    run(scenario())


def test_a_click_on_a_recent_instruction_opens_its_details(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        home = main.home
        instruction = await withdraw(gui.session, backend, "1000")
        key = f"instruction:{instruction.id}"
        await wait_until(lambda: key in home.recent_keys(), what="the withdrawal on Home")
        row = home.recent_keys().index(key)
        assert home.recent_table.item(row, 0).text().startswith("Withdrawal 1,000.00")
        assert home.recent_table.item(row, 1).text() == "New"  # the Instructions page's word

        asked: list[str] = []
        home.instructionDetailsRequested.connect(asked.append)
        click_recent(gui, key)
        assert asked == [instruction.id]
        page = main.pages["instructions"]
        await wait_until(
            lambda: page.details_dialog is not None and page.details_dialog.isVisible(),
            what="the instruction's details",
        )
        assert main.current_page == "instructions"
        page.details_dialog.close()

    run(scenario(), timeout=60)


def test_a_row_outside_the_period_shown_is_read_and_opened(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        oldest = backend.state.conn.execute(
            "SELECT id FROM orders WHERE account_id = 'acc_demo_kzt' ORDER BY created_at LIMIT 1"
        ).fetchone()["id"]
        page = main.pages["orders"]
        assert await main.open_details("orders", oldest)
        assert main.current_page == "orders"
        await wait_until(
            lambda: page.details_dialog is not None and page.details_dialog.order.id == oldest,
            what="the old order's details",
        )
        assert page.model.row_of(oldest) is None, "the list keeps its period"
        page.details_dialog.reject()
        # One that does not exist: the page says so where the user looks.
        await main.open_details("orders", "ord_nowhere")
        await wait_until(page.notice.isVisible, what="the notice")
        assert "could not be loaded" in page.notice.text()

    run(scenario())


def test_the_summary_follows_live_prices_as_the_portfolio_page_does(
    backend_factory: Callable[..., Backend],
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    backend = backend_factory(**LIVE)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        home = main.home
        await wait_until(lambda: home.summary_loaded, what="the summary")
        store = home.portfolio
        assert store is not None and store.portfolio is not None
        first = home.total_value.text()
        assert first == format_money(store.portfolio.totals.total_value, "KZT")
        # Home redraws the live total at most once a second (each new text lays its side
        # column out again): it shows the store's figure once that has settled.
        await wait_until(
            lambda: (
                home.total_value.text() != first
                and home.total_value.text() == format_money(store.totals.total, "KZT")
            ),
            timeout=20,
            what="a live revaluation",
        )

        # The Portfolio page (all sub-accounts) prices the same positions from the same
        # quotes, at the session's one USD/KZT rate, with the same arithmetic.
        main.show_page("portfolio")
        page = main.pages["portfolio"]
        await wait_until(
            lambda: page.store is not None and page.store.portfolio is not None,
            what="the Portfolio page",
        )

        def prices(rows: list[Any]) -> dict[tuple[str, str], Any]:
            return {(h.position.account_id, h.instrument_id): h.last for h in rows}

        def one_figure() -> bool:
            if prices(page.store.securities.rows) != prices(store.securities.rows):
                return False
            # Home is hidden meanwhile and redraws nothing: its store's figure is compared.
            return format_money(store.totals.total, "KZT") == page.total_values["total"].text()

        # Between two ticks both screens show one figure: the same quotes, the same rate.
        await wait_until(one_figure, timeout=20, what="one valuation on both screens")
        assert page.store.totals.usdkzt == store.totals.usdkzt
        assert page.total_values["total"].text() == format_money(page.store.totals.total, "KZT")
        # Back on Home, its total is the newest at once.
        main.show_page("home")
        assert home.total_value.text() == format_money(store.totals.total, "KZT")

    run(scenario(), timeout=60)
