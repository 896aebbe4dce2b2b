"""The dossier as an editable Word document (``egov-modeler export --format docx``).

Why Word: a province writes its architecture document (thuyết minh) in Word around the
diagrams and tables; pasting them out of a PDF loses the tables and blurs the pictures.
This writes the frame of that document, with python-docx, in the document's own styles:

- the cover as the PDF's (NĐ 30/2020 header in a borderless two-column table, the
  document kind and title, "(Ban hành kèm theo Quyết định số …)" — the decision's number
  when ``dossier:decision`` is set, dots to fill in otherwise — version and preparer);
- a table of contents field (Word fills it when the document is opened);
- the chapters the province writes (mục tiêu, phạm vi, nguyên tắc, hiện trạng, kiến trúc
  mục tiêu, lộ trình, tổ chức thực hiện), each with a placeholder paragraph, and in the
  target-architecture chapter a heading and a numbered figure ("Hình n.", a Word SEQ field)
  per view, the diagram as a high-resolution PNG painted from the same display list as
  the PDF (:mod:`.images`), then its description;
- the appendices as real Word tables in the "Table Grid" style with a repeated header row:
  the element catalogue, the relationships and, when the elements carry properties (the
  inventory: owner, operator, status, ...), the inventory.

Text pages are A4 portrait with the NĐ 30 margins; the diagram chapter is a landscape
section so the figures are as large as the paper allows. Body text is Times New Roman
13 pt (NĐ 30: a Unicode Vietnamese font, 13-14 pt), a font every office PC has.
"""

from __future__ import annotations

import copy
import io
import logging
import os
from collections.abc import Iterable
from typing import Any

from ..diagram.display_list import MODEL_LANGUAGE, build_scene, localized_name
from ..i18n import tr
from ..model.cancel import CancelToken
from ..model.cancel import check as check_cancel
from ..model.views import View
from ..storage.atomic import atomic_file
from .docx_pictures import Pictures
from .docx_rows import DeferredRows
from .images import png_image
from .inventory_tables import inventory_tables
from .pdf.appendix import (
    catalog_order,
    element_type_label,
    framework_layer_label,
    reference_model,
    relationship_type_label,
)
from .pdf.cover import date_line, upper_vi
from .pdf.dossier import (
    DossierOptions,
    catalog_concepts,
    dossier_language,
    effective_fields,
    select_views,
)

log = logging.getLogger(__name__)

__all__ = ["CHAPTERS", "DOCX_FONT", "write_docx"]

DOCX_FONT = "Times New Roman"
BODY_SIZE = 13
#: Pixels per inch the diagrams are painted at, at their printed width.
FIGURE_DPI = 300
#: The chapters the province writes (source strings; Vietnamese in the tables). The
#: views go into the one marked True.
CHAPTERS: tuple[tuple[str, bool], ...] = (
    ("Objectives", False),
    ("Scope", False),
    ("Principles", False),
    ("Current state", False),
    ("Target architecture", True),
    ("Roadmap", False),
    ("Implementation arrangements", False),
)


