"""Reading a window as a screen reader does: every focusable control's accessible name and
role from `QAccessible.queryAccessibleInterface`, checked for a name, for the UI language and
for two controls a user could not tell apart (issue 18, "Names and roles").

`AccessibilityWalk.read` has the signature of the translation walk's `Walk.read`, so the
same scripted tour of the windows (test_translation_walk.py) drives both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from test_translation_walk import foreign_words, plain

ROWS = 3
"""Rows of a data table whose cells are read (the first few)."""

LIST_ROW = "a11yListRow"
"""A dynamic property on a control repeated once per row of a list (a row's "…" button):
its name may repeat, since the row around it tells it apart."""


ALSO_NAMES = (
    # Key names beside the translation walk's (Alt+Left goes back to the clients' book).
    "Left",
    "Right",
    # The Tester window's technical words, as a tester meets them: protocols, file kinds,
    # HTTP methods.
    "HTTP",
    "HAR",
    "toml",
    "POST",
    "GET",
)
"""Names only the accessible texts use (descriptions carry a shortcut's or a tool's words)."""

PATH = re.compile(r"(?<!\w)/[\w/*.-]+")
"""A URL path pattern (/api/v1/orders/*/confirm): the server's words, not the UI's."""


def english_words(text: str, own: Iterable[str] = ()) -> list[str]:
    """The words of an accessible text that are English rather than names."""
    return foreign_words(PATH.sub(" ", plain(text)), [*own, *ALSO_NAMES])


@dataclass(frozen=True)
class Control:
    """One focusable control as assistive technology sees it."""

    widget: QWidget
    name: str
    description: str
    role: QAccessible.Role

    @property
    def label(self) -> str:
        widget = self.widget
        label = f"{type(widget).__name__}#{widget.objectName()}"
        if not widget.objectName() and widget.parentWidget() is not None:
            parent = widget.parentWidget()
            label += f" in {type(parent).__name__}#{parent.objectName()}"
        return label


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _inside_list(widget: QWidget, window: QWidget) -> bool:
    """A widget drawn in an item view's cells (an index widget), or marked as a row's own."""
    node: QWidget | None = widget
    while node is not None and node is not window:
        if node.property(LIST_ROW):
            return True
        parent = node.parentWidget()
        view = parent.parentWidget() if parent is not None else None
        if isinstance(view, QAbstractItemView) and parent is view.viewport():
            return True
        node = parent
    return False


def _owned_by_box(widget: QWidget) -> bool:
    """The line edit inside an editable combo or a spin box: the box is the control a
    reader names, and its interface speaks for the edit."""
    parent = widget.parentWidget()
    if isinstance(parent, QComboBox):
        return parent.lineEdit() is widget
    return isinstance(parent, QAbstractSpinBox)


def focusable(window: QWidget) -> list[QWidget]:
    """The controls of `window` a user can Tab to (shown; enabled or not)."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or not _shown(widget):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if _owned_by_box(widget) or widget.focusProxy() is not None:
            continue  # focus goes to the proxy (a view's viewport to the view): one control
        found.append(widget)
    return found


def control(widget: QWidget) -> Control:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid(), f"no accessible interface: {widget}"
    name = interface.text(QAccessible.Text.Name)
    if isinstance(widget, QComboBox):
        # On Linux Qt gives a combo box's current item as its name (its label comes by a
        # relation there); Windows and macOS readers get the accessible name or the buddy's
        # text, so that is what the walk checks.
        name = widget.accessibleName() or _buddy_text(widget)
    return Control(
        widget,
        name.strip(),
        interface.text(QAccessible.Text.Description).strip(),
        interface.role(),
    )


def field_button_texts(edit: QLineEdit) -> list[str]:
    """The names of the buttons a line edit shows for its actions (the password eye): the
    ones that do something (checkable, or with a tip); a decorative icon is no control.
    Qt's own clear button (`_q_` actions) is Qt's to name."""
    return [
        action.text()
        for action in edit.actions()
        if action.isVisible()
        and not action.objectName().startswith("_q_")
        and (action.isCheckable() or action.toolTip())
    ]


def _buddy_text(widget: QWidget) -> str:
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return plain(label.text()).rstrip(":")
    return ""


def cell_texts(view: QAbstractItemView) -> list[tuple[str, str, str]]:
    """(column title, cell's accessible text, cell's shown text) of a table's first rows."""
    model: QAbstractItemModel | None = view.model()
    header = getattr(view, "horizontalHeader", lambda: None)()
    if model is None or header is None:
        return []
    found = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        # A table without a visible header (Home's recent list) has no column to say.
        shown = not header.isHidden()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if shown else ""
        for row in range(min(ROWS, model.rowCount())):
            index = model.index(row, column)
            spoken = str(index.data(Qt.ItemDataRole.AccessibleTextRole) or "")
            found.append((title, spoken, str(index.data() or "")))
    return found


@dataclass
class AccessibilityWalk:
    """What the walk found, window by window: unnamed, untranslated and ambiguous controls."""

    language: str
    problems: dict[str, list[str]] = field(default_factory=dict)
    windows: list[str] = field(default_factory=list)
    controls: int = 0

    def _add(self, window: str, problem: str) -> None:
        self.problems.setdefault(window, []).append(problem)

    def read(self, name: str, window: QWidget | Iterable[str], own: Iterable[str] = ()) -> None:
        """Check every focusable control of `window` (a menu's texts are not controls)."""
        if not isinstance(window, QWidget):
            return
        self.windows.append(name)
        own = [i for i in own if i]
        seen: dict[tuple[str, int], str] = {}
        for widget in focusable(window):
            item = control(widget)
            self.controls += 1
            if not item.name:
                self._add(name, f"{item.label}: no accessible name")
                continue
            if self.language != "en":
                words = english_words(item.name, own) + english_words(item.description, own)
                if words:
                    self._add(name, f"{item.label}: {item.name!r} / {item.description!r} {words}")
            if _inside_list(widget, window):
                continue
            key = (item.name, int(item.role.value))
            if key in seen:
                self._add(name, f"{item.label} and {seen[key]}: both {item.name!r} ({item.role})")
            else:
                seen[key] = item.label
        for edit in window.findChildren(QLineEdit):
            if edit.window() is window and _shown(edit):
                for text in field_button_texts(edit):
                    if not text:
                        self._add(name, f"{edit.objectName()}: a button in the field has no name")
                    elif self.language != "en" and english_words(text, own):
                        self._add(name, f"{edit.objectName()}: its button says {text!r}")
        for view in window.findChildren(QAbstractItemView):
            if view.window() is not window or not _shown(view):
                continue
            for title, spoken, shown in cell_texts(view):
                if shown and not spoken:
                    self._add(
                        name, f"{view.objectName() or view}: cell {shown!r} has no spoken text"
                    )
                elif title and spoken and title not in spoken:
                    self._add(name, f"{view.objectName()}: {spoken!r} lacks the column {title!r}")

    def report(self) -> str:
        lines = [f"Accessibility walk in {self.language}:"]
        for window, problems in self.problems.items():
            lines.append(f"  {window}:")
            lines += [f"    {p}" for p in dict.fromkeys(problems)]
        return "\n".join(lines)
