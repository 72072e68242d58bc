"""A worker thread's freed heap goes back to the system on a timer (glibc), instead of
staying resident all day (issue 12: the soak's RSS growth)."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from cesec_desktop.state.heap_trim import HeapTrimmer, available

glibc_only = pytest.mark.skipif(
    not available(), reason="malloc_trim is glibc's (Windows/macOS keep no such heap)"
)


def rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


@glibc_only
def test_memory_a_worker_freed_leaves_the_process_when_trimmed(qapp: QApplication) -> None:
    trimmer = HeapTrimmer(interval_ms=3_600_000)
    trimmer.trim()
    kept: list[bytes] = []

    def parse() -> None:
        # A worker's parsing: 64 MiB of 4 KiB blocks (malloc's, not Python's small-object
        # pool), one in 64 kept, as a parser keeps a few of the objects it builds.
        blocks = [bytes(4096) for _ in range(16_384)]
        kept.extend(blocks[::64])
        del blocks

    worker = threading.Thread(target=parse)
    worker.start()
    worker.join()
    held = rss()
    assert trimmer.trim(), "glibc handed memory back"
    released = held - rss()
    assert released > 32 * 2**20, f"only {released / 2**20:.1f} MiB released"
    assert len(kept) == 256


@glibc_only
def test_the_trimmer_runs_on_its_timer_and_stops_with_its_owner(
    run: Callable[..., Any], qapp: QApplication
) -> None:
    from PySide6.QtCore import QObject

    owner = QObject()
    trimmer = HeapTrimmer(owner, interval_ms=20)
    calls: list[int] = []
    trimmer._trim = lambda pad: calls.append(pad) or 1  # type: ignore[assignment]

    async def scenario() -> None:
        await asyncio.sleep(0.2)
        assert len(calls) >= 3, calls
        assert all(pad == 0 for pad in calls)
        timer = trimmer.timer
        owner.deleteLater()
        await asyncio.sleep(0.05)
        count = len(calls)
        await asyncio.sleep(0.1)
        assert len(calls) == count, "no trims after its owner went"
        del timer

    run(scenario())


def test_off_glibc_nothing_runs(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    trimmer = HeapTrimmer(interval_ms=20)
    assert not trimmer.available
    assert not trimmer.timer.isActive(), "no wake-ups where there is nothing to trim"
    assert trimmer.trim() is False
