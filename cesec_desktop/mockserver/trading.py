"""The order lifecycle behind `/orders`: activation, matching against quotes, fills, expiry.

Orders live in SQLite; the engine keeps only an index of open limit orders per instrument, so
the tick listener (called for every quote update, tens of thousands of times a second) returns
at once for instruments nobody has an order on. Every state change is one atomic database
write followed by a publish on the "orders" channel; a fill or a close also sends the client's
summary to the brokers watching (book.publish_summary).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

from pydantic import TypeAdapter

from cesec_desktop.domain.enums import (
    Currency,
    InstrumentKind,
    Market,
    OrderStatus,
    OrderType,
    Side,
)
from cesec_desktop.domain.fees import order_fee
from cesec_desktop.domain.markets import session_close_at, settlement_date
from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.domain.models.orders import Order, OrderEvent, Transaction
from cesec_desktop.domain.money import format_decimal
from cesec_desktop.domain.order_rules import order_amount
from cesec_desktop.mockserver import book
from cesec_desktop.mockserver.balances import OPEN_ORDER_STATUSES
from cesec_desktop.mockserver.clock import iso, parse_iso
from cesec_desktop.mockserver.db import next_number
from cesec_desktop.mockserver.errors import ApiError, not_found, validation_error
from cesec_desktop.mockserver.languages import localise_record
from cesec_desktop.mockserver.security import new_id
from cesec_desktop.mockserver.state import QuoteSnapshot, ServerState

log = logging.getLogger(__name__)

# An order is "new" (accepted, not yet at the exchange) for this long before it works.
ACTIVATION_DELAY = timedelta(seconds=0.3)
# Human numbers start here unless earlier rows (seeded history) already went further.
ORDER_NUMBER_START = 100_001
TRANSACTION_NUMBER_START = 500_001
_ZERO = Decimal(0)
_AVERAGE_QUANTUM = Decimal("0.000001")
_CENT = Decimal("0.01")

# Event texts, Russian / English like the rest of the cabinet's record (and seeded history).
MSG_RECEIVED = "Заявка принята / Order received"
MSG_ACTIVE = "Заявка выставлена на биржу / Order placed on the exchange"
MSG_CANCELLED = "Отменена клиентом / Cancelled by the client"
MSG_EXPIRED = "Срок заявки истёк / The order's validity ended"
MSG_MARKET_CLOSED = "Рынок закрыт / Market closed"
MSG_NO_PRICE = "Нет цены для исполнения / No price to trade at"
MSG_UNKNOWN_INSTRUMENT = "Инструмент не найден / Unknown instrument"
MSG_REJECTED = "Отклонена биржей / Rejected by the exchange"


def fill_message(quantity: Decimal, price: Decimal) -> str:
    return f"Исполнено / Filled {format_decimal(quantity)} @ {format_decimal(price)}"


def _dec(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def tidy(value: Decimal) -> Decimal:
    """At most 6 decimals and no needless trailing zeros, but always cents: 352.1 -> 352.10."""
    value = value.quantize(_AVERAGE_QUANTUM)
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return value.quantize(_CENT)
    return normal


def instrument_from_row(row: sqlite3.Row) -> Instrument:
    return Instrument(
        id=row["id"],
        market=Market(row["market"]),
        ticker=row["ticker"],
        name=row["name"],
        isin=row["isin"],
        currency=Currency(row["currency"]),
        kind=InstrumentKind(row["kind"]),
        lot_size=row["lot_size"],
        price_step=Decimal(row["price_step"]),
        face_value=_dec(row["face_value"]),
    )


def ticker_of(instrument_id: str) -> str:
    return instrument_id.split(":", 1)[-1]


def order_from_row(
    row: sqlite3.Row | dict[str, Any], history: list[OrderEvent] | None = None
) -> Order:
    return Order(
        id=row["id"],
        number=str(row["number"]),
        account_id=row["account_id"],
        instrument_id=row["instrument_id"],
        ticker=ticker_of(row["instrument_id"]),
        side=row["side"],
        type=row["type"],
        price=row["price"],
        quantity=row["quantity"],
        filled_quantity=row["filled_quantity"],
        average_fill_price=row["average_fill_price"],
        currency=row["currency"],
        status=row["status"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        valid_until=row["valid_until"],
        signature_method=row["signature_method"],
        signed_at=row["signed_at"],
        reject_reason=row["reject_reason"],
        history=history or [],
    )


_DATETIME = TypeAdapter(datetime)


def wire_time(stored: str) -> str:
    """A stored timestamp as pydantic writes it, so lists and details look alike.

    The fast path covers what `iso()` stores ("…T10:16:36.461+00:00" -> "…T10:16:36.461000Z").
    """
    if len(stored) == 29 and stored.endswith("+00:00") and stored[19] == ".":
        millis = stored[20:23]
        return f"{stored[:19]}Z" if millis == "000" else f"{stored[:23]}000Z"
    return str(_DATETIME.dump_python(parse_iso(stored), mode="json"))


def order_item(row: sqlite3.Row) -> dict[str, Any]:
    """A list item: the wire JSON of `Order` without history, straight from the row.

    Stored values already are the wire's decimal strings and ISO timestamps; skipping the
    model round trip keeps a 5,000-row page cheap. Tests check that items validate as `Order`.
    """
    return {
        "id": row["id"],
        "number": str(row["number"]),
        "account_id": row["account_id"],
        "instrument_id": row["instrument_id"],
        "ticker": ticker_of(row["instrument_id"]),
        "side": row["side"],
        "type": row["type"],
        "price": row["price"],
        "quantity": row["quantity"],
        "filled_quantity": row["filled_quantity"],
        "average_fill_price": row["average_fill_price"],
        "currency": row["currency"],
        "status": row["status"],
        "created_at": wire_time(row["created_at"]),
        "updated_at": wire_time(row["updated_at"]),
        "valid_until": row["valid_until"],
        "signature_method": row["signature_method"],
        "signed_at": wire_time(row["signed_at"]) if row["signed_at"] is not None else None,
        "reject_reason": row["reject_reason"],
        "history": [],
    }


def transaction_item(row: sqlite3.Row) -> dict[str, Any]:
    """A list item: the wire JSON of `Transaction`, straight from the row."""
    return {
        "id": row["id"],
        "number": str(row["number"]),
        "time": wire_time(row["time"]),
        "order_id": row["order_id"],
        "account_id": row["account_id"],
        "instrument_id": row["instrument_id"],
        "ticker": ticker_of(row["instrument_id"]),
        "side": row["side"],
        "price": row["price"],
        "quantity": row["quantity"],
        "amount": row["amount"],
        "fee": row["fee"],
        "currency": row["currency"],
        "settlement_date": row["settlement_date"],
    }


def transaction_from_row(row: sqlite3.Row) -> Transaction:
    return Transaction(
        id=row["id"],
        number=str(row["number"]),
        time=row["time"],
        order_id=row["order_id"],
        account_id=row["account_id"],
        instrument_id=row["instrument_id"],
        ticker=ticker_of(row["instrument_id"]),
        side=row["side"],
        price=row["price"],
        quantity=row["quantity"],
        amount=row["amount"],
        fee=row["fee"],
        currency=row["currency"],
        settlement_date=row["settlement_date"],
    )


def order_history(conn: sqlite3.Connection, order_id: str) -> list[OrderEvent]:
    rows = conn.execute(
        "SELECT time, status, message, filled_quantity, price FROM order_events "
        "WHERE order_id = ? ORDER BY seq",
        (order_id,),
    ).fetchall()
    return [OrderEvent(**dict(r)) for r in rows]


def load_order(conn: sqlite3.Connection, order_id: str, user_id: str | None = None) -> Order | None:
    """The order with its full history; None if unknown (or not `user_id`'s)."""
    row = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None or (user_id is not None and row["user_id"] != user_id):
        return None
    return order_from_row(row, order_history(conn, order_id))


def order_json(order: Order) -> dict[str, Any]:
    return order.model_dump(mode="json")


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """All or nothing, even inside a transaction a caller (the simulator) already opened."""
    name = "trading"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


def add_event(
    conn: sqlite3.Connection,
    order_id: str,
    at: datetime,
    status: str,
    message: str = "",
    filled_quantity: Decimal | None = None,
    price: Decimal | None = None,
) -> None:
    seq = conn.execute(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM order_events WHERE order_id = ?", (order_id,)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO order_events (order_id, seq, time, status, message, filled_quantity, price) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            order_id,
            seq,
            iso(at),
            status,
            message,
            format_decimal(filled_quantity) if filled_quantity is not None else None,
            format_decimal(price) if price is not None else None,
        ),
    )


