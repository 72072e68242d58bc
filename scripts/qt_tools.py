"""Find PySide6's Qt tools (uic, lupdate, lrelease) through the running interpreter's install.

Neither PATH nor `python -m PySide6.scripts.pyside_tool` can be trusted: the venv's bin/ is
not on PATH when a test or script is started by the interpreter's full path, a `pyside6-uic`
found on PATH may belong to another PySide6 (its output differs), and the module fallback is
broken in PySide6 6.11.3. So the console script next to this interpreter is used, else
PySide6's own entry function, run by this interpreter: both run the binaries bundled in the
PySide6 package that `import PySide6` sees.
"""

from __future__ import annotations

import shutil
import sys
import sysconfig

TOOLS = ("uic", "lupdate", "lrelease")


def command(tool: str) -> list[str]:
    """The command (argv prefix) that runs PySide6's `tool` from this interpreter's install."""
    if tool not in TOOLS:
        raise ValueError(f"unknown Qt tool {tool!r}; expected one of {', '.join(TOOLS)}")
    # bin/ (or Scripts\ on Windows) of the environment this interpreter runs in.
    scripts = sysconfig.get_path("scripts")
    found = shutil.which(f"pyside6-{tool}", path=scripts) if scripts else None
    if found:
        return [found]
    # The function the console script would call; it passes sys.argv[1:] on to the binary.
    code = f"import sys; from PySide6.scripts.pyside_tool import {tool}; sys.exit({tool}())"
    return [sys.executable, "-c", code]
