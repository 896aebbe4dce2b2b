"""The Word dossier, read back with python-docx as Word would show it."""

from __future__ import annotations

import io
import shutil
import subprocess

import docx
import pytest
from docx.shared import Mm
from PIL import Image

from egov_modeler.cli import main as cli_main
from egov_modeler.export.docx_dossier import CHAPTERS, write_docx
from egov_modeler.export.pdf.dossier import DossierOptions, set_dossier_fields
from egov_modeler.i18n import tr
from egov_modeler.storage.native import save
from egov_modeler.storage.templates import load_template


@pytest.fixture(scope="module")
def provincial():
    model = load_template("provincial")
    set_dossier_fields(model, {"agency": "Ủy ban nhân dân tỉnh Gia Lai",
                               "issuer": "Sở Thông tin và Truyền thông", "place": "Gia Lai",
                               "date": "29/11/2026", "version": "2.0"})
    return model


@pytest.fixture(scope="module")
def document(provincial, tmp_path_factory):
    out = tmp_path_factory.mktemp("docx") / "dossier.docx"
    figures = write_docx(provincial, out, DossierOptions(lang="vi"))
    assert figures == len(provincial.views)
    return out, docx.Document(str(out))


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_cover_is_the_pdfs_with_the_decision_line(document):
    _, doc = document
    header = doc.tables[0]
    left, right = header.rows[0].cells
    assert "ỦY BAN NHÂN DÂN TỈNH GIA LAI" in left.text
    assert "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in left.text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text
    assert "Độc lập - Tự do - Hạnh phúc" in right.text
    assert "Gia Lai, ngày 29 tháng 11 năm 2026" in right.text
    texts = [p.text for p in doc.paragraphs]
    assert "HỒ SƠ TRÌNH PHÊ DUYỆT" in texts
    assert "KIẾN TRÚC CHÍNH QUYỀN ĐIỆN TỬ TỈNH GIA LAI PHIÊN BẢN 2.0" in texts
    assert any(t.startswith("(Ban hành kèm theo Quyết định số …") for t in texts)
    # NĐ 30 sizes on the cover: Quốc hiệu 13 pt bold, the date line 14 pt italic
    national = next(r for p in right.paragraphs for r in p.runs
                    if r.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert national.font.size.pt == 13 and national.bold
    date = next(r for p in right.paragraphs for r in p.runs if "ngày 29" in r.text)
    assert date.font.size.pt == 14 and date.italic


def test_the_chapters_the_province_writes_are_there(document):
    _, doc = document
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    expected = [f"{n}. {tr(title, 'vi')}" for n, (title, _) in enumerate(CHAPTERS, start=1)]
    assert headings[:len(expected)] == expected
    assert [h.split(". ", 1)[1] for h in expected] == [
        "Mục tiêu", "Phạm vi", "Nguyên tắc", "Hiện trạng", "Kiến trúc mục tiêu",
        "Lộ trình triển khai", "Tổ chức thực hiện"]


def test_each_view_has_a_heading_a_numbered_figure_and_a_sharp_picture(document,
                                                                     provincial):
    _, doc = document
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    for number, view in enumerate(provincial.views, start=1):
        assert view.name in headings
        assert f"Hình {number}. {view.name}" in captions
    pictures = doc.inline_shapes
    assert len(pictures) == len(provincial.views)
    for shape in pictures:
        blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        image = Image.open(io.BytesIO(doc.part.related_parts[blob].blob))
        dpi = image.size[0] / (shape.width / 914400)
        assert dpi >= 290, dpi  # printed at its width, about 300 dots per inch
    # the figures have a landscape section, the text portrait A4 with NĐ 30 margins
    orientations = [s.page_width > s.page_height for s in doc.sections]
    assert orientations[0] is False and True in orientations
    first = doc.sections[0]
    assert (round(first.left_margin.mm), round(first.right_margin.mm),
            round(first.top_margin.mm), round(first.bottom_margin.mm)) == (30, 15, 20, 20)
    assert abs(first.page_width - Mm(210)) < Mm(1)


def test_every_element_and_relationship_is_in_a_real_word_table(document, provincial):
    _, doc = document
    catalogue, relationships = doc.tables[1], doc.tables[2]
    for table in (catalogue, relationships):
        assert table.style.name == "Table Grid"
        assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")  # header repeats
    names = {row.cells[1].text for row in catalogue.rows[1:]}
    assert names == {e.name for e in provincial.elements}
    assert catalogue.rows[0].cells[1].text == "Tên"
    assert len(relationships.rows) == len(provincial.relationships) + 1
    pairs = {(row.cells[1].text, row.cells[3].text) for row in relationships.rows[1:]}
    for rel in provincial.relationships:
        assert (provincial.element(rel.source).name,
                provincial.element(rel.target).name) in pairs


def test_the_inventory_table_lists_the_elements_properties(document, provincial):
    _, doc = document
    with_properties = [e for e in provincial.elements if e.properties]
    assert with_properties  # the template's elements carry scope and source
    inventory = doc.tables[3]
    keys = [cell.text for cell in inventory.rows[0].cells[2:]]
    assert keys
    assert {row.cells[1].text for row in inventory.rows[1:]} == {
        e.name for e in with_properties}


def test_an_english_docx_is_english(tmp_path, provincial):
    out = tmp_path / "en.docx"
    write_docx(provincial, out, DossierOptions(lang="en"))
    text = _all_text(docx.Document(str(out)))
    for expected in ("SOCIALIST REPUBLIC OF VIET NAM", "1. Objectives", "Figure 1.",
                     "Appendix A. Element catalog", "(Issued with Decision no."):
        assert expected in text, expected
    assert "Mục tiêu" not in text and "Hình 1." not in text


def test_cli_writes_docx(tmp_path, provincial):
    source = tmp_path / "model.egov"
    save(provincial, source)
    out = tmp_path / "out.docx"
    assert cli_main(["export", str(source), "--format", "docx", "-o", str(out)]) == 0
    assert "Hình 1." in _all_text(docx.Document(str(out)))


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice not installed")
def test_libreoffice_renders_it(document, tmp_path):
    out, _ = document
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(out)], check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "dossier.pdf"
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    flat = " ".join(text.split())  # its substitute for Times New Roman may wrap
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat and "Hình 1." in flat
