"""The Orders page against the real mock backend: period, states, sorting, filters, live
status changes from the stream, a resync, the "…" menu with Details and Cancel, New order."""

from __future__ import annotations

import asyncio
import sys
import types
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from cesec_desktop.api.client import new_idempotency_key
from cesec_desktop.domain.models.orders import Order, OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature
from cesec_desktop.state.connection import Connection
from cesec_desktop.state.errors import NetworkUnreachable
from cesec_desktop.state.orders_model import ORDER_ROLE, SORT_ROLE, TONE_ROLE, Column
from cesec_desktop.state.orders_query import Period, almaty_today
from cesec_desktop.state.session import Session
from cesec_desktop.state.theme import is_dark
from cesec_desktop.state.vocabulary import Tone
from cesec_desktop.views.order_details import OrderDetailsDialog
from cesec_desktop.views.pages.orders import OrdersPage

# --- helpers -------------------------------------------------------------------------------


async def get_json(backend: Backend, path: str) -> Any:
    def get() -> Any:
        response = httpx.get(backend.url + path, timeout=10)
        response.raise_for_status()
        return response.json()

    return await asyncio.to_thread(get)


async def place_order(
    session: Session, backend: Backend, quantity: str = "2", price: str = "350.00"
) -> Order:
    """A limit buy of HSBK signed by SMS, as the order ticket would place it."""
    request = OrderDraftRequest(
        account_id="acc_demo_kzt",
        instrument_id="KASE:HSBK",
        side="buy",
        type="limit",
        price=Decimal(price),
        quantity=Decimal(quantity),
        valid_until=almaty_today() + timedelta(days=7),
    )
    draft = await session.call(lambda client: client.create_order_draft(request))
    challenge = await session.call(lambda client: client.send_sms(draft.draft_id))
    outbox = await get_json(backend, "/mock/sms-outbox")
    code = next(i["code"] for i in outbox["items"] if i["challenge_id"] == challenge.challenge_id)
    signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
    key = new_idempotency_key()
    return await session.call(lambda client: client.confirm_order(draft.draft_id, signature, key))


async def orders_page(gui: Gui) -> OrdersPage:
    """Sign in, open the Orders page and wait for its first page of orders."""
    await gui.sign_in(*DEMO)
    gui.main.show_page("orders")
    page: OrdersPage = gui.main.pages["orders"]
    await settled(page)
    return page


async def settled(page: OrdersPage) -> None:
    await wait_until(lambda: page.model.loaded and not page.model.loading, what="the orders")


def shown_statuses(page: OrdersPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, Column.STATUS).data() for row in range(proxy.rowCount())]


def proxy_row(page: OrdersPage, order_id: str) -> int:
    return page.menu_index(order_id).row()


def status_of(page: OrdersPage, order_id: str) -> str | None:
    index = page.menu_index(order_id)
    return index.siblingAtColumn(Column.STATUS).data() if index.isValid() else None


def click_menu_button(gui: Gui, page: OrdersPage, order_id: str) -> None:
    """Click the row's "…" button where a user would."""
    index = page.menu_index(order_id)
    page.table.scrollTo(index)
    center = page.table.visualRect(index).center()
    gui.qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=center)


def choose(gui: Gui, menu: Any, action: Any) -> None:
    assert menu.isVisible() and action.isEnabled()
    gui.qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def confirm_button(page: OrdersPage, name: str) -> QPushButton:
    box = page.confirm_box
    assert box is not None
    button = box.findChild(QPushButton, name)
    assert button is not None
    return button


# --- the list ------------------------------------------------------------------------------


