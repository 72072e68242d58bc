"""A change of the client's phone or e-mail: checked, written as a document, signed with EDS
only, and kept as an instruction of type `contact_change` for the back office.

The phone is what SMS codes go to, so an SMS code cannot authorise its own change: the
confirm refuses one with 403 `eds_required`. Once executed (withdrawals.advance moves it like
a withdrawal), the user's phone or e-mail is the new one (contact_records.apply).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cesec_desktop.domain import contacts
from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.domain.models.instructions import ContactChangeRequest
from cesec_desktop.domain.models.signing import EdsSignature, SmsSignature
from cesec_desktop.mockserver import contact_records, withdrawals
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import next_number
from cesec_desktop.mockserver.deps import User
from cesec_desktop.mockserver.errors import ApiError, validation_error
from cesec_desktop.mockserver.languages import Phrase
from cesec_desktop.mockserver.security import new_id
from cesec_desktop.mockserver.signing import Draft, create_draft
from cesec_desktop.mockserver.state import ServerState

DRAFT_KIND = contact_records.KIND


@dataclass(frozen=True)
class ContactChange:
    """A checked request, as stored in the draft's payload: normalised new values."""

    phone: str | None
    email: str | None

    def payload(self) -> dict[str, Any]:
        return {"phone": self.phone, "email": self.email}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ContactChange:
        return cls(phone=payload.get("phone"), email=payload.get("email"))


def _current_email(conn: sqlite3.Connection, user_id: str) -> str:
    row = conn.execute("SELECT email FROM users WHERE id = ?", (user_id,)).fetchone()
    return str(row["email"] or "") if row is not None else ""


def check_request(state: ServerState, user: User, body: ContactChangeRequest) -> ContactChange:
    """Validate the request; every wrong field is reported at once (422 validation_error)."""
    errors: dict[str, str] = {}
    phone = email = None
    if body.phone is None and body.email is None:
        errors["phone"] = errors["email"] = contacts.NOTHING_TO_CHANGE
    if body.phone is not None:
        problem = contacts.phone_error(body.phone)
        phone = contacts.normalize_phone(body.phone)
        if problem is None and phone == contacts.normalize_phone(user.phone):
            problem = contacts.SAME_AS_CURRENT
        if problem is not None:
            errors["phone"] = problem
    if body.email is not None:
        problem = contacts.email_error(body.email)
        email = contacts.normalize_email(body.email)
        current = _current_email(state.conn, user.id)
        if problem is None and email.casefold() == current.casefold():
            problem = contacts.SAME_AS_CURRENT
        if problem is not None:
            errors["email"] = problem
    if errors:
        raise validation_error(errors, "The contact details cannot be changed as entered")
    return ContactChange(phone=phone, email=email)


def _spaced(phone: str) -> str:
    digits = phone.lstrip("+")
    return f"+{digits[0]} {digits[1:4]} {digits[4:7]} {digits[7:9]} {digits[9:]}"


_TITLE = Phrase(
    "ЗАЯВЛЕНИЕ ОБ ИЗМЕНЕНИИ КОНТАКТНЫХ ДАННЫХ",
    "INSTRUCTION TO CHANGE CONTACT DETAILS",
    "БАЙЛАНЫС ДЕРЕКТЕРІН ӨЗГЕРТУ ТУРАЛЫ ӨТІНІШ",
)
_NEW_PHONE = Phrase("Новый мобильный телефон", "New mobile phone", "Жаңа ұялы телефон")
_NEW_EMAIL = Phrase("Новый адрес электронной почты", "New e-mail address", "Жаңа электрондық пошта")
_NOTE = Phrase(
    "Прошу изменить мои контактные данные в системе брокера",
    "Please change my contact details on the broker's records",
    "Брокер жүйесіндегі байланыс деректерімді өзгертуді сұраймын",
)
_SIGNED_BY = Phrase("Способ подписи", "Signed with", "Қол қою тәсілі")
_EDS = Phrase("ЭЦП", "EDS", "ЭСҚ")


