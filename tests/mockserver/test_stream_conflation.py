"""`max_rate_hz` on the quote stream: conflation in the hub, the loop and the WebSocket.

Time in the hub is the simulator loop's (`MockClock.loop_time`), so the rate is checked in
the mock's own seconds: the hub is handed explicit times, and the loop runs on a clock that
moves only when the loop pauses. The WebSocket test bounds the rate by the server's own
quote times, never by how fast this machine delivers frames.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
import pytest
from testkit import DEMO, LiveServer, make_config
from websockets.asyncio.client import ClientConnection, connect

from cesec_desktop.domain.enums import Market
from cesec_desktop.mockserver.app import build_state
from cesec_desktop.mockserver.clock import MockClock
from cesec_desktop.mockserver.hub import StreamHub, Subscriber
from cesec_desktop.mockserver.simulator import Simulator
from cesec_desktop.mockserver.state import QuoteSnapshot, ServerState
from cesec_desktop.mockserver.wire import decode_quotes, quote_head, quote_text

HSBK, KSPI = "KASE:HSBK", "KASE:KSPI"
TIMEOUT = 10.0


def subscribe(ids: list[str], rate: object = None) -> str:
    """A quotes subscribe command, with `max_rate_hz` when a rate is given."""
    command: dict[str, object] = {"op": "subscribe", "channel": "quotes", "ids": ids}
    if rate is not None:
        command["max_rate_hz"] = rate
    return json.dumps(command)


@dataclass(eq=False)
class Recorder(Subscriber):
    """A subscriber that notes the loop time at which each frame was queued."""

    clock: Callable[[], float] = lambda: 0.0
    seen: list[tuple[float, dict[str, Any]]] = field(default_factory=list)

    def put(self, frame: str | None) -> None:
        if frame:
            self.seen.append((self.clock(), json.loads(frame)))

    def quotes(self, instrument_id: str) -> list[tuple[float, dict[str, Any]]]:
        """(loop time sent, quote) of one instrument, in the order sent."""
        return [
            (at, q)
            for at, frame in self.seen
            if frame.get("channel") == "quotes"
            for q in frame["data"]
            if q["instrument_id"] == instrument_id
        ]


def quote(instrument_id: str, serial: int) -> str:
    """A `Quote` text whose volume is `serial`, so the order of updates can be read back."""
    return quote_text(
        quote_head(instrument_id),
        "100.00",
        "0.00",
        "0.00",
        "99.99",
        "100.01",
        10,
        10,
        "100.00",
        "100.00",
        "100.00",
        "100.00",
        serial,
        "2026-03-02T06:00:00.000+00:00",
    )


def assert_at_most(sends: list[float], rate_hz: int) -> None:
    """No two sends closer than 1/rate: so no second of loop time holds more than `rate`."""
    gaps = [b - a for a, b in itertools.pairwise(sends)]
    assert all(gap >= 1 / rate_hz - 1e-9 for gap in gaps), gaps
    for start in sends:
        assert sum(start <= s < start + 1 for s in sends) <= rate_hz


# --- the hub, at explicit loop times ------------------------------------------------------


def test_an_instrument_at_1000_a_second_is_sent_n_times_a_second_ending_on_the_newest() -> None:
    hub = StreamHub()
    now = 0.0
    conflated = Recorder(user_ids=frozenset(), channels={"quotes"}, clock=lambda: now)
    full = Recorder(user_ids=frozenset(), channels={"quotes"}, clock=lambda: now)
    conflated.watch([HSBK], 5, now)
    full.watch([HSBK], None, now)
    for sub in (conflated, full):
        hub.add(sub)
    published: list[tuple[float, int]] = []
    for serial in range(1, 3001):  # 1,000 updates a second for 3 s
        now = serial / 1000
        hub.publish_quotes([(HSBK, quote(HSBK, serial))], now)
        published.append((now, serial))
    for _ in range(10):  # then the market is quiet: the loop's batches go on, empty
        now += 0.05
        hub.publish_quotes([], now)

    # The full-rate stream gets every update, in order.
    assert [int(q["volume"]) for _, q in full.quotes(HSBK)] == list(range(1, 3001))
    # The conflated one: at most 5 a second, each the newest as of its sending, and the
    # last one the newest of all.
    sent = conflated.quotes(HSBK)
    times = [at for at, _ in sent]
    assert_at_most(times, 5)
    assert 14 <= len(sent) <= 16  # 3 s at 5 Hz (the subscription's start counts as a send)
    for at, item in sent:
        assert int(item["volume"]) == max(s for t, s in published if t <= at)
    assert int(sent[-1][1]["volume"]) == 3000


def test_full_rate_ids_beside_conflated_ones_and_order_events_are_never_held() -> None:
    hub = StreamHub()
    now = 0.0
    sub = Recorder(user_ids=frozenset({"usr_demo"}), channels={"quotes"}, clock=lambda: now)
    sub.watch([HSBK], 1, now)
    sub.watch([KSPI], None, now)
    sub.channels.add("orders")
    hub.add(sub)
    for serial in range(1, 201):
        now = serial / 1000
        hub.publish_quotes([(HSBK, quote(HSBK, serial)), (KSPI, quote(KSPI, serial))], now)
        hub.publish_event("orders", "usr_demo", {"id": f"ord_{serial}", "status": "active"})
    events = [f["data"][0]["id"] for _, f in sub.seen if f.get("channel") == "orders"]
    assert events == [f"ord_{serial}" for serial in range(1, 201)]
    assert [int(q["volume"]) for _, q in sub.quotes(KSPI)] == list(range(1, 201))
    assert sub.quotes(HSBK) == []  # its second has not passed yet
    assert sub.held[HSBK] == quote(HSBK, 200)


def test_a_later_subscribe_only_raises_an_ids_rate_and_unsubscribe_forgets_it() -> None:
    sub = Subscriber(user_ids=frozenset())
    sub.watch([HSBK, KSPI], 2, 0.0)
    assert sub.intervals == {HSBK: 0.5, KSPI: 0.5}
    sub.watch([HSBK], 10, 0.0)
    sub.watch([KSPI], 1, 0.0)  # lower: KSPI keeps its 2 Hz
    assert sub.intervals == {HSBK: 0.1, KSPI: 0.5}
    sub.watch([HSBK], None, 0.0)  # without the option: every update
    sub.watch([HSBK], 5, 0.0)  # and a rate does not bring it back down
    assert sub.intervals == {KSPI: 0.5}
    assert sub.quote_ids == {HSBK, KSPI}
    sub.held[KSPI] = quote(KSPI, 1)
    sub.unwatch([KSPI])
    assert (sub.quote_ids, sub.intervals, sub.held, sub.due) == ({HSBK}, {}, {}, {})


# --- the simulator's loop on the mock clock -----------------------------------------------


class LoopClock(MockClock):
    """The mock clock with a loop time that moves only when the simulator loop pauses."""

    def __init__(self) -> None:
        super().__init__()
        self.elapsed = 0.0
        self.until = 0.0
        self.reached = asyncio.Event()

    def loop_time(self) -> float:
        return self.elapsed

    async def pause(self, seconds: float) -> None:
        while self.elapsed >= self.until:
            self.reached.set()
            await asyncio.sleep(0.001)
        self.elapsed += seconds
        await asyncio.sleep(0)


async def run_until(clock: LoopClock, until: float) -> None:
    clock.until = until
    clock.reached.clear()
    await asyncio.wait_for(clock.reached.wait(), timeout=60)


def test_the_loop_conflates_a_busy_instrument_and_ends_on_its_newest_state() -> None:
    # One watched instrument gets 80 % of the loop's updates: about 1,000 a second.
    state: ServerState = build_state(make_config(simulate=True, tick_rate=1250))
    clock = state.clock = LoopClock()
    market = state.market
    assert isinstance(market, Simulator)
    ticks: list[tuple[float, QuoteSnapshot]] = []
    market.add_tick_listener(
        lambda q: ticks.append((clock.elapsed, q)) if q.instrument_id == HSBK else None
    )
    conflated = Recorder(user_ids=frozenset(), channels={"quotes"}, clock=clock.loop_time)
    full = Recorder(user_ids=frozenset(), channels={"quotes"}, clock=clock.loop_time)
    conflated.watch([HSBK], 4, 0.0)
    full.watch([HSBK], None, 0.0)
    for sub in (conflated, full):
        state.hub.add(sub)

    async def scenario() -> None:
        loop = asyncio.create_task(market.run())
        await run_until(clock, 2.0)
        state.override.modes = {m: "closed" for m in Market}  # no more updates
        await run_until(clock, 2.6)
        loop.cancel()
        with pytest.raises(asyncio.CancelledError):
            await loop

    asyncio.run(scenario())
    assert len(ticks) >= 1800  # the instrument did tick about 1,000 times a second
    everything = full.quotes(HSBK)
    assert [(q["last"], q["volume"]) for _, q in everything] == [
        (str(t.last), str(t.volume)) for _, t in ticks
    ]
    sent = conflated.quotes(HSBK)
    assert_at_most([at for at, _ in sent], 4)
    assert 6 <= len(sent) <= 11  # 2.6 s at 4 Hz, the subscription's start counting as one
    newest = market.quote_dict(HSBK)
    assert sent[-1][1] == everything[-1][1] == newest


def test_stream_texts_are_the_quotes_the_snapshot_reports() -> None:
    # The walk writes quote texts from ticks; a snapshot formats the book's Decimals.
    state = build_state(make_config(simulate=True))
    market = state.market
    assert isinstance(market, Simulator)
    updates = market.step(4000)
    newest = {q["instrument_id"]: q for q in updates}
    assert len(newest) > 40
    for instrument_id, item in newest.items():
        assert item == market.quote_dict(instrument_id)
    assert decode_quotes(f'{{"channel":"quotes","data":[{quote(HSBK, 7)}]}}') == [
        {
            "instrument_id": HSBK,
            "last": "100.00",
            "change": "0.00",
            "change_pct": "0.00",
            "bid": "99.99",
            "ask": "100.01",
            "bid_size": "10",
            "ask_size": "10",
            "open": "100.00",
            "high": "100.00",
            "low": "100.00",
            "prev_close": "100.00",
            "volume": "7",
            "time": "2026-03-02T06:00:00.000+00:00",
        }
    ]


# --- over the WebSocket -------------------------------------------------------------------


def token_for(live: LiveServer) -> str:
    response = httpx.post(
        f"{live.url}/api/v1/auth/login", json={"login": DEMO[0], "password": DEMO[1]}
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


async def open_stream(live: LiveServer, token: str) -> ClientConnection:
    return await connect(
        live.ws_url, additional_headers={"Authorization": f"Bearer {token}"}, open_timeout=TIMEOUT
    )


async def next_frame(ws: ClientConnection) -> dict[str, Any]:
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), TIMEOUT))
        if frame.get("op") != "ping":
            return frame  # type: ignore[no-any-return]


def test_max_rate_hz_out_of_range_or_off_quotes_is_refused(
    live_server_factory: Callable[..., LiveServer],
) -> None:
    live = live_server_factory()
    token = token_for(live)
    bad = [0, 101, -1, 2.5, "10", True]

    async def scenario() -> list[dict[str, Any]]:
        frames = []
        async with await open_stream(live, token) as ws:
            for rate in bad:
                await ws.send(subscribe([HSBK], rate))
                frames.append(await next_frame(ws))
            await ws.send(json.dumps({"op": "subscribe", "channel": "orders", "max_rate_hz": 5}))
            frames.append(await next_frame(ws))
            await ws.send(
                json.dumps(
                    {"op": "unsubscribe", "channel": "quotes", "ids": [HSBK], "max_rate_hz": 5}
                )
            )
            frames.append(await next_frame(ws))
            # The stream stays, and a rate in range is taken.
            await ws.send(subscribe([HSBK], 1))
            frames.append(await next_frame(ws))
        return frames

    frames = asyncio.run(scenario())
    for frame in frames[:-1]:
        assert frame["op"] == "error" and frame["code"] == "bad_command", frame
        assert frame["message"].startswith("max_rate_hz")
    assert frames[-1]["channel"] == "quotes"
    assert [q["instrument_id"] for q in frames[-1]["data"]] == [HSBK]


def test_a_conflated_subscription_over_the_websocket(
    live_server_factory: Callable[..., LiveServer],
) -> None:
    live = live_server_factory(simulate=True, tick_rate=2000)
    token = token_for(live)

    async def scenario() -> tuple[list[dict[str, Any]], int]:
        async with await open_stream(live, token) as ws:
            await ws.send(subscribe([HSBK], 2))
            assert [q["instrument_id"] for q in (await next_frame(ws))["data"]] == [HSBK]
            # Its snapshot comes among the updates, with the other instrument's.
            await ws.send(subscribe([KSPI]))
            busy: list[dict[str, Any]] = []
            others = 0
            while len(busy) < 4:
                for item in (await next_frame(ws))["data"]:
                    if item["instrument_id"] == HSBK:
                        busy.append(item)
                    else:
                        others += 1
            return busy, others

    busy, others = asyncio.run(scenario())
    # Bounded by the server's own quote times: over a span of S seconds, at most 2 S + 2.
    stamps = [datetime.fromisoformat(q["time"]).timestamp() for q in busy]
    assert stamps == sorted(stamps)
    assert len(busy) <= 2 * (stamps[-1] - stamps[0]) + 2
    # Meanwhile the full-rate instrument, ticking as often, came through many times over.
    assert others > 4 * len(busy)
