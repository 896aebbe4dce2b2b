"""Validation kept up to date as the model is edited: only what an edit touched is
checked again.

The window validated the whole model a moment after every edit, on the GUI thread: a
second on a 20,000-element model (issue 19). :class:`IncrementalValidator` listens to the
model's change events, notes what each edit touched, and when asked for the problems
judges again only those relationships, elements and nodes (the ArchiMate table here, the
framework rules through :class:`~.framework_rules.engine.FrameworkEngine`, the upkeep
warnings through :class:`~.incremental_hygiene.HygieneTracker`); everything else
keeps its findings. The answer is always the list :func:`~.validation.validate_model`
would give for the model as it is now (a property test holds the two equal over random
edit sequences):

    validator = IncrementalValidator(model)   # judges the whole model once, lazily
    ...edits...
    problems = validator.problems()           # re-checks what the edits touched

What no event announces is noticed when the problems are asked for: another profile, date
or level of the model, another message language, another catalog (a user catalog loaded),
another set of rule providers. Then the part concerned is judged again as a whole. Rule
providers other than the framework's are asked for their whole-model findings each time
(they say nothing of what they read).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from ..i18n import current_language
from . import events as ev
from .collector import collection_paused
from .framework_rules.engine import Changes, FrameworkEngine
from .framework_rules.provider import FrameworkRuleProvider, rules_in_force
from .framework_rules.work import WORK
from .incremental_hygiene import HygieneTracker
from .model import Model
from .problem_ordering import ProblemOrder
from .problems import Problem
from .rules import RuleProvider, provider_findings, rule_providers
from .validation import ArchimateJudge, junction_problem

log = logging.getLogger(__name__)


class _FrameworkPart:
    """One framework provider's engine over the model, or the warning it gives instead."""

    def __init__(self, provider: FrameworkRuleProvider, model: Model) -> None:
        self.provider = provider
        self.model = model
        self.engine: FrameworkEngine | Problem | None = None

    def current(self) -> bool:
        """Whether the engine still judges by the model's catalog and rules in force."""
        if not isinstance(self.engine, FrameworkEngine):
            fresh = self.provider.engine(self.model)
            return isinstance(fresh, Problem) and fresh == self.engine
        try:
            catalog = self.provider.catalog_of(self.model)
        except Exception:  # the profile went: judge again (it says why)
            return False
        rules, _ = rules_in_force(self.model, catalog)
        return self.engine.is_current(catalog, rules)

    def rebuild(self) -> None:
        engine = self.provider.engine(self.model)
        if isinstance(engine, FrameworkEngine):
            engine.run()
        self.engine = engine

    def problems(self) -> list[Problem]:
        if isinstance(self.engine, FrameworkEngine):
            return self.engine.problems()
        return [self.engine] if self.engine is not None else []


