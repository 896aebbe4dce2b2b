"""File menu of the window: templates, recent files, import/export, PDF and printing
(pytest-qt, offscreen; every dialog is answered in advance)."""

from __future__ import annotations

import copy
import shutil
import subprocess

import pytest

pytest.importorskip("pytestqt")

from egov_modeler.model.serialization import model_to_dict
from tests.helpers.ui import (
    drop,
)


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_export_pdf_writes_the_dossier_with_the_diagram(window, tmp_path):
    drop(window, "c_cong_dvc_tinh", 300, 240)
    window.dialogs.save_answer = str(tmp_path / "ho-so.pdf")

    def type_agency(dialog):
        edit = next(iter(dialog.field_edits.values()))
        edit.setText("Sở Khoa học và Công nghệ tỉnh Gia Lai")
    window.dialogs.prepare_dialog = type_agency
    steps = window.document.undo_stack.count()
    assert window.exports.export_pdf()
    assert window.dialogs.dialogs_shown  # the options dialog was shown
    text = pdf_text(tmp_path / "ho-so.pdf")
    assert "Cổng Dịch vụ công" in text
    assert "Sở Khoa học và Công nghệ tỉnh Gia Lai" in text
    assert window.document.undo_stack.count() == steps + 1  # the typed field is one undo step


def _held_open_by_another_program(monkeypatch) -> None:
    """Every replace answered as Windows answers while a reader holds the file open."""
    from egov_modeler.storage import atomic

    def held_open(source, target):
        exc = PermissionError(13, "Access is denied", str(source))
        exc.winerror = 5
        raise exc

    monkeypatch.setattr(atomic.os, "replace", held_open)
    monkeypatch.setattr(atomic.time, "sleep", lambda _s: None)


def test_a_dossier_open_in_another_program_is_named_in_the_error(window, tmp_path,
                                                                  monkeypatch):
    """Windows refuses to replace a PDF a reader holds open; the message says which file
    and what to do, and the old dossier stays."""
    drop(window, "c_cong_dvc_tinh", 300, 240)
    path = tmp_path / "ho-so.pdf"
    path.write_bytes(b"%PDF- the dossier sent last week")
    window.dialogs.save_answer = str(path)

    _held_open_by_another_program(monkeypatch)
    assert not window.exports.export_pdf()
    ((title, text, details),) = window.dialogs.errors
    message = " ".join((title, text, details))
    assert "‘ho-so.pdf’" in message and "đang mở" in message and ".tmp" not in message
    assert path.read_bytes() == b"%PDF- the dossier sent last week"


def test_a_model_file_open_in_another_program_is_named_when_saving(window, tmp_path,
                                                                     monkeypatch):
    """The same refusal on File > Save: the message names the file, not Windows' own
    "Access is denied", and the file stays as it was."""
    path = tmp_path / "gia-lai.egov"
    assert window.files.save_to(str(path))
    saved = path.read_bytes()
    drop(window, "c_cong_dvc_tinh", 300, 240)

    _held_open_by_another_program(monkeypatch)
    assert not window.files.save_to(str(path))
    ((title, text, details),) = window.dialogs.errors
    assert "‘gia-lai.egov’" in details and "đang mở" in details
    assert "Access is denied" not in " ".join((title, text, details))
    assert path.read_bytes() == saved and window.isWindowModified()
    window.document.undo_stack.setClean()


def test_cancelling_the_pdf_dialog_writes_nothing(window, tmp_path):
    window.dialogs.save_answer = str(tmp_path / "ho-so.pdf")
    window.dialogs.dialog_answer = False
    assert not window.exports.export_pdf()
    assert not (tmp_path / "ho-so.pdf").exists()


def pdf_page_count(path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def test_print_previews_the_dossier_and_prints_its_pages(window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    drop(window, "u_nguoi_dan", 200, 70)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "print.pdf"))
    shown = []

    def print_from_preview(dialog):
        shown.append((dialog.page_count(), dialog.pdf()))
        dialog.print_to(printer)

    window.dialogs.prepare_dialog = print_from_preview
    assert window.exports.print_dossier()
    (pages, pdf), = shown
    (tmp_path / "dossier.pdf").write_bytes(pdf)
    assert "Người dân" in pdf_text(tmp_path / "dossier.pdf")  # what the preview shows
    assert pdf_page_count(tmp_path / "print.pdf") == pages  # and what the printer got


