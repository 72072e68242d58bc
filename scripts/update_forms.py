"""Generate cesec_desktop/views/forms/ui_*.py from the Designer forms in ui/*.ui.

Run after editing a form: `python scripts/update_forms.py`. A test re-runs the generator
into a temporary folder and fails when the committed forms are stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import qt_tools  # noqa: E402

UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "cesec_desktop" / "views" / "forms"

# Generated code is not ours to lint or format; the markers keep ruff off it.
HEADER = "# ruff: noqa\n# fmt: off\n"


def generate(ui_file: Path) -> str:
    """The Python source pyside6-uic makes of `ui_file`, with our header."""
    result = subprocess.run(
        [*qt_tools.command("uic"), str(ui_file)],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    return HEADER + result.stdout.rstrip() + "\n"


def target_for(ui_file: Path, forms_dir: Path = FORMS_DIR) -> Path:
    return forms_dir / f"ui_{ui_file.stem}.py"


def update(forms_dir: Path = FORMS_DIR) -> list[Path]:
    forms_dir.mkdir(parents=True, exist_ok=True)
    init = forms_dir / "__init__.py"
    if not init.exists():
        init.write_text('"""Python generated from ui/*.ui by scripts/update_forms.py."""\n')
    written = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = target_for(ui_file, forms_dir)
        target.write_text(generate(ui_file), encoding="utf-8")
        written.append(target)
    return written


def main() -> int:
    for path in update():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
