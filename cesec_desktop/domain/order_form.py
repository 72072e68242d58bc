"""The order form's arithmetic: price steps, lots, and amount <-> quantity, in Decimal only.

Amounts and fees come from `order_rules.order_amount` and `fees.order_fee`, so what the form
shows is what the backend will compute. Quantities are in units (shares, bonds), always a
whole number of lots.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from typing import Literal

from cesec_desktop.domain.enums import Side
from cesec_desktop.domain.fees import order_fee
from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.domain.order_rules import MAX_QUANTITY, order_amount

RoundingMode = Literal["down", "up", "nearest"]

_ROUNDING = {"down": ROUND_FLOOR, "up": ROUND_CEILING, "nearest": ROUND_HALF_UP}
# Enough digits that a large price over a tiny step never loses one (the default is 28).
_PRECISION = 80
_ZERO_AMOUNT = Decimal("0.00")
_HUNDRED = Decimal(100)
# A rounded amount may sit up to half a cent below the exact one.
_HALF_CENT = Decimal("0.005")


def round_to_step(price: Decimal, step: Decimal, mode: RoundingMode) -> Decimal:
    """``price`` on the grid of ``step``: the grid point below, above, or nearest (ties up)."""
    _check_decimal(price, "price")
    _check_step(step)
    if mode not in _ROUNDING:
        raise ValueError(f"mode must be down, up or nearest, not {mode!r}")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        count = (price / step).to_integral_value(rounding=_ROUNDING[mode])
        # Quantize to the step's exponent: 740 on a 0.01 grid reads 740.00, as the form shows.
        return (count * step).quantize(step)


def step_price(price: Decimal, step: Decimal, steps: int) -> Decimal:
    """The spin box's up/down: ``steps`` grid points from ``price``, never below one step."""
    _check_decimal(price, "price")
    _check_step(step)
    if steps > 0:
        base = round_to_step(price, step, "up")
        # Off the grid, reaching the grid is the first step (as a spin box does).
        if base != price:
            steps -= 1
    elif steps < 0:
        base = round_to_step(price, step, "down")
        if base != price:
            steps += 1
    else:
        base = round_to_step(price, step, "nearest")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return max(base + steps * step, step).quantize(step)


def lots(quantity: Decimal, lot_size: int) -> int:
    """Whole lots in ``quantity``; a partial lot does not count."""
    _check_decimal(quantity, "quantity")
    _check_lot_size(lot_size)
    if quantity <= 0:
        return 0
    return int((quantity / lot_size).to_integral_value(rounding=ROUND_FLOOR))


def quantity_for_lots(lot_count: int, lot_size: int) -> Decimal:
    """The quantity in units of ``lot_count`` lots."""
    _check_lot_size(lot_size)
    if isinstance(lot_count, bool) or not isinstance(lot_count, int):
        raise TypeError("lot_count must be an int")
    return Decimal(max(lot_count, 0) * lot_size)


def amount_for_quantity(instrument: Instrument, price: Decimal, quantity: Decimal) -> Decimal:
    """The order's amount, as the backend computes it; zero until price and quantity make sense."""
    _check_decimal(price, "price")
    _check_decimal(quantity, "quantity")
    if price <= 0 or quantity <= 0:
        return _ZERO_AMOUNT
    return order_amount(instrument, price, quantity)


def quantity_for_amount(
    instrument: Instrument, price: Decimal, amount: Decimal, *, side: Side, include_fee: bool
) -> Decimal:
    """The most whole lots whose amount (plus the fee, for a buy if asked) fits in ``amount``."""
    _check_decimal(price, "price")
    _check_decimal(amount, "amount")
    if price <= 0 or amount <= 0:
        return Decimal(0)
    with_fee = include_fee and side is Side.BUY
    lot = instrument.lot_size
    _check_lot_size(lot)

    def cost(lot_count: int) -> Decimal:
        value = order_amount(instrument, price, Decimal(lot_count * lot))
        if with_fee:
            value += order_fee(instrument.market, instrument.currency, value)
        return value

    # Exact cost is monotonic in the number of lots, so bisect between 0 (fits) and a count
    # that cannot fit even after rounding; a loop of ~log2(n) fee calculations.
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        lot_value = _unit_value(instrument, price) * lot
        if lot_value <= 0:
            return Decimal(0)
        high = int(((amount + _HALF_CENT) / lot_value).to_integral_value(ROUND_FLOOR)) + 1
    # The form never proposes what validate_order would refuse as too large.
    high = min(high, int(MAX_QUANTITY) // lot + 1)
    low = 0
    while high - low > 1:
        middle = (low + high) // 2
        if cost(middle) <= amount:
            low = middle
        else:
            high = middle
    return Decimal(low * lot)


def max_buy_quantity(instrument: Instrument, price: Decimal, available_cash: Decimal) -> Decimal:
    """The most whole lots that available cash pays for, fee included."""
    return quantity_for_amount(instrument, price, available_cash, side=Side.BUY, include_fee=True)


def max_sell_quantity(available_quantity: Decimal, lot_size: int) -> Decimal:
    """The most whole lots that can be sold out of what is held."""
    return quantity_for_lots(lots(available_quantity, lot_size), lot_size)


def _unit_value(instrument: Instrument, price: Decimal) -> Decimal:
    """What one unit costs before rounding: a bond's price is % of its face value."""
    if instrument.face_value is not None:
        return price / _HUNDRED * instrument.face_value
    return price


def _check_decimal(value: object, name: str) -> None:
    # A float would have lost the cents already; refuse it rather than round it silently.
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{name} must be a finite number")


def _check_step(step: Decimal) -> None:
    _check_decimal(step, "step")
    if step <= 0:
        raise ValueError("step must be positive")


def _check_lot_size(lot_size: int) -> None:
    if isinstance(lot_size, bool) or not isinstance(lot_size, int) or lot_size < 1:
        raise ValueError("lot_size must be a positive int")
