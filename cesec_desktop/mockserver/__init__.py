"""mockserver layer (see DESIGN.md)."""
