"""`/me`, `/accounts`, `/clients` and what a broker may read and not write."""

from __future__ import annotations

from fastapi.testclient import TestClient
from testkit import BROKER, login


def test_me_has_profile_and_accounts(client: TestClient, demo_headers: dict[str, str]) -> None:
    me = client.get("/api/v1/me", headers=demo_headers).json()
    assert me["role"] == "client"
    assert me["iin"] == "880607300110"
    assert me["phone_masked"] == "+7 701 *** ** 67"
    assert {a["currency"] for a in me["accounts"]} == {"KZT", "USD"}


def test_accounts_list(client: TestClient, demo_headers: dict[str, str]) -> None:
    items = client.get("/api/v1/accounts", headers=demo_headers).json()["items"]
    assert [a["id"] for a in items] == ["acc_demo_kzt", "acc_demo_usd"]


def test_clients_is_for_brokers_only(client: TestClient, demo_headers: dict[str, str]) -> None:
    response = client.get("/api/v1/clients", headers=demo_headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_broker_reads_assigned_clients_only(client: TestClient) -> None:
    headers = login(client, BROKER)
    me = client.get("/api/v1/me", headers=headers).json()
    assert me["role"] == "broker" and me["accounts"] == []
    clients = client.get("/api/v1/clients", headers=headers).json()["items"]
    assert len(clients) >= 3
    ids = {c["id"] for c in clients}
    assert "usr_demo" in ids
    for c in clients:
        accounts = client.get(
            "/api/v1/accounts", headers=headers, params={"client_id": c["id"]}
        ).json()["items"]
        assert [a["id"] for a in accounts] == [a["id"] for a in c["accounts"]]

    other = client.get("/api/v1/accounts", headers=headers, params={"client_id": "usr_expired"})
    assert other.status_code == 403
    missing = client.get("/api/v1/accounts", headers=headers)
    assert missing.status_code == 422


def test_client_cannot_read_another_client(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    response = client.get(
        "/api/v1/accounts", headers=demo_headers, params={"client_id": "usr_olga"}
    )
    assert response.status_code == 403
    own = client.get("/api/v1/accounts", headers=demo_headers, params={"client_id": "usr_demo"})
    assert own.status_code == 200


def test_broker_may_not_trade(client: TestClient) -> None:
    headers = login(client, BROKER)
    response = client.post("/api/v1/sms-challenges", headers=headers, json={"draft_id": "drf_x"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
