"""The PDF approval dossier: what a reviewer finds in the file.

Checked with poppler's command-line tools (``pdftotext``, ``pdffonts``, ``pdfinfo``,
``pdftohtml``), the way a user or a print shop would check a PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from egov_modeler.cli import main as cli_main
from egov_modeler.export.pdf.cover import date_line, parse_date, upper_vi
from egov_modeler.export.pdf.dossier import (
    DossierOptions,
    count_pages,
    dossier_commands,
    dossier_fields,
    set_dossier_fields,
    write_dossier,
)
from egov_modeler.model import Model
from egov_modeler.storage.native import save
from egov_modeler.storage.templates import load_template
from tests.helpers import connect, place

NAMES = {
    "ubnd": ("BusinessActor", "Ủy ban nhân dân tỉnh"),
    "dvc": ("ApplicationComponent", "Cổng Dịch vụ công quốc gia"),
    "mcdt": ("ApplicationComponent", "Hệ thống thông tin giải quyết thủ tục hành chính"),
    "truc": ("ApplicationComponent", "Trục liên thông văn bản quốc gia"),
    "svc": ("ApplicationService", "Dịch vụ công trực tuyến"),
    "hoso": ("DataObject", "Hồ sơ điện tử"),
}

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo", "pdftohtml")),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo, pdftohtml) not installed")


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True,
                          encoding="utf-8").stdout


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """``pdftotext`` output, NFC, with each line's spaces collapsed."""
    pages = []
    if first:
        pages += ["-f", str(first)]
    if last:
        pages += ["-l", str(last)]
    out = _run("pdftotext", *pages, str(pdf), "-")
    return unicodedata.normalize("NFC", out)


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))


