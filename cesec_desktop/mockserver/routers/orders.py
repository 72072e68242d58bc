"""`/orders` and `/transactions`: draft, signed confirm, lists, details, cancel."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from cesec_desktop.domain.enums import Market, OrderStatus, OrderType, Side
from cesec_desktop.domain.markets import ALMATY, session_day
from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.domain.models.orders import (
    Order,
    OrderDraft,
    OrderDraftRequest,
    Transaction,
)
from cesec_desktop.domain.models.signing import Document, SignedConfirm
from cesec_desktop.domain.money import format_decimal
from cesec_desktop.domain.order_rules import (
    INSUFFICIENT_CASH,
    INSUFFICIENT_POSITION,
    OrderCheck,
    estimate,
    market_order_buffer,
    validate_order,
)
from cesec_desktop.mockserver import book, trading
from cesec_desktop.mockserver.balances import cash_state, position_state
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import transaction
from cesec_desktop.mockserver.deps import (
    User,
    account_of,
    get_state,
    subject_id,
    trading_user,
)
from cesec_desktop.mockserver.errors import (
    ApiError,
    error_responses,
    not_found,
    validation_error,
)
from cesec_desktop.mockserver.idempotency import IdempotencyKeyHeader, Remember, run_idempotent
from cesec_desktop.mockserver.languages import (
    Phrase,
    localise_model,
    localise_record,
    request_language,
)
from cesec_desktop.mockserver.listing import (
    DateFrom,
    DateTo,
    ListQuery,
    PageCursor,
    PageLimit,
    StatusFilter,
    parse_statuses,
)
from cesec_desktop.mockserver.signing import (
    SignatureCheck,
    check_signature,
    create_draft,
    mark_draft_used,
    usable_draft,
)
from cesec_desktop.mockserver.state import QuoteSnapshot, ServerState

router = APIRouter(tags=["orders"])

MAX_VALIDITY = timedelta(days=365)
RowItem = Callable[[sqlite3.Row], dict[str, Any]]


# --- drafts -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class OrderSpec:
    """An order as drafted: what the confirm turns into a row."""

    account_id: str
    instrument_id: str
    side: Side
    type: OrderType
    price: Decimal | None
    quantity: Decimal
    valid_until: date

    def payload(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "instrument_id": self.instrument_id,
            "side": self.side.value,
            "type": self.type.value,
            "price": format_decimal(self.price) if self.price is not None else None,
            "quantity": format_decimal(self.quantity),
            "valid_until": self.valid_until.isoformat(),
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> OrderSpec:
        return cls(
            account_id=payload["account_id"],
            instrument_id=payload["instrument_id"],
            side=Side(payload["side"]),
            type=OrderType(payload["type"]),
            price=Decimal(payload["price"]) if payload["price"] is not None else None,
            quantity=Decimal(payload["quantity"]),
            valid_until=date.fromisoformat(payload["valid_until"]),
        )


def _reference_price(quote: QuoteSnapshot | None, side: Side) -> Decimal | None:
    """What a market order would trade at now: the ask to buy, the bid to sell."""
    if quote is None:
        return None
    price = quote.ask if side is Side.BUY else quote.bid
    return price if price > 0 else None


def _order_check(state: ServerState, spec: OrderSpec, instrument: Instrument) -> OrderCheck:
    today = state.clock.today()
    quote = state.require_market().quote(instrument.id)
    available_cash = available_quantity = None
    if spec.side is Side.BUY:
        available_cash = cash_state(
            state.conn, spec.account_id, instrument.currency, today
        ).available
    else:
        available_quantity = position_state(
            state.conn, spec.account_id, instrument.id, today
        ).available
    return OrderCheck(
        instrument=instrument,
        side=spec.side,
        type=spec.type,
        price=spec.price,
        quantity=spec.quantity,
        available_cash=available_cash,
        available_quantity=available_quantity,
        reference_price=_reference_price(quote, spec.side),
        prev_close=quote.prev_close if quote is not None else None,
        valid_until=spec.valid_until,
        today=today,
    )


def _group(value: Decimal) -> str:
    """1 234 567.89: digits grouped by thousands, as a Kazakh or Russian reader expects."""
    return f"{value:,f}".replace(",", " ")


# The document's words; with no language asked, Russian and English side by side.
_TITLE = Phrase(
    "ПОРУЧЕНИЕ НА СДЕЛКУ С ЦЕННЫМИ БУМАГАМИ",
    "ORDER TO TRADE SECURITIES",
    "БАҒАЛЫ ҚАҒАЗДАРМЕН МӘМІЛЕ ЖАСАУҒА ТАПСЫРЫС",
)
_BROKER = Phrase("АО «Сентрас Секьюритиз»", "Centras Securities JSC", "«Сентрас Секьюритиз» АҚ")
_CLIENT = Phrase("Клиент", "Client", "Клиент")
_IIN = Phrase("ИИН", "IIN", "ЖСН")
_ACCOUNT = Phrase("Субсчёт", "Sub-account", "Қосалқы шот")
_SIDE = Phrase("Операция", "Side", "Операция")
_BUY = Phrase("Покупка", "Buy", "Сатып алу")
_SELL = Phrase("Продажа", "Sell", "Сату")
_INSTRUMENT = Phrase("Инструмент", "Instrument", "Құрал")
_ORDER_TYPE = Phrase("Тип заявки", "Order type", "Тапсырыс түрі")
_LIMIT = Phrase("Лимитная", "Limit", "Лимиттік")
_MARKET = Phrase("Рыночная", "Market", "Нарықтық")
_PRICE = Phrase("Цена", "Price", "Баға")
_AT_MARKET = Phrase("по рынку", "market", "нарықтық баға бойынша")
_OF_FACE = Phrase("от номинала", "of face value", "номиналдан")
_QUANTITY = Phrase("Количество", "Quantity", "Саны")
_AMOUNT = Phrase("Сумма", "Amount", "Сомасы")
_ESTIMATE = Phrase("оценка", "estimate", "бағалау")
_FEE = Phrase("Комиссия", "Fee", "Комиссия")
_TOTAL = Phrase("Итого", "Total", "Барлығы")
_VALID_UNTIL = Phrase("Действительна до", "Valid until", "Әрекет ету мерзімі")
_TIME = Phrase("Время", "Time", "Уақыты")
_REFERENCE = Phrase("Номер документа", "Reference", "Құжат нөмірі")


def document_text(
    state: ServerState,
    user: User,
    account_number: str,
    spec: OrderSpec,
    instrument: Instrument,
    check: OrderCheck,
    draft_id: str,
    language: str | None = None,
) -> str:
    """The exact order text the client reads and signs: in `language` (kk, ru or en), or
    Russian and English line by line when none was asked."""
    amount, fee, total = estimate(check)
    currency = instrument.currency.value
    lang = language
    side = (_BUY if spec.side is Side.BUY else _SELL)(lang)
    if spec.type is OrderType.LIMIT:
        kind, price = _LIMIT(lang), f"{_group(spec.price or Decimal(0))} {currency}"
        if instrument.face_value is not None:
            price = f"{format_decimal(spec.price or Decimal(0))} % {_OF_FACE(lang)}"
    else:
        kind, price = _MARKET(lang), _AT_MARKET(lang)
    estimated = "" if spec.type is OrderType.LIMIT else f" ({_ESTIMATE(lang)})"
    at = state.clock.now().astimezone(ALMATY).isoformat(sep=" ", timespec="seconds")
    lines = [
        _TITLE(lang),
        _BROKER(lang),
        "",
        f"{_CLIENT(lang)}: {user.full_name}",
        f"{_IIN(lang)}: {user.iin}",
        f"{_ACCOUNT(lang)}: {account_number}",
        f"{_SIDE(lang)}: {side}",
        f"{_INSTRUMENT(lang)}: {instrument.id} — {instrument.name}",
        f"ISIN: {instrument.isin or '—'}",
        f"{_ORDER_TYPE(lang)}: {kind}",
        f"{_PRICE(lang)}: {price}",
        f"{_QUANTITY(lang)}: {_group(spec.quantity)}",
        f"{_AMOUNT(lang)}{estimated}: {_group(amount)} {currency}",
        f"{_FEE(lang)}: {_group(fee)} {currency}",
        f"{_TOTAL(lang)}: {_group(total)} {currency}",
        f"{_VALID_UNTIL(lang)}: {spec.valid_until.isoformat()}",
        f"{_TIME(lang)}: {at}",
        f"{_REFERENCE(lang)}: {draft_id}",
    ]
    return "\n".join(lines) + "\n"


def _default_validity(state: ServerState, market: Market, today: date) -> date:
    """Today while the session runs (or the market is held open), else the next session's day:
    a day order placed in the evening must not expire the moment it is placed."""
    if state.is_open(market):
        return today
    return max(today, session_day(market, state.clock.now()))


@router.post(
    "/orders/drafts",
    response_model=OrderDraft,
    status_code=201,
    responses=error_responses(401, 403, 422),
)
async def create_order_draft(
    body: OrderDraftRequest, request: Request, user: User = Depends(trading_user)
) -> OrderDraft:
    """Validate an order and issue the document to sign."""
    state = get_state(request)
    account = account_of(state, user.id, body.account_id)
    instrument = trading.engine_of(state).instrument(body.instrument_id)
    unknown: dict[str, str] = {}
    if account is None:
        unknown["account_id"] = "unknown_account"
    if instrument is None:
        unknown["instrument_id"] = "unknown_instrument"
    if account is None or instrument is None:
        raise validation_error(unknown)
    today = state.clock.today()
    spec = OrderSpec(
        body.account_id,
        instrument.id,
        body.side,
        body.type,
        body.price,
        body.quantity,
        body.valid_until or _default_validity(state, instrument.market, today),
    )
    check = _order_check(state, spec, instrument)
    errors = validate_order(check)
    if spec.valid_until > today + MAX_VALIDITY:
        errors["valid_until"] = "valid_until_too_far"
    if spec.type is OrderType.MARKET:
        if not state.is_open(instrument.market):
            errors["type"] = "market_closed"
        elif check.reference_price is None:
            errors["type"] = "no_quote"
    if errors:
        raise validation_error(errors)
    amount, fee, total = estimate(check)
    draft = create_draft(
        state,
        user,
        "order",
        spec.payload(),
        lambda draft_id: document_text(
            state,
            user,
            account["number"],
            spec,
            instrument,
            check,
            draft_id,
            request_language(request),
        ),
    )
    return OrderDraft(
        draft_id=draft.id,
        document=Document(text=draft.document_text, sha256=draft.document_sha256),
        expires_at=draft.expires_at,
        amount=amount,
        fee=fee,
        total=total,
        currency=instrument.currency,
        valid_until=spec.valid_until,
    )


# --- confirm ----------------------------------------------------------------------------


def _recheck(state: ServerState, spec: OrderSpec, instrument: Instrument) -> Decimal | None:
    """Funds may have moved since the draft: check again; returns the price to reserve at."""
    check = _order_check(state, spec, instrument)
    if spec.type is OrderType.MARKET and check.reference_price is None:
        raise validation_error({"type": "no_quote"}, "No price to trade at")
    problem = validate_order(check).get("quantity")
    if problem == INSUFFICIENT_CASH:
        raise ApiError(
            422,
            INSUFFICIENT_CASH,
            "Not enough cash for this order any more",
            {"fields": {"quantity": INSUFFICIENT_CASH}},
        )
    if problem == INSUFFICIENT_POSITION:
        raise ApiError(
            422,
            INSUFFICIENT_POSITION,
            "Not enough securities for this order any more",
            {"fields": {"quantity": INSUFFICIENT_POSITION}},
        )
    if spec.type is OrderType.LIMIT:
        return spec.price
    if spec.side is Side.BUY and check.reference_price is not None:
        # A market buy holds back more than the ask: the price may move before it fills.
        return check.reference_price * market_order_buffer
    return None


def _insert_order(
    state: ServerState,
    user: User,
    spec: OrderSpec,
    instrument: Instrument,
    signed: SignatureCheck,
    reserve_price: Decimal | None,
) -> str:
    conn, now = state.conn, state.clock.now()
    order_id = trading.new_order_id()
    number = trading.next_order_number(conn)
    conn.execute(
        "INSERT INTO orders (id, number, user_id, account_id, instrument_id, side, type, price, "
        "quantity, filled_quantity, average_fill_price, reserve_price, currency, status, "
        "created_at, updated_at, valid_until, signature_method, signed_at, reject_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '0', NULL, ?, ?, 'new', ?, ?, ?, ?, ?, NULL)",
        (
            order_id,
            number,
            user.id,
            spec.account_id,
            spec.instrument_id,
            spec.side.value,
            spec.type.value,
            format_decimal(spec.price) if spec.price is not None else None,
            format_decimal(spec.quantity),
            format_decimal(reserve_price) if reserve_price is not None else None,
            instrument.currency.value,
            iso(now),
            iso(now),
            spec.valid_until.isoformat(),
            signed.method,
            iso(signed.signed_at) if signed.signed_at is not None else None,
        ),
    )
    trading.add_event(conn, order_id, now, "new", trading.MSG_RECEIVED)
    return order_id


@router.post(
    "/orders",
    response_model=Order,
    status_code=201,
    responses=error_responses(401, 403, 404, 409, 410, 422),
)
async def place_order(
    body: SignedConfirm,
    request: Request,
    user: User = Depends(trading_user),
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Confirm a draft with its signature: the order is placed with status "new".

    As for a withdrawal, the SMS code survives a refusal the client can fix (422
    `insufficient_cash` or `insufficient_position`): the same code confirms once it is fixed.
    Only a wrong code counts against its 3 attempts.
    """
    state = get_state(request)

    def create(remember: Remember) -> tuple[int, dict[str, Any]]:
        draft = usable_draft(state, user, body.draft_id, "order")
        spec = OrderSpec.from_payload(draft.payload)
        engine = trading.engine_of(state)
        instrument = engine.instrument(spec.instrument_id)
        if instrument is None:
            raise validation_error({"instrument_id": "unknown_instrument"})
        reserve_price = _recheck(state, spec, instrument)
        # Outside the transaction: a wrong code must still count against the attempts.
        signed = check_signature(state, user, draft, body.signature)
        with transaction(state.conn):
            order_id = _insert_order(state, user, spec, instrument, signed, reserve_price)
            mark_draft_used(state, draft)
            order = trading.load_order(state.conn, order_id)
            assert order is not None
            created = trading.order_json(localise_model(order, request_language(request)))
            # With the order, in one COMMIT: a repeat after any crash gets this very answer.
            remember(201, created)
        engine.publish(order_id, user.id)
        # A new order blocks cash (a buy) or securities (a sell), and counts as open.
        book.publish_summary(state, user.id)
        return 201, created

    return run_idempotent(state, request, user.id, "orders", body.model_dump(mode="json"), create)


