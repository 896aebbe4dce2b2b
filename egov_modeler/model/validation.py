"""Validation of a whole model: ArchiMate rules, the registered framework rules and the
upkeep checks (:mod:`.hygiene`: elements on no view, duplicate names).

Relationships that the ArchiMate table forbids can exist in a model (imported from other
tools, which keep them too); validation reports each as an error instead of dropping it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..i18n import tr
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .model import Model

ARCHIMATE_RULE = "archimate"
JUNCTION_RULE = "archimate-junction"


def archimate_problems(model: Model) -> list[Problem]:
    """One error per relationship the ArchiMate table forbids, one per mixed junction."""
    from .errors import ModelError
    from .rules import check_relate, concept_of

    problems: list[Problem] = []
    through_junction: dict[str, set[str]] = defaultdict(set)
    junctions = {e.id for e in model.elements if e.type in ("AndJunction", "OrJunction")}
    for rel in model.relationships:
        try:
            check_relate(concept_of(model, rel.source), rel.type, concept_of(model, rel.target))
        except ModelError as exc:
            problems.append(Problem(Severity.ERROR, ARCHIMATE_RULE, str(exc), (rel.id,)))
        for end in (rel.source, rel.target):
            if end in junctions:
                through_junction[end].add(rel.type)
    for junction_id, types in sorted(through_junction.items()):
        if len(types) > 1:
            problems.append(Problem(
                Severity.ERROR, JUNCTION_RULE,
                tr("Relationships through a junction must all be of one type, found: {types}",
                   types=", ".join(sorted(types))),
                (junction_id,),
            ))
    return problems


def validate(model: Model) -> list[Problem]:
    """Every problem of the model: errors first, then warnings, each in a stable order."""
    from .hygiene import hygiene_problems
    from .rules import provider_model_findings

    problems = archimate_problems(model) + provider_model_findings(model) + hygiene_problems(
        model)
    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    return sorted(problems, key=lambda p: (order[p.severity], p.rule, p.ids, p.message))


def validate_model(model: Model) -> list[Problem]:
    """What ``egov-modeler validate`` reports: the ArchiMate rules and the framework's.

    Callers inside the program use this rather than the scripting facade
    (``egov_modeler.validate``), which only delegates here."""
    from .framework_rules import ensure_framework_rules

    ensure_framework_rules()
    return validate(model)
