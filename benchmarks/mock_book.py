"""The mock backend's broker-book calls for a big book, under a live quote generator.

Starts the mock CLI in a subprocess (`--broker-clients N --history-size 0 --always-open
--tick-rate RATE`: about 20 × N positions over the listed instruments, the market walking
RATE updates a second in the same process), signs in as broker / Broker#2026 with one
keep-alive httpx client, and times, `--runs` times each after a warm-up:

- **summary**: `GET /clients/summary?limit=5000`, every page (one for N <= 5,000);
- **positions**: `GET /clients/positions?limit=5000`, every page.

A time runs from sending each request to the last byte of its answer, summed over the pages
(decoding the answers here, between pages, is the client's cost and is left out). Prints the
median and the worst of each, and one JSON object on the last line (ms).

    python benchmarks/mock_book.py [--clients 2000] [--rate 20000] [--runs 5]

Goals, at 2,000 clients and 20,000 updates/s: summary <= 200 ms, all positions pages <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any

import httpx
from _common import BROKER_LOGIN, BROKER_PASSWORD, http_client, mock_backend

GOALS_MS = {"summary": 200.0, "positions": 300.0}
PAGE_LIMIT = 5000
# A first call pays for imports, caches and SQLite's page cache: not what a desk sees.
WARMUP = 2


def sign_in_broker(http: httpx.Client) -> None:
    response = http.post(
        "/api/v1/auth/login", json={"login": BROKER_LOGIN, "password": BROKER_PASSWORD}
    )
    response.raise_for_status()
    http.headers["Authorization"] = f"Bearer {response.json()['access_token']}"


def every_page(http: httpx.Client, path: str) -> tuple[float, int]:
    """Fetch every page of a book list: seconds spent waiting for the answers (request sent to
    last byte read; decoding them here is the client's cost, not counted), and the items."""
    waited, count, cursor = 0.0, 0, None
    while True:
        params: dict[str, Any] = {"limit": PAGE_LIMIT}
        if cursor is not None:
            params["cursor"] = cursor
        started = time.perf_counter()
        response = http.get(path, params=params)  # reads the whole body
        waited += time.perf_counter() - started
        response.raise_for_status()
        page = response.json()
        count += len(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return waited, count


def measure(http: httpx.Client, path: str, runs: int) -> dict[str, float]:
    """Median and worst wall time of fetching every page of `path`, in ms."""
    for _ in range(WARMUP):
        every_page(http, path)
    timings, items = [], 0
    for _ in range(runs):
        waited, items = every_page(http, path)
        timings.append(waited * 1000)
    return {
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
        "items": items,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--rate", type=int, default=20000, help="quote updates per second")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with (
        mock_backend(
            history_size=0, always_open=True, tick_rate=args.rate, broker_clients=args.clients
        ) as url,
        http_client(url) as http,
    ):
        sign_in_broker(http)
        result: dict[str, Any] = {
            "summary": measure(http, "/api/v1/clients/summary", args.runs),
            "positions": measure(http, "/api/v1/clients/positions", args.runs),
        }
    for name, goal in GOALS_MS.items():
        figures = result[name]
        verdict = "ok" if figures["median_ms"] <= goal else "OVER BUDGET"
        print(
            f"{name:<10} median {figures['median_ms']:8.1f} ms   max {figures['max_ms']:8.1f} ms"
            f"   ({figures['items']} items; goal {goal:.0f} ms) {verdict}"
        )
    result.update(clients=args.clients, rate=args.rate, runs=args.runs, goals_ms=GOALS_MS)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
