"""The testers' workbench: the mock backend's controls, turned into Qt signals.

A `Workbench` exists only for a loopback server (`for_server`), and says it is `available`
only once that server answered `GET /mock` with `{"mock": true}`: the Tester panel and its
menu entry follow that, so a real backend never sees a control call, nor even the question.

Reads are polled (`watch`) while a tab shows them, one call per topic at a time, never
blocking; each result is handed on by a signal only when it changed, so a table is not
rebuilt under the tester's selection every two seconds. Actions are coroutines that return
the server's answer or raise the api's typed errors; after one, what it changed is read
again at once.

A reset or a scenario load replaces the whole world the app was signed in to (its users,
sessions, accounts, orders): `worldReplaced` says so, and the main window signs the user out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from cesec_desktop.domain.phones import mask_phone
from cesec_desktop.state import formatting
from cesec_desktop.state.demo_sms import DemoSms, is_demo_server
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    from cesec_desktop.api.mock_control import MockControlClient
    from cesec_desktop.api.mock_models import (
        AdvanceStatus,
        ClockJump,
        FaultChange,
        FaultState,
        MarketHours,
        MarketMode,
        MockClock,
        PriceQuote,
        ScenarioState,
    )
    from cesec_desktop.domain.models.instructions import Instruction
    from cesec_desktop.domain.models.orders import Order

log = logging.getLogger(__name__)

T = TypeVar("T")

POLL_MS = 2000
"""How often what a tab shows is read again while it is on screen."""
SMS_ROWS = 50
MAX_SCENARIO_FILE = 1024 * 1024
"""A scenario file larger than this is refused before it is read (a world is a few KB)."""


class Topic(StrEnum):
    """What a tab shows, and is read again while it is on screen."""

    SMS = "sms"
    ORDERS = "orders"
    MARKET = "market"
    FAULTS = "faults"
    SCENARIO = "scenario"


class Fault(StrEnum):
    """The faults a tester turns on one at a time."""

    LATENCY = "latency"
    ERRORS = "errors"
    STREAM = "stream"
    CRASH = "crash"
    DRIP = "drip"


@dataclass(frozen=True, slots=True)
class WorldChange:
    """The mock's world was replaced: `scenario` loaded (None: the built-in seed)."""

    scenario: str | None
    by_reset: bool


@dataclass(frozen=True, slots=True)
class ForMinutes:
    """A fault that ends this many minutes from now (on the mock's clock)."""

    minutes: int


@dataclass(frozen=True, slots=True)
class UntilTime:
    """A fault that ends at this time of day (the display zone, on the mock's clock): today's,
    or tomorrow's when today's has passed."""

    at: time


Until = ForMinutes | UntilTime | None
"""How long a fault lasts; None: until it is cleared."""


class ScenarioFileError(Exception):
    """A scenario file the app could not read: `reason` is `too_large`, `not_text` or
    `unreadable` (the path is not in the message: it may name the user's folders)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def until_instant(wanted: time, mock_now: datetime) -> datetime:
    """The next moment the display zone's wall clock reads `wanted`, on the mock's clock."""
    local_now = formatting.in_display_zone(mock_now)
    at = local_now.replace(
        hour=wanted.hour, minute=wanted.minute, second=wanted.second, microsecond=0
    )
    if at <= local_now:
        at += timedelta(days=1)
    return at


def read_scenario_file(path: Path) -> str:
    """A scenario file's text (call it off the UI thread); ScenarioFileError if unreadable."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_SCENARIO_FILE + 1)
    except OSError:
        raise ScenarioFileError("unreadable") from None
    if len(data) > MAX_SCENARIO_FILE:
        raise ScenarioFileError("too_large")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioFileError("not_text") from None


