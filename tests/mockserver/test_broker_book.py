"""The broker's book: `--broker-clients N`, `/clients/summary`, `/clients/positions` and the
`client_summary` stream events, against a real mock on a loopback port."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic_core import to_json
from testkit import BROKER, DEMO, LiveServer, make_config
from websockets.asyncio.client import connect

from cesec_desktop.domain.iin import validate_iin
from cesec_desktop.domain.models.book import (
    BookPositionsPage,
    ClientCash,
    ClientSummary,
    ClientSummaryPage,
    LastActivity,
)
from cesec_desktop.domain.money import format_decimal, round_money
from cesec_desktop.mockserver import book, book_seed, valuation
from cesec_desktop.mockserver.app import build_state
from cesec_desktop.mockserver.balances import OPEN_INSTRUCTION_STATUSES, OPEN_ORDER_STATUSES
from cesec_desktop.mockserver.cli import parse_args
from cesec_desktop.mockserver.clock import parse_iso
from cesec_desktop.mockserver.hub import Subscriber
from cesec_desktop.mockserver.routers.profile import accounts_of
from cesec_desktop.mockserver.state import ServerState
from cesec_desktop.mockserver.valuation import (
    build_portfolio,
    kzt_rate,
    owner_accounts,
    placeholders,
    usdkzt,
)

Factory = Callable[..., LiveServer]
TIMEOUT = 10.0
API = "/api/v1"


def headers_for(live: LiveServer, credentials: tuple[str, str]) -> dict[str, str]:
    response = httpx.post(
        f"{live.url}{API}/auth/login", json={"login": credentials[0], "password": credentials[1]}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def get(live: LiveServer, path: str, headers: dict[str, str], **params: Any) -> Any:
    response = httpx.get(f"{live.url}{API}{path}", headers=headers, params=params, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def pages(live: LiveServer, path: str, headers: dict[str, str], limit: int) -> Iterator[Any]:
    """Every page of a paged list, each checked against its model and its limit."""
    model = ClientSummaryPage if path.endswith("summary") else BookPositionsPage
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        page = get(live, path, headers, **params)
        model.model_validate(page, context={"max_rows": limit})
        assert len(page["items"]) <= limit
        yield page
        cursor = page["next_cursor"]
        if cursor is None:
            return


def summaries(live: LiveServer, headers: dict[str, str], limit: int = 7) -> dict[str, Any]:
    items = [
        item for page in pages(live, "/clients/summary", headers, limit) for item in page["items"]
    ]
    by_id = {item["client_id"]: item for item in items}
    assert len(by_id) == len(items), "a client on two pages"
    return by_id


def wait_for_summary_stream(live: LiveServer) -> None:
    """Until the server has registered a stream carrying client summaries."""
    deadline = time.monotonic() + TIMEOUT
    while not live.state.hub.watching(book.SUMMARY_CHANNEL):
        assert time.monotonic() < deadline, "the broker's stream never registered"
        time.sleep(0.02)


def without_time(summary: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in summary.items() if k != "as_of"}


@pytest.fixture
def book50(live_server_factory: Factory) -> LiveServer:
    return live_server_factory(broker_clients=50)


# --- seeding -----------------------------------------------------------------------------


def test_the_default_broker_keeps_its_four_clients(live_server_factory: Factory) -> None:
    live = live_server_factory()
    clients = get(live, "/clients", headers_for(live, BROKER))["items"]
    assert {c["id"] for c in clients} == {"usr_demo", "usr_aigerim", "usr_nurlan", "usr_olga"}


def test_a_small_book_keeps_the_first_seeded_clients(live_server_factory: Factory) -> None:
    live = live_server_factory(broker_clients=2)
    clients = get(live, "/clients", headers_for(live, BROKER))["items"]
    assert {c["id"] for c in clients} == {"usr_demo", "usr_aigerim"}


def test_the_generated_book_is_plausible_and_deterministic() -> None:
    def world() -> list[tuple[Any, ...]]:
        state = build_state(make_config(broker_clients=300))
        rows = state.conn.execute(
            "SELECT u.id, u.full_name, u.iin, u.phone, COUNT(p.instrument_id) AS held "
            "FROM broker_clients b JOIN users u ON u.id = b.client_id "
            "JOIN accounts a ON a.user_id = u.id "
            "LEFT JOIN positions p ON p.account_id = a.id "
            "GROUP BY u.id ORDER BY u.id"
        ).fetchall()
        cash = state.conn.execute(
            "SELECT COUNT(DISTINCT c.currency) FROM cash c JOIN accounts a ON a.id = c.account_id "
            "WHERE a.user_id LIKE 'usr_c%'"
        ).fetchone()[0]
        processing = state.conn.execute(
            "SELECT COUNT(*) FROM instructions WHERE status = 'processing' "
            "AND user_id LIKE 'usr_c%'"
        ).fetchone()[0]
        resting = state.conn.execute(
            "SELECT COUNT(DISTINCT user_id) FROM orders WHERE status = 'active' "
            "AND user_id LIKE 'usr_c%'"
        ).fetchone()[0]
        history = state.conn.execute(
            "SELECT COUNT(DISTINCT user_id) FROM transactions WHERE user_id LIKE 'usr_c%'"
        ).fetchone()[0]
        state.conn.close()
        assert cash == 2 and processing > 0 and resting > 0
        assert 0 < history <= book_seed.HISTORY_CLIENTS
        return [tuple(r) for r in rows]

    first, second = world(), world()
    assert first == second
    assert len(first) == 300
    assert len({r[2] for r in first}) == 300
    for _, name, iin, phone, held in first:
        assert validate_iin(iin) is None, iin
        assert len(name.split()) >= 2 and len(name) <= 200
        assert phone.startswith("+77") and len(phone) == 12
        assert held >= 1
    generated = [r for r in first if r[0].startswith("usr_c")]
    assert all(1 <= r[4] <= 40 for r in generated)


def test_the_flag_is_read_and_bounded(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_args([]).broker_clients is None
    assert parse_args(["--broker-clients", "2000"]).broker_clients == 2000
    with pytest.raises(SystemExit):
        parse_args(["--broker-clients", "-1"])
    assert "--broker-clients" in capsys.readouterr().err


# --- summary and positions ---------------------------------------------------------------


def test_clients_get_403_on_both_book_calls(book50: LiveServer) -> None:
    headers = headers_for(book50, DEMO)
    for path in ("/clients/summary", "/clients/positions"):
        response = httpx.get(f"{book50.url}{API}{path}", headers=headers)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"


def test_summary_pages_cover_every_client_once_and_agree_with_portfolio(
    book50: LiveServer,
) -> None:
    headers = headers_for(book50, BROKER)
    clients = {c["id"]: c for c in get(book50, "/clients", headers)["items"]}
    assert len(clients) == 50
    book_pages = list(pages(book50, "/clients/summary", headers, 7))
    assert len(book_pages) == 8
    by_id = summaries(book50, headers)
    assert set(by_id) == set(clients)
    whole = get(book50, "/clients/summary", headers, limit=5000)
    assert whole["next_cursor"] is None and len(whole["items"]) == 50
    rate = Decimal(whole["fx_rates"]["USDKZT"])
    busy = {"open_orders": 0, "withdrawals_in_progress": 0}
    for client_id, summary in by_id.items():
        portfolio = get(book50, "/portfolio", headers, client_id=client_id)
        totals = portfolio["totals"]
        assert Decimal(portfolio["fx_rates"]["USDKZT"]) == rate
        assert summary["value_kzt"] == totals["total_value"]
        assert summary["day_change_kzt"] == totals["day_change"]
        assert (summary["full_name"], summary["iin"]) == (
            clients[client_id]["full_name"],
            clients[client_id]["iin"],
        )
        assert summary["accounts"] == clients[client_id]["accounts"]
        kzt = {"KZT": Decimal(1), "USD": rate}
        pnl = sum(
            (Decimal(p["unrealized_pnl"]) * kzt[p["currency"]] for p in portfolio["positions"]),
            Decimal(0),
        )
        assert Decimal(summary["unrealized_pnl_kzt"]) == pnl.quantize(Decimal("0.01"))
        cash: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
        for c in portfolio["cash"]:
            sums = cash[c["currency"]]
            for i, key in enumerate(("balance", "available", "blocked")):
                sums[i] += Decimal(c[key])
        assert {
            c["currency"]: [Decimal(c["balance"]), Decimal(c["available"]), Decimal(c["blocked"])]
            for c in summary["cash"]
        } == dict(cash)
        blocked = sum((sums[2] * kzt[currency] for currency, sums in cash.items()), Decimal(0))
        assert Decimal(summary["blocked_kzt"]) == blocked.quantize(Decimal("0.01"))
        for key in busy:
            busy[key] += summary[key]
    # The generated book has resting orders and withdrawals in processing somewhere.
    assert busy["open_orders"] > 0 and busy["withdrawals_in_progress"] > 0


def test_positions_pages_match_every_clients_portfolio(book50: LiveServer) -> None:
    headers = headers_for(book50, BROKER)
    listed: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    rates = set()
    for page in pages(book50, "/clients/positions", headers, 97):
        rates.add(page["fx_rates"]["USDKZT"])
        for p in page["items"]:
            listed[p["client_id"]].append(
                (
                    p["account_id"],
                    p["instrument_id"],
                    p["quantity"],
                    p["average_price"],
                    p["currency"],
                )
            )
    assert len(rates) == 1
    clients = [c["id"] for c in get(book50, "/clients", headers)["items"]]
    assert set(listed) == set(clients)
    for client_id in clients:
        portfolio = get(book50, "/portfolio", headers, client_id=client_id)
        expected = [
            (
                p["account_id"],
                p["instrument_id"],
                p["quantity"],
                p["average_price"],
                p["currency"],
            )
            for p in portfolio["positions"]
        ]
        assert sorted(listed[client_id]) == sorted(expected)
        assert len(set(listed[client_id])) == len(listed[client_id])


def test_a_bad_cursor_is_a_422(book50: LiveServer) -> None:
    headers = headers_for(book50, BROKER)
    for path in ("/clients/summary", "/clients/positions"):
        response = httpx.get(
            f"{book50.url}{API}{path}", headers=headers, params={"cursor": "not-a-cursor"}
        )
        assert response.status_code == 422
        assert response.json()["error"]["details"]["fields"]["cursor"] == "invalid_cursor"


# --- stream ------------------------------------------------------------------------------


def test_a_forced_fill_sends_one_summary_and_changes_only_that_client(
    book50: LiveServer,
) -> None:
    live = book50
    headers = headers_for(live, BROKER)
    before = summaries(live, headers)
    client_id = next(i for i, s in sorted(before.items()) if s["open_orders"] > 0)
    orders = get(live, "/orders", headers, client_id=client_id, status="active")["items"]
    order = orders[0]
    token = headers["Authorization"].removeprefix("Bearer ")

    async def scenario() -> list[dict[str, Any]]:
        async with await connect(
            live.ws_url, additional_headers={"Authorization": f"Bearer {token}"}
        ) as ws:
            await asyncio.to_thread(wait_for_summary_stream, live)
            filled = await asyncio.to_thread(
                httpx.post, f"{live.url}/mock/orders/{order['id']}/fill", json={}
            )
            assert filled.status_code == 200, filled.text
            # A marker: the snapshot answers a command read after the fill was published, so
            # every frame the fill caused arrives before it.
            marker = {"op": "subscribe", "channel": "quotes", "ids": [order["instrument_id"]]}
            await ws.send(json.dumps(marker))
            frames = []
            while True:
                frame = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
                if frame.get("channel") == "quotes":
                    return frames
                if frame.get("op") != "ping":
                    frames.append(frame)

    frames = asyncio.run(scenario())
    assert [f["channel"] for f in frames] == ["client_summary"]
    event = frames[0]["data"]
    assert isinstance(event, dict) and event["client_id"] == client_id
    after = summaries(live, headers)
    changed = {i for i in before if without_time(before[i]) != without_time(after[i])}
    assert changed == {client_id}
    assert without_time(event) == without_time(after[client_id])
    assert event["open_orders"] == before[client_id]["open_orders"] - 1
    assert event["last_activity"]["kind"] == "fill"
    portfolio = get(live, "/portfolio", headers, client_id=client_id)
    assert event["value_kzt"] == portfolio["totals"]["total_value"]


def test_summaries_reach_only_brokers_watching_the_client(book50: LiveServer) -> None:
    state = book50.state
    broker = Subscriber(user_ids=frozenset({"usr_c00001"}), channels={book.SUMMARY_CHANNEL})
    client = Subscriber(user_ids=frozenset({"usr_c00001"}), channels={"orders"})
    other = Subscriber(user_ids=frozenset({"usr_c00002"}), channels={book.SUMMARY_CHANNEL})
    for sub in (broker, client, other):
        state.hub.add(sub)
    try:
        loop = book50.server.servers[0].get_loop()
        done = asyncio.run_coroutine_threadsafe(_publish(state, "usr_c00001"), loop)
        done.result(TIMEOUT)
    finally:
        for sub in (broker, client, other):
            state.hub.remove(sub)
    assert broker.queue.qsize() == 1 and client.queue.empty() and other.queue.empty()
    frame = json.loads(broker.queue.get_nowait() or "{}")
    assert frame["channel"] == "client_summary" and frame["data"]["client_id"] == "usr_c00001"


async def _publish(state: Any, client_id: str) -> None:
    book.publish_summary(state, client_id)


def test_settled_deals_send_their_clients_summaries_when_the_day_turns(
    book50: LiveServer,
) -> None:
    state = book50.state
    headers = headers_for(book50, BROKER)
    client_id = next(
        i for i, s in sorted(summaries(book50, headers).items()) if s["open_orders"] > 0
    )
    order = get(book50, "/orders", headers, client_id=client_id, status="active")["items"][0]
    filled = httpx.post(f"{book50.url}/mock/orders/{order['id']}/fill", json={})
    assert filled.status_code == 200, filled.text
    watcher = Subscriber(user_ids=frozenset({client_id}), channels={book.SUMMARY_CHANNEL})

    async def turn_the_day() -> None:
        watch = book.SettlementWatch(state)
        state.hub.add(watcher)
        try:
            watch()  # the same day: nothing settles
            assert watcher.queue.empty()
            state.clock.advance(10 * 86_400)  # past T+2, whatever today is
            watch()
        finally:
            state.hub.remove(watcher)
            state.clock.advance(-10 * 86_400)

    loop = book50.server.servers[0].get_loop()
    asyncio.run_coroutine_threadsafe(turn_the_day(), loop).result(TIMEOUT)
    assert watcher.queue.qsize() == 1
    frame = json.loads(watcher.queue.get_nowait() or "{}")
    assert frame["data"]["client_id"] == client_id


# --- a big book --------------------------------------------------------------------------


def test_two_thousand_clients_seed_and_page_through_their_positions(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory(broker_clients=2000)
    headers = headers_for(live, BROKER)
    seen: set[tuple[str, str]] = set()
    clients: set[str] = set()
    count = 0
    page_count = 0
    for page in pages(live, "/clients/positions", headers, 5000):
        page_count += 1
        for p in page["items"]:
            seen.add((p["account_id"], p["instrument_id"]))
            clients.add(p["client_id"])
            count += 1
    assert count == len(seen), "a position on two pages"
    assert 30_000 <= count <= 50_000
    assert page_count == -(-count // 5000)
    assert len(clients) == 2000
    first = get(live, "/clients/summary", headers, limit=100)
    assert len(first["items"]) == 100 and first["next_cursor"] is not None


# --- the bulk valuation against the per-client one -----------------------------------------


def reference_summary(state: ServerState, client: Any, as_of: datetime) -> ClientSummary:
    """A client's summary as the mock made it one client at a time before the bulk valuation:
    from the very portfolio `GET /portfolio?client_id=` answers. Kept as the reference."""
    conn, client_id = state.conn, client["id"]
    accounts = owner_accounts(conn, client_id)
    portfolio = build_portfolio(state, accounts)
    rate = Decimal(portfolio.fx_rates["USDKZT"])
    totals = portfolio.totals
    pnl = sum(
        (p.unrealized_pnl * kzt_rate(p.currency.value, rate) for p in portfolio.positions),
        Decimal(0),
    )
    cash: dict[str, list[Decimal]] = {}
    blocked_kzt = Decimal(0)
    for c in portfolio.cash:
        sums = cash.setdefault(c.currency.value, [Decimal(0)] * 3)
        sums[0] += c.balance
        sums[1] += c.available
        sums[2] += c.blocked
        blocked_kzt += c.blocked * kzt_rate(c.currency.value, rate)

    def count(table: str, statuses: tuple[str, ...]) -> int:
        if not accounts:
            return 0
        return int(
            conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE account_id IN ({placeholders(len(accounts))}) "
                f"AND status IN ({placeholders(len(statuses))})",
                [*accounts, *statuses],
            ).fetchone()[0]
        )

    found = []
    for kind, sql in (
        ("order", "SELECT MAX(created_at) FROM orders WHERE user_id = ?"),
        ("fill", "SELECT MAX(time) FROM transactions WHERE user_id = ?"),
        ("withdrawal", "SELECT MAX(updated_at) FROM instructions WHERE user_id = ?"),
    ):
        at = conn.execute(sql, (client_id,)).fetchone()[0]
        if at is not None:
            found.append((parse_iso(at), kind))
    rank = {"fill": 0, "order": 1, "withdrawal": 2}
    latest = max(found, key=lambda pair: (pair[0], -rank[pair[1]]), default=None)
    start_value = totals.total_value - totals.day_change
    return ClientSummary(
        client_id=client_id,
        full_name=client["full_name"],
        iin=client["iin"],
        accounts=accounts_of(state, client_id),
        value_kzt=totals.total_value,
        day_change_kzt=totals.day_change,
        day_change_pct=None if start_value == 0 else totals.day_change_pct,
        unrealized_pnl_kzt=round_money(pnl),
        cash=[
            ClientCash(currency=currency, balance=b, available=a, blocked=k)
            for currency, (b, a, k) in sorted(cash.items())
        ],
        blocked_kzt=round_money(blocked_kzt),
        open_orders=count("orders", OPEN_ORDER_STATUSES),
        withdrawals_in_progress=count("instructions", OPEN_INSTRUCTION_STATUSES),
        last_activity=None if latest is None else LastActivity(kind=latest[1], at=latest[0]),
        as_of=as_of,
    )


def assert_summaries_match_the_reference(state: ServerState) -> None:
    clients = book.watched_clients(state.conn, book_seed.BROKER_ID, None, 5000)
    now, rate = state.clock.now(), usdkzt(state)
    fast = book.summaries(state, clients, now, rate)
    expected = [reference_summary(state, client, now) for client in clients]
    assert len(fast) == len(clients) > 50
    for item, summary in zip(fast, expected, strict=True):
        assert item == summary.model_dump(mode="json"), item["client_id"]
    # And written as the page's model writes it, byte for byte.
    page = ClientSummaryPage(items=expected, fx_rates={"USDKZT": rate}).model_dump_json()
    assert to_json({"items": fast, "next_cursor": None, "fx_rates": {"USDKZT": str(rate)}}) == (
        page.encode()
    )


def uses_the_columns(state: ServerState) -> bool:
    """Whether the book's holdings are valued by the numpy columns (not row by row)."""
    clients = book.watched_clients(state.conn, book_seed.BROKER_ID, None, 5000)
    accounts = [owner_accounts(state.conn, c["id"]) for c in clients]
    owner_of = [n for n, owned in enumerate(accounts) for _ in owned]
    ids = [a for owned in accounts for a in owned]
    return valuation._column_sums(state, ids, owner_of, len(clients)) is not None


