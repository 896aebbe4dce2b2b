"""Crash recovery in the window: edits are journaled as they happen, a window opened after
a crash offers them back, a clean close or a Save leaves nothing to recover."""

from __future__ import annotations

import copy
import errno
import os

from egov_modeler.model.commands import RenameElementCommand
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.journal import find_journals, recover
from egov_modeler.storage.native import save
from egov_modeler.ui.recovery import RecoverChoice
from egov_modeler.ui.undo import run_command
from tests.helpers import paths
from tests.helpers.ui import (
    FakeDialogs,
    drop,
    node_of,
)


def undo_path(win):
    """The window's undo stack and model, as :func:`run_command` takes them."""
    return win.document.undo_stack, win.document.model


def journal_folder(win):
    return win.document.journal_keeper.folder


def edit(win) -> list:
    """Drops, a rename, a compound delete from the model, undo and redo, as a user would."""
    (citizen,) = drop(win, "u_nguoi_dan", 200, 70)
    (web,) = drop(win, "k_web", 200, 240)
    run_command(*undo_path(win), RenameElementCommand(citizen.id, "Công dân"))
    win.current_canvas().diagram().select_ids([node_of(win, web.id).id])
    assert win.edits.delete_from_model()
    win.document.undo_stack.undo()
    win.document.undo_stack.redo()
    win.document.undo_stack.undo()  # the web portal is back
    win.document.undo_stack.undo()  # and the rename undone
    win.document.undo_stack.redo()
    return [citizen, web]


def crashed_and_restarted(qtbot, tmp_path, answer=RecoverChoice.RECOVER):
    """A second window started after the first one died (it was never closed)."""
    from egov_modeler.ui import open_window

    win = open_window(dialogs=FakeDialogs())
    qtbot.addWidget(win)
    asked = []
    win.dialogs.ask_recover = lambda info: asked.append(info) or answer
    win.asked = asked
    return win


def test_edits_in_the_window_are_journaled_as_they_happen(window, tmp_path):
    citizen, web = edit(window)
    path = window.document.journal_keeper.path
    assert path.exists() and path.parent == journal_folder(window)
    assert tmp_path in path.parents  # the test's folder, never the user's
    recovered, report = recover(path)
    assert report == []
    assert model_to_dict(recovered) == model_to_dict(window.current_model())
    assert recovered.element(citizen.id).name == "Công dân"
    assert recovered.has_element(web.id)


def test_after_a_crash_the_next_window_offers_the_edits_back(window, qtbot, tmp_path):
    citizen, _web = edit(window)
    expected = copy.deepcopy(model_to_dict(window.current_model()))
    crashed_journal = window.document.journal_keeper.path

    again = crashed_and_restarted(qtbot, tmp_path)
    assert again.files.offer_recovery()
    (info,) = again.asked
    assert info.edits > 5 and info.last_edit is not None and info.name == "Kiến trúc thử nghiệm"
    assert model_to_dict(again.current_model()) == expected
    assert again.isWindowModified()  # recovered, not saved
    assert again.document.path is None
    assert not crashed_journal.exists()
    # The recovered state is safe at once: a second crash before any edit loses nothing.
    (left,) = find_journals(journal_folder(again))
    assert model_to_dict(recover(left.path)[0]) == expected
    window.document.undo_stack.setClean()
    again.document.undo_stack.setClean()


def test_discard_deletes_the_journal_and_later_keeps_it(window, qtbot, tmp_path):
    edit(window)
    crashed_journal = window.document.journal_keeper.path
    later = crashed_and_restarted(qtbot, tmp_path, RecoverChoice.LATER)
    assert not later.files.offer_recovery()
    assert crashed_journal.exists()
    assert not later.isWindowModified()
    discard = crashed_and_restarted(qtbot, tmp_path, RecoverChoice.DISCARD)
    assert not discard.files.offer_recovery()
    assert not crashed_journal.exists()
    assert not discard.isWindowModified()
    window.document.undo_stack.setClean()


def test_later_asks_once_per_start_even_with_several_journals(window, qtbot, tmp_path):
    """Two crashed windows left two journals: "later" must not be followed by a second box."""
    from egov_modeler.ui import open_window

    edit(window)
    other = open_window(dialogs=FakeDialogs())
    qtbot.addWidget(other)
    drop(other, "nsd_nguoi_dan", 200, 70)  # it starts on the 2025 national template
    assert len(find_journals(journal_folder(window))) == 2
    later = crashed_and_restarted(qtbot, tmp_path, RecoverChoice.LATER)
    assert not later.files.offer_recovery()
    assert len(later.asked) == 1
    assert len(find_journals(journal_folder(window))) == 2  # both still there for next time
    discard = crashed_and_restarted(qtbot, tmp_path, RecoverChoice.DISCARD)
    assert not discard.files.offer_recovery()
    assert len(discard.asked) == 2  # a discarded one lets the next be offered
    window.document.undo_stack.setClean()
    other.document.undo_stack.setClean()


