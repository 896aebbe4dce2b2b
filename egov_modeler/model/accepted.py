"""Warnings the architect has accepted, with the reason, kept in the model.

A provincial model carries warnings that are right in general but not for it (a national
system a province never hosts); accepting one with a reason takes it off the Problems
panel's list and the diagram's marks, and the dossier's validation appendix lists it as
accepted with that reason, so a reviewer sees the decision instead of an open warning.

Why model properties: an acceptance is a fact about the model that must travel with it,
through the ``.egov`` file, the exchange XML, Archi and the git repository, and model
properties already go everywhere (the framework profile is recorded the same way). Each
acceptance is one property :data:`ACCEPTED_KEY` whose value reads
``RULE | id-a id-b | reason``: the rule id and the ids the warning concerns identify it
(its message changes with the language), the reason is free text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import tr
from .commands import Command, CompoundCommand, SetModelFieldsCommand
from .model import Model
from .problems import Problem, Severity

#: The model property of one accepted warning.
ACCEPTED_KEY = "accepted_warning"
_SEPARATOR = " | "


@dataclass(frozen=True)
class Acceptance:
    """One accepted warning: its rule, the ids it concerns, and why it stands."""

    rule: str
    ids: tuple[str, ...]
    reason: str

    @property
    def key(self) -> str:
        return problem_key(Problem(Severity.WARNING, self.rule, "", self.ids))

    def to_value(self) -> str:
        return _SEPARATOR.join((self.rule, " ".join(self.ids), self.reason))


def problem_key(problem: Problem) -> str:
    """What identifies a warning across languages and edits: its rule and its ids, in
    any order (a warning lists its ids in the model's order, and the model's order after
    a save and reopen is the file's, sorted by id)."""
    return f"{problem.rule}|{' '.join(sorted(problem.ids))}"


def parse_acceptance(value: str) -> Acceptance | None:
    """The acceptance a property value holds, ``None`` when it is not one (edited by
    hand into something else: it is then an ordinary property, never an error)."""
    parts = value.split("|", 2)
    if len(parts) != 3 or not parts[0].strip():
        return None
    rule, ids, reason = (p.strip() for p in parts)
    return Acceptance(rule, tuple(ids.split()), reason)


def acceptances(model: Model) -> dict[str, Acceptance]:
    """The model's acceptances by :func:`problem_key` (a later one wins)."""
    found: dict[str, Acceptance] = {}
    for key, value in model.properties:
        if key == ACCEPTED_KEY and (acceptance := parse_acceptance(value)) is not None:
            found[acceptance.key] = acceptance
    return found


def accepted_reason(model: Model, problem: Problem) -> str | None:
    """Why ``problem`` was accepted, ``None`` when it was not (errors never are)."""
    if problem.severity != Severity.WARNING:
        return None
    acceptance = acceptances(model).get(problem_key(problem))
    return acceptance.reason if acceptance is not None else None


def split_accepted(model: Model, problems: list[Problem]
                   ) -> tuple[list[Problem], list[tuple[Problem, str]]]:
    """``(open problems, [(accepted warning, reason)])``, each in the given order."""
    accepted = acceptances(model)
    if not accepted:  # the usual model: no key worked out for 17,000 warnings
        return list(problems), []
    open_problems: list[Problem] = []
    closed: list[tuple[Problem, str]] = []
    for problem in problems:
        acceptance = accepted.get(problem_key(problem))
        if problem.severity == Severity.WARNING and acceptance is not None:
            closed.append((problem, acceptance.reason))
        else:
            open_problems.append(problem)
    return open_problems, closed


def accept_command(model: Model, problem: Problem, reason: str) -> Command:
    """Accept the warning ``problem`` because of ``reason`` (replacing an earlier reason)."""
    reason = " ".join(reason.split())
    if problem.severity != Severity.WARNING:
        raise ValueError("only warnings can be accepted")
    if not reason:
        raise ValueError("an acceptance needs a reason")
    acceptance = Acceptance(problem.rule, problem.ids, reason)
    properties = _without(model, problem_key(problem))
    properties.append((ACCEPTED_KEY, acceptance.to_value()))
    return CompoundCommand(tr("Accept warning {rule}", rule=problem.rule),
                           [SetModelFieldsCommand({"properties": properties})])


def reopen_command(model: Model, problem: Problem) -> Command:
    """Take back the acceptance of ``problem``: it is an open warning again."""
    return CompoundCommand(tr("Reopen warning {rule}", rule=problem.rule),
                           [SetModelFieldsCommand({"properties": _without(
                               model, problem_key(problem))})])


def _without(model: Model, key: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in model.properties
            if not (k == ACCEPTED_KEY and (a := parse_acceptance(v)) is not None
                    and a.key == key)]
