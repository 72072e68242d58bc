"""The mock's TUF repository (update_repository.py) and its routes, /updates and /mock/updates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from testkit import make_config
from tuf.api.metadata import Metadata, Root, Targets, Timestamp

from cesec_desktop.domain.releases import PLATFORMS, parse_index
from cesec_desktop.mockserver import cli
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.update_repository import (
    RepositoryStateError,
    UpdateRepository,
    demo_payload,
)

NOTES = {"en": "Fixes", "kk": "Түзетулер", "ru": "Исправления"}


def test_a_new_repository_has_signed_version_one_of_every_role(tmp_path: Path) -> None:
    repo = UpdateRepository(tmp_path / "repo")
    root = Metadata[Root].from_bytes(repo.root_bytes())
    assert root.signed.version == 1 and root.signed.consistent_snapshot
    root.signed.verify_delegate("root", root.signed_bytes, root.signatures)
    names = sorted(p.name for p in repo.metadata_dir.iterdir())
    assert names == [
        "1.root.json",
        "1.snapshot.json",
        "1.targets.json",
        "root.json",
        "timestamp.json",
    ]
    assert repo.releases() == []
    keys = sorted(p.name for p in repo.keys_dir.iterdir())
    assert keys == ["root.pem", "snapshot.pem", "targets.pem", "timestamp.pem"]
    assert (repo.keys_dir / "root.pem").stat().st_mode & 0o077 == 0


def test_publishing_adds_the_target_the_index_and_signs_again(tmp_path: Path) -> None:
    repo = UpdateRepository(tmp_path / "repo")
    release = repo.publish("0.2.0", "linux-x86_64", "stable", b"payload", NOTES, "2026-12-01")
    assert release.target_path == "stable/cesec-desktop-0.2.0-linux-x86_64.tar.gz"
    assert repo.target_file(release.target_path).read_bytes() == b"payload"
    targets = Metadata[Targets].from_bytes(repo.metadata_path("2.targets.json").read_bytes())
    root = Metadata[Root].from_bytes(repo.root_bytes()).signed
    root.verify_delegate("targets", targets.signed_bytes, targets.signatures)
    info = targets.signed.targets[release.target_path]
    assert info.custom == {
        "version": "0.2.0",
        "platform": "linux-x86_64",
        "channel": "stable",
        "notes": NOTES,
        "released": "2026-12-01",
    }
    index = parse_index(repo.target_file("stable/releases.json").read_bytes())
    assert [(e.version, e.target) for e in index.releases] == [("0.2.0", release.target_path)]
    timestamp = Metadata[Timestamp].from_bytes(repo.metadata_path("timestamp.json").read_bytes())
    assert timestamp.signed.snapshot_meta.version == repo.version("snapshot") == 2


def test_reopening_keeps_keys_releases_and_versions(tmp_path: Path) -> None:
    repo = UpdateRepository(tmp_path / "repo")
    repo.publish("0.2.0", "windows-x64", "beta", b"exe", NOTES, "2026-12-01")
    again = UpdateRepository.open(tmp_path / "repo")
    assert again.root_bytes() == repo.root_bytes()
    assert again.releases() == repo.releases()
    assert again.version("timestamp") == repo.version("timestamp")
    again.refresh_timestamp()
    assert again.version("timestamp") == repo.version("timestamp") + 1
    with pytest.raises(RepositoryStateError):
        UpdateRepository.init(tmp_path / "repo")
    with pytest.raises(RepositoryStateError):
        UpdateRepository.open(tmp_path / "none")


def test_a_release_needs_no_root_key(tmp_path: Path) -> None:
    """The root key stays offline: CI publishes with the targets, snapshot and timestamp keys."""
    UpdateRepository(tmp_path / "repo")
    (tmp_path / "repo" / "keys" / "root.pem").unlink()
    repo = UpdateRepository.open(tmp_path / "repo")
    assert "root" not in repo.signers
    release = repo.publish("0.2.0", "linux-x86_64", "stable", b"payload", NOTES, "2026-12-01")
    assert [r.target_path for r in repo.releases()] == [release.target_path]


def test_a_stale_timestamp_is_renewed_by_ensure_fresh(tmp_path: Path) -> None:
    repo = UpdateRepository(tmp_path / "repo")
    assert repo.ensure_fresh() is False
    repo.expire("timestamp")
    assert repo.ensure_fresh() is True
    assert repo.ensure_fresh() is False


def test_bad_target_paths_and_releases_are_refused(tmp_path: Path) -> None:
    repo = UpdateRepository(tmp_path / "repo")
    for path in ("../escape", "/abs", "stable/", "stable//x", "./x", ""):
        with pytest.raises(ValueError):
            repo.add_target(path, b"x")
    with pytest.raises(ValueError):
        repo.publish("0.2.0", "linux-x86_64", "stable", b"x", NOTES, "tomorrow")
    with pytest.raises(ValueError):
        repo.publish("not a version", "linux-x86_64", "stable", b"x", NOTES, "2026-12-01")


@pytest.fixture
def updates_app(tmp_path: Path) -> FastAPI:
    return create_app(make_config(), updates_dir=tmp_path / "updates")


def test_mock_updates_publishes_for_every_platform_and_lists(updates_app: FastAPI) -> None:
    with TestClient(updates_app) as client:
        assert client.get("/mock/updates").json()["items"] == []
        answer = client.post("/mock/updates", json={"version": "9.0.0"})
        assert answer.status_code == 200, answer.text
        items = answer.json()["items"]
        assert sorted(i["platform"] for i in items) == sorted(PLATFORMS)
        assert {i["channel"] for i in items} == {"stable"}
        assert set(items[0]["notes"]) == {"en", "kk", "ru"}
        assert "9.0.0" in items[0]["notes"]["ru"]
        one = client.post(
            "/mock/updates",
            json={
                "version": "9.1.0b1",
                "channel": "beta",
                "platform": "macos-arm64",
                "notes": {"en": "Beta"},
            },
        ).json()["items"]
        assert [
            (i["version"], i["channel"], i["notes"]) for i in one if i["channel"] == "beta"
        ] == [("9.1.0b1", "beta", {"en": "Beta"})]
        assert client.get("/mock/updates").json()["items"] == one


@pytest.mark.parametrize(
    "body",
    [
        {"version": "nine"},
        {"version": "9.0.0", "channel": "nightly"},
        {"version": "9.0.0", "platform": "bsd"},
        {"version": "9.0.0", "notes": {"en": "x" * 5000}},
        {"version": "9.0.0", "extra": 1},
    ],
)
def test_mock_updates_refuses_bad_releases(updates_app: FastAPI, body: dict[str, object]) -> None:
    with TestClient(updates_app) as client:
        answer = client.post("/mock/updates", json=body)
        assert answer.status_code == 422
        assert answer.json()["error"]["code"] == "validation_error"


def test_the_repository_is_served_and_nothing_else(updates_app: FastAPI) -> None:
    repo: UpdateRepository = updates_app.state.updates
    with TestClient(updates_app) as client:
        client.post("/mock/updates", json={"version": "9.0.0", "platform": "windows-x64"})
        assert client.get("/updates/metadata/1.root.json").content == (
            repo.metadata_path("1.root.json").read_bytes()
        )
        assert client.get("/updates/metadata/timestamp.json").status_code == 200
        path = "stable/cesec-desktop-9.0.0-windows-x64.exe"
        served = repo.target_file(path)
        got = client.get(f"/updates/targets/stable/{served.name}")
        assert got.content == demo_payload("9.0.0", "windows-x64")
        for url in (
            "/updates/metadata/2.root.json",
            "/updates/metadata/keys.json",
            "/updates/metadata/..%2Fkeys%2Froot.pem",
            "/updates/targets/..%2Fkeys%2Froot.pem",
            "/updates/targets/../keys/root.pem",
            "/updates/targets/stable/nothing.exe",
        ):
            answer = client.get(url)
            assert answer.status_code == 404, url
            assert b"PRIVATE KEY" not in answer.content


def test_an_app_without_a_folder_makes_a_temporary_repository(
    app_factory: Callable[..., FastAPI],
) -> None:
    with TestClient(app_factory()) as client:
        assert client.get("/mock/updates").json()["timestamp_version"] == 1
        assert client.get("/updates/metadata/1.root.json").status_code == 200


def test_the_routes_serving_files_stay_out_of_the_api_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/mock/updates" in paths
    assert not any(p.startswith("/updates") for p in paths)


def test_cli_options(tmp_path: Path) -> None:
    args = cli.parse_args(["--db", str(tmp_path / "x.sqlite3"), "--publish-update", "0.9.0"])
    assert args.publish_update == ["0.9.0"]
    assert cli._updates_dir(args)[0] == tmp_path / "x-updates"
    args = cli.parse_args(["--updates-dir", str(tmp_path / "u")])
    assert cli._updates_dir(args)[0] == tmp_path / "u"
    with pytest.raises(SystemExit):
        cli.parse_args(["--publish-update", "soon"])


def test_cli_prepares_the_repository_and_its_trusted_root(tmp_path: Path) -> None:
    app = create_app(make_config(), updates_dir=tmp_path)
    root = cli._prepare_updates(app, tmp_path, ["9.0.0"])
    assert root == tmp_path / "root.json"
    assert json.loads(root.read_bytes())["signed"]["_type"] == "root"
    assert {r.version for r in app.state.updates.releases()} == {"9.0.0"}
