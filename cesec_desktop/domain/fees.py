"""Broker's commission per order: a rate of the amount by market, with a minimum."""

from __future__ import annotations

from decimal import Decimal

from cesec_desktop.domain.enums import Currency, Market
from cesec_desktop.domain.money import round_money

FEE_RATES: dict[Market, Decimal] = {
    Market.KASE: Decimal("0.001"),
    Market.AIX: Decimal("0.001"),
    Market.INTL: Decimal("0.0015"),
}

MIN_FEE: dict[Currency, Decimal] = {
    Currency.KZT: Decimal("100"),
    Currency.USD: Decimal("1"),
}


def order_fee(market: Market, currency: Currency, amount: Decimal) -> Decimal:
    """max(rate x amount, minimum), half-up to 0.01; nothing is charged on a zero amount."""
    if amount < 0:
        raise ValueError("amount must not be negative")
    if amount == 0:
        return Decimal("0.00")
    return round_money(max(FEE_RATES[market] * amount, MIN_FEE[currency]))
