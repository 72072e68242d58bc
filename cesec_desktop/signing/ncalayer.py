"""`NcaLayerClient`: sign with NCALayer, the national signing application, over its WebSocket.

The protocol is in DOMAIN.md. NCALayer runs on the user's computer, greets every new socket
with its version and answers one request at a time with no correlation id, so requests on a
socket are serialised by a lock. Signing waits for the user without a time limit (picking a
key and typing a PIN may take minutes); cancelling the waiting task closes the socket, which
makes NCALayer abandon its dialog.

Neither the signed data nor the CMS is ever logged: both are the client's documents.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import inspect
import ipaddress
import json
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from cesec_desktop.domain.models.untrusted_json import UnreadableJson, loads
from cesec_desktop.signing.cms_result import (
    NcaLayerCancelled,
    NcaLayerError,
    NcaLayerNotRunning,
    normalize_cms_result,
)

__all__ = [
    "DEFAULT_URL",
    "Locale",
    "NcaLayerCancelled",
    "NcaLayerClient",
    "NcaLayerError",
    "NcaLayerNotRunning",
    "NcaState",
    "SigningProfile",
    "is_loopback",
]

log = logging.getLogger(__name__)

# websockets logs frames at DEBUG, and frames carry the document and its signature: this
# connection logs through a logger of its own that never goes below WARNING.
_WIRE_LOG = logging.getLogger(f"{__name__}.wire")
_WIRE_LOG.setLevel(logging.WARNING)

DEFAULT_URL = "wss://127.0.0.1:13579/"
HEARTBEAT = "--heartbeat--"
BASICS = "kz.gov.pki.knca.basics"
COMMON_UTILS = "kz.gov.pki.knca.commonUtils"
SIGNING_KEY_USAGE = "1.3.6.1.5.5.7.3.4"
CANCELLED_MESSAGE = "action.canceled"
"""The legacy commonUtils module's message for a dialog the user closed."""

KAZTOKEN_MODULE = "kz.digiflow.mobile.extensions"
"""KAZTOKEN desktop/mobile answer on NCALayer's port with NCALayer's protocol; asked for
its version, only KAZTOKEN names itself (ncalayer-js-client identifies it the same way)."""
PROBE_TIMEOUT = 2.0
"""How long the "which app is this" question may take; NCALayer answers it at once."""

Locale = Literal["kk", "ru", "en"]
_WIRE_LOCALE = {"kk": "kz", "ru": "ru", "en": "en"}
"""The UI language as NCALayer names it: its one recorded Kazakh id is "kz"
(`commonUtils.changeLocale`, ncalayer-js-client's test/test-data.json), not ISO's "kk"."""


@dataclass(frozen=True)
class SigningProfile:
    """What a signature must carry for the backend that will check it.

    `timestamp`: ask NCALayer for a TSP timestamp (`tsaProfile: {}`), so the CMS carries the
    signing time from the TSA (CAdES-T). `test_certificates`: `chain: []`, which lets
    NCALayer offer any certificate; only the demo's test CA needs it. Without it NCALayer
    offers only keys that chain to the national CA.
    """

    name: str
    timestamp: bool
    test_certificates: bool


PRODUCTION = SigningProfile("production", timestamp=True, test_certificates=False)
DEMO = SigningProfile("demo", timestamp=True, test_certificates=True)

MAX_FRAME = 16 * 1024 * 1024
"""A CMS carries the document and the certificate chain; an order's is a few kilobytes."""
CLOSE_TIMEOUT = 2.0
"""Loopback answers a close at once; do not let a cancel linger on a stuck peer."""

# Older websockets releases neither read proxy settings nor take this argument; newer ones
# would send a loopback connection to an HTTP(S)_PROXY from the environment.
_NO_PROXY: dict[str, Any] = (
    {"proxy": None} if "proxy" in inspect.signature(connect.__init__).parameters else {}
)
_RESET_ERRORS = (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)

JsonObject = dict[str, Any]


class NcaState(StrEnum):
    """Where a signing request is, for the UI to show (it translates `text` itself)."""

    CONNECTING = "connecting"
    WAITING_FOR_USER = "waiting_for_user"
    DONE = "done"
    CANCELLED = "cancelled"
    NOT_RUNNING = "not_running"
    FAILED = "failed"

    @property
    def text(self) -> str:
        """The English wording, for logs and as the source text of the translation."""
        return _STATE_TEXT[self]


_STATE_TEXT = {
    NcaState.CONNECTING: "Connecting to NCALayer…",
    NcaState.WAITING_FOR_USER: "Choose your key in NCALayer",
    NcaState.DONE: "Signed",
    NcaState.CANCELLED: "Signing was cancelled",
    NcaState.NOT_RUNNING: "NCALayer is not running",
    NcaState.FAILED: "NCALayer could not sign",
}

