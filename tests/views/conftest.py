"""Fixtures for the GUI tests (defined in gui_support.py, shared with tests/e2e)."""

from __future__ import annotations

from gui_support import (  # noqa: F401
    _guis,
    _languages,
    _themes,
    backend,
    backend_factory,
    gui_factory,
    languages,
    memory_keyring,
    qt_loop,
    run,
    settings,
    themes,
)
