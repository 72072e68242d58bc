"""The high-contrast theme beside light and dark: applied, and remembered (issue 18)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from cesec_desktop.settings import Settings
from cesec_desktop.state.theme import MODES, ThemeManager, is_dark

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"


def test_the_high_contrast_choice_is_remembered(tmp_path: Path) -> None:
    path = str(tmp_path / "settings.ini")
    settings = Settings(QSettings(path, QSettings.Format.IniFormat))
    settings.theme = "high_contrast"
    settings.sync()
    again = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert again.theme == "high_contrast"
    assert "high_contrast" in MODES


def test_high_contrast_applies_its_palette_and_sheet(qapp: QApplication) -> None:
    themes = ThemeManager(STYLES, qapp)
    seen: list[str] = []
    themes.themeChanged.connect(seen.append)
    try:
        themes.set_mode("high_contrast")
        palette = qapp.palette()
        assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
        assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
        assert is_dark(palette), "painting code takes its dark shades for it"
        sheet = qapp.styleSheet()
        assert "high-contrast theme" in sheet and "url(@icons/" not in sheet
        assert seen == ["high_contrast"]
    finally:
        themes.set_mode("light")
        themes.deleteLater()
