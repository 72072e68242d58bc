"""The Locust profiles (loadtest/) against the real mock, bounded: 20 users for 15 seconds.

Locust runs in a subprocess, never in this process: it monkey-patches the standard library
for gevent on import, which breaks asyncio and Qt for every test after it. The run must end
without a failure, every signed confirm intent must have made exactly one order or withdrawal
(matched by its Idempotency-Key in the mock's own database), and no cash may go negative. A
second run has the mock drop a few confirms' answers after committing them: the journeys must
retry those with the same key and still make exactly one of each.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from cesec_desktop.domain.enums import Role
from cesec_desktop.mockserver.seed import SEED_USERS, TWOFA_USER_ID

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = ROOT / "loadtest" / "locustfile.py"
USERS = 20
RUN_SECONDS = 15
# Generous: a slow, shared 2-core CI machine may take long to start either process.
MOCK_STARTUP_TIMEOUT = 120.0
LOCUST_TIMEOUT = 300.0
STOP_TIMEOUT = 90
"""Seconds Locust lets each user finish its journey after the run time: no confirm is cut off
between its answer and the intent log's record of it."""

LOST_ANSWERS = 3
"""Confirms whose answer the mock drops after committing, in the retry test: fewer than a
journey's tries of one confirm (4), so even one confirm hit every time still gets through."""

# Clients a password alone signs in: not the second-factor one, not one that must change it.
LOAD_CLIENTS = [
    u
    for u in SEED_USERS
    if u.role is Role.CLIENT
    and u.password_age_days < 60
    and not u.must_change_password
    and u.id != TWOFA_USER_ID
]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@dataclass(frozen=True)
class Mock:
    url: str
    db: Path


def _announced_url(process: subprocess.Popen[str], stdout: IO[str]) -> str | None:
    """The URL from the mock's "listening on URL" line; None if it ended or never said it."""
    # readline() blocks: a timer ends a mock that never announces itself.
    watchdog = threading.Timer(MOCK_STARTUP_TIMEOUT, process.kill)
    watchdog.start()
    try:
        for line in stdout:
            if "listening on " in line:
                return line.rsplit("listening on ", 1)[1].strip()
    finally:
        watchdog.cancel()
    return None


@pytest.fixture
def mock_backend(tmp_path: Path) -> Iterator[Mock]:
    """The real mock backend, a process on a free port with a fresh database file."""
    db = tmp_path / "mock.sqlite3"
    log_path = tmp_path / "mock.log"
    command = [
        sys.executable,
        "-m",
        "cesec_desktop.mockserver.cli",
        "--port",
        "0",
        "--always-open",
        "--db",
        str(db),
        # Warnings only: the mock's INFO log would carry every SMS code it "sends".
        "--log-level",
        "warning",
    ]
    with log_path.open("w") as log_file:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=log_file, text=True
        )
    try:
        assert process.stdout is not None
        url = _announced_url(process, process.stdout)
        if url is None:
            process.wait(timeout=30)
            pytest.fail(f"the mock did not start:\n{log_path.read_text()[-3000:]}")
        # Keep reading its output: a full pipe would stall the server mid-run.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield Mock(url, db)
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def _read_only(db: Path) -> sqlite3.Connection:
    # The mock writes in WAL mode: a read-only reader beside it sees committed rows only.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


def _ids(db: Path, table: str) -> set[str]:
    with contextlib.closing(_read_only(db)) as conn:
        return {row["id"] for row in conn.execute(f"SELECT id FROM {table}")}


def _locust_env() -> dict[str, str]:
    """This environment without Locust settings or load credentials a developer may have set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOCUST_", "CESEC_LOAD_"))}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def _run_locust(
    url: str, out: Path, users: int = USERS, seconds: int = RUN_SECONDS, *extra: str
) -> subprocess.CompletedProcess[str]:
    """Locust headless on `url` for `seconds` with `users`; `extra` arguments at the end (user
    classes to run, say)."""
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        str(STOP_TIMEOUT),
        "--host",
        url,
        "--csv",
        str(out / "run"),
        "--intent-log",
        str(out / "intents.jsonl"),
        "--sms-source",
        "auto",
        "--only-summary",
        *extra,
    ]
    return subprocess.run(
        command,
        cwd=ROOT,
        env=_locust_env(),
        capture_output=True,
        text=True,
        timeout=LOCUST_TIMEOUT,
    )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _count(stats: list[dict[str, str]], kind: str, name: str) -> int:
    return sum(int(r["Request Count"]) for r in stats if (r["Type"], r["Name"]) == (kind, name))


def _intents(path: Path, kind: str) -> dict[str, list[dict[str, Any]]]:
    """Each intent's lines by Idempotency-Key."""
    by_key: dict[str, list[dict[str, Any]]] = {}
    if not path.exists():
        return by_key
    for line in path.read_text(encoding="ascii").splitlines():
        record = json.loads(line)
        if record["kind"] == kind:
            by_key.setdefault(record["key"], []).append(record)
    return by_key


