"""Where the updater's repository and trust come from: a root shipped in resources/ with the
settings' URL, or in demo mode the mock's own; without a root, updates are not configured."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cesec_desktop import settings as app_settings
from cesec_desktop.app import UPDATE_ROOT, configure_demo_updates, configure_updates
from cesec_desktop.settings import Settings
from cesec_desktop.state.update_install import DryRunInstaller, platform_installer
from cesec_desktop.state.updates import UpdateCenter


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(app_settings, "resources_dir", lambda: tmp_path / "resources")
    monkeypatch.setattr(app_settings, "data_dir", lambda: tmp_path / "data")
    return tmp_path


def test_without_a_shipped_root_updates_are_not_configured(
    settings: Settings, folders: Path
) -> None:
    center = UpdateCenter(settings, current_version="0.1.0")
    assert not configure_updates(center, settings)
    assert not center.configured


def test_a_shipped_root_and_the_settings_url_configure_the_real_installer(
    settings: Settings, folders: Path
) -> None:
    (folders / "resources" / UPDATE_ROOT).write_bytes(b'{"signed": {}}')
    settings.store.setValue("updates/url", "https://updates.example.kz/desktop")
    center = UpdateCenter(settings, current_version="0.1.0")
    assert configure_updates(center, settings)
    assert center.configured and not center.dry_run
    assert type(center.installer) is type(platform_installer())
    assert center.client_factory is not None
    client = center.client_factory()
    assert client._url == "https://updates.example.kz/desktop/"
    assert client._root == b'{"signed": {}}'
    assert client._metadata_dir == folders / "data" / "updates" / "metadata"


@dataclass
class FakeServices:
    data_dir: Path
    updates_root: Path | None
    updates_url: str


def test_demo_mode_trusts_the_mocks_root_from_a_clean_folder_and_only_pretends_to_install(
    settings: Settings, tmp_path: Path
) -> None:
    root = tmp_path / "root.json"
    root.write_bytes(b'{"signed": {"_type": "root"}}')
    stale = tmp_path / "updates-client" / "metadata" / "timestamp.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    center = UpdateCenter(settings, current_version="0.1.0")
    services = FakeServices(tmp_path, root, "http://127.0.0.1:5000/updates/")
    assert configure_demo_updates(center, services)
    assert center.dry_run and isinstance(center.installer, DryRunInstaller)
    assert not stale.exists(), "the last run's metadata (other keys) is gone"
    assert center.client_factory is not None
    assert center.client_factory()._url == "http://127.0.0.1:5000/updates/"
    # A mock without a repository leaves updates unconfigured.
    other = UpdateCenter(settings, current_version="0.1.0")
    assert not configure_demo_updates(other, FakeServices(tmp_path, None, ""))
    assert not other.configured
