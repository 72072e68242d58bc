"""The colour pairs a theme's stylesheet puts on screen, for the contrast test.

A stylesheet is read into rules (selector, declarations). Every selector in it, and every
widget selector of it combined with a state some rule styles for its class (`:hover`,
`:checked`, `:focus`, …), is a *target*: something a user can see. A target's properties
come from Qt's cascade: every rule whose selector is no more particular than the target's
(same or a base class, a subset of its ids, properties and states, the same subcontrol, its
ancestors found among the target's) in order of specificity, then of position.

What a target is drawn on (its *backdrops*), most particular first:
- its own background; a translucent one is laid over what lies under it;
- under a subcontrol (`::item`, `::section`) lies its widget (the host selector without
  the subcontrol and its states), and a table's alternate rows as well;
- under a selector with ancestors lies the nearest ancestor's backdrops;
- under anything else lies any surface of the theme, since the selector does not say which:
  the palette's window, base and alternate base, and the background of every container rule
  (frames, cards, panels, bars, dialogs, the page stack). Item views and fields without a
  background of their own lie on the palette's base (and alternate base).
A pair is then (the target's text colour, each backdrop): its `color`, or the palette's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from cesec_desktop.domain.contrast import Rgba, composite, is_large_text, parse_color

# Enough of Qt's class tree for the classes the stylesheets name.
_BASES = {
    "QLabel": "QFrame",
    "QStackedWidget": "QFrame",
    "QAbstractScrollArea": "QFrame",
    "QAbstractItemView": "QAbstractScrollArea",
    "QTableView": "QAbstractItemView",
    "QTableWidget": "QTableView",
    "QHeaderView": "QAbstractItemView",
    "QPlainTextEdit": "QAbstractScrollArea",
    "QFrame": "QWidget",
    "QPushButton": "QAbstractButton",
    "QToolButton": "QAbstractButton",
    "QCheckBox": "QAbstractButton",
    "QAbstractButton": "QWidget",
    "QDateEdit": "QAbstractSpinBox",
    "QAbstractSpinBox": "QWidget",
    "QLineEdit": "QWidget",
    "QComboBox": "QWidget",
    "QMenu": "QWidget",
    "QStatusBar": "QWidget",
    "QDialog": "QWidget",
    "QProgressBar": "QWidget",
}
CONTAINERS = {"QFrame", "QWidget", "QStackedWidget", "QDialog", "QStatusBar"}
ON_BASE = {"QLineEdit", "QComboBox", "QDateEdit", "QTableView", "QTableWidget", "QPlainTextEdit"}
TEXT_TYPES = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QLineEdit",
    "QComboBox",
    "QDateEdit",
    "QTableView",
    "QTableWidget",
    "QHeaderView",
    "QMenu",
    "QPlainTextEdit",
    "QToolTip",
    "QStatusBar",
}
TEXT_SUBCONTROLS = {"", "item", "section"}
NO_TEXT_IDS = {"connectionDot"}
"""Labels that are coloured dots: graphics, checked as such (`graphic_targets`)."""
FOCUSABLE = {
    "QPushButton",
    "QToolButton",
    "QLineEdit",
    "QComboBox",
    "QDateEdit",
    "QTableView",
    "QTableWidget",
    "QPlainTextEdit",
}
DEFAULT_PT = 9.0
"""The application font's size where a rule sets none (Windows' Segoe UI 9 pt)."""

_COLOR_TOKEN = re.compile(
    r"#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|palette\([\w-]+\)|\btransparent\b|\bwhite\b|\bblack\b",
    re.IGNORECASE,
)
_PALETTE_NAMES = {
    "base": "base",
    "alternate-base": "alternate",
    "text": "text",
    "window-text": "text",
    "button-text": "text",
    "window": "window",
    "button": "button",
    "mid": "border",
    "midlight": "border",
    "dark": "border",
    "highlight": "highlight",
    "highlighted-text": "highlighted_text",
    "link": "link",
    "placeholder-text": "muted",
}


@dataclass(frozen=True)
class Compound:
    """One step of a selector: `QPushButton#id[role="x"]:hover::item`."""

    type: str = ""
    id: str = ""
    attrs: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    sub: str = ""

    def text(self) -> str:
        return (
            self.type
            + (f"#{self.id}" if self.id else "")
            + "".join(f"[{a}]" for a in sorted(self.attrs))
            + (f"::{self.sub}" if self.sub else "")
            + "".join(f":{s}" for s in sorted(self.states))
        )


@dataclass(frozen=True)
class Selector:
    parts: tuple[Compound, ...]

    @property
    def subject(self) -> Compound:
        return self.parts[-1]

    def text(self) -> str:
        return " ".join(p.text() for p in self.parts)

    def specificity(self) -> tuple[int, int, int]:
        ids = sum(bool(p.id) for p in self.parts)
        attrs = sum(len(p.attrs) + len(p.states) for p in self.parts)
        types = sum(bool(p.type) + bool(p.sub) for p in self.parts)
        return ids, attrs, types

    def with_subject(self, subject: Compound) -> Selector:
        return Selector((*self.parts[:-1], subject))


@dataclass
class Rule:
    selector: Selector
    declarations: list[tuple[str, str]]
    order: int


@dataclass
class Sheet:
    """A parsed stylesheet and the palette beside it (name → colour, as `PALETTES`)."""

    rules: list[Rule]
    palette: dict[str, str]
    _cache: dict[Selector, list[tuple[str, str]]] = field(default_factory=dict)

    # --- the cascade ------------------------------------------------------------------------

    def declarations(self, target: Selector) -> list[tuple[str, str]]:
        """Every declaration that reaches `target`, in the order Qt applies them."""
        found = self._cache.get(target)
        if found is None:
            rules = [r for r in self.rules if applies(r.selector, target)]
            rules.sort(key=lambda r: (r.selector.specificity(), r.order))
            found = self._cache[target] = [d for r in rules for d in r.declarations]
        return found

    def value(self, target: Selector, *names: str) -> str | None:
        """The last of `names` declared for `target`."""
        result = None
        for name, value in self.declarations(target):
            if name in names:
                result = value
        return result

    def color(self, value: str | None) -> Rgba | None:
        """The first colour in a declaration's value (`1px solid #abc`, `palette(base)`)."""
        if value is None:
            return None
        match = _COLOR_TOKEN.search(value)
        if match is None:
            return None
        token = match.group(0)
        if token.lower().startswith("palette("):
            return parse_color(self.palette[_PALETTE_NAMES[token[8:-1].lower()]])
        return parse_color(token)

    def pal(self, name: str) -> Rgba:
        return parse_color(self.palette[name])

    def foreground(self, target: Selector) -> Rgba:
        own = self.color(self.value(target, "color"))
        if own is not None:
            return own
        if target.subject.type == "QToolTip":
            return self.pal("tooltip_text")
        return self.pal("text")

    def border(self, target: Selector) -> Rgba | None:
        """The colour of the whole border (`border`, `border-color`); None without one."""
        result: Rgba | None = None
        for name, value in self.declarations(target):
            if name == "border":
                result = None if value.strip() in ("none", "0", "0px") else self.color(value)
                if result is None and "solid" in value:
                    result = self.pal("text")  # a border without a colour takes the text's
            elif name == "border-color":
                result = self.color(value)
        if result is not None and result.a == 0:
            return None
        return result

    def is_large(self, target: Selector) -> bool:
        size = self.value(target, "font-size")
        pt = float(size.removesuffix("pt")) if size and size.endswith("pt") else DEFAULT_PT
        weight_text = self.value(target, "font-weight") or "400"
        weight = 700 if weight_text == "bold" else int(weight_text)
        return is_large_text(pt * 4 / 3, weight)

    # --- what lies under a target -------------------------------------------------------

    def surfaces(self) -> list[Rgba]:
        """Every opaque background a widget whose selector names no ancestor may lie on."""
        found = [self.pal("window"), self.pal("base"), self.pal("alternate")]
        for rule in self.rules:
            subject = rule.selector.subject
            if subject.type not in CONTAINERS or subject.states or subject.sub:
                continue
            color = self.color(self.value(rule.selector, "background", "background-color"))
            if color is not None and color.opaque and color not in found:
                found.append(color)
        return found

    def backdrops(self, target: Selector) -> list[Rgba]:
        own = self.color(self.value(target, "background", "background-color"))
        if own is not None and own.opaque:
            return [own]
        under = self.underneath(target)
        if own is None or own.a == 0:
            return under
        return [composite(own, u) for u in under]

    def underneath(self, target: Selector) -> list[Rgba]:
        subject = target.subject
        if subject.sub:
            host = target.with_subject(replace(subject, sub="", states=frozenset()))
            found = self.backdrops(host)
            alternate = self.color(self.value(host, "alternate-background-color"))
            if is_a(subject.type, "QAbstractItemView") and subject.sub == "item":
                found = [*found, alternate or self.pal("alternate")]
            return found
        if len(target.parts) > 1:
            return self.backdrops(Selector(target.parts[:-1]))
        if any(is_a(subject.type, kind) for kind in ON_BASE):
            return [self.pal("base"), self.pal("alternate")]
        return self.surfaces()

    # --- what to check ------------------------------------------------------------------

    def targets(self) -> list[Selector]:
        """Every selector in the sheet, and each widget selector in each state styled for
        its class somewhere in the sheet."""
        found: dict[Selector, None] = {}
        states: dict[str, set[frozenset[str]]] = {}
        for rule in self.rules:
            found[rule.selector] = None
            subject = rule.selector.subject
            if subject.states and not subject.sub:
                states.setdefault(subject.type, set()).add(subject.states)
        for selector in list(found):
            subject = selector.subject
            if subject.states or subject.sub:
                continue
            for kind, variants in states.items():
                if kind and is_a(subject.type, kind):
                    for variant in variants:
                        found[selector.with_subject(replace(subject, states=variant))] = None
        return list(found)

    def text_targets(self) -> Iterator[Selector]:
        for target in self.targets():
            subject = target.subject
            if (
                subject.type in TEXT_TYPES
                and subject.sub in TEXT_SUBCONTROLS
                and subject.id not in NO_TEXT_IDS
                and not any(s in ("disabled", "!enabled") for s in subject.states)
            ):
                yield target

    def focus_targets(self) -> Iterator[Selector]:
        """Each focusable widget selector (no states, no subcontrol), as it looks focused."""
        for target in self.targets():
            subject = target.subject
            if subject.type in FOCUSABLE and not subject.states and not subject.sub:
                yield target.with_subject(replace(subject, states=frozenset({"focus"})))