def _made_once(db: Path, before: set[str], table: str, endpoint: str, kind: str, out: Path) -> int:
    """Every intent of `kind` made exactly one row of `table`, and nothing else made any."""
    intents = _intents(out / "intents.jsonl", kind)
    recorded: dict[str, str] = {}
    for key, lines in intents.items():
        stages = sorted(line["stage"] for line in lines)
        assert stages == ["done", "sent"], f"{kind} intent {key}: {stages}"
        done = next(line for line in lines if line["stage"] == "done")
        recorded[key] = done["id"]
    with contextlib.closing(_read_only(db)) as conn:
        made = {row["id"] for row in conn.execute(f"SELECT id FROM {table}")} - before
        remembered = {
            row["key"]: json.loads(row["response"])["id"]
            for row in conn.execute(
                "SELECT key, response FROM idempotency WHERE endpoint = ?", (endpoint,)
            )
        }
    for key, created in recorded.items():
        assert remembered.get(key) == created, f"{kind} {key}: the server kept another result"
    # One row per intent: no confirm (retried or replayed) made a second one.
    assert len(set(recorded.values())) == len(recorded)
    assert made == set(recorded.values()), f"{table} made outside the recorded intents"
    return len(recorded)


def _cash_via_api(url: str) -> list[tuple[str, str, Decimal, Decimal, Decimal]]:
    cash = []
    with httpx.Client(base_url=url, timeout=60, trust_env=False) as http:
        for user in LOAD_CLIENTS:
            login = http.post(
                "/api/v1/auth/login", json={"login": user.login, "password": user.password}
            )
            login.raise_for_status()
            headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
            portfolio = http.get("/api/v1/portfolio", headers=headers)
            portfolio.raise_for_status()
            for item in portfolio.json()["cash"]:
                cash.append(
                    (
                        user.login,
                        item["currency"],
                        Decimal(item["balance"]),
                        Decimal(item["available"]),
                        Decimal(item["blocked"]),
                    )
                )
    return cash


def test_the_load_profiles_run_clean_against_the_mock(mock_backend: Mock, tmp_path: Path) -> None:
    out = tmp_path / "locust"
    out.mkdir()
    orders_before = _ids(mock_backend.db, "orders")
    instructions_before = _ids(mock_backend.db, "instructions")

    result = _run_locust(mock_backend.url, out)
    report = f"stdout:\n{result.stdout[-4000:]}\nstderr:\n{result.stderr[-4000:]}"

    stats = _rows(out / "run_stats.csv")
    aggregated = next(r for r in stats if r["Name"] == "Aggregated")
    failures = (out / "run_failures.csv").read_text(encoding="utf-8")
    assert int(aggregated["Failure Count"]) == 0, failures
    assert _rows(out / "run_exceptions.csv") == [], report
    assert result.returncode == 0, report
    # Every journey ran, so the checks below are not vacuous.
    assert _count(stats, "GET", "/api/v1/portfolio") > 0, report
    assert _count(stats, "POST", "/api/v1/orders") > 0, report
    assert _count(stats, "POST", "/api/v1/orders/{id}/cancel") > 0, report
    assert _count(stats, "POST", "/api/v1/instructions") > 0, report
    assert _count(stats, "GET", "/api/v1/clients/summary") > 0, report
    assert _count(stats, "WS", "stream quotes frame") > 0, report

    for login, currency, balance, available, blocked in _cash_via_api(mock_backend.url):
        assert min(balance, available, blocked) >= 0, (login, currency, balance, available)

    orders = _made_once(mock_backend.db, orders_before, "orders", "orders", "order", out)
    withdrawals = _made_once(
        mock_backend.db, instructions_before, "instructions", "instructions", "instruction", out
    )
    assert orders > 0 and withdrawals > 0
    with contextlib.closing(_read_only(mock_backend.db)) as conn:
        negative = [
            (row["account_id"], row["currency"], row["balance"])
            for row in conn.execute("SELECT account_id, currency, balance FROM cash")
            if Decimal(row["balance"]) < 0
        ]
    assert negative == []


def test_a_confirm_whose_answer_is_lost_is_retried_with_its_key_and_makes_one(
    mock_backend: Mock, tmp_path: Path
) -> None:
    """The mock commits the next confirms and then drops their answers mid-body: the journeys
    must send each again with the same Idempotency-Key and get the same order back."""
    out = tmp_path / "locust"
    out.mkdir()
    orders_before = _ids(mock_backend.db, "orders")
    instructions_before = _ids(mock_backend.db, "instructions")
    with httpx.Client(base_url=mock_backend.url, timeout=60, trust_env=False) as http:
        http.post("/mock/faults", json={"crash_after_commit": LOST_ANSWERS}).raise_for_status()

        # No replays: a replay is a confirm too, and would take one of the lost answers.
        result = _run_locust(
            mock_backend.url, out, 6, 10, "--replay-rate", "0", "TraderUser", "WithdrawerUser"
        )

        left = http.get("/mock/faults").json()["crash_after_commit"]
    report = f"stdout:\n{result.stdout[-4000:]}\nstderr:\n{result.stderr[-4000:]}"
    assert left == 0, report
    failures = _rows(out / "run_failures.csv")
    assert {(f["Method"], f["Name"]) for f in failures} <= {
        ("POST", "/api/v1/orders"),
        ("POST", "/api/v1/instructions"),
    }, failures
    assert all("answer lost mid-body" in f["Error"] for f in failures), failures
    assert sum(int(f["Occurrences"]) for f in failures) == LOST_ANSWERS, failures
    assert _rows(out / "run_exceptions.csv") == [], report
    made = _made_once(mock_backend.db, orders_before, "orders", "orders", "order", out)
    made += _made_once(
        mock_backend.db, instructions_before, "instructions", "instructions", "instruction", out
    )
    assert made >= LOST_ANSWERS
