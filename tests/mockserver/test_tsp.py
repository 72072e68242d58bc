"""CAdES-T: the mock TSA's timestamp tokens, and the checks that refuse a bad one."""

from __future__ import annotations

import base64
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import cms as asn1_cms
from asn1crypto import tsp as asn1_tsp

from cesec_desktop.mockserver import cms, db, pki, tsp

DOCUMENT = "Заявка на покупку HSBK, 10 шт. по 385.00 KZT\n".encode()
# Inside the demo signer's validity (2025-2035) and the test CA's (2024-2040); no test here
# depends on today's date.
STAMPED = datetime(2026, 3, 2, 9, 30, 15, 250_000, tzinfo=UTC)


def _signed() -> bytes:
    cert, key = pki.load_demo_signer()
    return cms.sign_cms(DOCUMENT, cert, key)


def _expect(code: str, stamped: bytes) -> tsp.TimestampError:
    with pytest.raises(tsp.TimestampError) as refused:
        tsp.verify_timestamp(stamped, pki.load_ca()[0])
    assert refused.value.code == code, refused.value
    assert refused.value.message  # English words for the API's 422 timestamp_invalid
    return refused.value


def _token(stamped: bytes) -> asn1_cms.ContentInfo:
    info = asn1_cms.ContentInfo.load(stamped)
    attributes = info["content"]["signer_infos"][0]["unsigned_attrs"]
    (attribute,) = [a for a in attributes if a["type"].dotted == tsp.SIGNATURE_TIME_STAMP_TOKEN]
    (token,) = attribute["values"]
    return token


def test_a_stamped_cms_round_trips_and_still_verifies() -> None:
    plain = _signed()
    stamped = tsp.add_timestamp(plain, now=STAMPED)
    # The CMS signature is untouched: only an unsigned attribute was added.
    signer = cms.verify_cms(stamped, DOCUMENT, pki.load_ca()[0], at=STAMPED)
    assert signer.iin == pki.DEMO_IIN
    assert tsp.verify_timestamp(stamped, pki.load_ca()[0]) == STAMPED
    # As the API receives it: base64, maybe armoured.
    armoured = f"-----BEGIN CMS-----\n{base64.b64encode(stamped).decode()}\n-----END CMS-----"
    assert tsp.verify_timestamp(armoured, pki.load_ca()[0]) == STAMPED


def test_a_cms_without_a_token_has_no_signing_time() -> None:
    assert tsp.verify_timestamp(_signed(), pki.load_ca()[0]) is None


