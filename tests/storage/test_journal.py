"""Crash recovery without a window: a journal replayed on its base gives back exactly the
model the edits produced, as far as the journal can be read, and never touches the file."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import invariant

from egov_modeler.i18n import tr
from egov_modeler.model import History, Model
from egov_modeler.model.commands import (
    DeleteElementCommand,
    MoveNodeCommand,
    RenameElementCommand,
)
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.journal import (
    Journal,
    JournalError,
    file_base,
    find_journals,
    journal_path_for,
    model_base,
    read_info,
    recover,
)
from egov_modeler.storage.native import load, save
from tests.helpers import connect, place
from tests.helpers.model_machine import ModelMachine


class JournaledHistory(History):
    """Undo/redo that writes the journal as the window does."""

    def __init__(self, model: Model, journal: Journal) -> None:
        super().__init__(model)
        self.journal = journal

    def do(self, command):
        super().do(command)
        self.journal.append("do", command)

    def undo(self):
        command = super().undo()
        if command is not None:
            self.journal.append("undo", command)
        return command

    def redo(self):
        command = super().redo()
        if command is not None:
            self.journal.append("redo", command)
        return command


def province() -> Model:
    model = Model("Kiến trúc CQĐT tỉnh Gia Lai")
    portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công tỉnh")
    lgsp = model.add_element("ApplicationComponent", "LGSP tỉnh")
    flow = model.relate(portal.id, "Flow", lgsp.id)
    view = model.add_view("Sơ đồ khái quát")
    a = place(model, view.id, portal.id, 20, 40)
    b = place(model, view.id, lgsp.id, 400, 40)
    connect(model, view.id, flow.id, a.id, b.id)
    return model


def edit_a_lot(model: Model, history: History) -> None:
    """Renames, a move, a compound delete (element with its line and placements), undo and
    redo in between, and a new edit after an undo (drops the redo list)."""
    portal, lgsp = model.elements[:2]
    view = model.views[0]
    node = view.nodes_of_element(lgsp.id)[0]
    history.do(RenameElementCommand(portal.id, "Cổng DVC tỉnh Gia Lai"))
    history.do(MoveNodeCommand(view.id, node.id, 60, 30))
    history.undo()
    history.redo()
    history.do(DeleteElementCommand(portal.id))
    history.undo()
    history.redo()
    history.undo()
    history.do(RenameElementCommand(lgsp.id, "Nền tảng LGSP"))
    history.undo()
    history.undo()  # undo the move again
    history.redo()


@pytest.fixture
def saved(tmp_path):
    model = province()
    path = tmp_path / "gia-lai.egov"
    save(model, path)
    return model, path


def test_replay_on_the_saved_file_gives_the_model_the_edits_produced(saved, tmp_path):
    model, path = saved
    before_bytes = path.read_bytes()
    journal = Journal(journal_path_for(tmp_path / "j", str(path)), file_base(path),
                      document=str(path))
    portal_id = model.elements[0].id
    edit_a_lot(model, JournaledHistory(model, journal))
    expected = model_to_dict(model)
    assert expected != model_to_dict(load(path))  # the edits did change the model
    recovered, report = recover(journal.path)
    assert report == []
    assert model_to_dict(recovered) == expected
    assert recovered.element(portal_id).name == "Cổng DVC tỉnh Gia Lai"
    assert path.read_bytes() == before_bytes  # the saved file is only read


def test_untitled_model_replays_on_the_model_in_the_header(tmp_path):
    model = province()
    journal = Journal(journal_path_for(tmp_path, None, "abc"), model_base(model))
    history = JournaledHistory(model, journal)
    edit_a_lot(model, history)
    portal = model.elements[0]
    history.do(DeleteElementCommand(portal.id))
    assert not model.has_element(portal.id)
    recovered, report = recover(journal.path)
    assert report == []
    assert model_to_dict(recovered) == model_to_dict(model)
    assert journal.path.name == "untitled-abc.journal"


def test_a_line_cut_short_by_the_crash_loses_only_that_edit(saved, tmp_path):
    model, path = saved
    journal = Journal(tmp_path / "x.journal", file_base(path), document=str(path))
    history = JournaledHistory(model, journal)
    portal = model.elements[0]
    history.do(RenameElementCommand(portal.id, "Tên mới"))
    expected = copy.deepcopy(model_to_dict(model))
    history.do(DeleteElementCommand(portal.id))
    journal.close(delete=False)
    raw = journal.path.read_bytes()
    journal.path.write_bytes(raw[: len(raw) - 25])  # the last line half-written
    recovered, report = recover(journal.path)
    assert model_to_dict(recovered) == expected
    assert len(report) == 1 and "mất" in report[0]  # told, in Vietnamese, what was lost


def test_a_damaged_line_in_the_middle_keeps_the_edits_before_it(saved, tmp_path):
    model, path = saved
    journal = Journal(tmp_path / "x.journal", file_base(path), document=str(path))
    history = JournaledHistory(model, journal)
    portal, lgsp = model.elements[:2]
    history.do(RenameElementCommand(portal.id, "Một"))
    expected = copy.deepcopy(model_to_dict(model))
    history.do(RenameElementCommand(lgsp.id, "Hai"))
    history.do(RenameElementCommand(lgsp.id, "Ba"))
    lines = journal.path.read_bytes().split(b"\n")
    lines[2] = b'{"op": "do", "comm'
    journal.path.write_bytes(b"\n".join(lines))
    recovered, report = recover(journal.path)
    assert model_to_dict(recovered) == expected
    assert report == [tr("Line {line} of the journal is damaged: it and the {count} edits "
                         "after it were lost.", line=3, count=1)]


def test_a_command_that_fails_stops_the_replay_there(saved, tmp_path):
    model, path = saved
    journal = Journal(tmp_path / "x.journal", file_base(path), document=str(path))
    history = JournaledHistory(model, journal)
    portal = model.elements[0]
    history.do(RenameElementCommand(portal.id, "Một"))
    expected = copy.deepcopy(model_to_dict(model))
    journal.append("do", RenameElementCommand("id-not-there", "Hai"))
    recovered, report = recover(journal.path)
    assert model_to_dict(recovered) == expected
    assert len(report) == 1 and report[0].startswith("Không thực hiện lại được thay đổi thứ 2")


def test_a_file_changed_since_is_recovered_on_the_journals_own_copy(saved, tmp_path):
    """Issue 11: a sync client or a colleague replaced the file; the edits are not lost."""
    from egov_modeler.i18n import set_language

    set_language("en")
    model, path = saved
    journal = Journal(tmp_path / "x.journal", file_base(path), document=str(path))
    JournaledHistory(model, journal).do(RenameElementCommand(model.elements[0].id, "Một"))
    expected = model_to_dict(model)
    save(province(), path)  # someone saved another model over the file
    changed = path.read_bytes()
    recovered, report = recover(journal.path)
    assert model_to_dict(recovered) == expected
    assert len(report) == 1 and "gia-lai.egov" in report[0] and "Save as" in report[0]
    assert path.read_bytes() == changed


def test_a_file_removed_since_is_recovered_too_and_a_foreign_file_is_refused(saved,
                                                                             tmp_path):
    model, path = saved
    journal = Journal(tmp_path / "x.journal", file_base(path), document=str(path))
    JournaledHistory(model, journal).do(RenameElementCommand(model.elements[0].id, "Một"))
    path.unlink()
    recovered, report = recover(journal.path)
    assert model_to_dict(recovered) == model_to_dict(model)
    assert len(report) == 1 and "gia-lai.egov" in report[0]
    foreign = tmp_path / "foreign.journal"
    foreign.write_text('{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(JournalError, match="foreign.journal"):
        recover(foreign)


def test_without_its_copy_a_changed_file_is_refused_with_a_clear_message(saved, tmp_path):
    model, path = saved
    journal = Journal(tmp_path / "x.journal", file_base(path), document=str(path))
    JournaledHistory(model, journal).do(RenameElementCommand(model.elements[0].id, "Một"))
    (tmp_path / "x.journal.base").unlink()
    save(province(), path)
    with pytest.raises(JournalError, match="gia-lai.egov"):
        recover(journal.path)


def test_snapshot_is_a_new_base_for_undo_past_the_start(tmp_path):
    """After Save the journal restarts; undoing an edit made before it writes a snapshot."""
    model = province()
    history = History(model)
    history.do(RenameElementCommand(model.elements[0].id, "Trước khi lưu"))
    journal = Journal(tmp_path / "x.journal", model_base(model))
    history.undo()
    journal.append_snapshot(model)
    later = RenameElementCommand(model.elements[1].id, "Sau")
    history.do(later)
    journal.append("do", later)
    recovered, report = recover(journal.path)
    assert report == []
    assert model_to_dict(recovered) == model_to_dict(model)


def test_nothing_is_written_until_the_first_edit_and_close_deletes(tmp_path):
    model = province()
    journal = Journal(tmp_path / "j" / "x.journal", model_base(model))
    assert not journal.path.exists()
    journal.close()
    assert not journal.path.exists()
    journal = Journal(tmp_path / "j" / "x.journal", model_base(model))
    JournaledHistory(model, journal).do(RenameElementCommand(model.elements[0].id, "Một"))
    assert journal.path.exists()
    journal.close(delete=True)
    assert not journal.path.exists()


def test_find_journals_lists_what_can_be_recovered(saved, tmp_path):
    model, path = saved
    folder = tmp_path / "journals"
    untitled = Journal(journal_path_for(folder, None, "u1"), model_base(province()))
    untitled.start()  # header only: nothing to recover
    doc = Journal(journal_path_for(folder, str(path)), file_base(path), document=str(path))
    history = JournaledHistory(model, doc)
    history.do(RenameElementCommand(model.elements[0].id, "Một"))
    history.do(RenameElementCommand(model.elements[0].id, "Hai"))
    (folder / "junk.journal").write_text("not json\n", encoding="utf-8")
    found = find_journals(folder)
    assert [info.path for info in found] == [doc.path]
    info = found[0]
    assert info.document == str(path) and info.name == "gia-lai.egov"
    assert info.edits == 2 and info.last_edit is not None and not info.live
    assert journal_path_for(folder, str(path)) == doc.path  # reopening finds it
    assert find_journals(tmp_path / "nowhere") == []


def test_a_journal_unchanged_since_it_was_read_is_not_parsed_again(saved, tmp_path,
                                                                   monkeypatch):
    """Every File > Open looks through the journal folder; a journal's first line is a
    whole model, so one that has not changed is not read again, one that grew is, and
    the program's own journal is not read at all."""
    from egov_modeler.storage import journal as journal_module

    model, path = saved
    folder = tmp_path / "journals"
    doc = Journal(journal_path_for(folder, str(path)), file_base(path), document=str(path))
    history = JournaledHistory(model, doc)
    history.do(RenameElementCommand(model.elements[0].id, "Một"))
    reads: list[object] = []
    split = journal_module._split

    def counted(journal_file):
        reads.append(journal_file)
        return split(journal_file)

    monkeypatch.setattr(journal_module, "_split", counted)
    assert read_info(doc.path).edits == 1
    assert read_info(doc.path).edits == 1
    assert len(reads) == 1  # read once
    history.do(RenameElementCommand(model.elements[0].id, "Hai"))
    assert read_info(doc.path).edits == 2  # it grew: read again
    before = len(reads)
    assert find_journals(folder, skip=doc.path) == []
    assert len(reads) == before


