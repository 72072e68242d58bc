"""The login window: login, password, remember me; clear messages for every failure.

Everything before the main window happens here, in place: the sign-in page, "Confirm it's
you" (a second factor), and "Forgot password?" (pages of one stack). In demo mode the codes
the mock "sent" by SMS show beside the window, as a phone would show them.
"""

from __future__ import annotations

import logging
import sys
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget
from shiboken6 import isValid

from cesec_desktop.settings import Settings
from cesec_desktop.state.demo_sms import DemoSms, DemoSmsInbox
from cesec_desktop.state.i18n import LANGUAGE_NAMES, LANGUAGES, LanguageManager
from cesec_desktop.state.session import LoginOutcome, Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.forgot_password import ForgotPasswordPage
from cesec_desktop.views.forms.ui_login import Ui_LoginForm
from cesec_desktop.views.keyboard_warning import KeyboardWarning
from cesec_desktop.views.login_second_factor import SecondFactorPage
from cesec_desktop.views.resources import icon, image
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer, LiveRegion
from cesec_desktop.views.widgets.password_toggle import PasswordToggle
from cesec_desktop.views.zoom_sizes import icon_pixmap, zoom_form

log = logging.getLogger(__name__)

DEMO_CREDENTIALS = ("demo", "Demo#2026")
DEMO_PREFILL_KEY = "demo/prefillPassword"
"""QSettings: false once the default demo password is known not to work any more."""


def demo_prefill_allowed(settings: Settings) -> bool:
    """Whether the default demo password still works, as far as this app has seen."""
    value = settings.store.value(DEMO_PREFILL_KEY)
    return value is None or str(value).lower() in ("true", "1")


def _set_demo_prefill(settings: Settings, allowed: bool) -> None:
    settings.store.setValue(DEMO_PREFILL_KEY, allowed)


def demo_password_changed(settings: Settings, login: str) -> None:
    """`login` changed its password: if it is the demo user, stop offering the default one."""
    if login == DEMO_CREDENTIALS[0]:
        _set_demo_prefill(settings, False)


