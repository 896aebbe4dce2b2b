"""The native ``.egov`` file: UTF-8 JSON, stable order, written atomically.

Reading never crashes and never touches an open model: it builds a new model or raises
:class:`NativeFileError` with a message that names the problem and where it is.
Objects whose references cannot be resolved, or whose type is unknown, are skipped and
listed in ``model.load_report`` so the user learns what was left out.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..model import serialization as ser
from ..model.errors import ModelError
from ..model.ids import is_valid_id
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from ..model.model import Model
from ..model.views import NODE_KINDS
from .atomic import write_atomically

log = logging.getLogger(__name__)

FILE_SUFFIX = ".egov"


class NativeFileError(ModelError):
    """A file that cannot be read as an egov-modeler model; the message says why."""


def save(model: Model, path: str | os.PathLike[str]) -> None:
    """Write ``model`` to ``path`` atomically: a crash leaves the old file or the new one,
    never half of one."""
    text = json.dumps(ser.model_to_dict(model), ensure_ascii=False, indent=1) + "\n"
    write_atomically(path, text.encode("utf-8"))


def load(path: str | os.PathLike[str]) -> Model:
    """Read a ``.egov`` file into a new model (see the module docstring)."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise NativeFileError(
            tr("Cannot read {path}: {reason}", path=source, reason=exc.strerror or exc)
        ) from None
    return loads(raw, str(source))


