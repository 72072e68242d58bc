"""The matching engine: activation, fills on ticks, balances and T+2, expiry, events."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from test_orders import (
    API,
    draft,
    housekeeping,
    open_markets,
    place,
    use_fake_market,
)
from testkit import DEMO, login, mock_state

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import ALMATY, settlement_date
from cesec_desktop.mockserver import trading
from cesec_desktop.mockserver.balances import cash_state, position_state
from cesec_desktop.mockserver.hub import Subscriber
from cesec_desktop.mockserver.state import ServerState

ACCOUNT = "acc_demo_kzt"
HSBK = "KASE:HSBK"


def cash(state: ServerState) -> Any:
    return cash_state(state.conn, ACCOUNT, "KZT", state.clock.today())


def position(state: ServerState, instrument_id: str = HSBK) -> Any:
    return position_state(state.conn, ACCOUNT, instrument_id, state.clock.today())


def get_order(client: TestClient, headers: dict[str, str], order_id: str) -> dict[str, Any]:
    response = client.get(f"{API}/orders/{order_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def deals_of(state: ServerState, order_id: str) -> list[dict[str, Any]]:
    rows = state.conn.execute(
        "SELECT * FROM transactions WHERE order_id = ? ORDER BY number", (order_id,)
    ).fetchall()
    return [dict(r) for r in rows]


def next_weekday(state: ServerState, hour: int, minute: int) -> datetime:
    """A coming Monday-to-Friday at hh:mm Almaty: a day with a KASE session.

    Counted from the mock's own (Almaty) today, not this machine's calendar: in a zone behind
    Almaty the machine's "tomorrow" can be the exchange's today, hours in the past.
    """
    day = state.clock.today() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour, minute), tzinfo=ALMATY)


def test_market_buy_fills_at_the_ask_and_settles_t_plus_2(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client)
    state = mock_state(client)
    before_cash, before_position = cash(state), position(state)
    order = place(client, demo_headers, type="market", price=None, quantity="100")
    housekeeping(state, advance=-5)  # not yet 0.3 s old: still "new"
    assert get_order(client, demo_headers, order["id"])["status"] == "new"
    housekeeping(state, advance=6)
    filled = get_order(client, demo_headers, order["id"])
    assert (filled["status"], filled["filled_quantity"], filled["average_fill_price"]) == (
        "filled",
        "100",
        "385.00",
    )
    assert [e["status"] for e in filled["history"]] == ["new", "filled"]
    assert (filled["history"][1]["filled_quantity"], filled["history"][1]["price"]) == (
        "100",
        "385.00",
    )
    [deal] = deals_of(state, order["id"])
    today = state.clock.today()
    assert (deal["price"], deal["quantity"], deal["amount"], deal["fee"]) == (
        "385.00",
        "100",
        "38500.00",
        "100.00",
    )
    assert deal["settlement_date"] == settlement_date(today).isoformat()
    after_cash, after_position = cash(state), position(state)
    assert after_cash.balance == before_cash.balance - Decimal("38600.00")
    # The reserve of a filled order is gone: available moves exactly as the balance does.
    assert after_cash.available == before_cash.available - Decimal("38600.00")
    assert after_position.quantity == before_position.quantity + 100
    # (1200 x 352.10 + 100 x 385.00) / 1300
    assert after_position.average_price == Decimal("354.630769")
    # Bought today, settles T+2: not yet available to sell.
    assert after_position.available == before_position.available
    state.clock.set(datetime.combine(settlement_date(today), time(12), tzinfo=ALMATY))
    assert position(state).available == before_position.available + 100


def test_market_sell_proceeds_are_blocked_until_settlement(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client)
    state = mock_state(client)
    before = cash(state)
    order = place(client, demo_headers, side="sell", type="market", price=None, quantity="200")
    housekeeping(state)
    assert get_order(client, demo_headers, order["id"])["average_fill_price"] == "384.50"
    proceeds = Decimal("76900.00") - Decimal("100.00")
    after = cash(state)
    assert after.balance == before.balance + proceeds
    assert after.blocked == before.blocked + proceeds
    assert after.available == before.available
    assert position(state).quantity == 1000
    state.clock.set(datetime.combine(settlement_date(state.clock.today()), time(12), tzinfo=ALMATY))
    assert cash(state).available == before.available + proceeds


def test_market_order_is_rejected_when_the_market_closed(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client)
    order = place(client, demo_headers, type="market", price=None)
    open_markets(client, False)
    housekeeping(mock_state(client))
    rejected = get_order(client, demo_headers, order["id"])
    assert rejected["status"] == "rejected"
    assert rejected["reject_reason"] == trading.MSG_MARKET_CLOSED
    assert deals_of(mock_state(client), order["id"]) == []


def test_limit_buy_fills_partly_then_fully_on_ticks(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    fake = use_fake_market(client)
    open_markets(client)
    state = mock_state(client)
    engine = trading.engine_of(state)
    before = cash(state)
    order = place(client, demo_headers, price="384.00", quantity="100")
    housekeeping(state)
    assert get_order(client, demo_headers, order["id"])["status"] == "active"
    assert order["id"] in engine.book[HSBK]
    # Reserve: 100 x 384.00 + the 100 KZT minimum fee.
    assert cash(state).blocked == before.blocked + Decimal("38500.00")
    fake.tick(HSBK, "383.00", "384.50", ask_size="1000")  # ask above the limit: nothing
    fake.tick(HSBK, "383.00", "384.00", ask_size="30")
    part = get_order(client, demo_headers, order["id"])
    assert (part["status"], part["filled_quantity"]) == ("partially_filled", "30")
    assert engine.book[HSBK][order["id"]].remaining == 70
    assert cash(state).blocked == before.blocked + Decimal("26980.00")  # 70 x 384 + 100
    fake.tick(HSBK, "383.00", "383.50", ask_size="500")
    done = get_order(client, demo_headers, order["id"])
    assert (done["status"], done["filled_quantity"], done["average_fill_price"]) == (
        "filled",
        "100",
        "383.65",
    )
    assert [(e["status"], e["filled_quantity"], e["price"]) for e in done["history"]] == [
        ("new", None, None),
        ("active", None, None),
        ("partially_filled", "30", "384.00"),
        ("filled", "70", "383.50"),
    ]
    assert [(d["quantity"], d["price"]) for d in deals_of(state, order["id"])] == [
        ("30", "384.00"),
        ("70", "383.50"),
    ]
    assert order["id"] not in engine.book.get(HSBK, {})
    assert cash(state).blocked == before.blocked
    assert cash(state).balance == before.balance - Decimal("11520.00") - Decimal(
        "26845.00"
    ) - Decimal("200.00")


def test_limit_sell_fills_at_the_bid(client: TestClient, demo_headers: dict[str, str]) -> None:
    fake = use_fake_market(client)
    open_markets(client)
    state = mock_state(client)
    order = place(client, demo_headers, side="sell", price="386.00", quantity="50")
    housekeeping(state)
    assert position(state).available == 1150  # the open sell holds its 50
    fake.tick(HSBK, "385.90", "386.40")
    assert get_order(client, demo_headers, order["id"])["status"] == "active"
    fake.tick(HSBK, "386.50", "387.00")
    filled = get_order(client, demo_headers, order["id"])
    assert (filled["status"], filled["average_fill_price"]) == ("filled", "386.50")
    assert position(state).quantity == 1150


def test_a_crossing_limit_fills_at_activation(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client)
    order = place(client, demo_headers, price="390.00", quantity="10")
    housekeeping(mock_state(client))
    filled = get_order(client, demo_headers, order["id"])
    # Price improvement: a buy limit at 390 trades at the 385 ask.
    assert (filled["status"], filled["average_fill_price"]) == ("filled", "385.00")
    assert [e["status"] for e in filled["history"]] == ["new", "active", "filled"]


def test_fills_come_in_whole_lots(client: TestClient, demo_headers: dict[str, str]) -> None:
    state = mock_state(client)
    state.conn.execute("UPDATE instruments SET lot_size = 10 WHERE id = ?", (HSBK,))
    fake = use_fake_market(client)
    trading.engine_of(state).rebuild()
    open_markets(client)
    order = place(client, demo_headers, price="384.00", quantity="100")
    housekeeping(state)
    fake.tick(HSBK, "383.00", "384.00", ask_size="25")
    assert get_order(client, demo_headers, order["id"])["filled_quantity"] == "20"
    fake.tick(HSBK, "383.00", "384.00", ask_size="9")
    assert get_order(client, demo_headers, order["id"])["filled_quantity"] == "20"


def test_no_matching_while_the_market_is_closed(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    fake = use_fake_market(client)
    open_markets(client, False)
    order = place(client, demo_headers, price="384.00", quantity="10")
    housekeeping(mock_state(client))
    # A limit order goes to the book even out of hours; it waits for the session.
    assert get_order(client, demo_headers, order["id"])["status"] == "active"
    fake.tick(HSBK, "383.00", "383.50")
    assert get_order(client, demo_headers, order["id"])["status"] == "active"
    open_markets(client)
    fake.tick(HSBK, "383.00", "383.50")
    assert get_order(client, demo_headers, order["id"])["status"] == "filled"


def test_day_order_expires_when_the_session_closes(client: TestClient) -> None:
    state = mock_state(client)
    state.config.always_open = False  # real session hours: this test is about their end
    state.clock.set(next_weekday(state, 16, 58).astimezone(ALMATY))
    headers = login(client, DEMO)
    use_fake_market(client)
    assert state.is_open(Market.KASE)
    before = cash(state)
    day_order = place(client, headers, price="380.00", quantity="10")
    later = (state.clock.today() + timedelta(days=1)).isoformat()
    good_till = place(client, headers, price="380.00", quantity="10", valid_until=later)
    housekeeping(state)
    assert get_order(client, headers, day_order["id"])["status"] == "active"
    housekeeping(state, advance=60)  # 16:59: still in session
    assert get_order(client, headers, day_order["id"])["status"] == "active"
    housekeeping(state, advance=120)  # 17:01: the session is over
    expired = get_order(client, headers, day_order["id"])
    assert expired["status"] == "expired"
    assert expired["history"][-1]["message"] == trading.MSG_EXPIRED
    assert day_order["id"] not in trading.engine_of(state).book.get(HSBK, {})
    assert get_order(client, headers, good_till["id"])["status"] == "active"
    # Only the good-till order still holds cash: 10 x 380.00 + 100 fee.
    assert cash(state).blocked == before.blocked + Decimal("3900.00")
    state.clock.advance(2 * 86400)
    headers = login(client, DEMO)
    housekeeping(state)
    assert get_order(client, headers, good_till["id"])["status"] == "expired"
    assert cash(state).blocked <= before.blocked


def test_cancel_releases_the_reserve(client: TestClient, demo_headers: dict[str, str]) -> None:
    fake = use_fake_market(client)
    open_markets(client)
    state = mock_state(client)
    before = cash(state)
    order = place(client, demo_headers, price="380.00", quantity="10")
    housekeeping(state)
    assert cash(state).available == before.available - Decimal("3900.00")
    response = client.post(f"{API}/orders/{order['id']}/cancel", headers=demo_headers)
    assert response.json()["status"] == "cancelled"
    assert cash(state).available == before.available
    assert order["id"] not in trading.engine_of(state).book.get(HSBK, {})
    fake.tick(HSBK, "370.00", "371.00")
    assert get_order(client, demo_headers, order["id"])["status"] == "cancelled"


def test_forced_part_fill_of_a_new_order_then_ticks_finish_it(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    fake = use_fake_market(client)
    open_markets(client)
    order = place(client, demo_headers, price="384.00", quantity="10")
    forced = client.post(
        f"/mock/orders/{order['id']}/fill", json={"quantity": "4", "price": "383.00"}
    ).json()
    assert (forced["status"], forced["filled_quantity"]) == ("partially_filled", "4")
    housekeeping(mock_state(client))  # no longer "new": activation leaves it alone
    fake.tick(HSBK, "383.00", "384.00")
    done = get_order(client, demo_headers, order["id"])
    assert (done["status"], done["average_fill_price"]) == ("filled", "383.60")


def test_selling_everything_removes_the_position(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client)
    state = mock_state(client)
    place(client, demo_headers, side="sell", type="market", price=None, quantity="1200")
    housekeeping(state)
    assert position(state).quantity == 0
    row = state.conn.execute(
        "SELECT 1 FROM positions WHERE account_id = ? AND instrument_id = ?", (ACCOUNT, HSBK)
    ).fetchone()
    assert row is None
    refused = draft(client, demo_headers, side="sell", quantity="1")
    assert refused.json()["error"]["details"]["fields"]["quantity"] == "insufficient_position"


def test_order_events_reach_stream_subscribers(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client)
    state = mock_state(client)
    mine = Subscriber(user_ids=frozenset({"usr_demo"}), channels={"orders"})
    broker = Subscriber(user_ids=frozenset({"usr_demo", "usr_olga"}), channels={"orders"})
    stranger = Subscriber(user_ids=frozenset({"usr_olga"}), channels={"orders"})
    quotes_only = Subscriber(user_ids=frozenset({"usr_demo"}), channels={"quotes"})
    for sub in (mine, broker, stranger, quotes_only):
        state.hub.add(sub)
    order = place(client, demo_headers, price="390.00", quantity="10")
    housekeeping(state)

    def statuses(sub: Subscriber) -> list[str]:
        frames = []
        while not sub.queue.empty():
            frame = sub.queue.get_nowait()
            assert frame is not None
            frames.append(json.loads(frame))
        assert all(f["channel"] == "orders" for f in frames)
        return [item["status"] for f in frames for item in f["data"] if item["id"] == order["id"]]

    assert statuses(mine) == ["new", "active", "filled"]
    assert statuses(broker) == ["new", "active", "filled"]
    assert statuses(stranger) == [] and statuses(quotes_only) == []
    client.post(f"/mock/orders/{order['id']}/reject")  # already filled: 409, no event
    assert statuses(mine) == []
    second = place(client, demo_headers, price="380.00", quantity="1")
    statuses(mine)
    client.post(f"{API}/orders/{second['id']}/cancel", headers=demo_headers)
    frame = json.loads(mine.queue.get_nowait() or "")
    [item] = frame["data"]
    assert item["status"] == "cancelled"
    assert [e["status"] for e in item["history"]] == ["new", "cancelled"]


def test_reset_rebuilds_the_index(client: TestClient, demo_headers: dict[str, str]) -> None:
    use_fake_market(client)
    state = mock_state(client)
    engine = trading.engine_of(state)
    seeded = {i for orders in engine.book.values() for i in orders}
    order = place(client, demo_headers, price="380.00", quantity="10")
    housekeeping(state)
    assert order["id"] in engine.book[HSBK]
    assert client.post("/mock/reset").status_code == 200
    after = {i for orders in engine.book.values() for i in orders}
    assert order["id"] not in after
    assert len(after) == len(seeded)  # the seed's resting orders, with fresh ids


def test_tick_listener_is_cheap_without_orders(client: TestClient) -> None:
    fake = use_fake_market(client)
    quote = fake.set("KASE:KCEL", "3300.00", "3301.00")
    engine = trading.engine_of(mock_state(client))
    assert "KASE:KCEL" not in engine.book
    # The simulator calls this 20,000+ times a second: without open orders on the instrument
    # it must not touch the database at all.
    statements: list[str] = []
    mock_state(client).conn.set_trace_callback(statements.append)
    try:
        for _ in range(1000):
            engine.on_tick(quote)
    finally:
        mock_state(client).conn.set_trace_callback(None)
    assert statements == []


def test_the_simulator_ticks_drive_fills(client: TestClient, demo_headers: dict[str, str]) -> None:
    state = mock_state(client)
    simulator: Any = state.market
    quote = simulator.quote(HSBK)
    limit = (quote.ask * Decimal("1.05")).quantize(Decimal("0.01"))
    open_markets(client, False)
    order = place(client, demo_headers, price=str(limit), quantity="1")
    housekeeping(state)
    assert get_order(client, demo_headers, order["id"])["status"] == "active"
    open_markets(client)
    for _ in range(50):
        simulator.step(200)
        if get_order(client, demo_headers, order["id"])["status"] == "filled":
            break
    filled = get_order(client, demo_headers, order["id"])
    assert filled["status"] == "filled"
    assert Decimal(filled["average_fill_price"]) <= limit
