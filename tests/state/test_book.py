"""The broker's book on hand-made data: incremental revaluation, totals, filters, sort, events.

No server here: the store's session is a stand-in with the session's signals, and quotes go in
through `apply_quotes` as the display tick hands them over.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from cesec_desktop.domain.enums import Currency, InstructionStatus, OrderStatus
from cesec_desktop.domain.models.book import BookPosition, ClientCash, ClientSummary
from cesec_desktop.domain.models.profile import Account
from cesec_desktop.state.book import (
    ALERTS_ROLE,
    CLIENT_ID_ROLE,
    BookColumn,
    BookFilterProxy,
    BookModel,
    BookStore,
    ClientRow,
)
from cesec_desktop.state.book_alerts import AlertKind, AlertRules
from cesec_desktop.state.clock import FixedClock
from cesec_desktop.state.roles import SORT_ROLE

AS_OF = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
RATE = Decimal("500.00")
D = Decimal


class FakeSession(QObject):
    """The session's signals and quote subscriptions, nothing else."""

    quotesChanged = Signal(object)
    orderUpdated = Signal(object)
    instructionUpdated = Signal(object)
    clientSummaryUpdated = Signal(object)
    resynced = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.watched: dict[str, int] = {}

    def subscribe_quotes(self, ids: Any, max_rate_hz: Any = None, *, parsed: bool = True) -> None:
        for key in ids:
            self.watched[key] = self.watched.get(key, 0) + 1

    def unsubscribe_quotes(self, ids: Any, max_rate_hz: Any = None, *, parsed: bool = True) -> None:
        for key in ids:
            self.watched[key] -= 1
            if not self.watched[key]:
                del self.watched[key]


def summary(
    n: int,
    value: str = "1000.00",
    cash_kzt: str = "0",
    cash_usd: str = "0",
    open_orders: int = 0,
    as_of: datetime = AS_OF,
) -> ClientSummary:
    return ClientSummary(
        client_id=f"c{n:03d}",
        full_name=f"Client {n:03d}",
        iin=f"{n:012d}",
        accounts=[
            Account(id=f"a{n:03d}", number=f"CS{n:05d}-KZT", name="Main", currency=Currency.KZT)
        ],
        value_kzt=D(value),
        day_change_kzt=D(0),
        day_change_pct=D(0),
        unrealized_pnl_kzt=D(0),
        cash=[
            ClientCash(
                currency=Currency.KZT, balance=D(cash_kzt), available=D(cash_kzt), blocked=D(0)
            ),
            ClientCash(
                currency=Currency.USD, balance=D(cash_usd), available=D(cash_usd), blocked=D(0)
            ),
        ],
        blocked_kzt=D(0),
        open_orders=open_orders,
        withdrawals_in_progress=0,
        last_activity=None,
        as_of=as_of,
    )


def position(
    n: int, instrument: str, qty: str, avg: str = "100", usd: bool = False
) -> BookPosition:
    return BookPosition(
        client_id=f"c{n:03d}",
        account_id=f"a{n:03d}",
        instrument_id=instrument,
        quantity=D(qty),
        average_price=D(avg),
        currency=Currency.USD if usd else Currency.KZT,
    )


def book(
    qapp: QApplication, summaries: list[ClientSummary], positions: list[BookPosition]
) -> tuple[BookStore, FakeSession]:
    session = FakeSession()
    store = BookStore(session, clock=FixedClock(AS_OF))  # type: ignore[arg-type]
    store.usdkzt = RATE
    store._units = {"KASE:BOND": D(10)}  # face value 1000: a price is % of it
    store._live = True  # following the session, without a load from a server
    for signal, slot in store._slots():
        signal.connect(slot)
    store.build(summaries, positions)
    return store, session


def changes(model: BookModel) -> list[tuple[int, int]]:
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: seen.append((top.row(), bottom.row())))
    return seen


def whole_book(model: BookModel) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    rows = model.rows()
    return (
        sum((r.value_kzt for r in rows), D(0)),
        sum((r.day_change_kzt for r in rows), D(0)),
        sum((r.cash_kzt for r in rows), D(0)),
        sum((r.cash_usd for r in rows), D(0)),
    )


