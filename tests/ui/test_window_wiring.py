"""The window's menus reach the program's other rooms: Archi's files and CSV, files shared
with another window or changed by another program, framework profiles and migration, the
model repository, the Word dossier and printing, About and Preferences."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt

from egov_modeler.model import Model
from egov_modeler.model.catalog.model_profile import profile_id_of
from egov_modeler.storage.native import load, save
from egov_modeler.ui.dialogs.file_actions import DiskChoice, LockChoice
from tests.helpers import paths
from tests.helpers.ui import FakeDialogs, drop

ARCHI = paths.REPO / "tests" / "data" / "archi"


# --------------------------------------------------------------------------- other files
def test_open_reads_an_archi_model_into_an_untitled_document(window):
    source = ARCHI / "models" / "archi__Archisurance.archimate"
    assert window.files.open_path(str(source), ask_to_save=False)
    model = window.current_model()
    assert len(model.elements) > 50 and model.views
    assert window.document.path is None  # Save asks where: the Archi file is not replaced
    window.dialogs.save_answer = None
    assert not window.files.save()


def test_save_as_archimate_writes_a_copy_and_keeps_the_document(window, tmp_path):
    drop(window, "u_nguoi_dan", 200, 70)
    assert window.files.save_to(str(tmp_path / "m.egov"))
    drop(window, "k_web", 200, 240)
    window.dialogs.save_answer = str(tmp_path / "m.archimate")
    assert window.files.save_as()
    assert (tmp_path / "m.archimate").read_bytes().startswith(b"<?xml")
    assert window.document.path == str(tmp_path / "m.egov")
    assert window.isWindowModified()  # the .egov file does not hold the last drop yet


def test_archi_csv_merges_into_the_model_as_one_undo_step(window):
    before = len(window.current_model().elements)
    steps = window.document.undo_stack.count()
    window.dialogs.open_answer = str(ARCHI / "csv" / "archi-test1" / "elements.csv")
    assert window.exports.import_csv()
    assert len(window.current_model().elements) > before
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert len(window.current_model().elements) == before


def test_a_refused_csv_row_changes_nothing_and_is_named(window, tmp_path):
    bad = tmp_path / "elements.csv"
    bad.write_text('"ID","Type","Name","Documentation","Specialization"\n'
                   '"id-x","NoSuchType","X","",""\n', encoding="utf-8-sig")
    before = len(window.current_model().elements)
    window.dialogs.open_answer = str(bad)
    assert not window.exports.import_csv()
    assert len(window.current_model().elements) == before
    title, text, details = window.dialogs.errors[-1]
    assert "elements.csv" in details and "NoSuchType" in details


def test_archi_csv_export_through_its_dialog(window, tmp_path):
    drop(window, "u_nguoi_dan", 200, 70)
    window.dialogs.prepare_dialog = lambda dialog: dialog.folder_edit.setText(str(tmp_path))
    assert window.exports.export_csv()
    assert {p.name for p in tmp_path.iterdir()} >= {"elements.csv", "relations.csv",
                                                    "properties.csv"}
    assert "Người dân" in (tmp_path / "elements.csv").read_text(encoding="utf-8-sig")


def test_word_dossier_through_the_dossier_dialog(window, tmp_path):
    from docx import Document

    drop(window, "u_nguoi_dan", 200, 70)
    window.dialogs.save_answer = str(tmp_path / "ho-so")
    assert window.exports.export_docx()
    text = "\n".join(p.text for p in Document(str(tmp_path / "ho-so.docx")).paragraphs)
    assert "Hình 1." in text


# --------------------------------------------------------------------------- shared files
def _saved(window, tmp_path) -> str:
    drop(window, "u_nguoi_dan", 200, 70)
    path = str(tmp_path / "gia-lai.egov")
    assert window.files.save_to(path)
    return path


def test_a_file_open_in_another_window_opens_read_only_on_request(window, qtbot, tmp_path):
    from egov_modeler.ui import open_window

    path = _saved(window, tmp_path)
    other = open_window(dialogs=FakeDialogs())
    qtbot.addWidget(other)
    other.dialogs.lock_answer = LockChoice.READ_ONLY
    assert other.files.open_path(path, ask_to_save=False)
    (text,) = [text for question, text in other.dialogs.asked if question == "locked"]
    assert "gia-lai.egov" in text
    assert other.document.read_only
    other.dialogs.save_answer = str(tmp_path / "ban-sao.egov")
    assert other.files.save()  # read-only: Save asks for another name
    assert other.document.path == str(tmp_path / "ban-sao.egov")
    other.document.undo_stack.setClean()
    other.close()


def test_cancel_on_the_lock_question_keeps_the_open_model(window, qtbot, tmp_path):
    from egov_modeler.ui import open_window

    path = _saved(window, tmp_path)
    other = open_window(dialogs=FakeDialogs())
    qtbot.addWidget(other)
    shown = other.current_model()
    assert not other.files.open_path(path, ask_to_save=False)
    assert other.current_model() is shown


def test_a_file_changed_by_another_program_is_not_overwritten_without_asking(window, tmp_path):
    path = _saved(window, tmp_path)
    save(Model("Bản của đồng nghiệp"), path)  # a colleague, a sync client, git pull
    drop(window, "k_web", 200, 240)
    window.dialogs.disk_answer = DiskChoice.CANCEL
    assert not window.files.save()
    assert load(path).name == "Bản của đồng nghiệp"
    assert window.dialogs.asked[-1][0] == "changed"
    window.dialogs.disk_answer = DiskChoice.OVERWRITE
    assert window.files.save()
    assert len(load(path).elements) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files anyway")
def test_a_read_only_file_opens_read_only(window, tmp_path):
    path = _saved(window, tmp_path)
    os.chmod(path, stat.S_IRUSR)
    assert window.files.open_path(path, ask_to_save=False)
    assert window.document.read_only


def test_closing_the_window_frees_the_file_for_others(window, qtbot, tmp_path):
    from egov_modeler.storage.lock import read_lock

    path = _saved(window, tmp_path)
    assert read_lock(path) is not None
    window.document.undo_stack.setClean()
    window.close()
    assert read_lock(path) is None


# --------------------------------------------------------------------------- profiles
def test_opening_a_2_0_model_offers_migration_once_and_it_is_one_undo_step(window, tmp_path):
    from egov_modeler.storage.templates import load_template

    path = tmp_path / "tinh-2020.egov"
    save(load_template("provincial-2020"), path)
    window.dialogs.migrate_answer = True
    shown = []
    window.dialogs.prepare_dialog = lambda dialog: shown.append(dialog.objectName())
    assert window.files.open_path(str(path), ask_to_save=False)
    assert shown == ["migrate_dialog", "migration_report"]
    model = window.current_model()
    assert profile_id_of(model) == "vn-digital-2025"
    assert "2025" in window.profiles.label.text() or "số" in window.profiles.label.text()
    problem_list = window.problems.list.model()
    rules = {problem_list.index(i, 2).data() for i in range(problem_list.rowCount())}
    assert "migration" in rules  # the decisions are in the Problems panel
    window.document.undo_stack.undo()
    assert profile_id_of(window.current_model()) == "vn-egov-2.0"
    assert window.profiles.act_migrate.isEnabled()
    window.dialogs.migrate_answer = True
    shown.clear()
    assert window.files.open_path(str(path), ask_to_save=False)
    assert shown == []  # offered once per file and session


def test_the_palette_follows_the_models_profile(window):
    assert window.palette_dock.find_payload("u_nguoi_dan").isValid()  # a 2.0 model
    assert window.files.new_from_template("empty-2025")
    assert window.palette_dock.find_payload("nsd_nguoi_dan").isValid()
    assert not window.palette_dock.find_payload("u_nguoi_dan").isValid()


def test_file_new_asks_for_profile_and_template(window):
    def choose(dialog):
        dialog.profiles.setCurrentIndex(dialog.profiles.findData("vn-digital-2025"))
        for row in range(dialog.templates.count()):
            if dialog.templates.item(row).data(Qt.ItemDataRole.UserRole) == "provincial-2026":
                dialog.templates.setCurrentRow(row)

    window.dialogs.prepare_dialog = choose
    window.files.act_new.trigger()
    model = window.current_model()
    assert profile_id_of(model) == "vn-digital-2025" and len(model.elements) > 40
    assert window.document.path is None


def test_a_broken_profile_file_is_refused_with_a_message(window, tmp_path):
    broken = tmp_path / "tinh.json"
    broken.write_text('{"format": "egov-modeler-catalog", "format_version": 1, "profile": 5}',
                      encoding="utf-8")
    assert not window.profiles.load_profile(str(broken))
    title, text, _details = window.dialogs.errors[-1]
    assert "tinh.json" in text


# --------------------------------------------------------------------------- repository
def test_the_repository_menu_creates_a_repository_and_commits(window, tmp_path):
    path = _saved(window, tmp_path)
    dock = window.repository.dock
    assert dock.path == path
    window.dialogs.text_answer = "Nguyễn Văn A <a@sokhcn.gialai.gov.vn>"
    assert dock.create_repository()
    assert (tmp_path / ".git").is_dir()
    drop(window, "k_web", 200, 240)
    window.repository.commit()
    dock.message.setText("Thêm cổng web")
    assert dock.commit()  # saves the unsaved edit first
    assert not window.isWindowModified()
    history = dock.history
    texts = [history.topLevelItem(i).text(c) for i in range(history.topLevelItemCount())
             for c in range(history.columnCount())]
    assert any("Thêm cổng web" in text for text in texts)


# --------------------------------------------------------------------------- app
def test_about_and_preferences(window):
    window.dialogs.prepare_dialog = lambda dialog: None
    window.app.about()
    assert window.dialogs.dialogs_shown[-1].objectName() == "about"

    def english(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("en"))

    window.dialogs.prepare_dialog = english
    assert window.app.preferences()
    from egov_modeler.ui.settings import preferred_language

    assert preferred_language(window.settings) == "en"
    assert "English" in window.statusBar().currentMessage()


def test_the_menus_name_every_room(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Tệp", "&Sửa", "&Hiển thị", "Sắ&p xếp", "Định &dạng", "&Công cụ",
                      "&Kiểm kê", "&Kho mô hình", "Trợ &giúp"]



def test_no_stray_tab_bar_is_painted_over_the_diagram(window):
    """Qt 6.11 leaves a second, stray tab bar when two dock pairs are tabified; the window
    tabifies one pair only, so every visible tab bar is a dock area's own."""
    from PySide6.QtWidgets import QTabBar

    canvas = window.current_canvas()
    over_canvas = canvas.rect().translated(canvas.mapTo(window, canvas.rect().topLeft()))
    bars = [bar for bar in window.findChildren(QTabBar)
            if bar.parent() is window and bar.isVisible()]
    names = [tuple(bar.tabText(i) for i in range(bar.count())) for bar in bars]
    assert len(names) == len(set(names))
    assert not any(over_canvas.intersects(bar.geometry()) for bar in bars)