StateCallback = Callable[[NcaState], None]


def is_loopback(host: str) -> bool:
    """`localhost`, 127.0.0.0/8 or ::1: an address only this computer can answer on."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NcaLayerClient:
    """One socket to NCALayer, opened on first use and reused; one request at a time."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        connect_timeout: float = 5.0,
        on_state: StateCallback | None = None,
        profile: SigningProfile = PRODUCTION,
    ) -> None:
        self.url = url
        self.connect_timeout = connect_timeout
        self.on_state = on_state
        self.profile = profile
        self.version: str | None = None
        """NCALayer's version from its greeting, once connected."""
        self.app = ""
        """Which application answered, with its version ("NCALayer 1.4", "KAZTOKEN desktop
        1.2.758.648"), once connected."""
        self._identified = False
        """The app was asked who it is (on a first socket; the answer does not change)."""
        self._ws: ClientConnection | None = None
        self._lock = asyncio.Lock()

    @property
    def connected(self) -> bool:
        """Whether a greeted socket is open."""
        return self._ws is not None

    async def connect(self) -> str:
        """Open the socket and read the greeting unless already done; NCALayer's version."""
        async with self._lock:
            await self._ensure_connected(report=False)
        return self.version or ""

    async def sign_cms(self, data: bytes, *, locale: Locale = "ru") -> str:
        """Have the user sign ``data`` (attached CMS); the CMS as single-line base64."""
        request = _sign_request(data, locale, self.profile)
        log.info("asking NCALayer to sign %d bytes", len(data))
        try:
            reply = await self._request(request, report=True)
            cms = _sign_result(reply)
        except asyncio.CancelledError:
            self._report(NcaState.CANCELLED)
            raise
        except NcaLayerCancelled:
            log.info("the user cancelled signing in NCALayer")
            self._report(NcaState.CANCELLED)
            raise
        except NcaLayerNotRunning:
            self._report(NcaState.NOT_RUNNING)
            raise
        except Exception as exc:
            log.warning("NCALayer signing failed: %s", exc)
            self._report(NcaState.FAILED)
            raise
        log.info("NCALayer signed")
        self._report(NcaState.DONE)
        return cms

    async def active_tokens(self) -> list[str]:
        """Plugged-in hardware key stores (legacy commonUtils.getActiveTokens)."""
        request = {"module": COMMON_UTILS, "method": "getActiveTokens", "args": []}
        reply = await self._request(request, report=False)
        code = _text(reply.get("code"))
        if code == "200":
            tokens = reply.get("responseObject")
            if isinstance(tokens, list) and all(isinstance(t, str) for t in tokens):
                return list(tokens)
            raise NcaLayerError("bad_response", "getActiveTokens returned no list of names")
        message = _text(reply.get("message"))
        if message == CANCELLED_MESSAGE:
            raise NcaLayerCancelled()
        raise NcaLayerError(code or "bad_response", message or "getActiveTokens failed")

    async def close(self) -> None:
        """Close the socket; a request in flight fails with code ``closed``."""
        # No lock: closing must be able to interrupt a request that waits for the user.
        ws, self._ws = self._ws, None
        if ws is not None:
            await _close_quietly(ws)

    async def __aenter__(self) -> NcaLayerClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # --- one request --------------------------------------------------------------------

    async def _request(self, request: JsonObject, *, report: bool) -> JsonObject:
        """Send one request and wait, without a time limit, for the one answer."""
        async with self._lock:
            ws = await self._ensure_connected(report=report)
            try:
                await ws.send(_dump(request))
                if report:
                    self._report(NcaState.WAITING_FOR_USER)
                return await _read_reply(ws)
            except asyncio.CancelledError:
                # Closing the socket is how NCALayer learns to close its dialog.
                await self._drop(ws)
                raise
            except NcaLayerError:
                # An unreadable answer: this socket's next answer could be the stale one.
                await self._drop(ws)
                raise
            except ConnectionClosed as exc:
                closed_by_us = self._ws is not ws
                await self._drop(ws)
                if closed_by_us:
                    raise NcaLayerError("closed", "the NCALayer client was closed") from exc
                raise NcaLayerError(
                    "connection_lost", "NCALayer closed the connection during a request"
                ) from exc

    async def _ensure_connected(self, *, report: bool) -> ClientConnection:
        """The open socket, or a new one whose greeting has been read (lock held)."""
        if self._ws is not None:
            return self._ws
        if report:
            self._report(NcaState.CONNECTING)
        options = _connect_options(self.url)
        try:
            ws = await connect(
                self.url,
                open_timeout=self.connect_timeout,
                # NCALayer may not answer pings while its dialog is open, and on loopback a
                # dead peer is a closed socket at once: keepalive pings would only do harm.
                ping_interval=None,
                close_timeout=CLOSE_TIMEOUT,
                max_size=MAX_FRAME,
                logger=_WIRE_LOG,
                **options,
                **_NO_PROXY,
            )
        except Exception as exc:
            raise _connect_error(exc) from exc
        try:
            async with asyncio.timeout(self.connect_timeout):
                version = await _read_greeting(ws)
        except BaseException as exc:
            await _close_quietly(ws)
            if isinstance(exc, TimeoutError):
                raise NcaLayerError("no_greeting", "NCALayer sent no greeting") from exc
            if isinstance(exc, ConnectionClosed):
                raise NcaLayerError(
                    "handshake_failed", "NCALayer closed the connection before its greeting"
                ) from exc
            raise
        if not self._identified:
            ws = await self._identify(ws, version)
        self._ws, self.version = ws, version
        log.info("connected to %s", self.app)
        return ws

    async def _identify(self, ws: ClientConnection, version: str) -> ClientConnection:
        """Ask which app holds the port, as ncalayer-js-client does on every connect.

        NCALayer answers the KAZTOKEN module with a failure; KAZTOKEN names itself. An app
        that does not answer in time is taken for NCALayer, on a fresh socket: its late
        answer must not be read as the answer to the next request.
        """
        self._identified = True
        self.app = f"NCALayer {version}"
        try:
            await ws.send(_dump({"module": KAZTOKEN_MODULE, "method": "getVersion"}))
            async with asyncio.timeout(PROBE_TIMEOUT):
                reply = await _read_reply(ws)
        except (TimeoutError, NcaLayerError, ConnectionClosed):
            await _close_quietly(ws)
            return await self._ensure_connected(report=False)
        except BaseException:
            await _close_quietly(ws)
            raise
        answer = reply.get("responseObject")
        if _text(reply.get("code")) == "200" and isinstance(answer, dict):
            name = _text(answer.get("name"))[:40]
            if name.startswith("KAZTOKEN"):
                # "KAZTOKENdesktop" on the wire; people know it as "KAZTOKEN desktop".
                name = "KAZTOKEN " + name.removeprefix("KAZTOKEN").strip()
            self.app = f"{name.strip()} {_text(answer.get('version'))[:40]}".strip()
        return ws

    async def _drop(self, ws: ClientConnection) -> None:
        """Forget and close ``ws``; the next request opens a new socket."""
        if self._ws is ws:
            self._ws = None
        await _close_quietly(ws)

    def _report(self, state: NcaState) -> None:
        """Tell the UI; a broken callback must not break signing."""
        if self.on_state is None:
            return
        try:
            self.on_state(state)
        except Exception:
            log.exception("on_state callback failed for %s", state)


