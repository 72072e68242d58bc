"""The withdrawal's rules as the form checks them while the client types."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cesec_desktop.domain.banks import BANKS
from cesec_desktop.domain.iban import make_iban
from cesec_desktop.domain.iin import make_iin
from cesec_desktop.domain.withdrawal_rules import (
    WithdrawalCheck,
    suggested_bank,
    validate_withdrawal,
)

OWN = "880607300110"
HALYK = make_iban("601", "0000000012345")


def check(**changes: object) -> WithdrawalCheck:
    fields: dict[str, object] = {
        "amount": Decimal("1000.00"),
        "recipient_iin": OWN,
        "iban": HALYK,
        "bic": "HSBKKZKX",
        "purpose": "Own funds",
        "available": Decimal("5000.00"),
        "own_iin": OWN,
    }
    fields.update(changes)
    return WithdrawalCheck(**fields)  # type: ignore[arg-type]


def test_a_good_withdrawal_passes() -> None:
    assert validate_withdrawal(check()) == {}


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (None, "amount_required"),
        (Decimal(0), "amount_not_positive"),
        (Decimal("-5"), "amount_not_positive"),
        (Decimal("10.001"), "amount_precision"),
        (Decimal("5000.01"), "insufficient_funds"),
        (Decimal(10) ** 13, "amount_too_large"),
    ],
)
def test_amount_rules(amount: Decimal | None, code: str) -> None:
    assert validate_withdrawal(check(amount=amount)) == {"amount": code}


def test_all_that_is_available_may_go_and_unknown_cash_is_not_judged() -> None:
    assert validate_withdrawal(check(amount=Decimal("5000.00"))) == {}
    assert validate_withdrawal(check(amount=Decimal("9e9"), available=None)) == {}


def test_iin_rules() -> None:
    wrong_digit = OWN[:11] + str((int(OWN[11]) + 1) % 10)
    assert validate_withdrawal(check(recipient_iin=wrong_digit)) == {
        "recipient_iin": "iin_checksum"
    }
    assert validate_withdrawal(check(recipient_iin="12345")) == {"recipient_iin": "iin_format"}
    assert validate_withdrawal(check(recipient_iin="")) == {"recipient_iin": "iin_required"}
    other = make_iin(datetime.date(1990, 5, 17), True, 42)
    assert validate_withdrawal(check(recipient_iin=other)) == {
        "recipient_iin": "recipient_not_owner"
    }
    # Without the client's own IIN to compare with, only the checksum is judged.
    assert validate_withdrawal(check(recipient_iin=other, own_iin=None)) == {}


def test_iban_and_bank_rules() -> None:
    broken = HALYK[:2] + f"{(int(HALYK[2:4]) + 1) % 100:02d}" + HALYK[4:]
    assert validate_withdrawal(check(iban=broken)) == {"iban": "iban_checksum"}
    assert validate_withdrawal(check(iban="DE89370400440532013000")) == {"iban": "iban_country"}
    assert validate_withdrawal(check(iban="")) == {"iban": "iban_required"}
    assert validate_withdrawal(check(bic="CASPKZKA")) == {"bic": "iban_bank_mismatch"}
    assert validate_withdrawal(check(bic="")) == {"bic": "bank_required"}
    # Spaces and lower case, as people paste them, are fine.
    spaced = " ".join(HALYK[i : i + 4] for i in range(0, 20, 4)).lower()
    assert validate_withdrawal(check(iban=spaced)) == {}


def test_a_line_break_in_the_purpose_is_refused() -> None:
    assert validate_withdrawal(check(purpose="Own\nБИК / BIC: X")) == {"purpose": "purpose_invalid"}


@given(
    st.sampled_from(BANKS), st.text("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=13, max_size=13)
)
def test_every_valid_iban_names_its_bank(bank: object, account: str) -> None:
    iban = make_iban(bank.code, account)  # type: ignore[attr-defined]
    assert suggested_bank(iban) == bank
    assert validate_withdrawal(check(iban=iban, bic=bank.bic)) == {}  # type: ignore[attr-defined]