def test_quotes_revalue_exactly_the_rows_holding_the_instrument(qapp: QApplication) -> None:
    summaries = [summary(n, cash_kzt="100") for n in range(10)]
    positions = [position(n, "KASE:HSBK", "10") for n in (1, 2, 3, 7)]
    positions += [position(n, "INTL:AAPL", "2", usd=True) for n in (3, 5)]
    store, session = book(qapp, summaries, positions)
    assert set(session.watched) == {"KASE:HSBK", "INTL:AAPL"}
    model = store.model
    seen = changes(model)
    store.apply_quotes({"KASE:HSBK": (D("120"), D("5"))})
    # Clients 1, 2, 7 hold only HSBK: live now; client 3 waits for AAPL's first quote.
    assert seen == [(1, 2), (7, 7)]
    row = model.client("c001")
    assert row is not None and row.live
    assert row.value_kzt == D("1300.00")  # 10 × 120 + 100 cash
    assert row.day_change_kzt == D("50.00")
    assert row.unrealized_kzt == D("200.00")
    assert model.client("c003").value_kzt == D("1000.00")  # type: ignore[union-attr]
    seen.clear()
    store.apply_quotes({"INTL:AAPL": (D("10.5"), D("-0.5"))})
    assert seen == [(3, 3), (5, 5)]
    c3 = model.client("c003")
    assert c3 is not None and c3.value_kzt == D("1200.00") + D("10500.00") + D("100.00")
    assert c3.day_change_kzt == D("50.00") + D("-500.00")
    seen.clear()
    store.apply_quotes({"KASE:KSPI": (D("1"), D("0"))})  # nobody holds it
    assert seen == []
    assert model.totals() == model.totals(range(model.rowCount()))
    totals = model.totals()
    assert (totals.value_kzt, totals.day_change_kzt, totals.cash_kzt, totals.cash_usd) == (
        whole_book(model)
    )


def test_totals_follow_every_change_by_delta(qapp: QApplication) -> None:
    summaries = [summary(n, value="500.00", cash_kzt="500", cash_usd="1") for n in range(50)]
    positions = [position(n, f"KASE:I{n % 7}", str(n + 1)) for n in range(50)]
    positions += [position(n, "KASE:BOND", "3", avg="95") for n in range(0, 50, 5)]
    store, _session = book(qapp, summaries, positions)
    model = store.model
    emitted: list[int] = []
    model.totalsChanged.connect(lambda: emitted.append(1))
    prices = {f"KASE:I{i}": (D(100 + i), D(i) / 10) for i in range(7)}
    prices["KASE:BOND"] = (D("98.5"), D("0.25"))
    store.apply_quotes(prices)
    assert len(emitted) == 1  # one per tick
    for step in range(1, 6):
        store.apply_quotes({f"KASE:I{step}": (D(100 + step * 3), D(step))})
        totals = model.totals()
        assert (totals.value_kzt, totals.day_change_kzt, totals.cash_kzt, totals.cash_usd) == (
            whole_book(model)
        )
    bond = model.client("c005")
    assert bond is not None
    # 3 bonds at 98.5 % of 1000, 6 shares of I5 at 115, 500 KZT + 1 USD at 500.
    assert bond.value_kzt == D("2955.00") + D(6 * 115) + D("1000.00")


def test_filters_and_totals_of_the_rows_shown(qapp: QApplication) -> None:
    model = BookModel()
    rows = [
        ClientRow("c1", "Aigerim Sarsenova", "900101400123", day_change_pct=D("-6.5")),
        ClientRow("c2", "Berik Ospanov", "850202300456", open_orders=2, day_change_pct=D("1")),
        ClientRow("c3", "Aidos Kairatov", "770303300789", withdrawals=1, day_change_pct=D("-2")),
    ]
    for n, row in enumerate(rows):
        row.value_kzt = D(1000 * (n + 1))
    model.set_rows(rows)
    proxy = BookFilterProxy()
    proxy.setSourceModel(model)
    filtered: list[int] = []
    proxy.filterChanged.connect(lambda: filtered.append(1))
    proxy.set_text("  AI ")
    assert sorted(proxy.source_rows()) == [0, 2]
    proxy.set_text("850202")
    assert proxy.source_rows() == [1]
    proxy.set_text("")
    proxy.set_open_orders_only(True)
    assert proxy.source_rows() == [1]
    proxy.set_open_orders_only(False)
    proxy.set_withdrawals_only(True)
    assert proxy.source_rows() == [2]
    proxy.set_withdrawals_only(False)
    proxy.set_down_more_than(D("5"))
    assert proxy.source_rows() == [0]
    assert model.totals(proxy.source_rows()).value_kzt == D(1000)
    proxy.set_down_more_than(D("5"))  # unchanged: no refilter
    assert len(filtered) == 8
    proxy.set_down_more_than(None)
    assert model.totals(proxy.source_rows()).value_kzt == D(6000)