def test_opening_a_saved_file_offers_its_own_unsaved_edits(window, qtbot, tmp_path):
    path = tmp_path / "gia-lai.egov"
    assert window.files.save_to(str(path))
    saved_bytes = path.read_bytes()
    citizen, _ = edit(window)
    expected = copy.deepcopy(model_to_dict(window.current_model()))

    window.document.lock.release()  # its process died: the next start takes the lock over
    again = crashed_and_restarted(qtbot, tmp_path)
    assert again.files.open_path(str(path), ask_to_save=False)
    assert len(again.asked) == 1 and again.asked[0].document == str(path)
    assert model_to_dict(again.current_model()) == expected
    assert again.document.path == str(path) and again.isWindowModified()
    assert path.read_bytes() == saved_bytes  # the saved file was only read
    window.document.undo_stack.setClean()
    again.document.undo_stack.setClean()


def test_a_file_changed_since_is_recovered_from_the_journals_copy(window, qtbot, tmp_path):
    """The edits come back on the version they were made on; the user is told that the
    file changed and that Save As keeps both; the changed file is left alone."""
    path = tmp_path / "gia-lai.egov"
    assert window.files.save_to(str(path))
    edit(window)
    expected = copy.deepcopy(model_to_dict(window.current_model()))
    crashed_journal = window.document.journal_keeper.path
    from egov_modeler.model import Model

    save(Model("Một mô hình khác"), path)  # someone else saved over the file
    other_bytes = path.read_bytes()
    window.document.lock.release()  # its process died: the next start takes the lock over
    again = crashed_and_restarted(qtbot, tmp_path)
    assert again.files.open_path(str(path), ask_to_save=False)
    assert model_to_dict(again.current_model()) == expected
    assert again.isWindowModified()
    (title, text, details) = again.dialogs.infos[-1]
    assert "gia-lai.egov" in details and "Lưu thành" in details
    assert path.read_bytes() == other_bytes
    assert not crashed_journal.exists()
    window.document.undo_stack.setClean()


def test_a_clean_close_leaves_nothing_to_recover(window, qtbot):
    from egov_modeler.ui.dialogs.file_actions import SaveChoice

    edit(window)
    assert window.document.journal_keeper.path.exists()
    window.dialogs.save_choice = SaveChoice.DISCARD
    assert window.close()
    assert find_journals(journal_folder(window)) == []
    assert list(journal_folder(window).glob("*.journal")) == []


def test_save_restarts_the_journal_on_the_saved_file(window, tmp_path):
    citizen, web = edit(window)
    untitled_journal = window.document.journal_keeper.path
    path = tmp_path / "gia-lai.egov"
    assert window.files.save_to(str(path))
    assert not untitled_journal.exists()
    assert find_journals(journal_folder(window)) == []  # nothing unsaved
    run_command(*undo_path(window), RenameElementCommand(citizen.id, "Người dân"))
    (info,) = find_journals(journal_folder(window))
    assert info.document == str(path) and info.edits == 1
    assert model_to_dict(recover(info.path)[0]) == model_to_dict(window.current_model())
    # Undo past the save point: edits the new journal never saw; it still replays right.
    for _ in range(3):
        window.document.undo_stack.undo()
    assert model_to_dict(recover(info.path)[0]) == model_to_dict(window.current_model())
    window.document.undo_stack.redo()
    assert model_to_dict(recover(info.path)[0]) == model_to_dict(window.current_model())


def test_a_journal_cut_short_recovers_what_it_can_and_says_what_was_lost(window, qtbot,
                                                                        tmp_path):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    expected = copy.deepcopy(model_to_dict(window.current_model()))
    run_command(*undo_path(window), RenameElementCommand(citizen.id, "Công dân"))
    journal = window.document.journal_keeper.path
    raw = journal.read_bytes()
    journal.write_bytes(raw[:-20])  # the crash hit while the rename was being written

    again = crashed_and_restarted(qtbot, tmp_path)
    assert again.files.offer_recovery()
    assert model_to_dict(again.current_model()) == expected
    assert again.current_model().element(citizen.id).name != "Công dân"
    (title, text, details) = again.dialogs.infos[-1]
    assert "không khôi phục được" in title.lower() and "mất" in details
    window.document.undo_stack.setClean()
    again.document.undo_stack.setClean()


