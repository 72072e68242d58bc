"""One order being entered: its fields, the facts around it, and draft → sign → confirm.

The ticket keeps everything the user typed for as long as the form is open: a failed call,
a cancelled signature or a session that expired (the Session signs in again in place and
the call resumes) never clears a field.

Never twice: the Idempotency-Key is made together with the draft and sent with every confirm
of that draft, so a confirm whose answer was lost is repeated safely; the server returns the
order it already placed instead of placing a second one.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cesec_desktop.domain.enums import OrderType, Side
from cesec_desktop.domain.markets import exchange_date, session_day
from cesec_desktop.domain.models.market import Instrument, Quote
from cesec_desktop.domain.models.orders import Order, OrderDraft, OrderDraftRequest
from cesec_desktop.domain.models.portfolio import Portfolio
from cesec_desktop.domain.models.signing import EdsSignature, SmsSignature
from cesec_desktop.domain.money import floor_money
from cesec_desktop.domain.order_rules import OrderCheck, estimate, validate_order
from cesec_desktop.state import clock
from cesec_desktop.state.draft_ticket import DraftTicket
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

CONFIRM_RETRY_DELAYS: tuple[float, ...] = (1.0, 2.0)
"""Pauses before the ticket's own repeats of a confirm that failed on the network (on top of
the API client's quick retries); every repeat carries the same Idempotency-Key."""
INSTRUMENT_REQUIRED = "instrument_required"
ACCOUNT_REQUIRED = "account_required"


def exchange_today() -> date:
    """Today on the exchange's calendar (Asia/Almaty), whatever this computer's time zone."""
    return exchange_date(clock.now())


