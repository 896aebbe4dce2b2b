"""The framework rules of one catalog over one model, judged unit by unit.

A unit is one relationship (the relationship checks), one element (the per-element model
checks), or one node (the band layer); what the model as a whole must contain is judged
from indexes each time the findings are asked for. :meth:`FrameworkEngine.run` judges every
unit once, in the model's order (what ``FrameworkRuleProvider.model_findings`` returns);
:meth:`FrameworkEngine.update` judges again only the units an edit touched, which is how
the incremental validator (:mod:`egov_modeler.model.incremental_validation`) keeps the
Problems panel current without validating a 20,000-element model after every keystroke.

What an edit touches, and why:

* an element: its own units, its relationships (they read its layer, scope and name), its
  nodes (the band check names it), its neighbours' hosting when its type or layer changed,
  and the reachability questions whose platforms or targets it was or is;
* a relationship: its own unit and both ends' units (hosting and reachability read their
  relationships), and the reachability questions when an end is a platform or a target,
  which then say whose answers changed (:meth:`.reachability.Reach.update`);
* a node: itself and the nodes nested in it (the enclosing band decides); a view's name:
  the nodes it has findings for (the message names the view).

Anything the units cannot follow (the model's profile, date or level, the message
language, the catalog) changes the engine's :attr:`FrameworkEngine.signature`, and the
caller starts a new engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ...i18n import current_language
from ..catalog import PROP_SCOPE, Catalog, FrameworkRule
from ..concepts import Element
from ..problems import Problem
from .checks import CHECKS, Check
from .context import CheckContext, property_value
from .level import model_level
from .work import WORK

RelationshipRule = tuple[Callable[..., list[Problem]], FrameworkRule]
#: One element check as the engine runs it: (findings by element id, elements judged,
#: which elements it judges, the check, its rule).
_ElementStep = tuple[dict[str, list[Problem]], set[str], Any, Any, FrameworkRule]


@dataclass
class Changes:
    """What an edit (or several) touched, as the model's events said.

    ``relationships`` maps each relationship id to what it was before the edit
    (``(source, target, type)``; ``None`` for a new one)."""

    #: Elements added, changed or removed, in the order of their last event.
    elements: dict[str, None] = field(default_factory=dict)
    #: Elements removed (and maybe put back since: then they went last in the model).
    removed: set[str] = field(default_factory=set)
    relationships: dict[str, tuple[str, str, str] | None] = field(default_factory=dict)
    nodes: set[tuple[str, str]] = field(default_factory=set)
    views: set[str] = field(default_factory=set)
    renamed_views: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.elements or self.relationships or self.nodes or self.views
                    or self.renamed_views)


def kind_of(element: Element) -> tuple[Any, ...]:
    """What the kind-reading relationship checks read of an end (see
    :attr:`.checks.Check.reads_kinds`): type, catalog component, layer, ``Phạm vi``."""
    scope = property_value(element, PROP_SCOPE) if element.properties else None
    return (element.type, element.catalog_ref, element.layer, scope)


def is_retiring(catalog: Catalog, element: Element | None) -> bool:
    """Whether the model marks ``element`` as being merged or retired (the profile's
    ``retiring`` property): model-wide rules do not hold it."""
    retiring = catalog.profile.retiring if catalog.profile else None
    if retiring is None or element is None:
        return False
    return property_value(element, retiring.property) in retiring.values


class FrameworkEngine:
    """Judges ``rules`` (of ``catalog``) over ``model`` and keeps the findings per unit."""

    def __init__(self, model: Any, catalog: Catalog, rules: list[FrameworkRule]) -> None:
        self.model = model
        self.catalog = catalog
        self.rules = rules
        self.ctx = CheckContext(model, catalog)
        self.signature = engine_signature(model, catalog, rules)
        self._by_type: dict[str, tuple[list[RelationshipRule], bool]] = {}
        #: element id -> what the kind-reading checks read of it (see :meth:`kind`).
        self._kinds: dict[str, tuple[Any, ...]] = self.ctx.memo("kind")
        #: (source kind, type, target kind, same end) the relationship checks found fine.
        self._fine: set[tuple[Any, ...]] = set()
        checks = [(rule, CHECKS[rule.check]) for rule in rules if rule.check in CHECKS]
        #: (position, rule, check) of each kind, positions in the rules' order.
        self._element_checks = [(k, r, c) for k, (r, c) in enumerate(checks) if c.on_element]
        self._node_checks = [(k, r, c) for k, (r, c) in enumerate(checks) if c.on_node]
        self._checks = checks
        self._relationship_findings: dict[str, list[Problem]] = {}
        self._element_findings: dict[int, dict[str, list[Problem]]] = {
            k: {} for k, _, _ in self._element_checks}
        self._subjects: dict[int, set[str]] = {k: set() for k, _, _ in self._element_checks}
        self._node_findings: dict[int, dict[tuple[str, str], list[Problem]]] = {
            k: {} for k, _, _ in self._node_checks}
        self._all_elements = self._plan(lambda check: True)
        self._neighbour_elements = self._plan(lambda check: check.reads_neighbours)
        self._reaching_elements = self._plan(lambda check: check.reaches is not None)
        #: the checks that read relationships, each with its ``reacts`` question
        self._linked_elements = [
            ((self._element_findings[k], self._subjects[k], check.subject, check.on_element,
              rule), check.reacts)
            for k, rule, check in self._element_checks
            if check.reads_neighbours or check.reaches is not None]
        #: element id -> (type, layer) when its units were last judged (hosting of its
        #: neighbours reads both).
        self._seen: dict[str, tuple[str, str | None]] = {}
        self._provincial: bool | None = None

    # ------------------------------------------------------------------ judging
    def rules_for(self, rel_type: str) -> tuple[list[RelationshipRule], bool]:
        """The relationship checks that judge relationships of ``rel_type``, and whether
        they all read only the ends' kinds (see :attr:`.checks.Check.reads_kinds`)."""
        found = self._by_type.get(rel_type)
        if found is None:
            rules = [(check.on_relationship, rule) for rule, check in self._checks
                     if check.on_relationship is not None
                     and check.judges_type(rule.params, rel_type)]
            kinds = all(check.reads_kinds for rule, check in self._checks
                        if check.on_relationship is not None
                        and check.judges_type(rule.params, rel_type))
            self._by_type[rel_type] = (rules, kinds)
            return rules, kinds
        return found

    def kind(self, element: Element) -> tuple[Any, ...]:
        """What the kind-reading relationship checks read of an end."""
        kinds = self._kinds
        found = kinds.get(element.id)
        if found is None:
            found = kinds[element.id] = kind_of(element)
        return found

    def relationship_problems(self, source: Element, rel_type: str, target: Element,
                              ids: tuple[str, ...]) -> list[Problem]:
        """What the relationship checks say of one relationship (drawn or existing).

        Most relationships are fine, and the checks' verdict depends on the ends' kinds
        only: a combination found fine once is not judged again."""
        rules, kinds = self.rules_for(rel_type)
        if not rules:
            return []
        key = None
        if kinds:
            key = (self.kind(source), rel_type, self.kind(target), source.id == target.id)
            if key in self._fine:
                return []
        WORK.steps += len(rules)
        ctx = self.ctx
        problems: list[Problem] = []
        for check, rule in rules:
            problems += check(ctx, rule, source, rel_type, target, ids)
        if key is not None and not problems:
            self._fine.add(key)
        return problems

    def _judge_relationship(self, rel: Any) -> None:
        source, target = self.ctx.element(rel.source), self.ctx.element(rel.target)
        found = (self.relationship_problems(source, rel.type, target, (rel.id,))
                 if source is not None and target is not None else None)
        if found:
            self._relationship_findings[rel.id] = found
        else:
            self._relationship_findings.pop(rel.id, None)

    def _plan(self, which: Callable[[Check], bool]) -> list[_ElementStep]:
        """The element checks ``which`` accepts, with where their findings go."""
        return [(self._element_findings[k], self._subjects[k], check.subject,
                 check.on_element, rule)
                for k, rule, check in self._element_checks if which(check)]

    def _judge_element(self, element: Element, plan: list[_ElementStep]) -> None:
        ctx = self.ctx
        element_id = element.id
        self._seen[element_id] = (element.type, ctx.layer_of(element))
        for findings, subjects, subject, judge, rule in plan:
            if subject is not None:
                if not subject(ctx, rule, element):
                    subjects.discard(element_id)
                    findings.pop(element_id, None)
                    continue
                subjects.add(element_id)
            found = judge(ctx, rule, element)
            if found:
                findings[element_id] = found
            elif element_id in findings:
                del findings[element_id]
        WORK.steps += len(plan)

    def _forget_element(self, element_id: str) -> None:
        self._seen.pop(element_id, None)
        for findings in self._element_findings.values():
            findings.pop(element_id, None)
        for subjects in self._subjects.values():
            subjects.discard(element_id)

    def _judge_node(self, view: Any, node: Any) -> None:
        for k, rule, check in self._node_checks:
            WORK.add(1)
            assert check.on_node is not None
            found = check.on_node(self.ctx, rule, view, node)
            if found:
                self._node_findings[k][(view.id, node.id)] = found
            else:
                self._node_findings[k].pop((view.id, node.id), None)

    def _forget_node(self, key: tuple[str, str]) -> None:
        for findings in self._node_findings.values():
            findings.pop(key, None)

    def is_current(self, catalog: Catalog, rules: list[FrameworkRule]) -> bool:
        """Whether the engine's findings can still be kept up to date unit by unit, for
        the model's ``catalog`` and ``rules`` in force now: not when the profile, date or
        level, the language, the catalog, or whether the model counts as provincial
        changed (every element's scope may read differently): then judge the model again
        with a new engine."""
        if self.signature != engine_signature(self.model, catalog, rules):
            return False
        return self._provincial is None or self._provincial == self.ctx.provincial()

    def run(self) -> None:
        """Judge every unit of the model, in the model's order.

        The same verdicts as judging unit by unit (:meth:`update` does that), in tighter
        loops: a 20,000-element model has 40,000 relationships and 100,000 element
        questions, and each layer of Python calls per unit costs a tenth of the budget
        (issue 19). So the relationships' look-ups are written out here, and each element
        check first narrows the model to the elements it can speak of
        (:attr:`.checks.Check.candidates`, from the context's indexes or a cheap test),
        judging those only."""
        ctx = self.ctx
        ctx.index()
        self._provincial = ctx.provincial()
        self._judge_all_relationships()
        elements = self.model.elements
        self._seen = {e.id: (e.type, layer)
                      for e, layer in zip(elements, ctx.layers_of(elements), strict=True)}
        for k, rule, check in self._element_checks:
            findings, subjects = self._element_findings[k], self._subjects[k]
            findings.clear()
            subjects.clear()
            subject, judge = check.subject, check.on_element
            assert judge is not None
            chosen = (check.candidates(ctx, rule, elements) if check.candidates is not None
                      else elements)
            WORK.steps += len(elements) + len(chosen)
            for element in chosen:
                if subject is not None:
                    if not subject(ctx, rule, element):
                        continue
                    subjects.add(element.id)
                found = judge(ctx, rule, element)
                if found:
                    findings[element.id] = found
        for view in self.model.views:
            for node in view.nodes.values():
                self._judge_node(view, node)

    def _judge_all_relationships(self) -> None:
        """:meth:`_judge_relationship` for every relationship, in one loop.

        Each element's kind (:meth:`kind`) is numbered once, so a relationship whose
        rules read kinds only is known fine by one look-up of (source kind, type, target
        kind, same end) among the combinations found fine before: most are, and only the
        others go to :meth:`relationship_problems`."""
        elements = self.model.element_index
        by_type = self._by_type
        numbers: dict[tuple[Any, ...], int] = {}
        number_of = {e.id: numbers.setdefault(kind_of(e), len(numbers))
                     for e in self.model.elements}
        fine: set[tuple[int, str, int, bool]] = set()
        problems_of = self.relationship_problems
        findings = self._relationship_findings
        findings.clear()
        for rel in self.model.relationships:
            rel_type = rel.type
            judged = by_type.get(rel_type)
            if judged is None:
                judged = self.rules_for(rel_type)
            if not judged[0]:
                continue
            source_kind, target_kind = number_of.get(rel.source), number_of.get(rel.target)
            if source_kind is None or target_kind is None:
                continue  # an end that is a relationship, or missing: no rule speaks of it
            key = None
            if judged[1]:
                key = (source_kind, rel_type, target_kind, rel.source == rel.target)
                if key in fine:
                    continue
            found = problems_of(elements[rel.source], rel_type, elements[rel.target],
                                (rel.id,))
            if found:
                findings[rel.id] = found
            elif key is not None:
                fine.add(key)

    # ------------------------------------------------------------------ the findings
    def problems(self) -> list[Problem]:
        """Every finding: the relationships' in the model's order, then each rule's
        (systems being retired are not held to the model-wide rules)."""
        found = [p for problems in self._relationship_findings.values() for p in problems]
        ctx = self.ctx
        for k, (rule, check) in enumerate(self._checks):
            if check.on_element is not None:
                rule_findings = [p for problems in self._element_findings[k].values()
                                 for p in problems]
                if check.gate is not None:
                    rule_findings = check.gate(ctx, rule, rule_findings, len(self._subjects[k]))
            elif check.on_node is not None:
                rule_findings = [p for problems in self._node_findings[k].values()
                                 for p in problems]
            elif check.on_model is not None:
                WORK.add(1)
                rule_findings = check.on_model(ctx, rule)
            else:
                continue
            found.extend(p for p in rule_findings if not self._about_retiring(p))
        return found

    def _about_retiring(self, problem: Problem) -> bool:
        """A model-wide finding that speaks only of systems being merged or retired."""
        elements = [e for e in (self.ctx.element(i) for i in problem.ids) if e is not None]
        return bool(elements) and all(is_retiring(self.catalog, e) for e in elements)

    # ------------------------------------------------------------------ after an edit
    def update(self, changes: Changes) -> None:
        """Judge again what ``changes`` touched (see the module docstring)."""
        ctx, model = self.ctx, self.model
        relationships: set[str] = set(changes.relationships)
        elements: set[str] = set()
        neighbours: set[str] = set()
        nodes: set[tuple[str, str]] = set()
        walks: list[Any] = []

        def walk_of(lineages: Iterable[frozenset[str] | None]) -> None:
            for walk in ctx.reaches_made():
                if walk not in walks and any(lineage and not lineage.isdisjoint(
                        walk.components) for lineage in lineages):
                    walks.append(walk)

        for element_id in changes.elements:
            before = ctx.filed_lineage(element_id)
            kind_before = self._kinds.get(element_id)
            element = ctx.element(element_id)
            ctx.unfile(element_id, removed=element is None or element_id in changes.removed)
            if element is None:
                seen = self._seen.get(element_id)
                if seen is not None:  # what it was, for the checks' ``reacts``
                    ctx.gone[element_id] = Element(element_id, seen[0], layer=seen[1])
                self._forget_element(element_id)
                walk_of([before])
                continue
            ctx.file(element)
            after = ctx.filed_lineage(element_id)
            if after != before:  # it became, or stopped being, a platform or target
                walk_of([before, after])
            elements.add(element_id)
            if kind_before == self.kind(element):
                # only its name or such changed: the verdicts stand, the words change
                relationships.update(rel.id for rel in model.relationships_of(element_id)
                                     if rel.id in self._relationship_findings
                                     or not self.rules_for(rel.type)[1])
            else:
                relationships.update(rel.id for rel in model.relationships_of(element_id))
            for view in model.views_showing(element_id):
                nodes.update((view.id, n.id) for n in view.nodes_of_element(element_id))
            if self._seen.get(element_id) != (element.type, ctx.layer_of(element)):
                neighbours.update(ctx.neighbours(element_id))

        reached: set[str] = set()
        #: element -> (the other end, added or removed) of its relationships that changed
        linked: dict[str, list[tuple[str, bool]]] = {}
        for rel_id, was in changes.relationships.items():
            ends = set(was[:2]) if was else set()
            now = model.relationship(rel_id) if model.has_relationship(rel_id) else None
            if now is not None:
                ends.update((now.source, now.target))
            for one, other, added in _ends_of(was, now):
                linked.setdefault(one, []).append((other, added))
            for walk in ctx.reaches_made():
                if walk in walks:
                    continue  # worked out again below
                if was is not None:
                    found = walk.removed(walk.steps(*was))
                    if found is None:
                        walks.append(walk)
                        continue
                    reached |= found
                if now is not None:
                    reached |= walk.added(walk.steps(now.source, now.target, now.type))

        for walk in walks:
            reached.update(walk.update())
        for walk in ctx.reaches_made():  # what they are changed
            walk.forget(changes.elements)

        for rel_id in relationships:
            if model.has_relationship(rel_id):
                self._judge_relationship(model.relationship(rel_id))
            else:
                self._relationship_findings.pop(rel_id, None)
        self._judge_elements(elements, self._all_elements)
        self._judge_linked(linked, elements)
        ctx.gone.clear()
        self._judge_elements(neighbours - elements - linked.keys(), self._neighbour_elements)
        self._judge_elements(reached - elements - linked.keys(), self._reaching_elements)
        self._update_nodes(changes, nodes)

    def _judge_linked(self, linked: dict[str, list[tuple[str, bool]]],
                      judged: set[str]) -> None:
        """Judge again the checks that read relationships, for elements whose
        relationships changed (a check that can tell from the other end whether its
        findings may change, as hosting can, is asked first; an other end removed by the
        edit is known by its type and layer, :attr:`.context.CheckContext.gone`)."""
        ctx = self.ctx
        for element_id, others in linked.items():
            element = ctx.element(element_id)
            if element is None or element_id in judged:
                continue
            plan = []
            for step, reacts in self._linked_elements:
                findings, _, _, _, rule = step
                if reacts is None or any(reacts(ctx, rule, element, other, added,
                                                element_id in findings)
                                         for other, added in others):
                    plan.append(step)
            if plan:
                self._judge_element(element, plan)

    def _judge_elements(self, element_ids: Iterable[str], plan: list[_ElementStep]) -> None:
        if not plan:
            return
        for element_id in element_ids:
            element = self.ctx.element(element_id)
            if element is not None:
                self._judge_element(element, plan)

    def _update_nodes(self, changes: Changes, nodes: set[tuple[str, str]]) -> None:
        model = self.model
        for view_id in changes.views:  # added or removed: every node of it
            for findings in self._node_findings.values():
                for key in [key for key in findings if key[0] == view_id]:
                    del findings[key]
            if model.has_view(view_id):
                nodes.update((view_id, n) for n in model.view(view_id).nodes)
        for view_id in changes.renamed_views:
            for findings in self._node_findings.values():
                nodes.update(key for key in findings if key[0] == view_id)
        for view_id, node_id in changes.nodes:
            nodes.add((view_id, node_id))
            if model.has_view(view_id) and node_id in model.view(view_id).nodes:
                nodes.update((view_id, d.id) for d in model.view(view_id).descendants(node_id))
        for key in nodes:
            view_id, node_id = key
            view = model.view(view_id) if model.has_view(view_id) else None
            node = view.nodes.get(node_id) if view is not None else None
            if node is None:
                self._forget_node(key)
            else:
                self._judge_node(view, node)


def _ends_of(was: tuple[str, str, str] | None,
             now: Any) -> list[tuple[str, str, bool]]:
    """(end, other end, added) for both ends of a relationship before and after."""
    found = []
    if was is not None:
        found += [(was[0], was[1], False), (was[1], was[0], False)]
    if now is not None:
        found += [(now.source, now.target, True), (now.target, now.source, True)]
    return found


def engine_signature(model: Any, catalog: Catalog, rules: list[FrameworkRule]) -> tuple[Any, ...]:
    """What an engine's findings depend on beyond the units: the catalog, the rules in
    force, the message language and what the model says of its level."""
    return (id(catalog), tuple(id(rule) for rule in rules), current_language(),
            model_level(model))
