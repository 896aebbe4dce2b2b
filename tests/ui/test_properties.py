"""The Properties dock: English names for the bilingual dossier, user properties, the
fields of relationships and views. Every edit is one undo step, and what is typed reaches
the model, the saved file, the exchange XML and the PDF."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

pytest.importorskip("pytestqt")

from lxml import etree
from PySide6.QtCore import Qt

from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.model.commands import SetPropertyCommand
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.viewpoints import VIEWPOINTS, viewpoint_label
from egov_modeler.model.views import Connection, Node
from egov_modeler.storage import native
from tests.helpers.exchange import NS, load_validator, oef_problems


def dossier_model() -> Model:
    """A view with two systems in an association and two goals in an influence."""
    model = Model("Kiến trúc CQĐT tỉnh Gia Lai")
    model.properties = [("dossier:title", "Kiến trúc CQĐT tỉnh Gia Lai 2.0"),
                        ("dossier:agency", "UBND tỉnh Gia Lai")]
    view = model.add_view("Sơ đồ khái quát")
    lgsp = model.add_element("ApplicationComponent", "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh")
    portal = model.add_element("ApplicationComponent", "Cổng dịch vụ công tỉnh")
    goal = model.add_element("Goal", "Chính quyền số")
    driver = model.add_element("Driver", "Chuyển đổi số quốc gia")
    assoc = model.relate(portal.id, "Association", lgsp.id)
    influence = model.relate(driver.id, "Influence", goal.id)
    for index, element in enumerate((lgsp, portal, goal, driver)):
        model.load_node(view.id, Node(f"id-n{index}", 40 + 260 * (index % 2),
                                      40 + 160 * (index // 2), 160, 70,
                                      element_id=element.id))
    model.load_connection(view.id, Connection("id-c0", "id-n1", "id-n0", assoc.id))
    model.load_connection(view.id, Connection("id-c1", "id-n3", "id-n2", influence.id))
    return model


@pytest.fixture
def dossier(window):
    """The window on :func:`dossier_model`; returns (window, model, ids)."""
    model = dossier_model()
    window.document.replace(model, None)
    view = model.views[0]
    ids = {"lgsp": view.nodes["id-n0"].element_id,
           "assoc": view.connections["id-c0"].relationship_id,
           "influence": view.connections["id-c1"].relationship_id,
           "view": view.id}
    return window, model, ids


def select(window, *ids: str) -> None:
    """Select nodes or connections on the current diagram, as a click would."""
    window.current_canvas().diagram().select_ids(list(ids))


def type_into(qtbot, line_edit, text: str) -> None:
    """Replace the text of a line edit as typing would (QTest types ASCII only, so the
    Vietnamese text is inserted as an input method does), then press Enter."""
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)
    line_edit.insert(text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def one_undo_step_back(window, model: Model, before: dict) -> None:
    """Undo once: the model is exactly as before; redo gives the edit back."""
    after = model_to_dict(model)
    assert after != before
    window.document.undo_stack.undo()
    assert model_to_dict(model) == before
    window.document.undo_stack.redo()
    assert model_to_dict(model) == after


# ---------------------------------------------------------------- English names
def test_english_name_typed_in_the_dock_reaches_the_model_the_xml_and_the_english_pdf(
        dossier, qtbot, tmp_path):
    window, model, ids = dossier
    dock = window.properties
    select(window, "id-n0")
    assert dock.target == ("element", ids["lgsp"])
    assert dock.name_en.isVisible() and dock.name_en.text() == ""
    before = model_to_dict(model)
    type_into(qtbot, dock.name_en, "Provincial integration platform (LGSP)")
    element = model.element(ids["lgsp"])
    assert element.names["en"] == "Provincial integration platform (LGSP)"
    assert element.name == "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh"  # Vietnamese kept
    one_undo_step_back(window, model, before)

    root = etree.fromstring(exchange_bytes(model))
    node = root.find(f".//a:element[@identifier='{ids['lgsp']}']", NS)
    names = {n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text
             for n in node.findall("a:name", NS)}
    assert names["en"] == "Provincial integration platform (LGSP)"
    assert names["vi"] == "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh"

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier

    pdf = tmp_path / "dossier-en.pdf"
    write_dossier(model, pdf, DossierOptions(lang="en", paper="A4"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Provincial integration platform" in " ".join(text.split())


def test_emptying_the_english_name_removes_it_and_the_dock_follows_undo(dossier, qtbot):
    window, model, ids = dossier
    dock = window.properties
    select(window, "id-n0")
    type_into(qtbot, dock.name_en, "LGSP")
    type_into(qtbot, dock.name_en, "")
    assert "en" not in model.element(ids["lgsp"]).names
    window.document.undo_stack.undo()
    assert model.element(ids["lgsp"]).names == {"en": "LGSP"}
    assert dock.name_en.text() == "LGSP"


def test_english_documentation_is_saved_when_the_field_is_left(dossier, qtbot):
    window, model, ids = dossier
    dock = window.properties
    select(window, "id-n0")
    before = model_to_dict(model)
    dock.documentation_en.setFocus()
    qtbot.keyClicks(dock.documentation_en, "Shares data between provincial systems")
    dock.name.setFocus()  # leaving the box commits it
    assert model.element(ids["lgsp"]).documentations == {
        "en": "Shares data between provincial systems"}
    assert model.element(ids["lgsp"]).documentation == ""
    one_undo_step_back(window, model, before)


def test_english_view_name_via_the_dock_goes_into_the_exchange_xml(dossier, qtbot):
    window, model, ids = dossier
    dock = window.properties
    select(window)
    assert dock.target == ("view", ids["view"])
    type_into(qtbot, dock.name_en, "Overview diagram")
    assert model.view(ids["view"]).names == {"en": "Overview diagram"}
    root = etree.fromstring(exchange_bytes(model))
    view = root.find(f".//a:view[@identifier='{ids['view']}']", NS)
    assert "Overview diagram" in [n.text for n in view.findall("a:name", NS)]


# ---------------------------------------------------------------- properties
def test_add_edit_rename_remove_a_property_each_one_undo_step(dossier, qtbot):
    window, model, ids = dossier
    dock = window.properties
    select(window, "id-n0")
    table = dock.table
    element = model.element(ids["lgsp"])
    steps = window.document.undo_stack.count()

    before = model_to_dict(model)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert element.properties == [("thuộc tính", "")]  # a Vietnamese default name
    assert table.table.rowCount() == 1
    one_undo_step_back(window, model, before)

    model_vendor = model_to_dict(model)
    table.table.item(0, 0).setText("nhà cung cấp")  # typed over the name cell
    assert element.properties == [("nhà cung cấp", "")]
    one_undo_step_back(window, model, model_vendor)

    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    table.table.item(1, 0).setText("năm triển khai")
    before_value = model_to_dict(model)
    table.table.item(0, 1).setText("VNPT")
    assert element.properties == [("nhà cung cấp", "VNPT"), ("năm triển khai", "")]
    one_undo_step_back(window, model, before_value)

    before_rename = model_to_dict(model)
    table.table.item(0, 0).setText("đơn vị cung cấp")
    assert element.properties == [("đơn vị cung cấp", "VNPT"), ("năm triển khai", "")]
    one_undo_step_back(window, model, before_rename)

    before_remove = model_to_dict(model)
    table.table.selectRow(0)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert element.properties == [("năm triển khai", "")]
    assert table.table.rowCount() == 1
    assert table.table.item(0, 0).text() == "năm triển khai"
    one_undo_step_back(window, model, before_remove)
    assert window.document.undo_stack.count() == steps + 7  # add, rename, add, rename, value, ...

    window.document.undo_stack.undo()  # the table follows undo
    assert [table.table.item(r, 0).text() for r in range(table.table.rowCount())] == [
        "đơn vị cung cấp", "năm triển khai"]


def test_a_name_already_used_is_refused_and_nothing_changes(dossier, qtbot):
    window, model, ids = dossier
    dock = window.properties
    select(window, "id-n0")
    model.execute(SetPropertyCommand(ids["lgsp"], "a", "1"))
    model.execute(SetPropertyCommand(ids["lgsp"], "b", "2"))
    table = dock.table
    assert table.table.rowCount() == 2  # edits made elsewhere show (model events)
    before, steps = model_to_dict(model), window.document.undo_stack.count()
    table.table.item(1, 0).setText("a")
    assert model_to_dict(model) == before
    assert window.document.undo_stack.count() == steps
    assert table.table.item(1, 0).text() == "b"
    assert "a" in window.statusBar().currentMessage()


def test_delete_key_in_the_table_removes_the_property_not_the_diagram_element(dossier, qtbot):
    window, model, ids = dossier
    dock = window.properties
    select(window, "id-n0")
    model.execute(SetPropertyCommand(ids["lgsp"], "nhà cung cấp", "VNPT"))
    table = dock.table.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert model.element(ids["lgsp"]).properties == []
    assert "id-n0" in model.view(ids["view"]).nodes


def test_model_properties_with_the_dossier_fields_show_under_the_view(dossier, qtbot):
    from egov_modeler.export.pdf.dossier import dossier_fields

    window, model, _ids = dossier
    dock = window.properties
    select(window)
    assert not dock.model_table.isVisible()  # folded: the view's own fields come first
    qtbot.mouseClick(dock.model_toggle, Qt.MouseButton.LeftButton)
    assert dock.model_table.isVisible()
    rows = dock.model_table.table
    assert [(rows.item(r, 0).text(), rows.item(r, 1).text()) for r in range(rows.rowCount())
            ] == model.properties
    before = model_to_dict(model)
    rows.item(1, 1).setText("Ủy ban nhân dân tỉnh Gia Lai")
    assert dossier_fields(model)["agency"] == "Ủy ban nhân dân tỉnh Gia Lai"
    one_undo_step_back(window, model, before)
    window.document.undo_stack.undo()
    assert rows.item(1, 1).text() == "UBND tỉnh Gia Lai"


# ---------------------------------------------------------------- relationships
def test_association_direction_and_influence_modifier_survive_save_and_load(
        dossier, qtbot, tmp_path):
    window, model, ids = dossier
    dock = window.properties
    select(window, "id-c0")
    assert dock.target == ("relationship", ids["assoc"])
    assert dock.directed.isVisible() and not dock.modifier.isVisible()
    before = model_to_dict(model)
    qtbot.mouseClick(dock.directed, Qt.MouseButton.LeftButton)
    assert model.relationship(ids["assoc"]).is_directed is True
    one_undo_step_back(window, model, before)
    type_into(qtbot, dock.name, "trao đổi dữ liệu")
    type_into(qtbot, dock.name_en, "data exchange")

    select(window, "id-c1")
    assert dock.modifier.isVisible() and not dock.directed.isVisible()
    before = model_to_dict(model)
    type_into(qtbot, dock.modifier, "++")
    assert model.relationship(ids["influence"]).modifier == "++"
    one_undo_step_back(window, model, before)

    path = tmp_path / "gia-lai.egov"
    native.save(model, path)
    loaded = native.load(path)
    assoc, influence = loaded.relationship(ids["assoc"]), loaded.relationship(ids["influence"])
    assert assoc.is_directed is True
    assert (assoc.name, assoc.names) == ("trao đổi dữ liệu", {"en": "data exchange"})
    assert influence.modifier == "++"
    assert model_to_dict(loaded) == model_to_dict(model)

    select(window, "id-c1")  # the dock shows what the model has after undo
    window.document.undo_stack.undo()
    assert dock.modifier.text() == ""


# ---------------------------------------------------------------- viewpoints
def test_viewpoint_chosen_in_the_dock_is_written_to_the_exchange_xml_and_validates(
        dossier, qtbot, shared_dir):
    window, model, ids = dossier
    dock = window.properties
    select(window)
    combo = dock.viewpoint
    assert combo.isVisible()
    assert combo.count() == 1 + len(VIEWPOINTS)  # "(none)" and the 25 viewpoints
    assert combo.currentData() == ""
    index = combo.findData("Layered")
    assert combo.itemText(index) == "Phân lớp"  # Vietnamese label, English stored
    before = model_to_dict(model)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert model.view(ids["view"]).viewpoint == "Layered"
    one_undo_step_back(window, model, before)

    data = exchange_bytes(model)
    view = etree.fromstring(data).find(f".//a:view[@identifier='{ids['view']}']", NS)
    assert view.get("viewpoint") == "Layered"
    assert oef_problems(load_validator(shared_dir), data) == []

    window.document.undo_stack.undo()
    assert combo.currentData() == ""
    assert "viewpoint" not in etree.fromstring(exchange_bytes(model)).find(
        f".//a:view[@identifier='{ids['view']}']", NS).attrib


def test_an_imported_viewpoint_the_list_lacks_is_shown_and_kept(window):
    model = dossier_model()
    model.views[0].viewpoint = "Principles"  # valid in the schema, not in Archi's list
    window.document.replace(model, None)
    combo = window.properties.viewpoint
    assert combo.currentText() == "Principles"
    assert combo.count() == 2 + len(VIEWPOINTS)
    assert viewpoint_label("Principles") == "Principles"
    select(window, "id-n0")
    select(window)
    assert model.views[0].viewpoint == "Principles"
    assert window.document.undo_stack.count() == 0


def test_the_viewpoint_list_is_archis_and_the_schema_accepts_every_name(shared_dir):
    archi = ET.parse(shared_dir / "archimate" / "viewpoints.xml").getroot()
    names = [vp.find("name").text for vp in archi.iter("viewpoint")]
    assert [vp.name for vp in VIEWPOINTS] == names
    xsd = etree.parse(str(shared_dir / "archimate" / "xsd" / "archimate3_View.xsd"))
    enum = set(xsd.xpath("//xs:simpleType[@name='ViewpointsEnum']//xs:enumeration/@value",
                         namespaces={"xs": "http://www.w3.org/2001/XMLSchema"}))
    assert set(names) <= enum
    assert len({vp.label_vi for vp in VIEWPOINTS}) == len(VIEWPOINTS)


# ---------------------------------------------------------------- the model itself
def test_with_no_view_the_dock_edits_the_model_and_its_english_name(dossier, qtbot):
    window, model, _ids = dossier
    dock = window.properties
    dock.show_selection(window.document.editor, None, [], [])
    assert dock.target == ("model", model.id)
    assert dock.table.table.rowCount() == len(model.properties)  # dossier fields here
    before = model_to_dict(model)
    type_into(qtbot, dock.name_en, "Gia Lai e-Government architecture")
    assert model.names == {"en": "Gia Lai e-Government architecture"}
    one_undo_step_back(window, model, before)
    root = etree.fromstring(exchange_bytes(model))
    assert "Gia Lai e-Government architecture" in [n.text for n in root.findall("a:name", NS)]


def test_a_deleted_dock_stops_listening_to_a_model_that_lives_on(qtbot, caplog):
    from PySide6.QtGui import QUndoStack
    from shiboken6 import delete

    from egov_modeler.ui.docks.properties_dock import PropertiesDock
    from egov_modeler.ui.editor import Editor

    model = dossier_model()
    stack = QUndoStack()
    editor = Editor(model, stack)
    dock = PropertiesDock()
    dock.show_selection(editor, None, [], [])
    model.execute(SetPropertyCommand(model.id, "ghi chú", "1"))
    assert dock.table.table.rowCount() == 3
    delete(dock)
    with caplog.at_level("ERROR"):
        model.execute(SetPropertyCommand(model.id, "ghi chú", "2"))
    assert "subscriber failed" not in caplog.text


def test_adding_a_row_opens_its_name_for_typing_in_place(dossier, qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit

    window, model, ids = dossier
    window.activateWindow()
    select(window, "id-n0")
    table = window.properties.table
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "thuộc tính"
    editor.selectAll()
    qtbot.keyClicks(editor, "vendor")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: model.element(ids["lgsp"]).properties == [("vendor", "")])
    table.table.setCurrentCell(0, 1)
    table.table.editItem(table.table.item(0, 1))
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "VNPT")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.element(ids["lgsp"]).properties == [("vendor", "VNPT")])
    assert window.document.undo_stack.count() == 3  # add, rename, value: one step each


def test_repeated_names_from_an_imported_file_are_never_mixed_up(dossier):
    window, model, ids = dossier
    element = model.element(ids["lgsp"])
    element.properties = [("x", "1"), ("tag", "a"), ("tag", "b")]
    select(window, "id-n0")
    table = window.properties.table
    second = table.table.item(2, 1)
    assert not second.flags() & Qt.ItemFlag.ItemIsEditable  # would edit the first 'tag'
    assert table.table.item(1, 1).flags() & Qt.ItemFlag.ItemIsEditable
    before, steps = model_to_dict(model), window.document.undo_stack.count()
    table.table.item(0, 0).setText("y")  # re-adding the tags would merge them: refused
    assert model_to_dict(model) == before and window.document.undo_stack.count() == steps
    assert table.table.item(0, 0).text() == "x"
    table.table.item(1, 1).setText("c")
    assert element.properties == [("x", "1"), ("tag", "c"), ("tag", "b")]


def test_an_english_model_offers_the_vietnamese_name_as_its_second_language(window, qtbot):
    model = dossier_model()
    model.language = "en"
    window.document.replace(model, None)
    element_id = model.views[0].nodes["id-n0"].element_id
    select(window, "id-n0")
    dock = window.properties
    assert dock.form.labelForField(dock.name_en).text() == "Tên tiếng Việt:"
    type_into(qtbot, dock.name_en, "Nền tảng LGSP")
    assert model.element(element_id).names == {"vi": "Nền tảng LGSP"}
