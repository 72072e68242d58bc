"""Logging to a rotating file in the user's log folder, with secrets redacted."""

from __future__ import annotations

import logging
import re
from pathlib import Path

LOG_FILE = "cesec-desktop.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
MASK = "***"

_SECRET_KEYS = (
    r"access_token|refresh_token|id_token|token|password|old_password|new_password|"
    r"passwd|secret|otp|sms_code|cms"
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer <token>
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=\-]+"), rf"\1 {MASK}"),
    # JSON / repr / kwargs: "password": "x", 'code': '123456', password=x, token: x
    (
        re.compile(
            rf"""(?ix)
            (["']?\b(?:{_SECRET_KEYS})\b["']?\s*[:=]\s*)
            (?:"[^"]*"|'[^']*'|[^\s,;&}}\]\)]+)
            """
        ),
        rf"\1{MASK}",
    ),
    # A numeric `code` is an SMS code; a word (`"code": "invalid_credentials"`) is not.
    (re.compile(r"""(?i)(["']?\bcode\b["']?\s*[:=]\s*["']?)\d{4,8}\b"""), rf"\1{MASK}"),
    # A bare six-digit SMS code after the words that announce one.
    (re.compile(r"(?i)\b(sms|otp|one-time)(\s+code)?(\s*[:=#]?\s*)\d{4,8}\b"), rf"\1\2\3{MASK}"),
)


def redact(text: str) -> str:
    """The text with passwords, tokens and SMS codes masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Masks secrets in the message, its arguments and any traceback text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _Pending(logging.Handler):
    """Keeps records until the log file is opened (`open_log_file`), so nothing is lost.

    Opening the file needs logging.handlers (~10 ms of imports); the app does it after the
    login window's first paint.
    """

    def __init__(self, path: Path, level: int) -> None:
        super().__init__(level)
        self.path = path
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _ours(handler: logging.Handler) -> bool:
    return bool(getattr(handler, "_cesec", False))


def setup_logging(
    directory: Path, level: int = logging.INFO, console: bool = True, defer_file: bool = False
) -> Path:
    """Log to `directory`/cesec-desktop.log (rotated) and warnings to stderr; returns the file.

    With `defer_file`, records wait in memory until `open_log_file()`.
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if _ours(handler):
            root.removeHandler(handler)
            handler.close()
    redacting = RedactingFilter()
    pending = _Pending(path, level)
    pending.addFilter(redacting)
    pending._cesec = True  # type: ignore[attr-defined]
    root.addHandler(pending)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(redacting)
        stream._cesec = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    # httpx logs every request line at INFO; keep the file readable.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if not defer_file:
        open_log_file()
    return path


def open_log_file() -> None:
    """Open the rotating log file and write what was logged before it was open."""
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger()
    pending = next((h for h in root.handlers if isinstance(h, _Pending)), None)
    if pending is None:
        return
    handler = RotatingFileHandler(
        pending.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setLevel(pending.level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for redacting in pending.filters:
        handler.addFilter(redacting)
    handler._cesec = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.removeHandler(pending)
    for record in pending.records:
        handler.handle(record)
    pending.records.clear()


def current_log_file() -> Path | None:
    """The file the app logs to now (or will, once `open_log_file` runs); None if none."""
    for handler in logging.getLogger().handlers:
        if not _ours(handler):
            continue
        if isinstance(handler, _Pending):
            return handler.path
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None


def recent_lines(count: int = 200, tail_bytes: int = 512 * 1024) -> list[str]:
    """The log's last `count` lines, redacted again on the way out.

    The file is written through the redacting filter already; redacting once more covers
    lines written by an older version or by a handler someone added without the filter.
    """
    root = logging.getLogger()
    lines: list[str] = []
    pending = next((h for h in root.handlers if isinstance(h, _Pending)), None)
    if pending is not None:
        formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        lines = [formatter.format(record) for record in pending.records]
    else:
        for handler in root.handlers:
            if _ours(handler):
                handler.flush()
        path = current_log_file()
        if path is not None and path.is_file():
            with path.open("rb") as file:
                size = file.seek(0, 2)
                file.seek(max(0, size - tail_bytes))
                data = file.read()
            text = data.decode("utf-8", errors="replace")
            lines = text.splitlines()
            if size > tail_bytes and lines:
                lines = lines[1:]  # the first line was cut in the middle
    return [redact(line) for line in lines[-count:]]
