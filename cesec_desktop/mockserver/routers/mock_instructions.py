"""`/mock/instructions`: every client's withdrawals, and playing the back office for one."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from cesec_desktop.domain.enums import Currency, InstructionStatus, InstructionType
from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.domain.money import Dec
from cesec_desktop.mockserver import withdrawals
from cesec_desktop.mockserver.balances import OPEN_INSTRUCTION_STATUSES
from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.errors import error_responses
from cesec_desktop.mockserver.languages import localise_model, request_language

router = APIRouter(prefix="/mock", tags=["mock"])


class MockInstruction(BaseModel):
    """One instruction as a tester's list shows it, whoever signed it."""

    id: str
    client_id: str
    login: str
    kind: InstructionType
    amount: Dec
    currency: Currency
    status: InstructionStatus
    created_at: datetime


class MockInstructions(BaseModel):
    items: list[MockInstruction]


@router.get("/instructions", response_model=MockInstructions, responses=error_responses(422))
async def list_instructions(
    request: Request,
    status: Literal["in_progress", "all"] = Query(
        default="in_progress", description="in_progress: new or processing"
    ),
    limit: int = Query(default=200, ge=1, le=1000),
) -> MockInstructions:
    """Every client's instructions, newest first: what a tester may advance."""
    where = f"WHERE i.status IN {OPEN_INSTRUCTION_STATUSES}" if status == "in_progress" else ""
    rows = (
        get_state(request)
        .conn.execute(
            "SELECT i.id, i.user_id, COALESCE(u.login, i.user_id) AS login, i.type, i.amount, "
            "i.currency, i.status, i.created_at "
            f"FROM instructions i LEFT JOIN users u ON u.id = i.user_id {where} "
            "ORDER BY i.created_at DESC, i.number DESC LIMIT ?",
            (limit,),
        )
        .fetchall()
    )
    return MockInstructions(
        items=[
            MockInstruction(
                id=r["id"],
                client_id=r["user_id"],
                login=r["login"],
                kind=r["type"],
                amount=r["amount"],
                currency=r["currency"],
                status=r["status"],
                created_at=r["created_at"],
            )
            for r in rows
        ]
    )


class AdvanceRequest(BaseModel):
    """No status: the next one (new → processing → executed)."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["processing", "executed", "rejected"] | None = None
    reason: str | None = Field(default=None, max_length=500)


@router.post(
    "/instructions/{instruction_id}/advance",
    response_model=Instruction,
    responses=error_responses(400, 404, 409, 422),
)
async def advance_instruction(
    request: Request, instruction_id: str = Path(max_length=64), body: AdvanceRequest | None = None
) -> Instruction:
    """Move a withdrawal on: executing debits the cash, rejecting releases the block."""
    body = body or AdvanceRequest()
    moved = withdrawals.advance(get_state(request), instruction_id, body.status, body.reason)
    return localise_model(moved, request_language(request))
