"""The shared router in its orthogonal mode (issue 16 point 7): the editor's orthogonal
lines are horizontal and vertical only, go round the boxes, leave the element a line's
end is nested in, and the templates' routes (the router's other mode) are unchanged
(``tests/storage/test_templates.py`` rebuilds them byte for byte)."""

from __future__ import annotations

import random

import pytest

from egov_modeler.diagram.notation import connection_points
from egov_modeler.diagram.routing import route_orthogonally, segment_crosses_box
from egov_modeler.model.views import Connection, Node, View


def _orthogonal(points) -> bool:
    return all(abs(a[0] - b[0]) < 0.5 or abs(a[1] - b[1]) < 0.5
               for a, b in zip(points, points[1:], strict=False))


def _grid_view(seed: int) -> View:
    """A 4 x 3 grid of boxes with some gaps, and lines between random pairs."""
    rng = random.Random(seed)
    view = View("v", connection_router="manhattan")
    cells = [(c, r) for c in range(4) for r in range(3)]
    for c, r in rng.sample(cells, 9):
        view.nodes[f"n{c}{r}"] = Node(f"n{c}{r}", 40 + 240 * c, 40 + 160 * r, 140, 60,
                                      element_id=f"e{c}{r}")
    ids = list(view.nodes)
    for index in range(6):
        source, target = rng.sample(ids, 2)
        view.connections[f"c{index}"] = Connection(f"c{index}", source, target)
    return view


@pytest.mark.parametrize("seed", range(8))
def test_every_orthogonal_route_has_right_angles_and_misses_the_other_boxes(seed):
    view = _grid_view(seed)
    routes = route_orthogonally(view, list(view.connections),
                                {c: "Flow" for c in view.connections})
    for cid, bends in routes.items():
        conn = view.connections[cid]
        points = connection_points(view.nodes[conn.source].bounds,
                                   view.nodes[conn.target].bounds, bends)
        assert _orthogonal(points), (cid, points)
        others = [n.bounds for n in view.nodes.values() if n.id not in (conn.source,
                                                                       conn.target)]
        assert not any(segment_crosses_box(a, b, box) for a, b in zip(points, points[1:],
                                                                       strict=False)
                       for box in others), (cid, points)


def test_a_line_from_a_nested_child_leaves_its_parent():
    view = View("v", connection_router="manhattan")
    view.nodes["p"] = Node("p", 0, 0, 300, 200, element_id="ep")
    view.nodes["c"] = Node("c", 20, 60, 120, 55, element_id="ec", parent="p")
    view.nodes["t"] = Node("t", 500, 300, 120, 55, element_id="et")
    view.connections["l"] = Connection("l", "c", "t")
    bends = route_orthogonally(view, ["l"], {"l": "Serving"})["l"]
    points = connection_points(view.nodes["c"].bounds, view.nodes["t"].bounds, bends)
    assert bends and _orthogonal(points)


def test_moved_boxes_are_routed_where_they_will_be():
    view = View("v", connection_router="manhattan")
    view.nodes["a"] = Node("a", 0, 0, 120, 55, element_id="ea")
    view.nodes["b"] = Node("b", 400, 0, 120, 55, element_id="eb")
    view.nodes["x"] = Node("x", 200, 300, 120, 55, element_id="ex")
    view.connections["l"] = Connection("l", "a", "b")
    assert route_orthogonally(view, ["l"], {})["l"] == []  # straight and clear
    moved = route_orthogonally(view, ["l"], {}, {"x": (200, 0, 120, 55)})["l"]
    points = connection_points(view.nodes["a"].bounds, view.nodes["b"].bounds, moved)
    assert moved and not any(segment_crosses_box(p, q, (200, 0, 120, 55))
                             for p, q in zip(points, points[1:], strict=False))
