"""Print the project's version, read from pyproject.toml (the single version source).

    python scripts/project_version.py                 # 0.2.0
    python scripts/project_version.py --numeric       # 0.2.0.0 (Windows file versions)
    python scripts/project_version.py --channel       # stable (beta for a pre-release)
    python scripts/project_version.py --check-tag v0.2.0

The release workflow reads every version it stamps through this script, never a literal:
the installer's (`iscc /DAppVersion=...`), the artifacts' names and the TUF targets'. It reads
the file with tomllib rather than importing cesec_desktop, so it runs before the project is
installed, and from any folder.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
VERSION = re.compile(r"(?P<release>\d+(?:\.\d+)*)(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?")
"""A PEP 440 public version in its normalised form (what `packaging` prints back). The
script stays on the standard library: CI runs it on a bare Python, before any install."""


def project_version(pyproject: Path = PYPROJECT) -> str:
    """`[project] version` of `pyproject`, checked to be a PEP 440 version."""
    with pyproject.open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        raise ValueError(f"{pyproject}: [project] version {version!r} is not a normalised one")
    return version


def numeric_version(version: str) -> str:
    """The four-number form Windows' file version resources and Inno Setup's
    VersionInfoVersion accept: the release numbers, padded (0.2.0b1 -> 0.2.0.0)."""
    match = VERSION.fullmatch(version)
    if match is None:
        raise ValueError(f"{version!r} is not a normalised version")
    release = [*(int(part) for part in match["release"].split(".")), 0, 0, 0][:4]
    if any(number > 65535 for number in release):
        raise ValueError(f"{version}: a Windows file version holds numbers up to 65535")
    return ".".join(str(number) for number in release)


def channel(version: str) -> str:
    """The update channel a release goes to: a pre-release (0.2.0b1, 0.2.0rc1) to "beta", a
    final release to "stable" (which the beta channel sees too)."""
    match = VERSION.fullmatch(version)
    if match is None:
        raise ValueError(f"{version!r} is not a normalised version")
    return "beta" if re.search(r"(?:a|b|rc)\d+|\.dev\d+", version) else "stable"


def tag_matches(tag: str, version: str) -> bool:
    """Whether a git tag names this version: `v` followed by it exactly."""
    return tag == f"v{version}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--numeric", action="store_true", help="print the 4-number form")
    group.add_argument(
        "--channel", action="store_true", help="print the update channel (stable or beta)"
    )
    group.add_argument("--check-tag", metavar="TAG", help="exit 1 unless TAG is 'v' + the version")
    args = parser.parse_args(argv)
    try:
        version = project_version()
        if args.numeric:
            print(numeric_version(version))
            return 0
        if args.channel:
            print(channel(version))
            return 0
    except (OSError, KeyError, ValueError) as error:
        print(f"project_version: {error}", file=sys.stderr)
        return 1
    if args.check_tag is not None:
        if not tag_matches(args.check_tag, version):
            print(
                f"the tag {args.check_tag!r} is not pyproject.toml's version: expected "
                f"'v{version}'",
                file=sys.stderr,
            )
            return 1
        print(f"the tag {args.check_tag} matches pyproject.toml's version {version}")
        return 0
    print(version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
