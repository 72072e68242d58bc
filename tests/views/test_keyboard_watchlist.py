"""Watchlists by keyboard alone (issue 18): the editor from Home's top bar, a search, a tick
with Space, Ctrl+Up / Ctrl+Down to reorder, Delete to remove, Esc to close; and the top bar's
quick search (Ctrl+F, Down, Return). Keys only, sent to whatever has the focus, against the
real mock; each scenario ends on the server's own lists (GET /watchlists), as the mouse
tests in test_watchlist_editor.py and test_quick_search.py do.
"""

from __future__ import annotations

import asyncio
from typing import Any

from gui_support import Gui, wait_until
from keyboard_support import CTRL, focus_in, focused, press, tab_to, tab_to_widget, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cesec_desktop.domain.enums import Market
from cesec_desktop.mockserver.seed import DEMO_WATCHLISTS
from cesec_desktop.state.instrument_search import IdRole, SearchState
from cesec_desktop.views.watchlist_editor import WatchlistEditor

# --- the app -----------------------------------------------------------------------------


async def stored_list(session: Any, market: str) -> list[str]:
    """The market's list as the server has it."""
    lists = await session.call(lambda client: client.watchlists())
    return list(next(w.instrument_ids for w in lists.items if w.market.value == market))


async def until_stored(session: Any, market: str, expected: list[str]) -> None:
    """The store saves in the background: wait until the server has `expected`."""
    stored: list[str] = []
    for _ in range(200):
        stored = await stored_list(session, market)
        if stored == expected:
            return
        await asyncio.sleep(0.05)
    assert stored == expected


async def signed_in(gui_factory: Any, backend: Any) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in()
    main = gui.main
    await wait_until(lambda: main.home.watchlists.is_loaded, what="the watchlists")
    await focus_in(main)
    return gui


def current_id(view: Any) -> str:
    return str(view.currentIndex().data(IdRole))


def test_the_editor_adds_reorders_and_removes_by_keys_alone(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        original = [f"KASE:{t}" for t in DEMO_WATCHLISTS[Market.KASE]]
        assert "KASE:KZTK" not in original

        # The top bar's watchlist button is in the tab chain; Space opens the editor.
        await tab_to_widget(main.watchlist_button)
        press(Qt.Key.Key_Space)
        await wait_until(
            lambda: main.watchlist_editor is not None and main.watchlist_editor.isVisible(),
            what="the editor",
        )
        editor: WatchlistEditor = main.watchlist_editor
        await wait_until(lambda: QApplication.activeWindow() is editor, what="the editor active")
        ui = editor.ui
        assert focused() is ui.searchEdit  # the search is where typing goes at once

        type_text("Kazakhtel")
        await wait_until(
            lambda: editor.search.state is SearchState.RESULTS and editor.results.rowCount() > 1,
            what="the results",
        )
        # Down goes from the field into the results; Down again walks them.
        press(Qt.Key.Key_Down)
        assert focused() is ui.resultsView
        for _ in range(editor.results.rowCount()):
            if current_id(ui.resultsView) == "KASE:KZTK":
                break
            press(Qt.Key.Key_Down)
        assert current_id(ui.resultsView) == "KASE:KZTK"
        press(Qt.Key.Key_Space)
        added = [*original, "KASE:KZTK"]
        assert editor.list_models["KASE"].ids == added
        await until_stored(gui.session, "KASE", added)

        # Into the KASE list (the first tab); focus by Tab puts the cursor on its first row.
        kase = editor.lists["KASE"]
        assert editor.current_market == "KASE"
        await tab_to_widget(kase)
        assert kase.currentIndex().row() == 0
        press(Qt.Key.Key_Down)
        assert kase.currentIndex().row() == 1
        press(Qt.Key.Key_Down, CTRL)
        press(Qt.Key.Key_Down, CTRL)
        moved = [added[0], added[2], added[3], added[1], *added[4:]]
        assert editor.list_models["KASE"].ids == moved
        assert kase.currentIndex().row() == 3  # the cursor follows the row it moved
        press(Qt.Key.Key_Up, CTRL)
        moved = [added[0], added[2], added[1], added[3], *added[4:]]
        assert editor.list_models["KASE"].ids == moved
        assert focused() is kase

        # Delete removes the row under the cursor; the cursor stays in the list.
        removed = moved[0]
        press(Qt.Key.Key_Home)
        press(Qt.Key.Key_Delete)
        final = moved[1:]
        assert editor.list_models["KASE"].ids == final
        assert focused() is kase and kase.currentIndex().row() == 0
        await until_stored(gui.session, "KASE", final)
        assert "KASE:KZTK" in final and removed not in final

        # Esc closes it; the focus is back on the button that opened it.
        press(Qt.Key.Key_Escape)
        await wait_until(lambda: main.watchlist_editor is None, what="the editor closed")
        await wait_until(lambda: QApplication.activeWindow() is main, what="the main window")
        assert focused() is main.watchlist_button
        assert main.home.models["KASE"].ids == final

    run(scenario())


def test_the_buttons_name_their_keys(run: Any, gui_factory: Any, backend: Any) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        editor = WatchlistEditor(gui.session, gui.main.home.watchlists, parent=gui.main)
        ui = editor.ui
        assert "Ctrl+Up" in ui.moveUpButton.toolTip()
        assert "Ctrl+Down" in ui.moveDownButton.toolTip()
        assert "Del" in ui.removeButton.toolTip()
        editor.deleteLater()

    run(scenario())


def test_the_quick_search_adds_by_keys_alone(run: Any, gui_factory: Any, backend: Any) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        home = main.home
        quick = main.quick_search_popup
        original = [f"AIX:{t}" for t in DEMO_WATCHLISTS[Market.AIX]]
        assert "AIX:KZTK" not in original
        main.show_page("orders")
        orders = main.pages["orders"]
        await tab_to(orders.isAncestorOf)  # somewhere on the page, not in the top bar

        press(Qt.Key.Key_F, CTRL)
        assert focused() is main.quick_search
        type_text("Kazakhtel")
        await wait_until(
            lambda: quick.search.state is SearchState.RESULTS and quick.popup.isVisible(),
            what="the results popup",
        )
        model = quick.model
        ids = [model.index(r).data(IdRole) for r in range(model.rowCount())]
        assert "AIX:KZTK" in ids
        # The open results are the active popup: keys go to it first, as Qt routes them,
        # while the field keeps the focus (the completer's way).
        popup = QApplication.activePopupWidget()
        assert popup is quick.popup and focused() is main.quick_search
        for _ in range(len(ids)):
            press(Qt.Key.Key_Down, to=popup)
            if popup.currentIndex().data(IdRole) == "AIX:KZTK":
                break
        assert popup.currentIndex().data(IdRole) == "AIX:KZTK"
        press(Qt.Key.Key_Return, to=popup)
        await wait_until(lambda: "AIX:KZTK" in home.models["AIX"].ids, what="the AIX row")
        assert main.current_page == "home"
        await until_stored(gui.session, "AIX", [*original, "AIX:KZTK"])
        assert "KASE:KZTK" not in await stored_list(gui.session, "KASE")

    run(scenario())
