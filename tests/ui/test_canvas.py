"""Canvas gestures: resize handles, rubber-band selection, the Properties dock, zoom,
palette tooltips and icons (pytest-qt, offscreen)."""

from __future__ import annotations

import copy

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt

from egov_modeler.model.serialization import model_to_dict
from tests.helpers.ui import (
    drop,
    node_of,
)


def test_dragging_a_resize_handle_resizes_in_one_undo_step(window, qtbot):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    node = node_of(window, citizen.id)
    canvas.diagram().select_ids([node.id])
    x, y, w, h = node.bounds
    corner = canvas.mapFromScene(QPointF(x + w, y + h))
    steps = window.document.undo_stack.count()
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(canvas.viewport(), pos=corner + QPoint(15, 10))
    qtbot.mouseMove(canvas.viewport(), pos=corner + QPoint(30, 20))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton,
                       pos=corner + QPoint(30, 20))
    node = node_of(window, citizen.id)
    assert (node.x, node.y) == (x, y)
    assert node.w > w and node.h > h
    assert window.document.undo_stack.count() == steps + 1
    item = canvas.diagram().node_items[node.id]
    assert item.size() == (node.w, node.h)


def test_rubber_band_selects_the_elements_it_encloses(window, qtbot):
    (a,) = drop(window, "u_nguoi_dan", 150, 80)
    (b,) = drop(window, "u_doanh_nghiep", 350, 80)
    (c,) = drop(window, "c_cong_dvc_tinh", 600, 240)
    canvas = window.current_canvas()
    scene = canvas.diagram()
    # Start on the band's body (not its tab): that is background for selecting.
    start = canvas.mapFromScene(QPointF(60, 30))
    end = canvas.mapFromScene(QPointF(450, 140))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), pos=(start + end) / 2)
    qtbot.mouseMove(canvas.viewport(), pos=end)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    selected = {scene.node(n).element_id for n in scene.selected_node_ids()}
    assert selected == {a.id, b.id}
    assert c.id not in selected


def test_properties_dock_renames_and_documents_the_selected_element(window):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    canvas.diagram().select_ids([node_of(window, citizen.id).id])
    dock = window.properties
    assert dock.name.text() == "Người dân"
    assert "Người dân" in dock.origin.text()  # the catalog component it came from
    before = copy.deepcopy(model_to_dict(window.current_model()))
    dock.name.setText("Người dân tỉnh Gia Lai")
    dock.name.editingFinished.emit()
    assert window.current_model().element(citizen.id).name == "Người dân tỉnh Gia Lai"
    dock._commit_documentation("Công dân cư trú trên địa bàn tỉnh")
    assert window.current_model().element(citizen.id).documentation.startswith("Công dân")
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert model_to_dict(window.current_model()) == before
    assert dock.name.text() == "Người dân"  # the dock follows undo


def test_zoom_to_fit_shows_everything_and_100_percent_resets(window):
    canvas = window.current_canvas()
    canvas.zoom_to_fit()
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.contains(canvas.diagram().content_rect())
    window.views.act_zoom_100.trigger()
    assert canvas.zoom() == pytest.approx(1.0)
    window.views.act_zoom_in.trigger()
    assert canvas.zoom() > 1.0


