"""Every command class survives its dict form (the journal's and scripts' form): rebuilt
from JSON it makes exactly the edit the original makes, undoes it exactly, and the model
it leaves can be saved and loaded again (issue 11, point 5)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from egov_modeler.model import History, Model, ModelError
from egov_modeler.model import commands as c
from egov_modeler.model.commands.base import _REGISTRY
from egov_modeler.model.concepts import Element, Folder, Relationship
from egov_modeler.model.safe_json import loads as safe_loads
from egov_modeler.model.serialization import drawing_order, model_to_dict
from egov_modeler.model.views import Connection, Node, Style, View
from egov_modeler.storage.native import loads, model_bytes


def diagram() -> Model:
    model = Model("Tỉnh", id="id-model")
    portal = model.add_element("ApplicationComponent", "Cổng DVC", id="id-portal")
    lgsp = model.add_element("ApplicationComponent", "LGSP", id="id-lgsp")
    model.add_element("BusinessObject", "Hồ sơ", id="id-doc")
    model.relate(portal.id, "Flow", lgsp.id, id="id-flow")
    view = model.add_view("Sơ đồ", id="id-view")
    for node in (Node("id-band", 0, 0, 800, 300, kind="container", label="Ứng dụng",
                      layer="ung_dung"),
                 Node("id-np", 20, 40, 160, 70, element_id=portal.id, parent="id-band"),
                 Node("id-nl", 400, 40, 160, 70, element_id=lgsp.id)):
        model.execute(c.PlaceNodeCommand(view.id, node))
    model.execute(c.AddConnectionCommand(view.id, Connection(
        "id-conn", "id-np", "id-nl", relationship_id="id-flow", bendpoints=[(200, 100)])))
    model.folders = [Folder("Ứng dụng", id="id-folder", refs=["id-portal"],
                            folders=[Folder("Tỉnh", refs=["id-flow"])]),
                     Folder("Sơ đồ", refs=["id-view"])]
    return model


STYLE = Style(fill="#ffcc00", fill_alpha=200, line_color="#000000", line_width=2,
              font_name="Be Vietnam Pro", font_size=11.5, font_color="#112233",
              font_style="bold italic")


def samples(model: Model) -> dict[str, c.Command]:
    """One command of every concrete class, each valid on :func:`diagram`."""
    view = "id-view"
    return {
        "AddElement": c.AddElementCommand(Element("id-new", "Node", "Máy chủ", names={"en": "S"},
                                                  properties=[("k", "v")])),
        "SetElementFields": c.SetElementFieldsCommand("id-portal", {
            "documentation": "Mô tả", "names": {"en": "Portal"}, "layer": "cong"}),
        "RenameElement": c.RenameElementCommand("id-portal", "Portal", language="en"),
        "RetypeElement": c.RetypeElementCommand("id-doc", "DataObject"),
        "DeleteElement": c.DeleteElementCommand("id-lgsp"),
        "Relate": c.RelateCommand(Relationship("id-acc", "Access", "id-portal", "id-doc",
                                               access_type="Read")),
        "SetRelationshipFields": c.SetRelationshipFieldsCommand("id-flow", {"name": "Đồng bộ"}),
        "Unrelate": c.UnrelateCommand("id-flow"),
        "SetProperty": c.SetPropertyCommand("id-model", "Phiên bản", "2.0"),
        "SetModelFields": c.SetModelFieldsCommand({"metadata": {"$Command": "x",
                                                                "dc:title": "Gia Lai"}}),
        "CreateView": c.CreateViewCommand(View("id-v2", "Khác", viewpoint="Layered", nodes={
            "id-v2n": Node("id-v2n", 1, 2, 30, 40, kind="label", label="Ghi chú", style=STYLE)})),
        "RenameView": c.RenameViewCommand(view, "Tổng quan"),
        "SetViewFields": c.SetViewFieldsCommand(view, {"viewpoint": "Layered"}),
        "DeleteView": c.DeleteViewCommand(view),
        "PlaceNode": c.PlaceNodeCommand(view, Node("id-nd", 500, 200, 120, 55,
                                                   element_id="id-doc", style=STYLE)),
        "SetNodeBounds": c.SetNodeBoundsCommand(view, "id-band", 10, 10, 900, 320),
        "MoveNode": c.MoveNodeCommand(view, "id-np", 30, 50),
        "ResizeNode": c.ResizeNodeCommand(view, "id-np", 200, 80),
        "ReparentNode": c.ReparentNodeCommand(view, "id-np", None),
        "SetNodeFields": c.SetNodeFieldsCommand(view, "id-np", {"style": STYLE,
                                                                "labels": {"en": "P"}}),
        "RemoveNode": c.RemoveNodeCommand(view, "id-band"),
        "AddConnection": c.AddConnectionCommand(view, Connection(
            "id-c2", "id-np", "id-conn", bendpoints=[(1, 2)], style=STYLE)),
        "RemoveConnection": c.RemoveConnectionCommand(view, "id-conn"),
        "SetConnectionStyle": c.SetConnectionStyleCommand(view, "id-conn", STYLE),
        "AddBendpoint": c.AddBendpointCommand(view, "id-conn", 1, 300, 120),
        "MoveBendpoint": c.MoveBendpointCommand(view, "id-conn", 0, 210, 90),
        "RemoveBendpoint": c.RemoveBendpointCommand(view, "id-conn", 0),
        "AddFolder": c.AddFolderCommand("Dữ liệu", [0], folder_id="id-f-new"),
        "RenameFolder": c.RenameFolderCommand([0, 0], "Cấp tỉnh"),
        "MoveFolder": c.MoveFolderCommand([0, 0], [1]),
        "DeleteFolder": c.DeleteFolderCommand([0]),
        "FileInFolder": c.FileInFolderCommand(["id-lgsp", "id-portal", "id-view"], [0, 0]),
        "SetBendpoints": c.SetBendpointsCommand(view, "id-conn", [(200, 75), (300, 75)]),
        "SetConnectionFields": c.SetConnectionFieldsCommand(view, "id-conn", {
            "router": "manhattan", "style": STYLE, "label": "Đồng bộ"}),
        "SetViewDefaultStyle": c.SetViewDefaultStyleCommand(view, "ApplicationComponent",
                                                            STYLE),
        "Compound": c.CompoundCommand("Hai bước", [
            c.RenameElementCommand("id-lgsp", "LGSP tỉnh"),
            c.SetNodeFieldsCommand(view, "id-band", {"style": STYLE})]),
    }


CONCRETE = sorted(kind for kind, cls in _REGISTRY.items() if dataclasses.is_dataclass(cls))


def test_every_concrete_command_class_has_a_sample():
    assert sorted(samples(diagram())) == CONCRETE


def state(model: Model) -> tuple:
    return (model_to_dict(model),
            [[n.id for n in drawing_order(v)] for v in model.views],
            [list(v.connections) for v in model.views])


@pytest.mark.parametrize("kind", CONCRETE)
def test_the_dict_form_makes_and_undoes_the_same_edit(kind):
    original_model, replay_model = diagram(), diagram()
    command = samples(original_model)[kind]
    text = json.dumps(command.to_dict(), ensure_ascii=False)
    again = c.command_from_dict(safe_loads(text))
    assert type(again) is type(command)
    assert again.to_dict() == command.to_dict()

    start = state(original_model)
    history, replay = History(original_model), History(replay_model)
    history.do(command)
    replay.do(again)
    assert state(replay_model) == state(original_model) != start
    reloaded = loads(model_bytes(replay_model), "recovered.egov")  # saveable and readable
    assert reloaded.load_report == []
    assert state(reloaded) == state(replay_model)
    history.undo()
    replay.undo()
    assert state(original_model) == state(replay_model) == start


@pytest.mark.parametrize("raw, problem", [
    ("[]", "must be an object"),
    ('{"command": "Nothing"}', "Unknown command"),
    ('{"command": "MoveNode", "view_id": "v", "node_id": "n", "x": "far", "y": 0}',
     "wrong type"),
    ('{"command": "MoveNode", "view_id": "v", "node_id": "n", "x": 1e300, "y": 0}',
     "wrong type"),
    ('{"command": "MoveNode", "view_id": "v", "node_id": "n", "x": 1}', "lacks"),
    ('{"command": "MoveNode", "view_id": "v", "node_id": "n", "x": 1, "y": 2, "z": 3}',
     "no field"),
    ('{"command": "PlaceNode", "view_id": "v", "node": {"$Node": {"id": 5}}}', "Node"),
    ('{"command": "SetNodeFields", "view_id": "v", "node_id": "n", "changes": '
     '{"style": {"$Style": {"font_size": "big"}}}}', "font_size"),
])
def test_a_damaged_dict_form_is_refused_with_a_reason(raw, problem):
    from egov_modeler.i18n import set_language

    set_language("en")
    with pytest.raises(ModelError, match=problem):
        c.command_from_dict(safe_loads(raw))


def test_a_field_edit_of_the_wrong_type_is_refused_and_changes_nothing():
    model = diagram()
    before = state(model)
    for command in (c.SetElementFieldsCommand("id-portal", {"name": 5}),
                    c.SetNodeFieldsCommand("id-view", "id-np", {"style": "bold"}),
                    c.SetModelFieldsCommand({"metadata": {"k": 1}})):
        with pytest.raises(ModelError):
            model.execute(command)
    assert state(model) == before


def test_geometry_beyond_the_shared_bounds_is_refused():
    model = diagram()
    with pytest.raises(ModelError):
        model.execute(c.MoveNodeCommand("id-view", "id-np", 10**9, 0))
    with pytest.raises(ModelError):
        model.execute(c.PlaceNodeCommand("id-view", Node("id-big", 0, 0, 10**9, 10)))


def test_a_failing_listener_never_hides_an_edit_that_was_made():
    """The edit is made before listeners hear of it: their failure must not reach the
    caller, which would then leave the edit off the undo stack."""
    model = diagram()
    heard = []

    def broken(command):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    model.add_command_listener(broken)
    model.add_command_listener(heard.append)
    command = c.RenameElementCommand("id-portal", "Cổng\ud800")
    assert model.execute(command) is command
    assert heard == [command] and model.element("id-portal").name == "Cổng\ud800"
