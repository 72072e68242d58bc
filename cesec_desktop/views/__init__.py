"""views layer (see DESIGN.md)."""
