"""A restart with the same database file keeps every change and does not reseed."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from testkit import DEMO, login, make_config

from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.db import get_meta


def test_restart_keeps_password_change_and_seed(tmp_path: Path) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    with TestClient(create_app(make_config(db_path=db_path))) as first:
        headers = login(first, DEMO)
        changed = first.post(
            "/api/v1/auth/password",
            headers=headers,
            json={"old_password": DEMO[1], "new_password": "Kept#2027"},
        )
        assert changed.status_code == 204
        seeded_at = get_meta(first.app.state.mock.conn, "seeded")

    with TestClient(create_app(make_config(db_path=db_path))) as second:
        assert get_meta(second.app.state.mock.conn, "seeded") == seeded_at
        old = second.post("/api/v1/auth/login", json={"login": "demo", "password": DEMO[1]})
        assert old.status_code == 401
        assert login(second, ("demo", "Kept#2027"))


def _sign_by_sms(client: TestClient, headers: dict[str, str], draft_id: str) -> dict[str, str]:
    challenge = client.post(
        "/api/v1/sms-challenges", headers=headers, json={"draft_id": draft_id}
    ).json()
    code = client.get("/mock/sms-outbox").json()["items"][0]["code"]
    return {"method": "sms", "challenge_id": challenge["challenge_id"], "code": code}


def test_restart_keeps_orders_and_instructions(tmp_path: Path) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    with TestClient(create_app(make_config(db_path=db_path))) as first:
        headers = login(first, DEMO)
        draft = first.post(
            "/api/v1/orders/drafts",
            headers=headers,
            json={
                "account_id": "acc_demo_kzt",
                "instrument_id": "KASE:HSBK",
                "side": "buy",
                "type": "limit",
                "price": "300.00",
                "quantity": "10",
            },
        ).json()
        order = first.post(
            "/api/v1/orders",
            headers=headers,
            json={
                "draft_id": draft["draft_id"],
                "signature": _sign_by_sms(first, headers, draft["draft_id"]),
            },
        ).json()
        w_draft = first.post(
            "/api/v1/instructions/drafts",
            headers=headers,
            json={
                "account_id": "acc_demo_kzt",
                "currency": "KZT",
                "amount": "1000.00",
                "recipient_iin": "880607300110",
                "iban": "KZ476010131000179714",
                "bic": "HSBKKZKX",
            },
        ).json()
        instruction = first.post(
            "/api/v1/instructions",
            headers=headers,
            json={
                "draft_id": w_draft["draft_id"],
                "signature": _sign_by_sms(first, headers, w_draft["draft_id"]),
            },
        ).json()

    with TestClient(create_app(make_config(db_path=db_path))) as second:
        headers = login(second, DEMO)
        kept_order = second.get(f"/api/v1/orders/{order['id']}", headers=headers).json()
        assert kept_order["number"] == order["number"]
        assert kept_order["price"] == "300.00"
        kept = second.get(f"/api/v1/instructions/{instruction['id']}", headers=headers).json()
        assert kept["amount"] == "1000.00" and kept["number"] == instruction["number"]
