"""Signing from a form: the SMS or EDS window over it, and what the order and withdrawal
forms share around it (they never close while a call or a signature is under way, and Enter
never signs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from cesec_desktop.state.signing import SignTarget


@dataclass(frozen=True, slots=True)
class SigningOutcome:
    result: object | None
    """The order or instruction the broker accepted, or None."""
    failure: Exception | None
    """Why it could not go, when that is not the signature (for the form to show)."""
    cancelled: bool
    """The user cancelled in NCALayer: nothing was sent."""


async def sign_with(
    method: str,
    ticket: SignTarget,
    parent: QWidget,
    ncalayer_url: str | None,
    on_open: Callable[[QDialog | None], None],
) -> SigningOutcome:
    """Sign `ticket`'s draft by "sms" or "eds" in a window over `parent`.

    `on_open` hears the window when it opens and None when it has closed, so the form can
    refuse to close while a signature is under way.
    """
    from cesec_desktop.views.dialogs import run_dialog
    from cesec_desktop.views.eds_dialog import EdsDialog
    from cesec_desktop.views.sms_dialog import SmsDialog

    dialog: SmsDialog | EdsDialog
    if method == "sms":
        dialog = SmsDialog(ticket, parent=parent)
    else:
        dialog = EdsDialog(ticket, ncalayer_url, parent=parent)
    on_open(dialog)
    try:
        await run_dialog(dialog)
    finally:
        on_open(None)
        outcome = SigningOutcome(
            dialog.result, dialog.failure, getattr(dialog, "cancelled_in_ncalayer", False)
        )
        if isValid(dialog):
            dialog.deleteLater()
    return outcome


class SigningForm(QDialog):
    """The base of the order and withdrawal forms.

    Both forms' Sign buttons carry `role="sign"` (set in their .ui files), so the theme gives
    them one colour in both; the order's side shows on its Buy/Sell switch, not on them.
    A subclass sets `ticket`, `tasks`, `ui` (with `stack` and `donePage`), `_busy`,
    `_draft_timer`, `_server_errors` and `_failure`, lists its `fields`, and implements
    `_focus_first_error` and `_detach` (stop listening to the session).
    """

    fields: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sign_dialog: QDialog | None = None
        self._busy = False
        self.ticket: Any = None
        self.tasks: Any = None
        self.ui: Any = None

    def _set_sign_dialog(self, dialog: QDialog | None) -> None:
        self.sign_dialog = dialog

    def _signing_failed(self, error: Exception) -> None:
        """Show why the signed document did not go: at its fields, or for the whole form."""
        from cesec_desktop.state.errors import Conflict, Gone

        if isinstance(error, Gone | Conflict) and error.code in ("draft_expired", "draft_used"):
            self.ticket.drop_draft()
        fields = getattr(error, "fields", {})
        if fields and set(fields) & set(self.fields):
            self._server_errors = dict(fields)
            self._focus_first_error()
        else:
            self._failure = error

    def _focus_first_error(self) -> None:
        raise NotImplementedError

    def _detach(self) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._busy:
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter never signs by accident: signing is one of the two buttons, on purpose.
            if self.ui.stack.currentWidget() is self.ui.donePage:
                self.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if self._busy or self.sign_dialog is not None:
            return
        self._draft_timer.stop()
        for task in self.tasks.pending:
            task.cancel()
        self._detach()
        self.ticket.close()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy or self.sign_dialog is not None:
            event.ignore()
            return
        super().closeEvent(event)