def test_a_journal_written_by_another_running_program_is_not_offered(saved, tmp_path):
    import os

    model, path = saved
    journal = Journal(tmp_path / "x.journal", file_base(path), document=str(path))
    JournaledHistory(model, journal).do(RenameElementCommand(model.elements[0].id, "Một"))
    lines = journal.path.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    header["pid"] = os.getppid()  # the test runner's parent: certainly running
    lines[0] = json.dumps(header).encode()
    journal.path.write_bytes(b"\n".join(lines))
    assert read_info(journal.path).live
    assert find_journals(tmp_path) == []


class JournaledMachine(ModelMachine):
    """The model state machine's random edits, undos and redos, journaled: after every
    step the journal replays to exactly the model on screen."""

    def __init__(self) -> None:
        super().__init__()
        self.journal = Journal(self.tmp / "m.journal", model_base(self.model))
        self.history = JournaledHistory(self.model, self.journal)

    @invariant()
    def the_journal_replays_to_the_model(self):
        if not self.journal.started:
            return
        recovered, report = recover(self.journal.path)
        assert report == []
        assert model_to_dict(recovered) == model_to_dict(self.model)

    # The parent's file and exchange invariants are tested there; not again here.
    def save_then_load_gives_an_equal_model(self):
        pass

    def export_then_import_gives_an_equal_model(self):
        pass


JournaledMachine.TestCase.settings = settings(
    max_examples=30, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestJournaledMachine = JournaledMachine.TestCase
