"""`/mock/scenarios`, `/mock/scenario` and `/mock/reset` with a scenario loaded."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from test_orders import housekeeping
from testkit import login, mock_state

from cesec_desktop.domain.enums import Market
from cesec_desktop.mockserver.scenario_catalogue import catalogue_dir

API = "/api/v1"
ROOT = Path(__file__).resolve().parents[2]


def test_the_catalogue_lists_every_shipped_scenario_with_its_purpose(client: TestClient) -> None:
    assert catalogue_dir() == ROOT / "scenarios"
    items = client.get("/mock/scenarios").json()["items"]
    assert [i["name"] for i in items] == sorted(p.stem for p in (ROOT / "scenarios").glob("*.toml"))
    assert {
        "fresh-client",
        "rich-client",
        "expired-password",
        "locked-account",
        "market-closed",
        "big-history",
        "flaky-network",
        "limit-down",
        "broker-book",
        "withdrawal-rejected",
    } <= {i["name"] for i in items}
    assert all(i["purpose"] and "\n" not in i["purpose"] for i in items)


def test_the_plain_seed_has_no_scenario(client: TestClient) -> None:
    assert client.get("/mock/scenario").json() == {
        "name": None,
        "purpose": None,
        "loaded_at": None,
    }
    assert client.get("/mock").json()["scenario"] is None


def _kaspi(client: TestClient, headers: dict[str, str]) -> dict[str, str]:
    orders = client.get(f"{API}/orders", headers=headers).json()["items"]
    (order,) = [o for o in orders if o["instrument_id"] == "KASE:KSPI"]
    return order


def test_loading_by_name_replaces_the_world_and_reset_returns_to_it(client: TestClient) -> None:
    loaded = client.post("/mock/scenario", json={"name": "limit-down"})
    assert loaded.status_code == 200, loaded.text
    info = loaded.json()
    assert info["name"] == "limit-down" and info["purpose"].startswith("KASE:KSPI falls")
    assert info["loaded_at"] is not None
    assert client.get("/mock").json()["scenario"] == "limit-down"
    assert client.get("/mock/scenario").json() == info
    state = mock_state(client)
    headers = login(client)
    order = _kaspi(client, headers)
    assert order["status"] == "active"
    # The tester changes the world: the order is cancelled, the timeline has run, a fault is on.
    cancelled = client.post(f"{API}/orders/{order['id']}/cancel", headers=headers)
    assert cancelled.json()["status"] == "cancelled"
    housekeeping(state, 30)
    assert state.scenario_timeline.fired
    client.post("/mock/faults", json={"latency_ms": 5})
    reset = client.post("/mock/reset")
    assert reset.status_code == 200
    # Back to the scenario's start: its order rests again and its timeline starts over.
    headers = login(client)
    again = _kaspi(client, headers)
    assert again["status"] == "active" and again["id"] != order["id"]
    assert state.scenario_timeline.fired == []
    assert client.get("/mock/faults").json()["latency_ms"] == 0
    assert client.get("/mock/scenario").json()["name"] == "limit-down"
    housekeeping(state, 21)
    assert _kaspi(client, headers)["status"] == "filled"


def test_a_later_scenario_starts_from_the_servers_own_settings(client: TestClient) -> None:
    client.post("/mock/scenario", json={"name": "market-closed"})
    assert client.get("/mock/market-hours").json()["open_now"] == {
        "KASE": False,
        "AIX": False,
        "INTL": False,
    }
    client.post("/mock/scenario", json={"name": "expired-password"})
    # The test server holds markets open (testkit); market-closed's modes are gone.
    hours = client.get("/mock/market-hours").json()
    assert hours["always_open"] is True and set(hours["modes"].values()) == {"auto"}


def test_a_file_text_loads_and_errors_name_their_line(client: TestClient) -> None:
    text = 'name = "mine"\npurpose = "Mine."\n[[users]]\nlogin = "zed"\npassword = "Zed#20270"\n'
    loaded = client.post("/mock/scenario", json={"toml": text})
    assert loaded.json()["name"] == "mine"
    assert login(client, ("zed", "Zed#20270"))

    unknown = client.post("/mock/scenario", json={"name": "no-such"})
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"

    broken = client.post("/mock/scenario", json={"toml": text.replace('"Zed#20270"', '"zed"')})
    assert broken.status_code == 422
    error = broken.json()["error"]
    assert error["code"] == "invalid_scenario"
    assert error["message"].startswith("line 5: users[0].password: the password breaks")
    assert error["details"]["problems"] == [error["message"]]

    syntax = client.post("/mock/scenario", json={"toml": "name = \n"})
    assert syntax.json()["error"]["message"] == "line 1: column 8: Invalid value"

    both = client.post("/mock/scenario", json={"name": "x", "toml": text})
    assert both.status_code == 422


def test_a_scenario_that_does_not_fit_the_world_leaves_the_old_one(client: TestClient) -> None:
    client.post("/mock/scenario", json={"name": "withdrawal-rejected"})
    state = mock_state(client)
    before = state.conn.execute("SELECT COUNT(*) FROM transactions").fetchone()[0]
    text = (
        'name = "greedy"\n'  # 1
        'purpose = "More orders than cash."\n'  # 2
        "[world]\n"  # 3
        "history_size = 7\n"  # 4
        "[market]\n"  # 5
        'modes = { KASE = "closed" }\n'  # 6
        "[[users]]\n"  # 7
        'login = "newbie"\n'  # 8
        "[[users]]\n"  # 9
        'login = "demo"\n'  # 10
        "[[users.accounts]]\n"  # 11
        'currency = "KZT"\n'  # 12
        "cash = { KZT = 100.00 }\n"  # 13
        'orders = [{ instrument = "KASE:KSPI", side = "buy", quantity = 1, price = "1000" }]\n'
    )
    refused = client.post("/mock/scenario", json={"toml": text})
    assert refused.status_code == 422
    assert refused.json()["error"]["details"]["problems"] == [
        "line 7: users[0].password: a new user needs a password",
    ]
    fixed = text.replace('login = "newbie"\n', 'login = "newbie"\npassword = "Newbie#2027"\n')
    refused = client.post("/mock/scenario", json={"toml": fixed})
    (problem,) = refused.json()["error"]["details"]["problems"]
    assert problem.startswith("line 14: users[1].accounts[0].cash: orders and withdrawals block")
    # Nothing changed: the world, the settings and the timeline are withdrawal-rejected's.
    assert client.get("/mock/scenario").json()["name"] == "withdrawal-rejected"
    assert state.conn.execute("SELECT COUNT(*) FROM transactions").fetchone()[0] == before
    assert state.config.history_size == 60 and state.is_open(Market.KASE)
    assert state.scenario_timeline.pending()
    assert state.conn.execute("SELECT 1 FROM users WHERE login = 'newbie'").fetchone() is None
