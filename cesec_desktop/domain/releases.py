"""Releases as the update repository lists them: platforms, channels, target names, the index.

Shared by the update client (api/updates.py), the mock's repository and the release tooling
(scripts/tuf_repo.py), so that the names one writes are the names the other reads. Every
release target is named `{channel}/cesec-desktop-{version}-{platform}.{ext}`; one index
target per channel, `{channel}/releases.json`, lists them. Both are TUF targets: by the time
the client parses an index, TUF has checked its length, hashes and signatures. It is parsed
with limits all the same (a size cap, capped strings and lists, nesting no deeper than the
parser allows), so a signing mistake cannot hang or flood the app.
"""

from __future__ import annotations

import platform as _platform
import re
import sys
from typing import Annotated, Any

import msgspec
from packaging.version import InvalidVersion, Version

PLATFORMS = ("windows-x64", "macos-arm64", "linux-x86_64")
EXTENSIONS = {"windows-x64": "exe", "macos-arm64": "dmg", "linux-x86_64": "tar.gz"}
"""Inno Setup installer, disk image, onedir tarball."""
CHANNELS = ("stable", "beta")
PRODUCT = "cesec-desktop"
INDEX_NAME = "releases.json"
INDEX_SCHEMA = 1

MAX_INDEX_BYTES = 512 * 1024
MAX_RELEASES = 2000
MAX_NOTE_CHARS = 4000

_VERSION_TEXT = re.compile(r"^[0-9A-Za-z.+!-]{1,64}$")
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

Short = Annotated[str, msgspec.Meta(max_length=64)]
TargetPath = Annotated[str, msgspec.Meta(max_length=256)]
LanguageCode = Annotated[str, msgspec.Meta(max_length=8)]
Note = Annotated[str, msgspec.Meta(max_length=MAX_NOTE_CHARS)]


class ReleaseDataError(ValueError):
    """A release index or a release's metadata is unreadable; `reason` says why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ReleaseEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=False):
    """One line of a channel's index."""

    version: Short
    platform: Short
    target: TargetPath


class ReleaseIndex(msgspec.Struct, frozen=True):
    """A channel's `releases.json` (unknown fields are skipped: a later schema may add some)."""

    schema: int
    releases: Annotated[list[ReleaseEntry], msgspec.Meta(max_length=MAX_RELEASES)]


class ReleaseInfo(msgspec.Struct, frozen=True):
    """A release target's TUF custom metadata."""

    version: Short
    platform: Short
    channel: Short
    notes: Annotated[dict[LanguageCode, Note], msgspec.Meta(max_length=8)]
    released: Annotated[str, msgspec.Meta(pattern=_DATE)]


_INDEX_DECODER = msgspec.json.Decoder(ReleaseIndex)


def current_platform(system: str | None = None, machine: str | None = None) -> str:
    """The platform tag of this computer (of `system`/`machine` when given, for tests).

    The release pipeline builds what GitHub's runners are: 64-bit x86 Windows and Linux, and
    Apple-silicon macOS (a universal build needs two-architecture wheels that numpy and other
    dependencies do not publish). Any other machine has no build to be offered.
    """
    system = system if system is not None else sys.platform
    machine = (machine if machine is not None else _platform.machine()).lower()
    if system.startswith("win"):
        return "windows-x64"
    if system == "darwin":
        if machine in ("arm64", "aarch64"):
            return "macos-arm64"
    elif machine in ("", "x86_64", "amd64"):
        return "linux-x86_64"
    # An Intel Mac or an ARM Linux machine has no build of its own: another would not run.
    raise ValueError(f"no release is built for {system} on {machine}")


def check_version(version: str) -> Version:
    """`version` as a PEP 440 version; ValueError if it is none."""
    if not _VERSION_TEXT.match(version):
        raise ValueError(f"not a release version: {version!r}")
    try:
        return Version(version)
    except InvalidVersion:
        raise ValueError(f"not a release version: {version!r}") from None


def check_platform(platform: str) -> str:
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r} (one of {', '.join(PLATFORMS)})")
    return platform


def check_channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r} (one of {', '.join(CHANNELS)})")
    return channel


def target_path(channel: str, version: str, platform: str) -> str:
    """The TUF target path of a release's installer or archive."""
    check_channel(channel)
    check_version(version)
    ext = EXTENSIONS[check_platform(platform)]
    return f"{channel}/{PRODUCT}-{version}-{platform}.{ext}"


def index_path(channel: str) -> str:
    return f"{check_channel(channel)}/{INDEX_NAME}"


def visible_channels(channel: str) -> tuple[str, ...]:
    """The channels whose releases a client on `channel` is offered: beta sees stable too."""
    check_channel(channel)
    return ("stable", "beta") if channel == "beta" else ("stable",)


def parse_index(raw: bytes) -> ReleaseIndex:
    """A channel's index from its bytes; ReleaseDataError if too large, too deep or malformed."""
    if len(raw) > MAX_INDEX_BYTES:
        raise ReleaseDataError("too_large", f"release index over {MAX_INDEX_BYTES} bytes")
    try:
        index = _INDEX_DECODER.decode(raw)
    except RecursionError:
        raise ReleaseDataError("too_deep", "release index nested too deep") from None
    except msgspec.ValidationError as exc:
        raise ReleaseDataError("invalid_shape", f"release index: {exc}") from None
    except msgspec.DecodeError:
        raise ReleaseDataError("not_json", "release index is not JSON") from None
    if index.schema != INDEX_SCHEMA:
        raise ReleaseDataError("schema", f"release index schema {index.schema} is not known")
    return index


def encode_index(releases: list[ReleaseEntry]) -> bytes:
    """An index's bytes, releases sorted so that the same set always gives the same bytes."""
    ordered = sorted(releases, key=lambda r: (r.platform, Version(r.version), r.target))
    return msgspec.json.encode(ReleaseIndex(schema=INDEX_SCHEMA, releases=ordered))


def parse_release_info(custom: Any) -> ReleaseInfo:
    """A release target's custom metadata, checked; ReleaseDataError if it does not fit."""
    try:
        info = msgspec.convert(custom, ReleaseInfo)
    except (msgspec.ValidationError, RecursionError) as exc:
        raise ReleaseDataError("invalid_shape", f"release metadata: {exc}") from None
    try:
        check_version(info.version)
        check_platform(info.platform)
        check_channel(info.channel)
    except ValueError as exc:
        raise ReleaseDataError("invalid_shape", f"release metadata: {exc}") from None
    return info


def release_info(
    version: str, platform: str, channel: str, notes: dict[str, str], released: str
) -> dict[str, Any]:
    """A release target's custom metadata as stored in the targets role (checked first)."""
    info = {
        "version": version,
        "platform": platform,
        "channel": channel,
        "notes": dict(notes),
        "released": released,
    }
    parse_release_info(info)
    return info


def newest_release(
    entries: list[ReleaseEntry], current: str, platform: str, channel: str
) -> ReleaseEntry | None:
    """The newest entry of `channel`'s index for `platform` that is newer than `current`.

    Never an equal or older version: a repository (or a mistaken index) can never walk the
    app back to an older release. Entries whose version does not parse, or whose target is
    not the name the contract gives it, are skipped.
    """
    floor = check_version(current)
    best: tuple[Version, ReleaseEntry] | None = None
    for entry in entries:
        if entry.platform != platform:
            continue
        try:
            version = check_version(entry.version)
            expected = target_path(channel, entry.version, platform)
        except ValueError:
            continue
        if entry.target != expected or version <= floor:
            continue
        if best is None or version > best[0]:
            best = (version, entry)
    return best[1] if best else None
