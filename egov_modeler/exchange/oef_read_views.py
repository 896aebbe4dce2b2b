"""Reading the views of an exchange file: nodes (nested, with absolute coordinates),
connections with bendpoints, styles, and this program's view extras (a JSON property that
carries what the format cannot hold: layer bands, the view's origin, sizes and styles)."""

from __future__ import annotations

import re

from lxml import etree

from ..i18n import tr
from ..model import limits
from ..model.field_reader import FieldReader
from ..model.model import Model
from ..model.serialization import defaults_from_dict
from ..model.views import (
    NODE_CONTAINER,
    NODE_ELEMENT,
    NODE_LABEL,
    Connection,
    Node,
    View,
)
from .oef_read_common import ReadState, local_name
from .oef_read_extras import ViewExtras, read_view_extras
from .oef_read_view_scan import (
    OTHER,
    ConnectionEntry,
    Groups,
    NodeEntry,
    ViewPlan,
    ViewPlans,
)
from .oef_style import read_style
from .oef_vocabulary import (
    PROP_VIEW_EXTRAS,
    Q_BEND,
    Q_DIAGRAMS,
    Q_DOC,
    Q_LABEL,
    Q_NODE,
    Q_SRC_ATT,
    Q_STYLE,
    Q_TGT_ATT,
    Q_VIEW,
    Q_VIEWREF,
    XSI_TYPE,
)

#: A whole number as the exchange schema writes it (ASCII digits, optional sign).
_WHOLE = re.compile(r"\s*([+-]?)([0-9]+)\s*\Z")


def read_views(reader: ReadState, views: etree._Element, model: Model,
               plans: ViewPlans) -> None:
    """The views of one ``<views>``, each from what the scan found in it (``plans``)."""
    for child in views:
        if child.tag == Q_DIAGRAMS:
            for view_el in child:
                if view_el.tag == Q_VIEW:
                    read_view(reader, view_el, model, plans[view_el])
        else:
            reader.report.append(tr(
                "<{tag}> (line {line}) was not imported: viewpoint definitions are not "
                "supported", tag=local_name(child.tag), line=child.sourceline))


def read_view(reader: ReadState, view_el: etree._Element, model: Model,
              plan: ViewPlan) -> None:
    identifier = view_el.get("identifier")
    reader.counts["extension"] += len(plan.groups[OTHER])
    parts = reader.parts_of(view_el, plan.groups)
    name = parts.name
    view = View(id=identifier, name=name, names=parts.names,
                documentation=parts.documentation, documentations=parts.documentations,
                viewpoint=reader.text_of(view_el.get("viewpoint", ""),
                                         limits.MAX_NAME_LENGTH))
    extras: ViewExtras | None = ViewExtras()
    for key, value in parts.properties:
        if key == PROP_VIEW_EXTRAS:
            extras = read_view_extras(value)
        else:
            view.properties.append((key, value))
    if extras is None:
        reader.report.append(tr("View ‘{view}’: unreadable {key} property ignored",
                                view=name, key=PROP_VIEW_EXTRAS))
        extras = ViewExtras()
    if view_el.get("viewpointRef"):
        reader.report.append(tr("View ‘{view}’: viewpoint reference {ref} not imported",
                                view=name, ref=view_el.get("viewpointRef")))
    view.connection_router = extras.router
    if extras.defaults:
        view.defaults = defaults_from_dict({"defaults": extras.defaults},
                                           FieldReader(reader.report), tr("View {id}", id=name))
    model.load_view(view)
    read_nodes(reader, view, plan.nodes, model, extras)
    read_connections(reader, view, plan.connections, model, extras)


def _whole_number(reader: ReadState, el: etree._Element, attribute: str) -> int | None:
    """A whole-number attribute, ``None`` when absent; text is refused. A number too long
    to matter stands for one beyond the limits (then brought within them)."""
    value = el.get(attribute)
    if value is None:
        return None
    if value.isdigit() and value.isascii() and len(value) <= 15:  # the usual "120"
        return int(value)
    found = _WHOLE.match(value)
    if found is None:
        raise reader.fail(el.sourceline, tr(
            "<{tag}> needs a whole number in {attribute}, found {value!r}",
            tag=local_name(el.tag), attribute=attribute, value=value[:40]))
    sign, digits = found.group(1), found.group(2).lstrip("0") or "0"
    number = int(digits) if len(digits) <= 15 else 10 ** 15
    return -number if sign == "-" else number


def _coordinate(reader: ReadState, el: etree._Element, attribute: str, shift: int) -> int:
    """x or y, moved by the view's ``shift`` and held within ±MAX_COORDINATE (counted)."""
    value = _whole_number(reader, el, attribute)
    if value is None:
        raise reader.fail(el.sourceline, tr(
            "<{tag}> needs a whole number in {attribute}, found {value!r}",
            tag=local_name(el.tag), attribute=attribute, value=None))
    value -= shift
    if -limits.MAX_COORDINATE <= value <= limits.MAX_COORDINATE:
        return value
    reader.counts["geometry"] += 1
    return limits.clamp_coordinate(value)


