"""Fixtures for the zoom tests: the app's zoom manager, put back at 100 % afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cesec_desktop.settings import Settings
from cesec_desktop.state import zoom
from cesec_desktop.state.zoom import ZoomManager


@pytest.fixture
def app_zoom(settings: Settings) -> Iterator[ZoomManager]:
    """The app's zoom manager remembering in this test's settings; at 100 % and remembering
    nothing again afterwards (it is process-wide, like the app's font it sets)."""
    manager = zoom.current()
    manager.use_settings(settings)
    yield manager
    manager.use_settings(None)
    manager.reset()
