"""Trading by keyboard alone (issue 18): a quote row's menu by the Menu key or Shift+F10, an
order filled and signed by SMS and by EDS, a withdrawal, Esc out of each window with the focus
back where it was, and the list pages' row menus at the current row.

Every key goes to the widget with the focus (`keyboard_support.press`), against the real mock
and the mock NCALayer; each flow ends on what the broker stored.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from keyboard_support import (
    CTRL,
    SHIFT,
    choose_in_menu,
    focus_in,
    focused,
    popup,
    press,
    settle,
    tab_to,
    tab_to_widget,
    type_text,
    wait_for_popup,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabBar, QWidget

from cesec_desktop.domain.iban import make_iban
from cesec_desktop.state.orders_query import Period
from cesec_desktop.views.eds_dialog import EdsDialog
from cesec_desktop.views.order_form import OrderFormDialog
from cesec_desktop.views.sms_dialog import SmsDialog
from cesec_desktop.views.withdrawal_form import WithdrawalFormDialog

# The mock NCALayer and the SMS outbox of the end-to-end tests (tests/e2e), shared as is.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "e2e"))
from signing_support import NcaLayerThread, latest_sms_code

MENU_KEYS = {
    "menu key": (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    "shift+f10": (Qt.Key.Key_F10, SHIFT),
}
HALYK_IBAN = make_iban("601", "0000000012345")


@pytest.fixture
def nca() -> Iterator[NcaLayerThread]:
    """The mock NCALayer on its own loop in a thread, as the real one runs in its process."""
    mock = NcaLayerThread()
    yield mock
    mock.stop()


# --- helpers ---------------------------------------------------------------------------------


async def api(backend: Backend, method: str, path: str) -> Any:
    """The cabinet API as a second client sees it (a thread: the UI loop stays free)."""

    def call() -> Any:
        with httpx.Client(base_url=backend.url, timeout=10) as http:
            login = http.post("/api/v1/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
            login.raise_for_status()
            headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
            response = http.request(method, path, headers=headers)
            response.raise_for_status()
            return response.json()

    return await asyncio.to_thread(call)


async def signed_in(gui_factory: Callable[..., Gui], backend: Backend) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in(*DEMO)
    await focus_in(gui.main)
    return gui


def inside(window: QWidget) -> Callable[[], bool]:
    """Whether the keyboard focus is in `window` (the window itself or one of its widgets)."""

    def check() -> bool:
        widget = QApplication.focusWidget()
        return widget is not None and (widget is window or window.isAncestorOf(widget))

    return check


async def quote_row(gui: Gui, market: str = "KASE", row: int = 1) -> QAbstractItemView:
    """Tab into a market's quote table and move down to `row` with the arrow keys."""
    home = gui.main.home
    table = home.panels[market].table
    await wait_until(lambda: table.model().rowCount() > row, what=f"{market} rows")
    await tab_to_widget(table)
    await settle()
    # Tab gives the table a current cell on its first row; the arrows move from there.
    for _ in range(20):
        if table.currentIndex().row() == row:
            break
        press(Qt.Key.Key_Down)
        await settle(1)
    assert table.currentIndex().row() == row
    return table


async def open_row_menu(table: QAbstractItemView, keys: str) -> tuple[Any, QPoint]:
    """Press the menu keys on the focused table; the menu and the point Qt was asked for."""
    asked: list[QPoint] = []
    table.customContextMenuRequested.connect(asked.append)
    key, modifiers = MENU_KEYS[keys]
    assert focused() is table
    press(key, modifiers)
    menu = await wait_for_popup()
    table.customContextMenuRequested.disconnect(asked.append)
    assert len(asked) == 1, "one menu per key press"
    # At the current row's cell, in the viewport's coordinates as for a right-click there:
    # never at the mouse pointer, which may be anywhere.
    cell = table.visualRect(table.currentIndex())
    assert cell.contains(asked[0]), f"{asked[0]} is not in the current cell {cell}"
    return menu, table.viewport().mapToGlobal(asked[0])


