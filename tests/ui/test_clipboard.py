"""Cut, copy, paste, duplicate and the Arrange menu in the window (pytest-qt, offscreen)."""

from __future__ import annotations

import copy

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF, Qt

from egov_modeler.model import Model
from egov_modeler.model.serialization import model_to_dict
from tests.helpers import connect, place
from tests.helpers.ui import (
    drop,
    node_of,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp):
    """The clipboard is the application's: each test starts and ends with it empty."""
    qapp.clipboard().clear()
    yield
    qapp.clipboard().clear()


def _related_pair(window):
    """A citizen and the provincial portal on the overview, joined by an allowed line."""
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    (portal,) = drop(window, "c_cong_dvc_tinh", 200, 240)
    canvas = window.current_canvas()
    tool = canvas.tools["connect"]
    a, b = node_of(window, citizen.id).id, node_of(window, portal.id).id
    rel_type = next(t for t, why in tool.offered_types(a, b) if why is None)
    relationship = tool.connect(a, b, rel_type)
    assert relationship is not None
    canvas.diagram().select_ids([a, b])
    return citizen, portal, relationship


def _second_view(window) -> str:
    window.dialogs.text_answer = "Sơ đồ ứng dụng"
    view_id = window.views.new_view()
    assert window.current_view_id() == view_id
    return view_id


def test_copy_then_paste_in_another_view_shows_the_same_elements(window, qtbot):
    citizen, portal, relationship = _related_pair(window)
    overview = window.current_canvas()
    qtbot.keyClick(overview, Qt.Key.Key_C, CTRL)
    assert window.edits.act_paste.isEnabled()
    view_id = _second_view(window)
    model = window.current_model()
    before = copy.deepcopy(model_to_dict(model))
    steps = window.document.undo_stack.count()
    qtbot.keyClick(window.current_canvas(), Qt.Key.Key_V, CTRL)
    view = model.view(view_id)
    assert len(model.elements) == 2 and len(model.relationships) == 1
    assert sorted(n.element_id for n in view.nodes.values()) == sorted([citizen.id,
                                                                        portal.id])
    assert [c.relationship_id for c in view.connections.values()] == [relationship.id]
    assert window.document.undo_stack.count() == steps + 1
    # The pasted nodes are selected, ready to be moved into place.
    assert len(window.current_canvas().diagram().selected_node_ids()) == 2
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


def test_paste_as_copy_makes_new_elements_and_relationships(window, qtbot):
    citizen, portal, relationship = _related_pair(window)
    canvas = window.current_canvas()
    window.edits.act_copy.trigger()
    model = window.current_model()
    before = copy.deepcopy(model_to_dict(model))
    qtbot.keyClick(canvas, Qt.Key.Key_V, CTRL | SHIFT)
    assert len(model.elements) == 4 and len(model.relationships) == 2
    new = [e for e in model.elements if e.id not in (citizen.id, portal.id)]
    assert sorted(e.name for e in new) == sorted(
        [f"{citizen.name} (bản sao)", f"{portal.name} (bản sao)"])
    assert {e.catalog_ref for e in new} == {citizen.catalog_ref, portal.catalog_ref}
    copied = next(r for r in model.relationships if r.id != relationship.id)
    assert copied.type == relationship.type
    assert {copied.source, copied.target} == {e.id for e in new}
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


def test_a_fragment_from_another_model_is_pasted_as_copies(window):
    from egov_modeler.model.paste import copy_fragment
    from egov_modeler.ui.canvas.clipboard import put_fragment

    other = Model("Kiến trúc tỉnh Kon Tum")
    view = other.add_view("Sơ đồ")
    portal = other.add_element("ApplicationComponent", "Cổng DVC Kon Tum")
    lgsp = other.add_element("ApplicationComponent", "LGSP Kon Tum")
    flow = other.relate(portal.id, "Flow", lgsp.id)
    a = place(other, view.id, portal.id, 100, 200)
    b = place(other, view.id, lgsp.id, 400, 200)
    connect(other, view.id, flow.id, a.id, b.id)
    put_fragment(copy_fragment(other, view.id, [a.id, b.id]))
    assert window.edits.act_paste.isEnabled()
    model = window.current_model()
    assert window.edits.paste() is not None
    assert sorted(e.name for e in model.elements) == ["Cổng DVC Kon Tum (bản sao)",
                                                      "LGSP Kon Tum (bản sao)"]
    assert [r.type for r in model.relationships] == ["Flow"]
    assert not any(other.has_element(e.id) for e in model.elements)
    # Pasted where they were: (100, 200) lies in the "Cổng dịch vụ" band of the overview.
    node = node_of(window, next(e.id for e in model.elements if "Cổng" in e.name))
    assert (node.x, node.y) == (100, 200)
    assert node.parent == window.bands["cong_dich_vu"]


