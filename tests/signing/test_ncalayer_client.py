"""The NCALayer client against the real mock NCALayer (and a few hand-made bad servers)."""

from __future__ import annotations

import asyncio
import base64
import json
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection, serve

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import verify_cms
from cesec_desktop.mockserver.ncalayer import MockNCALayer
from cesec_desktop.signing import ncalayer
from cesec_desktop.signing.ncalayer import (
    DEFAULT_URL,
    DEMO,
    PRODUCTION,
    NcaLayerCancelled,
    NcaLayerClient,
    NcaLayerError,
    NcaLayerNotRunning,
    NcaState,
    is_loopback,
)

DOCUMENT = "Заявка на покупку\nKSPI 10 шт. по 42 100,00 KZT\n".encode()
DEMO_IIN = "880607300110"
# The two profiles' requests. With a real server the app asks for a TSP timestamp and leaves
# `chain` out, so NCALayer offers only keys under the national CA; the demo's test CA needs
# `chain: []`. Kazakh is "kz" on NCALayer's wire.
PRODUCTION_SIGN_REQUEST = (
    '{"module":"kz.gov.pki.knca.basics","method":"sign","args":{"allowedStorages":null,'
    '"format":"cms","data":"<base64>","signingParams":{"decode":true,"encapsulate":true,'
    '"digested":false,"tsaProfile":{}},"signerParams":{"extKeyUsageOids":'
    '["1.3.6.1.5.5.7.3.4"]},"locale":"<locale>"}}'
)
DEMO_SIGN_REQUEST = PRODUCTION_SIGN_REQUEST.replace(
    '["1.3.6.1.5.5.7.3.4"]}', '["1.3.6.1.5.5.7.3.4"],"chain":[]}'
)
# What ncalayer-js-client asks after every greeting, to tell KAZTOKEN desktop from NCALayer.
PROBE = {"module": "kz.digiflow.mobile.extensions", "method": "getVersion"}
GREETING = '{"result":{"version":"1.4"}}'
NOT_KAZTOKEN = json.dumps(
    {"status": False, "code": "MODULE_NOT_FOUND", "message": "Unknown module", "details": ""}
)


async def _greet(ws: ServerConnection) -> None:
    """A hand-made NCALayer's greeting, and its answer to the app's "who are you"."""
    await ws.send(GREETING)
    assert json.loads(await ws.recv()) == PROBE
    await ws.send(NOT_KAZTOKEN)


def _run(scenario: Callable[[], Awaitable[None]], timeout: float = 10) -> None:
    """Run one scenario on a fresh loop, with a ceiling so a hang fails instead of stalling."""

    async def bounded() -> None:
        await asyncio.wait_for(scenario(), timeout)

    asyncio.run(bounded())


