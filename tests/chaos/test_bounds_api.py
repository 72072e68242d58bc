"""Hostile HTTP answers to `CabinetClient`: every one ends quickly in a typed error, in bounded
memory (issue 12, sections 2 to 4).

The server is a raw asyncio socket server on 127.0.0.1 (random port) that answers whatever a
test scripts, byte for byte: what no well-behaved framework would send.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.errors import (
    MAX_RETRY_AFTER,
    DeadlineExceeded,
    RateLimited,
    UnreadableAnswer,
)
from cesec_desktop.domain.models.signing import SmsSignature

Writer = asyncio.StreamWriter
Responder = Callable[[str, Writer], Awaitable[None]]
"""Given the request's path (without the query), writes the answer."""

MB = 1024 * 1024
MEMORY_CEILING = 28 * MB
"""Peak Python allocation a single hostile answer may cause (the body cap is 8 MB)."""


def head(status: int, headers: dict[str, str] | None = None, reason: str = "X") -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def answer(status: int, body: bytes, headers: dict[str, str] | None = None) -> Responder:
    """A plain answer with a Content-Length."""

    async def respond(path: str, writer: Writer) -> None:
        extra = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        writer.write(head(status, {**extra, **(headers or {})}) + body)
        await writer.drain()

    return respond


@asynccontextmanager
async def hostile(respond: Responder) -> AsyncIterator[str]:
    """A raw HTTP/1.1 server on loopback; yields its base URL."""
    tasks: set[asyncio.Task[Any]] = set()

    async def handle(reader: asyncio.StreamReader, writer: Writer) -> None:
        tasks.add(asyncio.current_task())  # type: ignore[arg-type]
        try:
            raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            request_line, *header_lines = raw.decode("latin-1").split("\r\n")
            length = 0
            for line in header_lines:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length:
                await reader.readexactly(length)
            path = request_line.split(" ")[1].split("?")[0]
            await respond(path, writer)
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError):
            pass  # the client hung up: that is what a bounded client does
        except asyncio.CancelledError:
            pass  # the test is over; ending quietly keeps asyncio from logging it
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def run(scenario: Callable[[], Awaitable[Any]], timeout: float = 20) -> Any:
    """One scenario on a fresh loop, with a ceiling so a hang fails instead of stalling."""

    async def bounded() -> Any:
        return await asyncio.wait_for(scenario(), timeout)

    return asyncio.run(bounded())


async def measured(call: Awaitable[Any]) -> tuple[BaseException | None, float, int]:
    """What `call` raised, how long it took and the peak Python memory it allocated."""
    tracemalloc.start()
    started = time.monotonic()
    error: BaseException | None = None
    try:
        await call
    except Exception as exc:
        error = exc
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return error, elapsed, peak


def order(i: int) -> dict[str, Any]:
    return {
        "id": f"ord_{i}",
        "number": f"O-{i}",
        "account_id": "acc_demo_kzt",
        "instrument_id": "KASE:HSBK",
        "ticker": "HSBK",
        "side": "buy",
        "type": "limit",
        "price": "100.00",
        "quantity": "1",
        "filled_quantity": "0",
        "currency": "KZT",
        "status": "active",
        "created_at": "2026-12-01T10:00:00+05:00",
        "updated_at": "2026-12-01T10:00:00+05:00",
        "valid_until": "2026-12-01",
        "signature_method": "sms",
    }


ME = {
    "id": "usr_1",
    "login": "demo",
    "full_name": "Demo User",
    "iin": "880607300110",
    "phone_masked": "+7 *** *** 12 34",
    "role": "client",
    "accounts": [],
}
TOKENS = {"access_token": "a1", "refresh_token": "r1", "expires_in": 900}


# --- section 3: deep nesting --------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 401, 500, 200])
def test_deeply_nested_json_is_an_unreadable_answer(status: int) -> None:
    nested = b"[" * 100_000

    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(answer(status, nested)) as url:
            client = CabinetClient(url, retry_delays=())
            try:
                return await measured(client.me())
            finally:
                await client.aclose()

    error, elapsed, _ = run(scenario)
    assert isinstance(error, UnreadableAnswer), repr(error)
    assert elapsed < 2.0


def test_a_normal_error_envelope_still_reads() -> None:
    body = json.dumps({"error": {"code": "not_found", "message": "No such thing"}}).encode()

    async def scenario() -> BaseException | None:
        async with hostile(answer(404, body)) as url:
            client = CabinetClient(url)
            try:
                return (await measured(client.me()))[0]
            finally:
                await client.aclose()

    error = run(scenario)
    assert error is not None and getattr(error, "code", None) == "not_found"
    assert not isinstance(error, UnreadableAnswer)