class LoginWindow(QWidget):
    """Signs the user in.

    Signals:
        signedIn: the session is open (after a forced password change, if one was due).
        signInFailed(str): an attempt failed; the message shown.
        closed: the user closed the window without signing in.
    """

    signedIn = Signal()
    signInFailed = Signal(str)
    closed = Signal()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        languages: LanguageManager,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.languages = languages
        self.demo = demo
        self.tasks = TaskTracker("login", owner=self)
        self._busy = False
        self._keyring_ok: bool | None = None
        self._first_show = True
        self._message_kind = ""
        self._message_args: tuple[object, ...] = ()
        self._starting = False
        self._stopped = False
        self._prefilled = False
        """The password field holds the default demo password this window put there."""
        # The keyring is slow to load; look at it once the window is on screen.
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._start_prepare)

        self.ui = Ui_LoginForm()
        self.ui.setupUi(self)
        zoom_form(self)  # the form's minimum and maximum sizes grow with the text size
        self.setObjectName("loginWindow")
        self.ui.card.setObjectName("loginCard")
        icon_pixmap(self.ui.logoLabel, image("logo"), 56)  # sharp at every text size
        icon_pixmap(self.ui.languageIcon, icon("globe"), 16)
        self.password_toggle = PasswordToggle(self.ui.passwordEdit)
        # Caps Lock and a Cyrillic layout are the commonest causes of a wrong password.
        self.keyboard_warning = KeyboardWarning(self.ui.passwordEdit)
        self.second_factor = SecondFactorPage(session, parent=self.ui.loginPages)
        self.forgot_password = ForgotPasswordPage(session, parent=self.ui.loginPages)
        for page in (self.second_factor, self.forgot_password):
            self.ui.loginPages.addWidget(page)
            page.busyChanged.connect(self._page_busy)
            page.backRequested.connect(self.back_to_sign_in)
        self.second_factor.accountLocked.connect(self.back_to_sign_in)
        self.second_factor.confirmed.connect(self._second_factor_confirmed)
        self.forgot_password.finished.connect(self._password_reset)
        self._size_before_grow: QSize | None = None
        """The window's size on the sign-in page, while another page (which may have grown it)
        is on show: back on sign-in the window returns to it."""
        self._show_page(self.ui.signInPage)
        self._password = ""
        """The password of the sign-in waiting for its second factor (an expired one must
        be changed next); only in memory, and only until then."""
        self.demo_notice: QWidget | None = None
        self.demo_tasks = TaskTracker("login-demo-sms", owner=self)
        session.smsSent.connect(self._sms_sent)
        # A refusal appears under the fields without focus: a screen reader is told of it.
        self.live_region = LiveRegion(self)
        self.errors_said = ErrorAnnouncer(self, [self.ui.messageLabel])
        self.ui.demoBadge.setVisible(demo)
        self.ui.keyringNote.hide()
        self.ui.messageLabel.hide()
        self.ui.retryButton.hide()
        self.ui.busyBar.hide()
        self.ui.busyBar.setFixedHeight(3)
        for code in LANGUAGES:
            self.ui.languageCombo.addItem(LANGUAGE_NAMES[code], code)
        self._sync_language_combo()
        self.ui.rememberCheck.setChecked(settings.remember_me)
        if demo:
            self.ui.loginEdit.setText(DEMO_CREDENTIALS[0])
            self._sync_demo_password()

        self.ui.signInButton.clicked.connect(self.submit)
        self.ui.forgotButton.clicked.connect(self.open_forgot_password)
        self.ui.retryButton.clicked.connect(self.submit)
        self.ui.loginEdit.returnPressed.connect(self._login_entered)
        self.ui.loginEdit.textEdited.connect(self._sync_demo_password)
        self.ui.passwordEdit.textEdited.connect(self._password_typed)
        self.ui.passwordEdit.returnPressed.connect(self.submit)
        self.ui.languageCombo.activated.connect(self._language_chosen)
        languages.languageChanged.connect(self._sync_language_combo)
        self._retranslate()

    # --- public ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def message(self) -> str:
        return self.ui.messageLabel.text() if self.ui.messageLabel.isVisible() else ""

    def page(self) -> QWidget:
        """The page on show: `ui.signInPage`, `second_factor` or `forgot_password`."""
        return self.ui.loginPages.currentWidget()

    def reset(self, message: str = "") -> None:
        """Back to an empty password after a log-out; the login stays."""
        self._show_page(self.ui.signInPage)
        self._password = ""
        self.ui.passwordEdit.clear()
        self._prefilled = False
        self.password_toggle.set_shown(False)
        self._show_message("", ())
        if message:
            self._show_message("text", (message,))
        self.set_busy(False)
        self._sync_demo_password()

    def set_starting(self, starting: bool, failure: str = "") -> None:
        """While the demo server starts, sign-in waits; a failure is shown instead."""
        self._starting = starting
        self.set_busy(starting)
        if starting:
            self._show_message("starting", ())
        elif failure:
            self._show_message("demo_failed", (failure,))
            self.ui.signInButton.setEnabled(False)
        else:
            self._show_message("", ())

    def submit(self) -> None:
        if self._busy or self._starting or not self.session.server_url:
            return
        if any(t.get_name() == "sign-in" for t in self.tasks.pending):
            return
        self.tasks.spawn(self.sign_in(), name="sign-in")

    def open_forgot_password(self) -> None:
        """ "Forgot password?": the reset's first step, with the login typed so far."""
        if self._busy or self._starting or not self.session.server_url:
            return
        self.session.keep_session = self.ui.rememberCheck.isChecked() and bool(self._keyring_ok)
        self._show_message("", ())
        self._show_page(self.forgot_password)
        self.forgot_password.start(self.ui.loginEdit.text().strip())

    def back_to_sign_in(self, message: str = "") -> None:
        """The sign-in page again (the user went back, or the attempt is over: `message`)."""
        self._password = ""
        self._close_demo_notice()
        self._show_page(self.ui.signInPage)
        if message:
            self._show_message("text", (message,))
            self.signInFailed.emit(message)
        else:
            self._show_message("", ())
        self.ui.passwordEdit.setFocus()
        self.ui.passwordEdit.selectAll()

    # --- the work --------------------------------------------------------------------------

    async def sign_in(self) -> bool:
        """Sign in with what is typed; True once the session is open."""
        login = self.ui.loginEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not login:
            self._show_message("empty_login", ())
            self.ui.loginEdit.setFocus()
            return False
        if not password:
            self._show_message("empty_password", ())
            self.ui.passwordEdit.setFocus()
            return False
        self.set_busy(True)
        self._show_message("", ())
        if self._keyring_ok is None:  # signed in before prepare() looked at the keyring
            self._keyring_ok = await self.session.credentials.available_async()
        remember = self.ui.rememberCheck.isChecked() and self._keyring_ok
        self.session.keep_session = remember
        from cesec_desktop.state.errors import CabinetError, InvalidCredentials

        # No `finally` resets the widgets: a cancel means the window is closing or already
        # destroyed (TaskTracker's owner guard), and a destroyed window has none to reset.
        try:
            outcome = await self.session.login(login, password)
            self._learn_demo_password(login, password, works=True)
            if outcome is LoginOutcome.SECOND_FACTOR_REQUIRED:
                self._ask_second_factor(password)
                return False
            if outcome is LoginOutcome.PASSWORD_CHANGE_REQUIRED:
                if not await self._change_expired_password(password):
                    self.set_busy(False)
                    return False
                demo_password_changed(self.settings, login)
        except CabinetError as error:
            if isinstance(error, InvalidCredentials):
                self._learn_demo_password(login, password, works=False)
            elif self.session.client.is_authenticated:
                # The password was right but the profile did not come (an HTML 500 on /me):
                # end that half-open session rather than leave it live at the server.
                await self.session.logout()
            self.set_busy(False)
            self._show_error(error)
            self.ui.passwordEdit.setFocus()
            self.ui.passwordEdit.selectAll()
            return False
        except Exception:
            self.set_busy(False)
            raise
        self.set_busy(False)
        await self._remember(login)
        self.signedIn.emit()
        return True

    def _ask_second_factor(self, password: str = "") -> None:
        """The password was right: "Confirm it's you" with the session's challenge."""
        challenge = self.session.challenge
        assert challenge is not None
        self._password = password
        self.set_busy(False)
        self._show_message("", ())
        self._show_page(self.second_factor)
        # A reset's challenge may remember this computer too: the factor still was given.
        self.second_factor.start(challenge)

    def _second_factor_confirmed(self, outcome: object) -> None:
        self.tasks.spawn(self._finish(outcome), name="sign-in-finish")

    def _password_reset(self, outcome: object) -> None:
        demo_password_changed(self.settings, self.session.login_name)
        if outcome is LoginOutcome.SECOND_FACTOR_REQUIRED:
            self._ask_second_factor()
            return
        self.tasks.spawn(self._finish(outcome), name="sign-in-finish")

    async def _finish(self, outcome: object) -> bool:
        """After a second factor or a reset: the password change if due, then signed in."""
        from cesec_desktop.state.errors import CabinetError

        password, self._password = self._password, ""
        self._close_demo_notice()
        self._show_page(self.ui.signInPage)
        self.set_busy(True)
        try:
            if outcome is LoginOutcome.PASSWORD_CHANGE_REQUIRED:
                if not await self._change_expired_password(password):
                    self.set_busy(False)
                    return False
                demo_password_changed(self.settings, self.session.login_name)
        except CabinetError as error:
            self.set_busy(False)
            self._show_error(error)
            return False
        except Exception:
            self.set_busy(False)
            raise
        self.set_busy(False)
        self.ui.passwordEdit.clear()
        await self._remember(self.session.login_name)
        self.signedIn.emit()
        return True

    def _learn_demo_password(self, login: str, password: str, *, works: bool) -> None:
        """What a sign-in as the demo user says about its default password.

        Only a verdict on that password counts: signing in with another one proves the
        default is no longer the password; a wrong-password answer to the default proves it
        too. Signing in with the default again (the mock was reset) brings the prefill back.
        """
        if not self.demo or login != DEMO_CREDENTIALS[0]:
            return
        if password == DEMO_CREDENTIALS[1]:
            _set_demo_prefill(self.settings, works)
        elif works:
            _set_demo_prefill(self.settings, False)

    def _sync_demo_password(self, *_: object) -> None:
        """Offer the default password for the default user only, and only while it works."""
        if not self.demo:
            return
        edit = self.ui.passwordEdit
        offer = self.ui.loginEdit.text().strip() == DEMO_CREDENTIALS[0] and demo_prefill_allowed(
            self.settings
        )
        if offer and not edit.text():
            edit.setText(DEMO_CREDENTIALS[1])
            self._prefilled = True
        elif not offer and self._prefilled:
            # Typed another login (or the default stopped working): no stale password.
            edit.clear()
            self._prefilled = False

    def _password_typed(self, *_: object) -> None:
        self._prefilled = False

    async def _change_expired_password(self, old_password: str) -> bool:
        from cesec_desktop.views.change_password import ChangePasswordDialog
        from cesec_desktop.views.dialogs import run_dialog

        reason = self.session.password_change_reason
        dialog = ChangePasswordDialog(
            self.session.finish_password_change,
            forced=True,
            reason=reason,
            old_password=old_password,
            parent=self,
        )
        self.change_password_dialog = dialog
        try:
            accepted = await run_dialog(dialog) == ChangePasswordDialog.DialogCode.Accepted
        finally:
            self.change_password_dialog = None
            if isValid(dialog):
                dialog.deleteLater()
        if not accepted:
            await self.session.logout()
            self._show_message("initial_required" if reason == "initial" else "change_required", ())
            return False
        self.ui.passwordEdit.clear()
        return True

    async def _remember(self, login: str) -> None:
        remember = self.ui.rememberCheck.isChecked()
        self.settings.remember_me = remember
        if not self._keyring_ok:
            return
        store = self.session.credentials
        if remember:
            await store.run("remember_login", login)
        else:
            await store.run("forget_login")

    async def prepare(self) -> None:
        """After the first paint: check the keyring, fill in the remembered login, and resume
        the last session if the user asked to be remembered."""
        store = self.session.credentials
        self._keyring_ok = await store.available_async()
        self.ui.keyringNote.setVisible(not self._keyring_ok)
        self.ui.rememberCheck.setEnabled(self._keyring_ok)
        if not self._keyring_ok:
            self.ui.rememberCheck.setChecked(False)
            return
        if self.demo or not self.settings.remember_me:
            return
        login = await store.run("remembered_login")
        if not login or self._busy or self.ui.loginEdit.text():
            return
        self.ui.loginEdit.setText(login)
        self.ui.rememberCheck.setChecked(True)
        self.ui.passwordEdit.setFocus()
        self.set_busy(True)
        try:
            resumed = await self.session.restore(login)
        except Exception:
            self.set_busy(False)
            raise
        # Not on a cancel: the window is closing or gone (see sign_in).
        self.set_busy(False)
        if resumed:
            self.signedIn.emit()

    # --- presentation ----------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.ui.loginEdit,
            self.ui.passwordEdit,
            self.ui.signInButton,
            self.ui.retryButton,
            self.ui.languageCombo,
        ):
            widget.setEnabled(not busy)
        self.ui.rememberCheck.setEnabled(not busy and self._keyring_ok is not False)
        self.ui.busyBar.setVisible(busy)
        if self._starting:
            self.ui.signInButton.setText(self.tr("Starting…"))
        else:
            self.ui.signInButton.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _show_error(self, error: Exception) -> None:
        from cesec_desktop.views.messages import is_retryable

        log.info("sign-in failed: %s", getattr(error, "code", type(error).__name__))
        self._show_message("error", (error,), retry=is_retryable(error))
        self.signInFailed.emit(self.ui.messageLabel.text())

    def _show_message(self, kind: str, args: tuple[object, ...], retry: bool = False) -> None:
        self._message_kind = kind
        self._message_args = args
        self.ui.retryButton.setVisible(retry)
        self._render_message()

    def _render_message(self) -> None:
        kind, args = self._message_kind, self._message_args
        text = ""
        if kind == "error":
            from cesec_desktop.views.messages import describe

            text = describe(args[0])  # type: ignore[arg-type]
        elif kind == "empty_login":
            text = self.tr("Enter your login.")
        elif kind == "empty_password":
            text = self.tr("Enter your password.")
        elif kind == "change_required":
            text = self.tr("The password has expired: change it to sign in.")
        elif kind == "initial_required":
            text = self.tr("Choose your own password to sign in: your broker issued this one.")
        elif kind == "starting":
            text = self.tr("Starting the demo server on this computer…")
        elif kind == "demo_failed":
            text = self.tr("The demo server did not start: %1").replace("%1", str(args[0]))
        elif kind == "text":
            text = str(args[0])
        label = self.ui.messageLabel
        role = "note" if kind == "starting" else "error"
        if label.property("role") != role:
            label.setProperty("role", role)
            label.style().unpolish(label)
            label.style().polish(label)
        label.setText(text)
        label.setVisible(bool(text))
        self.errors_said.check()

    def _retranslate(self) -> None:
        self.password_toggle.retranslate()
        self.keyboard_warning.retranslate()
        self.ui.languageCombo.setAccessibleName(self.ui.languageCombo.toolTip())
        self.ui.loginEdit.setPlaceholderText(self.tr("Your login"))
        self.ui.passwordEdit.setPlaceholderText(self.tr("Your password"))
        if self.demo:
            self.ui.serverLabel.setText(self.tr("Demo server on this computer"))
        else:
            host = urlsplit(self.session.server_url).hostname or self.session.server_url
            self.ui.serverLabel.setText(self.tr("Server: %1").replace("%1", host))
        self.set_busy(self._busy)
        self._render_message()

    def _sync_language_combo(self, *_: object) -> None:
        index = self.ui.languageCombo.findData(self.languages.language)
        if index >= 0:
            self.ui.languageCombo.setCurrentIndex(index)

    def _language_chosen(self, index: int) -> None:
        code = self.ui.languageCombo.itemData(index)
        if code and code != self.languages.language:
            self.settings.language = code
            self.languages.set_language(code)

    def _login_entered(self) -> None:
        if self.ui.passwordEdit.text():
            self.submit()
        else:
            self.ui.passwordEdit.setFocus()

    def _show_page(self, page: QWidget) -> None:
        """Show `page`; the stack takes the height of the page on show, not of the tallest."""
        pages = self.ui.loginPages
        # A taller page makes the window as tall as it wants, not just as it must be; back on
        # sign-in the window returns to the size it had there, not a card with a gap. (Read
        # the size first: the layout grows the window to a taller page's minimum at once.)
        if pages.currentWidget() is self.ui.signInPage and self._size_before_grow is None:
            self._size_before_grow = self.size()
        for index in range(pages.count()):
            widget = pages.widget(index)
            vertical = (
                QSizePolicy.Policy.Preferred if widget is page else QSizePolicy.Policy.Ignored
            )
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
            widget.updateGeometry()
        pages.setCurrentWidget(page)
        pages.updateGeometry()
        layout = self.layout()
        restore = None
        if page is self.ui.signInPage:
            restore, self._size_before_grow = self._size_before_grow, None
        if layout is not None and self.isVisible():
            layout.activate()
            self.resize((restore or self.size()).expandedTo(self.sizeHint()))
        elif restore is not None:
            self.resize(restore)  # hidden (signed in, then out): it reopens at its own size

    def _page_busy(self, busy: bool) -> None:
        self.ui.languageCombo.setEnabled(not busy and not self._busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    # --- the demo's phone ------------------------------------------------------------------

    def _sms_sent(self, challenge_id: str) -> None:
        """A sign-in or reset code went out: in demo mode, show it as the phone would."""
        if not self.isVisible():
            return  # the lock dialog's code: it shows its own
        inbox = DemoSmsInbox.for_server(self.session.server_url, parent=self)
        if inbox is None:
            return
        page = self.page()
        phone = ""
        if self.session.challenge is not None:
            phone = self.session.challenge.masked_phone
        elif self.session.reset_challenge is not None:
            phone = self.session.reset_challenge.masked_phone
        self.demo_tasks.spawn(self._show_demo_sms(inbox, challenge_id, phone, page), name="sms")

    async def _show_demo_sms(
        self, inbox: DemoSmsInbox, challenge_id: str, phone: str, page: QWidget
    ) -> None:
        from cesec_desktop.views.widgets.demo_sms_notice import show_demo_sms

        try:
            sms = await inbox.deliver_code(challenge_id, phone)
        finally:
            inbox.deleteLater()
        if sms is None or self.page() is not page or not self.isVisible():
            return
        self._close_demo_notice()
        notice = show_demo_sms(sms, self)
        notice.codeChosen.connect(self._fill_demo_code)
        self.demo_notice = notice

    def demo_sms(self) -> DemoSms | None:
        """The demo SMS on show (tests), or None."""
        notice = self.demo_notice
        return getattr(notice, "sms", None) if notice is not None and notice.isVisible() else None

    def _fill_demo_code(self, code: str) -> None:
        page = self.page()
        if page is self.second_factor:
            self.second_factor.fill_code(code)
        elif page is self.forgot_password:
            self.forgot_password.fill_code(code)

    def _close_demo_notice(self) -> None:
        notice, self.demo_notice = self.demo_notice, None
        if notice is not None and isValid(notice):
            notice.close()
            notice.deleteLater()

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            target = self.ui.passwordEdit if self.ui.loginEdit.text() else self.ui.loginEdit
            target.setFocus()
            self._prepare_timer.start(0)

    def _start_prepare(self) -> None:
        if self._stopped:
            return
        # The window paints before asyncio is even imported (app.py): look again shortly.
        asyncio = sys.modules.get("asyncio")
        try:
            running = asyncio is not None and asyncio.get_running_loop() is not None
        except RuntimeError:
            running = False
        if not running:
            self._prepare_timer.start(20)
            return
        self.tasks.spawn(self.prepare(), name="login-prepare")

    async def stop(self) -> None:
        """Cancel what the window is doing (the app is closing)."""
        self._stopped = True
        self._prepare_timer.stop()
        self._close_demo_notice()
        await self.demo_tasks.cancel_all()
        await self.second_factor.tasks.cancel_all()
        await self.forgot_password.tasks.cancel_all()
        await self.tasks.cancel_all()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stopped = True
        self._prepare_timer.stop()
        self._close_demo_notice()
        for tracker in (
            self.tasks,
            self.demo_tasks,
            self.second_factor.tasks,
            self.forgot_password.tasks,
        ):
            for task in tracker.pending:
                task.cancel()
        self.closed.emit()
        super().closeEvent(event)
