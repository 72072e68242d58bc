"""Phone numbers as the cabinet shows them: masked, so a screen never shows a whole one."""

from __future__ import annotations


def mask_phone(phone: str) -> str:
    """+7 701 *** ** 67: enough for the user to recognise, not enough to misuse."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) != 11:
        return "***"
    return f"+{digits[0]} {digits[1:4]} *** ** {digits[9:]}"
