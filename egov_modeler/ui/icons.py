"""Icons drawn from the ArchiMate notation (no image files to keep in step with it)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..export import notation as nt
from .canvas.notation_qt import element_shapes, paint_shapes

ICON_PIXELS = 32


@cache
def element_type_icon(type_name: str) -> QIcon:
    """A small box in the type's colour and shape with its corner glyph: what the type
    looks like on the diagram, for the palette and menus."""
    pixmap = QPixmap(ICON_PIXELS, ICON_PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    try:
        fill, line, _ = nt.element_colors(type_name)
        w, h = 46.0, 34.0  # drawn at element proportions, then scaled into the square
        scale = (ICON_PIXELS - 2) / w
        painter.translate(1, (ICON_PIXELS - h * scale) / 2)
        painter.scale(scale, scale)
        paint_shapes(painter, element_shapes(type_name, w, h), QColor(fill), QColor(line),
                     1.0 / scale)
    finally:
        painter.end()
    return QIcon(pixmap)


@cache
def band_icon() -> QIcon:
    """A swimlane, for layer-band rows."""
    pixmap = QPixmap(ICON_PIXELS, ICON_PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#8797ab"))
    painter.setBrush(QColor("#eaeef4"))
    painter.drawRect(QRectF(2, 9, 28, 14))
    painter.setBrush(QColor("#dde4ee"))
    painter.drawRect(QRectF(2, 9, 8, 14))
    painter.end()
    return QIcon(pixmap)
