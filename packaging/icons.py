"""Render the app icon (resources/dispatch-mail.svg) into the raster forms installers need.

    python packaging/icons.py OUT_DIR            # PNGs for the hicolor theme: OUT_DIR/<N>x<N>/dispatch-mail.png
    python packaging/icons.py OUT_DIR --ico      # + OUT_DIR/dispatch-mail.ico  (Windows; PNG-compressed entries)
    python packaging/icons.py OUT_DIR --icns     # + OUT_DIR/dispatch-mail.icns (macOS; PNG-compressed entries)

Rendering uses Qt's own QSvgRenderer (PySide6 is already a dependency), offscreen, so no extra
tools (Inkscape, rsvg, Pillow, iconutil) are needed on any platform.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "dispatch-mail.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (Apple's "ic07".."ic10" etc.).
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"),
              (512, b"ic09"), (1024, b"ic10"))


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered to a square, transparent PNG of ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons: cannot render {svg}")
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG streams (valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements."""
    body = b""
    for size, kind in ICNS_TYPES:
        if size in pngs:
            body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--svg", type=Path, default=SVG)
    ap.add_argument("--ico", action="store_true")
    ap.add_argument("--icns", action="store_true")
    args = ap.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (keeps Qt alive)
    sizes = set(HICOLOR_SIZES)
    if args.ico:
        sizes |= set(ICO_SIZES)
    if args.icns:
        sizes |= {s for s, _ in ICNS_TYPES}
    pngs = {s: render_png(args.svg, s) for s in sorted(sizes)}
    for s in HICOLOR_SIZES:
        d = args.out / f"{s}x{s}"
        d.mkdir(parents=True, exist_ok=True)
        (d / "dispatch-mail.png").write_bytes(pngs[s])
    if args.ico:
        (args.out / "dispatch-mail.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    if args.icns:
        (args.out / "dispatch-mail.icns").write_bytes(icns_bytes(pngs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
