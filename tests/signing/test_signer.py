"""Who signed: the signer's certificate read from NCALayer's CMS (issue 14)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest
from asn1crypto import cms as asn1_cms
from cryptography.hazmat.primitives.serialization import Encoding

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import sign_cms
from cesec_desktop.signing.cms_result import NcaLayerError
from cesec_desktop.signing.signer import SignerCertificate, signer_of

DOCUMENT = "Заявка на покупку KSPI 10 шт.".encode()


def _cms(signer: tuple[object, object] | None = None, *, attached: bool = True) -> str:
    cert, key = signer if signer is not None else pki.load_demo_signer()
    return base64.b64encode(sign_cms(DOCUMENT, cert, key, attached=attached)).decode()  # type: ignore[arg-type]


def test_the_demo_signers_certificate_is_read() -> None:
    assert signer_of(_cms()) == SignerCertificate(
        common_name="ДЕМОВ ДЕМО",
        iin="880607300110",
        issuer="CESEC Mock Test CA",
        not_before=datetime(2025, 1, 1, tzinfo=UTC),
        not_after=datetime(2035, 1, 1, tzinfo=UTC),
    )


def test_another_persons_certificate_names_their_iin() -> None:
    stranger = pki.issue_signer_cert(
        "810624301456",
        common_name="БАСҚА АДАМ",
        not_before=datetime(2026, 3, 1, tzinfo=UTC),
        not_after=datetime(2027, 3, 1, tzinfo=UTC),
    )
    signer = signer_of(_cms(stranger, attached=False))
    assert (signer.common_name, signer.iin) == ("БАСҚА АДАМ", "810624301456")
    assert signer.not_after == datetime(2027, 3, 1, tzinfo=UTC)


def test_the_signer_is_found_among_other_certificates() -> None:
    cert = pki.issue_signer_cert("810624301456", org_bin="123456789012")
    signer = signer_of(_cms(cert))
    assert signer.iin == "810624301456"  # the person acting for the organisation

    # Found by issuer and serial number even when another certificate comes first.
    der = base64.b64decode(_cms(cert))
    info = asn1_cms.ContentInfo.load(der)
    ca = asn1_cms.CertificateChoices(
        name="certificate",
        value=asn1_cms.Certificate.load(pki.load_ca()[0].public_bytes(Encoding.DER)),
    )
    info["content"]["certificates"] = [ca, *info["content"]["certificates"]]
    assert signer_of(base64.b64encode(info.dump(force=True)).decode()).iin == "810624301456"


@pytest.mark.parametrize(
    "text",
    [
        "not base64!",
        base64.b64encode(b"\x30\x03\x02\x01\x01").decode(),  # DER, but not a CMS
        base64.b64encode(b"\x04\x03abc").decode(),
        "",
    ],
)
def test_an_unreadable_signature_is_a_bad_result(text: str) -> None:
    with pytest.raises(NcaLayerError) as caught:
        signer_of(text)
    assert caught.value.code == "bad_result"
    assert text not in str(caught.value) or not text


def test_a_signature_without_certificates_is_a_bad_result() -> None:
    der = base64.b64decode(_cms())
    info = asn1_cms.ContentInfo.load(der)
    del info["content"]["certificates"]
    with pytest.raises(NcaLayerError) as caught:
        signer_of(base64.b64encode(info.dump(force=True)).decode())
    assert caught.value.code == "bad_result"


def test_an_oversized_signature_is_refused_before_decoding() -> None:
    with pytest.raises(NcaLayerError) as caught:
        signer_of("A" * (30 * 1024 * 1024))
    assert "too large" in caught.value.message
