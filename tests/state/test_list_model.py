"""The list models' shared machinery: column specs serve every role, pages come by cursor,
a retry rolls a preset to the model's clock, stream bursts are coalesced, and sort keys are
computed once per row. Each model passes Qt's model tester."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from gui_support import wait_until
from PySide6.QtCore import QObject, Qt, Signal

from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.domain.models.orders import Order, Transaction
from cesec_desktop.state.clock import FixedClock
from cesec_desktop.state.errors import NetworkUnreachable
from cesec_desktop.state.instructions_model import Column as InstructionColumn
from cesec_desktop.state.instructions_model import (
    InstructionsModel,
    InstructionsProxyModel,
)
from cesec_desktop.state.list_model import (
    ColumnSpec,
    ColumnTableModel,
    KeyedSortProxy,
    number_key,
)
from cesec_desktop.state.orders_model import Column, OrdersModel, OrdersProxyModel
from cesec_desktop.state.orders_query import OrdersQuery, Period
from cesec_desktop.state.roles import CURRENCY_ROLE, MARKET_ROLE, ROW_ROLE, SORT_ROLE, TONE_ROLE
from cesec_desktop.state.transactions_model import Column as TransactionColumn
from cesec_desktop.state.transactions_model import (
    TransactionsModel,
    TransactionsProxyModel,
    TransactionsQuery,
)
from cesec_desktop.state.vocabulary import Tone

TODAY = date(2026, 11, 21)
# 09:00 in Almaty on TODAY; row n is n seconds older than this.
NINE = datetime(2026, 11, 21, 4, 0, tzinfo=UTC)
MARKETS = ["KASE:HSBK", "AIX:KAP", "INTL:AAPL"]


def make_order(n: int, **changes: Any) -> Order:
    instrument = MARKETS[n % 3]
    created = NINE - timedelta(seconds=n)
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
        "currency": "USD" if instrument.startswith("INTL") else "KZT",
        "status": "active",
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
        "valid_until": TODAY.isoformat(),
        "signature_method": "sms",
    }
    data.update(changes)
    return Order.model_validate(data)


def make_instruction(n: int, **changes: Any) -> Instruction:
    created = NINE - timedelta(minutes=n)
    data: dict[str, Any] = {
        "id": f"ins_{n:06d}",
        "number": f"W-{n + 1}",
        "account_id": "acc_demo_kzt",
        "amount": f"{1000 + n * 37}.50",
        "currency": "KZT",
        "recipient_iin": "900101300123",
        "iban": "KZ86125KZT5004100100",
        "bic": "HSBKKZKX",
        "bank_name": "Halyk Bank",
        "purpose": "withdrawal",
        "status": "new",
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
        "signature_method": "sms",
    }
    data.update(changes)
    return Instruction.model_validate(data)


def make_transaction(n: int) -> Transaction:
    instrument = MARKETS[n % 3]
    return Transaction.model_validate(
        {
            "id": f"trx_{n:06d}",
            "number": f"TR-{n:08d}",
            "time": (NINE - timedelta(minutes=n)).isoformat(),
            "order_id": f"ord_{n:06d}",
            "account_id": "acc_demo_kzt",
            "instrument_id": instrument,
            "ticker": instrument.split(":")[1],
            "side": "buy" if n % 2 else "sell",
            "price": f"{100 + (n * 13) % 97}.5",
            "quantity": str(1 + n % 7),
            "amount": f"{(100 + (n * 13) % 97) * (1 + n % 7)}.25",
            "fee": "1.10",
            "currency": "USD" if instrument.startswith("INTL") else "KZT",
            "settlement_date": (TODAY + timedelta(days=2)).isoformat(),
        }
    )


def newer(item: Any, seconds: int = 1, **changes: Any) -> Any:
    data = item.model_dump(mode="json")
    data.update(changes)
    data["updated_at"] = (item.updated_at + timedelta(seconds=seconds)).isoformat()
    return type(item).model_validate(data)


class FakeClient:
    """The list calls over lists, newest first, paged by index."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows
        self.calls: list[dict[str, Any]] = []
        self.fail: Exception | None = None

    async def _page(self, params: dict[str, Any], created: Callable[[Any], datetime]) -> Page[Any]:
        self.calls.append(params)
        await asyncio.sleep(0)
        if self.fail is not None:
            raise self.fail
        if "start" in params and params["start"] is not None:
            period = OrdersQuery(params["start"], params["end"])
            items = [r for r in self.rows if period.contains(created(r))]
        else:
            items = list(self.rows)
        first = int(params.get("cursor") or 0)
        page = items[first : first + params["limit"]]
        more = first + params["limit"] < len(items)
        return Page[Any](items=page, next_cursor=str(first + params["limit"]) if more else None)

    async def orders(self, **params: Any) -> Page[Any]:
        return await self._page(params, lambda r: r.created_at)

    async def instructions(self, **params: Any) -> Page[Any]:
        return await self._page(params, lambda r: r.created_at)

    async def transactions(self, **params: Any) -> Page[Any]:
        return await self._page(params, lambda r: r.time)


