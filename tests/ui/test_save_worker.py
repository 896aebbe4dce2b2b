"""File > Save beside the window (issue 19): the model is serialised once, in the long-work
thread, while a modal progress window keeps edits out; the bytes are written by the same
kind of worker and become the crash journal's base. What the user notices: the file holds
the model as it was when Save was pressed, the window is clean afterwards, a failing Save
says why and loses nothing, and a crash at any point gives back the right model."""

from __future__ import annotations

import copy
import errno
import os
import stat
import threading
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from egov_modeler.model import Model
from egov_modeler.model.commands import RenameElementCommand
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage import native
from egov_modeler.storage.journal import find_journals, recover
from egov_modeler.storage.native import load, save
from egov_modeler.ui import long_work
from egov_modeler.ui.dialogs.file_actions import DiskChoice, SaveChoice
from egov_modeler.ui.long_work import WorkingDialog
from egov_modeler.ui.undo import run_command
from egov_modeler.ui.window import file_controller
from tests.helpers.ui import drop

WORKER = "egov-long-work"


def spy_threads(monkeypatch) -> dict[str, list[str]]:
    """The threads where Save serialised the model and wrote the file, by step."""
    seen: dict[str, list[str]] = {"serialise": [], "write": []}
    model_bytes, save_bytes = file_controller.model_bytes, file_controller.save_bytes

    def serialise(model):
        seen["serialise"].append(threading.current_thread().name)
        return model_bytes(model)

    def write(*args, **kwargs):
        seen["write"].append(threading.current_thread().name)
        return save_bytes(*args, **kwargs)

    monkeypatch.setattr(file_controller, "model_bytes", serialise)
    monkeypatch.setattr(file_controller, "save_bytes", write)
    return seen


def saved_file(window, tmp_path) -> str:
    """The window's model saved as ``gia-lai.egov``, then edited once (unsaved)."""
    drop(window, "u_nguoi_dan", 200, 70)
    path = str(tmp_path / "gia-lai.egov")
    assert window.files.save_to(path)
    rename(window, "Công dân")
    return path


def rename(window, name: str) -> None:
    model = window.current_model()
    run_command(window.document.undo_stack, model,
                RenameElementCommand(model.elements[0].id, name))


def journal_folder(window):
    return window.document.journal_keeper.folder


# --------------------------------------------------------------------------- the worker
def test_save_serialises_once_and_writes_in_the_worker(window, tmp_path, monkeypatch):
    path = saved_file(window, tmp_path)
    at_save = copy.deepcopy(model_to_dict(window.current_model()))
    seen = spy_threads(monkeypatch)
    read_back = []
    monkeypatch.setattr("egov_modeler.ui.recovery.file_base",
                        lambda *a, **k: read_back.append(a))
    assert window.files.save()
    assert seen == {"serialise": [WORKER], "write": [WORKER]}
    assert model_to_dict(load(path)) == at_save
    assert not window.isWindowModified() and window.windowTitle().startswith("gia-lai.egov")
    assert window.statusBar().currentMessage().endswith("gia-lai.egov")
    assert read_back == []  # the journal's base is what was written, not read back
    rename(window, "Người dân")  # the next edit journals on the bytes written
    copies = list(journal_folder(window).glob("*.base"))
    assert [c.read_bytes() for c in copies] == [open(path, "rb").read()]
    (info,) = find_journals(journal_folder(window))
    assert model_to_dict(recover(info.path)[0]) == model_to_dict(window.current_model())