async def order_form_opened(gui: Gui) -> OrderFormDialog:
    await wait_until(lambda: gui.main.findChild(OrderFormDialog) is not None, what="the order form")
    form = gui.main.findChild(OrderFormDialog)
    await wait_until(form.isVisible, what="the order form shown")
    await wait_until(
        lambda: form.ticket.instrument is not None and form.ticket.quote is not None,
        what="the instrument and its quote",
    )
    await wait_until(lambda: form.ticket.portfolio is not None, what="the funds")
    await wait_until(inside(form), what="the focus in the order form")
    return form


async def buy_from_quote_row(gui: Gui, keys: str = "menu key") -> tuple[OrderFormDialog, str]:
    """Home → a KASE row by arrows → its menu by `keys` → Buy: the form and the instrument."""
    table = await quote_row(gui)
    instrument = gui.main.home.models["KASE"].ids[1]
    menu, where = await open_row_menu(table, keys)
    assert menu.objectName() == "quoteRowMenu"
    # The menu opens at the row (Qt may only nudge it to stay on the screen).
    assert abs(menu.pos().y() - where.y()) <= table.rowHeight(1)
    await choose_in_menu("Buy")
    form = await order_form_opened(gui)
    return form, instrument


async def fill_order(form: OrderFormDialog, quantity: str, price: str) -> None:
    """Quantity, then Shift+Tab back to the price: each typed over what was there."""
    await wait_until(lambda: focused() is form.ui.quantityEdit, what="the focus on quantity")
    press(Qt.Key.Key_A, CTRL)
    type_text(quantity)
    await tab_to_widget(form.ui.priceEdit, backwards=True)
    press(Qt.Key.Key_A, CTRL)
    type_text(price)
    await settle()
    assert form.quantity.value() == Decimal(quantity)
    assert form.price.value() == Decimal(price)


async def sms_dialog_of(form: Any) -> SmsDialog:
    await wait_until(
        lambda: isinstance(form.sign_dialog, SmsDialog) and form.sign_dialog.isVisible(),
        what="the SMS window",
    )
    dialog = form.sign_dialog
    await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
    await wait_until(lambda: focused() is dialog.ui.codeEdit, what="the focus on the code")
    return dialog


async def keep_focus_beside_notice(dialog: QWidget) -> None:
    """The demo SMS notice never takes the focus on a desktop (`WindowDoesNotAcceptFocus`:
    Windows shows it without activating, X11 and macOS likewise); the offscreen platform
    activates every window it shows, so the test gives the activation back as they do."""
    if QApplication.activeWindow() is not dialog:
        assert QApplication.activeWindow().objectName() == "demoSmsNotice"
        await focus_in(dialog)


async def sign_by_sms(backend: Backend, form: Any) -> None:
    """Tab to Sign by SMS, press Space, type the code the demo phone got, press Enter."""
    await tab_to_widget(form.ui.smsButton)
    press(Qt.Key.Key_Space)
    dialog = await sms_dialog_of(form)
    # Demo mode's phone shows the SMS beside the window; the code is read off it.
    await wait_until(lambda: dialog.demo_sms() is not None, what="the demo SMS")
    code = dialog.demo_sms().code
    assert code == await latest_sms_code(backend)
    await keep_focus_beside_notice(dialog)
    assert focused() is dialog.ui.codeEdit, "the code field keeps the focus"
    type_text(code)
    press(Qt.Key.Key_Return)


async def orders_on_server(backend: Backend) -> list[dict[str, Any]]:
    return list((await api(backend, "GET", "/api/v1/orders?limit=500"))["items"])


def price_text(form: OrderFormDialog) -> str:
    """A price the broker takes and the form did not offer: two steps under the ask."""
    ask, step = form.ticket.quote.ask, form.ticket.instrument.price_step
    assert ask is not None and ask > 2 * step
    price = ask - 2 * step
    assert form.price.value() != price, "typed, not the form's own"
    return format(price, "f")


# --- 1 and 2: the row menu, Buy, an order signed by SMS --------------------------------------