def _size(reader: ReadState, el: etree._Element, attribute: str, default: int) -> int:
    """w or h: missing, zero or negative gives the default size, as in every reader
    (Archi writes -1 for "default"); too large is brought within the limit. Counted."""
    value = _whole_number(reader, el, attribute)
    if value is not None and limits.MIN_NODE_SIZE <= value <= limits.MAX_NODE_SIZE:
        return value
    reader.counts["geometry"] += 1
    if value is None or value < limits.MIN_NODE_SIZE:
        return default
    return limits.MAX_NODE_SIZE


def read_nodes(reader: ReadState, view: View, entries: list[NodeEntry], model: Model,
               extras: ViewExtras) -> None:
    """The nodes of a view, parents first: those the scan read as they are (unless the
    view's extras move its origin), the others from the XML. A node showing a skipped
    element is skipped with what it holds (reported once)."""
    dx, dy = extras.origin
    moved = bool(dx or dy)
    skipped, dropped = reader.skipped, set()
    node_extras, view_id = extras.nodes, view.id
    nodes, connections, has_element = view.nodes, view.connections, model.has_element
    for identifier, read, el, parent, groups in entries:
        if parent is not None and parent in dropped:  # inside a skipped node
            dropped.add(identifier)
            continue
        node = read
        if node is None or moved:
            node = _node_from_xml(reader, view, el, parent, dx, dy)
        elif node.element_id is not None and node.element_id in skipped:
            _skip_node(reader, view, el)
            node = None
        if node is None:
            dropped.add(identifier)
            continue
        if groups is not None:
            _node_children(reader, node, el, groups)
        if read is None:  # (the scan reads no node with these)
            for attribute in ("conceptRef", "xpathPart"):
                if el.get(attribute):
                    reader.counts[f"label {attribute}"] += 1
        extra = node_extras.get(node.id)
        if extra is not None:
            extra.apply(node)
        element_id, parent = node.element_id, node.parent
        if ((element_id is None or has_element(element_id))
                and (parent is None or parent in nodes)
                and node.id not in nodes and node.id not in connections):
            nodes[node.id] = node  # what load_node checks holds: added as it adds it
        else:
            model.load_node(view_id, node)  # which refuses it with its own message


def _node_from_xml(reader: ReadState, view: View, el: etree._Element, parent: str | None,
                   dx: int, dy: int) -> Node | None:
    """A node the scan left to the build: its kind (reported when unknown) and its
    coordinates moved by the view's origin and held within the limits; ``None`` when
    it is skipped (reported)."""
    identifier = el.get("identifier")
    kind_attr = el.get(XSI_TYPE, "")
    element_id = el.get("elementRef")
    if kind_attr == "Element" or element_id is not None:
        kind = NODE_ELEMENT
        if element_id is None:
            raise reader.fail(el.sourceline, tr(
                "node {id} is of type Element but names no element (elementRef)",
                id=identifier))
    elif kind_attr == "Label":
        kind = NODE_LABEL
    else:
        kind = NODE_CONTAINER
        if kind_attr != "Container":
            reader.report.append(tr(
                "Node {id} (line {line}) of unknown type {type} imported as a group",
                id=identifier, line=el.sourceline, type=kind_attr))
    if element_id is not None and element_id in reader.skipped:
        _skip_node(reader, view, el)
        return None
    return Node(id=identifier, x=_coordinate(reader, el, "x", dx),
                y=_coordinate(reader, el, "y", dy),
                w=_size(reader, el, "w", limits.DEFAULT_NODE_WIDTH),
                h=_size(reader, el, "h", limits.DEFAULT_NODE_HEIGHT),
                kind=kind, element_id=element_id, parent=parent)


def _skip_node(reader: ReadState, view: View, el: etree._Element) -> None:
    """Skip a node whose element was skipped, and what it holds (reported once)."""
    reader.skipped.update(n.get("identifier") for n in el.iter(Q_NODE))
    reader.report.append(tr(
        "Node {id} (line {line}) in view ‘{view}’ skipped with what it holds: "
        "its element was skipped", id=el.get("identifier"), line=el.sourceline,
        view=view.name))


def _node_children(reader: ReadState, node: Node, el: etree._Element,
                   groups: Groups) -> None:
    """What a node holds besides nested nodes: its label and documentation, its style
    and its reference to a view (another tool's children counted)."""
    reader.counts["extension"] += len(groups[OTHER])
    reader.read_diagram_texts(node, groups)
    if groups[Q_STYLE]:
        node.style = read_style(groups[Q_STYLE][-1], reader.counts)
    view_refs = groups[Q_VIEWREF]
    if view_refs:
        node.view_ref = view_refs[0].get("ref")
        if len(view_refs) > 1:
            reader.counts["extra viewRef"] += len(view_refs) - 1
    if node.view_ref is not None and node.view_ref not in reader.ids_of_views:
        reader.report.append(tr(
            "Node {id} (line {line}): its reference to {ref}, which is not a view, "
            "was not imported", id=node.id, line=el.sourceline, ref=node.view_ref))
        node.view_ref = None


