"""Plain-dict forms of the model's objects, and the model as one dict.

Used by the native ``.egov`` file, by the commands' dict form (journal, scripts) and by
tests to compare two models: two models are equal when their dicts are equal. Keys come
out in a fixed order and empty fields are left out, so files diff and merge well.

Order is meaning: elements and relationships come sorted by id (a stable order, so diffs
stay small), but a view's nodes and connections come in *drawing order* (what is painted
on top), never re-sorted: nodes parents first with siblings in the view's order, exactly
as :mod:`egov_modeler.diagram.display_list` paints them, connections in the view's order.
Writing is linear in the number of nodes (one pass to group children by parent).

Every ``*_from_dict`` reads its fields through a
:class:`~egov_modeler.model.field_reader.FieldReader`: typed, within the limits of
:mod:`.limits`, strict unless the caller passes a lenient reader with a report.
"""

from __future__ import annotations

import base64
from typing import Any

from ..i18n import tr
from . import limits
from .concepts import Element, Folder, Profile, Relationship
from .field_reader import FieldReader, Lazy, Place, finite_or_none, short_id
from .ids import is_valid_id
from .views import CONNECTION_ROUTERS, NODE_ELEMENT, NODE_KINDS, Connection, Node, Style, View

FORMAT_VERSION = 1
ACCESS_TYPES = ("Access", "Read", "Write", "ReadWrite")


