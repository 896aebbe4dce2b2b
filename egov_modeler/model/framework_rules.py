"""The framework rules of the catalog, run as a :class:`~egov_modeler.model.rules.RuleProvider`.

Each rule in the catalog's ``rules`` list names a *check* (``layer_matrix``,
``national_database_via_platform``, ...) and carries that check's parameters, its severity,
its Vietnamese and English message and its legal source. The code here knows how to run a
check; *which* layers may serve which, *which* components are national databases or LGSPs,
lives in the data, so correcting the framework's facts never needs a code change.

Elements are recognised by ``catalog_ref`` (and its ancestors through ``parent``, so a
province's own "LGSP Gia Lai" component with ``"parent": "i_lgsp_tinh"`` counts as an LGSP)
and by ``layer``. An element without ``catalog_ref`` is judged by its ``layer`` where a rule
only needs the layer, and left alone otherwise.

Provincial completeness checks (``province_*``) apply to a *provincial architecture*:

* the model property (or metadata key) ``architecture_level`` is ``province``/``tỉnh``
  -> they apply; ``national``/``ministry``/``quốc gia``/``bộ`` -> they do not;
* without that property, they apply when at least one element comes from a catalog
  component whose ``scope`` is exactly ``tỉnh`` (a provincial-only system such as the
  provincial LGSP or Cổng DVC cấp tỉnh).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..i18n import current_language
from .catalog import Catalog, FrameworkRule, active_catalog
from .concepts import Element
from .metamodel import ELEMENT_TYPES, ArchiMateLayer
from .problems import Problem, Severity
from .rules import register_rule_provider

__all__ = [
    "CHECKS",
    "PROVINCE_LEVELS",
    "FrameworkRuleProvider",
    "check_node_in_band",
    "default_provider",
    "ensure_framework_rules",
    "is_provincial",
]

log = logging.getLogger(__name__)

PROVINCE_LEVELS = ("province", "provincial", "tỉnh", "cấp tỉnh")
OTHER_LEVELS = ("national", "ministry", "quốc gia", "bộ", "cấp bộ")
LEVEL_KEY = "architecture_level"
_TECHNOLOGY = {ArchiMateLayer.TECHNOLOGY, ArchiMateLayer.PHYSICAL}


# ------------------------------------------------------------------------- context

class _Context:
    """What the checks need to know about a model, computed once per run."""

    def __init__(self, model: Any, catalog: Catalog) -> None:
        self.model = model
        self.catalog = catalog
        self._lineage: dict[str, frozenset[str]] = {}

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


def _name(element: Element) -> str:
    """The element's name in the language of the messages."""
    return element.name_in(current_language())


def _problem(rule: FrameworkRule, ids: Iterable[str], **fields: object) -> Problem:
    return Problem(Severity(rule.severity), rule.id,
                   rule.message(current_language(), **fields), tuple(ids))


# ------------------------------------------------------------------------- the checks

@dataclass(frozen=True)
class Check:
    """How one kind of rule is checked.

    ``on_relationship`` judges a relationship (about to be drawn, or existing when the whole
    model is validated); ``on_model`` judges the model as a whole. ``params`` lists the
    parameters the rule must give (checked when a catalog is read).
    """

    params: tuple[str, ...] = ()
    on_relationship: Callable[[_Context, FrameworkRule, Element, str, Element, tuple[str, ...]],
                              list[Problem]] | None = None
    on_model: Callable[[_Context, FrameworkRule], list[Problem]] | None = None

    def check_params(self, params: dict[str, Any]) -> str | None:
        """A message for a rule whose parameters are missing, else ``None``."""
        for name in self.params:
            if name not in params:
                return f"missing parameter '{name}'"
        return None


def _layer_matrix(ctx: _Context, rule: FrameworkRule, source: Element, rel_type: str,
                  target: Element, ids: tuple[str, ...]) -> list[Problem]:
    if rel_type not in rule.params["relationship_types"]:
        return []
    src_layer, tgt_layer = ctx.layer_of(source), ctx.layer_of(target)
    # Only the layers the matrix speaks of are judged: a layer a user catalog adds is not
    # forbidden everything just because the built-in matrix does not know it.
    judged = set(rule.params.get("layers") or ctx.band_layers())
    if src_layer not in judged or tgt_layer not in judged:
        return []
    if tgt_layer in rule.params["allowed"].get(src_layer, ()):
        return []
    return [_problem(rule, ids, source_layer=ctx.layer_name(src_layer),
                     target_layer=ctx.layer_name(tgt_layer), source=_name(source),
                     target=_name(target), relationship=rel_type)]


def _is_national_db(ctx: _Context, rule: FrameworkRule, element: Element) -> bool:
    p = rule.params
    return (ctx.scope_of(element) == p["national_scope"] and element.type in p["database_types"]
            and ctx.layer_of(element) == p["database_layer"])


