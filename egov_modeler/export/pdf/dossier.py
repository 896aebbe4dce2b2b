"""The approval dossier (hồ sơ trình phê duyệt) as one PDF.

Contents, in order: a cover page (and the contents' continuation pages when the views do
not fit on it); for each view one fitted page, or, when its text would print below the
minimum size (:mod:`.plan`), an overview page followed by readable detail pages, or (tiled)
its full-size sheets — each with the diagram as vectors, a legend of the notation it uses
and a title block; then the appendices (element catalog, relationships, validation
summary). Every page but the cover carries "page n of m"; the PDF has title/author/subject
metadata and bookmarks for every view and appendix; it is PDF/A-2b with signature fields in
the first diagram page's approval boxes (:mod:`.pdfa`). All captions go through
:func:`~egov_modeler.i18n.tr` in the dossier's language, and so do model texts: in a
language the model has no text in, the model's own text is shown with a mark
(:func:`~egov_modeler.diagram.display_list.localized_name`).

Dossier fields live in the MODEL'S PROPERTIES, so they are saved with the model, undone
like any edit and exported to ArchiMate XML with the rest:

=========================  ====================================================
property key               meaning
=========================  ====================================================
``dossier:agency``         the agency, e.g. "Ủy ban nhân dân tỉnh Gia Lai": on the cover
                           the superior body (cơ quan chủ quản, upper case, top left)
                           when an issuer is set, else the issuing body itself
``dossier:issuer``         the issuing body under it (cơ quan ban hành, bold upper case),
                           e.g. "Sở Thông tin và Truyền thông"; empty = the agency issues
``dossier:title``          document title (default: the model's name)
``dossier:version``        document version, e.g. "2.0"
``dossier:place``          place in the cover's date line, e.g. "Gia Lai"
``dossier:date``           date, e.g. "15/11/2026" or "2026-11-15" (default: today);
                           the cover writes it "Gia Lai, ngày 15 tháng 11 năm 2026"
``dossier:prepared_by``    who prepared it (title block "Prepared by")
``dossier:checked_by``     who checked it
``dossier:approved_by``    who approves it
``dossier:decision``       the decision the document is issued with, e.g. "số 123/QĐ-UBND
                           ngày 15/11/2026": the cover then reads "(Ban hành kèm theo
                           Quyết định số 123/QĐ-UBND ngày 15/11/2026)"
``dossier:agency:en``      the English form of a field (``agency``, ``issuer``, ``title``,
                           ``place``, ``prepared_by``, ``checked_by``, ``approved_by``,
                           ``decision``) for an English dossier
=========================  ====================================================

Why a separate issuer rather than ``prepared_by``: the preparer is printed over a signature
in the title block and may be a person; the NĐ 30/2020 header needs the body that issues
the document, usually in its short form ("Sở Thông tin và Truyền thông" under "Ủy ban nhân
dân tỉnh Gia Lai"). The cover's layout is described in :mod:`.cover`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import logging
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from ...diagram.display_list import (
    MODEL_LANGUAGE,
    UNTRANSLATED_MARK,
    Scene,
    build_scene,
    legend_scene,
    localized_name,
)
from ...diagram.fonts import register_reportlab_fonts, reportlab_font_name
from ...i18n import current_language, set_language, tr
from ...model.cancel import CancelToken
from ...model.cancel import check as check_cancel
from ...model.catalog import CatalogError, catalog_for
from ...model.commands import SetPropertyCommand
from ...model.errors import ModelError
from ...model.views import View
from ...storage.atomic import atomic_file
from .appendix import PrintedPart, appendix_story, element_type_label, relationship_type_label
from .blocks import APPROVAL_ROLES, TitleBlock, draw_text, draw_title_block
from .cover import (
    continuation_rows,
    cover_contents_room,
    draw_contents_page,
    draw_cover,
    text_area,
)
from .draw import draw_scene, scene_boxes
from .inventory_appendix import inventory_appendix_story
from .numbered import NumberedCanvas
from .pagemap import (
    draw_overview_banner,
    draw_overview_grid,
    draw_page_map,
    page_map_height,
)
from .pages import (
    PageLayout,
    draw_assembly_marks,
    fit_placement,
    page_layout,
    page_size,
)
from .pdfa import SignatureField, finish_pdf
from .plan import DEFAULT_MIN_TEXT, DETAIL, OVERVIEW, Sheet, ViewPlan, fitting_paper, plan_view

log = logging.getLogger(__name__)

__all__ = [
    "DOSSIER_FIELDS",
    "ENGLISH_FIELDS",
    "DossierOptions",
    "DossierSummary",
    "catalog_concepts",
    "count_pages",
    "dossier_language",
    "dossier_bytes",
    "dossier_commands",
    "dossier_fields",
    "effective_fields",
    "plan_dossier",
    "property_key",
    "select_views",
    "set_dossier_fields",
    "write_dossier",
]

#: The dossier's fields, in the order a dialog shows them.
DOSSIER_FIELDS: tuple[str, ...] = (
    "agency", "issuer", "title", "version", "place", "date", "prepared_by", "checked_by",
    "approved_by", "decision",
)
#: Fields that have an English form, stored as ``dossier:<field>:en``.
ENGLISH_FIELDS: tuple[str, ...] = (
    "agency", "issuer", "title", "place", "prepared_by", "checked_by", "approved_by",
    "decision",
)
#: Fields that show the untranslated mark in an English dossier when they have no
#: English form (the bodies and the title; a person's name or a place is not translated).
MARKED_FIELDS = ("agency", "issuer", "title")
PROPERTY_PREFIX = "dossier:"
FOOTER_SIZE = 8.0


def _field_names() -> tuple[str, ...]:
    return DOSSIER_FIELDS + tuple(f"{name}:en" for name in ENGLISH_FIELDS)


def property_key(field_name: str) -> str:
    """The model property that stores a dossier field ("title" -> "dossier:title",
    "title:en" -> "dossier:title:en")."""
    if field_name not in _field_names():
        raise ValueError(f"unknown dossier field {field_name!r}")
    return PROPERTY_PREFIX + field_name


def dossier_fields(model) -> dict[str, str]:
    """The dossier fields as stored in the model's properties ("" when not set), the
    English forms under ``"<field>:en"``."""
    props = dict(model.properties)
    return {name: props.get(property_key(name), "") for name in _field_names()}


def dossier_commands(model, fields: dict[str, str]) -> list[SetPropertyCommand]:
    """The property edits that store ``fields`` (only those that change; an empty value
    removes the property). The window pushes them on its undo stack."""
    current = dossier_fields(model)
    commands = []
    for name in _field_names():
        if name not in fields:
            continue
        value = (fields[name] or "").strip()
        if value != current[name]:
            commands.append(SetPropertyCommand(model.id, property_key(name), value or None))
    return commands


def set_dossier_fields(model, fields: dict[str, str]) -> list[SetPropertyCommand]:
    """Store ``fields`` in the model (each change as an undoable command, executed);
    returns the commands executed."""
    commands = dossier_commands(model, fields)
    for command in commands:
        model.execute(command)
    return commands


def effective_fields(model, lang: str | None = None) -> dict[str, str]:
    """The fields a dossier in ``lang`` prints: in English the English forms, else the
    stored text with the untranslated mark on the bodies and title; the title defaults to
    the model's name in ``lang`` and the date to today."""
    lang = lang or current_language()
    stored = dossier_fields(model)
    fields = {name: stored[name] for name in DOSSIER_FIELDS}
    if lang != MODEL_LANGUAGE:
        for name in ENGLISH_FIELDS:
            translated = stored.get(f"{name}:{lang}", "")
            if not translated and name == "title" and fields["title"]:
                translated = model.names.get(lang, "")  # the model's own name in lang
            if translated:
                fields[name] = translated
            elif name in MARKED_FIELDS and fields[name]:
                fields[name] = f"{fields[name]} {UNTRANSLATED_MARK}"
    if not fields["title"]:
        fields["title"] = localized_name(model.names, model.name, lang,
                                         lang != MODEL_LANGUAGE)
    if not fields["date"]:
        fields["date"] = _dt.date.today().strftime(tr("%Y-%m-%d"))
    fields["framework"] = framework_statement(model, lang)
    return fields


