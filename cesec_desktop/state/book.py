"""A broker's whole book of clients, live: one row per client, revalued from the quotes.

`BookStore` loads GET /clients/summary and GET /clients/positions (every page), builds one
`ClientRow` per client with its `Holding`s, and keeps an index instrument → holdings. Each
display tick (`Session.quotesChanged`) revalues only the holdings of the instruments that
changed, recomputes only their clients, adjusts the book's totals by each client's delta and
tells the views with one `dataChanged` per contiguous range of changed rows.

Values are computed the way the backend computes a portfolio (mockserver's
`build_portfolio`): a position's value is `round(last × unit × quantity)` in its currency
(a bond's unit is its face value / 100, as its price is a % of face value), times USDKZT for
a USD instrument; the day's change is `quantity × change × unit × rate`; a client's value is
the rounded sum of its positions plus its cash in KZT. So right after a load the rows equal
the server's figures, and they move with the quotes. Until a client's instruments have
quotes (and right after a `client_summary` event) its row shows the server's figures.

Money is Decimal end to end; moments come from the injected clock (state/clock.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import IntEnum
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal

from cesec_desktop.state import formatting
from cesec_desktop.state.book_alerts import AlertCenter, AlertRules
from cesec_desktop.state.clock import Clock
from cesec_desktop.state.list_model import (
    LEFT,
    RIGHT,
    ColumnSpec,
    ColumnTableModel,
    Index,
    KeyedSortProxy,
    contiguous,
)
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import Tone

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.api.stream_frames import QuoteWire
    from cesec_desktop.domain.models.book import BookPosition, ClientSummary
    from cesec_desktop.domain.models.instructions import Instruction
    from cesec_desktop.domain.models.orders import Order
    from cesec_desktop.domain.models.portfolio import Position
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
"""What a client with no activity sorts as (keys of one column never hold None)."""

CLIENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 20
"""The row's client id, in every column."""
ALERTS_ROLE = int(Qt.ItemDataRole.UserRole) + 21
"""The row's client's unacknowledged alerts (int), in every column."""

_ACTIVE_STATUSES = frozenset({"new", "partially_filled", "filled"})
QUOTE_RATE_HZ = 10
"""The book's instruments are watched as the tables watch theirs: one update per tick."""
FLUSH_MS = 100
"""Stream events (orders, instructions, summaries) reach the views at most this often."""
PAGE_SIZE = 5000
"""The server's largest page: a 2,000-client book is one summary page."""


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return _money(part / whole * HUNDRED) if whole > 0 else Decimal("0.00")


def _dec(value: object, default: Decimal = ZERO) -> Decimal:
    if value is None or value == "":
        return default
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return default


def _text(value: object) -> str:
    return str(getattr(value, "value", value))