class OrderTicket(DraftTicket):
    """The state behind an order form.

    Signals:
        instrumentChanged(Instrument | None): another instrument was chosen (or loaded).
        quoteChanged(Quote): a fresh quote for the instrument.
        fundsChanged: the sub-account's cash and positions were (re)loaded.
        draftChanged(OrderDraft | None): a draft was made for the current fields, or the
            fields changed so that the last one no longer matches them.
        orderPlaced(Order): the signed order was accepted.
    """

    instrumentChanged = Signal(object)
    quoteChanged = Signal(object)
    fundsChanged = Signal()
    orderPlaced = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.tasks = TaskTracker("order-ticket", owner=self)
        self.instrument: Instrument | None = None
        self.account_id: str | None = None
        self.side = Side.BUY
        self.type = OrderType.LIMIT
        self.price: Decimal | None = None
        self.quantity: Decimal | None = None
        self.valid_until: date = exchange_today()
        self._validity_chosen = False  # until the user picks a date, it follows the session
        self.quote: Quote | None = None
        self.portfolio: Portfolio | None = None
        self.order: Order | None = None
        self._subscribed: str | None = None
        self._closed = False
        session.quotesReceived.connect(self._quotes_received)
        session.resynced.connect(self._resynced)

    # --- the fields -------------------------------------------------------------------------

    def set_side(self, side: Side) -> None:
        self.side = Side(side)
        self._changed()

    def set_type(self, order_type: OrderType) -> None:
        self.type = OrderType(order_type)
        self._changed()

    def set_price(self, price: Decimal | None) -> None:
        self.price = price
        self._changed()

    def set_quantity(self, quantity: Decimal | None) -> None:
        self.quantity = quantity
        self._changed()

    def set_valid_until(self, day: date) -> None:
        self.valid_until = day
        self._validity_chosen = True
        self._changed()

    def set_account(self, account_id: str | None) -> None:
        if account_id == self.account_id:
            return
        self.account_id = account_id
        self.portfolio = None
        self._changed()
        self.fundsChanged.emit()
        if account_id:
            self.tasks.spawn(self._load_funds_quietly(), name="order-ticket-funds")

    # --- what the form shows ----------------------------------------------------------------

    def available_cash(self) -> Decimal | None:
        """Cash free to spend in the instrument's currency on the chosen sub-account."""
        if self.portfolio is None or self.instrument is None:
            return None
        for cash in self.portfolio.cash:
            if cash.currency == self.instrument.currency and (
                self.account_id is None or cash.account_id == self.account_id
            ):
                return floor_money(cash.available)  # never more than is there
        return Decimal("0.00")

    def available_quantity(self) -> Decimal | None:
        """Units of the instrument free to sell on the chosen sub-account."""
        if self.portfolio is None or self.instrument is None:
            return None
        for position in self.portfolio.positions:
            if position.instrument_id == self.instrument.id and (
                self.account_id is None or position.account_id == self.account_id
            ):
                return position.available
        return Decimal(0)

    def reference_price(self) -> Decimal | None:
        """What a market order would trade at now: the ask to buy, the bid to sell."""
        quote = self.quote
        if quote is None:
            return None
        price = quote.ask if self.side is Side.BUY else quote.bid
        return price if price is not None and price > 0 else None

    def working_price(self) -> Decimal | None:
        """The price amount and quantity are worked out at: the limit, or the market's."""
        if self.type is OrderType.LIMIT:
            return self.price
        reference = self.reference_price()
        if reference is not None:
            return reference
        return self.quote.last if self.quote is not None else None

    def order_check(self) -> OrderCheck | None:
        if self.instrument is None:
            return None
        return OrderCheck(
            instrument=self.instrument,
            side=self.side,
            type=self.type,
            price=self.price if self.type is OrderType.LIMIT else None,
            quantity=self.quantity if self.quantity is not None else Decimal(0),
            available_cash=self.available_cash() if self.side is Side.BUY else None,
            available_quantity=self.available_quantity() if self.side is Side.SELL else None,
            reference_price=self.reference_price(),
            prev_close=self.quote.prev_close if self.quote is not None else None,
            valid_until=self.valid_until,
            today=exchange_today(),
        )

    def errors(self) -> dict[str, str]:
        """Field -> error code, checked here first (fast); the draft is the server's word."""
        errors: dict[str, str] = {}
        if self.account_id is None:
            errors["account_id"] = ACCOUNT_REQUIRED
        check = self.order_check()
        if check is None:
            errors["instrument_id"] = INSTRUMENT_REQUIRED
            return errors
        errors.update(validate_order(check))
        return errors

    def estimate(self) -> tuple[Decimal, Decimal, Decimal]:
        """(amount, fee, total): the draft's figures when it matches the fields."""
        if self.draft_is_current and self.draft is not None:
            return self.draft.amount, self.draft.fee, self.draft.total
        check = self.order_check()
        if check is None:
            zero = Decimal("0.00")
            return zero, zero, zero
        return estimate(check)

    def request(self) -> OrderDraftRequest | None:
        """The draft request for the fields as they are, or None while one is missing."""
        if self.instrument is None or self.account_id is None or self.quantity is None:
            return None
        return OrderDraftRequest(
            account_id=self.account_id,
            instrument_id=self.instrument.id,
            side=self.side,
            type=self.type,
            price=self.price if self.type is OrderType.LIMIT else None,
            quantity=self.quantity,
            valid_until=self.valid_until,
        )

    # --- loading ----------------------------------------------------------------------------

    async def search(self, text: str, limit: int = 20) -> list[Instrument]:
        return await self.session.call(lambda c: c.search_instruments(text, limit=limit))

    async def choose_instrument(self, instrument: Instrument | str) -> Instrument:
        """Make `instrument` (or the one with this id) the order's; its quotes start to flow."""
        if isinstance(instrument, str):
            instrument_id = instrument
            instrument = await self.session.call(lambda c: c.instrument(instrument_id))
        if self.instrument is not None and self.instrument.id == instrument.id:
            return instrument
        self.instrument = instrument
        self.quote = None
        if not self._validity_chosen:
            # After the close a day order belongs to the next session: "today" would expire
            # the moment it is placed.
            self.valid_until = session_day(instrument.market, clock.now())
        self._watch(instrument.id)
        self._changed()
        self.instrumentChanged.emit(instrument)
        self.fundsChanged.emit()
        self.tasks.spawn(self._load_quote(instrument.id), name="order-ticket-quote")
        if self.portfolio is None and self.account_id:
            self.tasks.spawn(self._load_funds_quietly(), name="order-ticket-funds")
        return instrument

    async def load_funds(self) -> Portfolio | None:
        account_id = self.account_id
        if not account_id:
            return None
        portfolio = await self.session.call(lambda c: c.portfolio(account_id=account_id))
        if account_id == self.account_id:
            self.portfolio = portfolio
            self.fundsChanged.emit()
        return portfolio

    async def _load_funds_quietly(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            await self.load_funds()
        except CabinetError as error:
            log.info("could not load the sub-account's funds (%s)", error.code)

    async def _load_quote(self, instrument_id: str) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            quotes = await self.session.call(lambda c: c.quotes([instrument_id]))
        except CabinetError as error:
            log.info("no quote for the order form (%s)", error.code)
            return
        for quote in quotes:
            # A stream tick may have arrived first; keep the newer one.
            if self.quote is None or quote.time >= self.quote.time:
                self._set_quote(quote)

    # --- draft, signatures, confirm ---------------------------------------------------------

    async def _create_draft(self, request: OrderDraftRequest) -> OrderDraft:
        return await self.session.call(lambda c: c.create_order_draft(request))

    async def confirm(self, signature: SmsSignature | EdsSignature) -> Order:
        """Place the signed order; network failures are retried with the draft's key."""
        order: Order = await super().confirm(signature)
        return order

    @property  # type: ignore[override]
    def confirm_delays(self) -> tuple[float, ...]:
        return CONFIRM_RETRY_DELAYS  # read at each confirm, so a test may shorten them

    async def _send_confirm(
        self, draft_id: str, signature: SmsSignature | EdsSignature, key: str
    ) -> Order:
        return await self.session.call(lambda c: c.confirm_order(draft_id, signature, key))

    def _accepted(self, result: Order) -> None:
        self.order = result
        self.drop_draft()
        log.info("order %s placed (%s)", result.number, result.status)
        self.session.orderUpdated.emit(result)
        self.orderPlaced.emit(result)
        self.tasks.spawn(self._load_funds_quietly(), name="order-ticket-funds")

    def start_over(self) -> None:
        """After a placed order: a new one on the same instrument, side, price and sub-account."""
        self.order = None
        self.quantity = None
        self._validity_chosen = False
        self.valid_until = (
            session_day(self.instrument.market, clock.now())
            if self.instrument is not None
            else exchange_today()
        )
        self._changed()

    def close(self) -> None:
        """Stop the quotes and whatever still runs: the form is going away."""
        if self._closed:
            return
        self._closed = True
        for signal, slot in (
            (self.session.quotesReceived, self._quotes_received),
            (self.session.resynced, self._resynced),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self._unwatch()
        for task in self.tasks.pending:
            task.cancel()

    # --- internals --------------------------------------------------------------------------

    def _watch(self, instrument_id: str) -> None:
        self._unwatch()
        # Subscriptions are counted per watcher, so ours never silences a table's. The form
        # asks for every update (no max_rate_hz): the price the user trades at must be the
        # newest, while the tables are content with 10 a second.
        self.session.subscribe_quotes([instrument_id])
        self._subscribed = instrument_id

    def _unwatch(self) -> None:
        if self._subscribed is not None:
            self.session.unsubscribe_quotes([self._subscribed])
            self._subscribed = None

    def _quotes_received(self, quotes: list[Quote]) -> None:
        if self.instrument is None:
            return
        wanted = self.instrument.id
        for quote in reversed(quotes):
            if quote.instrument_id == wanted:
                self._set_quote(quote)
                return

    def _set_quote(self, quote: Quote) -> None:
        self.quote = quote
        self.quoteChanged.emit(quote)

    def _resynced(self) -> None:
        if self.instrument is not None:
            self.tasks.spawn(self._load_quote(self.instrument.id), name="order-ticket-quote")
        if self.account_id:
            self.tasks.spawn(self._load_funds_quietly(), name="order-ticket-funds")
