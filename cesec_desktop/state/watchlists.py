"""The client's watchlists: one ordered list of instrument ids per market, kept at the server."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cesec_desktop.domain.enums import Market
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

MARKETS: tuple[Market, ...] = (Market.KASE, Market.AIX, Market.INTL)
"""The order of the Home screen's tables."""


def market_of(instrument_id: str) -> Market | None:
    """`KASE:HSBK` → Market.KASE; None for an id without a known market."""
    prefix, _, _ = instrument_id.partition(":")
    try:
        return Market(prefix)
    except ValueError:
        return None


class WatchlistStore(QObject):
    """Watchlists loaded with `load()`; every edit is shown at once and saved in the background.

    Signals:
        loaded: the lists came from the server (after `load()`).
        changed(str): one market's list changed (a `Market` value).
        failed(object): loading or saving raised this api error; the lists were reloaded
            (a failed save) or left as they were (a failed load).
    """

    loaded = Signal()
    changed = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        session: Session | None,
        parent: QObject | None = None,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._lists: dict[Market, list[str]] = {m: [] for m in MARKETS}
        self._loaded = False
        self._save_lock: asyncio.Lock | None = None
        self.client_id: str | None = None
        """A broker's watched client, whose lists are read (None: the user's own)."""
        self._generation = 0
        self.tasks = tasks if tasks is not None else TaskTracker("watchlists", owner=self)

    # --- reading ---------------------------------------------------------------------------

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def ids(self, market: Market | str) -> list[str]:
        return list(self._lists.get(Market(market), []))

    def all_ids(self) -> list[str]:
        return [i for m in MARKETS for i in self._lists[m]]

    def contains(self, instrument_id: str) -> bool:
        market = market_of(instrument_id)
        return market is not None and instrument_id in self._lists.get(market, [])

    @property
    def editable(self) -> bool:
        """Brokers see a client's lists but may not change them."""
        me = self.session.me if self.session is not None else None
        role = getattr(getattr(me, "role", None), "value", "client")
        return role != "broker"

    # --- loading and saving ----------------------------------------------------------------

    async def load(self) -> None:
        """Read every market's list from the server (GET /watchlists)."""
        if self.session is None:
            return
        from cesec_desktop.state.errors import CabinetError

        generation, client_id = self._generation, self.client_id
        try:
            result = await self.session.call(lambda client: client.watchlists(client_id=client_id))
        except CabinetError as exc:
            if generation != self._generation:
                return
            log.info("watchlists could not be loaded (%s)", exc.code)
            self.failed.emit(exc)
            return
        if generation != self._generation:
            return  # another client was chosen meanwhile: never show this one's lists
        for item in result.items:
            if item.market in self._lists:
                self._lists[item.market] = list(item.instrument_ids)
        self._loaded = True
        for market in MARKETS:
            self.changed.emit(market.value)
        self.loaded.emit()

    def show_client(self, client_id: str | None) -> None:
        """Show another client's lists (brokers): empty at once, until `load()` brings them."""
        self._generation += 1
        self.client_id = client_id
        self._loaded = False
        for market in MARKETS:
            if self._lists[market]:
                self._lists[market] = []
                self.changed.emit(market.value)

    async def save(self, market: Market | str) -> None:
        """Write one market's list (PUT /watchlists/{market}); reload it if that fails."""
        if self.session is None or not self.editable:
            return
        import asyncio

        from cesec_desktop.state.errors import CabinetError

        market = Market(market)
        if self._save_lock is None:
            self._save_lock = asyncio.Lock()
        # One save at a time, each sending the list as it is then: the last edit always wins.
        error: CabinetError | None = None
        async with self._save_lock:
            ids = list(self._lists[market])
            try:
                saved = await self.session.call(
                    lambda client: client.set_watchlist(market.value, ids)
                )
            except CabinetError as exc:
                error = exc
        if error is not None:
            log.info("watchlist %s could not be saved (%s)", market.value, error.code)
            self.failed.emit(error)
            await self.load()
            return
        if saved.instrument_ids != self._lists[market] and ids == self._lists[market]:
            self._lists[market] = list(saved.instrument_ids)
            self.changed.emit(market.value)

    # --- editing ---------------------------------------------------------------------------

    def set_ids(self, market: Market | str, ids: list[str], save: bool = True) -> None:
        """Replace a market's list (the editor's result); saved unless `save` is False."""
        market = Market(market)
        ids = list(dict.fromkeys(ids))
        if ids == self._lists[market]:
            return
        self._lists[market] = ids
        self.changed.emit(market.value)
        if save:
            self._save_later(market)

    def add(self, instrument_id: str, save: bool = True) -> bool:
        """Append an instrument to its market's list; False if it is there already."""
        market = market_of(instrument_id)
        if market is None or market not in self._lists:
            raise ValueError(f"no watchlist for {instrument_id!r}")
        if instrument_id in self._lists[market]:
            return False
        self.set_ids(market, [*self._lists[market], instrument_id], save)
        return True

    def remove(self, instrument_id: str, save: bool = True) -> bool:
        market = market_of(instrument_id)
        if market is None or instrument_id not in self._lists.get(market, []):
            return False
        self.set_ids(market, [i for i in self._lists[market] if i != instrument_id], save)
        return True

    def move(self, market: Market | str, source: int, destination: int, save: bool = True) -> None:
        """Move the row at `source` so that it ends up at `destination`."""
        ids = self.ids(market)
        if not (0 <= source < len(ids)) or not (0 <= destination < len(ids)):
            raise IndexError("row out of range")
        ids.insert(destination, ids.pop(source))
        self.set_ids(market, ids, save)

    def _save_later(self, market: Market) -> None:
        if self.session is not None:
            self.tasks.spawn(self.save(market), name=f"save-watchlist-{market.value}")
