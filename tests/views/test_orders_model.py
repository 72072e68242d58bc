"""The orders table model and its proxy: paging by cursor, live updates by id, resync,
sorting on raw values, filters; checked with Qt's model tester along the way."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from gui_support import wait_until
from PySide6.QtCore import QLocale, QObject, Qt, Signal

from cesec_desktop.domain.enums import OrderStatus
from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.orders import Order
from cesec_desktop.state.clock import FixedClock
from cesec_desktop.state.errors import NetworkUnreachable
from cesec_desktop.state.formatting import format_moment, format_price, format_quantity
from cesec_desktop.state.orders_model import (
    ORDER_ROLE,
    SORT_ROLE,
    TONE_ROLE,
    Column,
    OrdersModel,
    OrdersProxyModel,
)
from cesec_desktop.state.orders_query import (
    OrdersQuery,
    Period,
    almaty_today,
    month_before,
    period_range,
)
from cesec_desktop.state.vocabulary import Tone

TODAY = date(2026, 11, 21)
# 09:00 in Almaty on TODAY; order n is n minutes older than this.
NOON = datetime(2026, 11, 21, 4, 0, tzinfo=UTC)
MARKETS = ["KASE:HSBK", "AIX:KAP", "INTL:AAPL"]
STATUSES = [OrderStatus.ACTIVE, OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.NEW]


def make_order(n: int, **changes: Any) -> Order:
    """Order number 100000 + n, placed n seconds before NOON."""
    instrument = MARKETS[n % 3]
    created = NOON - timedelta(seconds=n)
    data: dict[str, Any] = {
        "id": f"ord_{n:06d}",
        "number": str(100000 + n),
        "account_id": "acc_demo_kzt",
        "instrument_id": instrument,
        "ticker": instrument.split(":")[1],
        "side": "buy" if n % 2 else "sell",
        "type": "market" if n % 5 == 0 else "limit",
        "price": None if n % 5 == 0 else f"{100 + (n * 7) % 50}.25",
        "quantity": str(1 + n % 9),
        "filled_quantity": "0",
        "currency": "KZT",
        "status": STATUSES[n % 4].value,
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
        "valid_until": TODAY.isoformat(),
        "signature_method": "sms",
    }
    data.update(changes)
    return Order.model_validate(data)


def changed(order: Order, seconds: int = 1, **changes: Any) -> Order:
    """The same order a little later, with some fields changed."""
    data = order.model_dump(mode="json")
    data.update(changes)
    data["updated_at"] = (order.updated_at + timedelta(seconds=seconds)).isoformat()
    return Order.model_validate(data)


class FakeClient:
    """The orders calls of the cabinet API over a list, newest first, paged by index."""

    def __init__(self, orders: list[Order]) -> None:
        self.orders_list = orders
        self.calls: list[dict[str, Any]] = []
        self.fail: Exception | None = None
        self.gate: asyncio.Event | None = None

    async def orders(self, **params: Any) -> Page[Order]:
        self.calls.append(params)
        if self.gate is not None:
            await self.gate.wait()
        if self.fail is not None:
            raise self.fail
        start, end = params["start"], params["end"]
        items = [o for o in self.orders_list if OrdersQuery(start, end).contains(o.created_at)]
        first = int(params.get("cursor") or 0)
        limit = params["limit"]
        page = items[first : first + limit]
        more = first + limit < len(items)
        return Page[Order](items=page, next_cursor=str(first + limit) if more else None)

    async def cancel_order(self, order_id: str) -> Order:
        order = next(o for o in self.orders_list if o.id == order_id)
        return changed(order, status="cancelled")


class FakeSession(QObject):
    orderUpdated = Signal(object)
    resynced = Signal()

    def __init__(self, client: FakeClient) -> None:
        super().__init__()
        self.client = client
        self.accounts: list[Any] = []

    async def call(self, action: Callable[[FakeClient], Any]) -> Any:
        return await action(self.client)


def today_query() -> OrdersQuery:
    return OrdersQuery.preset(Period.TODAY, TODAY)


def loaded_model(count: int, page_size: int = 500) -> tuple[OrdersModel, FakeClient]:
    client = FakeClient([make_order(n) for n in range(count)])
    model = OrdersModel(FakeSession(client), page_size=page_size)  # type: ignore[arg-type]
    model.set_query(today_query())
    return model, client


def column_texts(model: Any, column: Column) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


# --- the period ----------------------------------------------------------------------------


def test_the_period_presets_are_almaty_days() -> None:
    assert period_range(Period.TODAY, TODAY) == (TODAY, TODAY)
    assert period_range(Period.WEEK, TODAY) == (date(2026, 11, 15), TODAY)
    assert period_range(Period.MONTH, TODAY) == (date(2026, 10, 22), TODAY)
    assert month_before(date(2024, 3, 31)) == date(2024, 2, 29)
    assert month_before(date(2026, 1, 15)) == date(2025, 12, 15)
    # 20:30 UTC is already the next day in Almaty (UTC+5).
    assert almaty_today(datetime(2026, 11, 20, 20, 30, tzinfo=UTC)) == TODAY
    query = OrdersQuery.preset(Period.TODAY, TODAY)
    assert query.contains(datetime(2026, 11, 20, 19, 0, tzinfo=UTC))
    assert not query.contains(datetime(2026, 11, 20, 18, 59, tzinfo=UTC))
    custom = OrdersQuery.custom(TODAY, date(2026, 11, 1))
    assert (custom.start, custom.end, custom.period) == (date(2026, 11, 1), TODAY, Period.CUSTOM)
    assert custom.rolled(date(2027, 1, 1)) is custom
    assert query.rolled(date(2026, 11, 22)).start == date(2026, 11, 22)
    with pytest.raises(ValueError):
        OrdersQuery(TODAY, date(2026, 11, 1))


def test_numbers_and_times_are_formatted_in_the_ui_locale() -> None:
    russian = QLocale("ru_KZ")
    assert format_price(Decimal("44700.5"), "KZT", russian) == "44\xa0700,50\xa0KZT"
    assert format_price(Decimal("99.1234"), "", russian) == "99,1234"
    assert format_price(None) == "—"
    assert format_quantity(Decimal("1000"), QLocale("en_GB")) == "1,000"
    assert format_quantity(Decimal("2.5"), russian) == "2,5"
    moment = datetime(2026, 11, 20, 19, 5, 7, tzinfo=UTC)
    assert format_moment(moment, QLocale("en_GB")) == "21/11/2026 00:05:07"


# --- loading -------------------------------------------------------------------------------


def test_pages_load_by_cursor_as_the_view_asks(qtmodeltester: Any, run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        model, client = loaded_model(1200, page_size=500)
        assert model.loading and model.rowCount() == 0
        await wait_until(lambda: model.loaded, what="the first page")
        assert model.rowCount() == 500 and not model.loading
        assert client.calls[0] == {
            "start": TODAY,
            "end": TODAY,
            "limit": 500,
            "cursor": None,
        }
        qtmodeltester.check(model)  # asks for more itself, as a view would
        await wait_until(lambda: model.rowCount() == 1000, what="the second page")
        assert model.canFetchMore()
        model.fetchMore()
        assert not model.canFetchMore(), "one page at a time"
        await wait_until(lambda: model.rowCount() == 1200, what="the last page")
        assert not model.canFetchMore() and not model.has_more
        assert [c["cursor"] for c in client.calls] == [None, "500", "1000"]
        assert model.order_at(0).number == "100000"
        assert model.row_of("ord_000777") == 777
        assert model.index(3, Column.NUMBER).data(ORDER_ROLE).id == "ord_000003"

    run(scenario())


def test_a_failed_load_says_so_and_can_be_retried(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        client = FakeClient([make_order(n) for n in range(3)])
        client.fail = NetworkUnreachable("down")
        # "Today" is the model's clock's: a retry rolls the preset to it, on any real date.
        model = OrdersModel(FakeSession(client), clock=FixedClock(NOON))  # type: ignore[arg-type]
        failures: list[object] = []
        model.loadFailed.connect(failures.append)
        model.set_query(today_query())
        await wait_until(lambda: failures, what="the failure")
        assert isinstance(model.error, NetworkUnreachable)
        assert not model.loading and not model.canFetchMore()
        client.fail = None
        model.retry()
        await wait_until(lambda: model.rowCount() == 3, what="the retry")
        assert model.error is None
        assert model.query == today_query()

    run(scenario())


def test_another_period_drops_the_answer_to_the_previous_one(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        client = FakeClient([make_order(n) for n in range(5)])
        client.gate = asyncio.Event()
        model = OrdersModel(FakeSession(client))  # type: ignore[arg-type]
        model.set_query(OrdersQuery(date(2026, 11, 1), date(2026, 11, 2)))
        await wait_until(lambda: client.calls, what="the first request")
        model.set_query(today_query())
        client.gate.set()
        await wait_until(lambda: model.loaded, what="today's orders")
        assert model.rowCount() == 5 and model.query == today_query()

    run(scenario())


# --- live updates --------------------------------------------------------------------------


def test_stream_updates_change_rows_by_id_one_signal_per_range(
    qtmodeltester: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        model, client = loaded_model(10)
        await wait_until(lambda: model.loaded, what="loaded")
        qtmodeltester.check(model)
        signals: list[tuple[int, int, int, int]] = []
        model.dataChanged.connect(
            lambda a, b, _roles: signals.append((a.row(), a.column(), b.row(), b.column()))
        )
        updated: list[list[Order]] = []
        model.ordersUpdated.connect(updated.append)
        session = model.session
        assert session is not None
        for n in (1, 2, 3, 7):
            session.orderUpdated.emit(changed(client.orders_list[n], status="filled"))
        assert signals == [], "coalesced until the loop turns"
        await wait_until(lambda: signals, what="the batch")
        last = len(Column) - 1
        assert signals == [(1, 0, 3, last), (7, 0, 7, last)]
        assert len(updated) == 1 and len(updated[0]) == 4
        assert model.index(7, Column.STATUS).data() == "Filled"
        assert model.index(7, Column.STATUS).data(TONE_ROLE) == Tone.POSITIVE

        signals.clear()
        stale = changed(client.orders_list[7], seconds=-5, status="active")
        model.apply([stale])
        assert signals == [] and model.order_at(7).status == OrderStatus.FILLED

    run(scenario())


def test_new_orders_of_the_period_arrive_at_the_top(
    qtmodeltester: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        model, _client = loaded_model(1200, page_size=500)
        await wait_until(lambda: model.loaded, what="loaded")
        qtmodeltester.check(model)
        await wait_until(lambda: not model.loading, what="the page the tester asked for")
        count = model.rowCount()
        inserted: list[tuple[int, int]] = []
        model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
        newer = [make_order(-1), make_order(-2)]
        model.apply(newer)
        assert inserted == [(0, 1)]
        assert [model.order_at(r).number for r in (0, 1, 2)] == ["99998", "99999", "100000"]
        assert model.row_of("ord_000000") == 2
        assert model.row_of(model.order_at(count + 1).id) == count + 1

        inserted.clear()
        yesterday = make_order(-3, created_at="2026-11-20T10:00:00+00:00")
        assert model.has_more
        too_old = make_order(count + 50)  # beyond the loaded pages: a later page brings it
        model.apply([yesterday, too_old])
        assert inserted == [] and model.rowCount() == count + 2

    run(scenario())


def test_an_order_missed_in_the_middle_lands_in_its_place(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        model, _client = loaded_model(10)
        await wait_until(lambda: model.loaded, what="loaded")
        missed = make_order(4, id="ord_missed", number="200000")
        model.apply([missed])
        assert model.row_of("ord_missed") in (4, 5)
        rows = [model.row_of(model.order_at(r).id) for r in range(model.rowCount())]
        assert rows == list(range(11)), "every id still finds its row"

    run(scenario())


def test_updates_that_arrive_before_the_first_page_are_kept(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        client = FakeClient([make_order(n) for n in range(5)])
        client.gate = asyncio.Event()
        model = OrdersModel(FakeSession(client))  # type: ignore[arg-type]
        model.set_query(today_query())
        model.apply([changed(client.orders_list[2], status="filled"), make_order(-1)])
        assert model.rowCount() == 0
        client.gate.set()
        await wait_until(lambda: model.loaded, what="loaded")
        assert model.rowCount() == 6
        assert model.order_at(0).number == "99999"
        assert model.order_by_id("ord_000002").status == OrderStatus.FILLED  # type: ignore[union-attr]

    run(scenario())


def test_a_resync_re_reads_what_is_loaded(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        model, client = loaded_model(20)
        await wait_until(lambda: model.loaded, what="loaded")
        client.orders_list[3] = changed(client.orders_list[3], status="filled")
        client.orders_list.insert(0, make_order(-1))
        session = model.session
        assert session is not None
        session.resynced.emit()
        await wait_until(lambda: model.rowCount() == 21, what="the missed order")
        assert model.order_by_id("ord_000003").status == OrderStatus.FILLED  # type: ignore[union-attr]
        assert client.calls[-1]["limit"] == 500

    run(scenario())


def test_cancel_shows_the_answer_in_the_row(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        model, _client = loaded_model(4)
        await wait_until(lambda: model.loaded, what="loaded")
        order = await model.cancel_order("ord_000000")
        assert order.status == OrderStatus.CANCELLED
        assert model.index(0, Column.STATUS).data() == "Cancelled"

    run(scenario())


# --- the proxy -----------------------------------------------------------------------------


def test_the_proxy_sorts_on_raw_values_and_filters(
    qtmodeltester: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        model, _client = loaded_model(40)
        await wait_until(lambda: model.loaded, what="loaded")
        proxy = OrdersProxyModel()
        proxy.setSourceModel(model)
        qtmodeltester.check(proxy)

        proxy.sort(Column.TIME, Qt.SortOrder.DescendingOrder)
        assert proxy.sortColumn() == -1, "newest first is the source's order: no comparisons"
        assert proxy.sorted_by == (Column.TIME, Qt.SortOrder.DescendingOrder)
        ids = [proxy.index(r, 0).data(ORDER_ROLE).id for r in range(proxy.rowCount())]
        assert ids == [o.id for o in model.orders()]
        proxy.sort(Column.TIME, Qt.SortOrder.AscendingOrder)
        assert proxy.index(0, 0).data(ORDER_ROLE).id == model.orders()[-1].id

        proxy.sort(Column.PRICE, Qt.SortOrder.AscendingOrder)
        prices = [proxy.index(r, Column.PRICE).data(SORT_ROLE) for r in range(proxy.rowCount())]
        assert prices == sorted(prices)
        assert proxy.index(0, Column.PRICE).data() == "—", "market orders (no price) first"
        proxy.sort(Column.NUMBER, Qt.SortOrder.DescendingOrder)
        numbers = [int(t) for t in column_texts(proxy, Column.NUMBER)]
        assert numbers == sorted(numbers, reverse=True)
        proxy.sort(Column.QUANTITY, Qt.SortOrder.AscendingOrder)
        quantities = [Decimal(t) for t in column_texts(proxy, Column.QUANTITY)]
        assert quantities == sorted(quantities)

        proxy.set_statuses([OrderStatus.ACTIVE, OrderStatus.NEW])
        assert set(column_texts(proxy, Column.STATUS)) == {"Active", "New"}
        proxy.set_market("AIX")
        assert {proxy.index(r, 0).data(ORDER_ROLE).instrument_id for r in range(proxy.rowCount())}
        assert all(
            proxy.index(r, 0).data(ORDER_ROLE).instrument_id.startswith("AIX:")
            for r in range(proxy.rowCount())
        )
        proxy.set_side("sell")
        assert set(column_texts(proxy, Column.SIDE)) <= {"Sell"}
        assert proxy.filtered
        proxy.clear_filters()
        assert proxy.rowCount() == 40 and not proxy.filtered

        # A live change that takes a row out of the filter, and one that re-sorts.
        proxy.set_statuses([OrderStatus.ACTIVE])
        shown = proxy.rowCount()
        active = next(o for o in model.orders() if o.status == OrderStatus.ACTIVE)
        model.apply([changed(active, status="filled")])
        assert proxy.rowCount() == shown - 1

        # Sorted by price, a new order and a changed price land in their places.
        proxy.clear_filters()
        proxy.sort(Column.PRICE, Qt.SortOrder.DescendingOrder)
        model.apply([make_order(-1, price="999.99")])
        assert proxy.index(0, Column.PRICE).data() == "999.99\xa0KZT"
        cheapest = proxy.index(proxy.rowCount() - 1, 0).data(ORDER_ROLE)
        model.apply([changed(cheapest, price="1000.00")])
        assert proxy.index(0, 0).data(ORDER_ROLE).id == cheapest.id

    run(scenario())


def test_a_large_batch_is_sorted_once_with_sorting_suspended(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        model, _client = loaded_model(400)
        await wait_until(lambda: model.loaded, what="loaded")
        proxy = OrdersProxyModel()
        proxy.setSourceModel(model)
        proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
        proxy.set_statuses([OrderStatus.ACTIVE, OrderStatus.FILLED, OrderStatus.NEW])
        seen: list[bool] = []
        model.dataChanged.connect(lambda *_: seen.append(proxy.dynamicSortFilter()))
        batch = [changed(o, status="filled") for o in model.orders()[::2]]
        assert len(batch) >= OrdersProxyModel.SUSPEND_AT
        model.apply(batch)
        assert seen and not any(seen), "no re-sort per changed range"
        assert proxy.dynamicSortFilter()
        statuses = [proxy.index(r, 0).data(ORDER_ROLE).status for r in range(proxy.rowCount())]
        order = list(OrderStatus)
        assert [order.index(s) for s in statuses] == sorted(order.index(s) for s in statuses)
        assert OrderStatus.CANCELLED not in statuses
        expected = sum(
            o.status in (OrderStatus.ACTIVE, OrderStatus.FILLED, OrderStatus.NEW)
            for o in model.orders()
        )
        assert proxy.rowCount() == expected

    run(scenario())


def test_headers_and_texts_follow_the_language(qtmodeltester: Any, run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        model, _client = loaded_model(3)
        await wait_until(lambda: model.loaded, what="loaded")
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
        assert headers == [
            "",
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
        seen: list[int] = []
        model.headerDataChanged.connect(lambda *_: seen.append(1))
        model.retranslate()
        assert seen == [1]
        assert model.index(0, Column.MENU).data(Qt.ItemDataRole.ToolTipRole) == "Actions"
        assert model.index(1, Column.SIDE).data() == "Buy"
        assert model.index(1, Column.SIDE).data(TONE_ROLE) == Tone.POSITIVE

    run(scenario())
