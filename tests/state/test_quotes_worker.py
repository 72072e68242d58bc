"""The quotes store and the session on the stream's worker thread, in the qasync loop, against
the real mock on a loopback port (and the store alone, fed by hand)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Collection
from decimal import Decimal
from typing import Any

import httpx
from gui_support import FAST_STREAM, MemoryKeyring, wait_until
from PySide6.QtCore import QTimer
from testkit import DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.stream_frames import QuoteWire
from cesec_desktop.domain.enums import OrderType, Side
from cesec_desktop.domain.models.market import Quote
from cesec_desktop.domain.models.orders import Order, OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature
from cesec_desktop.state.connection import Connection
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.quotes import TABLE_RATE_HZ, QuoteStore
from cesec_desktop.state.session import Session

Factory = Callable[..., LiveServer]
LIVE = {"simulate": True, "always_open": True, "tick_rate": 400}
HSBK, KSPI = "KASE:HSBK", "KASE:KSPI"


async def signed_in(url: str) -> Session:
    session = Session(
        url, CredentialStore(url, backend=MemoryKeyring()), stream_options=FAST_STREAM
    )
    await session.login(*DEMO)
    await wait_until(lambda: session.connection is Connection.ONLINE, what="the stream")
    return session


def stream_threads(before: Collection[threading.Thread] = ()) -> list[threading.Thread]:
    """The stream threads alive now that were not in `before` (what an earlier test may have
    left is that test's finding, not this one's)."""
    return [
        t
        for t in threading.enumerate()
        if t.name == "cabinet-stream" and t.is_alive() and t not in before
    ]


async def place_order(live: LiveServer, client: CabinetClient) -> Order:
    """A limit buy far below the market (it stays open), signed with the mock's SMS code."""
    draft = await client.create_order_draft(
        OrderDraftRequest(
            account_id="acc_demo_kzt",
            instrument_id=HSBK,
            side=Side.BUY,
            type=OrderType.LIMIT,
            price=Decimal("1.00"),
            quantity=Decimal("1"),
        )
    )
    challenge = await client.send_sms(draft.draft_id)
    outbox = await asyncio.to_thread(lambda: httpx.get(f"{live.url}/mock/sms-outbox").json())
    code = next(i["code"] for i in outbox["items"] if i["challenge_id"] == challenge.challenge_id)
    signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
    return await client.confirm_order(draft.draft_id, signature, new_idempotency_key())


def wire(instrument_id: str, last: str, received_at: float) -> QuoteWire:
    return QuoteWire(instrument_id, last, change="1.00", received_at=received_at)


# --- the store alone -----------------------------------------------------------------------


def test_a_tick_files_the_changed_quotes_and_flushes_them_at_once(qapp: Any) -> None:
    store = QuoteStore(None)
    store.stop()  # no timer: this test ticks by hand
    flushes: list[set[str]] = []
    store.flushed.connect(flushes.append)
    received = time.monotonic() - 0.5
    store.take({HSBK: wire(HSBK, "101.50", received), KSPI: wire(KSPI, "99.00", received)})
    assert flushes == [{HSBK, KSPI}]
    row = store.quote(HSBK)
    assert row is not None and row.last == Decimal("101.50") and row.change == Decimal("1.00")
    assert store.received_at(HSBK) == received
    age = store.age(HSBK)
    assert age is not None and age >= 0.5  # from the worker's receive time, not the tick's
    # Ingested dicts (tests, benchmarks) still work beside the worker's structs.
    store.ingest([{"instrument_id": "AIX:KAP", "last": "7.00"}])
    store.flush()
    assert flushes[-1] == {"AIX:KAP"} and store.quote("AIX:KAP") is not None


# --- the store and the session -------------------------------------------------------------


