"""The desktop editor, driven as a user would: drops from the palette, connections,
moves, undo/redo, save and reopen (pytest-qt, offscreen)."""

from __future__ import annotations

import copy

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QTreeView

from egov_modeler.model.serialization import model_to_dict
from tests.helpers.ui import (
    FakeDialogs,
    drop,
    node_of,
)


def test_dropping_a_palette_component_creates_an_element_in_the_band(window):
    new = drop(window, "u_nguoi_dan", 200, 80)
    assert len(new) == 1
    element = new[0]
    assert element.catalog_ref == "u_nguoi_dan"
    assert element.layer == "nguoi_su_dung"
    assert element.type == "BusinessActor"
    assert element.name == "Người dân"
    node = node_of(window, element.id)
    assert node.contains(200, 80)
    assert node.parent == window.bands["nguoi_su_dung"]
    assert window.isWindowModified()


def test_a_component_dropped_in_another_layers_band_is_flagged(window, qtbot):
    (element,) = drop(window, "c_cong_dvc_tinh", 300, 60)  # a portal among the users
    node = node_of(window, element.id)
    assert node.parent == window.bands["nguoi_su_dung"]
    assert window.statusBar().currentMessage()  # says why at once
    window.validate_now()
    flagged = [p for p in window.problems.problems if element.id in p.ids]
    assert flagged and all(p.severity == "warning" for p in flagged)
    item = window.current_canvas().diagram().node_items[node.id]
    assert item.problem == "warning"


def test_connecting_two_elements_with_an_allowed_type(window):
    (web,) = drop(window, "k_web", 200, 240)
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    tool = canvas.tools["connect"]
    rel = tool.connect(node_of(window, web.id).id, node_of(window, citizen.id).id, "Serving")
    assert rel is not None
    model = window.current_model()
    stored = model.relationship(rel.id)
    assert (stored.source, stored.type, stored.target) == (web.id, "Serving", citizen.id)
    view = model.view(window.current_view_id())
    assert [c.relationship_id for c in view.connections.values()] == [rel.id]


