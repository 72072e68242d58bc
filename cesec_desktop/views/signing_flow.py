"""Signing from a form: the SMS or EDS window over it, and what the order and withdrawal
forms share around it (they never close while a call or a signature is under way, and Enter
never signs).

A signing window cancelled while its confirm was on the way (or closed after one got no answer)
leaves the document's outcome unknown: the form says "unknown, checking…" while the ticket
finds out, then shows the document made, or says it was not made and why."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel, QWidget
from shiboken6 import isValid

from cesec_desktop.state.signing import OutcomeUnknown, SignTarget
from cesec_desktop.views.dialogs import return_focus
from cesec_desktop.views.style import restyle


@dataclass(frozen=True, slots=True)
class SigningOutcome:
    result: object | None
    """The order or instruction the broker accepted, or None."""
    failure: Exception | None
    """Why it could not go, when that is not the signature (for the form to show);
    OutcomeUnknown when a confirm went out and its answer is not known."""
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
        self.outcome = ""
        """"checking" while an unknown confirm is being found out, "refused" once it is known
        that nothing was made; "" otherwise."""
        self._outcome_label: QLabel | None = None
        self._outcome_ticket: Any = None
        # Where the keyboard was when the form opened (a quote row, a list's row): it goes
        # back there when the form closes.
        return_focus(self)
        self._held_focus: QWidget | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # On screen the form's contents may ask for more than they did when it was sized
        # (more so with larger text): grow it to them once it is laid out.
        QTimer.singleShot(0, self, self._grow_to_contents)

    def _grow_to_contents(self) -> None:
        wanted = self.size().expandedTo(self.sizeHint())
        if wanted != self.size():
            self.resize(wanted)

    def _busy_focus(self, busy: bool) -> None:
        """Keep the keyboard where it was while the form is busy.

        Busy disables the fields and the Sign buttons, and Qt moves the focus off a disabled
        widget to whatever comes next (the document's text). Called with True before they
        are disabled and with False once they are enabled again: the focus goes back to the
        button that was pressed (so the signing window, and Esc out of it, come back there),
        or to the first field the broker refused.
        """
        if busy:
            if self._held_focus is None:
                self._held_focus = self.focusWidget()
            return
        held, self._held_focus = self._held_focus, None
        if self._server_errors:
            self._focus_first_error()
        elif held is not None and isValid(held) and held.isEnabled() and held.isVisible():
            held.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_sign_dialog(self, dialog: QDialog | None) -> None:
        self.sign_dialog = dialog
        if dialog is not None and self.outcome == "refused":
            self.outcome = ""  # a new signature: the old answer is no longer news
            self._render_outcome()

    def _signing_failed(self, error: Exception) -> None:
        """Show why the signed document did not go: at its fields, or for the whole form."""
        from cesec_desktop.state.errors import Conflict, Gone

        if isinstance(error, OutcomeUnknown):
            self._check_outcome()
            return
        if isinstance(error, Gone | Conflict) and error.code in ("draft_expired", "draft_used"):
            self.ticket.drop_draft()
        fields = getattr(error, "fields", {})
        if fields and set(fields) & set(self.fields):
            self._server_errors = dict(fields)
            self._focus_first_error()
        else:
            self._failure = error

    # --- an unknown outcome ------------------------------------------------------------------

    def _check_outcome(self) -> None:
        """Say "unknown, checking…" and have the ticket find out."""
        ticket = self.ticket
        if self._outcome_ticket is not ticket:
            ticket.outcomeKnown.connect(self._outcome_known)
            self._outcome_ticket = ticket
        if ticket.check_outcome():
            self.outcome = "checking"
        self._render_outcome()

    def _outcome_known(self, result: object | None, refusal: Exception | None) -> None:
        if not isValid(self):
            return
        if result is not None:
            self.outcome = ""
            self._render_outcome()
            self._show_result(result)
            return
        self.outcome = "refused"
        if refusal is not None:
            self._signing_failed(refusal)
        self._render()
        self._render_outcome()

    def _show_result(self, result: object) -> None:
        """The done page for a document the broker made (the order form's takes it)."""
        show = self._show_done  # type: ignore[attr-defined]
        if inspect.signature(show).parameters:
            show(result)
        else:
            show()

    def _render(self) -> None:
        raise NotImplementedError

    def _outcome_text(self) -> str:
        # translate() with the base's own context: self.tr() here would look the words up
        # under the subclass's name.
        kind = getattr(self.ticket, "document_kind", "order")
        if self.outcome == "checking":
            if kind == "withdrawal":
                return QCoreApplication.translate(
                    "SigningForm",
                    "Unknown, checking…: no answer came, so it is not yet known whether the "
                    "withdrawal was made. The app is asking the broker.",
                )
            if kind == "contact_change":
                return QCoreApplication.translate(
                    "SigningForm",
                    "Unknown, checking…: no answer came, so it is not yet known whether the "
                    "broker received the change of contact details. The app is asking the broker.",
                )
            return QCoreApplication.translate(
                "SigningForm",
                "Unknown, checking…: no answer came, so it is not yet known whether the order "
                "was placed. The app is asking the broker.",
            )
        if self.outcome == "refused":
            if kind == "withdrawal":
                return QCoreApplication.translate(
                    "SigningForm", "The broker answered: the withdrawal was not made."
                )
            if kind == "contact_change":
                return QCoreApplication.translate(
                    "SigningForm",
                    "The broker answered: the change of contact details was not accepted.",
                )
            return QCoreApplication.translate(
                "SigningForm", "The broker answered: the order was not placed."
            )
        return ""

    def _render_outcome(self) -> None:
        text = self._outcome_text()
        label = self._outcome_label
        if label is None:
            if not text:
                return
            label = self._outcome_label = self._make_outcome_label()
        label.setText(text)
        label.setVisible(bool(text))
        restyle(label, tone="warning" if self.outcome == "checking" else "negative")

    def _make_outcome_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("outcomeLabel")
        label.setWordWrap(True)
        label.setProperty("role", "notice")
        layout = self.layout()
        form_error = getattr(self.ui, "formError", None)
        if isinstance(layout, QBoxLayout):
            # Just above the form's own error line, where the eye looks after signing.
            index = layout.indexOf(form_error) if form_error is not None else -1
            layout.insertWidget(index if index >= 0 else layout.count(), label)
        return label

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render_outcome()
        super().changeEvent(event)

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
