"""The router on large views ("Generate overview" of a national inventory, "Re-layout" of a
2,000-node view): the routes it tries per line stay flat as the view grows, and the
shortcuts that spare it the work give exactly the routes trying everything gives.

These tests count the routes checked against the boxes, never a time
(``benchmarks/probe_window_actions.py`` times "Re-layout view" and "Generate overview").
Before the shortcuts every line tried every lane of the view: a 1,200-object overview
checked 1,369 routes per line (432 at 300 objects) and "Re-layout" of a 2,000-node view
took minutes.
"""

from __future__ import annotations

import logging

import pytest

from egov_modeler.diagram import routing
from egov_modeler.diagram.overview_layout import generate_overview, relayout_command
from egov_modeler.diagram.segment_grid import crosses
from egov_modeler.model.commands import AddBendpointCommand
from tests.helpers.national_model import BIG_VIEW, build_national_model


@pytest.fixture(autouse=True)
def _quiet():
    """A dense overview has lines that must run on top of others: each is logged."""
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


def _routes_checked_per_line(monkeypatch, elements: int) -> float:
    checked = [0]
    clear = routing.Router._clear

    def counting(*args):
        checked[0] += 1
        return clear(*args)

    monkeypatch.setattr(routing.Router, "_clear", staticmethod(counting))
    _command, view = generate_overview(build_national_model(elements))
    assert view.connections
    return checked[0] / len(view.connections)


def test_the_routes_tried_per_line_do_not_grow_with_the_overview(monkeypatch):
    small = _routes_checked_per_line(monkeypatch, 150)
    large = _routes_checked_per_line(monkeypatch, 600)  # four times the boxes and lanes
    assert large < 1.5 * small
    assert large < 100  # every lane of the view would be several hundred


def _bendpoints(command) -> list[tuple]:
    return [(c.connection_id, c.index, c.x, c.y) for c in command.commands
            if isinstance(c, AddBendpointCommand)]


def test_skipping_blocked_lanes_gives_the_routes_trying_every_lane_gives(monkeypatch):
    model = build_national_model(1200, 150)
    fast = relayout_command(model, BIG_VIEW)
    def every_lane_open(router, _request):
        xs, ys = router._lanes()
        return range(len(ys)), range(len(xs))

    monkeypatch.setattr(routing.Router, "_open_lanes", every_lane_open)
    every_lane = relayout_command(model, BIG_VIEW)
    assert fast is not None and every_lane is not None
    assert _bendpoints(fast) and _bendpoints(fast) == _bendpoints(every_lane)


