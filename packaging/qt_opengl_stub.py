"""Stands in for PySide6.QtOpenGL in the bundle (build.spec puts it there under that name).

pyqtgraph imports QtOpenGL as it loads (PlotCurveItem, OpenGLHelpers), but it only touches
the module when a plot draws through OpenGL, which the app never turns on (pyqtgraph's
`useOpenGL` option stays off). The real binding is 8.5 MB of a bundle that must stay small,
so the import succeeds and any use fails loudly instead of drawing wrongly.
"""

from __future__ import annotations

from typing import NoReturn


def __getattr__(name: str) -> NoReturn:
    raise AttributeError(
        f"PySide6.QtOpenGL.{name}: OpenGL drawing is not part of this bundle (see build.spec)"
    )
