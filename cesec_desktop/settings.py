"""User settings (QSettings) and the folders the app reads and writes (QStandardPaths)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from cesec_desktop.private_files import private_file, private_folder

ORGANIZATION = "Centras Securities"
APPLICATION = "cesec-desktop"

THEMES = ("system", "light", "dark", "high_contrast")
TIME_ZONES = ("almaty", "local")
"""Where times are shown: Almaty's clock (the exchange's) or this computer's."""
DEFAULT_IDLE_MINUTES = 15.0
UPDATE_CHANNELS = ("stable", "beta")
DEFAULT_UPDATE_URL = "https://updates.cesec.kz/desktop/"
"""The broker's TUF repository (metadata/ and targets/ under it); a setting may point
elsewhere (a test repository), and it is used only with a root shipped in resources/."""


def data_dir() -> Path:
    """The user's data folder for this app (the demo database lives here)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    path = Path(location) if location else Path.home() / f".{APPLICATION}"
    _private_folders(path)
    return path


def log_dir() -> Path:
    """Qt names no log folder; logs go to a `logs` folder beside the user's data."""
    return private_folder(data_dir() / "logs")


def _private_folders(path: Path) -> None:
    """`path` and, when Qt made it, the organisation's folder above it: the user's alone."""
    private_folder(path)
    if path.parent.name == ORGANIZATION:
        private_folder(path.parent)


def bundle_dir() -> Path:
    """Where `resources/` and `i18n/` are: a PyInstaller bundle, the source tree, or a wheel.

    A wheel carries them as `cesec_desktop/data/{resources,i18n}` (see pyproject.toml), since
    an installed package has no source tree around it.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    source_tree = package.parent
    if (source_tree / "resources").is_dir() and (source_tree / "i18n").is_dir():
        return source_tree
    return package / "data"


def resources_dir() -> Path:
    return bundle_dir() / "resources"


def translations_dir() -> Path:
    return bundle_dir() / "i18n"


def _key(login: str) -> str:
    """A login as a QSettings group name ('/' and '\\' would nest groups)."""
    return login.casefold().replace("/", "_").replace("\\", "_")


def user_group(login: str) -> str:
    """The settings group of what one user chose on this computer."""
    return f"users/{_key(login)}"


def _to_bool(value: object, default: bool) -> bool:
    # An INI backend hands back strings ("true"/"false"), the native ones real bools.
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


class Settings:
    """Typed access to what the app remembers between runs."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)
        self._make_private()

    def _settings_file(self) -> Path | None:
        """The file behind the store, on POSIX; None for the registry or a macOS plist (the
        system's preferences daemon owns those)."""
        if os.name != "posix":
            return None
        if self.store.format() != QSettings.Format.IniFormat and sys.platform == "darwin":
            return None
        name = self.store.fileName()
        return Path(name) if name else None

    def _make_private(self) -> None:
        """The settings file is created 0600 in a 0700 folder: Qt keeps an existing file's
        mode when it rewrites it, so creating it first (empty) is what makes it stay private.
        """
        path = self._settings_file()
        if path is None:
            return
        try:
            if path.parent.name in (ORGANIZATION, APPLICATION):
                private_folder(path.parent)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
            private_file(path)
        except OSError:
            pass  # a read-only home: the app still runs on its defaults

    def _get(self, key: str) -> object:
        return self.store.value(key)

    def _set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)

    @property
    def language(self) -> str | None:
        value = self._get("ui/language")
        return str(value) if value in ("kk", "ru", "en") else None

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value)

    @property
    def theme(self) -> str:
        value = self._get("ui/theme")
        return str(value) if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("ui/theme", value if value in THEMES else "system")

    @property
    def time_zone(self) -> str:
        """Almaty (the default: market times are the exchange's) or this computer's zone."""
        value = self._get("ui/time_zone")
        return str(value) if value in TIME_ZONES else "almaty"

    @time_zone.setter
    def time_zone(self, value: str) -> None:
        self._set("ui/time_zone", value if value in TIME_ZONES else "almaty")

    @property
    def zoom(self) -> int:
        """The UI's text size in percent (state/zoom.py snaps it to one of its steps)."""
        try:
            value = round(float(self._get("ui/zoom")))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 100
        return min(max(value, 80), 200)

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._set("ui/zoom", int(value))

    @property
    def idle_minutes(self) -> float:
        try:
            value = float(self._get("session/idle_minutes"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES
        return value if value > 0 else DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, value: float) -> None:
        self._set("session/idle_minutes", float(value))

    @property
    def remember_me(self) -> bool:
        return _to_bool(self._get("login/remember_me"), False)

    @remember_me.setter
    def remember_me(self, value: bool) -> None:
        self._set("login/remember_me", bool(value))

    @property
    def notifications_enabled(self) -> bool:
        return _to_bool(self._get("notifications/enabled"), True)

    @notifications_enabled.setter
    def notifications_enabled(self, value: bool) -> None:
        self._set("notifications/enabled", bool(value))

    @property
    def update_auto_check(self) -> bool:
        """Whether the app looks for a newer version at start (at most once a day)."""
        return _to_bool(self._get("updates/auto_check"), True)

    @update_auto_check.setter
    def update_auto_check(self, value: bool) -> None:
        self._set("updates/auto_check", bool(value))

    @property
    def update_channel(self) -> str:
        """ "stable", or "beta" (a broker's choice: it also sees stable releases)."""
        value = self._get("updates/channel")
        return str(value) if value in UPDATE_CHANNELS else "stable"

    @update_channel.setter
    def update_channel(self, value: str) -> None:
        self._set("updates/channel", value if value in UPDATE_CHANNELS else "stable")

    @property
    def update_later_version(self) -> str:
        """The version the user put off with "Later" (automatic checks keep quiet about it)."""
        value = self._get("updates/later_version")
        return str(value)[:64] if value else ""

    @update_later_version.setter
    def update_later_version(self, value: str) -> None:
        self._set("updates/later_version", value)

    @property
    def update_last_check(self) -> str:
        """When the last automatic or asked-for check finished: an ISO instant in UTC, or ""."""
        value = self._get("updates/last_check")
        return str(value)[:64] if value else ""

    @update_last_check.setter
    def update_last_check(self, value: str) -> None:
        self._set("updates/last_check", value)

    @property
    def update_url(self) -> str:
        """The update repository's address, ending in "/"."""
        value = self._get("updates/url")
        text = str(value).strip() if value else DEFAULT_UPDATE_URL
        return text if text.endswith("/") else text + "/"

    def last_page_of(self, login: str) -> str:
        """The page `login` left the app on (another user's choice is not theirs)."""
        value = self._get(f"users/{_key(login)}/last_page") if login else None
        return str(value) if value else "home"

    def set_last_page(self, login: str, page: str) -> None:
        if login:
            self._set(f"users/{_key(login)}/last_page", page)

    def geometry(self, window: str) -> QByteArray | None:
        value = self._get(f"{window}/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, window: str, value: QByteArray) -> None:
        self._set(f"{window}/geometry", value)

    def window_state(self, window: str) -> QByteArray | None:
        value = self._get(f"{window}/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, window: str, value: QByteArray) -> None:
        self._set(f"{window}/state", value)

    def sync(self) -> None:
        self.store.sync()
        path = self._settings_file()
        if path is not None:
            private_file(path)
