"""Nesting as in Archi, driven through the window (issue 16 point 3, issue 10's "dropping
an element exactly onto another hides one under the other"): a drop or a move onto an
element nests it, the parent grows to hold it, the relationship the rules allow is
offered (the framework's suggestion first) in one undo step with the nesting; moving the
child out asks whether to delete that relationship; Format > Nesting into an element
makes it automatic or switches it off."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QPointF

from egov_modeler.model.serialization import model_to_dict
from egov_modeler.ui.canvas.view import ELEMENT_MIME
from tests.helpers.ui import drop, node_of, send_drop


def _inside(child, parent) -> bool:
    return (parent.x <= child.x and child.x + child.w <= parent.x + parent.w
            and parent.y <= child.y and child.y + child.h <= parent.y + parent.h)


def _menu_types(window) -> list:
    """The relationship types the last nesting menu offered, in its order."""
    return [data for _text, data, _on in window.dialogs.menus_shown[-1] if data]


def test_a_component_dropped_onto_an_element_is_nested_and_its_relationship_offered(window):
    from egov_modeler.ui.canvas.tools.connect import suggested_relationship_of

    model = window.current_model()
    (system,) = drop(window, "a_httt_gq_tthc", 400, 240)
    parent = node_of(window, system.id)
    before = (parent.w, parent.h)
    start = model_to_dict(model)
    window.dialogs.menu_answer = "Assignment"
    (function,) = drop(window, "type:ApplicationFunction", parent.x + parent.w / 2,
                       parent.y + parent.h / 2)
    child = node_of(window, function.id)
    assert child.parent == parent.id
    assert _inside(child, parent)  # nothing hides under anything
    assert (parent.w, parent.h) != before  # the parent grew to hold it
    # The framework's suggestion first (a one-stop system exchanges by Flow), then what
    # nesting can state and ArchiMate allows for the pair.
    suggested = suggested_relationship_of(system, function)
    assert _menu_types(window) == [suggested, "Assignment", "Realization"]
    rels = [r for r in model.relationships if r.source == system.id]
    assert [(r.type, r.target) for r in rels] == [("Assignment", function.id)]
    view = model.view(window.current_view_id())
    assert not view.connections  # the nesting shows it: no line is drawn
    assert window.statusBar().currentMessage().startswith("Đã lồng vào: Gán")
    # One undo step takes back the drop, the growth and the relationship.
    window.document.undo_stack.undo()
    assert model_to_dict(model) == start


def test_dismissing_the_menu_nests_without_a_relationship(window):
    (system,) = drop(window, "a_httt_gq_tthc", 400, 240)
    parent = node_of(window, system.id)
    window.dialogs.menu_answer = None
    (function,) = drop(window, "type:ApplicationFunction", parent.x + 40, parent.y + 30)
    assert node_of(window, function.id).parent == parent.id
    assert window.current_model().relationships == []


def test_moving_an_element_onto_another_nests_it_and_moving_it_out_asks(window):
    model = window.current_model()
    (actor,) = drop(window, "type:BusinessActor", 150, 80)
    (role,) = drop(window, "type:BusinessRole", 500, 80)
    outer, inner = node_of(window, actor.id), node_of(window, role.id)
    window.dialogs.menu_answer = "Assignment"
    tool = window.current_canvas().tools["select"]
    dx = round(outer.x + outer.w / 2 - (inner.x + inner.w / 2))
    assert tool.commit_move(dx, 0, [inner.id])
    inner = node_of(window, role.id)
    assert inner.parent == outer.id and _inside(inner, node_of(window, actor.id))
    (rel,) = model.relationships
    assert (rel.source, rel.type, rel.target) == (actor.id, "Assignment", role.id)
    assert window.document.undo_stack.undoText()  # one named step
    # Out again: the window asks whether to delete the relationship the nesting showed.
    window.dialogs.confirm_answer = False
    assert tool.commit_move(0, 0 + 300, [inner.id])
    assert node_of(window, role.id).parent != outer.id
    _title, text, _details = window.dialogs.confirms[-1]
    assert "Gán" in text and actor.name in text and role.name in text
    assert model.has_relationship(rel.id)  # Cancel kept it
    window.document.undo_stack.undo()
    window.dialogs.confirm_answer = True
    assert tool.commit_move(0, 300, [node_of(window, role.id).id])
    assert not model.has_relationship(rel.id)  # Delete removed it, with the move
    window.document.undo_stack.undo()
    assert model.has_relationship(rel.id) and node_of(window, role.id).parent == outer.id


def test_an_existing_element_dragged_from_the_model_tree_onto_an_element_nests(window):
    model = window.current_model()
    (software,) = drop(window, "type:SystemSoftware", 500, 240)
    window.current_canvas().diagram().select_ids([node_of(window, software.id).id])
    window.edits.delete_selection()  # off the view, still in the model tree
    (host,) = drop(window, "type:Node", 300, 240)
    host_node = node_of(window, host.id)
    window.dialogs.menu_answer = "Composition"
    mime = QMimeData()
    mime.setData(ELEMENT_MIME, software.id.encode("utf-8"))
    send_drop(window.current_canvas(), mime, QPointF(host_node.x + 30, host_node.y + 30))
    placed = node_of(window, software.id)
    assert placed.parent == host_node.id
    assert any(r.type == "Composition" and r.source == host.id and r.target == software.id
               for r in model.relationships)
    assert "Composition" in _menu_types(window)


def test_format_menu_makes_nesting_automatic_or_switches_it_off(window):
    model = window.current_model()
    window.formats.nesting_actions["suggested"].trigger()
    assert window.settings.value("canvas/nesting") == "suggested"
    (actor,) = drop(window, "type:BusinessActor", 150, 80)
    outer = node_of(window, actor.id)
    shown = len(window.dialogs.menus_shown)
    (role,) = drop(window, "type:BusinessRole", outer.x + 40, outer.y + 30)
    assert len(window.dialogs.menus_shown) == shown  # not asked
    assert [(r.type, r.target) for r in model.relationships] == [("Assignment", role.id)]
    window.formats.nesting_actions["nest"].trigger()
    (second,) = drop(window, "type:BusinessActor", 500, 80)
    outer = node_of(window, second.id)
    (other,) = drop(window, "type:BusinessRole", outer.x + 60, outer.y + 40)
    assert node_of(window, other.id).parent == outer.id
    assert len(model.relationships) == 1  # nested, no relationship
    window.formats.nesting_actions["off"].trigger()
    (third,) = drop(window, "type:BusinessActor", 700, 80)
    outer = node_of(window, third.id)
    (fourth,) = drop(window, "type:BusinessRole", outer.x + 60, outer.y + 40)
    assert node_of(window, fourth.id).parent == window.bands["nguoi_su_dung"]


def test_the_nesting_preference_survives_a_restart(qtbot, tmp_path):
    from tests.helpers.ui import editor_window

    first = editor_window(qtbot, tmp_path)
    first.formats.nesting_actions["nest"].trigger()
    first.document.undo_stack.setClean()
    first.close()
    second = editor_window(qtbot, tmp_path)
    assert second.formats.nesting_actions["nest"].isChecked()
    assert second.document.editor.nesting == "nest"
    second.document.undo_stack.setClean()