CRASHING_EDITOR = """
import json, os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from egov_modeler.model.commands import AddElementCommand, RenameElementCommand
from egov_modeler.model.concepts import Element
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.ui import open_window
from egov_modeler.ui.undo import run_command

win = open_window()
doc = win.document
element = Element("id-tram-y-te", "ApplicationComponent", "Hệ thống y tế")
run_command(doc.undo_stack, doc.model, AddElementCommand(element))
run_command(doc.undo_stack, doc.model, RenameElementCommand(element.id, "Hệ thống y tế tỉnh"))
win.document.undo_stack.undo()
win.document.undo_stack.redo()
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(model_to_dict(win.document.model), out)
os._exit(3)  # killed: no close, no clean-up, no flush by Python
"""


def test_a_killed_program_leaves_a_journal_that_recovers_its_edits(tmp_path):
    import json
    import subprocess
    import sys

    folder = tmp_path / "journals"
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_EDITOR, encoding="utf-8")
    env = {**os.environ, "EGOV_MODELER_JOURNAL_DIR": str(folder), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(paths.REPO)}
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "model.json")], env=env,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 3, done.stderr.decode(errors="replace")
    (info,) = find_journals(folder)  # the dead program's journal is offered
    assert info.edits == 4 and info.document is None
    recovered, report = recover(info.path)
    assert report == []
    expected = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert model_to_dict(recovered) == expected
    assert recovered.element("id-tram-y-te").name == "Hệ thống y tế tỉnh"


def test_a_journal_folder_that_cannot_be_written_never_stops_editing(window, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    window.document.journal_keeper.folder = blocker / "journals"
    window.document.replace(window.current_model(), None)  # a document opened now uses it
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    assert window.current_model().has_element(citizen.id)
    window.document.undo_stack.undo()
    window.document.undo_stack.redo()
    assert window.current_model().has_element(citizen.id)
    assert window.document.journal_keeper.path is None
    assert "khôi phục" in window.statusBar().currentMessage()


class _FullDisk:
    """A journal file whose disk has filled up: every write fails."""

    def __init__(self, handle) -> None:
        self.handle = handle

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str):
        return getattr(self.handle, name)


def _fill_the_journal_disk(win):
    journal = win.document.journal_keeper.journal
    journal._handle = _FullDisk(journal._handle)
    return journal.path


def test_a_journal_stopped_by_a_full_disk_is_deleted_once_its_edits_are_saved(window,
                                                                             tmp_path):
    """Its edits are in the saved file: offering them after the next start would bring
    back an older model as "unsaved changes"."""
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    stopped = _fill_the_journal_disk(window)
    run_command(*undo_path(window), RenameElementCommand(citizen.id, "Công dân"))
    assert window.document.journal_keeper.path is None  # journaling stopped, editing not
    assert stopped.exists()  # kept: a crash now would still find the first edit
    path = tmp_path / "gia-lai.egov"
    assert window.files.save_to(str(path))
    assert not stopped.exists()
    assert find_journals(journal_folder(window)) == []


def test_a_journal_stopped_by_a_full_disk_stays_while_its_edits_are_unsaved(window,
                                                                           tmp_path):
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    stopped = _fill_the_journal_disk(window)
    run_command(*undo_path(window), RenameElementCommand(citizen.id, "Công dân"))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert not window.files.save_to(str(blocker / "gia-lai.egov"))  # nothing saved
    (info,) = find_journals(journal_folder(window))
    assert info.path == stopped
    assert recover(stopped)[0].has_element(citizen.id)


def test_an_edit_with_a_lone_surrogate_reaches_the_undo_stack_and_the_journal(window):
    """Issue 11: such an edit used to change the model without reaching the undo stack,
    so the next Undo reverted the wrong edit."""
    (citizen,) = drop(window, "u_nguoi_dan", 200, 70)
    before = window.document.model.element(citizen.id).name
    count = window.document.undo_stack.count()
    run_command(window.document.undo_stack, window.document.model,
                RenameElementCommand(citizen.id, "Công\ud800dân"))
    assert window.document.undo_stack.count() == count + 1
    recovered, report = recover(window.document.journal_keeper.path)
    assert report == [] and recovered.element(citizen.id).name == "Công\ufffddân"
    window.document.undo_stack.undo()
    assert window.document.model.element(citizen.id).name == before
    recovered, report = recover(window.document.journal_keeper.path)
    assert report == [] and recovered.element(citizen.id).name == before
    window.document.undo_stack.setClean()
