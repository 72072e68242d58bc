"""Handing a verified update to the platform's installer (the app quits right after).

The installer runs detached from this process, so it survives the app's exit and can
replace the files the app ran from. Nothing here verifies: the file handed off is the one
python-tuf verified (api/updates.py).
"""

from __future__ import annotations

import logging
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)


class Installer(Protocol):
    quits_app: bool
    """True when the app must quit for the installer to replace it."""

    def command(self, path: Path) -> list[str]:
        """What hand_off runs for `path` (shown by the dry run, logged by the others)."""
        ...

    def hand_off(self, path: Path) -> None:
        """Start the installer on `path`; OSError if it cannot be started."""
        ...


class _DetachedInstaller:
    quits_app = True

    def command(self, path: Path) -> list[str]:
        raise NotImplementedError

    def hand_off(self, path: Path) -> None:
        command = self.command(path)
        log.info("handing the update to the installer: %s", shlex.join(command))
        options: dict[str, object] = {
            "stdin": subprocess.DEVNULL,
            "stdout": subprocess.DEVNULL,
            "stderr": subprocess.DEVNULL,
            "close_fds": True,
        }
        if sys.platform == "win32":
            options["creationflags"] = (
                subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
            )
        else:
            options["start_new_session"] = True  # not killed with the app's process group
        subprocess.Popen(command, **options)  # type: ignore[call-overload]


class WindowsInstaller(_DetachedInstaller):
    """The Inno Setup installer, silent (a progress window, no questions), no "this will
    install" prompt; it closes and restarts the app itself (packaging/windows/)."""

    def command(self, path: Path) -> list[str]:
        return [str(path), "/SILENT", "/SP-"]


class MacInstaller(_DetachedInstaller):
    """The dmg opens in Finder: the user drags the app to Applications, as on first install."""

    def command(self, path: Path) -> list[str]:
        return ["open", str(path)]


class LinuxInstaller(_DetachedInstaller):
    """The onedir archive's folder opens: Linux users unpack it where they keep the app."""

    def command(self, path: Path) -> list[str]:
        return ["xdg-open", str(path.parent)]


class DryRunInstaller:
    """Demo mode: says what it would run and runs nothing; the app stays open."""

    quits_app = False

    def __init__(self, real: Installer | None = None) -> None:
        self.real = real if real is not None else platform_installer()
        self.ran: list[list[str]] = []

    def command(self, path: Path) -> list[str]:
        return self.real.command(path)

    def hand_off(self, path: Path) -> None:
        command = self.command(path)
        self.ran.append(command)
        log.info("demo mode: would run %s", shlex.join(command))


def platform_installer(platform: str = sys.platform) -> Installer:
    if platform == "win32":
        return WindowsInstaller()
    if platform == "darwin":
        return MacInstaller()
    return LinuxInstaller()
