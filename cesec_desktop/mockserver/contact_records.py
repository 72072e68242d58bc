"""Contact-change instructions as stored: their own table beside `instructions`, read back
into the wire model, and applied to the user when the back office executes them.

Kept apart from contact_change.py (the request, the document, the confirm) so that
withdrawals.py, which moves every instruction's status, can use it without an import cycle.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from cesec_desktop.domain.enums import InstructionStatus, InstructionType
from cesec_desktop.domain.models.instructions import ContactChange
from cesec_desktop.domain.phones import mask_phone
from cesec_desktop.mockserver.clock import iso

KIND = InstructionType.CONTACT_CHANGE.value

COLUMNS = (
    "*, (SELECT phone FROM contact_changes c WHERE c.instruction_id = instructions.id) "
    "AS change_phone, (SELECT email FROM contact_changes c "
    "WHERE c.instruction_id = instructions.id) AS change_email"
)
"""Columns for a SELECT over `instructions` that bring a contact change's new values along."""

EVENT_MESSAGES = {
    InstructionStatus.EXECUTED: "Контактные данные изменены / Contact details changed",
}
"""A contact change's history texts where a withdrawal's do not fit."""


def attach(data: dict[str, Any]) -> None:
    """Turn a row read with `COLUMNS` into wire fields: the phone masked, never whole."""
    phone, email = data.pop("change_phone", None), data.pop("change_email", None)
    if data.get("type") != KIND:
        return
    data["contact_change"] = ContactChange(
        phone=mask_phone(phone) if phone else None, email=email or None
    )


def insert(
    conn: sqlite3.Connection,
    instruction_id: str,
    user_id: str,
    phone: str | None,
    email: str | None,
) -> None:
    conn.execute(
        "INSERT INTO contact_changes (instruction_id, user_id, phone, email) VALUES (?, ?, ?, ?)",
        (instruction_id, user_id, phone, email),
    )


def apply(conn: sqlite3.Connection, instruction_id: str, at: datetime) -> None:
    """The back office executed it: the user's phone or e-mail is now the new one."""
    row = conn.execute(
        "SELECT * FROM contact_changes WHERE instruction_id = ?", (instruction_id,)
    ).fetchone()
    if row is None:
        return
    if row["phone"]:
        conn.execute("UPDATE users SET phone = ? WHERE id = ?", (row["phone"], row["user_id"]))
    if row["email"]:
        conn.execute("UPDATE users SET email = ? WHERE id = ?", (row["email"], row["user_id"]))
    conn.execute(
        "UPDATE contact_changes SET applied_at = ? WHERE instruction_id = ?",
        (iso(at), instruction_id),
    )


def event_message(kind: str, status: InstructionStatus) -> str | None:
    """The history text for `status` of an instruction of `kind`, if it has its own."""
    return EVENT_MESSAGES.get(status) if kind == KIND else None
