"""A restart with the same database file keeps every change and does not reseed."""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest
from fastapi.testclient import TestClient
from testkit import DEMO, login, make_config

from cesec_desktop.mockserver import seed
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.db import get_meta


def _change_demo_password(client: TestClient) -> None:
    changed = client.post(
        "/api/v1/auth/password",
        headers=login(client, DEMO),
        json={"old_password": DEMO[1], "new_password": "Kept#2027"},
    )
    assert changed.status_code == 204


def test_restart_keeps_password_change_and_seed(tmp_path: Path) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    with TestClient(create_app(make_config(db_path=db_path))) as first:
        _change_demo_password(first)
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


def test_a_database_from_before_the_new_demo_users_gets_them_and_keeps_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    # An older version seeded the world without the second-factor and initial-password users.
    older = tuple(user for user in seed.SEED_USERS if user.login not in ("twofa", "fresh"))
    with monkeypatch.context() as patch:
        patch.setattr(seed, "SEED_USERS", older)
        with TestClient(create_app(make_config(db_path=db_path))) as first:
            assert login_status(first, ("twofa", "Twofa#2026")) == 401
            _change_demo_password(first)

    with TestClient(create_app(make_config(db_path=db_path))) as second:
        # What the older database held is kept: the demo user's new password.
        assert login_status(second, DEMO) == 401
        assert login(second, ("demo", "Kept#2027"))
        # The authenticator user is there with its secret: a password, then a TOTP code.
        answer = second.post(
            "/api/v1/auth/login", json={"login": "twofa", "password": "Twofa#2026"}
        ).json()
        assert answer["second_factor_required"] is True
        now = second.app.state.mock.clock.now()
        verified = second.post(
            "/api/v1/auth/second-factor",
            json={
                "challenge_id": answer["challenge_id"],
                "method": "totp",
                "code": pyotp.TOTP(seed.TWOFA_SECRET).at(now),
                "remember_device": False,
            },
        )
        assert verified.status_code == 200, verified.text
        twofa = {"Authorization": f"Bearer {verified.json()['access_token']}"}
        accounts = second.get("/api/v1/accounts", headers=twofa).json()
        assert len(accounts) == 2
        # The broker-issued password must be changed first.
        fresh = second.post(
            "/api/v1/auth/login", json={"login": "fresh", "password": "Fresh#2026"}
        ).json()
        assert fresh["password_change_required"] is True
        assert fresh["password_change_reason"] == "initial"

    # A third start adds nothing twice.
    with TestClient(create_app(make_config(db_path=db_path))) as third:
        count = third.app.state.mock.conn.execute(
            "SELECT COUNT(*) AS n FROM users WHERE login IN ('twofa', 'fresh')"
        ).fetchone()
        assert count["n"] == 2


def login_status(client: TestClient, credentials: tuple[str, str]) -> int:
    response = client.post(
        "/api/v1/auth/login", json={"login": credentials[0], "password": credentials[1]}
    )
    return response.status_code
