"""The Repository dock on its own (no main window): status, commit, history with compare
and restore, pull with the conflict panel, push, bundles."""

from __future__ import annotations

import pytest

from egov_modeler.model.commands import MoveNodeCommand, RenameElementCommand
from egov_modeler.repository import remote
from egov_modeler.repository.conflicts import THEIRS
from egov_modeler.storage import native
from egov_modeler.ui.docks.repository_dock import RepositoryDock
from tests.helpers.repository import UNIT_B, VIEW, edit_file, new_repository, small_model
from tests.helpers.ui import FakeDialogs


@pytest.fixture
def dock(qtbot):
    from egov_modeler.ui.app import prepare_application

    prepare_application()  # the translator: the dock speaks Vietnamese
    widget = RepositoryDock(dialogs=FakeDialogs())
    qtbot.addWidget(widget)
    yield widget
    widget.set_document(None)


def history_texts(dock, column):
    return [dock.history.topLevelItem(i).text(column)
            for i in range(dock.history.topLevelItemCount())]


def rename(element_id, name):
    return lambda m: m.execute(RenameElementCommand(element_id, name))


def test_an_unsaved_model_has_nothing_to_version(dock):
    assert "Lưu mô hình" in dock.status_label.text()
    assert not dock.commit_button.isEnabled() and not dock.pull_button.isEnabled()
    assert dock.create_button.isHidden()


def test_a_saved_model_becomes_a_repository_from_the_dock(dock, tmp_path):
    path = tmp_path / "kien-truc.egov"
    native.save(small_model(), path)
    dock.set_document(str(path))
    assert not dock.create_button.isHidden()
    dock.dialogs.text_answer = "Sở KH&CN <skhcn@gialai.gov.vn>"
    assert dock.create_repository()
    assert history_texts(dock, 1) == ["Sở KH&CN"]
    assert "giống phiên bản gần nhất" in dock.status_label.text()


def test_commit_then_the_history_says_what_changed(dock, tmp_path, qtbot):
    repo = new_repository(tmp_path / "a")
    repo.close()
    dock.set_document(str(tmp_path / "a" / "kien-truc.egov"))
    saved = []
    dock.prepare = lambda: saved.append(True) or True  # the window saves first
    edit_file(dock.repository, rename("id-portal", "Cổng DVC Gia Lai"))
    dock.refresh()
    assert "chưa được ghi phiên bản" in dock.status_label.text()
    assert not dock.commit_button.isEnabled()  # no message yet
    dock.message.setText("Đổi tên cổng")  # (QTest types ASCII only)
    dock.commit_button.click()
    assert saved and dock.message.text() == ""
    assert history_texts(dock, 2) == ["Đổi tên cổng", "Phiên bản đầu tiên của mô hình"]
    qtbot.waitUntil(dock.summaries_done)
    assert history_texts(dock, 3)[0] == "đổi tên 1 phần tử"


def test_the_dock_closed_and_shown_again_works_on_its_repository(dock, tmp_path, qtbot):
    """Closing the dock closes its repository; shown again (View menu), it opens it again
    instead of showing the old history with nothing behind its buttons."""
    repo = new_repository(tmp_path / "a")
    repo.close()
    dock.set_document(str(tmp_path / "a" / "kien-truc.egov"))
    dock.show()
    dock.close()
    assert dock.repository is None
    dock.show()
    assert dock.repository is not None
    assert history_texts(dock, 2) == ["Phiên bản đầu tiên của mô hình"]
    edit_file(dock.repository, rename("id-portal", "Cổng DVC Gia Lai"))
    dock.prepare = lambda: True
    dock.message.setText("Đổi tên cổng")
    dock.commit_button.click()
    assert history_texts(dock, 2) == ["Đổi tên cổng", "Phiên bản đầu tiên của mô hình"]


def test_nothing_is_committed_when_the_window_could_not_save(dock, tmp_path):
    new_repository(tmp_path / "a").close()
    dock.set_document(str(tmp_path / "a" / "kien-truc.egov"))
    dock.prepare = lambda: False
    dock.message.setText("x")
    assert not dock.commit()
    assert dock.history.topLevelItemCount() == 1


