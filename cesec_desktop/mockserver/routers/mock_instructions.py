"""`/mock/instructions/{id}/advance`: play the back office for a withdrawal."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.mockserver import withdrawals
from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.errors import error_responses
from cesec_desktop.mockserver.languages import localise_model, request_language

router = APIRouter(prefix="/mock", tags=["mock"])


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
