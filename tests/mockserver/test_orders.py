"""`/orders` and `/transactions`: drafts and their field errors, confirm, lists, cancel.

The helpers here (a hand-set market, draft/sign/confirm shortcuts) are shared by the other
order test files, which import them from this module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from testkit import BROKER, DEMO, EXPIRED, login, make_config, mock_state

from cesec_desktop.domain.models.orders import Order, Transaction
from cesec_desktop.mockserver import trading
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.state import QuoteSnapshot, ServerState

API = "/api/v1"


class FakeMarket:
    """A frozen market whose quotes change only when a test says so."""

    def __init__(self) -> None:
        self.quotes: dict[str, QuoteSnapshot] = {}
        self.listeners: list[Callable[[QuoteSnapshot], None]] = []

    def set(
        self,
        instrument_id: str,
        bid: str,
        ask: str,
        *,
        bid_size: str = "1000",
        ask_size: str = "1000",
        prev_close: str | None = None,
    ) -> QuoteSnapshot:
        bid_d, ask_d = Decimal(bid), Decimal(ask)
        middle = (bid_d + ask_d) / 2
        quote = QuoteSnapshot(
            instrument_id=instrument_id,
            last=middle,
            bid=bid_d,
            ask=ask_d,
            bid_size=Decimal(bid_size),
            ask_size=Decimal(ask_size),
            open=None,
            high=None,
            low=None,
            prev_close=Decimal(prev_close) if prev_close else middle,
            volume=Decimal(0),
            time=datetime.now(UTC),
        )
        self.quotes[instrument_id] = quote
        return quote

    def tick(self, instrument_id: str, bid: str, ask: str, **sizes: str) -> QuoteSnapshot:
        quote = self.set(instrument_id, bid, ask, **sizes)
        for listener in self.listeners:
            listener(quote)
        return quote

    def quote(self, instrument_id: str) -> QuoteSnapshot | None:
        return self.quotes.get(instrument_id)

    def usdkzt(self) -> Decimal:
        return Decimal("510")

    def add_tick_listener(self, listener: Callable[[QuoteSnapshot], None]) -> None:
        self.listeners.append(listener)

    def save(self) -> None:
        pass


def use_fake_market(client: TestClient) -> FakeMarket:
    """Swap the simulator for a hand-set market (HSBK 384.50 / 385.00 to start with)."""
    state = mock_state(client)
    fake = FakeMarket()
    state.market = fake
    fake.add_tick_listener(trading.engine_of(state).on_tick)
    fake.set("KASE:HSBK", "384.50", "385.00")
    return fake


def open_markets(client: TestClient, open_: bool = True) -> None:
    mode = "open" if open_ else "closed"
    client.post("/mock/market-hours", json={"modes": {"KASE": mode, "AIX": mode, "INTL": mode}})


def housekeeping(state: ServerState, advance: float = 1.0) -> None:
    """What the simulator loop does every 200 ms, after `advance` seconds of mock time."""
    state.clock.advance(advance)
    for job in state.housekeeping:
        job()


def order_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "account_id": "acc_demo_kzt",
        "instrument_id": "KASE:HSBK",
        "side": "buy",
        "type": "limit",
        "price": "380.00",
        "quantity": "10",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


def draft(client: TestClient, headers: dict[str, str], **overrides: Any) -> Response:
    return client.post(f"{API}/orders/drafts", headers=headers, json=order_body(**overrides))


def sms_code(client: TestClient, challenge_id: str) -> str:
    items = client.get("/mock/sms-outbox").json()["items"]
    return next(i["code"] for i in items if i["challenge_id"] == challenge_id)


def sms_signature(client: TestClient, headers: dict[str, str], draft_id: str) -> dict[str, str]:
    challenge = client.post(f"{API}/sms-challenges", headers=headers, json={"draft_id": draft_id})
    assert challenge.status_code == 201, challenge.text
    challenge_id = challenge.json()["challenge_id"]
    return {"method": "sms", "challenge_id": challenge_id, "code": sms_code(client, challenge_id)}


def confirm(
    client: TestClient,
    headers: dict[str, str],
    draft_id: str,
    signature: dict[str, str],
    key: str | None = None,
) -> Response:
    extra = {"Idempotency-Key": key} if key else {}
    return client.post(
        f"{API}/orders",
        headers={**headers, **extra},
        json={"draft_id": draft_id, "signature": signature},
    )


def place(client: TestClient, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    """Draft, sign by SMS and confirm: the new order's JSON."""
    made = draft(client, headers, **overrides)
    assert made.status_code == 201, made.text
    draft_id = made.json()["draft_id"]
    placed = confirm(client, headers, draft_id, sms_signature(client, headers, draft_id))
    assert placed.status_code == 201, placed.text
    return placed.json()


