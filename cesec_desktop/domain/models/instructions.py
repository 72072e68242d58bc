"""Instructions to the broker: cash withdrawals (and the banks they go to) and changes of
the client's contact details."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import Field

from cesec_desktop.domain.enums import Currency, InstructionStatus, InstructionType
from cesec_desktop.domain.models.base import MAX_NAME, Model, Request
from cesec_desktop.domain.models.signing import Document
from cesec_desktop.domain.money import Dec


class BankInfo(Model):
    name: str = Field(max_length=MAX_NAME)
    bic: str
    code: str = Field(description="3-digit bank code in the IBAN")


class InstructionDraftRequest(Request):
    account_id: str = Field(min_length=1, max_length=64)
    currency: Currency
    amount: Dec
    recipient_iin: str = Field(min_length=1, max_length=32)
    iban: str = Field(min_length=1, max_length=64)
    bic: str = Field(min_length=1, max_length=16)
    purpose: str = Field(default="", max_length=200)


class InstructionDraft(Model):
    draft_id: str
    document: Document
    expires_at: datetime
    amount: Dec
    currency: Currency
    bank_name: str = Field(max_length=MAX_NAME)


class ContactChangeRequest(Request):
    """`POST /profile/change-drafts`: the new phone, the new e-mail, or both."""

    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=320)


class ContactChange(Model):
    """What a contact-change instruction changes: the new phone (masked: `+7 701 *** ** 67`),
    the new e-mail, or both, as the request asked."""

    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=MAX_NAME)

    @property
    def fields(self) -> list[Literal["phone", "email"]]:
        """The fields it changes, phone first."""
        found: list[Literal["phone", "email"]] = []
        if self.phone is not None:
            found.append("phone")
        if self.email is not None:
            found.append("email")
        return found


class ContactChangeDraft(Model):
    """The document to sign with EDS for a change of contact details."""

    draft_id: str
    document: Document
    expires_at: datetime
    contact_change: ContactChange


class InstructionEvent(Model):
    time: datetime
    status: InstructionStatus
    message: str = ""


class Instruction(Model):
    id: str
    number: str
    account_id: str = ""
    type: InstructionType = InstructionType.WITHDRAWAL
    # A withdrawal's fields: a contact change has none of them (zero, empty).
    amount: Dec = Decimal("0")
    currency: Currency = Currency.KZT
    recipient_iin: str = ""
    iban: str = ""
    bic: str = ""
    bank_name: str = Field(default="", max_length=MAX_NAME)
    purpose: str = ""
    knp: str = "342"
    kbe: str = "19"
    status: InstructionStatus
    created_at: datetime
    updated_at: datetime
    signature_method: str
    signed_at: datetime | None = None
    """When an EDS signature's timestamp token (CAdES-T) says it was made; else None."""
    reject_reason: str | None = None
    history: list[InstructionEvent] = Field(default_factory=list)
    contact_change: ContactChange | None = None
    """For a `contact_change` instruction: what it changes."""

    @property
    def is_contact_change(self) -> bool:
        return self.type is InstructionType.CONTACT_CHANGE
