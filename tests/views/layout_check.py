"""Which texts of a window do not fit their widget: the automated half of the zoom review.

`clipped_texts(window)` walks every visible label, button, combo box and line edit
placeholder of a shown window and reports each whose text needs more room than the widget
has: wider than it (one line), or taller (word-wrapped labels, and any text taller than its
widget); also an input field squeezed below its own height (its text cut at the bottom),
a control or label partly outside a parent too small for it, neighbours in a row drawn
over each other, and a table's plain text cell, on screen, cut by its column. What Qt
cuts silently (a label's overflow, a button's, an elided placeholder, combo text or cell)
is exactly what a user at 200 % text cannot read. A widget that elides on purpose sets
the property "elides" and keeps the whole text in its tooltip.

Used by tests/views/test_zoom_layout.py and by `scripts/screenshots.py --zoom`; plain Qt,
no pytest, so that a script can import it (`sys.path` + tests/views).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QWidget,
)

TOLERANCE = 1
"""Pixels a text may overrun by: rounding between the size hint and the layout's share."""
FIELD_TOLERANCE = 4
"""Pixels a field may be lower than its minimum: a focused field's thicker border adds two
to its minimum, taken from the padding, not from the text."""
UNSEEN = frozenset({"liveRegion"})
"""Widgets never meant to be read on screen: a window's one-pixel, see-through announcer
for screen readers (views/widgets/live_region.py)."""


@dataclass(frozen=True)
class Clipped:
    """One text that does not fit."""

    path: str
    """The widget, as object names (or class names) from the window down."""
    kind: str
    """What it is: "label", "wrapped label", "button", "combo", "placeholder", "field",
    "cell", "cut by its parent" or "overlapping"."""
    text: str
    needed: int
    available: int
    axis: str
    """"width" or "height"."""

    def __str__(self) -> str:
        return (
            f"{self.path}: {self.kind} {self.text!r} needs {self.needed} px of {self.axis}, "
            f"has {self.available}"
        )


def widget_path(widget: QWidget, root: QWidget | None = None) -> str:
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        parts.append(current.objectName() or type(current).__name__)
        if current is root or current.isWindow():
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _plain(text: str) -> str:
    """A label's or button's text as shown: rich text as its words, no mnemonic marks."""
    if QtGuiNamespace.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label(label: QLabel) -> Clipped | None:
    if not label.text().strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    hint = label.sizeHint()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return _clip(label, "wrapped label", needed, label.height(), "height")
        return None
    if hint.width() > label.width() + TOLERANCE:
        return _clip(label, "label", hint.width(), label.width(), "width")
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText
        and QtGuiNamespace.mightBeRichText(label.text())
    ):
        text_height = hint.height()  # a rich text's lines are its document's
        if text_height > label.height() + TOLERANCE:
            return _clip(label, "label", text_height, label.height(), "height")
        return None
    # Only the text's own height counts: a label's margins may be taken from its padding.
    text_height = label.fontMetrics().height() * (label.text().count("\n") + 1)
    if text_height > label.contentsRect().height() + TOLERANCE:
        return _clip(label, "label", text_height, label.contentsRect().height(), "height")
    return None


def _button(button: QAbstractButton) -> Clipped | None:
    text = _plain(button.text())
    if not text.strip():
        return None
    if isinstance(button, QToolButton) and (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        or (
            button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonFollowStyle
            and not button.icon().isNull()
        )
    ):
        return None  # the text is its tooltip and accessible name, never drawn
    hint = button.sizeHint()
    if hint.width() > button.width() + TOLERANCE:
        return _clip(button, "button", hint.width(), button.width(), "width")
    # Its padding counts: a two-line button squeezed to its minimum cuts both lines.
    if hint.height() > button.height() + TOLERANCE:
        return _clip(button, "button", hint.height(), button.height(), "height")
    return None


def _combo(combo: QComboBox) -> Clipped | None:
    text = combo.currentText()
    if not text.strip() or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field: QRect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    available = field.width()
    if not combo.itemIcon(combo.currentIndex()).isNull():
        available -= combo.iconSize().width() + 4
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > available + TOLERANCE:
        return _clip(combo, "combo", needed, available, "width", text)
    return None


def _placeholder(edit: QLineEdit) -> Clipped | None:
    text = edit.placeholderText()
    if edit.text() or not text.strip():
        return None
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    available = contents.width() - margins.left() - margins.right() - 2 * 2  # Qt's own 2 px
    # The icons inside the field (the search glass, the clear button) take their share.
    for side in edit.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if side.isVisibleTo(edit):
            available -= side.width() + max(0, side.width() - 6) // 4
    needed = edit.fontMetrics().horizontalAdvance(text)
    if needed > available + TOLERANCE:
        return _clip(edit, "placeholder", needed, available, "width", text)
    return None


def _squeezed(field: QWidget) -> Clipped | None:
    """An input field lower than its own minimum: a layout short of room cut its text."""
    parent = field.parentWidget()
    if field.objectName().startswith("qt_") or isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return None  # the inner line edit of a combo box or a spin box: its owner counts
    needed = field.minimumSizeHint().height()
    if needed > field.height() + FIELD_TOLERANCE:
        if isinstance(field, QLineEdit):
            text = field.text() or field.placeholderText()
        elif isinstance(field, QComboBox):
            text = field.currentText()
        else:
            text = field.text() if isinstance(field, QAbstractSpinBox) else ""
        return _clip(field, "field", needed, field.height(), "height", text)
    return None


