"""Idempotency-Key handling: a repeat of a create call returns the first result.

Only successful results are kept. A failed confirm (a wrong SMS code, say) may be retried with
the same key and different input, which is exactly what a client does after a typo.

The result is stored in the same transaction that creates the order or withdrawal: were it
stored after the COMMIT, a crash between the two would leave an order whose repeat answers
409 `draft_used` instead of the order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.responses import JSONResponse

from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.state import ServerState

KEY_HEADER = "Idempotency-Key"

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias=KEY_HEADER,
        max_length=128,
        description="Repeat a create call with the same key to get the first result back",
    ),
]
"""Declared on each create route so the OpenAPI document shows it; run_idempotent reads it."""


def idempotency_key(request: Request) -> str | None:
    key = request.headers.get(KEY_HEADER)
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > 128 or not key.isprintable():
        raise ApiError(
            422,
            "validation_error",
            "Bad Idempotency-Key",
            {"fields": {KEY_HEADER: "1 to 128 printable characters"}},
        )
    return key


Remember = Callable[[int, Any], None]
"""Store a create call's (status, payload) for its key; called inside the creating transaction."""


def run_idempotent(
    state: ServerState,
    request: Request,
    user_id: str,
    endpoint: str,
    body: Any,
    create: Callable[[Remember], tuple[int, Any]],
) -> JSONResponse:
    """Return the stored response for a seen key, else run `create` and answer its result.

    `create` gets `remember` and must call it with its result before its transaction commits.
    """
    key = idempotency_key(request)
    request_hash = hashlib.sha256(
        json.dumps(body, sort_keys=True, default=str).encode()
    ).hexdigest()
    if key is not None:
        row = state.conn.execute(
            "SELECT request_hash, status_code, response FROM idempotency "
            "WHERE user_id = ? AND endpoint = ? AND key = ?",
            (user_id, endpoint, key),
        ).fetchone()
        if row is not None:
            if row["request_hash"] != request_hash:
                raise ApiError(
                    422,
                    "idempotency_key_reused",
                    "This Idempotency-Key was already used for a different request",
                )
            return JSONResponse(
                json.loads(row["response"]),
                status_code=row["status_code"],
                headers={"Idempotent-Replayed": "true"},
            )
    remembered = False

    def remember(status: int, payload: Any) -> None:
        nonlocal remembered
        if not state.conn.in_transaction:
            raise RuntimeError("remember() belongs inside the transaction that creates")
        remembered = True
        if key is None or not 200 <= status < 300:
            return
        state.conn.execute(
            "INSERT OR REPLACE INTO idempotency "
            "(user_id, endpoint, key, request_hash, status_code, response, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                user_id,
                endpoint,
                key,
                request_hash,
                status,
                json.dumps(payload),
                iso(state.clock.now()),
            ),
        )

    status, payload = create(remember)
    if 200 <= status < 300 and not remembered:
        raise RuntimeError(f"{endpoint}: a created result was not remembered")
    return JSONResponse(payload, status_code=status)
