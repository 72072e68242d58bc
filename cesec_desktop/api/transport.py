"""Where and how the client connects: allowed server URLs, TLS context, the HTTP transport."""

from __future__ import annotations

import ipaddress
import logging
import ssl
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
import truststore

from cesec_desktop.api.device import identity_header_bytes

if TYPE_CHECKING:
    from cesec_desktop.api.traffic_log import TrafficLog

API_PREFIX = "/api/v1"

TIMEOUT = httpx.Timeout(connect=5.0, read=15.0, write=10.0, pool=5.0)

# httpx logs every full URL (query values included) at INFO, and websockets logs handshake
# headers (the bearer token) at DEBUG. Unless the app configured them on purpose, keep them to
# warnings, so a verbose log file can never hold a token or a query value.
for _name in ("httpx", "httpcore", "websockets"):
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.WARNING)


def is_loopback(host: str) -> bool:
    """`localhost`, 127.0.0.0/8 or ::1."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """The base URL without a trailing slash; https anywhere, plain http only on loopback."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("the server URL must be https://host[:port]")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        # Tokens and signed orders must never travel in clear text off this machine.
        raise ValueError("plain http is allowed only for a loopback address")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError("the server URL must not carry a query, a fragment or credentials")
    return url.strip().rstrip("/")


@cache
def ssl_context() -> ssl.SSLContext:
    """Verification on, against the OS trust store (a corporate root there is honoured)."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def http_transport() -> httpx.AsyncHTTPTransport:
    """No transport-level retries: the client decides what may be repeated."""
    return httpx.AsyncHTTPTransport(retries=0, verify=ssl_context())


def new_http_client(
    base_url: str, auth: httpx.Auth | None = None, traffic: TrafficLog | None = None
) -> httpx.AsyncClient:
    """The one AsyncClient of a session; must be called inside the running loop.

    With `traffic`, every exchange on the wire is also filed there (`RecordingTransport`);
    without it the transport is the plain one, with nothing in between.
    """
    transport: httpx.AsyncBaseTransport = http_transport()
    if traffic is not None:
        from cesec_desktop.api.recording_transport import RecordingTransport

        transport = RecordingTransport(transport, traffic)
    return httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=TIMEOUT,
        # An explicit transport mounted for every URL: no HTTP(S)_PROXY, ALL_PROXY, .netrc or
        # SSL_CERT_FILE from the environment may reroute or weaken the backend connection.
        transport=transport,
        mounts={"all://": transport},
        trust_env=False,
        follow_redirects=False,
        # Bytes, so a device name in any script goes out as UTF-8 (see api/device.py).
        headers={
            b"Accept": b"application/json",
            # Only what api/bounded.py decodes under its size cap (no br, no zstd).
            b"Accept-Encoding": b"gzip, deflate",
            # The user's list of sessions names this computer and this app.
            **identity_header_bytes(),
        },
    )


def stream_url(base_url: str) -> str:
    """`https://host` → `wss://host/api/v1/stream` (`http` → `ws` on loopback)."""
    base = check_server_url(base_url)
    scheme, rest = base.split("://", 1)
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest}{API_PREFIX}/stream"
