"""The bands' and groups' names written over a zoomed-out diagram at a readable size.

Why: zoomed out, a band's name in its tab is a few pixels high (at the 40% a large view
opens at) or not drawn at all (below :data:`~.items.detail.TEXT_LEVEL`), yet on a national
overview the bands (the framework's layers) are what an architect finds their way by.
The names are written over the diagram like the place names of a map: a fixed size on
screen, on a light label, at each band's top left corner, for the bands tall enough on
screen to hold them. Only the window shows them (the Navigator, copies and the PDF draw
the scene itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from .items import BandItem

if TYPE_CHECKING:
    from .view import DiagramView

#: Height of the names on screen, in pixels.
NAME_PIXELS = 13
#: The zoom under which the names are written over the diagram: a tab's 9-point name is
#: then under about 9 pixels high (3.5 at the 40% a large view opens at).
NAMES_LEVEL = 0.75
#: A band shorter than this many pixels on screen gets no name written over it.
MIN_BAND_PIXELS = 24
_LABEL = QColor(255, 255, 255, 215)
_TEXT = QColor("#202020")


def paint_band_names(view: DiagramView, painter: QPainter, exposed: QRectF) -> int:
    """Write the names of the bands in ``exposed`` (scene coordinates) when the view is
    zoomed out past :data:`NAMES_LEVEL`; how many were written."""
    zoom = view.transform().m11()
    if zoom >= NAMES_LEVEL or zoom <= 0:
        return 0
    items = [i for i in view.diagram().container_items() if isinstance(i, BandItem) and i.label]
    if not items:
        return 0
    font = QFont(view.font())
    font.setPixelSize(NAME_PIXELS)
    font.setBold(True)
    metrics = QFontMetricsF(font)
    written = 0
    painter.save()
    painter.resetTransform()  # from here on, viewport pixels
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for item in items:
        box = item.scene_box()
        if not box.intersects(exposed) or box.height() * zoom < MIN_BAND_PIXELS:
            continue
        corner = view.mapFromScene(box.topLeft())
        width = min(metrics.horizontalAdvance(item.label) + 8, box.width() * zoom)
        label = QRectF(QPointF(corner) + QPointF(1, 1), QPointF(
            corner.x() + 1 + width, corner.y() + 1 + metrics.height() + 2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_LABEL)
        painter.drawRect(label)
        painter.setPen(_TEXT)
        painter.drawText(label.adjusted(4, 1, -4, -1),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(item.label, Qt.TextElideMode.ElideRight,
                                            max(0.0, width - 8)))
        written += 1
    painter.restore()
    return written
