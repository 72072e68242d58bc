"""A cash withdrawal's rules, checked as the client types (the server checks them again).

Each rule answers an error code per field, the same codes the backend puts in a 422's
`details.fields`, so one table of messages serves both.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cesec_desktop.domain.banks import Bank, bank_by_bic
from cesec_desktop.domain.iban import (
    IBAN_ERROR_BANK_MISMATCH,
    bank_for_iban,
    normalize_iban,
    validate_iban,
)
from cesec_desktop.domain.iin import validate_iin
from cesec_desktop.domain.money import CENT

__all__ = [
    "AMOUNT_NOT_POSITIVE",
    "AMOUNT_PRECISION",
    "AMOUNT_REQUIRED",
    "AMOUNT_TOO_LARGE",
    "BANK_REQUIRED",
    "INSUFFICIENT_FUNDS",
    "MAX_AMOUNT",
    "PURPOSE_INVALID",
    "RECIPIENT_NOT_OWNER",
    "WithdrawalCheck",
    "suggested_bank",
    "validate_withdrawal",
]

AMOUNT_REQUIRED = "amount_required"
AMOUNT_NOT_POSITIVE = "amount_not_positive"
AMOUNT_PRECISION = "amount_precision"
AMOUNT_TOO_LARGE = "amount_too_large"
INSUFFICIENT_FUNDS = "insufficient_funds"
RECIPIENT_NOT_OWNER = "recipient_not_owner"
BANK_REQUIRED = "bank_required"
PURPOSE_INVALID = "purpose_invalid"
IIN_REQUIRED = "iin_required"
IBAN_REQUIRED = "iban_required"

MAX_AMOUNT = Decimal(10) ** 12
"""The backend's ceiling on one instruction."""


@dataclass(frozen=True, slots=True)
class WithdrawalCheck:
    """What the form holds, plus the facts it is checked against."""

    amount: Decimal | None
    recipient_iin: str
    iban: str
    bic: str
    purpose: str = ""
    available: Decimal | None = None
    """Cash free to withdraw in this currency on this sub-account; None while unknown."""
    own_iin: str | None = None
    """The client's IIN: the broker pays out only to the client's own account (KNP 342)."""


def validate_withdrawal(check: WithdrawalCheck) -> dict[str, str]:
    """Field -> error code for every rule `check` breaks (empty: it may be sent)."""
    errors: dict[str, str] = {}
    amount_error = _amount_error(check.amount, check.available)
    if amount_error:
        errors["amount"] = amount_error
    iin = check.recipient_iin.strip()
    if not iin:
        errors["recipient_iin"] = IIN_REQUIRED
    elif (iin_error := validate_iin(iin)) is not None:
        errors["recipient_iin"] = iin_error
    elif check.own_iin and iin != check.own_iin:
        errors["recipient_iin"] = RECIPIENT_NOT_OWNER
    iban = normalize_iban(check.iban)
    iban_error = validate_iban(iban) if iban else IBAN_REQUIRED
    if iban_error:
        errors["iban"] = iban_error
    if not check.bic.strip():
        errors["bic"] = BANK_REQUIRED
    elif iban_error is None and validate_iban(iban, check.bic) == IBAN_ERROR_BANK_MISMATCH:
        # Reported at the bank, not the IBAN: the IBAN itself is fine, the pair disagrees.
        errors["bic"] = IBAN_ERROR_BANK_MISMATCH
    if not check.purpose.isprintable():
        # A line break here could forge extra lines in the document the client signs.
        errors["purpose"] = PURPOSE_INVALID
    return errors


def _amount_error(amount: Decimal | None, available: Decimal | None) -> str | None:
    if amount is None:
        return AMOUNT_REQUIRED
    if amount <= 0:
        return AMOUNT_NOT_POSITIVE
    if amount != amount.quantize(CENT):
        return AMOUNT_PRECISION
    if amount > MAX_AMOUNT:
        return AMOUNT_TOO_LARGE
    if available is not None and amount > available:
        return INSUFFICIENT_FUNDS
    return None


def suggested_bank(iban: str) -> Bank | None:
    """The bank an IBAN names by its code, once the IBAN is whole and its checksum holds."""
    if validate_iban(iban) is not None:
        return None
    return bank_for_iban(iban)


def bank_of_bic(bic: str) -> Bank | None:
    return bank_by_bic(bic.strip()) if bic.strip() else None