def _national_db(ctx: _Context, rule: FrameworkRule, source: Element, rel_type: str,
                 target: Element, ids: tuple[str, ...]) -> list[Problem]:
    p = rule.params
    if rel_type not in p["relationship_types"]:
        return []
    for local, database in ((source, target), (target, source)):
        if (ctx.scope_of(local) in p["local_scopes"] and not ctx.is_a(local, p["platforms"])
                and _is_national_db(ctx, rule, database)):
            return [_problem(rule, ids, source=_name(local), target=_name(database))]
    return []


def _document_axis(ctx: _Context, rule: FrameworkRule, source: Element, rel_type: str,
                   target: Element, ids: tuple[str, ...]) -> list[Problem]:
    systems = rule.params["document_systems"]
    if (rel_type in rule.params["relationship_types"] and source.id != target.id
            and ctx.is_a(source, systems) and ctx.is_a(target, systems)):
        return [_problem(rule, ids, source=_name(source), target=_name(target))]
    return []


def _cross_cutting(ctx: _Context, rule: FrameworkRule, source: Element, rel_type: str,
                   target: Element, ids: tuple[str, ...]) -> list[Problem]:
    if rel_type not in rule.params["forbidden_types"]:
        return []
    cross = ctx.cross_cutting()
    if ctx.layer_of(source) in cross or ctx.layer_of(target) in cross:
        return [_problem(rule, ids, source=_name(source), target=_name(target),
                         relationship=rel_type)]
    return []


_FLOW = {"Flow", "Triggering"}
_LINK = {"Flow", "Triggering", "Serving", "Access", "Association", "Realization"}


