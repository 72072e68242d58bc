"""`/banks`, `/instructions` and the back office: signed withdrawals and what they block."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from testkit import BROKER, DEMO, login, make_config, mock_state

from cesec_desktop.domain.banks import BANKS
from cesec_desktop.mockserver import withdrawals
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.cms import sign_cms
from cesec_desktop.mockserver.hub import Subscriber
from cesec_desktop.mockserver.pki import load_demo_signer

API = "/api/v1"
DEMO_IIN = "880607300110"
HALYK_IBAN = "KZ476010131000179714"
KASPI_IBAN = "KZ45722S000054326792"
Headers = dict[str, str]


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[TestClient, Headers]]:
    """One backend for the checks that change nothing: they need no fresh world each."""
    with TestClient(create_app(make_config())) as client:
        yield client, login(client, DEMO)


def _body(**changes: Any) -> dict[str, Any]:
    body = {
        "account_id": "acc_demo_kzt",
        "currency": "KZT",
        "amount": "100000.00",
        "recipient_iin": DEMO_IIN,
        "iban": HALYK_IBAN,
        "bic": "HSBKKZKX",
    }
    body.update(changes)
    return body


def _draft(client: TestClient, headers: Headers, **changes: Any) -> dict[str, Any]:
    response = client.post(f"{API}/instructions/drafts", headers=headers, json=_body(**changes))
    assert response.status_code == 201, response.text
    return response.json()


def _sms_signature(client: TestClient, headers: Headers, draft_id: str) -> dict[str, str]:
    challenge = client.post(f"{API}/sms-challenges", headers=headers, json={"draft_id": draft_id})
    assert challenge.status_code == 201, challenge.text
    challenge_id = challenge.json()["challenge_id"]
    outbox = client.get("/mock/sms-outbox").json()["items"]
    code = next(item["code"] for item in outbox if item["challenge_id"] == challenge_id)
    return {"method": "sms", "challenge_id": challenge_id, "code": code}


def _confirm(
    client: TestClient,
    headers: Headers,
    draft_id: str,
    signature: dict[str, str] | None = None,
    key: str | None = None,
) -> Any:
    extra = {"Idempotency-Key": key} if key else {}
    signature = signature or _sms_signature(client, headers, draft_id)
    return client.post(
        f"{API}/instructions",
        headers={**headers, **extra},
        json={"draft_id": draft_id, "signature": signature},
    )


def _withdraw(client: TestClient, headers: Headers, **changes: Any) -> dict[str, Any]:
    draft = _draft(client, headers, **changes)
    response = _confirm(client, headers, draft["draft_id"])
    assert response.status_code == 201, response.text
    return response.json()


def _cash(
    client: TestClient, headers: Headers, account_id: str = "acc_demo_kzt", currency: str = "KZT"
) -> dict[str, Decimal]:
    portfolio = client.get(
        f"{API}/portfolio", headers=headers, params={"account_id": account_id}
    ).json()
    row = next(c for c in portfolio["cash"] if c["currency"] == currency)
    return {key: Decimal(row[key]) for key in ("balance", "available", "blocked")}


def _error(response: Any) -> dict[str, Any]:
    return response.json()["error"]


def _listen(client: TestClient) -> Subscriber:
    sub = Subscriber(user_ids=frozenset({"usr_demo"}), channels={"instructions"})
    mock_state(client).hub.add(sub)
    return sub


def _frames(sub: Subscriber) -> list[dict[str, Any]]:
    frames = []
    while not sub.queue.empty():
        frame = sub.queue.get_nowait()
        assert frame is not None
        frames.append(json.loads(frame))
    return frames


def test_banks_list_names_bics_and_iban_codes(client: TestClient, demo_headers: Headers) -> None:
    response = client.get(f"{API}/banks", headers=demo_headers)
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == len(BANKS)
    assert {"name": "Halyk Bank", "bic": "HSBKKZKX", "code": "601"} in items
    assert client.get(f"{API}/banks").status_code == 401


def test_draft_shows_the_exact_bilingual_document(
    client: TestClient, demo_headers: Headers
) -> None:
    draft = _draft(client, demo_headers, iban="kz47 6010 1310 0017 9714", bic="hsbkkzkx")
    text = draft["document"]["text"]
    for expected in (
        "Демов Демо Демович",
        DEMO_IIN,
        "CS01001-KZT",
        "100 000.00 KZT",
        HALYK_IBAN,
        "Halyk Bank",
        "HSBKKZKX",
        "(KNP): 342",
        "(KBe): 19",
        "Withdrawal of own funds",
        "+05:00",
        draft["draft_id"],
        "ПОРУЧЕНИЕ НА ВЫВОД",
        "CASH WITHDRAWAL INSTRUCTION",
    ):
        assert expected in text
    assert draft["amount"] == "100000.00"
    assert draft["currency"] == "KZT"
    assert draft["bank_name"] == "Halyk Bank"
    assert draft["document"]["sha256"] == hashlib.sha256(text.encode()).hexdigest()


def test_withdrawal_signed_by_sms_blocks_the_amount_at_once(
    client: TestClient, demo_headers: Headers
) -> None:
    before = _cash(client, demo_headers)
    sub = _listen(client)
    created = _withdraw(client, demo_headers, amount="250000")
    assert created["status"] == "new"
    assert created["signature_method"] == "sms"
    assert created["amount"] == "250000.00"
    assert (created["knp"], created["kbe"]) == ("342", "19")
    assert [e["status"] for e in created["history"]] == ["new"]
    after = _cash(client, demo_headers)
    assert after["balance"] == before["balance"]
    assert after["blocked"] == before["blocked"] + 250000
    assert after["available"] == before["available"] - 250000
    (event,) = _frames(sub)
    assert event["channel"] == "instructions"
    assert event["data"][0]["id"] == created["id"]


def test_withdrawal_signed_by_eds(client: TestClient, demo_headers: Headers) -> None:
    draft = _draft(
        client,
        demo_headers,
        account_id="acc_demo_usd",
        currency="USD",
        amount="1200.50",
        iban=KASPI_IBAN,
        bic="CASPKZKA",
    )
    cert, key = load_demo_signer()
    cms = base64.b64encode(sign_cms(draft["document"]["text"].encode(), cert, key)).decode()
    response = _confirm(client, demo_headers, draft["draft_id"], {"method": "eds", "cms": cms})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["signature_method"] == "eds"
    assert (body["currency"], body["amount"], body["bank_name"]) == ("USD", "1200.50", "Kaspi Bank")


def test_eds_over_another_text_is_refused(client: TestClient, demo_headers: Headers) -> None:
    draft = _draft(client, demo_headers)
    cert, key = load_demo_signer()
    forged = draft["document"]["text"].replace("100 000.00", "900 000.00")
    cms = base64.b64encode(sign_cms(forged.encode(), cert, key)).decode()
    response = _confirm(client, demo_headers, draft["draft_id"], {"method": "eds", "cms": cms})
    assert response.status_code == 422
    assert _error(response)["code"] == "document_mismatch"


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"recipient_iin": "880607300111"}, "recipient_iin", "iin_checksum"),
        ({"recipient_iin": "12345"}, "recipient_iin", "iin_format"),
        ({"recipient_iin": "810624301456"}, "recipient_iin", "recipient_not_owner"),
        ({"iban": "KZ476010131000179715"}, "iban", "iban_checksum"),
        ({"iban": "DE89370400440532013000"}, "iban", "iban_country"),
        ({"iban": KASPI_IBAN}, "bic", "iban_bank_mismatch"),
        ({"bic": "ABCDKZKA"}, "bic", "unknown_bank"),
        ({"amount": "999999999"}, "amount", "insufficient_funds"),
        ({"amount": "10.005"}, "amount", "amount_precision"),
        ({"amount": "0"}, "amount", "amount_not_positive"),
        ({"amount": "-5"}, "amount", "amount_not_positive"),
        ({"amount": "1000000000000000"}, "amount", "amount_too_large"),
        ({"account_id": "acc_aigerim_kzt"}, "account_id", "unknown_account"),
        ({"account_id": "acc_demo_usd"}, "currency", "currency_not_held"),
        ({"purpose": "Rent\nСумма / Amount: 1.00 KZT"}, "purpose", "purpose_invalid"),
    ],
)
def test_draft_field_errors(
    shared: tuple[TestClient, Headers], changes: dict[str, str], field: str, code: str
) -> None:
    client, demo_headers = shared
    response = client.post(
        f"{API}/instructions/drafts", headers=demo_headers, json=_body(**changes)
    )
    assert response.status_code == 422, response.text
    error = _error(response)
    assert error["code"] == "validation_error"
    assert error["details"]["fields"] == {field: code}


def test_every_wrong_field_is_reported_at_once(client: TestClient, demo_headers: Headers) -> None:
    response = client.post(
        f"{API}/instructions/drafts",
        headers=demo_headers,
        json=_body(
            recipient_iin="810624301456",
            iban="KZ476010131000179715",
            bic="NOPEKZKA",
            amount="1.234",
        ),
    )
    assert _error(response)["details"]["fields"] == {
        "recipient_iin": "recipient_not_owner",
        "iban": "iban_checksum",
        "bic": "unknown_bank",
        "amount": "amount_precision",
    }


@pytest.mark.parametrize(
    "body",
    [
        _body(amount=10.5),
        _body(amount="abc"),
        _body(amount="Infinity"),
        _body(purpose="x" * 201),
        _body(iban="K" * 10_000),
        _body(currency="EUR"),
        _body(surprise=True),
        {"account_id": "acc_demo_kzt"},
    ],
)
def test_malformed_bodies_are_422_envelopes(
    shared: tuple[TestClient, Headers], body: dict[str, Any]
) -> None:
    client, demo_headers = shared
    response = client.post(f"{API}/instructions/drafts", headers=demo_headers, json=body)
    assert response.status_code == 422
    assert _error(response)["code"] == "validation_error"


def test_brokers_may_not_withdraw(client: TestClient) -> None:
    broker = login(client, BROKER)
    draft = client.post(f"{API}/instructions/drafts", headers=broker, json=_body())
    assert draft.status_code == 403
    assert _error(draft)["code"] == "forbidden"
    confirm = client.post(
        f"{API}/instructions",
        headers=broker,
        json={
            "draft_id": "drf_x",
            "signature": {"method": "sms", "challenge_id": "s", "code": "1"},
        },
    )
    assert confirm.status_code == 403


def test_same_idempotency_key_makes_one_instruction(
    client: TestClient, demo_headers: Headers
) -> None:
    draft = _draft(client, demo_headers)
    signature = _sms_signature(client, demo_headers, draft["draft_id"])
    first = _confirm(client, demo_headers, draft["draft_id"], signature, key="withdraw-1")
    again = _confirm(client, demo_headers, draft["draft_id"], signature, key="withdraw-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    rows = (
        mock_state(client)
        .conn.execute(
            "SELECT COUNT(*) FROM instructions WHERE amount = '100000.00' AND status = 'new'"
        )
        .fetchone()[0]
    )
    assert rows == 1
    # Without the key, a second confirm of the same draft is refused, not repeated.
    third = _confirm(client, demo_headers, draft["draft_id"], signature)
    assert third.status_code == 409
    assert _error(third)["code"] == "draft_used"


def test_a_key_reused_for_another_draft_is_refused(
    client: TestClient, demo_headers: Headers
) -> None:
    one, two = _draft(client, demo_headers), _draft(client, demo_headers, amount="5000")
    assert _confirm(client, demo_headers, one["draft_id"], key="k").status_code == 201
    response = _confirm(client, demo_headers, two["draft_id"], key="k")
    assert response.status_code == 422
    assert _error(response)["code"] == "idempotency_key_reused"


def test_a_wrong_code_burns_an_attempt_and_the_key_may_be_retried(
    client: TestClient,
    demo_headers: Headers,
) -> None:
    draft = _draft(client, demo_headers)
    signature = _sms_signature(client, demo_headers, draft["draft_id"])
    wrong = {**signature, "code": "000000" if signature["code"] != "000000" else "111111"}
    response = _confirm(client, demo_headers, draft["draft_id"], wrong, key="retry")
    assert response.status_code == 422
    assert _error(response)["code"] == "otp_invalid"
    assert _error(response)["details"]["attempts_left"] == 2
    assert (
        _confirm(client, demo_headers, draft["draft_id"], signature, key="retry").status_code == 201
    )


def test_confirm_checks_the_cash_again(client: TestClient, demo_headers: Headers) -> None:
    available = _cash(client, demo_headers)["available"]
    first = _draft(client, demo_headers, amount=str(available))
    second = _draft(client, demo_headers, amount=str(available))
    assert _confirm(client, demo_headers, first["draft_id"]).status_code == 201
    response = _confirm(client, demo_headers, second["draft_id"])
    assert response.status_code == 422
    assert _error(response)["code"] == "insufficient_funds"
    assert _cash(client, demo_headers)["available"] == 0


def test_an_expired_draft_cannot_be_confirmed(client: TestClient, demo_headers: Headers) -> None:
    draft = _draft(client, demo_headers)
    signature = _sms_signature(client, demo_headers, draft["draft_id"])
    client.post("/mock/clock", json={"advance_seconds": 16 * 60})
    # The access token has lapsed too (15 min): sign in again, as the client would.
    response = _confirm(client, login(client, DEMO), draft["draft_id"], signature)
    assert response.status_code == 410
    assert _error(response)["code"] == "draft_expired"


def test_executing_debits_the_balance_and_releases_the_block(
    client: TestClient,
    demo_headers: Headers,
) -> None:
    before = _cash(client, demo_headers)
    created = _withdraw(client, demo_headers, amount="70000")
    sub = _listen(client)
    processing = client.post(f"/mock/instructions/{created['id']}/advance")
    assert processing.status_code == 200
    assert processing.json()["status"] == "processing"
    assert _cash(client, demo_headers)["blocked"] == before["blocked"] + 70000
    executed = client.post(f"/mock/instructions/{created['id']}/advance", json={})
    assert executed.json()["status"] == "executed"
    assert [e["status"] for e in executed.json()["history"]] == ["new", "processing", "executed"]
    after = _cash(client, demo_headers)
    assert after["balance"] == before["balance"] - 70000
    assert after["blocked"] == before["blocked"]
    assert after["available"] == before["available"] - 70000
    assert [f["data"][0]["status"] for f in _frames(sub)] == ["processing", "executed"]
    final = client.post(f"/mock/instructions/{created['id']}/advance")
    assert final.status_code == 409
    assert _error(final)["code"] == "instruction_final"


def test_rejecting_releases_the_block_and_keeps_the_reason(
    client: TestClient,
    demo_headers: Headers,
) -> None:
    before = _cash(client, demo_headers)
    created = _withdraw(client, demo_headers, amount="70000")
    response = client.post(
        f"/mock/instructions/{created['id']}/advance",
        json={"status": "rejected", "reason": "Account closed"},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["reject_reason"]) == ("rejected", "Account closed")
    assert body["history"][-1]["message"] == "Account closed"
    assert _cash(client, demo_headers) == before
    detail = client.get(f"{API}/instructions/{created['id']}", headers=demo_headers).json()
    assert detail["status"] == "rejected"


def test_advance_errors(client: TestClient, demo_headers: Headers) -> None:
    assert client.post("/mock/instructions/ins_nope/advance").status_code == 404
    created = _withdraw(client, demo_headers, amount="1000")
    bad = client.post(f"/mock/instructions/{created['id']}/advance", json={"status": "new"})
    assert bad.status_code == 422
    client.post(f"/mock/instructions/{created['id']}/advance")
    same = client.post(f"/mock/instructions/{created['id']}/advance", json={"status": "processing"})
    assert same.status_code == 409
    assert _error(same)["code"] == "invalid_transition"
    direct = client.post(f"/mock/instructions/{created['id']}/advance", json={"status": "executed"})
    assert direct.json()["status"] == "executed"


def _run_back_office(client: TestClient) -> None:
    for job in mock_state(client).housekeeping:
        if job.__module__ == withdrawals.__name__:
            job()


def test_back_office_moves_withdrawals_by_mock_time(
    app_factory: Callable[..., FastAPI],
) -> None:
    with TestClient(app_factory(auto_advance_instructions=True)) as client:
        headers = login(client, DEMO)
        created = _withdraw(client, headers, amount="30000")
        before = _cash(client, headers)
        # The seeded withdrawal in processing is due too: the back office treats all alike.
        seeded = sum(
            Decimal(i["amount"])
            for i in client.get(
                f"{API}/instructions", headers=headers, params={"status": "processing"}
            ).json()["items"]
            if i["account_id"] == "acc_demo_kzt" and i["currency"] == "KZT"
        )
        _run_back_office(client)
        assert _status(client, headers, created["id"]) == "new"
        client.post("/mock/clock", json={"advance_seconds": 21})
        _run_back_office(client)
        assert _status(client, headers, created["id"]) == "processing"
        client.post("/mock/clock", json={"advance_seconds": 30})
        _run_back_office(client)
        assert _status(client, headers, created["id"]) == "processing"
        client.post("/mock/clock", json={"advance_seconds": 31})
        _run_back_office(client)
        assert _status(client, headers, created["id"]) == "executed"
        assert _cash(client, headers)["balance"] == before["balance"] - 30000 - seeded
        assert _cash(client, headers)["blocked"] == before["blocked"] - 30000 - seeded


def test_a_long_clock_jump_runs_every_due_step(app_factory: Callable[..., FastAPI]) -> None:
    with TestClient(app_factory(auto_advance_instructions=True)) as client:
        headers = login(client, DEMO)
        created = _withdraw(client, headers, amount="30000")
        client.post("/mock/clock", json={"advance_seconds": 600})
        _run_back_office(client)
        detail = client.get(f"{API}/instructions/{created['id']}", headers=headers).json()
        assert [e["status"] for e in detail["history"]] == ["new", "processing", "executed"]


def test_no_back_office_job_when_switched_off(client: TestClient) -> None:
    assert not [
        job for job in mock_state(client).housekeeping if job.__module__ == withdrawals.__name__
    ]


def _status(client: TestClient, headers: Headers, instruction_id: str) -> str:
    return client.get(f"{API}/instructions/{instruction_id}", headers=headers).json()["status"]


def test_list_pages_newest_first_and_filters(client: TestClient, demo_headers: Headers) -> None:
    created = _withdraw(client, demo_headers, amount="1000")
    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 7, "from": "2000-01-01", "to": "2999-12-31"}
        if cursor:
            params["cursor"] = cursor
        page = client.get(f"{API}/instructions", headers=demo_headers, params=params).json()
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen[0]["id"] == created["id"]
    assert len({i["id"] for i in seen}) == len(seen) >= 60
    assert [i["created_at"] for i in seen] == sorted((i["created_at"] for i in seen), reverse=True)
    assert all(i["history"] == [] for i in seen)
    open_ones = client.get(
        f"{API}/instructions", headers=demo_headers, params={"status": "new,processing"}
    ).json()["items"]
    assert {i["status"] for i in open_ones} == {"new", "processing"}
    today = mock_state(client).clock.today().isoformat()
    todays = client.get(
        f"{API}/instructions", headers=demo_headers, params={"from": today, "to": today}
    ).json()["items"]
    assert created["id"] in {i["id"] for i in todays}
    assert len(todays) < len(seen)


@pytest.mark.parametrize(
    "params",
    [
        {"cursor": "not-a-cursor"},
        {"cursor": base64.urlsafe_b64encode(b"[1, 2]").decode()},
        {"status": "lost"},
        {"from": "2026-02-01", "to": "2026-01-01"},
        {"limit": 0},
        {"limit": 5001},
        {"from": "yesterday"},
    ],
)
def test_bad_list_parameters_are_422(
    shared: tuple[TestClient, Headers], params: dict[str, Any]
) -> None:
    client, demo_headers = shared
    response = client.get(f"{API}/instructions", headers=demo_headers, params=params)
    assert response.status_code == 422
    assert _error(response)["code"] == "validation_error"


def test_details_are_the_owners_alone(client: TestClient, demo_headers: Headers) -> None:
    created = _withdraw(client, demo_headers, amount="1000")
    other = login(client, ("aigerim", "Aigerim#2026"))
    response = client.get(f"{API}/instructions/{created['id']}", headers=other)
    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"
    assert client.get(f"{API}/instructions/ins_missing", headers=demo_headers).status_code == 404


def test_a_broker_reads_a_clients_withdrawals(client: TestClient, demo_headers: Headers) -> None:
    created = _withdraw(client, demo_headers, amount="1000")
    broker = login(client, BROKER)
    items = client.get(
        f"{API}/instructions", headers=broker, params={"client_id": "usr_demo"}
    ).json()["items"]
    assert items[0]["id"] == created["id"]
    detail = client.get(
        f"{API}/instructions/{created['id']}", headers=broker, params={"client_id": "usr_demo"}
    )
    assert detail.status_code == 200
    assert client.get(f"{API}/instructions", headers=broker).status_code == 422
    assert (
        client.get(
            f"{API}/instructions", headers=broker, params={"client_id": "usr_expired"}
        ).status_code
        == 403
    )
