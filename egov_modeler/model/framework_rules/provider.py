"""The framework rules as a :class:`~egov_modeler.model.rules.RuleProvider`, and its
registration with the rule engine.

A model is judged by its own profile's rules only (:func:`~..catalog.catalog_for`), and
only by the rules in force on the model's date (:func:`rules_in_force`); a system the
model marks as being merged or retired is not held to the model-wide rules (the profile's
``retiring`` property).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...i18n import tr
from ..catalog import Catalog, FrameworkRule, UnknownProfileError, catalog_for, model_date
from ..problems import Problem, Severity
from ..rules import register_rule_provider
from .context import CheckContext
from .engine import FrameworkEngine
from .model_checks import node_band_problems

#: Rule id of the warning given when a model names a profile that is not loaded.
PROFILE_RULE = "framework-profile"


def rules_in_force(model: Any, catalog: Catalog, day: dt.date | None = None,
                   ) -> tuple[list[FrameworkRule], list[tuple[FrameworkRule, str]]]:
    """The rules that judge ``model`` on its date (or ``day``), and those skipped, each
    with the reason (for ``egov-modeler validate --verbose``)."""
    day = day or model_date(model, catalog)
    active: list[FrameworkRule] = []
    skipped: list[tuple[FrameworkRule, str]] = []
    for rule in catalog.rules:
        if rule.applies_on(day):
            active.append(rule)
        elif rule.applies_from is not None and day < rule.applies_from:
            skipped.append((rule, tr("applies from {date}", date=rule.applies_from.isoformat())))
        else:
            assert rule.applies_until is not None
            skipped.append((rule, tr("applied until {date}",
                                     date=rule.applies_until.isoformat())))
    return active, skipped


class FrameworkRuleProvider:
    """Runs a catalog's rules. With no catalog given it uses each model's own profile
    (plus the user catalogs for it), so a 2.0 model and a 2025 model open side by side are
    each judged by their own framework."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self._catalog = catalog

    def catalog_of(self, model: Any) -> Catalog:
        """The catalog ``model`` is judged with; :class:`UnknownProfileError` when its
        profile is not loaded."""
        return self._catalog if self._catalog is not None else catalog_for(model)

    def relationship_findings(self, model: Any, source_id: str, relationship_type: str,
                              target_id: str) -> list[Problem]:
        try:
            catalog = self.catalog_of(model)
        except UnknownProfileError:
            return []  # said once by model_findings; drawing is not blocked by it
        rules, _ = rules_in_force(model, catalog)
        engine = FrameworkEngine(model, catalog, rules)
        source, target = engine.ctx.element(source_id), engine.ctx.element(target_id)
        if source is None or target is None:
            return []  # relationships to relationships: no framework rule speaks of them
        return engine.relationship_problems(source, relationship_type, target,
                                            (source_id, target_id))

    def engine(self, model: Any) -> FrameworkEngine | Problem:
        """An engine judging ``model`` by its catalog's rules in force (not yet run), or
        the warning that the model's profile is not loaded."""
        try:
            catalog = self.catalog_of(model)
        except UnknownProfileError as exc:
            return Problem(Severity.WARNING, PROFILE_RULE, tr(
                "The model's framework rules were not checked: {reason}", reason=str(exc)),
                ())
        rules, _ = rules_in_force(model, catalog)
        return FrameworkEngine(model, catalog, rules)

    def model_findings(self, model: Any) -> list[Problem]:
        engine = self.engine(model)
        if isinstance(engine, Problem):
            return [engine]
        engine.run()
        return engine.problems()


def check_node_in_band(model: Any, view_id: str, node_id: str,
                       catalog: Catalog | None = None) -> list[Problem]:
    """The band-layer findings for one node (the canvas asks after a drop or a move)."""
    try:
        cat = catalog or catalog_for(model)
    except UnknownProfileError:
        return []
    ctx = CheckContext(model, cat)
    view = model.view(view_id)
    node = view.nodes[node_id]
    problems: list[Problem] = []
    rules, _ = rules_in_force(model, cat)
    for rule in rules:
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
