"""Documents to sign and history texts in the language the client asks for (Accept-Language)."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_instructions import _confirm as confirm_instruction
from test_instructions import _draft as instruction_draft
from test_instructions import _frames, _listen
from test_orders import API, draft, open_markets, place, use_fake_market
from test_stream import TIMEOUT, Factory, next_frame, on_server_loop, token_for
from test_stream import wait_until as wait_for
from testkit import DEMO, mock_state

from cesec_desktop.mockserver import trading
from cesec_desktop.mockserver.hub import StreamHub, Subscriber
from cesec_desktop.mockserver.languages import localise, localise_record, negotiate

Headers = dict[str, str]


def _in(headers: Headers, language: str) -> Headers:
    return {**headers, "Accept-Language": language}


# --- negotiation and the catalogue -------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("ru", "ru"),
        ("kk", "kk"),
        ("en", "en"),
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("de-DE, en;q=0.5, kk;q=0.7", "kk"),
        ("kk-KZ;q=0, en", "en"),
        ("KK", "kk"),
        ("de, fr", None),
        ("*", None),
        ("", None),
        (None, None),
    ],
)
def test_accept_language_picks_one_of_ours(header: str | None, language: str | None) -> None:
    assert negotiate(header) == language


def test_stored_texts_come_back_in_the_asked_language() -> None:
    received = trading.MSG_RECEIVED
    assert localise(received, None) == "Заявка принята / Order received"
    assert localise(received, "ru") == "Заявка принята"
    assert localise(received, "en") == "Order received"
    assert localise(received, "kk") == "Тапсырыс қабылданды"
    filled = trading.fill_message(Decimal(10), Decimal("385.00"))
    assert localise(filled, "ru") == "Исполнено 10 @ 385.00"
    assert localise(filled, "en") == "Filled 10 @ 385.00"
    assert localise(filled, "kk") == "Орындалды 10 @ 385.00"
    # A reason given to a mock control is the tester's own words: passed through.
    assert localise("Risk desk said no", "ru") == "Risk desk said no"
    assert localise("", "kk") == "" and localise(None, "kk") is None


# --- documents ---------------------------------------------------------------------------


def test_an_order_draft_asked_in_russian_is_all_russian(
    client: TestClient, demo_headers: Headers
) -> None:
    use_fake_market(client)
    response = draft(client, _in(demo_headers, "ru"), price="385.00", quantity="10")
    assert response.status_code == 201, response.text
    text = response.json()["document"]["text"]
    lines = text.splitlines()
    assert lines[0] == "ПОРУЧЕНИЕ НА СДЕЛКУ С ЦЕННЫМИ БУМАГАМИ"
    assert lines[1] == "АО «Сентрас Секьюритиз»"
    for expected in (
        "Клиент: Демов Демо Демович",
        "ИИН: 880607300110",
        "Субсчёт: CS01001-KZT",
        "Операция: Покупка",
        "Тип заявки: Лимитная",
        "Цена: 385.00 KZT",
        "Количество: 10",
        "Сумма: 3 850.00 KZT",
        "Комиссия: 100.00 KZT",
        "Итого: 3 950.00 KZT",
        f"Номер документа: {response.json()['draft_id']}",
    ):
        assert expected in lines
    for english in ("Buy", "Quantity", "Client", "Centras Securities JSC", " / "):
        assert english not in text


def test_an_order_draft_in_english_keeps_todays_english(
    client: TestClient, demo_headers: Headers
) -> None:
    use_fake_market(client)
    open_markets(client)
    bilingual = draft(client, demo_headers, type="market", price=None, quantity="100").json()
    english = draft(
        client, _in(demo_headers, "en"), type="market", price=None, quantity="100"
    ).json()
    # Line by line, the English document is the English half of the bilingual one.
    halves = [
        _english_half(line)
        for line in bilingual["document"]["text"].splitlines()
        if "Reference" not in line and "Time" not in line
    ]
    lines = [
        line
        for line in english["document"]["text"].splitlines()
        if "Reference" not in line and "Time" not in line
    ]
    assert lines == halves
    assert "Amount (estimate): 40 425.00 KZT" in lines
    assert "Price: market" in lines


def _english_half(line: str) -> str:
    """ "Тип заявки / Order type: Рыночная / Market" → "Order type: Market"."""
    if ": " not in line:
        return line.split(" / ")[-1]
    label, value = line.split(": ", 1)
    head, bracket, tail = label.partition(" (")  # "Сумма / Amount (оценка / estimate)"
    label = head.split(" / ")[-1] + (f" ({tail.split(' / ')[-1]}" if bracket else "")
    return f"{label}: {value.split(' / ')[-1]}"


def test_a_withdrawal_draft_asked_in_russian_is_all_russian(
    client: TestClient, demo_headers: Headers
) -> None:
    made = instruction_draft(client, _in(demo_headers, "ru"))
    lines = made["document"]["text"].splitlines()
    assert lines[0] == "ПОРУЧЕНИЕ НА ВЫВОД ДЕНЕЖНЫХ СРЕДСТВ"
    for expected in (
        "Брокер: АО «Сентрас Секьюритиз»",
        "Сумма: 100 000.00 KZT",
        "ИИК (IBAN) получателя: KZ476010131000179714",
        "КНП: 342",
        "КБе: 19",
        "Назначение платежа: Вывод собственных средств",
    ):
        assert expected in lines
    assert "Withdrawal" not in made["document"]["text"]


def test_the_document_signed_is_the_one_issued_in_that_language(
    client: TestClient, demo_headers: Headers
) -> None:
    made = instruction_draft(client, _in(demo_headers, "kk"))
    assert made["document"]["text"].startswith("АҚШАНЫ ШЫҒАРУҒА ТАПСЫРМА\n")
    stored = (
        mock_state(client)
        .conn.execute("SELECT document_text FROM drafts WHERE id = ?", (made["draft_id"],))
        .fetchone()["document_text"]
    )
    assert stored == made["document"]["text"]
    # Confirmed in another language: the draft's own (Kazakh) document is what was signed.
    response = confirm_instruction(client, _in(demo_headers, "ru"), made["draft_id"])
    assert response.status_code == 201, response.text
    assert response.json()["purpose"] == "Вывод собственных средств"


# --- history -----------------------------------------------------------------------------


def test_order_history_follows_the_language_of_each_read(
    client: TestClient, demo_headers: Headers
) -> None:
    use_fake_market(client)
    order = place(client, _in(demo_headers, "ru"), price="380.00", quantity="10")
    assert [e["message"] for e in order["history"]] == ["Заявка принята"]
    path = f"{API}/orders/{order['id']}"
    messages = {
        language: client.get(path, headers=_in(demo_headers, language)).json()["history"][0][
            "message"
        ]
        for language in ("kk", "ru", "en")
    }
    assert messages == {"kk": "Тапсырыс қабылданды", "ru": "Заявка принята", "en": "Order received"}
    bare = client.get(path, headers=demo_headers).json()["history"][0]["message"]
    assert bare == "Заявка принята / Order received"
    cancelled = client.post(f"{path}/cancel", headers=_in(demo_headers, "ru")).json()
    assert cancelled["history"][-1]["message"] == "Отменена клиентом"


def test_a_rejection_reason_is_in_the_asked_language(
    client: TestClient, demo_headers: Headers
) -> None:
    use_fake_market(client)
    order = place(client, demo_headers, price="380.00", quantity="10")
    client.post(f"/mock/orders/{order['id']}/reject")
    listed = client.get(f"{API}/orders", headers=_in(demo_headers, "ru")).json()["items"]
    mine = next(item for item in listed if item["id"] == order["id"])
    assert mine["reject_reason"] == "Отклонена биржей"
    details = client.get(f"{API}/orders/{order['id']}", headers=_in(demo_headers, "kk")).json()
    assert details["reject_reason"] == "Биржа қабылдамады"
    assert details["history"][-1]["message"] == "Биржа қабылдамады"


def test_instruction_history_in_russian(client: TestClient, demo_headers: Headers) -> None:
    made = instruction_draft(client, demo_headers)
    created = confirm_instruction(client, demo_headers, made["draft_id"]).json()
    client.post(f"/mock/instructions/{created['id']}/advance")
    details = client.get(
        f"{API}/instructions/{created['id']}", headers=_in(demo_headers, "ru")
    ).json()
    assert [e["message"] for e in details["history"]] == [
        "Поручение принято",
        "Поручение в обработке",
    ]
    listed = client.get(f"{API}/instructions", headers=_in(demo_headers, "ru")).json()["items"]
    assert next(i for i in listed if i["id"] == created["id"])["purpose"] == (
        "Вывод собственных средств"
    )


def test_the_seeded_history_is_localised_too(client: TestClient, demo_headers: Headers) -> None:
    listed = client.get(
        f"{API}/orders", headers=_in(demo_headers, "en"), params={"limit": 5000}
    ).json()["items"]
    reasons = {item["reject_reason"] for item in listed if item["reject_reason"]}
    assert reasons, "the seed has rejected orders"
    assert all(" / " not in reason and reason.isascii() for reason in reasons)


# --- the stream --------------------------------------------------------------------------


def test_the_hub_sends_each_stream_its_own_language() -> None:
    hub = StreamHub()
    subscribers = {
        language: Subscriber(
            user_ids=frozenset({"usr_demo"}), channels={"orders"}, language=language
        )
        for language in ("kk", "ru", None)
    }
    for sub in subscribers.values():
        hub.add(sub)
    event = {"id": "ord_x", "history": [{"message": trading.MSG_ACTIVE}], "reject_reason": None}
    hub.publish_event("orders", "usr_demo", event, localise_record)
    received = {
        language: json.loads(sub.queue.get_nowait() or "")["data"][0]["history"][0]["message"]
        for language, sub in subscribers.items()
    }
    assert received == {
        "kk": "Тапсырыс биржаға қойылды",
        "ru": "Заявка выставлена на биржу",
        None: trading.MSG_ACTIVE,
    }


def test_instruction_events_follow_the_subscriber_language(
    client: TestClient, demo_headers: Headers
) -> None:
    sub = _listen(client)
    sub.language = "ru"
    made = instruction_draft(client, demo_headers)
    confirm_instruction(client, demo_headers, made["draft_id"])
    frames = _frames(sub)
    assert frames[-1]["data"][0]["history"][0]["message"] == "Поручение принято"


def test_a_stream_opened_in_russian_gets_russian_events(live_server_factory: Factory) -> None:
    live = live_server_factory()
    token = token_for(live, DEMO)
    event = {"id": "ord_x", "status": "cancelled", "history": [{"message": trading.MSG_CANCELLED}]}

    async def scenario() -> dict[str, Any]:
        from websockets.asyncio.client import connect

        headers = {"Authorization": f"Bearer {token}", "Accept-Language": "ru"}
        async with await connect(
            live.ws_url, additional_headers=headers, open_timeout=TIMEOUT
        ) as ws:
            await ws.send(json.dumps({"op": "subscribe", "channel": "orders"}))
            await asyncio.to_thread(
                wait_for, lambda: any("orders" in s.channels for s in live.state.hub.subscribers)
            )
            on_server_loop(
                live,
                lambda: live.state.hub.publish_event("orders", "usr_demo", event, localise_record),
            )
            return await next_frame(ws)

    frame = asyncio.run(scenario())
    assert frame["data"][0]["history"][0]["message"] == "Отменена клиентом"
