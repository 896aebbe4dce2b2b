"""Routing the connections of a view around its boxes and band labels (the templates, the
generated overview and the editor's orthogonal lines share this one router).

:class:`Router` gives every connection a straight line when that is clear, and otherwise
orthogonal bendpoints through free lanes (a few shapes first, then a search through the
channels between the boxes, :mod:`.channel_route`), so that no drawn line (as
:func:`egov_modeler.diagram.notation.connection_points` draws it) passes through another
element or over a band's name; a large fan from one element is drawn as a bus. The
geometry helpers (:func:`segment_crosses_box`, :func:`container_tab`) are what the
template tests check the result with, too.
"""

from __future__ import annotations

import bisect
import dataclasses
import heapq
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from egov_modeler.diagram.channel_route import ChannelSearch
from egov_modeler.diagram.segment_grid import SegmentGrid
from egov_modeler.model.cancel import CancelToken, check
from egov_modeler.model.views import Node, View

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]
Point = tuple[float, float]

#: How far the router keeps a line from a box it passes (the test only asks for "not
#: through", this keeps lines visibly off the borders).
CLEARANCE = 6
#: The same for a slanting line, which only comes near a box at one corner.
SLANT_CLEARANCE = 5
#: What one bend costs against length when choosing among clear routes: a bend is worth
#: this many points of detour.
BEND_COST = 40
#: What running along a band's border costs against length.
BORDER_COST = 60
#: Shortest first and last segment of a bent line: room for an arrowhead.
MIN_LEG = 14
#: What crossing an earlier line costs against length.
CROSS_COST = 30
#: This many lines of one type from one source are routed as a bus, not as a fan of
#: slanting lines.
FAN = 5
#: Spacing of parallel lanes in a wide free corridor.
LANE = 12
#: What a route through the channels (:mod:`.channel_route`) pays, in points of length, for
#: each line already drawn that it runs on top of (but a fan's, as for the shapes): higher
#: keeps it off the busy lanes, but costs longer searches (more lines past the budget).
CHANNEL_ON_TOP_COST = 200
#: How many crossings of two lanes the channel searches of one :meth:`Router.route_all`
#: may look at in all (what their time goes to): this many per line routed, up to
#: :data:`CHANNEL_BUDGET_CAP`. A line across a crowded view looks at one to a few thousand;
#: past the budget the lines left get what they got before (drawn straight), so "Re-layout"
#: of a 2,000-node view stays within seconds (about 2.7 µs of CPU per crossing here).
CHANNEL_BUDGET_PER_LINE = 2200
CHANNEL_BUDGET_CAP = 1_100_000


def segment_crosses_box(a: Point, b: Point, box: Box, margin: float = 0) -> bool:
    """True when the segment ``a``-``b`` passes through the open interior of ``box``
    grown by ``margin`` on every side (Liang-Barsky: the parameter interval where the
    segment is strictly inside both slabs must be non-empty within [0, 1])."""
    x, y, w, h = box
    low, high = 0.0, 1.0
    for start, delta, lo, hi in ((a[0], b[0] - a[0], x - margin, x + w + margin),
                                 (a[1], b[1] - a[1], y - margin, y + h + margin)):
        if delta == 0:
            if not lo < start < hi:
                return False
            continue
        t0, t1 = sorted(((lo - start) / delta, (hi - start) / delta))
        low, high = max(low, t0), min(high, t1)
        if low >= high:
            return False
    return True


def container_tab(node: Node) -> Box:
    """The label tab of a band or group as it is drawn (width measured like the PDF)."""
    from egov_modeler.diagram.notation import GROUP_TAB_HEIGHT, group_tab_width
    from egov_modeler.diagram.text_layout import DEFAULT_FONT_SIZE, text_width

    size = float(node.style.font_size or DEFAULT_FONT_SIZE)
    label_w = text_width(node.label, size, True) if node.label else None
    return (node.x, node.y, group_tab_width(node.w, label_w), min(GROUP_TAB_HEIGHT, node.h))


def _axis_aligned(points: Sequence[Point]) -> bool:
    """True when every segment of the polyline is horizontal or vertical."""
    return all(abs(a[0] - b[0]) < 0.5 or abs(a[1] - b[1]) < 0.5
               for a, b in zip(points, points[1:], strict=False))


def _ancestors(view: View, node_id: str) -> set[str]:
    """The nodes ``node_id`` is nested in, at any depth."""
    found: set[str] = set()
    parent = view.nodes[node_id].parent if node_id in view.nodes else None
    while parent is not None and parent in view.nodes and parent not in found:
        found.add(parent)
        parent = view.nodes[parent].parent
    return found


