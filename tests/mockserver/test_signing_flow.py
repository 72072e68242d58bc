"""Signing an order: SMS one-time codes and EDS (CMS) signatures, end to end."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from test_orders import API, confirm, draft, sms_code
from testkit import login

from cesec_desktop.mockserver import cms, pki


def new_draft(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    response = draft(client, headers)
    assert response.status_code == 201, response.text
    return response.json()


def challenge(client: TestClient, headers: dict[str, str], draft_id: str) -> Response:
    return client.post(f"{API}/sms-challenges", headers=headers, json={"draft_id": draft_id})


def sms(challenge_id: str, code: str) -> dict[str, str]:
    return {"method": "sms", "challenge_id": challenge_id, "code": code}


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def error(response: Response) -> dict[str, Any]:
    return response.json()["error"]


def eds(text: str, signer: tuple[Any, Any] | None = None) -> dict[str, str]:
    cert, key = signer or pki.load_demo_signer()
    der = cms.sign_cms(text.encode(), cert, key)
    return {"method": "eds", "cms": base64.b64encode(der).decode()}


# --- SMS --------------------------------------------------------------------------------


def test_sms_code_signs_the_order(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    sent = challenge(client, demo_headers, made["draft_id"])
    assert sent.status_code == 201
    body = sent.json()
    assert body["phone_masked"] == "+7 701 *** ** 67"
    assert body["attempts_left"] == 3
    outbox = client.get("/mock/sms-outbox").json()["items"][0]
    assert (outbox["challenge_id"], outbox["phone"]) == (body["challenge_id"], "+77011234567")
    assert len(outbox["code"]) == 6 and outbox["code"].isdigit()
    placed = confirm(
        client, demo_headers, made["draft_id"], sms(body["challenge_id"], outbox["code"])
    )
    assert placed.status_code == 201, placed.text
    assert placed.json()["signature_method"] == "sms"


def test_resend_waits_a_minute(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    first = challenge(client, demo_headers, made["draft_id"]).json()
    too_soon = challenge(client, demo_headers, made["draft_id"])
    assert too_soon.status_code == 429
    assert error(too_soon)["code"] == "resend_too_soon"
    assert 0 < error(too_soon)["details"]["retry_after"] <= 61
    client.post("/mock/clock", json={"advance_seconds": 61})
    second = challenge(client, demo_headers, made["draft_id"])
    assert second.status_code == 201
    second_id = second.json()["challenge_id"]
    assert second_id != first["challenge_id"]
    # The new code replaces the old one.
    old = confirm(
        client,
        demo_headers,
        made["draft_id"],
        sms(first["challenge_id"], sms_code(client, first["challenge_id"])),
    )
    assert (old.status_code, error(old)["code"]) == (410, "otp_expired")
    placed = confirm(
        client, demo_headers, made["draft_id"], sms(second_id, sms_code(client, second_id))
    )
    assert placed.status_code == 201


def test_three_wrong_codes_burn_the_code(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    challenge_id = challenge(client, demo_headers, made["draft_id"]).json()["challenge_id"]
    code = sms_code(client, challenge_id)
    for attempts_left in (2, 1):
        response = confirm(client, demo_headers, made["draft_id"], sms(challenge_id, wrong(code)))
        assert response.status_code == 422
        assert error(response)["code"] == "otp_invalid"
        assert error(response)["details"]["attempts_left"] == attempts_left
    third = confirm(client, demo_headers, made["draft_id"], sms(challenge_id, wrong(code)))
    assert (third.status_code, error(third)["code"]) == (410, "otp_exhausted")
    right = confirm(client, demo_headers, made["draft_id"], sms(challenge_id, code))
    assert (right.status_code, error(right)["code"]) == (410, "otp_exhausted")
    assert (
        client.get(f"{API}/orders", headers=demo_headers, params={"status": "new"}).json()["items"]
        == []
    )


def test_code_expires_after_five_minutes(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    challenge_id = challenge(client, demo_headers, made["draft_id"]).json()["challenge_id"]
    code = sms_code(client, challenge_id)
    client.post("/mock/clock", json={"advance_seconds": 301})
    late = confirm(client, demo_headers, made["draft_id"], sms(challenge_id, code))
    assert (late.status_code, error(late)["code"]) == (410, "otp_expired")


def test_sms_errors_for_unknown_things(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    unknown_draft = challenge(client, demo_headers, "drf_nothing")
    assert (unknown_draft.status_code, error(unknown_draft)["code"]) == (404, "draft_not_found")
    response = confirm(client, demo_headers, made["draft_id"], sms("sms_nothing", "123456"))
    assert (response.status_code, error(response)["code"]) == (404, "challenge_not_found")
    # Another client's draft is not found either, for SMS or confirm.
    other = login(client, ("olga", "Olga#2026"))
    assert challenge(client, other, made["draft_id"]).status_code == 404
    assert confirm(client, other, made["draft_id"], sms("sms_nothing", "123456")).status_code == 404


@pytest.mark.parametrize(
    "signature",
    [
        {"method": "sms", "challenge_id": "sms_x"},
        {"method": "fax", "cms": "x"},
        {"method": "eds", "cms": ""},
        {"method": "sms", "challenge_id": "sms_x", "code": "1" * 17},
        {},
    ],
)
def test_malformed_signatures_are_refused(
    client: TestClient, demo_headers: dict[str, str], signature: dict[str, Any]
) -> None:
    response = client.post(
        f"{API}/orders", headers=demo_headers, json={"draft_id": "drf_x", "signature": signature}
    )
    assert (response.status_code, error(response)["code"]) == (422, "validation_error")


# --- EDS --------------------------------------------------------------------------------


def test_eds_signature_is_accepted(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    placed = confirm(client, demo_headers, made["draft_id"], eds(made["document"]["text"]))
    assert placed.status_code == 201, placed.text
    assert placed.json()["signature_method"] == "eds"


def test_eds_over_another_text_is_refused(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    changed = made["document"]["text"].replace(
        "Количество / Quantity: 10", "Количество / Quantity: 100"
    )
    response = confirm(client, demo_headers, made["draft_id"], eds(changed))
    assert (response.status_code, error(response)["code"]) == (422, "document_mismatch")


def test_eds_of_another_person_is_refused(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    stranger = pki.issue_signer_cert("810624301456")
    response = confirm(
        client, demo_headers, made["draft_id"], eds(made["document"]["text"], stranger)
    )
    assert (response.status_code, error(response)["code"]) == (422, "signer_mismatch")


def test_eds_under_an_untrusted_ca_is_refused(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    made = new_draft(client, demo_headers)
    rogue_ca, rogue_key = pki.make_ca("Rogue CA")
    forged = pki.issue_signer_cert(pki.DEMO_IIN, ca=rogue_ca, ca_key=rogue_key)
    response = confirm(
        client, demo_headers, made["draft_id"], eds(made["document"]["text"], forged)
    )
    assert (response.status_code, error(response)["code"]) == (422, "certificate_untrusted")


@pytest.mark.parametrize("garbage", ["bm90IGEgQ01T", "%%% not base64 %%%", "A" * 4000])
def test_eds_garbage_is_refused(
    client: TestClient, demo_headers: dict[str, str], garbage: str
) -> None:
    made = new_draft(client, demo_headers)
    response = confirm(client, demo_headers, made["draft_id"], {"method": "eds", "cms": garbage})
    assert (response.status_code, error(response)["code"]) == (422, "signature_invalid")


# --- drafts -----------------------------------------------------------------------------


def test_a_draft_is_signed_once(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    signature = eds(made["document"]["text"])
    assert confirm(client, demo_headers, made["draft_id"], signature).status_code == 201
    again = confirm(client, demo_headers, made["draft_id"], signature)
    assert (again.status_code, error(again)["code"]) == (409, "draft_used")
    sms_again = challenge(client, demo_headers, made["draft_id"])
    assert (sms_again.status_code, error(sms_again)["code"]) == (409, "draft_used")


def test_an_expired_draft_is_gone(client: TestClient, demo_headers: dict[str, str]) -> None:
    made = new_draft(client, demo_headers)
    signature = eds(made["document"]["text"])
    client.post("/mock/clock", json={"advance_seconds": 15 * 60 + 1})
    headers = login(client)  # the access token has expired too by now
    late = confirm(client, headers, made["draft_id"], signature)
    assert (late.status_code, error(late)["code"]) == (410, "draft_expired")
    assert challenge(client, headers, made["draft_id"]).status_code == 410
