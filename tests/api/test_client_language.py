"""`Accept-Language` on every call, and the mock's answers in that language."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest
from testkit import DEMO, LiveServer

from cesec_desktop.api import client as client_module
from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.domain.enums import Currency, OrderType, Side
from cesec_desktop.domain.models.instructions import InstructionDraftRequest
from cesec_desktop.domain.models.orders import OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature

Factory = Callable[..., LiveServer]


def _order_request() -> OrderDraftRequest:
    return OrderDraftRequest(
        account_id="acc_demo_kzt",
        instrument_id="KASE:HSBK",
        side=Side.BUY,
        type=OrderType.LIMIT,
        price=Decimal("380.00"),
        quantity=Decimal("10"),
    )


def _sms_code(live: LiveServer, challenge_id: str) -> str:
    items = httpx.get(f"{live.url}/mock/sms-outbox").json()["items"]
    return str(next(i["code"] for i in items if i["challenge_id"] == challenge_id))


def test_an_order_draft_asked_in_kazakh_is_the_kazakh_document(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url, retry_delays=(0.01,), language="kk")
        await client.login(*DEMO)
        draft = await client.create_order_draft(_order_request())
        lines = draft.document.text.splitlines()
        assert lines[0] == "БАҒАЛЫ ҚАҒАЗДАРМЕН МӘМІЛЕ ЖАСАУҒА ТАПСЫРЫС"
        for expected in (
            "Клиент: Демов Демо Демович",
            "ЖСН: 880607300110",
            "Қосалқы шот: CS01001-KZT",
            "Операция: Сатып алу",
            "Тапсырыс түрі: Лимиттік",
            "Саны: 10",
        ):
            assert expected in lines
        assert "Quantity" not in draft.document.text and " / " not in draft.document.text
        # The document signed is the one shown: its sha256 is of exactly this text.
        assert draft.document.sha256 == hashlib.sha256(draft.document.text.encode()).hexdigest()

        challenge = await client.send_sms(draft.draft_id)
        signature = SmsSignature(
            method="sms",
            challenge_id=challenge.challenge_id,
            code=_sms_code(live, challenge.challenge_id),
        )
        order = await client.confirm_order(draft.draft_id, signature, new_idempotency_key())
        assert [e.message for e in order.history] == ["Тапсырыс қабылданды"]

        # The language follows the UI live: the next call asks in the new one.
        client.language = "ru"
        assert (await client.order(order.id)).history[0].message == "Заявка принята"
        client.language = "en"
        assert (await client.order(order.id)).history[0].message == "Order received"
        await client.aclose()

    asyncio.run(scenario())


def test_a_withdrawal_draft_asked_in_kazakh_is_the_kazakh_document(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url, retry_delays=(0.01,), language="kk")
        await client.login(*DEMO)
        draft = await client.create_instruction_draft(
            InstructionDraftRequest(
                account_id="acc_demo_kzt",
                currency=Currency.KZT,
                amount=Decimal("1000.00"),
                recipient_iin="880607300110",
                iban="KZ476010131000179714",
                bic="HSBKKZKX",
            )
        )
        lines = draft.document.text.splitlines()
        assert lines[0] == "АҚШАНЫ ШЫҒАРУҒА ТАПСЫРМА"
        assert "Төлемнің мақсаты: Өз қаражатын шығару" in lines
        assert "Сомасы: 1 000.00 KZT" in lines
        await client.aclose()

    asyncio.run(scenario())


def test_every_call_carries_the_language_and_none_without_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[str, str | None]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers.get("accept-language")))
        if request.url.path.endswith("/auth/login"):
            body = {
                "access_token": "a",
                "refresh_token": "r",
                "expires_in": 900,
                "password_change_required": False,
            }
            return httpx.Response(200, content=json.dumps(body))
        return httpx.Response(200, content=json.dumps({"items": [], "next_cursor": None}))

    def fake_http_client(base_url: str, auth: httpx.Auth | None = None) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=base_url, auth=auth, transport=httpx.MockTransport(answer)
        )

    monkeypatch.setattr(client_module, "new_http_client", fake_http_client)

    async def scenario() -> None:
        client = CabinetClient("http://127.0.0.1:9", retry_delays=())
        await client.markets()
        client.language = "kk"
        await client.login("demo", "secret")
        await client.banks()
        client.language = "ru"
        await client.instructions()
        await client.aclose()

    asyncio.run(scenario())
    assert seen == [
        ("/api/v1/markets", None),
        ("/api/v1/auth/login", "kk"),
        ("/api/v1/banks", "kk"),
        ("/api/v1/instructions", "ru"),
    ]


def test_only_our_languages_may_be_asked() -> None:
    client = CabinetClient("http://127.0.0.1:9")
    assert client.language is None
    with pytest.raises(ValueError, match="unsupported language"):
        client.language = "de"
    client.language = "en"
    assert client.language == "en"
