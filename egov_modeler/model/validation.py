"""Validation of a whole model: ArchiMate rules, the registered framework rules and the
upkeep checks (:mod:`.hygiene`: elements on no view, duplicate names).

Relationships that the ArchiMate table forbids can exist in a model (imported from other
tools, which keep them too); validation reports each as an error instead of dropping it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import TYPE_CHECKING

from ..i18n import tr
from .collector import collection_paused
from .errors import ModelError
from .framework_rules.work import WORK
from .problems import Problem, Severity
from .rules import can_relate, check_relate, concept_of

if TYPE_CHECKING:
    from .concepts import Relationship
    from .model import Model

ARCHIMATE_RULE = "archimate"
JUNCTION_RULE = "archimate-junction"
JUNCTION_TYPES = ("AndJunction", "OrJunction")


def archimate_problems(model: Model) -> list[Problem]:
    """One error per relationship the ArchiMate table forbids, one per mixed junction.

    One pass over the relationships with each element's type looked up in one table
    made first (a 20,000-element model has 40,000 relationships, issue 19); what the
    table does not settle (an end that is a relationship or missing, a forbidden triple)
    goes to :meth:`ArchimateJudge.relationship`, which words the error."""
    through_junction: dict[str, set[str]] = defaultdict(set)
    elements = model.elements
    type_by_id = {e.id: e.type for e in elements}
    type_of = type_by_id.get
    junctions = ({e.id for e in elements if e.type in JUNCTION_TYPES}
                 if not set(JUNCTION_TYPES).isdisjoint(type_by_id.values()) else set())
    judge = ArchimateJudge(model)
    verdict = judge.allowed
    relationships = model.relationships
    WORK.add(len(elements) + len(relationships))
    # ArchimateJudge.relationship in one comprehension: the table's verdict on the ends'
    # types, and the judge only for what it does not allow (an end that is a
    # relationship or missing reads as "" here, which the table never allows)
    flagged = [rel for rel in relationships
               if not verdict[(type_of(rel.source, ""), rel.type, type_of(rel.target, ""))]]
    problems = [p for p in map(judge.relationship, flagged) if p is not None]
    if junctions:
        for rel in relationships:
            if rel.source in junctions:
                through_junction[rel.source].add(rel.type)
            if rel.target in junctions:
                through_junction[rel.target].add(rel.type)
    for junction_id, types in sorted(through_junction.items()):
        problem = junction_problem(junction_id, types)
        if problem is not None:
            problems.append(problem)
    return problems


class Verdicts(dict[tuple[str, str, str], bool]):
    """:func:`~.rules.can_relate` of each (source type, relationship type, target type),
    worked out the first time it is looked up (by subscript: ``get`` only reads)."""

    def __missing__(self, key: tuple[str, str, str]) -> bool:
        verdict = self[key] = can_relate(*key)
        return verdict


class ArchimateJudge:
    """The ArchiMate table's verdict on relationships of one model, each (source type,
    relationship type, target type) looked up once."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._elements = model.element_index
        #: (source type, relationship type, target type) -> allowed, as looked up so far.
        self.allowed: dict[tuple[str, str, str], bool] = Verdicts()

    def concept(self, item_id: str) -> str:
        element = self._elements.get(item_id)
        if element is not None:
            return str(element.type)
        return concept_of(self.model, item_id)

    def is_junction(self, item_id: str) -> bool:
        element = self._elements.get(item_id)
        return element is not None and element.type in JUNCTION_TYPES

    def relationship(self, rel: Relationship) -> Problem | None:
        """The error for ``rel``, or ``None`` when ArchiMate allows it."""
        source_element = self._elements.get(rel.source)
        target_element = self._elements.get(rel.target)
        key = (source_element.type if source_element is not None else self.concept(rel.source),
               rel.type,
               target_element.type if target_element is not None else self.concept(rel.target))
        allowed = self.allowed.get(key)
        if allowed is None:
            allowed = self.allowed[key] = can_relate(*key)
        if allowed:
            return None
        try:
            check_relate(*key)
        except ModelError as exc:
            return Problem(Severity.ERROR, ARCHIMATE_RULE, str(exc), (rel.id,))
        return None


