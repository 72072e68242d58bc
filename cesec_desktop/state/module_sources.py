"""Keep PySide6's import hook from holding the source of every module in memory.

Once PySide6 is imported, shiboken's `__import__` hook asks of each newly imported module
whether its source mentions PySide6 (to apply `from __feature__ import …` selections). It
reads the source with `inspect.getsource`, which goes through `linecache`, and linecache
keeps every line of every such module for good: about 11 MB of text at Home, interleaved
with the imports' long-lived objects, so clearing the cache later gives little of it back.

`stop_caching_module_sources()` gives the hook a check that reads the file and lets it go.
The answer is the same (does the text mention PySide6?). A frozen bundle has no `.py`
sources, so there the hook finds none either way. If a PySide6 release renames its private
check, this does nothing and says so in the log.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"
_MAX_SOURCE_BYTES = 4 * 1024 * 1024
"""Larger files are not searched (no source of ours or our libraries' comes near)."""


def mentions_pyside(module: ModuleType) -> bool:
    """Whether the module's source file mentions PySide6: the hook's own question, answered
    without `linecache`."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or getattr(module, "__file__", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        with open(origin, "rb") as source:
            text = source.read(_MAX_SOURCE_BYTES + 1)
    except OSError:
        return False
    return len(text) <= _MAX_SOURCE_BYTES and b"PySide6" in text


def stop_caching_module_sources() -> bool:
    """Replace the hook's source check (after `import PySide6`); True if it was there."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _CHECK, None)):
        log.info("PySide6's import hook has no %s: module sources left as they are", _CHECK)
        return False
    setattr(feature, _CHECK, mentions_pyside)
    return True
