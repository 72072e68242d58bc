"""Buy and Sell from the keyboard on a table's selected row: Ctrl+B and Ctrl+Shift+S on
Home's quote tables and on Portfolio's securities, shown in the rows' "…" menus; brokers get
none. The order form is stood in for: the test records how the page opens it."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest
from gui_support import Gui, wait_until
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView
from testkit import BROKER, DEMO

from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.portfolio_model import ID_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def order_form_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """Stand in for issue 4's `open_order_form`: record how the page calls it."""
    calls: list[dict[str, Any]] = []

    def fake(parent: Any, session: Any, **kwargs: Any) -> None:
        calls.append({"parent": parent, "session": session, **kwargs})

    try:
        import cesec_desktop.views.order_form as module
    except ImportError:
        module = types.ModuleType("cesec_desktop.views.order_form")
        monkeypatch.setitem(sys.modules, "cesec_desktop.views.order_form", module)
    monkeypatch.setattr(module, "open_order_form", fake, raising=False)
    yield calls


async def signed_in(gui_factory: Any, backend: Any, login: tuple[str, str] = DEMO) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in(*login)
    gui.main.activateWindow()
    return gui


def press(gui: Gui, table: QAbstractItemView, row: int, modifiers: Any, key: Any) -> None:
    """Select a row with the mouse, as a user does, then press the keys on the table."""
    rect = table.visualRect(table.model().index(row, 1))
    gui.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table.setFocus(Qt.FocusReason.MouseFocusReason)
    gui.qtbot.keyClick(table, key, modifiers)


