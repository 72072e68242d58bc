"""A scripted user places, cancels and signs orders and withdrawals while faults rotate.

A local mock backend runs as a subprocess (`--always-open`, in memory). The app reaches it
through a loopback TCP proxy in this process, which can "drip" (pass the server's bytes on a
few at a time), since the mock's own fault switches have no drip. In an offscreen
QApplication under qasync, the real `Session` (API client and stream), an `OrdersModel` of
today's orders, `OrderTicket` and `WithdrawalTicket` do what the forms do: draft, SMS code
(read from `/mock/sms-outbox`), confirm with the draft's Idempotency-Key, and, when the
answer is unknown, the ticket's own check. So the client's retries and idempotency are what
is soaked, not raw HTTP.

Faults rotate every phase (a sixth of the run, 5 to 30 s): latency 300 ms, 15 % injected
503s, a dropped stream (every 2 s, and 2 s of "stream down"), crash after commit (the
response to a create is lost after its commit), drip. Every order has a price no other has,
every withdrawal an amount no other has, so the server's lists tell what was made and what
twice. At the end the faults are cleared, unknown outcomes are waited for, and the server's
orders, withdrawals and balances are read.

    QT_QPA_PLATFORM=offscreen python benchmarks/soak.py [--minutes 3]

The last line is one JSON object: orders and withdrawals intended (signed, less the ones the
server refused outright) vs made, duplicates, negative balances, the UI loop's p99 lag, RSS
growth after warm-up (goal under 10 %), error boxes (uncaught exceptions, which the app shows
in a box), hangs (a step past 120 s) and the refusals by code.

Not all RSS growth is a leak: the Orders model keeps every order of the day, and the user here
places one every second or so. `orders_model_rows` (at warm-up, at the end) and
`python_blocks_growth_pct` (Python's allocated blocks) tell that growth apart;
`native_heap_mib` (glibc's C heap: in use, and free but held) tells allocation from
fragmentation; `--trace-memory N` lists the N places whose Python allocations grew most after
the warm-up (tracemalloc, slow: fewer documents are made). The process runs the app's
`MainThreadCollector` and `HeapTrimmer`, as `app.py` does.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import json
import sys
import threading
import time
import tracemalloc
from array import array
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from _common import demo_session, mock_backend, percentile, run_qt

INSTRUMENT = "KASE:HSBK"
ACCOUNT = "acc_demo_kzt"
IBAN = "KZ476010131000179714"
BIC = "HSBKKZKX"
LAG_TICK_MS = 20
RSS_GOAL = 0.10
WARM_UP_SHARE = 0.2
STEP_LIMIT_S = 120.0
"""A single step (a draft, a confirm, a cancel) taking longer than this counts as a hang."""
SETTLE_LIMIT_S = 240.0
"""How long the unknown outcomes may take to become known once the faults are off."""
DRIP_BYTES = 8
DRIP_PAUSE_S = 0.02
"""Drip: 8 bytes every 20 ms (400 B/s), so a list takes seconds and a portfolio may hit its
deadline."""
PHASES = ("latency", "errors", "stream", "crash", "drip")

T = TypeVar("T")


# --- the dripping proxy -----------------------------------------------------------------------


class DripProxy:
    """A loopback TCP proxy in its own thread; while `drip` is on, answers arrive slowly.

    Its own thread and loop, so the proxy's work never shows up as lag of the UI loop.
    """

    def __init__(self, target_url: str) -> None:
        parts = urlsplit(target_url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.drip = False
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="drip-proxy", daemon=True)
        self._stopping: asyncio.Event | None = None

    def start(self) -> str:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the proxy did not start")
        return self.url

    def stop(self) -> None:
        if self._stopping is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stopping = asyncio.Event()
        server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self._ready.set()
        async with server:
            await self._stopping.wait()
        # Connections still open (the stream's) end here, before the loop closes.
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _connection(self, client_r: asyncio.StreamReader, client_w: Any) -> None:
        try:
            server_r, server_w = await asyncio.open_connection(self.host, self.port)
        except OSError:
            client_w.close()
            return
        # Cancelled only when the proxy stops: the connection just ends.
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(
                self._pump(client_r, server_w, slow=False),
                self._pump(server_r, client_w, slow=True),
                return_exceptions=True,
            )

    async def _pump(self, source: asyncio.StreamReader, sink: Any, *, slow: bool) -> None:
        try:
            while data := await source.read(65536):
                while slow and self.drip and data:
                    piece, data = data[:DRIP_BYTES], data[DRIP_BYTES:]
                    sink.write(piece)
                    await sink.drain()
                    await asyncio.sleep(DRIP_PAUSE_S)
                # Drip off (or ended mid-chunk): the rest at once.
                sink.write(data)
                await sink.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            sink.close()


# --- what is counted ----------------------------------------------------------------------------


@dataclass
class Tally:
    signed: Counter[str] = field(default_factory=Counter)
    """Confirms sent, by kind ("order", "withdrawal")."""
    refused: Counter[str] = field(default_factory=Counter)
    """Refusal codes ("order:insufficient_funds"): the server answered that nothing was made."""
    unknown: Counter[str] = field(default_factory=Counter)
    """Confirms whose answer was unknown (the ticket then found out)."""
    abandoned: Counter[str] = field(default_factory=Counter)
    """Documents given up before signing (no draft or no code after several tries)."""
    results: dict[str, set[str]] = field(
        default_factory=lambda: {"order": set(), "withdrawal": set()}
    )
    """Ids the client was given for what it made."""
    cancels: Counter[str] = field(default_factory=Counter)
    hangs: Counter[str] = field(default_factory=Counter)
    lost_responses: int = 0
    """Creates whose response the mock dropped after the commit (crash after commit)."""
    error_boxes: int = 0
    lags_ms: array[float] = field(default_factory=lambda: array("d"))
    """One a tick: an array of doubles, so that counting lags adds little to the RSS measured
    (a list of floats grew by about 1 MB in 10 minutes)."""
    phases: Counter[str] = field(default_factory=Counter)
    phase: str = "warm-up"
    documents: Counter[str] = field(default_factory=Counter)
    """Documents the user finished, by the phase they were started in."""

    def refuse(self, kind: str, error: Exception) -> None:
        self.refused[f"{kind}:{getattr(error, 'code', type(error).__name__)}"] += 1

    def refusals(self, kind: str) -> int:
        return sum(n for key, n in self.refused.items() if key.startswith(f"{kind}:"))


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def native_heap_mib() -> dict[str, float]:
    """glibc's own account of the C heap (all arenas): what is in use, and what is free but
    held (trimmed pages included), so RSS growth can be told apart as allocation or as
    fragmentation ({} off glibc or before 2.33)."""
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return {}
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return {
        "in_use": round((info.uordblks + info.hblkhd) / 2**20, 1),
        "free_held": round(info.fordblks / 2**20, 1),
    }


def rss_bytes() -> int:
    """This process's resident set (Linux /proc; 0 where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# --- the mock's controls ------------------------------------------------------------------------


