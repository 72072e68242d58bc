"""Independent checks of what the mock NCALayer signs: CMS (attached, detached, over a given
hash, timestamped) and enveloped XMLDSig. Shared by tests/mockserver and tests/interop.

CMS: asn1crypto parses, cryptography checks the signature over the signed attributes and
the certificate's issuer; attached ones also go through the backend's own verify_cms.
XML: signxml verifies (an implementation the mock does not use to sign).
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import UTC, datetime

from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from lxml import etree
from signxml import XMLVerifier

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import verify_cms
from cesec_desktop.mockserver.tsp import verify_timestamp

_ARMOUR_RE = re.compile(r"-----(BEGIN|END) CMS-----")


def cms_der(text: str) -> bytes:
    """DER from base64 with optional PEM armour."""
    return base64.b64decode("".join(_ARMOUR_RE.sub("", text).split()), validate=True)


def check_cms(
    text: str,
    *,
    content: bytes | None = None,
    digest: bytes | None = None,
    attached: bool,
    timestamped: bool = False,
) -> x509.Certificate:
    """Check a CMS over ``content`` (or the given ``digest``); returns the signer certificate.

    Raises AssertionError on any mismatch: encapsulation, message digest, signature,
    issuer (the mock's test CA), timestamp presence and validity.
    """
    ca, _ = pki.load_ca()
    der = cms_der(text)
    info = asn1_cms.ContentInfo.load(der, strict=True)
    assert info["content_type"].native == "signed_data"
    signed_data = info["content"]
    (signer_info,) = signed_data["signer_infos"]
    encapsulated = signed_data["encap_content_info"]["content"]
    if attached:
        assert encapsulated is not None and encapsulated.native == content, "not encapsulated"
        verify_cms(der, content or b"", ca, at=datetime.now(UTC))
    else:
        assert encapsulated is None or encapsulated.native is None, "expected a detached CMS"
    expected = digest if digest is not None else hashlib.sha256(content or b"").digest()
    attrs = {attr["type"].native: attr["values"] for attr in signer_info["signed_attrs"]}
    assert attrs["content_type"].native == ["data"]
    assert attrs["message_digest"].native == [expected], "messageDigest differs"
    (cert_choice,) = signed_data["certificates"]
    cert = x509.load_der_x509_certificate(cert_choice.chosen.dump())
    to_verify = b"\x31" + signer_info["signed_attrs"].dump()[1:]
    _verify(cert, signer_info["signature"].native, to_verify)
    cert.verify_directly_issued_by(ca)
    stamped_at = verify_timestamp(der, ca)
    assert (stamped_at is not None) == timestamped, (
        f"timestamp {stamped_at} (wanted one: {timestamped})"
    )
    return cert


def check_xml(signed: str, document: str) -> x509.Certificate:
    """Check an enveloped XMLDSig over ``document``; returns the signer certificate."""
    ca, _ = pki.load_ca()
    match = re.search(r"<ds:X509Certificate>(.*?)</ds:X509Certificate>", signed, re.S)
    assert match, "no X509Certificate"
    cert = x509.load_der_x509_certificate(base64.b64decode("".join(match.group(1).split())))
    cert.verify_directly_issued_by(ca)
    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    verified = XMLVerifier().verify(signed.encode("utf-8"), x509_cert=pem)
    # What the signature covers is the user's document, nothing more or less.
    assert _c14n(verified.signed_xml) == _c14n(etree.fromstring(document.encode("utf-8")))
    return cert


def _c14n(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n", with_comments=False)


def _verify(cert: x509.Certificate, signature: bytes, data: bytes) -> None:
    """The certificate's key verifies ``signature`` over ``data`` (SHA-256)."""
    key = cert.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    else:
        assert isinstance(key, rsa.RSAPublicKey)
        key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