def loads(raw: bytes, name: str = "<memory>") -> Model:
    """Parse the bytes of a ``.egov`` file (``name`` is used in messages)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NativeFileError(tr(
            "{name} is not UTF-8 text (invalid byte at position {pos})",
            name=name, pos=exc.start)) from None
    if not text.strip():
        raise NativeFileError(tr("{name} is empty", name=name))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            message = tr("{name} ends early at line {line}: the file is truncated",
                         name=name, line=exc.lineno)
        else:
            message = tr("{name} is not a valid model file (JSON error at line {line}, "
                         "column {col}: {msg})", name=name, line=exc.lineno, col=exc.colno,
                         msg=exc.msg)
        raise NativeFileError(message) from None
    if not isinstance(data, dict) or "format_version" not in data:
        raise NativeFileError(tr("{name} is not an egov-modeler model file", name=name))
    version = data["format_version"]
    if version != ser.FORMAT_VERSION:
        raise NativeFileError(tr(
            "{name} has format version {version}; this program reads version {supported}",
            name=name, version=version, supported=ser.FORMAT_VERSION))
    try:
        return _build(data, name)
    except NativeFileError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise NativeFileError(tr("{name} is damaged: {reason}", name=name,
                                 reason=f"{type(exc).__name__}: {exc}")) from None


def _list(data: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise NativeFileError(tr("{name}: ‘{key}’ must be a list of objects", name=name,
                                 key=key))
    return value


def _add_relationships(model: Model, pending: list[Any]) -> None:
    """Add the relationships whose ends exist, in rounds, since one may end at another
    listed after it. What never resolves (a missing end, or relationships ending only at
    each other) is skipped and reported with the end that is missing."""
    while pending:
        rest = []
        for rel in pending:
            if model.has_concept(rel.source) and model.has_concept(rel.target):
                model.load_relationship(rel)
            else:
                rest.append(rel)
        if len(rest) == len(pending):
            break
        pending = rest
    for rel in pending:
        missing = rel.target if model.has_concept(rel.source) else rel.source
        model.load_report.append(tr("Relationship {id} skipped: it refers to {ref}, which "
                                    "does not exist", id=rel.id, ref=missing))


def _build(data: dict[str, Any], name: str) -> Model:
    model = Model(name=str(data.get("name", "")), language=str(data.get("language", "vi")),
                  id=data.get("id"))
    model.names = dict(data.get("names", {}))
    model.documentation = data.get("documentation", "")
    model.documentations = dict(data.get("documentations", {}))
    model.metadata = dict(data.get("metadata", {}))
    model.properties = ser.properties_from_list(data.get("properties"))
    model.property_types = dict(data.get("property_types", {}))
    skipped = model.load_report
    seen: set[str] = {model.id}

    def claim(object_id: Any, what: str) -> None:
        if not is_valid_id(object_id):
            raise NativeFileError(tr("{name}: {what} has an invalid id {id!r}", name=name,
                                     what=what, id=object_id))
        if object_id in seen:
            raise NativeFileError(tr("{name}: the id {id} is used twice", name=name,
                                     id=object_id))
        seen.add(object_id)

    for raw in _list(data, "elements", name):
        claim(raw.get("id"), tr("an element"))
        if raw.get("type") not in ELEMENT_TYPES:
            skipped.append(tr("Element {id} skipped: unknown type {type}", id=raw["id"],
                              type=raw.get("type")))
            continue
        model.load_element(ser.element_from_dict(raw))

    pending = []
    for raw in _list(data, "relationships", name):
        claim(raw.get("id"), tr("a relationship"))
        if raw.get("type") not in RELATIONSHIP_TYPES:
            skipped.append(tr("Relationship {id} skipped: unknown type {type}", id=raw["id"],
                              type=raw.get("type")))
            continue
        pending.append(ser.relationship_from_dict(raw))
    _add_relationships(model, pending)

    for raw in _list(data, "views", name):
        claim(raw.get("id"), tr("a view"))
        view = ser.view_header_from_dict(raw)
        model.load_view(view)
        for node_raw in _list(raw, "nodes", name):
            claim(node_raw.get("id"), tr("a node"))
            node = ser.node_from_dict(node_raw)
            problem = None
            if node.kind not in NODE_KINDS:
                problem = tr("unknown kind {kind}", kind=node.kind)
            elif node.element_id is not None and not model.has_element(node.element_id):
                problem = tr("it shows {ref}, which does not exist", ref=node.element_id)
            elif node.parent is not None and node.parent not in view.nodes:
                problem = tr("its parent {ref} does not exist", ref=node.parent)
            elif node.w <= 0 or node.h <= 0:
                problem = tr("its size is not positive")
            if problem:
                skipped.append(tr("Node {id} in view ‘{view}’ skipped: {problem}", id=node.id,
                                  view=view.name, problem=problem))
                continue
            view.nodes[node.id] = node
        for conn_raw in _list(raw, "connections", name):
            claim(conn_raw.get("id"), tr("a connection"))
            conn = ser.connection_from_dict(conn_raw)
            ends_ok = all(e in view.nodes or e in view.connections
                          for e in (conn.source, conn.target))
            rel_ok = conn.relationship_id is None or model.has_relationship(conn.relationship_id)
            if not (ends_ok and rel_ok):
                skipped.append(tr("Connection {id} in view ‘{view}’ skipped: it refers to a "
                                  "missing node or relationship", id=conn.id, view=view.name))
                continue
            view.connections[conn.id] = conn
    for view in model.views:  # references from labels to views known only now
        for node in view.nodes.values():
            if node.view_ref is not None and not model.has_view(node.view_ref):
                skipped.append(tr("Node {id}: reference to missing view {ref} removed",
                                  id=node.id, ref=node.view_ref))
                node.view_ref = None
    model.folders = [ser.folder_from_dict(f) for f in _list(data, "folders", name)]
    model.profiles = [ser.profile_from_dict(p) for p in _list(data, "profiles", name)]
    images = data.get("images", {})
    if not isinstance(images, dict):
        raise NativeFileError(tr("{name}: ‘{key}’ must be an object", name=name, key="images"))
    model.images = ser.images_from_dict(images)
    for folder in model.iter_folders():
        missing = [r for r in folder.refs if not (model.has_concept(r) or model.has_view(r))]
        for ref in missing:
            folder.refs.remove(ref)
            skipped.append(tr("Folder ‘{folder}’: reference to missing {ref} removed",
                              folder=folder.label, ref=ref))
    for line in skipped:
        log.warning("%s: %s", name, line)
    return model
