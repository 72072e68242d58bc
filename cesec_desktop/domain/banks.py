"""Kazakh banks a client may withdraw to: name, BIC (SWIFT) and the IBAN bank code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bank:
    """One bank; `code` is the 3-character bank code at positions 5-7 of a KZ IBAN."""

    name: str
    bic: str
    code: str


BANKS: tuple[Bank, ...] = (
    Bank("Halyk Bank", "HSBKKZKX", "601"),
    Bank("Kaspi Bank", "CASPKZKA", "722"),
    Bank("Bank CenterCredit", "KCJBKZKX", "856"),
    Bank("ForteBank", "IRTYKZKA", "965"),
    Bank("Alatau City Bank", "TSESKZKA", "998"),
    Bank("Bereke Bank", "BRKEKZKA", "914"),
    Bank("Freedom Bank", "KSNVKZKA", "551"),
    Bank("Eurasian Bank", "EURIKZKA", "948"),
    Bank("Home Credit Bank", "INLMKZKA", "886"),
    Bank("Bank RBK", "KINCKZKA", "821"),
    Bank("Nurbank", "NURSKZKX", "849"),
    Bank("Altyn Bank", "ATYNKZKA", "949"),
    Bank("Otbasy Bank", "HCSKKZKA", "972"),
    Bank("Citibank Kazakhstan", "CITIKZKA", "832"),
    Bank("Shinhan Bank Kazakhstan", "SHBKKZKA", "435"),
    Bank("VTB Bank Kazakhstan", "VTBAKZKZ", "432"),
)

_BY_BIC = {bank.bic: bank for bank in BANKS}
_BY_CODE = {bank.code: bank for bank in BANKS}


def bank_by_bic(bic: str) -> Bank | None:
    """The bank with this BIC, ignoring case and surrounding spaces."""
    return _BY_BIC.get(bic.strip().upper())


def bank_by_code(code: str) -> Bank | None:
    """The bank with this IBAN bank code."""
    return _BY_CODE.get(code.strip().upper())
