"""Log, settings and export files are the user's alone: 0600, their folders 0700 (POSIX)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cesec_desktop import logging_setup
from cesec_desktop.logging_setup import LOG_FILE, START_FILE, setup_logging
from cesec_desktop.settings import APPLICATION, ORGANIZATION, Settings
from cesec_desktop.state.export import Cell, ExportFormat, TableSnapshot, write

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """A permissive umask, as many desktops have: the app must not rely on the user's."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_log_files_and_folder_are_private_even_if_they_existed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    (folder / LOG_FILE).write_text("an older session\n")
    os.chmod(folder / LOG_FILE, 0o644)
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 4_000)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_logging(folder, console=False)
        log = logging.getLogger("cesec_desktop.test_modes")
        for number in range(40):  # enough to rotate: a backup file appears
            log.handle(log.makeRecord(log.name, logging.INFO, "m.py", number, "y" * 300, (), None))
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    assert _mode(folder) == 0o700
    files = sorted(folder.iterdir())
    assert {LOG_FILE, f"{LOG_FILE}.1", START_FILE} <= {p.name for p in files}
    for path in files:
        assert _mode(path) == 0o600, path.name


def test_the_settings_file_and_its_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / ORGANIZATION
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    path = folder / f"{APPLICATION}.conf"
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.theme = "dark"
    settings.sync()
    assert path.read_text().count("dark") == 1
    assert _mode(path) == 0o600
    assert _mode(folder) == 0o700
    os.chmod(path, 0o644)  # written by an older version
    again = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert _mode(path) == 0o600
    again.language = "kk"
    again.sync()
    assert _mode(path) == 0o600


@pytest.mark.parametrize("kind", [ExportFormat.CSV, ExportFormat.XLSX])
def test_an_export_file_is_private(tmp_path: Path, kind: ExportFormat) -> None:
    table = TableSnapshot(["Account", "Cash"], [[Cell("KZ-001"), Cell("1500", Decimal("1500"))]])
    fresh = tmp_path / f"statement.{kind}"
    write(table, fresh, kind)
    assert fresh.stat().st_size > 0
    assert _mode(fresh) == 0o600
    existing = tmp_path / f"over.{kind}"
    existing.write_bytes(b"old")
    os.chmod(existing, 0o644)
    write(table, existing, kind)
    assert _mode(existing) == 0o600
    assert existing.read_bytes() != b"old"
