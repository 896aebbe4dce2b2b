"""Lines the router's few shapes cannot route go through the channels between the boxes
(``diagram/channel_route.py``): right angles only, round every box but their ends, and a
search that looks only at the lanes near the two ends.

Before, such a line was drawn straight through the boxes between its ends ("54 of 134
lines have no clear route and are drawn straight" on the 100-object overview)."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.diagram.channel_route import ChannelSearch
from egov_modeler.diagram.notation import connection_points
from egov_modeler.diagram.overview_layout import generate_overview, relayout_command
from egov_modeler.diagram.routing import (
    CLEARANCE,
    Request,
    Router,
    _ancestors,
    _axis_aligned,
    _corridors,
    container_tab,
    segment_crosses_box,
)
from egov_modeler.model.views import Node, View
from tests.helpers.national_model import BIG_VIEW, build_national_model


@pytest.fixture(autouse=True)
def _quiet():
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


def _staggered_rows(rows: int = 3, per_row: int = 5, shift: int = 47,
                    far_rows: int = 0) -> View:
    """Rows of boxes, each row shifted so that no column gap runs through all of them: a
    line from the top row to the bottom one has to zigzag through the gaps (no lane runs
    clear from one end to the other). ``far_rows`` more rows lie far below, each like the
    first."""
    view = View("v")
    for r in range(rows + far_rows):
        y = 40 + 110 * r if r < rows else 5000 + 110 * r
        offset = shift * (r % rows)
        for c in range(per_row):
            node_id = f"n{r}-{c}"
            view.nodes[node_id] = Node(node_id, 40 + offset + 140 * c, y, 100, 60,
                                       element_id=node_id)
    return view


def _touches_another_box(view: View, points, ends: tuple[str, str]) -> list[str]:
    return [node.id for node in view.nodes.values()
            if node.kind == "element" and node.id not in ends
            and any(segment_crosses_box(a, b, node.bounds)
                    for a, b in zip(points, points[1:], strict=False))]


def test_a_line_no_shape_can_route_zigzags_through_the_gaps():
    view = _staggered_rows()
    source, target = view.nodes["n0-2"], view.nodes["n2-2"]
    router = Router(view)
    [bends] = router.route_all([Request(source, target, "Flow")])
    assert router.channelled == 1  # none of the shapes had a clear route
    points = connection_points(source.bounds, target.bounds, bends)
    assert _axis_aligned(points)
    assert _touches_another_box(view, points, (source.id, target.id)) == []
    # it leaves and enters at the middle of a side
    assert points[0][0] == source.x + source.w / 2 or points[0][1] == source.y + source.h / 2
    assert points[-1][0] == target.x + target.w / 2 or points[-1][1] == target.y + target.h / 2


def test_without_the_channels_that_line_went_straight_through_boxes(monkeypatch):
    """What the user saw before: the same line, with the channel search taken away."""
    view = _staggered_rows()
    source, target = view.nodes["n0-2"], view.nodes["n2-2"]
    monkeypatch.setattr(Router, "_through_channels", lambda self, request: None)
    [bends] = Router(view).route_all([Request(source, target, "Flow")])
    points = connection_points(source.bounds, target.bounds, bends)
    assert _touches_another_box(view, points, (source.id, target.id))


def test_the_search_is_bounded_by_the_region_around_the_two_ends():
    """Rows of boxes far below the two ends add lanes to the view, not to the search: it
    expands exactly as many lane crossings, within the crossings of its region."""
    near = Router(_staggered_rows(far_rows=1))
    far = Router(_staggered_rows(far_rows=12))
    for router in (near, far):
        view = router.view
        router.route_all([Request(view.nodes["n0-2"], view.nodes["n2-2"], "Flow")])
        assert router.channelled == 1
        assert 0 < router.channel_expanded <= router.channel_bound
    assert len(far._lanes()[1]) > len(near._lanes()[1])
    assert far.channel_expanded == near.channel_expanded
    assert far.channel_bound == near.channel_bound


def test_lines_with_a_clear_shape_keep_it(monkeypatch):
    """Only the lines no shape routes change: the others are drawn first, as before."""
    view = _staggered_rows()
    nodes = view.nodes
    requests = [Request(nodes["n0-1"], nodes["n0-2"], "Flow"),     # straight
                Request(nodes["n1-0"], nodes["n1-3"], "Serving"),  # round a row
                Request(nodes["n0-2"], nodes["n2-2"], "Flow")]     # no shape
    with_channels = Router(view).route_all(requests)
    monkeypatch.setattr(Router, "_through_channels", lambda self, request: None)
    without = Router(view).route_all(requests)
    assert with_channels[:2] == without[:2]
    assert with_channels[2] != without[2]


_GRID = st.tuples(
    st.integers(2, 4),                       # rows
    st.integers(2, 5),                       # boxes per row
    st.lists(st.integers(0, 120), min_size=4, max_size=4),   # each row's shift
    st.lists(st.sampled_from((80, 100, 120, 150)), min_size=4, max_size=4),  # widths
    st.integers(24, 60),                     # gap between boxes
    st.integers(0, 100), st.integers(0, 100))  # which two boxes


@settings(max_examples=60, deadline=None)
@given(_GRID)
def test_a_route_found_is_orthogonal_joins_the_ends_sides_and_crosses_no_box(grid):
    rows, per_row, shifts, widths, gap, first, second = grid
    boxes = []
    for r in range(rows):
        x = 40 + shifts[r]
        for _c in range(per_row):
            boxes.append((x, 40 + r * (60 + gap), widths[r], 60))
            x += widths[r] + gap
    s, t = boxes[first % len(boxes)], boxes[second % len(boxes)]
    if s == t:
        return
    others = [box for box in boxes if box not in (s, t)]
    xs = _corridors([v for b in boxes for v in (b[0], b[0] + b[2])])
    ys = _corridors([v for b in boxes for v in (b[1], b[1] + b[3])])

    def blocked(a, b):
        return any(segment_crosses_box(a, b, box, CLEARANCE) for box in others)

    def free(axis, lane):
        """The lane's spans clear of every box (the ends too) grown by the clearance."""
        taken = sorted((y - CLEARANCE, y + h + CLEARANCE) if axis == "x"
                       else (x - CLEARANCE, x + w + CLEARANCE)
                       for x, y, w, h in boxes
                       if (x - CLEARANCE < lane < x + w + CLEARANCE if axis == "x"
                           else y - CLEARANCE < lane < y + h + CLEARANCE))
        spans, reach = [], float("-inf")
        for start, end in taken:
            if start > reach:
                spans.append((reach, start))
            reach = max(reach, end)
        return [*spans, (reach, float("inf"))]

    search = ChannelSearch(xs, ys, free)
    bends = search.route(s, t, blocked, lambda axis, lane: [])
    assert search.expanded <= search.bound
    if bends is None:
        return
    points = connection_points(s, t, bends)
    assert _axis_aligned(points)
    for box, end in ((s, points[0]), (t, points[-1])):
        x, y, w, h = box
        middles = {(x + w / 2, y), (x + w / 2, y + h), (x, y + h / 2), (x + w, y + h / 2)}
        assert end in middles  # the middle of one of its sides
    assert not any(segment_crosses_box(a, b, box)
                   for a, b in zip(points, points[1:], strict=False) for box in others)
    # no bend hides inside either end
    for bx, by in bends:
        for x, y, w, h in (s, t):
            assert not (x <= bx <= x + w and y <= by <= y + h)


