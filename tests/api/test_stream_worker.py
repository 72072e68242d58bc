"""`StreamWorker`: the stream on a thread of its own, against tiny loopback servers and the mock.

Each scenario runs in `asyncio.run` on the test's thread, which plays the UI thread: it owns
the token provider's loop, drains the worker's events and takes its quote changes, as the
session does on its display tick.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from decimal import Decimal
from itertools import count
from typing import Any

import pytest
from test_stream_client import place_order
from testkit import DEMO, LiveServer, order_wire
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

import cesec_desktop.api.stream as stream_module
from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import CabinetError
from cesec_desktop.api.stream import ConnectionState
from cesec_desktop.api.stream_frames import QuoteWire, UnreadableFrame, decode_frame
from cesec_desktop.api.stream_worker import QuoteBook, StreamWorker
from cesec_desktop.domain.models.orders import Order

Factory = Callable[..., LiveServer]
ONLINE, RECONNECTING, OFFLINE = (
    ConnectionState.ONLINE,
    ConnectionState.RECONNECTING,
    ConnectionState.OFFLINE,
)
FAST = {"backoff_initial": 0.05, "backoff_max": 0.2, "settle_time": 0.05}
_names = count(1)


def run(scenario: Callable[[], Awaitable[Any]], timeout: float = 20) -> Any:
    """One scenario on a fresh loop, with a ceiling so a hang fails instead of stalling."""

    async def bounded() -> Any:
        return await asyncio.wait_for(scenario(), timeout)

    return asyncio.run(bounded())


@asynccontextmanager
async def ws_server(handler: Callable[[ServerConnection], Awaitable[None]]) -> AsyncIterator[str]:
    """A plain WebSocket server on loopback; yields the base URL to give the worker."""
    async with serve(handler, "127.0.0.1", 0, max_size=None) as server:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


async def eventually(condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def fixed_token(_refused: str | None) -> str:
    return "token"


class Ui:
    """What the UI thread sees of a worker: drained events, in order."""

    def __init__(self) -> None:
        self.orders: list[Order] = []
        self.states: list[ConnectionState] = []
        self.errors: list[CabinetError] = []
        self.resyncs = 0
        self.wakes = 0
        self.drained_on: set[int] = set()

    def worker(self, url: str, token: Any = fixed_token, **options: Any) -> StreamWorker:
        loop = asyncio.get_running_loop()
        worker = StreamWorker(
            url,
            token,
            token_loop=loop,
            # As the session does: the worker thread only wakes the UI loop, which drains.
            notify=lambda: loop.call_soon_threadsafe(self._drain, worker),
            on_order=self.orders.append,
            on_state=self.states.append,
            on_resync=self._resync,
            on_error=self.errors.append,
            name=f"test-stream-{next(_names)}",
            **{**FAST, **options},
        )
        return worker

    def _drain(self, worker: StreamWorker) -> None:
        self.wakes += 1
        self.drained_on.add(threading.get_ident())
        worker.drain_events()

    def _resync(self) -> None:
        self.resyncs += 1


def quote(instrument_id: str, last: str, **extra: Any) -> dict[str, Any]:
    return {"instrument_id": instrument_id, "last": last, "change": "0", **extra}


def order_event(n: int) -> dict[str, Any]:
    return order_wire(n)


def frame(channel: str, data: list[dict[str, Any]]) -> str:
    return json.dumps({"channel": channel, "data": data})


async def first_command(ws: ServerConnection) -> dict[str, Any]:
    """Wait for the client's subscriptions before sending (they come first on a connection)."""
    return dict(json.loads(await ws.recv()))


def worker_threads(worker: StreamWorker) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == worker.name]


# --- conflation ----------------------------------------------------------------------------


