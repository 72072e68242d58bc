"""Setting an authenticator up, confirming it, removing it; secrets encrypted, codes hashed."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pyotp
from fastapi.testclient import TestClient
from testkit import DEMO, login, mock_state

from cesec_desktop.mockserver.seed import TWOFA_BACKUP_CODES, TWOFA_SECRET

BACKUP_CODE = re.compile(r"^[a-z0-9]{4}-[a-z0-9]{4}$")


def mid_step(client: TestClient) -> datetime:
    now = mock_state(client).clock.now()
    step_start = (int(now.timestamp()) // 30 + 1) * 30
    client.post("/mock/clock", json={"advance_seconds": step_start + 15 - now.timestamp()})
    return mock_state(client).clock.now()


def error(response: httpx.Response) -> dict[str, Any]:
    return response.json()["error"]  # type: ignore[no-any-return]


def remove(client: TestClient, headers: dict[str, str], password: str, code: str) -> httpx.Response:
    return client.request(
        "DELETE", "/api/v1/auth/totp", headers=headers, json={"password": password, "code": code}
    )


def test_set_up_confirm_and_sign_in_with_it(client: TestClient) -> None:
    headers = login(client, DEMO)
    setup = client.post("/api/v1/auth/totp/setup", headers=headers)
    assert setup.status_code == 200, setup.text
    secret = setup.json()["secret"]
    uri = setup.json()["otpauth_uri"]
    assert uri.startswith("otpauth://totp/Centras%20Securities:demo?")
    query = parse_qs(urlsplit(uri).query)
    assert query == {
        "secret": [secret],
        "issuer": ["Centras Securities"],
        "digits": ["6"],
        "period": ["30"],
    }
    assert pyotp.parse_uri(uri).secret == secret

    now = mid_step(client)
    wrong = client.post("/api/v1/auth/totp/confirm", headers=headers, json={"code": "000000"})
    if pyotp.TOTP(secret).verify("000000", for_time=now, valid_window=1):
        wrong = client.post("/api/v1/auth/totp/confirm", headers=headers, json={"code": "abcdef"})
    assert wrong.status_code == 422
    assert error(wrong)["code"] == "otp_invalid"

    confirmed = client.post(
        "/api/v1/auth/totp/confirm", headers=headers, json={"code": pyotp.TOTP(secret).at(now)}
    )
    assert confirmed.status_code == 200, confirmed.text
    codes = confirmed.json()["backup_codes"]
    assert len(codes) == 10 == len(set(codes))
    assert all(BACKUP_CODE.match(code) for code in codes)

    me = client.get("/api/v1/me", headers=headers).json()
    assert me["second_factor"] is True
    assert me["backup_codes_left"] == 10
    again = client.post("/api/v1/auth/totp/setup", headers=headers)
    assert again.status_code == 409
    assert error(again)["code"] == "second_factor_enabled"
    confirm_again = client.post("/api/v1/auth/totp/confirm", headers=headers, json={"code": "1"})
    assert confirm_again.status_code == 409
    assert error(confirm_again)["code"] == "no_pending_setup"

    # Stored encrypted and hashed: neither the secret nor a code is in the database.
    dump = "\n".join(mock_state(client).conn.iterdump())
    assert secret not in dump
    assert not any(code in dump for code in codes)

    answer = client.post("/api/v1/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
    assert answer.json()["second_factor_required"] is True
    # The confirming code was used: it may not sign in too.
    replay = client.post(
        "/api/v1/auth/second-factor",
        json={
            "challenge_id": answer.json()["challenge_id"],
            "method": "totp",
            "code": pyotp.TOTP(secret).at(now),
        },
    )
    assert replay.status_code == 422
    later = pyotp.TOTP(secret).at(now + timedelta(seconds=30))
    client.post("/mock/clock", json={"advance_seconds": 30})
    signed = client.post(
        "/api/v1/auth/second-factor",
        json={"challenge_id": answer.json()["challenge_id"], "method": "totp", "code": later},
    )
    assert signed.status_code == 200, signed.text


def test_no_pending_set_up_to_confirm(client: TestClient) -> None:
    headers = login(client, DEMO)
    response = client.post("/api/v1/auth/totp/confirm", headers=headers, json={"code": "123456"})
    assert response.status_code == 409
    assert error(response)["code"] == "no_pending_setup"


def _twofa_headers(client: TestClient, backup_index: int) -> dict[str, str]:
    answer = client.post("/api/v1/auth/login", json={"login": "twofa", "password": "Twofa#2026"})
    signed = client.post(
        "/api/v1/auth/second-factor",
        json={
            "challenge_id": answer.json()["challenge_id"],
            "method": "backup",
            "code": TWOFA_BACKUP_CODES[backup_index],
            "remember_device": True,
        },
    )
    assert signed.status_code == 200, signed.text
    return {"Authorization": f"Bearer {signed.json()['access_token']}"}


def test_removal_needs_the_password_and_a_code(client: TestClient) -> None:
    headers = _twofa_headers(client, 0)
    wrong_password = remove(client, headers, "Nope#2026", TWOFA_BACKUP_CODES[1])
    assert wrong_password.status_code == 403
    assert error(wrong_password)["code"] == "wrong_password"
    wrong_code = remove(client, headers, "Twofa#2026", "zzzz-zzzz")
    assert wrong_code.status_code == 422
    assert error(wrong_code)["code"] == "otp_invalid"
    assert client.get("/api/v1/auth/devices", headers=headers).json()["items"]

    assert remove(client, headers, "Twofa#2026", TWOFA_BACKUP_CODES[1]).status_code == 204
    me = client.get("/api/v1/me", headers=headers).json()
    assert me["second_factor"] is False
    assert me["backup_codes_left"] == 0
    assert client.get("/api/v1/auth/devices", headers=headers).json()["items"] == []
    gone = remove(client, headers, "Twofa#2026", TWOFA_BACKUP_CODES[2])
    assert gone.status_code == 409
    assert error(gone)["code"] == "second_factor_disabled"
    plain = client.post("/api/v1/auth/login", json={"login": "twofa", "password": "Twofa#2026"})
    assert plain.json()["access_token"]


def test_removal_with_an_authenticator_code(client: TestClient) -> None:
    headers = _twofa_headers(client, 0)
    now = mid_step(client)
    code = pyotp.TOTP(TWOFA_SECRET).at(now)
    assert remove(client, headers, "Twofa#2026", code).status_code == 204


def test_the_seeded_secret_and_codes_are_not_stored_in_the_clear(client: TestClient) -> None:
    dump = "\n".join(mock_state(client).conn.iterdump())
    assert TWOFA_SECRET not in dump
    assert not any(code in dump for code in TWOFA_BACKUP_CODES)
    row = (
        mock_state(client)
        .conn.execute("SELECT totp_secret FROM users WHERE login = 'twofa'")
        .fetchone()
    )
    assert row["totp_secret"].startswith("v1:")