def field_errors(response: Response) -> dict[str, str]:
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    return error["details"]["fields"]


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[TestClient, dict[str, str]]]:
    """One backend for the many checks that only read or are refused: building one costs."""
    with TestClient(create_app(make_config())) as client:
        use_fake_market(client)
        open_markets(client)
        yield client, login(client, DEMO)


# --- drafts -----------------------------------------------------------------------------


def test_draft_issues_the_exact_document(client: TestClient, demo_headers: dict[str, str]) -> None:
    use_fake_market(client)
    response = draft(client, demo_headers, price="385.00", quantity="10")
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["amount"], body["fee"], body["total"]) == ("3850.00", "100.00", "3950.00")
    assert body["currency"] == "KZT"
    assert body["valid_until"] == mock_state(client).clock.today().isoformat()
    text = body["document"]["text"]
    assert body["document"]["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    for expected in (
        "Демов Демо Демович",
        "880607300110",
        "CS01001-KZT",
        "Покупка / Buy",
        "KASE:HSBK",
        "Halyk Bank",
        "KZ000A0LE0S4",
        "Лимитная / Limit",
        "385.00 KZT",
        "Количество / Quantity: 10",
        "3 850.00 KZT",
        "100.00 KZT",
        "3 950.00 KZT",
        "+05:00",
        body["draft_id"],
    ):
        assert expected in text
    stored = (
        mock_state(client)
        .conn.execute(
            "SELECT document_text, document_sha256, kind FROM drafts WHERE id = ?",
            (body["draft_id"],),
        )
        .fetchone()
    )
    assert (stored["document_text"], stored["document_sha256"], stored["kind"]) == (
        text,
        body["document"]["sha256"],
        "order",
    )


def test_market_draft_estimates_over_the_ask(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client)
    body = draft(client, demo_headers, type="market", price=None, quantity="100").json()
    # 100 x 385.00 x 1.05 = 40,425.00; fee 0.1 % = 40.43, so the 100 KZT minimum applies.
    assert (body["amount"], body["fee"], body["total"]) == ("40425.00", "100.00", "40525.00")
    assert "Рыночная / Market" in body["document"]["text"]
    sell = draft(
        client, demo_headers, side="sell", type="market", price=None, quantity="1000"
    ).json()
    assert (sell["amount"], sell["fee"], sell["total"]) == ("384500.00", "384.50", "384115.50")


def test_bond_draft_prices_in_percent_of_face(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    body = draft(
        client, demo_headers, instrument_id="KASE:KFUSb11", price="96.2500", quantity="3"
    ).json()
    assert body["amount"] == "2887.50"  # 3 x 1000 x 96.25 %
    assert "96.2500 % от номинала / of face value" in body["document"]["text"]


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"quantity": "0"}, "quantity", "quantity_not_positive"),
        ({"quantity": "-5"}, "quantity", "quantity_not_positive"),
        ({"quantity": "1.5"}, "quantity", "quantity_not_whole"),
        ({"quantity": "20000000"}, "quantity", "quantity_too_large"),
        ({"price": "385.005"}, "price", "price_step"),
        ({"price": "-1"}, "price", "price_not_positive"),
        ({"price": None}, "price", "price_required"),
        ({"type": "market", "price": "385.00"}, "price", "price_not_allowed"),
        ({"quantity": "100000"}, "quantity", "insufficient_cash"),
        ({"side": "sell", "quantity": "1201"}, "quantity", "insufficient_position"),
        (
            {"instrument_id": "KASE:KMGZ", "side": "sell", "price": "21700.00", "quantity": "1"},
            "quantity",
            "insufficient_position",
        ),
        ({"account_id": "acc_aigerim_kzt"}, "account_id", "unknown_account"),
        ({"account_id": "acc_nowhere"}, "account_id", "unknown_account"),
        ({"instrument_id": "KASE:NOPE"}, "instrument_id", "unknown_instrument"),
    ],
)
def test_draft_field_errors(
    shared: tuple[TestClient, dict[str, str]], overrides: dict[str, Any], field: str, code: str
) -> None:
    client, demo_headers = shared
    assert field_errors(draft(client, demo_headers, **overrides))[field] == code


