"""A release's notes in the three languages, from the changelogs, as JSON.

    python scripts/release_notes.py 0.2.0                # {"en": "...", "kk": "...", "ru": "..."}
    python scripts/release_notes.py 0.2.0 --out notes.json
    python scripts/release_notes.py 0.2.0 --released     # 2026-12-01, the section's date

The notes of version V are the body of its `## [V] - YYYY-MM-DD` section in CHANGELOG.md,
CHANGELOG.kk.md and CHANGELOG.ru.md (Keep a Changelog 1.1.0), Markdown as written there. The
release workflow passes them to `scripts/tuf_repo.py add-target --notes-json`, and the app's
update notice shows the one in the UI language. A version missing from any of the three is an
error: a release never goes out with notes in fewer languages than the app speaks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHANGELOGS = {"en": "CHANGELOG.md", "kk": "CHANGELOG.kk.md", "ru": "CHANGELOG.ru.md"}
UNRELEASED = "Unreleased"
MAX_NOTES_CHARS = 4000
"""Per language: the notes travel in the TUF targets metadata every client downloads, and the
app refuses longer ones (cesec_desktop/domain/releases.py MAX_NOTE_CHARS)."""

CHANGE_TYPES = {
    "en": ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"),
    "kk": ("Қосылды", "Өзгертілді", "Ескірді", "Жойылды", "Түзетілді", "Қауіпсіздік"),
    "ru": ("Добавлено", "Изменено", "Устарело", "Удалено", "Исправлено", "Безопасность"),
}
"""Keep a Changelog's six kinds of change, in each changelog's language (same order)."""

_VERSION_HEADING = re.compile(
    r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?[ \t]*$", re.M
)


@dataclass(frozen=True)
class Section:
    """One `## [version] - date` section of a changelog."""

    version: str
    date: str | None  # None for [Unreleased]
    body: str  # the Markdown under the heading, stripped


def sections(text: str) -> list[Section]:
    """The version sections of a changelog, newest first as written. A `## ` heading that is
    not a version heading ends the section before it, as do link references at the end."""
    found = []
    headings = list(_VERSION_HEADING.finditer(text))
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        body = text[heading.end() : end]
        other = re.search(r"^(?:## |\[[^\]]+\]: )", body, re.M)
        if other is not None:
            body = body[: other.start()]
        found.append(Section(heading["version"], heading["date"], body.strip()))
    return found


def unwrapped(body: str) -> str:
    """`body` with each wrapped list item on one line: the notice may show the notes as
    plain text or as Markdown, and both read the same then."""
    lines: list[str] = []
    for line in body.splitlines():
        if lines and lines[-1] and line[:1] in (" ", "\t") and line.strip():
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line.rstrip())
    return "\n".join(lines)


def read_sections(root: Path = ROOT) -> dict[str, list[Section]]:
    """Every changelog's sections, by language."""
    return {
        language: sections((root / name).read_text(encoding="utf-8"))
        for language, name in CHANGELOGS.items()
    }


def release_notes(version: str, root: Path = ROOT) -> dict[str, str]:
    """{"en", "kk", "ru"}: version's notes from each changelog. ValueError names what is
    missing (the version in a changelog, or its date) or too long."""
    if version == UNRELEASED:
        raise ValueError("[Unreleased] is no release: give the section a version and a date")
    notes = {}
    for language, found in read_sections(root).items():
        section = next((s for s in found if s.version == version), None)
        name = CHANGELOGS[language]
        if section is None:
            raise ValueError(f"{name} has no section for {version}")
        if section.date is None:
            raise ValueError(f"{name}: the section of {version} has no release date")
        if not section.body:
            raise ValueError(f"{name}: the section of {version} is empty")
        if len(section.body) > MAX_NOTES_CHARS:
            raise ValueError(f"{name}: the notes of {version} exceed {MAX_NOTES_CHARS} characters")
        notes[language] = unwrapped(section.body)
    return notes


def released(version: str, root: Path = ROOT) -> str:
    """The release date of `version`: the same in the three changelogs, else ValueError."""
    release_notes(version, root)  # every changelog has a dated section of it
    dates = {
        section.date
        for found in read_sections(root).values()
        for section in found
        if section.version == version
    }
    if len(dates) != 1:
        raise ValueError(f"the changelogs give {version} different dates: {sorted(dates)}")
    return dates.pop()  # type: ignore[return-value]  # a dated section, checked above


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="a released version, e.g. 0.2.0")
    parser.add_argument("--out", type=Path, help="write the JSON here instead of stdout")
    parser.add_argument(
        "--released", action="store_true", help="print the release date (YYYY-MM-DD) instead"
    )
    args = parser.parse_args(argv)
    try:
        notes = release_notes(args.version)
        if args.released:
            print(released(args.version))
            return 0
    except (OSError, ValueError) as error:
        print(f"release_notes: {error}", file=sys.stderr)
        return 1
    text = json.dumps(notes, ensure_ascii=False, indent=2) + "\n"
    if args.out is None:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # Windows consoles
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