def test_compare_two_versions_and_show_a_change_on_the_diagram(dock, tmp_path, qtbot):
    repo = new_repository(tmp_path / "a")
    edit_file(repo, lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 640, 100)))
    repo.commit("Dời CSDL")
    repo.close()
    dock.set_document(str(tmp_path / "a" / "kien-truc.egov"))
    dock.history.selectAll()
    diff = dock.compare()
    assert diff is not None
    lines = [dock.changes.topLevelItem(i).text(0)
             for i in range(dock.changes.topLevelItemCount())]
    assert lines == ["sơ đồ ‘Sơ đồ tổng thể’ thay đổi",
                     "Đã dời: ‘CSDL quốc gia về dân cư’ trên sơ đồ ‘Sơ đồ tổng thể’"]
    with qtbot.waitSignal(dock.highlightRequested) as signal:
        dock._change_activated(dock.changes.topLevelItem(1))
    assert signal.args == [VIEW, ("id-n-db",)]


def test_restore_puts_an_old_version_in_the_file_for_the_window_to_reload(dock, tmp_path,
                                                                          qtbot):
    repo = new_repository(tmp_path / "a")
    first = repo.model_file.read_bytes()
    edit_file(repo, rename("id-portal", "Cổng mới"))
    repo.commit("Đổi tên")
    repo.close()
    dock.set_document(str(tmp_path / "a" / "kien-truc.egov"))
    dock.history.topLevelItem(1).setSelected(True)
    with qtbot.waitSignal(dock.modelReplaced) as signal:
        assert dock.restore()
    assert signal.args == [str(tmp_path / "a" / "kien-truc.egov")]
    assert (tmp_path / "a" / "kien-truc.egov").read_bytes() == first
    assert dock.message.text().startswith("Khôi phục phiên bản lúc")
    assert dock.history.topLevelItemCount() == 2


@pytest.fixture
def shared(tmp_path):
    """Unit A's repository in a shared folder, and unit B's clone, with clashing renames
    (A's already pushed)."""
    (tmp_path / "chung").mkdir()
    address = str(tmp_path / "chung" / "kien-truc.git")
    with new_repository(tmp_path / "a") as a:
        remote.push(a, address)
        with remote.clone(address, tmp_path / "b", UNIT_B) as b:
            edit_file(a, rename("id-portal", "Cổng A"))
            a.commit("A")
            remote.push(a)
            edit_file(b, rename("id-portal", "Cổng B"))
            b.commit("B")
    return tmp_path / "b" / "kien-truc.egov"


def test_pull_opens_the_conflict_panel_and_merges_what_the_user_decided(dock, shared, qtbot):
    dock.set_document(str(shared))

    def decide(dialog):
        assert len(dialog.undecided()) == 1
        dialog.choose(dialog.undecided()[0], THEIRS)

    dock.dialogs.prepare_dialog = decide
    with qtbot.waitSignal(dock.modelReplaced):
        assert dock.pull()
    assert native.load(shared).element("id-portal").name == "Cổng A"
    assert dock.history.topLevelItemCount() == 4  # first, A, B and the merge
    assert "0 cần gửi" not in dock.status_label.text()  # the merge is still to send


def test_abandoning_the_conflict_panel_leaves_everything_as_it_was(dock, shared, qtbot):
    dock.set_document(str(shared))
    before = shared.read_bytes(), dock.repository.head()
    dock.dialogs.dialog_answer = False
    replaced = []
    dock.modelReplaced.connect(replaced.append)
    with qtbot.waitSignal(dock.statusMessage) as signal:
        assert not dock.pull()
    assert "như cũ" in signal.args[0]
    assert (shared.read_bytes(), dock.repository.head()) == before
    assert replaced == []


def test_push_asks_for_the_shared_folder_the_first_time(dock, tmp_path):
    new_repository(tmp_path / "a").close()
    (tmp_path / "chung").mkdir()
    dock.set_document(str(tmp_path / "a" / "kien-truc.egov"))
    dock.dialogs.text_answer = str(tmp_path / "chung" / "kien-truc.git")
    assert dock.push()
    assert (tmp_path / "chung" / "kien-truc.git" / "HEAD").exists()
    assert "0 cần gửi, 0 cần nhận" in dock.status_label.text()


def test_a_failing_push_says_why(dock, shared):
    dock.set_document(str(shared))
    assert not dock.push()
    [(title, text, _details)] = dock.dialogs.errors
    assert title == "Không gửi lên được" and "nhận về trước" in text


def test_bundles_through_the_dock(dock, shared, tmp_path):
    dock.set_document(str(shared))
    stick = tmp_path / "usb.bundle"
    dock.dialogs.save_answer = str(stick)
    assert dock.write_bundle() and stick.exists()
    assert dock.changes.topLevelItemCount() == 0
