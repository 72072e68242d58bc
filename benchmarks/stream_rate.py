"""How many quote updates per second the mock backend's stream delivers, and how evenly.

Starts the mock backend as a subprocess at `--rate` updates/s (105,000 by default) over 215
instruments, subscribes one stream to all of them (so every update is for it) and measures
for ~10 s. `--max-rate-hz N` subscribes conflated instead. The frames are decoded with msgspec,
as a fast client would, so the figure is the server's. Prints human lines, then one JSON
object on the last line. Run from the repository root: `python benchmarks/stream_rate.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time
from datetime import datetime
from typing import Any

import msgspec
from _common import (
    http_client,
    mock_backend,
    percentile,
    sign_in,
    synthetic_ids,
    visible_instruments,
)
from websockets.asyncio.client import connect

GOAL_UPDATES_PER_S = 100_000
GOAL_P99_BATCH_GAP_MS = 100
SYNTHETIC = 160
DEFAULT_RATE = 105_000
"""A little over the goal: the stream can only deliver what the simulator makes."""


async def measure(
    url: str, token: str, ids: list[str], seconds: float, deflate: bool, max_rate_hz: int | None
) -> dict[str, Any]:
    ws_url = url.replace("http://", "ws://") + "/api/v1/stream"
    decode = msgspec.json.Decoder().decode
    command: dict[str, Any] = {"op": "subscribe", "channel": "quotes", "ids": ids}
    if max_rate_hz is not None:
        command["max_rate_hz"] = max_rate_hz
    async with connect(
        ws_url,
        additional_headers={"Authorization": f"Bearer {token}"},
        max_size=None,
        compression="deflate" if deflate else None,
    ) as ws:
        await ws.send(json.dumps(command))
        snapshot = decode(await ws.recv())
        if snapshot.get("channel") != "quotes":
            raise RuntimeError(f"the subscription was refused: {snapshot}")
        warmup_end = time.monotonic() + 1.0
        while time.monotonic() < warmup_end:
            await ws.recv()
        updates = batches = 0
        arrivals: list[float] = []
        stamps: list[float] = []
        started = time.monotonic()
        end = started + seconds
        while (now := time.monotonic()) < end:
            frame = decode(await ws.recv())
            if frame.get("channel") != "quotes":
                continue
            arrivals.append(time.monotonic())
            if frame["data"]:
                # Every quote of a batch carries the batch's time: the server-side cadence.
                stamps.append(datetime.fromisoformat(frame["data"][0]["time"]).timestamp())
            updates += len(frame["data"])
            batches += 1
        elapsed = now - started
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(arrivals)]
    sent_gaps = [(b - a) * 1000 for a, b in itertools.pairwise(stamps)]
    return {
        "updates_per_s": round(updates / elapsed, 1),
        "batches_per_s": round(batches / elapsed, 1),
        "max_batch_gap_ms": round(max(gaps, default=0.0), 1),
        "p99_batch_gap_ms": round(percentile(gaps, 0.99), 1),
        "server_max_batch_gap_ms": round(max(sent_gaps, default=0.0), 1),
        "server_p99_batch_gap_ms": round(percentile(sent_gaps, 0.99), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument(
        "--rate",
        "--tick-rate",
        dest="rate",
        type=int,
        default=DEFAULT_RATE,
        help="the mock's quote updates per second (its --tick-rate)",
    )
    parser.add_argument(
        "--ids", type=int, default=None, help="instruments to watch (all of them by default)"
    )
    parser.add_argument(
        "--max-rate-hz", type=int, default=None, help="subscribe conflated at this rate"
    )
    parser.add_argument(
        "--no-deflate",
        action="store_true",
        help="do not negotiate permessage-deflate (websockets clients do by default)",
    )
    args = parser.parse_args()
    print(f"starting the mock backend at {args.rate} updates/s ...", flush=True)
    with mock_backend(
        history_size=0,
        always_open=True,
        tick_rate=args.rate,
        synthetic_instruments=SYNTHETIC,
    ) as url:
        with http_client(url) as http:
            token = sign_in(http)
            # Every visible instrument, then synthetic ones up to the count asked for.
            ids = [item["id"] for item in visible_instruments(http)]
            ids = (ids + synthetic_ids(SYNTHETIC))[: args.ids]
        print(
            f"server {url}; subscribing to {len(ids)} instruments, measuring "
            f"{args.seconds:.0f} s ...",
            flush=True,
        )
        result = asyncio.run(
            measure(url, token, ids, args.seconds, not args.no_deflate, args.max_rate_hz)
        )
    result["rate"] = args.rate
    result["ids"] = len(ids)
    result["max_rate_hz"] = args.max_rate_hz
    result["goal_updates_per_s"] = GOAL_UPDATES_PER_S
    result["goal_p99_batch_gap_ms"] = GOAL_P99_BATCH_GAP_MS
    print(
        f"{result['updates_per_s']:.0f} updates/s in {result['batches_per_s']:.1f} batches/s; "
        f"batch gaps max {result['max_batch_gap_ms']} ms, p99 {result['p99_batch_gap_ms']} ms"
    )
    print(
        f"as stamped by the server: gaps max {result['server_max_batch_gap_ms']} ms, "
        f"p99 {result['server_p99_batch_gap_ms']} ms"
    )
    if args.max_rate_hz is None:
        met = (
            result["updates_per_s"] >= GOAL_UPDATES_PER_S
            and result["p99_batch_gap_ms"] <= GOAL_P99_BATCH_GAP_MS
        )
        print("goal met" if met else "goal NOT met")
    else:
        print(f"conflated at {args.max_rate_hz} Hz: the goal applies to the full rate")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
