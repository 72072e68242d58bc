"""The mock's clock: real time plus an offset the tests move through `/mock/clock`."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from cesec_desktop.domain.markets import exchange_date


@dataclass
class MockClock:
    offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        """Aware UTC now, shifted by the offset."""
        return datetime.now(UTC) + self.offset

    def today(self) -> date:
        """The exchange (Almaty) date now."""
        return exchange_date(self.now())

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)

    def set(self, at: datetime) -> None:
        self.offset = at - datetime.now(UTC)

    def loop_time(self) -> float:
        """Seconds for pacing the simulator's loop: monotonic, never moved by `advance`/`set`."""
        return time.monotonic()

    async def pause(self, seconds: float) -> None:
        """The simulator loop's wait between batches; a test's clock moves time here instead."""
        await asyncio.sleep(seconds)


def iso(at: datetime) -> str:
    """Stored and sent timestamps: ISO 8601 with offset, in UTC."""
    return at.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)
