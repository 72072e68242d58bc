"""What every Tester tab shares: its status line, running an action, labelled fields."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from cesec_desktop.views.style import restyle

if TYPE_CHECKING:
    from cesec_desktop.state.tester import Topic, Workbench

log = logging.getLogger(__name__)

T = TypeVar("T")


class StatusLine(QLabel):
    """A tab's last word: what is being done, then the server's answer or the error.

    It stays until the next action (a tester reads it after looking elsewhere); its look is
    the theme's `QLabel[role="notice"][tone=…]`, and a screen reader hears each change.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "notice")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tone = ""
        self.answers = 0
        """How many answers (done or failed) it has shown: tests wait for the next one."""
        self.hide()

    def say(self, text: str, tone: str = "info") -> None:
        self.tone = tone
        if tone in ("positive", "negative"):
            self.answers += 1
        restyle(self, tone=tone)
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def busy(self, text: str) -> None:
        self.say(text, "muted")

    def done(self, text: str) -> None:
        self.say(text, "positive")

    def failed(self, text: str) -> None:
        self.say(text, "negative")

    def clear_text(self) -> None:
        self.say("", "info")


@dataclass
class Outcome(Generic[T]):
    """How an action ended: its answer, or the typed error (already shown, unless routed)."""

    value: T | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


async def perform(
    status: StatusLine,
    controls: Sequence[QWidget],
    progress: str,
    action: Awaitable[T],
    *,
    show_error: bool = True,
    expected: tuple[type[Exception], ...] = (),
) -> Outcome[T]:
    """Run `action` with `controls` disabled and `progress` shown; an error is put in words
    (`views.messages.describe`) unless `show_error` is off (the caller shows it at a field).

    The api's typed errors are expected, and any `expected` besides; anything else is a bug
    and goes to the exception hook like any other.
    """
    from cesec_desktop.state.errors import CabinetError
    from cesec_desktop.views.messages import describe

    for control in controls:
        control.setEnabled(False)
    status.busy(progress)
    try:
        value = await action
    except (CabinetError, *expected) as error:
        if isValid(status):
            if show_error:
                status.failed(describe(error))
            else:
                status.clear_text()
        return Outcome(error=error)
    finally:
        for control in controls:
            if isValid(control):
                control.setEnabled(True)
    return Outcome(value=value)


def server_words(error: Exception) -> str:
    """What to show at a field: the server's own message for input it refused (it names a
    scenario's line, a price's rule), else the usual words for the failure."""
    from cesec_desktop.state.errors import CabinetError
    from cesec_desktop.views.messages import describe

    if isinstance(error, CabinetError) and error.status in (404, 409, 422) and error.message:
        return error.message
    return describe(error)


def section(parent: QWidget, name: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A titled panel: the theme's `QFrame[role="panel"]` with a card title."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("role", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(8)
    title = QLabel(frame)
    title.setProperty("role", "cardTitle")
    layout.addWidget(title)
    return frame, layout, title


def field_label(parent: QWidget, field: QWidget) -> QLabel:
    """A label that names `field` (its buddy: Alt+letter and screen readers)."""
    label = QLabel(parent)
    label.setBuddy(field)
    return label


def name_field(label: QLabel, field: QWidget, text: str) -> None:
    """Say what `field` is, on screen and to a screen reader."""
    label.setText(text)
    field.setAccessibleName(text.rstrip(":"))


def grid(parent: QWidget | None = None) -> QGridLayout:
    layout = QGridLayout() if parent is None else QGridLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setHorizontalSpacing(10)
    layout.setVerticalSpacing(8)
    return layout


class TesterTab(QWidget):
    """A tab of the Tester panel: the topic it reads while on screen, its status line, and
    its texts in the UI language (`retranslate`, called on every language change)."""

    topic: Topic | None = None

    def __init__(self, workbench: Workbench, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.setObjectName(name)
        self.status = StatusLine(f"{name}Status", self)
        self._read_error = False
        workbench.readFailed.connect(self._read_failed)

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def read_succeeded(self) -> None:
        """A read of this tab's topic came back: a failure it showed is over."""
        if self._read_error:
            self._read_error = False
            self.status.clear_text()

    def _read_failed(self, topic: str, error: object) -> None:
        if self.topic is not None and topic == self.topic:
            from cesec_desktop.views.messages import describe

            self._read_error = True
            self.status.failed(
                self.tr("Could not read the mock: %1").replace("%1", describe(error))  # type: ignore[arg-type]
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
