"""What nesting one element inside another says, as Archi reads it.

Why a module of its own: on a diagram, an element drawn inside another states a
relationship from the outer (parent) element to the inner (child) one without a line,
as Archi and the ArchiMate specification's "nesting" notation do. Which relationships a
nesting may state, and which existing relationship a nesting shows, are rules about the
model: the canvas asks here and never decides them itself.

- :func:`nesting_types`: the relationship types to offer when a child is nested, those
  the ArchiMate table allows for the pair among the ones nesting can state (structural
  relationships and specialization), the framework's suggestion first.
- :func:`shown_by_nesting`: the relationships from parent to child that a nesting shows
  (none of them drawn as a line on the view), the ones to ask about when the child is
  moved out.

Pure Python; the window asks the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .rules import allowed_relationship_types

if TYPE_CHECKING:
    from .concepts import Relationship
    from .model import Model
    from .views import View

__all__ = ["NESTING_TYPES", "already_related", "nesting_types", "shown_by_nesting"]

#: The relationships a nesting can state, strongest first (ArchiMate 3.1, section 5.6:
#: nesting shows composition, aggregation, assignment, realization or specialization).
NESTING_TYPES = ("Composition", "Aggregation", "Assignment", "Realization", "Specialization")


def nesting_types(parent_type: str, child_type: str, suggested: str | None = None) -> list[str]:
    """The relationship types from a ``parent_type`` element to a ``child_type`` element
    that nesting the second into the first may state: those of :data:`NESTING_TYPES` the
    ArchiMate table allows, in that order, and the framework's ``suggested`` type (when
    the table allows it) first. Empty when none may."""
    allowed = allowed_relationship_types(parent_type, child_type)
    offered = [t for t in NESTING_TYPES if t in allowed]
    if suggested and suggested in allowed:
        if suggested in offered:
            offered.remove(suggested)
        offered.insert(0, suggested)
    return offered


def already_related(model: Model, parent_element: str, child_element: str) -> bool:
    """True when some relationship already goes from the parent's element to the
    child's: the nesting shows it, nothing new to offer."""
    return any(rel.source == parent_element and rel.target == child_element
               for rel in model.relationships_of(parent_element))


def shown_by_nesting(model: Model, view: View, parent_node: str,
                     child_node: str) -> list[Relationship]:
    """The relationships from the parent node's element to the child node's element that
    the nesting of one into the other shows on ``view``: those not also drawn as a line
    between two of their placements there. Moving the child out leaves them unseen on
    this view, so the window asks whether to delete them."""
    parent = view.nodes.get(parent_node)
    child = view.nodes.get(child_node)
    if parent is None or child is None or not parent.element_id or not child.element_id:
        return []
    drawn = {c.relationship_id for c in view.connections.values() if c.relationship_id}
    return [rel for rel in model.relationships_of(parent.element_id)
            if rel.source == parent.element_id and rel.target == child.element_id
            and rel.id not in drawn]
