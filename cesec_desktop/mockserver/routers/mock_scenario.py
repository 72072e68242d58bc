"""`/mock/scenarios`, `/mock/scenario`: the shipped scenarios, and loading one into the mock."""

from __future__ import annotations

from datetime import datetime
from typing import Self

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.errors import ApiError, error_responses
from cesec_desktop.mockserver.scenario_catalogue import catalogue, load_named
from cesec_desktop.mockserver.scenario_load import load
from cesec_desktop.mockserver.scenario_source import (
    MAX_SCENARIO_BYTES,
    ScenarioError,
    UnknownScenario,
    parse_scenario,
)
from cesec_desktop.mockserver.state import ServerState

router = APIRouter(prefix="/mock", tags=["mock"])


class ScenarioItem(BaseModel):
    name: str
    purpose: str


class ScenarioList(BaseModel):
    items: list[ScenarioItem]


@router.get("/scenarios", response_model=ScenarioList)
async def list_scenarios() -> ScenarioList:
    """The shipped scenarios, sorted by name, each with its one-line purpose."""
    return ScenarioList(items=[ScenarioItem(name=e.name, purpose=e.purpose) for e in catalogue()])


class ScenarioInfo(BaseModel):
    name: str | None = Field(description="the loaded scenario; null: the plain seed")
    purpose: str | None
    loaded_at: datetime | None = Field(description="when its world was made (mock clock)")


class ScenarioChange(BaseModel):
    """Load a shipped scenario by name, or a scenario file's text."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=64)
    toml: str | None = Field(default=None, max_length=MAX_SCENARIO_BYTES)

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.name is None) == (self.toml is None):
            raise ValueError("give name or toml")
        return self


def _info(state: ServerState) -> ScenarioInfo:
    source = state.config.scenario
    if source is None:
        return ScenarioInfo(name=None, purpose=None, loaded_at=None)
    return ScenarioInfo(
        name=source.scenario.name,
        purpose=source.scenario.purpose,
        loaded_at=state.scenario_loaded_at,
    )


@router.get("/scenario", response_model=ScenarioInfo)
async def get_scenario(request: Request) -> ScenarioInfo:
    return _info(get_state(request))


@router.post("/scenario", response_model=ScenarioInfo, responses=error_responses(404, 422))
async def load_scenario(body: ScenarioChange, request: Request) -> ScenarioInfo:
    """Replace the world with the scenario's: streams dropped, faults cleared, the clock real
    (or the scenario's), its timeline started. 422 names the line of what is wrong."""
    state = get_state(request)
    try:
        source = load_named(body.name) if body.name is not None else parse_scenario(body.toml or "")
        load(state, source)
    except UnknownScenario:
        raise ApiError(404, "not_found", f"No scenario named {body.name!r}") from None
    except ScenarioError as exc:
        raise ApiError(422, "invalid_scenario", str(exc), {"problems": exc.problems}) from None
    return _info(state)
