"""Styling a widget through dynamic properties, so that its look lives in resources/styles/.

Views never hold stylesheet strings: they set a property (`tone="negative"`,
`side="buy"`, `role="listTable"`) and the theme's QSS styles it under a property selector.
Qt evaluates property selectors when a widget is polished, so a property that changes at
run time needs the widget polished again: that is what `restyle` does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget, **properties: object) -> None:
    """Set dynamic properties and re-apply the stylesheet's property selectors."""
    changed = False
    for name, value in properties.items():
        if widget.property(name) != value:
            widget.setProperty(name, value)
            changed = True
    if changed:
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
        widget.update()