@pytest.fixture
def model() -> Model:
    """A province's overview with boxes wide enough that every name fits on one line."""
    m = Model("Kiến trúc CQĐT tỉnh")
    m.names["en"] = "Provincial e-Government architecture"
    e = {key: m.add_element(t, name) for key, (t, name) in NAMES.items()}
    e["dvc"].names["en"] = "National Public Service Portal"
    e["mcdt"].documentation = "Một cửa điện tử cấp tỉnh, huyện, xã"
    view = m.add_view("Sơ đồ khái quát")
    view.names["en"] = "Overview diagram"
    view.documentation = "Sơ đồ khái quát kiến trúc Chính quyền điện tử của tỉnh."
    n = {}
    for i, key in enumerate(NAMES):
        n[key] = place(m, view.id, e[key].id, 40 + (i % 2) * 420, 40 + (i // 2) * 140, 360, 60)
    for src, rel, tgt, fields in (("dvc", "Serving", "ubnd", {}),
                                  ("mcdt", "Flow", "truc", {"name": "Gửi văn bản"}),
                                  ("dvc", "Realization", "svc", {}),
                                  ("mcdt", "Access", "hoso", {"access_type": "Write"})):
        r = m.relate(e[src].id, rel, e[tgt].id, **fields)
        connect(m, view.id, r.id, n[src].id, n[tgt].id)
    set_dossier_fields(m, {
        "agency": "Ủy ban nhân dân tỉnh Gia Lai",
        "title": "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0",
        "version": "2.0", "date": "15/11/2026",
        "prepared_by": "Sở Thông tin và Truyền thông", "checked_by": "Nguyễn Văn Kiểm",
        "approved_by": "Chủ tịch UBND tỉnh",
    })
    return m


@needs_poppler
def test_every_element_name_is_in_the_pdf_text_exactly(model, tmp_path):
    out = tmp_path / "dossier.pdf"
    write_dossier(model, out, DossierOptions(paper="A3", appendix=False))
    diagram_text = text_of(out, 2, 2)
    for _, name in NAMES.values():
        assert name in diagram_text, name
    assert "Gửi văn bản" in diagram_text  # relationship names are printed on their lines


@needs_poppler
def test_decomposed_names_print_precomposed(model, tmp_path):
    element = model.elements[0]
    element.name = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")
    out = tmp_path / "nfd.pdf"
    write_dossier(model, out, DossierOptions(appendix=False))
    assert "Ủy ban nhân dân tỉnh" in _run("pdftotext", str(out), "-")


@needs_poppler
def test_only_the_bundled_font_is_used_and_it_is_embedded(model, tmp_path):
    out = tmp_path / "dossier.pdf"
    write_dossier(model, out)
    rows = _run("pdffonts", str(out)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert "BeVietnamPro" in row, row
        assert re.search(r"\byes\s+yes\s+yes\b", row), f"font not embedded: {row}"


@needs_poppler
def test_dossier_has_cover_diagram_title_block_and_appendices(model, tmp_path):
    out = tmp_path / "dossier.pdf"
    pages = write_dossier(model, out, DossierOptions(paper="A3"))
    assert pages == page_count(out) >= 3
    cover = text_of(out, 1, 1)
    assert "ỦY BAN NHÂN DÂN TỈNH GIA LAI" in cover
    assert "KIẾN TRÚC CHÍNH QUYỀN ĐIỆN TỬ TỈNH GIA LAI PHIÊN BẢN 2.0" in cover
    assert "HỒ SƠ TRÌNH PHÊ DUYỆT" in cover and "Phiên bản: 2.0" in cover
    diagram = text_of(out, 2, 2)
    for expected in ("Sơ đồ khái quát", "Chú giải", "Người lập", "Người kiểm tra",
                     "Người phê duyệt", "Nguyễn Văn Kiểm", "15/11/2026",
                     f"Trang 2/{pages}"):
        assert expected in diagram, expected
    # the legend names the types on the view and no others
    assert "Thành phần ứng dụng" in diagram and "Phục vụ" in diagram
    assert "Nút" not in diagram.split() and "Kích hoạt" not in diagram
    # the view's description is printed beside the legend
    assert "Sơ đồ khái quát kiến trúc Chính quyền điện tử" in re.sub(r"\s+", " ", diagram)
    appendix = text_of(out, 3)
    for expected in ("Phụ lục A. Danh mục thành phần", "Phụ lục B. Danh mục quan hệ",
                     "Phụ lục C. Kết quả kiểm tra mô hình",
                     "Một cửa điện tử cấp tỉnh, huyện, xã", "Tác nhân nghiệp vụ",
                     f"Trang {pages}/{pages}"):
        assert expected in appendix, expected


@needs_poppler
def test_english_dossier(model, tmp_path):
    out = tmp_path / "en.pdf"
    write_dossier(model, out, DossierOptions(lang="en"))
    text = text_of(out)
    for expected in ("APPROVAL DOSSIER", "Legend", "Prepared by", "Appendix A. Element catalog",
                     "National Public Service Portal", "Overview diagram", "Business Actor"):
        assert expected in text, expected
    assert "Chú giải" not in text
    assert "Cổng Dịch vụ công quốc gia" not in text  # the English name replaces it


@needs_poppler
def test_metadata_and_bookmarks(model, tmp_path):
    out = tmp_path / "dossier.pdf"
    write_dossier(model, out)
    info = _run("pdfinfo", str(out))
    assert "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0" in info
    assert "Sở Thông tin và Truyền thông" in info  # author
    assert re.search(r"^Subject:\s+\S", info, re.M)
    outline = re.findall(r'<item page="(\d+)">([^<]+)</item>',
                         _run("pdftohtml", "-xml", "-stdout", "-i", str(out)))
    titles = {title: int(page) for page, title in outline}
    assert titles["Sơ đồ khái quát"] == 2
    assert titles["Phụ lục A. Danh mục thành phần"] == 3
    assert "Phụ lục C. Kết quả kiểm tra mô hình" in titles


@needs_poppler
def test_tiling_prints_full_size_across_pages_with_every_name(model, tmp_path):
    view = model.views[0]
    # stretch the diagram so that it needs several A4 sheets at full size
    for i, node in enumerate(view.nodes.values()):
        node.x = 40 + i * 500
    options = DossierOptions(paper="A4", orientation="portrait", tile=True, appendix=False,
                             cover=False)
    out = tmp_path / "tiled.pdf"
    pages = write_dossier(model, out, options)
    assert pages > 1 and pages == page_count(out) == count_pages(model, options)
    text = text_of(out)
    for _, name in NAMES.values():
        assert name in text, name
    assert "hàng 1/1, cột 2/" in text  # the title block says which sheet this is
    fitted = write_dossier(model, tmp_path / "fit.pdf",
                           DossierOptions(paper="A4", appendix=False, cover=False,
                                          min_text=0))
    assert fitted == 1


@pytest.mark.parametrize("options", [
    DossierOptions(),
    DossierOptions(paper="A4", orientation="portrait"),
    DossierOptions(paper="A4", tile=True),
    DossierOptions(cover=False),
    DossierOptions(appendix=False, lang="en"),
])
def test_count_pages_agrees_with_the_written_file(model, tmp_path, options):
    assert count_pages(model, options) == write_dossier(model, tmp_path / "x.pdf", options)


def test_selected_views_only(model, tmp_path):
    second = model.add_view("Hạ tầng kỹ thuật")
    all_pages = write_dossier(model, tmp_path / "a.pdf", DossierOptions(appendix=False))
    one = write_dossier(model, tmp_path / "b.pdf",
                        DossierOptions(appendix=False, views=[second.name]))
    assert all_pages == one + 1


def test_unknown_view_is_named_in_the_error(model, tmp_path):
    from egov_modeler.model.errors import ModelError

    with pytest.raises(ModelError, match="Sơ đồ không có"):
        write_dossier(model, tmp_path / "x.pdf", DossierOptions(views=["Sơ đồ không có"]))
    assert not (tmp_path / "x.pdf").exists()


def test_dossier_fields_live_in_model_properties(model):
    props = dict(model.properties)
    assert props["dossier:title"] == "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0"
    assert dossier_fields(model)["checked_by"] == "Nguyễn Văn Kiểm"
    commands = dossier_commands(model, {"version": "2.1", "title": props["dossier:title"]})
    assert [c.key for c in commands] == ["dossier:version"]  # only what changes
    for command in commands:
        model.execute(command)
    assert dossier_fields(model)["version"] == "2.1"
    commands[0].revert(model)
    assert dossier_fields(model)["version"] == "2.0"
    set_dossier_fields(model, {"checked_by": ""})
    assert "dossier:checked_by" not in dict(model.properties)


@needs_poppler
def test_cli_export_pdf(model, tmp_path):
    src = tmp_path / "gia-lai.egov"
    save(model, src)
    out = tmp_path / "out.pdf"
    code = cli_main(["export", str(src), "--format", "pdf", "-o", str(out),
                     "--paper", "A4", "--orientation", "portrait",
                     "--view", "Sơ đồ khái quát", "--lang", "en"])
    assert code == 0
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)",
                                         _run("pdfinfo", str(out))).groups())
    assert round(width) == 595 and round(height) == 842
    assert "Legend" in text_of(out)


