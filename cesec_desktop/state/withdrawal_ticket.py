"""One cash withdrawal being entered: its fields, the cash behind it, draft → sign → confirm.

It follows the order ticket's rules: nothing typed is lost to a failed call, a cancelled
signature or a re-login; the Idempotency-Key is made with the draft and sent with every
confirm of it, so a withdrawal whose answer was lost is sent again safely and made once.
"""

from __future__ import annotations

import contextlib
import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cesec_desktop.domain.enums import Currency
from cesec_desktop.domain.iban import normalize_iban
from cesec_desktop.domain.models.instructions import (
    BankInfo,
    Instruction,
    InstructionDraft,
    InstructionDraftRequest,
)
from cesec_desktop.domain.models.portfolio import Portfolio
from cesec_desktop.domain.models.signing import EdsSignature, SmsSignature
from cesec_desktop.domain.money import floor_money
from cesec_desktop.domain.withdrawal_rules import (
    WithdrawalCheck,
    suggested_bank,
    validate_withdrawal,
)
from cesec_desktop.state.draft_ticket import DraftTicket
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

ACCOUNT_REQUIRED = "account_required"
CURRENCY_REQUIRED = "currency_required"


class WithdrawalTicket(DraftTicket):
    """The state behind the withdrawal form.

    Signals:
        fundsChanged: the sub-account's cash was (re)loaded.
        banksChanged: the list of banks arrived.
        draftChanged(InstructionDraft | None): a draft now matches the fields, or no longer.
        instructionMade(Instruction): the signed withdrawal was accepted.
    """

    document_kind = "withdrawal"

    fundsChanged = Signal()
    banksChanged = Signal()
    instructionMade = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.tasks = TaskTracker("withdrawal-ticket", owner=self)
        me = session.me
        self.own_iin: str | None = me.iin if me is not None else None
        self.account_id: str | None = None
        self.currency: Currency | None = None
        self.amount: Decimal | None = None
        self.recipient_iin = self.own_iin or ""
        self.iban = ""
        self.bic = ""
        self.purpose = ""
        self.portfolio: Portfolio | None = None
        self.banks: list[BankInfo] = []
        self.instruction: Instruction | None = None
        self._closed = False
        session.resynced.connect(self._resynced)

    # --- the fields -------------------------------------------------------------------------

    def set_account(self, account_id: str | None) -> None:
        if account_id == self.account_id:
            return
        self.account_id = account_id
        self.portfolio = None
        account = next((a for a in self.session.accounts if a.id == account_id), None)
        if account is not None:
            self.currency = account.currency
        self._changed()
        self.fundsChanged.emit()
        if account_id:
            self.tasks.spawn(self._load_funds_quietly(), name="withdrawal-funds")

    def set_currency(self, currency: Currency | str | None) -> None:
        self.currency = Currency(currency) if currency else None
        self._changed()
        self.fundsChanged.emit()

    def set_amount(self, amount: Decimal | None) -> None:
        self.amount = amount
        self._changed()

    def set_recipient_iin(self, iin: str) -> None:
        self.recipient_iin = iin.strip()
        self._changed()

    def set_iban(self, iban: str) -> bool:
        """Take the IBAN; when it names a bank, that bank is chosen. True if the bank moved."""
        self.iban = normalize_iban(iban)
        bank = suggested_bank(self.iban)
        moved = bank is not None and bank.bic != self.bic
        if moved:
            assert bank is not None
            self.bic = bank.bic
        self._changed()
        return moved

    def set_bic(self, bic: str) -> None:
        self.bic = bic.strip()
        self._changed()

    def set_purpose(self, purpose: str) -> None:
        self.purpose = purpose
        self._changed()

    # --- what the form shows ----------------------------------------------------------------

    def currencies(self) -> list[Currency]:
        """The currencies the chosen sub-account holds cash in (its own first)."""
        if self.portfolio is None:
            return [self.currency] if self.currency else []
        held = [c.currency for c in self.portfolio.cash if c.account_id == self.account_id]
        return sorted(set(held), key=lambda c: (c != self.currency, c.value))

    def available(self) -> Decimal | None:
        """Cash free to withdraw in the chosen currency, or None while it is loading."""
        if self.portfolio is None or self.currency is None:
            return None
        for cash in self.portfolio.cash:
            if cash.currency == self.currency and cash.account_id == self.account_id:
                return floor_money(cash.available)  # never more than is there
        return Decimal("0.00")

    def bank(self) -> BankInfo | None:
        return next((b for b in self.banks if b.bic == self.bic), None)

    def errors(self) -> dict[str, str]:
        """Field -> error code, checked here first (fast); the draft is the server's word."""
        errors: dict[str, str] = {}
        if self.account_id is None:
            errors["account_id"] = ACCOUNT_REQUIRED
        if self.currency is None:
            errors["currency"] = CURRENCY_REQUIRED
        errors.update(
            validate_withdrawal(
                WithdrawalCheck(
                    amount=self.amount,
                    recipient_iin=self.recipient_iin,
                    iban=self.iban,
                    bic=self.bic,
                    purpose=self.purpose,
                    available=self.available(),
                    own_iin=self.own_iin,
                )
            )
        )
        return errors

    def request(self) -> InstructionDraftRequest | None:
        """The draft request for the fields as they are, or None while one is missing."""
        if not self.account_id or self.currency is None or self.amount is None:
            return None
        if not (self.recipient_iin and self.iban and self.bic):
            return None
        return InstructionDraftRequest(
            account_id=self.account_id,
            currency=self.currency,
            amount=self.amount,
            recipient_iin=self.recipient_iin,
            iban=self.iban,
            bic=self.bic,
            purpose=self.purpose.strip(),
        )

    # --- loading ----------------------------------------------------------------------------

    async def load_banks(self) -> list[BankInfo]:
        banks = await self.session.call(lambda c: c.banks())
        self.banks = sorted(banks, key=lambda b: b.name.casefold())
        self.banksChanged.emit()
        return self.banks

    async def load_funds(self) -> Portfolio | None:
        account_id = self.account_id
        if not account_id:
            return None
        portfolio = await self.session.call(lambda c: c.portfolio(account_id=account_id))
        if account_id == self.account_id:
            self.portfolio = portfolio
            self._changed()
            self.fundsChanged.emit()
        return portfolio

    async def _load_funds_quietly(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            await self.load_funds()
        except CabinetError as error:
            log.info("could not load the sub-account's cash (%s)", error.code)

    # --- draft, signatures, confirm ---------------------------------------------------------

    async def _create_draft(self, request: InstructionDraftRequest) -> InstructionDraft:
        return await self.session.call(lambda c: c.create_instruction_draft(request))

    async def confirm(self, signature: SmsSignature | EdsSignature) -> Instruction:
        """Send the signed withdrawal; network failures are retried with the draft's key."""
        instruction: Instruction = await super().confirm(signature)
        return instruction

    async def _send_confirm(
        self, draft_id: str, signature: SmsSignature | EdsSignature, key: str
    ) -> Instruction:
        return await self.session.call(lambda c: c.confirm_instruction(draft_id, signature, key))

    def _accepted(self, result: Instruction) -> None:
        self.instruction = result
        self.drop_draft()
        log.info("withdrawal %s made (%s)", result.number, result.status)
        self.session.instructionUpdated.emit(result)
        self.instructionMade.emit(result)
        self.tasks.spawn(self._load_funds_quietly(), name="withdrawal-funds")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.resynced.disconnect(self._resynced)
        for task in self.tasks.pending:
            task.cancel()

    # --- internals --------------------------------------------------------------------------

    def _resynced(self) -> None:
        if self.account_id:
            self.tasks.spawn(self._load_funds_quietly(), name="withdrawal-funds")