class IncrementalValidator:
    """The model's problems, kept up to date edit by edit (see the module docstring)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._unsubscribe: Callable[[], None] | None = model.subscribe(self._heard)
        self._changes = Changes()
        self._reset = True
        self._language = ""
        #: element id -> its type when last judged (the ArchiMate table reads only that).
        self._types: dict[str, str] = {}
        #: relationship id -> (source, target, type) when last judged.
        self._ends: dict[str, tuple[str, str, str]] = {}
        self._archimate: dict[str, Problem] = {}
        self._junctions: dict[str, Problem] = {}
        self._judge = ArchimateJudge(model)
        self._hygiene = HygieneTracker(model)
        self._frameworks: dict[int, _FrameworkPart] = {}
        self._problems: list[Problem] | None = None
        self._order = ProblemOrder()
        self._providers: tuple[RuleProvider, ...] = ()

    def close(self) -> None:
        """Stop listening to the model (the window closes it, or replaces the model)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # ------------------------------------------------------------------ the answer
    def problems(self) -> list[Problem]:
        """Every problem of the model now, as :func:`~.validation.validate_model` gives
        them (errors first, then warnings, in a stable order)."""
        self.refresh()
        assert self._problems is not None
        return list(self._problems)

    def refresh(self) -> bool:
        """Judge again what changed since the last answer; False when nothing had (the
        cycle collector paused meanwhile, as :func:`~.validation.validate` pauses it)."""
        with collection_paused():
            return self._refresh()

    def _refresh(self) -> bool:
        from .framework_rules import ensure_framework_rules

        ensure_framework_rules()
        providers = rule_providers()
        framework_ids = {id(p) for p in providers if isinstance(p, FrameworkRuleProvider)}
        stale = [part for key, part in self._frameworks.items()
                 if key in framework_ids and not part.current()]
        unchanged = (self._problems is not None and not self._reset and not self._changes
                     and self._language == current_language() and not stale
                     and providers == self._providers
                     and len(framework_ids) == len(providers))
        if unchanged:
            return False
        changes, self._changes = self._changes, Changes()
        problems: list[Problem] = []
        if self._reset or self._language != current_language():
            self._judge_all()
            self._hygiene.judge_all()
            self._frameworks.clear()
        else:
            self._judge_changes(changes)
            self._hygiene.update(changes)
        problems.extend(self._archimate.values())
        problems.extend(self._junctions.values())
        problems.extend(self._hygiene.problems())
        for provider in providers:
            problems.extend(provider_findings(provider, self.model,
                                              self._framework_findings(provider, changes)))
        self._frameworks = {key: part for key, part in self._frameworks.items()
                            if key in framework_ids}
        self._reset = False
        self._providers = providers
        self._language = current_language()
        self._problems = self._order.sort(problems)
        return True

    def _framework_findings(self, provider: RuleProvider,
                            changes: Changes) -> Callable[[], list[Problem]] | None:
        """How to get ``provider``'s findings now: from its engine, updated with
        ``changes`` (judged anew when its catalog or rules changed, or an update fails);
        ``None`` for a provider that is not the framework's (asked as a whole)."""
        if not isinstance(provider, FrameworkRuleProvider):
            return None

        def findings() -> list[Problem]:
            part = self._frameworks.get(id(provider))
            if part is None or part.provider is not provider:
                part = self._frameworks[id(provider)] = _FrameworkPart(provider, self.model)
                part.rebuild()
            elif not part.current():
                part.rebuild()
            elif isinstance(part.engine, FrameworkEngine) and changes:
                try:
                    part.engine.update(changes)
                except Exception:  # judged anew; if that fails too, the provider failed
                    log.exception("incremental framework validation failed; judged anew")
                    part.rebuild()
                if not part.current():  # the edit made the model provincial, or not
                    part.rebuild()
            return part.problems()

        return findings

    # ------------------------------------------------------------------ ArchiMate
    def _judge_all(self) -> None:
        self.model.index_views()
        self._judge = ArchimateJudge(self.model)
        self._ends = {}
        self._archimate = {}
        self._junctions = {}
        through: dict[str, set[str]] = defaultdict(set)
        self._types = {e.id: e.type for e in self.model.elements}
        for rel in self.model.relationships:
            self._ends[rel.id] = (rel.source, rel.target, rel.type)
            self._judge_relationship(rel)
            for end in (rel.source, rel.target):
                if self._judge.is_junction(end):
                    through[end].add(rel.type)
        for junction_id, types in through.items():
            problem = junction_problem(junction_id, types)
            if problem is not None:
                self._junctions[junction_id] = problem
        WORK.add(len(self._ends))

    def _judge_relationship(self, rel: Any) -> None:
        problem = self._judge.relationship(rel)
        if problem is None:
            self._archimate.pop(rel.id, None)
        else:
            self._archimate[rel.id] = problem

    def _judge_changes(self, changes: Changes) -> None:
        model = self.model
        junctions: set[str] = set()
        relationships = set(changes.relationships)
        for element_id in changes.elements:
            junctions.add(element_id)
            element = model.find_element(element_id)
            if element is not None and self._types.get(element_id) != element.type:
                relationships.update(rel.id for rel in model.relationships_of(element_id))
            if element is None:
                self._types.pop(element_id, None)
            else:
                self._types[element_id] = element.type
        for rel_id in relationships:
            junctions.update(self._ends.get(rel_id, ())[:2])
            if model.has_relationship(rel_id):
                rel = model.relationship(rel_id)
                self._ends[rel_id] = (rel.source, rel.target, rel.type)
                junctions.update((rel.source, rel.target))
                self._judge_relationship(rel)
            else:
                self._ends.pop(rel_id, None)
                self._archimate.pop(rel_id, None)
        for junction_id in junctions:
            self._junctions.pop(junction_id, None)
            if self._judge.is_junction(junction_id):
                types = {rel.type for rel in model.relationships_of(junction_id)}
                problem = junction_problem(junction_id, types)
                if problem is not None:
                    self._junctions[junction_id] = problem
        WORK.add(len(relationships) + len(junctions))

    # ------------------------------------------------------------------ the events
    def _heard(self, event: ev.ModelEvent) -> None:
        changes = self._changes
        if isinstance(event, (ev.ElementAdded, ev.ElementRemoved, ev.ElementChanged)):
            # kept in the order of their last event: elements put back go last in the
            # model's order, and are filed in that order
            changes.elements.pop(event.element_id, None)
            changes.elements[event.element_id] = None
            if isinstance(event, ev.ElementRemoved):
                changes.removed.add(event.element_id)
        elif isinstance(event, (ev.RelationshipAdded, ev.RelationshipRemoved,
                                ev.RelationshipChanged)):
            if event.relationship_id not in changes.relationships:
                changes.relationships[event.relationship_id] = self._ends.get(
                    event.relationship_id)
        elif isinstance(event, (ev.NodeAdded, ev.NodeRemoved, ev.NodeChanged)):
            changes.nodes.add((event.view_id, event.node_id))
        elif isinstance(event, (ev.ViewAdded, ev.ViewRemoved)):
            changes.views.add(event.view_id)
        elif isinstance(event, ev.ViewChanged):
            changes.renamed_views.add(event.view_id)
        elif isinstance(event, ev.ModelReset):
            self._reset = True
        # NodeMoved, Connection*: nothing a rule reads; ModelPropertiesChanged: the
        # profile, date and level are compared when the problems are asked for.
