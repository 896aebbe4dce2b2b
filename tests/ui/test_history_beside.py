"""The Repository dock's "What changed" column is worked out beside the window (issue 19):
the same texts as before, made in a worker thread with the cycle collector paused, rows
showing "…" until their text arrives, a refresh mid-way never filling a row with another
history's text, and closing the dock or the window leaving no thread behind."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from egov_modeler.model.commands import MoveNodeCommand, RenameElementCommand
from egov_modeler.repository.store import ModelRepository
from egov_modeler.repository.wording import summary
from egov_modeler.ui.docks import history_worker
from egov_modeler.ui.docks.history_worker import THREAD_NAME
from egov_modeler.ui.docks.repository_dock import RepositoryDock
from tests.helpers.repository import VIEW, edit_file, new_repository
from tests.helpers.ui import FakeDialogs

WAIT_MS = 20000


@pytest.fixture
def dock(qtbot):
    from egov_modeler.ui.app import prepare_application

    prepare_application()
    widget = RepositoryDock(dialogs=FakeDialogs())
    qtbot.addWidget(widget)
    yield widget
    widget.close()


def history(folder, versions: int, prefix: str) -> str:
    """A model repository in ``folder`` with ``versions`` versions after the first, each
    a rename and a move; its model file's path."""
    with new_repository(folder) as repo:
        for i in range(versions):
            edit_file(repo, lambda m, i=i: m.execute(
                RenameElementCommand("id-portal", f"{prefix} {i}")))
            if i % 2:
                edit_file(repo, lambda m, i=i: m.execute(
                    MoveNodeCommand(VIEW, "id-n-db", 600 + 10 * i, 90)))
            repo.commit(f"{prefix} {i}")
        return str(repo.model_file)


def expected_texts(path: str) -> list[str]:
    """What the column said when the dock worked it out on the GUI thread."""
    with ModelRepository.open(path) as repo:
        return [summary(repo.changes_in(v)) for v in repo.history()]


def column(dock) -> list[str]:
    return [dock.history.topLevelItem(i).text(3)
            for i in range(dock.history.topLevelItemCount())]


def workers_alive() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD_NAME and t.is_alive()]


class Watched:
    """The worker's texts, seen as they are made: on which thread, with the collector on
    or off; ``hold`` keeps the worker after its first text until ``release`` (or until it
    is told to stop)."""

    def __init__(self, monkeypatch, hold: bool = False) -> None:
        self.made: list[tuple[str, str, bool, str]] = []  # (id, thread, collector on, root)
        self.release = threading.Event()
        self.hold = hold
        real = history_worker.summaries

        def watched(repo, version_ids, stopped):
            for version_id, text in real(repo, version_ids, stopped):
                self.made.append((version_id, threading.current_thread().name,
                                  gc.isenabled(), str(repo.root)))
                yield version_id, text
                while self.hold and not stopped() and not self.release.wait(0.01):
                    pass

        monkeypatch.setattr(history_worker, "summaries", watched)


def test_the_column_says_the_same_as_before_worked_out_off_the_gui_thread(
        dock, tmp_path, qtbot, monkeypatch):
    path = history(tmp_path / "a", 5, "Cổng")
    watched = Watched(monkeypatch)
    collector_was_on = gc.isenabled()
    dock.set_document(path)
    assert column(dock) == ["…"] * 6  # nothing is worked out on the GUI thread
    qtbot.waitUntil(dock.summaries_done, timeout=WAIT_MS)
    assert column(dock) == expected_texts(path)
    assert column(dock)[0] == "đổi tên 1 phần tử"
    assert dock.history.topLevelItem(1).toolTip(3) == (
        "đổi tên 1 phần tử; sơ đồ ‘Sơ đồ tổng thể’ thay đổi")
    assert [thread for _id, thread, _on, _root in watched.made] == [THREAD_NAME] * 6
    assert THREAD_NAME != threading.main_thread().name
    assert not any(on for _id, _thread, on, _root in watched.made)  # collector paused
    qtbot.waitUntil(lambda: not workers_alive(), timeout=WAIT_MS)
    assert gc.isenabled() == collector_was_on
    assert [version_id for version_id, *_rest in watched.made] == [
        dock.history.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1)
        for i in range(6)]  # newest first


