"""Settings of one mock backend instance (CLI flags and test fixtures build one)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cesec_desktop.domain.enums import Market


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


@dataclass
class Faults:
    """Injected faults (`/mock/faults`)."""

    latency_ms: int = 0
    error_rate: float = 0.0
    crash_after_commit: int = 0
    """The next N create calls commit, then lose their response (the connection drops)."""
    stream_down: bool = False
    """Streams are dropped and refused while this is on."""


@dataclass
class MarketOverride:
    """`auto` follows the session hours; `open` / `closed` force it (`/mock/market-hours`)."""

    modes: dict[Market, str] = field(default_factory=lambda: {m: "auto" for m in Market})
