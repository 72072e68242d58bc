"""The attacks TUF exists for, each refused with its kind and its words, nothing kept.

Every repository is made here with python-tuf's Metadata API (update_repository.py), keys
generated in the test, served over HTTP on 127.0.0.1; expiry is set relative to the real
clock, which is what ngclient checks against, so no test depends on the date.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, MetaFile, Root, Timestamp
from update_kit import PLATFORM, UpdateSetup, publish, update_setup

from cesec_desktop.api.updates import UpdateClient, UpdateError


def _refused(call, kind: str, words: str) -> UpdateError:  # type: ignore[no-untyped-def]
    with pytest.raises(UpdateError) as caught:
        call()
    assert caught.value.kind == kind, repr(caught.value)
    assert words in str(caught.value)
    return caught.value


def _check(client: UpdateClient):  # type: ignore[no-untyped-def]
    return lambda: client.check("0.1.0", "stable", PLATFORM)


def _nothing_kept(setup: UpdateSetup) -> None:
    assert setup.downloaded_files() == []


# --- a tampered target -------------------------------------------------------------------


@pytest.mark.parametrize("change", ["same length", "longer", "shorter"])
def test_a_target_changed_after_signing_is_refused(tmp_path: Path, change: str) -> None:
    with update_setup(tmp_path) as setup:
        release = publish(setup.repo, "0.2.0")
        client = setup.client()
        offer = client.check("0.1.0", "stable", PLATFORM)
        assert offer is not None
        served = setup.repo.target_file(release.target_path)
        original = served.read_bytes()
        served.write_bytes(
            {
                "same length": b"X" + original[1:],
                "longer": original + b"#!/bin/sh evil\n",
                "shorter": original[:-10],
            }[change]
        )
        _refused(
            lambda: client.download(offer, lambda *_: None, lambda: False),
            "tampered",
            "do not match what the publisher signed",
        )
        _nothing_kept(setup)


# --- expired metadata --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["targets", "snapshot"])
def test_expired_metadata_is_refused(tmp_path: Path, role: str) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        setup.repo.expire(role)  # the roles below it are fresh: only this one is stale
        error = _refused(_check(setup.client()), "expired", "signed information has expired")
        assert "timestamp" not in str(error)
        _nothing_kept(setup)


def test_an_expired_root_is_refused(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        setup.repo.expire("root")
        client = setup.client(trusted_root=setup.repo.root_bytes())
        _refused(_check(client), "expired", "signed information has expired")


# --- rollback ----------------------------------------------------------------------------


def test_an_older_timestamp_than_the_trusted_one_is_refused(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        old_timestamp = setup.repo.metadata_path("timestamp.json").read_bytes()
        publish(setup.repo, "0.3.0")
        client = setup.client()
        assert client.check("0.1.0", "stable", PLATFORM).version == "0.3.0"  # type: ignore[union-attr]
        # A mirror replays the state before 0.3.0, validly signed and not expired.
        setup.repo.replace_metadata("timestamp.json", old_timestamp)
        _refused(_check(client), "rollback", "older signed information than this app")


def test_a_new_timestamp_naming_an_older_snapshot_is_refused(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        old_snapshot_version = setup.repo.version("snapshot")
        publish(setup.repo, "0.3.0")
        client = setup.client()
        client.check("0.1.0", "stable", PLATFORM)
        # The timestamp key signs a higher timestamp that points back at the old snapshot.
        md = Metadata[Timestamp].from_bytes(setup.repo.metadata_path("timestamp.json").read_bytes())
        md.signed.version += 1
        md.signed.snapshot_meta = MetaFile(version=old_snapshot_version)
        md.sign(setup.repo.signers["timestamp"])
        setup.repo.replace_metadata("timestamp.json", md.to_bytes())
        _refused(_check(client), "rollback", "older signed information than this app")


def test_an_index_offering_the_current_or_an_older_version_offers_nothing(
    tmp_path: Path,
) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.0.9")
        publish(setup.repo, "0.1.0")
        assert setup.client().check("0.1.0", "stable", PLATFORM) is None
        assert setup.client().check("0.1.0", "beta", PLATFORM) is None


# --- a frozen timestamp ------------------------------------------------------------------


def test_a_frozen_timestamp_is_refused_while_newer_metadata_exists(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        client = setup.client()
        client.check("0.1.0", "stable", PLATFORM)
        publish(setup.repo, "0.3.0")
        # The server's timestamp is left to go stale: it was never renewed after it expired.
        setup.repo.expire("timestamp")
        _refused(_check(client), "expired", "timestamp has expired")
        _nothing_kept(setup)


def test_a_trusted_timestamp_that_expired_is_not_used(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        setup.repo.expire("timestamp")
        # The client had trusted this very timestamp; the server keeps serving it, frozen.
        setup.home.joinpath("metadata").mkdir(parents=True)
        shutil.copyfile(
            setup.repo.metadata_path("timestamp.json"), setup.home / "metadata" / "timestamp.json"
        )
        _refused(_check(setup.client()), "expired", "timestamp has expired")


# --- an untrusted key --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["timestamp", "snapshot", "targets"])
def test_metadata_signed_by_an_untrusted_key_is_refused(tmp_path: Path, role: str) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        client = setup.client()
        client.check("0.1.0", "stable", PLATFORM)
        publish(setup.repo, "0.3.0")
        # An attacker's key signs the role; the roles below it are validly re-signed over it.
        setup.repo.resign(role, signer=CryptoSigner.generate_ed25519())
        _refused(_check(client), "untrusted", "not signed by a key this app trusts")
        _nothing_kept(setup)


def test_a_new_root_signed_by_an_untrusted_key_is_refused(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        client = setup.client()
        attacker = CryptoSigner.generate_ed25519()
        md = Metadata[Root].from_bytes(setup.repo.root_bytes())
        for role in ("root", "timestamp"):
            for keyid in list(md.signed.roles[role].keyids):
                md.signed.revoke_key(keyid, role)
            md.signed.add_key(attacker.public_key, role)
        md.signed.version += 1
        md.signed.expires = datetime.now(UTC) + timedelta(days=30)
        md.sign(attacker)
        setup.repo.replace_metadata(f"{md.signed.version}.root.json", md.to_bytes())
        _refused(_check(client), "untrusted", "not signed by a key this app trusts")


def test_a_root_the_app_does_not_ship_is_not_trusted(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup, update_setup(tmp_path / "other") as other:
        publish(setup.repo, "0.2.0")
        # The app ships another repository's root: this one's metadata is not signed by it.
        client = setup.client(trusted_root=other.repo.root_bytes())
        _refused(_check(client), "untrusted", "not signed by a key this app trusts")
