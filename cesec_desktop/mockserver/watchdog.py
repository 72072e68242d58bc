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
        # The file descriptor, not `sys.stdin.buffer`: a read blocked in the buffered
        # reader holds its lock, and when the process ends otherwise (SIGTERM) the
        # interpreter's last close of stdin cannot take that lock from a daemon thread:
        # "Fatal Python error: _enter_buffered_busy", and SIGABRT instead of exit 0.
        try:
            descriptor = sys.stdin.fileno()
            while os.read(descriptor, 1024):
                pass
        except (OSError, ValueError, AttributeError):  # closed, or no stdin at all
            pass
        log.info("parent went away; exiting")
        os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
