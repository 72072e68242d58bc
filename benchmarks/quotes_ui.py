"""Live quotes into the real Home screen, against a naive baseline and the machine's floor.

The mock backend runs as a subprocess (`--always-open --tick-rate RATE
--synthetic-instruments 160 --history-size 0`). The demo client's watchlists are set to every
visible instrument of each market (PUT /watchlists/{market}); the synthetic KASE:SYNnnnn
instruments are hidden, which watchlists refuse, so they are added to the KASE table through
its model (`set_ids`), which subscribes them. 200 instruments are watched in all.

Three phases in the same run, each with its own signed-in stream:
1. Home: the real page (stream worker thread, quotes store, coalescing models, delegates),
   shown offscreen. Its tables ask the server for 10 Hz per instrument (`max_rate_hz`), or
   for every update with `--no-conflation`.
2. the baseline: what a naive client does. A QTableWidget with the same 200 rows, a stream
   on the UI loop subscribed at full rate, every update's texts set into its cells.
3. the floor: a consumer that only receives and decodes the frames (the worker thread,
   msgspec) and drops them, subscribed as Home is: the least this machine can spend on that
   stream, with an idle UI loop beside it.

Each phase measures, after a warm-up: the UI loop's lag (a 10 ms timer's lateness: p50, p99,
max), the whole app's CPU (process time / wall time; 1.0 = one core), the updates received,
what reached the screen, and freshness: the age of each instrument's newest quote when the
table next paints after it changed, counted from the moment the client received it (for the
floor: when it was decoded and dropped). `e2e_age` counts instead from the quote's own
exchange time, so it includes the server's batching and conflation and shows a backlog
that grows in the socket (`e2e_age_trend_ms`: the last tenth's median minus the first's).

    QT_QPA_PLATFORM=offscreen python benchmarks/quotes_ui.py [--seconds 10] [--rate 20000]
    QT_QPA_PLATFORM=offscreen python benchmarks/quotes_ui.py --rate 100000 --no-conflation
    QT_QPA_PLATFORM=offscreen python benchmarks/quotes_ui.py --memory --seconds 1800

`--memory` runs Home alone and samples its RSS every 10 s instead (the growth is the median
of the last tenth of the samples over the first tenth's).

Goals (issue 13): Home p99 lag <= 16 ms, CPU <= 0.35 core, freshness p99 <= 150 ms at
20,000/s; at 100,000/s without conflation, p99 lag <= 16 ms and freshness p99 <= 250 ms. The
last line is one JSON object (times in milliseconds). With `--memory`: RSS growth < 5 % after
30 minutes at 20,000/s.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import tempfile
import time
from datetime import UTC, datetime
from typing import Any

from _common import (
    DEMO_LOGIN,
    DEMO_PASSWORD,
    demo_session,
    http_client,
    mock_backend,
    no_keyring,
    percentile,
    rss_mb,
    run_qt,
    sign_in,
    synthetic_ids,
    until,
    visible_instruments,
)

RATE = 20_000
SYNTHETIC = 160
WATCHED = 200
LAG_INTERVAL_MS = 10
TABLE_RATE_HZ = 10
FIELDS = ("last", "change", "change_pct", "bid", "ask", "volume", "time")
GOALS = {
    "conflated": {"lag_p99_ms": 16.0, "cpu_cores": 0.35, "freshness_p99_ms": 150.0},
    "full_rate": {"lag_p99_ms": 16.0, "freshness_p99_ms": 250.0},
    "memory": {"rss_growth_pct": 5.0},
}
MEMORY_SAMPLE_S = 10.0


def prepare_watchlists(url: str) -> tuple[dict[str, list[str]], list[str]]:
    """Every visible instrument into its market's watchlist; returns them and the synthetic ids."""
    by_market: dict[str, list[str]] = {}
    with http_client(url) as http:
        sign_in(http)
        for item in visible_instruments(http):
            by_market.setdefault(item["market"], []).append(item["id"])
        for market, ids in by_market.items():
            put = http.put(f"/api/v1/watchlists/{market}", json={"instrument_ids": ids})
            put.raise_for_status()
    visible = sum(len(ids) for ids in by_market.values())
    synthetic = synthetic_ids(SYNTHETIC)[: max(WATCHED - visible, 0)]
    return by_market, synthetic


