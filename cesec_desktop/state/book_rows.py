"""The book's rows: one `ClientRow` per client with its `Holding`s, built from the server's
answers and revalued from quotes (state/book.py keeps them live, state/book_model.py shows
them). Values follow the backend's portfolio arithmetic: see state/book.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cesec_desktop.domain.models.book import BookPosition, ClientSummary
    from cesec_desktop.domain.models.portfolio import Position

log = logging.getLogger(__name__)


ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
"""What a client with no activity sorts as (keys of one column never hold None)."""


ACTIVE_ORDER_STATUSES = frozenset({"new", "partially_filled", "filled"})


def to_decimal(value: object, default: Decimal = ZERO) -> Decimal:
    if value is None or value == "":
        return default
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return default


def enum_text(value: object) -> str:
    return str(getattr(value, "value", value))


# --- rows --------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class Holding:
    """One position of one client (valued in state/book_values.py's arrays)."""

    client_id: str
    account_id: str
    instrument_id: str
    quantity: Decimal
    average_price: Decimal
    unit: Decimal = ONE
    """A bond's face value / 100 (its price is a % of face), else 1."""
    usd: bool = False


@dataclass(eq=False)
class ClientRow:
    """One client of the book: what the table shows, and the sums it is computed from."""

    client_id: str
    name: str
    iin: str = ""
    accounts: tuple[str, ...] = ()
    """The sub-accounts' numbers."""
    account_ids: tuple[str, ...] = ()
    value_kzt: Decimal = ZERO
    day_change_kzt: Decimal = ZERO
    day_change_pct: Decimal = ZERO
    unrealized_kzt: Decimal = ZERO
    cash_kzt: Decimal = ZERO
    cash_usd: Decimal = ZERO
    blocked_kzt: Decimal = ZERO
    open_orders: int = 0
    withdrawals: int = 0
    last_activity: datetime | None = None
    as_of: datetime = NEVER
    """The moment of the server's figures: events up to it are in them already."""
    alerts: int = 0
    holdings: list[Holding] = field(default_factory=list)
    live: bool = False
    """The figures are computed from quotes (False: the server's, as last received)."""
    counted: tuple[Decimal, Decimal, Decimal, Decimal] = (ZERO, ZERO, ZERO, ZERO)
    """What this row last added to the book's totals (value, day, cash KZT, cash USD)."""

    def contribution(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        return (self.value_kzt, self.day_change_kzt, self.cash_kzt, self.cash_usd)


@dataclass(frozen=True)
class BookTotals:
    clients: int
    value_kzt: Decimal
    day_change_kzt: Decimal
    cash_kzt: Decimal
    cash_usd: Decimal


# --- building rows from the server's answers -------------------------------------------------


def row_of_summary(summary: ClientSummary) -> ClientRow:
    """A row with the server's figures for one client."""
    row = ClientRow(client_id=summary.client_id, name=summary.full_name)
    apply_summary(row, summary)
    return row


def apply_summary(row: ClientRow, summary: ClientSummary) -> None:
    """The server's figures replace the row's (its holdings are rebuilt by the caller)."""
    row.name = summary.full_name
    row.iin = summary.iin
    row.account_ids = tuple(a.id for a in summary.accounts)
    row.accounts = tuple(a.number for a in summary.accounts)
    row.value_kzt = summary.value_kzt
    row.day_change_kzt = summary.day_change_kzt
    row.day_change_pct = summary.day_change_pct if summary.day_change_pct is not None else ZERO
    row.unrealized_kzt = summary.unrealized_pnl_kzt
    cash = {enum_text(c.currency): c.balance for c in summary.cash}
    row.cash_kzt = cash.get("KZT", ZERO)
    row.cash_usd = cash.get("USD", ZERO)
    row.blocked_kzt = summary.blocked_kzt
    row.open_orders = summary.open_orders
    row.withdrawals = summary.withdrawals_in_progress
    row.last_activity = summary.last_activity.at if summary.last_activity is not None else None
    row.as_of = summary.as_of
    row.live = False


def holding_of(client_id: str, position: BookPosition | Position, unit: Decimal) -> Holding:
    """A position (of the book's list, or of one client's portfolio) to revalue."""
    return Holding(
        client_id=client_id,
        account_id=position.account_id,
        instrument_id=position.instrument_id,
        quantity=position.quantity,
        average_price=position.average_price,
        unit=unit,
        usd=enum_text(position.currency) == "USD",
    )


def count_after_event(
    row: ClientRow,
    known: dict[str, bool],
    item_id: str,
    is_open: bool,
    status: str,
    updated_at: datetime,
    *,
    withdrawals: bool = False,
) -> int:
    """The row's open orders (or withdrawals in progress) after one status event.

    `known` remembers, per id, whether the item was open when last heard of. An event no
    later than the row's server figures (`as_of`) is in them already; a later one counts:
    a new item adds one, an open one that closes takes one off (one from before the load
    was in the server's count).
    """
    count = row.withdrawals if withdrawals else row.open_orders
    was = known.get(item_id)
    known[item_id] = is_open if was is not False else False
    if updated_at <= row.as_of:
        return count
    if was is None:
        if is_open and status == "new":
            return count + 1
        return count if is_open else max(0, count - 1)
    if was and not is_open:
        return max(0, count - 1)
    return count
