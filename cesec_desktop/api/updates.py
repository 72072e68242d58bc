"""Checking for and downloading app updates through The Update Framework (python-tuf ngclient).

Everything the app learns about a release comes through TUF: the channel's index
(`{channel}/releases.json`) and the release's own target, each checked against metadata
signed by keys that chain up to the root shipped with the app (length, hashes, signatures,
expiry, and versions never lower than the ones trusted before). What TUF refuses becomes an
`UpdateError` (update_errors.py). Sync, like ngclient: the state layer runs it on a worker
thread; an UpdateClient runs one call at a time (others wait).
"""

from __future__ import annotations

import contextlib
import logging
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import TargetFile
from tuf.ngclient import Updater, UpdaterConfig

from cesec_desktop import __version__
from cesec_desktop.api.transport import is_loopback, ssl_context
from cesec_desktop.api.update_errors import UpdateError, UpdateErrorKind, translate
from cesec_desktop.api.update_fetcher import HttpxFetcher
from cesec_desktop.domain.releases import (
    ReleaseDataError,
    ReleaseEntry,
    check_channel,
    check_platform,
    check_version,
    index_path,
    newest_release,
    parse_index,
    parse_release_info,
    visible_channels,
)

__all__ = ["UpdateClient", "UpdateError", "UpdateErrorKind", "UpdateOffer"]

log = logging.getLogger(__name__)

USER_AGENT = f"cesec-desktop/{__version__}"
INDEX_FOLDER = ".index"
"""Under targets_dir: where a verified index lands before it is read (and removed)."""


@dataclass(frozen=True)
class UpdateOffer:
    """A newer release for this platform, as its signed metadata describes it."""

    version: str
    platform: str
    channel: str
    target_path: str
    length: int
    notes: dict[str, str]
    """Release notes by language code ("en", "kk", "ru")."""
    released: str
    """The release date, YYYY-MM-DD."""


