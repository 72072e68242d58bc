"""scripts/tuf_repo.py end to end: init, add-target, timestamp, then the client finds it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tuf.api.metadata import Metadata, Timestamp
from update_kit import serve_directory

from cesec_desktop.api.updates import UpdateClient

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "tuf_repo.py"
NOTES = {"en": "Installer release.", "kk": "Орнатқыш шығарылымы.", "ru": "Выпуск установщика."}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )


def test_init_add_target_timestamp_then_the_client_finds_and_fetches_it(tmp_path: Path) -> None:
    repo, keys = tmp_path / "repo", tmp_path / "keys"
    where = ["--repo", str(repo), "--keys", str(keys)]
    made = _run("init", *where)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in keys.iterdir()) == [
        "root.pem",
        "snapshot.pem",
        "targets.pem",
        "timestamp.pem",
    ]
    assert _run("init", *where).returncode == 1  # never over an existing repository

    artifact = tmp_path / "cesec-desktop-0.2.0-windows-x64.exe"
    artifact.write_bytes(b"MZ" + bytes(range(256)) * 200)
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(NOTES, ensure_ascii=False), encoding="utf-8")
    release = [
        "--channel", "stable", "--platform", "windows-x64", "--version", "0.2.0",
        "--notes-json", str(notes), "--released", "2026-12-01",
    ]  # fmt: skip
    added = _run("add-target", *where, *release, str(artifact))
    assert added.returncode == 0, added.stderr
    assert "stable/cesec-desktop-0.2.0-windows-x64.exe" in added.stdout

    wrong = _run("add-target", *where, *release, str(notes))
    assert wrong.returncode == 1 and ".exe" in wrong.stderr

    before = Metadata[Timestamp].from_bytes((repo / "metadata" / "timestamp.json").read_bytes())
    stamped = _run("timestamp", *where)
    assert stamped.returncode == 0, stamped.stderr
    after = Metadata[Timestamp].from_bytes((repo / "metadata" / "timestamp.json").read_bytes())
    assert after.signed.version == before.signed.version + 1

    with serve_directory(repo) as url:
        client = UpdateClient(
            metadata_dir=tmp_path / "app" / "metadata",
            targets_dir=tmp_path / "app" / "downloads",
            repository_url=url,
            trusted_root=(repo / "root.json").read_bytes(),
        )
        offer = client.check("0.1.0", "stable", "windows-x64")
        assert offer is not None
        assert (offer.version, offer.notes, offer.released) == ("0.2.0", NOTES, "2026-12-01")
        path = client.download(offer, lambda *_: None, lambda: False)
        assert path.name == artifact.name
        assert path.read_bytes() == artifact.read_bytes()


def test_commands_on_a_missing_repository_fail_in_words(tmp_path: Path) -> None:
    failed = _run("timestamp", "--repo", str(tmp_path / "none"), "--keys", str(tmp_path / "k"))
    assert failed.returncode == 1
    assert "no TUF repository" in failed.stderr
