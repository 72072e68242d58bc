"""Centras Securities trading cabinet: a native Qt desktop client."""

__version__ = "0.1.0"