def test_the_page_lists_a_period_with_loading_empty_sorting_and_filters(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        assert page.title.text() == "Orders"
        assert page.period_buttons[Period.TODAY].isChecked()
        assert page.query is not None and page.query.start == almaty_today()

        await backend.control("/mock/faults", {"latency_ms": 400})
        page.set_custom_range(QDate(2001, 1, 1).toPython(), QDate(2001, 1, 31).toPython())
        assert page.state == "loading" and page.busy_bar.isVisible()
        assert page.loading_title.text() == "Loading orders…"
        await settled(page)
        await backend.control("/mock/faults", {"clear": True})
        assert page.state == "empty" and not page.busy_bar.isVisible()
        assert page.empty_title.text() == "No orders for this period"
        assert page.empty_new_order.isVisible() and not page.reset_filters_button.isVisible()
        assert page.period_buttons[Period.CUSTOM].isChecked()
        assert page.from_edit.date() == QDate(2001, 1, 1)

        gui.click(page.period_buttons[Period.MONTH])
        await settled(page)
        assert page.state == "table"
        count = page.proxy.rowCount()
        assert count > 5
        assert page.footer.text() == f"Orders: {count}"
        headers = [
            page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in Column if c != Column.MENU
        ]
        assert headers == [
            "No.",
            "Time",
            "Instrument",
            "Side",
            "Type",
            "Price",
            "Quantity",
            "Filled",
            "Status",
            "Valid until",
        ]
        times = [page.proxy.index(r, Column.TIME).data(SORT_ROLE) for r in range(count)]
        assert times == sorted(times, reverse=True), "newest first"
        first = page.proxy.index(0, Column.NUMBER).data(ORDER_ROLE)
        assert page.proxy.index(0, Column.PRICE).data().endswith(first.currency.value)
        side = page.proxy.index(0, Column.SIDE)
        assert side.data(TONE_ROLE) == (Tone.POSITIVE if side.data() == "Buy" else Tone.NEGATIVE)

        header = page.table.horizontalHeader()
        section = (
            header.sectionViewportPosition(Column.PRICE) + header.sectionSize(Column.PRICE) // 2
        )
        gui.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(section, 10))
        prices = [page.proxy.index(r, Column.PRICE).data(SORT_ROLE) for r in range(count)]
        assert prices == sorted(prices)
        menu_x = header.sectionViewportPosition(Column.MENU) + 10
        gui.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(menu_x, 10))
        assert header.sortIndicatorSection() == Column.PRICE, "the … column does not sort"

        page.status_filter.setCurrentIndex(page.status_filter.findText("Filled"))
        assert set(shown_statuses(page)) == {"Filled"}
        filled = page.proxy.rowCount()
        assert page.footer.text() == f"Shown: {filled} of {count}"
        page.market_filter.setCurrentIndex(page.market_filter.findText("KASE"))
        assert all(
            page.proxy.index(r, 0).data(ORDER_ROLE).instrument_id.startswith("KASE:")
            for r in range(page.proxy.rowCount())
        )
        page.status_filter.setCurrentIndex(page.status_filter.findText("Open"))
        page.side_filter.setCurrentIndex(page.side_filter.findText("Sell"))
        page.market_filter.setCurrentIndex(page.market_filter.findText("AIX"))
        assert page.proxy.rowCount() == 0
        assert page.state == "filtered"
        assert page.empty_title.text() == "No orders match the filters"
        gui.click(page.reset_filters_button)
        assert page.proxy.rowCount() == count and page.state == "table"
        assert page.status_filter.currentText() == "All statuses"

        # Another language: numbers and dates follow its locale at once.
        gui.main.set_language("ru")
        await wait_until(lambda: page.title.text() == "Заявки", what="Russian")
        price = page.proxy.index(0, Column.PRICE)
        order = price.data(ORDER_ROLE)
        decimals = f"{order.price:f}".split(".")[1] if order.price is not None else ""
        assert price.data() == "—" or f",{decimals[:2]}" in price.data()
        assert page.from_edit.displayFormat() == QLocale("ru_KZ").dateFormat(
            QLocale.FormatType.ShortFormat
        )
        gui.main.set_language("en")
        await wait_until(lambda: page.title.text() == "Orders", what="English")

    run(scenario(), timeout=60)


