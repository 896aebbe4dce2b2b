"""A model in a folder whose name is not UTF-8 (old TCVN3/VNI archives) opens in the
window, is journaled, saved, and recovered (issue 11)."""

from __future__ import annotations

import os
import sys

import pytest

from egov_modeler.model import Model
from egov_modeler.storage.journal import find_journals
from egov_modeler.storage.native import load, save
from tests.helpers.ui import FakeDialogs, drop

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                reason="needs byte file names")


def test_a_file_in_a_non_utf8_folder_opens_is_journaled_and_saved(qtbot, tmp_path):
    from egov_modeler.ui import open_window

    folder = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"H\xe5 s\xfd T\xb5i li\xd6u"))
    os.mkdir(folder)
    path = os.path.join(folder, "gia-lai.egov")
    model = Model("Kiến trúc thử nghiệm")
    model.add_view("Sơ đồ khái quát")
    save(model, path)
    window = open_window(path, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    assert window.document.path == path
    window.setWindowTitle(window.windowTitle())  # the title can be shown
    drop(window, "u_nguoi_dan", 200, 70)
    journals = find_journals(window.document.journal_keeper.folder)
    (info,) = [i for i in journals if i.document == path]
    assert info.edits >= 1
    assert window.files.save_to(path)
    assert len(load(path).elements) == 1
    window.document.undo_stack.setClean()
