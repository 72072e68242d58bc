"""The redactor catches every shape a secret takes in a log line, through the real log file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from cesec_desktop.logging_setup import recent_lines, redact, setup_logging

SHAPES = [
    ("SMS to +7 701 *** ** 67: code 179666 (challenge c-1)", "179666"),
    ("Код 123456", "123456"),
    ("Ваш код подтверждения: 654321", "654321"),
    ("Растау коды 246810", "246810"),
    ("code=135790", "135790"),
    ("login demo pwd=Demo#2026", "Demo#2026"),
    ("pass=Hunter2", "Hunter2"),
    ("passphrase: correct-horse", "correct-horse"),
    ("pin=4321", "4321"),
    ("Пароль: Qwerty#1", "Qwerty#1"),
    ("client_secret=cs-42", "cs-42"),
    ("X-Api-Key: ak-77", "ak-77"),
    ("session_id=sess-9", "sess-9"),
    ("Authorization: Basic ZGVtbzpEZW1vIzIwMjY=", "ZGVtbzpEZW1vIzIwMjY="),
    ("connecting to https://demo:S3cret@cabinet.example/api", "S3cret"),
    ('{"password": "with \\" quote"}', "quote"),
    ("sms: 112233", "112233"),
]
KEPT = [
    "stream closed (code 4401)",
    '{"code": "invalid_credentials"}',
    "attempts_left: 3",
    "GET /api/v1/me 200",
    "basic checks passed",
    "passport check ok",
]


@pytest.mark.parametrize(("text", "secret"), SHAPES)
def test_each_shape_is_masked(text: str, secret: str) -> None:
    assert secret not in redact(text)
    assert "***" in redact(text)


@pytest.mark.parametrize("text", KEPT)
def test_plain_words_and_close_codes_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    yield setup_logging(tmp_path / "logs", console=False)
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_no_shape_reaches_the_files_or_the_support_excerpt(app_log: Path) -> None:
    log = logging.getLogger("cesec_desktop.mockserver.signing")
    for number, (text, _secret) in enumerate(SHAPES):
        log.info("line %d: %s", number, text)
    try:
        raise RuntimeError("refused: Код 999888, pwd=Tb#1")
    except RuntimeError:
        log.exception("a traceback holds one too")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = "\n".join(p.read_text("utf-8") for p in app_log.parent.iterdir())
    excerpt = "\n".join(recent_lines(100))
    for _text, secret in [*SHAPES, ("", "999888"), ("", "Tb#1")]:
        assert secret not in written
        assert secret not in excerpt
    assert "line 0: SMS to" in written
