"""A route through the channels between boxes, for a line the router's few shapes (straight,
one elbow, two elbows through a lane, a detour round the nearest lanes) cannot route.

Boxes on a generated overview or a re-laid-out view sit in a grid inside groups and bands
with gaps between them, so a right-angled way through those gaps nearly always exists; it
just needs more bends than the router's shapes have. :class:`ChannelSearch` finds it with
A* over the crossings of the free lanes (the router's column and row lanes, plus the centre
lines of the two ends): a step runs along a lane to the next crossing, and costs its length,
:attr:`ChannelSearch.bend_cost` per bend and what the caller charges for the lines already
drawn there (running on top of one, crossing one). The search stays inside the bounds of
the two ends grown by a margin (grown once more when nothing is found), so a line on a
national-scale view looks at the lanes near it, not at every lane of the view; and every
step is checked against the boxes by the caller's test, so what comes out keeps clear of
them.

The line leaves its source and enters its target at the middle of a side, as
:func:`~egov_modeler.diagram.notation.connection_points` draws bendpoints: its first bend is
on the source's centre line, its last on the target's, each at least
:attr:`ChannelSearch.min_leg` off the box (room for the arrowhead).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]
Point = tuple[float, float]

#: Directions as (dx, dy) steps on the lane grid: right, down, left, up.
_STEPS = ((1, 0), (0, 1), (-1, 0), (0, -1))


def _inside(box: Box, x: float, y: float) -> bool:
    """Whether (x, y) is in ``box`` or on its border (a bend there would be hidden)."""
    return box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]


def _off_box(box: Box, x: float, y: float) -> float:
    """How far (x, y), on one of ``box``'s centre lines outside it, is from its border."""
    return max(box[0] - x, x - box[0] - box[2], box[1] - y, y - box[1] - box[3])


