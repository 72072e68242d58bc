"""CAdES-T for the mock: a test TSA, timestamp tokens in a CMS, and their verification.

A real NCALayer asked for a timestamp (``signingParams.tsaProfile: {}``) sends the signer's
signature value to the national TSA and puts the TSA's answer, an RFC 3161 TimeStampToken,
into the SignerInfo's unsigned attribute id-aa-signatureTimeStampToken
(1.2.840.113549.1.9.16.2.14). The token is itself a CMS SignedData over a TSTInfo whose
messageImprint is the hash of that signature value: it proves the signature existed at
the token's genTime.

The mock does the same with a test TSA: a certificate issued by the mock's committed test CA
(EKU timeStamping, critical), made once per process with a fresh key. Nothing needs to be
committed for it: the backend trusts the CA, not the TSA certificate. TEST ONLY.

Parsing is bounded: the CMS is already size-limited by the API, and here the number of
signers, attributes, tokens and certificates is capped too. A token's own unsigned
attributes are never read, so nothing recurses.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Literal, TypeVar

from asn1crypto import cms as asn1_cms
from asn1crypto import core as asn1_core
from asn1crypto import tsp as asn1_tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from cesec_desktop.mockserver.cms import CmsError, verify_with_key
from cesec_desktop.mockserver.pki import CA_NOT_AFTER, CA_NOT_BEFORE, PrivateKey, load_ca

TSA_NAME = "CESEC Mock Test TSA"
EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8"
TSA_POLICY = "2.999.3161.1"
"""The mock TSA's policy: under 2.999, the arc kept for examples, so never a real policy."""
SIGNATURE_TIME_STAMP_TOKEN = "1.2.840.113549.1.9.16.2.14"
"""id-aa-signatureTimeStampToken: asn1crypto names it ``signature_time_stamp_token``."""

MAX_SIGNERS = 8
MAX_UNSIGNED_ATTRIBUTES = 16
MAX_TOKENS = 4
"""Per signer: RFC 3161 allows several tokens; one is what NCALayer puts."""
MAX_TOKEN_BYTES = 64 * 1024
MAX_TOKEN_CERTIFICATES = 8

TimestampErrorCode = Literal[
    "timestamp_malformed",
    "tsa_signature_invalid",
    "tsa_untrusted",
    "imprint_mismatch",
    "time_outside_validity",
]

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
_ARMOUR_RE = re.compile(r"-----(BEGIN|END) [A-Z0-9 ]+-----")
_SET_TAG = 0x31
_DER = Encoding.DER
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)
_Ext = TypeVar("_Ext", bound=x509.ExtensionType)


class TimestampError(Exception):
    """A timestamp token the backend refuses: a code for tests and logs, an English message.

    The API answers every one of them as 422 ``timestamp_invalid`` with the message.
    """

    def __init__(self, code: TimestampErrorCode, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code: TimestampErrorCode = code
        self.message = message


@dataclass(frozen=True)
class Tsa:
    """A time-stamping authority: its certificate and its key."""

    cert: x509.Certificate
    key: PrivateKey


# --- the mock TSA -----------------------------------------------------------------------


def issue_tsa_cert(
    *,
    ca: x509.Certificate | None = None,
    ca_key: PrivateKey | None = None,
    not_before: datetime = CA_NOT_BEFORE,
    not_after: datetime = CA_NOT_AFTER,
    eku: Sequence[str] = (EKU_TIME_STAMPING,),
    eku_critical: bool = True,
    common_name: str = TSA_NAME,
) -> Tsa:
    """A TSA certificate and fresh P-256 key, by default under the committed test CA.

    RFC 3161 wants exactly the timeStamping EKU, critical; tests pass other ``eku`` (an
    empty one leaves the extension out) to make a TSA the backend must refuse.
    """
    if ca is None or ca_key is None:
        ca, ca_key = load_ca()
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CESEC mock (TEST ONLY)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
    )
    if eku:
        usages = x509.ExtendedKeyUsage([x509.ObjectIdentifier(oid) for oid in eku])
        builder = builder.add_extension(usages, critical=eku_critical)
    return Tsa(builder.sign(ca_key, hashes.SHA256()), key)


