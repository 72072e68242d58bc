"""A broker's whole book of clients, live: one row per client, revalued from the quotes.

`BookStore` loads GET /clients/summary (the rows are shown with the server's figures at once)
and GET /clients/positions (every page), builds one `ClientRow` per client with its
`Holding`s, and keeps an index instrument → holdings and the book's figures in fixed-point
arrays (state/book_values.py). Each display tick (`Session.quotesChanged`) revalues only the
holdings of the instruments that changed, sums their clients again, adjusts the book's
totals by each changed client's delta and tells the views once (state/book_model.py).

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
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from cesec_desktop.state.book_alerts import AlertCenter, AlertRules
from cesec_desktop.state.book_model import (
    ALERTS_ROLE,
    CLIENT_ID_ROLE,
    BookColumn,
    BookFilterProxy,
    BookModel,
)
from cesec_desktop.state.book_rows import (
    ACTIVE_ORDER_STATUSES,
    HUNDRED,
    ONE,
    ZERO,
    BookTotals,
    ClientRow,
    Holding,
    apply_summary,
    count_after_event,
    enum_text,
    holding_of,
    row_of_summary,
    to_decimal,
)
from cesec_desktop.state.clock import Clock
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    import asyncio

    import numpy as np

    from cesec_desktop.api.stream_frames import QuoteWire
    from cesec_desktop.domain.models.book import BookPosition, ClientSummary
    from cesec_desktop.domain.models.instructions import Instruction
    from cesec_desktop.domain.models.orders import Order
    from cesec_desktop.state.book_values import BookValues
    from cesec_desktop.state.session import Session

__all__ = [
    "ALERTS_ROLE",
    "CLIENT_ID_ROLE",
    "BookColumn",
    "BookFilterProxy",
    "BookModel",
    "BookStore",
    "BookTotals",
    "ClientRow",
    "Holding",
]

log = logging.getLogger(__name__)


QUOTE_RATE_HZ = 10
"""The book's instruments are watched as the tables watch theirs: one update per tick."""
FLUSH_MS = 100
"""Stream events (orders, instructions, summaries) reach the views at most this often."""
PUBLISH_CHUNK = 700
"""Rows given their figures per slice of the UI loop (~3 ms)."""
HIDDEN_REVALUE_MS = 1000
"""While the page is hidden, the book is revalued this often (for its alerts), not per tick."""
PAGE_SIZE = 5000
"""The server's largest page: a 2,000-client book is one summary page."""


# --- the store -----------------------------------------------------------------------------


