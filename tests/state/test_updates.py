"""The UpdateCenter: once a day, Later, waiting for a quiet moment, the hand-off, failures.

The TUF client is a stand-in that keeps its contract (api/updates.py); the round trip
against the mock's real repository is in tests/views/test_update_round_trip.py.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from gui_support import wait_until
from PySide6.QtCore import QSettings

from cesec_desktop.api.updates import UpdateError, UpdateOffer
from cesec_desktop.settings import Settings
from cesec_desktop.state.clock import FixedClock
from cesec_desktop.state.update_install import (
    DryRunInstaller,
    LinuxInstaller,
    MacInstaller,
    WindowsInstaller,
    platform_installer,
)
from cesec_desktop.state.updates import UpdateCenter

START = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
NOTES = {"en": "Faster order book.", "kk": "Жылдамырақ.", "ru": "Быстрее."}


def offer(version: str = "0.2.0", length: int = 5000) -> UpdateOffer:
    return UpdateOffer(
        version=version,
        platform="linux-x86_64",
        channel="stable",
        target_path=f"stable/cesec-desktop-{version}-linux-x86_64.tar.gz",
        length=length,
        notes=NOTES,
        released="2026-12-01",
    )


class FakeClient:
    """Answers as UpdateClient does: an offer or None, or an UpdateError; downloads in chunks."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.offer: UpdateOffer | None = offer()
        self.check_error: UpdateError | None = None
        self.download_error: UpdateError | None = None
        self.checks: list[tuple[str, str, str]] = []
        self.gate: threading.Event | None = None

    def check(self, current_version: str, channel: str, platform: str) -> UpdateOffer | None:
        self.checks.append((current_version, channel, platform))
        if self.gate is not None:
            self.gate.wait(10)  # the server is slow to answer
        if self.check_error is not None:
            raise self.check_error
        return self.offer

    def download(
        self,
        offer: UpdateOffer,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> Path:
        if self.download_error is not None:
            raise self.download_error
        received = 0
        while received < offer.length:
            if cancelled():
                raise UpdateError("cancelled")
            received = min(offer.length, received + 1000)
            progress(received, offer.length)
        path = self.folder / Path(offer.target_path).name
        path.write_bytes(b"x" * offer.length)
        return path


class RecordingInstaller:
    quits_app = True

    def __init__(self) -> None:
        self.handed: list[Path] = []

    def command(self, path: Path) -> list[str]:
        return ["install", str(path)]

    def hand_off(self, path: Path) -> None:
        self.handed.append(path)


class Heard:
    """Every signal of a center, in order."""

    def __init__(self, center: UpdateCenter) -> None:
        self.events: list[tuple[str, tuple[Any, ...]]] = []
        for name in (
            "checking",
            "offerFound",
            "upToDate",
            "failed",
            "downloadCancelled",
            "downloaded",
            "deferred",
            "installing",
            "handedOff",
            "quitRequested",
        ):
            getattr(center, name).connect(lambda *args, n=name: self.events.append((n, args)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def of(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.events if n == name]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def client(tmp_path: Path) -> FakeClient:
    return FakeClient(tmp_path)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


def make_center(
    settings: Settings,
    client: FakeClient | None,
    clock: FixedClock,
    busy: Callable[[], str | None] | None = None,
    installer: Any = None,
) -> UpdateCenter:
    return UpdateCenter(
        settings,
        current_version="0.1.0",
        client_factory=(lambda: client) if client is not None else None,  # type: ignore[arg-type, return-value]
        installer=installer if installer is not None else RecordingInstaller(),
        busy=busy,
        clock=clock,
        platform="linux-x86_64",
    )


async def settled(center: UpdateCenter) -> None:
    await wait_until(lambda: not center.tasks.pending, what="the update task")


def test_the_settings_have_their_defaults_and_keep_choices(settings: Settings) -> None:
    assert settings.update_auto_check is True
    assert settings.update_channel == "stable"
    assert settings.update_later_version == ""
    assert settings.update_last_check == ""
    settings.update_auto_check = False
    settings.update_channel = "beta"
    settings.update_later_version = "0.2.0"
    settings.sync()
    again = Settings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))
    assert again.update_auto_check is False
    assert again.update_channel == "beta"
    assert again.update_later_version == "0.2.0"
    again.update_channel = "nightly"
    assert again.update_channel == "stable"
    assert again.update_url.startswith("https://") and again.update_url.endswith("/")


def test_the_automatic_check_runs_at_most_once_a_day(
    settings: Settings, client: FakeClient, clock: FixedClock, run: Callable[..., Any]
) -> None:
    center = make_center(settings, client, clock)
    heard = Heard(center)
    client.offer = None

    async def scenario() -> None:
        assert center.start()
        await settled(center)
        assert client.checks == [("0.1.0", "stable", "linux-x86_64")]
        assert datetime.fromisoformat(settings.update_last_check) == START
        # An automatic check that finds nothing says nothing.
        assert heard.names() == ["checking"]
        clock.advance(timedelta(hours=23, minutes=59))
        assert not center.start()
        clock.advance(timedelta(minutes=1))
        assert center.start()
        await settled(center)
        assert len(client.checks) == 2
        # A clock set back before the last check: the stored instant is not trusted.
        clock.set(START - timedelta(days=3))
        assert center.start()
        await settled(center)
        assert len(client.checks) == 3

    run(scenario())


def test_automatic_checks_can_be_turned_off_and_need_a_repository(
    settings: Settings, client: FakeClient, clock: FixedClock, run: Callable[..., Any]
) -> None:
    settings.update_auto_check = False
    assert not make_center(settings, client, clock).start()
    settings.update_auto_check = True
    unconfigured = make_center(settings, None, clock)
    heard = Heard(unconfigured)
    assert not unconfigured.start()
    assert heard.names() == []  # nothing to say at start: only Help → Check says it

    async def scenario() -> None:
        unconfigured.check_now()
        assert heard.names() == ["failed"]
        assert "not set up" in heard.of("failed")[0][0]

    run(scenario())
    assert client.checks == []


def test_later_keeps_automatic_checks_quiet_about_that_version_only(
    settings: Settings, client: FakeClient, clock: FixedClock, run: Callable[..., Any]
) -> None:
    center = make_center(settings, client, clock)
    heard = Heard(center)

    async def scenario() -> None:
        center.start()
        await settled(center)
        assert [args[0].version for args in heard.of("offerFound")] == ["0.2.0"]
        center.later()
        assert settings.update_later_version == "0.2.0"
        clock.advance(timedelta(days=1))
        assert center.start()
        await settled(center)
        assert len(heard.of("offerFound")) == 1, "0.2.0 is not shown again by itself"
        # The user asks: they see it.
        center.check_now()
        await settled(center)
        assert [args[0].version for args in heard.of("offerFound")] == ["0.2.0", "0.2.0"]
        # A newer one than the one put off is news again.
        client.offer = offer("0.3.0")
        clock.advance(timedelta(days=1))
        center.start()
        await settled(center)
        assert heard.of("offerFound")[-1][0].version == "0.3.0"

    run(scenario())


def test_asking_during_an_automatic_check_hears_its_answer(
    settings: Settings, client: FakeClient, clock: FixedClock, run: Callable[..., Any]
) -> None:
    center = make_center(settings, client, clock)
    heard = Heard(center)
    client.offer = None
    client.gate = threading.Event()

    async def scenario() -> None:
        assert center.start()
        await wait_until(lambda: client.checks, what="the automatic check")
        center.check_now()  # Help → Check for updates while it runs: no second check
        client.gate.set()
        await settled(center)
        assert len(client.checks) == 1
        assert heard.names() == ["checking", "upToDate"]

    run(scenario())


def test_a_notice_and_an_install_wait_while_the_user_is_busy(
    settings: Settings,
    client: FakeClient,
    clock: FixedClock,
    tmp_path: Path,
    run: Callable[..., Any],
) -> None:
    reason: list[str | None] = ["the order form you are filling in"]
    installer = RecordingInstaller()
    center = make_center(settings, client, clock, busy=lambda: reason[0], installer=installer)
    heard = Heard(center)

    async def scenario() -> None:
        center.start()
        await settled(center)
        assert heard.of("offerFound") == [], "no notice over an order form"
        center.resume()
        assert heard.of("offerFound") == []
        reason[0] = None
        center.resume()
        assert len(heard.of("offerFound")) == 1
        center.download()
        await settled(center)
        (path,) = heard.of("downloaded")[0]
        assert path.read_bytes() == b"x" * 5000
        reason[0] = "the signature under way"
        center.install()
        assert heard.of("deferred") == [("the signature under way",)]
        assert installer.handed == [] and heard.of("quitRequested") == []
        reason[0] = None
        # The held install goes by itself once the user is done (the timer asks again).
        await wait_until(lambda: installer.handed, what="the held install")
        assert installer.handed == [path]
        assert heard.names()[-3:] == ["installing", "handedOff", "quitRequested"]
        assert heard.of("handedOff") == [(f"install {path}",)]

    run(scenario())


def test_the_download_reports_progress_and_can_be_cancelled(
    settings: Settings, client: FakeClient, clock: FixedClock, run: Callable[..., Any]
) -> None:
    center = make_center(settings, client, clock)
    heard = Heard(center)
    progress: list[tuple[int, int]] = []
    center.progress.connect(lambda received, total: progress.append((received, total)))

    async def scenario() -> None:
        center.check_now()
        await settled(center)
        center.download()
        center.cancel()  # before the worker's first chunk
        await settled(center)
        assert heard.of("downloadCancelled") == [()]
        assert center.phase == "offer" and center.file is None
        progress.clear()
        center.download()
        await settled(center)
        await asyncio.sleep(0)  # the last report crosses from the worker thread
        assert progress[0] == (0, 5000) and progress[-1] == (5000, 5000)
        assert [r for r, _ in progress] == sorted(r for r, _ in progress)
        assert center.phase == "downloaded"

    run(scenario())


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("tampered", "did not match what Centras Securities signed"),
        ("expired", "signatures have expired"),
        ("rollback", "older information"),
        ("untrusted", "not signed by Centras Securities' keys"),
        ("network", "Could not reach the update server"),
        ("bad_answer", "cannot read"),
        ("not_configured", "cannot be used"),
    ],
)
def test_refusals_are_said_in_words(
    kind: str,
    words: str,
    settings: Settings,
    client: FakeClient,
    clock: FixedClock,
    run: Callable[..., Any],
) -> None:
    center = make_center(settings, client, clock)
    heard = Heard(center)

    async def scenario() -> None:
        # An automatic check's failure is only logged.
        client.check_error = UpdateError(kind)  # type: ignore[arg-type]
        center.start()
        await settled(center)
        assert heard.of("failed") == []
        # A network failure is tried again at the next start; a refused answer is not.
        assert (settings.update_last_check == "") == (kind == "network")
        center.check_now()
        await settled(center)
        assert words in heard.of("failed")[0][0]
        # A download refused says so too, and leaves the offer to try again.
        client.check_error = None
        center.check_now()
        await settled(center)
        client.download_error = UpdateError(kind)  # type: ignore[arg-type]
        center.download()
        await settled(center)
        assert words in heard.of("failed")[1][0]
        assert center.phase == "offer" and center.file is None

    run(scenario())


