"""Report a problem: both attachments reach the desk, secrets never do, either can be dropped,
a failure keeps the form, and My requests lists what was filed."""

from __future__ import annotations

import base64
import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until

from cesec_desktop.domain.enums import Environment
from cesec_desktop.logging_setup import setup_logging
from cesec_desktop.state.support import environment_for, log_excerpt

SECRETS = ("eyJhbGciOiJIUzI1NiJ9.fake-token-42", "Hunter#2026", "rt-planted-777")
HARMLESS = "quotes refreshed for 12 instruments"


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[Path]:
    """The app's rotating log in a temporary folder, as app.py sets it up."""
    root = logging.getLogger()
    before = list(root.handlers)
    path = setup_logging(tmp_path / "logs", console=False)
    yield path
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def _plant_lines() -> None:
    log = logging.getLogger("cesec_desktop.test_report")
    log.info(HARMLESS)
    log.warning(
        "retrying with Authorization: Bearer %s, password=%s and refresh_token=%s", *SECRETS
    )


def _stored(backend: Backend, request_id: str) -> dict[str, Any]:
    row = backend.state.conn.execute(
        "SELECT summary, details, component, priority, environment, attachments "
        "FROM support_requests WHERE id = ?",
        (request_id,),
    ).fetchone()
    return {
        "summary": row[0],
        "details": row[1],
        "component": row[2],
        "priority": row[3],
        "environment": row[4],
        "attachments": {a["name"]: a for a in json.loads(row[5])},
    }


async def _open_report(gui: Gui) -> Any:
    help_button = gui.main.help_button
    help_button.report_action.trigger()
    await wait_until(
        lambda: help_button.report_dialog is not None and help_button.report_dialog.isVisible(),
        what="the Report a problem form",
    )
    dialog = help_button.report_dialog
    await wait_until(lambda: dialog.attachments_ready, what="the attachments")
    return dialog


