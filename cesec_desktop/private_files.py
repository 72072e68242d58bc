"""Files and folders only their owner can read (0600 / 0700 on POSIX; a no-op elsewhere).

Settings, logs and exports hold account details. These helpers live apart from
logging_setup so that the settings can use them before the login window paints without
loading the logging machinery (its regular expressions, its dataclasses) first.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_opener(path: str, flags: int) -> int:
    """Opens a file that only its owner can read (an existing one is tightened too)."""
    fd = os.open(path, flags, PRIVATE_FILE)
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE)
    return fd


def private_folder(path: Path) -> Path:
    """Creates `path` (if needed) readable by its owner only; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if os.name == "posix":
        os.chmod(path, PRIVATE_FOLDER)
    return path


def private_file(path: Path | str) -> None:
    """Makes an existing file readable by its owner only (POSIX; a no-op elsewhere).

    Best effort: a file that is gone or not ours is left as it is.
    """
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FILE)