def framework_statement(model, lang: str) -> str:
    """The framework the architecture follows, as the cover says it: its profile's title
    and decisions, and for a superseded framework that it is kept as an archive ("" when
    the model's profile is not loaded here)."""
    try:
        profile = catalog_for(model).profile
    except CatalogError:
        return ""
    if profile is None:
        return ""
    # The decisions' numbers are Vietnamese (QĐ …): an English dossier names the framework
    # by its English title only, as it writes every other word in English.
    decisions = ", ".join(d.number for d in profile.decisions
                          if d.role == "framework") if lang == MODEL_LANGUAGE else ""
    text = f"{profile.title(lang)} ({decisions})" if decisions else profile.title(lang)
    if profile.status == "superseded":
        text = tr("{framework}, superseded: kept as an archive", framework=text,
                  language=lang)
    return text


@dataclass
class DossierOptions:
    """How to print: paper A4..A0, orientation, fit to one page or tile at full size,
    language ("vi"/"en"; ``None`` = the interface's), which views (ids or names; ``None`` =
    every view, in the model's order), whether to add the cover and the appendices, the
    smallest text a diagram page may print (points; 0 = fit every view on one page
    whatever its text size), PDF/A-2b, and signature fields in the approval boxes."""

    paper: str = "A3"
    orientation: str = "landscape"
    tile: bool = False
    lang: str | None = None
    views: list[str] | None = None
    cover: bool = True
    appendix: bool = True
    min_text: float = DEFAULT_MIN_TEXT
    pdfa: bool = True
    signature_fields: bool = True


