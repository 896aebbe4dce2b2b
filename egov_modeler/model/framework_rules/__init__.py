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

The modules, one concern each (import from this package, not from them):

* :mod:`.context` -- what the checks know about a model (:class:`CheckContext`);
* :mod:`.relationship_checks` -- checks of one relationship (layer matrix, national
  databases via a platform, document axis, cross-cutting layers);
* :mod:`.model_checks` -- checks of the whole model (portal sync, hosting, band layer);
* :mod:`.profile_checks` -- the 2025 checks (a path through NDOP, no local copy of a
  national platform, no district level);
* :mod:`.provincial` -- :func:`is_provincial` and the provincial completeness checks
  (``province_*``; when they apply is described there);
* :mod:`.checks` -- :data:`CHECKS`, the check names a catalog rule may use;
* :mod:`.provider` -- :class:`FrameworkRuleProvider` (each model judged by its own
  profile's rules in force on its date) and its registration.
"""

from __future__ import annotations

from .checks import CHECKS, Check
from .provider import (
    PROFILE_RULE,
    FrameworkRuleProvider,
    check_node_in_band,
    default_provider,
    ensure_framework_rules,
    rules_in_force,
)
from .provincial import LEVEL_KEY, OTHER_LEVELS, PROVINCE_LEVELS, is_provincial

__all__ = [
    "CHECKS",
    "LEVEL_KEY",
    "OTHER_LEVELS",
    "PROFILE_RULE",
    "PROVINCE_LEVELS",
    "Check",
    "FrameworkRuleProvider",
    "check_node_in_band",
    "default_provider",
    "ensure_framework_rules",
    "is_provincial",
    "rules_in_force",
]