@dataclass
class ChannelSearch:
    """Finds right-angled routes through the lanes ``xs`` (columns) and ``ys`` (rows),
    both sorted."""

    xs: Sequence[int]
    ys: Sequence[int]
    #: What one bend costs, in points of length.
    bend_cost: float = 40
    #: Shortest first and last leg (room for the arrowhead).
    min_leg: float = 14
    #: How far beyond the two ends' bounds the first search looks.
    margin: float = 240
    #: How much the margin grows for the second search when the first finds nothing.
    widen: float = 4
    #: At most this many lane crossings (with a direction) expanded per line: past it the
    #: line is given up (a search that floods a crowded region costs more than it gives).
    limit: int = 500
    #: Lane crossings (with a direction) expanded by the last :meth:`route`, and the most it
    #: could have expanded: four directions per crossing of the lanes in its region(s).
    expanded: int = 0
    bound: int = 0

    def route(self, source: Box, target: Box, blocked: Callable[[Point, Point], bool],
              extra: Callable[[Point, Point], float]) -> list[tuple[int, int]] | None:
        """The bendpoints of the cheapest route from ``source`` to ``target`` (at least
        one), or None when there is none within the region or its widened self.

        ``blocked(a, b)`` says whether the segment a-b, for this line, passes a box or a
        label other than its two ends; ``extra(a, b)`` what running there costs beside its
        length (the lines already drawn). Both are asked for short steps between
        neighbouring lane crossings, and for the first and last legs from and to the ends'
        centres."""
        self.expanded = self.bound = 0
        for margin in (self.margin, self.margin * self.widen):
            found = self._search(source, target, margin, blocked, extra)
            if found is not None or self.expanded > self.limit:
                return found
        return None

    def _search(self, s: Box, t: Box, margin: float, blocked: Callable[[Point, Point], bool],
                extra: Callable[[Point, Point], float]) -> list[tuple[int, int]] | None:
        scx, scy = int(s[0] + s[2] // 2), int(s[1] + s[3] // 2)
        tcx, tcy = int(t[0] + t[2] // 2), int(t[1] + t[3] // 2)
        left = min(s[0], t[0]) - margin
        right = max(s[0] + s[2], t[0] + t[2]) + margin
        top = min(s[1], t[1]) - margin
        bottom = max(s[1] + s[3], t[1] + t[3]) + margin
        xs = sorted({*self.xs[bisect.bisect_left(self.xs, left):
                              bisect.bisect_right(self.xs, right)], scx, tcx})
        ys = sorted({*self.ys[bisect.bisect_left(self.ys, top):
                              bisect.bisect_right(self.ys, bottom)], scy, tcy})
        self.bound += 4 * len(xs) * len(ys)
        column_of = {x: i for i, x in enumerate(xs)}
        row_of = {y: j for j, y in enumerate(ys)}
        start = (column_of[scx], row_of[scy])
        goal = (column_of[tcx], row_of[tcy])
        width, height = len(xs), len(ys)
        bend_cost, min_leg = self.bend_cost, self.min_leg

        def point(node: tuple[int, int]) -> Point:
            return (float(xs[node[0]]), float(ys[node[1]]))

        def heuristic(node: tuple[int, int]) -> float:
            return abs(xs[node[0]] - tcx) + abs(ys[node[1]] - tcy)

        # state: (column, row, direction); cost so far; the state before it
        best: dict[tuple[int, int, int], float] = {}
        before: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
        heap: list[tuple[float, float, int, float, tuple[int, int, int]]] = []
        order = 0
        closed: set[tuple[int, int, int]] = set()
        centre_s = (float(scx), float(scy))
        centre_t = (float(tcx), float(tcy))

        def push(state: tuple[int, int, int], cost: float,
                 came: tuple[int, int, int] | None) -> None:
            nonlocal order
            if cost < best.get(state, float("inf")):
                best[state] = cost
                before[state] = came
                order += 1
                h = 2 * heuristic(state[:2])
                heapq.heappush(heap, (cost + h, h, order, cost, state))

        # Out of the source along one of its centre lines, to the first crossing far enough
        # off the box for a bend.
        for direction, (dx, dy) in enumerate(_STEPS):
            i, j = start
            while True:
                i, j = i + dx, j + dy
                if not (0 <= i < width and 0 <= j < height):
                    break
                x, y = xs[i], ys[j]
                if _inside(s, x, y):
                    continue
                if _inside(t, x, y):
                    break
                here = (float(x), float(y))
                if blocked(centre_s, here):
                    break
                if _off_box(s, x, y) >= min_leg:
                    push((i, j, direction), _off_box(s, x, y) + extra(centre_s, here), None)
                    break
        goal_state = (goal[0], goal[1], -1)
        while heap:
            _f, _h, _order, cost, state = heapq.heappop(heap)
            if cost > best[state] or state in closed:
                continue  # a stale entry: a cheaper way here was found since
            closed.add(state)
            if state == goal_state:
                return _bends(state, before, xs, ys, (scx, scy), (tcx, tcy))
            self.expanded += 1
            if self.expanded > self.limit:
                return None
            i, j, direction = state
            here = point((i, j))
            for turn, (dx, dy) in enumerate(_STEPS):
                if turn == (direction + 2) % 4:
                    continue  # no going back on itself
                bend = bend_cost if turn != direction else 0.0
                ni, nj = i + dx, j + dy
                if not (0 <= ni < width and 0 <= nj < height):
                    continue
                if bend and _towards(here, dx, dy, tcx, tcy) and \
                        _off_box(t, *here) < min_leg:
                    continue  # the last leg would leave no room for the arrowhead
                x, y = xs[ni], ys[nj]
                if _inside(t, x, y):
                    # Into the target along its centre line: the last leg.
                    if _towards(here, dx, dy, tcx, tcy) and not blocked(here, centre_t):
                        push(goal_state, cost + bend + _off_box(t, *here)
                             + extra(here, centre_t), state)
                    continue
                if _inside(s, x, y):
                    continue
                there = (float(x), float(y))
                if blocked(here, there):
                    continue
                push((ni, nj, turn), cost + bend + abs(x - here[0]) + abs(y - here[1])
                     + extra(here, there), state)
        return None


def _towards(here: Point, dx: int, dy: int, cx: int, cy: int) -> bool:
    """Whether a step (dx, dy) from ``here`` runs along a centre line of a box (its centre
    at cx, cy) towards the box."""
    if dx == 0:
        return here[0] == cx and (cy - here[1]) * dy > 0
    return here[1] == cy and (cx - here[0]) * dx > 0


def _bends(state: tuple[int, int, int],
           before: dict[tuple[int, int, int], tuple[int, int, int] | None],
           xs: Sequence[int], ys: Sequence[int], start: tuple[int, int],
           goal: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The corners of the route ending in ``state`` (the goal), source first: the
    crossings where it turns, between the two ends' centres."""
    nodes: list[tuple[int, int]] = [goal]
    came = before[state]
    while came is not None:
        nodes.append((xs[came[0]], ys[came[1]]))
        came = before[came]
    nodes.append(start)
    nodes.reverse()
    corners = [node for previous, node, following in zip(nodes, nodes[1:], nodes[2:],
                                                         strict=False)
               if not (previous[0] == node[0] == following[0]
                       or previous[1] == node[1] == following[1])]
    return corners or None
