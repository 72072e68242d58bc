"""Logging to a rotating file in the user's log folder, with secrets redacted.

A flood must not wipe the evidence: one line of code that fires thousands of times a second
(a stream of garbage frames) is written a few times, then summed up once a minute (`_Limiter`);
each logger has a byte budget per minute; a message or traceback is cut at a length; and the
session's first lines also go to a small file of their own that rotation never touches.
Every file is the user's alone (0600, folder 0700 on POSIX): a log holds account details.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

# private_file is re-exported (state/export.py): the helpers were defined here once.
from cesec_desktop.private_files import private_file, private_folder, private_opener  # noqa: F401

LOG_FILE = "cesec-desktop.log"
START_FILE = "cesec-desktop.start.log"
"""The session's first lines; the previous session's are kept as `cesec-desktop.start.1.log`."""
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
START_LINES = 500
START_BYTES = 256 * 1024
MASK = "***"

WINDOW = 60.0
"""Seconds of one rate-limit window: at most one summary line per source per window."""
REPEAT_BURST = 10
"""Lines one line of code may write per window before the rest are only counted."""
SOURCE_BYTES = 256 * 1024
"""Characters one logger may write per window before the rest are only counted."""
MAX_MESSAGE_CHARS = 4000
MAX_TRACEBACK_CHARS = 16000
MAX_PENDING = 5000
"""Records kept in memory before the file opens (a flood during start-up stays bounded)."""
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_SECRET_KEYS = (
    r"access_token|refresh_token|id_token|token|password|old_password|new_password|"
    r"passwd|pwd|pass|passphrase|pin|secret|client_secret|api[_-]?key|otp|sms_code|sms|cms|"
    r"cookie|session_?id|пароль|парол[ьяеи]|құпия\s?сөз"
)
_CODE_WORDS = r"code|codes|код|кода|коды|кодом|коду|кодын|кодыңыз|кодты"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer <token> / Basic <user:password in base64>
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=\-]+"), rf"\1 {MASK}"),
    (re.compile(r"(?i)\b(authorization\s*[:=]\s*basic)\s+[A-Za-z0-9+/=]+"), rf"\1 {MASK}"),
    # A password in a URL: https://user:secret@host
    (re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]*://[^\s:/@]+:)[^\s/@]+@"), rf"\1{MASK}@"),
    # JSON / repr / kwargs / headers: "password": "x", pwd=x, X-Api-Key: x, client_secret=x.
    # A prefix (`client_`, `X-`) may come before the key: `\b` alone would miss `_secret`.
    (
        re.compile(
            rf"""(?ix)
            (["']?(?<![^\W_])(?:[^\W_]{{1,20}}[_-]){{0,3}}(?:{_SECRET_KEYS})(?![^\W_])["']?\s*[:=]\s*)
            (?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&}}\]\)]+)
            """
        ),
        rf"\1{MASK}",
    ),
    # A numeric `code` is an SMS code; a word (`"code": "invalid_credentials"`) is not.
    (re.compile(r"""(?i)(["']?\bcode\b["']?\s*[:=]\s*["']?)\d{4,8}\b"""), rf"\1{MASK}"),
    # "code 179666", "Код 123456", "код подтверждения: 123456": six digits (the SMS code's
    # length) after the word, up to two words between. Four digits ("closed (code 4401)")
    # are a WebSocket close code and stay.
    (
        re.compile(
            rf"(?i)(?<!\w)((?:{_CODE_WORDS})(?:\s+[^\W\d_]+){{0,2}}\s*[:=#№\-]?\s*)\d{{6}}(?!\d)"
        ),
        rf"\1{MASK}",
    ),
    # A bare six-digit SMS code after the words that announce one.
    (re.compile(r"(?i)\b(sms|otp|one-time)(\s+code)?(\s*[:=#]?\s*)\d{4,8}\b"), rf"\1\2\3{MASK}"),
    # Signed data: a base64 CMS or certificate (DER starts with a SEQUENCE: "MII..."), a PEM
    # block, and the values of an XML signature.
    (re.compile(r"\bMI[I-L][A-Za-z0-9+/]{60,}={0,2}"), MASK),
    (
        re.compile(
            r"(-----BEGIN [A-Z0-9 ]{1,40}-----)[A-Za-z0-9+/=\s]*?(-----END [A-Z0-9 ]{1,40}-----)"
        ),
        rf"\1{MASK}\2",
    ),
    (
        re.compile(
            r"(<(?:[\w.-]{1,20}:)?(?:SignatureValue|X509Certificate|DigestValue)\b[^<>]{0,200}>)"
            r"[^<]*(</)"
        ),
        rf"\1{MASK}\2",
    ),
)

_TRIGGERS = (
    "bearer",
    "authorization",
    "@",
    "token",
    "pass",
    "pwd",
    "pin",
    "secret",
    "key",
    "otp",
    "sms",
    "cms",
    "cookie",
    "session",
    "парол",
    "құпия",
    "code",
    "код",
    "one-time",
    "signature",
    "signed",
    "xml",
    "-----begin",
    "signaturevalue",
    "x509certificate",
    "digestvalue",
)
"""Words (lower case) one of which every pattern above and every secret key name needs: a
text without any of them holds nothing to redact. Add the word when adding a pattern or key."""
_DER_STARTS = ("MII", "MIJ", "MIK", "MIL")
"""How a base64 CMS or certificate starts (the CMS pattern above)."""


_FOLD = str.maketrans(
    {
        # What a case-insensitive pattern also matches beyond str.lower(): `re` folds these
        # to the Latin and Cyrillic letters of the words above (sre's equivalences).
        "\u0130": "i",
        "\u0131": "i",
        "\u017f": "s",
        "\u212a": "k",
        "\u1c80": "в",
        "\u1c81": "д",
        "\u1c82": "о",
        "\u1c83": "с",
        "\u1c84": "т",
        "\u1c85": "т",
        "\u1c86": "ъ",
    }
)


def may_hold_secret(text: str) -> bool:
    """False only if neither `redact` nor `redact_json` could find anything in `text`: a few
    substring searches, for the hot path (thousands of quote frames a second hold none)."""
    lowered = (text if text.isascii() else text.translate(_FOLD)).lower()
    return any(word in lowered for word in _TRIGGERS) or any(s in text for s in _DER_STARTS)


_SECRET_KEY_NAME = re.compile(
    rf"""(?ix)(?:[^\W_]{{1,20}}[_-]){{0,3}}
    (?:{_SECRET_KEYS}|authorization|signature|signed_?data|signed_?xml|xml|backup_codes?|otpauth_uri)"""
)
_CODE_KEY = re.compile(r"(?i)(?:[^\W_]{1,20}[_-]){0,3}codes?")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_.]{0,63}")
"""An error code (`invalid_credentials`): a word, where a one-time code is digits."""


def is_secret_key(name: str) -> bool:
    """Whether a field, header or query parameter of this name holds a secret by its name
    (`password`, `access_token`, `X-Api-Key`, `Authorization`, `cms`, `signature`...)."""
    return _SECRET_KEY_NAME.fullmatch(name) is not None


def _secret_value(key: str, value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return False
    if is_secret_key(key):
        return True
    # `code` is an SMS or authenticator code when it is a number, an error code when a word.
    return bool(_CODE_KEY.fullmatch(key)) and not (
        isinstance(value, str) and _IDENTIFIER.fullmatch(value)
    )


def redact_json(value: Any, text: bool = True) -> Any:
    """A parsed JSON value with secrets masked by their keys, and (with `text`) every string
    redacted as text too: a password may hide in a free-text field."""
    if isinstance(value, dict):
        out: dict[Any, Any] = {}
        for key, item in value.items():
            name = str(key)
            if isinstance(item, dict):
                # `signature: {method, challenge_id, code}`: keep what is no secret inside.
                out[key] = redact_json(item, text)
            elif _secret_value(name, item):
                out[key] = [MASK] * len(item) if isinstance(item, list) else MASK
            else:
                out[key] = redact_json(item, text)
        return out
    if isinstance(value, list):
        return [redact_json(item, text) for item in value]
    if text and isinstance(value, str):
        return redact(value)
    return value


def redact(text: str) -> str:
    """The text with passwords, tokens and SMS codes masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]} … ({len(text) - limit} more characters not logged)"


