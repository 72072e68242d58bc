"""A QR code drawn from its module matrix: the authenticator set-up's `otpauth://` URI.

segno makes the symbol (a QR library, not hand-written encoding); this widget only paints
the matrix, in whole pixels per module so that a phone's camera reads sharp edges, dark on
white with the standard quiet zone in every theme: a scanner needs the contrast the right
way round, which a dark or high-contrast palette would otherwise invert.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from cesec_desktop.state import zoom

QUIET_ZONE = 4
"""Modules of light margin on each side, as ISO/IEC 18004 asks for a QR code."""
DARK = QColor("#000000")
LIGHT = QColor("#ffffff")
MIN_MODULE_PX = 3
"""The least pixels per module a phone still reads from a screen."""
PREFERRED_SIDE = 232
"""The side at 100 % text size: readable at arm's length, small beside the secret's text."""

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(text: str) -> Matrix:
    """The symbol's dark modules (True), row by row, without the quiet zone."""
    import segno

    code = segno.make(text, error="m")
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


class QrCode(QWidget):
    """Paints the QR code of `text()`, as large as it fits, centred, dark on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._text = ""
        self.matrix: Matrix = ()
        # A picture: read by its accessible name, not a stop for Tab.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._retranslate()

    # --- data ------------------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Encode `text` (an empty one clears the picture)."""
        self._text = text
        self.matrix = qr_matrix(text) if text else ()
        self.updateGeometry()
        self.update()

    @property
    def modules(self) -> int:
        """The symbol's side in modules, without the quiet zone (0 when empty)."""
        return len(self.matrix)

    # --- geometry --------------------------------------------------------------------------

    def module_size(self) -> int:
        """Whole pixels per module at the widget's present size (never below 1)."""
        side = self.modules + 2 * QUIET_ZONE
        if not self.modules:
            return 0
        return max(1, min(self.width(), self.height()) // side)

    def symbol_rect(self) -> QRect:
        """Where the white square (symbol and quiet zone) is painted, centred."""
        module = self.module_size()
        side = (self.modules + 2 * QUIET_ZONE) * module
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def sizeHint(self) -> QSize:
        side = zoom.px(PREFERRED_SIDE)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = (max(self.modules, 21) + 2 * QUIET_ZONE) * MIN_MODULE_PX
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.matrix:
            return
        module = self.module_size()
        area = self.symbol_rect()
        painter = QPainter(self)
        # Crisp module edges: no antialiasing, whole pixels only.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(area, LIGHT)
        left = area.left() + QUIET_ZONE * module
        top = area.top() + QUIET_ZONE * module
        for y, row in enumerate(self.matrix):
            x = 0
            count = len(row)
            while x < count:
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < count and row[x]:
                    x += 1
                # One rectangle per run of dark modules: fewer calls, no seams between them.
                painter.fillRect(
                    left + start * module, top + y * module, (x - start) * module, module, DARK
                )
        painter.end()

    # --- texts -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("QR code for the authenticator app"))
        self.setAccessibleDescription(
            self.tr(
                "Scan it with the authenticator app on your phone, or type the secret key "
                "shown beside it."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
