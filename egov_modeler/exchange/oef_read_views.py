"""Reading the views of an exchange file: nodes (nested, with absolute coordinates),
connections with bendpoints, styles, and this program's view extras (a JSON property that
carries what the format cannot hold: layer bands, the view's origin, sizes and styles)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..i18n import tr
from ..model import safe_json
from ..model.field_reader import FieldReader
from ..model.model import Model
from ..model.serialization import defaults_from_dict
from ..model.views import (
    CONNECTION_ROUTERS,
    NODE_CONTAINER,
    NODE_ELEMENT,
    NODE_KINDS,
    NODE_LABEL,
    ROUTER_ORTHOGONAL,
    Connection,
    Node,
    View,
)
from .oef_read_common import ReadState, local_name
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
                viewpoint=view_el.get("viewpoint", ""))
    extras: dict[str, Any] = {}
    for key, value in parts.properties:
        if key == PROP_VIEW_EXTRAS:
            try:
                extras = safe_json.loads(value)
                if not isinstance(extras, dict):
                    raise ValueError("not an object")
            except ValueError:
                reader.report.append(tr("View ‘{view}’: unreadable {key} property ignored",
                                        view=name, key=key))
                extras = {}
        else:
            view.properties.append((key, value))
    if view_el.get("viewpointRef"):
        reader.report.append(tr("View ‘{view}’: viewpoint reference {ref} not imported",
                                view=name, ref=view_el.get("viewpointRef")))
    if extras.get("router") == ROUTER_ORTHOGONAL:
        view.connection_router = ROUTER_ORTHOGONAL
    if "defaults" in extras:
        view.defaults = defaults_from_dict(extras, FieldReader(reader.report),
                                           tr("View {id}", id=name))
    model.load_view(view)
    try:
        origin = extras.get("origin") or [0, 0]
        dx, dy = int(origin[0]), int(origin[1])
        node_extras = dict(extras.get("nodes") or {})
        conn_extras = dict(extras.get("connections") or {})
        for extra in (*node_extras.values(), *conn_extras.values()):
            if not isinstance(extra, dict) or not isinstance(extra.get("style", {}), dict):
                raise ValueError("not an object")
    except (TypeError, ValueError, IndexError, AttributeError):
        reader.report.append(tr("View ‘{view}’: unreadable {key} property ignored",
                                view=name, key=PROP_VIEW_EXTRAS))
        dx = dy = 0
        node_extras, conn_extras = {}, {}
    read_nodes(reader, view, parts.children[Q_NODE], model, dx, dy, node_extras)
    read_connections(reader, view, parts.children[Q_CONN], model, dx, dy, conn_extras)


def _int(reader: ReadState, el: etree._Element, attribute: str) -> int:
    value = el.get(attribute)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise reader.fail(el.sourceline, tr(
            "<{tag}> needs a whole number in {attribute}, found {value!r}",
            tag=local_name(el.tag), attribute=attribute, value=value)) from None


def read_nodes(reader: ReadState, view: View, node_els: list[etree._Element], model: Model,
               dx: int, dy: int, extras: dict[str, Any]) -> None:
    stack: list[tuple[etree._Element, str | None]] = [(n, None) for n in reversed(node_els)]
    while stack:
        el, parent = stack.pop()
        identifier = el.get("identifier")
        kind_attr = el.get(XSI_TYPE, "")
        element_id = el.get("elementRef")
        if kind_attr == "Element" or element_id is not None:
            kind = NODE_ELEMENT
        elif kind_attr == "Label":
            kind = NODE_LABEL
        else:
            kind = NODE_CONTAINER
            if kind_attr != "Container":
                reader.report.append(tr(
                    "Node {id} (line {line}) of unknown type {type} imported as a group",
                    id=identifier, line=el.sourceline, type=kind_attr))
        if element_id is not None and element_id in reader.skipped:
            reader.skipped.add(identifier)
            reader.report.append(tr(
                "Node {id} (line {line}) in view ‘{view}’ skipped with what it holds: "
                "its element was skipped", id=identifier, line=el.sourceline,
                view=view.name))
            continue
        node = Node(id=identifier, x=_int(reader, el, "x") - dx, y=_int(reader, el, "y") - dy,
                    w=_int(reader, el, "w"), h=_int(reader, el, "h"), kind=kind,
                    element_id=element_id, parent=parent)
        groups = reader.children(el, Q_NODE, Q_STYLE, Q_LABEL, Q_DOC, Q_VIEWREF)
        reader.read_diagram_texts(node, groups)
        if groups[Q_STYLE]:
            node.style = read_style(groups[Q_STYLE][-1])
        view_refs = groups[Q_VIEWREF]
        if view_refs:
            node.view_ref = view_refs[0].get("ref")
            if len(view_refs) > 1:
                reader.counts["extra viewRef"] += len(view_refs) - 1
        if node.view_ref is not None and node.view_ref not in reader.ids_of_views:
            reader.report.append(tr(
                "Node {id} (line {line}): its reference to {ref}, which is not a view, "
                "was not imported", id=identifier, line=el.sourceline, ref=node.view_ref))
            node.view_ref = None
        for attribute in ("conceptRef", "xpathPart"):
            if el.get(attribute):
                reader.counts[f"label {attribute}"] += 1
        extra = extras.get(identifier)
        if extra:
            apply_node_extra(node, extra)
        model.load_node(view.id, node)
        stack.extend((c, identifier) for c in reversed(groups[Q_NODE]))


def apply_node_extra(node: Node, extra: dict[str, Any]) -> None:
    if "layer" in extra:
        node.layer = extra["layer"]
    if extra.get("kind") in NODE_KINDS:
        node.kind = extra["kind"]
    for key in ("w", "h"):
        if isinstance(extra.get(key), int):
            setattr(node, key, extra[key])
    for key, value in (extra.get("style") or {}).items():
        if hasattr(node.style, key):
            setattr(node.style, key, value)


def read_connections(reader: ReadState, view: View, conn_els: list[etree._Element],
                     model: Model, dx: int, dy: int, extras: dict[str, Any]) -> None:
    pending: list[tuple[Connection, int]] = []
    for el in conn_els:
        identifier = el.get("identifier")
        relationship_id = el.get("relationshipRef")
        source, target = el.get("source"), el.get("target")
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
        groups = reader.children(el, Q_BEND, Q_STYLE, Q_LABEL, Q_DOC, Q_SRC_ATT, Q_TGT_ATT,
                                 Q_VIEWREF)
        reader.read_diagram_texts(conn, groups)
        conn.bendpoints = [(_int(reader, b, "x") - dx, _int(reader, b, "y") - dy)
                           for b in groups[Q_BEND]]
        if groups[Q_STYLE]:
            conn.style = read_style(groups[Q_STYLE][-1])
        reader.counts["attachment"] += len(groups[Q_SRC_ATT]) + len(groups[Q_TGT_ATT])
        reader.counts["connection viewRef"] += len(groups[Q_VIEWREF])
        extra = extras.get(identifier)
        if extra:
            for key, value in (extra.get("style") or {}).items():
                if hasattr(conn.style, key):
                    setattr(conn.style, key, value)
            if extra.get("router") in CONNECTION_ROUTERS:
                conn.router = extra["router"]
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

