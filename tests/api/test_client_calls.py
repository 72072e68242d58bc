"""`CabinetClient` calls against the real mock: every result is a domain model, errors are typed."""

from __future__ import annotations

import asyncio
import base64
import ssl
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest
from testkit import BROKER, DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.errors import (
    AccountLocked,
    ApiError,
    CabinetError,
    Conflict,
    Forbidden,
    Gone,
    InvalidCredentials,
    NotFound,
    PasswordExpired,
    RateLimited,
    ResendTooSoon,
    ServerError,
    SessionExpired,
    ValidationFailed,
    error_from_response,
)
from cesec_desktop.api.stream import ConnectionState, StreamClient
from cesec_desktop.api.transport import ssl_context, stream_url
from cesec_desktop.domain.enums import (
    CandleInterval,
    Currency,
    Environment,
    InstructionStatus,
    Market,
    OrderStatus,
    OrderType,
    Side,
    SupportComponent,
    SupportPriority,
)
from cesec_desktop.domain.models.instructions import InstructionDraftRequest
from cesec_desktop.domain.models.orders import OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature
from cesec_desktop.domain.models.support import SupportAttachment, SupportRequestCreate

Factory = Callable[..., LiveServer]


def sms_code(live: LiveServer, challenge_id: str) -> str:
    items = httpx.get(f"{live.url}/mock/sms-outbox").json()["items"]
    return str(next(i["code"] for i in items if i["challenge_id"] == challenge_id))


def order_request(**changes: object) -> OrderDraftRequest:
    body: dict[str, object] = {
        "account_id": "acc_demo_kzt",
        "instrument_id": "KASE:HSBK",
        "side": Side.BUY,
        "type": OrderType.LIMIT,
        "price": Decimal("380.00"),
        "quantity": Decimal("10"),
    }
    body.update(changes)
    return OrderDraftRequest.model_validate(body)


async def signed_in(live: LiveServer, credentials: tuple[str, str] = DEMO) -> CabinetClient:
    client = CabinetClient(live.url, retry_delays=(0.01, 0.02))
    await client.login(*credentials)
    return client


