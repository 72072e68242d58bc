"""`StreamClient`: quotes, order and instruction events over `WS /api/v1/stream`.

It keeps one connection up: reconnects with backoff (1 s doubling to 30 s, plus jitter),
subscribes again to everything and calls `on_resync` so the app re-reads what it may have
missed. A connection that stays silent for twice the server's 15 s ping is dropped and
replaced. Close code 4401 asks the token provider for a fresh token (it may refresh the
session); 4403 (password expired) or a session that cannot be renewed ends in OFFLINE.

Frames are decoded by `stream_frames.decode_frame` (msgspec, every string capped); an unreadable
frame is skipped with a rate-limited warning and the connection carries on. Quotes reach the
app in one of three shapes:
- `on_quote_wires(list[QuoteWire])`: the typed wire structs (decimal strings, receive time
  stamped), no further work. What `StreamWorker` keeps, newest per instrument.
- `on_quotes(list[Quote])`: validated domain models. Validation costs ~8-15 µs a quote (pydantic
  plus a Python Decimal validator per field), i.e. 15-30 % of a core at 20,000 updates/s.
- `on_quote_dicts(list[dict])`: plain wire dicts (decimal strings), for simple consumers.
Set any of them; with none, quote frames are read and dropped.

A quotes subscription may ask the server to conflate (`max_rate_hz`, API.md "Stream"): at most
that many updates an instrument a second, always the newest. Each id keeps the rate it was last
subscribed with; subscribing it again with another rate changes it.

All callbacks run on the event loop that runs the stream (`StreamWorker` runs it in a thread of
its own); an exception in one is logged and the stream carries on.

With `traffic`, every handshake and every frame, both ways, is also filed there as it is (one
append per frame, on the stream's thread: see `api/traffic_log.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pydantic import TypeAdapter, ValidationError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from cesec_desktop.api.device import identity_headers
from cesec_desktop.api.errors import CabinetError, PasswordExpired, SessionExpired
from cesec_desktop.api.stream_frames import (
    QuoteWire,
    Throttle,
    UnreadableFrame,
    decode_frame,
    wire_dict,
)
from cesec_desktop.api.transport import is_loopback, ssl_context, stream_url
from cesec_desktop.domain.models.base import Model
from cesec_desktop.domain.models.book import ClientSummary
from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.domain.models.market import Quote
from cesec_desktop.domain.models.orders import Order
from cesec_desktop.domain.models.untrusted_json import UnreadableJson, loads

if TYPE_CHECKING:
    from websockets.http11 import Request, Response

    from cesec_desktop.api.traffic_log import Direction, TrafficLog

log = logging.getLogger(__name__)

TokenProvider = Callable[[str | None], Awaitable[str]]
"""Gives the access token to connect with. Called with None normally, and with the token the
server just refused (close 4401) to get a newer one; it raises SessionExpired when none can be
had. `CabinetClient.stream_token` is one."""

PING_INTERVAL = 15.0
"""The server's ping period (API.md)."""
CLOSE_SESSION_EXPIRED = 4401
CLOSE_PASSWORD_EXPIRED = 4403
IDS_PER_COMMAND = 1000
"""The server takes at most this many ids in one subscribe command."""
MAX_RATE_HZ = 100
"""The highest conflation rate the API takes (API.md: 1-100)."""
MAX_FRAME = 8 * 1024 * 1024
"""A snapshot of 2,000 quotes is under 1 MB; leave room."""

_QUOTES = TypeAdapter(list[Quote])
CLIENT_SUMMARY = "client_summary"
"""A broker's stream carries it from the start, unasked (API.md "Stream")."""
_EVENT_MODELS: dict[str, type[Model]] = {
    "orders": Order,
    "instructions": Instruction,
    CLIENT_SUMMARY: ClientSummary,
}

# Older websockets releases neither read proxy settings nor take this argument.
_NO_PROXY: dict[str, Any] = (
    {"proxy": None} if "proxy" in inspect.signature(connect.__init__).parameters else {}
)


class ConnectionState(StrEnum):
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


@dataclass
class _Outcome:
    """How one connection attempt ended."""

    went_online: bool = False
    close_code: int | None = None


def parse_quotes(items: list[Any]) -> list[Quote]:
    """Validate a batch; a malformed item is skipped (and counted in the log), not fatal."""
    try:
        return _QUOTES.validate_python(items)
    except ValidationError:
        pass
    quotes: list[Quote] = []
    for item in items:
        try:
            quotes.append(Quote.model_validate(item))
        except ValidationError:
            continue
    log.warning("skipped %d malformed quotes", len(items) - len(quotes))
    return quotes


