"""Contact details a client may ask the broker to change: a Kazakh mobile and an e-mail."""

from __future__ import annotations

import re

KZ_MOBILE_PREFIXES = frozenset(
    {"700", "701", "702", "705", "706", "707", "708", "747"}
    | {"760", "761", "762", "763", "764", "771", "775", "776", "777", "778", "785"}
)
"""Mobile operator codes (DOMAIN.md): +7 7xx xxx xx xx."""
MAX_PHONE_INPUT = 32
MAX_EMAIL = 254
"""RFC 5321's limit on a forward path, the longest address worth accepting."""
MAX_EMAIL_LOCAL = 64

PHONE_REQUIRED = "phone_required"
PHONE_INVALID = "phone_invalid"
PHONE_NOT_MOBILE = "phone_not_mobile"
EMAIL_REQUIRED = "email_required"
EMAIL_INVALID = "email_invalid"
EMAIL_TOO_LONG = "email_too_long"
SAME_AS_CURRENT = "same_as_current"
NOTHING_TO_CHANGE = "nothing_to_change"

_PHONE_CHARS = re.compile(r"^[0-9+()\- ]*$")
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def normalize_phone(text: str) -> str | None:
    """`+77011234567` for a Kazakh mobile typed as +7…, 8… or the 10 digits; else None."""
    text = text.strip()
    if len(text) > MAX_PHONE_INPUT or not _PHONE_CHARS.match(text):
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 10:
        digits = "7" + digits
    elif len(digits) == 11 and digits[0] == "8" and not text.startswith("+"):
        digits = "7" + digits[1:]  # the domestic trunk prefix
    if len(digits) != 11 or digits[0] != "7":
        return None
    return "+" + digits


def phone_error(text: str) -> str | None:
    """Why `text` is not a Kazakh mobile number, or None."""
    if not text.strip():
        return PHONE_REQUIRED
    phone = normalize_phone(text)
    if phone is None:
        return PHONE_INVALID
    if phone[2:5] not in KZ_MOBILE_PREFIXES:
        return PHONE_NOT_MOBILE
    return None


def normalize_email(text: str) -> str:
    """The address as stored: trimmed, the domain in lower case (the local part is the
    mailbox owner's and may be case-sensitive)."""
    local, at, domain = text.strip().rpartition("@")
    return f"{local}{at}{domain.lower()}" if at else text.strip()


def email_error(text: str) -> str | None:
    """Why `text` is not a plausible e-mail address, or None (no DNS, no mail sent)."""
    text = text.strip()
    if not text:
        return EMAIL_REQUIRED
    if len(text) > MAX_EMAIL:
        return EMAIL_TOO_LONG
    local, at, domain = text.rpartition("@")
    if not at or not local or len(local) > MAX_EMAIL_LOCAL or not _LOCAL.match(local):
        return EMAIL_INVALID
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return EMAIL_INVALID
    if labels[-1].isdigit() or len(labels[-1]) < 2:
        return EMAIL_INVALID
    return None