def test_ctrl_wheel_zooms(window, qtbot):
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    canvas = window.current_canvas()
    canvas.zoom_reset()
    pos = QPointF(canvas.viewport().rect().center())
    event = QWheelEvent(pos, canvas.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.zoom() > 1.0


def test_palette_rows_carry_notation_icons_and_sourced_tooltips(window):
    from egov_modeler.model.catalog import active_catalog

    index = window.palette_dock.find_payload("c_cong_dvc_tinh")
    model = window.palette_dock.proxy
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    component = active_catalog().component("c_cong_dvc_tinh")
    assert component.name_vi in tooltip
    assert component.sources[0][:30] in tooltip
    assert "Thành phần ứng dụng" in tooltip  # the ArchiMate type, in Vietnamese


def test_bare_archimate_types_can_be_dropped_too(window):
    (element,) = drop(window, "type:BusinessProcess", 300, 240)
    assert element.type == "BusinessProcess"
    assert element.catalog_ref is None
    assert node_of(window, element.id).parent == window.bands["cong_dich_vu"]


def test_keyboard_shortcuts_delete_undo_and_redo(window, qtbot):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    node_id = node_of(window, citizen.id).id
    canvas.diagram().select_ids([node_id])
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    view = window.current_model().view(window.current_view_id())
    assert node_id not in view.nodes
    assert window.current_model().has_element(citizen.id)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert node_id in view.nodes
    assert node_id in canvas.diagram().node_items
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert node_id not in view.nodes


def test_with_nesting_off_a_drop_onto_an_element_lands_in_the_band(window):
    """Format > Nesting into an element > Do not nest: the old way (see test_nesting.py
    for the default, nesting as in Archi)."""
    window.formats.nesting_actions["off"].trigger()
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    (business,) = drop(window, "u_doanh_nghiep", 210, 75)
    assert node_of(window, business.id).parent == window.bands["nguoi_su_dung"]


def test_a_bendpoint_is_dragged_and_the_line_follows_its_elements(window, qtbot):
    (web,) = drop(window, "k_web", 200, 240)
    (citizen,) = drop(window, "u_nguoi_dan", 500, 70)
    canvas = window.current_canvas()
    canvas.tools["connect"].connect(node_of(window, web.id).id,
                                    node_of(window, citizen.id).id, "Serving")
    view = window.current_model().view(window.current_view_id())
    (conn,) = view.connections.values()
    scene = canvas.diagram()
    item = scene.connection_items[conn.id]
    start_before = item.points[0]
    # The line follows its source when the source moves.
    assert canvas.tools["select"].commit_move(-40, 0, [node_of(window, web.id).id])
    assert item.points[0] != start_before
    from egov_modeler.diagram.notation import connection_points

    expected = connection_points(node_of(window, web.id).bounds,
                                 node_of(window, citizen.id).bounds)
    assert [(p.x(), p.y()) for p in item.points] == [tuple(p) for p in expected]
    # Add a bendpoint, select the line, then drag the bendpoint.
    from egov_modeler.model.commands import AddBendpointCommand

    window.document.editor.run(AddBendpointCommand(view.id, conn.id, 0, 350, 160))
    scene.select_ids([conn.id])
    grab = canvas.mapFromScene(QPointF(350, 160))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(canvas.viewport(), pos=grab + QPoint(10, 0))
    qtbot.mouseMove(canvas.viewport(), pos=grab + QPoint(20, 10))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=grab + QPoint(20, 10))
    (bx, by), = conn.bendpoints
    assert (bx, by) != (350, 160)
    assert abs(bx - 370) <= 1 and abs(by - 170) <= 1
    assert item.points[1].x() == bx
    window.document.undo_stack.undo()
    assert conn.bendpoints == [(350, 160)]


def test_a_user_catalog_loaded_from_the_file_menu_joins_the_palette(window, tmp_path):
    import json

    from egov_modeler.model.catalog import clear_user_catalogs

    data = {
        "format": "egov-modeler-catalog", "format_version": 1, "id": "gia-lai",
        "components": [{
            "id": "gl_lgsp", "name_vi": "LGSP Gia Lai", "name_en": "Gia Lai LGSP",
            "layer": "nen_tang_tich_hop", "reference_model": "overview",
            "archimate_type": "ApplicationComponent", "parent": "i_lgsp_tinh",
            "description_vi": "Nền tảng LGSP của tỉnh Gia Lai.", "sources": ["QĐ 796"],
            "inferred": False}],
    }
    path = tmp_path / "gia-lai.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        assert window.exports.load_catalog(str(path))
        (element,) = drop(window, "gl_lgsp", 300, 240)
        assert element.catalog_ref == "gl_lgsp" and element.name == "LGSP Gia Lai"
        bad = tmp_path / "bad.json"
        bad.write_text("{", encoding="utf-8")
        assert not window.exports.load_catalog(str(bad))
        assert window.dialogs.errors
        assert window.palette_dock.find_payload("gl_lgsp").isValid()  # still there
    finally:
        clear_user_catalogs()
        window.palette_dock.reload()


def test_the_bundled_vietnamese_font_is_registered_with_qt(window):
    from PySide6.QtGui import QFontDatabase

    from egov_modeler.diagram.fonts import FONT_FAMILY

    assert FONT_FAMILY in QFontDatabase.families()
    from egov_modeler.ui.canvas.text import scaled_font

    assert scaled_font(9.0).family() == FONT_FAMILY


def test_double_clicking_a_palette_row_then_the_diagram_places_it(window, qtbot):
    from PySide6.QtWidgets import QTreeView

    palette = window.findChild(QTreeView, "palette")
    index = window.palette_dock.find_payload("u_doanh_nghiep")
    palette.doubleClicked.emit(index)
    canvas = window.current_canvas()
    assert canvas.tool_name() == "place"
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.mapFromScene(QPointF(400, 90)))
    (element,) = window.current_model().elements
    assert element.catalog_ref == "u_doanh_nghiep"
    assert node_of(window, element.id).contains(400, 90)
    assert canvas.tool_name() == "select"


