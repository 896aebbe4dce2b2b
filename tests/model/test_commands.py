"""Specs of the commands: each applies, reverts exactly, and has a dict form."""

from __future__ import annotations

import pytest

from egov_modeler.model import History, Model, ModelError, RelationshipNotAllowed
from egov_modeler.model.commands import (
    AddBendpointCommand,
    CompoundCommand,
    CreateViewCommand,
    DeleteElementCommand,
    DeleteViewCommand,
    MoveBendpointCommand,
    MoveNodeCommand,
    PlaceNodeCommand,
    RemoveBendpointCommand,
    RemoveConnectionCommand,
    RemoveNodeCommand,
    RenameElementCommand,
    RenameViewCommand,
    ReparentNodeCommand,
    ResizeNodeCommand,
    RetypeElementCommand,
    SetPropertyCommand,
    UnrelateCommand,
    command_from_dict,
)
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Node, View
from tests.helpers import connect, place


@pytest.fixture
def diagram():
    """A province portal flowing to LGSP, both placed on one view and connected."""
    model = Model("Tỉnh")
    portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công cấp tỉnh")
    lgsp = model.add_element("ApplicationComponent", "LGSP tỉnh")
    flow = model.relate(portal.id, "Flow", lgsp.id)
    view = model.add_view("Sơ đồ khái quát")
    band = Node("id-band", 0, 0, 800, 200, kind="container", label="Ứng dụng",
                layer="ung_dung_csdl")
    model.execute(PlaceNodeCommand(view.id, band))
    n_portal = place(model, view.id, portal.id, 20, 40, parent=band.id)
    n_lgsp = place(model, view.id, lgsp.id, 400, 40, parent=band.id)
    conn = connect(model, view.id, flow.id, n_portal.id, n_lgsp.id)
    return model, portal, lgsp, flow, view, band, n_portal, n_lgsp, conn


def roundtrip_undo(model, command):
    """Apply through a history, undo, check equality, redo, check equality again."""
    history = History(model)
    before = model_to_dict(model)
    history.do(command)
    after = model_to_dict(model)
    assert after != before, "the command changed nothing"
    history.undo()
    assert model_to_dict(model) == before
    history.redo()
    assert model_to_dict(model) == after
    return after


def test_delete_from_model_removes_relationships_and_every_placement(diagram):
    model, portal, lgsp, flow, view, band, n_portal, n_lgsp, conn = diagram
    other = model.add_view("Tích hợp")
    place(model, other.id, portal.id)
    roundtrip_undo(model, DeleteElementCommand(portal.id))
    assert not model.has_element(portal.id)
    assert not model.has_relationship(flow.id)
    assert n_portal.id not in view.nodes and conn.id not in view.connections
    assert other.nodes == {}
    assert model.has_element(lgsp.id) and n_lgsp.id in view.nodes


def test_remove_node_keeps_the_element_but_takes_its_connections(diagram):
    model, portal, _, flow, view, _, n_portal, _, conn = diagram
    roundtrip_undo(model, RemoveNodeCommand(view.id, n_portal.id))
    assert model.has_element(portal.id) and model.has_relationship(flow.id)
    assert conn.id not in view.connections


def test_removing_a_group_removes_what_is_nested_in_it(diagram):
    model, _, _, _, view, band, *_ = diagram
    roundtrip_undo(model, RemoveNodeCommand(view.id, band.id))
    assert view.nodes == {} and view.connections == {}


def test_moving_a_group_moves_its_children_and_inner_bendpoints(diagram):
    model, *_, view, band, n_portal, n_lgsp, conn = diagram
    model.execute(AddBendpointCommand(view.id, conn.id, 0, 300, 150))
    roundtrip_undo(model, MoveNodeCommand(view.id, band.id, 10, 100))
    assert (n_portal.x, n_portal.y) == (30, 140)
    assert (n_lgsp.x, n_lgsp.y) == (410, 140)
    assert conn.bendpoints == [(310, 250)]


