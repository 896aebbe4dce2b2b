"""The model tree as an editor, driven as an architect would (pytest-qt, offscreen):
rename with F2, delete from the model with Delete, new folders and dragging rows into
them, change type, the model's own row, and the tree and the diagram selecting together.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTreeView

from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import loads, model_bytes
from egov_modeler.ui.docks.model_tree import ID_ROLE, KIND_ROLE, USER_FOLDER
from tests.ui.test_model_tree import TwoViews, show


def tree_of(window) -> QTreeView:
    return window.findChild(QTreeView, "model_tree")


def click_row(window, qtbot, index, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    tree = tree_of(window)
    assert index.isValid()
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier,
                     tree.visualRect(index).center())


def type_in_row_editor(window, qtbot, text: str) -> None:
    editor = tree_of(window).findChild(QLineEdit, "model_tree_editor")
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    editor.insert(text)  # as an input method types Vietnamese (QTest sends ASCII only)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits the typed name from its event queue


def entry(menu: QMenu, text: str):
    """The menu's entry (or submenu's entry) whose text starts with ``text``."""
    for action in menu.actions():
        if action.text().replace("&", "").startswith(text):
            return action
    raise AssertionError(f"{text!r} not in {[a.text() for a in menu.actions()]}")


@pytest.fixture
def setup(window):
    two = TwoViews()
    show(window, two)
    return two


def test_f2_in_the_tree_renames_the_element_there_as_one_undo_step(window, qtbot, setup):
    click_row(window, qtbot, window.model_dock.index_of(setup.mailbox.id))
    steps = window.document.undo_stack.count()
    qtbot.keyClick(tree_of(window), Qt.Key.Key_F2)
    type_in_row_editor(window, qtbot, "Hệ thống thư điện tử công vụ")
    model = window.current_model()
    assert model.element(setup.mailbox.id).name == "Hệ thống thư điện tử công vụ"
    assert window.model_dock.source_model.item_of(setup.mailbox.id).text() == \
        "Hệ thống thư điện tử công vụ"
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert model.element(setup.mailbox.id).name == "Hộp thư điện tử"


def test_the_model_row_renames_the_model_and_shows_it_in_properties_with_a_diagram_open(
        window, qtbot, setup):
    dock = window.model_dock
    assert window.current_canvas() is not None  # a diagram is open, a shape selected on it
    window.current_canvas().diagram().select_ids(["id-n2-portal"])
    click_row(window, qtbot, dock.index_of_model())
    model = window.current_model()
    assert window.properties.target == ("model", model.id)
    assert window.properties.name.text() == "Kiến trúc thử nghiệm"
    qtbot.keyClick(tree_of(window), Qt.Key.Key_F2)
    type_in_row_editor(window, qtbot, "Kiến trúc số tỉnh Gia Lai")
    assert model.name == "Kiến trúc số tỉnh Gia Lai"
    assert dock.index_of_model().data() == "Kiến trúc số tỉnh Gia Lai"
    assert "Kiến trúc số tỉnh Gia Lai" in window.edits.act_undo.text()


def test_delete_in_the_tree_deletes_from_the_model_after_naming_the_views(window, qtbot,
                                                                           setup):
    model = window.current_model()
    before = model_to_dict(model)
    click_row(window, qtbot, window.model_dock.index_of(setup.portal.id))
    # The diagram has the portal selected too (the selections follow each other), and
    # its Delete would remove it from this view only: in the tree, Delete is the tree's.
    qtbot.keyClick(tree_of(window), Qt.Key.Key_Delete)
    title, text, details = window.dialogs.confirms[-1]
    assert "Cổng Dịch vụ công tỉnh" in text
    assert "Sơ đồ khái quát" in details and "Sơ đồ ứng dụng" in details
    assert "1 quan hệ" in details
    assert not model.has_element(setup.portal.id)
    assert all(not v.nodes_of_element(setup.portal.id) for v in model.views)
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before


def test_answering_no_keeps_everything(window, qtbot, setup):
    window.dialogs.confirm_answer = False
    click_row(window, qtbot, window.model_dock.index_of(setup.serves.id))
    qtbot.keyClick(tree_of(window), Qt.Key.Key_Delete)
    assert window.current_model().has_relationship(setup.serves.id)


def send_tree_drop(window, mime, index) -> None:
    tree = tree_of(window)
    tree.scrollTo(index)
    pos = tree.visualRect(index).center()
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (QDragEnterEvent(pos, actions, mime, buttons, mods),
                  QDragMoveEvent(pos, actions, mime, buttons, mods),
                  QDropEvent(QPointF(pos), actions, mime, buttons, mods)):
        QApplication.sendEvent(tree.viewport(), event)


def test_new_folder_then_dragging_rows_into_it_files_them_and_the_file_keeps_it(
        window, qtbot, setup):
    dock = window.model_dock
    click_row(window, qtbot, dock.index_of_model())
    window.dialogs.text_answer = "Hệ thống dùng chung của tỉnh"
    entry(window.tree.tree_menu(dock.selected_rows()), "Thư mục mới").trigger()
    model = window.current_model()
    assert [f.label for f in model.folders] == ["Hệ thống dùng chung của tỉnh"]
    folder_index = dock.index_of_folder([0])
    assert folder_index.data(KIND_ROLE) == USER_FOLDER

    # Select the portal and the mailbox rows, drag them onto the folder.
    click_row(window, qtbot, dock.index_of(setup.portal.id))
    click_row(window, qtbot, dock.index_of(setup.mailbox.id),
              Qt.KeyboardModifier.ControlModifier)
    rows = tree_of(window).selectionModel().selectedRows()
    mime = tree_of(window).model().mimeData(rows)
    steps = window.document.undo_stack.count()
    send_tree_drop(window, mime, dock.index_of_folder([0]))
    assert set(model.folders[0].refs) == {setup.portal.id, setup.mailbox.id}
    assert window.document.undo_stack.count() == steps + 1
    row = dock.source_model.item_of(setup.portal.id)
    assert row.parent().data(ID_ROLE) == "0"  # the row now sits in the folder
    again = loads(model_bytes(model), "m.egov")
    assert set(again.folders[0].refs) == {setup.portal.id, setup.mailbox.id}

    # Dragged back onto the model's row, they leave the folder (and sit in their layer).
    mime = tree_of(window).model().mimeData([dock.index_of(setup.portal.id)])
    send_tree_drop(window, mime, dock.index_of_model())
    assert model.folders[0].refs == [setup.mailbox.id]
    assert dock.source_model.item_of(setup.portal.id).parent().data(KIND_ROLE) == "group"
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert model.folders[0].refs == []


def test_folders_rename_nest_and_delete_without_losing_what_they_hold(window, qtbot, setup):
    from egov_modeler.model.commands import AddFolderCommand, FileInFolderCommand

    editor = window.document.editor
    assert editor.run(AddFolderCommand("Ứng dụng"))
    assert editor.run(AddFolderCommand("Quốc gia"))
    assert editor.run(FileInFolderCommand([setup.mailbox.id], [1]))
    dock = window.model_dock
    click_row(window, qtbot, dock.index_of_folder([1]))
    qtbot.keyClick(tree_of(window), Qt.Key.Key_F2)
    type_in_row_editor(window, qtbot, "Hệ thống quốc gia")
    model = window.current_model()
    assert model.folders[1].label == "Hệ thống quốc gia"
    # Drag the second folder into the first one.
    mime = tree_of(window).model().mimeData([dock.index_of_folder([1])])
    send_tree_drop(window, mime, dock.index_of_folder([0]))
    assert [f.label for f in model.folders] == ["Ứng dụng"]
    assert model.folders[0].folders[0].label == "Hệ thống quốc gia"
    assert dock.source_model.item_of(setup.mailbox.id).parent().data(ID_ROLE) == "0/0"
    # Delete the outer folder: the inner one and the mailbox stay.
    click_row(window, qtbot, dock.index_of_folder([0]))
    qtbot.keyClick(tree_of(window), Qt.Key.Key_Delete)
    assert [f.label for f in model.folders] == ["Hệ thống quốc gia"]
    assert model.folders[0].refs == [setup.mailbox.id] and model.has_element(
        setup.mailbox.id)
    assert "Ctrl+Z" in window.statusBar().currentMessage()


def test_change_type_offers_what_the_relationships_allow(window, qtbot, setup):
    dock = window.model_dock
    click_row(window, qtbot, dock.index_of(setup.citizen.id))
    menu = window.tree.tree_menu(dock.selected_rows())
    change = entry(menu, "Thay đổi loại").menu()
    business = entry(change, "Nghiệp vụ").menu()  # the element's own layer comes first
    assert change.actions()[0].menu() is business
    labels = [a.text() for a in business.actions()]
    assert "Vai trò nghiệp vụ" in labels  # a role may be served too
    entry(business, "Vai trò nghiệp vụ").trigger()
    model = window.current_model()
    assert model.element(setup.citizen.id).type == "BusinessRole"
    assert "Vai trò nghiệp vụ" in window.edits.act_undo.text()
    window.document.undo_stack.undo()
    assert model.element(setup.citizen.id).type == "BusinessActor"


def test_change_type_explains_when_no_type_is_left(window, qtbot):
    model = window.current_model()
    group = model.add_element("Grouping", "Nhóm năng lực")
    resource = model.add_element("Resource", "Nguồn lực")
    capability = model.add_element("Capability", "Năng lực")
    model.relate(group.id, "Specialization", resource.id)
    model.relate(group.id, "Specialization", capability.id)
    click_row(window, qtbot, window.model_dock.index_of(group.id))
    menu = window.tree.tree_menu(window.model_dock.selected_rows())
    (only,) = entry(menu, "Thay đổi loại").menu().actions()
    assert not only.isEnabled()
    assert "Nhóm năng lực" in only.toolTip() and "2" in only.toolTip()


def test_the_tree_and_the_diagram_select_together(window, qtbot, setup):
    canvas = window.current_canvas()
    scene = canvas.diagram()
    scene.select_ids(["id-n2-portal"])
    assert window.model_dock.selected_rows() == [("element", setup.portal.id)]
    scene.select_ids([])
    assert window.model_dock.selected_rows() == []
    click_row(window, qtbot, window.model_dock.index_of(setup.portal.id))
    assert scene.selected_node_ids() == ["id-n2-portal"]
    # An element this view does not show: Properties shows it all the same.
    click_row(window, qtbot, window.model_dock.index_of(setup.mailbox.id))
    assert window.properties.target == ("element", setup.mailbox.id)
    assert window.properties.name.text() == "Hộp thư điện tử"


def test_the_diagram_menu_selects_in_the_tree_shows_in_views_and_properties(window, setup):
    canvas = window.current_canvas()
    texts = [a.text() for a in canvas.actions()]
    for wanted in ("Chọn trong cây mô hình", "Hiển thị trong các sơ đồ", "Thay đổi loại",
                   "Thuộc tính"):
        assert wanted in texts, texts
    window.model_dock.search.setText("hop thu")  # a filter that hides the portal
    canvas.diagram().select_ids(["id-n2-portal"])
    window.tree.act_select_in_tree.trigger()
    assert window.model_dock.search.text() == ""
    assert window.model_dock.selected_rows() == [("element", setup.portal.id)]
    # Show in views: both views show the portal; the other one opens with it selected.
    menu = window.tree.show_in_views_menu
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions()]
    assert names == ["Sơ đồ khái quát", "Sơ đồ ứng dụng (sơ đồ này)"]
    menu.actions()[0].trigger()
    assert window.current_view_id() == setup.overview
    assert window.current_canvas().diagram().selected_node_ids() == ["id-n-portal"]
    window.tree.act_properties.trigger()
    assert window.properties.isVisible()
    assert window.properties.target == ("element", setup.portal.id)


def test_double_clicking_an_element_row_opens_a_view_that_shows_it(window, qtbot, setup):
    tree = tree_of(window)
    index = window.model_dock.index_of(setup.citizen.id)  # not on the open view
    tree.scrollTo(index)
    where = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.current_view_id() == setup.overview
    assert window.current_canvas().diagram().selected_node_ids() == ["id-n-citizen"]


def test_a_new_model_opens_at_its_folders_and_a_new_folder_keeps_what_was_open(window,
                                                                                setup):
    from egov_modeler.model.commands import AddFolderCommand

    tree, dock = tree_of(window), window.model_dock
    top = dock.index_of_model()
    assert tree.isExpanded(top)
    elements = dock.index_of(setup.citizen.id).parent().parent()  # Elements > layer > row
    assert tree.isExpanded(elements)
    layer = dock.index_of(setup.citizen.id).parent()
    assert not tree.isExpanded(layer)  # the layers stay closed: counts, not rows
    tree.expand(layer)
    assert window.document.editor.run(AddFolderCommand("Hồ sơ"))  # the rows are relisted
    assert tree.isExpanded(dock.index_of(setup.citizen.id).parent())
    assert tree.isExpanded(dock.index_of_model())
    assert dock.index_of_folder([0]).data() == "Hồ sơ"


def test_a_garbled_drop_on_the_tree_changes_nothing(window, setup):
    from PySide6.QtCore import QMimeData

    from egov_modeler.ui.docks.model_tree import TREE_MIME

    model = window.current_model()
    before = model_to_dict(model)
    dock = window.model_dock
    for payload in (b"not json", b'{"a": 1}', b'[["user_folder", "x/../1"]]',
                    b'[["element", "id-nothing"]]'):
        mime = QMimeData()
        mime.setData(TREE_MIME, payload)
        send_tree_drop(window, mime, dock.index_of_model())
    assert model_to_dict(model) == before