def test_connect_tool_with_the_mouse_offers_the_suggested_type_first(window, qtbot):
    (web,) = drop(window, "k_web", 200, 240)
    (citizen,) = drop(window, "u_nguoi_dan", 500, 70)
    asked = {}

    def choose(offered, suggested, pos):
        asked["offered"] = [t for t, _ in offered]
        asked["suggested"] = suggested
        return offered[0][0]

    window.document.editor.choose_relationship = choose
    canvas = window.current_canvas()
    qtbot.keyClick(canvas, Qt.Key.Key_C)
    assert canvas.tool_name() == "connect"
    start = canvas.mapFromScene(QPointF(200, 240))
    end = canvas.mapFromScene(QPointF(500, 70))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), pos=QPoint((start.x() + end.x()) // 2, end.y()))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert asked["suggested"] == "Serving"
    assert asked["offered"][0] == "Serving"
    rels = window.current_model().relationships
    assert [(r.source, r.type, r.target) for r in rels] == [(web.id, "Serving", citizen.id)]


def test_while_connecting_impossible_targets_are_dimmed(window):
    (portal,) = drop(window, "c_cong_dvc_tinh", 200, 240)
    (other,) = drop(window, "c_cong_ttdt_tinh", 500, 240)
    canvas = window.current_canvas()
    tool = canvas.tools["connect"]
    scene = canvas.diagram()
    portal_node = node_of(window, portal.id).id
    tool.begin(portal_node)
    # ArchiMate allows some relationship between two application components.
    assert not scene.node_items[node_of(window, other.id).id].dimmed
    tool.deactivate()
    assert not any(item.dimmed for item in scene.node_items.values())


def test_a_forbidden_relationship_is_refused_and_the_model_unchanged(window):
    (soc,) = drop(window, "s_giam_sat_bao_ve", 900, 100)  # security: cross-cutting
    (portal,) = drop(window, "c_cong_dvc_tinh", 200, 240)
    before = copy.deepcopy(model_to_dict(window.current_model()))
    steps = window.document.undo_stack.count()
    tool = window.current_canvas().tools["connect"]
    rel = tool.connect(node_of(window, soc.id).id, node_of(window, portal.id).id, "Flow")
    assert rel is None
    assert model_to_dict(window.current_model()) == before
    assert window.document.undo_stack.count() == steps
    message = window.statusBar().currentMessage()
    assert message  # the reason is shown
    # An ArchiMate refusal is explained too (an actor cannot be composed of a portal).
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    before = copy.deepcopy(model_to_dict(window.current_model()))
    rel = tool.connect(node_of(window, portal.id).id, node_of(window, citizen.id).id,
                       "Composition")
    assert rel is None
    assert model_to_dict(window.current_model()) == before
    assert "Composition" in window.statusBar().currentMessage() or "Hợp thành" in (
        window.statusBar().currentMessage())


def test_dragging_a_multi_selection_is_one_undo_step(window, qtbot):
    (a,) = drop(window, "u_nguoi_dan", 150, 80)
    (b,) = drop(window, "u_doanh_nghiep", 350, 80)
    canvas = window.current_canvas()
    scene = canvas.diagram()
    na, nb = node_of(window, a.id), node_of(window, b.id)
    start_a, start_b = (na.x, na.y), (nb.x, nb.y)
    scene.select_ids([na.id, nb.id])
    steps = window.document.undo_stack.count()
    press = canvas.mapFromScene(QPointF(150, 80))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(canvas.viewport(), pos=press + QPoint(20, 10))
    qtbot.mouseMove(canvas.viewport(), pos=press + QPoint(40, 20))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton,
                       pos=press + QPoint(40, 20))
    assert window.document.undo_stack.count() == steps + 1
    na, nb = node_of(window, a.id), node_of(window, b.id)
    dx, dy = na.x - start_a[0], na.y - start_a[1]
    assert (dx, dy) != (0, 0)
    assert (nb.x - start_b[0], nb.y - start_b[1]) == (dx, dy)
    assert scene.node_items[na.id].pos() == QPointF(na.x, na.y)  # the item follows
    window.document.undo_stack.undo()
    assert (node_of(window, a.id).x, node_of(window, a.id).y) == start_a
    assert (node_of(window, b.id).x, node_of(window, b.id).y) == start_b


def test_moving_an_element_into_another_band_nests_it_there(window):
    (a,) = drop(window, "c_cong_dvc_tinh", 150, 80)
    node = node_of(window, a.id)
    tool = window.current_canvas().tools["select"]
    assert tool.commit_move(0, 170, [node.id])
    node = node_of(window, a.id)
    assert node.parent == window.bands["cong_dich_vu"]
    assert window.document.undo_stack.undoText()  # one step, named


def test_keyboard_nudge_moves_by_one_and_by_ten_with_shift(window, qtbot):
    (a,) = drop(window, "u_nguoi_dan", 150, 80)
    canvas = window.current_canvas()
    x0 = node_of(window, a.id).x
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert node_of(window, a.id).x == x0 + 1
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert node_of(window, a.id).x == x0 + 11


def test_bendpoints_are_added_moved_and_removed(window):
    (web,) = drop(window, "k_web", 200, 240)
    (citizen,) = drop(window, "u_nguoi_dan", 500, 70)
    tool = window.current_canvas().tools["connect"]
    rel = tool.connect(node_of(window, web.id).id, node_of(window, citizen.id).id, "Serving")
    view = window.current_model().view(window.current_view_id())
    (conn,) = view.connections.values()
    item = window.current_canvas().diagram().connection_items[conn.id]
    assert rel is not None
    canvas = window.current_canvas()
    middle = item.midpoint()
    point = canvas.mapFromScene(middle)
    from PySide6.QtTest import QTest

    QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert len(conn.bendpoints) == 1
    bx, by = conn.bendpoints[0]
    assert abs(bx - middle.x()) <= 1 and abs(by - middle.y()) <= 1
    QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                      pos=canvas.mapFromScene(QPointF(bx, by)))
    assert conn.bendpoints == []


