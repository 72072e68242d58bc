"""Sign-in with a second factor: authenticator codes on the mock's clock, SMS, backup codes,
the lockout shared with wrong passwords, remembered computers, and a log that keeps no secret."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from typing import Any

import httpx
import pyotp
import pytest
from fastapi.testclient import TestClient
from testkit import DEMO, mock_state

from cesec_desktop.mockserver.seed import TWOFA_BACKUP_CODES, TWOFA_SECRET

TWOFA = ("twofa", "Twofa#2026")
MASK = re.compile(r"^\+7 \d{3} \*\*\* \*\* \d{2}$")


def login(client: TestClient, credentials: tuple[str, str] = TWOFA, **extra: Any) -> httpx.Response:
    return client.post(
        "/api/v1/auth/login",
        json={"login": credentials[0], "password": credentials[1], **extra},
    )


def challenge(client: TestClient) -> str:
    response = login(client)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["second_factor_required"] is True
    return str(body["challenge_id"])


def verify(
    client: TestClient,
    challenge_id: str,
    method: str,
    code: str,
    remember: bool = False,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return client.post(
        "/api/v1/auth/second-factor",
        json={
            "challenge_id": challenge_id,
            "method": method,
            "code": code,
            "remember_device": remember,
        },
        headers=headers or {},
    )


def mid_step(client: TestClient) -> datetime:
    """Move the mock's clock 15 s into the next 30-second step; its time now."""
    now = mock_state(client).clock.now()
    step_start = (int(now.timestamp()) // 30 + 1) * 30
    client.post("/mock/clock", json={"advance_seconds": step_start + 15 - now.timestamp()})
    return mock_state(client).clock.now()


def totp_at(at: datetime, steps: int = 0) -> str:
    return pyotp.TOTP(TWOFA_SECRET).at(at + timedelta(seconds=30 * steps))


def error(response: httpx.Response) -> dict[str, Any]:
    return response.json()["error"]  # type: ignore[no-any-return]


def outbox(client: TestClient) -> list[dict[str, Any]]:
    return client.get("/mock/sms-outbox").json()["items"]  # type: ignore[no-any-return]


def test_a_right_password_gets_a_challenge_and_sends_nothing_yet(client: TestClient) -> None:
    before = len(outbox(client))
    response = login(client)
    assert response.status_code == 200
    body = response.json()
    assert body["second_factor_required"] is True
    assert body["methods"] == ["totp", "sms", "backup"]
    assert MASK.match(body["masked_phone"])
    assert "access_token" not in body
    left = datetime.fromisoformat(body["expires_at"]) - mock_state(client).clock.now()
    assert 299 <= left.total_seconds() <= 300
    assert len(outbox(client)) == before


def test_authenticator_code_at_the_mock_clock_signs_in_once(client: TestClient) -> None:
    now = mid_step(client)
    code = totp_at(now)
    signed = verify(client, challenge(client), "totp", code)
    assert signed.status_code == 200, signed.text
    tokens = signed.json()
    assert tokens["password_change_required"] is False
    assert tokens["password_change_reason"] is None
    assert tokens["password_expires_at"] is not None
    assert tokens["device_token"] is None
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200
    assert me.json()["second_factor"] is True
    assert me.json()["backup_codes_left"] == 10

    # The same code again, in the same step: a replay.
    replay = verify(client, challenge(client), "totp", code)
    assert replay.status_code == 422
    assert error(replay)["code"] == "otp_invalid"


def test_one_step_of_drift_is_accepted_and_two_are_not(client: TestClient) -> None:
    now = mid_step(client)
    for steps in (-2, 2):
        refused = verify(client, challenge(client), "totp", totp_at(now, steps))
        assert refused.status_code == 422, steps
    assert verify(client, challenge(client), "totp", totp_at(now, -1)).status_code == 200
    assert verify(client, challenge(client), "totp", totp_at(now, 1)).status_code == 200
    # After the step +1 code, the step's own code is older: a replay of a used window.
    assert verify(client, challenge(client), "totp", totp_at(now)).status_code == 422


def test_sms_sign_in_through_the_outbox(client: TestClient) -> None:
    challenge_id = challenge(client)
    sent = client.post("/api/v1/auth/second-factor/sms", json={"challenge_id": challenge_id})
    assert sent.status_code == 200, sent.text
    assert MASK.match(sent.json()["masked_phone"])
    assert sent.json()["attempts_left"] == 3
    item = outbox(client)[0]
    assert item["purpose"] == "sign_in"
    assert item["challenge_id"] == challenge_id
    assert item["phone"] == "+77015556677"

    again = client.post("/api/v1/auth/second-factor/sms", json={"challenge_id": challenge_id})
    assert again.status_code == 429
    assert error(again)["code"] == "resend_too_soon"
    assert "resend_after" in error(again)["details"]

    wrong = verify(client, challenge_id, "sms", "000000" if item["code"] != "000000" else "111111")
    assert wrong.status_code == 422
    assert error(wrong)["details"]["attempts_left"] == 2

    signed = verify(client, challenge_id, "sms", item["code"])
    assert signed.status_code == 200, signed.text
    assert signed.json()["access_token"]
    # The challenge is used up.
    assert verify(client, challenge_id, "sms", item["code"]).status_code == 410


def test_an_sms_code_ends_after_three_tries_or_five_minutes(client: TestClient) -> None:
    challenge_id = challenge(client)
    client.post("/api/v1/auth/second-factor/sms", json={"challenge_id": challenge_id})
    code = outbox(client)[0]["code"]
    bad = "000000" if code != "000000" else "111111"
    assert error(verify(client, challenge_id, "sms", bad))["details"]["attempts_left"] == 2
    assert error(verify(client, challenge_id, "sms", bad))["details"]["attempts_left"] == 1
    third = verify(client, challenge_id, "sms", bad)
    assert third.status_code == 410
    assert error(third)["code"] == "otp_expired"
    assert verify(client, challenge_id, "sms", code).status_code == 410

    other = challenge(client)
    client.post("/api/v1/auth/second-factor/sms", json={"challenge_id": other})
    code = outbox(client)[0]["code"]
    client.post("/mock/clock", json={"advance_seconds": 5 * 60 + 1})
    late = verify(client, other, "sms", code)
    assert late.status_code == 410
    # Past the challenge's own 5 minutes too: sign in again.
    assert error(late)["code"] == "challenge_expired"


def test_a_challenge_lives_five_minutes(client: TestClient) -> None:
    now = mid_step(client)
    challenge_id = challenge(client)
    client.post("/mock/clock", json={"advance_seconds": 301})
    late = verify(client, challenge_id, "totp", totp_at(now, 10))
    assert late.status_code == 410
    assert error(late)["code"] == "challenge_expired"


def test_a_backup_code_works_once(client: TestClient) -> None:
    first = TWOFA_BACKUP_CODES[0]
    typed = first.upper().replace("-", " - ")
    signed = verify(client, challenge(client), "backup", typed)
    assert signed.status_code == 200, signed.text
    headers = {"Authorization": f"Bearer {signed.json()['access_token']}"}
    assert client.get("/api/v1/me", headers=headers).json()["backup_codes_left"] == 9
    used = verify(client, challenge(client), "backup", first)
    assert used.status_code == 422
    assert error(used)["code"] == "otp_invalid"
    assert verify(client, challenge(client), "backup", TWOFA_BACKUP_CODES[1]).status_code == 200


def test_five_wrong_codes_lock_the_account(client: TestClient) -> None:
    challenge_id = challenge(client)
    left = []
    for _ in range(4):
        wrong = verify(client, challenge_id, "backup", "nope-nope")
        assert wrong.status_code == 422
        left.append(error(wrong)["details"]["attempts_left"])
    assert left == [4, 3, 2, 1]
    fifth = verify(client, challenge_id, "backup", "nope-nope")
    assert fifth.status_code == 423
    assert error(fifth)["code"] == "account_locked"
    assert error(fifth)["details"]["locked_until"]
    # The challenge is dead, and even the right password is refused while locked.
    assert verify(client, challenge_id, "backup", TWOFA_BACKUP_CODES[0]).status_code == 410
    assert login(client).status_code == 423
    client.post("/mock/clock", json={"advance_seconds": 15 * 60 + 1})
    assert login(client).status_code == 200


def test_wrong_passwords_and_wrong_codes_count_together(client: TestClient) -> None:
    wrong_password = ("twofa", "Wrong#2026")
    assert error(login(client, wrong_password))["details"]["attempts_left"] == 4
    assert error(login(client, wrong_password))["details"]["attempts_left"] == 3
    # A right password does not clear the count while the second factor is pending.
    wrong = verify(client, challenge(client), "backup", "nope-nope")
    assert error(wrong)["details"]["attempts_left"] == 2
    wrong = verify(client, challenge(client), "backup", "nope-nope")
    assert error(wrong)["details"]["attempts_left"] == 1
    locked = verify(client, challenge(client), "backup", "nope-nope")
    assert locked.status_code == 423
    assert login(client).status_code == 423


def test_tokens_clear_the_count(client: TestClient) -> None:
    verify(client, challenge(client), "backup", "nope-nope")
    verify(client, challenge(client), "backup", "nope-nope")
    assert verify(client, challenge(client), "backup", TWOFA_BACKUP_CODES[2]).status_code == 200
    again = verify(client, challenge(client), "backup", "nope-nope")
    assert error(again)["details"]["attempts_left"] == 4


def test_a_remembered_computer_skips_the_factor_until_forgotten(client: TestClient) -> None:
    headers = {"X-Device-Name": "Office PC", "User-Agent": "cesec-desktop/1.4.0 (Windows 11)"}
    signed = verify(client, challenge(client), "backup", TWOFA_BACKUP_CODES[3], True, headers)
    assert signed.status_code == 200, signed.text
    device_token = signed.json()["device_token"]
    assert device_token

    skipped = login(client, device_token=device_token)
    assert skipped.status_code == 200
    assert skipped.json()["access_token"]
    auth = {"Authorization": f"Bearer {skipped.json()['access_token']}"}
    devices = client.get("/api/v1/auth/devices", headers=auth).json()["items"]
    assert len(devices) == 1
    assert devices[0]["device_name"] == "Office PC"
    assert devices[0]["current"] is True
    assert devices[0]["last_used_at"] is not None
    remembered = datetime.fromisoformat(devices[0]["remembered_at"])
    expires = datetime.fromisoformat(devices[0]["expires_at"])
    assert expires - remembered == timedelta(days=30)

    # Another user's token, or a made-up one, is just not remembered.
    assert "access_token" not in login(client, device_token="made-up").json()
    assert login(client, DEMO, device_token=device_token).json()["access_token"]

    assert (
        client.delete(f"/api/v1/auth/devices/{devices[0]['id']}", headers=auth).status_code == 204
    )
    assert (
        client.delete(f"/api/v1/auth/devices/{devices[0]['id']}", headers=auth).status_code == 404
    )
    assert login(client, device_token=device_token).json()["second_factor_required"] is True


def test_a_remembered_computer_is_forgotten_after_30_days(client: TestClient) -> None:
    signed = verify(client, challenge(client), "backup", TWOFA_BACKUP_CODES[4], True)
    device_token = signed.json()["device_token"]
    client.post("/mock/clock", json={"advance_seconds": 30 * 86400 + 1})
    assert "access_token" not in login(client, device_token=device_token).json()


def test_no_code_secret_password_or_token_reaches_the_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    now = mid_step(client)
    secrets: list[str] = [TWOFA[1], TWOFA_SECRET, *TWOFA_BACKUP_CODES[:2]]
    login(client, ("twofa", "Wrong#2026"))
    secrets.append("Wrong#2026")
    totp = totp_at(now)
    signed = verify(client, challenge(client), "totp", totp, True).json()
    secrets += [totp, signed["access_token"], signed["refresh_token"], signed["device_token"]]
    challenge_id = challenge(client)
    client.post("/api/v1/auth/second-factor/sms", json={"challenge_id": challenge_id})
    sms_code = outbox(client)[0]["code"]
    secrets.append(sms_code)
    verify(client, challenge_id, "sms", sms_code)
    verify(client, challenge(client), "backup", TWOFA_BACKUP_CODES[0])
    verify(client, challenge(client), "backup", TWOFA_BACKUP_CODES[1])
    text = "\n".join(
        f"{record.getMessage()} {record.args!r} {record.exc_text or ''}"
        for record in caplog.records
    )
    assert any("sign_in code sent" in record.getMessage() for record in caplog.records)
    for secret in secrets:
        assert secret not in text
