"""mockserver/routers layer (see DESIGN.md)."""
