"""The application's icon, drawn from its SVG source for the window, the About box and the
task bar.

Why render here rather than ``QIcon(path)``: loading an SVG by file name needs Qt's SVG
icon-engine plugin, one more thing a frozen bundle could miss; :class:`QSvgRenderer` is in
the QtSvg module the program imports, so the icon shows wherever the program runs. The
packaged builds get the same drawing as PNG files and a Windows ``.ico``
(``tools/make_icons.py``).
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

ICON_FILE = "egov-modeler.svg"
#: Sizes drawn into the icon; Qt picks the nearest for title bars, task bars and docks.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_svg() -> bytes:
    """The SVG source shipped in ``resources/icons``."""
    return (resources.files("egov_modeler") / "resources" / "icons" / ICON_FILE).read_bytes()


def icon_pixmap(size: int) -> QPixmap:
    """The icon drawn at ``size`` x ``size`` pixels on a transparent background (a null
    pixmap, and a warning in the log, when the SVG is missing or broken)."""
    try:
        renderer = QSvgRenderer(QByteArray(icon_svg()))
    except OSError as exc:
        log.warning("application icon unavailable: %s", exc)
        return QPixmap()
    if not renderer.isValid():
        log.warning("application icon %s is not a valid SVG", ICON_FILE)
        return QPixmap()
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


@cache
def application_icon() -> QIcon:
    """The program's icon at every size of :data:`ICON_SIZES`."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = icon_pixmap(size)
        if not pixmap.isNull():
            icon.addPixmap(pixmap)
    return icon
