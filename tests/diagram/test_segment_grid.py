"""The segment grid the router keeps its routes and drawn lines in answers what testing
every pair of segments answers: how often a polyline crosses each filed one, and which it
runs along (on top of for more than a few points, which a reader cannot tell apart)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.diagram.segment_grid import ALONG, SegmentGrid, crosses

Point = tuple[float, float]


def _crossings_by_every_pair(p: list[Point], q: list[Point], q_first: bool) -> int:
    return sum((crosses(c, d, a, b) if q_first else crosses(a, b, c, d))
               for a, b in zip(p, p[1:], strict=False) for c, d in zip(q, q[1:], strict=False))


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(max(a0, a1), max(b0, b1)) - max(min(a0, a1), min(b0, b1))


def _runs_along_by_every_pair(p: list[Point], q: list[Point]) -> bool:
    for a, b in zip(p, p[1:], strict=False):
        for c, d in zip(q, q[1:], strict=False):
            if a[0] == b[0] == c[0] == d[0] and _overlap(a[1], b[1], c[1], d[1]) > ALONG:
                return True
            if a[1] == b[1] == c[1] == d[1] and _overlap(a[0], b[0], c[0], d[0]) > ALONG:
                return True
    return False


# Coordinates on a coarse grid of a small cell, so that segments share cells, touch, end
# on one another, run on top of one another and lie on cell borders; some slant, some are
# points; half points as clipped ends give them.
_coordinate = st.integers(0, 24).map(lambda v: v * 2.5)
_polyline = st.lists(st.tuples(_coordinate, _coordinate), min_size=2, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_polyline, min_size=1, max_size=8), _polyline, st.booleans(),
       st.sampled_from([5.0, 10.0, 160.0]))
def test_the_grid_answers_what_testing_every_pair_of_segments_answers(filed, new, filed_first,
                                                                      cell):
    grid = SegmentGrid(cell)
    for key, points in enumerate(filed):
        grid.add(key, points)
    crossed, along = grid.meet(new, filed_first)
    expected = {key: n for key, points in enumerate(filed)
                if (n := _crossings_by_every_pair(new, points, filed_first))}
    assert crossed == expected
    assert along == {key for key, points in enumerate(filed)
                     if _runs_along_by_every_pair(new, points)}
    assert grid.along(new) == along


@settings(max_examples=200, deadline=None)
@given(st.lists(_polyline, min_size=1, max_size=8), _polyline)
def test_a_grid_kept_for_running_along_only_finds_the_same_lines(filed, new):
    full, lean = SegmentGrid(10.0), SegmentGrid(10.0, crossings=False)
    for key, points in enumerate(filed):
        full.add(key, points)
        lean.add(key, points)
    assert lean.along(new) == full.meet(new)[1]


def test_crossing_lines_are_counted_once_each_time_they_cross():
    """A line across a comb crosses each tooth once, wherever the cells fall; touching a
    tooth's end or running along it is no crossing."""
    grid = SegmentGrid(7.0)
    comb = [(0.0, 0.0), (0.0, 30.0), (10.0, 30.0), (10.0, 0.0), (20.0, 0.0), (20.0, 30.0)]
    grid.add(1, comb)
    assert grid.meet([(-5.0, 15.0), (25.0, 15.0)]) == ({1: 3}, set())
    assert grid.meet([(-5.0, 30.0), (3.0, 30.0)]) == ({}, set())  # 3 points on the top
    assert grid.meet([(-5.0, 30.0), (5.0, 30.0)]) == ({}, {1})  # 5 points on it
    assert grid.meet([(-5.0, 0.0), (25.0, 0.0)]) == ({}, {1})  # on the bottom, touching
    assert grid.meet([(10.0, 5.0), (10.0, 25.0)]) == ({}, {1})  # on a tooth