def _reaches(ctx: _Context, start: Element, targets: list[str], platforms: list[str],
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


def _portal_sync(ctx: _Context, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    if not ctx.elements_of(p["national_portal"]):
        return []  # nothing to synchronise with in this model
    systems = [e for e in ctx.elements_of(p["systems"]) if not ctx.is_a(e, p["national_portal"])]
    unsynced = [e for e in systems
                if not _reaches(ctx, e, p["national_portal"], p.get("platforms", []), _FLOW,
                                directed=True)]
    if is_provincial(ctx.model, ctx.catalog) and len(unsynced) == len(systems):
        return []  # the provincial completeness check FW-PROV-DVCQG says it once
    return [_problem(rule, (e.id,), element=_name(e)) for e in unsynced]


def _hosted(ctx: _Context, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    problems: list[Problem] = []
    for element in ctx.model.elements:
        if element.type not in p["application_types"]:
            continue
        if ctx.layer_of(element) not in p["application_layers"]:
            continue
        if not any(_is_infrastructure(ctx, rule, other_id)
                   for other_id in ctx.neighbours(element.id)):
            problems.append(_problem(rule, (element.id,), element=_name(element)))
    return problems


def _is_infrastructure(ctx: _Context, rule: FrameworkRule, element_id: str) -> bool:
    element = ctx.element(element_id)
    if element is None:
        return False
    layer = ctx.layer_of(element)
    if layer is not None and ctx.catalog.has_layer(layer):
        return layer in rule.params["infrastructure_layers"]
    element_type = ELEMENT_TYPES.get(element.type)
    return element_type is not None and element_type.layer in _TECHNOLOGY


def _band_layer(ctx: _Context, rule: FrameworkRule) -> list[Problem]:
    problems: list[Problem] = []
    for view in ctx.model.views:
        for node in view.nodes.values():
            problems.extend(_node_band_problems(ctx, rule, view, node))
    return problems


def _node_band_problems(ctx: _Context, rule: FrameworkRule, view: Any,
                        node: Any) -> list[Problem]:
    if node.element_id is None or not ctx.model.has_element(node.element_id):
        return []
    element = ctx.model.element(node.element_id)
    element_layer = ctx.layer_of(element)
    if element_layer is None or not ctx.catalog.has_layer(element_layer):
        return []
    if ctx.catalog.layer(element_layer).kind == "reference_model":
        return []
    band = _enclosing_band(view, node)
    if band is None or band.layer == element_layer or not ctx.catalog.has_layer(band.layer):
        return []
    return [_problem(rule, (element.id, node.id), element=_name(element),
                     element_layer=ctx.layer_name(element_layer),
                     band_layer=ctx.layer_name(band.layer),
                     view=view.names.get(current_language()) or view.name)]


def _enclosing_band(view: Any, node: Any) -> Any:
    seen: set[str] = set()
    parent_id = node.parent
    while parent_id and parent_id not in seen:
        seen.add(parent_id)
        parent = view.nodes.get(parent_id)
        if parent is None:
            return None
        if parent.kind == "container" and parent.layer:
            return parent
        parent_id = parent.parent
    return None


def _province_has(ctx: _Context, rule: FrameworkRule) -> list[Problem]:
    if not is_provincial(ctx.model, ctx.catalog) or ctx.elements_of(rule.params["components"]):
        return []
    return [_problem(rule, ())]


def _province_has_layer(ctx: _Context, rule: FrameworkRule) -> list[Problem]:
    if not is_provincial(ctx.model, ctx.catalog):
        return []
    layers = set(rule.params["layers"])
    if any(ctx.layer_of(e) in layers for e in ctx.model.elements):
        return []
    return [_problem(rule, ())]


def _province_linked(ctx: _Context, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    if not is_provincial(ctx.model, ctx.catalog):
        return []
    sources = ctx.elements_of(p["from"])
    if not sources and p.get("skip_when_absent", False):
        return []
    if any(_reaches(ctx, e, p["to"], p.get("platforms", []), _LINK, directed=False)
           for e in sources):
        return []
    return [_problem(rule, tuple(e.id for e in sources))]


CHECKS: dict[str, Check] = {
    "layer_matrix": Check(("relationship_types", "allowed"), on_relationship=_layer_matrix),
    "national_database_via_platform": Check(
        ("relationship_types", "local_scopes", "national_scope", "database_types",
         "database_layer", "platforms"), on_relationship=_national_db),
    "document_axis": Check(("relationship_types", "document_systems"),
                           on_relationship=_document_axis),
    "cross_cutting_relation": Check(("forbidden_types",), on_relationship=_cross_cutting),
    "portal_sync": Check(("systems", "national_portal"), on_model=_portal_sync),
    "hosted": Check(("application_types", "application_layers", "infrastructure_layers"),
                    on_model=_hosted),
    "band_layer": Check((), on_model=_band_layer),
    "province_has": Check(("components",), on_model=_province_has),
    "province_has_layer": Check(("layers",), on_model=_province_has_layer),
    "province_linked": Check(("from", "to"), on_model=_province_linked),
}


# ------------------------------------------------------------------------- provincial?

def _level(model: Any) -> str | None:
    for key, value in getattr(model, "properties", []):
        if key == LEVEL_KEY:
            return str(value).strip().lower()
    value = getattr(model, "metadata", {}).get(LEVEL_KEY)
    return str(value).strip().lower() if value else None


def is_provincial(model: Any, catalog: Catalog | None = None) -> bool:
    """True when the provincial completeness checks apply (see the module docstring)."""
    level = _level(model)
    if level in PROVINCE_LEVELS:
        return True
    if level in OTHER_LEVELS:
        return False
    cat = catalog or active_catalog()
    for element in model.elements:
        component = cat.find_component(element.catalog_ref)
        if component is not None and component.scope == "tỉnh":
            return True
    return False


# ------------------------------------------------------------------------- the provider

class FrameworkRuleProvider:
    """Runs the catalog's rules. With no catalog given it follows :func:`active_catalog`,
    so user catalogs added later (their components and rules) are seen at once."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self._catalog = catalog

    @property
    def catalog(self) -> Catalog:
        return self._catalog or active_catalog()

    def relationship_findings(self, model: Any, source_id: str, relationship_type: str,
                              target_id: str) -> list[Problem]:
        ctx = _Context(model, self.catalog)
        source, target = ctx.element(source_id), ctx.element(target_id)
        if source is None or target is None:
            return []  # relationships to relationships: no framework rule speaks of them
        return self._relationship(ctx, source, relationship_type, target,
                                  (source_id, target_id))

    def model_findings(self, model: Any) -> list[Problem]:
        ctx = _Context(model, self.catalog)
        problems: list[Problem] = []
        for rel in model.relationships:
            source, target = ctx.element(rel.source), ctx.element(rel.target)
            if source is not None and target is not None:
                problems.extend(self._relationship(ctx, source, rel.type, target, (rel.id,)))
        for rule in ctx.catalog.rules:
            check = CHECKS.get(rule.check)
            if check is not None and check.on_model is not None:
                problems.extend(check.on_model(ctx, rule))
        return problems

    def _relationship(self, ctx: _Context, source: Element, rel_type: str, target: Element,
                      ids: tuple[str, ...]) -> list[Problem]:
        problems: list[Problem] = []
        for rule in ctx.catalog.rules:
            check = CHECKS.get(rule.check)
            if check is not None and check.on_relationship is not None:
                problems.extend(check.on_relationship(ctx, rule, source, rel_type, target, ids))
        return problems


def check_node_in_band(model: Any, view_id: str, node_id: str,
                       catalog: Catalog | None = None) -> list[Problem]:
    """The band-layer findings for one node (the canvas asks after a drop or a move)."""
    ctx = _Context(model, catalog or active_catalog())
    view = model.view(view_id)
    node = view.nodes[node_id]
    problems: list[Problem] = []
    for rule in ctx.catalog.rules:
        if rule.check == "band_layer":
            problems.extend(_node_band_problems(ctx, rule, view, node))
    return problems


_default: list[FrameworkRuleProvider] = []


def default_provider() -> FrameworkRuleProvider:
    """The provider :func:`ensure_framework_rules` registers (created once)."""
    if not _default:
        _default.append(FrameworkRuleProvider())
    return _default[0]


def ensure_framework_rules() -> FrameworkRuleProvider:
    """Register the framework rules with the rule engine, once; returns the provider."""
    provider = default_provider()
    register_rule_provider(provider)
    return provider
