"""Which line of a TOML text holds a key: so a validation error can say "line 12: users[0]…".

tomllib keeps no positions, so this scans the text once more (it has already parsed, so it
is valid TOML) and records the line where each key path starts: table headers, arrays of
tables (`[[users]]` counts users[0], users[1]…), dotted keys, inline tables and arrays with
their elements. A path the text does not hold (a missing key) is placed at its nearest
ancestor that it does hold.
"""

from __future__ import annotations

import bisect
import tomllib
from collections.abc import Sequence

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SCALAR_END = frozenset(",]}\n#")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.breaks = [n for n, ch in enumerate(text) if ch == "\n"]
        self.lines: dict[Path, int] = {}
        self.arrays: dict[Path, int] = {}
        """Arrays of tables: their concrete path → how many tables so far."""

    # --- positions ---------------------------------------------------------------------

    def line(self) -> int:
        return bisect.bisect_right(self.breaks, self.i - 1) + 1

    def record(self, path: Path) -> None:
        line = self.line()
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], line)

    def peek(self, text: str) -> bool:
        return self.text.startswith(text, self.i)

    def at_end(self) -> bool:
        return self.i >= len(self.text)

    def skip_blank(self, newlines: bool) -> None:
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.i += 1
            elif ch == "#":
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            else:
                return

    # --- pieces --------------------------------------------------------------------------

    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_blank(False)
            if self.peek('"') or self.peek("'"):
                start = self.i
                self.string()
                parts.append(tomllib.loads(f"k = {self.text[start : self.i]}")["k"])
            else:
                start = self.i
                while self.i < len(self.text) and self.text[self.i] in _BARE:
                    self.i += 1
                parts.append(self.text[start : self.i])
            self.skip_blank(False)
            if not self.peek("."):
                return parts
            self.i += 1

    def string(self) -> None:
        text = self.text
        for quote in ('"""', "'''", '"', "'"):
            if text.startswith(quote, self.i):
                break
        self.i += len(quote)
        escapes = quote[0] == '"'
        while self.i < len(text):
            if escapes and text[self.i] == "\\":
                self.i += 2
                continue
            if text.startswith(quote, self.i):
                self.i += len(quote)
                # A multi-line string may end in up to two more quotes of its own.
                while len(quote) == 3 and text.startswith(quote[0], self.i):
                    self.i += 1
                return
            self.i += 1

    def value(self, path: Path) -> None:
        self.skip_blank(False)
        if self.peek("["):
            self.i += 1
            index = 0
            while True:
                self.skip_blank(True)
                if self.at_end() or self.peek("]"):
                    self.i += 1
                    return
                self.record((*path, index))
                start = self.i
                self.value((*path, index))
                self.skip_blank(True)
                if self.peek(",") or self.i == start:
                    self.i += 1  # past the comma (or, in text tomllib refused, a stray char)
                index += 1
        elif self.peek("{"):
            self.i += 1
            while True:
                self.skip_blank(True)
                if self.at_end() or self.peek("}"):
                    self.i += 1
                    return
                start = self.i
                child = (*path, *self.key())
                self.record(child)
                self.skip_blank(False)
                self.i += 1  # "="
                self.value(child)
                self.skip_blank(True)
                if self.peek(",") or self.i == start:
                    self.i += 1
        elif self.peek('"') or self.peek("'"):
            self.string()
        else:
            while self.i < len(self.text) and self.text[self.i] not in _SCALAR_END:
                self.i += 1

    def resolve(self, parts: Sequence[str]) -> Path:
        """A header's key as a concrete path: each array of tables on the way at its last one."""
        path: Path = ()
        for part in parts:
            path = (*path, part)
            count = self.arrays.get(path)
            if count:
                path = (*path, count - 1)
        return path

    # --- the document ----------------------------------------------------------------------

    def run(self) -> dict[Path, int]:
        table: Path = ()
        while True:
            self.skip_blank(True)
            if self.at_end():
                return self.lines
            if self.peek("[["):
                self.i += 2
                parts = self.key()
                self.i += 2
                parent = self.resolve(parts[:-1])
                array = (*parent, parts[-1])
                self.arrays[array] = self.arrays.get(array, 0) + 1
                table = (*array, self.arrays[array] - 1)
                self.record(table)
            elif self.peek("["):
                self.i += 1
                parts = self.key()
                self.i += 1
                table = self.resolve(parts)
                self.record(table)
            else:
                path = (*table, *self.key())
                self.record(path)
                self.skip_blank(False)
                self.i += 1  # "="
                self.value(path)


def key_lines(text: str) -> dict[Path, int]:
    """Every key path of a valid TOML text → the line (from 1) where it starts."""
    return _Scanner(text).run()


def clean_loc(loc: Sequence[str | int]) -> Path:
    """A pydantic error location without pydantic's own markers ("[key]", union tags)."""
    return tuple(p for p in loc if isinstance(p, int) or not (p.startswith("[") or "[" in p))


def line_of(lines: dict[Path, int], loc: Sequence[str | int]) -> int:
    """The line of `loc`, or of its nearest ancestor the text holds (1 when none)."""
    path = clean_loc(loc)
    for end in range(len(path), 0, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return 1


def dotted(loc: Sequence[str | int]) -> str:
    """users[0].accounts[1].cash.KZT"""
    out = ""
    for part in clean_loc(loc):
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
