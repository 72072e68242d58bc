"""`WS /api/v1/stream` against a real server: auth, quotes, events, drops and pings."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from testkit import BROKER, DEMO, EXPIRED, LiveServer
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from cesec_desktop.domain.models.market import Quote
from cesec_desktop.mockserver.routers import stream as stream_router

Factory = Callable[..., LiveServer]
TIMEOUT = 5.0


def token_for(live: LiveServer, credentials: tuple[str, str] = DEMO) -> str:
    response = httpx.post(
        f"{live.url}/api/v1/auth/login", json={"login": credentials[0], "password": credentials[1]}
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


async def open_stream(
    live: LiveServer, token: str | None = None, query: bool = False
) -> ClientConnection:
    headers = {"Authorization": f"Bearer {token}"} if token and not query else {}
    url = f"{live.ws_url}?access_token={token}" if query else live.ws_url
    return await connect(url, additional_headers=headers, open_timeout=TIMEOUT)


async def next_frame(ws: ClientConnection, skip_pings: bool = True) -> dict[str, Any]:
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
        if not (skip_pings and frame.get("op") == "ping"):
            return frame  # type: ignore[no-any-return]


async def close_code(ws: ClientConnection) -> tuple[int, str]:
    """Read until the server closes; its close code and reason."""
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            await asyncio.wait_for(ws.recv(), TIMEOUT)
    received = closed.value.rcvd
    assert received is not None
    return received.code, received.reason


def on_server_loop(live: LiveServer, call: Callable[[], None]) -> None:
    """Run `call` on the server's own event loop (the hub and sqlite belong to it)."""
    loop = live.server.servers[0].get_loop()
    loop.call_soon_threadsafe(call)


def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


# --- authentication ----------------------------------------------------------------------


