"""Order amount, estimate and field validation for shares, bonds and market orders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cesec_desktop.domain.enums import Currency, InstrumentKind, Market, OrderType, Side
from cesec_desktop.domain.fees import order_fee
from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.domain.order_rules import (
    INSUFFICIENT_CASH,
    INSUFFICIENT_POSITION,
    PRICE_FOR_MARKET,
    PRICE_LIMIT,
    PRICE_NOT_POSITIVE,
    PRICE_REQUIRED,
    PRICE_STEP,
    QTY_LOT,
    QTY_NOT_POSITIVE,
    QTY_NOT_WHOLE,
    QTY_TOO_LARGE,
    VALID_UNTIL_PAST,
    OrderCheck,
    estimate,
    market_order_buffer,
    order_amount,
    validate_order,
)

D = Decimal
TODAY = date(2025, 3, 14)


def _instrument(**overrides: Any) -> Instrument:
    fields: dict[str, Any] = {
        "id": "KASE:KCEL",
        "market": Market.KASE,
        "ticker": "KCEL",
        "name": "Kcell",
        "isin": "KZ1C00000876",
        "currency": Currency.KZT,
        "kind": InstrumentKind.SHARE,
        "lot_size": 1,
        "price_step": "0.01",
    }
    fields.update(overrides)
    return Instrument.model_validate(fields)


KCEL = _instrument()
BOND = _instrument(
    id="KASE:KFUSb10",
    ticker="KFUSb10",
    name="KazAgroFinance bond",
    isin="KZ2C00007326",
    kind=InstrumentKind.BOND,
    price_step="0.0001",
    face_value="1000",
)
AIX_SHARE = _instrument(
    id="AIX:KAP", market=Market.AIX, ticker="KAP", currency=Currency.USD, price_step="0.05"
)
AIX_ETF = _instrument(
    id="AIX:ETF", market=Market.AIX, ticker="ETF", currency=Currency.USD, kind="etf"
)
LOT10 = _instrument(id="KASE:LOT", ticker="LOT", lot_size=10)


def _check(instrument: Instrument = KCEL, **overrides: Any) -> OrderCheck:
    base = OrderCheck(
        instrument=instrument,
        side=Side.BUY,
        type=OrderType.LIMIT,
        price=D("3320.00"),
        quantity=D("10"),
    )
    return replace(base, **overrides)


# --- amount and estimate -------------------------------------------------------------


def test_share_amount() -> None:
    assert order_amount(KCEL, D("3320.00"), D("10")) == D("33200.00")
    assert order_amount(KCEL, D("0.333"), D("1")) == D("0.33")
    assert order_amount(KCEL, D("0.335"), D("1")) == D("0.34")  # half-up


def test_bond_amount_is_percent_of_face_value() -> None:
    assert order_amount(BOND, D("99.5"), D("3")) == D("2985.00")
    assert order_amount(BOND, D("100.1234"), D("7")) == D("7008.64")


prices_4dp = st.decimals(
    min_value=D("0.0001"), max_value=D("200"), places=4, allow_nan=False, allow_infinity=False
)
quantities = st.integers(min_value=1, max_value=100_000).map(D)


@given(prices_4dp, quantities)
def test_bond_amount_property(price: Decimal, quantity: Decimal) -> None:
    amount = order_amount(BOND, price, quantity)
    assert isinstance(amount, Decimal)
    assert amount.as_tuple().exponent == -2
    # price% of 1000 is price*10 exactly, so the amount needs no rounding beyond the cent.
    assert abs(amount - price * 10 * quantity) <= D("0.005")


@given(prices_4dp, quantities)
def test_amount_is_decimal_to_the_cent(price: Decimal, quantity: Decimal) -> None:
    amount = order_amount(KCEL, price, quantity)
    assert type(amount) is Decimal
    assert amount.as_tuple().exponent == -2
    assert abs(amount - price * quantity) <= D("0.005")


def test_limit_estimate() -> None:
    amount, fee, total = estimate(_check())
    assert (amount, fee, total) == (D("33200.00"), D("100.00"), D("33300.00"))
    amount, fee, total = estimate(_check(side=Side.SELL, quantity=D("1000")))
    assert (amount, fee, total) == (D("3320000.00"), D("3320.00"), D("3316680.00"))


def test_market_buy_reserves_the_buffer_over_the_ask() -> None:
    check = _check(type=OrderType.MARKET, price=None, reference_price=D("1000"), quantity=D("100"))
    amount, fee, total = estimate(check)
    assert market_order_buffer == D("1.05")
    assert amount == D("105000.00")
    assert fee == D("105.00")
    assert total == D("105105.00")


def test_market_sell_uses_the_bid_as_is() -> None:
    check = _check(
        side=Side.SELL,
        type=OrderType.MARKET,
        price=None,
        reference_price=D("1000"),
        quantity=D("100"),
    )
    assert estimate(check) == (D("100000.00"), D("100.00"), D("99900.00"))


@pytest.mark.parametrize(
    "check",
    [
        _check(type=OrderType.MARKET, price=None),
        _check(price=None),
        _check(price=D("0")),
        _check(quantity=D("0")),
    ],
)
def test_unpriced_estimate_is_zero(check: OrderCheck) -> None:
    assert estimate(check) == (D("0"), D("0"), D("0"))


@given(
    st.sampled_from([KCEL, BOND, AIX_SHARE]),
    st.sampled_from(Side),
    st.sampled_from(OrderType),
    prices_4dp,
    quantities,
)
def test_estimate_total_is_amount_plus_or_minus_fee(
    instrument: Instrument, side: Side, order_type: OrderType, price: Decimal, quantity: Decimal
) -> None:
    limit_price = price if order_type is OrderType.LIMIT else None
    check = OrderCheck(instrument, side, order_type, limit_price, quantity, reference_price=price)
    amount, fee, total = estimate(check)
    assert all(type(x) is Decimal for x in (amount, fee, total))
    assert fee == order_fee(instrument.market, instrument.currency, amount)
    assert total == (amount + fee if side is Side.BUY else amount - fee)


# --- validation examples -------------------------------------------------------------


def test_valid_order_has_no_errors() -> None:
    assert validate_order(_check(available_cash=D("1000000"), today=TODAY, valid_until=TODAY)) == {}


@pytest.mark.parametrize(
    ("quantity", "code"),
    [
        ("0", QTY_NOT_POSITIVE),
        ("-5", QTY_NOT_POSITIVE),
        ("1.5", QTY_NOT_WHOLE),
        ("10000001", QTY_TOO_LARGE),
    ],
)
def test_quantity_errors(quantity: str, code: str) -> None:
    assert validate_order(_check(quantity=D(quantity))) == {"quantity": code}


def test_whole_quantity_with_a_decimal_point_is_fine() -> None:
    assert validate_order(_check(quantity=D("10.000"))) == {}
    assert validate_order(_check(quantity=D("10000000"))) == {}


def test_lot_size() -> None:
    assert validate_order(_check(LOT10, quantity=D("15"))) == {"quantity": QTY_LOT}
    assert validate_order(_check(LOT10, quantity=D("20"))) == {}


@pytest.mark.parametrize(
    ("price", "code"),
    [
        (None, PRICE_REQUIRED),
        ("0", PRICE_NOT_POSITIVE),
        ("-1", PRICE_NOT_POSITIVE),
        ("3320.005", PRICE_STEP),
    ],
)
def test_limit_price_errors(price: str | None, code: str) -> None:
    value = None if price is None else D(price)
    assert validate_order(_check(price=value)) == {"price": code}


def test_market_order_takes_no_price() -> None:
    assert validate_order(_check(type=OrderType.MARKET)) == {"price": PRICE_FOR_MARKET}
    assert validate_order(_check(type=OrderType.MARKET, price=None)) == {}


def test_bond_price_step_is_four_decimals() -> None:
    assert validate_order(_check(BOND, price=D("99.1234"))) == {}
    assert validate_order(_check(BOND, price=D("99.12345"))) == {"price": PRICE_STEP}


@pytest.mark.parametrize(
    ("price", "ok"),
    [("90", True), ("110", True), ("100", True), ("89.95", False), ("110.05", False)],
)
def test_aix_share_price_band(price: str, ok: bool) -> None:
    check = _check(AIX_SHARE, price=D(price), prev_close=D("100"))
    assert validate_order(check) == ({} if ok else {"price": PRICE_LIMIT})


def test_price_band_is_only_for_aix_shares_with_a_close() -> None:
    assert validate_order(_check(AIX_SHARE, price=D("150"))) == {}
    assert validate_order(_check(AIX_ETF, price=D("150"), prev_close=D("100"))) == {}
    assert validate_order(_check(price=D("5000"), prev_close=D("3320"))) == {}


def test_insufficient_cash_counts_the_fee() -> None:
    # 33,200 + 100 fee = 33,300.
    assert validate_order(_check(available_cash=D("33300"))) == {}
    assert validate_order(_check(available_cash=D("33299.99"))) == {"quantity": INSUFFICIENT_CASH}


def test_market_buy_cash_check_uses_the_buffered_ask() -> None:
    check = _check(type=OrderType.MARKET, price=None, reference_price=D("1000"), quantity=D("100"))
    assert validate_order(replace(check, available_cash=D("105105"))) == {}
    assert validate_order(replace(check, available_cash=D("105000"))) == {
        "quantity": INSUFFICIENT_CASH
    }
    # No ask known: nothing to check against here; the backend decides.
    assert validate_order(replace(check, reference_price=None, available_cash=D("1"))) == {}


def test_no_cash_check_when_price_or_quantity_is_wrong() -> None:
    poor = {"available_cash": D("1")}
    assert validate_order(_check(price=D("3320.001"), **poor)) == {"price": PRICE_STEP}
    assert validate_order(_check(quantity=D("1.5"), **poor)) == {"quantity": QTY_NOT_WHOLE}
    assert validate_order(_check(**poor)) == {"quantity": INSUFFICIENT_CASH}


def test_sell_needs_the_position() -> None:
    sell = _check(side=Side.SELL, available_cash=D("0"))
    assert validate_order(replace(sell, available_quantity=D("10"))) == {}
    assert validate_order(replace(sell, available_quantity=D("9"))) == {
        "quantity": INSUFFICIENT_POSITION
    }
    # The position does not depend on the price, so both errors show at once.
    assert validate_order(replace(sell, price=D("1.001"), available_quantity=D("9"))) == {
        "price": PRICE_STEP,
        "quantity": INSUFFICIENT_POSITION,
    }


def test_valid_until() -> None:
    assert validate_order(_check(valid_until=date(2025, 3, 13), today=TODAY)) == {
        "valid_until": VALID_UNTIL_PAST
    }
    assert validate_order(_check(valid_until=date(2025, 3, 13))) == {}
    assert validate_order(_check(valid_until=date(2026, 1, 1), today=TODAY)) == {}


def test_every_field_error_at_once() -> None:
    check = _check(price=None, quantity=D("0"), valid_until=date(2020, 1, 1), today=TODAY)
    assert validate_order(check) == {
        "price": PRICE_REQUIRED,
        "quantity": QTY_NOT_POSITIVE,
        "valid_until": VALID_UNTIL_PAST,
    }


# --- validation properties -----------------------------------------------------------

STEPS = [D("0.01"), D("0.0001"), D("0.05"), D("0.5"), D("1"), D("0.25")]


@given(st.sampled_from(STEPS), st.integers(min_value=1, max_value=10**9))
def test_multiples_of_the_step_pass_exactly(step: Decimal, k: int) -> None:
    # 0.07 % 0.01 is not 0 in binary floating point; in Decimal it is.
    instrument = _instrument(price_step=step)
    assert "price" not in validate_order(_check(instrument, price=step * k))


@given(
    st.sampled_from(STEPS),
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=99),
)
def test_off_step_prices_fail(step: Decimal, k: int, part: int) -> None:
    # A fraction part/100 of a step is never a whole step.
    instrument = _instrument(price_step=step)
    price = step * k + step * part / 100
    assert validate_order(_check(instrument, price=price)) == {"price": PRICE_STEP}


def test_huge_price_over_a_tiny_step_does_not_raise() -> None:
    instrument = _instrument(price_step="0.0001")
    assert validate_order(_check(instrument, price=D("123456789012345678.0001"))) == {}


@given(
    st.sampled_from([KCEL, BOND, AIX_SHARE, LOT10]),
    st.sampled_from(Side),
    st.sampled_from(OrderType),
    st.one_of(st.none(), st.decimals(min_value=-10, max_value=10**6, places=5)),
    st.decimals(min_value=-100, max_value=2 * 10**7, places=2),
    st.one_of(st.none(), st.decimals(min_value=0, max_value=10**9, places=2)),
    st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=0)),
)
def test_errors_name_known_fields_and_codes(
    instrument: Instrument,
    side: Side,
    order_type: OrderType,
    price: Decimal | None,
    quantity: Decimal,
    cash: Decimal | None,
    held: Decimal | None,
) -> None:
    check = OrderCheck(
        instrument,
        side,
        order_type,
        price,
        quantity,
        available_cash=cash,
        available_quantity=held,
        reference_price=D("100"),
        prev_close=D("100"),
    )
    errors = validate_order(check)
    assert set(errors) <= {"price", "quantity"}
    assert set(errors.values()) <= {
        QTY_NOT_POSITIVE,
        QTY_NOT_WHOLE,
        QTY_LOT,
        QTY_TOO_LARGE,
        PRICE_REQUIRED,
        PRICE_NOT_POSITIVE,
        PRICE_STEP,
        PRICE_LIMIT,
        PRICE_FOR_MARKET,
        INSUFFICIENT_CASH,
        INSUFFICIENT_POSITION,
    }
    if errors.get("quantity") == INSUFFICIENT_CASH:
        assert side is Side.BUY and "price" not in errors and cash is not None
        assert estimate(check)[2] > cash
