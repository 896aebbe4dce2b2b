"""Views (diagrams) and what is placed on them.

Coordinates are absolute, as in the exchange format, so export and PDF do no
arithmetic: a nested node's bounds are in the same space as its parent's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .concepts import Properties

T = TypeVar("T")

NODE_ELEMENT = "element"
NODE_LABEL = "label"
NODE_CONTAINER = "container"
#: A legend box: it lists the element and relationship types shown on its view.
NODE_LEGEND = "legend"
NODE_KINDS = (NODE_ELEMENT, NODE_LABEL, NODE_CONTAINER, NODE_LEGEND)

#: ``View.connection_router``: lines follow their bendpoints as drawn ("manual")...
ROUTER_MANUAL = ""
#: ... or are routed with right angles around the boxes (Archi calls it "Manhattan").
ROUTER_ORTHOGONAL = "manhattan"
#: ``Connection.router``: "" follows the view; these two override it for one line.
CONNECTION_ROUTER_MANUAL = "manual"
CONNECTION_ROUTERS = ("", CONNECTION_ROUTER_MANUAL, ROUTER_ORTHOGONAL)


@dataclass
class Style:
    """How a node or connection is drawn; ``None`` means the type's default.

    Colours are ``#rrggbb`` strings; ``fill_alpha`` and ``line_alpha`` are 0..255.
    ``text_alignment`` is "left", "center" or "right"; ``text_position`` is "top",
    "middle" or "bottom" for a node and "source", "middle" or "target" for a connection.
    """

    fill: str | None = None
    fill_alpha: int | None = None
    line_color: str | None = None
    line_alpha: int | None = None
    line_width: int | None = None
    font_name: str | None = None
    font_size: float | None = None
    font_color: str | None = None
    font_style: str | None = None
    text_alignment: str | None = None
    text_position: str | None = None

    def is_default(self) -> bool:
        """True when nothing is set, so files can leave the style out."""
        return all(value is None for value in self.__dict__.values())

    def over(self, base: Style) -> Style:
        """This style with what it leaves unset taken from ``base`` (a node's own style
        over its view's default for the element's type)."""
        return Style(**{k: (v if v is not None else getattr(base, k))
                        for k, v in self.__dict__.items()})


@dataclass(slots=True)  # tens of thousands in a national model
class Node:
    """A placement on a view.

    ``kind`` is "element" (shows ``element_id``), "label" (free text, possibly a
    reference to another view through ``view_ref``) or "container" (a group; a framework
    layer band is a container whose ``layer`` names the framework layer).
    """

    id: str
    x: int
    y: int
    w: int
    h: int
    kind: str = NODE_ELEMENT
    element_id: str | None = None
    parent: str | None = None
    label: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    layer: str | None = None
    view_ref: str | None = None
    style: Style = field(default_factory=Style)

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """``(x, y, w, h)`` in absolute view coordinates."""
        return (self.x, self.y, self.w, self.h)

    def contains(self, x: float, y: float) -> bool:
        """True when the point lies inside the node's box."""
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


@dataclass(slots=True)
class Connection:
    """A line on a view between two nodes, showing ``relationship_id`` (or a plain line
    when that is ``None``). Bendpoints are absolute ``(x, y)`` pairs, in order from source
    to target."""

    id: str
    source: str
    target: str
    relationship_id: str | None = None
    bendpoints: list[tuple[int, int]] = field(default_factory=list)
    label: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    style: Style = field(default_factory=Style)
    #: "" (as the view says), "manual" or "manhattan" (orthogonal) for this line only.
    router: str = ""


