"""The bundle's entry script: the desktop app, or one of its demo services.

A frozen app has no `python -m`, so demo.py starts the mock backend and the mock NCALayer as
`<app> --run-demo-service <module> ...`. That is dispatched here, before the app (and Qt) is
imported, so a service starts as fast and as light as it does from source.
"""

from __future__ import annotations

import sys


def main() -> int:
    from cesec_desktop.demo import SERVICE_FLAG

    if len(sys.argv) > 1 and sys.argv[1] == SERVICE_FLAG:
        from cesec_desktop.demo import run_service

        return run_service(sys.argv[2:])
    from cesec_desktop.app import main as app_main

    return app_main()


if __name__ == "__main__":
    raise SystemExit(main())
