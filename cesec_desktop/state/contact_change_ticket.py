"""One change of phone or e-mail being entered: its field, the draft, an EDS signature only.

The phone on file is where SMS codes go, so an SMS code cannot authorise its own change: the
ticket offers EDS alone (`methods`), and the broker refuses an SMS signature anyway
(EdsRequired, 403). Otherwise it follows the withdrawal ticket: the Idempotency-Key is made
with the draft, so a confirm whose answer was lost is sent again safely and made once.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Signal

from cesec_desktop.domain import contacts
from cesec_desktop.domain.models.instructions import (
    ContactChangeDraft,
    ContactChangeRequest,
    Instruction,
)
from cesec_desktop.domain.models.signing import EdsSignature, SmsSignature
from cesec_desktop.state.draft_ticket import DraftTicket
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

ContactField = Literal["phone", "email"]


class ContactChangeTicket(DraftTicket):
    """The state behind the contact change form.

    Signals:
        draftChanged(ContactChangeDraft | None): a draft now matches the field, or no longer.
        instructionMade(Instruction): the signed change was accepted by the broker.
    """

    document_kind = "contact_change"
    methods = ("eds",)
    """How this document may be signed: EDS only."""

    instructionMade = Signal(object)

    def __init__(self, session: Session, field: ContactField, parent: QObject | None = None):
        super().__init__(session, parent)
        self.tasks = TaskTracker("contact-change-ticket", owner=self)
        self.field: ContactField = field
        self.value = ""
        self.on_file: str | None = None
        """The value on file when newer than the session's sign-in copy (My details reads it
        afresh)."""
        self.instruction: Instruction | None = None
        self._closed = False

    def set_value(self, text: str) -> None:
        self.value = text.strip()
        self._changed()

    def current(self) -> str:
        """The value on file as /me shows it (a phone masked)."""
        if self.on_file is not None:
            return self.on_file
        me = self.session.me
        if me is None:
            return ""
        return me.phone_masked if self.field == "phone" else me.email

    def errors(self) -> dict[str, str]:
        """Field -> error code, checked here as the user types; the draft is the broker's word."""
        if self.field == "phone":
            problem = contacts.phone_error(self.value)
        else:
            problem = contacts.email_error(self.value)
            current = self.current()
            if (
                problem is None
                and current
                and contacts.normalize_email(self.value).casefold() == current.casefold()
            ):
                problem = contacts.SAME_AS_CURRENT
        return {self.field: problem} if problem else {}

    def request(self) -> ContactChangeRequest | None:
        if not self.value or self.errors():
            return None
        if self.field == "phone":
            return ContactChangeRequest(phone=contacts.normalize_phone(self.value))
        return ContactChangeRequest(email=contacts.normalize_email(self.value))

    async def _create_draft(self, request: ContactChangeRequest) -> ContactChangeDraft:
        return await self.session.call(
            lambda c: c.create_contact_change_draft(phone=request.phone, email=request.email)
        )

    async def _send_confirm(
        self, draft_id: str, signature: SmsSignature | EdsSignature, key: str
    ) -> Instruction:
        return await self.session.call(lambda c: c.confirm_instruction(draft_id, signature, key))

    def _accepted(self, result: Instruction) -> None:
        self.instruction = result
        self.drop_draft()
        log.info("contact change %s made (%s)", result.number, result.status)
        self.session.instructionUpdated.emit(result)
        self.instructionMade.emit(result)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for task in self.tasks.pending:
            task.cancel()
        with contextlib.suppress(RuntimeError, TypeError):
            self.instructionMade.disconnect()
