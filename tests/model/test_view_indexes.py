"""A view answers "what is inside this node", "which lines meet it", "where is this element
placed" from an index the model keeps, in drawing order, whoever filled it (issue 19: each
question scanned the whole view, so deleting or dragging many nodes of a 2,000-node view
was quadratic). The random walk of tests/model/test_incremental_validation.py holds the
answers to a scan of the view after every edit; these are the cases a reader or an undo
makes.
"""

from __future__ import annotations

import copy

from egov_modeler.model import History, Model
from egov_modeler.model.commands import (
    CompoundCommand,
    DeleteElementCommand,
    MoveNodeCommand,
    RemoveNodeCommand,
    ReparentNodeCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.views import NODE_CONTAINER, Connection, Node, View


def _diagram() -> tuple[Model, View]:
    model = Model("Chỉ mục")
    for i in range(4):
        model.load_element(Element(f"e{i}", "ApplicationComponent", f"Hệ thống {i}"))
    model.load_relationship(Relationship("r1", "Flow", "e1", "e2"))
    view = View("v", "Sơ đồ")
    model.load_view(view)
    model.load_node("v", Node("band", 0, 0, 600, 300, kind=NODE_CONTAINER, layer="l3"))
    for i in range(1, 4):
        model.load_node("v", Node(f"n{i}", 20 + 150 * i, 20, 120, 55, element_id=f"e{i}",
                                  parent="band"))
    model.load_node("v", Node("n1b", 20, 200, 120, 55, element_id="e1"))
    model.load_connection("v", Connection("c1", "n1", "n2", relationship_id="r1",
                                          bendpoints=[(100, 100)]))
    model.load_connection("v", Connection("c2", "n1b", "n2", relationship_id="r1"))
    return model, view


def test_a_view_answers_in_drawing_order():
    model, view = _diagram()
    assert [n.id for n in view.children("band")] == ["n1", "n2", "n3"]
    assert [n.id for n in view.children(None)] == ["band", "n1b"]
    assert [c.id for c in view.connections_of_node("n2")] == ["c1", "c2"]
    assert [n.id for n in view.nodes_of_element("e1")] == ["n1", "n1b"]
    assert [c.id for c in view.connections_of_relationship("r1")] == ["c1", "c2"]
    assert [v.id for v in model.views_showing("r1")] == ["v"]
    assert model.views_showing("e0") == []


def test_a_view_filled_directly_is_indexed_as_it_stands():
    """Readers fill ``view.nodes`` before (or after) handing the view to the model."""
    model, view = _diagram()
    view.children("band")  # the index is built
    view.nodes["late"] = Node("late", 0, 0, 10, 10, element_id="e0", parent="band")
    assert [n.id for n in view.children("band")] == ["n1", "n2", "n3", "late"]
    assert [v.id for v in model.views_showing("e0")] == ["v"]


def test_undo_puts_nodes_back_in_their_place_and_their_index():
    model, view = _diagram()
    history = History(model)
    history.do(RemoveNodeCommand("v", "n2"))
    assert [n.id for n in view.children("band")] == ["n1", "n3"]
    assert view.connections_of_node("n1") == []  # its line to n2 went with n2
    history.undo()
    assert [n.id for n in view.children("band")] == ["n1", "n2", "n3"]
    assert [c.id for c in view.connections_of_node("n2")] == ["c1", "c2"]


def test_nesting_and_deleting_follow_the_index():
    model, view = _diagram()
    history = History(model)
    history.do(ReparentNodeCommand("v", "n3", None))
    assert [n.id for n in view.children(None)] == ["band", "n3", "n1b"]
    history.do(DeleteElementCommand("e1"))
    assert view.nodes_of_element("e1") == []
    assert [n.id for n in view.children("band")] == ["n2"]
    history.undo()
    history.undo()
    assert [n.id for n in view.children("band")] == ["n1", "n2", "n3"]
    assert [n.id for n in view.nodes_of_element("e1")] == ["n1", "n1b"]


def test_moving_a_band_moves_the_bends_of_lines_inside_it():
    model, view = _diagram()
    History(model).do(MoveNodeCommand("v", "band", 10, 5))
    assert view.connections["c1"].bendpoints == [(110, 105)]  # both ends moved
    assert view.connections["c2"].bendpoints == []


def test_a_copy_of_a_view_has_its_own_index():
    model, view = _diagram()
    view.children("band")
    clone = copy.deepcopy(view)
    clone.nodes["n9"] = Node("n9", 0, 0, 10, 10, parent="band")
    assert [n.id for n in clone.children("band")] == ["n1", "n2", "n3", "n9"]
    assert [n.id for n in view.children("band")] == ["n1", "n2", "n3"]


def test_the_model_s_lists_are_fresh_copies():
    model, _ = _diagram()
    elements = model.elements
    elements.clear()
    assert len(model.elements) == 4
    model.load_element(Element("e9", "Node", "Máy chủ"))
    assert [e.id for e in model.elements][-1] == "e9"
    assert [r.id for r in model.relationships] == ["r1"]


def _long_view(count: int) -> tuple[Model, View]:
    """``count`` nodes side by side in one band, each joined to the next by a line."""
    model = Model("Dài")
    view = View("v", "Sơ đồ dài")
    model.load_view(view)
    model.load_node("v", Node("band", 0, 0, 200 * count, 300, kind=NODE_CONTAINER, layer="l3"))
    for i in range(count):
        model.load_element(Element(f"e{i}", "ApplicationComponent", f"Hệ thống {i}"))
        model.load_node("v", Node(f"n{i}", 200 * i, 20, 120, 55, element_id=f"e{i}",
                                  parent="band"))
    for i in range(count - 1):
        model.load_connection("v", Connection(f"c{i}", f"n{i}", f"n{i + 1}"))
    return model, view


def test_undoing_a_scattered_delete_renumbers_only_what_it_puts_back():
    model, view = _long_view(300)
    history = History(model)
    history.do(RemoveNodeCommand("v", "n0"))  # a gap in the numbers: n1 is not the first
    before = [n.id for n in view.children("band")]
    lines = [c.id for c in view.connections_of_nodes(before)]
    numbers = dict(view._index().node_order)
    gone = {f"n{i}" for i in range(1, 300, 3)}
    history.do(CompoundCommand("delete", [RemoveNodeCommand("v", n) for n in sorted(gone)]))
    assert [n.id for n in view.children("band")] == [n for n in before if n not in gone]
    history.undo()
    assert [n.id for n in view.children("band")] == before
    assert [c.id for c in view.connections_of_nodes(before)] == lines
    kept = view._index().node_order
    assert all(kept[n] == numbers[n] for n in numbers if n not in gone)  # none renumbered
    history.redo()
    history.undo()
    assert [n.id for n in view.children("band")] == before


def test_putting_back_many_nodes_into_one_gap_keeps_the_order():
    """Undoing the delete of a long run of neighbours halves the same gap again and again,
    until the numbers run out and the view is numbered afresh."""
    model, view = _long_view(150)
    history = History(model)
    before = [n.id for n in view.children("band")]
    history.do(CompoundCommand("delete", [RemoveNodeCommand("v", f"n{i}")
                                          for i in range(10, 140)]))
    history.undo()
    assert [n.id for n in view.children("band")] == before
    assert [c.id for c in view.connections_of_node("n70")] == ["c69", "c70"]
