"""Each controller of the window on its own: a Document, the answers a user would give,
and a plain widget as parent — no main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from egov_modeler.exchange.oef_writer import write_exchange
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import load, save
from egov_modeler.ui.dialogs.file_actions import RecentFiles, SaveChoice
from egov_modeler.ui.docks.properties_dock import PropertiesDock
from egov_modeler.ui.document import Document
from egov_modeler.ui.window.edit_controller import EditController
from egov_modeler.ui.window.export_controller import ExportController
from egov_modeler.ui.window.file_controller import FileController
from egov_modeler.ui.window.view_controller import ViewController
from tests.helpers.ui import FakeDialogs, overview_model


class Parts:
    """The pieces a controller is made of, and the status messages it gave."""

    def __init__(self, qtbot, tmp_path) -> None:
        self.parent = QWidget()
        qtbot.addWidget(self.parent)
        self.document = Document("vi", self.parent)
        self.dialogs = FakeDialogs()
        self.messages: list[str] = []
        self.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    def status(self, message: str, _timeout: int = 0) -> None:
        self.messages.append(message)

    def files(self) -> FileController:
        return FileController(self.document, self.dialogs, RecentFiles(self.settings),
                              self.status, self.parent)

    def views(self) -> ViewController:
        properties = PropertiesDock(self.parent)
        return ViewController(self.document, self.dialogs, properties, self.status,
                              self.parent)


@pytest.fixture
def parts(qtbot, tmp_path):
    return Parts(qtbot, tmp_path)


# --------------------------------------------------------------------------- Document
def test_document_replace_starts_a_fresh_history_at_the_new_path(parts, tmp_path):
    document = parts.document
    replaced, titles = [], []
    document.replaced.connect(lambda: replaced.append(document.model))
    document.titleChanged.connect(lambda: titles.append(document.name()))
    model, _view, _bands = overview_model()
    old_editor = document.editor
    document.replace(model, str(tmp_path / "a.egov"))
    assert replaced == [model] and document.model is model
    assert document.path == str(tmp_path / "a.egov") and titles[-1] == "a.egov"
    assert document.editor is not old_editor and document.editor.model is model
    assert not document.is_modified() and document.undo_stack.count() == 0
    from egov_modeler.model.commands import SetModelFieldsCommand

    assert document.editor.run(SetModelFieldsCommand({"name": "Kiến trúc mới"}))
    assert document.is_modified() and document.undo_stack.count() == 1
    document.saved_as(str(tmp_path / "b.egov"))
    assert not document.is_modified() and document.name() == "b.egov"


# --------------------------------------------------------------------------- files
def test_a_broken_file_is_refused_and_the_open_model_stays(parts, tmp_path):
    files = parts.files()
    model, _view, _bands = overview_model()
    parts.document.replace(model, None)
    broken = tmp_path / "broken.egov"
    broken.write_text("{not json", encoding="utf-8")
    assert not files.open_path(str(broken), ask_to_save=False)
    assert parts.document.model is model
    assert parts.dialogs.errors and "broken.egov" in parts.dialogs.errors[0][1]


def test_save_writes_the_file_and_marks_the_document_saved(parts, tmp_path):
    files = parts.files()
    model, _view, _bands = overview_model()
    parts.document.replace(model, None)
    parts.document.undo_stack.resetClean()
    parts.dialogs.save_answer = str(tmp_path / "kien-truc")
    assert files.save()  # untitled: asks for a name, adds .egov
    assert load(tmp_path / "kien-truc.egov").name == model.name
    assert not parts.document.is_modified()
    assert files.recent.paths() == [str(tmp_path / "kien-truc.egov")]
    assert files.recent_menu.isEnabled()


def test_unsaved_changes_are_asked_about_and_cancel_keeps_them(parts):
    files = parts.files()
    model, _view, _bands = overview_model()
    parts.document.replace(model, None)
    parts.document.undo_stack.resetClean()
    parts.dialogs.save_choice = SaveChoice.CANCEL
    assert not files.new_from_template("empty")
    assert parts.document.model is model
    parts.dialogs.save_choice = SaveChoice.DISCARD
    assert files.new_from_template("empty")
    assert parts.document.model is not model and parts.document.model.views


# --------------------------------------------------------------------------- views
def test_the_document_opens_its_first_view_and_new_views_get_tabs(parts):
    views = parts.views()
    model, view_id, _bands = overview_model()
    parts.document.replace(model, None)
    assert views.current_view_id() == view_id and views.tabs.count() == 1
    parts.dialogs.text_answer = "Sơ đồ tích hợp"
    new_id = views.new_view()
    assert model.view(new_id).name == "Sơ đồ tích hợp"
    assert views.current_view_id() == new_id and views.tabs.count() == 2
    parts.document.undo_stack.undo()  # the new view goes, and so does its tab
    assert views.tabs.count() == 1 and not model.has_view(new_id)


def test_deleting_a_view_asks_first(parts):
    views = parts.views()
    model, view_id, _bands = overview_model()
    parts.document.replace(model, None)
    parts.dialogs.confirm_answer = False
    assert not views.delete_view(view_id) and model.has_view(view_id)
    parts.dialogs.confirm_answer = True
    assert views.delete_view(view_id) and not model.has_view(view_id)
    assert views.tabs.count() == 0
    assert "Sơ đồ khái quát" in parts.dialogs.confirms[0][1]


def test_a_concept_on_no_view_is_explained_on_the_status_line(parts):
    views = parts.views()
    model, _view_id, _bands = overview_model()
    parts.document.replace(model, None)
    lone = model.add_element("ApplicationComponent", "Hệ thống một cửa")
    assert not views.reveal_concept(lone.id)
    assert "Hệ thống một cửa" in parts.messages[-1]


# --------------------------------------------------------------------------- editing
def test_delete_from_view_and_from_model_are_one_undo_step_each(parts):
    views = parts.views()
    edits = EditController(parts.document, views, parts.dialogs, parts.status, parts.parent)
    model, view_id, _bands = overview_model()
    portal = model.add_element("ApplicationComponent", "Cổng dịch vụ công tỉnh")
    parts.document.replace(model, None)
    from tests.helpers import place

    node = place(model, view_id, portal.id, 100, 200)
    views.open_view(view_id)
    scene = views.current_canvas().diagram()
    scene.select_ids([node.id])
    assert edits.delete_selection()
    assert node.id not in model.view(view_id).nodes and model.has_element(portal.id)
    parts.document.undo_stack.undo()
    scene.select_ids([node.id])
    assert edits.delete_from_model()
    assert not model.has_element(portal.id)
    assert parts.document.undo_stack.index() == 1  # the whole delete is one step
    parts.document.undo_stack.undo()
    assert model.has_element(portal.id) and node.id in model.view(view_id).nodes


# --------------------------------------------------------------------------- export
def test_export_and_import_of_the_exchange_file(parts, tmp_path):
    views = parts.views()
    files = parts.files()
    exports = ExportController(parts.document, files, views, parts.dialogs, parts.status,
                               parts.parent)
    model, _view_id, _bands = overview_model()
    parts.document.replace(model, None)
    parts.dialogs.save_answer = str(tmp_path / "out.xml")
    assert exports.export_exchange()
    parts.dialogs.open_answer = str(tmp_path / "out.xml")
    assert exports.import_exchange()
    imported = parts.document.model
    assert imported is not model and parts.document.path is None
    assert [e.name for e in imported.elements] == [e.name for e in model.elements]


def test_image_export_needs_a_view(parts, tmp_path):
    views = parts.views()
    exports = ExportController(parts.document, parts.files(), views, parts.dialogs,
                               parts.status, parts.parent)
    model, _view_id, _bands = overview_model()
    parts.document.replace(model, None)
    assert exports.act_export_png.isEnabled()
    views.close_tab(0)
    assert not exports.act_export_png.isEnabled()
    assert not exports.export_image("png")


def test_an_import_that_fails_leaves_the_model(parts, tmp_path):
    exports = ExportController(parts.document, parts.files(), parts.views(), parts.dialogs,
                               parts.status, parts.parent)
    model, _view_id, _bands = overview_model()
    parts.document.replace(model, None)
    before = model_to_dict(model)
    bad = tmp_path / "bad.xml"
    bad.write_text("<model/>", encoding="utf-8")
    parts.dialogs.open_answer = str(bad)
    assert not exports.import_exchange()
    assert parts.document.model is model and model_to_dict(model) == before
    assert parts.dialogs.errors


def test_saved_file_round_trips_through_the_file_controller(parts, tmp_path):
    files = parts.files()
    model, _view_id, _bands = overview_model()
    save(model, tmp_path / "m.egov")
    write_exchange(model, tmp_path / "m.xml")
    assert files.open_path(str(tmp_path / "m.egov"), ask_to_save=False)
    assert model_to_dict(parts.document.model) == model_to_dict(model)
    assert parts.document.path == str(tmp_path / "m.egov")
