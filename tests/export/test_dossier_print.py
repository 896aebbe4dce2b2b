"""The dossier at print size, read back from the PDF as a reviewer would measure it.

Text sizes and positions come from pdfplumber (each character's size on the page, after
every scaling); a page is a diagram page when its legend is on it, an overview page when
it carries the overview mark.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from egov_modeler.diagram.display_list import (
    UNTRANSLATED_MARK,
    _routed_connections,
    build_scene,
    segment_hits_box,
)
from egov_modeler.diagram.text_layout import text_width
from egov_modeler.export.pdf.dossier import (
    DossierOptions,
    plan_dossier,
    set_dossier_fields,
    write_dossier,
)
from egov_modeler.export.pdf.pages import page_size
from egov_modeler.model import Model
from egov_modeler.storage.templates import load_template
from tests.helpers import place
from tests.helpers.pdfa import pdfa_violations

MM = 72 / 25.4
OVERVIEW_MARKS = ("SƠ ĐỒ TỔNG QUAN", "OVERVIEW")
LEGEND_TITLES = ("Chú giải", "Legend")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _pages(path: Path, first: int | None = None) -> list[dict]:
    """Per page (the ``first`` ones only when given): its text (NFC) and its characters
    (text, size, font, position)."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:first]:
            pages.append({"text": _nfc(page.extract_text() or ""),
                          "chars": [c for c in page.chars if c["text"].strip()],
                          "width": page.width, "height": page.height,
                          "words": page.extract_words(extra_attrs=["size", "fontname"])})
    return pages


def _is_diagram(page: dict) -> bool:
    return any(title in page["text"] for title in LEGEND_TITLES)


def _is_overview(page: dict) -> bool:
    return any(mark in page["text"] for mark in OVERVIEW_MARKS)


@pytest.fixture(scope="module")
def default_exports(tmp_path_factory) -> dict[str, tuple[Path, list[dict]]]:
    """The default export (A3 landscape, Vietnamese) of both templates."""
    folder = tmp_path_factory.mktemp("templates")
    result = {}
    for name in ("provincial", "national"):
        out = folder / f"{name}.pdf"
        write_dossier(load_template(name), out, DossierOptions(lang="vi"))
        result[name] = (out, _pages(out))
    return result


@pytest.mark.parametrize("template", ["provincial", "national"])
def test_every_diagram_page_of_the_default_export_prints_text_of_6_pt_or_more(
        default_exports, template):
    _, pages = default_exports[template]
    diagram = [p for p in pages if _is_diagram(p)]
    readable = [p for p in diagram if not _is_overview(p)]
    assert readable, "no diagram page meant for reading"
    for number, page in enumerate(pages, start=1):
        if page in readable:
            smallest = min(c["size"] for c in page["chars"])
            assert smallest >= 6.0 - 0.01, f"page {number}: {smallest:.2f} pt"
    # the overview pages are marked, say where the details are, and are followed by them
    overviews = [p for p in diagram if _is_overview(p)]
    assert overviews  # both templates' overviews are too big for A3 at 6 pt
    for page in overviews:
        match = re.search(r"trang (\d+)–(\d+)", page["text"])
        assert match, page["text"][:200]
        first, last = int(match.group(1)), int(match.group(2))
        assert last > first
        for detail in pages[first - 1:last]:
            assert _is_diagram(detail) and not _is_overview(detail)
            assert "Sơ đồ ghép trang" in detail["text"]  # the page map
            assert "phần " in detail["text"]  # the title block names the detail


def test_the_plan_announces_the_smallest_text_the_file_prints(default_exports):
    out, pages = default_exports["provincial"]
    summary = plan_dossier(load_template("provincial"), DossierOptions(lang="vi"))
    assert summary.pages == len(pages)
    diagram_text = [c["size"] for p in pages if _is_diagram(p) and not _is_overview(p)
                    for c in p["chars"] if c["size"] < 9]
    assert summary.smallest_text is not None and summary.smallest_text >= 6.0
    # the detail pages print the diagram's smallest text at the announced size
    assert any(abs(size - summary.smallest_text) < 0.05 for size in diagram_text)
    # A3 is too small for one readable page per view; a larger paper is proposed
    assert summary.fitting_paper is not None
    paper, orientation = summary.fitting_paper
    proposal = plan_dossier(load_template("provincial"),
                            DossierOptions(lang="vi", paper=paper, orientation=orientation))
    assert proposal.detailed_views == []
    assert proposal.smallest_text >= 6.0


