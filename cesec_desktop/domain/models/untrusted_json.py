"""JSON from outside the app (the backend, its stream, NCALayer), parsed with limits.

Python's `json.loads` recurses once per nesting level, so `[` × 100,000 raises an untyped
RecursionError, and it takes any size it is given. Here the text is parsed by pydantic-core's
parser (jiter), which refuses nesting deeper than `MAX_DEPTH` with a ValueError, after a size
check; every failure is one typed `UnreadableJson`. It lives in the domain so that the api
and signing layers, which may not import each other, share it.
"""

from __future__ import annotations

from typing import Any, Literal

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
