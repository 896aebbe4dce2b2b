"""Where file dialogs start: never the program's working directory."""

from __future__ import annotations

import os

from egov_modeler.ui.dialogs.file_actions import initial_path, remember_folder


def test_an_untitled_model_is_suggested_in_documents_not_the_working_directory(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    start = initial_path("Kiến trúc tỉnh.egov")
    assert os.path.isabs(start) and start.endswith("Kiến trúc tỉnh.egov")
    assert os.path.dirname(start) != str(tmp_path)


def test_the_next_dialog_starts_where_the_last_file_was_chosen(tmp_path):
    folder = tmp_path / "hồ sơ"
    folder.mkdir()
    remember_folder(str(folder / "gia-lai.egov"))
    assert initial_path("mới.egov") == str(folder / "mới.egov")
    assert initial_path() == str(folder)


def test_a_full_path_is_kept(tmp_path):
    assert initial_path(str(tmp_path / "a.egov")) == str(tmp_path / "a.egov")
