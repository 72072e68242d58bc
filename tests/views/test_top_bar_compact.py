"""A broker's top bar at 200 % text: compact when its full form does not fit (the back
button's arrow, no "Client:" caption, the connection's dot, the profile's icon), full again
when it does, with every word kept for screen readers; and nothing cut or overlapping on a
1920 x 1040 window in kk, ru and en, also while reconnecting."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from gui_support import Backend, Gui, wait_until
from layout_check import clipped_texts
from PySide6.QtCore import Qt
from test_broker_mode import broker_main
from zoom_support import app_zoom  # noqa: F401 (a fixture)

from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.zoom import ZoomManager

LANGS = ("kk", "ru", "en")
SIZE = (1920, 1040)
"""A full-HD screen less the taskbar: where 200 % text is most often used."""


async def settle(seconds: float = 0.3) -> None:
    await asyncio.sleep(seconds)


def bar_problems(main: Any, what: str) -> list[str]:
    """The top bar's and the Home page's texts that do not fit, one a line."""
    return [
        f"{what}: {clip}"
        for clip in clipped_texts(main)
        if "topBar" in str(clip) or "homePage" in str(clip) or "recent" in str(clip)
    ]


def test_a_broker_bar_at_200_percent_fits_in_every_language_and_state(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: LanguageManager,
    app_zoom: ZoomManager,  # noqa: F811
) -> None:
    app_zoom.set_level(200)

    async def scenario() -> None:
        _gui, main, _scope = await broker_main(gui_factory, backend)
        main.resize(*SIZE)
        main.show_page("home")  # a client's screen: the back button is shown
        await wait_until(lambda: main.home.summary_loaded, what="Home", timeout=15)
        found: list[str] = []
        for lang in LANGS:
            languages.set_language(lang)
            await settle()
            assert main.back_button.isVisible()
            found += bar_problems(main, f"online ({lang})")
            main.indicator.set_state("reconnecting")
            main._connection_changed("reconnecting")
            await settle()
            found += bar_problems(main, f"reconnecting ({lang})")
            main._connection_changed(main.session.connection.value)
        assert not found, "texts that do not fit:\n" + "\n".join(found)

    run(scenario(), timeout=120)


def test_compact_mode_is_entered_and_left_and_keeps_the_names(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: LanguageManager,
    app_zoom: ZoomManager,  # noqa: F811
) -> None:
    app_zoom.set_level(200)

    async def scenario() -> None:
        _gui, main, _scope = await broker_main(gui_factory, backend)
        languages.set_language("kk")
        main.show_page("home")
        main.resize(3200, 1200)
        await settle()
        fit = main.top_bar_fit
        assert not fit.compact
        assert main.back_button.text().endswith(main.tr("Back to clients"))
        assert main.client_picker.label.isVisible()
        assert main.indicator.label.isVisible()
        assert main.profile_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        assert not bar_problems(main, "wide")

        main.resize(1500, 1000)  # narrower than the full bar at 200 %
        await wait_until(lambda: fit.compact, what="the compact top bar")
        await settle()
        assert main.top_bar.layout().minimumSize().width() <= main.top_bar.width()
        assert main.back_button.text() == "\N{LEFTWARDS ARROW}"
        assert main.back_button.accessibleName() == main.tr("Back to clients")
        assert not main.client_picker.label.isVisible()
        assert main.client_picker.combo.accessibleName() == "Клиент"
        assert not main.indicator.label.isVisible() and main.indicator.dot.isVisible()
        assert main.indicator.accessibleName() == main.indicator.label.text()
        assert main.indicator.toolTip()
        assert main.profile_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        name = main.session.me.full_name
        assert name in main.profile_button.accessibleName()
        assert name in main.profile_button.toolTip()
        assert not bar_problems(main, "narrow")

        # A language switch and the zoom re-measure: at 100 % the bar fits in full again.
        languages.set_language("ru")
        await settle()
        assert fit.compact
        app_zoom.set_level(100)
        await wait_until(lambda: not fit.compact, what="the full top bar at 100 %")
        main.resize(3200, 1200)
        app_zoom.set_level(200)
        await settle()
        assert not fit.compact
        assert main.client_picker.label.isVisible() and main.indicator.label.isVisible()
        assert main.profile_button.text() and main.profile_button.accessibleName()
        assert main.back_button.text().endswith(main.tr("Back to clients"))

    run(scenario(), timeout=120)
