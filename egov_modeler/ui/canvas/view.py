"""The diagram widget: zoom, palette drops, and mouse events handed to the active tool."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from ..editor import Editor
from .autoscroll import EdgeScroller
from .band_names import paint_band_names
from .nesting import holder_at, nests_into_elements
from .scene import DiagramScene
from .tools import ConnectTool, PlaceTool, SelectTool, Tool
from .tools.painter import PainterTool

if TYPE_CHECKING:
    from .name_editor import NameEditor
    from .text_editor import NodeTextEditor

log = logging.getLogger(__name__)

#: What a palette drag carries: the catalog component id (or ``type:<ArchiMate type>``).
COMPONENT_MIME = "application/x-egov-component"
#: What a model-tree drag carries: the id of an element already in the model.
ELEMENT_MIME = "application/x-egov-element"
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
#: The least zoom a view opens at: names are drawn from ``detail.TEXT_LEVEL`` (0.35) but
#: read comfortably only from about half size.
OPEN_LEAST_ZOOM = 0.5


def _mime_text(mime: QMimeData, kind: str) -> str | None:
    if not mime.hasFormat(kind):
        return None
    return bytes(mime.data(kind).data()).decode("utf-8").strip() or None


def payload_of(mime: QMimeData) -> str | None:
    """The component id a drag carries, or None for anything else."""
    return _mime_text(mime, COMPONENT_MIME)


def element_of(mime: QMimeData) -> str | None:
    """The existing element's id a model-tree drag carries, or None for anything else."""
    return _mime_text(mime, ELEMENT_MIME)


def _droppable(mime: QMimeData) -> bool:
    return bool(element_of(mime) or payload_of(mime))