def test_a_placed_order_shows_at_once_and_a_fill_changes_its_row_live(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        await wait_until(
            lambda: gui.session.connection is Connection.ONLINE, what="the stream online"
        )
        before = page.model.rowCount()
        order = await place_order(gui.session, backend)
        await wait_until(lambda: page.model.row_of(order.id) is not None, what="the new row")
        assert page.model.rowCount() == before + 1
        assert proxy_row(page, order.id) == 0, "the newest order is on top"
        assert status_of(page, order.id) in ("New", "Active")
        assert page.state == "table"

        reloads: list[str] = []
        page.model.modelReset.connect(lambda: reloads.append("reset"))
        page.model.pageLoaded.connect(lambda: reloads.append("page"))
        await backend.control(f"/mock/orders/{order.id}/fill", {"quantity": "1"})
        await wait_until(lambda: status_of(page, order.id) == "Partially filled", what="partial")
        index = page.menu_index(order.id)
        assert index.siblingAtColumn(Column.FILLED).data() == "1"
        assert index.siblingAtColumn(Column.STATUS).data(TONE_ROLE) == Tone.WARNING
        await backend.control(f"/mock/orders/{order.id}/fill", {})
        await wait_until(lambda: status_of(page, order.id) == "Filled", what="filled")
        assert page.menu_index(order.id).siblingAtColumn(Column.FILLED).data() == "2"
        assert reloads == [], "changed in place, not reloaded"

    run(scenario(), timeout=60)


def test_an_order_placed_through_the_ticket_shows_at_once_even_without_the_stream(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    from cesec_desktop.domain.enums import OrderType, Side
    from cesec_desktop.state.order_ticket import OrderTicket

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        await backend.control("/mock/faults", {"stream_down": True})
        await wait_until(lambda: gui.session.connection is not Connection.ONLINE, what="down")
        ticket = OrderTicket(gui.session)
        await ticket.choose_instrument("KASE:HSBK")
        ticket.set_account("acc_demo_kzt")
        ticket.set_side(Side.BUY)
        ticket.set_type(OrderType.LIMIT)
        ticket.set_price(Decimal("350.00"))
        ticket.set_quantity(Decimal(1))
        ticket.set_valid_until(almaty_today() + timedelta(days=7))
        await ticket.make_draft()
        challenge = await ticket.send_sms()
        outbox = await get_json(backend, "/mock/sms-outbox")
        code = next(
            i["code"] for i in outbox["items"] if i["challenge_id"] == challenge.challenge_id
        )
        order = await ticket.confirm(
            SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
        )
        await asyncio.sleep(0)  # the model applies what arrived in this turn of the loop
        await wait_until(lambda: page.model.row_of(order.id) is not None, timeout=1, what="row")
        assert proxy_row(page, order.id) == 0
        ticket.close()
        await backend.control("/mock/faults", {"clear": True})

    run(scenario(), timeout=60)


def test_after_the_stream_comes_back_the_loaded_orders_are_read_again(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        await wait_until(lambda: gui.session.connection is Connection.ONLINE, what="online")
        order = await place_order(gui.session, backend)
        await wait_until(lambda: page.model.row_of(order.id) is not None, what="the new row")
        # The row's status when the stream comes back: the stream calls the resync before it
        # reads a frame of the new connection, so by then the page has applied everything the
        # old connection delivered, however slowly (the re-read itself is still in flight).
        at_resync: list[str | None] = []
        gui.session.resynced.connect(lambda: at_resync.append(status_of(page, order.id)))

        await backend.control("/mock/faults", {"stream_down": True})
        await wait_until(lambda: gui.session.connection is not Connection.ONLINE, what="down")
        await backend.control(f"/mock/orders/{order.id}/fill", {})  # nobody hears of it
        await backend.control("/mock/faults", {"stream_down": False})
        await wait_until(lambda: at_resync, timeout=15, what="the resync")
        assert at_resync[0] != "Filled", "the fill was heard while the stream was down"
        await wait_until(lambda: status_of(page, order.id) == "Filled", what="re-read")

    run(scenario(), timeout=60)


# --- the "…" menu --------------------------------------------------------------------------


def test_cancel_through_the_row_menu_asks_first_then_the_row_shows_cancelled(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        order = await place_order(gui.session, backend)
        await wait_until(lambda: page.model.row_of(order.id) is not None, what="the new row")

        click_menu_button(gui, page, order.id)
        await wait_until(page.row_menu.isVisible, what="the row menu")
        assert [a.text() for a in page.row_menu.actions() if a.text()] == [
            "Details",
            "Cancel order",
        ]
        assert page.table.currentIndex().row() == proxy_row(page, order.id)
        choose(gui, page.row_menu, page.cancel_action)
        await wait_until(lambda: page.confirm_box is not None, what="the confirmation")
        box = page.confirm_box
        assert box is not None
        await wait_until(box.isVisible, what="the confirmation on screen")
        assert box.text() == f"Cancel order No. {order.number}?"
        assert "Buy 2 HSBK (KASE) at 350.00" in box.informativeText()
        (asking,) = [t for t in page.tasks.pending if t.get_name() == "cancel-order"]
        gui.click(confirm_button(page, "ordersCancelNo"))
        await wait_until(lambda: page.confirm_box is None, what="closed")
        # The cancel's whole handling is over (it said no): nothing can still be on its way.
        assert await asyncio.wait_for(asking, 10) is False
        assert status_of(page, order.id) in ("New", "Active"), "nothing happened"
        assert (await page.model.load_order(order.id)).status.is_open, "the server agrees"

        # Right-click opens the same menu.
        index = page.menu_index(order.id).siblingAtColumn(Column.INSTRUMENT)
        pos = page.table.visualRect(index).center()
        page.table.customContextMenuRequested.emit(pos)
        await wait_until(page.row_menu.isVisible, what="the context menu")
        choose(gui, page.row_menu, page.cancel_action)
        await wait_until(lambda: page.confirm_box is not None, what="the confirmation")
        gui.click(confirm_button(page, "ordersCancelYes"))
        await wait_until(lambda: status_of(page, order.id) == "Cancelled", what="cancelled")
        # The stream's event may beat the cancel's own answer, which brings the notice.
        await wait_until(page.notice.isVisible, what="the notice")
        assert page.notice.text() == f"Order No. {order.number} is cancelled."
        server = await gui.session.call(lambda client: client.order(order.id))
        assert server.status == "cancelled"

        click_menu_button(gui, page, order.id)
        await wait_until(page.row_menu.isVisible, what="the menu again")
        assert not page.cancel_action.isEnabled(), "a cancelled order cannot be cancelled"
        assert page.details_action.isEnabled()
        page.row_menu.hide()

    run(scenario(), timeout=60)


def test_details_show_every_field_and_the_history_and_follow_the_stream(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        await wait_until(lambda: gui.session.connection is Connection.ONLINE, what="online")
        order = await place_order(gui.session, backend, quantity="3")
        await backend.control(f"/mock/orders/{order.id}/fill", {"quantity": "1"})
        await wait_until(lambda: status_of(page, order.id) == "Partially filled", what="partial")

        click_menu_button(gui, page, order.id)
        await wait_until(page.row_menu.isVisible, what="the row menu")
        choose(gui, page.row_menu, page.details_action)
        await wait_until(lambda: page.details_dialog is not None, what="the details")
        dialog = page.details_dialog
        assert dialog is not None
        await wait_until(lambda: dialog.history_state == "loaded", what="the history")
        assert dialog.ui.titleLabel.text() == f"Order No. {order.number}"
        assert dialog.ui.statusLabel.text() == "Partially filled"
        assert dialog.ui.summaryLabel.text() == "Buy 3 HSBK (KASE) at 350.00\xa0KZT"
        values = {
            field: dialog.value_text(field)
            for field in (
                "instrument",
                "side",
                "type",
                "price",
                "quantity",
                "filled",
                "account",
                "validUntil",
                "signature",
                "orderId",
            )
        }
        assert values == {
            "instrument": "HSBK · KASE:HSBK",
            "side": "Buy",
            "type": "Limit",
            "price": "350.00\xa0KZT",
            "quantity": "3",
            "filled": "1, 2 remaining",
            "account": "CS01001-KZT",
            "validUntil": values["validUntil"],
            "signature": "SMS code",
            "orderId": order.id,
        }
        assert dialog.value_text("averagePrice").endswith("KZT")
        assert dialog.value_text("created") and dialog.value_text("updated")
        assert [row[1] for row in dialog.history_rows()] == ["New", "Partially filled"]
        assert dialog.history_rows()[-1][3] == "1"
        assert dialog.ui.cancelOrderButton.isVisible()

        await backend.control(f"/mock/orders/{order.id}/fill", {})
        await wait_until(lambda: dialog.ui.statusLabel.text() == "Filled", what="live")
        assert [row[1] for row in dialog.history_rows()][-1] == "Filled"
        assert not dialog.ui.cancelOrderButton.isVisible()
        gui.click(dialog.ui.closeButton)
        await wait_until(lambda: page.details_dialog is None, what="closed")

    run(scenario(), timeout=60)


def test_cancel_from_the_details_dialog(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        order = await place_order(gui.session, backend)
        await wait_until(lambda: page.model.row_of(order.id) is not None, what="the new row")
        index = page.menu_index(order.id).siblingAtColumn(Column.NUMBER)
        pos = page.table.visualRect(index).center()
        viewport = page.table.viewport()
        gui.qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
        gui.qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=pos)
        gui.qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
        await wait_until(lambda: page.details_dialog is not None, what="the details")
        dialog = page.details_dialog
        assert dialog is not None
        # Every open the clicks started has run its course (a read of an order not in the
        # period, the dialog's history) before counting the dialogs.
        await wait_until(lambda: dialog.history_state == "loaded", what="loaded")
        await wait_until(lambda: not page.tasks.pending, what="the page's work done")
        assert page.findChildren(OrderDetailsDialog) == [dialog], "one dialog per order"
        gui.click(dialog.ui.cancelOrderButton)
        await wait_until(lambda: page.confirm_box is not None, what="the confirmation")
        box = page.confirm_box
        assert box is not None and box.parent() is dialog
        gui.click(confirm_button(page, "ordersCancelYes"))
        await wait_until(lambda: dialog.ui.statusLabel.text() == "Cancelled", what="cancelled")
        assert status_of(page, order.id) == "Cancelled"
        assert not dialog.ui.cancelOrderButton.isVisible()
        dialog.reject()
        await wait_until(lambda: page.details_dialog is None, what="closed")

        # Enter on the current row opens Details too.
        page.table.setFocus()
        page.table.setCurrentIndex(page.menu_index(order.id).siblingAtColumn(Column.TIME))
        gui.qtbot.keyClick(page.table, Qt.Key.Key_Return)
        await wait_until(lambda: page.details_dialog is not None, what="details by Enter")
        page.details_dialog.reject()  # type: ignore[union-attr]
        await wait_until(lambda: page.details_dialog is None, what="closed again")

    run(scenario(), timeout=60)


def test_an_order_that_filled_meanwhile_is_not_cancelled(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        await backend.control("/mock/faults", {"stream_down": True})
        order = await place_order(gui.session, backend)
        await wait_until(lambda: page.model.row_of(order.id) is None, what="settle")
        page.reload()
        await settled(page)
        await backend.control(f"/mock/orders/{order.id}/fill", {})  # the page does not know
        page.cancel_order(order.id)
        await wait_until(lambda: page.confirm_box is not None, what="the confirmation")
        gui.click(confirm_button(page, "ordersCancelYes"))
        await wait_until(page.notice.isVisible, what="the notice")
        assert page.notice.text() == (
            f"Order No. {order.number} can no longer be cancelled: it is filled."
        )
        assert status_of(page, order.id) == "Filled"
        await backend.control("/mock/faults", {"clear": True})

    run(scenario(), timeout=60)


# --- errors and the order form --------------------------------------------------------------


def test_a_failed_load_says_why_and_try_again_loads(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        await backend.control("/mock/faults", {"error_rate": 1.0})
        gui.click(page.period_buttons[Period.MONTH])
        await wait_until(lambda: page.state == "error", timeout=15, what="the error")
        assert page.error_title.text() == "The orders could not be loaded"
        assert "server" in page.error_text.text()
        await backend.control("/mock/faults", {"clear": True})
        gui.click(page.retry_button)
        await settled(page)
        assert page.state == "table" and page.proxy.rowCount() > 0

    run(scenario(), timeout=60)


def test_a_failed_further_page_can_be_loaded_again(run: Callable[..., Any]) -> None:
    from test_orders_model import FakeClient, FakeSession, make_order, today_query

    async def scenario() -> None:
        client = FakeClient([make_order(n) for n in range(100)])
        page = OrdersPage(FakeSession(client))  # type: ignore[arg-type]
        page.model.page_size = 40  # more than the view shows: it does not ask for more itself
        page.resize(1100, 500)
        page.show()
        page.set_query(today_query())
        await settled(page)
        assert page.proxy.rowCount() == 40
        assert page.footer.text() == "Orders: 40 · scroll down for more"
        client.fail = NetworkUnreachable("down")
        page.model.fetchMore()
        await wait_until(lambda: page.model.error is not None, what="the failure")
        assert page.state == "table", "what was loaded stays on screen"
        assert page.notice.isVisible() and "could not be loaded" in page.notice.text()
        assert page.more_button.isVisible() and page.footer.text() == "Orders: 40"
        client.fail = None
        page.more_button.click()
        await wait_until(lambda: page.proxy.rowCount() == 80, what="the next page")
        assert not page.more_button.isVisible()
        page.close()

    run(scenario())


def test_new_order_opens_the_order_form(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[Any, Any]] = []
    form = object()

    def open_order_form(parent: Any, session: Any, **_: Any) -> object:
        calls.append((parent, session))
        return form

    fake = types.ModuleType("cesec_desktop.views.order_form")
    fake.open_order_form = open_order_form  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cesec_desktop.views.order_form", fake)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        opened: list[object] = []
        page.orderFormOpened.connect(opened.append)
        assert page.new_order_button.text() == "New order"
        gui.click(page.new_order_button)
        assert calls == [(page, gui.session)]
        assert opened == [form] and page.order_form is form
        page.set_custom_range(QDate(2001, 1, 1).toPython(), QDate(2001, 1, 2).toPython())
        await settled(page)
        assert page.state == "empty"
        gui.click(page.empty_new_order)
        assert len(calls) == 2

    run(scenario())


def test_new_order_opens_the_real_order_form(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    from PySide6.QtWidgets import QDialog

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        gui.click(page.new_order_button)
        form = page.order_form
        assert isinstance(form, QDialog)
        await wait_until(form.isVisible, what="the order form")
        form.reject()
        await asyncio.sleep(0.1)

    run(scenario())


def test_the_page_is_usable_in_the_dark_theme_with_readable_tones(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await orders_page(gui)
        gui.main.set_theme("dark")
        await wait_until(lambda: is_dark(page.palette()), what="the dark table")
        gui.click(page.period_buttons[Period.MONTH])
        await settled(page)
        index = page.proxy.index(0, Column.SIDE)
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        assert color.lightness() > 100, "light text on a dark base"
        page.table.grab()  # paints every delegate path without error
        gui.main.set_theme("light")

    run(scenario())


def test_message_box_is_never_run_modally() -> None:
    """The page opens its confirmation with open(), never exec() (qasync)."""
    import inspect

    import cesec_desktop.views.order_details as details
    import cesec_desktop.views.pages.orders as orders

    for module in (orders, details):
        source = inspect.getsource(module)
        assert ".exec(" not in source and "QMessageBox.question" not in source
    assert QMessageBox is not None