def test_cut_removes_from_the_view_in_one_step_and_paste_brings_it_back(window, qtbot):
    citizen, portal, _relationship = _related_pair(window)
    model = window.current_model()
    before = copy.deepcopy(model_to_dict(model))
    steps = window.document.undo_stack.count()
    qtbot.keyClick(window.current_canvas(), Qt.Key.Key_X, CTRL)
    view = model.view(window.current_view_id())
    assert not view.connections
    assert not any(n.element_id for n in view.nodes.values())
    assert model.has_element(citizen.id) and model.has_element(portal.id)
    assert window.document.undo_stack.count() == steps + 1
    window.edits.paste()
    assert sorted(n.element_id for n in view.nodes.values() if n.element_id) == sorted(
        [citizen.id, portal.id])
    assert len(view.connections) == 1
    assert len(model.elements) == 2
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


def test_duplicate_places_copies_beside_and_leaves_the_clipboard_alone(window, qtbot):
    from egov_modeler.model.paste import PASTE_STEP
    from egov_modeler.ui.canvas.clipboard import has_fragment

    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    original = node_of(window, citizen.id)
    canvas = window.current_canvas()
    canvas.diagram().select_ids([original.id])
    assert not has_fragment()
    steps = window.document.undo_stack.count()
    qtbot.keyClick(canvas, Qt.Key.Key_D, CTRL)
    model = window.current_model()
    (twin,) = [e for e in model.elements if e.id != citizen.id]
    assert twin.name == "Người dân (bản sao)" and twin.type == citizen.type
    node = node_of(window, twin.id)
    assert (node.x, node.y) == (original.x + PASTE_STEP, original.y + PASTE_STEP)
    assert node.parent == original.parent
    assert window.document.undo_stack.count() == steps + 1
    assert not has_fragment()
    assert "Nhân bản" in window.edits.act_undo.text()


def test_the_context_menu_pastes_under_the_mouse_into_the_band_there(window):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    canvas = window.current_canvas()
    canvas.diagram().select_ids([node_of(window, citizen.id).id])
    labels = [a.text() for a in canvas.actions()]
    for action in (window.edits.act_cut, window.edits.act_copy, window.edits.act_paste_here,
                   window.edits.act_duplicate, window.edits.arrange_menu.menuAction()):
        assert action.text() in labels
    window.edits.act_copy.trigger()
    window.edits.act_paste_here.setData(QPointF(600, 245))  # what opening the menu there notes
    window.edits.act_paste_here.trigger()
    view = window.current_model().view(window.current_view_id())
    pasted = [n for n in view.nodes.values() if n.element_id == citizen.id
              and n.parent == window.bands["cong_dich_vu"]]
    assert len(pasted) == 1
    centre = (pasted[0].x + pasted[0].w / 2, pasted[0].y + pasted[0].h / 2)
    assert abs(centre[0] - 600) <= 0.5 and abs(centre[1] - 245) <= 0.5  # whole points


def _ragged_row(window):
    """Three elements of different sizes, not lined up, all selected."""
    from egov_modeler.model.commands import SetNodeBoundsCommand

    ids = []
    for component, (x, y, w, h) in zip(
            ("u_nguoi_dan", "u_doanh_nghiep", "u_cbccvc"),
            ((40, 30, 160, 70), (250, 50, 120, 60), (500, 20, 100, 90)), strict=True):
        (element,) = drop(window, component, x + 60, y + 30)
        node = node_of(window, element.id)
        window.document.editor.run(SetNodeBoundsCommand(window.current_view_id(), node.id,
                                               x, y, w, h))
        ids.append(node.id)
    return ids


