"""Which texts of a window do not fit their widget: the automated half of the zoom review.

`clipped_texts(window)` walks every visible label, button, combo box and line edit
placeholder of a shown window and reports each whose text needs more room than the widget
has: wider than it (one line), or taller (word-wrapped labels, and any text taller than its
widget). What Qt cuts silently (a label's overflow, a button's, an elided placeholder or
combo text) is exactly what a user at 200 % text cannot read. A widget that elides on
purpose sets the property "elides" and keeps the whole text in its tooltip.

Used by tests/views/test_zoom_layout.py and by `scripts/screenshots.py --zoom`; plain Qt,
no pytest, so that a script can import it (`sys.path` + tests/views).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)

TOLERANCE = 1
"""Pixels a text may overrun by: rounding between the size hint and the layout's share."""
UNSEEN = frozenset({"liveRegion"})
"""Widgets never meant to be read on screen: a window's one-pixel, see-through announcer
for screen readers (views/widgets/live_region.py)."""


@dataclass(frozen=True)
class Clipped:
    """One text that does not fit."""

    path: str
    """The widget, as object names (or class names) from the window down."""
    kind: str
    """"label", "wrapped label", "button", "combo" or "placeholder"."""
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
        result: Clipped | None = None
        if isinstance(widget, QLabel):
            result = _label(widget)
        elif isinstance(widget, QAbstractButton):
            result = _button(widget)
        elif isinstance(widget, QComboBox):
            result = _combo(widget)
        elif isinstance(widget, QLineEdit):
            result = _placeholder(widget)
        if result is not None and not _elided_on_purpose(widget, result):
            found.append(result)
    return found


def report(window: QWidget, name: str = "") -> str:
    """The clipped texts of `window` one per line ("" when everything fits)."""
    title = name or window.objectName() or type(window).__name__
    return "\n".join(f"{title}: {clip}" for clip in clipped_texts(window))
