"""Loading a scenario into a mock: settings before the seed, world after it, timeline last.

The order matters and is kept by seed.py: `prepare` (the world's settings, market modes and
hours, the clock) → the normal seed → `build_world` (same transaction) → `started` (the
timeline from now) → the reset listeners (simulator, order engine, book) rebuild from the
finished database. `load` swaps a running mock's world and puts everything back as it was
if the scenario does not fit the world.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.mockserver import scenario_timeline
from cesec_desktop.mockserver.config import ServerConfig
from cesec_desktop.mockserver.fault_control import clear_faults
from cesec_desktop.mockserver.scenario_source import ScenarioSource
from cesec_desktop.mockserver.scenario_world import WorldRefs, build_world
from cesec_desktop.mockserver.state import ServerState


@dataclass(frozen=True)
class BaseSettings:
    """The server's own settings (its flags), which a scenario's `[world]` and `[market]`
    override and the next scenario starts from again."""

    seed: int
    history_size: int
    broker_clients: int | None
    synthetic_instruments: int
    always_open: bool

    @classmethod
    def of(cls, config: ServerConfig) -> BaseSettings:
        return cls(
            config.seed,
            config.history_size,
            config.broker_clients,
            config.synthetic_instruments,
            config.always_open,
        )


def prepare(state: ServerState, source: ScenarioSource) -> None:
    """Before the seed: the world's settings, the market's modes and hours, the clock."""
    if state.scenario_base is None:
        state.scenario_base = BaseSettings.of(state.config)
    base: BaseSettings = state.scenario_base
    scenario, config = source.scenario, state.config
    world = scenario.world
    config.seed = world.seed if world.seed is not None else base.seed
    config.history_size = (
        world.history_size if world.history_size is not None else base.history_size
    )
    config.broker_clients = (
        world.broker_clients if world.broker_clients is not None else base.broker_clients
    )
    config.synthetic_instruments = (
        world.synthetic_instruments
        if world.synthetic_instruments is not None
        else base.synthetic_instruments
    )
    market = scenario.market
    always_open = market.always_open if market is not None else None
    config.always_open = always_open if always_open is not None else base.always_open
    state.override.modes = {m: "auto" for m in Market}
    state.session_hours = {}
    if market is not None:
        state.override.modes.update(market.modes)
        state.session_hours = {m: (h.open, h.close) for m, h in market.hours.items()}
    if scenario.clock is not None:
        state.clock.set(clock_start(scenario.clock.start, state.clock.now()))
    state.rng.seed(config.seed)


def clock_start(start: datetime | time, now: datetime) -> datetime:
    """A wall time is today's (Almaty) at that time; a date-time without offset is Almaty's."""
    if isinstance(start, time):
        return datetime.combine(now.astimezone(ALMATY).date(), start.replace(tzinfo=None), ALMATY)
    return start if start.tzinfo is not None else start.replace(tzinfo=ALMATY)


def build(state: ServerState, source: ScenarioSource) -> WorldRefs:
    """After the seed, in its transaction: the scenario's users and money."""
    return build_world(state, source)


def started(state: ServerState, source: ScenarioSource, refs: WorldRefs) -> None:
    """After the commit: the timeline counts from now."""
    state.scenario_loaded_at = state.clock.now()
    scenario_timeline.start(state, list(source.scenario.timeline), refs)


def stopped(state: ServerState) -> None:
    state.scenario_loaded_at = None
    scenario_timeline.stop(state)


@dataclass(frozen=True)
class _Snapshot:
    config: ServerConfig
    offset: timedelta
    modes: dict[Market, str]
    hours: dict[Market, tuple[time, time]]

    @classmethod
    def take(cls, state: ServerState) -> _Snapshot:
        return cls(
            replace(state.config),
            state.clock.offset,
            dict(state.override.modes),
            dict(state.session_hours),
        )

    def restore(self, state: ServerState) -> None:
        for name in ServerConfig.__dataclass_fields__:
            setattr(state.config, name, getattr(self.config, name))
        state.clock.offset = self.offset
        state.override.modes = dict(self.modes)
        state.session_hours = dict(self.hours)
        state.rng.seed(self.config.seed)


def load(state: ServerState, source: ScenarioSource) -> None:
    """Replace a running mock's world with the scenario's: streams dropped, the clock real
    (then the scenario's), faults cleared, the timeline started. A ScenarioError leaves the
    old world, settings and timeline exactly as they were."""
    from cesec_desktop.mockserver.seed import reset_database

    snapshot = _Snapshot.take(state)
    state.config.scenario = source
    state.clock.offset = timedelta(0)
    try:
        reset_database(state)
    except BaseException:
        snapshot.restore(state)
        raise
    state.hub.drop_all()
    clear_faults(state)
