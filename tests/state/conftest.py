"""The state tests drive models inside the qasync loop: the GUI tests' fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

from gui_support import _guis, qt_loop, run  # noqa: F401
