"""`StreamWorker`: the stream in a thread of its own, so the UI pays for what it shows.

One `threading.Thread` runs its own asyncio loop with a `StreamClient` on it: it receives,
decodes (msgspec, capped) and files each quote in a `QuoteBook`, the newest quote per
instrument plus the set of instruments that changed. Once per display tick the UI thread
calls `take_quote_changes()`: a swap under a lock that hands over the newest quote of each
instrument that changed since the last tick, however many updates came in between. The UI's
work per tick follows the changed instruments, never the update rate.

Everything else the stream reports (order and instruction events, a broker's client
summaries, connection states, the resync after a reconnect, the final error) is never
conflated: it is queued in order and delivered by `drain_events()` on the thread that calls
it. `notify` (called on the worker thread, at most once until the next drain) tells the UI
thread there is something to drain; `notify_quotes` (likewise, at most once until the next
take) that quotes changed, so a UI whose prices stand still is never woken for them.

Commands from the UI thread (subscribe, unsubscribe, language) are handed to the worker loop
with `call_soon_threadsafe`. The token provider usually belongs to another loop (the UI's
httpx client may only be used there): give that loop as `token_loop` and each token is
awaited there with `run_coroutine_threadsafe`, within `token_timeout`.

No Qt here: the state layer wires `notify` and the tick timer.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from cesec_desktop.api.errors import CabinetError, DeadlineExceeded, NetworkUnreachable
from cesec_desktop.api.stream import ConnectionState, StreamClient, TokenProvider
from cesec_desktop.api.stream_frames import QuoteWire

log = logging.getLogger(__name__)

TOKEN_TIMEOUT = 30.0
"""Seconds a token may take (a refresh is one HTTP call with its own deadline; this is the
backstop if the loop that owns the client is busy or gone)."""
STOP_TIMEOUT = 5.0
"""Seconds `stop` waits for the thread (the websocket's close takes at most ~1 s)."""


class QuoteBook:
    """The newest quote per instrument and the instruments changed since the last take.

    `put` runs on the worker thread, `take_changes` on the UI thread; one lock guards both,
    held for a batch's dict assignments or a tick's swap, never for a decode. `on_dirty` is
    called (on the worker thread, outside the lock) when the first change after a take
    arrives: once per tick at most, and never while nothing changes.
    """

    def __init__(self, on_dirty: Callable[[], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._latest: dict[str, QuoteWire] = {}
        self._dirty: set[str] = set()
        self.on_dirty = on_dirty
        self.received = 0
        """Quotes filed so far (every update, before conflation)."""

    def put(self, quotes: list[QuoteWire]) -> None:
        with self._lock:
            latest, dirty = self._latest, self._dirty
            was_clean = not dirty
            for quote in quotes:
                key = quote.instrument_id
                latest[key] = quote
                dirty.add(key)
            self.received += len(quotes)
        if was_clean and quotes and self.on_dirty is not None:
            try:
                self.on_dirty()
            except Exception:
                log.exception("quote notify failed")

    def take_changes(self) -> dict[str, QuoteWire]:
        """Instrument id -> its newest quote, for each instrument changed since the last take."""
        with self._lock:
            if not self._dirty:
                return {}
            dirty, self._dirty = self._dirty, set()
            latest = self._latest
            return {key: latest[key] for key in dirty}

    def latest(self, instrument_id: str) -> QuoteWire | None:
        with self._lock:
            return self._latest.get(instrument_id)

    def forget(self, ids: Iterable[str]) -> None:
        """Drop unsubscribed instruments, so the book does not grow with every id ever seen."""
        with self._lock:
            for key in ids:
                self._latest.pop(key, None)
                self._dirty.discard(key)


class StreamWorker:
    """One auto-reconnecting stream on a worker thread; see the module docstring.

    The `on_*` callbacks are called by `drain_events()`, on the thread that drains, in the
    order the stream reported them. `quote_sink` (default: the book) is called on the worker
    thread with each decoded batch.
    """

    def __init__(
        self,
        base_url: str,
        token_provider: TokenProvider,
        *,
        token_loop: asyncio.AbstractEventLoop | None = None,
        token_timeout: float = TOKEN_TIMEOUT,
        notify: Callable[[], None] | None = None,
        notify_quotes: Callable[[], None] | None = None,
        on_order: Callable[[Any], None] | None = None,
        on_instruction: Callable[[Any], None] | None = None,
        on_client_summary: Callable[[Any], None] | None = None,
        on_state: Callable[[ConnectionState], None] | None = None,
        on_resync: Callable[[], None] | None = None,
        on_error: Callable[[CabinetError], None] | None = None,
        quote_sink: Callable[[list[QuoteWire]], None] | None = None,
        name: str = "cabinet-stream",
        **stream_options: Any,
    ) -> None:
        self.book = QuoteBook(on_dirty=notify_quotes)
        self.name = name
        self._provider = token_provider
        self._token_loop = token_loop
        self._token_timeout = token_timeout
        self._notify = notify
        self._callbacks: dict[str, Callable[..., None] | None] = {
            "order": on_order,
            "instruction": on_instruction,
            "client_summary": on_client_summary,
            "state": on_state,
            "resync": on_resync,
            "error": on_error,
        }
        self.client = StreamClient(
            base_url,
            self._token,
            on_quote_wires=quote_sink if quote_sink is not None else self.book.put,
            on_order=lambda order: self._queue("order", order),
            on_instruction=lambda item: self._queue("instruction", item),
            on_client_summary=lambda item: self._queue("client_summary", item),
            on_state=lambda state: self._queue("state", state),
            on_resync=lambda: self._queue("resync"),
            on_error=lambda error: self._queue("error", error),
            **stream_options,
        )
        self._lock = threading.Lock()
        """Guards `_loop`: whether commands go to the worker loop or straight to the client."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_signal: asyncio.Future[None] | None = None
        self._thread: threading.Thread | None = None
        self._finished: concurrent.futures.Future[None] | None = None
        self._events_lock = threading.Lock()
        self._events: list[tuple[str, tuple[Any, ...]]] = []
        self._wake_pending = False

    # --- life ------------------------------------------------------------------------------

    @property
    def state(self) -> ConnectionState:
        return self.client.state

    @property
    def running(self) -> bool:
        """The thread is alive (it may be on its way out after `stop`)."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def start(self) -> None:
        """Start the thread and connect; a no-op while it runs. Subscriptions are kept."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                if self._stop_signal is not None and self._stop_signal.done():
                    raise RuntimeError("the stream worker is still stopping; await stop() first")
                return
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._stop_signal = loop.create_future()
            self._finished = concurrent.futures.Future()
            self._thread = threading.Thread(
                target=self._run_thread,
                args=(loop, self._stop_signal, self._finished),
                name=self.name,
                # A last resort: an app that exits without stopping the stream still exits.
                daemon=True,
            )
            self._thread.start()

    async def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Close the connection and end the thread, awaiting it without blocking this loop.

        Returns False if the thread did not end within `timeout` (it is a daemon thread, so it
        cannot keep the app alive). Events not yet drained are dropped.
        """
        finished = self.request_stop()
        if finished is not None:
            try:
                await asyncio.wait_for(asyncio.wrap_future(finished), timeout)
            except TimeoutError:
                log.warning("stream worker did not stop within %.0f s", timeout)
                return False
        return self._joined()

    def stop_blocking(self, timeout: float = STOP_TIMEOUT) -> bool:
        """`stop` for code without a running loop (tests, the very end of the app)."""
        finished = self.request_stop()
        if finished is not None:
            try:
                finished.result(timeout)
            except concurrent.futures.TimeoutError:
                log.warning("stream worker did not stop within %.0f s", timeout)
                return False
        return self._joined()

    def request_stop(self) -> concurrent.futures.Future[None] | None:
        """Tell the thread to stop, now, without waiting (safe from any thread, idempotent).

        `stop` does this first, but a `stop()` coroutine that is cancelled before it starts
        never runs: a caller that hands the waiting to a task calls this itself first, so
        no thread is left reconnecting to a server nobody reads."""
        with self._lock:
            loop, signal, finished = self._loop, self._stop_signal, self._finished
            if loop is not None and signal is not None:
                loop.call_soon_threadsafe(_resolve, signal)
        return finished

    def _joined(self) -> bool:
        thread = self._thread
        if thread is not None:
            thread.join(1.0)  # it has finished its work: this is only the OS thread's exit
        with self._events_lock:
            self._events.clear()
            self._wake_pending = False
        return thread is None or not thread.is_alive()

    def _run_thread(
        self,
        loop: asyncio.AbstractEventLoop,
        stop_signal: asyncio.Future[None],
        finished: concurrent.futures.Future[None],
    ) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._main(stop_signal))
        except Exception:
            log.exception("stream worker failed")
        finally:
            try:
                with self._lock:
                    # From here on, commands go straight to the client; the ones already
                    # queued on this loop run in this last turn, before any later one, so
                    # none is lost and their order holds.
                    self._loop = None
                    loop.run_until_complete(_last_turn())
                _cancel_leftovers(loop)
                loop.run_until_complete(loop.shutdown_asyncgens())
            except Exception:
                log.exception("stream worker did not wind down cleanly")
            finally:
                asyncio.set_event_loop(None)
                loop.close()
                # A stop that timed out cancelled this future (asyncio.wait_for cancels the
                # wrapped future, and the cancel reaches here): nobody waits for it any more.
                with contextlib.suppress(concurrent.futures.InvalidStateError):
                    finished.set_result(None)

    async def _main(self, stop_signal: asyncio.Future[None]) -> None:
        self.client.start()
        try:
            await stop_signal
        finally:
            await self.client.stop()

    # --- commands (any thread) ------------------------------------------------------------

    def subscribe_quotes(self, ids: Iterable[str], max_rate_hz: int | None = None) -> None:
        self._command(self.client.subscribe_quotes, list(ids), max_rate_hz)

    def unsubscribe_quotes(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        self._command(self.client.unsubscribe_quotes, ids)
        self.book.forget(ids)

    def subscribe_orders(self) -> None:
        self._command(self.client.subscribe_orders)

    def subscribe_instructions(self) -> None:
        self._command(self.client.subscribe_instructions)

    def set_language(self, language: str | None) -> None:
        self._command(self.client.set_language, language)

    def _command(self, action: Callable[..., None], *args: Any) -> None:
        with self._lock:
            loop = self._loop
            if loop is not None:
                loop.call_soon_threadsafe(action, *args)
                return
            # No thread: nothing else touches the client now.
            action(*args)

    # --- output (the UI thread) ------------------------------------------------------------

    def take_quote_changes(self) -> dict[str, QuoteWire]:
        """The newest quote of each instrument that changed since the last call."""
        return self.book.take_changes()

    def drain_events(self) -> int:
        """Call the `on_*` callbacks for what happened since the last drain, in order."""
        with self._events_lock:
            events, self._events = self._events, []
            self._wake_pending = False
        for kind, args in events:
            callback = self._callbacks[kind]
            if callback is None:
                continue
            try:
                callback(*args)
            except Exception:
                # The app's bug must not take the other events down with it.
                log.exception("stream %s callback failed", kind)
        return len(events)

    # --- worker thread ---------------------------------------------------------------------

    def _queue(self, kind: str, *args: Any) -> None:
        with self._events_lock:
            self._events.append((kind, args))
            wake = not self._wake_pending
            self._wake_pending = True
        if wake and self._notify is not None:
            try:
                self._notify()
            except Exception:
                log.exception("stream notify failed")

    async def _token(self, refused: str | None) -> str:
        """A token from the provider, on the loop it belongs to, within the deadline."""
        loop = self._token_loop
        if loop is None or loop is asyncio.get_running_loop():
            return await asyncio.wait_for(self._provider(refused), self._token_timeout)
        coroutine = self._provider(refused)
        try:
            future = asyncio.run_coroutine_threadsafe(coroutine, loop)  # type: ignore[arg-type]
        except RuntimeError:
            coroutine.close()  # type: ignore[attr-defined]
            raise NetworkUnreachable("the app's event loop is closed") from None
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self._token_timeout)
        except TimeoutError:
            future.cancel()
            raise DeadlineExceeded("no stream token in time") from None
        except asyncio.CancelledError:
            future.cancel()
            raise


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


async def _last_turn() -> None:
    """One more turn of the loop: runs the callbacks queued before it stopped taking them."""
    await asyncio.sleep(0)


def _cancel_leftovers(loop: asyncio.AbstractEventLoop) -> None:
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        with contextlib.suppress(Exception):
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
