"""A broker's book: every watched client's summary and positions, as of one moment."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from cesec_desktop.domain.enums import Currency
from cesec_desktop.domain.models.base import MAX_NAME, Model, Page
from cesec_desktop.domain.models.profile import Account
from cesec_desktop.domain.money import Dec

MAX_ID = 64
"""Ids of clients, accounts and instruments."""


class ClientCash(Model):
    """A client's cash in one currency, over all of its accounts."""

    currency: Currency
    balance: Dec
    available: Dec
    blocked: Dec


class LastActivity(Model):
    """The client's latest order placed, deal, or withdrawal status change."""

    kind: Literal["order", "fill", "withdrawal"]
    at: datetime


class ClientSummary(Model):
    """One watched client valued by the server: what `GET /portfolio` would total, and more.

    KZT figures use the page's `fx_rates`; `day_change_pct` is null when the value at the
    previous close was zero. `blocked_kzt` is the client's blocked cash, in KZT.
    """

    client_id: str = Field(max_length=MAX_ID)
    full_name: str = Field(max_length=MAX_NAME)
    iin: str = Field(max_length=12)
    accounts: list[Account]
    value_kzt: Dec
    day_change_kzt: Dec
    day_change_pct: Dec | None
    unrealized_pnl_kzt: Dec
    cash: list[ClientCash]
    blocked_kzt: Dec
    open_orders: int = Field(ge=0)
    withdrawals_in_progress: int = Field(ge=0)
    last_activity: LastActivity | None
    as_of: datetime


class ClientSummaryPage(Page[ClientSummary]):
    """`GET /clients/summary`: a page of summaries and the rates their KZT figures use."""

    fx_rates: dict[str, Dec] = Field(default_factory=dict)


class BookPosition(Model):
    """One position of one watched client, enough to revalue it from quotes."""

    client_id: str = Field(max_length=MAX_ID)
    account_id: str = Field(max_length=MAX_ID)
    instrument_id: str = Field(max_length=MAX_ID)
    quantity: Dec
    average_price: Dec
    currency: Currency


class BookPositionsPage(Page[BookPosition]):
    """`GET /clients/positions`: a page of positions and the rates of that moment."""

    fx_rates: dict[str, Dec] = Field(default_factory=dict)
