"""Report a problem with the last minutes of network traffic: previewed before sending, sent
as a valid HAR file without any secret, for the minutes chosen, and not sent when unticked."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from har_check import assert_no_secret, validate_har
from test_report_problem import _open_report, _stored

from cesec_desktop.api.har import WS_MESSAGES
from cesec_desktop.api.traffic_log import HttpExchange
from cesec_desktop.logging_setup import setup_logging
from cesec_desktop.state.support import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS_BYTES,
    TRAFFIC_NAME,
    traffic_room,
)

TRAFFIC = "cesec-desktop-traffic.har"


@pytest.fixture(autouse=True)
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


def _tokens(gui: Gui) -> list[str]:
    tokens = gui.session._tokens  # the pair the server issued last
    assert tokens is not None
    return [tokens.access_token, tokens.refresh_token]


def test_the_traffic_is_previewed_and_sent_redacted_for_the_minutes_chosen(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        secrets = [DEMO[1], *_tokens(gui)]
        await wait_until(lambda: gui.session.connection.value == "online", what="the stream")
        dialog = await _open_report(gui)
        traffic = dialog.traffic
        assert traffic.check.isChecked() and traffic.check.isEnabled()
        assert traffic.minutes_combo.currentData() == 5
        assert traffic.minutes_combo.currentText().startswith("5 minute")
        excerpt = traffic.excerpt
        assert excerpt is not None and excerpt.minutes == 5 and excerpt.calls >= 2
        assert "call" in traffic.info.text() and "removed" in traffic.info.text()

        # The preview: one line per call or connection, and the file itself.
        gui.click(traffic.show_button)
        viewer = traffic.viewer
        assert viewer is not None and viewer.isVisible()
        summary = viewer.summary.toPlainText()
        assert "POST" in summary and "/api/v1/auth/login" in summary
        assert "WS" in summary and "/api/v1/stream" in summary
        shown = viewer.har.toPlainText()
        assert json.loads(shown) == json.loads(excerpt.data), "the preview is what is sent"
        assert '\\"password\\":\\"***\\"' in shown  # inside the login call's body
        assert_no_secret(shown.encode(), secrets)
        viewer.close()

        # Another period: the excerpt is read again for it.
        traffic.minutes_combo.setCurrentIndex(traffic.minutes_combo.findData(1))
        await wait_until(lambda: dialog.attachments_ready, what="the one-minute excerpt")
        assert traffic.excerpt is not None and traffic.excerpt.minutes == 1

        gui.type_into(dialog.summary_edit, "Orders list does not refresh")
        gui.click(dialog.send_button)
        await wait_until(lambda: dialog.request is not None, what="the request number")
        stored = _stored(backend, dialog.request.id)
        assert set(stored["attachments"]) == {
            "screenshot.png",
            "cesec-desktop-log.txt",
            TRAFFIC,
        }
        attached = stored["attachments"][TRAFFIC]
        assert attached["content_type"] == "application/json"
        data = base64.b64decode(attached["data"])
        assert data == traffic.excerpt.data
        document = json.loads(data)
        validate_har(document)
        assert_no_secret(data, secrets)
        assert "the last 1 minutes" in document["log"]["comment"]
        urls = [e["request"]["url"] for e in document["log"]["entries"]]
        assert f"{backend.url}/api/v1/auth/login" in urls
        stream = next(e for e in document["log"]["entries"] if WS_MESSAGES in e)
        assert any(m["type"] == "send" for m in stream[WS_MESSAGES])
        gui.click(dialog.close_button)

    run(scenario())


def test_unticked_traffic_is_not_sent(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        dialog = await _open_report(gui)
        gui.tick(dialog.traffic.check)
        assert not dialog.traffic.check.isChecked()
        assert dialog.report().traffic_har is None
        gui.type_into(dialog.summary_edit, "Nothing about the network")
        gui.click(dialog.send_button)
        await wait_until(lambda: dialog.request is not None, what="the request number")
        stored = _stored(backend, dialog.request.id)
        assert set(stored["attachments"]) == {"screenshot.png", "cesec-desktop-log.txt"}
        gui.click(dialog.close_button)

    run(scenario())


def test_a_large_recording_is_trimmed_to_fit_the_desks_limit(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        ring = gui.session.traffic.log
        for index in range(120):  # far more than the room left beside the screenshot
            body = json.dumps({"n": index, "pad": "z" * 40_000}).encode()
            ring.http(
                HttpExchange(
                    ring.clock(),
                    "GET",
                    f"{backend.url}/api/v1/big/{index}",
                    [],
                    status=200,
                    response_headers=[("content-type", "application/json")],
                    response_body=body,
                    response_body_size=len(body),
                )
            )
        dialog = await _open_report(gui)
        excerpt = dialog.traffic.excerpt
        assert excerpt is not None and excerpt.trimmed
        assert "left out" in dialog.traffic.info.text()
        room = traffic_room(dialog.screenshot_png, dialog.log_text.encode())
        assert len(excerpt.data) <= room <= MAX_ATTACHMENT_BYTES
        # The newest are kept. (The app's own calls and the stream's handshake may land after
        # the big ones while the window opens: look at the big ones.)
        entries = json.loads(excerpt.data)["log"]["entries"]
        big = [
            entry["request"]["url"]
            for entry in entries
            if "/api/v1/big/" in entry["request"]["url"]
        ]
        assert big and big[-1].endswith("/api/v1/big/119")
        gui.type_into(dialog.summary_edit, "A big recording")
        gui.click(dialog.send_button)
        await wait_until(lambda: dialog.request is not None, what="the request number")
        stored = _stored(backend, dialog.request.id)
        sizes = [len(base64.b64decode(a["data"])) for a in stored["attachments"].values()]
        assert sum(sizes) <= MAX_ATTACHMENTS_BYTES
        assert TRAFFIC_NAME in stored["attachments"]
        gui.click(dialog.close_button)

    run(scenario(), timeout=60)
