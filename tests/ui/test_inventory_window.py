"""The inventory in the window: the Inventory menu and dock (tables sorted, filtered,
edited in place as one undo step each, "duplicates after the merger"), selection shared
with the diagram and the model tree, the inventory fields of several selected elements in
the Properties panel, the workbook in and out with its preview, the generated views and
the gap analysis."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from egov_modeler.diagram.overview_layout import generate_overview
from egov_modeler.model import serialization as ser
from egov_modeler.model.inventory.rows import Inventory
from egov_modeler.ui.dialogs.gap_analysis import GapAnalysisDialog
from egov_modeler.ui.dialogs.xlsx_import_preview import ImportPreviewDialog
from egov_modeler.ui.docks.model_tree import ID_ROLE
from tests.helpers.inventory import inventory_model


@pytest.fixture
def win(window, qtbot):
    """The window on a 2025 inventory (20 objects, 30 connections, 8 tasks) with its
    generated overview open."""
    model = inventory_model(20, 30, 8)
    command, _view = generate_overview(model)
    model.execute(command)
    window.document.replace(model, None)
    window.inventory.dock.raise_()  # its tab, behind Problems, clicked
    QApplication.processEvents()
    return window


def _dock(win):
    return win.inventory.dock


def _flush(win):
    _dock(win)._timer.timeout.emit()  # what the dock has not brought up to date yet
    QApplication.processEvents()


def test_the_inventory_menu_has_its_entries(win):
    menu = next(a.menu() for a in win.menuBar().actions()
                if a.menu() and a.menu().objectName() == "inventory_menu")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Bảng kiểm kê", "&Xuất sổ kiểm kê Excel…", "&Nhập sổ kiểm kê Excel…",
                     "&Tạo sơ đồ tổng thể", "&Sắp xếp lại sơ đồ", "Sơ đồ &lộ trình",
                     "Phân tích &khoảng trống…"]


def test_the_tables_show_objects_connections_and_tasks(win):
    dock = _dock(win)
    inventory = Inventory(win.current_model())
    assert dock.proxies["objects"].rowCount() == len(inventory.objects()) == 20
    assert dock.proxies["connections"].rowCount() == len(inventory.connections()) == 30
    assert dock.proxies["tasks"].rowCount() == 8
    headers = [dock.models["objects"].headerData(c, Qt.Orientation.Horizontal)
               for c in range(dock.models["objects"].columnCount())]
    assert headers[:3] == ["Mã", "Tên", "Tên tiếng Anh"] and "Phương án xử lý" in headers


def test_a_cell_edited_in_place_is_one_undo_step(win):
    dock = _dock(win)
    model = win.current_model()
    before = ser.model_to_dict(model)
    steps = win.document.undo_stack.count()
    proxy = dock.proxies["objects"]
    column = dock.column_of("objects", "field:hosting")
    row = next(r for r in range(proxy.rowCount())
               if dock.models["objects"].flags(proxy.mapToSource(proxy.index(r, column)))
               & Qt.ItemFlag.ItemIsEditable)
    index = proxy.index(row, column)
    element_id = proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert proxy.setData(index, "Đám mây Chính phủ")
    assert dict(model.element(element_id).properties)["Nơi đặt"] == "Đám mây Chính phủ"
    assert win.document.undo_stack.count() == steps + 1
    _flush(win)
    assert proxy.index(dock.row_of("objects", element_id), column).data() == \
        "Đám mây Chính phủ"
    assert not proxy.setData(proxy.index(row, column), "Trên mây")  # not a choice
    assert "Trên mây" in win.statusBar().currentMessage()
    win.document.undo_stack.undo()
    assert ser.model_to_dict(model) == before


def test_a_choice_cell_offers_the_profile_s_list(win):
    dock = _dock(win)
    table = dock.tables["objects"]
    column = dock.column_of("objects", "field:handling_option")
    index = dock.proxies["objects"].index(0, column)
    editor = table.itemDelegate().createEditor(table.viewport(), None, index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())][1:] == [
        "Tiếp tục sử dụng", "Chuẩn hóa, kết nối/tích hợp", "Nâng cấp, mở rộng",
        "Hợp nhất, tổ chức lại", "Thay thế, kết thúc sử dụng", "Bổ sung mới"]
    editor.deleteLater()


def test_sort_filter_and_duplicates_after_the_merger(win):
    dock = _dock(win)
    proxy = dock.proxies["objects"]
    name = dock.column_of("objects", "name")
    proxy.sort(name, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, name).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, key=lambda n: n.casefold().replace("đ", "d"))
    dock.filter.setText("y te")  # without diacritics
    rows = [[proxy.index(r, c).data().lower() for c in range(proxy.columnCount())]
            for r in range(proxy.rowCount())]
    assert rows and all(any("y tế" in cell for cell in row) for row in rows)
    assert {row[name] for row in rows} >= {e.name.lower() for e in Inventory(
        win.current_model()).objects() if "y tế" in e.name}
    assert len(rows) < 20
    dock.filter.clear()
    dock.duplicates.setChecked(True)
    shown = {proxy.index(r, name).data() for r in range(proxy.rowCount())}
    assert shown == {"Hệ thống thông tin quản lý y tế tỉnh Gia Lai (cũ)",
                     "Hệ thống thông tin quản lý y tế tỉnh Bình Định (cũ)",
                     "Hệ thống thông tin quản lý giáo dục tỉnh Gia Lai (cũ)",
                     "Hệ thống thông tin quản lý giáo dục tỉnh Bình Định (cũ)"}
    assert dock.count.text() == "4 / 20 dòng"


def test_selection_is_shared_with_the_diagram_and_the_model_tree(win):
    dock = _dock(win)
    model = win.current_model()
    element = Inventory(model).objects()[5]
    table = dock.tables["objects"]
    table.selectRow(dock.row_of("objects", element.id))
    scene = win.current_canvas().diagram()
    view = scene.view()
    assert [view.nodes[n].element_id for n in scene.selected_node_ids()] == [element.id]
    assert win.model_dock.tree.currentIndex().data(ID_ROLE) == element.id
    other = Inventory(model).objects()[9]
    node = view.nodes_of_element(other.id)[0]
    scene.select_ids([node.id])
    QApplication.processEvents()
    assert dock.selected_ids() == [other.id]


def test_the_properties_panel_edits_several_selected_elements_at_once(win):
    model = win.current_model()
    scene = win.current_canvas().diagram()
    view = scene.view()
    systems = [e for e in Inventory(model).objects() if e.type == "ApplicationComponent"][:3]
    scene.select_ids([view.nodes_of_element(e.id)[0].id for e in systems])
    QApplication.processEvents()
    form = win.properties.inventory_fields
    assert form.isVisible()
    assert form.findChild(QLabel, "inventory_fields_title").text() == \
        "Kiểm kê (3 đối tượng được chọn)"
    box = form.editors["handling_option"]
    steps = win.document.undo_stack.count()
    box.setCurrentIndex(box.findData("Bổ sung mới"))
    box.activated.emit(box.currentIndex())
    assert {dict(e.properties)["Phương án xử lý"] for e in systems} == {"Bổ sung mới"}
    assert win.document.undo_stack.count() == steps + 1
    year = form.editors["year_in_operation"]
    year.setValue(2021)
    year.editingFinished.emit()
    assert {dict(e.properties)["Năm đưa vào vận hành"] for e in systems} == {"2021"}
    win.document.undo_stack.undo()
    win.document.undo_stack.undo()
    assert len({dict(e.properties)["Phương án xử lý"] for e in systems}) >= 1
    assert win.document.undo_stack.count() == steps + 2


def test_a_workbook_is_exported_then_imported_with_a_preview(win, tmp_path):
    dialogs = win.dialogs
    model = win.current_model()
    path = tmp_path / "kiem-ke.xlsx"
    dialogs.save_answer = str(path)
    assert win.inventory.export_workbook()
    book = openpyxl.load_workbook(path)
    sheet = book["DM_DOITUONG"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=headers.index("Đơn vị vận hành") + 1).value = "VNPT Gia Lai"
    book.save(path)
    before = ser.model_to_dict(model)
    steps = win.document.undo_stack.count()
    dialogs.open_answer = str(path)
    assert win.inventory.import_workbook()
    preview = dialogs.dialogs_shown[-1]
    assert isinstance(preview, ImportPreviewDialog)
    assert preview.changes.topLevelItemCount() == 1
    assert preview.changes.topLevelItem(0).text(5) == "VNPT Gia Lai"
    assert dict(Inventory(model).objects()[0].properties)["Đơn vị vận hành"] == "VNPT Gia Lai"
    assert win.document.undo_stack.count() == steps + 1
    win.document.undo_stack.undo()
    assert ser.model_to_dict(model) == before


def test_a_refused_workbook_is_explained_and_changes_nothing(win, tmp_path):
    dialogs = win.dialogs
    path = tmp_path / "bad.xlsx"
    dialogs.save_answer = str(path)
    win.inventory.export_workbook()
    book = openpyxl.load_workbook(path)
    sheet = book["QH_KETNOI"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=headers.index("Kênh kết nối") + 1).value = "Bồ câu đưa thư"
    book.save(path)
    before = ser.model_to_dict(win.current_model())
    steps = win.document.undo_stack.count()
    dialogs.open_answer = str(path)
    assert not win.inventory.import_workbook()
    title, text, details = dialogs.errors[-1]
    assert "Bồ câu đưa thư" in details and "QH_KETNOI" in details and "dòng 2" in details
    assert ser.model_to_dict(win.current_model()) == before
    assert win.document.undo_stack.count() == steps


def test_generate_overview_relayout_and_roadmap_views(win):
    model = win.current_model()
    views = len(model.views)
    view_id = win.inventory.generate_overview()
    assert win.current_view_id() == view_id and len(model.views) == views + 1
    steps = win.document.undo_stack.count()
    assert win.inventory.relayout() or win.document.undo_stack.count() == steps
    roadmap = win.inventory.roadmap()
    assert win.current_view_id() == roadmap
    tasks = {n.element_id for n in model.view(roadmap).nodes.values() if n.element_id}
    assert tasks == {t.id for t in Inventory(model).tasks()}
    win.document.undo_stack.undo()
    assert not model.has_view(roadmap)


def test_the_gap_analysis_turns_differences_into_tasks(win):
    dialogs = win.dialogs
    model = win.current_model()
    tasks = len(Inventory(model).tasks())

    def prepare(dialog):
        assert isinstance(dialog, GapAnalysisDialog)
        dialog.source.setCurrentIndex(dialog.source.findText("Hiện trạng 2025"))
        dialog.target.setCurrentIndex(dialog.target.findText("Mục tiêu 2030"))
        assert dialog.differences.topLevelItemCount() > 0

    dialogs.prepare_dialog = prepare
    assert win.inventory.gap_analysis()
    analysis = dialogs.dialogs_shown[-1].analysis
    assert analysis is not None
    added = len(Inventory(model).tasks()) - tasks
    assert 0 < added <= len(analysis.differences)
    _flush(win)
    assert _dock(win).proxies["tasks"].rowCount() == tasks + added


def test_the_controller_works_without_a_main_window(qtbot, tmp_path):
    """Built from a Document, its views and model tree and a plain widget, as the other
    controllers are: an import of a workbook made from another model's copy adds rows."""
    from PySide6.QtWidgets import QWidget

    from egov_modeler.exchange.xlsx_inventory_export import write_inventory_workbook
    from egov_modeler.ui.docks.model_dock import ModelDock
    from egov_modeler.ui.docks.properties_dock import PropertiesDock
    from egov_modeler.ui.document import Document
    from egov_modeler.ui.window.inventory_controller import InventoryController
    from egov_modeler.ui.window.view_controller import ViewController
    from tests.helpers.ui import FakeDialogs

    parent = QWidget()
    qtbot.addWidget(parent)
    document = Document("vi", parent)
    dialogs = FakeDialogs()
    messages: list[str] = []
    views = ViewController(document, dialogs, PropertiesDock(parent),
                           lambda m, *_: messages.append(m), parent)
    controller = InventoryController(document, views, ModelDock(parent), dialogs,
                                     lambda m, *_: messages.append(m), parent)
    document.replace(inventory_model(5, 3, 2), None)
    bigger = inventory_model(8, 6, 2)
    path = tmp_path / "more.xlsx"
    write_inventory_workbook(bigger, path)
    dialogs.open_answer = str(path)
    assert controller.import_workbook()
    assert len(Inventory(document.model).objects()) == 8
    assert "more.xlsx" in messages[-1] and "21" in messages[-1]  # the seeded sample
    document.undo_stack.undo()
    assert len(Inventory(document.model).objects()) == 5
    parent.show()  # the dock reads the model when it is shown
    controller.dock.show()
    QApplication.processEvents()
    assert controller.dock.on_screen
    assert controller.dock.proxies["objects"].rowCount() == 5


def test_a_column_width_the_user_set_survives_an_edit(win):
    """The columns are fitted to their contents only for another model, so a column the
    user widened stays as wide through an edit."""
    from egov_modeler.model.commands import RenameElementCommand

    dock = _dock(win)
    header = dock.tables["objects"].horizontalHeader()
    name = dock.column_of("objects", "name")
    header.resizeSection(name, 301)
    element_id = Inventory(win.current_model()).objects()[0].id
    assert win.document.editor.run(RenameElementCommand(element_id, "Hệ thống đổi tên"))
    _flush(win)
    assert header.sectionSize(name) == 301
    win.document.replace(inventory_model(5, 4, 2), None)
    QApplication.processEvents()
    assert header.sectionSize(name) != 301  # another model: fitted again
