"""Appearance in the model (issue 16 point 4): a node's own style over its view's default
for its type, the commands that change them (one undo step each, with a dict form for the
journal) and what the native file keeps and refuses."""

from __future__ import annotations

import json

import pytest

from egov_modeler.model import History, Model, ModelError
from egov_modeler.model import commands as c
from egov_modeler.model.views import Connection, Node, Style
from egov_modeler.storage.native import loads, model_bytes


def model_with_view() -> Model:
    model = Model("m", id="id-m")
    view = model.add_view("v", id="id-v")
    a = model.add_element("ApplicationComponent", "A", id="id-a")
    b = model.add_element("ApplicationComponent", "B", id="id-b")
    model.load_node(view.id, Node("id-na", 0, 0, 120, 55, element_id=a.id,
                                  style=Style(fill="#ff0000")))
    model.load_node(view.id, Node("id-nb", 200, 0, 120, 55, element_id=b.id))
    rel = model.relate(a.id, "Flow", b.id, id="id-r")
    model.load_connection(view.id, Connection("id-c", "id-na", "id-nb", rel.id))
    return model


def test_a_nodes_own_style_wins_over_its_types_default_field_by_field():
    model = model_with_view()
    view = model.views[0]
    History(model).do(c.SetViewDefaultStyleCommand(
        view.id, "ApplicationComponent", Style(fill="#00ff00", font_size=12.0)))
    assert view.node_style(view.nodes["id-na"], "ApplicationComponent") == Style(
        fill="#ff0000", font_size=12.0)
    assert view.node_style(view.nodes["id-nb"], "ApplicationComponent") == Style(
        fill="#00ff00", font_size=12.0)
    assert view.node_style(view.nodes["id-nb"], "BusinessActor") == Style()


def test_defaults_routing_and_bendpoints_survive_the_native_file():
    model = model_with_view()
    history = History(model)
    history.do(c.SetViewDefaultStyleCommand("id-v", "ApplicationComponent",
                                            Style(line_color="#123456")))
    history.do(c.SetConnectionFieldsCommand("id-v", "id-c", {"router": "manhattan"}))
    history.do(c.SetBendpointsCommand("id-v", "id-c", [(60, 100), (260, 100)]))
    again = loads(model_bytes(model), "x.egov")
    assert again.load_report == []
    view = again.views[0]
    assert view.defaults == {"ApplicationComponent": Style(line_color="#123456")}
    assert view.connections["id-c"].router == "manhattan"
    assert view.connections["id-c"].bendpoints == [(60, 100), (260, 100)]
    history.undo()
    history.undo()
    history.undo()
    assert model.views[0].defaults == {} and model.views[0].connections["id-c"].router == ""
    # An empty default removes it.
    history.do(c.SetViewDefaultStyleCommand("id-v", "ApplicationComponent", Style()))
    assert model.views[0].defaults == {}


def test_bad_routing_and_too_many_bendpoints_are_refused():
    model = model_with_view()
    with pytest.raises(ModelError):
        model.execute(c.SetConnectionFieldsCommand("id-v", "id-c", {"router": "spline"}))
    with pytest.raises(ModelError):
        model.execute(c.SetBendpointsCommand("id-v", "id-c", [(1, 1)] * 1001))
    with pytest.raises(ModelError):
        model.execute(c.SetViewDefaultStyleCommand("id-v", "", Style(fill="#000000")))
    assert model.views[0].connections["id-c"].bendpoints == []


def test_a_file_with_bad_defaults_or_routing_loads_with_a_report():
    model = model_with_view()
    data = json.loads(model_bytes(model))
    data["views"][0]["defaults"] = {"ApplicationComponent": {"fill": "red"},
                                    "Node": "big", "": {"fill": "#000000"}}
    data["views"][0]["connections"][0]["router"] = "spline"
    again = loads(json.dumps(data).encode(), "bad.egov")
    assert again.views[0].defaults == {}
    assert again.views[0].connections["id-c"].router == ""
    assert len(again.load_report) >= 3
