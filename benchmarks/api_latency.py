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
import time
from collections.abc import Callable

import httpx
from _common import (
    DEMO_LOGIN,
    DEMO_PASSWORD,
    http_client,
    mock_backend,
    sign_in,
    synthetic_ids,
    visible_instruments,
)

GOAL_MS = 20
LOGIN = {"login": DEMO_LOGIN, "password": DEMO_PASSWORD}
# The catalog lists 55 instruments: 5 hidden test ones make the 60 a quotes screen may ask for.
SYNTHETIC_INSTRUMENTS = 5


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
    # One keep-alive client: we time the backend, not connection setup.
    with http_client(url) as http:
        sign_in(http)  # the later calls carry its token
        ids = [i["id"] for i in visible_instruments(http)]
        ids += synthetic_ids(SYNTHETIC_INSTRUMENTS)
        quote_ids = ",".join(ids[:60])
        calls: dict[str, Callable[[], httpx.Response]] = {
            "login": lambda: http.post("/api/v1/auth/login", json=LOGIN),
            "portfolio": lambda: http.get(
                "/api/v1/portfolio", params={"account_id": "acc_demo_kzt"}
            ),
            "quotes_60": lambda: http.get("/api/v1/quotes", params={"ids": quote_ids}),
            "orders_500": lambda: http.get(
                "/api/v1/orders",
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
    with mock_backend(
        history_size=args.history_size,
        synthetic_instruments=SYNTHETIC_INSTRUMENTS,
        on_disk=True,
    ) as url:
        result = run(url, args.iterations)
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
