"""signing layer (see DESIGN.md)."""
