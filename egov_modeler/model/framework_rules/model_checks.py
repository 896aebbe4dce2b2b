"""Checks of the model's elements and placements: portal synchronisation, hosting, band
layers.

Each judges one element (or one node, for the band layer), so validation runs each once
per element and the incremental validator again only for what an edit touched. The
portal check's verdict for the model as a whole (:func:`portal_sync_gate`) looks at the
findings of every system together. The band-layer check also runs for a single node
(:func:`node_band_problems`), which the canvas asks after a drop or a move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...i18n import current_language
from ..catalog import FrameworkRule
from ..concepts import Element
from ..metamodel import ELEMENT_TYPES, ArchiMateLayer
from ..problems import Problem
from .context import CheckContext, element_name, finding

if TYPE_CHECKING:
    from .reachability import Reach, ViaReach

_TECHNOLOGY = {ArchiMateLayer.TECHNOLOGY, ArchiMateLayer.PHYSICAL}

_FLOW = {"Flow", "Triggering"}


def portal_sync_subject(ctx: CheckContext, rule: FrameworkRule, element: Element) -> bool:
    """The systems the rule judges: those of ``systems`` that are not the portal itself."""
    p = rule.params
    return ctx.is_a(element, p["systems"]) and not ctx.is_a(element, p["national_portal"])


def portal_sync_candidates(ctx: CheckContext, rule: FrameworkRule,
                           elements: list[Element]) -> list[Element]:
    """The elements :func:`portal_sync_subject` can accept: those of ``systems``."""
    return ctx.elements_of(rule.params["systems"])


def portal_sync_reach(ctx: CheckContext, rule: FrameworkRule) -> list[Reach | ViaReach]:
    p = rule.params
    return [ctx.reach(p["national_portal"], p.get("platforms", []), _FLOW, directed=True)]


def portal_sync(ctx: CheckContext, rule: FrameworkRule, element: Element) -> list[Problem]:
    """A system of the rule that does not reach the national portal."""
    if not portal_sync_subject(ctx, rule, element):
        return []
    if portal_sync_reach(ctx, rule)[0].reaches(element):
        return []
    return [finding(rule, (element.id,), element=element_name(element))]


def portal_sync_gate(ctx: CheckContext, rule: FrameworkRule, findings: list[Problem],
                     subjects: int) -> list[Problem]:
    """Nothing to say without a national portal in the model, nor when no system of a
    provincial model reaches it (the provincial completeness check FW-PROV-DVCQG says it
    once)."""
    if not ctx.has_elements_of(rule.params["national_portal"]):
        return []
    if ctx.provincial() and len(findings) == subjects:
        return []
    return findings


def hosted(ctx: CheckContext, rule: FrameworkRule, element: Element) -> list[Problem]:
    """An application of the rule's types and layers with no infrastructure related."""
    p = rule.params
    if element.type not in p["application_types"]:
        return []
    if ctx.layer_of(element) not in p["application_layers"]:
        return []
    if _hosted(ctx, rule, element.id):
        return []
    return [finding(rule, (element.id,), element=element_name(element))]


def _hosted(ctx: CheckContext, rule: FrameworkRule, element_id: str) -> bool:
    """Whether infrastructure is related to ``element_id`` (each other end's answer kept
    in the context's memo of the rule)."""
    answers = ctx.memo(("infrastructure", rule.id))
    for other_id in ctx.related(element_id):
        found = answers.get(other_id)
        if found is None:
            found = answers[other_id] = _is_infrastructure(ctx, rule, other_id)
        if found:
            return True
    return False


def hosted_candidates(ctx: CheckContext, rule: FrameworkRule,
                      elements: list[Element]) -> list[Element]:
    """The applications :func:`hosted` reports: of its types and layers, and no
    infrastructure among the ids related to them.

    In bulk, as :meth:`.engine.FrameworkEngine.run` asks it of a whole model (issue 19:
    6,000 applications each listing their neighbours cost a tenth of a validation): the
    infrastructure is known by each (type, layer) once, and what is related to it is
    hosted (related goes both ways: fewer elements to list the neighbours of, as there are
    fewer servers than applications)."""
    p = rule.params
    layers = ctx.layers_of(elements)
    kinds = list(zip([e.type for e in elements], layers, strict=True))
    answers = {kind: _infrastructure_kind(ctx, rule, *kind) for kind in set(kinds)}
    infrastructure = {e.id for e, kind in zip(elements, kinds, strict=True) if answers[kind]}
    related = ctx.related
    hosted = {other for element_id in infrastructure for other in related(element_id)}
    types, application_layers = p["application_types"], p["application_layers"]
    return [e for e, layer in zip(elements, layers, strict=True)
            if e.type in types and layer in application_layers and e.id not in hosted]


def hosted_reacts(ctx: CheckContext, rule: FrameworkRule, element: Element, other_id: str,
                  added: bool, has_finding: bool) -> bool:
    """A relationship to infrastructure added to an unhosted application, or removed from
    a hosted one, can change the verdict; nothing else can (the platform hub gains and
    loses relationships all the time: it is not judged again for each)."""
    gone = ctx.gone.get(other_id)
    infrastructure: bool | None
    if gone is not None:  # removed by the same edit: what it was decides
        infrastructure = _infrastructure(ctx, rule, gone, gone.layer)
    else:
        answers = ctx.memo(("infrastructure", rule.id))
        infrastructure = answers.get(other_id)
        if infrastructure is None:
            infrastructure = answers[other_id] = _is_infrastructure(ctx, rule, other_id)
    return bool(infrastructure) and has_finding == added


def _is_infrastructure(ctx: CheckContext, rule: FrameworkRule, element_id: str) -> bool:
    element = ctx.element(element_id)
    if element is None:
        return False
    return _infrastructure(ctx, rule, element, ctx.layer_of(element))


def _infrastructure(ctx: CheckContext, rule: FrameworkRule, element: Element,
                    layer: str | None) -> bool:
    return _infrastructure_kind(ctx, rule, element.type, layer)


def _infrastructure_kind(ctx: CheckContext, rule: FrameworkRule, type_name: str,
                         layer: str | None) -> bool:
    """Whether an element of ``type_name`` in ``layer`` counts as infrastructure."""
    if layer is not None and ctx.catalog.has_layer(layer):
        return layer in rule.params["infrastructure_layers"]
    element_type = ELEMENT_TYPES.get(type_name)
    return element_type is not None and element_type.layer in _TECHNOLOGY


def node_band_problems(ctx: CheckContext, rule: FrameworkRule, view: Any,
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
    return [finding(rule, (element.id, node.id), element=element_name(element),
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
