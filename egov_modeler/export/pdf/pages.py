"""Paper, page layout, fitting a diagram to a page and tiling it across pages.

A diagram page has three areas: the diagram, a legend column on the right and a title block
along the bottom. A diagram either fits one page (scaled down, never up by more than
:data:`MAX_FIT_SCALE`) or, tiled, is printed at full size (1 point = 1 scene unit) across
as many pages as it needs, neighbours overlapping by :data:`TILE_OVERLAP` so the sheets can
be trimmed and glued; assembly marks show where.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.pagesizes import A0, A1, A2, A3, A4, landscape, portrait
from reportlab.lib.units import mm

from .blocks import title_block_height

__all__ = [
    "PAPER_SIZES",
    "TEXT_MARGINS",
    "PageLayout",
    "Tile",
    "fit_placement",
    "fit_scale",
    "page_layout",
    "page_size",
    "tiles_for",
]

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A4": A4, "A3": A3, "A2": A2, "A1": A1, "A0": A0,
}
ORIENTATIONS = ("portrait", "landscape")
MARGIN = 10 * mm
GAP = 4 * mm
TILE_OVERLAP = 10 * mm
MAX_FIT_SCALE = 1.5

# Text pages (cover, contents, appendices) keep the margins of Nghị định 30/2020/NĐ-CP,
# Phụ lục I, mục I.4 "Định lề trang": top and bottom 20-25 mm, left 30-35 mm (the bound
# edge), right 15-20 mm. The smallest of each range leaves the most room on A4.
TEXT_MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}

Box = tuple[float, float, float, float]


def page_size(paper: str, orientation: str) -> tuple[float, float]:
    """``(width, height)`` in points; ``ValueError`` names a bad paper or orientation."""
    try:
        size = PAPER_SIZES[paper.upper()]
    except KeyError:
        raise ValueError(
            f"unknown paper size {paper!r}; use one of {', '.join(PAPER_SIZES)}") from None
    if orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation {orientation!r}; use portrait or landscape")
    return landscape(size) if orientation == "landscape" else portrait(size)


@dataclass(frozen=True)
class PageLayout:
    """Areas of a diagram page, in page points (origin bottom-left, y up)."""

    width: float
    height: float
    diagram: Box
    legend: Box
    title_block: Box


def page_layout(width: float, height: float) -> PageLayout:
    """Split a page into diagram, legend column and title block.

    The legend column is narrower on small paper so the diagram keeps most of the sheet.
    """
    legend_w = min(70 * mm, max(45 * mm, width * 0.16))
    block_h = title_block_height(width)
    title = (MARGIN, MARGIN, width - 2 * MARGIN, block_h)
    top = height - MARGIN
    bottom = MARGIN + block_h + GAP
    legend = (width - MARGIN - legend_w, bottom, legend_w, top - bottom)
    diagram = (MARGIN, bottom, width - 2 * MARGIN - legend_w - GAP, top - bottom)
    return PageLayout(width, height, diagram, legend, title)


def fit_scale(scene_w: float, scene_h: float, box_w: float, box_h: float) -> float:
    """Scale that fits a scene into a box, at most :data:`MAX_FIT_SCALE`."""
    if scene_w <= 0 or scene_h <= 0:
        return 1.0
    return min(box_w / scene_w, box_h / scene_h, MAX_FIT_SCALE)


def fit_placement(scene_w: float, scene_h: float, box: Box) -> tuple[float, float, float]:
    """``(left, top, scale)`` that fit a scene into ``box`` (page points, y up) CENTRED on
    both axes: a wide diagram would otherwise hug the top of the drawing area and leave
    its lower part empty."""
    x, y, w, h = box
    scale = fit_scale(scene_w, scene_h, w, h)
    left = x + (w - scene_w * scale) / 2
    top = y + h - (h - scene_h * scale) / 2
    return left, top, scale


@dataclass(frozen=True)
class Tile:
    """One sheet of a tiled diagram: its row and column and the scene region it shows."""

    row: int
    col: int
    rows: int
    cols: int
    region: Box  # scene coordinates (y down)


def _count(length: float, window: float, overlap: float) -> int:
    if length <= window:
        return 1
    return 1 + math.ceil((length - window) / (window - overlap))


def tiles_for(bounds: Box, box_w: float, box_h: float,
              overlap: float = TILE_OVERLAP) -> list[Tile]:
    """Tiles at full size (1 point per scene unit) covering the scene's ``bounds``, row by
    row from the top-left; each tile overlaps its right and lower neighbour by
    ``overlap``."""
    x, y, w, h = bounds
    overlap = min(overlap, box_w / 4, box_h / 4)
    cols = _count(w, box_w, overlap)
    rows = _count(h, box_h, overlap)
    tiles = []
    for row in range(rows):
        for col in range(cols):
            tx = x + col * (box_w - overlap)
            ty = y + row * (box_h - overlap)
            tiles.append(Tile(row, col, rows, cols, (tx, ty, box_w, box_h)))
    return tiles


def draw_assembly_marks(canvas, box: Box, tile: Tile, overlap: float = TILE_OVERLAP) -> None:
    """Crop marks at the corners of the printed area and dashed lines where the neighbours'
    sheets overlap, so a printed tile set can be trimmed and assembled."""
    x, y, w, h = box
    overlap = min(overlap, w / 4, h / 4)
    mark = 4 * mm
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeColorRGB(0, 0, 0)
    for cx, cy in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        canvas.line(cx - mark, cy, cx + mark, cy)
        canvas.line(cx, cy - mark, cx, cy + mark)
        canvas.circle(cx, cy, mark / 3, stroke=1, fill=0)
    canvas.setDash(3, 2)
    canvas.setStrokeColorRGB(0.4, 0.4, 0.4)
    if tile.col < tile.cols - 1:  # the right neighbour starts here
        canvas.line(x + w - overlap, y, x + w - overlap, y + h)
    if tile.col > 0:
        canvas.line(x + overlap, y, x + overlap, y + h)
    if tile.row < tile.rows - 1:  # the lower neighbour starts here
        canvas.line(x, y + overlap, x + w, y + overlap)
    if tile.row > 0:
        canvas.line(x, y + h - overlap, x + w, y + h - overlap)
    canvas.restoreState()
