"""Managing problems through the window (pytest-qt, offscreen): the upkeep warnings
(element on no view, duplicate names), filters by severity, rule and view, and accepting
a warning with a reason (kept in the model, undoable, reopened from the menu)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt

from egov_modeler.model.accepted import acceptances
from egov_modeler.model.concepts import Relationship
from egov_modeler.model.views import Node
from egov_modeler.storage.native import loads, model_bytes
from tests.ui.test_model_tree import TwoViews, show


@pytest.fixture
def setup(window):
    two = TwoViews()
    model = two.model
    # A second "Cổng dịch vụ công tỉnh" (typed without capitals) on the second view, and a
    # relationship ArchiMate forbids (an import from another tool keeps it): an error.
    model.add_element("ApplicationComponent", "cổng dịch vụ  công tỉnh", id="id-portal-2")
    model.load_node(two.second, Node("id-n2-portal-2", 500, 250, 120, 55,
                                     element_id="id-portal-2"))
    model.load_relationship(Relationship("id-bad", "Composition", two.citizen.id,
                                         two.portal.id))
    show(window, two)
    window.validate_now()
    return two


def rows(window) -> list[tuple[str, str, str, str]]:
    shown = window.problems.list.model()
    return [tuple(shown.index(i, c).data() for c in range(4))
            for i in range(shown.rowCount())]


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_unused_elements_and_duplicate_names_are_listed_in_vietnamese(window, setup):
    found = {(r[0], r[2]) for r in rows(window)}
    assert ("Cảnh báo", "unused-element") in found
    assert ("Cảnh báo", "duplicate-name") in found
    assert ("Lỗi", "archimate") in found
    messages = [r[1] for r in rows(window)]
    assert "‘Hộp thư điện tử’ không có trên sơ đồ nào" in messages
    assert any("2 phần tử loại Thành phần ứng dụng cùng tên" in m for m in messages)


def test_filters_by_severity_rule_and_view(window, setup):
    dock = window.problems
    everything = len(rows(window))
    choose(dock.severity_filter, "Lỗi")
    assert {r[2] for r in rows(window)} == {"archimate"}
    choose(dock.severity_filter, "Lỗi và cảnh báo")
    choose(dock.rule_filter, "duplicate-name")
    assert [r[2] for r in rows(window)] == ["duplicate-name"]
    choose(dock.rule_filter, "Mọi quy tắc")
    assert len(rows(window)) == everything
    # The second view shows both portals, not the mailbox nor the citizen.
    choose(dock.view_filter, "Sơ đồ ứng dụng")
    rules = [r[2] for r in rows(window)]
    assert "duplicate-name" in rules and "unused-element" not in rules
    # "Current view" follows the tab: the overview shows the citizen and the portal.
    choose(dock.view_filter, "Sơ đồ hiện tại")
    window.views.open_view(setup.overview)
    # The overview shows the first portal (a duplicate, not hosted) but draws no line:
    # the forbidden composition and the serving line concern no shape on it.
    assert sorted(r[2] for r in rows(window)) == ["FW-HOSTED", "duplicate-name"]
    window.dialogs.text_answer = "Sơ đồ trống"
    window.views.new_view()  # opened in a new tab: nothing on it, nothing listed
    assert rows(window) == []


def test_accepting_a_warning_with_a_reason_takes_it_off_the_list_and_the_diagram(
        window, qtbot, setup):
    dock = window.problems
    choose(dock.rule_filter, "duplicate-name")
    dock.list.setCurrentIndex(dock.row_index(0))
    assert dock.accept_button.isEnabled()
    assert window._problems_by_id.get("id-portal-2") == "warning"  # marked on the diagram
    window.dialogs.text_answer = "Hai cổng của hai cấp khác nhau, đã đối chiếu"
    steps = window.document.undo_stack.count()
    qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    assert rows(window) == []
    assert "1 đã chấp nhận" in dock.windowTitle()
    assert "id-portal-2" not in window._problems_by_id  # no warning mark on its shape
    assert window.document.undo_stack.count() == steps + 1
    model = window.current_model()
    (acceptance,) = acceptances(model).values()
    assert acceptance.reason == "Hai cổng của hai cấp khác nhau, đã đối chiếu"
    assert acceptances(loads(model_bytes(model), "m.egov")) == acceptances(model)

    dock.show_accepted.setChecked(True)
    ((severity, _message, rule, reason),) = rows(window)
    assert (severity, rule, reason) == ("Đã chấp nhận", "duplicate-name",
                                        "Hai cổng của hai cấp khác nhau, đã đối chiếu")
    menu = dock.context_menu(dock.row_index(0))
    reopen = next(a for a in menu.actions() if a.text() == "Mở lại cảnh báo")
    reopen.trigger()
    assert rows(window)[0][0] == "Cảnh báo"
    assert acceptances(model) == {}
    window.document.undo_stack.undo()  # the reopening
    window.document.undo_stack.undo()  # the acceptance
    window.validate_now()
    assert acceptances(model) == {} and rows(window)[0][0] == "Cảnh báo"


def test_errors_cannot_be_accepted_and_a_reason_is_required(window, setup):
    dock = window.problems
    choose(dock.severity_filter, "Lỗi")
    dock.list.setCurrentIndex(dock.row_index(0))
    assert not dock.accept_button.isEnabled()
    menu = dock.context_menu(dock.row_index(0))
    assert [a.text() for a in menu.actions()] == ["Hiển thị trên sơ đồ"]
    choose(dock.severity_filter, "Cảnh báo")
    dock.list.setCurrentIndex(dock.row_index(0))
    window.dialogs.text_answer = "   "
    dock.accept_button.click()
    assert acceptances(window.current_model()) == {}
    assert "lý do" in window.statusBar().currentMessage()
