"""The scene: a projection of one view of the model.

It keeps ``{node id: item}`` and ``{connection id: item}`` maps and, when the model reports
a change, updates only the items the event names (DESIGN.md, "The canvas"), so a view with
hundreds of nodes stays responsive. It never edits the model: tools do that through
commands, and the resulting events come back here.

Why the indexes (nodes by parent, by element, connections by end and by relationship,
the legends): an event names one node or line, and answering it must not scan the whole
view; a 200-element delete of a 2,000-node view sends some 600 events. What concerns the
view as a whole (the legends, the selection after items went) is done once when the
edit is over (:func:`~egov_modeler.ui.undo.edit_burst`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ...model import events as ev
from ...model.model import Model
from ...model.views import NODE_CONTAINER, NODE_LEGEND, Connection, Node, View
from ..model_listener import ModelListener
from ..undo import edit_burst
from .items import BandItem, ConnectionItem, ElementItem, NodeItem

log = logging.getLogger(__name__)

CONNECTION_Z = 1000.0
SCENE_MARGIN = 200.0


class DiagramScene(QGraphicsScene):
    """All items of one view; follows the model's change events."""

    #: The view this scene shows was removed from the model (the tab should close).
    viewRemoved = Signal(str)
    #: The view's name changed (the tab title follows).
    viewRenamed = Signal(str)

    def __init__(self, model: Model, view_id: str, language: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.view_id = view_id
        self.language = language
        self.node_items: dict[str, NodeItem] = {}
        self.connection_items: dict[str, ConnectionItem] = {}
        self._element_nodes: dict[str, set[str]] = {}
        self._node_connections: dict[str, set[str]] = {}
        #: Nodes moved by the edit under way whose lines are re-routed when it is over.
        self._moved_ends: set[str] = set()
        #: node id -> (parent id, element id) as the items were last told
        self._node_links: dict[str, tuple[str | None, str | None]] = {}
        #: parent node id (None: the view) -> the node ids directly inside it
        self._children: dict[str | None, set[str]] = {}
        #: connection id -> (source, target, relationship id)
        self._connection_links: dict[str, tuple[str, str, str | None]] = {}
        self._relationship_connections: dict[str, set[str]] = {}
        self._legends: set[str] = set()
        self._containers: set[str] = set()
        self._band_order: dict[str, int] = {}
        self._problems: dict[str, str] = {}
        self._fit_pending = False
        self._viewpoint: str | None = None  # the one the items are ghosted for
        #: Scene units per screen pixel of the view showing this scene (1 / zoom): handles,
        #: bendpoints and line hit widths are sized in screen pixels when zoomed out.
        self.pixel = 1.0
        self.setBackgroundBrush(QColor("#ffffff"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        #: The node items whose bounds hold their resize handles (the selected ones).
        self._with_handles: set[NodeItem] = set()
        self._lines_with_handles: set[ConnectionItem] = set()
        self.selectionChanged.connect(self._follow_selection)
        self.rebuild()
        self._listener = ModelListener()
        self._listener.follow(model, self._on_event)

    # ------------------------------------------------------------------ model access
    def view(self) -> View:
        return self.model.view(self.view_id)

    def node(self, node_id: str) -> Node:
        return self.model.node(self.view_id, node_id)

    def connection(self, connection_id: str) -> Connection:
        return self.model.connection(self.view_id, connection_id)

    def detach(self) -> None:
        """Stop following the model (the tab is closing or the model is replaced)."""
        self._listener.stop()

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Make every item again (a new model, or ModelReset)."""
        # Forget the items before Qt deletes them: a selection change told while clearing
        # must not reach a deleted item through these sets.
        self._with_handles.clear()
        self._lines_with_handles.clear()
        self.clear()
        self.node_items.clear()
        self.connection_items.clear()
        self._element_nodes.clear()
        self._node_connections.clear()
        self._node_links.clear()
        self._children.clear()
        self._connection_links.clear()
        self._relationship_connections.clear()
        self._legends.clear()
        self._containers.clear()
        if not self.model.has_view(self.view_id):
            return
        view = self.view()
        self._viewpoint = view.viewpoint
        self._compute_band_order()
        for node in view.nodes.values():
            self._link_node(node)
        for node in view.nodes.values():
            self._add_node_item(node, fit=False)
        for node in view.nodes.values():
            self._restack(node.id)
        for conn in view.connections.values():
            self._add_connection_item(conn)
        self._fit_scene_rect()

    def _compute_band_order(self) -> None:
        bands = sorted((n for n in self.view().nodes.values() if n.layer is not None),
                       key=lambda n: (n.y, n.x))
        self._band_order = {n.id: i for i, n in enumerate(bands)}

    def band_index(self, node_id: str) -> int:
        return self._band_order.get(node_id, 0)

    def children_top(self, node_id: str) -> float | None:
        """Top of the highest node nested in ``node_id`` (its name must stay above)."""
        nodes = self.view().nodes
        tops = [nodes[n].y for n in self._children.get(node_id, ()) if n in nodes]
        return min(tops) if tops else None

    def child_ids(self, node_id: str | None) -> set[str]:
        """The nodes directly inside ``node_id`` (the scene's index, not a search)."""
        return self._children.get(node_id, set())

    def descendant_ids(self, node_id: str) -> list[str]:
        """Every node nested, at any depth, inside ``node_id``, parents first."""
        found: list[str] = []
        todo, seen = [node_id], {node_id}
        while todo:
            for child in self._children.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    found.append(child)
                    todo.append(child)
        return found

    # ------------------------------------------------------------------ indexes
    def _link_node(self, node: Node) -> None:
        """Index a node by its parent and element (replacing what it was indexed by)."""
        self._unlink_node(node.id)
        self._node_links[node.id] = (node.parent, node.element_id)
        self._children.setdefault(node.parent, set()).add(node.id)
        if node.element_id:
            self._element_nodes.setdefault(node.element_id, set()).add(node.id)
        for kind, found in ((NODE_LEGEND, self._legends), (NODE_CONTAINER, self._containers)):
            if node.kind == kind:
                found.add(node.id)
            else:
                found.discard(node.id)

    def _unlink_node(self, node_id: str) -> None:
        links = self._node_links.pop(node_id, None)
        if links is None:
            return
        parent, element_id = links
        self._children.get(parent, set()).discard(node_id)
        if element_id:
            self._element_nodes.get(element_id, set()).discard(node_id)
        self._legends.discard(node_id)
        self._containers.discard(node_id)

    def _link_connection(self, conn: Connection) -> None:
        self._unlink_connection(conn.id)
        self._connection_links[conn.id] = (conn.source, conn.target, conn.relationship_id)
        for end in (conn.source, conn.target):
            self._node_connections.setdefault(end, set()).add(conn.id)
        if conn.relationship_id:
            self._relationship_connections.setdefault(conn.relationship_id, set()).add(
                conn.id)

    def _unlink_connection(self, connection_id: str) -> None:
        links = self._connection_links.pop(connection_id, None)
        if links is None:
            return
        source, target, relationship_id = links
        for end in (source, target):
            self._node_connections.get(end, set()).discard(connection_id)
        if relationship_id:
            self._relationship_connections.get(relationship_id, set()).discard(connection_id)

    def _take_item(self, item) -> None:
        """Remove an item; a selected one changes the selection, which is told once
        when the edit is over (a 200-element delete told it 200 times)."""
        if not item.isSelected():
            self.removeItem(item)
            return
        blocked = self.blockSignals(True)
        try:
            self.removeItem(item)
        finally:
            self.blockSignals(blocked)
        edit_burst().after(self._tell_selection)

    def _tell_selection(self) -> None:
        self.selectionChanged.emit()

    def _follow_selection(self) -> None:
        """Selected boxes and lines make room for their handles, deselected ones give it
        back."""
        selected = self.selectedItems()
        now = {i for i in selected if isinstance(i, NodeItem)}
        for item in self._with_handles - now:
            item.show_handles(False)
        for item in now - self._with_handles:
            item.show_handles(True)
        self._with_handles = now
        lines = {i for i in selected if isinstance(i, ConnectionItem)}
        for line in self._lines_with_handles - lines:
            line.show_handles(False)
        for line in lines - self._lines_with_handles:
            line.show_handles(True)
        self._lines_with_handles = lines

    def _refresh_parent(self, node_id: str) -> None:
        node = self.view().nodes.get(node_id)
        if node is not None and node.parent in self.node_items:
            parent = self.node_items[node.parent]
            if not parent.is_container:
                parent.refresh()

    def _add_node_item(self, node: Node, fit: bool = True) -> NodeItem:
        item: NodeItem = (BandItem(node.id) if node.kind == NODE_CONTAINER
                          else ElementItem(node.id))
        self.addItem(item)
        self.node_items[node.id] = item
        if node.id not in self._node_links:
            self._link_node(node)
        item.sync()
        item.problem = self._problems.get(node.element_id or node.id)
        if fit:
            self._restack(node.id)
            self._refresh_parent(node.id)
            self._schedule_fit()
        return item

    def _add_connection_item(self, conn: Connection) -> ConnectionItem:
        item = ConnectionItem(conn.id)
        self.addItem(item)
        self.connection_items[conn.id] = item
        self._link_connection(conn)
        item.sync()
        item.setZValue(CONNECTION_Z)
        return item

    def _depth(self, node: Node) -> int:
        depth, nodes, seen = 0, self.view().nodes, set()
        while node.parent is not None and node.parent in nodes and node.parent not in seen:
            seen.add(node.parent)
            node = nodes[node.parent]
            depth += 1
        return depth

    def _restack(self, node_id: str) -> None:
        """Children above parents, elements above groups at the same depth."""
        item = self.node_items.get(node_id)
        if item is None:
            return
        node = self.node(node_id)
        item.setZValue(self._depth(node) * 2 + (0 if item.is_container else 1))

    def _schedule_fit(self) -> None:
        """Grow the scene rect once after a burst of events (a drag of many nodes)."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_scene_rect)

    def _fit_scene_rect(self) -> None:
        self._fit_pending = False
        rect = QRectF()
        for item in self.node_items.values():
            rect = rect.united(item.scene_box())
        if rect.isNull():
            rect = QRectF(0, 0, 800, 600)
        self.setSceneRect(rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    def content_rect(self) -> QRectF:
        """The box around every node (what "zoom to fit" shows)."""
        rect = QRectF()
        for node_item in self.node_items.values():
            rect = rect.united(node_item.scene_box())
        for connection_item in self.connection_items.values():
            rect = rect.united(connection_item.boundingRect())
        return rect

    # ------------------------------------------------------------------ events
    def _on_event(self, event: ev.ModelEvent) -> None:
        handler = _HANDLERS.get(type(event))
        if handler is not None:
            handler(self, event)

    def _node_added(self, event: ev.NodeAdded) -> None:
        if event.view_id != self.view_id:
            return
        node = self.node(event.node_id)
        if node.layer is not None:
            self._compute_band_order()
        self._link_node(node)
        self._add_node_item(node)
        self._refresh_legends()

    def _node_removed(self, event: ev.NodeRemoved) -> None:
        if event.view_id != self.view_id:
            return
        item = self.node_items.pop(event.node_id, None)
        self._unlink_node(event.node_id)
        if item is None:
            return
        self._node_connections.pop(event.node_id, None)
        self._take_item(item)
        self._band_order.pop(event.node_id, None)
        self._refresh_legends()

    def _node_moved(self, event: ev.NodeMoved) -> None:
        if event.view_id != self.view_id:
            return
        item = self.node_items.get(event.node_id)
        if item is None:
            return
        item.sync_bounds()
        # The lines once the edit is over: aligning 300 nodes moved a line between two of
        # them twice, and each move of a line re-files it in Qt's index.
        self._moved_ends.add(event.node_id)
        edit_burst().after(self._route_moved)
        self._refresh_parent(event.node_id)
        self._schedule_fit()

    def _route_moved(self) -> None:
        ends, self._moved_ends = self._moved_ends, set()
        self.update_routes(ends)

    def _node_changed(self, event: ev.NodeChanged) -> None:
        if event.view_id != self.view_id:
            return
        item = self.node_items.get(event.node_id)
        if item is None:
            return
        old_parent = self._node_links.get(event.node_id, (None, None))[0]
        self._link_node(self.node(event.node_id))  # its parent may have changed
        if old_parent in self.node_items and not self.node_items[old_parent].is_container:
            self.node_items[old_parent].refresh()  # its name may go back down
        item.sync()
        self._refresh_parent(event.node_id)
        for node_id in [event.node_id, *self.descendant_ids(event.node_id)]:
            self._restack(node_id)

    def _connection_added(self, event: ev.ConnectionAdded) -> None:
        if event.view_id == self.view_id:
            self._add_connection_item(self.connection(event.connection_id))
            self._refresh_legends()

    def _connection_removed(self, event: ev.ConnectionRemoved) -> None:
        if event.view_id != self.view_id:
            return
        item = self.connection_items.pop(event.connection_id, None)
        self._unlink_connection(event.connection_id)
        if item is not None:
            self._take_item(item)
            self._refresh_legends()

    def _connection_changed(self, event: ev.ConnectionChanged) -> None:
        if event.view_id == self.view_id:
            item = self.connection_items.get(event.connection_id)
            if item is not None:
                self._link_connection(self.connection(event.connection_id))
                item.sync()
                self.update_routes([event.connection_id])

    def _element_changed(self, event: ev.ElementChanged) -> None:
        for node_id in self._element_nodes.get(event.element_id, ()):
            item = self.node_items.get(node_id)
            if item is not None:
                item.refresh()
        if self._element_nodes.get(event.element_id):
            self._refresh_legends()  # its type may have changed

    def _relationship_changed(self, event: ev.RelationshipChanged) -> None:
        shown = False
        for connection_id in self._relationship_connections.get(event.relationship_id, ()):
            item = self.connection_items.get(connection_id)
            if item is not None:
                item.sync()
                shown = True
        if shown:
            self._refresh_legends()

    def _view_removed(self, event: ev.ViewRemoved) -> None:
        if event.view_id == self.view_id:
            self.detach()
            self.viewRemoved.emit(self.view_id)

    def _view_changed(self, event: ev.ViewChanged) -> None:
        if event.view_id == self.view_id:
            viewpoint = self.view().viewpoint
            if viewpoint != self._viewpoint:  # ghosting follows the viewpoint
                self._viewpoint = viewpoint
                for item in self.node_items.values():
                    item.refresh()
            self.viewRenamed.emit(self.view_id)

    def _refresh_legends(self) -> None:
        """Legend nodes list the types on the view: redraw them when what is shown
        changes (once per edit)."""
        if self._legends:
            edit_burst().after(self._refresh_legends_now)

    def _refresh_legends_now(self) -> None:
        if not self.model.has_view(self.view_id):
            return
        for node_id in self._legends:
            item = self.node_items.get(node_id)
            if item is not None:
                item.refresh()

    def ghosted_node_ids(self) -> list[str]:
        """The nodes drawn faded because the view's viewpoint does not show their type."""
        return [i.node_id for i in self.node_items.values() if i.ghosted]

    def _reset(self, event: ev.ModelReset) -> None:
        self.rebuild()

    # ------------------------------------------------------------------ queries for tools
    def update_routes(self, end_ids: Iterable[str]) -> None:
        """Re-route the connections attached to these nodes/connections (and to those)."""
        todo = list(end_ids)
        seen: set[str] = set()
        while todo:
            end = todo.pop()
            for conn_id in self._node_connections.get(end, ()):
                if conn_id in seen:
                    continue
                seen.add(conn_id)
                item = self.connection_items.get(conn_id)
                if item is not None:
                    item.update_route()
                    todo.append(conn_id)

    def anchor_rect(self, end_id: str) -> QRectF | None:
        """The box a connection end attaches to: a node's box, or a connection's midpoint."""
        item = self.node_items.get(end_id)
        if item is not None:
            return item.scene_box()
        conn = self.connection_items.get(end_id)
        if conn is not None:
            mid = conn.midpoint()
            return QRectF(mid.x() - 1, mid.y() - 1, 2, 2)
        return None

    def container_items(self) -> list[NodeItem]:
        """The items of the bands and groups (the scene's index)."""
        return [self.node_items[n] for n in self._containers if n in self.node_items]

    def node_ids_at(self, point: QPointF) -> list[str]:
        """The nodes whose item covers ``point``, topmost first (the spatial index's
        answer; an item being dragged is where the drag shows it)."""
        return [i.node_id for i in self.items(point) if isinstance(i, NodeItem)]

    def node_items_at(self, point: QPointF) -> list[NodeItem]:
        """Node items whose box contains ``point``, topmost first."""
        found = [i for i in self.items(point) if isinstance(i, NodeItem)
                 and i.scene_box().contains(point)]
        return found

    def element_item_at(self, point: QPointF,
                        exclude: AbstractSet[str] = frozenset()) -> NodeItem | None:
        """The topmost element node (not a group or band) under ``point``."""
        for item in self.node_items_at(point):
            if item.node_id in exclude:
                continue
            if not item.is_container and self.node(item.node_id).element_id:
                return item
        return None

    def container_at(self, point: QPointF,
                     exclude: AbstractSet[str] = frozenset()) -> str | None:
        """The topmost band or group under ``point`` that can hold a new child, skipping
        ``exclude`` (the nodes being moved)."""
        for item in self.node_items_at(point):
            if item.node_id not in exclude and self.can_hold(self.node(item.node_id)):
                return item.node_id
        return None

    def can_hold(self, node: Node) -> bool:
        """Bands, groups and Grouping elements always take nested nodes. Whether an
        ordinary element takes what is dropped onto it (nesting as in Archi, with the
        relationship it states) is the nesting preference's to say (:mod:`.nesting`)."""
        if node.kind == NODE_CONTAINER:
            return True
        if node.element_id and self.model.has_element(node.element_id):
            return self.model.element(node.element_id).type == "Grouping"
        return False

    def items_of_element(self, element_id: str) -> list[NodeItem]:
        return [self.node_items[n] for n in self._element_nodes.get(element_id, ())
                if n in self.node_items]

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_connection_ids(self) -> list[str]:
        return [i.connection_id for i in self.selectedItems() if isinstance(i, ConnectionItem)]

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select exactly the nodes/connections with these ids."""
        items: list[QGraphicsItem] = []
        for item_id in set(ids):
            item = self.node_items.get(item_id) or self.connection_items.get(item_id)
            if item is not None:
                items.append(item)
        self.set_selection(items)

    def set_selection(self, items: Iterable[QGraphicsItem]) -> None:
        """Select exactly ``items``, telling ``selectionChanged`` once.

        Why: Qt tells it after each item's ``setSelected``, and the Properties dock, the
        model tree and the inventory each read the whole selection when told, so
        selecting all of a 2,000-node view told them 2,000 times: 47 s with a
        1,000-element model, over four minutes with 20,000 (a rubber band over many
        boxes the same at every move)."""
        wanted = set(items)
        changed = False
        blocked = self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if item not in wanted:
                    item.setSelected(False)
                    changed = True
            for item in wanted:
                if not item.isSelected():
                    item.setSelected(True)
                    changed = True
        finally:
            self.blockSignals(blocked)
        if changed and not blocked:
            self.selectionChanged.emit()

    # ------------------------------------------------------------------ decorations
    def set_pixel_size(self, pixel: float) -> None:
        """The view's zoom changed: resize handles, bendpoints and line hit areas so they
        stay a few screen pixels wide (at the 40% an overview opens at, 7 scene units
        would be a 3-pixel target)."""
        if pixel <= 0:
            return
        before, self.pixel = self.pixel, pixel
        if pixel == before:
            return
        # Only a selected box's or line's bounds hold its handles; the view repaints
        # everything after a zoom anyway. No other item changes: a zoom that moved every
        # line in the scene's index took half the time of a repaint of 2,000 nodes.
        for item in self._with_handles:
            item.prepareGeometryChange()
        if max(1.0, pixel) != max(1.0, before):
            for connection_item in self._lines_with_handles:
                connection_item.zoom_changed()

    def set_problems(self, problems: dict[str, str]) -> None:
        """Mark nodes whose element (or node id) has a validation finding."""
        self._problems = dict(problems)
        for node_id, item in self.node_items.items():
            node = self.view().nodes.get(node_id)
            if node is None:
                continue
            mark = problems.get(node.element_id or node_id) or problems.get(node_id)
            if mark != item.problem:
                item.problem = mark
                item.update()

    def set_drop_target(self, node_id: str | None) -> None:
        """Outline the band or group a drag would nest into (None: no outline)."""
        previous = getattr(self, "_drop_target", None)
        if previous == node_id:
            return
        for item_id, on in ((previous, False), (node_id, True)):
            item = self.node_items.get(item_id) if item_id else None
            if item is not None:
                item.drop_target = on
                item.update()
        self._drop_target = node_id

    def set_dimmed(self, dimmed: set[str]) -> None:
        """Dim these nodes (invalid targets while a connection is dragged); undim the rest."""
        for node_id, item in self.node_items.items():
            want = node_id in dimmed
            if item.dimmed != want:
                item.dimmed = want
                item.update()


#: Event type -> the scene's handler of it (each handler takes its own event type).
_HANDLERS: dict[type, Callable[..., None]] = {
    ev.NodeAdded: DiagramScene._node_added,
    ev.NodeRemoved: DiagramScene._node_removed,
    ev.NodeMoved: DiagramScene._node_moved,
    ev.NodeChanged: DiagramScene._node_changed,
    ev.ConnectionAdded: DiagramScene._connection_added,
    ev.ConnectionRemoved: DiagramScene._connection_removed,
    ev.ConnectionChanged: DiagramScene._connection_changed,
    ev.ElementChanged: DiagramScene._element_changed,
    ev.RelationshipChanged: DiagramScene._relationship_changed,
    ev.ViewRemoved: DiagramScene._view_removed,
    ev.ViewChanged: DiagramScene._view_changed,
    ev.ModelReset: DiagramScene._reset,
}
