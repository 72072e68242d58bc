"""`GET /mock`, `GET /mock/orders` and `GET /mock/instructions`: what a tester's panel lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_instructions import _withdraw
from test_orders import place
from testkit import login, make_config

from cesec_desktop import __version__
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.state import ServerState

NURLAN = ("nurlan", "Nurlan#2026")


@pytest.fixture(scope="module")
def untouched() -> Iterator[TestClient]:
    """One backend for the refused queries: they change nothing."""
    with TestClient(create_app(make_config())) as client:
        yield client


def test_the_mock_says_what_it_is(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert client.get("/mock").json() == {"mock": True, "version": __version__, "scenario": None}
    # The state names the scenario its world comes from.
    named = property(lambda _: "rich-client")
    monkeypatch.setattr(ServerState, "scenario_name", named, raising=False)
    assert client.get("/mock").json()["scenario"] == "rich-client"


def newest_first(items: list[dict[str, Any]]) -> bool:
    times = [item["created_at"] for item in items]
    return times == sorted(times, reverse=True)


def test_orders_of_every_client_newest_first(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    nurlan = login(client, NURLAN)
    mine = place(client, demo_headers, price="380.00", quantity="10")
    theirs = place(client, nurlan, account_id="acc_nurlan_kzt", price="381.00", quantity="20")
    listed = client.get("/mock/orders").json()["items"]
    assert newest_first(listed)
    assert all(o["status"] in ("new", "active", "partially_filled") for o in listed)
    assert [o["id"] for o in listed[:2]] == [theirs["id"], mine["id"]]
    assert listed[0] == {
        "id": theirs["id"],
        "client_id": "usr_nurlan",
        "login": "nurlan",
        "instrument_id": "KASE:HSBK",
        "side": "buy",
        "order_type": "limit",
        "quantity": "20",
        "filled_quantity": "0",
        "price": "381.00",
        "status": "new",
        "created_at": listed[0]["created_at"],
    }
    # A rejected order is no longer open, but "all" still lists it.
    client.post(f"/mock/orders/{theirs['id']}/reject", json={"reason": "test"})
    open_ids = {
        o["id"] for o in client.get("/mock/orders", params={"status": "open"}).json()["items"]
    }
    assert theirs["id"] not in open_ids and mine["id"] in open_ids
    everything = client.get("/mock/orders", params={"status": "all", "limit": 1000}).json()["items"]
    assert newest_first(everything)
    assert {o["status"] for o in everything} >= {"filled", "rejected", "active"}
    assert len(everything) > len(open_ids)
    assert (
        len(client.get("/mock/orders", params={"status": "all", "limit": 3}).json()["items"]) == 3
    )


def test_instructions_in_progress_newest_first(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    made = _withdraw(client, demo_headers, amount="12345.67")
    listed = client.get("/mock/instructions").json()["items"]
    assert newest_first(listed)
    assert all(i["status"] in ("new", "processing") for i in listed)
    assert listed[0] == {
        "id": made["id"],
        "client_id": "usr_demo",
        "login": "demo",
        "kind": "withdrawal",
        "amount": "12345.67",
        "currency": "KZT",
        "status": "new",
        "created_at": listed[0]["created_at"],
    }
    client.post(f"/mock/instructions/{made['id']}/advance", json={"status": "executed"})
    in_progress = client.get("/mock/instructions", params={"status": "in_progress"}).json()
    assert made["id"] not in {i["id"] for i in in_progress["items"]}
    everything = client.get("/mock/instructions", params={"status": "all"}).json()["items"]
    assert newest_first(everything)
    executed = next(i for i in everything if i["id"] == made["id"])
    assert executed["status"] == "executed"


@pytest.mark.parametrize("path", ["/mock/orders", "/mock/instructions"])
@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 1001}, {"status": "closed"}, {"limit": "many"}]
)
def test_bad_list_queries_are_refused(
    untouched: TestClient, path: str, params: dict[str, object]
) -> None:
    response = untouched.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"