def test_sort_on_raw_values_kept_live_by_the_model(qapp: QApplication) -> None:
    summaries = [summary(n, value=str(1000 + (n * 7919) % 1000)) for n in range(200)]
    positions = [position(n, f"KASE:I{n % 4}", "1") for n in range(200)]
    store, _session = book(qapp, summaries, positions)
    model = store.model
    proxy = BookFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(BookColumn.VALUE, Qt.SortOrder.DescendingOrder)
    assert proxy.sorted_by == (BookColumn.VALUE, Qt.SortOrder.DescendingOrder)
    values = [proxy.index(r, BookColumn.VALUE).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert all(isinstance(v, Decimal) for v in values)
    assert values == sorted(values, reverse=True)
    # A tick moving one instrument's holders re-sorts once: one layout change, and one
    # dataChanged for the run of 50 changed rows (they went to the top together).
    layouts: list[int] = []
    changes: list[tuple[int, int]] = []
    proxy.layoutChanged.connect(lambda *_: layouts.append(1))
    proxy.dataChanged.connect(lambda a, b, *_: changes.append((a.row(), b.row())))
    store.apply_quotes({"KASE:I1": (D(5000), D(0))})
    assert layouts == [1]
    assert changes == [(0, 49)]
    values = [proxy.index(r, BookColumn.VALUE).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)
    assert {model.client_id(r) for r in range(50)} == {f"c{n:03}" for n in range(1, 200, 4)}
    top = proxy.index(0, 0)
    assert model.client(top.data(CLIENT_ID_ROLE)).live  # type: ignore[union-attr]
    assert proxy.index(0, BookColumn.NAME).data(ALERTS_ROLE) == 0
    # Text columns sort on their text, case-insensitively.
    proxy.sort(BookColumn.NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, 0).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)


def test_order_and_instruction_events_move_counts_and_activity(qapp: QApplication) -> None:
    store, session = book(qapp, [summary(1, open_orders=1), summary(2)], [])
    model = store.model
    later = AS_OF + timedelta(minutes=5)
    session.orderUpdated.emit(order("o-new", "a001", OrderStatus.NEW, later))
    session.orderUpdated.emit(order("o-new", "a001", OrderStatus.ACTIVE, later))
    session.orderUpdated.emit(order("o-old", "a001", OrderStatus.FILLED, later))  # pre-load
    session.orderUpdated.emit(order("o-late", "a002", OrderStatus.NEW, AS_OF))  # in the figures
    store._flush()
    c1, c2 = model.client("c001"), model.client("c002")
    assert c1 is not None and c2 is not None
    assert c1.open_orders == 1  # 1 + the new one - the pre-load one filled
    assert c1.last_activity == later
    assert c2.open_orders == 0
    session.orderUpdated.emit(order("o-new", "a001", OrderStatus.REJECTED, later))
    session.orderUpdated.emit(order("o-new", "a001", OrderStatus.REJECTED, later))
    session.instructionUpdated.emit(instruction("w1", "a002", InstructionStatus.NEW, later))
    store._flush()
    assert c1.open_orders == 0 and c2.withdrawals == 1
    kinds = [a.kind for a in store.alerts.active()]
    assert kinds == [AlertKind.ORDER_REJECTED]  # once; no withdrawal rule set
    assert c1.alerts == 1
    assert model.index(model.row_of("c001"), BookColumn.ALERTS).data(ALERTS_ROLE) == 1


def test_a_client_summary_resets_that_clients_figures(qapp: QApplication) -> None:
    store, session = book(
        qapp,
        [summary(1), summary(2)],
        [position(1, "KASE:HSBK", "10"), position(2, "KASE:HSBK", "1")],
    )
    model = store.model
    store.apply_quotes({"KASE:HSBK": (D(200), D(0))})
    assert model.client("c001").live  # type: ignore[union-attr]
    seen = changes(model)
    spawned: list[str | None] = []

    def spawn(coro: Any, name: str | None = None) -> None:
        spawned.append(name)
        coro.close()  # no loop runs here: the positions' reload is the server tests' part

    store._tasks.spawn = spawn  # type: ignore[method-assign]
    session.clientSummaryUpdated.emit(summary(1, value="7777.00", as_of=AS_OF + timedelta(1)))
    store._flush()
    assert seen == [(0, 0)] and spawned == ["book-client-positions"]
    c1 = model.client("c001")
    assert c1 is not None and not c1.live and c1.value_kzt == D("7777.00")
    assert model.totals().value_kzt == whole_book(model)[0]
    # An older summary arriving late changes nothing.
    session.clientSummaryUpdated.emit(summary(1, value="1.00", as_of=AS_OF))
    assert c1.value_kzt == D("7777.00")


def test_day_loss_alert_fires_once_and_rearms(qapp: QApplication) -> None:
    store, _session = book(qapp, [summary(1, cash_kzt="0")], [position(1, "KASE:HSBK", "10")])
    store.alerts.rules = AlertRules(day_loss_pct=D("5"))
    raised: list[Any] = []
    store.alerts.alertRaised.connect(raised.append)
    store.apply_quotes({"KASE:HSBK": (D(90), D(-10))})  # -10 %
    store.apply_quotes({"KASE:HSBK": (D(89), D(-11))})
    assert [a.kind for a in raised] == [AlertKind.DAY_LOSS]
    assert raised[0].raised_at == AS_OF and raised[0].detail["pct"] == "-10.00"
    store.apply_quotes({"KASE:HSBK": (D(99), D(-1))})  # back above: re-armed
    store.apply_quotes({"KASE:HSBK": (D(90), D(-10))})
    assert len(raised) == 2


