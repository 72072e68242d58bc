"""Light, dark and high-contrast themes: a Fusion palette plus a stylesheet from
resources/styles/<scheme>.qss."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

log = logging.getLogger(__name__)

MODES: tuple[str, ...] = ("system", "light", "dark", "high_contrast")
DARK_SCHEMES = frozenset({"dark", "high_contrast"})
"""Schemes on a dark ground: painting code takes its dark shades for them."""

# Every text/background pair here and in the stylesheets meets WCAG AA (4.5:1; 7:1 in the
# high-contrast theme), checked by tests/state/test_theme_contrast.py. "disabled" too:
# stale quotes are painted in it and must stay readable.
PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f3f5f8",
        "base": "#ffffff",
        "alternate": "#f7f9fb",
        "text": "#1c2330",
        "muted": "#667085",
        "button": "#ffffff",
        "highlight": "#0b5cad",
        "highlighted_text": "#ffffff",
        "link": "#0b5cad",
        "tooltip": "#1c2330",
        "tooltip_text": "#ffffff",
        "disabled": "#687386",
        "border": "#d8dee7",
    },
    "dark": {
        "window": "#13171d",
        "base": "#1b2028",
        "alternate": "#20262f",
        "text": "#e5e8ee",
        "muted": "#98a2b3",
        "button": "#232a34",
        "highlight": "#1a6ed8",
        "highlighted_text": "#ffffff",
        "link": "#6aaaf5",
        "tooltip": "#e5e8ee",
        "tooltip_text": "#13171d",
        "disabled": "#848e9e",
        "border": "#2e3642",
    },
    # Black, white and yellow, as Windows' "High contrast black": text 7:1 and more.
    "high_contrast": {
        "window": "#000000",
        "base": "#000000",
        "alternate": "#0c0c0c",
        "text": "#ffffff",
        "muted": "#d6d6d6",
        "button": "#000000",
        "highlight": "#ffff00",
        "highlighted_text": "#000000",
        "link": "#ffff00",
        "tooltip": "#ffffff",
        "tooltip_text": "#000000",
        "disabled": "#a6a6a6",
        "border": "#ffffff",
    },
}


def system_scheme() -> str:
    """What the OS asks for: "dark" or "light" (unknown counts as light)."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def scheme_is_dark(scheme: str) -> bool:
    return scheme in DARK_SCHEMES


def build_palette(scheme: str) -> QPalette:
    colors = {k: QColor(v) for k, v in PALETTES[scheme].items()}
    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    for part, value in (
        (role.Window, colors["window"]),
        (role.WindowText, colors["text"]),
        (role.Base, colors["base"]),
        (role.AlternateBase, colors["alternate"]),
        (role.Text, colors["text"]),
        (role.Button, colors["button"]),
        (role.ButtonText, colors["text"]),
        (role.BrightText, QColor("#ffffff")),
        (role.Highlight, colors["highlight"]),
        (role.HighlightedText, colors["highlighted_text"]),
        (role.Link, colors["link"]),
        (role.LinkVisited, colors["link"]),
        (role.ToolTipBase, colors["tooltip"]),
        (role.ToolTipText, colors["tooltip_text"]),
        (role.PlaceholderText, colors["muted"]),
        (role.Mid, colors["border"]),
        (role.Midlight, colors["border"]),
        (role.Light, colors["base"]),
        (role.Dark, colors["border"]),
        (role.Shadow, QColor("#000000")),
    ):
        palette.setColor(part, value)
    for part in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(group.Disabled, part, colors["disabled"])
    return palette


class ThemeManager(QObject):
    """Applies a theme mode (system, light, dark or high contrast) and follows the OS while on
    "system"."""

    themeChanged = Signal(str)
    """The scheme now on screen: "light", "dark" or "high_contrast"."""

    def __init__(self, styles_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.styles_dir = styles_dir
        self._mode = "system"
        self._scheme = ""
        self._sheets: dict[str, str] = {}
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def scheme(self) -> str:
        return self._scheme

    def stylesheet(self, scheme: str) -> str:
        if scheme not in self._sheets:
            path = self.styles_dir / f"{scheme}.qss"
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                log.warning("stylesheet %s is missing", path)
                text = ""
            # QSS resolves url() against the working directory; name the icons absolutely.
            icons = (self.styles_dir.parent / "icons").as_posix()
            self._sheets[scheme] = text.replace("url(@icons/", f"url({icons}/")
        return self._sheets[scheme]

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown theme: {mode!r}")
        self._mode = mode
        self._apply(system_scheme() if mode == "system" else mode)

    def _on_system_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self._mode == "system":
            self._apply(system_scheme())

    def _apply(self, scheme: str) -> None:
        if scheme == self._scheme:
            return
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.setPalette(build_palette(scheme))
        if hasattr(app, "setStyleSheet"):
            from cesec_desktop.state.zoom import zoomed

            # Its px and pt sizes at the UI's zoom (state/zoom.py scales it again on a change).
            app.setStyleSheet(zoomed(self.stylesheet(scheme)))
        self._scheme = scheme
        log.info("theme: %s (%s)", scheme, self._mode)
        self.themeChanged.emit(scheme)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether a palette (default: the application's) is a dark one: the one test for it."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128