def test_export_png_and_svg_of_the_current_view(window, tmp_path):
    drop(window, "u_nguoi_dan", 200, 70)
    window.dialogs.save_answer = str(tmp_path / "view.svg")
    assert window.exports.export_image("svg")
    assert "Người dân" in (tmp_path / "view.svg").read_text(encoding="utf-8")
    window.dialogs.save_answer = str(tmp_path / "view.png")
    assert window.exports.export_image("png")
    assert (tmp_path / "view.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_archimate_export_then_import_gives_the_model_back(window, tmp_path):
    drop(window, "u_nguoi_dan", 200, 70)
    drop(window, "c_cong_dvc_tinh", 300, 240)
    window.dialogs.save_answer = str(tmp_path / "model.xml")
    assert window.exports.export_exchange()
    exported = copy.deepcopy(model_to_dict(window.current_model()))
    window.document.undo_stack.setClean()
    window.dialogs.open_answer = str(tmp_path / "model.xml")
    assert window.exports.import_exchange()
    imported = model_to_dict(window.current_model())
    names = sorted(e["name"] for e in imported["elements"])
    assert names == sorted(e["name"] for e in exported["elements"])
    assert not window.isWindowModified()


def test_importing_a_broken_exchange_file_keeps_the_open_model(window, tmp_path):
    drop(window, "u_nguoi_dan", 200, 70)
    before = copy.deepcopy(model_to_dict(window.current_model()))
    broken = tmp_path / "broken.xml"
    broken.write_text("<model><elements>", encoding="utf-8")
    window.dialogs.open_answer = str(broken)
    from egov_modeler.ui.dialogs.file_actions import SaveChoice

    window.dialogs.save_choice = SaveChoice.DISCARD
    assert not window.exports.import_exchange()
    assert window.dialogs.errors
    assert model_to_dict(window.current_model()) == before


def test_recent_files_list_the_saved_file_first(window, tmp_path):
    first, second = tmp_path / "a.egov", tmp_path / "b.egov"
    assert window.files.save_to(str(first))
    assert window.files.save_to(str(second))
    assert window.files.recent.paths()[:2] == [str(second), str(first)]
    titles = [a.text() for a in window.files.recent_menu.actions()]
    assert titles[:2] == ["b.egov", "a.egov"]
    assert window.windowTitle().startswith("b.egov")


def test_save_as_adds_the_extension_and_clears_the_modified_mark(window, tmp_path):
    drop(window, "u_nguoi_dan", 200, 70)
    assert window.isWindowModified()
    window.dialogs.save_answer = str(tmp_path / "gia-lai")
    assert window.files.save()  # untitled: Save asks where
    assert (tmp_path / "gia-lai.egov").exists()
    assert not window.isWindowModified()
    window.document.undo_stack.undo()  # back before the save: modified again
    assert window.isWindowModified()


def _without_id(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "id"}


def test_starting_without_a_file_opens_the_current_national_template_untitled(qtbot):
    from egov_modeler.storage.templates import load_template
    from egov_modeler.ui import open_window

    win = open_window()
    qtbot.addWidget(win)
    expected = _without_id(model_to_dict(load_template("national-2025")))
    assert _without_id(model_to_dict(win.current_model())) == expected
    assert win.document.path is None
    assert not win.isWindowModified()
    view = win.current_model().view(win.current_view_id())
    bands = [n for n in view.nodes.values() if n.layer]
    assert len(bands) >= 6  # the framework's layers as labelled swimlanes
    assert all(n.label for n in bands)


@pytest.mark.parametrize("name", ["national-2025", "provincial-2026", "empty-2025",
                                  "national-2019", "provincial-2020", "empty"])
def test_new_from_template(window, name):
    from egov_modeler.storage.templates import load_template

    window.files.template_actions[name].trigger()
    expected = _without_id(model_to_dict(load_template(name)))
    assert _without_id(model_to_dict(window.current_model())) == expected
    assert window.document.path is None
    assert window.document.undo_stack.count() == 0
    scene = window.current_canvas().diagram()
    assert set(scene.node_items) == set(window.current_model().view(
        window.current_view_id()).nodes)


def test_new_from_template_asks_before_dropping_unsaved_work(window):
    from egov_modeler.ui.dialogs.file_actions import SaveChoice

    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    window.dialogs.save_choice = SaveChoice.CANCEL
    window.files.template_actions["empty"].trigger()
    assert window.current_model().has_element(citizen.id)


def test_a_stopped_pdf_export_says_so_and_leaves_the_old_file(window, tmp_path, monkeypatch):
    """The progress window's Stop: no error box, the status bar says nothing was
    written, and the dossier there before is untouched."""
    from egov_modeler.ui.window import export_controller

    def stopped(model, path, options, cancel):
        cancel.cancel()  # as the Stop button does
        cancel.check()

    monkeypatch.setattr(export_controller, "write_dossier", stopped)
    old = tmp_path / "ho-so.pdf"
    old.write_bytes(b"%PDF last week's")
    window.dialogs.save_answer = str(old)
    assert not window.exports.export_pdf()
    assert window.dialogs.errors == []
    assert window.statusBar().currentMessage() == window.exports.tr(
        "PDF export stopped: nothing was written")
    assert old.read_bytes() == b"%PDF last week's"
