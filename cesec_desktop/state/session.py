"""The signed-in session: one API client and one stream, turned into Qt signals.

The stream runs in a worker thread (`api.stream_worker`): it receives and decodes off the UI
thread and keeps the newest quote per instrument. A display tick here (`QUOTE_TICK_MS`) takes
what changed since the last one in a single swap and hands it on (`quotesChanged`, and parsed
as `quotesReceived`), so the UI's work follows the instruments that changed, not the update
rate. Order and instruction events, connection states, resyncs and errors are queued in order
by the worker and delivered here, on the UI thread, by a queued signal.

Quote subscriptions are counted per instrument and per rate: the first watcher subscribes,
the last one to go unsubscribes, and the fastest rate anyone asked for is the one the server
is asked for (a full-rate watcher, such as the order form, upgrades an instrument that a table
watches at 10 Hz, and it goes back to 10 Hz when the form closes).

The api layer is imported on first use, not with this module, so the login window paints
before httpx, pydantic and websockets are loaded.

Every call and frame of the session also goes to `traffic` (a `TrafficRecorder`): a bounded
ring always, a HAR file while a tester records.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QMetaMethod, QObject, Qt, QTimer, Signal

from cesec_desktop.state.connection import Connection
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.i18n import active_language, language_relay
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.traffic import TrafficRecorder

if TYPE_CHECKING:
    import asyncio
    from datetime import datetime

    from cesec_desktop.api.client import CabinetClient
    from cesec_desktop.api.stream_worker import StreamWorker
    from cesec_desktop.domain.models.auth import (
        LoginAnswer,
        PasswordResetChallenge,
        SecondFactorChallenge,
        SecondFactorMethod,
        SmsSent,
        Tokens,
    )
    from cesec_desktop.domain.models.profile import Account, Me

log = logging.getLogger(__name__)

T = TypeVar("T")

Reauthenticator = Callable[[], Awaitable[bool]]
"""Asks the user for the password again and signs in with it; False if they log out."""

QUOTE_TICK_MS = 100
"""How often changed quotes are taken from the stream worker and handed on (~10 Hz: faster
is invisible in a table, slower feels late)."""
_FULL_RATE = 0
"""The key under which full-rate (unconflated) watchers are counted."""
BOOK_SUMMARY = "book-summary"
"""A broker's book summary, asked for at sign-in (`Session.prefetch`)."""
PREFETCH_FRESH_S = 10.0
"""A prefetched answer older than this is asked for again (the broker opened elsewhere)."""


class LoginOutcome(Enum):
    SIGNED_IN = "signed_in"
    PASSWORD_CHANGE_REQUIRED = "password_change_required"
    SECOND_FACTOR_REQUIRED = "second_factor_required"
    """The password was right; `Session.challenge` asks for a code before the tokens."""


def preload() -> None:
    """Import the api layer now (it takes ~0.2 s); called in a worker thread after start-up."""
    import cesec_desktop.api.client
    import cesec_desktop.api.stream_worker  # noqa: F401


