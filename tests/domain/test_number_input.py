"""Typed numbers: the number the text means, or a reason; never a silently different number."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cesec_desktop.domain.number_input import (
    MAX_LENGTH,
    NUMBER_CHARACTER,
    NUMBER_DIGITS,
    NUMBER_GROUPING,
    NUMBER_MARKS,
    NUMBER_NEGATIVE,
    NUMBER_PLACES,
    NUMBER_SPACES,
    NUMBER_TOO_LONG,
    NUMBER_WHOLE,
    read_number,
)


@pytest.mark.parametrize(
    ("text", "places", "value"),
    [
        ("385", 2, Decimal("385")),
        ("385.5", 2, Decimal("385.5")),
        ("385,5", 2, Decimal("385.5")),
        (" 1 234,50 ", 2, Decimal("1234.50")),
        ("50\u00a0000,00", 2, Decimal("50000")),
        ("0.0001", 4, Decimal("0.0001")),
        (".5", 2, Decimal("0.5")),
        ("5.", 2, Decimal("5")),
        ("\uff11\uff12\uff13", 0, Decimal("123")),  # full-width
        ("\u0663\u066b\u0665", 2, Decimal("3.5")),  # Arabic-Indic, Arabic decimal mark
        ("\u0967\u0966", 0, Decimal("10")),  # Devanagari
        ("１２，５", 2, Decimal("12.5")),  # full-width comma
    ],
)
def test_a_number_is_read_as_typed(text: str, places: int, value: Decimal) -> None:
    reading = read_number(text, places=places)
    assert reading.ok and reading.value == value


@pytest.mark.parametrize(("text", "places"), [("", 2), ("   ", 0), (".", 2), (",", 4)])
def test_nothing_yet_is_no_number_and_no_error(text: str, places: int) -> None:
    assert read_number(text, places=places).value is None
    assert read_number(text, places=places).ok


@pytest.mark.parametrize(
    ("text", "places", "error"),
    [
        # The cases: each once became a different number.
        ("1.5", 0, NUMBER_WHOLE),
        ("1,5", 0, NUMBER_WHOLE),
        ("1e5", 0, NUMBER_CHARACTER),
        ("-5", 0, NUMBER_NEGATIVE),
        ("1e3", 4, NUMBER_CHARACTER),
        ("-100", 2, NUMBER_NEGATIVE),
        # And their relatives.
        ("\u22125", 2, NUMBER_NEGATIVE),
        (" \uff0d5", 2, NUMBER_NEGATIVE),
        ("5-", 2, NUMBER_CHARACTER),
        ("+5", 2, NUMBER_CHARACTER),
        ("5²", 2, NUMBER_CHARACTER),
        ("1_000", 2, NUMBER_CHARACTER),
        ("12a", 2, NUMBER_CHARACTER),
        ("1,234.5", 4, NUMBER_MARKS),
        ("1.2.3", 4, NUMBER_MARKS),
        ("1 5", 2, NUMBER_SPACES),
        ("1 2345", 2, NUMBER_SPACES),
        ("1,5 0", 2, NUMBER_SPACES),
        ("1.123", 2, NUMBER_PLACES),
        ("5.", 0, NUMBER_WHOLE),
        ("1" * 16, 2, NUMBER_DIGITS),
        ("1" * (MAX_LENGTH + 1), 2, NUMBER_TOO_LONG),
    ],
)
def test_anything_else_is_refused_with_a_reason(text: str, places: int, error: str) -> None:
    reading = read_number(text, places=places)
    assert reading.error == error and reading.value is None


def test_the_refused_character_is_named() -> None:
    assert read_number("1e5", places=0).detail == "e"


def test_a_comma_before_three_digits_in_english_is_not_read_as_a_fraction() -> None:
    # "1,500" is fifteen hundred to an English reader: refused, not read as 1.5.
    assert read_number("1,500", places=4, group_mark=",").error == NUMBER_GROUPING
    assert read_number("1,500", places=0, group_mark=",").error == NUMBER_GROUPING
    # Where the thousands separator is a space, the comma is the decimal mark.
    assert read_number("1,500", places=4, group_mark="\u00a0").value == Decimal("1.5")
    assert read_number("1,5", places=4, group_mark=",").value == Decimal("1.5")
    assert read_number("1.500", places=4, group_mark=",").value == Decimal("1.5")