# --- section 3: Retry-After ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("inf", MAX_RETRY_AFTER),
        ("Infinity", MAX_RETRY_AFTER),
        ("1e999", MAX_RETRY_AFTER),
        ("99999999999", MAX_RETRY_AFTER),
        ("-5", 0.0),
        ("nan", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", None),
        ("12", 12.0),
    ],
)
def test_retry_after_on_a_429_is_bounded_or_ignored(header: str, expected: float | None) -> None:
    body = json.dumps({"error": {"code": "resend_too_soon", "message": "Wait"}}).encode()

    async def scenario() -> BaseException | None:
        async with hostile(answer(429, body, {"Retry-After": header})) as url:
            client = CabinetClient(url)
            try:
                return (await measured(client.send_sms("drf_1")))[0]
            finally:
                await client.aclose()

    error = run(scenario)
    assert isinstance(error, RateLimited)
    assert error.retry_after == expected


def test_a_huge_retry_after_in_the_envelope_is_bounded_too() -> None:
    # 10**400 is a valid JSON number that float() cannot hold (OverflowError).
    body = b'{"error":{"code":"resend_too_soon","message":"Wait","details":{"retry_after":1'
    body += b"0" * 400 + b"}}}"

    async def scenario() -> BaseException | None:
        async with hostile(answer(429, body, {"Retry-After": "7"})) as url:
            client = CabinetClient(url)
            try:
                return (await measured(client.send_sms("drf_1")))[0]
            finally:
                await client.aclose()

    error = run(scenario)
    assert isinstance(error, RateLimited)
    assert error.retry_after is not None and 0 <= error.retry_after <= MAX_RETRY_AFTER


# --- section 4: sizes ----------------------------------------------------------------------


def fifty_mb(declare_length: bool) -> Responder:
    chunk = b" " * (256 * 1024)
    total = 50 * MB

    async def respond(path: str, writer: Writer) -> None:
        headers = {"Content-Type": "application/json"}
        if declare_length:
            headers["Content-Length"] = str(total + 2)
        writer.write(head(200, headers) + b"[")
        for _ in range(total // len(chunk)):
            writer.write(chunk)
            await writer.drain()
        writer.write(b"]")
        await writer.drain()

    return respond


@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "until-close"])
def test_a_50_mb_body_is_refused_in_bounded_memory(declare_length: bool) -> None:
    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(fifty_mb(declare_length)) as url:
            client = CabinetClient(url, retry_delays=())
            try:
                return await measured(client.markets())
            finally:
                await client.aclose()

    error, elapsed, peak = run(scenario)
    assert isinstance(error, UnreadableAnswer), repr(error)
    assert error.details["reason"] == "too_large"
    assert elapsed < 5.0
    assert peak < MEMORY_CEILING, f"{peak / MB:.0f} MB"


