"""The committed test PKI, and CMS signing and verification under it."""

from __future__ import annotations

import base64
import textwrap
from datetime import UTC, datetime

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import CmsError, sign_cms, verify_cms

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DOCUMENT = "Поручение на вывод денег\nСумма: 150 000,00 KZT\nIBAN: KZ476010131000179714\n".encode()


def _expect(code: str, cms: bytes | str, expected: bytes = DOCUMENT, *, at: datetime = NOW) -> str:
    """Verify, require a CmsError with ``code`` and return its message."""
    ca, _ = pki.load_ca()
    with pytest.raises(CmsError) as caught:
        verify_cms(cms, expected, ca, at=at)
    assert caught.value.code == code, caught.value.message
    return caught.value.message


def _demo_cms(document: bytes = DOCUMENT) -> bytes:
    cert, key = pki.load_demo_signer()
    return sign_cms(document, cert, key)


def test_committed_ca_and_demo_signer_load_and_chain() -> None:
    ca, ca_key = pki.load_ca()
    signer, signer_key = pki.load_demo_signer()

    assert ca.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "CESEC Mock Test CA"
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert ca.not_valid_before_utc == datetime(2024, 1, 1, tzinfo=UTC)
    assert ca.not_valid_after_utc == datetime(2040, 1, 1, tzinfo=UTC)
    ca.verify_directly_issued_by(ca)
    assert ca.public_key().public_numbers() == ca_key.public_key().public_numbers()

    signer.verify_directly_issued_by(ca)
    assert signer.public_key().public_numbers() == signer_key.public_key().public_numbers()
    subject = signer.subject
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "ДЕМОВ ДЕМО"
    assert subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "IIN880607300110"
    assert subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "KZ"
    assert pki.DEMO_IIN == "880607300110"
    assert signer.not_valid_before_utc == datetime(2025, 1, 1, tzinfo=UTC)
    assert signer.not_valid_after_utc == datetime(2035, 1, 1, tzinfo=UTC)
    usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    ekus = {
        oid.dotted_string
        for oid in signer.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    }
    assert ekus == {"1.3.6.1.5.5.7.3.4", "1.2.398.3.3.4.1.1"}


def test_roundtrip_returns_the_signer() -> None:
    signer, _ = pki.load_demo_signer()
    ca, _ = pki.load_ca()

    info = verify_cms(_demo_cms(), DOCUMENT, ca, at=NOW)

    assert info.iin == pki.DEMO_IIN
    assert info.bin is None
    assert info.serial == signer.serial_number
    assert "SERIALNUMBER=IIN880607300110" in info.subject
    assert info.not_before == signer.not_valid_before_utc
    assert info.not_after == signer.not_valid_after_utc


def test_signed_document_is_encapsulated_byte_for_byte() -> None:
    # Newlines must survive: no S/MIME "\r\n" canonicalisation of what the user saw.
    content = asn1_cms.ContentInfo.load(_demo_cms())["content"]["encap_content_info"]["content"]
    assert content.native == DOCUMENT


def _armoured(der: bytes, label: str) -> str:
    body = "\r\n".join(textwrap.wrap(base64.b64encode(der).decode(), 64))
    return f"-----BEGIN {label}-----\r\n{body}\r\n-----END {label}-----\r\n"


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda der: der, id="der"),
        pytest.param(lambda der: base64.b64encode(der).decode(), id="base64-str"),
        pytest.param(lambda der: base64.b64encode(der), id="base64-bytes"),
        pytest.param(lambda der: _armoured(der, "CMS"), id="cms-armour"),
        pytest.param(lambda der: _armoured(der, "PKCS7"), id="pkcs7-armour"),
        pytest.param(
            lambda der: "  " + "\n ".join(textwrap.wrap(base64.b64encode(der).decode(), 76)) + "\n",
            id="wrapped-whitespace",
        ),
    ],
)
def test_accepted_encodings(encode: object) -> None:
    ca, _ = pki.load_ca()
    assert callable(encode)
    assert verify_cms(encode(_demo_cms()), DOCUMENT, ca, at=NOW).iin == pki.DEMO_IIN


def test_other_document_is_document_mismatch() -> None:
    _expect("document_mismatch", _demo_cms(), DOCUMENT.replace(b"150", b"950"))


def test_detached_signature_is_document_mismatch() -> None:
    cert, key = pki.load_demo_signer()
    _expect("document_mismatch", sign_cms(DOCUMENT, cert, key, attached=False))


def test_tampered_signature_byte_is_signature_invalid() -> None:
    der = _demo_cms()
    signature = asn1_cms.ContentInfo.load(der)["content"]["signer_infos"][0]["signature"].native
    at = der.rindex(signature) + len(signature) - 1
    tampered = der[:at] + bytes([der[at] ^ 0x01]) + der[at + 1 :]
    _expect("signature_invalid", tampered)


