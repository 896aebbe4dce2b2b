"""Appearance through the window (issue 16 point 4): colours, font, size, alignment and
position per node and line in the Properties dock's Appearance section (one undo step per
change, all selected at once), the view's defaults per element type, copy and paste
appearance and the format painter; saved in ``.egov``, written to the exchange XML and
Archi's file, and drawn the same on the canvas and on paper (the PNG and PDF paint the
same display list)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from lxml import etree
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from egov_modeler.diagram.display_list import ShapeItem, TextItem, build_scene
from egov_modeler.exchange.archi_reader import read_archi_bytes
from egov_modeler.exchange.archi_writer import archi_bytes
from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.export.images import png_image
from egov_modeler.model import Model
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Connection, Node
from egov_modeler.storage import native
from tests.helpers.exchange import NS


def styled_model() -> Model:
    """Three application components, a business actor and one line."""
    model = Model("Kiến trúc tỉnh")
    view = model.add_view("Sơ đồ")
    names = ("Cổng dịch vụ công tỉnh", "Hệ thống một cửa điện tử", "Nền tảng LGSP tỉnh")
    systems = [model.add_element("ApplicationComponent", name) for name in names]
    actor = model.add_element("BusinessActor", "Người dân")
    for index, element in enumerate((*systems, actor)):
        model.load_node(view.id, Node(f"id-n{index}", 40 + 220 * index, 60, 160, 70,
                                      element_id=element.id))
    flow = model.relate(systems[0].id, "Flow", systems[2].id)
    model.load_connection(view.id, Connection("id-c0", "id-n0", "id-n2", flow.id))
    return model


@pytest.fixture
def styled(window):
    model = styled_model()
    window.document.replace(model, None)
    return window, model, model.views[0]


def select(window, *ids: str) -> None:
    window.current_canvas().diagram().select_ids(list(ids))


def choose(combo: QComboBox, data) -> None:
    """Pick the entry whose data is ``data``, as a click in the list does."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_number(qtbot, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(value))
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def node_shapes(scene, box) -> list[ShapeItem]:
    x, y, w, h = box
    return [i for i in scene.items if isinstance(i, ShapeItem)
            and hasattr(i.prim, "x") and (i.prim.x, i.prim.y) == (x, y)]


def node_texts(items, box) -> list[TextItem]:
    x, y, w, h = box
    return [i for i in items if isinstance(i, TextItem)
            and x <= i.x <= x + w and y <= i.y <= y + h]


def test_fill_font_and_text_of_one_node_are_set_in_the_appearance_section(styled, qtbot,
                                                                           tmp_path):
    window, model, view = styled
    section = window.formats.appearance
    select(window, "id-n0")
    assert section.isVisible() and section.title() == "Định dạng"
    window.dialogs.colour_answer = "#FFCC00"
    steps = window.document.undo_stack.count()
    section.fill.click()
    node = view.nodes["id-n0"]
    assert node.style.fill == "#ffcc00"
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Đổi màu nền"
    window.dialogs.colour_answer = "#0000ff"
    section.font_colour.click()
    type_number(qtbot, section.size_spin, 12)
    section.bold.click()
    choose(section.alignment_box, "left")
    choose(section.position_box, "bottom")
    assert (node.style.font_color, node.style.font_size, node.style.font_style,
            node.style.text_alignment, node.style.text_position) == (
        "#0000ff", 12.0, "bold", "left", "bottom")
    assert window.document.undo_stack.count() == steps + 6  # one step per change

    # The canvas paints what the PDF and PNG paint: same fill, same name lines.
    item = window.current_canvas().diagram().node_items["id-n0"]
    canvas_texts = [(t.text, t.size, t.bold, t.color) for t in item._items
                    if isinstance(t, TextItem)]
    scene = build_scene(model, view, "vi")
    paper_texts = [(t.text, t.size, t.bold, t.color)
                   for t in node_texts(scene.items, node.bounds)]
    assert canvas_texts == paper_texts and canvas_texts
    assert all(size == 12.0 and bold and color == "#0000ff"
               for _t, size, bold, color in canvas_texts)
    outline = node_shapes(scene, node.bounds)[0]
    assert outline.fill == "#ffcc00"
    lines = node_texts(scene.items, node.bounds)
    assert len(lines) > 1 and len({t.x for t in lines}) == 1  # left aligned, not centred
    assert max(t.y for t in lines) > node.y + node.h / 2  # at the bottom
    image = png_image(scene, 1.0)
    bx, by = scene.bounds[:2]
    assert image.getpixel((round(node.x + 20 - bx), round(node.y + 10 - by))) == (255, 204, 0)

    # Saved, and back.
    path = tmp_path / "styled.egov"
    assert window.files.save_to(str(path))
    again = native.load(str(path))
    assert again.views[0].nodes["id-n0"].style == node.style


