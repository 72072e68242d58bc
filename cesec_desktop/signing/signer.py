"""Who signed: the signer's certificate read from a CMS that NCALayer made.

The app shows it before the signed document goes out ("Signed by …, IIN …, valid until …")
and refuses a key that names another person: the backend would refuse it too, but only after
the round trip, and in words about a signature rather than about the key the user picked.
This reads; it does not verify (the backend's chain and signature checks stay the authority).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509

from cesec_desktop.signing.cms_result import NcaLayerError

__all__ = ["SignerCertificate", "signer_of"]

MAX_CMS = 16 * 1024 * 1024
"""As large as one NCALayer frame: a CMS carries the document and a short chain."""
_IIN_SERIAL = re.compile(r"IIN(\d{12})")
"""A personal certificate's subject SERIALNUMBER is "IIN" and the 12 digits (DOMAIN.md)."""


@dataclass(frozen=True)
class SignerCertificate:
    """The parts of the signer's certificate a person recognises."""

    common_name: str
    iin: str | None
    """From the subject's SERIALNUMBER; None if the certificate names no IIN."""
    issuer: str
    not_before: datetime
    not_after: datetime


def signer_of(cms_base64: str) -> SignerCertificate:
    """The certificate of the CMS's (first) signer; NcaLayerError `bad_result` if unreadable."""
    if len(cms_base64) > MAX_CMS * 4 // 3 + 4:
        raise NcaLayerError("bad_result", "the signature is too large")
    try:
        der = base64.b64decode(cms_base64, validate=True)
        info = asn1_cms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not signed data")
        signed = info["content"]
        certificate = _signer_certificate(signed)
        tbs = certificate["tbs_certificate"]
        subject = tbs["subject"].native
        validity = tbs["validity"]
        return SignerCertificate(
            common_name=_text(subject.get("common_name")),
            iin=_iin(_text(subject.get("serial_number"))),
            issuer=_text(tbs["issuer"].native.get("common_name")),
            not_before=validity["not_before"].native,
            not_after=validity["not_after"].native,
        )
    except NcaLayerError:
        raise
    except (binascii.Error, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        # asn1crypto parses lazily: a malformed inner field surfaces only when touched. The
        # signature itself never goes into the message (it is a signed client document).
        reason = f"the signer's certificate cannot be read: {exc}"
        raise NcaLayerError("bad_result", reason) from None


def _signer_certificate(signed: asn1_cms.SignedData) -> asn1_x509.Certificate:
    """The certificate the first SignerInfo names (by issuer and serial, or by key id)."""
    certificates = [
        choice.chosen
        for choice in signed["certificates"] or []
        if isinstance(choice.chosen, asn1_x509.Certificate)
    ]
    if not certificates:
        raise NcaLayerError("bad_result", "the signature carries no certificate")
    signer_infos = signed["signer_infos"]
    if not len(signer_infos):
        raise NcaLayerError("bad_result", "the signature has no signer")
    sid = signer_infos[0]["sid"]
    for certificate in certificates:
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if (
                certificate.serial_number == wanted["serial_number"].native
                and certificate.issuer == wanted["issuer"]
            ):
                return certificate
        elif certificate.key_identifier == sid.chosen.native:
            return certificate
    raise NcaLayerError("bad_result", "the signer's certificate is not in the signature")


def _iin(serial: str) -> str | None:
    match = _IIN_SERIAL.fullmatch(serial.strip())
    return match.group(1) if match else None


def _text(value: object) -> str:
    if isinstance(value, list):  # a name may repeat an attribute; the first one is shown
        value = value[0] if value else ""
    return "" if value is None else str(value)
