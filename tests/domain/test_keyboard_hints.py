"""Caps Lock and layout guesses from what the keys type."""

from __future__ import annotations

import pytest

from cesec_desktop.domain.keyboard_hints import (
    CapsLockGuess,
    Script,
    caps_lock_from_key,
    non_latin_script,
)


@pytest.mark.parametrize(
    ("char", "shift", "expected"),
    [
        ("A", False, True),  # upper-case without Shift: Caps Lock
        ("a", True, True),  # lower-case with Shift: Caps Lock inverts Shift
        ("A", True, False),
        ("a", False, False),
        ("Ж", False, True),  # Cyrillic letters are cased too
        ("қ", True, True),
        ("1", False, None),  # not a letter: says nothing
        ("#", True, None),
        ("", False, None),
        ("ab", False, None),
        ("中", False, None),  # a letter without case says nothing
    ],
)
def test_one_key_says_on_off_or_nothing(char: str, shift: bool, expected: bool | None) -> None:
    assert caps_lock_from_key(char, shift) is expected


def test_the_guess_keeps_what_letters_said_and_flips_on_the_caps_lock_key() -> None:
    guess = CapsLockGuess()
    assert guess.toggled() is None  # unknown stays unknown
    assert guess.typed("1", False) is None
    assert guess.typed("P", False) is True
    assert guess.typed("9", False) is True  # a digit keeps the last verdict
    assert guess.toggled() is False
    assert guess.typed("a", False) is False
    assert guess.toggled() is True
    assert guess.typed("A", True) is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demo#2026", None),
        ("", None),
        ("123456!", None),
        ("Crème#2026", None),  # Latin with accents is still Latin
        ("Вуьщ#2026", Script.CYRILLIC),
        ("Қ", Script.CYRILLIC),
        ("abc Ж", Script.CYRILLIC),
        ("αβγ", Script.OTHER),
        ("αЖ", Script.CYRILLIC),  # Cyrillic is named first, whatever comes before
    ],
)
def test_non_latin_letters_name_their_script(text: str, expected: Script | None) -> None:
    assert non_latin_script(text) is expected
