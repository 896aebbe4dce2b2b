"""Notes, groups and legends through the window (issue 16 point 4): placed from the Format
menu or the drawing toolbar with a click, their text edited where they are drawn
(double-click) or in Properties, a note's text wrapped, a legend that lists the types on
its view (kept up to date); all drawn the same in the PDF, kept in ``.egov``, the
exchange XML and Archi's file."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from egov_modeler.diagram.display_list import TextItem, build_scene
from egov_modeler.exchange.archi_reader import read_archi_bytes
from egov_modeler.exchange.archi_writer import archi_bytes
from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model.views import NODE_CONTAINER, NODE_LABEL, NODE_LEGEND
from egov_modeler.storage import native
from tests.helpers.ui import drop, node_of


def _click(qtbot, canvas, x: float, y: float) -> None:
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.mapFromScene(QPointF(x, y)))


def _placed(window, action, qtbot, x, y):
    """Trigger a Format menu entry, click the diagram; the node it placed."""
    view = window.current_model().view(window.current_view_id())
    before = set(view.nodes)
    action.trigger()
    _click(qtbot, window.current_canvas(), x, y)
    (new,) = [view.nodes[n] for n in view.nodes if n not in before]
    return new


def _texts(items, box) -> list[str]:
    x, y, w, h = box
    return [i.text for i in items if isinstance(i, TextItem)
            and x <= i.x <= x + w and y <= i.y <= y + h]


def test_a_note_is_placed_with_a_click_and_its_text_typed_where_it_is(window, qtbot):
    canvas = window.current_canvas()
    note = _placed(window, window.formats.act_add_note, qtbot, 300, 400)
    assert note.kind == NODE_LABEL and note.contains(300, 400)
    assert canvas.tool_name() == "select"  # one note per click
    assert window.properties.kind.text() == "Ghi chú"
    QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                      pos=canvas.mapFromScene(QPointF(300, 400)))
    editor = canvas.findChild(QPlainTextEdit, "text_editor")
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    editor.insertPlainText("Hệ thống dùng chung của tỉnh, kết nối qua LGSP\nCập nhật 2025")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert note.label == "Hệ thống dùng chung của tỉnh, kết nối qua LGSP\nCập nhật 2025"
    assert window.document.undo_stack.undoText() == "Sửa đối tượng trên sơ đồ"
    scene = build_scene(window.current_model(), window.current_model().views[0], "vi")
    lines = _texts(scene.items, note.bounds)
    assert len(lines) >= 3 and lines[-1] == "Cập nhật 2025"  # wrapped in its box
    item = canvas.diagram().node_items[note.id]
    assert [t.text for t in item._items if isinstance(t, TextItem)] == lines


def test_a_group_is_placed_named_in_properties_and_takes_what_is_dropped_in_it(
        window, qtbot):
    from tests.ui.test_properties import type_into

    group = _placed(window, window.formats.act_add_group, qtbot, 400, 520)
    assert group.kind == NODE_CONTAINER and group.parent is None
    assert window.properties.kind.text() == "Nhóm"
    type_into(qtbot, window.properties.name, "Hệ thống dùng chung")
    assert group.label == "Hệ thống dùng chung"
    (system,) = drop(window, "type:ApplicationComponent", group.x + group.w / 2,
                     group.y + group.h / 2)
    assert node_of(window, system.id).parent == group.id


def test_a_legend_lists_the_types_on_its_view_and_follows_them(window, qtbot, tmp_path):
    model = window.current_model()
    drop(window, "u_nguoi_dan", 150, 80)
    legend = _placed(window, window.formats.act_add_legend, qtbot, 300, 480)
    assert legend.kind == NODE_LEGEND
    view = model.view(window.current_view_id())
    item = window.current_canvas().diagram().node_items[legend.id]

    def canvas_lines() -> list[str]:
        return [t.text for t in item._items if isinstance(t, TextItem)]

    assert canvas_lines()[0] == "Chú giải"
    assert "Tác nhân nghiệp vụ (Business Actor)" in canvas_lines()
    assert not any("Application Component" in t for t in canvas_lines())
    (web,) = drop(window, "k_web", 200, 240)
    (citizen,) = drop(window, "u_nguoi_dan", 500, 80)
    window.current_canvas().tools["connect"].connect(
        node_of(window, web.id).id, view.nodes_of_element(citizen.id)[0].id, "Serving")
    lines = canvas_lines()
    assert any("Application" in t or "Interface" in t for t in lines[1:])
    assert "Phục vụ (Serving)" in lines
    # The PDF's display list draws the same legend at the same place.
    scene = build_scene(model, view, "vi")
    assert _texts(scene.items, legend.bounds) == [
        t.text for t in item._items if isinstance(t, TextItem)]
    # Kept in the file, the exchange XML and Archi's file.
    path = tmp_path / "legend.egov"
    assert window.files.save_to(str(path))
    assert native.load(str(path)).views[0].nodes[legend.id].kind == NODE_LEGEND
    assert read_exchange_bytes(exchange_bytes(model)).views[0].nodes[legend.id].kind == (
        NODE_LEGEND)
    assert read_archi_bytes(archi_bytes(model)[0]).views[0].nodes[legend.id].kind == (
        NODE_LEGEND)


def test_the_drawing_toolbar_offers_note_group_legend_and_the_painter(window):
    bar = window.formats.toolbar
    assert not bar.isHidden()
    texts = [a.text().replace("&", "") for a in bar.actions()]
    assert texts == ["Thêm ghi chú", "Thêm nhóm", "Thêm chú giải", "Chổi định dạng"]
    menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()),
                                      "format_menu")
    assert menu is not None
    assert window.formats.act_add_legend in menu.actions()