def test_draft_lot_size(client: TestClient, demo_headers: dict[str, str]) -> None:
    state = mock_state(client)
    state.conn.execute("UPDATE instruments SET lot_size = 10 WHERE id = 'KASE:HSBK'")
    trading.engine_of(state).rebuild()
    assert field_errors(draft(client, demo_headers, quantity="15"))["quantity"] == "quantity_lot"
    assert draft(client, demo_headers, quantity="20").status_code == 201


def test_draft_validity_bounds(client: TestClient, demo_headers: dict[str, str]) -> None:
    today = mock_state(client).clock.today()
    past = draft(client, demo_headers, valid_until=(today - timedelta(days=1)).isoformat())
    assert field_errors(past)["valid_until"] == "valid_until_past"
    far = draft(client, demo_headers, valid_until=(today + timedelta(days=366)).isoformat())
    assert field_errors(far)["valid_until"] == "valid_until_too_far"
    ok = draft(client, demo_headers, valid_until=(today + timedelta(days=365)).isoformat())
    assert ok.status_code == 201
    assert ok.json()["valid_until"] == (today + timedelta(days=365)).isoformat()


def test_draft_aix_price_band(client: TestClient, demo_headers: dict[str, str]) -> None:
    fake = use_fake_market(client)
    fake.set("AIX:KAP", "45.10", "45.30", prev_close="45.20")
    too_high = draft(
        client,
        demo_headers,
        account_id="acc_demo_usd",
        instrument_id="AIX:KAP",
        price="50.00",
        quantity="1",
    )
    assert field_errors(too_high)["price"] == "price_limit"
    inside = draft(
        client,
        demo_headers,
        account_id="acc_demo_usd",
        instrument_id="AIX:KAP",
        price="49.70",
        quantity="1",
    )
    assert inside.status_code == 201, inside.text


def test_market_draft_needs_an_open_market(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    use_fake_market(client)
    open_markets(client, False)
    closed = draft(client, demo_headers, type="market", price=None)
    assert field_errors(closed)["type"] == "market_closed"
    # A limit order may wait for the session.
    assert draft(client, demo_headers).status_code == 201


def test_market_draft_without_a_quote(client: TestClient, demo_headers: dict[str, str]) -> None:
    use_fake_market(client)
    open_markets(client)
    response = draft(client, demo_headers, instrument_id="KASE:KCEL", type="market", price=None)
    assert field_errors(response)["type"] == "no_quote"


def test_hidden_test_instruments_may_be_traded(app_factory: Callable[..., Any]) -> None:
    with TestClient(app_factory(synthetic_instruments=2)) as client:
        headers = login(client, DEMO)
        response = draft(client, headers, instrument_id="KASE:SYN0001", price="101.00")
        assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "body",
    [
        {"price": 385.5},
        {"quantity": "lots"},
        {"quantity": "1e400"},
        {"side": "hold"},
        {"type": "stop"},
        {"colour": "red"},
        {"instrument_id": "X" * 65},
        {"valid_until": "tomorrow"},
    ],
)
def test_draft_rejects_malformed_input(
    shared: tuple[TestClient, dict[str, str]], body: dict[str, Any]
) -> None:
    client, demo_headers = shared
    response = client.post(f"{API}/orders/drafts", headers=demo_headers, json=order_body(**body))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_draft_is_for_signed_in_clients_only(client: TestClient) -> None:
    assert client.post(f"{API}/orders/drafts", json=order_body()).status_code == 401
    broker = draft(client, login(client, BROKER))
    assert broker.status_code == 403
    assert broker.json()["error"]["code"] == "forbidden"
    expired = draft(client, login(client, EXPIRED))
    assert expired.status_code == 403
    assert expired.json()["error"]["code"] == "password_expired"


# --- confirm, details, lists ------------------------------------------------------------