@pytest.mark.parametrize(("operation", "expected"), [
    ("align_left", [(40, 30), (40, 50), (40, 20)]),
    ("align_right", [(440, 30), (480, 50), (500, 20)]),
    ("align_top", [(40, 20), (250, 20), (500, 20)]),
    ("align_bottom", [(40, 40), (250, 50), (500, 20)]),
    ("align_centre_h", [(240, 30), (260, 50), (270, 20)]),
    ("align_centre_v", [(40, 30), (250, 35), (500, 20)]),
    # span 40..600, widths 380: two gaps of 90 -> 40, 290, 500
    ("distribute_h", [(40, 30), (290, 50), (500, 20)]),
])
def test_arrange_moves_the_row_exactly_in_one_undo_step(window, operation, expected):
    ids = _ragged_row(window)
    scene = window.current_canvas().diagram()
    scene.select_ids(ids)
    model = window.current_model()
    before = copy.deepcopy(model_to_dict(model))
    steps = window.document.undo_stack.count()
    window.edits.arrange_actions[operation].trigger()
    view = model.view(window.current_view_id())
    assert [(view.nodes[i].x, view.nodes[i].y) for i in ids] == expected
    assert [(view.nodes[i].w, view.nodes[i].h) for i in ids] == [(160, 70), (120, 60),
                                                                 (100, 90)]
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


@pytest.mark.parametrize(("operation", "expected"), [
    ("same_width", [(120, 70), (120, 60), (120, 90)]),
    ("same_height", [(160, 60), (120, 60), (100, 60)]),
    ("same_size", [(120, 60), (120, 60), (120, 60)]),
])
def test_same_size_takes_the_first_selected(window, operation, expected):
    ids = _ragged_row(window)
    scene = window.current_canvas().diagram()
    scene.clearSelection()
    for node_id in (ids[1], ids[0], ids[2]):  # the middle one first
        scene.node_items[node_id].setSelected(True)
    steps = window.document.undo_stack.count()
    window.edits.arrange_actions[operation].trigger()
    view = window.current_model().view(window.current_view_id())
    assert [(view.nodes[i].w, view.nodes[i].h) for i in ids] == expected
    assert [(view.nodes[i].x, view.nodes[i].y) for i in ids] == [(40, 30), (250, 50),
                                                                 (500, 20)]
    assert window.document.undo_stack.count() == steps + 1


def test_arrange_entries_need_enough_selected_nodes(window):
    ids = _ragged_row(window)
    scene = window.current_canvas().diagram()
    actions = window.edits.arrange_actions
    scene.select_ids(ids[:1])
    assert not any(a.isEnabled() for a in actions.values())
    assert window.edits.act_copy.isEnabled() and window.edits.act_duplicate.isEnabled()
    scene.select_ids(ids[:2])
    assert actions["align_left"].isEnabled() and actions["same_size"].isEnabled()
    assert not actions["distribute_h"].isEnabled()
    scene.select_ids(ids)
    assert all(a.isEnabled() for a in actions.values())
    scene.clearSelection()
    assert not window.edits.act_copy.isEnabled() and not window.edits.act_cut.isEnabled()


def test_arrange_is_named_in_the_menu_bar_and_has_a_toolbar_button(window):
    from PySide6.QtWidgets import QToolButton

    titles = [a.text() for a in window.menuBar().actions()]
    assert "Sắ&p xếp" in titles
    button = window.findChild(QToolButton, "arrange_button")
    assert button is not None and button.text() == "Sắp xếp"
    assert button.menu() is window.edits.arrange_menu
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Sửa")
    assert {"&Cắt", "&Sao chép", "&Dán", "Dán thành &bản sao", "&Nhân bản"} <= {
        a.text() for a in edit.actions()}


def test_opening_the_context_menu_notes_where_a_paste_lands(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    canvas = window.current_canvas()
    viewport = canvas.viewport()
    pos = canvas.mapFromScene(QPointF(300, 250))
    seen = []

    def close_menu():
        popup = QApplication.activePopupWidget()
        seen.append([a.text() for a in popup.actions()] if popup else None)
        if popup is not None:
            popup.close()

    QTimer.singleShot(50, close_menu)
    QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] is not None and "&Dán tại đây" in seen[0]
    point = window.edits.act_paste_here.data()
    assert (round(point.x()), round(point.y())) == (300, 250)
