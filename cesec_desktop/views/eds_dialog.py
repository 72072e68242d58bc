"""Sign with EDS: NCALayer's states as the user sees them, then the signed document is sent.

The same window signs an order and a withdrawal (`SignTarget.document_kind`)."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget

from cesec_desktop.domain.models.signing import EdsSignature
from cesec_desktop.state import formatting
from cesec_desktop.state.signing import (
    DEMO,
    PRODUCTION,
    EdsSigner,
    NcaLayerCancelled,
    NcaLayerError,
    NcaLayerNotRunning,
    NcaState,
    OutcomeUnknown,
    SignTarget,
)
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.dialogs import grow_to_fit
from cesec_desktop.views.forms.ui_eds_dialog import Ui_EdsForm
from cesec_desktop.views.resources import icon

log = logging.getLogger(__name__)

NCALAYER_DOWNLOAD = "https://pki.gov.kz/ncalayer/"
VERIFICATION_CODES = frozenset(
    {
        "signature_invalid",
        "certificate_untrusted",
        "signer_mismatch",
        "document_mismatch",
        "timestamp_invalid",
    }
)
ERROR_RED = "#c62828"


class EdsDialog(QDialog):
    """Has NCALayer sign the ticket's document, then sends it with that signature.

    It waits for the user as long as they need; Cancel stops waiting (NCALayer drops its
    dialog). Accepted once the order is placed or the withdrawal made (`result`); rejected
    on Cancel (here or in NCALayer: `cancelled_in_ncalayer`) or when it cannot go for a
    reason that is not the signature (`failure`, for the form to show).
    """

    CONNECTING = "connecting"
    WAITING = "waiting"
    SENDING = "sending"
    NOT_RUNNING = "not_running"
    FAILED = "failed"
    REJECTED = "rejected"
    NO_ANSWER = "no_answer"
    WRONG_KEY = "wrong_key"
    """The certificate names another person: nothing was sent."""
    STOPPED = frozenset({NOT_RUNNING, FAILED, REJECTED, NO_ANSWER, WRONG_KEY})
    """States that wait for the user: shown in red, and Retry goes on."""

    def __init__(
        self, ticket: SignTarget, ncalayer_url: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ticket = ticket
        self.withdrawal = ticket.document_kind == "withdrawal"
        self.contact_change = ticket.document_kind == "contact_change"
        # No parent: closing its socket outlives this dialog (see done()).
        demo = getattr(ticket, "signing_profile", "production") == "demo"
        self.signer = EdsSigner(ncalayer_url, profile=DEMO if demo else PRODUCTION)
        self.tasks = TaskTracker("eds-dialog", owner=self)
        self.result: object | None = None
        self.failure: Exception | None = None
        self.cancelled_in_ncalayer = False
        self.cms: str | None = None
        """The signature, kept until the broker answers: a retry after a lost answer sends
        it again instead of asking the user to sign again."""
        self.state = self.CONNECTING
        self._error: Exception | None = None
        self.ui = Ui_EdsForm()
        self.ui.setupUi(self)
        self.setObjectName("edsDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.ui.busyBar.setFixedSize(80, 3)
        self.ui.errorLabel.hide()
        self.ui.retryButton.clicked.connect(self.retry)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.signer.stateChanged.connect(self._signer_state)
        self._retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(460, 0)))
        self.tasks.spawn(self.run(), name="eds-sign")

    @property
    def busy(self) -> bool:
        return self.state == self.SENDING

    def state_text(self) -> str:
        return self.ui.stateLabel.text()

    def hint_text(self) -> str:
        return self.ui.hintLabel.text()

    def error(self) -> str:
        label = self.ui.errorLabel
        return label.text() if not label.isHidden() else ""

    # --- the flow --------------------------------------------------------------------------

    async def run(self) -> object | None:
        """Sign (unless a signature is kept), then confirm; the order or instruction, or None."""
        from cesec_desktop.state.errors import (
            CabinetError,
            NetworkUnreachable,
            ServerError,
            ValidationFailed,
        )

        self._error = None
        draft = self.ticket.draft
        if draft is None:
            self.failure = RuntimeError("no draft to sign")
            self.reject()
            return None
        if self.cms is None:
            self._show(self.CONNECTING)
            try:
                self.cms = await self.signer.sign(draft.document.text)
            except NcaLayerNotRunning:
                self._show(self.NOT_RUNNING)
                return None
            except NcaLayerCancelled:
                self.cancelled_in_ncalayer = True
                self.reject()
                return None
            except NcaLayerError as error:
                self._error = error
                self._show(self.FAILED)
                return None
            if not self._signer_is_the_client():
                self.cms = None
                self._show(self.WRONG_KEY)
                return None
        self._show(self.SENDING)
        failure: Exception | None = None
        result: object | None = None
        try:
            result = await self.ticket.confirm(EdsSignature(method="eds", cms=self.cms))
        except ValidationFailed as error:
            if error.code in VERIFICATION_CODES:
                # This signature will never do: the next try signs again.
                self.cms = None
                self._error = error
                self._show(self.REJECTED)
                return None
            failure = error
        except (OutcomeUnknown, NetworkUnreachable, ServerError) as error:
            self._error = error.cause if isinstance(error, OutcomeUnknown) else error
            self._show(self.NO_ANSWER)
            return None
        except CabinetError as error:
            failure = error
        if result is None:
            self.failure = failure
            self.state = self.FAILED
            self.reject()
            return None
        self.result = result
        self.accept()
        return result

    def _signer_is_the_client(self) -> bool:
        """Whether the signature's certificate names the client (refused here, before the
        round trip, when it names someone else)."""
        expected = getattr(self.ticket, "signer_iin", None)
        signer = self.signer.signed_by
        return expected is None or signer is None or signer.iin == expected

    def retry(self) -> None:
        if self.state in self.STOPPED:
            self.tasks.spawn(self.run(), name="eds-sign")

    def cancel(self) -> None:
        if self.signer.signing:
            # NCALayer closes its window; run() then ends the dialog as cancelled.
            self.signer.cancel()
            return
        self.reject()

    # --- presentation ----------------------------------------------------------------------

    def _signer_state(self, value: str) -> None:
        state = NcaState(value)
        if state is NcaState.CONNECTING:
            self._show(self.CONNECTING)
        elif state is NcaState.WAITING_FOR_USER:
            self._show(self.WAITING)

    def _show(self, state: str) -> None:
        self.state = state
        ui = self.ui
        working = state in (self.CONNECTING, self.WAITING, self.SENDING)
        ui.busyBar.setVisible(working)
        ui.retryButton.setVisible(not working)
        ui.retryButton.setDefault(not working)
        ui.cancelButton.setEnabled(True)  # a stalled server must never trap the user
        trouble = state in self.STOPPED
        ui.stateIcon.setPixmap(
            icon("key", color=ERROR_RED if trouble else None).pixmap(QSize(36, 36))
        )
        self._render_texts()
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))

    def _render_texts(self) -> None:
        ui, state = self.ui, self.state
        titles = {
            self.CONNECTING: self.tr("Connecting to NCALayer…"),
            self.WAITING: self.tr("Choose your key in NCALayer"),
            self.SENDING: self.tr("Sending the signed withdrawal…")
            if self.withdrawal
            else self.tr("Sending the signed instruction…")
            if self.contact_change
            else self.tr("Sending the signed order…"),
            self.NOT_RUNNING: self.tr("NCALayer is not running"),
            self.FAILED: self.tr("NCALayer could not sign"),
            self.REJECTED: self.tr("The broker did not accept the signature"),
            self.NO_ANSWER: self.tr("No answer from the broker"),
            self.WRONG_KEY: self.tr("This key is not yours"),
        }
        app = self.signer.app
        if state == self.WAITING and app.startswith("KAZTOKEN"):
            titles[state] = self.tr("Choose your key in KAZTOKEN desktop")
        ui.stateLabel.setText(titles.get(state, ""))
        hints = {
            self.CONNECTING: self.tr(
                "NCALayer signs with your EDS key on this computer. The withdrawal text you "
                "see in the form is what you sign."
            )
            if self.withdrawal
            else self.tr(
                "NCALayer signs with your EDS key on this computer. The document you see in "
                "the form is what you sign."
            )
            if self.contact_change
            else self.tr(
                "NCALayer signs with your EDS key on this computer. The order text you see in "
                "the form is what you sign."
            ),
            self.WAITING: self.tr(
                "KAZTOKEN desktop has opened its window: choose your signing key, type the "
                "PIN and confirm. Take your time: this window waits."
            )
            if app.startswith("KAZTOKEN")
            else self.tr(
                "NCALayer has opened its window: choose the key storage and your signing key, "
                "type the password and confirm. Take your time: this window waits."
            ),
            self.SENDING: self._signed_by_text(),
            self.WRONG_KEY: self.tr(
                "Nothing was sent. Press Retry and choose the EDS key issued to you."
            ),
            self.NOT_RUNNING: self.tr(
                "Start NCALayer (from the Start menu, the desktop or the tray) and press "
                "Retry. If it is not installed, download it from %1, install it, start it "
                "and press Retry."
            ).replace(
                "%1",
                f'<a href="{NCALAYER_DOWNLOAD}">pki.gov.kz</a>',
            ),
            self.FAILED: self.tr("Check the key storage and the key, then press Retry."),
            self.REJECTED: self.tr("Nothing was placed. Press Retry to sign again."),
            self.NO_ANSWER: self.tr(
                "The withdrawal may already be made. Retry sends the same signed withdrawal "
                "again: the broker can never make it twice."
            )
            if self.withdrawal
            else self.tr(
                "The instruction may already be made. Retry sends the same signed instruction "
                "again: the broker can never make it twice."
            )
            if self.contact_change
            else self.tr(
                "The order may already be placed. Retry sends the same signed order again: "
                "the broker can never place it twice."
            ),
        }
        hint = hints.get(state, "")
        if state in (self.REJECTED, self.NO_ANSWER) and self.cms is not None:
            hint = f"{self._signed_by_text()}\n{hint}"
        if app and state in (self.WAITING, self.SENDING):
            # Which app holds NCALayer's port: NCALayer itself, or KAZTOKEN desktop.
            connected = self.tr("Connected to %1.").replace("%1", app)
            hint = f"{hint}\n{connected}".strip()
        if state != self.NOT_RUNNING:
            hint = html.escape(hint).replace("\n", "<br>")
        ui.hintLabel.setText(hint)
        ui.hintLabel.setVisible(bool(hint))
        error = self._error_text()
        ui.errorLabel.setText(error)
        ui.errorLabel.setVisible(bool(error))

    def _signed_by_text(self) -> str:
        """ "Signed by <CN>, IIN <IIN>, certificate valid until <date>." for the signature."""
        signer = self.signer.signed_by
        if signer is None:
            return ""
        until = formatting.format_day(formatting.in_display_zone(signer.not_after).date())
        return (
            self.tr("Signed by %1, IIN %2, certificate valid until %3.")
            .replace("%1", signer.common_name or "?")
            .replace("%2", signer.iin or "—")
            .replace("%3", until)
        )

    def _error_text(self) -> str:
        from cesec_desktop.views.messages import describe

        if self.state == self.WRONG_KEY:
            signer = self.signer.signed_by
            return (
                self.tr(
                    "The chosen certificate belongs to %1 (IIN %2), not to the client of this "
                    "account. The broker would refuse it."
                )
                .replace("%1", signer.common_name if signer else "?")
                .replace("%2", (signer.iin if signer else None) or "—")
            )
        error = self._error
        if error is None:
            return ""
        if isinstance(error, NcaLayerError):
            texts = {
                "EMPTY_KEY_LIST": self.tr("No signing key was found in the chosen storage."),
                "connection_lost": self.tr("NCALayer closed the connection."),
                "no_greeting": self.tr("NCALayer did not answer."),
                "unreadable_answer": self.tr(
                    "NCALayer answered something that cannot be read. Restart NCALayer and "
                    "try again."
                ),
            }
            text = texts.get(error.code)
            if text:
                return text
            detail = error.message or error.code
            return self.tr("NCALayer said: %1").replace("%1", detail)
        code = getattr(error, "code", "")
        texts = {
            "signature_invalid": self.tr("The signature could not be verified."),
            "certificate_untrusted": self.tr(
                "The certificate is not trusted: it has expired, been revoked, or was not "
                "issued by the National Certification Centre."
            ),
            "signer_mismatch": self.tr(
                "The key belongs to someone else. Sign with your own EDS key."
            ),
            "timestamp_invalid": self.tr(
                "The signature's timestamp could not be verified: the signing time is not "
                "trustworthy."
            ),
            "document_mismatch": self.tr("The signed text differs from the withdrawal document.")
            if self.withdrawal
            else self.tr("The signed text differs from the document.")
            if self.contact_change
            else self.tr("The signed text differs from the order document."),
        }
        return texts.get(code) or describe(error)

    def _retranslate(self) -> None:
        self._show(self.state)

    # --- Qt events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.signer.signing:
            self.signer.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        unknown = getattr(self.ticket, "unknown", None) is not None
        if self.result is None and self.failure is None and unknown:
            # A confirm went out and no answer came (or the wait is cut short now): the form
            # shows "unknown, checking…" while the ticket finds out.
            self.failure = OutcomeUnknown(None)
        import asyncio

        current = asyncio.current_task()
        for task in self.tasks.pending:
            if task is not current:
                task.cancel()
        super().done(result)
        _closing.spawn(self.signer.close(), name="eds-signer-close")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.signer.signing:
            self.signer.cancel()  # run() closes the dialog once NCALayer lets go
            event.ignore()
            return
        super().closeEvent(event)


_closing = TaskTracker("eds-dialog-close")