def test_reads_answer_domain_models(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = await signed_in(live)
        accounts = await client.accounts()
        assert {a.id for a in accounts} == {"acc_demo_kzt", "acc_demo_usd"}
        markets = await client.markets()
        assert {m.id for m in markets} == set(Market)
        found = await client.search_instruments("HSBK", market=Market.KASE, limit=5)
        assert [i.id for i in found] == ["KASE:HSBK"]
        hsbk = await client.instrument("KASE:HSBK")
        assert hsbk.currency is Currency.KZT and isinstance(hsbk.price_step, Decimal)
        quotes = await client.quotes(["KASE:HSBK", "AIX:KAP"])
        assert [q.instrument_id for q in quotes] == ["KASE:HSBK", "AIX:KAP"]
        assert isinstance(quotes[0].last, Decimal)
        assert await client.quotes([]) == []
        candles = await client.candles("KASE:HSBK", CandleInterval.D1)
        assert candles.interval is CandleInterval.D1
        portfolio = await client.portfolio(account_id="acc_demo_kzt")
        assert portfolio.positions and isinstance(portfolio.totals.total_value, Decimal)
        today = live.state.clock.today()  # the exchange's day, not this machine's
        history = await client.portfolio_history(start=today - timedelta(days=30), end=today)
        assert history.items and all(
            today - timedelta(days=31) <= p.date <= today + timedelta(days=1) for p in history.items
        )
        banks = await client.banks()
        assert any(b.bic == "HSBKKZKX" and b.code == "601" for b in banks)
        await client.aclose()

    asyncio.run(scenario())


def test_watchlists_are_read_and_replaced(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = await signed_in(live)
        lists = await client.watchlists()
        kase = next(w for w in lists.items if w.market is Market.KASE)
        wanted = list(reversed(kase.instrument_ids))[:3]
        saved = await client.set_watchlist(Market.KASE, wanted)
        assert saved.instrument_ids == wanted
        again = await client.watchlists()
        assert next(w for w in again.items if w.market is Market.KASE).instrument_ids == wanted
        await client.aclose()

    asyncio.run(scenario())


def test_lists_page_with_cursors_and_filters(live_server_factory: Factory) -> None:
    live = live_server_factory(history_size=60)

    async def scenario() -> None:
        client = await signed_in(live)
        first = await client.transactions(limit=10)
        assert len(first.items) == 10 and first.next_cursor
        second = await client.transactions(limit=10, cursor=first.next_cursor)
        assert not {t.id for t in first.items} & {t.id for t in second.items}
        buys = await client.transactions(side=Side.BUY, limit=50)
        assert buys.items and {t.side for t in buys.items} == {Side.BUY}
        done = await client.orders(status=[OrderStatus.FILLED, OrderStatus.CANCELLED], limit=50)
        assert {o.status for o in done.items} <= {OrderStatus.FILLED, OrderStatus.CANCELLED}
        one = await client.order(first.items[0].order_id)
        assert one.id == first.items[0].order_id
        deal = await client.transaction(first.items[0].id)
        assert deal == first.items[0]
        old = await client.orders(end=live.state.clock.today() - timedelta(days=3650))
        assert old.items == [] and old.next_cursor is None
        await client.aclose()

    asyncio.run(scenario())


def test_an_order_is_drafted_signed_by_sms_placed_and_cancelled(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = await signed_in(live)
        draft = await client.create_order_draft(order_request())
        assert "HSBK" in draft.document.text and draft.currency is Currency.KZT
        challenge = await client.send_sms(draft.draft_id)
        assert challenge.attempts_left == 3
        with pytest.raises(RateLimited) as too_soon:
            await client.send_sms(draft.draft_id)
        assert too_soon.value.retry_after and too_soon.value.retry_after > 0
        with pytest.raises(ValidationFailed) as bad_code:
            await client.confirm_order(
                draft.draft_id,
                SmsSignature(method="sms", challenge_id=challenge.challenge_id, code="000000"),
                new_idempotency_key(),
            )
        assert (bad_code.value.code, bad_code.value.attempts_left) == ("otp_invalid", 2)
        assert bad_code.value.fields == {"code": "otp_invalid"}
        code = sms_code(live, challenge.challenge_id)
        signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
        order = await client.confirm_order(draft.draft_id, signature, new_idempotency_key())
        assert order.status in (OrderStatus.NEW, OrderStatus.ACTIVE)
        assert order.quantity == Decimal("10")
        cancelled = await client.cancel_order(order.id)
        assert cancelled.status is OrderStatus.CANCELLED
        with pytest.raises(Conflict):
            await client.cancel_order(order.id)
        await client.aclose()

    asyncio.run(scenario())


def test_order_errors_are_typed(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = await signed_in(live)
        with pytest.raises(ValidationFailed) as step:
            await client.create_order_draft(order_request(price=Decimal("385.005")))
        assert step.value.fields.get("price") == "price_step"
        with pytest.raises(NotFound):
            await client.instrument("KASE:NOSUCH")
        with pytest.raises(NotFound):
            await client.order("ord_missing")
        with pytest.raises(Forbidden):
            await client.clients()  # a client has no clients
        draft = await client.create_order_draft(order_request())
        challenge = await client.send_sms(draft.draft_id)
        wrong = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code="000000")
        for _ in range(2):
            with pytest.raises(ValidationFailed):
                await client.confirm_order(draft.draft_id, wrong, new_idempotency_key())
        with pytest.raises(Gone) as exhausted:
            await client.confirm_order(draft.draft_id, wrong, new_idempotency_key())
        assert (exhausted.value.code, exhausted.value.status) == ("otp_exhausted", 410)
        await client.aclose()

    asyncio.run(scenario())


def test_a_withdrawal_is_drafted_and_confirmed(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = await signed_in(live)
        request = InstructionDraftRequest(
            account_id="acc_demo_kzt",
            currency=Currency.KZT,
            amount=Decimal("100000.00"),
            recipient_iin="880607300110",
            iban="KZ476010131000179714",
            bic="HSBKKZKX",
        )
        draft = await client.create_instruction_draft(request)
        assert draft.bank_name == "Halyk Bank" and draft.amount == Decimal("100000.00")
        challenge = await client.send_sms(draft.draft_id)
        signature = SmsSignature(
            method="sms",
            challenge_id=challenge.challenge_id,
            code=sms_code(live, challenge.challenge_id),
        )
        key = new_idempotency_key()
        made = await client.confirm_instruction(draft.draft_id, signature, key)
        assert made.status is InstructionStatus.NEW
        assert await client.confirm_instruction(draft.draft_id, signature, key) == made
        listed = await client.instructions(status=InstructionStatus.NEW)
        assert made.id in {i.id for i in listed.items}
        assert (await client.instruction(made.id)).id == made.id
        with pytest.raises(ValidationFailed) as bad_iban:
            await client.create_instruction_draft(
                request.model_copy(update={"iban": "KZ476010131000179715"})
            )
        assert bad_iban.value.fields.get("iban") == "iban_checksum"
        await client.aclose()

    asyncio.run(scenario())


def test_support_requests_are_filed_and_listed(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = await signed_in(live)
        request = SupportRequestCreate(
            summary="The chart does not load",
            details="Since this morning",
            component=SupportComponent.OTHER,
            priority=SupportPriority.LOW,
            environment=Environment.TEST,
            attachments=[
                SupportAttachment(
                    name="cesec.log",
                    content_type="text/plain",
                    data=base64.b64encode(b"log excerpt").decode(),
                )
            ],
        )
        filed = await client.create_support_request(request)
        assert filed.number and filed.attachment_names == ["cesec.log"]
        key = new_idempotency_key()
        once = await client.create_support_request(request, idempotency_key=key)
        assert await client.create_support_request(request, idempotency_key=key) == once
        listed = await client.support_requests()
        assert {r.id for r in listed} == {filed.id, once.id}
        await client.aclose()

    asyncio.run(scenario())


def test_a_broker_reads_a_watched_clients_data(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = await signed_in(live, BROKER)
        watched = await client.clients()
        demo = next(c for c in watched if c.id == "usr_demo")
        accounts = await client.accounts(client_id=demo.id)
        assert {a.id for a in accounts} == {a.id for a in demo.accounts}
        portfolio = await client.portfolio(client_id=demo.id)
        assert portfolio.positions
        assert (await client.orders(client_id=demo.id, limit=5)).items is not None
        with pytest.raises(ValidationFailed) as no_client:
            await client.portfolio()  # a broker must say whose
        assert no_client.value.fields == {"client_id": "required"}
        with pytest.raises(Forbidden):
            await client.create_order_draft(order_request())
        await client.aclose()

    asyncio.run(scenario())


def test_server_urls_must_be_https_or_loopback() -> None:
    for bad in ("http://cabinet.example.kz", "ftp://127.0.0.1", "https://", "https://u:p@h.kz"):
        with pytest.raises(ValueError):
            CabinetClient(bad)
    assert CabinetClient("https://cabinet.example.kz/").base_url == "https://cabinet.example.kz"
    assert CabinetClient("http://localhost:8000").base_url == "http://localhost:8000"
    assert stream_url("https://cabinet.example.kz") == "wss://cabinet.example.kz/api/v1/stream"
    assert stream_url("http://[::1]:9000/") == "ws://[::1]:9000/api/v1/stream"
    context = ssl_context()
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname


def test_proxy_settings_in_the_environment_are_ignored(
    live_server_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = live_server_factory(simulate=True, always_open=True)
    nowhere = "http://127.0.0.1:9"  # the discard port: nothing listens there
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, nowhere)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)

    async def scenario() -> None:
        client = await signed_in(live)
        assert (await client.me()).login == "demo"
        online = asyncio.Event()
        stream = StreamClient(
            client.base_url,
            client.stream_token,
            on_state=lambda state: online.set() if state is ConnectionState.ONLINE else None,
        )
        stream.start()
        await asyncio.wait_for(online.wait(), 5)
        await stream.stop()
        await client.aclose()

    asyncio.run(scenario())


def test_a_client_stays_on_the_loop_that_first_used_it(live_server_factory: Factory) -> None:
    live = live_server_factory()
    client = CabinetClient(live.url)
    asyncio.run(client.login(*DEMO))
    with pytest.raises(RuntimeError):
        asyncio.run(client.me())


@pytest.mark.parametrize(
    ("status", "code", "details", "expected"),
    [
        (401, "invalid_credentials", {"attempts_left": 2}, InvalidCredentials),
        (401, "unauthorized", {}, SessionExpired),
        (423, "account_locked", {"locked_until": "2026-01-05T10:15:00.000+00:00"}, AccountLocked),
        (403, "password_expired", {}, PasswordExpired),
        (403, "forbidden", {}, Forbidden),
        (403, "wrong_password", {"fields": {"old_password": "wrong_password"}}, ValidationFailed),
        (404, "draft_not_found", {"fields": {"draft_id": "not_found"}}, NotFound),
        (409, "draft_used", {}, Conflict),
        (410, "draft_expired", {}, Gone),
        (422, "signature_invalid", {}, ValidationFailed),
        (429, "rate_limited", {"retry_after": 42}, RateLimited),
        (429, "resend_too_soon", {"retry_after": 42}, ResendTooSoon),
        (503, "service_unavailable", {}, ServerError),
        (418, "teapot", {}, ApiError),
    ],
)
def test_error_envelopes_map_to_typed_errors(
    status: int, code: str, details: dict[str, object], expected: type[CabinetError]
) -> None:
    body = {"error": {"code": code, "message": "text", "details": details}}
    error = error_from_response(httpx.Response(status, json=body))
    assert type(error) is expected
    assert (error.code, error.message, error.status, error.details) == (
        code,
        "text",
        status,
        details,
    )
    if isinstance(error, InvalidCredentials):
        assert error.attempts_left == 2
    if isinstance(error, AccountLocked):
        assert error.locked_until == datetime(2026, 1, 5, 10, 15, tzinfo=UTC)
    if isinstance(error, RateLimited):
        assert error.retry_after == 42


def test_a_response_without_an_envelope_still_maps_by_status() -> None:
    error = error_from_response(httpx.Response(502, text="<html>Bad gateway</html>"))
    assert type(error) is ServerError and error.code == "server_error" and error.status == 502
    assert str(error) == "server_error: The server failed to handle the request"
