"""`/support/requests`: problem reports to the broker's support desk, with attachments."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from cesec_desktop.domain.enums import SupportStatus
from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.support import SupportRequest, SupportRequestCreate
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import next_number, transaction
from cesec_desktop.mockserver.deps import User, current_user, get_state
from cesec_desktop.mockserver.errors import ApiError, error_responses, validation_error
from cesec_desktop.mockserver.idempotency import IdempotencyKeyHeader, Remember, run_idempotent
from cesec_desktop.mockserver.listing import (
    DateFrom,
    DateTo,
    ListQuery,
    PageCursor,
    PageLimit,
)
from cesec_desktop.mockserver.security import new_id
from cesec_desktop.mockserver.state import ServerState

router = APIRouter(tags=["support"])

MAX_ATTACHMENTS_BYTES = 5 * 1024 * 1024


def number_text(number: int) -> str:
    return f"SR-{number:06d}"


def _decode_attachments(body: SupportRequestCreate) -> list[dict[str, Any]]:
    """Check every attachment is real base64 and that together they fit the size limit."""
    stored: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    total = 0
    for index, attachment in enumerate(body.attachments):
        try:
            size = len(base64.b64decode(attachment.data, validate=True))
        except (binascii.Error, ValueError):
            errors[f"attachments.{index}.data"] = "invalid_base64"
            continue
        total += size
        stored.append(
            {
                "name": attachment.name,
                "content_type": attachment.content_type,
                "size": size,
                "data": attachment.data,
            }
        )
    if errors:
        raise validation_error(errors, "An attachment is not valid base64")
    if total > MAX_ATTACHMENTS_BYTES:
        raise ApiError(
            422,
            "attachments_too_large",
            "Attachments may not exceed 5 MB together",
            {
                "fields": {"attachments": "attachments_too_large"},
                "limit_bytes": MAX_ATTACHMENTS_BYTES,
                "size_bytes": total,
            },
        )
    return stored


_LIST_COLUMNS = (
    "id, number, summary, details, component, priority, environment, status, created_at, "
    "(SELECT json_group_array(json_extract(value, '$.name')) FROM json_each(attachments)) "
    "AS attachment_names"
)


def _from_row(row: Any) -> SupportRequest:
    names = json.loads(row["attachment_names"])
    return SupportRequest(
        id=row["id"],
        number=number_text(row["number"]),
        summary=row["summary"],
        details=row["details"],
        component=row["component"],
        priority=row["priority"],
        environment=row["environment"],
        status=row["status"],
        created_at=row["created_at"],
        attachment_names=names,
    )


def _insert(
    state: ServerState,
    user: User,
    body: SupportRequestCreate,
    attachments: list[dict[str, Any]],
    remember: Remember,
) -> dict[str, Any]:
    """Store the request and, in the same transaction, its answer for the Idempotency-Key."""
    conn = state.conn
    request_id = new_id("sup")
    with transaction(conn):
        number = next_number(conn, "support")
        conn.execute(
            "INSERT INTO support_requests (id, number, user_id, summary, details, component, "
            "priority, environment, status, created_at, attachments) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                request_id,
                number,
                user.id,
                body.summary,
                body.details,
                body.component.value,
                body.priority.value,
                body.environment.value,
                SupportStatus.REGISTERED.value,
                iso(state.clock.now()),
                json.dumps(attachments),
            ),
        )
        row = conn.execute(
            f"SELECT {_LIST_COLUMNS} FROM support_requests WHERE id = ?", (request_id,)
        ).fetchone()
        created = _from_row(row).model_dump(mode="json")
        remember(201, created)
    return created


@router.post(
    "/support/requests",
    response_model=SupportRequest,
    status_code=201,
    responses=error_responses(400, 401, 403, 422),
)
async def create_support_request(
    body: SupportRequestCreate,
    request: Request,
    user: User = Depends(current_user),
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """File a request; the answer carries its number (SR-000123)."""
    state = get_state(request)

    def create(remember: Remember) -> tuple[int, Any]:
        attachments = _decode_attachments(body)
        return 201, _insert(state, user, body, attachments, remember)

    return run_idempotent(state, request, user.id, "support", body.model_dump(mode="json"), create)


@router.get(
    "/support/requests",
    response_model=Page[SupportRequest],
    responses=error_responses(401, 403, 422),
)
async def list_support_requests(
    request: Request,
    user: User = Depends(current_user),
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Page[SupportRequest]:
    """The user's own requests, newest first."""
    query = ListQuery("created_at")
    query.where("user_id = ?", user.id)
    query.period(date_from, date_to)
    query.after(cursor)
    # Only the attachments' names: a list must not drag megabytes of base64 along.
    conn = get_state(request).conn
    page, next_cursor = query.page(conn, "support_requests", limit, _LIST_COLUMNS)
    return Page[SupportRequest](items=[_from_row(r) for r in page], next_cursor=next_cursor)