def test_bad_or_missing_tokens_close_with_4401(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> list[tuple[int, str]]:
        codes = []
        for token in (None, "not-a-token"):
            ws = await open_stream(live, token)
            codes.append(await close_code(ws))
        ws = await open_stream(live, "also-bad", query=True)
        codes.append(await close_code(ws))
        return codes

    assert asyncio.run(scenario()) == [(4401, "session_expired")] * 3


def test_an_expired_access_token_closes_with_4401(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live)
    live.state.clock.advance(3600)

    async def scenario() -> tuple[int, str]:
        return await close_code(await open_stream(live, token))

    assert asyncio.run(scenario()) == (4401, "session_expired")


def test_an_expired_password_closes_with_4403(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live, EXPIRED)

    async def scenario() -> tuple[int, str]:
        return await close_code(await open_stream(live, token))

    assert asyncio.run(scenario()) == (4403, "password_expired")


def test_a_stream_outage_refuses_with_1013(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live)
    httpx.post(f"{live.url}/mock/faults", json={"stream_down": True}).raise_for_status()

    async def scenario() -> int:
        code, _ = await close_code(await open_stream(live, token))
        return code

    assert asyncio.run(scenario()) == 1013


# --- quotes ------------------------------------------------------------------------------


def test_subscribe_gets_a_snapshot_then_live_updates(live_server_factory: Factory) -> None:
    live = live_server_factory(simulate=True, always_open=True, tick_rate=200)
    token = token_for(live)
    wanted = {"KASE:HSBK", "INTL:AAPL"}

    async def scenario() -> tuple[dict[str, Any], list[dict[str, Any]]]:
        async with await open_stream(live, token, query=True) as ws:
            await ws.send(
                json.dumps({"op": "subscribe", "channel": "quotes", "ids": sorted(wanted)})
            )
            snapshot = await next_frame(ws)
            updates: list[dict[str, Any]] = []
            while len(updates) < 20:
                frame = await next_frame(ws)
                assert frame["channel"] == "quotes"
                updates.extend(frame["data"])
            return snapshot, updates

    snapshot, updates = asyncio.run(scenario())
    assert snapshot["channel"] == "quotes"
    assert {q["instrument_id"] for q in snapshot["data"]} == wanted
    assert {q["instrument_id"] for q in updates} <= wanted
    for item in snapshot["data"] + updates:
        quote = Quote.model_validate(item)
        assert quote.bid is not None and quote.ask is not None and quote.bid < quote.ask


def test_unknown_ids_are_reported_and_the_rest_subscribed(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live)

    async def scenario() -> list[dict[str, Any]]:
        async with await open_stream(live, token) as ws:
            await ws.send(
                json.dumps(
                    {"op": "subscribe", "channel": "quotes", "ids": ["KASE:NOPE", "KASE:KZAP"]}
                )
            )
            return [await next_frame(ws), await next_frame(ws)]

    error, snapshot = asyncio.run(scenario())
    assert error == {"op": "error", "code": "unknown_ids", "ids": ["KASE:NOPE"]}
    assert [q["instrument_id"] for q in snapshot["data"]] == ["KASE:KZAP"]


def test_bad_commands_get_an_error_and_the_stream_stays(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live)

    async def scenario() -> list[dict[str, Any]]:
        frames = []
        async with await open_stream(live, token) as ws:
            for bad in (
                "not json",
                json.dumps({"op": "dance"}),
                json.dumps([1, 2]),
                json.dumps({"op": "subscribe"}),
                json.dumps({"op": "subscribe", "channel": "quotes", "x": 1}),
            ):
                await ws.send(bad)
                frames.append(await next_frame(ws))
            await ws.send(b"\x00binary")
            frames.append(await next_frame(ws))
            await ws.send(json.dumps({"op": "subscribe", "channel": "quotes", "ids": ["AIX:KAP"]}))
            frames.append(await next_frame(ws))
        return frames

    frames = asyncio.run(scenario())
    assert all(f["op"] == "error" and f["code"] == "bad_command" for f in frames[:-1])
    assert all(isinstance(f["message"], str) for f in frames[:-1])
    assert frames[-1]["channel"] == "quotes"


def test_unsubscribe_stops_the_quotes(live_server_factory: Factory) -> None:
    live = live_server_factory(simulate=True, always_open=True, tick_rate=400)
    token = token_for(live)

    async def scenario() -> int:
        async with await open_stream(live, token) as ws:
            await ws.send(
                json.dumps(
                    {"op": "subscribe", "channel": "quotes", "ids": ["KASE:HSBK", "KASE:KSPI"]}
                )
            )
            await next_frame(ws)
            await ws.send(json.dumps({"op": "unsubscribe", "channel": "quotes"}))
            await asyncio.sleep(0.3)
            while True:  # drain what was already on its way
                try:
                    await asyncio.wait_for(ws.recv(), 0.2)
                except TimeoutError:
                    break
            late = 0
            try:
                while True:
                    await asyncio.wait_for(ws.recv(), 0.5)
                    late += 1
            except TimeoutError:
                return late

    assert asyncio.run(scenario()) == 0
    wait_until(lambda: not live.state.hub.watched_quote_ids)


# --- events ------------------------------------------------------------------------------


def test_order_events_reach_the_owner_and_the_broker_only(live_server_factory: Factory) -> None:
    live = live_server_factory()
    demo_token, broker_token = token_for(live, DEMO), token_for(live, BROKER)
    other_token = token_for(live, ("aigerim", "Aigerim#2026"))
    event = {"id": "ord_x", "status": "active"}

    async def scenario() -> tuple[dict[str, Any], dict[str, Any], bool]:
        async with (
            await open_stream(live, demo_token) as demo,
            await open_stream(live, broker_token) as broker,
            await open_stream(live, other_token) as other,
        ):
            for ws in (demo, broker, other):
                await ws.send(json.dumps({"op": "subscribe", "channel": "orders"}))
            await asyncio.to_thread(
                wait_until,
                lambda: sum("orders" in s.channels for s in live.state.hub.subscribers) == 3,
            )
            on_server_loop(live, lambda: live.state.hub.publish_event("orders", "usr_demo", event))
            mine, watched = await next_frame(demo), await next_frame(broker)
            try:
                await asyncio.wait_for(other.recv(), 0.3)
                leaked = True
            except TimeoutError:
                leaked = False
            return mine, watched, leaked

    mine, watched, leaked = asyncio.run(scenario())
    assert mine == watched == {"channel": "orders", "data": [event]}
    assert not leaked


# --- drops, pings, cleanup ---------------------------------------------------------------


def test_a_dropped_stream_is_closed_and_forgotten(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live)

    async def scenario() -> int:
        async with await open_stream(live, token) as ws:
            await asyncio.to_thread(wait_until, lambda: len(live.state.hub.subscribers) == 1)
            response = await asyncio.to_thread(
                httpx.post, f"{live.url}/mock/faults", json={"drop_stream": True}
            )
            response.raise_for_status()
            code, _ = await close_code(ws)
            return code

    assert asyncio.run(scenario()) in (1011, 1012)
    wait_until(lambda: not live.state.hub.subscribers)


def test_pings_arrive_at_the_interval(
    live_server_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream_router, "PING_INTERVAL", 0.2)
    live = live_server_factory()
    token = token_for(live)

    async def scenario() -> list[dict[str, Any]]:
        async with await open_stream(live, token) as ws:
            frames = [await next_frame(ws, skip_pings=False) for _ in range(3)]
            await ws.send(json.dumps({"op": "pong"}))
            frames.append(await next_frame(ws, skip_pings=False))
            return frames

    started = time.monotonic()
    assert asyncio.run(scenario()) == [{"op": "ping"}] * 4
    assert time.monotonic() - started < 3


def test_a_client_that_leaves_is_removed_from_the_hub(live_server_factory: Factory) -> None:
    live = live_server_factory(simulate=True, always_open=True, tick_rate=200)
    token = token_for(live)

    async def scenario() -> None:
        ws = await open_stream(live, token)
        await ws.send(json.dumps({"op": "subscribe", "channel": "quotes", "ids": ["INTL:MU"]}))
        await next_frame(ws)
        await ws.close()

    asyncio.run(scenario())
    wait_until(lambda: not live.state.hub.subscribers)


def test_stream_closes_at_logout(live_server_factory: Any, monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setattr(stream_router, "PING_INTERVAL", 0.2)
    live = live_server_factory()
    token = httpx.post(
        f"{live.url}/api/v1/auth/login", json={"login": "demo", "password": "Demo#2026"}
    ).json()["access_token"]

    async def scenario() -> int | None:
        async with connect(
            live.ws_url, additional_headers={"Authorization": f"Bearer {token}"}
        ) as ws:
            assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"op": "ping"}
            logout = httpx.post(
                f"{live.url}/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"}
            )
            assert logout.status_code == 204
            try:
                while True:
                    await asyncio.wait_for(ws.recv(), 5)
            except ConnectionClosed as closed:
                return closed.rcvd.code if closed.rcvd else None

    assert asyncio.run(scenario()) == 4401
