"""KZ IBAN validation, bank lookup, generation and masking."""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cesec_desktop.domain.banks import BANKS, Bank, bank_by_bic, bank_by_code
from cesec_desktop.domain.iban import (
    IBAN_ERROR_BANK_MISMATCH,
    IBAN_ERROR_BANK_UNKNOWN,
    IBAN_ERROR_CHECKSUM,
    IBAN_ERROR_COUNTRY,
    IBAN_ERROR_FORMAT,
    bank_for_iban,
    iban_checksum_ok,
    make_iban,
    mask_iban,
    normalize_iban,
    validate_iban,
)

EXAMPLES = {
    "KZ476010131000179714": "HSBKKZKX",
    "KZ738562204140586741": "KCJBKZKX",
    "KZ45722S000054326792": "CASPKZKA",
    "KZ9496511F0008314291": "IRTYKZKA",
}
ALNUM = string.digits + string.ascii_uppercase

banks = st.sampled_from(BANKS)
accounts = st.text(alphabet=ALNUM, min_size=13, max_size=13)


@st.composite
def ibans(draw: st.DrawFn) -> tuple[Bank, str]:
    bank = draw(banks)
    return bank, make_iban(bank.code, draw(accounts))


def _same_class(a: str, b: str) -> bool:
    return a.isdigit() == b.isdigit()


# --- banks ---------------------------------------------------------------------------


def test_sixteen_banks_with_unique_codes_and_bics() -> None:
    assert len(BANKS) == 16
    assert len({b.code for b in BANKS}) == 16
    assert len({b.bic for b in BANKS}) == 16
    for bank in BANKS:
        assert len(bank.code) == 3 and bank.code.isdigit()
        assert len(bank.bic) == 8 and bank.bic[4:6] == "KZ"


def test_bank_lookups() -> None:
    assert bank_by_bic("hsbkkzkx") == Bank("Halyk Bank", "HSBKKZKX", "601")
    assert bank_by_code("722") is not None and bank_by_code("722").name == "Kaspi Bank"
    assert bank_by_bic("DEUTDEFF") is None
    assert bank_by_code("000") is None


# --- examples ------------------------------------------------------------------------


@pytest.mark.parametrize(("iban", "bic"), EXAMPLES.items())
def test_domain_examples_validate_with_their_bic(iban: str, bic: str) -> None:
    assert validate_iban(iban) is None
    assert validate_iban(iban, bic) is None
    assert validate_iban(iban, bic.lower()) is None
    bank = bank_for_iban(iban)
    assert bank is not None and bank.bic == bic


def test_spaces_and_case_are_normalized() -> None:
    assert normalize_iban(" kz47 6010 1310 0017 9714 ") == "KZ476010131000179714"
    assert validate_iban("kz47 6010 1310 0017 9714") is None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "KZ",
        "KZ47601013100017971",  # 19 characters
        "KZ4760101310001797145",  # 21 characters
        "KZ47A010131000179714",  # a letter in the bank code
        "KZ4X6010131000179714",  # a letter in the check digits
        "KZ47601013100017971-",
        "47KZ6010131000179714",
    ],
)
def test_format_errors(value: str) -> None:
    assert validate_iban(value) == IBAN_ERROR_FORMAT


@pytest.mark.parametrize("value", ["DE89370400440532013000", "GB82 WEST 1234 5698 7654 32"])
def test_foreign_ibans_are_a_country_error(value: str) -> None:
    assert validate_iban(value) == IBAN_ERROR_COUNTRY


def test_checksum_error() -> None:
    assert validate_iban("KZ486010131000179714") == IBAN_ERROR_CHECKSUM


def test_check_digits_01_are_refused_even_where_98_would_do() -> None:
    # 98 and 01 are congruent mod 97; ISO 7064 only ever issues 02..98.
    valid = "KZ986010000000000017"
    assert validate_iban(valid) is None
    assert int("6010000000000017" + "2035" + "01") % 97 == 1
    for check in ("00", "01", "99"):
        assert not iban_checksum_ok("KZ" + check + valid[4:])
    assert validate_iban("KZ01" + valid[4:]) == IBAN_ERROR_CHECKSUM


def test_unknown_bank_code() -> None:
    assert validate_iban(make_iban("123", "0000000000001")) == IBAN_ERROR_BANK_UNKNOWN


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.code)
def test_wrong_bank_bic_is_a_mismatch(bank: Bank) -> None:
    iban = make_iban(bank.code, "1234567890ABC")
    for other in BANKS:
        expected = None if other == bank else IBAN_ERROR_BANK_MISMATCH
        assert validate_iban(iban, other.bic) == expected
    assert validate_iban(iban, "DEUTDEFF") == IBAN_ERROR_BANK_MISMATCH
    assert validate_iban(iban, "  ") is None


def test_bank_for_iban_of_garbage_is_none() -> None:
    assert bank_for_iban("not an iban") is None


def test_make_iban_refuses_bad_parts() -> None:
    with pytest.raises(ValueError):
        make_iban("60", "0000000000001")
    with pytest.raises(ValueError):
        make_iban("601", "000000000001")
    with pytest.raises(ValueError):
        make_iban("601", "00000000000-1")


def test_mask_iban() -> None:
    assert mask_iban("KZ476010131000179714") == "KZ47 **** **** 9714"
    assert mask_iban("kz47 6010 1310 0017 9714") == "KZ47 **** **** 9714"
    assert mask_iban("KZ47") == "****"


# --- properties ----------------------------------------------------------------------


@given(ibans())
def test_make_iban_always_validates(generated: tuple[Bank, str]) -> None:
    bank, iban = generated
    assert len(iban) == 20
    assert validate_iban(iban) is None
    assert validate_iban(iban, bank.bic) is None
    assert bank_for_iban(iban) == bank
    assert 2 <= int(iban[2:4]) <= 98


@given(ibans(), st.integers(min_value=2, max_value=19), st.sampled_from(ALNUM))
def test_single_substitution_within_class_fails_mod97(
    generated: tuple[Bank, str], position: int, replacement: str
) -> None:
    # Digit-for-digit or letter-for-letter changes the number by d·10^k with 0 < |d| < 97,
    # never a multiple of the prime 97. A digit turned into a letter also shifts everything
    # before it one place, so that case is only caught with probability 96/97.
    _, iban = generated
    assume(replacement != iban[position] and _same_class(replacement, iban[position]))
    mutated = iban[:position] + replacement + iban[position + 1 :]
    assert not iban_checksum_ok(mutated)
    assert validate_iban(mutated) is not None


def test_digit_to_letter_substitution_can_slip_through_mod97() -> None:
    # Why the property above stays within one character class: a real collision.
    assert iban_checksum_ok("KZ4760101L1000179714")


@given(ibans(), st.integers(min_value=2, max_value=18))
def test_swapping_adjacent_different_digits_fails_mod97(
    generated: tuple[Bank, str], position: int
) -> None:
    _, iban = generated
    a, b = iban[position], iban[position + 1]
    assume(a.isdigit() and b.isdigit() and a != b)
    swapped = iban[:position] + b + a + iban[position + 2 :]
    assert not iban_checksum_ok(swapped)
    assert validate_iban(swapped) == IBAN_ERROR_CHECKSUM


@given(st.text(max_size=40))
def test_validate_iban_never_raises(value: str) -> None:
    result = validate_iban(value)
    assert result in {
        None,
        IBAN_ERROR_FORMAT,
        IBAN_ERROR_COUNTRY,
        IBAN_ERROR_CHECKSUM,
        IBAN_ERROR_BANK_UNKNOWN,
    }