def test_undo_and_redo_restore_each_state_exactly(window):
    model = window.current_model()
    states = [copy.deepcopy(model_to_dict(model))]
    (web,) = drop(window, "k_web", 200, 240)
    states.append(copy.deepcopy(model_to_dict(model)))
    (citizen,) = drop(window, "u_nguoi_dan", 500, 70)
    states.append(copy.deepcopy(model_to_dict(model)))
    canvas = window.current_canvas()
    canvas.tools["connect"].connect(node_of(window, web.id).id,
                                    node_of(window, citizen.id).id, "Serving")
    states.append(copy.deepcopy(model_to_dict(model)))
    canvas.tools["select"].commit_move(30, 0, [node_of(window, citizen.id).id])
    states.append(copy.deepcopy(model_to_dict(model)))
    canvas.diagram().select_ids([node_of(window, web.id).id])
    assert window.edits.delete_selection()
    states.append(copy.deepcopy(model_to_dict(model)))
    assert window.document.undo_stack.count() == len(states) - 1
    for expected in reversed(states[:-1]):
        window.document.undo_stack.undo()
        assert model_to_dict(model) == expected
    for expected in states[1:]:
        window.document.undo_stack.redo()
        assert model_to_dict(model) == expected
    # the scene shows the model after all this: one item per node and connection
    view = model.view(window.current_view_id())
    scene = canvas.diagram()
    assert set(scene.node_items) == set(view.nodes)
    assert set(scene.connection_items) == set(view.connections)


def test_edit_menu_names_what_will_be_undone(window):
    drop(window, "u_nguoi_dan", 200, 70)
    assert "Người dân" in window.edits.act_undo.text()


def test_delete_from_model_says_which_other_views_show_it(window):
    from egov_modeler.model.commands import PlaceNodeCommand
    from egov_modeler.model.views import Node

    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    model = window.current_model()
    other = model.add_view("Sơ đồ người dùng")
    model.execute(PlaceNodeCommand(other.id, Node("id-n2", 10, 10, 120, 55,
                                                  element_id=citizen.id)))
    canvas = window.current_canvas()
    canvas.diagram().select_ids([node_of(window, citizen.id).id])
    assert window.edits.delete_from_model()
    assert "Sơ đồ người dùng" in window.dialogs.confirms[-1][2]
    assert not model.has_element(citizen.id)
    assert model.view(other.id).nodes == {}
    window.document.undo_stack.undo()
    assert model.has_element(citizen.id)


def test_delete_removes_only_from_the_view(window, qtbot):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    canvas.diagram().select_ids([node_of(window, citizen.id).id])
    window.edits.act_delete.trigger()
    model = window.current_model()
    assert model.has_element(citizen.id)
    assert model.view(window.current_view_id()).nodes_of_element(citizen.id) == []


def test_save_close_and_reopen_gives_the_same_model_and_geometry(window, tmp_path, qtbot):
    (web,) = drop(window, "k_web", 200, 240)
    (citizen,) = drop(window, "u_nguoi_dan", 500, 70)
    canvas = window.current_canvas()
    canvas.tools["connect"].connect(node_of(window, web.id).id,
                                    node_of(window, citizen.id).id, "Serving")
    path = tmp_path / "gia-lai.egov"
    assert window.files.save_to(str(path))
    assert not window.isWindowModified()
    saved = copy.deepcopy(model_to_dict(window.current_model()))
    assert window.close()
    from egov_modeler.ui import open_window

    again = open_window(str(path), dialogs=FakeDialogs())
    qtbot.addWidget(again)
    assert model_to_dict(again.current_model()) == saved
    scene = again.current_canvas().diagram()
    view = again.current_model().view(again.current_view_id())
    for node_id, item in scene.node_items.items():
        node = view.nodes[node_id]
        assert (item.pos().x(), item.pos().y(), *item.size()) == (node.x, node.y, node.w,
                                                                  node.h)
    assert str(path) in window.files.recent.paths()[0]


