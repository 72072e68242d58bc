"""A mock NCALayer: the national signing application's WebSocket protocol, signing for real.

It keeps the wire format of NCALayer (see DOMAIN.md) and signs with the test PKI's demo
signer, so the mock backend can verify what the desktop client sends. The user's part (pick
a key, type a PIN, or press Cancel) is played by ``mode``, switchable at runtime.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import logging
import re
import signal
import ssl
import sys
import tempfile
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, get_args

from cryptography import x509
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from cesec_desktop.mockserver import ncalayer_replies as replies
from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import sign_cms, sign_cms_digest
from cesec_desktop.mockserver.ncalayer_requests import (
    UTILS_SIGNATURES,
    BadRequest,
    BasicsSign,
    b64decode,
    check_utils_args,
    check_xmls,
    parse_basics_sign,
)
from cesec_desktop.mockserver.ncalayer_xml import sign_xml
from cesec_desktop.mockserver.tsp import add_timestamp

log = logging.getLogger(__name__)

Mode = Literal["approve", "cancel", "error", "slow"]
ResultShape = Literal["string", "array", "pem"]
# Which application holds the port: NCALayer itself, or KAZTOKEN desktop, which speaks
# NCALayer's protocol and also answers its own getVersion (the recording's exchange 0).
App = Literal["ncalayer", "kaztoken"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 13579
# The greeting's version: NCALayer's current line, and KAZTOKEN desktop's as recorded.
VERSIONS: dict[App, str] = {"ncalayer": "1.4", "kaztoken": "1.2"}
VERSION = VERSIONS["ncalayer"]
HEARTBEAT = "--heartbeat--"
BASICS = "kz.gov.pki.knca.basics"
COMMON_UTILS = "kz.gov.pki.knca.commonUtils"
KAZTOKEN_MODULE = "kz.digiflow.mobile.extensions"
# Requests are small JSON: a frame over websockets' default bound of 1 MiB closes the socket
# (code 1009) before any parsing. Spelled out so that a library change cannot lift it.
MAX_FRAME = 2**20

_IIN_RE = re.compile(r"\d{12}")

JsonObject = dict[str, Any]


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
        result_shape: ResultShape = "pem",
        signer: tuple[x509.Certificate, pki.PrivateKey] | None = None,
        active_tokens: Sequence[str] = (),
        app: App = "ncalayer",
    ) -> None:
        self.host = host
        self.mode: Mode = mode
        self.slow_seconds = slow_seconds
        # PEM armour is what the recording shows for every basics CMS (exchanges 35 to 41).
        self.result_shape: ResultShape = result_shape
        # Real NCALayer lists only plugged-in hardware tokens; the file store "PKCS12" is
        # always there and never listed, so with no token the list is empty (exchange 1).
        self.active_tokens = list(active_tokens)
        self.app: App = app
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
        self._server = await serve(
            self._handle, self.host, self._requested_port, ssl=ssl_context, max_size=MAX_FRAME
        )
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
            await connection.send(_dump({"result": {"version": VERSIONS[self.app]}}))
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
                return replies.basics_failure("METHOD_NOT_FOUND", f"Unknown method: {method}")
            return await self._basics_sign(connection, args)
        if module == COMMON_UTILS:
            return await self._common_utils(connection, method, args)
        if module == KAZTOKEN_MODULE and method == "getVersion" and self.app == "kaztoken":
            return replies.kaztoken_version()
        # ncalayer-js-client's connect() asks every app for KAZTOKEN's getVersion; NCALayer
        # fails it (the library then takes it for NCALayer), in this shape.
        return replies.basics_failure("MODULE_NOT_FOUND", f"Unknown module: {module}")

    async def _basics_sign(self, connection: ServerConnection, args: object) -> JsonObject | None:
        """``kz.gov.pki.knca.basics`` ``sign``: body/status replies."""
        try:
            request = parse_basics_sign(args)
        except BadRequest as exc:
            return replies.basics_failure(
                "INVOCATION_ERROR", replies.INVOCATION_ERROR, exc.message or ""
            )
        mode = self.mode
        if mode == "cancel":
            return replies.basics_cancelled()
        if mode == "error":
            # The code is NCALayer's (web cabinets map EMPTY_KEY_LIST, beside WRONG_PASSWORD,
            # to "no EDS keys found"); the recording has no failure of this kind, so the
            # message and details are the mock's own words.
            return replies.basics_failure(
                "EMPTY_KEY_LIST",
                "No keys found in the selected storage.",
                "The key storage holds no key suitable for signing.",
            )
        if not await self._user_picks_key(connection, mode):
            return None
        if request.format == "xml":
            # XML answers an array even for one document (exchange 48), with LF breaks.
            signed = [self._sign_xml(item.decode("utf-8"), "\n") for item in request.items]
            return replies.basics_result(signed)
        results = [self._shape(self._basics_cms(request, item)) for item in request.items]
        if request.many or self.result_shape == "array":
            return replies.basics_result(results)
        return replies.basics_result(results[0])

    async def _common_utils(
        self, connection: ServerConnection, method: object, args: object
    ) -> JsonObject | None:
        """Legacy ``kz.gov.pki.knca.commonUtils``: responseObject/code replies."""
        if not isinstance(method, str) or method not in UTILS_SIGNATURES:
            return replies.utils_failure(f"java.lang.NoSuchMethodException: {method}")
        try:
            values = check_utils_args(method, args)
            if method == "createCAdESFromBase64Hash" and not values[2]:
                raise BadRequest(None)
            if method in ("signXml", "signXmls"):
                # Java parses the XML before its dialog: bad XML is refused in any mode.
                documents = values[2]
                check_xmls(documents if isinstance(documents, list) else [str(documents)])
        except BadRequest as exc:
            return replies.utils_failure(exc.message)
        if method == "getActiveTokens":
            return replies.utils_result(list(self.active_tokens))
        if method == "changeLocale":
            return replies.utils_result()
        mode = self.mode
        if mode == "cancel":
            return replies.utils_failure(replies.CANCELED)
        if mode == "error":
            # Unverified: no recording or public client shows the legacy module's text for a
            # storage without keys. The client shows any message it does not know verbatim.
            return replies.utils_failure("keystore.empty")
        if not await self._user_picks_key(connection, mode):
            return None
        try:
            return replies.utils_result(self._utils_answer(method, values))
        except BadRequest as exc:
            return replies.utils_failure(exc.message)

    def _utils_answer(self, method: str, values: list[Any]) -> object:
        """The responseObject of a commonUtils method the user approved."""
        cert, key = self._signer_pair()
        if method == "getKeyInfo":
            return replies.key_info(cert)
        if method == "signXml":
            # commonUtils lays XML out with CRLF (exchanges 23 to 29), basics with LF.
            return self._sign_xml(values[2], "\r\n")
        if method == "signXmls":
            return [self._sign_xml(text, "\r\n") for text in values[2]]
        data = b64decode(values[2])
        if method == "createCAdESFromBase64Hash":
            der = sign_cms_digest(data, cert, key)
        else:
            der = sign_cms(data, cert, key, attached=values[3])
        # commonUtils never timestamps and answers bare base64 (the mock's and the
        # desktop client's long-standing shape; the recorded bodies are stripped).
        return base64.b64encode(der).decode("ascii")

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

    def _basics_cms(self, request: BasicsSign, item: bytes) -> bytes:
        """One CMS (DER) for a basics request: over the data, or over a given hash."""
        cert, key = self._signer_pair()
        if request.digested:
            der = sign_cms_digest(item, cert, key)
        else:
            der = sign_cms(item, cert, key, attached=request.encapsulate)
        # tsaProfile as an object asks for CAdES-T: the mock TSA stamps every signer.
        return add_timestamp(der) if request.timestamp else der

    def _sign_xml(self, text: str, line_break: str) -> str:
        """``text`` with an enveloped XMLDSig by the configured signer."""
        cert, key = self._signer_pair()
        return sign_xml(text, cert, key, line_break=line_break)

    def _shape(self, signature: bytes) -> str:
        """One CMS as the basics module returns it: armoured (as recorded) or bare base64."""
        if self.result_shape == "pem":
            return replies.pem_cms(signature)
        return base64.b64encode(signature).decode("ascii")


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
    parser.add_argument(
        "--result-shape",
        choices=get_args(ResultShape),
        default="pem",
        help="how basics returns one CMS: PEM armour as recorded (default), base64, array",
    )
    parser.add_argument(
        "--app",
        choices=get_args(App),
        default="ncalayer",
        help="answer as NCALayer (default) or as KAZTOKEN desktop (greeting 1.2, getVersion)",
    )
    parser.add_argument(
        "--tokens",
        type=_token_list,
        default=[],
        help="what getActiveTokens lists, comma-separated (e.g. AKKaztokenStore); default none",
    )
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


def _token_list(text: str) -> list[str]:
    """``--tokens`` as a list: comma-separated store names, blanks dropped."""
    return [name.strip() for name in text.split(",") if name.strip()]


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
        active_tokens=args.tokens,
        app=args.app,
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
