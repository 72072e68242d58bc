"""Idempotency-Key on the order confirm: a retry never places a second order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from test_orders import API, confirm, draft, sms_signature
from testkit import DEMO, LiveServer, login, mock_state

from cesec_desktop.mockserver.state import ServerState


def orders_of_draft(state: ServerState, since_number: int) -> int:
    row = state.conn.execute(
        "SELECT COUNT(*) FROM orders WHERE user_id = 'usr_demo' AND number > ?", (since_number,)
    ).fetchone()
    return int(row[0])


def top_number(state: ServerState) -> int:
    return int(state.conn.execute("SELECT COALESCE(MAX(number), 0) FROM orders").fetchone()[0])


def test_a_repeated_confirm_replays_the_first_order(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    state = mock_state(client)
    start = top_number(state)
    draft_id = draft(client, demo_headers).json()["draft_id"]
    signature = sms_signature(client, demo_headers, draft_id)
    first = confirm(client, demo_headers, draft_id, signature, key="key-1")
    assert first.status_code == 201
    assert "idempotent-replayed" not in first.headers
    second = confirm(client, demo_headers, draft_id, signature, key="key-1")
    assert second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json() == first.json()
    assert orders_of_draft(state, start) == 1
    # Without the key the same request is a second attempt at a used draft.
    plain = confirm(client, demo_headers, draft_id, signature)
    assert (plain.status_code, plain.json()["error"]["code"]) == (409, "draft_used")


def test_a_key_reused_for_another_request_is_refused(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    first_draft = draft(client, demo_headers).json()["draft_id"]
    signature = sms_signature(client, demo_headers, first_draft)
    assert confirm(client, demo_headers, first_draft, signature, key="key-2").status_code == 201
    other_draft = draft(client, demo_headers).json()["draft_id"]
    reused = confirm(
        client,
        demo_headers,
        other_draft,
        sms_signature(client, demo_headers, other_draft),
        key="key-2",
    )
    assert reused.status_code == 422
    assert reused.json()["error"]["code"] == "idempotency_key_reused"


def test_a_failed_confirm_may_be_retried_with_its_key(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    state = mock_state(client)
    start = top_number(state)
    draft_id = draft(client, demo_headers).json()["draft_id"]
    signature = sms_signature(client, demo_headers, draft_id)
    typo = {**signature, "code": f"{(int(signature['code']) + 1) % 1_000_000:06d}"}
    failed = confirm(client, demo_headers, draft_id, typo, key="key-3")
    assert failed.status_code == 422
    retried = confirm(client, demo_headers, draft_id, signature, key="key-3")
    assert retried.status_code == 201
    assert "idempotent-replayed" not in retried.headers
    assert orders_of_draft(state, start) == 1


def test_keys_are_per_user(client: TestClient, demo_headers: dict[str, str]) -> None:
    other = login(client, ("nurlan", "Nurlan#2026"))
    mine = draft(client, demo_headers).json()["draft_id"]
    theirs = draft(client, other, account_id="acc_nurlan_kzt").json()["draft_id"]
    a = confirm(client, demo_headers, mine, sms_signature(client, demo_headers, mine), key="k")
    b = confirm(client, other, theirs, sms_signature(client, other, theirs), key="k")
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()["id"] != b.json()["id"]


@pytest.mark.parametrize("key", ["x" * 129, "  "])
def test_bad_keys_are_refused(client: TestClient, demo_headers: dict[str, str], key: str) -> None:
    draft_id = draft(client, demo_headers).json()["draft_id"]
    response = confirm(
        client, demo_headers, draft_id, sms_signature(client, demo_headers, draft_id), key=key
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_a_lost_response_is_recovered_by_the_retry(
    live_server_factory: Callable[..., LiveServer],
) -> None:
    live = live_server_factory()
    with httpx.Client(base_url=live.url, timeout=10) as http:
        token = http.post(f"{API}/auth/login", json={"login": DEMO[0], "password": DEMO[1]}).json()[
            "access_token"
        ]
        headers = {"Authorization": f"Bearer {token}"}
        start = top_number(live.state)
        body: dict[str, Any] = {
            "account_id": "acc_demo_kzt",
            "instrument_id": "KASE:HSBK",
            "side": "buy",
            "type": "limit",
            "price": "380.00",
            "quantity": "10",
        }
        made = http.post(f"{API}/orders/drafts", headers=headers, json=body)
        assert made.status_code == 201, made.text
        draft_id = made.json()["draft_id"]
        sent = http.post(f"{API}/sms-challenges", headers=headers, json={"draft_id": draft_id})
        challenge_id = sent.json()["challenge_id"]
        code = next(
            i["code"]
            for i in http.get("/mock/sms-outbox").json()["items"]
            if i["challenge_id"] == challenge_id
        )
        confirm_body = {
            "draft_id": draft_id,
            "signature": {"method": "sms", "challenge_id": challenge_id, "code": code},
        }
        keyed = {**headers, "Idempotency-Key": "lost-response-1"}
        assert http.post("/mock/faults", json={"crash_after_commit": 1}).status_code == 200
        with pytest.raises(httpx.TransportError):
            http.post(f"{API}/orders", headers=keyed, json=confirm_body)
        # The order was committed although the client never heard of it.
        assert orders_of_draft(live.state, start) == 1
        retry = http.post(f"{API}/orders", headers=keyed, json=confirm_body)
        assert retry.status_code == 201, retry.text
        assert retry.headers["Idempotent-Replayed"] == "true"
        listed = http.get(f"{API}/orders", headers=headers, params={"status": "new,active"})
        ours = [o for o in listed.json()["items"] if o["id"] == retry.json()["id"]]
        assert len(ours) == 1
        assert orders_of_draft(live.state, start) == 1
