"""Checks that judge the model as a whole: portal synchronisation, hosting, band layers.

The band-layer check also runs for a single node (:func:`node_band_problems`), which the
canvas asks after a drop or a move.
"""

from __future__ import annotations

from typing import Any

from ...i18n import current_language
from ..catalog import FrameworkRule
from ..metamodel import ELEMENT_TYPES, ArchiMateLayer
from ..problems import Problem
from .context import CheckContext, element_name, finding, reaches
from .provincial import is_provincial

_TECHNOLOGY = {ArchiMateLayer.TECHNOLOGY, ArchiMateLayer.PHYSICAL}

_FLOW = {"Flow", "Triggering"}


def portal_sync(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    if not ctx.elements_of(p["national_portal"]):
        return []  # nothing to synchronise with in this model
    systems = [e for e in ctx.elements_of(p["systems"]) if not ctx.is_a(e, p["national_portal"])]
    unsynced = [e for e in systems
                if not reaches(ctx, e, p["national_portal"], p.get("platforms", []), _FLOW,
                               directed=True)]
    if is_provincial(ctx.model, ctx.catalog) and len(unsynced) == len(systems):
        return []  # the provincial completeness check FW-PROV-DVCQG says it once
    return [finding(rule, (e.id,), element=element_name(e)) for e in unsynced]


def hosted(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    problems: list[Problem] = []
    for element in ctx.model.elements:
        if element.type not in p["application_types"]:
            continue
        if ctx.layer_of(element) not in p["application_layers"]:
            continue
        if not any(_is_infrastructure(ctx, rule, other_id)
                   for other_id in ctx.neighbours(element.id)):
            problems.append(finding(rule, (element.id,), element=element_name(element)))
    return problems


def _is_infrastructure(ctx: CheckContext, rule: FrameworkRule, element_id: str) -> bool:
    element = ctx.element(element_id)
    if element is None:
        return False
    layer = ctx.layer_of(element)
    if layer is not None and ctx.catalog.has_layer(layer):
        return layer in rule.params["infrastructure_layers"]
    element_type = ELEMENT_TYPES.get(element.type)
    return element_type is not None and element_type.layer in _TECHNOLOGY


def band_layer(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    problems: list[Problem] = []
    for view in ctx.model.views:
        for node in view.nodes.values():
            problems.extend(node_band_problems(ctx, rule, view, node))
    return problems


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
