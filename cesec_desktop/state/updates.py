"""Software updates: the once-a-day check, the download, the hand-off to the installer.

The TUF client (api/updates.py) is synchronous, so every call to it runs in a worker
thread; its progress comes back to this thread through the loop. The user is never
interrupted while signing or filling in an order: a notice or an install found then waits
until `busy()` says they are done.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from packaging.version import InvalidVersion, Version
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from cesec_desktop.state import clock as clocks
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.update_install import DryRunInstaller, Installer, platform_installer

if TYPE_CHECKING:
    from cesec_desktop.api.updates import UpdateClient, UpdateOffer
    from cesec_desktop.settings import Settings

log = logging.getLogger(__name__)

CHECK_EVERY = timedelta(days=1)
BUSY_RECHECK_MS = 1000
"""How often a held notice or install asks again whether the user is done."""
PROGRESS_STEPS = 200
"""Progress reports per download at most (a chunk each would flood the UI thread)."""


def _words(kind: str) -> str:
    """Why a check or a download failed, in the UI language.

    lupdate reads only literal `QCoreApplication.translate("UpdateCenter", "…")` calls.
    """
    if kind == "tampered":
        return QCoreApplication.translate(
            "UpdateCenter",
            "The update did not match what Centras Securities signed, so it was refused. "
            "Nothing was installed.",
        )
    if kind == "expired":
        return QCoreApplication.translate(
            "UpdateCenter",
            "The update information is out of date (its signatures have expired), so it was "
            "refused. Try again later.",
        )
    if kind == "rollback":
        return QCoreApplication.translate(
            "UpdateCenter",
            "The update server offered older information than this app has already seen, so "
            "it was refused.",
        )
    if kind == "untrusted":
        return QCoreApplication.translate(
            "UpdateCenter",
            "The update information is not signed by Centras Securities' keys, so it was refused.",
        )
    if kind == "network":
        return QCoreApplication.translate(
            "UpdateCenter",
            "Could not reach the update server. Check the connection and try again.",
        )
    if kind == "no_build":
        return QCoreApplication.translate(
            "UpdateCenter",
            "Centras Securities does not build this app for this kind of computer, so it "
            "cannot be updated here.",
        )
    if kind == "cancelled":
        return QCoreApplication.translate("UpdateCenter", "The download was cancelled.")
    if kind == "not_configured":
        return QCoreApplication.translate(
            "UpdateCenter",
            "Updates are not set up in this copy of the app: it carries no update key. "
            "Install the app from Centras Securities to receive updates.",
        )
    if kind == "setup":
        return QCoreApplication.translate(
            "UpdateCenter",
            "Updates cannot be checked: the update server's address or the update folder on "
            "this computer cannot be used.",
        )
    if kind == "disk":
        return QCoreApplication.translate(
            "UpdateCenter", "The update could not be saved on this computer."
        )
    if kind == "installer":
        return QCoreApplication.translate("UpdateCenter", "The installer could not be started.")
    return QCoreApplication.translate(
        "UpdateCenter", "The update server sent an answer the app cannot read."
    )


def failure_words(kind: str) -> str:
    return _words(kind)


def _client_kind(kind: str) -> str:
    # The client says "not_configured" for an unusable URL or folder; "not configured" in
    # this module's words means no update key was shipped, which the client never sees.
    return "setup" if kind == "not_configured" else kind


def client_factory(
    repository_url: str, trusted_root: bytes, folder: Path
) -> Callable[[], UpdateClient]:
    """Makes UpdateClients over one repository; `folder` keeps the trusted metadata (it must
    outlive the process: rollback protection compares against it) and the downloads."""

    def make() -> UpdateClient:
        from cesec_desktop.api.updates import UpdateClient

        return UpdateClient(
            metadata_dir=folder / "metadata",
            targets_dir=folder / "targets",
            repository_url=repository_url,
            trusted_root=trusted_root,
        )

    return make


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def same_version(a: str, b: str) -> bool:
    va, vb = _version(a), _version(b)
    return va is not None and va == vb


class UpdateCenter(QObject):
    """Finds, downloads and hands off updates; the views show what it says.

    Signals:
        checking: a check began.
        offerFound(UpdateOffer): a newer version to show (held while `busy()`).
        upToDate: a check the user asked for found nothing newer.
        failed(str): a check the user asked for, a download or the hand-off failed: why, in
            the UI language (an automatic check's failure is only logged).
        progress(int, int): bytes received and expected of the download.
        downloadCancelled: the user cancelled the download.
        downloaded(Path): the file is on disk and verified.
        deferred(str): the install waits until the user is done (the reason, in words).
        installing: the file goes to the installer now.
        handedOff(str): the installer was started (or, in demo mode, what would run).
        quitRequested: the installer runs and the app should quit for it.
    """

    checking = Signal()
    offerFound = Signal(object)
    upToDate = Signal()
    failed = Signal(str)
    progress = Signal(int, int)
    downloadCancelled = Signal()
    downloaded = Signal(object)
    deferred = Signal(str)
    installing = Signal()
    handedOff = Signal(str)
    quitRequested = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        current_version: str,
        client_factory: Callable[[], UpdateClient] | None = None,
        installer: Installer | None = None,
        busy: Callable[[], str | None] | None = None,
        clock: clocks.Clock | None = None,
        platform: str | None = None,
        channel: Callable[[], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.current_version = current_version
        self.client_factory = client_factory
        self.installer: Installer = installer if installer is not None else platform_installer()
        self.busy: Callable[[], str | None] = busy or (lambda: None)
        self.clock = clock
        self._platform = platform
        self.channel: Callable[[], str] = channel or (lambda: settings.update_channel)
        self.tasks = TaskTracker("updates")
        self.offer: UpdateOffer | None = None
        self.file: Path | None = None
        self.phase = "idle"
        """idle, checking, offer, downloading, downloaded, installing."""
        self._client: UpdateClient | None = None
        self._cancel = threading.Event()
        self._hold_notice = False
        self._hold_install = False
        self._asked = False
        """The user asked while an automatic check was running: its result is for them."""
        self._recheck = QTimer(self)
        self._recheck.setInterval(BUSY_RECHECK_MS)
        self._recheck.timeout.connect(self.resume)
        self._next_check = QTimer(self)
        self._next_check.setSingleShot(True)
        self._next_check.timeout.connect(self.start)

    # --- configuration ---------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return self.client_factory is not None

    def configure(
        self, client_factory: Callable[[], UpdateClient] | None, installer: Installer | None = None
    ) -> None:
        self.client_factory = client_factory
        if installer is not None:
            self.installer = installer

    @property
    def platform(self) -> str:
        if self._platform is None:
            from cesec_desktop.domain.releases import current_platform

            self._platform = current_platform()
        return self._platform

    @property
    def dry_run(self) -> bool:
        return isinstance(self.installer, DryRunInstaller)

    def _now(self) -> datetime:
        return (self.clock or clocks.current()).now()

    # --- checking --------------------------------------------------------------------------

    def last_check(self) -> datetime | None:
        text = self.settings.update_last_check
        try:
            moment = datetime.fromisoformat(text) if text else None
        except ValueError:
            return None
        if moment is None or moment.tzinfo is None:
            return None
        return moment.astimezone(UTC)

    def due(self) -> bool:
        """Whether a day has passed since the last check (a check "from the future", after
        the computer's clock was set back, counts as none)."""
        last = self.last_check()
        now = self._now()
        return last is None or last > now or now - last >= CHECK_EVERY

    def start(self) -> bool:
        """The automatic check, in the background, at most once a day; True if it began."""
        if not self.settings.update_auto_check or not self.configured:
            return False
        if self.phase != "idle" and self.phase != "offer":
            return False
        if not self.due():
            self._schedule_next()
            return False
        self.tasks.spawn(self._check(manual=False), name="update-check")
        return True

    def _schedule_next(self) -> None:
        """The app stays open for days on a trader's desk: check again when a day is up."""
        last = self.last_check()
        if last is None:
            return
        wait = (last + CHECK_EVERY - self._now()).total_seconds()
        self._next_check.start(int(min(max(wait, 60.0), CHECK_EVERY.total_seconds()) * 1000))

    def check_now(self) -> None:
        """Help → Check for updates: always checks, and says what it found."""
        if not self.configured:
            self.failed.emit(_words("not_configured"))
            return
        if self.phase == "checking":
            self._asked = True
            return
        if self.phase in ("downloading", "installing"):
            return
        if self.phase == "downloaded" and self.offer is not None:
            self.downloaded.emit(self.file)
            return
        self.tasks.spawn(self._check(manual=True), name="update-check")

    async def _check(self, *, manual: bool) -> None:
        import asyncio

        from cesec_desktop.api.updates import UpdateError

        assert self.client_factory is not None
        self.phase = "checking"
        self.checking.emit()
        self._asked = False
        channel = self.channel()
        try:
            platform = self.platform
        except ValueError as error:  # a machine no release is built for
            self.phase = "idle"
            log.warning("update check skipped: %s", error)
            if manual:
                self.failed.emit(_words("no_build"))
            return
        try:
            client = self.client_factory()
            offer = await asyncio.to_thread(client.check, self.current_version, channel, platform)
        except UpdateError as error:
            self.phase = "idle"
            log.warning("update check failed (%s): %s", error.kind, error)
            if error.kind != "network":
                self._checked()  # a refused answer is not worth asking again within the day
            if manual or self._asked:
                self.failed.emit(_words(_client_kind(error.kind)))
            return
        except asyncio.CancelledError:
            self.phase = "idle"
            raise
        self._checked()
        self._client = client
        manual = manual or self._asked
        if offer is None:
            self.phase = "idle"
            self.offer = None
            log.info("update check: %s is the newest on %s", self.current_version, channel)
            if manual:
                self.upToDate.emit()
            return
        self.phase = "offer"
        self.offer = offer
        log.info("update check: %s offered on %s", offer.version, channel)
        if not manual and same_version(offer.version, self.settings.update_later_version):
            log.info("update %s was put off with Later; not shown", offer.version)
            return
        self._announce()

    def _checked(self) -> None:
        self.settings.update_last_check = self._now().astimezone(UTC).isoformat()
        self._schedule_next()

    def _announce(self) -> None:
        if self.busy() is not None:
            self._hold_notice = True
            self._recheck.start()
            return
        self._hold_notice = False
        self.offerFound.emit(self.offer)

    def resume(self) -> None:
        """Show what waited for the user (a notice, an install) once they are done."""
        if self.busy() is not None:
            return
        self._recheck.stop()
        if self._hold_install:
            self._hold_install = False
            self._hand_off()
        elif self._hold_notice and self.offer is not None:
            self._hold_notice = False
            self.offerFound.emit(self.offer)

    # --- downloading -----------------------------------------------------------------------

    def download(self) -> None:
        if self.offer is None or self._client is None or self.phase != "offer":
            return
        self.phase = "downloading"
        self._cancel.clear()
        self.progress.emit(0, self.offer.length)  # the progress bar shows at once
        self.tasks.spawn(self._download(self._client, self.offer), name="update-download")

    async def _download(self, client: UpdateClient, offer: UpdateOffer) -> None:
        import asyncio

        from cesec_desktop.api.updates import UpdateError

        loop = asyncio.get_running_loop()
        step = max(1, offer.length // PROGRESS_STEPS)
        sent = [-1]

        def report(received: int, total: int) -> None:
            # Called in the worker thread: a few reports cross to this thread, not every chunk.
            if received - sent[0] >= step or received >= total:
                sent[0] = received
                loop.call_soon_threadsafe(self._progress, received, total)

        try:
            path = await asyncio.to_thread(client.download, offer, report, self._cancel.is_set)
        except UpdateError as error:
            self.phase = "offer"
            if error.kind == "cancelled":
                log.info("update download cancelled")
                self.downloadCancelled.emit()
                return
            log.warning("update download refused (%s): %s", error.kind, error)
            self.failed.emit(_words(_client_kind(error.kind)))
            return
        except OSError as error:
            self.phase = "offer"
            log.warning("update download could not be saved: %s", error.strerror or error)
            self.failed.emit(_words("disk"))
            return
        except asyncio.CancelledError:
            self._cancel.set()  # the worker stops at its next chunk
            self.phase = "offer"
            raise
        self.file = path
        self.phase = "downloaded"
        log.info("update %s downloaded and verified", offer.version)
        self.downloaded.emit(path)

    def _progress(self, received: int, total: int) -> None:
        if self.phase == "downloading":
            self.progress.emit(received, total)

    def cancel(self) -> None:
        self._cancel.set()

    # --- the user's answer -----------------------------------------------------------------

    def later(self) -> None:
        """Not now: automatic checks keep quiet about this version (Help still shows it)."""
        if self.offer is not None:
            self.settings.update_later_version = self.offer.version
        self.cancel()
        self._hold_notice = self._hold_install = False
        self._recheck.stop()

    def install(self) -> None:
        """Hand the file to the installer, once the user is done signing or typing."""
        if self.file is None or self.phase != "downloaded":
            return
        reason = self.busy()
        if reason is not None:
            self._hold_install = True
            self._recheck.start()
            self.deferred.emit(reason)
            return
        self._hand_off()

    def _hand_off(self) -> None:
        import shlex

        assert self.file is not None
        self.phase = "installing"
        self.installing.emit()
        try:
            self.installer.hand_off(self.file)
        except OSError as error:
            self.phase = "downloaded"
            log.error("the installer did not start: %s", error.strerror or error)
            self.failed.emit(_words("installer"))
            return
        command: Any = getattr(self.installer, "command", None)
        self.handedOff.emit(shlex.join(command(self.file)) if callable(command) else "")
        if getattr(self.installer, "quits_app", True):
            self.quitRequested.emit()
        else:
            self.phase = "downloaded"

    async def shutdown(self) -> None:
        self.cancel()
        self._recheck.stop()
        self._next_check.stop()
        await self.tasks.cancel_all()
