"""Which elements reach a target through platforms, worked out once for every start.

The portal, provincial-link and master-data checks ask, for many elements, "does this one
reach a national portal (or NDOP, the document axis ...) directly or through platforms
such as the LGSP/LDOP?". Asked one start at a time, each search walked through the
platform hub and listed its thousands of relationships again: quadratic (issue 19). Here
the question is turned round: starting from the targets and walking backwards through the
platforms, one search finds every element from which a target can be reached (the *good*
set); a start then reaches a target when one of its neighbours is good. One walk per run,
and a look at each start's own relationships.

The answers are exactly those of the forward search the checks were written with (kept as
:meth:`Reach.search` for the one case the good set cannot answer: a start that is itself a
target, which must reach *another* target).

After an edit the good set is kept, not worked out again: each good element carries its
distance from a target, and keeps one neighbour nearer to a target than itself. A new
relationship can only add good elements (spreading backwards from it); a removed one
matters only when it was an element's last way nearer to a target, and only then is the
whole set worked out again (:meth:`_Walk.added`, :meth:`_Walk.removed`). Both say which
elements' answers may have changed. When the platforms or targets themselves change, the
set is worked out again (:meth:`_Walk.update`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING

from ..concepts import Element
from .work import WORK

if TYPE_CHECKING:
    from .context import CheckContext

#: The relationships a ``linked_via`` rule follows when it names none.
LINK = ("Flow", "Triggering", "Serving", "Access", "Association", "Realization")

#: What a state is: an element id (:class:`Reach`) or (element id, passed via)
#: (:class:`ViaReach`); the target itself is the state ``_SUCCESS``.
State = Hashable
_SUCCESS = ("", True)


class _Walk:
    """What :class:`Reach` and :class:`ViaReach` share: the relationships followed, the
    good states with their distances, and keeping them after an edit."""

    #: The catalog components whose elements the good set depends on.
    components: frozenset[str] = frozenset()

    def __init__(self, ctx: CheckContext, types: frozenset[str], directed: bool) -> None:
        self.ctx = ctx
        self.types = types
        self.directed = directed
        #: good state -> distance to a target (each but the targets has a successor
        #: nearer by one or more).
        self.dist: dict[State, int] = {}
        #: start id -> its answer, until something it depends on changes (:meth:`forget`).
        self._answers: dict[str, bool] = {}

    def forget(self, element_ids: Iterable[str]) -> None:
        """Drop the answers of these starts (their relationships changed)."""
        for element_id in element_ids:
            self._answers.pop(element_id, None)

    def reaches(self, start: Element) -> bool:
        """Whether a search from ``start`` succeeds (kept until it may change)."""
        found = self._answers.get(start.id)
        if found is None:
            found = self._answer(start)
            if start.id not in self._fresh_only:
                self._answers[start.id] = found
        return found

    def _answer(self, start: Element) -> bool:
        raise NotImplementedError

    def _enters(self, start_id: str, other_id: str) -> bool:
        """Whether a search from ``start_id`` succeeds by going to ``other_id`` first."""
        raise NotImplementedError

    #: Starts whose answer is never kept (see :meth:`Reach.search`).
    _fresh_only: frozenset[str] | set[str] = frozenset()

    # ------------------------------------------------------------------ the graph
    def forward(self, element_id: str) -> list[str]:
        """The ids a search from ``element_id`` goes to next."""
        return self.ctx.neighbours(element_id, self.types, self.directed)

    def backward(self, element_id: str) -> list[str]:
        """The ids whose :meth:`forward` holds ``element_id``."""
        model = self.ctx.model
        found = model.ends_of(element_id, self.types, incoming=True)
        if not self.directed:
            found += model.ends_of(element_id, self.types, incoming=False)
        WORK.add(len(found) + 1)
        return found

    def steps(self, source: str, target: str, rel_type: str) -> list[tuple[str, str]]:
        """The (from, to) steps of :meth:`forward` that one relationship makes."""
        if rel_type not in self.types:
            return []
        if self.directed or source == target:
            return [(source, target)]
        return [(source, target), (target, source)]

    # ------------------------------------------------------------------ states
    def _next(self, state: State, element_id: str) -> State | None:
        """The state a search in ``state`` reaches by going to ``element_id``, or
        ``None`` when it cannot go there."""
        raise NotImplementedError

    def _states_of(self, element_id: str) -> list[State]:
        """The states a search can be in at ``element_id`` (between start and target)."""
        raise NotImplementedError

    def _previous(self, state: State) -> list[State]:
        """The states whose :meth:`_next` can be ``state``."""
        found: list[State] = []
        element_id = _element_of(state)
        for other in self.backward(element_id):
            for before in self._states_of(other):
                if self._next(before, element_id) == state and before not in found:
                    found.append(before)
        return found

    def _spread(self, queue: deque[State]) -> set[State]:
        """Mark good, backwards from the good states in ``queue``; the states marked."""
        dist = self.dist
        marked: set[State] = set()
        while queue:
            state = queue.popleft()
            for before in self._previous(state):
                if before not in dist:
                    dist[before] = dist[state] + 1
                    marked.add(before)
                    queue.append(before)
        return marked

    def compute(self) -> None:
        raise NotImplementedError

    def members(self) -> frozenset[str]:
        """Ids of the elements a search may pass or end at."""
        raise NotImplementedError

    def _affected(self, changed: Iterable[str]) -> set[str]:
        affected = set(changed)
        for element_id in list(affected):
            affected.update(self.backward(element_id))
        self.forget(affected)
        return affected

    def update(self) -> set[str]:
        """Work the good set out again; the ids whose answer may have changed (those
        whose good states changed and everything whose search goes to them)."""
        before = self.dist
        self.compute()
        self._answers.clear()
        after = self.dist
        changed = {_element_of(s) for s in before.keys() ^ after.keys()}
        return self._affected(changed)

    def added(self, steps: list[tuple[str, str]]) -> set[str]:
        """A relationship making ``steps`` was added: the ids whose answer may change."""
        dist = self.dist
        queue: deque[State] = deque()
        marked: set[State] = set()
        for source, target in steps:
            for state in self._states_of(source):
                following = self._next(state, target)
                if state in dist or following is None or (
                        following is not _SUCCESS and following not in dist):
                    continue
                dist[state] = 1 if following is _SUCCESS else dist[following] + 1
                marked.add(state)
                queue.append(state)
        marked |= self._spread(queue)
        affected = self._affected({_element_of(s) for s in marked})
        answers = self._answers
        for source, target in steps:  # a new way in can only make a "no" a "yes"
            if answers.get(source) is False and self._enters(source, target):
                answers[source] = True
        return affected

    def removed(self, steps: list[tuple[str, str]]) -> set[str] | None:
        """A relationship making ``steps`` was removed: the ids whose answer may change,
        or ``None`` when some good state lost its last way nearer a target (then call
        :meth:`update`)."""
        dist = self.dist
        for source, target in steps:  # only a lost way in can make a "yes" a "no"
            if self._enters(source, target):
                self._answers.pop(source, None)
        for source, target in steps:
            for state in self._states_of(source):
                level = dist.get(state)
                following = self._next(state, target)
                if level is None or level == 0 or following is None:
                    continue
                if not self._supported(state, level):
                    return None
        return set()

    def _supported(self, state: State, level: int) -> bool:
        """Whether ``state`` still has a step to a state nearer a target."""
        dist = self.dist
        for other in self.forward(_element_of(state)):
            following = self._next(state, other)
            if following is _SUCCESS or (following is not None
                                         and dist.get(following, level) < level):
                return True
        return False

    def touches(self, element_ids: Iterable[str]) -> bool:
        """Whether a relationship between these ids can change the good set."""
        members = self.members()
        return any(i in members for i in element_ids)


def _element_of(state: State) -> str:
    return state[0] if isinstance(state, tuple) else state  # type: ignore[return-value]


class Reach(_Walk):
    """Elements that reach one of ``targets`` directly or through ``platforms``.

    A state is an element id: a target (distance 0) or a platform from which a target can
    be reached through platforms."""

    def __init__(self, ctx: CheckContext, targets: tuple[str, ...], platforms: tuple[str, ...],
                 types: frozenset[str], directed: bool) -> None:
        super().__init__(ctx, types, directed)
        self.targets = targets
        self.platforms = platforms
        self.components = frozenset(targets) | frozenset(platforms)
        self._target_ids: set[str] = set()
        self._platform_ids: set[str] = set()
        self.compute()

    def members(self) -> frozenset[str]:
        return frozenset(self._target_ids | self._platform_ids)

    def _states_of(self, element_id: str) -> list[State]:
        return [element_id] if element_id in self._platform_ids else []

    def _next(self, state: State, element_id: str) -> State | None:
        if element_id in self._target_ids:
            return element_id
        return element_id if element_id in self._platform_ids else None

    def _previous(self, state: State) -> list[State]:
        platforms = self._platform_ids
        return [other for other in self.backward(state) if other in platforms]  # type: ignore[arg-type]

    def _supported(self, state: State, level: int) -> bool:
        dist = self.dist
        return any(dist.get(other, level) < level for other in self.forward(state))  # type: ignore[arg-type]

    def compute(self) -> None:
        ctx = self.ctx
        self._target_ids = {e.id for e in ctx.elements_of(self.targets)}
        self._fresh_only = self._target_ids  # a target's search goes anywhere: never kept
        self._platform_ids = {e.id for e in ctx.elements_of(self.platforms)}
        self.dist = dict.fromkeys(self._target_ids, 0)
        self._spread(deque(self._target_ids))

    def _answer(self, start: Element) -> bool:
        """True when ``start`` reaches an element of the targets directly or through
        platforms (never itself)."""
        if start.id in self._target_ids:
            return self.search(start)
        return any(self._enters(start.id, other) for other in self.forward(start.id))

    def _enters(self, start_id: str, other_id: str) -> bool:
        return other_id != start_id and other_id in self.dist

    def search(self, start: Element) -> bool:
        """The forward search from one start (the checks' own definition)."""
        ctx = self.ctx
        seen = {start.id}
        queue = deque([start.id])
        while queue:
            current = queue.popleft()
            for other_id in self.forward(current):
                if other_id in seen:
                    continue
                seen.add(other_id)
                other = ctx.element(other_id)
                if other is None:
                    continue
                if ctx.is_a(other, self.targets):
                    return True
                if ctx.is_a(other, self.platforms):
                    queue.append(other_id)
        return False


class ViaReach(_Walk):
    """Elements that reach one of ``to`` on a path through ``via``, walking only through
    ``platforms`` and ``via`` (the ``linked_via`` check).

    A search state is an element and whether the path has passed ``via`` yet; a target
    counts only once it has. The good states are worked out backwards from the targets.
    """

    def __init__(self, ctx: CheckContext, to: tuple[str, ...], via: tuple[str, ...],
                 platforms: tuple[str, ...], types: frozenset[str], directed: bool) -> None:
        super().__init__(ctx, types, directed)
        self.to = to
        self.via = via
        self.platforms = platforms
        self.components = frozenset(to) | frozenset(via) | frozenset(platforms)
        self._targets: set[str] = set()
        self._passable: set[str] = set()
        self._via: set[str] = set()
        self.compute()

    def members(self) -> frozenset[str]:
        return frozenset(self._targets | self._passable)

    def _states_of(self, element_id: str) -> list[State]:
        if element_id in self._passable:
            return [(element_id, False), (element_id, True)]
        return []

    def _next(self, state: State, element_id: str) -> State | None:
        passed = state[1]  # type: ignore[index]
        if element_id in self._targets:
            return _SUCCESS if passed else None
        if element_id in self._passable:
            return (element_id, passed or element_id in self._via)
        return None

    def compute(self) -> None:
        ctx = self.ctx
        self._targets = {e.id for e in ctx.elements_of(self.to)}
        self._via = {e.id for e in ctx.elements_of(self.via)}
        self._passable = ({e.id for e in ctx.elements_of(self.platforms)} | self._via) \
            - self._targets
        self.dist = {}
        queue: deque[State] = deque()
        for target in self._targets:
            for other in self.backward(target):
                if other in self._passable and (other, True) not in self.dist:
                    self.dist[(other, True)] = 1
                    queue.append((other, True))
        self._spread(queue)

    def _answer(self, start: Element) -> bool:
        """True when a path from ``start`` reaches ``to`` after passing ``via``."""
        return any(self._enters(start.id, other) for other in self.forward(start.id))

    def _enters(self, start_id: str, other_id: str) -> bool:
        return (other_id not in self._targets and other_id in self._passable
                and (other_id, other_id in self._via) in self.dist)
