"""The shipped scenarios (top-level `scenarios/`, one TOML each) and finding one by name.

The folder is found as settings.bundle_dir() finds resources/: beside the package in a
checkout, inside a PyInstaller bundle, or as the package `cesec_desktop.data.scenarios` in
an installed wheel (pyproject.toml maps it there).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from cesec_desktop.mockserver.scenario_model import NAME_PATTERN
from cesec_desktop.mockserver.scenario_source import (
    MAX_SCENARIO_BYTES,
    ScenarioError,
    ScenarioSource,
    UnknownScenario,
    parse_scenario,
)

FOLDER = "scenarios"
_NAME = re.compile(NAME_PATTERN)


def catalogue_dir() -> Path:
    """Where the shipped scenarios are: a bundle, the source tree, or an installed wheel."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / FOLDER
    package = Path(__file__).resolve().parent.parent
    source_tree = package.parent / FOLDER
    if source_tree.is_dir() and (package.parent / "pyproject.toml").is_file():
        return source_tree
    return package / "data" / FOLDER


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    purpose: str


def catalogue() -> list[CatalogueEntry]:
    """Every shipped scenario's name and purpose, sorted by name (files that do not parse
    are left out: a test keeps every one of them loading)."""
    entries = []
    folder = catalogue_dir()
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        name, purpose = data.get("name"), data.get("purpose")
        if isinstance(name, str) and isinstance(purpose, str):
            entries.append(CatalogueEntry(name, purpose.strip()))
    return sorted(entries, key=lambda e: e.name)


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_SCENARIO_BYTES:
            raise ScenarioError([f"a scenario is at most {MAX_SCENARIO_BYTES} bytes"])
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScenarioError([f"{path.name} is not UTF-8 text"]) from None


def load_named(name: str) -> ScenarioSource:
    """A shipped scenario by name; UnknownScenario if there is none of that name."""
    if not _NAME.fullmatch(name):
        raise UnknownScenario(name)
    path = catalogue_dir() / f"{name}.toml"
    if not path.is_file():
        raise UnknownScenario(name)
    return parse_scenario(_read(path), name)


def load_scenario(name_or_file: str) -> ScenarioSource:
    """`--scenario`: a file path (anything with a slash or ending .toml), else a shipped name."""
    looks_like_file = name_or_file.endswith(".toml") or any(s in name_or_file for s in "/\\")
    if looks_like_file:
        path = Path(name_or_file).expanduser()
        if not path.is_file():
            raise UnknownScenario(name_or_file)
        return parse_scenario(_read(path), str(path))
    return load_named(name_or_file)