def _cut_by_parents(widget: QWidget) -> Clipped | None:
    """A widget its parents cut: part of it lies outside a parent that is too small for
    its layout (a dialog lower than its form, say). Contents scrolled out of a scroll
    area's viewport are not cut: they are one scroll away."""
    shown = widget.rect()
    current = widget
    while not current.isWindow():
        parent = current.parentWidget()
        if parent is None:
            break
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[attr-defined]
        ):
            return None
        shown = shown.translated(current.pos()).intersected(parent.rect())
        current = parent
        if shown.isEmpty():
            break
    lost_height = widget.height() - shown.height()
    lost_width = widget.width() - shown.width()
    if max(lost_height, lost_width) <= FIELD_TOLERANCE:
        return None
    axis, needed, available = (
        ("height", widget.height(), shown.height())
        if lost_height > FIELD_TOLERANCE
        else ("width", widget.width(), shown.width())
    )
    if isinstance(widget, QLineEdit):
        text = widget.text() or widget.placeholderText()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    else:
        text = _plain(getattr(widget, "text", lambda: "")())
    return _clip(widget, "cut by its parent", needed, available, axis, text)


def _overlaps(parent: QWidget) -> list[Clipped]:
    """Neighbours in a row or column layout drawn over each other: the layout had less
    room than its minimum (a top bar with more than its window's width to show)."""
    layout = parent.layout()
    if not isinstance(layout, QBoxLayout):
        return []
    items = (layout.itemAt(n).widget() for n in range(layout.count()))
    shown = [w for w in items if w is not None and _shown(w)]
    found: list[Clipped] = []
    for first, second in pairwise(shown):
        overlap = first.geometry().intersected(second.geometry())
        if overlap.width() > FIELD_TOLERANCE and overlap.height() > FIELD_TOLERANCE:
            path = f"{widget_path(first)} + {second.objectName() or type(second).__name__}"
            found.append(Clipped(path, "overlapping", "", overlap.width(), 0, "width"))
    return found


MAX_ROWS = 40
"""Table rows measured per column: those on screen, up to this many."""


def _cells(view: QTableView) -> list[Clipped]:
    """The plain text cells on screen that their column cuts although the table has the
    room to show them: a column sized for less than it shows. A table without room cuts
    on purpose (a name column that takes what is left, its whole text in a tooltip).
    Columns a delegate paints itself (`painters`: pills, instruments, menus) are skipped."""
    model = view.model()
    first = view.rowAt(0)
    if model is None or first < 0:
        return []
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    columns = range(model.columnCount())
    spare = view.viewport().width() - sum(
        view.columnWidth(n) for n in columns if not view.isColumnHidden(n)
    )
    found: list[Clipped] = []
    for column in columns:
        if view.isColumnHidden(column) or view.columnWidth(column) <= 0:
            continue
        delegate = view.itemDelegateForColumn(column) or view.itemDelegate()
        if column in (getattr(delegate, "painters", None) or {}):
            continue
        for row in range(first, min(last, first + MAX_ROWS - 1) + 1):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.font = view.font()
            option.fontMetrics = view.fontMetrics()
            option.rect = view.visualRect(index)
            option.widget = view
            needed = delegate.sizeHint(option, index).width()
            available = view.columnWidth(column)
            if needed > available + TOLERANCE and needed - available <= spare:
                path = f"{widget_path(view)}[{row},{column}]"
                found.append(Clipped(path, "cell", text, needed, available, "width"))
                break  # one cut cell tells of its column
    return found


def _clip(
    widget: QWidget, kind: str, needed: int, available: int, axis: str, text: str | None = None
) -> Clipped:
    shown = text if text is not None else _plain(getattr(widget, "text")())  # noqa: B009
    return Clipped(widget_path(widget), kind, shown, needed, available, axis)


def _elided_on_purpose(widget: QWidget, clip: Clipped) -> bool:
    """A widget that cuts its text on purpose says so (property "elides"); that passes
    while its tooltip still holds the text, so the rest is one hover away (and readers get
    a combo box's whole text as its value)."""
    words = clip.text.split()
    return bool(widget.property("elides")) and bool(words) and words[0] in widget.toolTip()


def clipped_texts(window: QWidget) -> list[Clipped]:
    """Every visible text of `window` (and of its visible children) that does not fit."""
    found: list[Clipped] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget) or widget.objectName() in UNSEEN:
            continue
        found.extend(_overlaps(widget))
        result: Clipped | None = None
        if isinstance(widget, (QLabel, QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox)):
            result = _cut_by_parents(widget)
        if result is not None:
            found.append(result)
            continue
        if isinstance(widget, QLabel):
            result = _label(widget)
        elif isinstance(widget, QAbstractButton):
            result = _button(widget)
        elif isinstance(widget, QComboBox):
            result = _combo(widget) or _squeezed(widget)
        elif isinstance(widget, QLineEdit):
            result = _placeholder(widget) or _squeezed(widget)
        elif isinstance(widget, QAbstractSpinBox):
            result = _squeezed(widget)
        elif isinstance(widget, QTableView):
            found.extend(_cells(widget))
        if result is not None and not _elided_on_purpose(widget, result):
            found.append(result)
    return found


def report(window: QWidget, name: str = "") -> str:
    """The clipped texts of `window` one per line ("" when everything fits)."""
    title = name or window.objectName() or type(window).__name__
    return "\n".join(f"{title}: {clip}" for clip in clipped_texts(window))