class RedactingFilter(logging.Filter):
    """Masks secrets in the message, its arguments and any traceback text; cuts long ones.

    Cutting comes first: redacting a 50 MB garbage frame would itself be the freeze.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_cesec_redacted", False):
            return True
        record.msg = redact(_cut(_message(record), MAX_MESSAGE_CHARS))
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(_cut(record.exc_text, MAX_TRACEBACK_CHARS))
        if record.stack_info:
            record.stack_info = redact(_cut(record.stack_info, MAX_TRACEBACK_CHARS))
        record._cesec_redacted = True  # type: ignore[attr-defined]
        return True


@dataclass
class _Window:
    """What one source wrote in the current window, and what it was not allowed to."""

    until: float
    name: str
    level: int
    written: int = 0
    held: int = 0
    sample: str = ""


class _Limiter:
    """Decides which records are written: the first few of each line of code per window,
    within each logger's byte budget; the rest become one summary line per window.
    """

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self._sites: dict[tuple[str, str, int, int], _Window] = {}
        self._sources: dict[str, _Window] = {}
        self._next_sweep = 0.0

    def admit(self, record: logging.LogRecord) -> list[logging.LogRecord]:
        """The records to write now: summaries of closed windows, then `record` if allowed."""
        now = self.now()
        out: list[logging.LogRecord] = []
        if now >= self._next_sweep:
            out.extend(self._sweep(now))
            self._next_sweep = now + 1.0
        key = (record.name, record.pathname, record.lineno, record.levelno)
        site = self._sites.get(key)
        if site is None or now >= site.until:
            if site is not None:
                out.extend(self._summaries([(key, site)], {}))
            site = self._sites[key] = _Window(now + WINDOW, record.name, record.levelno)
        source = self._sources.get(record.name)
        if source is None or now >= source.until:
            if source is not None:
                out.extend(self._summaries([], {record.name: source}))
            source = self._sources[record.name] = _Window(now + WINDOW, record.name, logging.INFO)
        size = _size(record)
        if site.written >= REPEAT_BURST:
            site.held += 1
            site.sample = site.sample or _message(record)[:200]
        elif source.written + size > SOURCE_BYTES:
            source.held += 1
            source.level = max(source.level, record.levelno)
        else:
            site.written += 1
            source.written += size
            out.append(record)
        return out

    def drain(self) -> list[logging.LogRecord]:
        """Summaries of every window with something held back (the session is ending)."""
        return self._sweep(float("inf"))

    def _sweep(self, now: float) -> list[logging.LogRecord]:
        sites = [(k, w) for k, w in self._sites.items() if now >= w.until]
        sources = {k: w for k, w in self._sources.items() if now >= w.until}
        for key, _ in sites:
            del self._sites[key]
        for name in sources:
            del self._sources[name]
        return self._summaries(sites, sources)

    @staticmethod
    def _summaries(
        sites: list[tuple[tuple[str, str, int, int], _Window]], sources: dict[str, _Window]
    ) -> list[logging.LogRecord]:
        out = []
        for (name, pathname, lineno, level), window in sites:
            if window.held:
                out.append(
                    _summary(
                        name,
                        level,
                        "%d more like this in the last minute, not logged (%s:%d): %s",
                        (window.held, Path(pathname).name, lineno, redact(window.sample)),
                    )
                )
        for name, window in sources.items():
            if window.held:
                out.append(
                    _summary(
                        name,
                        window.level,
                        "%d more lines from %s in the last minute, not logged "
                        "(over %d KB a minute)",
                        (window.held, name, SOURCE_BYTES // 1024),
                    )
                )
        return out


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # a bad format string must not lose the record
        return str(record.msg)


def _size(record: logging.LogRecord) -> int:
    """The characters a record writes, at most what the redacting filter lets through."""
    size = min(len(_message(record)), MAX_MESSAGE_CHARS)
    if record.exc_info or record.exc_text:
        size += MAX_TRACEBACK_CHARS // 4  # a traceback, without formatting it twice
    return size + min(len(record.stack_info or ""), MAX_TRACEBACK_CHARS)


def _summary(name: str, level: int, msg: str, args: tuple[Any, ...]) -> logging.LogRecord:
    record = logging.LogRecord(name, level, __file__, 0, msg % args, None, None)
    record._cesec_redacted = True  # type: ignore[attr-defined]
    return record


def _open_private(handler: logging.FileHandler) -> IO[str]:
    return open(
        handler.baseFilename,
        handler.mode,
        encoding=handler.encoding,
        errors=handler.errors,
        opener=private_opener,
    )


def _rotating_handler(path: Path) -> logging.Handler:
    from logging.handlers import RotatingFileHandler

    class _PrivateRotating(RotatingFileHandler):
        def _open(self) -> IO[str]:  # type: ignore[override]
            return _open_private(self)

    return _PrivateRotating(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )


class _SessionStart(logging.FileHandler):
    """The session's first START_LINES lines (at most START_BYTES), then nothing more."""

    def __init__(self, path: Path) -> None:
        previous = path.with_name(path.stem + ".1" + path.suffix)
        if path.exists():
            os.replace(path, previous)
        super().__init__(path, mode="w", encoding="utf-8", delay=True)
        self.lines = 0
        self.bytes = 0

    def _open(self) -> IO[str]:  # type: ignore[override]
        return _open_private(self)

    def emit(self, record: logging.LogRecord) -> None:
        if self.lines >= START_LINES:
            return
        text = self.format(record)
        self.lines += 1 + text.count("\n")
        self.bytes += len(text) + 1
        if self.bytes > START_BYTES:
            self.lines = START_LINES
            text = "… (the session's first lines stop here; the rest is in the main log)"
        if self.stream is None:
            self.stream = self._open()
        self.stream.write(text + "\n")
        self.flush()
        if self.lines >= START_LINES:
            self.close()


