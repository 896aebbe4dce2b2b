"""A model dict taken apart into objects keyed by id, and put back together.

The three-way merge and the model diff compare models object by object and field by field.
A :class:`Snapshot` holds every object of a model dict (the model itself, elements,
relationships, views, nodes, connections, folders) as a flat ``{key: Obj}`` map, plus the
order of the lists whose order means something (views, the nodes of a view in drawing order,
connections, sibling folders). Node geometry is folded into two fields, ``position`` and
``size``, so that "the same node moved two ways" is one difference, not two.

Ids are unique across a whole file (the loader refuses a reused id), so an object's id is its
key; folders may have no id and are then keyed by their path of labels.

Snapshots and the dicts made from them share their field values with the dict they were
made from (copying a 5,000-element model three times would cost more than the merge): treat
them as read-only.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

MODEL = "model"
ELEMENT = "element"
RELATIONSHIP = "relationship"
VIEW = "view"
NODE = "node"
CONNECTION = "connection"
FOLDER = "folder"

MODEL_KEY = "@model"

#: Fields that place an object inside another (its view, its parent folder).
VIEW_FIELD = "@view"
PARENT_FOLDER_FIELD = "@parent"

VIEWS_ORDER = "views"

#: Fields whose value is a dict merged key by key (a name in one language, one style value).
DICT_FIELDS = frozenset({
    "names", "documentations", "labels", "style", "metadata", "property_types",
})
#: Fields whose value is an ordered list of ``[key, value]`` pairs merged key by key.
PAIR_FIELDS = frozenset({"properties"})
#: Fields whose value is an ordered list of ids merged as a set that keeps its order.
ID_LIST_FIELDS = frozenset({"refs"})


@dataclass
class Obj:
    """One object of a model: its kind and its fields (without its id and sub-objects)."""

    kind: str
    fields: dict[str, Any]

    def get(self, name: str) -> Any:
        return self.fields.get(name)


@dataclass
class Snapshot:
    """A model as ``{key: Obj}`` plus the meaningful orders of its lists."""

    objects: dict[str, Obj] = field(default_factory=dict)
    orders: dict[str, list[str]] = field(default_factory=dict)

    def kind_of(self, key: str) -> str | None:
        obj = self.objects.get(key)
        return obj.kind if obj else None


def nodes_order(view_id: str) -> str:
    return f"nodes:{view_id}"


def connections_order(view_id: str) -> str:
    return f"connections:{view_id}"


def folders_order(parent_key: str | None) -> str:
    return f"folders:{parent_key or ''}"


def _node_fields(raw: dict[str, Any], view_id: str) -> dict[str, Any]:
    out = {k: v for k, v in raw.items() if k not in ("id", "x", "y", "w", "h")}
    out["position"] = [raw.get("x", 0), raw.get("y", 0)]
    out["size"] = [raw.get("w", 0), raw.get("h", 0)]
    out[VIEW_FIELD] = view_id
    return out


def _folder_key(raw: dict[str, Any], parent_key: str | None, taken: Container[str]) -> str:
    if raw.get("id"):
        return f"folder:{raw['id']}"
    base = f"{parent_key or 'folder:'}/{raw.get('label', '')}"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}#{n}"
    return key


def flatten(model: dict[str, Any]) -> Snapshot:
    """Take a model dict (the ``.egov`` file's JSON) apart; the dict is not changed."""
    snap = Snapshot()
    objects = snap.objects
    model_fields = {k: v for k, v in model.items()
                    if k not in ("elements", "relationships", "views", "folders")}
    objects[MODEL_KEY] = Obj(MODEL, model_fields)
    for raw in model.get("elements", []):
        objects[raw["id"]] = Obj(ELEMENT, {k: v for k, v in raw.items() if k != "id"})
    for raw in model.get("relationships", []):
        objects[raw["id"]] = Obj(RELATIONSHIP, {k: v for k, v in raw.items() if k != "id"})
    views_order: list[str] = []
    for raw in model.get("views", []):
        view_id = raw["id"]
        views_order.append(view_id)
        objects[view_id] = Obj(VIEW, {k: v for k, v in raw.items()
                                      if k not in ("id", "nodes", "connections")})
        node_ids = []
        for node in raw.get("nodes", []):
            objects[node["id"]] = Obj(NODE, _node_fields(node, view_id))
            node_ids.append(node["id"])
        conn_ids = []
        for conn in raw.get("connections", []):
            fields = {k: v for k, v in conn.items() if k != "id"}
            fields[VIEW_FIELD] = view_id
            objects[conn["id"]] = Obj(CONNECTION, fields)
            conn_ids.append(conn["id"])
        snap.orders[nodes_order(view_id)] = node_ids
        snap.orders[connections_order(view_id)] = conn_ids
    snap.orders[VIEWS_ORDER] = views_order

    _add_folders(snap, model.get("folders", []), None)
    return snap


def _add_folders(snap: Snapshot, folders: list[dict[str, Any]], parent_key: str | None) -> None:
    """The folders under ``parent_key``, and theirs. A function of the module, not a
    closure inside :func:`flatten`: a recursive closure is a reference cycle through its
    own cell, and it held the snapshot, so every snapshot (a whole model) waited for the
    cycle collector, which a merge and the history's worker pause."""
    objects = snap.objects
    keys: list[str] = []
    for raw in folders:
        key = _folder_key(raw, parent_key, objects)  # not a copy of every key per folder
        fields = {k: v for k, v in raw.items() if k != "folders"}
        fields[PARENT_FOLDER_FIELD] = parent_key
        objects[key] = Obj(FOLDER, fields)
        keys.append(key)
        _add_folders(snap, raw.get("folders", []), key)
    snap.orders[folders_order(parent_key)] = keys


def _empty(value: Any) -> bool:
    return value in (None, "", [], {}, False)


def _clean(fields: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields as the file writes them: internal ones and empty values left out."""
    return {k: v for k, v in fields.items() if k not in drop and not _empty(v)}


_KEEP_EMPTY = ("name",)


def unflatten(snap: Snapshot) -> dict[str, Any]:
    """The model dict of a snapshot, in the writer's key order: model fields, elements and
    relationships by id, views in their order with nodes in drawing order, folders."""
    objects = snap.objects
    model_obj = objects[MODEL_KEY]
    out: dict[str, Any] = {}
    for key, value in model_obj.fields.items():
        if key in ("format_version", "id", "name", "language") or not _empty(value):
            out[key] = value
    by_kind: dict[str, list[str]] = {}
    for key, obj in objects.items():
        by_kind.setdefault(obj.kind, []).append(key)
    out["elements"] = [_with_id(key, objects[key].fields)
                       for key in sorted(by_kind.get(ELEMENT, []))]
    out["relationships"] = [_with_id(key, objects[key].fields)
                            for key in sorted(by_kind.get(RELATIONSHIP, []))]
    views = []
    for view_id in snap.orders.get(VIEWS_ORDER, []):
        view_obj = objects.get(view_id)
        if view_obj is None or view_obj.kind != VIEW:
            continue
        view = _with_id(view_id, view_obj.fields)
        view["nodes"] = [_node_dict(key, objects[key].fields)
                         for key in snap.orders.get(nodes_order(view_id), [])
                         if key in objects]
        view["connections"] = [_with_id(key, objects[key].fields, (VIEW_FIELD,))
                               for key in snap.orders.get(connections_order(view_id), [])
                               if key in objects]
        views.append(view)
    out["views"] = views
    folders = _folder_dicts(snap, None)
    if folders:
        out["folders"] = folders
    return out


def _with_id(key: str, fields: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"id": key}
    for name, value in fields.items():
        if name in drop:
            continue
        if name in _KEEP_EMPTY or not _empty(value):
            out[name] = value
    return out


def _node_dict(key: str, fields: dict[str, Any]) -> dict[str, Any]:
    x, y = fields.get("position") or (0, 0)
    w, h = fields.get("size") or (0, 0)
    out: dict[str, Any] = {"id": key, "kind": fields.get("kind", "element"),
                           "x": x, "y": y, "w": w, "h": h}
    for name, value in fields.items():
        if name in ("kind", "position", "size", VIEW_FIELD) or _empty(value):
            continue
        out[name] = value
    return out


def _folder_dicts(snap: Snapshot, parent_key: str | None) -> list[dict[str, Any]]:
    out = []
    for key in snap.orders.get(folders_order(parent_key), []):
        obj = snap.objects.get(key)
        if obj is None:
            continue
        folder: dict[str, Any] = {"label": obj.fields.get("label", "")}
        folder.update(_clean(obj.fields, ("label", PARENT_FOLDER_FIELD)))
        children = _folder_dicts(snap, key)
        if children:
            folder["folders"] = children
        out.append(folder)
    return out


def hard_references(obj: Obj) -> list[str]:
    """The keys an object cannot exist without (its view, element, ends, parent...)."""
    fields = obj.fields
    kind = obj.kind
    if kind == RELATIONSHIP:
        return [fields["source"], fields["target"]]
    if kind == NODE:
        refs = [fields[VIEW_FIELD]]
        if fields.get("element"):
            refs.append(fields["element"])
        if fields.get("parent"):
            refs.append(fields["parent"])
        return refs
    if kind == CONNECTION:
        refs = [fields[VIEW_FIELD], fields["source"], fields["target"]]
        if fields.get("relationship"):
            refs.append(fields["relationship"])
        return refs
    if kind == FOLDER and fields.get(PARENT_FOLDER_FIELD):
        return [fields[PARENT_FOLDER_FIELD]]
    return []


def uses(obj: Obj) -> list[str]:
    """What an object uses: its hard references, plus the view a label links to."""
    refs = hard_references(obj)
    if obj.kind == NODE and obj.fields.get("view_ref"):
        refs.append(obj.fields["view_ref"])
    return refs
