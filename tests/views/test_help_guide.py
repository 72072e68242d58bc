"""The user guide: one file per language, the same sections in each, live language switch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until

from cesec_desktop.views.help.guide_window import SECTIONS, GuideWindow

SCREENS = {
    "en": ["Home", "Portfolio", "Orders", "Transactions", "Instructions"],
    "ru": ["Главная", "Портфель", "Заявки", "Сделки", "Поручения"],
    "kk": ["Басты", "Портфель", "Тапсырыстар", "Транзакциялар", "Тапсырмалар"],
}
SIGNING = {
    "en": ["Signing by SMS", "Signing by EDS", "Installing NCALayer"],
    "ru": ["Подпись по SMS", "Подпись ЭЦП", "Установка NCALayer"],
    "kk": ["SMS арқылы қол қою", "ЭСҚ арқылы қол қою", "NCALayer орнату"],
}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_guide_has_every_section_in_each_language(qtbot: Any, language: str) -> None:
    guide = GuideWindow(lambda: language)
    qtbot.addWidget(guide)
    guide.show()
    titles = guide.section_titles
    assert len(titles) == len(SECTIONS)
    assert titles[:5] == SCREENS[language]
    assert titles[8:11] == SIGNING[language]
    text = guide.browser.toPlainText()
    assert "pki.gov.kz" in text and "wss://127.0.0.1:13579" in text
    assert "09:00" in text and "18:00" in text
    # A section picked in the contents is scrolled to the top.
    guide.show_section("ncalayer")
    assert guide.contents.currentItem().text() == SIGNING[language][2]
    assert guide.browser.textCursor().block().text() == SIGNING[language][2]
    # The search finds text and wraps round.
    qtbot.keyClicks(guide.search, "13579")
    assert guide.find_next()
    assert guide.browser.textCursor().selectedText() == "13579"


def test_the_open_guide_follows_a_language_switch(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        guide = main.help_button.open_guide("portfolio")
        assert guide.language == "en"
        main.set_language("ru")
        await wait_until(lambda: guide.language == "ru", what="the Russian guide")
        assert guide.section_titles[:5] == SCREENS["ru"]
        assert guide.contents.currentRow() == SECTIONS.index("portfolio")
        main.set_language("kk")
        await wait_until(lambda: guide.language == "kk", what="the Kazakh guide")
        assert guide.section_titles[0] == "Басты"
        main.set_language("en")
        guide.close()

    run(scenario())