class _Gate(logging.Handler):
    """The app's one handler on the root logger: redacts, limits, then hands records to the
    file, the session-start file and the console.

    Until the files open (`open_log_file`) the admitted records wait in memory.
    """

    def __init__(self, path: Path, level: int) -> None:
        super().__init__(level)
        self.path = path
        self.limiter = _Limiter()
        self.targets: list[logging.Handler] = []
        self.pending: list[logging.LogRecord] | None = []
        self.addFilter(RedactingFilter())
        self._cesec = True

    def handle(self, record: logging.LogRecord) -> bool:  # type: ignore[override]
        # Limit first, redact after: a flood's dropped records cost no regular expressions.
        with self.lock:
            admitted = [r for r in self.limiter.admit(record) if self.filter(r)]
            self._dispatch(admitted)
        return bool(admitted)

    def emit(self, record: logging.LogRecord) -> None:
        self.handle(record)

    def _dispatch(self, records: list[logging.LogRecord]) -> None:
        if self.pending is not None:
            room = MAX_PENDING - len(self.pending)
            self.pending.extend(records[: max(0, room)])
            return
        for record in records:
            for target in self.targets:
                if record.levelno >= target.level:
                    target.handle(record)

    def open_files(self) -> None:
        with self.lock:
            if self.pending is None:
                return
            for handler in (
                _rotating_handler(self.path),
                _SessionStart(self.path.with_name(START_FILE)),
            ):
                handler.setLevel(self.level)
                handler.setFormatter(logging.Formatter(FORMAT))
                self.targets.append(handler)
            pending, self.pending = self.pending, None
            self._dispatch(pending)

    def add_target(self, handler: logging.Handler) -> None:
        self.targets.append(handler)

    def file_handler(self) -> logging.Handler | None:
        return next((t for t in self.targets if getattr(t, "maxBytes", 0)), None)

    def flush(self) -> None:
        for target in self.targets:
            target.flush()

    def close(self) -> None:
        # The summaries of windows still open (logging.shutdown may have closed the
        # targets already: a file handler reopens to append them).
        with self.lock:
            self._dispatch(self.limiter.drain())
            for target in self.targets:
                target.close()
        super().close()


