"""Changing, expiring and matching the injected faults (`/mock/faults`, scenario timelines).

Each fault may carry an end on the MOCK clock (`until`, or `for_seconds` from now). Expiry is
lazy: whoever reads the faults (the middleware, the stream, the state answer) first calls
`expire_faults`, which switches off every fault whose end has passed. So moving the mock clock
past an end ends the fault at once, as a tester expects, without a timer of its own.
"""

from __future__ import annotations

import fnmatch
import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cesec_desktop.mockserver.config import Faults
from cesec_desktop.mockserver.state import ServerState

MAX_FOR_SECONDS = 10 * 366 * 86400
PATH_PATTERN = r"^(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) +)?/\S*$"
"""A fault's call filter: an optional method, then a glob over the path (`*` spans `/`)."""
ERROR_CODES = {
    500: "internal_error",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "gateway_timeout",
}
"""The envelope code an injected error carries; any other 5xx is `server_error`."""
DEFAULT_CRASH_PATHS = (
    "POST /api/v1/orders",
    "POST /api/v1/orders/*/confirm",
    "POST /api/v1/instructions",
    "POST /api/v1/instructions/*/confirm",
    "POST /api/v1/support/requests",
)
"""The calls whose lost answer is worth simulating: the ones that create or confirm."""

# Each fault: the field that turns it on, the fields that shape it, and its end.
_GROUPS: dict[str, tuple[str, ...]] = {
    "latency_ms": (),
    "error_rate": ("error_status", "error_path"),
    "stream_down": (),
    "crash_after_commit": ("crash_path",),
    "drip_bytes_per_second": (),
}
_UNTIL = {
    "latency_ms": "latency_until",
    "error_rate": "error_until",
    "stream_down": "stream_down_until",
    "crash_after_commit": "crash_until",
    "drip_bytes_per_second": "drip_until",
}
_DEFAULTS = Faults()


class FaultState(BaseModel):
    """Every fault as it is now: an expired one reads as off."""

    latency_ms: int
    latency_until: datetime | None
    error_rate: float
    error_status: int
    error_path: str | None
    error_until: datetime | None
    stream_down: bool
    stream_down_until: datetime | None
    crash_after_commit: int
    crash_path: str | None
    crash_until: datetime | None
    drip_bytes_per_second: int
    drip_until: datetime | None


