"""Every text/background pair of every theme meets WCAG 2.1 AA (issue 18, "Contrast").

Reads the themes' stylesheets (resources/styles/*.qss) and palettes (state/theme.py) and
pairs what is drawn with what it is drawn on as `qss_pairs` describes; the colours the
Python painting code uses (tones, trend colours, flashes, pills, candles, icons) are paired
with the table and window backgrounds they are painted on.

Thresholds: 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold), 3:1 for focus
rings, field and check box boundaries and meaningful dots and candles; the high-contrast
theme's stylesheet and palette text 7:1. Not checked, as WCAG exempts them: disabled
controls' text (1.4.3 "inactive user interface components"), decorative pictures (the empty
states' grey illustrations) and the allocation ring, whose legend says in text what each
colour is.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from qss_pairs import Selector, Sheet, parse_compound, parse_sheet

from cesec_desktop.domain.contrast import (
    AA_LARGE_TEXT,
    AA_TEXT,
    AAA_TEXT,
    NON_TEXT,
    Rgba,
    composite,
    contrast_ratio,
    parse_color,
)
from cesec_desktop.state.theme import MODES, PALETTES, scheme_is_dark
from cesec_desktop.state.vocabulary import TONE_COLORS
from cesec_desktop.views import delegates
from cesec_desktop.views.widgets import book_table, candlestick_item

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"
SCHEMES = [mode for mode in MODES if mode != "system"]


def sheet(scheme: str) -> Sheet:
    return parse_sheet((STYLES / f"{scheme}.qss").read_text(encoding="utf-8"), PALETTES[scheme])


def text_minimum(scheme: str, large: bool) -> float:
    if scheme == "high_contrast":
        return AAA_TEXT
    return AA_LARGE_TEXT if large else AA_TEXT


PAINTED_MINIMUM = AA_TEXT
"""Painted tones and trends share the dark theme's shades in the high-contrast theme (the
painting code knows light from dark only), so they are held to AA there: 7:1 on black,
a little less on a selected row's tint."""


def describe(failures: list[str]) -> str:
    return "\n".join(sorted(set(failures)))


def ratio_failures(label: str, fg: Rgba, backs: list[Rgba], minimum: float) -> list[str]:
    return [
        f"{label}: {fg.hex()} on {back.hex()} = {ratio:.2f} < {minimum}"
        for back in backs
        if (ratio := contrast_ratio(composite(fg, back), back)) < minimum
    ]


def selector(text: str) -> Selector:
    return Selector(tuple(parse_compound(p) for p in text.split()))


def test_every_theme_has_a_sheet_and_a_palette() -> None:
    assert set(SCHEMES) == {"light", "dark", "high_contrast"}
    for scheme in SCHEMES:
        assert (STYLES / f"{scheme}.qss").is_file()
        assert scheme in PALETTES


