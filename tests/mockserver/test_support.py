"""`/support/requests`: filing requests with attachments and listing one's own."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from testkit import BROKER, login, mock_state

API = "/api/v1"
Headers = dict[str, str]
SCREENSHOT = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4).decode()
LOG = base64.b64encode(b"2026-01-05 12:00:01 ERROR order form: timeout\n").decode()


def _request(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "summary": "Order form freezes after signing",
        "details": "Steps: open Buy, sign by SMS, the dialog never closes.",
        "component": "orders",
        "priority": "high",
        "environment": "TEST",
        "attachments": [
            {"name": "screen.png", "content_type": "image/png", "data": SCREENSHOT},
            {"name": "cesec.log", "content_type": "text/plain", "data": LOG},
        ],
    }
    body.update(changes)
    return body


def _file(client: TestClient, headers: Headers, key: str | None = None, **changes: Any) -> Any:
    extra = {"Idempotency-Key": key} if key else {}
    return client.post(
        f"{API}/support/requests", headers={**headers, **extra}, json=_request(**changes)
    )


def test_filing_a_request_answers_its_number(client: TestClient, demo_headers: Headers) -> None:
    response = _file(client, demo_headers)
    assert response.status_code == 201, response.text
    body = response.json()
    assert re.fullmatch(r"SR-\d{6}", body["number"])
    assert body["status"] == "registered"
    assert (body["component"], body["priority"], body["environment"]) == ("orders", "high", "TEST")
    assert body["attachment_names"] == ["screen.png", "cesec.log"]
    stored = (
        mock_state(client)
        .conn.execute("SELECT attachments FROM support_requests WHERE id = ?", (body["id"],))
        .fetchone()[0]
    )
    assert '"size": 1032' in stored and SCREENSHOT in stored
    second = _file(client, demo_headers, attachments=[]).json()
    assert int(second["number"][3:]) == int(body["number"][3:]) + 1
    assert second["attachment_names"] == []


def test_list_is_own_requests_newest_first(client: TestClient, demo_headers: Headers) -> None:
    first = _file(client, demo_headers, summary="First problem").json()
    client.post("/mock/clock", json={"advance_seconds": 5})
    second = _file(client, demo_headers, summary="Second problem").json()
    broker = login(client, BROKER)
    broker_request = _file(client, broker, summary="Broker's own problem")
    assert broker_request.status_code == 201
    items = client.get(f"{API}/support/requests", headers=demo_headers).json()["items"]
    assert [i["id"] for i in items] == [second["id"], first["id"]]
    assert items[0]["attachment_names"] == ["screen.png", "cesec.log"]
    broker_items = client.get(f"{API}/support/requests", headers=broker).json()["items"]
    assert [i["summary"] for i in broker_items] == ["Broker's own problem"]


def test_list_pages_with_a_cursor(client: TestClient, demo_headers: Headers) -> None:
    ids = []
    for n in range(5):
        ids.append(_file(client, demo_headers, summary=f"Problem {n}", attachments=[]).json()["id"])
    page = client.get(f"{API}/support/requests", headers=demo_headers, params={"limit": 3}).json()
    rest = client.get(
        f"{API}/support/requests",
        headers=demo_headers,
        params={"limit": 3, "cursor": page["next_cursor"]},
    ).json()
    assert rest["next_cursor"] is None
    assert {i["id"] for i in page["items"] + rest["items"]} == set(ids)
    bad = client.get(f"{API}/support/requests", headers=demo_headers, params={"cursor": "%%"})
    assert bad.status_code == 422


def test_bad_base64_names_the_attachment(client: TestClient, demo_headers: Headers) -> None:
    attachments = [
        {"name": "ok.txt", "content_type": "text/plain", "data": LOG},
        {"name": "bad.png", "content_type": "image/png", "data": "not base64!"},
    ]
    response = _file(client, demo_headers, attachments=attachments)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["details"]["fields"] == {"attachments.1.data": "invalid_base64"}
    assert client.get(f"{API}/support/requests", headers=demo_headers).json()["items"] == []


def test_attachments_over_five_megabytes_are_refused(
    client: TestClient, demo_headers: Headers
) -> None:
    chunk = base64.b64encode(bytes(2_700_000)).decode()
    attachments = [
        {"name": f"part{n}.bin", "content_type": "application/octet-stream", "data": chunk}
        for n in range(2)
    ]
    response = _file(client, demo_headers, attachments=attachments)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "attachments_too_large"
    assert error["details"]["size_bytes"] == 5_400_000


def test_same_key_files_once(client: TestClient, demo_headers: Headers) -> None:
    first = _file(client, demo_headers, key="sr-1")
    again = _file(client, demo_headers, key="sr-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert len(client.get(f"{API}/support/requests", headers=demo_headers).json()["items"]) == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"summary": "no"},
        {"summary": "x" * 201},
        {"component": "printer"},
        {"priority": "urgent"},
        {"environment": "DEV"},
        {"attachments": [{"name": "a", "content_type": "text/plain", "data": LOG}] * 5},
        {"attachments": [{"name": "a", "content_type": "text/plain"}]},
        {"extra": 1},
    ],
)
def test_malformed_requests_are_422(
    client: TestClient, demo_headers: Headers, changes: dict[str, Any]
) -> None:
    response = _file(client, demo_headers, **changes)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_signing_in_is_required(client: TestClient) -> None:
    assert client.post(f"{API}/support/requests", json=_request()).status_code == 401
    assert client.get(f"{API}/support/requests").status_code == 401
