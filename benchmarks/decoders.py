"""Quote frame decoders side by side: json, orjson, msgspec (to dicts and to typed structs).

One frame of 200 quotes as the mock sends it (`{"channel":"quotes","data":[...]}`, every
field a decimal string) is decoded again and again for `--seconds` per decoder; each line
gives quotes decoded per second on one core. "jiter" is pydantic-core's parser, which the
stream used before (depth-limited, to dicts); "msgspec struct" is what the app uses now
(`stream_frames.decode_frame`: the envelope, then `list[QuoteWire]` with every string capped).

    python benchmarks/decoders.py [--seconds 2] [--quotes 200]

Prints one human line per decoder, then one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

import _common  # noqa: F401  (puts the repository root on the path)
import msgspec
from pydantic_core import from_json

from cesec_desktop.api.stream_frames import decode_frame


def quote(i: int) -> dict[str, Any]:
    return {
        "instrument_id": f"KASE:SYN{i % 200:04d}",
        "last": f"{380 + i % 7}.50",
        "change": "1.50",
        "change_pct": "0.40",
        "bid": "380.00",
        "ask": "381.00",
        "bid_size": "100",
        "ask_size": "200",
        "open": "379.00",
        "high": "382.00",
        "low": "378.00",
        "prev_close": "379.00",
        "volume": str(1000 + i),
        "time": "2026-01-05T10:00:00.123Z",
    }


def decoders() -> dict[str, Callable[[bytes], Any]]:
    found: dict[str, Callable[[bytes], Any]] = {
        "json": json.loads,
        "jiter": from_json,
    }
    try:
        import orjson

        found["orjson"] = orjson.loads
    except ImportError:  # not a dependency of the app: compared only where installed
        pass
    found["msgspec dict"] = msgspec.json.Decoder().decode
    found["msgspec struct"] = lambda raw: decode_frame(raw, max_size=8 * 1024 * 1024)
    return found


def rate(decode: Callable[[bytes], Any], frame: bytes, quotes: int, seconds: float) -> float:
    """Quotes a second: as many whole decodes as fit in `seconds`, best of three rounds."""
    best = 0.0
    for _ in range(3):
        n = 0
        started = time.perf_counter()
        deadline = started + seconds / 3
        while time.perf_counter() < deadline:
            for _ in range(10):
                decode(frame)
            n += 10
        best = max(best, n * quotes / (time.perf_counter() - started))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--quotes", type=int, default=200)
    args = parser.parse_args()
    frame = json.dumps(
        {"channel": "quotes", "data": [quote(i) for i in range(args.quotes)]},
        separators=(",", ":"),
    ).encode()
    results: dict[str, float] = {}
    for name, decode in decoders().items():
        decode(frame)  # warm
        results[name] = round(rate(decode, frame, args.quotes, args.seconds))
        print(f"{name:>15}: {results[name] / 1e6:.2f} M quotes/s", flush=True)
    base = results["json"]
    print(
        json.dumps(
            {
                "frame_bytes": len(frame),
                "quotes_per_frame": args.quotes,
                "quotes_per_s": results,
                "vs_json": {name: round(value / base, 2) for name, value in results.items()},
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
