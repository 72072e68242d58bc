"""app.EarlyRecords: what is logged before the first paint reaches the log file after it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from cesec_desktop.app import EarlyRecords


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def root() -> Iterator[logging.Logger]:
    """The root logger with no handlers, restored afterwards."""
    logger = logging.getLogger()
    handlers, level = list(logger.handlers), logger.level
    for handler in handlers:
        logger.removeHandler(handler)
    yield logger
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    for handler in handlers:
        logger.addHandler(handler)
    logger.setLevel(level)


def test_held_records_go_to_the_handlers_set_up_later_in_order(root: logging.Logger) -> None:
    early = EarlyRecords()
    root.addHandler(early)
    root.setLevel(logging.INFO)
    log = logging.getLogger("cesec_desktop.test")
    log.debug("too fine to keep")
    log.info("starting (%s)", "demo")
    log.warning("second")

    root.removeHandler(early)
    later = Collect()
    root.addHandler(later)  # as setup_logging adds the file's handler
    early.replay()
    log.info("after the paint")

    assert later.messages == ["starting (demo)", "second", "after the paint"]
    assert early.records == []


def test_a_flood_before_the_paint_is_held_only_up_to_the_limit(root: logging.Logger) -> None:
    early = EarlyRecords()
    # Only the flood counts: a thread left by an earlier test may log meanwhile.
    early.addFilter(logging.Filter("cesec_desktop.flood"))
    root.addHandler(early)
    root.setLevel(logging.INFO)
    for index in range(EarlyRecords.LIMIT + 500):
        logging.getLogger("cesec_desktop.flood").info("line %d", index)
    assert len(early.records) == EarlyRecords.LIMIT
    assert early.records[-1].getMessage() == f"line {EarlyRecords.LIMIT - 1}"
