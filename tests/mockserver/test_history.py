"""The seeded history: sizes, consistency, and that it leaves the seeded balances alone."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from testkit import make_config

from cesec_desktop.domain.enums import Currency, Market
from cesec_desktop.domain.fees import order_fee
from cesec_desktop.domain.iban import validate_iban
from cesec_desktop.domain.markets import MARKETS, settlement_date
from cesec_desktop.domain.money import round_money
from cesec_desktop.mockserver.app import build_state
from cesec_desktop.mockserver.balances import cash_states, position_states
from cesec_desktop.mockserver.seed import SEED_CASH, SEED_POSITIONS, account_id
from cesec_desktop.mockserver.state import ServerState

DEMO = "usr_demo"


@pytest.fixture(scope="module")
def world() -> Iterator[ServerState]:
    """One seeded world with a big history, shared by the read-only checks below."""
    state = build_state(make_config(history_size=5000))
    yield state
    state.conn.close()


def _rows(state: ServerState, sql: str, *params: object) -> list[sqlite3.Row]:
    return state.conn.execute(sql, params).fetchall()


def test_history_size_5000_gives_exactly_5000_demo_deals() -> None:
    state = build_state(make_config(history_size=5000))
    count = state.conn.execute(
        "SELECT COUNT(*) FROM transactions WHERE user_id = ?", (DEMO,)
    ).fetchone()[0]
    assert count == 5000


def test_every_deal_has_settled_by_today(world: ServerState) -> None:
    today = world.clock.today().isoformat()
    assert _rows(world, "SELECT id FROM transactions WHERE settlement_date > ?", today) == []
    for r in _rows(
        world,
        "SELECT time, settlement_date, instrument_id FROM transactions WHERE user_id = ? LIMIT 500",
        DEMO,
    ):
        market = Market(r["instrument_id"].split(":")[0])
        zone = ZoneInfo(MARKETS[market].timezone)
        traded = datetime.fromisoformat(r["time"]).astimezone(zone).date()
        assert r["settlement_date"] == settlement_date(traded).isoformat()


def test_history_leaves_the_seeded_balances_alone(world: ServerState) -> None:
    for user_id, rows in SEED_CASH.items():
        for suffix, currency, balance in rows:
            stored = _rows(
                world,
                "SELECT balance FROM cash WHERE account_id = ? AND currency = ?",
                account_id(user_id, suffix),
                currency,
            )
            assert stored[0]["balance"] == balance
    for user_id, positions in SEED_POSITIONS.items():
        for suffix, instrument_id, quantity, average in positions:
            stored = _rows(
                world,
                "SELECT quantity, average_price FROM positions WHERE "
                "account_id = ? AND instrument_id = ?",
                account_id(user_id, suffix),
                instrument_id,
            )
            assert (stored[0]["quantity"], stored[0]["average_price"]) == (quantity, average)
    today = world.clock.today()
    # Nothing in the record blocks securities; only the open buys and the withdrawal in
    # processing block cash, and only the demo's.
    for r in _rows(world, "SELECT id FROM accounts"):
        assert all(p.blocked == 0 for p in position_states(world.conn, r["id"], today))
        blocked = {c.currency: c.blocked for c in cash_states(world.conn, r["id"], today)}
        if r["id"] == "acc_demo_kzt":
            assert blocked["KZT"] > 15000
        elif r["id"] == "acc_demo_usd":
            assert blocked["USD"] > 0
        else:
            assert set(blocked.values()) == {Decimal(0)}, r["id"]


def test_orders_cover_every_outcome(world: ServerState) -> None:
    statuses = Counter(
        r["status"] for r in _rows(world, "SELECT status FROM orders WHERE user_id = ?", DEMO)
    )
    assert statuses["active"] == 2
    assert statuses["filled"] > 1000
    for status in ("cancelled", "rejected", "expired"):
        assert statuses[status] > 100
    partial = _rows(
        world,
        "SELECT status FROM orders WHERE user_id = ? AND "
        "CAST(filled_quantity AS INTEGER) > 0 AND "
        "CAST(filled_quantity AS INTEGER) < CAST(quantity AS INTEGER)",
        DEMO,
    )
    assert {r["status"] for r in partial} == {"expired", "cancelled"}
    unfilled = {
        r["status"]
        for r in _rows(
            world, "SELECT status FROM orders WHERE user_id = ? AND filled_quantity = '0'", DEMO
        )
    }
    assert unfilled == {"active", "cancelled", "rejected", "expired"}


def test_the_open_orders_rest_far_below_the_market(world: ServerState) -> None:
    market = world.require_market()
    for r in _rows(world, "SELECT * FROM orders WHERE status = 'active'"):
        assert (r["user_id"], r["side"], r["type"]) == (DEMO, "buy", "limit")
        quote = market.quote(r["instrument_id"])
        assert quote is not None
        assert Decimal(r["price"]) < quote.last * Decimal("0.8")
        assert r["reserve_price"] == r["price"]
        assert r["valid_until"] > world.clock.today().isoformat()


def test_deals_match_their_orders(world: ServerState) -> None:
    orders = {r["id"]: r for r in _rows(world, "SELECT * FROM orders")}
    filled: dict[str, Decimal] = defaultdict(Decimal)
    instruments = {r["id"]: r for r in _rows(world, "SELECT * FROM instruments")}
    for t in _rows(world, "SELECT * FROM transactions"):
        order = orders[t["order_id"]]
        for key in ("user_id", "account_id", "instrument_id", "side", "currency"):
            assert t[key] == order[key]
        assert t["time"] >= order["created_at"]
        assert t["time"] <= order["updated_at"]
        instrument = instruments[t["instrument_id"]]
        price, quantity = Decimal(t["price"]), Decimal(t["quantity"])
        assert price > 0 and price % Decimal(instrument["price_step"]) == 0
        assert quantity > 0 and quantity % instrument["lot_size"] == 0
        amount = price * quantity
        if instrument["face_value"]:
            amount = price / 100 * Decimal(instrument["face_value"]) * quantity
        assert Decimal(t["amount"]) == round_money(amount)
        assert Decimal(t["fee"]) == order_fee(
            Market(instrument["market"]), Currency(t["currency"]), Decimal(t["amount"])
        )
        if order["type"] == "limit":
            limit = Decimal(order["price"])
            assert price <= limit if t["side"] == "buy" else price >= limit
        filled[t["order_id"]] += quantity
    for order_id, order in orders.items():
        assert Decimal(order["filled_quantity"]) == filled.get(order_id, 0)


def test_deals_happen_in_session_hours_near_the_days_close(world: ServerState) -> None:
    closes = {
        (r["instrument_id"], r["day"]): Decimal(r["close"])
        for r in _rows(world, "SELECT instrument_id, day, close FROM daily_bars")
    }
    checked = 0
    for t in _rows(world, "SELECT * FROM transactions WHERE user_id = ? LIMIT 2000", DEMO):
        market = Market(t["instrument_id"].split(":")[0])
        rules = MARKETS[market]
        local = datetime.fromisoformat(t["time"]).astimezone(ZoneInfo(rules.timezone))
        assert local.weekday() < 5
        assert rules.session_open <= local.time() < rules.session_close
        close = closes.get((t["instrument_id"], local.date().isoformat()))
        if close is not None:
            assert abs(Decimal(t["price"]) / close - 1) < Decimal("0.01")
            checked += 1
    assert checked > 1000


def test_order_events_tell_each_orders_story(world: ServerState) -> None:
    events: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for e in _rows(world, "SELECT * FROM order_events ORDER BY order_id, seq"):
        events[e["order_id"]].append(e)
    orders = _rows(world, "SELECT * FROM orders")
    assert set(events) == {o["id"] for o in orders}
    for order in orders:
        story = events[order["id"]]
        assert [e["seq"] for e in story] == list(range(1, len(story) + 1))
        assert story[0]["status"] == "new"
        assert story[0]["time"] == order["created_at"]
        assert story[-1]["status"] == order["status"]
        assert story[-1]["time"] == order["updated_at"]
        assert [e["time"] for e in story] == sorted(e["time"] for e in story)
        fills = [e for e in story if e["status"] in ("partially_filled", "filled")]
        assert sum(Decimal(e["filled_quantity"]) for e in fills) == Decimal(
            order["filled_quantity"]
        )


def test_numbers_are_gap_free_and_follow_time(world: ServerState) -> None:
    for table, key in (
        ("orders", "created_at"),
        ("transactions", "time"),
        ("instructions", "created_at"),
    ):
        rows = _rows(world, f"SELECT number, {key} AS at FROM {table} ORDER BY number")
        numbers = [r["number"] for r in rows]
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)


def test_withdrawals_of_the_demo(world: ServerState) -> None:
    rows = _rows(world, "SELECT * FROM instructions WHERE user_id = ?", DEMO)
    statuses = Counter(r["status"] for r in rows)
    assert 55 <= len(rows) <= 65
    assert statuses["processing"] == 1
    assert statuses["executed"] > 40
    assert statuses["rejected"] >= 1
    processing = next(r for r in rows if r["status"] == "processing")
    assert Decimal(processing["amount"]) <= 50_000
    now = world.clock.now().isoformat()
    for r in rows:
        assert r["recipient_iin"] == "880607300110"
        assert validate_iban(r["iban"], r["bic"]) is None
        assert (r["knp"], r["kbe"]) == ("342", "19")
        assert r["created_at"] <= r["updated_at"] <= now
        assert (r["reject_reason"] is not None) == (r["status"] == "rejected")
        story = _rows(
            world,
            "SELECT status FROM instruction_events WHERE instruction_id = ? ORDER BY seq",
            r["id"],
        )
        assert story[0]["status"] == "new"
        assert story[-1]["status"] == r["status"]


def test_other_clients_have_a_little_history(world: ServerState) -> None:
    counts = dict(_rows(world, "SELECT user_id, COUNT(*) FROM transactions GROUP BY user_id"))
    for user_id in ("usr_aigerim", "usr_nurlan", "usr_olga"):
        assert counts[user_id] == 50
    assert "usr_broker" not in counts


def test_no_history_still_seeds_the_open_orders() -> None:
    state = build_state(make_config(history_size=0))
    conn = state.conn
    assert (
        conn.execute("SELECT COUNT(*) FROM transactions WHERE user_id = ?", (DEMO,)).fetchone()[0]
        == 0
    )
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM orders WHERE user_id = ? AND status = 'active'", (DEMO,)
        ).fetchone()[0]
        == 2
    )
    assert isinstance(state.clock.today(), date)
