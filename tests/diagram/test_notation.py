"""The shared ArchiMate notation geometry (used by both the canvas and the PDF)."""

from __future__ import annotations

import pytest

from egov_modeler.diagram.notation import (
    FILL_LINE,
    FILL_WHITE,
    Polygon,
    Polyline,
    clip_to_box,
    connection_points,
    element_colors,
    element_icon,
    element_outline,
    icon_box,
    line_dash,
    primitive_bounds,
    relationship_decorations,
    text_box,
)
from egov_modeler.model.metamodel import ELEMENT_TYPES, LINE_STYLES, RELATIONSHIP_TYPES
from egov_modeler.model.views import Style

BOX = (100.0, 50.0, 120.0, 55.0)
EPS = 1e-6


def _inside(inner, outer) -> bool:
    ix, iy, iw, ih = inner
    ox, oy, ow, oh = outer
    return (ix >= ox - EPS and iy >= oy - EPS and ix + iw <= ox + ow + EPS
            and iy + ih <= oy + oh + EPS)


@pytest.mark.parametrize("type_name", list(ELEMENT_TYPES))
def test_every_element_type_has_an_outline_inside_its_box(type_name):
    outline = element_outline(type_name, *BOX)
    assert outline
    for prim in outline:
        assert _inside(primitive_bounds(prim), BOX), (type_name, prim)


@pytest.mark.parametrize("type_name", list(ELEMENT_TYPES))
def test_every_icon_stays_in_its_square(type_name):
    icon = element_icon(type_name, 10, 20, 14)
    if ELEMENT_TYPES[type_name].icon in ("grouping", "junction"):
        assert icon == []  # the shape itself is the notation
        return
    assert icon, type_name
    for prim in icon:
        assert _inside(primitive_bounds(prim), (10, 20, 14, 14)), (type_name, prim)


@pytest.mark.parametrize("type_name", list(ELEMENT_TYPES))
def test_text_box_is_inside_the_element_and_clear_of_the_icon(type_name):
    box = text_box(type_name, *BOX)
    assert _inside(box, BOX)
    icon = icon_box(type_name, *BOX)
    if icon is not None:
        tx, ty, tw, th = box
        assert tx + tw <= icon[0] + EPS  # the name never runs under the glyph


def test_different_icons_look_different():
    assert element_icon("BusinessActor", 0, 0) != element_icon("BusinessRole", 0, 0)
    assert element_icon("ApplicationComponent", 0, 0) != element_icon("Node", 0, 0)


def test_line_styles_have_distinct_dashes():
    dashes = {style: line_dash(style) for style in LINE_STYLES}
    assert dashes["solid"] == ()
    assert dashes["dashed"] and dashes["dotted"] and dashes["dashed"] != dashes["dotted"]


@pytest.mark.parametrize("rel", list(RELATIONSHIP_TYPES))
def test_every_relationship_type_decorates(rel):
    dash, src, tgt = relationship_decorations(rel, None, False, [(0, 0), (100, 0)])
    assert dash == line_dash(RELATIONSHIP_TYPES[rel].line)
    for prim in src + tgt:
        x, y, w, h = primitive_bounds(prim)
        assert -15 <= x and x + w <= 115 and -8 <= y <= 8


def test_composition_has_filled_diamond_at_source_and_serving_open_arrow_at_target():
    _, src, tgt = relationship_decorations("Composition", None, False, [(0, 0), (100, 0)])
    assert len(src) == 1 and isinstance(src[0], Polygon) and src[0].fill == FILL_LINE
    assert src[0].points[0] == (0, 0)  # the diamond's tip touches the whole
    assert tgt == []
    _, src, tgt = relationship_decorations("Serving", None, False, [(0, 0), (100, 0)])
    assert src == [] and isinstance(tgt[0], Polyline) and tgt[0].points[1] == (100, 0)


def test_access_arrows_follow_the_access_type():
    pts = [(0, 0), (50, 0)]
    assert relationship_decorations("Access", "Write", False, pts)[1:] == (
        [], relationship_decorations("Access", "ReadWrite", False, pts)[2])
    _, src, tgt = relationship_decorations("Access", "Read", False, pts)
    assert src and not tgt
    _, src, tgt = relationship_decorations("Access", "Access", False, pts)
    assert not src and not tgt


def test_realization_ends_with_hollow_triangle():
    _, _, tgt = relationship_decorations("Realization", None, False, [(0, 0), (0, 80)])
    assert tgt[0].fill == FILL_WHITE


def test_clip_to_box_ends_on_the_border():
    box = (0.0, 0.0, 100.0, 50.0)
    assert clip_to_box(box, (300.0, 25.0)) == (100.0, 25.0)
    assert clip_to_box(box, (50.0, -100.0)) == (50.0, 0.0)
    x, y = clip_to_box(box, (200.0, 200.0))
    assert y == pytest.approx(50.0) and x == pytest.approx(50.0 + 150.0 * 25.0 / 175.0)


def test_connection_points_between_stacked_boxes_is_vertical():
    pts = connection_points((0, 0, 100, 50), (20, 150, 100, 50))
    assert pts == [(60.0, 50), (60.0, 150)]


def test_connection_points_through_bendpoints():
    pts = connection_points((0, 0, 100, 50), (300, 300, 100, 50), [(350, 25)])
    assert pts[0] == (100.0, 25.0) and pts[1] == (350.0, 25.0) and pts[-1] == (350.0, 300.0)


def test_style_overrides_colours():
    assert element_colors("BusinessActor")[0] == ELEMENT_TYPES["BusinessActor"].fill
    fill, line, font = element_colors("BusinessActor", Style(fill="#123456", font_color="#ff0000"))
    assert (fill, font) == ("#123456", "#ff0000")


def test_shapes_that_are_the_notation_show_no_corner_glyph():
    assert icon_box("ApplicationService", *BOX) is None
    assert icon_box("DataObject", *BOX) is None
    assert icon_box("ApplicationComponent", *BOX) is not None
    assert icon_box("BusinessProcess", *BOX) is not None