def test_tampered_content_is_signature_invalid_not_mismatch() -> None:
    # The digest attribute no longer matches the content: the CMS itself is broken.
    changed = DOCUMENT.replace(b"150", b"950")
    tampered = _demo_cms().replace(DOCUMENT, changed)
    _expect("signature_invalid", tampered, changed)


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "not base64 at all!",
        base64.b64encode(b"\x00" * 100).decode(),
        b"\x30\x00",
        b"\x30\x82\xff",
        "-----BEGIN CMS-----\n-----END CMS-----\n",
    ],
)
def test_garbage_is_signature_invalid(garbage: bytes | str) -> None:
    _expect("signature_invalid", garbage)


def test_certificate_der_is_not_a_cms() -> None:
    signer, _ = pki.load_demo_signer()
    _expect("signature_invalid", signer.public_bytes(serialization.Encoding.DER))


def _built(*options: pkcs7.PKCS7Options) -> bytes:
    cert, key = pki.load_demo_signer()
    builder = (
        pkcs7.PKCS7SignatureBuilder().set_data(DOCUMENT).add_signer(cert, key, hashes.SHA256())
    )
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary, *options])


def test_missing_signed_attributes_is_signature_invalid() -> None:
    _expect("signature_invalid", _built(pkcs7.PKCS7Options.NoAttributes))


def test_missing_signer_certificate_is_signature_invalid() -> None:
    _expect("signature_invalid", _built(pkcs7.PKCS7Options.NoCerts))


def test_certificate_from_another_ca_is_untrusted() -> None:
    other_ca, other_key = pki.make_ca("Some Other CA")
    cert, key = pki.issue_signer_cert(pki.DEMO_IIN, ca=other_ca, ca_key=other_key)
    _expect("certificate_untrusted", sign_cms(DOCUMENT, cert, key))


def test_impostor_ca_with_the_same_name_is_untrusted() -> None:
    # Same issuer name as the trusted CA, different key: the name alone must not pass.
    impostor, impostor_key = pki.make_ca("CESEC Mock Test CA")
    cert, key = pki.issue_signer_cert(pki.DEMO_IIN, ca=impostor, ca_key=impostor_key)
    _expect("certificate_untrusted", sign_cms(DOCUMENT, cert, key))


def test_expired_and_not_yet_valid_certificates_are_untrusted() -> None:
    assert "expired" in _expect(
        "certificate_untrusted", _demo_cms(), at=datetime(2035, 6, 1, tzinfo=UTC)
    )
    assert "not yet valid" in _expect(
        "certificate_untrusted", _demo_cms(), at=datetime(2024, 6, 1, tzinfo=UTC)
    )
    cert, key = pki.issue_signer_cert(
        pki.DEMO_IIN,
        not_before=datetime(2020, 1, 1, tzinfo=UTC),
        not_after=datetime(2021, 1, 1, tzinfo=UTC),
    )
    assert "expired" in _expect("certificate_untrusted", sign_cms(DOCUMENT, cert, key))


@pytest.mark.parametrize(
    "eku",
    [
        pytest.param((pki.EKU_INDIVIDUAL,), id="individual-only"),
        pytest.param(("1.3.6.1.5.5.7.3.2", pki.EKU_INDIVIDUAL), id="authentication"),
        pytest.param((), id="no-eku"),
    ],
)
def test_certificate_without_signing_usage_is_untrusted(eku: tuple[str, ...]) -> None:
    cert, key = pki.issue_signer_cert(pki.DEMO_IIN, eku=eku)
    assert "key usage" in _expect("certificate_untrusted", sign_cms(DOCUMENT, cert, key))


def test_ca_key_cannot_sign_documents() -> None:
    ca, ca_key = pki.load_ca()
    _expect("certificate_untrusted", sign_cms(DOCUMENT, ca, ca_key))


def test_iin_and_bin_extraction() -> None:
    ca, _ = pki.load_ca()
    cert, key = pki.issue_signer_cert("810624301456", org_bin="990740000683")
    info = verify_cms(sign_cms(DOCUMENT, cert, key), DOCUMENT, ca, at=NOW)
    assert (info.iin, info.bin) == ("810624301456", "990740000683")


def test_rsa_signer_verifies() -> None:
    ca, _ = pki.load_ca()
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert, key = pki.issue_signer_cert("790201302765", key=rsa_key)
    assert verify_cms(sign_cms(DOCUMENT, cert, key), DOCUMENT, ca, at=NOW).iin == "790201302765"


def test_loopback_tls_certificate() -> None:
    cert_pem, key_pem = pki.make_tls_cert_for_loopback()
    cert = x509.load_pem_x509_certificate(cert_pem)
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.1"]
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    cert.verify_directly_issued_by(cert)
    key = serialization.load_pem_private_key(key_pem, None)
    assert key.public_key().public_numbers() == cert.public_key().public_numbers()  # type: ignore[union-attr]