def _lang_map(values: dict[str, str]) -> dict[str, str]:
    return {k: values[k] for k in sorted(values)}


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Add ``value`` unless it is empty, so defaults do not clutter the file."""
    if value not in (None, "", [], {}, False):
        out[key] = value


def _strict(reader: FieldReader | None) -> FieldReader:
    return reader if reader is not None else FieldReader()


def properties_to_list(properties: list[tuple[str, str]]) -> list[list[str]]:
    return [[k, v] for k, v in properties]


def properties_from_list(raw: Any, reader: FieldReader | None = None,
                         where: Place = "") -> list[tuple[str, str]]:
    """Properties from their list form (``raw`` is the list itself)."""
    return _strict(reader).properties({"properties": raw}, "properties", where)


_STYLE_FIELDS = ("fill", "fill_alpha", "line_color", "line_alpha", "line_width", "font_name",
                 "font_size", "font_color", "font_style", "text_alignment", "text_position")
TEXT_ALIGNMENTS = ("left", "center", "right")
#: Where a node's text sits, and where a connection's label sits.
TEXT_POSITIONS = ("top", "middle", "bottom", "source", "target")


def style_to_dict(style: Style) -> dict[str, Any]:
    out = {k: v for k, v in style.__dict__.items() if v is not None}
    if "font_size" in out and finite_or_none(out["font_size"]) is None:
        del out["font_size"]  # never write what no reader accepts
    return out


def style_from_dict(raw: Any, reader: FieldReader | None = None,
                    where: Place = "style") -> Style:
    """A :class:`Style`; each field checked (colours, 0..255 alphas, widths, font sizes)."""
    r = _strict(reader)
    if raw is None:
        return Style()
    if not isinstance(raw, dict):
        r.wrong_type(where, "style", raw, tr("an object"))
        return Style()
    for key in raw:
        if key not in _STYLE_FIELDS:
            r.note(where, tr("unknown field ‘{field}’ was left out", field=f"style.{key}"))
    return Style(
        fill=r.colour(raw, "fill", where),
        fill_alpha=r.integer(raw, "fill_alpha", where, limits.MIN_ALPHA, limits.MAX_ALPHA),
        line_color=r.colour(raw, "line_color", where),
        line_alpha=r.integer(raw, "line_alpha", where, limits.MIN_ALPHA, limits.MAX_ALPHA),
        line_width=r.integer(raw, "line_width", where, limits.MIN_LINE_WIDTH,
                             limits.MAX_LINE_WIDTH),
        font_name=r.optional_text(raw, "font_name", where),
        font_size=r.font_size(raw, "font_size", where),
        font_color=r.colour(raw, "font_color", where),
        font_style=r.font_style(raw, "font_style", where),
        text_alignment=r.choice(raw, "text_alignment", where, TEXT_ALIGNMENTS),
        text_position=r.choice(raw, "text_position", where, TEXT_POSITIONS),
    )


def element_to_dict(element: Element) -> dict[str, Any]:
    out: dict[str, Any] = {"id": element.id, "type": element.type, "name": element.name}
    _put(out, "names", _lang_map(element.names))
    _put(out, "documentation", element.documentation)
    _put(out, "documentations", _lang_map(element.documentations))
    _put(out, "properties", properties_to_list(element.properties))
    _put(out, "catalog_ref", element.catalog_ref)
    _put(out, "layer", element.layer)
    _put(out, "specialization", element.specialization)
    return out


def element_from_dict(raw: Any, reader: FieldReader | None = None) -> Element:
    r = _strict(reader)
    raw = r.obj(raw, Lazy(lambda: tr("an element")))
    where = Lazy(lambda: tr("Element {id}", id=short_id(raw.get("id"))))
    element_id = r.identifier(raw, "id", where)
    element_type = raw.get("type")
    if not isinstance(element_type, str):
        raise r.fail(where, tr("‘type’ is missing"))
    # each optional field is read (typed, bounded) when the object has it: a large file
    # has 100,000 objects and most fields of most of them are left out
    return Element(
        id=element_id,
        type=element_type,
        name=r.name(raw, "name", where) if "name" in raw else "",
        names=r.lang_map(raw, "names", where, limits.MAX_NAME_LENGTH) if "names" in raw
        else {},
        documentation=r.text(raw, "documentation", where) if "documentation" in raw else "",
        documentations=r.lang_map(raw, "documentations", where) if "documentations" in raw
        else {},
        properties=r.properties(raw, "properties", where) if "properties" in raw else [],
        catalog_ref=r.optional_text(raw, "catalog_ref", where) if "catalog_ref" in raw
        else None,
        layer=r.optional_text(raw, "layer", where) if "layer" in raw else None,
        specialization=r.optional_text(raw, "specialization", where)
        if "specialization" in raw else None,
    )


def relationship_to_dict(rel: Relationship) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rel.id, "type": rel.type, "source": rel.source, "target": rel.target,
    }
    _put(out, "name", rel.name)
    _put(out, "names", _lang_map(rel.names))
    _put(out, "documentation", rel.documentation)
    _put(out, "documentations", _lang_map(rel.documentations))
    _put(out, "properties", properties_to_list(rel.properties))
    _put(out, "access_type", rel.access_type)
    _put(out, "is_directed", rel.is_directed)
    _put(out, "modifier", rel.modifier)
    _put(out, "specialization", rel.specialization)
    return out


def relationship_from_dict(raw: Any, reader: FieldReader | None = None) -> Relationship:
    r = _strict(reader)
    raw = r.obj(raw, Lazy(lambda: tr("a relationship")))
    where = Lazy(lambda: tr("Relationship {id}", id=short_id(raw.get("id"))))
    rel_id = r.identifier(raw, "id", where)
    rel_type = raw.get("type")
    if not isinstance(rel_type, str):
        raise r.fail(where, tr("‘type’ is missing"))
    rel = Relationship(
        id=rel_id,
        type=rel_type,
        source=r.reference(raw, "source", where, required=True) or "",
        target=r.reference(raw, "target", where, required=True) or "",
    )
    if len(raw) == 4:  # id, type, source and target only: no optional field to read
        return rel
    return Relationship(
        id=rel_id,
        type=rel_type,
        source=rel.source,
        target=rel.target,
        name=r.name(raw, "name", where),
        names=r.lang_map(raw, "names", where, limits.MAX_NAME_LENGTH),
        documentation=r.text(raw, "documentation", where),
        documentations=r.lang_map(raw, "documentations", where),
        properties=r.properties(raw, "properties", where),
        access_type=r.choice(raw, "access_type", where, ACCESS_TYPES),
        is_directed=r.boolean(raw, "is_directed", where),
        modifier=r.text(raw, "modifier", where, max_length=limits.MAX_NAME_LENGTH),
        specialization=r.optional_text(raw, "specialization", where),
    )


def node_to_dict(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": node.id, "kind": node.kind, "x": node.x, "y": node.y, "w": node.w, "h": node.h,
    }
    _put(out, "element", node.element_id)
    _put(out, "parent", node.parent)
    _put(out, "label", node.label)
    _put(out, "labels", _lang_map(node.labels))
    _put(out, "documentation", node.documentation)
    _put(out, "layer", node.layer)
    _put(out, "view_ref", node.view_ref)
    _put(out, "style", style_to_dict(node.style))
    return out


def node_from_dict(raw: Any, reader: FieldReader | None = None) -> Node:
    r = _strict(reader)
    raw = r.obj(raw, Lazy(lambda: tr("a node")))
    where = Lazy(lambda: tr("Node {id}", id=short_id(raw.get("id"))))
    node_id = r.identifier(raw, "id", where)
    kind = raw.get("kind", NODE_ELEMENT)
    if kind not in NODE_KINDS:
        raise r.fail(where, tr("unknown kind {kind}", kind=short_id(kind)))
    return Node(
        id=node_id,
        x=r.coordinate(raw, "x", where), y=r.coordinate(raw, "y", where),
        w=r.size(raw, "w", where, limits.DEFAULT_NODE_WIDTH),
        h=r.size(raw, "h", where, limits.DEFAULT_NODE_HEIGHT),
        kind=kind,
        element_id=r.reference(raw, "element", where),
        parent=r.reference(raw, "parent", where),
        label=r.text(raw, "label", where),
        labels=r.lang_map(raw, "labels", where),
        documentation=r.text(raw, "documentation", where),
        layer=r.optional_text(raw, "layer", where),
        view_ref=r.reference(raw, "view_ref", where),
        style=style_from_dict(raw.get("style"), r, where),
    )


def connection_to_dict(conn: Connection) -> dict[str, Any]:
    out: dict[str, Any] = {"id": conn.id, "source": conn.source, "target": conn.target}
    _put(out, "relationship", conn.relationship_id)
    _put(out, "bendpoints", [[x, y] for x, y in conn.bendpoints])
    _put(out, "label", conn.label)
    _put(out, "labels", _lang_map(conn.labels))
    _put(out, "documentation", conn.documentation)
    _put(out, "style", style_to_dict(conn.style))
    _put(out, "router", conn.router)
    return out


def connection_from_dict(raw: Any, reader: FieldReader | None = None) -> Connection:
    r = _strict(reader)
    raw = r.obj(raw, Lazy(lambda: tr("a connection")))
    where = Lazy(lambda: tr("Connection {id}", id=short_id(raw.get("id"))))
    return Connection(
        id=r.identifier(raw, "id", where),
        source=r.reference(raw, "source", where, required=True) or "",
        target=r.reference(raw, "target", where, required=True) or "",
        relationship_id=r.reference(raw, "relationship", where),
        bendpoints=r.points(raw, "bendpoints", where),
        label=r.text(raw, "label", where),
        labels=r.lang_map(raw, "labels", where),
        documentation=r.text(raw, "documentation", where),
        style=style_from_dict(raw.get("style"), r, where),
        router=r.choice(raw, "router", where, CONNECTION_ROUTERS) or "",
    )


def defaults_to_dict(defaults: dict[str, Style]) -> dict[str, Any]:
    """A view's default appearance per element type, by type name, sorted; empty
    styles left out."""
    return {k: style_to_dict(defaults[k]) for k in sorted(defaults)
            if not defaults[k].is_default()}


def defaults_from_dict(raw: dict[str, Any], reader: FieldReader | None = None,
                       where: Place = "defaults") -> dict[str, Style]:
    """The inverse of :func:`defaults_to_dict`: each style checked like a node's."""
    r = _strict(reader)
    value = raw.get("defaults")
    if value is None:
        return {}
    if not isinstance(value, dict):
        r.wrong_type(where, "defaults", value, tr("an object"))
        return {}
    out: dict[str, Style] = {}
    for type_name, style in value.items():
        if not isinstance(type_name, str) or not type_name or len(
                type_name) > limits.MAX_NAME_LENGTH:
            r.note(where, tr("unknown field ‘{field}’ was left out",
                             field=f"defaults.{short_id(type_name)}"))
            continue
        read = style_from_dict(style, r, f"{where}.{type_name}")
        if not read.is_default():
            out[type_name] = read
    return out


