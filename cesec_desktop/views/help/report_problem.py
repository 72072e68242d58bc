"""Report a problem: the form, the attachments to preview or drop (a screenshot, the log, the
last minutes of network traffic), sending, the number."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QImage, QKeyEvent, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.domain.enums import Environment, SupportComponent, SupportPriority
from cesec_desktop.state.support import (
    LOG_LINES,
    ProblemReport,
    SupportDesk,
    encode_screenshot,
    gather_log_excerpt,
    gather_traffic_excerpt,
    traffic_room,
)
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.help.labels import SupportLabels
from cesec_desktop.views.help.traffic_attachment import TrafficAttachment

if TYPE_CHECKING:
    from cesec_desktop.domain.models.support import SupportRequest

log = logging.getLogger(__name__)

THUMBNAIL = QSize(160, 100)
INDENT = 26
"""The check box's text starts this far in: hints under it line up with the text."""
MIN_SUMMARY = 3


class ScreenshotViewer(QDialog):
    """The screenshot at full size, scrollable."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenshotViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        self.picture = QLabel(scroll)
        self.picture.setPixmap(QPixmap.fromImage(image))
        scroll.setWidget(self.picture)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(min(image.width() + 48, 1100), min(image.height() + 90, 760))
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Screenshot"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class LogViewer(QDialog):
    """The log excerpt exactly as it will be sent, read-only."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        layout.addWidget(self.note)
        self.view = QPlainTextEdit(self)
        self.view.setObjectName("logPreview")
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setPlainText(text)
        # The newest lines, nearest the problem, are at the end.
        self.view.moveCursor(QTextCursor.MoveOperation.End)
        font = self.view.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.view.setFont(font)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 560)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log excerpt"))
        self.note.setText(
            self.tr("Passwords, tokens and SMS codes are replaced by *** before anything is sent.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ReportProblemDialog(QDialog):
    """The report form; on success it shows the request's number.

    Signals:
        filed(SupportRequest): the desk registered the request.
        myRequestsRequested: the user asked for the list from the confirmation.
    """

    filed = Signal(object)
    myRequestsRequested = Signal()

    def __init__(
        self,
        desk: SupportDesk,
        environment: Environment,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.environment = environment
        self.labels = SupportLabels(self)
        self.tasks = TaskTracker("report-problem", owner=self)
        self.busy = False
        self.request: SupportRequest | None = None
        self.screenshot: QImage | None = None
        self.screenshot_png: bytes | None = None
        self.log_text: str | None = None
        self.setObjectName("reportProblemDialog")
        self.setMinimumWidth(600)
        self.resize(640, 760)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 16)
        outer.setSpacing(10)
        # Two pages in a box layout rather than a stack: a hidden page takes no room, so the
        # dialog shrinks to the short confirmation.
        self.form_page = self._build_form()
        self.done_page = self._build_done()
        self.done_page.hide()
        outer.addWidget(self.form_page, 1)
        outer.addWidget(self.done_page, 1)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(4)
        self.progress.hide()
        outer.addWidget(self.progress)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("reportError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setProperty("role", "primary")
        self.send_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.my_requests_button = QPushButton(self)
        self.my_requests_button.setObjectName("doneMyRequestsButton")
        self.buttons.addButton(self.my_requests_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.my_requests_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.send_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self.my_requests_button.clicked.connect(self._show_my_requests)
        outer.addWidget(self.buttons)

        self.summary_edit.textChanged.connect(lambda: self._set_field_error("summary", ""))
        self.details_edit.textChanged.connect(lambda: self._set_field_error("details", ""))
        self.screenshot_check.toggled.connect(lambda: self._set_field_error("attachments", ""))
        self.log_check.toggled.connect(lambda: self._set_field_error("attachments", ""))
        self.traffic.toggled.connect(lambda: self._set_field_error("attachments", ""))
        self.traffic.minutesChanged.connect(self._reload_traffic)
        self.traffic.set_available(desk.traffic is not None)
        self._retranslate()
        self._update_attachments()

    # --- building --------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.title = QLabel(page)
        self.title.setProperty("role", "title")
        layout.addWidget(self.title)
        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        layout.addWidget(self.intro)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.summary_caption = QLabel(page)
        self.summary_edit = QLineEdit(page)
        self.summary_edit.setObjectName("summaryEdit")
        self.summary_edit.setMaxLength(200)
        self.summary_caption.setBuddy(self.summary_edit)
        # The field sits in a holder with its error below: align the caption by hand.
        self.summary_caption.setContentsMargins(0, 7, 0, 0)
        self.summary_error = self._error_label(page)
        form.addRow(self.summary_caption, self._with_error(self.summary_edit, self.summary_error))

        self.component_caption = QLabel(page)
        self.component_combo = QComboBox(page)
        self.component_combo.setObjectName("componentCombo")
        for component in SupportComponent:
            self.component_combo.addItem("", component)
        self.component_caption.setBuddy(self.component_combo)
        form.addRow(self.component_caption, self.component_combo)

        self.priority_caption = QLabel(page)
        self.priority_combo = QComboBox(page)
        self.priority_combo.setObjectName("priorityCombo")
        for priority in SupportPriority:
            self.priority_combo.addItem("", priority)
        self.priority_combo.setCurrentIndex(list(SupportPriority).index(SupportPriority.MEDIUM))
        self.priority_caption.setBuddy(self.priority_combo)
        form.addRow(self.priority_caption, self.priority_combo)

        self.environment_caption = QLabel(page)
        self.environment_label = QLabel(page)
        self.environment_label.setObjectName("environmentLabel")
        self.environment_label.setWordWrap(True)
        form.addRow(self.environment_caption, self.environment_label)

        self.details_caption = QLabel(page)
        self.details_edit = QPlainTextEdit(page)
        self.details_edit.setObjectName("detailsEdit")
        self.details_edit.setTabChangesFocus(True)
        self.details_edit.setMinimumHeight(110)
        self.details_caption.setBuddy(self.details_edit)
        self.details_caption.setContentsMargins(0, 4, 0, 0)
        self.details_error = self._error_label(page)
        form.addRow(self.details_caption, self._with_error(self.details_edit, self.details_error))
        layout.addLayout(form)

        box = QFrame(page)
        box.setObjectName("attachmentsBox")
        box.setProperty("role", "panel")
        grid = QGridLayout(box)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self.attachments_title = QLabel(box)
        self.attachments_title.setProperty("role", "cardTitle")
        grid.addWidget(self.attachments_title, 0, 0, 1, 2)
        # Left: the boxes to tick, each with its preview; right: the thumbnail.
        left = QVBoxLayout()
        left.setSpacing(4)
        self.screenshot_check = QCheckBox(box)
        self.screenshot_check.setObjectName("screenshotCheck")
        self.screenshot_check.setChecked(True)
        left.addWidget(self.screenshot_check)
        self.screenshot_hint = QLabel(box)
        self.screenshot_hint.setProperty("role", "muted")
        self.screenshot_hint.setWordWrap(True)
        self.screenshot_hint.setContentsMargins(INDENT, 0, 0, 0)
        left.addWidget(self.screenshot_hint)
        left.addSpacing(8)
        self.log_check = QCheckBox(box)
        self.log_check.setObjectName("logCheck")
        self.log_check.setChecked(True)
        left.addWidget(self.log_check)
        self.log_info = QLabel(box)
        self.log_info.setProperty("role", "muted")
        self.log_info.setWordWrap(True)
        self.log_info.setContentsMargins(INDENT, 0, 0, 0)
        left.addWidget(self.log_info)
        log_row = QHBoxLayout()
        log_row.setContentsMargins(INDENT, 2, 0, 0)
        self.log_button = QPushButton(box)
        self.log_button.setObjectName("showLogButton")
        self.log_button.clicked.connect(self.show_log)
        log_row.addWidget(self.log_button)
        log_row.addStretch(1)
        left.addLayout(log_row)
        left.addSpacing(8)
        self.traffic = TrafficAttachment(box)
        left.addWidget(self.traffic)
        grid.addLayout(left, 1, 0)
        self.thumbnail = QToolButton(box)
        self.thumbnail.setObjectName("screenshotThumbnail")
        self.thumbnail.setIconSize(THUMBNAIL)
        self.thumbnail.setFixedSize(THUMBNAIL + QSize(8, 8))
        self.thumbnail.setCursor(Qt.CursorShape.PointingHandCursor)
        self.thumbnail.clicked.connect(self.show_screenshot)
        grid.addWidget(self.thumbnail, 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        self.attachments_error = self._error_label(box)
        grid.addWidget(self.attachments_error, 4, 0, 1, 2)
        # Extra height goes to the details, not to empty space in the attachments.
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(box)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 12, 0, 12)
        layout.setSpacing(10)
        self.done_title = QLabel(page)
        self.done_title.setProperty("role", "title")
        layout.addWidget(self.done_title)
        self.number_label = QLabel(page)
        self.number_label.setObjectName("requestNumber")
        self.number_label.setProperty("role", "success")
        # Large, in the success colour (the theme's rules): the number is what the user keeps.
        self.number_label.setProperty("size", "large")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.number_label)
        self.done_text = QLabel(page)
        self.done_text.setWordWrap(True)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        return page

    @staticmethod
    def _error_label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.hide()
        return label

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QWidget:
        holder = QWidget(field.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        return holder

    # --- attachments -----------------------------------------------------------------------

    def set_screenshot(self, image: QImage) -> None:
        """The window as it was when the user opened this form."""
        self.screenshot = image
        thumb = QPixmap.fromImage(image).scaled(
            THUMBNAIL,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.thumbnail.setIcon(QIcon(thumb))
        self._update_attachments()

    def load_attachments(self) -> None:
        """Encode the screenshot and read the log in worker threads; the form is usable now."""
        self.tasks.spawn(self._load_attachments(), name="report-attachments")

    async def _load_attachments(self) -> None:
        if self.screenshot is not None:
            self.screenshot_png = await encode_screenshot(self.screenshot)
        self.log_text = await gather_log_excerpt(LOG_LINES)
        if isValid(self):
            self._update_attachments()
            await self._load_traffic()

    def _reload_traffic(self, _minutes: int) -> None:
        # Before the log is read, the first load is still on its way and takes the new period.
        if self.log_text is not None:
            self.tasks.spawn(self._load_traffic(), name="report-attachments")

    async def _load_traffic(self) -> None:
        """The chosen minutes of traffic, fitted beside the screenshot and the log."""
        recorder = self.desk.traffic
        if recorder is None:
            return
        minutes = self.traffic.minutes
        self.traffic.set_excerpt(None)
        self._update_attachments()
        room = traffic_room(self.screenshot_png, (self.log_text or "").encode("utf-8"))
        excerpt = await gather_traffic_excerpt(recorder, minutes, room)
        if isValid(self) and minutes == self.traffic.minutes:
            self.traffic.set_excerpt(excerpt)
            self._update_attachments()

    @property
    def attachments_ready(self) -> bool:
        return (
            self.log_text is not None
            and (self.screenshot is None or self.screenshot_png is not None)
            and self.traffic.ready
        )

    def _update_attachments(self) -> None:
        has_screenshot = self.screenshot is not None
        self.screenshot_check.setEnabled(has_screenshot)
        self.thumbnail.setEnabled(has_screenshot)
        if self.log_text is None:
            self.log_info.setText(self.tr("Reading the log…"))
        elif not self.log_text:
            self.log_info.setText(self.tr("The log is empty."))
        else:
            lines = self.log_text.count("\n") + 1
            self.log_info.setText(
                self.tr("%n line(s), passwords, tokens and SMS codes removed.", "", lines)
            )
        self.log_button.setEnabled(bool(self.log_text))
        self.log_check.setEnabled(bool(self.log_text))
        self.send_button.setEnabled(not self.busy and self.attachments_ready)

    def show_screenshot(self) -> QDialog | None:
        if self.screenshot is None:
            return None
        viewer = ScreenshotViewer(self.screenshot, self)
        self.screenshot_viewer = viewer
        viewer.open()
        return viewer

    def show_log(self) -> QDialog:
        viewer = LogViewer(self.log_text or "", self)
        self.log_viewer = viewer
        viewer.open()
        return viewer

    # --- sending ---------------------------------------------------------------------------

    def report(self) -> ProblemReport:
        return ProblemReport(
            summary=self.summary_edit.text(),
            details=self.details_edit.toPlainText(),
            component=self.component_combo.currentData(),
            priority=self.priority_combo.currentData(),
            environment=self.environment,
            screenshot_png=self.screenshot_png if self.screenshot_check.isChecked() else None,
            log_text=self.log_text if self.log_check.isChecked() else None,
            traffic_har=self.traffic.data,
        )

    def submit(self) -> None:
        # The local check runs at once, so its message is there as soon as the click is.
        if not self.busy and self._check():
            self.tasks.spawn(self.send(), name="report-send")

    async def send(self) -> bool:
        """Check, send, and show the number; on failure everything typed stays."""
        from cesec_desktop.state.errors import CabinetError, ValidationFailed
        from cesec_desktop.views.messages import describe

        if self.busy or not self._check():
            return False
        self._set_busy(True)
        try:
            request = await self.desk.file(self.report())
        except ValidationFailed as error:
            self._show_field_errors(error.fields)
            self._show_error(
                self.tr("The support desk refused the request: check the marked fields.")
            )
            return False
        except CabinetError as error:
            self._show_error(self.tr("The request was not sent. %1").replace("%1", describe(error)))
            return False
        finally:
            if isValid(self):
                self._set_busy(False)
        log.info("support request %s filed", request.number)
        self.request = request
        self._show_done(request)
        self.filed.emit(request)
        return True

    def _check(self) -> bool:
        self._show_error("")
        if len(self.summary_edit.text().strip()) < MIN_SUMMARY:
            self._set_field_error("summary", self.tr("Describe the problem in a few words."))
            self.summary_edit.setFocus()
            return False
        return True

    def _show_field_errors(self, fields: dict[str, str]) -> None:
        for name, code in fields.items():
            if name.startswith("attachments"):
                if code == "attachments_too_large":
                    text = self.tr(
                        "The attachments are too large: untick the screenshot and send again."
                    )
                else:
                    text = self.tr("An attachment could not be read: untick it and send again.")
                self._set_field_error("attachments", text)
            elif name == "summary":
                self._set_field_error(
                    "summary", self.tr("The summary must be 3 to 200 characters long.")
                )
            elif name == "details":
                self._set_field_error(
                    "details", self.tr("The details may be at most 10,000 characters long.")
                )

    def field_error(self, name: str) -> str:
        label = self._field_labels()[name]
        return label.text() if not label.isHidden() else ""

    def _field_labels(self) -> dict[str, QLabel]:
        return {
            "summary": self.summary_error,
            "details": self.details_error,
            "attachments": self.attachments_error,
        }

    def _set_field_error(self, name: str, text: str) -> None:
        label = self._field_labels()[name]
        label.setText(text)
        label.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for widget in (
            self.summary_edit,
            self.details_edit,
            self.component_combo,
            self.priority_combo,
            self.screenshot_check,
            self.log_check,
        ):
            widget.setEnabled(not busy)
        self.traffic.set_busy(busy)
        self.cancel_button.setEnabled(not busy)
        self.send_button.setText(self.tr("Sending…") if busy else self.tr("Send"))
        self._update_attachments()

    def _show_done(self, request: SupportRequest) -> None:
        self.form_page.hide()
        self.done_page.show()
        self.number_label.setText(request.number)
        self.send_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.my_requests_button.show()
        self.close_button.setFocus()
        self._retranslate()
        self.layout().activate()
        layout = self.layout()
        height = max(layout.totalHeightForWidth(self.width()), self.minimumSizeHint().height())
        self.resize(self.width(), height + 16)

    def _show_my_requests(self) -> None:
        self.accept()
        self.myRequestsRequested.emit()

    # --- texts and events ------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Report a problem"))
        self.title.setText(self.tr("Report a problem"))
        self.intro.setText(
            self.tr(
                "Tell the support desk what went wrong. They answer on working days, "
                "09:00–18:00 Almaty time."
            )
        )
        self.summary_caption.setText(self.tr("Summary:"))
        self.summary_edit.setPlaceholderText(self.tr("For example: the order form does not open"))
        self.component_caption.setText(self.tr("Component:"))
        for index in range(self.component_combo.count()):
            value = self.component_combo.itemData(index)
            self.component_combo.setItemText(index, self.labels.component(value))
        self.priority_caption.setText(self.tr("Priority:"))
        for index in range(self.priority_combo.count()):
            value = self.priority_combo.itemData(index)
            self.priority_combo.setItemText(index, self.labels.priority(value))
        self.environment_caption.setText(self.tr("Environment:"))
        if self.environment == Environment.TEST:
            where = self.tr("TEST (a test or demo server)")
        else:
            where = self.tr("PROD (the broker's live server)")
        self.environment_label.setText(where)
        self.details_caption.setText(self.tr("Details:"))
        self.details_edit.setPlaceholderText(
            self.tr("What did you do, what did you expect, and what happened instead?")
        )
        self.attachments_title.setText(self.tr("Attachments"))
        self.screenshot_check.setText(self.tr("Screenshot of the window"))
        self.thumbnail.setToolTip(self.tr("Click to see it at full size"))
        # Readers get these names from the captions' words (the captions sit in another
        # widget, out of reach of Qt's buddy lookup); the picture is named for what it shows.
        self.summary_edit.setAccessibleName(self.summary_caption.text().rstrip(":"))
        self.details_edit.setAccessibleName(self.details_caption.text().rstrip(":"))
        self.thumbnail.setAccessibleName(self.screenshot_check.text())
        self.thumbnail.setAccessibleDescription(self.thumbnail.toolTip())
        self.screenshot_hint.setText(self.tr("Click the picture to see it at full size."))
        self.log_check.setText(
            self.tr("The app's log: the last %1 lines").replace("%1", str(LOG_LINES))
        )
        self.log_button.setText(self.tr("Show the log"))
        self.send_button.setText(self.tr("Sending…") if self.busy else self.tr("Send"))
        self.my_requests_button.setText(self.tr("My requests"))
        self.done_title.setText(self.tr("The request is registered"))
        self.done_text.setText(
            self.tr(
                "Keep this number: the support desk will contact you by phone or e-mail on "
                "working days, 09:00–18:00 Almaty time. Its status is in Help → My requests."
            )
        )
        self._update_attachments()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        # A request being sent is finished first: closing now would leave its fate unknown.
        if not self.busy:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the summary must not close the form; the Send button is the default.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.form_page.isVisible():
            if self.summary_edit.hasFocus():
                self.submit()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        for task in self.tasks.pending:
            if task.get_name() == "report-attachments":
                task.cancel()
        super().done(result)
