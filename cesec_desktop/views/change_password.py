"""Change password: old, new and new again, with the policy ticking off as the user types."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from cesec_desktop.domain.password import PasswordRule
from cesec_desktop.state import zoom
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.forms.ui_change_password import Ui_ChangePasswordForm
from cesec_desktop.views.keyboard_warning import KeyboardWarning
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer
from cesec_desktop.views.widgets.password_checklist import PasswordChecklist
from cesec_desktop.views.widgets.password_toggle import PasswordToggle

log = logging.getLogger(__name__)

Submit = Callable[[str, str], Awaitable[None]]
"""Changes the password at the server: (old, new)."""

SUCCESS_GREEN = "#1f9d55"


class ChangePasswordDialog(QDialog):
    """Asks for the current and the new password and submits them through `submit`.

    Accepted once the server took the new password and the user saw it confirmed; rejected
    when cancelled. `forced` is the change required right after login; `reason` says why:
    "expired" (its 60 days ran out) or "initial" (the broker issued it).
    """

    def __init__(
        self,
        submit: Submit,
        *,
        forced: bool = False,
        reason: str | None = None,
        old_password: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.forced = forced
        self.reason = (reason or "expired") if forced else None
        self.tasks = TaskTracker("change-password", owner=self)
        self._busy = False
        # Errors are kept as codes and rendered in the UI language of the moment.
        self._errors: dict[str, str] = {}
        self._failure: Exception | None = None
        self.ui = Ui_ChangePasswordForm()
        self.ui.setupUi(self)
        self.setObjectName("changePasswordDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.ui.introLabel.setVisible(forced)
        self.ui.busyBar.hide()
        self.ui.busyBar.setFixedSize(80, 3)
        self.ui.doneButton.hide()
        self.ui.doneIcon.setPixmap(icon("check", color=SUCCESS_GREEN).pixmap(QSize(48, 48)))
        edits = (self.ui.oldEdit, self.ui.newEdit, self.ui.repeatEdit)
        self.toggles = [PasswordToggle(edit) for edit in edits]
        # Caps Lock and a Cyrillic layout are the commonest causes of a refused password.
        self.keyboard_warnings = [KeyboardWarning(edit) for edit in edits]
        self.rule_labels: dict[PasswordRule, QLabel] = {
            PasswordRule.LENGTH: self.ui.ruleLength,
            PasswordRule.DIGIT: self.ui.ruleDigit,
            PasswordRule.UPPER: self.ui.ruleUpper,
            PasswordRule.LOWER: self.ui.ruleLower,
            PasswordRule.SYMBOL: self.ui.ruleSymbol,
        }
        self.checklist = PasswordChecklist(self.rule_labels, parent=self)
        self.field_labels = {
            "old": self.ui.oldError,
            "new": self.ui.newError,
            "repeat": self.ui.repeatError,
        }
        # Errors appear under the fields without focus: a screen reader is told of each.
        self.errors_said = ErrorAnnouncer(self, [*self.field_labels.values(), self.ui.formError])
        if old_password:
            self.ui.oldEdit.setText(old_password)
        self.ui.oldEdit.textChanged.connect(self._old_changed)
        self.ui.newEdit.textChanged.connect(self._new_changed)
        self.ui.repeatEdit.textChanged.connect(self._repeat_changed)
        self.ui.submitButton.clicked.connect(self.submit)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.doneButton.clicked.connect(self.accept)
        self._update_rules()
        self._retranslate()
        # 420 px at 100 %, wider with larger text: the rules' heading stays on one line.
        width = zoom.px(420)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()).expandedTo(QSize(width, 0)))
        (self.ui.newEdit if old_password else self.ui.oldEdit).setFocus()

    # --- state -----------------------------------------------------------------------------

    @property
    def succeeded(self) -> bool:
        return self.ui.stack.currentWidget() is self.ui.donePage

    @property
    def busy(self) -> bool:
        return self._busy

    def field_error(self, field: str) -> str:
        label = self.field_labels[field]
        return label.text() if not label.isHidden() else ""

    def broken_rules(self) -> list[PasswordRule]:
        return self.checklist.check(self.ui.newEdit.text(), self.ui.oldEdit.text() or None)

    # --- live checks -----------------------------------------------------------------------

    def _old_changed(self) -> None:
        self._errors.pop("old", None)
        self._render_errors()

    def _new_changed(self) -> None:
        self._errors.pop("new", None)
        self._update_rules()
        self._repeat_changed()

    def _repeat_changed(self) -> None:
        repeat = self.ui.repeatEdit.text()
        if repeat and repeat != self.ui.newEdit.text():
            self._errors["repeat"] = "mismatch"
        else:
            self._errors.pop("repeat", None)
        self._render_errors()

    def _update_rules(self) -> None:
        self.broken_rules()

    def _validate(self) -> bool:
        """Local checks before the server is asked; each shown at its field."""
        errors: dict[str, str] = {}
        old, new = self.ui.oldEdit.text(), self.ui.newEdit.text()
        repeat = self.ui.repeatEdit.text()
        if not old:
            errors["old"] = "empty"
        if self.broken_rules():
            errors["new"] = "rules"
        elif new == old:
            errors["new"] = "same"
        if not repeat:
            errors["repeat"] = "empty"
        elif repeat != new:
            errors["repeat"] = "mismatch"
        self._errors = errors
        self._render_errors()
        return not errors

    # --- submitting ------------------------------------------------------------------------

    def submit(self) -> None:
        if self._busy or self.succeeded or self.tasks.pending:
            return
        self.tasks.spawn(self.change(), name="change-password")

    async def change(self) -> bool:
        """Send the change; True when the server accepted it."""
        self._failure = None
        if not self._validate():
            self._focus_first_error()
            return False
        from cesec_desktop.state.errors import CabinetError, ValidationFailed

        self._set_busy(True)
        try:
            await self._submit(self.ui.oldEdit.text(), self.ui.newEdit.text())
        except CabinetError as error:
            log.info("password change refused: %s", error.code)
            fields = error.fields
            if error.code == "wrong_password" or fields.get("old_password") == "wrong_password":
                self._errors["old"] = "wrong"
            elif isinstance(error, ValidationFailed) and (error.violations or fields):
                self._errors["new"] = "server:" + ",".join(error.violations)
            else:
                self._failure = error
            self._render_errors()
            self._focus_first_error()
            return False
        finally:
            self._set_busy(False)
        self._show_done()
        return True

    def _focus_first_error(self) -> None:
        for field, edit in (
            ("old", self.ui.oldEdit),
            ("new", self.ui.newEdit),
            ("repeat", self.ui.repeatEdit),
        ):
            if field in self._errors:
                edit.setFocus()
                edit.selectAll()
                return

    def _show_done(self) -> None:
        self.ui.stack.setCurrentWidget(self.ui.donePage)
        self.ui.introLabel.hide()
        self.ui.submitButton.hide()
        self.ui.cancelButton.hide()
        self.ui.doneButton.show()
        self.ui.doneButton.setDefault(True)
        self.ui.doneButton.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.ui.oldEdit,
            self.ui.newEdit,
            self.ui.repeatEdit,
            self.ui.submitButton,
            self.ui.cancelButton,
        ):
            widget.setEnabled(not busy)
        self.ui.busyBar.setVisible(busy)
        self.ui.submitButton.setText(self.tr("Changing…") if busy else self.tr("Change password"))

    # --- presentation ----------------------------------------------------------------------

    def _error_text(self, field: str, code: str) -> str:
        if field == "old":
            return {
                "empty": self.tr("Enter the current password."),
                "wrong": self.tr("The current password is wrong."),
            }.get(code, "")
        if field == "new":
            if code.startswith("server:"):
                from cesec_desktop.views.messages import password_rule

                rules = [r for r in code.removeprefix("server:").split(",") if r]
                text = " ".join(password_rule(r) for r in rules)
                return text or self.tr("The server did not accept the new password.")
            return {
                "rules": self.tr("The new password does not meet every rule below."),
                "same": self.tr("The new password must differ from the current one."),
            }.get(code, "")
        return {
            "empty": self.tr("Repeat the new password."),
            "mismatch": self.tr("The passwords do not match."),
        }.get(code, "")

    def _render_errors(self) -> None:
        for field, label in self.field_labels.items():
            code = self._errors.get(field, "")
            text = self._error_text(field, code) if code else ""
            label.setText(text)
            label.setVisible(bool(text))
        failure = ""
        if self._failure is not None:
            from cesec_desktop.views.messages import describe

            failure = describe(self._failure)
        self.ui.formError.setText(failure)
        self.ui.formError.setVisible(bool(failure))
        self.errors_said.check()

    def _retranslate(self) -> None:
        for toggle in self.toggles:
            toggle.retranslate()
        for warning in self.keyboard_warnings:
            warning.retranslate()
        if self.reason == "initial":
            title = self.tr("Choose your own password")
            self.setWindowTitle(title)
            self.ui.titleLabel.setText(title)
            self.ui.introLabel.setText(
                self.tr("Your broker issued this password: choose your own before you go on.")
            )
        elif self.forced:
            self.setWindowTitle(self.tr("Your password has expired"))
        self._set_busy(self._busy)
        self.checklist.retranslate()
        self._render_errors()

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter submits (or closes the confirmation); Escape does nothing while busy.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.succeeded:
                self.accept()
            else:
                self.submit()
            return
        if event.key() == Qt.Key.Key_Escape and self._busy:
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        for task in self.tasks.pending:
            task.cancel()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
