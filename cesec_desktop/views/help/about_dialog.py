"""About: the app's name, version, licence, the Qt it runs on, and third-party notices."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QEvent, QSize, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop import __version__
from cesec_desktop.settings import resources_dir
from cesec_desktop.views.resources import image

NOTICES_FILE = "THIRD_PARTY_NOTICES.md"


def notices_path() -> Path:
    return resources_dir() / "licenses" / NOTICES_FILE


def _app_icon_name() -> str:
    """The app icon once the icon set has one (app.svg); the menu's logo until then."""
    return "app" if (resources_dir() / "icons" / "app.svg").exists() else "logo"


class AboutDialog(QDialog):
    """Who made the app, which version it is, and whose work it is built on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.setSpacing(16)
        logo = QLabel(self)
        logo.setPixmap(image(_app_icon_name()).pixmap(QSize(64, 64)))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        header.addWidget(logo)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.name_label = QLabel(self)
        self.name_label.setProperty("role", "title")
        self.version_label = QLabel(self)
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence_label = QLabel(self)
        self.licence_label.setObjectName("aboutLicence")
        self.licence_label.setWordWrap(True)
        self.runtime_label = QLabel(self)
        self.runtime_label.setObjectName("aboutRuntime")
        self.runtime_label.setProperty("role", "muted")
        self.runtime_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.name_label, self.version_label, self.licence_label, self.runtime_label):
            texts.addWidget(label)
        header.addLayout(texts, 1)
        layout.addLayout(header)
        self.notices_title = QLabel(self)
        self.notices_title.setProperty("role", "cardTitle")
        layout.addWidget(self.notices_title)
        self.notices = QTextBrowser(self)
        self.notices.setObjectName("thirdPartyNotices")
        self.notices.setOpenExternalLinks(True)
        path = notices_path()
        self.notices.setMarkdown(path.read_text(encoding="utf-8") if path.is_file() else "")
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("About"))
        self.name_label.setText(self.tr("Centras Securities · Trading cabinet"))
        self.version_label.setText(self.tr("Version %1").replace("%1", __version__))
        self.licence_label.setText(
            self.tr(
                "Licence: proprietary. © Centras Securities JSC. The open-source components "
                "below keep their own licences."
            )
        )
        self.runtime_label.setText(
            self.tr("Qt %1 · PySide6 %2 · Python %3")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", platform.python_version())
        )
        self.notices_title.setText(self.tr("Third-party notices"))
        self.notices.setAccessibleName(self.notices_title.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
