"""The framework rules as a :class:`~egov_modeler.model.rules.RuleProvider`, and its
registration with the rule engine.
"""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog, active_catalog
from ..concepts import Element
from ..problems import Problem
from ..rules import register_rule_provider
from .checks import CHECKS
from .context import CheckContext
from .model_checks import node_band_problems


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
        ctx = CheckContext(model, self.catalog)
        source, target = ctx.element(source_id), ctx.element(target_id)
        if source is None or target is None:
            return []  # relationships to relationships: no framework rule speaks of them
        return self._relationship(ctx, source, relationship_type, target,
                                  (source_id, target_id))

    def model_findings(self, model: Any) -> list[Problem]:
        ctx = CheckContext(model, self.catalog)
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

    def _relationship(self, ctx: CheckContext, source: Element, rel_type: str, target: Element,
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
    ctx = CheckContext(model, catalog or active_catalog())
    view = model.view(view_id)
    node = view.nodes[node_id]
    problems: list[Problem] = []
    for rule in ctx.catalog.rules:
        if rule.check == "band_layer":
            problems.extend(node_band_problems(ctx, rule, view, node))
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