def test_several_selected_nodes_and_lines_change_together_in_one_step(styled):
    window, model, view = styled
    before = model_to_dict(model)
    select(window, "id-n0", "id-n1", "id-n2", "id-c0")
    assert window.properties.kind.text().startswith("Đã chọn 4 đối tượng")
    window.dialogs.colour_answer = "#cc0000"
    window.formats.appearance.line.click()
    assert all(view.nodes[n].style.line_color == "#cc0000" for n in ("id-n0", "id-n1", "id-n2"))
    assert view.connections["id-c0"].style.line_color == "#cc0000"
    assert view.nodes["id-n3"].style.line_color is None
    line = window.current_canvas().diagram().connection_items["id-c0"]
    assert line._pen.color().name() == "#cc0000"
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


def test_with_nothing_selected_the_section_sets_the_views_default_for_a_type(styled,
                                                                          tmp_path):
    window, model, view = styled
    section = window.formats.appearance
    select(window, "id-n1")
    window.dialogs.colour_answer = "#00ff00"
    section.fill.click()  # its own fill wins over the default
    select(window)
    assert section.title() == "Định dạng mặc định trên sơ đồ này"
    choose(section.default_type, "ApplicationComponent")
    window.dialogs.colour_answer = "#336699"
    section.fill.click()
    assert view.defaults["ApplicationComponent"].fill == "#336699"
    scene = build_scene(model, view, "vi")
    fills = {n: node_shapes(scene, view.nodes[n].bounds)[0].fill
             for n in ("id-n0", "id-n1", "id-n2", "id-n3")}
    assert fills["id-n0"] == fills["id-n2"] == "#336699"
    assert fills["id-n1"] == "#00ff00"
    assert fills["id-n3"] != "#336699"  # a business actor keeps its colour
    canvas = window.current_canvas().diagram()
    shapes = [i for i in canvas.node_items["id-n2"]._items if isinstance(i, ShapeItem)]
    assert shapes[0].fill == "#336699"
    # Kept in the file, the exchange XML (view extras) and Archi's file.
    path = tmp_path / "defaults.egov"
    assert window.files.save_to(str(path))
    assert native.load(str(path)).views[0].defaults == view.defaults
    assert read_exchange_bytes(exchange_bytes(model)).views[0].defaults == view.defaults
    assert read_archi_bytes(archi_bytes(model)[0]).views[0].defaults == view.defaults


def test_text_alignment_and_position_travel_to_the_exchange_xml_and_archi(styled):
    window, model, view = styled
    section = window.formats.appearance
    select(window, "id-n3")
    choose(section.alignment_box, "right")
    choose(section.position_box, "top")
    window.dialogs.colour_answer = "#112233"
    section.fill.click()
    root = etree.fromstring(exchange_bytes(model))
    node = root.find(".//a:node[@identifier='id-n3']", NS)
    colour = node.find("a:style/a:fillColor", NS)
    assert (colour.get("r"), colour.get("g"), colour.get("b")) == ("17", "34", "51")
    extras = next(p for p in root.iterfind(".//a:view/a:properties/a:property", NS)
                  if p.find("a:value", NS) is not None
                  and "nodes" in (p.find("a:value", NS).text or ""))
    stored = json.loads(extras.find("a:value", NS).text)["nodes"]["id-n3"]["style"]
    assert stored == {"text_alignment": "right", "text_position": "top"}
    for again in (read_exchange_bytes(exchange_bytes(model)),
                  read_archi_bytes(archi_bytes(model)[0])):
        assert again.views[0].nodes["id-n3"].style == view.nodes["id-n3"].style


