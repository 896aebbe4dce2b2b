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

from typing import TYPE_CHECKING, Any

from ..catalog import Catalog, FrameworkRule, UnknownProfileError, active_catalog, catalog_for
from ..problems import Problem
from .context import CheckContext, finding, reaches
from .level import LEVEL_KEY, OTHER_LEVELS, PROVINCE_LEVELS, model_level

__all__ = ["LEVEL_KEY", "OTHER_LEVELS", "PROVINCE_LEVELS", "is_provincial", "model_level"]

if TYPE_CHECKING:
    from .reachability import Reach, ViaReach

_LINK = {"Flow", "Triggering", "Serving", "Access", "Association", "Realization"}


def is_provincial(model: Any, catalog: Catalog | None = None) -> bool:
    """True when the provincial completeness checks apply (see the module docstring)."""
    level = model_level(model)
    if level is not None:
        return level
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
    if not ctx.provincial() or ctx.has_elements_of(rule.params["components"]):
        return []
    return [finding(rule, ())]


def province_has_layer(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    if not ctx.provincial() or ctx.has_layer(rule.params["layers"]):
        return []
    return [finding(rule, ())]


def province_linked(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    if not ctx.provincial():
        return []
    ctx.index()
    sources = ctx.elements_of(p["from"])
    if not sources and p.get("skip_when_absent", False):
        return []
    if any(reaches(ctx, e, p["to"], p.get("platforms", []), _LINK, directed=False)
           for e in sources):
        return []
    return [finding(rule, tuple(e.id for e in sources))]


def province_linked_reach(ctx: CheckContext, rule: FrameworkRule) -> list[Reach | ViaReach]:
    p = rule.params
    return [ctx.reach(p["to"], p.get("platforms", []), _LINK, directed=False)]
