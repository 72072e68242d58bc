"""A mock NCALayer: the national signing application's WebSocket protocol, signing for real.

It keeps the wire format of NCALayer (see DOMAIN.md) and signs with the test PKI's demo
signer, so the mock backend can verify what the desktop client sends. The user's part (pick
a key, type a PIN, or press Cancel) is played by ``mode``, switchable at runtime.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import contextlib
import json
import logging
import re
import signal
import ssl
import sys
import tempfile
import textwrap
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, get_args

from cryptography import x509
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import sign_cms

log = logging.getLogger(__name__)

Mode = Literal["approve", "cancel", "error", "slow"]
ResultShape = Literal["string", "array", "pem"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 13579
VERSION = "1.4"
HEARTBEAT = "--heartbeat--"
BASICS = "kz.gov.pki.knca.basics"
COMMON_UTILS = "kz.gov.pki.knca.commonUtils"

_INVOCATION_ERROR = "An invoked method threw an exception."
_IIN_RE = re.compile(r"\d{12}")

JsonObject = dict[str, Any]


class _BadRequest(Exception):
    """A request NCALayer would refuse before showing the user anything."""


class MockNCALayer:
    """The mock NCALayer server; ``mode`` and ``result_shape`` may change while it runs."""

    def __init__(
        self,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        tls: bool = True,
        mode: Mode = "approve",
        slow_seconds: float = 5.0,
        result_shape: ResultShape = "string",
        signer: tuple[x509.Certificate, pki.PrivateKey] | None = None,
        active_tokens: Sequence[str] = (),
    ) -> None:
        self.host = host
        self.mode: Mode = mode
        self.slow_seconds = slow_seconds
        self.result_shape: ResultShape = result_shape
        # Real NCALayer lists only plugged-in hardware tokens; the file store "PKCS12" is
        # always there and never listed, so with no token the list is empty.
        self.active_tokens = list(active_tokens)
        # The latest JSON requests, in order, so tests can check what a client sent; bounded
        # because the demo launcher keeps the mock running for a whole session.
        self.received: deque[JsonObject] = deque(maxlen=1000)
        self._requested_port = port
        self._tls = tls
        self._signer = signer
        self._server: Server | None = None
        self._tls_cert_pem: bytes | None = None

    @property
    def port(self) -> int:
        """The bound port once started (useful with port 0), else the requested one."""
        if self._server is None:
            return self._requested_port
        return int(self._server.sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        """The address a client connects to, such as ``wss://127.0.0.1:13579/``."""
        scheme = "wss" if self._tls else "ws"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}/"

    @property
    def tls_cert_pem(self) -> bytes | None:
        """The self-signed TLS certificate made at start (PEM), for a client to trust."""
        return self._tls_cert_pem

    @property
    def signer_cert(self) -> x509.Certificate:
        """The certificate the mock signs with."""
        return self._signer_pair()[0]

    async def start(self) -> None:
        """Listen; returns once the socket is bound."""
        if self._server is not None:
            raise RuntimeError("MockNCALayer is already running")
        self._signer_pair()
        ssl_context = self._make_tls_context() if self._tls else None
        self._server = await serve(self._handle, self.host, self._requested_port, ssl=ssl_context)
        log.info("mock NCALayer listening on %s (mode %s)", self.url, self.mode)

    async def stop(self) -> None:
        """Close every connection and stop listening."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        await server.wait_closed()
        log.info("mock NCALayer stopped")

    async def __aenter__(self) -> MockNCALayer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def _signer_pair(self) -> tuple[x509.Certificate, pki.PrivateKey]:
        """The signing certificate and key: the committed demo signer unless one was given."""
        if self._signer is None:
            self._signer = pki.load_demo_signer()
        return self._signer

    def _make_tls_context(self) -> ssl.SSLContext:
        """A server context with a fresh loopback certificate, like NCALayer's own."""
        cert_pem, key_pem = pki.make_tls_cert_for_loopback()
        self._tls_cert_pem = cert_pem
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        # load_cert_chain reads only files; the directory (mode 0700) goes away at once.
        with tempfile.TemporaryDirectory(prefix="cesec-ncalayer-") as folder:
            cert_path = Path(folder) / "cert.pem"
            key_path = Path(folder) / "key.pem"
            cert_path.write_bytes(cert_pem)
            key_path.touch(mode=0o600)
            key_path.write_bytes(key_pem)
            context.load_cert_chain(cert_path, key_path)
        return context

    async def _handle(self, connection: ServerConnection) -> None:
        """One socket: greet, then answer frames one at a time, in order."""
        log.info("client connected from %s", connection.remote_address)
        try:
            await connection.send(_dump({"result": {"version": VERSION}}))
            async for frame in connection:
                if not isinstance(frame, str):
                    continue
                if frame == HEARTBEAT:
                    await connection.send(HEARTBEAT)
                    continue
                try:
                    request = json.loads(frame)
                except ValueError:
                    log.debug("ignored a frame that is not JSON")
                    continue
                if not isinstance(request, dict):
                    log.debug("ignored a JSON frame that is not an object")
                    continue
                self.received.append(request)
                reply = await self._reply(connection, request)
                if reply is not None:
                    await connection.send(_dump(reply))
        except ConnectionClosed:
            pass
        log.info("client from %s disconnected", connection.remote_address)

    async def _reply(self, connection: ServerConnection, request: JsonObject) -> JsonObject | None:
        """The answer to one request, or None when the client left while the user 'thought'."""
        module, method, args = request.get("module"), request.get("method"), request.get("args")
        log.info("request %s.%s (mode %s)", module, method, self.mode)
        if module == BASICS:
            if method != "sign":
                return _basics_failure("METHOD_NOT_FOUND", f"Unknown method: {method}")
            return await self._basics_sign(connection, args)
        if module == COMMON_UTILS:
            return await self._common_utils(connection, method, args)
        return _basics_failure("MODULE_NOT_FOUND", f"Unknown module: {module}")

    async def _basics_sign(self, connection: ServerConnection, args: object) -> JsonObject | None:
        """``kz.gov.pki.knca.basics`` ``sign``: status/body replies."""
        try:
            documents, encapsulate = _parse_basics_sign(args)
        except _BadRequest as exc:
            return _basics_failure("INVOCATION_ERROR", _INVOCATION_ERROR, str(exc))
        mode = self.mode
        if mode == "cancel":
            return {"status": True, "body": {}}
        if mode == "error":
            return _basics_failure(
                "EMPTY_KEY_LIST",
                "No keys found in the selected storage.",
                "The key storage holds no key suitable for signing.",
            )
        if not await self._user_picks_key(connection, mode):
            return None
        signatures = [self._sign(document, attached=encapsulate) for document in documents]
        if isinstance(args, dict) and isinstance(args.get("data"), list):
            return {"status": True, "body": {"result": [self._shape(s) for s in signatures]}}
        result: object = self._shape(signatures[0])
        if self.result_shape == "array":
            result = [result]
        return {"status": True, "body": {"result": result}}

    async def _common_utils(
        self, connection: ServerConnection, method: object, args: object
    ) -> JsonObject | None:
        """Legacy ``kz.gov.pki.knca.commonUtils``: code/responseObject replies."""
        if method == "getActiveTokens":
            return {"code": "200", "responseObject": list(self.active_tokens)}
        if method != "createCAdESFromBase64":
            return {"code": "500", "message": f"java.lang.NoSuchMethodException: {method}"}
        try:
            document, attached = _parse_create_cades(args)
        except _BadRequest as exc:
            return {"code": "500", "message": str(exc)}
        mode = self.mode
        if mode == "cancel":
            return {"code": "500", "message": "action.canceled"}
        if mode == "error":
            return {"code": "500", "message": "keystore.empty"}
        if not await self._user_picks_key(connection, mode):
            return None
        signature = self._sign(document, attached=attached)
        return {"code": "200", "responseObject": base64.b64encode(signature).decode("ascii")}

    async def _user_picks_key(self, connection: ServerConnection, mode: Mode) -> bool:
        """Play the user choosing a key and typing a PIN; False if the client left meanwhile."""
        if mode != "slow":
            return True
        try:
            # Waiting on the close rather than sleeping lets stop() and a client that gives
            # up end the wait at once.
            await asyncio.wait_for(connection.wait_closed(), timeout=self.slow_seconds)
        except TimeoutError:
            return True
        return False

    def _sign(self, document: bytes, *, attached: bool) -> bytes:
        """CMS (DER) over ``document`` with the configured signer."""
        cert, key = self._signer_pair()
        return sign_cms(document, cert, key, attached=attached)

    def _shape(self, signature: bytes) -> str:
        """One CMS as the basics module returns it: base64, or armoured when shape is pem."""
        encoded = base64.b64encode(signature).decode("ascii")
        if self.result_shape != "pem":
            return encoded
        lines = "\n".join(textwrap.wrap(encoded, 64))
        return f"-----BEGIN CMS-----\n{lines}\n-----END CMS-----\n"


