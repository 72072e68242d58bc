"""Which window is on screen: login, main window, the lock; and a clean shutdown.

asyncio is imported where it is used: the login window paints before it is loaded.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from cesec_desktop.settings import Settings
from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.idle import IdleWatcher
from cesec_desktop.state.session import Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.theme import ThemeManager
from cesec_desktop.views.login_window import LoginWindow

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.state.updates import UpdateCenter

log = logging.getLogger(__name__)


class Shell(QObject):
    """Runs the app's windows around one Session.

    Signals:
        finished: the user closed the app and everything is shut down.
    """

    finished = Signal()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        languages: LanguageManager,
        themes: ThemeManager,
        *,
        demo: bool = False,
        idle_seconds: float | None = None,
        updates: UpdateCenter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.languages = languages
        self.themes = themes
        self.demo = demo
        self.tasks = TaskTracker("shell")
        self.main_window = None  # a MainWindow once signed in
        self.lock_dialog = None  # a LockDialog while locked
        self._lock_task: asyncio.Task[bool] | None = None
        self._shutting_down = False
        self._shutdown_task: asyncio.Future[None] | None = None
        self.login_window = LoginWindow(session, settings, languages, demo=demo)
        self.login_window.signedIn.connect(self._signed_in)
        self.login_window.closed.connect(self._login_closed)
        from cesec_desktop.views.zoom_actions import ZoomActions

        # Larger text before signing in too (Ctrl+Plus, Ctrl+Minus, Ctrl+0).
        self.login_zoom = ZoomActions(self.login_window)
        seconds = idle_seconds if idle_seconds is not None else settings.idle_minutes * 60
        self.idle = IdleWatcher(seconds, self)
        self.idle.idle.connect(self._idle)
        session.reauthenticate = self._reauthenticate
        session.expired.connect(self._expired)
        self._updates: UpdateCenter | None = None
        if updates is not None:
            self._adopt(updates)

    @property
    def updates(self) -> UpdateCenter:
        """The updater; made on first use, after the login window has painted (its imports
        are not worth the wait). Not configured until app.py gives it a repository."""
        if self._updates is None:
            from cesec_desktop import __version__
            from cesec_desktop.state.updates import UpdateCenter

            self._adopt(UpdateCenter(self.settings, current_version=__version__))
        assert self._updates is not None
        return self._updates

    def _adopt(self, updates: UpdateCenter) -> None:
        updates.setParent(self)
        updates.channel = self._update_channel
        updates.quitRequested.connect(self._installer_started)
        self._updates = updates

    def _update_channel(self) -> str:
        """A broker may follow the beta channel; a client always gets the stable releases."""
        from cesec_desktop.state.client_scope import role_of

        return self.settings.update_channel if role_of(self.session) == "broker" else "stable"

    def _installer_started(self) -> None:
        log.info("the installer has the update; quitting for it")
        self.request_quit()

    def start(self) -> LoginWindow:
        self.login_window.show()
        return self.login_window

    # --- transitions -----------------------------------------------------------------------

    def _signed_in(self) -> None:
        from cesec_desktop.views.main_window import MainWindow

        if self.main_window is None:
            window = MainWindow(
                self.session,
                self.settings,
                self.languages,
                self.themes,
                demo=self.demo,
                updates=self.updates,
            )
            window.logoutRequested.connect(self.request_logout)
            window.signOutRequested.connect(
                lambda message: self.tasks.spawn(self.logout(message), name="logout")
            )
            window.closed.connect(self.request_quit)
            self.main_window = window
        self.main_window.show()
        self.login_window.hide()
        from cesec_desktop.views.password_expiry_notice import show_password_expiry_notice

        # Seven days or fewer before the password expires: say so, once a day.
        show_password_expiry_notice(self.main_window, self.session, self.settings)
        self.idle.start()
        self.updates.busy = self.main_window.update_busy_reason
        # In the background, at most once a day; a newer version waits for a quiet moment.
        self.updates.start()
        log.info("signed in")

    def request_logout(self) -> None:
        self.tasks.spawn(self.logout(), name="logout")

    async def logout(self, message: str = "") -> None:
        self.idle.stop()
        window, self.main_window = self.main_window, None
        # Held until someone signs in again: the notice lives in the main window.
        self.updates.busy = lambda: "signed out"
        self.updates.cancel()  # its notice goes with the window
        if window is not None:
            window.save_state()
            await window.tasks.cancel_all()
        await self.session.logout()
        self.login_window.reset(message)
        self.login_window.show()
        if window is not None:
            window.close_for_logout()
            window.deleteLater()
        log.info("logged out")

    # --- the lock --------------------------------------------------------------------------

    def _idle(self) -> None:
        if self.main_window is not None:
            self.tasks.spawn(self.lock(), name="idle-lock")

    def _expired(self) -> None:
        if self.main_window is not None:
            self.tasks.spawn(self.lock(expired=True), name="expired-lock")

    async def _reauthenticate(self) -> bool:
        return await self.lock(expired=True)

    async def lock(self, expired: bool = False) -> bool:
        """Ask for the password; True once unlocked, False if the user logged out instead.

        Calls that hit an expired session while a lock is already showing wait for it.
        """
        import asyncio

        if self._lock_task is None or self._lock_task.done():
            self._lock_task = asyncio.ensure_future(self._run_lock(expired))
        return await asyncio.shield(self._lock_task)

    async def _run_lock(self, expired: bool) -> bool:
        from cesec_desktop.views.dialogs import run_dialog
        from cesec_desktop.views.lock_dialog import LockDialog

        window = self.main_window
        if window is None:
            return False
        self.idle.stop()
        # An expired session interrupts someone at work: what they were filling in stays in
        # view. The idle lock stands in for someone away: nothing open may stay readable.
        window.set_locked(True, hide_windows=not expired)
        me = self.session.me
        dialog = LockDialog(
            self.session.unlock,
            mode=LockDialog.EXPIRED if expired else LockDialog.IDLE,
            user=me.full_name if me is not None else self.session.login_name,
            session=self.session,
            parent=window,
        )
        self.lock_dialog = dialog
        try:
            unlocked = await run_dialog(dialog) == LockDialog.DialogCode.Accepted
            locked_out = dialog.locked_out
        finally:
            self.lock_dialog = None
            if isValid(dialog):
                dialog.deleteLater()
        if unlocked:
            if self.main_window is window:
                window.set_locked(False)
            self.idle.start()
            return True
        # Logging out: what the lock hid stays hidden until the main window closes with it.
        if locked_out:
            log.warning("the account was locked from the lock dialog; logging out")
        await self.logout(locked_out)
        return False

    # --- shutdown --------------------------------------------------------------------------

    def _login_closed(self) -> None:
        if self.main_window is None:
            self.request_quit()

    def request_quit(self) -> None:
        if not self._shutting_down:
            import asyncio

            self._shutting_down = True
            self._shutdown_task = asyncio.ensure_future(self.shutdown())

    async def shutdown(self) -> None:
        """Cancel what runs, close the client and the stream, then say we are done."""
        import asyncio

        self._shutting_down = True
        self.idle.stop()
        lock, self._lock_task = self._lock_task, None
        if lock is not None and not lock.done():
            lock.cancel()
            await asyncio.wait([lock], timeout=5)
        await self.tasks.cancel_all()
        if self._updates is not None:
            await self._updates.shutdown()
        window = self.main_window
        if window is not None:
            await window.tasks.cancel_all()
        await self.login_window.stop()
        try:
            await self.session.close()
        except Exception:
            log.exception("closing the session failed")
        for top in (window, self.login_window):
            if top is not None and top.isVisible():
                top.hide()
        self.settings.sync()
        log.info("shut down")
        self.finished.emit()
