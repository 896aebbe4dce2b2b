"""The window on a national-scale model (pytest-qt, offscreen): what it does stays in
proportion to what is shown or touched, not to the size of the model.

These tests count work, never time it (``benchmarks/bench_window.py`` times it): rows the
model tree makes before a folder is opened, display lists built at "zoom to fit", nodes
looked at to nest a drag, selection changes told for one delete. They also check what
the architect sees: counts in the folders' labels, rows found by the filter in folders
never opened, names in order, a press on a box at "zoom to fit" moving it.
"""

from __future__ import annotations

import gc

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from egov_modeler.model.commands import RenameElementCommand
from egov_modeler.model.text_fold import fold
from egov_modeler.model.views import Node
from egov_modeler.ui.canvas.items import ElementItem
from egov_modeler.ui.canvas.items.detail import TEXT_LEVEL
from egov_modeler.ui.docks.model_tree import FETCH_BATCH, ID_ROLE, KIND_ROLE
from tests.helpers.national_view_model import (
    LARGE_VIEW,
    band_id,
    build_national_model,
    element_id,
    node_id,
)

ELEMENTS, VIEW_NODES = 3000, 600


@pytest.fixture
def national(window):
    """The window on a 3,000-element, 6,000-relationship model, its 600-node overview
    open."""
    model = build_national_model(ELEMENTS, VIEW_NODES)
    window.document.replace(model, None)
    QApplication.processEvents()
    assert window.current_view_id() == LARGE_VIEW
    return model


def child_rows(tree_model, parent):
    return [tree_model.index(row, 0, parent) for row in range(tree_model.rowCount(parent))]


def fixed_folder(window, kind: str):
    dock = window.model_dock
    return next(i for i in child_rows(dock.source_model, dock.index_of_model())
                if i.data(KIND_ROLE) == "folder" and i.data(ID_ROLE) == kind)


def group(window, layer: str):
    tree_model = window.model_dock.source_model
    return next(i for i in child_rows(tree_model, fixed_folder(window, "element"))
                if i.data(ID_ROLE) == f"framework:{layer}")


# ---------------------------------------------------------------------------- the tree
def test_opening_lists_the_folders_with_their_counts_and_makes_almost_no_rows(
        window, national):
    dock, tree = window.model_dock, window.model_dock.tree
    tree_model = dock.source_model
    assert tree_model.rows_made <= 10  # the three views; not 9,000 concepts
    assert window.large_views.navigator.map.renders == 0  # closed: it drew nothing
    elements = fixed_folder(window, "element")
    relationships = fixed_folder(window, "relationship")
    assert elements.data() == "Phần tử (3000)" and tree.isExpanded(elements)
    assert relationships.data() == "Quan hệ (6000)"
    assert not tree.isExpanded(relationships)  # 6,000 rows are not a first look
    users = group(window, "nguoi_su_dung")
    assert users.data().endswith("(300)") and not tree.isExpanded(users)
    assert tree_model.rowCount(users) == 0 and tree_model.canFetchMore(users)


def test_opening_a_folder_makes_rows_a_batch_at_a_time_in_name_order(window, national):
    dock, tree = window.model_dock, window.model_dock.tree
    tree_model = dock.source_model
    relationships = fixed_folder(window, "relationship")  # 6,000 of them
    tree.expand(relationships)
    made = tree_model.rowCount(relationships)
    assert FETCH_BATCH <= made <= 3 * FETCH_BATCH  # Qt asks for a batch or a few
    first = [i.data() for i in child_rows(tree_model, relationships)]
    for _ in range(3):  # scrolling to the end asks for the next batch
        tree.scrollToBottom()
        QApplication.processEvents()
    assert made < tree_model.rowCount(relationships) < 6000
    every = [tree_model.item_of(r.id).text() for r in national.relationships]
    assert first == sorted(every, key=fold)[:made]  # the first rows in name order


def test_the_filter_finds_rows_in_folders_never_opened(window, national):
    dock = window.model_dock
    tree_model = dock.source_model
    dock.search.setText("so 2990 cua")
    wanted = dock.index_of(element_id(2990))
    assert wanted.isValid() and dock.tree.isExpanded(wanted.parent())
    assert not dock.index_of(element_id(2991)).isValid()
    assert tree_model.rows_made <= 20  # what matches, not the folders it is in
    found = dock.index_of(element_id(2990))
    dock.tree.setCurrentIndex(found)
    assert dock.selected_rows() == [("element", element_id(2990))]
    dock.search.setText("")
    assert dock.index_of(element_id(2991)).isValid()
    assert not dock.tree.isExpanded(group(window, "ha_tang_ky_thuat"))


