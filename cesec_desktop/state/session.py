"""The signed-in session: one API client and one stream, turned into Qt signals.

The api layer is imported on first use, not with this module, so the login window paints
before httpx, pydantic and websockets are loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QMetaMethod, QObject, Signal

from cesec_desktop.state.connection import Connection
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.i18n import active_language, language_relay
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    from cesec_desktop.api.client import CabinetClient
    from cesec_desktop.api.stream import StreamClient
    from cesec_desktop.domain.models.auth import Tokens
    from cesec_desktop.domain.models.profile import Account, Me

log = logging.getLogger(__name__)

T = TypeVar("T")

Reauthenticator = Callable[[], Awaitable[bool]]
"""Asks the user for the password again and signs in with it; False if they log out."""


class LoginOutcome(Enum):
    SIGNED_IN = "signed_in"
    PASSWORD_CHANGE_REQUIRED = "password_change_required"


def preload() -> None:
    """Import the api layer now (it takes ~0.2 s); called in a worker thread after start-up."""
    import cesec_desktop.api.client
    import cesec_desktop.api.stream  # noqa: F401


class Session(QObject):
    """The user's session with the cabinet.

    Signals:
        signedIn: the profile is loaded; the main window may open.
        signedOut: log-out finished; tokens are forgotten.
        profileChanged(Me): the profile was (re)loaded.
        connectionChanged(str): the stream's state, a `Connection` value.
        quotesReceived(list[Quote]): a batch of quotes from the stream (parsed only while
            something is connected: validation costs ~10 µs a quote).
        quoteDictsReceived(list[dict]): the same batch as raw wire dicts, unparsed; the
            quotes store keeps these and parses only the rows on screen.
        orderUpdated(Order), instructionUpdated(Instruction): status events.
        resynced: the stream came back after a break; re-read what may have been missed.
        expired: the session cannot be renewed; ask for the password (see `reauthenticate`).
    """

    signedIn = Signal()
    signedOut = Signal()
    profileChanged = Signal(object)
    connectionChanged = Signal(str)
    quotesReceived = Signal(list)
    quoteDictsReceived = Signal(list)
    orderUpdated = Signal(object)
    instructionUpdated = Signal(object)
    resynced = Signal()
    expired = Signal()

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
        self.login_name = ""
        self.keep_session = False
        """Keep the refresh token in the keyring (the "remember me" box was ticked)."""
        self.me: Me | None = None
        self.reauthenticate: Reauthenticator | None = None
        self.ncalayer_url: str | None = None
        """Where NCALayer listens; None is its standard address (the demo runs a mock)."""
        self._client: CabinetClient | None = None
        self._tokens: Tokens | None = None
        """The client's latest tokens: an unlock ends the session they belong to."""
        self._stream: StreamClient | None = None
        self._connection = Connection.OFFLINE
        self._tasks = TaskTracker("session")
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
                self.server_url, on_tokens=self._on_tokens, language=self._language
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

    # --- signing in and out ----------------------------------------------------------------

    async def login(self, login: str, password: str) -> LoginOutcome:
        """Sign in; raises the api's typed errors (bad credentials, locked, unreachable…)."""
        login = login.strip()
        self.login_name = login
        tokens = await self.client.login(login, password)
        if tokens.password_change_required:
            return LoginOutcome.PASSWORD_CHANGE_REQUIRED
        await self._open()
        return LoginOutcome.SIGNED_IN

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
        await self.call(lambda client: client.change_password(old_password, new_password))

    async def finish_password_change(self, old_password: str, new_password: str) -> None:
        """Change an expired password right after login, then open the session."""
        await self.client.change_password(old_password, new_password)
        await self._open()

    async def unlock(self, password: str) -> None:
        """Check the password again (idle lock, expired session); keeps everything open.

        The backend checks a password only by signing in, which makes a new session: the one
        from before the lock is ended at once, so the user never has two live sessions.
        """
        previous = self._tokens
        tokens = await self.client.login(self.login_name, password)
        if tokens.password_change_required:
            log.info("password expired while the session was open")
        if previous is not None and previous.refresh_token != tokens.refresh_token:
            await self._end_session(previous.refresh_token)
        if self._stream is not None:
            # The stream was opened with the old session's token: reconnect with the new one
            # (the subscriptions are kept).
            await self._stream.stop()
            self._stream.start()

    async def logout(self) -> None:
        """End the session at the server, forget the tokens, and say so."""
        from cesec_desktop.api.errors import CabinetError

        await self._tasks.cancel_all()
        await self._stop_stream()
        if self._client is not None:
            try:
                await self._client.logout()
            except CabinetError as exc:
                log.info("logout at the server failed (%s); tokens forgotten anyway", exc.code)
            await self._client.aclose()
            self._client = None
        self._tokens = None
        if self.login_name:
            await self.credentials.run("delete_refresh_token", self.login_name)
        self.me = None
        self.keep_session = False
        self.signedOut.emit()

    async def close(self) -> None:
        """Stop everything without ending the session at the server (the app is closing)."""
        await self._tasks.cancel_all()
        await self._stop_stream()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

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

    def subscribe_quotes(self, ids: list[str]) -> None:
        if self._stream is not None:
            self._stream.subscribe_quotes(ids)

    def unsubscribe_quotes(self, ids: list[str]) -> None:
        if self._stream is not None:
            self._stream.unsubscribe_quotes(ids)

    def quotes_subscribed(self, instrument_id: str) -> bool:
        """Whether the stream already carries this instrument (for someone else, perhaps)."""
        return self._stream is not None and instrument_id in self._stream.quote_ids

    # --- internals -------------------------------------------------------------------------

    async def _end_session(self, refresh_token: str) -> None:
        """Revoke the session `refresh_token` belongs to, in a client of its own.

        Renewing it revokes the old pair; logging out with the renewed pair ends that one too
        (and closes its streams). A session already over refuses the renewal: nothing to end.
        """
        from cesec_desktop.api.client import CabinetClient
        from cesec_desktop.api.errors import CabinetError

        # No on_tokens: the renewed pair must never reach the keyring.
        client = CabinetClient(self.server_url, language=self._language)
        try:
            await client.restore(refresh_token)
            await client.logout()
        except CabinetError as exc:
            log.info("the session before the lock was already over (%s)", exc.code)
        finally:
            await client.aclose()

    async def _ask_to_sign_in_again(self) -> bool:
        if self.reauthenticate is None:
            return False
        log.info("session expired; asking for the password")
        return await self.reauthenticate()

    async def _open(self) -> None:
        self.me = await self.client.me()
        self.profileChanged.emit(self.me)
        self._start_stream()
        self.signedIn.emit()

    def _start_stream(self) -> None:
        from cesec_desktop.api.stream import StreamClient

        self._stream = StreamClient(
            self.server_url,
            self.client.stream_token,
            on_quote_dicts=self._on_quote_dicts,
            on_order=self.orderUpdated.emit,
            on_instruction=self.instructionUpdated.emit,
            on_state=self._on_stream_state,
            on_resync=self.resynced.emit,
            on_error=self._on_stream_error,
            language=self._language,
            **self.stream_options,
        )
        self._stream.subscribe_orders()
        self._stream.subscribe_instructions()
        self._stream.start()

    def _on_quote_dicts(self, items: list[dict[str, Any]]) -> None:
        self.quoteDictsReceived.emit(items)
        if self.isSignalConnected(QMetaMethod.fromSignal(self.quotesReceived)):
            from cesec_desktop.api.stream import parse_quotes

            quotes = parse_quotes(items)
            if quotes:
                self.quotesReceived.emit(quotes)

    async def _stop_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            await stream.stop()
        self._set_connection(Connection.OFFLINE)

    def _on_stream_state(self, state: object) -> None:
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
