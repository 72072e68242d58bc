"""Withdrawals (instructions): checking a request, its document, and the back office's moves.

An instruction's amount is blocked from the moment it is signed (balances derives that from
open instructions); the cash leaves `cash.balance` only when the back office executes it.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from cesec_desktop.domain.banks import bank_by_bic, bank_by_code
from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.domain.iban import normalize_iban, validate_iban
from cesec_desktop.domain.iin import validate_iin
from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.domain.models.instructions import (
    Instruction,
    InstructionDraftRequest,
    InstructionEvent,
)
from cesec_desktop.domain.money import CENT, round_money
from cesec_desktop.mockserver import balances, book, contact_records
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import next_number, transaction
from cesec_desktop.mockserver.deps import User, account_of
from cesec_desktop.mockserver.errors import ApiError, not_found, validation_error
from cesec_desktop.mockserver.languages import Phrase, localise, localise_record
from cesec_desktop.mockserver.security import new_id
from cesec_desktop.mockserver.signing import Draft, create_draft
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger(__name__)

KNP_OWN_FUNDS = "342"
KBE_RESIDENT_INDIVIDUAL = "19"
DEFAULT_PURPOSE = "Вывод собственных средств / Withdrawal of own funds"
# Beyond any real brokerage balance: a typo or an attack, not a withdrawal.
MAX_AMOUNT = Decimal(10) ** 12
INSTRUCTION_NUMBER_START = 10_001
NEW_TO_PROCESSING = timedelta(seconds=20)
PROCESSING_TO_EXECUTED = timedelta(seconds=60)
DEFAULT_REJECT_REASON = "Отклонено бэк-офисом / Rejected by the back office"
EVENT_MESSAGES = {
    InstructionStatus.NEW: "Поручение принято / Instruction received",
    InstructionStatus.PROCESSING: "Поручение в обработке / Instruction is being processed",
    InstructionStatus.EXECUTED: "Деньги отправлены в банк / Money sent to the bank",
}
_NEXT = {
    InstructionStatus.NEW: InstructionStatus.PROCESSING,
    InstructionStatus.PROCESSING: InstructionStatus.EXECUTED,
}


@dataclass(frozen=True)
class Withdrawal:
    """A checked withdrawal request, as stored in the draft's payload."""

    account_id: str
    account_number: str
    currency: str
    amount: Decimal
    recipient_iin: str
    iban: str
    bic: str
    bank_name: str
    purpose: str

    def payload(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "account_number": self.account_number,
            "currency": self.currency,
            "amount": str(self.amount),
            "recipient_iin": self.recipient_iin,
            "iban": self.iban,
            "bic": self.bic,
            "bank_name": self.bank_name,
            "purpose": self.purpose,
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Withdrawal:
        return cls(**{**payload, "amount": Decimal(payload["amount"])})


def _amount_error(amount: Decimal) -> str | None:
    if amount <= 0:
        return "amount_not_positive"
    if amount > MAX_AMOUNT:
        return "amount_too_large"
    if amount != amount.quantize(CENT):
        return "amount_precision"
    return None


def _holds(state: ServerState, account_id: str, currency: str) -> bool:
    row = state.conn.execute(
        "SELECT 1 FROM cash WHERE account_id = ? AND currency = ?", (account_id, currency)
    ).fetchone()
    return row is not None


def check_request(state: ServerState, user: User, body: InstructionDraftRequest) -> Withdrawal:
    """Validate a withdrawal request; every wrong field is reported at once (422)."""
    errors: dict[str, str] = {}
    account = account_of(state, user.id, body.account_id)
    currency = body.currency.value
    if account is None:
        errors["account_id"] = "unknown_account"
    elif not _holds(state, account["id"], currency):
        errors["currency"] = "currency_not_held"
    amount_error = _amount_error(body.amount)
    if amount_error is not None:
        errors["amount"] = amount_error
    elif not errors:
        available = balances.cash_state(
            state.conn, body.account_id, currency, state.clock.today()
        ).available
        if body.amount > available:
            errors["amount"] = "insufficient_funds"
    iin_error = validate_iin(body.recipient_iin)
    if iin_error is not None:
        errors["recipient_iin"] = iin_error
    elif body.recipient_iin.strip() != user.iin:
        # The broker pays out only to the client's own accounts (KNP 342, own funds).
        errors["recipient_iin"] = "recipient_not_owner"
    iban = normalize_iban(body.iban)
    iban_error = validate_iban(iban)
    if iban_error is not None:
        errors["iban"] = iban_error
    bank = bank_by_bic(body.bic)
    if bank is None:
        errors["bic"] = "unknown_bank"
    elif iban_error is None and bank_by_code(iban[4:7]) != bank:
        errors["bic"] = "iban_bank_mismatch"
    if not body.purpose.isprintable():
        # A line break here could forge extra lines in the document the client signs.
        errors["purpose"] = "purpose_invalid"
    if errors:
        raise validation_error(errors, "The withdrawal cannot be made as entered")
    assert account is not None and bank is not None
    return Withdrawal(
        account_id=account["id"],
        account_number=account["number"],
        currency=currency,
        amount=round_money(body.amount),
        recipient_iin=user.iin,
        iban=iban,
        bic=bank.bic,
        bank_name=bank.name,
        purpose=body.purpose or DEFAULT_PURPOSE,
    )


def _money(amount: Decimal) -> str:
    # Thousands split by spaces, as Kazakh and Russian statements print them.
    return f"{amount:,.2f}".replace(",", " ")


_TITLE = Phrase(
    "ПОРУЧЕНИЕ НА ВЫВОД ДЕНЕЖНЫХ СРЕДСТВ", "CASH WITHDRAWAL INSTRUCTION", "АҚШАНЫ ШЫҒАРУҒА ТАПСЫРМА"
)
_BROKER = Phrase("Брокер", "Broker", "Брокер")
_BROKER_NAME = Phrase(
    "АО «Сентрас Секьюритиз»", "Centras Securities JSC", "«Сентрас Секьюритиз» АҚ"
)
_CLIENT = Phrase("Клиент", "Client", "Клиент")
_CLIENT_IIN = Phrase("ИИН клиента", "Client IIN", "Клиенттің ЖСН")
_ACCOUNT = Phrase("Субсчёт", "Sub-account", "Қосалқы шот")
_AMOUNT = Phrase("Сумма", "Amount", "Сомасы")
_RECIPIENT_IIN = Phrase("ИИН получателя", "Recipient IIN", "Алушының ЖСН")
_RECIPIENT_IBAN = Phrase("ИИК (IBAN) получателя", "Recipient IBAN", "Алушының ЖСК (IBAN)")
_RECIPIENT_BANK = Phrase("Банк получателя", "Recipient bank", "Алушының банкі")
_BIC = Phrase("БИК", "BIC", "БСК")
_KNP = Phrase("КНП", "Payment purpose code (KNP)", "Төлем мақсатының коды (ТМК)")
_KBE = Phrase("КБе", "Beneficiary code (KBe)", "Бенефициар коды (КБе)")
_PURPOSE = Phrase("Назначение платежа", "Purpose", "Төлемнің мақсаты")
_MOMENT = Phrase("Дата и время (Алматы)", "Date and time (Almaty)", "Күні мен уақыты (Алматы)")
_REFERENCE = Phrase("Номер документа", "Document reference", "Құжат нөмірі")


def document_text(
    user: User, w: Withdrawal, draft_id: str, at: datetime, language: str | None = None
) -> str:
    """The exact document the client reads and signs: in `language` (kk, ru or en), or
    Russian and English side by side when none was asked."""
    lang = language
    local = at.astimezone(ALMATY)
    lines = [
        _TITLE(lang),
        f"{_BROKER(lang)}: {_BROKER_NAME(lang)}",
        f"{_CLIENT(lang)}: {user.full_name}",
        f"{_CLIENT_IIN(lang)}: {user.iin}",
        f"{_ACCOUNT(lang)}: {w.account_number}",
        f"{_AMOUNT(lang)}: {_money(w.amount)} {w.currency}",
        f"{_RECIPIENT_IIN(lang)}: {w.recipient_iin}",
        f"{_RECIPIENT_IBAN(lang)}: {w.iban}",
        f"{_RECIPIENT_BANK(lang)}: {w.bank_name}",
        f"{_BIC(lang)}: {w.bic}",
        f"{_KNP(lang)}: {KNP_OWN_FUNDS}",
        f"{_KBE(lang)}: {KBE_RESIDENT_INDIVIDUAL}",
        f"{_PURPOSE(lang)}: {localise(w.purpose, lang)}",
        f"{_MOMENT(lang)}: {local.isoformat(timespec='seconds')}",
        f"{_REFERENCE(lang)}: {draft_id}",
    ]
    return "\n".join(lines) + "\n"


def make_draft(state: ServerState, user: User, w: Withdrawal, language: str | None = None) -> Draft:
    """Store the draft; its document, in `language`, cites the draft's own id."""
    now = state.clock.now()

    def text(draft_id: str) -> str:
        return document_text(user, w, draft_id, now, language)

    return create_draft(state, user, "instruction", w.payload(), text)


def require_funds(state: ServerState, w: Withdrawal) -> None:
    """Re-check at confirm time: orders or other withdrawals may have used the cash since."""
    available = balances.cash_state(
        state.conn, w.account_id, w.currency, state.clock.today()
    ).available
    if w.amount > available:
        raise ApiError(
            422,
            "insufficient_funds",
            "Not enough available cash for this withdrawal",
            {"fields": {"amount": "insufficient_funds"}, "available": str(available)},
        )


def _add_event(
    conn: sqlite3.Connection,
    instruction_id: str,
    at: datetime,
    status: InstructionStatus,
    message: str,
) -> None:
    conn.execute(
        "INSERT INTO instruction_events (instruction_id, seq, time, status, message) "
        "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM instruction_events "
        "WHERE instruction_id = ?), ?, ?, ?)",
        (instruction_id, instruction_id, iso(at), status.value, message),
    )


def insert_instruction(state: ServerState, user: User, w: Withdrawal, method: str) -> str:
    """Insert a new instruction and its first event (inside the caller's transaction)."""
    conn, now = state.conn, state.clock.now()
    instruction_id = new_id("ins")
    number = next_number(conn, "instruction", INSTRUCTION_NUMBER_START)
    conn.execute(
        "INSERT INTO instructions (id, number, user_id, account_id, type, amount, currency, "
        "recipient_iin, iban, bic, bank_name, purpose, knp, kbe, status, created_at, updated_at, "
        "signature_method) VALUES (?, ?, ?, ?, 'withdrawal', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', "
        "?, ?, ?)",
        (
            instruction_id,
            number,
            user.id,
            w.account_id,
            str(w.amount),
            w.currency,
            w.recipient_iin,
            w.iban,
            w.bic,
            w.bank_name,
            w.purpose,
            KNP_OWN_FUNDS,
            KBE_RESIDENT_INDIVIDUAL,
            iso(now),
            iso(now),
            method,
        ),
    )
    _add_event(
        conn, instruction_id, now, InstructionStatus.NEW, EVENT_MESSAGES[InstructionStatus.NEW]
    )
    return instruction_id


def instruction_from_row(
    row: sqlite3.Row, history: list[InstructionEvent] | None = None
) -> Instruction:
    data = dict(row)
    data["number"] = str(data["number"])
    contact_records.attach(data)  # a contact change's new values, when read with its COLUMNS
    data["history"] = history or []
    return Instruction.model_validate(data)


def history_of(conn: sqlite3.Connection, instruction_id: str) -> list[InstructionEvent]:
    rows = conn.execute(
        "SELECT time, status, message FROM instruction_events WHERE instruction_id = ? "
        "ORDER BY seq",
        (instruction_id,),
    ).fetchall()
    return [
        InstructionEvent(time=r["time"], status=r["status"], message=r["message"]) for r in rows
    ]


def load_instruction(
    state: ServerState, instruction_id: str, user_id: str | None = None
) -> Instruction | None:
    """One instruction with its history; `user_id` restricts it to that owner."""
    row = state.conn.execute(
        f"SELECT {contact_records.COLUMNS} FROM instructions WHERE id = ?", (instruction_id,)
    ).fetchone()
    if row is None or (user_id is not None and row["user_id"] != user_id):
        return None
    return instruction_from_row(row, history_of(state.conn, instruction_id))


def publish(state: ServerState, user_id: str, instruction: Instruction) -> None:
    """The instruction to its streams, then the client's summary to the brokers watching:
    a withdrawal signed blocks cash, an executed one takes it, a rejected one frees it."""
    # Each stream gets the texts in the language it asked for when it connected.
    state.hub.publish_event(
        "instructions", user_id, instruction.model_dump(mode="json"), localise_record
    )
    book.publish_summary(state, user_id)


def _move(
    state: ServerState,
    row: sqlite3.Row,
    target: InstructionStatus,
    at: datetime,
    reason: str | None,
) -> None:
    """Change the status in one transaction; executing debits the cash balance."""
    conn = state.conn
    message = (
        reason
        if target is InstructionStatus.REJECTED
        else contact_records.event_message(row["type"], target) or EVENT_MESSAGES[target]
    )
    with transaction(conn):
        conn.execute(
            "UPDATE instructions SET status = ?, updated_at = ?, reject_reason = ? WHERE id = ?",
            (
                target.value,
                iso(at),
                reason if target is InstructionStatus.REJECTED else None,
                row["id"],
            ),
        )
        _add_event(conn, row["id"], at, target, message or "")
        if target is InstructionStatus.EXECUTED and row["type"] == contact_records.KIND:
            contact_records.apply(conn, row["id"], at)  # the new phone or e-mail takes effect
        elif target is InstructionStatus.EXECUTED:
            _debit(conn, row["account_id"], row["currency"], Decimal(row["amount"]))


def _debit(conn: sqlite3.Connection, account_id: str, currency: str, amount: Decimal) -> None:
    current = conn.execute(
        "SELECT balance FROM cash WHERE account_id = ? AND currency = ?", (account_id, currency)
    ).fetchone()
    if current is None:
        conn.execute(
            "INSERT INTO cash (account_id, currency, balance) VALUES (?, ?, ?)",
            (account_id, currency, str(-amount)),
        )
        return
    conn.execute(
        "UPDATE cash SET balance = ? WHERE account_id = ? AND currency = ?",
        (str(Decimal(current["balance"]) - amount), account_id, currency),
    )


def advance(
    state: ServerState, instruction_id: str, status: str | None = None, reason: str | None = None
) -> Instruction:
    """Move an instruction to its next status, or to `status`; 404 unknown, 409 when final."""
    row = state.conn.execute(
        "SELECT * FROM instructions WHERE id = ?", (instruction_id,)
    ).fetchone()
    if row is None:
        raise not_found("Instruction")
    current = InstructionStatus(row["status"])
    if not current.is_open:
        raise ApiError(
            409,
            "instruction_final",
            f"The instruction is already {current.value}",
            {"status": current.value},
        )
    target = _NEXT[current] if status is None else InstructionStatus(status)
    if target is InstructionStatus.NEW or target is current:
        raise ApiError(
            409,
            "invalid_transition",
            f"An instruction cannot move from {current.value} to {target.value}",
            {"status": current.value},
        )
    if target is InstructionStatus.REJECTED:
        reason = (reason or "").strip() or DEFAULT_REJECT_REASON
    _move(state, row, target, state.clock.now(), reason)
    result = load_instruction(state, instruction_id)
    assert result is not None
    publish(state, row["user_id"], result)
    return result


def advance_due(state: ServerState) -> list[Instruction]:
    """The back office: new → processing after 20 s, processing → executed after 60 s."""
    now = state.clock.now()
    moved: list[Instruction] = []
    rows = state.conn.execute(
        "SELECT * FROM instructions WHERE status IN ('new', 'processing')"
    ).fetchall()
    for row in rows:
        status = InstructionStatus(row["status"])
        since = datetime.fromisoformat(row["updated_at"])
        changed = False
        # A clock jumped far ahead runs every step that fell due, each at the time it was due.
        while status.is_open:
            due = since + (
                NEW_TO_PROCESSING if status is InstructionStatus.NEW else PROCESSING_TO_EXECUTED
            )
            if due > now:
                break
            status, since = _NEXT[status], due
            _move(state, row, status, due, None)
            changed = True
        if changed:
            result = load_instruction(state, row["id"])
            if result is not None:
                publish(state, row["user_id"], result)
                moved.append(result)
    return moved


def install(state: ServerState) -> None:
    """Register the back-office job when the config asks withdrawals to move by themselves."""
    if not state.config.auto_advance_instructions:
        return

    def advance_due_instructions() -> None:
        try:
            advance_due(state)
        except Exception:  # the simulator's loop must never die of one bad row
            log.exception("advancing withdrawals failed")

    state.housekeeping.append(advance_due_instructions)