# --- rows --------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class Holding:
    """One position of one client, revalued from its instrument's quotes (KZT, unrounded)."""

    client_id: str
    account_id: str
    instrument_id: str
    quantity: Decimal
    average_price: Decimal
    unit: Decimal = ONE
    usd: bool = False
    value_kzt: Decimal = ZERO
    day_kzt: Decimal = ZERO
    unrealized_kzt: Decimal = ZERO
    quoted: bool = False

    def revalue(self, last: Decimal, change: Decimal, usdkzt: Decimal) -> tuple[Decimal, ...]:
        """Value at `last` as the backend does; returns the (value, day, unrealized) deltas."""
        rate = usdkzt if self.usd else ONE
        scale = self.unit * self.quantity
        native = _money(last * scale)
        cost = _money(self.average_price * scale)
        value, day, unrealized = native * rate, change * scale * rate, (native - cost) * rate
        deltas = (value - self.value_kzt, day - self.day_kzt, unrealized - self.unrealized_kzt)
        self.value_kzt, self.day_kzt, self.unrealized_kzt = value, day, unrealized
        self.quoted = True
        return deltas


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
    sum_value: Decimal = ZERO
    sum_day: Decimal = ZERO
    sum_unrealized: Decimal = ZERO
    counted: tuple[Decimal, Decimal, Decimal, Decimal] = (ZERO, ZERO, ZERO, ZERO)
    """What this row last added to the book's totals (value, day, cash KZT, cash USD)."""

    def contribution(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        return (self.value_kzt, self.day_change_kzt, self.cash_kzt, self.cash_usd)

    def recompute(self, usdkzt: Decimal) -> None:
        """The figures from the holdings' values and the cash (every holding is quoted)."""
        self.live = True
        cash = _money(self.cash_kzt + self.cash_usd * usdkzt)
        self.value_kzt = _money(self.sum_value) + cash
        self.day_change_kzt = _money(self.sum_day)
        self.day_change_pct = _pct(self.day_change_kzt, self.value_kzt - self.day_change_kzt)
        self.unrealized_kzt = _money(self.sum_unrealized)

    def forget_values(self) -> None:
        """The holdings are the server's again: unquoted, nothing summed."""
        self.live = False
        self.sum_value = self.sum_day = self.sum_unrealized = ZERO
        for holding in self.holdings:
            holding.value_kzt = holding.day_kzt = holding.unrealized_kzt = ZERO
            holding.quoted = False


@dataclass(frozen=True)
class BookTotals:
    clients: int
    value_kzt: Decimal
    day_change_kzt: Decimal
    cash_kzt: Decimal
    cash_usd: Decimal


# --- columns -----------------------------------------------------------------------------


class BookColumn(IntEnum):
    NAME = 0
    IIN = 1
    ACCOUNTS = 2
    VALUE = 3
    DAY_CHANGE = 4
    DAY_CHANGE_PCT = 5
    UNREALIZED = 6
    CASH_KZT = 7
    CASH_USD = 8
    BLOCKED = 9
    OPEN_ORDERS = 10
    WITHDRAWALS = 11
    LAST_ACTIVITY = 12
    ALERTS = 13


def _signed_tone(value: Decimal) -> Tone | None:
    if value > 0:
        return Tone.POSITIVE
    if value < 0:
        return Tone.NEGATIVE
    return None


def _amount(value: Decimal, locale: QLocale) -> str:
    return formatting.format_decimal(value, 2, locale)


def _signed(value: Decimal, locale: QLocale) -> str:
    return ("+" if value > 0 else "") + formatting.format_decimal(value, 2, locale)


def _count(value: int, locale: QLocale) -> str:
    return locale.toString(value) if value else formatting.DASH


def _money_column(
    key: str,
    title: Any,
    getter: Any,
    *,
    currency: str = "KZT",
    signed: bool = False,
    priority: int = 0,
    sample: str = "1 234 567 890,00",
) -> ColumnSpec[ClientRow]:
    return ColumnSpec(
        key=key,
        title=title,
        display=(lambda r, loc: _signed(getter(r), loc))
        if signed
        else (lambda r, loc: _amount(getter(r), loc)),
        sort_key=getter,
        sample=lambda _locale: sample,
        align=RIGHT,
        tone=(lambda r: _signed_tone(getter(r))) if signed else (lambda _r: None),
        currency=lambda _r: currency,
        priority=priority,
    )


# Each title a literal translate call: lupdate finds only those.
COLUMNS: tuple[ColumnSpec[ClientRow], ...] = (
    ColumnSpec(
        key="name",
        title=lambda: QCoreApplication.translate("BookModel", "Client"),
        display=lambda r, _loc: r.name,
        sort_key=lambda r: (r.name.casefold(), r.client_id),
        value=lambda r: r.name,
        sample=lambda _locale: "Nurlanovna Aigerim Sarsenbayeva",
        align=LEFT,
    ),
    ColumnSpec(
        key="iin",
        title=lambda: QCoreApplication.translate("BookModel", "IIN"),
        display=lambda r, _loc: r.iin,
        sort_key=lambda r: r.iin,
        sample=lambda _locale: "000000000000",
        align=LEFT,
        priority=3,
    ),
    ColumnSpec(
        key="accounts",
        title=lambda: QCoreApplication.translate("BookModel", "Sub-accounts"),
        display=lambda r, loc: loc.toString(len(r.accounts)),
        sort_key=lambda r: len(r.accounts),
        sample=lambda _locale: "00",
        align=RIGHT,
        cell_tooltip=lambda r, _loc: "\n".join(r.accounts) or None,
        priority=4,
    ),
    _money_column(
        "value", lambda: QCoreApplication.translate("BookModel", "Value"), lambda r: r.value_kzt
    ),
    _money_column(
        "day_change",
        lambda: QCoreApplication.translate("BookModel", "Day's change"),
        lambda r: r.day_change_kzt,
        signed=True,
    ),
    ColumnSpec(
        key="day_change_pct",
        title=lambda: QCoreApplication.translate("BookModel", "Day's change %"),
        display=lambda r, loc: (
            ("+" if r.day_change_pct > 0 else "")
            + formatting.format_percent(r.day_change_pct, 2, loc)
        ),
        sort_key=lambda r: r.day_change_pct,
        sample=lambda _locale: "+100,00 %",
        align=RIGHT,
        tone=lambda r: _signed_tone(r.day_change_pct),
    ),
    _money_column(
        "unrealized",
        lambda: QCoreApplication.translate("BookModel", "Unrealized P/L"),
        lambda r: r.unrealized_kzt,
        signed=True,
        priority=2,
    ),
    _money_column(
        "cash_kzt",
        lambda: QCoreApplication.translate("BookModel", "Cash KZT"),
        lambda r: r.cash_kzt,
        priority=1,
    ),
    _money_column(
        "cash_usd",
        lambda: QCoreApplication.translate("BookModel", "Cash USD"),
        lambda r: r.cash_usd,
        currency="USD",
        priority=2,
    ),
    _money_column(
        "blocked",
        lambda: QCoreApplication.translate("BookModel", "Blocked"),
        lambda r: r.blocked_kzt,
        priority=3,
    ),
    ColumnSpec(
        key="open_orders",
        title=lambda: QCoreApplication.translate("BookModel", "Open orders"),
        display=lambda r, loc: _count(r.open_orders, loc),
        sort_key=lambda r: r.open_orders,
        sample=lambda _locale: "000",
        align=RIGHT,
        priority=1,
    ),
    ColumnSpec(
        key="withdrawals",
        title=lambda: QCoreApplication.translate("BookModel", "Withdrawals"),
        tooltip=lambda: QCoreApplication.translate("BookModel", "Withdrawals in progress"),
        display=lambda r, loc: _count(r.withdrawals, loc),
        sort_key=lambda r: r.withdrawals,
        sample=lambda _locale: "000",
        align=RIGHT,
        priority=1,
    ),
    ColumnSpec(
        key="last_activity",
        title=lambda: QCoreApplication.translate("BookModel", "Last activity"),
        display=lambda r, loc: formatting.format_recent(r.last_activity, loc),
        sort_key=lambda r: r.last_activity or NEVER,
        value=lambda r: r.last_activity,
        sample=lambda _locale: "21.11.2026 14:03",
        align=RIGHT,
        priority=2,
    ),
    ColumnSpec(
        key="alerts",
        title=lambda: QCoreApplication.translate("BookModel", "Alerts"),
        display=lambda r, loc: _count(r.alerts, loc),
        sort_key=lambda r: r.alerts,
        sample=lambda _locale: "00",
        align=RIGHT,
        tone=lambda r: Tone.WARNING if r.alerts else None,
    ),
)


class BookModel(ColumnTableModel[ClientRow]):
    """One row per client (see the module docstring).

    Signals:
        totalsChanged: the book's totals changed (at most once per display tick).
    """

    columns: ClassVar[tuple[ColumnSpec[Any], ...]] = COLUMNS
    CLIENT_ID_ROLE = CLIENT_ID_ROLE
    ALERTS_ROLE = ALERTS_ROLE

    totalsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._row_of: dict[str, int] = {}
        self._dirty: set[int] = set()
        self._sums = [ZERO, ZERO, ZERO, ZERO]
        self.flushes = 0
        """dataChanged signals sent for value changes (tests and benchmarks count them)."""

    # --- reading ---------------------------------------------------------------------------

    def client_id(self, row: int) -> str:
        return self._rows[row].client_id

    def row_of(self, client_id: str) -> int:
        return self._row_of.get(client_id, -1)

    def client(self, client_id: str) -> ClientRow | None:
        row = self._row_of.get(client_id)
        return None if row is None else self._rows[row]

    def rows(self) -> list[ClientRow]:
        return list(self._rows)

    def totals(self, rows: Iterable[int] | None = None) -> BookTotals:
        """The whole book's totals (kept by deltas), or the sum over these rows."""
        if rows is None:
            value, day, cash_kzt, cash_usd = self._sums
            return BookTotals(len(self._rows), value, day, cash_kzt, cash_usd)
        picked = [self._rows[r] for r in rows]
        return BookTotals(
            len(picked),
            sum((r.value_kzt for r in picked), ZERO),
            sum((r.day_change_kzt for r in picked), ZERO),
            sum((r.cash_kzt for r in picked), ZERO),
            sum((r.cash_usd for r in picked), ZERO),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role in (CLIENT_ID_ROLE, ALERTS_ROLE):
            if not index.isValid() or not 0 <= index.row() < len(self._rows):
                return None
            item = self._rows[index.row()]
            return item.client_id if role == CLIENT_ID_ROLE else item.alerts
        return super().data(index, role)

    # --- writing ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ClientRow]) -> None:
        """A new book (one reset); the totals are summed once here, by deltas after."""
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.client_id: n for n, r in enumerate(self._rows)}
        self._dirty.clear()
        sums = [ZERO, ZERO, ZERO, ZERO]
        for row in self._rows:
            row.counted = row.contribution()
            for n, part in enumerate(row.counted):
                sums[n] += part
        self._sums = sums
        self.endResetModel()
        self.totalsChanged.emit()

    def mark(self, client_id: str) -> None:
        """This client's figures changed; the views hear of it at the next `flush`."""
        row = self._row_of.get(client_id)
        if row is not None:
            self._dirty.add(row)

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> list[ClientRow]:
        """Totals adjusted by each changed row's delta; one dataChanged per contiguous run
        of changed rows; one totalsChanged. Returns the rows that changed."""
        if not self._dirty:
            return []
        dirty, self._dirty = sorted(self._dirty), set()
        sums = self._sums
        changed: list[ClientRow] = []
        for row in dirty:
            item = self._rows[row]
            now = item.contribution()
            if now != item.counted:
                for n in range(4):
                    sums[n] += now[n] - item.counted[n]
                item.counted = now
            changed.append(item)
        last = len(self.columns) - 1
        for first, end in contiguous(dirty):
            self.flushes += 1
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))
        self.totalsChanged.emit()
        return changed


