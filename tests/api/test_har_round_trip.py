"""A real order round trip against the real mock, recorded: the HAR file is HAR 1.2 by the
official schema, holds every call and the stream's frames both ways, and no secret at all."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from har_check import assert_no_secret, validate_har
from testkit import DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.errors import CabinetError
from cesec_desktop.api.har import WS_MESSAGES, build_har, dumps
from cesec_desktop.api.har_file import HarFileWriter
from cesec_desktop.api.stream import StreamClient
from cesec_desktop.api.traffic_log import TrafficLog
from cesec_desktop.domain.enums import OrderType, Side
from cesec_desktop.domain.models.auth import Tokens
from cesec_desktop.domain.models.orders import Order, OrderDraftRequest
from cesec_desktop.domain.models.signing import EdsSignature, SmsSignature

Factory = Callable[..., LiveServer]
FAST = {"backoff_initial": 0.1, "backoff_max": 0.4, "settle_time": 0.1}


async def eventually(condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


def _entries(document: dict[str, Any], method: str, path: str) -> list[dict[str, Any]]:
    return [
        e
        for e in document["log"]["entries"]
        if e["request"]["method"] == method and e["request"]["url"].split("?")[0].endswith(path)
    ]


def _code_leaks(data: bytes, code: str) -> list[str]:
    """Where a six-digit code stands on its own in `data` (not inside a longer number, nor as
    the fraction of a time: those are other numbers that happen to hold the same digits)."""
    pattern = re.compile(rb"(?<![\d.:])" + code.encode() + rb"(?![\d])")
    return [data[max(0, m.start() - 40) : m.end() + 40].decode() for m in pattern.finditer(data)]


def test_an_order_round_trip_is_recorded_valid_and_without_secrets(
    live_server_factory: Factory, tmp_path: Path
) -> None:
    live = live_server_factory()
    traffic = TrafficLog()
    path = tmp_path / "records" / "session.har"
    writer = HarFileWriter(path, traffic, interval=0.05)
    issued: list[Tokens] = []
    orders: list[Order] = []
    secrets_used: list[str] = [DEMO[1]]
    fake_cms = "MIIB" + base64.b64encode(secrets.token_bytes(300)).decode()
    secrets_used.append(fake_cms)

    async def scenario() -> str:
        writer.start()
        client = CabinetClient(live.url, on_tokens=issued.append, traffic=traffic)
        await client.login(*DEMO)
        stream = StreamClient(
            client.base_url, client.stream_token, on_order=orders.append, traffic=traffic, **FAST
        )
        stream.subscribe_orders()
        stream.start()
        await eventually(lambda: stream.connections == 1)
        draft = await client.create_order_draft(
            OrderDraftRequest(
                account_id="acc_demo_kzt",
                instrument_id="KASE:HSBK",
                side=Side.BUY,
                type=OrderType.LIMIT,
                price=Decimal("1.00"),  # far below the market: it stays open
                quantity=Decimal("1"),
            )
        )
        # A signature the server refuses still went out: it must not reach the file.
        with pytest.raises(CabinetError):
            await client.confirm_order(
                draft.draft_id, EdsSignature(method="eds", cms=fake_cms), new_idempotency_key()
            )
        challenge = await client.send_sms(draft.draft_id)
        outbox = await asyncio.to_thread(
            lambda: httpx.get(f"{live.url}/mock/sms-outbox").json()["items"]
        )
        code = next(i["code"] for i in outbox if i["challenge_id"] == challenge.challenge_id)
        signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
        order = await client.confirm_order(draft.draft_id, signature, new_idempotency_key())
        await eventually(lambda: any(o.id == order.id for o in orders))
        # A renewal: the server issues a second pair of tokens.
        await client.stream_token(refused=client.access_token)
        await client.logout()
        await stream.stop()
        await client.aclose()
        return str(code)

    code = asyncio.run(scenario())
    writer.stop()
    assert writer.join(10) and writer.error == ""
    assert len(issued) == 2
    secrets_used += [t.access_token for t in issued] + [t.refresh_token for t in issued]

    data = path.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(data)
    validate_har(document)
    assert_no_secret(data, secrets_used)
    assert _code_leaks(data, code) == []

    # What a reader of the file needs is there.
    login = _entries(document, "POST", "/api/v1/auth/login")[0]
    assert json.loads(login["request"]["postData"]["text"]) == {
        "login": "demo",
        "password": "***",
    }
    body = json.loads(login["response"]["content"]["text"])
    assert body["access_token"] == body["refresh_token"] == "***"
    assert login["response"]["status"] == 200
    assert login["timings"]["wait"] >= 0 and login["time"] >= login["timings"]["wait"]
    draft_call = _entries(document, "POST", "/api/v1/orders/drafts")[0]
    assert draft_call["response"]["status"] == 201
    assert "document" in json.loads(draft_call["response"]["content"]["text"])
    headers = {h["name"].lower(): h["value"] for h in draft_call["request"]["headers"]}
    assert headers["authorization"] == "Bearer ***"
    confirms = _entries(document, "POST", "/api/v1/orders")
    assert [c["response"]["status"] for c in confirms] == [422, 201]
    refused = json.loads(confirms[0]["request"]["postData"]["text"])
    assert refused["signature"] == {"method": "eds", "cms": "***"}
    signed = json.loads(confirms[1]["request"]["postData"]["text"])
    assert signed["signature"]["code"] == "***"
    assert signed["signature"]["challenge_id"] == signature_id(document)
    # The Idempotency-Key is no secret: it shows which tries were one order.
    keys = [
        next(h["value"] for h in c["request"]["headers"] if h["name"].lower() == "idempotency-key")
        for c in confirms
    ]
    assert all(re.fullmatch(r"[0-9a-f-]{36}", k) for k in keys) and keys[0] != keys[1]
    assert _entries(document, "POST", "/api/v1/auth/refresh")
    assert _entries(document, "POST", "/api/v1/auth/logout")

    streams = [e for e in document["log"]["entries"] if WS_MESSAGES in e]
    assert len(streams) == 1
    stream_entry = streams[0]
    assert stream_entry["request"]["url"] == live.ws_url
    assert stream_entry["response"]["status"] == 101
    ws_headers = {h["name"].lower(): h["value"] for h in stream_entry["request"]["headers"]}
    assert ws_headers["authorization"] == "Bearer ***"
    messages = stream_entry[WS_MESSAGES]
    sent = [json.loads(m["data"]) for m in messages if m["type"] == "send"]
    assert {"op": "subscribe", "channel": "orders"} in sent
    received = [json.loads(m["data"]) for m in messages if m["type"] == "receive"]
    assert any(
        f.get("channel") == "orders" and any(o["id"] == orders[0].id for o in f["data"])
        for f in received
    )
    times = [m["time"] for m in messages]
    assert times == sorted(times) and abs(times[0] - time.time()) < 600


def signature_id(document: dict[str, Any]) -> str:
    """The challenge the SMS call answered with (no secret: it names the code, is not it)."""
    call = _entries(document, "POST", "/api/v1/sms-challenges")[0]
    return str(json.loads(call["response"]["content"]["text"])["challenge_id"])


def test_the_ring_gives_the_same_document_and_no_secrets(live_server_factory: Factory) -> None:
    live = live_server_factory()
    traffic = TrafficLog()

    async def scenario() -> list[str]:
        client = CabinetClient(live.url, traffic=traffic)
        tokens = await client.login(*DEMO)
        await client.me()
        await client.quotes(["KASE:HSBK"])
        await client.aclose()
        return [tokens.access_token, tokens.refresh_token]

    issued = asyncio.run(scenario())
    document = build_har(traffic.snapshot())
    validate_har(document)
    assert_no_secret(dumps(document), [DEMO[1], *issued])
    urls = [e["request"]["url"] for e in document["log"]["entries"]]
    assert urls == [
        f"{live.url}/api/v1/auth/login",
        f"{live.url}/api/v1/me",
        f"{live.url}/api/v1/quotes?ids=KASE%3AHSBK",
    ]
    quotes = document["log"]["entries"][2]
    assert quotes["request"]["queryString"] == [{"name": "ids", "value": "KASE:HSBK"}]
    assert json.loads(quotes["response"]["content"]["text"])["items"][0]["instrument_id"] == (
        "KASE:HSBK"
    )
