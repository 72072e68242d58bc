"""UpdateClient against a TUF repository served on 127.0.0.1: finding, downloading, cancelling."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from update_kit import NOTES, PLATFORM, RELEASED, publish, update_setup

from cesec_desktop.api.updates import UpdateError, UpdateOffer


def test_finds_the_newest_release_and_downloads_it_verified(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        published = publish(setup.repo, "0.3.0", size=300_000)
        publish(setup.repo, "0.4.0", channel="beta")
        setup.repo.publish("0.9.0", "windows-x64", "stable", b"exe", NOTES, RELEASED)
        client = setup.client()

        offer = client.check("0.1.0", "stable", PLATFORM)
        assert offer == UpdateOffer(
            version="0.3.0",
            platform=PLATFORM,
            channel="stable",
            target_path="stable/cesec-desktop-0.3.0-linux-x86_64.tar.gz",
            length=300_000,
            notes=NOTES,
            released=RELEASED,
        )
        reports: list[tuple[int, int]] = []
        path = client.download(
            offer, lambda got, total: reports.append((got, total)), lambda: False
        )

        assert path == setup.home / "downloads" / "cesec-desktop-0.3.0-linux-x86_64.tar.gz"
        assert path.read_bytes() == setup.repo.target_file(published.target_path).read_bytes()
        assert len(reports) > 1  # chunk by chunk
        assert [got for got, _ in reports] == sorted(got for got, _ in reports)
        assert reports[-1] == (300_000, 300_000)
        assert {total for _, total in reports} == {300_000}


def test_beta_sees_stable_releases_and_the_newest_wins(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.4.0b1", channel="beta")
        publish(setup.repo, "0.4.0")
        client = setup.client()
        assert client.check("0.1.0", "beta", PLATFORM).version == "0.4.0"  # type: ignore[union-attr]
        publish(setup.repo, "0.5.0b1", channel="beta")
        beta = client.check("0.1.0", "beta", PLATFORM)
        assert (beta.version, beta.channel) == ("0.5.0b1", "beta")  # type: ignore[union-attr]
        assert client.check("0.1.0", "stable", PLATFORM).version == "0.4.0"  # type: ignore[union-attr]


def test_nothing_newer_and_an_empty_repository_offer_nothing(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        client = setup.client()
        assert client.check("0.1.0", "stable", PLATFORM) is None
        publish(setup.repo, "0.1.0")
        assert client.check("0.1.0", "beta", PLATFORM) is None
        assert client.check("0.1.0", "stable", "windows-x64") is None


def test_a_second_download_reuses_the_verified_file(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0")
        client = setup.client()
        offer = client.check("0.1.0", "stable", PLATFORM)
        assert offer is not None
        first = client.download(offer, lambda *_: None, lambda: False)
        reports: list[tuple[int, int]] = []
        assert client.download(offer, lambda *a: reports.append(a), lambda: False) == first
        assert reports == [(offer.length, offer.length)]


def test_cancel_stops_the_download_and_leaves_no_file(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        publish(setup.repo, "0.2.0", size=1_000_000)
        client = setup.client()
        offer = client.check("0.1.0", "stable", PLATFORM)
        assert offer is not None
        reports: list[tuple[int, int]] = []
        with pytest.raises(UpdateError) as caught:
            client.download(offer, lambda *a: reports.append(a), lambda: bool(reports))
        assert caught.value.kind == "cancelled"
        assert str(caught.value) == "The download was cancelled."
        assert reports and reports[-1][0] < offer.length
        assert setup.downloaded_files() == []


def test_bad_arguments_and_urls_are_not_configured(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        for client, args in (
            (setup.client(), ("0.1.0", "nightly", PLATFORM)),
            (setup.client(), ("0.1.0", "stable", "bsd")),
            (
                setup.client(repository_url="http://updates.example.com/"),
                ("0.1.0", "stable", PLATFORM),
            ),
            (setup.client(repository_url="ftp://127.0.0.1/"), ("0.1.0", "stable", PLATFORM)),
            (setup.client(trusted_root=b"{not a root"), ("0.1.0", "stable", PLATFORM)),
        ):
            with pytest.raises(UpdateError) as caught:
                client.check(*args)
            assert caught.value.kind == "not_configured"


def test_an_unreachable_server_is_a_network_error(tmp_path: Path) -> None:
    with update_setup(tmp_path) as setup:
        port = setup.url.rsplit(":", 1)[1].rstrip("/")
    client = setup.client(repository_url=f"http://127.0.0.1:{port}/")
    with pytest.raises(UpdateError) as caught:
        client.check("0.1.0", "stable", PLATFORM)
    assert caught.value.kind == "network"
    assert "could not be reached" in str(caught.value)


def test_a_server_that_never_answers_ends_at_the_deadline(tmp_path: Path) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        silent.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(silent.accept()[0])  # and never answer
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        with update_setup(tmp_path) as setup:
            url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
            client = setup.client(repository_url=url, deadline_s=0.5)
            with pytest.raises(UpdateError) as caught:
                client.check("0.1.0", "stable", PLATFORM)
        assert caught.value.kind == "network"
        assert "did not answer in time" in str(caught.value)
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in accepted:
            conn.close()
        silent.close()
