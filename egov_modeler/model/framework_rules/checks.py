"""The checks a catalog rule can name, and the parameters each one needs.

A rule's ``check`` is looked up in :data:`CHECKS`; the catalog reader refuses a rule whose
check is unknown or whose parameters are missing (:meth:`Check.check_params`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...i18n import tr
from ..catalog import FrameworkRule
from ..concepts import Element
from ..problems import Problem
from .context import CheckContext
from .model_checks import band_layer, hosted, portal_sync
from .profile_checks import abolished_scope, check_patterns, linked_via, no_duplicate
from .provincial import province_has, province_has_layer, province_linked
from .relationship_checks import cross_cutting, document_axis, layer_matrix, national_db


@dataclass(frozen=True)
class Check:
    """How one kind of rule is checked.

    ``on_relationship`` judges a relationship (about to be drawn, or existing when the whole
    model is validated); ``on_model`` judges the model as a whole. ``params`` lists the
    parameters the rule must give (checked when a catalog is read).
    """

    params: tuple[str, ...] = ()
    #: Groups of parameters of which the rule must give at least one.
    one_of: tuple[tuple[str, ...], ...] = ()
    on_relationship: Callable[[CheckContext, FrameworkRule, Element, str, Element, tuple[str, ...]],
                              list[Problem]] | None = None
    on_model: Callable[[CheckContext, FrameworkRule], list[Problem]] | None = None
    #: Further checks of the parameters (a message, or ``None`` when they are fine).
    validate: Callable[[dict[str, Any]], str | None] | None = None

    def check_params(self, params: dict[str, Any]) -> str | None:
        """A message for a rule whose parameters are missing, else ``None``."""
        for name in self.params:
            if name not in params:
                return tr("missing parameter ‘{name}’", name=name)
        for group in self.one_of:
            if not any(name in params for name in group):
                return tr("needs one of the parameters {names}", names=", ".join(group))
        return self.validate(params) if self.validate is not None else None


CHECKS: dict[str, Check] = {
    "layer_matrix": Check(("relationship_types", "allowed"), on_relationship=layer_matrix),
    "national_database_via_platform": Check(
        ("relationship_types", "local_scopes", "national_scope", "database_types",
         "database_layer", "platforms"), on_relationship=national_db),
    "document_axis": Check(("relationship_types", "document_systems"),
                           on_relationship=document_axis),
    "cross_cutting_relation": Check(one_of=(("allowed_types", "forbidden_types"),),
                                    on_relationship=cross_cutting),
    "portal_sync": Check(("systems", "national_portal"), on_model=portal_sync),
    "hosted": Check(("application_types", "application_layers", "infrastructure_layers"),
                    on_model=hosted),
    "band_layer": Check((), on_model=band_layer),
    "province_has": Check(("components",), on_model=province_has),
    "province_has_layer": Check(("layers",), on_model=province_has_layer),
    "province_linked": Check(("from", "to"), on_model=province_linked),
    "linked_via": Check(("from", "to", "via"), on_model=linked_via),
    "no_duplicate": Check(("local_scopes", "platforms"), on_model=no_duplicate,
                          validate=check_patterns),
    "abolished_scope": Check(("scopes",), on_model=abolished_scope, validate=check_patterns),
}