def drawing_order(view: View) -> list[Node]:
    """The view's nodes parents first, siblings in the view's order: the order they are
    painted in (later on top). Linear: children are grouped by parent in one pass. A node
    whose parent is missing, or that sits in a parent cycle, comes at the top level."""
    by_parent: dict[str | None, list[Node]] = {}
    for node in view.nodes.values():
        parent = node.parent if node.parent in view.nodes else None
        by_parent.setdefault(parent, []).append(node)
    ordered: list[Node] = []
    seen: set[str] = set()
    stack = list(reversed(by_parent.get(None, [])))
    while stack:
        node = stack.pop()
        if node.id in seen:
            continue
        seen.add(node.id)
        ordered.append(node)
        stack.extend(reversed(by_parent.get(node.id, [])))
    if len(ordered) < len(view.nodes):  # a parent cycle: keep those nodes too
        ordered.extend(n for n in view.nodes.values() if n.id not in seen)
    return ordered


def view_to_dict(view: View) -> dict[str, Any]:
    """A view with its nodes and connections in drawing order (see the module docstring)."""
    out: dict[str, Any] = {"id": view.id, "name": view.name}
    _put(out, "names", _lang_map(view.names))
    _put(out, "documentation", view.documentation)
    _put(out, "documentations", _lang_map(view.documentations))
    _put(out, "viewpoint", view.viewpoint)
    _put(out, "properties", properties_to_list(view.properties))
    _put(out, "connection_router", view.connection_router)
    _put(out, "defaults", defaults_to_dict(view.defaults))
    out["nodes"] = [node_to_dict(n) for n in drawing_order(view)]
    out["connections"] = [connection_to_dict(c) for c in view.connections.values()]
    return out