class FakeSession(QObject):
    orderUpdated = Signal(object)
    instructionUpdated = Signal(object)
    resynced = Signal()

    def __init__(self, client: FakeClient) -> None:
        super().__init__()
        self.client = client
        self.accounts: list[Any] = []

    async def call(self, action: Callable[[FakeClient], Any]) -> Any:
        return await action(self.client)


def today() -> OrdersQuery:
    return OrdersQuery.preset(Period.TODAY, TODAY)


# --- the column specs ------------------------------------------------------------------------


def test_every_model_is_described_by_its_column_specs() -> None:
    for model in (OrdersModel(), InstructionsModel(), TransactionsModel()):
        columns = model.columns
        assert len(columns) == model.columnCount()
        keys = [spec.key for spec in columns]
        assert len(set(keys)) == len(keys), "keys name columns for remembered header state"
        assert columns[0].painter == "menu" and columns[0].sort_key is None
        assert all(spec.sortable for spec in columns[1:])
        assert all(spec.sample(model._locale) for spec in columns)
        assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(len(columns))] == [
            spec.title() for spec in columns
        ]
        assert any(spec.priority > 0 for spec in columns) and columns[0].priority == 0
    assert number_key("W-120") > number_key("W-99") and number_key("ABC") > number_key("9")