def _next_human_number(conn: sqlite3.Connection, table: str, sequence: str, start: int) -> int:
    # The counter may not exist yet while seeded history already holds numbers: continue after it.
    top = conn.execute(f"SELECT MAX(number) FROM {table}").fetchone()[0]
    return next_number(conn, sequence, start=max(start, (top or 0) + 1))


def new_order_id() -> str:
    return new_id("ord")


def next_order_number(conn: sqlite3.Connection) -> int:
    return _next_human_number(conn, "orders", "order", ORDER_NUMBER_START)


@dataclass
class OpenOrder:
    """What the matcher needs of a working limit order."""

    id: str
    user_id: str
    side: Side
    price: Decimal
    remaining: Decimal
    created_at: str


def _lots(size: Decimal, lot: int) -> Decimal:
    """A displayed size rounded down to whole lots."""
    if size <= 0:
        return _ZERO
    lots = (size / lot).to_integral_value(rounding=ROUND_DOWN)
    return lots * lot


class Engine:
    """Activation, matching, fills, cancels and expiry for one mock backend instance."""

    def __init__(self, state: ServerState) -> None:
        self.state = state
        self.book: dict[str, dict[str, OpenOrder]] = {}
        self._instruments: dict[str, Instrument] = {}
        self.rebuild()

    # --- index ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Reload the index of working limit orders from the database (start, reset)."""
        self.book.clear()
        self._instruments.clear()
        rows = self.state.conn.execute(
            "SELECT id, user_id, instrument_id, side, price, quantity, filled_quantity, "
            "created_at FROM orders WHERE type = 'limit' "
            "AND status IN ('active', 'partially_filled') ORDER BY created_at, id"
        ).fetchall()
        for row in rows:
            self._index(row)

    def _index(self, row: sqlite3.Row) -> None:
        remaining = Decimal(row["quantity"]) - Decimal(row["filled_quantity"])
        if row["price"] is None or remaining <= 0:
            return
        self.book.setdefault(row["instrument_id"], {})[row["id"]] = OpenOrder(
            row["id"],
            row["user_id"],
            Side(row["side"]),
            Decimal(row["price"]),
            remaining,
            row["created_at"],
        )

    def _unindex(self, instrument_id: str, order_id: str) -> None:
        orders = self.book.get(instrument_id)
        if orders is not None:
            orders.pop(order_id, None)
            if not orders:
                del self.book[instrument_id]

    def instrument(self, instrument_id: str) -> Instrument | None:
        cached = self._instruments.get(instrument_id)
        if cached is not None:
            return cached
        row = self.state.conn.execute(
            "SELECT * FROM instruments WHERE id = ?", (instrument_id,)
        ).fetchone()
        if row is None:
            return None
        instrument = instrument_from_row(row)
        self._instruments[instrument_id] = instrument
        return instrument

    # --- publishing ----------------------------------------------------------------------

    def publish(self, order_id: str, user_id: str) -> None:
        """Send the order (with its history) to every stream that may see it."""
        hub = self.state.hub
        if not any("orders" in s.channels and user_id in s.user_ids for s in hub.subscribers):
            return
        order = load_order(self.state.conn, order_id)
        if order is not None:
            hub.publish_event("orders", user_id, order_json(order), localise_record)

    # --- ticks ---------------------------------------------------------------------------

    def on_tick(self, quote: QuoteSnapshot) -> None:
        """Tick listener: match working limit orders on this instrument against the quote."""
        orders = self.book.get(quote.instrument_id)
        if not orders:
            return
        try:
            self._match(quote, orders)
        except Exception:
            log.exception("matching %s failed", quote.instrument_id)

    def _match(self, quote: QuoteSnapshot, orders: dict[str, OpenOrder]) -> None:
        instrument = self.instrument(quote.instrument_id)
        if instrument is None or not self.state.is_open(instrument.market):
            return
        ask_left = _lots(quote.ask_size, instrument.lot_size)
        bid_left = _lots(quote.bid_size, instrument.lot_size)
        # Oldest first: time priority among our own orders at the same touch.
        for open_order in sorted(orders.values(), key=lambda o: (o.created_at, o.id)):
            if open_order.side is Side.BUY:
                if quote.ask <= 0 or quote.ask > open_order.price or ask_left <= 0:
                    continue
                quantity = min(open_order.remaining, ask_left)
                ask_left -= quantity
                self.fill(open_order.id, quantity, quote.ask)
            else:
                if quote.bid <= 0 or quote.bid < open_order.price or bid_left <= 0:
                    continue
                quantity = min(open_order.remaining, bid_left)
                bid_left -= quantity
                self.fill(open_order.id, quantity, quote.bid)

    # --- fills ---------------------------------------------------------------------------

    def fill(
        self, order_id: str, quantity: Decimal, price: Decimal, message: str = ""
    ) -> Order | None:
        """Book one fill: deal, cash, position, order and event in one write; then publish."""
        conn = self.state.conn
        row = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
        if row is None or not OrderStatus(row["status"]).is_open:
            return None
        instrument = self.instrument(row["instrument_id"])
        if instrument is None:
            return None
        remaining = Decimal(row["quantity"]) - Decimal(row["filled_quantity"])
        quantity = min(quantity, remaining)
        if quantity <= 0:
            return None
        with atomic(conn):
            self._book_fill(row, instrument, quantity, price, message)
        self._unindex(row["instrument_id"], order_id)
        fresh = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
        # A limit order forced part-filled while still "new" starts working from here too.
        if fresh["type"] == OrderType.LIMIT and fresh["status"] in ("active", "partially_filled"):
            self._index(fresh)
        self.publish(order_id, row["user_id"])
        book.publish_summary(self.state, row["user_id"])
        return load_order(conn, order_id)

    def _book_fill(
        self,
        row: sqlite3.Row,
        instrument: Instrument,
        quantity: Decimal,
        price: Decimal,
        message: str,
    ) -> OrderStatus:
        conn = self.state.conn
        now, today = self.state.clock.now(), self.state.clock.today()
        side = Side(row["side"])
        amount = order_amount(instrument, price, quantity)
        fee = order_fee(instrument.market, instrument.currency, amount)
        number = _next_human_number(conn, "transactions", "transaction", TRANSACTION_NUMBER_START)
        conn.execute(
            "INSERT INTO transactions (id, number, user_id, time, order_id, account_id, "
            "instrument_id, side, price, quantity, amount, fee, currency, settlement_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id("trx"),
                number,
                row["user_id"],
                iso(now),
                row["id"],
                row["account_id"],
                row["instrument_id"],
                side.value,
                format_decimal(price),
                format_decimal(quantity),
                format_decimal(amount),
                format_decimal(fee),
                row["currency"],
                settlement_date(today).isoformat(),
            ),
        )
        cash_delta = -(amount + fee) if side is Side.BUY else amount - fee
        self._move_cash(row["account_id"], row["currency"], cash_delta)
        self._move_position(row["account_id"], row["instrument_id"], side, quantity, price)
        filled_before = Decimal(row["filled_quantity"])
        filled = filled_before + quantity
        previous_average = _dec(row["average_fill_price"]) or _ZERO
        average = tidy((previous_average * filled_before + price * quantity) / filled)
        status = (
            OrderStatus.FILLED
            if filled >= Decimal(row["quantity"])
            else OrderStatus.PARTIALLY_FILLED
        )
        conn.execute(
            "UPDATE orders SET filled_quantity = ?, average_fill_price = ?, status = ?, "
            "updated_at = ? WHERE id = ?",
            (format_decimal(filled), format_decimal(average), status.value, iso(now), row["id"]),
        )
        add_event(
            conn,
            row["id"],
            now,
            status.value,
            message or fill_message(quantity, price),
            quantity,
            price,
        )
        return status

    def _move_cash(self, account_id: str, currency: str, delta: Decimal) -> None:
        conn = self.state.conn
        current = conn.execute(
            "SELECT balance FROM cash WHERE account_id = ? AND currency = ?",
            (account_id, currency),
        ).fetchone()
        balance = (Decimal(current["balance"]) if current else _ZERO) + delta
        conn.execute(
            "INSERT INTO cash (account_id, currency, balance) VALUES (?, ?, ?) "
            "ON CONFLICT(account_id, currency) DO UPDATE SET balance = excluded.balance",
            (account_id, currency, format_decimal(balance)),
        )

    def _move_position(
        self, account_id: str, instrument_id: str, side: Side, quantity: Decimal, price: Decimal
    ) -> None:
        conn = self.state.conn
        current = conn.execute(
            "SELECT quantity, average_price FROM positions "
            "WHERE account_id = ? AND instrument_id = ?",
            (account_id, instrument_id),
        ).fetchone()
        held = Decimal(current["quantity"]) if current else _ZERO
        average = Decimal(current["average_price"]) if current else _ZERO
        if side is Side.BUY:
            new_quantity = held + quantity
            average = tidy((held * average + quantity * price) / new_quantity)
        else:
            new_quantity = held - quantity
        if new_quantity <= 0:
            # Sold out: the position disappears rather than lingering at zero.
            conn.execute(
                "DELETE FROM positions WHERE account_id = ? AND instrument_id = ?",
                (account_id, instrument_id),
            )
            return
        conn.execute(
            "INSERT INTO positions (account_id, instrument_id, quantity, average_price) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(account_id, instrument_id) DO UPDATE SET "
            "quantity = excluded.quantity, average_price = excluded.average_price",
            (account_id, instrument_id, format_decimal(new_quantity), format_decimal(average)),
        )

    # --- status changes ------------------------------------------------------------------

    def close(self, order_id: str, status: OrderStatus, message: str) -> Order | None:
        """End an open order (cancelled, rejected, expired); None if it is not open."""
        conn = self.state.conn
        row = conn.execute(
            "SELECT id, user_id, instrument_id, status FROM orders WHERE id = ?", (order_id,)
        ).fetchone()
        if row is None or not OrderStatus(row["status"]).is_open:
            return None
        now = self.state.clock.now()
        reason = message if status is OrderStatus.REJECTED else None
        with atomic(conn):
            conn.execute(
                "UPDATE orders SET status = ?, updated_at = ?, reject_reason = ? WHERE id = ?",
                (status.value, iso(now), reason, order_id),
            )
            add_event(conn, order_id, now, status.value, message)
        self._unindex(row["instrument_id"], order_id)
        self.publish(order_id, row["user_id"])
        # Its reserve (cash, or securities for a sell) is free again.
        book.publish_summary(self.state, row["user_id"])
        return load_order(conn, order_id)

    def _activate(self, row: sqlite3.Row) -> None:
        instrument = self.instrument(row["instrument_id"])
        if instrument is None:
            self.close(row["id"], OrderStatus.REJECTED, MSG_UNKNOWN_INSTRUMENT)
            return
        quote = self.state.require_market().quote(row["instrument_id"])
        if OrderType(row["type"]) is OrderType.MARKET:
            self._execute_market(row, instrument, quote)
            return
        conn, now = self.state.conn, self.state.clock.now()
        with atomic(conn):
            conn.execute(
                "UPDATE orders SET status = 'active', updated_at = ? WHERE id = ?",
                (iso(now), row["id"]),
            )
            add_event(conn, row["id"], now, "active", MSG_ACTIVE)
        self._index(conn.execute("SELECT * FROM orders WHERE id = ?", (row["id"],)).fetchone())
        self.publish(row["id"], row["user_id"])
        if quote is not None:
            # A limit that already crosses the book trades at once, not on the next tick.
            self.on_tick(quote)

    def _execute_market(
        self, row: sqlite3.Row, instrument: Instrument, quote: QuoteSnapshot | None
    ) -> None:
        if not self.state.is_open(instrument.market):
            self.close(row["id"], OrderStatus.REJECTED, MSG_MARKET_CLOSED)
            return
        price = None
        if quote is not None:
            price = quote.ask if Side(row["side"]) is Side.BUY else quote.bid
        if price is None or price <= 0:
            self.close(row["id"], OrderStatus.REJECTED, MSG_NO_PRICE)
            return
        quantity = Decimal(row["quantity"]) - Decimal(row["filled_quantity"])
        self.fill(row["id"], quantity, price)

    # --- housekeeping --------------------------------------------------------------------

    def housekeeping(self) -> None:
        """Every ~200 ms: activate orders that waited long enough, expire stale ones."""
        for job in (self.activate_due, self.expire_due):
            try:
                job()
            except Exception:
                log.exception("order housekeeping failed")

    def activate_due(self) -> None:
        cutoff = iso(self.state.clock.now() - ACTIVATION_DELAY)
        rows = self.state.conn.execute(
            "SELECT * FROM orders WHERE status = 'new' AND created_at <= ? ORDER BY created_at, id",
            (cutoff,),
        ).fetchall()
        for row in rows:
            self._activate(row)

    def expire_due(self) -> None:
        now, today = self.state.clock.now(), self.state.clock.today()
        rows = self.state.conn.execute(
            "SELECT id, instrument_id, valid_until FROM orders "
            f"WHERE status IN {OPEN_ORDER_STATUSES} AND valid_until <= ?",
            (today.isoformat(),),
        ).fetchall()
        for row in rows:
            valid_until = date.fromisoformat(row["valid_until"])
            if valid_until == today:
                instrument = self.instrument(row["instrument_id"])
                market = instrument.market if instrument is not None else Market.KASE
                # A market held open (--always-open, or the /mock/market-hours override) has no
                # session end: its day orders last until the day is over.
                if now < session_close_at(market, today) or self.state.is_open(market):
                    continue
            self.close(row["id"], OrderStatus.EXPIRED, MSG_EXPIRED)