@dataclass
class DossierSummary:
    """What a dossier will be, known before it is written (the export dialog shows it):
    its pages, the smallest text on its diagram pages meant for reading (overview pages
    excepted), the views that get an overview and detail pages, and the paper on which
    every view would fit one page readably (``None`` when A0 is too small or no view
    needs details)."""

    pages: int
    smallest_text: float | None = None
    detailed_views: list[str] = field(default_factory=list)
    fitting_paper: tuple[str, str] | None = None
    signature_page: int | None = None


def select_views(model, wanted: list[str] | None) -> list[View]:
    """The views to print, by id or name, in the order asked; a clear error names a view
    that does not exist."""
    if wanted is None:
        return list(model.views)
    views = []
    for key in wanted:
        if model.has_view(key):
            views.append(model.view(key))
        else:
            views.append(model.view_by_name(key))  # raises with the name when unknown
    return views


# --- pages -----------------------------------------------------------------------------

@dataclass
class _ViewSheets:
    view: View
    name: str
    scene: Scene
    plan: ViewPlan
    first_page: int = 0
    _boxes: list | None = None

    def boxes(self) -> list:
        """The scene's item boxes, worked out once for all of its detail pages."""
        if self._boxes is None:
            self._boxes = scene_boxes(self.scene)
        return self._boxes

    def page_of(self, sheet: Sheet) -> int:
        return self.first_page + self.plan.sheets.index(sheet)


class _DiagramPage(Flowable):
    """One diagram page: the diagram (fitted, as an overview, or one detail), legend,
    page map, title block, bookmarks."""

    def __init__(self, item: _ViewSheets, sheet: Sheet, layout: PageLayout,
                 block: TitleBlock, legend: Scene | None,
                 bookmarks: list[tuple[str, str, int]], description: str = "",
                 signature_areas: dict[str, tuple] | None = None) -> None:
        super().__init__()
        self.item, self.sheet, self.layout, self.block = item, sheet, layout, block
        self.legend, self.bookmarks, self.description = legend, bookmarks, description
        self.signature_areas = signature_areas  # filled with the approval boxes' areas

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (available_width, available_height)

    def _diagram(self, canvas) -> None:
        scene, sheet = self.item.scene, self.sheet
        dx, dy, dw, dh = self.layout.diagram
        details = self.item.plan.details
        pages = [self.item.page_of(s) for s in details]
        if sheet.kind == DETAIL:
            draw_scene(canvas, scene, dx, dy + dh, sheet.scale, region=sheet.region,
                       boxes=self.item.boxes())
            draw_assembly_marks(canvas, self.layout.diagram, _tile_of(sheet))
            return
        box = self.layout.diagram
        if sheet.kind == OVERVIEW:
            band = 2 * 9.0 * 1.25 + 12
            box = (dx, dy, dw, dh - band)
        _, _, sw, sh = scene.bounds
        left, top, scale = fit_placement(sw, sh, box)
        draw_scene(canvas, scene, left, top, scale)
        if sheet.kind == OVERVIEW:
            draw_overview_grid(canvas, scene.bounds, left, top, scale, details, pages, box)
            draw_overview_banner(canvas, self.layout.diagram, pages[0], pages[-1],
                                 self.item.plan.smallest)

    def draw(self) -> None:
        canvas = self.canv
        for key, title, level in self.bookmarks:
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=level, closed=False)
        dx, dy, dw, dh = self.layout.diagram
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
        canvas.rect(dx, dy, dw, dh)
        lx, ly, lw, lh = self.layout.legend
        canvas.rect(lx, ly, lw, lh)
        canvas.restoreState()
        self._diagram(canvas)
        scene = self.item.scene
        map_h = 0.0
        if self.sheet.kind == DETAIL:
            details = self.item.plan.details
            map_h = page_map_height(lw, scene.bounds, details)
            draw_page_map(canvas, lx, ly + map_h, lw, scene.bounds, details,
                          [self.item.page_of(s) for s in details], self.sheet)
            canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
            canvas.line(lx + 4, ly + map_h + 2, lx + lw - 4, ly + map_h + 2)
        used = 0.0
        room_h = lh - map_h - 4
        if self.legend is not None:
            _, _, gw, gh = self.legend.bounds
            scale = min(1.0, lw / gw, room_h / gh)
            draw_scene(canvas, self.legend, lx, ly + lh, scale)
            used = gh * scale
        room = room_h - used - 12
        if self.description and room > 40:
            # the view's documentation, so the page reads without the tool
            top = ly + lh - used - 6
            canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
            canvas.line(lx + 4, top, lx + lw - 4, top)
            draw_text(canvas, lx + 4, top - 3, lw - 8, 12, tr("Description"), 9.0, True)
            draw_text(canvas, lx + 4, top - 17, lw - 8, room - 20, self.description, 7.5)
        if not scene.items:
            draw_text(canvas, dx, dy + dh / 2 + 10, dw, 20, tr("(empty diagram)"), 12,
                      align="center", color=(0.5, 0.5, 0.5))
        areas = draw_title_block(canvas, self.layout.title_block, self.block)
        if self.signature_areas is not None:
            self.signature_areas.update(areas)