def _overlap_1d(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(max(a0, a1), max(b0, b1)) - max(min(a0, a1), min(b0, b1))


def _along_border(a: Point, b: Point, box: Box) -> bool:
    """True when the segment runs along an edge of ``box`` closer than
    :data:`CLEARANCE` (a line on a band's dashed border is hard to follow)."""
    x, y, w, h = box
    if a[1] == b[1] and _overlap_1d(a[0], b[0], x, x + w) > 0:
        return min(abs(a[1] - y), abs(a[1] - y - h)) <= CLEARANCE
    if a[0] == b[0] and _overlap_1d(a[1], b[1], y, y + h) > 0:
        return min(abs(a[0] - x), abs(a[0] - x - w)) <= CLEARANCE
    return False


def _leg(points: list[Point], index: int) -> float:
    """Length of the first (0) or last (-1) segment of a polyline."""
    a, b = (points[0], points[1]) if index == 0 else (points[-2], points[-1])
    return abs(b[0] - a[0]) + abs(b[1] - a[1])


def _corridors(edges: list[float], gap: float = 2 * CLEARANCE) -> list[int]:
    """Lanes in the free stretches between consecutive distinct box edges: the middle,
    and in a wide stretch also lanes near either side, so several lines can pass one
    gap without running on top of each other."""
    values = sorted(set(edges))
    lanes: set[int] = set()
    for u, v in zip(values, values[1:], strict=False):
        if v - u >= gap:
            lanes.add(round((u + v) / 2))
        if v - u >= 3 * LANE:
            lanes.update((round(u + LANE), round(v - LANE)))
        if v - u >= 6 * LANE:
            lanes.update(round(u + k * LANE) for k in (2, 3))
            lanes.update(round(v - k * LANE) for k in (2, 3))
    return sorted(lanes)


class _BoxIndex:
    """The element boxes of a view bucketed in a coarse grid, so that a segment is tested
    only against the boxes near it: the same answers as testing every box, far sooner on a
    view of hundreds of boxes (the generated overview of a province's inventory)."""

    CELL = 160

    def __init__(self, boxes: Sequence[tuple[str, Box]]) -> None:
        self.boxes = list(boxes)
        self._lane_margin: float | None = None
        self._columns: dict[float, _LaneBoxes] = {}
        self._rows: dict[float, _LaneBoxes] = {}
        self.cells: dict[tuple[int, int], list[int]] = {}
        for index, (_id, (x, y, w, h)) in enumerate(self.boxes):
            for cx in range(int(x // self.CELL), int((x + w) // self.CELL) + 1):
                for cy in range(int(y // self.CELL), int((y + h) // self.CELL) + 1):
                    self.cells.setdefault((cx, cy), []).append(index)

    def add_lanes(self, xs: Sequence[float], ys: Sequence[float], margin: float) -> None:
        """File, for each column lane ``xs`` and row lane ``ys``, the boxes across it
        grown by ``margin``, so that a segment along a lane is answered from them (a
        binary search) instead of walking every grid cell of its length: a detour's legs
        run along lanes across the whole view."""
        self._lane_margin = margin
        self._columns = _boxes_across(xs, [(box_id, x, w, y, h)
                                           for box_id, (x, y, w, h) in self.boxes], margin)
        self._rows = _boxes_across(ys, [(box_id, y, h, x, w)
                                        for box_id, (x, y, w, h) in self.boxes], margin)

    def blocks(self, a: Point, b: Point, margin: float, skip: tuple[str, ...]) -> bool:
        """Whether a box (but those of ``skip``) is in the way of the segment ``a``-``b``
        grown by ``margin``. A segment along a lane filed by :meth:`add_lanes` is
        answered from that lane's boxes; others are tested cell by cell as the boxes are
        found, so a blocked candidate (most of them, for a long line across a full
        overview) stops at the first box in its way instead of gathering every box along
        it."""
        low_x, high_x = min(a[0], b[0]), max(a[0], b[0])
        low_y, high_y = min(a[1], b[1]), max(a[1], b[1])
        if margin == self._lane_margin:
            if a[1] == b[1] and low_x != high_x:
                lane = self._rows.get(a[1])
                if lane is not None:
                    return lane.blocks(low_x, high_x, skip)
            elif a[0] == b[0] and low_y != high_y:
                lane = self._columns.get(a[0])
                if lane is not None:
                    return lane.blocks(low_y, high_y, skip)
        x0, x1 = low_x - margin, high_x + margin
        y0, y1 = low_y - margin, high_y + margin
        # Most segments are horizontal or vertical: then "through the grown box" is two
        # comparisons per axis (what segment_crosses_box works out for them, without its
        # divisions; a routed line tests millions of boxes).
        across = a[1] == b[1] and a[0] != b[0]
        along = a[0] == b[0] and a[1] != b[1]
        # A slanting segment (a straight line across a large overview) is looked for in
        # the cells along it, column by column, not in every cell of its bounds: in each
        # column, the rows its stretch there reaches, grown by the margin (and a point for
        # rounding). A box it passes within the margin of has a point within the margin of
        # the segment, in a cell of those rows.
        slope = None if across or along or a[0] == b[0] else (b[1] - a[1]) / (b[0] - a[0])
        size = self.CELL
        seen: set[int] = set()
        boxes, cells = self.boxes, self.cells
        for cx in range(int(x0 // size), int(x1 // size) + 1):
            if slope is None:
                rows = range(int(y0 // size), int(y1 // size) + 1)
            else:
                left = max(low_x, cx * size - margin - 1)
                right = min(high_x, (cx + 1) * size + margin + 1)
                ya, yb = a[1] + (left - a[0]) * slope, a[1] + (right - a[0]) * slope
                rows = range(int((min(ya, yb) - margin - 1) // size),
                             int((max(ya, yb) + margin + 1) // size) + 1)
            for cy in rows:
                for i in cells.get((cx, cy), ()):
                    if i in seen:
                        continue
                    seen.add(i)
                    box_id, (bx, by, bw, bh) = boxes[i]
                    if box_id in skip:
                        continue
                    if across:
                        if (by - margin < a[1] < by + bh + margin
                                and max(low_x, bx - margin)
                                < min(high_x, bx + bw + margin)):
                            return True
                    elif along:
                        if (bx - margin < a[0] < bx + bw + margin
                                and max(low_y, by - margin)
                                < min(high_y, by + bh + margin)):
                            return True
                    elif segment_crosses_box(a, b, (bx, by, bw, bh), margin):
                        return True
        return False


class _LaneBoxes:
    """The boxes across one lane, as their spans along it (grown by the margin), sorted
    by start."""

    def __init__(self, spans: list[tuple[float, float, str]]) -> None:
        spans.sort()
        self.starts = [span[0] for span in spans]
        self.spans = spans
        self.longest = max((end - start for start, end, _id in spans), default=0.0)

    def blocks(self, low: float, high: float, skip: tuple[str, ...]) -> bool:
        """Whether a span (but those of ``skip``) overlaps ``low``-``high`` (open): the
        spans starting before ``high``, looked at backwards while one of the longest
        could still reach past ``low``."""
        k = bisect.bisect_left(self.starts, high) - 1
        spans, reach = self.spans, low - self.longest
        while k >= 0:
            start, end, box_id = spans[k]
            if start <= reach:
                break
            if end > low and box_id not in skip:
                return True
            k -= 1
        return False


def _boxes_across(lanes: Sequence[float],
                  boxes: Sequence[tuple[str, float, float, float, float]],
                  margin: float) -> dict[float, _LaneBoxes]:
    """For each lane (a coordinate on one axis), the boxes whose extent on that axis,
    grown by ``margin``, holds it strictly; each box given as (id, position and size on
    that axis, position and size along the lane)."""
    ordered = sorted(lanes)
    spans: dict[float, list[tuple[float, float, str]]] = {lane: [] for lane in ordered}
    for box_id, at, size, along, length in boxes:
        first = bisect.bisect_right(ordered, at - margin)
        last = bisect.bisect_left(ordered, at + size + margin)
        for lane in ordered[first:last]:
            spans[lane].append((along - margin, along + length + margin, box_id))
    return {lane: _LaneBoxes(found) for lane, found in spans.items()}


class _PendingRoutes:
    """The candidates of the lines still waiting to be drawn, kept up to date one drawn
    line at a time, and the cheapest of a line's when its turn comes.

    A candidate is (runs on top, cost, index, bends, points), as :meth:`Router._score`
    gives it, but its cost here leaves out the crossings: which line goes next depends
    only on how many good candidates (on top of no drawn line) each has, so a drawn line
    only has to find the candidates it runs along, among the segments filed at its very
    height or column (:meth:`~.segment_grid.SegmentGrid.along`). The crossings are counted
    when a line's turn comes, against every line drawn by then, and only when more than
    one candidate is left to choose from. They are added up as re-scoring after every
    drawn line added them (those drawn before the candidate was scored in one sum, each
    later one in the order drawn), so the costs, and the routes, are the same to the last
    bit.

    Before, every drawn line re-counted its crossings with every candidate near it: on a
    2,000-node overview the routes are long and nearly all near one another, and that was
    two thirds of "Re-layout"."""

    def __init__(self, scored: dict[int, list[tuple]], drawn: int) -> None:
        #: for each waiting line, its candidates, costs without crossings
        self.scored = scored
        #: for each line, how many of its candidates run on top of no line drawn
        self.good: dict[int, int] = {}
        #: candidates found running along a drawn line, counted (the work per line drawn)
        self.marked = 0
        #: candidates whose crossings were counted when their line's turn came
        self.costed = 0
        self._grid = SegmentGrid(crossings=False)
        self._owner: list[int] = []
        self._slot: list[int] = []
        self._since: dict[tuple[int, int], int] = {}
        for i, options in scored.items():
            self.good[i] = 0
            self._file(i, options, 0, drawn)

    def add(self, i: int, options: list[tuple], drawn: int) -> None:
        """More candidates for line ``i`` (its detours), scored when ``drawn`` lines were
        drawn."""
        first = len(self.scored[i])
        self.scored[i] += options
        self._file(i, options, first, drawn)

    def _file(self, i: int, options: list[tuple], first: int, drawn: int) -> None:
        for slot, option in enumerate(options, first):
            key = len(self._owner)
            self._owner.append(i)
            self._slot.append(slot)
            self._since[i, slot] = drawn
            self._grid.add(key, option[-1])
            self.good[i] += not option[0]

    def mark(self, requests: Sequence[Request], line: tuple[str, str, str, list[Point]],
             waiting: set[int]) -> list[int]:
        """Mark the waiting lines' candidates that the drawn ``line`` runs on top of
        (but a fan's: the same type from the same source or to the same target); the
        lines whose good candidates changed, in order."""
        src, tgt, kind, points = line
        changed: set[int] = set()
        owner = self._owner
        for key in sorted(self._grid.along(points)):
            i = owner[key]
            if i not in waiting:
                continue
            request = requests[i]
            if kind == request.rel_type and (src == request.source.id
                                             or tgt == request.target.id):
                continue
            options = self.scored[i]
            slot = self._slot[key]
            self.marked += 1
            if not options[slot][0]:
                options[slot] = (True, *options[slot][1:])
                self.good[i] -= 1
                changed.add(i)
        return sorted(changed)

    def best(self, i: int, drawn: SegmentGrid) -> tuple:
        """Line ``i``'s cheapest candidate against the lines drawn so far (``drawn``,
        keyed by their place in :attr:`Router.drawn`)."""
        options = self.scored[i]
        on_top = min(option[0] for option in options)
        left = [(slot, option) for slot, option in enumerate(options)
                if option[0] == on_top]
        if len(left) == 1:
            return left[0][1]
        costed = []
        for slot, (flag, base, index, bends, points) in left:
            self.costed += 1
            crossed, _along = drawn.meet(points)
            since = self._since[i, slot]
            cost = base + CROSS_COST * sum(n for k, n in crossed.items() if k < since)
            for k in sorted(k for k in crossed if k >= since):
                cost += CROSS_COST * crossed[k]
            costed.append((flag, cost, index, bends, points))
        return min(costed)


@dataclass
class Request:
    """One connection to route: its end nodes and relationship type."""

    source: Node
    target: Node
    rel_type: str


@dataclass
class Router:
    """Chooses bendpoints for the connections of one view.

    First every connection whose straight line is clear gets it (straight lines read
    best), in the order given, except the lines of a fan (:data:`FAN` or more of one
    type from one source), which read better as a bus of shared orthogonal lines. The
    rest then choose, one at a time, among one elbow and two elbows through a free row
    or column lane, the cheapest by length plus :data:`BEND_COST` per bend plus
    :data:`CROSS_COST` per line crossed. A candidate must keep every segment clear of
    every other element box and of every band's label tab; one that runs on top of an
    earlier line (other than one of the same type sharing its source or target, which
    reads as a fan) is taken only when nothing else is clear. A line with none of these
    clear goes, once every other line is drawn, through the channels between the boxes
    (:class:`~.channel_route.ChannelSearch`: as many bends as it takes, off the lines
    drawn where it can), within a budget of work per view; past it, or with no channel
    either, it is drawn as before (:meth:`_fallback`). Bendpoints keep the exit
    and entry at the middle of a side, so every bent line is
    orthogonal as drawn (:func:`notation.connection_points`).
    """

    view: View
    #: (source node, target node, relationship type, polyline) of the lines routed so far
    drawn: list[tuple[str, str, str, list[Point]]] = field(default_factory=list)
    #: Only right angles (the editor's orthogonal lines): a straight line is taken only
    #: when it is horizontal or vertical, and a line with no clear route gets one elbow.
    orthogonal: bool = False
    #: Checked between lines: "Re-layout" of a 2,000-node view routes for many seconds
    #: behind a progress window whose Stop sets it.
    cancel: CancelToken | None = None
    #: The candidates of the lines waiting in the last :meth:`route_all` (its counters
    #: tell how much work each line drawn took).
    pending: _PendingRoutes | None = field(default=None, init=False, repr=False)
    #: Lines of the last :meth:`route_all` that none of the shapes could route and that went
    #: through the channels instead; the stretches those searches expanded against the most
    #: their regions held, and the crossings of lanes they looked at (the budget)
    #: (:class:`~.channel_route.ChannelSearch`).
    channelled: int = field(default=0, init=False)
    channel_expanded: int = field(default=0, init=False)
    channel_bound: int = field(default=0, init=False)
    channel_looked: int = field(default=0, init=False)
    #: The free stretches of each lane found so far (:meth:`_free_spans`).
    _spans: dict[tuple[str, float], list[tuple[float, float]]] = field(
        default_factory=dict, init=False, repr=False)
    _channels: ChannelSearch | None = field(default=None, init=False, repr=False)

    def route_all(self, requests: list[Request]) -> list[list[tuple[int, int]]]:
        """Bendpoints for each request, in the same order."""
        routes: dict[int, list[tuple[int, int]]] = {}
        fans: dict[tuple[str, str], list[int]] = {}
        for index, request in enumerate(requests):
            fans.setdefault((request.source.id, request.rel_type), []).append(index)
        for members in fans.values():
            if len(members) >= FAN:
                bus = self._bus([requests[i] for i in members])
                for index, best in zip(members, bus or [], strict=False):
                    routes[index] = self._take(requests[index], best)
        for index, request in enumerate(requests):
            if index not in routes:
                straight = self._best(request, [[]])
                if straight is not None and not straight[0] and self._straight_ok(straight):
                    routes[index] = self._take(request, straight)
        waiting = {index for index in range(len(requests)) if index not in routes}
        # Which candidates keep clear of the boxes does not change while lines are drawn:
        # worked out once per line. Which of them run on top of a drawn line is kept up to
        # date one new line at a time; their crossings are counted when their line's turn
        # comes (:class:`_PendingRoutes`).
        scored: dict[int, list[tuple]] = {}
        for i in sorted(waiting):
            check(self.cancel)
            scored[i] = self._score(requests[i], self._clear_candidates(
                requests[i], self._candidates(requests[i])), crossings=False)
        pending = _PendingRoutes(scored, len(self.drawn))
        self.pending = pending
        with_detours: set[int] = set()
        # the line with the fewest good routes left goes first, before the others take
        # its only lane: a heap of (good routes, index), stale entries skipped
        good: dict[int, int] = {}
        heap: list[tuple[int, int]] = []

        def judge(i: int) -> None:
            if i not in with_detours and not pending.good[i]:
                with_detours.add(i)  # nothing clear: detours too
                pending.add(i, self._score(requests[i], self._clear_candidates(
                    requests[i], enumerate(self._detours(requests[i]))), crossings=False),
                    len(self.drawn))
            count = pending.good[i]
            if good.get(i) != count:
                good[i] = count
                heapq.heappush(heap, (count, i))

        for i in sorted(waiting):
            judge(i)
        no_route = on_top = 0
        stuck: list[int] = []
        while waiting:
            check(self.cancel)
            count, index = heapq.heappop(heap)
            if index not in waiting or good[index] != count:
                continue
            waiting.remove(index)
            request = requests[index]
            if not scored[index]:
                stuck.append(index)  # through the channels, once the others are drawn
                continue
            best = pending.best(index, self._drawn_near())
            if best[0]:
                log.debug("%s -> %s runs on top of another line",
                          request.source.id, request.target.id)
                on_top += 1
            routes[index] = self._take(request, best)
            for i in pending.mark(requests, self.drawn[-1], waiting):
                judge(i)
        no_route += self._route_stuck(requests, stuck, routes)
        if no_route or on_top:  # one line, not one per line: an overview has thousands
            log.warning("%d of %d lines have no clear route and are drawn straight; %d run "
                        "on top of another line", no_route, len(requests), on_top)
        return [routes[index] for index in range(len(requests))]

    def _straight_ok(self, best: tuple) -> bool:
        """A straight line is fine, except a slanting one for an orthogonal router."""
        return not self.orthogonal or _axis_aligned(best[-1])

    def _fallback(self, request: Request) -> list[tuple[int, int]]:
        """What a line with no clear route gets: straight, or one elbow when orthogonal."""
        if not self.orthogonal:
            return []
        s, t = request.source.bounds, request.target.bounds
        from egov_modeler.diagram.notation import connection_points

        if _axis_aligned(connection_points(s, t, [])):
            return []
        return [(s[0] + s[2] // 2, t[1] + t[3] // 2)]

    def _route_stuck(self, requests: list[Request], stuck: list[int],
                     routes: dict[int, list[tuple[int, int]]]) -> int:
        """Route the lines none of the shapes could (``stuck``) through the channels
        between the boxes, after every other line is drawn (so those keep the routes they
        had), the shortest first, within the budget (:data:`CHANNEL_BUDGET_PER_LINE`);
        a line with no channel route is drawn as before (:meth:`_fallback`). How many of
        those there were."""
        no_route = 0
        self.channelled = self.channel_expanded = self.channel_bound = 0
        self.channel_looked = 0
        budget = min(CHANNEL_BUDGET_CAP, CHANNEL_BUDGET_PER_LINE * len(requests))
        for index in sorted(stuck, key=lambda i: (_span(requests[i]), i)):
            check(self.cancel)
            request = requests[index]
            channel = (self._through_channels(request) if self.channel_looked < budget
                       else None)
            if channel is None:
                log.debug("no clear route from %s to %s; drawn straight",
                          request.source.id, request.target.id)
                no_route += 1
                routes[index] = self._fallback(request)
            else:
                self.channelled += 1
                routes[index] = self._take(request, channel)
        return no_route

    def _through_channels(self, request: Request) -> tuple | None:
        """A clear right-angled route through the lanes between the boxes, found by
        :class:`~.channel_route.ChannelSearch` near the two ends, as a candidate (runs on
        top, cost, index, bends, points); None when there is none."""
        from egov_modeler.diagram.notation import connection_points

        index, skip = others = self._in_the_way(request)
        tabs = self._tabs

        def blocked(a: Point, b: Point) -> bool:
            return index.blocks(a, b, CLEARANCE, skip) or tabs.blocks(a, b, CLEARANCE, ())

        drawn = self._drawn_near()
        lines = self.drawn
        source_id, target_id, kind = request.source.id, request.target.id, request.rel_type

        def drawn_on(axis: str, lane: float) -> list[tuple[float, float]]:
            """The lines drawn along the lane, but a fan's (as for the shapes)."""
            return [(low, high) for low, high, k in drawn.on_lane(axis, lane)
                    if lines[k][2] != kind
                    or (lines[k][0] != source_id and lines[k][1] != target_id)]

        search = self._channel_search
        s, t = request.source.bounds, request.target.bounds
        bends = search.route(s, t, blocked, drawn_on)
        self.channel_expanded += search.expanded
        self.channel_bound += search.bound
        self.channel_looked += search.looked
        if bends is None:
            return None
        points = connection_points(s, t, bends)
        if not self._clear(points, s, t, others, tabs):
            log.debug("the channel route from %s to %s is not clear", request.source.id,
                      request.target.id)
            return None
        return (False, 0, 0, bends, points)

    @property
    def _channel_search(self) -> ChannelSearch:
        """The search through the lanes of the view, made once (the boxes do not move while
        routing)."""
        if self._channels is None:
            self._box_index()
            self._channels = ChannelSearch(*self._lanes(), self._free_spans,
                                           bend_cost=BEND_COST, min_leg=MIN_LEG,
                                           on_top_cost=CHANNEL_ON_TOP_COST)
        return self._channels

    def _free_spans(self, axis: str, lane: float) -> list[tuple[float, float]]:
        """The stretches of a column (axis "x") or row lane clear of every element box and
        tab grown by :data:`CLEARANCE` (from the boxes filed across each lane), worked out
        once per lane."""
        known = self._spans.get((axis, lane))
        if known is None:
            taken: list[tuple[float, float, str]] = []
            for boxes in (self._box_index(), self._tabs):
                across = (boxes._columns if axis == "x" else boxes._rows).get(lane)
                if across is not None:
                    taken += across.spans
            taken.sort()
            known = []
            reach = float("-inf")
            for start, end, _id in taken:
                if start > reach:
                    known.append((reach, start))
                reach = max(reach, end)
            known.append((reach, float("inf")))
            self._spans[(axis, lane)] = known
        return known

    def _take(self, request: Request, best: tuple) -> list[tuple[int, int]]:
        *_rest, bends, points = best
        self.drawn.append((request.source.id, request.target.id, request.rel_type, points))
        return bends

    def _lanes(self) -> tuple[list[int], list[int]]:
        """Free column lanes (x) and row lanes (y) of the view (worked out once: the
        boxes do not move while routing)."""
        lanes = getattr(self, "_lanes_found", None)
        if lanes is None:
            lanes = self._lanes_found = self._find_lanes()
        return lanes

    def _find_lanes(self) -> tuple[list[int], list[int]]:
        nodes = [n for n in self.view.nodes.values() if n.kind in ("element", "container")]
        tabs = [container_tab(n) for n in nodes if n.kind == "container"]
        x_edges: list[float] = [v for n in nodes for v in (n.x, n.x + n.w)]
        y_edges: list[float] = [v for n in nodes for v in (n.y, n.y + n.h)]
        y_edges += [tab[1] + tab[3] for tab in tabs]
        xs = _corridors(x_edges)
        ys = _corridors(y_edges)
        if self.orthogonal and x_edges and y_edges:
            # A view without bands around it: lanes round the outside of everything too.
            xs = sorted({*xs, round(min(x_edges)) - 2 * LANE, round(max(x_edges)) + 2 * LANE})
            ys = sorted({*ys, round(min(y_edges)) - 2 * LANE, round(max(y_edges)) + 2 * LANE})
        return xs, ys

    def _candidates(self, request: Request) -> list[tuple[int, list[tuple[int, int]]]]:
        """Straight, the two elbows, and two elbows through every lane whose legs are not
        known to be blocked (:meth:`_open_lanes`), each with its place in that whole list
        (the tie-breaker between routes of equal cost). Listing every lane made a large
        overview's routing grow with the square of its size: 53% of "Generate overview"
        of 4,000 elements went to lists of lanes :meth:`_clear` would never try."""
        xs, ys = self._lanes()
        s, t = request.source.bounds, request.target.bounds
        scx, scy = s[0] + s[2] // 2, s[1] + s[3] // 2
        tcx, tcy = t[0] + t[2] // 2, t[1] + t[3] // 2
        if self.orthogonal:
            from egov_modeler.diagram.notation import connection_points

            straight: list[list[tuple[int, int]]] = (
                [[]] if _axis_aligned(connection_points(s, t, [])) else [])
            fixed = straight + [[(scx, tcy)], [(tcx, scy)]]
        else:
            fixed = [[], [(scx, tcy)], [(tcx, scy)]]
        found = list(enumerate(fixed))
        first = len(fixed)
        keep_y, keep_x = self._open_lanes(request)
        found += [(first + k, [(scx, ys[k]), (tcx, ys[k])]) for k in keep_y]
        first += len(ys)
        found += [(first + k, [(xs[k], scy), (xs[k], tcy)]) for k in keep_x]
        return found

    def _detours(self, request: Request) -> list[list[tuple[int, int]]]:
        """Routes that leave the source and enter the target through their top or bottom
        side, reach the row lane just above or below each, and join them through a column
        lane near either end: for ends in different bands whose straight lanes are
        blocked by the boxes between them."""
        xs, ys = self._lanes()
        s, t = request.source.bounds, request.target.bounds
        scx, scy = s[0] + s[2] // 2, s[1] + s[3] // 2
        tcx, tcy = t[0] + t[2] // 2, t[1] + t[3] // 2

        def beside(box: tuple[int, int, int, int]) -> list[int]:
            """The row lanes nearest above and below ``box`` (by halving: ``ys`` is
            sorted)."""
            above = bisect.bisect_left(ys, box[1])
            below = bisect.bisect_right(ys, box[1] + box[3])
            return ([ys[above - 1]] if above else []) + ([ys[below]] if below < len(ys)
                                                          else [])

        columns_of = self._lane_columns()
        ends = (request.source.id, request.target.id)
        tallest = self._tallest

        def free(x: int, y_from: int, y_to: int) -> bool:
            """No box but the ends' within :data:`CLEARANCE` of column lane ``x``
            between the two heights (the boxes across that lane, by top, looked at from
            the last one above ``high`` up to the tallest box's height above ``low``)."""
            low, high = min(y_from, y_to), max(y_from, y_to)
            tops, boxes = columns_of[x]
            k = bisect.bisect_left(tops, high) - 1  # tops[k] < high
            while k >= 0 and tops[k] > low - tallest:
                box_id, by, bh = boxes[k]
                if by + bh > low and box_id not in ends:
                    return False
                k -= 1
            return True

        top, bottom = min(s[1], t[1]) - 200, max(s[1] + s[3], t[1] + t[3]) + 200

        def near(x: int) -> list[int]:
            """The three open lanes nearest ``x`` (the nearer, then the lower, first),
            looked for outwards from ``x``, not among every lane of the view."""
            found: list[int] = []
            right = bisect.bisect_left(xs, x)
            left = right - 1
            while len(found) < 3 and (left >= 0 or right < len(xs)):
                if right >= len(xs) or (left >= 0 and x - xs[left] <= xs[right] - x):
                    lane, left = xs[left], left - 1
                else:
                    lane, right = xs[right], right + 1
                if free(lane, top, bottom):
                    found.append(lane)
            return found

        columns = sorted(set(near(scx) + near(tcx)))
        found: list[list[tuple[int, int]]] = []
        for y1 in beside(s):
            for y2 in beside(t):
                for x in columns:
                    found.append([(scx, y1), (x, y1), (x, y2), (tcx, y2)])
                found.append([(scx, y1), (tcx, y1)] if y1 == y2 else [(scx, y1), (tcx, y1),
                                                                       (tcx, y2)])
            for x in columns:
                found.append([(scx, y1), (x, y1), (x, tcy)])
        for y2 in beside(t):
            for x in columns:
                found.append([(x, scy), (x, y2), (tcx, y2)])
        return found

    def _bus(self, fan: list[Request]) -> list[tuple] | None:
        """Routes for a fan sharing one lane: out of the source, along the lane, into
        each target; the cheapest lane every line of the fan can use, or None."""
        xs, ys = self._lanes()
        s = fan[0].source.bounds
        scx, scy = s[0] + s[2] // 2, s[1] + s[3] // 2
        lanes = [("y", y) for y in ys] + [("x", x) for x in xs]
        options = []
        for axis, lane in lanes:
            chosen = []
            for request in fan:
                t = request.target.bounds
                tcx, tcy = t[0] + t[2] // 2, t[1] + t[3] // 2
                bends = [(scx, lane), (tcx, lane)] if axis == "y" else [(lane, scy),
                                                                         (lane, tcy)]
                best = self._best(request, [bends])
                if best is None or best[0]:
                    break
                chosen.append(best)
            else:
                # equal cost: the lane farthest from both ends leaves room for arrows
                legs = min(min(_leg(best[4], 0), _leg(best[4], -1)) for best in chosen)
                options.append((sum(best[1] for best in chosen), -legs, axis, lane, chosen))
        return min(options)[-1] if options else None

    def _best(self, request: Request, candidates: list[list[tuple[int, int]]]) -> tuple | None:
        """The cheapest clear candidate as (runs on top, cost, index, bends, points)."""
        options = self._options(request, candidates)
        return min(options) if options else None

    def _options(self, request: Request, candidates: list[list[tuple[int, int]]]) -> list:
        """Every clear candidate as (runs on top, cost, index, bends, points)."""
        return self._score(request, self._clear_candidates(request, enumerate(candidates)))

    def _lane_columns(self) -> dict[int, tuple[list[int], list[tuple[str, int, int]]]]:
        """For each column lane, the element boxes within :data:`CLEARANCE` of it (the
        lane strictly inside a box grown by it) as their tops, sorted, and (id, top,
        height): worked out once, so a detour looks up the boxes across a lane instead
        of testing every box of the view against every lane."""
        columns = getattr(self, "_columns", None)
        if columns is None:
            xs, _ys = self._lanes()
            found: dict[int, list[tuple[int, str, int]]] = {x: [] for x in xs}
            self._tallest = 0
            for node in self.view.nodes.values():
                if node.kind != "element":
                    continue
                bx, by, bw, bh = node.bounds
                self._tallest = max(self._tallest, bh)
                first = bisect.bisect_right(xs, bx - CLEARANCE)
                last = bisect.bisect_left(xs, bx + bw + CLEARANCE)
                for x in xs[first:last]:
                    found[x].append((by, node.id, bh))
            columns = {}
            for x, boxes in found.items():
                boxes.sort(key=lambda box: box[0])
                columns[x] = ([by for by, _id, _h in boxes],
                              [(box_id, by, bh) for by, box_id, bh in boxes])
            self._columns = columns
        return columns

    def _box_index(self) -> _BoxIndex:
        """The element boxes (and, beside them, the bands' tabs and borders), indexed
        once: the boxes do not move while routing."""
        index = getattr(self, "_index", None)
        if index is None:
            containers = [n for n in self.view.nodes.values() if n.kind == "container"]
            index = self._index = _BoxIndex([(n.id, n.bounds)
                                              for n in self.view.nodes.values()
                                              if n.kind == "element"])
            self._tabs = _BoxIndex([(n.id, container_tab(n)) for n in containers])
            for boxes in (index, self._tabs):
                boxes.add_lanes(*self._lanes(), CLEARANCE)
            self._borders = [n.bounds for n in containers]
        return index

    def _in_the_way(self, request: Request) -> tuple[_BoxIndex, tuple[str, ...]]:
        """The boxes a line may not cross, and the ids among them it may: its ends, and
        what they are nested in (the line leaves those)."""
        source, target = request.source, request.target
        around = _ancestors(self.view, source.id) | _ancestors(self.view, target.id)
        return self._box_index(), (source.id, target.id, *around)

    def _clear_candidates(self, request: Request,
                          candidates: Iterable[tuple[int, list[tuple[int, int]]]]
                          ) -> list[tuple]:
        """The candidates (index, bends) that keep clear of boxes and tabs, as (index,
        bends, points, cost without the crossings of other lines)."""
        from egov_modeler.diagram.notation import connection_points

        source, target = request.source, request.target
        others = self._in_the_way(request)
        tabs = self._tabs
        borders = self._borders
        s, t = source.bounds, target.bounds
        found = []
        memo: dict = {}
        for index, bends in candidates:
            points = connection_points(s, t, bends)
            if not self._clear(points, s, t, others, tabs, memo):
                continue
            length = sum(abs(b[0] - a[0]) + abs(b[1] - a[1])
                         for a, b in zip(points, points[1:], strict=False))
            hugging = sum(_along_border(a, b, box) for a, b in zip(points, points[1:],
                                                                   strict=False)
                          for box in borders)
            found.append((index, bends, points,
                          length + BEND_COST * len(bends) + BORDER_COST * hugging))
        return found

    def _open_lanes(self, request: Request) -> tuple[range, range]:
        """The row lanes and the column lanes (as slices of :meth:`_lanes`) through
        which two elbows might be clear: every other lane has its first or last leg
        blocked, found without trying each. The legs from one side of an end to the lanes
        beyond it are nested (a longer one holds every shorter one), so once one is
        blocked, every lane farther out is, and the nearest blocked lane is found by
        halving. :meth:`_clear` would refuse exactly the others; this spares it trying a
        few hundred lanes per line on a large view (each end usually has a box in its
        row and column)."""
        xs, ys = self._lanes()
        s, t = request.source.bounds, request.target.bounds
        scx, scy = s[0] + s[2] // 2, s[1] + s[3] // 2
        tcx, tcy = t[0] + t[2] // 2, t[1] + t[3] // 2
        from egov_modeler.diagram.notation import clip_to_box

        index, skip = self._in_the_way(request)
        tabs = self._tabs

        def blocked(a: Point, b: Point, other_end: Box) -> bool:
            return (index.blocks(a, b, CLEARANCE, skip) or tabs.blocks(a, b, CLEARANCE, ())
                    or segment_crosses_box(a, b, other_end))

        def open_range(lanes: list[int], box: Box, vertical: bool, other_end: Box,
                       at: int, beside: int) -> tuple[int, int]:
            """The slice of ``lanes`` whose leg from ``box`` is not known to be blocked
            (the legs leave the box at ``at`` on the other axis; ``beside`` is the
            bend's coordinate there)."""
            low_edge, high_edge = (box[1], box[1] + box[3]) if vertical else \
                (box[0], box[0] + box[2])
            if (box[2] if vertical else box[3]) % 2:
                return 0, len(lanes)  # the leg slants by half a point: not nested

            def leg(lane: int) -> tuple[Point, Point]:
                bend = (beside, lane) if vertical else (lane, beside)
                return clip_to_box(box, bend), (float(bend[0]), float(bend[1]))

            below = bisect.bisect_left(lanes, low_edge)  # lanes[:below] are before the box
            lo, hi = 0, below  # the nearest blocked lane before it, by halving
            while lo < hi:
                middle = (lo + hi) // 2
                if blocked(*leg(lanes[middle]), other_end):
                    lo = middle + 1
                else:
                    hi = middle
            start = lo
            above = bisect.bisect_right(lanes, high_edge)  # lanes[above:] are after it
            lo, hi = above, len(lanes)
            while lo < hi:
                middle = (lo + hi) // 2
                if blocked(*leg(lanes[middle]), other_end):
                    hi = middle
                else:
                    lo = middle + 1
            return start, lo

        # Row lanes (y): legs leave the ends through their top or bottom; column lanes (x)
        # through their sides.
        y_from, y_to = open_range(ys, s, True, t, scy, scx)
        y_from2, y_to2 = open_range(ys, t, True, s, tcy, tcx)
        x_from, x_to = open_range(xs, s, False, t, scx, scy)
        x_from2, x_to2 = open_range(xs, t, False, s, tcx, tcy)
        return (range(max(y_from, y_from2), min(y_to, y_to2)),
                range(max(x_from, x_from2), min(x_to, x_to2)))

    def _score(self, request: Request, clear: list[tuple], crossings: bool = True) -> list:
        """The clear candidates as (runs on top, cost, index, bends, points), against the
        lines drawn so far (their crossings left out of the cost unless ``crossings``)."""
        drawn = self._drawn_near()
        scored = []
        for index, bends, points, base in clear:
            if crossings:
                crossed, along = drawn.meet(points)
            else:
                crossed, along = {}, drawn.along(points)
            on_top = any(kind != request.rel_type
                         or (src != request.source.id and tgt != request.target.id)
                         for src, tgt, kind, _line in (self.drawn[k] for k in along))
            scored.append((on_top, base + CROSS_COST * sum(crossed.values()), index, bends,
                           points))
        return scored

    def _drawn_near(self) -> SegmentGrid:
        """The lines drawn so far, by segment (lines appended to :attr:`drawn` since the
        last call filed first)."""
        grid = getattr(self, "_drawn_grid", None)
        if grid is None:
            grid = self._drawn_grid = SegmentGrid()
            self._drawn_filed = 0
        while self._drawn_filed < len(self.drawn):
            grid.add(self._drawn_filed, self.drawn[self._drawn_filed][3])
            self._drawn_filed += 1
        return grid

    @staticmethod
    def _clear(points: list[Point], s: Box, t: Box, others: tuple[_BoxIndex, tuple[str, ...]],
               tabs: _BoxIndex, memo: dict | None = None) -> bool:
        """Whether the polyline keeps clear of every box and tab but its ends', leaves
        room for the arrowhead, and bends outside its ends. ``memo`` keeps the answer for
        each segment between calls for one request: a line's candidates share most of
        their legs (a detour's first leg is tried with every lane), and the cheap tests
        come first, so a candidate is mostly refused without looking at a box."""
        if len(points) > 2 and min(_leg(points, 0), _leg(points, -1)) < MIN_LEG:
            return False  # no room for the arrowhead or the source's diamond or dot
        if len(points) > 2 and not all(
                not (s[0] <= x <= s[0] + s[2] and s[1] <= y <= s[1] + s[3])
                and not (t[0] <= x <= t[0] + t[2] and t[1] <= y <= t[1] + t[3])
                for x, y in points[1:-1]):
            return False
        index, skip = others
        last = len(points) - 2
        for i, (a, b) in enumerate(zip(points, points[1:], strict=False)):
            key = (a, b, i > 0, i < last)
            known = memo.get(key) if memo is not None else None
            if known is None:
                # A line along a box edge needs room to be seen apart from it; a slanting
                # one only has to miss the corner.
                margin = CLEARANCE if a[0] == b[0] or a[1] == b[1] else SLANT_CLEARANCE
                known = not (index.blocks(a, b, margin, skip)
                             or tabs.blocks(a, b, CLEARANCE, ())
                             or (i > 0 and segment_crosses_box(a, b, s))
                             or (i < last and segment_crosses_box(a, b, t)))
                if memo is not None:
                    memo[key] = known
            if not known:
                return False
        return True


def _span(request: Request) -> float:
    """How far apart the centres of a request's two ends are (along the lanes)."""
    s, t = request.source.bounds, request.target.bounds
    return abs(s[0] + s[2] / 2 - t[0] - t[2] / 2) + abs(s[1] + s[3] / 2 - t[1] - t[3] / 2)


def route_orthogonally(view: View, connection_ids: Iterable[str],
                       relationship_types: Mapping[str, str],
                       bounds: Mapping[str, tuple[int, int, int, int]] | None = None
                       ) -> dict[str, list[tuple[int, int]]]:
    """Right-angle bendpoints for the connections ``connection_ids`` of ``view``, routed
    around its boxes, with the nodes named in ``bounds`` at those boxes (where a move or a
    resize is about to put them) and the others where they are.

    The other lines of the view count as already drawn (the router avoids running on top
    of them and prefers fewer crossings). A connection that ends at another connection is
    left out: it has no box to leave from. ``relationship_types`` gives each connection's
    relationship type (a fan of one type is drawn as a bus)."""
    from egov_modeler.diagram.notation import connection_points

    moved = dict(bounds or {})
    nodes = {node_id: (dataclasses.replace(node, x=moved[node_id][0], y=moved[node_id][1],
                                           w=moved[node_id][2], h=moved[node_id][3])
                       if node_id in moved else node)
             for node_id, node in view.nodes.items()}
    shifted = dataclasses.replace(view, nodes=nodes)
    wanted = [cid for cid in connection_ids if cid in view.connections
              and view.connections[cid].source in nodes
              and view.connections[cid].target in nodes]
    router = Router(shifted, orthogonal=True)
    for cid, conn in view.connections.items():
        if cid in wanted or conn.source not in nodes or conn.target not in nodes:
            continue
        points = connection_points(nodes[conn.source].bounds, nodes[conn.target].bounds,
                                   conn.bendpoints)
        router.drawn.append((conn.source, conn.target, relationship_types.get(cid, ""),
                             points))
    requests = [Request(nodes[view.connections[cid].source],
                        nodes[view.connections[cid].target], relationship_types.get(cid, ""))
                for cid in wanted]
    return dict(zip(wanted, router.route_all(requests), strict=True))
