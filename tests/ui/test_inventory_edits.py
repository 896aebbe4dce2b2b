"""The Inventory dock after edits, undo and redo (pytest-qt, offscreen): the tables show
what a table read afresh from the model would show, sorted and filtered the same way (a
renamed row moves to its sorted place, a row that no longer matches the filter leaves, a
row added that matches appears), while an edit works out only the rows it touched, not
every row of the model. And the first keystroke right after the dock is shown answers
with the rows it can tell at once, the rest joining while the window is idle. These tests
count work, never time it (``benchmarks/probe_inventory_edits.py`` times it)."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_modeler.model.catalog import rename_element_command
from egov_modeler.model.commands import (
    AddElementCommand,
    DeleteElementCommand,
    RelateCommand,
    RenameElementCommand,
    RetypeElementCommand,
    UnrelateCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.inventory.duplicates import duplicate_ids
from egov_modeler.model.inventory.edits import set_field_command
from egov_modeler.model.inventory.rows import Inventory
from egov_modeler.model.text_fold import fold
from egov_modeler.ui.docks import inventory_filter
from egov_modeler.ui.docks.inventory_dock import TABLES, InventoryTableModel
from egov_modeler.ui.docks.inventory_filter import InventoryFilter
from tests.helpers.inventory import inventory_model
from tests.helpers.national_view_model import build_national_model
from tests.ui import test_inventory_sort_filter as sort_filter
from tests.ui.test_inventory_sort_filter import ASC, DESC, click_header, column

#: The Inventory dock, shown, on a 60-object, 80-connection, 10-task inventory.
dock = sort_filter.dock


def shown(dock, key: str) -> list[tuple[str, list[str]]]:
    """What the table ``key`` shows: each row's id and cells, top to bottom."""
    proxy = dock.proxies[key]
    return [(proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1),
             [proxy.index(r, c).data() for c in range(proxy.columnCount())])
            for r in range(proxy.rowCount())]


def fresh(dock, key: str) -> list[tuple[str, list[str]]]:
    """What a table read afresh from the model shows, sorted and filtered as ``key`` is."""
    table = InventoryTableModel(key)
    table.show(dock.editor)
    for _ in table.warm_search_texts():  # every search text made: the filter answers whole
        pass
    proxy = InventoryFilter()
    proxy.setSourceModel(table)
    header = dock.tables[key].horizontalHeader()
    proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
    only = None
    if key == "objects" and dock.duplicates.isChecked():
        only = duplicate_ids(Inventory(dock.editor.model))
    proxy.set_filter(dock.filter.text(), only)
    assert not proxy.searching()
    return [(proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1),
             [proxy.index(r, c).data() for c in range(proxy.columnCount())])
            for r in range(proxy.rowCount())]


def show_all_tabs(dock) -> None:
    """Show each tab once (a filter typed while a table is behind its tab is applied
    when its tab is shown), then the objects again."""
    for key, _ in TABLES:
        dock.tabs.setCurrentWidget(dock.tables[key])
    dock.tabs.setCurrentWidget(dock.tables["objects"])


def assert_like_fresh(dock) -> None:
    show_all_tabs(dock)
    for key, _ in TABLES:
        assert shown(dock, key) == fresh(dock, key), key


def made(dock) -> int:
    return sum(m.rows_made + m.search_texts_made for m in dock.models.values())


def names(dock, key: str = "objects") -> list[str]:
    return column(dock, key, "name")


