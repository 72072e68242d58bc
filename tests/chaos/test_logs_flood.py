"""A flood of log lines (a stream of garbage frames) keeps the evidence: the session's first
lines survive, repeats are summed up once a minute, and the folder's size stays bounded."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from cesec_desktop import logging_setup
from cesec_desktop.logging_setup import LOG_FILE, START_FILE, setup_logging

FLOOD = 60_000
GARBAGE = "\x00\x9f{[" * 75  # 300 characters of a frame that is not JSON


class FakeMonotonic:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[tuple[Path, FakeMonotonic]]:
    """The app's logging as app.py sets it up, in a temporary folder, with a fake minute."""
    root = logging.getLogger()
    before = list(root.handlers)
    path = setup_logging(tmp_path / "logs", console=False)
    clock = FakeMonotonic()
    gate = next(h for h in root.handlers if h not in before)
    limiter = getattr(gate, "limiter", None)  # the app's own, or none at all
    if limiter is not None:
        limiter.now = clock
    yield path, clock
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def _all_text(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "\n".join(p.read_text("utf-8", errors="replace") for p in sorted(folder.iterdir()))


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir())


def _garbage_frame(log: logging.Logger, number: int) -> None:
    log.warning("stream: a frame that is not JSON (#%d): %r", number, GARBAGE)


def test_a_flood_of_one_warning_keeps_the_first_lines_and_is_summed_up(
    app_log: tuple[Path, FakeMonotonic],
) -> None:
    path, clock = app_log
    folder = path.parent
    logging.getLogger("cesec_desktop.views.shell").info("signed in as demo (first line)")
    logging.getLogger("cesec_desktop.api.client").info("GET /api/v1/me 200 (second line)")
    stream = logging.getLogger("cesec_desktop.api.stream")
    for number in range(FLOOD):
        _garbage_frame(stream, number)

    text = _all_text(folder)
    assert "signed in as demo (first line)" in text
    assert "GET /api/v1/me 200 (second line)" in text
    written = path.read_text("utf-8").count("stream: a frame that is not JSON")
    assert 1 <= written <= logging_setup.REPEAT_BURST
    assert _folder_bytes(folder) < 200_000, "the flood filled the folder"

    # A minute on, the next line brings the summary of the one before: one line, not 59,990.
    clock.value += 61
    logging.getLogger("cesec_desktop.views.shell").info("still here")
    text = _all_text(folder)
    held = FLOOD - logging_setup.REPEAT_BURST
    assert f"{held} more like this in the last minute" in text
    assert path.read_text("utf-8").count("more like this") == 1
    assert "still here" in text

    # The flood goes on: the new minute again writes a few, then one summary.
    for number in range(FLOOD, FLOOD + 5_000):
        _garbage_frame(stream, number)
    clock.value += 61
    stream.info("stream reconnected")
    text = _all_text(folder)
    assert path.read_text("utf-8").count("more like this") == 2
    assert "5000 more like this" not in text  # the first few of the new minute were written
    assert f"{5_000 - logging_setup.REPEAT_BURST} more like this" in text
    assert "signed in as demo (first line)" in text
    assert _folder_bytes(folder) < 200_000


def test_the_first_lines_of_the_session_survive_rotation_in_their_own_file(
    app_log: tuple[Path, FakeMonotonic],
) -> None:
    """Even lines that each pass the limits (many sources, long lines) never rotate the
    session's beginning away: it also sits in a small file of its own."""
    path, clock = app_log
    folder = path.parent
    logging.getLogger("cesec_desktop.app").info("session begins: version 1.2.3")
    line = "x" * 3_000
    # 24 sources x 100 lines x 3 KB a minute for 3 minutes: 21 MB asked; the per-source
    # budget lets ~18 MB through, more than the 12 MB the rotation keeps.
    for _minute in range(3):
        for source in range(24):
            log = logging.getLogger(f"cesec_desktop.noisy{source}")
            for number in range(100):
                log.handle(
                    log.makeRecord(log.name, logging.WARNING, "noisy.py", number, line, (), None)
                )
        clock.value += 61
    assert "session begins: version 1.2.3" not in path.read_text("utf-8")
    start = (folder / START_FILE).read_text("utf-8")
    assert start.splitlines()[0].endswith("session begins: version 1.2.3")
    assert (folder / START_FILE).stat().st_size <= logging_setup.START_BYTES + 200
    assert "more lines from cesec_desktop.noisy" in _all_text(folder)
    limit = (logging_setup.BACKUPS + 1) * logging_setup.MAX_BYTES + 2 * logging_setup.START_BYTES
    assert _folder_bytes(folder) <= limit + logging_setup.MAX_BYTES // 10


def test_the_previous_sessions_first_lines_are_kept_once(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    folder = tmp_path / "logs"
    try:
        for session in ("one", "two", "three"):
            setup_logging(folder, console=False)
            logging.getLogger("cesec_desktop.app").info("session %s begins", session)
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    assert "session three begins" in (folder / START_FILE).read_text("utf-8")
    previous = (folder / START_FILE.replace(".log", ".1.log")).read_text("utf-8")
    assert "session two begins" in previous and "session one" not in previous
    assert "session one begins" in (folder / LOG_FILE).read_text("utf-8")


def test_a_huge_message_is_cut_not_written_whole(app_log: tuple[Path, FakeMonotonic]) -> None:
    path, _ = app_log
    logging.getLogger("cesec_desktop.api.client").warning("body: %s", "A" * 5_000_000)
    text = _all_text(path.parent)
    assert "more characters not logged" in text
    assert _folder_bytes(path.parent) < 20_000
