"""A route through the channels between boxes, for a line the router's few shapes (straight,
one elbow, two elbows through a lane, a detour round the nearest lanes) cannot route.

Boxes on a generated overview or a re-laid-out view sit in a grid inside groups and bands
with gaps between them, so a right-angled way through those gaps nearly always exists; it
just needs more bends than the router's shapes have. :class:`ChannelSearch` finds it over
the *stretches* of the free lanes: the router's column and row lanes, each cut by the boxes
across it into the free stretches between them. A route runs along one stretch, turns where
a stretch of a crossing lane meets it, runs along that one, and so on; it leaves the source
and enters the target along their centre lines (rays out of the box as far as they are
free). The cheapest is looked for best first (A*: length, :attr:`ChannelSearch.bend_cost`
per bend and what the caller charges for running on top of the lines already drawn, plus
the distance left as the estimate), each stretch taken once, from where it was first
reached. Searching stretches rather than every crossing of two lanes looks at each crossing
once, with no test against the boxes (the stretches already keep clear of them): a line on
a crowded national-scale view costs a few thousand cheap steps, not as many box tests.

The search stays inside the bounds of the two ends grown by a margin (grown once more when
nothing is found there), so it looks at the lanes near the line, not at every lane of the
view. The line's first bend is on the source's centre line, its last on the target's, each
at least :attr:`ChannelSearch.min_leg` off the box (room for the arrowhead), as
:func:`~egov_modeler.diagram.notation.connection_points` draws bendpoints.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from egov_modeler.diagram.segment_grid import ALONG

Box = tuple[float, float, float, float]
Point = tuple[float, float]
#: How much more the distance left weighs than the cost so far in choosing what to look at
#: next (weighted A*): a route found costs at most this many times the cheapest, and a
#: line on a crowded view is found after far fewer stretches (half, on the 300-object
#: overview) than the cheapest would need.
GREED = 2.0
#: A stretch: its axis ("x": a column lane, upright; "y": a row lane, level), the lane's
#: coordinate, and its free span along the lane.
Stretch = tuple[str, float, float, float]

#: ``free(axis, lane)``: the free spans (start, end), sorted, of a lane of the view.
FreeSpans = Callable[[str, float], Sequence[tuple[float, float]]]
#: ``drawn_on(axis, lane)``: the spans (start, end) of the lane that lines already drawn
#: run along (those the line may not run on top of).
DrawnOn = Callable[[str, float], Sequence[tuple[float, float]]]
#: ``blocked(a, b)``: whether the segment a-b passes a box or a label other than the ends.
Blocked = Callable[[Point, Point], bool]


@dataclass
class ChannelSearch:
    """Finds right-angled routes through the free stretches of the lanes ``xs`` (columns)
    and ``ys`` (rows), both sorted; ``free`` gives a lane's free spans."""

    xs: Sequence[float]
    ys: Sequence[float]
    free: FreeSpans
    #: What one bend costs, in points of length.
    bend_cost: float = 40
    #: Shortest first and last leg (room for the arrowhead).
    min_leg: float = 14
    #: What running on top of a line already drawn costs (once per line, in points).
    on_top_cost: float = 60
    #: How far beyond the two ends' bounds the first search looks.
    margin: float = 240
    #: How much the margin grows for the second search when the first finds nothing.
    widen: float = 4
    #: Stretches expanded by the last :meth:`route`, and the most it could have expanded:
    #: every stretch is reached at a crossing of two lanes of its region (the ends' centre
    #: lines counted as lanes), no crossing is on more than two (one per axis), so twice the
    #: crossings, and the eight rays.
    expanded: int = 0
    bound: int = 0
    #: Crossings of two lanes looked at by the last :meth:`route` (what its time goes to).
    looked: int = 0
    _starts: dict[tuple[str, float], tuple[list[float], Sequence[tuple[float, float]]]] = \
        field(default_factory=dict, init=False, repr=False)

    def route(self, source: Box, target: Box, blocked: Blocked, drawn_on: DrawnOn
              ) -> list[tuple[int, int]] | None:
        """The bendpoints of the cheapest route found from ``source`` to ``target`` (at
        least one), or None when there is none within the region or its widened self.

        ``blocked`` is asked only for the rays out of the two ends (how far each is
        free); ``drawn_on`` once for each lane the route may run along: a run costs
        :attr:`on_top_cost` for each drawn line it runs along for more than
        :data:`~.segment_grid.ALONG` points."""
        self.expanded = self.bound = self.looked = 0
        for margin in (self.margin, self.margin * self.widen):
            found = self._search(source, target, margin, blocked, drawn_on)
            if found is not None:
                return found
        return None

    def _lane(self, axis: str, lane: float) -> tuple[list[float], Sequence[tuple[float, float]]]:
        """The free spans of a lane, and their starts (for halving), kept once asked."""
        key = (axis, lane)
        known = self._starts.get(key)
        if known is None:
            spans = self.free(axis, lane)
            known = self._starts[key] = ([span[0] for span in spans], spans)
        return known

    def _search(self, s: Box, t: Box, margin: float, blocked: Blocked, drawn_on: DrawnOn
                ) -> list[tuple[int, int]] | None:
        scx, scy = int(s[0] + s[2] // 2), int(s[1] + s[3] // 2)
        tcx, tcy = int(t[0] + t[2] // 2), int(t[1] + t[3] // 2)
        left = min(s[0], t[0]) - margin
        right = max(s[0] + s[2], t[0] + t[2]) + margin
        top = min(s[1], t[1]) - margin
        bottom = max(s[1] + s[3], t[1] + t[3]) + margin
        xs = self.xs[bisect.bisect_left(self.xs, left):bisect.bisect_right(self.xs, right)]
        ys = self.ys[bisect.bisect_left(self.ys, top):bisect.bisect_right(self.ys, bottom)]
        self.bound += 2 * (len(xs) + 2) * (len(ys) + 2) + 8
        lanes = {"x": xs, "y": ys}
        spans_of: dict[str, dict[float, tuple[list[float], Sequence[tuple[float, float]]]]] = {
            "x": {}, "y": {}}
        limits = {"x": (top, bottom), "y": (left, right)}  # along a column: y; a row: x
        min_leg, bend_cost, on_top_cost = self.min_leg, self.bend_cost, self.on_top_cost

        def ray(box: Box, cx: int, cy: int, axis: str, sign: int) -> Stretch | None:
            """The free stretch of the centre line out of ``box`` on one side: along a
            column (axis "x") or a row, away from the box by ``sign``; from the box's side
            to the farthest crossing lane it reaches free (as far as the region goes)."""
            if axis == "x":
                edge = box[1] if sign < 0 else box[1] + box[3]
                start: Point = (float(cx), float(edge))
                crossing = ys
            else:
                edge = box[0] if sign < 0 else box[0] + box[2]
                start = (float(edge), float(cy))
                crossing = xs
            beyond = [c for c in crossing if (c - edge) * sign >= min_leg]
            if sign < 0:
                beyond.reverse()

            def at(c: float) -> Point:
                return (float(cx), c) if axis == "x" else (c, float(cy))

            lo, hi = 0, len(beyond)  # beyond[:lo] reached free; halving for the rest
            while lo < hi:
                middle = (lo + hi) // 2
                if blocked(start, at(beyond[middle])):
                    hi = middle
                else:
                    lo = middle + 1
            if lo == 0:
                return None
            far = beyond[lo - 1]
            low, high = (far, edge) if sign < 0 else (edge, far)
            return (axis, float(cx if axis == "x" else cy), float(low), float(high))

        def goal_on(stretch: Stretch, rays: list[tuple[Stretch, float]]) -> list[
                tuple[float, Point, float]]:
            """Where ``stretch`` meets a ray into the target: (along the stretch, the
            bend, what the last leg from the bend to the box costs: its length, and the
            drawn lines it runs on top of)."""
            axis, lane, low, high = stretch
            found = []
            for (r_axis, r_lane, r_low, r_high), edge in rays:
                if r_axis == axis or not (low < r_lane < high):
                    continue
                if r_low <= lane <= r_high and abs(lane - edge) >= min_leg:
                    bend = (r_lane, lane) if r_axis == "x" else (lane, r_lane)
                    near, far = (lane, edge) if lane < edge else (edge, lane)
                    covered = sum(1 for start, end in on_rays[r_lane, r_axis]
                                  if min(end, far) - max(start, near) > ALONG)
                    found.append((r_lane, bend, far - near + on_top_cost * covered))
            return found

        out = [r for r in (ray(s, scx, scy, "x", -1), ray(s, scx, scy, "x", 1),
                           ray(s, scx, scy, "y", -1), ray(s, scx, scy, "y", 1)) if r]
        into = []
        for axis, sign in (("x", -1), ("x", 1), ("y", -1), ("y", 1)):
            found = ray(t, tcx, tcy, axis, sign)
            if found is not None:
                edge = (t[1] if sign < 0 else t[1] + t[3]) if axis == "x" else \
                    (t[0] if sign < 0 else t[0] + t[2])
                into.append((found, float(edge)))
        if not out or not into:
            return None
        on_rays = {(r_lane, r_axis): drawn_on(r_axis, r_lane)
                   for (r_axis, r_lane, _low, _high), _edge in into}

        # (f, g, order, stretch, where it is entered along it, the stretch it is entered
        # from and the bend there, whether this is the target reached)
        heap: list[tuple[float, float, int, Stretch, float, Stretch | None, Point | None,
                         bool]] = []
        came: dict[Stretch, tuple[Stretch | None, Point | None]] = {}
        order = 0
        for stretch in out:
            axis, _lane, low, high = stretch
            entry = high if low < (scy if axis == "x" else scx) else low  # at the box side
            order += 1
            heapq.heappush(heap, (0.0, 0.0, order, stretch, entry, None, None, False))
        closed: set[Stretch] = set()
        lowest: dict[Stretch, float] = {}  # the lowest rank a stretch is queued with
        made: dict[tuple[str, float, int], Stretch] = {}  # stretches by lane and span
        inf = float("inf")
        while heap:
            _f, g, _order, stretch, entry, parent, bend, reached = heapq.heappop(heap)
            if reached:
                assert bend is not None
                return _bends(stretch, bend, came)
            if stretch in closed:
                continue
            closed.add(stretch)
            came[stretch] = (parent, bend)
            self.expanded += 1
            axis, lane, low, high = stretch
            is_ray = parent is None
            # The drawn lines along this lane, as where a run from the entry starts to be
            # on top of each (going up the lane, going down): a run's count is a halving.
            runs = drawn_on(axis, lane)
            ups = sorted(max(start, entry) + ALONG for start, end in runs
                         if end - max(start, entry) > ALONG)
            downs = sorted(min(end, entry) - ALONG for start, end in runs
                           if min(end, entry) - start > ALONG)

            def on_top(c: float, ups: list[float] = ups, downs: list[float] = downs,
                       entry: float = entry) -> float:
                if c > entry:
                    return on_top_cost * bisect.bisect_left(ups, c)
                return on_top_cost * (len(downs) - bisect.bisect_right(downs, c))

            busy = bool(ups or downs)
            for along, last, leg in goal_on(stretch, into):
                if is_ray and abs(along - entry) < min_leg:
                    continue
                cost = g + abs(along - entry) + on_top(along) + bend_cost + leg
                order += 1
                heapq.heappush(heap, (cost, cost, order, stretch, along, None, last, True))
            other = "y" if axis == "x" else "x"
            crossing = lanes[other]
            lane_spans = spans_of[other]
            lo_limit, hi_limit = limits[axis]
            lo2, hi2 = limits[other]
            first = bisect.bisect_right(crossing, max(low, lo_limit))
            past = bisect.bisect_left(crossing, min(high, hi_limit))
            self.looked += max(0, past - first)
            for c in crossing[first:past]:
                if is_ray and abs(c - entry) < min_leg:
                    continue
                known = lane_spans.get(c)
                if known is None:
                    known = lane_spans[c] = self._lane(other, c)
                starts, spans = known
                k = bisect.bisect_left(starts, lane) - 1
                if k < 0 or spans[k][1] <= lane:
                    continue  # the crossing lane is blocked here
                nxt = made.get((other, c, k))
                if nxt is None:  # the span, cut to the region
                    span = spans[k]
                    nxt = made[other, c, k] = (other, c, max(span[0], lo2 - 1),
                                               min(span[1], hi2 + 1))
                if nxt in closed:
                    continue
                cost = g + abs(c - entry) + bend_cost
                if busy:
                    cost += on_top(c)
                if axis == "x":
                    turn = (lane, c)
                    rank = cost + GREED * (abs(lane - tcx) + abs(c - tcy))
                else:
                    turn = (c, lane)
                    rank = cost + GREED * (abs(c - tcx) + abs(lane - tcy))
                if rank >= lowest.get(nxt, inf):
                    continue  # it will be taken from where it ranks lower first
                lowest[nxt] = rank
                order += 1
                heapq.heappush(heap, (rank, cost, order, nxt, lane, stretch, turn, False))
        return None


def _bends(last: Stretch, goal: Point,
           came: dict[Stretch, tuple[Stretch | None, Point | None]]
           ) -> list[tuple[int, int]]:
    """The bends of the route that reached the target's ray from the stretch ``last`` (the
    last bend ``goal``), source first."""
    bends = [goal]
    stretch: Stretch | None = last
    while stretch is not None:
        before, bend = came[stretch]
        if bend is not None:
            bends.append(bend)
        stretch = before
    bends.reverse()
    return [(int(x), int(y)) for x, y in bends]
