"""The mock keeps API.md's promises (issue 12, section 8): idempotency across a crash, logins
that do not tell which exist, one SMS rule for orders and withdrawals, numbers as the pattern.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from testkit import DEMO, login, make_config, mock_state

from cesec_desktop.domain.money import parse_decimal
from cesec_desktop.mockserver import trading, withdrawals
from cesec_desktop.mockserver.app import create_app

API = "/api/v1"
Headers = dict[str, str]
DEMO_IIN = "880607300110"
HALYK_IBAN = "KZ476010131000179714"


class Killed(Exception):
    """The process dies here: nothing after this point of the request runs."""


def order_body(**changes: Any) -> dict[str, Any]:
    body = {
        "account_id": "acc_demo_kzt",
        "instrument_id": "KASE:HSBK",
        "side": "buy",
        "type": "limit",
        "price": "380.00",
        "quantity": "10",
    }
    body.update(changes)
    return body


def withdrawal_body(**changes: Any) -> dict[str, Any]:
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


def make_draft(client: TestClient, headers: Headers, kind: str, body: dict[str, Any]) -> str:
    path = "orders/drafts" if kind == "order" else "instructions/drafts"
    response = client.post(f"{API}/{path}", headers=headers, json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["draft_id"])


def sms_signature(client: TestClient, headers: Headers, draft_id: str) -> dict[str, str]:
    challenge = client.post(f"{API}/sms-challenges", headers=headers, json={"draft_id": draft_id})
    assert challenge.status_code == 201, challenge.text
    challenge_id = challenge.json()["challenge_id"]
    outbox = client.get("/mock/sms-outbox").json()["items"]
    code = next(item["code"] for item in outbox if item["challenge_id"] == challenge_id)
    return {"method": "sms", "challenge_id": challenge_id, "code": code}


def confirm(
    client: TestClient,
    headers: Headers,
    kind: str,
    draft_id: str,
    signature: dict[str, str],
    key: str | None = None,
) -> Any:
    path = "orders" if kind == "order" else "instructions"
    extra = {"Idempotency-Key": key} if key else {}
    return client.post(
        f"{API}/{path}",
        headers={**headers, **extra},
        json={"draft_id": draft_id, "signature": signature},
    )


def error_of(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}, body
    return body["error"]  # type: ignore[no-any-return]


# --- a kill between the order's COMMIT and its idempotency record ------------------------


@pytest.mark.parametrize(("kind", "table"), [("order", "orders"), ("instruction", "instructions")])
def test_a_kill_right_after_the_commit_still_replays_the_first_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, table: str
) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    body = order_body() if kind == "order" else withdrawal_body()

    def die(*_: object) -> None:
        raise Killed

    # The first step after the COMMIT: the process dies there, before anything else it does.
    if kind == "order":
        monkeypatch.setattr(trading.Engine, "publish", die)
    else:
        monkeypatch.setattr(withdrawals, "publish", die)
    first_app = create_app(make_config(db_path=db_path))
    with TestClient(first_app, raise_server_exceptions=False) as first:
        headers = login(first, DEMO)
        draft_id = make_draft(first, headers, kind, body)
        signature = sms_signature(first, headers, draft_id)
        lost = confirm(first, headers, kind, draft_id, signature, key="kill-1")
        assert lost.status_code == 500  # the client sees no answer
        made = first.app.state.mock.conn.execute(  # type: ignore[attr-defined]
            f"SELECT id FROM {table} WHERE user_id = 'usr_demo' ORDER BY number"
        ).fetchall()
    monkeypatch.undo()

    # The restarted server on the same database: the retry with the same key gets the first
    # result, and there is still exactly one order or withdrawal.
    with TestClient(create_app(make_config(db_path=db_path))) as second:
        retry = confirm(second, headers, kind, draft_id, signature, key="kill-1")
        assert retry.status_code == 201, retry.text
        assert retry.headers["Idempotent-Replayed"] == "true"
        after = (
            mock_state(second)
            .conn.execute(f"SELECT id FROM {table} WHERE user_id = 'usr_demo' ORDER BY number")
            .fetchall()
        )
        assert len(after) == len(made)
        assert retry.json()["id"] == after[-1]["id"]
        path = "orders" if kind == "order" else "instructions"
        stored = second.get(f"{API}/{path}/{retry.json()['id']}", headers=headers)
        assert stored.status_code == 200
        assert stored.json()["status"] == "new"


def test_a_failure_before_the_commit_leaves_nothing_to_replay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The record belongs to the transaction: a crash inside it undoes the order and the record.
    with TestClient(create_app(make_config()), raise_server_exceptions=False) as client:
        state = mock_state(client)
        headers = login(client, DEMO)
        draft_id = make_draft(client, headers, "order", order_body())
        signature = sms_signature(client, headers, draft_id)
        count = state.conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0]

        def die(*_: object) -> None:
            raise Killed

        monkeypatch.setattr(trading, "load_order", die)
        assert confirm(client, headers, "order", draft_id, signature, "k").status_code == 500
        assert state.conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0] == count
        assert state.conn.execute("SELECT COUNT(*) FROM idempotency").fetchone()[0] == 0
        assert not state.conn.in_transaction


# --- logins -------------------------------------------------------------------------------


def _answer(response: Any) -> tuple[int, str, dict[str, Any]]:
    error = error_of(response)
    details = dict(error["details"])
    if "locked_until" in details:
        details["locked_until"] = "<time>"
    return response.status_code, error["code"], details


def test_an_unknown_login_is_answered_as_a_wrong_password(client: TestClient) -> None:
    state = mock_state(client)
    users = state.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]
    known, unknown = [], []
    for _ in range(6):
        known.append(
            _answer(client.post(f"{API}/auth/login", json={"login": "demo", "password": "x"}))
        )
        unknown.append(
            _answer(client.post(f"{API}/auth/login", json={"login": "nobody", "password": "x"}))
        )
    assert known == unknown
    assert [a[2].get("attempts_left") for a in known[:5]] == [4, 3, 2, 1, 0]
    assert known[5][:2] == (423, "account_locked")
    # Remembered per login, not per client: another unknown login starts again at 4.
    other = client.post(f"{API}/auth/login", json={"login": "someone", "password": "x"})
    assert _answer(other) == (401, "invalid_credentials", {"attempts_left": 4})
    # And no user was made for them.
    assert state.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == users


def test_an_unknown_login_unlocks_after_the_same_time(client: TestClient) -> None:
    state = mock_state(client)
    for _ in range(5):
        client.post(f"{API}/auth/login", json={"login": "ghost", "password": "x"})
    locked = client.post(f"{API}/auth/login", json={"login": "ghost", "password": "x"})
    assert locked.status_code == 423
    state.clock.advance(15 * 60 + 1)
    again = client.post(f"{API}/auth/login", json={"login": "ghost", "password": "x"})
    assert _answer(again) == (401, "invalid_credentials", {"attempts_left": 4})


# --- one SMS rule for orders and withdrawals ------------------------------------------------


def _set_cash(client: TestClient, balance: str) -> None:
    mock_state(client).conn.execute(
        "UPDATE cash SET balance = ? WHERE account_id = 'acc_demo_kzt' AND currency = 'KZT'",
        (balance,),
    )


@pytest.mark.parametrize(
    ("kind", "code"), [("order", "insufficient_cash"), ("instruction", "insufficient_funds")]
)
def test_a_refusal_for_funds_keeps_the_sms_code(
    client: TestClient, demo_headers: Headers, kind: str, code: str
) -> None:
    state = mock_state(client)
    balance = state.conn.execute(
        "SELECT balance FROM cash WHERE account_id = 'acc_demo_kzt' AND currency = 'KZT'"
    ).fetchone()["balance"]
    body = order_body() if kind == "order" else withdrawal_body()
    draft_id = make_draft(client, demo_headers, kind, body)
    signature = sms_signature(client, demo_headers, draft_id)
    # Too little available cash for what was drafted: a refusal the client can fix.
    _set_cash(client, "1.00")
    refused = confirm(client, demo_headers, kind, draft_id, signature)
    assert (refused.status_code, error_of(refused)["code"]) == (422, code)
    challenge = state.conn.execute(
        "SELECT status, attempts_left FROM sms_challenges WHERE id = ?",
        (signature["challenge_id"],),
    ).fetchone()
    assert (challenge["status"], challenge["attempts_left"]) == ("pending", 3)
    # The client fixes it (the cash is back) and the same code confirms.
    _set_cash(client, balance)
    accepted = confirm(client, demo_headers, kind, draft_id, signature)
    assert accepted.status_code == 201, accepted.text


# --- numbers exactly as the OpenAPI pattern ---------------------------------------------------

OFF_PATTERN = [
    "1_000",
    "１０",  # full-width
    "١٠",  # Arabic-Indic
    "+5",
    "1e2",
    "1E2",
    " 10",
    "10 ",
    "10.",
    ".5",
    "0x10",
    "Infinity",
    "NaN",
    "-",
    "",
    "1,5",
    "10\n",
]


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[TestClient, Headers]]:
    with TestClient(create_app(make_config())) as client:
        yield client, login(client, DEMO)


@pytest.mark.parametrize("text", OFF_PATTERN)
@pytest.mark.parametrize("field", ["price", "quantity"])
def test_an_order_number_off_the_pattern_is_refused_with_a_code(
    shared: tuple[TestClient, Headers], field: str, text: str
) -> None:
    client, headers = shared
    response = client.post(
        f"{API}/orders/drafts", headers=headers, json=order_body(**{field: text})
    )
    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["code"] == "validation_error"
    assert error["details"]["fields"] == {field: "invalid_number"}


@pytest.mark.parametrize("text", OFF_PATTERN)
def test_a_withdrawal_amount_off_the_pattern_is_refused_with_a_code(
    shared: tuple[TestClient, Headers], text: str
) -> None:
    client, headers = shared
    response = client.post(
        f"{API}/instructions/drafts", headers=headers, json=withdrawal_body(amount=text)
    )
    assert response.status_code == 422, response.text
    assert error_of(response)["details"]["fields"] == {"amount": "invalid_number"}


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        (order_body(quantity="1" + "0" * 20), {"quantity": "number_too_large"}),
        (order_body(price=385.5), {"price": "invalid_number"}),
        (order_body(side="hold"), {"side": "not_allowed"}),
        (order_body(colour="red"), {"colour": "unknown_field"}),
        ({"account_id": "acc_demo_kzt"}, None),
    ],
)
def test_field_errors_are_codes_never_pydantic_text(
    shared: tuple[TestClient, Headers], body: dict[str, Any], fields: dict[str, str] | None
) -> None:
    client, headers = shared
    response = client.post(f"{API}/orders/drafts", headers=headers, json=body)
    assert response.status_code == 422, response.text
    answered = error_of(response)["details"]["fields"]
    if fields is not None:
        assert answered == fields
    for name, code in answered.items():
        assert code.replace("_", "").isalpha() and code.islower(), (name, code)
        assert "error" not in code and " " not in code


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10", "10"), ("0.5", "0.5"), ("-1.50", "-1.50"), ("007", "7"), (12, "12")],
)
def test_numbers_on_the_pattern_still_parse(value: object, expected: str) -> None:
    assert parse_decimal(value) == Decimal(expected)


def test_an_order_on_the_pattern_is_drafted(shared: tuple[TestClient, Headers]) -> None:
    client, headers = shared
    response = client.post(f"{API}/orders/drafts", headers=headers, json=order_body())
    assert response.status_code == 201, response.text