def test_ctrl_b_and_ctrl_shift_s_on_a_quote_row_open_the_order_form(
    run: Any, gui_factory: Any, backend: Any, order_form_calls: list[dict[str, Any]]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        home = gui.main.home
        await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists")
        kase, aix = home.panels["KASE"].table, home.panels["AIX"].table
        await wait_until(lambda: kase.model().rowCount() > 1, what="KASE rows")
        await wait_until(lambda: aix.model().rowCount() > 0, what="AIX rows")

        press(gui, kase, 1, CTRL, Qt.Key.Key_B)
        await wait_until(lambda: order_form_calls, what="the order form")
        assert order_form_calls[-1]["instrument_id"] == home.models["KASE"].ids[1]
        assert order_form_calls[-1]["side"] == "buy"

        # The same keys on another market's table trade that table's row (no clash).
        press(gui, aix, 0, CTRL_SHIFT, Qt.Key.Key_S)
        await wait_until(lambda: len(order_form_calls) == 2, what="the second order form")
        assert order_form_calls[-1]["instrument_id"] == home.models["AIX"].ids[0]
        assert order_form_calls[-1]["side"] == "sell"

        # The "…" menu names the keys next to Buy and Sell.
        menu = home.row_menu(home.models["KASE"].ids[0])
        keys = {a.objectName(): a.shortcut() for a in menu.actions()}
        assert keys["buyAction"] == QKeySequence("Ctrl+B")
        assert keys["sellAction"] == QKeySequence("Ctrl+Shift+S")
        menu.deleteLater()

        # No row selected: an empty order form on the side pressed (issue 11 §6).
        kase.clearSelection()
        kase.setCurrentIndex(kase.model().index(-1, -1))
        kase.setFocus(Qt.FocusReason.OtherFocusReason)
        gui.qtbot.keyClick(kase, Qt.Key.Key_S, CTRL_SHIFT)
        await wait_until(lambda: len(order_form_calls) == 3, what="the empty order form")
        assert order_form_calls[-1]["instrument_id"] is None
        assert order_form_calls[-1]["side"] == "sell"

    run(scenario())


def test_ctrl_b_and_ctrl_shift_s_on_a_position_trade_its_instrument_and_sub_account(
    run: Any, gui_factory: Any, backend: Any, order_form_calls: list[dict[str, Any]]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.main.show_page("portfolio")
        page = gui.main.pages["portfolio"]
        await wait_until(
            lambda: page.store is not None and page.store.portfolio is not None,
            what="the portfolio",
        )
        view = page.securities_view
        await wait_until(lambda: view.model().rowCount() > 1, what="positions")
        proxy = view.model()
        # The shown (sorted) second row: its holding, through the proxy.
        source = proxy.mapToSource(proxy.index(1, 0)).row()
        holding = page.store.securities.rows[source]
        assert proxy.index(1, 0).data(ID_ROLE) == holding.instrument_id
        assert holding.position.available > 0

        press(gui, view, 1, CTRL_SHIFT, Qt.Key.Key_S)
        await wait_until(lambda: order_form_calls, what="the order form")
        call = order_form_calls[-1]
        assert call["instrument_id"] == holding.instrument_id and call["side"] == "sell"
        assert call["account_id"] == holding.position.account_id

        press(gui, view, 0, CTRL, Qt.Key.Key_B)
        await wait_until(lambda: len(order_form_calls) == 2, what="the second order form")
        first = page.store.securities.rows[proxy.mapToSource(proxy.index(0, 0)).row()]
        assert order_form_calls[-1]["instrument_id"] == first.instrument_id
        assert order_form_calls[-1]["side"] == "buy"

        # Nothing selected: Ctrl+B opens an empty form on the buy side (issue 11 §6).
        view.clearSelection()
        view.setCurrentIndex(proxy.index(-1, -1))
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        gui.qtbot.keyClick(view, Qt.Key.Key_B, CTRL)
        await wait_until(lambda: len(order_form_calls) == 3, what="the empty order form")
        assert order_form_calls[-1]["instrument_id"] is None
        assert order_form_calls[-1]["side"] == "buy"

        menu = page.security_menu(source)
        keys = {a.objectName(): a.shortcut() for a in menu.actions()}
        assert keys["buyAction"] == QKeySequence("Ctrl+B")
        assert keys["sellAction"] == QKeySequence("Ctrl+Shift+S")
        menu.deleteLater()

    run(scenario())


def test_a_broker_gets_no_buy_or_sell_from_the_keyboard(
    run: Any, gui_factory: Any, backend: Any, order_form_calls: list[dict[str, Any]]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend, BROKER)
        scope = ClientScope.of(gui.session)
        await wait_until(lambda: scope.loaded and scope.ready, what="the client list")
        home = gui.main.home
        table = home.panels["KASE"].table
        await wait_until(lambda: table.model().rowCount() > 0, what="the client's KASE list")
        fired: list[str] = []
        for name in ("buyShortcut", "sellShortcut"):
            action = table.findChild(QAction, name)
            action.triggered.connect(lambda _=False, n=name: fired.append(n))
        press(gui, table, 0, CTRL, Qt.Key.Key_B)
        press(gui, table, 0, CTRL_SHIFT, Qt.Key.Key_S)
        # The keys reached the table's actions, which refuse for a broker.
        assert fired == ["buyShortcut", "sellShortcut"]

        gui.main.show_page("portfolio")
        page = gui.main.pages["portfolio"]
        await wait_until(
            lambda: page.store is not None and page.securities_view.model().rowCount() > 0,
            what="the client's positions",
        )
        press(gui, page.securities_view, 0, CTRL, Qt.Key.Key_B)
        press(gui, page.securities_view, 0, CTRL_SHIFT, Qt.Key.Key_S)
        assert page.trade_selected("buy") is None and home.trade_selected(table, "buy") is None
        assert order_form_calls == []

    run(scenario())


def test_with_no_row_selected_the_keys_ask_the_page_for_an_empty_order_form(qtbot: Any) -> None:
    """The shared helper: a selected row trades it; no row calls `unselected(side)`."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from cesec_desktop.views.widgets.quote_table import add_trade_shortcuts

    model = QStandardItemModel(0, 2)
    for ticker in ("HSBK", "KSPI"):
        model.appendRow([QStandardItem(ticker), QStandardItem("1")])
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    qtbot.addWidget(view)
    traded: list[tuple[str, str]] = []
    add_trade_shortcuts(
        view,
        lambda side: traded.append((side, view.currentIndex().siblingAtColumn(0).data())),
        unselected=lambda side: traded.append((side, "")),
    )
    view.show()
    view.activateWindow()
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(view.hasFocus)
    view.clearSelection()
    view.setCurrentIndex(model.index(-1, -1))
    qtbot.keyClick(view, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL_SHIFT)
    assert traded == [("buy", ""), ("sell", "")], "nothing selected: an empty form, per side"

    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_B, CTRL)
    assert traded[-1] == ("buy", "KSPI")

    # A page that passes no `unselected` keeps answering the keys itself, as before.
    bare = QTableView()
    bare.setModel(model)
    qtbot.addWidget(bare)
    asked: list[str] = []
    add_trade_shortcuts(bare, asked.append)
    bare.show()
    bare.activateWindow()
    bare.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(bare.hasFocus)
    bare.setCurrentIndex(model.index(-1, -1))
    qtbot.keyClick(bare, Qt.Key.Key_B, CTRL)
    assert asked == ["buy"]
