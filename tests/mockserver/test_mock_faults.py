"""`/mock/faults`: each fault, its end on the mock clock, which calls it hits, and clearing.

Waits of a fault are counted rather than waited for where the count says enough (`pauses`);
the live-server tests run the real thing over a socket.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from test_mock_controls import ALL_OFF
from test_stream import close_code, next_frame, open_stream, token_for
from testkit import DEMO, LiveServer, make_config, mock_state
from websockets.asyncio.client import ClientConnection

from cesec_desktop.mockserver import faults as faults_module
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.fault_control import (
    FaultChange,
    apply_fault_change,
    clear_faults,
    fault_state,
)

API = "/api/v1"
Factory = Callable[..., LiveServer]


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The seconds each injected wait would have lasted (none is waited)."""
    seen: list[float] = []

    async def record(seconds: float) -> None:
        seen.append(seconds)

    monkeypatch.setattr(faults_module, "_pause", record)
    return seen


@pytest.fixture(scope="module")
def untouched() -> Iterator[TestClient]:
    """One backend for the refused changes: a refusal changes nothing, so they may share it."""
    with TestClient(create_app(make_config())) as client:
        yield client


def mock_now(client: TestClient) -> datetime:
    return datetime.fromisoformat(client.get("/mock/clock").json()["now"])


# --- latency --------------------------------------------------------------------------------


def test_latency_ends_when_the_mock_clock_passes_its_end(
    client: TestClient, demo_headers: dict[str, str], pauses: list[float]
) -> None:
    on = client.post("/mock/faults", json={"latency_ms": 1500, "for_seconds": 60}).json()
    assert on["latency_ms"] == 1500
    ends = datetime.fromisoformat(on["latency_until"])
    assert timedelta(seconds=55) < ends - mock_now(client) <= timedelta(seconds=60)
    assert client.get(f"{API}/me", headers=demo_headers).status_code == 200
    assert pauses == [1.5]
    # Not yet over: a minute of mock time has not passed.
    client.post("/mock/clock", json={"advance_seconds": 30})
    client.get(f"{API}/me", headers=demo_headers)
    assert pauses == [1.5, 1.5]
    client.post("/mock/clock", json={"advance_seconds": 31})
    state = client.get("/mock/faults").json()
    assert (state["latency_ms"], state["latency_until"]) == (0, None)
    assert client.get(f"{API}/me", headers=demo_headers).status_code == 200
    assert pauses == [1.5, 1.5]


def test_an_until_instant_is_on_the_mock_clock(
    client: TestClient, demo_headers: dict[str, str], pauses: list[float]
) -> None:
    # The mock lives in 2031 here: an end in 2030 is already over, one in 2032 is not.
    client.post("/mock/clock", json={"set_to": "2031-06-02T09:00:00+00:00"})
    past = client.post(
        "/mock/faults", json={"latency_ms": 200, "until": "2030-01-01T00:00:00Z"}
    ).json()
    assert past["latency_ms"] == 0
    on = client.post(
        "/mock/faults", json={"latency_ms": 200, "until": "2032-01-01T00:00:00"}
    ).json()
    assert on["latency_until"].startswith("2032-01-01T00:00:00")
    client.get(f"{API}/me", headers=demo_headers)
    assert pauses == [0.2]
    client.post("/mock/clock", json={"set_to": "2032-01-01T00:00:01+00:00"})
    client.get(f"{API}/me", headers=demo_headers)
    assert pauses == [0.2]
    assert client.get("/mock/faults").json() == ALL_OFF


def test_a_fault_given_again_without_an_end_has_none(client: TestClient) -> None:
    client.post("/mock/faults", json={"latency_ms": 100, "for_seconds": 5})
    again = client.post("/mock/faults", json={"latency_ms": 300}).json()
    assert (again["latency_ms"], again["latency_until"]) == (300, None)
    # An end applies only to the faults its change sets.
    other = client.post("/mock/faults", json={"error_rate": 0.1, "for_seconds": 5}).json()
    assert other["latency_until"] is None and other["error_until"] is not None


# --- errors ---------------------------------------------------------------------------------


