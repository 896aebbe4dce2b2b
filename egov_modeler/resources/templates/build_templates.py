"""Build the shipped templates (national.egov, provincial.egov, empty.egov) from the catalog.

Run ``python -m egov_modeler.resources.templates.build_templates`` after changing the
catalog or this script. Every id is derived from the template name and the catalog id, so
rebuilding gives byte-identical files (a diff shows only real changes).

The templates are ordinary models built with the public API: elements come from
:func:`~egov_modeler.model.catalog.element_from_component` (so they carry ``catalog_ref``
and ``layer``), relationships go through ``Model.execute(RelateCommand(...))`` and are
therefore checked by the ArchiMate and framework rules as they are drawn, and placements go
through the view commands. The script refuses to write a template that does not validate
with no errors and no warnings.

Layout: each overview layer is a labelled band (a container node whose ``layer`` is the
layer id and whose label is its Vietnamese name), stacked top to bottom at the same x and
width; the external systems are a vertical band on the left, information security and
governance vertical bands on the right. Elements are nested in their band (``parent`` =
band node) with absolute coordinates, placed on a grid of columns so lines between bands
run mostly straight; bands leave a lane above, below and between their rows. Box widths
grow until the Vietnamese name wraps in at most three lines at 9 pt, measured with the
bundled font (the same metrics the canvas and the PDF use).

Routing: :class:`Router` gives every connection a straight line when that is clear, and
otherwise orthogonal bendpoints through free lanes, so that no drawn line (as
:func:`egov_modeler.export.notation.connection_points` draws it) passes through another
element or over a band's name; a large fan from one element is drawn as a bus.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from egov_modeler.model.catalog import Catalog, element_from_component, load_builtin_catalog
from egov_modeler.model.commands import (
    AddConnectionCommand,
    AddElementCommand,
    CreateViewCommand,
    PlaceNodeCommand,
    RelateCommand,
)
from egov_modeler.model.concepts import Relationship
from egov_modeler.model.model import Model
from egov_modeler.model.views import Connection, Node, View

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent

# Geometry (points = scene pixels).
MARGIN = 40
TAB = 18              # container label tab height (notation.GROUP_TAB_HEIGHT)
BAND_PAD = 14         # space between a band's side edge and its elements
# Above, below and between rows there is room for a lane with an arrowhead's length
# (MIN_LEG) to either side, so lines can turn there instead of crossing boxes.
TOP_PAD = 30          # space between a band's tab and its first row
BOTTOM_PAD = 30       # space between a band's last row and its bottom edge
BAND_GAP = 12         # space between two bands
ROW_GAP = 30          # space between two rows of one band
ELEMENT_H = 70
WIDTHS = (160, 180, 200, 230, 260)
MAX_LINES = 3
FONT_SIZE = 9.0
MAIN_WIDTH = 1640     # width of the horizontal bands
SIDE_W = 250          # width of a vertical band
COLUMNS = 8           # grid columns of a horizontal band

OVERVIEW = ("nguoi_su_dung", "kenh_giao_tiep", "cong_dich_vu", "ung_dung_csdl",
            "nen_tang_tich_hop", "ha_tang_ky_thuat")
RIGHT = ("an_toan_thong_tin", "chi_dao_chinh_sach")
LEFT = ("he_thong_ngoai",)


@dataclass
class Item:
    """One element of a template: a catalog component, optionally renamed."""

    key: str
    component: str
    name: str | None = None
    name_en: str | None = None
    col: float | None = None


@dataclass
class Spec:
    """What a template contains, band by band, and how its elements relate."""

    name: str
    title: str
    title_en: str
    bands: dict[str, list[list[Item]]]
    #: (source key, type, target key, name)
    relations: list[tuple] = field(default_factory=list)
    hosting: list[tuple[str, str, str]] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    documentation: str = ""
    view_name: str = "Sơ đồ khái quát"
    view_name_en: str = "Overview diagram"


def _items(*entries: str | tuple[str, ...]) -> list[Item]:
    items = []
    for entry in entries:
        if isinstance(entry, str):
            items.append(Item(entry, entry))
        else:
            items.append(Item(*entry))
    return items


def _grid(*entries: tuple[float, str | tuple[str, ...]]) -> list[Item]:
    """A row of items at grid columns (0..COLUMNS-1, halves allowed), so that elements of
    different bands line up and lines between them run straight."""
    items = []
    for col, entry in entries:
        item = _items(entry)[0]
        item.col = col
        items.append(item)
    return items


# ------------------------------------------------------------------------- geometry

def element_width(element_type: str, name: str) -> int:
    """The narrowest standard width in which ``name`` wraps in at most three lines."""
    try:
        from egov_modeler.export.notation import text_box
        from egov_modeler.export.text_layout import line_height, wrap_text
    except ImportError:  # export not importable: fall back to a character estimate
        for width in WIDTHS:
            if len(name) <= (width - 30) / 5.2 * MAX_LINES:
                return width
        return WIDTHS[-1]
    for width in WIDTHS:
        _x, _y, tw, th = text_box(element_type, 0, 0, width, ELEMENT_H)
        lines = wrap_text(name, FONT_SIZE, tw)
        if len(lines) <= MAX_LINES and len(lines) * line_height(FONT_SIZE) <= th:
            return width
    return WIDTHS[-1]


# ------------------------------------------------------------------------- routing

Box = tuple[float, float, float, float]
Point = tuple[float, float]

#: How far the router keeps a line from a box it passes (the test only asks for "not
#: through", this keeps lines visibly off the borders).
CLEARANCE = 6
#: The same for a slanting line, which only comes near a box at one corner.
SLANT_CLEARANCE = 5
#: What one bend costs against length when choosing among clear routes: a bend is worth
#: this many points of detour.
BEND_COST = 40
#: What running along a band's border costs against length.
BORDER_COST = 60
#: Shortest first and last segment of a bent line: room for an arrowhead.
MIN_LEG = 14
#: What crossing an earlier line costs against length.
CROSS_COST = 30
#: This many lines of one type from one source are routed as a bus, not as a fan of
#: slanting lines.
FAN = 5
#: Spacing of parallel lanes in a wide free corridor.
LANE = 12


def segment_crosses_box(a: Point, b: Point, box: Box, margin: float = 0) -> bool:
    """True when the segment ``a``-``b`` passes through the open interior of ``box``
    grown by ``margin`` on every side (Liang-Barsky: the parameter interval where the
    segment is strictly inside both slabs must be non-empty within [0, 1])."""
    x, y, w, h = box
    low, high = 0.0, 1.0
    for start, delta, lo, hi in ((a[0], b[0] - a[0], x - margin, x + w + margin),
                                 (a[1], b[1] - a[1], y - margin, y + h + margin)):
        if delta == 0:
            if not lo < start < hi:
                return False
            continue
        t0, t1 = sorted(((lo - start) / delta, (hi - start) / delta))
        low, high = max(low, t0), min(high, t1)
        if low >= high:
            return False
    return True


def container_tab(node: Node) -> Box:
    """The label tab of a band or group as it is drawn (width measured like the PDF)."""
    from egov_modeler.export.notation import GROUP_TAB_HEIGHT, group_tab_width
    from egov_modeler.export.text_layout import DEFAULT_FONT_SIZE, text_width

    size = float(node.style.font_size or DEFAULT_FONT_SIZE)
    label_w = text_width(node.label, size, True) if node.label else None
    return (node.x, node.y, group_tab_width(node.w, label_w), min(GROUP_TAB_HEIGHT, node.h))


def _overlap_1d(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(max(a0, a1), max(b0, b1)) - max(min(a0, a1), min(b0, b1))


def _runs_along(p: list[Point], q: list[Point]) -> bool:
    """True when a segment of polyline ``p`` lies on a segment of ``q`` for more than a
    few points (two lines drawn on top of each other cannot be told apart)."""
    for a, b in zip(p, p[1:], strict=False):
        for c, d in zip(q, q[1:], strict=False):
            if a[0] == b[0] == c[0] == d[0] and _overlap_1d(a[1], b[1], c[1], d[1]) > 4:
                return True
            if a[1] == b[1] == c[1] == d[1] and _overlap_1d(a[0], b[0], c[0], d[0]) > 4:
                return True
    return False


def _along_border(a: Point, b: Point, box: Box) -> bool:
    """True when the segment runs along an edge of ``box`` closer than
    :data:`CLEARANCE` (a line on a band's dashed border is hard to follow)."""
    x, y, w, h = box
    if a[1] == b[1] and _overlap_1d(a[0], b[0], x, x + w) > 0:
        return min(abs(a[1] - y), abs(a[1] - y - h)) <= CLEARANCE
    if a[0] == b[0] and _overlap_1d(a[1], b[1], y, y + h) > 0:
        return min(abs(a[0] - x), abs(a[0] - x - w)) <= CLEARANCE
    return False


def _leg(points: list[Point], index: int) -> float:
    """Length of the first (0) or last (-1) segment of a polyline."""
    a, b = (points[0], points[1]) if index == 0 else (points[-2], points[-1])
    return abs(b[0] - a[0]) + abs(b[1] - a[1])


def _corridors(edges: list[float], gap: float = 2 * CLEARANCE) -> list[int]:
    """Lanes in the free stretches between consecutive distinct box edges: the middle,
    and in a wide stretch also lanes near either side, so several lines can pass one
    gap without running on top of each other."""
    values = sorted(set(edges))
    lanes: set[int] = set()
    for u, v in zip(values, values[1:], strict=False):
        if v - u >= gap:
            lanes.add(round((u + v) / 2))
        if v - u >= 3 * LANE:
            lanes.update((round(u + LANE), round(v - LANE)))
        if v - u >= 6 * LANE:
            lanes.update(round(u + k * LANE) for k in (2, 3))
            lanes.update(round(v - k * LANE) for k in (2, 3))
    return sorted(lanes)


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """True when segments a-b and c-d cross at a point inside both (not at an end)."""
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return (side(a, b, c) * side(a, b, d) < 0) and (side(c, d, a) * side(c, d, b) < 0)


def _crossings(p: list[Point], q: list[Point]) -> int:
    return sum(_cross(a, b, c, d) for a, b in zip(p, p[1:], strict=False)
               for c, d in zip(q, q[1:], strict=False))


@dataclass
class Request:
    """One connection to route: its end nodes and relationship type."""

    source: Node
    target: Node
    rel_type: str


@dataclass
class Router:
    """Chooses bendpoints for the connections of one view.

    First every connection whose straight line is clear gets it (straight lines read
    best), in the order given, except the lines of a fan (:data:`FAN` or more of one
    type from one source), which read better as a bus of shared orthogonal lines. The
    rest then choose, one at a time, among one elbow and two elbows through a free row
    or column lane, the cheapest by length plus :data:`BEND_COST` per bend plus
    :data:`CROSS_COST` per line crossed. A candidate must keep every segment clear of
    every other element box and of every band's label tab; one that runs on top of an
    earlier line (other than one of the same type sharing its source or target, which
    reads as a fan) is taken only when nothing else is clear. Bendpoints keep the exit
    and entry at the middle of a side, so every bent line is
    orthogonal as drawn (:func:`notation.connection_points`).
    """

    view: View
    #: (source node, target node, relationship type, polyline) of the lines routed so far
    drawn: list[tuple[str, str, str, list[Point]]] = field(default_factory=list)

    def route_all(self, requests: list[Request]) -> list[list[tuple[int, int]]]:
        """Bendpoints for each request, in the same order."""
        routes: dict[int, list[tuple[int, int]]] = {}
        fans: dict[tuple[str, str], list[int]] = {}
        for index, request in enumerate(requests):
            fans.setdefault((request.source.id, request.rel_type), []).append(index)
        for members in fans.values():
            if len(members) >= FAN:
                bus = self._bus([requests[i] for i in members])
                for index, best in zip(members, bus or [], strict=False):
                    routes[index] = self._take(requests[index], best)
        for index, request in enumerate(requests):
            if index not in routes:
                best = self._best(request, [[]])
                if best is not None and not best[0]:
                    routes[index] = self._take(request, best)
        waiting = [index for index in range(len(requests)) if index not in routes]
        while waiting:
            # the line with the fewest good routes left goes first, before the others
            # take its only lane
            options = {i: self._options(requests[i], self._candidates(requests[i]))
                       for i in waiting}
            index = min(waiting, key=lambda i: (sum(not o[0] for o in options[i]), i))
            waiting.remove(index)
            request = requests[index]
            if not options[index]:
                log.warning("no clear route from %s to %s; drawn straight",
                            request.source.id, request.target.id)
                routes[index] = []
                continue
            best = min(options[index])
            if best[0]:
                log.warning("%s -> %s runs on top of another line",
                            request.source.id, request.target.id)
            routes[index] = self._take(request, best)
        return [routes[index] for index in range(len(requests))]

    def _take(self, request: Request, best: tuple) -> list[tuple[int, int]]:
        *_rest, bends, points = best
        self.drawn.append((request.source.id, request.target.id, request.rel_type, points))
        return bends

    def _lanes(self) -> tuple[list[int], list[int]]:
        """Free column lanes (x) and row lanes (y) of the view."""
        nodes = [n for n in self.view.nodes.values() if n.kind in ("element", "container")]
        tabs = [container_tab(n) for n in nodes if n.kind == "container"]
        xs = _corridors([v for n in nodes for v in (n.x, n.x + n.w)])
        ys = _corridors([v for n in nodes for v in (n.y, n.y + n.h)]
                        + [tab[1] + tab[3] for tab in tabs])
        return xs, ys

    def _candidates(self, request: Request) -> list[list[tuple[int, int]]]:
        """Straight, the two elbows, and two elbows through every lane."""
        xs, ys = self._lanes()
        s, t = request.source.bounds, request.target.bounds
        scx, scy = s[0] + s[2] // 2, s[1] + s[3] // 2
        tcx, tcy = t[0] + t[2] // 2, t[1] + t[3] // 2
        return ([[], [(scx, tcy)], [(tcx, scy)]]
                + [[(scx, y), (tcx, y)] for y in ys] + [[(x, scy), (x, tcy)] for x in xs])

    def _bus(self, fan: list[Request]) -> list[tuple] | None:
        """Routes for a fan sharing one lane: out of the source, along the lane, into
        each target; the cheapest lane every line of the fan can use, or None."""
        xs, ys = self._lanes()
        s = fan[0].source.bounds
        scx, scy = s[0] + s[2] // 2, s[1] + s[3] // 2
        lanes = [("y", y) for y in ys] + [("x", x) for x in xs]
        options = []
        for axis, lane in lanes:
            chosen = []
            for request in fan:
                t = request.target.bounds
                tcx, tcy = t[0] + t[2] // 2, t[1] + t[3] // 2
                bends = [(scx, lane), (tcx, lane)] if axis == "y" else [(lane, scy),
                                                                         (lane, tcy)]
                best = self._best(request, [bends])
                if best is None or best[0]:
                    break
                chosen.append(best)
            else:
                # equal cost: the lane farthest from both ends leaves room for arrows
                legs = min(min(_leg(best[4], 0), _leg(best[4], -1)) for best in chosen)
                options.append((sum(best[1] for best in chosen), -legs, axis, lane, chosen))
        return min(options)[-1] if options else None

    def _best(self, request: Request, candidates: list[list[tuple[int, int]]]) -> tuple | None:
        """The cheapest clear candidate as (runs on top, cost, index, bends, points)."""
        options = self._options(request, candidates)
        return min(options) if options else None

    def _options(self, request: Request, candidates: list[list[tuple[int, int]]]) -> list:
        """Every clear candidate as (runs on top, cost, index, bends, points)."""
        from egov_modeler.export.notation import connection_points

        source, target = request.source, request.target
        elements = [n for n in self.view.nodes.values() if n.kind == "element"]
        containers = [n for n in self.view.nodes.values() if n.kind == "container"]
        others = [n.bounds for n in elements if n.id not in (source.id, target.id)]
        tabs = [container_tab(n) for n in containers]
        borders = [n.bounds for n in containers]
        s, t = source.bounds, target.bounds
        scored = []
        for index, bends in enumerate(candidates):
            points = connection_points(s, t, bends)
            if not self._clear(points, s, t, others, tabs):
                continue
            length = sum(abs(b[0] - a[0]) + abs(b[1] - a[1])
                         for a, b in zip(points, points[1:], strict=False))
            on_top = any(_runs_along(points, line) for src, tgt, kind, line in self.drawn
                         if kind != request.rel_type
                         or (src != source.id and tgt != target.id))
            crossed = sum(_crossings(points, line) for *_ends, line in self.drawn)
            hugging = sum(_along_border(a, b, box) for a, b in zip(points, points[1:],
                                                                   strict=False)
                          for box in borders)
            cost = (length + BEND_COST * len(bends) + CROSS_COST * crossed
                    + BORDER_COST * hugging)
            scored.append((on_top, cost, index, bends, points))
        return scored

    @staticmethod
    def _clear(points: list[Point], s: Box, t: Box, others: list[Box],
               tabs: list[Box]) -> bool:
        last = len(points) - 2
        for i, (a, b) in enumerate(zip(points, points[1:], strict=False)):
            # A line along a box edge needs room to be seen apart from it; a slanting
            # one only has to miss the corner.
            margin = CLEARANCE if a[0] == b[0] or a[1] == b[1] else SLANT_CLEARANCE
            if any(segment_crosses_box(a, b, box, margin) for box in others):
                return False
            if any(segment_crosses_box(a, b, tab, CLEARANCE) for tab in tabs):
                return False
            if i > 0 and segment_crosses_box(a, b, s):
                return False
            if i < last and segment_crosses_box(a, b, t):
                return False
        if len(points) > 2 and min(_leg(points, 0), _leg(points, -1)) < MIN_LEG:
            return False  # no room for the arrowhead or the source's diamond or dot
        return len(points) < 3 or all(
            not (s[0] <= x <= s[0] + s[2] and s[1] <= y <= s[1] + s[3])
            and not (t[0] <= x <= t[0] + t[2] and t[1] <= y <= t[1] + t[3])
            for x, y in points[1:-1])


class Builder:
    """Builds one template model through commands, with deterministic ids."""

    def __init__(self, spec: Spec, catalog: Catalog) -> None:
        self.spec = spec
        self.catalog = catalog
        self.prefix = f"id-{spec.name}"
        self.model = Model(name=spec.title, id=f"{self.prefix}-model")
        self.model.names = {"en": spec.title_en} if spec.title_en else {}
        self.model.documentation = spec.documentation
        self.model.properties = list(spec.properties)
        self.model.metadata = dict(spec.metadata)
        self.elements: dict[str, str] = {}      # item key -> element id
        self.nodes: dict[tuple[str, str], str] = {}  # (view id, item key) -> node id
        self.relationships: list[tuple[str, str, str]] = []
        #: view id -> (relationship id, source node, target node) waiting to be drawn
        self.pending: dict[str, list[tuple[str, str, str]]] = {}
        self._count = 0

    # -- elements and relationships
    def add_elements(self) -> None:
        for rows in self.spec.bands.values():
            for row in rows:
                for item in row:
                    element = element_from_component(
                        self.catalog.component(item.component), id=f"{self.prefix}-e-{item.key}",
                        catalog=self.catalog)
                    if item.name:
                        element.name = item.name
                    if item.name_en:
                        element.names = {"en": item.name_en}
                    self.model.execute(AddElementCommand(element))
                    self.elements[item.key] = element.id

    def relate(self, source: str, rel_type: str, target: str, name: str = "") -> str:
        self._count += 1
        rel_id = f"{self.prefix}-r-{source}-{target}"
        self.model.execute(RelateCommand(Relationship(
            id=rel_id, type=rel_type, source=self.elements[source],
            target=self.elements[target], name=name)))
        return rel_id

    # -- views
    def overview_view(self, view_key: str, bands: dict[str, list[list[Item]]],
                      relations: list[tuple], name: str,
                      name_en: str) -> View:
        view = View(id=f"{self.prefix}-v-{view_key}", name=name, names={"en": name_en},
                    viewpoint="")
        self.model.execute(CreateViewCommand(view))
        layout_bands(self, view.id, bands)
        for source, rel_type, target, rel_name in relations:
            rel_id = f"{self.prefix}-r-{source}-{target}"
            if not self.model.has_relationship(rel_id):
                rel_id = self.relate(source, rel_type, target, rel_name)
            self.connect(view.id, rel_id, source, target)
        self.draw_connections(view.id)
        return view

    def connect(self, view_id: str, rel_id: str, source: str, target: str) -> None:
        """Queue the relationship for drawing; :meth:`draw_connections` routes them."""
        src_node = self.nodes.get((view_id, source))
        tgt_node = self.nodes.get((view_id, target))
        if src_node is not None and tgt_node is not None:
            self.pending.setdefault(view_id, []).append((rel_id, src_node, tgt_node))

    def draw_connections(self, view_id: str) -> None:
        """Route the queued connections of the view around its boxes and add them."""
        view = self.model.view(view_id)
        queued = self.pending.pop(view_id, [])
        requests = [Request(view.nodes[src], view.nodes[tgt],
                            self.model.relationship(rel_id).type)
                    for rel_id, src, tgt in queued]
        routes = Router(view).route_all(requests)
        for (rel_id, src, tgt), bendpoints in zip(queued, routes, strict=True):
            self.model.execute(AddConnectionCommand(view_id, Connection(
                id=f"{rel_id}-{view_id.rsplit('-', 1)[-1]}", source=src, target=tgt,
                relationship_id=rel_id, bendpoints=bendpoints)))

    def place(self, view_id: str, node: Node, key: str | None = None) -> None:
        self.model.execute(PlaceNodeCommand(view_id, node))
        if key is not None:
            self.nodes[(view_id, key)] = node.id


def _row_height(row: list[Item]) -> int:
    return ELEMENT_H


def _band_height(rows: list[list[Item]], minimum: int = 60) -> int:
    if not rows:
        return TAB + BAND_PAD + minimum
    content = sum(_row_height(r) for r in rows) + ROW_GAP * (len(rows) - 1)
    return TAB + TOP_PAD + content + BOTTOM_PAD


def layout_bands(builder: Builder, view_id: str, bands: dict[str, list[list[Item]]],
                 empty_height: int = 90) -> None:
    """Place the layer bands and, nested in them, the elements of ``bands``."""
    catalog = builder.catalog
    view_tag = view_id.rsplit("-", 1)[-1]
    has_left = any(layer in bands for layer in LEFT) or not bands
    main_x = MARGIN + (SIDE_W + BAND_GAP if has_left else 0)
    y = MARGIN
    band_boxes: dict[str, tuple[int, int, int, int]] = {}
    overview = [layer for layer in OVERVIEW if layer in bands or not bands]
    for layer in overview:
        rows = bands.get(layer, [])
        height = _band_height(rows) if rows else empty_height
        band_boxes[layer] = (main_x, y, MAIN_WIDTH, height)
        y += height + BAND_GAP
    total_h = y - BAND_GAP - MARGIN
    side_x = main_x + MAIN_WIDTH + BAND_GAP
    for layer in RIGHT:
        if layer in bands or not bands:
            band_boxes[layer] = (side_x, MARGIN, SIDE_W, total_h)
            side_x += SIDE_W + BAND_GAP
    for layer in LEFT:
        if layer in bands or not bands:
            band_boxes[layer] = (MARGIN, MARGIN, SIDE_W, total_h)
    row_ys: list[int] = []
    for layer in overview:
        _bx, by, _bw, _bh = band_boxes[layer]
        for index, _row in enumerate(bands.get(layer, [])):
            row_ys.append(by + TAB + TOP_PAD + index * (ELEMENT_H + ROW_GAP))
    for layer, (bx, by, bw, bh) in band_boxes.items():
        band_id = f"{builder.prefix}-{view_tag}-band-{layer}"
        layer_obj = catalog.layer(layer)
        builder.place(view_id, Node(
            id=band_id, x=bx, y=by, w=bw, h=bh, kind="container", label=layer_obj.name_vi,
            labels={"en": layer_obj.name_en}, layer=layer))
        rows = bands.get(layer, [])
        vertical = layer in RIGHT or layer in LEFT
        if vertical:
            _place_column(builder, view_id, band_id, (bx, by, bw, bh), rows, row_ys)
        else:
            _place_rows(builder, view_id, band_id, (bx, by, bw, bh), rows)


def _node(builder: Builder, view_id: str, band_id: str, item: Item, x: int, y: int,
          w: int) -> None:
    view_tag = view_id.rsplit("-", 1)[-1]
    builder.place(view_id, Node(
        id=f"{builder.prefix}-{view_tag}-n-{item.key}", x=x, y=y, w=w, h=ELEMENT_H,
        kind="element", element_id=builder.elements[item.key], parent=band_id), item.key)


def _width_of(builder: Builder, item: Item) -> int:
    element = builder.model.element(builder.elements[item.key])
    return element_width(element.type, element.name)


def _place_rows(builder: Builder, view_id: str, band_id: str,
                box: tuple[int, int, int, int], rows: list[list[Item]]) -> None:
    bx, by, bw, _bh = box
    y = by + TAB + TOP_PAD
    for row in rows:
        even = bw / max(1, len(row))
        grid = bw / COLUMNS
        for index, item in enumerate(row):
            w = _width_of(builder, item)
            if item.col is None:
                x = int(round(bx + even * index + (even - w) / 2))
            else:
                x = int(round(bx + grid * item.col + (grid - w) / 2))
            _node(builder, view_id, band_id, item, x, y, w)
        y += _row_height(row) + ROW_GAP


def _place_column(builder: Builder, view_id: str, band_id: str,
                  box: tuple[int, int, int, int], rows: list[list[Item]],
                  row_ys: list[int]) -> None:
    """Stack a vertical band's items: evenly, or level with row ``col`` of the horizontal
    bands (counted top to bottom over all their rows) so a line to it runs flat."""
    bx, by, bw, bh = box
    items = [item for row in rows for item in row]
    if not items:
        return
    top = by + TAB + TOP_PAD
    slot = (bh - TAB - TOP_PAD - BOTTOM_PAD) / len(items)
    for index, item in enumerate(items):
        w = min(_width_of(builder, item), bw - 2 * BAND_PAD)
        x = int(round(bx + (bw - w) / 2))
        if item.col is not None and int(item.col) < len(row_ys):
            y = row_ys[int(item.col)]
        else:
            y = int(round(top + slot * index + (slot - ELEMENT_H) / 2))
        _node(builder, view_id, band_id, item, x, y, w)


def hosting_view(builder: Builder, spec: Spec) -> None:
    """A second view: which infrastructure each application runs on.

    One group per infrastructure element, groups stacked top to bottom: its applications
    side by side in a row and the infrastructure centred below, joined by a bus of
    orthogonal lines that crosses no box. No layer bands here: applications of several
    layers share a row.
    """
    if not spec.hosting:
        return
    view = View(id=f"{builder.prefix}-v-hosting", name="Hạ tầng vận hành các hệ thống",
                names={"en": "Infrastructure the systems run on"})
    builder.model.execute(CreateViewCommand(view))
    groups: dict[str, list[tuple[str, str]]] = {}
    for infra, rel_type, app in spec.hosting:
        groups.setdefault(infra, []).append((rel_type, app))
    apps_y = MARGIN
    for infra, members in groups.items():
        x = start = MARGIN
        infra_y = apps_y + ELEMENT_H + 220
        for _rel_type, app in members:
            w = _width_of(builder, Item(app, app))
            builder.place(view.id, Node(id=f"{builder.prefix}-hosting-n-{app}", x=x, y=apps_y,
                                        w=w, h=ELEMENT_H,
                                        element_id=builder.elements[app]), app)
            x += w + 20
        group_w = x - 20 - start
        w = _width_of(builder, Item(infra, infra))
        builder.place(view.id, Node(
            id=f"{builder.prefix}-hosting-n-{infra}", x=start + (group_w - w) // 2, y=infra_y,
            w=w, h=ELEMENT_H, element_id=builder.elements[infra]), infra)
        for rel_type, app in members:
            rel_id = f"{builder.prefix}-r-{infra}-{app}"
            if not builder.model.has_relationship(rel_id):
                rel_id = builder.relate(infra, rel_type, app)
            builder.connect(view.id, rel_id, infra, app)
        apps_y = infra_y + ELEMENT_H + 80
    builder.draw_connections(view.id)


# ------------------------------------------------------------------------- the templates

def national_spec() -> Spec:
    """The overview diagram of Vietnam's e-Government (Khung Kiến trúc CPĐT 2.0)."""
    bands = {
        "nguoi_su_dung": [_grid((1, "u_nguoi_dan"), (2.5, "u_doanh_nghiep"), (5, "u_cbccvc"),
                                (7, "u_lanh_dao"))],
        "kenh_giao_tiep": [_grid((0, "k_buu_chinh"), (1, "k_web"), (2, "k_di_dong"),
                                 (3, "k_mot_cua"), (4, "k_tong_dai"))],
        "cong_dich_vu": [_grid((0, "c_cong_ttdt_cp"), (1, "c_cong_dvc_bo"), (2, "c_cong_dvcqg"),
                               (3, "c_cong_dvc_tinh"), (4, "c_dvctt"))],
        "ung_dung_csdl": [
            # Column 2 stays free in both rows: the corridor under Cổng DVCQG for its lines
            # to the integration platforms.
            _grid((0, "a_ecabinet"), (1, "a_chuyen_nganh"), (3, "a_mot_cua_dien_tu"),
                  (5, "a_qlvb_dh"), (6, "a_httt_bao_cao_qg"),
                  (7, ("a_ttdh_cp", "a_ttdh_cp",
                       "Trung tâm thông tin, dữ liệu chỉ đạo, điều hành của Chính phủ"))),
            _grid((0, "d_csdlqg_dan_cu"), (1, "d_csdlqg_dat_dai"), (3, "d_csdlqg_dkdn"),
                  (4, "d_csdlqg_thong_ke_dan_so"), (5, "d_csdlqg_tai_chinh"),
                  (6, "d_csdlqg_bao_hiem"), (7, "d_csdl_ho_tich")),
        ],
        "nen_tang_tich_hop": [
            _grid((0, "i_thanh_toan"), (1, "i_xac_thuc"), (2.6, "i_ndxp"), (4, "i_lgsp_tinh"),
                  (5, "i_truc_lien_thong_vb")),
            _grid((2, "i_lgsp_bo"), (3.6, ("i_ngsp", "i_ngsp",
                                           "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NGSP)")))],
        "ha_tang_ky_thuat": [_grid((1, "h_internet"), (3, "h_tslcd"), (7, "h_ttdl_bo_tinh"))],
        # Vertical bands: the column is the row of the horizontal bands to line up with.
        "an_toan_thong_tin": [_grid((0, "s_attt_cap_do"), (2, "s_mo_hinh_4_lop"),
                                    (5, "s_giam_sat_bao_ve"), (7, "s_giam_sat_quoc_gia"))],
        "chi_dao_chinh_sach": [_grid((0, "g_ubqg_cpdt"), (2, "g_btttt"), (3, "g_van_ban_phap_ly"),
                                     (5, "g_tieu_chuan"), (7, "g_kien_truc"))],
        "he_thong_ngoai": [_grid((1, "e_buu_chinh"), (5, "e_ngan_hang"),
                                 (6, "e_he_thong_ngoai"))],
    }
    relations = [
        ("k_web", "Serving", "u_nguoi_dan", ""),
        ("k_web", "Serving", "u_doanh_nghiep", ""),
        ("k_di_dong", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua", "Serving", "u_doanh_nghiep", ""),
        ("k_buu_chinh", "Serving", "u_nguoi_dan", ""),
        ("k_tong_dai", "Serving", "u_doanh_nghiep", ""),
        ("c_cong_ttdt_cp", "Serving", "k_web", ""),
        ("c_cong_dvcqg", "Composition", "k_web", ""),
        ("c_cong_dvcqg", "Serving", "k_di_dong", ""),
        ("c_cong_dvc_tinh", "Realization", "c_dvctt", ""),
        ("c_cong_dvc_bo", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("c_cong_dvc_tinh", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("a_mot_cua_dien_tu", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("a_ttdh_cp", "Serving", "u_lanh_dao", ""),
        ("a_httt_bao_cao_qg", "Serving", "a_ttdh_cp", ""),
        ("a_qlvb_dh", "Flow", "i_truc_lien_thong_vb", "Gửi, nhận văn bản"),
        ("a_mot_cua_dien_tu", "Flow", "i_lgsp_tinh", ""),
        ("a_chuyen_nganh", "Flow", "i_lgsp_bo", ""),
        ("i_lgsp_tinh", "Flow", "i_ndxp", ""),
        ("i_lgsp_bo", "Flow", "i_ndxp", ""),
        ("i_ngsp", "Realization", "i_ndxp", ""),
        ("c_cong_dvcqg", "Flow", "i_ndxp", ""),
        ("i_ndxp", "Access", "d_csdlqg_dan_cu", ""),
        ("i_ndxp", "Access", "d_csdlqg_dat_dai", ""),
        ("i_ndxp", "Access", "d_csdlqg_dkdn", ""),
        ("i_ndxp", "Access", "d_csdlqg_thong_ke_dan_so", ""),
        ("i_ndxp", "Access", "d_csdlqg_tai_chinh", ""),
        ("i_ndxp", "Access", "d_csdlqg_bao_hiem", ""),
        ("i_ndxp", "Access", "d_csdl_ho_tich", ""),
        ("i_xac_thuc", "Serving", "c_cong_dvcqg", ""),
        ("i_thanh_toan", "Serving", "c_cong_dvcqg", ""),
        ("e_ngan_hang", "Flow", "i_thanh_toan", ""),
        ("e_buu_chinh", "Assignment", "k_buu_chinh", ""),
        ("e_he_thong_ngoai", "Flow", "i_lgsp_bo", ""),
        ("h_tslcd", "Association", "i_ndxp", ""),
        ("h_tslcd", "Association", "h_ttdl_bo_tinh", ""),
        ("s_mo_hinh_4_lop", "Association", "s_giam_sat_bao_ve", ""),
        ("s_giam_sat_bao_ve", "Association", "s_giam_sat_quoc_gia", ""),
        ("s_giam_sat_bao_ve", "Association", "h_ttdl_bo_tinh", ""),
        ("g_ubqg_cpdt", "Association", "g_btttt", ""),
    ]
    hosting = [("h_tslcd", "Serving", k) for k in (
        "c_cong_dvcqg", "c_cong_ttdt_cp", "a_ecabinet", "a_ttdh_cp", "a_httt_bao_cao_qg",
        "i_ngsp", "i_truc_lien_thong_vb", "i_xac_thuc")]
    hosting += [("h_ttdl_bo_tinh", "Serving", k) for k in (
            "c_cong_dvc_bo", "c_cong_dvc_tinh", "a_mot_cua_dien_tu", "a_qlvb_dh",
            "a_chuyen_nganh", "i_lgsp_bo", "i_lgsp_tinh")]
    title = "Sơ đồ khái quát Chính phủ điện tử Việt Nam"
    return Spec(
        name="national", title=title,
        title_en="Overview of Vietnam's e-Government", bands=bands, relations=relations,
        hosting=hosting,
        properties=[("architecture_level", "national"), ("dossier:title", title),
                    ("dossier:agency", "Bộ Thông tin và Truyền thông"), ("dossier:version", "2.0"),
                    ("framework", "QĐ 2323/QĐ-BTTTT ngày 31/12/2019")],
        metadata={"title": title, "publisher": "Bộ Thông tin và Truyền thông",
                  "language": "vi"},
        documentation="Các lớp và thành phần của Khung Kiến trúc Chính phủ điện tử Việt Nam, "
                      "phiên bản 2.0 (QĐ 2323/QĐ-BTTTT); mục có thuộc tính “Suy luận” chưa "
                      "được nguồn xác nhận.",
        view_name="Sơ đồ khái quát Chính phủ điện tử Việt Nam",
        view_name_en="Overview of Vietnam's e-Government",
    )


def provincial_spec() -> Spec:
    """A provincial e-Government architecture 2.0 in the manner of Gia Lai's."""
    bands = {
        "nguoi_su_dung": [_grid(
            (0.8, ("u_cbccvc", "u_cbccvc", "Cán bộ, công chức, viên chức tỉnh, huyện, xã")),
            (3, "u_nguoi_dan"), (5.5, "u_doanh_nghiep"),
            (7.1, ("u_lanh_dao", "u_lanh_dao", "Lãnh đạo tỉnh", "Provincial leaders")))],
        "kenh_giao_tiep": [_grid(
            (0, "k_buu_chinh"), (1, "k_zalo"),
            (2, ("k_mot_cua_tinh", "k_mot_cua", "Trung tâm Phục vụ hành chính công tỉnh",
                 "Provincial public administration service centre")),
            (3, ("k_mot_cua_huyen", "k_mot_cua", "Bộ phận Một cửa cấp huyện",
                 "District one-stop counters")),
            (4, ("k_mot_cua_xa", "k_mot_cua", "Bộ phận Một cửa cấp xã",
                 "Commune one-stop counters")),
            (5.5, "k_web"))],
        "cong_dich_vu": [
            _grid((4.6, "c_cong_dvcqg"),
                  (5.7, ("c_cong_dvc_tinh", "c_cong_dvc_tinh", "Cổng Dịch vụ công tỉnh Gia Lai",
                         "Gia Lai public service portal")),
                  (6.6, ("c_cong_ttdt_tinh", "c_cong_ttdt_tinh",
                         "Cổng thông tin điện tử tỉnh Gia Lai", "Gia Lai web portal"))),
            _grid((5.2, "c_danh_gia_hai_long"), (6.6, "c_trang_ttdt_don_vi")),
        ],
        "ung_dung_csdl": [
            _grid((0.3, "a_chuyen_nganh"),
                  (2.3, ("a_mot_cua_dien_tu", "a_mot_cua_dien_tu",
                         "Hệ thống thông tin một cửa điện tử tỉnh (cấp tỉnh, huyện, xã)",
                         "Provincial one-stop system (province, district, commune units)")),
                  (3.6, ("a_qlvb_dh", "a_qlvb_dh", "Hệ thống quản lý văn bản và điều hành tỉnh",
                         "Provincial document management and direction system")),
                  (4.9, ("a_bao_cao_tinh", "a_bao_cao_tinh", "Hệ thống thông tin báo cáo tỉnh",
                         "Provincial reporting system")),
                  (7.1, ("a_ioc", "a_ioc",
                         "Trung tâm giám sát, điều hành đô thị thông minh thành phố Pleiku (IOC)",
                         "Pleiku smart-city intelligent operations centre (IOC)"))),
            _grid((0, "d_csdl_chuyen_nganh"), (1, "d_csdlqg_dan_cu"),
                  (3.0, "d_kho_du_lieu_dung_chung"), (4.9, "a_httt_bao_cao_qg"),
                  (7.1, ("a_hntt_tinh", "a_hntt", "Hội nghị trực tuyến: điểm cầu tỉnh",
                         "Online conference: province site"))),
            _grid((0.2, "a_thu_dien_tu"),
                  (5.0, ("a_hntt_xa", "a_hntt", "Hội nghị trực tuyến: điểm cầu xã",
                         "Online conference: commune sites")),
                  (7.1, ("a_hntt_huyen", "a_hntt", "Hội nghị trực tuyến: điểm cầu huyện",
                         "Online conference: district sites"))),
        ],
        "nen_tang_tich_hop": [
            _grid((2.3, ("i_lgsp_tinh", "i_lgsp_tinh",
                         "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)",
                         "Provincial integration platform (LGSP)")),
                  (3.6, "i_truc_lien_thong_vb"), (5.9, "i_thanh_toan")),
            _grid((1, "i_ndxp"), (4.6, "i_chu_ky_so")),
        ],
        "ha_tang_ky_thuat": [_grid(
            (0.5, "h_internet"), (3, "h_tslcd"),
            (7.1, ("h_ttdl_tinh", "h_ttdl_bo_tinh", "Trung tâm dữ liệu tỉnh",
                   "Provincial data centre")))],
        # Vertical bands: the column is the row of the horizontal bands to line up with.
        "an_toan_thong_tin": [_grid(
            (0, "s_attt_cap_do"), (3, "s_mo_hinh_4_lop"),
            (6, ("s_soc", "s_giam_sat_bao_ve", "Trung tâm giám sát an toàn thông tin tỉnh (SOC)",
                 "Provincial security operations centre (SOC)")),
            (9, "s_giam_sat_quoc_gia"))],
        "chi_dao_chinh_sach": [_grid(
            (0, "g_kien_truc"),
            (3, ("g_bcd", "g_bcd_bo_tinh", "Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh",
                 "Provincial e-Government steering committee")),
            (6, ("g_so_tttt", "g_so_tttt", "Sở Thông tin và Truyền thông tỉnh Gia Lai",
                 "Gia Lai Department of Information and Communications")),
            (9, "g_tieu_chuan"))],
        "he_thong_ngoai": [_grid((1, "e_buu_chinh"), (7, "e_he_thong_ngoai"))],
    }
    relations = [
        ("k_web", "Serving", "u_nguoi_dan", ""),
        ("k_web", "Serving", "u_doanh_nghiep", ""),
        ("k_zalo", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua_tinh", "Serving", "u_doanh_nghiep", ""),
        ("k_mot_cua_huyen", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua_xa", "Serving", "u_nguoi_dan", ""),
        ("k_buu_chinh", "Serving", "u_nguoi_dan", ""),
        ("e_buu_chinh", "Assignment", "k_buu_chinh", ""),
        ("c_cong_dvc_tinh", "Serving", "k_web", ""),
        ("c_cong_ttdt_tinh", "Serving", "k_web", ""),
        ("c_cong_ttdt_tinh", "Aggregation", "c_trang_ttdt_don_vi", ""),
        ("c_cong_dvc_tinh", "Realization", "c_danh_gia_hai_long", ""),
        ("c_cong_dvc_tinh", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("a_mot_cua_dien_tu", "Flow", "c_cong_dvcqg", "Đồng bộ hồ sơ"),
        ("c_cong_dvc_tinh", "Flow", "a_mot_cua_dien_tu", "Hồ sơ trực tuyến"),
        ("a_mot_cua_dien_tu", "Serving", "k_zalo", ""),
        ("a_mot_cua_dien_tu", "Serving", "k_mot_cua_tinh", ""),
        ("a_mot_cua_dien_tu", "Serving", "k_mot_cua_huyen", ""),
        ("a_mot_cua_dien_tu", "Serving", "k_mot_cua_xa", ""),
        ("i_thanh_toan", "Serving", "c_cong_dvc_tinh", "Thanh toán trực tuyến"),
        ("a_qlvb_dh", "Flow", "i_truc_lien_thong_vb", "Gửi văn bản ký số"),
        ("i_truc_lien_thong_vb", "Flow", "a_qlvb_dh", "Nhận văn bản"),
        ("i_chu_ky_so", "Serving", "a_qlvb_dh", "Ký số"),
        ("a_hntt_tinh", "Flow", "a_hntt_huyen", ""),
        ("a_hntt_huyen", "Flow", "a_hntt_xa", ""),
        ("a_ioc", "Serving", "u_lanh_dao", ""),
        ("a_bao_cao_tinh", "Flow", "a_httt_bao_cao_qg", ""),
        ("a_mot_cua_dien_tu", "Flow", "i_lgsp_tinh", ""),
        ("a_chuyen_nganh", "Access", "d_csdl_chuyen_nganh", ""),
        ("i_lgsp_tinh", "Access", "d_kho_du_lieu_dung_chung", ""),
        ("i_lgsp_tinh", "Flow", "i_ndxp", ""),
        ("i_ndxp", "Access", "d_csdlqg_dan_cu", ""),
        ("e_he_thong_ngoai", "Flow", "i_lgsp_tinh", ""),
        ("h_tslcd", "Association", "h_ttdl_tinh", ""),
        ("s_mo_hinh_4_lop", "Association", "s_soc", ""),
        ("s_soc", "Association", "s_giam_sat_quoc_gia", "Chia sẻ thông tin giám sát"),
        ("s_soc", "Association", "h_ttdl_tinh", ""),
        ("g_kien_truc", "Association", "g_bcd", ""),
        ("g_bcd", "Association", "g_so_tttt", ""),
    ]
    hosting = [("h_ttdl_tinh", "Serving", k) for k in (
        "c_cong_dvc_tinh", "c_cong_ttdt_tinh", "c_trang_ttdt_don_vi", "a_mot_cua_dien_tu",
        "a_qlvb_dh", "a_thu_dien_tu", "a_bao_cao_tinh", "a_ioc", "a_chuyen_nganh",
        "a_hntt_tinh", "i_lgsp_tinh")] + [("h_tslcd", "Serving", k) for k in (
            "a_hntt_huyen", "a_hntt_xa", "c_cong_dvcqg", "a_httt_bao_cao_qg", "i_ndxp",
            "i_truc_lien_thong_vb")]
    title = "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0"
    agency = "Ủy ban nhân dân tỉnh Gia Lai"
    prepared = "Sở Thông tin và Truyền thông tỉnh Gia Lai"
    return Spec(
        name="provincial", title=title,
        title_en="Gia Lai Province e-Government Architecture, version 2.0",
        bands=bands, relations=relations, hosting=hosting,
        properties=[("architecture_level", "province"), ("dossier:title", title),
                    ("dossier:agency", agency), ("dossier:version", "2.0"),
                    ("dossier:prepared_by", prepared),
                    ("framework", "QĐ 2323/QĐ-BTTTT ngày 31/12/2019")],
        metadata={"title": title, "creator": prepared, "publisher": agency, "language": "vi"},
        documentation="Mẫu Kiến trúc Chính quyền điện tử cấp tỉnh phiên bản 2.0 theo cách của "
                      "tỉnh Gia Lai (QĐ 796/QĐ-UBND ngày 31/12/2020): thay tên, thêm hệ thống "
                      "của tỉnh mình.",
        view_name="Sơ đồ tổng thể Kiến trúc Chính quyền điện tử tỉnh",
        view_name_en="Overall diagram of the provincial e-Government architecture",
    )


def empty_spec() -> Spec:
    """One view with only the layer bands, ready for the palette."""
    return Spec(name="empty", title="", title_en="", bands={}, view_name="Sơ đồ khái quát",
                view_name_en="Overview diagram")


SPECS = {"national": national_spec, "provincial": provincial_spec, "empty": empty_spec}


def build(name: str, catalog: Catalog | None = None) -> Model:
    """Build the template ``name`` as a model (not yet saved)."""
    spec = SPECS[name]()
    builder = Builder(spec, catalog or load_builtin_catalog())
    builder.add_elements()
    builder.overview_view("overview", spec.bands, spec.relations, spec.view_name,
                          spec.view_name_en)
    hosting_view(builder, spec)
    return builder.model


def write(name: str, folder: Path = HERE) -> Path:
    """Build, validate (no errors, no warnings) and save the template ``name``."""
    from egov_modeler import validate
    from egov_modeler.export.native import save

    model = build(name)
    problems = validate(model)
    if problems:
        raise SystemExit(f"template {name} does not validate clean:\n"
                         + "\n".join(str(p) for p in problems))
    path = folder / f"{name}.egov"
    save(model, path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild the shipped .egov templates.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"templates to build (default: all of {', '.join(SPECS)})")
    parser.add_argument("-o", "--output", type=Path, default=HERE)
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in SPECS]
    if unknown:
        parser.error(f"unknown template {unknown[0]!r}; choose from {', '.join(SPECS)}")
    for name in args.names or list(SPECS):
        path = write(name, args.output)
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
