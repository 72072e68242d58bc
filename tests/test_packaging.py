"""The wheel's explicit package list (pyproject.toml) names every package in the tree.

The list is explicit because resources/ and i18n/ are mapped into the wheel as packages;
a new subpackage missing from it would silently be left out of an install.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = set(find_packages(where=str(ROOT), include=["cesec_desktop*"]))
    assert found <= listed, sorted(found - listed)
    mapped = config["tool"]["setuptools"]["package-dir"]
    for package, folder in mapped.items():
        assert package in listed and (ROOT / folder).is_dir()