def test_a_detour_takes_the_open_column_lanes_nearest_its_ends():
    """The lanes a detour may use are the three open ones nearest each end (nearer, then
    left, first), found without testing every lane: the same as sorting them all."""
    model = build_national_model(600)
    _command, view = generate_overview(model)
    router = routing.Router(view)
    xs, _ys = router._lanes()
    columns = router._lane_columns()
    boxes = [n for n in view.nodes.values() if n.kind == "element"]
    source, target = boxes[3], boxes[-5]
    ends = {source.id, target.id}
    top = min(source.y, target.y) - 200
    bottom = max(source.y + source.h, target.y + target.h) + 200

    def free_by_testing_every_box(x: int) -> bool:
        return not any(b.x - routing.CLEARANCE < x < b.x + b.w + routing.CLEARANCE
                       and b.y < bottom and b.y + b.h > top
                       for b in boxes if b.id not in ends)

    open_lanes = [x for x in xs if free_by_testing_every_box(x)]
    assert 0 < len(open_lanes) < len(xs)
    assert set(columns) == set(xs)
    request = routing.Request(source, target, "Flow")
    found = {tuple(bend) for candidate in router._detours(request) for bend in candidate}
    for x_end in (source.x + source.w // 2, target.x + target.w // 2):
        nearest = sorted(open_lanes, key=lambda lane: abs(lane - x_end))[:3]
        for lane in nearest:
            assert any(bend[0] == lane for bend in found)


def test_a_level_or_upright_segment_is_blocked_exactly_when_it_crosses_a_box():
    """The box index answers level and upright segments with comparisons instead of
    :func:`segment_crosses_box`: the same answer for every box, touching ones too."""
    import random

    chance = random.Random(19)
    for _ in range(3000):
        box = (chance.randint(0, 40), chance.randint(0, 40), chance.randint(1, 30),
               chance.randint(1, 30))
        fixed = chance.choice([0, 0.5, 1]) + chance.randint(-10, 80)
        ends = sorted(chance.choice([0, 0.5]) + chance.randint(-10, 80) for _ in range(2))
        a, b = ((ends[0], fixed), (ends[1], fixed)) if chance.random() < 0.5 else \
            ((fixed, ends[0]), (fixed, ends[1]))
        margin = chance.choice([0, 5, 6])
        index = routing._BoxIndex([("box", box)])
        assert index.blocks(a, b, margin, ()) == routing.segment_crosses_box(a, b, box,
                                                                           margin), (a, b, box)
        assert not index.blocks(a, b, margin, ("box",))


def test_a_slanting_segment_is_blocked_exactly_when_it_passes_a_box():
    """A slanting segment is looked for only in the cells along it, not in every cell of
    its bounds (a straight line across a national overview spans most of them): the same
    answer as testing every box, for long, short, steep and flat segments, boxes just off
    the line and boxes spanning many cells."""
    import random

    chance = random.Random(31)
    size = routing._BoxIndex.CELL
    for _ in range(300):
        boxes = [(f"b{k}", (chance.randint(-100, 1400), chance.randint(-100, 1400),
                            chance.choice([1, 8, 64, 170, 400]), chance.choice([1, 8, 64, 300])))
                 for k in range(chance.randint(1, 40))]
        index = routing._BoxIndex(boxes)
        for _ in range(30):
            a = (chance.choice([0, 0.5, 0.25]) + chance.randint(-50, 1500),
                 chance.choice([0, 0.5]) + chance.randint(-50, 1500))
            steep = chance.random() < 0.3
            b = ((a[0] + chance.choice([-1, 1]) * chance.choice([0.5, 1, 3]), a[1]
                  + chance.randint(-3 * size, 3 * size)) if steep else
                 (chance.choice([0, 0.5]) + chance.randint(-50, 1500),
                  chance.choice([0, 0.5]) + chance.randint(-50, 1500)))
            if a[0] == b[0] or a[1] == b[1]:
                continue
            skip = tuple(chance.sample([box[0] for box in boxes], k=min(1, len(boxes))))
            for margin in (0, routing.SLANT_CLEARANCE, routing.CLEARANCE):
                every_box = any(routing.segment_crosses_box(a, b, box, margin)
                                for box_id, box in boxes if box_id not in skip)
                assert index.blocks(a, b, margin, skip) == every_box, (a, b, margin)


def test_lines_without_a_clear_route_are_reported_in_one_warning(caplog):
    """A dense overview has hundreds of lines drawn straight or on top of another: the
    command line printed a warning for each. Now one warning counts them (the lines are
    named at debug level)."""
    logging.disable(logging.NOTSET)
    caplog.set_level(logging.DEBUG, logger=routing.__name__)
    _command, view = generate_overview(build_national_model(600))
    records = [r for r in caplog.records if r.name == routing.__name__]
    straight = sum("drawn straight" in r.getMessage() for r in records
                   if r.levelno == logging.DEBUG)
    on_top = sum("runs on top" in r.getMessage() for r in records
                 if r.levelno == logging.DEBUG)
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert straight + on_top > 10
    assert warnings == [f"{straight} of {len(view.connections)} lines have no clear route "
                        f"and are drawn straight; {on_top} run on top of another line"]


def _runs_along(p, q) -> bool:
    """The plain form: some segment of ``p`` lies on one of ``q`` for over 4 points."""
    def overlap(a0, a1, b0, b1):
        return min(max(a0, a1), max(b0, b1)) - max(min(a0, a1), min(b0, b1))

    return any((a[0] == b[0] == c[0] == d[0] and overlap(a[1], b[1], c[1], d[1]) > 4)
               or (a[1] == b[1] == c[1] == d[1] and overlap(a[0], b[0], c[0], d[0]) > 4)
               for a, b in zip(p, p[1:], strict=False) for c, d in zip(q, q[1:], strict=False))


def _crossings(p, q) -> int:
    """The plain form: every pair of segments tested."""
    return sum(crosses(a, b, c, d) for a, b in zip(p, p[1:], strict=False)
               for c, d in zip(q, q[1:], strict=False))


def _fan(request, line) -> bool:
    src, tgt, kind, _points = line
    return kind == request.rel_type and (src == request.source.id or tgt == request.target.id)


def _plain_score(router, request, clear, crossings=True):
    return [(any(_runs_along(points, line[3]) for line in router.drawn
                 if not _fan(request, line)),
             base + routing.CROSS_COST * sum(_crossings(points, line[3])
                                              for line in router.drawn),
             index, bends, points) for index, bends, points, base in clear]


def _plain_route_all(router, requests, found):
    """What the router did before its indexes, without any: every waiting line's
    candidates re-scored against each line drawn, segment pair by segment pair, the line
    with the fewest good candidates next (then the first), detours for a line with none.
    ``found`` counts the candidates each drawn line runs on top of."""
    routes = {}
    fans = {}
    for index, request in enumerate(requests):
        fans.setdefault((request.source.id, request.rel_type), []).append(index)
    for members in fans.values():
        if len(members) >= routing.FAN:
            bus = router._bus([requests[i] for i in members])
            for index, best in zip(members, bus or [], strict=False):
                routes[index] = router._take(requests[index], best)
    for index, request in enumerate(requests):
        if index not in routes:
            straight = router._best(request, [[]])
            if straight is not None and not straight[0] and router._straight_ok(straight):
                routes[index] = router._take(request, straight)
    waiting = {i for i in range(len(requests)) if i not in routes}
    scored = {i: router._score(requests[i], router._clear_candidates(
        requests[i], router._candidates(requests[i]))) for i in waiting}
    detoured = set()
    stuck = []
    while waiting:
        for i in sorted(waiting):
            if i not in detoured and all(option[0] for option in scored[i]):
                detoured.add(i)
                scored[i] += router._score(requests[i], router._clear_candidates(
                    requests[i], enumerate(router._detours(requests[i]))))
        index = min(waiting, key=lambda i: (sum(not o[0] for o in scored[i]), i))
        waiting.remove(index)
        if not scored[index]:
            stuck.append(index)  # through the channels once the others are drawn
            continue
        routes[index] = router._take(requests[index], min(scored[index]))
        line = router.drawn[-1]
        for i in waiting:
            rescored = []
            for on_top, cost, option_index, bends, points in scored[i]:
                along = not _fan(requests[i], line) and _runs_along(points, line[3])
                found[0] += along
                rescored.append((on_top or along,
                                 cost + routing.CROSS_COST * _crossings(points, line[3]),
                                 option_index, bends, points))
            scored[i] = rescored
    router._route_stuck(requests, stuck, routes)
    return [routes[i] for i in range(len(requests))]


@pytest.mark.parametrize("what", ["overview", "re-layout"])
def test_the_indexed_router_draws_the_routes_of_the_plain_one(monkeypatch, what):
    """The segment grid, the waiting routes marked only by the lines on top of them and
    their crossings counted when their turn comes give the routes of re-scoring every
    waiting route against every line drawn, pair of segments by pair of segments; and a
    drawn line looks at just the routes it runs on top of, a route's crossings are counted
    once at most (before: every route near it, after every line drawn)."""
    model = build_national_model(300 if what == "overview" else 1200, 150)
    routers = []
    route_all = routing.Router.route_all

    def keeping(router, requests):
        routers.append(router)
        return route_all(router, requests)

    def run():
        if what == "overview":
            return {c.relationship_id: c.bendpoints
                    for c in generate_overview(model)[1].connections.values()}
        return {(c.connection_id, c.index): (c.x, c.y) for c in relayout_command(
            model, BIG_VIEW).commands if isinstance(c, AddBendpointCommand)}

    monkeypatch.setattr(routing.Router, "route_all", keeping)
    indexed = run()
    pending = routers[-1].pending
    found = [0]
    monkeypatch.setattr(routing.Router, "_score", _plain_score)
    monkeypatch.setattr(routing.Router, "route_all",
                        lambda router, requests: _plain_route_all(router, requests, found))
    plain = run()
    assert len(indexed) > 100 and indexed == plain
    candidates = sum(len(options) for options in pending.scored.values())
    assert 0 < pending.costed <= candidates
    assert pending.marked == found[0]


def test_a_segment_along_a_lane_is_blocked_exactly_as_testing_every_cell_finds():
    """The boxes across each lane answer a segment along it (a detour's legs run along
    lanes across the whole view) with a binary search: the same answer as walking the
    grid cells, for boxes touching the lane, wide boxes and skipped ones."""
    import random

    chance = random.Random(23)
    for _ in range(300):
        boxes = [(f"b{k}", (chance.randint(0, 900), chance.randint(0, 900),
                            chance.choice([1, 20, 120, 600]), chance.randint(1, 200)))
                 for k in range(chance.randint(0, 30))]
        xs = sorted({chance.randint(-20, 1000) for _ in range(12)})
        ys = sorted({chance.randint(-20, 1000) for _ in range(12)})
        walked, laned = routing._BoxIndex(boxes), routing._BoxIndex(boxes)
        laned.add_lanes(xs, ys, routing.CLEARANCE)
        for _ in range(40):
            skip = tuple(chance.sample([b[0] for b in boxes], k=min(2, len(boxes))))
            ends = sorted(chance.choice([0, 0.5]) + chance.randint(-30, 1030)
                          for _ in range(2))
            if chance.random() < 0.5:
                y = float(chance.choice(ys))
                a, b = (ends[0], y), (ends[1], y)
            else:
                x = chance.choice(xs)
                a, b = (x, ends[0]), (x, ends[1])
            for margin in (routing.CLEARANCE, routing.SLANT_CLEARANCE):
                assert laned.blocks(a, b, margin, skip) == walked.blocks(a, b, margin, skip), \
                    (a, b, skip)
