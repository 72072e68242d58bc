"""Demo mode's phone on screen: the SMS the mock "sent", as a phone's notification shows it.

Only ever made for a `DemoSms` from `state.demo_sms`, which exists only for a loopback (demo)
server; the SMS window shows it next to itself (`show_demo_sms`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cesec_desktop.state.demo_sms import DemoSms
from cesec_desktop.state.formatting import format_time

GAP = 12


class DemoSmsNotice(QFrame):
    """A small always-on-top card: the sender, the time, what the code is for (sign-in or
    password reset; a signing code needs no words), the code, the masked number.

    Signals:
        codeChosen(str): the user clicked "Fill in" (the SMS window types the code in).
    """

    codeChosen = Signal(str)

    def __init__(self, sms: DemoSms, parent: QWidget | None = None) -> None:
        # A tool window of the SMS window: it takes clicks while that window is modal, and
        # goes when it closes. It never takes the focus from the code field.
        super().__init__(
            parent,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.sms = sms
        self.setObjectName("demoSmsNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.sender_label = QLabel(self)
        self.sender_label.setObjectName("demoSmsSender")
        self.time_label = QLabel(self)
        self.time_label.setObjectName("demoSmsTime")
        self.close_button = QPushButton("\N{MULTIPLICATION SIGN}", self)
        self.close_button.setObjectName("demoSmsClose")
        self.close_button.setFlat(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close)
        self.purpose_label = QLabel(self)
        self.purpose_label.setObjectName("demoSmsPurpose")
        self.purpose_label.setProperty("role", "caption")
        self.code_label = QLabel(self)
        self.code_label.setObjectName("demoSmsCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.5)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 4)
        font.setBold(True)
        self.code_label.setFont(font)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("demoSmsText")
        self.text_label.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("demoSmsNote")
        self.note_label.setWordWrap(True)
        self.fill_button = QPushButton(self)
        self.fill_button.setObjectName("demoSmsFill")
        self.fill_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fill_button.clicked.connect(lambda: self.codeChosen.emit(self.sms.code))

        top = QHBoxLayout()
        top.addWidget(self.sender_label, 1)
        top.addWidget(self.time_label)
        top.addWidget(self.close_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note_label, 1)
        bottom.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.code_label)
        layout.addWidget(self.text_label)
        layout.addLayout(bottom)
        self.setFixedWidth(300)
        self._retranslate()

    # --- presentation ----------------------------------------------------------------------

    def _retranslate(self) -> None:
        sms = self.sms
        self.sender_label.setText(self.tr("SMS · Centras Securities"))
        self.time_label.setText(format_time(sms.sent_at, seconds=False))
        purpose = self.purpose()
        self.purpose_label.setText(purpose)
        self.purpose_label.setVisible(bool(purpose))
        self.code_label.setText(sms.code)
        self.text_label.setText(
            self.tr("Your code: %1. Do not tell it to anyone.").replace("%1", sms.code)
        )
        self.note_label.setText(
            self.tr("Demo: sent to %1, shown here instead of on the phone.").replace(
                "%1", sms.phone_masked
            )
        )
        self.fill_button.setText(self.tr("Fill in"))
        self.close_button.setToolTip(self.tr("Close"))
        self.setAccessibleName(
            " ".join(filter(None, [purpose, self.tr("SMS code %1").replace("%1", sms.code)]))
        )
        self._fit()

    def purpose(self) -> str:
        """What the code is for, in words; "" for a signing code (the SMS window says it)."""
        if self.sms.purpose == "sign_in":
            return self.tr("Sign-in code")
        if self.sms.purpose == "password_reset":
            return self.tr("Password reset code")
        return ""

    def _fit(self) -> None:
        """As tall as the wrapped lines need at the fixed width.

        adjustSize() of a top-level window with word-wrapped labels may size it for the
        labels' unwrapped hints, which clips the last lines; the layout's height for the
        width is what they take once wrapped.
        """
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.setFixedHeight(layout.totalHeightForWidth(self.width()))
        else:
            self.adjustSize()

    def place_beside(self, anchor: QWidget) -> None:
        """Beside `anchor`'s window (right, left, above, below: the first the screen has room
        for), so that the notice never hides the window it belongs to; else on its top edge."""
        self._fit()
        frame = anchor.window().frameGeometry()
        size = self.size()
        candidates = [
            QPoint(frame.right() + GAP, frame.top()),
            QPoint(frame.left() - GAP - size.width(), frame.top()),
            QPoint(frame.right() - size.width(), frame.top() - GAP - size.height()),
            QPoint(frame.right() - size.width(), frame.bottom() + GAP),
        ]
        spot = QPoint(frame.right() - size.width() - GAP, frame.top() + GAP)
        screen = anchor.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            spot = next(
                (p for p in candidates if room.contains(QRect(p, size))),
                spot,
            )
        self.move(spot)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def show_demo_sms(sms: DemoSms, anchor: QWidget) -> DemoSmsNotice:
    """Show `sms` beside `anchor` (the SMS window), which owns the notice."""
    notice = DemoSmsNotice(sms, anchor)
    notice.place_beside(anchor)
    notice.show()
    notice.raise_()
    return notice
