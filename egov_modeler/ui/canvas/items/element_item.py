"""Nodes on the diagram: :class:`NodeItem` (geometry, selection, resize handles) and
:class:`ElementItem`, an element drawn in ArchiMate notation.

Items hold no model state: :meth:`NodeItem.sync` reads the node and its element from the
model whenever the scene is told they changed, and caches only what is derived from them
(the outline path and the wrapped name) to keep painting cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ....model.viewpoints import is_allowed
from ....model.views import NODE_LEGEND
from ..display import element_items, legend_items, note_items
from ..notation_qt import paint_display_items

if TYPE_CHECKING:
    from ....model.views import Node
    from ..scene import DiagramScene

#: Side of a resize handle in screen pixels when zoomed out (never below this on screen,
#: so a handle stays grabbable at the 40% an overview opens at).
HANDLE_SIZE = 7.0
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
        """Read position and size from the model (after NodeMoved/NodeChanged)."""
        node = self.node()
        self.prepareGeometryChange()
        self._w, self._h = float(node.w), float(node.h)
        self.setPos(node.x, node.y)
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
        out, :data:`HANDLE_SIZE` scene units when zoomed in."""
        scene = self.diagram()
        pixel = getattr(scene, "pixel", 1.0) if scene is not None else 1.0
        return HANDLE_SIZE * max(1.0, pixel)

    def boundingRect(self) -> QRectF:
        m = self.handle_size()
        return QRectF(-m, -m, self._w + 2 * m, self._h + 2 * m)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.box())
        return path

    # ---------------------------------------------------------------- handles
    def handle_rects(self) -> dict[str, QRectF]:
        w, h, s = self._w, self._h, self.handle_size()
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

    def paint_selection(self, painter: QPainter) -> None:
        self.paint_drop_target(painter)
        if not self.isSelected():
            return
        painter.setPen(QPen(SELECTION_COLOR, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.box())
        painter.setPen(QPen(SELECTION_COLOR, 1.0))
        painter.setBrush(QBrush(QColor("white")))
        for rect in self.handle_rects().values():
            painter.drawRect(rect)

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
        self._items: list = []
        self._kind = "element"
        self.setZValue(10)

    def refresh(self) -> None:
        scene = self.diagram()
        if scene is None:
            return
        node = self.node()
        self._kind = node.kind
        w, h = self._w, self._h
        view = scene.view()
        self.ghosted = False
        if node.kind == "element" and node.element_id and scene.model.has_element(
                node.element_id):
            element = scene.model.element(node.element_id)
            top_child = scene.children_top(self.node_id)
            self._items = element_items(
                element.type, w, h, element.name_in(scene.language),
                view.node_style(node, element.type),
                None if top_child is None else top_child - node.y)
            self.ghosted = not is_allowed(view.viewpoint, element.type)
            self.setToolTip(element_tooltip(element, scene.language))
        elif node.kind == NODE_LEGEND:
            self._items = legend_items(scene.model, view, node, scene.language, w, h)
        else:
            label = node.labels.get(scene.language) or node.label
            self._items = note_items(node, label, w, h)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.dimmed:
            painter.setOpacity(0.25)
        elif self.ghosted:
            painter.setOpacity(GHOST_OPACITY)
        paint_display_items(painter, self._items)
        painter.setOpacity(1.0)
        self.paint_problem(painter)
        self.paint_selection(painter)


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