def test_resize_and_reparent(diagram):
    model, *_, view, band, n_portal, n_lgsp, _ = diagram
    roundtrip_undo(model, ResizeNodeCommand(view.id, n_portal.id, 200, 90))
    assert (n_portal.w, n_portal.h) == (200, 90)
    roundtrip_undo(model, ReparentNodeCommand(view.id, n_portal.id, None))
    assert n_portal.parent is None
    with pytest.raises(ModelError):
        model.execute(ReparentNodeCommand(view.id, band.id, n_lgsp.id))  # into its own child


def test_bendpoints_add_move_remove(diagram):
    model, *_, view, _, _, _, conn = diagram
    roundtrip_undo(model, AddBendpointCommand(view.id, conn.id, 0, 200, 300))
    roundtrip_undo(model, MoveBendpointCommand(view.id, conn.id, 0, 250, 310))
    assert conn.bendpoints == [(250, 310)]
    roundtrip_undo(model, RemoveBendpointCommand(view.id, conn.id, 0))
    assert conn.bendpoints == []
    with pytest.raises(ModelError):
        model.execute(MoveBendpointCommand(view.id, conn.id, 3, 0, 0))


def test_rename_in_vietnamese_and_in_english(diagram):
    model, portal, *_ = diagram
    roundtrip_undo(model, RenameElementCommand(portal.id, "Cổng DVC tỉnh Gia Lai"))
    roundtrip_undo(model, RenameElementCommand(portal.id, "Gia Lai portal", "en"))
    assert portal.name == "Cổng DVC tỉnh Gia Lai" and portal.names["en"] == "Gia Lai portal"


def test_retype_is_refused_when_a_relationship_would_break(diagram):
    model, portal, *_ = diagram
    before = model_to_dict(model)
    with pytest.raises(RelationshipNotAllowed):
        model.execute(RetypeElementCommand(portal.id, "DataObject"))  # data cannot Flow
    assert model_to_dict(model) == before
    roundtrip_undo(model, RetypeElementCommand(portal.id, "ApplicationCollaboration"))


def test_properties_on_model_element_relationship_and_view(diagram):
    model, portal, _, flow, view, *_ = diagram
    for owner in (model.id, portal.id, flow.id, view.id):
        roundtrip_undo(model, SetPropertyCommand(owner, "Đơn vị chủ trì", "Sở TT&TT"))
    roundtrip_undo(model, SetPropertyCommand(portal.id, "Đơn vị chủ trì", "VP UBND"))
    assert portal.properties == [("Đơn vị chủ trì", "VP UBND")]
    roundtrip_undo(model, SetPropertyCommand(portal.id, "Đơn vị chủ trì", None))
    assert portal.properties == []


def test_views_create_rename_delete(diagram):
    model, *_, view, _, _, _, _ = diagram
    roundtrip_undo(model, CreateViewCommand(View("id-v2", "Kiến trúc dữ liệu")))
    roundtrip_undo(model, RenameViewCommand(view.id, "Sơ đồ tổng thể"))
    roundtrip_undo(model, DeleteViewCommand(view.id))
    assert not model.has_view(view.id)


def test_unrelate_and_remove_connection(diagram):
    model, _, _, flow, view, _, _, _, conn = diagram
    roundtrip_undo(model, RemoveConnectionCommand(view.id, conn.id))
    roundtrip_undo(model, UnrelateCommand(flow.id))
    assert conn.id not in view.connections


def test_compound_is_all_or_nothing(diagram):
    model, portal, *_ = diagram
    before = model_to_dict(model)
    bad = CompoundCommand("two", [RenameElementCommand(portal.id, "X"),
                                  RenameElementCommand("id-missing", "Y")])
    with pytest.raises(ModelError):
        model.execute(bad)
    assert model_to_dict(model) == before