class DiagramView(QGraphicsView):
    """Shows one :class:`DiagramScene`; the object name ``canvas`` is part of the
    automation contract."""

    zoomChanged = Signal(float)
    toolChanged = Signal(str)

    def __init__(self, scene: DiagramScene, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("canvas")
        self.editor = editor
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.tools: dict[str, Tool] = {
            "select": SelectTool(self), "connect": ConnectTool(self), "place": PlaceTool(self),
            "painter": PainterTool(self),
        }
        self.tool: Tool = self.tools["select"]
        self.tool.activate()
        self.zoomChanged.connect(lambda zoom: self.diagram().set_pixel_size(
            1.0 / zoom if zoom > 0 else 1.0))
        #: The open in-place name editor (see :meth:`edit_name`), or None.
        self.name_editor: NameEditor | None = None
        #: The open editor of a note's, group's or legend's text (:meth:`edit_text`).
        self.text_editor: NodeTextEditor | None = None
        #: Scrolls while a drag rests at the window's edge.
        self.scroller = EdgeScroller(self)

    def diagram(self) -> DiagramScene:
        return self.scene()  # type: ignore[return-value]

    @property
    def view_id(self) -> str:
        return self.diagram().view_id

    # ---------------------------------------------------------------- tools
    def set_tool(self, name: str) -> None:
        """Make ``name`` ("select", "connect", "place", "painter") the active mouse
        mode."""
        tool = self.tools[name]
        if tool is self.tool:
            return
        self.tool.deactivate()
        self.tool = tool
        tool.activate()
        self.toolChanged.emit(name)

    def tool_name(self) -> str:
        return next(k for k, v in self.tools.items() if v is self.tool)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        if event.button() == Qt.MouseButton.RightButton:
            # The context menu acts on what was clicked: select it first.
            select = self.tools["select"]
            assert isinstance(select, SelectTool)
            hit = select.hit(self.mapToScene(event.position().toPoint()))
            if hit is not None and not hit.isSelected():
                self.diagram().clearSelection()
                hit.setSelected(True)
            return
        if not self.tool.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.tool.move(event):
            super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and self.tool.dragging():
            self.scroller.moved(event)
        else:
            self.scroller.stop()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.scroller.stop()
        if not self.tool.release(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self.tool.double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.tool_name() != "select":
            self.set_tool("select")
            return
        if not self.tool.key_press(event):
            super().keyPressEvent(event)

    def edit_name(self, node_id: str):
        """Rename the element shown by ``node_id`` in place (double-click, F2): an editor
        over the element; Enter renames, Escape cancels. Returns the editor, or None when
        the node shows no element."""
        from .name_editor import NameEditor

        scene = self.diagram()
        if node_id not in scene.node_items:
            return None
        element_id = scene.node(node_id).element_id
        if not element_id or not scene.model.has_element(element_id):
            return None
        if self.name_editor is not None:
            self.name_editor.finish(commit=True)
        scene.select_ids([node_id])
        self.ensureVisible(scene.node_items[node_id], 20, 20)
        self.name_editor = NameEditor(self, node_id, element_id)
        self.name_editor.show()
        self.name_editor.setFocus()
        return self.name_editor

    def edit_text(self, node_id: str):
        """Edit the text of a note, or the name of a group or legend, in place
        (double-click); returns the editor, or None for a node that shows an element."""
        from .text_editor import NodeTextEditor

        scene = self.diagram()
        if node_id not in scene.node_items or scene.node(node_id).element_id:
            return None
        if self.text_editor is not None:
            self.text_editor.finish(commit=True)
        scene.select_ids([node_id])
        self.ensureVisible(scene.node_items[node_id], 20, 20)
        self.text_editor = NodeTextEditor(self, node_id)
        self.text_editor.show()
        self.text_editor.setFocus()
        return self.text_editor

    # ---------------------------------------------------------------- drops
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _droppable(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _droppable(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            pos = self.mapToScene(event.position().toPoint())
            self.diagram().set_drop_target(holder_at(self.diagram(), pos, set(),
                                                     nests_into_elements(self.editor)))
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self.diagram().set_drop_target(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        """A palette component becomes a new element; a model-tree element is shown here
        (the same element, not a copy)."""
        mime = event.mimeData()
        payload = payload_of(mime)
        element_id = element_of(mime)
        self.diagram().set_drop_target(None)
        if not payload and not element_id:
            event.ignore()
            return
        pos = self.mapToScene(event.position().toPoint())
        if element_id:
            node = self.place_element(element_id, pos)
        elif payload:
            node = self.place(payload, pos)
        if node is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.setFocus()
        else:
            event.ignore()

    def place(self, payload: str, scene_pos: QPointF):
        """Place a palette component at ``scene_pos`` (what a drop does)."""
        tool = self.tools["place"]
        assert isinstance(tool, PlaceTool)
        return tool.place(payload, scene_pos)

    def place_element(self, element_id: str, scene_pos: QPointF):
        """Show the existing element at ``scene_pos`` with its relationships' connections
        (what a model-tree drop does)."""
        from .reuse import place_existing

        return place_existing(self, element_id, scene_pos)

    # ---------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if current > 0:
            self.scale(factor / current, factor / current)
        self.zoomChanged.emit(self.zoom())

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def zoom_to_fit(self) -> None:
        """Show every node, as large as the window allows (never above 100%)."""
        rect = self.diagram().content_rect()
        if rect.isNull():
            return
        rect = rect.adjusted(-20, -20, 20, 20)
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom())

    def zoom_to_open(self) -> None:
        """How a view opens: fitted when that leaves its names readable, else at
        :data:`OPEN_LEAST_ZOOM` from its top-left corner (Zoom to fit shows the rest).

        Why not always fitted: the provincial template fits a laptop window at about 30%,
        where no name is drawn, and the first thing a user saw of it was a diagram of
        nameless coloured boxes."""
        self.zoom_to_fit()
        if 0 < self.zoom() < OPEN_LEAST_ZOOM:
            self.set_zoom(OPEN_LEAST_ZOOM)
            rect = self.diagram().content_rect().adjusted(-20, -20, 20, 20)
            viewport = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(rect.left() + viewport.width() / 2, rect.top() + viewport.height() / 2)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def drawForeground(self, painter: QPainter, rect) -> None:
        """Zoomed out, the bands' names over the diagram (:mod:`.band_names`)."""
        super().drawForeground(painter, rect)
        paint_band_names(self, painter, rect)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(1.15 ** steps)
            event.accept()
            return
        super().wheelEvent(event)
