"""The approval dossier (hồ sơ trình phê duyệt) as one PDF.

Contents, in order: a cover page; for each view one page (fitted) or several (tiled), each
with the diagram as vectors, a legend of the notation it uses and a title block; then the
appendices (element catalog, relationships, validation summary). Every page but the cover
carries "page n of m"; the PDF has title/author/subject metadata and bookmarks for every
view and appendix. All captions go through :func:`~egov_modeler.i18n.tr` in the dossier's
language; element names use :meth:`Element.name_in`.

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
import os
from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from ...diagram.display_list import Scene, build_scene, legend_scene, view_bounds
from ...diagram.fonts import register_reportlab_fonts, reportlab_font_name
from ...i18n import current_language, set_language, tr
from ...model.commands import SetPropertyCommand
from ...model.errors import ModelError
from ...model.views import View
from ...storage.atomic import atomic_file
from .appendix import appendix_story, element_type_label, relationship_type_label
from .blocks import TitleBlock, draw_text, draw_title_block
from .cover import draw_cover
from .draw import draw_scene
from .numbered import NumberedCanvas
from .pages import (
    MARGIN,
    PageLayout,
    Tile,
    draw_assembly_marks,
    fit_placement,
    page_layout,
    page_size,
    tiles_for,
)

log = logging.getLogger(__name__)

__all__ = [
    "DOSSIER_FIELDS",
    "DossierOptions",
    "count_pages",
    "dossier_commands",
    "dossier_fields",
    "property_key",
    "select_views",
    "set_dossier_fields",
    "write_dossier",
]

#: The dossier's fields, in the order a dialog shows them.
DOSSIER_FIELDS: tuple[str, ...] = (
    "agency", "issuer", "title", "version", "place", "date", "prepared_by", "checked_by",
    "approved_by",
)
PROPERTY_PREFIX = "dossier:"
FOOTER_SIZE = 8.0


def property_key(field_name: str) -> str:
    """The model property that stores a dossier field ("title" -> "dossier:title")."""
    if field_name not in DOSSIER_FIELDS:
        raise ValueError(f"unknown dossier field {field_name!r}")
    return PROPERTY_PREFIX + field_name


def dossier_fields(model) -> dict[str, str]:
    """The dossier fields as stored in the model's properties ("" when not set)."""
    props = dict(model.properties)
    return {name: props.get(property_key(name), "") for name in DOSSIER_FIELDS}


def dossier_commands(model, fields: dict[str, str]) -> list[SetPropertyCommand]:
    """The property edits that store ``fields`` (only those that change; an empty value
    removes the property). The window pushes them on its undo stack."""
    current = dossier_fields(model)
    commands = []
    for name in DOSSIER_FIELDS:
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


def _effective_fields(model) -> dict[str, str]:
    """Stored fields with the defaults a printed dossier needs (title, date)."""
    fields = dossier_fields(model)
    if not fields["title"]:
        fields["title"] = model.names.get(current_language()) or model.name
    if not fields["date"]:
        fields["date"] = _dt.date.today().strftime(tr("%Y-%m-%d"))
    return fields


@dataclass
class DossierOptions:
    """How to print: paper A4..A0, orientation, fit to one page or tile at full size,
    language ("vi"/"en"; ``None`` = the interface's), which views (ids or names; ``None`` =
    every view, in the model's order) and whether to add the cover and the appendices."""

    paper: str = "A3"
    orientation: str = "landscape"
    tile: bool = False
    lang: str | None = None
    views: list[str] | None = None
    cover: bool = True
    appendix: bool = True


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

class _DiagramPage(Flowable):
    """One diagram page: diagram (or one tile of it), legend, title block, bookmarks."""

    def __init__(self, scene: Scene | None, layout: PageLayout, block: TitleBlock,
                 legend: Scene | None, tile: Tile | None,
                 bookmarks: list[tuple[str, str, int]], description: str = "") -> None:
        super().__init__()
        self.scene, self.layout, self.block = scene, layout, block
        self.legend, self.tile, self.bookmarks = legend, tile, bookmarks
        self.description = description

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (available_width, available_height)

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
        if self.scene is not None:
            if self.tile is None:
                _, _, sw, sh = self.scene.bounds
                left, top, scale = fit_placement(sw, sh, self.layout.diagram)
                draw_scene(canvas, self.scene, left, top, scale)
            else:
                draw_scene(canvas, self.scene, dx, dy + dh, 1.0, region=self.tile.region)
                draw_assembly_marks(canvas, self.layout.diagram, self.tile)
            used = 0.0
            if self.legend is not None:
                _, _, gw, gh = self.legend.bounds
                scale = min(1.0, lw / gw, lh / gh)
                draw_scene(canvas, self.legend, lx, ly + lh, scale)
                used = gh * scale
            room = lh - used - 12
            if self.description and room > 40:
                # the view's documentation, so the page reads without the tool
                top = ly + lh - used - 6
                canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
                canvas.line(lx + 4, top, lx + lw - 4, top)
                draw_text(canvas, lx + 4, top - 3, lw - 8, 12, tr("Description"), 9.0, True)
                draw_text(canvas, lx + 4, top - 17, lw - 8, room - 20, self.description,
                          7.5)
            if not self.scene.items:
                draw_text(canvas, dx, dy + dh / 2 + 10, dw, 20, tr("(empty diagram)"), 12,
                          align="center", color=(0.5, 0.5, 0.5))
        draw_title_block(canvas, self.layout.title_block, self.block)


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


