"""The select mode: select, rubber-band select, move (and nest by dropping onto a band,
group or element), resize by the handles, move/add/remove bendpoints, keyboard nudge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from ....model.commands import (
    AddBendpointCommand,
    Command,
    MoveBendpointCommand,
    RemoveBendpointCommand,
    ReparentNodeCommand,
    SetNodeBoundsCommand,
)
from .. import nesting
from ..items import BandItem, ConnectionItem, NodeItem
from ..items.connection_item import HIT_PIXELS, HIT_WIDTH
from ..line_routing import reroute_commands
from .base import DRAG_THRESHOLD, Tool, _t, band_warnings

if TYPE_CHECKING:
    from ..view import DiagramView

MIN_SIZE = 20
NUDGE, BIG_NUDGE = 1, 10


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

    def hit(self, pos: QPointF):
        """What a click at ``pos`` selects: a line, an element, or a container's header.
        The body of a band or group is background, so a rubber band can start there.
        Zoomed out, a line's hit area is a few pixels wide, wider than the boxes: over an
        element's box a line is taken only when pressed on (:data:`HIT_WIDTH` wide), so
        pressing on a box moves the box."""
        found = self.items_at(pos)
        for item in found:
            if isinstance(item, ConnectionItem):
                if item.distance_to(pos) > HIT_WIDTH / 2 and self._element_under(found, pos):
                    continue
                return item
            if isinstance(item, BandItem):
                local = item.mapFromScene(pos)
                if item.header_rect().contains(local) or item.isSelected():
                    return item
            elif isinstance(item, NodeItem):
                return item
        return None

    def items_at(self, pos: QPointF) -> list:
        """The items under ``pos``, topmost first; zoomed out, with the lines that pass
        within a few screen pixels of it first (nearest first): a line's own hit area is
        :data:`HIT_WIDTH` scene units wide at any zoom, so that a zoom changes nothing in
        the scene's index."""
        found = self.scene.items(pos)
        reach = max(HIT_WIDTH, HIT_PIXELS * max(1.0, self.scene.pixel)) / 2
        if reach <= HIT_WIDTH / 2:
            return found
        near = QRectF(pos.x() - reach, pos.y() - reach, 2 * reach, 2 * reach)
        lines = sorted(((item.distance_to(pos), id(item), item)
                        for item in self.scene.items(
                            near, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
                        if isinstance(item, ConnectionItem)), key=lambda t: t[:2])
        close = [item for distance, _, item in lines if distance <= reach]
        return [*close, *(i for i in found if i not in close)]

    @staticmethod
    def _element_under(found: list, pos: QPointF) -> bool:
        return any(isinstance(i, NodeItem) and not i.is_container
                   and i.scene_box().contains(pos) for i in found)

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
            moving.update(scene.descendant_ids(root))
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
            line, index = self._bend
            target = pos + self._bend_offset
            line.preview_bendpoint(index, QPointF(round(target.x()), round(target.y())))
        elif self._mode == "rubber" and self._rubber is not None:
            rect = QRectF(self._start, pos).normalized()
            self._rubber.setRect(rect)
            scene.set_selection([
                *(i for i in scene.node_items.values() if rect.contains(i.scene_box())),
                *(i for i in scene.connection_items.values()
                  if rect.contains(i.boundingRect().adjusted(8, 8, -8, -8)))])
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
            resize: list[Command] = [SetNodeBoundsCommand(
                self.scene.view_id, item.node_id, round(new.x()), round(new.y()),
                round(new.width()), round(new.height()))]
            resize += reroute_commands(self.scene.model, self.scene.view(), resize)
            ok = self.editor.run_many(resize[0].describe(), resize)
            if not ok:
                item.sync()
                self.scene.update_routes([item.node_id])
            self._resize = None
        elif mode == "bend" and self._bend:
            line, index = self._bend
            target = pos + self._bend_offset
            ok = self.editor.run(MoveBendpointCommand(
                self.scene.view_id, line.connection_id, index, round(target.x()),
                round(target.y())))
            if not ok:
                line.sync()
            self._bend = None
        return True

    def commit_move(self, dx: int, dy: int, roots: list[str]) -> bool:
        """Move ``roots`` (with what is nested in them) by ``(dx, dy)`` and nest each into
        the container (or, as in Archi, the element) under its new centre, as one undo
        step: with the parent grown to hold it, the relationship the nesting states, the
        relationship a nesting showed deleted when the user says so on leaving, and the
        orthogonal lines routed again around the boxes' new places."""
        scene = self.scene
        view = scene.view()
        editor = self.editor
        commands: list[Command] = []
        moving = set()
        for root in roots:
            moving.add(root)
            moving.update(scene.descendant_ids(root))
        stated: list[nesting.Stated] = []
        for root in roots:
            node = view.nodes[root]
            box = (node.x + dx, node.y + dy, node.w, node.h)
            centre = QPointF(node.x + dx + node.w / 2, node.y + dy + node.h / 2)
            parent = node.parent
            if node.layer is None:  # a framework layer band never nests into another
                # Only the moved nodes are excluded: their items may still be at the preview.
                parent = self._container_at(centre, moving)
                current = view.nodes.get(node.parent) if node.parent else None
                if (current is not None and current.id not in moving
                        and current.contains(centre.x(), centre.y())
                        and (parent is None or scene._depth(current)
                             >= scene._depth(view.nodes[parent]))):
                    parent = current.id  # still inside its parent (even an element): stay
            grow: list[Command] = []
            said = nesting.Stated()
            if parent != node.parent:
                child = scene.model.element(node.element_id) if node.element_id else None
                box, grow, said = nesting.entering(editor, view, parent, box, child, False,
                                                   QCursor.pos(), moving)
            if box[:2] != (node.x, node.y):
                commands.append(SetNodeBoundsCommand(view.id, root, *box))
            if parent == node.parent:
                continue
            commands.append(ReparentNodeCommand(view.id, root, parent))
            commands.extend(grow)
            commands.extend(nesting.leaving_commands(editor, view, node.parent, root, parent))
            commands.extend(nesting.relate_command(said))
            stated.append(said)
        if not commands:
            self._restore_items()
            return False
        commands.extend(reroute_commands(scene.model, view, commands))
        count = len(roots)
        label = (_t("Move {count} elements", count=count) if count > 1
                 else commands[0].describe())
        ok = editor.run_many(label, commands)
        if not ok:
            self._restore_items()
            return False
        # Moving a component into another layer's band warns as placing it there does.
        for command in commands:
            if isinstance(command, ReparentNodeCommand):
                warnings = band_warnings(scene.model, view.id, command.node_id)
                if warnings:
                    editor.status.emit(warnings[0])
                    return True
        for said in stated:
            message = nesting.stated_message(scene.model, said)
            if message:
                editor.status.emit(message)
        return True

    def _container_at(self, point: QPointF, exclude: set[str]) -> str | None:
        """The deepest container in the *model* whose box holds ``point`` (an element
        too, unless nesting into elements is switched off)."""
        return nesting.holder_at(self.scene, point, exclude,
                                 nesting.nests_into_elements(self.editor))

    def _restore_items(self) -> None:
        for node_id in self._moving:
            item = self.scene.node_items.get(node_id)
            if item is not None:
                item.sync()
        self.scene.update_routes(self._moving)

    # ---------------------------------------------------------------- double-click
    def double_click(self, event: QMouseEvent) -> bool:
        pos = self.scene_pos(event)
        for item in self.items_at(pos):
            if isinstance(item, ConnectionItem):
                index = item.bendpoint_at(pos)
                if index is not None:
                    return self.editor.run(RemoveBendpointCommand(
                        self.scene.view_id, item.connection_id, index))
                return self.editor.run(AddBendpointCommand(
                    self.scene.view_id, item.connection_id, item.segment_at(pos),
                    round(pos.x()), round(pos.y())))
            if isinstance(item, NodeItem):
                node = self.scene.node(item.node_id)
                if not item.is_container and node.element_id:
                    self.canvas.edit_name(item.node_id)
                    return True
                if not node.element_id and node.layer is None and (
                        not isinstance(item, BandItem)
                        or item.header_rect().contains(item.mapFromScene(pos))):
                    self.canvas.edit_text(item.node_id)  # a note, group or legend
                    return True
                if isinstance(item, BandItem):
                    continue  # the body of a band: what lies under it
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
        moves: dict[int, tuple[int, int]] = {
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
        commands += reroute_commands(scene.model, view, commands)
        return self.editor.run_many(_t("Nudge"), commands)


_HANDLE_CURSORS = {
    "nw": Qt.CursorShape.SizeFDiagCursor, "se": Qt.CursorShape.SizeFDiagCursor,
    "ne": Qt.CursorShape.SizeBDiagCursor, "sw": Qt.CursorShape.SizeBDiagCursor,
    "n": Qt.CursorShape.SizeVerCursor, "s": Qt.CursorShape.SizeVerCursor,
    "e": Qt.CursorShape.SizeHorCursor, "w": Qt.CursorShape.SizeHorCursor,
}


def _has_selected_ancestor(view, node_id: str, selected: set[str]) -> bool:
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

