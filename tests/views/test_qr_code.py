"""The QR code widget: segno's matrix, painted whole-pixel, scaled, with its quiet zone,
dark on white in every theme."""

from __future__ import annotations

from typing import Any

import pytest
import segno
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from cesec_desktop.state.theme import ThemeManager, is_dark
from cesec_desktop.views.widgets.qr_code import QUIET_ZONE, QrCode

URI = (
    "otpauth://totp/Centras%20Securities:demo?secret=JBSWY3DPEHPK3PXPCENTRASTWOFADEMO"
    "&issuer=Centras%20Securities&digits=6&period=30"
)


def painted(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def dark(image: QImage, x: int, y: int) -> bool:
    return QColor(image.pixel(x, y)).lightness() < 128


def read_modules(widget: QrCode) -> list[list[bool]]:
    """The matrix as a camera would see it: the centre pixel of every module's square."""
    image = painted(widget)
    module = widget.module_size()
    area = widget.symbol_rect()
    left = area.left() + QUIET_ZONE * module
    top = area.top() + QUIET_ZONE * module
    half = module // 2
    return [
        [
            dark(image, left + x * module + half, top + y * module + half)
            for x in range(widget.modules)
        ]
        for y in range(widget.modules)
    ]


def expected(uri: str) -> list[list[bool]]:
    return [[bool(cell) for cell in row] for row in segno.make(uri, error="m").matrix]


def make(qtbot: Any, side: int) -> QrCode:
    widget = QrCode()
    qtbot.addWidget(widget)
    widget.set_text(URI)
    widget.resize(side, side)
    return widget


def test_the_widget_holds_segnos_matrix_for_the_exact_text(qtbot: Any) -> None:
    widget = make(qtbot, 240)
    assert widget.text() == URI
    assert [list(row) for row in widget.matrix] == expected(URI)
    assert widget.modules == segno.make(URI, error="m").symbol_size(border=0)[0]
    # What the widget paints reads back as that matrix, module for module.
    assert read_modules(widget) == expected(URI)
    widget.set_text("")
    assert widget.modules == 0 and widget.module_size() == 0


def test_it_scales_in_whole_pixels_per_module_and_stays_centred(qtbot: Any) -> None:
    widget = make(qtbot, 180)
    side = widget.modules + 2 * QUIET_ZONE
    small = widget.module_size()
    assert small == 180 // side and small >= 3
    widget.resize(400, 300)
    large = widget.module_size()
    assert large == 300 // side > small
    area = widget.symbol_rect()
    assert area.width() == area.height() == side * large
    # Centred in the room it has: equal margins left and right, top and bottom (±1 px).
    assert abs(area.left() - (400 - area.right() - 1)) <= 1
    assert abs(area.top() - (300 - area.bottom() - 1)) <= 1
    assert read_modules(widget) == expected(URI)
    # Its preferred shape is a square, and it never asks for less than 3 px a module.
    assert widget.hasHeightForWidth() and widget.heightForWidth(250) == 250
    assert widget.minimumSizeHint().width() >= 3 * side


def test_the_quiet_zone_is_white_all_round(qtbot: Any) -> None:
    widget = make(qtbot, 300)
    image = painted(widget)
    module = widget.module_size()
    area = widget.symbol_rect()
    zone = QUIET_ZONE * module
    ring = [
        (x, y)
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
        if x < area.left() + zone
        or x > area.right() - zone
        or y < area.top() + zone
        or y > area.bottom() - zone
    ]
    assert ring and all(QColor(image.pixel(x, y)) == QColor("#ffffff") for x, y in ring)
    # Just inside it, the finder pattern's dark corner.
    assert dark(image, area.left() + zone, area.top() + zone)


@pytest.mark.parametrize("mode", ["dark", "high_contrast"])
def test_dark_on_white_in_a_dark_theme(qtbot: Any, themes: ThemeManager, mode: str) -> None:
    themes.set_mode(mode)
    assert is_dark() or mode == "high_contrast"
    widget = make(qtbot, 240)
    image = painted(widget)
    area = widget.symbol_rect()
    assert QColor(image.pixel(area.left() + 1, area.top() + 1)) == QColor("#ffffff")
    assert read_modules(widget) == expected(URI)


def test_it_says_what_it_is_and_takes_no_tab_stop(qtbot: Any) -> None:
    widget = make(qtbot, 200)
    assert "QR code" in widget.accessibleName()
    assert "authenticator" in widget.accessibleDescription()
    assert widget.focusPolicy().name == "NoFocus"
