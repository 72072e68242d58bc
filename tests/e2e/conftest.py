"""The e2e tests drive the whole app; they share the GUI fixtures of tests/views."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

from gui_support import (  # noqa: F401
    _guis,
    _languages,
    _themes,
    backend,
    backend_factory,
    gui_factory,
    languages,
    memory_keyring,
    qt_loop,
    run,
    settings,
    themes,
)
from signing_support import ncalayer, ncalayer_factory  # noqa: F401