@dataclass
class View:
    """A diagram: its name, viewpoint and placements, keyed by id in drawing order.

    ``connection_router`` is "" (lines follow their bendpoints) or "manhattan" (lines
    drawn with right angles, as Archi's Manhattan router does). ``defaults`` holds, per
    element type, the appearance its nodes take on this view where their own style sets
    nothing."""

    id: str
    name: str = ""
    names: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    documentations: dict[str, str] = field(default_factory=dict)
    viewpoint: str = ""
    properties: Properties = field(default_factory=list)
    connection_router: str = ""
    defaults: dict[str, Style] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    connections: dict[str, Connection] = field(default_factory=dict)

    def node_style(self, node: Node, element_type: str | None) -> Style:
        """What ``node`` is drawn with: its own style over the view's default for
        ``element_type`` (the type of the element it shows, if any)."""
        default = self.defaults.get(element_type) if element_type else None
        return node.style.over(default) if default is not None else node.style

    def routes_orthogonally(self, connection: Connection) -> bool:
        """Whether ``connection`` is routed with right angles: its own choice, else the
        view's."""
        if connection.router:
            return connection.router == ROUTER_ORTHOGONAL
        return self.connection_router == ROUTER_ORTHOGONAL

    def children(self, node_id: str | None) -> list[Node]:
        """The nodes directly inside ``node_id`` (top-level ones for ``None``), in drawing
        order."""
        index = self._index()
        return index.in_order(index.children.get(node_id), index.node_order)

    def descendants(self, node_id: str) -> list[Node]:
        """Every node nested, at any depth, inside ``node_id``, parents before children."""
        found: list[Node] = []
        stack = [node_id]
        while stack:
            current = stack.pop()
            for child in self.children(current):
                found.append(child)
                stack.append(child.id)
        return found

    def enclosing_layer(self, node_id: str | None) -> str | None:
        """The framework layer of the band ``node_id`` is, or sits in (at any depth)."""
        while node_id is not None:
            node = self.nodes.get(node_id)
            if node is None:
                return None
            if node.layer:
                return node.layer
            node_id = node.parent
        return None

    def nodes_of_element(self, element_id: str) -> list[Node]:
        """Every placement of ``element_id`` on this view, in drawing order."""
        index = self._index()
        return index.in_order(index.by_element.get(element_id), index.node_order)

    def connections_of_node(self, node_id: str) -> list[Connection]:
        """Every connection that starts or ends at ``node_id`` (a node, or a connection that
        other connections are drawn to), in drawing order."""
        index = self._index()
        return index.in_order(index.ends.get(node_id), index.connection_order)

    def connections_of_nodes(self, node_ids: Iterable[str]) -> list[Connection]:
        """Every connection at any of ``node_ids``, once each, in drawing order."""
        index = self._index()
        found: dict[str, Connection] = {}
        for node_id in node_ids:
            found.update(index.ends.get(node_id) or {})
        return index.in_order(found, index.connection_order)

    def connections_of_relationship(self, relationship_id: str) -> list[Connection]:
        """Every line of ``relationship_id`` on this view, in drawing order."""
        index = self._index()
        return index.in_order(index.by_relationship.get(relationship_id),
                              index.connection_order)

    def shows(self, concept_id: str) -> bool:
        """True when a node shows the element or a connection the relationship."""
        index = self._index()
        return bool(index.by_element.get(concept_id) or index.by_relationship.get(concept_id))

    # ------------------------------------------------------------------ the index
    # Kept by the model's primitives (Model._put_node, _drop_node, ... and the NodeChanged
    # and ConnectionChanged events), built on first use, and rebuilt when the view was
    # filled behind the model's back (a reader writing ``view.nodes`` directly): then its
    # counts no longer match. Code that changes a placed node's ``parent`` or
    # ``element_id`` must say so with NodeChanged, as every command does.
    def _index(self) -> _ViewIndex:
        index: _ViewIndex | None = self.__dict__.get("_view_index")
        if index is None or not index.matches(self):
            index = _ViewIndex(self)
            self.__dict__["_view_index"] = index
        return index

    def _built_index(self, nodes: int = 0, connections: int = 0) -> _ViewIndex | None:
        """The index when it is built and current, else ``None`` (and it is dropped);
        ``nodes``/``connections``: the model has just added (1) or removed (-1) one."""
        index: _ViewIndex | None = self.__dict__.get("_view_index")
        if index is not None and not index.matches(self, nodes, connections):
            self.__dict__["_view_index"] = index = None
        return index

    def _note_node_put(self, node: Node, appended: bool) -> None:
        index = self._built_index(nodes=1)
        if index is not None:
            index.add_node(node, self if not appended else None)

    def _note_node_dropped(self, node: Node) -> None:
        index = self._built_index(nodes=-1)
        if index is not None:
            index.drop_node(node)

    def _note_node_changed(self, node_id: str) -> None:
        index = self._built_index()
        node = self.nodes.get(node_id)
        if index is not None and node is not None:
            index.drop_node(node, keep_order=True)
            index.add_node(node, None, keep_order=True)

    def _note_connection_put(self, connection: Connection, appended: bool) -> None:
        index = self._built_index(connections=1)
        if index is not None:
            index.add_connection(connection, self if not appended else None)

    def _note_connection_dropped(self, connection: Connection) -> None:
        index = self._built_index(connections=-1)
        if index is not None:
            index.drop_connection(connection)

    def _note_connection_changed(self, connection_id: str) -> None:
        index = self._built_index()
        connection = self.connections.get(connection_id)
        if index is not None and connection is not None:
            index.drop_connection(connection, keep_order=True)
            index.add_connection(connection, None, keep_order=True)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_view_index", None)  # rebuilt on first use after a copy
        return state


