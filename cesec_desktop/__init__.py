"""Centras Securities trading cabinet: a native Qt desktop client."""

from __future__ import annotations

from pathlib import Path

DISTRIBUTION = "cesec-desktop"


def _read_version() -> str:
    """The version from its single source, pyproject.toml (issue 17).

    A source checkout reads pyproject.toml itself, so a bumped version shows without a
    reinstall; a wheel or a frozen bundle has no pyproject.toml beside the package and reads
    the distribution metadata that was built from it (build.spec copies it into the bundle).
    """
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == DISTRIBUTION and isinstance(project.get("version"), str):
            return project["version"]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from an unpacked copy without metadata
        return "0+unknown"


__version__ = _read_version()
