"""Copy and paste of diagram fragments, without Qt.

A *fragment* is what Copy takes from a view: the selected nodes with everything nested in
them, the connections among them, and the elements and relationships those show (so that a
fragment can be pasted into another model, where those ids mean nothing). The window puts
its JSON form on the system clipboard (``ui/canvas/clipboard.py``); this module builds the
one :class:`~egov_modeler.model.commands.CompoundCommand` a paste is.

Two pastes, as in Archi:

* **Paste** shows the *same* elements again (new placements): elements are architecture
  facts, a diagram is only a drawing of them. Copied connections show the same
  relationships.
* **Paste as copy** makes *new* elements (same type, catalog component, layer, properties;
  the name gets " (copy)" in each language) and new relationships among them.

An element whose id the target model lacks (a fragment from another model, or an element
deleted since the copy) is always pasted as a copy: nothing else could be shown.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..i18n import tr
from . import safe_json
from . import serialization as ser
from .commands import (
    AddConnectionCommand,
    AddElementCommand,
    Command,
    CompoundCommand,
    PlaceNodeCommand,
    RelateCommand,
)
from .concepts import Element, Relationship
from .errors import ModelError
from .field_reader import FieldReader
from .ids import new_id
from .views import Connection, Node, View

if TYPE_CHECKING:
    from .model import Model

#: The ``format`` field of a fragment's JSON form; anything else is not ours.
FRAGMENT_FORMAT = "egov-modeler/diagram-fragment"
FRAGMENT_VERSION = 1
#: How far each successive paste is shifted so it does not cover the one before.
PASTE_STEP = 20
#: Finds the band or group under a point of the target view (None: the view itself).
ContainerAt = Callable[[float, float], "str | None"]


@dataclass
class Fragment:
    """What Copy took: placements (parents before children) and the concepts they show."""

    view_id: str
    nodes: list[Node] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

    def names(self) -> list[str]:
        """The copied elements' names (the plain-text form for other programs)."""
        return [e.name for e in self.elements]

    def is_empty(self) -> bool:
        return not self.nodes


@dataclass
class PasteResult:
    """The command to run and what it will add (for selecting the pasted nodes)."""

    command: CompoundCommand
    node_ids: list[str]
    root_node_ids: list[str]
    new_element_ids: list[str]
    new_relationship_ids: list[str]


# ============================================================================ copy
def copy_fragment(model: Model, view_id: str, node_ids: Iterable[str]) -> Fragment:
    """The fragment for ``node_ids`` of ``view_id``: those nodes and their nested ones, the
    connections whose two ends are copied (also lines drawn to copied lines), and the
    elements and relationships shown."""
    view = model.view(view_id)
    wanted: set[str] = set()
    for node_id in node_ids:
        if node_id in view.nodes:
            wanted.add(node_id)
            wanted.update(d.id for d in view.descendants(node_id))
    nodes = _parents_first(view, wanted)
    ends = {n.id for n in nodes}
    connections: list[Connection] = []
    added = True
    while added:  # a line may end on another copied line (relationship to relationship)
        added = False
        for conn in view.connections.values():
            if conn.id not in ends and conn.source in ends and conn.target in ends:
                connections.append(conn)
                ends.add(conn.id)
                added = True
    element_ids = list(dict.fromkeys(n.element_id for n in nodes if n.element_id))
    relationship_ids = list(dict.fromkeys(
        c.relationship_id for c in connections if c.relationship_id))
    return Fragment(
        view_id=view_id,
        nodes=[copy.deepcopy(n) for n in nodes],
        connections=[copy.deepcopy(c) for c in connections],
        elements=[copy.deepcopy(model.element(e)) for e in element_ids
                  if model.has_element(e)],
        relationships=[copy.deepcopy(model.relationship(r)) for r in relationship_ids
                       if model.has_relationship(r)],
    )


def _parents_first(view: View, wanted: set[str]) -> list[Node]:
    """``wanted`` nodes in view order, each after its (copied) parent."""
    ordered: list[Node] = []
    placed: set[str] = set()
    pending = [n for n in view.nodes.values() if n.id in wanted]
    while pending:
        rest = []
        for node in pending:
            if node.parent in wanted and node.parent not in placed:
                rest.append(node)
            else:
                ordered.append(node)
                placed.add(node.id)
        if len(rest) == len(pending):  # a parent cycle in a broken file: keep them all
            ordered.extend(rest)
            break
        pending = rest
    return ordered


