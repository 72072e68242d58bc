"""The UI language: translators (ours and Qt's own), the default locale, live switching."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

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


QT_CATALOGUE_FALLBACK = {"kk": "ru"}
"""Where a build lacks Qt's own Kazakh catalogue, its dialogs speak Russian, which every
Kazakh-speaking user reads, rather than English."""

QT_FILL_INS = (
    # Strings of Qt's file dialog that Qt's Russian catalogue lacks (its Kazakh one has them):
    # our catalogues carry them, and Qt falls through to ours when its own has no entry.
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)


class LanguageRelay(QObject):
    """Tells objects that are not widgets (the API session) the UI language as it changes.

    Widgets hear of a new language through LanguageChange events; a session, made apart from
    the LanguageManager, listens here instead of being handed the manager.
    """

    languageChanged = Signal(str)


_relay: LanguageRelay | None = None
_active_language = ""


def language_relay() -> LanguageRelay:
    """The process's one relay (the UI language is process-wide, like Qt's translators)."""
    global _relay
    if _relay is None:
        _relay = LanguageRelay()
    return _relay


def active_language() -> str:
    """The UI language now in use; the fallback language before any was set."""
    return _active_language or FALLBACK_LANGUAGE


class LanguageManager(QObject):
    """Installs the translators for one language at a time.

    Installing a translator sends every widget a LanguageChange event; widgets re-translate
    themselves in `changeEvent`. `languageChanged` is for anything that is not a widget.
    """

    languageChanged = Signal(str)

    def __init__(
        self,
        translations_dir: Path,
        parent: QObject | None = None,
        *,
        qt_translations_dirs: Sequence[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.translations_dir = translations_dir
        self.qt_translations_dirs = (
            list(qt_translations_dirs)
            if qt_translations_dirs is not None
            # Qt's own folder, then ours: a bundle may ship qtbase_*.qm beside cesec_*.qm.
            else [
                Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                translations_dir,
            ]
        )
        self._language = ""
        self._translators: list[QTranslator] = []
        self.qt_catalogue = ""
        """The path of the Qt catalogue in use ("" if none), for diagnostics and tests."""

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
            translator.deleteLater()
        self._translators.clear()
        ours = QTranslator(app)
        if ours.load(f"cesec_{language}", str(self.translations_dir)):
            self._translators.append(ours)
        elif language != "en":  # English is the source language: no file is fine
            log.warning("no translation file for %s in %s", language, self.translations_dir)
        qtbase = self.load_qt_catalogue(language, app)
        self.qt_catalogue = qtbase.filePath() if qtbase is not None else ""
        if qtbase is not None:
            # Installed after ours, so searched first: Qt's wording for Qt's own dialogs, and
            # ours (QT_FILL_INS) only where Qt's catalogue has no entry.
            self._translators.append(qtbase)
        QLocale.setDefault(locale_for(language))
        self._language = language
        for translator in self._translators:
            QCoreApplication.installTranslator(translator)
        global _active_language
        _active_language = language
        log.info("UI language: %s", language)
        self.languageChanged.emit(language)
        language_relay().languageChanged.emit(language)

    def load_qt_catalogue(self, language: str, app: QObject | None) -> QTranslator | None:
        """Qt's own translations (file dialog, standard buttons, context menus) for `language`.

        English is Qt's source language; for another, the first `qtbase_<language>.qm` found
        in the Qt folders, else that of the fallback language (QT_CATALOGUE_FALLBACK).
        """
        candidates = [language]
        if language in QT_CATALOGUE_FALLBACK:
            candidates.append(QT_CATALOGUE_FALLBACK[language])
        for candidate in candidates:
            for folder in self.qt_translations_dirs:
                translator = QTranslator(app)
                if translator.load(f"qtbase_{candidate}", str(folder)):
                    if candidate != language:
                        log.warning(
                            "no Qt catalogue for %s; Qt's dialogs use %s", language, candidate
                        )
                    return translator
                translator.deleteLater()
        if language != "en":
            log.warning("no Qt catalogue for %s: Qt's own dialogs stay in English", language)
        return None
