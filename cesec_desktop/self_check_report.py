"""The self-check's report: one line per check as it finishes, then a summary.

No Qt here: the lines are plain text for a terminal or a CI log, in English so that a
packager's script can look for them whatever the UI language.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO, TypeVar

from cesec_desktop.logging_setup import redact

T = TypeVar("T")

MAX_DETAIL_LINES = 12


class Outcome(StrEnum):
    PASS = "PASS"
    FAIL = "FAIL"
    SKIP = "SKIP"


class CheckFailed(Exception):
    """A check saw something wrong; the message is the report's reason."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    outcome: Outcome
    seconds: float = 0.0
    reason: str = ""


def _clean(text: str) -> list[str]:
    """The reason's lines, secrets masked, blank lines dropped."""
    lines = [line.rstrip() for line in redact(text).splitlines() if line.strip()]
    return lines or ["(no reason given)"]


def format_result(result: CheckResult) -> str:
    """`PASS  log in  (0.4 s)`, or `FAIL  log in  — reason` with any further lines indented."""
    if result.outcome is Outcome.PASS:
        return f"PASS  {result.name}  ({result.seconds:.1f} s)"
    first, *rest = _clean(result.reason)
    line = f"{result.outcome.value}  {result.name}  — {first}"
    if result.outcome is Outcome.FAIL:
        line += f"  ({result.seconds:.1f} s)"
    detail = rest[-MAX_DETAIL_LINES:]
    return "\n".join([line, *(f"      {text}" for text in detail)])


def format_summary(results: list[CheckResult], seconds: float) -> str:
    total = len(results)
    passed = sum(r.outcome is Outcome.PASS for r in results)
    failed = sum(r.outcome is Outcome.FAIL for r in results)
    skipped = sum(r.outcome is Outcome.SKIP for r in results)
    if failed == 0 and skipped == 0 and total > 0:
        return f"self-check passed: all {total} checks in {seconds:.1f} s"
    return (
        f"self-check FAILED: {failed} failed, {skipped} skipped, {passed} of {total} passed "
        f"({seconds:.1f} s)"
    )


def describe_error(error: BaseException) -> str:
    """A readable one-line reason (more lines only where the error carries a log tail)."""
    if isinstance(error, CheckFailed):
        return str(error)
    text = str(error).strip()
    code = getattr(error, "code", None)
    if isinstance(code, str) and code and text.startswith(code):
        return text  # the API's errors say "code: message" already
    name = type(error).__name__
    return f"{name}: {text}" if text else name


class Report:
    """Runs checks one at a time, each with a timeout, and prints each line as it ends."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.results: list[CheckResult] = []
        self.waiting_for = ""
        """What the running check is waiting for (the reason given if it times out)."""
        self.started = time.perf_counter()

    @property
    def failed(self) -> bool:
        return any(r.outcome is not Outcome.PASS for r in self.results)

    async def check(
        self, name: str, action: Callable[[], Awaitable[T]], timeout: float
    ) -> tuple[bool, T | None]:
        """Run one check; (True, its value) if it passed, (False, None) if not. Never raises,
        except to pass on a cancellation of the whole run (after reporting it)."""
        self.waiting_for = ""
        began = time.perf_counter()
        try:
            value = await asyncio.wait_for(action(), timeout)
        except TimeoutError:
            waited = f" waiting for {self.waiting_for}" if self.waiting_for else ""
            self._add(name, Outcome.FAIL, began, f"timed out after {timeout:g} s{waited}")
            return False, None
        except asyncio.CancelledError:
            self._add(name, Outcome.FAIL, began, "interrupted")
            raise
        except Exception as error:
            self._add(name, Outcome.FAIL, began, describe_error(error))
            return False, None
        self._add(name, Outcome.PASS, began)
        return True, value

    def skip(self, name: str, reason: str) -> None:
        self._add(name, Outcome.SKIP, time.perf_counter(), reason)

    def summary(self) -> str:
        return format_summary(self.results, time.perf_counter() - self.started)

    def write(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def _add(self, name: str, outcome: Outcome, began: float, reason: str = "") -> None:
        result = CheckResult(name, outcome, time.perf_counter() - began, reason)
        self.results.append(result)
        self.write(format_result(result))

    async def wait_until(
        self, condition: Callable[[], object], what: str, poll: float = 0.05
    ) -> None:
        """Poll inside the running loop until `condition()` is true; the check's timeout
        ends the wait, and the report then says what was awaited."""
        self.waiting_for = what
        while not condition():
            await asyncio.sleep(poll)
        self.waiting_for = ""
