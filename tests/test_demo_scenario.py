"""`--demo --scenario`: the mock starts the scenario's world in a database of its own."""

from __future__ import annotations

from pathlib import Path

import httpx

from cesec_desktop.demo import ChildService, DemoServices


def _value(args: list[str], flag: str) -> str:
    return args[args.index(flag) + 1]


def test_without_a_scenario_the_demo_keeps_its_persistent_world(tmp_path: Path) -> None:
    args = DemoServices(tmp_path).backend_args()
    assert "--scenario" not in args
    assert _value(args, "--db") == str(tmp_path / "demo-backend.sqlite3")


def test_a_scenario_gets_its_own_database(tmp_path: Path) -> None:
    args = DemoServices(tmp_path, scenario="market-closed").backend_args()
    assert _value(args, "--scenario") == "market-closed"
    assert _value(args, "--db") == str(tmp_path / "scenario-market-closed.sqlite3")
    own = tmp_path / "my world.toml"
    args = DemoServices(tmp_path, scenario=str(own)).backend_args()
    assert _value(args, "--scenario") == str(own.resolve())
    assert _value(args, "--db") == str(tmp_path / "scenario-my_world.sqlite3")


def test_the_backend_child_starts_the_scenario(tmp_path: Path) -> None:
    services = DemoServices(tmp_path, scenario="expired-password")
    backend = ChildService("mock backend", services.backend_args())
    try:
        url = backend.start(timeout=60)
        assert httpx.get(f"{url}/mock", timeout=10).json()["scenario"] == "expired-password"
        signed = httpx.post(
            f"{url}/api/v1/auth/login",
            json={"login": "demo", "password": "Demo#2026"},
            timeout=10,
        ).json()
        assert signed["password_change_required"] is True
    finally:
        backend.stop()
    assert (tmp_path / "scenario-expired-password.sqlite3").is_file()
    assert not (tmp_path / "demo-backend.sqlite3").exists()
