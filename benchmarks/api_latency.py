"""Latency of the mock backend's hottest calls over real HTTP on loopback.

Starts the mock CLI in a subprocess (its own SQLite file, 3,000 deals of history, the market
simulator running), then times N calls each of login, portfolio, 60 quotes and a 500-row
order page with one keep-alive httpx client. Prints median and p99 per call, and one JSON
object on the last line for scripts to read. Run: `python benchmarks/api_latency.py`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

GOAL_MS = 20
LOGIN = {"login": "demo", "password": "Demo#2026"}
STARTUP_TIMEOUT = 120.0
REPO = Path(__file__).resolve().parents[1]
# The catalog lists 55 instruments: 5 hidden test ones make the 60 a quotes screen may ask for.
SYNTHETIC_INSTRUMENTS = 5


def start_server(db: Path, history_size: int, log: Path) -> tuple[subprocess.Popen[str], str]:
    """Run the mock CLI and wait for its "listening on URL" line."""
    command = [
        sys.executable,
        "-m",
        "cesec_desktop.mockserver.cli",
        "--port",
        "0",
        "--db",
        str(db),
        "--history-size",
        str(history_size),
        "--synthetic-instruments",
        str(SYNTHETIC_INSTRUMENTS),
        "--log-level",
        "warning",
    ]
    with log.open("w") as log_file:
        # From the repository root, so `-m cesec_desktop…` works without an install.
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=log_file, text=True, cwd=REPO
        )
    # readline() blocks: a timer ends a server that never announces itself.
    watchdog = threading.Timer(STARTUP_TIMEOUT, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "listening on " in line:
                return process, line.rsplit("listening on ", 1)[1].strip()
    finally:
        watchdog.cancel()
    process.wait()
    raise RuntimeError(f"the mock backend did not start:\n{log.read_text()[-2000:]}")


def measure(call: Callable[[], httpx.Response], iterations: int) -> dict[str, float]:
    """Median and p99 wall time of `call`, in ms; every answer must be a success."""
    for _ in range(5):
        call().raise_for_status()
    timings = []
    for _ in range(iterations):
        started = time.perf_counter()
        response = call()
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    p99 = statistics.quantiles(timings, n=100, method="inclusive")[98]
    return {"median_ms": round(statistics.median(timings), 2), "p99_ms": round(p99, 2)}


def run(url: str, iterations: int) -> dict[str, object]:
    # No proxies from the environment: this is loopback and we time the backend, not a proxy.
    with httpx.Client(base_url=url, timeout=30, trust_env=False) as http:
        token = http.post("/api/v1/auth/login", json=LOGIN).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        visible = http.get("/api/v1/instruments", headers=headers, params={"limit": 200}).json()[
            "items"
        ]
        ids = [i["id"] for i in visible]
        ids += [f"KASE:SYN{n:04d}" for n in range(1, SYNTHETIC_INSTRUMENTS + 1)]
        quote_ids = ",".join(ids[:60])
        calls: dict[str, Callable[[], httpx.Response]] = {
            "login": lambda: http.post("/api/v1/auth/login", json=LOGIN),
            "portfolio": lambda: http.get(
                "/api/v1/portfolio", headers=headers, params={"account_id": "acc_demo_kzt"}
            ),
            "quotes_60": lambda: http.get(
                "/api/v1/quotes", headers=headers, params={"ids": quote_ids}
            ),
            "orders_500": lambda: http.get(
                "/api/v1/orders",
                headers=headers,
                params={"limit": 500, "from": "2000-01-01", "to": "2100-12-31"},
            ),
        }
        result: dict[str, object] = {}
        for name, call in calls.items():
            try:
                result[name] = measure(call, iterations)
            except httpx.HTTPStatusError as exc:
                result[name] = {"error": f"HTTP {exc.response.status_code}"}
        rows = len(calls["orders_500"]().json()["items"])
        print(f"(quotes for {len(ids[:60])} ids; the order page held {rows} rows)")
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--iterations", type=int, default=200)
    parser.add_argument("--history-size", type=int, default=3000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cesec-bench-") as folder:
        process, url = start_server(
            Path(folder) / "mock.sqlite3", args.history_size, Path(folder) / "server.log"
        )
        try:
            result = run(url, args.iterations)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    for name, figures in result.items():
        if isinstance(figures, dict) and "median_ms" in figures:
            verdict = "ok" if figures["median_ms"] <= GOAL_MS else "OVER BUDGET"
            print(
                f"{name:<11} median {figures['median_ms']:7.2f} ms   "
                f"p99 {figures['p99_ms']:7.2f} ms   {verdict}"
            )
        else:
            print(f"{name:<11} {figures}")
    result["goal_ms"] = GOAL_MS
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
