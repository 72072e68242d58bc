"""The traffic ring's bounds, the HAR builder's redaction, fitting a size, and the HAR file
writer: each on its own, with made-up traffic where the mock cannot make it."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from har_check import assert_no_secret, validate_har
from hypothesis import given, settings
from hypothesis import strategies as st
from testkit import DEMO, LiveServer

from cesec_desktop.api import recording_transport
from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import NetworkUnreachable
from cesec_desktop.api.har import WS_MESSAGES, build_har, dumps, fit, redact_body, summarize
from cesec_desktop.api.har_file import HarFileWriter
from cesec_desktop.api.recording_transport import RecordingTransport
from cesec_desktop.api.traffic_log import OVERHEAD, HttpExchange, TrafficLog
from cesec_desktop.logging_setup import may_hold_secret, redact, redact_json

Factory = Callable[..., LiveServer]
TOKEN = "tok-3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a"
PASSWORD = "Hunter#2026"
CODE = "483920"
CMS = "MIIGxAYJKoZIhvcNAQcCoIIGtTCCBrECAQExDzANBglghkgBZQMEAgEFADCBjQYJKoZIhvcNAQcBoIGA" * 3
QUOTE = b'{"channel":"quotes","data":[{"instrument_id":"KASE:HSBK","last":"380.50"}]}'


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def exchange(started: float, body: bytes = b"", **changes: Any) -> HttpExchange:
    values: dict[str, Any] = {
        "started": started,
        "method": "GET",
        "url": "https://cabinet.example.kz/api/v1/me",
        "request_headers": [("Authorization", f"Bearer {TOKEN}")],
        "status": 200,
        "reason": "OK",
        "response_headers": [("content-type", "application/json")],
        "response_body": body,
        "response_body_size": len(body),
    }
    values.update(changes)
    return HttpExchange(**values)


# --- the ring --------------------------------------------------------------------------------


def test_the_ring_is_bounded_by_bytes_and_age_and_frames_never_push_out_calls() -> None:
    clock = Clock()
    ring = TrafficLog(max_http_bytes=10_000, max_stream_bytes=20_000, max_age=600, clock=clock)
    ring.http(exchange(clock.now, b"{}"))
    connection = ring.ws_open("wss://cabinet.example.kz/api/v1/stream", [], started=clock.now)
    for _ in range(5_000):  # a flood of quotes, far over the frames' bound
        ring.ws_message(connection, "receive", QUOTE)
    _, frames = ring.sizes
    assert frames <= 20_000 and frames > 20_000 - len(QUOTE) - OVERHEAD * 2
    snapshot = ring.snapshot()
    assert len(snapshot.exchanges) == 1, "the flood of frames kept the call"
    assert len(snapshot.messages) == frames // (len(QUOTE) + OVERHEAD)
    assert snapshot.dropped_messages == 5_000 - len(snapshot.messages)

    for _ in range(200):  # calls over their own bound: the oldest go
        ring.http(exchange(clock.now, b"x" * 200))
    assert ring.sizes[0] <= 10_000
    assert ring.snapshot().dropped_exchanges > 0

    clock.now += 601  # everything is now older than max_age
    ring.ws_message(connection, "send", b'{"op":"pong"}')
    later = ring.snapshot()
    assert later.exchanges == [] and [m.data for m in later.messages] == [b'{"op":"pong"}']


def test_a_window_of_minutes_takes_only_what_happened_in_it() -> None:
    clock = Clock()
    ring = TrafficLog(clock=clock)
    old = ring.ws_open("wss://h/api/v1/stream", [], started=clock.now)
    ring.http(exchange(clock.now))
    ring.ws_message(old, "receive", b'{"op":"ping"}')
    ring.ws_close(old, 1006)
    clock.now += 600
    new = ring.ws_open("wss://h/api/v1/stream", [], started=clock.now)
    ring.http(exchange(clock.now, url="https://h/api/v1/orders"))
    ring.ws_message(new, "send", b'{"op":"pong"}')
    clock.now += 60
    document = build_har(ring.snapshot(clock.now - 120))
    validate_har(document)
    entries = document["log"]["entries"]
    assert sorted(e["request"]["url"] for e in entries) == [
        "https://h/api/v1/orders",
        "wss://h/api/v1/stream",
    ]
    stream = next(e for e in entries if WS_MESSAGES in e)
    assert [m["type"] for m in stream[WS_MESSAGES]] == ["send"]
    everything = build_har(ring.snapshot())
    assert len(everything["log"]["entries"]) == 4
    closed = next(e for e in everything["log"]["entries"] if e.get("_webSocketClose"))
    assert closed["_webSocketClose"]["code"] == 1006


def test_threads_record_at_once_without_losing_count() -> None:
    ring = TrafficLog()
    connection = ring.ws_open("wss://h/api/v1/stream", [], started=0.0)

    def record(direction: str) -> None:
        for _ in range(2_000):
            ring.ws_message(connection, direction, b"{}")  # type: ignore[arg-type]

    threads = [threading.Thread(target=record, args=(d,)) for d in ("send", "receive") * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    snapshot = ring.snapshot()
    assert len(snapshot.messages) == 16_000
    assert ring.sizes[1] == 16_000 * (2 + OVERHEAD)


# --- redaction -------------------------------------------------------------------------------


def test_secrets_are_masked_in_headers_query_bodies_and_frames() -> None:
    ring = TrafficLog()
    body = json.dumps(
        {
            "login": "demo",
            "password": PASSWORD,
            "signature": {"method": "sms", "challenge_id": "sms_1", "code": CODE},
            "note": f"called back, pwd={PASSWORD}",
            "error": {"code": "otp_invalid", "details": {"attempts_left": 2}},
        }
    ).encode()
    ring.http(
        exchange(
            1_800_000_000.0,
            json.dumps({"access_token": TOKEN, "cms": CMS, "number": "SR-000001"}).encode(),
            method="POST",
            url=f"https://h/api/v1/x?access_token={TOKEN}&code={CODE}&ids=KASE:HSBK&q=a%20b",
            request_headers=[
                ("Authorization", f"Bearer {TOKEN}"),
                ("Cookie", f"session={TOKEN}"),
                ("X-Api-Key", TOKEN),
                ("Idempotency-Key", "0f8e1c3a-1111-4222-8333-444455556666"),
                ("Content-Type", "application/json"),
            ],
            request_body=body,
            request_body_size=len(body),
            response_headers=[("Set-Cookie", f"refresh={TOKEN}; HttpOnly")],
        )
    )
    connection = ring.ws_open(
        "wss://h/api/v1/stream", [("Authorization", f"Bearer {TOKEN}")], started=1_800_000_000.0
    )
    ring.ws_message(connection, "receive", f"SMS code {CODE} for challenge sms_1".encode())
    ring.ws_message(connection, "send", json.dumps({"op": "auth", "token": TOKEN}))
    ring.ws_message(connection, "receive", b"\xff\xfe binary" + TOKEN.encode())
    document = build_har(ring.snapshot())
    validate_har(document)
    data = dumps(document)
    assert_no_secret(data, [TOKEN, PASSWORD, CODE, CMS])

    call, stream = sorted(document["log"]["entries"], key=lambda e: WS_MESSAGES in e)
    headers = {h["name"]: h["value"] for h in call["request"]["headers"]}
    assert headers["Authorization"] == "Bearer ***"
    assert headers["Cookie"] == headers["X-Api-Key"] == "***"
    assert headers["Idempotency-Key"] == "0f8e1c3a-1111-4222-8333-444455556666"
    assert call["response"]["headers"] == [{"name": "Set-Cookie", "value": "***"}]
    assert call["request"]["queryString"] == [
        {"name": "access_token", "value": "***"},
        {"name": "code", "value": "***"},
        {"name": "ids", "value": "KASE:HSBK"},
        {"name": "q", "value": "a b"},
    ]
    sent = json.loads(call["request"]["postData"]["text"])
    assert sent["login"] == "demo" and sent["password"] == "***"
    assert sent["signature"] == {"method": "sms", "challenge_id": "sms_1", "code": "***"}
    assert sent["note"] == "called back, pwd=***"
    assert sent["error"]["code"] == "otp_invalid", "an error code is a word, not a secret"
    answer = json.loads(call["response"]["content"]["text"])
    assert answer == {"access_token": "***", "cms": "***", "number": "SR-000001"}
    frames = stream[WS_MESSAGES]
    assert frames[0]["data"] == "SMS code *** for challenge sms_1"
    assert json.loads(frames[1]["data"]) == {"op": "auth", "token": "***"}
    assert frames[2]["opcode"] == 2 and frames[2]["data"] == ""


PIECES = [
    "password", "PassWord", "pa\u017f\u017fword", "pwd", "p\u0131n", "Bearer", "authorization",
    "token", "access_token", "X-Api-Key", "code", "Code", "\u041a\u043e\u0434",
    "\u043a\u1c82\u0434", "sms", "OTP", "one-time", "secret", "cookie", "session_id", "cms",
    "signature", "MII" + "A" * 70,
    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "<ds:SignatureValue>",
    "</ds:SignatureValue>", "https://u:p@h/", "123456", "4401", ": ", "=", " ", '"', "'", "{",
    "}", ",", "x", "instrument_id", "last", "380.50", "\u043f\u0430\u0440\u043e\u043b\u044c",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_quick_scan_never_misses_what_the_text_redactor_finds(text: str) -> None:
    if redact(text) != text:
        assert may_hold_secret(text), text


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(PIECES) | st.text(max_size=8),
        st.sampled_from(PIECES) | st.integers(0, 999_999) | st.none(),
        max_size=6,
    )
)
def test_the_quick_scan_never_misses_a_secret_field(value: dict[str, Any]) -> None:
    text = json.dumps(value, ensure_ascii=False)
    if redact_json(value) != value:
        assert may_hold_secret(text), text
    if redact_json(value) == value:
        assert redact_body(text) == text, "nothing secret: kept as it was"


def test_a_body_with_nothing_secret_is_kept_byte_for_byte() -> None:
    text = '{"channel": "quotes", "data": [{"instrument_id": "KASE:HSBK", "last": "380.50"}]}'
    assert redact_body(text) is text
    assert redact_body("plain words, nothing to hide") == "plain words, nothing to hide"
    assert redact_body('{"password": "x", "a": [1, 2]}') == '{"password":"***","a":[1,2]}'
    # Not JSON (cut at the capture cap): the text redactor alone.
    assert redact_body('{"refresh_token": "abc123", "tr') == '{"refresh_token": ***, "tr'


def test_a_compressed_answer_is_unpacked_before_it_is_redacted() -> None:
    ring = TrafficLog(clock=Clock(10.0))
    plain = json.dumps({"refresh_token": TOKEN, "expires_in": 900}).encode()
    packed = gzip.compress(plain)
    ring.http(
        exchange(
            1.0,
            packed,
            response_headers=[
                ("content-type", "application/json"),
                ("content-encoding", "gzip"),
            ],
        )
    )
    ring.http(exchange(2.0, b"\x89PNG\r\n\x1a\n" + TOKEN.encode()))
    document = build_har(ring.snapshot())
    validate_har(document)
    assert_no_secret(dumps(document), [TOKEN])
    unpacked, binary = (e["response"] for e in document["log"]["entries"])
    assert json.loads(unpacked["content"]["text"]) == {"refresh_token": "***", "expires_in": 900}
    assert unpacked["content"]["size"] == len(plain) and unpacked["bodySize"] == len(packed)
    assert "text" not in binary["content"] and "not text" in binary["content"]["comment"]


# --- fitting a size --------------------------------------------------------------------------


def test_a_document_is_trimmed_to_fit_keeping_the_newest() -> None:
    clock = Clock()
    ring = TrafficLog(clock=clock)
    connection = ring.ws_open("wss://h/api/v1/stream", [], started=clock.now)
    for index in range(300):
        clock.now += 1
        ring.http(exchange(clock.now, json.dumps({"n": index, "pad": "x" * 500}).encode()))
        ring.ws_message(connection, "receive", QUOTE)
    document = build_har(ring.snapshot())
    whole = dumps(document)
    data = fit(document, 60_000)
    assert len(whole) > 60_000 >= len(data)
    trimmed = json.loads(data)
    validate_har(trimmed)
    calls = [e for e in trimmed["log"]["entries"] if WS_MESSAGES not in e]
    stream = next(e for e in trimmed["log"]["entries"] if WS_MESSAGES in e)
    numbers = [json.loads(e["response"]["content"]["text"])["n"] for e in calls]
    assert numbers == list(range(300 - len(numbers), 300)), "the newest calls, in order"
    assert 0 < len(stream[WS_MESSAGES]) < 300
    assert "older calls" in trimmed["log"]["comment"]
    assert fit(document, len(whole)) == whole
    assert json.loads(fit(document, 300))["log"]["entries"] == []
    lines = summarize(trimmed)
    assert lines[0].method == "WS" and lines[0].received == len(stream[WS_MESSAGES])
    assert lines[-1].url == "/api/v1/me" and lines[-1].status == 200


# --- the transport ---------------------------------------------------------------------------


class Chunks(httpx.AsyncByteStream):
    """A body that arrives in pieces, as from a socket."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    async def __aiter__(self) -> Any:
        for start in range(0, len(self.body), 700):
            yield self.body[start : start + 700]


