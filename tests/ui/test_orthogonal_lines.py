"""Orthogonal lines (issue 16 point 7, its routing part): a view's lines switched to
orthogonal in Properties (or Format > Orthogonal lines) go round the boxes with right
angles, are routed again when a box moves (in the same undo step as the move), a line
can keep its own routing, and the routes are kept as bendpoints, so the PDF and the
exchange XML show the same lines as the canvas."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from lxml import etree

from egov_modeler.diagram.display_list import ShapeItem, build_scene
from egov_modeler.diagram.notation import Polyline, connection_points
from egov_modeler.diagram.routing import segment_crosses_box
from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Connection, Node
from tests.helpers.exchange import NS


def crossing_model() -> Model:
    """Portal -> LGSP drawn straight through the one-stop system between them."""
    model = Model("Kiến trúc tỉnh")
    view = model.add_view("Sơ đồ")
    names = ("Cổng dịch vụ công", "Hệ thống một cửa", "LGSP tỉnh", "Người dân")
    elements = [model.add_element("ApplicationComponent", n) for n in names[:3]]
    elements.append(model.add_element("BusinessActor", names[3]))
    for index, (x, y) in enumerate(((40, 300), (300, 300), (560, 300), (300, 20))):
        model.load_node(view.id, Node(f"id-n{index}", x, y, 160, 70,
                                      element_id=elements[index].id))
    flow = model.relate(elements[0].id, "Flow", elements[2].id)
    model.load_connection(view.id, Connection("id-c0", "id-n0", "id-n2", flow.id))
    return model


@pytest.fixture
def crossing(window):
    model = crossing_model()
    window.document.replace(model, None)
    return window, model, model.views[0]


def _points(view, conn_id: str):
    conn = view.connections[conn_id]
    return connection_points(view.nodes[conn.source].bounds, view.nodes[conn.target].bounds,
                             conn.bendpoints)


def _crosses(view, conn_id: str, node_id: str) -> bool:
    points = _points(view, conn_id)
    return any(segment_crosses_box(a, b, view.nodes[node_id].bounds)
               for a, b in zip(points, points[1:], strict=False))


def _orthogonal(points) -> bool:
    return all(abs(a[0] - b[0]) < 0.5 or abs(a[1] - b[1]) < 0.5
               for a, b in zip(points, points[1:], strict=False))


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_switching_a_view_to_orthogonal_routes_its_lines_round_the_boxes(crossing):
    window, model, view = crossing
    assert _crosses(view, "id-c0", "id-n1")  # drawn straight through the one-stop box
    before = model_to_dict(model)
    window.current_canvas().diagram().select_ids([])
    dock = window.properties
    assert dock.router.isVisibleTo(dock)
    _choose(dock.router, "manhattan")
    assert view.connection_router == "manhattan"
    assert view.connections["id-c0"].bendpoints
    assert not _crosses(view, "id-c0", "id-n1")
    assert _orthogonal(_points(view, "id-c0"))
    # The canvas, the PDF's display list and the exchange XML show the same line.
    item = window.current_canvas().diagram().connection_items["id-c0"]
    canvas_line = [(p.x(), p.y()) for p in item.points]
    scene = build_scene(model, view, "vi")
    paper = [i.prim.points for i in scene.items if isinstance(i, ShapeItem)
             and isinstance(i.prim, Polyline) and len(i.prim.points) > 2]
    assert tuple(canvas_line) in [tuple(p) for p in paper]
    again = read_exchange_bytes(exchange_bytes(model))
    assert again.views[0].connections["id-c0"].bendpoints == view.connections[
        "id-c0"].bendpoints
    assert again.views[0].connection_router == "manhattan"
    window.document.undo_stack.undo()  # one step: the switch and the routes
    assert model_to_dict(model) == before


def test_moving_a_box_into_the_way_routes_the_line_again_in_the_same_step(crossing):
    window, model, view = crossing
    window.formats.act_orthogonal.trigger()
    assert window.formats.act_orthogonal.isChecked()
    routed = list(view.connections["id-c0"].bendpoints)
    before = model_to_dict(model)
    # Move the actor down onto the route the line took (just above the row of systems).
    points = _points(view, "id-c0")
    lane = points[1][1]
    actor = view.nodes["id-n3"]
    dy = round(lane + 20 - actor.h - actor.y)
    assert actor.y + dy < lane < actor.y + dy + actor.h <= view.nodes["id-n1"].y
    assert window.current_canvas().tools["select"].commit_move(0, dy, ["id-n3"])
    assert view.connections["id-c0"].bendpoints != routed
    assert not _crosses(view, "id-c0", "id-n3") and not _crosses(view, "id-c0", "id-n1")
    assert _orthogonal(_points(view, "id-c0"))
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


def test_a_line_keeps_its_own_routing(crossing):
    window, model, view = crossing
    window.formats.act_orthogonal.trigger()
    window.current_canvas().diagram().select_ids(["id-c0"])
    dock = window.properties
    assert dock.form.labelForField(dock.router).text() == "Định tuyến đường:"
    _choose(dock.router, "manual")
    assert view.connections["id-c0"].router == "manual"
    kept = list(view.connections["id-c0"].bendpoints)
    assert window.current_canvas().tools["select"].commit_move(0, 200, ["id-n1"])
    assert view.connections["id-c0"].bendpoints == kept  # manual: not routed again
    root = etree.fromstring(exchange_bytes(model))
    extras = [p.find("a:value", NS).text for p in root.iterfind(".//a:view//a:property", NS)
              if "router" in (p.find("a:value", NS).text or "")]
    assert json.loads(extras[0])["connections"]["id-c0"]["router"] == "manual"


def test_a_new_line_on_an_orthogonal_view_is_routed_as_it_is_drawn(crossing):
    window, model, view = crossing
    window.formats.act_orthogonal.trigger()
    tool = window.current_canvas().tools["connect"]
    rel = tool.connect("id-n0", "id-n2", "Serving")
    assert rel is not None
    (conn,) = [c for c in view.connections.values() if c.relationship_id == rel.id]
    assert conn.bendpoints and _orthogonal(_points(view, conn.id))
    assert not _crosses(view, conn.id, "id-n1")
