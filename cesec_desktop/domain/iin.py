"""IIN (individual identification number) check: format, birth date and check digit."""

from __future__ import annotations

import datetime
import re

IIN_ERROR_FORMAT = "iin_format"
IIN_ERROR_DATE = "iin_date"
IIN_ERROR_CHECKSUM = "iin_checksum"

# [0-9] and not \d: \d also matches Arabic-Indic and other Unicode digits.
_IIN_RE = re.compile(r"[0-9]{12}")
_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
# 7th digit: odd = male, even = female; the pair says the birth century.
_CENTURY_BY_DIGIT = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}
_SERIALS = 10_000


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11


def iin_check_digit(first11: str) -> int | None:
    """The 12th digit for these 11 digits, or None when no valid IIN starts with them."""
    if len(first11) != 11 or not first11.isascii() or not first11.isdigit():
        raise ValueError("expected 11 ASCII digits")
    check = _weighted(first11, _FIRST_WEIGHTS)
    if check == 10:
        check = _weighted(first11, _SECOND_WEIGHTS)
    return None if check == 10 else check


def _birth_date(iin: str) -> datetime.date | None:
    century = _CENTURY_BY_DIGIT.get(int(iin[6]))
    if century is None:
        return None
    try:
        return datetime.date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return None


def validate_iin(value: str) -> str | None:
    """None when the IIN is valid, else IIN_ERROR_FORMAT, IIN_ERROR_DATE or IIN_ERROR_CHECKSUM.

    The birth date is not compared with today: the domain has no clock, and a backend
    may issue numbers the client cannot foresee.
    """
    iin = value.strip()
    if not _IIN_RE.fullmatch(iin):
        return IIN_ERROR_FORMAT
    if _birth_date(iin) is None:
        return IIN_ERROR_DATE
    if iin_check_digit(iin[:11]) != int(iin[11]):
        return IIN_ERROR_CHECKSUM
    return None


def is_valid_iin(value: str) -> bool:
    """True when validate_iin finds nothing wrong."""
    return validate_iin(value) is None


def _century_digit(birth: datetime.date, male: bool) -> int:
    base = {1800: 1, 1900: 3, 2000: 5}.get(birth.year // 100 * 100)
    if base is None:
        raise ValueError("an IIN encodes birth years 1800 to 2099 only")
    return base if male else base + 1


def make_iin(birth: datetime.date, male: bool, serial: int) -> str:
    """A valid IIN for this person: the first serial from `serial` on that has a check digit."""
    if not 0 <= serial < _SERIALS:
        raise ValueError("serial must be 0..9999")
    prefix = f"{birth:%y%m%d}{_century_digit(birth, male)}"
    # Wraps past 9999; about one serial in eleven has no check digit, so this ends quickly.
    for offset in range(_SERIALS):
        first11 = f"{prefix}{(serial + offset) % _SERIALS:04d}"
        check = iin_check_digit(first11)
        if check is not None:
            return f"{first11}{check}"
    raise AssertionError("unreachable: every prefix has serials with a check digit")
