"""How much of a diagram item is drawn at the zoom it is seen at (level of detail).

Why: at "zoom to fit" a national overview of 2,000 elements is drawn at a tenth of its
size, where a name is a pixel high and a glyph a smudge; drawing every glyph and wrapped
name there cost several times the budget of a repaint and showed nothing readable. Below
:data:`TEXT_LEVEL` boxes are drawn in their notation (outline and glyph, from cached
paths) without text; below :data:`PLAIN_LEVEL` they are plain coloured rectangles and the
lines plain one-pixel strokes. The level is read from the painter, so the Navigator's
thumbnail and a copied image follow the same rule as the window.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

#: Screen pixels per scene unit (the zoom) under which names are not drawn: the 9-point
#: name would be under about 3 pixels high.
TEXT_LEVEL = 0.35
#: Under this, boxes are plain rectangles and lines have no ends (a 120 × 55 box is
#: under 24 × 11 pixels).
PLAIN_LEVEL = 0.2
#: Screen pixels of the outline that marks a selected or faulty box when zoomed out.
MARK_PIXELS = 2.0


def level(painter: QPainter) -> float:
    """The zoom the painter draws at (1.0: one scene unit per pixel)."""
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


_pens: dict[tuple[str, float], QPen] = {}


def screen_pen(color: str | QColor, pixels: float = 0.0) -> QPen:
    """A pen ``pixels`` wide on screen whatever the zoom (0: one pixel), shared by every
    item of that colour."""
    name = color.name() if isinstance(color, QColor) else color
    key = (name, pixels)
    pen = _pens.get(key)
    if pen is None:
        pen = QPen(QColor(name), pixels)
        pen.setCosmetic(True)
        _pens[key] = pen
    return pen