def test_errors_hit_only_the_matching_calls_with_the_chosen_status(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    state = client.post(
        "/mock/faults",
        json={"error_rate": 1, "error_status": 502, "error_path": "GET /api/v1/portfolio*"},
    ).json()
    assert (state["error_status"], state["error_path"]) == (502, "GET /api/v1/portfolio*")
    account = {"account_id": "acc_demo_kzt"}
    for path in (f"{API}/portfolio", f"{API}/portfolio/history"):
        failed = client.get(path, headers=demo_headers, params=account)
        assert failed.status_code == 502, path
        assert failed.json()["error"]["code"] == "bad_gateway"
    assert client.get(f"{API}/me", headers=demo_headers).status_code == 200
    assert client.get(f"{API}/accounts", headers=demo_headers).status_code == 200
    # A method in the filter: only that method fails.
    client.post(
        "/mock/faults", json={"error_status": 500, "error_path": "POST /api/v1/orders/drafts"}
    )
    assert client.get(f"{API}/orders", headers=demo_headers).status_code == 200
    failed = client.post(f"{API}/orders/drafts", headers=demo_headers, json={})
    assert (failed.status_code, failed.json()["error"]["code"]) == (500, "internal_error")
    # No method: any method of that path. Null: every /api/v1 call, with 503 by default.
    client.post("/mock/faults", json={"error_status": 599, "error_path": "/api/v1/me"})
    assert client.get(f"{API}/me", headers=demo_headers).status_code == 599
    reset = client.post("/mock/faults", json={"error_status": None, "error_path": None}).json()
    assert (reset["error_status"], reset["error_path"]) == (503, None)
    assert client.get(f"{API}/accounts", headers=demo_headers).status_code == 503
    # Controls are never failed.
    assert client.get("/mock/faults").status_code == 200


def test_errors_end_with_the_mock_clock(client: TestClient, demo_headers: dict[str, str]) -> None:
    client.post(
        "/mock/faults",
        json={"error_rate": 1, "error_status": 504, "error_path": "/api/v1/me", "for_seconds": 5},
    )
    assert client.get(f"{API}/me", headers=demo_headers).status_code == 504
    client.post("/mock/clock", json={"advance_seconds": 6})
    assert client.get(f"{API}/me", headers=demo_headers).status_code == 200
    # The whole fault ends: its status and filter are back to their defaults.
    assert client.get("/mock/faults").json() == ALL_OFF


# --- drip -----------------------------------------------------------------------------------


def test_drip_sends_the_whole_body_in_slow_pieces(
    client: TestClient, demo_headers: dict[str, str], pauses: list[float]
) -> None:
    plain = client.get(f"{API}/me", headers=demo_headers)
    client.post("/mock/faults", json={"drip_bytes_per_second": 50})
    dripped = client.get(f"{API}/me", headers=demo_headers)
    assert dripped.status_code == 200
    assert dripped.content == plain.content
    assert dripped.headers["content-length"] == str(len(plain.content))
    # Pieces of 5 bytes (a tenth of a second's worth), each followed by its share of time.
    assert len(pauses) == math.ceil(len(plain.content) / 5)
    assert sum(pauses) == pytest.approx(len(plain.content) / 50)
    # Controls are never slowed.
    before = len(pauses)
    client.get("/mock/faults")
    assert len(pauses) == before


def test_clearing_a_drip_sends_the_rest_at_once(
    client: TestClient, demo_headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    state = mock_state(client)
    plain = client.get(f"{API}/me", headers=demo_headers).content
    seen: list[float] = []

    async def clear_after_first(seconds: float) -> None:
        seen.append(seconds)
        clear_faults(state)

    monkeypatch.setattr(faults_module, "_pause", clear_after_first)
    client.post("/mock/faults", json={"drip_bytes_per_second": 10})
    assert client.get(f"{API}/me", headers=demo_headers).content == plain
    assert seen == [0.1]


def test_drip_over_a_real_socket(live_server_factory: Factory) -> None:
    live = live_server_factory()
    headers = {"Authorization": f"Bearer {token_for(live)}"}
    with httpx.Client(base_url=live.url, timeout=10) as http:
        plain = http.get(f"{API}/me", headers=headers).content
        http.post("/mock/faults", json={"drip_bytes_per_second": 4000}).raise_for_status()
        pieces: list[bytes] = []
        with http.stream("GET", f"{API}/me", headers=headers) as response:
            assert response.status_code == 200
            pieces.extend(response.iter_raw())
        assert b"".join(pieces) == plain


# --- crash after commit ---------------------------------------------------------------------


class Trader:
    """A signed-in demo client placing orders over HTTP against a live server."""

    def __init__(self, http: httpx.Client) -> None:
        login = {"login": DEMO[0], "password": DEMO[1]}
        token = http.post(f"{API}/auth/login", json=login).json()["access_token"]
        self.http = http
        self.headers = {"Authorization": f"Bearer {token}"}

    def signed_order(self) -> dict[str, Any]:
        """A confirm body for a fresh limit buy, signed by SMS."""
        made = self.http.post(
            f"{API}/orders/drafts",
            headers=self.headers,
            json={
                "account_id": "acc_demo_kzt",
                "instrument_id": "KASE:HSBK",
                "side": "buy",
                "type": "limit",
                "price": "380.00",
                "quantity": "10",
            },
        )
        assert made.status_code == 201, made.text
        draft_id = made.json()["draft_id"]
        sent = self.http.post(
            f"{API}/sms-challenges", headers=self.headers, json={"draft_id": draft_id}
        )
        challenge_id = sent.json()["challenge_id"]
        outbox = self.http.get("/mock/sms-outbox").json()["items"]
        code = next(i["code"] for i in outbox if i["challenge_id"] == challenge_id)
        signature = {"method": "sms", "challenge_id": challenge_id, "code": code}
        return {"draft_id": draft_id, "signature": signature}

    def confirm(self, body: dict[str, Any], key: str) -> httpx.Response:
        return self.http.post(
            f"{API}/orders", headers={**self.headers, "Idempotency-Key": key}, json=body
        )


def order_count(live: LiveServer) -> int:
    return int(live.state.conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0])


def test_a_crash_on_the_confirm_commits_once_and_the_retry_returns_it(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    with httpx.Client(base_url=live.url, timeout=10) as http:
        trader = Trader(http)
        body = trader.signed_order()
        before = order_count(live)
        state = http.post(
            "/mock/faults",
            json={"crash_after_commit": 1, "crash_path": "POST /api/v1/orders", "for_seconds": 60},
        ).json()
        assert (state["crash_after_commit"], state["crash_path"]) == (1, "POST /api/v1/orders")
        with pytest.raises(httpx.TransportError):
            trader.confirm(body, "crash-1")
        assert order_count(live) == before + 1, "the order was committed all the same"
        assert http.get("/mock/faults").json()["crash_after_commit"] == 0
        retry = trader.confirm(body, "crash-1")
        assert retry.status_code == 201, retry.text
        assert retry.headers["Idempotent-Replayed"] == "true"
        assert order_count(live) == before + 1
        listed = http.get("/mock/orders", params={"status": "all", "limit": 5}).json()["items"]
        assert listed[0]["id"] == retry.json()["id"]


def test_a_crash_spares_calls_off_its_path_and_ends_with_the_clock(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    with httpx.Client(base_url=live.url, timeout=10) as http:
        trader = Trader(http)
        http.post(
            "/mock/faults",
            json={"crash_after_commit": 3, "crash_path": "POST /api/v1/instructions"},
        )
        assert trader.confirm(trader.signed_order(), "spared").status_code == 201
        assert http.get("/mock/faults").json()["crash_after_commit"] == 3
        # The default paths take in the order confirm; the fault ends a minute on.
        http.post(
            "/mock/faults", json={"crash_after_commit": 3, "crash_path": None, "for_seconds": 60}
        )
        http.post("/mock/clock", json={"advance_seconds": 61})
        assert http.get("/mock/faults").json()["crash_after_commit"] == 0
        assert trader.confirm(trader.signed_order(), "after-the-end").status_code == 201


# --- stream down ----------------------------------------------------------------------------


async def subscribed(ws: ClientConnection) -> None:
    """Subscribe to a quote and read its snapshot: the server holds the stream by then."""
    await ws.send('{"op": "subscribe", "channel": "quotes", "ids": ["KASE:HSBK"]}')
    frame = await next_frame(ws)
    assert frame["channel"] == "quotes"
    assert frame["data"][0]["instrument_id"] == "KASE:HSBK"


def test_stream_down_refuses_streams_until_it_ends(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live)

    async def scenario() -> None:
        early = await open_stream(live, token)
        await subscribed(early)
        await asyncio.to_thread(
            httpx.post, f"{live.url}/mock/faults", json={"stream_down": True, "for_seconds": 30}
        )
        assert await close_code(early) == (1012, "stream_dropped")
        refused = await open_stream(live, token)
        assert await close_code(refused) == (1013, "stream_down")
        await asyncio.to_thread(httpx.post, f"{live.url}/mock/clock", json={"advance_seconds": 20})
        still = await open_stream(live, token)
        assert await close_code(still) == (1013, "stream_down")
        await asyncio.to_thread(httpx.post, f"{live.url}/mock/clock", json={"advance_seconds": 11})
        back = await open_stream(live, token)
        await subscribed(back)
        await back.close()

    asyncio.run(scenario())
    state = httpx.get(f"{live.url}/mock/faults").json()
    assert (state["stream_down"], state["stream_down_until"]) == (False, None)


# --- clear, validation, the Python interface ------------------------------------------------


def test_clear_turns_everything_off_then_applies_the_rest(client: TestClient) -> None:
    client.post(
        "/mock/faults",
        json={
            "latency_ms": 10,
            "error_rate": 0.5,
            "error_status": 500,
            "error_path": "/api/v1/me",
            "stream_down": True,
            "crash_after_commit": 2,
            "crash_path": "POST /api/v1/orders",
            "drip_bytes_per_second": 100,
            "for_seconds": 600,
        },
    )
    on = client.get("/mock/faults").json()
    assert all(on[k] is not None for k in ("latency_until", "error_until", "drip_until"))
    assert client.post("/mock/faults", json={"clear": True}).json() == ALL_OFF
    client.post("/mock/faults", json={"latency_ms": 10, "stream_down": True})
    both = client.post("/mock/faults", json={"clear": True, "latency_ms": 20}).json()
    assert both == {**ALL_OFF, "latency_ms": 20}


@pytest.mark.parametrize(
    "body",
    [
        {"error_status": 404},
        {"error_status": 600},
        {"error_path": "api/v1/me"},
        {"error_path": "FETCH /api/v1/me"},
        {"crash_path": "POST /api/v1/ orders"},
        {"latency_ms": 10, "until": "2030-01-01T00:00:00Z", "for_seconds": 5},
        {"latency_ms": 10, "for_seconds": 0},
        {"drip_bytes_per_second": -1},
        {"crash_after_commit": 1001},
        {"stream_up": True},
    ],
)
def test_bad_fault_changes_are_refused(untouched: TestClient, body: dict[str, Any]) -> None:
    response = untouched.post("/mock/faults", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"
    assert untouched.get("/mock/faults").json() == ALL_OFF


def test_the_python_interface_for_scenario_timelines(client: TestClient) -> None:
    state = mock_state(client)
    apply_fault_change(state, FaultChange(latency_ms=250, error_rate=0.25, for_seconds=10))
    apply_fault_change(state, FaultChange.model_validate({"error_path": ""}))
    now = fault_state(state)
    assert (now.latency_ms, now.error_rate, now.error_path) == (250, 0.25, None)
    assert now.latency_until is not None and now.latency_until == now.error_until
    assert client.get("/mock/faults").json()["latency_ms"] == 250
    state.clock.advance(11)
    assert fault_state(state).model_dump(mode="json") == ALL_OFF
    apply_fault_change(state, FaultChange(stream_down=True))
    clear_faults(state)
    assert client.get("/mock/faults").json() == ALL_OFF