def test_ten_thousand_updates_between_two_ticks_arrive_as_one_change_with_the_newest() -> None:
    ui = Ui()

    async def burst(ws: ServerConnection) -> None:
        await first_command(ws)
        for n in range(1, 10_001):
            await ws.send(frame("quotes", [quote("KASE:HSBK", f"{n}.00")]))
        # Sent after the quotes on the same connection: once it is out, so are they.
        await ws.send(frame("orders", [order_event(1)]))
        await ws.wait_closed()

    async def scenario() -> tuple[dict[str, QuoteWire], dict[str, QuoteWire], int]:
        async with ws_server(burst) as url:
            worker = ui.worker(url)
            worker.subscribe_quotes(["KASE:HSBK"], max_rate_hz=10)
            before = worker.take_quote_changes()  # the tick before the burst
            started = time.monotonic()
            worker.start()
            await eventually(lambda: ui.orders)
            tick = worker.take_quote_changes()
            after = worker.take_quote_changes()
            assert all(q.received_at >= started for q in tick.values())
            await worker.stop()
            return before | after, tick, worker.book.received

    nothing, tick, received = run(scenario)
    assert nothing == {}
    assert received == 10_000
    assert list(tick) == ["KASE:HSBK"]
    assert tick["KASE:HSBK"].last == "10000.00"


def test_a_subscription_asks_the_server_to_conflate_and_a_full_rate_one_upgrades() -> None:
    commands: list[dict[str, Any]] = []

    async def recorder(ws: ServerConnection) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for message in ws:
                commands.append(json.loads(message))

    async def scenario() -> None:
        async with ws_server(recorder) as url:
            worker = Ui().worker(url)
            worker.subscribe_quotes(["KASE:HSBK", "AIX:KAP"], max_rate_hz=10)
            worker.start()
            await eventually(lambda: len(commands) >= 1)
            worker.subscribe_quotes(["KASE:HSBK"])  # the order form: every update
            worker.subscribe_quotes(["KASE:HSBK"], max_rate_hz=10)  # the form closed
            await eventually(lambda: len(commands) >= 4)
            await worker.stop()

    run(scenario)
    quotes = [c for c in commands if c.get("channel") == "quotes"]
    assert quotes == [
        {
            "op": "subscribe",
            "channel": "quotes",
            "ids": ["KASE:HSBK", "AIX:KAP"],
            "max_rate_hz": 10,
        },
        {"op": "subscribe", "channel": "quotes", "ids": ["KASE:HSBK"]},
        # Slower again: a server keeps the fastest rate asked, so it is dropped and re-added.
        {"op": "unsubscribe", "channel": "quotes", "ids": ["KASE:HSBK"]},
        {"op": "subscribe", "channel": "quotes", "ids": ["KASE:HSBK"], "max_rate_hz": 10},
    ]


def test_the_book_wakes_the_ui_once_per_take_and_never_while_nothing_changes() -> None:
    wakes: list[int] = []
    book = QuoteBook(on_dirty=lambda: wakes.append(1))
    for n in range(3):
        book.put([QuoteWire("KASE:HSBK", f"{n}.00"), QuoteWire("AIX:KAP", "1.00")])
    assert len(wakes) == 1
    assert {k: q.last for k, q in book.take_changes().items()} == {
        "KASE:HSBK": "2.00",
        "AIX:KAP": "1.00",
    }
    assert book.take_changes() == {} and len(wakes) == 1
    book.put([QuoteWire("KASE:HSBK", "3.00")])
    assert len(wakes) == 2 and book.latest("AIX:KAP") is not None
    book.forget(["AIX:KAP"])
    assert book.latest("AIX:KAP") is None and list(book.take_changes()) == ["KASE:HSBK"]


def test_a_rate_outside_the_contract_is_refused() -> None:
    worker = StreamWorker("http://127.0.0.1:9", fixed_token)
    for bad in (0, 101):
        with pytest.raises(ValueError):
            worker.subscribe_quotes(["KASE:HSBK"], max_rate_hz=bad)


# --- events --------------------------------------------------------------------------------


