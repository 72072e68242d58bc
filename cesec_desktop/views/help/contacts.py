"""The broker's support desk: how to reach it, and the Contact support dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Not found in the project's sources (seeds/, DOMAIN.md): the cabinet's domain is real
# (my.cesec.kz), the phone and address are placeholders to confirm with the broker.
PHONE = "+7 727 259 88 77"
EMAIL = "support@cesec.kz"
WEBSITE = "https://my.cesec.kz"


class ContactsDialog(QDialog):
    """Phone, e-mail and hours of the support desk, and a way to file a report.

    Signals:
        reportRequested: the user chose Report a problem from here.
    """

    reportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsDialog")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        layout.addWidget(self.title)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.phone_caption = QLabel(self)
        self.phone = QLabel(f'<a href="tel:{PHONE.replace(" ", "")}">{PHONE}</a>', self)
        self.email_caption = QLabel(self)
        self.email = QLabel(f'<a href="mailto:{EMAIL}">{EMAIL}</a>', self)
        self.hours_caption = QLabel(self)
        self.hours = QLabel(self)
        self.hours.setWordWrap(True)
        for link in (self.phone, self.email):
            link.setOpenExternalLinks(True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        form.addRow(self.phone_caption, self.phone)
        form.addRow(self.email_caption, self.email)
        form.addRow(self.hours_caption, self.hours)
        layout.addLayout(form)
        self.tip = QLabel(self)
        self.tip.setWordWrap(True)
        self.tip.setProperty("role", "note")
        layout.addWidget(self.tip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("contactsReportButton")
        buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button.clicked.connect(self._report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._retranslate()

    def _report(self) -> None:
        self.accept()
        self.reportRequested.emit()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Contact support"))
        self.title.setText(self.tr("Centras Securities support desk"))
        self.intro.setText(
            self.tr(
                "Questions about the cabinet, orders, transfers or access: call or write to us."
            )
        )
        self.phone_caption.setText(self.tr("Phone:"))
        self.email_caption.setText(self.tr("E-mail:"))
        self.hours_caption.setText(self.tr("Hours:"))
        self.hours.setText(self.tr("09:00–18:00 Almaty time, working days (Monday to Friday)"))
        self.tip.setText(
            self.tr(
                "Report a problem sends the support desk a description with a screenshot "
                "and the app's log, so they can help faster."
            )
        )
        self.report_button.setText(self.tr("Report a problem…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
