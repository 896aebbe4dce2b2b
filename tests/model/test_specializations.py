"""Specializations (Archi's profiles) and the few style and view fields Archi's files
brought to the model: kept by the native file, editable by commands, carried by the
journal's dict form."""

from __future__ import annotations

import json

from egov_modeler.model import Model
from egov_modeler.model.commands import (
    SetElementFieldsCommand,
    SetModelFieldsCommand,
    SetRelationshipFieldsCommand,
    SetViewFieldsCommand,
    command_from_dict,
)
from egov_modeler.model.concepts import Profile
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Node, Style
from egov_modeler.storage.native import load, loads, save


def model_with_specializations() -> Model:
    model = Model("Kiến trúc")
    portal = model.add_element("ApplicationComponent", "Cổng DVC",
                               specialization="Nền tảng dùng chung")
    data = model.add_element("DataObject", "Hồ sơ")
    model.relate(portal.id, "Access", data.id, specialization="Đọc qua LGSP")
    model.profiles = [Profile("id-p1", "Nền tảng dùng chung", "ApplicationComponent",
                              "images/nen-tang.png"),
                      Profile("id-p2", "Đọc qua LGSP", "Access")]
    model.images = {"images/nen-tang.png": b"\x89PNG\r\n\x1a\n\x00\xff"}
    view = model.add_view("Sơ đồ", connection_router="manhattan")
    view.nodes["n"] = Node("n", 0, 0, 120, 55, element_id=portal.id,
                           style=Style(text_alignment="left", text_position="bottom"))
    return model


def test_the_native_file_keeps_specializations_profiles_images_and_layout(tmp_path):
    model = model_with_specializations()
    save(model, tmp_path / "m.egov")
    again = load(tmp_path / "m.egov")
    assert model_to_dict(again) == model_to_dict(model)
    assert again.images == model.images
    assert next(e for e in again.elements if e.name == "Cổng DVC").specialization == (
        "Nền tảng dùng chung")
    assert again.views[0].connection_router == "manhattan"
    assert again.views[0].nodes["n"].style.text_position == "bottom"


def test_a_damaged_image_in_a_native_file_is_left_out_and_reported(tmp_path):
    """As every damaged value of a .egov file: the rest loads, the report names it."""
    model = model_with_specializations()
    save(model, tmp_path / "m.egov")
    data = json.loads((tmp_path / "m.egov").read_text(encoding="utf-8"))
    data["images"]["images/nen-tang.png"] = "không phải base64!"
    loaded = loads(json.dumps(data).encode("utf-8"), "m.egov")
    assert "images/nen-tang.png" not in loaded.images
    assert [p.name for p in loaded.profiles] == [p.name for p in model.profiles]
    assert any("images/nen-tang.png" in line for line in loaded.load_report)


def test_specializations_and_profiles_are_edited_by_undoable_commands():
    model = model_with_specializations()
    portal, rel, view = model.elements[0], model.relationships[0], model.views[0]
    before = model_to_dict(model)
    commands = [
        SetElementFieldsCommand(portal.id, {"specialization": None}),
        SetRelationshipFieldsCommand(rel.id, {"specialization": "Ghi"}),
        SetModelFieldsCommand({"profiles": [Profile("id-p3", "Ghi", "Access")]}),
        SetViewFieldsCommand(view.id, {"connection_router": ""}),
    ]
    for command in commands:
        model.execute(command)
    assert portal.specialization is None and rel.specialization == "Ghi"
    assert [p.name for p in model.profiles] == ["Ghi"]
    for command in reversed(commands):
        command.revert(model)
    assert model_to_dict(model) == before


def test_the_journal_form_of_a_profiles_edit_gives_profiles_back():
    command = SetModelFieldsCommand({"profiles": [Profile("id-p", "Tỉnh", "BusinessActor",
                                                          "images/a.png")]})
    again = command_from_dict(json.loads(json.dumps(command.to_dict())))
    model = Model("m")
    model.execute(again)
    assert model.profiles == [Profile("id-p", "Tỉnh", "BusinessActor", "images/a.png")]
