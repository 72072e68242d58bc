"""Pictures of every Tester tab, offscreen, in English, Russian and Kazakh, light and dark,
for a person to look at (truncated words, alignment, empty states): set TESTER_SHOTS to a
folder (/tmp/shots, say) to keep them; otherwise they go to the test's own temporary folder.

Russian and Kazakh come from the area's translation table (/tmp/tr/tester-panel.tsv, or
$TESTER_TR) until the catalogues have them: a translator reading it stands in for the .qm."""

from __future__ import annotations

import asyncio
import csv
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import Backend, Gui
from PySide6.QtCore import QCoreApplication, QTranslator
from tester_support import click_row, click_tab, open_panel, place_order, withdraw

from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.tester import Fault, ForMinutes
from cesec_desktop.state.theme import ThemeManager

TABLE = Path(os.environ.get("TESTER_TR", "/tmp/tr/tester-panel.tsv"))


class TableTranslator(QTranslator):
    """Russian from the area's table (context, source, kk, ru), for texts not yet in a .qm."""

    def __init__(self, rows: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.rows = rows

    def translate(self, context: str, source: str, disambiguation: Any = None, n: int = -1) -> Any:
        return self.rows.get((context, source))

    def isEmpty(self) -> bool:
        return False


def table_rows(column: int) -> dict[tuple[str, str], str]:
    if not TABLE.exists():
        return {}
    with TABLE.open(encoding="utf-8") as stream:
        return {
            (row[0], row[1]): row[column]
            for row in csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
            if len(row) >= 4
        }


@pytest.fixture
def tr_table() -> Iterator[Callable[[str], None]]:
    installed: list[QTranslator] = []

    def install(language: str) -> None:
        column = {"kk": 2, "ru": 3}.get(language)
        if column is None:
            return
        translator = TableTranslator(table_rows(column))
        QCoreApplication.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    ("language", "theme"), [("en", "light"), ("ru", "light"), ("ru", "dark"), ("kk", "light")]
)
def test_every_tab_pictured(
    language: str,
    theme: str,
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: LanguageManager,
    themes: ThemeManager,
    tr_table: Callable[[str], None],
    tmp_path: Path,
) -> None:
    shots = Path(os.environ.get("TESTER_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    suffix = language if theme == "light" else f"{language}-{theme}"

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui)
        await place_order(gui.session, backend, "10")
        await withdraw(gui.session, backend)
        themes.set_mode(theme)
        languages.set_language(language)
        tr_table(language)
        languages.set_language("en" if language != "en" else "ru")
        languages.set_language(language)  # again, so every window hears the table's words
        panel.resize(1100, 700)
        for key, tab in panel.tabs.items():
            click_tab(gui, panel, key)
            if tab.topic is not None:
                await tab.workbench.read(tab.topic)  # what the tab shows, read now
            if key == "orders":
                click_row(gui, tab.orders_table, 0)
            await asyncio.sleep(0.05)
            panel.grab().save(str(shots / f"tester-{key}-{suffix}.png"))
        # The states a tester reads most: faults on, the clock moved.
        bench = panel.workbench
        await bench.fault_on(Fault.ERRORS, 20, path="POST /api/v1/orders/*/confirm")
        await bench.fault_on(Fault.LATENCY, 800, until=ForMinutes(30))
        await bench.fault_on(Fault.CRASH, 2)
        await bench.advance_clock(90)
        for key in ("faults", "market"):
            click_tab(gui, panel, key)
            await bench.read(panel.tabs[key].topic)  # type: ignore[arg-type]
            await asyncio.sleep(0.05)
            panel.grab().save(str(shots / f"tester-{key}-on-{suffix}.png"))
        await bench.clear_faults()
        assert all((shots / f"tester-{key}-{suffix}.png").exists() for key in panel.tabs)

    run(scenario(), timeout=60)
