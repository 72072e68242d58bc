"""`cesec-desktop --self-check`: run as a tester runs it, in a process of its own, headless."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cesec_desktop.app import parse_args
from cesec_desktop.self_check import EXIT_USAGE, run_self_check
from cesec_desktop.self_check_report import (
    CheckFailed,
    CheckResult,
    Outcome,
    Report,
    format_result,
    format_summary,
)

REPO = Path(__file__).resolve().parents[1]
CHECKS = [
    "start demo backend",
    "log in as demo",
    "open main window",
    "open Home page",
    "open Portfolio page",
    "open Orders page",
    "open Transactions page",
    "open Instructions page",
    "place SMS-signed order",
    "cancel order",
    "no unexpected errors",
    "shut down",
]


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The self-check in a fresh process with no display and an empty home folder."""
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    home = tmp_path / "home"
    home.mkdir()
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
    )
    return subprocess.run(
        [sys.executable, "-m", "cesec_desktop", "--self-check", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=240,
    )


def lines_by_check(stdout: str) -> dict[str, str]:
    """Check name -> its outcome word, from the report's lines."""
    found: dict[str, str] = {}
    for line in stdout.splitlines():
        outcome, _, rest = line.partition("  ")
        if outcome in ("PASS", "FAIL", "SKIP"):
            name = rest.split("  ")[0]
            found[name] = outcome
    return found


# --- the real thing ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_every_check_passes_headless(tmp_path: Path, lang: str) -> None:
    result = run_cli(tmp_path, "--lang", lang)
    report = result.stdout
    assert result.returncode == 0, report + result.stderr
    outcomes = lines_by_check(report)
    assert outcomes == {f"load translations ({lang})": "PASS", **dict.fromkeys(CHECKS, "PASS")}
    assert report.strip().splitlines()[-1].startswith("self-check passed: all 13 checks in ")
    assert "Traceback" not in report + result.stderr
    assert "Demo#2026" not in report + result.stderr
    # Nothing of the user's was written: settings, keyring, logs and the demo all went to a
    # temporary folder, which is gone.
    assert not any((tmp_path / "home").rglob("*")), list((tmp_path / "home").rglob("*"))


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("backend-down", "network_unreachable: The backend cannot be reached"),
        ("wrong-password", "invalid_credentials: Wrong login or password"),
    ],
)
def test_a_failed_check_gives_a_readable_report_and_exit_1(
    tmp_path: Path, fault: str, reason: str
) -> None:
    result = run_cli(tmp_path, "--lang", "en", "--self-check-fault", fault)
    report = result.stdout
    assert result.returncode == 1, report + result.stderr
    assert f"FAIL  log in as demo  — {reason}" in report
    outcomes = lines_by_check(report)
    assert outcomes["start demo backend"] == "PASS"
    assert outcomes["log in as demo"] == "FAIL"
    assert outcomes["open Home page"] == "SKIP" and outcomes["cancel order"] == "SKIP"
    assert outcomes["shut down"] == "PASS", "the demo children stop after a failure too"
    assert "self-check FAILED: 1 failed, 8 skipped, 4 of 13 passed" in report
    assert "last log lines:" in report
    assert "Traceback" not in report + result.stderr
    assert "Demo#2026" not in report + result.stderr


def test_an_unknown_fault_is_a_usage_error() -> None:
    out = io.StringIO()
    assert run_self_check("en", "no-such-fault", out=out) == EXIT_USAGE
    assert "--self-check-fault must be one of" in out.getvalue()


def test_self_check_runs_its_own_backend_only() -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--self-check", "--server", "https://cabinet.example.kz"])
    assert exit_info.value.code == 2
    args = parse_args(["--self-check", "--lang", "kk"])
    assert args.self_check and args.lang == "kk" and args.self_check_fault == ""


# --- the report ----------------------------------------------------------------------------


def test_report_lines() -> None:
    assert format_result(CheckResult("log in", Outcome.PASS, 0.84)) == "PASS  log in  (0.8 s)"
    failed = CheckResult("place order", Outcome.FAIL, 2.0, "otp_invalid: wrong code")
    assert format_result(failed) == "FAIL  place order  — otp_invalid: wrong code  (2.0 s)"
    skipped = CheckResult("cancel order", Outcome.SKIP, 0.0, "not run: 'place order' failed")
    assert format_result(skipped) == "SKIP  cancel order  — not run: 'place order' failed"
    # A child's output comes as further lines, indented under the FAIL line.
    tail = CheckResult("start", Outcome.FAIL, 1.0, "mock backend did not start:\nport in use\n")
    assert format_result(tail) == "FAIL  start  — mock backend did not start:  (1.0 s)\n" + (
        "      port in use"
    )
    results = [CheckResult("a", Outcome.PASS, 1), CheckResult("b", Outcome.PASS, 2)]
    assert format_summary(results, 3.04) == "self-check passed: all 2 checks in 3.0 s"
    assert format_summary([*results, failed, skipped], 5) == (
        "self-check FAILED: 1 failed, 1 skipped, 2 of 4 passed (5.0 s)"
    )


def test_report_masks_secrets_in_reasons() -> None:
    line = format_result(
        CheckResult("x", Outcome.FAIL, 0, 'rejected {"password": "Demo#2026", "code": "123456"}')
    )
    assert "Demo#2026" not in line and "123456" not in line
    assert line.startswith("FAIL  x  — rejected ")


def test_report_runs_checks_with_timeouts() -> None:
    out = io.StringIO()
    report = Report(out)

    async def slow() -> None:
        await report.wait_until(lambda: False, "the moon", poll=0.01)

    async def broken() -> None:
        raise CheckFailed("the page shows 'error'")

    async def crashing() -> None:
        raise KeyError("orders")

    async def fine() -> int:
        return 7

    async def scenario() -> list[tuple[bool, object]]:
        return [
            await report.check("slow", slow, timeout=0.2),
            await report.check("broken", broken, timeout=5),
            await report.check("crashing", crashing, timeout=5),
            await report.check("fine", fine, timeout=5),
        ]

    assert asyncio.run(scenario()) == [(False, None), (False, None), (False, None), (True, 7)]
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("FAIL  slow  — timed out after 0.2 s waiting for the moon")
    assert lines[1].startswith("FAIL  broken  — the page shows 'error'  (")
    assert lines[2].startswith("FAIL  crashing  — KeyError: 'orders'  (")
    assert lines[3].startswith("PASS  fine  (")
    assert report.failed
