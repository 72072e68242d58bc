"""`/portfolio` and `/portfolio/history`: values, totals that add up, and who may read them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from testkit import BROKER, DEMO, login, make_config, mock_state

from cesec_desktop.mockserver.app import create_app

API = "/api/v1"
CENT = Decimal("0.01")
Headers = dict[str, str]


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[TestClient, Headers]]:
    """One backend for the reads: none of these tests changes anything."""
    with TestClient(create_app(make_config())) as client:
        yield client, login(client, DEMO)


def _get(client: TestClient, headers: Headers, path: str = "/portfolio", **params: Any) -> Any:
    return client.get(f"{API}{path}", headers=headers, params=params)


def _kzt(amount: str, currency: str, rate: Decimal) -> Decimal:
    return Decimal(amount) * (rate if currency == "USD" else 1)


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def test_portfolio_lists_positions_and_cash_of_every_account(
    shared: tuple[TestClient, Headers],
) -> None:
    client, headers = shared
    response = _get(client, headers)
    assert response.status_code == 200
    body = response.json()
    assert body["account_id"] is None
    held = {(p["account_id"], p["instrument_id"]) for p in body["positions"]}
    assert ("acc_demo_kzt", "KASE:HSBK") in held
    assert ("acc_demo_usd", "INTL:AAPL") in held
    assert len(held) == 11
    cash = {(c["account_id"], c["currency"]) for c in body["cash"]}
    assert cash == {("acc_demo_kzt", "KZT"), ("acc_demo_kzt", "USD"), ("acc_demo_usd", "USD")}
    hsbk = next(p for p in body["positions"] if p["instrument_id"] == "KASE:HSBK")
    assert (hsbk["ticker"], hsbk["name"], hsbk["currency"]) == ("HSBK", "Halyk Bank", "KZT")
    assert (hsbk["quantity"], hsbk["average_price"]) == ("1200", "352.10")
    # Every money figure is a decimal string, never a JSON number.
    for key in ("quantity", "available", "last_price", "value", "unrealized_pnl"):
        assert isinstance(hsbk[key], str)


def test_position_value_and_pnl_follow_the_last_price(
    shared: tuple[TestClient, Headers],
) -> None:
    client, headers = shared
    for p in _get(client, headers).json()["positions"]:
        quantity, last = Decimal(p["quantity"]), Decimal(p["last_price"])
        average = Decimal(p["average_price"])
        if p["instrument_id"] == "KASE:KFUSb11":
            # A bond's price is % of its 1,000 KZT face value.
            value, cost = last / 100 * 1000 * quantity, average / 100 * 1000 * quantity
        else:
            value, cost = last * quantity, average * quantity
        assert Decimal(p["value"]) == _round(value)
        assert Decimal(p["unrealized_pnl"]) == _round(value) - _round(cost)
        assert Decimal(p["unrealized_pnl_pct"]) == _round(
            (_round(value) - _round(cost)) / _round(cost) * 100
        )


def test_totals_equal_the_sum_of_the_rows(shared: tuple[TestClient, Headers]) -> None:
    client, headers = shared
    for params in ({}, {"account_id": "acc_demo_kzt"}, {"account_id": "acc_demo_usd"}):
        body = _get(client, headers, **params).json()
        rate = Decimal(body["fx_rates"]["USDKZT"])
        assert rate > 100
        totals = body["totals"]
        securities = _round(
            sum((_kzt(p["value"], p["currency"], rate) for p in body["positions"]), Decimal(0))
        )
        cash = _round(
            sum((_kzt(c["balance"], c["currency"], rate) for c in body["cash"]), Decimal(0))
        )
        assert totals["currency"] == "KZT"
        assert Decimal(totals["securities_value"]) == securities
        assert Decimal(totals["cash_value"]) == cash
        assert Decimal(totals["total_value"]) == securities + cash
        for c in body["cash"]:
            assert Decimal(c["available"]) + Decimal(c["blocked"]) == Decimal(c["balance"])


def test_last_price_is_the_live_quote(client: TestClient, demo_headers: Headers) -> None:
    market = mock_state(client).require_market()
    step = getattr(market, "step", None)
    if step is not None:
        step(200)
    body = _get(client, demo_headers).json()
    rate = Decimal(body["fx_rates"]["USDKZT"])
    change = Decimal(0)
    for p in body["positions"]:
        quote = market.quote(p["instrument_id"])
        assert quote is not None
        assert Decimal(p["last_price"]) == quote.last
        bond = p["instrument_id"] == "KASE:KFUSb11"
        per_unit = (quote.last - quote.prev_close) * (10 if bond else 1)
        change += per_unit * Decimal(p["quantity"]) * (rate if p["currency"] == "USD" else 1)
    totals = body["totals"]
    assert Decimal(totals["day_change"]) == _round(change)
    previous = Decimal(totals["total_value"]) - Decimal(totals["day_change"])
    assert Decimal(totals["day_change_pct"]) == _round(
        Decimal(totals["day_change"]) / previous * 100
    )


def test_one_account_and_unknown_accounts(shared: tuple[TestClient, Headers]) -> None:
    client, headers = shared
    body = _get(client, headers, account_id="acc_demo_usd").json()
    assert body["account_id"] == "acc_demo_usd"
    assert {p["account_id"] for p in body["positions"]} == {"acc_demo_usd"}
    assert {c["account_id"] for c in body["cash"]} == {"acc_demo_usd"}
    for account in ("acc_nope", "acc_aigerim_kzt"):
        response = _get(client, headers, account_id=account)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_open_orders_and_withdrawals_show_as_blocked_cash(
    shared: tuple[TestClient, Headers],
) -> None:
    client, headers = shared
    cash = _get(client, headers, account_id="acc_demo_kzt").json()["cash"]
    kzt = next(c for c in cash if c["currency"] == "KZT")
    # The seed leaves two resting buys and one withdrawal in processing.
    assert Decimal(kzt["blocked"]) > 0
    assert Decimal(kzt["balance"]) == Decimal("2500000.00")
    # A reserve (price × quantity + fee) is blocked in whole tiyn, so available cash is a
    # money amount too, never "20103.0845".
    for row in cash:
        for field in ("blocked", "available"):
            assert Decimal(row[field]).as_tuple().exponent >= -2, (field, row[field])


def test_a_broker_reads_a_clients_portfolio(shared: tuple[TestClient, Headers]) -> None:
    client, _ = shared
    broker = login(client, BROKER)
    response = _get(client, broker, client_id="usr_aigerim")
    assert response.status_code == 200
    assert {p["instrument_id"] for p in response.json()["positions"]} == {
        "KASE:KMGZ",
        "KASE:AIRA",
        "INTL:KO",
    }
    history = _get(client, broker, "/portfolio/history", client_id="usr_aigerim")
    assert history.status_code == 200
    unassigned = _get(client, broker, client_id="usr_expired")
    assert unassigned.status_code == 403
    assert unassigned.json()["error"]["code"] == "forbidden"
    missing = _get(client, broker)
    assert missing.status_code == 422
    assert missing.json()["error"]["details"]["fields"] == {"client_id": "required"}
    write = client.post(
        f"{API}/instructions/drafts",
        headers=broker,
        json={
            "account_id": "acc_demo_kzt",
            "currency": "KZT",
            "amount": "1",
            "recipient_iin": "880607300110",
            "iban": "KZ476010131000179714",
            "bic": "HSBKKZKX",
        },
    )
    assert write.status_code == 403


def test_a_client_may_not_read_another_client(shared: tuple[TestClient, Headers]) -> None:
    client, headers = shared
    response = _get(client, headers, client_id="usr_aigerim")
    assert response.status_code == 403
    assert _get(client, headers, client_id="usr_demo").status_code == 200
    assert client.get(f"{API}/portfolio").status_code == 401


def test_history_has_a_point_per_trading_day_and_ends_live(
    shared: tuple[TestClient, Headers],
) -> None:
    client, headers = shared
    today = mock_state(client).clock.today()
    response = _get(client, headers, "/portfolio/history")
    assert response.status_code == 200
    body = response.json()
    assert body["currency"] == "KZT"
    days = [date.fromisoformat(p["date"]) for p in body["items"]]
    assert days == sorted(set(days))
    assert days[-1] == today
    assert all(d.weekday() < 5 for d in days[:-1])
    assert today - timedelta(days=180) <= days[0] <= today - timedelta(days=170)
    assert 120 <= len(days) <= 131
    live = _get(client, headers).json()["totals"]["total_value"]
    assert body["items"][-1]["value"] == live
    assert all(Decimal(p["value"]) > 0 for p in body["items"])


def test_history_prices_holdings_at_each_days_close(
    shared: tuple[TestClient, Headers],
) -> None:
    client, headers = shared
    state = mock_state(client)
    portfolio = _get(client, headers, account_id="acc_demo_kzt").json()
    day = state.conn.execute(
        "SELECT MAX(day) FROM daily_bars WHERE instrument_id = 'KASE:HSBK' AND day < ?",
        (state.clock.today().isoformat(),),
    ).fetchone()[0]
    if day is None:
        pytest.skip("no daily bars seeded")
    expected = Decimal(portfolio["totals"]["cash_value"])
    for p in portfolio["positions"]:
        close = state.conn.execute(
            "SELECT close FROM daily_bars WHERE instrument_id = ? AND day <= ? "
            "ORDER BY day DESC LIMIT 1",
            (p["instrument_id"], day),
        ).fetchone()[0]
        per_unit = Decimal(close) * (10 if p["instrument_id"] == "KASE:KFUSb11" else 1)
        expected += per_unit * Decimal(p["quantity"])
    items = _get(
        client, headers, "/portfolio/history", account_id="acc_demo_kzt", **{"from": day, "to": day}
    ).json()["items"]
    assert items == [{"date": day, "value": str(_round(expected))}]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-03-01", "to": "2026-02-01"}, "from"),
        ({"from": "1990-01-01"}, "from"),
        ({"to": "not-a-date"}, "to"),
    ],
)
def test_history_bad_ranges_are_422(
    shared: tuple[TestClient, Headers], params: dict[str, str], field: str
) -> None:
    client, headers = shared
    response = _get(client, headers, "/portfolio/history", **params)
    assert response.status_code == 422
    assert field in response.json()["error"]["details"]["fields"]


def test_history_of_the_future_is_empty_and_far_dates_do_not_break(
    shared: tuple[TestClient, Headers],
) -> None:
    client, headers = shared
    for params in ({"from": "2999-01-01"}, {"from": "0001-01-01", "to": "0001-01-02"}):
        assert _get(client, headers, "/portfolio/history", **params).json()["items"] == []
    response = _get(client, headers, "/portfolio/history", to="9999-12-31")
    assert response.status_code == 200
    assert response.json()["items"][-1]["date"] == mock_state(client).clock.today().isoformat()
    assert _get(client, headers, "/portfolio/history", account_id="acc_x").status_code == 404
