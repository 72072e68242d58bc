"""A number field for prices, quantities and amounts: locale-aware, Decimal, never float.

Only the user's own edits (typing, stepping with the arrows, keys or the wheel) emit
`edited`; what the program writes back never does, so two fields can follow each other
without loops.

Out of focus a field shows its number as the labels beside it do, with the language's
thousands separators ("50 000,00"); in focus it shows the bare digits, so typing stays
natural. The grouped text is only ever a picture of the value: the Decimal behind it is the
one the user typed, never the grouped text read back (in English "50,000.5" would not parse).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from cesec_desktop.domain.order_form import step_price
from cesec_desktop.state.formatting import format_decimal

MAX_DIGITS = 15

_NUMBER_RE = re.compile(r"\d*(?:[.,]\d*)?")
_SPACES = str.maketrans("", "", " \u00a0\u202f\t")


# --- numbers in fields ------------------------------------------------------------------


def parse_number(text: str) -> Decimal | None:
    """A typed number as Decimal: either "," or "." is the decimal mark; spaces are ignored.

    Group separators are not accepted: in English "1,5" would otherwise read as 15.
    """
    compact = text.translate(_SPACES)
    if not compact or not _NUMBER_RE.fullmatch(compact) or compact in (".", ","):
        return None
    try:
        return Decimal(compact.replace(",", "."))
    except InvalidOperation:
        return None


def format_number(value: Decimal, places: int, locale: QLocale | None = None) -> str:
    """A number for an input field: no grouping, the locale's decimal mark, at least `places`
    decimals and every digit the value has (a price is never rounded behind the user's back)."""
    locale = locale if locale is not None else QLocale()
    exponent = value.as_tuple().exponent
    shown = max(places, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    text = f"{value:.{shown}f}"
    return text.replace(".", locale.decimalPoint()) if shown else text


def format_grouped(value: Decimal, places: int, locale: QLocale | None = None) -> str:
    """A number as the labels show it: thousands grouped, at least `places` decimals and
    every digit the value has (`50 000,50` in kk and ru, `50,000.50` in English)."""
    return format_decimal(value, max(places, places_of(value)), locale)


def places_of(step: Decimal) -> int:
    exponent = step.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


class DecimalValidator(QValidator):
    """Digits with at most one decimal mark and `places` decimals."""

    def __init__(self, places: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.places = places
        self.shown: str | None = None
        """The grouped text the field shows out of focus: acceptable as it stands."""

    def validate(self, text: str, pos: int) -> object:
        if self.shown is not None and text == self.shown:
            return QValidator.State.Acceptable, text, pos
        compact = text.translate(_SPACES)
        whole, _, fraction = compact.replace(",", ".").partition(".")
        if not _NUMBER_RE.fullmatch(compact) or len(whole) > MAX_DIGITS:
            return QValidator.State.Invalid, text, pos
        if ("." in compact or "," in compact) and (self.places == 0 or len(fraction) > self.places):
            return QValidator.State.Invalid, text, pos
        if not compact or compact in (".", ","):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


class DecimalField(QObject):
    """A QLineEdit over a Decimal, with −/+ buttons, arrow keys, Page keys and the wheel.

    Signals:
        edited(Decimal | None): the user changed the value (typed or stepped).
    """

    edited = Signal(object)

    def __init__(
        self,
        edit: QLineEdit,
        down: QAbstractButton | None = None,
        up: QAbstractButton | None = None,
        *,
        places: int = 2,
        max_places: int = 2,
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.down, self.up = down, up
        self.places = places
        self.step_size: Decimal | None = None
        self.anchor: Callable[[], Decimal | None] | None = None
        """Where stepping starts from when the field is empty (the last price, say)."""
        self._validator = DecimalValidator(max_places, edit)
        edit.setValidator(self._validator)
        self._shown_value: Decimal | None = None
        edit.textEdited.connect(self._typed)
        edit.installEventFilter(self)
        if down is not None:
            down.clicked.connect(lambda: self.step(-1))
        if up is not None:
            up.clicked.connect(lambda: self.step(1))

    def value(self) -> Decimal | None:
        text = self.edit.text()
        if self._validator.shown is not None and text == self._validator.shown:
            return self._shown_value
        return parse_number(text)

    @property
    def grouped(self) -> bool:
        """Whether the field shows its grouped, out-of-focus text."""
        return self._validator.shown is not None and self.edit.text() == self._validator.shown

    def set_value(self, value: Decimal | None) -> None:
        """Show `value` without emitting `edited`: bare digits in focus, grouped out of it."""
        if value is None or self.edit.hasFocus():
            self._show_plain(value)
        else:
            self._show_grouped(value)

    def _show_plain(self, value: Decimal | None) -> None:
        self._validator.shown = None
        self._shown_value = None
        text = "" if value is None else format_number(value, self.places)
        if text != self.edit.text():
            self.edit.setText(text)

    def _show_grouped(self, value: Decimal) -> None:
        text = format_grouped(value, self.places)
        # The validator takes the picture before the text changes: it is checked on setText.
        self._validator.shown = text
        self._shown_value = value
        if text != self.edit.text():
            self.edit.setText(text)

    def set_places(self, places: int, max_places: int) -> None:
        self.places = places
        self._validator.places = max_places

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.edit, self.down, self.up):
            if widget is not None:
                widget.setEnabled(enabled)

    def step(self, steps: int) -> None:
        if self.step_size is None or not self.edit.isEnabled() or self.edit.isReadOnly():
            return
        base = self.value()
        if base is None and self.anchor is not None:
            base = self.anchor()
            if base is not None:
                steps = 0 if steps > 0 else steps  # the first press takes the anchor itself
        value = step_price(base if base is not None else Decimal(0), self.step_size, steps)
        self.set_value(value)
        self.edited.emit(value)

    def reformat(self) -> None:
        """Show the value again (new places, language or focus); the value itself stays."""
        value = self.value()
        if value is not None:
            self.set_value(value)

    def _typed(self, _text: str) -> None:
        self._validator.shown = None
        self._shown_value = None
        self.edited.emit(self.value())

    def _focus_changed(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and self.grouped:
            # Bare digits to type into; QLineEdit selects them all after this on Tab.
            self._show_plain(self._shown_value)
        elif kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            # A menu or another window taking focus for a moment is no end of the edit.
            if event.reason() not in (
                Qt.FocusReason.PopupFocusReason,
                Qt.FocusReason.ActiveWindowFocusReason,
            ):
                value = self.value()
                if value is not None:
                    # Before QLineEdit's own handler, which then finds the text acceptable
                    # and emits editingFinished as usual.
                    self._show_grouped(value)
        elif kind in (QEvent.Type.LocaleChange, QEvent.Type.LanguageChange) and self.grouped:
            value = self._shown_value
            if value is not None:
                self._show_grouped(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
            QEvent.Type.LocaleChange,
            QEvent.Type.LanguageChange,
        ):
            self._focus_changed(event)
        if watched is self.edit and self.step_size is not None:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                steps = {
                    Qt.Key.Key_Up: 1,
                    Qt.Key.Key_Down: -1,
                    Qt.Key.Key_PageUp: 10,
                    Qt.Key.Key_PageDown: -10,
                }.get(Qt.Key(event.key()))
                if steps is not None:
                    self.step(steps)
                    return True
            # Only a field the user is in: scrolling past the form must not move a price.
            wheel = event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent)
            if wheel and self.edit.hasFocus():
                delta = event.angleDelta().y()  # type: ignore[attr-defined]
                if delta:
                    self.step(1 if delta > 0 else -1)
                return True
        return super().eventFilter(watched, event)
