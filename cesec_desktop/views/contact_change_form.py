"""Change the phone or the e-mail on file: an instruction to the broker, signed with EDS.

The phone is where SMS codes go, so an SMS code cannot authorise changing it: the form offers
EDS alone and says why. The field is checked as the user types (a Kazakh mobile, a plausible
address); after a pause the broker writes the document, shown exactly as it will be signed.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.state.contact_change_ticket import ContactChangeTicket, ContactField
from cesec_desktop.state.draft_ticket import ALREADY_SENT
from cesec_desktop.state.instruction_texts import contact_change_text
from cesec_desktop.state.session import Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.views.resources import icon
from cesec_desktop.views.signing_flow import SigningForm, sign_with
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 450
"""A pause in typing after which the broker checks the new value and writes its document."""
SUCCESS_GREEN = "#1f9d55"


@dataclass
class _Ui:
    """The form's widgets (built in code: one field, the document, two pages)."""

    stack: QStackedWidget
    formPage: QWidget
    donePage: QWidget
    title: QLabel
    current: QLabel
    fieldLabel: QLabel
    edit: QLineEdit
    fieldError: QLabel
    edsOnly: QLabel
    documentText: QPlainTextEdit
    documentState: QLabel
    formError: QLabel
    noteLabel: QLabel
    doneIcon: QLabel
    doneTitle: QLabel
    doneDetails: QLabel
    edsButton: QPushButton
    cancelButton: QPushButton
    closeButton: QPushButton


