"""The order form's arithmetic: price steps, lots, and amount <-> quantity, Decimal only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cesec_desktop.domain.enums import Currency, InstrumentKind, Market, OrderType, Side
from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.domain.order_form import (
    amount_for_quantity,
    lots,
    max_buy_quantity,
    max_sell_quantity,
    quantity_for_amount,
    quantity_for_lots,
    round_to_step,
    step_price,
)
from cesec_desktop.domain.order_rules import (
    INSUFFICIENT_CASH,
    MAX_QUANTITY,
    OrderCheck,
    estimate,
    order_amount,
    validate_order,
)

D = Decimal


def _instrument(**overrides: Any) -> Instrument:
    fields: dict[str, Any] = {
        "id": "KASE:KSPI",
        "market": Market.KASE,
        "ticker": "KSPI",
        "name": "Kaspi.kz",
        "currency": Currency.KZT,
        "kind": InstrumentKind.SHARE,
        "lot_size": 1,
        "price_step": "0.01",
    }
    fields.update(overrides)
    return Instrument.model_validate(fields)


KSPI = _instrument()
BOND = _instrument(
    id="KASE:KFUSb11",
    ticker="KFUSb11",
    name="KFU bond",
    kind=InstrumentKind.BOND,
    price_step="0.0001",
    face_value="1000",
)
AIX_LOT10 = _instrument(
    id="AIX:KAP",
    market=Market.AIX,
    ticker="KAP",
    name="Kazatomprom",
    currency=Currency.USD,
    lot_size=10,
)
AAPL = _instrument(
    id="INTL:AAPL", market=Market.INTL, ticker="AAPL", name="Apple", currency=Currency.USD
)
INSTRUMENTS = [KSPI, BOND, AIX_LOT10, AAPL, _instrument(id="KASE:X", ticker="X", lot_size=100)]

STEPS = [D("0.01"), D("0.05"), D("0.5"), D("1"), D("0.0001"), D("0.25"), D("10")]
steps = st.sampled_from(STEPS)
prices_any = st.decimals(
    min_value=D("-1000000"), max_value=D("1000000"), places=6, allow_nan=False, allow_infinity=False
)
amounts = st.decimals(
    min_value=D("0"), max_value=D("1000000000"), places=2, allow_nan=False, allow_infinity=False
)


def _priced(instrument: Instrument, grid_points: int) -> Decimal:
    """A price on the instrument's grid at which one lot costs at least a cent."""
    price = grid_points * instrument.price_step
    assume(order_amount(instrument, price, D(instrument.lot_size)) > 0)
    return price


def _cost(instrument: Instrument, price: Decimal, quantity: Decimal, with_fee: bool) -> Decimal:
    """What an order costs by order_rules' own estimate: amount, plus the fee for a buy."""
    if quantity == 0:
        return D(0)
    check = OrderCheck(instrument, Side.BUY, OrderType.LIMIT, price, quantity)
    amount, _fee, total = estimate(check)
    return total if with_fee else amount


# --- price steps ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "expected"), [("down", "740.00"), ("up", "740.01"), ("nearest", "740.01")]
)
def test_round_to_step_modes(mode: str, expected: str) -> None:
    result = round_to_step(D("740.005"), D("0.01"), mode)  # type: ignore[arg-type]
    assert str(result) == expected


def test_round_to_step_keeps_the_steps_decimals() -> None:
    assert str(round_to_step(D("740"), D("0.01"), "down")) == "740.00"
    assert str(round_to_step(D("98.5"), D("0.0001"), "nearest")) == "98.5000"
    assert round_to_step(D("742.4"), D("5"), "nearest") == D("740")
    assert round_to_step(D("742.5"), D("5"), "nearest") == D("745")


def test_round_to_step_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        round_to_step(D("1"), D("0"), "down")
    with pytest.raises(ValueError):
        round_to_step(D("1"), D("0.01"), "sideways")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        round_to_step(D("NaN"), D("0.01"), "down")


