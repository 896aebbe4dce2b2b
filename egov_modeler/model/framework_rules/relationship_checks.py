"""Checks that judge one relationship, as it is drawn or when the model is validated.

Each takes the context, the rule, the source, the relationship type, the target and the
ids a finding names; which layers, scopes and components count lives in the rule's
parameters (the catalog), not here.
"""

from __future__ import annotations

from ..catalog import FrameworkRule
from ..concepts import Element
from ..problems import Problem
from .context import CheckContext, element_name, finding, relationship_label


def layer_matrix(ctx: CheckContext, rule: FrameworkRule, source: Element, rel_type: str,
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
    return [finding(rule, ids, source_layer=ctx.layer_name(src_layer),
                    target_layer=ctx.layer_name(tgt_layer), source=element_name(source),
                    target=element_name(target), relationship=relationship_label(rel_type))]


def _is_national_db(ctx: CheckContext, rule: FrameworkRule, element: Element) -> bool:
    p = rule.params  # the cheapest question first: most ends are no data object
    return (element.type in p["database_types"]
            and ctx.layer_of(element) == p["database_layer"]
            and ctx.effective_scope(element) == p["national_scope"])


def national_db(ctx: CheckContext, rule: FrameworkRule, source: Element, rel_type: str,
                target: Element, ids: tuple[str, ...]) -> list[Problem]:
    p = rule.params
    if rel_type not in p["relationship_types"]:
        return []
    for local, database in ((source, target), (target, source)):
        if (_is_national_db(ctx, rule, database)
                and ctx.effective_scope(local) in p["local_scopes"]
                and not ctx.is_a(local, p["platforms"])):
            return [finding(rule, ids, source=element_name(local), target=element_name(database))]
    return []


def document_axis(ctx: CheckContext, rule: FrameworkRule, source: Element, rel_type: str,
                  target: Element, ids: tuple[str, ...]) -> list[Problem]:
    systems = rule.params["document_systems"]
    if (rel_type in rule.params["relationship_types"] and source.id != target.id
            and ctx.is_a(source, systems) and ctx.is_a(target, systems)):
        return [finding(rule, ids, source=element_name(source), target=element_name(target))]
    return []


def cross_cutting(ctx: CheckContext, rule: FrameworkRule, source: Element, rel_type: str,
                  target: Element, ids: tuple[str, ...]) -> list[Problem]:
    """A relationship between a cross-cutting layer and another framework layer must be of
    the ``allowed_types`` (Association, Influence), or not of the ``forbidden_types``.

    Judged only when the other end belongs to another layer of the framework: the parts of
    one cross-cutting band may be structured among themselves, and elements of no layer
    (motivation, work packages of a roadmap) are outside the layering.
    """
    p = rule.params
    allowed, forbidden = p.get("allowed_types"), p.get("forbidden_types")
    if allowed is not None and rel_type in allowed:
        return []
    if allowed is None and rel_type not in (forbidden or ()):
        return []
    cross = ctx.cross_cutting()
    src_layer, tgt_layer = ctx.layer_of(source), ctx.layer_of(target)
    if src_layer == tgt_layer:
        return []
    for here, other in ((src_layer, tgt_layer), (tgt_layer, src_layer)):
        if here in cross and other is not None and ctx.catalog.has_layer(other) and (
                ctx.catalog.layer(other).kind != "reference_model"):
            return [finding(rule, ids, source=element_name(source),
                            target=element_name(target),
                            relationship=relationship_label(rel_type))]
    return []