def _tile_of(sheet: Sheet):
    from .pages import Tile

    assert sheet.region is not None
    return Tile(sheet.row, sheet.col, sheet.rows, sheet.cols, sheet.region)


class _CoverPage(Flowable):
    def __init__(self, width: float, height: float, fields: dict[str, str],
                 contents: list[tuple[str, int]]) -> None:
        super().__init__()
        self.page_w, self.page_h, self.fields, self.contents = width, height, fields, contents

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (available_width, available_height)

    def draw(self) -> None:
        self.canv.bookmarkPage("cover")
        self.canv.addOutlineEntry(tr("Cover"), "cover", level=0)
        draw_cover(self.canv, self.page_w, self.page_h, self.fields, self.contents)


class _ContentsPage(Flowable):
    """A page that continues the cover's contents."""

    def __init__(self, width: float, height: float,
                 contents: list[tuple[str, int]]) -> None:
        super().__init__()
        self.page_w, self.page_h, self.contents = width, height, contents

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (available_width, available_height)

    def draw(self) -> None:
        draw_contents_page(self.canv, self.page_w, self.page_h, self.contents)


def _view_name(view: View, lang: str) -> str:
    return localized_name(view.names, view.name, lang, lang != MODEL_LANGUAGE) \
        or tr("(unnamed view)")


def _footer(canvas, doc) -> None:
    """Text pages: the document title on the left, "page n of m" on the right, within
    the NĐ 30 margins."""
    width, height = doc.pagesize
    left, bottom, inner_w, _ = text_area(width, height)
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.line(left, bottom + 12, left + inner_w, bottom + 12)
    draw_text(canvas, left, bottom + 10, inner_w * 0.6, 12, doc.title or "", FOOTER_SIZE,
              color=(0.3, 0.3, 0.3))
    canvas.page_number_slot(left + inner_w, bottom + 1, reportlab_font_name(False),
                            FOOTER_SIZE, "right")
    canvas.restoreState()


def _sheet_caption(sheet: Sheet) -> str:
    if sheet.kind == OVERVIEW:
        return tr("overview")
    if sheet.kind == DETAIL and sheet.rows * sheet.cols > 1:
        return tr("detail {sheet} (row {row} of {rows}, column {col} of {cols})",
                  sheet=sheet.label, row=sheet.row + 1, col=sheet.col + 1, rows=sheet.rows,
                  cols=sheet.cols)
    return ""


def _legend(scene: Scene, width: float, lang: str) -> Scene:
    labels = {t: element_type_label(t, lang) for t in scene.element_types}
    labels.update({r: relationship_type_label(r, lang) for r in scene.relationship_types})
    note = ""
    if scene.untranslated:
        note = tr("{mark} not translated in the model; shown as written in Vietnamese",
                  mark=UNTRANSLATED_MARK)
    access = scene.access_types[0] if scene.access_types else None
    return legend_scene(scene.element_types, scene.relationship_types, width, labels,
                        tr("Legend"), access, note)