@given(price=prices_any, step=steps, mode=st.sampled_from(["down", "up", "nearest"]))
def test_round_to_step_is_on_the_grid_and_within_a_step(
    price: Decimal, step: Decimal, mode: str
) -> None:
    result = round_to_step(price, step, mode)  # type: ignore[arg-type]
    assert isinstance(result, Decimal)
    assert result % step == 0
    assert abs(result - price) < step
    if mode == "down":
        assert result <= price
    elif mode == "up":
        assert result >= price
    else:
        assert abs(result - price) * 2 <= step
    if price % step == 0:
        assert result == price


def test_step_price_like_a_spin_box() -> None:
    step = D("0.01")
    assert str(step_price(D("740.00"), step, 3)) == "740.03"
    assert step_price(D("740.00"), step, -2) == D("739.98")
    # Off the grid: the first step lands on the grid.
    assert step_price(D("740.005"), step, 1) == D("740.01")
    assert step_price(D("740.005"), step, -1) == D("740.00")
    assert step_price(D("740.005"), step, 2) == D("740.02")
    assert step_price(D("98.5"), D("0.0001"), 1) == D("98.5001")


def test_step_price_never_goes_below_one_step() -> None:
    step = D("0.01")
    assert step_price(D("0.01"), step, -1) == step
    assert step_price(D("0.05"), step, -100) == step
    assert step_price(D("0"), step, 1) == step
    assert step_price(D("0"), step, 0) == step


@given(
    count=st.integers(min_value=1, max_value=10_000_000),
    step=steps,
    moves=st.integers(min_value=-1000, max_value=1000),
)
def test_step_price_on_grid_moves_by_whole_steps(count: int, step: Decimal, moves: int) -> None:
    price = count * step
    result = step_price(price, step, moves)
    assert result % step == 0
    assert result >= step
    assert result == max(price + moves * step, step)


@given(price=prices_any, step=steps, moves=st.integers(min_value=-50, max_value=50))
def test_step_price_is_on_the_grid_and_positive(price: Decimal, step: Decimal, moves: int) -> None:
    result = step_price(price, step, moves)
    assert result % step == 0 and result >= step
    if moves > 0:
        assert result > price or result == step
    elif moves < 0:
        assert result < price or result == step


# --- lots -------------------------------------------------------------------------------


def test_lots_and_back() -> None:
    assert lots(D("25"), 10) == 2
    assert lots(D("30"), 10) == 3
    assert lots(D("0"), 10) == 0
    assert lots(D("-5"), 1) == 0
    assert quantity_for_lots(3, 10) == D(30)
    assert quantity_for_lots(0, 10) == D(0)
    with pytest.raises(ValueError):
        lots(D("10"), 0)


@given(lot_count=st.integers(min_value=0, max_value=10**9), lot_size=st.integers(1, 1000))
def test_lots_round_trip(lot_count: int, lot_size: int) -> None:
    quantity = quantity_for_lots(lot_count, lot_size)
    assert isinstance(quantity, Decimal)
    assert lots(quantity, lot_size) == lot_count


def test_max_sell_quantity_is_whole_lots_of_what_is_held() -> None:
    assert max_sell_quantity(D("25"), 10) == D(20)
    assert max_sell_quantity(D("7"), 1) == D(7)
    assert max_sell_quantity(D("0"), 10) == D(0)
    assert max_sell_quantity(D("9"), 10) == D(0)


# --- amount <-> quantity ----------------------------------------------------------------


def test_amount_for_quantity_delegates_to_order_amount() -> None:
    assert amount_for_quantity(KSPI, D("42100.00"), D(2)) == D("84200.00")
    # A bond's price is % of its 1,000 KZT face value.
    assert amount_for_quantity(BOND, D("98.5"), D(3)) == D("2955.00")
    assert amount_for_quantity(KSPI, D("0"), D(2)) == D("0.00")
    assert amount_for_quantity(KSPI, D("42100"), D(0)) == D("0.00")


