"""Quotes on the wire: one JSON text per update, made once and joined into frames.

At 100,000 updates a second, building a dict per update and encoding it per subscriber was
most of the mock's time. Instead the simulator writes each update's `Quote` JSON once, as
text, and the hub only joins the texts a subscriber wants into
`{"channel":"quotes","data":[...]}`: the same text serves every stream watching that
instrument. (The simulator's walk writes the same text inline from integer ticks, which a
test holds equal to `quote_text`.) Every value put into a text is a number, one of our own
decimal strings or an ISO time; the only free text, the instrument id, is encoded by msgspec
once per instrument.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

QuoteUpdate = tuple[str, str]
"""One quote update on its way out: the instrument id and its `Quote` as JSON text."""

_FRAME_HEAD = '{"channel":"quotes","data":['
_FRAME_TAIL = "]}"
_encode = msgspec.json.Encoder().encode


def quote_head(instrument_id: str) -> str:
    """The start every update of one instrument shares, up to the `last` value's digits."""
    return '{"instrument_id":' + _encode(instrument_id).decode() + ',"last":"'


def quote_text(
    head: str,
    last: str,
    change: str,
    change_pct: str,
    bid: str,
    ask: str,
    bid_size: int,
    ask_size: int,
    open_: str,
    high: str,
    low: str,
    prev_close: str,
    volume: int,
    time: str,
) -> str:
    """One live update as a `Quote` (fields in the model's order); every price is known."""
    return (
        f'{head}{last}","change":"{change}","change_pct":"{change_pct}","bid":"{bid}",'
        f'"ask":"{ask}","bid_size":"{bid_size}","ask_size":"{ask_size}","open":"{open_}",'
        f'"high":"{high}","low":"{low}","prev_close":"{prev_close}","volume":"{volume}",'
        f'"time":"{time}"}}'
    )


def quotes_frame(texts: Iterable[str]) -> str:
    """A `{"channel":"quotes","data":[...]}` frame of ready quote texts."""
    return _FRAME_HEAD + ",".join(texts) + _FRAME_TAIL


def decode_quotes(frame: str) -> list[dict[str, object]]:
    """The quotes of a frame made by `quotes_frame`, as dicts (for tests and tools)."""
    data = msgspec.json.decode(frame)["data"]
    assert isinstance(data, list)
    return data
