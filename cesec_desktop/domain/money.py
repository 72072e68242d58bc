"""Decimal money on the wire: decimal strings in JSON, never floats.

`Dec` is the annotated type every model uses for money, prices and quantities. It accepts a
decimal string or an integer (a float would already have lost precision, so it is refused),
and serialises back to a plain decimal string.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

MAX_DIGITS = 28
CENT = Decimal("0.01")


def parse_decimal(value: Any) -> Decimal:
    """Turn a wire value into a finite Decimal; floats and non-numbers are rejected."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, (bool, float)):
        raise ValueError("must be a decimal string, not a float")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text or len(text) > 40:
            raise ValueError("must be a decimal string")
        try:
            result = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError("must be a decimal string") from exc
    else:
        raise ValueError("must be a decimal string")
    if not result.is_finite():
        raise ValueError("must be a finite number")
    if result.adjusted() >= 18:
        raise ValueError("is too large")
    return result


def format_decimal(value: Decimal) -> str:
    """Plain notation, no exponent: '1234.50', '0.0001'."""
    return format(value, "f")


Dec = Annotated[
    Decimal,
    BeforeValidator(parse_decimal),
    PlainSerializer(format_decimal, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "examples": ["1234.50"]}),
]


def floor_money(value: Decimal, quantum: Decimal = CENT) -> Decimal:
    """Down to the minor unit: what may be spent or withdrawn is never rounded up."""
    return value.quantize(quantum, rounding=ROUND_DOWN)


def ceil_money(value: Decimal, quantum: Decimal = CENT) -> Decimal:
    """Up to the minor unit: a reserve always covers what it stands for."""
    return value.quantize(quantum, rounding=ROUND_UP)


def round_money(value: Decimal, quantum: Decimal = CENT) -> Decimal:
    """Round half-up to the currency's minor unit, as a broker's statement does."""
    return value.quantize(quantum, rounding=ROUND_HALF_UP)