def _choose(combo: Any, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_a_report_carries_the_screenshot_and_a_redacted_log(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], app_log: Path
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        _plant_lines()
        dialog = await _open_report(gui)
        assert dialog.environment_label.text().startswith("TEST")
        assert dialog.screenshot_check.isChecked() and dialog.log_check.isChecked()

        # The previews: the thumbnail opens the picture, the log opens read-only.
        gui.click(dialog.thumbnail)
        viewer = dialog.screenshot_viewer
        assert viewer.isVisible()
        assert viewer.picture.pixmap().width() == dialog.screenshot.width()
        viewer.close()
        gui.click(dialog.log_button)
        preview = dialog.log_viewer.view
        assert preview.isReadOnly()
        assert HARMLESS in preview.toPlainText()
        assert "Bearer ***" in preview.toPlainText()
        assert not any(secret in preview.toPlainText() for secret in SECRETS)
        dialog.log_viewer.close()

        gui.type_into(dialog.summary_edit, "The order form freezes after signing")
        gui.type_into(dialog.details_edit, "Buy KSPI, sign by SMS: the window never closes.")
        _choose(dialog.component_combo, "orders")
        _choose(dialog.priority_combo, "high")
        gui.click(dialog.send_button)
        await wait_until(lambda: dialog.request is not None, what="the request number")
        number = dialog.request.number
        assert re.fullmatch(r"SR-\d{6}", number)
        assert dialog.number_label.text() == number
        assert dialog.done_page.isVisible() and dialog.close_button.isVisible()

        stored = _stored(backend, dialog.request.id)
        assert stored["summary"] == "The order form freezes after signing"
        assert (stored["component"], stored["priority"], stored["environment"]) == (
            "orders",
            "high",
            "TEST",
        )
        screenshot = base64.b64decode(stored["attachments"]["screenshot.png"]["data"])
        assert screenshot.startswith(b"\x89PNG\r\n\x1a\n")
        log_text = base64.b64decode(stored["attachments"]["cesec-desktop-log.txt"]["data"]).decode()
        assert HARMLESS in log_text
        assert not any(secret in log_text for secret in SECRETS)
        assert len(log_text.splitlines()) <= 200
        gui.click(dialog.close_button)

    run(scenario())


def test_unticked_attachments_are_not_sent_and_my_requests_lists_the_request(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], app_log: Path
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        _plant_lines()
        dialog = await _open_report(gui)
        gui.tick(dialog.screenshot_check)
        assert not dialog.screenshot_check.isChecked()
        gui.tick(dialog.traffic.check)
        assert not dialog.traffic.check.isChecked()
        gui.type_into(dialog.summary_edit, "Cannot see my USD sub-account")
        _choose(dialog.component_combo, "access")
        gui.click(dialog.send_button)
        await wait_until(lambda: dialog.request is not None, what="the request number")
        stored = _stored(backend, dialog.request.id)
        assert set(stored["attachments"]) == {"cesec-desktop-log.txt"}
        assert stored["priority"] == "medium"  # the default

        # From the confirmation straight to My requests.
        gui.click(dialog.my_requests_button)
        help_button = gui.main.help_button
        await wait_until(
            lambda: help_button.my_requests is not None and help_button.my_requests.loaded,
            what="My requests loaded",
        )
        requests = help_button.my_requests
        model = requests.model
        assert model.rowCount() == 1
        assert model.index(0, 0).data() == dialog.request.number
        assert model.index(0, 2).data() == "Cannot see my USD sub-account"
        assert model.index(0, 3).data() == "Access"
        assert model.index(0, 5).data() == "Registered"

        # The desk moves it on; Refresh shows the new status, translated.
        backend.state.conn.execute(
            "UPDATE support_requests SET status = 'in_progress' WHERE id = ?",
            (dialog.request.id,),
        )
        gui.click(requests.refresh_button)
        await wait_until(lambda: model.index(0, 5).data() == "In progress", what="the status")
        requests.close()

    run(scenario())


def test_a_failed_send_keeps_everything_typed(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], app_log: Path
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        dialog = await _open_report(gui)

        # Too short a summary is caught at the field, before anything is sent.
        gui.type_into(dialog.summary_edit, "no")
        gui.click(dialog.send_button)
        assert dialog.field_error("summary") == "Describe the problem in a few words."
        gui.type_into(dialog.summary_edit, "Quotes stopped updating")
        assert dialog.field_error("summary") == ""

        # The backend goes away: the message says so and the form keeps the text.
        gui.type_into(dialog.details_edit, "Since 12:05, on every market.")
        backend.stop()
        gui.click(dialog.send_button)
        await wait_until(lambda: dialog.error_label.isVisible(), timeout=30, what="the error")
        assert "Cannot reach the server" in dialog.error_label.text()
        assert dialog.summary_edit.text() == "Quotes stopped updating"
        assert dialog.details_edit.toPlainText() == "Since 12:05, on every market."
        assert dialog.request is None and not dialog.busy
        assert dialog.send_button.isEnabled() and dialog.form_page.isVisible()
        dialog.reject()

    run(scenario(), timeout=60)


def test_the_environment_follows_the_server() -> None:
    assert environment_for("", demo=True) == Environment.TEST
    assert environment_for("http://127.0.0.1:8765", demo=False) == Environment.TEST
    assert environment_for("http://localhost:8765", demo=False) == Environment.TEST
    assert environment_for("https://my.cesec.kz", demo=False) == Environment.PROD


def test_the_excerpt_is_redacted_even_for_lines_written_around_the_filter(app_log: Path) -> None:
    logging.getLogger("cesec_desktop.test_report").info(HARMLESS)
    for handler in logging.getLogger().handlers:
        handler.flush()
    with app_log.open("a", encoding="utf-8") as file:  # as an old version might have left it
        file.write(f"2026-01-05 12:00:01 INFO x: Authorization: Bearer {SECRETS[0]}\n")
    excerpt = log_excerpt()
    assert HARMLESS in excerpt and "Bearer ***" in excerpt
    assert SECRETS[0] not in excerpt
    assert len(log_excerpt(1).splitlines()) == 1
