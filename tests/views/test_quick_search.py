"""The top bar's quick search against the real mock: type-ahead with market badges, Enter or
a click adds the instrument to its market's table, and the list survives a new login."""

from __future__ import annotations

import asyncio
from typing import Any

from gui_support import wait_until
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor

from cesec_desktop.state.instrument_search import IdRole, MarketRole, SearchState


async def stored_list(session: Any, market: str) -> list[str]:
    """GET /watchlists again, as the server has it."""
    lists = await session.call(lambda client: client.watchlists())
    return list(next(w.instrument_ids for w in lists.items if w.market.value == market))


async def signed_in(gui_factory: Any, backend: Any) -> Any:
    gui = gui_factory(backend.url)
    await gui.sign_in()
    await wait_until(lambda: gui.main.home.watchlists.is_loaded, what="the watchlists")
    return gui


def result_ids(quick: Any) -> list[str]:
    model = quick.model
    return [model.index(r).data(IdRole) for r in range(model.rowCount())]


def is_marked(home: Any, instrument_id: str) -> bool:
    market = instrument_id.partition(":")[0]
    table = home.panels[market].table
    row = home.models[market].row_of(instrument_id)
    return (
        row >= 0 and table.currentIndex().row() == row and table.selectionModel().isRowSelected(row)
    )


def test_enter_adds_the_ticker_marks_it_and_it_stays_after_a_new_login(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        home = main.home
        quick = main.quick_search_popup
        assert "KASE:KZTK" not in home.models["KASE"].ids
        main.show_page("orders")
        main.quick_search.setFocus()
        gui.type_into(main.quick_search, "KZTK")
        await wait_until(
            lambda: quick.search.state is SearchState.RESULTS and quick.popup.isVisible(),
            what="the results popup",
        )
        ids = result_ids(quick)
        assert "KASE:KZTK" in ids and "AIX:KZTK" in ids
        badges = {quick.model.index(r).data(MarketRole) for r in range(quick.model.rowCount())}
        assert {"KASE", "AIX"} <= badges
        gui.qtbot.keyClick(main.quick_search, Qt.Key.Key_Return)
        await wait_until(lambda: "KASE:KZTK" in home.models["KASE"].ids, what="the new row")
        assert home.models["KASE"].ids[-1] == "KASE:KZTK"
        assert "AIX:KZTK" not in home.models["AIX"].ids
        assert main.current_page == "home"
        await wait_until(lambda: is_marked(home, "KASE:KZTK"), what="the row marked")
        assert main.quick_search.text() == ""
        assert not quick.popup.isVisible()

        for _ in range(100):
            stored = await stored_list(gui.session, "KASE")
            if "KASE:KZTK" in stored:
                break
            await asyncio.sleep(0.05)
        assert stored == home.models["KASE"].ids

        main.logout_action.trigger()
        await wait_until(lambda: gui.login.isVisible() and gui.main is None, what="logged out")
        await gui.sign_in()
        home = gui.main.home
        await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists again")
        assert home.models["KASE"].ids[-1] == "KASE:KZTK"
        assert (await stored_list(gui.session, "KASE"))[-1] == "KASE:KZTK"

    run(scenario())


def test_a_click_on_a_result_adds_it_to_that_markets_table(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        home = main.home
        quick = main.quick_search_popup
        main.quick_search.setFocus()
        gui.type_into(main.quick_search, "Kazakhtel")
        await wait_until(
            lambda: quick.popup.isVisible() and "AIX:KZTK" in result_ids(quick),
            what="the results",
        )
        popup = quick.popup
        row = result_ids(quick).index("AIX:KZTK")
        rect = popup.visualRect(popup.model().index(row, 0))
        # The pointer enters the popup first (the completer ignores clicks outside it).
        QCursor.setPos(popup.viewport().mapToGlobal(rect.center()))
        gui.qtbot.mouseMove(popup.viewport(), rect.center())
        await wait_until(popup.underMouse, what="the pointer over the popup")
        gui.qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        await wait_until(lambda: "AIX:KZTK" in home.models["AIX"].ids, what="the AIX row")
        assert "KASE:KZTK" not in home.models["KASE"].ids
        await wait_until(lambda: is_marked(home, "AIX:KZTK"), what="the row marked")

    run(scenario())


def test_no_match_is_said_in_the_popup(run: Any, gui_factory: Any, backend: Any) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        quick = main.quick_search_popup
        before = {m: list(model.ids) for m, model in main.home.models.items()}
        main.quick_search.setFocus()
        gui.type_into(main.quick_search, "zzqx")
        await wait_until(lambda: quick.search.state is SearchState.NO_MATCH, what="no match")
        assert quick.popup.isVisible()
        assert "Nothing matches" in quick.message and "zzqx" in quick.message
        chosen: list[str] = []
        quick.instrumentChosen.connect(chosen.append)
        gui.qtbot.keyClick(main.quick_search, Qt.Key.Key_Return)
        # A pick Enter defers goes through a 0 ms timer; one started after it fires after it.
        handled: list[bool] = []
        QTimer.singleShot(0, lambda: handled.append(True))
        await wait_until(lambda: handled, what="the Enter handled")
        assert chosen == []
        assert {m: list(model.ids) for m, model in main.home.models.items()} == before

    run(scenario())


def test_a_backend_error_is_said_in_the_popup(
    run: Any, gui_factory: Any, backend: Any, monkeypatch: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        quick = main.quick_search_popup
        from cesec_desktop.state.errors import CabinetError

        async def failing(*_args: Any, **_kwargs: Any) -> Any:
            raise CabinetError("boom")

        monkeypatch.setattr(gui.session.client, "search_instruments", failing)
        main.quick_search.setFocus()
        gui.type_into(main.quick_search, "HSBK")
        await wait_until(lambda: quick.search.state is SearchState.ERROR, what="the error")
        assert quick.popup.isVisible()
        assert quick.message.startswith("Search failed")

    run(scenario())
