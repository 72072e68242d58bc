"""`/mock/*` controls: clock, market hours, faults, SMS outbox shape, reset."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from testkit import DEMO, login, mock_state

from cesec_desktop.domain.enums import Market

ALL_OFF = {
    "latency_ms": 0,
    "latency_until": None,
    "error_rate": 0.0,
    "error_status": 503,
    "error_path": None,
    "error_until": None,
    "stream_down": False,
    "stream_down_until": None,
    "crash_after_commit": 0,
    "crash_path": None,
    "crash_until": None,
    "drip_bytes_per_second": 0,
    "drip_until": None,
}


def test_clock_advance_set_and_reset(client: TestClient) -> None:
    before = client.get("/mock/clock").json()
    assert abs(before["offset_seconds"]) < 1
    moved = client.post("/mock/clock", json={"advance_seconds": 3600}).json()
    assert 3599 < moved["offset_seconds"] < 3601
    target = datetime(2027, 1, 4, 6, 0, tzinfo=UTC)
    at = client.post("/mock/clock", json={"set_to": target.isoformat()}).json()
    assert abs((datetime.fromisoformat(at["now"]) - target).total_seconds()) < 2
    reset = client.post("/mock/clock", json={"reset": True}).json()
    assert abs(reset["offset_seconds"]) < 1


def test_market_hours_follow_the_clock_and_the_override(client: TestClient) -> None:
    # Monday 2027-01-04 12:00 Almaty (07:00 UTC): KASE open; 18:00 Almaty: closed.
    client.post("/mock/market-hours", json={"always_open": False})
    client.post("/mock/clock", json={"set_to": "2027-01-04T07:00:00+00:00"})
    assert client.get("/mock/market-hours").json()["open_now"]["KASE"] is True
    client.post("/mock/clock", json={"set_to": "2027-01-04T13:00:00+00:00"})
    assert client.get("/mock/market-hours").json()["open_now"]["KASE"] is False
    forced = client.post("/mock/market-hours", json={"modes": {"KASE": "open"}}).json()
    assert forced["open_now"]["KASE"] is True
    state = mock_state(client)
    assert state.is_open(Market.KASE)
    always = client.post(
        "/mock/market-hours", json={"always_open": True, "modes": {"KASE": "auto"}}
    ).json()
    assert all(always["open_now"].values())
    closed = client.post("/mock/market-hours", json={"modes": {"AIX": "closed"}}).json()
    assert closed["open_now"]["AIX"] is False


def test_fault_latency_and_error_rate(client: TestClient, demo_headers: dict[str, str]) -> None:
    client.post("/mock/faults", json={"latency_ms": 150})
    started = time.perf_counter()
    assert client.get("/api/v1/me", headers=demo_headers).status_code == 200
    assert time.perf_counter() - started >= 0.15
    # Controls themselves are never slowed or failed.
    client.post("/mock/faults", json={"latency_ms": 0, "error_rate": 1.0})
    failed = client.get("/api/v1/me", headers=demo_headers)
    assert failed.status_code == 503
    assert failed.json()["error"]["code"] == "service_unavailable"
    state = client.post("/mock/faults", json={"clear": True}).json()
    assert state == ALL_OFF
    assert client.get("/api/v1/me", headers=demo_headers).status_code == 200


def test_fault_values_are_validated(client: TestClient) -> None:
    response = client.post("/mock/faults", json={"error_rate": 2})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_sms_outbox_starts_empty(client: TestClient) -> None:
    assert client.get("/mock/sms-outbox").json() == {"items": []}


def test_reset_restores_the_seed(client: TestClient) -> None:
    headers = login(client)
    client.post(
        "/api/v1/auth/password",
        headers=headers,
        json={"old_password": DEMO[1], "new_password": "Changed#2027"},
    )
    client.post(
        "/mock/faults",
        json={
            "latency_ms": 5,
            "drip_bytes_per_second": 100,
            "stream_down": True,
            "for_seconds": 60,
        },
    )
    assert client.post("/mock/reset").status_code == 200
    assert client.get("/mock/faults").json() == ALL_OFF
    assert login(client, DEMO)