def test_the_pairing_reads_the_cascade() -> None:
    """A check of the checker: a primary button's hover is white on its own darker blue,
    a list table's selected item a tint over the table's white and alternate rows."""
    light = sheet("light")
    hover = selector('QPushButton[role="primary"]:hover')
    assert light.foreground(hover) == parse_color("#ffffff")
    assert light.backdrops(hover) == [parse_color(light.value(hover, "background") or "")]
    item = selector('QTableView[role="listTable"]::item:selected')
    backs = light.backdrops(item)
    assert len(backs) == 2 and all(b.opaque for b in backs)
    assert backs[0] != parse_color("#ffffff")
    label = selector('QLabel[role="muted"]')
    assert parse_color(PALETTES["light"]["window"]) in light.backdrops(label)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_stylesheet_text_pairs(scheme: str) -> None:
    styles = sheet(scheme)
    failures: list[str] = []
    targets = list(styles.text_targets())
    assert len(targets) > 100
    for target in targets:
        minimum = text_minimum(scheme, styles.is_large(target))
        fg = styles.foreground(target)
        failures += ratio_failures(target.text(), fg, styles.backdrops(target), minimum)
        # Selected text in fields and tables.
        chosen = styles.color(styles.value(target, "selection-background-color"))
        if chosen is not None:
            picked = styles.color(styles.value(target, "selection-color")) or styles.pal(
                "highlighted_text"
            )
            backs = [composite(chosen, b) for b in styles.backdrops(target)]
            failures += ratio_failures(f"{target.text()} (selection)", picked, backs, minimum)
    assert not failures, describe(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_palette_text_pairs(scheme: str) -> None:
    palette = {k: parse_color(v) for k, v in PALETTES[scheme].items()}
    minimum = text_minimum(scheme, large=False)
    failures: list[str] = []
    for fg, backs in (
        ("text", ("window", "base", "alternate", "button")),
        ("muted", ("window", "base", "alternate", "button")),
        ("link", ("window", "base", "alternate")),
        ("highlighted_text", ("highlight",)),
        ("tooltip_text", ("tooltip",)),
        # Stale quotes are painted in the disabled text colour and must stay readable.
        ("disabled", ("base", "alternate")),
    ):
        failures += ratio_failures(
            f"palette {fg}", palette[fg], [palette[b] for b in backs], minimum
        )
    assert not failures, describe(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_focus_rings(scheme: str) -> None:
    """Every focusable widget shows a ring when focused: a border of its own colour, not
    its unfocused one, 3:1 against what the widget lies on."""
    styles = sheet(scheme)
    failures: list[str] = []
    targets = list(styles.focus_targets())
    assert len(targets) > 20
    for target in targets:
        ring = styles.border(target)
        resting = styles.border(target.with_subject(replace(target.subject, states=frozenset())))
        if ring is None:
            failures.append(f"{target.text()}: no focus ring")
            continue
        if ring == resting:
            failures.append(f"{target.text()}: the ring is the unfocused border {ring.hex()}")
        failures += ratio_failures(target.text(), ring, styles.underneath(target), NON_TEXT)
    # A focused check box rings its box; the keyboard's place in a menu is its selected item.
    for text, resting_text in (
        ("QCheckBox::indicator:focus", "QCheckBox::indicator"),
        ("QMenu::item:selected", "QMenu::item"),
    ):
        ring = styles.border(selector(text))
        assert ring is not None and ring != styles.border(selector(resting_text)), text
        failures += ratio_failures(text, ring, styles.underneath(selector(text)), NON_TEXT)
    assert not failures, describe(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_boundaries_that_identify_controls(scheme: str) -> None:
    """A field is white on white cards and a check box an empty square: their borders are
    all that shows where to type or click, so they need 3:1 (1.4.11). So do the
    connection dot's states."""
    styles = sheet(scheme)
    failures: list[str] = []
    for text in (
        "QLineEdit",
        "QComboBox",
        'QDateEdit[role="rangeEdit"]',
        "QCheckBox::indicator",
        "QCheckBox::indicator:checked",
    ):
        target = selector(text)
        border = styles.border(target)
        assert border is not None, text
        failures += ratio_failures(text, border, styles.underneath(target), NON_TEXT)
    for state in ("online", "reconnecting", "offline", "connecting"):
        target = selector(f'QLabel#connectionDot[state="{state}"]')
        dot = styles.color(styles.value(target, "background"))
        assert dot is not None
        failures += ratio_failures(target.text(), dot, styles.surfaces(), NON_TEXT)
    assert not failures, describe(failures)


PILL_ALPHA = 0.14
"""A painted pill's fill: its tone at this alpha (delegates `_paint_pill`)."""
FLASH_ALPHA = 0.24
"""A quote flash at its strongest (delegates `_tint`)."""


def table_rows(styles: Sheet) -> tuple[list[Rgba], list[Rgba], list[Rgba]]:
    """What a table cell's painting lies on: plain and alternate rows, hovered rows and
    selected rows (the selection's tint laid as many times as the style lays it)."""
    rows = styles.backdrops(selector('QTableView[role="listTable"]'))
    rows += [styles.pal("base"), styles.pal("alternate")]
    tint = styles.color(styles.value(selector("QTableView"), "selection-background-color"))
    assert tint is not None
    hovered, selected = [], []
    for row in rows:
        chosen = row
        for _ in range(book_table.SELECTED_LAYERS):
            chosen = composite(tint, chosen)
        selected.append(chosen)
        hovered.append(composite(Rgba(*tint[:3], tint.a * book_table.HOVER_SHARE), row))
    return rows, hovered, selected


def tones_for(scheme: str) -> dict[str, Rgba]:
    tones = TONE_COLORS["dark" if scheme_is_dark(scheme) else "light"]
    return {str(tone): parse_color(color) for tone, color in tones.items()}


def tinted(color: Rgba, alpha: float, backs: list[Rgba]) -> list[Rgba]:
    return [composite(Rgba(*color[:3], alpha), b) for b in backs]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_painted_tones_and_pills(scheme: str) -> None:
    """Sides, statuses and markets are painted in their tone's colour on table rows (the
    book table and the delegates), pills on a tint of it."""
    styles = sheet(scheme)
    minimum = PAINTED_MINIMUM
    rows, hovered, selected = table_rows(styles)
    failures: list[str] = []
    for tone, color in tones_for(scheme).items():
        failures += ratio_failures(f"tone {tone}", color, rows + hovered + selected, minimum)
        pills = tinted(color, PILL_ALPHA, rows + hovered + selected)
        failures += ratio_failures(f"pill {tone}", color, pills, minimum)
    assert not failures, describe(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_painted_quotes_and_flashes(scheme: str) -> None:
    """Quote cells: green/red change text on any row; the change and plain text over a
    green/red flash at its strongest on plain and hovered rows (a flash on a selected row
    fades within the second and is not held to the bar)."""
    styles = sheet(scheme)
    minimum = PAINTED_MINIMUM
    dark = scheme_is_dark(scheme)
    rows, hovered, selected = table_rows(styles)
    failures: list[str] = []
    for up in (True, False):
        trend = Rgba(*(float(c) for c in delegates._TREND_COLORS[(up, dark)].getRgb()[:3]))
        failures += ratio_failures(f"trend up={up}", trend, rows + hovered + selected, minimum)
        flashes = tinted(trend, FLASH_ALPHA, rows + hovered)
        for fg in (styles.pal("text"), trend):
            failures += ratio_failures(f"flash up={up} {fg.hex()}", fg, flashes, minimum)
    assert not failures, describe(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_painted_graphics(scheme: str) -> None:
    """Candles on the chart's base; the done and key icons on the window (3:1)."""
    from cesec_desktop.views import eds_dialog, order_form

    palette = {k: parse_color(v) for k, v in PALETTES[scheme].items()}
    failures: list[str] = []
    for name, color in (
        ("candle up", Rgba(*candlestick_item.UP.getRgb()[:3])),
        ("candle down", Rgba(*candlestick_item.DOWN.getRgb()[:3])),
    ):
        failures += ratio_failures(name, color, [palette["base"]], NON_TEXT)
    for name, text in (
        ("done icon", order_form.SUCCESS_GREEN),
        ("key icon", eds_dialog.ERROR_RED),
    ):
        failures += ratio_failures(name, parse_color(text), [palette["window"]], NON_TEXT)
    assert not failures, describe(failures)
