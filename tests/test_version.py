"""One version source: pyproject.toml, read by --version, the package and the About box."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import cesec_desktop

ROOT = Path(__file__).resolve().parent.parent


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def test_version_flag_prints_pyprojects_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cesec_desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=True,
    )
    assert result.stdout.strip() == f"cesec-desktop {pyproject_version()}"


def test_package_version_is_pyprojects() -> None:
    assert cesec_desktop.__version__ == pyproject_version()


def test_no_other_file_states_the_version() -> None:
    """A second literal would drift: the package reads pyproject.toml, nothing restates it."""
    version = pyproject_version()
    literal = f'"{version}"'
    holders = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "cesec_desktop").rglob("*.py")
        if literal in path.read_text(encoding="utf-8")
    ]
    assert holders == []
