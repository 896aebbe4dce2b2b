"""Deleting from the model through the window: what is nested stays, the question says
so, and the safe answer is the default one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from egov_modeler.model.commands import SetNodeBoundsCommand
from egov_modeler.ui.dialogs.file_actions import confirm_box
from tests.helpers.ui import drop, node_of


def test_deleting_a_grouping_from_the_model_keeps_its_contents_on_the_view(window):
    (group,) = drop(window, "type:Grouping", 300, 250)
    box = node_of(window, group.id)
    view_id = window.current_view_id()
    window.document.editor.run(SetNodeBoundsCommand(view_id, box.id, 220, 180, 400, 200))
    (portal,) = drop(window, "c_cong_dvc_tinh", 300, 240)  # dropped inside the Grouping
    window.current_canvas().tools["select"].commit_move(0, 0, [node_of(window, portal.id).id])
    assert node_of(window, portal.id).parent == box.id
    window.current_canvas().diagram().select_ids([box.id])
    assert window.edits.delete_from_model()
    title, text, details = window.dialogs.confirms[-1]
    assert "1 phần tử lồng bên trong vẫn ở lại sơ đồ này" in details
    node = node_of(window, portal.id)
    assert node.parent != box.id and node.id in window.current_canvas().diagram().node_items
    assert not window.current_model().has_element(group.id)


def test_the_delete_question_defaults_to_cancel_and_shows_names_as_plain_text(qtbot):
    box, delete = confirm_box(None, "Xóa khỏi mô hình",
                              'Xóa <img src="file:///dev/zero"> khỏi mô hình?', "chi tiết")
    qtbot.addWidget(box)
    assert box.defaultButton() is not delete
    assert box.defaultButton().text() == "Hủy"
    assert box.escapeButton() is box.defaultButton()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.icon() == QMessageBox.Icon.Question
