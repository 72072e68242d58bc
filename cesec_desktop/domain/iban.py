"""Kazakh IBAN (ИИК) check: shape, ISO 13616 mod 97, and the bank behind the code."""

from __future__ import annotations

import re

from cesec_desktop.domain.banks import Bank, bank_by_bic, bank_by_code

IBAN_ERROR_FORMAT = "iban_format"
IBAN_ERROR_COUNTRY = "iban_country"
IBAN_ERROR_CHECKSUM = "iban_checksum"
IBAN_ERROR_BANK_UNKNOWN = "iban_bank_unknown"
IBAN_ERROR_BANK_MISMATCH = "iban_bank_mismatch"

KZ_IBAN_LENGTH = 20
# DOMAIN.md: KZ + 2 check digits + 3-digit bank code + 13 alphanumerics.
_KZ_RE = re.compile(r"KZ[0-9]{2}[0-9]{3}[0-9A-Z]{13}")
# Any country's IBAN shape (ISO 13616: 15 to 34 characters), to tell "wrong country" apart
# from "not an IBAN at all".
_ANY_RE = re.compile(r"[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}")
_ACCOUNT_RE = re.compile(r"[0-9A-Z]{13}")
_BANK_CODE_RE = re.compile(r"[0-9]{3}")


def normalize_iban(value: str) -> str:
    """Drop all whitespace (users paste "KZ47 6010 ...") and upper-case."""
    return "".join(value.split()).upper()


def _as_number(text: str) -> int:
    # int(ch, 36) maps 0-9 to themselves and A..Z to 10..35, as ISO 13616 wants.
    return int("".join(str(int(ch, 36)) for ch in text))


def iban_checksum_ok(iban: str) -> bool:
    """ISO 13616: the first four characters moved to the end give 1 mod 97.

    Check digits 00, 01 and 99 are refused: ISO 7064 never produces them, and 01 would
    otherwise pass wherever 98 does.
    """
    text = normalize_iban(iban)
    if len(text) < 5 or not text.isascii() or not text.isalnum() or not text[2:4].isdigit():
        return False
    if not 2 <= int(text[2:4]) <= 98:
        return False
    return _as_number(text[4:] + text[:4]) % 97 == 1


def validate_iban(value: str, bic: str | None = None) -> str | None:
    """None when `value` is a valid KZ IBAN of a known bank (and of `bic`'s bank), else a code.

    A blank `bic` counts as not given: whether the BIC is required is the form's business.
    """
    iban = normalize_iban(value)
    if not _KZ_RE.fullmatch(iban):
        looks_foreign = _ANY_RE.fullmatch(iban) is not None and not iban.startswith("KZ")
        return IBAN_ERROR_COUNTRY if looks_foreign else IBAN_ERROR_FORMAT
    if not iban_checksum_ok(iban):
        return IBAN_ERROR_CHECKSUM
    bank = bank_by_code(iban[4:7])
    if bank is None:
        return IBAN_ERROR_BANK_UNKNOWN
    if bic is not None and bic.strip() and bank_by_bic(bic) != bank:
        return IBAN_ERROR_BANK_MISMATCH
    return None


def bank_for_iban(value: str) -> Bank | None:
    """The bank named by a KZ IBAN's bank code; the checksum is not checked here."""
    iban = normalize_iban(value)
    if not _KZ_RE.fullmatch(iban):
        return None
    return bank_by_code(iban[4:7])


def make_iban(bank_code: str, account: str) -> str:
    """A KZ IBAN with correct check digits for a 3-digit bank code and a 13-char account."""
    code = bank_code.strip()
    acct = account.strip().upper()
    if not _BANK_CODE_RE.fullmatch(code):
        raise ValueError("bank code must be 3 digits")
    if not _ACCOUNT_RE.fullmatch(acct):
        raise ValueError("account must be 13 letters or digits")
    body = code + acct
    check = 98 - _as_number(body + "KZ00") % 97
    return f"KZ{check:02d}{body}"


def mask_iban(value: str) -> str:
    """Show the country, check digits and the last four only: "KZ47 **** **** 9714"."""
    iban = normalize_iban(value)
    if len(iban) < 8:
        return "****"
    return f"{iban[:4]} **** **** {iban[-4:]}"
