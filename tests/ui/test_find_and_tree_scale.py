"""Find next, the model tree's filter and a reveal in the tree on national-size models
(pytest-qt, offscreen): what the user sees (the match selected in the Find list, on the
diagram and in the tree, in sight; the rows a filter typed without accents shows; the
row of a line selected right after the open) and counters showing that the work of each
press or key follows what changed, not the model's size: rows made per F3, names folded
and rows looked at per key, sort keys worked out for a reveal. No test times anything
(``benchmarks/bench_find_tree.py`` does)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication

from egov_modeler.model.commands import (
    AddElementCommand,
    AddFolderCommand,
    DeleteElementCommand,
    RenameElementCommand,
)
from egov_modeler.model.concepts import Element
from egov_modeler.model.find import ELEMENT, FindOptions, find
from egov_modeler.model.text_fold import fold
from egov_modeler.ui.docks.model_tree import FETCH_BATCH, ID_ROLE, KIND_ROLE
from tests.helpers.national_model import BIG_VIEW, build_national_model

HANOI = "id-test-hanoi"


def open_national(window, elements: int):
    """The window on a national model of ``elements`` elements with an element named
    "Sở Tư pháp Hà Nội" and one named "Sở Tư pháp Hà Nam", the overview open."""
    model = build_national_model(elements)
    model.add_element("BusinessActor", "Sở Tư pháp Hà Nội", id=HANOI)
    model.add_element("BusinessActor", "Sở Tư pháp Hà Nam", id="id-test-hanam")
    window.document.replace(model, None)
    window.views.open_view(BIG_VIEW)
    QApplication.processEvents()
    return model


@pytest.fixture(params=[600, 2400], ids=["600", "2400"])
def national(window, request):
    return open_national(window, request.param)


def idle(qtbot, window) -> None:
    """Let the window sit idle until the tree's idle work (orders, folds) is done."""
    warm_up = window.model_dock.source_model.warm_up
    qtbot.waitUntil(lambda: not warm_up.running(), timeout=30_000)
    QApplication.processEvents()


def in_sight(tree, index) -> bool:
    return index.isValid() and tree.viewport().rect().intersects(tree.visualRect(index))


def folder_id(index) -> str:
    parent = index.parent()
    return f"{parent.data(KIND_ROLE)}:{parent.data(ID_ROLE)}"


# ----------------------------------------------------------------------------- Find next
def test_f3_shows_each_next_match_in_the_tree_making_one_row_a_press(window, qtbot, national):
    idle(qtbot, window)
    finds = window.finds
    finds.open_find()
    dock = finds.dock
    dock.find_text.setText("Hệ thống")
    dock.search()
    expected = find(national, FindOptions("Hệ thống"))
    assert len(expected) > 100 and dock.matches == expected
    tree_dock = window.model_dock
    tree, tree_model = tree_dock.tree, tree_dock.source_model
    scene = window.current_canvas().diagram()
    view = national.view(BIG_VIEW)
    folders_seen: set[str] = set()
    for press in range(25):
        made = tree_model.rows_made
        match = finds.find_next()
        QApplication.processEvents()
        assert match == expected[press]  # the matches in order, one per press
        assert dock.results.currentIndex().row() == press
        assert match.kind == ELEMENT
        # The tree: the match's row selected, current and in sight.
        assert tree_dock.selected_rows() == [("element", match.owner_id)]
        current = tree.currentIndex()
        assert current.data(ID_ROLE) == match.owner_id
        assert in_sight(tree, current)
        # The diagram: the shapes of the element, when the overview shows it.
        on_view = {n.id for n in view.nodes.values() if n.element_id == match.owner_id}
        assert set(scene.selected_node_ids()) == on_view
        # One row made (the match's), besides the first rows of a folder opened now.
        folder = folder_id(current)
        first_time = folder not in folders_seen
        folders_seen.add(folder)
        assert tree_model.rows_made - made <= (FETCH_BATCH + 1 if first_time else 1)
    assert len(folders_seen) < 25  # some presses stayed in a folder already open


