"""Align, distribute and same size, headless: the exact geometry and one undo step."""

from __future__ import annotations

import copy

import pytest

from egov_modeler.model import History, Model
from egov_modeler.model import arrange as ar
from egov_modeler.model.commands import CompoundCommand
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import NODE_CONTAINER, Node
from tests.helpers import place

# Three boxes of a ragged row, the first the reference for "same size".
ROW = [(40, 50, 160, 70), (250, 30, 120, 60), (500, 80, 100, 90)]


@pytest.mark.parametrize(("how", "expected"), [
    (ar.ALIGN_LEFT, [(40, 50, 160, 70), (40, 30, 120, 60), (40, 80, 100, 90)]),
    (ar.ALIGN_RIGHT, [(440, 50, 160, 70), (480, 30, 120, 60), (500, 80, 100, 90)]),
    (ar.ALIGN_TOP, [(40, 30, 160, 70), (250, 30, 120, 60), (500, 30, 100, 90)]),
    (ar.ALIGN_BOTTOM, [(40, 100, 160, 70), (250, 110, 120, 60), (500, 80, 100, 90)]),
    # Selection box 40..600 wide, 30..170 high: centres at x = 320 and y = 100.
    (ar.ALIGN_CENTRE_H, [(240, 50, 160, 70), (260, 30, 120, 60), (270, 80, 100, 90)]),
    (ar.ALIGN_CENTRE_V, [(40, 65, 160, 70), (250, 70, 120, 60), (500, 55, 100, 90)]),
])
def test_align(how, expected):
    assert ar.align(ROW, how) == expected


def test_distribute_horizontally_gives_equal_gaps_and_keeps_the_ends():
    boxes = [(0, 0, 100, 50), (400, 10, 100, 50), (130, 20, 60, 50), (700, 0, 100, 50)]
    out = ar.distribute(boxes, horizontal=True)
    # Span 0..800, widths 360: three gaps of (800 - 360) / 3 -> 147, 147, 146.
    assert out == [(0, 0, 100, 50), (454, 10, 100, 50), (247, 20, 60, 50),
                   (700, 0, 100, 50)]
    ordered = sorted(out)
    gaps = [b[0] - (a[0] + a[2]) for a, b in zip(ordered, ordered[1:], strict=False)]
    assert max(gaps) - min(gaps) <= 1


def test_distribute_vertically():
    boxes = [(10, 0, 80, 40), (10, 50, 80, 40), (10, 200, 80, 40)]
    assert ar.distribute(boxes, horizontal=False) == [
        (10, 0, 80, 40), (10, 100, 80, 40), (10, 200, 80, 40)]


@pytest.mark.parametrize(("operation", "expected"), [
    (ar.SAME_WIDTH, [(40, 50, 160, 70), (250, 30, 160, 60), (500, 80, 160, 90)]),
    (ar.SAME_HEIGHT, [(40, 50, 160, 70), (250, 30, 120, 70), (500, 80, 100, 70)]),
    (ar.SAME_SIZE, [(40, 50, 160, 70), (250, 30, 160, 70), (500, 80, 160, 70)]),
])
def test_same_size_as_the_first_selected(operation, expected):
    assert ar.OPERATIONS[operation](ROW) == expected


def _row_model():
    model = Model("Sắp xếp")
    view = model.add_view("Sơ đồ")
    band = Node("id-band", 0, 0, 1000, 400, kind=NODE_CONTAINER, label="Ứng dụng")
    model.load_node(view.id, band)
    nodes = []
    for (x, y, w, h), name in zip(ROW, ("Cổng DVC", "Một cửa", "LGSP"), strict=True):
        element = model.add_element("ApplicationComponent", name)
        nodes.append(place(model, view.id, element.id, x, y, w, h, parent=band.id).id)
    return model, view.id, band.id, nodes


@pytest.mark.parametrize("operation", sorted(ar.OPERATIONS))
def test_each_operation_on_a_view_is_one_undo_step(operation):
    model, view_id, _band, nodes = _row_model()
    before = copy.deepcopy(model_to_dict(model))
    commands = ar.arrange_commands(model, view_id, nodes, operation)
    expected = ar.OPERATIONS[operation](ROW)
    assert len(commands) == sum(a != b for a, b in zip(expected, ROW, strict=True))
    history = History(model)
    history.do(CompoundCommand(operation, list(commands)))
    view = model.view(view_id)
    assert [view.nodes[n].bounds for n in nodes] == expected
    history.undo()
    assert model_to_dict(model) == before


def test_a_selected_band_and_its_child_only_move_the_band():
    model, view_id, band, nodes = _row_model()
    assert ar.top_level(model, view_id, [nodes[0], band, nodes[1]]) == [band]
    assert ar.arrange_commands(model, view_id, [nodes[0], band], ar.ALIGN_LEFT) == []


def test_too_few_nodes_or_nothing_to_change_gives_no_commands():
    model, view_id, _band, nodes = _row_model()
    assert ar.arrange_commands(model, view_id, nodes[:2], ar.DISTRIBUTE_H) == []
    assert ar.arrange_commands(model, view_id, nodes[:1], ar.ALIGN_TOP) == []
    model.execute(CompoundCommand("x", list(ar.arrange_commands(model, view_id, nodes,
                                                                 ar.ALIGN_TOP))))
    assert ar.arrange_commands(model, view_id, nodes, ar.ALIGN_TOP) == []
