"""A whole-number field in the theme's look (a line edit, not a spin box): digits only,
within a range, stepped with the arrow and Page keys."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

STEPS = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1, Qt.Key.Key_PageUp: 10, Qt.Key.Key_PageDown: -10}


class IntField(QLineEdit):
    """`value()` is always within `low`..`high`: an empty or out-of-range text reads as the
    nearest end (the field shows what was sent once it is sent)."""

    def __init__(
        self, name: str, low: int, high: int, value: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.low, self.high = low, high
        validator = QIntValidator(low, high, self)
        validator.setLocale(QLocale.c())  # digits alone: no group marks to misread
        self.setValidator(validator)
        self.setMaxLength(len(str(high)))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        width = self.fontMetrics().horizontalAdvance("0" * max(4, len(str(high)))) + 28
        self.setFixedWidth(width)
        self.setValue(value)
        self.editingFinished.connect(lambda: self.setValue(self.value()))

    def value(self) -> int:
        text = self.text().strip()
        number = int(text) if text.isdigit() else self.low
        return min(max(number, self.low), self.high)

    def setValue(self, value: int) -> None:
        self.setText(str(min(max(int(value), self.low), self.high)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = STEPS.get(Qt.Key(event.key()))
        if step is not None and not self.isReadOnly():
            self.setValue(self.value() + step)
            return
        super().keyPressEvent(event)
