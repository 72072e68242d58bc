"""The withdrawal form: cash from a sub-account to the client's own bank account, signed.

Each field is checked as the user types (IIN checksum, IBAN mod 97, the bank named by the
IBAN's code, the cash available) and then by the broker, which writes the document the
client signs. The form keeps everything typed through a failed call, a cancelled signature
or a re-login; only its own Close drops it.
"""

from __future__ import annotations

import contextlib
import logging
from decimal import Decimal

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from cesec_desktop.domain.banks import bank_by_code
from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.domain.iban import mask_iban, normalize_iban
from cesec_desktop.domain.models.instructions import Instruction, InstructionDraft
from cesec_desktop.state.account_names import account_label
from cesec_desktop.state.draft_ticket import ALREADY_SENT
from cesec_desktop.state.formatting import format_money
from cesec_desktop.state.session import Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.state.withdrawal_ticket import WithdrawalTicket
from cesec_desktop.views.forms.ui_withdrawal_form import Ui_WithdrawalForm
from cesec_desktop.views.resources import icon
from cesec_desktop.views.signing_flow import SigningForm, sign_with
from cesec_desktop.views.widgets.decimal_field import DecimalField
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer
from cesec_desktop.views.zoom_sizes import grow_with_contents, zoom_form

log = logging.getLogger(__name__)

FIELDS = ("account_id", "currency", "amount", "recipient_iin", "iban", "bic", "purpose")
DRAFT_DELAY_MS = 450
"""A pause in typing after which the broker checks the withdrawal and writes its document."""
SUCCESS_GREEN = "#1f9d55"
IBAN_LENGTH = 20


