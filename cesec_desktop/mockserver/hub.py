"""Fan-out of stream frames to connected subscribers.

Each WebSocket connection registers a `Subscriber` with a bounded queue of ready-to-send
text frames. Quotes are filtered by the subscriber's ids; order and instruction events by the
user whose data they are (a broker's stream receives its watched clients' events, and their
summaries on the `client_summary` channel). An event's
texts (history messages, reasons) go out in the language its stream asked for on connecting.

Quotes an id was subscribed to with `max_rate_hz` are conflated: the subscriber holds the
newest update of each such id and sends it when the id's interval since its last send has
passed, so it never sends an id more than N times a second and always ends on the newest
state. Time here is the simulator loop's (`MockClock.loop_time`), which tests step.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from cesec_desktop.mockserver.wire import QuoteUpdate, quotes_frame

log = logging.getLogger(__name__)

QUEUE_LIMIT = 2000
QUEUE_TEXT_LIMIT = 128 * 1024 * 1024
"""Characters of frames a subscriber may have waiting (about 4 s of 100,000 updates/s)."""
# Compact JSON: at 20,000 quotes/s serialisation is a quarter of the server's time.
_COMPACT = (",", ":")


@dataclass(eq=False)
class Subscriber:
    user_ids: frozenset[str]
    channels: set[str] = field(default_factory=set)
    quote_ids: set[str] = field(default_factory=set)
    intervals: dict[str, float] = field(default_factory=dict)
    """Conflated quote ids → the least seconds between two sends of the id (1 / max_rate_hz)."""
    held: dict[str, str] = field(default_factory=dict)
    """Conflated ids → the newest update not yet sent (its JSON text)."""
    due: dict[str, float] = field(default_factory=dict)
    """Conflated ids → the loop time from which the id may be sent again."""
    language: str | None = None
    """kk, ru or en from the handshake's Accept-Language; None keeps the bilingual texts."""
    queue: asyncio.Queue[str | None] = field(
        default_factory=lambda: asyncio.Queue(maxsize=QUEUE_LIMIT)
    )
    queued_chars: int = 0
    dropped: bool = False
    session: str = ""
    """The hash of the access token the stream was opened with."""
    ended: bool = False
    """Its session ended (logout): the writer closes with 4401 at once."""

    def put(self, frame: str | None) -> None:
        """Queue a frame; a subscriber that cannot keep up is cut off rather than slowing all."""
        if self.dropped:
            return
        size = len(frame) if frame else 0
        if self.queued_chars + size > QUEUE_TEXT_LIMIT:
            self._drop()
            return
        try:
            self.queue.put_nowait(frame)
        except asyncio.QueueFull:
            self._drop()
            return
        self.queued_chars += size

    async def next_frame(self) -> str | None:
        """The next frame to send (the writer's side of `put`)."""
        frame = await self.queue.get()
        if frame:
            self.queued_chars -= len(frame)
        return frame

    def clear(self) -> None:
        """Forget every waiting frame."""
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queued_chars = 0

    def _drop(self) -> None:
        self.dropped = True
        log.warning("stream subscriber too slow, dropping it")
        self.clear()
        self.queue.put_nowait(None)

    def watch(self, ids: Iterable[str], max_rate_hz: int | None, now: float) -> None:
        """Add quote ids, at most `max_rate_hz` times a second each (None: every update).

        An id keeps the fastest rate it was asked at: full rate stays full rate, and a higher
        N replaces a lower one. The caller sends the ids' snapshot next, which counts as a
        send: it carries the newest state, so whatever was held back is dropped.
        """
        intervals, held, due = self.intervals, self.held, self.due
        for quote_id in ids:
            if max_rate_hz is None:
                intervals.pop(quote_id, None)
                held.pop(quote_id, None)
                due.pop(quote_id, None)
                self.quote_ids.add(quote_id)
                continue
            interval = 1.0 / max_rate_hz
            if quote_id not in self.quote_ids:
                self.quote_ids.add(quote_id)
                intervals[quote_id] = interval
            elif quote_id in intervals:
                intervals[quote_id] = min(intervals[quote_id], interval)
            else:
                continue  # already at full rate
            held.pop(quote_id, None)
            due[quote_id] = now + intervals[quote_id]

    def unwatch(self, ids: Iterable[str] | None = None) -> None:
        """Drop these quote ids (None: all of them)."""
        if ids is None:
            self.quote_ids.clear()
            self.intervals.clear()
            self.held.clear()
            self.due.clear()
            return
        for quote_id in ids:
            self.quote_ids.discard(quote_id)
            self.intervals.pop(quote_id, None)
            self.held.pop(quote_id, None)
            self.due.pop(quote_id, None)

    def conflated_frame(self, updates: list[QuoteUpdate], now: float) -> str:
        """This batch's frame for a subscriber with conflated ids ("" when nothing is due)."""
        ids, intervals, held = self.quote_ids, self.intervals, self.held
        texts: list[str] = []
        for quote_id, text in updates:
            if quote_id in ids:
                if quote_id in intervals:
                    held[quote_id] = text
                else:
                    texts.append(text)
        if held:
            due = self.due
            ready = [i for i in held if due.get(i, 0.0) <= now]
            for quote_id in ready:
                texts.append(held.pop(quote_id))
                due[quote_id] = now + intervals[quote_id]
        return quotes_frame(texts) if texts else ""


