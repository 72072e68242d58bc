"""Exit when the parent process dies, on every OS.

The demo launcher gives each child a pipe as stdin and never writes to it. When the parent
exits — normally, by a crash or by `kill -9` — the OS closes the pipe, the read below returns
EOF, and the child ends itself. No PID polling, no platform-specific calls.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)


def exit_when_stdin_closes() -> None:
    def watch() -> None:
        try:
            while sys.stdin.buffer.read(1024):
                pass
        except (OSError, ValueError):
            pass
        log.info("parent went away; exiting")
        os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
