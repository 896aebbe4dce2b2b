"""The inventory workbook on a real-sized inventory (50 objects, 120 connections, 30 tasks):
what the file holds, a round trip that changes nothing, the merge of a copy edited cell by
cell as a user would in Excel, every refusal (with sheet and row, and nothing applied) and
hostile files."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from egov_modeler.exchange.xlsx_inventory_export import write_inventory_workbook
from egov_modeler.exchange.xlsx_inventory_import import (
    XlsxImportError,
    import_xlsx_inventory,
    plan_xlsx_import,
)
from egov_modeler.i18n import set_language
from egov_modeler.model import serialization as ser
from egov_modeler.model.history import History
from egov_modeler.model.inventory.rows import Inventory
from tests.helpers.inventory import inventory_model

SHEETS_VI = ["DM_DOITUONG", "QH_KETNOI", "ANHXA", "HOANTHIEN_NV"]


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages in English (the workbooks stay Vietnamese unless a test asks)."""
    set_language("en")
    yield
    set_language("vi")


@pytest.fixture
def model():
    return inventory_model()


@pytest.fixture
def workbook_path(model, tmp_path):
    path = tmp_path / "kiem-ke.xlsx"
    write_inventory_workbook(model, path, "vi")
    return path


def _headers(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def _set(sheet, row: int, header: str, value) -> None:
    """Type ``value`` (None: clear the cell) in the column ``header`` of ``row``."""
    sheet.cell(row=row, column=_headers(sheet).index(header) + 1).value = value


def _row_of(sheet, header: str, value) -> int:
    column = _headers(sheet).index(header) + 1
    return next(r for r in range(2, sheet.max_row + 1)
                if sheet.cell(row=r, column=column).value == value)


def _refused(model, path) -> list[str]:
    before = ser.model_to_dict(model)
    with pytest.raises(XlsxImportError) as caught:
        import_xlsx_inventory(model, path)
    assert ser.model_to_dict(model) == before  # nothing applied
    return caught.value.problems


# ------------------------------------------------------------------ the file
def test_the_workbook_has_the_four_sheets_with_every_row(model, workbook_path):
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames[:4] == SHEETS_VI
    assert book["_DANHMUC"].sheet_state == "hidden"
    counts = {name: book[name].max_row - 1 for name in SHEETS_VI}
    assert counts == {"DM_DOITUONG": 50, "QH_KETNOI": 120, "ANHXA": 50, "HOANTHIEN_NV": 30}
    objects = book["DM_DOITUONG"]
    headers = _headers(objects)
    assert headers[:6] == ["ID", "Mã", "Tên", "Tên tiếng Anh", "Loại phần tử ArchiMate", "Lớp"]
    for label in ("Cơ quan chủ quản", "Phương án xử lý", "Cấp độ an toàn thông tin",
                  "Năm đưa vào vận hành", "Đơn vị hành chính cũ"):
        assert label in headers
    ids = {objects.cell(row=r, column=1).value for r in range(2, 52)}
    assert ids == {e.id for e in Inventory(model).objects()}
    tasks = _headers(book["HOANTHIEN_NV"])
    assert tasks.index("Khoảng trống") < tasks.index("Phương án xử lý") < tasks.index(
        "Nhiệm vụ") < tasks.index("Đơn vị chủ trì") < tasks.index("Thời hạn (quý/năm)") < \
        tasks.index("Tiêu chí kiểm chứng") < tasks.index("Nguồn minh chứng") < tasks.index(
        "Tiến độ")


def test_headers_are_frozen_columns_sized_and_numbers_are_numbers(workbook_path):
    book = openpyxl.load_workbook(workbook_path)
    for name in SHEETS_VI:
        sheet = book[name]
        assert sheet.freeze_panes in ("B2", "C2")
        assert sheet.column_dimensions["A"].width >= 30  # the id reads whole
        assert all(sheet.column_dimensions[c].width for c in "BCD")
    objects = book["DM_DOITUONG"]
    year = objects.cell(row=2, column=_headers(objects).index("Năm đưa vào vận hành") + 1)
    assert isinstance(year.value, int)
    tasks = book["HOANTHIEN_NV"]
    budget = tasks.cell(row=2, column=_headers(tasks).index("Kinh phí (đồng)") + 1)
    assert isinstance(budget.value, int) and budget.number_format == "#,##0"


def test_every_enumeration_has_a_drop_down_list(workbook_path):
    book = openpyxl.load_workbook(workbook_path)
    lists = book["_DANHMUC"]
    for name, enumerated in (
            ("DM_DOITUONG", ["Loại phần tử ArchiMate", "Lớp", "Loại đối tượng",
                             "Phạm vi (cấp)", "Hiện trạng / mục tiêu", "Phương án xử lý",
                             "Cấp độ an toàn thông tin", "Nơi đặt (hạ tầng)"]),
            ("QH_KETNOI", ["Loại quan hệ", "Kênh kết nối", "Trạng thái kết nối"]),
            ("ANHXA", ["Thành phần khung quốc gia"]),
            ("HOANTHIEN_NV", ["Phương án xử lý", "Tiến độ", "Nguồn vốn",
                              "Loại phần tử ArchiMate"])):
        sheet = book[name]
        headers = _headers(sheet)
        validated = {}
        for validation in sheet.data_validations.dataValidation:
            column = str(validation.sqref).split(":")[0].rstrip("0123456789")
            validated[column] = validation
        for header in enumerated:
            letter = openpyxl.utils.get_column_letter(headers.index(header) + 1)
            validation = validated[letter]
            assert validation.type == "list"
            source = validation.formula1.split("!")[1].replace("$", "")
            first, last = source.split(":")
            values = [c.value for row in lists[first:last] for c in row]
            assert values, header
    objects = book["DM_DOITUONG"]
    letter = openpyxl.utils.get_column_letter(_headers(objects).index("Phương án xử lý") + 1)
    validation = next(v for v in objects.data_validations.dataValidation
                      if str(v.sqref).startswith(letter))
    source = validation.formula1.split("!")[1].replace("$", "")
    values = [c.value for row in lists[source.split(":")[0]:source.split(":")[1]] for c in row]
    assert values == ["Tiếp tục sử dụng", "Chuẩn hóa, kết nối/tích hợp", "Nâng cấp, mở rộng",
                      "Hợp nhất, tổ chức lại", "Thay thế, kết thúc sử dụng", "Bổ sung mới"]


def test_english_headers_and_labels_with_lang_en(model, tmp_path):
    path = tmp_path / "en.xlsx"
    write_inventory_workbook(model, path, "en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["Objects", "Connections", "Framework mapping",
                                   "Gap-to-task plan"]
    objects = book["Objects"]
    assert _headers(objects)[:3] == ["ID", "Code", "Name"]
    column = _headers(objects).index("Handling option") + 1
    values = {objects.cell(row=r, column=column).value for r in range(2, 52)}
    assert values <= {"Keep using", "Standardise, connect/integrate", "Upgrade, extend",
                      "Merge, reorganise", "Replace, retire", "Add new"}
    assert plan_xlsx_import(model, path).command is None


# ------------------------------------------------------------------ round trip and merge
def test_a_workbook_written_and_read_back_changes_nothing(model, workbook_path):
    result = plan_xlsx_import(model, workbook_path)
    assert result.command is None and result.changes == [] and result.notes == []


def test_text_that_looks_like_a_formula_stays_text(model, tmp_path):
    element = Inventory(model).objects()[0]
    element.name = "=HYPERLINK(\"http://x\")"
    path = tmp_path / "f.xlsx"
    write_inventory_workbook(model, path)
    cell = openpyxl.load_workbook(path)["DM_DOITUONG"].cell(row=2, column=3)
    assert cell.data_type == "s" and cell.value == element.name
    assert plan_xlsx_import(model, path).command is None


def test_a_copy_edited_in_excel_is_merged_as_one_undo_step(model, workbook_path, tmp_path):
    before = ser.model_to_dict(model)
    book = openpyxl.load_workbook(workbook_path)
    objects, connections = book["DM_DOITUONG"], book["QH_KETNOI"]
    mapping, tasks = book["ANHXA"], book["HOANTHIEN_NV"]
    first = Inventory(model).objects()[0]
    row = _row_of(objects, "ID", first.id)
    option = next(o for o in ("Hợp nhất, tổ chức lại", "Bổ sung mới")
                  if o != dict(first.properties)["Phương án xử lý"])
    _set(objects, row, "Phương án xử lý", option)
    _set(objects, row, "Năm đưa vào vận hành", 2018)
    _set(objects, row, "Tên", "Hệ thống đổi tên")
    new_row = objects.max_row + 1
    _set(objects, new_row, "Mã", "DT-NEW")
    _set(objects, new_row, "Tên", "Nền tảng trợ lý ảo tỉnh")
    _set(objects, new_row, "Loại phần tử ArchiMate", "Thành phần ứng dụng")
    _set(objects, new_row, "Lớp", "Ứng dụng và nghiệp vụ dùng chung")
    _set(objects, new_row, "Cơ quan chủ quản", "Sở Khoa học và Công nghệ tỉnh Gia Lai")
    _set(objects, new_row, "Phương án xử lý", "Bổ sung mới")
    line = connections.max_row + 1
    _set(connections, line, "Nguồn", "DT-NEW")  # a new object named by its code
    _set(connections, line, "Loại quan hệ", "Phục vụ")
    _set(connections, line, "Đích", Inventory(model).objects()[3].name)
    _set(connections, line, "Kênh kết nối", "LGSP/LDOP")
    connection = Inventory(model).connections()[0]
    _set(connections, _row_of(connections, "ID", connection.id), "Trạng thái kết nối",
         "Chưa kết nối")
    _set(mapping, _row_of(mapping, "ID", first.id), "Thành phần khung quốc gia",
         "Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP/LDOP)")
    task = Inventory(model).tasks()[0]
    task_row = _row_of(tasks, "ID", task.id)
    _set(tasks, task_row, "Tiến độ", "Hoàn thành")
    _set(tasks, task_row, "Kinh phí (đồng)", "2.500.000.000")
    _set(tasks, task_row, "Đối tượng liên quan", "Nền tảng trợ lý ảo tỉnh")
    _set(tasks, task_row, "Ngày hoàn thành", "15/11/2026")
    path = tmp_path / "edited.xlsx"
    book.save(path)

    result = plan_xlsx_import(model, path)
    assert ser.model_to_dict(model) == before  # the preview changes nothing
    what = {(c.sheet, c.what, c.new) for c in result.changes}
    assert ("DM_DOITUONG", "Phương án xử lý", option) in what
    assert ("DM_DOITUONG", "Năm đưa vào vận hành", "2018") in what
    assert ("DM_DOITUONG", "Tên", "Hệ thống đổi tên") in what
    assert ("HOANTHIEN_NV", "Tiến độ", "Hoàn thành") in what
    assert any(c.what == "new row" and c.new == "Nền tảng trợ lý ảo tỉnh"
               for c in result.changes)
    assert result.created == 2  # the object and the connection
    history = History(model)
    history.do(result.command)

    inventory = Inventory(model)
    assert model.element(first.id).name == "Hệ thống đổi tên"
    props = dict(model.element(first.id).properties)
    assert props["Phương án xử lý"] == option
    assert props["Năm đưa vào vận hành"] == "2018"
    assert model.element(first.id).catalog_ref == "l2_ldop_tinh"
    new = next(e for e in inventory.objects() if e.name == "Nền tảng trợ lý ảo tỉnh")
    assert new.type == "ApplicationComponent" and new.layer == "l3_ung_dung_nghiep_vu"
    assert dict(new.properties)["Mã"] == "DT-NEW"
    served = [r for r in model.relationships_of(new.id) if r.type == "Serving"]
    assert len(served) == 1 and dict(served[0].properties)["Kênh kết nối"] == "LGSP/LDOP"
    assert dict(model.relationship(connection.id).properties)["Trạng thái kết nối"] == \
        "Chưa kết nối"
    task_props = dict(model.element(task.id).properties)
    assert task_props["Tiến độ"] == "Hoàn thành" and task_props["Kinh phí"] == "2500000000"
    assert task_props["Ngày hoàn thành"] == "2026-11-15"
    assert [o.name for o in inventory.task_objects(model.element(task.id))] == [
        "Nền tảng trợ lý ảo tỉnh"]
    assert plan_xlsx_import(model, path).command is None  # the same file again: nothing
    history.undo()
    assert ser.model_to_dict(model) == before


def test_headers_in_english_other_spellings_and_any_order_are_accepted(model, tmp_path,
                                                                       workbook_path):
    book = openpyxl.load_workbook(workbook_path)
    objects = book["DM_DOITUONG"]
    objects.title = "Đối tượng"
    aliases = {"Tên": "Tên hệ thống", "Phương án xử lý": "Handling option",
               "Cơ quan chủ quản": "Owning agency", "Mã": "Code"}
    for cell in objects[1]:
        cell.value = aliases.get(cell.value, cell.value)
    objects.move_range("A1:A51", cols=objects.max_column)  # the id column moved to the end
    objects.delete_cols(1)
    first = Inventory(model).objects()[1]
    row = next(r for r in range(2, 52)
               if objects.cell(row=r, column=objects.max_column).value == first.id)
    objects.cell(row=row, column=_headers(objects).index("Handling option") + 1,
                 value="Replace, retire")
    path = tmp_path / "aliases.xlsx"
    book.save(path)
    result = plan_xlsx_import(model, path)
    assert [(c.concept, c.new) for c in result.changes] == [(first.name, "Replace, retire")]
    model.execute(result.command)
    assert dict(model.element(first.id).properties)["Phương án xử lý"] == \
        "Thay thế, kết thúc sử dụng"


def test_rows_without_id_match_by_name_and_type(model, tmp_path, workbook_path):
    book = openpyxl.load_workbook(workbook_path)
    objects = book["DM_DOITUONG"]
    target = Inventory(model).objects()[2]
    row = _row_of(objects, "ID", target.id)
    _set(objects, row, "ID", None)
    _set(objects, row, "Mã", None)
    _set(objects, row, "Đơn vị vận hành", "Viettel")
    path = tmp_path / "noid.xlsx"
    book.save(path)
    result = plan_xlsx_import(model, path)
    assert result.created == 0
    model.execute(result.command)
    assert dict(model.element(target.id).properties)["Đơn vị vận hành"] == "Viettel"


# ------------------------------------------------------------------ refusals
def _edited(workbook_path, tmp_path, edit) -> str:
    book = openpyxl.load_workbook(workbook_path)
    edit(book)
    path = tmp_path / "refused.xlsx"
    book.save(path)
    return str(path)


def test_an_unknown_type_is_refused_with_sheet_and_row(model, workbook_path, tmp_path):
    def edit(book):
        sheet = book["DM_DOITUONG"]
        _set(sheet, 7, "Loại phần tử ArchiMate", "Máy pha cà phê")
    problems = _refused(model, _edited(workbook_path, tmp_path, edit))
    assert len(problems) == 1
    assert problems[0].startswith("Sheet ‘DM_DOITUONG’, row 7: unknown type ‘Máy pha cà phê’")


def test_a_bad_enumeration_is_refused(model, workbook_path, tmp_path):
    def edit(book):
        _set(book["DM_DOITUONG"], 4, "Phương án xử lý", "Để sau")
        _set(book["HOANTHIEN_NV"], 9, "Tiến độ", "Gần xong")
        _set(book["QH_KETNOI"], 12, "Kênh kết nối", "Email")
    problems = _refused(model, _edited(workbook_path, tmp_path, edit))
    assert [p.split(":")[0] for p in problems] == [
        "Sheet ‘DM_DOITUONG’, row 4", "Sheet ‘HOANTHIEN_NV’, row 9", "Sheet ‘QH_KETNOI’, row 12"]
    assert "‘Để sau’ is not a choice of Handling option" in problems[0]


def test_dangling_references_are_refused(model, workbook_path, tmp_path):
    def edit(book):
        connections = book["QH_KETNOI"]
        _set(connections, 3, "ID nguồn", "id-nowhere")
        row = connections.max_row + 1
        _set(connections, row, "Nguồn", "Hệ thống không tồn tại")
        _set(connections, row, "Loại quan hệ", "Luồng")
        _set(connections, row, "Đích", "DT-0001")
        _set(book["HOANTHIEN_NV"], 5, "Đối tượng liên quan", "Hệ thống ma")
        _set(book["ANHXA"], 6, "Thành phần khung quốc gia", "Thành phần không có")
        _set(book["ANHXA"], 8, "ID", "id-not-an-object")
    problems = _refused(model, _edited(workbook_path, tmp_path, edit))
    joined = "\n".join(problems)
    assert "Sheet ‘QH_KETNOI’, row 3: Nguồn: no object has the id id-nowhere" in joined
    assert "Sheet ‘QH_KETNOI’, row 122: Nguồn: ‘Hệ thống không tồn tại’ is not an object" \
        in joined
    assert "Sheet ‘HOANTHIEN_NV’, row 5: ‘Hệ thống ma’ is not an object" in joined
    assert "Sheet ‘ANHXA’, row 6: ‘Thành phần không có’ is not a component" in joined
    assert "Sheet ‘ANHXA’, row 8: no object has the id id-not-an-object" in joined


def test_ids_used_twice_or_of_another_kind_and_bad_values_are_refused(model, workbook_path,
                                                                     tmp_path):
    task = Inventory(model).tasks()[0]

    def edit(book):
        objects = book["DM_DOITUONG"]
        _set(objects, 3, "ID", objects.cell(row=2, column=1).value)
        _set(objects, 5, "ID", task.id)
        _set(objects, 6, "Năm đưa vào vận hành", 1492)
        _set(objects, 8, "Tên", None)
        row = objects.max_row + 1
        _set(objects, row, "Tên", "Không rõ loại")
        connections = book["QH_KETNOI"]
        _set(connections, 4, "ID", Inventory(model).objects()[0].id)
        service_row = max(r for r in range(2, 52) if objects.cell(
            row=r, column=_headers(objects).index("Loại phần tử ArchiMate") + 1).value ==
            "Dịch vụ ứng dụng")
        _set(objects, service_row, "Cấp độ an toàn thông tin", "Cấp độ 3")
    problems = _refused(model, _edited(workbook_path, tmp_path, edit))
    joined = "\n".join(problems)
    assert "row 3: the id" in joined and "is also on row 2" in joined
    assert f"row 5: the id {task.id} is a {task.type}, not a row of this sheet" in joined
    assert "row 6: Year in operation must be between 1990 and 2100, not 1492" in joined
    assert "row 8: the name cannot be empty" in joined
    assert "row 52: the type is missing" in joined
    assert "Sheet ‘QH_KETNOI’, row 4: the id" in joined and "is an element" in joined
    assert "Cấp độ an toàn thông tin does not apply to a ApplicationService" in joined


def test_a_relationship_archimate_forbids_is_refused(model, workbook_path, tmp_path):
    node = next(e for e in Inventory(model).objects() if e.type == "Node")
    service = next(e for e in Inventory(model).objects() if e.type == "ApplicationService")

    def edit(book):
        connections = book["QH_KETNOI"]
        row = connections.max_row + 1
        _set(connections, row, "ID nguồn", service.id)
        _set(connections, row, "Loại quan hệ", "Truy cập")
        _set(connections, row, "ID đích", node.id)
    problems = _refused(model, _edited(workbook_path, tmp_path, edit))
    assert problems[0].startswith("Sheet ‘QH_KETNOI’, row 122: ")


def test_hostile_and_broken_files_are_refused(model, tmp_path, workbook_path):
    not_zip = tmp_path / "text.xlsx"
    not_zip.write_text("ID;Tên\n", encoding="utf-8")
    assert "is not an Excel workbook" in _refused(model, not_zip)[0]
    data = io.BytesIO()
    with zipfile.ZipFile(workbook_path) as source, zipfile.ZipFile(data, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/workbook.xml":
                content = (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                           + content)
            target.writestr(info, content)
    hostile = tmp_path / "hostile.xlsx"
    hostile.write_bytes(data.getvalue())
    assert "DOCTYPE" in _refused(model, hostile)[0]
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.bin", b"\0" * 50_000_000)
    assert "zip bomb" in _refused(model, bomb)[0]
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active["A1"] = "x"
    other = tmp_path / "other.xlsx"
    book.save(other)
    assert "has no inventory sheet" in _refused(model, other)[0]


def test_a_2020_model_without_inventory_fields_still_round_trips(tmp_path):
    from egov_modeler.storage.templates import load_template

    model = load_template("provincial-2020")
    path = tmp_path / "2020.xlsx"
    write_inventory_workbook(model, path)
    assert plan_xlsx_import(model, path).command is None


def test_a_workbook_saved_by_libreoffice_calc_changes_nothing(model, workbook_path, tmp_path):
    """Opened and saved again by a real spreadsheet program (LibreOffice Calc, headless):
    the import finds no change. Skipped where Calc is not installed."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "calc"
    subprocess.run([soffice, "--headless", "--norestore",
                    f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                    str(workbook_path)], capture_output=True, timeout=240, check=False)
    saved = out / workbook_path.name
    if not saved.exists():
        pytest.skip("LibreOffice Calc is not installed (only its other parts)")
    result = plan_xlsx_import(model, saved)
    assert result.command is None and result.changes == []
    lists = openpyxl.load_workbook(saved)["DM_DOITUONG"].data_validations.dataValidation
    assert len(lists) >= 8  # the drop-down lists survive Calc


def test_an_ambiguous_name_and_a_table_given_twice_are_refused(model, workbook_path,
                                                              tmp_path):
    twins = Inventory(model).objects()[:2]
    twins[1].name = twins[0].name  # two systems of one name and type in the model
    twins[1].type = twins[0].type
    write_inventory_workbook(model, workbook_path)

    def edit(book):
        objects = book["DM_DOITUONG"]
        row = _row_of(objects, "ID", twins[0].id)
        _set(objects, row, "ID", None)
        _set(objects, row, "Mã", None)
        _set(objects, row, "Đơn vị vận hành", "Viettel")
    problems = _refused(model, _edited(workbook_path, tmp_path, edit))
    assert problems == [f"Sheet ‘DM_DOITUONG’, row 2: ‘{twins[0].name}’ names 2 rows of the "
                        "model; give the id"]

    def twice(book):
        book.copy_worksheet(book["QH_KETNOI"]).title = "Kết nối"
    problems = _refused(model, _edited(workbook_path, tmp_path, twice))
    assert problems == ["Sheets ‘QH_KETNOI’ and ‘Kết nối’ are the same table; keep one"]
