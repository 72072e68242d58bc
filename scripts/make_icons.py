"""Render resources/icons/app.svg into the app's icon files: app.png, app.ico and app.icns.

    pip install -e ".[build]"        # Pillow, which writes .ico and .icns on any platform
    python scripts/make_icons.py     # after editing app.svg; commit the three files

Qt's own SVG renderer draws every size (so the icons look like the running app's), and
Pillow only packs the drawings into the containers. app.png carries the SVG's SHA-256 in a
text chunk, so a test can tell when the committed icons are older than their source.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUTPUT_DIR = ROOT / "resources"
SOURCE_HASH_KEY = "Source-SHA256"
"""The PNG text key that records which app.svg the icons were made from."""

PNG_SIZE = 256
"""app.png: the window icon on Linux and the largest Windows icon."""
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
"""Windows picks one per DPI scale for the taskbar, title bar and Explorer views."""
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)
"""The sizes behind the icns types Pillow writes (ic07-ic14: 16 px to 512 px @1x and @2x)."""


def source_hash(svg: Path = SOURCE) -> str:
    return hashlib.sha256(svg.read_bytes()).hexdigest()


def render(size: int, svg: Path = SOURCE):  # -> QImage (Qt is imported lazily)
    """The SVG drawn at `size` x `size` pixels, straight (not premultiplied) alpha."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image, text: dict[str, str] | None = None) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    for key, value in (text or {}).items():
        image.setText(key, value)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def build(svg: Path = SOURCE) -> dict[str, bytes]:
    """The three files' contents, by name."""
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit('make_icons.py needs Pillow: pip install -e ".[build]"') from None

    def pil(size: int) -> Image.Image:
        return Image.open(io.BytesIO(png_bytes(render(size, svg)))).convert("RGBA")

    digest = source_hash(svg)
    outputs = {"app.png": png_bytes(render(PNG_SIZE, svg), {SOURCE_HASH_KEY: digest})}

    ico_frames = [pil(size) for size in ICO_SIZES]
    ico = io.BytesIO()
    ico_frames[-1].save(
        ico,
        "ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=ico_frames[:-1],
    )
    outputs["app.ico"] = ico.getvalue()

    icns_frames = [pil(size) for size in ICNS_SIZES]
    icns = io.BytesIO()
    icns_frames[-1].save(icns, "ICNS", append_images=icns_frames[:-1])
    outputs["app.icns"] = icns.getvalue()
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a committed icon differs from a fresh render",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    # QPainter needs a QGuiApplication; it must stay alive (referenced) while drawing.
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])

    stale = []
    for name, data in build().items():
        target = OUTPUT_DIR / name
        if target.is_file() and target.read_bytes() == data:
            continue
        stale.append(name)
        if not args.check:
            target.write_bytes(data)
            print(f"wrote {target.relative_to(ROOT)} ({len(data):,} bytes)")
    if args.check and stale:
        print(f"out of date with {SOURCE.relative_to(ROOT)}: {', '.join(stale)}")
        return 1
    if not stale:
        print("icons are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
