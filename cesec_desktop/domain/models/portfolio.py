"""Positions, cash and portfolio value history."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from cesec_desktop.domain.enums import Currency
from cesec_desktop.domain.models.base import MAX_NAME, Model
from cesec_desktop.domain.money import Dec


class Position(Model):
    account_id: str
    instrument_id: str
    ticker: str
    name: str = Field(max_length=MAX_NAME)
    currency: Currency
    quantity: Dec
    available: Dec
    average_price: Dec
    last_price: Dec
    value: Dec
    unrealized_pnl: Dec
    unrealized_pnl_pct: Dec


class CashBalance(Model):
    account_id: str
    currency: Currency
    balance: Dec
    available: Dec
    blocked: Dec


class PortfolioTotals(Model):
    currency: Currency = Currency.KZT
    securities_value: Dec
    cash_value: Dec
    total_value: Dec
    day_change: Dec
    day_change_pct: Dec


class Portfolio(Model):
    account_id: str | None = None
    positions: list[Position]
    cash: list[CashBalance]
    totals: PortfolioTotals
    fx_rates: dict[str, Dec] = Field(default_factory=dict)


class PortfolioHistoryPoint(Model):
    date: date
    value: Dec


class PortfolioHistory(Model):
    account_id: str | None = None
    currency: Currency = Currency.KZT
    items: list[PortfolioHistoryPoint]
