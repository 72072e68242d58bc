"""The mock NCALayer's answers, in the byte shapes of the real recording.

Evidence: ncalayer-js-client 1.5.6's ``test/test-data.json``, 50 exchanges recorded from a
real application. Key order follows it (Java's org.json writes a HashMap, so the order is
fixed but not alphabetical): ``{"responseObject":…,"code":"200"}``, ``{"body":…,"status":
true}``, ``{"code":…,"details":…,"message":…,"status":false}``; codes are strings.
"""

from __future__ import annotations

import base64
import textwrap
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

JsonObject = dict[str, Any]

INVOCATION_ERROR = "An invoked method threw an exception."
CANCELED = "action.canceled"
KAZTOKEN_NAME = "KAZTOKENdesktop"
KAZTOKEN_VERSION = "1.2.758.648"
_PEM_WIDTH = 64
_MISSING = object()


def basics_result(result: object) -> JsonObject:
    """``kz.gov.pki.knca.basics`` success (exchange 35)."""
    return {"body": {"result": result}, "status": True}


def basics_cancelled() -> JsonObject:
    """The user pressed Cancel in a basics dialog: an empty body (exchange 34)."""
    return {"body": {}, "status": True}


def basics_failure(code: str, message: str, details: str = "") -> JsonObject:
    """A basics failure (exchange 33)."""
    return {"code": code, "details": details, "message": message, "status": False}


def utils_result(response_object: object = _MISSING) -> JsonObject:
    """commonUtils success; ``changeLocale`` answers a bare code (exchanges 31, 32)."""
    if response_object is _MISSING:
        return {"code": "200"}
    return {"responseObject": response_object, "code": "200"}


def utils_failure(message: str | None) -> JsonObject:
    """commonUtils failure; an empty hash gets no message at all (exchange 12)."""
    if message is None:
        return {"code": "500"}
    return {"code": "500", "message": message}


def kaztoken_version() -> JsonObject:
    """KAZTOKEN desktop's answer to its own getVersion, in its order (exchange 0)."""
    return {"code": "200", "responseObject": {"name": KAZTOKEN_NAME, "version": KAZTOKEN_VERSION}}


def pem_cms(der: bytes) -> str:
    """A CMS armoured as the recording shows (``-----BEGIN CMS-----\\n…\\n-----END CMS-----\\n``).

    The recorded bodies are stripped, so the line width is BouncyCastle's PemWriter's (64).
    """
    lines = "\n".join(textwrap.wrap(base64.b64encode(der).decode("ascii"), _PEM_WIDTH))
    return f"-----BEGIN CMS-----\n{lines}\n-----END CMS-----\n"


def key_info(cert: x509.Certificate) -> JsonObject:
    """getKeyInfo's responseObject for ``cert``: the fields real NCALayer returns.

    The recording keeps only ``certNotBefore`` (a string, exchange 5); like NCALayer, the
    dates are milliseconds since the epoch and every value is a string.
    """
    ski = _extension_hex(cert, x509.SubjectKeyIdentifier, "digest")
    return {
        "alias": ski,
        "keyId": ski,
        "algorithm": _algorithm(cert),
        "subjectCn": _common_name(cert.subject),
        "subjectDn": cert.subject.rfc4514_string(),
        "issuerCn": _common_name(cert.issuer),
        "issuerDn": cert.issuer.rfc4514_string(),
        "serialNumber": format(cert.serial_number, "x"),
        "certNotAfter": str(int(cert.not_valid_after_utc.timestamp() * 1000)),
        "certNotBefore": str(int(cert.not_valid_before_utc.timestamp() * 1000)),
        "authorityKeyIdentifier": _extension_hex(
            cert, x509.AuthorityKeyIdentifier, "key_identifier"
        ),
        "pem": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
    }


def _algorithm(cert: x509.Certificate) -> str:
    """The key algorithm as Java names it ("RSA", "EC")."""
    key = cert.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "EC"
    return "RSA" if isinstance(key, rsa.RSAPublicKey) else type(key).__name__


def _common_name(name: x509.Name) -> str:
    """The first CN of ``name``, or an empty string."""
    values = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    value = values[0].value if values else ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _extension_hex(cert: x509.Certificate, kind: type[x509.ExtensionType], field: str) -> str:
    """A key identifier extension's bytes as lower-case hex, or empty when absent."""
    try:
        value = getattr(cert.extensions.get_extension_for_class(kind).value, field)
    except x509.ExtensionNotFound:
        return ""
    return value.hex() if isinstance(value, bytes) else ""
