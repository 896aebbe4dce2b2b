"""Nesting as in Archi: an element dropped or moved onto an element goes inside it.

Why: before, a drop onto an element landed at the same place, one hiding the other
(issue 10). Now the element under the pointer becomes the new node's parent, the parent
grows to hold it, and the relationship the nesting states (composition, aggregation,
assignment, realization, specialization, or the framework's suggestion, as the rules
allow for the pair: :mod:`egov_modeler.model.nesting`) is offered, created at once, or
left out, as the user's preference says (:data:`NESTING_MODES`). Moving a child out of
its parent element asks whether to delete the relationship that the nesting showed.
Everything a drop or a move does is one undo step.

The canvas tools (place, model-tree drop, move) call these helpers; the questions go
through the editor's hooks (``choose_nesting``, ``confirm``), which tests answer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QPointF

from ...model.commands import Command, RelateCommand, SetNodeBoundsCommand, UnrelateCommand
from ...model.concepts import Element, Relationship
from ...model.errors import RelationshipNotAllowed
from ...model.ids import new_id
from ...model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from ...model.nesting import already_related, nesting_types, shown_by_nesting
from ...model.rules import check_relationship
from ...model.views import NODE_ELEMENT, Node, View

if TYPE_CHECKING:
    from ..editor import Editor
    from .scene import DiagramScene

log = logging.getLogger(__name__)

#: Ask which relationship the nesting states (a small menu), the default.
NEST_ASK = "ask"
#: Always create the relationship the rules suggest, without asking.
NEST_SUGGESTED = "suggested"
#: Nest, but state no relationship.
NEST_ONLY = "nest"
#: Do not nest into elements at all (only bands, groups and Groupings take children).
NEST_OFF = "off"
NESTING_MODES = (NEST_ASK, NEST_SUGGESTED, NEST_ONLY, NEST_OFF)

#: Room kept around a nested child inside its parent, and above it for the parent's name.
PADDING = 10
HEADER = 28


def _t(text: str, **fields: object) -> str:
    out = QCoreApplication.translate("Nesting", text)
    return out.format(**fields) if fields else out


def nests_into_elements(editor: Editor) -> bool:
    return getattr(editor, "nesting", NEST_ASK) != NEST_OFF


def can_nest_into(scene: DiagramScene, node: Node, into_elements: bool) -> bool:
    """Whether ``node`` takes a child dropped on it: a band, a group or a Grouping
    always; any other element (not a junction) when nesting into elements is on."""
    if scene.can_hold(node):
        return True
    if not into_elements or node.kind != NODE_ELEMENT or not node.element_id:
        return False
    if not scene.model.has_element(node.element_id):
        return False
    etype = ELEMENT_TYPES.get(scene.model.element(node.element_id).type)
    return etype is not None and etype.shape != "junction"


def holder_at(scene: DiagramScene, point: QPointF, exclude: set[str],
              into_elements: bool) -> str | None:
    """The deepest node (the topmost among equals) whose box holds ``point`` and that can
    take a child, skipping ``exclude`` (the nodes being moved).

    Only the nodes under ``point`` are looked at (the scene's spatial index finds them),
    not every node of the view: a drag of 50 elements asks this 50 times."""
    view = scene.view()
    best, best_depth = None, -1
    for node_id in scene.node_ids_at(point):  # topmost first
        node = view.nodes.get(node_id)
        if node is None or node.id in exclude or not node.contains(point.x(), point.y()):
            continue
        if not can_nest_into(scene, node, into_elements):
            continue
        depth = scene._depth(node)
        if depth > best_depth:
            best, best_depth = node.id, depth
    return best


def is_element_parent(view: View, node_id: str | None) -> bool:
    node = view.nodes.get(node_id) if node_id else None
    return node is not None and node.kind == NODE_ELEMENT and bool(node.element_id)


def fit_inside(parent: Node, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """``box`` moved right or down where it sticks out of ``parent``'s left or top, below
    the parent's name (the parent then grows right and down to hold it)."""
    x, y, w, h = box
    return (max(x, parent.x + PADDING), max(y, parent.y + HEADER), w, h)


def grow_commands(view: View, parent_id: str, box: tuple[int, int, int, int],
                  moving: set[str] | None = None) -> list[Command]:
    """Make ``parent_id`` (and each node it sits in, up the chain) wide and tall enough
    to hold ``box`` with a margin; they grow right and down only, so nothing inside them
    moves."""
    commands: list[Command] = []
    x, y, w, h = box
    right, bottom = x + w + PADDING, y + h + PADDING
    node_id: str | None = parent_id
    seen: set[str] = set(moving or ())
    while node_id is not None and node_id in view.nodes and node_id not in seen:
        seen.add(node_id)
        node = view.nodes[node_id]
        new_w = max(node.w, right - node.x)
        new_h = max(node.h, bottom - node.y)
        if (new_w, new_h) == (node.w, node.h):
            break
        commands.append(SetNodeBoundsCommand(view.id, node.id, node.x, node.y, new_w, new_h))
        right, bottom = node.x + new_w + PADDING, node.y + new_h + PADDING
        node_id = node.parent
    return commands


def _label(rel_type: str) -> str:
    rel = RELATIONSHIP_TYPES.get(rel_type)
    return QCoreApplication.translate("Tools", rel.label_en) if rel else rel_type


@dataclass
class Stated:
    """The relationship a nesting will state (or none), and what to say about it."""

    relationship: Relationship | None = None
    notes: list[str] = field(default_factory=list)


def relationship_for(editor: Editor, parent: Element, child: Element, child_is_new: bool,
                     pos: QPoint | None = None) -> Stated:
    """Which relationship nesting ``child`` into ``parent`` states, as the user's
    nesting mode says: asked (the editor's ``choose_nesting`` menu, the framework's
    suggestion first; dismissing it states none), the suggestion taken at once, or none.
    For an element already in the model, a type a framework rule refuses is offered
    disabled with the reason."""
    mode = getattr(editor, "nesting", NEST_ASK)
    if mode not in (NEST_ASK, NEST_SUGGESTED):
        return Stated()
    model = editor.model
    if not child_is_new and already_related(model, parent.id, child.id):
        return Stated()
    from .tools.connect import suggested_relationship_of

    suggested = suggested_relationship_of(parent, child)
    types = nesting_types(parent.type, child.type, suggested)
    if not types:
        return Stated()
    offered: list[tuple[str, str | None]] = []
    for rel_type in types:
        refusal = None
        if not child_is_new:
            try:
                check_relationship(model, parent.id, rel_type, child.id)
            except RelationshipNotAllowed as exc:
                refusal = str(exc)
        offered.append((rel_type, refusal))
    allowed = [t for t, why in offered if why is None]
    if not allowed:
        return Stated()
    if mode == NEST_SUGGESTED:
        chosen: str | None = allowed[0]
    elif editor.choose_nesting is None:
        chosen = None
    else:
        chosen = editor.choose_nesting(offered, suggested if suggested in types else None,
                                       pos or QPoint())
    if chosen is None or chosen not in allowed:
        return Stated()
    return Stated(Relationship(new_id(), chosen, parent.id, child.id))


def leaving_commands(editor: Editor, view: View, old_parent: str | None, node_id: str,
                     new_parent: str | None) -> list[Command]:
    """When ``node_id`` leaves the element ``old_parent`` (for a place outside it),
    ask whether to delete each relationship the nesting showed (from the parent's
    element to the child's, drawn nowhere on the view); the deletions asked for."""
    if not is_element_parent(view, old_parent):
        return []
    assert old_parent is not None
    inside = new_parent
    while inside is not None:  # still somewhere inside the old parent: nothing is lost
        if inside == old_parent:
            return []
        inside = view.nodes[inside].parent if inside in view.nodes else None
    shown = shown_by_nesting(editor.model, view, old_parent, node_id)
    if not shown or editor.confirm is None:
        return []
    model = editor.model
    commands: list[Command] = []
    for rel in shown:
        source, target = model.element(rel.source).name, model.element(rel.target).name
        if editor.confirm(
                _t("Moved out of its parent"),
                _t("‘{child}’ is no longer drawn inside ‘{parent}’. Delete the {type} "
                   "relationship from ‘{parent}’ to ‘{child}’ that the nesting showed?",
                   child=target, parent=source, type=_label(rel.type)),
                _t("Delete removes the relationship from the model, everywhere. Cancel "
                   "keeps it (it stays in the model tree).")):
            commands.append(UnrelateCommand(rel.id))
    return commands


def entering(editor: Editor, view: View, parent: str | None,
             box: tuple[int, int, int, int], child: Element | None, child_is_new: bool,
             pos: QPoint | None = None, moving: set[str] | None = None
             ) -> tuple[tuple[int, int, int, int], list[Command], Stated]:
    """What nesting ``child`` (at ``box``) into ``parent`` takes when the parent is an
    element: the box moved inside it, the commands that grow it, and the relationship
    the nesting states (asked as the nesting mode says; none for a note or group,
    ``child`` None). Nothing for a band or group as the parent."""
    if not is_element_parent(view, parent):
        return box, [], Stated()
    assert parent is not None
    box = fit_inside(view.nodes[parent], box)
    grow = grow_commands(view, parent, box, moving)
    outer = editor.model.element(view.nodes[parent].element_id or "")
    if child is None or outer.id == child.id:
        return box, grow, Stated()
    return box, grow, relationship_for(editor, outer, child, child_is_new, pos)


def relate_command(stated: Stated) -> list[Command]:
    return [RelateCommand(stated.relationship)] if stated.relationship is not None else []


def stated_message(model, stated: Stated) -> str | None:
    """What the status bar says about the relationship a nesting stated."""
    rel = stated.relationship
    if rel is None:
        return None
    return _t("Nested: {type} from ‘{parent}’ to ‘{child}’", type=_label(rel.type),
              parent=model.element(rel.source).name if model.has_element(rel.source) else "",
              child=model.element(rel.target).name if model.has_element(rel.target) else "")
