"""What a save and a load keep: the whole model, nodes in the order they are painted,
connections drawn to connections whatever their ids (issue 10)."""

from __future__ import annotations

import json

from egov_modeler.diagram.display_list import build_scene
from egov_modeler.model import History, Model
from egov_modeler.model.commands import (
    AddConnectionCommand,
    PlaceNodeCommand,
    RemoveConnectionCommand,
    RemoveNodeCommand,
    ReparentNodeCommand,
)
from egov_modeler.model.serialization import drawing_order, model_to_dict
from egov_modeler.model.views import Connection, Node
from egov_modeler.storage.native import load, loads, save


def same_model(a: Model, b: Model) -> None:
    """Every field, and the order of nodes and connections in every view."""
    assert model_to_dict(a) == model_to_dict(b)
    for view_a, view_b in zip(a.views, b.views, strict=True):
        assert [n.id for n in drawing_order(view_a)] == [n.id for n in drawing_order(view_b)]
        assert list(view_a.connections) == list(view_b.connections)


def link_on_link_model() -> Model:
    """A note on the association of a flow: the connection referred to ("id-z...") sorts
    after the one referring to it ("id-a...")."""
    model = Model("Liên kết trên liên kết")
    portal = model.add_element("ApplicationComponent", "Cổng DVC", id="id-e1")
    lgsp = model.add_element("ApplicationComponent", "LGSP", id="id-e2")
    note = model.add_element("BusinessObject", "Hồ sơ", id="id-e3")
    flow = model.relate(portal.id, "Flow", lgsp.id, id="id-z-flow")
    assoc = model.relate(note.id, "Association", flow.id, id="id-a-assoc")
    view = model.add_view("Sơ đồ")
    for node_id, element, x in (("id-n1", portal, 0), ("id-n2", lgsp, 300), ("id-n3", note, 150)):
        model.execute(PlaceNodeCommand(view.id, Node(node_id, x, 0, 120, 55,
                                                     element_id=element.id)))
    model.execute(AddConnectionCommand(view.id, Connection(
        "id-z-conn", "id-n1", "id-n2", relationship_id=flow.id)))
    model.execute(AddConnectionCommand(view.id, Connection(
        "id-a-conn", "id-n3", "id-z-conn", relationship_id=assoc.id)))
    return model


def test_a_connection_to_a_connection_listed_after_it_survives(tmp_path):
    model = link_on_link_model()
    save(model, tmp_path / "m.egov")
    again = load(tmp_path / "m.egov")
    assert again.load_report == []
    assert "id-a-conn" in again.views[0].connections
    same_model(model, again)


def test_a_file_listing_the_referring_connection_first_loads_whole(tmp_path):
    """Files written by the old writer (connections sorted by id) load too."""
    model = link_on_link_model()
    save(model, tmp_path / "m.egov")
    data = json.loads((tmp_path / "m.egov").read_text(encoding="utf-8"))
    data["views"][0]["connections"].sort(key=lambda c: c["id"])
    again = loads(json.dumps(data).encode(), "old.egov")
    assert again.load_report == []
    assert set(again.views[0].connections) == {"id-a-conn", "id-z-conn"}


def overlapping_model() -> Model:
    """A Grouping placed after the elements it is drawn across (so it covers them), and
    elements placed in the opposite order of their ids."""
    model = Model("Chồng lấp")
    view = model.add_view("Sơ đồ")
    ids = ["id-9", "id-5", "id-1", "id-7"]
    for index, node_id in enumerate(ids):
        element = model.add_element("ApplicationComponent", f"Hệ thống {index}")
        model.execute(PlaceNodeCommand(view.id, Node(node_id, 10 * index, 0, 120, 55,
                                                     element_id=element.id)))
    group = model.add_element("Grouping", "Nhóm")
    model.execute(PlaceNodeCommand(view.id, Node("id-0-group", 0, 0, 400, 200,
                                                 element_id=group.id)))
    inner = model.add_element("Node", "Máy chủ")
    model.execute(PlaceNodeCommand(view.id, Node("id-c2", 20, 20, 60, 40,
                                                 element_id=inner.id, parent="id-0-group")))
    model.execute(PlaceNodeCommand(view.id, Node("id-c1", 30, 30, 60, 40,
                                                 element_id=inner.id, parent="id-0-group")))
    return model


def paint_order(model: Model) -> list[str]:
    """The names in the order a PDF, PNG or SVG paints them (later on top)."""
    scene = build_scene(model, model.views[0], "vi")
    return [item.text for item in scene.items if getattr(item, "text", None)]


def test_nodes_keep_their_drawing_order_through_the_file(tmp_path):
    model = overlapping_model()
    save(model, tmp_path / "m.egov")
    again = load(tmp_path / "m.egov")
    same_model(model, again)
    assert list(again.views[0].nodes) == list(model.views[0].nodes)
    assert paint_order(again) == paint_order(model)


def test_a_child_listed_before_its_parent_is_kept_in_the_files_order(tmp_path):
    model = overlapping_model()
    view = model.views[0]
    model.execute(ReparentNodeCommand(view.id, "id-9", "id-0-group"))  # nested in a later node
    save(model, tmp_path / "m.egov")
    data = json.loads((tmp_path / "m.egov").read_text(encoding="utf-8"))
    order = [n["id"] for n in data["views"][0]["nodes"]]
    assert order.index("id-0-group") < order.index("id-9")  # parents first on disk
    nodes = data["views"][0]["nodes"]
    data["views"][0]["nodes"] = [nodes[-1], *nodes[:-1]]  # a child first, as a hand edit may
    again = loads(json.dumps(data).encode(), "hand.egov")
    assert again.load_report == []
    assert set(again.views[0].nodes) == set(view.nodes)


def test_undoing_a_removal_puts_nodes_and_lines_back_where_they_were_painted():
    model = link_on_link_model()
    view = model.views[0]
    before = model_to_dict(model), list(view.nodes), list(view.connections)
    history = History(model)
    history.do(RemoveConnectionCommand(view.id, "id-a-conn"))
    history.do(RemoveNodeCommand(view.id, "id-n1"))
    history.undo()
    history.undo()
    assert (model_to_dict(model), list(view.nodes), list(view.connections)) == before
