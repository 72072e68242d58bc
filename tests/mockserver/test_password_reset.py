"""Forgot password: a reset by SMS code, an unknown login answered alike, the code kept on a
policy failure, every old session ended; and the broker-issued ("initial") password."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from typing import Any

import httpx
import pyotp
import pytest
from fastapi.testclient import TestClient
from testkit import DEMO, login, mock_state

from cesec_desktop.mockserver.seed import TWOFA_BACKUP_CODES, TWOFA_SECRET

MASK = re.compile(r"^\+7 \d{3} \*\*\* \*\* \d{2}$")
NEW_PASSWORD = "Renewed#2027"


def forgot(client: TestClient, name: str) -> httpx.Response:
    return client.post("/api/v1/auth/password/forgot", json={"login": name})


def reset(client: TestClient, challenge_id: str, code: str, password: str) -> httpx.Response:
    return client.post(
        "/api/v1/auth/password/reset",
        json={"challenge_id": challenge_id, "code": code, "new_password": password},
    )


def outbox(client: TestClient) -> list[dict[str, Any]]:
    return client.get("/mock/sms-outbox").json()["items"]  # type: ignore[no-any-return]


def error(response: httpx.Response) -> dict[str, Any]:
    return response.json()["error"]  # type: ignore[no-any-return]


def wrong_code(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_reset_end_to_end(client: TestClient) -> None:
    old_session = login(client, DEMO)
    started = forgot(client, "Demo")
    assert started.status_code == 200, started.text
    body = started.json()
    assert MASK.match(body["masked_phone"])
    now = mock_state(client).clock.now()
    assert datetime.fromisoformat(body["expires_at"]) - now <= timedelta(minutes=5)
    assert datetime.fromisoformat(body["resend_after"]) - now <= timedelta(seconds=60)
    sms = outbox(client)[0]
    assert sms["purpose"] == "password_reset"
    assert sms["challenge_id"] == body["challenge_id"]

    wrong = reset(client, body["challenge_id"], wrong_code(sms["code"]), NEW_PASSWORD)
    assert wrong.status_code == 422
    assert error(wrong)["code"] == "otp_invalid"
    assert error(wrong)["details"]["attempts_left"] == 2

    # A password the policy refuses does not burn the code.
    weak = reset(client, body["challenge_id"], sms["code"], "short")
    assert weak.status_code == 422
    assert error(weak)["code"] == "password_policy"
    assert error(weak)["details"]["fields"] == {"new_password": "password_policy"}
    same = reset(client, body["challenge_id"], sms["code"], DEMO[1])
    assert error(same)["details"]["violations"] == ["not_current"]

    done = reset(client, body["challenge_id"], sms["code"], NEW_PASSWORD)
    assert done.status_code == 200, done.text
    tokens = done.json()
    assert tokens["access_token"]
    assert tokens["password_change_required"] is False
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200

    # Every old session ended; the old password is gone; the code is used.
    assert client.get("/api/v1/me", headers=old_session).status_code == 401
    old = client.post("/api/v1/auth/login", json={"login": "demo", "password": DEMO[1]})
    assert old.status_code == 401
    assert login(client, ("demo", NEW_PASSWORD))
    assert reset(client, body["challenge_id"], sms["code"], "Another#2028").status_code == 410


def test_reset_by_iin_and_resend(client: TestClient) -> None:
    started = forgot(client, "880607300110").json()
    first = outbox(client)[0]
    assert first["phone"] == "+77011234567"
    too_soon = client.post(
        "/api/v1/auth/password/forgot/sms", json={"challenge_id": started["challenge_id"]}
    )
    assert too_soon.status_code == 429
    assert error(too_soon)["code"] == "resend_too_soon"
    client.post("/mock/clock", json={"advance_seconds": 61})
    resent = client.post(
        "/api/v1/auth/password/forgot/sms", json={"challenge_id": started["challenge_id"]}
    )
    assert resent.status_code == 200
    second = outbox(client)[0]
    assert second["purpose"] == "password_reset"
    if second["code"] != first["code"]:
        assert (
            reset(client, started["challenge_id"], first["code"], NEW_PASSWORD).status_code == 422
        )
    assert reset(client, started["challenge_id"], second["code"], NEW_PASSWORD).status_code == 200


def test_an_unknown_login_is_answered_alike(client: TestClient) -> None:
    known = forgot(client, "demo")
    sent = len(outbox(client))
    unknown = forgot(client, "nobody")
    assert unknown.status_code == known.status_code == 200
    assert set(unknown.json()) == set(known.json())
    assert MASK.match(unknown.json()["masked_phone"])
    assert len(outbox(client)) == sent
    # The same login gets the same made-up number.
    assert forgot(client, "nobody").json()["masked_phone"] == unknown.json()["masked_phone"]

    known_wrong = reset(client, known.json()["challenge_id"], "000001", NEW_PASSWORD)
    unknown_wrong = reset(client, unknown.json()["challenge_id"], "000001", NEW_PASSWORD)
    assert unknown_wrong.status_code == known_wrong.status_code == 422
    assert error(unknown_wrong)["code"] == error(known_wrong)["code"] == "otp_invalid"
    assert set(error(unknown_wrong)["details"]) == set(error(known_wrong)["details"])
    assert error(unknown_wrong)["details"]["attempts_left"] == 2

    resend = client.post(
        "/api/v1/auth/password/forgot/sms", json={"challenge_id": unknown.json()["challenge_id"]}
    )
    assert resend.status_code == 429


def test_wrong_reset_codes_lock_known_and_unknown_logins_alike(client: TestClient) -> None:
    for name in ("olga", "nobody"):
        challenge_id = forgot(client, name).json()["challenge_id"]
        answers = [reset(client, challenge_id, "000001", NEW_PASSWORD) for _ in range(3)]
        assert [a.status_code for a in answers] == [422, 422, 410]
        assert error(answers[2])["code"] == "otp_expired"
        client.post("/mock/clock", json={"advance_seconds": 61})
        client.post("/api/v1/auth/password/forgot/sms", json={"challenge_id": challenge_id})
        fourth = reset(client, challenge_id, "000001", NEW_PASSWORD)
        assert error(fourth)["details"]["attempts_left"] == 1
        fifth = reset(client, challenge_id, "000001", NEW_PASSWORD)
        assert fifth.status_code == 423, name
        assert error(fifth)["code"] == "account_locked"
        assert forgot(client, name).status_code == 423


def test_a_reset_for_a_user_with_an_authenticator_asks_for_it(client: TestClient) -> None:
    remembered = client.post(
        "/api/v1/auth/second-factor",
        json={
            "challenge_id": client.post(
                "/api/v1/auth/login", json={"login": "twofa", "password": "Twofa#2026"}
            ).json()["challenge_id"],
            "method": "backup",
            "code": TWOFA_BACKUP_CODES[0],
            "remember_device": True,
        },
    ).json()
    started = forgot(client, "twofa").json()
    code = outbox(client)[0]["code"]
    answer = reset(client, started["challenge_id"], code, NEW_PASSWORD)
    assert answer.status_code == 200, answer.text
    factor = answer.json()
    assert factor["second_factor_required"] is True
    assert factor["methods"] == ["totp", "backup"]
    sms = client.post(
        "/api/v1/auth/second-factor/sms", json={"challenge_id": factor["challenge_id"]}
    )
    assert sms.status_code == 422
    by_sms = client.post(
        "/api/v1/auth/second-factor",
        json={"challenge_id": factor["challenge_id"], "method": "sms", "code": code},
    )
    assert by_sms.status_code == 422

    now = mock_state(client).clock.now()
    signed = client.post(
        "/api/v1/auth/second-factor",
        json={
            "challenge_id": factor["challenge_id"],
            "method": "totp",
            "code": pyotp.TOTP(TWOFA_SECRET).at(now),
        },
    )
    assert signed.status_code == 200, signed.text
    # The reset forgot every remembered computer and ended the old session.
    old_headers = {"Authorization": f"Bearer {remembered['access_token']}"}
    assert client.get("/api/v1/me", headers=old_headers).status_code == 401
    again = client.post(
        "/api/v1/auth/login",
        json={
            "login": "twofa",
            "password": NEW_PASSWORD,
            "device_token": remembered["device_token"],
        },
    )
    assert again.json()["second_factor_required"] is True


def test_an_initial_password_must_be_changed_first(client: TestClient) -> None:
    answer = client.post("/api/v1/auth/login", json={"login": "fresh", "password": "Fresh#2026"})
    assert answer.status_code == 200
    tokens = answer.json()
    assert tokens["password_change_required"] is True
    assert tokens["password_change_reason"] == "initial"
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    blocked = client.get("/api/v1/me", headers=headers)
    assert blocked.status_code == 403
    assert error(blocked)["code"] == "password_expired"
    changed = client.post(
        "/api/v1/auth/password",
        headers=headers,
        json={"old_password": "Fresh#2026", "new_password": NEW_PASSWORD},
    )
    assert changed.status_code == 204
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    later = client.post("/api/v1/auth/login", json={"login": "fresh", "password": NEW_PASSWORD})
    assert later.json()["password_change_reason"] is None
    assert later.json()["password_change_required"] is False


def test_an_expired_password_says_why(client: TestClient) -> None:
    answer = client.post(
        "/api/v1/auth/login", json={"login": "expired", "password": "Expired#2026"}
    )
    assert answer.json()["password_change_reason"] == "expired"
    expires = datetime.fromisoformat(answer.json()["password_expires_at"])
    assert expires < mock_state(client).clock.now()


def test_no_code_or_password_of_a_reset_reaches_the_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    started = forgot(client, "demo").json()
    code = outbox(client)[0]["code"]
    reset(client, started["challenge_id"], wrong_code(code), NEW_PASSWORD)
    reset(client, started["challenge_id"], code, "weak")
    tokens = reset(client, started["challenge_id"], code, NEW_PASSWORD).json()
    forgot(client, "nobody")
    text = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert "password_reset code sent" in text
    for secret in (code, NEW_PASSWORD, "weak", tokens["access_token"], tokens["refresh_token"]):
        assert secret not in text