def test_a_failed_call_is_recorded_with_its_error(live_server_factory: Factory) -> None:
    live = live_server_factory()
    url = live.url
    live.stop()  # nobody listens there any more
    ring = TrafficLog()

    async def scenario() -> None:
        client = CabinetClient(url, traffic=ring, retry_delays=())
        with pytest.raises(NetworkUnreachable):
            await client.login(*DEMO)
        await client.aclose()

    asyncio.run(scenario())
    (entry,) = build_har(ring.snapshot())["log"]["entries"]
    assert entry["response"]["status"] == 0 and entry["response"]["_error"] == "ConnectError"
    assert json.loads(entry["request"]["postData"]["text"])["password"] == "***"


def test_a_large_answer_is_kept_up_to_the_cap_and_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(recording_transport, "MAX_BODY_CAPTURE", 1000)
    body = json.dumps({"items": ["x" * 100] * 50}).encode()
    ring = TrafficLog()

    async def scenario() -> bytes:
        transport = RecordingTransport(
            httpx.MockTransport(lambda request: httpx.Response(200, stream=Chunks(body))), ring
        )
        async with httpx.AsyncClient(transport=transport) as client:
            response = await client.get("https://h/api/v1/big")
            return response.content

    assert asyncio.run(scenario()) == body, "the caller reads the whole body"
    (recorded,) = ring.snapshot().exchanges
    assert recorded.response_body == body[:1000] and recorded.response_body_size == len(body)
    (entry,) = build_har(ring.snapshot())["log"]["entries"]
    assert "cut at" in entry["response"]["content"]["comment"]