def _parse_basics_sign(args: object) -> tuple[list[bytes], bool]:
    """The documents to sign and whether to encapsulate them, or _BadRequest."""
    if not isinstance(args, dict):
        raise _BadRequest('org.json.JSONException: JSONObject["args"] not found.')
    if args.get("format") != "cms":
        raise _BadRequest(f"unsupported format: {args.get('format')!r} (the mock signs cms only)")
    params = args.get("signingParams")
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise _BadRequest(
            'org.json.JSONException: JSONObject["signingParams"] is not a JSONObject.'
        )
    decode = params.get("decode", True)
    encapsulate = params.get("encapsulate", True)
    if not isinstance(decode, bool) or not isinstance(encapsulate, bool):
        raise _BadRequest("signingParams decode and encapsulate must be booleans")
    if params.get("digested", False):
        raise _BadRequest("digested signing is not supported by the mock")
    data = args.get("data")
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, str) for item in items):
        raise _BadRequest('org.json.JSONException: JSONObject["data"] is not a string.')
    documents = [_b64decode(item) if decode else item.encode("utf-8") for item in items]
    return documents, encapsulate


def _parse_create_cades(args: object) -> tuple[bytes, bool]:
    """Positional args ``[storage, keyType, base64, attached]`` or _BadRequest."""
    mismatch = "java.lang.IllegalArgumentException: argument type mismatch. Method: "
    if not isinstance(args, list) or len(args) != 4:
        raise _BadRequest("java.lang.IllegalArgumentException: wrong number of arguments")
    storage, key_type, data, attached = args
    if not all(isinstance(v, str) for v in (storage, key_type, data)) or not isinstance(
        attached, bool
    ):
        raise _BadRequest(mismatch + "createCAdESFromBase64")
    return _b64decode(data), attached


