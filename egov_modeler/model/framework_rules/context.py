"""What every framework check works with: the model seen through the catalog.

:class:`CheckContext` answers, once per run, the questions the checks ask of an element
(its catalog lineage, layer, scope) and of the model (neighbours, elements of a
component, which elements reach a platform); :func:`finding` turns a rule and the ids it
speaks of into a :class:`~egov_modeler.model.problems.Problem` in the current language.

Validation must stay linear in the size of the model (issue 19: a 20,000-element model
validated in one second, growing faster than linearly). So the context files every element
once by component, layer and order (:meth:`CheckContext.index`) instead of scanning the
model for each question, keeps per-element answers, and computes each reachability
question once for every start (:mod:`.reachability`). The incremental validator keeps one
context alive across edits and tells it what changed (:meth:`CheckContext.forget`,
:meth:`CheckContext.file`, :meth:`CheckContext.unfile`). :data:`WORK` counts what was
done (:mod:`.work`), so tests can hold the growth to linear without timing anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ...i18n import current_language
from ..catalog import PROP_SCOPE, Catalog, FrameworkRule
from ..concepts import Element
from ..metamodel import RELATIONSHIP_TYPES
from ..problems import Problem, Severity
from .level import model_level
from .reachability import LINK, Reach, ViaReach
from .work import WORK

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
        self._layers: dict[str, str | None] = {}
        self._scopes: dict[str, object] = {}
        self._component_scopes: dict[str, object] = {}
        self._typed_scopes: dict[str | None, object] = {}
        self._memos: dict[object, dict[str, Any]] = {}
        #: Elements an edit removed, as they were (type and layer only), while the
        #: incremental validator judges what the edit touched.
        self.gone: dict[str, Element] = {}
        self._provincial: bool | None = None
        self._reaches: dict[tuple[Any, ...], Reach | ViaReach] = {}
        self._indexed = False
        #: component id -> the elements whose lineage holds it (id -> element).
        self._by_component: dict[str, dict[str, Element]] = {}
        #: layer (as :meth:`layer_of` reads it) -> number of elements.
        self._layer_count: Counter[str | None] = Counter()
        #: element id -> its place in the model's order (for findings naming several).
        self._order: dict[str, int] = {}
        #: element id -> (lineage, layer, provincial-only component) it is filed under.
        self._filed: dict[str, tuple[frozenset[str], str | None, bool]] = {}
        self._next_order = 0
        self._provincial_elements = 0

    # ------------------------------------------------------------------ one element
    def element(self, item_id: str) -> Element | None:
        return self.model.find_element(item_id)

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
        found = self._layers.get(element.id, _MISSING)
        if found is _MISSING:
            if element.layer:
                found = element.layer
            else:
                component = self.catalog.find_component(element.catalog_ref)
                found = component.layer if component else None
            self._layers[element.id] = found
        return found  # type: ignore[return-value]

    def layers_of(self, elements: list[Element]) -> list[str | None]:
        """:meth:`layer_of` of each of ``elements``, for a whole model at once (after
        :meth:`index` each is one look-up, without a call per element, issue 19)."""
        known = self._layers.get
        found = [known(e.id, _MISSING) for e in elements]
        if _MISSING in found:
            layer_of = self.layer_of
            found = [layer_of(e) if layer is _MISSING else layer
                     for e, layer in zip(elements, found, strict=True)]
        return found  # type: ignore[return-value]

    def scope_of(self, element: Element) -> str | None:
        """The nearest ``scope`` of the element's catalog lineage."""
        ref = element.catalog_ref or ""
        found = self._component_scopes.get(ref, _MISSING)
        if found is _MISSING:
            found = None
            for component_id in self.catalog.lineage(ref):
                component = self.catalog.find_component(component_id)
                if component and component.scope:
                    found = component.scope
                    break
            self._component_scopes[ref] = found
        return found  # type: ignore[return-value]

    def _scope_value(self, text: str | None) -> str | None:
        found = self._typed_scopes.get(text, _MISSING)
        if found is _MISSING:
            found = self._typed_scopes[text] = self.catalog.scope_value(text)
        return found  # type: ignore[return-value]

    def effective_scope(self, element: Element) -> str | None:
        """The administrative level an element belongs to, as the profile's checks read it.

        In a profile with ``scope_levels``: the element's own ``Phạm vi`` when it names
        one level (aliases such as "cấp huyện" count), else the nearest ``scope`` of its
        catalog lineage, else its ``Phạm vi`` as typed, else ``tỉnh`` in a provincial
        model. Without scope levels (the 2.0 profile): the catalog lineage only, as before.
        """
        cached = self._scopes.get(element.id, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        if not self.catalog.scope_levels:
            scope: str | None = self.scope_of(element)
        else:
            # every element is asked (the two-tier check): the look-ups written out
            text = property_value(element, PROP_SCOPE) if element.properties else None
            typed = self._typed_scopes.get(text, _MISSING)
            own: str | None = (self._scope_value(text) if typed is _MISSING
                               else typed)  # type: ignore[assignment]
            if own is not None and own in self._scope_values():
                scope = own
            else:
                of_component = self._component_scopes.get(element.catalog_ref or "", _MISSING)
                scope = (self.scope_of(element) if of_component is _MISSING
                         else of_component) or own  # type: ignore[assignment]
                if scope is None and self.provincial():
                    scope = "tỉnh"
        self._scopes[element.id] = scope
        return scope

    def effective_scopes(self, elements: list[Element]) -> list[str | None]:
        """:meth:`effective_scope` of each of ``elements``, in bulk for a whole model
        (issue 19: 20,000 elements, asked by the two-tier check). What it reads of an
        element is its ``Phạm vi`` as typed and its catalog reference, beside the model's
        level and catalog: it is worked out once for each pair."""
        scopes = self._scopes
        of_pair: dict[tuple[str | None, str | None], str | None] = {}
        found: list[str | None] = []
        for element in elements:
            scope = scopes.get(element.id, _MISSING)
            if scope is _MISSING:
                pair = (property_value(element, PROP_SCOPE) if element.properties else None,
                        element.catalog_ref)
                scope = of_pair.get(pair, _MISSING)
                if scope is _MISSING:
                    scope = of_pair[pair] = self.effective_scope(element)
                else:
                    scopes[element.id] = scope
            found.append(scope)  # type: ignore[arg-type]
        return found

    def _scope_values(self) -> frozenset[str]:
        found = self.__dict__.get("_values")
        if found is None:
            found = frozenset(level.value for level in self.catalog.scope_levels)
            self.__dict__["_values"] = found
        return found

    def memo(self, tag: object) -> dict[str, Any]:
        """A place for a check to keep its answers per element id (``tag`` names the
        question, e.g. the rule); :meth:`forget` clears an element's answers."""
        found = self._memos.get(tag)
        if found is None:
            found = self._memos[tag] = {}
        return found

    def forget(self, element_id: str) -> None:
        """Drop what was worked out about ``element_id`` (it changed or went)."""
        self._layers.pop(element_id, None)
        self._scopes.pop(element_id, None)
        for answers in self._memos.values():
            answers.pop(element_id, None)

    # ------------------------------------------------------------------ the model
    def provincial(self) -> bool:
        """Whether the model is a provincial architecture (see :mod:`.provincial`)."""
        if self._indexed:
            level = model_level(self.model)
            if level is not None:
                return level
            return self._provincial_elements > 0
        if self._provincial is None:
            from .provincial import is_provincial

            self._provincial = is_provincial(self.model, self.catalog)
        return self._provincial

    def index(self) -> None:
        """File every element by component, layer and order (once; a whole-model run
        starts with it, so each question after it is a look-up)."""
        if self._indexed:
            return
        self._indexed = True
        # :meth:`file` for every element in one loop, what a catalog reference gives
        # (lineage, the component's layer, provincial-only or not) worked out once per
        # reference: 20,000 elements share a few dozen of them (issue 19)
        of_reference: dict[str | None, tuple[frozenset[str], str | None, bool]] = {}
        order, filed, layers = self._order, self._filed, self._layers
        by_component = self._by_component
        layer_count: dict[str | None, int] = {}
        find_component = self.catalog.find_component
        next_order, provincial_elements = self._next_order, 0
        for element in self.model.elements:
            element_id = element.id
            ref = element.catalog_ref
            known = of_reference.get(ref)
            if known is None:
                component = find_component(ref)
                known = of_reference[ref] = (
                    self.lineage(element), component.layer if component else None,
                    component is not None and component.scope == "tỉnh")
            lineage, layer, provincial = known
            if element.layer and element.layer != layer:
                layer = element.layer
                filed[element_id] = (lineage, layer, provincial)
            else:
                filed[element_id] = known  # the reference's own, shared
            if element_id not in order:
                order[element_id] = next_order
                next_order += 1
            layers[element_id] = layer
            for component_id in lineage:
                bucket = by_component.get(component_id)
                if bucket is None:
                    bucket = by_component[component_id] = {}
                bucket[element_id] = element
            layer_count[layer] = layer_count.get(layer, 0) + 1
            provincial_elements += provincial
        self._next_order = next_order
        self._provincial_elements += provincial_elements
        self._layer_count.update(layer_count)

    def file(self, element: Element) -> None:
        """File ``element`` (new, or changed after :meth:`unfile`)."""
        if element.id not in self._order:
            self._order[element.id] = self._next_order
            self._next_order += 1
        lineage = self.lineage(element)
        layer = self.layer_of(element)
        component = self.catalog.find_component(element.catalog_ref)
        provincial = component is not None and component.scope == "tỉnh"
        self._filed[element.id] = (lineage, layer, provincial)
        for component_id in lineage:
            self._by_component.setdefault(component_id, {})[element.id] = element
        self._layer_count[layer] += 1
        self._provincial_elements += provincial

    def unfile(self, element_id: str, removed: bool) -> None:
        """Take ``element_id`` out of the index (it changed, or was removed)."""
        filed = self._filed.pop(element_id, None)
        if filed is not None:
            lineage, layer, provincial = filed
            for component_id in lineage:
                bucket = self._by_component.get(component_id)
                if bucket is not None:
                    bucket.pop(element_id, None)
            self._layer_count[layer] -= 1
            self._provincial_elements -= provincial
        if removed:
            self._order.pop(element_id, None)
        self.forget(element_id)

    def filed_lineage(self, element_id: str) -> frozenset[str] | None:
        """The lineage ``element_id`` was filed under (before a change), or ``None``."""
        filed = self._filed.get(element_id)
        return filed[0] if filed is not None else None

    def elements_of(self, component_ids: Iterable[str]) -> list[Element]:
        """The elements of any of the components (or their descendants), in model order."""
        if not self._indexed:
            wanted = set(component_ids)
            return [e for e in self.model.elements if self.is_a(e, wanted)]
        found: dict[str, Element] = {}
        for component_id in component_ids:
            found.update(self._by_component.get(component_id) or {})
        order = self._order
        return sorted(found.values(), key=lambda e: order[e.id])

    def has_elements_of(self, component_ids: Iterable[str]) -> bool:
        self.index()
        return any(self._by_component.get(c) for c in component_ids)

    def has_layer(self, layers: Iterable[str]) -> bool:
        """Whether any element belongs to one of ``layers``."""
        self.index()
        return any(self._layer_count.get(layer, 0) > 0 for layer in layers)

    def layer_name(self, layer_id: str | None) -> str:
        if layer_id and self.catalog.has_layer(layer_id):
            return self.catalog.layer(layer_id).name()
        return layer_id or "?"

    def cross_cutting(self) -> set[str]:
        found = self.__dict__.get("_cross")
        if found is None:
            found = {layer.id for layer in self.catalog.layers if layer.cross_cutting}
            self.__dict__["_cross"] = found
        return found

    def band_layers(self) -> set[str]:
        """Layers judged by the layer rules: overview bands (not cross-cutting) and external."""
        found = self.__dict__.get("_bands")
        if found is None:
            found = {layer.id for layer in self.catalog.layers
                     if layer.kind in ("overview", "external") and not layer.cross_cutting}
            self.__dict__["_bands"] = found
        return found

    def neighbours(self, element_id: str, types: Iterable[str] | None = None,
                   directed: bool = False) -> list[str]:
        """Ids related to ``element_id`` (outgoing only when ``directed``)."""
        found: list[str] = []
        relationships = self.model.relationships_of(element_id)
        WORK.add(len(relationships))
        for rel in relationships:
            if types is not None and rel.type not in types:
                continue
            if rel.source == element_id:
                found.append(rel.target)
            elif not directed:
                found.append(rel.source)
        return found

    def related(self, element_id: str) -> list[str]:
        """Ids related to ``element_id`` in either direction, by any relationship (each
        once per direction; for questions where how often does not matter)."""
        found: list[str] = self.model.related_ids(element_id)
        WORK.add(len(found))
        return found

    def reach(self, targets: Iterable[str], platforms: Iterable[str], types: Iterable[str],
              directed: bool) -> Reach:
        """Which elements reach one of ``targets`` directly or through ``platforms``
        (worked out once per run for every start)."""
        key = ("reach", tuple(targets), tuple(platforms), frozenset(types), directed)
        found = self._reaches.get(key)
        if found is None:
            found = Reach(self, key[1], key[2], key[3], directed)
            self._reaches[key] = found
        assert isinstance(found, Reach)
        return found

    def reach_via(self, params: Any) -> ViaReach:
        """Which elements reach ``to`` through ``via`` (the ``linked_via`` check)."""
        key = ("via", tuple(params["to"]), tuple(params["via"]),
               tuple(params.get("platforms", [])),
               frozenset(params.get("relationship_types") or LINK),
               bool(params.get("directed", False)))
        found = self._reaches.get(key)
        if found is None:
            found = ViaReach(self, key[1], key[2], key[3], key[4], key[5])
            self._reaches[key] = found
        assert isinstance(found, ViaReach)
        return found

    def reaches_made(self) -> list[Reach | ViaReach]:
        """Every reachability worked out so far (the incremental validator updates them)."""
        return list(self._reaches.values())


def element_name(element: Element) -> str:
    """The element's name in the language of the messages."""
    return element.name_in(current_language())


def relationship_label(rel_type: str) -> str:
    """A relationship type as the user reads it ("Luồng" in Vietnamese, "Flow" in English),
    so rule messages do not mix English type names into Vietnamese sentences."""
    known = RELATIONSHIP_TYPES.get(rel_type)
    return known.label if known else rel_type


def finding(rule: FrameworkRule, ids: Iterable[str], **fields: object) -> Problem:
    """The problem ``rule`` reports about ``ids``, its message filled with ``fields``."""
    return Problem(Severity(rule.severity), rule.id,
                   rule.message(current_language(), **fields), tuple(ids))


def reaches(ctx: CheckContext, start: Element, targets: list[str], platforms: list[str],
            types: set[str], directed: bool) -> bool:
    """True when ``start`` reaches an element of ``targets`` directly or through platforms."""
    return ctx.reach(targets, platforms, types, directed).reaches(start)