# ============================================================================ JSON form
def fragment_to_json(fragment: Fragment) -> str:
    """The clipboard form: UTF-8-safe JSON, readable by another window or instance."""
    return safe_json.dumps({
        "format": FRAGMENT_FORMAT,
        "version": FRAGMENT_VERSION,
        "view": fragment.view_id,
        "nodes": [ser.node_to_dict(n) for n in fragment.nodes],
        "connections": [ser.connection_to_dict(c) for c in fragment.connections],
        "elements": [ser.element_to_dict(e) for e in fragment.elements],
        "relationships": [ser.relationship_to_dict(r) for r in fragment.relationships],
    })


def fragment_from_json(text: str | bytes) -> Fragment:
    """Read :func:`fragment_to_json` output; anything else raises :class:`ModelError`
    saying what is wrong (the clipboard may hold another program's data)."""
    try:
        raw = safe_json.loads(text)
    except ValueError as exc:
        raise ModelError(tr("The clipboard does not hold a diagram fragment: {error}",
                            error=str(exc))) from None
    if not isinstance(raw, dict) or raw.get("format") != FRAGMENT_FORMAT:
        raise ModelError(tr("The clipboard does not hold a diagram fragment"))
    if raw.get("version") != FRAGMENT_VERSION:
        raise ModelError(tr("Diagram fragment version {version} is not supported",
                            version=raw.get("version")))
    try:
        reader = FieldReader()  # strict: the clipboard is written by this program
        where = tr("the clipboard")
        return Fragment(
            view_id=reader.text(raw, "view", where),
            nodes=[ser.node_from_dict(n) for n in reader.objects(raw, "nodes", where)],
            connections=[ser.connection_from_dict(c)
                         for c in reader.objects(raw, "connections", where)],
            elements=[ser.element_from_dict(e) for e in reader.objects(raw, "elements", where)],
            relationships=[ser.relationship_from_dict(r)
                           for r in reader.objects(raw, "relationships", where)],
        )
    except ValueError as exc:  # a FieldProblem: a field of the wrong type or range
        raise ModelError(tr("The diagram fragment on the clipboard is damaged: {error}",
                            error=str(exc))) from None


# ============================================================================ paste
def paste_fragment(model: Model, view_id: str, fragment: Fragment, *, as_copy: bool = False,
                   at: tuple[float, float] | None = None,
                   container_at: ContainerAt | None = None,
                   label: str | None = None) -> PasteResult:
    """Build (not run) the one command that pastes ``fragment`` into ``view_id``.

    ``at`` centres the pasted nodes on that point (a paste from the context menu);
    without it they keep their coordinates, shifted by :data:`PASTE_STEP` steps until no
    pasted node sits exactly where a node of the view already is (the originals, or an
    earlier paste). Top-level pasted nodes are nested in the band or group
    ``container_at`` finds under their centre (default: :func:`container_at_point`).
    """
    if fragment.is_empty():
        raise ModelError(tr("Nothing to paste"))
    view = model.view(view_id)
    if container_at is None:
        def container_at(x: float, y: float) -> str | None:
            return container_at_point(model, view, x, y)
    elements = {e.id: e for e in fragment.elements}
    relationships = {r.id: r for r in fragment.relationships}
    concept_map, commands, new_elements = _element_commands(
        model, fragment, elements, as_copy)
    new_relationships = _relationship_commands(
        model, fragment, relationships, concept_map, as_copy, commands)

    dx, dy = _offset(view, fragment, at)
    copied_ids = {n.id for n in fragment.nodes}
    node_map: dict[str, str] = {}
    roots: list[str] = []
    for old in fragment.nodes:
        if old.element_id is not None and old.element_id not in concept_map:
            continue  # its element is neither in the model nor in the fragment
        node = replace(copy.deepcopy(old), id=new_id(), x=old.x + dx, y=old.y + dy,
                       element_id=concept_map.get(old.element_id) if old.element_id else None)
        if old.parent in copied_ids:
            if old.parent not in node_map:
                continue  # its parent was skipped
            node.parent = node_map[old.parent]
        else:
            node.parent = container_at(node.x + node.w / 2, node.y + node.h / 2)
            roots.append(node.id)
        if node.view_ref is not None and not model.has_view(node.view_ref):
            node.view_ref = None
        node_map[old.id] = node.id
        commands.append(PlaceNodeCommand(view_id, node))
    end_map = dict(node_map)
    for old_conn in fragment.connections:
        source, target = end_map.get(old_conn.source), end_map.get(old_conn.target)
        rel_id = (concept_map.get(old_conn.relationship_id) if old_conn.relationship_id
                  else None)
        if source is None or target is None or (old_conn.relationship_id and rel_id is None):
            continue
        conn = replace(copy.deepcopy(old_conn), id=new_id(), source=source, target=target,
                       relationship_id=rel_id,
                       bendpoints=[(bx + dx, by + dy) for bx, by in old_conn.bendpoints])
        end_map[old_conn.id] = conn.id
        commands.append(AddConnectionCommand(view_id, conn))
    if label is None:
        label = tr("Paste as copy") if as_copy else tr("Paste")
    return PasteResult(CompoundCommand(label, commands), list(node_map.values()), roots,
                       new_elements, new_relationships)


