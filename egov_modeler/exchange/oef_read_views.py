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
from .oef_style import read_style
from .oef_vocabulary import (
    PROP_VIEW_EXTRAS,
    Q_BEND,
    Q_CONN,
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


def read_views(reader: ReadState, views: etree._Element, model: Model) -> None:
    for child in views:
        if child.tag == Q_DIAGRAMS:
            for view_el in child:
                if view_el.tag == Q_VIEW:
                    read_view(reader, view_el, model)
        else:
            reader.report.append(tr(
                "<{tag}> (line {line}) was not imported: viewpoint definitions are not "
                "supported", tag=local_name(child.tag), line=child.sourceline))


def read_view(reader: ReadState, view_el: etree._Element, model: Model) -> None:
    identifier = view_el.get("identifier")
    parts = reader.concept_parts(view_el, Q_NODE, Q_CONN)
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
    read_nodes(reader, view, parts.children[Q_NODE], model, extras)
    read_connections(reader, view, parts.children[Q_CONN], model, extras)


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


def read_nodes(reader: ReadState, view: View, node_els: list[etree._Element], model: Model,
               extras: ViewExtras) -> None:
    dx, dy = extras.origin
    stack: list[tuple[etree._Element, str | None]] = [(n, None) for n in reversed(node_els)]
    while stack:
        el, parent = stack.pop()
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
            reader.skipped.update(n.get("identifier") for n in el.iter(Q_NODE))
            reader.report.append(tr(
                "Node {id} (line {line}) in view ‘{view}’ skipped with what it holds: "
                "its element was skipped", id=identifier, line=el.sourceline,
                view=view.name))
            continue
        node = Node(id=identifier, x=_coordinate(reader, el, "x", dx),
                    y=_coordinate(reader, el, "y", dy),
                    w=_size(reader, el, "w", limits.DEFAULT_NODE_WIDTH),
                    h=_size(reader, el, "h", limits.DEFAULT_NODE_HEIGHT),
                    kind=kind, element_id=element_id, parent=parent)
        groups = reader.children(el, Q_NODE, Q_STYLE, Q_LABEL, Q_DOC, Q_VIEWREF) if len(
            el) else None  # (most nodes hold nothing: nothing to group)
        if groups is not None:
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
                    "was not imported", id=identifier, line=el.sourceline,
                    ref=node.view_ref))
                node.view_ref = None
        for attribute in ("conceptRef", "xpathPart"):
            if el.get(attribute):
                reader.counts[f"label {attribute}"] += 1
        extra = extras.nodes.get(identifier)
        if extra is not None:
            extra.apply(node)
        model.load_node(view.id, node)
        if groups is not None:
            stack.extend((c, identifier) for c in reversed(groups[Q_NODE]))


def read_connections(reader: ReadState, view: View, conn_els: list[etree._Element],
                     model: Model, extras: ViewExtras) -> None:
    dx, dy = extras.origin
    pending: list[tuple[Connection, int]] = []
    for el in conn_els:
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
            continue
        if relationship_id in reader.skipped or source in reader.skipped or (
                target in reader.skipped):
            reader.skipped.add(identifier)
            reader.report.append(tr(
                "Connection {id} (line {line}) in view ‘{view}’ skipped: what it shows or "
                "connects was skipped", id=identifier, line=el.sourceline, view=view.name))
            continue
        conn = Connection(id=identifier, source=source, target=target,
                          relationship_id=relationship_id)
        if len(el):  # (most connections hold nothing: nothing to group)
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
        extra = extras.connections.get(identifier)
        if extra is not None:
            extra.apply_style(conn.style)
            conn.router = extra.router
        pending.append((conn, el.sourceline))
    # A connection may end at a connection written after it: add in rounds.
    while pending:
        rest = []
        for conn, line in pending:
            ends = (conn.source, conn.target)
            if all(e in view.nodes or e in view.connections for e in ends):
                model.load_connection(view.id, conn)
            elif any(e in reader.skipped for e in ends):
                reader.skipped.add(conn.id)
                reader.report.append(tr(
                    "Connection {id} (line {line}) in view ‘{view}’ skipped: what it "
                    "connects was skipped", id=conn.id, line=line, view=view.name))
            else:
                rest.append((conn, line))
        if len(rest) == len(pending):
            conn, line = rest[0]
            raise reader.fail(line, tr(
                "connection {id} ends at something that is not in view ‘{view}’",
                id=conn.id, view=view.name))
        pending = rest
