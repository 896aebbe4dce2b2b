"""Renaming an element from the catalog: the catalog's name in the other language goes
with the old name (an English dossier must not call a renamed system by its catalog name),
names the user typed stay, and undo brings everything back."""

from __future__ import annotations

from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import History, Model
from egov_modeler.model.catalog import element_from_component, rename_element_command
from egov_modeler.model.commands import AddElementCommand, command_from_dict

ONE_STOP = "a_httt_gq_tthc"


def one_stop_model() -> tuple[Model, str]:
    model = Model("Tỉnh")
    element = element_from_component(ONE_STOP)
    model.execute(AddElementCommand(element))
    return model, element.id


def test_a_vietnamese_rename_drops_the_catalogs_english_name():
    model, element_id = one_stop_model()
    catalog_english = model.element(element_id).names["en"]
    history = History(model)
    history.do(rename_element_command(model, element_id, "Hệ thống một cửa tỉnh Gia Lai"))
    element = model.element(element_id)
    assert element.name == "Hệ thống một cửa tỉnh Gia Lai" and "en" not in element.names
    assert catalog_english.encode() not in exchange_bytes(model)
    history.undo()
    assert model.element(element_id).names["en"] == catalog_english


def test_an_english_name_the_user_typed_stays():
    model, element_id = one_stop_model()
    model.execute(rename_element_command(model, element_id, "Gia Lai one-stop system", "en"))
    model.execute(rename_element_command(model, element_id, "Hệ thống một cửa Gia Lai"))
    assert model.element(element_id).names["en"] == "Gia Lai one-stop system"


def test_the_rename_travels_through_its_dict_form():
    model, element_id = one_stop_model()
    command = rename_element_command(model, element_id, "Một cửa")
    replayed = command_from_dict(command.to_dict())
    assert replayed.drop_names == ["en"]
    model.execute(replayed)
    assert "en" not in model.element(element_id).names