def _b64decode(text: str) -> bytes:
    """Strict base64 (whitespace allowed, as line-wrapped input is common), or _BadRequest."""
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _BadRequest(f"java.lang.IllegalArgumentException: Illegal base64: {exc}") from exc


def _basics_failure(code: str, message: str, details: str = "") -> JsonObject:
    """The basics module's failure shape."""
    return {"status": False, "code": code, "message": message, "details": details}


def _dump(message: JsonObject) -> str:
    """Compact JSON, as NCALayer writes it."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="cesec-mock-ncalayer", description="Mock NCALayer signing with the test PKI."
    )
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free port")
    parser.add_argument("--plain", action="store_true", help="ws:// instead of wss://")
    parser.add_argument("--mode", choices=get_args(Mode), default="approve")
    parser.add_argument("--slow-seconds", type=float, default=5.0)
    parser.add_argument("--result-shape", choices=get_args(ResultShape), default="string")
    parser.add_argument(
        "--iin", help="sign with a new certificate for this IIN (default: the demo signer)"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log to stderr")
    parser.add_argument(
        "--exit-with-stdin",
        action="store_true",
        help="exit when stdin closes (the demo launcher's parent died)",
    )
    args = parser.parse_args(argv)
    if args.iin is not None and not _IIN_RE.fullmatch(args.iin):
        parser.error("--iin must be 12 digits")
    return args


async def _serve(args: argparse.Namespace) -> None:
    """Run until SIGINT or SIGTERM."""
    signer = None
    if args.iin is not None:
        signer = pki.issue_signer_cert(args.iin)
    server = MockNCALayer(
        host=args.host,
        port=args.port,
        tls=not args.plain,
        mode=args.mode,
        slow_seconds=args.slow_seconds,
        result_shape=args.result_shape,
        signer=signer,
    )
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Windows event loops have no signal handlers; Ctrl+C still raises
        # KeyboardInterrupt, which main() turns into a quiet exit.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stopping.set)
    await server.start()
    try:
        # The demo launcher reads this exact line to learn the port.
        print(f"cesec-mock-ncalayer listening on {server.url}", flush=True)
        await stopping.wait()
    finally:
        await server.stop()


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point ``cesec-mock-ncalayer``."""
    args = _parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.exit_with_stdin:
        from cesec_desktop.mockserver.watchdog import exit_when_stdin_closes

        exit_when_stdin_closes()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
