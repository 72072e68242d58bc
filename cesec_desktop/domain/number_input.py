"""Reading a number the user typed or pasted: the number the text means, or why not.

A number field never rewrites what was typed: "1.5" in a whole-lot quantity is not 15, "1e5"
is not 15 and "-5" is not 5. Either the whole text reads as one number, or it is refused with
a reason the field shows (and the form does not sign). Pure: no Qt, no locale lookups.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

MAX_DIGITS = 15
"""Digits before the decimal mark: more than any price, quantity or amount can have."""
MAX_LENGTH = 64
"""Longer text is no number anyone typed: refused whole (a paste of a page, say)."""

# Error codes, shown by the field in words.
NUMBER_CHARACTER = "number_character"
NUMBER_NEGATIVE = "number_negative"
NUMBER_WHOLE = "number_whole"
NUMBER_PLACES = "number_places"
NUMBER_MARKS = "number_marks"
NUMBER_SPACES = "number_spaces"
NUMBER_DIGITS = "number_digits"
NUMBER_GROUPING = "number_grouping"
NUMBER_TOO_LONG = "number_too_long"

DECIMAL_MARKS = frozenset(",.\uff0c\uff0e\u066b")
"""Comma and point, their full-width forms and the Arabic decimal separator."""
MINUS_SIGNS = frozenset("-\u2212\uff0d\ufe63\u2010\u2011\u2012\u2013\u2014")
"""Hyphen-minus, the minus sign, full-width and small forms and the dashes a keyboard or a
word processor puts in their place: each means "negative" when it leads."""


@dataclass(frozen=True)
class NumberInput:
    """What a field's text reads as: `value` (None while empty), or an `error` code.

    `detail` is the offending character for NUMBER_CHARACTER, else "".
    """

    value: Decimal | None
    error: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def digit_of(char: str) -> int | None:
    """A decimal digit of any script (ASCII, full-width, Arabic-Indic, Devanagari...).

    `unicodedata.decimal`, not `unicodedata.digit`: the latter also reads superscripts and
    circled numbers ("5²" would become 52, though it means 25).
    """
    return unicodedata.decimal(char, None)


def read_number(
    text: str, *, places: int, group_mark: str = "", max_digits: int = MAX_DIGITS
) -> NumberInput:
    """Read `text` as a non-negative number with at most `places` decimals.

    Comma and point are both the decimal mark; spaces may group thousands ("50 000,5").
    `group_mark` is the language's thousands separator: where it is a comma or a point, one
    followed by exactly three digits ("1,500" in English) could mean thousands, and is
    refused rather than read as 1.5.
    """
    if len(text) > MAX_LENGTH:
        return NumberInput(None, NUMBER_TOO_LONG)
    compact = text.strip()
    if not compact:
        return NumberInput(None)
    if compact[0] in MINUS_SIGNS:
        return NumberInput(None, NUMBER_NEGATIVE)
    chars: list[str] = []
    marks: list[str] = []
    for char in compact:
        digit = digit_of(char)
        if digit is not None:
            chars.append(str(digit))
        elif char in DECIMAL_MARKS:
            chars.append(".")
            marks.append(char)
        elif char.isspace():
            chars.append(" ")
        else:
            return NumberInput(None, NUMBER_CHARACTER, char)
    if len(marks) > 1:
        return NumberInput(None, NUMBER_MARKS)
    whole, _, fraction = "".join(chars).partition(".")
    whole = whole.rstrip(" ") if marks else whole
    if " " in fraction or not _grouped_well(whole):
        return NumberInput(None, NUMBER_SPACES)
    whole = whole.replace(" ", "")
    if marks and group_mark in (",", ".") and marks[0] == group_mark and len(fraction) == 3:
        return NumberInput(None, NUMBER_GROUPING)
    if marks and places == 0:
        return NumberInput(None, NUMBER_WHOLE)
    if not whole and not fraction:
        return NumberInput(None)  # a lone decimal mark: a number about to be typed
    if len(fraction) > places:
        return NumberInput(None, NUMBER_PLACES)
    if len(whole) > max_digits:
        return NumberInput(None, NUMBER_DIGITS)
    return NumberInput(Decimal(f"{whole or '0'}.{fraction}" if fraction else whole))


def _grouped_well(whole: str) -> bool:
    """No spaces, or spaces between groups of three digits after a first of one to three."""
    if " " not in whole:
        return True
    first, *rest = whole.split(" ")
    return 1 <= len(first) <= 3 and all(len(group) == 3 for group in rest)