def test_a_refresh_mid_way_never_puts_a_text_in_another_historys_row(
        dock, tmp_path, qtbot, monkeypatch):
    first = history(tmp_path / "a", 5, "Cổng A")
    second = history(tmp_path / "b", 3, "Trung tâm B")
    watched = Watched(monkeypatch, hold=True)
    dock.set_document(first)
    qtbot.waitUntil(lambda: column(dock)[0] != "…", timeout=WAIT_MS)
    assert column(dock)[1:] == ["…"] * 5  # the worker waits after its first text
    stale = workers_alive()
    dock.set_document(second)  # another document while the first history is half done
    watched.hold = False
    watched.release.set()
    qtbot.waitUntil(dock.summaries_done, timeout=WAIT_MS)
    for thread in stale:
        thread.join(WAIT_MS / 1000)
    qtbot.wait(50)  # anything the old worker still sent has arrived
    assert column(dock) == expected_texts(second)
    assert [dock.history.topLevelItem(i).text(2) for i in range(4)][0] == "Trung tâm B 2"
    first_root = str(ModelRepository.open(first).root)
    assert len([m for m in watched.made if m[3] == first_root]) == 1  # the old one stopped


def test_a_new_version_keeps_the_texts_already_there_and_adds_its_own(dock, tmp_path,
                                                                      qtbot):
    path = history(tmp_path / "a", 2, "Cổng")
    dock.set_document(path)
    qtbot.waitUntil(dock.summaries_done, timeout=WAIT_MS)
    assert dock.repository is not None
    edit_file(dock.repository, lambda m: m.execute(RenameElementCommand("id-lgsp", "LGSP")))
    dock.message.setText("LGSP")
    assert dock.commit()
    qtbot.waitUntil(dock.summaries_done, timeout=WAIT_MS)
    assert column(dock) == expected_texts(path)
    assert column(dock)[0] == "đổi tên 1 phần tử"


def test_closing_the_dock_mid_way_leaves_no_thread_running(dock, tmp_path, qtbot,
                                                           monkeypatch):
    path = history(tmp_path / "a", 4, "Cổng")
    Watched(monkeypatch, hold=True)
    dock.set_document(path)
    qtbot.waitUntil(lambda: column(dock)[0] != "…", timeout=WAIT_MS)
    assert workers_alive()
    dock.close()
    assert not workers_alive()
    assert not dock.summaries_running()
    qtbot.wait(50)
    assert column(dock)[1:] == ["…"] * 4


def test_closing_the_window_mid_way_leaves_no_thread_running(qtbot, tmp_path, monkeypatch):
    path = history(tmp_path / "a", 4, "Cổng")
    Watched(monkeypatch, hold=True)
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = RepositoryDock(window, FakeDialogs())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    dock.set_document(path)
    qtbot.waitUntil(lambda: column(dock)[0] != "…", timeout=WAIT_MS)
    assert workers_alive()
    window.close()
    assert not workers_alive()


def test_a_worker_that_fails_leaves_no_row_waiting(dock, tmp_path, qtbot, monkeypatch):
    path = history(tmp_path / "a", 2, "Cổng")
    real = history_worker.summaries

    def failing(repo, version_ids, stopped):
        for version_id, text in real(repo, version_ids, stopped):
            yield version_id, text
            raise ValueError("a fault in the diff")

    monkeypatch.setattr(history_worker, "summaries", failing)
    dock.set_document(path)
    qtbot.waitUntil(dock.summaries_done, timeout=WAIT_MS)
    assert column(dock) == [expected_texts(path)[0]] + [
        "không tính được: xem nhật ký của chương trình"] * 2
