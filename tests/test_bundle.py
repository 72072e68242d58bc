"""The desktop bundle: build.spec's inputs, the icon set, the frozen demo services, the build.

The build itself (PyInstaller, then the built app's `--self-check`) is marked `bundle`: the
default run leaves it out (pyproject's addopts) and .ci/run runs it as its own step with
`pytest -m bundle tests/test_bundle.py`, after installing the `build` extra.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import struct
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QImage

from cesec_desktop import demo

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
RESOURCES = ROOT / "resources"
LANGUAGES = ("kk", "ru", "en")
ICO_SIZES = {16, 20, 24, 32, 40, 48, 64, 128, 256}
ICNS_TYPES = {b"ic07", b"ic08", b"ic09", b"ic10", b"ic11", b"ic12", b"ic13", b"ic14"}
SELF_CHECK_TIMEOUT_S = 300
MAX_BUNDLE_MIB = 150
"""The onedir bundle's size limit (as `du` counts it); benchmarks/startup.py reports it too."""


def _ico_entries(data: bytes) -> dict[int, bytes]:
    """An .ico's images by size: a 6-byte header, then 16-byte directory entries."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file"
    entries = {}
    for index in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert width == height
        entries[width or 256] = data[offset : offset + size]
    return entries


def _icns_entries(data: bytes) -> dict[bytes, bytes]:
    """An .icns's chunks by type: 'icns' + length, then (type, length incl. header, data)."""
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    entries, offset = {}, 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        entries[kind] = data[offset + 8 : offset + length]
        offset += length
    return entries


