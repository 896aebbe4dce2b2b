"""The connect mode: drag from one element to another (or click one, then the other) and
pick a relationship type among those the rules allow; invalid targets are dimmed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPoint, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from ....model.commands import AddConnectionCommand, RelateCommand
from ....model.concepts import Relationship
from ....model.errors import ModelError, RelationshipNotAllowed
from ....model.ids import new_id
from ....model.metamodel import RELATIONSHIP_TYPES
from ....model.rules import allowed_relationship_types, check_relationship, concept_of
from ....model.views import Connection
from .base import DRAG_THRESHOLD, Tool, _t

if TYPE_CHECKING:
    from ..view import DiagramView

log = logging.getLogger(__name__)


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
        offered: list[tuple[str, str | None]] = []
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
        view = scene.view()
        if view.routes_orthogonally(connection) and source_node_id != target_node_id:
            from ..line_routing import routed_bendpoints

            connection.bendpoints = routed_bendpoints(model, view, connection,
                                                      relationship_type)
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


def suggested_type(model, source_id: str, target_id: str) -> str | None:
    """The framework catalog's suggested relationship for two elements, when it has one."""
    try:
        return suggested_relationship_of(model.element(source_id), model.element(target_id))
    except Exception:
        log.debug("suggested_relationship failed", exc_info=True)
        return None


def suggested_relationship_of(source, target) -> str | None:
    """The framework's suggested relationship between two :class:`Element` objects (one
    may not be in the model yet: a component being dropped)."""
    try:
        from ....model.catalog import suggested_relationship
    except ImportError:
        return None
    try:
        return suggested_relationship(source, target)
    except Exception:
        log.debug("suggested_relationship failed", exc_info=True)
        return None