# --- lists ------------------------------------------------------------------------------


def _trade_filters(
    query: ListQuery, market: Market | None, side: Side | None, instrument: str | None
) -> None:
    if market is not None:
        query.where("instrument_id LIKE ?", f"{market.value}:%")
    if side is not None:
        query.where("side = ?", side.value)
    if instrument:
        query.where("instr(lower(instrument_id), ?) > 0", instrument.lower())


def _page_response(
    query: ListQuery, conn: sqlite3.Connection, table: str, limit: int, item: RowItem
) -> Response:
    page, next_cursor = query.page(conn, table, limit)
    # Serialised here once: a model per row (and FastAPI's re-validation) would triple the cost.
    body = json.dumps(
        {"items": [item(row) for row in page], "next_cursor": next_cursor}, ensure_ascii=False
    )
    return Response(body, media_type="application/json")


@router.get("/orders", response_model=Page[Order], responses=error_responses(401, 403, 422))
async def list_orders(
    request: Request,
    owner: str = Depends(subject_id),
    start: DateFrom = None,
    end: DateTo = None,
    status: StatusFilter = None,
    market: Market | None = None,
    side: Side | None = None,
    instrument: str | None = Query(
        default=None, max_length=64, description="part of the instrument id or ticker"
    ),
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    """The orders of a period, newest first (details carry the history)."""
    query = ListQuery("created_at")
    query.where("user_id = ?", owner)
    query.period(start, end)
    query.one_of("status", parse_statuses(status, OrderStatus, "unknown_status"))
    _trade_filters(query, market, side, instrument)
    query.after(cursor)
    language = request_language(request)

    def item(row: sqlite3.Row) -> dict[str, Any]:
        # Only a rejected order carries a text in a list item: its reason.
        return localise_record(trading.order_item(row), language)

    return _page_response(query, get_state(request).conn, "orders", limit, item)


@router.get(
    "/orders/{order_id}", response_model=Order, responses=error_responses(401, 403, 404, 422)
)
async def get_order(order_id: str, request: Request, owner: str = Depends(subject_id)) -> Order:
    """One order with its full history."""
    order = trading.load_order(get_state(request).conn, order_id, owner)
    if order is None:
        raise not_found("Order")
    return localise_model(order, request_language(request))


@router.post(
    "/orders/{order_id}/cancel",
    response_model=Order,
    responses=error_responses(401, 403, 404, 409, 422),
)
async def cancel_order(
    order_id: str, request: Request, user: User = Depends(trading_user)
) -> Order:
    """Withdraw an open order (new, active or partially filled)."""
    order = trading.cancel(get_state(request), user.id, order_id)
    return localise_model(order, request_language(request))


@router.get(
    "/transactions", response_model=Page[Transaction], responses=error_responses(401, 403, 422)
)
async def list_transactions(
    request: Request,
    owner: str = Depends(subject_id),
    start: DateFrom = None,
    end: DateTo = None,
    market: Market | None = None,
    side: Side | None = None,
    instrument: str | None = Query(
        default=None, max_length=64, description="part of the instrument id or ticker"
    ),
    limit: PageLimit = 100,
    cursor: PageCursor = None,
) -> Response:
    """Deals of a period, newest first."""
    query = ListQuery("time")
    query.where("user_id = ?", owner)
    query.period(start, end)
    _trade_filters(query, market, side, instrument)
    query.after(cursor)
    conn = get_state(request).conn
    return _page_response(query, conn, "transactions", limit, trading.transaction_item)


@router.get(
    "/transactions/{transaction_id}",
    response_model=Transaction,
    responses=error_responses(401, 403, 404, 422),
)
async def get_transaction(
    transaction_id: str, request: Request, owner: str = Depends(subject_id)
) -> Transaction:
    row = (
        get_state(request)
        .conn.execute(
            "SELECT * FROM transactions WHERE id = ? AND user_id = ?", (transaction_id, owner)
        )
        .fetchone()
    )
    if row is None:
        raise not_found("Transaction")
    return trading.transaction_from_row(row)