def _set_font(run, size: float | None = None, bold: bool | None = None,
              italic: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = DOCX_FONT
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), DOCX_FONT)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def _styles(document) -> None:
    """Times New Roman in black for the body, headings, caption and tables."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    for name, size, bold in (("Normal", BODY_SIZE, None), ("Heading 1", 14, True),
                             ("Heading 2", 13, True), ("Caption", 12, False),
                             ("Title", 16, True)):
        style = document.styles[name]
        style.font.name = DOCX_FONT
        style.font.size = Pt(size)
        if bold is not None:
            style.font.bold = bold
        style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(key), DOCX_FONT)
    document.styles["Caption"].font.italic = False


def _margins(section, landscape: bool = False) -> None:
    """A4 with the margins of NĐ 30/2020 Phụ lục I, I.4 (top/bottom 20, left 30, right
    15 mm)."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape \
        else (Mm(210), Mm(297))
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _paragraph(container, text: str, size: float = BODY_SIZE, bold: bool = False,
               italic: bool = False, align: str = "center", underline: bool = False,
               space_after: float = 0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = container.add_paragraph()
    paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER,
                           "left": WD_ALIGN_PARAGRAPH.LEFT,
                           "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.space_before = Pt(0)
    if text:
        run = paragraph.add_run(text)
        _set_font(run, size, bold, italic)
        run.underline = underline
    return paragraph


def _fixed_widths(table, widths) -> None:
    """Column widths every word processor keeps: a fixed layout, the grid and each cell
    (LibreOffice reads the grid, Word the cells)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table._tbl.tr_lst:  # no merged cells: a row's cells are its w:tc
        for cell, width in zip(row.tc_lst, widths, strict=True):
            cell.width = width


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _cover(document, fields: dict[str, str], lang: str) -> None:
    """The NĐ 30 header, kind, title, decision line, version and preparer."""
    from docx.shared import Mm

    header = document.add_table(rows=1, cols=2)
    _no_borders(header)
    _fixed_widths(header, (Mm(68), Mm(97)))
    left, right = header.rows[0].cells
    left.paragraphs[0].text = ""
    superior, issuer = fields.get("agency", ""), fields.get("issuer", "")
    if not issuer:
        superior, issuer = "", superior
    first = True
    for text, bold in ((superior, False), (issuer, True)):
        if not text:
            continue
        paragraph = left.paragraphs[0] if first else left.add_paragraph()
        first = False
        run = paragraph.add_run(upper_vi(text))
        _set_font(run, 13, bold)
        paragraph.alignment = 1
    _paragraph(left, "―――――", 13)
    right.paragraphs[0].alignment = 1
    _set_font(right.paragraphs[0].add_run(tr("SOCIALIST REPUBLIC OF VIET NAM")), 13, True)
    _paragraph(right, tr("Independence - Freedom - Happiness"), 14, bold=True,
               underline=True)
    line = date_line(fields.get("place", ""), fields.get("date", ""), lang)
    if line:
        _paragraph(right, "", 6)
        _paragraph(right, line, 14, italic=True)
    for _ in range(5):
        _paragraph(document, "", BODY_SIZE)
    _paragraph(document, tr("APPROVAL DOSSIER"), 14, bold=True, space_after=6)
    _paragraph(document, upper_vi(fields.get("title", "")), 18, bold=True, space_after=6)
    decision = fields.get("decision") or tr("no. …/QĐ-… dated … of …")
    _paragraph(document, tr("(Issued with Decision {decision})", decision=decision), 14,
               italic=True, space_after=12)
    if fields.get("version"):
        _paragraph(document, tr("Version: {version}", version=fields["version"]))
    if fields.get("prepared_by"):
        _paragraph(document, tr("Prepared by: {name}", name=fields["prepared_by"]))
    if fields.get("framework"):
        _paragraph(document, tr("Framework: {framework}", framework=fields["framework"]))


def _field(paragraph, instruction: str, result: str) -> None:
    """A Word field (TOC, SEQ) with its current result, so a reader sees the result
    before Word updates the field."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        return run

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld_char("separate")
    _set_font(paragraph.add_run(result), None)
    fld_char("end")


def _update_fields_on_open(document) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _placeholder(document) -> None:
    from docx.shared import RGBColor

    paragraph = _paragraph(document, tr("[Text written by the province]"), italic=True,
                           align="justify", space_after=6)
    paragraph.runs[0].font.color.rgb = RGBColor(0x60, 0x60, 0x60)


def _figure(document, pictures: Pictures, model, view: View, lang: str, number: int,
            width_emu: int) -> None:
    """Heading, picture, numbered caption and description of one view."""
    name = localized_name(view.names, view.name, lang, lang != MODEL_LANGUAGE) \
        or tr("(unnamed view)")
    document.add_heading(name, level=2)
    scene = build_scene(model, view, lang, lang != MODEL_LANGUAGE)
    _, _, width_pt, _ = scene.bounds
    inches = width_emu / 914400
    scale = max(1.0, min(4.0, inches * FIGURE_DPI / max(width_pt, 1.0)))
    image = png_image(scene, scale)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(FIGURE_DPI, FIGURE_DPI))
    picture = document.add_paragraph()
    picture.alignment = 1
    pictures.add(picture.add_run(), buffer.getvalue(), width_emu)
    caption = document.add_paragraph(style="Caption")
    caption.alignment = 1
    _set_font(caption.add_run(tr("Figure") + " "), None, True)
    _field(caption, f"SEQ {tr('Figure')} \\* ARABIC", str(number))
    _set_font(caption.add_run(f". {name}"), None, True)
    for run in caption.runs:
        run.bold = True
    description = view.documentations.get(lang) or (
        view.documentation if lang == MODEL_LANGUAGE or not view.documentations else "")
    if description:
        _paragraph(document, description, align="justify", space_after=6)


