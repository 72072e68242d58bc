"""Orders and transactions (deals)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from cesec_desktop.domain.enums import Currency, OrderStatus, OrderType, Side
from cesec_desktop.domain.models.base import Model, Request
from cesec_desktop.domain.models.signing import Document
from cesec_desktop.domain.money import Dec


class OrderDraftRequest(Request):
    account_id: str = Field(min_length=1, max_length=64)
    instrument_id: str = Field(min_length=1, max_length=64)
    side: Side
    type: OrderType
    price: Dec | None = None
    quantity: Dec
    valid_until: date | None = None


class OrderDraft(Model):
    draft_id: str
    document: Document
    expires_at: datetime
    amount: Dec
    fee: Dec
    total: Dec
    currency: Currency
    valid_until: date


class OrderEvent(Model):
    time: datetime
    status: OrderStatus
    message: str = ""
    filled_quantity: Dec | None = None
    price: Dec | None = None


class Order(Model):
    id: str
    number: str
    account_id: str
    instrument_id: str
    ticker: str
    side: Side
    type: OrderType
    price: Dec | None
    quantity: Dec
    filled_quantity: Dec
    average_fill_price: Dec | None = None
    currency: Currency
    status: OrderStatus
    created_at: datetime
    updated_at: datetime
    valid_until: date
    signature_method: str
    signed_at: datetime | None = None
    """When an EDS signature's timestamp token (CAdES-T) says it was made; else None."""
    reject_reason: str | None = None
    history: list[OrderEvent] = Field(default_factory=list)


class Transaction(Model):
    id: str
    number: str
    time: datetime
    order_id: str
    account_id: str
    instrument_id: str
    ticker: str
    side: Side
    price: Dec
    quantity: Dec
    amount: Dec
    fee: Dec
    currency: Currency
    settlement_date: date