# --- sorting and filtering -----------------------------------------------------------------


class BookFilterProxy(KeyedSortProxy):
    """Sorts on the raw values (keys computed once per row, patched as rows change) and
    filters by text, open orders, withdrawals and the day's loss.

    Signals:
        filterChanged: what the filters let through changed (the totals of the shown rows
            are summed again).
    """

    filterChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._open_orders_only = False
        self._withdrawals_only = False
        self._down_more_than: Decimal | None = None

    def set_text(self, text: str) -> None:
        """Rows whose name or IIN contains `text`, in any case."""
        wanted = text.strip().casefold()
        if wanted != self._text:
            self._change(lambda: setattr(self, "_text", wanted))

    def set_open_orders_only(self, on: bool) -> None:
        if on != self._open_orders_only:
            self._change(lambda: setattr(self, "_open_orders_only", on))

    def set_withdrawals_only(self, on: bool) -> None:
        if on != self._withdrawals_only:
            self._change(lambda: setattr(self, "_withdrawals_only", on))

    def set_down_more_than(self, pct: Decimal | None) -> None:
        """Rows whose day's change % is below -pct (None: no such filter)."""
        if pct != self._down_more_than:
            self._change(lambda: setattr(self, "_down_more_than", pct))

    def source_rows(self) -> list[int]:
        """The source rows the filters let through, in the order shown (for totals)."""
        return [self.mapToSource(self.index(r, 0)).row() for r in range(self.rowCount())]

    def accepts(self, row: Any) -> bool:
        if self._text and self._text not in row.name.casefold() and self._text not in row.iin:
            return False
        if self._open_orders_only and row.open_orders <= 0:
            return False
        if self._withdrawals_only and row.withdrawals <= 0:
            return False
        pct = self._down_more_than
        return pct is None or row.day_change_pct < -pct

    def _change(self, change: Any) -> None:
        self.change_filter(change)
        self.filterChanged.emit()


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
    cash = {_text(c.currency): c.balance for c in summary.cash}
    row.cash_kzt = cash.get("KZT", ZERO)
    row.cash_usd = cash.get("USD", ZERO)
    row.blocked_kzt = summary.blocked_kzt
    row.open_orders = summary.open_orders
    row.withdrawals = summary.withdrawals_in_progress
    row.last_activity = summary.last_activity.at if summary.last_activity is not None else None
    row.as_of = summary.as_of
    row.forget_values()


