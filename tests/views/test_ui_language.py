"""The UI language beyond our own strings: Qt's catalogues, the backend's texts, sub-accounts."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui_support import FAST_STREAM, Backend, MemoryKeyring
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QTreeView,
    QWidget,
)
from testkit import DEMO

from cesec_desktop.domain.enums import Currency
from cesec_desktop.domain.models.profile import Account
from cesec_desktop.settings import translations_dir
from cesec_desktop.state.account_names import (
    AccountKind,
    account_kind,
    account_kind_name,
    account_label,
    account_name,
)
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.i18n import LanguageManager, active_language
from cesec_desktop.state.session import Session

QT_TRANSLATIONS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _account(name: str = "Brokerage KZT", currency: Currency = Currency.KZT) -> Account:
    return Account(id="acc_demo_kzt", number="CS01001-KZT", name=name, currency=currency)


# --- Qt's own catalogues -----------------------------------------------------------------


def test_qt_own_catalogue_follows_the_language(languages: LanguageManager) -> None:
    languages.set_language("kk")
    assert Path(languages.qt_catalogue).name == "qtbase_kk.qm"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Бас тарту"
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "Файл &аты:"
    languages.set_language("ru")
    assert Path(languages.qt_catalogue).name == "qtbase_ru.qm"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    languages.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_without_qts_kazakh_catalogue_russian_stands_in(qapp: QApplication, tmp_path: Path) -> None:
    shutil.copy(QT_TRANSLATIONS / "qtbase_ru.qm", tmp_path / "qtbase_ru.qm")
    manager = LanguageManager(translations_dir(), qt_translations_dirs=[tmp_path])
    translator = manager.load_qt_catalogue("kk", None)
    assert translator is not None
    assert Path(translator.filePath()).name == "qtbase_ru.qm"
    assert translator.translate("QPlatformTheme", "Cancel") == "Отмена"
    # A catalogue shipped beside ours (a bundle) is found after Qt's own folder.
    empty = tmp_path / "empty"
    empty.mkdir()
    bundled = LanguageManager(tmp_path, qt_translations_dirs=[empty, tmp_path])
    found = bundled.load_qt_catalogue("ru", None)
    assert found is not None and Path(found.filePath()).parent == tmp_path
    assert (
        LanguageManager(tmp_path, qt_translations_dirs=[empty]).load_qt_catalogue("ru", None)
        is None
    )


def _dialog_texts(dialog: QFileDialog) -> list[str]:
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts.append(widget.toolTip())
        if isinstance(widget, QTreeView) and widget.model() is not None:
            header = widget.header()
            texts += [
                str(widget.model().headerData(c, header.orientation()))
                for c in range(header.count())
                if not header.isSectionHidden(c)
            ]
    return [t for t in texts if t]


def test_qts_file_dialog_speaks_kazakh_and_russian(
    languages: LanguageManager, tmp_path: Path
) -> None:
    """Qt's own (non-native) file dialog, as Linux shows it: no English label or button."""
    for language in ("kk", "ru"):
        languages.set_language(language)
        dialog = QFileDialog(None, "Экспорт", str(tmp_path / "table.csv"), "CSV (*.csv)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.show()
        QApplication.processEvents()
        texts = _dialog_texts(dialog)
        dialog.close()
        dialog.deleteLater()
        english = [t for t in texts if LATIN_WORD.search(t) and "CSV" not in t]
        assert not english, (language, english)
        assert len(texts) > 8


# --- the backend's language --------------------------------------------------------------


def test_the_session_asks_the_backend_in_the_ui_language(
    languages: LanguageManager, run: Callable[..., Any], backend: Backend
) -> None:
    async def scenario() -> None:
        languages.set_language("ru")
        session = Session(
            backend.url,
            CredentialStore(backend.url, backend=MemoryKeyring()),
            stream_options=FAST_STREAM,
        )
        assert session.language == active_language() == "ru"
        await session.login(*DEMO)
        assert session.client.language == "ru"
        banks_before = await session.call(lambda c: c.banks())
        languages.set_language("kk")
        # Live: the next call goes out in the new language, no new client needed.
        assert session.language == "kk" and session.client.language == "kk"
        orders = await session.call(lambda c: c.orders(status="rejected", limit=5))
        assert banks_before
        reasons = [o.reject_reason for o in orders.items if o.reject_reason]
        assert reasons and all(" / " not in r for r in reasons)
        assert all(not LATIN_WORD.search(r) for r in reasons), reasons
        await session.close()

    run(scenario())


# --- sub-account names -------------------------------------------------------------------


def test_sub_account_names_are_built_in_the_ui_language(languages: LanguageManager) -> None:
    account = _account()
    usd = _account("Brokerage USD", Currency.USD)
    assert account_kind(account) is AccountKind.BROKERAGE
    assert account_name(account) == "Brokerage account KZT"
    assert account_label(usd) == "CS01001-KZT · Brokerage account USD"
    languages.set_language("ru")
    assert account_name(account) == "Брокерский счёт KZT"
    assert account_kind_name(usd) == "Брокерский счёт"
    languages.set_language("kk")
    assert account_name(usd) == "Брокерлік шот USD"
    assert account_kind_name(account) == "Брокерлік шот"


def test_a_name_of_an_unknown_kind_is_kept_as_the_backend_wrote_it(
    languages: LanguageManager,
) -> None:
    languages.set_language("ru")
    odd = _account("Pension savings KZT")
    assert account_kind(odd) is None
    assert account_name(odd) == account_kind_name(odd) == "Pension savings KZT"
    assert account_name(_account("")) == "Брокерский счёт KZT"
