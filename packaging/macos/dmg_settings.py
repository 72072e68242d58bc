# dmgbuild settings of the macOS disk image: the .app and a link to /Applications to drag it
# onto. Run on macOS from the repository's root, after `pyinstaller --noconfirm build.spec`:
#
#   version=$(python scripts/project_version.py)
#   dmgbuild -s packaging/macos/dmg_settings.py -D version="$version" \
#       -D app=dist/cesec-desktop.app "Centras Securities $version" \
#       "dist/cesec-desktop-$version-macos-arm64.dmg"
#
# dmgbuild executes this file with `defines` (the -D options), `filename` and `volume_name`
# among its globals, and reads back the names it sets. The version comes only through -D
# version (pyproject.toml's, via scripts/project_version.py): this file names none.
# Paths are relative to the folder dmgbuild runs in (it passes no __file__).

# ruff: noqa: F821  (defines is dmgbuild's global)

import os.path

version = defines.get("version", "")
if not version:
    raise ValueError("dmg_settings.py needs -D version=X.Y.Z (python scripts/project_version.py)")
application = defines.get("app", "dist/cesec-desktop.app")
app_name = os.path.basename(application.rstrip("/"))

volume_name = f"Centras Securities {version}"
# lzfse: smaller and faster to open than dmgbuild's default bzip2, read by macOS 10.11 and
# newer (the app's Qt needs a newer macOS than that anyway).
format = defines.get("format", "ULFO")
# The volume's icon: the app's own.
icon = defines.get("icon", "resources/app.icns")

files = [application]
symlinks = {"Applications": "/Applications"}

# One window, the app on the left and Applications on the right, nothing else shown.
window_rect = ((200, 160), (600, 320))
default_view = "icon-view"
icon_size = 128
text_size = 13
icon_locations = {app_name: (150, 140), "Applications": (450, 140)}
show_status_bar = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
