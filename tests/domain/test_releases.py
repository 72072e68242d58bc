"""Release names, channel rules and the bounded reading of a channel's index."""

from __future__ import annotations

import msgspec
import pytest

from cesec_desktop.domain.releases import (
    MAX_INDEX_BYTES,
    ReleaseDataError,
    ReleaseEntry,
    current_platform,
    encode_index,
    index_path,
    newest_release,
    parse_index,
    parse_release_info,
    release_info,
    target_path,
    visible_channels,
)


@pytest.mark.parametrize(
    ("system", "machine", "tag"),
    [
        ("win32", "AMD64", "windows-x64"),
        ("darwin", "arm64", "macos-arm64"),
        ("linux", "x86_64", "linux-x86_64"),
    ],
)
def test_platform_tags(system: str, machine: str, tag: str) -> None:
    assert current_platform(system, machine) == tag


@pytest.mark.parametrize(("system", "machine"), [("linux", "aarch64"), ("darwin", "x86_64")])
def test_no_build_for_arm_linux_or_intel_macs(system: str, machine: str) -> None:
    with pytest.raises(ValueError, match="no release"):
        current_platform(system, machine)


def test_this_computer_has_a_tag_or_says_why() -> None:
    try:
        assert current_platform() in ("windows-x64", "macos-arm64", "linux-x86_64")
    except ValueError as exc:
        assert "no release" in str(exc)


def test_target_names_follow_the_contract() -> None:
    assert (
        target_path("stable", "0.2.0", "windows-x64")
        == "stable/cesec-desktop-0.2.0-windows-x64.exe"
    )
    assert target_path("beta", "0.3.0b1", "macos-arm64") == (
        "beta/cesec-desktop-0.3.0b1-macos-arm64.dmg"
    )
    assert target_path("stable", "1.0.0", "linux-x86_64").endswith("-linux-x86_64.tar.gz")
    assert index_path("beta") == "beta/releases.json"
    for bad in (
        ("nightly", "1.0", "linux-x86_64"),
        ("stable", "1.0", "bsd"),
        ("stable", "x/..", "linux-x86_64"),
    ):
        with pytest.raises(ValueError):
            target_path(*bad)


def test_beta_sees_stable_and_stable_only_stable() -> None:
    assert visible_channels("beta") == ("stable", "beta")
    assert visible_channels("stable") == ("stable",)


def _entry(version: str, platform: str = "linux-x86_64", channel: str = "stable") -> ReleaseEntry:
    return ReleaseEntry(version, platform, target_path(channel, version, platform))


def test_the_index_round_trips() -> None:
    entries = [_entry("0.3.0"), _entry("0.2.0"), _entry("0.2.0", "windows-x64")]
    index = parse_index(encode_index(entries))
    assert index.schema == 1
    assert sorted(index.releases, key=lambda e: e.target) == sorted(entries, key=lambda e: e.target)


def test_the_contract_example_parses_and_unknown_fields_are_skipped() -> None:
    raw = (
        b'{"schema": 1, "later": {"a": [1, 2]}, "releases": [{"version": "0.2.0", '
        b'"platform": "linux-x86_64", "target": "stable/cesec-desktop-0.2.0-linux-x86_64.tar.gz",'
        b' "sha": "x"}]}'
    )
    assert parse_index(raw).releases == [_entry("0.2.0")]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b" " * (MAX_INDEX_BYTES + 1), "too_large"),
        (
            b'{"schema": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b', "releases": []}',
            "too_deep",
        ),
        (b"{not json", "not_json"),
        (b'{"schema": 1, "releases": {}}', "invalid_shape"),
        (
            b'{"schema": 1, "releases": [{"version": 2, "platform": "p", "target": "t"}]}',
            "invalid_shape",
        ),
        (
            b'{"schema": 1, "releases": [{"version": "'
            + b"9" * 65
            + b'", "platform": "p", "target": "t"}]}',
            "invalid_shape",
        ),
        (b'{"schema": 2, "releases": []}', "schema"),
    ],
)
def test_a_bad_index_is_a_typed_error(raw: bytes, reason: str) -> None:
    with pytest.raises(ReleaseDataError) as caught:
        parse_index(raw)
    assert caught.value.reason == reason


def test_too_many_releases_is_refused() -> None:
    entry = msgspec.json.encode(_entry("1.0.0"))
    raw = b'{"schema": 1, "releases": [' + b",".join([entry] * 2001) + b"]}"
    with pytest.raises(ReleaseDataError, match="release index"):
        parse_index(raw)


def test_newest_newer_release_for_the_platform_wins() -> None:
    entries = [_entry("0.2.0"), _entry("0.10.0"), _entry("0.9.0"), _entry("1.0.0", "windows-x64")]
    assert newest_release(entries, "0.1.0", "linux-x86_64", "stable") == _entry("0.10.0")


def test_never_an_equal_or_older_version() -> None:
    entries = [_entry("0.1.0"), _entry("0.0.9"), _entry("0.1.0.post0", "windows-x64")]
    assert newest_release(entries, "0.1.0", "linux-x86_64", "stable") is None


def test_an_entry_whose_target_is_not_its_name_is_skipped() -> None:
    # An index line calling an old file "2.0.0" must not lead to that file.
    disguised = ReleaseEntry(
        "2.0.0", "linux-x86_64", target_path("stable", "0.1.0", "linux-x86_64")
    )
    other_channel = _entry("3.0.0", channel="beta")
    entries = [disguised, other_channel, ReleaseEntry("nonsense!", "linux-x86_64", "x")]
    assert newest_release(entries, "0.1.0", "linux-x86_64", "stable") is None


def test_release_metadata_is_checked() -> None:
    info = release_info("0.2.0", "linux-x86_64", "stable", {"en": "Fixes"}, "2026-12-01")
    assert parse_release_info(info).notes == {"en": "Fixes"}
    for bad in (
        {**info, "released": "1 Dec 2026"},
        {**info, "channel": "nightly"},
        {**info, "notes": {"en": "x" * 5000}},
        {**info, "notes": "Fixes"},
        None,
    ):
        with pytest.raises(ReleaseDataError):
            parse_release_info(bad)
