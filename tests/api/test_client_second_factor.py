"""`CabinetClient` against the real mock: the sign-in second factor, password recovery,
sessions and remembered computers, and the headers that name this computer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pyotp
import pytest
from testkit import DEMO, LiveServer
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from cesec_desktop import __version__
from cesec_desktop.api import device
from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import (
    AccountLocked,
    CabinetError,
    ChallengeExpired,
    Conflict,
    EdsRequired,
    Forbidden,
    Gone,
    InvalidCredentials,
    OtpExpired,
    OtpInvalid,
    PasswordExpired,
    RateLimited,
    ResendTooSoon,
    SessionExpired,
    ValidationFailed,
    error_from_response,
)
from cesec_desktop.api.stream import StreamClient
from cesec_desktop.domain.models.auth import (
    PasswordResetChallenge,
    SecondFactorChallenge,
    Tokens,
)

Factory = Callable[..., LiveServer]

TWOFA = ("twofa", "Twofa#2026")
FRESH = ("fresh", "Fresh#2026")
TWOFA_SECRET = "JBSWY3DPEHPK3PXPCENTRASTWOFADEMO"
NEW_PASSWORD = "Reset#2027"


# --- the mock's controls -----------------------------------------------------------------


def mock_now(live: LiveServer) -> datetime:
    return datetime.fromisoformat(httpx.get(f"{live.url}/mock/clock").json()["now"])


def set_clock(live: LiveServer, **change: Any) -> None:
    httpx.post(f"{live.url}/mock/clock", json=change).raise_for_status()


def start_of_a_step(live: LiveServer) -> None:
    """Put the mock's clock 2 s into a fresh 30 s TOTP step: a test has the step to itself
    and no code turns over between computing it and sending it."""
    now = mock_now(live)
    step_start = datetime.fromtimestamp(int(now.timestamp()) // 30 * 30 + 30 + 2, UTC)
    set_clock(live, set_to=step_start.isoformat())


def totp(live: LiveServer, secret: str = TWOFA_SECRET, steps: int = 0) -> str:
    """The authenticator's code at the MOCK's time (plus `steps` steps of 30 s)."""
    return pyotp.TOTP(secret).at(mock_now(live) + timedelta(seconds=30 * steps))


def outbox(live: LiveServer, challenge_id: str | None = None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = httpx.get(f"{live.url}/mock/sms-outbox").json()["items"]
    return [i for i in items if challenge_id is None or i["challenge_id"] == challenge_id]


def sms_code(live: LiveServer, challenge_id: str, purpose: str) -> str:
    items = outbox(live, challenge_id)
    assert items, "no SMS for this challenge"
    assert items[0]["purpose"] == purpose
    return str(items[0]["code"])


async def challenged(client: CabinetClient, credentials: tuple[str, str]) -> SecondFactorChallenge:
    answer = await client.login(*credentials)
    assert isinstance(answer, SecondFactorChallenge), answer
    return answer


def wrong(code: str) -> str:
    """Another six digits."""
    return f"{(int(code) + 1) % 1_000_000:06d}"


# --- typed errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "details", "expected"),
    [
        (422, "otp_invalid", {"attempts_left": 2}, OtpInvalid),
        (410, "otp_expired", {}, OtpExpired),
        (410, "challenge_expired", {}, ChallengeExpired),
        (429, "resend_too_soon", {"retry_after": 42}, ResendTooSoon),
        (403, "eds_required", {}, EdsRequired),
    ],
)
def test_the_new_codes_map_to_subclasses_of_what_they_were(
    status: int, code: str, details: dict[str, object], expected: type[CabinetError]
) -> None:
    body = {"error": {"code": code, "message": "text", "details": details}}
    error = error_from_response(httpx.Response(status, json=body))
    assert type(error) is expected
    assert (error.code, error.status, error.details) == (code, status, details)
    # Code that catches the old classes (the SMS signing flow) still catches them.
    assert isinstance(error, ValidationFailed | Gone | RateLimited | Forbidden)
    if isinstance(error, OtpInvalid):
        assert error.attempts_left == 2


def test_resend_too_soon_waits_for_resend_after_bounded() -> None:
    def wait(details: dict[str, object], headers: dict[str, str] | None = None) -> float | None:
        body = {"error": {"code": "resend_too_soon", "message": "m", "details": details}}
        error = error_from_response(httpx.Response(429, json=body, headers=headers))
        assert isinstance(error, ResendTooSoon)
        return error.retry_after

    soon = (datetime.now(UTC) + timedelta(seconds=40)).isoformat()
    assert 38 <= (wait({"resend_after": soon}) or 0) <= 40
    # The header, when there is one, is the server's own count.
    assert wait({"resend_after": soon}, {"Retry-After": "7"}) == 7
    far = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    assert wait({"resend_after": far}) == 300.0
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    assert wait({"resend_after": past}) == 0.0
    assert wait({"resend_after": "soon"}) is None
    assert wait({"resend_after": "9" * 100}) is None
    assert wait({"resend_after": 12}) is None
    assert wait({}) is None


# --- the second factor -------------------------------------------------------------------


def test_a_user_with_an_authenticator_is_challenged_then_signed_in_by_totp(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        assert set(challenge.methods) == {"totp", "sms", "backup"}
        assert challenge.masked_phone and challenge.expires_at > mock_now(live)
        assert not client.is_authenticated  # no tokens before the factor
        assert outbox(live, challenge.challenge_id) == []  # no SMS until asked
        tokens = await client.verify_second_factor(challenge.challenge_id, "totp", totp(live))
        assert isinstance(tokens, Tokens) and tokens.device_token is None
        assert client.is_authenticated
        me = await client.me()
        assert (me.login, me.second_factor, me.backup_codes_left) == ("twofa", True, 10)
        await client.aclose()

        # The same code again, on a new sign-in in the same step: refused (replay).
        again = CabinetClient(live.url)
        challenge = await challenged(again, TWOFA)
        with pytest.raises(OtpInvalid):
            await again.verify_second_factor(challenge.challenge_id, "totp", totp(live))
        await again.aclose()

    asyncio.run(scenario())


def test_an_authenticator_code_one_step_off_is_accepted(live_server_factory: Factory) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        await client.verify_second_factor(challenge.challenge_id, "totp", totp(live, steps=-1))
        assert client.is_authenticated
        await client.aclose()

    asyncio.run(scenario())


def test_a_wrong_code_is_typed_and_never_echoes_the_code(live_server_factory: Factory) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> OtpInvalid:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        code = wrong(totp(live))
        with pytest.raises(OtpInvalid) as refused:
            await client.verify_second_factor(challenge.challenge_id, "totp", code)
        assert code not in f"{refused.value} {refused.value!r}"
        assert not client.is_authenticated
        await client.aclose()
        return refused.value

    refused = asyncio.run(scenario())
    assert (refused.status, refused.code, refused.attempts_left) == (422, "otp_invalid", 4)


def test_five_wrong_codes_lock_the_account_as_wrong_passwords_do(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> tuple[list[int | None], AccountLocked]:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        left: list[int | None] = []
        for _ in range(4):
            with pytest.raises(OtpInvalid) as refused:
                await client.verify_second_factor(challenge.challenge_id, "totp", wrong(totp(live)))
            left.append(refused.value.attempts_left)
        with pytest.raises(AccountLocked) as locked:
            await client.verify_second_factor(challenge.challenge_id, "backup", "nope-nope")
        # Locked is locked: the right password is refused too, as is the challenge.
        with pytest.raises(AccountLocked):
            await client.login(*TWOFA)
        await client.aclose()
        return left, locked.value

    left, locked = asyncio.run(scenario())
    assert left == [4, 3, 2, 1]
    assert locked.status == 423 and locked.locked_until > mock_now(live)


def test_a_right_password_does_not_reset_the_count_while_a_factor_is_pending(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> None:
        client = CabinetClient(live.url)
        for expected in (4, 3):
            challenge = await challenged(client, TWOFA)
            with pytest.raises(OtpInvalid) as refused:
                await client.verify_second_factor(challenge.challenge_id, "backup", "zzzz-zzzz")
            assert refused.value.attempts_left == expected
        with pytest.raises(InvalidCredentials) as bad:
            await client.login("twofa", "Wrong#2026")
        assert bad.value.attempts_left == 2
        await client.aclose()

    asyncio.run(scenario())


def test_sign_in_by_sms_code_with_resend_too_soon(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        sent = await client.send_sign_in_sms(challenge.challenge_id)
        assert sent.masked_phone == challenge.masked_phone and sent.attempts_left == 3
        with pytest.raises(ResendTooSoon) as too_soon:
            await client.send_sign_in_sms(challenge.challenge_id)
        assert too_soon.value.retry_after is not None and 0 < too_soon.value.retry_after <= 61
        assert len(outbox(live, challenge.challenge_id)) == 1
        code = sms_code(live, challenge.challenge_id, "sign_in")
        await client.verify_second_factor(challenge.challenge_id, "sms", code)
        assert (await client.me()).login == "twofa"
        # A used challenge is over.
        with pytest.raises(ChallengeExpired):
            await client.send_sign_in_sms(challenge.challenge_id)
        await client.aclose()

    asyncio.run(scenario())


def test_an_sms_code_is_spent_after_three_wrong_tries(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        await client.send_sign_in_sms(challenge.challenge_id)
        code = sms_code(live, challenge.challenge_id, "sign_in")
        left = []
        for _ in range(2):
            with pytest.raises(OtpInvalid) as refused:
                await client.verify_second_factor(challenge.challenge_id, "sms", wrong(code))
            left.append(refused.value.attempts_left)
        assert left == [2, 1]
        # The third wrong try spends the code: even the right one is refused after it.
        with pytest.raises(OtpExpired) as spent:
            await client.verify_second_factor(challenge.challenge_id, "sms", wrong(code))
        assert spent.value.status == 410
        with pytest.raises(OtpExpired):
            await client.verify_second_factor(challenge.challenge_id, "sms", code)
        # A new code after the minute's wait works.
        set_clock(live, advance_seconds=61)
        await client.send_sign_in_sms(challenge.challenge_id)
        fresh = sms_code(live, challenge.challenge_id, "sign_in")
        await client.verify_second_factor(challenge.challenge_id, "sms", fresh)
        assert client.is_authenticated
        await client.aclose()

    asyncio.run(scenario())


def test_a_challenge_dies_after_five_minutes(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        set_clock(live, advance_seconds=301)
        with pytest.raises(ChallengeExpired) as dead:
            await client.verify_second_factor(challenge.challenge_id, "totp", totp(live))
        assert dead.value.status == 410
        with pytest.raises(ChallengeExpired):
            await client.verify_second_factor("chl_made_up", "totp", totp(live))
        await client.aclose()

    asyncio.run(scenario())


def test_a_backup_code_works_once(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        # Typed any old way: case, spaces and dashes do not matter.
        await client.verify_second_factor(challenge.challenge_id, "backup", " DEMO 2F01 ")
        assert (await client.me()).backup_codes_left == 9
        await client.aclose()
        again = CabinetClient(live.url)
        challenge = await challenged(again, TWOFA)
        with pytest.raises(OtpInvalid):
            await again.verify_second_factor(challenge.challenge_id, "backup", "demo-2f01")
        await again.verify_second_factor(challenge.challenge_id, "backup", "demo-2f02")
        assert again.is_authenticated
        await again.aclose()

    asyncio.run(scenario())


def test_a_remembered_computer_skips_the_factor_until_it_is_forgotten(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await challenged(client, TWOFA)
        tokens = await client.verify_second_factor(
            challenge.challenge_id, "totp", totp(live), remember_device=True
        )
        token = tokens.device_token
        assert token
        devices = await client.devices()
        assert len(devices) == 1 and devices[0].device_name == device.device_name()
        assert devices[0].expires_at - devices[0].remembered_at == timedelta(days=30)

        second = CabinetClient(live.url)
        answer = await second.login(*TWOFA, device_token=token)
        assert isinstance(answer, Tokens) and second.is_authenticated
        assert answer.device_token is None  # remembered already: no new token
        assert [d.current for d in await second.devices()] == [True]
        # Someone else's password with this computer's token: still challenged.
        unknown = await CabinetClient(live.url).login(*TWOFA, device_token="not-a-token")
        assert isinstance(unknown, SecondFactorChallenge)

        await client.forget_device(devices[0].id)
        assert await client.devices() == []
        third = CabinetClient(live.url)
        assert isinstance(await third.login(*TWOFA, device_token=token), SecondFactorChallenge)
        for each in (client, second, third):
            await each.aclose()

    asyncio.run(scenario())


def test_an_authenticator_is_set_up_confirmed_and_removed(live_server_factory: Factory) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> None:
        client = CabinetClient(live.url)
        assert isinstance(await client.login(*DEMO), Tokens)
        with pytest.raises(Conflict) as nothing_pending:
            await client.totp_confirm("123456")
        assert nothing_pending.value.code == "no_pending_setup"
        setup = await client.totp_setup()
        assert setup.otpauth_uri.startswith("otpauth://totp/Centras%20Securities:demo?")
        assert f"secret={setup.secret}" in setup.otpauth_uri
        assert pyotp.parse_uri(setup.otpauth_uri).secret == setup.secret
        with pytest.raises(OtpInvalid):
            await client.totp_confirm(wrong(totp(live, setup.secret)))
        codes = (await client.totp_confirm(totp(live, setup.secret))).backup_codes
        assert len(codes) == 10 and len(set(codes)) == 10
        me = await client.me()
        assert (me.second_factor, me.backup_codes_left) == (True, 10)
        with pytest.raises(Conflict) as enabled:
            await client.totp_setup()
        assert enabled.value.code == "second_factor_enabled"

        # The next sign-in asks for it; a backup code from the set-up answers.
        other = CabinetClient(live.url)
        challenge = await challenged(other, DEMO)
        await other.verify_second_factor(challenge.challenge_id, "backup", codes[0])

        with pytest.raises(CabinetError) as wrong_password:
            await client.totp_remove("Not#The1", codes[1])
        assert (wrong_password.value.status, wrong_password.value.code) == (
            403,
            "wrong_password",
        )
        with pytest.raises(OtpInvalid):
            await client.totp_remove(DEMO[1], "zzzz-zzzz")
        await client.totp_remove(DEMO[1], codes[1])
        assert not (await client.me()).second_factor
        with pytest.raises(Conflict) as disabled:
            await client.totp_remove(DEMO[1], codes[2])
        assert disabled.value.code == "second_factor_disabled"
        assert isinstance(await CabinetClient(live.url).login(*DEMO), Tokens)
        for each in (client, other):
            await each.aclose()

    asyncio.run(scenario())


def test_a_broker_issued_password_must_change_first(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        tokens = await client.login(*FRESH)
        assert isinstance(tokens, Tokens)
        assert (tokens.password_change_required, tokens.password_change_reason) == (
            True,
            "initial",
        )
        with pytest.raises(PasswordExpired):
            await client.me()
        await client.change_password(FRESH[1], "Fresh#2027")
        me = await client.me()
        assert me.login == "fresh" and me.password_expires_at is not None
        await client.aclose()
        again = await CabinetClient(live.url).login("fresh", "Fresh#2027")
        assert isinstance(again, Tokens) and not again.password_change_required
        assert again.password_change_reason is None and again.password_expires_at is not None

    asyncio.run(scenario())


# --- password recovery -------------------------------------------------------------------


def test_forgot_password_end_to_end(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        before = CabinetClient(live.url)
        await before.login(*DEMO)
        client = CabinetClient(live.url)
        challenge = await client.forgot_password("demo")
        assert isinstance(challenge, PasswordResetChallenge)
        code = sms_code(live, challenge.challenge_id, "password_reset")
        with pytest.raises(ResendTooSoon):
            await client.resend_reset_sms(challenge.challenge_id)
        with pytest.raises(OtpInvalid) as refused:
            await client.reset_password(challenge.challenge_id, wrong(code), NEW_PASSWORD)
        assert refused.value.attempts_left == 2
        # A weak password is refused after the code was found right, and burns nothing.
        with pytest.raises(ValidationFailed) as weak:
            await client.reset_password(challenge.challenge_id, code, "weak")
        assert weak.value.code == "password_policy" and weak.value.violations
        assert not isinstance(weak.value, OtpInvalid)
        answer = await client.reset_password(challenge.challenge_id, code, NEW_PASSWORD)
        assert isinstance(answer, Tokens) and client.is_authenticated
        assert (await client.me()).login == "demo"
        # Every earlier session ended; the old password is no more.
        with pytest.raises(SessionExpired):
            await before.me()
        with pytest.raises(InvalidCredentials):
            await CabinetClient(live.url).login(*DEMO)
        assert isinstance(await CabinetClient(live.url).login("demo", NEW_PASSWORD), Tokens)
        with pytest.raises(ChallengeExpired):
            await client.reset_password(challenge.challenge_id, code, "Other#2027")
        for each in (before, client):
            await each.aclose()

    asyncio.run(scenario())


def test_a_reset_resends_after_a_minute(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await client.forgot_password("demo")
        set_clock(live, advance_seconds=61)
        sent = await client.resend_reset_sms(challenge.challenge_id)
        assert sent.attempts_left == 3
        assert [i["purpose"] for i in outbox(live, challenge.challenge_id)] == [
            "password_reset",
            "password_reset",
        ]
        code = sms_code(live, challenge.challenge_id, "password_reset")
        assert isinstance(
            await client.reset_password(challenge.challenge_id, code, NEW_PASSWORD), Tokens
        )
        await client.aclose()

    asyncio.run(scenario())


def test_an_unknown_login_is_answered_alike(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url)
        known = await client.forgot_password("demo")
        unknown = await client.forgot_password("nobody-here")
        assert type(unknown) is type(known)
        assert unknown.masked_phone and unknown.masked_phone != known.masked_phone
        # The same mask for the same login, as a real user's would be.
        assert (await client.forgot_password("nobody-here")).masked_phone == unknown.masked_phone
        assert len(unknown.challenge_id) == len(known.challenge_id)
        assert unknown.expires_at - unknown.resend_after == known.expires_at - known.resend_after
        assert outbox(live, unknown.challenge_id) == []  # nothing sent
        with pytest.raises(OtpInvalid) as refused:
            await client.reset_password(unknown.challenge_id, "123456", NEW_PASSWORD)
        assert refused.value.attempts_left == 2
        await client.aclose()

    asyncio.run(scenario())


def test_a_reset_of_a_user_with_an_authenticator_still_asks_for_it(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory()
    start_of_a_step(live)

    async def scenario() -> None:
        client = CabinetClient(live.url)
        challenge = await client.forgot_password("twofa")
        code = sms_code(live, challenge.challenge_id, "password_reset")
        answer = await client.reset_password(challenge.challenge_id, code, NEW_PASSWORD)
        assert isinstance(answer, SecondFactorChallenge)
        assert set(answer.methods) == {"totp", "backup"}  # the SMS proved the phone already
        assert not client.is_authenticated
        await client.verify_second_factor(answer.challenge_id, "totp", totp(live))
        assert (await client.me()).login == "twofa"
        await client.aclose()

    asyncio.run(scenario())


# --- sessions and what names them --------------------------------------------------------


def test_sessions_show_this_computer_and_end_at_once(
    live_server_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = live_server_factory()
    # A name in another script, as a Kazakh user's computer may well be called.
    monkeypatch.setattr(device, "device_name", lambda: "Асель-ПК")

    async def scenario() -> None:
        mine = CabinetClient(live.url)
        await mine.login(*DEMO)
        other = CabinetClient(live.url)
        await other.login(*DEMO)
        third = CabinetClient(live.url)
        await third.login(*DEMO)
        await other.me()
        sessions = await mine.sessions()
        assert len(sessions) == 3
        assert sessions[0].current and not any(s.current for s in sessions[1:])
        assert {s.device_name for s in sessions} == {"Асель-ПК"}
        assert all(__version__ in s.app_version for s in sessions)
        assert sessions[0].ip == "127.0.0.1"
        assert sessions[1].last_seen_at >= sessions[2].last_seen_at

        other_id = next(s.id for s in await other.sessions() if s.current)
        await mine.end_session(other_id)
        with pytest.raises(SessionExpired):
            await other.me()
        assert other_id not in {s.id for s in await mine.sessions()}
        await mine.end_other_sessions()
        with pytest.raises(SessionExpired):
            await third.me()
        assert [s.current for s in await mine.sessions()] == [True]
        with pytest.raises(CabinetError) as not_mine:
            await mine.end_session("ses_not_there")
        assert not_mine.value.status == 404
        for each in (mine, other, third):
            await each.aclose()

    asyncio.run(scenario())


def test_every_call_names_the_computer_and_the_app() -> None:
    assert device.clean_device_name("  my\tlaptop\n\x00\u200b ") == "my laptop"
    assert device.clean_device_name("Ноутбук " * 30) == ("Ноутбук " * 30)[:100].strip()
    assert len(device.clean_device_name("x" * 500)) == 100
    agent = device.user_agent()
    assert agent.startswith(f"cesec-desktop/{__version__} (") and agent.isascii()
    assert device.device_name()  # the OS's name, or "Unknown computer"


def test_the_streams_handshake_names_the_computer_and_the_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(device, "device_name", lambda: "Асель-ПК")
    seen: list[dict[str, str]] = []

    async def handler(ws: ServerConnection) -> None:
        seen.append({name.lower(): value for name, value in ws.request.headers.raw_items()})
        with contextlib.suppress(ConnectionClosed):
            await ws.wait_closed()

    async def token(refused: str | None) -> str:
        return "token"

    async def scenario() -> None:
        async with serve(handler, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            stream = StreamClient(f"http://127.0.0.1:{port}", token)
            stream.start()
            for _ in range(200):
                if seen:
                    break
                await asyncio.sleep(0.02)
            await stream.stop()

    asyncio.run(scenario())
    assert seen, "the stream never connected"
    # Header bytes read as Latin-1, as a server reads them: the UTF-8 name comes back intact.
    assert seen[0]["x-device-name"].encode("latin-1").decode("utf-8") == "Асель-ПК"
    assert seen[0]["user-agent"] == device.user_agent()
