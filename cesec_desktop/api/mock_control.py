"""`MockControlClient`: the mock backend's `/mock/...` controls, for the Tester panel.

Only ever for a loopback server: a real backend has no `/mock` routes, and the client refuses
to be made for any other host, so a tester's buttons can never be pointed at production.
The routes sit at the server's root, not under `/api/v1`, and take no token.

Answers are read as every answer is (`api/bounded.py`): under a size cap, parsed with a depth
limit, within an overall deadline, into models; failures are the api's typed errors. Control
calls change the mock's world, so none is repeated: a failed one is reported, and the tester
decides.
"""

from __future__ import annotations

import asyncio
import logging
import time
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import quote as quote_path
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel

from cesec_desktop.api.bounded import body_cap, parse_model, read_capped
from cesec_desktop.api.errors import (
    DeadlineExceeded,
    error_from_response,
    network_error,
)
from cesec_desktop.api.mock_models import (
    AdvanceStatus,
    ClockJump,
    FaultChange,
    FaultState,
    MarketHours,
    MarketMode,
    MockClock,
    MockInfo,
    MockInstruction,
    MockInstructionsPage,
    MockOrder,
    MockOrdersPage,
    OutboxPage,
    OutboxSms,
    PriceQuote,
    ResetResult,
    ScenarioInfo,
    ScenariosPage,
    ScenarioState,
)
from cesec_desktop.api.transport import check_server_url, is_loopback, new_http_client
from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.domain.models.orders import Order
from cesec_desktop.domain.money import format_decimal

__all__ = ["MAX_SCENARIO_BYTES", "MockControlClient", "NotAMock"]

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

MOCK_PREFIX = "/mock"
DEADLINE = 10.0
"""Seconds one control call may take in all: the mock answers these at once (faults never
touch `/mock`)."""
WORLD_DEADLINE = 180.0
"""The same for a reset or a scenario load, which rebuild the world: a second for most, but
a scenario of 100,000 deals takes the mock some 20 s (and a slow machine more)."""
MAX_ANSWER_BYTES = 2 * 1024 * 1024
"""A control answer is a few kilobytes; 1,000 orders are well under a megabyte."""
MAX_SCENARIO_BYTES = 1024 * 1024
"""A scenario file sent to the mock: a described world is a few kilobytes of TOML."""
MAX_LIST = 1000
"""The most orders, withdrawals or SMS one call asks for (the mock's own cap)."""


class NotAMock(ValueError):
    """The server is not a loopback address: no mock controls are ever sent there."""


def _segment(value: str) -> str:
    return quote_path(value, safe=":")


