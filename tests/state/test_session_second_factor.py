"""`Session` with a second factor, password recovery and remembered computers, in the qasync
loop against the real mock on a loopback port, with an in-memory keyring."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pyotp
import pytest
from gui_support import FAST_STREAM, MemoryKeyring, wait_until
from testkit import DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import ChallengeExpired, OtpInvalid, ValidationFailed
from cesec_desktop.state.connection import Connection
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.session import LoginOutcome, Session

Factory = Callable[..., LiveServer]

TWOFA = ("twofa", "Twofa#2026")
FRESH = ("fresh", "Fresh#2026")
TWOFA_SECRET = "JBSWY3DPEHPK3PXPCENTRASTWOFADEMO"
NEW_PASSWORD = "Reset#2027"


def control(live: LiveServer, method: str, path: str, body: Any = None) -> Any:
    response = httpx.request(method, f"{live.url}{path}", json=body, timeout=10)
    response.raise_for_status()
    return response.json() if response.content else None


async def mock_now(live: LiveServer) -> datetime:
    clock = await asyncio.to_thread(control, live, "GET", "/mock/clock")
    return datetime.fromisoformat(clock["now"])


async def start_of_a_step(live: LiveServer) -> None:
    """The mock's clock 2 s into a fresh TOTP step: no code turns over mid-test."""
    now = await mock_now(live)
    at = datetime.fromtimestamp(int(now.timestamp()) // 30 * 30 + 32, UTC)
    await asyncio.to_thread(control, live, "POST", "/mock/clock", {"set_to": at.isoformat()})


async def totp(live: LiveServer, steps: int = 0) -> str:
    now = await mock_now(live)
    return pyotp.TOTP(TWOFA_SECRET).at(now + timedelta(seconds=30 * steps))


async def sms_code(live: LiveServer, challenge_id: str) -> str:
    outbox = await asyncio.to_thread(control, live, "GET", "/mock/sms-outbox")
    return next(i["code"] for i in outbox["items"] if i["challenge_id"] == challenge_id)


def new_session(url: str, keyring: MemoryKeyring | None = None) -> Session:
    store = CredentialStore(url, backend=keyring if keyring is not None else MemoryKeyring())
    return Session(url, store, stream_options=FAST_STREAM)


async def online(session: Session) -> None:
    await wait_until(lambda: session.connection is Connection.ONLINE, what="the stream")


def test_sign_in_with_an_authenticator_code(run: Any, live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        await start_of_a_step(live)
        session = new_session(live.url)
        signed: list[bool] = []
        session.signedIn.connect(lambda: signed.append(True))
        assert await session.login(*TWOFA) is LoginOutcome.SECOND_FACTOR_REQUIRED
        assert session.challenge is not None and "totp" in session.challenge.methods
        assert not session.signed_in and not signed
        with pytest.raises(OtpInvalid):
            await session.verify_second_factor("totp", "000000")
        assert session.challenge is not None  # a wrong code: try again
        outcome = await session.verify_second_factor("totp", await totp(live))
        assert outcome is LoginOutcome.SIGNED_IN
        assert session.challenge is None and signed == [True]
        assert session.me is not None and session.me.second_factor
        assert session.password_change_reason is None
        assert session.password_expires_at is not None
        await online(session)
        await session.close()

    run(scenario())


def test_sign_in_by_sms_says_so_for_the_demo_notice(run: Any, live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        session = new_session(live.url)
        sent: list[str] = []
        session.smsSent.connect(sent.append)
        await session.login(*TWOFA)
        assert session.challenge is not None
        challenge_id = session.challenge.challenge_id
        sms = await session.send_sign_in_sms()
        assert sent == [challenge_id] and sms.attempts_left == 3
        code = await sms_code(live, challenge_id)
        assert await session.verify_second_factor("sms", code) is LoginOutcome.SIGNED_IN
        await session.close()

    run(scenario())


def test_a_dead_challenge_is_forgotten_and_cancel_goes_back(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        session = new_session(live.url)
        await session.login(*TWOFA)
        session.cancel_second_factor()
        assert session.challenge is None
        with pytest.raises(RuntimeError):
            await session.verify_second_factor("totp", "123456")
        await session.login(*TWOFA)
        await asyncio.to_thread(control, live, "POST", "/mock/clock", {"advance_seconds": 301})
        with pytest.raises(ChallengeExpired):
            await session.verify_second_factor("totp", await totp(live))
        assert session.challenge is None and not session.signed_in
        await session.close()

    run(scenario())


def test_remember_this_computer_then_forget_it(run: Any, live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        keyring = MemoryKeyring()
        await start_of_a_step(live)
        first = new_session(live.url, keyring)
        await first.login(*TWOFA)
        code = await totp(live)
        assert (
            await first.verify_second_factor("totp", code, remember_device=True)
            is LoginOutcome.SIGNED_IN
        )
        stored = [key for (_, key) in keyring.items if key.startswith("device-token:")]
        assert stored == ["device-token:twofa"]
        # Not the refresh token's entry: "keep me signed in" was not ticked.
        assert not any(key.startswith("refresh-token:") for (_, key) in keyring.items)
        await first.close()

        second = new_session(live.url, keyring)
        assert await second.login(*TWOFA) is LoginOutcome.SIGNED_IN  # skipped the factor
        devices = await second.call(lambda client: client.devices())
        assert [d.current for d in devices] == [True]
        await second.forget_this_device()
        assert not any(key.startswith("device-token:") for (_, key) in keyring.items)
        assert await second.call(lambda client: client.devices()) == []
        await second.logout()

        third = new_session(live.url, keyring)
        assert await third.login(*TWOFA) is LoginOutcome.SECOND_FACTOR_REQUIRED
        await third.close()

    run(scenario())


def test_a_device_token_the_server_refuses_is_kept(run: Any, live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        keyring = MemoryKeyring()
        session = new_session(live.url, keyring)
        service = session.credentials.service
        keyring.set_password(service, "device-token:twofa", "not-a-token")
        assert await session.login(*TWOFA) is LoginOutcome.SECOND_FACTOR_REQUIRED
        assert keyring.get_password(service, "device-token:twofa") == "not-a-token"
        await session.close()

    run(scenario())


def test_an_unlock_with_a_second_factor_finishes_on_the_code(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        await start_of_a_step(live)
        session = new_session(live.url)
        await session.login(*TWOFA)
        await session.verify_second_factor("totp", await totp(live))
        await online(session)
        assert session.stream is not None
        first_thread = session.stream.thread
        before = await session.call(lambda client: client.sessions())
        assert len(before) == 1

        # The next step's code: the one just used is refused as a replay.
        await asyncio.to_thread(control, live, "POST", "/mock/clock", {"advance_seconds": 30})
        assert await session.unlock(TWOFA[1]) is LoginOutcome.SECOND_FACTOR_REQUIRED
        assert session.challenge is not None
        outcome = await session.verify_second_factor("totp", await totp(live))
        assert outcome is LoginOutcome.SIGNED_IN and session.challenge is None
        await online(session)
        # Reconnected with the new session's token, in a new worker thread.
        assert session.stream is not None and session.stream.thread is not first_thread
        after = await session.call(lambda client: client.sessions())
        # The session from before the lock ended: still one, and a new one.
        assert len(after) == 1 and after[0].id != before[0].id
        await session.close()

    run(scenario())


def test_an_unlock_without_a_second_factor_says_signed_in(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        session = new_session(live.url)
        await session.login(*DEMO)
        assert await session.unlock(DEMO[1]) is LoginOutcome.SIGNED_IN
        await online(session)
        await session.close()

    run(scenario())


def test_forgot_password_then_signed_in(run: Any, live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        session = new_session(live.url)
        sent: list[str] = []
        session.smsSent.connect(sent.append)
        challenge = await session.forgot_password(" demo ")
        assert session.reset_challenge == challenge and sent == [challenge.challenge_id]
        code = await sms_code(live, challenge.challenge_id)
        with pytest.raises(ValidationFailed) as weak:
            await session.reset_password(code, "weak")
        assert weak.value.code == "password_policy"
        assert session.reset_challenge is not None  # the code still works
        assert await session.reset_password(code, NEW_PASSWORD) is LoginOutcome.SIGNED_IN
        assert session.reset_challenge is None and session.login_name == "demo"
        assert session.me is not None and session.me.login == "demo"
        await online(session)
        await session.close()

    run(scenario())


def test_a_reset_by_iin_of_a_user_with_an_authenticator(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        await start_of_a_step(live)
        iin = live.state.conn.execute("SELECT iin FROM users WHERE login = 'twofa'").fetchone()[0]
        session = new_session(live.url)
        challenge = await session.forgot_password(iin)
        code = await sms_code(live, challenge.challenge_id)
        outcome = await session.reset_password(code, NEW_PASSWORD)
        assert outcome is LoginOutcome.SECOND_FACTOR_REQUIRED
        assert session.challenge is not None and "sms" not in session.challenge.methods
        assert await session.verify_second_factor("totp", await totp(live)) is (
            LoginOutcome.SIGNED_IN
        )
        # Known by the login from now on, not by the IIN typed.
        assert session.login_name == "twofa"
        await session.close()

    run(scenario())


def test_a_broker_issued_password_is_changed_first(run: Any, live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        session = new_session(live.url)
        outcome = await session.login(*FRESH)
        assert outcome is LoginOutcome.PASSWORD_CHANGE_REQUIRED
        assert session.password_change_reason == "initial"
        await session.finish_password_change(FRESH[1], "Fresh#2027")
        assert session.signed_in and session.password_change_reason is None
        expires = session.password_expires_at
        assert expires is not None and expires - await mock_now(live) > timedelta(days=59)
        await session.close()

    run(scenario())


def test_ending_this_session_elsewhere_closes_the_stream_and_says_expired(
    run: Any, live_server_factory: Factory
) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        session = new_session(live.url)
        expired: list[bool] = []
        session.expired.connect(lambda: expired.append(True))
        await session.login(*DEMO)
        await online(session)
        mine = next(s.id for s in await session.call(lambda c: c.sessions()) if s.current)

        other = CabinetClient(live.url)
        await other.login(*DEMO)
        await other.end_session(mine)
        await other.aclose()

        await wait_until(lambda: expired, what="the session to expire")
        assert session.connection is not Connection.ONLINE
        await session.close()

    run(scenario())
