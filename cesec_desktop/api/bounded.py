"""Answers read with limits: a body is read while it streams in and refused at its cap.

httpx would otherwise read any body whole into memory (a 50 MB page, a gzip bomb inflating
to 300 MB). Here the raw bytes are decompressed in steps no larger than what is left of the
cap, so memory stays near the cap whatever the server sends; over the cap the read stops and
`UnreadableAnswer` is raised.

A body read is then parsed (with the depth and size limits of `untrusted_json`) and validated
into its model by `parse_model`: a large one on a worker thread, so the event loop, which is
the UI's, keeps turning while a near-8 MB page becomes 5,000 orders.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import zlib
from collections.abc import Iterator
from typing import Any, TypeVar, get_args

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from cesec_desktop.api.errors import MAX_ERROR_BYTES, UnreadableAnswer
from cesec_desktop.domain.models.base import MAX_PAGE_ROWS, Page
from cesec_desktop.domain.models.untrusted_json import UnreadableJson, loads, split_rows

__all__ = [
    "ACCEPT_ENCODING",
    "MAX_BODY_BYTES",
    "MAX_ERROR_BYTES",
    "OFF_LOOP_BYTES",
    "body_cap",
    "parse_json",
    "parse_model",
    "read_capped",
    "validate_body",
]

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

MAX_BODY_BYTES = 8 * 1024 * 1024
"""API.md: answers over 8 MB are an error, never data."""
ACCEPT_ENCODING = "gzip, deflate"
"""The only encodings `read_capped` decodes; asked for explicitly so no server picks another."""
INFLATE_STEP = 1024 * 1024
"""Decompressed bytes made in one step on the loop's thread (a few milliseconds' work): a gzip
bomb inflating 8 MB at once held the loop for about 40 ms."""
OFF_LOOP_BYTES = 256 * 1024
"""Bodies larger than this are parsed and validated on a worker thread. On the loop's own
thread an 8 MB page of orders held it for a second. On a worker, a page is validated a row at
a time (`split_rows`), so the worker gives up the GIL between rows and the UI thread is never
held for long. Smaller bodies take less than the hop to a thread would."""


def body_cap(response: httpx.Response, page_cap: int = MAX_BODY_BYTES) -> int:
    """How much of this answer to read: a page's worth for data, little for an error."""
    return MAX_ERROR_BYTES if response.is_error else page_cap


def parse_json(raw: str | bytes, *, max_size: int = MAX_BODY_BYTES) -> Any:
    """A JSON value from untrusted text; UnreadableAnswer if too large, too deep or no JSON."""
    try:
        return loads(raw, max_size=max_size)
    except UnreadableJson as exc:
        raise UnreadableAnswer(details={"reason": exc.reason}) from None


def validate_body(
    model: type[M],
    body: bytes,
    *,
    status: int,
    max_rows: int | None = None,
    max_size: int = MAX_BODY_BYTES,
) -> M:
    """`body` as `model`, within the size cap; a page (with `max_rows`) may hold no more
    rows than asked.

    A large page is validated a row at a time (`_validate_rows`): this runs on a worker
    thread then, and the UI thread waits for the GIL between two rows, not for the whole
    body. Failures raise UnreadableAnswer with the reason in `details["reason"]`:
    `too_large`, `too_deep`, `not_json`, `too_many_rows` or `invalid_shape`. Thread-safe:
    it touches nothing shared.
    """
    if len(body) > max_size:
        raise UnreadableAnswer(status=status, details={"reason": "too_large"})
    context = {"max_rows": max_rows} if max_rows is not None else None
    try:
        if len(body) > OFF_LOOP_BYTES and issubclass(model, Page):
            split = split_rows(body, max_size=max_size)
            if split is not None:
                return _validate_rows(model, *split, max_rows=max_rows, context=context)
        return model.model_validate_json(body, context=context)
    except UnreadableJson as exc:
        log.warning("unreadable response for %s (%s)", model.__name__, exc.reason)
        raise UnreadableAnswer(status=status, details={"reason": exc.reason}) from None
    except ValidationError as exc:
        # A contract break; the body is not logged (it may hold personal data).
        # Errors are listed only when few: a hostile page may hold thousands of them.
        too_many = exc.error_count() <= 5 and any(
            e["type"] == "too_many_rows" for e in exc.errors(include_url=False, include_input=False)
        )
        reason = "too_many_rows" if too_many else "invalid_shape"
        log.warning("unreadable response for %s (%s)", model.__name__, reason)
        raise UnreadableAnswer(status=status, details={"reason": reason}) from None
    except _TooManyRows:
        log.warning("unreadable response for %s (too_many_rows)", model.__name__)
        raise UnreadableAnswer(status=status, details={"reason": "too_many_rows"}) from None


class _TooManyRows(Exception):
    pass