def test_confirmed_order_is_new_with_history(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    order = place(client, demo_headers, price="380.00", quantity="10")
    assert order["status"] == "new"
    assert order["ticker"] == "HSBK"
    assert (order["price"], order["quantity"], order["filled_quantity"]) == ("380.00", "10", "0")
    assert order["signature_method"] == "sms"
    assert int(order["number"]) >= trading.ORDER_NUMBER_START
    assert [e["status"] for e in order["history"]] == ["new"]
    details = client.get(f"{API}/orders/{order['id']}", headers=demo_headers).json()
    assert details == order
    listed = client.get(f"{API}/orders", headers=demo_headers).json()
    assert listed["items"][0]["id"] == order["id"]
    assert listed["items"][0]["history"] == []
    second = place(client, demo_headers, price="381.00", quantity="1")
    assert int(second["number"]) == int(order["number"]) + 1


def test_list_items_are_the_models_of_the_details(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    """List pages skip the models for speed: every item must still be a valid `Order`."""
    use_fake_market(client)
    open_markets(client)
    place(client, demo_headers, price="390.00", quantity="3")
    place(client, demo_headers, price="380.00", quantity="1")
    housekeeping(mock_state(client))
    items = client.get(f"{API}/orders", headers=demo_headers, params={"limit": 5000}).json()[
        "items"
    ]
    assert len(items) > 50  # the seeded history too
    for item in items[:60]:
        listed = Order.model_validate(item)
        details = client.get(f"{API}/orders/{item['id']}", headers=demo_headers).json()
        assert listed == Order.model_validate(details).model_copy(update={"history": []})
    deals = client.get(f"{API}/transactions", headers=demo_headers, params={"limit": 5000}).json()[
        "items"
    ]
    assert len(deals) > 50
    for item in deals[:60]:
        listed_deal = Transaction.model_validate(item)
        one = client.get(f"{API}/transactions/{item['id']}", headers=demo_headers).json()
        assert listed_deal == Transaction.model_validate(one)


def test_confirm_rechecks_funds(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = draft(client, demo_headers, side="sell", quantity="1000", price="390.00").json()
    # Another order takes the securities between the draft and the confirm.
    place(client, demo_headers, side="sell", quantity="500", price="390.00")
    signature = sms_signature(client, demo_headers, made["draft_id"])
    response = confirm(client, demo_headers, made["draft_id"], signature)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "insufficient_position"
    assert response.json()["error"]["details"]["fields"] == {"quantity": "insufficient_position"}


def test_confirm_rechecks_cash(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = draft(client, demo_headers, price="385.00", quantity="4000").json()
    place(client, demo_headers, price="385.00", quantity="4000")
    signature = sms_signature(client, demo_headers, made["draft_id"])
    response = confirm(client, demo_headers, made["draft_id"], signature)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "insufficient_cash"


def test_order_details_are_private(client: TestClient, demo_headers: dict[str, str]) -> None:
    order = place(client, demo_headers)
    other = login(client, ("aigerim", "Aigerim#2026"))
    assert client.get(f"{API}/orders/{order['id']}", headers=other).status_code == 404
    missing = client.get(f"{API}/orders/ord_nothing", headers=demo_headers)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    broker = login(client, BROKER)
    seen = client.get(
        f"{API}/orders/{order['id']}", headers=broker, params={"client_id": "usr_demo"}
    )
    assert seen.status_code == 200
    assert client.get(f"{API}/orders", headers=broker).status_code == 422
    listed = client.get(f"{API}/orders", headers=broker, params={"client_id": "usr_demo"})
    assert [o["id"] for o in listed.json()["items"]][:1] == [order["id"]]


def _insert_orders(state: ServerState, count: int, start: datetime) -> None:
    """Bulk rows straight into SQLite: list tests need many orders, not many confirms."""
    rows = []
    for i in range(count):
        at = iso(start + timedelta(minutes=i))
        instrument = ("KASE:HSBK", "KASE:KSPI", "INTL:AAPL")[i % 3]
        rows.append(
            (
                f"ord_bulk{i:05d}",
                900_000 + i,
                "usr_demo",
                "acc_demo_kzt",
                instrument,
                ("buy", "sell")[i % 2],
                "limit",
                "100.00",
                "1",
                "0",
                None,
                "100.00",
                "KZT",
                ("filled", "cancelled", "active", "expired")[i % 4],
                at,
                at,
                "2030-01-01",
                "sms",
                None,
            )
        )
    state.conn.executemany(
        "INSERT INTO orders (id, number, user_id, account_id, instrument_id, side, type, price, "
        "quantity, filled_quantity, average_fill_price, reserve_price, currency, status, "
        "created_at, updated_at, valid_until, signature_method, reject_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def test_order_list_filters_and_pages(client: TestClient, demo_headers: dict[str, str]) -> None:
    state = mock_state(client)
    # 2025-03-03 00:00 Almaty = 2025-03-02 19:00 UTC: 24 * 60 orders a minute apart, one day.
    _insert_orders(state, 24 * 60, datetime(2025, 3, 2, 19, 0, tzinfo=UTC))
    params = {"from": "2025-03-03", "to": "2025-03-03"}
    seen: list[str] = []
    cursor = None
    while True:
        page = client.get(
            f"{API}/orders",
            headers=demo_headers,
            params={**params, "limit": 500, **({"cursor": cursor} if cursor else {})},
        )
        assert page.status_code == 200
        body = page.json()
        seen += [o["id"] for o in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 24 * 60 == len(set(seen))
    assert seen[0] == "ord_bulk01439" and seen[-1] == "ord_bulk00000"
    # Dates are Almaty days: the day before holds none of them, the day after none either.
    for day in ("2025-03-02", "2025-03-04"):
        empty = client.get(f"{API}/orders", headers=demo_headers, params={"from": day, "to": day})
        assert empty.json()["items"] == []

    def ids(**query: str) -> list[dict[str, Any]]:
        response = client.get(
            f"{API}/orders", headers=demo_headers, params={**params, "limit": 5000, **query}
        )
        assert response.status_code == 200, response.text
        return response.json()["items"]

    assert {o["status"] for o in ids(status="filled,expired")} == {"filled", "expired"}
    assert len(ids(status="active")) == 360
    assert {o["side"] for o in ids(side="sell")} == {"sell"}
    assert {o["instrument_id"] for o in ids(market="INTL")} == {"INTL:AAPL"}
    assert {o["instrument_id"] for o in ids(instrument="kspi")} == {"KASE:KSPI"}
    assert ids(instrument="zzz") == []


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "not-a-cursor"},
        {"cursor": "WzEsMl0"},  # base64 of [1,2]: not (time, id) strings
        {"status": "open"},
        {"from": "2025-03-05", "to": "2025-03-01"},
        {"from": "yesterday"},
        {"limit": "0"},
        {"limit": "5001"},
        {"market": "LSE"},
        {"side": "short"},
    ],
)
def test_order_list_rejects_bad_queries(
    shared: tuple[TestClient, dict[str, str]], params: dict[str, str]
) -> None:
    client, demo_headers = shared
    response = client.get(f"{API}/orders", headers=demo_headers, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"


def test_order_list_extreme_dates(client: TestClient, demo_headers: dict[str, str]) -> None:
    order = place(client, demo_headers)
    wide = client.get(
        f"{API}/orders", headers=demo_headers, params={"from": "0001-01-01", "to": "9999-12-31"}
    )
    assert wide.status_code == 200
    assert wide.json()["items"][0]["id"] == order["id"]


def test_order_page_of_500(client: TestClient, demo_headers: dict[str, str]) -> None:
    # Its speed is measured by benchmarks/api_latency.py, not asserted here.
    _insert_orders(mock_state(client), 3000, datetime(2025, 1, 6, 6, 0, tzinfo=UTC))
    params = {"from": "2020-01-01", "to": "2030-01-01", "limit": 500}
    first = client.get(f"{API}/orders", headers=demo_headers, params=params).json()
    assert len(first["items"]) == 500 and first["next_cursor"]
    second = client.get(
        f"{API}/orders", headers=demo_headers, params={**params, "cursor": first["next_cursor"]}
    ).json()
    assert len(second["items"]) == 500
    assert not {o["id"] for o in first["items"]} & {o["id"] for o in second["items"]}


def test_cancel(client: TestClient, demo_headers: dict[str, str]) -> None:
    order = place(client, demo_headers)
    cancelled = client.post(f"{API}/orders/{order['id']}/cancel", headers=demo_headers)
    assert cancelled.status_code == 200, cancelled.text
    body = cancelled.json()
    assert body["status"] == "cancelled"
    assert [e["status"] for e in body["history"]] == ["new", "cancelled"]
    again = client.post(f"{API}/orders/{order['id']}/cancel", headers=demo_headers)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "order_not_cancellable"
    assert client.post(f"{API}/orders/ord_nothing/cancel", headers=demo_headers).status_code == 404
    other = login(client, ("nurlan", "Nurlan#2026"))
    theirs = place(client, other, account_id="acc_nurlan_kzt")
    assert (
        client.post(f"{API}/orders/{theirs['id']}/cancel", headers=demo_headers).status_code == 404
    )
    broker = client.post(f"{API}/orders/{theirs['id']}/cancel", headers=login(client, BROKER))
    assert broker.status_code == 403


def test_transactions_list_and_details(client: TestClient, demo_headers: dict[str, str]) -> None:
    use_fake_market(client)
    open_markets(client)
    order = place(client, demo_headers, price="385.00", quantity="10")
    housekeeping(mock_state(client))
    listed = client.get(
        f"{API}/transactions",
        headers=demo_headers,
        params={"instrument": "hsbk", "side": "buy", "market": "KASE"},
    )
    assert listed.status_code == 200
    deal = listed.json()["items"][0]
    assert deal["order_id"] == order["id"]
    assert (deal["price"], deal["quantity"], deal["amount"], deal["fee"]) == (
        "385.00",
        "10",
        "3850.00",
        "100.00",
    )
    assert deal["ticker"] == "HSBK"
    assert date.fromisoformat(deal["settlement_date"]) > mock_state(client).clock.today()
    one = client.get(f"{API}/transactions/{deal['id']}", headers=demo_headers)
    assert one.json() == deal
    assert client.get(f"{API}/transactions/trx_nothing", headers=demo_headers).status_code == 404
    other = login(client, ("olga", "Olga#2026"))
    assert client.get(f"{API}/transactions/{deal['id']}", headers=other).status_code == 404
    sells = client.get(
        f"{API}/transactions",
        headers=demo_headers,
        params={"side": "sell", "instrument": "HSBK", "limit": 5000},
    ).json()
    assert deal["id"] not in {t["id"] for t in sells["items"]}
    assert {t["side"] for t in sells["items"]} <= {"sell"}
    bad = client.get(f"{API}/transactions", headers=demo_headers, params={"cursor": "%%%"})
    assert bad.status_code == 422


def test_transactions_page_with_cursor(client: TestClient, demo_headers: dict[str, str]) -> None:
    use_fake_market(client)
    open_markets(client)
    for _ in range(3):
        place(client, demo_headers, price="385.00", quantity="1")
        housekeeping(mock_state(client))
    first = client.get(
        f"{API}/transactions", headers=demo_headers, params={"limit": 2, "instrument": "HSBK"}
    ).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = client.get(
        f"{API}/transactions",
        headers=demo_headers,
        params={"limit": 2, "instrument": "HSBK", "cursor": first["next_cursor"]},
    ).json()
    assert len(rest["items"]) >= 1
    assert not {t["id"] for t in first["items"]} & {t["id"] for t in rest["items"]}


def test_mock_fill_and_reject_controls(client: TestClient, demo_headers: dict[str, str]) -> None:
    use_fake_market(client)
    order = place(client, demo_headers, price="380.00", quantity="10")
    bad = client.post(f"/mock/orders/{order['id']}/fill", json={"quantity": "11"})
    assert bad.status_code == 422
    assert bad.json()["error"]["details"]["fields"] == {"quantity": "quantity_above_remaining"}
    assert client.post(f"/mock/orders/{order['id']}/fill", json={"price": "0"}).status_code == 422
    part = client.post(f"/mock/orders/{order['id']}/fill", json={"quantity": "4"}).json()
    # The ask (385.00) is above the limit: a forced fill still honours the limit.
    assert (part["status"], part["filled_quantity"], part["average_fill_price"]) == (
        "partially_filled",
        "4",
        "380.00",
    )
    rejected = client.post(f"/mock/orders/{order['id']}/reject", json={"reason": "risk limit"})
    assert rejected.status_code == 200
    assert (rejected.json()["status"], rejected.json()["reject_reason"]) == (
        "rejected",
        "risk limit",
    )
    closed = client.post(f"/mock/orders/{order['id']}/fill")
    assert closed.status_code == 409
    assert client.post(f"/mock/orders/{order['id']}/reject").status_code == 409
    assert client.post("/mock/orders/ord_nothing/fill").status_code == 404
    assert client.post("/mock/orders/ord_nothing/reject").status_code == 404
    assert client.post(f"/mock/orders/{order['id']}/reject", json={"why": "x"}).status_code == 422