def gzip_bomb(inflated: int) -> bytes:
    """`inflated` bytes of zeros, gzip-compressed (about a thousandth of that)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * MB
    parts = [packer.compress(block) for _ in range(inflated // MB)]
    parts.append(packer.flush())
    return b"".join(parts)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_bomb(160 * MB)


@pytest.mark.parametrize("status", [200, 500])
def test_a_gzip_bomb_is_refused_in_bounded_memory(bomb: bytes, status: int) -> None:
    async def scenario() -> tuple[BaseException | None, float, int]:
        respond = answer(status, bomb, {"Content-Encoding": "gzip"})
        async with hostile(respond) as url:
            client = CabinetClient(url, retry_delays=())
            try:
                return await measured(client.markets())
            finally:
                await client.aclose()

    error, elapsed, peak = run(scenario)
    assert isinstance(error, UnreadableAnswer), repr(error)
    assert error.details["reason"] == "too_large"
    assert elapsed < 5.0
    assert peak < MEMORY_CEILING, f"{peak / MB:.0f} MB"


def test_a_gzip_bomb_in_a_401_is_refused_before_any_refresh(bomb: bytes) -> None:
    """The 401 body is read by the token-refresh flow, which must be bounded too."""
    paths: list[str] = []

    async def respond(path: str, writer: Writer) -> None:
        paths.append(path)
        if path.endswith("/auth/refresh"):
            await answer(200, json.dumps(TOKENS).encode())(path, writer)
        else:
            await answer(401, bomb, {"Content-Encoding": "gzip"})(path, writer)

    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(respond) as url:
            client = CabinetClient(url, retry_delays=())
            try:
                await client.restore("r0")
                return await measured(client.me())
            finally:
                await client.aclose()

    error, elapsed, peak = run(scenario)
    assert isinstance(error, UnreadableAnswer), repr(error)
    assert elapsed < 5.0
    assert peak < MEMORY_CEILING, f"{peak / MB:.0f} MB"
    assert paths == ["/api/v1/auth/refresh", "/api/v1/me"]


def test_a_small_compressed_answer_still_reads() -> None:
    async def scenario() -> str:
        body = gzip.compress(json.dumps(ME).encode())
        async with hostile(answer(200, body, {"Content-Encoding": "gzip"})) as url:
            client = CabinetClient(url)
            try:
                return (await client.me()).full_name
            finally:
                await client.aclose()

    assert run(scenario) == "Demo User"


@pytest.mark.parametrize(("rows", "limit"), [(11, 10), (5_000, 100)])
def test_a_page_with_more_rows_than_asked_is_refused(rows: int, limit: int) -> None:
    body = json.dumps({"items": [order(i) for i in range(rows)], "next_cursor": None}).encode()

    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(answer(200, body)) as url:
            client = CabinetClient(url)
            try:
                return await measured(client.orders(limit=limit))
            finally:
                await client.aclose()

    error, elapsed, _ = run(scenario)
    assert isinstance(error, UnreadableAnswer), repr(error)
    assert error.details["reason"] == "too_many_rows"
    assert elapsed < 1.0


def test_a_page_with_as_many_rows_as_asked_reads() -> None:
    body = json.dumps({"items": [order(i) for i in range(10)], "next_cursor": "c2"}).encode()

    async def scenario() -> int:
        async with hostile(answer(200, body)) as url:
            client = CabinetClient(url)
            try:
                return len((await client.orders(limit=10)).items)
            finally:
                await client.aclose()

    assert run(scenario) == 10


def test_a_three_million_character_name_is_refused_quickly() -> None:
    # 6 MB of UTF-8: under the body cap, so the name's own cap must catch it.
    body = json.dumps({**ME, "full_name": "Ж" * 3_000_000}, ensure_ascii=False).encode()

    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(answer(200, body)) as url:
            client = CabinetClient(url)
            try:
                return await measured(client.me())
            finally:
                await client.aclose()

    error, elapsed, peak = run(scenario)
    assert isinstance(error, UnreadableAnswer), repr(error)
    assert error.details["reason"] == "invalid_shape"
    assert elapsed < 1.0
    assert peak < MEMORY_CEILING


# --- section 2: deadlines ------------------------------------------------------------------


def drip(pause: float, in_head: bool) -> Responder:
    """One byte every `pause` seconds: each read succeeds, so no per-read timeout fires."""
    body = json.dumps({"items": []}).encode() + b" " * 10_000

    async def respond(path: str, writer: Writer) -> None:
        whole = head(200, {"Content-Length": str(len(body))}) + body
        if not in_head:
            cut = whole.index(b"\r\n\r\n") + 4
            writer.write(whole[:cut])
            whole = whole[cut:]
        for i in range(len(whole)):
            writer.write(whole[i : i + 1])
            await writer.drain()
            await asyncio.sleep(pause)

    return respond


@pytest.mark.parametrize("in_head", [False, True], ids=["body", "head"])
def test_a_get_under_drip_ends_at_its_deadline(in_head: bool) -> None:
    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(drip(0.5, in_head)) as url:
            client = CabinetClient(url, deadline=1.0)
            try:
                return await measured(client.markets())
            finally:
                await client.aclose()

    error, elapsed, _ = run(scenario)
    assert isinstance(error, DeadlineExceeded), repr(error)
    assert 0.9 < elapsed < 2.5


def test_a_confirm_to_a_server_that_never_answers_ends_at_its_deadline() -> None:
    posts: list[str] = []

    async def never(path: str, writer: Writer) -> None:
        posts.append(path)
        await asyncio.sleep(3600)

    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(never) as url:
            client = CabinetClient(url, confirm_deadline=1.5, deadline=0.5)
            signature = SmsSignature(method="sms", challenge_id="ch_1", code="123456")
            try:
                return await measured(
                    client.confirm_order("drf_1", signature, new_idempotency_key())
                )
            finally:
                await client.aclose()

    error, elapsed, _ = run(scenario)
    assert isinstance(error, DeadlineExceeded), repr(error)
    # The confirm's own, longer deadline applies, not the read deadline.
    assert 1.4 < elapsed < 3.0
    assert posts == ["/api/v1/orders"]


def test_retries_of_a_confirm_share_one_deadline() -> None:
    posts: list[str] = []

    async def unavailable(path: str, writer: Writer) -> None:
        posts.append(path)
        await asyncio.sleep(0.4)
        await answer(503, b"{}")(path, writer)

    async def scenario() -> tuple[BaseException | None, float, int]:
        async with hostile(unavailable) as url:
            client = CabinetClient(url, confirm_deadline=1.0, retry_delays=(0.3, 0.3, 0.3, 0.3))
            signature = SmsSignature(method="sms", challenge_id="ch_1", code="123456")
            try:
                return await measured(
                    client.confirm_order("drf_1", signature, new_idempotency_key())
                )
            finally:
                await client.aclose()

    error, elapsed, _ = run(scenario)
    assert isinstance(error, DeadlineExceeded), repr(error)
    assert elapsed < 2.0
    assert 1 <= len(posts) <= 2