class FaultChange(BaseModel):
    """A change of faults; every field optional. `until` / `for_seconds` end every fault this
    change turns on or off (a fault given without either has no end)."""

    model_config = ConfigDict(extra="forbid")

    latency_ms: int | None = Field(default=None, ge=0, le=60_000)
    error_rate: float | None = Field(default=None, ge=0, le=1)
    error_status: int | None = Field(default=None, ge=500, le=599)
    error_path: str | None = Field(
        default=None,
        max_length=200,
        pattern=PATH_PATTERN,
        description='"[METHOD ]/glob", e.g. "POST /api/v1/orders/*/confirm"; null or "": '
        "every /api/v1 call",
    )
    stream_down: bool | None = None
    drop_stream: bool = False
    """Close every open stream once (clients reconnect at once)."""
    crash_after_commit: int | None = Field(default=None, ge=0, le=1000)
    crash_path: str | None = Field(
        default=None,
        max_length=200,
        pattern=PATH_PATTERN,
        description='"[METHOD ]/glob"; null or "": the create and confirm calls',
    )
    drip_bytes_per_second: int | None = Field(default=None, ge=0, le=10_000_000)
    clear: bool = False
    """Everything off first; the rest of this change then applies."""
    until: datetime | None = Field(default=None, description="an instant of the MOCK clock")
    for_seconds: float | None = Field(default=None, gt=0, le=MAX_FOR_SECONDS)

    @field_validator("error_path", "crash_path", mode="before")
    @classmethod
    def _blank_is_default(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("until")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @model_validator(mode="after")
    def _one_end(self) -> Self:
        if self.until is not None and self.for_seconds is not None:
            raise ValueError("give until or for_seconds, not both")
        return self


def _switch_off(faults: Faults, main: str) -> None:
    for name in (main, *_GROUPS[main], _UNTIL[main]):
        setattr(faults, name, getattr(_DEFAULTS, name))


def expire_faults(state: ServerState) -> Faults:
    """Switch off every fault whose end has passed on the mock clock; returns the faults."""
    faults = state.faults
    now: datetime | None = None
    for main, until_name in _UNTIL.items():
        until: datetime | None = getattr(faults, until_name)
        if until is None:
            continue
        now = now or state.clock.now()
        if until <= now:
            _switch_off(faults, main)
    return faults


def stream_down(state: ServerState) -> bool:
    """Whether streams are refused now (an ended outage reads as over)."""
    faults = state.faults
    if not faults.stream_down:
        return False
    return expire_faults(state).stream_down


def clear_faults(state: ServerState) -> None:
    """Every fault off (open streams stay: nothing asked to drop them)."""
    for main in _GROUPS:
        _switch_off(state.faults, main)


def apply_fault_change(state: ServerState, change: FaultChange) -> None:
    """Apply a change as `POST /mock/faults` does; drops the streams when they go down."""
    faults = expire_faults(state)
    if change.clear:
        clear_faults(state)
    given = change.model_fields_set
    end = change.until
    if change.for_seconds is not None:
        end = state.clock.now() + timedelta(seconds=change.for_seconds)
    for main, shapers in _GROUPS.items():
        for name in shapers:
            if name in given:
                # An explicit null puts a shaper back to its default (every call, 503).
                value = getattr(change, name)
                setattr(faults, name, value if value is not None else getattr(_DEFAULTS, name))
        value = getattr(change, main)
        if value is None:
            continue
        setattr(faults, main, value)
        setattr(faults, _UNTIL[main], end if value else None)
    expire_faults(state)  # an end already past switches the fault off at once
    if change.drop_stream or faults.stream_down:
        state.hub.drop_all()


def fault_state(state: ServerState) -> FaultState:
    f = expire_faults(state)
    return FaultState(
        latency_ms=f.latency_ms,
        latency_until=f.latency_until,
        error_rate=f.error_rate,
        error_status=f.error_status,
        error_path=f.error_path,
        error_until=f.error_until,
        stream_down=f.stream_down,
        stream_down_until=f.stream_down_until,
        crash_after_commit=f.crash_after_commit,
        crash_path=f.crash_path,
        crash_until=f.crash_until,
        drip_bytes_per_second=f.drip_bytes_per_second,
        drip_until=f.drip_until,
    )


# --- which calls a fault hits -------------------------------------------------------------


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[tuple[str | None, re.Pattern[str]], ...]:
    out: list[tuple[str | None, re.Pattern[str]]] = []
    for pattern in patterns:
        method, _, glob = pattern.strip().rpartition(" ")
        glob = glob.rstrip("/") or "/"
        out.append((method.strip().upper() or None, re.compile(fnmatch.translate(glob))))
    return tuple(out)


def _matches(patterns: tuple[str, ...], method: str, path: str) -> bool:
    path = path.rstrip("/") or "/"
    return any(
        (want is None or want == method) and regex.match(path) is not None
        for want, regex in _compiled(patterns)
    )


def error_hits(faults: Faults, method: str, path: str) -> bool:
    """Whether the error fault applies to this /api/v1 call."""
    return faults.error_path is None or _matches((faults.error_path,), method, path)


def crash_hits(faults: Faults, method: str, path: str) -> bool:
    """Whether the crash-after-commit fault applies to this call."""
    patterns = (faults.crash_path,) if faults.crash_path is not None else DEFAULT_CRASH_PATHS
    return _matches(patterns, method, path)


def error_code(status: int) -> str:
    return ERROR_CODES.get(status, "server_error")
