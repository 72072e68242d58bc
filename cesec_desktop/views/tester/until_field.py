"""How long a fault lasts: until cleared, for some minutes, or until a time of day."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QEvent, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from cesec_desktop.state.tester import ForMinutes, Until, UntilTime
from cesec_desktop.views.tester.int_field import IntField

MAX_MINUTES = 7 * 24 * 60
CHOICES = ("cleared", "minutes", "time")
TIME = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")


class UntilField(QWidget):
    """A choice, then the minutes or the time it needs (the other is hidden).

    `value()` raises ValueError for a time that is no time (the field says how to type it).
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.subject: Callable[[], str] | None = None
        """Whose duration this is, in words: it starts the fields' accessible names, so that
        a screen reader tells apart several of these in one window."""
        self.setObjectName(name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.choice = QComboBox(self)
        self.choice.setObjectName(f"{name}Choice")
        # As wide as its longest choice in the language of the moment, not of the first show.
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in CHOICES:
            self.choice.addItem("", key)
        row.addWidget(self.choice)
        self.minutes = IntField(f"{name}Minutes", 1, MAX_MINUTES, 10, self)
        row.addWidget(self.minutes)
        self.minutes_unit = QLabel(self)
        row.addWidget(self.minutes_unit)
        self.at = QLineEdit(self)
        self.at.setObjectName(f"{name}Time")
        self.at.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,2}[:.]?[0-9]{0,2}"), self)
        )
        self.at.setMaxLength(5)
        self.at.setText("18:00")
        self.at.setFixedWidth(self.at.fontMetrics().horizontalAdvance("00:000") + 24)
        row.addWidget(self.at)
        self.setFocusProxy(self.choice)
        self.choice.currentIndexChanged.connect(self._sync)
        self.retranslate()
        self._sync()

    def value(self) -> Until:
        key = self.choice.currentData()
        if key == "minutes":
            return ForMinutes(self.minutes.value())
        if key == "time":
            match = TIME.fullmatch(self.at.text().strip())
            if match is None:
                raise ValueError("not a time")
            return UntilTime(time(int(match.group(1)), int(match.group(2))))
        return None

    def time_error(self) -> str:
        return self.tr("Type the time as hours and minutes, e.g. 18:30.")

    def set_choice(self, key: str) -> None:
        self.choice.setCurrentIndex(CHOICES.index(key))

    def _sync(self, *_: object) -> None:
        key = self.choice.currentData()
        self.minutes.setVisible(key == "minutes")
        self.minutes_unit.setVisible(key == "minutes")
        self.at.setVisible(key == "time")

    def retranslate(self) -> None:
        texts = {
            "cleared": self.tr("until cleared"),
            "minutes": self.tr("for"),
            "time": self.tr("until"),
        }
        for index, key in enumerate(CHOICES):
            self.choice.setItemText(index, texts[key])
        # Never squeezed below its longest choice: a cut "until clea…" says nothing.
        self.choice.setMinimumWidth(0)
        self.choice.setMinimumWidth(self.choice.sizeHint().width())
        subject = self.subject() if self.subject is not None else ""

        def named(text: str) -> str:
            return f"{subject}: {text}" if subject else text

        self.choice.setAccessibleName(named(self.tr("How long it lasts")))
        self.minutes.setAccessibleName(named(self.tr("Minutes it lasts")))
        self.minutes_unit.setText(self.tr("min"))
        self.at.setAccessibleName(named(self.tr("Time it lasts until, on the mock's clock")))
        self.at.setPlaceholderText(self.tr("HH:MM"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
