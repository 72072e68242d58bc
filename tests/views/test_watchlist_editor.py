"""The watchlist editor against the real mock: search across markets, check boxes that add
and remove, reordering by drag and by the move buttons, saved and shown after a new login."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from gui_support import wait_until
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from cesec_desktop.domain.enums import Market
from cesec_desktop.mockserver.seed import DEMO_WATCHLISTS
from cesec_desktop.state.instrument_search import IdRole, SearchState
from cesec_desktop.state.watchlists import WatchlistStore
from cesec_desktop.views.watchlist_editor import WatchlistEditor


async def stored_list(session: Any, market: str) -> list[str]:
    lists = await session.call(lambda client: client.watchlists())
    return list(next(w.instrument_ids for w in lists.items if w.market.value == market))


async def open_editor(gui_factory: Any, backend: Any) -> tuple[Any, WatchlistEditor]:
    gui = gui_factory(backend.url)
    await gui.sign_in()
    main = gui.main
    await wait_until(lambda: main.home.watchlists.is_loaded, what="the watchlists")
    gui.click(main.watchlist_button)
    await wait_until(
        lambda: main.watchlist_editor is not None and main.watchlist_editor.isVisible(),
        what="the editor",
    )
    return gui, main.watchlist_editor


async def search(gui: Any, editor: WatchlistEditor, text: str) -> None:
    gui.type_into(editor.ui.searchEdit, text)
    await wait_until(
        lambda: (
            editor.search.state in (SearchState.RESULTS, SearchState.NO_MATCH)
            and editor.search.query == text
        ),
        what=f"results for {text}",
    )


def click_check_box(gui: Any, view: Any, row: int) -> None:
    """Click a result's check box where a user clicks it."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    option.font = view.font()
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    gui.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def check_state(editor: WatchlistEditor, instrument_id: str) -> Qt.CheckState:
    row = editor.results.row_of(instrument_id)
    return Qt.CheckState(editor.results.index(row).data(Qt.ItemDataRole.CheckStateRole))


