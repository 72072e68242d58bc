"""The mock NCALayer speaks NCALayer's protocol and signs what the mock backend verifies."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import signal
import ssl
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import verify_cms
from cesec_desktop.mockserver.ncalayer import MockNCALayer

REPO_ROOT = Path(__file__).resolve().parents[2]
GREETING = '{"result":{"version":"1.4"}}'
DOCUMENT = "Заявка на покупку\nKSPI 10 шт. по 42 100,00 KZT\n".encode()


def _run(scenario: Callable[[], Awaitable[None]], timeout: float = 10) -> None:
    """Run one async scenario on a fresh loop, with a ceiling so a hang fails fast."""

    async def bounded() -> None:
        await asyncio.wait_for(scenario(), timeout)

    asyncio.run(bounded())


@asynccontextmanager
async def _layer(**options: Any) -> AsyncIterator[MockNCALayer]:
    server = MockNCALayer(port=0, tls=options.pop("tls", False), **options)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def _client(server: MockNCALayer) -> AsyncIterator[ClientConnection]:
    """A connection whose greeting has already been read and checked."""
    ssl_context = None
    if server.tls_cert_pem is not None:
        # Trust exactly the mock's own certificate, hostname check on: no relaxed TLS.
        ssl_context = ssl.create_default_context(cadata=server.tls_cert_pem.decode())
    async with connect(server.url, ssl=ssl_context) as ws:
        assert await ws.recv() == GREETING
        yield ws


def _sign_request(data: object, *, encapsulate: bool = True) -> str:
    return json.dumps(
        {
            "module": "kz.gov.pki.knca.basics",
            "method": "sign",
            "args": {
                "allowedStorages": None,
                "format": "cms",
                "data": data,
                "signingParams": {
                    "decode": True,
                    "encapsulate": encapsulate,
                    "digested": False,
                    "tsaProfile": None,
                },
                "signerParams": {"extKeyUsageOids": ["1.3.6.1.5.5.7.3.4"], "chain": []},
                "locale": "ru",
            },
        }
    )


def _legacy_request(method: str, args: list[object] | None = None) -> str:
    request: dict[str, object] = {"module": "kz.gov.pki.knca.commonUtils", "method": method}
    if args is not None:
        request["args"] = args
    return json.dumps(request)


B64_DOCUMENT = base64.b64encode(DOCUMENT).decode()


async def _ask(ws: ClientConnection, request: str) -> Any:
    await ws.send(request)
    return json.loads(await ws.recv())


def _verify(cms: str, document: bytes = DOCUMENT) -> str | None:
    ca, _ = pki.load_ca()
    return verify_cms(cms, document, ca, at=datetime.now(UTC)).iin


@pytest.mark.parametrize("tls", [False, True], ids=["ws", "wss"])
def test_greeting_then_sign_approve(tls: bool) -> None:
    async def scenario() -> None:
        async with _layer(tls=tls) as server, _client(server) as ws:
            assert server.url.startswith("wss://" if tls else "ws://")
            reply = await _ask(ws, _sign_request(B64_DOCUMENT))
            assert reply["status"] is True
            assert _verify(reply["body"]["result"]) == pki.DEMO_IIN
            assert server.received[0]["args"]["data"] == B64_DOCUMENT

    _run(scenario)


def test_heartbeat_is_echoed_exactly() -> None:
    async def scenario() -> None:
        async with _layer() as server, _client(server) as ws:
            await ws.send("--heartbeat--")
            assert await ws.recv() == "--heartbeat--"

    _run(scenario)


def test_frames_that_are_not_json_are_ignored() -> None:
    async def scenario() -> None:
        async with _layer() as server, _client(server) as ws:
            await ws.send("hello")
            await ws.send("{broken")
            await ws.send(b"\x00binary")
            # The first frame back is the answer to the sign: nothing was said to the rest.
            reply = await _ask(ws, _sign_request(B64_DOCUMENT))
            assert _verify(reply["body"]["result"]) == pki.DEMO_IIN

    _run(scenario)


def test_cancel_and_error_shapes_and_runtime_mode_switch() -> None:
    async def scenario() -> None:
        async with _layer(mode="cancel") as server, _client(server) as ws:
            await ws.send(_sign_request(B64_DOCUMENT))
            # The recorded byte shape (ncalayer-js-client's test data, exchange 34).
            assert await ws.recv() == '{"body":{},"status":true}'

            server.mode = "error"
            reply = await _ask(ws, _sign_request(B64_DOCUMENT))
            assert reply["status"] is False
            assert reply["code"] == "EMPTY_KEY_LIST"
            assert list(reply) == ["code", "details", "message", "status"]

            server.mode = "approve"
            reply = await _ask(ws, _sign_request(B64_DOCUMENT))
            assert _verify(reply["body"]["result"]) == pki.DEMO_IIN

    _run(scenario)


@pytest.mark.parametrize(
    ("request_text", "code"),
    [
        (
            json.dumps({"module": "kz.gov.pki.knca.nope", "method": "sign", "args": {}}),
            "MODULE_NOT_FOUND",
        ),
        (
            json.dumps({"module": "kz.gov.pki.knca.basics", "method": "nope", "args": {}}),
            "METHOD_NOT_FOUND",
        ),
        (_sign_request("not base64!"), "INVOCATION_ERROR"),
        (_sign_request(42), "INVOCATION_ERROR"),
    ],
    ids=["module", "method", "base64", "data-type"],
)
def test_bad_requests_fail_with_a_code(request_text: str, code: str) -> None:
    async def scenario() -> None:
        async with _layer() as server, _client(server) as ws:
            reply = await _ask(ws, request_text)
            assert reply["status"] is False
            assert reply["code"] == code

    _run(scenario)


def test_result_shapes() -> None:
    async def scenario() -> None:
        async with _layer(result_shape="array") as server, _client(server) as ws:
            result = (await _ask(ws, _sign_request(B64_DOCUMENT)))["body"]["result"]
            assert isinstance(result, list) and len(result) == 1
            assert _verify(result[0]) == pki.DEMO_IIN

            server.result_shape = "pem"
            result = (await _ask(ws, _sign_request(B64_DOCUMENT)))["body"]["result"]
            assert result.startswith("-----BEGIN CMS-----\n")
            assert result.endswith("\n-----END CMS-----\n")
            assert _verify(result) == pki.DEMO_IIN

            # An array of documents gets an array of signatures, as the real one does.
            other = b"second document"
            server.result_shape = "string"
            data = [B64_DOCUMENT, base64.b64encode(other).decode()]
            result = (await _ask(ws, _sign_request(data)))["body"]["result"]
            assert [_verify(result[0]), _verify(result[1], other)] == [pki.DEMO_IIN] * 2

    _run(scenario)


def test_legacy_common_utils() -> None:
    async def scenario() -> None:
        async with _layer() as server, _client(server) as ws:
            await ws.send(_legacy_request("getActiveTokens"))
            assert await ws.recv() == '{"responseObject":[],"code":"200"}'

            args: list[object] = ["PKCS12", "SIGNATURE", B64_DOCUMENT, True]
            reply = await _ask(ws, _legacy_request("createCAdESFromBase64", args))
            assert reply["code"] == "200"
            assert _verify(reply["responseObject"]) == pki.DEMO_IIN

            reply = await _ask(
                ws, _legacy_request("createCAdESFromBase64", ["PKCS12", 1, B64_DOCUMENT, True])
            )
            assert reply["code"] == "500"

            server.mode = "cancel"
            await ws.send(_legacy_request("createCAdESFromBase64", args))
            assert await ws.recv() == '{"code":"500","message":"action.canceled"}'

    _run(scenario)


def test_signer_for_another_iin() -> None:
    async def scenario() -> None:
        signer = pki.issue_signer_cert("810624301456")
        async with _layer(signer=signer) as server, _client(server) as ws:
            reply = await _ask(ws, _sign_request(B64_DOCUMENT))
            assert _verify(reply["body"]["result"]) == "810624301456"

    _run(scenario)


def test_slow_mode_waits_and_stop_interrupts_the_wait() -> None:
    async def scenario() -> None:
        async with _layer(mode="slow", slow_seconds=0.3) as server, _client(server) as ws:
            started = time.monotonic()
            reply = await _ask(ws, _sign_request(B64_DOCUMENT))
            assert time.monotonic() - started >= 0.3
            assert _verify(reply["body"]["result"]) == pki.DEMO_IIN

            # A user who never finishes: stopping the server must not wait for them.
            server.slow_seconds = 60
            await ws.send(_sign_request(B64_DOCUMENT))
            await asyncio.sleep(0.1)
            started = time.monotonic()
            await server.stop()
            assert time.monotonic() - started < 2

    _run(scenario)


STOP_SIGNALS = [signal.SIGTERM] if sys.platform == "win32" else [signal.SIGINT, signal.SIGTERM]


@pytest.mark.parametrize("stop_signal", STOP_SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_console_entry_point(stop_signal: signal.Signals) -> None:
    async def scenario() -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])
            ),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "cesec_desktop.mockserver.ncalayer",
            "--plain",
            "--port",
            "0",
            cwd=REPO_ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            assert process.stdout is not None
            line = (await asyncio.wait_for(process.stdout.readline(), 10)).decode().strip()
            prefix = "cesec-mock-ncalayer listening on ws://127.0.0.1:"
            assert line.startswith(prefix) and line.endswith("/"), line
            port = int(line[len(prefix) : -1])
            assert port > 0
            async with connect(f"ws://127.0.0.1:{port}/") as ws:
                assert await ws.recv() == GREETING
        finally:
            if process.returncode is None:
                process.send_signal(stop_signal)
            returncode = await asyncio.wait_for(process.wait(), 10)
        if sys.platform != "win32":
            assert returncode == 0

    _run(scenario, timeout=20)