class ContactChangeForm(SigningForm):
    """A new phone or e-mail, signed with EDS and sent to the broker as an instruction.

    Signals:
        instructionMade(Instruction): the broker accepted the signed change.
    """

    instructionMade = Signal(object)

    def __init__(
        self,
        session: Session,
        field: ContactField,
        *,
        on_file: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.fields = (field,)
        self.ticket = ContactChangeTicket(session, field, self)
        self.tasks = TaskTracker("contact-change-form", owner=self)
        if on_file:
            self.ticket.on_file = on_file
        self._on_file = self.ticket.current()
        self._touched = False
        self._show_all = False
        self._server_errors: dict[str, str] = {}
        self._failure: Exception | None = None
        self._checking = False
        self._note = ""
        self.setObjectName("contactChangeForm")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.ui = self._build()
        ui = self.ui
        self.errors_said = ErrorAnnouncer(self, [ui.fieldError, ui.formError])

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._draft_now)

        ui.edit.textEdited.connect(self._edited)
        ui.edit.editingFinished.connect(self._left)
        ui.edsButton.clicked.connect(self.start_signing)
        ui.cancelButton.clicked.connect(self.reject)
        ui.closeButton.clicked.connect(self.accept)
        self.ticket.draftChanged.connect(lambda _draft: self._render_document())
        self.ticket.instructionMade.connect(self.instructionMade)
        session.instructionUpdated.connect(self._instruction_updated)
        self._retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(640, 520)))
        ui.edit.setFocus()

    def _build(self) -> _Ui:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)  # as the details dialogs'
        layout.setSpacing(8)
        stack = QStackedWidget(self)
        form_page, done_page = QWidget(stack), QWidget(stack)
        stack.addWidget(form_page)
        stack.addWidget(done_page)

        def label(parent: QWidget, name: str, role: str = "") -> QLabel:
            widget = QLabel(parent)
            widget.setObjectName(name)
            widget.setWordWrap(True)
            if role:
                widget.setProperty("role", role)
            return widget

        form = QVBoxLayout(form_page)
        form.setContentsMargins(0, 0, 0, 0)
        title = label(form_page, "title", "title")
        current = label(form_page, "currentLabel", "muted")
        field_label = label(form_page, "fieldLabel")
        edit = QLineEdit(form_page)
        edit.setObjectName("valueEdit")
        edit.setMaxLength(254 if self.fields[0] == "email" else 32)
        field_label.setBuddy(edit)
        field_error = label(form_page, "fieldError", "error")
        field_error.hide()
        eds_only = label(form_page, "edsOnlyLabel", "muted")
        document_state = label(form_page, "documentState", "muted")
        document = QPlainTextEdit(form_page)
        document.setObjectName("documentText")
        document.setProperty("role", "document")
        document.setReadOnly(True)
        for widget in (title, current, field_label, edit, field_error, eds_only, document_state):
            form.addWidget(widget)
        form.addWidget(document, 1)

        done = QVBoxLayout(done_page)
        done_icon = label(done_page, "doneIcon")
        done_icon.setPixmap(icon("check", color=SUCCESS_GREEN).pixmap(QSize(48, 48)))
        done_icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        done_title = label(done_page, "doneTitle", "success")
        done_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        done_details = label(done_page, "doneDetails")
        done_details.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        done.addStretch(1)
        for widget in (done_icon, done_title, done_details):
            done.addWidget(widget)
        done.addStretch(2)

        layout.addWidget(stack, 1)
        form_error = label(self, "formError", "error")
        form_error.hide()
        note = label(self, "noteLabel", "muted")
        note.hide()
        layout.addWidget(note)
        layout.addWidget(form_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self)
        cancel.setObjectName("cancelButton")
        eds = QPushButton(self)
        eds.setObjectName("edsButton")
        eds.setProperty("role", "sign")
        eds.setAutoDefault(False)
        close = QPushButton(self)
        close.setObjectName("closeButton")
        close.hide()
        for button in (cancel, eds, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return _Ui(
            stack=stack,
            formPage=form_page,
            donePage=done_page,
            title=title,
            current=current,
            fieldLabel=field_label,
            edit=edit,
            fieldError=field_error,
            edsOnly=eds_only,
            documentText=document,
            documentState=document_state,
            formError=form_error,
            noteLabel=note,
            doneIcon=done_icon,
            doneTitle=done_title,
            doneDetails=done_details,
            edsButton=eds,
            cancelButton=cancel,
            closeButton=close,
        )

    # --- state for tests and callers ---------------------------------------------------------

    @property
    def field(self) -> ContactField:
        return self.ticket.field

    @property
    def made(self) -> Instruction | None:
        return self.ticket.instruction

    def field_error(self) -> str:
        label = self.ui.fieldError
        return label.text() if not label.isHidden() else ""

    def form_error(self) -> str:
        return self.ui.formError.text() if not self.ui.formError.isHidden() else ""

    # --- typing ------------------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        self.ticket.set_value(text)
        self._server_errors.clear()
        self._failure = None
        # Say what is wrong once there is something to judge: not at the first keystroke of
        # an e-mail, but as soon as the phone has as many digits as a phone has.
        digits = sum(ch.isdigit() for ch in text)
        if (self.field == "phone" and digits >= 10) or (self.field == "email" and "@" in text):
            self._touched = True
        self._render()
        self._schedule_draft()

    def _left(self) -> None:
        if self.ticket.value:
            self._touched = True
            self._render()

    def _schedule_draft(self) -> None:
        self._draft_timer.stop()
        if self._busy or self.ticket.request() is None:
            return
        if not self.ticket.draft_is_current:
            self._draft_timer.start()

    def _draft_now(self) -> None:
        if not self._busy and self.ui.stack.currentWidget() is self.ui.formPage:
            self.tasks.spawn(self._check_with_broker(), name="contact-change-draft")

    async def _check_with_broker(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        if self.ticket.request() is None:
            return
        self._checking = True
        self._render_document()
        try:
            await self.ticket.make_draft()
        except CabinetError as error:
            # Quietly: the user is still typing. Signing shows whatever is still wrong.
            if error.fields:
                self._server_errors = dict(error.fields)
                self._touched = True
            log.info("contact change draft refused (%s)", error.code)
        finally:
            self._checking = False
            if isValid(self):
                self._render()

    # --- signing -----------------------------------------------------------------------------

    def start_signing(self) -> None:
        signing = any(t.get_name() == "contact-change-sign" for t in self.tasks.pending)
        if not self._busy and not signing:
            self.tasks.spawn(self.sign(), name="contact-change-sign")

    async def sign(self) -> Instruction | None:
        """Check, draft, sign with EDS, confirm; the instruction, or None."""
        from cesec_desktop.state.errors import CabinetError, ValidationFailed

        self._draft_timer.stop()
        self._show_all = True
        self._failure = None
        self._note = ""
        if self.ticket.errors() or not self.ticket.value:
            self._render()
            self._focus_first_error()
            return None
        self._server_errors.clear()
        self._set_busy(True)
        try:
            await self.ticket.make_draft()
        except ValidationFailed as error:
            self._server_errors = dict(error.fields)
            if not error.fields:
                self._failure = error
            self._render()
            self._focus_first_error()
            return None
        except CabinetError as error:
            self._failure = error
            self._render()
            return None
        finally:
            self._set_busy(False)
        self._render()
        outcome = await sign_with(
            "eds", self.ticket, self, self.session.ncalayer_url, self._set_sign_dialog
        )
        if isinstance(outcome.result, Instruction):
            self._show_done()
            return outcome.result
        if outcome.failure is not None:
            self._signing_failed(outcome.failure)
        elif outcome.cancelled:
            self._note = "cancelled"
        self._render()
        return None

    def _instruction_updated(self, instruction: object) -> None:
        made = self.ticket.instruction
        if (
            isinstance(instruction, Instruction)
            and made is not None
            and instruction.id == made.id
            and instruction.updated_at >= made.updated_at
        ):
            self.ticket.instruction = instruction
            self._render_done()

    def _focus_first_error(self) -> None:
        if self.field_error():
            self.ui.edit.setFocus()

    # --- presentation ------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self._busy_focus(True)
        self._busy = busy
        self.ui.edit.setEnabled(not busy)
        self.ui.edsButton.setEnabled(not busy)
        self.ui.documentState.setText(self._checking_text() if busy else "")
        if not busy:
            self._busy_focus(False)

    def _render(self) -> None:
        if not isValid(self):
            return
        ui = self.ui
        errors = dict(self.ticket.errors())
        errors.update(self._server_errors)
        code = errors.get(self.field)
        shown = code is not None and (self._show_all or self._touched or self._server_errors)
        text = self._error_text(code) if shown and code else ""
        ui.fieldError.setText(text)
        ui.fieldError.setVisible(bool(text))
        failure = self._failure_text(self._failure) if self._failure is not None else ""
        ui.formError.setText(failure)
        ui.formError.setVisible(bool(failure))
        note = (
            self.tr("Signing was cancelled. Nothing was sent; your details are as they were.")
            if self._note == "cancelled"
            else ""
        )
        ui.noteLabel.setText(note)
        ui.noteLabel.setVisible(bool(note))
        self.errors_said.check()
        self._render_document()

    def _checking_text(self) -> str:
        return self.tr("Checking with the broker…")

    def _render_document(self) -> None:
        ticket, ui = self.ticket, self.ui
        if ticket.draft is not None and ticket.draft_is_current:
            text = ticket.draft.document.text
            if ui.documentText.toPlainText() != text:
                ui.documentText.setPlainText(text)
            ui.documentState.setText(self.tr("The document you sign:"))
            return
        if ui.documentText.toPlainText():
            ui.documentText.clear()
        ui.documentState.setText(self._checking_text() if self._checking else "")
        ui.documentText.setPlaceholderText(
            self.tr("The exact text you sign appears here once the broker has checked it.")
        )

    def _render_done(self) -> None:
        made = self.ticket.instruction
        if made is None:
            return
        ui = self.ui
        ui.doneTitle.setText(
            self.tr("Your request went to the broker: instruction No. %1").replace(
                "%1", made.number
            )
        )
        status = status_text(made.status)
        if made.reject_reason:
            status += " \N{EM DASH} " + made.reject_reason
        ui.doneDetails.setText(
            self.tr(
                "%1. It is on the Instructions page, where you can follow its status "
                "(now: %2). Your details change once the broker executes it."
            )
            .replace("%1", contact_change_text(made.contact_change))
            .replace("%2", status)
        )

    def _show_done(self) -> None:
        ui = self.ui
        ui.stack.setCurrentWidget(ui.donePage)
        for widget in (ui.cancelButton, ui.edsButton):
            widget.hide()
        ui.closeButton.show()
        ui.closeButton.setDefault(True)
        ui.closeButton.setFocus()
        self._failure = None
        self._note = ""
        self._render_done()
        self._render()

    # --- texts -------------------------------------------------------------------------------

    def _error_text(self, code: str) -> str:
        texts = {
            "phone_required": self.tr("Enter the new mobile number."),
            "phone_invalid": self.tr("A mobile number is +7 and 10 digits: +7 7xx xxx xx xx."),
            "phone_not_mobile": self.tr(
                "This is not a Kazakh mobile number: it starts +7 700–708, 747, 760–764, "
                "771, 775–778 or 785."
            ),
            "email_required": self.tr("Enter the new e-mail address."),
            "email_invalid": self.tr("This is not an e-mail address, like name@example.kz."),
            "email_too_long": self.tr("This address is too long."),
            "same_as_current": self.tr("This is what is on file already."),
            "nothing_to_change": self.tr("Enter the new value."),
        }
        return texts.get(code, self.tr("Check this field."))

    def _failure_text(self, error: Exception) -> str:
        from cesec_desktop.views.messages import describe

        code = getattr(error, "code", "")
        texts = {
            "eds_required": self.tr(
                "Only an EDS signature can change your contact details, not an SMS code."
            ),
            "draft_expired": self.tr(
                "The document has expired. Sign again: a new one will be made."
            ),
            "forbidden": self.tr("You are not allowed to change these details."),
        }
        if code in ALREADY_SENT:
            return self.tr("This request has already been signed and sent. See Instructions.")
        return texts.get(code) or describe(error)

    def _retranslate(self) -> None:
        ui = self.ui
        phone = self.field == "phone"
        title = self.tr("Change phone") if phone else self.tr("Change e-mail")
        self.setWindowTitle(title)
        ui.title.setText(title)
        on_file = self._on_file or self.tr("none")
        ui.current.setText(
            (self.tr("Phone on file: %1") if phone else self.tr("E-mail on file: %1")).replace(
                "%1", on_file
            )
        )
        ui.fieldLabel.setText(self.tr("New mobile phone") if phone else self.tr("New e-mail"))
        ui.edit.setPlaceholderText("+7 7xx xxx xx xx" if phone else "name@example.kz")
        ui.edsOnly.setText(
            self.tr(
                "Signed with EDS only: SMS codes go to the phone on file, so an SMS code "
                "cannot authorise changing it."
            )
        )
        ui.edsButton.setText(self.tr("Sign with EDS"))
        ui.cancelButton.setText(self.tr("Cancel"))
        ui.closeButton.setText(self.tr("Close"))
        self._render_done()
        self._render()

    # --- Qt events ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _detach(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.instructionUpdated.disconnect(self._instruction_updated)


def open_contact_change_form(
    parent: QWidget, session: Session, field: ContactField, *, on_file: str = ""
) -> ContactChangeForm:
    """Open the form over `parent` and return it at once (`open()`, not `exec()`)."""
    form = ContactChangeForm(session, field, on_file=on_file, parent=parent)
    form.open()
    return form
