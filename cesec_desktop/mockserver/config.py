"""Settings of one mock backend instance (CLI flags and test fixtures build one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from cesec_desktop.domain.enums import Market

if TYPE_CHECKING:
    from cesec_desktop.mockserver.scenario_source import ScenarioSource


@dataclass
class ServerConfig:
    db_path: str = ":memory:"
    seed: int = 2026
    always_open: bool = False
    tick_rate: float = 50.0
    """Quote updates per second across all instruments while their markets are open."""
    history_size: int = 600
    """Transactions of seeded history for the demo client (hundreds by default, up to 100,000)."""
    synthetic_instruments: int = 0
    """Extra hidden test instruments (KASE:SYN0001…) for load tests over many tickers."""
    broker_clients: int | None = None
    """Clients the broker watches: None keeps the seed's four; N gives N (generated beyond
    the four: positions, cash, open orders, withdrawals in progress; book_seed.py)."""
    simulate: bool = True
    """Run the market simulator; tests that want a frozen market turn it off."""
    auto_advance_instructions: bool = True
    """Move withdrawals new → processing → executed by themselves, as a back office would."""
    access_ttl_seconds: int = 900
    refresh_ttl_seconds: int = 8 * 3600
    scenario: ScenarioSource | None = None
    """A scenario (`--scenario`, `POST /mock/scenario`): the seed, then its world, always afresh."""


@dataclass
class Faults:
    """Injected faults (`/mock/faults`; fault_control.py changes and expires them).

    A fault with an `*_until` is off from that instant of the MOCK clock on: it is switched
    off lazily, when next looked at, so moving the clock past it ends it.
    """

    latency_ms: int = 0
    latency_until: datetime | None = None
    error_rate: float = 0.0
    error_status: int = 503
    error_path: str | None = None
    """"[METHOD ]/glob" of the calls that fail; None: every /api/v1 call."""
    error_until: datetime | None = None
    crash_after_commit: int = 0
    """The next N create calls commit, then lose their response (the connection drops)."""
    crash_path: str | None = None
    """"[METHOD ]/glob" of the calls that crash; None: the create and confirm calls."""
    crash_until: datetime | None = None
    stream_down: bool = False
    """Streams are dropped and refused while this is on."""
    stream_down_until: datetime | None = None
    drip_bytes_per_second: int = 0
    """Response bodies go out at this rate (0: at once), as from a slow server."""
    drip_until: datetime | None = None

    def armed(self) -> bool:
        """Whether any fault of HTTP calls is on: the middleware's only check on the hot path."""
        return bool(
            self.latency_ms
            or self.error_rate
            or self.crash_after_commit
            or self.drip_bytes_per_second
        )


@dataclass
class MarketOverride:
    """`auto` follows the session hours; `open` / `closed` force it (`/mock/market-hours`)."""

    modes: dict[Market, str] = field(default_factory=lambda: {m: "auto" for m in Market})
