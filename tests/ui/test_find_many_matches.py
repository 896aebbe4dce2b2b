"""Find on a national-scale model with a query that matches thousands of fields
(pytest-qt, offscreen; issue 19): the list shows the first matches at once and more as it
is scrolled to its end or F3 passes the last one listed, the summary counts them all, and
"Replace all" replaces every match, listed or not, as one undo step."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication

from egov_modeler.model import serialization as ser
from egov_modeler.model.find import FindOptions, find
from egov_modeler.ui.docks.find_dock import ROWS_AT_ONCE
from tests.helpers.national_view_model import build_national_model


@pytest.fixture
def dock(window):
    window.document.replace(build_national_model(3000, 300), None)
    window.finds.open_find()
    dock = window.finds.dock
    dock.find_text.setText("thong tin")
    dock.search()
    QApplication.processEvents()
    return dock


def listed(dock) -> int:
    return dock.results.topLevelItemCount()


def name_of_row(dock, row: int) -> str:
    return dock.results.topLevelItem(row).text(0)


def owner_name(window, match) -> str:
    """The name a match's row starts with (the query finds element names only)."""
    assert match.kind == "element"
    return window.current_model().element(match.owner_id).name


def test_the_first_matches_are_listed_and_more_as_the_list_is_scrolled(window, dock):
    everything = find(window.current_model(), FindOptions("thong tin"))
    assert len(everything) > 2 * ROWS_AT_ONCE
    assert len(dock.matches) == len(everything)
    assert listed(dock) == ROWS_AT_ONCE
    assert dock.summary.text().startswith(f"{len(everything)} kết quả")
    bar = dock.results.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to the end
    QApplication.processEvents()
    assert listed(dock) == 2 * ROWS_AT_ONCE
    assert name_of_row(dock, ROWS_AT_ONCE) == owner_name(window, everything[ROWS_AT_ONCE])
    assert [dock.match_of(dock.results.topLevelItem(r)) for r in (0, ROWS_AT_ONCE)] == \
        [everything[0], everything[ROWS_AT_ONCE]]
    dock.find_text.setText("thong ti")  # searched again: the first ones only, from the top
    dock.search()
    QApplication.processEvents()
    assert listed(dock) == ROWS_AT_ONCE
    assert dock.match_of(dock.results.topLevelItem(0)) == dock.matches[0]


def test_f3_past_the_last_listed_match_goes_on_to_the_next_one(window, dock):
    dock.results.setCurrentItem(dock.results.topLevelItem(ROWS_AT_ONCE - 1))
    match = window.finds.find_next()
    assert match == dock.matches[ROWS_AT_ONCE]  # not back to the first
    assert dock.results.currentIndex().row() == ROWS_AT_ONCE
    assert listed(dock) > ROWS_AT_ONCE


def test_replace_all_replaces_the_matches_not_listed_too(window, dock):
    model = window.current_model()
    before = ser.model_to_dict(model)
    total = len(dock.matches)
    assert listed(dock) < total
    dock.replace_text.setText("TT")
    dock.replace_all_button.click()
    assert find(model, FindOptions("thong tin")) == []
    assert len(find(model, FindOptions("TT", match_case=True))) >= total
    window.document.undo_stack.undo()
    assert ser.model_to_dict(model) == before
