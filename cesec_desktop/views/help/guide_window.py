"""The user guide in the UI language: sections on the left, the text on the right, a search."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.settings import resources_dir
from cesec_desktop.views.resources import icon

GUIDE_LANGUAGES = ("kk", "ru", "en")
FALLBACK = "ru"
SECTIONS: tuple[str, ...] = (
    "home",
    "portfolio",
    "orders",
    "transactions",
    "instructions",
    "watchlist",
    "order_form",
    "withdrawal",
    "sms",
    "eds",
    "ncalayer",
    "support",
)
"""The guide's `##` sections in the order every language's file has them (a test checks),
so that F1 on a page can open that page's section."""


def guide_path(language: str) -> Path:
    code = language if language in GUIDE_LANGUAGES else FALLBACK
    return resources_dir() / "guide" / f"{code}.md"


class GuideWindow(QWidget):
    """A window of its own, so the guide stays open beside the cabinet."""

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._language = language
        self.language = ""
        self.setObjectName("guideWindow")
        self.resize(980, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("guideSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(300)
        self.search.setMaximumWidth(420)
        self.search.returnPressed.connect(self.find_next)
        top.addWidget(self.search)
        top.addStretch(1)
        layout.addLayout(top)
        splitter = QSplitter(self)
        self.contents = QListWidget(splitter)
        self.contents.setObjectName("guideContents")
        self.contents.setMinimumWidth(200)
        self.contents.setSpacing(3)
        self.contents.currentRowChanged.connect(self._go_to_row)
        self.browser = QTextBrowser(splitter)
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 740])
        layout.addWidget(splitter, 1)
        self._headings: list[QTextBlock] = []
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.search.setFocus)
        self.load()

    # --- content ---------------------------------------------------------------------------

    def load(self) -> None:
        """(Re)read the guide in the current UI language and rebuild the contents."""
        language = self._language()
        self.language = language if language in GUIDE_LANGUAGES else FALLBACK
        text = guide_path(self.language).read_text(encoding="utf-8")
        self.browser.setMarkdown(text)
        self._headings = []
        self.contents.blockSignals(True)
        self.contents.clear()
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level == 1:
                self.title = block.text()
            elif level == 2:
                self._headings.append(block)
                QListWidgetItem(block.text(), self.contents)
            block = block.next()
        self.contents.blockSignals(False)
        self._retranslate()

    @property
    def section_titles(self) -> list[str]:
        return [block.text() for block in self._headings]

    def show_section(self, key: str) -> None:
        """Scroll to a section by its key in SECTIONS (an unknown key shows the start)."""
        if key in SECTIONS and SECTIONS.index(key) < len(self._headings):
            self.contents.setCurrentRow(SECTIONS.index(key))
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _go_to_row(self, row: int) -> None:
        if 0 <= row < len(self._headings):
            block = self._headings[row]
            self.browser.setTextCursor(QTextCursor(block))
            rect = self.browser.document().documentLayout().blockBoundingRect(block)
            self.browser.verticalScrollBar().setValue(int(rect.top()))

    def find_next(self) -> bool:
        """The next match of the search text, wrapping round to the start once."""
        text = self.search.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        return self.browser.find(text, QTextDocument.FindFlag(0))

    # --- texts and events ------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))
        self.search.setPlaceholderText(self.tr("Find in the guide"))
        self.search.setAccessibleName(self.search.placeholderText())
        # The field's clear button is Qt's own action: readers say its text.
        clear = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:
            clear.setText(self.tr("Clear the search"))
            clear.setToolTip(clear.text())
        self.contents.setAccessibleName(self.tr("Contents"))
        self.browser.setAccessibleName(self.windowTitle())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # Several LanguageChange events come per switch: reload only for a new language.
            if self._language() != self.language:
                row = self.contents.currentRow()
                self.load()
                if row >= 0:
                    self.contents.setCurrentRow(row)
            else:
                self._retranslate()
        super().changeEvent(event)