def test_without_a_minimum_each_view_is_one_fitted_page(tmp_path):
    model = load_template("provincial")
    out = tmp_path / "fitted.pdf"
    write_dossier(model, out, DossierOptions(min_text=0, appendix=False))
    pages = _pages(out)
    assert [p for p in pages if _is_diagram(p)] and not any(_is_overview(p) for p in pages)
    assert len([p for p in pages if _is_diagram(p)]) == len(model.views)


@pytest.mark.parametrize("template", ["provincial", "national"])
def test_line_labels_sit_on_no_box_and_no_other_line(template):
    model = load_template(template)
    for view in model.views:
        scene = build_scene(model, view, "vi")
        routed = _routed_connections(view)
        nested = {n.parent for n in view.nodes.values() if n.parent}
        boxes = [n.bounds for n in view.nodes.values()
                 if n.element_id and n.id not in nested]
        labels = [t for t in scene.items if getattr(t, "background", None)]
        for label in labels:
            box = (label.x - 1, label.y - label.size * 1.1,
                   text_width(label.text, label.size) + 2, label.size * 1.3)
            on_boxes = [b for b in boxes if box[0] < b[0] + b[2] and b[0] < box[0] + box[2]
                        and box[1] < b[1] + b[3] and b[1] < box[1] + box[3]]
            assert not on_boxes, f"{label.text!r} covers a box"
            # its own line passes under it; no other line may
            crossing = [c.id for c, points in routed
                        if any(segment_hits_box(s, box)
                               for s in zip(points, points[1:], strict=False))]
            assert len(crossing) <= 1, f"{label.text!r} sits on {len(crossing)} lines"


# --- NĐ 30/2020 on every paper ---------------------------------------------------------

def _sizes_of(page: dict, phrase: str) -> tuple[set[float], set[str]]:
    """The sizes and fonts of the words that make up ``phrase`` in the page's header
    (above the document's title, which is the only text larger than 14 pt)."""
    title_top = min(w["top"] for w in page["words"] if w["size"] > 14.5)
    words = [w for w in page["words"]
             if _nfc(w["text"]) in phrase.split() and w["top"] < title_top]
    assert words, phrase
    return {round(w["size"], 2) for w in words}, {w["fontname"].split("+")[-1] for w in words}


@pytest.mark.parametrize(("paper", "orientation"), [("A4", "portrait"), ("A3", "landscape"),
                                                     ("A4", "landscape"), ("A0", "portrait")])
