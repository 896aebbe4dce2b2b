"""Plain-dict forms of the model's objects, and the model as one dict.

Used by the native ``.egov`` file, by the commands' dict form (journal, scripts) and by
tests to compare two models: two models are equal when their dicts are equal. Keys come
out in a fixed order and empty fields are left out, so files diff and merge well.
"""

from __future__ import annotations

import base64
from typing import Any

from .concepts import Element, Folder, Profile, Relationship
from .views import NODE_ELEMENT, Connection, Node, Style, View

FORMAT_VERSION = 1


def _lang_map(values: dict[str, str]) -> dict[str, str]:
    return {k: values[k] for k in sorted(values)}


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Add ``value`` unless it is empty, so defaults do not clutter the file."""
    if value not in (None, "", [], {}, False):
        out[key] = value


def properties_to_list(properties: list[tuple[str, str]]) -> list[list[str]]:
    return [[k, v] for k, v in properties]


def properties_from_list(raw: Any) -> list[tuple[str, str]]:
    return [(str(k), str(v)) for k, v in raw or []]


def style_to_dict(style: Style) -> dict[str, Any]:
    return {k: v for k, v in style.__dict__.items() if v is not None}


def style_from_dict(raw: dict[str, Any] | None) -> Style:
    return Style(**(raw or {}))


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


def element_from_dict(raw: dict[str, Any]) -> Element:
    return Element(
        id=raw["id"],
        type=raw["type"],
        name=raw.get("name", ""),
        names=dict(raw.get("names", {})),
        documentation=raw.get("documentation", ""),
        documentations=dict(raw.get("documentations", {})),
        properties=properties_from_list(raw.get("properties")),
        catalog_ref=raw.get("catalog_ref"),
        layer=raw.get("layer"),
        specialization=raw.get("specialization"),
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


def relationship_from_dict(raw: dict[str, Any]) -> Relationship:
    return Relationship(
        id=raw["id"],
        type=raw["type"],
        source=raw["source"],
        target=raw["target"],
        name=raw.get("name", ""),
        names=dict(raw.get("names", {})),
        documentation=raw.get("documentation", ""),
        documentations=dict(raw.get("documentations", {})),
        properties=properties_from_list(raw.get("properties")),
        access_type=raw.get("access_type"),
        is_directed=bool(raw.get("is_directed", False)),
        modifier=raw.get("modifier", ""),
        specialization=raw.get("specialization"),
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


def node_from_dict(raw: dict[str, Any]) -> Node:
    return Node(
        id=raw["id"],
        x=int(raw["x"]), y=int(raw["y"]), w=int(raw["w"]), h=int(raw["h"]),
        kind=raw.get("kind", NODE_ELEMENT),
        element_id=raw.get("element"),
        parent=raw.get("parent"),
        label=raw.get("label", ""),
        labels=dict(raw.get("labels", {})),
        documentation=raw.get("documentation", ""),
        layer=raw.get("layer"),
        view_ref=raw.get("view_ref"),
        style=style_from_dict(raw.get("style")),
    )


def connection_to_dict(conn: Connection) -> dict[str, Any]:
    out: dict[str, Any] = {"id": conn.id, "source": conn.source, "target": conn.target}
    _put(out, "relationship", conn.relationship_id)
    _put(out, "bendpoints", [[x, y] for x, y in conn.bendpoints])
    _put(out, "label", conn.label)
    _put(out, "labels", _lang_map(conn.labels))
    _put(out, "documentation", conn.documentation)
    _put(out, "style", style_to_dict(conn.style))
    return out


def connection_from_dict(raw: dict[str, Any]) -> Connection:
    return Connection(
        id=raw["id"],
        source=raw["source"],
        target=raw["target"],
        relationship_id=raw.get("relationship"),
        bendpoints=[(int(x), int(y)) for x, y in raw.get("bendpoints", [])],
        label=raw.get("label", ""),
        labels=dict(raw.get("labels", {})),
        documentation=raw.get("documentation", ""),
        style=style_from_dict(raw.get("style")),
    )


def view_to_dict(view: View) -> dict[str, Any]:
    """A view with its nodes parents-first then by id, and connections by id."""
    out: dict[str, Any] = {"id": view.id, "name": view.name}
    _put(out, "names", _lang_map(view.names))
    _put(out, "documentation", view.documentation)
    _put(out, "documentations", _lang_map(view.documentations))
    _put(out, "viewpoint", view.viewpoint)
    _put(out, "properties", properties_to_list(view.properties))
    _put(out, "connection_router", view.connection_router)
    ordered: list[Node] = []
    level = sorted(view.children(None), key=lambda n: n.id)
    while level:
        ordered.extend(level)
        level = sorted(
            (child for node in level for child in view.children(node.id)), key=lambda n: n.id
        )
    out["nodes"] = [node_to_dict(n) for n in ordered]
    out["connections"] = [
        connection_to_dict(c) for c in sorted(view.connections.values(), key=lambda c: c.id)
    ]
    return out


def view_header_from_dict(raw: dict[str, Any]) -> View:
    """A view without its nodes and connections (the loader adds those one by one)."""
    return View(
        id=raw["id"],
        name=raw.get("name", ""),
        names=dict(raw.get("names", {})),
        documentation=raw.get("documentation", ""),
        documentations=dict(raw.get("documentations", {})),
        viewpoint=raw.get("viewpoint", ""),
        properties=properties_from_list(raw.get("properties")),
        connection_router=raw.get("connection_router", ""),
    )


def view_from_dict(raw: dict[str, Any]) -> View:
    view = view_header_from_dict(raw)
    for node_raw in raw.get("nodes", []):
        node = node_from_dict(node_raw)
        view.nodes[node.id] = node
    for conn_raw in raw.get("connections", []):
        conn = connection_from_dict(conn_raw)
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


def folder_from_dict(raw: dict[str, Any]) -> Folder:
    return Folder(
        label=raw.get("label", ""),
        labels=dict(raw.get("labels", {})),
        documentation=raw.get("documentation", ""),
        id=raw.get("id"),
        refs=[str(r) for r in raw.get("refs", [])],
        folders=[folder_from_dict(f) for f in raw.get("folders", [])],
    )


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    out: dict[str, Any] = {"id": profile.id, "name": profile.name,
                           "concept_type": profile.concept_type}
    _put(out, "image_path", profile.image_path)
    return out


def profile_from_dict(raw: dict[str, Any]) -> Profile:
    return Profile(id=str(raw["id"]), name=str(raw["name"]),
                   concept_type=str(raw["concept_type"]), image_path=raw.get("image_path"))


def images_to_dict(images: dict[str, bytes]) -> dict[str, str]:
    """Image files as base64 text (JSON holds no bytes), by path, sorted."""
    return {k: base64.b64encode(images[k]).decode("ascii") for k in sorted(images)}


def images_from_dict(raw: dict[str, Any] | None) -> dict[str, bytes]:
    """The inverse of :func:`images_to_dict`; raises ``ValueError`` on damaged base64."""
    return {str(k): base64.b64decode(v, validate=True) for k, v in (raw or {}).items()}


def model_to_dict(model: Any) -> dict[str, Any]:
    """The whole model as one dict, every list in a stable order."""
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