def test_cli_export_pdf_unknown_view_fails_clearly(model, tmp_path, capsys):
    src = tmp_path / "m.egov"
    save(model, src)
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["export", str(src), "--format", "pdf", "-o", str(tmp_path / "o.pdf"),
                  "--view", "Không tồn tại"])
    assert exit_info.value.code != 0
    assert "Không tồn tại" in capsys.readouterr().err
    assert not (tmp_path / "o.pdf").exists()


@needs_poppler
def test_validation_summary_lists_the_problems(model, tmp_path):
    from egov_modeler import validate

    e = {el.name: el for el in model.elements}
    junction = model.add_element("AndJunction", "")
    model.relate(e["Cổng Dịch vụ công quốc gia"].id, "Flow", junction.id)
    model.relate(junction.id, "Triggering", e["Trục liên thông văn bản quốc gia"].id)
    problems = validate(model)
    assert problems
    out = tmp_path / "dossier.pdf"
    write_dossier(model, out)
    appendix = re.sub(r"\s+", " ", text_of(out, 3))
    assert f"{len(problems)} lỗi" in appendix
    for problem in problems:
        assert re.sub(r"\s+", " ", problem.message) in appendix


def _word_centres(pdf: Path, page: int, prefix: str) -> list[tuple[float, float]]:
    """Centres (x, y from the top) of the words starting with ``prefix`` on ``page``."""
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">' + re.escape(prefix), html)
    return [((float(a) + float(c)) / 2, (float(b) + float(d)) / 2) for a, b, c, d in words]


