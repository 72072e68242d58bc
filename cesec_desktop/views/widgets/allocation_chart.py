"""A donut of how a portfolio is split (by instrument or by currency), with its legend.

Plain QPainter: no chart library is loaded for one ring. Shares are computed from Decimals
and only turned into angles (integers of 1/16 degree) at the last step.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cesec_desktop.state.formatting import format_percent

COLORS = (
    "#0b5cad",
    "#1a9a55",
    "#e08a1e",
    "#8e44ad",
    "#d64545",
    "#17a2b8",
    "#c2a100",
    "#5d6d7e",
)
MAX_SLICES = len(COLORS)
"""Slices beyond the largest few are summed into one "Other"."""
ZERO = Decimal(0)
HUNDRED = Decimal(100)


class AllocationChart(QWidget):
    """Draws `(label, value)` shares as a ring; negative and zero values are left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allocationChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 150)
        self.slices: list[tuple[str, Decimal, Decimal]] = []
        """(label, value, percent of the total), largest first."""
        self.other_label = "Other"
        self.empty_text = ""

    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    def set_data(self, items: list[tuple[str, Decimal]]) -> None:
        positive = sorted(((k, v) for k, v in items if v > 0), key=lambda kv: kv[1], reverse=True)
        if len(positive) > MAX_SLICES:
            rest = sum((v for _, v in positive[MAX_SLICES - 1 :]), ZERO)
            positive = [*positive[: MAX_SLICES - 1], (self.other_label, rest)]
        total = sum((v for _, v in positive), ZERO)
        self.slices = [
            (label, value, (value / total * HUNDRED) if total > 0 else ZERO)
            for label, value in positive
        ]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if not self.slices:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        side = min(self.height() - 16, self.width() // 2 - 16, 220)
        ring = max(14, side // 6)
        rect = QRectF(8 + ring / 2, (self.height() - side) / 2 + ring / 2, side - ring, side - ring)
        start = 90 * 16
        for index, (_label, _value, pct) in enumerate(self.slices):
            span = round(float(pct) * 360 * 16 / 100)  # an angle, not money
            if index == len(self.slices) - 1:
                span = start - (90 - 360) * 16  # the rest: rounding never leaves a gap
            pen = QPen(QColor(COLORS[index % len(COLORS)]), ring)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawArc(rect, start, -span)
            start -= span
        # The legend: colour, label, percent; as many lines as fit.
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 6
        left = int(8 + side + 24)
        top = max(8, (self.height() - line * len(self.slices)) // 2)
        width = self.width() - left - 8
        for index, (label, _value, pct) in enumerate(self.slices):
            y = top + index * line
            if y + line > self.height():
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(COLORS[index % len(COLORS)]))
            painter.drawRoundedRect(QRectF(left, y + (line - 10) / 2, 10, 10), 2, 2)
            percent = format_percent(pct, 1)
            percent_width = metrics.horizontalAdvance(percent)
            painter.setPen(muted)
            painter.drawText(
                QRectF(left + 16, y, width - 16, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                percent,
            )
            painter.setPen(text)
            name = metrics.elidedText(
                label, Qt.TextElideMode.ElideRight, width - 28 - percent_width
            )
            painter.drawText(
                QRectF(left + 16, y, width - 16, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
