"""Home against the real mock: quote tables per market, flashes, the "…" menu, staleness,
the portfolio summary and the recent activity."""

from __future__ import annotations

import asyncio
import sys
import types
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest
from gui_support import wait_until
from PySide6.QtCore import QLocale, Qt

from cesec_desktop.domain.enums import Market
from cesec_desktop.mockserver.seed import DEMO_WATCHLISTS
from cesec_desktop.state.formatting import format_decimal, format_money
from cesec_desktop.state.quote_table_model import Column, FlashRole, StaleRole
from cesec_desktop.views.delegates import QuoteDelegate

LIVE = {"simulate": True, "always_open": True, "tick_rate": 400}


async def signed_in_home(gui_factory: Any, backend: Any) -> tuple[Any, Any]:
    gui = gui_factory(backend.url)
    await gui.sign_in()
    home = gui.main.home
    await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists")
    return gui, home


def all_quoted(model: Any) -> bool:
    return model.rowCount() > 0 and all(model.quote(r) is not None for r in range(model.rowCount()))


def menu_button_center(table: Any, row: int) -> Any:
    rect = table.visualRect(table.model().index(row, Column.TICKER))
    return QuoteDelegate.menu_rect(rect).center()


def test_quotes_appear_in_each_markets_table_in_watchlist_order(
    run: Any, gui_factory: Any, backend_factory: Any
) -> None:
    backend = backend_factory(**LIVE)

    async def scenario() -> None:
        _gui, home = await signed_in_home(gui_factory, backend)
        for market, tickers in DEMO_WATCHLISTS.items():
            model = home.models[market.value]
            assert model.ids == [f"{market.value}:{t}" for t in tickers]
            await wait_until(lambda m=model: all_quoted(m), what=f"{market.value} quotes")
            await wait_until(
                lambda m=model, t=tickers: (
                    [m.index(r, Column.TICKER).data() for r in range(m.rowCount())] == list(t)
                ),
                what="tickers",
            )
            assert home.panels[market.value].table.isVisible()
        name = home.models["KASE"].index(0, Column.NAME).data()
        await wait_until(lambda: home.models["KASE"].index(0, Column.NAME).data(), what="names")
        assert name is not None
        assert home.panels["INTL"].heading.text() == "International"

    run(scenario())


def test_a_changed_price_flashes(run: Any, gui_factory: Any, backend_factory: Any) -> None:
    backend = backend_factory(**LIVE)

    async def scenario() -> None:
        _gui, home = await signed_in_home(gui_factory, backend)
        seen: list[tuple[int, Decimal, Decimal]] = []
        last_seen: dict[tuple[str, int], Decimal] = {}

        def look() -> bool:
            for model in home.models.values():
                for row in range(model.rowCount()):
                    quote = model.quote(row)
                    if quote is None:
                        continue
                    key = (model.market, row)
                    flash = model.index(row, Column.LAST).data(FlashRole)
                    before = last_seen.get(key)
                    if flash is not None and before is not None and before != quote.last:
                        seen.append((flash[0], before, quote.last))
                    last_seen[key] = quote.last
            return bool(seen)

        await wait_until(look, timeout=15, what="a flashing price")
        direction, before, after = seen[0]
        assert direction == (1 if after > before else -1)

    run(scenario())


def test_remove_from_the_row_menu_removes_the_row_and_saves_it(
    run: Any, gui_factory: Any, backend: Any, qtbot: Any
) -> None:
    async def scenario() -> None:
        gui, home = await signed_in_home(gui_factory, backend)
        panel = home.panels["KASE"]
        table = panel.table
        first = home.models["KASE"].ids[0]
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=menu_button_center(table, 0)
        )
        await wait_until(lambda: home.menu is not None and home.menu.isVisible(), what="the menu")
        texts = [a.text() for a in home.menu.actions() if a.isVisible() and a.text()]
        assert texts[:2] == ["Buy", "Sell"] and texts[-1] == "Remove from list"
        home.menu.findChild(type(home.menu.actions()[0]), "removeAction").trigger()
        assert first not in home.models["KASE"].ids
        assert home.models["KASE"].rowCount() == len(DEMO_WATCHLISTS[Market.KASE]) - 1

        stored: list[str] = []
        for _ in range(100):
            lists = await gui.session.call(lambda client: client.watchlists())
            stored = next(w.instrument_ids for w in lists.items if w.market == Market.KASE)
            if first not in stored:
                break
            await asyncio.sleep(0.05)
        assert first not in stored and stored == home.models["KASE"].ids

    run(scenario())