@dataclass
class _Built:
    pages: int
    summary: DossierSummary
    signature_fields: list[SignatureField]


def _build(model, target, options: DossierOptions, draw: bool = True,
           cancel: CancelToken | None = None) -> _Built:
    """Lay out (and with ``draw`` paint) the dossier into ``target``; ``cancel`` is
    checked after each view is laid out and each piece of the story is placed."""
    register_reportlab_fonts()
    lang = options.lang or current_language()
    width, height = page_size(options.paper, options.orientation)
    layout = page_layout(width, height)
    views = select_views(model, options.views)
    fields = effective_fields(model, lang)
    mark = lang != MODEL_LANGUAGE

    items = []
    for view in views:
        check_cancel(cancel)
        scene = build_scene(model, view, lang, mark)
        items.append(_ViewSheets(view, _view_name(view, lang), scene,
                                 plan_view(scene, layout, options.min_text, options.tile)))

    entries = len(items) + (1 if options.appendix else 0)
    continuation: list[int] = []  # entries per continuation page
    room = cover_contents_room(width, height, fields) if options.cover else entries
    if options.cover and entries > room:
        per_page = max(1, continuation_rows(width, height))
        left = entries - room
        continuation = [per_page] * math.ceil(left / per_page)
    page = (1 + len(continuation) + 1) if options.cover else 1
    contents: list[tuple[str, int]] = []
    for item in items:
        item.first_page = page
        contents.append((item.name, page))
        page += len(item.plan.sheets)
    if options.appendix:
        contents.append((tr("Appendices"), page))

    summary = DossierSummary(pages=0)
    readable = [i.plan.smallest for i in items if i.plan.smallest is not None]
    summary.smallest_text = min(readable) if readable else None
    summary.detailed_views = [i.name for i in items if i.plan.details and not options.tile]
    if summary.detailed_views and options.min_text > 0:
        summary.fitting_paper = fitting_paper([i.scene for i in items], options.min_text,
                                              options.orientation)

    story: list[Flowable] = []
    if options.cover:
        story += [_CoverPage(width, height, fields, contents[:room] if draw else [])]
        start = room
        for count in continuation:
            story += [PageBreak(), _ContentsPage(width, height,
                                                 contents[start:start + count])]
            start += count
        story += [NextPageTemplate("diagram"), PageBreak()]
    signature_areas: dict[str, tuple] = {}
    for index, item in enumerate(items):
        legend = _legend(item.scene, layout.legend[2], lang) if draw else None
        for n, sheet in enumerate(item.plan.sheets):
            block = TitleBlock(fields["agency"], fields["title"], item.name,
                               fields["version"], fields["date"], fields["prepared_by"],
                               fields["checked_by"], fields["approved_by"],
                               _sheet_caption(sheet))
            marks = []
            if n == 0:
                if index == 0:
                    marks.append(("diagrams", tr("Diagrams"), 0))
                marks.append((f"view-{index}", item.name, 1))
            description = item.view.documentations.get(lang) or (
                item.view.documentation if lang == MODEL_LANGUAGE
                or not item.view.documentations else "")
            story.append(_DiagramPage(item, sheet, layout, block, legend, marks,
                                      description,
                                      signature_areas if (index, n) == (0, 0) else None))
            story.append(PageBreak())
    if items:
        summary.signature_page = items[0].first_page
    if options.appendix:
        if story and isinstance(story[-1], PageBreak):
            story.pop()
        story += [NextPageTemplate("appendix"), PageBreak()] if story else []
        from ...model.validation import validate_model as validate

        elements, relationships = catalog_concepts(model, options, views)
        _, _, frame_w, _ = text_area(width, height)
        problems = validate(model)
        printed = None
        if options.views is not None:  # chosen views: the appendices are about them
            printed = PrintedPart(frozenset([*(e.id for e in elements),
                                             *(r.id for r in relationships),
                                             *(v.id for v in views)]),
                                  len(views), problems)
            problems = [p for p in problems if printed.concerns(p)]
        story += appendix_story(model, elements, relationships, problems, frame_w, lang,
                                printed)
        story += inventory_appendix_story(model, frame_w, lang,
                                          printed.ids if printed else None)
    elif story and isinstance(story[-1], PageBreak):
        story.pop()
    if not story:
        raise ModelError(tr("Nothing to print: no views selected and no appendices"))

    whole = Frame(0, 0, width, height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="whole")
    text_left, bottom, inner_w, top = text_area(width, height)
    text = Frame(text_left, bottom + 18, inner_w, top - bottom - 18, leftPadding=0,
                 rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    templates = [PageTemplate("diagram", [whole]), PageTemplate("appendix", [text],
                                                                onPage=_footer)]
    if options.cover:
        templates.insert(0, PageTemplate("cover", [whole]))
    elif not views:
        templates.insert(0, templates.pop(1))  # appendix only: start with its template
    doc = BaseDocTemplate(
        target, pagesize=(width, height), title=fields["title"],
        author=fields["prepared_by"] or fields["agency"],
        subject=tr("e-Government architecture approval dossier"),
        creator="egov-modeler", lang=lang, pageTemplates=templates,
        leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0,
        initialFontName=reportlab_font_name(False),  # no unembedded Helvetica in the file
    )
    made: list[NumberedCanvas] = []

    def canvas_maker(*args, **kwargs) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, **kwargs)
        canvas.page_label = lambda n, m: tr("Page {n} of {m}", n=n, m=m)
        canvas.setPageCompression(1)
        made.append(canvas)
        return canvas

    if cancel is not None:
        doc.afterFlowable = lambda _flowable: cancel.check()
    doc.build(story, canvasmaker=canvas_maker)
    made[-1].showOutline()
    summary.pages = made[-1].total_pages
    signature_fields = []
    if options.signature_fields and summary.signature_page and signature_areas:
        for role, caption in APPROVAL_ROLES:
            if role in signature_areas:
                signature_fields.append(SignatureField(role, tr(caption),
                                                       summary.signature_page - 1,
                                                       signature_areas[role]))
    return _Built(summary.pages, summary, signature_fields)