@pytest.fixture
def moving_book() -> Iterator[ServerState]:
    """A 50-client book whose quotes moved off the previous close, with odd holdings added."""
    state = build_state(make_config(broker_clients=50))
    state.market.step(3000)  # type: ignore[union-attr]
    add_odd_holdings(state)
    yield state
    state.conn.close()


def add_odd_holdings(state: ServerState) -> None:
    """What the generated book lacks: fractional quantities, long prices, leading zeros, a bond
    for sure, a buy blocking a currency the account holds none of, a sell order, a sale not
    yet settled, and a watched client without any account."""
    conn = state.conn
    bond = conn.execute("SELECT id FROM instruments WHERE face_value IS NOT NULL").fetchone()[0]
    stock = "KASE:HSBK"
    usd_stock = "INTL:AAPL"
    rows = [
        ("acc_c00001_kzt", bond, "3", "99.1234"),
        ("acc_c00002_kzt", stock, "2.5", "123.456789"),
        ("acc_c00003_usd", usd_stock, "007", "0.0001"),
        ("acc_c00004_usd", usd_stock, "1.000", "187.10"),
    ]
    conn.executemany("INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?)", rows)
    later = (state.clock.today() + timedelta(days=5)).isoformat()
    order = (
        "INSERT INTO orders (id, number, user_id, account_id, instrument_id, side, type, price, "
        "quantity, filled_quantity, reserve_price, currency, status, created_at, updated_at, "
        "valid_until, signature_method) VALUES (?, ?, 'usr_c00005', 'acc_c00005_kzt', ?, ?, "
        "'limit', ?, '10', '0', ?, ?, 'active', '2026-01-05T10:00:00.000+00:00', "
        "'2026-01-05T10:00:00.000+00:00', ?, 'sms')"
    )
    conn.execute(order, ("ord_odd_1", 990_001, usd_stock, "buy", "150", "150", "USD", later))
    conn.execute(order, ("ord_odd_2", 990_002, stock, "sell", "300", "300", "KZT", later))
    conn.execute(
        "INSERT INTO transactions (id, number, user_id, time, order_id, account_id, "
        "instrument_id, side, price, quantity, amount, fee, currency, settlement_date) VALUES "
        "('tx_odd', 990001, 'usr_c00006', '2026-01-06T10:00:00.000+05:00', 'ord_odd_2', "
        "'acc_c00006_kzt', ?, 'sell', '300', '10', '3000', '4.50', 'KZT', ?)",
        (stock, later),
    )
    conn.execute(
        "INSERT INTO users (id, login, password_hash, password_changed_at, role, full_name, "
        "iin, phone) VALUES ('usr_c99999', 'client99999', 'x', '2026-01-01T00:00:00+00:00', "
        "'client', 'Без Счетов', '900101300016', '+77010000000')"
    )
    conn.execute("INSERT INTO broker_clients VALUES (?, 'usr_c99999')", (book_seed.BROKER_ID,))


