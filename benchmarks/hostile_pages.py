"""The UI loop's longest stall while big and hostile answers arrive (issue 12 §4).

A hostile HTTP server, in a process of its own (so its work takes no GIL from the app),
answers the app's `CabinetClient` with: a legitimate page of 5,000 orders just under the 8 MB
cap, a 50 MB body, a gzip bomb inflating to 300 MB, a profile whose full name has 3 million
characters, and a 27 MB page of 60,000 rows. The client runs in an offscreen QApplication
under qasync with the app's main-thread garbage collector, as the app does; a 5 ms QTimer
measures how late the Qt event loop turns (the collector's own pauses are reported apart, as
`longest_gc_pause_ms`). Every answer must end in data or a typed error; the goal is no stall
over 100 ms.

Prints one line per answer and one JSON object on the last line. A benchmark, not a test:
run it on a quiet machine. `--on-loop` parses every answer on the loop's thread (as before
the fix) for comparison. Run: `python benchmarks/hostile_pages.py [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
import zlib
from collections.abc import Awaitable, Callable
from typing import Any

from _common import ROOT, run_qt

GOAL_MS = 100.0
TICK_MS = 5
MB = 1024 * 1024
LONG_TEXT = "Исполнено частично на бирже KASE, остаток в заявке. " * 2


# --- the hostile server (its own process) ---------------------------------------------------


def _order(i: int, *, long: bool) -> dict[str, Any]:
    order: dict[str, Any] = {
        "id": f"ord_{i}",
        "number": f"O-{i}",
        "account_id": "acc_demo_kzt",
        "instrument_id": "KASE:HSBK",
        "ticker": "HSBK",
        "side": "buy",
        "type": "limit",
        "price": "100.00",
        "quantity": "1",
        "filled_quantity": "0",
        "currency": "KZT",
        "status": "active",
        "created_at": "2026-12-01T10:00:00+05:00",
        "updated_at": "2026-12-01T10:00:00+05:00",
        "valid_until": "2026-12-01",
        "signature_method": "sms",
    }
    if long:
        event = {"time": "2026-12-01T10:00:00+05:00", "status": "active", "message": LONG_TEXT}
        order.update(reject_reason=LONG_TEXT, history=[event, event, event])
    return order


ME = {
    "id": "usr_1",
    "login": "demo",
    "full_name": "Ж" * 3_000_000,
    "iin": "880607300110",
    "phone_masked": "+7 *** *** 12 34",
    "role": "client",
    "accounts": [],
}


def _bodies() -> dict[str, tuple[dict[str, str], bytes | int]]:
    """Path -> (headers, body); an int body is that many bytes streamed in chunks."""
    page = {"items": [_order(i, long=True) for i in range(5_000)], "next_cursor": None}
    huge = {"items": [_order(i, long=False) for i in range(60_000)], "next_cursor": None}
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * MB
    bomb = b"".join([packer.compress(zeros) for _ in range(300)] + [packer.flush()])
    as_json = {"Content-Type": "application/json"}
    return {
        "/api/v1/orders": (as_json, json.dumps(page, ensure_ascii=False).encode()),
        "/api/v1/transactions": (as_json, json.dumps(huge).encode()),
        "/api/v1/markets": (as_json, 50 * MB),
        "/api/v1/banks": ({**as_json, "Content-Encoding": "gzip"}, bomb),
        "/api/v1/me": (as_json, json.dumps(ME, ensure_ascii=False).encode()),
    }


async def _serve() -> None:
    bodies = _bodies()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode().split("?")[0]
            headers, body = bodies.get(path, ({}, b"{}"))
            size = body if isinstance(body, int) else len(body)
            lines = ["HTTP/1.1 200 OK", "Connection: close", f"Content-Length: {size}"]
            lines += [f"{name}: {value}" for name, value in headers.items()]
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
            if isinstance(body, int):
                chunk = b" " * (256 * 1024)
                for _ in range(body // len(chunk)):
                    writer.write(chunk)
                    await writer.drain()
            else:
                writer.write(body)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client stopped reading: what a bounded client does
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(f"ready {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


def start_server() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("ready "):
        process.kill()
        raise RuntimeError("the hostile server did not start")
    return process, f"http://127.0.0.1:{line.split()[1]}"


# --- the app's side -------------------------------------------------------------------------


def _outcome(result: object) -> str:
    from cesec_desktop.api.errors import CabinetError

    if isinstance(result, CabinetError):
        return f"{type(result).__name__}({result.details.get('reason', result.code)})"
    if isinstance(result, BaseException):
        return f"UNEXPECTED {type(result).__name__}: {result}"
    items = getattr(result, "items", None)
    return f"data: {len(items)} rows" if items is not None else "data"


async def measure(url: str, repeat: int) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    from cesec_desktop.api.client import CabinetClient
    from cesec_desktop.state.gc_guard import MainThreadCollector

    collector = MainThreadCollector()  # as the app runs: cycles freed on the GUI thread
    gc_pauses: list[float] = []
    collect = collector.collect

    def timed_collect() -> int:
        started = time.perf_counter()
        found = collect()
        gc_pauses.append((time.perf_counter() - started) * 1000)
        return found

    # The collector's own pauses, told apart from the answer's: they are the GC's, not ours.
    collector.timer.timeout.disconnect()
    collector.timer.timeout.connect(timed_collect)
    calls: dict[str, Callable[[CabinetClient], Awaitable[Any]]] = {
        "legit_page_5000_orders": lambda c: c.orders(limit=5_000),
        "body_50mb": lambda c: c.markets(),
        "gzip_bomb_300mb": lambda c: c.banks(),
        "name_3m_chars": lambda c: c.me(),
        "page_60000_rows": lambda c: c.transactions(limit=100),
    }
    worst_gap = 0.0
    last = time.perf_counter()

    def tick() -> None:
        nonlocal last, worst_gap
        now = time.perf_counter()
        worst_gap = max(worst_gap, (now - last) * 1000 - TICK_MS)
        last = now

    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(tick)
    figures: dict[str, dict[str, Any]] = {}
    client = CabinetClient(url, retry_delays=())
    try:
        await client.orders(limit=5_000)  # warm-up: imports, model schemas, the thread pool
        ticker.start()
        for name, call in calls.items():
            stalls: list[float] = []
            times: list[float] = []
            pauses: list[float] = []
            outcome = ""
            for _ in range(repeat):
                await asyncio.sleep(0.1)
                collector.collect()  # the collector's own pass, outside the answer's time
                await asyncio.sleep(0.05)
                worst_gap, last = 0.0, time.perf_counter()
                gc_pauses.clear()
                started = time.perf_counter()
                try:
                    result: object = await call(client)
                except Exception as exc:
                    result = exc
                times.append((time.perf_counter() - started) * 1000)
                await asyncio.sleep(0.05)  # the tick after the last step
                stalls.append(worst_gap)
                pauses.append(max(gc_pauses, default=0.0))
                outcome = _outcome(result)
                del result
            figures[name] = {
                "outcome": outcome,
                "longest_stall_ms": round(max(stalls), 1),
                "median_stall_ms": round(statistics.median(stalls), 1),
                "longest_gc_pause_ms": round(max(pauses), 1),
                "elapsed_ms": round(max(times), 1),
            }
            print(
                f"{name:<24} stall {max(stalls):7.1f} ms (median {statistics.median(stalls):6.1f})"
                f"   gc {max(pauses):6.1f} ms   took {max(times):7.1f} ms   {outcome}",
                flush=True,
            )
    finally:
        ticker.stop()
        await client.aclose()
        collector.stop()
    longest = max(f["longest_stall_ms"] for f in figures.values())
    return {
        "benchmark": "hostile_pages",
        "repeat": repeat,
        "scenarios": figures,
        "longest_stall_ms": longest,
        "goal_ms": GOAL_MS,
        "met": longest < GOAL_MS
        and not any(f["outcome"].startswith("UNEXPECTED") for f in figures.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="tries of each answer")
    parser.add_argument(
        "--on-loop", action="store_true", help="parse on the loop's thread (the old way)"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        asyncio.run(_serve())
        return 0
    if args.on_loop:
        from cesec_desktop.api import bounded

        bounded.OFF_LOOP_BYTES = 1 << 62
    process, url = start_server()
    try:
        figures = run_qt(lambda: measure(url, max(1, args.repeat)))
    finally:
        process.terminate()
        process.wait(timeout=10)
    figures["on_loop"] = args.on_loop
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
