"""Hostile frames on the two WebSockets: the cabinet stream and NCALayer (issue 12, section 3).

`[` × 100,000 once raised an untyped RecursionError: the stream reconnected every second with
a traceback and the EDS window waited for ever. Each server here is a tiny websockets server
on 127.0.0.1 with a random port.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from testkit import order_wire
from websockets.asyncio.server import ServerConnection, serve

from cesec_desktop.api.stream import StreamClient
from cesec_desktop.domain.models.orders import Order
from cesec_desktop.signing.ncalayer import NcaLayerClient, NcaLayerError, NcaState

NESTED = "[" * 100_000
NESTED_OBJECT = '{"a":' * 100_000
GREETING = '{"result":{"version":"1.4"}}'
DOCUMENT = b"Order: KASE:HSBK, buy 10 at 100.00 KZT"


def run(scenario: Callable[[], Awaitable[Any]], timeout: float = 10) -> Any:
    """One scenario on a fresh loop, with a ceiling so a hang fails instead of stalling."""

    async def bounded() -> Any:
        return await asyncio.wait_for(scenario(), timeout)

    return asyncio.run(bounded())


@asynccontextmanager
async def ws_server(handler: Callable[[ServerConnection], Awaitable[None]]) -> AsyncIterator[int]:
    """A plain WebSocket server on loopback; yields its port."""
    async with serve(handler, "127.0.0.1", 0) as server:
        yield server.sockets[0].getsockname()[1]


async def eventually(condition: Callable[[], object], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


def order_event() -> dict[str, Any]:
    return order_wire(1)


# --- the cabinet stream ------------------------------------------------------------------


@pytest.mark.parametrize("garbage", [NESTED, NESTED_OBJECT], ids=["array", "object"])
def test_a_deeply_nested_stream_frame_is_skipped_without_reconnecting(
    garbage: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="cesec_desktop.api.stream")
    orders: list[Order] = []
    connections: list[int] = []

    async def hostile(ws: ServerConnection) -> None:
        connections.append(1)
        await ws.send(garbage)
        await ws.send(json.dumps({"channel": "orders", "data": [order_event()]}))
        await ws.wait_closed()

    async def token(refused: str | None) -> str:
        return "token"

    async def scenario() -> None:
        async with ws_server(hostile) as port:
            stream = StreamClient(
                f"http://127.0.0.1:{port}",
                token,
                on_order=orders.append,
                backoff_initial=0.05,
                settle_time=0.05,
            )
            stream.start()
            await eventually(lambda: orders)
            # Long enough for a reconnect after a crash (backoff 0.05 s) to show.
            await asyncio.sleep(0.3)
            await stream.stop()
            assert stream.connections == 1

    run(scenario)
    assert [o.id for o in orders] == ["ord_1"]
    assert len(connections) == 1
    messages = [r.getMessage() for r in caplog.records]
    assert any("unreadable frame" in m for m in messages)
    assert not any(r.exc_info for r in caplog.records), "no traceback"


# --- NCALayer ----------------------------------------------------------------------------


@pytest.mark.parametrize("garbage", [NESTED, NESTED_OBJECT], ids=["array", "object"])
def test_a_deeply_nested_ncalayer_answer_fails_the_signing_with_a_typed_error(
    garbage: str,
) -> None:
    states: list[NcaState] = []
    sockets: list[int] = []

    async def hostile(ws: ServerConnection) -> None:
        sockets.append(1)
        await ws.send(GREETING)
        await ws.recv()
        await ws.send(garbage)
        await ws.wait_closed()

    async def scenario() -> tuple[NcaLayerError, float, bool]:
        async with ws_server(hostile) as port:
            client = NcaLayerClient(f"ws://127.0.0.1:{port}/", on_state=states.append)
            started = time.monotonic()
            try:
                with pytest.raises(NcaLayerError) as failed:
                    await client.sign_cms(DOCUMENT)
                return failed.value, time.monotonic() - started, client.connected
            finally:
                await client.close()

    error, elapsed, connected = run(scenario)
    assert error.code == "unreadable_answer"
    assert elapsed < 2.0
    assert states[-1] is NcaState.FAILED
    # The socket that answered garbage is not reused for the next request.
    assert not connected


def test_a_deeply_nested_ncalayer_greeting_is_a_typed_error() -> None:
    async def hostile(ws: ServerConnection) -> None:
        await ws.send(NESTED)
        await ws.wait_closed()

    async def scenario() -> NcaLayerError:
        async with ws_server(hostile) as port:
            client = NcaLayerClient(f"ws://127.0.0.1:{port}/", connect_timeout=2.0)
            try:
                with pytest.raises(NcaLayerError) as failed:
                    await client.connect()
                return failed.value
            finally:
                await client.close()

    assert run(scenario).code == "unreadable_answer"
