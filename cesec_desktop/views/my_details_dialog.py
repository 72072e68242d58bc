"""Profile → My details: who the client is on the broker's books, and who serves them there.

The phone and e-mail are changed by an instruction signed with EDS (contact_change_form.py);
this window shows the details as the broker has them, read afresh each time it opens and
again when a change of them is executed.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.state.instruction_texts import contact_change_text
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.details_dialog import DetailsDialog

if TYPE_CHECKING:
    from cesec_desktop.domain.models.profile import Me
    from cesec_desktop.state.contact_change_ticket import ContactField
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.contact_change_form import ContactChangeForm

log = logging.getLogger(__name__)


class MyDetailsDialog(DetailsDialog):
    """The signed-in user's details, the broker's contact, and the way to change them."""

    geometry_key = "myDetails"
    default_size = QSize(620, 460)

    FIELDS = ("full_name", "iin", "phone", "email", "second_factor")
    CONTACT = ("contact_name", "contact_phone", "contact_email")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDetails")
        self.session = session
        self.me: Me | None = session.me
        self.tasks = TaskTracker("my-details", owner=self)
        self.form: ContactChangeForm | None = None
        self.sent: Instruction | None = None
        """The last change sent from here: the note under the details names it."""
        self.fields = self.field_grid()
        for key in self.FIELDS:
            self.fields.add(key, name=f"myDetails_{key}")
        self.contact_title = QLabel(self)
        self.contact_title.setProperty("role", "cardTitle")
        self.body.addWidget(self.contact_title)
        self.contact = self.field_grid()
        for key in self.CONTACT:
            self.contact.add(key, name=f"myDetails_{key}")
        self.note = QLabel(self)
        self.note.setObjectName("myDetailsNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.body.addWidget(self.note)
        self.body.addStretch(1)
        self.phone_button = QPushButton(self)
        self.phone_button.setObjectName("changePhoneButton")
        self.email_button = QPushButton(self)
        self.email_button.setObjectName("changeEmailButton")
        for button in (self.phone_button, self.email_button):
            self.add_button(button)
        self.phone_button.clicked.connect(lambda: self.change("phone"))
        self.email_button.clicked.connect(lambda: self.change("email"))
        session.instructionUpdated.connect(self._instruction_updated)
        self.finished.connect(self._detach)
        self.go_live()
        self.set_busy(True)  # at once: the details shown are sign-in's until /me answers
        self.tasks.spawn(self.reload(), name="my-details-load")

    # --- data --------------------------------------------------------------------------------

    async def reload(self) -> Me | None:
        """Read /me afresh: the broker may have executed a change since sign-in."""
        from cesec_desktop.state.errors import CabinetError

        self.set_busy(True)
        try:
            self.me = await self.session.call(lambda client: client.me())
        except CabinetError as error:
            log.info("my details did not load (%s)", error.code)
        finally:
            self.set_busy(False)
        self.render()
        return self.me

    def _instruction_updated(self, instruction: object) -> None:
        if not isinstance(instruction, Instruction) or not instruction.is_contact_change:
            return
        if self.sent is not None and instruction.id == self.sent.id:
            self.sent = instruction
            self.render()
        if instruction.status is InstructionStatus.EXECUTED:
            self.tasks.spawn(self.reload(), name="my-details-load")

    def _made(self, instruction: object) -> None:
        if isinstance(instruction, Instruction):
            self.sent = instruction
            self.render()

    # --- changing ----------------------------------------------------------------------------

    def change(self, field: ContactField) -> ContactChangeForm:
        """Open the change form for the phone or the e-mail over this window."""
        from cesec_desktop.views.contact_change_form import open_contact_change_form

        me = self.me
        on_file = ""
        if me is not None:
            on_file = me.phone_masked if field == "phone" else me.email
        form = open_contact_change_form(self, self.session, field, on_file=on_file)
        form.instructionMade.connect(self._made)
        self.form = form
        return form

    # --- texts -------------------------------------------------------------------------------

    def field_text(self, key: str) -> str:
        grid = self.contact if key in self.CONTACT else self.fields
        return grid.value_text(key)

    def render(self) -> None:
        me = self.me
        none = "\N{EM DASH}"
        if me is not None:
            texts = {
                "full_name": me.full_name,
                "iin": me.iin,
                "phone": me.phone_masked,
                "email": me.email or none,
                "second_factor": self.tr("On (authenticator app)")
                if me.second_factor
                else self.tr("Off"),
            }
            for key, text in texts.items():
                self.fields.set_value(key, text)
            contact = me.broker_contact
            self.contact.set_value("contact_name", contact.name if contact else none)
            self.contact.set_value("contact_phone", contact.phone if contact else none)
            self.contact.set_value("contact_email", contact.email if contact else none)
        sent = self.sent
        if sent is None:
            self.note.setText(
                self.tr(
                    "A change of phone or e-mail is an instruction to the broker, signed "
                    "with EDS. It appears on the Instructions page with its status."
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "Instruction No. %1 (%2) went to the broker: see its status on the "
                    "Instructions page. These details change once it is executed."
                )
                .replace("%1", sent.number)
                .replace("%2", contact_change_text(sent.contact_change))
            )

    def retranslate(self) -> None:
        self.set_heading(self.tr("My details"))
        captions = {
            "full_name": self.tr("Full name"),
            "iin": self.tr("IIN"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "second_factor": self.tr("Two-step sign-in"),
        }
        for key, text in captions.items():
            self.fields.set_caption(key, text)
        self.contact_title.setText(self.tr("Your contact at the broker"))
        for key, text in {
            "contact_name": self.tr("Name"),
            "contact_phone": self.tr("Phone"),
            "contact_email": self.tr("E-mail"),
        }.items():
            self.contact.set_caption(key, text)
        self.phone_button.setText(self.tr("Change phone…"))
        self.email_button.setText(self.tr("Change e-mail…"))
        self.render()

    def _detach(self) -> None:
        for task in self.tasks.pending:
            task.cancel()
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.instructionUpdated.disconnect(self._instruction_updated)


def open_my_details(parent: QWidget, session: Session) -> None:
    """Open My details over `parent` (`open()`, not `exec()`); it deletes itself on close."""
    dialog = MyDetailsDialog(session, parent)
    dialog.open()
