"""An update end to end against the mock's real TUF repository (issue 17, "Done when"): an
app at an older version finds the newer release, shows its notes, downloads it with
progress, has it verified, and hands it to the installer, then quits.

Also Later at the next automatic check, and the notice held while an order form is open.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until

from cesec_desktop.domain.releases import current_platform
from cesec_desktop.mockserver.routers.updates import repository_of
from cesec_desktop.state.clock import FixedClock
from cesec_desktop.state.updates import UpdateCenter, client_factory

START = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
NOTES = {
    "en": "Orders can be placed from the chart.",
    "kk": "Тапсырысты графиктен беруге болады.",
    "ru": "Заявку можно подать прямо с графика.",
}


class RecordingInstaller:
    """The platform installer's place: takes the file, starts nothing."""

    quits_app = True

    def __init__(self) -> None:
        self.handed: list[Path] = []

    def command(self, path: Path) -> list[str]:
        return ["installer", str(path)]

    def hand_off(self, path: Path) -> None:
        self.handed.append(path)


async def point_at_mock(
    gui: Gui, backend: Backend, folder: Path, installer: RecordingInstaller
) -> UpdateCenter:
    """The app as version 0.1.0, trusting the mock's root, on a fixed clock."""
    repo = repository_of(backend.app)
    root = await asyncio.to_thread(repo.root_bytes)
    center: UpdateCenter = gui.shell.updates
    center.current_version = "0.1.0"
    center.clock = FixedClock(START)
    center.configure(client_factory(backend.url + "/updates/", root, folder), installer)
    return center


async def settled(center: UpdateCenter) -> None:
    await wait_until(lambda: not center.tasks.pending, what="the update task", timeout=20)


def test_an_older_app_finds_downloads_verifies_and_hands_off_the_new_version(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    installer = RecordingInstaller()
    # Big enough for the download to report its progress several times.
    payload = os.urandom(3_000_000)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        gui.settings.update_auto_check = False  # this time the user asks
        center = await point_at_mock(gui, backend, tmp_path / "updates", installer)
        repo = repository_of(backend.app)
        await asyncio.to_thread(
            repo.publish, "0.2.0", current_platform(), "stable", payload, NOTES, "2026-12-01"
        )
        await gui.sign_in(*DEMO)
        main = gui.main
        notice = main.update_notice
        assert not notice.isVisible()

        main.help_button.updates_action.trigger()
        await wait_until(lambda: notice.mode == "offer", what="the offer", timeout=20)
        assert notice.isVisible()
        assert notice.title.text() == "Version 0.2.0 is available"
        assert "You have version 0.1.0" in notice.subtitle.text()
        assert "2026" in notice.subtitle.text()
        assert notice.notes.toPlainText() == NOTES["en"]
        assert notice.download_button.isVisible() and notice.later_button.isVisible()
        assert not notice.install_button.isVisible()
        assert main.focusWidget() is not notice.download_button, "the notice takes no focus"

        seen: list[tuple[int, int]] = []
        center.progress.connect(lambda received, total: seen.append((received, total)))
        gui.click(notice.download_button)
        assert notice.mode == "downloading"
        assert notice.bar.isVisible() and notice.cancel_button.isVisible()
        await wait_until(lambda: notice.mode == "downloaded", what="the download", timeout=20)
        assert seen[-1] == (len(payload), len(payload))
        assert len(seen) > 2, "the progress moved in steps"
        assert notice.bar.value() == 100
        assert notice.progress_label.text().endswith("100 %")
        assert "verified" in notice.status.text()
        # Verified: the bytes are the ones published, and TUF's own hash says so.
        path = center.file
        assert path is not None and path.read_bytes() == payload
        expected = repo._targets.targets[center.offer.target_path].hashes["sha256"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == expected

        assert notice.install_button.isVisible() and notice.install_button.isEnabled()
        finished: list[bool] = []
        gui.shell.finished.connect(lambda: finished.append(True))
        gui.click(notice.install_button)
        assert installer.handed == [path]
        # The shell's own quit path: tasks cancelled, session closed, settings saved.
        await wait_until(lambda: finished, what="the app to quit", timeout=20)

    run(scenario())


def test_later_keeps_the_next_automatic_check_quiet_about_that_version(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    installer = RecordingInstaller()

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        center = await point_at_mock(gui, backend, tmp_path / "updates", installer)
        await backend.control("/mock/updates", {"version": "0.2.0", "notes": NOTES})
        # Signing in starts the automatic check (none was made today).
        await gui.sign_in(*DEMO)
        notice = gui.main.update_notice
        await wait_until(lambda: notice.isVisible(), what="the notice", timeout=20)
        assert notice.title.text() == "Version 0.2.0 is available"
        gui.click(notice.later_button)
        assert not notice.isVisible()
        assert gui.settings.update_later_version == "0.2.0"

        assert not center.start(), "not again the same day"
        center.clock.advance(timedelta(days=1))
        checked = gui.settings.update_last_check
        assert center.start()
        await settled(center)
        assert gui.settings.update_last_check != checked, "the check ran"
        assert not notice.isVisible(), "0.2.0 was put off"

        # Help → Check for updates still shows it.
        gui.main.help_button.updates_action.trigger()
        await wait_until(lambda: notice.mode == "offer", what="the offer", timeout=20)
        assert notice.isVisible() and "0.2.0" in notice.title.text()
        assert installer.handed == []

    run(scenario())


def test_the_notice_waits_until_the_order_form_is_closed(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    installer = RecordingInstaller()

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        gui.settings.update_auto_check = False
        center = await point_at_mock(gui, backend, tmp_path / "updates", installer)
        await backend.control("/mock/updates", {"version": "0.2.0", "notes": NOTES})
        await gui.sign_in(*DEMO)
        main = gui.main
        notice = main.update_notice
        assert main.update_busy_reason() is None

        main.show_page("orders")
        main.pages["orders"].open_order_form()
        await wait_until(lambda: main.update_busy_reason() is not None, what="the form")
        assert main.update_busy_reason() == (
            "The update will install once the order form is sent or closed."
        )

        gui.settings.update_auto_check = True
        assert center.start()
        await settled(center)
        assert center.offer is not None and center.offer.version == "0.2.0"
        await asyncio.sleep(0.3)
        assert not notice.isVisible(), "no notice over the order form"

        from cesec_desktop.views.order_form import OrderFormDialog

        (form,) = [w for w in main.findChildren(OrderFormDialog) if w.isVisible()]
        form.reject()
        await wait_until(lambda: notice.isVisible(), what="the held notice", timeout=10)
        assert notice.mode == "offer"
        assert main.update_busy_reason() is None

    run(scenario())
