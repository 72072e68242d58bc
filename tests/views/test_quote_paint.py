"""The quote tables' fast cell painter draws what the style would (issue 13: the style
sheet's path cost most of a repaint at exchange speed)."""

from __future__ import annotations

from typing import Any

import pytest
from gui_support import wait_until
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QStyle

from cesec_desktop.state.quote_table_model import Column, TrendRole
from cesec_desktop.views import delegates


def differing_pixels(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    return sum(
        1 for y in range(a.height()) for x in range(a.width()) if a.pixel(x, y) != b.pixel(x, y)
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_fast_painter_draws_what_the_style_draws(
    run: Any, gui_factory: Any, backend_factory: Any, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    backend = backend_factory(simulate=True, always_open=True, tick_rate=400)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in()
        gui.main.set_theme(theme)
        home = gui.main.home
        await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists")
        panel = home.panels["KASE"]
        model = panel.table.quotes
        await wait_until(
            lambda: (
                model.rowCount() > 3
                and all(model.quote(r) is not None for r in range(model.rowCount()))
            ),
            what="KASE quotes",
        )
        # Names, and prices that moved both ways (green and red changes), then still.
        await wait_until(
            lambda: (
                model.index(0, Column.NAME).data()
                and {model.index(r, Column.CHANGE).data(TrendRole) for r in range(model.rowCount())}
                >= {1, -1}
            ),
            what="names, rises and falls",
        )
        home.quotes.stop()
        model._stop_flashes()
        table = panel.table
        table.selectRow(1)  # a selected row takes the style's path in both pictures
        pictures = []
        for stale in (False, True):
            with monkeypatch.context() as patch:
                patch.setattr(type(home.quotes), "stale", property(lambda _self, s=stale: s))
                fast = table.viewport().grab().toImage()
                styled = grab_styled(table, patch)
            assert differing_pixels(fast, styled) == 0, f"stale={stale}"
            pictures.append(fast)
        assert differing_pixels(*pictures) > 1000, "stale quotes are greyed"
        # A bigger font: the texts are measured again (names now elided), not taken from
        # what fitted before. (A whole point size: at a fractional one the style rounds the
        # text's vertical place differently, by a pixel.)
        font = QFont(table.font())
        font.setPointSize(round(font.pointSizeF() * 1.8))
        table.setFont(font)
        fast = table.viewport().grab().toImage()
        with monkeypatch.context() as patch:
            styled = grab_styled(table, patch)
        assert differing_pixels(fast, styled) == 0, "after a font change"
        assert fast.size() != pictures[0].size() or differing_pixels(fast, pictures[0]) > 1000

    run(scenario())


def grab_styled(table: Any, patch: pytest.MonkeyPatch) -> QImage:
    """The viewport as the style paints it: every cell is enabled, so every cell takes the
    style's path (and no state remembered from the fast path's pictures applies)."""
    patch.setattr(delegates, "_STYLED_STATES", QStyle.StateFlag.State_Enabled)
    patch.setattr(delegates, "_states", {})
    return table.viewport().grab().toImage()