def test_quantity_for_amount_share_examples() -> None:
    price = D("42100.00")
    exact = quantity_for_amount(KSPI, price, D("84200.00"), side=Side.BUY, include_fee=False)
    assert exact == D(2)
    # 23 x 42,100 = 968,300 + 968.30 fee fits in a million; 24 would not.
    cash = D("1000000")
    assert quantity_for_amount(KSPI, price, cash, side=Side.BUY, include_fee=True) == D(23)
    assert max_buy_quantity(KSPI, price, cash) == D(23)
    # A sell pays no fee out of the amount typed: the fee comes off the proceeds.
    assert quantity_for_amount(KSPI, price, cash, side=Side.SELL, include_fee=True) == D(23)
    assert quantity_for_amount(KSPI, price, D("42099.99"), side=Side.SELL, include_fee=False) == 0


def test_minimum_fee_is_counted() -> None:
    # 0.5 USD a share, 10 USD: the 1 USD minimum fee leaves 9 USD, so 18 shares.
    cheap = _instrument(id="INTL:F", market=Market.INTL, ticker="F", currency=Currency.USD)
    assert max_buy_quantity(cheap, D("0.50"), D("10")) == D(18)
    # 1,000 KZT at 1 KZT a share: 100 KZT minimum fee leaves 900.
    assert max_buy_quantity(KSPI, D("1"), D("1000")) == D(900)


def test_lot_size_is_respected() -> None:
    # 10-share lots at 12.34 USD: 123.40 a lot, 1 USD minimum fee.
    assert max_buy_quantity(AIX_LOT10, D("12.34"), D("500")) == D(40)
    assert max_buy_quantity(AIX_LOT10, D("12.34"), D("124.39")) == D(0)
    assert max_buy_quantity(AIX_LOT10, D("12.34"), D("124.40")) == D(10)


def test_bonds_in_percent_of_face_value() -> None:
    # 98.5% of 1,000 KZT = 985 a bond: 10 cost 9,850 + 100 minimum fee = 9,950.
    assert max_buy_quantity(BOND, D("98.5"), D("10000")) == D(10)
    assert quantity_for_amount(BOND, D("98.5"), D("9849.99"), side=Side.BUY, include_fee=False) == 9
    assert quantity_for_amount(BOND, D("98.5"), D("9850"), side=Side.BUY, include_fee=False) == 10


def test_nothing_fits() -> None:
    assert max_buy_quantity(KSPI, D("42100"), D("0")) == D(0)
    assert max_buy_quantity(KSPI, D("42100"), D("-5")) == D(0)
    assert max_buy_quantity(KSPI, D("0"), D("1000")) == D(0)


def test_quantity_is_capped_at_what_validate_order_allows() -> None:
    huge = D("1000000000000")
    assert max_buy_quantity(KSPI, D("0.01"), huge) == MAX_QUANTITY
    capped = max_buy_quantity(AIX_LOT10, D("0.01"), huge)
    assert capped == MAX_QUANTITY  # 10,000,000 is a multiple of 10


@given(
    instrument=st.sampled_from(INSTRUMENTS),
    grid_points=st.integers(min_value=1, max_value=5_000_000),
    amount=amounts,
    include_fee=st.booleans(),
    side=st.sampled_from(list(Side)),
)
def test_amount_to_quantity_fits_and_one_more_lot_would_not(
    instrument: Instrument,
    grid_points: int,
    amount: Decimal,
    include_fee: bool,
    side: Side,
) -> None:
    price = _priced(instrument, grid_points)
    quantity = quantity_for_amount(instrument, price, amount, side=side, include_fee=include_fee)
    with_fee = include_fee and side is Side.BUY
    lot = instrument.lot_size
    assert isinstance(quantity, Decimal)
    assert quantity >= 0
    assert quantity == quantity.to_integral_value()
    assert quantity % lot == 0
    assert quantity <= MAX_QUANTITY
    assert _cost(instrument, price, quantity, with_fee) <= amount
    more = quantity + lot
    if more <= MAX_QUANTITY:
        assert _cost(instrument, price, more, with_fee) > amount


