"""The language of the mock's own texts: documents to sign and order/instruction history.

A client asks with `Accept-Language: kk|ru|en`. Without one (or with none of ours) the mock
answers as it always has: every text in Russian and English side by side ("Заявка принята /
Order received"), so older clients and scripts see no change.

History texts are stored once, in that bilingual form (the seeded history too), and put in
the asked language when they are read: the Russian half for `ru`, the English half for `en`,
and the Kazakh words below, found by the English half, for `kk`. A text the mock did not write
(a reason given to `/mock/.../reject`) is passed through as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel
    from starlette.requests import HTTPConnection

LANGUAGES = ("kk", "ru", "en")
BILINGUAL = " / "

M = TypeVar("M", bound="BaseModel")


def negotiate(header: str | None) -> str | None:
    """The best of kk/ru/en that an Accept-Language value asks for; None if it asks none.

    `ru-RU,ru;q=0.9,en;q=0.8` → ru. Weights are honoured; `*` and unknown tags count as no
    preference, which keeps the bilingual texts.
    """
    if not header:
        return None
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-")[0]
        if code not in LANGUAGES:
            continue
        weight = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                weight = float(match.group(1))
            except ValueError:
                continue
        if weight <= 0:
            continue
        # Highest weight first; between equals, the one listed first.
        key = (-weight, position, code)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else None


def request_language(connection: HTTPConnection) -> str | None:
    """The language a request (or a stream's handshake) asks for."""
    return negotiate(connection.headers.get("accept-language"))


# --- words ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """One text in the three languages; with no language asked, Russian and English."""

    ru: str
    en: str
    kk: str

    def __call__(self, language: str | None) -> str:
        if language is None:
            return f"{self.ru}{BILINGUAL}{self.en}"
        return {"kk": self.kk, "ru": self.ru, "en": self.en}[language]


KAZAKH = {
    # Orders' history (trading.py, history.py).
    "Order received": "Тапсырыс қабылданды",
    "Order placed on the exchange": "Тапсырыс биржаға қойылды",
    "Cancelled by the client": "Клиент күшін жойды",
    "The order's validity ended": "Тапсырыстың әрекет ету мерзімі аяқталды",
    "Order expired at the end of the session": (
        "Тапсырыстың әрекет ету мерзімі сауда сессиясының соңында аяқталды"
    ),
    "Market closed": "Нарық жабық",
    "No price to trade at": "Орындауға баға жоқ",
    "Unknown instrument": "Құрал табылмады",
    "Rejected by the exchange": "Биржа қабылдамады",
    "Insufficient funds": "Қаражат жеткіліксіз",
    "Price outside the allowed range": "Баға рұқсат етілген ауқымнан тыс",
    "Trading in the instrument is suspended": "Құрал бойынша сауда тоқтатылды",
    # Instructions' history and purpose (withdrawals.py, history.py).
    "Instruction received": "Тапсырма қабылданды",
    "Instruction is being processed": "Тапсырма өңделуде",
    "Money sent to the bank": "Ақша банкке жіберілді",
    "Rejected by the back office": "Бэк-офис қабылдамады",
    "The recipient account is closed": "Алушының шоты жабық",
    "Recipient details do not match": "Алушының деректемелері сәйкес келмейді",
    "Withdrawal of own funds": "Өз қаражатын шығару",
    # A change of contact details (contact_records.py).
    "Contact details changed": "Байланыс деректері өзгертілді",
}
"""The Kazakh of each English text the mock writes, keyed by the English."""

_FILLED = re.compile(r"^Filled (\S+) @ (\S+)$")


_FILLED_WORD = {"kk": "Орындалды", "ru": "Исполнено", "en": "Filled"}
"""A fill's text is "Исполнено / Filled 10 @ 385.00": the figures follow the English word."""


def _kazakh(english: str) -> str | None:
    known = KAZAKH.get(english)
    if known is not None:
        return known
    filled = _FILLED.match(english)
    if filled:
        return f"{_FILLED_WORD['kk']} {filled.group(1)} @ {filled.group(2)}"
    return None


def localise(text: str | None, language: str | None) -> str | None:
    """A stored (bilingual) text in `language`; unknown texts come back unchanged."""
    if not text or language is None:
        return text
    russian, separator, english = text.partition(BILINGUAL)
    if not separator:
        # Written in one language only (a reason given to a mock control): as it is,
        # unless it is English the mock has Kazakh words for.
        return (_kazakh(text) or text) if language == "kk" else text
    filled = _FILLED.match(english)
    if filled:
        return f"{_FILLED_WORD[language]} {filled.group(1)} @ {filled.group(2)}"
    if language == "ru":
        return russian
    if language == "en":
        return english
    return _kazakh(english) or text


# --- records ----------------------------------------------------------------------------

_TEXT_FIELDS = ("reject_reason", "purpose")


def localise_record(item: dict[str, Any], language: str | None) -> dict[str, Any]:
    """An order or instruction as wire JSON, with its texts in `language` (a new dict)."""
    if language is None:
        return item
    result = dict(item)
    for name in _TEXT_FIELDS:
        if isinstance(result.get(name), str):
            result[name] = localise(result[name], language)
    history = result.get("history")
    if isinstance(history, list):
        result["history"] = [
            {**event, "message": localise(event.get("message"), language) or ""}
            if isinstance(event, dict)
            else event
            for event in history
        ]
    return result


def localise_model(model: M, language: str | None) -> M:
    """An `Order` or `Instruction` with its texts in `language`."""
    if language is None:
        return model
    update: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(model, name, None)
        if isinstance(value, str):
            update[name] = localise(value, language)
    history = getattr(model, "history", None)
    if history:
        update["history"] = [
            event.model_copy(update={"message": localise(event.message, language) or ""})
            for event in history
        ]
    return model.model_copy(update=update)
