"""The cabinet's password policy (API.md, KASE is2in rules): every rule a password breaks.

Character classes follow Python's Unicode predicates, so a Cyrillic or Kazakh "Ж" counts
as upper-case and "ж" as lower-case: users type on ru/kk layouts and the server sees the
same str. Digits are decimal digits of any script (str.isdecimal); a symbol is any other
printable character that is neither a letter/digit nor whitespace. Length counts code
points, as the server does.
"""

from __future__ import annotations

from enum import StrEnum

MIN_LENGTH = 8
MAX_LENGTH = 12


class PasswordRule(StrEnum):
    LENGTH = "length"
    DIGIT = "digit"
    UPPER = "upper"
    LOWER = "lower"
    SYMBOL = "symbol"
    NOT_CURRENT = "not_current"


POLICY_RULES: tuple[PasswordRule, ...] = (
    PasswordRule.LENGTH,
    PasswordRule.DIGIT,
    PasswordRule.UPPER,
    PasswordRule.LOWER,
    PasswordRule.SYMBOL,
)


def _is_symbol(ch: str) -> bool:
    return ch.isprintable() and not ch.isalnum() and not ch.isspace()


def password_violations(new: str, current: str | None = None) -> list[PasswordRule]:
    """Every rule `new` breaks, in PasswordRule order; empty when it may be used."""
    broken = {
        PasswordRule.LENGTH: not MIN_LENGTH <= len(new) <= MAX_LENGTH,
        PasswordRule.DIGIT: not any(ch.isdecimal() for ch in new),
        PasswordRule.UPPER: not any(ch.isupper() for ch in new),
        PasswordRule.LOWER: not any(ch.islower() for ch in new),
        PasswordRule.SYMBOL: not any(_is_symbol(ch) for ch in new),
        PasswordRule.NOT_CURRENT: current is not None and new == current,
    }
    return [rule for rule in PasswordRule if broken[rule]]
