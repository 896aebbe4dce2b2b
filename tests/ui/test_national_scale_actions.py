"""More of the window's actions on a national-scale model (pytest-qt, offscreen): what they
do stays in proportion to what they touch, and the long ones can be stopped.

Found by ``benchmarks/probe_window_actions.py`` (which times them); these tests count the
work instead: refreshes of the Properties panel's inventory fields per delete, lines of
every view walked to delete one relationship, and Stop on "Re-layout view" and "Generate
overview".
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication

from egov_modeler.model import serialization as ser
from egov_modeler.model.commands import UnrelateCommand
from egov_modeler.ui.canvas.items import ConnectionItem
from egov_modeler.ui.window import inventory_controller
from tests.helpers.national_model import BIG_VIEW, build_national_model


@pytest.fixture
def national(window):
    """The window on a 1,200-element model, its 1,200-node overview open."""
    model = build_national_model(1200)
    window.document.replace(model, None)
    window.views.open_view(BIG_VIEW)
    QApplication.processEvents()
    return model


def _spread_nodes(model, count: int, type_name: str) -> list[str]:
    nodes = [n.id for n in model.view(BIG_VIEW).nodes.values() if n.element_id
             and model.element(n.element_id).type == type_name]
    return nodes[::max(1, len(nodes) // count)][:count]


def test_deleting_many_from_the_model_refreshes_the_inventory_fields_once(window, national):
    """Ctrl+Delete of 60 elements sends over a thousand change events (their
    relationships and lines go too); the Properties panel's inventory fields read the
    whole selection at each refresh, so they refresh once for the delete, not per event."""
    scene = window.current_canvas().diagram()
    chosen = _spread_nodes(national, 60, "ApplicationComponent")  # systems: one form
    scene.select_ids(chosen)
    QApplication.processEvents()
    form = window.properties.inventory_fields
    assert form.isVisibleTo(window.properties)  # the 60 elements' common fields shown
    # Each refresh, and whether a new selection asked for it (Qt may tell the selection
    # once or twice after a delete, as the event loop runs; the events must not count).
    refreshes: list[bool] = []
    showing: list[int] = []
    refresh, show = form.refresh, form.show_concepts

    def shown(*args, **kwargs):
        showing.append(1)
        try:
            return show(*args, **kwargs)
        finally:
            showing.pop()

    form.show_concepts = shown  # type: ignore[method-assign]
    form.refresh = lambda: (refreshes.append(bool(showing)), refresh())[1]  # type: ignore[method-assign]
    events = []
    unsubscribe = national.subscribe(events.append)
    elements = {national.view(BIG_VIEW).nodes[n].element_id for n in chosen}
    try:
        window.dialogs.confirm_answer = True
        assert window.edits.delete_from_model()
    finally:
        unsubscribe()
    QApplication.processEvents()
    assert not any(national.has_element(e) for e in elements)
    assert len(events) > 500
    assert refreshes.count(False) == 1  # the model's events: once for the whole delete
    assert not form.isVisibleTo(window.properties)  # nothing left to show


class _CountingConnections(dict):
    """A view's lines that count how often all of them are walked."""

    walks = 0

    def values(self):  # type: ignore[override]
        _CountingConnections.walks += 1
        return super().values()

    def items(self):  # type: ignore[override]
        _CountingConnections.walks += 1
        return super().items()

    def __iter__(self):
        _CountingConnections.walks += 1
        return super().__iter__()


def test_deleting_a_relationship_finds_its_lines_without_walking_every_view():
    model = build_national_model(1200)
    view = model.view(BIG_VIEW)
    connection = next(iter(view.connections.values()))
    rel_id = connection.relationship_id
    shown_in = [v.id for v in model.views if v.connections_of_relationship(rel_id)]
    for v in model.views:
        v.connections = _CountingConnections(v.connections)
        v.connections_of_relationship("")  # the view's index, built again once
    _CountingConnections.walks = 0
    parts = UnrelateCommand(rel_id)._parts(model)
    assert _CountingConnections.walks == 0
    removed = [(p.view_id, p.connection_id) for p in parts if hasattr(p, "connection_id")]
    assert (BIG_VIEW, connection.id) in removed
    assert sorted({v for v, _c in removed}) == sorted(shown_in)
    model.execute(UnrelateCommand(rel_id))
    assert not model.has_relationship(rel_id)
    assert not any(c.relationship_id == rel_id for v in model.views
                   for c in dict.values(v.connections))


@pytest.mark.parametrize("action", ["relayout", "generate_overview"])
def test_stop_on_relayout_and_generate_overview_leaves_the_model_as_it_was(
        window, national, monkeypatch, action):
    """The progress window's Stop (pressed here as the routing starts) ends the work
    between two lines; nothing is changed and the status bar says so."""

    def stopped_at_once(parent, label, work, *, keep=False, cancel=None):
        assert cancel is not None  # the progress window has a Stop button
        cancel.cancel()
        return work()

    monkeypatch.setattr(inventory_controller, "run_long", stopped_at_once)
    before = ser.model_to_dict(national)
    steps = window.document.undo_stack.count()
    result = getattr(window.inventory, action)()
    assert not result
    assert ser.model_to_dict(national) == before
    assert window.document.undo_stack.count() == steps
    assert "stopped" in window.statusBar().currentMessage().lower() or \
        "dừng" in window.statusBar().currentMessage().lower()


