"""Order checks shared by the order form and the mock backend: amount, fee, field errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from cesec_desktop.domain.enums import InstrumentKind, Market, OrderType, Side
from cesec_desktop.domain.fees import order_fee
from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.domain.money import round_money

QTY_NOT_POSITIVE = "quantity_not_positive"
QTY_NOT_WHOLE = "quantity_not_whole"
QTY_LOT = "quantity_lot"
QTY_TOO_LARGE = "quantity_too_large"
PRICE_REQUIRED = "price_required"
PRICE_NOT_POSITIVE = "price_not_positive"
PRICE_STEP = "price_step"
PRICE_LIMIT = "price_limit"
PRICE_FOR_MARKET = "price_not_allowed"
INSUFFICIENT_CASH = "insufficient_cash"
INSUFFICIENT_POSITION = "insufficient_position"
VALID_UNTIL_PAST = "valid_until_past"

MAX_QUANTITY = Decimal(10_000_000)
# AIX rejects share orders more than 10% away from the previous close.
AIX_PRICE_BAND = Decimal("0.10")
# A market buy reserves 5% over the ask: the price may move before the fill.
market_order_buffer = Decimal("1.05")

_ZERO = Decimal("0.00")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class OrderCheck:
    """What the form knows about an order; optional facts enable the checks that need them."""

    instrument: Instrument
    side: Side
    type: OrderType
    price: Decimal | None
    quantity: Decimal
    available_cash: Decimal | None = None
    available_quantity: Decimal | None = None
    reference_price: Decimal | None = None
    prev_close: Decimal | None = None
    valid_until: date | None = None
    today: date | None = None


def order_amount(instrument: Instrument, price: Decimal, quantity: Decimal) -> Decimal:
    """Price x quantity, half-up to 0.01; a bond's price is % of face value (clean)."""
    if instrument.face_value is not None:
        return round_money(price / _HUNDRED * instrument.face_value * quantity)
    return round_money(price * quantity)


def _estimate_price(check: OrderCheck) -> Decimal | None:
    if check.type is OrderType.LIMIT:
        return check.price
    if check.reference_price is None:
        return None
    if check.side is Side.BUY:
        return check.reference_price * market_order_buffer
    return check.reference_price


def estimate(check: OrderCheck) -> tuple[Decimal, Decimal, Decimal]:
    """(amount, fee, total): total is what a buy costs or a sell brings; zeros if unpriced."""
    price = _estimate_price(check)
    if price is None or not price.is_finite() or price <= 0:
        return _ZERO, _ZERO, _ZERO
    if not check.quantity.is_finite() or check.quantity <= 0:
        return _ZERO, _ZERO, _ZERO
    instrument = check.instrument
    amount = order_amount(instrument, price, check.quantity)
    fee = order_fee(instrument.market, instrument.currency, amount)
    total = amount + fee if check.side is Side.BUY else amount - fee
    return amount, fee, total


def _is_multiple(value: Decimal, step: Decimal) -> bool:
    # Extra precision: a large price over a tiny step would otherwise raise
    # DivisionImpossible instead of answering.
    with localcontext() as ctx:
        ctx.prec = 80
        return value % step == 0


def _quantity_error(check: OrderCheck) -> str | None:
    quantity = check.quantity
    if not quantity.is_finite() or quantity <= 0:
        return QTY_NOT_POSITIVE
    if quantity != quantity.to_integral_value():
        return QTY_NOT_WHOLE
    if quantity > MAX_QUANTITY:
        return QTY_TOO_LARGE
    lot = check.instrument.lot_size
    if lot > 1 and quantity % lot != 0:
        return QTY_LOT
    return None


def _outside_band(price: Decimal, prev_close: Decimal) -> bool:
    low = prev_close * (1 - AIX_PRICE_BAND)
    high = prev_close * (1 + AIX_PRICE_BAND)
    return not low <= price <= high


def _price_error(check: OrderCheck) -> str | None:
    price = check.price
    if check.type is OrderType.MARKET:
        return PRICE_FOR_MARKET if price is not None else None
    if price is None:
        return PRICE_REQUIRED
    if not price.is_finite() or price <= 0:
        return PRICE_NOT_POSITIVE
    step = check.instrument.price_step
    if step > 0 and not _is_multiple(price, step):
        return PRICE_STEP
    instrument = check.instrument
    if (
        instrument.market is Market.AIX
        and instrument.kind is InstrumentKind.SHARE
        and check.prev_close is not None
        and check.prev_close > 0
        and _outside_band(price, check.prev_close)
    ):
        return PRICE_LIMIT
    return None


def _funds_error(check: OrderCheck) -> str | None:
    if check.side is Side.SELL:
        if check.available_quantity is not None and check.quantity > check.available_quantity:
            return INSUFFICIENT_POSITION
        return None
    if check.available_cash is None:
        return None
    amount, _fee, total = estimate(check)
    # A market buy with no ask to price it cannot be checked here; the backend will.
    if amount > 0 and total > check.available_cash:
        return INSUFFICIENT_CASH
    return None


def validate_order(check: OrderCheck) -> dict[str, str]:
    """Field name -> error code for every field that is wrong; empty when the order may go."""
    errors: dict[str, str] = {}
    quantity_error = _quantity_error(check)
    price_error = _price_error(check)
    if quantity_error is not None:
        errors["quantity"] = quantity_error
    if price_error is not None:
        errors["price"] = price_error
    # Cash needs a sound price and quantity; position needs only a sound quantity.
    needs_price = check.side is Side.BUY
    if quantity_error is None and not (needs_price and price_error is not None):
        funds_error = _funds_error(check)
        if funds_error is not None:
            errors["quantity"] = funds_error
    # Without `today` there is nothing to compare with: the domain has no clock.
    if (
        check.valid_until is not None
        and check.today is not None
        and check.valid_until < check.today
    ):
        errors["valid_until"] = VALID_UNTIL_PAST
    return errors
