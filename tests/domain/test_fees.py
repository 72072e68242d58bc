"""Order fees: rate by market, minimum by currency, half-up to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cesec_desktop.domain.enums import Currency, Market
from cesec_desktop.domain.fees import FEE_RATES, MIN_FEE, order_fee

amounts = st.decimals(
    min_value=Decimal("0.01"),
    max_value=Decimal("1000000000"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def test_tables_cover_every_market_and_currency() -> None:
    assert set(FEE_RATES) == set(Market)
    assert set(MIN_FEE) == set(Currency)
    assert FEE_RATES[Market.INTL] == Decimal("0.0015")
    assert MIN_FEE[Currency.KZT] == Decimal("100")


@pytest.mark.parametrize(
    ("market", "currency", "amount", "fee"),
    [
        (Market.KASE, Currency.KZT, "50000", "100.00"),  # minimum
        (Market.KASE, Currency.KZT, "1000000", "1000.00"),
        (Market.KASE, Currency.KZT, "123456.78", "123.46"),
        (Market.AIX, Currency.USD, "500", "1.00"),  # minimum
        (Market.AIX, Currency.USD, "1005", "1.01"),  # 1.005: half-up, not half-even
        (Market.AIX, Currency.KZT, "200000", "200.00"),
        (Market.INTL, Currency.USD, "1000", "1.50"),
        (Market.INTL, Currency.USD, "1234.57", "1.85"),
    ],
)
def test_examples(market: Market, currency: Currency, amount: str, fee: str) -> None:
    result = order_fee(market, currency, Decimal(amount))
    assert result == Decimal(fee)
    assert str(result) == fee


def test_zero_amount_has_no_fee() -> None:
    assert order_fee(Market.KASE, Currency.KZT, Decimal("0")) == 0


def test_negative_amount_is_refused() -> None:
    with pytest.raises(ValueError):
        order_fee(Market.KASE, Currency.KZT, Decimal("-1"))


@given(st.sampled_from(Market), st.sampled_from(Currency), amounts)
def test_fee_is_rate_or_minimum_to_the_cent(
    market: Market, currency: Currency, amount: Decimal
) -> None:
    fee = order_fee(market, currency, amount)
    assert isinstance(fee, Decimal)
    assert fee.as_tuple().exponent == -2
    assert fee >= MIN_FEE[currency]
    assert abs(fee - max(FEE_RATES[market] * amount, MIN_FEE[currency])) <= Decimal("0.005")


@given(st.sampled_from(Market), st.sampled_from(Currency), amounts, amounts)
def test_fee_never_falls_as_the_amount_grows(
    market: Market, currency: Currency, a: Decimal, b: Decimal
) -> None:
    low, high = sorted((a, b))
    assert order_fee(market, currency, low) <= order_fee(market, currency, high)


def test_spendable_money_rounds_down_and_reserves_round_up() -> None:
    from cesec_desktop.domain.money import ceil_money, floor_money

    assert floor_money(Decimal("20103.0845")) == Decimal("20103.08")
    assert ceil_money(Decimal("20103.0845")) == Decimal("20103.09")
    assert floor_money(Decimal("-0.001")) == Decimal("-0.00")
    assert ceil_money(Decimal("5.00")) == Decimal("5.00")
