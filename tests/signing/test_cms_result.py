"""NCALayer's signing result, in every shape it comes in, becomes one clean base64 CMS."""

from __future__ import annotations

import base64
import textwrap
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.cms import sign_cms
from cesec_desktop.signing.cms_result import NcaLayerError, normalize_cms_result


@cache
def _cms_b64() -> str:
    """A real attached CMS from the test PKI, as bare base64."""
    cert, key = pki.load_demo_signer()
    return base64.b64encode(sign_cms(b"order document", cert, key)).decode("ascii")


def _armoured(b64: str, label: str = "CMS", newline: str = "\n") -> str:
    lines = newline.join(textwrap.wrap(b64, 64))
    return f"-----BEGIN {label}-----{newline}{lines}{newline}-----END {label}-----{newline}"


def _bad(result: object) -> NcaLayerError:
    with pytest.raises(NcaLayerError) as caught:
        normalize_cms_result(result)
    assert caught.value.code == "bad_result"
    return caught.value


def test_plain_string_is_returned_unchanged() -> None:
    assert normalize_cms_result(_cms_b64()) == _cms_b64()


def test_one_element_array() -> None:
    assert normalize_cms_result([_cms_b64()]) == _cms_b64()


def test_array_of_armoured_text() -> None:
    assert normalize_cms_result([_armoured(_cms_b64())]) == _cms_b64()


@pytest.mark.parametrize("label", ["CMS", "PKCS7"])
def test_pem_armour_is_removed(label: str) -> None:
    assert normalize_cms_result(_armoured(_cms_b64(), label)) == _cms_b64()


def test_crlf_and_blanks_inside() -> None:
    wrapped = _armoured(_cms_b64(), newline="\r\n")
    assert normalize_cms_result(wrapped) == _cms_b64()
    spaced = "  " + " \t".join(textwrap.wrap(_cms_b64(), 10)) + "\r\n"
    assert normalize_cms_result(spaced) == _cms_b64()


def test_result_is_one_line() -> None:
    result = normalize_cms_result(_armoured(_cms_b64(), newline="\r\n"))
    assert "\n" not in result and "\r" not in result and " " not in result


@pytest.mark.parametrize(
    "result",
    [
        None,
        42,
        {"result": "MII="},
        b"MIIB",
        "",
        "   \r\n",
        "not base64 at all!",
        "MIIB*AAA",
        "MIIBAAA",  # padding missing
        base64.b64encode(b"hello, not DER").decode(),
        [],
        ["MII=", "MII="],
        [None],
    ],
    ids=[
        "none",
        "int",
        "dict",
        "bytes",
        "empty",
        "blank",
        "words",
        "bad-char",
        "no-padding",
        "not-der",
        "empty-array",
        "two-element-array",
        "array-of-none",
    ],
)
def test_garbage_is_refused(result: object) -> None:
    _bad(result)


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN CMS-----\nMIIB\n-----END PKCS7-----",
        "-----BEGIN CMS-----\nMIIB\n",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "junk -----BEGIN CMS-----\nMIIB\n-----END CMS-----",
    ],
    ids=["mismatched", "unterminated", "certificate", "text-before"],
)
def test_unknown_or_broken_armour_is_refused(text: str) -> None:
    _bad(text)


def test_error_never_quotes_the_result() -> None:
    secret = "c2VjcmV0IHNpZ25hdHVyZQ=="
    error = _bad(secret)
    assert secret not in str(error) and secret not in error.message


@given(
    der_tail=st.binary(min_size=1, max_size=300),
    width=st.integers(min_value=4, max_value=80),
    newline=st.sampled_from(["\n", "\r\n", " ", "\t"]),
    armour=st.sampled_from([None, "CMS", "PKCS7"]),
    as_array=st.booleans(),
)
def test_any_wrapping_gives_the_canonical_base64(
    der_tail: bytes, width: int, newline: str, armour: str | None, as_array: bool
) -> None:
    canonical = base64.b64encode(b"\x30" + der_tail).decode("ascii")
    text = newline.join(textwrap.wrap(canonical, width))
    if armour is not None:
        text = f"-----BEGIN {armour}-----{newline}{text}{newline}-----END {armour}-----"
    assert normalize_cms_result([text] if as_array else text) == canonical
