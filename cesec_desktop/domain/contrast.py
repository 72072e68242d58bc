"""WCAG 2.1 contrast: colours as QSS writes them, relative luminance, contrast ratios.

Pure functions over numbers, so the themes' colours can be checked without Qt: the contrast
test reads the stylesheets and palettes and asks `contrast_ratio` of every pair on screen.
Formulas from WCAG 2.1, "relative luminance" and "contrast ratio" (sRGB, 0.04045 knee).
"""

from __future__ import annotations

import re
from typing import NamedTuple

AA_TEXT = 4.5
"""Success criterion 1.4.3: normal text against its background."""
AA_LARGE_TEXT = 3.0
"""1.4.3 for large text (18 pt, or 14 pt bold)."""
NON_TEXT = 3.0
"""1.4.11: focus rings, component boundaries and graphics that carry meaning."""
AAA_TEXT = 7.0
"""1.4.6, which the high-contrast theme aims for."""

LARGE_PX = 24.0
LARGE_BOLD_PX = 18.66
BOLD_WEIGHT = 600
"""Qt's DemiBold and up; WCAG's "bold" is not defined in weights, 600 reads as bold."""


class Rgba(NamedTuple):
    """A colour: red, green and blue in 0..255, alpha in 0..1."""

    r: float
    g: float
    b: float
    a: float = 1.0

    @property
    def opaque(self) -> bool:
        return self.a >= 1.0

    def hex(self) -> str:
        return "#{:02x}{:02x}{:02x}".format(*(round(c) for c in self[:3]))


_NAMED = {
    "transparent": Rgba(0, 0, 0, 0.0),
    "white": Rgba(255, 255, 255),
    "black": Rgba(0, 0, 0),
    "yellow": Rgba(255, 255, 0),
}
_FUNCTION = re.compile(r"rgba?\(\s*([^)]*)\)", re.IGNORECASE)


def parse_color(text: str) -> Rgba:
    """A colour as QSS or QColor spell it: #rgb, #rrggbb, #aarrggbb, rgb(), rgba(), a name.

    rgba()'s alpha is a fraction when written with a decimal point (0.12) and 0..255 when an
    integer (36), as Qt's stylesheet parser reads both.
    """
    value = text.strip().lower()
    if value in _NAMED:
        return _NAMED[value]
    if value.startswith("#"):
        digits = value[1:]
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        if len(digits) == 8:
            alpha, digits = int(digits[:2], 16) / 255, digits[2:]
        else:
            alpha = 1.0
        if len(digits) != 6:
            raise ValueError(f"not a colour: {text!r}")
        r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
        return Rgba(r, g, b, alpha)
    match = _FUNCTION.fullmatch(value)
    if match is None:
        raise ValueError(f"not a colour: {text!r}")
    parts = [p.strip() for p in match.group(1).split(",")]
    if len(parts) not in (3, 4):
        raise ValueError(f"not a colour: {text!r}")
    r, g, b = (float(p) for p in parts[:3])
    alpha = 1.0
    if len(parts) == 4:
        raw = parts[3]
        alpha = float(raw) if "." in raw else int(raw) / 255
    return Rgba(r, g, b, min(1.0, max(0.0, alpha)))


def composite(top: Rgba, bottom: Rgba) -> Rgba:
    """`top` painted over `bottom` (source-over), as a translucent tint lies on a surface."""
    a = top.a + bottom.a * (1 - top.a)
    if a == 0:
        return Rgba(0, 0, 0, 0.0)

    def mix(t: float, b: float) -> float:
        return (t * top.a + b * bottom.a * (1 - top.a)) / a

    return Rgba(mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), a)


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: Rgba) -> float:
    """WCAG's relative luminance of an opaque colour, 0 (black) to 1 (white)."""
    if not color.opaque:
        raise ValueError(f"translucent colour {color}: composite it over its background first")
    return 0.2126 * _linear(color.r) + 0.7152 * _linear(color.g) + 0.0722 * _linear(color.b)


def contrast_ratio(first: Rgba, second: Rgba) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def is_large_text(px: float, weight: int = 400) -> bool:
    """WCAG's large text: 24 px (18 pt), or 18.66 px (14 pt) in bold."""
    return px >= LARGE_PX or (px >= LARGE_BOLD_PX and weight >= BOLD_WEIGHT)


def required_ratio(large: bool) -> float:
    return AA_LARGE_TEXT if large else AA_TEXT