def test_the_bulk_summaries_equal_the_per_client_valuation(moving_book: ServerState) -> None:
    assert uses_the_columns(moving_book)
    assert_summaries_match_the_reference(moving_book)
    # The book is not trivially flat: values move, and something is blocked.
    items = book.summaries(
        moving_book,
        book.watched_clients(moving_book.conn, book_seed.BROKER_ID, None, 5000),
        moving_book.clock.now(),
        usdkzt(moving_book),
    )
    assert any(Decimal(i["day_change_kzt"]) != 0 for i in items)
    assert any(Decimal(i["blocked_kzt"]) != 0 for i in items)


@pytest.mark.parametrize(
    "quantity",
    [
        "1E+1",  # not plain: the columns do not read it
        "90000000000000",  # its value in tiyn passes what int64 columns hold
    ],
)
def test_holdings_the_columns_cannot_hold_are_valued_row_by_row_alike(
    moving_book: ServerState, quantity: str
) -> None:
    moving_book.conn.execute(
        "INSERT OR REPLACE INTO positions VALUES ('acc_c00007_kzt', 'KASE:KZTO', ?, '1.5')",
        (quantity,),
    )
    assert not uses_the_columns(moving_book)
    assert_summaries_match_the_reference(moving_book)


def test_the_positions_page_writes_numbers_as_the_portfolio_does(
    moving_book: ServerState,
) -> None:
    conn = moving_book.conn
    items, following = book.positions_page(conn, book_seed.BROKER_ID, None, 5000)
    assert following is None
    listed = {(p["account_id"], p["instrument_id"]): p for p in map(json.loads, items)}
    stored = conn.execute(
        "SELECT p.account_id, p.instrument_id, p.quantity, p.average_price, a.user_id, "
        "i.currency FROM positions p JOIN accounts a ON a.id = p.account_id "
        "JOIN broker_clients b ON b.client_id = a.user_id JOIN instruments i "
        "ON i.id = p.instrument_id WHERE CAST(p.quantity AS REAL) > 0"
    ).fetchall()
    assert len(listed) == len(stored) == len(items)
    for account, instrument, quantity, average, client, currency in stored:
        assert listed[account, instrument] == {
            "client_id": client,
            "account_id": account,
            "instrument_id": instrument,
            "quantity": format_decimal(Decimal(quantity)),
            "average_price": format_decimal(Decimal(average)),
            "currency": currency,
        }
    assert listed["acc_c00003_usd", "INTL:AAPL"]["quantity"] == "7"  # stored as "007"


def test_plain_decimals_are_read_exactly_or_not_at_all() -> None:
    rng = random.Random(7)
    texts = []
    for _ in range(3000):
        whole = str(rng.randrange(10 ** rng.randint(1, 12)))
        texts.append(whole if rng.random() < 0.4 else f"{whole}.{rng.randrange(10**6):0{6}d}")
    texts += ["0", "0.0", "007", "12.", ".5", "999999999999999999"]
    read = valuation.plain_decimals(",".join(texts), len(texts))
    assert read is not None
    for text, coefficient, scale in zip(texts, *read, strict=True):
        assert Decimal(int(coefficient)).scaleb(-int(scale)) == Decimal(text), text
    whole = ["1", "22", "333"]
    assert valuation.plain_decimals(",".join(whole), 3) is not None
    for bad in (
        ["1", "-2"],
        ["1E+2", "3"],
        ["1.2.3", "4"],
        ["1", ""],
        ["1000000000000000000", "1"],  # 19 digits
        ["١٢", "3"],
        [" 1", "2"],
    ):
        assert valuation.plain_decimals(",".join(bad), len(bad)) is None, bad
    assert valuation.plain_decimals("1,2", 3) is None  # not as many as said
