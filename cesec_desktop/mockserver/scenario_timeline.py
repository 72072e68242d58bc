"""A scenario's timeline: events run from the housekeeping loop when the MOCK clock reaches them.

Times are fixed when the scenario loads: "+30 s" from the load, "10:05" on the Almaty date of
the mock clock at the load. Each event runs once, in time order (file order among equal
times); moving the mock clock forward runs every event it passes, moving it back runs none
again. A failing event is logged and skipped: the loop must go on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.mockserver import trading, withdrawals
from cesec_desktop.mockserver.fault_control import apply_fault_change
from cesec_desktop.mockserver.scenario_model import INSTRUMENTS, TimelineEvent, When
from cesec_desktop.mockserver.scenario_world import WorldRefs
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger(__name__)


def due_at(when: When, loaded_at: datetime) -> datetime:
    """The instant of the mock clock a moment stands for, given the load's instant."""
    if when.offset is not None:
        return loaded_at + when.offset
    assert when.wall is not None
    day = loaded_at.astimezone(ALMATY).date()
    return datetime.combine(day, when.wall, ALMATY)


@dataclass
class Timeline:
    """The loaded scenario's events with their instants; `next` is the first not yet run."""

    events: list[tuple[datetime, TimelineEvent]]
    refs: WorldRefs
    loaded_at: datetime
    next: int = 0
    fired: list[tuple[datetime, str]] = field(default_factory=list)
    """(instant, kind) of each event run, for tests and the log."""

    @classmethod
    def plan(cls, events: list[TimelineEvent], refs: WorldRefs, loaded_at: datetime) -> Timeline:
        timed = [(due_at(e.at, loaded_at), n, e) for n, e in enumerate(events)]
        timed.sort(key=lambda t: (t[0], t[1]))
        return cls([(at, e) for at, _, e in timed], refs, loaded_at)

    def due(self, now: datetime) -> list[tuple[datetime, TimelineEvent]]:
        """The events due by `now` that have not run, marked as run."""
        start = self.next
        while self.next < len(self.events) and self.events[self.next][0] <= now:
            self.next += 1
        return self.events[start : self.next]

    def pending(self) -> list[tuple[datetime, TimelineEvent]]:
        return self.events[self.next :]


def run_event(state: ServerState, event: TimelineEvent, refs: WorldRefs) -> None:
    """Do what one event says, through the same functions the /mock controls use."""
    if event.fault is not None:
        apply_fault_change(state, event.fault)
    elif event.price is not None:
        market = state.require_market()
        instrument = event.price.instrument
        quote = market.quote(instrument)
        last = quote.last if quote is not None else INSTRUMENTS[instrument].level
        price = event.price.price.resolve(last, INSTRUMENTS[instrument].price_step)
        market.set_price(instrument, price)
    elif event.market is not None:
        if event.market.always_open is not None:
            state.config.always_open = event.market.always_open
        state.override.modes.update(event.market.modes)
    elif event.withdrawal is not None:
        move = event.withdrawal
        withdrawals.advance(state, refs.withdrawals[move.ref], move.status, move.reason)
    elif event.order is not None:
        move = event.order
        order_id = refs.orders[move.ref]
        if move.action == "fill":
            trading.force_fill(state, order_id, move.quantity, move.price)
        else:
            trading.reject(state, order_id, move.reason)


def tick(state: ServerState) -> int:
    """Run every timeline event due on the mock clock; returns how many ran."""
    timeline: Timeline | None = state.scenario_timeline
    if timeline is None:
        return 0
    ran = 0
    for at, event in timeline.due(state.clock.now()):
        ran += 1
        timeline.fired.append((at, event.kind))
        try:
            run_event(state, event, timeline.refs)
            log.info(
                "scenario %s: %s at %s%s",
                state.scenario_name,
                event.kind,
                event.at,
                f" ({event.note})" if event.note else "",
            )
        except Exception:
            log.exception("scenario event %s at %s failed", event.kind, event.at)
    return ran


def install(state: ServerState) -> None:
    """Run the timeline first in every housekeeping pass (once per state), so an event due by
    a moved clock acts before the back office or the order engine catch up."""
    if not any(getattr(job, "scenario_timeline", False) for job in state.housekeeping):

        def run_timeline() -> None:
            tick(state)

        run_timeline.scenario_timeline = True  # type: ignore[attr-defined]
        state.housekeeping.insert(0, run_timeline)


def start(state: ServerState, events: list[TimelineEvent], refs: WorldRefs) -> Timeline:
    """Plan a freshly loaded scenario's timeline from the mock clock's now."""
    timeline = Timeline.plan(events, refs, state.clock.now())
    state.scenario_timeline = timeline
    install(state)
    return timeline


def stop(state: ServerState) -> None:
    state.scenario_timeline = None