class MockControlClient:
    """The `/mock` controls of one loopback mock."""

    def __init__(
        self, server_url: str, *, deadline: float = DEADLINE, max_body: int = MAX_ANSWER_BYTES
    ) -> None:
        base = check_server_url(server_url)
        if not is_loopback(urlsplit(base).hostname or ""):
            raise NotAMock("mock controls are only for a server on this computer")
        self.base_url = base
        self.deadline = deadline
        self.max_body = max_body

    # --- the mock itself ------------------------------------------------------------------

    async def info(self) -> MockInfo:
        """`GET /mock`; NotFound (or another typed error) from anything that is no mock."""
        return await self._call(MockInfo, "GET", "")

    async def is_mock(self) -> bool:
        """Whether the server says it is a mock; False for any failure or any other answer."""
        from cesec_desktop.api.errors import CabinetError

        try:
            return (await self.info()).mock
        except CabinetError as error:
            log.info("the server is not a mock (%s)", error.code)
            return False

    # --- SMS, orders, withdrawals ------------------------------------------------------------

    async def sms_outbox(self, limit: int = 50) -> list[OutboxSms]:
        """The codes the mock "sent", newest first."""
        page = await self._call(
            OutboxPage, "GET", "/sms-outbox", params={"limit": _limit(limit)}, rows=limit
        )
        return page.items

    async def orders(self, status: str = "open", limit: int = 200) -> list[MockOrder]:
        """Every client's orders, newest first; `open`: those that can still fill."""
        params: dict[str, str | int] = {"status": status, "limit": _limit(limit)}
        page = await self._call(MockOrdersPage, "GET", "/orders", params=params, rows=limit)
        return page.items

    async def fill_order(self, order_id: str, quantity: Decimal | None = None) -> Order:
        """Fill an open order now: all that remains, or `quantity` of it."""
        body = {} if quantity is None else {"quantity": format_decimal(quantity)}
        return await self._call(Order, "POST", f"/orders/{_segment(order_id)}/fill", json=body)

    async def reject_order(self, order_id: str, reason: str | None = None) -> Order:
        body = {"reason": reason} if reason else {}
        return await self._call(Order, "POST", f"/orders/{_segment(order_id)}/reject", json=body)

    async def instructions(
        self, status: str = "in_progress", limit: int = 200
    ) -> list[MockInstruction]:
        """Every client's withdrawals, newest first; `in_progress`: new or processing."""
        params: dict[str, str | int] = {"status": status, "limit": _limit(limit)}
        page = await self._call(
            MockInstructionsPage, "GET", "/instructions", params=params, rows=limit
        )
        return page.items

    async def advance_instruction(
        self, instruction_id: str, status: AdvanceStatus, reason: str | None = None
    ) -> Instruction:
        body: dict[str, Any] = {"status": status}
        if reason:
            body["reason"] = reason
        path = f"/instructions/{_segment(instruction_id)}/advance"
        return await self._call(Instruction, "POST", path, json=body)

    # --- market: hours, clock, prices --------------------------------------------------------

    async def market_hours(self) -> MarketHours:
        return await self._call(MarketHours, "GET", "/market-hours")

    async def set_market_modes(self, modes: dict[str, MarketMode]) -> MarketHours:
        """Hold markets open or closed, or give them back to their hours (`auto`)."""
        return await self._call(MarketHours, "POST", "/market-hours", json={"modes": modes})

    async def clock(self) -> MockClock:
        return await self._call(MockClock, "GET", "/clock")

    async def advance_clock(self, seconds: float) -> MockClock:
        return await self._call(MockClock, "POST", "/clock", json={"advance_seconds": seconds})

    async def jump_clock(self, jump: ClockJump, market: str = "KASE") -> MockClock:
        """To the market's next close, or its next session's open."""
        body = {"jump": jump, "market": market}
        return await self._call(MockClock, "POST", "/clock", json=body)

    async def reset_clock(self) -> MockClock:
        """Back to real time."""
        return await self._call(MockClock, "POST", "/clock", json={"reset": True})

    async def set_price(self, instrument_id: str, price: Decimal) -> PriceQuote:
        body = {"instrument_id": instrument_id, "price": format_decimal(price)}
        return await self._call(PriceQuote, "POST", "/prices", json=body)

    # --- faults --------------------------------------------------------------------------

    async def faults(self) -> FaultState:
        return await self._call(FaultState, "GET", "/faults")

    async def change_faults(self, change: FaultChange) -> FaultState:
        # Fields set to None on purpose go out as null (a path back to its default).
        body = change.model_dump(mode="json", exclude_unset=True)
        return await self._call(FaultState, "POST", "/faults", json=body)

    async def clear_faults(self) -> FaultState:
        return await self.change_faults(FaultChange(clear=True))

    # --- scenarios and reset -------------------------------------------------------------

    async def scenarios(self) -> list[ScenarioInfo]:
        return (await self._call(ScenariosPage, "GET", "/scenarios")).items

    async def scenario(self) -> ScenarioState:
        return await self._call(ScenarioState, "GET", "/scenario")

    async def load_scenario(self, name: str) -> ScenarioState:
        """Replace the world with a scenario of the catalogue (NotFound for an unknown one)."""
        return await self._call(
            ScenarioState, "POST", "/scenario", json={"name": name}, deadline=WORLD_DEADLINE
        )

    async def load_scenario_text(self, toml: str) -> ScenarioState:
        """Replace the world with a scenario file's text; a ValidationFailed whose message
        names the line for an invalid one."""
        if len(toml.encode("utf-8")) > MAX_SCENARIO_BYTES:
            raise ValueError("the scenario file is too large")
        return await self._call(
            ScenarioState, "POST", "/scenario", json={"toml": toml}, deadline=WORLD_DEADLINE
        )

    async def reset(self) -> ResetResult:
        """Back to the seed, or to the loaded scenario; faults off, real time."""
        return await self._call(ResetResult, "POST", "/reset", deadline=WORLD_DEADLINE)

    # --- plumbing ------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Nothing stays open between calls; kept so a caller may close it as any client."""

    async def _call(
        self,
        model: type[M],
        method: str,
        path: str,
        *,
        params: dict[str, str | int] | None = None,
        json: dict[str, Any] | None = None,
        rows: int | None = None,
        deadline: float | None = None,
    ) -> M:
        """One call, within the deadline, its answer read under the cap and parsed."""
        deadline = self.deadline if deadline is None else max(deadline, self.deadline)
        try:
            async with asyncio.timeout(deadline):
                response = await self._send(method, path, params=params, json=json)
        except TimeoutError:
            log.debug("%s %s gave up after %.0f s", method, MOCK_PREFIX + path, deadline)
            raise DeadlineExceeded(details={"deadline": deadline}) from None
        return await parse_model(
            model,
            response.content,
            status=response.status_code,
            max_rows=rows,
            max_size=self.max_body,
        )

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str | int] | None,
        json: dict[str, Any] | None,
    ) -> httpx.Response:
        started = time.perf_counter()
        # A client per call: a few calls a second at most, to this computer, and nothing
        # left open when the panel (or the window it belongs to) goes away.
        async with new_http_client(self.base_url) as http:
            try:
                request = http.build_request(method, MOCK_PREFIX + path, params=params, json=json)
                response = await http.send(request, stream=True)
                try:
                    await read_capped(response, body_cap(response, self.max_body))
                finally:
                    await response.aclose()
            except httpx.RequestError as exc:
                # The path only: a body may hold a scenario's passwords.
                log.debug("%s %s failed (%s)", method, MOCK_PREFIX + path, type(exc).__name__)
                raise network_error(exc, http.base_url.host) from None
        log.debug(
            "%s %s %d %.0f ms",
            method,
            MOCK_PREFIX + path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        if response.is_error:
            raise error_from_response(response)
        return response


def _limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIST))
