"""The checks a catalog rule can name, and the parameters each one needs.

A rule's ``check`` is looked up in :data:`CHECKS`; the catalog reader refuses a rule whose
check is unknown or whose parameters are missing (:meth:`Check.check_params`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...i18n import tr
from ..catalog import FrameworkRule
from ..concepts import Element
from ..problems import Problem
from .context import CheckContext
from .model_checks import (
    hosted,
    hosted_candidates,
    hosted_reacts,
    node_band_problems,
    portal_sync,
    portal_sync_candidates,
    portal_sync_gate,
    portal_sync_reach,
    portal_sync_subject,
)
from .profile_checks import (
    abolished_scope,
    abolished_scope_candidates,
    check_patterns,
    linked_via,
    linked_via_candidates,
    linked_via_gate,
    linked_via_reach,
    linked_via_subject,
    no_duplicate,
    no_duplicate_candidates,
)
from .provincial import province_has, province_has_layer, province_linked, province_linked_reach
from .relationship_checks import cross_cutting, document_axis, layer_matrix, national_db

if TYPE_CHECKING:
    from .reachability import Reach, ViaReach


#: A check's part for one element: (context, rule, element) -> findings.
ElementCheck = Callable[[CheckContext, FrameworkRule, Element], list[Problem]]
#: What a check's verdict on the whole model makes of its per-element findings:
#: (context, rule, findings, number of elements judged) -> findings kept.
Gate = Callable[[CheckContext, FrameworkRule, list[Problem], int], list[Problem]]
#: The elements a check can speak of: (context, rule, the model's elements) -> elements.
Candidates = Callable[[CheckContext, FrameworkRule, list[Element]], list[Element]]
#: The reachability questions a check's per-element answers depend on.
Reaches = Callable[[CheckContext, FrameworkRule], "list[Reach | ViaReach]"]


def _any_type(params: Mapping[str, Any], rel_type: str) -> bool:
    return True


def _listed_types(params: Mapping[str, Any], rel_type: str) -> bool:
    return rel_type in params["relationship_types"]


def _cross_cutting_types(params: Mapping[str, Any], rel_type: str) -> bool:
    allowed = params.get("allowed_types")
    if allowed is not None:
        return rel_type not in allowed
    return rel_type in (params.get("forbidden_types") or ())


@dataclass(frozen=True)
class Check:
    """How one kind of rule is checked.

    ``on_relationship`` judges a relationship (about to be drawn, or existing when the whole
    model is validated), and only those of the types ``judges_type`` accepts. The model is
    judged element by element (``on_element``, for the elements ``subject`` accepts when the
    check says which), node by node (``on_node``), or as a whole (``on_model``), so that the
    incremental validator re-checks only what an edit touched. ``gate`` turns the
    per-element findings into the model's (a check that says nothing when, say, no system
    of a provincial model reaches the portal); ``reaches`` names the reachability its
    per-element answers depend on. ``params`` lists the parameters the rule must give
    (checked when a catalog is read).
    """

    params: tuple[str, ...] = ()
    #: Groups of parameters of which the rule must give at least one.
    one_of: tuple[tuple[str, ...], ...] = ()
    on_relationship: Callable[[CheckContext, FrameworkRule, Element, str, Element, tuple[str, ...]],
                              list[Problem]] | None = None
    judges_type: Callable[[Mapping[str, Any], str], bool] = _any_type
    #: Whether ``on_relationship`` finds something or not depending only on the
    #: relationship's type, whether both ends are one element, and each end's type,
    #: catalog component, layer and ``Phạm vi`` (not its name or id): then validation
    #: judges each such combination once and runs the check again only to word a finding.
    reads_kinds: bool = False
    on_element: ElementCheck | None = None
    subject: Callable[[CheckContext, FrameworkRule, Element], bool] | None = None
    gate: Gate | None = None
    reaches: Reaches | None = None
    #: Whether an element's findings depend on its neighbours' layers and types.
    reads_neighbours: bool = False
    #: For such a check: whether a relationship to ``other_id`` being added (True) or
    #: removed (False) can change the element's findings, given whether it has one now
    #: (``None``: always judge it again).
    reacts: Callable[[CheckContext, FrameworkRule, Element, str, bool, bool], bool] | None = None
    on_node: Callable[[CheckContext, FrameworkRule, Any, Any], list[Problem]] | None = None
    on_model: Callable[[CheckContext, FrameworkRule], list[Problem]] | None = None
    #: For an element check: the elements of the model (given in its order) that it can
    #: speak of, in that order; every other element has no finding and is no subject.
    #: Validation of the whole model judges only those (from the context's indexes or a
    #: test cheaper than the check), an edit still judges the elements it touched.
    candidates: Candidates | None = None
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
    "layer_matrix": Check(("relationship_types", "allowed"), on_relationship=layer_matrix,
                          reads_kinds=True, judges_type=_listed_types),
    "national_database_via_platform": Check(
        ("relationship_types", "local_scopes", "national_scope", "database_types",
         "database_layer", "platforms"), on_relationship=national_db, reads_kinds=True,
        judges_type=_listed_types),
    "document_axis": Check(("relationship_types", "document_systems"),
                           on_relationship=document_axis, reads_kinds=True,
                           judges_type=_listed_types),
    "cross_cutting_relation": Check(one_of=(("allowed_types", "forbidden_types"),),
                                    on_relationship=cross_cutting, reads_kinds=True,
                                    judges_type=_cross_cutting_types),
    "portal_sync": Check(("systems", "national_portal"), on_element=portal_sync,
                         subject=portal_sync_subject, gate=portal_sync_gate,
                         reaches=portal_sync_reach, candidates=portal_sync_candidates),
    "hosted": Check(("application_types", "application_layers", "infrastructure_layers"),
                    on_element=hosted, reads_neighbours=True, reacts=hosted_reacts,
                    candidates=hosted_candidates),
    "band_layer": Check((), on_node=node_band_problems),
    "province_has": Check(("components",), on_model=province_has),
    "province_has_layer": Check(("layers",), on_model=province_has_layer),
    "province_linked": Check(("from", "to"), on_model=province_linked,
                             reaches=province_linked_reach),
    "linked_via": Check(("from", "to", "via"), on_element=linked_via,
                        subject=linked_via_subject, gate=linked_via_gate,
                        reaches=linked_via_reach, candidates=linked_via_candidates),
    "no_duplicate": Check(("local_scopes", "platforms"), on_element=no_duplicate,
                          validate=check_patterns, candidates=no_duplicate_candidates),
    "abolished_scope": Check(("scopes",), on_element=abolished_scope, validate=check_patterns,
                             candidates=abolished_scope_candidates),
}