class Workbench(QObject):
    """The controls of one loopback mock.

    Signals:
        availabilityChanged(bool): the server answered whether it is a mock.
        smsChanged(list[DemoSms]): the codes sent, newest first (the phones masked).
        ordersChanged(list[MockOrder]): every client's open orders, newest first.
        instructionsChanged(list[MockInstruction]): withdrawals in progress, newest first.
        marketHoursChanged(MarketHours): the markets' modes and whether each is open now.
        clockChanged(MockClock): the mock's time (after every read: it moves).
        faultsChanged(FaultState): the faults in force.
        scenariosChanged(list[ScenarioInfo]): the scenario catalogue.
        scenarioChanged(ScenarioState): where the world comes from.
        worldReplaced(WorldChange): a reset or a scenario load replaced every user, session
            and order: the app's session is gone with them.
        readFailed(str, object): a polled read of a `Topic` failed with this error.
    """

    availabilityChanged = Signal(bool)
    smsChanged = Signal(list)
    ordersChanged = Signal(list)
    instructionsChanged = Signal(list)
    marketHoursChanged = Signal(object)
    clockChanged = Signal(object)
    faultsChanged = Signal(object)
    scenariosChanged = Signal(list)
    scenarioChanged = Signal(object)
    worldReplaced = Signal(object)
    readFailed = Signal(str, object)

    def __init__(self, server_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from cesec_desktop.api.mock_control import MockControlClient

        self.server_url = server_url
        self.client: MockControlClient = MockControlClient(server_url)
        self.available = False
        self.probed = False
        self.tasks = TaskTracker("workbench", owner=self)
        self._watched: set[Topic] = set()
        self._reading: dict[Topic, asyncio.Task[None]] = {}
        self._last: dict[str, Any] = {}
        self._replacing = 0
        """World-replacing calls in flight: no reads meanwhile (the mock is busy rebuilding,
        and what they would read belongs to the old world or to none)."""
        self.clock: MockClock | None = None
        self.faults: FaultState | None = None
        self.market_hours: MarketHours | None = None
        self.scenario: ScenarioState | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @classmethod
    def for_server(cls, server_url: str, parent: QObject | None = None) -> Workbench | None:
        """A workbench for a loopback server; None for any other (never a real backend)."""
        return cls(server_url, parent) if is_demo_server(server_url) else None

    async def probe(self) -> bool:
        """Ask the server whether it is a mock; `available` and the signal say the answer."""
        self.available = await self.client.is_mock()
        self.probed = True
        self.availabilityChanged.emit(self.available)
        return self.available

    # --- polling -------------------------------------------------------------------------

    def watch(self, topics: set[Topic]) -> None:
        """Read these topics now and every `POLL_MS` after, and stop reading the others."""
        new = set(topics) - self._watched
        self._watched = set(topics)
        if self._watched and self.available:
            self._timer.start()
        else:
            self._timer.stop()
        for topic in new:
            self.refresh(topic)

    @property
    def watched(self) -> set[Topic]:
        return set(self._watched)

    def refresh(self, topic: Topic) -> None:
        """Read `topic` again unless a read of it is already on its way."""
        if not self.available or self._replacing:
            return
        running = self._reading.get(topic)
        if running is not None and not running.done():
            return
        self._reading[topic] = self.tasks.spawn(self._read(topic), name=f"read-{topic}")

    def _poll(self) -> None:
        for topic in self._watched:
            self.refresh(topic)

    async def _read(self, topic: Topic) -> None:
        from cesec_desktop.api.errors import CabinetError

        try:
            await self.read(topic)
        except CabinetError as error:
            log.info("reading the mock's %s failed (%s)", topic, error.code)
            self.readFailed.emit(str(topic), error)

    async def read(self, topic: Topic) -> None:
        """Read `topic` now and hand on what changed; raises the api's typed errors."""
        client = self.client
        if topic is Topic.SMS:
            items = await client.sms_outbox(SMS_ROWS)
            sms = [
                DemoSms(item.challenge_id, item.code, mask_phone(item.phone), item.sent_at)
                for item in items
            ]
            self._hand_on("sms", sms, self.smsChanged)
        elif topic is Topic.ORDERS:
            orders, instructions = await asyncio.gather(
                client.orders("open"), client.instructions("in_progress")
            )
            self._hand_on("orders", orders, self.ordersChanged)
            self._hand_on("instructions", instructions, self.instructionsChanged)
        elif topic is Topic.MARKET:
            hours, now = await asyncio.gather(client.market_hours(), client.clock())
            self._set_hours(hours)
            self._set_clock(now)
        elif topic is Topic.FAULTS:
            faults, now = await asyncio.gather(client.faults(), client.clock())
            self._set_clock(now)
            self._set_faults(faults)
        elif topic is Topic.SCENARIO:
            if "scenarios" not in self._last:
                self._hand_on("scenarios", await client.scenarios(), self.scenariosChanged)
            self._set_scenario(await client.scenario())

    def _hand_on(self, key: str, value: Any, signal: Any) -> None:
        if self._last.get(key) != value:
            self._last[key] = value
            signal.emit(value)

    def _set_clock(self, now: MockClock) -> None:
        self.clock = now
        self.clockChanged.emit(now)

    def _set_hours(self, hours: MarketHours) -> None:
        self.market_hours = hours
        self._hand_on("hours", hours, self.marketHoursChanged)

    def _set_faults(self, faults: FaultState) -> None:
        self.faults = faults
        self._hand_on("faults", faults, self.faultsChanged)

    def _set_scenario(self, scenario: ScenarioState) -> None:
        self.scenario = scenario
        self._hand_on("scenario", scenario, self.scenarioChanged)

    def _drop_read(self, topic: Topic) -> None:
        """Forget a read of `topic` on its way: begun before a change, its answer must not
        land after the change's own."""
        running = self._reading.pop(topic, None)
        if running is not None and not running.done():
            running.cancel()

    async def _then_read(self, action: Awaitable[T], *topics: Topic) -> T:
        """`action`'s answer, after which what it changed is read again at once."""
        result = await action
        for topic in topics:
            self._drop_read(topic)
            self.refresh(topic)
        return result

    # --- orders and withdrawals ------------------------------------------------------------

    async def fill(self, order_id: str, quantity: Decimal | None = None) -> Order:
        """Fill an order in full (`quantity` None) or in part."""
        return await self._then_read(self.client.fill_order(order_id, quantity), Topic.ORDERS)

    async def reject(self, order_id: str, reason: str = "") -> Order:
        return await self._then_read(
            self.client.reject_order(order_id, reason.strip() or None), Topic.ORDERS
        )

    async def advance(
        self, instruction_id: str, status: AdvanceStatus, reason: str = ""
    ) -> Instruction:
        return await self._then_read(
            self.client.advance_instruction(instruction_id, status, reason.strip() or None),
            Topic.ORDERS,
        )

    # --- market --------------------------------------------------------------------------

    async def set_market_mode(self, market: str, mode: MarketMode) -> MarketHours:
        hours = await self.client.set_market_modes({market: mode})
        self._drop_read(Topic.MARKET)
        self._set_hours(hours)
        return hours

    async def jump_clock(self, jump: ClockJump, market: str) -> MockClock:
        return await self._moved(self.client.jump_clock(jump, market))

    async def advance_clock(self, minutes: int) -> MockClock:
        return await self._moved(self.client.advance_clock(minutes * 60))

    async def reset_clock(self) -> MockClock:
        return await self._moved(self.client.reset_clock())

    async def _moved(self, call: Awaitable[MockClock]) -> MockClock:
        """The clock moved: markets may have opened or closed, faults may have ended."""
        now = await call
        self._set_clock(now)
        for topic in (Topic.MARKET, Topic.FAULTS):
            self._drop_read(topic)
        self.refresh(Topic.MARKET)
        if Topic.FAULTS in self._watched:
            self.refresh(Topic.FAULTS)
        return now

    async def set_price(self, instrument_id: str, price: Decimal) -> PriceQuote:
        return await self.client.set_price(instrument_id, price)

    # --- faults --------------------------------------------------------------------------

    async def fault_on(
        self,
        fault: Fault,
        value: int,
        *,
        until: Until = None,
        status: int | None = None,
        path: str | None = None,
    ) -> FaultState:
        """Turn one fault on: `value` is its measure (ms, % of calls, seconds down, calls,
        bytes a second); errors take a `status`, errors and crashes a `path` pattern
        ("" or None: the mock's default calls)."""
        from cesec_desktop.api.mock_models import FaultChange

        pattern = (path or "").strip() or None
        if fault is Fault.LATENCY:
            change = FaultChange(latency_ms=value)
        elif fault is Fault.ERRORS:
            change = FaultChange(
                error_rate=value / 100, error_status=status or 503, error_path=pattern
            )
        elif fault is Fault.STREAM:
            # The stream stays down for `value` seconds, whatever `until` says.
            change = FaultChange(stream_down=True, for_seconds=float(value))
            until = None
        elif fault is Fault.CRASH:
            change = FaultChange(crash_after_commit=value, crash_path=pattern)
        else:
            change = FaultChange(drip_bytes_per_second=value)
        return await self.set_fault(change, until)

    async def fault_off(self, fault: Fault) -> FaultState:
        from cesec_desktop.api.mock_models import FaultChange

        change = {
            Fault.LATENCY: FaultChange(latency_ms=0),
            Fault.ERRORS: FaultChange(error_rate=0),
            Fault.STREAM: FaultChange(stream_down=False),
            Fault.CRASH: FaultChange(crash_after_commit=0),
            Fault.DRIP: FaultChange(drip_bytes_per_second=0),
        }[fault]
        return await self.set_fault(change)

    async def set_fault(self, change: FaultChange, until: Until = None) -> FaultState:
        """Turn a fault on (or off) with how long it lasts."""
        if isinstance(until, ForMinutes):
            change = _with(change, for_seconds=float(until.minutes * 60))
        elif isinstance(until, UntilTime):
            mock_now = (await self.client.clock()).now
            change = _with(change, until=until_instant(until.at, mock_now))
        faults = await self.client.change_faults(change)
        self._drop_read(Topic.FAULTS)
        self._set_faults(faults)
        return faults

    async def clear_faults(self) -> FaultState:
        faults = await self.client.clear_faults()
        self._drop_read(Topic.FAULTS)
        self._set_faults(faults)
        return faults

    # --- the world -----------------------------------------------------------------------

    async def load_scenario(self, name: str) -> ScenarioState:
        return await self._replaced(self.client.load_scenario(name), by_reset=False)

    async def read_scenario(self, path: Path) -> str:
        """A scenario file's text, read off the UI thread; ScenarioFileError if it cannot be."""
        return await asyncio.to_thread(read_scenario_file, path)

    async def load_scenario_text(self, text: str) -> ScenarioState:
        """Send a scenario file's text; ValidationFailed (its message names the lines) if the
        mock refuses it."""
        return await self._replaced(self.client.load_scenario_text(text), by_reset=False)

    async def reset(self) -> WorldChange:
        """Back to the seed, or to the loaded scenario."""
        self._replacing += 1
        try:
            await self.client.reset()
        finally:
            self._replacing -= 1
        scenario = self.scenario.name if self.scenario is not None else None
        try:
            self._set_scenario(await self.client.scenario())
            scenario = self.scenario.name if self.scenario is not None else None
        except Exception as error:  # the reset itself succeeded: that is what counts
            log.info("the scenario after a reset could not be read (%s)", type(error).__name__)
        change = WorldChange(scenario, by_reset=True)
        self._world_replaced(change)
        return change

    async def _replaced(self, call: Awaitable[ScenarioState], *, by_reset: bool) -> ScenarioState:
        self._replacing += 1
        try:
            scenario = await call
        finally:
            self._replacing -= 1
        self._set_scenario(scenario)
        self._world_replaced(WorldChange(scenario.name, by_reset=by_reset))
        return scenario

    def _world_replaced(self, change: WorldChange) -> None:
        # Everything read before belongs to the old world.
        keep = {key: self._last[key] for key in ("scenarios", "scenario") if key in self._last}
        self._last = keep
        self.worldReplaced.emit(change)


def _with(change: FaultChange, **values: object) -> FaultChange:
    """`change` with more fields set (and sent: the body holds the fields set)."""
    return type(change).model_validate({**change.model_dump(exclude_unset=True), **values})
