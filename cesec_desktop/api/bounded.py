"""Answers read with limits: a body is read while it streams in and refused at its cap.

httpx would otherwise read any body whole into memory (a 50 MB page, a gzip bomb inflating
to 300 MB). Here the raw bytes are decompressed in steps no larger than what is left of the
cap, so memory stays near the cap whatever the server sends; over the cap the read stops and
`UnreadableAnswer` is raised.
"""

from __future__ import annotations

import zlib
from typing import Any

import httpx

from cesec_desktop.api.errors import MAX_ERROR_BYTES, UnreadableAnswer
from cesec_desktop.domain.models.untrusted_json import UnreadableJson, loads

__all__ = [
    "ACCEPT_ENCODING",
    "MAX_BODY_BYTES",
    "MAX_ERROR_BYTES",
    "body_cap",
    "parse_json",
    "read_capped",
]

MAX_BODY_BYTES = 8 * 1024 * 1024
"""API.md: answers over 8 MB are an error, never data."""
ACCEPT_ENCODING = "gzip, deflate"
"""The only encodings `read_capped` decodes; asked for explicitly so no server picks another."""


def body_cap(response: httpx.Response, page_cap: int = MAX_BODY_BYTES) -> int:
    """How much of this answer to read: a page's worth for data, little for an error."""
    return MAX_ERROR_BYTES if response.is_error else page_cap


def parse_json(raw: str | bytes, *, max_size: int = MAX_BODY_BYTES) -> Any:
    """A JSON value from untrusted text; UnreadableAnswer if too large, too deep or no JSON."""
    try:
        return loads(raw, max_size=max_size)
    except UnreadableJson as exc:
        raise UnreadableAnswer(details={"reason": exc.reason}) from None


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
            data = decoder.feed(chunk, cap - size)
            size += len(data)
            if size > cap:
                raise _too_large(response, cap)
            parts.append(data)
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
    """gzip, deflate or no encoding, decoded at most `room + 1` bytes at a time."""

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

    def feed(self, chunk: bytes, room: int) -> bytes:
        """Decoded bytes of `chunk`; more than `room` of them means the body is over its cap."""
        if self._zlib is None:
            return chunk
        try:
            data: bytes = self._zlib.decompress(chunk, room + 1)
        except zlib.error:
            if self._deflate and not self._raw_deflate_tried:
                # Some servers send "deflate" without the zlib header, as httpx also allows.
                self._raw_deflate_tried = True
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.feed(chunk, room)
            raise UnreadableAnswer(status=self._status, details={"reason": "encoding"}) from None
        self._raw_deflate_tried = True
        # Output stops at room + 1 bytes (input left in unconsumed_tail): then it is over.
        return data

    def flush(self) -> bytes:
        if self._zlib is None:
            return b""
        try:
            tail: bytes = self._zlib.flush()
        except zlib.error:
            raise UnreadableAnswer(status=self._status, details={"reason": "encoding"}) from None
        return tail
