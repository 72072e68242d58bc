"""The OS keyring: the remembered login, the refresh token and the remembered computer's
device token, never a file.

Keyring calls may block (D-Bus, a keychain prompt), so the async wrappers run them in a
thread. When no backend works, the store says so once and remembers nothing. Neither keyring
nor asyncio is imported with the module: the login window paints first.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "cesec-desktop"
LOGIN_KEY = "remembered-login"


def _token_key(login: str) -> str:
    return f"refresh-token:{login.strip().lower()}"


def _device_key(login: str) -> str:
    # Per login: one computer may be remembered for one user and not for another.
    return f"device-token:{login.strip().lower()}"


class CredentialStore:
    """Per-server secrets in the keyring (`service` is `cesec-desktop:<server URL>`)."""

    def __init__(self, server_url: str, backend: Any = None) -> None:
        self.service = f"{SERVICE}:{server_url}"
        self._backend = backend
        self._available: bool | None = None

    def _keyring(self) -> Any:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def available(self) -> bool:
        """Whether a real keyring backend works here (checked once)."""
        if self._available is None:
            try:
                backend = self._keyring()
                priority = float(getattr(backend, "priority", 1))
                module = type(backend).__module__
                self._available = priority > 0 and not module.startswith("keyring.backends.fail")
            except Exception:
                log.exception("keyring backend could not be loaded")
                self._available = False
            if not self._available:
                log.warning("no keyring backend: the login and session will not be remembered")
        return self._available

    def _get(self, key: str) -> str | None:
        if not self.available():
            return None
        try:
            value = self._keyring().get_password(self.service, key)
        except Exception as exc:
            log.warning("keyring read failed (%s)", type(exc).__name__)
            return None
        return str(value) if value else None

    def _set(self, key: str, value: str) -> None:
        if not self.available():
            return
        try:
            self._keyring().set_password(self.service, key, value)
        except Exception as exc:
            log.warning("keyring write failed (%s)", type(exc).__name__)

    def _delete(self, key: str) -> None:
        if not self.available():
            return
        # keyring raises PasswordDeleteError for a missing entry: nothing to delete then.
        with contextlib.suppress(Exception):
            self._keyring().delete_password(self.service, key)

    # --- blocking calls --------------------------------------------------------------------

    def remembered_login(self) -> str | None:
        return self._get(LOGIN_KEY)

    def remember_login(self, login: str) -> None:
        self._set(LOGIN_KEY, login)

    def forget_login(self) -> None:
        self._delete(LOGIN_KEY)

    def refresh_token(self, login: str) -> str | None:
        return self._get(_token_key(login))

    def save_refresh_token(self, login: str, token: str) -> None:
        self._set(_token_key(login), token)

    def delete_refresh_token(self, login: str) -> None:
        self._delete(_token_key(login))

    def device_token(self, login: str) -> str | None:
        """This computer's token for `login` after "Remember this computer", if any."""
        return self._get(_device_key(login))

    def save_device_token(self, login: str, token: str) -> None:
        self._set(_device_key(login), token)

    def delete_device_token(self, login: str) -> None:
        self._delete(_device_key(login))

    # --- off the UI thread -----------------------------------------------------------------

    async def available_async(self) -> bool:
        if self._available is not None:
            return self._available
        import asyncio

        return await asyncio.to_thread(self.available)

    async def run(self, method: str, *args: str) -> Any:
        """Call one of the blocking methods above in a worker thread."""
        import asyncio

        return await asyncio.to_thread(getattr(self, method), *args)