@asynccontextmanager
async def _layer(**options: Any) -> AsyncIterator[MockNCALayer]:
    server = MockNCALayer(host="127.0.0.1", port=0, **options)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def _fake(
    handler: Callable[[ServerConnection], Awaitable[None]],
) -> AsyncIterator[str]:
    """A hand-made plain WebSocket server on loopback; yields its ws:// URL."""
    async with serve(handler, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        yield f"ws://127.0.0.1:{port}/"


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _iin(cms: str, document: bytes = DOCUMENT) -> str | None:
    ca, _ = pki.load_ca()
    return verify_cms(cms, document, ca, at=datetime.now(UTC)).iin


async def _until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


# --- connecting -------------------------------------------------------------------------


def test_default_url_is_ncalayers_own() -> None:
    assert DEFAULT_URL == "wss://127.0.0.1:13579/"
    assert NcaLayerClient().url == DEFAULT_URL


def test_greeting_is_read_and_version_exposed() -> None:
    async def scenario() -> None:
        async with _layer(tls=True) as server, NcaLayerClient(server.url) as client:
            assert client.version is None
            assert await client.connect() == "1.4"
            assert client.version == "1.4"
            assert client.connected
            assert client.app == "NCALayer 1.4"
            assert list(server.received) == [PROBE]  # only "who are you" was asked
        assert not client.connected

    _run(scenario)


def test_not_running_fails_fast_with_its_own_type() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        client = NcaLayerClient(f"wss://127.0.0.1:{_closed_port()}/", on_state=states.append)
        started = time.monotonic()
        with pytest.raises(NcaLayerNotRunning) as caught:
            await client.sign_cms(DOCUMENT)
        assert time.monotonic() - started < 1.0
        assert caught.value.code == "not_running"
        assert states == [NcaState.CONNECTING, NcaState.NOT_RUNNING]

    _run(scenario)


@pytest.mark.parametrize(
    "url",
    [
        "wss://10.0.0.5:13579/",
        "wss://192.168.1.10:13579/",
        "wss://example.com:13579/",
        "wss://127.0.0.1.example.com:13579/",
        "wss://localhost.example.com/",
        "ws://0.0.0.0:13579/",
        "ws://[2001:db8::1]:13579/",
    ],
)
def test_non_loopback_host_is_refused_without_connecting(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_connect(*args: object, **kwargs: object) -> None:
        raise AssertionError("the client tried to connect to a non-loopback host")

    monkeypatch.setattr(ncalayer, "connect", no_connect)
    monkeypatch.setattr(ncalayer, "_loopback_tls_context", no_connect)

    async def scenario() -> None:
        states: list[NcaState] = []
        client = NcaLayerClient(url, on_state=states.append)
        with pytest.raises(NcaLayerError) as caught:
            await client.sign_cms(DOCUMENT)
        assert caught.value.code == "not_loopback"
        assert states[-1] is NcaState.FAILED
        with pytest.raises(NcaLayerError, match="not_loopback"):
            await client.active_tokens()

    _run(scenario)


@pytest.mark.parametrize(
    "url", ["https://127.0.0.1:13579/", "127.0.0.1:13579", "wss://user:pw@127.0.0.1/"]
)
def test_malformed_address_is_refused(url: str) -> None:
    async def scenario() -> None:
        with pytest.raises(NcaLayerError) as caught:
            await NcaLayerClient(url).connect()
        assert caught.value.code == "bad_url"

    _run(scenario)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("example.com", False),
        ("127.0.0.1.example.com", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_relaxed_tls_is_per_connection_and_loopback_only() -> None:
    first = ncalayer._connect_options("wss://127.0.0.1:13579/")["ssl"]
    second = ncalayer._connect_options("wss://localhost:13579/")["ssl"]
    assert isinstance(first, ssl.SSLContext) and first is not second
    assert first.verify_mode is ssl.CERT_NONE and not first.check_hostname
    assert first.minimum_version >= ssl.TLSVersion.TLSv1_2
    assert ncalayer._connect_options("ws://127.0.0.1:13579/") == {}


def test_tls_to_a_plain_server_is_a_tls_failure_not_not_running() -> None:
    async def scenario() -> None:
        async with _layer(tls=False) as server:
            client = NcaLayerClient(server.url.replace("ws://", "wss://"), connect_timeout=2)
            with pytest.raises(NcaLayerError) as caught:
                await client.connect()
            assert not isinstance(caught.value, NcaLayerNotRunning)
            assert caught.value.code in {"tls_failed", "handshake_failed"}

    _run(scenario)


# --- signing with the mock --------------------------------------------------------------


def test_approve_over_tls_gives_a_cms_the_backend_accepts() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        async with (
            _layer(tls=True) as server,
            NcaLayerClient(server.url, on_state=states.append) as client,
        ):
            assert server.url.startswith("wss://")
            cms = await client.sign_cms(DOCUMENT)
            assert _iin(cms) == DEMO_IIN
            assert states == [NcaState.CONNECTING, NcaState.WAITING_FOR_USER, NcaState.DONE]

    _run(scenario)


@pytest.mark.parametrize(
    ("profile", "template"), [(PRODUCTION, PRODUCTION_SIGN_REQUEST), (DEMO, DEMO_SIGN_REQUEST)]
)
def test_each_profile_sends_exactly_its_request(profile: Any, template: str) -> None:
    async def scenario() -> None:
        async with (
            _layer(tls=False) as server,
            NcaLayerClient(server.url, profile=profile) as client,
        ):
            await client.sign_cms(DOCUMENT)
            await client.sign_cms(DOCUMENT, locale="kk")
            await client.sign_cms(DOCUMENT, locale="en")
            data = base64.b64encode(DOCUMENT).decode()
            probe, *signs = server.received
            assert probe == PROBE
            for sent, wire_locale in zip(signs, ("ru", "kz", "en"), strict=True):
                expected = template.replace("<base64>", data).replace("<locale>", wire_locale)
                # Same keys in the same order, all the way down.
                assert json.dumps(sent, ensure_ascii=False, separators=(",", ":")) == expected

    _run(scenario)


def test_the_default_profile_is_production() -> None:
    assert NcaLayerClient().profile is PRODUCTION
    assert PRODUCTION.timestamp and not PRODUCTION.test_certificates
    assert DEMO.test_certificates


def test_kaztoken_desktop_is_recognised_and_named() -> None:
    # As recorded in ncalayer-js-client's test/test-data.json (its first exchange).
    async def handler(ws: ServerConnection) -> None:
        await ws.send('{"result":{"version":"1.2"}}')
        assert json.loads(await ws.recv()) == PROBE
        await ws.send(
            '{"code":"200","responseObject":{"name":"KAZTOKENdesktop","version":"1.2.758.648"}}'
        )
        request = json.loads(await ws.recv())
        assert request["method"] == "sign"
        await ws.send(json.dumps({"status": True, "body": {"result": "MAMCAQE="}}))
        await ws.wait_closed()

    async def scenario() -> None:
        async with _fake(handler) as url, NcaLayerClient(url) as client:
            assert await client.connect() == "1.2"
            assert client.app == "KAZTOKEN desktop 1.2.758.648"
            assert await client.sign_cms(DOCUMENT) == "MAMCAQE="

    _run(scenario)


def test_an_app_that_ignores_the_probe_is_used_on_a_fresh_socket() -> None:
    sockets: list[list[dict[str, Any]]] = []

    async def handler(ws: ServerConnection) -> None:
        seen: list[dict[str, Any]] = []
        sockets.append(seen)
        await ws.send(GREETING)
        async for frame in ws:
            request = json.loads(frame)
            seen.append(request)
            if request.get("method") == "sign":
                await ws.send(json.dumps({"status": True, "body": {"result": "MAMCAQE="}}))

    async def scenario() -> None:
        async with _fake(handler) as url, NcaLayerClient(url) as client:
            started = time.monotonic()
            assert await client.sign_cms(DOCUMENT) == "MAMCAQE="
            assert time.monotonic() - started < ncalayer.PROBE_TIMEOUT + 2
            assert client.app == "NCALayer 1.4"
            # The unanswered probe stays on the first socket; the request goes on a new one.
            assert sockets[0] == [PROBE]
            assert [r["method"] for r in sockets[1]] == ["sign"]

    _run(scenario, timeout=15)


def test_bad_locale_and_empty_data_are_programming_errors() -> None:
    async def scenario() -> None:
        client = NcaLayerClient("ws://127.0.0.1:1/")
        with pytest.raises(ValueError):
            await client.sign_cms(DOCUMENT, locale="de")  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            await client.sign_cms(b"")

    _run(scenario)


@pytest.mark.parametrize("shape", ["string", "array", "pem"])
def test_every_result_shape_gives_clean_base64(shape: str) -> None:
    async def scenario() -> None:
        async with (
            _layer(tls=False, result_shape=shape) as server,
            NcaLayerClient(server.url) as client,
        ):
            cms = await client.sign_cms(DOCUMENT)
            assert "\n" not in cms and "-----" not in cms
            assert _iin(cms) == DEMO_IIN

    _run(scenario)


def test_cancel_in_ncalayer_raises_cancelled_and_the_socket_stays_usable() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        async with (
            _layer(tls=False, mode="cancel") as server,
            NcaLayerClient(server.url, on_state=states.append) as client,
        ):
            with pytest.raises(NcaLayerCancelled) as caught:
                await client.sign_cms(DOCUMENT)
            assert caught.value.code == "cancelled"
            assert states == [
                NcaState.CONNECTING,
                NcaState.WAITING_FOR_USER,
                NcaState.CANCELLED,
            ]
            server.mode = "approve"
            assert _iin(await client.sign_cms(DOCUMENT)) == DEMO_IIN

    _run(scenario)


def test_error_in_ncalayer_carries_its_code_and_message() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        async with (
            _layer(tls=False, mode="error") as server,
            NcaLayerClient(server.url, on_state=states.append) as client,
        ):
            with pytest.raises(NcaLayerError) as caught:
                await client.sign_cms(DOCUMENT)
            error = caught.value
            assert not isinstance(error, NcaLayerCancelled | NcaLayerNotRunning)
            assert error.code == "EMPTY_KEY_LIST"
            assert error.message == "No keys found in the selected storage."
            assert error.details
            assert states[-1] is NcaState.FAILED

    _run(scenario)


def test_slow_user_is_waited_for_beyond_the_connect_timeout() -> None:
    async def scenario() -> None:
        async with (
            _layer(tls=True, mode="slow", slow_seconds=1.0) as server,
            NcaLayerClient(server.url, connect_timeout=0.3) as client,
        ):
            started = time.monotonic()
            cms = await client.sign_cms(DOCUMENT)
            assert time.monotonic() - started >= 0.9
            assert _iin(cms) == DEMO_IIN

    _run(scenario)


def test_cancelling_the_task_closes_the_socket_and_ncalayer_sees_it() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        async with (
            _layer(tls=True, mode="slow", slow_seconds=30) as server,
            NcaLayerClient(server.url, on_state=states.append) as client,
        ):
            task = asyncio.create_task(client.sign_cms(DOCUMENT))
            await _until(lambda: NcaState.WAITING_FOR_USER in states)
            task.cancel()
            started = time.monotonic()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert time.monotonic() - started < 2.5
            assert states[-1] is NcaState.CANCELLED
            assert not client.connected
            # NCALayer's side: the socket is gone, so its dialog would be abandoned.
            assert server._server is not None
            await _until(lambda: not server._server.connections)  # type: ignore[union-attr]

            # The next request opens a new socket.
            server.mode = "approve"
            states.clear()
            assert _iin(await client.sign_cms(DOCUMENT)) == DEMO_IIN
            assert states == [NcaState.CONNECTING, NcaState.WAITING_FOR_USER, NcaState.DONE]

    _run(scenario)


def test_concurrent_requests_on_one_client_are_serialised() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        first, second = DOCUMENT, "Заявка на продажу\nKCEL 5 шт.\n".encode()
        async with (
            _layer(tls=False, mode="slow", slow_seconds=0.3) as server,
            NcaLayerClient(server.url, on_state=states.append) as client,
        ):
            cms_first, cms_second = await asyncio.gather(
                client.sign_cms(first), client.sign_cms(second)
            )
            # Each answer went to the request it belongs to.
            assert _iin(cms_first, first) == DEMO_IIN
            assert _iin(cms_second, second) == DEMO_IIN
            # The second request went out only after the first was answered.
            assert states == [
                NcaState.CONNECTING,
                NcaState.WAITING_FOR_USER,
                NcaState.DONE,
                NcaState.WAITING_FOR_USER,
                NcaState.DONE,
            ]
            assert [r["method"] for r in server.received] == ["getVersion", "sign", "sign"]

    _run(scenario)


def test_connection_dropped_mid_request_is_connection_lost() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        async with _layer(tls=False, mode="slow", slow_seconds=30) as server:
            client = NcaLayerClient(server.url, on_state=states.append)
            task = asyncio.create_task(client.sign_cms(DOCUMENT))
            await _until(lambda: NcaState.WAITING_FOR_USER in states)
            await server.stop()
            with pytest.raises(NcaLayerError) as caught:
                await task
            assert caught.value.code == "connection_lost"
            assert states[-1] is NcaState.FAILED
            assert not client.connected

    _run(scenario)


def test_close_during_a_request_fails_it_as_closed() -> None:
    async def scenario() -> None:
        states: list[NcaState] = []
        async with _layer(tls=False, mode="slow", slow_seconds=30) as server:
            client = NcaLayerClient(server.url, on_state=states.append)
            task = asyncio.create_task(client.sign_cms(DOCUMENT))
            await _until(lambda: NcaState.WAITING_FOR_USER in states)
            await client.close()
            with pytest.raises(NcaLayerError) as caught:
                await task
            assert caught.value.code == "closed"

    _run(scenario)


def test_active_tokens_uses_the_legacy_module() -> None:
    async def scenario() -> None:
        async with (
            _layer(tls=False, active_tokens=["AKKaztokenStore"]) as server,
            NcaLayerClient(server.url) as client,
        ):
            assert await client.active_tokens() == ["AKKaztokenStore"]
            assert list(server.received) == [
                PROBE,
                {"module": "kz.gov.pki.knca.commonUtils", "method": "getActiveTokens", "args": []},
            ]

    _run(scenario)


def test_a_failing_state_callback_does_not_break_signing() -> None:
    def broken(state: NcaState) -> None:
        raise RuntimeError("UI bug")

    async def scenario() -> None:
        async with (
            _layer(tls=False) as server,
            NcaLayerClient(server.url, on_state=broken) as client,
        ):
            assert _iin(await client.sign_cms(DOCUMENT)) == DEMO_IIN

    _run(scenario)


def test_state_texts_for_the_ui() -> None:
    assert NcaState.CONNECTING.text == "Connecting to NCALayer…"
    assert NcaState.WAITING_FOR_USER.text == "Choose your key in NCALayer"
    assert all(state.text for state in NcaState)


# --- servers that misbehave -------------------------------------------------------------


def test_heartbeats_and_frames_that_are_not_json_are_skipped() -> None:
    async def handler(ws: ServerConnection) -> None:
        for noise in ("--heartbeat--", "hello", b"\x00\x01", "[1, 2]", "{broken"):
            await ws.send(noise)
        await _greet(ws)
        request = json.loads(await ws.recv())
        assert request["method"] == "sign"
        for noise in ("--heartbeat--", b"\x00", "not json", "7", GREETING):
            await ws.send(noise)
        await ws.send(json.dumps({"status": True, "body": {"result": ["MAMCAQE="]}}))
        await ws.wait_closed()

    async def scenario() -> None:
        async with _fake(handler) as url, NcaLayerClient(url) as client:
            assert await client.sign_cms(DOCUMENT) == "MAMCAQE="
            assert client.version == "1.4"

    _run(scenario)


def test_no_greeting_is_an_error_after_the_connect_timeout() -> None:
    async def handler(ws: ServerConnection) -> None:
        await ws.wait_closed()

    async def scenario() -> None:
        async with _fake(handler) as url:
            client = NcaLayerClient(url, connect_timeout=0.3)
            with pytest.raises(NcaLayerError) as caught:
                await client.connect()
            assert caught.value.code == "no_greeting"
            assert not client.connected

    _run(scenario)


def test_a_first_message_that_is_not_the_greeting_is_refused() -> None:
    async def handler(ws: ServerConnection) -> None:
        await ws.send('{"status":true,"body":{}}')
        await ws.wait_closed()

    async def scenario() -> None:
        async with _fake(handler) as url:
            with pytest.raises(NcaLayerError) as caught:
                await NcaLayerClient(url).connect()
            assert caught.value.code == "bad_greeting"

    _run(scenario)


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        ({"status": True, "body": {"result": "not base64!"}}, "bad_result"),
        ({"status": True}, "cancelled"),
        ({"status": True, "body": None}, "cancelled"),
        ({"status": False, "code": "WRONG_PASSWORD"}, "WRONG_PASSWORD"),
        ({"code": "500", "message": "boom"}, "500"),
        # The legacy module's cancel, as NCALayer also answers a sign with it (issue 14).
        ({"code": "500", "message": "action.canceled"}, "cancelled"),
        ({"status": False, "code": "500", "message": "action.canceled"}, "cancelled"),
        ({"hello": "world"}, "bad_response"),
    ],
)
def test_reply_mapping(reply: dict[str, Any], code: str) -> None:
    async def handler(ws: ServerConnection) -> None:
        await _greet(ws)
        await ws.recv()
        await ws.send(json.dumps(reply))
        await ws.wait_closed()

    async def scenario() -> None:
        async with _fake(handler) as url, NcaLayerClient(url) as client:
            with pytest.raises(NcaLayerError) as caught:
                await client.sign_cms(DOCUMENT)
            assert caught.value.code == code

    _run(scenario)
