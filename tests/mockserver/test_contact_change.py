"""`/profile/change-drafts` and its confirm: a change of phone or e-mail signed with EDS only."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from testkit import BROKER, login, mock_state

from cesec_desktop.mockserver.cms import sign_cms
from cesec_desktop.mockserver.hub import Subscriber
from cesec_desktop.mockserver.pki import load_demo_signer

API = "/api/v1"
Headers = dict[str, str]
NEW_PHONE = "+7 707 555 12 34"


def _draft(client: TestClient, headers: Headers, **body: Any) -> Any:
    return client.post(f"{API}/profile/change-drafts", headers=headers, json=body)


def _eds(text: str) -> dict[str, str]:
    cert, key = load_demo_signer()
    return {"method": "eds", "cms": base64.b64encode(sign_cms(text.encode(), cert, key)).decode()}


def _confirm(
    client: TestClient, headers: Headers, draft_id: str, signature: dict[str, str], key: str = ""
) -> Any:
    extra = {"Idempotency-Key": key} if key else {}
    return client.post(
        f"{API}/instructions",
        headers={**headers, **extra},
        json={"draft_id": draft_id, "signature": signature},
    )


def _signed_change(client: TestClient, headers: Headers, **body: Any) -> dict[str, Any]:
    draft = _draft(client, headers, **body)
    assert draft.status_code == 201, draft.text
    made = _confirm(
        client, headers, draft.json()["draft_id"], _eds(draft.json()["document"]["text"])
    )
    assert made.status_code == 201, made.text
    return made.json()


def _error(response: Any) -> dict[str, Any]:
    return response.json()["error"]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"phone": "nothing_to_change", "email": "nothing_to_change"}),
        ({"phone": "12345"}, {"phone": "phone_invalid"}),
        ({"phone": "+7 727 555 12 34"}, {"phone": "phone_not_mobile"}),
        ({"phone": "+7 701 123 45 67"}, {"phone": "same_as_current"}),
        ({"email": "not-an-address"}, {"email": "email_invalid"}),
        ({"email": "a@b"}, {"email": "email_invalid"}),
        ({"email": "x" * 250 + "@kz.kz"}, {"email": "email_too_long"}),
        ({"phone": "", "email": "a@@b.kz"}, {"phone": "phone_required", "email": "email_invalid"}),
    ],
)
def test_a_draft_refuses_what_is_not_a_change(
    client: TestClient, demo_headers: Headers, body: dict[str, str], fields: dict[str, str]
) -> None:
    response = _draft(client, demo_headers, **body)
    assert response.status_code == 422, response.text
    assert _error(response)["code"] == "validation_error"
    assert _error(response)["details"]["fields"] == fields


def test_the_current_email_is_no_change(client: TestClient, demo_headers: Headers) -> None:
    current = client.get(f"{API}/me", headers=demo_headers).json()["email"]
    assert current, "every seed user has an e-mail"
    response = _draft(client, demo_headers, email=current.upper())
    assert _error(response)["details"]["fields"] == {"email": "same_as_current"}


def test_the_draft_is_a_document_in_the_asked_language(
    client: TestClient, demo_headers: Headers
) -> None:
    response = _draft(client, {**demo_headers, "Accept-Language": "kk"}, phone="87075551234")
    assert response.status_code == 201, response.text
    body = response.json()
    text = body["document"]["text"]
    assert text.startswith("БАЙЛАНЫС ДЕРЕКТЕРІН ӨЗГЕРТУ ТУРАЛЫ ӨТІНІШ\n")
    assert "Жаңа ұялы телефон: +7 707 555 12 34" in text and body["draft_id"] in text
    assert body["contact_change"] == {"phone": "+7 707 *** ** 34", "email": None}


def test_an_sms_code_cannot_authorise_a_change_of_phone(
    client: TestClient, demo_headers: Headers
) -> None:
    draft = _draft(client, demo_headers, phone=NEW_PHONE).json()
    sms = client.post(
        f"{API}/sms-challenges", headers=demo_headers, json={"draft_id": draft["draft_id"]}
    )
    challenge_id = sms.json()["challenge_id"] if sms.status_code == 201 else "sms_none"
    outbox = client.get("/mock/sms-outbox").json()["items"]
    code = next((i["code"] for i in outbox if i["challenge_id"] == challenge_id), "000000")
    response = _confirm(
        client,
        demo_headers,
        draft["draft_id"],
        {"method": "sms", "challenge_id": challenge_id, "code": code},
    )
    assert response.status_code == 403, response.text
    assert _error(response)["code"] == "eds_required"
    listed = client.get(f"{API}/instructions", headers=demo_headers).json()["items"]
    assert all(i["type"] != "contact_change" for i in listed)


def test_an_eds_signature_lands_as_an_instruction_and_executing_it_changes_me(
    client: TestClient, demo_headers: Headers
) -> None:
    sub = Subscriber(user_ids=frozenset({"usr_demo"}), channels={"instructions"})
    mock_state(client).hub.add(sub)
    made = _signed_change(client, demo_headers, phone=NEW_PHONE, email="New.Me@Example.KZ")
    assert made["type"] == "contact_change" and made["status"] == "new"
    assert made["signature_method"] == "eds"
    assert made["contact_change"] == {"phone": "+7 707 *** ** 34", "email": "New.Me@example.kz"}
    assert "5551234" not in json.dumps(made), "the wire never carries the whole phone"
    frames = []
    while not sub.queue.empty():
        frames.append(json.loads(sub.queue.get_nowait() or "{}"))
    assert [(f["channel"], f["data"][0]["id"]) for f in frames] == [("instructions", made["id"])]
    assert frames[0]["data"][0]["contact_change"] == made["contact_change"]

    listed = client.get(f"{API}/instructions", headers=demo_headers).json()["items"]
    assert listed[0]["id"] == made["id"] and listed[0]["contact_change"] == made["contact_change"]
    before = client.get(f"{API}/me", headers=demo_headers).json()
    assert before["phone_masked"] != "+7 707 *** ** 34"

    for status in ("processing", "executed"):
        moved = client.post(f"/mock/instructions/{made['id']}/advance", json={"status": status})
        assert moved.status_code == 200, moved.text
    assert moved.json()["history"][-1]["message"].endswith("Contact details changed")
    after = client.get(f"{API}/me", headers=demo_headers).json()
    assert after["phone_masked"] == "+7 707 *** ** 34"
    assert after["email"] == "New.Me@example.kz"
    kk = client.get(
        f"{API}/instructions/{made['id']}", headers={**demo_headers, "Accept-Language": "kk"}
    )
    assert kk.json()["history"][-1]["message"] == "Байланыс деректері өзгертілді"


def test_a_rejected_change_leaves_the_details_alone(
    client: TestClient, demo_headers: Headers
) -> None:
    before = client.get(f"{API}/me", headers=demo_headers).json()
    made = _signed_change(client, demo_headers, email="other@example.kz")
    moved = client.post(
        f"/mock/instructions/{made['id']}/advance", json={"status": "rejected", "reason": "No"}
    )
    assert moved.json()["status"] == "rejected"
    assert client.get(f"{API}/me", headers=demo_headers).json()["email"] == before["email"]


def test_a_repeated_confirm_with_its_key_makes_one_instruction(
    client: TestClient, demo_headers: Headers
) -> None:
    draft = _draft(client, demo_headers, phone=NEW_PHONE).json()
    signature = _eds(draft["document"]["text"])
    first = _confirm(client, demo_headers, draft["draft_id"], signature, key="k-contact-1")
    again = _confirm(client, demo_headers, draft["draft_id"], signature, key="k-contact-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    other = _confirm(client, demo_headers, draft["draft_id"], signature, key="k-contact-2")
    assert other.status_code == 409 and _error(other)["code"] == "draft_used"
    listed = client.get(f"{API}/instructions", headers=demo_headers).json()["items"]
    assert sum(i["type"] == "contact_change" for i in listed) == 1


def test_a_forged_document_and_a_broker_are_refused(
    client: TestClient, demo_headers: Headers
) -> None:
    draft = _draft(client, demo_headers, phone=NEW_PHONE).json()
    forged = _eds(draft["document"]["text"].replace("555 12 34", "999 99 99"))
    response = _confirm(client, demo_headers, draft["draft_id"], forged)
    assert response.status_code == 422 and _error(response)["code"] == "document_mismatch"
    broker = login(client, BROKER)
    assert _draft(client, broker, phone=NEW_PHONE).status_code == 403