def test_a_rename_moves_the_row_to_its_place_and_keeps_it_selected(window, national):
    dock = window.model_dock
    tree_model = dock.source_model
    users = group(window, "nguoi_su_dung")
    dock.tree.expand(users)
    target = element_id(2990)  # not among the first rows made
    dock.select_concepts([target])
    assert window.document.editor.run(RenameElementCommand(target, "Ấp Bắc"))
    first = tree_model.index(0, 0, group(window, "nguoi_su_dung"))
    assert first.data() == "Ấp Bắc"  # "ap bac" sorts first
    assert dock.selected_rows() == [("element", target)]
    window.document.undo_stack.undo()
    assert dock.index_of(target).data() == national.element(target).name


# ---------------------------------------------------------------------------- the canvas
def test_zoom_to_fit_draws_boxes_without_building_any_name(window, national):
    canvas = window.current_canvas()
    scene = canvas.diagram()
    elements = [i for i in scene.node_items.values() if isinstance(i, ElementItem)]
    assert len(elements) == VIEW_NODES
    opened = {id(i) for i in elements if i._display is not None}  # the corner it opened at
    assert len(opened) < VIEW_NODES / 4
    canvas.zoom_to_fit()
    canvas.viewport().repaint()
    assert canvas.zoom() < TEXT_LEVEL
    # no name laid out, no glyph made for the boxes seen only now
    assert {id(i) for i in elements if i._display is not None} == opened
    image = canvas.viewport().grab().toImage()
    band = scene.node_items[band_id("nguoi_su_dung")]
    corner = canvas.mapFromScene(band.scene_box().topLeft())
    ink = sum(1 for x in range(corner.x() + 2, corner.x() + 90)
              for y in range(corner.y() + 2, corner.y() + 16)
              if image.pixelColor(x, y).lightness() < 100)
    assert ink > 40  # the band's name, written over it at a readable size
    canvas.zoom_reset()
    far = max(elements, key=lambda i: i.scene_box().bottom())  # away from the opening corner
    canvas.centerOn(far)
    canvas.viewport().repaint()
    drawn = [i for i in elements if i._display is not None and id(i) not in opened]
    assert 0 < len(drawn) < VIEW_NODES / 4  # only what the window shows, close up


def test_at_the_zoom_a_large_view_opens_at_the_band_names_are_readable(window, national):
    """At 40% a band's own name in its tab would be under 4 pixels high: it is written
    over the diagram at the size of the window's text instead."""
    canvas = window.current_canvas()
    scene = canvas.diagram()
    canvas.set_zoom(0.4)
    band = scene.node_items[band_id("nguoi_su_dung")]
    canvas.centerOn(band.scene_box().topLeft() + QPointF(300, 200))
    canvas.viewport().repaint()
    image = canvas.viewport().grab().toImage()
    corner = canvas.mapFromScene(band.scene_box().topLeft())
    inked_rows = [y for y in range(corner.y() + 1, corner.y() + 20)
                  if any(image.pixelColor(x, y).lightness() < 100
                         for x in range(corner.x() + 2, corner.x() + 120))]
    assert len(inked_rows) >= 8  # letters of a readable height, not a 4-pixel line


