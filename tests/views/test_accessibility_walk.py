"""Every control tells a screen reader what it is, in the UI language (issue 18, "Names and
roles"): a walk of every window in kk, ru and en against the real mock reads each focusable
widget through `QAccessible.queryAccessibleInterface` (a11y_walk.py) and fails on a control
with no name, a name left in English, or two controls of one window a reader cannot tell
apart; table cells must say their column with their value.

The tour is the translation walk's (test_translation_walk.py), plus the windows it does not
open: the EDS dialog, the Tester window, a broker's pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from a11y_walk import AccessibilityWalk, control, focusable
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtWidgets import QWidget
from test_translation_walk import (
    close,
    settle,
    until_shown,
    walk_account,
    walk_forms,
    walk_help,
    walk_login,
    walk_pages,
)
from tester_support import click_tab, workbench_ready
from testkit import BROKER

from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.views.order_form import open_order_form


async def walk_eds(walk: AccessibilityWalk, gui: Gui) -> None:
    """The EDS dialog as it waits for an NCALayer that is not running."""
    form = open_order_form(gui.main, gui.session, instrument_id="KASE:HSBK")
    await wait_until(lambda: form.ticket.quote is not None, what="the order form's data")
    gui.type_into(form.ui.quantityEdit, "2")
    await settle(0.6)
    gui.click(form.ui.edsButton)
    eds = await until_shown(lambda: form.sign_dialog, "the EDS dialog")
    await wait_until(lambda: eds.state != eds.CONNECTING, what="NCALayer's absence")
    await settle(0.2)
    walk.read("EDS dialog", eds)
    await close(eds)
    await wait_until(lambda: form.sign_dialog is None, what="the EDS dialog closed")
    await close(form)


async def walk_tester(walk: AccessibilityWalk, gui: Gui) -> None:
    await workbench_ready(gui)
    gui.main.tester_action.trigger()
    panel = gui.main.tester_panel
    await wait_until(panel.isVisible, what="the Tester window")
    for key in panel.tabs:
        click_tab(gui, panel, key)
        await settle(0.3)
        walk.read(f"tester: {key}", panel)
    panel.close()


async def walk_broker(walk: AccessibilityWalk, gui: Gui) -> None:
    main = gui.main
    scope = ClientScope.of(gui.session)
    await wait_until(lambda: scope.loaded and scope.ready, what="the client list")
    for key in main.pages:
        main.show_page(key)
        await settle(0.5)
        walk.read(f"broker: {key}", main)
    main.show_page("home")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_control_has_a_name_in_the_language(
    language: str,
    backend_factory: Callable[..., Backend],
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: Any,
) -> None:
    async def scenario() -> None:
        backend = backend_factory(always_open=True)
        languages.set_language(language)
        walk = AccessibilityWalk(language)
        gui = gui_factory(backend.url, demo=True)
        await walk_login(walk, gui)  # type: ignore[arg-type]
        await gui.sign_in(*DEMO)
        await walk_pages(walk, gui)  # type: ignore[arg-type]
        await walk_forms(walk, gui)  # type: ignore[arg-type]
        await walk_eds(walk, gui)
        await walk_help(walk, gui)  # type: ignore[arg-type]
        await walk_account(walk, gui)  # type: ignore[arg-type]
        await walk_tester(walk, gui)
        broker = gui_factory(backend.url)
        await broker.sign_in(*BROKER)
        await walk_broker(walk, broker)
        assert len(walk.windows) > 40 and walk.controls > 400
        assert not walk.problems, walk.report()

    run(scenario(), timeout=240)


def names(window: QWidget) -> dict[str, str]:
    """Object name → accessible name of the window's named controls."""
    return {w.objectName(): control(w).name for w in focusable(window) if w.objectName()}


def test_a_language_switch_renames_the_controls(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: Any,
) -> None:
    """Names are set where texts are retranslated: switching live to Kazakh renames the
    icon-only buttons and the rest, with no English left."""

    async def scenario() -> None:
        gui = gui_factory(backend.url, demo=True)
        await gui.sign_in(*DEMO)
        english = names(gui.main)
        for key in ("watchlistButton", "helpButton", "profileButton", "quickSearch"):
            assert english.get(key), f"{key} unnamed in en: {english}"
        languages.set_language("kk")
        await settle(0.3)
        kazakh = names(gui.main)
        for key in ("watchlistButton", "helpButton", "profileButton", "quickSearch"):
            assert kazakh[key] and kazakh[key] != english[key], key
        walk = AccessibilityWalk("kk")
        walk.read("home after the switch", gui.main)
        assert not walk.problems, walk.report()

    run(scenario())


def test_a_price_move_is_said_in_words_not_colour_alone(qapp: Any) -> None:
    """The flash's direction stays in the cell's tooltip and accessible text (read through
    the table's accessibility interface) until the next move; every cell says its column."""
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtGui import QAccessible
    from test_quotes_model import quote

    from cesec_desktop.state.quote_table_model import Column, QuoteTableModel
    from cesec_desktop.state.quotes import QuoteStore
    from cesec_desktop.views.widgets.quote_table import QuoteTable

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    store = QuoteStore(None)
    store.stop()  # flushed by hand
    model = QuoteTableModel(store, "KASE")
    model.set_ids(["KASE:HSBK", "KASE:KSPI"])
    store.ingest([quote("KASE:HSBK", "100.00"), quote("KASE:KSPI", "100.00")])
    store.flush()
    table = QuoteTable(model)
    table.resize(900, 200)
    table.show()
    interface = QAccessible.queryAccessibleInterface(table)

    def said(row: int, column: int) -> str:
        """The name of the cell a reader finds at that cell's place on screen."""
        rect = table.visualRect(model.index(row, column))
        point = table.viewport().mapToGlobal(rect.center())
        cell = interface.childAt(point.x(), point.y())
        assert cell is not None and cell.role() == QAccessible.Role.Cell
        return cell.text(QAccessible.Text.Name)

    assert said(0, Column.LAST) == "Last: 100.00"
    store.ingest([quote("KASE:HSBK", "101.00"), quote("KASE:KSPI", "99.00")])
    store.flush()
    assert said(0, Column.LAST) == "Last: 101.00, up"
    assert said(1, Column.LAST) == "Last: 99.00, down"
    assert said(1, Column.BID).startswith("Bid: 98.99, down")
    assert said(0, Column.TICKER) == "Ticker: HSBK"
    tip = model.index(0, Column.LAST).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "101.00, up since the previous quote"
    # Still said once the tint has faded: words do not fade.
    model.fade(model.flashes.now() + 10)
    assert said(0, Column.LAST) == "Last: 101.00, up"
    table.close()
    model.release()
