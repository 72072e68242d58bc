"""Generated forms are current, and every kk and ru string is translated and compiled."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("tool", ["uic", "lupdate", "lrelease"])
@pytest.mark.parametrize("way", ["console script", "entry function"])
def test_the_qt_tools_are_found_without_path(
    tool: str, way: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ways scripts/qt_tools.py finds a tool run it, with no venv bin/ on PATH."""
    qt_tools = _script("qt_tools")
    if way == "entry function":  # as if this interpreter's bin/ held no console scripts
        monkeypatch.setattr(qt_tools.sysconfig, "get_path", lambda name: None)
    command = qt_tools.command(tool)
    assert (way == "console script") == (command[0] != qt_tools.sys.executable)
    env = {**os.environ, "PATH": os.defpath}
    result = subprocess.run(
        [*command, "-version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"\b6\.\d+\.\d+\b", result.stdout + result.stderr)


def test_the_generated_forms_are_not_stale(tmp_path: Path) -> None:
    forms = _script("update_forms")
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert {f.stem for f in ui_files} >= {"login", "change_password", "lock"}
    fresh = forms.update(tmp_path)
    assert len(fresh) == len(ui_files)
    for ui_file in ui_files:
        committed = forms.target_for(ui_file)
        assert committed.exists(), f"{committed.name} is missing: run scripts/update_forms.py"
        assert committed.read_text(encoding="utf-8") == forms.target_for(
            ui_file, tmp_path
        ).read_text(encoding="utf-8"), f"{committed.name} is stale: run scripts/update_forms.py"


def _messages(language: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(I18N / f"cesec_{language}.ts").getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_kk_and_ru_string_is_translated(language: str) -> None:
    messages = _messages(language)
    assert len(messages) > 100
    problems = []
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
        if kind == "unfinished" or not texts or any(not t.strip() for t in texts):
            problems.append(f"{context}: {source!r}")
        elif "%1" in source and any("%1" not in t for t in texts):
            problems.append(f"{context}: {source!r} lost its %1")
        elif "%n" in source and any("%n" not in t for t in texts):
            problems.append(f"{context}: {source!r} lost its %n")
        elif source.count("&") and any(t.count("&") != source.count("&") for t in texts):
            problems.append(f"{context}: {source!r} lost its & shortcut")
    assert not problems, "untranslated or broken entries:\n" + "\n".join(problems)


def test_the_cabinet_words_are_used() -> None:
    """DOMAIN.md's kk/ru table: the names the cabinet itself uses."""
    expected = {
        "kk": {
            "Home": "Басты",
            "Orders": "Тапсырыстар",
            "Transactions": "Транзакциялар",
            "Instructions": "Тапсырмалар",
            "Change password": "Құпия сөзді өзгерту",
            "Password changed successfully": "Пароль сәтті өзгертілді",
        },
        "ru": {
            "Home": "Главная",
            "Orders": "Заявки",
            "Transactions": "Сделки",
            "Instructions": "Поручения",
            "Change password": "Сменить пароль",
            "Password changed successfully": "Пароль успешно изменён",
        },
    }
    for language, words in expected.items():
        table = {source: m.findtext("translation") for _, source, m in _messages(language)}
        for source, word in words.items():
            assert table[source] == word, (language, source)


def test_the_ts_files_hold_every_string_of_the_sources(tmp_path: Path) -> None:
    translations = _script("update_translations")
    files = [str(p) for p in translations.sources()]
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [*_script("qt_tools").command("lupdate"), *files, "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    root = ET.parse(fresh).getroot()
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
    }
    have = {(c, s) for c, s, _ in _messages("kk")}
    missing = sorted(wanted - have)
    assert not missing, f"run scripts/update_translations.py: {missing[:10]}"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_compiled_qm_files_are_current(language: str, tmp_path: Path) -> None:
    lrelease = _script("qt_tools").command("lrelease")
    committed = I18N / f"cesec_{language}.qm"
    assert committed.exists()
    fresh = tmp_path / committed.name
    subprocess.run(
        [*lrelease, str(I18N / f"cesec_{language}.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == committed.read_bytes(), "run scripts/update_translations.py"


def test_every_icon_the_code_names_exists() -> None:
    names = set()
    for path in (ROOT / "cesec_desktop" / "views").rglob("*.py"):
        names |= set(re.findall(r"""\bicon\(\s*["']([\w-]+)["']""", path.read_text()))
    names |= {"home", "portfolio", "orders", "transactions", "instructions", "logo"}
    missing = [n for n in names if not (ROOT / "resources" / "icons" / f"{n}.svg").exists()]
    assert not missing
    for theme in ("light", "dark"):
        assert (ROOT / "resources" / "styles" / f"{theme}.qss").stat().st_size > 1000
