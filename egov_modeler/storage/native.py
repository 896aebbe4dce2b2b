"""The native ``.egov`` file: UTF-8 JSON, stable order, written atomically.

Reading never crashes and never touches an open model: it builds a new model or raises
:class:`NativeFileError` with a message that names the problem and where it is. The JSON
is read safely (:mod:`egov_modeler.model.safe_json`) and every field typed and bounded
(:mod:`egov_modeler.model.field_reader`): what is wrong but repairable is repaired and
reported; objects whose references cannot be resolved, or whose type is unknown, are
skipped. Both go to ``model.load_report`` so the user learns what changed. Whatever loads
can be saved and loaded again unchanged.

Order: concepts by id; nodes and connections of a view in their drawing order. The reader
accepts any order (a child before its parent, a connection before the connection it ends
at) and keeps the file's order; resolving what refers to what is linear.

Saving follows symlinks, refuses a read-only file (:class:`ReadOnlyFileError`), keeps the
file's mode and group, and with ``expected`` first checks that the file is still the one
loaded (:class:`FileChangedOnDiskError`, for the window to ask). A file without a model id
gets one derived from its bytes, the same at every load, so a journal of edits to it
replays; the next Save writes it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import os_reason, tr
from ..model import serialization as ser
from ..model.collector import collection_paused
from ..model.concepts import Element
from ..model.errors import ModelError
from ..model.field_reader import FieldProblem, FieldReader, Lazy, Place, short_id
from ..model.ids import all_new_usual_ids, is_valid_id
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from ..model.model import Model
from ..model.safe_json import UnsafeJSONError, dumps, loads_counted
from ..model.views import NODE_KINDS, Connection, Node, View
from .atomic import ReadOnlyTargetError, atomic_file, real_target
from .disk_state import DiskChange, DiskState, disk_change, state_of_bytes
from .native_plain import (
    plain_connection,
    plain_element,
    plain_node,
    plain_relationship,
)
from .paths import display_path

log = logging.getLogger(__name__)

FILE_SUFFIX = ".egov"
#: Older versions this program still reads (the writer writes ``ser.FORMAT_VERSION``).
READABLE_VERSIONS = (1,)
_AN_ELEMENT = Lazy(lambda: tr("an element"))
_A_RELATIONSHIP = Lazy(lambda: tr("a relationship"))

__all__ = [
    "FILE_SUFFIX", "FileChangedOnDiskError", "LoadedDocument", "NativeFileError",
    "ReadOnlyFileError", "load", "loads", "model_bytes", "model_from_dict", "read_document",
    "save", "save_bytes",
]


class NativeFileError(ModelError):
    """A file that cannot be read as an egov-modeler model; the message says why."""


class ReadOnlyFileError(NativeFileError):
    """Save refused: the file is read-only (its permissions, or the folder's)."""


class FileChangedOnDiskError(NativeFileError):
    """Save refused: another program changed or removed the file since it was loaded or
    last saved. ``change`` says which; saving again without ``expected`` overwrites."""

    def __init__(self, message: str, change: DiskChange) -> None:
        super().__init__(message)
        self.change = change


@dataclass
class LoadedDocument:
    """A model read from a file, and what the file was (for the check before Save)."""

    model: Model
    state: DiskState


# ---------------------------------------------------------------------------- writing
def model_bytes(model: Model) -> bytes:
    """The file's bytes for ``model`` (always valid UTF-8 JSON that :func:`loads` reads)."""
    return (dumps(ser.model_to_dict(model), indent=1) + "\n").encode("utf-8")


def save(model: Model, path: str | os.PathLike[str], *, expected: DiskState | None = None,
         before_replace: Callable[[str], None] | None = None) -> DiskState:
    """Write ``model`` to ``path`` atomically: a crash leaves the old file or the new one,
    never half of one. Returns the state of the file written (the next ``expected``).

    ``expected``: what the file was when loaded or last saved; if it changed or vanished
    since, :class:`FileChangedOnDiskError` is raised and nothing is written.
    ``before_replace(sha256)`` is called with the new bytes' hash once they are on disk,
    just before they replace the file (the journal notes it, so a crash right after the
    replace is not taken for lost edits). A read-only file raises
    :class:`ReadOnlyFileError`; other failures raise ``OSError``.
    """
    target = real_target(path)
    _refuse_changed(target, expected)
    return _replace_with(model_bytes(model), target, before_replace)


def save_bytes(data: bytes, path: str | os.PathLike[str], *,
               expected: DiskState | None = None,
               before_replace: Callable[[str], None] | None = None) -> DiskState:
    """:func:`save` of the bytes :func:`model_bytes` made already. Why: the window makes
    them once, off its thread, and keeps them as the crash journal's base and for a
    second attempt after the "changed on disk" question, instead of serialising the
    model again (half a second for a national model)."""
    target = real_target(path)
    _refuse_changed(target, expected)
    return _replace_with(data, target, before_replace)


def _refuse_changed(target: Path, expected: DiskState | None) -> None:
    if expected is None:
        return
    change = disk_change(target, expected)
    if change is DiskChange.CHANGED:
        raise FileChangedOnDiskError(tr(
            "‘{path}’ was changed by another program since it was opened or saved",
            path=display_path(target)), change)
    if change is DiskChange.DELETED:
        raise FileChangedOnDiskError(tr(
            "‘{path}’ was removed or renamed by another program since it was opened or "
            "saved", path=display_path(target)), change)


def _replace_with(data: bytes, target: Path,
                  before_replace: Callable[[str], None] | None) -> DiskState:
    digest = hashlib.sha256(data).hexdigest()
    try:
        with atomic_file(target) as handle:
            handle.write(data)
            if before_replace is not None:
                handle.flush()
                before_replace(digest)
    except ReadOnlyTargetError as exc:
        raise ReadOnlyFileError(tr(
            "‘{path}’ is read-only: it was not changed. Save it under another name.",
            path=display_path(target))) from exc
    stat = target.stat()
    return DiskState(len(data), stat.st_mtime_ns, digest)


# ---------------------------------------------------------------------------- reading
def read_document(path: str | os.PathLike[str]) -> LoadedDocument:
    """Read a ``.egov`` file: the model and the state of the bytes it was read from."""
    source = Path(path)
    try:
        with open(source, "rb") as handle:
            stat = os.fstat(handle.fileno())
            raw = handle.read()
    except OSError as exc:
        raise NativeFileError(tr("Cannot read {path}: {reason}", path=display_path(source),
                                 reason=os_reason(exc))) from None
    return LoadedDocument(loads(raw, display_path(source)), state_of_bytes(raw, stat))


def load(path: str | os.PathLike[str]) -> Model:
    """Read a ``.egov`` file into a new model (see the module docstring)."""
    return read_document(path).model


def loads(raw: bytes, name: str = "<memory>") -> Model:
    """Parse the bytes of a ``.egov`` file (``name`` is used in messages)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # cut inside a Vietnamese letter
            raise NativeFileError(tr("{name} ends early at line {line}: the file is truncated",
                                     name=name, line=raw.count(b"\n", 0, exc.start) + 1)
                                  ) from None
        raise NativeFileError(tr(
            "{name} is not UTF-8 text (invalid byte at position {pos})",
            name=name, pos=exc.start)) from None
    if not text or text.isspace():  # stops at the first other character: no copy
        raise NativeFileError(tr("{name} is empty", name=name))
    with collection_paused(keep=True):  # a million objects made, none of them garbage
        return _loads(raw, text, name)


def _loads(raw: bytes, text: str, name: str) -> Model:
    try:
        loaded = loads_counted(text, utf8=raw)
    except UnsafeJSONError as exc:
        # A string that never closes runs to the end: the file was cut inside it.
        if exc.lineno and (exc.pos >= len(text.rstrip())
                           or str(exc).startswith("Unterminated string")):
            message = tr("{name} ends early at line {line}: the file is truncated",
                         name=name, line=exc.lineno)
        elif exc.lineno:
            message = tr("{name} is not a valid model file (JSON error at line {line}, "
                         "column {col}: {msg})", name=name, line=exc.lineno, col=exc.colno,
                         msg=exc)
        else:
            message = tr("{name} is not a valid model file: {reason}", name=name, reason=exc)
        raise NativeFileError(message) from None
    model = model_from_dict(loaded.value, name, fallback_id=lambda: _derived_id(raw),
                            texts_checked=True)
    if loaded.surrogates_replaced:
        model.load_report.insert(0, tr(
            "{count} invalid characters (unpaired surrogates) were replaced by �",
            count=loaded.surrogates_replaced))
    return model


def _derived_id(raw: bytes) -> str:
    """A model id made from the file's bytes: the same file always gets the same id."""
    return f"id-{uuid.UUID(bytes=hashlib.sha256(raw).digest()[:16], version=5)}"


def model_from_dict(data: Any, name: str, *,
                    fallback_id: str | Callable[[], str] | None = None,
                    texts_checked: bool = False) -> Model:
    """Build a model from a decoded ``.egov`` dict (a file, or a journal's base); a model
    without a valid id gets ``fallback_id`` (a text, or what makes it; default: one
    derived from its content).
    ``texts_checked``: the dict came from :func:`safe_json.loads` with surrogates
    replaced, so texts need no second look."""
    if not isinstance(data, dict) or "format_version" not in data:
        raise NativeFileError(tr("{name} is not an egov-modeler model file", name=name))
    version = data["format_version"]
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise NativeFileError(tr(
            "{name} has format version {version}; this program reads version {supported}",
            name=name, version=short_id(version), supported=ser.FORMAT_VERSION))
    try:
        model = _Builder(data, name, _id_maker(data, fallback_id),
                         scrub=not texts_checked).build()
    except NativeFileError:
        raise
    except (FieldProblem, ModelError) as exc:
        raise NativeFileError(tr("{name} is damaged: {reason}", name=name,
                                 reason=exc)) from None
    for line in model.load_report:
        log.warning("%s: %s", name, line)
    return model


def _id_maker(data: Any, fallback_id: str | Callable[[], str] | None) -> Callable[[], str]:
    """What makes the id of a model without one, called only then (hashing the file or
    its content, as the default does, takes longer than reading a large model's
    relationships)."""
    if callable(fallback_id):
        return fallback_id
    if fallback_id is not None:
        fixed = fallback_id
        return lambda: fixed
    return lambda: _derived_id(dumps(data, sort_keys=True).encode("utf-8"))


class _Builder:
    """Builds one model from a decoded file, reporting into ``model.load_report``."""

    def __init__(self, data: dict[str, Any], name: str, fallback_id: Callable[[], str], *,
                 scrub: bool) -> None:
        self.data = data
        self.name = name
        self.report: list[str] = []
        self.reader = FieldReader(self.report, scrub=scrub)
        self.fallback_id = fallback_id
        self.seen: set[str] = set()

    def _list(self, raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise NativeFileError(tr("{name}: ‘{key}’ must be a list of objects",
                                     name=self.name, key=key))
        return value

    def _claim(self, object_id: Any, what: Place) -> None:
        if not is_valid_id(object_id):
            raise NativeFileError(tr("{name}: {what} has an invalid id {id!r}",
                                     name=self.name, what=what, id=short_id(object_id)))
        if object_id in self.seen:
            raise NativeFileError(tr("{name}: the id {id} is used twice", name=self.name,
                                     id=object_id))
        self.seen.add(object_id)

    def _skip(self, problem: FieldProblem) -> None:
        self.report.append(tr("Skipped: {problem}", problem=problem))

    def build(self) -> Model:
        r, data = self.reader, self.data
        where = tr("the model")
        model_id = data.get("id")
        if not is_valid_id(model_id):  # the same every load; the next Save writes it
            model_id = self.fallback_id()  # worked out only here: hashing a file takes time
            log.info("%s has no valid model id; using %s", self.name, model_id)
        model = Model(name=r.name(data, "name", where),
                      language=r.name(data, "language", where, "vi") or "vi", id=model_id)
        model.load_report = self.report
        self.seen.add(model.id)
        model.names = r.lang_map(data, "names", where)
        model.documentation = r.text(data, "documentation", where)
        model.documentations = r.lang_map(data, "documentations", where)
        model.metadata = r.lang_map(data, "metadata", where)
        model.properties = r.properties(data, "properties", where)
        model.property_types = r.lang_map(data, "property_types", where)
        self._elements(model)
        self._relationships(model)
        for raw in self._list(data, "views"):
            self._view(model, raw)
        self._view_refs(model)
        self._folders(model)
        self._specializations(model)
        return model

    def _elements(self, model: Model) -> None:
        plain = plain_element if not self.reader.scrub else _never_plain
        read: list[Element] = []
        for raw in self._concepts("elements", _AN_ELEMENT):
            element = plain(raw, ELEMENT_TYPES)
            if element is not None:
                read.append(element)
                continue
            if not _known(raw.get("type"), ELEMENT_TYPES):
                self.report.append(tr("Element {id} skipped: unknown type {type}",
                                      id=raw["id"], type=short_id(raw.get("type"))))
                continue
            try:
                read.append(ser.element_from_dict(raw, self.reader))
            except FieldProblem as exc:
                self._skip(exc)
        model.load_elements(read)

    def _concepts(self, key: str, what: Place) -> list[dict[str, Any]]:
        """The objects listed under ``key``, every id claimed."""
        items = self._list(self.data, key)
        self._claim_all(items, what)
        return items

    def _claim_all(self, items: list[dict[str, Any]], what: Place) -> None:
        """Claim the id of every one of ``items`` (valid and not used before; a problem
        stops the load, naming the first)."""
        ids: list[Any] = [raw.get("id") for raw in items]
        if all_new_usual_ids(ids, self.seen):  # the usual case: all claimed at once
            self.seen.update(ids)
            return
        for raw in items:
            self._claim(raw.get("id"), what)

    def _relationships(self, model: Model) -> None:
        """Relationships whose ends exist; one may end at another listed after it, so
        those wait for the relationship they end at (linear: each waits once)."""
        waiting: dict[str, list[Any]] = {}
        ready = []
        plain = plain_relationship if not self.reader.scrub else _never_plain
        for raw in self._concepts("relationships", _A_RELATIONSHIP):
            rel = plain(raw, RELATIONSHIP_TYPES)
            if rel is not None:
                ready.append(rel)
                continue
            if not _known(raw.get("type"), RELATIONSHIP_TYPES):
                self.report.append(tr("Relationship {id} skipped: unknown type {type}",
                                      id=raw["id"], type=short_id(raw.get("type"))))
                continue
            try:
                ready.append(ser.relationship_from_dict(raw, self.reader))
            except FieldProblem as exc:
                self._skip(exc)
        # most end at what is already there; the rest wait, in the file's order
        ready = model.load_relationships(ready)
        pending = {rel.id: rel for rel in ready}
        queue = deque(ready)  # the file's order, for what is ready at once
        has_concept = model.has_concept
        while queue:
            rel = queue.popleft()
            if rel.id not in pending:
                continue
            missing = (rel.source if not has_concept(rel.source)
                       else rel.target if not has_concept(rel.target) else None)
            if missing is None:
                model.load_relationship(rel)
                del pending[rel.id]
                queue.extend(waiting.pop(rel.id, []))
            elif missing in pending:
                waiting.setdefault(missing, []).append(rel)
            # else: the end does not exist at all; reported below
        for rel in pending.values():
            missing = rel.target if model.has_concept(rel.source) else rel.source
            self.report.append(tr("Relationship {id} skipped: it refers to {ref}, which "
                                  "does not exist", id=rel.id, ref=short_id(missing)))

    def _view(self, model: Model, raw: dict[str, Any]) -> None:
        self._claim(raw.get("id"), tr("a view"))
        view = ser.view_header_from_dict(raw, self.reader)
        model.load_view(view)
        nodes = self._nodes(model, view, self._list(raw, "nodes"))
        for node in nodes:
            view.nodes[node.id] = node
        for conn in self._connections(model, view, self._list(raw, "connections")):
            view.connections[conn.id] = conn

    def _read_all(self, items: list[dict[str, Any]], what: str,
                  read: Callable[[Any, FieldReader], Any],
                  plain: Callable[[dict[str, Any]], Any]) -> list[Any]:
        out = []
        if self.reader.scrub:
            plain = _never_plain
        self._claim_all(items, what)
        for raw in items:
            found = plain(raw)
            if found is not None:
                out.append(found)
                continue
            try:
                out.append(read(raw, self.reader))
            except FieldProblem as exc:
                self._skip(exc)
        return out

    def _nodes(self, model: Model, view: View, items: list[dict[str, Any]]) -> list[Node]:
        """The nodes that can be kept, in the file's order: a node whose parent is
        skipped (or missing, or in a cycle) is skipped, and so is what is nested in it."""
        nodes: list[Node] = self._read_all(items, tr("a node"), ser.node_from_dict,
                                             plain_node)
        if _all_resolved(nodes, model):
            return nodes
        ok: dict[str, Node] = {}
        problems: dict[str, str] = {}
        for node in nodes:
            if node.kind not in NODE_KINDS:
                problems[node.id] = tr("unknown kind {kind}", kind=short_id(node.kind))
            elif node.element_id is not None and not model.has_element(node.element_id):
                problems[node.id] = tr("it shows {ref}, which does not exist",
                                       ref=short_id(node.element_id))
            else:
                ok[node.id] = node
        kept = _keep_resolvable(ok, lambda n: [n.parent] if n.parent is not None else [])
        for node in nodes:
            if node.id not in problems and node.id not in kept:
                problems[node.id] = tr("its parent {ref} does not exist",
                                       ref=short_id(node.parent))
        for node in nodes:
            if node.id in problems:
                self.report.append(tr("Node {id} in view ‘{view}’ skipped: {problem}",
                                      id=node.id, view=view.name, problem=problems[node.id]))
        return [n for n in nodes if n.id in kept]

    def _connections(self, model: Model, view: View,
                     items: list[dict[str, Any]]) -> list[Connection]:
        """The connections that can be kept, in the file's order; one may end at another
        connection listed after it."""
        conns: list[Connection] = self._read_all(items, tr("a connection"),
                                                 ser.connection_from_dict, plain_connection)
        if _all_connected(conns, model, view):
            return conns
        candidates = {c.id: c for c in conns
                      if c.relationship_id is None or model.has_relationship(c.relationship_id)}
        kept = _keep_resolvable(
            candidates, lambda c: [e for e in (c.source, c.target) if e not in view.nodes])
        for conn in conns:
            if conn.id not in kept:
                self.report.append(tr("Connection {id} in view ‘{view}’ skipped: it refers "
                                      "to a missing node or relationship", id=conn.id,
                                      view=view.name))
        return [c for c in conns if c.id in kept]

    def _view_refs(self, model: Model) -> None:
        for view in model.views:  # references from labels to views known only now
            for node in view.nodes.values():
                if node.view_ref is not None and not model.has_view(node.view_ref):
                    self.report.append(tr("Node {id}: reference to missing view {ref} removed",
                                          id=node.id, ref=short_id(node.view_ref)))
                    node.view_ref = None

    def _folders(self, model: Model) -> None:
        model.folders = []
        for raw in self._list(self.data, "folders"):
            try:
                model.folders.append(ser.folder_from_dict(raw, self.reader))
            except FieldProblem as exc:
                self._skip(exc)
        for folder in model.iter_folders():
            missing = [r for r in folder.refs if not (model.has_concept(r) or model.has_view(r))]
            if missing:
                gone = set(missing)
                folder.refs = [r for r in folder.refs if r not in gone]
            for ref in missing:
                self.report.append(tr("Folder ‘{folder}’: reference to missing {ref} removed",
                                      folder=folder.label, ref=short_id(ref)))


    def _specializations(self, model: Model) -> None:
        """Archi's specializations (profiles) and their image files; a damaged image is
        reported and left out, its specialization kept."""
        model.profiles = []
        for raw in self._list(self.data, "profiles"):
            try:
                model.profiles.append(ser.profile_from_dict(raw, self.reader))
            except FieldProblem as exc:
                self._skip(exc)
        images = self.data.get("images", {})
        if not isinstance(images, dict):
            raise NativeFileError(tr("{name}: ‘{key}’ must be an object", name=self.name,
                                     key="images"))
        for path, text in images.items():
            try:
                model.images.update(ser.images_from_dict({path: text}))
            except (ValueError, TypeError):
                self.report.append(tr("Image {path} skipped: it is not valid base64",
                                      path=short_id(path)))


def _never_plain(raw: dict[str, Any], known: Any = None) -> None:
    """Texts not yet freed of unpaired surrogates: every object goes the careful way."""
    return None


def _known(value: Any, names: Any) -> bool:
    """``value`` is a text naming one of ``names`` (a list is unhashable, not an error)."""
    return isinstance(value, str) and value in names


def _all_resolved(nodes: list[Node], model: Model) -> bool:
    """Whether every node is kept as it is: of a known kind, showing an element that
    exists, nested in a node listed before it (as this program writes them). One pass
    for the usual file; the careful way below reports and resolves any other."""
    elements, seen = model.element_index, set()
    for node in nodes:
        element, parent = node.element_id, node.parent
        if node.kind not in NODE_KINDS or (element is not None and element not in elements) or (
                parent is not None and parent not in seen):
            return False
        seen.add(node.id)
    return True


def _all_connected(conns: list[Connection], model: Model, view: View) -> bool:
    """Whether every connection is kept as it is: its relationship exists and its ends
    are nodes or connections listed before it."""
    relationships, nodes, seen = model.has_relationship, view.nodes, set()
    for conn in conns:
        rel, source, target = conn.relationship_id, conn.source, conn.target
        if (rel is not None and not relationships(rel)) or (
                source not in nodes and source not in seen) or (
                target not in nodes and target not in seen):
            return False
        seen.add(conn.id)
    return True


def _keep_resolvable(items: dict[str, Any], needs: Callable[[Any], list[str]]) -> set[str]:
    """The ids of ``items`` whose every need (another item's id) is itself kept; a need
    outside ``items`` is never met, and items needing each other in a cycle are not kept.
    Linear. Usually every item comes after what it needs (a parent before what it
    nests, as this program writes them): one pass then, else the waiting kind."""
    kept: set[str] = set()
    for item_id, item in items.items():
        for need in needs(item):
            if need not in kept:
                return _keep_resolvable_waiting(items, needs)
        kept.add(item_id)
    return kept


def _keep_resolvable_waiting(items: dict[str, Any],
                             needs: Callable[[Any], list[str]]) -> set[str]:
    """:func:`_keep_resolvable` for items in any order: each waits at most once per
    need."""
    kept: set[str] = set()
    waiting: dict[str, list[str]] = {}
    unmet: dict[str, int] = {}
    queue: list[str] = []
    for item_id, item in items.items():
        required = needs(item)
        if any(n not in items for n in required):
            continue  # needs what does not exist
        open_needs = set(required)
        unmet[item_id] = len(open_needs)
        for need in open_needs:
            waiting.setdefault(need, []).append(item_id)
        if not open_needs:
            queue.append(item_id)
    while queue:
        item_id = queue.pop()
        kept.add(item_id)
        for waiter in waiting.pop(item_id, []):
            unmet[waiter] -= 1
            if unmet[waiter] == 0:
                queue.append(waiter)
    return kept
