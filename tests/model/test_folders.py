"""The model's folders edited by commands: new, rename, move, delete (contents move up,
nothing is deleted) and filing concepts and views; each undoes exactly and announces
itself to the model tree."""

from __future__ import annotations

import pytest

from egov_modeler.model import History, Model, ModelError
from egov_modeler.model import events as ev
from egov_modeler.model.commands import (
    AddFolderCommand,
    DeleteElementCommand,
    DeleteFolderCommand,
    FileInFolderCommand,
    MoveFolderCommand,
    RenameFolderCommand,
)
from egov_modeler.model.concepts import Folder
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import loads, model_bytes


@pytest.fixture
def model() -> Model:
    model = Model("Tỉnh")
    model.add_element("ApplicationComponent", "Cổng DVC", id="id-portal")
    model.add_element("ApplicationComponent", "LGSP", id="id-lgsp")
    model.relate("id-portal", "Flow", "id-lgsp", id="id-flow")
    model.add_view("Sơ đồ", id="id-view")
    model.folders = [Folder("Ứng dụng", refs=["id-portal"],
                            folders=[Folder("Nền tảng", refs=["id-lgsp"])])]
    return model


def labels(model: Model) -> list[tuple[str, list[str]]]:
    return [(f.label, list(f.refs)) for f in model.iter_folders()]


def test_new_rename_move_and_delete_folders_each_undo_exactly(model):
    history = History(model)
    start = model_to_dict(model)
    history.do(AddFolderCommand("Dữ liệu"))
    history.do(AddFolderCommand("Cơ sở dữ liệu", [1]))
    history.do(RenameFolderCommand([0, 0], "Nền tảng tích hợp"))
    history.do(MoveFolderCommand([1], [0]))
    assert labels(model) == [("Ứng dụng", ["id-portal"]), ("Nền tảng tích hợp", ["id-lgsp"]),
                             ("Dữ liệu", []), ("Cơ sở dữ liệu", [])]
    assert [f.label for f in model.folders[0].folders] == ["Nền tảng tích hợp", "Dữ liệu"]
    for _ in range(4):
        history.undo()
    assert model_to_dict(model) == start


def test_deleting_a_folder_keeps_what_it_held_one_level_up(model):
    history = History(model)
    start = model_to_dict(model)
    history.do(DeleteFolderCommand([0, 0]))  # "Nền tảng": LGSP goes to "Ứng dụng"
    assert labels(model) == [("Ứng dụng", ["id-portal", "id-lgsp"])]
    history.undo()
    history.do(DeleteFolderCommand([0]))  # a top-level folder: its sub-folder moves up
    assert labels(model) == [("Nền tảng", ["id-lgsp"])]
    assert model.has_element("id-portal")  # unfiled, never deleted
    history.undo()
    assert model_to_dict(model) == start


def test_filing_moves_from_the_old_folder_and_none_takes_out_of_every_folder(model):
    history = History(model)
    start = model_to_dict(model)
    history.do(FileInFolderCommand(["id-lgsp", "id-flow", "id-view"], [0]))
    assert labels(model) == [("Ứng dụng", ["id-portal", "id-lgsp", "id-flow", "id-view"]),
                             ("Nền tảng", [])]
    history.do(FileInFolderCommand(["id-portal"], None))
    assert labels(model)[0] == ("Ứng dụng", ["id-lgsp", "id-flow", "id-view"])
    history.undo()
    history.undo()
    assert model_to_dict(model) == start


@pytest.mark.parametrize("command, reason", [
    (MoveFolderCommand([0], [0, 0]), "into itself"),
    (RenameFolderCommand([0], "  "), "needs a name"),
    (AddFolderCommand("X", [5]), "No folder"),
    (DeleteFolderCommand([]), "No folder"),
    (FileInFolderCommand(["id-nothing"], [0]), "No element"),
])
def test_impossible_folder_edits_are_refused_and_change_nothing(model, command, reason):
    from egov_modeler.i18n import set_language

    set_language("en")
    try:
        start = model_to_dict(model)
        with pytest.raises(ModelError, match=reason):
            model.execute(command)
        assert model_to_dict(model) == start
    finally:
        set_language("vi")


def test_folder_edits_and_undoing_a_delete_announce_the_folders(model):
    heard: list[ev.ModelEvent] = []
    model.subscribe(heard.append)
    history = History(model)
    history.do(FileInFolderCommand(["id-view"], [0]))
    assert isinstance(heard[-1], ev.FoldersChanged)
    history.do(DeleteElementCommand("id-lgsp"))
    heard.clear()
    history.undo()  # LGSP comes back into its folder, and the tree must hear of it
    assert any(isinstance(e, ev.FoldersChanged) for e in heard)
    assert model.folders[0].folders[0].refs == ["id-lgsp"]


def test_folders_made_in_the_window_are_saved_and_read_back(model):
    model.execute(AddFolderCommand("Dữ liệu", folder_id="id-folder-data"))
    model.execute(FileInFolderCommand(["id-flow"], [1]))
    again = loads(model_bytes(model), "m.egov")
    assert again.load_report == []
    assert labels(again) == labels(model)
    assert again.folders[1].id == "id-folder-data"