def test_order_events_are_all_delivered_in_order_on_the_draining_thread() -> None:
    ui = Ui()
    expected = [f"ord_{n}" for n in range(1, 601)]

    async def interleaved(ws: ServerConnection) -> None:
        await first_command(ws)
        n = 1
        while n <= 600:
            # Quotes in between, and some frames with several events.
            await ws.send(frame("quotes", [quote("KASE:HSBK", f"{n}.00")] * 20))
            size = 1 + n % 3
            await ws.send(frame("orders", [order_event(i) for i in range(n, min(n + size, 601))]))
            n += size
        await ws.wait_closed()

    async def scenario() -> None:
        async with ws_server(interleaved) as url:
            worker = ui.worker(url)
            worker.subscribe_orders()
            worker.subscribe_quotes(["KASE:HSBK"])
            worker.start()
            await eventually(lambda: len(ui.orders) >= 600)
            await worker.stop()

    run(scenario)
    assert [o.id for o in ui.orders] == expected
    assert ui.states[:2] == [RECONNECTING, ONLINE]
    # Drained on the test's (the "UI") thread, woken far fewer times than there were events.
    assert ui.drained_on == {threading.get_ident()}
    assert ui.wakes <= len(expected)


# --- the thread ----------------------------------------------------------------------------


def test_stop_ends_and_joins_the_thread_and_a_later_start_makes_a_new_one() -> None:
    ui = Ui()
    connections: list[int] = []

    async def quiet(ws: ServerConnection) -> None:
        connections.append(1)
        await ws.wait_closed()

    async def scenario() -> None:
        async with ws_server(quiet) as url:
            worker = ui.worker(url)
            worker.start()
            first = worker.thread
            assert first is not None and first.is_alive()
            await eventually(lambda: worker.state is ONLINE)
            assert await worker.stop()
            assert not first.is_alive() and worker_threads(worker) == []
            assert worker.state is OFFLINE
            worker.start()  # as after an unlock: same subscriptions, a new thread
            assert worker.thread is not first
            await eventually(lambda: len(connections) == 2 and worker.state is ONLINE)
            assert await worker.stop()
            assert worker_threads(worker) == []

    run(scenario)


def test_stop_blocking_works_without_a_loop_and_stopping_twice_is_harmless() -> None:
    async def quiet(ws: ServerConnection) -> None:
        await ws.wait_closed()

    async def scenario() -> StreamWorker:
        async with ws_server(quiet) as url:
            worker = StreamWorker(url, fixed_token, name="test-stream-blocking", **FAST)
            worker.start()
            await eventually(lambda: worker.state is ONLINE)
            # From another thread than the loop's, as at the very end of the app.
            assert await asyncio.to_thread(worker.stop_blocking)
            assert worker_threads(worker) == []
            return worker

    worker = run(scenario)
    assert worker.stop_blocking() and not worker.running


def test_a_stop_request_ends_the_thread_even_if_the_waiting_task_never_runs() -> None:
    """The session hands the waiting for an old worker to a task, which a sign-out may cancel
    before it starts: the request itself, made at once, must be enough (CI saw threads left
    reconnecting to servers long gone)."""

    async def quiet(ws: ServerConnection) -> None:
        await ws.wait_closed()

    async def scenario() -> None:
        async with ws_server(quiet) as url:
            worker = StreamWorker(url, fixed_token, name="test-stream-request", **FAST)
            worker.start()
            await eventually(lambda: worker.state is ONLINE)
            thread = worker.thread
            assert thread is not None
            worker.request_stop()
            waiting = asyncio.ensure_future(worker.stop())
            waiting.cancel()  # cancelled before its first step: stop() never runs
            await eventually(lambda: not thread.is_alive())
            assert worker_threads(worker) == []

    run(scenario)


def test_commands_while_stopped_are_kept_for_the_next_start() -> None:
    commands: list[list[dict[str, Any]]] = []

    async def recorder(ws: ServerConnection) -> None:
        mine: list[dict[str, Any]] = []
        commands.append(mine)
        with contextlib.suppress(ConnectionClosed):
            async for message in ws:
                mine.append(json.loads(message))

    async def scenario() -> None:
        async with ws_server(recorder) as url:
            worker = Ui().worker(url)
            worker.subscribe_quotes(["A:ONE"])
            worker.start()
            await eventually(lambda: commands and commands[0])
            await worker.stop()
            worker.unsubscribe_quotes(["A:ONE"])
            worker.subscribe_quotes(["A:TWO"], max_rate_hz=5)
            worker.start()
            await eventually(lambda: len(commands) == 2 and commands[1])
            await worker.stop()

    run(scenario)
    assert commands[1] == [
        {"op": "subscribe", "channel": "quotes", "ids": ["A:TWO"], "max_rate_hz": 5}
    ]


