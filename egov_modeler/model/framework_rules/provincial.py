"""Provincial completeness: whether a model is a provincial architecture, and what one
must contain.

The ``province_*`` checks apply to a *provincial architecture*:

* the model property (or metadata key) ``architecture_level`` is ``province``/``tỉnh``
  -> they apply; ``national``/``ministry``/``quốc gia``/``bộ`` -> they do not;
* without that property, they apply when at least one element comes from a catalog
  component whose ``scope`` is exactly ``tỉnh`` (a provincial-only system such as the
  provincial LGSP or Cổng DVC cấp tỉnh).
"""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog, FrameworkRule, UnknownProfileError, active_catalog, catalog_for
from ..problems import Problem
from .context import CheckContext, finding, reaches

PROVINCE_LEVELS = ("province", "provincial", "tỉnh", "cấp tỉnh")
OTHER_LEVELS = ("national", "ministry", "quốc gia", "bộ", "cấp bộ")
LEVEL_KEY = "architecture_level"
_LINK = {"Flow", "Triggering", "Serving", "Access", "Association", "Realization"}


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
    if catalog is None:
        try:
            catalog = catalog_for(model)
        except UnknownProfileError:
            catalog = active_catalog()
    cat = catalog
    for element in model.elements:
        component = cat.find_component(element.catalog_ref)
        if component is not None and component.scope == "tỉnh":
            return True
    return False


def province_has(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    if not is_provincial(ctx.model, ctx.catalog) or ctx.elements_of(rule.params["components"]):
        return []
    return [finding(rule, ())]


def province_has_layer(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    if not is_provincial(ctx.model, ctx.catalog):
        return []
    layers = set(rule.params["layers"])
    if any(ctx.layer_of(e) in layers for e in ctx.model.elements):
        return []
    return [finding(rule, ())]


def province_linked(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    if not is_provincial(ctx.model, ctx.catalog):
        return []
    sources = ctx.elements_of(p["from"])
    if not sources and p.get("skip_when_absent", False):
        return []
    if any(reaches(ctx, e, p["to"], p.get("platforms", []), _LINK, directed=False)
           for e in sources):
        return []
    return [finding(rule, tuple(e.id for e in sources))]
