"""`/mock/orders`: every client's orders, and forcing a fill or a rejection as the exchange
would."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from cesec_desktop.domain.enums import OrderStatus, OrderType, Side
from cesec_desktop.domain.models.base import ErrorEnvelope
from cesec_desktop.domain.models.orders import Order
from cesec_desktop.domain.money import Dec
from cesec_desktop.mockserver import trading
from cesec_desktop.mockserver.balances import OPEN_ORDER_STATUSES
from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.errors import error_responses
from cesec_desktop.mockserver.languages import localise_model, request_language

router = APIRouter(prefix="/mock", tags=["mock"])

_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorEnvelope, "description": "No such order"},
    409: {"model": ErrorEnvelope, "description": "The order is not open"},
    422: {"model": ErrorEnvelope, "description": "Invalid quantity or price"},
}


class MockOrder(BaseModel):
    """One order as a tester's list shows it, whoever placed it."""

    id: str
    client_id: str
    login: str
    instrument_id: str
    side: Side
    order_type: OrderType
    quantity: Dec
    filled_quantity: Dec
    price: Dec | None
    status: OrderStatus
    created_at: datetime


class MockOrders(BaseModel):
    items: list[MockOrder]


@router.get("/orders", response_model=MockOrders, responses=error_responses(422))
async def list_orders(
    request: Request,
    status: Literal["open", "all"] = Query(
        default="open", description="open: those that may still be filled or rejected"
    ),
    limit: int = Query(default=200, ge=1, le=1000),
) -> MockOrders:
    """Every client's orders, newest first: what a tester may fill or reject."""
    where = f"WHERE o.status IN {OPEN_ORDER_STATUSES}" if status == "open" else ""
    rows = (
        get_state(request)
        .conn.execute(
            "SELECT o.id, o.user_id, COALESCE(u.login, o.user_id) AS login, o.instrument_id, "
            "o.side, o.type, o.quantity, o.filled_quantity, o.price, o.status, o.created_at "
            f"FROM orders o LEFT JOIN users u ON u.id = o.user_id {where} "
            "ORDER BY o.created_at DESC, o.number DESC LIMIT ?",
            (limit,),
        )
        .fetchall()
    )
    return MockOrders(
        items=[
            MockOrder(
                id=r["id"],
                client_id=r["user_id"],
                login=r["login"],
                instrument_id=r["instrument_id"],
                side=r["side"],
                order_type=r["type"],
                quantity=r["quantity"],
                filled_quantity=r["filled_quantity"],
                price=r["price"],
                status=r["status"],
                created_at=r["created_at"],
            )
            for r in rows
        ]
    )


class FillRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quantity: Dec | None = Field(default=None, description="default: all that remains")
    price: Dec | None = Field(
        default=None, description="default: the current quote, never worse than the limit"
    )


class RejectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=500)


@router.post("/orders/{order_id}/fill", response_model=Order, responses=_RESPONSES)
async def fill_order(order_id: str, request: Request, body: FillRequest | None = None) -> Order:
    """Fill an open order now, in full or in part, whether or not the market is open."""
    body = body or FillRequest()
    order = trading.force_fill(get_state(request), order_id, body.quantity, body.price)
    return localise_model(order, request_language(request))


@router.post("/orders/{order_id}/reject", response_model=Order, responses=_RESPONSES)
async def reject_order(order_id: str, request: Request, body: RejectRequest | None = None) -> Order:
    """Reject an open order, as the exchange or the broker's risk desk would."""
    body = body or RejectRequest()
    order = trading.reject(get_state(request), order_id, body.reason)
    return localise_model(order, request_language(request))
