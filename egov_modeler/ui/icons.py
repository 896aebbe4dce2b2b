"""Icons drawn from the ArchiMate notation (no image files to keep in step with it)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..diagram import notation as nt
from .canvas.notation_qt import element_shapes, icon_shapes, paint_shapes

ICON_PIXELS = 32


@cache
def element_type_icon(type_name: str) -> QIcon:
    """The type's corner glyph, large, on a tile of the type's colour: readable at palette
    size, and the same glyph the diagram and the PDF draw (from the notation module)."""
    pixmap = QPixmap(ICON_PIXELS, ICON_PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    try:
        fill, line, _ = nt.element_colors(type_name)
        painter.setPen(QColor(line))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(QRectF(1.5, 3.5, ICON_PIXELS - 3, ICON_PIXELS - 7), 3, 3)
        glyph = icon_shapes(type_name, 18.0)
        if glyph:
            painter.translate((ICON_PIXELS - 18) / 2, (ICON_PIXELS - 18) / 2)
            paint_shapes(painter, glyph, QColor(fill), QColor("#202020"), 1.3)
        else:  # grouping, junction: the outline is the notation
            painter.translate(5, 8)
            paint_shapes(painter, element_shapes(type_name, 22.0, 16.0), QColor(fill),
                         QColor("#202020"), 1.0)
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


def _canvas_icon(draw) -> QIcon:
    pixmap = QPixmap(ICON_PIXELS, ICON_PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    try:
        draw(painter)
    finally:
        painter.end()
    return QIcon(pixmap)


@cache
def select_tool_icon() -> QIcon:
    """A mouse pointer."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPolygonF

    def draw(p: QPainter) -> None:
        p.setPen(QColor("#202020"))
        p.setBrush(QColor("white"))
        p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in (
            (9, 4), (9, 26), (14, 21), (18, 29), (21, 28), (17, 20), (24, 20))]))
    return _canvas_icon(draw)


@cache
def connect_tool_icon() -> QIcon:
    """Two boxes joined by a serving arrow: what the connect tool draws."""
    def draw(p: QPainter) -> None:
        p.setPen(QColor("#404040"))
        p.setBrush(QColor("#b5ffff"))
        p.drawRect(QRectF(2, 18, 11, 9))
        p.setBrush(QColor("#ffffb5"))
        p.drawRect(QRectF(19, 4, 11, 9))
        p.setPen(QColor("#202020"))
        p.drawLine(9, 18, 23, 13)
        p.drawLine(23, 13, 17, 12)
        p.drawLine(23, 13, 19, 17)
    return _canvas_icon(draw)