@needs_poppler
@pytest.mark.parametrize("shape", ["wide", "tall"])
def test_a_fitted_diagram_sits_in_the_middle_of_the_drawing_area(shape, tmp_path):
    """A wide diagram is centred top to bottom and a tall one left to right, so the page
    has no empty band on one side (it used to hug the top-left corner)."""
    from egov_modeler.export.pdf.pages import page_layout, page_size

    model = Model("Tỉnh")
    view = model.add_view("Sơ đồ")
    for i in range(3):
        element = model.add_element("ApplicationComponent", f"Khối{i}")
        x, y = (i * 400, 0) if shape == "wide" else (0, i * 300)
        place(model, view.id, element.id, x, y, 300, 60)
    out = tmp_path / "d.pdf"
    # no minimum text size: this is about where a fitted view sits, not how big it is
    write_dossier(model, out, DossierOptions(paper="A4", cover=False, appendix=False,
                                             min_text=0))
    width, height = page_size("A4", "landscape")
    dx, dy, dw, dh = page_layout(width, height).diagram
    centre_x, centre_y = dx + dw / 2, height - (dy + dh / 2)  # pdftotext: y from the top
    centres = _word_centres(out, 1, "Khối")
    assert len(centres) == 3
    mean_x = sum(x for x, _ in centres) / 3
    mean_y = sum(y for _, y in centres) / 3
    assert abs(mean_x - centre_x) < 0.03 * dw
    assert abs(mean_y - centre_y) < 0.03 * dh


# --- the cover as a Vietnamese administrative document (NĐ 30/2020/NĐ-CP, Phụ lục I) ---

def _nd30_fields(model, **extra: str) -> None:
    set_dossier_fields(model, {"issuer": "Sở Thông tin và Truyền thông", "place": "Gia Lai",
                               "date": "05/02/2026", **extra})


@needs_poppler
def test_cover_has_the_nd30_header_date_line_and_upper_case_title(model, tmp_path):
    _nd30_fields(model)
    out = tmp_path / "cover.pdf"
    write_dossier(model, out, DossierOptions(paper="A3", appendix=False))
    cover = text_of(out, 1, 1)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "ỦY BAN NHÂN DÂN TỈNH GIA LAI", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
                     "Gia Lai, ngày 05 tháng 02 năm 2026",
                     "KIẾN TRÚC CHÍNH QUYỀN ĐIỆN TỬ TỈNH GIA LAI PHIÊN BẢN 2.0",
                     "HỒ SƠ TRÌNH PHÊ DUYỆT", "Mục lục", "Sơ đồ khái quát"):
        assert expected in cover, expected
    # two columns: the bodies on the left of the national title and motto, line by line
    layout = unicodedata.normalize("NFC", _run("pdftotext", "-layout", "-f", "1", "-l", "1",
                                               str(out), "-")).splitlines()
    top = next(line for line in layout if "CỘNG HÒA" in line)
    assert top.index("ỦY BAN NHÂN DÂN TỈNH GIA LAI") < top.index("CỘNG HÒA")
    second = next(line for line in layout if "Độc lập" in line)
    assert second.index("SỞ THÔNG TIN") < second.index("Độc lập")
    lines = [line.strip() for line in layout if line.strip()]
    order = [next(i for i, line in enumerate(lines) if key in line)
             for key in ("CỘNG HÒA", "Độc lập", "ngày 05 tháng 02", "HỒ SƠ TRÌNH", "KIẾN TRÚC",
                         "Mục lục")]
    assert order == sorted(order)


@needs_poppler
def test_english_cover(model, tmp_path):
    _nd30_fields(model)
    out = tmp_path / "cover-en.pdf"
    write_dossier(model, out, DossierOptions(lang="en", appendix=False))
    cover = text_of(out, 1, 1)
    for expected in ("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness",
                     "Gia Lai, 5 February 2026", "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
                     "APPROVAL DOSSIER", "Contents"):
        assert expected in cover, expected
    assert "CỘNG HÒA" not in cover and "ngày" not in cover