def install(state: ServerState) -> Engine:
    """Wire the engine into the simulator's ticks, the housekeeping loop and `/mock/reset`."""
    engine = Engine(state)
    state.trading = engine
    state.require_market().add_tick_listener(engine.on_tick)
    state.housekeeping.append(engine.housekeeping)
    state.reset_listeners.append(engine.rebuild)
    return engine


def engine_of(state: ServerState) -> Engine:
    engine: Engine | None = state.trading
    if engine is None:
        engine = install(state)
    return engine


def _open_row(state: ServerState, order_id: str) -> sqlite3.Row:
    row = state.conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None:
        raise not_found("Order")
    if not OrderStatus(row["status"]).is_open:
        raise ApiError(
            409,
            "order_not_open",
            f"The order is already {row['status']}",
            {"status": row["status"]},
        )
    return row


def _default_fill_price(state: ServerState, row: sqlite3.Row) -> Decimal | None:
    """The touch on our side, never worse than a limit; the limit itself without a quote."""
    quote = state.require_market().quote(row["instrument_id"])
    limit = _dec(row["price"])
    touch = None
    if quote is not None:
        touch = quote.ask if row["side"] == Side.BUY else quote.bid
        if touch is not None and touch <= 0:
            touch = None
    if limit is None:
        return touch
    if touch is None:
        return limit
    return min(touch, limit) if row["side"] == Side.BUY else max(touch, limit)