def test_copy_and_paste_appearance_is_one_step_and_the_painter_paints_a_click(styled, qtbot):
    window, model, view = styled
    section = window.formats.appearance
    select(window, "id-n0")
    window.dialogs.colour_answer = "#ff8800"
    section.fill.click()
    section.bold.click()
    window.formats.act_copy_style.trigger()
    select(window, "id-n1", "id-n2")
    steps = window.document.undo_stack.count()
    window.formats.act_paste_style.trigger()
    assert window.document.undo_stack.count() == steps + 1
    for node_id in ("id-n1", "id-n2"):
        assert view.nodes[node_id].style == view.nodes["id-n0"].style
    # The painter: take the selected node's look, click another node.
    select(window, "id-n0")
    window.formats.act_painter.trigger()
    canvas = window.current_canvas()
    assert canvas.tool_name() == "painter"
    target = view.nodes["id-n3"]
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.mapFromScene(QPointF(target.x + 30, target.y + 30)))
    assert view.nodes["id-n3"].style.fill == "#ff8800"
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.tool_name() == "select"


def test_a_nodes_look_becomes_its_types_default_from_the_format_menu(styled):
    window, model, view = styled
    select(window, "id-n0")
    window.dialogs.colour_answer = "#aabbcc"
    window.formats.appearance.fill.click()
    window.formats.act_type_default.trigger()
    assert view.defaults["ApplicationComponent"].fill == "#aabbcc"
    assert view.nodes["id-n0"].style.is_default()
    scene = build_scene(model, view, "vi")
    assert node_shapes(scene, view.nodes["id-n2"].bounds)[0].fill == "#aabbcc"
    window.formats.act_reset_style.trigger()  # nothing of its own left: no step
    window.document.undo_stack.undo()
    assert "ApplicationComponent" not in view.defaults


def test_a_lines_colour_width_and_label_follow_its_style_on_paper_too(styled, qtbot):
    window, model, view = styled
    model.relationship(view.connections["id-c0"].relationship_id).name = "Đồng bộ hồ sơ"
    section = window.formats.appearance
    select(window, "id-c0")
    assert not section.form.isRowVisible(section.fill)  # a line has no fill
    window.dialogs.colour_answer = "#008000"
    section.line.click()
    type_number(qtbot, section.width_spin, 3)
    type_number(qtbot, section.size_spin, 11)
    choose(section.position_box, "source")
    conn = view.connections["id-c0"]
    assert (conn.style.line_color, conn.style.line_width, conn.style.font_size,
            conn.style.text_position) == ("#008000", 3, 11.0, "source")
    scene = build_scene(model, view, "vi")
    (line,) = [i for i in scene.items if isinstance(i, ShapeItem)
               and type(i.prim).__name__ == "Polyline" and i.stroke == "#008000"]
    assert line.width == 3.0 and line.prim.points[0][0] == 40 + 160  # leaves the source
    label = next(t for t in scene.items if isinstance(t, TextItem)
                 and t.text == "Đồng bộ hồ sơ")
    source, target = view.nodes["id-n0"], view.nodes["id-n2"]
    assert label.size == 11.0
    assert abs(label.x - (source.x + source.w)) < abs(label.x - target.x)  # near the source


def test_font_name_opacity_and_reset_from_the_section(styled, qtbot):
    window, model, view = styled
    section = window.formats.appearance
    select(window, "id-n1")
    choose(section.font_box, "Be Vietnam Pro")
    type_number(qtbot, section.opacity, 50)
    style = view.nodes["id-n1"].style
    assert (style.font_name, style.fill_alpha) == ("Be Vietnam Pro", 128)
    data = exchange_bytes(model)
    node = etree.fromstring(data).find(".//a:node[@identifier='id-n1']", NS)
    assert node.find("a:style/a:font", NS).get("name") == "Be Vietnam Pro"
    # no fill colour of its own: the file names none (a black one made other tools draw
    # a black box), and the opacity comes back from the view's extras
    assert node.find("a:style/a:fillColor", NS) is None
    again = read_exchange_bytes(data, "m.xml").view(view.id).nodes["id-n1"].style
    assert (again.fill, again.fill_alpha) == (None, 128)
    archi = etree.fromstring(archi_bytes(model)[0])
    assert archi.find(".//child[@id='id-n1']").get("font").startswith("1|Be Vietnam Pro|")
    outline = node_shapes(build_scene(model, view, "vi"), view.nodes["id-n1"].bounds)[0]
    assert round(outline.fill_alpha, 2) == 0.5
    section.reset.click()
    assert view.nodes["id-n1"].style.is_default()
    assert section.font_box.currentData() is None and section.opacity.value() == -1