def test_a_broken_file_is_explained_and_the_open_model_kept(window, tmp_path):
    drop(window, "u_nguoi_dan", 200, 70)
    before = copy.deepcopy(model_to_dict(window.current_model()))
    broken = tmp_path / "broken.egov"
    broken.write_text('{"format_version": 1, "elements": [', encoding="utf-8")
    assert not window.files.open_path(str(broken), ask_to_save=False)
    assert window.dialogs.errors
    assert model_to_dict(window.current_model()) == before
    assert window.isWindowModified()


def test_closing_with_unsaved_changes_asks_first(window):
    from egov_modeler.ui.dialogs.file_actions import SaveChoice

    drop(window, "u_nguoi_dan", 200, 70)
    window.dialogs.save_choice = SaveChoice.CANCEL
    assert not window.close()
    window.dialogs.save_choice = SaveChoice.DISCARD
    assert window.close()


def test_palette_search_filters_as_you_type_without_diacritics(window):
    palette = window.findChild(QTreeView, "palette")
    window.palette_dock.search.setText("cong dich vu cap tinh")
    model = palette.model()

    def visible_payloads(parent=None):
        from PySide6.QtCore import QModelIndex

        parent = parent or QModelIndex()
        found = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            payload = model.data(index, Qt.ItemDataRole.UserRole + 1)
            if payload:
                found.append(payload)
            found.extend(visible_payloads(index))
        return found

    assert visible_payloads() == ["c_cong_dvc_tinh"]
    window.palette_dock.search.clear()
    assert len(visible_payloads()) > 100


def test_the_window_speaks_vietnamese_by_default(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&File" not in menus
    assert window.palette_dock.windowTitle() != "Palette"


def test_the_relationship_menu_offers_allowed_types_suggested_first(window):
    from egov_modeler.model.rules import allowed_relationship_types

    (soc,) = drop(window, "s_giam_sat_bao_ve", 900, 100)  # cross-cutting security
    (portal,) = drop(window, "c_cong_dvc_tinh", 200, 240)
    tool = window.current_canvas().tools["connect"]
    offered = tool.offered_types(node_of(window, soc.id).id, node_of(window, portal.id).id)
    types = [t for t, _ in offered]
    assert sorted(types) == sorted(allowed_relationship_types("ApplicationComponent",
                                                              "ApplicationComponent"))
    assert types[0] == "Association"  # the framework's suggestion for a cross-cutting layer
    menu = window.edits.relationship_menu(offered, "Association")
    actions = {a.data(): a for a in menu.actions()}
    assert "(gợi ý)" in menu.actions()[0].text()
    assert not actions["Flow"].isEnabled()  # refused by FW-CROSS-CUTTING...
    # ...and says what to use
    assert "bằng quan hệ Liên kết hoặc Ảnh hưởng" in actions["Flow"].toolTip()
    assert actions["Association"].isEnabled()


def test_a_bare_archimate_element_takes_the_layer_of_its_band(window):
    """Dropped from the palette's ArchiMate types, not the catalog: the framework rules
    must still know where it stands (e.g. an application hosted on nothing is flagged)."""
    import egov_modeler

    view = window.current_model().view(window.current_view_id())
    band = view.nodes[window.bands["cong_dich_vu"]]
    (element,) = drop(window, "type:ApplicationComponent", band.x + 40 + 80, band.y + 60)
    assert element.catalog_ref is None
    assert element.layer == "cong_dich_vu"
    assert node_of(window, element.id).parent == band.id
    hosted = [p for p in egov_modeler.validate(window.current_model())
              if p.rule == "FW-HOSTED" and element.id in p.ids]
    assert hosted, "an application on no infrastructure is flagged"