def force_fill(
    state: ServerState, order_id: str, quantity: Decimal | None = None, price: Decimal | None = None
) -> Order:
    """Mock control: fill an open order now (the rest by default), whatever the market does."""
    engine = engine_of(state)
    row = _open_row(state, order_id)
    instrument = engine.instrument(row["instrument_id"])
    if instrument is None:
        raise not_found("Instrument")
    remaining = Decimal(row["quantity"]) - Decimal(row["filled_quantity"])
    errors: dict[str, str] = {}
    if quantity is None:
        quantity = remaining
    elif quantity <= 0:
        errors["quantity"] = "quantity_not_positive"
    elif quantity != quantity.to_integral_value():
        errors["quantity"] = "quantity_not_whole"
    elif quantity > remaining:
        errors["quantity"] = "quantity_above_remaining"
    elif quantity % instrument.lot_size != 0:
        errors["quantity"] = "quantity_lot"
    if price is None:
        price = _default_fill_price(state, row)
        if price is None:
            errors["price"] = "no_quote"
    elif price <= 0:
        errors["price"] = "price_not_positive"
    if errors:
        raise validation_error(errors)
    assert price is not None
    order = engine.fill(order_id, quantity, price, "")
    if order is None:  # pragma: no cover - checked open just above, on the one loop
        raise ApiError(409, "order_not_open", "The order is no longer open")
    return order


def reject(state: ServerState, order_id: str, reason: str | None = None) -> Order:
    """Mock control: the exchange rejects an open order."""
    _open_row(state, order_id)
    order = engine_of(state).close(order_id, OrderStatus.REJECTED, reason or MSG_REJECTED)
    if order is None:  # pragma: no cover
        raise ApiError(409, "order_not_open", "The order is no longer open")
    return order


def cancel(state: ServerState, user_id: str, order_id: str) -> Order:
    """The client withdraws its own open order."""
    row = state.conn.execute(
        "SELECT status FROM orders WHERE id = ? AND user_id = ?", (order_id, user_id)
    ).fetchone()
    if row is None:
        raise not_found("Order")
    if not OrderStatus(row["status"]).is_open:
        raise ApiError(
            409,
            "order_not_cancellable",
            f"The order is already {row['status']}",
            {"status": row["status"]},
        )
    order = engine_of(state).close(order_id, OrderStatus.CANCELLED, MSG_CANCELLED)
    if order is None:  # pragma: no cover
        raise ApiError(409, "order_not_cancellable", "The order is no longer open")
    return order
