"""Fan-out of stream frames to connected subscribers.

Each WebSocket connection registers a `Subscriber` with a bounded queue of ready-to-send
text frames. Quotes are filtered by the subscriber's ids; order and instruction events by the
user whose data they are (a broker's stream receives its watched clients' events). An event's
texts (history messages, reasons) go out in the language its stream asked for on connecting.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

QUEUE_LIMIT = 2000
# Compact JSON: at 20,000 quotes/s serialisation is a quarter of the server's time.
_COMPACT = (",", ":")


@dataclass(eq=False)
class Subscriber:
    user_ids: frozenset[str]
    channels: set[str] = field(default_factory=set)
    quote_ids: set[str] = field(default_factory=set)
    language: str | None = None
    """kk, ru or en from the handshake's Accept-Language; None keeps the bilingual texts."""
    queue: asyncio.Queue[str | None] = field(
        default_factory=lambda: asyncio.Queue(maxsize=QUEUE_LIMIT)
    )
    dropped: bool = False
    session: str = ""
    """The hash of the access token the stream was opened with."""
    ended: bool = False
    """Its session ended (logout): the writer closes with 4401 at once."""

    def put(self, frame: str | None) -> None:
        """Queue a frame; a subscriber that cannot keep up is cut off rather than slowing all."""
        try:
            self.queue.put_nowait(frame)
        except asyncio.QueueFull:
            self.dropped = True
            log.warning("stream subscriber too slow, dropping it")
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(None)


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

    def publish_quotes(self, quotes: list[dict[str, Any]]) -> None:
        """One batch of quote updates; each subscriber gets only the ids it asked for."""
        if not quotes:
            return
        cache: dict[frozenset[str], str] = {}
        for sub in self.subscribers:
            if "quotes" not in sub.channels or not sub.quote_ids:
                continue
            key = frozenset(sub.quote_ids)
            frame = cache.get(key)
            if frame is None:
                data = [q for q in quotes if q["instrument_id"] in sub.quote_ids]
                frame = (
                    json.dumps({"channel": "quotes", "data": data}, separators=_COMPACT)
                    if data
                    else ""
                )
                cache[key] = frame
            if frame:
                sub.put(frame)

    def end_session(self, access_hash: str) -> int:
        """Close every stream opened with this access token (logout); returns how many."""
        ended = 0
        for sub in list(self.subscribers):
            if sub.session == access_hash and not sub.ended:
                sub.ended = True
                # Ahead of whatever is queued: the frames already waiting are not sent.
                while not sub.queue.empty():
                    sub.queue.get_nowait()
                sub.queue.put_nowait(None)
                ended += 1
        return ended

    def drop_all(self) -> None:
        """Close every stream (fault injection): a None frame tells the sender to hang up."""
        for sub in list(self.subscribers):
            sub.put(None)
