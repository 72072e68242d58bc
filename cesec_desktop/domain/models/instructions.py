"""Cash withdrawals (instructions) and the banks they go to."""

from __future__ import annotations

from datetime import datetime

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


class InstructionEvent(Model):
    time: datetime
    status: InstructionStatus
    message: str = ""


class Instruction(Model):
    id: str
    number: str
    account_id: str
    type: InstructionType = InstructionType.WITHDRAWAL
    amount: Dec
    currency: Currency
    recipient_iin: str
    iban: str
    bic: str
    bank_name: str = Field(max_length=MAX_NAME)
    purpose: str
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