def test_f3_past_the_last_match_goes_back_to_the_first(window, qtbot, national):
    finds = window.finds
    finds.open_find()
    dock = finds.dock
    dock.find_text.setText("tu phap ha n")  # the two test elements, in model order
    dock.search()
    assert [m.owner_id for m in dock.matches] == [HANOI, "id-test-hanam"]
    seen = [finds.find_next().owner_id for _ in range(3)]
    assert seen == [HANOI, "id-test-hanam", HANOI]
    assert window.model_dock.selected_rows() == [("element", HANOI)]


# ----------------------------------------------------------------------------- filter
def shown_concepts(tree_model) -> list[str]:
    """Every concept the filter shows, in every folder (rows made or not)."""
    return [entry[1] for f in tree_model.folders() if f.shown for entry in f.order or ()]


def test_typing_ha_noi_finds_ha_noi_and_each_key_looks_at_the_last_keys_rows(
        window, qtbot, national):
    idle(qtbot, window)
    dock = window.model_dock
    tree_model = dock.source_model
    folded_before = tree_model.searches_made
    shown_before = tree_model.matches_shown()
    looked_at: list[tuple[int, int]] = []
    for end in range(1, len("ha noi") + 1):
        filtered = tree_model.rows_filtered
        dock.search.setText("ha noi"[:end])
        QApplication.processEvents()
        looked_at.append((tree_model.rows_filtered - filtered, shown_before))
        shown_before = tree_model.matches_shown()
    # What the user sees: "Sở Tư pháp Hà Nội" (typed without accents), not "Hà Nam".
    index = dock.index_of(HANOI)
    assert index.isValid() and index.data() == "Sở Tư pháp Hà Nội"
    assert dock.tree.isExpanded(index.parent())
    assert not dock.index_of("id-test-hanam").isValid()
    assert shown_concepts(tree_model) == [HANOI]  # nothing else holds "ha" and "noi"
    # The work: no name folded while typing (the idle time folded them), and each key
    # looked at no more rows than the key before showed.
    assert tree_model.searches_made == folded_before
    assert all(0 <= done <= before for done, before in looked_at)
    concepts = len(national.elements) + len(national.relationships) + len(national.views)
    assert looked_at[-1][0] < concepts // 10  # "ha noi" looked at what "ha no" showed


def test_typed_with_its_accents_or_before_the_idle_work_the_filter_finds_the_same(
        window, qtbot, national):
    dock = window.model_dock
    dock.search.setText("Hà Nội")  # at once after the open: names folded as needed
    QApplication.processEvents()
    with_accents = sorted(shown_concepts(dock.source_model))
    assert HANOI in with_accents
    dock.search.clear()
    idle(qtbot, window)
    dock.search.setText("ha noi")
    QApplication.processEvents()
    assert sorted(shown_concepts(dock.source_model)) == with_accents


def test_after_a_new_folder_the_filter_folds_no_name_again(window, qtbot, national):
    """A folder made lists the tree again; the concepts' folded texts are still right, so
    the next key typed folds none of them, and finds what it found before."""
    idle(qtbot, window)
    dock = window.model_dock
    tree_model = dock.source_model
    dock.search.setText("tu phap")
    QApplication.processEvents()
    before = sorted(shown_concepts(tree_model))
    dock.search.clear()
    assert window.document.editor.run(AddFolderCommand("Sở Tư pháp"))
    QApplication.processEvents()
    folded = tree_model.searches_made
    dock.search.setText("tu phap")
    QApplication.processEvents()
    assert tree_model.searches_made == folded
    assert sorted(shown_concepts(tree_model)) == before
    assert HANOI in before
    folder = dock.index_of_folder([0])
    assert folder.isValid() and folder.data() == "Sở Tư pháp"  # its name matches too


def test_a_filter_that_matches_nothing_then_cleared_lists_the_model_again(window, national):
    dock = window.model_dock
    dock.search.setText("zzqxv")
    QApplication.processEvents()
    assert dock.source_model.rowCount(dock.index_of_model().parent()) == 0
    dock.search.clear()
    QApplication.processEvents()
    top = dock.index_of_model()
    assert top.isValid() and dock.tree.isExpanded(top)
    assert dock.index_of(HANOI).isValid()