def _pixels(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def test_the_spec_and_what_it_bundles_are_in_the_tree() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    for needed in (
        "packaging/launcher.py",
        "packaging/windows_version_info.txt",
        "resources/app.ico",
        "resources/app.icns",
    ):
        assert (ROOT / needed).is_file(), needed
    assert '"launcher.py"' in spec and '"app.ico"' in spec and '"app.icns"' in spec
    for language in LANGUAGES:
        assert (ROOT / "i18n" / f"cesec_{language}.qm").is_file(), language
    # Qt's own strings for the languages that are not the source language.
    qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (qt_translations / "qtbase_ru.qm").is_file()
    assert (qt_translations / "qtbase_kk.qm").is_file()


def test_the_icons_are_made_from_the_current_svg(qapp: object) -> None:
    """app.png records the SVG it was drawn from; the .ico and .icns hold the same drawing."""
    svg = (RESOURCES / "icons" / "app.svg").read_bytes()
    png = QImage(str(RESOURCES / "app.png"))
    assert png.width() == png.height() == 256
    assert png.text("Source-SHA256") == hashlib.sha256(svg).hexdigest(), (
        "app.svg changed: run `python scripts/make_icons.py` and commit resources/app.*"
    )

    ico = _ico_entries((RESOURCES / "app.ico").read_bytes())
    assert set(ico) == ICO_SIZES
    assert _pixels(QImage.fromData(ico[256])) == _pixels(png)
    assert QImage.fromData(ico[16]).size().width() == 16

    icns = _icns_entries((RESOURCES / "app.icns").read_bytes())
    assert set(icns) >= ICNS_TYPES
    assert _pixels(QImage.fromData(icns[b"ic08"])) == _pixels(png)  # 256 px
    assert QImage.fromData(icns[b"ic10"]).width() == 1024  # 512 px @2x


def test_the_windows_version_template_fills_in_the_version() -> None:
    """The spec formats the template, PyInstaller evaluates it (on Windows): both must work."""
    template = (ROOT / "packaging" / "windows_version_info.txt").read_text(encoding="utf-8")
    text = template.format(version="1.2.3", version_tuple=(1, 2, 3, 0))
    calls: list[tuple[str, tuple[object, ...], dict[str, object]]] = []

    def recorder(name: str):  # stands in for PyInstaller's versioninfo classes
        def record(*args: object, **kwargs: object) -> str:
            calls.append((name, args, kwargs))
            return name

        return record

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable")
    names += ("StringStruct", "VarFileInfo", "VarStruct")
    assert eval(text, {name: recorder(name) for name in names}) == "VSVersionInfo"
    fixed = next(kwargs for name, _, kwargs in calls if name == "FixedFileInfo")
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    strings = {args[0]: args[1] for name, args, _ in calls if name == "StringStruct"}
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "cesec-desktop.exe"


def test_a_frozen_app_starts_the_demo_services_through_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = "cesec_desktop.mockserver.cli"
    assert demo.child_command(module, ["--port", "0"]) == [
        sys.executable,
        "-m",
        module,
        "--port",
        "0",
    ]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert demo.child_command(module, ["--port", "0"]) == [
        sys.executable,
        demo.SERVICE_FLAG,
        module,
        "--port",
        "0",
    ]


def test_the_bundle_entry_runs_a_demo_service(tmp_path: Path) -> None:
    """packaging/launcher.py, as the frozen exe runs it, serves the mock NCALayer."""
    launcher = ROOT / "packaging" / "launcher.py"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    service = subprocess.Popen(
        [
            sys.executable,
            str(launcher),
            demo.SERVICE_FLAG,
            "cesec_desktop.mockserver.ncalayer",
            *("--port", "0", "--exit-with-stdin"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert service.stdout is not None
        line = service.stdout.readline()
        assert "listening on wss://127.0.0.1:" in line
    finally:
        assert service.stdin is not None
        service.stdin.close()  # the watchdog ends the service
        assert service.wait(timeout=30) is not None


def test_the_bundle_entry_refuses_other_modules() -> None:
    launcher = ROOT / "packaging" / "launcher.py"
    result = subprocess.run(
        [sys.executable, str(launcher), demo.SERVICE_FLAG, "os"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 2
    assert "expected one of cesec_desktop.mockserver.cli" in result.stderr


def _icu_data_module() -> types.ModuleType:
    """packaging/icu_data.py (build.spec imports it by path; packaging/ is not a package)."""
    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _package_items(package: bytes) -> list[str]:
    """The item names of an ICU common-data package, in table-of-contents order."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, header_size)[0]
    names = []
    for index in range(count):
        name_at = header_size + struct.unpack_from("<I", package, header_size + 4 + 8 * index)[0]
        names.append(package[name_at : package.index(b"\0", name_at)].decode("ascii"))
    return names


# What Qt asks ICU for (collation, locale case mapping, zone names, code pages), printed.
ICU_PROBE = r"""
import functools
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone

words = ["Ёлка", "яблоко", "Әже", "ауыл", "Zebra", "apple", "Ұлы", "ұлт", "ешкі", "Өрік"]
moment = QDateTime.fromSecsSinceEpoch(1764660000)
for name in ("kk_KZ", "ru_KZ", "en_GB"):
    locale = QLocale(name)
    print(name, sorted(words, key=functools.cmp_to_key(QCollator(locale).compare)))
    print(name, locale.toUpper("әдемі ірі ұлы i"), locale.toLower("ӘДЕМІ İ"))
    for zone_id in (b"Asia/Almaty", b"Asia/Qostanay", b"Europe/Moscow", b"America/Toronto"):
        zone = QTimeZone(zone_id)
        for kind in QTimeZone.NameType:
            print(name, zone_id, zone.displayName(moment, kind, locale))
        generic = QTimeZone.TimeType.GenericTime
        print(name, zone_id, zone.displayName(generic, QTimeZone.NameType.LongName, locale))
for encoding in ("windows-1251", "KOI8-R", "IBM866", "ISO-8859-5", "windows-1252", "Shift_JIS"):
    print(encoding, QStringDecoder(encoding).isValid())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux wheels carry ICU")
def test_the_cut_icu_data_answers_qt_as_the_whole_does(tmp_path: Path) -> None:
    """build.spec swaps ICU's data library for one with the app's locales only: for those,
    Qt's collation, case mapping, zone names and Cyrillic code pages come out the same."""
    icu_data = _icu_data_module()
    qt_lib = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    whole = next(path for path in qt_lib.iterdir() if icu_data.LIBRARY_NAME.match(path.name))
    cut = icu_data.cut_library(whole, tmp_path)
    assert cut.name == whole.name
    assert cut.stat().st_size < whole.stat().st_size / 4

    package = next(tmp_path.glob("icudt*.dat")).read_bytes()
    items = _package_items(package)
    assert items == sorted(items), "ICU finds items by bisection"
    kept = {name.split("/", 1)[1] for name in items}
    assert {"cnvalias.icu", "coll/ucadata.icu", "coll/ru.res", "coll/kk.res", "zone/kk.res"} <= kept
    assert {"region/ru.res", "kk.res", "en_001.res"} <= kept
    assert {"ibm-5347_P100-1998.cnv", "zoneinfo64.res", "metaZones.res"} <= kept
    assert not {"coll/zh.res", "zone/de.res", "translit/root.res", "gb18030.cnv"} & kept
    assert not {"brkitr/root.res", "curr/ru.res", "lang/kk.res", "unit/en.res"} & kept

    def probe(**extra: str) -> str:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
        result = subprocess.run(
            [sys.executable, "-c", ICU_PROBE], env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    # A preloaded library of the same soname stands in for the one beside libicuuc; the CJK
    # code page, left out, shows that it did.
    with_cut, with_whole = probe(LD_PRELOAD=str(cut)), probe()
    assert "Shift_JIS False" in with_cut and "Shift_JIS True" in with_whole
    assert with_cut.replace("Shift_JIS False", "") == with_whole.replace("Shift_JIS True", "")
    assert "windows-1251 True" in with_cut and "Ёлка" in with_cut


def _bundle_files(bundle: Path) -> set[str]:
    return {path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file()}


def _file_sizes(bundle: Path) -> dict[str, int]:
    """Every file's size; a symlink (PyInstaller links libraries to the top) counts once."""
    return {
        path.relative_to(bundle).as_posix(): path.stat().st_size
        for path in bundle.rglob("*")
        if path.is_file() and not path.is_symlink()
    }


@pytest.mark.bundle
@pytest.mark.timeout(1200)
def test_the_built_bundle_passes_its_self_check(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            str(SPEC),
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]

    bundle = dist / "cesec-desktop"
    exe = bundle / ("cesec-desktop.exe" if sys.platform == "win32" else "cesec-desktop")
    assert exe.is_file()
    files = _bundle_files(bundle)
    names = {Path(name).name for name in files}
    for language in LANGUAGES:
        assert f"cesec_{language}.qm" in names
    assert {"qtbase_ru.qm", "qtbase_kk.qm", "app.png", "app.svg", "ca.pem"} <= names
    assert "qtbase_de.qm" not in names  # only the app's three languages
    unused = ("QtWebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Qt6Multimedia", "Qt6Pdf")
    # Nor what the app never loads: Qt's network stack, the embedded and GTK plugins, the
    # 8.5 MB QtOpenGL binding (a stub stands in for pyqtgraph's import of it).
    unused += ("Qt6Network", "QtNetwork.", "QtOpenGL.", "qgtk3", "qeglfs", "qlinuxfb", "qtiff")
    assert not [name for name in names if any(part in name for part in unused)]
    dangling = [path for path in bundle.rglob("*") if path.is_symlink() and not path.exists()]
    assert not dangling, "links to libraries left out of the bundle"
    sizes = _file_sizes(bundle)
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:15]
    assert sum(sizes.values()) <= MAX_BUNDLE_MIB * 2**20, "\n".join(
        [f"{sum(sizes.values()) / 2**20:.1f} MiB > {MAX_BUNDLE_MIB} MiB; the largest files:"]
        + [f"{size / 2**20:7.1f} MiB  {name}" for name, size in largest]
    )

    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PYTHONPATH", None)  # the bundle must need nothing from this Python
    check = subprocess.run(
        [str(exe), "--self-check"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=SELF_CHECK_TIMEOUT_S,
    )
    report = check.stdout + check.stderr
    assert check.returncode == 0, report
    assert "self-check passed" in report
    for step in ("start demo backend", "log in", "place SMS-signed order", "cancel order"):
        assert f"PASS  {step}" in report, report
    # The bundle has no pyproject.toml: its version comes from the metadata build.spec copies.
    version = subprocess.run(
        [str(exe), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert version.stdout.strip() == f"cesec-desktop {expected['project']['version']}"