def read_connections(reader: ReadState, view: View, entries: list[ConnectionEntry],
                     model: Model, extras: ViewExtras) -> None:
    """The connections of a view, in the file's order; one ending at a connection written
    after it is added once that one is."""
    dx, dy = extras.origin
    skipped, conn_extras = reader.skipped, extras.connections
    pending: list[tuple[Connection, etree._Element]] = []
    for conn, el in entries:
        if conn is None:
            conn = _connection_from_xml(reader, view, el, dx, dy)
            if conn is None:
                continue
        elif skipped and (conn.relationship_id in skipped or conn.source in skipped
                          or conn.target in skipped):
            skipped.add(conn.id)
            reader.report.append(tr(
                "Connection {id} (line {line}) in view ‘{view}’ skipped: what it shows or "
                "connects was skipped", id=conn.id, line=el.sourceline, view=view.name))
            continue
        extra = conn_extras.get(conn.id)
        if extra is not None:
            extra.apply_style(conn.style)
            conn.router = extra.router
        pending.append((conn, el))
    # A connection may end at a connection written after it: add in rounds.
    nodes, connections, view_id = view.nodes, view.connections, view.id
    has_relationship = model.has_relationship
    while pending:
        rest = []
        for conn, el in pending:
            source, target = conn.source, conn.target
            if (source in nodes or source in connections) and (
                    target in nodes or target in connections):
                shown = conn.relationship_id
                if ((shown is None or has_relationship(shown))
                        and conn.id not in nodes and conn.id not in connections):
                    connections[conn.id] = conn  # as load_connection adds it
                else:
                    model.load_connection(view_id, conn)  # which refuses it
            elif source in skipped or target in skipped:
                skipped.add(conn.id)
                reader.report.append(tr(
                    "Connection {id} (line {line}) in view ‘{view}’ skipped: what it "
                    "connects was skipped", id=conn.id, line=el.sourceline, view=view.name))
            else:
                rest.append((conn, el))
        if len(rest) == len(pending):
            conn, el = rest[0]
            raise reader.fail(el.sourceline, tr(
                "connection {id} ends at something that is not in view ‘{view}’",
                id=conn.id, view=view.name))
        pending = rest


def _connection_from_xml(reader: ReadState, view: View, el: etree._Element, dx: int,
                         dy: int) -> Connection | None:
    """A connection the scan left to the build (with bendpoints, a style, texts or
    attributes of another shape); ``None`` when it is skipped (reported)."""
    identifier = el.get("identifier")
    relationship_id = el.get("relationshipRef")
    source, target = el.get("source"), el.get("target")
    if relationship_id is None and el.get(XSI_TYPE) == "Relationship":
        raise reader.fail(el.sourceline, tr(
            "connection {id} is of type Relationship but names no relationship "
            "(relationshipRef)", id=identifier))
    if source is None or target is None:
        reader.report.append(tr(
            "Connection {id} (line {line}) skipped: it has no source or target",
            id=identifier, line=el.sourceline))
        reader.skipped.add(identifier)
        return None
    if relationship_id in reader.skipped or source in reader.skipped or (
            target in reader.skipped):
        reader.skipped.add(identifier)
        reader.report.append(tr(
            "Connection {id} (line {line}) in view ‘{view}’ skipped: what it shows or "
            "connects was skipped", id=identifier, line=el.sourceline, view=view.name))
        return None
    conn = Connection(id=identifier, source=source, target=target,
                      relationship_id=relationship_id)
    if len(el):
        groups = reader.children(el, Q_BEND, Q_STYLE, Q_LABEL, Q_DOC, Q_SRC_ATT,
                                 Q_TGT_ATT, Q_VIEWREF)
        reader.read_diagram_texts(conn, groups)
        bendpoints = groups[Q_BEND]
        if len(bendpoints) > limits.MAX_BENDPOINTS:
            reader.counts["bendpoints"] += len(bendpoints) - limits.MAX_BENDPOINTS
            bendpoints = bendpoints[:limits.MAX_BENDPOINTS]
        conn.bendpoints = [(_coordinate(reader, b, "x", dx),
                            _coordinate(reader, b, "y", dy)) for b in bendpoints]
        if groups[Q_STYLE]:
            conn.style = read_style(groups[Q_STYLE][-1], reader.counts)
        reader.counts["attachment"] += len(groups[Q_SRC_ATT]) + len(groups[Q_TGT_ATT])
        reader.counts["connection viewRef"] += len(groups[Q_VIEWREF])
    return conn