class Session(QObject):
    """The user's session with the cabinet.

    Signals:
        signedIn: the profile is loaded; the main window may open.
        signedOut: log-out finished; tokens are forgotten.
        profileChanged(Me): the profile was (re)loaded.
        connectionChanged(str): the stream's state, a `Connection` value.
        quotesChanged(dict[str, QuoteWire]): a display tick: the newest quote of each
            instrument that changed since the last tick, unparsed (never empty: with nothing
            changed there is no tick). The quotes store takes these.
        quotesReceived(list[Quote]): the same tick's quotes, parsed (validation costs ~10 µs
            a quote), for the instruments subscribed with `parsed=True` and only while
            something is connected.
        orderUpdated(Order), instructionUpdated(Instruction): status events, all of them, in
            order.
        clientSummaryUpdated(ClientSummary): a broker's stream: a watched client's figures
            changed (a fill, a settlement, a withdrawal); never conflated, in order with the
            order and instruction events.
        resynced: the stream came back after a break; re-read what may have been missed.
        expired: the session cannot be renewed; ask for the password (see `reauthenticate`).
        smsSent(str): a sign-in or password-reset code went out by SMS (the challenge's id),
            for the demo's SMS notice.
    """

    signedIn = Signal()
    signedOut = Signal()
    profileChanged = Signal(object)
    connectionChanged = Signal(str)
    quotesChanged = Signal(object)
    quotesReceived = Signal(list)
    orderUpdated = Signal(object)
    instructionUpdated = Signal(object)
    clientSummaryUpdated = Signal(object)
    resynced = Signal()
    expired = Signal()
    smsSent = Signal(str)
    _streamEvents = Signal()
    """Emitted by the stream's worker thread (events to drain); queued to this thread."""
    _quotesPending = Signal()
    """Emitted by the stream's worker thread (quotes changed); queued to this thread."""

    def __init__(
        self,
        server_url: str,
        credentials: CredentialStore | None = None,
        *,
        stream_options: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self.credentials = credentials if credentials is not None else CredentialStore(server_url)
        self.stream_options = dict(stream_options or {})
        self.traffic = TrafficRecorder(self)
        """What the client says to the server and hears back (a ring; a HAR file on demand)."""
        self.login_name = ""
        self.keep_session = False
        """Keep the refresh token in the keyring (the "remember me" box was ticked)."""
        self.me: Me | None = None
        self.reauthenticate: Reauthenticator | None = None
        self.ncalayer_url: str | None = None
        """Where NCALayer listens; None is its standard address (the demo runs a mock)."""
        self._prefetched: dict[str, tuple[float, asyncio.Task[tuple[bool, Any]]]] = {}
        """Calls started ahead of their callers (`prefetch`), by key, with their start."""
        self.signing_profile = "production"
        """What an EDS signature must carry (`signing.ncalayer.SigningProfile` by name):
        "production" (a TSP timestamp, national-CA keys only) unless the demo's test CA
        signs ("demo")."""
        self._client: CabinetClient | None = None
        self._tokens: Tokens | None = None
        """The client's latest tokens: an unlock ends the session they belong to."""
        self.challenge: SecondFactorChallenge | None = None
        """The second factor asked for by the last sign-in, unlock or reset, until answered."""
        self.reset_challenge: PasswordResetChallenge | None = None
        """The password reset under way (`forgot_password`), until the new password is set."""
        self._reset_login = ""
        self._unlocking = False
        """`challenge` came from `unlock`: answering it finishes the unlock."""
        self._unlock_previous: Tokens | None = None
        """The tokens from before that unlock: their session ends once it is finished."""
        self._change_reason: str | None = None
        """Why the password must change now ("expired", "initial"), from the sign-in."""
        self._stream: StreamWorker | None = None
        # Who watches which quotes: id -> rate -> count (_FULL_RATE for unconflated).
        self._quote_wants: dict[str, Counter[int]] = {}
        self._parsed_wants: Counter[str] = Counter()
        """Ids that someone wants as parsed `Quote`s (`quotesReceived`)."""
        # A display tick only when quotes changed, at most one per QUOTE_TICK_MS: prices that
        # stand still cost no wake-ups, and the first change after a quiet spell goes at once.
        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.timeout.connect(self._quote_tick)
        self._last_tick = 0.0
        self._streamEvents.connect(self._drain_stream, Qt.ConnectionType.QueuedConnection)
        self._quotesPending.connect(self._schedule_tick, Qt.ConnectionType.QueuedConnection)
        self._connection = Connection.OFFLINE
        self._tasks = TaskTracker("session", owner=self)
        # The backend writes documents to sign and history texts in the language asked for:
        # ask in the UI's, and follow it when the user switches.
        self._language = active_language()
        language_relay().languageChanged.connect(self.set_language)

    # --- state -----------------------------------------------------------------------------

    def set_server(self, server_url: str) -> None:
        """Point at another backend (the demo's, once it listens); only before signing in."""
        if self._client is not None:
            raise RuntimeError("the server cannot change while a client exists")
        self.server_url = server_url

    @property
    def language(self) -> str:
        """The language every API call asks the backend for (`Accept-Language`)."""
        return self._language

    def set_language(self, language: str) -> None:
        """Ask the backend in `language` from the next call on (documents, event texts)."""
        self._language = language
        if self._client is not None:
            self._client.language = language
        if self._stream is not None:
            self._stream.set_language(language)

    @property
    def client(self) -> CabinetClient:
        if self._client is None:
            from cesec_desktop.api.client import CabinetClient

            self._client = CabinetClient(
                self.server_url,
                on_tokens=self._on_tokens,
                language=self._language,
                traffic=self.traffic.log,
            )
        return self._client

    @property
    def signed_in(self) -> bool:
        return self.me is not None

    @property
    def connection(self) -> Connection:
        return self._connection

    @property
    def accounts(self) -> list[Account]:
        return list(self.me.accounts) if self.me else []

    @property
    def refresh_count(self) -> int:
        return self._client.refresh_count if self._client else 0

    @property
    def stream(self) -> StreamWorker | None:
        """The stream's worker while signed in (diagnostics, tests and benchmarks)."""
        return self._stream

    # --- signing in and out ----------------------------------------------------------------

    @property
    def password_change_reason(self) -> str | None:
        """Why the password must change before anything else ("expired" or "initial"), as
        the sign-in said; None when it need not (or once it was changed)."""
        return self._change_reason

    @property
    def password_expires_at(self) -> datetime | None:
        """When the password expires: from the last tokens, else from the profile."""
        if self._tokens is not None and self._tokens.password_expires_at is not None:
            return self._tokens.password_expires_at
        return self.me.password_expires_at if self.me is not None else None

    async def login(self, login: str, password: str) -> LoginOutcome:
        """Sign in; raises the api's typed errors (bad credentials, locked, unreachable…).

        With this computer remembered for the login, its device token goes along: the
        server may then skip the second factor. One it no longer accepts is simply not
        honoured (the server asks for the factor), so it is kept.
        """
        login = login.strip()
        self.login_name = login
        self._forget_challenges()
        self._reset_login = ""
        device_token = await self.credentials.run("device_token", login)
        answer = await self.client.login(login, password, device_token or None)
        return await self._answered(answer)

    async def send_sign_in_sms(self) -> SmsSent:
        """Send (or resend) the code by SMS for the second factor asked for; with none asked
        but a reset under way, the reset's code. ResendTooSoon within a minute."""
        challenge = self.challenge
        if challenge is None:
            if self.reset_challenge is not None:
                return await self.resend_reset_sms()
            raise RuntimeError("no second factor was asked for")
        sent = await self.client.send_sign_in_sms(challenge.challenge_id)
        self.smsSent.emit(challenge.challenge_id)
        return sent

    async def verify_second_factor(
        self, method: SecondFactorMethod, code: str, *, remember_device: bool = False
    ) -> LoginOutcome:
        """Answer the second factor; SIGNED_IN or PASSWORD_CHANGE_REQUIRED.

        A wrong or expired code (OtpInvalid, OtpExpired) keeps the challenge for another
        try; a dead challenge or a lock (ChallengeExpired, AccountLocked) forgets it: the
        user starts again from the password. An unlock's challenge finishes the unlock.
        """
        from cesec_desktop.api.errors import AccountLocked, ChallengeExpired

        challenge = self.challenge
        if challenge is None:
            raise RuntimeError("no second factor was asked for")
        try:
            tokens = await self.client.verify_second_factor(
                challenge.challenge_id, method, code, remember_device=remember_device
            )
        except (ChallengeExpired, AccountLocked):
            self._forget_challenges()
            raise
        unlocking, previous = self._unlocking, self._unlock_previous
        self._forget_challenges()
        try:
            if unlocking:
                await self._finish_unlock(previous, tokens)
                return LoginOutcome.SIGNED_IN
            return await self._signed_in(tokens)
        finally:
            # Kept even if opening the session failed: the server remembers this computer.
            # After signing in, so a reset by IIN files it under the profile's login.
            if tokens.device_token and self.login_name:
                await self.credentials.run(
                    "save_device_token", self.login_name, tokens.device_token
                )

    def cancel_second_factor(self) -> None:
        """Drop the challenge (the user went back): the next try starts from the password."""
        self._forget_challenges()

    async def forgot_password(self, login: str) -> PasswordResetChallenge:
        """Start a reset for a login or an IIN: the server sends a code by SMS at once.

        The answer is the same whether or not the login exists; it is kept as
        `reset_challenge` for `reset_password`.
        """
        login = login.strip()
        self._forget_challenges()
        challenge = await self.client.forgot_password(login)
        self.reset_challenge = challenge
        self._reset_login = login
        self.smsSent.emit(challenge.challenge_id)
        return challenge

    async def resend_reset_sms(self) -> SmsSent:
        """A new reset code; ResendTooSoon within a minute of the last."""
        challenge = self.reset_challenge
        if challenge is None:
            raise RuntimeError("no password reset under way")
        sent = await self.client.resend_reset_sms(challenge.challenge_id)
        self.smsSent.emit(challenge.challenge_id)
        return sent

    async def reset_password(self, code: str, new_password: str) -> LoginOutcome:
        """Set the new password with the reset code; SIGNED_IN, or SECOND_FACTOR_REQUIRED
        (an authenticator's code still, with `challenge` set).

        A refused password (ValidationFailed password_policy) or a wrong code keeps the
        reset for another try; a dead one (ChallengeExpired, AccountLocked) forgets it.
        """
        from cesec_desktop.api.errors import AccountLocked, ChallengeExpired

        challenge = self.reset_challenge
        if challenge is None:
            raise RuntimeError("no password reset under way")
        try:
            answer = await self.client.reset_password(challenge.challenge_id, code, new_password)
        except (ChallengeExpired, AccountLocked):
            self._forget_challenges()
            raise
        self.reset_challenge = None
        # The typed login may be an IIN: once signed in, the profile's login is used instead.
        self.login_name = self._reset_login
        return await self._answered(answer)

    async def forget_this_device(self) -> None:
        """Stop skipping the second factor on this computer: the server forgets it (when
        signed in, best effort) and the keyring's device token goes."""
        from cesec_desktop.api.errors import CabinetError

        if not self.login_name:
            return
        if self._client is not None and self.signed_in:
            try:
                devices = await self.call(lambda client: client.devices())
                for device in devices:
                    if device.current:
                        await self.call(lambda client, d=device.id: client.forget_device(d))
            except CabinetError as exc:
                # The token is gone here either way; the server lets it lapse in 30 days.
                log.info("the server did not forget this computer (%s)", exc.code)
        await self.credentials.run("delete_device_token", self.login_name)

    async def restore(self, login: str) -> bool:
        """Resume the last session from the refresh token in the keyring; False if none works."""
        token = await self.credentials.run("refresh_token", login)
        if not token:
            return False
        from cesec_desktop.api.errors import CabinetError, NetworkUnreachable, ServerError

        self.login_name = login
        self.keep_session = True
        try:
            tokens = await self.client.restore(token)
            if tokens.password_change_required:
                await self.credentials.run("delete_refresh_token", login)
                return False
            await self._open()
        except CabinetError as exc:
            log.info("could not resume the session (%s)", exc.code)
            if not isinstance(exc, NetworkUnreachable | ServerError):
                # Spent or refused: it will never work again. A network fault is no verdict.
                await self.credentials.run("delete_refresh_token", login)
            return False
        return True

    async def change_password(self, old_password: str, new_password: str) -> None:
        from cesec_desktop.api.errors import CabinetError

        await self.call(lambda client: client.change_password(old_password, new_password))
        self._password_changed()
        try:
            # The new password's expiry is the server's to say.
            await self.reload_profile()
        except CabinetError as exc:
            log.info("profile not reloaded after the password change (%s)", exc.code)

    async def finish_password_change(self, old_password: str, new_password: str) -> None:
        """Change an expired or broker-issued ("initial") password right after login, then
        open the session."""
        await self.client.change_password(old_password, new_password)
        self._password_changed()
        await self._open()

    async def unlock(self, password: str) -> LoginOutcome:
        """Check the password again (idle lock, expired session); keeps everything open.

        The backend checks a password only by signing in, which makes a new session: the one
        from before the lock is ended at once, so the user never has two live sessions.
        A user with a second factor (on a computer not remembered) gets SECOND_FACTOR_REQUIRED:
        `verify_second_factor` then finishes the unlock.
        """
        from cesec_desktop.domain.models.auth import SecondFactorChallenge

        previous = self._tokens
        self._forget_challenges()
        device_token = await self.credentials.run("device_token", self.login_name)
        answer = await self.client.login(self.login_name, password, device_token or None)
        if isinstance(answer, SecondFactorChallenge):
            self.challenge = answer
            self._unlocking = True
            self._unlock_previous = previous
            return LoginOutcome.SECOND_FACTOR_REQUIRED
        await self._finish_unlock(previous, answer)
        return LoginOutcome.SIGNED_IN

    async def _finish_unlock(self, previous: Tokens | None, tokens: Tokens) -> None:
        """The unlock's new session is in: end the one from before, restart the stream."""
        if tokens.password_change_required:
            log.info("password expired while the session was open")
        if previous is not None and previous.refresh_token != tokens.refresh_token:
            await self._end_session(previous.refresh_token)
        stream = self._stream
        if stream is not None:
            # The stream was opened with the old session's token: reconnect with the new one
            # (the subscriptions are kept), in a new worker thread.
            await stream.stop()
            if stream is self._stream:
                self._set_connection(Connection.RECONNECTING)
                stream.start()

    async def logout(self) -> None:
        """End the session at the server, forget the tokens, and say so."""
        from cesec_desktop.api.errors import CabinetError

        await self._tasks.cancel_all()
        await self._stop_stream()
        self._forget_quote_wants()
        if self._client is not None:
            try:
                await self._client.logout()
            except CabinetError as exc:
                log.info("logout at the server failed (%s); tokens forgotten anyway", exc.code)
            await self._client.aclose()
            self._client = None
        self._tokens = None
        self._forget_challenges()
        self._change_reason = None
        if self.login_name:
            await self.credentials.run("delete_refresh_token", self.login_name)
        self.me = None
        self.keep_session = False
        self._prefetched.clear()
        self.signedOut.emit()

    async def close(self) -> None:
        """Stop everything without ending the session at the server (the app is closing)."""
        await self._tasks.cancel_all()
        await self._stop_stream()
        self._forget_quote_wants()
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        # The last calls are in the ring: the HAR file's last write comes after them.
        await self.traffic.aclose()

    # --- calls -----------------------------------------------------------------------------

    async def call(self, action: Callable[[CabinetClient], Awaitable[T]]) -> T:
        """Run one API call; if the session has expired, sign in again in place and resume."""
        from cesec_desktop.api.errors import SessionExpired

        try:
            return await action(self.client)
        except SessionExpired:
            if not await self._ask_to_sign_in_again():
                raise
        return await action(self.client)

    async def reload_profile(self) -> Me:
        me = await self.call(lambda client: client.me())
        self.me = me
        self.profileChanged.emit(me)
        return me

    def subscribe_quotes(
        self, ids: Iterable[str], max_rate_hz: int | None = None, *, parsed: bool = True
    ) -> None:
        """Watch these instruments' quotes, at most `max_rate_hz` updates a second each
        (None: every update the server has), parsed into `quotesReceived` if `parsed`.

        Counted: each call needs one `unsubscribe_quotes` with the same rate and `parsed`.
        """
        rate = _rate_key(max_rate_hz)
        changed: dict[int | None, list[str]] = {}
        for key in dict.fromkeys(ids):
            if not key:
                continue
            wants = self._quote_wants.setdefault(key, Counter())
            before = _effective(wants)
            wants[rate] += 1
            if parsed:
                self._parsed_wants[key] += 1
            after = _effective(wants)
            if after != before:
                changed.setdefault(after, []).append(key)
        if self._stream is not None:
            for effective, keys in changed.items():
                self._stream.subscribe_quotes(keys, effective or None)

    def unsubscribe_quotes(
        self, ids: Iterable[str], max_rate_hz: int | None = None, *, parsed: bool = True
    ) -> None:
        """Stop one watcher of these instruments (as subscribed); the last one unsubscribes."""
        rate = _rate_key(max_rate_hz)
        gone: list[str] = []
        changed: dict[int | None, list[str]] = {}
        for key in dict.fromkeys(ids):
            wants = self._quote_wants.get(key)
            if wants is None or wants[rate] <= 0:
                continue
            before = _effective(wants)
            wants[rate] -= 1
            if wants[rate] == 0:
                del wants[rate]
            if parsed and self._parsed_wants[key] > 0:
                self._parsed_wants[key] -= 1
                if self._parsed_wants[key] == 0:
                    del self._parsed_wants[key]
            if not wants:
                del self._quote_wants[key]
                gone.append(key)
                continue
            after = _effective(wants)
            if after != before:
                changed.setdefault(after, []).append(key)
        if self._stream is not None:
            if gone:
                self._stream.unsubscribe_quotes(gone)
            for effective, keys in changed.items():
                self._stream.subscribe_quotes(keys, effective or None)

    def quotes_subscribed(self, instrument_id: str) -> bool:
        """Whether someone (perhaps someone else) watches this instrument's quotes."""
        return instrument_id in self._quote_wants

    def quote_rate(self, instrument_id: str) -> int | None:
        """The rate the server is asked for (None: every update, or not watched)."""
        wants = self._quote_wants.get(instrument_id)
        return (_effective(wants) or None) if wants else None

    # --- internals -------------------------------------------------------------------------

    async def _end_session(self, refresh_token: str) -> None:
        """Revoke the session `refresh_token` belongs to, in a client of its own.

        Renewing it revokes the old pair; logging out with the renewed pair ends that one too
        (and closes its streams). A session already over refuses the renewal: nothing to end.
        """
        from cesec_desktop.api.client import CabinetClient
        from cesec_desktop.api.errors import CabinetError

        # No on_tokens: the renewed pair must never reach the keyring.
        client = CabinetClient(self.server_url, language=self._language, traffic=self.traffic.log)
        try:
            await client.restore(refresh_token)
            await client.logout()
        except CabinetError as exc:
            log.info("the session before the lock was already over (%s)", exc.code)
        finally:
            await client.aclose()

    async def _answered(self, answer: LoginAnswer) -> LoginOutcome:
        """What a sign-in or reset answered: a challenge to keep, or tokens to sign in with."""
        from cesec_desktop.domain.models.auth import SecondFactorChallenge

        if isinstance(answer, SecondFactorChallenge):
            self.challenge = answer
            return LoginOutcome.SECOND_FACTOR_REQUIRED
        return await self._signed_in(answer)

    async def _signed_in(self, tokens: Tokens) -> LoginOutcome:
        if tokens.password_change_required:
            # An old mock or backend says only "required": that is an expired password.
            self._change_reason = tokens.password_change_reason or "expired"
            return LoginOutcome.PASSWORD_CHANGE_REQUIRED
        self._change_reason = None
        await self._open()
        if self._reset_login and self.me is not None:
            # Reset by IIN: the keyring and the next sign-in know the user by the login.
            self.login_name = self.me.login
        self._reset_login = ""
        return LoginOutcome.SIGNED_IN

    def _password_changed(self) -> None:
        self._change_reason = None
        if self._tokens is not None:
            # The sign-in's expiry was the old password's; the profile now has the new one.
            self._tokens = self._tokens.model_copy(update={"password_expires_at": None})

    def _forget_challenges(self) -> None:
        self.challenge = None
        self.reset_challenge = None
        self._unlocking = False
        self._unlock_previous = None

    async def _ask_to_sign_in_again(self) -> bool:
        if self.reauthenticate is None:
            return False
        log.info("session expired; asking for the password")
        return await self.reauthenticate()

    async def _open(self) -> None:
        self.me = await self.client.me()
        self.profileChanged.emit(self.me)
        self._start_stream()
        if str(getattr(self.me.role, "value", self.me.role)) == "broker":
            await self._prefetch_book()
        self.signedIn.emit()

    async def _prefetch_book(self) -> None:
        """Ask for the book's summary before the window is built: the server values the
        book while the window takes shape (both take a few hundred milliseconds)."""
        import asyncio

        from cesec_desktop.state.book import PAGE_SIZE

        self.prefetch(BOOK_SUMMARY, lambda c: c.all_clients_summary(PAGE_SIZE))
        for _ in range(3):
            await asyncio.sleep(0)  # the request leaves before the window is built

    def prefetch(self, key: str, action: Callable[[CabinetClient], Awaitable[Any]]) -> None:
        """Start a call whose answer `call_prefetched(key, …)` will want soon."""

        async def fetch() -> tuple[bool, Any]:
            from cesec_desktop.state.errors import CabinetError

            try:
                return True, await self.call(action)
            except CabinetError as error:
                return False, error  # the caller asks again, and shows its own error

        self._prefetched[key] = (time.monotonic(), self._tasks.spawn(fetch(), name=key))

    async def call_prefetched(self, key: str, action: Callable[[CabinetClient], Awaitable[T]]) -> T:
        """The prefetched answer for `key` if it is fresh and good, else the call itself."""
        import asyncio

        started, task = self._prefetched.pop(key, (0.0, None))
        if task is not None and time.monotonic() - started <= PREFETCH_FRESH_S:
            try:
                ok, value = await task
            except asyncio.CancelledError:
                ok, value = False, None
            if ok:
                return value  # type: ignore[no-any-return]
        elif task is not None:
            task.cancel()
        return await self.call(action)

    def _start_stream(self) -> None:
        # Imported here: this module is on the path to the login window's first paint.
        import asyncio

        from cesec_desktop.api.stream_worker import StreamWorker

        old = self._stream
        if old is not None:
            # Never two streams (and two threads) for one session. Told at once: the task
            # that waits for the thread may be cancelled before it starts.
            old.request_stop()
            self._tasks.spawn(old.stop(), name="stop-old-stream")
        stream = StreamWorker(
            self.server_url,
            self.client.stream_token,
            # The client's httpx pool belongs to this (the UI) loop: tokens are fetched here.
            token_loop=asyncio.get_running_loop(),
            notify=self._streamEvents.emit,
            notify_quotes=self._quotesPending.emit,
            on_order=self.orderUpdated.emit,
            on_instruction=self.instructionUpdated.emit,
            on_client_summary=self.clientSummaryUpdated.emit,
            on_state=self._on_stream_state,
            on_resync=self.resynced.emit,
            on_error=self._on_stream_error,
            language=self._language,
            traffic=self.traffic.log,
            **self.stream_options,
        )
        stream.subscribe_orders()
        stream.subscribe_instructions()
        by_rate: dict[int | None, list[str]] = {}
        for key, wants in self._quote_wants.items():
            by_rate.setdefault(_effective(wants), []).append(key)
        for rate, keys in by_rate.items():
            stream.subscribe_quotes(keys, rate or None)
        self._stream = stream
        self._set_connection(Connection.RECONNECTING)
        stream.start()

    def _schedule_tick(self) -> None:
        """Quotes changed: tick at once, or when a tick's interval since the last has passed."""
        if self._stream is None or self._quote_timer.isActive():
            return
        wait = self._last_tick + QUOTE_TICK_MS / 1000 - time.monotonic()
        self._quote_timer.start(max(0, round(wait * 1000)))

    def _quote_tick(self) -> None:
        """One display tick: what changed since the last one, in one swap."""
        stream = self._stream
        if stream is None:
            return
        self._last_tick = time.monotonic()
        changes = stream.take_quote_changes()
        if not changes:
            return
        self.quotesChanged.emit(changes)
        if not self._parsed_wants:
            return
        if self.isSignalConnected(QMetaMethod.fromSignal(self.quotesReceived)):
            wanted = self._parsed_wants
            wires = [wire for key, wire in changes.items() if key in wanted]
            if wires:
                from cesec_desktop.api.stream_frames import to_models

                quotes = to_models(wires)
                if quotes:
                    self.quotesReceived.emit(quotes)

    def _drain_stream(self) -> None:
        """The worker queued events (orders, states...): deliver them, in order."""
        if self._stream is not None:
            self._stream.drain_events()

    async def _stop_stream(self) -> None:
        stream, self._stream = self._stream, None
        self._quote_timer.stop()
        if stream is not None:
            # Awaited, not joined: the websocket's close may take a moment and the UI must
            # not freeze for it. Events it had not delivered yet are dropped with it.
            await stream.stop()
        self._set_connection(Connection.OFFLINE)

    def _forget_quote_wants(self) -> None:
        """The session is over: the next one starts with no watchers left over."""
        self._quote_wants.clear()
        self._parsed_wants.clear()

    def _on_stream_state(self, state: object) -> None:
        if self._stream is not None:
            self._set_connection(Connection.of(state))

    def _set_connection(self, state: Connection) -> None:
        if state != self._connection:
            self._connection = state
            self.connectionChanged.emit(state.value)

    def _on_stream_error(self, error: Exception) -> None:
        code = getattr(error, "code", "")
        log.warning("stream gave up (%s)", code)
        if code == "session_expired":
            self.expired.emit()

    def _on_tokens(self, tokens: Tokens) -> None:
        self._tokens = tokens
        if self.keep_session and self.login_name:
            self._tasks.spawn(
                self.credentials.run("save_refresh_token", self.login_name, tokens.refresh_token),
                name="keep-refresh-token",
            )


def _rate_key(max_rate_hz: int | None) -> int:
    if max_rate_hz is None:
        return _FULL_RATE
    if not 1 <= max_rate_hz <= 100:
        raise ValueError(f"max_rate_hz must be 1-100, not {max_rate_hz}")
    return max_rate_hz


def _effective(wants: Counter[int]) -> int | None:
    """The rate to ask the server for: full (`_FULL_RATE`) if anyone wants full, else the
    fastest asked; None if nobody watches."""
    rates = [rate for rate, count in wants.items() if count > 0]
    if not rates:
        return None
    return _FULL_RATE if _FULL_RATE in rates else max(rates)
