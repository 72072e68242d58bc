"""Each shipped scenario starts through the CLI's parse path and `create_app`, and a client
sees its world through the API: logins, money, blocks, markets, books and timelines."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_orders import draft, housekeeping
from testkit import BROKER, DEMO, login, make_config, mock_state

from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.cli import parse_args

API = "/api/v1"


@contextmanager
def scenario_client(name: str, *flags: str, **overrides: Any) -> Iterator[TestClient]:
    """A mock started as `cesec-mock-backend --scenario NAME` would be (small, frozen)."""
    args = parse_args(["--scenario", name, *flags])
    assert args.scenario_source is not None
    config = make_config(scenario=args.scenario_source, **overrides)
    with TestClient(create_app(config)) as client:
        yield client


def sign_in(client: TestClient, credentials: tuple[str, str] = DEMO) -> dict[str, Any]:
    response = client.post(
        f"{API}/auth/login", json={"login": credentials[0], "password": credentials[1]}
    )
    return {"status": response.status_code, **response.json()}


def cash(client: TestClient, headers: dict[str, str]) -> dict[tuple[str, str], dict[str, str]]:
    portfolio = client.get(f"{API}/portfolio", headers=headers).json()
    return {(c["account_id"], c["currency"]): c for c in portfolio["cash"]}


def test_fresh_client_must_change_the_initial_password_and_has_nothing() -> None:
    with scenario_client("fresh-client") as client:
        signed = sign_in(client)
        assert signed["status"] == 200 and signed["password_change_required"] is True
        headers = {"Authorization": f"Bearer {signed['access_token']}"}
        assert client.get(f"{API}/portfolio", headers=headers).status_code == 403
        changed = client.post(
            f"{API}/auth/password",
            headers=headers,
            json={"old_password": DEMO[1], "new_password": "Started#2027"},
        )
        assert changed.status_code == 204
        headers = login(client, ("demo", "Started#2027"))
        portfolio = client.get(f"{API}/portfolio", headers=headers).json()
        assert portfolio["positions"] == []
        assert {Decimal(c["balance"]) for c in portfolio["cash"]} == {Decimal(0)}
        assert Decimal(portfolio["totals"]["total_value"]) == 0
        for listing in ("orders", "transactions", "instructions"):
            assert client.get(f"{API}/{listing}", headers=headers).json()["items"] == []


def test_rich_client_holds_hundreds_of_millions_with_consistent_blocks() -> None:
    with scenario_client("rich-client") as client:
        headers = login(client)
        portfolio = client.get(f"{API}/portfolio", headers=headers).json()
        assert Decimal(portfolio["totals"]["total_value"]) > Decimal("500000000")
        assert len(portfolio["positions"]) == 15
        balances = cash(client, headers)
        kzt = balances["acc_demo_kzt", "KZT"]
        # The resting Kaspi buy blocks cash; the HSBK sell blocks securities.
        assert Decimal(kzt["blocked"]) > 0
        assert Decimal(kzt["available"]) == Decimal(kzt["balance"]) - Decimal(kzt["blocked"])
        usd = balances["acc_demo_usd", "USD"]
        assert Decimal(usd["blocked"]) == Decimal("50000.00")
        hsbk = next(p for p in portfolio["positions"] if p["instrument_id"] == "KASE:HSBK")
        assert Decimal(hsbk["quantity"]) - Decimal(hsbk["available"]) == 20000
        page = client.get(f"{API}/transactions", headers=headers, params={"limit": 5000}).json()
        assert len(page["items"]) == 3000 and page["next_cursor"] is None


def test_expired_password_login_asks_for_a_change() -> None:
    with scenario_client("expired-password") as client:
        signed = sign_in(client)
        assert signed["status"] == 200 and signed["password_change_required"] is True
        headers = {"Authorization": f"Bearer {signed['access_token']}"}
        refused = client.get(f"{API}/portfolio", headers=headers)
        assert refused.json()["error"]["code"] == "password_expired"


def test_locked_account_refuses_the_right_password_until_the_lock_ends() -> None:
    with scenario_client("locked-account") as client:
        signed = sign_in(client)
        assert signed["status"] == 423 and signed["error"]["code"] == "account_locked"
        mock_state(client).clock.advance(61 * 60)
        assert sign_in(client)["status"] == 200


def test_market_closed_refuses_market_orders_and_takes_limit_orders() -> None:
    with scenario_client("market-closed") as client:
        headers = login(client)
        markets = client.get(f"{API}/markets", headers=headers).json()["items"]
        assert [m["is_open"] for m in markets] == [False, False, False]
        refused = draft(client, headers, type="market", price=None)
        assert refused.status_code == 422
        assert refused.json()["error"]["details"]["fields"]["type"] == "market_closed"
        assert draft(client, headers).status_code == 201


@pytest.mark.slow
def test_big_history_pages_through_a_hundred_thousand_deals() -> None:
    with scenario_client("big-history") as client:
        headers = login(client)
        count, cursor = 0, None
        while True:
            params: dict[str, Any] = {"limit": 5000}
            if cursor:
                params["cursor"] = cursor
            page = client.get(f"{API}/transactions", headers=headers, params=params).json()
            count += len(page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert count == 100_000


def test_broker_book_watches_two_thousand_clients() -> None:
    with scenario_client("broker-book") as client:
        headers = login(client, BROKER)
        clients = client.get(f"{API}/clients", headers=headers).json()["items"]
        assert len(clients) == 2000
        assert sign_in(client, ("client01996", "Client#2026"))["status"] == 200


def test_flaky_network_turns_its_faults_on_at_their_times() -> None:
    with scenario_client("flaky-network") as client:
        state = mock_state(client)
        faults = lambda: client.get("/mock/faults").json()  # noqa: E731
        housekeeping(state, 29)
        assert faults()["stream_down"] is False
        housekeeping(state, 2)  # +31 s
        assert faults()["stream_down"] is True
        housekeeping(state, 10)  # +41 s: the outage was for 10 s
        assert faults()["stream_down"] is False
        assert faults()["error_rate"] == 0
        housekeeping(state, 20)  # +61 s
        now = faults()
        assert now["error_rate"] == 0.2 and now["error_path"] == "POST /api/v1/orders"
        assert now["crash_after_commit"] == 0
        housekeeping(state, 30)  # +91 s
        assert faults()["crash_after_commit"] == 1
        housekeeping(state, 10)  # +101 s
        assert faults()["latency_ms"] == 1500
        kinds = [kind for _, kind in state.scenario_timeline.fired]
        assert kinds == ["fault"] * 4


def _kaspi_order(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    orders = client.get(f"{API}/orders", headers=headers).json()["items"]
    (order,) = [o for o in orders if o["instrument_id"] == "KASE:KSPI"]
    return order


def test_limit_down_fills_the_resting_buy_once_the_price_falls() -> None:
    with scenario_client("limit-down") as client:
        state = mock_state(client)
        headers = login(client)
        before = _kaspi_order(client, headers)
        assert before["status"] == "active" and before["type"] == "limit"
        kzt = cash(client, headers)["acc_demo_kzt", "KZT"]
        assert Decimal(kzt["blocked"]) > 0
        housekeeping(state, 19)
        assert _kaspi_order(client, headers)["status"] == "active"
        housekeeping(state, 2)  # +21 s: Kaspi is 8 % down, through the 5 % limit
        after = _kaspi_order(client, headers)
        assert after["status"] == "filled"
        assert Decimal(after["average_fill_price"]) <= Decimal(after["price"])
        kaspi = next(
            p
            for p in client.get(f"{API}/portfolio", headers=headers).json()["positions"]
            if p["instrument_id"] == "KASE:KSPI"
        )
        assert Decimal(kaspi["quantity"]) == 35
        assert Decimal(cash(client, headers)["acc_demo_kzt", "KZT"]["blocked"]) == 0


def test_withdrawal_rejected_releases_its_block() -> None:
    with scenario_client("withdrawal-rejected") as client:
        state = mock_state(client)
        headers = login(client)
        (instruction,) = client.get(f"{API}/instructions", headers=headers).json()["items"]
        assert instruction["status"] == "processing" and instruction["amount"] == "250000.00"
        kzt = cash(client, headers)["acc_demo_kzt", "KZT"]
        assert kzt["available"] == "750000.00" and kzt["blocked"] == "250000.00"
        housekeeping(state, 31)
        (instruction,) = client.get(f"{API}/instructions", headers=headers).json()["items"]
        assert instruction["status"] == "rejected"
        assert "Recipient details do not match" in instruction["reject_reason"]
        kzt = cash(client, headers)["acc_demo_kzt", "KZT"]
        assert kzt["available"] == kzt["balance"] == "1000000.00"


def test_the_back_office_moving_first_cannot_beat_the_timeline() -> None:
    """A clock jumped past both the timeline's rejection and the back office's own execution
    runs the timeline first: the payout is rejected, not executed."""
    with scenario_client("withdrawal-rejected", auto_advance_instructions=True) as client:
        state = mock_state(client)
        housekeeping(state, 600)
        row = state.conn.execute(
            "SELECT status FROM instructions WHERE user_id = 'usr_demo'"
        ).fetchone()
        assert row["status"] == "rejected"
