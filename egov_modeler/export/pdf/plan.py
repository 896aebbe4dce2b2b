"""Which sheets a view gets, so that its text is readable at print size.

Why: a view fitted on a sheet is scaled down, and so is its text; the provincial overview
fitted on A3 prints element names at 3.4 pt, which nobody reads. A dossier therefore has a
minimum text size (``min_text``, 6 pt by default). A view whose fitted text would fall
below it gets an **overview** sheet (fitted, marked as an overview, with a page map of
where each detail is) followed by **detail** sheets that print it at a scale where its
smallest text reaches the minimum, neighbours overlapping so they can be trimmed and
glued. :func:`fitting_paper` names the paper on which every view would fit readably
instead, for the dialog and the CLI to propose.

Scales are exact: on a detail sheet the smallest text is ``scene.smallest_text * scale``,
the figure the dialog shows before export and the tests read back from the PDF.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ...diagram.display_list import Scene
from .pages import (
    MAX_FIT_SCALE,
    PAPER_SIZES,
    TILE_OVERLAP,
    PageLayout,
    fit_scale,
    page_layout,
    page_size,
)

__all__ = [
    "DEFAULT_MIN_TEXT",
    "Sheet",
    "ViewPlan",
    "fitting_paper",
    "plan_view",
    "readable_tiles",
]

#: Smallest text on a diagram sheet by default, in points (print size).
DEFAULT_MIN_TEXT = 6.0

Box = tuple[float, float, float, float]

FIT, OVERVIEW, DETAIL = "fit", "overview", "detail"


@dataclass(frozen=True)
class Sheet:
    """One diagram page of a view: fitted (``fit``), an ``overview`` or a ``detail``.

    ``region`` is the scene box a detail sheet shows (scene coordinates, y down);
    ``row``/``col`` its place in the grid of ``rows`` x ``cols`` details."""

    kind: str
    scale: float
    region: Box | None = None
    row: int = 0
    col: int = 0
    rows: int = 1
    cols: int = 1

    @property
    def label(self) -> str:
        """The detail's grid name as the page map writes it: a letter per row, a number
        per column ("A1", "B3"), as on a map."""
        return f"{_row_letter(self.row)}{self.col + 1}"


def _row_letter(row: int) -> str:
    letters = ""
    row += 1
    while row:
        row, rest = divmod(row - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class ViewPlan:
    """The sheets of one view and the smallest text size they print."""

    sheets: list[Sheet] = field(default_factory=list)
    #: smallest text (pt) on the sheets meant for reading (fitted or details)
    smallest: float | None = None
    #: smallest text (pt) on the overview sheet, when there is one
    overview_smallest: float | None = None

    @property
    def details(self) -> list[Sheet]:
        return [s for s in self.sheets if s.kind == DETAIL]


def _count(length: float, window: float, overlap: float) -> int:
    if length <= window + 1e-6:
        return 1
    return 1 + math.ceil((length - window) / (window - overlap) - 1e-9)


def readable_tiles(bounds: Box, box_w: float, box_h: float, min_scale: float,
                   overlap: float = TILE_OVERLAP) -> list[Sheet]:
    """Detail sheets covering ``bounds`` at ``min_scale`` or more.

    The grid is the smallest that covers the view at ``min_scale``; then the scale is
    raised as far as that same grid allows (the sheets are used to their edges instead of
    leaving the last column nearly empty), never above :data:`MAX_FIT_SCALE`. Sheets
    overlap by ``overlap`` page points; the grid is centred on the view."""
    x, y, w, h = bounds
    overlap = min(overlap, box_w / 4, box_h / 4)
    cols = _count(w * min_scale, box_w, overlap)
    rows = _count(h * min_scale, box_h, overlap)
    scale = min((cols * box_w - (cols - 1) * overlap) / w if w > 0 else MAX_FIT_SCALE,
                (rows * box_h - (rows - 1) * overlap) / h if h > 0 else MAX_FIT_SCALE)
    scale = max(min_scale, min(scale, max(MAX_FIT_SCALE, min_scale)))
    tile_w, tile_h = box_w / scale, box_h / scale
    step_w, step_h = (box_w - overlap) / scale, (box_h - overlap) / scale
    covered_w = tile_w + (cols - 1) * step_w
    covered_h = tile_h + (rows - 1) * step_h
    x0, y0 = x - (covered_w - w) / 2, y - (covered_h - h) / 2
    return [Sheet(DETAIL, scale, (x0 + col * step_w, y0 + row * step_h, tile_w, tile_h),
                  row, col, rows, cols)
            for row in range(rows) for col in range(cols)]


def plan_view(scene: Scene, layout: PageLayout, min_text: float, tile: bool = False
              ) -> ViewPlan:
    """The sheets of a view on pages of ``layout``.

    ``tile`` prints it at full size (or larger when its text would otherwise fall below
    ``min_text``) across sheets with no overview; otherwise the view is fitted when its
    text stays readable and gets an overview plus details when not. ``min_text`` 0 turns
    the check off (always fitted)."""
    _, _, dw, dh = layout.diagram
    _, _, sw, sh = scene.bounds
    smallest = scene.smallest_text
    plan = ViewPlan()
    readable_scale = (min_text / smallest) if (smallest and min_text > 0) else 0.0
    if tile:
        plan.sheets = readable_tiles(scene.bounds, dw, dh, max(1.0, readable_scale))
    else:
        scale = fit_scale(sw, sh, dw, dh)
        if readable_scale <= scale + 1e-9:
            plan.sheets = [Sheet(FIT, scale)]
        else:
            plan.sheets = [Sheet(OVERVIEW, scale),
                           *readable_tiles(scene.bounds, dw, dh, readable_scale)]
            plan.overview_smallest = smallest * scale if smallest else None
    if smallest:
        plan.smallest = min(s.scale for s in plan.sheets if s.kind != OVERVIEW) * smallest
    return plan


def fitting_paper(scenes: list[Scene], min_text: float, orientation: str
                  ) -> tuple[str, str] | None:
    """The smallest paper (A4 to A0, in ``orientation`` first, then the other one) on which
    every scene fits one sheet with its text at ``min_text`` or more; ``None`` when even
    A0 is too small."""
    other = "portrait" if orientation == "landscape" else "landscape"
    for paper in PAPER_SIZES:  # A4 first
        for turn in (orientation, other):
            layout = page_layout(*page_size(paper, turn))
            _, _, dw, dh = layout.diagram
            if all(not s.smallest_text or fit_scale(s.bounds[2], s.bounds[3], dw, dh)
                   * s.smallest_text >= min_text - 1e-9 for s in scenes):
                return paper, turn
    return None
