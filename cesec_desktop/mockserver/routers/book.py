"""`/clients/summary` and `/clients/positions`: a broker's whole book, paged."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request, Response
from pydantic_core import to_json

from cesec_desktop.domain.enums import Role
from cesec_desktop.domain.models.book import BookPositionsPage, ClientSummaryPage
from cesec_desktop.domain.money import format_decimal
from cesec_desktop.mockserver import book
from cesec_desktop.mockserver.deps import User, current_user, get_state
from cesec_desktop.mockserver.errors import error_responses, forbidden
from cesec_desktop.mockserver.listing import PageCursor, PageLimit, decode_cursor, encode_cursor
from cesec_desktop.mockserver.valuation import usdkzt

router = APIRouter(tags=["profile"])


async def _broker(user: User = Depends(current_user)) -> User:
    if user.role is not Role.BROKER:
        raise forbidden("Only brokers have clients")
    return user


@router.get(
    "/clients/summary",
    response_model=ClientSummaryPage,
    responses=error_responses(401, 403, 422),
)
async def clients_summary(
    request: Request,
    user: User = Depends(_broker),
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    """Each watched client valued as of now, by client id; values agree with `/portfolio`."""
    state = get_state(request)
    after = decode_cursor(cursor)[0] if cursor is not None else None
    rows = book.watched_clients(state.conn, user.id, after, limit + 1)
    next_cursor = encode_cursor(rows[limit - 1]["id"], "") if len(rows) > limit else None
    # One moment for the page: the loop runs nothing else until this handler returns.
    now, rate = state.clock.now(), usdkzt(state)
    # Written as `ClientSummaryPage.model_dump_json` would write it, by the same serializer,
    # from dicts: models for thousands of clients would cost more than their valuation.
    page = {
        "items": book.summaries(state, rows[:limit], now, rate),
        "next_cursor": next_cursor,
        "fx_rates": {"USDKZT": format_decimal(rate)},
    }
    return Response(to_json(page), media_type="application/json")


@router.get(
    "/clients/positions",
    response_model=BookPositionsPage,
    responses=error_responses(401, 403, 422),
)
async def clients_positions(
    request: Request,
    user: User = Depends(_broker),
    limit: PageLimit = 5000,
    cursor: PageCursor = None,
) -> Response:
    """Every position of every watched client, by account and instrument, to revalue from
    quotes; the rate of this moment comes with it."""
    state = get_state(request)
    after = decode_cursor(cursor) if cursor is not None else None
    items, following = book.positions_page(state.conn, user.id, after, limit)
    next_cursor = encode_cursor(*following) if following is not None else None
    # The page around the objects SQLite wrote, as `BookPositionsPage` would be written.
    tail = json.dumps(
        {"next_cursor": next_cursor, "fx_rates": {"USDKZT": format_decimal(usdkzt(state))}},
        separators=(",", ":"),
    )
    body = '{"items":[' + ",".join(items) + "]," + tail[1:]
    return Response(body, media_type="application/json")
