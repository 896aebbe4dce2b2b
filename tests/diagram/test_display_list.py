"""The display list shared by the PDF, the images and the canvas: names stay in their boxes,
labels do not cover each other, every notation key can be drawn."""

from __future__ import annotations

import pytest

from egov_modeler.diagram.display_list import TextItem, build_scene, element_items, legend_scene
from egov_modeler.diagram.text_layout import text_width
from egov_modeler.model import Model
from egov_modeler.model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from egov_modeler.model.views import NODE_CONTAINER, Node
from egov_modeler.storage.native import load
from tests.helpers import paths, place

TEMPLATES = paths.TEMPLATES
LONG = "Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh, huyện, xã"


def _text_inside(items, box, slack: float = 0.5) -> None:
    x, y, w, h = box
    for item in items:
        if not isinstance(item, TextItem):
            continue
        right = item.x + text_width(item.text, item.size, item.bold)
        assert x - slack <= item.x and right <= x + w + slack, (item.text, box)
        assert y - slack <= item.y - item.size and item.y <= y + h + slack, (item.text, box)


@pytest.mark.parametrize("type_name", list(ELEMENT_TYPES))
@pytest.mark.parametrize("box", [(0, 0, 120, 55), (0, 0, 60, 30), (0, 0, 300, 40)])
def test_a_long_name_never_leaves_its_box(type_name, box):
    _text_inside(element_items(type_name, box, LONG), box)


def _template_models():
    found = sorted(TEMPLATES.glob("*.egov"))
    if not found:
        pytest.skip("no templates shipped yet")
    return [load(path) for path in found]


def test_template_names_stay_in_their_boxes_and_labels_do_not_overlap():
    for model in _template_models():
        for view in model.views:
            scene = build_scene(model, view, "vi")
            for node in view.nodes.values():
                if node.element_id and model.has_element(node.element_id):
                    element = model.element(node.element_id)
                    _text_inside(element_items(element.type, node.bounds, element.name,
                                               node.style), node.bounds)
            labels = [t for t in scene.items if isinstance(t, TextItem) and t.background]
            boxes = [(t.x, t.y - t.size * 0.8, text_width(t.text, t.size), t.size * 1.2)
                     for t in labels]
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    overlap = (a[0] < b[0] + b[2] and b[0] < a[0] + a[2]
                               and a[1] < b[1] + b[3] and b[1] < a[1] + a[3])
                    assert not overlap, (view.name, labels[boxes.index(a)].text)


def test_scene_lists_the_notation_used_and_every_name():
    m = Model("m")
    view = m.add_view("v")
    band = Node("id-band", 0, 0, 2000, 400, kind=NODE_CONTAINER, label="Ứng dụng và CSDL")
    from egov_modeler.model.commands import PlaceNodeCommand

    m.execute(PlaceNodeCommand(view.id, band))
    elements = []
    for i, type_name in enumerate(ELEMENT_TYPES):
        element = m.add_element(type_name, f"Phần tử {i}")
        elements.append(element)
        place(m, view.id, element.id, 10 + (i % 10) * 190, 30 + (i // 10) * 70, 180, 60)
    scene = build_scene(m, view, "vi")
    assert scene.element_types == list(ELEMENT_TYPES)
    texts = " ".join(t.text for t in scene.items if isinstance(t, TextItem))
    assert "Ứng dụng và CSDL" in texts
    for element in elements:
        if ELEMENT_TYPES[element.type].shape != "junction":
            assert element.name in texts, element.type


def test_legend_has_a_row_per_type_with_its_label():
    keys = list(ELEMENT_TYPES) + list(RELATIONSHIP_TYPES)
    labels = {key: f"nhãn {i}" for i, key in enumerate(keys)}
    legend = legend_scene(ELEMENT_TYPES, RELATIONSHIP_TYPES, 180, labels, "Chú giải")
    texts = [t.text for t in legend.items if isinstance(t, TextItem)]
    assert texts == ["Chú giải", *labels.values()]
    assert legend.bounds[3] > 20 * len(keys)


def test_a_connection_to_a_connection_meets_it_in_the_middle():
    from egov_modeler.diagram.notation import Polyline
    from egov_modeler.model.commands import AddConnectionCommand
    from egov_modeler.model.views import Connection
    from tests.helpers import connect

    m = Model("m")
    view = m.add_view("v")
    a = m.add_element("ApplicationComponent", "A")
    b = m.add_element("ApplicationComponent", "B")
    data = m.add_element("DataObject", "Dữ liệu trao đổi")
    flow = m.relate(a.id, "Flow", b.id)
    assoc = m.relate(data.id, "Association", flow.id)
    na = place(m, view.id, a.id, 0, 0, 100, 50)
    nb = place(m, view.id, b.id, 300, 0, 100, 50)
    nd = place(m, view.id, data.id, 150, 200, 100, 50)
    line = connect(m, view.id, flow.id, na.id, nb.id)
    m.execute(AddConnectionCommand(view.id, Connection("id-c2", nd.id, line.id,
                                                       relationship_id=assoc.id)))
    scene = build_scene(m, view, "vi")
    lines = [i.prim for i in scene.items if getattr(i, "prim", None).__class__ is Polyline
             and len(i.prim.points) == 2 and i.stroke == "#000000" and i.fill is None]
    assert any(p.points[-1] == (200.0, 25.0) for p in lines)  # middle of the flow line
