"""The Transactions page against the real mock backend: a period, server filters (market,
side), the local instrument filter, totals per currency, numeric sorting, Details, paging by
`fetchMore`, and a broker watching a client."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import Qt
from testkit import BROKER

from cesec_desktop.domain.models.orders import Transaction
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.orders_query import FIRST_DAY, almaty_today
from cesec_desktop.state.session import Session
from cesec_desktop.state.transactions_model import (
    SORT_ROLE,
    TRANSACTION_ROLE,
    Column,
    totals_by_currency,
)
from cesec_desktop.views.pages.transactions import TransactionsPage
from cesec_desktop.views.transaction_details import TransactionDetailsDialog

# --- helpers -------------------------------------------------------------------------------


async def all_from_api(session: Session, **filters: Any) -> list[Transaction]:
    """Every transaction of all time straight from the API, following the cursor."""
    items: list[Transaction] = []
    cursor: str | None = None
    while True:
        page = await session.call(
            lambda c, cursor=cursor: c.transactions(
                start=FIRST_DAY, end=almaty_today(), limit=5000, cursor=cursor, **filters
            )
        )
        items.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            return items


async def settled(page: TransactionsPage) -> None:
    await wait_until(
        lambda: page.model.is_loaded and page.model.complete and not page.model.loading,
        what="the transactions",
    )
    # Totals are recomputed once per batch, right after it.
    await wait_until(
        lambda: page.totals == totals_by_currency(page.shown_transactions()),
        what="the totals",
    )


async def transactions_page(gui: Gui, login: tuple[str, str] = DEMO) -> TransactionsPage:
    await gui.sign_in(*login)
    page: TransactionsPage = gui.main.pages["transactions"]
    page.select_period("all")
    gui.main.show_page("transactions")
    await settled(page)
    return page


def shown_ids(page: TransactionsPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, 0).data(TRANSACTION_ROLE).id for r in range(proxy.rowCount())]


# --- the list ------------------------------------------------------------------------------


def test_the_page_lists_filters_totals_and_sorts(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await transactions_page(gui)
        everything = await all_from_api(gui.session)
        assert everything, "the seeded demo user has deals"
        assert page.state == "table" and page.title.text() == "Transactions"
        assert set(shown_ids(page)) == {t.id for t in everything}
        assert page.count_label.text() == f"Shown: {len(everything)}"
        header = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(len(Column))]
        assert header[1:] == [
            "Number",
            "Time",
            "Instrument",
            "Side",
            "Price",
            "Quantity",
            "Amount",
            "Fee",
            "Currency",
            "Settlement date",
        ]

        # Totals per currency are the sums of what is shown.
        expected: dict[str, list[Decimal]] = {}
        for t in everything:
            pair = expected.setdefault(str(t.currency), [Decimal(0), Decimal(0)])
            pair[0] += t.amount
            pair[1] += t.fee
        assert page.totals == {k: (v[0], v[1]) for k, v in sorted(expected.items())}
        for code in expected:
            assert code in page.totals_label.text()

        # Server-side filters: the market, then the side, reload the period.
        kase = await all_from_api(gui.session, market="KASE")
        page.market_filter.setCurrentIndex(page.market_filter.findData("KASE"))
        await settled(page)
        assert set(shown_ids(page)) == {t.id for t in kase}
        assert all(t.instrument_id.startswith("KASE:") for t in page.shown_transactions())
        sells = await all_from_api(gui.session, market="KASE", side="sell")
        page.side_filter.setCurrentIndex(page.side_filter.findData("sell"))
        await settled(page)
        assert set(shown_ids(page)) == {t.id for t in sells}
        assert page.query is not None and page.query.side is not None

        # The instrument text filters locally (debounced while typing); totals follow it.
        page.reset_filters()
        await settled(page)
        assert len(shown_ids(page)) == len(everything)
        ticker = everything[0].ticker
        gui.type_into(page.instrument_filter, ticker.lower())
        await wait_until(lambda: page.proxy.needle == ticker.upper(), what="the debounce")
        await settled(page)
        matching = [t for t in everything if ticker.upper() in f"{t.ticker}\n{t.instrument_id}"]
        assert set(shown_ids(page)) == {t.id for t in matching}
        assert page.totals == totals_by_currency(matching)
        assert not page.model.loading  # a local filter asks nothing of the server

        page.set_instrument_text("NO-SUCH-TICKER")
        assert page.state == "filtered" and page.reset_filters_button.isVisible()
        await settled(page)
        assert page.totals == {} and page.totals_label.text() == ""
        page.instrument_filter.clear()
        assert page.proxy.rowCount() == len(everything)

        # Sorting by amount is numeric (Decimal), both ways.
        page.table.sortByColumn(int(Column.AMOUNT), Qt.SortOrder.AscendingOrder)
        amounts = [
            page.proxy.index(r, Column.AMOUNT).data(SORT_ROLE) for r in range(page.proxy.rowCount())
        ]
        assert all(isinstance(a, Decimal) for a in amounts)
        assert amounts == sorted(amounts) and amounts[0] < amounts[-1]
        page.table.sortByColumn(int(Column.AMOUNT), Qt.SortOrder.DescendingOrder)
        first = page.proxy.index(0, Column.AMOUNT).data(SORT_ROLE)
        assert first == max(t.amount for t in everything)

    run(scenario())


def test_pages_come_in_by_fetch_more_and_keep_the_sort(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        page: TransactionsPage = gui.main.pages["transactions"]
        page.model.page_size = 7  # small pages: the rest follow by fetchMore
        page.table.sortByColumn(int(Column.AMOUNT), Qt.SortOrder.AscendingOrder)
        page.select_period("all")
        gui.main.show_page("transactions")
        await settled(page)
        everything = await all_from_api(gui.session)
        assert len(everything) > 7
        assert sorted(shown_ids(page)) == sorted(t.id for t in everything)
        amounts = [t.amount for t in page.shown_transactions()]
        assert amounts == sorted(amounts)

    run(scenario())


def test_details_show_every_field_and_the_language_switches_live(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: Any,
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await transactions_page(gui)
        transaction = page.transaction_at(0)
        assert transaction is not None

        # The "…" cell opens the row menu; Details opens the dialog.
        index = page.proxy.index(0, Column.MENU)
        assert index.data() == "\N{MIDLINE HORIZONTAL ELLIPSIS}"
        center = page.table.visualRect(index).center()
        gui.qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
        await wait_until(lambda: page.row_menu.isVisible(), what="the row menu")
        assert page.details_action.text() == "Details"
        page.details_action.trigger()
        page.row_menu.hide()
        dialog = page.details_dialog
        assert isinstance(dialog, TransactionDetailsDialog) and dialog.isVisible()
        values = {name: label.text() for name, label in dialog.values.items()}
        assert set(values) == set(TransactionDetailsDialog.FIELDS)
        assert all(values.values())
        assert values["number"] == transaction.number
        assert values["id"] == transaction.id
        # The sub-account and the order as the user knows them, not their ids (issue 11 §6).
        account = next(a for a in gui.session.accounts if a.id == transaction.account_id)
        assert values["account_id"] == account.number
        order = await gui.session.call(lambda c: c.order(transaction.order_id))
        await wait_until(
            lambda: dialog.values["order_id"].text() == order.number, what="the order number"
        )
        requested: list[str] = []
        page.orderRequested.connect(requested.append)
        gui.click(dialog.values["order_id"])
        assert requested == [transaction.order_id]
        # The main window shows that order on the Orders page, even outside its period.
        orders = gui.main.pages["orders"]
        await wait_until(
            lambda: (
                gui.main.current_page == "orders"
                and orders.details_dialog is not None
                and orders.details_dialog.order.id == transaction.order_id
            ),
            what="the order's details",
        )
        orders.details_dialog.reject()
        assert transaction.instrument_id in values["instrument"]
        assert values["currency"] == str(transaction.currency)
        assert str(transaction.currency) in values["amount"]

        # A live language switch retranslates the page and the open dialog.
        languages.set_language("ru")
        await wait_until(lambda: page.title.text() == "Сделки", what="Russian")
        await wait_until(lambda: "," in dialog.values["fee"].text(), what="a decimal comma")
        languages.set_language("en")
        await wait_until(lambda: page.title.text() == "Transactions", what="English")
        dialog.reject()

    run(scenario())


def test_a_broker_sees_the_chosen_clients_transactions(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*BROKER)
        scope = ClientScope.of(gui.session)
        await wait_until(lambda: scope.loaded and scope.ready, what="the client list")
        page: TransactionsPage = gui.main.pages["transactions"]
        page.select_period("all")
        gui.main.show_page("transactions")
        await settled(page)
        clients = await gui.session.call(lambda c: c.clients())
        first, second = clients[0].id, clients[1].id
        a = {t.id for t in await all_from_api(gui.session, client_id=first)}
        b = {t.id for t in await all_from_api(gui.session, client_id=second)}
        assert a and b and a != b
        assert set(shown_ids(page)) == a

        gui.main.client_picker.choose(second)
        assert not set(shown_ids(page)) & (a - b)  # nothing of A is left, at once
        await settled(page)
        assert set(shown_ids(page)) == b
        assert page.read_only

    run(scenario())
