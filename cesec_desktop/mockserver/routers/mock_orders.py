"""`/mock/orders/*`: force a fill or a rejection, as the exchange would."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from cesec_desktop.domain.models.base import ErrorEnvelope
from cesec_desktop.domain.models.orders import Order
from cesec_desktop.domain.money import Dec
from cesec_desktop.mockserver import trading
from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.languages import localise_model, request_language

router = APIRouter(prefix="/mock", tags=["mock"])

_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorEnvelope, "description": "No such order"},
    409: {"model": ErrorEnvelope, "description": "The order is not open"},
    422: {"model": ErrorEnvelope, "description": "Invalid quantity or price"},
}


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
