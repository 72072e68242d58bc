"""Reading a scenario: TOML text → a checked `Scenario`, or an error that names the line.

A syntax error gives tomllib's own line and column; a validation error gives
"line N: users[0].password: <message>", the line found by scenario_lines. Messages never carry
the value that was refused (a password, say), only what is wrong with it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from pydantic import ValidationError

from cesec_desktop.mockserver.scenario_lines import Path, dotted, key_lines, line_of
from cesec_desktop.mockserver.scenario_model import Scenario, reference_problems

MAX_SCENARIO_BYTES = 1_000_000
MAX_PROBLEMS = 10


class ScenarioError(ValueError):
    """A scenario that cannot be loaded; `problems` are its lines ("line 12: users[0]…")."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems[:MAX_PROBLEMS])
        more = len(problems) - len(self.problems)
        if more > 0:
            self.problems.append(f"… and {more} more")
        super().__init__("; ".join(self.problems))


class UnknownScenario(LookupError):
    """No scenario of that name in the catalogue (and no such file)."""


@dataclass(frozen=True)
class ScenarioSource:
    """A checked scenario with the text it came from, to place later problems on lines."""

    scenario: Scenario
    text: str
    origin: str = "<scenario>"
    """Where the text came from: a catalogue name or a file path (for messages)."""

    @cached_property
    def lines(self) -> dict[Path, int]:
        return key_lines(self.text)

    def error(self, problems: Sequence[tuple[Path, str]]) -> ScenarioError:
        """An error for problems found against the world, each placed on its line."""
        return ScenarioError([self.problem(loc, message) for loc, message in problems])

    def problem(self, loc: Path, message: str) -> str:
        where = dotted(loc)
        line = line_of(self.lines, loc)
        return f"line {line}: {where}: {message}" if where else f"line {line}: {message}"


_VALUE_ERROR = re.compile(r"^(Value|Assertion) error, ")


def _message(error: dict[str, object]) -> str:
    """Pydantic's message for one error, without its "Value error, " prefix."""
    return _VALUE_ERROR.sub("", str(error.get("msg", "invalid")))


def parse_scenario(text: str, origin: str = "<scenario>") -> ScenarioSource:
    """Parse and check a scenario's TOML text; ScenarioError says what is wrong and where."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_SCENARIO_BYTES:
        raise ScenarioError([f"a scenario is at most {MAX_SCENARIO_BYTES} bytes"])
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        # tomllib says "... (at line 3, column 7)": keep its words, lead with the line.
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        if match is None:
            raise ScenarioError([f"line 1: {exc}"]) from None
        reason = str(exc)[: match.start()].strip()
        raise ScenarioError([f"line {match.group(1)}: column {match.group(2)}: {reason}"]) from None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        lines = key_lines(text)
        problems = [
            (line_of(lines, e["loc"]), dotted(e["loc"]), _message(dict(e))) for e in exc.errors()
        ]
        problems.sort(key=lambda p: p[0])
        raise ScenarioError(
            [
                f"line {line}: {where}: {msg}" if where else f"line {line}: {msg}"
                for line, where, msg in problems
            ]
        ) from None
    source = ScenarioSource(scenario, text, origin)
    references = reference_problems(scenario)
    if references:
        raise source.error(references)
    return source
