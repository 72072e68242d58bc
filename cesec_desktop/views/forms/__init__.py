"""Python generated from ui/*.ui by scripts/update_forms.py."""
