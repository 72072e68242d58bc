"""The update notice: a card in the main window's lower right corner, never a modal box.

It shows what the UpdateCenter says: a check under way, "up to date" or why not, a newer
version with its release notes in the UI language, the download's progress, then
"Install and restart". It takes no focus when it appears, so typing goes on where it was.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.formatting import format_day
from cesec_desktop.state.i18n import active_language
from cesec_desktop.state.updates import UpdateCenter, failure_words
from cesec_desktop.views.style import restyle

if TYPE_CHECKING:
    from pathlib import Path

    from cesec_desktop.api.updates import UpdateOffer

MARGIN = 20
WIDTH = 400
NOTES_LINES = 7


def notes_for(notes: dict[str, str], language: str) -> str:
    """The release notes in `language`, else English, else whichever there is."""
    for code in (language, "en"):
        text = notes.get(code, "").strip()
        if text:
            return text
    return next((text.strip() for text in notes.values() if text.strip()), "")


def _megabytes(count: int) -> str:
    return QLocale().toString(count / 1_000_000, "f", 1)


class UpdateNotice(QFrame):
    """The card; `mode` is what it shows: checking, message, offer, downloading, downloaded,
    installing. It follows its parent's corner as the window is resized."""

    def __init__(self, center: UpdateCenter, parent: QWidget) -> None:
        super().__init__(parent)
        self.center = center
        self.mode = ""
        self.offer: UpdateOffer | None = None
        self._message_kind = ""
        self._message = ""
        self._status = ""
        self._status_tone = "muted"
        self._received = (0, 0)
        self.keep_under: QWidget | None = None
        """An overlay that must stay above the notice (the main window's lock)."""
        self.setObjectName("updateNotice")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.title = QLabel(self)
        self.title.setObjectName("updateTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("updateClose")
        self.close_button.setText("\N{MULTIPLICATION SIGN}")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("updateSubtitle")
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setWordWrap(True)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("updateNotes")
        self.notes.setReadOnly(True)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.setFrameShape(QFrame.Shape.NoFrame)
        self.notes.viewport().setAutoFillBackground(False)
        lines = self.notes.fontMetrics().lineSpacing() * NOTES_LINES
        self.notes.setFixedHeight(lines + 8)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("updateProgress")
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 100)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("updateProgressText")
        self.progress_label.setProperty("role", "muted")
        self.status = QLabel(self)
        self.status.setObjectName("updateStatus")
        self.status.setProperty("role", "notice")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.later_button = self._button("updateLater", center.later, self._later)
        self.download_button = self._button("updateDownload", center.download, primary=True)
        self.cancel_button = self._button("updateCancel", center.cancel)
        self.install_button = self._button("updateInstall", center.install, primary=True)
        self.ok_button = self._button("updateOk", None, self.dismiss)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        for button in (
            self.later_button,
            self.cancel_button,
            self.download_button,
            self.install_button,
            self.ok_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.notes)
        layout.addWidget(self.bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        center.checking.connect(self._checking)
        center.offerFound.connect(self.show_offer)
        center.upToDate.connect(lambda: self._show_message("upToDate"))
        center.failed.connect(self._failed)
        center.progress.connect(self._progress)
        center.downloadCancelled.connect(self._download_cancelled)
        center.downloaded.connect(self._downloaded)
        center.deferred.connect(self._deferred)
        center.installing.connect(self._installing)
        center.handedOff.connect(self._handed_off)
        parent.installEventFilter(self)
        self.hide()
        self._retranslate()

    def _button(
        self, name: str, action: object, then: object = None, *, primary: bool = False
    ) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if primary:
            button.setProperty("role", "primary")
        for slot in (action, then):
            if callable(slot):
                button.clicked.connect(lambda _=False, s=slot: s())
        return button

    # --- what the center says ---------------------------------------------------------------

    def _checking(self) -> None:
        # An automatic check works unseen; one the user asked for shows it is under way.
        if self.isVisible() and self.mode in ("checking", "message"):
            self._set_mode("checking")

    def begin_check(self) -> None:
        """Help → Check for updates: the card shows the check, then what it found."""
        self._set_mode("checking")
        self.present()
        self.center.check_now()

    def show_offer(self, offer: UpdateOffer) -> None:
        self.offer = offer
        self._status = ""
        self._set_mode("offer")
        self.present()

    def _failed(self, words: str) -> None:
        if self.mode in ("offer", "downloading", "downloaded", "installing"):
            self._status, self._status_tone = words, "negative"
            self._set_mode("downloaded" if self.center.phase == "downloaded" else "offer")
            return
        self._message = words
        self._show_message("failed")

    def _show_message(self, kind: str) -> None:
        self._message_kind = kind
        self._set_mode("message")
        self.present()

    def _progress(self, received: int, total: int) -> None:
        self._received = (received, total)
        if self.mode != "downloading":
            self._status = ""
            self._set_mode("downloading")
        else:
            self._render_progress()

    def _download_cancelled(self) -> None:
        self._status, self._status_tone = failure_words("cancelled"), "muted"
        self._set_mode("offer")

    def _downloaded(self, _path: Path) -> None:
        self._status, self._status_tone = "verified", "positive"
        self._set_mode("downloaded")
        self.present()

    def _deferred(self, reason: str) -> None:
        self._status, self._status_tone = "deferred:" + reason, "warning"
        self._render()

    def _installing(self) -> None:
        self._status, self._status_tone = "installing", "muted"
        self._set_mode("installing")

    def _handed_off(self, command: str) -> None:
        if self.center.dry_run:
            self._status, self._status_tone = "dryrun:" + command, "info"
            self._set_mode("downloaded")

    # --- the user's answer ------------------------------------------------------------------

    def _later(self) -> None:
        self.hide()

    def dismiss(self) -> None:
        """×: out of sight; a download goes on (Help → Check for updates brings it back)."""
        self.hide()

    # --- presentation -----------------------------------------------------------------------

    def _set_mode(self, mode: str) -> None:
        if mode in ("checking", "message"):
            self._status = ""  # what was said about a download is no longer news
        self.mode = mode
        self._render()

    def present(self) -> None:
        """Show in the corner without taking the focus from what the user is typing in."""
        self._render()
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        if self.keep_under is not None and self.keep_under.isVisible():
            self.keep_under.raise_()

    def _render(self) -> None:
        mode = self.mode
        offer = self.offer
        about_offer = mode in ("offer", "downloading", "downloaded", "installing")
        if about_offer and offer is not None:
            self.title.setText(self.tr("Version %1 is available").replace("%1", offer.version))
            parts = [self.tr("You have version %1").replace("%1", self.center.current_version)]
            with contextlib.suppress(ValueError):  # a date the metadata got wrong: left out
                day = format_day(date.fromisoformat(offer.released))
                parts.append(self.tr("released %1").replace("%1", day))
            self.subtitle.setText(" · ".join(parts))
            notes = notes_for(offer.notes, active_language())
            self.notes.setPlainText(notes or self.tr("No release notes were given."))
        elif mode == "checking":
            self.title.setText(self.tr("Checking for updates…"))
        else:
            self.title.setText(self.tr("Updates"))
        self.subtitle.setVisible(about_offer)
        self.notes.setVisible(about_offer)
        self.bar.setVisible(mode in ("checking", "downloading"))
        self.progress_label.setVisible(mode == "downloading")
        if mode == "checking":
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 100)
            self._render_progress()
        self.later_button.setVisible(mode in ("offer", "downloaded"))
        self.download_button.setVisible(mode == "offer")
        self.cancel_button.setVisible(mode == "downloading")
        self.install_button.setVisible(mode in ("downloaded", "installing"))
        self.install_button.setEnabled(mode == "downloaded")
        self.ok_button.setVisible(mode == "message")
        self.close_button.setVisible(mode != "installing")
        self._render_status()
        self._retranslate_buttons()
        if self.isVisible():
            self.adjustSize()
            self._place()

    def _render_progress(self) -> None:
        received, total = self._received
        percent = 100 if total <= 0 else min(100, received * 100 // total)
        self.bar.setValue(percent)
        self.progress_label.setText(
            self.tr("%1 of %2 MB · %3 %")
            .replace("%1", _megabytes(received))
            .replace("%2", _megabytes(total))
            .replace("%3", str(percent))
        )

    def _render_status(self) -> None:
        text = self._status_text()
        self.status.setText(text)
        self.status.setVisible(bool(text))
        restyle(self.status, tone=self._status_tone)

    def _status_text(self) -> str:
        if self.mode == "message":
            if self._message_kind == "upToDate":
                self._status_tone = "positive"
                return self.tr("You have the newest version, %1.").replace(
                    "%1", self.center.current_version
                )
            self._status_tone = "negative"
            return self._message
        status = self._status
        if not status or (self.mode == "offer" and status in ("verified", "installing")):
            return ""
        if status == "verified":
            return self.tr("Downloaded and verified. The app closes while the update installs.")
        if status == "installing":
            return self.tr("Starting the installer…")
        if status.startswith("deferred:"):
            return status.removeprefix("deferred:")
        if status.startswith("dryrun:"):
            return self.tr("Demo mode: nothing was installed. The app would run: %1").replace(
                "%1", status.removeprefix("dryrun:")
            )
        return status

    def _retranslate_buttons(self) -> None:
        self.later_button.setText(self.tr("Later"))
        self.download_button.setText(self.tr("Download"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.install_button.setText(self.tr("Install and restart"))
        self.ok_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide"))
        self.close_button.setAccessibleName(self.tr("Hide"))

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Software update"))
        self._render()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        self.move(
            max(0, host.width() - self.width() - MARGIN),
            max(0, host.height() - self.height() - MARGIN),
        )

    # --- events ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