def test_a_slow_save_shows_its_progress_and_takes_no_edit_meanwhile(window, qtbot, tmp_path,
                                                                     monkeypatch):
    """While the worker serialises, the modal progress window is up and an Undo pressed
    on the main window does nothing: the file and the window both hold the model as it
    was when Save was pressed."""
    path = saved_file(window, tmp_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    at_save = copy.deepcopy(model_to_dict(window.current_model()))
    index = window.document.undo_stack.index()
    looked = threading.Event()
    seen: dict[str, object] = {}

    def press_undo_while_saving() -> None:
        modal = QApplication.activeModalWidget()
        seen["modal"] = modal.labelText() if isinstance(modal, WorkingDialog) else None
        window.activateWindow()  # the user clicks the main window, then presses Undo
        QApplication.processEvents()
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        seen["index"] = window.document.undo_stack.index()
        looked.set()

    model_bytes = file_controller.model_bytes

    def slow(model):
        if not looked.wait(timeout=30):
            raise TimeoutError("the GUI thread never looked")
        return model_bytes(model)

    monkeypatch.setattr(file_controller, "model_bytes", slow)
    QTimer.singleShot(int(long_work.QUICK * 1000) + 300, press_undo_while_saving)
    assert window.files.save()
    assert str(seen["modal"]).startswith("Đang lưu gia-lai.egov…")
    assert seen["index"] == index
    assert model_to_dict(load(path)) == at_save
    assert model_to_dict(window.current_model()) == at_save
    assert not window.isWindowModified()
    with qtbot.waitActive(window):  # the progress window has gone: the same key now
        window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.undo_stack.index() == index - 1


def test_the_window_keeps_answering_while_a_save_is_quick(window, tmp_path, monkeypatch):
    """Save's worker waits for a timer of the GUI thread: it runs while the window waits
    for the worker (no pause before the progress window would show), and none shows."""
    path = saved_file(window, tmp_path)
    ran = threading.Event()
    dialogs_then: list[bool] = []

    def tick() -> None:
        dialogs_then.append(isinstance(QApplication.activeModalWidget(), WorkingDialog))
        ran.set()

    model_bytes = file_controller.model_bytes

    def waits_for_the_window(model):
        if not ran.wait(timeout=30):
            raise TimeoutError("the GUI thread never ran its timer")
        return model_bytes(model)

    monkeypatch.setattr(file_controller, "model_bytes", waits_for_the_window)
    QTimer.singleShot(30, tick)
    assert window.files.save()
    assert dialogs_then == [False]
    assert model_to_dict(load(path)) == model_to_dict(window.current_model())


# --------------------------------------------------------------------------- the journal
def test_a_crash_right_after_the_worker_replaced_the_file_offers_nothing(window, tmp_path,
                                                                         monkeypatch):
    """The program died between the replace and the journal's restart: the old journal's
    edits are in the file, so nothing is offered."""
    path = saved_file(window, tmp_path)
    journal = window.document.journal_keeper.path
    monkeypatch.setattr(window.document, "saved_as", lambda *args: None)  # the crash
    assert window.files.save()
    assert journal.exists()
    assert model_to_dict(load(path)) == model_to_dict(window.current_model())
    assert find_journals(journal_folder(window)) == []


@contextmanager
def full_disk(monkeypatch):
    """Every write of a saved file fails as on a full disk (the journal's do not)."""
    def no_space(target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    with monkeypatch.context() as patch:
        patch.setattr(native, "atomic_file", no_space)
        yield


def test_a_failing_write_says_why_and_loses_nothing(window, tmp_path, monkeypatch):
    path = saved_file(window, tmp_path)
    on_disk = open(path, "rb").read()
    edited = copy.deepcopy(model_to_dict(window.current_model()))
    with full_disk(monkeypatch):
        assert not window.files.save()
    (title, text, details) = window.dialogs.errors[-1]
    assert "gia-lai.egov" in text and "ổ đĩa đã đầy" in details  # the disk is full
    assert open(path, "rb").read() == on_disk
    assert window.isWindowModified()
    assert model_to_dict(window.current_model()) == edited
    # The program dies now: the journal (noted "saving" before the write) gives the edits.
    (info,) = find_journals(journal_folder(window))
    assert info.edits == 1
    recovered, report = recover(info.path)
    assert model_to_dict(recovered) == edited and report == []
    assert window.files.save()  # the disk has room again
    assert model_to_dict(load(path)) == edited
    assert find_journals(journal_folder(window)) == []


def test_a_read_only_file_is_refused_and_save_as_offered(window, tmp_path):
    path = saved_file(window, tmp_path)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    on_disk = open(path, "rb").read()
    window.dialogs.save_answer = None  # the Save as dialog: cancelled
    assert not window.files.save()
    (title, text, _details) = window.dialogs.errors[-1]
    assert "gia-lai.egov" in text
    assert open(path, "rb").read() == on_disk and window.isWindowModified()
    copy_path = tmp_path / "ban-sao.egov"
    window.dialogs.save_answer = str(copy_path)
    assert window.files.save()
    assert window.document.path == str(copy_path) and not window.isWindowModified()
    assert model_to_dict(load(copy_path)) == model_to_dict(window.current_model())


def test_overwriting_a_file_changed_on_disk_writes_the_model_serialised_once(
        window, tmp_path, monkeypatch):
    path = saved_file(window, tmp_path)
    save(Model("Bản của đồng nghiệp"), path)  # a colleague, a sync client
    seen = spy_threads(monkeypatch)
    window.dialogs.disk_answer = DiskChoice.OVERWRITE
    assert window.files.save()
    assert window.dialogs.asked[-1][0] == "changed"
    assert seen == {"serialise": [WORKER], "write": [WORKER, WORKER]}
    assert model_to_dict(load(path)) == model_to_dict(window.current_model())
    assert find_journals(journal_folder(window)) == []


def test_cancel_on_the_changed_on_disk_question_keeps_their_file_and_our_edits(
        window, tmp_path):
    path = saved_file(window, tmp_path)
    save(Model("Bản của đồng nghiệp"), path)
    window.dialogs.disk_answer = DiskChoice.CANCEL
    assert not window.files.save()
    assert load(path).name == "Bản của đồng nghiệp" and window.isWindowModified()
    (info,) = find_journals(journal_folder(window))  # a crash now still gives them back
    assert model_to_dict(recover(info.path)[0]) == model_to_dict(window.current_model())


# --------------------------------------------------------------------------- other ways in
def test_save_on_close_writes_the_file_in_the_worker(window, tmp_path, monkeypatch):
    path = saved_file(window, tmp_path)
    edited = copy.deepcopy(model_to_dict(window.current_model()))
    seen = spy_threads(monkeypatch)
    window.dialogs.save_choice = SaveChoice.SAVE
    assert window.close()
    assert seen == {"serialise": [WORKER], "write": [WORKER]}
    assert model_to_dict(load(path)) == edited
    assert list(journal_folder(window).glob("*.journal")) == []


def test_save_as_a_new_file_moves_the_document_and_its_journal(window, tmp_path,
                                                               monkeypatch):
    old = saved_file(window, tmp_path)
    old_bytes = open(old, "rb").read()
    seen = spy_threads(monkeypatch)
    new = tmp_path / "gia-lai-2027.egov"
    window.dialogs.save_answer = str(new)
    assert window.files.save_as()
    assert seen == {"serialise": [WORKER], "write": [WORKER]}
    assert open(old, "rb").read() == old_bytes
    assert model_to_dict(load(new)) == model_to_dict(window.current_model())
    assert window.windowTitle().startswith("gia-lai-2027.egov")
    rename(window, "Người dân")
    (info,) = find_journals(journal_folder(window))
    assert info.document == str(new)
    assert model_to_dict(recover(info.path)[0]) == model_to_dict(window.current_model())


@pytest.mark.parametrize("suffix", [".archimate", ".xml"])
def test_a_copy_in_another_format_leaves_the_document_as_it_was(window, tmp_path, suffix,
                                                                 monkeypatch):
    path = saved_file(window, tmp_path)
    window.dialogs.save_answer = str(tmp_path / f"ban-sao{suffix}")
    written_in = []
    write_any = file_controller.write_any

    def spied(*args):
        written_in.append(threading.current_thread().name)
        return write_any(*args)

    monkeypatch.setattr(file_controller, "write_any", spied)
    assert window.files.save_as()
    assert (tmp_path / f"ban-sao{suffix}").exists()
    assert written_in == [WORKER]  # beside the window, as the exports
    assert window.document.path == path and window.isWindowModified()
