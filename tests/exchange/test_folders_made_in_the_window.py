"""Folders made and filled in the window (folder commands) come back exactly from the
exchange XML and from Archi's file, ids and nesting included."""

from __future__ import annotations

from egov_modeler.exchange.archi_reader import read_archi_bytes
from egov_modeler.exchange.archi_writer import archi_bytes
from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.model.commands import AddFolderCommand, FileInFolderCommand
from egov_modeler.model.serialization import folder_to_dict


def test_folders_made_in_the_window_survive_the_exchange_xml_and_archi():
    model = Model("Tỉnh")
    model.add_element("ApplicationComponent", "Cổng DVC", id="id-a")
    model.add_element("ApplicationComponent", "LGSP", id="id-b")
    model.relate("id-a", "Flow", "id-b", id="id-r")
    model.add_view("Sơ đồ", id="id-v")
    model.execute(AddFolderCommand("Hệ thống của tỉnh", folder_id="id-f1"))
    model.execute(AddFolderCommand("Tích hợp", [0], folder_id="id-f2"))
    model.execute(FileInFolderCommand(["id-a", "id-v"], [0]))
    model.execute(FileInFolderCommand(["id-r"], [0, 0]))
    expected = [folder_to_dict(f) for f in model.folders]
    for again in (read_exchange_bytes(exchange_bytes(model), "m.xml"),
                  read_archi_bytes(archi_bytes(model)[0], "m.archimate")):
        assert again.load_report == []
        assert [folder_to_dict(f) for f in again.folders] == expected