def test_the_roles_come_from_the_specs_with_a_currency_on_every_money_cell(
    qtmodeltester: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        client = FakeClient([make_order(n) for n in range(1, 7)])
        model = OrdersModel(FakeSession(client))  # type: ignore[arg-type]
        model.set_query(today())
        await wait_until(lambda: model.loaded, what="the orders")
        qtmodeltester.check(model)
        usd = model.row_of("ord_000002")  # INTL:AAPL
        assert usd is not None
        price = model.index(usd, Column.PRICE)
        assert price.data(CURRENCY_ROLE) == "USD" and price.data().endswith("USD")
        assert model.index(0, Column.PRICE).data(CURRENCY_ROLE) == "KZT"
        assert model.index(0, Column.QUANTITY).data(CURRENCY_ROLE) is None
        assert price.data(MARKET_ROLE) == "INTL"
        assert price.data(ROW_ROLE).id == "ord_000002"
        assert model.index(0, Column.SIDE).data(TONE_ROLE) in (Tone.POSITIVE, Tone.NEGATIVE)
        assert model.index(0, Column.NUMBER).data(TONE_ROLE) is None
        assert model.index(0, Column.MENU).data(SORT_ROLE) is None
        menu = model.index(0, Column.MENU).data(Qt.ItemDataRole.AccessibleTextRole)
        assert menu == "Actions for order 100001"

    run(scenario())


# --- paging, retry, resync ---------------------------------------------------------------------


def test_instructions_page_in_by_cursor_and_pass_the_model_tester(
    qtmodeltester: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        client = FakeClient([make_instruction(n) for n in range(250)])
        model = InstructionsModel(FakeSession(client), page_size=100)  # type: ignore[arg-type]
        loads: list[bool] = []
        model.loadingChanged.connect(loads.append)
        model.set_query(today())
        await wait_until(lambda: model.loaded, what="the first page")
        assert model.rowCount() == 100 and model.has_more
        qtmodeltester.check(model)  # asks for more itself, as a view would
        await wait_until(lambda: model.rowCount() == 200, what="the second page")
        model.fetchMore()
        await wait_until(lambda: model.rowCount() == 250, what="the last page")
        assert not model.has_more and not model.canFetchMore()
        assert [c["cursor"] for c in client.calls] == [None, "100", "200"]
        assert model.instruction_at(0).number == "W-1"
        assert model.row_of("ins_000123") == 123
        amount = model.index(0, InstructionColumn.AMOUNT)
        assert amount.data(SORT_ROLE) == Decimal("1000.50") and amount.data(CURRENCY_ROLE) == "KZT"
        assert loads[0] is True and loads[-1] is False

    run(scenario())


def test_a_retry_after_a_failed_first_page_rolls_the_preset_to_the_models_clock(
    run: Callable[..., Any],
) -> None:
    async def scenario() -> None:
        clock = FixedClock(NINE)
        client = FakeClient([make_order(n) for n in range(10)])
        client.fail = NetworkUnreachable("offline")
        model = OrdersModel(FakeSession(client), clock=clock)  # type: ignore[arg-type]
        failures: list[object] = []
        model.loadFailed.connect(failures.append)
        model.set_query(today())
        await wait_until(lambda: failures, what="the failure")
        assert model.error is not None and not model.loaded and not model.loading
        client.fail = None
        clock.advance(timedelta(days=1))  # the page was left open past midnight
        model.retry()
        await wait_until(lambda: model.loaded, what="the retried page")
        assert client.calls[-1]["start"] == TODAY + timedelta(days=1)
        assert model.query is not None and model.query.period is Period.TODAY
        assert model.error is None and model.rowCount() == 0

    run(scenario())


def test_a_retry_after_a_failed_later_page_asks_for_that_page(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        client = FakeClient([make_instruction(n) for n in range(30)])
        model = InstructionsModel(FakeSession(client), page_size=20)  # type: ignore[arg-type]
        model.set_query(today())
        await wait_until(lambda: model.loaded, what="the first page")
        client.fail = NetworkUnreachable("offline")
        model.fetchMore()
        await wait_until(lambda: model.error is not None, what="the failure")
        assert not model.canFetchMore(), "no endless retries while it fails"
        client.fail = None
        model.retry()
        await wait_until(lambda: model.rowCount() == 30, what="the second page")
        assert [c["cursor"] for c in client.calls] == [None, "20", "20"]

    run(scenario())


def test_a_resync_re_reads_the_loaded_instructions_in_place(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        items = [make_instruction(n) for n in range(5)]
        client = FakeClient(items)
        session = FakeSession(client)
        model = InstructionsModel(session)  # type: ignore[arg-type]
        model.set_query(today())
        await wait_until(lambda: model.loaded, what="the first page")
        resets: list[bool] = []
        model.modelReset.connect(lambda: resets.append(True))
        client.rows = [newer(items[0], status="executed"), *items[1:]]
        session.resynced.emit()
        await wait_until(lambda: model.instruction_at(0).status == "executed", what="resync")
        assert resets == [], "changed in place, not reloaded"

    run(scenario())


# --- live events -------------------------------------------------------------------------------


def test_a_burst_of_events_is_one_batch_applied_per_turn(run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        items = [make_instruction(n) for n in range(6)]
        session = FakeSession(FakeClient(items))
        model = InstructionsModel(session)  # type: ignore[arg-type]
        model.set_query(today())
        await wait_until(lambda: model.loaded, what="the first page")
        changes: list[tuple[int, int]] = []
        model.dataChanged.connect(lambda a, b, *_: changes.append((a.row(), b.row())))
        updated: list[list[Instruction]] = []
        model.instructionsUpdated.connect(updated.append)
        batches: list[int] = []
        model.batchAboutToBeApplied.connect(batches.append)
        for seconds in (1, 3, 2):  # the newest wins, whatever the order they come in
            session.instructionUpdated.emit(newer(items[1], seconds, status="processing"))
        session.instructionUpdated.emit(newer(items[2], status="rejected"))
        session.instructionUpdated.emit(newer(items[4], status="executed"))
        assert changes == [], "held until the loop turns"
        await wait_until(lambda: updated, what="the batch")
        assert batches == [3]
        assert changes == [(1, 2), (4, 4)], "one dataChanged per contiguous range"
        assert len(updated) == 1 and len(updated[0]) == 3
        assert model.instruction_at(1).updated_at == items[1].updated_at + timedelta(seconds=3)
        fresh = make_instruction(-1, status="new")
        session.instructionUpdated.emit(fresh)
        await wait_until(lambda: model.rowCount() == 7, what="the new instruction")
        assert model.instruction_at(0).id == fresh.id and model.row_of(items[0].id) == 1

    run(scenario())


# --- sorting -----------------------------------------------------------------------------------


class Counted(ColumnTableModel[int]):
    """Rows are ints; the one column's key counts its calls."""

    calls = 0

    @staticmethod
    def _key(row: int) -> int:
        Counted.calls += 1
        return -row

    columns = (
        ColumnSpec(key="value", title=lambda: "Value", display=lambda r, _l: str(r), sort_key=_key),
    )


def test_sort_keys_are_computed_once_per_row(qtmodeltester: Any) -> None:
    model = Counted()
    model._rows = list(range(2000))
    proxy = KeyedSortProxy()
    proxy.setSourceModel(model)
    Counted.calls = 0
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert Counted.calls == 2000, "once per row, not once per comparison"
    assert [proxy.index(r, 0).data() for r in range(3)] == ["1999", "1998", "1997"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert Counted.calls == 2000, "the keys are kept for the next sort"
    model.beginInsertRows(model.index(0, 0).parent(), 2000, 2000)
    model._rows.append(5000)
    model.endInsertRows()
    assert Counted.calls == 2001, "an inserted row adds its own key only"
    assert proxy.index(2000, 0).data() == "5000"
    qtmodeltester.check(proxy)


def test_the_orders_proxy_keeps_newest_first_free_and_sorts_on_kept_keys(
    qtmodeltester: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        client = FakeClient([make_order(n) for n in range(300)])
        session = FakeSession(client)
        model = OrdersModel(session)  # type: ignore[arg-type]
        proxy = OrdersProxyModel()
        proxy.setSourceModel(model)
        model.set_query(today())
        await wait_until(lambda: model.loaded, what="the orders")
        proxy.sort(Column.TIME, Qt.SortOrder.DescendingOrder)
        assert proxy.key_builds == 0, "newest first is the source's own order"
        proxy.sort(Column.PRICE, Qt.SortOrder.AscendingOrder)
        assert proxy.key_builds == 300
        proxy.sort(Column.PRICE, Qt.SortOrder.DescendingOrder)
        assert proxy.key_builds == 300
        session.orderUpdated.emit(newer(model.order_at(10), price="999.25"))
        await wait_until(lambda: proxy.key_builds == 301, what="the changed row's key")
        assert proxy.index(0, Column.PRICE).data(ROW_ROLE).id == "ord_000010"
        proxy.sort(Column.MENU, Qt.SortOrder.AscendingOrder)
        assert proxy.sorted_by == (Column.PRICE, Qt.SortOrder.DescendingOrder), "… never sorts"
        qtmodeltester.check(proxy)

    run(scenario())


def test_the_instructions_proxy_sorts_without_a_key_per_comparison(
    run: Callable[..., Any],
) -> None:
    async def scenario() -> None:
        client = FakeClient([make_instruction(n) for n in range(400)])
        model = InstructionsModel(FakeSession(client), page_size=400)  # type: ignore[arg-type]
        proxy = InstructionsProxyModel()
        proxy.setSourceModel(model)
        model.set_query(today())
        await wait_until(lambda: model.loaded, what="the instructions")
        proxy.sort(InstructionColumn.AMOUNT, Qt.SortOrder.DescendingOrder)
        assert proxy.key_builds == 400
        amounts = [proxy.index(r, InstructionColumn.AMOUNT).data(SORT_ROLE) for r in range(400)]
        assert amounts == sorted(amounts, reverse=True)
        proxy.set_statuses(["rejected"])
        assert proxy.rowCount() == 0

    run(scenario())


def test_transactions_sort_themselves_on_keys_made_once(
    qtmodeltester: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        client = FakeClient([make_transaction(n) for n in range(120)])
        model = TransactionsModel(FakeSession(client))  # type: ignore[arg-type]
        model.page_size = 50
        proxy = TransactionsProxyModel()
        proxy.setSourceModel(model)
        model.set_query(TransactionsQuery(TODAY, TODAY))
        await wait_until(lambda: model.is_loaded, what="the first page")
        assert model.key_builds == 0, "the first page shows at once"
        while model.canFetchMore():
            model.fetchMore()
            await wait_until(lambda: not model.loading, what="a page")
        assert model.complete and model.rowCount() == 120
        builds = model.key_builds
        assert builds == 10 * 120, "every sortable column's keys, once per row"
        proxy.sort(TransactionColumn.AMOUNT, Qt.SortOrder.AscendingOrder)
        proxy.sort(TransactionColumn.AMOUNT, Qt.SortOrder.DescendingOrder)
        assert model.key_builds == builds, "sorting only sorts"
        amounts = [proxy.index(r, TransactionColumn.AMOUNT).data(SORT_ROLE) for r in range(120)]
        assert amounts == sorted(amounts, reverse=True)
        first = proxy.index(0, TransactionColumn.AMOUNT)
        assert first.data(CURRENCY_ROLE) == str(first.data(ROW_ROLE).currency)
        assert model.row_of(first.data(ROW_ROLE).id) == 0
        proxy.set_instrument_text("kap")
        assert proxy.rowCount() == 40
        assert all(t.ticker == "KAP" for t in proxy.shown())
        qtmodeltester.check(model)
        qtmodeltester.check(proxy)

    run(scenario())
