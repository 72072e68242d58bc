"""A number field for prices, quantities and amounts: locale-aware, Decimal, never float.

Only the user's own edits (typing, stepping with the arrows, keys or the wheel) emit
`edited`; what the program writes back never does, so two fields can follow each other
without loops.

The field never rewrites what was typed: the whole text reads as one number
(`domain.number_input.read_number`) or the field says why not (`error`, `error_text()`)
and its value is None, so nothing half-typed reaches a draft. No keystroke is dropped and a
paste goes in whole; only a paste too long to be any number is refused whole, and said so.

Out of focus a field shows its number as the labels beside it do, with the language's
thousands separators ("50 000,00"); in focus it shows the bare digits, so typing stays
natural. The grouped text is only ever a picture of the value: the Decimal behind it is the
one the user typed, never the grouped text read back (in English "50,000.5" would not parse).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from cesec_desktop.domain.number_input import (
    MAX_LENGTH,
    NUMBER_CHARACTER,
    NUMBER_DIGITS,
    NUMBER_GROUPING,
    NUMBER_MARKS,
    NUMBER_NEGATIVE,
    NUMBER_PLACES,
    NUMBER_SPACES,
    NUMBER_TOO_LONG,
    NUMBER_WHOLE,
    NumberInput,
    read_number,
)
from cesec_desktop.domain.order_form import step_price
from cesec_desktop.state.formatting import format_decimal

# --- numbers in fields ------------------------------------------------------------------


def parse_number(text: str, places: int = 8) -> Decimal | None:
    """A typed number as Decimal, or None when empty or refused (see `read_number`)."""
    return read_number(text, places=places).value


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


class LengthValidator(QValidator):
    """Takes any text a number could be typed as; refuses, whole, only what is too long.

    Everything else reaches the field, which reads it and says what is wrong: a validator
    that returned Invalid for a stray character would drop it without a word.
    """

    def __init__(self, refused: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._refused = refused

    def validate(self, text: str, pos: int) -> object:
        if len(text) > MAX_LENGTH:
            self._refused()
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


class DecimalField(QObject):
    """A QLineEdit over a Decimal, with −/+ buttons, arrow keys, Page keys and the wheel.

    Signals:
        edited(Decimal | None): the user changed the value (typed or stepped); None while
            the field is empty or its text is refused (see `error`).
        refused(): a paste too long to be a number was refused (the text is unchanged).
    """

    edited = Signal(object)
    refused = Signal()

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
        self.max_places = max_places
        self.step_size: Decimal | None = None
        self.anchor: Callable[[], Decimal | None] | None = None
        """Where stepping starts from when the field is empty (the last price, say)."""
        edit.setValidator(LengthValidator(self._refuse, edit))
        self._shown: str | None = None
        """The grouped text the field shows out of focus, a picture of `_shown_value`."""
        self._shown_value: Decimal | None = None
        self._too_long = False
        edit.textEdited.connect(self._typed)
        edit.installEventFilter(self)
        if down is not None:
            down.clicked.connect(lambda: self.step(-1))
        if up is not None:
            up.clicked.connect(lambda: self.step(1))

    def reading(self) -> NumberInput:
        """What the text reads as: the number it means, or why it is refused."""
        if self._too_long:
            return NumberInput(None, NUMBER_TOO_LONG)
        if self.grouped:
            return NumberInput(self._shown_value)
        group = QLocale().groupSeparator()
        return read_number(self.edit.text(), places=self.max_places, group_mark=group)

    def value(self) -> Decimal | None:
        reading = self.reading()
        return reading.value if reading.ok else None

    @property
    def error(self) -> str:
        """The code of what is wrong with the text as typed, or "" (see domain.number_input)."""
        return self.reading().error

    def error_text(self) -> str:
        """The field's refusal in words, or ""."""
        reading = self.reading()
        code = reading.error
        if code == NUMBER_CHARACTER:
            char = reading.detail
            # An invisible character is named by its code point, not shown as a blank.
            if unicodedata.category(char)[0] in "CZ":
                char = f"U+{ord(char):04X}"
            if self.max_places == 0:
                return self.tr("“%1” is not a digit: type digits only.").replace("%1", char)
            return self.tr(
                "“%1” is not a digit: type digits and one decimal mark, a comma or a point."
            ).replace("%1", char)
        texts = {
            NUMBER_NEGATIVE: self.tr("The number must be positive: no minus sign."),
            NUMBER_WHOLE: self.tr("Only a whole number here: lots cannot be split."),
            NUMBER_PLACES: self.tr("At most %1 digits after the decimal mark.").replace(
                "%1", str(self.max_places)
            ),
            NUMBER_MARKS: self.tr("Only one decimal mark, a comma or a point."),
            NUMBER_SPACES: self.tr("Spaces may only separate thousands, as in 50 000."),
            NUMBER_DIGITS: self.tr("Too many digits for this field."),
            NUMBER_GROUPING: self.tr(
                "Thousands or a fraction? Type the number without a thousands separator."
            ),
            NUMBER_TOO_LONG: self.tr("Too long to be a number: it was not pasted."),
        }
        return texts.get(code, "")

    @property
    def grouped(self) -> bool:
        """Whether the field shows its grouped, out-of-focus text."""
        return self._shown is not None and self.edit.text() == self._shown

    def set_value(self, value: Decimal | None) -> None:
        """Show `value` without emitting `edited`: bare digits in focus, grouped out of it."""
        self._too_long = False
        if value is None or self.edit.hasFocus():
            self._show_plain(value)
        else:
            self._show_grouped(value)

    def _show_plain(self, value: Decimal | None) -> None:
        self._shown = None
        self._shown_value = None
        text = "" if value is None else format_number(value, self.places)
        if text != self.edit.text():
            self.edit.setText(text)

    def _show_grouped(self, value: Decimal) -> None:
        text = format_grouped(value, self.places)
        self._shown = text
        self._shown_value = value
        if text != self.edit.text():
            self.edit.setText(text)

    def set_places(self, places: int, max_places: int) -> None:
        self.places = places
        self.max_places = max_places

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.edit, self.down, self.up):
            if widget is not None:
                widget.setEnabled(enabled)

    def step(self, steps: int) -> None:
        if self.step_size is None or not self.edit.isEnabled() or self.edit.isReadOnly():
            return
        if self.reading().error not in ("", NUMBER_TOO_LONG):
            return  # a refused text is for the user to correct, not a number to step from
        self._too_long = False
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
        self._shown = None
        self._shown_value = None
        self._too_long = False
        self.edited.emit(self.value())

    def _refuse(self) -> None:
        # Called from inside QLineEdit's edit: tell the form once the edit is over.
        self._too_long = True
        QTimer.singleShot(0, self, self.refused.emit)

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
