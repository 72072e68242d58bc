"""`RecordingTransport`: an httpx transport that hands every exchange to a `TrafficLog`.

It wraps the real transport, so it sees what goes on the wire: every request the auth flow
sends (the refused one before a token refresh too), with the headers httpx and the auth added,
and the response's bytes as the caller reads them. The body is never read a second time: the
stream the caller reads is teed, chunk by chunk (references, no copies), up to
`MAX_BODY_CAPTURE`; the exchange is filed when the caller closes the response.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx

from cesec_desktop.api.traffic_log import MAX_BODY_CAPTURE, Headers, HttpExchange, TrafficLog


class RecordingTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, traffic: TrafficLog) -> None:
        self.inner = inner
        self.traffic = traffic

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        started = time.time()
        clock = time.perf_counter()
        body = _request_body(request)
        exchange = HttpExchange(
            started=started,
            method=request.method,
            url=str(request.url),
            request_headers=_headers(request.headers),
            request_body=body[:MAX_BODY_CAPTURE] if body is not None else None,
            request_body_size=len(body) if body is not None else 0,
        )
        try:
            response = await self.inner.handle_async_request(request)
        except BaseException as exc:
            exchange.error = type(exc).__name__
            exchange.wait_ms = (time.perf_counter() - clock) * 1000
            self.traffic.http(exchange)
            raise
        exchange.wait_ms = (time.perf_counter() - clock) * 1000
        exchange.status = response.status_code
        exchange.reason = _text(response.extensions.get("reason_phrase", b""))
        exchange.http_version = _text(response.extensions.get("http_version", b"HTTP/1.1"))
        exchange.response_headers = _headers(response.headers)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _TeeStream(response.stream, exchange, self.traffic)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class _TeeStream(httpx.AsyncByteStream):
    """The response's stream, passing each chunk on and keeping it (up to the cap)."""

    def __init__(
        self, inner: httpx.AsyncByteStream, exchange: HttpExchange, traffic: TrafficLog
    ) -> None:
        self.inner = inner
        self.exchange = exchange
        self.traffic = traffic
        self.chunks: list[bytes] = []
        self.kept = 0
        self.size = 0
        self.done = False
        self.clock = time.perf_counter()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self.inner:
            self.size += len(chunk)
            if self.kept < MAX_BODY_CAPTURE:
                piece = (
                    chunk
                    if self.kept + len(chunk) <= MAX_BODY_CAPTURE
                    else chunk[: MAX_BODY_CAPTURE - self.kept]
                )
                self.chunks.append(piece)
                self.kept += len(piece)
            yield chunk

    async def aclose(self) -> None:
        try:
            await self.inner.aclose()
        finally:
            if not self.done:
                self.done = True
                exchange = self.exchange
                exchange.response_body = b"".join(self.chunks)
                exchange.response_body_size = self.size
                exchange.receive_ms = (time.perf_counter() - self.clock) * 1000
                self.chunks = []
                self.traffic.http(exchange)


def _request_body(request: httpx.Request) -> bytes | None:
    """The request's body if httpx holds it in memory (every call of ours); None if none."""
    try:
        content = request.content
    except httpx.RequestNotRead:
        return None
    return content if content else None


def _headers(headers: httpx.Headers) -> Headers:
    return [(_text(k), _text(v)) for k, v in headers.raw]


def _text(value: bytes | str) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)
