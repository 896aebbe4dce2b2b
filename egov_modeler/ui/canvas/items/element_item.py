"""Nodes on the diagram: :class:`NodeItem` (geometry, selection, resize handles) and
:class:`ElementItem`, an element drawn in ArchiMate notation.

Items hold no model state: :meth:`NodeItem.sync` reads the node and its element from the
model whenever the scene is told they changed, and caches only what is derived from them
(the outline path and the wrapped name) to keep painting cheap. The wrapped name and the
rest of the PDF's display list are made when the item is first drawn close enough to read
(:mod:`.detail`), not when a view of 2,000 elements opens zoomed out; a move keeps them
(they are in the item's own coordinates).

Resize handles are a few screen pixels wide but never more than a quarter of the box's
smaller side, and none are offered when that leaves them too small to grab: at "zoom to
fit" a selected element's handles used to cover the whole box, so pressing on it resized
it instead of moving it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ....diagram import notation as nt
from ....diagram.display_list import on_white
from ....model.viewpoints import is_allowed
from ....model.views import NODE_LEGEND
from ..display import element_items, legend_items, note_items
from ..notation_qt import element_shapes, paint_display_items, paint_shapes
from .detail import MARK_PIXELS, PLAIN_LEVEL, TEXT_LEVEL, level, screen_pen

if TYPE_CHECKING:
    from ....model.views import Node
    from ..scene import DiagramScene

#: Side of a resize handle in screen pixels when zoomed out (never below this on screen,
#: so a handle stays grabbable at the 40% an overview opens at), unless the box is too
#: small on screen for handles this size (see :meth:`NodeItem.handle_size`).
HANDLE_SIZE = 7.0
#: Handles smaller than this on screen are not offered (the box is only moved).
MIN_HANDLE_PIXELS = 3.0
#: Room around an unselected box for its outlines (selection, drop target).
OUTLINE_MARGIN = 1.5
SELECTION_COLOR = QColor("#1a73e8")
WARNING_COLOR = QColor("#e8a200")
ERROR_COLOR = QColor("#d93025")

#: How strongly an element its view's viewpoint does not show is drawn (Archi ghosts
#: them the same way: there, but faded).
GHOST_OPACITY = 0.3

#: Handle names clockwise from the top-left corner; each moves the edges it names.
HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")


class NodeItem(QGraphicsItem):
    """Base of every node: position and size come from the model's node."""

    def __init__(self, node_id: str) -> None:
        super().__init__()
        self.node_id = node_id
        self._w = 1.0
        self._h = 1.0
        self.dimmed = False
        #: Drawn faded: the view's viewpoint does not show this element's type (as Archi).
        self.ghosted = False
        self.drop_target = False  # transient drag feedback, not model state
        self._handles = False  # the bounds hold the resize handles (while selected)
        self.problem: str | None = None  # "error" / "warning" from validation
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)

    # ---------------------------------------------------------------- model access
    def diagram(self) -> DiagramScene:
        return self.scene()  # type: ignore[return-value]

    def node(self) -> Node:
        return self.diagram().node(self.node_id)

    @property
    def is_container(self) -> bool:
        return False

    # ---------------------------------------------------------------- geometry
    def sync(self) -> None:
        """Read position and size from the model, and what it shows (NodeChanged)."""
        self.sync_bounds(always_refresh=True)

    def sync_bounds(self, always_refresh: bool = False) -> None:
        """Read position and size from the model (NodeMoved); what is drawn inside is
        made again only when the size changed."""
        node = self.node()
        size = (float(node.w), float(node.h))
        resized = size != (self._w, self._h)
        if resized:
            self.prepareGeometryChange()
            self._w, self._h = size
        self.setPos(node.x, node.y)
        if resized or always_refresh:
            self.refresh()

    def refresh(self) -> None:
        """Recompute cached drawing data (after ElementChanged) and repaint."""
        self.update()

    def size(self) -> tuple[float, float]:
        return self._w, self._h

    def set_preview_rect(self, rect: QRectF) -> None:
        """Show a rectangle while a resize is being dragged (not yet in the model)."""
        self.prepareGeometryChange()
        self._w, self._h = max(rect.width(), 1.0), max(rect.height(), 1.0)
        self.setPos(rect.topLeft())
        self.refresh()

    def box(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def scene_box(self) -> QRectF:
        return QRectF(self.pos(), self.box().size())

    def handle_size(self) -> float:
        """A handle's side in scene units: :data:`HANDLE_SIZE` screen pixels when zoomed
        out, :data:`HANDLE_SIZE` scene units when zoomed in, at most a quarter of the
        box's smaller side (the middle of the box always moves it); 0 (no handles) when
        that is under :data:`MIN_HANDLE_PIXELS` on screen."""
        scene = self.diagram()
        pixel = getattr(scene, "pixel", 1.0) if scene is not None else 1.0
        size = min(HANDLE_SIZE * max(1.0, pixel), min(self._w, self._h) / 4)
        return size if pixel > 0 and size / pixel >= MIN_HANDLE_PIXELS else 0.0

    def boundingRect(self) -> QRectF:
        m = max(self.handle_size(), OUTLINE_MARGIN) if self._handles else OUTLINE_MARGIN
        return QRectF(-m, -m, self._w + 2 * m, self._h + 2 * m)

    def show_handles(self, shown: bool) -> None:
        """The item was selected or deselected: its bounds hold the handles or not (the
        scene tells it; an ``itemChange`` override would put every move and every
        stacking change of every item through Python)."""
        if shown != self._handles:
            self.prepareGeometryChange()
            self._handles = shown

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.box())
        return path

    # ---------------------------------------------------------------- handles
    def handle_rects(self) -> dict[str, QRectF]:
        """Where the handles are (none when the box is too small on screen)."""
        w, h, s = self._w, self._h, self.handle_size()
        if s <= 0:
            return {}
        points = {
            "nw": (0, 0), "n": (w / 2, 0), "ne": (w, 0), "e": (w, h / 2),
            "se": (w, h), "s": (w / 2, h), "sw": (0, h), "w": (0, h / 2),
        }
        return {k: QRectF(x - s / 2, y - s / 2, s, s) for k, (x, y) in points.items()}

    def handle_at(self, scene_pos: QPointF) -> str | None:
        """The resize handle under ``scene_pos`` when the item is selected."""
        if not self.isSelected():
            return None
        local = self.mapFromScene(scene_pos)
        slack = self.handle_size() * 2 / 7
        for name, rect in self.handle_rects().items():
            if rect.adjusted(-slack, -slack, slack, slack).contains(local):
                return name
        return None

    def paint_drop_target(self, painter: QPainter) -> None:
        """A thick outline while something being dragged would land inside this node."""
        if self.drop_target:
            painter.setPen(QPen(SELECTION_COLOR, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.box())

    def paint_marks(self, painter: QPainter, zoom: float) -> None:
        """Zoomed out: the problem, the drop target and the selection as outlines a few
        pixels wide inside the box (a corner mark or a dashed line would not show)."""
        inset = MARK_PIXELS / 2 / max(zoom, 1e-6)
        box = self.box().adjusted(inset, inset, -inset, -inset)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.problem:
            color = ERROR_COLOR if self.problem == "error" else WARNING_COLOR
            painter.setPen(screen_pen(color, MARK_PIXELS))
            painter.drawRect(box)
        if self.drop_target or self.isSelected():
            painter.setPen(screen_pen(SELECTION_COLOR, MARK_PIXELS))
            painter.drawRect(box)
        if self.isSelected():
            self.paint_handles(painter)

    def paint_handles(self, painter: QPainter) -> None:
        rects = self.handle_rects()
        if rects:
            painter.setPen(QPen(SELECTION_COLOR, 1.0))
            painter.setBrush(QBrush(QColor("white")))
            for rect in rects.values():
                painter.drawRect(rect)

    def paint_selection(self, painter: QPainter) -> None:
        self.paint_drop_target(painter)
        if not self.isSelected():
            return
        painter.setPen(QPen(SELECTION_COLOR, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.box())
        self.paint_handles(painter)

    def paint_problem(self, painter: QPainter) -> None:
        """A small triangle in the top-left corner for a validation finding."""
        if not self.problem:
            return
        color = ERROR_COLOR if self.problem == "error" else WARNING_COLOR
        path = QPainterPath()
        path.moveTo(2, 13)
        path.lineTo(8, 2)
        path.lineTo(14, 13)
        path.closeSubpath()
        painter.setPen(QPen(color.darker(130), 0.8))
        painter.setBrush(color)
        painter.drawPath(path)
        painter.setPen(QPen(QColor("white"), 1.4))
        painter.drawLine(QPointF(8, 5.5), QPointF(8, 9))
        painter.drawPoint(QPointF(8, 11))


class ElementItem(NodeItem):
    """An element (or a free-text label) drawn from the same display list as the PDF
    (:func:`egov_modeler.diagram.display_list.element_items`): outline in the type's colour, the
    type's glyph, the name wrapped with the bundled font's metrics."""

    def __init__(self, node_id: str) -> None:
        super().__init__(node_id)
        #: The PDF's display list of this node; None until it is drawn close enough to
        #: read (or asked for), and after what it shows changed.
        self._display: list | None = None
        self._kind = "element"
        self._type: str | None = None
        self._fill = QColor("white")
        self._line = "#808080"
        self._tooltip_stale = False
        self.setZValue(10)

    def refresh(self) -> None:
        """What the node shows changed: the colours now, the display list when next
        drawn up close."""
        scene = self.diagram()
        if scene is None:
            return
        node = self.node()
        self._kind = node.kind
        self._display = None
        self._type = None
        self.ghosted = False
        self._fill, self._line = QColor("white"), "#808080"
        if node.kind == "element" and node.element_id and scene.model.has_element(
                node.element_id):
            element = scene.model.element(node.element_id)
            style = scene.view().node_style(node, element.type)
            fill, line, _font = nt.element_colors(element.type, style)
            self._type = element.type
            self._fill = QColor(fill)
            if isinstance(style.fill_alpha, int):
                self._fill.setAlphaF(max(0, min(255, style.fill_alpha)) / 255.0)
            self._line = on_white(line, style.line_alpha)
            self.ghosted = not is_allowed(scene.view().viewpoint, element.type)
            self._tooltip_stale = True
        self.update()

    @property
    def _items(self) -> list:
        return self.display_items()

    def display_items(self) -> list:
        """The shapes and text lines the PDF draws for this node, at the item's origin."""
        if self._display is None:
            self._display = self._make_display()
        return self._display

    def _make_display(self) -> list:
        scene = self.diagram()
        if scene is None:
            return []
        node = self.node()
        view = scene.view()
        w, h = self._w, self._h
        if node.kind == "element" and node.element_id and scene.model.has_element(
                node.element_id):
            element = scene.model.element(node.element_id)
            top_child = scene.children_top(self.node_id)
            return element_items(
                element.type, w, h, element.name_in(scene.language),
                view.node_style(node, element.type),
                None if top_child is None else top_child - node.y)
        if node.kind == NODE_LEGEND:
            return legend_items(scene.model, view, node, scene.language, w, h)
        label = node.labels.get(scene.language) or node.label
        return note_items(node, label, w, h)

    def hoverEnterEvent(self, event) -> None:
        """The tooltip (name, type, documentation) is made when the mouse first rests
        here, not for every element of a view as it opens."""
        scene = self.diagram()
        if self._tooltip_stale and scene is not None:
            self._tooltip_stale = False
            element_id = self.node().element_id
            if element_id and scene.model.has_element(element_id):
                self.setToolTip(element_tooltip(scene.model.element(element_id),
                                                scene.language))
        super().hoverEnterEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        zoom = level(painter)
        if self.dimmed:
            painter.setOpacity(0.25)
        elif self.ghosted:
            painter.setOpacity(GHOST_OPACITY)
        if zoom < TEXT_LEVEL:
            self._paint_without_text(painter, zoom)
            painter.setOpacity(1.0)
            self.paint_marks(painter, zoom)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_display_items(painter, self.display_items())
        painter.setOpacity(1.0)
        self.paint_problem(painter)
        self.paint_selection(painter)

    def _paint_without_text(self, painter: QPainter, zoom: float) -> None:
        """Zoomed out: the notation's outline and glyph (cached paths), or below
        :data:`PLAIN_LEVEL` a plain box in the type's colour."""
        if zoom < PLAIN_LEVEL or self._type is None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(screen_pen(self._line))
            painter.setBrush(self._fill)
            painter.drawRect(self.box())
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_shapes(painter, element_shapes(self._type, self._w, self._h), self._fill,
                     QColor(self._line))


def element_tooltip(element, language: str) -> str:
    """Name, ArchiMate type and documentation, shown when the mouse rests on an element."""
    from html import escape

    from PySide6.QtCore import QCoreApplication

    from ....model.metamodel import ELEMENT_TYPES

    etype = ELEMENT_TYPES.get(element.type)
    type_label = QCoreApplication.translate("Canvas", etype.label_en) if etype else element.type
    parts = [f"<b>{escape(element.name_in(language))}</b>", escape(type_label)]
    documentation = element.documentations.get(language) or element.documentation
    if documentation:
        short = documentation if len(documentation) <= 300 else documentation[:297] + "…"
        parts.append(escape(short))
    return "<p style='max-width:360px'>" + "<br>".join(parts) + "</p>"