@needs_poppler
def test_without_an_issuer_the_agency_heads_the_cover_alone(model, tmp_path):
    set_dossier_fields(model, {"place": "Hà Nội", "date": "2026-11-27"})
    out = tmp_path / "agency-only.pdf"
    write_dossier(model, out, DossierOptions(appendix=False))
    cover = text_of(out, 1, 1)
    assert cover.count("ỦY BAN NHÂN DÂN TỈNH GIA LAI") == 1
    assert "Hà Nội, ngày 27 tháng 11 năm 2026" in cover
    assert "SỞ THÔNG TIN" not in cover


@pytest.mark.parametrize(("typed", "lang", "expected"), [
    ("27/11/2026", "vi", "Gia Lai, ngày 27 tháng 11 năm 2026"),
    ("5/2/2026", "vi", "Gia Lai, ngày 05 tháng 02 năm 2026"),   # day < 10, months 1-2: 0
    ("2026-01-31", "vi", "Gia Lai, ngày 31 tháng 01 năm 2026"),
    ("09.03.2026", "vi", "Gia Lai, ngày 09 tháng 3 năm 2026"),  # month 3..12: no zero
    ("27/11/2026", "en", "Gia Lai, 27 November 2026"),
    ("2026-02-05", "en", "Gia Lai, 5 February 2026"),
    ("Quý IV/2026", "vi", "Gia Lai, Quý IV/2026"),  # not a date: printed as typed
])
def test_date_line_follows_nd30(typed, lang, expected):
    assert date_line("Gia Lai", typed, lang) == expected


def test_date_line_without_a_place_and_impossible_dates():
    assert date_line("", "15/11/2026", "vi") == "Ngày 15 tháng 11 năm 2026"
    assert date_line("", "15/11/2026", "en") == "15 November 2026"
    assert parse_date("31/02/2026") is None
    assert parse_date("2026-11-27").isoformat() == "2026-11-27"


def test_upper_case_keeps_vietnamese_diacritics_in_nfc():
    assert upper_vi("Ủy ban nhân dân tỉnh Gia Lai") == "ỦY BAN NHÂN DÂN TỈNH GIA LAI"
    decomposed = unicodedata.normalize("NFD", "Sở Thông tin và Truyền thông đường")
    result = upper_vi(decomposed)
    assert result == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG ĐƯỜNG"
    assert unicodedata.is_normalized("NFC", result)


def test_place_and_issuer_are_model_properties_and_undoable(model):
    commands = set_dossier_fields(model, {"place": "Gia Lai", "issuer": "Sở TT&TT"})
    props = dict(model.properties)
    assert props["dossier:place"] == "Gia Lai" and props["dossier:issuer"] == "Sở TT&TT"
    assert dossier_fields(model)["place"] == "Gia Lai"
    for command in reversed(commands):
        command.revert(model)
    assert "dossier:place" not in dict(model.properties)


@pytest.mark.parametrize(("name", "place"), [("provincial", "Gia Lai"), ("national", "Hà Nội")])
def test_templates_carry_the_place(name, place):
    assert dossier_fields(load_template(name))["place"] == place


@needs_poppler
def test_the_legend_and_the_catalog_give_the_english_archimate_name(tmp_path):
    """No official Vietnamese ArchiMate glossary exists: the English name stands beside."""
    model = Model("Lộ trình")
    view = model.add_view("Lộ trình")
    plateau = model.add_element("Plateau", "Mục tiêu 2030")
    artifact = model.add_element("Artifact", "Gói cài đặt")
    place(model, view.id, plateau.id, 40, 40, 300, 60)
    place(model, view.id, artifact.id, 400, 40, 300, 60)
    out = tmp_path / "lo-trinh.pdf"
    write_dossier(model, out, DossierOptions(paper="A3", cover=False))
    text = re.sub(r"\s+", " ", text_of(out))
    assert "Trạng thái kiến trúc (Plateau)" in text and "Tạo tác (Artifact)" in text


@needs_poppler
def test_the_element_catalog_says_where_each_component_comes_from(tmp_path):
    out = tmp_path / "gia-lai-2026.pdf"
    model = load_template("provincial-2026")
    pages = write_dossier(model, out, DossierOptions(paper="A3", cover=False,
                                                     views=[model.views[4].id]))
    appendix = re.sub(r"\s+", " ", text_of(out, 2, pages))
    assert "Nguồn, độ tin cậy" in appendix
    assert "[đã xác nhận]" in appendix and "[suy luận]" in appendix
