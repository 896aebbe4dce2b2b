"""The fixed furniture of dossier pages: text in a box and the title block (the cover is
in :mod:`.cover`).

Free text is placed with :func:`~egov_modeler.diagram.text_layout.layout_lines`, the same
fitting as diagram names. Title-block values (a date, a person's or an agency's name) are
fitted by :func:`fit_field`: they shrink within limits, then take a second line broken
between words, so "29/11/2026" never becomes "29/11/202" over "6" and no name is cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...diagram.fonts import printable, register_reportlab_fonts, reportlab_font_name
from ...diagram.text_layout import (
    fit_text,
    font_ascent,
    layout_lines,
    line_height,
    text_width,
    wrap_text,
)
from ...i18n import tr

__all__ = [
    "APPROVAL_ROLES",
    "TitleBlock",
    "draw_field",
    "draw_text",
    "draw_title_block",
    "fit_field",
    "title_block_height",
]

Box = tuple[float, float, float, float]
CAPTION_SIZE = 6.0
#: A title-block value shrinks no further than this before it takes a second line.
MIN_FIELD_SIZE = 6.5
#: Pages narrower than this (portrait A4, 595 pt) get the three-row title block.
NARROW_PAGE = 700.0
TITLE_BLOCK_HEIGHT = 26 * 72 / 25.4
TITLE_BLOCK_NARROW_HEIGHT = 40 * 72 / 25.4
GREY = (0.35, 0.35, 0.35)


def draw_text(canvas, x: float, top: float, w: float, h: float, text: str, size: float,
              bold: bool = False, align: str = "left", valign: str = "top",
              color: tuple[float, float, float] = (0, 0, 0)) -> float:
    """Fit ``text`` in the box whose top-left is ``(x, top)`` (page points, y up); returns
    the size used."""
    size, placed = layout_lines(text, (0.0, 0.0, w, h), size, bold, align, valign)
    if not placed:
        return size
    canvas.setFont(reportlab_font_name(bold), size)
    canvas.setFillColorRGB(*color)
    for lx, baseline, line in placed:
        canvas.drawString(x + lx, top - baseline, line)
    return size


def fit_field(text: str, w: float, h: float, size: float, bold: bool = False,
              min_size: float = MIN_FIELD_SIZE) -> tuple[float, list[str]]:
    """How a title-block value fits its cell: on one line, shrunk from ``size`` down to
    ``min_size`` if it must; then on two lines broken between words, shrunk the same
    way; never a word cut in two nor a letter lost. Only a value too long for two lines
    at ``min_size`` (a paragraph typed as a name) falls back to the ellipsis of
    :func:`~egov_modeler.diagram.text_layout.fit_text`."""
    text = printable(" ".join((text or "").split()))
    if not text or w <= 0:
        return size, []
    steps = [size - 0.5 * i for i in range(int((size - min_size) / 0.5) + 1)]
    for s in steps:
        if text_width(text, s, bold) <= w and line_height(s) <= h + 1e-6:
            return s, [text]
    for s in steps:
        words_fit = all(text_width(word, s, bold) <= w for word in text.split())
        lines = wrap_text(text, s, w, bold) if words_fit else []
        if words_fit and len(lines) <= 2 and len(lines) * line_height(s) <= h + 1e-6:
            return s, lines
    return fit_text(text, min_size, w, h, min_size, bold)


def draw_field(canvas, x: float, top: float, w: float, h: float, text: str, size: float,
               bold: bool = False, align: str = "left", valign: str = "top") -> float:
    """Draw a value fitted by :func:`fit_field` in the box with top-left ``(x, top)``;
    returns the size used."""
    size, lines = fit_field(text, w, h, size, bold)
    if not lines:
        return size
    step = line_height(size)
    ascent = font_ascent(size, bold)
    offset = max(0.0, (h - step * len(lines)) / 2) if valign == "middle" else 0.0
    canvas.setFont(reportlab_font_name(bold), size)
    canvas.setFillColorRGB(0, 0, 0)
    for i, line in enumerate(lines):
        baseline = top - offset - i * step - (step - size) / 2 - ascent
        lw = text_width(line, size, bold)
        left = x + (w - lw) / 2 if align == "center" else x
        canvas.drawString(left, baseline, line)
    return size


def _cell(canvas, box: Box, caption: str, value: str, size: float = 9.0,
          bold: bool = False, valign: str = "top") -> None:
    x, y, w, h = box
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    top = y + h
    draw_text(canvas, x + 3, top - 2, w - 6, CAPTION_SIZE * 1.25, caption, CAPTION_SIZE,
              color=GREY)
    body_top = top - 2 - CAPTION_SIZE * 1.3
    draw_field(canvas, x + 3, body_top, w - 6, body_top - y - 2, value, size, bold,
               valign=valign)


@dataclass(frozen=True)
class TitleBlock:
    """What a diagram page's title block says (already in the dossier's language)."""

    agency: str
    project: str
    view_name: str
    version: str
    date: str
    prepared_by: str
    checked_by: str
    approved_by: str
    sheet: str = ""  # "detail A2 (row 1, column 2)" for a detail sheet; empty otherwise


#: The three approval boxes, in order: role key (also the signature field's name) and
#: caption. The signature fields of a signed dossier carry these names.
APPROVAL_ROLES: tuple[tuple[str, str], ...] = (
    ("preparer", "Prepared by"), ("checker", "Checked by"), ("approver", "Approved by"))


def title_block_height(width: float) -> float:
    """Height of the title block on a page ``width`` points wide: narrow (portrait A4)
    pages stack it in three rows so no value is squeezed into a sliver of a cell."""
    return TITLE_BLOCK_NARROW_HEIGHT if width < NARROW_PAGE else TITLE_BLOCK_HEIGHT


def draw_title_block(canvas, box: Box, block: TitleBlock) -> dict[str, Box]:
    """The title block along the bottom of a diagram page; returns the signature area
    of each approval box by role (page points), where a signature field can go.

    Wide pages: agency over project on the left; view (and detail) over version, date,
    page in the middle; prepared / checked / approved on the right, each with room for a
    signature above the name. Narrow pages: the same cells in three rows. The page number
    is left to the :class:`~.numbered.NumberedCanvas` (it is not known yet).
    """
    register_reportlab_fonts()
    x, y, w, h = box
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setStrokeColorRGB(0, 0, 0)
    view_text = block.view_name + (f" — {block.sheet}" if block.sheet else "")
    if h >= TITLE_BLOCK_NARROW_HEIGHT - 1:  # the three-row block of narrow pages
        row = h / 4
        sign_box = (x, y, w, 2 * row)
        left_w = w * 0.45
        _cell(canvas, (x, y + 3 * row, left_w, row), tr("Agency"), block.agency)
        _cell(canvas, (x + left_w, y + 3 * row, w - left_w, row), tr("Diagram"), view_text,
              9.5, bold=True)
        _cell(canvas, (x, y + 2 * row, left_w, row), tr("Project"), block.project,
              bold=True)
        small = (x + left_w, y + 2 * row, w - left_w, row)
    else:
        half = h / 2
        left_w, mid_w = w * 0.32, w * 0.32
        sign_box = (x + left_w + mid_w, y, w - left_w - mid_w, h)
        _cell(canvas, (x, y + half, left_w, half), tr("Agency"), block.agency)
        _cell(canvas, (x, y, left_w, half), tr("Project"), block.project, bold=True)
        _cell(canvas, (x + left_w, y + half, mid_w, half), tr("Diagram"), view_text, 10.0,
              bold=True)
        small = (x + left_w, y, mid_w, half)
    sx, sy, sw, sh = small
    widths = (sw * 0.24, sw * 0.38, sw - sw * 0.24 - sw * 0.38)
    _cell(canvas, (sx, sy, widths[0], sh), tr("Version"), block.version)
    _cell(canvas, (sx + widths[0], sy, widths[1], sh), tr("Date"), block.date)
    page_x = sx + widths[0] + widths[1]
    _cell(canvas, (page_x, sy, widths[2], sh), tr("Page"), "")
    canvas.page_number_slot(page_x + 3, sy + sh / 2 - 6, reportlab_font_name(False), 9.0,
                            "left", max_width=widths[2] - 6)
    bx, by, bw, bh = sign_box
    sign_w = bw / 3
    areas: dict[str, Box] = {}
    names = (block.prepared_by, block.checked_by, block.approved_by)
    for i, ((role, caption), name) in enumerate(zip(APPROVAL_ROLES, names, strict=True)):
        cx = bx + i * sign_w
        _cell(canvas, (cx, by, sign_w, bh), tr(caption), "")
        # the name at the bottom (two lines at most), the space above it for the signature
        name_h = 2 * line_height(8.0) + 1
        draw_field(canvas, cx + 3, by + 2 + name_h, sign_w - 6, name_h, name, 8.0,
                   align="center", valign="middle")
        top = by + bh - 2 - CAPTION_SIZE * 1.3
        areas[role] = (cx + 2, by + name_h + 3, sign_w - 4, top - (by + name_h + 3))
    canvas.restoreState()
    return areas