def test_the_platform_installers_and_the_dry_run(tmp_path: Path) -> None:
    exe = tmp_path / "cesec-desktop-0.2.0-windows-x64.exe"
    assert WindowsInstaller().command(exe) == [str(exe), "/SILENT", "/SP-"]
    dmg = tmp_path / "cesec-desktop-0.2.0-macos-arm64.dmg"
    assert MacInstaller().command(dmg) == ["open", str(dmg)]
    tar = tmp_path / "cesec-desktop-0.2.0-linux-x86_64.tar.gz"
    assert LinuxInstaller().command(tar) == ["xdg-open", str(tmp_path)]
    assert isinstance(platform_installer("win32"), WindowsInstaller)
    assert isinstance(platform_installer("darwin"), MacInstaller)
    assert isinstance(platform_installer("linux"), LinuxInstaller)
    for installer in (WindowsInstaller(), MacInstaller(), LinuxInstaller()):
        assert installer.quits_app
    dry = DryRunInstaller(WindowsInstaller())
    dry.hand_off(exe)
    assert dry.ran == [[str(exe), "/SILENT", "/SP-"]] and not dry.quits_app


def test_the_demo_dry_run_says_what_it_would_run_and_keeps_the_app(
    settings: Settings, client: FakeClient, clock: FixedClock, run: Callable[..., Any]
) -> None:
    dry = DryRunInstaller(LinuxInstaller())
    center = make_center(settings, client, clock, installer=dry)
    heard = Heard(center)

    async def scenario() -> None:
        center.check_now()
        await settled(center)
        center.download()
        await settled(center)
        center.install()
        assert heard.of("handedOff") == [(f"xdg-open {client.folder}",)]
        assert heard.of("quitRequested") == []
        assert center.phase == "downloaded" and center.dry_run

    run(scenario())


def test_a_computer_without_a_build_is_told_so_and_nothing_is_fetched(
    settings: Settings,
    client: FakeClient,
    clock: FixedClock,
    run: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An Intel Mac: the pipeline builds no release for it, so no other build is offered."""
    from cesec_desktop.domain import releases

    monkeypatch.setattr(releases.sys, "platform", "darwin")
    monkeypatch.setattr(releases._platform, "machine", lambda: "x86_64")
    center = UpdateCenter(
        settings,
        current_version="0.1.0",
        client_factory=lambda: client,  # type: ignore[arg-type, return-value]
        installer=RecordingInstaller(),
        clock=clock,
    )
    heard = Heard(center)

    async def scenario() -> None:
        assert center.start()  # the automatic check says nothing
        await settled(center)
        assert heard.of("failed") == [] and center.phase == "idle"
        center.check_now()
        await settled(center)
        assert "does not build this app for this kind of computer" in heard.of("failed")[0][0]
        assert client.checks == []

    run(scenario())