def _view_name(view: View, lang: str) -> str:
    return view.names.get(lang) or view.name or tr("(unnamed view)")


def _view_tiles(view: View, layout: PageLayout, tile: bool) -> list[Tile | None]:
    if not tile:
        return [None]
    _, _, dw, dh = layout.diagram
    return list(tiles_for(view_bounds(view), dw, dh))


def _footer(canvas, doc) -> None:
    """Appendix pages: the document title on the left, "page n of m" on the right."""
    width = doc.pagesize[0]
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, MARGIN + 12, width - MARGIN, MARGIN + 12)
    draw_text(canvas, MARGIN, MARGIN + 10, width * 0.6, 12, doc.title or "", FOOTER_SIZE,
              color=(0.3, 0.3, 0.3))
    canvas.page_number_slot(width - MARGIN, MARGIN + 1, reportlab_font_name(False),
                            FOOTER_SIZE, "right")
    canvas.restoreState()


def _build(model, target, options: DossierOptions, draw: bool = True) -> int:
    """Lay out (and with ``draw`` paint) the dossier into ``target``; returns page count."""
    register_reportlab_fonts()
    lang = options.lang or current_language()
    width, height = page_size(options.paper, options.orientation)
    layout = page_layout(width, height)
    views = select_views(model, options.views)
    fields = _effective_fields(model)

    view_tiles = [(view, _view_tiles(view, layout, options.tile)) for view in views]
    first_page = 2 if options.cover else 1
    contents: list[tuple[str, int]] = []
    page = first_page
    for view, tiles in view_tiles:
        contents.append((_view_name(view, lang), page))
        page += len(tiles)
    if options.appendix:
        contents.append((tr("Appendices"), page))

    story: list[Flowable] = []
    if options.cover:
        story += [_CoverPage(width, height, fields, contents if draw else []),
                  NextPageTemplate("diagram"), PageBreak()]
    for index, (view, tiles) in enumerate(view_tiles):
        scene = build_scene(model, view, lang) if draw else None
        legend = None
        if scene is not None:
            labels = {t: element_type_label(t, lang) for t in scene.element_types}
            labels.update({r: relationship_type_label(r, lang)
                           for r in scene.relationship_types})
            legend = legend_scene(scene.element_types, scene.relationship_types,
                                  layout.legend[2], labels, tr("Legend"))
        for n, tile in enumerate(tiles):
            sheet = ""
            if tile is not None and len(tiles) > 1:
                sheet = tr("sheet {n} of {total} (row {row}, column {col})", n=n + 1,
                           total=len(tiles), row=tile.row + 1, col=tile.col + 1)
            block = TitleBlock(fields["agency"], fields["title"], _view_name(view, lang),
                               fields["version"], fields["date"], fields["prepared_by"],
                               fields["checked_by"], fields["approved_by"], sheet)
            marks = []
            if n == 0:
                if index == 0:
                    marks.append(("diagrams", tr("Diagrams"), 0))
                marks.append((f"view-{index}", _view_name(view, lang), 1))
            description = view.documentations.get(lang) or view.documentation
            story.append(_DiagramPage(scene, layout, block, legend, tile, marks,
                                      description))
            story.append(PageBreak())
    if options.appendix:
        if story and isinstance(story[-1], PageBreak):
            story.pop()
        story += [NextPageTemplate("appendix"), PageBreak()] if story else []
        from ...model.validation import validate_model as validate

        elements, relationships = _catalog_concepts(model, options, views)
        frame_w = width - 2 * MARGIN
        story += appendix_story(model, elements, relationships, validate(model), frame_w,
                                lang)
    elif story and isinstance(story[-1], PageBreak):
        story.pop()
    if not story:
        raise ModelError(tr("Nothing to print: no views selected and no appendices"))

    whole = Frame(0, 0, width, height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="whole")
    text = Frame(MARGIN, MARGIN + 18, width - 2 * MARGIN, height - 2 * MARGIN - 18,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
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

    doc.build(story, canvasmaker=canvas_maker)
    made[-1].showOutline()
    return made[-1].total_pages


def _catalog_concepts(model, options: DossierOptions, views: list[View]):
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
def _language(lang: str | None) -> Iterator[None]:
    """Switch :func:`tr` to the dossier's language while it is built, then back."""
    previous = current_language()
    if lang:
        set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def count_pages(model, options: DossierOptions) -> int:
    """How many pages :func:`write_dossier` would write, without writing a file (the
    diagrams are laid out but not painted, so this is quick enough for a live dialog)."""
    with _language(options.lang):
        return _build(model, io.BytesIO(), options, draw=False)


def write_dossier(model, path: str | os.PathLike, options: DossierOptions | None = None
                  ) -> int:
    """Write the dossier PDF to ``path`` atomically (a failure leaves any old file as it
    was); returns the number of pages."""
    options = options or DossierOptions()
    with _language(options.lang), atomic_file(path) as handle:
        pages = _build(model, handle, options)
    log.info("wrote %s: %d pages", path, pages)
    return pages
