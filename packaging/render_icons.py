"""Render the application icon's PNG sizes, .ico and .icns from resources/icons/factdesk.svg.

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Uses only PySide6 (QtSvg renders, Qt's image plugins write PNG and ICNS); the Windows
.ico is assembled here from PNG entries, one per size.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico(images: dict[int, QImage]) -> bytes:
    blobs = [png_bytes(images[s]) for s in ICO_SIZES]
    offset = 6 + 16 * len(blobs)
    out = struct.pack("<HHH", 0, 1, len(blobs))
    for size, blob in zip(ICO_SIZES, blobs, strict=True):
        out += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return out + b"".join(blobs)


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - image plugins need an application
    renderer = QSvgRenderer(str(ICONS / "factdesk.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'factdesk.svg'}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in (*PNG_SIZES, 1024)}
    for size in PNG_SIZES:
        images[size].save(str(ICONS / f"factdesk-{size}.png"))
    (ICONS / "factdesk.ico").write_bytes(ico(images))
    writer = QImageWriter(str(ICONS / "factdesk.icns"), b"icns")
    if not writer.write(images[1024]):
        print(f"factdesk.icns: {writer.errorString()}", file=sys.stderr)
        return 1
    print(f"wrote {len(PNG_SIZES)} PNG sizes, factdesk.ico and factdesk.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
