"""The views' part of the one walk over an exchange file (:mod:`.oef_read_scan`): what the
reference check asks of every XML element under ``<views>``, and, on the way, each view's
children grouped and its nodes and connections of the usual shape read into model
objects.

Why: a view of a national architecture holds thousands of nodes and lines. Walking them
once for the check and again to read them took two fifths of importing a 1,000-element
file with a 2,000-node overview (issue 19). Here each is visited once; the build
(:mod:`.oef_read_views`) adds what was read, and reads from the XML, as before, whatever is
of another shape (a coordinate that is not plain digits or is beyond the limits, a type
without its reference, a line with bendpoints or a style...), so what it reports or
refuses, and in which order, does not change.

Nothing is reported, counted or refused here: the check has not run yet, and the build
may skip a node (its element skipped) whose children the report must then not count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..model import limits
from ..model.views import NODE_CONTAINER, NODE_ELEMENT, NODE_LABEL, Connection, Node
from .oef_read_checks import References
from .oef_vocabulary import (
    Q_CONN,
    Q_DIAGRAMS,
    Q_DOC,
    Q_LABEL,
    Q_NAME,
    Q_NODE,
    Q_PROPS,
    Q_STYLE,
    Q_VIEW,
    Q_VIEWREF,
    XSI_TYPE,
)

#: The key under which a group holds the children of no known tag (another tool's): the
#: build counts them, as :meth:`.ReadState.children` does, only for what it reads.
OTHER = "other"
#: The children a node may hold besides nested nodes.
_NODE_TAGS = (Q_STYLE, Q_LABEL, Q_DOC, Q_VIEWREF)
#: The node types whose kind needs nothing more (an element node needs its reference).
_KINDS = {"Container": NODE_CONTAINER, "Label": NODE_LABEL}

Groups = dict[Any, list[etree._Element]]
#: A node in the order the build adds them (parents first, in the file's order): its
#: identifier, the node read (``None``: the build reads it from the XML), its XML element,
#: its parent's identifier and its children grouped by tag (``None`` when it has none).
NodeEntry = tuple[str | None, Node | None, etree._Element, str | None, Groups | None]
#: A connection: the one read (``None``: the build reads it from the XML), its element.
ConnectionEntry = tuple[Connection | None, etree._Element]


@dataclass
class ViewPlan:
    """What the walk found in one ``<view>``: its names, documentation and properties
    (``groups``, with :data:`OTHER`), its nodes and its connections."""

    groups: Groups = field(default_factory=dict)
    nodes: list[NodeEntry] = field(default_factory=list)
    connections: list[ConnectionEntry] = field(default_factory=list)


#: The plan of each ``<view>`` of ``<model><views><diagrams>``, by its XML element.
ViewPlans = dict[etree._Element, ViewPlan]


def scan_views(views: etree._Element, references: References, plans: ViewPlans) -> None:
    """One ``<views>``: every XML element noted for the check, each view's plan made."""
    one = references.one
    one(views)
    for diagrams in views:
        if diagrams.tag != Q_DIAGRAMS:
            references.subtree(diagrams)  # reported by the build, not read
            continue
        one(diagrams)
        for view in diagrams:
            if view.tag != Q_VIEW:
                references.subtree(view)
                continue
            one(view)
            plans[view] = _view(view, references)


def _view(view: etree._Element, references: References) -> ViewPlan:
    plan = ViewPlan({Q_NAME: [], Q_DOC: [], Q_PROPS: [], OTHER: []})
    groups, top_nodes = plan.groups, []
    connection, subtree = plan.connections.append, references.subtree
    conn_ids, rel_refs = references.ids_of(Q_CONN), references.refs["relationshipRef"]
    ends = references.ends_of(Q_CONN)
    for child in view:
        tag = child.tag
        if tag == Q_CONN:
            get = child.get
            identifier, ref = get("identifier"), get("relationshipRef")
            source, target = get("source"), get("target")
            if (identifier is not None and ref is not None and source is not None
                    and target is not None and get(XSI_TYPE) is not None
                    and len(child.attrib) == 5):
                conn_ids.append(identifier)
                rel_refs.append(ref)
                ends.append(source)
                ends.append(target)
                if not len(child):  # a plain line: read here
                    connection((Connection(identifier, source, target, ref), child))
                    continue
            else:
                references.one(child)
            references.below(child)
            connection((None, child))
        elif tag == Q_NODE:
            top_nodes.append(child)
        else:
            subtree(child)
            group = groups.get(tag)
            (groups[OTHER] if group is None else group).append(child)
    _nodes(top_nodes, references, plan.nodes)
    return plan


def _nodes(top: list[etree._Element], references: References, out: list[NodeEntry]
           ) -> None:
    """The nodes of a view, parents first in the file's order (as the build adds them),
    walked without recursion (a hostile file may nest them thousands deep)."""
    node_ids, element_refs = references.ids_of(Q_NODE), references.refs["elementRef"]
    one, subtree = references.one, references.subtree
    most_xy, least_size, most_size = (limits.MAX_COORDINATE, limits.MIN_NODE_SIZE,
                                      limits.MAX_NODE_SIZE)
    stack: list[tuple[etree._Element, str | None]] = [(el, None) for el in reversed(top)]
    while stack:
        el, parent = stack.pop()
        get = el.get
        identifier, kind, ref = get("identifier"), get(XSI_TYPE), get("elementRef")
        x, y, w, h = get("x"), get("y"), get("w"), get("h")
        present = ((identifier is not None) + (kind is not None) + (ref is not None)
                   + (x is not None) + (y is not None) + (w is not None) + (h is not None))
        node = None
        if identifier is not None and present == len(el.attrib):
            node_ids.append(identifier)
            if ref is not None:
                element_refs.append(ref)
            node_kind = (NODE_ELEMENT if kind == "Element" and ref is not None
                         else _KINDS.get(kind or "") if ref is None else None)
            if node_kind is not None and x is not None and y is not None and (
                    w is not None and h is not None):
                xi, yi, wi, hi = _digits(x), _digits(y), _digits(w), _digits(h)
                if (xi <= most_xy and yi <= most_xy and least_size <= wi <= most_size
                        and least_size <= hi <= most_size):
                    node = Node(identifier, xi, yi, wi, hi, node_kind, ref, parent)
        else:
            one(el)
        groups: Groups | None = None
        if len(el):
            groups = {Q_NODE: [], Q_STYLE: [], Q_LABEL: [], Q_DOC: [], Q_VIEWREF: [],
                      OTHER: []}
            for child in el:
                tag = child.tag
                if tag != Q_NODE:
                    subtree(child)
                group = groups.get(tag)
                (groups[OTHER] if group is None else group).append(child)
        out.append((identifier, node, el, parent, groups))
        if groups is not None and groups[Q_NODE]:
            stack.extend((child, identifier) for child in reversed(groups[Q_NODE]))


def _digits(value: str) -> int:
    """A whole number written as plain ASCII digits (as every tool writes coordinates),
    else one beyond every limit, which leaves the node to the build's reading."""
    if value.isdigit() and value.isascii() and len(value) <= 15:
        return int(value)
    return limits.MAX_COORDINATE + limits.MAX_NODE_SIZE + 1