def holding_of(client_id: str, position: BookPosition | Position, unit: Decimal) -> Holding:
    """A position (of the book's list, or of one client's portfolio) to revalue."""
    return Holding(
        client_id=client_id,
        account_id=position.account_id,
        instrument_id=position.instrument_id,
        quantity=position.quantity,
        average_price=position.average_price,
        unit=unit,
        usd=_text(position.currency) == "USD",
    )


def _count_step(
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


# --- the store -----------------------------------------------------------------------------


class BookStore(QObject):
    """The broker's book, loaded and kept live (see the module docstring).

    Signals:
        loaded: the whole book is in the model with its values.
        loadFailed(object): the load failed with this exception (a typed API error).
    """

    loaded = Signal()
    loadFailed = Signal(object)

    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        *,
        clock: Clock | None = None,
        rules: AlertRules | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.page_size = page_size
        self.model = BookModel(self)
        self.alerts = AlertCenter(rules, clock, self)
        self.usdkzt = ZERO
        self.error: Exception | None = None
        self.load_seconds = 0.0
        """How long the last load took, answers and building (diagnostics, benchmarks)."""
        self._index: dict[str, list[Holding]] = {}
        """Instrument id → the holdings of it, over every client."""
        self._units: dict[str, Decimal] = {}
        """Per instrument: a bond's face value / 100, or 1 (instruments do not change)."""
        self._quotes: dict[str, tuple[Decimal, Decimal]] = {}
        """The newest (last, change) per instrument of the book."""
        self._account_owner: dict[str, str] = {}
        self._open_orders: dict[str, bool] = {}
        """Order id → open, for the orders the stream told of since the load."""
        self._open_withdrawals: dict[str, bool] = {}
        self._subscribed: list[str] = []
        self._live = False
        self._loaded = False
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        self._tasks = TaskTracker("book", owner=self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush)
        self.alerts.changed.connect(self._alerts_changed)

    # --- life ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def tasks(self) -> TaskTracker:
        return self._tasks

    def start(self) -> None:
        """Load the book and follow the stream (a no-op for the following if it already)."""
        if not self._live:
            self._live = True
            for signal, slot in self._slots():
                signal.connect(slot)
            if self._loaded:
                self._set_subscription(list(self._index))
        self.reload()

    def stop(self) -> None:
        """Stop loading and following (the page is hidden, or the broker signs out)."""
        self._generation += 1
        for task in self._tasks.pending:
            task.cancel()
        self._timer.stop()
        self._set_subscription([])
        if self._live:
            self._live = False
            for signal, slot in self._slots():
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)

    def reload(self) -> None:
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self._tasks.spawn(self._load(self._generation), name="book-load")

    def _slots(self) -> list[tuple[Any, Any]]:
        session = self.session
        return [
            (session.quotesChanged, self._on_quotes),
            (session.orderUpdated, self._on_order),
            (session.instructionUpdated, self._on_instruction),
            (session.clientSummaryUpdated, self._on_summary),
            (session.resynced, self.reload),
        ]

    # --- loading ---------------------------------------------------------------------------

    async def _load(self, generation: int) -> None:
        import asyncio
        import time

        from cesec_desktop.state.errors import CabinetError

        started = time.perf_counter()
        size = self.page_size
        try:
            (summaries, _), (positions, rates) = await asyncio.gather(
                self.session.call(lambda c: c.all_clients_summary(size)),
                self.session.call(lambda c: c.all_clients_positions(size)),
            )
            await self._learn_units({p.instrument_id for p in positions})
        except CabinetError as error:
            if generation == self._generation:
                log.info("the book did not load (%s)", error.code)
                self.error = error
                self.loadFailed.emit(error)
            return
        if generation != self._generation:
            return
        self.error = None
        rate = _dec(rates.get("USDKZT"))
        if rate > 0:
            self.usdkzt = rate
        self._build(summaries, positions)
        self.load_seconds = time.perf_counter() - started
        log.info(
            "book: %d clients, %d positions in %.2f s",
            len(summaries),
            len(positions),
            self.load_seconds,
        )
        self.loaded.emit()

    async def _learn_units(self, ids: Iterable[str]) -> None:
        import asyncio

        missing = sorted({i for i in ids if i not in self._units})
        if not missing:
            return
        instruments = await asyncio.gather(
            *(self.session.call(lambda c, i=i: c.instrument(i)) for i in missing)
        )
        for instrument in instruments:
            face = instrument.face_value
            self._units[instrument.id] = face / HUNDRED if face else ONE

    def _build(self, summaries: Sequence[ClientSummary], positions: Sequence[BookPosition]) -> None:
        rows = [row_of_summary(s) for s in summaries]
        by_client = {r.client_id: r for r in rows}
        self._index = {}
        self._account_owner = {a: r.client_id for r in rows for a in r.account_ids}
        for position in positions:
            row = by_client.get(position.client_id)
            if row is None:
                continue  # a client no longer watched
            unit = self._units.get(position.instrument_id, ONE)
            holding = holding_of(row.client_id, position, unit)
            row.holdings.append(holding)
            self._account_owner.setdefault(holding.account_id, row.client_id)
            self._index.setdefault(holding.instrument_id, []).append(holding)
        self._open_orders.clear()
        self._open_withdrawals.clear()
        self._quotes = {k: v for k, v in self._quotes.items() if k in self._index}
        for row in rows:
            row.alerts = self.alerts.active_count(row.client_id)
        self.model.set_rows(rows)
        self._loaded = True
        for row in rows:
            self._check_alerts(row)
        if self._live:
            self._set_subscription(list(self._index))

    def _set_subscription(self, ids: list[str]) -> None:
        # Counted at the session, so the book never silences another table's quotes.
        wanted = list(dict.fromkeys(ids))
        kept = set(wanted)
        before = set(self._subscribed)
        gone = [i for i in self._subscribed if i not in kept]
        new = [i for i in wanted if i not in before]
        if gone:
            self.session.unsubscribe_quotes(gone, QUOTE_RATE_HZ, parsed=False)
        if new:
            self.session.subscribe_quotes(new, QUOTE_RATE_HZ, parsed=False)
        self._subscribed = wanted

    # --- quotes ----------------------------------------------------------------------------

    def _on_quotes(self, changes: dict[str, QuoteWire]) -> None:
        """A display tick: revalue the holdings of the instruments that changed."""
        if not self._loaded:
            return
        self.apply_quotes(
            {
                key: (_dec(wire.last), _dec(wire.change))
                for key, wire in changes.items()
                if key in self._index and wire.last
            }
        )

    def apply_quotes(self, quotes: dict[str, tuple[Decimal, Decimal]]) -> None:
        """Instrument → (last, change): revalue its holdings, flush the changed rows now."""
        touched: dict[str, ClientRow] = {}
        model = self.model
        for key, (last, change) in quotes.items():
            holdings = self._index.get(key)
            if not holdings or last <= 0:
                continue
            self._quotes[key] = (last, change)
            for holding in holdings:
                row = touched.get(holding.client_id) or model.client(holding.client_id)
                if row is None:
                    continue
                touched[holding.client_id] = row
                if not holding.quoted and not row.live:
                    continue  # valued below, with the client's other holdings
                self._add(row, holding.revalue(last, change, self.usdkzt))
        for client_id, row in touched.items():
            if not row.live and not self._go_live(row):
                continue
            row.recompute(self.usdkzt)
            model.mark(client_id)
        self._flush()

    def _go_live(self, row: ClientRow) -> bool:
        """Value every holding from the newest quotes; False if one has none yet."""
        if any(h.instrument_id not in self._quotes for h in row.holdings):
            return False
        for holding in row.holdings:
            last, change = self._quotes[holding.instrument_id]
            self._add(row, holding.revalue(last, change, self.usdkzt))
        return True

    @staticmethod
    def _add(row: ClientRow, deltas: tuple[Decimal, ...]) -> None:
        row.sum_value += deltas[0]
        row.sum_day += deltas[1]
        row.sum_unrealized += deltas[2]

    # --- events ----------------------------------------------------------------------------

    def _owner(self, account_id: str) -> ClientRow | None:
        client_id = self._account_owner.get(account_id)
        return self.model.client(client_id) if client_id is not None else None

    def _on_order(self, order: Order) -> None:
        row = self._owner(order.account_id) if self._loaded else None
        if row is None:
            return
        status = _text(order.status)
        row.open_orders = _count_step(
            row, self._open_orders, order.id, order.status.is_open, status, order.updated_at
        )
        # The server's "last activity" is an order placed or a deal made, not a cancel.
        self._touch(row, order.updated_at if status in _ACTIVE_STATUSES else None)
        if status == "rejected":
            detail = {
                "order": order.number,
                "ticker": order.ticker,
                "reason": order.reject_reason or "",
            }
            self.alerts.order_rejected(row.client_id, row.name, order.id, detail)
        self._schedule()

    def _on_instruction(self, instruction: Instruction) -> None:
        row = self._owner(instruction.account_id) if self._loaded else None
        if row is None:
            return
        status = _text(instruction.status)
        row.withdrawals = _count_step(
            row,
            self._open_withdrawals,
            instruction.id,
            instruction.status.is_open,
            status,
            instruction.updated_at,
            withdrawals=True,
        )
        self._touch(row, instruction.updated_at)
        if instruction.status.is_open:
            usd = _text(instruction.currency) == "USD"
            amount = instruction.amount * (self.usdkzt if usd else ONE)
            detail = {
                "instruction": instruction.number,
                "amount": str(instruction.amount),
                "currency": _text(instruction.currency),
            }
            self.alerts.withdrawal(row.client_id, row.name, instruction.id, amount, detail)
        self._schedule()

    def _on_summary(self, summary: ClientSummary) -> None:
        """The server's figures for one client replace the row's at once; its positions'
        basis (quantities, average prices) follows from its portfolio."""
        row = self.model.client(summary.client_id) if self._loaded else None
        if row is None or summary.as_of < row.as_of:
            return
        apply_summary(row, summary)
        for account_id in row.account_ids:
            self._account_owner[account_id] = row.client_id
        row.alerts = self.alerts.active_count(row.client_id)
        self.model.mark(row.client_id)
        self._schedule()
        self._tasks.spawn(
            self._load_positions(self._generation, row.client_id, summary.as_of),
            name="book-client-positions",
        )

    async def _load_positions(self, generation: int, client_id: str, as_of: datetime) -> None:
        """One client's positions again (after a fill, a settlement)."""
        from cesec_desktop.state.errors import CabinetError

        try:
            portfolio = await self.session.call(lambda c: c.portfolio(client_id=client_id))
            await self._learn_units(p.instrument_id for p in portfolio.positions)
        except CabinetError as error:
            log.info("book: positions of a client not reloaded (%s)", error.code)
            return
        row = self.model.client(client_id)
        if generation != self._generation or row is None or row.as_of != as_of:
            return  # a newer load or summary rules
        self._replace_holdings(
            row,
            [
                holding_of(client_id, p, self._units.get(p.instrument_id, ONE))
                for p in portfolio.positions
            ],
        )
        # Still the server's figures: the row goes live with the next quote of its own.
        if self._live:
            self._set_subscription(list(self._index))

    def _replace_holdings(self, row: ClientRow, holdings: list[Holding]) -> None:
        for holding in row.holdings:
            held = self._index.get(holding.instrument_id)
            if held is None:
                continue
            with contextlib.suppress(ValueError):
                held.remove(holding)
            if not held:
                del self._index[holding.instrument_id]
        row.holdings = holdings
        row.forget_values()
        for holding in holdings:
            self._index.setdefault(holding.instrument_id, []).append(holding)

    def _touch(self, row: ClientRow, moment: datetime | None) -> None:
        if moment is not None and (row.last_activity is None or moment > row.last_activity):
            row.last_activity = moment
        self.model.mark(row.client_id)

    def _alerts_changed(self) -> None:
        for row in self.model._rows:
            count = self.alerts.active_count(row.client_id)
            if count != row.alerts:
                row.alerts = count
                self.model.mark(row.client_id)
        self._schedule()

    # --- flushing --------------------------------------------------------------------------

    def _schedule(self) -> None:
        if self.model.pending and not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        self._timer.stop()
        for row in self.model.flush():
            self._check_alerts(row)

    def _check_alerts(self, row: ClientRow) -> None:
        self.alerts.check_client(
            row.client_id,
            row.name,
            day_change_kzt=row.day_change_kzt,
            day_change_pct=row.day_change_pct,
            cash_kzt=row.cash_kzt,
            cash_usd=row.cash_usd,
        )
