"""Settings, the default language, locale formatting, redacted logs, the credential store."""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from gui_support import MemoryKeyring
from PySide6.QtCore import QByteArray, QLocale

from cesec_desktop.logging_setup import LOG_FILE, RedactingFilter, redact, setup_logging
from cesec_desktop.settings import DEFAULT_IDLE_MINUTES, Settings
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.formatting import format_decimal, format_money
from cesec_desktop.state.i18n import default_language, locale_for


def test_settings_round_trip_and_defaults(settings: Settings) -> None:
    assert settings.language is None
    assert settings.theme == "system"
    assert settings.idle_minutes == DEFAULT_IDLE_MINUTES == 15
    assert settings.remember_me is False
    assert settings.last_page_of("demo") == "home"
    assert settings.time_zone == "almaty"  # market times are the exchange's by default
    assert settings.geometry("main_window") is None
    settings.language = "kk"
    settings.theme = "dark"
    settings.idle_minutes = 0.5
    settings.remember_me = True
    settings.set_last_page("demo", "orders")
    settings.time_zone = "local"
    settings.set_geometry("main_window", QByteArray(b"\x01\x02"))
    settings.sync()
    again = Settings(type(settings.store)(settings.store.fileName(), settings.store.format()))
    assert again.language == "kk"
    assert again.theme == "dark"
    assert again.idle_minutes == 0.5
    assert again.remember_me is True
    assert again.last_page_of("demo") == "orders"
    assert again.last_page_of("aigerim") == "home", "another user keeps their own"
    assert again.time_zone == "local"
    assert again.geometry("main_window") == QByteArray(b"\x01\x02")
    settings.theme = "purple"
    assert settings.theme == "system"
    settings.time_zone = "Europe/Paris"
    assert settings.time_zone == "almaty"


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("kk_KZ", "kk"),
        ("ru_RU", "ru"),
        ("ru_KZ", "ru"),
        ("en_US", "en"),
        ("en_GB", "en"),
        ("de_DE", "ru"),
        ("zh_CN", "ru"),
    ],
)
def test_the_default_language_is_the_os_one_if_ours_else_russian(
    system: str, expected: str
) -> None:
    assert default_language(QLocale(system)) == expected


def test_numbers_and_money_follow_the_ui_locale() -> None:
    value = Decimal("1234567.5")
    assert format_decimal(value, 2, locale_for("en")) == "1,234,567.50"
    ru = format_decimal(value, 2, locale_for("ru"))
    assert ru.replace("\N{NO-BREAK SPACE}", " ").replace("\N{NARROW NO-BREAK SPACE}", " ") == (
        "1 234 567,50"
    )
    kk = format_decimal(Decimal("-0.125"), 2, locale_for("kk"))
    assert kk in ("-0,12", "-0,13", "\N{MINUS SIGN}0,12", "\N{MINUS SIGN}0,13")
    assert format_money(Decimal("42"), "KZT", locale_for("en")) == "42.00\N{NO-BREAK SPACE}KZT"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer eyJhbGciOi.abc-123", "eyJhbGciOi.abc-123"),
        ('{"access_token": "tok-A", "expires_in": 900}', "tok-A"),
        ("{'refresh_token': 'tok-R'}", "tok-R"),
        ("login demo password=Demo#2026", "Demo#2026"),
        ('{"old_password": "Old#1", "new_password": "New#2"}', "Old#1"),
        ('{"challenge_id": "c1", "code": "123456"}', "123456"),
        ("SMS code 654321 sent to +7 701", "654321"),
        ("wss://host/api/v1/stream?access_token=tok-Q&x=1", "tok-Q"),
    ],
)
def test_secrets_are_redacted(text: str, secret: str) -> None:
    assert secret not in redact(text)
    assert "***" in redact(text)


def test_error_codes_and_plain_words_are_kept() -> None:
    for text in ('{"code": "invalid_credentials"}', "attempts_left: 3", "GET /api/v1/me 200"):
        assert redact(text) == text


def test_the_log_file_rotates_in_the_log_folder_and_holds_no_secrets(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    path = setup_logging(tmp_path / "logs", console=False)
    try:
        assert path == tmp_path / "logs" / LOG_FILE
        log = logging.getLogger("cesec_desktop.test")
        log.info("signing in with password=%s and %s", "Demo#2026", "Bearer abc.def")
        try:
            raise ValueError("refresh_token=tok-123 was refused")
        except ValueError:
            log.exception("refresh failed")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "signing in with password=***" in text
        assert "Demo#2026" not in text and "abc.def" not in text and "tok-123" not in text
        gate = next(h for h in root.handlers if getattr(h, "_cesec", False))
        assert any(isinstance(f, RedactingFilter) for f in gate.filters)
        rotating = gate.file_handler()  # type: ignore[attr-defined]
        assert rotating.maxBytes > 0 and rotating.backupCount > 0
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_the_credential_store_uses_the_keyring_per_server(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore("https://cabinet.example", backend=memory_keyring)
    assert store.available()
    store.remember_login("demo")
    store.save_refresh_token("Demo", "tok")
    assert store.remembered_login() == "demo"
    assert store.refresh_token("demo") == "tok"
    other = CredentialStore("http://127.0.0.1:8765", backend=memory_keyring)
    assert other.remembered_login() is None
    store.delete_refresh_token("demo")
    store.delete_refresh_token("demo")  # deleting twice is fine
    assert store.refresh_token("demo") is None


def test_without_a_keyring_the_store_remembers_nothing(caplog: Any) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    store = CredentialStore("https://cabinet.example", backend=FailKeyring())
    with caplog.at_level(logging.WARNING):
        assert not store.available()
        assert not store.available()
    assert sum("no keyring backend" in r.message for r in caplog.records) == 1
    store.remember_login("demo")  # no error, no effect
    assert store.remembered_login() is None
