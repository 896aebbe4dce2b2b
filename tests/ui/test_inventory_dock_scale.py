"""The Inventory dock on a national-scale model (pytest-qt, offscreen): it reads the model
only while it is shown, and follows a selection on the diagram by looking up the rows
selected, not every row. These tests count work, never time it
(``benchmarks/bench_window.py`` times it)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_modeler.model.commands import RenameElementCommand
from egov_modeler.model.inventory.rows import Inventory
from egov_modeler.model.text_fold import fold
from tests.helpers.national_view_model import LARGE_VIEW, build_national_model, node_id

ELEMENTS, VIEW_NODES = 3000, 600


@pytest.fixture
def national(window):
    """The window on a 3,000-element model, its 600-node overview open; the Inventory
    dock is where it starts, a tab behind Problems."""
    model = build_national_model(ELEMENTS, VIEW_NODES)
    window.document.replace(model, None)
    QApplication.processEvents()
    return model


def chosen_nodes(model, count=200):
    view = model.view(LARGE_VIEW)
    return [n for n in (node_id(i) for i in range(0, VIEW_NODES, 2)) if n in view.nodes][:count]


def test_behind_problems_the_dock_makes_no_row_and_catches_up_when_shown(window, national):
    dock = window.inventory.dock
    assert not dock.on_screen
    assert all(m.rowCount() == 0 and m.rows_made == 0 for m in dock.models.values())
    element = Inventory(national).objects()[0]
    window.document.editor.run(RenameElementCommand(element.id, "Cổng dịch vụ công mới"))
    chosen = chosen_nodes(national)
    window.current_canvas().diagram().select_ids(chosen)
    QApplication.processEvents()
    assert all(m.rows_made == 0 for m in dock.models.values())

    dock.raise_()  # the user clicks its tab
    QApplication.processEvents()
    assert dock.on_screen
    inventory = Inventory(national)
    objects = dock.models["objects"]
    assert objects.rowCount() == dock.proxies["objects"].rowCount() == len(inventory.objects())
    assert dock.models["connections"].rowCount() == len(inventory.connections())
    row = dock.row_of("objects", element.id)
    name = dock.column_of("objects", "name")
    assert dock.proxies["objects"].index(row, name).data() == "Cổng dịch vụ công mới"
    view = national.view(LARGE_VIEW)
    shown = {view.nodes[n].element_id for n in chosen} & set(objects.rows_by_id)
    assert shown and set(dock.selected_ids()) == shown  # the diagram's selection, caught up
    dock.filter.setText("cong dich vu cong moi")  # found without diacritics
    assert dock.proxies["objects"].rowCount() == 1


class RowsLookedAt(list):
    """A table's concepts, noting which rows are looked at."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self.looked_at: set[int] = set()

    def __getitem__(self, row):
        self.looked_at.add(row)
        return super().__getitem__(row)


def test_a_selection_of_two_hundred_nodes_looks_up_their_rows_only(window, national, qtbot):
    dock = window.inventory.dock
    dock.raise_()
    QApplication.processEvents()
    # Reading every row's search text while idle (for the filter) is not the selection's.
    qtbot.waitUntil(lambda: not dock.warm_up.running(), timeout=20_000)
    tables = list(dock.models.values())
    for table in tables:
        table.concepts = RowsLookedAt(table.concepts)
    total = sum(table.rowCount() for table in tables)
    dock.tables["objects"].selectRow(3)
    assert len(dock.selected_ids()) == 1
    assert 3 in tables[0].concepts.looked_at  # the count sees rows being read
    for table in tables:
        table.concepts.looked_at.clear()
    chosen = chosen_nodes(national)
    window.current_canvas().diagram().select_ids(chosen)
    QApplication.processEvents()
    view = national.view(LARGE_VIEW)
    selected = {view.nodes[n].element_id for n in chosen} & set(tables[0].rows_by_id)
    assert len(selected) > 50 and set(dock.selected_ids()) == selected
    looked_at = sum(len(table.concepts.looked_at) for table in tables)
    assert looked_at < total / 4, (looked_at, total)  # those selected or on screen, not all


def test_sorting_by_a_column_reads_each_row_s_cell_once(window, national, monkeypatch):
    """A click on a header: Qt compares rows n·log n times; each row's cell is read once
    for its place in the order, not twice per comparison, and only that cell: the rows'
    other cells are made for the rows on screen only."""
    dock = window.inventory.dock
    dock.raise_()
    QApplication.processEvents()
    table, source = dock.tables["objects"], dock.models["objects"]
    name_column = next(i for i in range(source.columnCount())
                       if "tên" in str(source.headerData(i, Qt.Orientation.Horizontal)).lower())
    reads: list[int] = []
    column_sort_keys = source.column_sort_keys
    monkeypatch.setattr(source, "column_sort_keys",
                        lambda column: (reads.append(column), column_sort_keys(column))[1])
    made = source.rows_made
    table.sortByColumn(name_column, Qt.SortOrder.AscendingOrder)
    QApplication.processEvents()
    rows = source.rowCount()
    assert rows > 1000 and reads == [name_column]  # once per sort, not per comparison
    assert source.rows_made - made < rows / 4  # the rows on screen, not every row
    shown = [table.model().index(r, name_column).data() for r in range(50)]
    assert [fold(s) for s in shown] == sorted(fold(s) for s in shown) and shown[0]
    table.sortByColumn(name_column, Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    last = [table.model().index(r, name_column).data() for r in range(50)]
    assert [fold(s) for s in last] == sorted((fold(s) for s in last), reverse=True)
