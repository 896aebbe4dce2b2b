"""The upkeep warnings (:mod:`.hygiene`: elements on no view, elements of one type with
one name) kept up to date edit by edit, for :class:`.incremental_validation.IncrementalValidator`.

Why its own state: both checks read the whole model (every node of every view, every
element's folded name), which on a 20,000-element model costs more than an edit may
(issue 19: under 20 ms). The tracker remembers which element each node shows and each
element's folded name, so an edit is answered from what it touched: the elements it
changed, the nodes it added or removed, the views it put back or deleted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .concepts import Element
from .framework_rules.engine import Changes
from .framework_rules.work import WORK
from .hygiene import can_be_unused, duplicate_problem, unused_problem
from .model import Model
from .problems import Problem
from .text_fold import name_key
from .views import Node

#: (element type, folded name): the elements that would be reported together.
NameGroup = tuple[str, str]


class HygieneTracker:
    """The upkeep warnings of one model, judged once and then updated from
    :class:`~.framework_rules.engine.Changes`."""

    def __init__(self, model: Model) -> None:
        self.model = model
        #: view id -> node id -> the element the node shows (nodes showing one only).
        self._view_nodes: dict[str, dict[str, str]] = {}
        #: element id -> how many nodes show it.
        self._shown: Counter[str] = Counter()
        #: element id -> its place in the model's order (an element put back goes last).
        self._order: dict[str, int] = {}
        self._next = 0
        self._groups: dict[NameGroup, set[str]] = defaultdict(set)
        self._group_of: dict[str, NameGroup] = {}
        self._unused: dict[str, Problem] = {}
        self._duplicates: dict[NameGroup, Problem] = {}

    def problems(self) -> list[Problem]:
        """The upkeep warnings now (unsorted: the validator sorts every problem)."""
        return [*self._unused.values(), *self._duplicates.values()]

    # ------------------------------------------------------------------ whole model
    def judge_all(self) -> None:
        """Judge the whole model (at first, after a reset or a change of language)."""
        model = self.model
        self._view_nodes = {view.id: _shown_by(view.nodes.values()) for view in model.views}
        self._shown = Counter(element_id for nodes in self._view_nodes.values()
                              for element_id in nodes.values())
        self._order = {}
        self._groups = defaultdict(set)
        self._group_of = {}
        for position, element in enumerate(model.elements):
            self._order[element.id] = position
            self._file_name(element)
        self._next = len(self._order)
        self._judge_all_unused()
        self._duplicates = {}
        for group in list(self._groups):
            self._judge_group(group)
        WORK.add(len(self._order))

    def _judge_all_unused(self) -> None:
        self._unused = {}
        for element in self.model.elements:
            self._judge_unused(element.id, element)

    # ------------------------------------------------------------------ one edit
    def update(self, changes: Changes) -> None:
        """Judge again what ``changes`` touched."""
        had_views = bool(self._view_nodes)
        elements: set[str] = set(changes.elements)
        for view_id in changes.views:
            for element_id in self._view_nodes.pop(view_id, {}).values():
                self._unshow(element_id, elements)
            view = self.model.find_view(view_id)
            if view is not None:
                nodes = self._view_nodes[view_id] = _shown_by(view.nodes.values())
                for element_id in nodes.values():
                    self._show(element_id, elements)
        for view_id, node_id in changes.nodes:
            if view_id in changes.views:
                continue  # read whole above
            held = self._view_nodes.get(view_id)
            if held is None:
                continue
            old = held.pop(node_id, None)
            if old is not None:
                self._unshow(old, elements)
            view = self.model.find_view(view_id)
            node = view.nodes.get(node_id) if view is not None else None
            if node is not None and node.element_id:
                held[node_id] = node.element_id
                self._show(node.element_id, elements)
        groups: set[NameGroup] = set()
        for element_id in changes.elements:
            element = self.model.find_element(element_id)
            if element is None or element_id in changes.removed:
                self._order.pop(element_id, None)
            if element is not None and element_id not in self._order:
                self._order[element_id] = self._next
                self._next += 1
            old_group = self._group_of.pop(element_id, None)
            if old_group is not None:
                self._groups[old_group].discard(element_id)
                groups.add(old_group)
            new_group = self._file_name(element) if element is not None else None
            if new_group is not None:
                groups.add(new_group)
        if had_views != bool(self._view_nodes):
            self._judge_all_unused()  # a model's first view, or its last one gone
        else:
            for element_id in elements:
                self._judge_unused(element_id, self.model.find_element(element_id))
        for group in groups:
            self._judge_group(group)
        WORK.add(len(elements) + len(groups))

    # ------------------------------------------------------------------ helpers
    def _show(self, element_id: str, touched: set[str]) -> None:
        self._shown[element_id] += 1
        touched.add(element_id)

    def _unshow(self, element_id: str, touched: set[str]) -> None:
        self._shown[element_id] -= 1
        if self._shown[element_id] <= 0:
            del self._shown[element_id]
        touched.add(element_id)

    def _file_name(self, element: Element) -> NameGroup | None:
        key = name_key(element.name)
        if not key:
            return None
        group = (element.type, key)
        self._groups[group].add(element.id)
        self._group_of[element.id] = group
        return group

    def _judge_unused(self, element_id: str, element: Element | None) -> None:
        if (element is not None and self._view_nodes and not self._shown.get(element_id)
                and can_be_unused(element)):
            self._unused[element_id] = unused_problem(element)
        else:
            self._unused.pop(element_id, None)

    def _judge_group(self, group: NameGroup) -> None:
        ids = self._groups.get(group)
        if not ids or len(ids) < 2:
            self._duplicates.pop(group, None)
            if not ids:
                self._groups.pop(group, None)
            return
        order = self._order
        members = [self.model.element(i) for i in sorted(ids, key=order.__getitem__)]
        self._duplicates[group] = duplicate_problem(members)


def _shown_by(nodes: Iterable[Node]) -> dict[str, str]:
    """Node id -> element id, for the nodes that show an element."""
    return {node.id: node.element_id for node in nodes if node.element_id}