def test_a_reconnect_happens_in_the_worker_and_resubscribes_everything() -> None:
    ui = Ui()
    received: list[list[dict[str, Any]]] = []
    token_threads: set[int] = set()
    sink_threads: set[int] = set()

    async def token(_refused: str | None) -> str:
        token_threads.add(threading.get_ident())
        return "token"

    async def drops_the_first(ws: ServerConnection) -> None:
        mine: list[dict[str, Any]] = []
        received.append(mine)
        mine.append(await first_command(ws))
        mine.append(json.loads(await ws.recv()))
        await ws.send(frame("quotes", [quote("KASE:HSBK", f"{len(received)}.00")]))
        if len(received) == 1:
            await ws.close(1012, "service_restart")
            return
        await ws.wait_closed()

    async def scenario() -> dict[str, QuoteWire]:
        async with ws_server(drops_the_first) as url:
            worker = ui.worker(url, token)
            sink = worker.book.put

            def put(quotes: list[QuoteWire]) -> None:
                sink_threads.add(threading.get_ident())
                sink(quotes)

            worker.client.on_quote_wires = put
            worker.subscribe_orders()
            worker.subscribe_quotes(["KASE:HSBK"], max_rate_hz=10)
            worker.start()
            # The UI loop stays free the whole time: this loop keeps turning while it waits.
            turns = 0

            def reconnected() -> bool:
                nonlocal turns
                turns += 1
                return ui.resyncs == 1 and worker.state is ONLINE and worker.client.frames >= 2

            await eventually(reconnected)
            assert turns > 1
            changes = worker.take_quote_changes()
            await worker.stop()
            return changes

    changes = run(scenario)
    expected = [
        {"op": "subscribe", "channel": "orders"},
        {"op": "subscribe", "channel": "quotes", "ids": ["KASE:HSBK"], "max_rate_hz": 10},
    ]
    assert received[0] == expected and received[1] == expected
    assert ui.states[:4] == [RECONNECTING, ONLINE, RECONNECTING, ONLINE]
    assert set(ui.states[4:]) <= {OFFLINE}  # delivered if drained before the stop ended
    assert changes["KASE:HSBK"].last == "2.00"
    main = threading.get_ident()
    # The token was fetched on the loop that owns it; frames were read on the worker thread.
    assert token_threads == {main}
    assert sink_threads and main not in sink_threads


def test_a_token_that_never_comes_is_given_up_after_its_deadline_and_retried() -> None:
    ui = Ui()
    asked: list[str | None] = []

    async def stuck(_refused: str | None) -> str:
        asked.append(_refused)
        if len(asked) == 1:
            await asyncio.Event().wait()  # the owning loop is busy for ever with this one
        return "token"

    async def quiet(ws: ServerConnection) -> None:
        await ws.wait_closed()

    async def scenario() -> None:
        async with ws_server(quiet) as url:
            worker = ui.worker(url, stuck, token_timeout=0.2)
            worker.start()
            await eventually(lambda: worker.state is ONLINE)
            await worker.stop()

    run(scenario)
    assert len(asked) >= 2
    assert ui.errors == []


# --- hostile frames ------------------------------------------------------------------------

HOSTILE = [
    "[" * 100_000,
    '{"a":' * 100_000,
    '{"channel":"quotes","data":' + "[" * 100_000,
    '{"channel":"orders","data":' + "[" * 100_000 + "]" * 100_000 + "}",
    "not json at all",
    b'{"channel":"quotes","data":[{"instrument_id":"\xff\xfe","last":"1"}]}',
    frame("quotes", [quote("K" * 10_000, "1.00")]),  # an id over its 64 characters
    frame("quotes", [quote("KASE:HSBK", "9" * 1000)]),  # a number over its 40
    frame("quotes", [{"instrument_id": "KASE:HSBK", "last": 380.5}]),  # a float
    '{"channel":"quotes","data":{"instrument_id":"KASE:HSBK"}}',
    '{"channel":' + '"x' * 1000 + '"}',
]


