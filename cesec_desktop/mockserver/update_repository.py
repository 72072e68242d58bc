"""A TUF update repository, made and signed with python-tuf's Metadata API.

The mock backend serves one (`/updates/`), the release tooling (scripts/tuf_repo.py) keeps the
real one with it, and the update tests build theirs with it, attacks included. Layout:

    {directory}/metadata/  1.root.json, root.json, N.targets.json, N.snapshot.json,
                           timestamp.json   (consistent snapshots: a client reading while
                           a release is published never mixes two states)
    {directory}/targets/   {channel}/{sha256}.{name}   (the release files, hash-prefixed)
    {keys_dir}/            root.pem, targets.pem, snapshot.pem, timestamp.pem (made here,
                           never committed; the real ones live in the release secrets)

One ed25519 key per top-level role, threshold 1. Expiry is relative to the real clock
(`datetime.now(UTC)`), as the client checks it: the mock's own clock is for its market.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner, Signer
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Signed,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)

from cesec_desktop.domain.releases import (
    PLATFORMS,
    ReleaseEntry,
    check_version,
    encode_index,
    index_path,
    parse_release_info,
    release_info,
    target_path,
)

TOP_ROLES = ("root", "targets", "snapshot", "timestamp")
LIFETIMES = {
    "root": timedelta(days=365),
    "targets": timedelta(days=90),
    "snapshot": timedelta(days=7),
    "timestamp": timedelta(days=1),
}
_BELOW = {"root": (), "targets": ("snapshot", "timestamp"), "snapshot": ("timestamp",)}
"""What must be signed again after a role changes, so the change reaches clients."""
_HASH = "sha256"
DEMO_NOTES = {
    "en": "Demo release {version}: faster start and small fixes.",
    "kk": "{version} демо шығарылымы: жылдамырақ іске қосылу және шағын түзетулер.",
    "ru": "Демо-выпуск {version}: более быстрый запуск и мелкие исправления.",
}


class RepositoryStateError(RuntimeError):
    """The repository directory is not in the state asked for (missing, or already made)."""


@dataclass(frozen=True)
class PublishedRelease:
    version: str
    platform: str
    channel: str
    target_path: str
    length: int
    notes: dict[str, str]
    released: str


def utc_now() -> datetime:
    return datetime.now(UTC)


class UpdateRepository:
    """A TUF repository on disk: made on first use, reopened after (thread-safe)."""

    def __init__(self, directory: Path, *, keys_dir: Path | None = None, create: bool = True):
        self.directory = Path(directory)
        self.metadata_dir = self.directory / "metadata"
        self.targets_dir = self.directory / "targets"
        self.keys_dir = Path(keys_dir) if keys_dir is not None else self.directory / "keys"
        self._lock = threading.RLock()
        self._md: dict[str, Metadata[Any]] = {}
        self._bytes: dict[str, bytes] = {}
        self.signers: dict[str, Signer] = {}
        with self._lock:
            if (self.metadata_dir / "root.json").is_file():
                self._load()
            elif create:
                self._create()
            else:
                raise RepositoryStateError(f"no TUF repository in {self.directory}")

    @classmethod
    def init(cls, directory: Path, *, keys_dir: Path | None = None) -> UpdateRepository:
        """A new repository; refused where one exists (its keys would be lost)."""
        if (Path(directory) / "metadata" / "root.json").exists():
            raise RepositoryStateError(f"a TUF repository already exists in {directory}")
        return cls(directory, keys_dir=keys_dir)

    @classmethod
    def open(cls, directory: Path, *, keys_dir: Path | None = None) -> UpdateRepository:
        return cls(directory, keys_dir=keys_dir, create=False)

    # --- reading -------------------------------------------------------------------------

    def root_bytes(self) -> bytes:
        """The current root metadata: what a client ships as its trust anchor."""
        return (self.metadata_dir / "root.json").read_bytes()

    def write_trusted_root(self, path: Path) -> Path:
        _write_atomic(path, self.root_bytes())
        return path

    def version(self, role: str) -> int:
        return int(self._md[role].signed.version)

    def metadata_path(self, name: str) -> Path:
        """The served file of a metadata name, e.g. "timestamp.json" or "3.snapshot.json"."""
        return self.metadata_dir / name

    def current_metadata_name(self, role: str) -> str:
        """The file name a client fetches for `role`'s current version."""
        if role == "timestamp":
            return "timestamp.json"
        return f"{self.version(role)}.{role}.json"

    def target_file(self, path: str) -> Path:
        """Where the served bytes of target `path` are (hash-prefixed, as clients fetch it)."""
        info = self._targets.targets[path]
        posix = PurePosixPath(path)
        return self.targets_dir.joinpath(*posix.parent.parts, f"{info.hashes[_HASH]}.{posix.name}")

    def releases(self) -> list[PublishedRelease]:
        """Every published release, oldest first."""
        with self._lock:
            found = []
            for path, info in self._targets.targets.items():
                if info.custom is None:
                    continue  # an index
                release = parse_release_info(info.custom)
                found.append(
                    PublishedRelease(
                        version=release.version,
                        platform=release.platform,
                        channel=release.channel,
                        target_path=path,
                        length=info.length,
                        notes=dict(release.notes),
                        released=release.released,
                    )
                )
        return sorted(found, key=lambda r: (check_version(r.version), r.channel, r.platform))

    # --- publishing ----------------------------------------------------------------------

    def publish(
        self,
        version: str,
        platform: str,
        channel: str,
        payload: bytes | Path,
        notes: dict[str, str],
        released: str,
    ) -> PublishedRelease:
        """Add a release (the bytes, or a file) and its channel's index, and sign it all."""
        path = target_path(channel, version, platform)
        custom = release_info(version, platform, channel, notes, released)
        with self._lock:
            info = self.add_target(path, payload, custom)
            self._write_index(channel)
            self.commit()
        return PublishedRelease(version, platform, channel, path, info.length, notes, released)

    def publish_demo(
        self,
        version: str,
        *,
        channel: str = "stable",
        platform: str | None = None,
        notes: dict[str, str] | None = None,
        released: str | None = None,
    ) -> list[PublishedRelease]:
        """Publish `version` with a small generated payload for `platform` (None: every
        platform), with demo notes in en/kk/ru unless `notes` are given."""
        notes = notes or {lang: text.format(version=version) for lang, text in DEMO_NOTES.items()}
        released = released or utc_now().date().isoformat()
        return [
            self.publish(version, each, channel, demo_payload(version, each), notes, released)
            for each in ([platform] if platform else PLATFORMS)
        ]

    def add_target(
        self, path: str, payload: bytes | Path, custom: dict[str, Any] | None = None
    ) -> TargetFile:
        """Put a file in the repository and list it in targets (signed by `commit`)."""
        posix = PurePosixPath(path)
        # Only plain relative paths: the path names a file below targets/ on every server.
        if posix.is_absolute() or ".." in posix.parts or str(posix) != path or not posix.name:
            raise ValueError(f"bad target path {path!r}")
        with self._lock:
            if isinstance(payload, Path):
                info = TargetFile.from_file(path, str(payload), [_HASH])
            else:
                info = TargetFile.from_data(path, payload, [_HASH])
            if custom is not None:
                info.unrecognized_fields["custom"] = custom
            folder = self.targets_dir.joinpath(*posix.parent.parts)
            folder.mkdir(parents=True, exist_ok=True)
            served = folder / f"{info.hashes[_HASH]}.{posix.name}"
            if isinstance(payload, Path):
                shutil.copyfile(payload, served)
            else:
                _write_atomic(served, payload)
            self._targets.targets[path] = info
            return info

    def _write_index(self, channel: str) -> None:
        entries = [
            ReleaseEntry(r.version, r.platform, r.target_path)
            for r in self.releases()
            if r.channel == channel
        ]
        self.add_target(index_path(channel), encode_index(entries))

    def commit(self) -> None:
        """Sign targets, snapshot and timestamp anew, so clients see the change."""
        self.resign("targets")

    def refresh_timestamp(self) -> None:
        """Sign snapshot and timestamp anew (fresh expiry): what a timestamp service does."""
        self.resign("snapshot")

    def ensure_fresh(self) -> bool:
        """Re-sign whatever is in the second half of its lifetime; whether anything was."""
        with self._lock:
            now = utc_now()
            changed = False
            for role in TOP_ROLES:
                # A role re-signed above re-signed those below it too: they are fresh now.
                if self._md[role].signed.expires - now < LIFETIMES[role] / 2:
                    self.resign(role)
                    changed = True
            return changed

    # --- signing (also the attacks' tools) ---------------------------------------------

    def resign(
        self, role: str, *, signer: Signer | None = None, expires: datetime | None = None
    ) -> bytes:
        """Bump `role`'s version, sign it (with `signer`, or its own key; expiring at
        `expires`, or a full lifetime from now), then sign what depends on it with fresh
        expiry. Returns the role's new bytes."""
        with self._lock:
            data = self._sign(role, signer=signer, expires=expires)
            for below in _BELOW.get(role, ()):
                self._sign(below)
            return data

    def expire(self, role: str) -> None:
        """Sign `role` as expired an hour ago (the roles below it stay fresh)."""
        self.resign(role, expires=utc_now() - timedelta(hours=1))

    def replace_metadata(self, name: str, data: bytes) -> None:
        """Serve `data` as metadata file `name`, as a compromised mirror would."""
        _write_atomic(self.metadata_path(name), data)

    def _sign(
        self,
        role: str,
        *,
        signer: Signer | None = None,
        expires: datetime | None = None,
        bump: bool = True,
    ) -> bytes:
        md = self._md[role]
        signed: Signed = md.signed
        if role == "snapshot":
            snapshot: Snapshot = md.signed
            snapshot.meta["targets.json"] = MetaFile.from_data(
                self.version("targets"), self._bytes["targets"], [_HASH]
            )
        elif role == "timestamp":
            timestamp: Timestamp = md.signed
            timestamp.snapshot_meta = MetaFile.from_data(
                self.version("snapshot"), self._bytes["snapshot"], [_HASH]
            )
        if bump:
            signed.version += 1
        signed.expires = expires if expires is not None else utc_now() + LIFETIMES[role]
        md.sign(signer or self.signers[role])
        data = md.to_bytes()
        self._bytes[role] = data
        if role == "timestamp":
            _write_atomic(self.metadata_dir / "timestamp.json", data)
        else:
            _write_atomic(self.metadata_dir / f"{signed.version}.{role}.json", data)
            if role == "root":
                _write_atomic(self.metadata_dir / "root.json", data)
        return data

    # --- making and loading --------------------------------------------------------------

    @property
    def _targets(self) -> Targets:
        targets: Targets = self._md["targets"].signed
        return targets

    def _create(self) -> None:
        self.keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        signers = {role: CryptoSigner.generate_ed25519() for role in TOP_ROLES}
        for role, signer in signers.items():
            _write_private(self.keys_dir / f"{role}.pem", signer.private_bytes)
        self.signers = dict(signers)
        now = utc_now()
        root = Root(expires=now + LIFETIMES["root"], consistent_snapshot=True)
        for role, signer in signers.items():
            root.add_key(signer.public_key, role)
        self._md = {
            "root": Metadata(root),
            "targets": Metadata(Targets(expires=now)),
            "snapshot": Metadata(Snapshot(expires=now)),
            "timestamp": Metadata(Timestamp(expires=now)),
        }
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        self.targets_dir.mkdir(parents=True, exist_ok=True)
        for role in TOP_ROLES:
            self._sign(role, bump=False)  # version 1 of each

    def _load(self) -> None:
        root = Metadata[Root].from_bytes(self.root_bytes())
        ts_bytes = (self.metadata_dir / "timestamp.json").read_bytes()
        timestamp = Metadata[Timestamp].from_bytes(ts_bytes)
        snap_name = f"{timestamp.signed.snapshot_meta.version}.snapshot.json"
        snap_bytes = (self.metadata_dir / snap_name).read_bytes()
        snapshot = Metadata[Snapshot].from_bytes(snap_bytes)
        targets_name = f"{snapshot.signed.meta['targets.json'].version}.targets.json"
        targets_bytes = (self.metadata_dir / targets_name).read_bytes()
        self._md = {
            "root": root,
            "targets": Metadata[Targets].from_bytes(targets_bytes),
            "snapshot": snapshot,
            "timestamp": timestamp,
        }
        self._bytes = {
            "root": self.root_bytes(),
            "targets": targets_bytes,
            "snapshot": snap_bytes,
            "timestamp": ts_bytes,
        }
        for role in TOP_ROLES:
            path = self.keys_dir / f"{role}.pem"
            if role == "root" and not path.exists():
                # The root key is kept offline: a release (CI) signs the other roles only.
                continue
            pem = path.read_bytes()
            signer = CryptoSigner(load_pem_private_key(pem, None))
            if signer.public_key.keyid not in root.signed.roles[role].keyids:
                raise RepositoryStateError(f"the {role} key in {self.keys_dir} is not the root's")
            self.signers[role] = signer


def _write_atomic(path: Path, data: bytes) -> None:
    """Readers (a client fetching) see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_private(path: Path, data: bytes) -> None:
    """A private key, readable by this user only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)


def demo_payload(version: str, platform: str) -> bytes:
    """A small stand-in for a release file (the mock publishes no real installer)."""
    line = f"cesec-desktop {version} for {platform}: demo update payload\n".encode()
    return line * 64 + hashlib.sha256(line).hexdigest().encode()