def _validate_rows(
    model: type[M],
    shell: bytes,
    rows: list[bytes],
    *,
    max_rows: int | None,
    context: dict[str, Any] | None,
) -> M:
    """A page from its rows' raw texts, each validated on its own (from JSON, as a whole page
    would be), and the rest of the page (`shell`, its rows emptied)."""
    # The page's own rule (`Page._no_more_rows_than_asked`), before a row is validated.
    cap = min(max_rows, MAX_PAGE_ROWS) if max_rows is not None else MAX_PAGE_ROWS
    if len(rows) > cap:
        raise _TooManyRows()
    page = model.model_validate_json(shell, context=context)
    adapter = _row_adapter(model)
    items = [adapter.validate_json(row) for row in rows]
    return page.model_copy(update={"items": items})


@functools.cache
def _row_adapter(model: type[BaseModel]) -> TypeAdapter[Any]:
    """A validator for one row of the page `model` (`Page[T]` -> T)."""
    (row_type,) = get_args(model.model_fields["items"].annotation)
    return TypeAdapter(row_type)


async def parse_model(
    model: type[M],
    body: bytes,
    *,
    status: int,
    max_rows: int | None = None,
    max_size: int = MAX_BODY_BYTES,
) -> M:
    """`validate_body`, on a worker thread when `body` is over `OFF_LOOP_BYTES`."""
    if len(body) <= OFF_LOOP_BYTES:
        return validate_body(model, body, status=status, max_rows=max_rows, max_size=max_size)
    return await asyncio.to_thread(
        validate_body, model, body, status=status, max_rows=max_rows, max_size=max_size
    )


async def read_capped(response: httpx.Response, cap: int) -> bytes:
    """The decoded body of a streamed response, at most `cap` bytes; UnreadableAnswer if over.

    Afterwards `response.content` holds the body, as after `aread()`; a response already
    read (by the auth flow, say) is only checked against the cap.
    """
    cached: bytes | None = getattr(response, "_content", None)
    if cached is not None:
        if len(cached) > cap:
            raise _too_large(response, cap)
        return cached
    status = response.status_code
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        await response.aclose()
        raise _too_large(response, cap)
    decoder = _Decoder(response.headers.get("content-encoding", ""), status)
    parts: list[bytes] = []
    size = raw_size = 0
    try:
        async for chunk in response.aiter_raw():
            raw_size += len(chunk)
            if raw_size > cap:
                raise _too_large(response, cap)
            for data in decoder.feed(chunk, cap - size):
                size += len(data)
                if size > cap:
                    raise _too_large(response, cap)
                parts.append(data)
                if len(data) >= INFLATE_STEP:
                    await asyncio.sleep(0)  # the UI loop turns between two steps
        tail = decoder.flush()
        size += len(tail)
        if size > cap:
            raise _too_large(response, cap)
        parts.append(tail)
    finally:
        await response.aclose()
    body = b"".join(parts)
    # httpx keeps a read body here; set it so `.content` and `.json()` work as after aread().
    response._content = body
    return body


def _too_large(response: httpx.Response, cap: int) -> UnreadableAnswer:
    return UnreadableAnswer(status=response.status_code, details={"reason": "too_large"})


class _Decoder:
    """gzip, deflate or no encoding, decoded in steps of at most `INFLATE_STEP` bytes."""

    def __init__(self, encoding: str, status: int) -> None:
        self._status = status
        name = encoding.strip().lower()
        self._zlib: Any = None
        self._raw_deflate_tried = False
        if name in ("", "identity"):
            return
        if name in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif name == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            # br, zstd, or a chain of encodings: not asked for, so not read.
            raise UnreadableAnswer(status=status, details={"reason": "encoding"})
        self._deflate = name == "deflate"

    def feed(self, chunk: bytes, room: int) -> Iterator[bytes]:
        """The decoded bytes of `chunk`, a step at a time; more than `room` of them in all
        means the body is over its cap, and no more are made."""
        if self._zlib is None:
            yield chunk
            return
        made = 0
        pending = chunk
        while True:
            # At most one step, and never more than one byte past the room left.
            data = self._inflate(pending, min(INFLATE_STEP, room - made + 1))
            made += len(data)
            yield data
            pending = self._zlib.unconsumed_tail
            if made > room or not pending or not data:  # over, or all of it (or stuck)
                return

    def _inflate(self, data: bytes, limit: int) -> bytes:
        try:
            out: bytes = self._zlib.decompress(data, limit)
        except zlib.error:
            if self._deflate and not self._raw_deflate_tried:
                # Some servers send "deflate" without the zlib header, as httpx also allows.
                self._raw_deflate_tried = True
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data, limit)
            raise UnreadableAnswer(status=self._status, details={"reason": "encoding"}) from None
        self._raw_deflate_tried = True
        return out

    def flush(self) -> bytes:
        if self._zlib is None:
            return b""
        try:
            tail: bytes = self._zlib.flush()
        except zlib.error:
            raise UnreadableAnswer(status=self._status, details={"reason": "encoding"}) from None
        return tail