def needs_copy(model: Model, element: Element) -> bool:
    """True when ``element`` cannot be shown again in ``model`` (it is not there, or the
    id means another type there): a paste must copy it."""
    return not model.has_element(element.id) or model.element(element.id).type != element.type


def copy_name(name: str, language: str | None = None) -> str:
    """The name a pasted copy gets: "Cổng DVC (bản sao)"."""
    return tr("{name} (copy)", language=language, name=name) if name else name


def _element_commands(model: Model, fragment: Fragment, elements: dict[str, Element],
                      as_copy: bool) -> tuple[dict[str, str], list[Command], list[str]]:
    concept_map: dict[str, str] = {}
    commands: list[Command] = []
    new_elements: list[str] = []
    for element in elements.values():
        if not as_copy and not needs_copy(model, element):
            concept_map[element.id] = element.id
            continue
        clone = replace(
            copy.deepcopy(element), id=new_id(), name=copy_name(element.name, model.language),
            names={lang: copy_name(text, lang) for lang, text in element.names.items()})
        concept_map[element.id] = clone.id
        commands.append(AddElementCommand(clone))
        new_elements.append(clone.id)
    return concept_map, commands, new_elements


def _relationship_commands(model: Model, fragment: Fragment,
                           relationships: dict[str, Relationship], concept_map: dict[str, str],
                           as_copy: bool, commands: list[Command]) -> list[str]:
    """Map each copied relationship to itself (both ends shown again, and the model has
    it) or to a new copy between the mapped ends; ends that are relationships come first."""
    new_relationships: list[str] = []
    pending = list(relationships.values())
    while pending:
        rest = []
        for rel in pending:
            source, target = concept_map.get(rel.source), concept_map.get(rel.target)
            if source is None or target is None:
                if rel.source in relationships or rel.target in relationships:
                    rest.append(rel)  # its end relationship is not mapped yet
                continue
            same = (not as_copy and source == rel.source and target == rel.target
                    and model.has_relationship(rel.id)
                    and model.relationship(rel.id).type == rel.type)
            if same:
                concept_map[rel.id] = rel.id
                continue
            clone = replace(copy.deepcopy(rel), id=new_id(), source=source, target=target)
            concept_map[rel.id] = clone.id
            commands.append(RelateCommand(clone))
            new_relationships.append(clone.id)
        if len(rest) == len(pending):
            break  # ends that will never map (not copied): their lines are left out
        pending = rest
    return new_relationships


def _offset(view: View, fragment: Fragment, at: tuple[float, float] | None) -> tuple[int, int]:
    roots = [n for n in fragment.nodes if n.parent not in {m.id for m in fragment.nodes}]
    if at is not None:
        left, top, right, bottom = bounding_box(n.bounds for n in roots)
        return (round(at[0] - (left + right) / 2), round(at[1] - (top + bottom) / 2))
    taken = {(n.x, n.y) for n in view.nodes.values()}
    step = 0
    while any((n.x + step, n.y + step) in taken for n in fragment.nodes):
        step += PASTE_STEP
    return step, step


def bounding_box(boxes: Iterable[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    """``(left, top, right, bottom)`` around ``(x, y, w, h)`` boxes."""
    boxes = list(boxes)
    if not boxes:
        return (0, 0, 0, 0)
    return (min(x for x, _, _, _ in boxes), min(y for _, y, _, _ in boxes),
            max(x + w for x, _, w, _ in boxes), max(y + h for _, y, _, h in boxes))


def container_at_point(model: Model, view: View, x: float, y: float) -> str | None:
    """The most deeply nested band, group or Grouping element of ``view`` containing the
    point (what the canvas's ``container_at`` finds, without Qt)."""
    best: tuple[int, str] | None = None
    for node in view.nodes.values():
        holds = node.kind == "container" or (
            node.element_id is not None and model.has_element(node.element_id)
            and model.element(node.element_id).type == "Grouping")
        if holds and node.contains(x, y):
            depth = _depth(view, node)
            if best is None or depth >= best[0]:
                best = (depth, node.id)
    return best[1] if best else None


def _depth(view: View, node: Node) -> int:
    depth, seen = 0, set()
    while node.parent in view.nodes and node.parent not in seen:
        seen.add(node.parent)
        node = view.nodes[node.parent]
        depth += 1
    return depth


__all__ = [
    "FRAGMENT_FORMAT", "PASTE_STEP", "Fragment", "PasteResult", "bounding_box",
    "container_at_point", "copy_fragment", "copy_name", "fragment_from_json",
    "fragment_to_json", "needs_copy", "paste_fragment",
]