def test_buy_from_a_row_opens_the_order_form_with_the_instrument(
    run: Any, gui_factory: Any, backend: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []

    def fake_open_order_form(parent: Any, session: Any, **kwargs: Any) -> None:
        calls.append({"parent": parent, "session": session, **kwargs})

    try:
        import cesec_desktop.views.order_form as order_form
    except ImportError:  # issue 4's module is not there yet
        order_form = types.ModuleType("cesec_desktop.views.order_form")
        monkeypatch.setitem(sys.modules, "cesec_desktop.views.order_form", order_form)
    monkeypatch.setattr(order_form, "open_order_form", fake_open_order_form, raising=False)

    async def scenario() -> None:
        gui, home = await signed_in_home(gui_factory, backend)
        target = home.models["AIX"].ids[1]
        menu = home.row_menu(target)
        next(a for a in menu.actions() if a.objectName() == "buyAction").trigger()
        next(a for a in menu.actions() if a.objectName() == "sellAction").trigger()
        assert [(c["instrument_id"], c["side"]) for c in calls] == [
            (target, "buy"),
            (target, "sell"),
        ]
        assert calls[0]["session"] is gui.session and calls[0]["parent"] is home

    run(scenario())


def test_double_click_asks_for_the_chart(
    run: Any, gui_factory: Any, backend: Any, qtbot: Any
) -> None:
    async def scenario() -> None:
        gui, home = await signed_in_home(gui_factory, backend)
        table = home.panels["INTL"].table
        wanted: list[str] = []
        home.chartRequested.connect(wanted.append)
        rect = table.visualRect(table.model().index(2, Column.LAST))
        # A real double-click is a press and release, then the double-click event.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert wanted == [home.models["INTL"].ids[2]]
        # The main window answers with that instrument's chart window.
        charts = gui.main._charts
        assert charts and charts[-1].instrument_id == wanted[0] and charts[-1].isVisible()
        charts[-1].close()

    run(scenario())


def test_an_empty_watchlist_offers_the_editor(
    run: Any, gui_factory: Any, backend: Any, qtbot: Any
) -> None:
    async def scenario() -> None:
        gui, home = await signed_in_home(gui_factory, backend)
        await gui.session.call(lambda client: client.set_watchlist("AIX", []))
        home.reload()
        panel = home.panels["AIX"]
        await wait_until(lambda: panel.is_empty, what="the empty state")
        assert panel.edit_button.isVisible()
        asked: list[bool] = []
        home.editWatchlistRequested.connect(lambda: asked.append(True))
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
        assert asked == [True]
        assert not home.panels["KASE"].is_empty

    run(scenario())


def test_stream_outage_greys_the_quotes_with_their_age_and_they_recover(
    run: Any, gui_factory: Any, backend_factory: Any
) -> None:
    backend = backend_factory(**LIVE)

    async def scenario() -> None:
        _gui, home = await signed_in_home(gui_factory, backend)
        model = home.models["KASE"]
        await wait_until(lambda: all_quoted(model) and not home.quotes.stale, what="live quotes")
        await backend.control("/mock/faults", {"stream_down": True})
        await wait_until(lambda: model.index(0, Column.LAST).data(StaleRole), what="stale quotes")
        await wait_until(
            lambda: model.index(0, Column.TIME).data().endswith("ago"), what="the quote's age"
        )
        await backend.control("/mock/faults", {"stream_down": False})
        await wait_until(lambda: not model.index(0, Column.LAST).data(StaleRole), what="recovery")
        received = home.quotes.received
        await wait_until(lambda: home.quotes.received > received, what="quotes flowing again")
        assert not model.index(0, Column.TIME).data().endswith("ago")

    run(scenario(), timeout=40)


def test_the_summary_shows_the_portfolio_totals(run: Any, gui_factory: Any, backend: Any) -> None:
    async def scenario() -> None:
        gui, home = await signed_in_home(gui_factory, backend)
        await wait_until(lambda: home.summary_loaded, what="the portfolio")
        portfolio = await gui.session.call(lambda client: client.portfolio())
        locale = QLocale()
        totals = portfolio.totals
        assert home.total_value.text() == format_money(totals.total_value, "KZT", locale)
        assert format_money(totals.day_change, "KZT", locale).lstrip("-") in home.day_change.text()
        cash: dict[str, Decimal] = defaultdict(Decimal)
        for balance in portfolio.cash:
            cash[balance.currency.value] += balance.available
        assert home.available_cash() == dict(cash)
        for currency, amount in cash.items():
            assert home.cash_labels[currency].text() == format_decimal(amount, 2, locale)
        assert home.withdraw_button.isEnabled()
        assert home.withdraw_button.toolTip()

    run(scenario())


def test_recent_activity_shows_the_latest_ten_with_live_statuses(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui, home = await signed_in_home(gui_factory, backend)
        session = gui.session
        orders = (await session.call(lambda client: client.orders(limit=10))).items
        instructions = (await session.call(lambda client: client.instructions(limit=10))).items
        merged = sorted(
            [(o.created_at, o.id, f"order:{o.id}") for o in orders]
            + [(i.created_at, i.id, f"instruction:{i.id}") for i in instructions],
            reverse=True,
        )[:10]
        await wait_until(lambda: home.recent_keys(), what="recent activity")
        assert home.recent_keys() == [key for _, _, key in merged]
        assert len(home.recent_keys()) == 10

        # A status event changes the row in place.
        newest = next(o for o in orders if f"order:{o.id}" in home.recent_keys())
        changed = newest.model_copy(update={"status": "cancelled"})
        session.orderUpdated.emit(changed)
        row = home.recent_keys().index(f"order:{newest.id}")
        assert home.recent_table.item(row, 1).text() == "Cancelled"

    run(scenario())
