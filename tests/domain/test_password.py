"""Password policy: every broken rule is reported, in order, for any candidate."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cesec_desktop.domain.password import POLICY_RULES, PasswordRule, password_violations

# The expectation is computed from explicit character sets, not from str predicates.
CYRILLIC_UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ"
CYRILLIC_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
UPPER = set(string.ascii_uppercase + CYRILLIC_UPPER)
LOWER = set(string.ascii_lowercase + CYRILLIC_LOWER)
DIGITS = set(string.digits)
SYMBOLS = set(string.punctuation + "№€«»—")
ALPHABET = "".join(sorted(UPPER | LOWER | DIGITS | SYMBOLS)) + " "

candidates = st.text(alphabet=ALPHABET, max_size=16)


def _expected(new: str, current: str | None) -> list[PasswordRule]:
    broken = []
    if not 8 <= len(new) <= 12:
        broken.append(PasswordRule.LENGTH)
    if not set(new) & DIGITS:
        broken.append(PasswordRule.DIGIT)
    if not set(new) & UPPER:
        broken.append(PasswordRule.UPPER)
    if not set(new) & LOWER:
        broken.append(PasswordRule.LOWER)
    if not set(new) & SYMBOLS:
        broken.append(PasswordRule.SYMBOL)
    if current is not None and new == current:
        broken.append(PasswordRule.NOT_CURRENT)
    return broken


def test_policy_rules_are_the_five_character_rules() -> None:
    assert POLICY_RULES == (
        PasswordRule.LENGTH,
        PasswordRule.DIGIT,
        PasswordRule.UPPER,
        PasswordRule.LOWER,
        PasswordRule.SYMBOL,
    )
    assert PasswordRule.NOT_CURRENT not in POLICY_RULES


@pytest.mark.parametrize(
    "password", ["Passw0rd!", "Aa1!Aa1!", "Aa1!Aa1!Aa1!", "Пароль1!", "Құпия9$сөз"]
)
def test_good_passwords(password: str) -> None:
    assert password_violations(password) == []


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("", list(POLICY_RULES)),
        ("Aa1!Aa1", [PasswordRule.LENGTH]),
        ("Aa1!Aa1!Aa1!A", [PasswordRule.LENGTH]),
        ("Password!", [PasswordRule.DIGIT]),
        ("password1!", [PasswordRule.UPPER]),
        ("PASSWORD1!", [PasswordRule.LOWER]),
        ("Password1", [PasswordRule.SYMBOL]),
        ("Pass word1", [PasswordRule.SYMBOL]),  # a space is not a symbol
        ("password", [PasswordRule.DIGIT, PasswordRule.UPPER, PasswordRule.SYMBOL]),
    ],
)
def test_broken_rules(password: str, expected: list[PasswordRule]) -> None:
    assert password_violations(password) == expected


def test_not_current_only_when_equal() -> None:
    assert password_violations("Passw0rd!", "Passw0rd!") == [PasswordRule.NOT_CURRENT]
    assert password_violations("Passw0rd!", "Passw0rd?") == []
    assert password_violations("Passw0rd!", None) == []
    assert password_violations("", "") == [*POLICY_RULES, PasswordRule.NOT_CURRENT]


@given(candidates, st.one_of(st.none(), candidates))
def test_reports_exactly_the_broken_rules(new: str, current: str | None) -> None:
    assert password_violations(new, current) == _expected(new, current)


@given(candidates)
def test_against_itself_as_current_always_adds_not_current(new: str) -> None:
    assert password_violations(new, new)[-1] is PasswordRule.NOT_CURRENT


@given(st.text(max_size=20))
def test_any_text_gives_ordered_unique_rules(new: str) -> None:
    rules = password_violations(new)
    order = list(PasswordRule)
    assert rules == sorted(set(rules), key=order.index)
    assert PasswordRule.NOT_CURRENT not in rules