def view_header_from_dict(raw: Any, reader: FieldReader | None = None) -> View:
    """A view without its nodes and connections (the loader adds those one by one)."""
    r = _strict(reader)
    raw = r.obj(raw, Lazy(lambda: tr("a view")))
    where = Lazy(lambda: tr("View {id}", id=short_id(raw.get("id"))))
    return View(
        id=r.identifier(raw, "id", where),
        name=r.name(raw, "name", where),
        names=r.lang_map(raw, "names", where, limits.MAX_NAME_LENGTH),
        documentation=r.text(raw, "documentation", where),
        documentations=r.lang_map(raw, "documentations", where),
        viewpoint=r.text(raw, "viewpoint", where, max_length=limits.MAX_NAME_LENGTH),
        properties=r.properties(raw, "properties", where),
        connection_router=r.text(raw, "connection_router", where,
                                 max_length=limits.MAX_NAME_LENGTH),
        defaults=defaults_from_dict(raw, r, where),
    )


def view_from_dict(raw: Any, reader: FieldReader | None = None) -> View:
    """A whole view (a command's dict form); strict by default. Ends are not checked here:
    the command that adds the view does that against the model."""
    r = _strict(reader)
    view = view_header_from_dict(raw, r)
    for node_raw in r.objects(raw, "nodes", view.id):
        node = node_from_dict(node_raw, r)
        view.nodes[node.id] = node
    for conn_raw in r.objects(raw, "connections", view.id):
        conn = connection_from_dict(conn_raw, r)
        view.connections[conn.id] = conn
    return view