def catalog_concepts(model, options: DossierOptions, views: list[View]):
    """Elements and relationships for the appendix: all of them for the whole model, else
    those the printed views show."""
    if options.views is None:
        return list(model.elements), list(model.relationships)
    element_ids: dict[str, None] = {}
    relationship_ids: dict[str, None] = {}
    for view in views:
        for node in view.nodes.values():
            if node.element_id and model.has_element(node.element_id):
                element_ids[node.element_id] = None
        for connection in view.connections.values():
            rid = connection.relationship_id
            if rid and model.has_relationship(rid):
                relationship_ids[rid] = None
    return ([model.element(i) for i in element_ids],
            [model.relationship(i) for i in relationship_ids])


@contextlib.contextmanager
def dossier_language(lang: str | None) -> Iterator[None]:
    """Switch :func:`tr` to the dossier's language while it is built, then back."""
    previous = current_language()
    if lang:
        set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def plan_dossier(model, options: DossierOptions, cancel: CancelToken | None = None
                 ) -> DossierSummary:
    """What :func:`write_dossier` would write (pages, smallest text, views that get
    details, a paper that would fit), without writing a file: the diagrams are laid out
    but not painted. Quick enough for a live dialog on a provincial model; the appendices
    of a national one take as long to lay out as to print (seconds), hence ``cancel``."""
    with dossier_language(options.lang):
        return _build(model, io.BytesIO(), options, draw=False, cancel=cancel).summary


def count_pages(model, options: DossierOptions) -> int:
    """How many pages :func:`write_dossier` would write."""
    return plan_dossier(model, options).pages


def dossier_bytes(model, options: DossierOptions | None = None,
                  cancel: CancelToken | None = None) -> tuple[bytes, int]:
    """The dossier PDF in memory and its page count (the print preview prints these very
    pages); ``cancel`` may stop it (:class:`~egov_modeler.model.cancel.Cancelled`)."""
    options = options or DossierOptions()
    buffer = io.BytesIO()
    with dossier_language(options.lang):
        built = _build(model, buffer, options, cancel=cancel)
    check_cancel(cancel)
    return finish_pdf(buffer.getvalue(), options.pdfa, built.signature_fields), built.pages


def write_dossier(model, path: str | os.PathLike, options: DossierOptions | None = None,
                  cancel: CancelToken | None = None) -> int:
    """Write the dossier PDF to ``path`` atomically (a failure or a stop through
    ``cancel`` leaves any old file as it was); returns the number of pages."""
    data, pages = dossier_bytes(model, options, cancel)
    with atomic_file(path) as handle:
        handle.write(data)
    log.info("wrote %s: %d pages", path, pages)
    return pages
