"""Idle at Home with the demo market running: CPU, memory and wake-ups of the real app.

The mock backend runs as a subprocess (`--always-open`, the demo market's default tick rate,
`--history-size 100`). In an offscreen QApplication under qasync, as the app runs (the
GUI-thread garbage collector included), the real shell signs in through the login window as
demo / Demo#2026; the main window opens at Home and shows the client's watchlists live.
After a warm-up, three phases of `--seconds` each:

1. **home**: the window shown, at Home;
2. **minimised**: the same window minimised;
3. **other page**: the window shown again, at the Orders page (Home hidden).

Each phase measures CPU (process time / wall time over all threads; 1.0 = one core), RSS at
its end and the peak so far, wake-ups (voluntary context switches of all threads, per
second), the quotes the stream delivered, and the quote tables' repaints and `dataChanged`
emissions. A short census then counts the events Qt delivers per second by type (timers,
paints, update requests, queued calls) with an application event filter, which costs CPU of
its own and so runs apart from the measured phases. The modules loaded at Home that the
Home screen does not need (the chart's pyqtgraph and numpy, for one) are listed.

    QT_QPA_PLATFORM=offscreen python benchmarks/idle.py [--seconds 30] [--warmup 5]

Goal: Home ≤ 0.02 core on average, RSS at Home ≤ 120 MB. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import (
    DEMO_LOGIN,
    DEMO_PASSWORD,
    language_and_theme,
    mock_backend,
    no_keyring,
    rss_mb,
    run_qt,
    scratch_settings,
    until,
)

GOAL_CPU = 0.02
GOAL_RSS_MB = 120.0
HEAVY_MODULES = ("pyqtgraph", "numpy", "xlsxwriter", "fastapi", "uvicorn", "sqlite3", "PIL")
"""Modules that Home does not need: loaded at Home they cost memory for nothing."""
CENSUS_TYPES = ("Timer", "Paint", "UpdateRequest", "MetaCall", "LayoutRequest", "Polish")
OTHER_TYPES_SHOWN = 4
"""The busiest other event types named in the census."""


def wakeups() -> dict[str, int]:
    """Voluntary context switches so far, per thread: each is a sleep that ended."""
    tasks = Path("/proc/self/task")
    if not tasks.exists():
        return {"process": resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw}
    counts = {}
    for task in tasks.iterdir():
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    counts[task.name] = int(line.split()[1])
        except OSError:
            continue  # a thread that ended meanwhile
    return counts


def wakeups_since(before: dict[str, int]) -> int:
    """Wake-ups since `before`, of the threads alive now (one that ended takes its own)."""
    return sum(count - before.get(thread, 0) for thread, count in wakeups().items())


class PaintCounter:
    """Counts paint events on the widgets it watches (the quote tables' viewports)."""

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


async def sign_in_to_home(url: str) -> Any:
    """The real shell, signed in through its login window; returns the shell at Home."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from cesec_desktop.state.credentials import CredentialStore
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.main_window import DEFAULT_SIZE
    from cesec_desktop.views.shell import Shell

    languages, themes = language_and_theme("en", "light")
    session = Session(url, CredentialStore(url, backend=no_keyring()))
    shell = Shell(session, scratch_settings(), languages, themes, demo=True)
    login = shell.start()
    await until(lambda: login.isVisible() and not login.busy, timeout=15, what="the login")
    login.ui.loginEdit.setText(DEMO_LOGIN)
    login.ui.passwordEdit.setText(DEMO_PASSWORD)
    # Enter as a key event (not QtTest, which the app never loads: RSS is measured).
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        key = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(login.ui.passwordEdit, key)
    await until(
        lambda: shell.main_window is not None and shell.main_window.home.shows_data,
        timeout=30,
        what="Home with the profile",
    )
    window = shell.main_window
    # The app's first window size (the offscreen screen is smaller than a real one).
    window.resize(DEFAULT_SIZE)
    window.show_page("home")
    home = window.home
    await until(lambda: home.watchlists.is_loaded, timeout=15, what="the watchlists")
    await until(
        lambda: session.connection.value == "online", timeout=15, poll=0.05, what="the stream"
    )
    return shell


async def phase(seconds: float, counters: Any) -> dict[str, Any]:
    """Let the app idle for `seconds`; `counters()` returns running totals."""
    before = counters()
    switches0 = wakeups()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    switches = wakeups_since(switches0)
    after = counters()
    rss, peak = rss_mb()
    result: dict[str, Any] = {key: after[key] - before[key] for key in after}
    result.update(
        seconds=round(wall, 2),
        cpu_cores=round(cpu / wall, 4),
        rss_mb=rss,
        rss_peak_mb=peak,
        wakeups_per_s=round(switches / wall, 1),
    )
    result["updates_per_s"] = round(result.pop("updates_received") / wall, 1)
    return result


async def census(seconds: float) -> dict[str, float]:
    """Events Qt delivers per second, by type, over `seconds` (an app-wide event filter)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    counts: Counter[int] = Counter()

    class Census(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            counts[int(event.type())] += 1
            return False

    app = QApplication.instance()
    spy = Census()
    app.installEventFilter(spy)
    started = time.perf_counter()
    await asyncio.sleep(seconds)
    wall = time.perf_counter() - started
    app.removeEventFilter(spy)
    named = {name: int(getattr(QEvent.Type, name)) for name in CENSUS_TYPES}
    result = {name: round(counts.pop(value, 0) / wall, 1) for name, value in named.items()}
    for value, count in counts.most_common(OTHER_TYPES_SHOWN):
        result[_event_name(value)] = round(count / wall, 1)
    result["other"] = round(sum(n for _, n in counts.most_common()[OTHER_TYPES_SHOWN:]) / wall, 1)
    return result


def _event_name(value: int) -> str:
    from PySide6.QtCore import QEvent

    try:
        return QEvent.Type(value).name
    except ValueError:
        return f"type{value}"


def show(name: str, r: dict[str, Any]) -> None:
    print(
        f"{name}: CPU {r['cpu_cores']:.4f} cores, RSS {r['rss_mb']} MB (peak "
        f"{r['rss_peak_mb']}), {r['wakeups_per_s']} wake-ups/s, {r['updates_per_s']} "
        f"quotes/s, {r['repaints']} table repaints, {r['data_changed']} dataChanged",
        flush=True,
    )


async def measure(url: str, args: argparse.Namespace) -> dict[str, Any]:
    from cesec_desktop.state.gc_guard import MainThreadCollector
    from cesec_desktop.state.heap_trim import HeapTrimmer

    collector = MainThreadCollector()  # as the app runs: cycles freed on this thread
    trimmer = HeapTrimmer()  # and the workers' freed heap given back
    shell = await sign_in_to_home(url)
    window = shell.main_window
    home = window.home
    paints = PaintCounter()
    for panel in home.panels.values():
        paints.watch(panel.table.viewport())

    def counters() -> dict[str, int]:
        return {
            "updates_received": home.quotes.received,
            "data_changed": sum(m.ranges_emitted for m in home.models.values()),
            "repaints": paints.paints,
        }

    rows = sum(m.rowCount() for m in home.models.values())
    print(f"at Home: {rows} instruments on the lists; warming up {args.warmup:.0f} s", flush=True)
    await asyncio.sleep(args.warmup)
    result: dict[str, Any] = {"benchmark": "idle", "instruments": rows}
    result["home"] = await phase(args.seconds, counters)
    show("home", result["home"])
    result["home"]["events_per_s"] = await census(args.census)
    print(f"    events/s: {result['home']['events_per_s']}", flush=True)

    window.showMinimized()
    await asyncio.sleep(0.5)
    result["minimised"] = await phase(args.seconds, counters)
    show("minimised", result["minimised"])
    result["minimised"]["events_per_s"] = await census(args.census)

    window.showNormal()
    window.show_page("orders")
    await asyncio.sleep(args.warmup)
    result["other_page"] = await phase(args.seconds, counters)
    show("other page", result["other_page"])
    result["other_page"]["events_per_s"] = await census(args.census)

    window.show_page("home")
    await asyncio.sleep(0.5)
    result["heavy_modules_at_home"] = [m for m in HEAVY_MODULES if m in sys.modules]
    result["modules_loaded"] = len(sys.modules)
    await shell.shutdown()
    for top in (shell.main_window, shell.login_window):
        if top is not None:
            top.close()
            top.deleteLater()
    await asyncio.sleep(0.1)
    collector.stop()
    trimmer.deleteLater()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--census", type=float, default=5.0, help="seconds of event counting")
    parser.add_argument("--tick-rate", type=int, default=None, help="the mock's default if unset")
    args = parser.parse_args()

    import keyring
    from PySide6.QtCore import QSettings

    from cesec_desktop.state.module_sources import stop_caching_module_sources

    stop_caching_module_sources()  # as app.py does, before the app's own imports
    keyring.set_keyring(no_keyring())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    print("starting the mock backend (demo market, default rate) ...", flush=True)
    with mock_backend(history_size=100, always_open=True, tick_rate=args.tick_rate) as url:
        result = run_qt(lambda: measure(url, args))
    home = result["home"]
    result["goal"] = {"cpu_cores": GOAL_CPU, "rss_mb": GOAL_RSS_MB}
    result["meets_goal"] = home["cpu_cores"] <= GOAL_CPU and home["rss_mb"] <= GOAL_RSS_MB
    print("idle goal met" if result["meets_goal"] else "idle goal NOT met", flush=True)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
