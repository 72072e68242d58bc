"""Fixtures for the zoom tests: the app's zoom manager, put back at 100 % afterwards.

Also the pixel-ratio half of test_zoom_layout.py: `test_every_text_fits_at_this_pixel_ratio`
runs only when a pytest is given this file by name (it is not a test_*.py module), which
test_zoom_layout does in a process started with QT_SCALE_FACTOR=2.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from gui_support import Backend, Gui
from PySide6.QtGui import QGuiApplication

from cesec_desktop.settings import Settings
from cesec_desktop.state import zoom
from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.zoom import ZoomManager

MAIN_SIZE = (1280, 800)
"""The default main window; at a pixel ratio of 2, 2560 x 1600 pixels."""
LOGIN_SIZE = (460, 640)


@pytest.fixture
def app_zoom(settings: Settings) -> Iterator[ZoomManager]:
    """The app's zoom manager remembering in this test's settings; at 100 % and remembering
    nothing again afterwards (it is process-wide, like the app's font it sets)."""
    manager = zoom.current()
    manager.use_settings(settings)
    yield manager
    manager.use_settings(None)
    manager.reset()


def test_every_text_fits_at_this_pixel_ratio(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: LanguageManager,
) -> None:
    """Every screen at 100 % text in kk, ru and en, at the pixel ratio the process runs at
    (CESEC_EXPECTED_PIXEL_RATIO says which: the run proves it got it)."""
    from test_zoom_layout import every_screen

    expected = float(os.environ.get("CESEC_EXPECTED_PIXEL_RATIO", "1"))
    assert QGuiApplication.primaryScreen().devicePixelRatio() == expected

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        found = await every_screen(gui, languages, MAIN_SIZE, LOGIN_SIZE)
        assert not found, f"texts that do not fit at a ratio of {expected:g}:\n" + "\n".join(found)
        # Icons are drawn from their SVG at the screen's pixels: a 20 px icon is 40 pixels.
        profile = gui.main.profile_button
        picture = profile.icon().pixmap(profile.iconSize(), profile.devicePixelRatioF())
        assert picture.width() == round(profile.iconSize().width() * expected)

    run(scenario(), timeout=150)
