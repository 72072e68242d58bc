"""Announcements for assistive technology: what appears without taking focus (an order
placed or filled, an error at a field, the connection lost or back) is said, not only shown.

Qt has no ARIA-style live region, so a window keeps a small label whose text is the newest
announcement and, on each, sends the accessibility events screen readers speak: the label's
name changed, and an alert. `announce(widget, text)` speaks through the live region of the
widget's window (made on first use), so a dialog in front speaks for itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

LIVE_REGION = "liveRegion"


class LiveRegion(QLabel):
    """A one-pixel, see-through label in a corner of its window that assistive technology
    reads the newest announcement from.

    Not hidden: a hidden widget is "invisible" to assistive technology, and some readers drop
    its events. It never takes focus and covers no control.

    Signals:
        announced(str): an announcement went out (after its accessibility events).
    """

    announced = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(LIVE_REGION)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("color: transparent; background: transparent; border: none;")
        self.setGeometry(0, 0, 1, 1)
        self.show()  # made after its window was shown, it would stay hidden otherwise
        self.history: list[str] = []
        """Every announcement made, oldest first (what a user with a reader heard)."""
        self._retranslate()

    def announce(self, text: str) -> None:
        """Say `text` now; the same words again are said again."""
        text = " ".join(text.split())
        if not text:
            return
        self.setText(text)
        self.raise_()
        self.history.append(text)
        # Readers speak a changed name of the label (NVDA, Orca) or an alert (VoiceOver,
        # JAWS); both go out, so each hears it once in its own way.
        for kind in (QAccessible.Event.NameChanged, QAccessible.Event.Alert):
            QAccessible.updateAccessibility(QAccessibleEvent(self, kind))
        self.announced.emit(text)

    def _retranslate(self) -> None:
        self.setAccessibleDescription(self.tr("Announcements"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def live_region(widget: QWidget) -> LiveRegion:
    """The live region of `widget`'s window, made there on first use."""
    window = widget.window()
    region = window.findChild(LiveRegion, LIVE_REGION, Qt.FindChildOption.FindDirectChildrenOnly)
    return region if region is not None else LiveRegion(window)


def announce(widget: QWidget, text: str) -> None:
    """Say `text` through the live region of `widget`'s window."""
    live_region(widget).announce(text)


class ErrorAnnouncer:
    """Says each field error once, when it appears or changes: a form re-renders its error
    labels on every keystroke, and a reader must not hear the same error at each one."""

    def __init__(self, owner: QWidget, labels: Iterable[QLabel]) -> None:
        self.owner = owner
        self.labels = list(labels)
        self._said: dict[int, str] = {}

    def check(self) -> None:
        """Call after the form rendered its errors."""
        for label in self.labels:
            text = label.text() if not label.isHidden() else ""
            if text and self._said.get(id(label)) != text:
                announce(self.owner, text)
            self._said[id(label)] = text
