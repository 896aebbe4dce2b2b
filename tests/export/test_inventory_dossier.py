"""The dossier carries the inventory: the objects, connections and roadmap tables as
appendices of the PDF and the Word document, and the workbook beside the dossier (and in a
plain PDF as an attachment). The PDF stays PDF/A-2b."""

from __future__ import annotations

import subprocess

import docx
import pikepdf
import pytest

from egov_modeler.exchange.xlsx_inventory_companion import companion_path
from egov_modeler.exchange.xlsx_inventory_import import plan_xlsx_import
from egov_modeler.export.docx_dossier import write_docx
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.model.inventory.roadmap import build_roadmap, format_money
from egov_modeler.model.inventory.rows import Inventory
from egov_modeler.storage.native import save
from tests.helpers.inventory import inventory_model
from tests.helpers.pdfa import pdfa_violations


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def model():
    return inventory_model(20, 30, 12)


@pytest.fixture(scope="module")
def dossier(model, tmp_path_factory):
    path = tmp_path_factory.mktemp("dossier") / "ho-so.pdf"
    write_dossier(model, path, DossierOptions(lang="vi"))
    return path


def test_the_pdf_has_the_inventory_appendices_in_vietnamese(model, dossier):
    text = _text(dossier)
    for title in ("Phụ lục D. Danh mục đối tượng số", "Phụ lục E. Danh mục kết nối",
                  "Phụ lục F. Lộ trình triển khai", "Kinh phí theo năm và nguồn vốn (đồng)"):
        assert title in text, title
    appendix = text[text.index("Phụ lục D."):]
    for element in Inventory(model).objects():
        assert element.name in appendix
    roadmap = build_roadmap(Inventory(model))
    assert format_money(roadmap.total()) in appendix
    assert "Đơn vị chủ trì" in appendix and "Tiêu chí kiểm chứng" in appendix


def test_the_pdf_with_appendices_stays_pdf_a(dossier):
    assert pdfa_violations(dossier) == []


def test_an_english_dossier_has_english_tables(model, tmp_path):
    path = tmp_path / "en.pdf"
    write_dossier(model, path, DossierOptions(lang="en", pdfa=False, signature_fields=False))
    text = _text(path)
    assert "Appendix D. Inventory of digital objects" in text
    assert "Handling option" in text and "Lead unit" in text


def test_the_word_dossier_has_the_same_tables(model, tmp_path):
    path = tmp_path / "ho-so.docx"
    write_docx(model, path, DossierOptions(lang="vi"))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Phụ lục C. Danh mục đối tượng số" in headings
    assert "Phụ lục E. Lộ trình triển khai" in headings
    objects = next(t for t in document.tables if t.rows[0].cells[1].text == "Tên"
                   and "Cơ quan chủ quản" in [c.text for c in t.rows[0].cells])
    assert len(objects.rows) == 1 + len(Inventory(model).objects())


def test_the_workbook_travels_with_the_dossier(model, tmp_path):
    from egov_modeler.cli import main

    source = tmp_path / "m.egov"
    save(model, source)
    pdf = tmp_path / "ho-so.pdf"
    assert main(["export", str(source), "--format", "pdf", "-o", str(pdf)]) == 0
    beside = companion_path(pdf)
    assert beside.name == "ho-so.xlsx" and beside.exists()
    assert plan_xlsx_import(model, beside).command is None
    with pikepdf.open(pdf) as opened:
        assert list(opened.attachments) == []  # PDF/A-2b may not embed an .xlsx
    plain = tmp_path / "plain.pdf"
    assert main(["export", str(source), "--format", "pdf", "--no-pdfa", "-o", str(plain)]) == 0
    with pikepdf.open(plain) as opened:
        attached = opened.attachments["plain.xlsx"].get_file().read_bytes()
    assert attached == (tmp_path / "plain.xlsx").read_bytes()
    word = tmp_path / "ho-so-word.docx"
    assert main(["export", str(source), "--format", "docx", "-o", str(word)]) == 0
    assert (tmp_path / "ho-so-word.xlsx").exists()


def test_a_model_without_inventory_gets_no_workbook(tmp_path):
    from egov_modeler.cli import main
    from egov_modeler.storage.templates import load_template

    source = tmp_path / "n.egov"
    save(load_template("national-2019"), source)
    assert main(["export", str(source), "--format", "docx", "-o", str(tmp_path / "n.docx")]) == 0
    assert not (tmp_path / "n.xlsx").exists()


def _a_view_of_three_objects():
    """An inventory model with a view of its first three objects: the model, the view,
    the three printed and the others (two of them share a name: a duplicate warning)."""
    from egov_modeler.model.views import Node

    model = inventory_model(20, 30, 12)
    objects = Inventory(model).objects()
    printed, others = objects[:3], objects[3:]
    others[1].name = others[0].name  # a duplicate-name warning about unprinted objects
    view = model.add_view("Trích đoạn")
    for i, element in enumerate(printed):
        model.load_node(view.id, Node(f"id-n-{i}", 40 + 200 * i, 40, 150, 60,
                                      element_id=element.id))
    return model, view, printed, others


def test_a_word_dossier_of_chosen_views_lists_their_objects_only(tmp_path):
    model, view, printed, others = _a_view_of_three_objects()
    path = tmp_path / "trich.docx"
    write_docx(model, path, DossierOptions(lang="vi", views=[view.id]))
    document = docx.Document(str(path))
    objects = next(t for t in document.tables if t.rows[0].cells[1].text == "Tên"
                   and "Cơ quan chủ quản" in [c.text for c in t.rows[0].cells])
    assert [row.cells[1].text for row in objects.rows[1:]] == [e.name for e in printed]


def test_a_dossier_of_chosen_views_lists_their_objects_and_problems_only(tmp_path):
    """A dossier of one view is about that view: the inventory and validation appendices
    list what it shows, and the summary still counts the whole model's problems."""
    model, view, printed, others = _a_view_of_three_objects()
    path = tmp_path / "trich.pdf"
    write_dossier(model, path, DossierOptions(lang="vi", views=[view.id], pdfa=False,
                                              signature_fields=False))
    text = _text(path)
    objects_appendix = text[text.index("Phụ lục D."):text.index("Phụ lục E.")]
    for element in printed:
        assert element.name in objects_appendix
    assert others[2].name not in objects_appendix
    validation = text[text.index("Phụ lục C."):text.index("Phụ lục D.")]
    assert "Đã kiểm tra toàn bộ mô hình" in validation
    assert "3 thành phần" in " ".join(validation.split())
    assert others[0].name not in validation  # the duplicate is about unprinted objects
