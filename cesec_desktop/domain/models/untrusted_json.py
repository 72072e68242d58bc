"""JSON from outside the app (the backend, its stream, NCALayer), parsed with limits.

Python's `json.loads` recurses once per nesting level, so `[` × 100,000 raises an untyped
RecursionError, and it takes any size it is given. Here the text is parsed by pydantic-core's
parser (jiter), which refuses nesting deeper than `MAX_DEPTH` with a ValueError, after a size
check; every failure is one typed `UnreadableJson`. It lives in the domain so that the api
and signing layers, which may not import each other, share it.

`split_rows` takes a large page apart into its rows without parsing them, so a worker thread
can parse them one at a time and never hold the GIL (and so the UI thread) for the whole body.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec
from pydantic_core import from_json

MAX_DEPTH = 200
"""jiter's fixed nesting limit; the contract's deepest answer nests fewer than ten levels."""

Reason = Literal["too_large", "too_deep", "not_json"]


class UnreadableJson(ValueError):
    """The text is not JSON, is nested too deep, or is over the size limit."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason: Reason = reason


def loads(raw: str | bytes | bytearray, *, max_size: int) -> Any:
    """The JSON value of `raw` (at most `max_size` bytes, or characters for a str)."""
    if len(raw) > max_size:
        raise UnreadableJson("too_large", f"{len(raw)} over the limit of {max_size}")
    try:
        # NaN and Infinity are no JSON, and no field of the contract can hold one.
        return from_json(raw, allow_inf_nan=False)
    except ValueError as exc:
        # The parser's message names the place, never the content.
        if "recursion limit" in str(exc):
            raise UnreadableJson("too_deep", f"nested deeper than {MAX_DEPTH}") from None
        raise UnreadableJson("not_json", str(exc)) from None


_OBJECT = msgspec.json.Decoder(dict[str, msgspec.Raw])
_ARRAY = msgspec.json.Decoder(list[msgspec.Raw])


def split_rows(
    raw: bytes, *, max_size: int, field: str = "items"
) -> tuple[bytes, list[bytes]] | None:
    """A page taken apart without parsing its rows: (the page with `field` emptied, the raw
    text of each row); None when `raw` is no object holding a list under `field`.

    One parse of 8 MB holds the GIL for about 80 ms, however it is called: on a worker
    thread that is a stall of the UI thread all the same. msgspec's scanner only skips over
    the rows (a few milliseconds for 8 MB), so each row can then be parsed on its own, with
    the UI thread free to take the GIL between two of them. Limits: the size first;
    malformed JSON is `not_json`; nesting too deep for the scanner is `too_deep` (each row
    keeps the full `MAX_DEPTH` when it is parsed).
    """
    if len(raw) > max_size:
        raise UnreadableJson("too_large", f"{len(raw)} over the limit of {max_size}")
    try:
        members = _OBJECT.decode(raw)
        rows = members.get(field)
        if rows is None or memoryview(rows)[:1] != b"[":
            return None
        texts = [bytes(row) for row in _ARRAY.decode(rows)]  # in place: the list is not copied
    except msgspec.ValidationError:
        return None  # valid JSON, but no object
    except msgspec.DecodeError as exc:
        raise UnreadableJson("not_json", str(exc)) from None
    except RecursionError:
        raise UnreadableJson("too_deep", f"nested deeper than {MAX_DEPTH}") from None
    parts = [
        msgspec.json.encode(name) + b":" + (b"[]" if name == field else bytes(member))
        for name, member in members.items()
    ]
    return b"{" + b",".join(parts) + b"}", texts
