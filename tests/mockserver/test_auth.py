"""`/auth/*`: login, lockout and its end, refresh rotation, logout, password change, expiry."""

from __future__ import annotations

from datetime import datetime

from fastapi.testclient import TestClient
from testkit import DEMO, EXPIRED, login, mock_state


def _login(client: TestClient, name: str, password: str):
    return client.post("/api/v1/auth/login", json={"login": name, "password": password})


def test_login_returns_tokens(client: TestClient) -> None:
    response = _login(client, *DEMO)
    assert response.status_code == 200
    body = response.json()
    assert body["access_token"] and body["refresh_token"]
    assert body["expires_in"] == 900
    assert body["password_change_required"] is False


def test_login_is_case_insensitive_and_unknown_login_looks_like_wrong_password(
    client: TestClient,
) -> None:
    assert _login(client, "DEMO", DEMO[1]).status_code == 200
    unknown = _login(client, "nobody", "Whatever#1")
    assert unknown.status_code == 401
    assert unknown.json()["error"]["code"] == "invalid_credentials"


def test_wrong_password_counts_down_then_locks_then_unlocks_after_15_minutes(
    client: TestClient,
) -> None:
    left = []
    for _ in range(5):
        response = _login(client, "demo", "Wrong#2026")
        assert response.status_code == 401
        left.append(response.json()["error"]["details"]["attempts_left"])
    assert left == [4, 3, 2, 1, 0]

    sixth = _login(client, "demo", "Wrong#2026")
    assert sixth.status_code == 423
    error = sixth.json()["error"]
    assert error["code"] == "account_locked"
    locked_until = datetime.fromisoformat(error["details"]["locked_until"])
    now = mock_state(client).clock.now()
    assert 14 * 60 < (locked_until - now).total_seconds() <= 15 * 60

    # Even the right password is refused while locked.
    assert _login(client, *DEMO).status_code == 423

    client.post("/mock/clock", json={"advance_seconds": 14 * 60})
    assert _login(client, *DEMO).status_code == 423
    client.post("/mock/clock", json={"advance_seconds": 61})
    assert _login(client, *DEMO).status_code == 200
    # The counter starts again from five after the lock ends.
    again = _login(client, "demo", "Wrong#2026")
    assert again.json()["error"]["details"]["attempts_left"] == 4


def test_success_resets_the_failure_count(client: TestClient) -> None:
    for _ in range(3):
        _login(client, "demo", "Wrong#2026")
    assert _login(client, *DEMO).status_code == 200
    response = _login(client, "demo", "Wrong#2026")
    assert response.json()["error"]["details"]["attempts_left"] == 4


def test_calls_without_or_with_a_bad_token_are_401(client: TestClient) -> None:
    missing = client.get("/api/v1/me")
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "unauthorized"
    bad = client.get("/api/v1/me", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    assert bad.json()["error"]["code"] == "session_expired"


def test_access_token_expires_and_refresh_rotates(client: TestClient) -> None:
    tokens = _login(client, *DEMO).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200

    client.post("/mock/clock", json={"advance_seconds": 901})
    expired = client.get("/api/v1/me", headers=headers)
    assert expired.status_code == 401
    assert expired.json()["error"]["code"] == "session_expired"

    refreshed = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 200
    new = refreshed.json()
    assert new["access_token"] != tokens["access_token"]
    new_headers = {"Authorization": f"Bearer {new['access_token']}"}
    assert client.get("/api/v1/me", headers=new_headers).status_code == 200

    # The old refresh token was used up by the rotation.
    reused = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "session_expired"


def test_refresh_token_expires(client: TestClient) -> None:
    tokens = _login(client, *DEMO).json()
    client.post("/mock/clock", json={"advance_seconds": 8 * 3600 + 1})
    response = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert response.status_code == 401


def test_logout_ends_the_session(client: TestClient) -> None:
    headers = login(client)
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_password_change_errors_and_success(client: TestClient) -> None:
    headers = login(client)
    wrong = client.post(
        "/api/v1/auth/password",
        headers=headers,
        json={"old_password": "Nope#2026", "new_password": "Better#2027"},
    )
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "wrong_password"

    weak = client.post(
        "/api/v1/auth/password",
        headers=headers,
        json={"old_password": DEMO[1], "new_password": "short"},
    )
    assert weak.status_code == 422
    error = weak.json()["error"]
    assert error["code"] == "password_policy"
    assert set(error["details"]["violations"]) == {"length", "digit", "upper", "symbol"}

    same = client.post(
        "/api/v1/auth/password",
        headers=headers,
        json={"old_password": DEMO[1], "new_password": DEMO[1]},
    )
    assert same.status_code == 422
    assert same.json()["error"]["details"]["violations"] == ["not_current"]

    ok = client.post(
        "/api/v1/auth/password",
        headers=headers,
        json={"old_password": DEMO[1], "new_password": "Better#2027"},
    )
    assert ok.status_code == 204
    assert _login(client, *DEMO).status_code == 401
    assert _login(client, "demo", "Better#2027").status_code == 200


def test_expired_password_blocks_everything_until_changed(client: TestClient) -> None:
    response = _login(client, *EXPIRED)
    assert response.status_code == 200
    assert response.json()["password_change_required"] is True
    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}

    for path in ("/api/v1/me", "/api/v1/accounts", "/api/v1/portfolio", "/api/v1/orders"):
        blocked = client.get(path, headers=headers)
        assert blocked.status_code == 403, path
        assert blocked.json()["error"]["code"] == "password_expired"

    changed = client.post(
        "/api/v1/auth/password",
        headers=headers,
        json={"old_password": EXPIRED[1], "new_password": "Renewed#2026"},
    )
    assert changed.status_code == 204
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert _login(client, "expired", "Renewed#2026").json()["password_change_required"] is False


def test_bad_bodies_get_the_envelope(client: TestClient) -> None:
    for body in (b"{not json", b"[]", b'{"login": 5, "password": 1.5}', b'{"login": "x"}'):
        response = client.post(
            "/api/v1/auth/login", content=body, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "validation_error"
    huge = client.post("/api/v1/auth/login", json={"login": "x" * 10_000, "password": "y"})
    assert huge.status_code == 422
    # The rejected input is never echoed back: it might be a password.
    assert "xxxxxxxx" not in huge.text