def _table(document, header: list[str], rows: Iterable[list[str]],
           widths_mm: list[float], deferred: DeferredRows) -> None:
    """A Word table in the "Table Grid" style, the header row bold and repeated on every
    page; its body rows are written when the file is saved (:mod:`.docx_rows`).

    The header is filled at the XML level, its runs' properties copied from one made
    once: python-docx's ``table.rows[r]`` searches the table for each row, which made a
    1,000-element model's dossier take 46 s and grow with the square of its size."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    rows = list(rows)
    table = document.add_table(rows=1 + bool(rows), cols=len(header))
    table.style = document.styles["Table Grid"]
    head = table.rows[0]
    trpr = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    _fixed_widths(table, [Mm(w) for w in widths_mm])
    made = _run_properties(11, True)
    for cell, value in zip(table._tbl.tr_lst[0].tc_lst, header, strict=True):
        run = cell.p_lst[0].add_r()
        run.text = str(value)
        run.insert(0, copy.deepcopy(made))
    if rows:
        deferred.defer(table, rows, _run_properties(11, False))


def _run_properties(size: float, bold: bool) -> Any:
    """The ``w:rPr`` :func:`_set_font` gives a run, made once to be copied into many."""
    from docx.oxml import OxmlElement
    from docx.text.run import Run

    run = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]
    _set_font(run, size, bold)
    return run._r.rPr


def _inventory_keys(elements) -> list[str]:
    """The property keys the elements carry, in first-seen order (the inventory's
    columns)."""
    keys: dict[str, None] = {}
    for element in elements:
        for key, _ in element.properties:
            keys.setdefault(key, None)
    return list(keys)


def _appendices(document, model, elements, relationships, lang: str,
                shown: frozenset[str] | None, deferred: DeferredRows) -> None:
    """Appendices A and B (the printed elements and relationships), then the inventory's;
    ``shown``: the ids a dossier of chosen views prints (``None``: the whole model)."""
    document.add_heading(tr("Appendices"), level=1)
    document.add_heading(tr("Appendix A. Element catalog"), level=2)
    elements = sorted(elements, key=lambda e: catalog_order(e, lang))

    def name(element) -> str:
        return localized_name(element.names, element.name, lang, lang != MODEL_LANGUAGE)

    references = [reference_model(e) for e in elements]
    with_reference = any(references)
    header = [tr("No."), tr("Name"), tr("Type"), tr("Layer")]
    widths = [12.0, 55.0, 35.0, 40.0]
    if with_reference:
        header.append(tr("Reference model"))
        widths.append(23.0)
    rows = []
    for i, (element, ref) in enumerate(zip(elements, references, strict=True), start=1):
        row = [str(i), name(element), element_type_label(element.type, lang),
               framework_layer_label(element, lang)]
        if with_reference:
            row.append(ref)
        rows.append(row)
    _table(document, header, rows, widths, deferred)

    document.add_heading(tr("Appendix B. Relationships"), level=2)

    def concept_name(concept_id: str) -> str:
        if model.has_element(concept_id):
            return name(model.element(concept_id))
        if model.has_relationship(concept_id):
            r = model.relationship(concept_id)
            return localized_name(r.names, r.name, lang, lang != MODEL_LANGUAGE) \
                or relationship_type_label(r.type, lang)
        return concept_id

    _table(document, [tr("No."), tr("Source"), tr("Relationship"), tr("Target"),
                      tr("Name")],
           [[str(i), concept_name(r.source), relationship_type_label(r.type, lang),
             concept_name(r.target),
             localized_name(r.names, r.name, lang, lang != MODEL_LANGUAGE)]
            for i, r in enumerate(relationships, start=1)],
           [12.0, 50.0, 28.0, 50.0, 25.0], deferred)
    keys = _inventory_keys(elements)
    tables = inventory_tables(model, lang, letters="CDE", shown=shown)
    for table in tables:  # the profile's inventory, connections and roadmap
        document.add_heading(table.title, level=2 if table.key != "inventory-budget" else 3)
        total = sum(table.fractions)
        _table(document, table.header, table.rows,
               [165.0 * f / total for f in table.fractions], deferred)
        for note in table.notes:
            _paragraph(document, note, space_after=6)
    if keys and not tables:
        document.add_heading(tr("Appendix C. Inventory"), level=2)
        inventoried = [e for e in elements if e.properties]
        columns = keys[:6]  # a page holds about six; the rest stay in the model
        width = 105.0 / len(columns)
        _table(document, [tr("No."), tr("Name"), *columns],
               [[str(i), name(e), *[dict(e.properties).get(k, "") for k in columns]]
                for i, e in enumerate(inventoried, start=1)],
               [12.0, 48.0, *[width] * len(columns)], deferred)


def write_docx(model, path: str | os.PathLike, options: DossierOptions | None = None,
               cancel: CancelToken | None = None) -> int:
    """Write the Word dossier to ``path`` atomically; returns the number of figures.
    ``cancel`` may stop it before anything is written
    (:class:`~egov_modeler.model.cancel.Cancelled`)."""
    from docx import Document
    from docx.enum.section import WD_SECTION

    options = options or DossierOptions()
    with dossier_language(options.lang):
        from ..i18n import current_language

        lang = current_language()
        fields = effective_fields(model, lang)
        views = select_views(model, options.views)
        document = Document()
        deferred = DeferredRows()
        _styles(document)
        _margins(document.sections[0])
        core = document.core_properties
        core.title = fields["title"]
        core.author = fields["prepared_by"] or fields["agency"]
        core.subject = tr("e-Government architecture approval dossier")
        core.language = lang
        _cover(document, fields, lang)
        document.add_page_break()
        _paragraph(document, tr("Contents").upper(), 14, bold=True, space_after=6)
        _field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u',
               tr("(right-click and choose Update Field to fill the contents)"))
        _update_fields_on_open(document)
        figures = 0
        pictures = Pictures(document)
        after_figures = False
        for number, (title, has_views) in enumerate(CHAPTERS, start=1):
            if has_views and views:  # the diagrams get a landscape section of their own
                _margins(document.add_section(WD_SECTION.NEW_PAGE), landscape=True)
            elif after_figures:  # back to portrait, which starts a new page
                _margins(document.add_section(WD_SECTION.NEW_PAGE))
            else:
                document.add_page_break()
            after_figures = has_views and bool(views)
            document.add_heading(f"{number}. {tr(title)}", level=1)
            _placeholder(document)
            if has_views:
                section = document.sections[-1]
                width = int(section.page_width or 0) - int(section.left_margin or 0) \
                    - int(section.right_margin or 0)
                for view in views:
                    figures += 1
                    check_cancel(cancel)
                    _figure(document, pictures, model, view, lang, figures,
                            int(width * 0.98))
        if options.appendix:
            if after_figures:
                _margins(document.add_section(WD_SECTION.NEW_PAGE))
            else:
                document.add_page_break()
            elements, relationships = catalog_concepts(model, options, views)
            shown = None if options.views is None else frozenset(
                [*(e.id for e in elements), *(r.id for r in relationships)])
            _appendices(document, model, elements, relationships, lang, shown, deferred)
        check_cancel(cancel)
        with atomic_file(path) as handle:
            deferred.save(document, handle, cancel)
    log.info("wrote %s: %d figures", path, figures)
    return figures
