"""The fixed furniture of dossier pages: text in a box and the title block (the cover is
in :mod:`.cover`).

Text is placed with :func:`~egov_modeler.diagram.text_layout.layout_lines`, the same fitting
as diagram names, so nothing overflows its cell: long values shrink, then are cut with an
ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...diagram.fonts import register_reportlab_fonts, reportlab_font_name
from ...diagram.text_layout import layout_lines
from ...i18n import tr

__all__ = ["TitleBlock", "draw_text", "draw_title_block"]

Box = tuple[float, float, float, float]
CAPTION_SIZE = 6.0
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


def _cell(canvas, box: Box, caption: str, value: str, size: float = 9.0,
          bold: bool = False, valign: str = "top") -> None:
    x, y, w, h = box
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    top = y + h
    draw_text(canvas, x + 3, top - 2, w - 6, CAPTION_SIZE * 1.25, caption, CAPTION_SIZE,
              color=GREY)
    body_top = top - 2 - CAPTION_SIZE * 1.3
    draw_text(canvas, x + 3, body_top, w - 6, body_top - y - 2, value, size, bold,
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
    sheet: str = ""  # "row 1, column 2 of 2 × 3" for a tile; empty otherwise


def draw_title_block(canvas, box: Box, block: TitleBlock) -> None:
    """The title block along the bottom of a diagram page.

    Left: agency over project. Middle: view (and tile) over version, date, page. Right:
    prepared / checked / approved, each with room for a signature above the name. The page
    number is left to the :class:`~.numbered.NumberedCanvas` (it is not known yet).
    """
    register_reportlab_fonts()
    x, y, w, h = box
    half = h / 2
    left_w, mid_w = w * 0.36, w * 0.30
    right_w = w - left_w - mid_w
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setStrokeColorRGB(0, 0, 0)
    _cell(canvas, (x, y + half, left_w, half), tr("Agency"), block.agency)
    _cell(canvas, (x, y, left_w, half), tr("Project"), block.project, bold=True)
    mx = x + left_w
    view_text = block.view_name + (f" — {block.sheet}" if block.sheet else "")
    _cell(canvas, (mx, y + half, mid_w, half), tr("Diagram"), view_text, 10.0, bold=True)
    third = mid_w / 3
    _cell(canvas, (mx, y, third, half), tr("Version"), block.version)
    _cell(canvas, (mx + third, y, third, half), tr("Date"), block.date)
    _cell(canvas, (mx + 2 * third, y, mid_w - 2 * third, half), tr("Page"), "")
    canvas.page_number_slot(mx + 2 * third + 3, y + half / 2 - 4,
                            reportlab_font_name(False), 9.0, "left")
    rx = x + left_w + mid_w
    sign_w = right_w / 3
    for i, (caption, name) in enumerate((
            (tr("Prepared by"), block.prepared_by),
            (tr("Checked by"), block.checked_by),
            (tr("Approved by"), block.approved_by))):
        _cell(canvas, (rx + i * sign_w, y, sign_w, h), caption, "")
        # the name at the bottom, the space above it for the signature
        draw_text(canvas, rx + i * sign_w + 3, y + 14, sign_w - 6, 12, name, 8.0,
                  align="center")
    canvas.restoreState()

