"""WCAG 2.1 luminance and contrast arithmetic (domain/contrast.py)."""

from __future__ import annotations

import pytest

from cesec_desktop.domain.contrast import (
    Rgba,
    composite,
    contrast_ratio,
    is_large_text,
    parse_color,
    relative_luminance,
)


def test_parses_the_spellings_the_stylesheets_use() -> None:
    assert parse_color("#fff") == Rgba(255, 255, 255)
    assert parse_color("#0B5CAD") == Rgba(11, 92, 173)
    assert parse_color("rgba(11, 92, 173, 0.12)").a == pytest.approx(0.12)
    assert parse_color("rgba(11, 92, 173, 36)").a == pytest.approx(36 / 255)
    assert parse_color("#800b5cad") == Rgba(11, 92, 173, 128 / 255)
    assert parse_color("transparent").a == 0
    with pytest.raises(ValueError):
        parse_color("palette(base)")


def test_luminance_and_ratio_match_wcag() -> None:
    black, white = parse_color("#000"), parse_color("#fff")
    assert relative_luminance(black) == 0
    assert relative_luminance(white) == pytest.approx(1)
    assert contrast_ratio(black, white) == pytest.approx(21)
    assert contrast_ratio(white, black) == contrast_ratio(black, white)
    # Values WebAIM's checker gives: #767676 is the lightest grey at 4.5:1 on white.
    assert contrast_ratio(parse_color("#767676"), white) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(parse_color("#777777"), white) < 4.5


def test_translucent_colours_are_laid_over_their_background() -> None:
    half_black = Rgba(0, 0, 0, 0.5)
    grey = composite(half_black, parse_color("#ffffff"))
    assert grey.opaque and grey.r == pytest.approx(127.5)
    with pytest.raises(ValueError):
        relative_luminance(half_black)


def test_large_text() -> None:
    assert is_large_text(24)
    assert not is_large_text(23.9)
    assert is_large_text(18.66, weight=700)
    assert not is_large_text(18.66, weight=400)
