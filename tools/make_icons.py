"""Render the application icon's PNG sizes and the Windows ``.ico`` from its SVG source.

Why at build time: the SVG (``egov_modeler/resources/icons/egov-modeler.svg``) is the only
icon file kept in git; binaries are made from it by the build (``installer/build.sh``, the
Windows workflow) into ``build/icons/``, never committed. Qt's ``QSvgRenderer`` draws the
SVG (PySide6-Essentials ships QtSvg) and Pillow writes the multi-size ``.ico``.

Usage::

    QT_QPA_PLATFORM=offscreen python -m tools.make_icons build/icons

Output: ``hicolor/<n>x<n>/apps/egov-modeler.png`` for each size (the freedesktop icon
theme layout, copied as is into the .deb and the tar.gz), ``hicolor/scalable/apps/
egov-modeler.svg``, and ``egov-modeler.ico`` (16 to 256 pixels).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ICON_NAME = "egov-modeler"
SVG_SOURCE = (Path(__file__).resolve().parents[1] / "egov_modeler" / "resources" / "icons"
              / f"{ICON_NAME}.svg")
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows reads at most 256 px from an .ico


def png_path(out: Path, size: int) -> Path:
    """Where the PNG of ``size`` pixels goes (freedesktop hicolor layout)."""
    return out / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


_keep_alive: list[object] = []


def _ensure_qt() -> None:
    """Qt draws only with an application object alive; make one (offscreen) if needed."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep_alive.append(QGuiApplication([]))


def render_png(svg: Path, size: int, target: Path) -> None:
    """Draw ``svg`` on a transparent ``size`` x ``size`` image and save it as PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ensure_qt()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG image")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise OSError(f"{target}: could not write the PNG")


def write_ico(out: Path) -> Path:
    """One ``.ico`` holding every size up to 256, each from its own rendered PNG (small
    sizes drawn by the renderer stay sharper than a downscaled 256)."""
    from PIL import Image

    images = [Image.open(png_path(out, size)).convert("RGBA") for size in ICO_SIZES]
    target = out / f"{ICON_NAME}.ico"
    largest = images[-1]
    largest.save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=images[:-1])
    return target


def make_icons(out: Path, svg: Path = SVG_SOURCE) -> list[Path]:
    """Render every PNG size, copy the SVG as the scalable icon, write the ``.ico``;
    returns the files written."""
    written = []
    for size in PNG_SIZES:
        render_png(svg, size, png_path(out, size))
        written.append(png_path(out, size))
    scalable = out / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    written.append(write_ico(out))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.make_icons")
    parser.add_argument("output", type=Path, help="folder for the icons (e.g. build/icons)")
    args = parser.parse_args(argv)
    for path in make_icons(args.output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