def test_a_renamed_row_moves_to_its_sorted_place_leaves_the_filter_and_comes_back(
        window, dock):
    editor, model = window.document.editor, window.current_model()
    click_header(dock, "objects", "name")
    dock.filter.setText("thong tin quan ly")
    before = names(dock)
    assert before == sorted(before, key=fold) and len(before) > 3
    moved = next(o for o in Inventory(model).objects() if o.name == before[len(before) // 2])
    # Renamed to still match, it moves to its place in the order.
    assert editor.run(RenameElementCommand(moved.id, "AAA thông tin quản lý đầu bảng"))
    assert names(dock)[0] == "AAA thông tin quản lý đầu bảng"
    assert len(names(dock)) == len(before)
    # Renamed so that it no longer matches, it leaves the table.
    assert editor.run(RenameElementCommand(moved.id, "Cổng điện tử"))
    assert "Cổng điện tử" not in names(dock)
    assert len(names(dock)) == len(before) - 1
    assert dock.count.text().startswith(f"{len(before) - 1} / 60")
    # Two undos: back at its place with its old name.
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert names(dock) == before
    window.document.undo_stack.redo()
    assert names(dock)[0] == "AAA thông tin quản lý đầu bảng"
    assert_like_fresh(dock)


def test_an_added_row_that_matches_appears_in_place_and_a_deleted_one_goes(window, dock):
    editor, model = window.document.editor, window.current_model()
    click_header(dock, "objects", "name", DESC)
    dock.filter.setText("thong tin quan ly")
    before = names(dock)
    added = Element("id-new-system", "ApplicationComponent", "Hệ thống thông tin quản lý mới")
    assert editor.run(AddElementCommand(added))
    after = names(dock)
    assert "Hệ thống thông tin quản lý mới" in after and len(after) == len(before) + 1
    assert after == sorted(after, key=fold, reverse=True)
    assert editor.run(AddElementCommand(Element("id-other", "ApplicationComponent",
                                                "Cổng khác")))
    assert "Cổng khác" not in names(dock)  # does not match: not shown
    victim = next(o for o in Inventory(model).objects() if o.name in before)
    connections = [r.id for r in model.relationships_of(victim.id)]
    assert editor.run(DeleteElementCommand(victim.id))
    assert victim.name not in names(dock)
    assert not set(connections) & set(dock.models["connections"].rows_by_id)
    assert_like_fresh(dock)
    window.document.undo_stack.undo()
    assert victim.name in names(dock)
    assert set(connections) & set(dock.models["connections"].rows_by_id)
    assert_like_fresh(dock)


def test_a_rename_shows_in_the_rows_of_its_connections_and_tasks(window, dock):
    editor, model = window.document.editor, window.current_model()
    inventory = Inventory(model)
    task = inventory.tasks()[0]
    target = inventory.task_objects(task)[0]
    assert editor.run(RenameElementCommand(target.id, "Đổi tên đối tượng"))
    tasks = dock.models["tasks"]
    row = tasks.rows_by_id[task.id]
    assert "Đổi tên đối tượng" in tasks.row_cells(row)[dock.column_of("tasks", "objects")]
    assert_like_fresh(dock)


def test_the_selection_stays_on_its_rows_through_an_edit(window, dock):
    model = window.current_model()
    click_header(dock, "objects", "name")
    kept = Inventory(model).objects()[3]
    dock.tables["objects"].selectRow(dock.row_of("objects", kept.id))
    assert dock.selected_ids() == [kept.id]
    other = Inventory(model).objects()[10]
    assert window.document.editor.run(RenameElementCommand(other.id, "AAA đầu tiên"))
    assert dock.selected_ids() == [kept.id]
    table = dock.tables["objects"]
    assert table.currentIndex().row() == dock.row_of("objects", kept.id)


def test_on_a_national_model_an_edit_works_out_the_rows_it_touched_not_every_row(
        window, qtbot):
    """The count of rows worked out per edit is the change's, not the model's."""
    model = build_national_model(3000, 600)
    window.document.replace(model, None)
    dock = window.inventory.dock
    dock.raise_()
    QApplication.processEvents()
    click_header(dock, "objects", "name")
    dock.filter.setText("he thong")
    qtbot.waitUntil(lambda: not dock.warm_up.running() and not dock.proxies[
        "objects"].searching(), timeout=30_000)
    rows = sum(m.rowCount() for m in dock.models.values())
    assert rows > 4000
    objects = Inventory(model).objects()
    element = objects[len(objects) // 2]
    relationships = model.relationships_of(element.id)
    # The rows a rename may change: the object's, its relationships', their other ends'.
    touched = len({element.id, *(r.id for r in relationships),
                   *(r.source for r in relationships), *(r.target for r in relationships)})
    stack, editor = window.document.undo_stack, window.document.editor
    proxy, name = dock.proxies["objects"], dock.column_of("objects", "name")
    start = made(dock)
    assert editor.run(RenameElementCommand(element.id, "AAA hệ thống đứng đầu"))
    assert proxy.index(0, name).data() == "AAA hệ thống đứng đầu"  # on top of the order
    stack.undo()
    stack.redo()
    stack.undo()
    QApplication.processEvents()
    # Four changes, each working out again the rows it touched (cells and sort key, search
    # text), and the top row read: linear in the change, not in the model.
    edits = made(dock) - start
    assert edits <= 4 * 2 * touched + 1, (edits, touched, rows)
    # The idle pass after the edits makes again only what they touched, too.
    qtbot.waitUntil(lambda: not dock.warm_up.running(), timeout=30_000)
    assert made(dock) - start <= 4 * 2 * touched + 1
    current = names(dock)  # (reads every row shown)
    assert "AAA hệ thống đứng đầu" not in current and element.name in current
    assert current == sorted(current, key=fold)
    assert shown(dock, "objects") == fresh(dock, "objects")


def test_the_first_keystroke_shows_what_is_ready_and_the_rest_joins_while_idle(
        window, qtbot, monkeypatch):
    """Typed before the idle pass made the rows' search texts: the keystroke tests the
    rows it can at once (here, with no time for any, none) and the rest join while the
    window is idle, in their sorted place; the count says it is still searching."""
    monkeypatch.setattr(inventory_filter, "KEYSTROKE_SECONDS", 0.0)
    window.document.replace(build_national_model(3000, 600), None)
    dock = window.inventory.dock
    dock.raise_()
    QApplication.processEvents()
    click_header(dock, "objects", "name", DESC)
    objects, proxy = dock.models["objects"], dock.proxies["objects"]
    assert objects.search_texts_made < objects.rowCount()  # the idle pass has not run
    before = made(dock)
    dock.filter.setText("h")
    assert made(dock) - before < objects.rowCount() / 4  # not every row at once
    assert proxy.searching()
    assert dock.count.text().endswith("dòng, đang tìm tiếp…")  # the window is in Vietnamese
    # An edit and another keystroke meanwhile: the answer is still the whole one.
    renamed = Inventory(window.current_model()).objects()[7]
    assert window.document.editor.run(RenameElementCommand(renamed.id, "Hệ thống zz"))
    dock.filter.setText("he")
    qtbot.waitUntil(lambda: not proxy.searching(), timeout=30_000)
    assert dock.count.text() == f"{proxy.rowCount()} / {objects.rowCount()} dòng"
    assert shown(dock, "objects") == fresh(dock, "objects")
    assert "Hệ thống zz" in names(dock)


# --------------------------------------------------------------------- random edits
def random_edit(rng: random.Random, window, step: int) -> None:
    """One edit, undo or redo of the kinds a user makes on the inventory."""
    model, editor = window.current_model(), window.document.editor
    stack = window.document.undo_stack
    inventory = Inventory(model)
    elements = model.elements
    objects, tasks = inventory.objects(), inventory.tasks()
    actors = [e for e in elements if e.type == "BusinessActor"]
    choice = rng.randrange(11)
    if choice == 0 and stack.canUndo():
        stack.undo()
    elif choice == 1 and stack.canRedo():
        stack.redo()
    elif choice == 2 and objects:
        target = rng.choice(objects + actors + tasks)
        command = rename_element_command(model, target.id, rng.choice(
            ("Hệ thống ", "Cổng ", "Nền tảng ", "Kho ")) + f"{rng.randrange(1000):03d}")
        editor.run(command)
    elif choice == 3:
        kind = rng.choice(("ApplicationComponent", "DataObject", "WorkPackage",
                           "BusinessActor", "ApplicationFunction"))
        editor.run(AddElementCommand(Element(f"id-rnd-{step}", kind,
                                             f"Hệ thống mới {step}")))
    elif choice == 4 and elements:
        editor.run(DeleteElementCommand(rng.choice(elements).id))
    elif choice == 5 and len(objects) > 1:
        source, target = rng.sample(objects, 2)
        editor.run(RelateCommand(Relationship(f"id-rnd-rel-{step}", rng.choice(
            ("Flow", "Serving", "Triggering")), source.id, target.id),
            enforce_rules=False))
    elif choice == 6 and actors and tasks:
        editor.run(RelateCommand(Relationship(
            f"id-rnd-assign-{step}", "Assignment", rng.choice(actors).id,
            rng.choice(tasks).id), enforce_rules=False))
    elif choice == 7 and model.relationships:
        editor.run(UnrelateCommand(rng.choice(model.relationships).id))
    elif choice == 8 and objects:
        editor.run(RetypeElementCommand(rng.choice(objects).id, rng.choice(
            ("ApplicationFunction", "Node", "DataObject", "WorkPackage"))))
    elif choice == 9 and objects:
        spec = inventory.schema.field("owner")
        if spec is not None:
            value = rng.choice(["", *(a.name for a in actors)])
            command = set_field_command(model, [rng.choice(objects).id], spec, value)
            if command is not None:
                editor.run(command)
    elif choice == 10 and tasks:
        spec = inventory.schema.field("lead_unit")
        if spec is not None:  # the lead unit left to the assignments
            command = set_field_command(model, [rng.choice(tasks).id], spec, "")
            if command is not None:
                editor.run(command)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_edits_leave_the_tables_as_a_fresh_read_shows_them(window, seed, caplog):
    rng = random.Random(seed)
    window.document.replace(inventory_model(25, 30, 8, seed=seed), None)
    dock = window.inventory.dock
    dock.raise_()
    QApplication.processEvents()
    for step in range(60):
        if step % 15 == 0:  # another sort, order and filter now and then
            key = rng.choice([k for k, _ in TABLES])
            by = rng.choice(["name", "type", ""])
            if by:
                click_header(dock, key, by, rng.choice((ASC, DESC)))
            dock.filter.setText(rng.choice(("", "he thong", "h", "cong", "nen tang")))
            dock.duplicates.setChecked(rng.random() < 0.3)
        random_edit(rng, window, step)
        QApplication.processEvents()
        assert_like_fresh(dock)
        assert not dock.touched.pending()
    # Followed edit by edit, never by reading the tables again after a failure.
    assert not [r for r in caplog.records if "could not follow" in r.getMessage()]


def test_a_dock_hidden_during_edits_shows_them_when_shown_again(window, dock):
    """Behind Problems the dock notes the rows the edits touch and brings only those up
    to date when its tab is clicked again (not every row's search text made again)."""
    model, editor = window.current_model(), window.document.editor
    click_header(dock, "objects", "name")
    dock.filter.setText("h")
    QApplication.processEvents()
    window.problems.raise_()
    QApplication.processEvents()
    assert not dock.on_screen
    start = made(dock)
    target = Inventory(model).objects()[5]
    relationships = model.relationships_of(target.id)
    touched = len({target.id, *(r.id for r in relationships),
                   *(r.source for r in relationships), *(r.target for r in relationships)})
    assert editor.run(RenameElementCommand(target.id, "AAA hệ thống đổi khi ẩn"))
    assert editor.run(AddElementCommand(Element("id-hidden-new", "DataObject", "Kho h mới")))
    assert made(dock) == start  # nothing worked out while hidden
    dock.raise_()
    QApplication.processEvents()
    assert dock.on_screen
    assert made(dock) - start <= 2 * (touched + 1)  # cells and search text of those
    assert names(dock)[0] == "AAA hệ thống đổi khi ẩn" and "Kho h mới" in names(dock)
    assert_like_fresh(dock)