def _lines_through_boxes(view: View) -> list[str]:
    """The connections with a segment through an element box other than their ends (and
    what those are nested in), or through a band's label tab."""
    boxes = [(n.id, n.bounds) for n in view.nodes.values() if n.kind == "element"]
    tabs = [(n.id, container_tab(n)) for n in view.nodes.values() if n.kind == "container"]
    found = []
    for connection in view.connections.values():
        s, t = view.nodes[connection.source], view.nodes[connection.target]
        allowed = {s.id, t.id, *_ancestors(view, s.id), *_ancestors(view, t.id)}
        points = connection_points(s.bounds, t.bounds, connection.bendpoints)
        if any(segment_crosses_box(a, b, box)
               for a, b in zip(points, points[1:], strict=False)
               for box_id, box in boxes + tabs if box_id not in allowed):
            found.append(connection.id)
    return found


def test_the_generated_overview_draws_every_line_round_the_boxes():
    """The 100-object overview (54 of its 134 lines had no clear route before): every line
    keeps off every box but its ends, and every bent line has right angles only (a clear
    straight line may still slant, as before)."""
    _command, view = generate_overview(build_national_model(100))
    assert len(view.connections) > 100
    assert _lines_through_boxes(view) == []
    for connection in view.connections.values():
        if connection.bendpoints:
            s, t = view.nodes[connection.source], view.nodes[connection.target]
            assert _axis_aligned(connection_points(s.bounds, t.bounds,
                                                   connection.bendpoints))


def test_without_the_channels_the_overview_drew_lines_through_boxes(monkeypatch):
    monkeypatch.setattr(Router, "_through_channels", lambda self, request: None)
    _command, view = generate_overview(build_national_model(100))
    assert len(_lines_through_boxes(view)) > 40


def test_re_layout_draws_every_line_round_the_boxes():
    model = build_national_model(100)
    command = relayout_command(model, BIG_VIEW)
    assert command is not None
    model.execute(command)
    view = model.view(BIG_VIEW)
    assert len(view.connections) > 100
    assert _lines_through_boxes(view) == []