@given(
    instrument=st.sampled_from(INSTRUMENTS),
    grid_points=st.integers(min_value=1, max_value=5_000_000),
    quantity_lots=st.integers(min_value=1, max_value=100_000),
)
def test_quantity_to_amount_to_quantity_round_trips(
    instrument: Instrument, grid_points: int, quantity_lots: int
) -> None:
    price = _priced(instrument, grid_points)
    quantity = quantity_for_lots(quantity_lots, instrument.lot_size)
    assume(quantity <= MAX_QUANTITY)
    amount = amount_for_quantity(instrument, price, quantity)
    assert amount == order_amount(instrument, price, quantity)
    again = quantity_for_amount(instrument, price, amount, side=Side.BUY, include_fee=False)
    # The amount buys at least the quantity it came from; more only at a price so small
    # that rounding to the cent makes another lot free.
    assert again >= quantity
    assert amount_for_quantity(instrument, price, again) <= amount


@given(
    instrument=st.sampled_from(INSTRUMENTS),
    grid_points=st.integers(min_value=1, max_value=5_000_000),
    cash=amounts,
)
def test_max_buy_passes_validate_order_and_one_more_lot_does_not(
    instrument: Instrument, grid_points: int, cash: Decimal
) -> None:
    price = _priced(instrument, grid_points)
    quantity = max_buy_quantity(instrument, price, cash)

    def errors(qty: Decimal) -> dict[str, str]:
        check = OrderCheck(instrument, Side.BUY, OrderType.LIMIT, price, qty, available_cash=cash)
        return validate_order(check)

    if quantity > 0:
        assert errors(quantity) == {}
    more = quantity + instrument.lot_size
    if more <= MAX_QUANTITY:
        assert errors(more).get("quantity") == INSUFFICIENT_CASH


# --- Decimal only -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: round_to_step(740.0, D("0.01"), "down"),  # type: ignore[arg-type]
        lambda: round_to_step(D("740"), 0.01, "down"),  # type: ignore[arg-type]
        lambda: step_price(740.0, D("0.01"), 1),  # type: ignore[arg-type]
        lambda: lots(10.0, 1),  # type: ignore[arg-type]
        lambda: amount_for_quantity(KSPI, 740.0, D(1)),  # type: ignore[arg-type]
        lambda: quantity_for_amount(
            KSPI,
            D("740"),
            1000.0,  # type: ignore[arg-type]
            side=Side.BUY,
            include_fee=True,
        ),
        lambda: max_buy_quantity(KSPI, D("740"), 1000.0),  # type: ignore[arg-type]
        lambda: max_sell_quantity(5.0, 1),  # type: ignore[arg-type]
    ],
)
def test_floats_are_refused(call: Any) -> None:
    with pytest.raises(TypeError):
        call()


def test_results_are_decimals() -> None:
    price = D("740.00")
    results = [
        round_to_step(price, D("0.01"), "nearest"),
        step_price(price, D("0.01"), 1),
        amount_for_quantity(KSPI, price, D(3)),
        quantity_for_amount(KSPI, price, D("10000"), side=Side.BUY, include_fee=True),
        max_buy_quantity(BOND, D("98.5"), D("10000")),
        max_sell_quantity(D("5"), 1),
        quantity_for_lots(2, 10),
    ]
    assert all(type(result) is Decimal for result in results)


def test_session_day_is_today_until_the_close_then_the_next_trading_day() -> None:
    from datetime import UTC, date, datetime

    from cesec_desktop.domain.enums import Market
    from cesec_desktop.domain.markets import session_day

    # Friday 2026-11-20: 16:59 Almaty is before KASE's 17:00 close, 17:01 after it.
    assert session_day(Market.KASE, datetime(2026, 11, 20, 11, 59, tzinfo=UTC)) == date(
        2026, 11, 20
    )
    assert session_day(Market.KASE, datetime(2026, 11, 20, 12, 1, tzinfo=UTC)) == date(2026, 11, 23)
    # Saturday: the next session is Monday's.
    assert session_day(Market.KASE, datetime(2026, 11, 21, 6, 0, tzinfo=UTC)) == date(2026, 11, 23)
