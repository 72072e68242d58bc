"""CMS (PKCS#7 signed-data) signing and verification for EDS-signed documents.

Signing uses cryptography's PKCS7SignatureBuilder. Verification is done here by hand
(asn1crypto to parse, cryptography for the public-key operations) because cryptography
offers no CMS verification: message digest, signature over the signed attributes, chain to
the trusted CA, validity and key usage are each checked and mapped to an API error code.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, TypeVar

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from cesec_desktop.mockserver.pki import EKU_SIGNING, PrivateKey

CmsErrorCode = Literal["signature_invalid", "certificate_untrusted", "document_mismatch"]

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
_IIN_RE = re.compile(r"IIN(\d{12})")
_BIN_RE = re.compile(r"BIN(\d{12})")
_ARMOUR_RE = re.compile(r"-----(BEGIN|END) [A-Z0-9 ]+-----")
_SET_TAG = 0x31
_Ext = TypeVar("_Ext", bound=x509.ExtensionType)
# Labels the national CA's tools use, where RFC 4514 has none and would print the OID.
_NAME_LABELS = {NameOID.SERIAL_NUMBER: "SERIALNUMBER", NameOID.SURNAME: "SURNAME"}


class CmsError(Exception):
    """A CMS that the backend refuses, with the API error code to answer."""

    def __init__(self, code: CmsErrorCode, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code: CmsErrorCode = code
        self.message = message


@dataclass(frozen=True)
class SignerInfo:
    """Who signed: identifiers from the signer certificate's subject."""

    iin: str | None
    bin: str | None
    subject: str
    serial: int
    not_before: datetime
    not_after: datetime


def sign_cms(
    data: bytes, cert: x509.Certificate, key: PrivateKey, *, attached: bool = True
) -> bytes:
    """Sign ``data`` as CMS (DER) with signed attributes, SHA-256 and the signer certificate."""
    # Binary: without it the builder rewrites "\n" as "\r\n" (S/MIME canonical form) and the
    # encapsulated document would no longer be the exact bytes the user saw.
    options = [pkcs7.PKCS7Options.Binary]
    if not attached:
        options.append(pkcs7.PKCS7Options.DetachedSignature)
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(cert, key, hashes.SHA256())
    return builder.sign(serialization.Encoding.DER, options)


def sign_cms_digest(
    digest: bytes, cert: x509.Certificate, key: PrivateKey, *, at: datetime | None = None
) -> bytes:
    """A detached CMS (DER) whose message-digest attribute is ``digest``, given, not computed.

    NCALayer's "digested" signing: the caller hashed the document itself and sends only the
    hash. cryptography's builder always hashes the content, so the SignedData is assembled
    here with asn1crypto; the private-key operation is still cryptography's. The digest is
    taken as given, of any length: the recorded NCALayer signs a "hash" that is not one
    (ncalayer-js-client's test data, exchanges 13 and 39).
    """
    signed_at = (at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    signed_attrs = asn1_cms.CMSAttributes(
        [
            asn1_cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
            asn1_cms.CMSAttribute(
                {"type": "signing_time", "values": [asn1_cms.Time({"utc_time": signed_at})]}
            ),
            asn1_cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
        ]
    )
    # The signature covers the attributes' DER as a SET OF (tag 0x31), as verify_cms checks.
    to_sign = signed_attrs.dump()
    if isinstance(key, ec.EllipticCurvePrivateKey):
        signature = key.sign(to_sign, ec.ECDSA(hashes.SHA256()))
        algorithm = "sha256_ecdsa"
    else:
        signature = key.sign(to_sign, padding.PKCS1v15(), hashes.SHA256())
        algorithm = "sha256_rsa"
    cert_der = cert.public_bytes(serialization.Encoding.DER)
    asn1_cert = asn1_x509.Certificate.load(cert_der)
    signer_info = asn1_cms.SignerInfo(
        {
            "version": "v1",
            "sid": asn1_cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": asn1_cms.IssuerAndSerialNumber(
                        {"issuer": asn1_cert.issuer, "serial_number": asn1_cert.serial_number}
                    )
                }
            ),
            "digest_algorithm": {"algorithm": "sha256"},
            "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": algorithm},
            "signature": signature,
        }
    )
    signed_data = asn1_cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [{"algorithm": "sha256"}],
            # No eContent: a hash cannot be encapsulated, so the CMS is always detached.
            "encap_content_info": {"content_type": "data"},
            "certificates": [asn1_cert],
            "signer_infos": [signer_info],
        }
    )
    info = asn1_cms.ContentInfo({"content_type": "signed_data", "content": signed_data})
    return bytes(info.dump())