def test_malformed_deep_and_oversized_frames_are_dropped_and_the_stream_carries_on(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="cesec_desktop.api")
    # A smaller cap (1 MB, not 8), so "too large" is quick to send: websockets closes with
    # 1009 and the worker reconnects.
    monkeypatch.setattr(stream_module, "MAX_FRAME", 1024 * 1024)
    ui = Ui()
    connections: list[int] = []

    async def hostile(ws: ServerConnection) -> None:
        connections.append(1)
        await first_command(ws)
        if len(connections) == 1:
            for garbage in HOSTILE:
                await ws.send(garbage)
            # One good quote in a batch with a bad one: the good one is kept.
            await ws.send(frame("quotes", [quote("AIX:KAP", "7.00"), {"instrument_id": 5}]))
            await ws.send(frame("orders", [order_event(1)]))
            await ws.send("[" + " " * (1100 * 1024) + "]")  # over the cap
        else:
            await ws.send(frame("quotes", [quote("KASE:HSBK", "2.00")]))
            await ws.send(frame("orders", [order_event(2)]))
        await ws.wait_closed()

    async def scenario() -> dict[str, QuoteWire]:
        async with ws_server(hostile) as url:
            worker = ui.worker(url)
            worker.subscribe_orders()
            worker.start()
            await eventually(lambda: len(ui.orders) == 2)
            changes = worker.take_quote_changes()
            assert worker.client.unreadable >= len(HOSTILE)
            await worker.stop()
            return changes

    changes = run(scenario)
    assert [o.id for o in ui.orders] == ["ord_1", "ord_2"]
    assert {k: q.last for k, q in changes.items()} == {"AIX:KAP": "7.00", "KASE:HSBK": "2.00"}
    assert len(connections) == 2  # only the frame over the cap cost the connection
    ours = [r for r in caplog.records if r.name.startswith("cesec_desktop")]
    assert not any(r.exc_info for r in ours), "no traceback"
    # Rate-limited: a burst of bad frames is one warning, not one per frame.
    unreadable = [r for r in ours if "unreadable frame" in r.getMessage()]
    assert len(unreadable) == 1


def test_the_decoder_never_raises_anything_but_unreadable_frame() -> None:
    for garbage in HOSTILE:
        raw = garbage if isinstance(garbage, bytes) else garbage.encode()
        try:
            decoded = decode_frame(raw, max_size=1_000_000)
        except UnreadableFrame:
            continue
        # Readable but with bad quotes: they are counted, not kept.
        assert decoded.quotes == [] and decoded.skipped == 1, garbage[:40]
    with pytest.raises(UnreadableFrame) as big:
        decode_frame(b"[" + b" " * 100 + b"]", max_size=50)
    assert big.value.reason == "too_large"


# --- against the mock ----------------------------------------------------------------------


def test_quotes_and_order_events_through_the_worker_against_the_mock(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory(simulate=True, always_open=True, tick_rate=400)
    ui = Ui()

    async def scenario() -> dict[str, QuoteWire]:
        # The client belongs to this loop; the worker fetches its token here.
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        worker = ui.worker(client.base_url, client.stream_token)
        worker.subscribe_orders()
        worker.subscribe_quotes(["KASE:HSBK", "KASE:KSPI"], max_rate_hz=10)
        worker.start()
        seen: dict[str, QuoteWire] = {}

        def both() -> bool:
            seen.update(worker.take_quote_changes())
            return {"KASE:HSBK", "KASE:KSPI"} <= set(seen)

        await eventually(both)
        order = await place_order(live, client)
        await eventually(lambda: any(o.id == order.id for o in ui.orders))
        await worker.stop()
        assert worker_threads(worker) == []
        await client.aclose()
        return seen

    seen = run(scenario, timeout=30)
    assert Decimal(seen["KASE:HSBK"].last) > 0
    assert ui.states[:2] == [RECONNECTING, ONLINE] and ui.errors == []