class Mock:
    """The mock's /mock controls, straight to it (never through the proxy or its faults)."""

    def __init__(self, url: str) -> None:
        import httpx

        # No keep-alive: the mock drops a connection idle for 5 s, and a call on one it has
        # just dropped fails ("Server disconnected"); a slow (traced) run meets that often.
        self.http = httpx.AsyncClient(
            base_url=url,
            timeout=10,
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    async def faults(self, **change: Any) -> dict[str, Any]:
        response = await self.http.post("/mock/faults", json=change)
        response.raise_for_status()
        return dict(response.json())

    async def sms_code(self, challenge_id: str) -> str:
        for _ in range(200):
            response = await self.http.get("/mock/sms-outbox", params={"limit": 200})
            for item in response.json()["items"]:
                if item["challenge_id"] == challenge_id:
                    return str(item["code"])
            await asyncio.sleep(0.05)
        raise RuntimeError(f"no SMS code for {challenge_id}")


async def rotate_faults(mock: Mock, proxy: DripProxy, phase_s: float, tally: Tally) -> None:
    """Each phase for `phase_s` seconds, in turn, until cancelled."""
    number = 0
    while True:
        name = PHASES[number % len(PHASES)]
        number += 1
        tally.phases[name] += 1
        tally.phase = name
        proxy.drip = False
        await mock.faults(clear=True)
        ends = time.monotonic() + phase_s
        if name == "latency":
            await mock.faults(latency_ms=300)
        elif name == "errors":
            await mock.faults(error_rate=0.15)
        elif name == "drip":
            proxy.drip = True
        while (left := ends - time.monotonic()) > 0:
            if name == "stream":
                middle = abs(left - phase_s / 2) < 1.0
                await mock.faults(stream_down=middle, drop_stream=not middle)
            elif name == "crash":
                await mock.faults(crash_after_commit=2)
                await asyncio.sleep(min(2.0, left))
                # Each response lost after its commit counted the switch down by one.
                tally.lost_responses += 2 - int((await mock.faults())["crash_after_commit"])
                continue
            await asyncio.sleep(min(2.0, left))


# --- the scripted user --------------------------------------------------------------------------


async def step(tally: Tally, what: str, make: Callable[[], Awaitable[T]]) -> T:
    """One step as a user takes it; past STEP_LIMIT_S it is a hang (and given up)."""
    try:
        return await asyncio.wait_for(make(), STEP_LIMIT_S)
    except TimeoutError:
        tally.hangs[what] += 1
        raise


async def persist(tally: Tally, what: str, make: Callable[[], Awaitable[T]], tries: int = 6) -> T:
    """Try a step again after a failure, as a user presses the button again."""
    from cesec_desktop.state.errors import CabinetError

    for attempt in range(tries):
        try:
            return await step(tally, what, make)
        except (CabinetError, TimeoutError):
            if attempt == tries - 1:
                raise
            await asyncio.sleep(0.5)
    raise AssertionError("unreachable")


class User:
    def __init__(self, session: Any, mock: Mock, tally: Tally, base_price: Decimal) -> None:
        self.session = session
        self.mock = mock
        self.tally = tally
        self.base_price = base_price
        self.prices: set[Decimal] = set()
        self.amounts: set[Decimal] = set()
        self.resting: list[str] = []
        self.checking: list[Any] = []
        """Tickets finding out an unknown outcome (kept open until they know)."""
        self.count = 0

    async def act(self) -> None:
        self.count += 1
        self.tally.documents[self.tally.phase] += 1
        if self.count % 4 == 0:
            await self.withdraw()
        else:
            await self.place_order()
        if self.count % 3 == 0 and self.resting:
            await self.cancel(self.resting.pop(0))

    async def sign(self, kind: str, ticket: Any) -> None:
        """Draft, code and confirm as the signing window does; the outcome is tallied."""
        from cesec_desktop.domain.models.signing import SmsSignature
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.state.signing import OutcomeUnknown

        signature = None
        for _ in range(4):
            try:
                await persist(self.tally, "draft", ticket.make_draft)
                challenge = await persist(self.tally, "sms", ticket.send_sms, tries=2)
            except (CabinetError, TimeoutError):
                # Nothing signed yet: a fresh draft (and so a fresh code) is safe.
                ticket.drop_draft()
                continue
            code = await self.mock.sms_code(challenge.challenge_id)
            signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
            break
        if signature is None:
            self.tally.abandoned[kind] += 1
            ticket.close()
            return
        self.tally.signed[kind] += 1
        try:
            result = await step(self.tally, "confirm", lambda: ticket.confirm(signature))
        except OutcomeUnknown:
            self.tally.unknown[kind] += 1
            self.find_out(kind, ticket)
            return
        except TimeoutError:
            self.find_out(kind, ticket)
            return
        except CabinetError as error:
            self.tally.refuse(kind, error)
            ticket.close()
            return
        self.made(kind, result)
        ticket.close()

    def made(self, kind: str, result: Any) -> None:
        self.tally.results[kind].add(result.id)
        if kind == "order" and result.status.is_open:
            self.resting.append(result.id)

    def find_out(self, kind: str, ticket: Any) -> None:
        """The ticket's own check, in the background as in the app; the user goes on."""

        def known(result: Any, refusal: Any) -> None:
            if result is not None:
                self.made(kind, result)
            else:
                self.tally.refuse(kind, refusal)
            self.checking.remove(ticket)
            ticket.close()

        ticket.outcomeKnown.connect(known)
        self.checking.append(ticket)
        ticket.check_outcome()

    async def place_order(self) -> None:
        from cesec_desktop.domain.enums import OrderType, Side
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.state.order_ticket import OrderTicket
        from cesec_desktop.state.orders_query import almaty_today

        ticket = OrderTicket(self.session)
        try:
            await persist(self.tally, "instrument", lambda: ticket.choose_instrument(INSTRUMENT))
        except (CabinetError, TimeoutError):
            self.tally.abandoned["order"] += 1
            ticket.close()
            return
        price = self.base_price - Decimal(len(self.prices)) / 100
        self.prices.add(price)
        ticket.set_account(ACCOUNT)
        ticket.set_side(Side.BUY)
        ticket.set_type(OrderType.LIMIT)
        ticket.set_price(price)
        ticket.set_quantity(Decimal(1))
        ticket.set_valid_until(almaty_today() + timedelta(days=7))
        await self.sign("order", ticket)

    async def withdraw(self) -> None:
        from cesec_desktop.state.withdrawal_ticket import WithdrawalTicket

        ticket = WithdrawalTicket(self.session)
        amount = Decimal(100) + Decimal(len(self.amounts)) / 100
        self.amounts.add(amount)
        ticket.set_account(ACCOUNT)
        ticket.set_amount(amount)
        ticket.set_iban(IBAN)
        ticket.set_bic(BIC)
        ticket.set_purpose("soak")
        await self.sign("withdrawal", ticket)

    async def cancel(self, order_id: str) -> None:
        from cesec_desktop.state.errors import CabinetError, Conflict

        try:
            await persist(
                self.tally, "cancel", lambda: self.session.call(lambda c: c.cancel_order(order_id))
            )
            self.tally.cancels["done"] += 1
        except Conflict:
            self.tally.cancels["conflict"] += 1  # an earlier try went through after all
        except (CabinetError, TimeoutError):
            self.tally.cancels["failed"] += 1


# --- the server's word, read with the faults off -------------------------------------------------


async def all_pages(fetch: Callable[[str | None], Awaitable[Any]]) -> list[Any]:
    items: list[Any] = []
    cursor: str | None = None
    while True:
        page = await fetch(cursor)
        items.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            return items


async def negative_balances(session: Any) -> int:
    portfolio = await session.call(lambda c: c.portfolio())
    cash = [c for c in portfolio.cash if c.balance < 0 or c.available < 0]
    held = [p for p in portfolio.positions if p.quantity < 0 or p.available < 0]
    return len(cash) + len(held)


async def server_counts(session: Any, user: User, started: datetime) -> dict[str, Any]:
    from cesec_desktop.state.orders_query import almaty_today

    day = almaty_today() - timedelta(days=1)
    orders = await all_pages(
        lambda cursor: session.call(
            lambda c: c.orders(start=day, instrument=INSTRUMENT, limit=200, cursor=cursor)
        )
    )
    instructions = await all_pages(
        lambda cursor: session.call(lambda c: c.instructions(start=day, limit=200, cursor=cursor))
    )
    ours_o = [o for o in orders if o.created_at >= started and o.price in user.prices]
    ours_w = [i for i in instructions if i.created_at >= started and i.amount in user.amounts]
    by_price = Counter(o.price for o in ours_o)
    by_amount = Counter(i.amount for i in ours_w)
    return {
        "orders_made": len(by_price),
        "withdrawals_made": len(by_amount),
        "duplicates": sum(n - 1 for n in by_price.values())
        + sum(n - 1 for n in by_amount.values()),
        "results_missing": len(user.tally.results["order"] - {o.id for o in ours_o})
        + len(user.tally.results["withdrawal"] - {i.id for i in ours_w}),
        "negative_balances": await negative_balances(session),
    }


# --- the run ------------------------------------------------------------------------------------


def memory_growth(before: Any, after: Any, top: int) -> list[dict[str, Any]]:
    """The `top` places whose Python allocations grew most between two tracemalloc
    snapshots, each with the few frames that led there (this run's code first)."""
    stats = after.compare_to(before, "traceback")
    rows: list[dict[str, Any]] = []
    for stat in sorted(stats, key=lambda s: s.size_diff, reverse=True)[:top]:
        frames = [f"{frame.filename}:{frame.lineno}" for frame in stat.traceback]
        rows.append(
            {
                "kib": round(stat.size_diff / 1024, 1),
                "blocks": stat.count_diff,
                "where": frames[-1] if frames else "?",
                "via": frames[-6:-1][::-1],
            }
        )
    return rows


async def soak(url: str, minutes: float, trace_memory: int = 0) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    from cesec_desktop.state.orders_model import OrdersModel
    from cesec_desktop.state.orders_query import OrdersQuery, Period

    tally = Tally()
    loop = asyncio.get_running_loop()

    def counted_hook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        tally.error_boxes += 1
        sys.__excepthook__(kind, error, tb)

    def loop_errors(_loop: Any, context: dict[str, Any]) -> None:
        tally.error_boxes += 1
        print(f"loop error: {context.get('message')} {context.get('exception')!r}", file=sys.stderr)

    sys.excepthook = counted_hook
    loop.set_exception_handler(loop_errors)

    from cesec_desktop.state.gc_guard import MainThreadCollector
    from cesec_desktop.state.heap_trim import HeapTrimmer

    # As the app runs (app.py): cycles freed on this thread, free heap handed back.
    collector = MainThreadCollector()
    trimmer = HeapTrimmer()
    proxy = DripProxy(url)
    mock = Mock(url)
    session = await demo_session(proxy.start())
    started = session_now()
    model = OrdersModel(session)
    model.set_query(OrdersQuery.preset(Period.TODAY))

    last = time.perf_counter()

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        tally.lags_ms.append(max(0.0, (now - last) * 1000 - LAG_TICK_MS))
        last = now

    ticker = QTimer()
    ticker.setInterval(LAG_TICK_MS)
    ticker.timeout.connect(tick)
    ticker.start()

    quote = (await session.call(lambda c: c.quotes([INSTRUMENT])))[0]
    base = (quote.bid * Decimal("0.92")).quantize(Decimal("0.01"))  # rests, does not fill
    user = User(session, mock, tally, base)

    total = minutes * 60
    phase_s = max(5.0, min(30.0, total / 6))
    began = time.monotonic()
    warm_until = began + total * WARM_UP_SHARE
    rss_warm = 0
    blocks_warm = rows_warm = 0
    heap_warm: dict[str, float] = {}
    snapshot_warm: Any = None
    rotator = asyncio.ensure_future(rotate_faults(mock, proxy, phase_s, tally))
    while time.monotonic() - began < total:
        with contextlib.suppress(TimeoutError):  # a hang, counted; the user goes on
            await user.act()
        if not rss_warm and time.monotonic() >= warm_until:
            rss_warm = rss_bytes()
            blocks_warm, rows_warm = sys.getallocatedblocks(), model.rowCount()
            heap_warm = native_heap_mib()
            if trace_memory:
                snapshot_warm = tracemalloc.take_snapshot()
    rss_end = rss_bytes()
    blocks_end, rows_end = sys.getallocatedblocks(), model.rowCount()
    heap_end = native_heap_mib()
    growth_by_place: list[dict[str, Any]] = []
    if trace_memory and snapshot_warm is not None:
        growth_by_place = memory_growth(snapshot_warm, tracemalloc.take_snapshot(), trace_memory)
        traced, _peak = tracemalloc.get_traced_memory()
        print(f"python heap traced at the end: {traced / 2**20:.1f} MiB", flush=True)
        for row in growth_by_place:
            print(f"{row['kib']:>9.1f} KiB {row['blocks']:>+7} blocks  {row['where']}", flush=True)
            for frame in row["via"]:
                print(f"{'':>28}via {frame}", flush=True)
    rotator.cancel()
    await asyncio.gather(rotator, return_exceptions=True)
    proxy.drip = False
    await mock.faults(clear=True)
    print(f"user done after {user.count} documents; settling", flush=True)

    settle_until = time.monotonic() + SETTLE_LIMIT_S
    while user.checking and time.monotonic() < settle_until:
        await asyncio.sleep(0.2)
    unresolved = len(user.checking)
    counts = await server_counts(session, user, started)
    ticker.stop()
    lag_p99 = percentile(list(tally.lags_ms), 0.99)
    growth = (rss_end - rss_warm) / rss_warm if rss_warm else 0.0

    for ticket in list(user.checking):
        ticket.close()
    model.deleteLater()
    trimmer.deleteLater()
    collector.deleteLater()
    await session.close()
    await mock.http.aclose()
    proxy.stop()

    orders_intended = tally.signed["order"] - tally.refusals("order")
    withdrawals_intended = tally.signed["withdrawal"] - tally.refusals("withdrawal")
    ok = (
        orders_intended == counts["orders_made"]
        and withdrawals_intended == counts["withdrawals_made"]
        and counts["duplicates"] == 0
        and counts["negative_balances"] == 0
        and counts["results_missing"] == 0
        and tally.error_boxes == 0
        and not tally.hangs
        and unresolved == 0
    )
    return {
        "benchmark": "soak",
        "minutes": minutes,
        "orders_intended": orders_intended,
        "orders_made": counts["orders_made"],
        "withdrawals_intended": withdrawals_intended,
        "withdrawals_made": counts["withdrawals_made"],
        "duplicates": counts["duplicates"],
        "negative_balances": counts["negative_balances"],
        "results_missing": counts["results_missing"],
        "ui_lag_p99_ms": round(lag_p99, 1),
        "rss_growth_pct": round(growth * 100, 1),
        "rss_mb": round(rss_end / 2**20, 1),
        # Growth the app is meant to have: today's orders stay in the Orders model (the user
        # places one every second or so); Python's own blocks, for comparison with the RSS.
        "orders_model_rows": [rows_warm, rows_end],
        "python_blocks_growth_pct": round(
            (blocks_end - blocks_warm) / blocks_warm * 100 if blocks_warm else 0.0, 1
        ),
        "native_heap_mib": {"warm": heap_warm, "end": heap_end},
        "error_boxes": tally.error_boxes,
        "hangs": dict(tally.hangs),
        "lost_responses": tally.lost_responses,
        "unknown_outcomes": dict(tally.unknown),
        "unresolved": unresolved,
        "refused": dict(tally.refused),
        "abandoned": dict(tally.abandoned),
        "cancels": dict(tally.cancels),
        "phases": dict(tally.phases),
        "documents_by_phase": dict(tally.documents),
        "rss_ok": growth < RSS_GOAL,
        "ok": ok,
        **({"python_growth_by_place": growth_by_place} if trace_memory else {}),
    }


def session_now() -> datetime:
    """Now, as the server dates things (the app's clock; the mock runs on real time here)."""
    from cesec_desktop.state import clock

    return clock.now() - timedelta(seconds=5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument(
        "--trace-memory",
        type=int,
        default=0,
        metavar="N",
        help="trace Python allocations (slower) and list the N places that grew most after "
        "the warm-up",
    )
    args = parser.parse_args()
    if args.trace_memory:
        tracemalloc.start(12)
    import PySide6  # noqa: F401  (the import hook the next line adjusts)

    from cesec_desktop.state.module_sources import stop_caching_module_sources

    stop_caching_module_sources()  # as app.py does, before the app's own imports
    with mock_backend(history_size=200, always_open=True) as url:
        figures = run_qt(lambda: soak(url, args.minutes, args.trace_memory))
    print(json.dumps(figures))
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