class StreamClient:
    """One auto-reconnecting stream; see the module docstring for the callbacks."""

    def __init__(
        self,
        base_url: str,
        token_provider: TokenProvider,
        *,
        on_quotes: Callable[[list[Quote]], None] | None = None,
        on_quote_wires: Callable[[list[QuoteWire]], None] | None = None,
        on_quote_dicts: Callable[[list[dict[str, Any]]], None] | None = None,
        on_order: Callable[[Order], None] | None = None,
        on_instruction: Callable[[Instruction], None] | None = None,
        on_client_summary: Callable[[ClientSummary], None] | None = None,
        on_state: Callable[[ConnectionState], None] | None = None,
        on_resync: Callable[[], None] | None = None,
        on_error: Callable[[CabinetError], None] | None = None,
        silence_timeout: float = 2 * PING_INTERVAL,
        backoff_initial: float = 1.0,
        backoff_max: float = 30.0,
        open_timeout: float = 10.0,
        settle_time: float = 0.3,
        language: str | None = None,
        traffic: TrafficLog | None = None,
    ) -> None:
        self.url = stream_url(base_url)
        self.traffic = traffic
        """Where handshakes and frames are also filed (the session's ring); None: nowhere."""
        self._connection_id = 0
        """The current connection's id in `traffic` (0: none)."""
        self.language = language
        """Asked for at the handshake (`Accept-Language`): the language of event texts."""
        self._ws: ClientConnection | None = None
        self._switching = False
        """The connection is being replaced on purpose (a language change): stay ONLINE."""
        self._token_provider = token_provider
        self.on_quotes = on_quotes
        self.on_quote_wires = on_quote_wires
        self.on_quote_dicts = on_quote_dicts
        self.on_order = on_order
        self.on_instruction = on_instruction
        self.on_client_summary = on_client_summary
        """A broker's stream: a watched client's new figures (never conflated, in order)."""
        self.on_state = on_state
        self.on_resync = on_resync
        self.on_error = on_error
        """Called once when the stream gives up for good (SessionExpired, PasswordExpired)."""
        self.silence_timeout = silence_timeout
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.open_timeout = open_timeout
        self.settle_time = settle_time
        """A connection counts as online once it survives this long or delivers a frame: the
        server accepts before it checks the token, so a refusal arrives as an early close."""
        self._state = ConnectionState.OFFLINE
        # id -> its conflation rate (None: every update); resubscribed in the order asked.
        self._quote_ids: dict[str, int | None] = {}
        self._channels: set[str] = set()
        self._outbox: asyncio.Queue[str] | None = None
        self._task: asyncio.Task[None] | None = None
        self.connections = 0
        """Connections that went online so far (diagnostics and tests)."""
        self.frames = 0
        """Frames received so far."""
        self.unreadable = 0
        """Frames and quotes skipped as unreadable so far."""
        self._warn = Throttle()

    # --- public API ------------------------------------------------------------------------

    @property
    def state(self) -> ConnectionState:
        return self._state

    @property
    def quote_ids(self) -> list[str]:
        return list(self._quote_ids)

    def start(self) -> None:
        """Connect in the background (inside the running loop); a no-op if already running."""
        if self._task is not None and not self._task.done():
            return
        self._set_state(ConnectionState.RECONNECTING)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="cabinet-stream")

    async def stop(self) -> None:
        """Close the connection and stay OFFLINE; subscriptions are kept for a later start()."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._outbox = None
        self._set_state(ConnectionState.OFFLINE)

    def set_language(self, language: str | None) -> None:
        """Event texts in another language: reconnect so the handshake asks for it (the
        reconnect's resync re-reads what the lists hold)."""
        if language == self.language:
            return
        self.language = language
        ws = self._ws
        if ws is not None:
            self._switching = True
            asyncio.get_running_loop().create_task(ws.close(), name="cabinet-stream-relanguage")

    def quote_rate(self, instrument_id: str) -> int | None:
        """The conflation rate asked for an id (None: every update, or not subscribed)."""
        return self._quote_ids.get(instrument_id)

    def subscribe_quotes(self, ids: Iterable[str], max_rate_hz: int | None = None) -> None:
        """Quotes for `ids`, conflated by the server to `max_rate_hz` (None: every update).

        Ids already subscribed at that rate are left alone; at another rate, they change to it.
        """
        rate = _check_rate(max_rate_hz)
        fresh = [
            i
            for i in dict.fromkeys(ids)
            if i and (i not in self._quote_ids or self._quote_ids[i] != rate)
        ]
        if not fresh:
            return
        slower = [i for i in fresh if i in self._quote_ids and _slower(rate, self._quote_ids[i])]
        if slower:
            # A server keeps the fastest rate an id was asked at: to slow one down, drop it
            # first (the subscribe's snapshot follows at once, so nothing is missed).
            for command in _quote_commands("unsubscribe", slower):
                self._post(command)
        self._quote_ids.update(dict.fromkeys(fresh, rate))
        for command in _quote_commands("subscribe", fresh, rate):
            self._post(command)

    def unsubscribe_quotes(self, ids: Iterable[str]) -> None:
        gone = [i for i in dict.fromkeys(ids) if i in self._quote_ids]
        if not gone:
            # An empty unsubscribe would drop every quote at the server: never send one.
            return
        for i in gone:
            del self._quote_ids[i]
        for command in _quote_commands("unsubscribe", gone):
            self._post(command)

    def subscribe_orders(self) -> None:
        self._subscribe_channel("orders")

    def subscribe_instructions(self) -> None:
        self._subscribe_channel("instructions")

    # --- connection loop -------------------------------------------------------------------

    async def _run(self) -> None:
        delay = self.backoff_initial
        refused: str | None = None
        refusals = 0
        while True:
            if not self._switching:
                self._set_state(ConnectionState.RECONNECTING)
            try:
                token = await self._token_provider(refused)
            except (SessionExpired, PasswordExpired) as exc:
                self._give_up(exc)
                return
            except CabinetError as exc:
                log.info("stream: no token yet (%s); retrying", exc.code)
                await asyncio.sleep(_jitter(delay))
                delay = min(delay * 2, self.backoff_max)
                continue
            outcome = await self._connect_once(token)
            if outcome.went_online:
                delay = self.backoff_initial
                refusals = 0
            if outcome.close_code == CLOSE_PASSWORD_EXPIRED:
                self._give_up(PasswordExpired())
                return
            if outcome.close_code == CLOSE_SESSION_EXPIRED:
                refusals += 1
                if refusals > 2:
                    # Fresh tokens keep being refused: more refreshing will not help.
                    self._give_up(SessionExpired())
                    return
                refused = token
                if refusals == 1:
                    continue  # the usual case, an expired token: reconnect at once
            else:
                refused = None
            if self._switching and outcome.went_online:
                # Closed on purpose to ask in another language: back at once, and not a
                # lost connection for the user.
                continue
            self._switching = False
            self._set_state(ConnectionState.RECONNECTING)
            await asyncio.sleep(_jitter(delay))
            delay = min(delay * 2, self.backoff_max)

    async def _connect_once(self, token: str) -> _Outcome:
        outcome = _Outcome()
        options: dict[str, Any] = dict(_NO_PROXY)
        if self.url.startswith("wss://"):
            options["ssl"] = ssl_context()
        host = urlsplit(self.url).hostname or ""
        started, clock = time.time(), time.monotonic()
        self._connection_id = 0
        try:
            ws = await connect(
                self.url,
                additional_headers=self._headers(token),
                open_timeout=self.open_timeout,
                close_timeout=1.0,
                # The server's own {"op":"ping"} is the liveness signal; one mechanism is enough.
                ping_interval=None,
                max_size=MAX_FRAME,
                # Deflate costs CPU on both ends at thousands of frames a second; it pays only
                # over a real network.
                compression=None if is_loopback(host) else "deflate",
                **options,
            )
            if self.traffic is not None:
                self._connection_id = self._record_open(ws.request, ws.response, started, clock)
            try:
                await self._serve(ws, outcome)
            finally:
                # A plain 1000 close, also on stop() (`async with` would say 1011 on a cancel).
                await ws.close()
                if self.traffic is not None and self._connection_id:
                    self.traffic.ws_close(self._connection_id, ws.close_code)
                    self._connection_id = 0
        except ConnectionClosed as exc:
            outcome.close_code = exc.rcvd.code if exc.rcvd is not None else None
            log.info("stream closed (code %s)", outcome.close_code)
        except InvalidStatus as exc:
            # A backend that refuses at the handshake instead of closing after it.
            status = exc.response.status_code
            outcome.close_code = {401: CLOSE_SESSION_EXPIRED, 403: CLOSE_PASSWORD_EXPIRED}.get(
                status
            )
            log.info("stream refused with HTTP %d", status)
            if self.traffic is not None:
                refused = self._record_open(None, exc.response, started, clock, token)
                self.traffic.ws_close(refused, None)
        except (OSError, TimeoutError, InvalidHandshake) as exc:
            log.info("stream cannot connect (%s)", type(exc).__name__)
        except Exception:
            # Whatever went wrong, a dead background task would leave the app silently stale.
            log.exception("stream connection failed unexpectedly")
        finally:
            self._outbox = None
        return outcome

    def _record_open(
        self,
        request: Request | None,
        response: Response | None,
        started: float,
        clock: float,
        token: str = "",
    ) -> int:
        """File a handshake; `token` stands in for a request websockets did not keep."""
        assert self.traffic is not None
        if request is not None:
            sent = list(request.headers.raw_items())
        else:
            sent = list(self._headers(token).items())
        return self.traffic.ws_open(
            self.url,
            sent,
            started=started,
            status=response.status_code if response is not None else 0,
            reason=response.reason_phrase if response is not None else "",
            response_headers=list(response.headers.raw_items()) if response is not None else [],
            handshake_ms=(time.monotonic() - clock) * 1000,
        )

    def _headers(self, token: str) -> dict[str, str]:
        # This computer's name and the app's version, as on every call (api/device.py).
        headers = {**identity_headers(), "Authorization": f"Bearer {token}"}
        if self.language:
            headers["Accept-Language"] = self.language
        return headers

    async def _serve(self, ws: ClientConnection, outcome: _Outcome) -> None:
        self._ws = ws
        try:
            await self._serve_frames(ws, outcome)
        finally:
            self._ws = None

    async def _serve_frames(self, ws: ClientConnection, outcome: _Outcome) -> None:
        outbox: asyncio.Queue[str] = asyncio.Queue()
        for command in self._all_subscriptions():
            outbox.put_nowait(command)
        self._outbox = outbox
        record = self._recorder("send")
        sender = asyncio.create_task(_send_all(ws, outbox, record), name="cabinet-stream-sender")
        received = self._recorder("receive")
        try:
            try:
                # Bytes, not text: the decoder checks UTF-8 itself (no str round trip).
                first: str | bytes | None = await asyncio.wait_for(
                    ws.recv(decode=False), self.settle_time
                )
            except TimeoutError:
                first = None
            outcome.went_online = True
            self.connections += 1
            self._switching = False
            self._set_state(ConnectionState.ONLINE)
            if self.connections > 1:
                self._call(self.on_resync)
            if first is not None:
                if received is not None:
                    received(first)
                self._handle(first)
            while True:
                try:
                    async with asyncio.timeout(self.silence_timeout):
                        raw = await ws.recv(decode=False)
                except TimeoutError:
                    log.warning("stream silent for %.0f s; reconnecting", self.silence_timeout)
                    return
                if received is not None:
                    received(raw)
                self._handle(raw)
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
                await sender

    def _recorder(self, direction: Direction) -> Callable[[str | bytes], None] | None:
        """Files one frame of the current connection in `traffic`; None when not recording."""
        traffic, connection = self.traffic, self._connection_id
        if traffic is None or not connection:
            return None
        return lambda data: traffic.ws_message(connection, direction, data)

    # --- frames ----------------------------------------------------------------------------

    def _handle(self, raw: str | bytes) -> None:
        self.frames += 1
        try:
            # Capped and depth-limited: `[` × 100,000 must be one skipped frame, not a
            # RecursionError that drops the connection.
            frame = decode_frame(raw, max_size=MAX_FRAME, received_at=time.monotonic())
        except UnreadableFrame as exc:
            self._unreadable("an unreadable frame skipped (%s)", exc.reason)
            return
        if frame.quotes is not None:
            if frame.skipped:
                self._unreadable("%d malformed quotes skipped", frame.skipped, count=frame.skipped)
            if frame.quotes:
                self._deliver_quotes(frame.quotes)
            return
        if frame.op == "ping":
            self._post({"op": "pong"})
            return
        if frame.op == "error":
            log.warning("stream error from server: %s", frame.code)
            return
        callback = {
            "orders": self.on_order,
            "instructions": self.on_instruction,
            CLIENT_SUMMARY: self.on_client_summary,
        }.get(frame.channel)
        if callback is None or not frame.raw_data:
            return
        try:
            data = loads(frame.raw_data, max_size=MAX_FRAME)
        except UnreadableJson as exc:
            self._unreadable("an unreadable frame skipped (%s)", exc.reason)
            return
        if isinstance(data, dict) and frame.channel == CLIENT_SUMMARY:
            data = [data]  # a summary comes as one object, not a list
        if not isinstance(data, list):
            return
        model = _EVENT_MODELS[frame.channel]
        for item in data:
            self._deliver(model, item, callback)

    def _deliver_quotes(self, quotes: list[QuoteWire]) -> None:
        if self.on_quote_wires is not None:
            self._call(self.on_quote_wires, quotes)
        if self.on_quote_dicts is None and self.on_quotes is None:
            return
        dicts = [wire_dict(q) for q in quotes]
        if self.on_quote_dicts is not None:
            self._call(self.on_quote_dicts, dicts)
        if self.on_quotes is not None:
            models = parse_quotes(dicts)
            if models:
                self._call(self.on_quotes, models)

    def _unreadable(self, message: str, *args: object, count: int = 1) -> None:
        """A warning at most every 10 s however hostile the server; the rest are counted."""
        self.unreadable += count
        if self._warn.allow():
            suppressed = self._warn.take_suppressed()
            more = f" ({suppressed} more since the last warning)" if suppressed else ""
            log.warning("stream: " + message + more, *args)

    def _deliver(self, model: type[Model], item: Any, callback: Any) -> None:
        try:
            parsed = model.model_validate(item)
        except ValidationError:
            log.warning("stream: malformed %s event skipped", model.__name__)
            return
        self._call(callback, parsed)

    # --- helpers ---------------------------------------------------------------------------

    def _subscribe_channel(self, channel: str) -> None:
        if channel in self._channels:
            return
        self._channels.add(channel)
        self._post({"op": "subscribe", "channel": channel})

    def _all_subscriptions(self) -> list[str]:
        commands = [json.dumps({"op": "subscribe", "channel": c}) for c in sorted(self._channels)]
        by_rate: dict[int | None, list[str]] = {}
        for key, rate in self._quote_ids.items():
            by_rate.setdefault(rate, []).append(key)
        for rate, ids in by_rate.items():
            commands += [json.dumps(c) for c in _quote_commands("subscribe", ids, rate)]
        return commands

    def _post(self, command: dict[str, Any]) -> None:
        """Send when connected; while not, the full set goes out on the next connect anyway."""
        if self._outbox is not None:
            self._outbox.put_nowait(json.dumps(command))

    def _set_state(self, state: ConnectionState) -> None:
        if state is self._state:
            return
        self._state = state
        log.info("stream %s", state.value)
        self._call(self.on_state, state)

    def _give_up(self, error: CabinetError) -> None:
        log.warning("stream stopped: %s", error.code)
        self._set_state(ConnectionState.OFFLINE)
        self._call(self.on_error, error)

    @staticmethod
    def _call(callback: Callable[..., None] | None, *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            # The app's bug must not take the market data down with it.
            log.exception("stream callback %r failed", callback)


async def _send_all(
    ws: ClientConnection,
    outbox: asyncio.Queue[str],
    record: Callable[[str | bytes], None] | None = None,
) -> None:
    """Commands go out one at a time, in the order they were made."""
    while True:
        command = await outbox.get()
        await ws.send(command)
        if record is not None:
            record(command)


def _quote_commands(op: str, ids: list[str], rate: int | None = None) -> list[dict[str, Any]]:
    commands: list[dict[str, Any]] = [
        {"op": op, "channel": "quotes", "ids": ids[i : i + IDS_PER_COMMAND]}
        for i in range(0, len(ids), IDS_PER_COMMAND)
    ]
    if rate is not None:
        # Only when asked: a full-rate subscription is the command as it always was.
        for command in commands:
            command["max_rate_hz"] = rate
    return commands


def _slower(new: int | None, old: int | None) -> bool:
    """Whether rate `new` is slower than `old` (None: every update, the fastest)."""
    return new is not None and (old is None or new < old)


def _check_rate(rate: int | None) -> int | None:
    if rate is not None and not 1 <= rate <= MAX_RATE_HZ:
        raise ValueError(f"max_rate_hz must be 1-{MAX_RATE_HZ}, not {rate}")
    return rate


def _jitter(delay: float) -> float:
    """Up to 10 % more, so many clients cut off together do not all return together."""
    return delay + random.uniform(0, delay / 10)