class UpdateClient:
    """Finds and fetches the newest release through TUF.

    `trusted_root` is the root metadata shipped with the app: the one trust anchor.
    `metadata_dir` keeps the metadata trusted so far (what rollback protection compares
    against), so it must outlive the process; `targets_dir` receives verified downloads.
    """

    def __init__(
        self,
        *,
        metadata_dir: Path,
        targets_dir: Path,
        repository_url: str,
        trusted_root: bytes,
        deadline_s: float = 60.0,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self._metadata_dir = metadata_dir
        self._targets_dir = targets_dir
        self._url = repository_url
        self._root = trusted_root
        self._deadline_s = deadline_s
        self._verify: ssl.SSLContext | bool = ssl_context() if verify is True else verify
        self._lock = threading.Lock()

    def check(self, current_version: str, channel: str, platform: str) -> UpdateOffer | None:
        """The newest release newer than `current_version` for `platform` on `channel` (beta
        sees stable releases too), or None. Never an equal or older version."""
        try:
            check_version(current_version)
            check_channel(channel)
            check_platform(platform)
        except ValueError as exc:
            raise UpdateError("not_configured", f"Cannot check for updates: {exc}.") from None
        with self._call() as (updater, _fetcher):
            updater.refresh()
            best: tuple[str, ReleaseEntry] | None = None
            for seen in visible_channels(channel):
                entry = self._newest_in(updater, seen, current_version, platform)
                if entry is not None and (
                    best is None or check_version(entry.version) > check_version(best[1].version)
                ):
                    best = (seen, entry)
            if best is None:
                return None
            seen, entry = best
            info = updater.get_targetinfo(entry.target)
            if info is None:
                log.warning("index of %s lists %s, which is no target", seen, entry.target)
                raise UpdateError("bad_answer")
            return _offer(info, expected=entry, channel=seen)

    def download(
        self,
        offer: UpdateOffer,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> Path:
        """The offer's file, verified by TUF, in targets_dir; reports (received, total) and
        stops with UpdateError("cancelled") once `cancelled()` says so. Nothing is written at
        the returned path unless it verified."""
        with self._call(cancelled) as (updater, fetcher):
            updater.refresh()
            info = updater.get_targetinfo(offer.target_path)
            if info is None:
                log.warning("%s is no longer a target", offer.target_path)
                raise UpdateError("bad_answer", "This update is no longer offered.")
            # The release behind this path must still be the one the user was offered.
            entry = ReleaseEntry(offer.version, offer.platform, offer.target_path)
            _offer(info, expected=entry, channel=offer.channel)
            destination = self._targets_dir / PurePosixPath(offer.target_path).name
            total = info.length
            if updater.find_cached_target(info, str(destination)) is not None:
                progress(total, total)  # fetched and verified before
                return destination
            # Whatever lies there is not this target: it must not outlive a failed download.
            destination.unlink(missing_ok=True)
            fetcher.progress = lambda received: progress(min(received, total), total)
            try:
                updater.download_target(info, filepath=str(destination))
            finally:
                fetcher.progress = None
            return destination

    def _newest_in(
        self, updater: Updater, channel: str, current: str, platform: str
    ) -> ReleaseEntry | None:
        info = updater.get_targetinfo(index_path(channel))
        if info is None:
            return None  # this channel has published nothing yet
        folder = self._targets_dir / INDEX_FOLDER
        path = folder / f"{channel}-releases.json"
        updater.download_target(info, filepath=str(path))
        try:
            raw = path.read_bytes()
        finally:
            path.unlink(missing_ok=True)
        return newest_release(parse_index(raw).releases, current, platform, channel)

    @contextlib.contextmanager
    def _call(
        self, cancelled: Callable[[], bool] = lambda: False
    ) -> Iterator[tuple[Updater, HttpxFetcher]]:
        """A fresh Updater over the trusted metadata, a deadline, and every failure typed."""
        base = _check_url(self._url)
        fetcher = HttpxFetcher(verify=self._verify, user_agent=USER_AGENT)
        # ngclient's metadata folder takes one Updater at a time (a check while a download
        # runs waits for it; the deadline counts from when it starts).
        self._lock.acquire()
        fetcher.begin(self._deadline_s, cancelled)
        try:
            self._metadata_dir.mkdir(parents=True, exist_ok=True)
            self._targets_dir.mkdir(parents=True, exist_ok=True)
            try:
                updater = Updater(
                    metadata_dir=str(self._metadata_dir),
                    metadata_base_url=f"{base}metadata/",
                    target_dir=str(self._targets_dir),
                    target_base_url=f"{base}targets/",
                    fetcher=fetcher,
                    config=UpdaterConfig(app_user_agent=USER_AGENT),
                    bootstrap=self._root,
                )
            except tuf_errors.RepositoryError as exc:
                log.warning("the shipped update root is unusable: %s", exc)
                raise UpdateError(
                    "not_configured", "The app's update trust root is unreadable."
                ) from None
            yield updater, fetcher
        except UpdateError:
            raise
        except Exception as exc:
            raise translate(exc) from exc
        finally:
            self._lock.release()
            fetcher.close()


def _check_url(url: str) -> str:
    """The repository URL, ending in "/"; https, or plain http on this computer only."""
    parts = urlsplit(url.strip())
    ok = (
        parts.scheme in ("https", "http")
        and bool(parts.hostname)
        and not (parts.query or parts.fragment or parts.username or parts.password)
    )
    if ok and parts.scheme == "http":
        ok = is_loopback(parts.hostname or "")
    if not ok:
        raise UpdateError("not_configured", "The update server's address is not a valid https URL.")
    return url.strip() if url.strip().endswith("/") else url.strip() + "/"


def _offer(info: TargetFile, *, expected: ReleaseEntry, channel: str) -> UpdateOffer:
    """The offer a target describes; bad_answer unless it is the release the index named."""
    try:
        release = parse_release_info(info.custom)
    except ReleaseDataError as exc:
        raise translate(exc) from None
    if (
        release.version != expected.version
        or release.platform != expected.platform
        or release.channel != channel
    ):
        log.warning("target %s describes another release than its index says", info.path)
        raise UpdateError("bad_answer")
    return UpdateOffer(
        version=release.version,
        platform=release.platform,
        channel=release.channel,
        target_path=info.path,
        length=info.length,
        notes=dict(release.notes),
        released=release.released,
    )
