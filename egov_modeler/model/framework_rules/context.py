"""What every framework check works with: the model seen through the catalog.

:class:`CheckContext` answers, once per run, the questions the checks ask of an element
(its catalog lineage, layer, scope) and of the model (neighbours, elements of a
component); :func:`finding` turns a rule and the ids it speaks of into a
:class:`~egov_modeler.model.problems.Problem` in the current language.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any

from ...i18n import current_language
from ..catalog import PROP_SCOPE, Catalog, FrameworkRule
from ..concepts import Element
from ..problems import Problem, Severity

_MISSING = object()


def property_value(element: Element, key: str) -> str | None:
    """The element's property ``key`` (the first one), or ``None``."""
    for k, value in element.properties:
        if k == key:
            return value
    return None


class CheckContext:
    """What the checks need to know about a model, computed once per run."""

    def __init__(self, model: Any, catalog: Catalog) -> None:
        self.model = model
        self.catalog = catalog
        self._lineage: dict[str, frozenset[str]] = {}
        self._scopes: dict[str, object] = {}
        self._provincial: bool | None = None

    def element(self, item_id: str) -> Element | None:
        return self.model.element(item_id) if self.model.has_element(item_id) else None

    def lineage(self, element: Element) -> frozenset[str]:
        if not element.catalog_ref:
            return frozenset()
        found = self._lineage.get(element.catalog_ref)
        if found is None:
            found = frozenset(self.catalog.lineage(element.catalog_ref))
            self._lineage[element.catalog_ref] = found
        return found

    def is_a(self, element: Element, component_ids: Iterable[str]) -> bool:
        return not self.lineage(element).isdisjoint(component_ids)

    def layer_of(self, element: Element) -> str | None:
        if element.layer:
            return element.layer
        component = self.catalog.find_component(element.catalog_ref)
        return component.layer if component else None

    def scope_of(self, element: Element) -> str | None:
        for component_id in self.catalog.lineage(element.catalog_ref or ""):
            component = self.catalog.find_component(component_id)
            if component and component.scope:
                return component.scope
        return None

    def effective_scope(self, element: Element) -> str | None:
        """The administrative level an element belongs to, as the profile's checks read it.

        In a profile with ``scope_levels``: the element's own ``Phạm vi`` when it names
        one level (aliases such as "cấp huyện" count), else the nearest ``scope`` of its
        catalog lineage, else its ``Phạm vi`` as typed, else ``tỉnh`` in a provincial
        model. Without scope levels (the 2.0 profile): the catalog lineage only, as before.
        """
        if not self.catalog.scope_levels:
            return self.scope_of(element)
        cached = self._scopes.get(element.id, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        own = self.catalog.scope_value(property_value(element, PROP_SCOPE))
        values = {level.value for level in self.catalog.scope_levels}
        if own in values:
            scope: str | None = own
        else:
            scope = self.scope_of(element) or own
            if scope is None and self.provincial():
                scope = "tỉnh"
        self._scopes[element.id] = scope
        return scope

    def provincial(self) -> bool:
        """Whether the model is a provincial architecture (computed once per run)."""
        if self._provincial is None:
            from .provincial import is_provincial

            self._provincial = is_provincial(self.model, self.catalog)
        return self._provincial

    def layer_name(self, layer_id: str | None) -> str:
        if layer_id and self.catalog.has_layer(layer_id):
            return self.catalog.layer(layer_id).name()
        return layer_id or "?"

    def cross_cutting(self) -> set[str]:
        return {layer.id for layer in self.catalog.layers if layer.cross_cutting}

    def band_layers(self) -> set[str]:
        """Layers judged by the layer rules: overview bands (not cross-cutting) and external."""
        return {layer.id for layer in self.catalog.layers
                if layer.kind in ("overview", "external") and not layer.cross_cutting}

    def elements_of(self, component_ids: Iterable[str]) -> list[Element]:
        wanted = set(component_ids)
        return [e for e in self.model.elements if self.is_a(e, wanted)]

    def neighbours(self, element_id: str, types: set[str] | None = None,
                   directed: bool = False) -> list[str]:
        """Ids related to ``element_id`` (outgoing only when ``directed``)."""
        found: list[str] = []
        for rel in self.model.relationships_of(element_id):
            if types is not None and rel.type not in types:
                continue
            if rel.source == element_id:
                found.append(rel.target)
            elif not directed:
                found.append(rel.source)
        return found


def element_name(element: Element) -> str:
    """The element's name in the language of the messages."""
    return element.name_in(current_language())


def relationship_label(rel_type: str) -> str:
    """A relationship type as the user reads it ("Luồng" in Vietnamese, "Flow" in English),
    so rule messages do not mix English type names into Vietnamese sentences."""
    from ..metamodel import RELATIONSHIP_TYPES

    known = RELATIONSHIP_TYPES.get(rel_type)
    return known.label if known else rel_type


def finding(rule: FrameworkRule, ids: Iterable[str], **fields: object) -> Problem:
    """The problem ``rule`` reports about ``ids``, its message filled with ``fields``."""
    return Problem(Severity(rule.severity), rule.id,
                   rule.message(current_language(), **fields), tuple(ids))


def reaches(ctx: CheckContext, start: Element, targets: list[str], platforms: list[str],
            types: set[str], directed: bool) -> bool:
    """True when ``start`` reaches an element of ``targets`` directly or through platforms."""
    seen = {start.id}
    queue = deque([start.id])
    while queue:
        current = queue.popleft()
        for other_id in ctx.neighbours(current, types, directed):
            if other_id in seen:
                continue
            seen.add(other_id)
            other = ctx.element(other_id)
            if other is None:
                continue
            if ctx.is_a(other, targets):
                return True
            if ctx.is_a(other, platforms):
                queue.append(other_id)
    return False