def verify_cms(
    cms: bytes | str, expected: bytes, trusted_ca: x509.Certificate, *, at: datetime
) -> SignerInfo:
    """Verify an attached CMS over ``expected`` signed under ``trusted_ca``, valid at ``at``."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    signed_data = _load_signed_data(_to_der(cms))
    try:
        content, signer_info, signer_cert = _unpack(signed_data)
        _check_signature(content, signer_info, signer_cert)
    except CmsError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        # asn1crypto parses lazily: malformed inner fields surface only when touched.
        raise CmsError("signature_invalid", f"malformed CMS: {exc}") from exc
    if not hmac.compare_digest(content, expected):
        raise CmsError("document_mismatch", "the signed document differs from the one issued")
    _check_certificate(signer_cert, trusted_ca, at)
    return _signer_info(signer_cert)


def _to_der(cms: bytes | str) -> bytes:
    """DER bytes from DER, or from base64 text with optional PEM armour and whitespace."""
    if isinstance(cms, bytes):
        if cms[:1] == b"\x30":
            return cms
        try:
            cms = cms.decode("ascii")
        except UnicodeDecodeError as exc:
            raise CmsError("signature_invalid", "CMS is neither DER nor base64") from exc
    text = "".join(_ARMOUR_RE.sub("", cms).split())
    try:
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CmsError("signature_invalid", "CMS is not valid base64") from exc
    if not der:
        raise CmsError("signature_invalid", "CMS is empty")
    return der


def _load_signed_data(der: bytes) -> asn1_cms.SignedData:
    """Parse a ContentInfo and insist it carries signed-data."""
    try:
        info = asn1_cms.ContentInfo.load(der, strict=True)
        content_type = info["content_type"].native
        if content_type != "signed_data":
            raise CmsError("signature_invalid", f"CMS content type is {content_type}")
        return info["content"]
    except CmsError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise CmsError("signature_invalid", f"CMS cannot be parsed: {exc}") from exc


def _unpack(
    signed_data: asn1_cms.SignedData,
) -> tuple[bytes, asn1_cms.SignerInfo, x509.Certificate]:
    """The encapsulated content, the single signer and that signer's certificate."""
    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1:
        raise CmsError("signature_invalid", f"expected one signer, found {len(signer_infos)}")
    signer_info = signer_infos[0]
    encap = signed_data["encap_content_info"]
    if encap["content_type"].native != "data":
        raise CmsError("signature_invalid", "encapsulated content is not of type data")
    content = encap["content"].native
    if content is None:
        # A detached signature: the document itself is not in the CMS, so it cannot be the
        # one issued; NCALayer must be asked to encapsulate.
        raise CmsError("document_mismatch", "the CMS does not carry the document (detached)")
    return content, signer_info, _find_signer_cert(signed_data, signer_info)


def _find_signer_cert(
    signed_data: asn1_cms.SignedData, signer_info: asn1_cms.SignerInfo
) -> x509.Certificate:
    """The certificate named by the signer's sid, among those the CMS carries."""
    sid = signer_info["sid"]
    for choice in signed_data["certificates"] or []:
        if choice.name != "certificate":
            continue
        candidate = choice.chosen
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if (
                candidate.issuer == wanted["issuer"]
                and candidate.serial_number == wanted["serial_number"].native
            ):
                return x509.load_der_x509_certificate(candidate.dump())
        elif candidate.key_identifier == sid.chosen.native:
            return x509.load_der_x509_certificate(candidate.dump())
    # Without the certificate there is no key to check the signature with.
    raise CmsError("signature_invalid", "the CMS does not carry the signer's certificate")


def _check_signature(
    content: bytes, signer_info: asn1_cms.SignerInfo, cert: x509.Certificate
) -> None:
    """Message digest of the content, then the signature over the signed attributes."""
    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    hash_type = _HASHES.get(digest_name)
    if hash_type is None:
        raise CmsError("signature_invalid", f"unsupported digest algorithm {digest_name}")
    signed_attrs = signer_info["signed_attrs"]
    if not signed_attrs:
        raise CmsError("signature_invalid", "the CMS has no signed attributes")

    content_types = _attr_values(signed_attrs, "content_type")
    if content_types != ["data"]:
        raise CmsError("signature_invalid", "content-type attribute does not say data")
    digests = _attr_values(signed_attrs, "message_digest")
    if len(digests) != 1:
        raise CmsError("signature_invalid", "the CMS has no single message-digest attribute")
    actual = hashes.Hash(hash_type())
    actual.update(content)
    if not hmac.compare_digest(digests[0], actual.finalize()):
        raise CmsError("signature_invalid", "message digest does not match the content")

    # The signature covers the DER of the attributes as a SET OF, not as the [0] IMPLICIT
    # field they are stored in: swap the tag byte of the original encoding.
    to_verify = bytes([_SET_TAG]) + signed_attrs.dump()[1:]
    signature = signer_info["signature"].native
    verify_with_key(cert, signer_info["signature_algorithm"], signature, to_verify, hash_type)


def _attr_values(signed_attrs: asn1_cms.CMSAttributes, name: str) -> list[object]:
    """All values of the signed attributes of type ``name``."""
    values: list[object] = []
    for attr in signed_attrs:
        if attr["type"].native == name:
            values.extend(attr["values"].native)
    return values


