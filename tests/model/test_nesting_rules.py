"""What a nesting states (issue 16 point 3): the relationships offered when one element is
nested in another, the framework's suggestion first, and which relationships a nesting
shows (what to ask about when the child moves out)."""

from __future__ import annotations

from egov_modeler.model import Model
from egov_modeler.model.nesting import (
    NESTING_TYPES,
    already_related,
    nesting_types,
    shown_by_nesting,
)
from egov_modeler.model.rules import can_relate
from egov_modeler.model.views import Connection, Node


def test_only_what_nesting_can_state_and_archimate_allows_is_offered():
    assert nesting_types("BusinessActor", "BusinessRole") == ["Assignment"]
    assert nesting_types("Node", "SystemSoftware") == [
        "Composition", "Aggregation", "Assignment", "Realization"]
    assert nesting_types("BusinessActor", "ApplicationComponent") == []
    for parent, child in (("ApplicationComponent", "ApplicationFunction"),
                          ("Grouping", "Node"), ("Location", "Facility")):
        for rel_type in nesting_types(parent, child):
            assert rel_type in NESTING_TYPES and can_relate(parent, rel_type, child)


def test_the_suggestion_comes_first_when_archimate_allows_it():
    assert nesting_types("ApplicationComponent", "ApplicationFunction", "Realization") == [
        "Realization", "Assignment"]
    assert nesting_types("ApplicationComponent", "ApplicationComponent", "Flow")[0] == "Flow"
    # A suggestion the table refuses is not offered.
    assert nesting_types("Location", "BusinessObject", "Flow") == [
        "Composition", "Aggregation"]


def test_what_a_nesting_shows_is_what_no_line_on_the_view_draws():
    model = Model("m")
    view = model.add_view("v")
    node = model.add_element("Node", "Máy chủ")
    software = model.add_element("SystemSoftware", "Hệ điều hành")
    drawn = model.add_element("SystemSoftware", "CSDL")
    assert not already_related(model, node.id, software.id)
    comp = model.relate(node.id, "Composition", software.id)
    agg = model.relate(node.id, "Aggregation", drawn.id)
    back = model.relate(software.id, "Association", node.id)
    model.load_node(view.id, Node("p", 0, 0, 300, 200, element_id=node.id))
    model.load_node(view.id, Node("c1", 20, 40, 120, 55, element_id=software.id, parent="p"))
    model.load_node(view.id, Node("c2", 160, 40, 120, 55, element_id=drawn.id, parent="p"))
    model.load_connection(view.id, Connection("l", "p", "c2", agg.id))
    assert already_related(model, node.id, software.id)
    assert [r.id for r in shown_by_nesting(model, view, "p", "c1")] == [comp.id]
    assert shown_by_nesting(model, view, "p", "c2") == []  # drawn as a line
    assert back.id not in [r.id for r in shown_by_nesting(model, view, "p", "c1")]
