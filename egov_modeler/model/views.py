"""Views (diagrams) and what is placed on them.

Coordinates are absolute, as in the exchange format, so export and PDF do no
arithmetic: a nested node's bounds are in the same space as its parent's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .concepts import Properties

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


@dataclass
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


@dataclass
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
        """The nodes directly inside ``node_id`` (top-level ones for ``None``)."""
        return [n for n in self.nodes.values() if n.parent == node_id]

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
        """Every placement of ``element_id`` on this view."""
        return [n for n in self.nodes.values() if n.element_id == element_id]

    def connections_of_node(self, node_id: str) -> list[Connection]:
        """Every connection that starts or ends at ``node_id``."""
        return [c for c in self.connections.values() if node_id in (c.source, c.target)]
