"""`/banks` and `/instructions`: withdrawals to the client's own bank account, signed."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse

from cesec_desktop.domain.banks import BANKS
from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.instructions import (
    BankInfo,
    Instruction,
    InstructionDraft,
    InstructionDraftRequest,
)
from cesec_desktop.domain.models.signing import Document, SignedConfirm
from cesec_desktop.mockserver import contact_change, contact_records, withdrawals
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import transaction
from cesec_desktop.mockserver.deps import User, current_user, get_state, subject_id, trading_user
from cesec_desktop.mockserver.errors import error_responses, not_found
from cesec_desktop.mockserver.idempotency import IdempotencyKeyHeader, Remember, run_idempotent
from cesec_desktop.mockserver.languages import localise_model, request_language
from cesec_desktop.mockserver.listing import (
    DateFrom,
    DateTo,
    ListQuery,
    PageCursor,
    PageLimit,
    StatusFilter,
    parse_statuses,
)
from cesec_desktop.mockserver.signing import check_signature, mark_draft_used, usable_draft

router = APIRouter(tags=["instructions"])


@router.get("/banks", response_model=Page[BankInfo], responses=error_responses(401, 403))
async def banks(user: User = Depends(current_user)) -> Page[BankInfo]:
    """Banks a withdrawal may go to: name, BIC and the IBAN bank code."""
    return Page[BankInfo](items=[BankInfo(name=b.name, bic=b.bic, code=b.code) for b in BANKS])


@router.post(
    "/instructions/drafts",
    response_model=InstructionDraft,
    status_code=201,
    responses=error_responses(400, 401, 403, 422),
)
async def create_instruction_draft(
    body: InstructionDraftRequest, request: Request, user: User = Depends(trading_user)
) -> InstructionDraft:
    """Check a withdrawal and issue the document to sign."""
    state = get_state(request)
    checked = withdrawals.check_request(state, user, body)
    draft = withdrawals.make_draft(state, user, checked, request_language(request))
    return InstructionDraft(
        draft_id=draft.id,
        document=Document(text=draft.document_text, sha256=draft.document_sha256),
        expires_at=draft.expires_at,
        amount=checked.amount,
        currency=checked.currency,
        bank_name=checked.bank_name,
    )


@router.post(
    "/instructions",
    response_model=Instruction,
    status_code=201,
    responses=error_responses(400, 401, 403, 404, 409, 410, 422),
)
async def confirm_instruction(
    body: SignedConfirm,
    request: Request,
    user: User = Depends(trading_user),
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """The signed withdrawal: stored as `new`, its amount blocked at once.

    As for an order, the SMS code survives a refusal the client can fix (422
    `insufficient_funds`): the same code confirms once it is fixed. Only a wrong code counts
    against its 3 attempts.
    """
    state = get_state(request)

    def create(remember: Remember) -> tuple[int, Any]:
        if contact_change.is_its_draft(state, user, body.draft_id):
            # A change of phone or e-mail: EDS only (403 eds_required for an SMS code).
            language = request_language(request)
            return contact_change.confirm(
                state, user, body.draft_id, body.signature, language, remember
            )
        draft = usable_draft(state, user, body.draft_id, "instruction")
        checked = withdrawals.Withdrawal.from_payload(draft.payload)
        withdrawals.require_funds(state, checked)
        # Outside the transaction: a wrong SMS code must still burn an attempt.
        signed = check_signature(state, user, draft, body.signature)
        with transaction(state.conn):
            instruction_id = withdrawals.insert_instruction(state, user, checked, signed.method)
            if signed.signed_at is not None:
                state.conn.execute(
                    "UPDATE instructions SET signed_at = ? WHERE id = ?",
                    (iso(signed.signed_at), instruction_id),
                )
            mark_draft_used(state, draft)
            instruction = withdrawals.load_instruction(state, instruction_id)
            assert instruction is not None
            language = request_language(request)
            created = localise_model(instruction, language).model_dump(mode="json")
            # With the withdrawal, in one COMMIT: a repeat after any crash gets this answer.
            remember(201, created)
        withdrawals.publish(state, user.id, instruction)
        return 201, created

    return run_idempotent(
        state, request, user.id, "instructions", body.model_dump(mode="json"), create
    )


@router.get(
    "/instructions",
    response_model=Page[Instruction],
    responses=error_responses(401, 403, 422),
)
async def list_instructions(
    request: Request,
    owner: str = Depends(subject_id),
    date_from: DateFrom = None,
    date_to: DateTo = None,
    status: StatusFilter = None,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Page[Instruction]:
    """Withdrawals, newest first, with an empty history per item (details carry it)."""
    query = ListQuery("created_at")
    query.where("user_id = ?", owner)
    query.period(date_from, date_to)
    query.one_of("status", parse_statuses(status, InstructionStatus, "invalid_status"))
    query.after(cursor)
    rows, next_cursor = query.page(
        get_state(request).conn, "instructions", limit, contact_records.COLUMNS
    )
    language = request_language(request)
    return Page[Instruction](
        items=[localise_model(withdrawals.instruction_from_row(r), language) for r in rows],
        next_cursor=next_cursor,
    )


@router.get(
    "/instructions/{instruction_id}",
    response_model=Instruction,
    responses=error_responses(401, 403, 404, 422),
)
async def get_instruction(
    request: Request, instruction_id: str = Path(max_length=64), owner: str = Depends(subject_id)
) -> Instruction:
    """One withdrawal with its status history."""
    found = withdrawals.load_instruction(get_state(request), instruction_id, owner)
    if found is None:
        raise not_found("Instruction")
    return localise_model(found, request_language(request))
