"""An unexpected error is logged (redacted) and shown, whatever path it takes."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import wait_until
from PySide6.QtWidgets import QMessageBox

from cesec_desktop.app import install_excepthook
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views import error_dialog


@pytest.fixture
def hook(tmp_path: Path) -> Iterator[Path]:
    previous = sys.excepthook
    log_file = tmp_path / "cesec-desktop.log"
    install_excepthook(log_file)
    yield log_file
    sys.excepthook = previous
    for box in list(error_dialog._open_boxes):
        box.close()


def test_an_error_in_a_task_is_logged_and_shown(
    hook: Path, run: Callable[..., Any], caplog: Any, qapp: Any
) -> None:
    async def broken() -> None:
        raise RuntimeError("token=abc123 went missing")

    async def scenario() -> None:
        with caplog.at_level(logging.ERROR):
            TaskTracker("test").spawn(broken())
            await wait_until(lambda: error_dialog._open_boxes, what="the error dialog")
        box = error_dialog._open_boxes[-1]
        assert box.isVisible()
        assert box.icon() == QMessageBox.Icon.Critical
        assert box.windowTitle() == "Unexpected error"
        assert "RuntimeError" in box.informativeText()
        assert "abc123" not in box.informativeText()
        assert str(hook) in box.informativeText()
        assert "abc123" not in box.detailedText()
        assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
        box.close()
        await wait_until(lambda: not error_dialog._open_boxes, what="the dialog to close")

    run(scenario())


def test_a_flood_of_errors_opens_only_a_few_dialogs(hook: Path, run: Callable[..., Any]) -> None:
    async def scenario() -> None:
        for number in range(10):
            try:
                raise ValueError(f"failure {number}")
            except ValueError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
        assert len(error_dialog._open_boxes) == error_dialog.MAX_OPEN

    run(scenario())
