"""How a reader finds their way between an overview sheet and its detail sheets.

The overview is the whole view fitted on one sheet, too small to read but right for
seeing the shape of the architecture; over it go the outlines of the detail sheets, each
named on the map ("A1", "B2": row letter, column number) with the page it is on, and a
banner says it is an overview and where the details are. Each detail sheet carries a small
page map in its legend column (the grid, its own cell filled) and assembly marks at its
edges (:func:`~.pages.draw_assembly_marks`), so the printed set can be put together.
"""

from __future__ import annotations

from ...diagram.fonts import reportlab_font_name
from ...diagram.text_layout import line_height, text_width
from ...i18n import tr
from .blocks import draw_field, draw_text
from .plan import Sheet

__all__ = ["PAGE_MAP_TEXT", "draw_overview_grid", "draw_overview_banner", "draw_page_map",
           "page_map_height"]

Box = tuple[float, float, float, float]
#: Size of the text on the maps: at the dossier's default minimum, never below it.
PAGE_MAP_TEXT = 7.0
GRID_COLOR = (0.05, 0.35, 0.75)


def _cell_label(canvas, x: float, top: float, text: str, size: float) -> None:
    """A label on white, top-left at ``(x, top)``."""
    width = text_width(text, size, True)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, top - line_height(size), width + 4, line_height(size), stroke=0, fill=1)
    canvas.setFillColorRGB(*GRID_COLOR)
    canvas.setFont(reportlab_font_name(True), size)
    canvas.drawString(x + 2, top - size, text)


def draw_overview_grid(canvas, bounds: Box, left: float, top: float, scale: float,
                       details: list[Sheet], pages: list[int], clip: Box) -> None:
    """Outline every detail sheet's region on the fitted overview (whose scene top-left
    is at page point ``(left, top)``), labelled with its grid name and page, within the
    diagram area ``clip``."""
    bx, by, _, _ = bounds
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(*clip)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setStrokeColorRGB(*GRID_COLOR)
    canvas.setLineWidth(0.8)
    canvas.setDash(4, 3)
    for sheet in details:
        assert sheet.region is not None
        rx, ry, rw, rh = sheet.region
        x = left + (rx - bx) * scale
        y = top - (ry - by) * scale
        canvas.rect(x, y - rh * scale, rw * scale, rh * scale, stroke=1, fill=0)
    canvas.setDash()
    for sheet, page in zip(details, pages, strict=True):
        assert sheet.region is not None
        rx, ry, _, _ = sheet.region
        x = max(left + (rx - bx) * scale, clip[0])
        y = min(top - (ry - by) * scale, clip[1] + clip[3])
        _cell_label(canvas, x + 2, y - 2,
                    tr("{sheet} · p. {page}", sheet=sheet.label, page=page), PAGE_MAP_TEXT)
    canvas.restoreState()


def draw_overview_banner(canvas, box: Box, first: int, last: int,
                         smallest: float | None) -> None:
    """The mark that makes an overview sheet an overview: at the top of the diagram area,
    what it is and on which pages its readable details are."""
    x, y, w, h = box
    text = tr("OVERVIEW — not for reading at this size; the details are on pages "
              "{first}–{last}", first=first, last=last)
    if smallest:
        text += tr(" (smallest text there {size} pt)", size=f"{smallest:.1f}")
    size = 9.0
    band = line_height(size) * 2 + 6
    canvas.saveState()
    canvas.setFillColorRGB(0.93, 0.96, 1.0)
    canvas.setStrokeColorRGB(*GRID_COLOR)
    canvas.setLineWidth(0.8)
    canvas.rect(x, y + h - band, w, band, stroke=1, fill=1)
    draw_field(canvas, x + 6, y + h - 3, w - 12, band - 6, text, size, True,
               align="center", valign="middle")
    canvas.restoreState()


def _extent(bounds: Box, details: list[Sheet]) -> Box:
    """The box the map shows: the view and every detail sheet's region around it."""
    boxes = [bounds] + [s.region for s in details if s.region is not None]
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return (x0, y0, x1 - x0, y1 - y0)


def page_map_height(width: float, bounds: Box, details: list[Sheet]) -> float:
    """Height of the page map :func:`draw_page_map` draws ``width`` wide."""
    _, _, bw, bh = _extent(bounds, details)
    map_w = width - 8
    return line_height(PAGE_MAP_TEXT) + 4 + min(map_w * bh / bw if bw else 0, 160) + 6


def draw_page_map(canvas, x: float, top: float, width: float, bounds: Box,
                  details: list[Sheet], pages: list[int], current: Sheet) -> float:
    """A small map of the detail grid, the current sheet filled, each cell with its page;
    returns the height used."""
    bx, by, bw, bh = _extent(bounds, details)
    draw_text(canvas, x + 4, top, width - 8, line_height(PAGE_MAP_TEXT) + 2, tr("Page map"),
              PAGE_MAP_TEXT, True)
    map_top = top - line_height(PAGE_MAP_TEXT) - 4
    map_w = width - 8
    scale = min(map_w / bw if bw else 1.0, 160 / bh if bh else 1.0)
    left = x + 4 + (map_w - bw * scale) / 2
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeColorRGB(*GRID_COLOR)
    for sheet in details:
        assert sheet.region is not None
        rx, ry, rw, rh = sheet.region
        cx = left + (rx - bx) * scale
        cy = map_top - (ry - by) * scale - rh * scale
        here = sheet == current
        canvas.setFillColorRGB(*((0.75, 0.85, 1.0) if here else (1, 1, 1)))
        canvas.rect(cx, cy, rw * scale, rh * scale, stroke=1, fill=1 if here else 0)
    for sheet, page in zip(details, pages, strict=True):
        assert sheet.region is not None
        rx, ry, rw, rh = sheet.region
        cx = left + (rx - bx) * scale
        cy = map_top - (ry - by) * scale
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(reportlab_font_name(False), PAGE_MAP_TEXT)
        label = f"{sheet.label} {tr('p. {page}', page=page)}"
        if text_width(label, PAGE_MAP_TEXT) > rw * scale - 2:
            label = sheet.label
        canvas.drawString(cx + 2, cy - PAGE_MAP_TEXT - 1, label)
    canvas.restoreState()
    return line_height(PAGE_MAP_TEXT) + 4 + bh * scale + 6