# --- the file --------------------------------------------------------------------------------


def test_the_file_is_valid_private_and_bounded_while_recording(tmp_path: Path) -> None:
    ring = TrafficLog()
    path = tmp_path / "traffic.har"
    writer = HarFileWriter(path, ring, interval=0.02, max_http_bytes=20_000, max_stream_bytes=5_000)
    writer.start()
    validate_har(json.loads(path.read_bytes()))  # there, empty, at once
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    connection = ring.ws_open("wss://h/api/v1/stream", [], started=1.0)
    for index in range(100):
        ring.http(exchange(float(index), json.dumps({"n": index, "pad": "y" * 400}).encode()))
        ring.ws_message(connection, "receive", QUOTE)
    writes = writer.writes
    deadline = 200
    while writer.writes == writes and deadline:  # the thread writes on its own
        threading.Event().wait(0.02)
        deadline -= 1
    validate_har(json.loads(path.read_bytes()))
    writer.stop()
    assert writer.join(10)
    document = json.loads(path.read_bytes())
    validate_har(document)
    assert_no_secret(path.read_bytes(), [TOKEN])
    entries = document["log"]["entries"]
    calls = [e for e in entries if WS_MESSAGES not in e]
    assert 0 < len(calls) < 100 and len(path.read_bytes()) < 40_000
    assert json.loads(calls[-1]["response"]["content"]["text"])["n"] == 99
    assert "older calls" in document["log"]["comment"]
    assert [p.name for p in tmp_path.iterdir()] == ["traffic.har"], "no temporary file left"
    ring.http(exchange(5.0))  # after stop: not written
    assert json.loads(path.read_bytes()) == document


def test_a_file_that_cannot_be_made_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OSError):
        HarFileWriter(blocker / "traffic.har", TrafficLog()).start()