def junction_problem(junction_id: str, types: set[str]) -> Problem | None:
    """The error for a junction joining relationships of several types."""
    if len(types) <= 1:
        return None
    return Problem(
        Severity.ERROR, JUNCTION_RULE,
        tr("Relationships through a junction must all be of one type, found: {types}",
           types=", ".join(sorted(types))),
        (junction_id,),
    )


_SEVERITY_RANK = {Severity.ERROR: "0", Severity.WARNING: "1"}


def problem_order(problem: Problem) -> str:
    """Where a problem goes in the list: errors first, then warnings, each in a stable
    order (rule, ids, message).

    One text rather than a tuple, so that sorting compares texts: 17,500 problems with
    uuid ids sorted in 17 ms instead of 36 ms (issue 19). The parts are joined by
    characters below any an id (an NCName) or a rule id holds, ``\\x01`` between ids and
    ``\\x00`` around them, so the texts sort as the tuples (rank, rule, ids, message)
    do: a shorter list of ids first, as with tuples."""
    return (f"{_SEVERITY_RANK[problem.severity]}{problem.rule}\x00"
            f"{chr(1).join(problem.ids)}\x00{problem.message}")


def validate(model: Model) -> list[Problem]:
    """Every problem of the model: errors first, then warnings, each in a stable order.

    The cycle collector is paused meanwhile: validating a 20,000-element model makes some
    50,000 objects (findings, indexes) and none of them garbage, and each collection
    walks the whole model again (an eighth of the time, issue 19)."""
    from .hygiene import duplicate_names, unused_elements
    from .rules import provider_model_findings

    with collection_paused():
        head = archimate_problems(model) + provider_model_findings(model)
        unused = unused_elements(model)
        return in_problem_order(head, unused, duplicate_names(model))


def in_problem_order(head: list[Problem], unused: list[Problem],
                     tail: list[Problem]) -> list[Problem]:
    """``sorted(head + unused + tail, key=problem_order)``, with ``unused`` the
    unused-element warnings in the order of their elements' ids (as
    :func:`.hygiene.unused_elements` makes them).

    Why: those are most of a national model's problems (17,000 of 17,500), and sorting
    them with the others took 13 ms of a validation that must stay well under 0.3 s
    (issue 19). In :func:`problem_order` they all share the beginning
    ``1unused-element\\x00`` and then differ by their one id, so, in id order, they are
    already in order among themselves and stand in one block: only the other problems are
    sorted, and the block goes where its beginning sorts among them. When the block may
    not be whole (another problem of that rule and severity, or an id holding the
    ``\\x00`` the key joins with), everything is sorted as before."""
    others = head + tail
    if not unused:
        return sorted(others, key=problem_order)
    keys = [problem_order(p) for p in others]
    order = sorted(range(len(others)), key=keys.__getitem__)
    start = f"{_SEVERITY_RANK[Severity.WARNING]}{unused[0].rule}\x00"
    at = bisect_left([keys[k] for k in order], start)
    blocked = at < len(order) and keys[order[at]].startswith(start)
    if blocked or "\x00" in "".join([p.ids[0] for p in unused]):
        return sorted(head + unused + tail, key=problem_order)
    return ([others[k] for k in order[:at]] + unused
            + [others[k] for k in order[at:]])


def validate_model(model: Model) -> list[Problem]:
    """What ``egov-modeler validate`` reports: the ArchiMate rules and the framework's.

    Callers inside the program use this rather than the scripting facade
    (``egov_modeler.validate``), which only delegates here."""
    from .framework_rules import ensure_framework_rules

    ensure_framework_rules()
    return validate(model)
