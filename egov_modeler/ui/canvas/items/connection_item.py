"""A connection on the diagram: the relationship's line in ArchiMate notation.

The route is the source box's centre, the bendpoints, the target box's centre, cut at the
two boxes' edges. The item reads everything from the model and from the two end items'
current boxes, so during a drag (before the model is told) it follows its ends.

What depends on the zoom (the width a click may miss the line by, the bendpoint handles)
is made when asked for, not when the zoom changes: a zoom step used to route all 4,000
lines of a national overview again. The route's bounds are kept with the route (Qt asks
for them on every paint and every hit test). Zoomed out (:mod:`.detail`) a line is drawn
without its name, and further out without its ends.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ....diagram import notation as nt
from ....diagram.display_list import connection_text, on_white
from ....model.views import Style
from ..display import connection_label
from ..notation_qt import Shape, paint_display_items, paint_shapes, shapes
from .detail import PLAIN_LEVEL, TEXT_LEVEL, level, screen_pen
from .element_item import SELECTION_COLOR

#: Bendpoint handle side and the width a click on a line may miss by, in screen pixels
#: when zoomed out (scene units when zoomed in), so lines stay clickable at any zoom.
BENDPOINT_SIZE = 7.0
HIT_WIDTH = 8.0
#: The hit width in screen pixels when zoomed out (narrower than zoomed in, so a line
#: near an element does not take the element's clicks).
HIT_PIXELS = 6.0
#: How far an end's glyph (arrowhead, diamond, triangle) reaches from the end it marks.
END_REACH = 13.0


def _box(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


class ConnectionItem(QGraphicsItem):
    """One connection of the view (a relationship, or a plain line)."""

    def __init__(self, connection_id: str) -> None:
        super().__init__()
        self.connection_id = connection_id
        self.points: list[QPointF] = []
        self._path = QPainterPath()
        #: The area a click on the line itself selects, made when first asked for. It
        #: and the bounds do not depend on the zoom, so a zoom moves no line in the
        #: scene's index: zoomed out, the select tool also takes presses a few pixels off
        #: the line (``SelectTool.lines_near``). Only a selected line's bendpoint handles
        #: keep a size on screen, and it is told when the zoom changes.
        self._hit: QPainterPath | None = None
        self._handles = False
        self._bends: list[tuple[float, float]] = []
        #: What the route, its ends and its name cover, and the margin around it for the
        #: hit area and the handles (None: to be made).
        self._route_bounds = QRectF()
        self._margin: float | None = None
        self._bounds: QRectF | None = None
        #: The ends' glyphs and the dash pattern, made when first drawn.
        self._ends: tuple[Shape, ...] | None = None
        self._dash: tuple[float, ...] = ()
        self._text = ""
        self._label: list = []
        self._pen = QPen(QColor(nt.CONNECTION_COLOR), 1.0)
        self._style: Style | None = None
        self._rel_type: str | None = None
        self._access: str | None = None
        self._directed = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(1000)

    def diagram(self):
        return self.scene()

    def connection(self):
        return self.diagram().connection(self.connection_id)

    def _pixel(self) -> float:
        """Scene units per screen pixel, at least 1 (see ``DiagramScene.pixel``)."""
        scene = self.diagram()
        return max(1.0, getattr(scene, "pixel", 1.0)) if scene is not None else 1.0

    def bendpoint_size(self) -> float:
        return BENDPOINT_SIZE * self._pixel()

    def hit_width(self) -> float:
        """How far off the line (across, in scene units) a press still takes it: a few
        screen pixels when zoomed out."""
        return max(HIT_WIDTH, HIT_PIXELS * self._pixel())

    def _handle_size(self) -> float:
        """Side of the bendpoints in the hit area and the bounds: their size on screen
        while the handles are shown, else their size close up."""
        return self.bendpoint_size() if self._handles else BENDPOINT_SIZE

    def show_handles(self, shown: bool) -> None:
        """Selected, the line shows its bendpoints as handles of a fixed size on screen
        (its bounds make room for them); deselected, it gives the room back."""
        if shown != self._handles:
            self.prepareGeometryChange()
            self._handles = shown
            self._hit = None
            self._margin = self._bounds = None

    def sync(self) -> None:
        """Re-read the relationship and the route (after an event or an end moved)."""
        scene = self.diagram()
        if scene is None:
            return
        self._margin = self._bounds = None  # the zoom of the scene it is in now
        conn = self.connection()
        rel = None
        if conn.relationship_id and scene.model.has_relationship(conn.relationship_id):
            rel = scene.model.relationship(conn.relationship_id)
        self._rel_type = rel.type if rel else None
        language = scene.language
        self._text = connection_text(rel, conn, language)  # as the PDF writes it
        self._access = rel.access_type if rel else None
        self._directed = bool(rel and rel.is_directed)
        self._style = conn.style
        color = QColor(on_white(conn.style.line_color or nt.CONNECTION_COLOR,
                                conn.style.line_alpha))
        self._pen = QPen(color, float(conn.style.line_width or 1.0))
        self._pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.update_route()

    def update_route(self, preview: tuple[int, QPointF] | None = None) -> None:
        """Recompute the route from the ends' current boxes (cheap; called while dragging).
        ``preview`` puts bendpoint ``index`` at a point the model does not know yet."""
        scene = self.diagram()
        if scene is None:
            return
        conn = self.connection()
        source = scene.anchor_rect(conn.source)
        target = scene.anchor_rect(conn.target)
        if source is None or target is None:
            return
        bends = [(float(x), float(y)) for x, y in conn.bendpoints]
        if preview is not None and 0 <= preview[0] < len(bends):
            bends[preview[0]] = (preview[1].x(), preview[1].y())
        route = nt.connection_points(_box(source), _box(target), bends)
        self.prepareGeometryChange()
        self.points = [QPointF(x, y) for x, y in route]
        self._bends = bends
        self._rebuild_path()
        self.update()

    def zoom_changed(self) -> None:
        """The zoom changed while the handles are shown: they keep their size on screen."""
        if not self._handles:
            return
        self.prepareGeometryChange()
        self._hit = None
        self._margin = self._bounds = None

    def _rebuild_path(self) -> None:
        start = self.points[0]
        path = QPainterPath(start)
        for p in self.points[1:]:
            path.lineTo(p)
        self._path = path
        self._hit = None
        self._ends = None  # made when first drawn (a zoomed-out view never draws them)
        label = connection_label([(p.x(), p.y()) for p in self.points], self._text,
                                 self._style)
        self._label = [label] if label is not None else []
        # An end's glyph lies within END_REACH of the end it marks.
        rect = self._path.boundingRect().adjusted(-END_REACH, -END_REACH, END_REACH,
                                                  END_REACH)
        self._bounds = None
        for label in self._label:
            rect = rect.united(QRectF(label.x - 2, label.y - label.size * 1.2,
                                      len(label.text) * label.size + 4, label.size * 2))
        self._route_bounds = rect

    def midpoint(self) -> QPointF:
        """Half-way along the route: where a connection to this connection attaches."""
        if not self.points:
            return QPointF()
        return self._path.pointAtPercent(0.5)

    def distance_to(self, scene_pos: QPointF) -> float:
        """How far ``scene_pos`` is from the line (scene units)."""
        return min((_distance_to_segment(scene_pos, a, b)
                    for a, b in zip(self.points, self.points[1:], strict=False)),
                   default=math.inf)

    # ---------------------------------------------------------------- bendpoints
    def bendpoint_at(self, scene_pos: QPointF) -> int | None:
        """Index of the bendpoint under ``scene_pos``."""
        size = self.bendpoint_size()
        for index, p in enumerate(self.points[1:-1]):
            if abs(p.x() - scene_pos.x()) <= size and abs(p.y() - scene_pos.y()) <= size:
                return index
        return None

    def segment_at(self, scene_pos: QPointF) -> int:
        """Index where a new bendpoint at ``scene_pos`` goes (the nearest segment)."""
        best, best_d = 0, math.inf
        for i in range(len(self.points) - 1):
            d = _distance_to_segment(scene_pos, self.points[i], self.points[i + 1])
            if d < best_d:
                best, best_d = i, d
        return best

    def preview_bendpoint(self, index: int, pos: QPointF) -> None:
        """Show a bendpoint being dragged before the model is told: the whole route, so
        the ends slide along their boxes as they will once the model is told (moving only
        the bendpoint left the ends where they were, and they jumped on release)."""
        self.update_route(preview=(index, pos))

    # ---------------------------------------------------------------- painting
    def _decorations(self) -> tuple[Shape, ...]:
        """The ends' glyphs (and the dash pattern), made from the route when first
        needed."""
        if self._ends is None:
            dash, src, tgt = nt.relationship_decorations(
                self._rel_type, self._access, self._directed,
                [(p.x(), p.y()) for p in self.points])
            self._dash = dash
            self._ends = shapes([*src, *tgt])
        return self._ends

    def boundingRect(self) -> QRectF:
        bounds = self._bounds
        if bounds is None:  # Qt asks several times per paint: keep it until it changes
            if self._margin is None:
                self._margin = max(HIT_WIDTH, self._handle_size())
            m = self._margin
            bounds = self._bounds = self._route_bounds.adjusted(-m, -m, m, m)
        return bounds

    def shape(self) -> QPainterPath:
        """The line widened to :data:`HIT_WIDTH`, and the bendpoints."""
        if self._hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(HIT_WIDTH)
            # Flat ends: the route stops at its boxes' edges, and so does the hit area
            # (a square end reached half the width into the box, taking its presses).
            stroker.setCapStyle(Qt.PenCapStyle.FlatCap)
            hit = stroker.createStroke(self._path)
            size = self._handle_size()
            for x, y in self._bends:
                hit.addRect(QRectF(x - size / 2, y - size / 2, size, size))
            self._hit = hit
        return self._hit

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        zoom = level(painter)
        if zoom < PLAIN_LEVEL:  # a plain one-pixel stroke
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(screen_pen(SELECTION_COLOR, 2.0) if self.isSelected()
                           else screen_pen(self._pen.color()))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        ends = self._decorations()
        pen = QPen(self._pen)
        if self.isSelected():
            pen.setColor(SELECTION_COLOR)
            pen.setWidthF(pen.widthF() + 0.8)
        if self._dash:
            pen.setDashPattern([max(d / pen.widthF(), 0.1) for d in self._dash])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        paint_shapes(painter, ends, pen.color(), pen.color(), pen.widthF())
        if zoom >= TEXT_LEVEL:
            paint_display_items(painter, self._label)
        if self.isSelected() and self._handles:
            painter.setPen(QPen(SELECTION_COLOR, 1.0))
            painter.setBrush(QColor("white"))
            size = self.bendpoint_size()
            for p in self.points[1:-1]:
                painter.drawRect(QRectF(p.x() - size / 2, p.y() - size / 2, size, size))


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p.x() - a.x(), p.y() - a.y())
    t = max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))
