"""Helpers for the update tests: a TUF repository served over real HTTP on 127.0.0.1.

The repository is made with python-tuf's Metadata API (mockserver/update_repository.py), its
keys generated in the test's own folder; a small static server serves its `metadata/` and
`targets/` as a release server would (the keys folder lies outside what it serves).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cesec_desktop.api.updates import UpdateClient
from cesec_desktop.mockserver.update_repository import UpdateRepository

NOTES = {"en": "Faster start.", "kk": "Жылдамырақ іске қосылу.", "ru": "Быстрее запуск."}
RELEASED = "2026-12-01"
PLATFORM = "linux-x86_64"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` as static files; yields its base URL (ending in "/")."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class UpdateSetup:
    repo: UpdateRepository
    url: str
    home: Path
    """The client's side: its trusted metadata and its downloads live below."""

    def client(self, **overrides: object) -> UpdateClient:
        options: dict[str, object] = {
            "metadata_dir": self.home / "metadata",
            "targets_dir": self.home / "downloads",
            "repository_url": self.url,
            "trusted_root": self.repo.root_bytes(),
            "deadline_s": 30.0,
        }
        options.update(overrides)
        return UpdateClient(**options)  # type: ignore[arg-type]

    def downloaded_files(self) -> list[Path]:
        return sorted(p for p in (self.home / "downloads").rglob("*") if p.is_file())


@contextmanager
def update_setup(tmp_path: Path) -> Iterator[UpdateSetup]:
    repo = UpdateRepository(tmp_path / "server", keys_dir=tmp_path / "keys")
    with serve_directory(repo.directory) as url:
        yield UpdateSetup(repo=repo, url=url, home=tmp_path / "client")


def publish(repo: UpdateRepository, version: str, channel: str = "stable", size: int = 2000):
    payload = (f"cesec-desktop {version} ".encode() * (size // 10 + 1))[:size]
    return repo.publish(version, PLATFORM, channel, payload, NOTES, RELEASED)
