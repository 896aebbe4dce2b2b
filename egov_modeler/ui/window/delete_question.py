"""The question asked before deleting from the model, wherever the delete starts (the
diagram's Ctrl+Delete, the model tree's Delete): what goes, which views show it, which
relationships go with it.

One copy of the wording, so the architect reads the same question from both places.
"""

from __future__ import annotations

from ...model.metamodel import RELATIONSHIP_TYPES
from ...model.model import Model
from ...model.views import View
from ..translator import qtr


def delete_from_model_question(model: Model, element_ids: list[str],
                               relationship_ids: list[str],
                               view: View | None = None) -> tuple[str, str]:
    """``(question, details)`` for deleting these elements and relationships from the
    model. ``view`` is the diagram the delete starts from: the details then name the
    *other* views and what nested in the elements stays on this one."""
    names = [model.element(e).name for e in element_ids]
    for rel_id in relationship_ids:
        rel = model.relationship(rel_id)
        rtype = RELATIONSHIP_TYPES.get(rel.type)
        names.append(rel.name or (qtr(rtype.label_en) if rtype else rel.type))
    text = qtr("Delete {count} element(s) from the model: {names}?").format(
        count=len(element_ids) + len(relationship_ids), names=", ".join(names))
    concept_ids = [*element_ids, *relationship_ids]
    shown = sorted({v.name for c in concept_ids for v in model.views_showing(c)
                    if view is None or v.id != view.id})
    if view is not None:
        details = (qtr("They are also shown in these views: {views}.").format(
            views=", ".join(shown)) if shown else qtr("No other view shows them."))
    else:
        details = (qtr("They are shown in these views: {views}.").format(
            views=", ".join(shown)) if shown else qtr("No view shows them."))
    going = {r.id for e in element_ids for r in model.relationships_of(e)}
    going -= set(relationship_ids)
    if going:
        details += " " + qtr("{count} relationship(s) of theirs are deleted too.").format(
            count=len(going))
    if view is not None:
        nested = {child.id for n in view.nodes.values() if n.element_id in element_ids
                  for child in view.children(n.id) if child.element_id not in element_ids}
        if nested:
            details += " " + qtr("The {count} element(s) nested in them stay on this "
                                 "view.").format(count=len(nested))
    return text, details
