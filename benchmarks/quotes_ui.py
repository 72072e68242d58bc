"""Live quotes into the real Home screen under ~20,000 updates/s, against a naive baseline.

The mock backend runs as a subprocess (`--always-open --tick-rate 20000
--synthetic-instruments 160 --history-size 0`). The demo client's watchlists are set to every
visible instrument of each market (PUT /watchlists/{market}); the synthetic KASE:SYNnnnn
instruments are hidden, which watchlists refuse, so they are added to the KASE table through
its model (`set_ids`), which subscribes them. 200 instruments are watched in all.

Two phases in the same run, each with its own signed-in session and stream:
1. the real Home page (quotes store, coalescing models, delegates), shown offscreen;
2. the baseline: a QTableWidget with the same 200 rows, its cells' texts set per update.

Each phase measures, after a warm-up: the event loop's lag (a 10 ms timer's lateness, p50,
p99, max), CPU use (process time / wall time; 1.0 = one core), the updates the stream
delivered, and what reached the screen (dataChanged emissions, rows updated, viewport
repaints; for the baseline, setText calls).

    QT_QPA_PLATFORM=offscreen python benchmarks/quotes_ui.py [--seconds 10]

Goal: Home p99 lag < 50 ms and CPU < 1 core, while the baseline falls behind. The last
line is one JSON object (times in milliseconds).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from typing import Any

from _common import (
    demo_session,
    http_client,
    mock_backend,
    no_keyring,
    percentile,
    run_qt,
    sign_in,
    synthetic_ids,
    until,
    visible_instruments,
)

TICK_RATE = 20_000
SYNTHETIC = 160
WATCHED = 200
LAG_INTERVAL_MS = 10
GOAL_P99_LAG_MS = 50.0
GOAL_CPU = 1.0
FIELDS = ("last", "change", "change_pct", "bid", "ask", "volume", "time")


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


class PaintCounter:
    """Counts paint events on the widgets it watches."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.paints += 1
                return False

        self.paints = 0
        self.filter = Filter()

    def watch(self, widget: Any) -> None:
        widget.installEventFilter(self.filter)


async def measure(probe: LagProbe, seconds: float, counters: Any) -> dict[str, Any]:
    """Run the loop for `seconds`; `counters()` returns a dict of running totals."""
    before = counters()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    probe.start()
    await asyncio.sleep(seconds)
    probe.stop()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
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
    )
    return result


async def new_session(url: str) -> Any:
    session = await demo_session(url, stream_options={"backoff_initial": 0.2})
    await until(
        lambda: session.connection.value == "online", timeout=15, poll=0.05, what="the stream"
    )
    return session


async def home_phase(url: str, synthetic: list[str], seconds: float, warmup: float) -> dict:
    from PySide6.QtWidgets import QMainWindow

    from cesec_desktop.views.pages.home import HomePage

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
    paints = PaintCounter()
    for panel in home.panels.values():
        paints.watch(panel.table.viewport())
    probe = LagProbe()

    def counters() -> dict[str, int]:
        return {
            "updates_received": home.quotes.received,
            "data_changed": sum(m.ranges_emitted for m in home.models.values()),
            "rows_updated": sum(m.rows_updated for m in home.models.values()),
            "repaints": paints.paints,
        }

    await asyncio.sleep(warmup)
    result = await measure(probe, seconds, counters)
    result["watched"] = watched
    home.quotes.stop()
    window.close()
    await session.close()
    window.deleteLater()
    return result


async def baseline_phase(url: str, ids: list[str], seconds: float, warmup: float) -> dict:
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    session = await new_session(url)
    table = QTableWidget(len(ids), 1 + len(FIELDS))
    table.resize(1600, 1000)
    row_of = {key: row for row, key in enumerate(ids)}
    for row, key in enumerate(ids):
        table.setItem(row, 0, QTableWidgetItem(key))
        for column in range(1, 1 + len(FIELDS)):
            table.setItem(row, column, QTableWidgetItem(""))
    table.show()
    totals = {"updates_received": 0, "set_text_calls": 0}

    def per_tick(items: list[dict[str, Any]]) -> None:
        # What vn.py-style code does: every update straight into its cells' items.
        totals["updates_received"] += len(items)
        for item in items:
            row = row_of.get(item.get("instrument_id"))
            if row is None:
                continue
            for column, field in enumerate(FIELDS, start=1):
                table.item(row, column).setText(str(item.get(field, "")))
                totals["set_text_calls"] += 1

    session.quoteDictsReceived.connect(per_tick)
    session.subscribe_quotes(ids)
    paints = PaintCounter()
    paints.watch(table.viewport())
    probe = LagProbe()

    def counters() -> dict[str, int]:
        return {**totals, "repaints": paints.paints}

    await asyncio.sleep(warmup)
    result = await measure(probe, seconds, counters)
    result["watched"] = len(ids)
    session.quoteDictsReceived.disconnect(per_tick)
    table.close()
    await session.close()
    table.deleteLater()
    return result


def show(name: str, r: dict[str, Any]) -> None:
    print(
        f"{name}: {r['watched']} instruments, {r['updates_per_s']:.0f} updates/s received; "
        f"loop lag p50 {r['lag_p50_ms']} ms, p99 {r['lag_p99_ms']} ms, "
        f"max {r['lag_max_ms']} ms; CPU {r['cpu_cores']:.2f} cores",
        flush=True,
    )
    screen = {k: r[k] for k in ("data_changed", "rows_updated", "set_text_calls") if k in r}
    print(f"    reached the screen: {screen}, repaints {r['repaints']}", flush=True)


async def run(url: str, synthetic: list[str], all_ids: list[str], args: Any) -> dict[str, Any]:
    print(f"measuring the real Home for {args.seconds:.0f} s ...", flush=True)
    home = await home_phase(url, synthetic, args.seconds, args.warmup)
    show("Home", home)
    print(f"measuring the QTableWidget baseline for {args.seconds:.0f} s ...", flush=True)
    baseline = await baseline_phase(url, all_ids, args.seconds, args.warmup)
    show("baseline", baseline)
    return {"home": home, "baseline": baseline}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--tick-rate", type=int, default=TICK_RATE)
    args = parser.parse_args()

    import keyring
    from PySide6.QtCore import QSettings

    keyring.set_keyring(no_keyring())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())

    print(f"starting the mock backend at {args.tick_rate} updates/s ...", flush=True)
    with mock_backend(
        history_size=0,
        always_open=True,
        tick_rate=args.tick_rate,
        synthetic_instruments=SYNTHETIC,
    ) as url:
        by_market, synthetic = prepare_watchlists(url)
        all_ids = [i for ids in by_market.values() for i in ids] + synthetic
        print(f"server {url}; {len(all_ids)} instruments watched", flush=True)
        result = run_qt(lambda: run(url, synthetic, all_ids, args))
    home, baseline = result["home"], result["baseline"]
    result["goal"] = {"p99_lag_ms": GOAL_P99_LAG_MS, "cpu_cores": GOAL_CPU}
    result["home_meets_goal"] = (
        home["lag_p99_ms"] < GOAL_P99_LAG_MS and home["cpu_cores"] < GOAL_CPU
    )
    result["baseline_falls_behind"] = (
        baseline["lag_p99_ms"] >= GOAL_P99_LAG_MS
        or baseline["cpu_cores"] >= GOAL_CPU
        or baseline["updates_per_s"] < 0.9 * home["updates_per_s"]
    )
    print("Home goal met" if result["home_meets_goal"] else "Home goal NOT met")
    print(
        "baseline falls behind"
        if result["baseline_falls_behind"]
        else "baseline keeps up (no contrast)"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
