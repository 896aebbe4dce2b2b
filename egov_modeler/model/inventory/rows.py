"""The model read as inventory tables: which elements are objects and tasks, which
relationships are connections, and the value of each field for each of them.

Why values can be *derived*: some columns have an answer in the model even when the
property was never typed. A work package's lead unit is the agency assigned to it; an
element dragged from the catalog has the component's kind, owner and scope. The tables and
the workbook show that answer, and an import compares a cell with what was shown, so a
workbook written and read back changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..catalog.catalog import Catalog
from ..concepts import Element, Relationship
from ..model import Model
from .schema import (
    CONNECTIONS,
    MULTI_SEPARATOR,
    OBJECTS,
    WORK,
    FieldSpec,
    InventorySchema,
    property_value,
)

#: Relationship types by which a plateau holds the elements of its state.
PLATEAU_MEMBERSHIP = ("Aggregation", "Composition")
#: Relationship types that tie a task to the objects it concerns (it realizes the new one,
#: is associated with the old ones).
TASK_LINKS = ("Realization", "Association")


def model_catalog(model: Model) -> Catalog | None:
    """The model's profile catalog, or ``None`` when its profile is not loaded."""
    from ..catalog import catalog_for
    from ..catalog.registry import UnknownProfileError

    try:
        return catalog_for(model)
    except UnknownProfileError:
        return None


class Inventory:
    """One model's inventory: rows, values and the links a task row shows."""

    def __init__(self, model: Model, schema: InventorySchema | None = None) -> None:
        self.model = model
        self.schema = schema or InventorySchema(model_catalog(model))

    # ------------------------------------------------------------------ rows
    def objects(self) -> list[Element]:
        """Systems, databases, platforms, services and infrastructure, in model order."""
        return [e for e in self.model.elements if self.schema.in_group(OBJECTS, e.type)]

    def tasks(self) -> list[Element]:
        """Work packages and deliverables: the rows of the gap-to-task plan."""
        return [e for e in self.model.elements if self.schema.in_group(WORK, e.type)]

    def connections(self) -> list[Relationship]:
        """Relationships of a connection type between two objects."""
        objects = {e.id for e in self.objects()}
        return [r for r in self.model.relationships
                if self.schema.in_group(CONNECTIONS, r.type)
                and r.source in objects and r.target in objects]

    def is_object(self, concept_id: str) -> bool:
        model = self.model
        return model.has_element(concept_id) and self.schema.in_group(
            OBJECTS, model.element(concept_id).type)

    # ------------------------------------------------------------------ values
    def value(self, concept: Element | Relationship, spec: FieldSpec) -> str | None:
        """The field's value: the property when set, else what the model implies."""
        own = property_value(concept.properties, spec.property)
        if own is not None and own.strip():
            return own
        return self.derived(concept, spec)

    def derived(self, concept: Element | Relationship, spec: FieldSpec) -> str | None:
        """What the model says for a field the concept has no property for."""
        if not isinstance(concept, Element):
            return None
        default_from = spec.option("default_from")
        if default_from == "assignment":
            names = [a.name for a in self.assigned(concept)]
            return MULTI_SEPARATOR.join(names) if names else None
        catalog = self.schema.catalog
        component = catalog.find_component(concept.catalog_ref) if catalog else None
        if default_from == "component.owner" and component is not None:
            return component.owner or None
        if default_from == "component.scope" and component is not None and component.scope:
            value = catalog.scope_value(component.scope) if catalog else component.scope
            found = spec.choice(value or "")
            return found.vi if found else None
        default = spec.option("default")
        if isinstance(default, dict):
            choice_id = None
            by_component = default.get("by_component") or {}
            if catalog is not None and concept.catalog_ref and isinstance(by_component, dict):
                for ancestor in catalog.lineage(concept.catalog_ref):
                    choice_id = by_component.get(ancestor)
                    if choice_id:
                        break
            by_type = default.get("by_archimate_type") or {}
            if choice_id is None and isinstance(by_type, dict):
                choice_id = by_type.get(concept.type)
            found = spec.choice(choice_id) if isinstance(choice_id, str) else None
            return found.vi if found else None
        return None

    def values(self, concept: Element | Relationship) -> dict[str, str]:
        """Every field's value for ``concept`` (fields with no value left out), by id."""
        out = {}
        for spec in self.schema.fields_for(concept.type):
            value = self.value(concept, spec)
            if value:
                out[spec.id] = value
        return out

    # ------------------------------------------------------------------ links
    def assigned(self, task: Element) -> list[Element]:
        """The business actors assigned to ``task`` (its lead units when not typed)."""
        model = self.model
        return [model.element(r.source) for r in model.relationships_of(task.id)
                if r.type == "Assignment" and r.target == task.id
                and model.has_element(r.source)
                and model.element(r.source).type in ("BusinessActor", "BusinessRole")]

    def task_objects(self, task: Element) -> list[Element]:
        """The objects a task concerns: those it realizes or is associated with."""
        return list(_unique(self._linked(task, TASK_LINKS, self.is_object)))

    def task_gaps(self, task: Element) -> list[Element]:
        """The gaps a task answers (associated with it)."""
        model = self.model
        return list(_unique(self._linked(task, ("Association",), lambda i: (
            model.has_element(i) and model.element(i).type == "Gap"))))

    def _linked(self, element: Element, types: Iterable[str], wanted) -> Iterable[Element]:
        types = tuple(types)
        for rel in self.model.relationships_of(element.id):
            if rel.type not in types:
                continue
            other = rel.target if rel.source == element.id else rel.source
            if other != element.id and wanted(other):
                yield self.model.element(other)

    def name_of(self, concept_id: str, language: str | None = None) -> str:
        """An element's name in ``language`` (its main name when it has none there)."""
        if self.model.has_element(concept_id):
            element = self.model.element(concept_id)
            return element.name_in(language) if language else element.name
        return concept_id


def _unique(items: Iterable[Element]) -> Iterable[Element]:
    seen: set[str] = set()
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            yield item


def plateau_members(model: Model, plateau_id: str) -> list[str]:
    """The ids of the elements a plateau holds (aggregates or composes), in model order."""
    found = {r.target for r in model.relationships_of(plateau_id)
             if r.source == plateau_id and r.type in PLATEAU_MEMBERSHIP
             and model.has_element(r.target)}
    return [e.id for e in model.elements if e.id in found]


def plateaus(model: Model) -> list[Element]:
    """Every plateau (hiện trạng, chuyển tiếp, mục tiêu...) of the model."""
    return [e for e in model.elements if e.type == "Plateau"]


def objects_of(model: Model, ids: Iterable[str]) -> list[Element]:
    return [model.element(i) for i in ids if model.has_element(i)]


__all__ = ["WORK", "Inventory", "model_catalog", "objects_of", "plateau_members", "plateaus"]
