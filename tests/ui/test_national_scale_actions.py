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
    refreshes = []
    refresh = form.refresh
    form.refresh = lambda: (refreshes.append(1), refresh())[1]  # type: ignore[method-assign]
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
    assert len(refreshes) <= 2
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
