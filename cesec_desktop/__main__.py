"""`python -m cesec_desktop` runs the desktop client."""

from cesec_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