class BookStore(QObject):
    """The broker's book, loaded and kept live (see the module docstring).

    Signals:
        loaded: the whole book is in the model with its values (the server's).
        positionsLoaded: every position is in too: the rows go live with their quotes.
        loadFailed(object): the load failed with this exception (a typed API error).
    """

    loaded = Signal()
    positionsLoaded = Signal()
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
        self.positions_loaded = False
        """The last load's positions are in (not only its summary)."""
        self.live_seconds = 0.0
        """How long the last load took until every position was in (diagnostics)."""
        self._values: BookValues | None = None
        """The book's figures in fixed-point arrays (built with the rows)."""
        self._reloaded: set[str] = set()
        """Clients whose positions came one by one since the load (the bulk answer is older)."""
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
        self._paused = False
        self._held: dict[str, tuple[Decimal, Decimal]] = {}
        """While paused: the newest (last, change) per instrument, applied once a second and
        on `start`."""
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        self._tasks = TaskTracker("book", owner=self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush)
        self._publishing: np.ndarray | None = None
        """Numbers of moved clients whose rows wait for their figures (`_publish_some`)."""
        self._publish_timer = QTimer(self)
        self._publish_timer.setSingleShot(True)
        self._publish_timer.setInterval(0)
        self._publish_timer.timeout.connect(self._publish_some)
        self._hidden_timer = QTimer(self)
        self._hidden_timer.setInterval(HIDDEN_REVALUE_MS)
        self._hidden_timer.timeout.connect(self._apply_held)
        self.alerts.changed.connect(self._alerts_changed)
        self.alerts.rulesChanged.connect(self._check_all)

    # --- life ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def settled(self) -> bool:
        """No tick's rows and no flush wait for their turn of the UI loop."""
        return self._publishing is None and not self.model.pending

    @property
    def tasks(self) -> TaskTracker:
        return self._tasks

    def start(self) -> None:
        """Follow the book live (the page is shown): loads it the first time, and after a
        pause revalues it at once from the quotes that came meanwhile."""
        if not self._live:
            self._live = True
            for signal, slot in self._slots():
                signal.connect(slot)
            if self._loaded:
                self._set_subscription(list(self._index))
        if self._paused:
            self._paused = False
            self._hidden_timer.stop()
            self._apply_held()
        if not self._loaded and not self.loading:
            self.reload()

    def pause(self) -> None:
        """The page is hidden: orders, instructions and the server's client summaries are
        still followed, and quotes are kept (the newest per instrument) and applied once a
        second, not ten times: the day's-loss alerts go on being raised for a broker on
        another page, at a tenth of the cost, and nothing is painted."""
        if not self._paused:
            self._paused = True
            self._hidden_timer.start()

    def _apply_held(self) -> None:
        held, self._held = self._held, {}
        if held and self._loaded:
            self.apply_quotes(held)

    def stop(self) -> None:
        """Stop loading and following (the broker signs out, or the window closes)."""
        self._paused = False
        self._publish_timer.stop()
        self._publishing = None
        self._hidden_timer.stop()
        self._held.clear()
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
        self.positions_loaded = False
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
        """The summary first (every row shown with the server's figures), then every
        position and unit (the rows go live with their quotes)."""
        import time

        from cesec_desktop.state.errors import CabinetError

        started = time.perf_counter()
        size = self.page_size
        try:
            # One after the other: asked together, the positions' pages (twenty times the
            # summary's size) would delay the rows the broker waits for.
            # Asked for at sign-in when this is the first load (Session.prefetch).
            summaries, rates = await self._summary(size)
            if generation != self._generation:
                return
            self._set_rate(rates)
            self._show(summaries)
            self.load_seconds = time.perf_counter() - started
            self.error = None
            self.loaded.emit()
            positions, rates = await self.session.call(lambda c: c.all_clients_positions(size))
            await self._learn_units({p.instrument_id for p in positions})
        except CabinetError as error:
            if generation == self._generation:
                log.info("the book did not load (%s)", error.code)
                self.error = error
                self.loadFailed.emit(error)
            return
        if generation != self._generation:
            return
        self._set_rate(rates)
        self._attach(positions)
        self.positions_loaded = True
        self.positionsLoaded.emit()
        self.live_seconds = time.perf_counter() - started
        log.info(
            "book: %d clients in %.2f s, %d positions in %.2f s",
            self.model.rowCount(),
            self.load_seconds,
            len(positions),
            self.live_seconds,
        )

    async def _summary(self, size: int) -> tuple[list[ClientSummary], dict[str, Decimal]]:
        from cesec_desktop.state.session import BOOK_SUMMARY

        def ask(c: Any) -> Any:
            return c.all_clients_summary(size)

        prefetched = getattr(self.session, "call_prefetched", None)
        if prefetched is not None and size == PAGE_SIZE:
            return await prefetched(BOOK_SUMMARY, ask)  # type: ignore[no-any-return]
        return await self.session.call(ask)  # type: ignore[no-any-return]

    def _set_rate(self, rates: dict[str, Decimal]) -> None:
        rate = to_decimal(rates.get("USDKZT"))
        if rate > 0:
            self.usdkzt = rate

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

    def build(self, summaries: Sequence[ClientSummary], positions: Sequence[BookPosition]) -> None:
        """The book from the server's answers at once (what `_load` does in two steps)."""
        self._show(summaries)
        self._attach(positions)

    def _show(self, summaries: Sequence[ClientSummary]) -> None:
        """Every client's row with the server's figures (no positions yet)."""
        from cesec_desktop.state.book_values import BookValues

        rows = [row_of_summary(s) for s in summaries]
        self._publish_timer.stop()
        self._publishing = None  # numbers of the book before
        self._index = {}
        self._reloaded = set()
        self._account_owner = {a: r.client_id for r in rows for a in r.account_ids}
        self._open_orders.clear()
        self._open_withdrawals.clear()
        self._values = BookValues(len(rows), self.usdkzt)
        for number, row in enumerate(rows):
            row.alerts = self.alerts.active_count(row.client_id)
            self._values.set_cash(number, row.cash_kzt, row.cash_usd)
        self.model.set_rows(rows)
        self._loaded = True
        for row in rows:
            self._check_alerts(row)

    def _attach(self, positions: Sequence[BookPosition]) -> None:
        """The book's positions to their clients (those reloaded one by one meanwhile keep
        theirs), and the quotes they need."""
        by_client: dict[str, list[Holding]] = {}
        model = self.model
        for position in positions:
            if model.number(position.client_id) < 0 or position.client_id in self._reloaded:
                continue  # a client no longer watched, or one already newer
            unit = self._units.get(position.instrument_id, ONE)
            holding = holding_of(position.client_id, position, unit)
            by_client.setdefault(position.client_id, []).append(holding)
        rows = [(model.client(c), holdings) for c, holdings in by_client.items()]
        self._replace_holdings([(row, h) for row, h in rows if row is not None])
        self._quotes = {k: v for k, v in self._quotes.items() if k in self._index}
        if self._quotes:
            self.apply_quotes(dict(self._quotes))
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
        quotes = {
            key: (to_decimal(wire.last), to_decimal(wire.change))
            for key, wire in changes.items()
            if key in self._index and wire.last
        }
        if self._paused:
            self._held.update(quotes)
            return
        # A tick of the whole book is three short slices of the UI loop, not one long one:
        # the arrays now, the rows (and their alerts) in chunks, then the views' flush.
        changed = self._revalue(quotes)
        if len(changed):
            import numpy as np

            pending = self._publishing
            self._publishing = changed if pending is None else np.union1d(pending, changed)
            if not self._publish_timer.isActive():
                self._publish_timer.start()

    def apply_quotes(self, quotes: dict[str, tuple[Decimal, Decimal]]) -> None:
        """Instrument → (last, change): revalue its holdings and flush the changed rows now."""
        changed = self._revalue(quotes)
        if len(changed):
            self._set_figures(changed)
        self._flush()

    def _revalue(self, quotes: dict[str, tuple[Decimal, Decimal]]) -> np.ndarray:
        """The arrays revalued; the numbers of the clients whose figures moved."""
        import numpy as np

        values = self._values
        if values is None:
            return np.zeros(0, dtype=np.int64)
        for key, quote in quotes.items():
            if key in self._index and quote[0] > 0:
                self._quotes[key] = quote
        return values.apply(quotes)

    def _publish_some(self) -> None:
        """The next chunk of moved clients' rows from the arrays (the newest figures: a tick
        that came meanwhile is in them); the views' flush after the last."""
        pending = self._publishing
        if pending is None or self._values is None:
            self._publishing = None
            return
        numbers, rest = pending[:PUBLISH_CHUNK], pending[PUBLISH_CHUNK:]
        self._publishing = rest if len(rest) else None
        self._set_figures(numbers)
        if self._publishing is not None:
            self._publish_timer.start()
        elif self.model.pending:
            self._timer.start(0)

    def _set_figures(self, numbers: np.ndarray) -> None:
        """These clients' rows take their figures from the arrays and are judged."""
        values, model = self._values, self.model
        assert values is not None
        figures = zip(
            numbers.tolist(),
            values.value[numbers].tolist(),
            values.day[numbers].tolist(),
            values.pct[numbers].tolist(),
            values.unrealized[numbers].tolist(),
            strict=True,
        )
        for number, value, day, pct, unrealized in figures:
            row = model.numbered(number)
            row.value_kzt = Decimal(value).scaleb(-2)
            row.day_change_kzt = Decimal(day).scaleb(-2)
            row.day_change_pct = Decimal(pct).scaleb(-2)
            row.unrealized_kzt = Decimal(unrealized).scaleb(-2)
            row.live = True
            model.mark_number(number)
        self._check_quoted(numbers)

    # --- events ----------------------------------------------------------------------------

    def _owner(self, account_id: str) -> ClientRow | None:
        client_id = self._account_owner.get(account_id)
        return self.model.client(client_id) if client_id is not None else None

    def _on_order(self, order: Order) -> None:
        row = self._owner(order.account_id) if self._loaded else None
        if row is None:
            return
        status = enum_text(order.status)
        row.open_orders = count_after_event(
            row, self._open_orders, order.id, order.status.is_open, status, order.updated_at
        )
        # The server's "last activity" is an order placed or a deal made, not a cancel.
        self._touch(row, order.updated_at if status in ACTIVE_ORDER_STATUSES else None)
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
        status = enum_text(instruction.status)
        row.withdrawals = count_after_event(
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
            usd = enum_text(instruction.currency) == "USD"
            amount = instruction.amount * (self.usdkzt if usd else ONE)
            detail = {
                "instruction": instruction.number,
                "amount": str(instruction.amount),
                "currency": enum_text(instruction.currency),
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
        number = self.model.number(row.client_id)
        if self._values is not None:
            # The server's figures rule until the client's positions come again.
            self._values.drop(number)
            self._values.set_cash(number, row.cash_kzt, row.cash_usd)
        for account_id in row.account_ids:
            self._account_owner[account_id] = row.client_id
        row.alerts = self.alerts.active_count(row.client_id)
        self._check_alerts(row)
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
        self._reloaded.add(client_id)
        units = self._units
        holdings = [
            holding_of(client_id, p, units.get(p.instrument_id, ONE)) for p in portfolio.positions
        ]
        self._replace_holdings([(row, holdings)])
        # Still the server's figures: the row goes live with the next quote of its own.
        if self._live:
            self._set_subscription(list(self._index))

    def _replace_holdings(self, changes: list[tuple[ClientRow, list[Holding]]]) -> None:
        """Clients' positions anew (the arrays take them in one go: 2,000 clients' one by
        one would copy them 2,000 times)."""
        from cesec_desktop.state.book_values import HoldingInput

        values = self._values
        inputs: list[HoldingInput] = []
        for row, holdings in changes:
            had = bool(row.holdings)
            for holding in row.holdings:
                held = self._index.get(holding.instrument_id)
                if held is None:
                    continue
                with contextlib.suppress(ValueError):
                    held.remove(holding)
                if not held:
                    del self._index[holding.instrument_id]
            row.holdings = holdings
            row.live = False
            for holding in holdings:
                self._index.setdefault(holding.instrument_id, []).append(holding)
                self._account_owner.setdefault(holding.account_id, row.client_id)
            if values is not None:
                number = self.model.number(row.client_id)
                if had:
                    values.drop(number)
                inputs += [
                    HoldingInput(
                        number, h.instrument_id, h.quantity, h.average_price, h.unit, h.usd
                    )
                    for h in holdings
                ]
        if values is not None:
            values.add(inputs)

    def _touch(self, row: ClientRow, moment: datetime | None) -> None:
        if moment is not None and (row.last_activity is None or moment > row.last_activity):
            row.last_activity = moment
        self.model.mark(row.client_id)

    def _alerts_changed(self) -> None:
        for row in self.model.rows():
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
        # Alerts were judged where the figures changed (a tick, a summary), not here.
        self._timer.stop()
        self._timer.setInterval(FLUSH_MS)
        self.model.flush()

    def _check_all(self) -> None:
        """New rules: every client judged against them at once."""
        for row in self.model.rows():
            self._check_alerts(row)

    def _check_quoted(self, numbers: np.ndarray) -> None:
        """After a tick, the day's-loss rule judged for the changed clients at once, from
        the arrays; only those whose state flips go to the alert centre (a tick moves no
        cash, so the cash rule cannot change)."""
        import numpy as np

        from cesec_desktop.state.book_alerts import AlertKind

        values, rules = self._values, self.alerts.rules
        if values is None or not len(numbers):
            return
        loss = np.zeros(len(numbers), dtype=bool)
        # pct and day are integers of hundredths: x / 100 <= -limit is x <= floor(-100 limit).
        for limit, figures in ((rules.day_loss_pct, values.pct), (rules.day_loss_kzt, values.day)):
            if limit is not None:
                bound = int((-limit * HUNDRED).to_integral_value(ROUND_FLOOR))
                loss |= np.asarray(figures[numbers] <= bound, dtype=bool)
        model, fired = self.model, self.alerts.fired
        for number, crossed in zip(numbers.tolist(), loss.tolist(), strict=True):
            row = model.numbered(number)
            if crossed != fired(row.client_id, AlertKind.DAY_LOSS):
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