def test_cover_sizes_fonts_and_margins_follow_nd30(tmp_path, paper, orientation):
    model = load_template("provincial")
    set_dossier_fields(model, {"agency": "Ủy ban nhân dân tỉnh Gia Lai",
                               "issuer": "Sở Thông tin và Truyền thông", "place": "Gia Lai",
                               "date": "29/11/2026"})
    out = tmp_path / "cover.pdf"
    write_dossier(model, out, DossierOptions(paper=paper, orientation=orientation,
                                             appendix=False, pdfa=False))
    cover = _pages(out, 1)[0]
    sizes, fonts = _sizes_of(cover, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert all(12 <= s <= 13 for s in sizes) and fonts == {"BeVietnamPro-Bold"}
    national = sizes.pop()
    sizes, fonts = _sizes_of(cover, "Độc lập - Tự do - Hạnh phúc")
    assert all(13 <= s <= 14 for s in sizes) and fonts == {"BeVietnamPro-Bold"}
    sizes, fonts = _sizes_of(cover, "ỦY BAN NHÂN DÂN TỈNH GIA LAI")
    assert sizes == {national} and fonts == {"BeVietnamPro-Regular"}
    sizes, fonts = _sizes_of(cover, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
    assert sizes == {national} and fonts == {"BeVietnamPro-Bold"}
    sizes, fonts = _sizes_of(cover, "ngày 29 tháng 11 năm 2026")
    assert all(13 <= s <= 14 for s in sizes) and fonts == {"BeVietnamPro-Italic"}
    # the Quốc hiệu on one line, the date line whole
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cover["text"]
    assert "Gia Lai, ngày 29 tháng 11 năm 2026" in cover["text"]
    # margins: left 30-35 mm, right 15-20 mm, top and bottom 20-25 mm
    width, height = page_size(paper, orientation)
    assert min(c["x0"] for c in cover["chars"]) >= 30 * MM - 0.5
    assert max(c["x1"] for c in cover["chars"]) <= width - 15 * MM + 0.5
    assert min(c["top"] for c in cover["chars"]) >= 20 * MM - 0.5
    assert max(c["bottom"] for c in cover["chars"]) <= height - 20 * MM + 0.5


def test_a4_title_block_keeps_the_date_and_names_whole(tmp_path):
    model = load_template("provincial")
    set_dossier_fields(model, {"date": "29/11/2026",
                               "prepared_by": "Sở Thông tin và Truyền thông tỉnh Gia Lai",
                               "checked_by": "Phòng Chuyển đổi số",
                               "approved_by": "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai"})
    out = tmp_path / "a4.pdf"
    write_dossier(model, out, DossierOptions(paper="A4", orientation="portrait",
                                             appendix=False, cover=False,
                                             views=[model.views[1].id]))
    for page in (p for p in _pages(out) if _is_diagram(p)):
        lines = page["text"].splitlines()
        assert any("29/11/2026" in line for line in lines)  # never "29/11/202" + "6"
        assert "…" not in page["text"]  # nothing cut
        flat = " ".join(page["text"].split())
        for name in ("Sở Thông tin và Truyền thông tỉnh Gia Lai", "Phòng Chuyển đổi số",
                     "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai"):
            assert name in flat, name
        block = {w["text"] for w in page["words"] if w["top"] > page["height"] - 52 * MM}
        assert "Truyền" in block and "Chuyển" in block
        assert not block & {"Th", "Truy", "Chuy", "Ủ", "tr"}  # no word broken in two


def test_the_contents_list_every_view_over_as_many_pages_as_needed(tmp_path):
    model = Model("Mô hình lớn")
    element = model.add_element("ApplicationComponent", "Hệ thống")
    for i in range(195):
        view = model.add_view(f"Sơ đồ số {i + 1:03d}")
        place(model, view.id, element.id, 20, 20, 120, 55)
    out = tmp_path / "many.pdf"
    pages_total = write_dossier(model, out, DossierOptions(paper="A4", orientation="portrait",
                                                           appendix=False))
    pages = _pages(out)
    contents = [p for p in pages if "Mục lục" in p["text"]]
    assert len(contents) >= 3 and "Mục lục (tiếp theo)" in contents[1]["text"]
    listed = "\n".join(p["text"] for p in contents)
    first_diagram = len(contents) + 1
    for i in range(195):
        # each view with the page it is on (one small view a page)
        assert re.search(rf"Sơ đồ số {i + 1:03d}\s+{first_diagram + i}\b", listed), i + 1
    assert pages_total == first_diagram + 194
    assert "Sơ đồ số 195" in pages[-1]["text"]


# --- one language at a time ------------------------------------------------------------

_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
                         "ùúủũụừứửữựỳýỷỹỵ]", re.I)


def _english_model() -> Model:
    model = Model("Kiến trúc tỉnh")
    model.names["en"] = "Provincial architecture"
    portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công tỉnh")
    portal.names["en"] = "Provincial public service portal"
    one_stop = model.add_element("ApplicationComponent", "Hệ thống một cửa điện tử")
    one_stop.names["en"] = "One-stop system"
    view = model.add_view("Sơ đồ khái quát")
    view.names["en"] = "Overview diagram"
    a = place(model, view.id, portal.id, 40, 40, 260, 60)
    b = place(model, view.id, one_stop.id, 500, 40, 260, 60)
    rel = model.relate(one_stop.id, "Flow", portal.id, name="Đồng bộ hồ sơ")
    rel.names["en"] = "Synchronises records"
    from tests.helpers import connect

    connect(model, view.id, rel.id, b.id, a.id)
    set_dossier_fields(model, {
        "agency": "Ủy ban nhân dân tỉnh Gia Lai", "agency:en": "Gia Lai Provincial People's "
        "Committee", "issuer": "Sở Thông tin và Truyền thông", "issuer:en": "Department of "
        "Information and Communications", "title:en": "Provincial e-Government architecture",
        "title": "Kiến trúc Chính quyền điện tử tỉnh", "place": "Gia Lai",
        "date": "29/11/2026", "prepared_by": "Nguyen Van A", "version": "2.0"})
    return model


def test_an_english_dossier_has_no_vietnamese_word_when_the_model_is_translated(tmp_path):
    out = tmp_path / "en.pdf"
    write_dossier(_english_model(), out, DossierOptions(lang="en"))
    text = "\n".join(p["text"] for p in _pages(out))
    assert not _VIETNAMESE.search(text), _VIETNAMESE.findall(text)[:20]
    for expected in ("GIA LAI PROVINCIAL PEOPLE'S COMMITTEE", "Synchronises records",
                     "PROVINCIAL E-GOVERNMENT ARCHITECTURE", "One-stop system",
                     "Independence - Freedom - Happiness", "Appendix A. Element catalog"):
        assert expected in text, expected


def test_an_untranslated_name_is_marked_in_an_english_dossier(tmp_path):
    model = _english_model()
    model.elements[1].names.pop("en")
    model.relationships[0].names.pop("en")
    out = tmp_path / "en-missing.pdf"
    write_dossier(model, out, DossierOptions(lang="en", appendix=False))
    diagram = " ".join(_pages(out)[1]["text"].split())
    assert f"Hệ thống một cửa điện tử {UNTRANSLATED_MARK}" in diagram
    assert f"Đồng bộ hồ sơ {UNTRANSLATED_MARK}" in diagram
    assert "not translated in the model" in diagram  # the legend says what the mark means


# --- PDF/A-2b --------------------------------------------------------------------------

@pytest.mark.parametrize("template", ["provincial", "national"])
def test_the_default_exports_are_pdfa_2b(default_exports, template):
    out, _ = default_exports[template]
    assert pdfa_violations(out) == []


@pytest.mark.parametrize("options", [DossierOptions(lang="en"),
                                     DossierOptions(paper="A4", orientation="portrait"),
                                     DossierOptions(tile=True, cover=False)])
def test_other_options_are_pdfa_2b_too(tmp_path, options):
    out = tmp_path / "x.pdf"
    write_dossier(load_template("national"), out, options)
    assert pdfa_violations(out) == []


def test_the_check_catches_a_file_that_is_not_pdfa(tmp_path):
    out = tmp_path / "plain.pdf"
    write_dossier(load_template("provincial"), out, DossierOptions(pdfa=False,
                                                                    signature_fields=False))
    problems = pdfa_violations(out)
    assert any("output intent" in p for p in problems)
    assert any("XMP" in p for p in problems)


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_every_font_is_embedded(default_exports):
    out, _ = default_exports["national"]
    rows = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), rows


def test_an_english_title_falls_back_to_the_models_english_name(tmp_path):
    model = _english_model()
    set_dossier_fields(model, {"title:en": ""})
    out = tmp_path / "en-title.pdf"
    write_dossier(model, out, DossierOptions(lang="en", appendix=False))
    cover = _pages(out)[0]["text"]
    assert "PROVINCIAL ARCHITECTURE" in cover and UNTRANSLATED_MARK not in cover
    model.names.pop("en")
    write_dossier(model, out, DossierOptions(lang="en", appendix=False))
    assert f"KIẾN TRÚC CHÍNH QUYỀN ĐIỆN TỬ TỈNH {UNTRANSLATED_MARK}" in _pages(out)[0]["text"]
