"""`StreamClient` against the real mock (and tiny stand-in servers for what the mock won't do)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from testkit import DEMO, EXPIRED, LiveServer, make_config
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.errors import CabinetError, PasswordExpired, SessionExpired
from cesec_desktop.api.stream import ConnectionState, StreamClient, parse_quotes
from cesec_desktop.domain.enums import OrderType, Side
from cesec_desktop.domain.models.market import Quote
from cesec_desktop.domain.models.orders import Order, OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature
from cesec_desktop.mockserver.app import create_app

Factory = Callable[..., LiveServer]
ONLINE, RECONNECTING, OFFLINE = (
    ConnectionState.ONLINE,
    ConnectionState.RECONNECTING,
    ConnectionState.OFFLINE,
)
MARKET = {"simulate": True, "always_open": True, "tick_rate": 200}
CYRILLIC = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def serve_app(app: FastAPI, port: int = 0) -> LiveServer:
    """Serve `app` on 127.0.0.1:`port` (0: any free one); a stopped server's port is reusable."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    bound = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="websockets-sansio"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("mock backend did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{bound}", app, server, thread)


@pytest.fixture
def served() -> Iterator[list[LiveServer]]:
    """Servers a test starts itself with `serve_app`; stopped at the end."""
    servers: list[LiveServer] = []
    yield servers
    for live in servers:
        live.stop()


