"""An untrusted certificate is named as such, with its host, not as a network failure."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PySide6.QtCore import QCoreApplication

from cesec_desktop.api.client import CabinetClient
from cesec_desktop.state.errors import NetworkUnreachable, UntrustedCertificate
from cesec_desktop.views.messages import describe

VALID_FROM = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # fixed: no test depends on today
VALID_UNTIL = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM)
        .not_valid_after(VALID_UNTIL)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[str]:
    """A TLS server on loopback with a self-signed certificate; answers 200 to whoever
    gets through the handshake (nobody should)."""
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    ready = threading.Event()
    state: dict[str, object] = {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await asyncio.wait_for(reader.read(4096), 5)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
            await writer.drain()
        except (TimeoutError, OSError, ssl.SSLError):
            pass
        finally:
            writer.close()

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
        state["port"] = server.sockets[0].getsockname()[1]
        state["stop"] = asyncio.get_running_loop().create_future()
        state["loop"] = asyncio.get_running_loop()
        ready.set()
        async with server:
            await state["stop"]  # type: ignore[misc]

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    assert ready.wait(10)
    yield f"https://127.0.0.1:{state['port']}"
    loop: asyncio.AbstractEventLoop = state["loop"]  # type: ignore[assignment]
    loop.call_soon_threadsafe(state["stop"].set_result, None)  # type: ignore[union-attr]
    thread.join(10)


def test_a_self_signed_certificate_is_named_not_called_a_network_failure(
    tls_server: str, qapp: QCoreApplication
) -> None:
    async def call() -> BaseException:
        client = CabinetClient(tls_server, retry_delays=(0.01, 0.01), deadline=10)
        try:
            await client.me()
        except Exception as error:  # the typed error is what is checked below
            return error
        finally:
            await client.aclose()
        raise AssertionError("a self-signed certificate was accepted")

    error = asyncio.run(asyncio.wait_for(call(), 20))
    assert isinstance(error, UntrustedCertificate), type(error)
    assert isinstance(error, NetworkUnreachable)  # still a failure to connect for the flows
    assert error.host == "127.0.0.1"
    text = describe(error)
    assert "127.0.0.1" in text
    assert "certificate" in text.lower()
    assert "Cannot reach the server" not in text
    assert text != describe(NetworkUnreachable())