def verify_with_key(
    cert: x509.Certificate,
    algorithm: asn1_cms.SignedDigestAlgorithm,
    signature: bytes,
    data: bytes,
    digest_hash: type[hashes.HashAlgorithm],
) -> None:
    """Check ``signature`` over ``data`` with the certificate's public key (a CMS signer's,
    or a timestamp token's: mockserver/tsp.py)."""
    scheme = algorithm.signature_algo
    hash_type = _signature_hash(algorithm, digest_hash)
    try:
        public_key = cert.public_key()
    except UnsupportedAlgorithm as exc:
        # GOST keys, for one: real ones exist, but the mock only knows RSA and ECDSA.
        raise CmsError("signature_invalid", f"unsupported signer key: {exc}") from exc
    try:
        if isinstance(public_key, rsa.RSAPublicKey) and scheme == "rsassa_pkcs1v15":
            public_key.verify(signature, data, padding.PKCS1v15(), hash_type())
        elif isinstance(public_key, ec.EllipticCurvePublicKey) and scheme == "ecdsa":
            public_key.verify(signature, data, ec.ECDSA(hash_type()))
        else:
            raise CmsError(
                "signature_invalid",
                f"unsupported signature {scheme} with a {type(public_key).__name__}",
            )
    except InvalidSignature as exc:
        raise CmsError("signature_invalid", "the signature does not verify") from exc


def _signature_hash(
    algorithm: asn1_cms.SignedDigestAlgorithm, digest_hash: type[hashes.HashAlgorithm]
) -> type[hashes.HashAlgorithm]:
    """The hash named by the signature algorithm, else the signer's digest algorithm."""
    try:
        name = algorithm.hash_algo
    except ValueError:
        # Bare "rsaEncryption" names no hash: the digest algorithm is the one used.
        return digest_hash
    hash_type = _HASHES.get(name)
    if hash_type is None:
        raise CmsError("signature_invalid", f"unsupported signature hash {name}")
    return hash_type


def _check_certificate(cert: x509.Certificate, ca: x509.Certificate, at: datetime) -> None:
    """Issued by the trusted CA, valid at ``at``, an end-entity key meant for signing."""
    try:
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm) as exc:
        raise CmsError("certificate_untrusted", "the certificate is not from a trusted CA") from exc
    if not ca.not_valid_before_utc <= at <= ca.not_valid_after_utc:
        raise CmsError("certificate_untrusted", "the issuing CA certificate is not valid now")
    if at < cert.not_valid_before_utc:
        raise CmsError("certificate_untrusted", "the certificate is not yet valid")
    if at > cert.not_valid_after_utc:
        raise CmsError("certificate_untrusted", "the certificate has expired")
    _check_usage(cert)


def _check_usage(cert: x509.Certificate) -> None:
    """The certificate must be an end-entity signing key (EKU 1.3.6.1.5.5.7.3.4)."""
    constraints = _extension(cert, x509.BasicConstraints)
    if constraints is not None and constraints.ca:
        raise CmsError("certificate_untrusted", "a CA certificate cannot sign documents")
    key_usage = _extension(cert, x509.KeyUsage)
    if key_usage is not None and not (key_usage.digital_signature or key_usage.content_commitment):
        raise CmsError(
            "certificate_untrusted", "the certificate's key usage does not allow signing"
        )
    ekus = _extension(cert, x509.ExtendedKeyUsage)
    # The national CA marks signing keys with this EKU; an authentication key must not sign.
    if ekus is None or x509.ObjectIdentifier(EKU_SIGNING) not in ekus:
        raise CmsError("certificate_untrusted", "the certificate's key usage is not for signing")


def _extension(cert: x509.Certificate, kind: type[_Ext]) -> _Ext | None:
    """The value of the extension of type ``kind``, or None when the certificate has none."""
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None
    except ValueError as exc:
        # Duplicate or malformed extensions: not a certificate to rely on.
        raise CmsError("certificate_untrusted", f"malformed certificate: {exc}") from exc


def _signer_info(cert: x509.Certificate) -> SignerInfo:
    """IIN from SERIALNUMBER "IIN…", BIN from OU "BIN…", and the certificate's basics."""
    return SignerInfo(
        iin=_subject_match(cert, NameOID.SERIAL_NUMBER, _IIN_RE),
        bin=_subject_match(cert, NameOID.ORGANIZATIONAL_UNIT_NAME, _BIN_RE),
        subject=cert.subject.rfc4514_string(_NAME_LABELS),
        serial=cert.serial_number,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
    )


def _subject_match(
    cert: x509.Certificate, oid: x509.ObjectIdentifier, pattern: re.Pattern[str]
) -> str | None:
    """The 12 digits of the first subject attribute ``oid`` that fully matches ``pattern``."""
    for attribute in cert.subject.get_attributes_for_oid(oid):
        value = attribute.value
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        match = pattern.fullmatch(value)
        if match:
            return match.group(1)
    return None
