"""Mouse modes of the diagram as objects (DESIGN.md, "The canvas").

The view hands each mouse and key event to the active tool. A tool shows previews by
moving items, but edits the model only through commands on release, so a drag of many
elements is one undo step, and a refused edit puts every item back where the model says.

- :class:`SelectTool`: select, rubber-band select, move (and nest by dropping onto a band,
  group or element), resize by the handles, move/add/remove bendpoints, keyboard nudge.
- :class:`ConnectTool`: drag from one element to another (or click one, then the other),
  pick a relationship type among those the rules allow; invalid targets are dimmed.
- :class:`PlaceTool`: places a catalog component where it is dropped (or clicked).
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem

from ...model.commands import (
    AddBendpointCommand,
    AddConnectionCommand,
    AddElementCommand,
    Command,
    MoveBendpointCommand,
    PlaceNodeCommand,
    RelateCommand,
    RemoveBendpointCommand,
    ReparentNodeCommand,
    SetNodeBoundsCommand,
)
from ...model.concepts import Element, Relationship
from ...model.errors import ModelError, RelationshipNotAllowed
from ...model.ids import new_id
from ...model.metamodel import RELATIONSHIP_TYPES
from ...model.rules import allowed_relationship_types, check_relationship, concept_of
from ...model.views import Connection, Node
from .items import ConnectionItem, NodeItem

if TYPE_CHECKING:
    from .view import DiagramView

log = logging.getLogger(__name__)

#: Default size of a new element, as in Archi.
ELEMENT_SIZE = (120, 55)
MIN_SIZE = 20
NUDGE, BIG_NUDGE = 1, 10
DRAG_THRESHOLD = 3


def _t(text: str, **fields: object) -> str:
    out = QCoreApplication.translate("Tools", text)
    return out.format(**fields) if fields else out


class Tool:
    """Base of the mouse modes; each handler returns True when it used the event."""

    #: Shown in the status bar while the tool is active.
    hint = ""

    def __init__(self, canvas: DiagramView) -> None:
        self.canvas = canvas

    @property
    def scene(self):  # noqa: ANN201
        return self.canvas.diagram()

    @property
    def editor(self):  # noqa: ANN201
        return self.canvas.editor

    def activate(self) -> None:
        self.canvas.viewport().setCursor(Qt.CursorShape.ArrowCursor)

    def deactivate(self) -> None:
        pass

    def press(self, event: QMouseEvent) -> bool:
        return False

    def move(self, event: QMouseEvent) -> bool:
        return False

    def release(self, event: QMouseEvent) -> bool:
        return False

    def double_click(self, event: QMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        return False

    def dragging(self) -> bool:
        """True while a drag is under way (the view scrolls at the window's edge)."""
        return False

    def scene_pos(self, event: QMouseEvent) -> QPointF:
        return self.canvas.mapToScene(event.position().toPoint())


# ==================================================================== select
class SelectTool(Tool):
    """Select, move, resize, nest, edit bendpoints."""

    def __init__(self, canvas: DiagramView) -> None:
        super().__init__(canvas)
        self.hint = _t("Select and move; drag a handle to resize; double-click a line "
                       "to add a bendpoint")
        self._mode: str | None = None
        self._start = QPointF()
        self._moving: dict[str, QPointF] = {}  # node id -> original position (all moved items)
        self._moved_roots: list[str] = []
        self._resize: tuple[NodeItem, str, QRectF] | None = None
        self._bend: tuple[ConnectionItem, int] | None = None
        # Bendpoint minus the press point: the bendpoint keeps its place under the mouse
        # instead of jumping onto the cursor (up to a handle's width) on the first move.
        self._bend_offset = QPointF()
        self._rubber: QGraphicsRectItem | None = None
        self._dragged = False

    def dragging(self) -> bool:
        return self._mode is not None and self._dragged

    # ---------------------------------------------------------------- press
    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = self.scene_pos(event)
        self._start = pos
        self._dragged = False
        scene = self.scene
        # 1. a bendpoint of a selected connection
        for item in scene.selectedItems():
            if isinstance(item, ConnectionItem):
                index = item.bendpoint_at(pos)
                if index is not None:
                    self._mode, self._bend = "bend", (item, index)
                    self._bend_offset = item.points[index + 1] - pos
                    return True
        # 2. a resize handle of a selected node
        for item in scene.selectedItems():
            if isinstance(item, NodeItem):
                handle = item.handle_at(pos)
                if handle:
                    self._mode = "resize"
                    self._resize = (item, handle, item.scene_box())
                    return True
        # 3. the item under the mouse
        hit = self.hit(pos)
        additive = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.ShiftModifier))
        if hit is None:
            if not additive:
                scene.clearSelection()
            self._mode = "rubber"
            self._rubber = QGraphicsRectItem(QRectF(pos, pos))
            self._rubber.setPen(QPen(QColor("#1a73e8"), 0, Qt.PenStyle.DashLine))
            self._rubber.setBrush(QColor(26, 115, 232, 30))
            self._rubber.setZValue(5000)
            scene.addItem(self._rubber)
            return True
        if additive:
            hit.setSelected(not hit.isSelected())
            self._mode = None
            return True
        if not hit.isSelected():
            scene.clearSelection()
            hit.setSelected(True)
        if isinstance(hit, NodeItem):
            self._begin_move()
        else:
            self._mode = None
        return True

    def cursor_at(self, pos: QPointF) -> Qt.CursorShape:
        """What the mouse pointer shows over ``pos`` before a press: a resize arrow over a
        selected node's handle, a move cross over a selected line's bendpoint, so both
        can be found without reading the manual."""
        for item in self.scene.selectedItems():
            if isinstance(item, ConnectionItem) and item.bendpoint_at(pos) is not None:
                return Qt.CursorShape.SizeAllCursor
        for item in self.scene.selectedItems():
            if isinstance(item, NodeItem):
                handle = item.handle_at(pos)
                if handle:
                    return _HANDLE_CURSORS[handle]
        return Qt.CursorShape.ArrowCursor

    def update_cursor(self, pos: QPointF) -> None:
        shape = self.cursor_at(pos)
        viewport = self.canvas.viewport()
        if viewport.cursor().shape() != shape:
            viewport.setCursor(shape)

    def hit(self, pos: QPointF):  # noqa: ANN201
        """What a click at ``pos`` selects: a line, an element, or a container's header.
        The body of a band or group is background, so a rubber band can start there."""
        for item in self.scene.items(pos):
            if isinstance(item, ConnectionItem):
                return item
            if isinstance(item, NodeItem):
                if not item.is_container:
                    return item
                local = item.mapFromScene(pos)
                if item.header_rect().contains(local) or item.isSelected():
                    return item
        return None

    def _begin_move(self) -> None:
        scene = self.scene
        view = scene.view()
        selected = set(scene.selected_node_ids())
        roots = []
        for node_id in selected:
            node = view.nodes[node_id]
            parent, inside = node.parent, False
            while parent is not None:
                if parent in selected:
                    inside = True
                    break
                parent = view.nodes[parent].parent if parent in view.nodes else None
            if not inside:
                roots.append(node_id)
        moving = set(roots)
        for root in roots:
            moving.update(d.id for d in view.descendants(root))
        self._moved_roots = roots
        self._moving = {n: QPointF(scene.node_items[n].pos()) for n in moving
                        if n in scene.node_items}
        self._mode = "move"

    # ---------------------------------------------------------------- move
    def move(self, event: QMouseEvent) -> bool:
        if self._mode is None:
            if event.buttons() == Qt.MouseButton.NoButton:
                self.update_cursor(self.scene_pos(event))
            return False
        pos = self.scene_pos(event)
        delta = pos - self._start
        if not self._dragged and abs(delta.x()) + abs(delta.y()) < DRAG_THRESHOLD:
            return True
        self._dragged = True
        scene = self.scene
        if self._mode == "move":
            dx, dy = round(delta.x()), round(delta.y())
            for node_id, origin in self._moving.items():
                scene.node_items[node_id].setPos(origin + QPointF(dx, dy))
            scene.update_routes(self._moving)
            if len(self._moved_roots) == 1:
                node = scene.node(self._moved_roots[0])
                centre = QPointF(node.x + dx + node.w / 2, node.y + dy + node.h / 2)
                scene.set_drop_target(self._container_at(centre, set(self._moving)))
        elif self._mode == "resize" and self._resize:
            item, handle, rect = self._resize
            item.set_preview_rect(_resized(rect, handle, delta))
            scene.update_routes([item.node_id])
        elif self._mode == "bend" and self._bend:
            item, index = self._bend
            target = pos + self._bend_offset
            item.preview_bendpoint(index, QPointF(round(target.x()), round(target.y())))
        elif self._mode == "rubber" and self._rubber is not None:
            rect = QRectF(self._start, pos).normalized()
            self._rubber.setRect(rect)
            for item in list(scene.node_items.values()):
                item.setSelected(rect.contains(item.scene_box()))
            for item in scene.connection_items.values():
                item.setSelected(rect.contains(item.boundingRect().adjusted(8, 8, -8, -8)))
        return True

    # ---------------------------------------------------------------- release
    def release(self, event: QMouseEvent) -> bool:
        mode, self._mode = self._mode, None
        if mode is None:
            return False
        self.scene.set_drop_target(None)
        pos = self.scene_pos(event)
        delta = pos - self._start
        if mode == "rubber":
            if self._rubber is not None:
                self.scene.removeItem(self._rubber)
                self._rubber = None
            return True
        if not self._dragged:
            return True
        if mode == "move":
            self.commit_move(round(delta.x()), round(delta.y()), self._moved_roots)
        elif mode == "resize" and self._resize:
            item, handle, rect = self._resize
            new = _resized(rect, handle, delta)
            ok = self.editor.run(SetNodeBoundsCommand(
                self.scene.view_id, item.node_id, round(new.x()), round(new.y()),
                round(new.width()), round(new.height())))
            if not ok:
                item.sync()
                self.scene.update_routes([item.node_id])
            self._resize = None
        elif mode == "bend" and self._bend:
            item, index = self._bend
            target = pos + self._bend_offset
            ok = self.editor.run(MoveBendpointCommand(
                self.scene.view_id, item.connection_id, index, round(target.x()),
                round(target.y())))
            if not ok:
                item.sync()
            self._bend = None
        return True

    def commit_move(self, dx: int, dy: int, roots: list[str]) -> bool:
        """Move ``roots`` (with what is nested in them) by ``(dx, dy)`` and nest each into
        the container under its new centre, as one undo step."""
        scene = self.scene
        view = scene.view()
        commands: list[Command] = []
        moving = set()
        for root in roots:
            moving.add(root)
            moving.update(d.id for d in view.descendants(root))
        for root in roots:
            node = view.nodes[root]
            if dx or dy:
                commands.append(SetNodeBoundsCommand(view.id, root, node.x + dx, node.y + dy,
                                                     node.w, node.h))
            centre = QPointF(node.x + dx + node.w / 2, node.y + dy + node.h / 2)
            if node.layer is not None:  # a framework layer band never nests into another
                continue
            # Only the moved nodes are excluded: their items may still be at the preview.
            parent = self._container_at(centre, moving)
            current = view.nodes.get(node.parent) if node.parent else None
            if (current is not None and current.id not in moving
                    and current.contains(centre.x(), centre.y())
                    and (parent is None or scene._depth(current)  # noqa: SLF001
                         >= scene._depth(view.nodes[parent]))):  # noqa: SLF001
                parent = current.id  # still inside its parent (even an element): stay
            if parent != node.parent:
                commands.append(ReparentNodeCommand(view.id, root, parent))
        if not commands:
            self._restore_items()
            return False
        count = len(roots)
        label = (_t("Move {count} elements", count=count) if count > 1
                 else commands[0].describe())
        ok = self.editor.run_many(label, commands)
        if not ok:
            self._restore_items()
            return False
        # Moving a component into another layer's band warns as placing it there does.
        for command in commands:
            if isinstance(command, ReparentNodeCommand):
                warnings = band_warnings(scene.model, view.id, command.node_id)
                if warnings:
                    self.editor.status.emit(warnings[0])
                    break
        return True

    def _container_at(self, point: QPointF, exclude: set[str]) -> str | None:
        """The deepest container in the *model* whose box holds ``point``."""
        view = self.scene.view()
        best, best_depth = None, -1
        for node in view.nodes.values():
            if node.id in exclude or not self.scene.can_hold(node) or not node.contains(
                    point.x(), point.y()):
                continue
            depth = self.scene._depth(node)  # noqa: SLF001 - same package
            if depth > best_depth:
                best, best_depth = node.id, depth
        return best

    def _restore_items(self) -> None:
        for node_id in self._moving:
            item = self.scene.node_items.get(node_id)
            if item is not None:
                item.sync()
        self.scene.update_routes(self._moving)

    # ---------------------------------------------------------------- double-click
    def double_click(self, event: QMouseEvent) -> bool:
        pos = self.scene_pos(event)
        for item in self.scene.items(pos):
            if isinstance(item, ConnectionItem):
                index = item.bendpoint_at(pos)
                if index is not None:
                    return self.editor.run(RemoveBendpointCommand(
                        self.scene.view_id, item.connection_id, index))
                return self.editor.run(AddBendpointCommand(
                    self.scene.view_id, item.connection_id, item.segment_at(pos),
                    round(pos.x()), round(pos.y())))
            if isinstance(item, NodeItem):
                if not item.is_container and self.scene.node(item.node_id).element_id:
                    self.canvas.edit_name(item.node_id)
                    return True
                break
        return False

    # ---------------------------------------------------------------- keyboard
    def cancel(self) -> bool:
        """Escape during a drag: put every previewed item back where the model says."""
        mode, self._mode = self._mode, None
        if mode is None:
            return False
        scene = self.scene
        scene.set_drop_target(None)
        if self._rubber is not None:
            scene.removeItem(self._rubber)
            self._rubber = None
        if mode == "move":
            self._restore_items()
        elif mode == "resize" and self._resize:
            self._resize[0].sync()
            scene.update_routes([self._resize[0].node_id])
        elif mode == "bend" and self._bend:
            self._bend[0].sync()
        self._resize = self._bend = None
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            return self.cancel()
        step = BIG_NUDGE if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE
        moves = {
            Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step), Qt.Key.Key_Down: (0, step),
        }
        if event.key() not in moves or not self.scene.selected_node_ids():
            return False
        return self.nudge(*moves[event.key()])

    def nudge(self, dx: int, dy: int) -> bool:
        """Move the selection by a few points, keeping each node in its container."""
        scene = self.scene
        view = scene.view()
        selected = set(scene.selected_node_ids())
        roots = [n for n in selected if not _has_selected_ancestor(view, n, selected)]
        commands: list[Command] = []
        for root in roots:
            node = view.nodes[root]
            commands.append(SetNodeBoundsCommand(view.id, root, node.x + dx, node.y + dy,
                                                 node.w, node.h))
        return self.editor.run_many(_t("Nudge"), commands)