@cache
def load_tsa() -> Tsa:
    """The mock's TSA: made once per process under the committed test CA."""
    return issue_tsa_cert()


def add_timestamp(cms_der: bytes, *, now: datetime | None = None) -> bytes:
    """The CMS with a timestamp token from the mock TSA on every SignerInfo (CAdES-T).

    ``now`` is the token's genTime (default: this machine's clock), kept to milliseconds.
    """
    return stamp(cms_der, now=now, tsa=load_tsa())


def stamp(cms_der: bytes, *, now: datetime | None = None, tsa: Tsa | None = None) -> bytes:
    """`add_timestamp` with any TSA (tests use untrusted ones); returns the new CMS DER.

    Only the unsigned attributes change: every other byte, the signed attributes above all,
    is written back as it was read.
    """
    tsa = tsa if tsa is not None else load_tsa()
    gen_time = _gen_time(now)
    try:
        info = asn1_cms.ContentInfo.load(cms_der, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError(f"CMS content type is {info['content_type'].native}")
        signer_infos = info["content"]["signer_infos"]
        if len(signer_infos) > MAX_SIGNERS:
            raise ValueError(f"{len(signer_infos)} signers")
        for signer_info in signer_infos:
            token = timestamp_token(signer_info["signature"].native, tsa=tsa, gen_time=gen_time)
            attribute = asn1_cms.CMSAttribute(
                {"type": "signature_time_stamp_token", "values": [token]}
            )
            signer_info["unsigned_attrs"] = asn1_cms.CMSAttributes(
                [*_unsigned_attributes(signer_info), attribute]
            )
        return info.dump()
    except _PARSE_ERRORS as exc:
        raise ValueError(f"cannot timestamp this CMS: {exc}") from exc


def timestamp_token(
    signature_value: bytes,
    *,
    tsa: Tsa,
    gen_time: datetime,
    nonce: int | None = None,
) -> asn1_cms.ContentInfo:
    """An RFC 3161 TimeStampToken over ``signature_value``, signed by ``tsa``."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(signature_value)
    tst_info = asn1_tsp.TSTInfo(
        {
            "version": "v1",
            "policy": TSA_POLICY,
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": digest.finalize(),
            },
            "serial_number": secrets.randbits(63) + 1,
            "gen_time": gen_time,
            "nonce": nonce if nonce is not None else secrets.randbits(63) + 1,
        }
    )
    tst_der = tst_info.dump()
    cert = asn1_x509.Certificate.load(tsa.cert.public_bytes(_DER))
    signed_attrs = asn1_cms.CMSAttributes(
        [
            {"type": "content_type", "values": ["tst_info"]},
            {"type": "message_digest", "values": [_sha256(tst_der)]},
            {
                "type": "signing_certificate_v2",
                "values": [{"certs": [{"cert_hash": _sha256(cert.dump())}]}],
            },
        ]
    )
    signer_info = asn1_cms.SignerInfo(
        {
            "version": "v1",
            "sid": asn1_cms.SignerIdentifier(
                name="issuer_and_serial_number",
                value={"issuer": cert.issuer, "serial_number": cert.serial_number},
            ),
            "digest_algorithm": {"algorithm": "sha256"},
            "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": _signature_algorithm(tsa.key)},
            "signature": b"",
        }
    )
    # Signed as a SET OF, not as the [0] IMPLICIT field the attributes are stored in.
    to_sign = bytes([_SET_TAG]) + signer_info["signed_attrs"].dump()[1:]
    signer_info["signature"] = _sign(tsa.key, to_sign)
    signed_data = asn1_cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [{"algorithm": "sha256"}],
            "encap_content_info": {
                "content_type": "tst_info",
                "content": asn1_core.ParsableOctetString(tst_der),
            },
            "certificates": [cert],
            "signer_infos": [signer_info],
        }
    )
    return asn1_cms.ContentInfo({"content_type": "signed_data", "content": signed_data})


def _gen_time(now: datetime | None) -> datetime:
    """Aware, UTC, whole milliseconds: what the backend stores comes back equal."""
    at = now if now is not None else datetime.now(UTC)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    at = at.astimezone(UTC)
    return at.replace(microsecond=at.microsecond // 1000 * 1000)


def _signature_algorithm(key: PrivateKey) -> str:
    return "sha256_ecdsa" if isinstance(key, ec.EllipticCurvePrivateKey) else "sha256_rsa"


def _sign(key: PrivateKey, data: bytes) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def _sha256(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


# --- verification -----------------------------------------------------------------------


def verify_timestamp(cms: bytes | str, trusted_ca: x509.Certificate) -> datetime | None:
    """The signing time a CMS's timestamp tokens prove, or None when it carries none.

    ``cms`` is DER, or base64 with optional PEM armour, as the API receives it. Call it after
    the CMS itself verified. Every token must be signed by a TSA certificate that
    ``trusted_ca`` issued for time-stamping, stamp the hash of its SignerInfo's signature
    value, and give a genTime within the signer certificate's validity; else
    `TimestampError`. With several tokens the earliest genTime is the signing time.
    """
    signed_data = _signed_data(_to_der(cms))
    try:
        found: list[datetime] = []
        signer_infos = signed_data["signer_infos"]
        if len(signer_infos) > MAX_SIGNERS:
            raise TimestampError("timestamp_malformed", f"the CMS has {len(signer_infos)} signers")
        for signer_info in signer_infos:
            tokens = _tokens_of(signer_info)
            if not tokens:
                continue
            signature_value = signer_info["signature"].native
            signer_cert = _signer_cert(signed_data, signer_info)
            for token in tokens:
                found.append(_verify_token(token, signature_value, signer_cert, trusted_ca))
    except TimestampError:
        raise
    except _PARSE_ERRORS as exc:
        # asn1crypto parses lazily: a malformed inner field surfaces only when touched.
        raise TimestampError(
            "timestamp_malformed", f"the timestamp token cannot be parsed: {exc}"
        ) from exc
    return min(found) if found else None


def _to_der(cms: bytes | str) -> bytes:
    """DER bytes from DER, or from base64 text with optional PEM armour and whitespace."""
    if isinstance(cms, bytes):
        if cms[:1] == b"\x30":
            return cms
        try:
            cms = cms.decode("ascii")
        except UnicodeDecodeError as exc:
            raise TimestampError("timestamp_malformed", "CMS is neither DER nor base64") from exc
    text = "".join(_ARMOUR_RE.sub("", cms).split())
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise TimestampError("timestamp_malformed", "CMS is not valid base64") from exc


def _signed_data(der: bytes) -> asn1_cms.SignedData:
    try:
        info = asn1_cms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            raise TimestampError("timestamp_malformed", "the CMS is not signed-data")
        return info["content"]
    except TimestampError:
        raise
    except _PARSE_ERRORS as exc:
        raise TimestampError("timestamp_malformed", f"the CMS cannot be parsed: {exc}") from exc


def _unsigned_attributes(signer_info: asn1_cms.SignerInfo) -> list[asn1_cms.CMSAttribute]:
    attributes = signer_info["unsigned_attrs"]
    if isinstance(attributes, asn1_core.Void):
        return []
    if len(attributes) > MAX_UNSIGNED_ATTRIBUTES:
        raise TimestampError(
            "timestamp_malformed", f"the signer has {len(attributes)} unsigned attributes"
        )
    return list(attributes)


def _tokens_of(signer_info: asn1_cms.SignerInfo) -> list[asn1_cms.ContentInfo]:
    """The signer's timestamp tokens, each not yet parsed beyond its outer shape."""
    tokens: list[asn1_cms.ContentInfo] = []
    for attribute in _unsigned_attributes(signer_info):
        if attribute["type"].dotted != SIGNATURE_TIME_STAMP_TOKEN:
            continue
        values = attribute["values"]
        if len(tokens) + len(values) > MAX_TOKENS:
            raise TimestampError("timestamp_malformed", "too many timestamp tokens")
        tokens.extend(values)
    return tokens


def _signer_cert(
    signed_data: asn1_cms.SignedData, signer_info: asn1_cms.SignerInfo
) -> x509.Certificate:
    """The certificate the SignerInfo names, among those the CMS carries."""
    found = _find_cert(signed_data, signer_info)
    if found is None:
        raise TimestampError(
            "timestamp_malformed", "the CMS does not carry the signer's certificate"
        )
    return found


def _find_cert(
    signed_data: asn1_cms.SignedData, signer_info: asn1_cms.SignerInfo
) -> x509.Certificate | None:
    sid = signer_info["sid"]
    certificates = signed_data["certificates"]
    if isinstance(certificates, asn1_core.Void):
        return None
    for index, choice in enumerate(certificates):
        if index >= MAX_TOKEN_CERTIFICATES:
            raise TimestampError("timestamp_malformed", "too many certificates")
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
    return None


def _verify_token(
    token: asn1_cms.ContentInfo,
    signature_value: bytes,
    signer_cert: x509.Certificate,
    trusted_ca: x509.Certificate,
) -> datetime:
    """One token's checks, in order: its signature, its TSA, its imprint, its time."""
    if len(token.dump()) > MAX_TOKEN_BYTES:
        raise TimestampError("timestamp_malformed", "the timestamp token is too large")
    if token["content_type"].native != "signed_data":
        raise TimestampError("timestamp_malformed", "the timestamp token is not signed-data")
    signed_data = token["content"]
    encap = signed_data["encap_content_info"]
    if encap["content_type"].dotted != "1.2.840.113549.1.9.16.1.4":
        raise TimestampError("timestamp_malformed", "the timestamp token carries no TSTInfo")
    content = encap["content"]
    if isinstance(content, asn1_core.Void):
        raise TimestampError("timestamp_malformed", "the timestamp token carries no TSTInfo")
    tst_der = content.contents
    tst_info = asn1_tsp.TSTInfo.load(tst_der, strict=True)
    if tst_info["version"].native != "v1":
        raise TimestampError("timestamp_malformed", "unsupported TSTInfo version")

    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1:
        raise TimestampError(
            "timestamp_malformed", f"the token has {len(signer_infos)} signers, not one"
        )
    tsa_info = signer_infos[0]
    tsa_cert = _find_cert(signed_data, tsa_info)
    if tsa_cert is None:
        raise TimestampError(
            "tsa_untrusted", "the timestamp token does not carry the TSA's certificate"
        )
    _check_token_signature(tst_der, tsa_info, tsa_cert)

    gen_time: datetime = tst_info["gen_time"].native
    _check_tsa(tsa_cert, trusted_ca, gen_time)

    imprint = tst_info["message_imprint"]
    imprint_hash = _HASHES.get(imprint["hash_algorithm"]["algorithm"].native)
    if imprint_hash is None:
        raise TimestampError("timestamp_malformed", "unsupported message imprint hash")
    expected = hashes.Hash(imprint_hash())
    expected.update(signature_value)
    if not hmac.compare_digest(imprint["hashed_message"].native, expected.finalize()):
        raise TimestampError(
            "imprint_mismatch", "the timestamp was not made for this signature (tampered)"
        )

    if not signer_cert.not_valid_before_utc <= gen_time <= signer_cert.not_valid_after_utc:
        raise TimestampError(
            "time_outside_validity",
            "the time stamped is outside the signer certificate's validity",
        )
    return gen_time


def _check_token_signature(
    tst_der: bytes, signer_info: asn1_cms.SignerInfo, tsa_cert: x509.Certificate
) -> None:
    """content-type, message-digest and ESS certificate attributes, then the signature."""
    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    hash_type = _HASHES.get(digest_name)
    if hash_type is None:
        raise TimestampError("tsa_signature_invalid", f"unsupported digest {digest_name}")
    signed_attrs = signer_info["signed_attrs"]
    if isinstance(signed_attrs, asn1_core.Void) or not len(signed_attrs):
        raise TimestampError("tsa_signature_invalid", "the token has no signed attributes")
    if _attribute_values(signed_attrs, "content_type") != ["tst_info"]:
        raise TimestampError("tsa_signature_invalid", "the token's content type is not TSTInfo")
    digests = _attribute_values(signed_attrs, "message_digest")
    digest = hashes.Hash(hash_type())
    digest.update(tst_der)
    if len(digests) != 1 or not hmac.compare_digest(digests[0], digest.finalize()):
        raise TimestampError("tsa_signature_invalid", "the token's digest does not match")
    _check_ess_certificate(signed_attrs, tsa_cert)
    to_verify = bytes([_SET_TAG]) + signed_attrs.dump()[1:]
    _verify_with_key(tsa_cert, signer_info, to_verify, hash_type)


def _attribute_values(attributes: asn1_cms.CMSAttributes, name: str) -> list[object]:
    values: list[object] = []
    for attribute in attributes:
        if attribute["type"].native == name:
            values.extend(value.native for value in attribute["values"])
    return values


def _check_ess_certificate(attributes: asn1_cms.CMSAttributes, tsa_cert: x509.Certificate) -> None:
    """A signingCertificateV2 attribute, when present, must name the TSA's certificate."""
    cert_der = tsa_cert.public_bytes(_DER)
    for attribute in attributes:
        if attribute["type"].native != "signing_certificate_v2":
            continue
        for value in attribute["values"]:
            certs = value["certs"]
            if not len(certs):
                raise TimestampError("tsa_signature_invalid", "empty signing certificate")
            first = certs[0]
            hash_type = _HASHES.get(first["hash_algorithm"]["algorithm"].native)
            if hash_type is None:
                raise TimestampError("tsa_signature_invalid", "unsupported certificate hash")
            digest = hashes.Hash(hash_type())
            digest.update(cert_der)
            if not hmac.compare_digest(first["cert_hash"].native, digest.finalize()):
                raise TimestampError(
                    "tsa_signature_invalid", "the token names another TSA certificate"
                )


def _verify_with_key(
    cert: x509.Certificate,
    signer_info: asn1_cms.SignerInfo,
    data: bytes,
    digest_hash: type[hashes.HashAlgorithm],
) -> None:
    """The token's signature, checked as a CMS signer's is (cms.verify_with_key)."""
    try:
        verify_with_key(
            cert,
            signer_info["signature_algorithm"],
            signer_info["signature"].native,
            data,
            digest_hash,
        )
    except CmsError as exc:
        if isinstance(exc.__cause__, InvalidSignature):
            message = "the timestamp token's signature does not verify"
        else:
            message = f"the timestamp token: {exc.message}"
        raise TimestampError("tsa_signature_invalid", message) from exc


def _check_tsa(cert: x509.Certificate, ca: x509.Certificate, gen_time: datetime) -> None:
    """Issued by the trusted CA for time-stamping only, and valid at the time it stamped."""
    try:
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm) as exc:
        raise TimestampError(
            "tsa_untrusted", "the TSA certificate is not from a trusted CA"
        ) from exc
    constraints = _extension(cert, x509.BasicConstraints)
    if constraints is not None and constraints.ca:
        raise TimestampError("tsa_untrusted", "a CA certificate cannot stamp time")
    key_usage = _extension(cert, x509.KeyUsage)
    if key_usage is not None and not (key_usage.digital_signature or key_usage.content_commitment):
        raise TimestampError(
            "tsa_untrusted", "the TSA certificate's key usage does not allow signing"
        )
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound:
        eku = None
    except ValueError as exc:
        raise TimestampError("tsa_untrusted", f"malformed TSA certificate: {exc}") from exc
    # RFC 3161 2.3: the one purpose timeStamping, in a critical extension.
    if (
        eku is None
        or not eku.critical
        or list(eku.value) != [x509.ObjectIdentifier(EKU_TIME_STAMPING)]
    ):
        raise TimestampError(
            "tsa_untrusted", "the TSA certificate is not for time-stamping (extended key usage)"
        )
    if not cert.not_valid_before_utc <= gen_time <= cert.not_valid_after_utc:
        raise TimestampError(
            "tsa_untrusted", "the TSA certificate was not valid at the time stamped"
        )
    if not ca.not_valid_before_utc <= gen_time <= ca.not_valid_after_utc:
        raise TimestampError(
            "tsa_untrusted", "the CA certificate was not valid at the time stamped"
        )


def _extension(cert: x509.Certificate, kind: type[_Ext]) -> _Ext | None:
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None
    except ValueError as exc:
        raise TimestampError("tsa_untrusted", f"malformed TSA certificate: {exc}") from exc
