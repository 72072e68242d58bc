"""The record of each signed-confirm intent: its Idempotency-Key and what the server made of it.

One JSON line when the confirm is about to go (`stage: "sent"`) and one when it answered
(`stage: "done"`, with the created id). A checker (tests/loadtest) then matches every key to
exactly one order or withdrawal on the server. Lines are appended whole, so several workers on
one machine may share the file. No code, token or password is ever written here.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Literal

Kind = Literal["order", "instruction"]
Stage = Literal["sent", "done"]


class IntentLog:
    """Appends intents to `path`; with no path it records nothing."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path else None

    def write(
        self,
        kind: Kind,
        stage: Stage,
        key: str,
        login: str,
        draft_id: str,
        created_id: str | None = None,
    ) -> None:
        if self.path is None:
            return
        line = json.dumps(
            {
                "kind": kind,
                "stage": stage,
                "key": key,
                "login": login,
                "draft_id": draft_id,
                "id": created_id,
                "at": time.time(),
            },
            ensure_ascii=True,
        )
        # One write of one short line in append mode: whole lines even with several writers.
        with self.path.open("a", encoding="ascii") as out:
            out.write(line + "\n")
