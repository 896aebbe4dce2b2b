"""Find and replace through the window (pytest-qt, offscreen): Ctrl+F finds without
diacritics across the whole model, a result selects on the diagram and in the model tree,
filters narrow by type and layer, Ctrl+H replaces one match or all of them as one undo
step."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_modeler.model.serialization import model_to_dict
from tests.ui.test_model_tree import TwoViews, show

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def setup(window):
    two = TwoViews()
    model = two.model
    model.element(two.mailbox.id).documentation = "Hộp thư cho cán bộ, không phải cổng"
    model.element(two.citizen.id).properties.append(("Ghi chú", "dùng cổng tỉnh"))
    show(window, two)
    return two


def results(window) -> list[tuple[str, str, str]]:
    tree = window.finds.dock.results
    return [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1),
             tree.topLevelItem(i).text(3)) for i in range(tree.topLevelItemCount())]


def find(window, qtbot, text: str) -> None:
    """Ctrl+F on the diagram, then type ``text`` in the find box."""
    qtbot.keyClick(window.current_canvas(), Qt.Key.Key_F, CTRL)
    dock = window.finds.dock
    assert dock.isVisible() and dock.find_text.hasFocus()
    dock.find_text.clear()
    qtbot.keyClicks(dock.find_text, text)
    qtbot.waitUntil(lambda: not dock._timer.isActive())


def test_ctrl_f_finds_names_documentation_and_properties_without_diacritics(
        window, qtbot, setup):
    find(window, qtbot, "cong")
    assert results(window) == [
        ("Người dân", "Thuộc tính ‘Ghi chú’", "Tác nhân nghiệp vụ"),  # "dùng cổng tỉnh"
        ("Cổng Dịch vụ công tỉnh", "Tên", "Thành phần ứng dụng"),  # "Cổng"
        ("Cổng Dịch vụ công tỉnh", "Tên", "Thành phần ứng dụng"),  # and "công"
        ("Hộp thư điện tử", "Mô tả", "Thành phần ứng dụng"),  # "không phải cổng"
    ]
    assert window.finds.dock.summary.text() == "4 kết quả trong 3 đối tượng"
    excerpt = window.finds.dock.results.topLevelItem(2).text(2)
    assert excerpt == "Cổng Dịch vụ [công] tỉnh"  # the match is marked in its context


def test_picking_a_result_selects_it_on_the_diagram_and_in_the_tree(window, qtbot, setup):
    find(window, qtbot, "cong dich vu")
    (row,) = results(window)
    dock = window.finds.dock
    item = dock.results.topLevelItem(0)
    dock.results.scrollToItem(item)
    qtbot.mouseClick(dock.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=dock.results.visualItemRect(item).center())
    assert window.current_canvas().diagram().selected_node_ids() == ["id-n2-portal"]
    assert window.model_dock.selected_rows() == [("element", setup.portal.id)]


def test_type_and_layer_filters_narrow_the_matches(window, qtbot, setup):
    find(window, qtbot, "cong")
    dock = window.finds.dock
    everything = len(results(window))
    dock.type_filter.setCurrentIndex(dock.type_filter.findText("Tác nhân nghiệp vụ"))
    dock.type_filter.activated.emit(dock.type_filter.currentIndex())
    assert [r[0] for r in results(window)] == ["Người dân"]
    dock.type_filter.setCurrentIndex(0)
    dock.layer_filter.setCurrentIndex(dock.layer_filter.findText("Ứng dụng"))  # ArchiMate
    dock.layer_filter.activated.emit(dock.layer_filter.currentIndex())
    assert [r[0] for r in results(window)] == ["Hộp thư điện tử"]  # no framework layer
    dock.layer_filter.setCurrentIndex(0)
    dock.layer_filter.activated.emit(0)
    dock.match_diacritics.setChecked(True)  # "cong" as typed: no "cổng", no "công"
    assert results(window) == []
    dock.match_diacritics.setChecked(False)
    assert len(results(window)) == everything


def test_ctrl_h_replace_all_is_one_undo_step(window, qtbot, setup):
    model = window.current_model()
    before = model_to_dict(model)
    find(window, qtbot, "cong")
    qtbot.keyClick(window.finds.dock.find_text, Qt.Key.Key_H, CTRL)
    dock = window.finds.dock
    assert dock.replace_text.hasFocus()
    dock.replace_text.insert("Cổng")  # typed with a Vietnamese input method
    steps = window.document.undo_stack.count()
    qtbot.mouseClick(dock.replace_all_button, Qt.MouseButton.LeftButton)
    assert model.element(setup.portal.id).name == "Cổng Dịch vụ Cổng tỉnh"
    assert model.element(setup.mailbox.id).documentation == \
        "Hộp thư cho cán bộ, không phải Cổng"
    assert dict(model.element(setup.citizen.id).properties)["Ghi chú"] == "dùng Cổng tỉnh"
    assert window.document.undo_stack.count() == steps + 1
    assert "‘cong’" in window.edits.act_undo.text()
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    found = window.finds.dock.results  # the list shows the new texts ("Cổng" has "cong")
    assert [found.topLevelItem(i).text(2).count("[Cổng]") for i in range(4)] == [1] * 4
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before
    qtbot.waitUntil(lambda: len(results(window)) == 4)  # the list follows the undo


def test_replace_changes_only_the_selected_match(window, qtbot, setup):
    find(window, qtbot, "cong")
    dock = window.finds.dock
    dock.replace_text.setText("chung")
    dock.results.setCurrentItem(dock.results.topLevelItem(2))  # "công" in the portal
    qtbot.mouseClick(dock.replace_button, Qt.MouseButton.LeftButton)
    model = window.current_model()
    assert model.element(setup.portal.id).name == "Cổng Dịch vụ chung tỉnh"
    assert model.element(setup.mailbox.id).documentation.endswith("không phải cổng")


def test_f3_goes_to_the_next_match_and_enter_opens_a_view_that_shows_it(window, qtbot, setup):
    find(window, qtbot, "nguoi dan")
    assert [r[0] for r in results(window)] == ["Người dân"]
    qtbot.keyClick(window.finds.dock.find_text, Qt.Key.Key_F3)
    dock = window.finds.dock
    assert dock.results.currentItem() is dock.results.topLevelItem(0)
    # The open view does not show the citizen: Properties does, the status bar says where.
    assert window.properties.target == ("element", setup.citizen.id)
    assert "Sơ đồ khái quát" in window.statusBar().currentMessage()
    item = dock.results.topLevelItem(0)
    dock.results.itemActivated.emit(item, 0)
    QApplication.processEvents()
    assert window.current_view_id() == setup.overview
    assert window.current_canvas().diagram().selected_node_ids() == ["id-n-citizen"]