def test_every_command_survives_its_dict_form(diagram):
    model, portal, lgsp, flow, view, band, n_portal, _, conn = diagram
    commands = [
        RenameElementCommand(portal.id, "Cổng"), MoveNodeCommand(view.id, n_portal.id, 5, 6),
        AddBendpointCommand(view.id, conn.id, 0, 1, 2), DeleteElementCommand(lgsp.id),
        CompoundCommand("x", [SetPropertyCommand(model.id, "k", "v")]),
        CreateViewCommand(View("id-v3", "Mới")),
    ]
    for command in commands:
        again = command_from_dict(command.to_dict())
        assert again.to_dict() == command.to_dict()
        assert type(again) is type(command)


def test_replaying_dict_forms_on_a_copy_gives_the_same_model(diagram, tmp_path):
    """The journal's promise: the intent alone reproduces the edit."""
    from egov_modeler.storage.native import load, save

    model, portal, lgsp, flow, view, band, n_portal, _, conn = diagram
    save(model, tmp_path / "a.egov")
    copy = load(tmp_path / "a.egov")
    commands = [MoveNodeCommand(view.id, band.id, 0, 50), DeleteElementCommand(lgsp.id),
                RenameElementCommand(portal.id, "Cổng DVC")]
    for command in commands:
        model.execute(command)
        copy.execute(command_from_dict(command.to_dict()))
    assert model_to_dict(copy) == model_to_dict(model)


def test_history_tracks_the_saved_state(diagram):
    model, portal, *_ = diagram
    history = History(model)
    history.set_clean()
    history.do(RenameElementCommand(portal.id, "A"))
    assert not history.is_clean
    history.undo()
    assert history.is_clean
    history.do(RenameElementCommand(portal.id, "B"))
    history.undo()
    assert history.is_clean and history.can_redo


# --- every command says what it does -------------------------------------------------------

def _concrete_commands() -> list[type]:
    from egov_modeler.model.commands.base import _REGISTRY

    # The shared bases (CascadeCommand, FieldsCommand, RenameCommand) have subclasses.
    return sorted((cls for cls in _REGISTRY.values() if not cls.__subclasses__()),
                  key=lambda cls: cls.__name__)


def test_every_command_names_itself_in_words_not_its_class():
    """The Edit menu says "Undo <label>": a class name ("SetViewFields") must never show."""
    from egov_modeler.model.commands.base import Command

    silent = [cls.__name__ for cls in _concrete_commands()
              if next(k for k in cls.__mro__ if "describe" in k.__dict__) is Command]
    assert silent == []


def test_changing_a_views_viewpoint_is_named_in_vietnamese():
    from egov_modeler.i18n import tr
    from egov_modeler.model.commands import SetViewFieldsCommand

    command = SetViewFieldsCommand("id-v", {"viewpoint": "Layered"})
    assert command.describe() == "Sửa sơ đồ"
    assert "SetViewFields" not in command.describe()
    assert tr("Edit view", language="en") == "Edit view"


def test_deleting_a_grouping_from_the_model_keeps_what_is_nested_in_it_on_the_view():
    model = Model("m")
    view = model.add_view("v")
    group = model.add_element("Grouping", "Nhóm hệ thống tỉnh")
    portal = model.add_element("ApplicationComponent", "Cổng dịch vụ công tỉnh")
    lgsp = model.add_element("ApplicationComponent", "LGSP tỉnh")
    box = place(model, view.id, group.id, 0, 0, 500, 300)
    inner = place(model, view.id, portal.id, 40, 40, parent=box.id)
    deeper = place(model, view.id, lgsp.id, 60, 150, parent=inner.id)
    history = History(model)
    before = model_to_dict(model)
    history.do(DeleteElementCommand(group.id))
    assert not model.has_element(group.id) and box.id not in view.nodes
    assert view.nodes[inner.id].parent is None  # one level up, where the group was
    assert view.nodes[deeper.id].parent == inner.id
    assert (view.nodes[inner.id].x, view.nodes[inner.id].y) == (40, 40)
    history.undo()
    assert model_to_dict(model) == before
