"""The eye button inside a password field that shows or hides what was typed."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from cesec_desktop.views.resources import icon


class PasswordToggle(QObject):
    """Adds a checkable show/hide action to `edit`; call `retranslate()` on a language change."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.action = QAction(edit)
        self.action.setCheckable(True)
        self.action.setObjectName(f"{edit.objectName()}Toggle")
        self.action.toggled.connect(self._toggled)
        edit.addAction(self.action, QLineEdit.ActionPosition.TrailingPosition)
        self._toggled(False)

    @property
    def shown(self) -> bool:
        return self.action.isChecked()

    def set_shown(self, shown: bool) -> None:
        self.action.setChecked(shown)

    def _toggled(self, shown: bool) -> None:
        self._edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.action.setIcon(icon("eye-off" if shown else "eye"))
        self.retranslate()

    def retranslate(self) -> None:
        text = self.tr("Hide password") if self.shown else self.tr("Show password")
        self.action.setToolTip(text)
        # The eye's button in the field takes the action's text as its accessible name.
        self.action.setText(text)
