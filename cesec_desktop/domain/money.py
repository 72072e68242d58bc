r"""Decimal money on the wire: decimal strings in JSON, never floats.

`Dec` is the annotated type every model uses for money, prices and quantities. It accepts a
decimal string written exactly as API.md's pattern `^-?\d+(\.\d+)?$` says (ASCII digits, no
exponent, `+`, `_` or spaces) or an integer (a float would already have lost precision, so it
is refused), and serialises back to a plain decimal string. A refusal is a pydantic error whose
type is a field code (`invalid_number`, `number_too_large`), so a server can answer it as is.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

MAX_DIGITS = 28
CENT = Decimal("0.01")
WIRE_PATTERN = r"^-?\d+(\.\d+)?$"
"""The OpenAPI pattern of every decimal string."""
# The same pattern with ASCII digits only: Python's `\d` would also take "１" or "٣".
_WIRE_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)
_MAX_TEXT = 40
INVALID_NUMBER = "invalid_number"
NUMBER_TOO_LARGE = "number_too_large"


def parse_decimal(value: Any) -> Decimal:
    """Turn a wire value into a finite Decimal; floats and text off the pattern are refused.

    Decimal() alone would also read "1_000", "+5", "1e2", " 5 " and full-width or Arabic-Indic
    digits, none of which API.md allows on the wire.
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, (bool, float)):
        raise PydanticCustomError(INVALID_NUMBER, "must be a decimal string, not a float")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        if len(value) > _MAX_TEXT or not _WIRE_NUMBER.fullmatch(value):
            raise PydanticCustomError(INVALID_NUMBER, "must be a decimal string like 1234.50")
        result = Decimal(value)
    else:
        raise PydanticCustomError(INVALID_NUMBER, "must be a decimal string")
    if not result.is_finite():
        raise PydanticCustomError(INVALID_NUMBER, "must be a finite number")
    if result.adjusted() >= 18:
        raise PydanticCustomError(NUMBER_TOO_LARGE, "is too large")
    return result


def format_decimal(value: Decimal) -> str:
    """Plain notation, no exponent: '1234.50', '0.0001'."""
    return format(value, "f")


Dec = Annotated[
    Decimal,
    BeforeValidator(parse_decimal),
    PlainSerializer(format_decimal, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": WIRE_PATTERN, "examples": ["1234.50"]}),
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
