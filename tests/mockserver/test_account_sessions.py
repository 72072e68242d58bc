"""Sessions (where the user is signed in) and ending them, `/me`'s new fields, and the demo
secrets the mock prints on request."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
import pyotp
import pytest
from fastapi.testclient import TestClient
from testkit import BROKER, DEMO, LiveServer
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from cesec_desktop.mockserver import cli
from cesec_desktop.mockserver.routers import stream as stream_router
from cesec_desktop.mockserver.seed import TWOFA_BACKUP_CODES, TWOFA_SECRET


def sign_in(
    client: TestClient, device: str | None, agent: str | None, credentials: tuple[str, str] = DEMO
) -> dict[str, Any]:
    headers = {}
    if device is not None:
        headers["X-Device-Name"] = device
    if agent is not None:
        headers["User-Agent"] = agent
    response = client.post(
        "/api/v1/auth/login",
        json={"login": credentials[0], "password": credentials[1]},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def listed(client: TestClient, tokens: dict[str, Any]) -> list[dict[str, Any]]:
    response = client.get("/api/v1/auth/sessions", headers=bearer(tokens))
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


def test_sessions_list_the_computers_current_first(client: TestClient) -> None:
    office = sign_in(client, "Office PC", "cesec-desktop/1.4.0 (Windows 11)")
    client.post("/mock/clock", json={"advance_seconds": 60})
    laptop = sign_in(client, "Laptop", "cesec-desktop/1.5.0b1 (macOS 15)")
    sign_in(client, None, None, BROKER)  # someone else's

    items = listed(client, office)
    assert [i["device_name"] for i in items] == ["Office PC", "Laptop"]
    assert [i["current"] for i in items] == [True, False]
    assert items[0]["app_version"] == "1.4.0"
    assert items[1]["app_version"] == "1.5.0b1"
    assert all(i["ip"] for i in items)
    from_laptop = listed(client, laptop)
    assert [i["device_name"] for i in from_laptop] == ["Laptop", "Office PC"]

    unknown = sign_in(client, None, "python-httpx")
    mine = next(i for i in listed(client, unknown) if i["current"])
    assert mine["device_name"] == "Unknown computer"
    assert mine["app_version"] == "unknown"


def test_a_session_keeps_its_identity_across_refreshes(client: TestClient) -> None:
    tokens = sign_in(client, "Office PC", "cesec-desktop/1.4.0 (Windows 11)")
    before = listed(client, tokens)[0]
    client.post("/mock/clock", json={"advance_seconds": 600})
    refreshed = client.post(
        "/api/v1/auth/refresh",
        json={"refresh_token": tokens["refresh_token"]},
        headers={"X-Device-Name": "Other", "User-Agent": "cesec-desktop/9.9.9 (Linux)"},
    )
    assert refreshed.status_code == 200
    after = listed(client, refreshed.json())
    assert len(after) == 1
    assert after[0]["id"] == before["id"]
    assert after[0]["device_name"] == "Office PC"
    assert after[0]["app_version"] == "1.4.0"
    assert after[0]["signed_in_at"] == before["signed_in_at"]
    seen = datetime.fromisoformat(after[0]["last_seen_at"])
    assert seen > datetime.fromisoformat(before["last_seen_at"])


def test_end_one_session_and_all_others(client: TestClient) -> None:
    first = sign_in(client, "One", None)
    second = sign_in(client, "Two", None)
    third = sign_in(client, "Three", None)
    two_id = next(i for i in listed(client, second) if i["current"])["id"]

    assert (
        client.delete(f"/api/v1/auth/sessions/{two_id}", headers=bearer(first)).status_code == 204
    )
    assert client.get("/api/v1/me", headers=bearer(second)).status_code == 401
    gone = client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert gone.status_code == 401
    missing = client.delete(f"/api/v1/auth/sessions/{two_id}", headers=bearer(first))
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    # Another user's session is not found either.
    broker = sign_in(client, None, None, BROKER)
    broker_id = listed(client, broker)[0]["id"]
    assert (
        client.delete(f"/api/v1/auth/sessions/{broker_id}", headers=bearer(first)).status_code
        == 404
    )

    assert client.delete("/api/v1/auth/sessions", headers=bearer(first)).status_code == 422
    ended = client.delete("/api/v1/auth/sessions?others=true", headers=bearer(first))
    assert ended.status_code == 204
    assert client.get("/api/v1/me", headers=bearer(third)).status_code == 401
    assert client.get("/api/v1/me", headers=bearer(first)).status_code == 200
    assert [i["device_name"] for i in listed(client, first)] == ["One"]
    assert client.get("/api/v1/me", headers=bearer(broker)).status_code == 200


def test_ending_a_session_closes_its_stream_with_4401(
    live_server_factory: Callable[..., LiveServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream_router, "PING_INTERVAL", 0.2)
    live = live_server_factory()

    def login_live(device: str) -> str:
        response = httpx.post(
            f"{live.url}/api/v1/auth/login",
            json={"login": DEMO[0], "password": DEMO[1]},
            headers={"X-Device-Name": device},
        )
        return str(response.json()["access_token"])

    doomed, keeper = login_live("Doomed"), login_live("Keeper")
    items = httpx.get(
        f"{live.url}/api/v1/auth/sessions", headers={"Authorization": f"Bearer {keeper}"}
    ).json()["items"]
    doomed_id = next(i["id"] for i in items if i["device_name"] == "Doomed")

    async def scenario() -> int | None:
        async with connect(
            live.ws_url, additional_headers={"Authorization": f"Bearer {doomed}"}
        ) as ws:
            assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"op": "ping"}
            ended = httpx.delete(
                f"{live.url}/api/v1/auth/sessions/{doomed_id}",
                headers={"Authorization": f"Bearer {keeper}"},
            )
            assert ended.status_code == 204
            try:
                while True:
                    await asyncio.wait_for(ws.recv(), 5)
            except ConnectionClosed as closed:
                return closed.rcvd.code if closed.rcvd else None

    assert asyncio.run(scenario()) == 4401


def test_me_carries_the_new_fields(client: TestClient) -> None:
    me = client.get("/api/v1/me", headers=bearer(sign_in(client, None, None))).json()
    assert me["email"] == "demo@example.com"
    assert me["second_factor"] is False
    assert me["backup_codes_left"] == 0
    assert datetime.fromisoformat(me["password_expires_at"])
    assert me["broker_contact"] == {
        "name": "Брокеров Бауыржан",
        "phone": "+7 777 000 11 22",
        "email": "broker@example.com",
    }
    broker = client.get("/api/v1/me", headers=bearer(sign_in(client, None, None, BROKER))).json()
    assert broker["broker_contact"] is None
    assert broker["email"] == "broker@example.com"


def test_print_demo_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--print-demo-secrets"]) == 0
    out = capsys.readouterr().out
    assert TWOFA_SECRET in out
    assert all(code in out for code in TWOFA_BACKUP_CODES)
    uri = next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("otpauth"))
    parsed = pyotp.parse_uri(uri)
    assert parsed.secret == TWOFA_SECRET
    assert parsed.issuer == "Centras Securities"