@pytest.mark.parametrize("keys", list(MENU_KEYS))
def test_a_quote_rows_menu_by_keyboard_buys_and_signs_by_sms(
    keys: str, backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        before = {o["id"] for o in await orders_on_server(backend)}
        form, instrument = await buy_from_quote_row(gui, keys)
        assert form.ticket.instrument.id == instrument
        assert form.ui.buyButton.isChecked()
        price = price_text(form)
        await fill_order(form, "3", price)
        await sign_by_sms(backend, form)
        await wait_until(lambda: form.placed is not None, what="the order placed")
        await wait_until(lambda: focused() is form.ui.closeButton, what="focus on Close")

        new = [o for o in await orders_on_server(backend) if o["id"] not in before]
        assert [o["id"] for o in new] == [form.placed.id], "placed once"
        stored = new[0]
        assert stored["instrument_id"] == instrument and stored["side"] == "buy"
        assert Decimal(stored["quantity"]) == 3 and Decimal(stored["price"]) == Decimal(price)
        assert stored["signature_method"] == "sms"

    run(scenario())


# --- 3: the same order signed by EDS, after Esc out of a first try ---------------------------


def test_an_order_signed_by_eds_from_the_keyboard_and_esc_out_of_the_eds_window(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    nca: NcaLayerThread,
) -> None:
    # The key, the storage and the password are chosen in NCALayer's own window (the mock
    # plays the user there); the app's window waits, and Esc stops that wait.
    nca.mode = "slow"
    nca.server.slow_seconds = 30

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = nca.url
        before = {o["id"] for o in await orders_on_server(backend)}
        form, instrument = await buy_from_quote_row(gui, "shift+f10")
        price = price_text(form)
        await fill_order(form, "2", price)
        await tab_to_widget(form.ui.edsButton)
        press(Qt.Key.Key_Space)
        await wait_until(
            lambda: isinstance(form.sign_dialog, EdsDialog) and form.sign_dialog.isVisible(),
            what="the EDS window",
        )
        dialog = form.sign_dialog
        await wait_until(lambda: dialog.state == dialog.WAITING, what="waiting for NCALayer")
        await wait_until(inside(dialog), what="the focus in the EDS window")
        press(Qt.Key.Key_Escape)
        await wait_until(lambda: form.sign_dialog is None, what="back to the form")
        await wait_until(lambda: focused() is form.ui.edsButton, what="focus on Sign with EDS")
        assert form.note().startswith("Signing was cancelled.")
        assert form.ui.quantityEdit.text() == "2", "nothing typed is lost"

        nca.mode = "approve"
        press(Qt.Key.Key_Space)
        await wait_until(lambda: form.placed is not None, what="the order placed")
        new = [o for o in await orders_on_server(backend) if o["id"] not in before]
        assert [o["id"] for o in new] == [form.placed.id], "placed once"
        stored = new[0]
        assert stored["instrument_id"] == instrument and stored["signature_method"] == "eds"
        assert Decimal(stored["quantity"]) == 2 and Decimal(stored["price"]) == Decimal(price)

    run(scenario())


# --- 5: Esc out of the SMS window and the order form, focus back where it was ----------------


def test_esc_closes_the_sms_window_then_the_order_form_and_the_focus_goes_back(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        before = await orders_on_server(backend)
        form, _instrument = await buy_from_quote_row(gui)
        table = gui.main.home.panels["KASE"].table
        await fill_order(form, "1", price_text(form))
        await tab_to_widget(form.ui.smsButton)
        press(Qt.Key.Key_Space)
        dialog = await sms_dialog_of(form)
        await wait_until(lambda: dialog.demo_sms() is not None, what="the demo SMS")
        await keep_focus_beside_notice(dialog)
        press(Qt.Key.Key_Escape)
        await wait_until(lambda: form.sign_dialog is None, what="the SMS window closed")
        await wait_until(lambda: focused() is form.ui.smsButton, what="focus on Sign by SMS")

        press(Qt.Key.Key_Escape)
        await wait_until(
            lambda: gui.main.findChild(OrderFormDialog) is None, what="the order form closed"
        )
        await wait_until(lambda: focused() is table, what="the focus back on the quote table")
        assert table.currentIndex().row() == 1, "on the row the menu was opened for"
        assert await orders_on_server(backend) == before, "nothing was placed"

    run(scenario())


# --- 4: a withdrawal by keyboard, signed by SMS ----------------------------------------------


def test_a_withdrawal_from_home_by_keyboard_signed_by_sms(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    iban = HALYK_IBAN

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        home = gui.main.home
        await wait_until(lambda: home.withdraw_button.isEnabled(), what="Withdraw money")
        await tab_to_widget(home.withdraw_button)
        press(Qt.Key.Key_Space)
        await wait_until(
            lambda: gui.main.findChild(WithdrawalFormDialog) is not None, what="the form"
        )
        form = gui.main.findChild(WithdrawalFormDialog)
        await wait_until(lambda: form.ticket.available() is not None, what="the cash available")
        await wait_until(lambda: form.ui.bankCombo.count() > 0, what="the banks")
        await wait_until(lambda: focused() is form.ui.amountEdit, what="focus on the amount")
        type_text("12500.50")
        await tab_to_widget(form.ui.ibanEdit)
        type_text(iban)
        await tab_to_widget(form.ui.purposeEdit)
        type_text("Own funds")
        await settle()
        assert form.ui.bankCombo.currentData() == "HSBKKZKX", "the bank follows the IBAN"
        await sign_by_sms(backend, form)
        await wait_until(lambda: form.made is not None, what="the withdrawal made")

        stored = await api(backend, "GET", f"/api/v1/instructions/{form.made.id}")
        assert stored["signature_method"] == "sms" and stored["iban"] == iban
        assert Decimal(stored["amount"]) == Decimal("12500.50")
        await wait_until(lambda: focused() is form.ui.closeButton, what="focus on Close")
        press(Qt.Key.Key_Space)
        await wait_until(lambda: gui.main.findChild(WithdrawalFormDialog) is None, what="closed")
        await wait_until(lambda: focused() is home.withdraw_button, what="focus back")

    run(scenario())


# --- 6: the list pages' row menus at the current row -----------------------------------------


async def esc_out_of(menu: Any, window: QWidget, table: QAbstractItemView) -> None:
    """Esc closes the menu and the keyboard is back on the table.

    The offscreen platform activates every window it shows, a menu too, and leaves the hidden
    menu or no window active once it is gone (a desktop never activates a popup): the test
    gives the activation back to the main window, as a desktop keeps it."""
    press(Qt.Key.Key_Escape, to=menu)
    await wait_until(lambda: popup() is None, what="the menu closed")
    await settle()
    if QApplication.activeWindow() is not window:
        await focus_in(window)
    assert focused() is table


async def menu_at_current_row(table: QAbstractItemView, keys: str) -> Any:
    """Tab to `table`, move down a row, open its menu by `keys`; the menu, closed by Esc."""
    await tab_to_widget(table)
    await wait_until(lambda: table.currentIndex().isValid(), what="a current row")
    if table.model().rowCount() > 1:
        press(Qt.Key.Key_Down)
        await settle(1)
    menu, where = await open_row_menu(table, keys)
    assert abs(menu.pos().y() - where.y()) <= table.verticalHeader().defaultSectionSize()
    return menu


@pytest.mark.parametrize("keys", list(MENU_KEYS))
def test_list_pages_open_the_row_menu_at_the_current_row(
    keys: str, backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        # Portfolio (Ctrl+2): the securities' menu, then the cash's.
        press(Qt.Key.Key_2, CTRL)
        portfolio = gui.main.pages["portfolio"]
        await wait_until(
            lambda: portfolio.isVisible() and portfolio.securities_view.model() is not None,
            what="Portfolio",
        )
        view = portfolio.securities_view
        await wait_until(lambda: view.model().rowCount() > 1, what="positions")
        menu = await menu_at_current_row(view, keys)
        assert menu.objectName() == "securityMenu"
        await esc_out_of(menu, gui.main, view)
        money = portfolio.money_view
        await wait_until(lambda: money.model().rowCount() > 0, what="cash rows")
        # The cash is the tab beside the securities: Tab to the tab bar, Right to it.
        await tab_to(lambda w: isinstance(w, QTabBar) and portfolio.isAncestorOf(w))
        while not money.isVisible():
            press(Qt.Key.Key_Right)
            await settle(1)
        menu = await menu_at_current_row(money, keys)
        assert menu.objectName() == "moneyMenu"
        await esc_out_of(menu, gui.main, money)

        # Orders (Ctrl+3): the row menu is the current row's.
        press(Qt.Key.Key_3, CTRL)
        orders = gui.main.pages["orders"]
        # The month's orders (today has none in the demo): Tab to the period buttons (one
        # tab stop for the group), then Right to the month.
        buttons = set(orders.period_buttons.values())
        await tab_to(lambda w: w in buttons)
        month = orders.period_buttons[Period.MONTH]
        for _ in range(len(buttons)):
            if month.isChecked():
                break
            press(Qt.Key.Key_Right)
            await settle(1)
        assert month.isChecked() and focused() is month
        await wait_until(lambda: orders.table.model().rowCount() > 1, what="orders")
        menu = await menu_at_current_row(orders.table, keys)
        row = orders.table.currentIndex()
        assert orders.menu_item_id == orders.item_at(row).id
        await esc_out_of(menu, gui.main, orders.table)

        # Return on the row's "…" cell opens the same menu, as a click on it does.
        table = orders.table
        while table.currentIndex().column() != orders.menu_column:
            left = table.currentIndex().column() > orders.menu_column
            press(Qt.Key.Key_Left if left else Qt.Key.Key_Right)
            await settle(1)
        press(Qt.Key.Key_Return)
        await wait_until(lambda: popup() is orders.row_menu, what="the row menu by Return")
        assert orders.menu_item_id == orders.item_at(table.currentIndex()).id
        await esc_out_of(orders.row_menu, gui.main, table)

    run(scenario())


# --- the "…" in words -------------------------------------------------------------------------


def test_a_quote_rows_menu_button_is_named_for_a_screen_reader(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        home = gui.main.home
        table = home.panels["KASE"].table
        await wait_until(lambda: table.model().rowCount() > 0, what="KASE rows")
        ticker = table.model().index(0, 0).data()
        # As a reader walks the table: its cells are the accessible children after the header.
        view = QAccessible.queryAccessibleInterface(table)
        cells = [view.child(i) for i in range(view.childCount())]
        said = {c.text(QAccessible.Text.Name): c.text(QAccessible.Text.Description) for c in cells}
        names = [n for n in said if n.startswith(f"Ticker: {ticker}")]
        assert names, f"no ticker cell for {ticker} in {list(said)[:12]}"
        assert said[names[0]] == f"Actions for {ticker}: the Menu key or Shift+F10"
        # Only the ticker cell holds the "…": the others say nothing of it.
        assert not [n for n, d in said.items() if d and not n.startswith("Ticker: ")]

    run(scenario())


def test_a_platforms_keyboard_context_menu_event_opens_the_menu_at_the_current_row(
    qtbot: Any,
) -> None:
    """Windows turns the Menu key and Shift+F10 into a context menu event of its own (reason
    Keyboard) placed at the view's input-method cursor: the table still answers at its
    current cell, once, as for the keys themselves."""
    from PySide6.QtGui import QContextMenuEvent, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from cesec_desktop.views.widgets.list_table import add_keyboard_menu

    model = QStandardItemModel(0, 3)
    for ticker in ("HSBK", "KSPI", "KZTO", "KCEL"):
        model.appendRow([QStandardItem(ticker), QStandardItem("1"), QStandardItem("2")])
    view = QTableView()
    view.setModel(model)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    add_keyboard_menu(view)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.setCurrentIndex(model.index(2, 1))
    asked: list[QPoint] = []
    view.customContextMenuRequested.connect(asked.append)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), view.mapToGlobal(QPoint(1, 1))
    )
    QApplication.sendEvent(view, event)
    assert len(asked) == 1 and view.indexAt(asked[0]) == model.index(2, 1)
    # A right-click still goes where the mouse is (the viewport's own event: not ours).
    mouse = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), view.viewport().mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(view.viewport(), mouse)
    assert asked[-1] == QPoint(5, 5)
