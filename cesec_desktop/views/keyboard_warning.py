"""A warning under a password field: Caps Lock seems on, or the layout is not English.

`KeyboardWarning(edit)` watches the field's key presses (an event filter: the modifiers of
each press say whether Shift was down) and its text, and shows a line under it as the user
types. What was typed is never shown: the warning names example letters, not the password's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QWidget

from cesec_desktop.domain.keyboard_hints import CapsLockGuess, Script, non_latin_script
from cesec_desktop.views.style import restyle


def _layout_holding(root: QWidget, widget: QWidget) -> QBoxLayout | None:
    """The box layout, under `root`'s, that holds `widget` directly."""
    pending = [root.layout()]
    while pending:
        layout = pending.pop()
        if layout is None:
            continue
        if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
            return layout
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is not None and item.layout() is not None:
                pending.append(item.layout())
    return None


class KeyboardWarning(QObject):
    """Watches `edit` and shows `label` (made and placed under the field when not given)."""

    def __init__(self, edit: QLineEdit, label: QLabel | None = None) -> None:
        super().__init__(edit)
        self.edit = edit
        self.caps = CapsLockGuess()
        self.script: Script | None = None
        if label is None:
            label = QLabel(edit.parentWidget())
            label.setObjectName(f"{edit.objectName() or 'password'}KeyboardWarning")
            label.setWordWrap(True)
            parent = edit.parentWidget()
            layout = _layout_holding(parent, edit) if parent is not None else None
            if layout is not None:
                layout.insertWidget(layout.indexOf(edit) + 1, label)
        self.label = label
        restyle(label, role="notice", tone="warning")
        label.hide()
        edit.installEventFilter(self)
        edit.textChanged.connect(self._text_changed)

    # --- what the keys say -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_CapsLock:
                self.caps.toggled()
            else:
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                for char in event.text():
                    self.caps.typed(char, shift)
            self.render()
        return False

    def _text_changed(self, text: str) -> None:
        self.script = non_latin_script(text)
        self.render()

    # --- presentation ----------------------------------------------------------------------

    @property
    def caps_lock(self) -> bool:
        return bool(self.caps.on)

    def text(self) -> str:
        return self.label.text() if not self.label.isHidden() else ""

    def render(self) -> None:
        lines = []
        if self.caps.on:
            lines.append(self.tr("Caps Lock is on: letters are typed in the wrong case."))
        if self.script is Script.CYRILLIC:
            lines.append(self.tr("Your keyboard is typing Cyrillic (Қ, Ж…): switch to English."))
        elif self.script is Script.OTHER:
            lines.append(self.tr("Your keyboard is not typing Latin letters: switch to English."))
        text = "\n".join(lines)
        self.label.setText(text)
        # An edit hidden with its page keeps its warning for when it shows again.
        self.label.setVisible(bool(text))
        self.label.setAccessibleName(text)

    def retranslate(self) -> None:
        self.render()

    def reset(self) -> None:
        """A fresh start (the field was cleared by the window, the page changed)."""
        self.caps = CapsLockGuess()
        self.script = non_latin_script(self.edit.text())
        self.render()
