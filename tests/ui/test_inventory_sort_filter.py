"""The inventory tables' sort and filter as the user sees them (pytest-qt, offscreen;
issue 19): rows in the order of the column clicked, the rows the filter box leaves, the
selection kept where its rows still show, and both right again after every edit (a rename,
a relationship added or deleted, undo): nothing kept from before an edit shows a stale
order or filter result. Typing on in the filter looks only at the rows it showed, and on
a national model the rows' search texts are made while the window is idle, so the first
keystroke works none out. These tests count work, never time it."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_modeler.model.commands import RelateCommand, RenameElementCommand, UnrelateCommand
from egov_modeler.model.concepts import Relationship
from egov_modeler.model.inventory.rows import Inventory
from egov_modeler.model.text_fold import fold
from tests.helpers.inventory import inventory_model
from tests.helpers.national_view_model import build_national_model

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def dock(window):
    """The Inventory dock, shown, on a 60-object, 80-connection, 10-task inventory."""
    window.document.replace(inventory_model(60, 80, 10), None)
    dock = window.inventory.dock
    dock.raise_()
    QApplication.processEvents()
    return dock


def read_again(dock) -> None:
    """Whatever the dock has not brought up to date yet (an edit's rows are updated when
    the edit is over: nothing is left)."""
    dock._timer.timeout.emit()
    QApplication.processEvents()


def column(dock, table: str, key: str) -> list[str]:
    proxy, at = dock.proxies[table], dock.column_of(table, key)
    return [proxy.index(r, at).data() for r in range(proxy.rowCount())]


def click_header(dock, table: str, key: str, order=ASC) -> None:
    dock.tabs.setCurrentWidget(dock.tables[table])
    dock.tables[table].sortByColumn(dock.column_of(table, key), order)
    QApplication.processEvents()


def folded_sorted(names: list[str], reverse: bool = False) -> list[str]:
    return sorted(names, key=lambda n: fold(n) or "\uffff", reverse=reverse)


def test_a_sorted_column_follows_a_rename_an_added_and_a_deleted_relationship_and_undo(
        window, dock):
    model = window.current_model()
    editor = window.document.editor
    click_header(dock, "objects", "name")
    names = column(dock, "objects", "name")
    assert names == folded_sorted(names) and len(names) == 60
    last = names[-1]
    element = next(e for e in Inventory(model).objects() if e.name == last)
    assert editor.run(RenameElementCommand(element.id, "Ấp đầu bảng"))
    read_again(dock)
    names = column(dock, "objects", "name")
    assert names[0] == "Ấp đầu bảng" and last not in names  # moved to its new place
    assert names == folded_sorted(names)

    click_header(dock, "connections", "name", DESC)
    before = column(dock, "connections", "name")
    assert before == folded_sorted(before, reverse=True)
    like = Inventory(model).connections()[0]  # a connection the rules allow
    rel = Relationship("id-rel-new", like.type, like.source, like.target,
                       name="Zô liên thông mới")
    assert editor.run(RelateCommand(rel))
    read_again(dock)
    after = column(dock, "connections", "name")
    named = [n for n in after if n]  # descending: the unnamed ones first
    assert named[0] == "Zô liên thông mới" and len(after) == len(before) + 1
    gone = Inventory(model).connections()[3]
    assert editor.run(UnrelateCommand(gone.id))
    read_again(dock)
    assert dock.row_of("connections", gone.id) == -1
    assert len(column(dock, "connections", "name")) == len(before)

    for _ in range(3):
        window.document.undo_stack.undo()
    read_again(dock)
    assert column(dock, "connections", "name") == before
    assert dock.row_of("connections", gone.id) >= 0
    click_header(dock, "objects", "name")
    names = column(dock, "objects", "name")
    assert names[-1] == last and "Ấp đầu bảng" not in names


def rows_with(dock, table: str, words: list[str]) -> list[str]:
    """The names of the rows whose cells, as the table shows them, hold every word."""
    source, at = dock.models[table], dock.column_of(table, "name")
    rows = [source.row_cells(r) for r in range(source.rowCount())]
    return [cells[at] for cells in rows if all(w in fold(" ".join(cells)) for w in words)]


def test_the_filter_leaves_what_the_model_says_after_an_edit(window, dock):
    model = window.current_model()
    click_header(dock, "objects", "name")
    dock.filter.setText("y te")
    shown = column(dock, "objects", "name")
    assert shown and sorted(shown) == sorted(rows_with(dock, "objects", ["y", "te"]))
    assert shown == folded_sorted(shown)  # still sorted while filtered
    renamed = next(e for e in Inventory(model).objects() if e.name in shown and
                   "y te" in fold(e.name))
    old_name = renamed.name
    assert window.document.editor.run(RenameElementCommand(renamed.id, "Cổng thủ tục"))
    read_again(dock)
    shown = column(dock, "objects", "name")
    assert old_name not in shown
    assert sorted(shown) == sorted(rows_with(dock, "objects", ["y", "te"]))
    dock.filter.setText("cong thu tuc")  # its new name finds it, without diacritics
    assert column(dock, "objects", "name") == ["Cổng thủ tục"]
    window.document.undo_stack.undo()
    read_again(dock)
    assert column(dock, "objects", "name") == []
    dock.filter.setText("y te")
    assert old_name in column(dock, "objects", "name")
    dock.filter.clear()
    assert len(column(dock, "objects", "name")) == 60


def test_typing_on_looks_only_at_the_rows_shown_and_a_deletion_looks_at_all(window, dock):
    proxy = dock.proxies["objects"]
    total = proxy.rowCount()
    text, shown = "he thong", total
    for end in range(1, len(text) + 1):
        tested = proxy.rows_tested
        dock.filter.setText(text[:end])
        if text[:end].strip() == text[:end - 1].strip():
            continue  # a trailing space changes nothing
        assert proxy.rows_tested - tested <= shown  # the rows shown before, at most
        shown = proxy.rowCount()
    assert 0 < shown < total
    assert all("he" in text and "thong" in text for text in (fold(" ".join(row)) for row in (
        [proxy.index(r, c).data() for c in range(proxy.columnCount())]
        for r in range(shown))))
    tested = proxy.rows_tested
    dock.filter.setText("he thon")  # a letter deleted: rows hidden may show again
    assert proxy.rows_tested - tested == total
    assert proxy.rowCount() >= shown


def test_the_selection_stays_on_its_rows_through_a_sort_and_a_filter(window, dock):
    model = window.current_model()
    table = dock.tables["objects"]
    click_header(dock, "objects", "name")
    wanted = Inventory(model).objects()[7]
    table.selectRow(dock.row_of("objects", wanted.id))
    click_header(dock, "objects", "name", DESC)
    assert dock.selected_ids() == [wanted.id]
    assert table.currentIndex().row() == dock.row_of("objects", wanted.id)
    dock.filter.setText(fold(wanted.name))
    assert dock.selected_ids() == [wanted.id]
    dock.filter.setText("khong co dong nao nhu the nay")
    assert dock.selected_ids() == [] and dock.proxies["objects"].rowCount() == 0
    assert dock.count.text().startswith("0 / 60")


def test_on_a_national_model_the_first_keystroke_finds_the_search_texts_made(
        window, qtbot):
    window.document.replace(build_national_model(3000, 600), None)
    dock = window.inventory.dock
    dock.raise_()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not dock.warm_up.running(), timeout=30_000)
    objects, connections = dock.models["objects"], dock.models["connections"]
    made = objects.search_texts_made
    assert made == objects.rowCount() > 1000  # made while idle, the table on screen's
    assert connections.search_texts_made == 0  # behind its tab: not yet
    dock.filter.setText("h")
    assert objects.search_texts_made == made  # the keystroke made none
    proxy = dock.proxies["objects"]
    expected = sum(1 for r in range(objects.rowCount())
                   if "h" in fold(" ".join(objects.row_cells(r))))
    assert proxy.rowCount() == expected
    dock.filter.clear()
    dock.tabs.setCurrentWidget(dock.tables["connections"])
    qtbot.waitUntil(lambda: not dock.warm_up.running(), timeout=30_000)
    assert connections.search_texts_made == connections.rowCount()


def test_a_keystroke_filters_the_table_on_screen_and_the_others_when_shown(window, dock):
    connections = dock.proxies["connections"]
    tested = connections.rows_tested
    dock.filter.setText("he thong")
    assert connections.rows_tested == tested  # behind its tab: not looked at yet
    dock.tabs.setCurrentWidget(dock.tables["connections"])
    shown = column(dock, "connections", "name")
    assert sorted(shown) == sorted(rows_with(dock, "connections", ["he", "thong"]))
    assert 0 < len(shown) < dock.models["connections"].rowCount()
    assert dock.count.text().startswith(f"{len(shown)} / ")
    dock.filter.clear()
    assert len(column(dock, "connections", "name")) == dock.models["connections"].rowCount()


def test_an_edit_re_filters_the_table_on_screen_and_the_others_when_shown(window, dock):
    model = window.current_model()
    dock.filter.setText("zzz")
    dock.tabs.setCurrentWidget(dock.tables["connections"])
    assert column(dock, "connections", "name") == rows_with(dock, "connections", ["zzz"])
    dock.tabs.setCurrentWidget(dock.tables["objects"])
    connections = dock.proxies["connections"]
    tested = connections.rows_tested
    end = Inventory(model).connections()[0].source
    assert window.document.editor.run(RenameElementCommand(end, "Zzz nguồn mới"))
    read_again(dock)
    # Behind its tab, the table is not filtered again at the edit: only the rows of the
    # renamed object's own connections are tested (they show its name).
    own = [r for r in Inventory(model).connections() if end in (r.source, r.target)]
    assert connections.rows_tested - tested == len(own) > 0
    assert column(dock, "objects", "name") == ["Zzz nguồn mới"]
    dock.tabs.setCurrentWidget(dock.tables["connections"])
    shown = column(dock, "connections", "name")
    assert shown and shown == rows_with(dock, "connections", ["zzz"])  # its source's name