_HANDLE_CURSORS = {
    "nw": Qt.CursorShape.SizeFDiagCursor, "se": Qt.CursorShape.SizeFDiagCursor,
    "ne": Qt.CursorShape.SizeBDiagCursor, "sw": Qt.CursorShape.SizeBDiagCursor,
    "n": Qt.CursorShape.SizeVerCursor, "s": Qt.CursorShape.SizeVerCursor,
    "e": Qt.CursorShape.SizeHorCursor, "w": Qt.CursorShape.SizeHorCursor,
}


def _has_selected_ancestor(view, node_id: str, selected: set[str]) -> bool:  # noqa: ANN001
    parent = view.nodes[node_id].parent
    while parent is not None and parent in view.nodes:
        if parent in selected:
            return True
        parent = view.nodes[parent].parent
    return False


def _resized(rect: QRectF, handle: str, delta: QPointF) -> QRectF:
    """``rect`` with the edges named by ``handle`` moved by ``delta`` (never below the
    minimum size), rounded to whole points."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    dx, dy = round(delta.x()), round(delta.y())
    if "w" in handle:
        left = min(left + dx, right - MIN_SIZE)
    if "e" in handle:
        right = max(right + dx, left + MIN_SIZE)
    if "n" in handle:
        top = min(top + dy, bottom - MIN_SIZE)
    if "s" in handle:
        bottom = max(bottom + dy, top + MIN_SIZE)
    return QRectF(QPointF(left, top), QPointF(right, bottom))


# ==================================================================== connect
class ConnectTool(Tool):
    """Press on an element, release on another, choose the relationship."""

    def __init__(self, canvas: DiagramView) -> None:
        super().__init__(canvas)
        self.hint = _t("Connect: drag from one element to another, or click one then the "
                       "other")
        self._source: str | None = None
        self._line: QGraphicsLineItem | None = None
        self._press = QPoint()  # where the source was pressed, in viewport pixels
        # True after a click (no drag) on the source: the next click picks the target,
        # as in Archi and Visio, instead of offering to relate the element to itself.
        self._awaiting_target = False

    def activate(self) -> None:
        self.canvas.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def deactivate(self) -> None:
        self._cancel()

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self._awaiting_target:
            return True  # the release picks the target
        pos = self.scene_pos(event)
        self._press = event.position().toPoint()
        item = self.scene.element_item_at(pos)
        if item is None:
            self.editor.status.emit(_t("Start the connection on an element"))
            return True
        self.begin(item.node_id)
        self._line = QGraphicsLineItem(QLineF(pos, pos))
        self._line.setPen(QPen(QColor("#1a73e8"), 1.2, Qt.PenStyle.DashLine))
        self._line.setZValue(5000)
        self.scene.addItem(self._line)
        return True

    def dragging(self) -> bool:
        return self._line is not None

    def begin(self, source_node_id: str) -> None:
        """Start a connection at a node: dim every element it cannot relate to."""
        self._source = source_node_id
        self.scene.set_dimmed(self.invalid_targets(source_node_id))

    def invalid_targets(self, source_node_id: str) -> set[str]:
        """Nodes that no relationship from the source may reach (ArchiMate's table)."""
        scene = self.scene
        source = scene.node(source_node_id)
        source_type = concept_of(scene.model, source.element_id)
        cache: dict[str, bool] = {}
        dimmed = set()
        for node_id, node in scene.view().nodes.items():
            if not node.element_id:
                continue
            target_type = scene.model.element(node.element_id).type
            if target_type not in cache:
                cache[target_type] = bool(allowed_relationship_types(source_type, target_type))
            if not cache[target_type]:
                dimmed.add(node_id)
        return dimmed

    def move(self, event: QMouseEvent) -> bool:
        if self._line is None:
            return False
        pos = self.scene_pos(event)
        line = self._line.line()
        line.setP2(pos)
        self._line.setLine(line)
        # Outline the element a release would connect to (not a dimmed, invalid one).
        target = self.scene.element_item_at(pos, exclude={self._source} if self._source
                                            else set())
        self.scene.set_drop_target(target.node_id if target is not None
                                   and not target.dimmed else None)
        return True

    def release(self, event: QMouseEvent) -> bool:
        if self._source is None:
            return False
        source = self._source
        pos = self.scene_pos(event)
        target = self.scene.element_item_at(pos)
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if (not self._awaiting_target and target is not None
                and target.node_id == source and moved < DRAG_THRESHOLD):
            self._awaiting_target = True
            self.editor.status.emit(_t("Now click the target element (Esc cancels)"))
            return True
        self._cancel()
        if target is None:
            self.editor.status.emit(_t("No connection: release on an element"))
            return True
        self.connect(source, target.node_id,
                     global_pos=self.canvas.viewport().mapToGlobal(event.position().toPoint()))
        return True

    def _cancel(self) -> None:
        self._awaiting_target = False
        self.scene.set_drop_target(None)
        if self._line is not None:
            self.scene.removeItem(self._line)
            self._line = None
        self._source = None
        self.scene.set_dimmed(set())

    def offered_types(self, source_node_id: str,
                      target_node_id: str) -> list[tuple[str, str | None]]:
        """``(type, refusal or None)`` for every type ArchiMate allows for the pair, the
        framework's suggestion first; a framework error rule gives the refusal reason."""
        scene = self.scene
        model = scene.model
        src = scene.node(source_node_id).element_id
        tgt = scene.node(target_node_id).element_id
        types = allowed_relationship_types(concept_of(model, src), concept_of(model, tgt))
        suggested = suggested_type(model, src, tgt)
        if suggested in types:
            types.remove(suggested)
            types.insert(0, suggested)
        offered = []
        for rel_type in types:
            try:
                check_relationship(model, src, rel_type, tgt)
                offered.append((rel_type, None))
            except RelationshipNotAllowed as exc:
                offered.append((rel_type, str(exc)))
        return offered

    def connect(self, source_node_id: str, target_node_id: str,
                relationship_type: str | None = None,
                global_pos: QPoint | None = None) -> Relationship | None:
        """Relate the two nodes' elements and draw the line, as one undo step.

        Without ``relationship_type`` the editor's ``choose_relationship`` is asked (the
        window shows a menu). Returns ``None`` when cancelled or refused; a refusal's reason
        goes to the status bar and the model is unchanged.
        """
        scene = self.scene
        model = scene.model
        src = scene.node(source_node_id).element_id
        tgt = scene.node(target_node_id).element_id
        if src is None or tgt is None:
            self.editor.status.emit(_t("Only elements can be connected"))
            return None
        if relationship_type is None:
            offered = self.offered_types(source_node_id, target_node_id)
            if not offered:
                self.editor.status.emit(_t(
                    "ArchiMate allows no relationship from ‘{source}’ to ‘{target}’",
                    source=model.element(src).name, target=model.element(tgt).name))
                return None
            chooser = self.editor.choose_relationship
            if chooser is None:
                relationship_type = next((t for t, why in offered if why is None), None)
            else:
                relationship_type = chooser(offered, suggested_type(model, src, tgt),
                                            global_pos or QPoint())
            if relationship_type is None:
                return None
        relationship = Relationship(new_id(), relationship_type, src, tgt)
        connection = Connection(new_id(), source_node_id, target_node_id,
                                relationship_id=relationship.id)
        label = _t("Connect with {type}", type=_relationship_label(relationship_type))
        try:
            self.editor.run_many_strict(label, [
                RelateCommand(relationship), AddConnectionCommand(scene.view_id, connection)])
        except RelationshipNotAllowed as exc:
            self.editor.status.emit(str(exc))
            return None
        except ModelError as exc:
            self.editor.status.emit(str(exc))
            return None
        # Select the new line, so the Properties dock offers to name it at once.
        scene.select_ids([connection.id])
        self.editor.status.emit(_t("Added {type} from ‘{source}’ to ‘{target}’",
                                   type=_relationship_label(relationship_type),
                                   source=model.element(src).name,
                                   target=model.element(tgt).name))
        return relationship


def _relationship_label(rel_type: str) -> str:
    rel = RELATIONSHIP_TYPES.get(rel_type)
    return QCoreApplication.translate("Tools", rel.label_en) if rel else rel_type


def suggested_type(model, source_id: str, target_id: str) -> str | None:  # noqa: ANN001
    """The framework catalog's suggested relationship for two elements, when it has one."""
    try:
        from ...model.catalog import suggested_relationship
    except ImportError:
        return None
    try:
        return suggested_relationship(model.element(source_id), model.element(target_id))
    except Exception:  # noqa: BLE001 - a suggestion is a nicety, never a blocker
        log.debug("suggested_relationship failed", exc_info=True)
        return None


# ==================================================================== place
class PlaceTool(Tool):
    """Places a catalog component (from a palette drop or a click) as a new element."""

    def __init__(self, canvas: DiagramView) -> None:
        super().__init__(canvas)
        self.hint = _t("Click on the diagram to place the component")
        self.component_id: str | None = None

    def activate(self) -> None:
        self.canvas.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or not self.component_id:
            return False
        self.place(self.component_id, self.scene_pos(event))
        self.canvas.set_tool("select")
        return True

    def place(self, payload: str, pos: QPointF) -> Node | None:
        """Create the element for ``payload`` (a catalog component id, or ``type:<Type>``
        for a bare ArchiMate element) centred on ``pos`` and nested into the band, group or
        element under it; one undo step. Returns the new node, or None if refused."""
        element = element_for_payload(payload)
        if element is None:
            self.editor.status.emit(_t("Unknown component {id}", id=payload))
            return None
        scene = self.scene
        w, h = element_size_for(scene.view())
        x, y = round(pos.x() - w / 2), round(pos.y() - h / 2)
        parent = scene.container_at(pos)
        node = Node(new_id(), x, y, w, h, element_id=element.id, parent=parent)
        ok = self.editor.run_many(
            _t("Add ‘{name}’", name=element.name),
            [AddElementCommand(element), PlaceNodeCommand(scene.view_id, node)])
        if not ok:
            return None
        scene.select_ids([node.id])
        warnings = band_warnings(scene.model, scene.view_id, node.id)
        if warnings:
            self.editor.status.emit(warnings[0])
        return node


def element_size_for(view) -> tuple[int, int]:  # noqa: ANN001
    """The size a new element gets on ``view``: the size most of its elements already
    have (the templates draw 160 x 70, and a 120 x 55 newcomer beside them looked out of
    place and wrapped its long Vietnamese name into four lines), else Archi's default."""
    sizes = Counter((n.w, n.h) for n in view.nodes.values()
                    if n.element_id and n.kind == "element")
    if not sizes:
        return ELEMENT_SIZE
    (size, _count), = sizes.most_common(1)
    return size


def band_warnings(model, view_id: str, node_id: str) -> list[str]:  # noqa: ANN001
    """Framework warnings about where a node sits (a component in another layer's band)."""
    try:
        from ...model.framework_rules import check_node_in_band
    except ImportError:
        return []
    try:
        return [p.message for p in check_node_in_band(model, view_id, node_id)]
    except Exception:  # noqa: BLE001 - a warning must never block placing
        log.debug("band check failed", exc_info=True)
        return []


def element_for_payload(payload: str) -> Element | None:
    """A new element for a palette payload (catalog id, or ``type:<ArchiMate type>``)."""
    from ...model.metamodel import ELEMENT_TYPES

    if payload.startswith("type:"):
        type_name = payload[5:]
        etype = ELEMENT_TYPES.get(type_name)
        if etype is None:
            return None
        return Element(new_id(), type_name, name=QCoreApplication.translate(
            "Tools", etype.label_en))
    try:
        from ...model.catalog import active_catalog, element_from_component
    except ImportError:
        return None
    try:
        component = active_catalog().component(payload)
    except Exception:  # noqa: BLE001 - unknown id
        return None
    if component is None:
        return None
    return element_from_component(component)


__all__ = ["ConnectTool", "PlaceTool", "SelectTool", "Tool"]