def folder_to_dict(folder: Folder) -> dict[str, Any]:
    out: dict[str, Any] = {"label": folder.label}
    _put(out, "id", folder.id)
    _put(out, "labels", _lang_map(folder.labels))
    _put(out, "documentation", folder.documentation)
    _put(out, "refs", list(folder.refs))
    _put(out, "folders", [folder_to_dict(f) for f in folder.folders])
    return out


def folder_from_dict(raw: Any, reader: FieldReader | None = None) -> Folder:
    """A folder and its sub-folders (their depth is bounded by the JSON reader's)."""
    r = _strict(reader)
    raw = r.obj(raw, Lazy(lambda: tr("a folder")))
    label = r.name(raw, "label", tr("a folder"))
    where = tr("Folder ‘{folder}’", folder=label)
    folder_id = raw.get("id")
    if folder_id is not None and not is_valid_id(folder_id):
        r.note(where, tr("‘{field}’ is missing or not a valid id: {value}", field="id",
                         value=repr(folder_id)[:40]))
        folder_id = None
    folders = []
    for child in r.objects(raw, "folders", where):
        if isinstance(child, dict):
            folders.append(folder_from_dict(child, r))
        else:
            r.wrong_type(where, "folders", child, tr("an object"))
    return Folder(
        label=label,
        labels=r.lang_map(raw, "labels", where, limits.MAX_NAME_LENGTH),
        documentation=r.text(raw, "documentation", where),
        id=folder_id,
        refs=r.texts(raw, "refs", where),
        folders=folders,
    )


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    out: dict[str, Any] = {"id": profile.id, "name": profile.name,
                           "concept_type": profile.concept_type}
    _put(out, "image_path", profile.image_path)
    return out


def profile_from_dict(raw: Any, reader: FieldReader | None = None) -> Profile:
    """A specialization (Archi's profile): its name, the concept type it specializes and
    its image, each field checked."""
    r = _strict(reader)
    raw = r.obj(raw, Lazy(lambda: tr("a specialization")))
    where = Lazy(lambda: tr("Specialization {id}", id=short_id(raw.get("id"))))
    return Profile(id=r.identifier(raw, "id", where), name=r.name(raw, "name", where),
                   concept_type=r.text(raw, "concept_type", where,
                                       max_length=limits.MAX_NAME_LENGTH),
                   image_path=r.optional_text(raw, "image_path", where))


def images_to_dict(images: dict[str, bytes]) -> dict[str, str]:
    """Image files as base64 text (JSON holds no bytes), by path, sorted."""
    return {k: base64.b64encode(images[k]).decode("ascii") for k in sorted(images)}


def images_from_dict(raw: dict[str, Any] | None) -> dict[str, bytes]:
    """The inverse of :func:`images_to_dict`; raises ``ValueError`` on damaged base64."""
    return {str(k): base64.b64decode(v, validate=True) for k, v in (raw or {}).items()}


def model_to_dict(model: Any) -> dict[str, Any]:
    """The whole model as one dict: concepts sorted by id, views in their order with
    nodes and connections in drawing order."""
    out: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "id": model.id,
        "name": model.name,
        "language": model.language,
    }
    _put(out, "names", _lang_map(model.names))
    _put(out, "documentation", model.documentation)
    _put(out, "documentations", _lang_map(model.documentations))
    _put(out, "metadata", {k: model.metadata[k] for k in sorted(model.metadata)})
    _put(out, "properties", properties_to_list(model.properties))
    _put(out, "property_types", {k: model.property_types[k] for k in sorted(model.property_types)})
    out["elements"] = [element_to_dict(e) for e in sorted(model.elements, key=lambda e: e.id)]
    out["relationships"] = [
        relationship_to_dict(r) for r in sorted(model.relationships, key=lambda r: r.id)
    ]
    out["views"] = [view_to_dict(v) for v in model.views]
    _put(out, "folders", [folder_to_dict(f) for f in model.folders])
    _put(out, "profiles", [profile_to_dict(p) for p in model.profiles])
    _put(out, "images", images_to_dict(model.images))
    return out
