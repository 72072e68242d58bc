"""`CabinetClient` sign-in against the real mock: errors, lockout, expiry, transparent refresh."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from testkit import DEMO, EXPIRED, LiveServer

from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import (
    AccountLocked,
    InvalidCredentials,
    PasswordExpired,
    SessionExpired,
    ValidationFailed,
)
from cesec_desktop.domain.enums import Role
from cesec_desktop.domain.models.auth import Tokens

Factory = Callable[..., LiveServer]


def advance_clock(live: LiveServer, seconds: float) -> None:
    httpx.post(f"{live.url}/mock/clock", json={"advance_seconds": seconds}).raise_for_status()


def demo_sessions(live: LiveServer) -> list[tuple[int]]:
    """(revoked,) per session row of the demo user, oldest first."""
    rows = live.state.conn.execute(
        "SELECT revoked FROM sessions WHERE user_id = 'usr_demo' ORDER BY rowid"
    ).fetchall()
    return [(int(r["revoked"]),) for r in rows]


def test_login_gives_tokens_and_the_profile(live_server_factory: Factory) -> None:
    live = live_server_factory()
    seen: list[Tokens] = []

    async def scenario() -> None:
        client = CabinetClient(live.url, on_tokens=seen.append)
        assert not client.is_authenticated
        tokens = await client.login(*DEMO)
        assert client.is_authenticated
        assert client.access_token == tokens.access_token
        assert tokens.expires_in == 900
        assert not tokens.password_change_required
        me = await client.me()
        assert (me.login, me.role) == ("demo", Role.CLIENT)
        assert me.accounts
        await client.aclose()

    asyncio.run(scenario())
    assert len(seen) == 1


def test_wrong_passwords_count_down_then_the_account_locks(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> tuple[list[int], AccountLocked]:
        client = CabinetClient(live.url)
        left: list[int] = []
        for _ in range(5):
            with pytest.raises(InvalidCredentials) as wrong:
                await client.login("demo", "Wrong#2026")
            assert wrong.value.status == 401
            # The password never appears in what may end up in a log or a dialog.
            assert "Wrong#2026" not in f"{wrong.value} {wrong.value!r} {wrong.value.details}"
            left.append(wrong.value.attempts_left)
        with pytest.raises(AccountLocked) as locked:
            await client.login(*DEMO)  # even the right password: locked is locked
        assert not client.is_authenticated
        await client.aclose()
        return left, locked.value

    left, locked = asyncio.run(scenario())
    assert left == [4, 3, 2, 1, 0]
    assert locked.code == "account_locked" and locked.status == 423
    assert isinstance(locked.locked_until, datetime) and locked.locked_until.tzinfo is not None
    remaining = locked.locked_until - datetime.now(UTC)
    assert timedelta(minutes=14) < remaining <= timedelta(minutes=15, seconds=5)


def test_an_expired_password_blocks_calls_until_it_is_changed(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        tokens = await client.login(*EXPIRED)
        assert tokens.password_change_required
        with pytest.raises(PasswordExpired) as expired:
            await client.me()
        assert (expired.value.code, expired.value.status) == ("password_expired", 403)
        await client.change_password(EXPIRED[1], "Fresh#2027")
        assert (await client.me()).login == "expired"
        await client.logout()
        assert not (await client.login("expired", "Fresh#2027")).password_change_required
        await client.aclose()

    asyncio.run(scenario())


def test_password_change_errors_map_to_fields(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> tuple[ValidationFailed, ValidationFailed]:
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        with pytest.raises(ValidationFailed) as weak:
            await client.change_password(DEMO[1], "weak")
        with pytest.raises(ValidationFailed) as wrong_old:
            await client.change_password("Not#The1", "Better#2027")
        await client.aclose()
        return weak.value, wrong_old.value

    weak, wrong_old = asyncio.run(scenario())
    assert (weak.code, weak.status) == ("password_policy", 422)
    assert weak.fields == {"new_password": "password_policy"}
    assert weak.violations and all(isinstance(v, str) for v in weak.violations)
    assert (wrong_old.code, wrong_old.status) == ("wrong_password", 403)
    assert wrong_old.fields == {"old_password": "wrong_password"}


def test_an_expired_access_token_is_refreshed_once_for_concurrent_calls(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    seen: list[Tokens] = []

    async def scenario() -> tuple[int, str, str]:
        client = CabinetClient(live.url, on_tokens=seen.append)
        first = await client.login(*DEMO)
        await client.me()
        advance_clock(live, 901)
        profiles = await asyncio.gather(*(client.me() for _ in range(5)))
        assert {p.login for p in profiles} == {"demo"}
        count = client.refresh_count
        await client.aclose()
        return count, first.refresh_token, str(client.access_token)

    refreshes, first_refresh, access = asyncio.run(scenario())
    assert refreshes == 1
    # The login's pair was revoked by the rotation; exactly one new pair exists.
    assert demo_sessions(live) == [(1,), (0,)]
    assert [t.refresh_token == first_refresh for t in seen] == [True, False]
    assert seen[-1].access_token == access
    stale = httpx.post(f"{live.url}/api/v1/auth/refresh", json={"refresh_token": first_refresh})
    assert stale.status_code == 401


def test_a_session_that_cannot_be_renewed_raises_session_expired(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        advance_clock(live, 8 * 3600 + 1)  # past the refresh token's life too
        with pytest.raises(SessionExpired):
            await client.me()
        assert not client.is_authenticated
        with pytest.raises(SessionExpired):
            await client.me()  # no tokens at all now: still the same answer
        await client.aclose()

    asyncio.run(scenario())


def test_a_kept_refresh_token_restores_the_session(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        first = CabinetClient(live.url)
        kept = (await first.login(*DEMO)).refresh_token
        await first.aclose()
        second = CabinetClient(live.url)
        restored = await second.restore(kept)
        assert restored.refresh_token != kept
        assert (await second.me()).login == "demo"
        third = CabinetClient(live.url)
        with pytest.raises(SessionExpired):
            await third.restore(kept)  # rotated away by the restore above
        await second.aclose()
        await third.aclose()

    asyncio.run(scenario())


def test_logout_ends_the_session_at_the_server(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> str:
        client = CabinetClient(live.url)
        token = (await client.login(*DEMO)).access_token
        await client.logout()
        assert not client.is_authenticated
        await client.logout()  # a second logout is harmless
        await client.aclose()
        return token

    token = asyncio.run(scenario())
    after = httpx.get(f"{live.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert after.status_code == 401


def test_requests_are_logged_without_secrets(
    live_server_factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    live = live_server_factory()
    caplog.set_level(logging.DEBUG)

    async def scenario() -> Tokens:
        client = CabinetClient(live.url)
        tokens = await client.login(*DEMO)
        await client.search_instruments("Halyk")
        advance_clock(live, 901)
        await client.me()
        await client.aclose()
        return tokens

    tokens = asyncio.run(scenario())
    ours = [r.getMessage() for r in caplog.records if r.name == "cesec_desktop.api.client"]
    assert ours[0].startswith("POST /api/v1/auth/login 200 ")
    assert any(line.startswith("GET /api/v1/instruments 200 ") for line in ours)
    assert any(line.startswith("POST /api/v1/auth/refresh 200 ") for line in ours)
    everything = caplog.text
    for secret in (DEMO[1], tokens.access_token, tokens.refresh_token, "Halyk"):
        assert secret not in everything
