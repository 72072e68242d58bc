"""Update i18n/cesec_{kk,ru,en}.ts from the sources and forms, then compile the .qm files.

    python scripts/update_translations.py            # lupdate + lrelease
    python scripts/update_translations.py --release  # lrelease only

pyside6-lupdate reads every `tr()` / `QCoreApplication.translate()` in cesec_desktop/ (the
generated forms excepted: it reads their ui/*.ui sources instead) and keeps the translations
already made. New strings arrive unfinished; a test fails until they are translated.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import qt_tools  # noqa: E402

I18N = ROOT / "i18n"
LANGUAGES = ("kk", "ru", "en")
SKIP = ("cesec_desktop/views/forms/", "cesec_desktop/mockserver/")


def sources() -> list[Path]:
    files = [
        path
        for path in sorted((ROOT / "cesec_desktop").rglob("*.py"))
        if not any(path.relative_to(ROOT).as_posix().startswith(skip) for skip in SKIP)
    ]
    return files + sorted((ROOT / "ui").glob("*.ui"))


def ts_file(language: str) -> Path:
    return I18N / f"cesec_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N / f"cesec_{language}.qm"


def lupdate() -> None:
    I18N.mkdir(exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    for language in LANGUAGES:
        subprocess.run(
            [
                *qt_tools.command("lupdate"),
                *files,
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(ts_file(language).relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )


def lrelease() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [*qt_tools.command("lrelease"), str(ts_file(language)), "-qm", str(qm_file(language))],
            cwd=ROOT,
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts into .qm")
    args = parser.parse_args()
    if not args.release:
        lupdate()
    lrelease()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
