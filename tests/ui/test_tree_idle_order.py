"""The model tree puts its large folders in order while the window is idle (pytest-qt,
offscreen; issue 19): a relationship selected on the diagram is then revealed in the
Relationships folder (6,000 rows here) without working out a single sort key, and edits
made after (or while) the order was made (a rename of an element the relationships name,
a relationship added, one deleted, undo) show in the rows' order at once.

These tests count the keys worked out, never time anything."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication

from egov_modeler.model.commands import RelateCommand, RenameElementCommand, UnrelateCommand
from egov_modeler.model.concepts import Relationship
from egov_modeler.model.text_fold import fold
from egov_modeler.ui.docks.model_tree import ID_ROLE, KIND_ROLE
from tests.helpers.national_view_model import LARGE_VIEW, build_national_model, element_id

ELEMENTS, VIEW_NODES = 3000, 600


@pytest.fixture
def national(window):
    model = build_national_model(ELEMENTS, VIEW_NODES)
    window.document.replace(model, None)
    QApplication.processEvents()
    assert window.current_view_id() == LARGE_VIEW
    return model


def idle(qtbot, window) -> None:
    """Let the window sit idle until the tree has put its large folders in order."""
    warm_up = window.model_dock.source_model.warm_up
    qtbot.waitUntil(lambda: not warm_up.running(), timeout=20_000)


def relationships_folder(window):
    dock = window.model_dock
    tree_model, top = dock.source_model, dock.index_of_model()
    return next(i for i in (tree_model.index(r, 0, top) for r in range(tree_model.rowCount(top)))
                if i.data(KIND_ROLE) == "folder" and i.data(ID_ROLE) == "relationship")


def rows_in(window, folder) -> list[tuple[str, str]]:
    """Every row of ``folder`` (scrolled to its end): (id, text) in the tree's order."""
    tree_model = window.model_dock.source_model
    while tree_model.canFetchMore(folder):
        tree_model.fetchMore(folder)
    return [(str(tree_model.index(r, 0, folder).data(ID_ROLE)),
             str(tree_model.index(r, 0, folder).data()))
            for r in range(tree_model.rowCount(folder))]


def assert_in_order(window, model) -> None:
    rows = rows_in(window, relationships_folder(window))
    assert sorted(i for i, _ in rows) == sorted(r.id for r in model.relationships)
    texts = [fold(text) for _, text in rows]
    assert texts == sorted(texts)


def select_line_on_diagram(window, relationship_id: str) -> None:
    scene = window.current_canvas().diagram()
    view = window.current_model().view(LARGE_VIEW)
    (line,) = [c.id for c in view.connections.values()
               if c.relationship_id == relationship_id]
    scene.select_ids([line])
    QApplication.processEvents()


def a_shown_relationship(window) -> str:
    view = window.current_model().view(LARGE_VIEW)
    lines = [c for c in view.connections.values() if c.relationship_id]
    return lines[len(lines) // 2].relationship_id


def test_a_line_selected_after_a_pause_is_revealed_in_order_with_no_key_worked_out(
        window, qtbot, national):
    idle(qtbot, window)
    tree_model = window.model_dock.source_model
    keys = tree_model.keys_made
    assert keys >= len(national.relationships)  # the pause put them all in order
    wanted = a_shown_relationship(window)
    select_line_on_diagram(window, wanted)
    dock = window.model_dock
    assert dock.selected_rows() == [("relationship", wanted)]
    index = dock.index_of(wanted)
    assert dock.tree.isExpanded(index.parent())  # revealed: its folder is open
    assert tree_model.keys_made == keys  # nothing left to work out on the click
    shown = [tree_model.index(r, 0, index.parent()).data()
             for r in range(tree_model.rowCount(index.parent()))]
    folded = [fold(text) for text in shown]
    assert folded == sorted(folded)
    assert_in_order(window, national)


def test_edits_after_the_pause_keep_the_rows_in_order(window, qtbot, national):
    idle(qtbot, window)
    editor = window.document.editor
    # An element many relationships name, renamed so its relationships move to the front.
    end = element_id(17)
    named = [r.id for r in national.relationships if end in (r.source, r.target)]
    assert named
    assert editor.run(RenameElementCommand(end, "Ấ đầu tiên"))
    rel = Relationship("id-rel-new", "Association", element_id(3), element_id(5),
                       name="Ă mới thêm")
    assert editor.run(RelateCommand(rel))
    gone = national.relationships[10].id
    assert editor.run(UnrelateCommand(gone))
    select_line_on_diagram(window, a_shown_relationship(window))
    assert_in_order(window, national)
    rows = rows_in(window, relationships_folder(window))
    assert rows[0][0] == "id-rel-new"  # "a moi them ..." before every other row
    assert gone not in {i for i, _ in rows}
    window.document.undo_stack.undo()  # the delete
    window.document.undo_stack.undo()  # the new relationship
    window.document.undo_stack.undo()  # the rename
    QApplication.processEvents()
    assert_in_order(window, national)
    assert gone in {i for i, _ in rows_in(window, relationships_folder(window))}


def test_an_edit_while_the_order_is_being_made_is_not_lost(window, qtbot, national):
    tree_model = window.model_dock.source_model
    warm_up = tree_model.warm_up
    slices = warm_up.slices
    qtbot.waitUntil(lambda: warm_up.slices >= slices + 2)  # some keys made, not all
    assert warm_up.running()
    end = element_id(17)
    named = {r.id for r in national.relationships if end in (r.source, r.target)}
    assert window.document.editor.run(RenameElementCommand(end, "Ấ đầu tiên"))
    idle(qtbot, window)
    assert_in_order(window, national)
    texts = dict(rows_in(window, relationships_folder(window)))
    assert named and all("Ấ đầu tiên" in texts[i] for i in named)