def test_double_clicking_an_element_renames_it(window, qtbot):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                      pos=canvas.mapFromScene(QPointF(200, 70)))
    editor = canvas.findChild(QLineEdit, "name_editor")
    assert editor is not None and editor.isVisible()
    assert editor.text() == "Người dân" and editor.hasSelectedText()
    editor.insert("Công dân")  # what an input method commits (QTest types ASCII only)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.current_model().element(citizen.id).name == "Công dân"
    assert "Công dân" in window.edits.act_undo.text()


def test_a_new_view_opens_in_a_tab_and_can_be_deleted(window):
    window.dialogs.text_answer = "Sơ đồ ứng dụng"
    view_id = window.views.new_view()
    assert window.current_view_id() == view_id
    assert window.current_model().view(view_id).name == "Sơ đồ ứng dụng"
    assert window.views.tabs.count() == 2
    assert window.views.delete_view(view_id)
    assert not window.current_model().has_view(view_id)
    assert window.views.tabs.count() == 1
    window.document.undo_stack.undo()
    assert window.current_model().has_view(view_id)


def test_dragging_over_a_band_outlines_it(window, qtbot):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    scene = canvas.diagram()
    scene.select_ids([node_of(window, citizen.id).id])
    press = canvas.mapFromScene(QPointF(200, 70))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(canvas.viewport(), pos=canvas.mapFromScene(QPointF(200, 150)))
    qtbot.mouseMove(canvas.viewport(), pos=canvas.mapFromScene(QPointF(200, 240)))
    assert scene.node_items[window.bands["cong_dich_vu"]].drop_target
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton,
                       pos=canvas.mapFromScene(QPointF(200, 240)))
    assert not any(item.drop_target for item in scene.node_items.values())
    assert node_of(window, citizen.id).parent == window.bands["cong_dich_vu"]


def test_escape_during_a_drag_puts_everything_back(window, qtbot):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    node = node_of(window, citizen.id)
    before = (node.x, node.y)
    canvas.diagram().select_ids([node.id])
    press = canvas.mapFromScene(QPointF(200, 70))
    steps = window.document.undo_stack.count()
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(canvas.viewport(), pos=press + QPoint(60, 40))
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=press + QPoint(60, 40))
    item = canvas.diagram().node_items[node.id]
    assert (item.pos().x(), item.pos().y()) == before
    assert (node_of(window, citizen.id).x, node_of(window, citizen.id).y) == before
    assert window.document.undo_stack.count() == steps


def test_a_layer_band_moved_over_another_does_not_nest_into_it(window):
    band = window.bands["an_toan_thong_tin"]
    tool = window.current_canvas().tools["select"]
    assert tool.commit_move(-500, 0, [band])  # now over the users' band
    node = window.current_model().node(window.current_view_id(), band)
    assert node.parent is None


def test_a_large_view_opens_with_its_names_drawn_from_its_top_left(window, qtbot):
    """The provincial template fits this window only well below the zoom where names are
    drawn: it opens at the least readable zoom instead, its first band in sight."""
    from PySide6.QtWidgets import QApplication

    from egov_modeler.ui.canvas.items.detail import TEXT_LEVEL
    from egov_modeler.ui.canvas.view import OPEN_LEAST_ZOOM

    window.resize(1280, 860)
    window.files.template_actions["provincial-2026"].trigger()
    QApplication.processEvents()
    canvas = window.current_canvas()
    content = canvas.diagram().content_rect()
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert canvas.zoom() == pytest.approx(OPEN_LEAST_ZOOM) and canvas.zoom() > TEXT_LEVEL
    assert not visible.contains(content)  # Zoom to fit still shows the rest
    assert visible.contains(content.topLeft())
    window.views.act_zoom_fit.trigger()
    assert canvas.zoom() < OPEN_LEAST_ZOOM


def test_a_small_view_opens_fitted(window):
    """The test window's overview (1,000 × 320) fits the window above the least zoom."""
    from PySide6.QtWidgets import QApplication

    from egov_modeler.ui.canvas.view import OPEN_LEAST_ZOOM

    view_id = window.current_view_id()
    window.views.close_tab(0)
    canvas = window.views.open_view(view_id)
    QApplication.processEvents()
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.contains(canvas.diagram().content_rect())
    assert canvas.zoom() >= OPEN_LEAST_ZOOM