def test_checking_a_result_adds_it_and_unchecking_removes_it(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui, editor = await open_editor(gui_factory, backend)
        home = gui.main.home
        await search(gui, editor, "Kazakhtel")
        ids = [editor.results.index(r).data(IdRole) for r in range(editor.results.rowCount())]
        assert "KASE:KZTK" in ids and "AIX:KZTK" in ids  # across markets
        assert "instrument" in editor.ui.statusLabel.text()
        assert check_state(editor, "AIX:KZTK") == Qt.CheckState.Unchecked

        view = editor.ui.resultsView
        click_check_box(gui, view, editor.results.row_of("AIX:KZTK"))
        assert check_state(editor, "AIX:KZTK") == Qt.CheckState.Checked
        assert home.models["AIX"].ids[-1] == "AIX:KZTK"
        assert editor.list_models["AIX"].ids[-1] == "AIX:KZTK"
        await wait_until(lambda: editor.search.state is SearchState.RESULTS, what="results")
        for _ in range(100):
            if (await stored_list(gui.session, "AIX"))[-1:] == ["AIX:KZTK"]:
                break
            await asyncio.sleep(0.05)
        assert (await stored_list(gui.session, "AIX"))[-1] == "AIX:KZTK"

        # Unchecking with the keyboard: Space on the current result.
        view.setFocus()
        view.setCurrentIndex(editor.results.index(editor.results.row_of("AIX:KZTK")))
        gui.qtbot.keyClick(view, Qt.Key.Key_Space)
        assert check_state(editor, "AIX:KZTK") == Qt.CheckState.Unchecked
        assert "AIX:KZTK" not in home.models["AIX"].ids
        for _ in range(100):
            if "AIX:KZTK" not in await stored_list(gui.session, "AIX"):
                break
            await asyncio.sleep(0.05)
        assert await stored_list(gui.session, "AIX") == [
            f"AIX:{t}" for t in DEMO_WATCHLISTS[Market.AIX]
        ]

        # A result already on a list comes checked.
        await search(gui, editor, "HSBK")
        assert check_state(editor, "KASE:HSBK") == Qt.CheckState.Checked

    run(scenario())


def test_reordering_by_drag_and_by_buttons_persists_after_a_new_login(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui, editor = await open_editor(gui_factory, backend)
        original = [f"KASE:{t}" for t in DEMO_WATCHLISTS[Market.KASE]]
        ui = editor.ui
        ui.marketTabs.setCurrentIndex(0)
        view = editor.lists["KASE"]
        model = editor.list_models["KASE"]
        assert model.ids == original
        assert model.index(0).data().startswith("HSBK")

        # The keyboard alternative: select the first row, Move down twice.
        gui.qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0)).center()
        )
        assert ui.moveDownButton.isEnabled() and not ui.moveUpButton.isEnabled()
        gui.click(ui.moveDownButton)
        gui.click(ui.moveDownButton)
        expected = [original[1], original[2], original[0], *original[3:]]
        assert model.ids == expected
        assert view.currentIndex().row() == 2
        gui.click(ui.moveUpButton)
        expected = [original[1], original[0], original[2], *original[3:]]
        assert model.ids == expected

        # A drop in the list view moves the row through the model's moveRows.
        assert model.moveRow(QModelIndex(), 5, QModelIndex(), 0)
        expected = [expected[5], *expected[:5], *expected[6:]]
        assert model.ids == expected
        assert gui.main.home.models["KASE"].ids == expected

        for _ in range(100):
            if await stored_list(gui.session, "KASE") == expected:
                break
            await asyncio.sleep(0.05)
        assert await stored_list(gui.session, "KASE") == expected

        gui.click(ui.buttonBox.button(ui.buttonBox.StandardButton.Close))
        await wait_until(lambda: gui.main.watchlist_editor is None, what="the editor closed")
        gui.main.logout_action.trigger()
        await wait_until(lambda: gui.login.isVisible() and gui.main is None, what="logged out")
        await gui.sign_in()
        home = gui.main.home
        await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists again")
        assert home.models["KASE"].ids == expected

    run(scenario())


def test_no_match_and_an_empty_list_say_what_to_do(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui, editor = await open_editor(gui_factory, backend)
        assert "Type part of a ticker" in editor.ui.statusLabel.text()
        await search(gui, editor, "zzqx")
        assert editor.search.state is SearchState.NO_MATCH
        text = editor.ui.statusLabel.text()
        assert "Nothing matches" in text and "zzqx" in text
        assert editor.results.rowCount() == 0

        # Remove, from the list's own buttons.
        editor.show_market("INTL")
        view, model = editor.lists["INTL"], editor.list_models["INTL"]
        first = model.ids[0]
        gui.qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0)).center()
        )
        gui.click(editor.ui.removeButton)
        assert first not in model.ids and first not in gui.main.home.models["INTL"].ids

        gui.main.home.watchlists.set_ids("INTL", [])
        assert editor.ui.listHintLabel.isVisible()
        assert "empty" in editor.ui.listHintLabel.text()

    run(scenario())


def test_brokers_see_the_lists_read_only(qtbot: Any) -> None:
    session = SimpleNamespace(me=SimpleNamespace(role=SimpleNamespace(value="broker")))
    store = WatchlistStore(None)
    store.set_ids("KASE", ["KASE:HSBK", "KASE:KSPI"], save=False)
    store.session = session  # type: ignore[assignment]
    editor = WatchlistEditor(None, store)
    qtbot.addWidget(editor)
    editor.show()
    ui = editor.ui
    assert not ui.searchEdit.isVisible() and not ui.resultsView.isVisible()
    assert not ui.moveUpButton.isVisible() and not ui.removeButton.isVisible()
    assert ui.readOnlyLabel.isVisible() and "Brokers" in ui.readOnlyLabel.text()
    model = editor.list_models["KASE"]
    assert model.ids == ["KASE:HSBK", "KASE:KSPI"]
    assert not model.moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
