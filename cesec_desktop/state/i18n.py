"""The UI language: translators (ours and Qt's own), the default locale, live switching."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
FALLBACK_LANGUAGE = "ru"
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
"""Each language in its own words, so a user finds theirs whatever the UI language."""
LOCALE_NAMES = {"kk": "kk_KZ", "ru": "ru_KZ", "en": "en_GB"}
"""English with day-first dates and a 24-hour clock, as read in Kazakhstan."""


def default_language(system: QLocale | None = None) -> str:
    """The OS language if it is one of ours, else Russian."""
    locale = system if system is not None else QLocale.system()
    for name in [locale.name(), *locale.uiLanguages()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK_LANGUAGE


def locale_for(language: str) -> QLocale:
    return QLocale(LOCALE_NAMES.get(language, LOCALE_NAMES[FALLBACK_LANGUAGE]))


class LanguageManager(QObject):
    """Installs the translators for one language at a time.

    Installing a translator sends every widget a LanguageChange event; widgets re-translate
    themselves in `changeEvent`. `languageChanged` is for anything that is not a widget.
    """

    languageChanged = Signal(str)

    def __init__(self, translations_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.translations_dir = translations_dir
        self._language = ""
        self._translators: list[QTranslator] = []

    @property
    def language(self) -> str:
        return self._language

    def locale(self) -> QLocale:
        return locale_for(self._language or FALLBACK_LANGUAGE)

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language: {language!r}")
        if language == self._language:
            return
        app = QCoreApplication.instance()
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        ours = QTranslator(app)
        if ours.load(f"cesec_{language}", str(self.translations_dir)):
            self._translators.append(ours)
        elif language != "en":  # English is the source language: no file is fine
            log.warning("no translation file for %s in %s", language, self.translations_dir)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{language}", qt_dir):
            self._translators.append(qtbase)
        QLocale.setDefault(locale_for(language))
        self._language = language
        for translator in self._translators:
            QCoreApplication.installTranslator(translator)
        log.info("UI language: %s", language)
        self.languageChanged.emit(language)