class StreamHub:
    def __init__(self) -> None:
        self.subscribers: set[Subscriber] = set()

    def add(self, sub: Subscriber) -> None:
        self.subscribers.add(sub)

    def remove(self, sub: Subscriber) -> None:
        self.subscribers.discard(sub)

    @property
    def watched_quote_ids(self) -> set[str]:
        ids: set[str] = set()
        for sub in self.subscribers:
            if "quotes" in sub.channels:
                ids |= sub.quote_ids
        return ids

    def publish_event(
        self,
        channel: str,
        user_id: str,
        item: dict[str, Any],
        localise: Callable[[dict[str, Any], str | None], dict[str, Any]] | None = None,
    ) -> None:
        """An order or instruction changed: tell every stream that may see that user's data.

        `localise` puts the item's texts in a stream's language (one frame per language).
        """
        frames: dict[str | None, str] = {}
        for sub in self.subscribers:
            if channel in sub.channels and user_id in sub.user_ids:
                language = sub.language if localise is not None else None
                frame = frames.get(language)
                if frame is None:
                    data = localise(item, language) if localise is not None else item
                    frame = json.dumps({"channel": channel, "data": [data]}, separators=_COMPACT)
                    frames[language] = frame
                sub.put(frame)

    def watching(self, channel: str, user_id: str | None = None) -> bool:
        """Whether any stream carries `channel` (for `user_id`'s data, when given)."""
        return any(
            channel in sub.channels and (user_id is None or user_id in sub.user_ids)
            for sub in self.subscribers
        )

    def publish_item(self, channel: str, user_id: str, item: dict[str, Any]) -> None:
        """One object as `{"channel": ..., "data": item}` (not a list) to every stream that
        carries `channel` for that user's data: a broker's client summaries. Never conflated."""
        frame = ""
        for sub in self.subscribers:
            if channel in sub.channels and user_id in sub.user_ids:
                frame = frame or json.dumps({"channel": channel, "data": item}, separators=_COMPACT)
                sub.put(frame)

    def publish_quotes(self, updates: list[QuoteUpdate], now: float) -> None:
        """One batch of quote updates at loop time `now`; each subscriber gets only the ids it
        asked for. Called every batch, even an empty one, so held-back quotes go out."""
        shared: dict[frozenset[str], str] = {}
        for sub in self.subscribers:
            if "quotes" not in sub.channels or not sub.quote_ids:
                continue
            if sub.intervals:
                frame = sub.conflated_frame(updates, now)
            elif not updates:
                continue
            else:
                # Streams watching the same ids at full rate share one frame.
                key = frozenset(sub.quote_ids)
                cached = shared.get(key)
                if cached is None:
                    ids = sub.quote_ids
                    texts = [text for quote_id, text in updates if quote_id in ids]
                    cached = shared[key] = quotes_frame(texts) if texts else ""
                frame = cached
            if frame:
                sub.put(frame)

    def end_session(self, access_hash: str) -> int:
        """Close every stream opened with this access token (logout); returns how many."""
        ended = 0
        for sub in list(self.subscribers):
            if sub.session == access_hash and not sub.ended:
                sub.ended = True
                # Ahead of whatever is queued: the frames already waiting are not sent.
                sub.clear()
                sub.queue.put_nowait(None)
                ended += 1
        return ended

    def drop_all(self) -> None:
        """Close every stream (fault injection): a None frame tells the sender to hang up."""
        for sub in list(self.subscribers):
            sub.put(None)