def is_a(kind: str, base: str) -> bool:
    """Whether class `kind` is `base` or derives from it."""
    current: str | None = kind
    while current:
        if current == base:
            return True
        current = _BASES.get(current)
    return False


def _matches(rule: Compound, target: Compound) -> bool:
    if rule.type not in ("", "*") and not is_a(target.type, rule.type):
        return False
    if rule.id and rule.id != target.id:
        return False
    if not rule.attrs <= target.attrs or rule.sub != target.sub:
        return False
    for state in rule.states:
        if state.startswith("!"):
            if state[1:] in target.states:
                return False
        elif state not in target.states:
            return False
    return True


def applies(rule: Selector, target: Selector) -> bool:
    """Whether a rule with selector `rule` styles the thing `target` names."""
    if not _matches(rule.subject, target.subject):
        return False
    ancestors = iter(target.parts[:-1])
    return all(any(_matches(step, a) for a in ancestors) for step in rule.parts[:-1])


_COMPOUND = re.compile(
    r"(?P<type>[A-Za-z*][\w]*)"
    r"|#(?P<id>[\w-]+)"
    r"|\[(?P<attr>[^\]]+)\]"
    r"|::(?P<sub>[\w-]+)"
    r"|:(?P<state>!?[\w-]+)"
)


def parse_compound(text: str) -> Compound:
    kind, ident, sub = "", "", ""
    attrs: set[str] = set()
    states: set[str] = set()
    position = 0
    while position < len(text):
        match = _COMPOUND.match(text, position)
        if match is None or match.end() == position:
            raise ValueError(f"cannot read selector part {text!r} at {position}")
        if match.group("type"):
            kind = match.group("type")
        elif match.group("id"):
            ident = match.group("id")
        elif match.group("attr"):
            attrs.add(match.group("attr").replace("'", '"').replace(" ", ""))
        elif match.group("sub"):
            sub = match.group("sub")
        elif match.group("state"):
            states.add(match.group("state"))
        position = match.end()
    return Compound(kind, ident, frozenset(attrs), frozenset(states), sub)


def parse_sheet(text: str, palette: dict[str, str]) -> Sheet:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    rules: list[Rule] = []
    for order, match in enumerate(re.finditer(r"([^{}]+)\{([^{}]*)\}", text)):
        declarations = []
        for item in match.group(2).split(";"):
            name, colon, value = item.partition(":")
            if colon:
                declarations.append((name.strip().lower(), value.strip()))
        for selector_text in match.group(1).split(","):
            parts = tuple(parse_compound(p) for p in selector_text.split())
            rules.append(Rule(Selector(parts), declarations, order))
    return Sheet(rules, palette)