class LagProbe:
    """A 10 ms timer that records how late each of its ticks fires."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.lags: list[float] = []
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(LAG_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self.lags.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lags.append(max(0.0, (now - self._last) * 1000 - LAG_INTERVAL_MS))
        self._last = now


class Freshness:
    """Ages (ms) of quotes when they reach the screen, and from their exchange time.

    `changed(key, received_at, exchange_time)` notes an instrument's newest quote; at the next
    paint of a watched widget (`painted()`), each noted quote's age is sampled once. Sampling
    is off until `start()`, so the warm-up does not count.
    """

    def __init__(self) -> None:
        self.ages: list[float] = []
        self.e2e: list[float] = []
        self._pending: dict[Any, tuple[float, datetime | str | None]] = {}
        self.on = False

    def start(self) -> None:
        self.ages.clear()
        self.e2e.clear()
        self._pending.clear()
        self.on = True

    def changed(
        self, key: Any, received_at: float | None, exchange_time: datetime | str | None
    ) -> None:
        if self.on and received_at is not None:
            self._pending[key] = (received_at, exchange_time)

    def painted(self) -> None:
        if not self._pending:
            return
        now = time.monotonic()
        wall = datetime.now(UTC)
        for received_at, moment in self._pending.values():
            self.ages.append((now - received_at) * 1000)
            if moment:
                self.e2e.append(_since(wall, moment))
        self._pending.clear()

    def sample_now(self, received_at: float, moment: str | None) -> None:
        """For the floor: the quote is handed over (dropped) right now."""
        if self.on:
            self.ages.append((time.monotonic() - received_at) * 1000)
            if moment:
                self.e2e.append(_since(datetime.now(UTC), moment))

    def figures(self) -> dict[str, Any]:
        trend = 0.0
        if len(self.e2e) >= 20:
            tenth = len(self.e2e) // 10
            trend = percentile(self.e2e[-tenth:], 0.5) - percentile(self.e2e[:tenth], 0.5)
        return {
            "freshness_p50_ms": round(percentile(self.ages, 0.50), 1),
            "freshness_p99_ms": round(percentile(self.ages, 0.99), 1),
            "freshness_samples": len(self.ages),
            "e2e_age_p50_ms": round(percentile(self.e2e, 0.50), 1),
            "e2e_age_p99_ms": round(percentile(self.e2e, 0.99), 1),
            "e2e_age_trend_ms": round(trend, 1),
        }


def _since(wall: datetime, moment: datetime | str) -> float:
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return 0.0
    return (wall - moment).total_seconds() * 1e3


class PaintCounter:
    """Counts paint events on the widgets it watches (and tells `Freshness` of each)."""

    def __init__(self, freshness: Freshness | None = None) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.paints += 1
                    if freshness is not None:
                        freshness.painted()
                return False

        self.paints = 0
        self.filter = Filter()

    def watch(self, widget: Any) -> None:
        widget.installEventFilter(self.filter)


class GcProbe:
    """Pauses of Python's cycle collector, any thread (a full collection of a big heap is
    one long step for whichever thread triggers it)."""

    def __init__(self) -> None:
        self.pauses_ms: list[tuple[int, float]] = []
        self._started = 0.0

    def __enter__(self) -> GcProbe:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses_ms.append((info["generation"], (time.perf_counter() - self._started) * 1e3))

    def figures(self) -> dict[str, Any]:
        pauses = [ms for _, ms in self.pauses_ms]
        return {
            "gc_collections": len(pauses),
            "gc_full_collections": sum(1 for generation, _ in self.pauses_ms if generation == 2),
            "gc_pause_max_ms": round(max(pauses, default=0.0), 1),
            "gc_pause_total_ms": round(sum(pauses), 1),
        }


async def measure(
    probe: LagProbe, seconds: float, counters: Any, freshness: Freshness
) -> dict[str, Any]:
    """Run the loop for `seconds`; `counters()` returns a dict of running totals."""
    before = counters()
    freshness.start()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    probe.start()
    with GcProbe() as collector:
        await asyncio.sleep(seconds)
    probe.stop()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    freshness.on = False
    after = counters()
    result: dict[str, Any] = {key: after[key] - before[key] for key in after}
    result["updates_per_s"] = round(result["updates_received"] / wall, 1)
    result.update(
        seconds=round(wall, 2),
        lag_p50_ms=round(percentile(probe.lags, 0.50), 2),
        lag_p99_ms=round(percentile(probe.lags, 0.99), 2),
        lag_max_ms=round(max(probe.lags, default=0.0), 2),
        lag_ticks=len(probe.lags),
        cpu_cores=round(cpu / wall, 3),
        **freshness.figures(),
        **collector.figures(),
    )
    return result


async def memory_over_time(seconds: float, counters: Any) -> dict[str, Any]:
    """RSS every `MEMORY_SAMPLE_S` for `seconds`, and nothing else kept: the lag and freshness
    samples of a long run would grow this process by themselves."""
    before = counters()
    first, _ = rss_mb()
    samples = [first]
    started = time.perf_counter()
    for _ in range(max(1, round(seconds / MEMORY_SAMPLE_S))):
        await asyncio.sleep(min(MEMORY_SAMPLE_S, seconds))
        samples.append(rss_mb()[0])
    wall = time.perf_counter() - started
    after = counters()
    result: dict[str, Any] = {key: after[key] - before[key] for key in after}
    result["updates_per_s"] = round(result["updates_received"] / wall, 1)
    tenth = max(1, len(samples) // 10)
    # Medians of the first and last tenth: one sample at a trim's low or a burst's high
    # does not decide the figure.
    start, end = percentile(samples[:tenth], 0.5), percentile(samples[-tenth:], 0.5)
    result.update(
        seconds=round(wall, 1),
        rss_start_mb=start,
        rss_end_mb=end,
        rss_max_mb=max(samples),
        rss_growth_pct=round((end - start) / start * 100, 1),
        rss_samples_mb=samples,
    )
    return result


async def new_session(url: str) -> Any:
    session = await demo_session(url, stream_options={"backoff_initial": 0.2})
    await until(
        lambda: session.connection.value == "online", timeout=15, poll=0.05, what="the stream"
    )
    return session


async def home_phase(url: str, synthetic: list[str], args: Any) -> dict[str, Any]:
    from PySide6.QtWidgets import QMainWindow

    from cesec_desktop.state.quotes import QuoteStore
    from cesec_desktop.views.pages.home import HomePage

    QuoteStore.table_rate_hz = None if args.no_conflation else TABLE_RATE_HZ
    session = await new_session(url)
    window = QMainWindow()
    window.session = session  # type: ignore[attr-defined]
    home = HomePage(window, session=session)
    window.setCentralWidget(home)
    window.resize(1600, 1000)
    window.show()
    home.set_profile(session.me)
    await until(lambda: home.watchlists.is_loaded, timeout=15, poll=0.05, what="the watchlists")
    kase = home.models["KASE"]
    kase.set_ids(home.watchlists.ids("KASE") + synthetic)
    watched = sum(m.rowCount() for m in home.models.values())
    store = home.quotes
    # Names and tickers of 200 instruments come by REST: let that finish before measuring.
    await until(
        lambda: not any(t.get_name() == "describe-instruments" for t in home.tasks.pending),
        timeout=60,
        poll=0.05,
        what="the instruments' names",
    )
    freshness = Freshness()
    shown = {key for m in home.models.values() for key in m.ids}

    def flushed(dirty: set[str]) -> None:
        for key in dirty & shown:
            row = store.quote(key)  # parsed already by the models (connected first): cached
            freshness.changed(key, store.received_at(key), row.time if row else None)

    store.flushed.connect(flushed)
    paints = PaintCounter(freshness)
    for panel in home.panels.values():
        paints.watch(panel.table.viewport())
    probe = LagProbe()
    worker = session.stream

    def counters() -> dict[str, int]:
        return {
            "updates_received": worker.book.received if worker is not None else 0,
            "changes_taken": store.received,
            "data_changed": sum(m.ranges_emitted for m in home.models.values()),
            "rows_updated": sum(m.rows_updated for m in home.models.values()),
            "repaints": paints.paints,
        }

    await asyncio.sleep(args.warmup)
    if args.memory:
        result = await memory_over_time(args.seconds, counters)
    else:
        result = await measure(probe, args.seconds, counters, freshness)
    result["watched"] = watched
    result["max_rate_hz"] = QuoteStore.table_rate_hz
    home.quotes.stop()
    await home.tasks.cancel_all()
    window.close()
    await session.close()
    window.deleteLater()
    return result


async def baseline_phase(url: str, ids: list[str], args: Any) -> dict[str, Any]:
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    from cesec_desktop.api.client import CabinetClient
    from cesec_desktop.api.stream import StreamClient

    client = CabinetClient(url)
    await client.login(DEMO_LOGIN, DEMO_PASSWORD)
    table = QTableWidget(len(ids), 1 + len(FIELDS))
    table.resize(1600, 1000)
    row_of = {key: row for row, key in enumerate(ids)}
    for row, key in enumerate(ids):
        table.setItem(row, 0, QTableWidgetItem(key))
        for column in range(1, 1 + len(FIELDS)):
            table.setItem(row, column, QTableWidgetItem(""))
    table.show()
    totals = {"updates_received": 0, "set_text_calls": 0}
    freshness = Freshness()

    def per_frame(items: list[dict[str, Any]]) -> None:
        # What vn.py-style code does: every update straight into its cells' items.
        now = time.monotonic()  # decoded on this loop just now
        totals["updates_received"] += len(items)
        for item in items:
            row = row_of.get(item.get("instrument_id", ""))
            if row is None:
                continue
            for column, field in enumerate(FIELDS, start=1):
                table.item(row, column).setText(str(item.get(field, "")))
                totals["set_text_calls"] += 1
            freshness.changed(row, now, item.get("time"))

    # A naive client: the stream on the UI loop, every update at full rate.
    stream = StreamClient(client.base_url, client.stream_token, on_quote_dicts=per_frame)
    stream.subscribe_quotes(ids)
    stream.start()
    await until(lambda: stream.state.value == "online", timeout=15, poll=0.05, what="the stream")
    paints = PaintCounter(freshness)
    paints.watch(table.viewport())
    probe = LagProbe()

    def counters() -> dict[str, int]:
        return {**totals, "repaints": paints.paints}

    await asyncio.sleep(args.warmup)
    result = await measure(probe, args.seconds, counters, freshness)
    result["watched"] = len(ids)
    result["max_rate_hz"] = None
    await stream.stop()
    await client.aclose()
    table.close()
    table.deleteLater()
    return result


async def floor_phase(url: str, ids: list[str], args: Any) -> dict[str, Any]:
    from cesec_desktop.api.client import CabinetClient
    from cesec_desktop.api.stream_frames import QuoteWire
    from cesec_desktop.api.stream_worker import StreamWorker

    client = CabinetClient(url)
    await client.login(DEMO_LOGIN, DEMO_PASSWORD)
    freshness = Freshness()
    totals = {"updates_received": 0}

    def drop(quotes: list[QuoteWire]) -> None:
        # On the worker thread: count, sample the batch's newest, keep nothing.
        totals["updates_received"] += len(quotes)
        newest = quotes[-1]
        freshness.sample_now(newest.received_at, newest.time)

    worker = StreamWorker(
        client.base_url,
        client.stream_token,
        token_loop=asyncio.get_running_loop(),
        quote_sink=drop,
        name="floor-stream",
    )
    rate = None if args.no_conflation else TABLE_RATE_HZ
    worker.subscribe_quotes(ids, rate)
    worker.start()
    await until(lambda: worker.state.value == "online", timeout=15, poll=0.05, what="the stream")
    probe = LagProbe()

    def counters() -> dict[str, int]:
        return dict(totals)

    await asyncio.sleep(args.warmup)
    result = await measure(probe, args.seconds, counters, freshness)
    result["watched"] = len(ids)
    result["max_rate_hz"] = rate
    await worker.stop()
    await client.aclose()
    return result


def show(name: str, r: dict[str, Any]) -> None:
    if "rss_growth_pct" in r:
        print(
            f"{name}: {r['watched']} instruments, {r['updates_per_s']:.0f} updates/s received "
            f"for {r['seconds']:.0f} s; RSS {r['rss_start_mb']} -> {r['rss_end_mb']} MB "
            f"({r['rss_growth_pct']:+} %, max {r['rss_max_mb']} MB)",
            flush=True,
        )
        return
    print(
        f"{name}: {r['watched']} instruments, {r['updates_per_s']:.0f} updates/s received; "
        f"loop lag p50 {r['lag_p50_ms']} ms, p99 {r['lag_p99_ms']} ms, "
        f"max {r['lag_max_ms']} ms; CPU {r['cpu_cores']:.2f} cores; "
        f"freshness p99 {r['freshness_p99_ms']} ms (from exchange time {r['e2e_age_p99_ms']} ms, "
        f"trend {r['e2e_age_trend_ms']:+} ms)",
        flush=True,
    )
    keys = ("changes_taken", "data_changed", "rows_updated", "set_text_calls", "repaints")
    screen = {k: r[k] for k in keys if k in r}
    if screen:
        print(f"    reached the screen: {screen}", flush=True)


async def run(url: str, synthetic: list[str], all_ids: list[str], args: Any) -> dict[str, Any]:
    from cesec_desktop.state.gc_guard import MainThreadCollector
    from cesec_desktop.state.heap_trim import HeapTrimmer

    # As the app runs (app.py): cycles freed on this thread, free heap handed back.
    collector = MainThreadCollector()
    trimmer = HeapTrimmer()
    try:
        return await run_phases(url, synthetic, all_ids, args)
    finally:
        collector.stop()
        trimmer.deleteLater()


async def run_phases(
    url: str, synthetic: list[str], all_ids: list[str], args: Any
) -> dict[str, Any]:
    phases: dict[str, dict[str, Any]] = {}
    if "home" in args.phases:
        print(f"measuring the real Home for {args.seconds:.0f} s ...", flush=True)
        phases["home"] = await home_phase(url, synthetic, args)
        show("Home", phases["home"])
    if "baseline" in args.phases:
        print(f"measuring the QTableWidget baseline for {args.seconds:.0f} s ...", flush=True)
        phases["baseline"] = await baseline_phase(url, all_ids, args)
        show("baseline", phases["baseline"])
    if "floor" in args.phases:
        print(
            f"measuring the floor (receive, decode, drop) for {args.seconds:.0f} s ...", flush=True
        )
        phases["floor"] = await floor_phase(url, all_ids, args)
        show("floor", phases["floor"])
    return phases


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--rate", "--tick-rate", dest="rate", type=int, default=RATE)
    parser.add_argument(
        "--no-conflation",
        action="store_true",
        help="Home and the floor ask for every update (no max_rate_hz); use with --rate 100000",
    )
    parser.add_argument(
        "--memory",
        action="store_true",
        help="Home only: RSS every 10 s instead of lag and freshness (for --seconds 1800)",
    )
    parser.add_argument(
        "--phases",
        type=lambda text: set(text.split(",")),
        default={"home", "baseline", "floor"},
        help="a comma-separated subset of home,baseline,floor (all three by default)",
    )
    args = parser.parse_args()
    if args.memory:
        args.phases = {"home"}

    import keyring
    from PySide6.QtCore import QSettings

    from cesec_desktop.state.module_sources import stop_caching_module_sources

    stop_caching_module_sources()  # as app.py does, before the app's own imports
    keyring.set_keyring(no_keyring())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

    print(f"starting the mock backend at {args.rate} updates/s ...", flush=True)
    with mock_backend(
        history_size=0,
        always_open=True,
        tick_rate=args.rate,
        synthetic_instruments=SYNTHETIC,
    ) as url:
        by_market, synthetic = prepare_watchlists(url)
        all_ids = [i for ids in by_market.values() for i in ids] + synthetic
        print(f"server {url}; {len(all_ids)} instruments watched", flush=True)
        phases = run_qt(lambda: run(url, synthetic, all_ids, args))
    mode = "full_rate" if args.no_conflation else "conflated"
    if args.memory:
        mode = "memory"
    goal = GOALS[mode]
    result: dict[str, Any] = {"rate": args.rate, "mode": mode, **phases, "goal": goal}
    home, baseline, floor = (phases.get(k) for k in ("home", "baseline", "floor"))
    if home is not None:
        result["home_meets_goal"] = all(home[key] <= bound for key, bound in goal.items())
        if floor is not None:
            result["home_cpu_vs_floor"] = _ratio(home["cpu_cores"], floor["cpu_cores"])
        if baseline is not None:
            result["home_cpu_vs_baseline"] = _ratio(home["cpu_cores"], baseline["cpu_cores"])
            result["home_lag_p99_vs_baseline"] = _ratio(home["lag_p99_ms"], baseline["lag_p99_ms"])
        verdict = "goal " + ("met" if result["home_meets_goal"] else "NOT met")
        if not args.memory:
            verdict = (
                f"Home costs {result.get('home_cpu_vs_floor')}x the floor's CPU and "
                f"{result.get('home_cpu_vs_baseline')}x the baseline's; {verdict}"
            )
        print(verdict, flush=True)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
