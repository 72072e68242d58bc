"""Cycles holding Qt objects are freed on the GUI thread, never by a worker thread's garbage
collection (which deadlocks on Qt's signal-slot lock against the GIL)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from cesec_desktop.state.gc_guard import MainThreadCollector


def test_garbage_with_qt_objects_is_collected_on_the_gui_thread(qapp: QApplication) -> None:
    freed_in: list[Any] = []

    class Watched(QObject):
        def __del__(self) -> None:
            freed_in.append(QThread.currentThread())

    collector = MainThreadCollector(interval_ms=10_000)
    try:
        assert not gc.isenabled(), "automatic collection is off"
        holder: dict[str, Any] = {}
        holder["self"] = holder
        holder["object"] = Watched()
        del holder

        # A worker thread allocates a lot: with automatic collection on, the cycle (and its
        # Qt object) would be freed there.
        def churn() -> None:
            junk = []
            for _ in range(20_000):
                node: list[Any] = []
                node.append(node)
                junk.append(node)

        worker = threading.Thread(target=churn)
        worker.start()
        worker.join()
        assert freed_in == [], "nothing freed by the worker"
        gc.set_threshold(1, 1, 1)
        try:
            assert collector.collect() > 0
        finally:
            gc.set_threshold(700, 10, 10)
        assert freed_in == [qapp.thread()]
    finally:
        collector.stop()
        collector.deleteLater()
