"""The shipped scenarios: each file loads, the wheel and the bundle carry them, the CLI finds
them by name or path."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from cesec_desktop.mockserver.cli import main, parse_args
from cesec_desktop.mockserver.scenario_catalogue import catalogue, catalogue_dir, load_named

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_shipped_scenario_loads_under_its_file_name(path: Path) -> None:
    source = load_named(path.stem)
    assert source.scenario.name == path.stem
    assert source.scenario.purpose and "\n" not in source.scenario.purpose


def test_the_catalogue_is_the_folder_sorted_by_name() -> None:
    assert [e.name for e in catalogue()] == [p.stem for p in FILES]
    assert len(FILES) >= 10


def test_a_bundle_keeps_the_scenarios_beside_its_resources(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert catalogue_dir() == tmp_path / "scenarios"


def test_the_wheel_and_the_bundle_carry_the_folder() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert "cesec_desktop.data.scenarios" in setuptools["packages"]
    assert setuptools["package-dir"]["cesec_desktop.data.scenarios"] == "scenarios"
    assert setuptools["package-data"]["cesec_desktop.data.scenarios"] == ["*.toml"]
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "scenarios"), "scenarios")' in spec


def test_the_cli_takes_a_name_or_a_file(tmp_path: Path) -> None:
    assert parse_args([]).scenario_source is None
    named = parse_args(["--scenario", "market-closed"]).scenario_source
    assert named is not None and named.scenario.name == "market-closed"
    own = tmp_path / "own.toml"
    own.write_text('name = "own"\npurpose = "Mine."\n', encoding="utf-8")
    from_file = parse_args(["--scenario", str(own)]).scenario_source
    assert from_file is not None and from_file.scenario.name == "own"


def test_a_bad_scenario_stops_the_cli_with_its_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\npurpose = "Bad."\n[world]\nseed = -1\n', encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        parse_args(["--scenario", str(bad)])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "line 4: world.seed: Input should be greater than or equal to 0" in error
    with pytest.raises(SystemExit):
        parse_args(["--scenario", "no-such-scenario"])
    assert "fresh-client" in capsys.readouterr().err


def test_the_cli_lists_the_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-scenarios"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [p.stem for p in FILES]
