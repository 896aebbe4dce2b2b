"""The display list honours styles (issue 16 point 4): the canvas, the PDF, the PNG and the
SVG all paint it, so what a style says is drawn the same everywhere."""

from __future__ import annotations

import pytest

from egov_modeler.diagram.display_list import (
    ShapeItem,
    TextItem,
    build_scene,
    element_items,
    legend_node_items,
    on_white,
)
from egov_modeler.diagram.text_layout import layout_lines, text_width
from egov_modeler.model import Model
from egov_modeler.model.views import Connection, Node, Style

NAME = "Hệ thống thông tin giải quyết thủ tục hành chính"
BOX = (0.0, 0.0, 200.0, 100.0)


def _texts(items) -> list[TextItem]:
    return [i for i in items if isinstance(i, TextItem)]


def test_alignment_puts_every_line_against_its_side():
    left = _texts(element_items("ApplicationComponent", BOX, NAME, Style(text_alignment="left")))
    right = _texts(element_items("ApplicationComponent", BOX, NAME,
                                 Style(text_alignment="right")))
    assert len(left) > 1 and len({t.x for t in left}) == 1
    ends = {round(t.x + text_width(t.text, t.size, t.bold), 3) for t in right}
    assert len(ends) == 1 and min(t.x for t in right) > min(t.x for t in left)


@pytest.mark.parametrize("position", ["top", "middle", "bottom"])
def test_position_moves_the_name_up_or_down(position):
    lines = _texts(element_items("BusinessActor", BOX, "Người dân",
                                 Style(text_position=position)))
    y = lines[0].y
    expected = {"top": y < 30, "middle": 30 <= y <= 70, "bottom": y > 70}[position]
    assert expected, (position, y)


def test_font_size_colour_bold_and_fill_opacity_are_drawn():
    items = element_items("Node", BOX, "Máy chủ", Style(font_size=14.0, font_color="#ff0000",
                                                        font_style="bold", fill="#00ff00",
                                                        fill_alpha=128, line_width=3))
    (text,) = _texts(items)
    assert (text.size, text.color, text.bold) == (14.0, "#ff0000", True)
    outline = next(i for i in items if isinstance(i, ShapeItem))
    assert (outline.fill, round(outline.fill_alpha, 2), outline.width) == (
        "#00ff00", 0.5, 3.0)


def test_line_opacity_is_the_colour_on_white_paper():
    assert on_white("#000000", 255) == "#000000"
    assert on_white("#000000", 0) == "#ffffff"
    assert on_white("#ff0000", 128) == "#ff7f7f"
    items = element_items("Node", BOX, "", Style(line_color="#000000", line_alpha=51))
    assert next(i for i in items if isinstance(i, ShapeItem)).stroke == "#cccccc"


def test_layout_lines_right_and_bottom():
    size, placed = layout_lines("một hai", (0, 0, 100, 50), 9.0, False, "right", "bottom")
    (x, baseline, line), = placed
    assert abs(x + text_width(line, size) - 100) < 1e-6 and baseline > 40


def _model() -> Model:
    model = Model("m")
    view = model.add_view("v")
    a = model.add_element("ApplicationComponent", "Cổng", id="id-a")
    b = model.add_element("ApplicationComponent", "LGSP", id="id-b")
    actor = model.add_element("BusinessActor", "Người dân", id="id-u")
    model.load_node(view.id, Node("na", 0, 0, 120, 55, element_id=a.id))
    model.load_node(view.id, Node("nb", 400, 0, 120, 55, element_id=b.id,
                                  style=Style(fill="#ffffff")))
    model.load_node(view.id, Node("nu", 0, 200, 120, 55, element_id=actor.id))
    rel = model.relate(a.id, "Flow", b.id, name="Đồng bộ")
    model.load_connection(view.id, Connection("c", "na", "nb", rel.id,
                                              style=Style(font_size=10.0,
                                                          font_color="#0000ff",
                                                          text_position="target")))
    return model


def test_the_views_default_for_a_type_fills_nodes_that_set_nothing():
    model = _model()
    view = model.views[0]
    view.defaults["ApplicationComponent"] = Style(fill="#123456")
    scene = build_scene(model, view, "vi")
    fills = [i.fill for i in scene.items if isinstance(i, ShapeItem)
             and getattr(i.prim, "x", None) in (0, 400) and getattr(i.prim, "y", None) == 0]
    assert "#123456" in fills and "#ffffff" in fills


def test_a_lines_label_takes_its_size_colour_and_end():
    model = _model()
    scene = build_scene(model, model.views[0], "vi")
    (label,) = [t for t in _texts(scene.items) if t.text == "Đồng bộ"]
    assert (label.size, label.color) == (10.0, "#0000ff")
    assert label.x > 260  # near the target (the line runs 120 -> 400)


def test_a_legend_node_fits_its_box_and_names_the_types_of_its_view():
    model = _model()
    view = model.views[0]
    legend = Node("lg", 600, 0, 150, 40, kind="legend")  # too small: shrunk to fit
    view.nodes[legend.id] = legend
    items = legend_node_items(model, view, legend, "vi")
    texts = [t.text for t in _texts(items)]
    assert texts[0] == "Chú giải" and "Luồng (Flow)" in texts
    assert "Tác nhân nghiệp vụ (Business Actor)" in " ".join(texts)  # wrapped in two
    for item in _texts(items):
        assert 600 <= item.x and item.y <= 40 + 0.5
