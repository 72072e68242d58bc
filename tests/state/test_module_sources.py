"""PySide6's import hook no longer keeps every imported module's source (issue 13: about
11 MB of RSS at Home)."""

from __future__ import annotations

import builtins
import importlib
import linecache
import sys
import uuid
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the import hook)
import pytest

from cesec_desktop.state.module_sources import mentions_pyside, stop_caching_module_sources


@pytest.fixture
def feature(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """shiboken's feature module, with its check put back after the test."""
    module = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(module, "_mod_uses_pyside", module._mod_uses_pyside)
    return module


def write_module(folder: Path, text: str) -> str:
    name = f"probe_{uuid.uuid4().hex}"
    (folder / f"{name}.py").write_text(text, encoding="utf-8")
    return name


def import_from(folder: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(folder))
    importlib.invalidate_caches()
    # The `import` statement's way (builtins.__import__, which the hook wraps), not
    # importlib.import_module's.
    assert builtins.__import__.__name__ == "__feature_import__"  # PySide6's hook is in place
    module = __import__(name)
    # The hook's Python half, as its C half calls it after an import. Called here as well
    # because once in a while the C half did not call it (CI, TZ=Asia/Almaty, after the GUI
    # tests; most likely while a thread an earlier test left was inside PySide), and both
    # tests failed. It does nothing for a module the hook already saw.
    sys.modules["shibokensupport.feature"].feature_imported(module)
    monkeypatch.delitem(sys.modules, name)
    return module


def test_the_hook_itself_keeps_each_module_source(
    feature: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the fix is for: if a PySide6 release stops doing this, the fix can go."""
    name = write_module(tmp_path, "VALUE = 1\n" + "# padding\n" * 100)
    module = import_from(tmp_path, name, monkeypatch)
    assert module.__file__ in linecache.cache
    assert name in feature.pyside_feature_dict


def test_after_the_fix_imports_leave_no_source_behind_and_get_the_same_answers(
    feature: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert stop_caching_module_sources()
    uses = write_module(tmp_path, "from PySide6.QtCore import QObject\nVALUE = QObject\n")
    plain = write_module(tmp_path, "VALUE = 2\n")
    imported = [import_from(tmp_path, name, monkeypatch) for name in (uses, plain)]
    assert not [m.__file__ for m in imported if m.__file__ in linecache.cache]
    # The hook still ran for both and told them apart as its own check does.
    assert feature.pyside_feature_dict[uses] != feature.pyside_feature_dict[plain]
    assert mentions_pyside(imported[0]) and not mentions_pyside(imported[1])


def test_the_check_reads_the_modules_file() -> None:
    from cesec_desktop.domain import money
    from cesec_desktop.views import delegates

    assert mentions_pyside(delegates)
    assert not mentions_pyside(money)
    assert not mentions_pyside(sys)  # built in: no file
    assert not mentions_pyside(ModuleType("made_in_memory"))


def test_without_the_hooks_check_nothing_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.delattr(feature, "_mod_uses_pyside")
    assert not stop_caching_module_sources()