def _gate() -> _Gate | None:
    return next((h for h in logging.getLogger().handlers if isinstance(h, _Gate)), None)


def _ours(handler: logging.Handler) -> bool:
    return bool(getattr(handler, "_cesec", False))


def setup_logging(
    directory: Path, level: int = logging.INFO, console: bool = True, defer_file: bool = False
) -> Path:
    """Log to `directory`/cesec-desktop.log (rotated) and warnings to stderr; returns the file.

    With `defer_file`, records wait in memory until `open_log_file()`.
    """
    private_folder(directory)
    path = directory / LOG_FILE
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if _ours(handler):
            root.removeHandler(handler)
            handler.close()
    gate = _Gate(path, level)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        gate.add_target(stream)
    root.addHandler(gate)
    # httpx logs every request line at INFO; keep the file readable.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if not defer_file:
        open_log_file()
    return path


def open_log_file() -> None:
    """Open the log files and write what was logged before they were open."""
    gate = _gate()
    if gate is not None:
        gate.open_files()


def current_log_file() -> Path | None:
    """The file the app logs to now (or will, once `open_log_file` runs); None if none."""
    gate = _gate()
    return gate.path if gate is not None else None


def recent_lines(count: int = 200, tail_bytes: int = 512 * 1024) -> list[str]:
    """The log's last `count` lines, redacted again on the way out.

    The file is written through the redacting filter already; redacting once more covers
    lines written by an older version or by a handler someone added without the filter.
    """
    gate = _gate()
    lines: list[str] = []
    if gate is not None and gate.pending is not None:
        formatter = logging.Formatter(FORMAT)
        lines = [formatter.format(record) for record in gate.pending]
    elif gate is not None:
        gate.flush()
        path = gate.path
        if path.is_file():
            with path.open("rb") as file:
                size = file.seek(0, 2)
                file.seek(max(0, size - tail_bytes))
                data = file.read()
            text = data.decode("utf-8", errors="replace")
            lines = text.splitlines()
            if size > tail_bytes and lines:
                lines = lines[1:]  # the first line was cut in the middle
    return [redact(line) for line in lines[-count:]]