class _ViewIndex:
    """Where each placement of a view sits: children by parent, lines by end, placements
    by element and by relationship, and the drawing order (to answer in it)."""

    def __init__(self, view: View) -> None:
        self.nodes = view.nodes
        self.connections = view.connections
        #: Drawing order as numbers (a put-back falls between two: see :meth:`_place`).
        self.node_order: dict[str, float] = {}
        self.connection_order: dict[str, float] = {}
        #: The largest number given so far (the next appended entry gets one more).
        self.node_last: float = -1
        self.connection_last: float = -1
        self.children: dict[str | None, dict[str, Node]] = {}
        self.by_element: dict[str, dict[str, Node]] = {}
        self.ends: dict[str, dict[str, Connection]] = {}
        self.by_relationship: dict[str, dict[str, Connection]] = {}
        #: What each entry was filed under (a node's parent and element; a line's ends
        #: and relationship), to take it out again after it changed.
        self.node_keys: dict[str, tuple[str | None, str | None]] = {}
        self.connection_keys: dict[str, tuple[str, str, str | None]] = {}
        self.node_count = 0
        self.connection_count = 0
        for node in view.nodes.values():
            self.add_node(node, None)
        for connection in view.connections.values():
            self.add_connection(connection, None)

    def matches(self, view: View, nodes: int = 0, connections: int = 0) -> bool:
        """Whether the index still describes ``view`` (``nodes``/``connections``: the
        model has just added or removed that many, about to be noted)."""
        return (self.nodes is view.nodes and self.connections is view.connections
                and len(view.nodes) == self.node_count + nodes
                and len(view.connections) == self.connection_count + connections)

    @staticmethod
    def in_order(bucket: dict[str, T] | None, order: dict[str, float]) -> list[T]:
        if not bucket:
            return []
        items = list(bucket.items())
        items.sort(key=lambda item: order[item[0]])
        return [value for _, value in items]

    @staticmethod
    def _place(order: dict[str, float], key: str, items: dict[str, Any], mid_order: bool,
               last: float) -> float:
        """Give ``key`` its drawing-order number and return the new largest number.

        Appended: the number after ``last``. Put back mid-order (``mid_order``, undo):
        half-way between its neighbours' numbers in ``items``, so undoing the delete of 200
        nodes numbers 200 nodes, not 200 times the whole view (issue 19); only when the
        halves run out (some fifty puts into the same gap) is every entry numbered again."""
        if mid_order:
            keys = list(items)
            at = keys.index(key)
            after = order.get(keys[at + 1]) if at + 1 < len(keys) else None
            if after is not None:
                before = order.get(keys[at - 1]) if at > 0 else after - 2
                middle = (before + after) / 2 if before is not None else after
                if before is not None and before < middle < after:
                    order[key] = middle
                    return last
                order.clear()
                order.update((k, i) for i, k in enumerate(keys))
                return len(keys) - 1
        order[key] = last + 1
        return last + 1

    def add_node(self, node: Node, renumber_from: View | None,
                 keep_order: bool = False) -> None:
        """File ``node``; ``renumber_from``: it was put back mid-order (undo), numbered
        between its neighbours; ``keep_order``: it is filed again after a change, not new."""
        if not keep_order:
            self.node_count += 1
            self.node_last = self._place(self.node_order, node.id, self.nodes,
                                         renumber_from is not None, self.node_last)
        self.node_keys[node.id] = (node.parent, node.element_id)
        self.children.setdefault(node.parent, {})[node.id] = node
        if node.element_id is not None:
            self.by_element.setdefault(node.element_id, {})[node.id] = node

    def drop_node(self, node: Node, keep_order: bool = False) -> None:
        parent, element_id = self.node_keys.pop(node.id, (node.parent, node.element_id))
        _discard(self.children, parent, node.id)
        if element_id is not None:
            _discard(self.by_element, element_id, node.id)
        if not keep_order:
            self.node_count -= 1
            self.node_order.pop(node.id, None)

    def add_connection(self, connection: Connection, renumber_from: View | None,
                       keep_order: bool = False) -> None:
        if not keep_order:
            self.connection_count += 1
            self.connection_last = self._place(self.connection_order, connection.id,
                                               self.connections, renumber_from is not None,
                                               self.connection_last)
        self.connection_keys[connection.id] = (connection.source, connection.target,
                                               connection.relationship_id)
        for end in {connection.source, connection.target}:
            self.ends.setdefault(end, {})[connection.id] = connection
        if connection.relationship_id is not None:
            self.by_relationship.setdefault(connection.relationship_id, {})[
                connection.id] = connection

    def drop_connection(self, connection: Connection, keep_order: bool = False) -> None:
        source, target, relationship_id = self.connection_keys.pop(
            connection.id, (connection.source, connection.target, connection.relationship_id))
        for end in {source, target}:
            _discard(self.ends, end, connection.id)
        if relationship_id is not None:
            _discard(self.by_relationship, relationship_id, connection.id)
        if not keep_order:
            self.connection_count -= 1
            self.connection_order.pop(connection.id, None)


def _discard(buckets: dict[Any, dict[str, Any]], key: Any, item_id: str) -> None:
    bucket = buckets.get(key)
    if bucket is not None:
        bucket.pop(item_id, None)
        if not bucket:
            del buckets[key]