def test_a_hidden_book_is_revalued_once_a_second_for_its_alerts(qapp: QApplication) -> None:
    from cesec_desktop.api.stream_frames import QuoteWire

    store, session = book(qapp, [summary(1, cash_kzt="0")], [position(1, "KASE:HSBK", "10")])
    store.alerts.rules = AlertRules(day_loss_pct=D("5"))
    store.pause()  # the broker is on another page
    assert store._hidden_timer.isActive() and store._hidden_timer.interval() == 1000
    session.quotesChanged.emit({"KASE:HSBK": QuoteWire("KASE:HSBK", "90", change="-10")})
    assert store.alerts.active() == [], "not per tick"
    store._hidden_timer.timeout.emit()  # a second later
    assert [a.kind for a in store.alerts.active()] == [AlertKind.DAY_LOSS]
    row = store.model.client("c001")
    assert row is not None and row.value_kzt == D("900.00")
    store.start()
    assert not store._hidden_timer.isActive()
    store.stop()


def test_a_live_tick_reaches_the_rows_in_chunks_with_the_newest_figures(
    qapp: QApplication, monkeypatch: Any
) -> None:
    from cesec_desktop.api.stream_frames import QuoteWire
    from cesec_desktop.state import book as book_module

    monkeypatch.setattr(book_module, "PUBLISH_CHUNK", 2)
    summaries = [summary(n, cash_kzt="0") for n in range(5)]
    store, session = book(qapp, summaries, [position(n, "KASE:HSBK", "1") for n in range(5)])
    seen = changes(store.model)
    session.quotesChanged.emit({"KASE:HSBK": QuoteWire("KASE:HSBK", "110", change="1")})
    assert seen == [] and not store.settled, "the rows wait for their turn of the loop"
    store._publish_some()  # two rows
    session.quotesChanged.emit({"KASE:HSBK": QuoteWire("KASE:HSBK", "120", change="2")})
    while store._publishing is not None:
        store._publish_some()
    store._flush()
    assert store.settled
    values = [r.value_kzt for r in store.model.rows()]
    assert values == [D("120.00")] * 5, "every row with the newest tick"
    assert store.model.totals().value_kzt == D("600.00")


def order(order_id: str, account: str, status: OrderStatus, at: datetime) -> Any:
    from types import SimpleNamespace

    return SimpleNamespace(
        id=order_id,
        number=order_id.upper(),
        account_id=account,
        ticker="HSBK",
        status=status,
        created_at=at,
        updated_at=at,
        reject_reason="limit" if status is OrderStatus.REJECTED else None,
    )


def instruction(instruction_id: str, account: str, status: InstructionStatus, at: datetime) -> Any:
    from types import SimpleNamespace

    return SimpleNamespace(
        id=instruction_id,
        number=instruction_id.upper(),
        account_id=account,
        status=status,
        amount=D("1000000"),
        currency=Currency.KZT,
        created_at=at,
        updated_at=at,
    )


def test_a_paused_book_keeps_its_alerts_and_catches_up_when_shown(qapp: QApplication) -> None:
    from cesec_desktop.api.stream_frames import QuoteWire

    summaries = [summary(n, cash_kzt="100") for n in range(3)]
    store, session = book(qapp, summaries, [position(1, "KASE:HSBK", "10")])
    model = store.model
    seen = changes(model)
    store.pause()  # the page is hidden
    session.quotesChanged.emit({"KASE:HSBK": QuoteWire("KASE:HSBK", "110", change="1")})
    session.quotesChanged.emit({"KASE:HSBK": QuoteWire("KASE:HSBK", "120", change="2")})
    assert seen == [], "nothing is revalued or repainted per tick while hidden"
    # Events still arrive, so a rejected order is still an alert.
    later = AS_OF + timedelta(minutes=1)
    session.orderUpdated.emit(order("o1", "a002", OrderStatus.NEW, later))
    session.orderUpdated.emit(order("o1", "a002", OrderStatus.REJECTED, later))
    store._flush()
    assert [a.client_id for a in store.alerts.active()] == ["c002"]
    seen.clear()
    store.start()  # shown again: the newest quote, at once, and no second load
    assert not store.loading
    row = model.client("c001")
    assert row is not None and row.value_kzt == D("1300.00")  # 10 × 120 + 100
    assert seen == [(1, 1)]
