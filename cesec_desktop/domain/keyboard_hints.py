"""Why a typed password may be wrong before it is sent: Caps Lock, or a non-Latin layout.

The seeds name both as the commonest causes of "wrong password". Qt cannot ask the system
whether Caps Lock is on, so it is guessed from what each key press gives: an upper-case
letter typed without Shift, or a lower-case one typed with Shift, means Caps Lock is on; the
other two cases mean it is off; anything that is not a cased letter says nothing. Pressing
the Caps Lock key flips a known state.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Script(StrEnum):
    """A layout other than English, as the letters it types show."""

    CYRILLIC = "cyrillic"
    OTHER = "other"


def caps_lock_from_key(char: str, shift: bool) -> bool | None:
    """What one typed character says about Caps Lock: on, off, or nothing (not a cased letter)."""
    if len(char) != 1 or not char.isalpha() or char.isupper() == char.islower():
        return None
    # Caps Lock inverts Shift for letters: upper-case without Shift, lower-case with it.
    return char.isupper() != shift


def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def non_latin_script(text: str) -> Script | None:
    """The non-Latin script the letters of `text` are in (Cyrillic first), or None."""
    found: Script | None = None
    for char in text:
        if not char.isalpha():
            continue
        script = _script_of(char)
        if script == "LATIN":
            continue
        if script == "CYRILLIC":
            return Script.CYRILLIC
        found = Script.OTHER
    return found


@dataclass(slots=True)
class CapsLockGuess:
    """Caps Lock as the keys typed so far show it: True, False, or None (not known yet)."""

    on: bool | None = None

    def typed(self, char: str, shift: bool) -> bool | None:
        """A character was typed, with or without Shift; returns the guess after it."""
        verdict = caps_lock_from_key(char, shift)
        if verdict is not None:
            self.on = verdict
        return self.on

    def toggled(self) -> bool | None:
        """The Caps Lock key itself was pressed: a known state flips, an unknown stays so."""
        if self.on is not None:
            self.on = not self.on
        return self.on
