"""The live connection's state as the views see it (mirrors the stream client's)."""

from __future__ import annotations

from enum import StrEnum


class Connection(StrEnum):
    """Online, reconnecting or offline: the stream's `ConnectionState` by value."""

    ONLINE = "online"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"

    @classmethod
    def of(cls, value: object) -> Connection:
        """From the stream client's state (or its string value); unknown means offline."""
        try:
            return cls(str(getattr(value, "value", value)))
        except ValueError:
            return cls.OFFLINE
