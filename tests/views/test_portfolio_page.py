"""The Portfolio page against the real mock: totals, sub-accounts, live re-pricing, Buy,
and a broker watching clients (never mixed, never trading)."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from gui_support import FAST_STREAM, Backend, MemoryKeyring, wait_until
from PySide6.QtCore import Qt
from testkit import BROKER, DEMO

from cesec_desktop.domain.models.market import Quote
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.formatting import format_money
from cesec_desktop.state.portfolio_model import SecurityColumn, compute_totals
from cesec_desktop.state.session import Session
from cesec_desktop.views.pages.portfolio import PortfolioPage

CENT = Decimal("0.01")


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


async def sign_in(url: str, credentials: tuple[str, str] = DEMO) -> Session:
    session = Session(
        url, CredentialStore(url, backend=MemoryKeyring()), stream_options=FAST_STREAM
    )
    await session.login(*credentials)
    return session


async def open_page(session: Session) -> PortfolioPage:
    page = PortfolioPage(session=session)
    page.resize(1000, 700)
    page.show()
    await wait_until(
        lambda: (
            page.store is not None and page.store.portfolio is not None and not page.store.loading
        ),
        what="the portfolio",
    )
    return page


async def close(page: PortfolioPage, session: Session) -> None:
    await page.close_page()
    page.close()
    page.deleteLater()
    await session.close()


def rows(page: PortfolioPage) -> list[tuple[str, str, Decimal]]:
    assert page.store is not None
    return [
        (h.position.account_id, h.instrument_id, h.position.quantity)
        for h in page.store.securities.rows
    ]


def test_totals_equal_the_sum_of_the_rows(run: Callable[..., Any], backend: Backend) -> None:
    async def scenario() -> None:
        session = await sign_in(backend.url)
        page = await open_page(session)
        store = page.store
        assert store is not None and store.portfolio is not None
        portfolio = store.portfolio
        rate = portfolio.fx_rates["USDKZT"]
        assert portfolio.positions and portfolio.cash

        def kzt(value: Decimal, currency: object) -> Decimal:
            return value * (rate if str(getattr(currency, "value", currency)) == "USD" else 1)

        securities = sum((kzt(p.value, p.currency) for p in portfolio.positions), Decimal(0))
        cash = sum((kzt(c.balance, c.currency) for c in portfolio.cash), Decimal(0))
        assert securities.quantize(CENT) == portfolio.totals.securities_value
        assert cash.quantize(CENT) == portfolio.totals.cash_value
        # The page's own totals, from its rows, agree with the server and are on screen.
        assert store.totals.securities == portfolio.totals.securities_value
        assert store.totals.cash == portfolio.totals.cash_value
        assert store.totals.total == portfolio.totals.total_value
        shown = page.total_values["total"].text()
        assert shown == format_money(portfolio.totals.total_value, "KZT")
        assert page.securities_view.model().rowCount() == len(portfolio.positions)
        assert page.money_view.model().rowCount() == len(portfolio.cash)
        await close(page, session)

    run(scenario())


def test_the_sub_account_selector_filters(run: Callable[..., Any], backend: Backend) -> None:
    async def scenario() -> None:
        session = await sign_in(backend.url)
        page = await open_page(session)
        store = page.store
        assert store is not None
        all_rows = rows(page)
        accounts = {account for account, _, _ in all_rows}
        assert len(accounts) >= 2, "the demo client holds securities on two sub-accounts"
        assert page.account_combo.count() == len(session.accounts) + 1
        assert not page.securities_view.isColumnHidden(SecurityColumn.ACCOUNT)
        for index in range(1, page.account_combo.count()):
            account_id = page.account_combo.itemData(index)
            page.account_combo.setCurrentIndex(index)
            await wait_until(
                lambda a=account_id: (
                    store.account_id == a
                    and not store.loading
                    and store.portfolio is not None
                    and store.portfolio.account_id == a
                ),
                what="the sub-account's portfolio",
            )
            shown = rows(page)
            assert all(account == account_id for account, _, _ in shown)
            assert sorted(shown) == sorted(r for r in all_rows if r[0] == account_id)
            assert all(c.account_id == account_id for c in store.money.rows)
            assert page.securities_view.isColumnHidden(SecurityColumn.ACCOUNT)
            totals = compute_totals(store.securities.rows, store.money.rows, store.totals.usdkzt)
            assert totals.total == store.portfolio.totals.total_value
        page.account_combo.setCurrentIndex(0)
        await wait_until(
            lambda: (
                store.account_id is None and not store.loading and len(rows(page)) == len(all_rows)
            ),
            what="all sub-accounts again",
        )
        await close(page, session)

    run(scenario())


def test_a_live_quote_reprices_a_row(run: Callable[..., Any], backend: Backend) -> None:
    async def scenario() -> None:
        session = await sign_in(backend.url)
        page = await open_page(session)
        store = page.store
        assert store is not None
        row = next(i for i, h in enumerate(store.securities.rows) if h.instrument_id == "KASE:HSBK")
        holding = store.securities.rows[row]
        before_total, before_value = store.totals.total, holding.value
        new_last = (holding.last + Decimal("10.00")).quantize(CENT)
        quote = Quote(
            instrument_id="KASE:HSBK",
            last=new_last,
            change=Decimal("10.00"),
            change_pct=Decimal("2.60"),
            prev_close=holding.last,
            volume=Decimal(1000),
            time=datetime.now(UTC),
        )
        session.quotesReceived.emit([quote])
        expected = (new_last * holding.position.quantity).quantize(CENT)
        model = store.securities
        await wait_until(
            lambda: model.index(row, SecurityColumn.VALUE).data() == _text(expected),
            what="the re-priced value on screen",
        )
        assert holding.value == expected
        cost = (holding.position.average_price * holding.position.quantity).quantize(CENT)
        assert holding.pnl == expected - cost
        await wait_until(lambda: store.totals.total != before_total, what="new totals")
        assert store.totals.total - before_total == expected - before_value
        assert page.total_values["total"].text() == format_money(store.totals.total, "KZT")
        await close(page, session)

    run(scenario())


def _text(value: Decimal) -> str:
    from cesec_desktop.state.formatting import format_decimal

    return format_decimal(value)


def test_buy_from_a_row_opens_the_order_form(
    run: Callable[..., Any], backend: Backend, order_form_calls: list[dict[str, Any]]
) -> None:
    async def scenario() -> None:
        session = await sign_in(backend.url)
        page = await open_page(session)
        store = page.store
        assert store is not None
        holding = store.securities.rows[0]
        menu = page.security_menu(0)
        names = {a.objectName(): a for a in menu.actions() if a.objectName()}
        assert {"buyAction", "sellAction", "chartAction"} <= set(names)
        assert names["buyAction"].isVisible()
        names["buyAction"].trigger()
        assert order_form_calls == [
            {
                "parent": page,
                "session": session,
                "instrument_id": holding.instrument_id,
                "side": "buy",
                "account_id": holding.position.account_id,
            }
        ]
        page.security_menu(0).actions()[1].trigger()
        assert order_form_calls[-1]["side"] == "sell"
        money = page.money_menu(0)
        transfer = money.actions()[0]
        assert transfer.objectName() == "transferAction"
        cash = page.store.money.rows[0]
        assert transfer.isEnabled() == (cash.available > 0) and transfer.toolTip()
        await close(page, session)

    run(scenario())


def test_a_broker_switches_clients_never_mixed_and_read_only(
    run: Callable[..., Any], backend: Backend, order_form_calls: list[dict[str, Any]]
) -> None:
    async def scenario() -> None:
        session = await sign_in(backend.url, BROKER)
        expected: dict[str, set[tuple[str, str, Decimal]]] = {}
        clients = await session.call(lambda c: c.clients())
        for client in clients:
            portfolio = await session.call(lambda c, i=client.id: c.portfolio(client_id=i))
            expected[client.id] = {
                (p.account_id, p.instrument_id, p.quantity) for p in portfolio.positions
            }
        page = await open_page(session)
        store = page.store
        assert store is not None
        # The page follows the session's shared choice (the top bar's picker), no picker of
        # its own.
        scope = ClientScope.of(session)
        assert not hasattr(page, "client_combo")
        assert [c.id for c in scope.clients] == [c.id for c in clients]
        assert len(clients) >= 2
        first, second = clients[0].id, clients[1].id
        assert expected[first] != expected[second]
        assert store.client_id == first and set(rows(page)) == expected[first]

        # Flip quickly back and forth: stale answers must be dropped, never shown.
        for index in (1, 0, 1, 0, 1):
            scope.select(clients[index].id)
            assert set(rows(page)) in (set(), expected[clients[index].id])
        await wait_until(
            lambda: store.client_id == second and not store.loading and store.portfolio is not None,
            what="the second client's portfolio",
        )
        assert set(rows(page)) == expected[second]
        assert {c.account_id for c in store.money.rows} <= {a.id for a in clients[1].accounts}
        # Accounts offered are the client's own.
        offered = {page.account_combo.itemData(i) for i in range(1, page.account_combo.count())}
        assert offered == {a.id for a in clients[1].accounts}

        # Read-only: no Buy or Sell, not even through the slot.
        menu = page.security_menu(0)
        names = {a.objectName() for a in menu.actions()}
        assert "buyAction" not in names and "sellAction" not in names
        assert "chartAction" in names
        assert not page.money_menu(0).actions()[0].isVisible()
        assert page.trade(store.securities.rows[0].instrument_id, "buy", None) is None
        assert order_form_calls == []
        await close(page, session)

    run(scenario())


def test_a_client_sees_no_client_picker(run: Callable[..., Any], backend: Backend) -> None:
    async def scenario() -> None:
        session = await sign_in(backend.url)
        page = await open_page(session)
        assert not hasattr(page, "client_combo")
        assert not ClientScope.of(session).is_broker
        assert page.store is not None and page.store.client_id is None
        await close(page, session)

    run(scenario())


def test_a_load_error_shows_in_place_with_retry(run: Callable[..., Any], backend: Backend) -> None:
    async def scenario() -> None:
        session = await sign_in(backend.url)
        await backend.control("/mock/faults", {"error_rate": 1.0})
        page = PortfolioPage(session=session)
        page.show()
        await wait_until(lambda: page.store is not None and page.store.error is not None)
        assert page.pages.currentWidget() is page.message_panel
        assert page.retry_button.isVisible() and page.message.text()
        await backend.control("/mock/faults", {"error_rate": 0.0})
        page.retry_button.click()
        await wait_until(lambda: page.pages.currentWidget() is page.content, what="the content")
        await close(page, session)

    run(scenario())


def test_the_page_in_the_main_window_loads_when_shown(
    run: Callable[..., Any], backend: Backend, gui_factory: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        page = gui.main.pages["portfolio"]
        assert page.store is None, "nothing is loaded before the page is opened"
        gui.main.show_page("portfolio")
        await wait_until(
            lambda: page.store is not None and page.store.portfolio is not None,
            what="the portfolio in the main window",
        )
        assert page.session is gui.session
        assert page.securities_view.model().rowCount() > 0

    run(scenario())


def test_history_dates_follow_the_ui_language(languages: Any) -> None:
    from PySide6.QtCore import QDate

    from cesec_desktop.views.widgets.candlestick_item import LocaleDateAxis

    axis = LocaleDateAxis(orientation="bottom")
    moment = QDate(2026, 6, 15).startOfDay().toSecsSinceEpoch()
    month = 30 * 86400
    languages.set_language("ru")
    assert axis.tickStrings([moment], 1, month) == ["июнь"]
    languages.set_language("kk")
    assert axis.tickStrings([moment], 1, month) == ["мау."]
    languages.set_language("en")
    assert axis.tickStrings([moment], 1, month) == ["Jun"]
    assert axis.tickStrings([moment], 1, 86400) == ["15 Jun"]


def test_headers_and_sub_accounts_speak_the_ui_language(
    run: Callable[..., Any], backend: Backend, languages: Any
) -> None:
    """Both tables' headers and the sub-accounts' names follow kk/ru/en, live."""

    def headers(view: Any) -> list[str]:
        model = view.model()
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    async def scenario() -> None:
        session = await sign_in(backend.url)
        page = await open_page(session)
        assert page.account_combo.itemText(1) == "CS01001-KZT · Brokerage account KZT"
        languages.set_language("ru")
        assert headers(page.securities_view)[:4] == ["Инструмент", "", "Субсчёт", "Количество"]
        assert headers(page.money_view) == [
            "Валюта",
            "",
            "Субсчёт",
            "Остаток",
            "Доступно",
            "Заблокировано",
        ]
        # Widgets retranslate on the LanguageChange event, which the event loop delivers.
        await wait_until(
            lambda: page.account_combo.itemText(1) == "CS01001-KZT · Брокерский счёт KZT",
            what="the sub-accounts named in Russian",
        )
        assert page.account_combo.itemText(2) == "CS01001-USD · Брокерский счёт USD"
        languages.set_language("kk")
        assert headers(page.securities_view)[:4] == ["Құрал", "", "Қосалқы шот", "Саны"]
        await wait_until(
            lambda: page.account_combo.itemText(1) == "CS01001-KZT · Брокерлік шот KZT",
            what="the sub-accounts named in Kazakh",
        )
        # The sub-account column shows the number; its tooltip names it in the UI language.
        store = page.store
        assert store is not None
        row = next(
            i
            for i, h in enumerate(store.securities.rows)
            if h.position.account_id == "acc_demo_kzt"
        )
        index = store.securities.index(row, SecurityColumn.ACCOUNT)
        assert index.data() == "CS01001-KZT"
        assert index.data(Qt.ItemDataRole.ToolTipRole) == "Брокерлік шот KZT"
        await close(page, session)

    run(scenario())


def test_no_stylesheet_strings_only_properties(run: Callable[..., Any], backend: Backend) -> None:
    """The day's change and the allocation toggles are styled by the theme's QSS selectors."""

    async def scenario() -> None:
        session = await sign_in(backend.url)
        page = await open_page(session)
        store = page.store
        assert store is not None and store.portfolio is not None
        change = store.portfolio.totals.day_change
        expected = "positive" if change > 0 else "negative" if change < 0 else ""
        day = page.total_values["day"]
        assert day.property("tone") == expected
        assert day.styleSheet() == ""
        for button in page.allocation_buttons.values():
            assert button.property("role") == "chipToggle"
            assert button.styleSheet() == ""
        await close(page, session)

    run(scenario())