async def eventually(condition: Callable[[], object], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


def mock_post(live: LiveServer, path: str, body: dict[str, Any]) -> None:
    httpx.post(f"{live.url}{path}", json=body).raise_for_status()


class Recorder:
    """Collects what a stream reports."""

    def __init__(self) -> None:
        self.quotes: list[Quote] = []
        self.dicts: list[dict[str, Any]] = []
        self.orders: list[Order] = []
        self.states: list[ConnectionState] = []
        self.errors: list[CabinetError] = []
        self.resyncs = 0

    def resync(self) -> None:
        self.resyncs += 1

    def stream(self, url: str, provider: Any, **options: Any) -> StreamClient:
        return StreamClient(
            url,
            provider,
            on_quotes=self.quotes.extend,
            on_order=self.orders.append,
            on_state=self.states.append,
            on_resync=self.resync,
            on_error=self.errors.append,
            **options,
        )


async def place_order(live: LiveServer, client: CabinetClient) -> Order:
    draft = await client.create_order_draft(
        OrderDraftRequest(
            account_id="acc_demo_kzt",
            instrument_id="KASE:HSBK",
            side=Side.BUY,
            type=OrderType.LIMIT,
            price=Decimal("1.00"),  # far below the market: it stays open
            quantity=Decimal("1"),
        )
    )
    challenge = await client.send_sms(draft.draft_id)
    outbox = httpx.get(f"{live.url}/mock/sms-outbox").json()["items"]
    code = next(i["code"] for i in outbox if i["challenge_id"] == challenge.challenge_id)
    signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
    return await client.confirm_order(draft.draft_id, signature, new_idempotency_key())


# --- against the mock ----------------------------------------------------------------------


def test_quotes_and_order_events_arrive(live_server_factory: Factory) -> None:
    live = live_server_factory(**MARKET)
    seen = Recorder()
    raw: list[dict[str, Any]] = []

    async def scenario() -> None:
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        stream = seen.stream(client.base_url, client.stream_token, on_quote_dicts=raw.extend)
        stream.subscribe_quotes(["KASE:HSBK", "KASE:KSPI"])
        stream.subscribe_orders()
        assert stream.state is OFFLINE
        stream.start()
        both = {"KASE:HSBK", "KASE:KSPI"}
        await eventually(lambda: {q.instrument_id for q in seen.quotes} >= both)
        assert stream.state is ONLINE
        assert isinstance(raw[0]["last"], str)  # the raw path: wire dicts, decimal strings
        stream.unsubscribe_quotes(["KASE:KSPI"])
        await asyncio.sleep(0.3)  # frames already on their way may still carry it
        seen.quotes.clear()
        await eventually(lambda: len(seen.quotes) >= 5)
        assert {q.instrument_id for q in seen.quotes} == {"KASE:HSBK"}
        order = await place_order(live, client)
        await eventually(lambda: any(o.id == order.id for o in seen.orders))
        await stream.stop()
        assert stream.state is OFFLINE
        await client.aclose()

    asyncio.run(scenario())
    assert seen.states == [RECONNECTING, ONLINE, OFFLINE]
    assert seen.resyncs == 0 and seen.errors == []


def test_a_restarted_backend_is_rejoined_and_quotes_resume(
    served: list[LiveServer], tmp_path: Path
) -> None:
    # A database file, so the second server knows the session the first one issued.
    config = {"db_path": str(tmp_path / "mock.db"), **MARKET}
    first = serve_app(create_app(make_config(**config)))
    served.append(first)
    port = int(first.url.rsplit(":", 1)[1])
    seen = Recorder()

    async def scenario() -> None:
        client = CabinetClient(first.url)
        await client.login(*DEMO)
        stream = seen.stream(client.base_url, client.stream_token, backoff_initial=0.1)
        stream.subscribe_quotes(["KASE:HSBK"])
        stream.subscribe_orders()
        stream.start()
        await eventually(lambda: seen.quotes)
        await asyncio.to_thread(first.stop)
        await eventually(lambda: stream.state is RECONNECTING)
        await asyncio.sleep(0.5)  # a few refused attempts while it is down
        seen.quotes.clear()
        second = await asyncio.to_thread(serve_app, create_app(make_config(**config)), port)
        served.append(second)
        await eventually(lambda: stream.state is ONLINE and seen.quotes)
        assert {q.instrument_id for q in seen.quotes} == {"KASE:HSBK"}
        order = await place_order(second, client)  # the orders channel was resubscribed too
        await eventually(lambda: any(o.id == order.id for o in seen.orders))
        await stream.stop()
        await client.aclose()

    asyncio.run(scenario())
    assert seen.states == [RECONNECTING, ONLINE, RECONNECTING, ONLINE, OFFLINE]
    assert seen.resyncs == 1


def test_an_expired_token_is_refreshed_on_4401(live_server_factory: Factory) -> None:
    live = live_server_factory(**MARKET)
    seen = Recorder()

    async def scenario() -> int:
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        stream = seen.stream(client.base_url, client.stream_token, backoff_initial=0.1)
        stream.subscribe_quotes(["KASE:HSBK"])
        stream.start()
        await eventually(lambda: seen.quotes)
        mock_post(live, "/mock/clock", {"advance_seconds": 901})
        mock_post(live, "/mock/faults", {"drop_stream": True})
        await eventually(lambda: stream.state is RECONNECTING)
        seen.quotes.clear()
        await eventually(lambda: stream.state is ONLINE and seen.quotes)
        await stream.stop()
        await client.aclose()
        return client.refresh_count

    assert asyncio.run(scenario()) == 1
    assert seen.errors == [] and seen.resyncs == 1
    assert seen.states == [RECONNECTING, ONLINE, RECONNECTING, ONLINE, OFFLINE]


def test_a_session_that_cannot_be_renewed_goes_offline(live_server_factory: Factory) -> None:
    live = live_server_factory(**MARKET)
    seen = Recorder()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        stream = seen.stream(client.base_url, client.stream_token, backoff_initial=0.1)
        stream.subscribe_quotes(["KASE:HSBK"])
        stream.start()
        await eventually(lambda: stream.state is ONLINE)
        mock_post(live, "/mock/clock", {"advance_seconds": 8 * 3600 + 1})
        mock_post(live, "/mock/faults", {"drop_stream": True})
        await eventually(lambda: seen.errors)
        assert stream.state is OFFLINE
        await stream.stop()
        await client.aclose()

    asyncio.run(scenario())
    assert [type(e) for e in seen.errors] == [SessionExpired]
    assert seen.states == [RECONNECTING, ONLINE, RECONNECTING, OFFLINE]


def test_an_expired_password_goes_offline(live_server_factory: Factory) -> None:
    live = live_server_factory()
    seen = Recorder()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        await client.login(*EXPIRED)
        stream = seen.stream(client.base_url, client.stream_token)
        stream.start()
        await eventually(lambda: seen.errors)
        await stream.stop()
        await client.aclose()

    asyncio.run(scenario())
    assert [type(e) for e in seen.errors] == [PasswordExpired]
    assert seen.states == [RECONNECTING, OFFLINE]


# --- against stand-in servers --------------------------------------------------------------


def test_a_silent_connection_is_dropped_and_everything_resubscribed() -> None:
    seen = Recorder()
    received: list[list[dict[str, Any]]] = []

    async def mute(ws: ServerConnection) -> None:
        commands: list[dict[str, Any]] = []
        received.append(commands)
        with contextlib.suppress(ConnectionClosed):
            async for message in ws:  # reads, never writes
                commands.append(json.loads(message))

    async def token(refused: str | None) -> str:
        return "token"

    async def scenario() -> None:
        async with serve(mute, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            stream = seen.stream(
                f"http://127.0.0.1:{port}",
                token,
                silence_timeout=0.4,
                backoff_initial=0.05,
                settle_time=0.05,
            )
            stream.subscribe_orders()
            stream.subscribe_quotes(["KASE:HSBK", "AIX:KAP"])
            stream.start()
            await eventually(lambda: stream.connections >= 2 and len(received[1]) >= 2)
            await stream.stop()

    asyncio.run(scenario())
    assert seen.states[:4] == [RECONNECTING, ONLINE, RECONNECTING, ONLINE]
    assert seen.resyncs >= 1
    expected = [
        {"op": "subscribe", "channel": "orders"},
        {"op": "subscribe", "channel": "quotes", "ids": ["KASE:HSBK", "AIX:KAP"]},
    ]
    assert received[0] == expected and received[1] == expected


def test_pings_keep_a_quiet_connection_alive_and_are_answered() -> None:
    connections: list[list[dict[str, Any]]] = []

    async def pinger(ws: ServerConnection) -> None:
        replies: list[dict[str, Any]] = []
        connections.append(replies)

        async def read() -> None:
            async for message in ws:
                replies.append(json.loads(message))

        reader = asyncio.create_task(read())
        with contextlib.suppress(ConnectionClosed):
            while True:
                await ws.send(json.dumps({"op": "ping"}))
                await asyncio.sleep(0.1)
        await asyncio.gather(reader, return_exceptions=True)

    async def token(refused: str | None) -> str:
        return "token"

    async def scenario() -> ConnectionState:
        async with serve(pinger, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            stream = StreamClient(f"http://127.0.0.1:{port}", token, silence_timeout=0.4)
            stream.start()
            await asyncio.sleep(1.2)  # three silence timeouts' worth
            state = stream.state
            await stream.stop()
            return state

    assert asyncio.run(scenario()) is ONLINE
    assert len(connections) == 1
    assert connections[0] and all(r == {"op": "pong"} for r in connections[0])


def test_repeated_4401_even_with_fresh_tokens_gives_up() -> None:
    seen = Recorder()
    asked: list[str | None] = []

    async def refuse(ws: ServerConnection) -> None:
        await ws.close(4401, "session_expired")

    async def token(refused: str | None) -> str:
        asked.append(refused)
        return f"t{len(asked)}"

    async def scenario() -> None:
        async with serve(refuse, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            stream = seen.stream(f"http://127.0.0.1:{port}", token, backoff_initial=0.05)
            stream.start()
            await eventually(lambda: seen.errors)
            await stream.stop()

    asyncio.run(scenario())
    assert asked == [None, "t1", "t2"]
    assert [type(e) for e in seen.errors] == [SessionExpired]
    assert ONLINE not in seen.states


# --- parsing -------------------------------------------------------------------------------


def quote_dict(i: int) -> dict[str, Any]:
    return {
        "instrument_id": f"KASE:T{i % 200}",
        "last": f"{380 + i % 7}.50",
        "change": "1.50",
        "change_pct": "0.40",
        "bid": "380.00",
        "ask": "381.00",
        "bid_size": "100",
        "ask_size": "200",
        "open": "379.00",
        "high": "382.00",
        "low": "378.00",
        "prev_close": "379.00",
        "volume": str(1000 + i),
        "time": "2026-01-05T10:00:00.123+00:00",
    }


def test_a_second_of_quotes_at_20000_per_second_parses_in_well_under_a_second() -> None:
    batches = [json.dumps([quote_dict(i) for i in range(200)]) for _ in range(100)]
    started = time.perf_counter()
    parsed = sum(len(parse_quotes(json.loads(batch))) for batch in batches)
    elapsed = time.perf_counter() - started
    assert parsed == 20_000
    # ~0.2-0.3 s measured on a developer machine; the bound only catches a gross regression.
    assert elapsed < 2.0


def test_malformed_quotes_are_skipped_not_fatal() -> None:
    good = quote_dict(1)
    floats = {**quote_dict(2), "last": 380.5}  # floats are refused on the wire
    parsed = parse_quotes([good, floats, {"instrument_id": "X"}, quote_dict(3)])
    assert [q.volume for q in parsed] == [Decimal(1001), Decimal(1003)]


def test_event_texts_follow_the_language_asked_at_the_handshake(
    live_server_factory: Factory,
) -> None:
    """Order events carry their history in the stream's language; switching it reconnects,
    and the next events speak the new one (issue 11 §2)."""
    live = live_server_factory(**MARKET)
    seen = Recorder()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        stream = seen.stream(
            client.base_url, client.stream_token, language="kk", backoff_initial=0.1
        )
        stream.subscribe_orders()
        stream.start()
        await eventually(lambda: stream.state is ONLINE)
        first = await place_order(live, client)
        await eventually(lambda: any(o.id == first.id for o in seen.orders))
        kk = next(o for o in seen.orders if o.id == first.id)
        text = kk.history[-1].message
        # Kazakh alone: not the bilingual text a stream without the header gets.
        assert CYRILLIC.search(text) and not re.search("[A-Za-z]{3,}", text), text
        states_before = len(seen.states)
        stream.set_language("en")
        await eventually(lambda: seen.resyncs >= 1, timeout=10)
        # A switch on purpose is no lost connection: the user sees no "reconnecting".
        assert RECONNECTING not in seen.states[states_before:]
        second = await place_order(live, client)
        await eventually(lambda: any(o.id == second.id for o in seen.orders))
        en = next(o for o in seen.orders if o.id == second.id)
        assert not CYRILLIC.search(en.history[-1].message), en.history[-1].message
        await stream.stop()
        await client.aclose()

    asyncio.run(scenario())
