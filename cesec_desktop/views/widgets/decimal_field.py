"""A number field for prices, quantities and amounts: locale-aware, Decimal, never float.

Only the user's own edits (typing, stepping with the arrows, keys or the wheel) emit
`edited`; what the program writes back never does, so two fields can follow each other
without loops.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from cesec_desktop.domain.order_form import step_price

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


def places_of(step: Decimal) -> int:
    exponent = step.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


class DecimalValidator(QValidator):
    """Digits with at most one decimal mark and `places` decimals."""

    def __init__(self, places: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.places = places

    def validate(self, text: str, pos: int) -> object:
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
        edit.textEdited.connect(self._typed)
        edit.editingFinished.connect(self.reformat)
        edit.installEventFilter(self)
        if down is not None:
            down.clicked.connect(lambda: self.step(-1))
        if up is not None:
            up.clicked.connect(lambda: self.step(1))

    def value(self) -> Decimal | None:
        return parse_number(self.edit.text())

    def set_value(self, value: Decimal | None) -> None:
        """Show `value` without emitting `edited`."""
        text = "" if value is None else format_number(value, self.places)
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
        value = self.value()
        if value is not None:
            self.set_value(value)

    def _typed(self, _text: str) -> None:
        self.edited.emit(self.value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