def test_edits_under_a_filter_keep_every_folder_in_order_once_it_is_cleared(
        window, qtbot, national):
    idle(qtbot, window)
    dock, editor = window.model_dock, window.document.editor
    tree_model = dock.source_model
    dock.search.setText("he thong")
    QApplication.processEvents()
    system = next(e for e in national.elements if e.type == "ApplicationComponent"
                  and "Hệ thống" in e.name)
    other = next(e for e in national.elements if e.type == "BusinessActor"
                 and e.id != HANOI and "Hệ thống" not in e.name)
    assert editor.run(RenameElementCommand(system.id, "Ấ đầu tiên"))  # no longer shown
    assert editor.run(RenameElementCommand(other.id, "Hệ thống Ă mới"))  # now shown
    assert editor.run(AddElementCommand(Element("id-test-new", "BusinessActor",
                                                "Ă hệ thống mới thêm")))
    assert editor.run(DeleteElementCommand(HANOI))
    assert dock.index_of(other.id).isValid() and not dock.index_of(system.id).isValid()
    dock.search.clear()
    QApplication.processEvents()
    for folder in tree_model.folders():
        if not folder.members:
            continue
        index = tree_model.index_of_row(folder)
        while tree_model.canFetchMore(index):
            tree_model.fetchMore(index)
        rows = [tree_model.index(r, 0, index) for r in range(tree_model.rowCount(index))]
        ids = [str(i.data(ID_ROLE)) for i in rows if i.data(KIND_ROLE) in (
            "element", "relationship", "view")]
        assert sorted(ids) == sorted(folder.members)
        texts = [fold(str(i.data())) for i in rows if i.data(KIND_ROLE) == "element"]
        assert texts == sorted(texts)
    assert dock.index_of(system.id).isValid() and dock.index_of("id-test-new").isValid()
    assert not dock.index_of(HANOI).isValid()


# ----------------------------------------------------------------------------- reveal
def a_line(model) -> tuple[str, str]:
    """A line of the overview and its relationship."""
    lines = [c for c in model.view(BIG_VIEW).connections.values() if c.relationship_id]
    line = lines[len(lines) // 2]
    return line.id, line.relationship_id


def test_a_line_selected_right_after_the_open_is_revealed_without_sorting_its_folder(
        window, qtbot, national):
    dock = window.model_dock
    tree_model = dock.source_model
    tree_model.rebuild()  # as just opened: no folder in order yet
    dock.tree.collapseAll()
    keys = tree_model.keys_made
    line, relationship = a_line(national)
    window.current_canvas().diagram().select_ids([line])
    QApplication.processEvents()
    assert dock.selected_rows() == [("relationship", relationship)]
    current = dock.tree.currentIndex()
    assert current.data(ID_ROLE) == relationship and in_sight(dock.tree, current)
    assert tree_model.keys_made - keys <= 3  # its own key, not the folder's thousands
    # Once the window has been idle, the folder shows its first rows in order, the
    # revealed row still selected and in sight.
    idle(qtbot, window)
    folder = current.parent()
    assert tree_model.rowCount(folder) > 1
    texts = [fold(str(tree_model.index(r, 0, folder).data()))
             for r in range(tree_model.rowCount(folder))]
    assert texts == sorted(texts)
    assert dock.selected_rows() == [("relationship", relationship)]
    assert in_sight(dock.tree, dock.tree.currentIndex())


def test_an_element_selected_right_after_the_open_is_revealed_without_sorting_its_layer(
        window, qtbot, national):
    dock = window.model_dock
    tree_model = dock.source_model
    tree_model.rebuild()  # as just opened: no folder in order yet
    dock.tree.collapseAll()
    view = national.view(BIG_VIEW)
    nodes = [n for n in view.nodes.values() if n.element_id
             and national.element(n.element_id).type == "ApplicationComponent"]
    node = nodes[len(nodes) // 2]
    keys = tree_model.keys_made
    window.current_canvas().diagram().select_ids([node.id])
    QApplication.processEvents()
    assert dock.selected_rows() == [("element", node.element_id)]
    current = dock.tree.currentIndex()
    assert in_sight(dock.tree, current)
    assert current.data() == national.element(node.element_id).name
    assert tree_model.keys_made - keys <= 3
    idle(qtbot, window)
    assert tree_model.rowCount(dock.tree.currentIndex().parent()) > 1
    assert dock.selected_rows() == [("element", node.element_id)]
    assert in_sight(dock.tree, dock.tree.currentIndex())