def test_aligning_many_nodes_reroutes_each_of_their_lines_once(window, national,
                                                                monkeypatch):
    """Align left of 150 nodes moves them in one edit; a line between two of them was
    re-routed at each end's move (and each re-route re-files it in Qt's index)."""
    scene = window.current_canvas().diagram()
    view = national.view(BIG_VIEW)
    chosen = [n.id for n in view.nodes.values() if n.element_id
              and national.element(n.element_id).type == "ApplicationComponent"][:150]
    scene.select_ids(chosen)
    QApplication.processEvents()
    lines = {c.id for c in view.connections_of_nodes(chosen)}
    between = [c for c in lines if view.connections[c].source in chosen
               and view.connections[c].target in chosen]
    assert between  # lines with both ends moved: re-routed twice before
    routed: list[str] = []
    update_route = ConnectionItem.update_route

    def counting(item):
        routed.append(item.connection_id)
        return update_route(item)

    monkeypatch.setattr(ConnectionItem, "update_route", counting)
    before = {n: view.nodes[n].x for n in chosen}
    assert window.edits.arrange("align_left")
    QApplication.processEvents()
    left = min(before.values())
    assert all(view.nodes[n].x == left for n in chosen)
    moved = [n for n in chosen if before[n] != left]
    assert len(routed) == len(set(routed))
    assert {c.id for c in view.connections_of_nodes(moved)} <= set(routed) <= lines
    for line in routed:  # each drawn from where its source now is
        start = scene.connection_items[line].points[0]
        source = scene.node_items[view.connections[line].source].scene_box()
        assert source.adjusted(-1, -1, 1, 1).contains(start)


def test_typing_in_the_tree_filter_looks_only_at_the_rows_still_shown(window, national):
    """Each letter typed narrows the query: the tree looks again at the rows the last
    letters left, not at every concept of the model (the filter runs at every key)."""
    dock = window.model_dock
    tree_model = dock.source_model
    dock.search.setText("hệ thống")
    QApplication.processEvents()
    shown = tree_model.matches_shown()
    concepts = len(national.elements) + len(national.relationships) + len(national.views)
    assert 0 < shown < concepts * 2 // 3
    looked_at = tree_model.rows_filtered
    dock.search.setText("hệ thống 1")
    QApplication.processEvents()
    assert 0 < tree_model.rows_filtered - looked_at <= shown
    found = {entry[1] for f in tree_model.folders() for entry in f.order or ()}
    assert found and all("1" in national.element(e).name for e in found
                         if national.has_element(e))
    looked_at = tree_model.rows_filtered
    dock.search.setText("hệ")  # a broader query: every concept is looked at again
    QApplication.processEvents()
    assert tree_model.rows_filtered - looked_at > shown
    assert sum(len(f.order or ()) for f in tree_model.folders()) >= shown


def test_the_repository_reads_the_model_file_off_the_gui_thread(qtbot, tmp_path,
                                                                 monkeypatch):
    """Creating the repository, recording a version and comparing versions each read the
    whole model file (seconds at national scale): they run behind the progress window
    while the window keeps answering, not on the GUI thread."""
    import threading

    from egov_modeler.model.commands import RenameElementCommand
    from egov_modeler.repository.store import ModelRepository
    from egov_modeler.storage import native
    from egov_modeler.ui.docks.repository_dock import RepositoryDock
    from tests.helpers.repository import edit_file, small_model
    from tests.helpers.ui import FakeDialogs

    threads: dict[str, list[str]] = {}

    def on_thread(name, method):
        def recorded(*args, **kwargs):
            threads.setdefault(name, []).append(threading.current_thread().name)
            return method(*args, **kwargs)
        return recorded

    monkeypatch.setattr(ModelRepository, "init",
                        classmethod(on_thread("init", ModelRepository.init.__func__)))
    monkeypatch.setattr(ModelRepository, "commit", on_thread("commit", ModelRepository.commit))
    monkeypatch.setattr(ModelRepository, "diff", on_thread("diff", ModelRepository.diff))
    dock = RepositoryDock(dialogs=FakeDialogs())
    qtbot.addWidget(dock)
    path = tmp_path / "kien-truc.egov"
    native.save(small_model(), path)
    dock.set_document(str(path))
    dock.dialogs.text_answer = "Sở KH&CN <skhcn@gialai.gov.vn>"
    assert dock.create_repository()
    edit_file(dock.repository, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng")))
    dock.message.setText("Đổi tên cổng")
    assert dock.commit()
    dock.history.selectAll()
    assert dock.compare() is not None
    gui = threading.main_thread().name
    assert set(threads) == {"init", "commit", "diff"}
    assert all(name != gui for names in threads.values() for name in names)
    assert dock.history.topLevelItemCount() == 2
    dock.set_document(None)
