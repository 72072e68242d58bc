"""Compact mode for a bar of controls: entered when the bar's full minimum width is more than
its width, left when it fits again.

The bar's own layout says what "fits" means (each control's minimum size): the full form is
measured first, and the compact one is kept only while the full one does not fit. The owner
says what compact means (`set_compact`) and calls `fit` when the texts change (language,
zoom, what is shown); a resize of the bar calls it here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget


class BarFit(QObject):
    """Keeps `bar` full or compact by its width.

    Signals:
        compactChanged(bool): the bar went compact (True) or full (False).
    """

    compactChanged = Signal(bool)

    def __init__(self, bar: QWidget, set_compact: Callable[[bool], None]) -> None:
        super().__init__(bar)
        self.bar = bar
        self._set_compact = set_compact
        self._compact = False
        self._fitting = False
        bar.installEventFilter(self)

    @property
    def compact(self) -> bool:
        return self._compact

    def full_width(self) -> int:
        """The bar's minimum width with every control in its full form (what it needs not
        to be compact). Leaves the bar full: `fit` sets it back."""
        self._set_compact(False)
        layout = self.bar.layout()
        layout.invalidate()
        return layout.minimumSize().width()

    def fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            # Measured and set in one go: nothing is painted in between.
            compact = self.full_width() > self.bar.width()
            self._set_compact(compact)
            self.bar.layout().invalidate()
        finally:
            self._fitting = False
        if compact != self._compact:
            self._compact = compact
            self.compactChanged.emit(compact)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return super().eventFilter(watched, event)
