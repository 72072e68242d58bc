"""A broker watching clients against the real mock: one client picker in the top bar that
Home, Portfolio and Orders follow, never mixing two clients' data, and no trading actions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from gui_support import wait_until
from testkit import BROKER, DEMO

from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.formatting import format_money
from cesec_desktop.state.orders_query import Period
from cesec_desktop.state.watchlists import MARKETS


async def broker_main(gui_factory: Any, backend: Any) -> tuple[Any, Any, ClientScope]:
    gui = gui_factory(backend.url)
    await gui.sign_in(*BROKER)
    scope = ClientScope.of(gui.session)
    await wait_until(lambda: scope.loaded and scope.ready, what="the client list")
    return gui, gui.main, scope


async def expected_for(session: Any, client_id: str) -> dict[str, Any]:
    """What Home must show for a client, read straight from the API."""
    portfolio = await session.call(lambda c: c.portfolio(client_id=client_id))
    orders = await session.call(lambda c: c.orders(limit=10, client_id=client_id))
    instructions = await session.call(lambda c: c.instructions(limit=10, client_id=client_id))
    watchlists = await session.call(lambda c: c.watchlists(client_id=client_id))
    totals = portfolio.totals
    return {
        "total": format_money(totals.total_value, str(totals.currency.value)),
        "recent": {f"order:{o.id}" for o in orders.items}
        | {f"instruction:{i.id}" for i in instructions.items},
        "watchlists": {w.market.value: list(w.instrument_ids) for w in watchlists.items},
    }


def home_shows(home: Any, expected: dict[str, Any]) -> bool:
    return (
        home.summary_loaded
        and home.total_value.text() == expected["total"]
        and set(home.recent_keys()) <= expected["recent"]
        and len(home.recent_keys()) == min(10, len(expected["recent"]))
        and all(
            home.models[m.value].ids == expected["watchlists"].get(m.value, []) for m in MARKETS
        )
    )


def test_a_broker_switches_clients_and_sees_no_trading_actions(
    run: Any, backend: Any, gui_factory: Any
) -> None:
    async def scenario() -> None:
        gui, main, scope = await broker_main(gui_factory, backend)
        picker = main.client_picker
        assert picker.isVisible()
        clients = await gui.session.call(lambda c: c.clients())
        assert picker.client_ids() == [c.id for c in clients] and len(clients) >= 2
        first, second = clients[0].id, clients[1].id
        assert scope.current_client_id == first
        # Short of room, the name gives way and the IIN stays whole (issue 11 §5).
        narrow = picker.combo.label_text(170)
        assert narrow.endswith(clients[0].iin) and "\N{HORIZONTAL ELLIPSIS}" in narrow
        assert picker.combo.label_text(2000) == f"{clients[0].full_name} · {clients[0].iin}"
        a = await expected_for(gui.session, first)
        b = await expected_for(gui.session, second)
        assert a["total"] != b["total"] and a["recent"] and a["recent"] != b["recent"]

        home = main.home
        await wait_until(lambda: home_shows(home, a), what="client A on Home")
        assert clients[0].full_name in home.scope_note.text()

        # Switch: at once nothing of A is left, then B's figures arrive (and only B's).
        picker.choose(second)
        assert scope.current_client_id == second
        assert not set(home.recent_keys()) & a["recent"]
        assert home.total_value.text() != a["total"] or a["total"] == b["total"]
        for market in MARKETS:
            shown = set(home.models[market.value].ids)
            assert not shown - set(b["watchlists"].get(market.value, []))
        await wait_until(lambda: home_shows(home, b), what="client B on Home")
        assert not set(home.recent_keys()) & (a["recent"] - b["recent"])
        assert clients[1].full_name in home.scope_note.text()

        # Flip quickly: late answers for the other client are dropped, never shown.
        for client_id in (first, second, first, second):
            picker.choose(client_id)
        await wait_until(lambda: home_shows(home, b), what="client B after flipping")
        assert not set(home.recent_keys()) & (a["recent"] - b["recent"])

        # The broker's stream carries every client's events: A's never show while B is watched.
        a_order = (await gui.session.call(lambda c: c.orders(limit=1, client_id=first))).items[0]
        gui.session.orderUpdated.emit(a_order)
        assert f"order:{a_order.id}" not in home.recent_keys()

        # Read-only Home: no Buy, Sell or Remove in the "…" menu, no Withdraw.
        instrument = next(i for m in MARKETS for i in home.models[m.value].ids)
        menu = home.row_menu(instrument)
        visible = {a.objectName() for a in menu.actions() if a.isVisible() and a.objectName()}
        assert visible == {"chartAction"}
        assert not home.withdraw_button.isVisible()

        # Orders: B's orders, no New order and no Cancel.
        main.show_page("orders")
        orders_page = main.pages["orders"]
        await wait_until(lambda: orders_page.model.loaded, what="B's orders")
        assert orders_page.model.client_id == second
        assert not orders_page.new_order_button.isVisible()
        assert not orders_page.empty_new_order.isVisibleTo(orders_page)
        page_ids = {o.id for o in orders_page.model.orders()}
        b_orders = await gui.session.call(
            lambda c: c.orders(
                start=orders_page.query.start, end=orders_page.query.end, client_id=second
            )
        )
        assert page_ids == {o.id for o in b_orders.items}
        assert not {f"order:{i}" for i in page_ids} & (a["recent"] - b["recent"])
        # A stream event of A's, placed in today's period, is not B's: it stays out.
        now = datetime.now(UTC)
        orders_page.model.queue_update(
            a_order.model_copy(update={"created_at": now, "updated_at": now})
        )
        orders_page.model.flush()
        assert orders_page.model.order_by_id(a_order.id) is None
        if orders_page.model.rowCount():
            index = orders_page.proxy.index(0, 0)
            orders_page.show_row_menu(index, orders_page.mapToGlobal(orders_page.rect().center()))
            assert not orders_page.cancel_action.isVisible()
            orders_page.row_menu.close()
        # Details of an open order: every field, but no Cancel for a broker.
        # The seed's resting orders are a day or two old: look at the month.
        orders_page.period_buttons[Period.MONTH].click()
        await wait_until(
            lambda: (
                orders_page.model.loaded
                and any(o.status.is_open for o in orders_page.model.orders())
            ),
            what="B's open orders of the month",
        )
        open_orders = [o for o in orders_page.model.orders() if o.status.is_open]
        orders_page.open_details(open_orders[0].id)
        dialog = orders_page.details_dialog
        assert dialog is not None and dialog.read_only
        assert not dialog.ui.cancelOrderButton.isVisibleTo(dialog)
        dialog.reject()

        # Portfolio: B's portfolio, no Buy or Sell.
        main.show_page("portfolio")
        portfolio_page = main.pages["portfolio"]
        await wait_until(
            lambda: (
                portfolio_page.store is not None
                and portfolio_page.store.client_id == second
                and portfolio_page.store.portfolio is not None
                and not portfolio_page.store.loading
            ),
            what="B's portfolio",
        )
        store = portfolio_page.store
        assert format_money(store.portfolio.totals.total_value, "KZT") == b["total"]
        if store.securities.rows:
            names = {a.objectName() for a in portfolio_page.security_menu(0).actions()}
            assert not names & {"buyAction", "sellAction"}

        # The portfolio page follows the same picker.
        picker.choose(first)
        assert store.client_id == first
        await wait_until(
            lambda: store.portfolio is not None and not store.loading, what="A's portfolio"
        )
        assert format_money(store.portfolio.totals.total_value, "KZT") == a["total"]

    run(scenario(), timeout=60)


def test_a_client_sees_no_client_picker(run: Any, backend: Any, gui_factory: Any) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        scope = ClientScope.of(gui.session)
        assert not main.client_picker.isVisible()
        assert not scope.is_broker and scope.query_client_id is None
        assert scope.current_client_id == gui.session.me.id
        scope.select("usr_someone_else")
        assert scope.current_client_id == gui.session.me.id
        assert main.home.withdraw_button.isVisible()
        assert not main.home.scope_note.isVisible()
        main.show_page("orders")
        assert main.pages["orders"].new_order_button.isVisible()

    run(scenario())