def test_the_token_is_rfc_3161_shaped() -> None:
    stamped = tsp.add_timestamp(_signed(), now=STAMPED)
    token = _token(stamped)
    signed_data = token["content"]
    assert signed_data["encap_content_info"]["content_type"].native == "tst_info"
    tst_info = signed_data["encap_content_info"]["content"].parsed
    assert tst_info["policy"].dotted == tsp.TSA_POLICY
    assert tst_info["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"
    assert tst_info["gen_time"].native == STAMPED
    assert tst_info["nonce"].native > 0
    signed_attrs = signed_data["signer_infos"][0]["signed_attrs"]
    names = {attribute["type"].native for attribute in signed_attrs}
    assert {"content_type", "message_digest", "signing_certificate_v2"} <= names
    tsa_cert = signed_data["certificates"][0].chosen
    assert (
        tsa_cert.issuer
        == asn1_cms.ContentInfo.load(stamped)["content"]["certificates"][0].chosen.issuer
    )  # both under the mock's test CA
    assert tsa_cert.extended_key_usage_value.native == ["time_stamping"]
    assert tsa_cert.critical_extensions >= {"extended_key_usage"}


def test_gen_time_is_kept_to_milliseconds() -> None:
    at = datetime(2026, 3, 2, 9, 30, 15, 250_999, tzinfo=UTC)
    stamped = tsp.add_timestamp(_signed(), now=at)
    assert tsp.verify_timestamp(stamped, pki.load_ca()[0]) == STAMPED


def test_a_token_made_for_another_signature_is_tampered() -> None:
    # The same document signed twice: ECDSA signatures differ, so the first CMS's token
    # does not stamp the second's signature value.
    donor = tsp.add_timestamp(_signed(), now=STAMPED)
    target = asn1_cms.ContentInfo.load(_signed())
    signer_info = target["content"]["signer_infos"][0]
    signer_info["unsigned_attrs"] = asn1_cms.CMSAttributes(
        [{"type": "signature_time_stamp_token", "values": [_token(donor)]}]
    )
    transplanted = target.dump()
    cms.verify_cms(transplanted, DOCUMENT, pki.load_ca()[0], at=STAMPED)  # the CMS is fine
    refused = _expect("imprint_mismatch", transplanted)
    assert "tampered" in refused.message


def test_a_token_from_an_untrusted_tsa_is_refused() -> None:
    other_ca, other_key = pki.make_ca("Some Other CA")
    tsa = tsp.issue_tsa_cert(ca=other_ca, ca_key=other_key)
    _expect("tsa_untrusted", tsp.stamp(_signed(), now=STAMPED, tsa=tsa))


@pytest.mark.parametrize(
    ("eku", "critical"),
    [
        ((), True),  # no extended key usage at all
        ((pki.EKU_SIGNING,), True),  # a document-signing key
        ((tsp.EKU_TIME_STAMPING, pki.EKU_SIGNING), True),  # RFC 3161: timeStamping alone
        ((tsp.EKU_TIME_STAMPING,), False),  # RFC 3161: and critical
    ],
)
def test_a_token_signed_by_a_key_not_for_time_stamping_is_refused(
    eku: tuple[str, ...], critical: bool
) -> None:
    tsa = tsp.issue_tsa_cert(eku=eku, eku_critical=critical)
    _expect("tsa_untrusted", tsp.stamp(_signed(), now=STAMPED, tsa=tsa))


@pytest.mark.parametrize(
    "at",
    [
        datetime(2024, 6, 1, tzinfo=UTC),  # before the signer's certificate (2025-01-01)
        datetime(2036, 6, 1, tzinfo=UTC),  # after it expired (2035-01-01)
    ],
)
def test_a_gen_time_outside_the_signers_validity_is_refused(at: datetime) -> None:
    _expect("time_outside_validity", tsp.add_timestamp(_signed(), now=at))


def test_a_gen_time_outside_the_tsa_certificates_validity_is_refused() -> None:
    tsa = tsp.issue_tsa_cert(
        not_before=datetime(2024, 1, 1, tzinfo=UTC), not_after=datetime(2025, 6, 1, tzinfo=UTC)
    )
    _expect("tsa_untrusted", tsp.stamp(_signed(), now=STAMPED, tsa=tsa))


def test_a_token_with_a_broken_signature_is_refused() -> None:
    stamped = tsp.add_timestamp(_signed(), now=STAMPED)
    token_der = _token(stamped).dump()
    tst_info = _token(stamped)["content"]["encap_content_info"]["content"].contents
    # Change a byte of the TSTInfo's serial number: the token's digest no longer matches.
    serial = asn1_tsp.TSTInfo.load(tst_info)["serial_number"].contents
    at = stamped.index(token_der) + token_der.index(tst_info) + tst_info.index(serial)
    forged = bytearray(stamped)
    forged[at] ^= 0x01
    _expect("tsa_signature_invalid", bytes(forged))


def test_a_token_signed_by_a_key_other_than_its_certificates_is_refused() -> None:
    trusted = tsp.load_tsa()
    impostor = tsp.Tsa(trusted.cert, tsp.issue_tsa_cert().key)
    _expect("tsa_signature_invalid", tsp.stamp(_signed(), now=STAMPED, tsa=impostor))


def test_garbage_in_the_token_attribute_is_malformed() -> None:
    target = asn1_cms.ContentInfo.load(_signed())
    not_a_token = asn1_cms.ContentInfo({"content_type": "data", "content": b"x"})
    target["content"]["signer_infos"][0]["unsigned_attrs"] = asn1_cms.CMSAttributes(
        [{"type": "signature_time_stamp_token", "values": [not_a_token]}]
    )
    _expect("timestamp_malformed", target.dump())


def test_too_many_tokens_are_malformed() -> None:
    stamped = _signed()
    for _ in range(tsp.MAX_TOKENS + 1):
        stamped = tsp.add_timestamp(stamped, now=STAMPED)
    _expect("timestamp_malformed", stamped)


def test_with_two_tokens_the_earliest_time_counts() -> None:
    stamped = tsp.add_timestamp(_signed(), now=STAMPED)
    restamped = tsp.add_timestamp(stamped, now=datetime(2026, 3, 3, tzinfo=UTC))
    # Two tokens on one signer: both verify, the earliest is the signing time.
    assert tsp.verify_timestamp(restamped, pki.load_ca()[0]) == STAMPED


def test_a_database_made_before_timestamps_gains_the_signed_at_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        db.SCHEMA.replace("    signed_at TEXT,\n", "")  # the schema as it was
    )
    assert "signed_at" not in {row[1] for row in old.execute("PRAGMA table_info(orders)")}
    old.execute("INSERT INTO meta (key, value) VALUES ('seeded', 'yes')")
    old.commit()
    old.close()
    for _ in range(2):  # and a second start finds nothing left to add
        conn = db.connect(path)
        for table in ("orders", "instructions"):
            columns = {row["name"]: row for row in conn.execute(f"PRAGMA table_info({table})")}
            assert columns["signed_at"]["notnull"] == 0
        assert db.get_meta(conn, "seeded") == "yes"
        conn.close()