class WithdrawalFormDialog(SigningForm):
    """Withdraw cash to the client's own bank account, signed by SMS or EDS.

    Signals:
        instructionMade(Instruction): the broker accepted the signed withdrawal.
    """

    instructionMade = Signal(object)
    fields = FIELDS

    def __init__(
        self,
        session: Session,
        *,
        account_id: str | None = None,
        currency: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ticket = WithdrawalTicket(session, self)
        self.tasks = TaskTracker("withdrawal-form", owner=self)
        self._touched: set[str] = set()
        self._show_all = False
        self._server_errors: dict[str, str] = {}
        self._failure: Exception | None = None
        self._sent_before: Instruction | None = None
        """The withdrawal a draft the server called already signed and sent had become."""
        self._note = ""
        self._busy = False
        self._checking = False
        self._wanted_currency = currency

        self.ui = Ui_WithdrawalForm()
        self.ui.setupUi(self)
        zoom_form(self)  # the form's minimum and maximum sizes grow with the text size
        self.setObjectName("withdrawalForm")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        ui = self.ui
        ui.busyBar.hide()
        ui.busyBar.setFixedSize(80, 3)
        ui.busyLabel.hide()
        ui.closeButton.hide()
        ui.formError.hide()
        ui.noteLabel.hide()
        ui.doneIcon.setPixmap(icon("check", color=SUCCESS_GREEN).pixmap(QSize(48, 48)))
        ui.allButton.setFlat(True)
        ui.allButton.setCursor(Qt.CursorShape.PointingHandCursor)
        # Digits only for the IIN; letters, digits and spaces for the IBAN (pasted with spaces).
        ui.iinEdit.setValidator(QRegularExpressionValidator(r"[0-9 ]{0,14}", ui.iinEdit))
        ui.ibanEdit.setValidator(QRegularExpressionValidator(r"[A-Za-z0-9 ]{0,42}", ui.ibanEdit))
        ui.ibanEdit.setMaxLength(42)
        self.amount = DecimalField(ui.amountEdit, places=2, max_places=2)

        self.error_labels: dict[str, QLabel] = {
            "account_id": ui.accountError,
            "currency": ui.currencyError,
            "amount": ui.amountError,
            "recipient_iin": ui.iinError,
            "iban": ui.ibanError,
            "bic": ui.bankError,
            "purpose": ui.purposeError,
        }
        for label in self.error_labels.values():
            label.hide()
        # Errors appear under the fields without focus: a screen reader is told of each.
        self.errors_said = ErrorAnnouncer(self, [*self.error_labels.values(), ui.formError])

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._draft_now)

        for account in session.accounts:
            ui.accountCombo.addItem(account_label(account), account.id)
        ui.iinEdit.setText(self.ticket.recipient_iin)

        ui.accountCombo.currentIndexChanged.connect(self._account_changed)
        ui.currencyCombo.activated.connect(self._currency_chosen)
        self.amount.edited.connect(self._amount_edited)
        self.amount.refused.connect(self._render)
        ui.allButton.clicked.connect(self.fill_all)
        ui.iinEdit.textEdited.connect(self._iin_edited)
        ui.iinEdit.editingFinished.connect(lambda: self._leave("recipient_iin"))
        ui.ibanEdit.textEdited.connect(self._iban_edited)
        ui.ibanEdit.editingFinished.connect(self._iban_finished)
        ui.bankCombo.activated.connect(self._bank_chosen)
        ui.purposeEdit.textEdited.connect(self._purpose_edited)
        ui.purposeEdit.editingFinished.connect(lambda: self._leave("purpose"))
        ui.smsButton.clicked.connect(lambda: self.start_signing("sms"))
        ui.edsButton.clicked.connect(lambda: self.start_signing("eds"))
        ui.cancelButton.clicked.connect(self.reject)
        ui.closeButton.clicked.connect(self.accept)
        self.ticket.fundsChanged.connect(self._funds_changed)
        self.ticket.banksChanged.connect(self._fill_banks)
        self.ticket.draftChanged.connect(self._draft_changed)
        self.ticket.instructionMade.connect(self.instructionMade)
        self.ticket.alreadySent.connect(self._already_sent)
        session.instructionUpdated.connect(self._instruction_updated)

        index = ui.accountCombo.findData(account_id) if account_id else 0
        ui.accountCombo.setCurrentIndex(max(index, 0) if ui.accountCombo.count() else -1)
        self._account_changed(ui.accountCombo.currentIndex())
        self._retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(960, 600)))
        grow_with_contents(self)  # a hint wrapping at 200 % text squeezed the purpose
        self.tasks.spawn(self._load_banks(), name="withdrawal-banks")
        ui.amountEdit.setFocus()

    # --- state for tests and callers ---------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def made(self) -> Instruction | None:
        return self.ticket.instruction

    def field_error(self, field: str) -> str:
        label = self.error_labels[field]
        return label.text() if not label.isHidden() else ""

    def form_error(self) -> str:
        return self.ui.formError.text() if not self.ui.formError.isHidden() else ""

    def note(self) -> str:
        return self.ui.noteLabel.text() if not self.ui.noteLabel.isHidden() else ""

    def document_text(self) -> str:
        return self.ui.documentText.toPlainText()

    # --- field events ------------------------------------------------------------------------

    def _account_changed(self, index: int) -> None:
        account_id = self.ui.accountCombo.itemData(index) if index >= 0 else None
        self.ticket.set_account(account_id)
        self._fill_currencies()
        self._changed("account_id")

    def _currency_chosen(self, index: int) -> None:
        self.ticket.set_currency(self.ui.currencyCombo.itemData(index))
        self._wanted_currency = None
        self._changed("currency")

    def _amount_edited(self, value: Decimal | None) -> None:
        self.ticket.set_amount(value)
        self._touched.add("amount")  # "more than available" is worth knowing while typing
        self._changed("amount")

    def fill_all(self) -> None:
        available = self.ticket.available()
        if available is None or available <= 0:
            return
        self.amount.set_value(available)
        self.ticket.set_amount(available)
        self._touched.add("amount")
        self._changed("amount")

    def _iin_edited(self, text: str) -> None:
        self.ticket.set_recipient_iin(text.replace(" ", ""))
        if len(self.ticket.recipient_iin) >= 12:
            self._touched.add("recipient_iin")  # the checksum is checked as soon as it is whole
        self._changed("recipient_iin")

    def _iban_edited(self, text: str) -> None:
        moved = self.ticket.set_iban(text)
        if len(normalize_iban(text)) >= IBAN_LENGTH:
            self._touched.add("iban")
        if moved:
            self._select_bank(self.ticket.bic)
            self._touched.add("bic")
        self._changed("iban")

    def _iban_finished(self) -> None:
        # Show it the way statements print it, in groups of four.
        iban = self.ticket.iban
        grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        if grouped and self.ui.ibanEdit.text() != grouped:
            self.ui.ibanEdit.setText(grouped)
        self._leave("iban")

    def _bank_chosen(self, index: int) -> None:
        self.ticket.set_bic(self.ui.bankCombo.itemData(index) or "")
        self._touched.add("bic")
        self._changed("bic")

    def _purpose_edited(self, text: str) -> None:
        self.ticket.set_purpose(text)
        self._changed("purpose")

    def _leave(self, field: str) -> None:
        if field in ("recipient_iin", "iban", "purpose") and self._field_value(field):
            self._touched.add(field)
        self._render()

    def _field_value(self, field: str) -> str:
        ticket = self.ticket
        return {
            "recipient_iin": ticket.recipient_iin,
            "iban": ticket.iban,
            "purpose": ticket.purpose,
        }.get(field, "")

    def _changed(self, field: str) -> None:
        self._server_errors.pop(field, None)
        if field == "iban":
            self._server_errors.pop("bic", None)
        self._failure = None
        self._note = ""
        self._render()
        self._schedule_draft()

    # --- ticket events -----------------------------------------------------------------------

    def _funds_changed(self) -> None:
        self._fill_currencies()
        self._render()
        self._schedule_draft()

    def _fill_currencies(self) -> None:
        combo = self.ui.currencyCombo
        currencies = self.ticket.currencies()
        wanted = self._wanted_currency
        if wanted and any(c.value == wanted for c in currencies):
            self.ticket.currency = next(c for c in currencies if c.value == wanted)
        combo.blockSignals(True)
        combo.clear()
        for currency in currencies:
            combo.addItem(currency.value, currency.value)
        current = self.ticket.currency.value if self.ticket.currency else None
        index = combo.findData(current) if current else -1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _fill_banks(self) -> None:
        combo = self.ui.bankCombo
        combo.blockSignals(True)
        combo.clear()
        for bank in self.ticket.banks:
            combo.addItem(f"{bank.name} · {bank.bic}", bank.bic)
        combo.setCurrentIndex(combo.findData(self.ticket.bic) if self.ticket.bic else -1)
        combo.blockSignals(False)
        self._render()

    def _select_bank(self, bic: str) -> None:
        combo = self.ui.bankCombo
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(bic) if bic else -1)
        combo.blockSignals(False)

    async def _load_banks(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            await self.ticket.load_banks()
        except CabinetError as error:
            log.info("the list of banks did not load (%s)", error.code)
            self._failure = error
            self._render()

    def _draft_changed(self, _draft: InstructionDraft | None) -> None:
        self._render_document()

    def _already_sent(self, instruction: Instruction) -> None:
        """The withdrawal the broker called already signed and sent is found: name it."""
        self._sent_before = instruction
        if self.outcome == "checking":
            self.outcome = ""  # found out: no longer unknown
            self._render_outcome()
        self._render()

    def _instruction_updated(self, instruction: object) -> None:
        made = self.ticket.instruction
        if (
            isinstance(instruction, Instruction)
            and made is not None
            and instruction.id == made.id
            and instruction.updated_at >= made.updated_at
        ):
            self.ticket.instruction = instruction
            self._render_done()

    # --- the broker's check ------------------------------------------------------------------

    def _schedule_draft(self) -> None:
        self._draft_timer.stop()
        if self._busy or self.amount.error:
            return
        if self.ticket.request() is None or self.ticket.errors():
            return
        if not self.ticket.draft_is_current:
            self._draft_timer.start()

    def _draft_now(self) -> None:
        if not self._busy and self.ui.stack.currentWidget() is self.ui.formPage:
            self.tasks.spawn(self._check_with_broker(), name="withdrawal-draft")

    async def _check_with_broker(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        if self.ticket.request() is None or self.ticket.errors() or self.amount.error:
            return
        self._checking = True
        self._render_document()
        try:
            await self.ticket.make_draft()
        except CabinetError as error:
            # Quietly: the user is still typing. Signing shows whatever is still wrong.
            if error.fields:
                self._server_errors = dict(error.fields)
                self._touched.update(f for f in error.fields if f in FIELDS)
            log.info("withdrawal draft refused (%s)", error.code)
        finally:
            self._checking = False
            self._render_document()
            self._render()

    # --- signing -----------------------------------------------------------------------------

    def start_signing(self, method: str) -> None:
        signing = any(t.get_name() == "withdrawal-sign" for t in self.tasks.pending)
        if not self._busy and not signing:
            self.tasks.spawn(self.sign(method), name="withdrawal-sign")

    async def sign(self, method: str) -> Instruction | None:
        """Check, draft, sign with `method` ("sms" or "eds"), confirm; the instruction."""
        from cesec_desktop.state.errors import CabinetError, ValidationFailed

        self._draft_timer.stop()
        self._show_all = True
        self._failure = None
        self._sent_before = None
        self._note = ""
        if self.ticket.errors() or self.amount.error:
            self._render()
            self._focus_first_error()
            return None
        self._server_errors.clear()
        self._set_busy(True)
        try:
            await self.ticket.make_draft()
        except ValidationFailed as error:
            self._server_errors = dict(error.fields)
            if not error.fields:
                self._failure = error
            self._render()
            self._focus_first_error()
            return None
        except CabinetError as error:
            self._failure = error
            self._render()
            return None
        finally:
            self._set_busy(False)
        self._render()
        return await self._run_signer(method)

    async def _run_signer(self, method: str) -> Instruction | None:
        outcome = await sign_with(
            method, self.ticket, self, self.session.ncalayer_url, self._set_sign_dialog
        )
        result, failure, cancelled = outcome.result, outcome.failure, outcome.cancelled
        if isinstance(result, Instruction):
            self._show_done()
            return result
        if failure is not None:
            self._signing_failed(failure)
        elif cancelled:
            self._note = "cancelled"
        self._render()
        return None

    def _focus_first_error(self) -> None:
        ui = self.ui
        targets: dict[str, QWidget] = {
            "account_id": ui.accountCombo,
            "currency": ui.currencyCombo,
            "amount": ui.amountEdit,
            "recipient_iin": ui.iinEdit,
            "iban": ui.ibanEdit,
            "bic": ui.bankCombo,
            "purpose": ui.purposeEdit,
        }
        for field in FIELDS:
            if self.field_error(field):
                targets[field].setFocus()
                return

    # --- presentation ------------------------------------------------------------------------

    def _errors(self) -> dict[str, str]:
        errors = dict(self.ticket.errors())
        errors.update(self._server_errors)
        return errors

    def _render(self) -> None:
        if not isValid(self):
            return
        ui = self.ui
        errors = self._errors()
        # A typed amount the field refuses is said at once, and Sign waits for it.
        refused = {"amount": self.amount.error_text()} if self.amount.error else {}
        for field, label in self.error_labels.items():
            code = errors.get(field)
            shown = code is not None and (
                self._show_all or field in self._touched or field in self._server_errors
            )
            text = refused.get(field) or (self._error_text(field, code) if shown and code else "")
            label.setText(text)
            label.setVisible(bool(text))
        self._render_sign()
        self._render_available()
        self._render_bank_hint()
        currency = self.ticket.currency.value if self.ticket.currency else ""
        ui.amountCurrency.setText(currency)
        failure = self._failure_text(self._failure) if self._failure is not None else ""
        ui.formError.setText(failure)
        ui.formError.setVisible(bool(failure))
        self.errors_said.check()
        note = (
            self.tr("Signing was cancelled. Nothing was sent; the withdrawal is as you left it.")
            if self._note == "cancelled"
            else ""
        )
        ui.noteLabel.setText(note)
        ui.noteLabel.setVisible(bool(note))
        self._render_document()

    def _render_sign(self) -> None:
        """Sign only what the fields say: never while the amount refuses its text."""
        ready = not self._busy and not self.amount.error
        self.ui.smsButton.setEnabled(ready)
        self.ui.edsButton.setEnabled(ready)

    def _render_available(self) -> None:
        ui, ticket = self.ui, self.ticket
        available = ticket.available()
        if ticket.account_id is None or ticket.currency is None:
            text = ""
        elif available is None:
            text = self.tr("Available: loading…")
        else:
            text = self.tr("Available: %1").replace(
                "%1", format_money(available, ticket.currency.value)
            )
        ui.availableLabel.setText(text)
        ui.allButton.setEnabled(available is not None and available > 0 and not self._busy)

    def _render_bank_hint(self) -> None:
        ticket = self.ticket
        iban = ticket.iban
        bank = bank_by_code(iban[4:7]) if len(iban) >= 7 and iban.startswith("KZ") else None
        chosen = ticket.bank()
        if chosen is not None and bank is not None and bank.bic == chosen.bic:
            text = (
                self.tr("Picked from the IBAN: bank code %1, BIC %2.")
                .replace("%1", bank.code)
                .replace("%2", chosen.bic)
            )
        elif not ticket.banks:
            text = self.tr("Loading the list of banks…")
        else:
            text = self.tr("Type the IBAN and the bank is picked from its code.")
        self.ui.bankHint.setText(text)

    def _render_document(self) -> None:
        ticket, ui = self.ticket, self.ui
        if ticket.draft is not None and ticket.draft_is_current:
            text = ticket.draft.document.text
            if ui.documentText.toPlainText() != text:
                ui.documentText.setPlainText(text)
            ui.documentState.setText("")
            return
        if ui.documentText.toPlainText():
            ui.documentText.clear()
        ui.documentState.setText(self.tr("Checking…") if self._checking else "")
        ui.documentText.setPlaceholderText(
            self.tr("Checking the withdrawal with the broker…")
            if self._checking
            else self.tr(
                "The exact text you sign appears here once the broker has checked the withdrawal."
            )
        )

    def _render_done(self) -> None:
        made = self.ticket.instruction
        if made is None:
            return
        ui = self.ui
        ui.doneTitle.setText(
            self.tr("Withdrawal No. %1 has been accepted").replace("%1", made.number)
        )
        status = self.tr("Status: %1").replace("%1", status_text(made.status))
        if made.status is InstructionStatus.REJECTED and made.reject_reason:
            status += " \N{EM DASH} " + made.reject_reason
        ui.doneStatus.setText(status)
        ui.doneDetails.setText(
            self.tr("%1 to %2 at %3. The amount is blocked until the bank pays it out.")
            .replace("%1", format_money(made.amount, made.currency.value))
            .replace("%2", mask_iban(made.iban))
            .replace("%3", made.bank_name)
        )

    def _show_done(self) -> None:
        ui = self.ui
        ui.stack.setCurrentWidget(ui.donePage)
        for widget in (ui.cancelButton, ui.edsButton, ui.smsButton):
            widget.hide()
        ui.closeButton.show()
        ui.closeButton.setDefault(True)
        ui.closeButton.setFocus()
        self._failure = None
        self._note = ""
        self._render_done()
        self._render()

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self._busy_focus(True)
        self._busy = busy
        ui = self.ui
        for widget in (
            ui.accountCombo,
            ui.currencyCombo,
            ui.amountEdit,
            ui.iinEdit,
            ui.ibanEdit,
            ui.bankCombo,
            ui.purposeEdit,
            ui.smsButton,
            ui.edsButton,
        ):
            widget.setEnabled(not busy)
        self._render_sign()
        ui.busyBar.setVisible(busy)
        ui.busyLabel.setVisible(busy)
        ui.busyLabel.setText(self.tr("Checking the withdrawal…") if busy else "")
        self._render_available()
        if not busy:
            self._busy_focus(False)

    # --- texts -------------------------------------------------------------------------------

    def _error_text(self, field: str, code: str) -> str:
        ticket = self.ticket
        if code == "insufficient_funds":
            available = ticket.available()
            if available is not None and ticket.currency is not None:
                return self.tr("More than is available: %1.").replace(
                    "%1", format_money(available, ticket.currency.value)
                )
        if code == "recipient_not_owner" and ticket.own_iin:
            return self.tr(
                "Money goes only to your own account: the recipient's IIN must be yours, %1."
            ).replace("%1", ticket.own_iin)
        if code == "iban_bank_unknown" and len(ticket.iban) >= 7:
            return self.tr("No bank in Kazakhstan has the bank code %1.").replace(
                "%1", ticket.iban[4:7]
            )
        if code == "iban_bank_mismatch":
            bank = bank_by_code(ticket.iban[4:7]) if len(ticket.iban) >= 7 else None
            if bank is not None:
                return (
                    self.tr("This bank does not match the IBAN: its bank code %1 is %2's.")
                    .replace("%1", bank.code)
                    .replace("%2", bank.name)
                )
        texts = {
            "account_required": self.tr("Choose the sub-account."),
            "unknown_account": self.tr("Choose the sub-account."),
            "currency_required": self.tr("Choose the currency."),
            "currency_not_held": self.tr("This sub-account holds no cash in this currency."),
            "amount_required": self.tr("Enter the amount."),
            "amount_not_positive": self.tr("The amount must be more than zero."),
            "amount_precision": self.tr("The amount can have at most two decimal places."),
            "amount_too_large": self.tr("The amount is too large."),
            "insufficient_funds": self.tr("More than is available."),
            "iin_required": self.tr("Enter the recipient's IIN."),
            "iin_format": self.tr("An IIN is 12 digits."),
            "iin_date": self.tr("The first six digits of an IIN are a date of birth: check them."),
            "iin_checksum": self.tr("This IIN's check digit is wrong: check the number."),
            "recipient_not_owner": self.tr("Money goes only to your own account."),
            "iban_required": self.tr("Enter the IBAN of your bank account."),
            "iban_format": self.tr("A Kazakh IBAN is KZ and 18 more letters and digits."),
            "iban_country": self.tr("Only accounts in Kazakhstan, with IBANs starting KZ."),
            "iban_checksum": self.tr("The IBAN's check digits do not match: check the number."),
            "iban_bank_unknown": self.tr("The IBAN's bank code is not a Kazakh bank's."),
            "bank_required": self.tr("Choose the bank."),
            "unknown_bank": self.tr("Choose the bank from the list."),
            "iban_bank_mismatch": self.tr("This bank does not match the IBAN."),
            "purpose_invalid": self.tr("The purpose must be one line of plain text."),
        }
        return texts.get(code, self.tr("Check this field."))

    def _failure_text(self, error: Exception) -> str:
        from cesec_desktop.views.messages import describe

        code = getattr(error, "code", "")
        if code in ALREADY_SENT:
            made = self._sent_before
            if made is not None:
                return (
                    self.tr(
                        "This withdrawal was already signed and sent: No. %1, %2 to %3. "
                        "See Instructions."
                    )
                    .replace("%2", format_money(made.amount, made.currency.value))
                    .replace("%3", mask_iban(made.iban))
                    .replace("%1", made.number)
                )
            return self.tr("This withdrawal has already been signed and sent. See Instructions.")
        texts = {
            "draft_expired": self.tr(
                "The withdrawal document has expired. Sign again: a new one will be made."
            ),
            "insufficient_funds": self.tr("Not enough cash for this withdrawal any more."),
            "forbidden": self.tr("You are not allowed to withdraw money."),
        }
        return texts.get(code) or describe(error)

    def _retranslate(self) -> None:
        ui = self.ui
        ui.purposeEdit.setPlaceholderText(self.tr("Withdrawal of own funds"))
        ui.iinHint.setText(self.tr("Money goes only to an account in your own name."))
        ui.ibanEdit.setPlaceholderText("KZ00 0000 0000 0000 0000")
        ui.allButton.setToolTip(self.tr("Withdraw all the available cash"))
        ui.bankCombo.setPlaceholderText(self.tr("Picked from the IBAN"))
        ui.currencyCombo.setPlaceholderText(self.tr("Loading…"))
        for account in self.session.accounts:  # the backend names them in English
            index = ui.accountCombo.findData(account.id)
            if index >= 0:
                ui.accountCombo.setItemText(index, account_label(account))
        self._render_done()
        self._render()

    # --- Qt events ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def _detach(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.instructionUpdated.disconnect(self._instruction_updated)


def open_withdrawal_form(
    parent: QWidget,
    session: Session,
    *,
    account_id: str | None = None,
    currency: str | None = None,
) -> WithdrawalFormDialog:
    """Open the withdrawal form over `parent` and return it at once (`open()`, not `exec()`).

    The Session's `instructionUpdated` carries the new instruction, so lists update at once.
    The form deletes itself on close.
    """
    dialog = WithdrawalFormDialog(session, account_id=account_id, currency=currency, parent=parent)
    dialog.open()
    return dialog