def document_text(
    user: User, change: ContactChange, draft_id: str, at: datetime, language: str | None = None
) -> str:
    """The exact document the client signs, in `language` (or Russian / English)."""
    lang = language
    local = at.astimezone(ALMATY)
    lines = [
        _TITLE(lang),
        f"{withdrawals._BROKER(lang)}: {withdrawals._BROKER_NAME(lang)}",
        f"{withdrawals._CLIENT(lang)}: {user.full_name}",
        f"{withdrawals._CLIENT_IIN(lang)}: {user.iin}",
        _NOTE(lang),
    ]
    if change.phone is not None:
        lines.append(f"{_NEW_PHONE(lang)}: {_spaced(change.phone)}")
    if change.email is not None:
        lines.append(f"{_NEW_EMAIL(lang)}: {change.email}")
    lines += [
        f"{_SIGNED_BY(lang)}: {_EDS(lang)}",
        f"{withdrawals._MOMENT(lang)}: {local.isoformat(timespec='seconds')}",
        f"{withdrawals._REFERENCE(lang)}: {draft_id}",
    ]
    return "\n".join(lines) + "\n"


def make_draft(
    state: ServerState, user: User, change: ContactChange, language: str | None = None
) -> Draft:
    now = state.clock.now()
    return create_draft(
        state,
        user,
        DRAFT_KIND,
        change.payload(),
        lambda draft_id: document_text(user, change, draft_id, now, language),
    )


def is_its_draft(state: ServerState, user: User, draft_id: str) -> bool:
    """The draft the confirm names is a contact change's (not a withdrawal's)."""
    row = state.conn.execute(
        "SELECT kind FROM drafts WHERE id = ? AND user_id = ?", (draft_id, user.id)
    ).fetchone()
    return row is not None and row["kind"] == DRAFT_KIND


def require_eds(signature: SmsSignature | EdsSignature) -> None:
    """An SMS goes to the phone being changed: it cannot authorise the change."""
    if isinstance(signature, SmsSignature):
        raise ApiError(
            403,
            "eds_required",
            "A change of contact details is signed with EDS only",
            {"fields": {"signature": "eds_required"}},
        )


def insert_instruction(state: ServerState, user: User, change: ContactChange, method: str) -> str:
    """The instruction and its first event (inside the caller's transaction)."""
    conn, now = state.conn, state.clock.now()
    instruction_id = new_id("ins")
    number = next_number(conn, "instruction", withdrawals.INSTRUCTION_NUMBER_START)
    conn.execute(
        "INSERT INTO instructions (id, number, user_id, account_id, type, amount, currency, "
        "recipient_iin, iban, bic, bank_name, purpose, knp, kbe, status, created_at, updated_at, "
        "signature_method) VALUES (?, ?, ?, '', ?, '0', 'KZT', ?, '', '', '', '', '', '', "
        "'new', ?, ?, ?)",
        (instruction_id, number, user.id, DRAFT_KIND, user.iin, iso(now), iso(now), method),
    )
    contact_records.insert(conn, instruction_id, user.id, change.phone, change.email)
    withdrawals._add_event(
        conn,
        instruction_id,
        now,
        InstructionStatus.NEW,
        withdrawals.EVENT_MESSAGES[InstructionStatus.NEW],
    )
    return instruction_id


def confirm(
    state: ServerState,
    user: User,
    draft_id: str,
    signature: SmsSignature | EdsSignature,
    language: str | None,
    remember: Any,
) -> tuple[int, Any]:
    """The signed change: stored as a `new` instruction, published like a withdrawal."""
    from cesec_desktop.mockserver.db import transaction
    from cesec_desktop.mockserver.languages import localise_model
    from cesec_desktop.mockserver.signing import check_signature, mark_draft_used, usable_draft

    draft = usable_draft(state, user, draft_id, DRAFT_KIND)
    require_eds(signature)
    change = ContactChange.from_payload(draft.payload)
    signed = check_signature(state, user, draft, signature)
    with transaction(state.conn):
        instruction_id = insert_instruction(state, user, change, signed.method)
        if signed.signed_at is not None:
            state.conn.execute(
                "UPDATE instructions SET signed_at = ? WHERE id = ?",
                (iso(signed.signed_at), instruction_id),
            )
        mark_draft_used(state, draft)
        instruction = withdrawals.load_instruction(state, instruction_id)
        assert instruction is not None
        created = localise_model(instruction, language).model_dump(mode="json")
        remember(201, created)
    withdrawals.publish(state, user.id, instruction)
    return 201, created
