"""The password expiry notice: a card in the main window, never a modal box.

Seven days or fewer before the password's 60 days run out, the main window says so once a
day after sign-in ("Your password expires in 3 days"), with "Change password…". It takes no
focus when it appears and goes with ×.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.password_expiry import PasswordExpiry

if TYPE_CHECKING:
    from cesec_desktop.settings import Settings
    from cesec_desktop.state.clock import Clock
    from cesec_desktop.state.session import Session

MARGIN = 20
WIDTH = 360


class PasswordExpiryNotice(QFrame):
    """The card; it follows its parent's lower right corner (above the update notice).

    Signals:
        changeRequested: "Change password…" was clicked (the card closes).
    """

    changeRequested = Signal()

    def __init__(self, days_left: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.days_left = days_left
        self.keep_under: QWidget | None = None
        """An overlay that must stay above the notice (the main window's lock)."""
        self.setObjectName("passwordExpiryNotice")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.title = QLabel(self)
        self.title.setObjectName("passwordExpiryTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setObjectName("passwordExpiryText")
        self.text.setProperty("role", "muted")
        self.text.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("passwordExpiryClose")
        self.close_button.setText("\N{MULTIPLICATION SIGN}")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self.change_button = QPushButton(self)
        self.change_button.setObjectName("passwordExpiryChange")
        self.change_button.setProperty("role", "primary")
        self.change_button.setAutoDefault(False)
        self.change_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.change_button.clicked.connect(self._change)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        parent.installEventFilter(self)
        self.hide()
        self._retranslate()

    def _change(self) -> None:
        self.hide()
        self.changeRequested.emit()

    def present(self) -> None:
        """Show in the corner without taking the focus from where the user is."""
        self._fit()
        self._place()
        self.show()
        self.raise_()
        if self.keep_under is not None and self.keep_under.isVisible():
            self.keep_under.raise_()

    def _fit(self) -> None:
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.setFixedHeight(layout.totalHeightForWidth(WIDTH))
        else:
            self.adjustSize()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        bottom = parent.height() - MARGIN
        # The update notice has the corner: stand above it while it shows.
        update = parent.findChild(QWidget, "updateNotice")
        if update is not None and update.isVisible():
            bottom = update.y() - MARGIN // 2
        self.move(parent.width() - self.width() - MARGIN, max(0, bottom - self.height()))

    def _retranslate(self) -> None:
        if self.days_left <= 0:
            self.title.setText(self.tr("Your password expires today"))
        elif self.days_left == 1:
            self.title.setText(self.tr("Your password expires tomorrow"))
        else:
            # Two days or more: the English source is right as it is; kk and ru count in .ts.
            self.title.setText(self.tr("Your password expires in %n days", "", self.days_left))
        self.text.setText(
            self.tr("Change it now, so that signing in is not interrupted when it expires.")
        )
        self.change_button.setText(self.tr("Change password…"))
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        if self.isVisible():
            self._fit()
            self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def show_password_expiry_notice(
    window: QWidget, session: Session, settings: Settings, clock: Clock | None = None
) -> PasswordExpiryNotice | None:
    """After sign-in: the notice in `window` if the password expires within 7 days and the
    user has not seen it today; None otherwise."""
    expiry = PasswordExpiry(settings, clock)
    login = session.login_name
    days = expiry.due(login, session.password_expires_at)
    previous = window.findChild(PasswordExpiryNotice)
    if previous is not None:
        previous.hide()
        previous.deleteLater()
    if days is None:
        return None
    notice = PasswordExpiryNotice(days, window)
    notice.keep_under = getattr(window, "lock_overlay", None)
    change = getattr(window, "open_change_password", None)
    if callable(change):
        notice.changeRequested.connect(change)
    notice.present()
    expiry.mark_shown(login)
    return notice
