"""Which types an element may be changed to: those that keep every relationship it has
valid under the ArchiMate table (what :class:`~.commands.RetypeElementCommand` checks).

The window offers only these, so a "Change type" never ends in a refusal; when none is
left it says why (:func:`no_retype_reason`).
"""

from __future__ import annotations

from ..i18n import tr
from .metamodel import ELEMENT_TYPES
from .model import Model
from .rules import RELATIONSHIP_CONCEPT, can_relate


def retype_options(model: Model, element_id: str) -> list[str]:
    """The element types ``element_id`` may take, in the notation's order, without its
    own. A junction may only become the other junction; an element never a junction."""
    element = model.element(element_id)
    own = ELEMENT_TYPES.get(element.type)
    is_junction = own is not None and own.is_junction
    relationships = model.relationships_of(element_id)

    def type_of(concept_id: str, new_type: str) -> str:
        if concept_id == element_id:
            return new_type
        if model.has_element(concept_id):
            return model.element(concept_id).type
        return RELATIONSHIP_CONCEPT

    return [name for name, etype in ELEMENT_TYPES.items()
            if name != element.type and etype.is_junction == is_junction
            and all(can_relate(type_of(r.source, name), r.type, type_of(r.target, name))
                    for r in relationships)]


def no_retype_reason(model: Model, element_id: str) -> str:
    """Why ``element_id`` can take no other type: its relationships allow none."""
    element = model.element(element_id)
    count = len(model.relationships_of(element_id))
    return tr("No other type keeps the {count} relationship(s) of ‘{name}’ valid; delete or "
              "change the relationships first", count=count, name=element.name)