def test_quotes_reach_the_store_from_the_worker_at_the_table_rate(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory(**LIVE)

    async def scenario() -> None:
        session = await signed_in(live.url)
        store = QuoteStore(session)
        flushes: list[set[str]] = []
        store.flushed.connect(flushes.append)
        started = time.monotonic()
        store.watch([HSBK, KSPI])
        assert session.quote_rate(HSBK) == TABLE_RATE_HZ
        await wait_until(
            lambda: store.quote(HSBK) is not None and store.quote(KSPI) is not None,
            what="quotes in the store",
        )
        assert any(HSBK in dirty for dirty in flushes)
        at = store.received_at(HSBK)
        assert at is not None and at >= started
        worker = session.stream
        assert worker is not None
        assert worker.client.quote_rate(HSBK) == TABLE_RATE_HZ
        # The order form's instrument: every update, until it goes.
        store.watch([HSBK], full_rate=True)
        assert session.quote_rate(HSBK) is None
        await wait_until(lambda: worker.client.quote_rate(HSBK) is None, what="the upgrade")
        store.unwatch([HSBK], full_rate=True)
        assert session.quote_rate(HSBK) == TABLE_RATE_HZ
        await wait_until(
            lambda: worker.client.quote_rate(HSBK) == TABLE_RATE_HZ, what="back to the table rate"
        )
        assert store.watched == [HSBK, KSPI]
        store.unwatch([HSBK, KSPI])
        assert not session.quotes_subscribed(HSBK)
        await wait_until(lambda: HSBK not in worker.client.quote_ids, what="unsubscribed")
        store.stop()
        await session.close()

    run(scenario())


def test_parsed_quotes_go_only_to_those_who_asked_for_them(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory(**LIVE)

    async def scenario() -> None:
        session = await signed_in(live.url)
        store = QuoteStore(session)
        parsed: list[Quote] = []
        session.quotesReceived.connect(parsed.extend)
        store.watch([HSBK])  # the table's: unparsed
        session.subscribe_quotes([KSPI])  # someone else's, who wants `Quote`s
        await wait_until(
            lambda: store.quote(HSBK) is not None and any(q.instrument_id == KSPI for q in parsed),
            what="both",
        )
        assert {q.instrument_id for q in parsed} == {KSPI}
        assert all(isinstance(q.last, Decimal) for q in parsed)
        session.quotesReceived.disconnect(parsed.extend)
        store.stop()
        await session.close()

    run(scenario())


def test_order_events_arrive_on_the_ui_thread_in_order(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory(**LIVE)
    ui = threading.get_ident()

    async def scenario() -> None:
        session = await signed_in(live.url)
        seen: list[tuple[str, str, int]] = []
        session.orderUpdated.connect(
            lambda order: seen.append((order.id, order.status.value, threading.get_ident()))
        )
        placed: list[Order] = []
        for _ in range(3):
            placed.append(await session.call(lambda client: place_order(live, client)))
        ids = [o.id for o in placed]
        await wait_until(lambda: {i for i, _, _ in seen} >= set(ids), what="the order events")
        # Each order's first event comes before the next order's: the stream's order.
        firsts = [next(n for n, (i, _, _) in enumerate(seen) if i == key) for key in ids]
        assert firsts == sorted(firsts)
        assert {thread for _, _, thread in seen} == {ui}
        await session.close()

    run(scenario())


def test_log_out_and_close_stop_and_join_the_worker_thread(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory(**LIVE)

    async def scenario() -> None:
        earlier = set(stream_threads())
        session = await signed_in(live.url)
        worker = session.stream
        assert worker is not None and worker.running
        assert len(stream_threads(earlier)) == 1
        states: list[str] = []
        session.connectionChanged.connect(states.append)
        await session.logout()
        assert session.stream is None and not worker.running
        assert stream_threads(earlier) == []
        assert session.connection is Connection.OFFLINE and states[-1] == "offline"
        # Signing in again starts a new thread; closing the app ends it too.
        await session.login(*DEMO)
        await wait_until(lambda: session.connection is Connection.ONLINE, what="the stream")
        assert len(stream_threads(earlier)) == 1 and session.stream is not worker
        await session.close()
        assert stream_threads(earlier) == []

    run(scenario())


def test_a_reconnect_happens_in_the_worker_while_the_ui_loop_keeps_turning(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory(**LIVE)

    async def scenario() -> None:
        session = await signed_in(live.url)
        store = QuoteStore(session)
        store.watch([HSBK])
        await wait_until(lambda: store.quote(HSBK) is not None, what="a quote")
        states: list[str] = []
        resyncs: list[int] = []
        session.connectionChanged.connect(states.append)
        session.resynced.connect(lambda: resyncs.append(1))
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        thread = session.stream.thread if session.stream else None
        await asyncio.to_thread(
            httpx.post, f"{live.url}/mock/faults", json={"drop_stream": True}, timeout=5
        )
        await wait_until(lambda: resyncs and session.connection is Connection.ONLINE, what="back")
        timer.stop()
        assert states[:2] == ["reconnecting", "online"]
        # The same worker thread reconnected; the UI loop ran its timer all along.
        assert session.stream is not None and session.stream.thread is thread
        assert len(ticks) >= 2
        before = store.received_at(HSBK)
        await wait_until(lambda: store.received_at(HSBK) != before, what="quotes again")
        store.stop()
        await session.close()

    run(scenario())


def test_an_unlock_reconnects_in_a_new_worker_thread_with_the_subscriptions_kept(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory(**LIVE)

    async def scenario() -> None:
        earlier = set(stream_threads())
        session = await signed_in(live.url)
        store = QuoteStore(session)
        store.watch([HSBK])
        await wait_until(lambda: store.quote(HSBK) is not None, what="a quote")
        first = session.stream.thread if session.stream else None
        await session.unlock(DEMO[1])
        await wait_until(lambda: session.connection is Connection.ONLINE, what="the stream")
        assert session.stream is not None and session.stream.thread is not first
        assert first is not None and not first.is_alive()
        assert len(stream_threads(earlier)) == 1
        before = store.received_at(HSBK)
        await wait_until(lambda: store.received_at(HSBK) != before, what="quotes again")
        store.stop()
        await session.close()

    run(scenario())
