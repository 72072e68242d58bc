"""The update notice and its menu entries: not configured said in words, notes in the UI
language, live language change, the profile menu's switches, the busy rule for forms."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtWidgets import QApplication, QWidget

from cesec_desktop.api.updates import UpdateOffer
from cesec_desktop.settings import Settings
from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.updates import UpdateCenter
from cesec_desktop.views.update_notice import UpdateNotice, notes_for

BROKER_LOGIN = ("broker", "Broker#2026")
NOTES = {"en": "Faster order book.", "kk": "Тапсырыстар кітабы жылдамырақ.", "ru": "Быстрее."}


def an_offer(notes: dict[str, str] = NOTES) -> UpdateOffer:
    return UpdateOffer(
        version="0.2.0",
        platform="linux-x86_64",
        channel="stable",
        target_path="stable/cesec-desktop-0.2.0-linux-x86_64.tar.gz",
        length=4_200_000,
        notes=notes,
        released="2026-12-01",
    )


@pytest.fixture
def host(qapp: QApplication) -> Iterator[QWidget]:
    widget = QWidget()
    widget.resize(900, 640)
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()


def test_notes_follow_the_ui_language_and_fall_back_to_english() -> None:
    assert notes_for(NOTES, "kk") == NOTES["kk"]
    assert notes_for(NOTES, "ru") == NOTES["ru"]
    assert notes_for({"en": "Fixes.", "ru": " "}, "ru") == "Fixes."
    assert notes_for({"ru": "Только по-русски."}, "kk") == "Только по-русски."
    assert notes_for({}, "en") == ""


def test_the_notice_speaks_the_new_language_at_once(
    host: QWidget, settings: Settings, languages: LanguageManager
) -> None:
    center = UpdateCenter(settings, current_version="0.1.0", parent=host)
    notice = UpdateNotice(center, host)
    notice.show_offer(an_offer())
    assert notice.isVisible()
    assert notice.notes.toPlainText() == NOTES["en"]
    # In the lower right corner, inside the window.
    assert notice.geometry().right() <= host.width() and notice.geometry().bottom() <= host.height()
    assert notice.geometry().right() > host.width() - 40
    languages.set_language("kk")
    QApplication.processEvents()
    assert notice.notes.toPlainText() == NOTES["kk"]
    languages.set_language("en")
    QApplication.processEvents()
    assert notice.notes.toPlainText() == NOTES["en"]
    # The download's progress, then the offer again after a cancel.
    center.progress.emit(2_100_000, 4_200_000)
    assert notice.mode == "downloading" and notice.bar.value() == 50
    assert notice.progress_label.text() == "2.1 of 4.2 MB · 50 %"
    center.downloadCancelled.emit()
    assert notice.mode == "offer" and notice.status.text() == "The download was cancelled."
    # Nothing in the card is cut: every button has the room it asks for.
    for button in (notice.later_button, notice.download_button):
        assert button.width() >= button.sizeHint().width()


def test_help_says_in_words_when_updates_are_not_configured(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)  # no repository given: as a build without a root
        await gui.sign_in(*DEMO)
        main = gui.main
        assert not main.updates.configured
        assert main.help_button.updates_action.text() == "Check for updates…"
        main.help_button.updates_action.trigger()
        notice = main.update_notice
        assert notice.isVisible() and notice.mode == "message"
        assert notice.status.text().startswith("Updates are not set up in this copy of the app")
        gui.click(notice.ok_button)
        assert not notice.isVisible()

    run(scenario())


def test_the_profile_menu_switches_automatic_checks(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        action = main.auto_update_action
        assert action.text() == "Check for updates automatically"
        assert action in main.profile_menu.actions()
        assert action.isCheckable() and action.isChecked()
        action.trigger()
        assert gui.settings.update_auto_check is False
        action.trigger()
        assert gui.settings.update_auto_check is True
        # A client has no channel to choose: always the stable releases.
        assert main.channel_menu is None
        assert gui.shell.updates.channel() == "stable"

    run(scenario())


def test_a_broker_can_follow_the_beta_channel(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*BROKER_LOGIN)
        main = gui.main
        menu = main.channel_menu
        assert menu is not None and menu.title() == "Update channel"
        assert [a.text() for a in menu.actions()] == ["Stable", "Beta (early releases)"]
        assert main.channel_actions["stable"].isChecked()
        main.channel_actions["beta"].trigger()
        assert gui.settings.update_channel == "beta"
        assert main.channel_actions["beta"].isChecked()
        assert gui.shell.updates.channel() == "beta"

    run(scenario())


def test_a_withdrawal_form_holds_the_update_until_closed(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        assert main.update_busy_reason() is None
        form = main.open_withdrawal()
        assert form is not None
        await wait_until(lambda: form.isVisible(), what="the withdrawal form")
        assert main.update_busy_reason() == (
            "The update will install once the withdrawal form is sent or closed."
        )
        form.reject()
        await wait_until(lambda: main.update_busy_reason() is None, what="the form closed")

    run(scenario())


def test_in_demo_mode_install_says_what_would_run_and_the_app_stays(
    host: QWidget, settings: Settings, languages: LanguageManager, tmp_path: Path
) -> None:
    from cesec_desktop.state.update_install import DryRunInstaller, WindowsInstaller

    center = UpdateCenter(
        settings,
        current_version="0.1.0",
        installer=DryRunInstaller(WindowsInstaller()),
        parent=host,
    )
    quit_asked: list[bool] = []
    center.quitRequested.connect(lambda: quit_asked.append(True))
    notice = UpdateNotice(center, host)
    notice.show_offer(an_offer())
    file = tmp_path / "cesec-desktop-0.2.0-windows-x64.exe"
    center.offer, center.file, center.phase = an_offer(), file, "downloaded"
    center.downloaded.emit(file)
    assert notice.install_button.isVisible()
    notice.install_button.click()
    assert notice.status.text() == (
        f"Demo mode: nothing was installed. The app would run: {file} /SILENT /SP-"
    )
    assert quit_asked == [] and notice.isVisible() and notice.mode == "downloaded"