def test_at_zoom_to_fit_pressing_on_a_selected_box_moves_it(window, qtbot, national):
    canvas = window.current_canvas()
    scene = canvas.diagram()
    canvas.set_zoom(0.1)
    target = node_id(30)
    canvas.centerOn(scene.node_items[target])
    scene.select_ids([target])
    QApplication.processEvents()
    node = national.node(LARGE_VIEW, target)
    x, y, w, h = node.bounds
    for inside in (QPointF(x + w / 2, y + h / 2), QPointF(x + 4, y + 4)):
        assert scene.node_items[target].handle_at(inside) is None
    before = (node.x, node.y, node.w, node.h)
    start = canvas.mapFromScene(QPointF(x + w / 2, y + h / 2))
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=start + QPoint(10, 0))
    qtbot.mouseMove(viewport, pos=start + QPoint(20, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(20, 0))
    node = national.node(LARGE_VIEW, target)
    assert (node.w, node.h) == before[2:]  # not resized
    assert node.x == pytest.approx(before[0] + 200, abs=15)  # moved 20 pixels = 200 units
    # Close up, the handles are there again, outside the box's middle.
    canvas.zoom_reset()
    item = scene.node_items[target]
    x, y, w, h = node.bounds
    assert item.handle_at(QPointF(x + w, y + h)) == "se"
    assert item.handle_at(QPointF(x + w / 2, y + h / 2)) is None


def test_zoomed_out_a_press_a_few_pixels_off_a_line_takes_it_and_a_zoom_moves_no_line(
        window, national):
    canvas = window.current_canvas()
    scene = canvas.diagram()
    select = canvas.tools["select"]
    view = national.view(LARGE_VIEW)
    line = next(c for c in view.connections.values()  # along a row, between two boxes
                if view.nodes[c.source].y == view.nodes[c.target].y)
    item = scene.connection_items[line.id]
    canvas.zoom_reset()
    scene.select_ids([line.id])  # a selected line's handles keep their size on screen
    QApplication.processEvents()
    idle = [i for i in scene.connection_items.values() if i is not item]
    bounds = {i.connection_id: i.boundingRect() for i in idle}
    selected_before = item.boundingRect()
    canvas.set_zoom(0.2)  # five scene units per pixel
    QApplication.processEvents()
    assert all(i.boundingRect() == bounds[i.connection_id] for i in idle)
    assert item.boundingRect().contains(selected_before)
    assert item.boundingRect() != selected_before
    scene.select_ids([])
    # Half-way along the line (between the two boxes), two screen pixels below it.
    a, b = item.points[0], item.points[-1]
    middle = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
    off = middle + QPointF(0, 2 * scene.pixel)
    assert item.distance_to(off) > item.shape().boundingRect().height()  # off its own area
    assert select.hit(off) is item
    assert select.hit(middle + QPointF(0, 8 * scene.pixel)) is not item  # too far
    canvas.zoom_reset()
    QApplication.processEvents()
    assert select.hit(off) is not item  # close up, ten units off is off the line


def test_a_drag_of_fifty_nodes_looks_only_at_the_nodes_under_them(window, national,
                                                                   monkeypatch):
    looked_at = []
    original = Node.contains

    def counting(self, x, y):
        looked_at.append(self.id)
        return original(self, x, y)
    monkeypatch.setattr(Node, "contains", counting)
    scene = window.current_canvas().diagram()
    moved = [node_id(i) for i in range(0, 500, 10)]
    scene.select_ids(moved)
    assert window.current_canvas().tools["select"].commit_move(7, 5, moved)
    assert len(looked_at) <= len(moved) * 6  # not 50 × 600
    assert national.node(LARGE_VIEW, moved[0]).x == 27


def test_deleting_two_hundred_nodes_tells_the_selection_once_and_undo_restores_them(
        window, national, monkeypatch):
    canvas = window.current_canvas()
    scene = canvas.diagram()
    chosen = [node_id(i) for i in range(0, 600, 3)]
    scene.select_ids(chosen)
    # The tree makes the 200 rows as it selects them, and that is not a new selection
    # coming back to the diagram (it once undid half of this one).
    assert len(scene.selected_node_ids()) == 200
    assert len(window.model_dock.selected_rows()) == 200
    told = []
    scene.selectionChanged.connect(lambda: told.append(len(scene.selected_node_ids())))
    refreshed = []
    original = ElementItem.refresh

    def counting(self):
        refreshed.append(self.node_id)
        original(self)
    monkeypatch.setattr(ElementItem, "refresh", counting)
    assert window.edits.delete_selection()
    assert told == [0]  # once, when the delete was over (it was told 200 times)
    assert not any(n in scene.node_items for n in chosen)
    assert window.model_dock.selected_rows() == []
    window.document.undo_stack.undo()
    assert all(n in scene.node_items for n in chosen)
    assert len(refreshed) <= len(chosen) + 10  # the nodes that came back, no others
    view = national.view(LARGE_VIEW)
    assert len(scene.connection_items) == len(view.connections)


def test_a_burst_of_undo_and_redo_of_a_two_hundred_node_delete_keeps_the_diagram_whole(
        window, national):
    """Ctrl+Z / Ctrl+Y held down: undo and redo follow each other with no event loop
    between (no repaint, no deferred deletion), and the diagram still shows exactly the
    view, every item alive and in the scene."""
    canvas = window.current_canvas()
    scene = canvas.diagram()
    stack = window.document.undo_stack
    view = national.view(LARGE_VIEW)
    chosen = [node_id(i) for i in range(0, 600, 3)]
    scene.select_ids(chosen)
    assert window.edits.delete_selection()
    for _ in range(5):
        stack.undo()
        gc.collect()  # wrappers of items taken out go now, not at the next event loop
        stack.redo()
        gc.collect()
    stack.undo()
    QApplication.processEvents()
    canvas.viewport().repaint()
    assert set(scene.node_items) == set(view.nodes)
    assert set(scene.connection_items) == set(view.connections)
    assert all(item.scene() is scene for item in scene.node_items.values())
    assert all(item.scene() is scene for item in scene.connection_items.values())
    in_scene = {id(i) for i in scene.items()}
    assert all(id(scene.node_items[n]) in in_scene for n in chosen)
    # The selection, the Properties panel and the tree still answer.
    scene.select_ids(chosen[:3])
    assert sorted(scene.selected_node_ids()) == sorted(chosen[:3])
    stack.redo()
    QApplication.processEvents()
    assert not any(n in scene.node_items for n in chosen)
    assert len(scene.connection_items) == len(view.connections)


# ------------------------------------------------------------------------ selecting many
def test_select_all_tells_the_selection_once_and_leaves_a_large_one_out_of_the_tree(
        window, national):
    """Ctrl+A on the 600-node view: one ``selectionChanged`` (each told the Properties
    dock, the tree and the inventory to read the whole selection again: minutes for
    2,000 nodes), every box selected, the bands not, and the tree, which follows a
    diagram selection of up to ``TREE_FOLLOWS_UP_TO`` concepts, left unselected."""
    from egov_modeler.ui.window.tree_controller import TREE_FOLLOWS_UP_TO

    scene = window.current_canvas().diagram()
    told: list[int] = []

    def count() -> None:
        told.append(1)

    scene.selectionChanged.connect(count)
    window.edits.act_select_all.trigger()
    assert told == [1]
    boxes = [i for i in scene.node_items.values() if not i.is_container]
    assert len(boxes) > TREE_FOLLOWS_UP_TO
    assert all(i.isSelected() for i in boxes)
    assert not any(i.isSelected() for i in scene.node_items.values() if i.is_container)
    assert window.model_dock.selected_rows() == []
    few = [node_id(i) for i in range(5)]
    scene.select_ids(few)
    scene.selectionChanged.disconnect(count)
    assert told == [1, 1]
    assert sorted(k for _, k in window.model_dock.selected_rows()) == sorted(
        element_id(i) for i in range(5))


def test_a_rubber_band_over_many_boxes_tells_the_selection_once_a_move(window, qtbot,
                                                                      national):
    canvas = window.current_canvas()
    scene = canvas.diagram()
    canvas.zoom_to_fit()
    QApplication.processEvents()
    told: list[int] = []

    def count() -> None:
        told.append(1)

    scene.selectionChanged.connect(count)
    band = scene.node_items[band_id("nguoi_su_dung")].scene_box()
    start = canvas.mapFromScene(band.topLeft() - QPointF(30, 30))
    end = canvas.mapFromScene(band.bottomRight() + QPointF(30, 30))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), pos=(start + end) / 2)
    qtbot.mouseMove(canvas.viewport(), pos=end)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    scene.selectionChanged.disconnect(count)
    assert 1 <= len(told) <= 3  # at most once a move, not once a box
    assert len(scene.selected_node_ids()) > 20  # the band's boxes (and the band)


def test_rows_made_for_a_scattered_selection_leave_gaps_a_fetch_fills_a_few_at_a_time(
        window, national):
    """Rows made one at a time (the diagram's selection) leave gaps in a folder; a fetch
    fills at most ``FETCH_RUNS`` of them, and fetching on fills the folder in order."""
    from egov_modeler.ui.docks.model_tree import FETCH_RUNS

    dock = window.model_dock
    tree_model = dock.source_model
    relationships = fixed_folder(window, "relationship")  # 6,000 of them
    order = tree_model._ensure_order(tree_model._row(relationships))
    dock.select_concepts([c for _, c in order[1200:1800:3]])  # 200 rows, two apart
    inserted: list[int] = []
    tree_model.rowsInserted.connect(lambda *_: inserted.append(1))
    while tree_model.canFetchMore(relationships):
        before = len(inserted)
        tree_model.fetchMore(relationships)
        assert len(inserted) - before <= FETCH_RUNS
    names = [tree_model.index(r, 0, relationships).data()
             for r in range(tree_model.rowCount(relationships))]
    every = [tree_model.item_of(r.id).text() for r in national.relationships]
    assert names == sorted(every, key=fold)
