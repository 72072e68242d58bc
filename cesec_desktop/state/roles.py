"""The item-data roles the list models share, defined once.

Views paint and exports write from these: the raw value under SORT_ROLE (a Decimal, a
datetime, a date) is what a column sorts on and what a file stores as a number or a date;
CURRENCY_ROLE names the currency of a money cell, so that screens and files never show an
amount without it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)

ROW_ROLE = _USER + 1
"""The row's domain object (an `Order`, a `Transaction`, an `Instruction`)."""
SORT_ROLE = _USER + 2
"""The cell's raw value: what the proxy sorts on and an export writes."""
TONE_ROLE = _USER + 3
"""A `vocabulary.Tone` for cells drawn in colour (side, status)."""
MARKET_ROLE = _USER + 4
"""The instrument's market ("KASE", "AIX", "INTL")."""
CURRENCY_ROLE = _USER + 5
"""The currency code of a money cell ("KZT", "USD"); None for other cells."""