# --- the wire ---------------------------------------------------------------------------


def _connect_options(url: str) -> dict[str, Any]:
    """Keyword arguments for connect(): TLS for wss; refuses anything but loopback."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises on a port that is not a number
    except ValueError as exc:
        raise NcaLayerError("bad_url", f"not a valid NCALayer address: {exc}") from exc
    if parts.scheme not in ("wss", "ws") or not host or parts.username or parts.password:
        raise NcaLayerError("bad_url", "the NCALayer address must be wss://host:port/")
    if not is_loopback(host):
        # The TLS exception below is safe only where nothing can sit between us and NCALayer.
        raise NcaLayerError("not_loopback", f"NCALayer must run on this computer, not on {host}")
    if parts.scheme == "ws":
        return {}
    return {"ssl": _loopback_tls_context()}


def _loopback_tls_context() -> ssl.SSLContext:
    """TLS that accepts NCALayer's certificate; only ever built for a loopback address.

    NCALayer's certificate chains to the national CA, which no OS trust store holds. On a
    loopback address no network can tamper with the traffic, so the certificate is not
    checked here; the backend connection keeps full verification (api/transport.py).
    Built per connection so that this context can never be shared with another host.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _connect_error(exc: Exception) -> NcaLayerError:
    """What a failed connect() means for the user."""
    if isinstance(exc, NcaLayerError):
        return exc
    if isinstance(exc, ssl.SSLError):
        return NcaLayerError("tls_failed", f"TLS handshake with NCALayer failed: {_describe(exc)}")
    if isinstance(exc, TimeoutError):
        return NcaLayerError("timeout", "NCALayer did not answer in time")
    if isinstance(exc, (InvalidHandshake, InvalidURI, *_RESET_ERRORS)):
        return NcaLayerError("handshake_failed", f"WebSocket handshake failed: {_describe(exc)}")
    if isinstance(exc, OSError):
        # Refused, or (for "localhost", tried as ::1 and 127.0.0.1) several refusals
        # folded into one OSError: either way nothing listens there.
        return NcaLayerNotRunning(f"NCALayer is not running: {exc}")
    return NcaLayerError("connect_failed", f"cannot connect to NCALayer: {_describe(exc)}")


