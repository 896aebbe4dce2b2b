"""Bulk edit in the Properties dock (issue 16 point 6): with several objects selected the
dock edits what they share (documentation, properties, the fields of relationships of one
type, appearance), each change one undo step for all of them; before, 17 selected showed
"Đã chọn 17 đối tượng" with every field disabled."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF, Qt

from egov_modeler.model import Model
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Connection, Node


def bulk_model() -> Model:
    model = Model("Kiến trúc tỉnh")
    view = model.add_view("Sơ đồ")
    db = model.add_element("DataObject", "Hồ sơ thủ tục")
    systems = []
    for index in range(4):
        system = model.add_element("ApplicationComponent", f"Hệ thống {index + 1}",
                                   properties=[("Đơn vị vận hành", "Sở TT&TT"),
                                               ("Trạng thái", f"giai đoạn {index}")])
        systems.append(system)
        model.load_node(view.id, Node(f"id-n{index}", 40 + 200 * index, 40, 160, 70,
                                      element_id=system.id))
    model.load_node(view.id, Node("id-db", 340, 260, 160, 70, element_id=db.id))
    for index in range(2):
        access = model.relate(systems[index].id, "Access", db.id, access_type="Read")
        model.load_connection(view.id, Connection(f"id-a{index}", f"id-n{index}", "id-db",
                                                  access.id))
    return model


@pytest.fixture
def bulk(window):
    model = bulk_model()
    window.document.replace(model, None)
    return window, model, window.properties


def _rubber_band(qtbot, canvas, start: QPointF, end: QPointF) -> None:
    a, b = canvas.mapFromScene(start), canvas.mapFromScene(end)
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(canvas.viewport(), pos=a + (b - a) / 2)
    qtbot.mouseMove(canvas.viewport(), pos=b)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=b)


def test_documentation_typed_for_several_selected_elements_goes_to_all_in_one_step(
        bulk, qtbot):
    window, model, dock = bulk
    canvas = window.current_canvas()
    _rubber_band(qtbot, canvas, QPointF(20, 20), QPointF(620, 130))
    assert sorted(canvas.diagram().selected_node_ids()) == ["id-n0", "id-n1", "id-n2"]
    assert dock.kind.text().startswith("Đã chọn 3 đối tượng: 3 phần tử")
    assert dock.documentation.isEnabled() and dock.documentation.isVisibleTo(dock)
    assert not dock.name.isVisibleTo(dock)  # names are not shared
    before = model_to_dict(model)
    dock.documentation.setFocus()
    qtbot.keyClicks(dock.documentation, "Do tinh dau tu")
    dock.table.table.setFocus()  # leaving the box commits it
    view = model.views[0]
    docs = [model.element(view.nodes[n].element_id).documentation for n in view.nodes]
    assert docs == ["Do tinh dau tu"] * 3 + ["", ""]
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


def test_the_properties_they_share_are_edited_for_all(bulk):
    window, model, dock = bulk
    window.current_canvas().diagram().select_ids(["id-n0", "id-n1", "id-n2", "id-n3"])
    rows = dock.table.table
    assert [rows.item(r, 0).text() for r in range(rows.rowCount())] == [
        "Đơn vị vận hành", "Trạng thái"]
    assert rows.item(0, 1).text() == "Sở TT&TT"
    assert rows.item(1, 1).text() == ""  # not shared: shown empty, said in the tooltip
    assert "khác nhau" in rows.item(1, 1).toolTip()
    steps = window.document.undo_stack.count()
    rows.item(1, 1).setText("đang vận hành")
    dock.table.add_button.click()
    assert window.document.undo_stack.count() == steps + 2
    view = model.views[0]
    for node in ("id-n0", "id-n1", "id-n2", "id-n3"):
        props = dict(model.element(view.nodes[node].element_id).properties)
        assert props["Trạng thái"] == "đang vận hành"
        assert "thuộc tính" in props  # the new row, on every one of them
    assert dict(model.element(view.nodes["id-db"].element_id).properties) == {}
    rows.selectRow(0)
    dock.table.remove_button.click()
    assert all("Đơn vị vận hành" not in dict(model.element(view.nodes[n].element_id)
                                               .properties) for n in ("id-n0", "id-n3"))
    window.document.undo_stack.undo()
    assert dict(model.element(view.nodes["id-n3"].element_id).properties)[
        "Đơn vị vận hành"] == "Sở TT&TT"


def test_relationships_of_one_type_share_their_fields(bulk):
    window, model, dock = bulk
    window.current_canvas().diagram().select_ids(["id-a0", "id-a1"])
    assert dock.access.isVisibleTo(dock)
    index = dock.access.findData("ReadWrite")
    dock.access.setCurrentIndex(index)
    dock.access.activated.emit(index)
    view = model.views[0]
    rels = [model.relationship(view.connections[c].relationship_id) for c in ("id-a0",
                                                                             "id-a1")]
    assert [r.access_type for r in rels] == ["ReadWrite", "ReadWrite"]
    window.document.undo_stack.undo()
    assert [r.access_type for r in rels] == ["Read", "Read"]
    # Mixed with an element, the relationship fields are not offered.
    window.current_canvas().diagram().select_ids(["id-a0", "id-n3"])
    assert not dock.access.isVisibleTo(dock)
    assert dock.kind.text().startswith("Đã chọn 2 đối tượng")
