"""The dossier's appendix tables, laid out a page at a time (issue 19): every row printed
once, in order, with its Vietnamese letters; the header on every page; "page n of m" right
on every page; each row measured once however many pages the table runs over; a row taller
than a page continued on the next rather than lost."""

from __future__ import annotations

import io
import re

import pytest
from reportlab.platypus import Frame, PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate

from egov_modeler.diagram.fonts import register_reportlab_fonts
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.export.pdf.paged_table import PagedTable, TableLayout
from egov_modeler.model import Model
from tests.export.test_pdf import needs_poppler, page_count, text_of

WORDS = ("Hệ thống thông tin giải quyết thủ tục hành chính Cổng Dịch vụ công quốc gia "
         "Trục liên thông văn bản Cơ sở dữ liệu dân cư đất đai doanh nghiệp").split()


def _model(count: int) -> Model:
    model = Model("Kiến trúc số tỉnh")
    for i in range(count):
        element = model.add_element("ApplicationComponent", f"Hệ thống số {i:04d} Đắk Lắk")
        element.documentation = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(i % 40))
    return model


def _numbered_pages(pdf) -> list[tuple[int, int]]:
    text = text_of(pdf)
    return [tuple(map(int, m)) for m in re.findall(r"Trang (\d+)/(\d+)", text)]


@needs_poppler
def test_every_element_is_printed_once_in_order_with_page_numbers(tmp_path):
    model = _model(400)
    out = tmp_path / "catalog.pdf"
    pages = write_dossier(model, out, DossierOptions(cover=False))
    text = text_of(out)
    names = re.findall(r"Hệ thống số (\d{4}) Đắk Lắk", text)
    assert names == [f"{i:04d}" for i in range(400)]  # the catalog sorts by name here
    # Vietnamese letters come out of the text layer as letters, descriptions in full
    assert "giải quyết thủ tục hành chính" in " ".join(text.split())
    # the header is repeated on every page of the catalog
    catalog_pages = [text_of(out, n, n) for n in range(1, pages + 1)]
    with_rows = [p for p in catalog_pages if "Hệ thống số" in p]
    assert len(with_rows) > 5
    assert all("Tên" in p and "Mô tả" in p for p in with_rows)
    # "page n of m" on every page, numbered 1..m
    assert pages == page_count(out)
    assert _numbered_pages(out) == [(n, pages) for n in range(1, pages + 1)]


def _lay_out(rows: list[list[str]], page_height: float = 400) -> tuple[TableLayout, int]:
    register_reportlab_fonts()
    layout = TableLayout(["No.", "Tên", "Mô tả"], rows, [30.0, 150.0, 300.0])
    buffer = io.BytesIO()
    frame = Frame(0, 0, 500, page_height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    doc = BaseDocTemplate(buffer, pagesize=(500, page_height),
                          pageTemplates=[PageTemplate("p", [frame])])
    doc.build([PagedTable(layout)])
    return layout, doc.page


@pytest.mark.parametrize("count", [200, 800])
def test_each_row_is_measured_once_however_many_pages(count):
    rows = [[str(i), f"Phần tử {i}", " ".join(WORDS[: 1 + i % 25])] for i in range(count)]
    layout, pages = _lay_out(rows)
    assert layout.measured == count  # linear: no row measured again at a page break
    assert layout.pages == pages  # one table page per PDF page, no empty pages
    assert pages >= count // 40


@needs_poppler
def test_a_row_taller_than_a_page_runs_on_to_the_next(tmp_path):
    long_text = " ".join(f"đoạn{i}" for i in range(1500))
    rows = [["1", "Ngắn", "trước"], ["2", "Dài", long_text], ["3", "Sau", "cuối cùng"]]
    layout, pages = _lay_out(rows, page_height=300)
    assert pages > 3
    assert layout.measured == 3
    # and in a whole dossier every word of it is printed, in order
    model = Model("Mô hình")
    model.add_element("Node", "Máy chủ").documentation = long_text
    out = tmp_path / "long.pdf"
    write_dossier(model, out, DossierOptions(cover=False))
    words = re.findall(r"đoạn(\d+)", text_of(out))
    assert words == [str(i) for i in range(1500)]


@needs_poppler
def test_an_address_wider_than_its_column_is_cut_but_every_letter_printed(tmp_path):
    # no hyphens: pdftotext joins a line ending in one to the next as a hyphenated word
    address = "https://dichvucong.gov.vn/p/home/" + "/".join(f"đoạn{i}" for i in range(40))
    model = Model("Mô hình")
    model.add_element("ApplicationComponent", "Cổng dịch vụ công").documentation = \
        f"Địa chỉ: {address} (đã kiểm tra)"
    out = tmp_path / "address.pdf"
    write_dossier(model, out, DossierOptions(cover=False))
    text = text_of(out)
    assert address not in text  # it did not fit on one line...
    # ...and no letter of it was lost (the other column's "—" stands beside its first line)
    assert address in "".join(text.replace("—", "").split())
    assert "(đã kiểm tra)" in " ".join(text.split())


def test_cells_break_into_as_many_lines_as_reportlab_paragraphs_did():
    """Row heights, and so the pages, are those of the paragraph table this replaced:
    each cell takes as many lines as a reportlab paragraph of the same text and width
    (spaces that may shrink a little, addresses cut after filling the line)."""
    import random

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from egov_modeler.diagram.fonts import reportlab_font_name

    register_reportlab_fonts()
    style = ParagraphStyle("cell", fontName=reportlab_font_name(False), fontSize=8,
                           leading=10)
    rng = random.Random(19)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))
             for _ in range(300)]
    texts += ["https://baogialai.com.vn/phe-duyet-25-nhiem-vu-trien-khai-he-thong; "
              "https://123doc.top/document/6534629-khung-kien-truc.htm (+1)"]
    widths = [60.0, 110.0, 205.0]
    layout = TableLayout(["a", "b", "c"], [[t, t, t] for t in texts], widths)
    for index, text in enumerate(texts):
        for width, lines in zip(widths, layout.row_lines(index), strict=True):
            paragraph = Paragraph(text, style)
            _, height = paragraph.wrap(width - 6, 10_000)
            assert len(lines) == round(height / 10), (text, width, lines)
