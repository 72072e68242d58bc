"""Whose data the app shows: the user's own, or, for a broker, the one client they watch.

A broker has no portfolio of their own: every read names a client (`client_id`), and no
write is allowed. One `ClientScope` per session (`ClientScope.of(session)`) is the single
choice that Home, Portfolio and Orders follow, so that they never disagree about whose
figures are on screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.profile import Account, Client
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)


def role_of(session: Any) -> str:
    """ "broker", "client", or "" before the profile is loaded."""
    me = getattr(session, "me", None)
    if me is None:
        return ""
    return str(getattr(me.role, "value", me.role))


class ClientScope(QObject):
    """The watched client of a broker; for a client user, always their own id.

    Signals:
        clientsLoaded: the broker's client list arrived (`clients`), or failed (`error`).
        loadingChanged(bool): the client list is (no longer) on its way.
        clientChanged(str): another client is watched now (its id; "" for none). Views
            clear what they show at once and load the new client's data.
    """

    clientsLoaded = Signal()
    loadingChanged = Signal(bool)
    clientChanged = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        owner = session if isinstance(session, QObject) else None
        super().__init__(parent if parent is not None else owner)
        self.setObjectName("clientScope")
        self.session = session
        self.clients: list[Client] = []
        self.error: Exception | None = None
        self.generation = 0
        """Goes up with every change of client: a load that started earlier is stale."""
        self._current: str = ""
        self._user_id: str | None = getattr(getattr(session, "me", None), "id", None)
        self._loaded = False
        self._task: asyncio.Task[None] | None = None
        self.tasks = TaskTracker("client-scope", owner=self)
        # Test doubles of a session may lack these signals.
        signed_out = getattr(session, "signedOut", None)
        if signed_out is not None:
            signed_out.connect(self._reset)
        profile_changed = getattr(session, "profileChanged", None)
        if profile_changed is not None:
            profile_changed.connect(self._profile_changed)

    @classmethod
    def of(cls, session: Session) -> ClientScope:
        """The session's one scope (made on first use, owned by the session)."""
        scope = (
            session.findChild(ClientScope, "clientScope") if isinstance(session, QObject) else None
        )
        if scope is None:
            scope = cls(session)
        return scope

    # --- reading ---------------------------------------------------------------------------

    @property
    def is_broker(self) -> bool:
        return role_of(self.session) == "broker"

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def current_client_id(self) -> str:
        """The watched client's id; the user's own id for a client ("" before sign-in)."""
        if self.is_broker:
            return self._current
        me = getattr(self.session, "me", None)
        return me.id if me is not None else ""

    @property
    def query_client_id(self) -> str | None:
        """What read calls pass as `client_id`: None for a client's own data."""
        return self._current or None if self.is_broker else None

    @property
    def ready(self) -> bool:
        """There is someone whose data can be loaded (a broker has picked a client)."""
        return bool(self.current_client_id)

    @property
    def read_only(self) -> bool:
        """Brokers watch; they may not trade, withdraw or edit a client's lists."""
        return self.is_broker

    @property
    def current_client(self) -> Client | None:
        return next((c for c in self.clients if c.id == self._current), None)

    @property
    def accounts(self) -> list[Account]:
        """The sub-accounts of whoever is shown."""
        if self.is_broker:
            client = self.current_client
            return list(client.accounts) if client is not None else []
        return list(getattr(self.session, "accounts", []))

    def owns(self, account_id: str) -> bool:
        """Whether a stream event for this sub-account belongs to whoever is shown.

        A broker's stream carries every watched client's events; a client's only their own.
        """
        if not self.is_broker:
            return True
        return any(a.id == account_id for a in self.accounts)

    # --- changing --------------------------------------------------------------------------

    def select(self, client_id: str) -> None:
        """Watch another client (brokers only); an unknown id is ignored."""
        if not self.is_broker or client_id == self._current:
            return
        if client_id and all(c.id != client_id for c in self.clients):
            log.info("no such client to watch: %s", client_id)
            return
        self._current = client_id
        self.generation += 1
        self.clientChanged.emit(client_id)

    def ensure_loaded(self) -> None:
        """Load a broker's client list, once per sign-in (and again after a failure)."""
        if not self.is_broker or self._loaded or self.loading:
            return
        self._task = self.tasks.spawn(self._load(), name="clients")
        self.loadingChanged.emit(True)

    def reload(self) -> None:
        self._loaded = False
        self.ensure_loaded()

    async def _load(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        user = self._user_id
        try:
            clients = await self.session.call(lambda client: client.clients())
        except CabinetError as exc:
            log.info("the client list did not load (%s)", exc.code)
            self.error = exc
            self.clientsLoaded.emit()
            self.loadingChanged.emit(False)
            return
        finally:
            self._task = None
        if user != self._user_id:
            return
        self.error = None
        self.clients = list(clients)
        self._loaded = True
        self.clientsLoaded.emit()
        self.loadingChanged.emit(False)
        if self.current_client is None:
            self.select(self.clients[0].id if self.clients else "")

    def _profile_changed(self, me: Any) -> None:
        user = getattr(me, "id", None)
        if user != self._user_id:
            self._reset()
            self._user_id = user
            if self.is_broker:
                self.ensure_loaded()

    def _reset(self) -> None:
        for task in self.tasks.pending:
            task.cancel()
        self._task = None
        had = bool(self._current)
        self.clients = []
        self.error = None
        self._loaded = False
        self._user_id = None
        self._current = ""
        self.generation += 1
        if had:
            self.clientChanged.emit("")