async def _read_greeting(ws: ClientConnection) -> str:
    """NCALayer's version from ``{"result":{"version":"..."}}``, its first JSON frame."""
    while True:
        message = _parse_frame(await ws.recv())
        if message is None:
            continue
        if not _is_greeting(message):
            raise NcaLayerError("bad_greeting", "NCALayer's first message is not its greeting")
        return _text(message["result"]["version"])


async def _read_reply(ws: ClientConnection) -> JsonObject:
    """The next JSON object, skipping heartbeats, other text and a repeated greeting."""
    while True:
        message = _parse_frame(await ws.recv())
        if message is not None and not _is_greeting(message):
            return message


def _parse_frame(frame: str | bytes) -> JsonObject | None:
    """A JSON object from a text frame, or None for anything to skip."""
    # NCALayer echoes heartbeats (a client may send them); if it sends one, it is no answer.
    if not isinstance(frame, str) or frame == HEARTBEAT:
        return None
    try:
        message = loads(frame, max_size=MAX_FRAME)
    except UnreadableJson as exc:
        if exc.reason == "not_json":
            return None
        # JSON nested too deep (or too large): an answer, but one that cannot be read, so the
        # request fails instead of waiting for ever for a better one.
        raise NcaLayerError(
            "unreadable_answer", f"NCALayer answered something unreadable ({exc.reason})"
        ) from None
    return message if isinstance(message, dict) else None


def _is_greeting(message: JsonObject) -> bool:
    result = message.get("result")
    return "status" not in message and isinstance(result, dict) and "version" in result


def _sign_request(data: bytes, locale: str, profile: SigningProfile = PRODUCTION) -> JsonObject:
    """``basics.sign``: an attached CMS over the decoded bytes, with a signing key."""
    if locale not in get_args(Locale):
        raise ValueError(f"locale must be one of {get_args(Locale)}, not {locale!r}")
    if not data:
        raise ValueError("nothing to sign")
    signer_params: JsonObject = {"extKeyUsageOids": [SIGNING_KEY_USAGE]}
    if profile.test_certificates:
        signer_params["chain"] = []
    # Key order as DOMAIN.md writes it, to stay byte-for-byte with NCALayer's own clients.
    return {
        "module": BASICS,
        "method": "sign",
        "args": {
            "allowedStorages": None,
            "format": "cms",
            "data": base64.b64encode(data).decode("ascii"),
            "signingParams": {
                "decode": True,
                "encapsulate": True,
                "digested": False,
                "tsaProfile": {} if profile.timestamp else None,
            },
            "signerParams": signer_params,
            "locale": _WIRE_LOCALE[locale],
        },
    }


def _sign_result(reply: JsonObject) -> str:
    """The CMS from a ``basics`` answer, or the matching exception."""
    status = reply.get("status")
    if status is True:
        body = reply.get("body")
        result = body.get("result") if isinstance(body, dict) else None
        if result is None:
            # NCALayer's only sign of a closed dialog: success with nothing in it.
            raise NcaLayerCancelled()
        return normalize_cms_result(result)
    if status is False or "code" in reply:
        if _text(reply.get("message")) == CANCELLED_MESSAGE:
            # The legacy module's way of saying the user closed the dialog
            # ({"code": "500", "message": "action.canceled"}): a cancel, not a failure.
            raise NcaLayerCancelled()
        raise NcaLayerError(
            _text(reply.get("code")) or "unknown",
            _text(reply.get("message")),
            _text(reply.get("details")),
        )
    raise NcaLayerError("bad_response", "NCALayer's answer has no status")


def _describe(exc: BaseException) -> str:
    """An exception for a log line; some handshake errors have an empty message."""
    cause = exc.__cause__ or exc.__context__
    text = str(exc) or (str(cause) if cause is not None else "")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _text(value: object) -> str:
    """A JSON value as text; None is empty."""
    return "" if value is None else str(value)


def _dump(message: JsonObject) -> str:
    """Compact JSON, as NCALayer's own clients send it."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


async def _close_quietly(ws: ClientConnection) -> None:
    """Close with a close frame; a peer that already left is no error."""
    with contextlib.suppress(Exception):
        await ws.close()
