"""Domain models, enums, Decimal money and validators. No Qt, no I/O; shared with the mock."""
