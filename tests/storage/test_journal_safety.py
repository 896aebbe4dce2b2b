"""The journal on hostile files, odd text, odd folders and a crash in the middle of Save
(issue 11): no file in the folder stops the program, no completed edit is lost, nothing
is readable by other users."""

from __future__ import annotations

import json
import os
import stat
import sys
import time

import pytest

from egov_modeler.model import History, Model
from egov_modeler.model.commands import RenameElementCommand
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.journal import (
    Journal,
    JournalError,
    discard_journal,
    file_base,
    find_journals,
    journal_path_for,
    model_base,
    prune_journals,
    read_info,
    recover,
    set_aside,
)
from egov_modeler.storage.native import save

POSIX = pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions only")


def province() -> Model:
    model = Model("Kiến trúc tỉnh")
    model.add_element("ApplicationComponent", "Cổng DVC")
    return model


def journaled(model: Model, journal: Journal, *commands) -> None:
    history = History(model)
    for command in commands:
        history.do(command)
        journal.append("do", command)


HOSTILE = {
    "deep.journal": b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "bigint.journal": b'{"journal": "egov-modeler", "version": 1' + b"9" * 5000 + b"}\n",
    "infinity.journal": b'{"journal": "egov-modeler", "version": Infinity, "base": {}}\n',
    "types.journal": (b'{"journal": "egov-modeler", "version": 1, "document": 5, "pid": "x",'
                      b' "base": {"path": "/nowhere", "sha256": "0"}, "created": [1]}\n'
                      b'{"op": "do", "time": {"a": 1}, "command": []}\n'),
    "surrogate.journal": (b'{"journal": "egov-modeler", "version": 1, "base": {"model": '
                          b'{"format_version": 1, "name": "\\ud800"}}, "pid": 1}\n'
                          b'{"op": "do", "command": {"command": "SetModelFields", '
                          b'"changes": {"name": "x\\udfff"}}}\n'),
    "binary.journal": bytes(range(256)) * 10,
    "empty.journal": b"",
}


def test_no_file_in_the_journal_folder_stops_the_program(tmp_path):
    for name, raw in HOSTILE.items():
        (tmp_path / name).write_bytes(raw)
    found = find_journals(tmp_path)  # must not raise
    assert "surrogate.journal" in [info.path.name for info in found]
    with pytest.raises(JournalError):  # offered, then said why it cannot be recovered
        recover(tmp_path / "types.journal")
    model, report = recover(tmp_path / "surrogate.journal")
    assert model.name == "x\ufffd" and report == []
    prune_journals(tmp_path)  # must not raise either


def test_a_lone_surrogate_in_an_edit_is_journaled_and_replayed(tmp_path):
    model = province()
    journal = Journal(tmp_path / "j.journal", model_base(model))
    element = model.elements[0]
    journaled(model, journal, RenameElementCommand(element.id, "Cổng\ud800DVC"))
    recovered, report = recover(journal.path)
    assert report == []
    assert recovered.element(element.id).name == "Cổng\ufffdDVC"


@POSIX
def test_journals_and_their_copies_are_private(tmp_path):
    document = tmp_path / "m.egov"
    save(province(), document)
    os.chmod(tmp_path, 0o755)
    folder = tmp_path / "journals"
    journal = Journal(journal_path_for(folder, str(document)), file_base(document),
                      document=str(document))
    model = province()
    journaled(model, journal, RenameElementCommand(model.elements[0].id, "A"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    copies = list(folder.glob("*.base"))
    assert len(copies) == 1
    for path in (journal.path, copies[0]):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _a_journal_with_edits(tmp_path):
    document = tmp_path / "m.egov"
    model = province()
    save(model, document)
    journal = Journal(journal_path_for(tmp_path / "j", str(document)), file_base(document),
                      document=str(document))
    journaled(model, journal, RenameElementCommand(model.elements[0].id, "Đã sửa"))
    return model, document, journal


def test_a_crash_right_after_save_replaced_the_file_offers_nothing(tmp_path):
    """The window died between Save's rename and the journal's restart."""
    model, document, journal = _a_journal_with_edits(tmp_path)
    save(model, document, before_replace=journal.mark_saving)
    journal.close(delete=False)  # the crash: the old journal stays
    assert read_info(journal.path).edits == 0
    assert find_journals(journal.path.parent) == []
    assert journal.path in prune_journals(journal.path.parent)
    assert list(journal.path.parent.iterdir()) == []


def test_a_crash_before_save_replaced_the_file_still_offers_the_edits(tmp_path):
    model, document, journal = _a_journal_with_edits(tmp_path)
    expected = model_to_dict(model)

    def die(sha256):
        journal.mark_saving(sha256)
        raise KeyboardInterrupt  # killed after the note, before the rename

    with pytest.raises(KeyboardInterrupt):
        save(model, document, before_replace=die)
    journal.close(delete=False)
    (info,) = find_journals(journal.path.parent)
    assert info.edits == 1
    recovered, report = recover(info.path)
    assert model_to_dict(recovered) == expected and report == []


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_a_folder_name_that_is_not_utf8_is_journaled_and_recovered(tmp_path):
    folder = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"Ph\xf2ng T\xb5i li\xd6u"))
    os.mkdir(folder)
    document = os.path.join(folder, "m.egov")
    model = province()
    save(model, document)
    journal = Journal(journal_path_for(tmp_path / "j", document), file_base(document),
                      document=document)
    journaled(model, journal, RenameElementCommand(model.elements[0].id, "Đã sửa"))
    (info,) = find_journals(tmp_path / "j")
    assert info.document == document  # the exact path, bytes and all
    assert info.name == "m.egov"
    recovered, report = recover(info.path)
    assert report == [] and model_to_dict(recovered) == model_to_dict(model)
    save(recovered, document)  # and back into that folder


def test_prune_removes_old_failed_and_postponed_journals_and_debris(tmp_path):
    model, document, journal = _a_journal_with_edits(tmp_path)
    journal.close(delete=False)
    folder = journal.path.parent
    other = province()
    recent = Journal(folder / "recent.journal", model_base(other))
    journaled(other, recent, RenameElementCommand(other.elements[0].id, "x"))
    recent.close(delete=False)
    failed = set_aside(recent.path)
    orphan = folder / "gone.journal.base"
    orphan.write_bytes(b"{}")
    temp = folder / f".{journal.path.name}.abc123.tmp"
    temp.write_bytes(b"half")
    old = time.time() - 40 * 86400
    for path in (journal.path, temp):
        os.utime(path, (old, old))
    assert prune_journals(folder) != []
    assert not journal.path.exists() and not temp.exists() and not orphan.exists()
    assert failed.exists()  # recent: kept for a look
    os.utime(failed, (old, old))
    prune_journals(folder)
    assert not failed.exists()
    discard_journal(folder / "nothing.journal")  # missing files are fine


def test_the_header_holds_a_path_exactly_even_with_odd_bytes(tmp_path):
    journal = Journal(tmp_path / "x.journal", model_base(province()), document="/a/\udcb5.egov")
    journal.start()
    header = json.loads(journal.path.read_bytes().split(b"\n")[0])
    assert header["document"] == "/a/\udcb5.egov"
