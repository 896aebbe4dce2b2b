"""ArchiMate notation as Qt paths, built from the backend-neutral primitives.

The geometry of every shape, glyph and line end lives in
:mod:`egov_modeler.diagram.notation`, shared with the PDF; this module only turns those
primitives into ``QPainterPath`` objects and paints them with the right fill, so canvas and
paper show the same notation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ...diagram import notation as nt

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Shape:
    """One primitive ready to paint: its path, what to fill it with, its dash pattern."""

    path: QPainterPath
    fill: str
    dash: tuple[float, ...] = ()


def primitive_path(prim: nt.Primitive) -> QPainterPath:
    """One :mod:`~egov_modeler.diagram.notation` primitive as a ``QPainterPath``."""
    path = QPainterPath()
    if isinstance(prim, nt.Rect):
        path.addRect(QRectF(prim.x, prim.y, prim.w, prim.h))
    elif isinstance(prim, nt.RoundedRect):
        path.addRoundedRect(QRectF(prim.x, prim.y, prim.w, prim.h), prim.r, prim.r)
    elif isinstance(prim, nt.Ellipse):
        path.addEllipse(QRectF(prim.x, prim.y, prim.w, prim.h))
    elif isinstance(prim, (nt.Polygon, nt.Polyline)):
        points = [QPointF(x, y) for x, y in prim.points]
        if points:
            path.moveTo(points[0])
            for p in points[1:]:
                path.lineTo(p)
            if isinstance(prim, nt.Polygon):
                path.closeSubpath()
    elif isinstance(prim, nt.Path):
        for op in prim.ops:
            kind = op[0]
            if kind == "M":
                path.moveTo(op[1], op[2])
            elif kind == "L":
                path.lineTo(op[1], op[2])
            elif kind == "C":
                path.cubicTo(op[1], op[2], op[3], op[4], op[5], op[6])
            elif kind == "Z":
                path.closeSubpath()
    return path


def shapes(prims: list[nt.Primitive]) -> tuple[Shape, ...]:
    return tuple(Shape(primitive_path(p), p.fill, tuple(p.dash)) for p in prims)


def paint_shapes(painter: QPainter, items: tuple[Shape, ...] | list[Shape], fill: QColor,
                 line: QColor, width: float = 1.0) -> None:
    """Paint primitives: ``shape`` fill = element colour, ``line`` = line colour,
    ``white`` = paper, ``none`` = outline only."""
    for shape in items:
        pen = QPen(line, width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        if shape.dash:
            pen.setDashPattern([max(d / width, 0.1) for d in shape.dash])
        painter.setPen(pen)
        if shape.fill == nt.FILL_SHAPE:
            painter.setBrush(fill)
        elif shape.fill == nt.FILL_LINE:
            painter.setBrush(line)
        elif shape.fill == nt.FILL_WHITE:
            painter.setBrush(QColor("white"))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(shape.path)


@lru_cache(maxsize=8192)
def element_shapes(type_name: str, w: float, h: float) -> tuple[Shape, ...]:
    """Outline then corner glyph of an element of ``type_name`` in box (0, 0, w, h)."""
    try:
        prims = list(nt.element_outline(type_name, 0.0, 0.0, w, h))
        box = nt.icon_box(type_name, 0.0, 0.0, w, h)
        if box is not None:
            prims.extend(nt.element_icon(type_name, box[0], box[1], box[2]))
        return shapes(prims)
    except Exception:
        log.exception("notation failed for %s", type_name)
        path = QPainterPath()
        path.addRect(QRectF(0, 0, w, h))
        return (Shape(path, nt.FILL_SHAPE),)


def icon_shapes(type_name: str, size: float) -> tuple[Shape, ...]:
    """Only the corner glyph, filling a square of side ``size`` (palette icons)."""
    return shapes(nt.element_icon(type_name, 0.0, 0.0, size))


@lru_cache(maxsize=16384)
def _prim_path(prim: nt.Primitive) -> QPainterPath:
    return primitive_path(prim)


def paint_display_items(painter: QPainter, items: list) -> None:
    """Paint a display list of :mod:`egov_modeler.diagram.display_list` (what the PDF paints)."""
    from ...diagram.display_list import ShapeItem, TextItem
    from .text import TextBlock

    for item in items:
        if isinstance(item, ShapeItem):
            if item.stroke:
                pen = QPen(QColor(item.stroke), item.width)
                pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
                if item.dash:
                    pen.setDashPattern([max(d / item.width, 0.1) for d in item.dash])
                painter.setPen(pen)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            if item.fill:
                color = QColor(item.fill)
                color.setAlphaF(item.fill_alpha)
                painter.setBrush(color)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_prim_path(item.prim))
        elif isinstance(item, TextItem):
            if item.background:
                from ...diagram.text_layout import text_width

                width = text_width(item.text, item.size, item.bold)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(item.background))
                painter.drawRect(QRectF(item.x - 1, item.y - item.size * 0.95, width + 2,
                                        item.size * 1.25))
            TextBlock([(item.x, item.y, item.text)], item.size, item.bold).paint(
                painter, QColor(item.color))
