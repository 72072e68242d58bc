"""Test PKI for the mock backend and the mock NCALayer: a committed test CA and demo signer.

Everything here is for tests and demos only. The keys under ``pki/`` are committed on purpose,
unencrypted, and must never be trusted outside the mock: anyone can sign with them.
Regenerate them with ``python -m cesec_desktop.mockserver.pki --regenerate``.
"""

from __future__ import annotations

import argparse
import ipaddress
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeAlias

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PrivateKey: TypeAlias = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

DEMO_IIN = "880607300110"
DEMO_SIGNER_NAME = "ДЕМОВ ДЕМО"
CA_NAME = "CESEC Mock Test CA"

EKU_SIGNING = "1.3.6.1.5.5.7.3.4"
EKU_INDIVIDUAL = "1.2.398.3.3.4.1.1"
EKU_ORGANISATION = "1.2.398.3.3.4.1.2"

CA_NOT_BEFORE = datetime(2024, 1, 1, tzinfo=UTC)
CA_NOT_AFTER = datetime(2040, 1, 1, tzinfo=UTC)
SIGNER_NOT_BEFORE = datetime(2025, 1, 1, tzinfo=UTC)
SIGNER_NOT_AFTER = datetime(2035, 1, 1, tzinfo=UTC)

PKI_DIR = Path(__file__).parent / "pki"
CA_CERT_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
SIGNER_CERT_FILE = "demo-signer.pem"
SIGNER_KEY_FILE = "demo-signer-key.pem"


def _new_key() -> ec.EllipticCurvePrivateKey:
    """A fresh P-256 key: fast to make and to sign with, unlike RSA."""
    return ec.generate_private_key(ec.SECP256R1())


def make_ca(
    cn: str,
    *,
    not_before: datetime = CA_NOT_BEFORE,
    not_after: datetime = CA_NOT_AFTER,
) -> tuple[x509.Certificate, PrivateKey]:
    """A self-signed test CA (also how tests make an untrusted one)."""
    key = _new_key()
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CESEC mock (TEST ONLY)"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def issue_signer_cert(
    iin: str,
    *,
    ca: x509.Certificate | None = None,
    ca_key: PrivateKey | None = None,
    not_before: datetime = SIGNER_NOT_BEFORE,
    not_after: datetime = SIGNER_NOT_AFTER,
    eku: Sequence[str] = (EKU_SIGNING, EKU_INDIVIDUAL),
    common_name: str = "ТЕСТОВ ТЕСТ",
    org_bin: str | None = None,
    key: PrivateKey | None = None,
) -> tuple[x509.Certificate, PrivateKey]:
    """A signing certificate shaped like the national CA's: SERIALNUMBER "IIN…", OU "BIN…".

    Defaults to the committed test CA and a fresh P-256 key; an empty ``eku`` leaves the
    extension out.
    """
    if ca is None or ca_key is None:
        ca, ca_key = load_ca()
    if key is None:
        key = _new_key()
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        x509.NameAttribute(NameOID.SURNAME, common_name.split()[0]),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{iin}"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
    ]
    if org_bin is not None:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{org_bin}"))
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
    )
    if eku:
        usages = [x509.ObjectIdentifier(oid) for oid in eku]
        builder = builder.add_extension(x509.ExtendedKeyUsage(usages), critical=False)
    return builder.sign(ca_key, hashes.SHA256()), key


def make_tls_cert_for_loopback() -> tuple[bytes, bytes]:
    """A fresh self-signed TLS certificate and key (PEM) for 127.0.0.1 and localhost."""
    key = _new_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        # Backdated a little so a client clock slightly behind still accepts it.
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.IPv4Address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(ski, critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM), _key_pem(key)


@cache
def load_ca() -> tuple[x509.Certificate, PrivateKey]:
    """The committed test CA and its (test-only) key."""
    return _load_pair(CA_CERT_FILE, CA_KEY_FILE)


@cache
def load_demo_signer() -> tuple[x509.Certificate, PrivateKey]:
    """The demo client's committed signing certificate and key."""
    return _load_pair(SIGNER_CERT_FILE, SIGNER_KEY_FILE)


def regenerate(directory: Path = PKI_DIR) -> None:
    """Make a new test CA and demo signer and write them as PEM files into ``directory``."""
    ca, ca_key = make_ca(CA_NAME)
    signer, signer_key = issue_signer_cert(
        DEMO_IIN, ca=ca, ca_key=ca_key, common_name=DEMO_SIGNER_NAME
    )
    directory.mkdir(parents=True, exist_ok=True)
    (directory / CA_CERT_FILE).write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (directory / CA_KEY_FILE).write_bytes(_key_pem(ca_key))
    (directory / SIGNER_CERT_FILE).write_bytes(signer.public_bytes(serialization.Encoding.PEM))
    (directory / SIGNER_KEY_FILE).write_bytes(_key_pem(signer_key))
    load_ca.cache_clear()
    load_demo_signer.cache_clear()


def _key_usage(
    *,
    digital_signature: bool = False,
    content_commitment: bool = False,
    key_cert_sign: bool = False,
    crl_sign: bool = False,
) -> x509.KeyUsage:
    """A KeyUsage with only the named bits set."""
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=content_commitment,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=crl_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _key_pem(key: PrivateKey) -> bytes:
    """Unencrypted PKCS#8 PEM: these are test keys, a password would only add friction."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _load_pair(cert_file: str, key_file: str) -> tuple[x509.Certificate, PrivateKey]:
    """Read a certificate and its key from the package's ``pki`` folder."""
    folder = resources.files("cesec_desktop.mockserver").joinpath("pki")
    cert = x509.load_pem_x509_certificate(folder.joinpath(cert_file).read_bytes())
    key = serialization.load_pem_private_key(folder.joinpath(key_file).read_bytes(), None)
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise TypeError(f"{key_file}: unsupported key type {type(key).__name__}")
    return cert, key


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: ``--regenerate`` rewrites the committed test PKI."""
    parser = argparse.ArgumentParser(prog="python -m cesec_desktop.mockserver.pki")
    parser.add_argument(
        "--regenerate", action="store_true", help="make a new test CA and demo signer"
    )
    parser.add_argument("--dir", type=Path, default=PKI_DIR, help="where to write the PEM files")
    args = parser.parse_args(argv)
    if not args.regenerate:
        parser.print_help()
        return
    regenerate(args.dir)
    print(f"wrote test CA and demo signer to {args.dir}")


if __name__ == "__main__":
    main()
